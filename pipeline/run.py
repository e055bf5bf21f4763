"""Run the pipeline over many files: extract each (in parallel when worth it), then merge.

One bad article never stops the run: its error is kept in the report with its path and
what to do, and the run goes on. The merge sees extractions in path order, so the output
does not depend on which worker finished first. Unchanged articles are taken from the
extraction cache (``pipeline.cache``) and never re-extracted; the rest are spread over
all cores, with a progress bar when a person is watching (``pipeline.progress``).

``extract_article`` is a pure function of a file, and ``merge`` only needs the list of
``Extraction`` records, so the extraction can run anywhere (on a Dask cluster:
``pipeline.cluster``, docs/scaling-out.md) and the merge on one machine.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ExtractionCache, default_folder
from .errors import DataFileError, PipelineError
from .extract import extract_article, warm_up
from .identity import slugify
from .merge import merge
from .progress import Progress
from .records import Dct, Event, Extraction, without_cycle_collector
from .remerge import remerge

INPUT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
PARALLEL_FROM = 64  # below this many files, starting processes costs more than it saves


@dataclass
class Report:
    """What happened to every input: read, skipped with the reason, warnings."""

    read: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cached: int = 0  # articles taken from the extraction cache, not re-extracted
    keys: dict[str, str] = field(default_factory=dict)  # path -> its cache key, if cached
    # every article read, in input order, a duplicate included: the extraction contract
    # lists each file it was given, while the merge and the site count a duplicate once
    listed: list[Extraction] = field(default_factory=list)
    hidden: int = 0  # hidden files in the folders read (not articles: counted, not read)

    def summary(self, events: int, seconds: float) -> str:
        hidden = f", {self.hidden} hidden files ignored" if self.hidden else ""
        return (f"Done: {len(self.read)} articles read, {events} events, "
                f"{len(self.skipped)} skipped, {len(self.warnings)} warnings{hidden} "
                f"in {seconds:.2f} seconds.")


def scan(folder: Path) -> tuple[list[Path], list[str], int]:
    """The articles of a folder's own tree, in a stable order; the files it holds that
    are not articles, each with what to do; how many hidden files it holds.

    A link is followed only where it stays inside the folder's real tree: a link leaving
    it (to a system file, another project) is skipped, never published. Hidden files and
    folders (an editor's backup, ``.trash/``, ``.git/``) are not read, only counted."""
    root = os.path.realpath(folder)
    articles: list[Path] = []
    problems: list[str] = []
    hidden = 0
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder).parts
        if any(part.startswith(".") for part in rel):
            hidden += not f.is_dir()
            continue
        real = os.path.realpath(f) if f.is_symlink() else root
        if os.path.commonpath([root, real]) != root:
            problems.append(f"{f}: a link to {real}, outside {folder}/, is not read "
                            "(copy the article into the folder, or remove the link)")
        elif f.is_dir():  # a linked folder is not walked (its files are read where they are)
            continue
        elif not f.is_file():
            problems.append(f"{f}: cannot be read (a broken link?); fix or remove it")
        elif f.suffix.lower() not in INPUT_SUFFIXES:
            problems.append(f"{f}: not an article format; save it as .txt, .md or .html")
        else:
            articles.append(f)
    return articles, problems, hidden


def scan_all(inputs: Iterable[str]) -> tuple[list[str], list[str], int]:
    """``scan`` over files and folders named: articles (a file named is one), problems,
    hidden files."""
    paths: list[str] = []
    problems: list[str] = []
    hidden = 0
    for item in inputs:
        p = Path(item)
        if not p.is_dir():
            paths.append(item)
            continue
        articles, lines, n = scan(p)
        paths.extend(str(f) for f in articles)
        problems.extend(lines)
        hidden += n
    return paths, problems, hidden


def collect(inputs: Iterable[str]) -> list[str]:
    """Files named, and article files inside folders named, in a stable order."""
    return scan_all(inputs)[0]


def not_articles(inputs: Iterable[str]) -> list[str]:
    """Files inside the folders named that are not articles (a PDF, a Word file, a broken
    link, a link leaving the folder): reported as skipped, never silently ignored."""
    return scan_all(inputs)[1]


def safe_extract(path: str, dct: Dct | None = None,
                 data: bytes | None = None) -> Extraction | PipelineError:
    """``extract_article``, with any failure returned as a ``PipelineError`` (picklable)."""
    try:
        return extract_article(path, dct, data)
    except PipelineError as err:
        return err
    except DataFileError:
        raise  # every article would fail alike: the run stops once, naming the data file
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the build
        return PipelineError(path, f"could not be processed ({type(err).__name__}: {err})",
                             "report this file with the message")


def check_data() -> None:
    """Load and compile every vocabulary (``warm_up``). The warm-up articles are the tool's
    own, so any failure there is a broken data file, reported as one."""
    try:
        warm_up()
    except DataFileError:
        raise
    except Exception as err:
        raise DataFileError(f"the data files under pipeline/data could not be loaded "
                            f"({type(err).__name__}: {err}); fix the file changed last, or "
                            "reinstall") from err


