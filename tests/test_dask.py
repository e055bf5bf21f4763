"""Extraction on a real Dask cluster (a ``LocalCluster`` of two worker processes): the
content written is byte for byte the local build's, the driver's cache is read first, and
a scheduler that does not answer fails the build with a clear message."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from pipeline import cli, cluster
from pipeline.contract import to_json
from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dask_cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as c:
        yield c


def articles(folder: Path) -> Path:
    """A handful of articles: Markdown seeds, a saved web page and an empty file."""
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.md"))[:5]:
        shutil.copy(seed, folder)
    shutil.copy(ROOT / "tests" / "fixtures" / "web" / "sommet.html", folder)
    (folder / "empty.md").write_bytes(b"")
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def batches_done(c) -> int:
    prefix = c.scheduler.task_prefixes.get("extract_batch")
    return prefix.state_counts["memory"] if prefix is not None else 0


def test_a_build_on_the_cluster_writes_the_local_builds_content(dask_cluster, tmp_path,
                                                               monkeypatch):
    monkeypatch.setenv("DIPLO_CACHE", "off")
    monkeypatch.setattr(cluster, "BATCH", 2)  # several tasks, for both workers
    folder = articles(tmp_path / "articles")
    before = batches_done(dask_cluster)
    # as `DIPLO_SCHEDULER=ADDRESS invoke build` runs it
    monkeypatch.setenv("DIPLO_SCHEDULER", dask_cluster.scheduler_address)
    assert cli.main(["build", str(folder), "--content", str(tmp_path / "on-cluster")]) == 0
    assert batches_done(dask_cluster) - before == 4  # 7 articles in batches of 2
    monkeypatch.delenv("DIPLO_SCHEDULER")
    assert cli.main(["build", str(folder), "--content", str(tmp_path / "local"),
                     "--jobs", "1"]) == 0
    local = tree(tmp_path / "local")
    # the sidecar, a text each and the record of published ids
    assert "data/timeline.json" in local and "published-ids.json" in local and len(local) == 8
    assert tree(tmp_path / "on-cluster") == local


def test_extraction_on_the_cluster_gives_the_same_records_and_errors(dask_cluster, tmp_path):
    folder = articles(tmp_path / "articles")
    x, events, report = run([str(folder)], cache=False,
                            scheduler=dask_cluster.scheduler_address)
    x_local, events_local, report_local = run([str(folder)], cache=False, jobs=1)
    assert to_json(x, events) == to_json(x_local, events_local)
    assert report.skipped == report_local.skipped  # the empty file, said the same way
    assert [s.split(":")[0] for s in report.skipped] == [str(folder / "empty.md")]


def test_the_drivers_cache_is_read_before_anything_is_sent(dask_cluster, tmp_path,
                                                          monkeypatch):
    monkeypatch.setenv("DIPLO_CACHE", str(tmp_path / "cache"))
    folder = articles(tmp_path / "articles")
    first = run([str(folder)], scheduler=dask_cluster.scheduler_address)
    sent = batches_done(dask_cluster)
    again = run([str(folder)], scheduler=dask_cluster.scheduler_address)
    # every article came from the cache; only the empty file, whose error is not kept,
    # is sent again
    assert batches_done(dask_cluster) == sent + 1
    assert again[2].cached == 6 and to_json(*again[:2]) == to_json(*first[:2])


def test_a_scheduler_that_does_not_answer_fails_the_build_with_what_to_do(tmp_path, monkeypatch,
                                                                          caplog):
    import socket

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    monkeypatch.setenv("DIPLO_CACHE", "off")
    with socket.socket() as s:  # a port that was free a moment ago: nobody listens there
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    folder = articles(tmp_path / "articles")
    with caplog.at_level(logging.ERROR, logger="pipeline"):
        code = cli.main(["build", str(folder), "--content", str(tmp_path / "content"),
                         "--scheduler", address])
    assert code == 1
    assert f"FAILED {address}: no Dask scheduler answers there" in caplog.text
    assert "dask scheduler" in caplog.text
    assert not (tmp_path / "content").exists()  # nothing written


def test_a_worker_with_another_pipeline_version_is_refused(dask_cluster, tmp_path,
                                                          monkeypatch, caplog):
    from pipeline import cache

    # the driver's pipeline differs from the one the workers run (an edited vocabulary)
    monkeypatch.setattr(cache, "pipeline_version", lambda: "edited-on-the-driver")
    monkeypatch.setenv("DIPLO_CACHE", "off")
    folder = articles(tmp_path / "articles")
    with caplog.at_level(logging.ERROR, logger="pipeline"):
        code = cli.main(["build", str(folder), "--content", str(tmp_path / "content"),
                         "--scheduler", dask_cluster.scheduler_address])
    assert code == 1
    assert "not edited-on-the-driver (install the same diplo-timeline" in caplog.text
    assert not (tmp_path / "content").exists()
