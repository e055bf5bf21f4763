"""Build benchmark on synthetic corpora (a benchmark, not a test: it takes minutes).

    python bench/bench_build.py [--sizes 1000 10000] [--work DIR] [--keep]

For each size N it generates N articles (``bench/corpus.py``) in a scratch folder and
measures, each step in its own process so that peak memory is that step's own:

- extraction throughput in one process (on a sample of at most 300 articles, extrapolated)
  and on all cores (every article, cache off);
- ``dateparser.search_dates`` over the same article bodies, called as documented (a sample
  of 30: without a language it tries every one it knows, about 0.3 s an article; the goal's
  baseline) and told each article's language (a sample of 100: its fastest use, a stronger
  baseline printed beside); and the pipeline's date stage alone over the one-process
  sample (the work dateparser does);
- the full build as ``invoke build`` runs it (extract with a cold cache, write content,
  Pelican with the timeline plugin and search index) with its peak memory;
- the rebuild after adding one article to the built site;
- a bare Pelican build (default theme, no plugins, no cache) of the same pages: a Markdown
  file per event and per source article.

Up to 2,000 articles the builds are timed three times (the full build from a cold state
each time, the same article added again each time) and the best run is kept for the
ratios, with the spread printed beside it: on a shared machine noise only adds time.

Every figure is printed with the ratio the project's goals are stated in.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from pipeline.settings import pelican_cache  # noqa: E402

PY = sys.executable
SAMPLE_ONE = 300
SAMPLE_DATEPARSER = 100
SAMPLE_DATEPARSER_DEFAULT = 30  # the default call detects the language: ~0.3 s an article
NOOP_UP_TO = 2000
# up to this size the builds are timed several times and the best run kept, with the spread
REPEAT_UP_TO = 2000
REPEATS = 3
BARE_UP_TO = 2000  # bare Pelican took over 25 minutes on 10,000 articles: not a goal there
BARE_SETTINGS = """\
PATH = "content"
ARTICLE_PATHS = ["events"]
PAGE_PATHS = ["sources"]
IGNORE_FILES = ["*.json", "*.yaml"]
TIMEZONE = "UTC"
DEFAULT_LANG = "fr"
PLUGINS = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


LAST_LOG: list[str] = []  # the summary lines of the last timed command


def _tree(pid: int) -> list[int]:
    """``pid`` and every process under it, from /proc."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return out


def _pss_kb(pid: int) -> int:
    # proportional set size: pages a forked worker shares with its parent count once
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration, ValueError):
        return 0


class TreePeak(threading.Thread):
    """The highest memory of a whole process tree at once (the build, Pelican and the
    Pagefind runs it starts while it is still in memory), sampled every 50 ms. The
    kernel's own figure (ru_maxrss) is only the largest single process."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, peak memory in MB of the process tree, all its processes at once)."""
    # output goes to a file, not a pipe: a full pipe would block the build being timed
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})},
                                stdout=log, stderr=subprocess.STDOUT)
        sampler = TreePeak(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        sampler.done.set()
        sampler.join()
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-4000:])
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
        log.seek(0)
        # Pelican wraps its summary line: join a summary with what follows up to its end
        text = re.sub(r"\n(?!Done:|Site written)", " ", log.read().decode(errors="replace"))
        LAST_LOG[:] = [line.strip() for line in text.splitlines()
                       if line.startswith(("Done:", "Site written"))]
    # never below the largest single process (a peak shorter than the sampling period)
    return seconds, max(sampler.peak_kb, usage.ru_maxrss) / 1024  # Linux reports kilobytes


