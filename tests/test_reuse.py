"""Pages and search shards reused from earlier builds never change the site.

Each scenario builds incrementally (one page store and shard store kept from build to
build, a fresh output folder each time, as ``invoke build`` does) and from scratch
(empty stores), and the two sites must be identical to the byte, search index included.
"""

from __future__ import annotations

import importlib
import json
import logging
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from pipeline.content import write_content
from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").iterdir())


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


class Builds:
    """Sites of a changing seeds folder, built with the stores of ``cache``."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.seeds = tmp / "seeds"
        self.seeds.mkdir()
        self.n = 0

    def site(self, cache: Path | None = None, **override) -> tuple[dict[str, bytes], Path]:
        self.n += 1
        work = self.tmp / f"build{self.n}"
        return self.build_into(work / "output", cache, **override), work / "output"

    def build_into(self, output: Path, cache: Path | None = None, **override
                   ) -> dict[str, bytes]:
        # incremental builds share their content folder, as the builds of one project do
        content = self.tmp / "content" if cache else output.parent / "content"
        extractions, events, _ = run([str(self.seeds)], cache=False)
        write_content(extractions, events, content)
        settings = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(content), "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(cache or output.parent / "cache"), **override})
        Pelican(settings).run()
        return _files(output)

    def check(self, cache: Path, caplog) -> tuple[int, int]:
        """Build with ``cache`` and from scratch; the same bytes. (reused, rendered)."""
        caplog.clear()
        with caplog.at_level(logging.INFO):
            warm, _ = self.site(cache)
        counts = [r.args for r in caplog.records if r.getMessage().startswith("pages:")]
        cold, _ = self.site()
        assert warm.keys() == cold.keys()
        assert [k for k in warm if warm[k] != cold[k]] == []
        return counts[-1]


@pytest.fixture
def builds(tmp_path) -> Builds:
    return Builds(tmp_path)


def _add(builds: Builds, *paths: Path) -> None:
    for p in paths:
        shutil.copy(p, builds.seeds / p.name)


def test_adding_editing_and_removing_articles_gives_the_cold_build(builds, tmp_path, caplog):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:-3])
    reused, rendered = builds.check(cache, caplog)
    assert reused == 0 and rendered > 0  # an empty store: every page rendered
    _add(builds, SEEDS[-1])
    reused, rendered = builds.check(cache, caplog)
    # adding an article re-renders only the pages it touches
    assert reused > rendered > 0
    edited = builds.seeds / SEEDS[0].name
    edited.write_text(edited.read_text(encoding="utf-8").replace("24 novembre", "25 novembre"),
                      encoding="utf-8")
    builds.check(cache, caplog)
    (builds.seeds / SEEDS[1].name).unlink()
    reused, rendered = builds.check(cache, caplog)
    assert reused > 0
    # the store keeps the last build's pages only
    stored = [p for p in (cache / "pages").rglob("*.html")]
    assert len(stored) == reused + rendered


def test_search_shards_are_reused_only_when_their_pages_are_unchanged(builds, tmp_path,
                                                                         caplog):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:-1])
    builds.check(cache, caplog)
    before = {p.name: p.stat().st_ino for p in (cache / "search").iterdir()}
    _add(builds, SEEDS[-1])  # an article about 2023: the 2023 shard and a sources bucket
    caplog.clear()
    with caplog.at_level(logging.INFO):
        builds.check(cache, caplog)
    after = {p.name: p.stat().st_ino for p in (cache / "search").iterdir()}
    kept = before.keys() & after.keys()
    assert kept and len(after) > len(kept)  # some shards reused, some indexed again


def test_a_page_edited_in_place_in_the_output_is_not_served_again(builds, tmp_path, caplog):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:3])
    site, output = builds.site(cache, TIMELINE_SEARCH=False)
    # a page of the published site edited by hand: hard links share it with the store
    page = next(p for p in sorted((output / "events").glob("*.html")))
    with page.open("a", encoding="utf-8") as f:
        f.write("<!-- edited -->")
    again, _ = builds.site(cache, TIMELINE_SEARCH=False)
    assert again == site


def test_a_settings_change_renders_every_page_again(builds, tmp_path, caplog):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:3])
    builds.site(cache, TIMELINE_SEARCH=False)
    site, _ = builds.site(cache, TIMELINE_SEARCH=False, SITENAME="Autre titre")
    events = [k for k in site if b'<article class="event"' in site[k]]
    assert events and all(b"Autre titre" in site[k] for k in events)


def test_the_search_plan_splits_events_by_period_and_sources_into_stable_buckets():
    from types import SimpleNamespace

    from plugins.timeline.search import EVENTS_PER_SHARD, SOURCES_PER_SHARD, plan

    def events(year: str, n: int, month: int = 1) -> list[dict]:
        return [{"year": year, "month": month, "url": f"events/{year}-{month}-{i}.html"}
                for i in range(n)]

    few = [{"slug": f"s{i}", "url": f"sources/s{i}.html"} for i in range(3)]
    small = plan(SimpleNamespace(events=events("2020", 3) + events("2021", 3) +
                                 events("1979", 1), sources=few))
    # small years share their decade's shard
    assert list(small) == ["e1970s", "e2020s", "s0"]
    assert small["e2020s"] == sorted(f"events/{y}-1-{i}.html" for y in ("2020", "2021")
                                     for i in range(3))
    # a large year is indexed by quarter: an added event re-indexes a fourth of it
    busy = [e for m in (2, 5, 6, 11) for e in events("2022", EVENTS_PER_SHARD // 3, m)]
    assert list(plan(SimpleNamespace(events=busy, sources=few))) == [
        "e2022q1", "e2022q2", "e2022q4", "s0"]
    many = [{"slug": f"s{i}", "url": f"sources/s{i}.html"} for i in range(3 * SOURCES_PER_SHARD)]
    large = plan(SimpleNamespace(events=events("2020", 3), sources=many))
    buckets = [name for name in large if name.startswith("s")]
    assert buckets == ["s0", "s1", "s2", "s3"]  # the bucket count doubles as sources grow
    assert sorted(p for b in buckets for p in large[b]) == sorted(s["url"] for s in many)
    # a source keeps its bucket while their number stays in the same power of two
    grown = plan(SimpleNamespace(events=events("2020", 3),
                                 sources=many + [{"slug": "new", "url": "n"}]))
    assert all(set(large[b]) <= set(grown[b]) for b in buckets)


def test_the_card_store_keeps_the_cards_of_the_last_build_only(builds, tmp_path, caplog):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS)
    builds.site(cache, TIMELINE_SEARCH=False)
    (builds.seeds / SEEDS[-1].name).unlink()
    site, _ = builds.site(cache, TIMELINE_SEARCH=False)
    events = json.loads(site["events.json"])
    with sqlite3.connect(cache / "cards" / "cards.sqlite") as db:
        items, sites = db.execute("SELECT COUNT(DISTINCT item), COUNT(DISTINCT site) "
                                  "FROM cards").fetchone()
    # every event shows as a card somewhere; the removed article's events left the store
    assert items == len(events) and sites == 1


def test_a_lost_source_text_names_its_file_and_what_to_do(builds, tmp_path):
    _add(builds, *SEEDS[:2])
    builds.site(tmp_path / "stores", TIMELINE_SEARCH=False)
    text = next((tmp_path / "content" / "data" / "texts").glob("*.json"))
    text.unlink()
    with pytest.raises(Exception) as failure:
        # the sidecar still names the text: a source page cannot be rendered without it
        Pelican(read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "out"),
            "CACHE_PATH": str(tmp_path / "other"), "TIMELINE_SEARCH": False})).run()
    assert str(text) in str(failure.value) and "python -m pipeline build" in str(failure.value)


def test_a_project_moved_elsewhere_keeps_its_page_store(builds, tmp_path, caplog):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:3])
    builds.site(cache, TIMELINE_SEARCH=False)
    # the same theme at another place (a clone, a moved checkout): same bytes, same pages
    theme = shutil.copytree(ROOT / "theme", tmp_path / "elsewhere" / "theme")
    caplog.clear()
    with caplog.at_level(logging.INFO):
        builds.site(cache, TIMELINE_SEARCH=False, THEME=str(theme))
    [(reused, rendered)] = [r.args for r in caplog.records if r.getMessage().startswith("pages:")]
    assert reused > 0 and rendered == 0


def test_a_damaged_card_store_is_replaced(builds, tmp_path, caplog):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:3])
    site, _ = builds.site(cache, TIMELINE_SEARCH=False)
    (cache / "cards" / "cards.sqlite").write_bytes(b"not a database" * 100)
    with caplog.at_level(logging.WARNING):
        again, _ = builds.site(cache, TIMELINE_SEARCH=False)
    assert again == site
    assert any("cards.sqlite: unreadable card store" in r.getMessage() for r in caplog.records)



def test_a_new_event_renders_its_year_page_and_not_the_facets_other_years(builds, tmp_path):
    cache = tmp_path / "stores"
    # an article whose events fall in years its facets already have
    [added] = [p for p in SEEDS if p.name == "2021-11-25_gantz_rabat_defense.md"]
    _add(builds, *(p for p in SEEDS if p != added))
    # long facets split by year as soon as they hold more than two events
    before, out1 = builds.site(cache, TIMELINE_SEARCH=False, TIMELINE_FACET_MAX=2)
    inodes = {k: (out1 / k).stat().st_ino for k in before}
    _add(builds, added)
    after, out2 = builds.site(cache, TIMELINE_SEARCH=False, TIMELINE_FACET_MAX=2)
    years: dict[str, list[str]] = {}  # a facet's year pages: actor/<slug>/<year>.html ...
    for k in after:
        if k.split("/")[0] in ("actor", "country", "pair", "type") and k.count("/") == 2:
            years.setdefault(k.rsplit("/", 1)[0], []).append(k)
    grown = [ks for ks in years.values() if all(k in before for k in ks)
             and any(after[k] != before[k] for k in ks)]
    # a facet that gained events kept the pages of its other years as they were
    kept = [k for ks in grown for k in ks if after[k] == before[k]]
    assert grown and kept
    # and those pages are the stored ones, not rendered again
    assert [k for k in kept if (out2 / k).stat().st_ino != inodes[k]] == []


def test_a_build_leaves_unchanged_pages_and_the_published_index_when_indexing_fails(
        builds, tmp_path, caplog):
    from plugins.timeline.search import _pagefind

    cache = tmp_path / "stores"
    flag = tmp_path / "pagefind-fails"
    # Pagefind, failing while the flag file exists (the same command both times: the
    # bundles of the first build match the second's keys). Its message is this test's own:
    # Pelican logs a warning once per process
    pagefind = [sys.executable, "-c",
                f"import os, subprocess, sys; sys.exit('flag file present') if os.path.exists("
                f"{str(flag)!r}) else sys.exit(subprocess.call({_pagefind()!r} + sys.argv[1:]))"]
    _add(builds, *SEEDS[:-1])
    _, published = builds.site(cache, TIMELINE_PAGEFIND=pagefind)
    assert any((published / "pagefind").iterdir())
    _add(builds, SEEDS[-1])
    flag.touch()
    with caplog.at_level(logging.WARNING):
        _, built = builds.site(cache, TIMELINE_PAGEFIND=pagefind,
                               TIMELINE_PUBLISHED=str(published))
    assert any("flag file present" in r.getMessage() for r in caplog.records)
    # the new site holds the published index, whole, as the very published files: a
    # search on the last index rather than none (invoke build reports the failure)
    def inodes(root: Path) -> dict[str, int]:
        return {f.relative_to(root).as_posix(): f.stat().st_ino
                for f in (root / "pagefind").rglob("*") if f.is_file()}
    assert inodes(built) == inodes(published) != {}
    assert (built / "events").is_dir()
    assert "search index not built" in json.loads((cache / "last-build.json").read_text(
        encoding="utf-8"))["problems"][0]


def test_a_page_rendered_again_with_the_same_bytes_stays_published_as_it_was(builds, tmp_path):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS)
    _, published = builds.site(cache)
    pages = sorted(published.glob("events/*.html"))
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in pages}
    # a setting no page prints: every key changes, no page's bytes do
    _, built = builds.site(cache, TIMELINE_PUBLISHED=str(published), UNPRINTED_SETTING="x")
    # every page of the new site is the published one, with its time
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(built.glob("events/*.html"))} == before
    # and it is the stored page now, so that the next build finds it there
    stored = {f.stat().st_ino for f in (cache / "pages").rglob("*.html")}
    assert {ino for ino, _ in before.values()} <= stored


def test_a_search_bundle_indexed_again_with_the_same_bytes_is_the_published_one(builds, tmp_path):
    from plugins.timeline.search import _pagefind

    cache = tmp_path / "stores"
    _add(builds, *SEEDS)
    _, published = builds.site(cache)
    files = sorted(p for p in (published / "pagefind").rglob("*") if p.is_file())
    before = {p: p.stat().st_ino for p in files}
    # the same Pagefind under another command (part of every shard's key): every shard is
    # indexed again, and makes the bytes it made
    pagefind = [sys.executable, "-c", "import subprocess, sys; "
                f"sys.exit(subprocess.call({_pagefind()!r} + sys.argv[1:]))"]
    _, built = builds.site(cache, TIMELINE_PUBLISHED=str(published), TIMELINE_PAGEFIND=pagefind)
    figures = json.loads((cache / "last-build.json").read_text(encoding="utf-8"))
    assert figures["shards_indexed"] == figures["shards"] == len(list(
        (published / "pagefind").iterdir()))
    # every file of every bundle in the new site is the published one, and stored
    assert {p: (built / p.relative_to(published)).stat().st_ino for p in files} == before
    assert len([p for p in (built / "pagefind").rglob("*") if p.is_file()]) == len(files)
    stored = {f.stat().st_ino for f in (cache / "search").rglob("*") if f.is_file()}
    assert set(before.values()) <= stored


def test_exports_the_published_site_holds_are_linked_from_it(builds, tmp_path):
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:-1])
    _, published = builds.site(cache)
    exported = [p for p in published.rglob("*") if p.suffix in (".atom", ".json", ".ics")
                and "pagefind" not in p.parts]
    before = {p: p.stat().st_ino for p in exported}
    _add(builds, SEEDS[-1])
    _, built = builds.site(cache, TIMELINE_PUBLISHED=str(published))
    names = {p: p.relative_to(published).as_posix() for p in exported}
    left = [p for p in exported if (built / names[p]).stat().st_ino == before[p]]
    # the new article changes the list of events, not the feed of every actor: those
    # are the published files, linked
    assert left and (built / "events.json").stat().st_ino != before[published / "events.json"]
    # and the new site is the one a build from scratch makes
    cold, _ = builds.site()
    assert [n for n in names.values() if (built / n).read_bytes() != cold[n]] == []
    assert (built / "events.json").read_bytes() == cold["events.json"]


def test_a_scratch_folder_that_cannot_be_written_falls_back_to_the_temporary_folder(
        builds, tmp_path, monkeypatch):
    from plugins.timeline import search

    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:3])
    _, published = builds.site(cache)
    # the folder in memory is missing or full: the bundles are made in the next one
    monkeypatch.setattr(search, "_scratch_roots", lambda: [str(tmp_path / "no-such"), None])
    _add(builds, *SEEDS[3:])
    _, built = builds.site(cache, TIMELINE_PUBLISHED=str(published))
    figures = json.loads((cache / "last-build.json").read_text(encoding="utf-8"))
    assert figures["shards_indexed"] > 0
    # the shards indexed again were made, and moved into the build
    assert list((built / "pagefind").rglob("pagefind-entry.json"))


def test_what_pagefind_ignores_never_makes_a_shard_be_indexed_again(tmp_path):
    from plugins.timeline.search import indexed_digest

    def digest(html: str) -> str:
        page = tmp_path / "p.html"
        page.write_text(f"<main data-pagefind-body><h1>Visite</h1>{html}</main>")
        return indexed_digest(page)

    base = digest('<ul><li>Maroc</li></ul>')
    # a link to a pair of states added, in an element Pagefind ignores, whatever its tag
    assert digest('<ul><li>Maroc</li><li data-pagefind-ignore><a href="x">Maroc – Mongolie'
                  '</a></li></ul>') == base
    assert digest('<ul><li>Maroc</li></ul><nav data-pagefind-ignore>suivant</nav>') == base
    # indexed words do count
    assert digest('<ul><li>Maroc</li><li>Mongolie</li></ul>') != base


def test_a_build_updates_the_site_before_last_into_the_next_one(builds, tmp_path):
    # invoke build's staging folder holds the site before last (pipeline/publish.py): the
    # build leaves its unchanged pages as they are, replaces the others and deletes what
    # the new site does not have
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:-2])
    _, first = builds.site(cache)
    _add(builds, SEEDS[-2])
    _, second = builds.site(cache, TIMELINE_PUBLISHED=str(first))
    stale = first / "events" / "left-by-hand.html"
    stale.write_text("stale")
    inodes = {p.relative_to(first).as_posix(): p.stat().st_ino
              for p in first.rglob("*.html")}
    # the third build is made in the first one's folder, to replace the second
    (builds.seeds / SEEDS[0].name).unlink()
    _add(builds, SEEDS[-1])
    third = builds.build_into(first, cache, TIMELINE_PUBLISHED=str(second))
    cold, _ = builds.site()
    assert third.keys() == cold.keys() and [k for k in third if third[k] != cold[k]] == []
    assert not stale.exists()
    # pages that did not change were there already, as the stored files they were: left
    same = [k for k in third if k in inodes and (first / k).stat().st_ino == inodes[k]]
    assert any(k.startswith("events/") for k in same)
    assert any(k.startswith("sources/") for k in same)


def _theme(tmp_path: Path, **edits: tuple[str, str]) -> Path:
    """A copy of the theme with, in each template ``name``, ``old`` replaced by ``new``."""
    theme = shutil.copytree(ROOT / "theme", tmp_path / "theme")
    for name, (old, new) in edits.items():
        path = theme / "templates" / f"{name}.html"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return theme


def test_a_field_a_template_starts_printing_renders_its_pages_again(builds, tmp_path, caplog,
                                                                    monkeypatch):
    # the plugin as Pelican loads it (from PLUGIN_PATHS, as "timeline"): each event gets
    # a field no template printed before, whose value the test changes between builds
    monkeypatch.syspath_prepend(str(ROOT / "plugins"))
    model = importlib.import_module("timeline.model")
    event, note = model._event, ["note one"]
    monkeypatch.setattr(model, "_event", lambda *a, **k: {**event(*a, **k), "note": note[0]})
    # printed on the event's page and on its card (facet, year and source pages)
    theme = _theme(tmp_path, event=("<h1 ", '<p class="note">{{ ev.note }}</p>\n<h1 '),
                   _macros=('<p class="card-sources">',
                            '<p class="card-note">{{ ev.note }}</p><p class="card-sources">'))
    cache = tmp_path / "stores"
    _add(builds, *SEEDS[:3])
    first, _ = builds.site(cache, THEME=str(theme), TIMELINE_SEARCH=False)
    printing = sorted(k for k in first if b"note one" in first[k])
    assert any(k.startswith("events/") for k in printing)
    assert any(k.startswith(("actor/", "country/")) for k in printing)
    assert any(k.startswith("sources/") for k in printing)
    note[0] = "note two"  # only this field's value changes
    caplog.clear()
    with caplog.at_level(logging.INFO):
        warm, _ = builds.site(cache, THEME=str(theme), TIMELINE_SEARCH=False)
    # every page printing it was rendered again, with the new value
    assert [k for k in printing if b"note two" not in warm[k]] == []
    assert [k for k in warm if b"note one" in warm[k]] == []
    [(reused, rendered)] = [r.args for r in caplog.records
                            if r.getMessage().startswith("pages:")]
    # (the timeline page prints cards too, and is rendered on every build, uncounted)
    keyed = [k for k in printing if "/" in k and not k.startswith("en/")]
    assert rendered >= len(keyed) and reused > 0
    cold, _ = builds.site(THEME=str(theme), TIMELINE_SEARCH=False)
    assert warm == cold


@pytest.mark.parametrize("template, where", [
    ("event", "{% block content %}"), ("source", "{% block content %}"),
    ("facet", "{% block content %}"), ("redirect", "<body>")])
def test_a_page_template_reading_the_view_model_fails_the_build(builds, tmp_path, template,
                                                               where):
    # a page's template receives its page object and the site's globals only: what it
    # printed of the rest of the view model would be left out of its key, and the page
    # served stale by the next build
    theme = _theme(tmp_path, **{template: (where, where + "{{ timeline.events|length }}")})
    _add(builds, *SEEDS)
    with pytest.raises(Exception, match="'timeline' is undefined"):
        builds.site(tmp_path / "stores", THEME=str(theme), TIMELINE_SEARCH=False)


def test_a_page_key_holds_every_field_of_its_object_and_a_text_by_its_digest(tmp_path):
    from plugins.timeline.pages import EventPage, SourcePage, Text
    from plugins.timeline.reuse import PageKeys

    def key(page) -> str:
        keys = PageKeys({"t": {"site_title": "T"}}, {"THEME": str(ROOT / "theme")})
        return keys.key("p.html", "page.html", page)

    ev = {"id": "a", "title": "A"}
    base = key(EventPage(ev, None, None))
    assert key(EventPage({**ev, "added": 1}, None, None)) != base
    assert key(EventPage(ev, None, {"id": "b"})) != base
    assert key(EventPage(ev, None, None)) == base

    def source(digest: str, path: str = "a.json") -> SourcePage:
        return SourcePage({"slug": "a", "paragraphs": Text(tmp_path / path, digest)}, [], {})

    # the text is not read: its digest stands for it, wherever the file is
    assert key(source("1")) == key(source("1", "elsewhere.json")) != key(source("2"))
    # a value that can stand for nothing in a key fails, rather than being left out
    with pytest.raises(TypeError, match="no page key can hold it"):
        key(EventPage({**ev, "unknown": object()}, None, None))
