"""The project's invoke tasks: what ``invoke livereload`` watches to build again, what
``invoke evaluate`` and ``invoke build`` refuse (how a build is published:
tests/test_publish.py)."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import tasks

ROOT = Path(__file__).resolve().parent.parent


def test_livereload_sees_articles_the_curation_file_and_the_theme_not_the_built_content(
        tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    for folder in ("seeds", "theme/templates", "plugins", "content/events"):
        (tmp_path / folder).mkdir(parents=True)
    seen: queue.Queue = queue.Queue()
    stop = threading.Event()
    watcher = threading.Thread(target=lambda: [seen.put(c) for c in tasks.changes(stop)])
    watcher.start()
    try:
        time.sleep(0.5)  # the watch is set up

        def after(write) -> list[str]:
            write()
            changed = seen.get(timeout=20)
            return sorted(str(Path(p).relative_to(tmp_path.resolve())) for p in changed)
        # what the build writes beside the curation file is no change to build again for
        assert after(lambda: ((tmp_path / "content/events/x.html").write_text("built"),
                              (tmp_path / "seeds/a.md").write_text("Le 3 mars 2023"))) == [
            "seeds/a.md"]
        assert after(lambda: (tmp_path / "content/curation.yaml").write_text("hide: []")) == [
            "content/curation.yaml"]
        assert after(lambda: (tmp_path / "theme/templates/base.html").write_text("<html>")) == [
            "theme/templates/base.html"]
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert seen.empty()


def _invoke(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=cwd,
                          capture_output=True, text=True)


def test_evaluate_says_what_to_give_it_when_the_folder_is_no_corpus(tmp_path):
    run = _invoke("evaluate", str(tmp_path))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{tmp_path} has no gold/ folder: give a corpus folder holding articles and " \
           "their gold/ annotations" in run.stderr
    run = _invoke("evaluate")
    assert run.returncode == 1 and "required positional arguments: 'corpus'" in run.stderr
    (tmp_path / "gold").mkdir()
    run = _invoke("evaluate", str(tmp_path))
    assert "holds no article (.md or .txt)" in run.stderr


def test_build_refuses_a_language_the_site_has_no_strings_for():
    run = _invoke("build", "--lang", "xx")
    assert run.returncode == 1
    assert "--lang 'xx': no site language of that name; use one of fr, en" in run.stderr


def test_clean_removes_what_builds_made_and_keeps_articles_curation_and_extractions(
        tmp_path, monkeypatch):
    from invoke import Context

    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    made = ["output/index.html", ".output-build/index.html", ".output-x1/a.html",
            ".cache/pelican/pelicanconf/pages/ab/ab.html", "content/data/timeline.json"]
    kept = ["seeds/a.md", "content/curation.yaml", "content/published-ids.json",
            ".cache/extract/v/k.pickle"]
    for rel in made + kept:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    tasks.clean(Context())
    assert [r for r in made if (tmp_path / r).exists()] == []
    assert [r for r in kept if not (tmp_path / r).exists()] == []