def _pool_context():
    # fork keeps what the parent already loaded (vocabularies, compiled patterns), which
    # each worker would otherwise rebuild; elsewhere the platform default is used
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _extract_many(paths: Sequence[str], dct: Dct | None, jobs: int,
                  bar: Progress) -> Iterator[Extraction | PipelineError]:
    """Results in the order of ``paths``, whichever worker finishes first."""
    if jobs > 1 and len(paths) >= PARALLEL_FROM:
        # every vocabulary is loaded once here, before the fork, rather than in each worker
        check_data()
        chunk = max(1, min(16, len(paths) // (jobs * 8)))
        with ProcessPoolExecutor(jobs, mp_context=_pool_context()) as pool:
            for result in pool.map(safe_extract, paths, [dct] * len(paths), chunksize=chunk):
                yield result
                bar.advance()
        return
    for path in paths:
        yield safe_extract(path, dct)
        bar.advance()


def _store(cache: ExtractionCache | None | bool) -> ExtractionCache | None:
    if cache is True:
        folder = default_folder()
        return ExtractionCache(folder) if folder is not None else None
    return cache or None


def extract_all(paths: Sequence[str], dct: Dct | None = None, jobs: int | None = None,
                cache: ExtractionCache | None | bool = True,
                scheduler=None) -> tuple[list[Extraction], Report]:
    """Extract every path; unchanged articles come from the cache, the rest in parallel.

    ``cache``: True for the default folder (see ``pipeline.cache``), False or None for
    none, or an ``ExtractionCache``. ``scheduler``: a Dask scheduler's address (or a
    ``distributed.Client``) to extract on instead of this machine's cores
    (``pipeline.cluster``). Results keep the order of ``paths``.
    """
    report = Report()
    jobs = jobs or (os.cpu_count() or 1)
    store = _store(cache)
    results: dict[int, Extraction | PipelineError] = {}
    keys: dict[int, str | None] = {}
    if store is not None:
        for i, path in enumerate(paths):
            keys[i] = store.key(path, dct)
            if keys[i] is not None:
                report.keys[path] = keys[i]
            hit = store.load(keys[i])
            if hit is not None:
                results[i] = hit
    todo = [i for i in range(len(paths)) if i not in results]
    # a short run draws no bar: it would only flash
    quiet = False if len(todo) < PARALLEL_FROM else None
    with Progress(len(todo), "Extracting", enabled=quiet) as bar, without_cycle_collector():
        if scheduler:
            from .cluster import extract_many
            fresh = extract_many(scheduler, [paths[i] for i in todo], dct, bar)
        else:
            fresh = _extract_many([paths[i] for i in todo], dct, jobs, bar)
        for i, result in zip(todo, fresh, strict=True):
            results[i] = result
            if store is not None and isinstance(result, Extraction):
                store.store(keys[i], result)
    extractions = []
    for i, path in enumerate(paths):
        result = results[i]
        if isinstance(result, PipelineError):
            report.skipped.append(result.describe())
            continue
        report.read.append(path)
        report.warnings.extend(result.article.warnings)
        extractions.append(result)
    report.cached = len(paths) - len(todo)
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
    """Two different events with the same id: the one whose first source sorts first keeps
    it, the others take a suffix from their first source. Every event also keeps its
    suffixed form as an alias, so that a URL given out while ids collided stays valid
    when they no longer do."""
    from dataclasses import replace

    stems: dict[str, str] = {}

    def suffix(e: Event) -> str:
        first = min(e.sources, key=lambda s: (s.path, s.start))
        if first.path not in stems:
            stems[first.path] = slugify(Path(first.path).stem, 20)
        return f"{e.id}-{stems[first.path]}-{first.start}"

    suffixed = [suffix(e) for e in events]
    owner: dict[str, int] = {}
    for i, e in enumerate(events):
        if e.id not in owner or suffixed[i] < suffixed[owner[e.id]]:
            owner[e.id] = i
    named = []  # (id, aliases) of each event
    for i, e in enumerate(events):
        alias = suffixed[i]
        if owner[e.id] != i:
            named.append((alias, tuple(sorted(set(e.aliases) - {alias}))))
        else:
            named.append((e.id, tuple(sorted({*e.aliases, alias}))))
    # an alias names one event only, and never another event's id: each makes one page
    ids = {event_id for event_id, _ in named}
    claimed: dict[str, str] = {}
    for event_id, aliases in sorted(named, key=lambda n: n[0]):
        for a in aliases:
            claimed.setdefault(a, event_id)
    # each event copied once, with its final id and aliases (a copy costs, 4,000 times)
    return tuple(replace(e, id=event_id, aliases=tuple(a for a in aliases if a not in ids
                                                       and claimed[a] == event_id))
                 for e, (event_id, aliases) in zip(events, named, strict=True))


def run(inputs: Iterable[str], dct: Dct | None = None, jobs: int | None = None,
        cache: ExtractionCache | None | bool = True, scheduler=None,
        ) -> tuple[list[Extraction], tuple[Event, ...], Report]:
    """Collect, extract (cached, parallel or on a Dask cluster), drop duplicates, merge;
    deterministic output."""
    inputs = list(inputs)
    paths, problems, hidden = scan_all(inputs)
    store = _store(cache)
    with without_cycle_collector():
        extractions, report = extract_all(paths, dct, jobs, store or False, scheduler)
        report.skipped.extend(problems)
        report.hidden = hidden
        report.listed = extractions
        extractions = drop_duplicate_articles(extractions, report)
        langs = {x.article.path: x.article.lang for x in extractions}

        def lang_of(e: Event) -> str:
            return langs.get(e.sources[0].path, "fr")
        if store is None:
            events = merge([e for x in extractions for e in x.events], lang_of)
        else:
            # the last merge's decisions are replayed where no changed article reaches
            articles = [(x.article.path, report.keys[x.article.path], x.events)
                        for x in extractions]
            events, trace = remerge(articles, lang_of, store.load_trace(inputs))
            store.store_trace(inputs, trace)
        return extractions, unique_ids(events), report
