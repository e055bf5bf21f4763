"""Running many files: order-independent results, parallel equals serial, quiet outside a TTY."""

from __future__ import annotations

import io
from pathlib import Path

from pipeline import run as run_module
from pipeline.progress import Progress, wanted
from pipeline.run import collect, extract_all, run

ROOT = Path(__file__).resolve().parent.parent


def _copies(tmp: Path, n: int) -> Path:
    """``n`` distinct articles: the seeds with a numbered line so that none is a duplicate."""
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix == ".md")
    folder = tmp / "many"
    folder.mkdir()
    for i in range(n):
        src = seeds[i % len(seeds)]
        text = src.read_text(encoding="utf-8")
        (folder / f"{i:03d}-{src.name}").write_text(f"{text}\nDépêche {i}.\n", encoding="utf-8")
    return folder


def test_parallel_run_equals_serial_run(tmp_path, monkeypatch):
    folder = _copies(tmp_path, 8)
    monkeypatch.setattr(run_module, "PARALLEL_FROM", 4)
    serial = run([str(folder)], jobs=1, cache=False)
    parallel = run([str(folder)], jobs=2, cache=False)
    assert serial[1] == parallel[1]
    assert [x.article.path for x in serial[0]] == [x.article.path for x in parallel[0]]


def test_results_keep_the_order_of_the_paths(tmp_path):
    folder = _copies(tmp_path, 3)
    paths = list(reversed(collect([str(folder)])))
    extractions, report = extract_all(paths, jobs=1, cache=False)
    assert [x.article.path for x in extractions] == paths == report.read


def test_a_bad_file_is_skipped_and_the_run_goes_on(tmp_path):
    folder = _copies(tmp_path, 2)
    (folder / "empty.md").write_text("", encoding="utf-8")
    extractions, _, report = run([str(folder)], jobs=1, cache=False)
    assert len(extractions) == 2 and len(report.skipped) == 1
    assert "empty.md" in report.skipped[0]


def test_summary_line_is_unchanged():
    report = run_module.Report(read=["a"], skipped=[], warnings=["w"])
    assert report.summary(3, 1.5) == ("Done: 1 articles read, 3 events, 0 skipped, "
                                      "1 warnings in 1.50 seconds.")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_at_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert not wanted(io.StringIO())
    assert wanted(_Tty())
    monkeypatch.setenv("CI", "true")
    assert not wanted(_Tty())
    quiet = io.StringIO()
    with Progress(10, "x", stream=quiet) as bar:
        bar.advance(10)
    assert quiet.getvalue() == ""
    shown = _Tty()
    with Progress(10, "Extracting", stream=shown, enabled=True) as bar:
        bar.advance(10)
    assert "10/10" in shown.getvalue() and shown.getvalue().endswith("\n")



def test_the_cycle_collector_is_paused_for_a_stage_and_restored_even_on_error():
    import gc

    from pipeline.run import without_cycle_collector

    assert gc.isenabled()
    with without_cycle_collector():
        assert not gc.isenabled()
    assert gc.isenabled()
    try:
        with without_cycle_collector():
            raise ValueError("a stage failed")
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()  # a caller that had paused it itself keeps it paused
    try:
        with without_cycle_collector():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_after_the_warm_up_extracting_an_article_compiles_no_pattern():
    """Workers forked after ``warm_up`` share its compiled patterns: the events stage's too
    (a plain text's first line is a title and makes no event, so the warm-up text has one).
    In a fresh interpreter: this one's caches hold what other tests compiled."""
    import subprocess
    import sys

    code = """
import re._compiler, pathlib
from pipeline.extract import extract, warm_up
from pipeline.read import read_article
warm_up()
articles = [read_article(str(p)) for p in sorted(pathlib.Path("seeds").glob("*.md"))]
compiled, original = [], re._compiler.compile
re._compiler.compile = lambda p, flags=0: compiled.append(p) or original(p, flags)
for article in articles:
    extract(article)
print(len(articles), compiled)
"""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                         text=True, check=True).stdout.split(maxsplit=1)
    assert int(out[0]) >= 5
    assert out[1].strip() == "[]", "add what compiles these to extract.WARM_UP"


def test_a_failure_crosses_process_boundaries_whole():
    import pickle

    from pipeline.errors import ReadError
    from pipeline.fetch import FetchError

    for err in (ReadError("a.md", "the file is empty", "write the article in it"),
                FetchError("http://a.example/", "timed out", "try again later", retry=True)):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and back.describe() == err.describe()
        assert vars(back) == vars(err)
