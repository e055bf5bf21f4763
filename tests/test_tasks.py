"""The project's invoke tasks: what ``invoke livereload`` watches to build again, how a
build is published into output/, what ``invoke evaluate`` and ``invoke build`` refuse."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

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


def test_publishing_replaces_written_files_keeps_left_ones_and_deletes_the_rest(tmp_path):
    output, staging = tmp_path / "output", tmp_path / "staging"
    for rel, text in {"index.html": "old", "events/a.html": "a", "events/b.html": "b",
                      "gone/c.html": "c", "stray.txt": "x", "was-a-file": "f"}.items():
        (output / rel).parent.mkdir(parents=True, exist_ok=True)
        (output / rel).write_text(text)
    kept_inode = (output / "events/a.html").stat().st_ino
    same_inode = (output / "events/b.html").stat().st_ino
    for rel, text in {"index.html": "new", "events/d.html": "d", "was-a-file/e.html": "e",
                      "events/b.html": "b", "events/s.html": "s"}.items():
        (staging / rel).parent.mkdir(parents=True, exist_ok=True)
        (staging / rel).write_text(text)
    (output / "events/s.html").write_text("s")
    # a page of the page store rendered again with the same bytes: linked from the store
    store = tmp_path / "store"
    store.mkdir()
    os.link(staging / "events/s.html", store / "s.html")
    tasks._merge(staging, output, {"events/a.html"})
    published = {p.relative_to(output).as_posix(): p.read_text()
                 for p in output.rglob("*") if p.is_file()}
    assert published == {"index.html": "new", "events/a.html": "a", "events/d.html": "d",
                         "was-a-file/e.html": "e", "events/b.html": "b", "events/s.html": "s"}
    assert (output / "events/a.html").stat().st_ino == kept_inode  # left where it was
    # written again with the same bytes: the published file stays, with its time
    assert (output / "events/b.html").stat().st_ino == same_inode
    # but a stored page is published as the stored file, whose inode the next build
    # recognises to leave it in place
    assert (output / "events/s.html").stat().st_ino == (store / "s.html").stat().st_ino
    assert not (output / "gone").exists()  # a folder left empty goes too


class FakePelican:
    """Stands for ``tasks._Pelican``: ``render`` does what Pelican's run would."""

    def __init__(self, render):
        self.work = render

    def __call__(self, settings, staging, strict=False, published=None):
        self.args = (settings, staging, strict, published)
        return self

    def render(self) -> int:
        self.work(*self.args)
        return 0

    def cancel(self) -> int:
        return 0


def test_a_publication_that_fails_halfway_says_so_and_leaves_no_staging_folder(
        tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "index.html").write_text("old")

    class Steps:  # the extraction step: nothing to do here
        def run(self, *args, **kwargs):
            pass

    def render(settings, staging, strict=False, published=None):
        assert published == tmp_path / "output"  # told where the site it merges into is
        (staging / "index.html").write_text("new")
        cache = tasks._cache_path(settings)
        cache.mkdir(parents=True, exist_ok=True)
        (cache / tasks.KEPT).write_text("")

    def disk_full(staging, output, kept):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tasks, "_Pelican", FakePelican(render))
    monkeypatch.setattr(tasks, "_merge", disk_full)
    with pytest.raises(OSError):
        tasks._publish(Steps(), "pelicanconf.py")
    err = capsys.readouterr().err
    assert "No space left on device" in err and "run `invoke build` again" in err
    assert not list(tmp_path.glob(".output-*"))


def test_a_site_removed_while_a_build_relies_on_it_is_not_replaced_by_a_partial_one(
        tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    (tmp_path / "output").mkdir()

    class Steps:
        def run(self, *args, **kwargs):
            pass

    def render(settings, staging, strict=False, published=None):
        (staging / "index.html").write_text("new")  # the other pages were left in output/
        cache = tasks._cache_path(settings)
        cache.mkdir(parents=True, exist_ok=True)
        (cache / tasks.KEPT).write_text("events/a.html\n")
        (published / "index.html").parent.rmdir()  # meanwhile, output/ goes

    monkeypatch.setattr(tasks, "_Pelican", FakePelican(render))
    with pytest.raises(SystemExit, match="was removed while the site was being built"):
        tasks._publish(Steps(), "pelicanconf.py")
    assert not (tmp_path / "output").exists() and not list(tmp_path.glob(".output-*"))
