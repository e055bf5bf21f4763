"""The project's invoke tasks: what ``invoke livereload`` watches to build again (how a
build is published: tests/test_publish.py)."""

from __future__ import annotations

import os

import tasks


def test_livereload_sees_an_article_added_or_edited_and_the_theme(tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "theme" / "templates").mkdir(parents=True)
    (tmp_path / "theme" / "templates" / "base.html").write_text("<html>")
    before = tasks.snapshot(tasks.watched())  # no curation file, no plugins: nothing fails
    (tmp_path / "seeds" / "a.md").write_text("Le 3 mars 2023, ...")
    added = tasks.snapshot(tasks.watched())
    assert added != before
    seed = tmp_path / "seeds" / "a.md"
    seed.write_text("Le 4 mars 2023, ...")
    os.utime(seed, ns=(1, 1))  # even with an old time, the size changed
    edited = tasks.snapshot(tasks.watched())
    assert edited != added
    (tmp_path / "theme" / "templates" / "base.html").write_text("<html lang>")
    assert tasks.snapshot(tasks.watched()) != edited
