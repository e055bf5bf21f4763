"""Extraction on this machine's cores and on a Dask LocalCluster (a benchmark, not a test).

    python bench/bench_dask.py [--size 10000] [--workers 2] [--work DIR]

Generates N synthetic articles (``bench/corpus.py``), then extracts them with the cache
off: in one process (a sample, extrapolated), on every core (``pipeline.run``'s process
pool), and on a ``LocalCluster`` of ``--workers`` worker processes (``pipeline.cluster``),
and times the merge on the driver. Prints seconds, articles per second, the driver's
share, and checks that the cluster's result is the local one. The figures feed the
estimate in docs/scaling-out.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--work", default=None, help="scratch folder (default: a temporary one)")
    args = ap.parse_args(argv)
    os.environ["DIPLO_CACHE"] = "off"

    from corpus import generate
    from distributed import LocalCluster

    from pipeline.contract import to_json
    from pipeline.extract import extract_article, warm_up
    from pipeline.merge import merge
    from pipeline.run import collect, extract_all

    work = Path(args.work or tempfile.mkdtemp(prefix="bench-dask-"))
    folder = work / "articles"
    if not folder.is_dir():
        generate(args.size, folder)
    paths = collect([str(folder)])
    print(f"{len(paths):,} articles in {folder}")

    warm_up()
    sample = paths[:: max(1, len(paths) // 200)]
    t = time.perf_counter()
    for p in sample:
        extract_article(p)
    one = (time.perf_counter() - t) / len(sample)
    print(f"one process: {one * 1000:.1f} ms an article "
          f"(so {one * len(paths):.0f} s for all of them)")

    t = time.perf_counter()
    local, _ = extract_all(paths, cache=False)
    cores = time.perf_counter() - t
    print(f"every core ({os.cpu_count()}): {cores:.1f} s, {len(paths) / cores:.0f} articles/s")

    t = time.perf_counter()
    langs = {x.article.path: x.article.lang for x in local}
    events = merge([e for x in local for e in x.events],
                   lambda e: langs.get(e.sources[0].path, "fr"))
    merged = time.perf_counter() - t
    print(f"merge on the driver: {merged:.1f} s for {sum(len(x.events) for x in local):,} "
          f"reports into {len(events):,} events")

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        t = time.perf_counter()
        remote, _ = extract_all(paths, cache=False, scheduler=cluster.scheduler_address)
        on_cluster = time.perf_counter() - t
    print(f"LocalCluster of {args.workers} workers: {on_cluster:.1f} s, "
          f"{len(paths) / on_cluster:.0f} articles/s")
    same = to_json(remote, ()) == to_json(local, ())
    print(f"same extractions as the local run: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
