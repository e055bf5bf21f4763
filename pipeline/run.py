"""Run the pipeline over many files: extract each (in parallel when worth it), then merge.

One bad article never stops the run: its error is kept in the report with its path and
what to do, and the run goes on. The merge sees extractions in path order, so the output
does not depend on which worker finished first.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PipelineError
from .extract import extract_article
from .identity import slugify
from .merge import merge
from .records import Dct, Event, Extraction

INPUT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
PARALLEL_FROM = 64  # below this many files, starting processes costs more than it saves


@dataclass
class Report:
    """What happened to every input: read, skipped with the reason, warnings."""

    read: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self, events: int, seconds: float) -> str:
        return (f"Done: {len(self.read)} articles read, {events} events, "
                f"{len(self.skipped)} skipped, {len(self.warnings)} warnings "
                f"in {seconds:.2f} seconds.")


def collect(inputs: Iterable[str]) -> list[str]:
    """Files named, and article files inside folders named, in a stable order."""
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            out.extend(str(f) for f in sorted(p.rglob("*"))
                       if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES
                       and not f.name.startswith("."))
        else:
            out.append(item)
    return out


def _safe_extract(path: str, dct: Dct | None) -> Extraction | PipelineError:
    try:
        return extract_article(path, dct)
    except PipelineError as err:
        return err
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the build
        return PipelineError(path, f"could not be processed ({type(err).__name__}: {err})",
                             "report this file with the message")


def extract_all(paths: Sequence[str], dct: Dct | None = None,
                jobs: int | None = None) -> tuple[list[Extraction], Report]:
    report = Report()
    jobs = jobs or (os.cpu_count() or 1)
    if jobs > 1 and len(paths) >= PARALLEL_FROM:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_safe_extract, paths, [dct] * len(paths), chunksize=16))
    else:
        with warnings.catch_warnings():
            results = [_safe_extract(p, dct) for p in paths]
    extractions = []
    for path, result in zip(paths, results, strict=True):
        if isinstance(result, PipelineError):
            report.skipped.append(result.describe())
            continue
        report.read.append(path)
        report.warnings.extend(result.article.warnings)
        extractions.append(result)
    return extractions, report


def drop_duplicate_articles(extractions: list[Extraction], report: Report) -> list[Extraction]:
    """The same article saved twice under two names is one source."""
    seen: dict[str, str] = {}
    kept = []
    for x in extractions:
        key = " ".join(x.article.text[x.article.body_start:].split())
        if key in seen:
            report.warnings.append(f"{x.article.path}: same text as {seen[key]}; "
                                   "counted once (remove one of the two files)")
            continue
        seen[key] = x.article.path
        kept.append(x)
    return kept


def unique_ids(events: Sequence[Event]) -> tuple[Event, ...]:
    """Two different events with the same id get a suffix from their first source."""
    from dataclasses import replace
    counts: dict[str, int] = {}
    for e in events:
        counts[e.id] = counts.get(e.id, 0) + 1
    out = []
    for e in events:
        if counts[e.id] > 1:
            first = e.sources[0]
            e = replace(e, id=f"{e.id}-{slugify(Path(first.path).stem, 20)}-{first.start}")
        out.append(e)
    return tuple(out)


def run(inputs: Iterable[str], dct: Dct | None = None,
        jobs: int | None = None) -> tuple[list[Extraction], tuple[Event, ...], Report]:
    paths = collect(inputs)
    extractions, report = extract_all(paths, dct, jobs)
    extractions = drop_duplicate_articles(extractions, report)
    langs = {x.article.path: x.article.lang for x in extractions}
    events = merge([e for x in extractions for e in x.events],
                   lambda e: langs.get(e.sources[0].path, "fr"))
    return extractions, unique_ids(events), report