def python_step(code: str, cwd: Path) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    out = subprocess.run([PY, "-c", code], cwd=cwd, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"})
    if out.returncode:
        raise SystemExit(out.stderr[-4000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


EXTRACT = """
import json, sys, time
from pipeline.dates import annotate
from pipeline.extract import warm_up
from pipeline.read import read_article
from pipeline.run import collect, extract_all
paths = collect(["seeds"])[:{limit}]
warm_up()  # vocabularies loaded outside the timing
t = time.perf_counter()
xs, report = extract_all(paths, jobs={jobs}, cache=False)
s = time.perf_counter() - t
# the date stage alone (what dateparser.search_dates does) on the same articles, read first
articles = [read_article(p) for p in paths] if {jobs} == 1 else []
t = time.perf_counter()
for a in articles:
    annotate(a)
print(json.dumps({{"n": len(paths), "s": s, "dates_s": time.perf_counter() - t,
                  "events": sum(len(x.events) for x in xs)}}))
"""

DATEPARSER = """
import json, time, warnings
import dateparser.search
from pipeline.read import read_article
from pipeline.run import collect
warnings.simplefilter("ignore")
articles = [read_article(p) for p in collect(["seeds"])[:{limit}]]
settings = {{"PREFER_DATES_FROM": "past"}}
dateparser.search.search_dates("le 24 novembre 2022", languages=["fr"], settings=settings)
dateparser.search.search_dates("on November 24, 2022", languages=["en"], settings=settings)
t = time.perf_counter()
for a in articles:
    dateparser.search.search_dates(a.body, languages=[a.lang], settings=settings)
s = time.perf_counter() - t
# the call as documented, without the language (dateparser then tries every language)
few = articles[:{default}]
t = time.perf_counter()
for a in few:
    dateparser.search.search_dates(a.body, settings=settings)
print(json.dumps({{"n": len(articles), "s": s, "n_default": len(few),
                  "s_default": time.perf_counter() - t}}))
"""


def build(work: Path, env: dict | None = None) -> tuple[float, float]:
    """The build ``invoke build`` runs, with this work folder's seeds, content and output
    (``env``: more environment variables for its processes)."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import tasks; "
            "from invoke import Context; from pathlib import Path; "
            "tasks.CONFIG.update(seeds='seeds', content='content', output='output'); "
            "tasks.ROOT = Path('.').resolve(); "
            f"tasks._publish(Context(), {str(ROOT / 'pelicanconf.py')!r})")
    return timed([PY, "-c", code], work, {"PYTHONPATH": str(ROOT), "CI": "1", **(env or {})})


def bare_pelican(work: Path) -> tuple[float, float]:
    """Pelican alone, default theme, no plugins, on the same pages as content files: a
    Markdown file per event and per source (title, date, slug), written from the sidecar."""
    bare = work / "bare"
    shutil.rmtree(bare, ignore_errors=True)
    data = json.loads((work / "content" / "data" / "timeline.json").read_text(encoding="utf-8"))
    kinds = (("events", data["events"], "sort"), ("sources", data["sources"], None))
    for folder, items, date in kinds:
        (bare / "content" / folder).mkdir(parents=True)
        for item in items:
            slug = item.get("id") or item["slug"]
            title = " ".join((item.get("title") or slug).split())
            lines = [f"Title: {title}", f"Slug: {slug}"] + ([f"Date: {item[date]}"] if date else [])
            (bare / "content" / folder / f"{slug}.md").write_text("\n".join(lines) + "\n",
                                                                  encoding="utf-8")
    (bare / "bareconf.py").write_text(BARE_SETTINGS, encoding="utf-8")
    return timed([PY, "-m", "pelican", "content", "-s", "bareconf.py", "-o", "output", "-q"],
                 bare)


def _cold(work: Path) -> None:
    """Back to a corpus never built: no output, no content, no cache (the plugin's stores
    are beside the settings file, in the project's own cache folder)."""
    for name in ("output", "content", ".cache"):
        shutil.rmtree(work / name, ignore_errors=True)
    for stale in work.glob(".output-*"):
        shutil.rmtree(stale, ignore_errors=True)
    shutil.rmtree(pelican_cache(ROOT / "pelicanconf.py"), ignore_errors=True)


def _runs(times: list[float]) -> str:
    """The best of several runs, with their spread: noise only ever adds time."""
    if len(times) < 2:
        return f"{times[0]:9.1f} s"
    return f"{min(times):9.1f} s   ({min(times):.1f}-{max(times):.1f}, best of {len(times)})"


def one_size(n: int, root: Path) -> dict:
    work = root / f"n{n}"
    shutil.rmtree(work, ignore_errors=True)
    generate(n, work / "seeds")
    row: dict = {"n": n, "cores": os.cpu_count() or 1}
    repeats = REPEATS if n <= REPEAT_UP_TO else 1

    def note(**figures) -> None:
        # each figure as soon as it is known: a long run stopped halfway still tells something
        row.update(figures)
        print("  " + ", ".join(f"{k}={v:.1f}" if isinstance(v, float) else
                               f"{k}={[round(x, 2) for x in v]}" for k, v in figures.items()),
              file=sys.stderr, flush=True)

    one = python_step(EXTRACT.format(limit=min(n, SAMPLE_ONE), jobs=1), work)
    every = python_step(EXTRACT.format(limit=n, jobs=0), work)
    dp = python_step(DATEPARSER.format(limit=min(n, SAMPLE_DATEPARSER),
                                       default=SAMPLE_DATEPARSER_DEFAULT), work)
    note(one_core=one["n"] / one["s"], all_cores=every["n"] / every["s"],
         dateparser=dp["n"] / dp["s"], dateparser_default=dp["n_default"] / dp["s_default"],
         date_stage=one["n"] / one["dates_s"])
    full = []
    for _ in range(repeats):
        _cold(work)
        full.append(build(work))
    note(full_s=[s for s, _ in full], full_mb=max(mb for _, mb in full),
         pages=float(sum(1 for _ in (work / "output").rglob("*.html"))))
    row["pages"] = int(row["pages"])
    # the no-change rebuild is the floor of any rebuild; skipped on large sizes for time
    noop = [build(work)[0] for _ in range(repeats)] if n <= NOOP_UP_TO else [float("nan")]
    note(noop_s=noop)
    [added] = generate(1, work / "seeds", start=n)
    adds = []
    for r in range(repeats):
        if r:  # the same article again, onto the site without it
            held = work / added.name
            added.rename(held)
            # twice: the build folder is the site before last (pipeline/publish.py), which
            # must not be the one that has the article already
            build(work)
            build(work)
            held.rename(added)
        adds.append(build(work))
    note(add_one_s=[s for s, _ in adds], add_one_mb=max(mb for _, mb in adds))
    row["add_one_log"] = list(LAST_LOG)  # where the (last) rebuild's time went
    bare_s, bare_mb = bare_pelican(work) if n <= BARE_UP_TO else (float("nan"), float("nan"))
    note(bare_s=bare_s, bare_mb=bare_mb)
    return row


def _sample(n: int, size: int) -> str:
    return f"   (sample of {size}, extrapolated)" if size < n else ""


def report(rows: list[dict]) -> str:
    lines = []
    for r in rows:
        full, noop, add = min(r["full_s"]), min(r["noop_s"]), min(r["add_one_s"])
        lines += [
            f"\n== {r['n']:,} articles ({r['pages']:,} HTML pages, {r['cores']} cores) ==",
            f"extraction, one process      {r['one_core']:9.1f} articles/s"
            + _sample(r["n"], SAMPLE_ONE),
            f"extraction, all cores        {r['all_cores']:9.1f} articles/s"
            f"   {r['all_cores'] / r['one_core']:.2f}x one process",
            f"dateparser.search_dates      {r['dateparser_default']:9.1f} articles/s"
            "   as documented, language detected" + _sample(r["n"], SAMPLE_DATEPARSER_DEFAULT),
            f"  extraction vs dateparser   one process"
            f" {r['one_core'] / r['dateparser_default']:.1f}x,"
            f" all cores {r['all_cores'] / r['dateparser_default']:.1f}x   (goal >= 20x)",
            f"dateparser.search_dates      {r['dateparser']:9.1f} articles/s   told the language"
            + _sample(r["n"], SAMPLE_DATEPARSER),
            f"  extraction vs dateparser   one process {r['one_core'] / r['dateparser']:.1f}x,"
            f" all cores {r['all_cores'] / r['dateparser']:.1f}x   (a stronger baseline)",
            f"  date stage alone (the same articles, one process)"
            f" {r['date_stage'] / r['dateparser']:.1f}x dateparser told the language",
            f"full build (cold cache)      {_runs(r['full_s'])}   peak {r['full_mb']:,.0f} MB"
            f"   (goal < 2,048 MB at 10,000)",
            f"bare Pelican, same pages     {r['bare_s']:9.1f} s   peak {r['bare_mb']:,.0f} MB",
            f"  full build / bare Pelican  {full / r['bare_s']:.2f}x   (goal <= 3x)",
            f"rebuild, nothing changed     {_runs(r['noop_s'])}"
            f"   {100 * noop / full:.1f}% of the full build",
            f"rebuild after adding one     {_runs(r['add_one_s'])}   peak {r['add_one_mb']:,.0f} MB"
            # one decimal: a whole percent would print 25% for 25.4%, over the goal
            f"   {100 * add / full:.1f}% of the full build (goal <= 25%)",
            *(f"    {line}" for line in r.get("add_one_log", [])),
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--work", help="scratch folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = ap.parse_args(argv)
    root = Path(args.work or tempfile.mkdtemp(prefix="diplo-bench-"))
    rows = []
    try:
        for n in args.sizes:
            print(f"benchmarking {n:,} articles in {root} ...", file=sys.stderr, flush=True)
            rows.append(one_size(n, root))
            print(report(rows[-1:]), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if len(rows) > 1:
        print("Summary" + report(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
