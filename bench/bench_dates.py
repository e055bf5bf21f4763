"""Throughput of the temporal stage against ``dateparser.search_dates`` (a benchmark, not a test).

    python bench/bench_dates.py [CORPUS_DIR ...] [--repeat N]

Reads every article of the corpora (default: the dev and ftib-dev corpora under
/work/shared/corpus), runs ``pipeline.dates.annotate`` and ``dateparser.search_dates`` over
the same article bodies, and prints characters per second for both and their ratio
(best pass of each, so that other load on the machine does not skew the ratio).
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys
import time
import warnings

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from pipeline.dates import annotate  # noqa: E402
from pipeline.records import Article, Dct  # noqa: E402
from pipeline.segment import segment  # noqa: E402

DEFAULT_CORPORA = ["/work/shared/corpus/dev", "/work/shared/corpus/ftib-dev"]


def read(path: pathlib.Path) -> Article:
    """A minimal reader: front matter block with date/lang, or a title line for plain text."""
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.S)
    meta: dict[str, str] = {}
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip()] = v.strip().strip('"')
        body_start = m.end()
    else:
        nl = text.find("\n")
        body_start = nl + 1 if nl >= 0 else len(text)
    dct = Dct(meta["date"], "metadata") if meta.get("date") else None
    return Article(
        path=str(path),
        text=text,
        body_start=body_start,
        title=meta.get("title", ""),
        lang=meta.get("lang", "fr"),
        dct=dct,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", default=DEFAULT_CORPORA)
    ap.add_argument(
        "--repeat", type=int, default=20, help="timed passes of pipeline.dates (best one counts)"
    )
    ap.add_argument(
        "--dateparser-repeat",
        type=int,
        default=3,
        help="timed passes of dateparser (best one counts)",
    )
    args = ap.parse_args()
    articles = [
        read(p)
        for d in args.corpora
        for p in sorted(pathlib.Path(d).glob("*"))
        if p.suffix in (".md", ".txt") and not p.name.lower().startswith("readme")
    ]
    chars = sum(len(a.body) for a in articles)
    annotate(articles[0])  # load and compile the vocabularies outside the timing
    sentences = [segment(a) for a in articles]  # the segment stage's, found before dates

    passes = []
    found = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        found = sum(len(annotate(a, s)[1]) for a, s in zip(articles, sentences, strict=True))
        passes.append(time.perf_counter() - t0)
    ours = min(passes)  # best pass: the machine's other load only ever adds time

    import dateparser.search  # noqa: E402

    warnings.simplefilter("ignore")
    settings = {"PREFER_DATES_FROM": "past"}
    dateparser.search.search_dates("warm up 24 novembre 2022", languages=["fr"], settings=settings)
    dateparser.search.search_dates("warm up 24 November 2022", languages=["en"], settings=settings)
    passes = []
    theirs_found = 0
    for _ in range(args.dateparser_repeat):
        t0 = time.perf_counter()
        theirs_found = sum(
            len(dateparser.search.search_dates(a.body, languages=[a.lang], settings=settings) or [])
            for a in articles
        )
        passes.append(time.perf_counter() - t0)
    theirs = min(passes)

    print(f"articles: {len(articles)}   body characters: {chars}")
    print(
        f"pipeline.dates.annotate : {ours * 1000:8.1f} ms/pass  {chars / ours:12,.0f} chars/s  "
        f"({found} timexes)"
    )
    print(
        f"dateparser.search_dates : {theirs * 1000:8.1f} ms/pass  {chars / theirs:12,.0f} chars/s  "
        f"({theirs_found} dates)"
    )
    print(f"speed-up: {theirs / ours:.1f}x")


if __name__ == "__main__":
    main()
