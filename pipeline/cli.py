"""Command line: ``python -m pipeline extract FILE...`` and ``python -m pipeline build``.

``extract`` prints the contract JSON on standard output; ``build`` writes Pelican content.
Problems go to standard error, one line each, naming the file; the run ends with a
one-line summary. ``--strict`` makes any warning or skipped file a failing exit code.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from pathlib import Path

from .contract import to_json
from .errors import DataFileError
from .read import parse_date
from .records import Dct
from .run import run, without_cycle_collector
from .settings import SettingError, check_lang

log = logging.getLogger("pipeline")
# control characters, and the marks that reverse the direction of a line: a file name
# holding them would move the cursor or forge a line of its own ("\rDone: ...")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(line: str) -> str:
    """``line`` with its control characters written as escapes (``\x1b``, ``\r``)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], line)


def _dct_option(raw: str | None) -> Dct | None:
    if not raw:
        return None
    problems: list[str] = []
    dct = parse_date(raw, "--dct", problems)
    if dct is None:
        raise SystemExit(f"--dct {raw!r} is not a date: write it as YYYY-MM-DD")
    return Dct(dct.value, "option")


def _lang_option(raw: str) -> str:
    try:
        return check_lang(raw, "")
    except SettingError as err:
        raise argparse.ArgumentTypeError(str(err).strip()) from None


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print the extraction JSON of the given articles")
    ex.add_argument("files", nargs="+", help="article files or folders")
    bd = sub.add_parser("build", help="extract from a folder and write Pelican content")
    bd.add_argument("inputs", nargs="+", help="article files or folders (e.g. seeds/)")
    bd.add_argument("--content", default="content", help="Pelican content folder")
    bd.add_argument("--lang", default="fr", type=_lang_option,
                    help="language of the site (fr or en)")
    for p in (ex, bd):
        p.add_argument("--dct", help="document date for articles without one (YYYY-MM-DD)")
        p.add_argument("--jobs", type=int, default=None,
                       help="worker processes (default: all cores)")
        p.add_argument("--scheduler", default=None,
                       help="extract on the Dask cluster of this scheduler address "
                            "(default: $DIPLO_SCHEDULER, else this machine's cores)")
        p.add_argument("--strict", action="store_true", help="fail on any warning or skipped file")
        p.add_argument("--curation", default=None,
                       help="curation file (build: <content>/curation.yaml by default)")
    return ap


def _curate(path: Path | None, extractions, events, lang: str | None,
            resolve=None) -> tuple[tuple, int]:
    """The events with the curation file applied, and how many of its entries failed.
    ``resolve``: where an id no event carries leads (``PublishedIds.resolve``)."""
    if path is None:
        return events, 0
    from .curation import apply_curation, load_curation
    curation = load_curation(path)
    problems, moved = list(curation.errors), []
    events = apply_curation(events, curation, extractions, problems, lang, resolve, moved)
    for line in moved:  # applied all the same: not a failure
        log.warning("CURATION %s", line)
    for line in problems:
        log.warning("CURATION %s", printable(line))
    return events, len(problems)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    started = time.perf_counter()
    inputs = args.files if args.command == "extract" else args.inputs
    from .cluster import ClusterError, default_scheduler
    try:
        extractions, events, report = run(inputs, _dct_option(args.dct), args.jobs,
                                          scheduler=args.scheduler or default_scheduler())
    except ClusterError as err:
        log.error("FAILED %s", err.describe())
        return 1
    except DataFileError as err:
        log.error("FAILED %s (no article was read)", err)
        return 1
    for line in report.warnings:
        log.warning("WARNING %s", printable(line))
    for line in report.skipped:
        log.error("SKIPPED %s", printable(line))
    curation = Path(args.curation) if args.curation else None
    if args.command == "extract":
        events, failed = _curate(curation, extractions, events, None)
        sys.stdout.write(to_json(report.listed, events))
    else:
        from .content import write_content
        from .published import PublishedIds
        from .titles import retitle
        events = retitle(events, args.lang)
        # every URL published before keeps leading to its happening
        published = PublishedIds.load(args.content)
        extracted = events
        # after retitling, so that titles written by hand are not remade
        events, failed = _curate(curation or Path(args.content) / "curation.yaml",
                                 extractions, events, args.lang, published.resolve)
        events = published.redirect(events, extracted)
        published.save(events)
        for line in published.problems:
            log.warning("WARNING %s", line)
        report.warnings.extend(published.problems)
        with without_cycle_collector():
            write_content(extractions, events, Path(args.content), args.lang)
    log.info(report.summary(len(events), time.perf_counter() - started))
    if args.strict and (report.warnings or report.skipped or failed):
        # say why the exit code is non-zero: in CI the lines above may scroll far away
        log.error("FAILED --strict: %d warnings, %d skipped files, %d curation problems "
                  "(fix them, or build without --strict)",
                  len(report.warnings), len(report.skipped), failed)
        return 1
    return 0
