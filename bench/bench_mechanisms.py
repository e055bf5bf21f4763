"""What each speed mechanism of the build saves (a benchmark, not a test: it takes long).

    python bench/bench_mechanisms.py [--size 1000] [--runs 3] [--work DIR] [--only a,b]

For each mechanism, the build is timed as ``invoke build`` runs it (``bench_build.build``)
with that mechanism switched off, and with every mechanism on: a cold build (no output,
content or cache) and the rebuild after adding one article to the built site (from the
site without it, in both of the build's folders), the median of ``--runs`` runs each. A
mechanism is switched off from outside the project's code: each build's processes start
with a ``sitecustomize`` module (``PYTHONPATH``) that replaces the mechanism, as each
module is imported, by what the code would do without it. The project has no switch of
its own for them: a switch is one more rule a maintainer must know.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bench_build  # noqa: E402
from bench.corpus import generate  # noqa: E402

# what each mechanism is, as the table in docs/performance.md names it
MECHANISMS = {
    "extraction-cache": "extraction cache (.cache/extract; the merge trace lives there too)",
    "merge-replay": "merge replayed from the last merge's trace (pipeline/remerge.py)",
    "text-reuse": "source texts cut again only when their article changed (content.py)",
    "page-store": "page store: unchanged pages linked, not rendered (reuse.py)",
    "card-store": "card store: a re-rendered facet page's other cards (reuse.py)",
    "shard-store": "shard store: unchanged search shards not indexed again (search.py)",
    "build-folder": "the build made in the site before last (publish.py)",
    "subsite-child": "the other language's site written by a forked child (languages.py)",
    "gc": "cycle collector paused and frozen (records.py, the plugin)",
}

# The switch-offs, run at the start of every Python process of a build. A patch runs
# right after its module is executed, before any other module imports from it.
HOOK = textwrap.dedent('''
    import contextlib, importlib.abc, os, shutil, sys

    OFF = set(filter(None, os.environ.get("BENCH_OFF", "").split(",")))
    PATCHES = {}

    def patch(*names):
        def add(f):
            for name in names:
                PATCHES.setdefault(name, []).append(f)
            return f
        return add

    class _Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name not in PATCHES:
                return None
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    break
            else:
                return None
            run = spec.loader.exec_module

            def exec_module(module, run=run, name=name):
                run(module)
                for f in PATCHES[name]:
                    f(module)
            spec.loader.exec_module = exec_module
            return spec

    STORES = {"page-store": "pages", "card-store": "cards", "shard-store": "search"}

    @patch("timeline.reuse", "plugins.timeline.reuse")
    def _stores(m):
        names = {STORES[k] for k in OFF if k in STORES}
        if names:
            original = m.store_folder
            m.store_folder = lambda settings, name: (
                None if name in names else original(settings, name))

    @patch("timeline.background", "plugins.timeline.background")
    def _children(m):
        if "subsite-child" in OFF:
            original = m.Child.__init__

            def init(self, work, what):
                if what.startswith("writing the site in"):
                    self.pid, self.what, self.result = None, what, work()
                else:
                    original(self, work, what)
            m.Child.__init__ = init

    class _NoGc:
        def __getattr__(self, name):
            return (lambda *a, **k: None) if name in ("freeze", "unfreeze", "disable") \\
                else getattr(__import__("gc"), name)

    @patch("timeline.generator", "timeline.background", "timeline.languages",
           "plugins.timeline.generator", "plugins.timeline.background",
           "plugins.timeline.languages", "pipeline.records")
    def _gc(m):
        if "gc" in OFF:
            m.gc = _NoGc()
            package = sys.modules.get(m.__name__.rpartition(".")[0])
            if package is not None and hasattr(package, "gc"):  # Pelican loads it itself
                package.gc = _NoGc()
            if hasattr(m, "without_cycle_collector"):
                m.without_cycle_collector = contextlib.nullcontext

    @patch("pipeline.cache")
    def _trace(m):
        if "merge-replay" in OFF:
            m.ExtractionCache.load_trace = lambda self, inputs: None

    @patch("pipeline.content")
    def _texts(m):
        if "text-reuse" in OFF:
            m._known_texts = lambda data_dir: {}

    @patch("pipeline.publish")
    def _folder(m):
        if "build-folder" in OFF:
            original = m.staging

            def staging(output):
                shutil.rmtree(output.parent / m.BUILD, ignore_errors=True)
                return original(output)
            m.staging = staging

    if OFF:
        sys.meta_path.insert(0, _Finder())
''')


def timed_build(work: Path, off: str) -> float:
    env = {"BENCH_OFF": off,
           "PYTHONPATH": os.pathsep.join([str(work.parent / "hook"), str(ROOT)])}
    if "extraction-cache" in off.split(","):
        env["DIPLO_CACHE"] = "off"
    return bench_build.build(work, env)[0]


def measure(work: Path, added: Path, off: str, runs: int) -> tuple[list[float], list[float]]:
    cold, add = [], []
    held = work / added.name
    for _ in range(runs):
        if added.exists():
            added.rename(held)
        bench_build._cold(work)
        cold.append(timed_build(work, off))
        timed_build(work, off)  # the build folder holds the site without the article too
        held.rename(added)
        add.append(timed_build(work, off))
    return cold, add


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", help="scratch folder (default: a temporary one)")
    ap.add_argument("--only", default="", help="mechanisms to measure, comma-separated")
    args = ap.parse_args(argv)
    root = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="diplo-mech-"))
    (root / "hook").mkdir(parents=True, exist_ok=True)
    (root / "hook" / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    work = root / f"n{args.size}"
    shutil.rmtree(work, ignore_errors=True)
    generate(args.size, work / "seeds")
    [added] = generate(1, work / "seeds", start=args.size)
    names = [n for n in args.only.split(",") if n] or list(MECHANISMS)
    rows = []
    for off in ["", *names]:
        cold, add = measure(work, added, off, args.runs)
        rows.append((off, statistics.median(cold), statistics.median(add)))
        print(f"{off or 'all on':16} cold {statistics.median(cold):6.1f} s {cold}   "
              f"add-one {statistics.median(add):5.2f} s {add}", file=sys.stderr, flush=True)
    _, base_cold, base_add = rows[0]
    print(f"| mechanism ({args.size:,} articles, median of {args.runs}) | cold build "
          "without it | saves | add-one without it | saves |")
    print("|---|---|---|---|---|")
    print(f"| every mechanism on | {base_cold:.1f} s | | {base_add:.2f} s | |")
    # what a mechanism saves, as a share of the build with every mechanism on
    for off, cold, add in rows[1:]:
        print(f"| {MECHANISMS[off]} | {cold:.1f} s | {100 * (cold - base_cold) / base_cold:.0f}% "
              f"| {add:.2f} s | {100 * (add - base_add) / base_add:.0f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
