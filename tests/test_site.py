"""Build a real site from hand-made records with Pelican's API and check its pages."""

from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import re
import sys
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from pipeline.content import write_content
from pipeline.records import Timex
from tests.test_content import hostile_records, seed_records

ROOT = Path(__file__).resolve().parent.parent


PERIOD_TEXT = "Au cours des deux dernières années"


def site_records():
    """The seed records plus the duration the seed speaks about (November 2020 to 2022)."""
    extractions, events = seed_records()
    x = extractions[0]
    start = x.article.text.index(PERIOD_TEXT)
    duration = Timex(x.article.path, start, start + len(PERIOD_TEXT), PERIOD_TEXT, "DURATION",
                     "P2Y", period="2020-11/2022-11", tense="past")
    timexes = tuple(sorted((*x.timexes, duration), key=lambda t: t.start))
    return [dataclasses.replace(x, timexes=timexes)], events


def build_site(records, tmp: Path, **override) -> Path:
    """Write content for ``records`` under ``tmp/content`` and render it to ``tmp/output``."""
    content, output = tmp / "content", tmp / "output"
    write_content(*records, content)
    # the site in its other language (under en/) only where a test asks for it
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "TIMELINE_SUBSITES": [],
        **override})
    Pelican(settings).run()
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(site_records(), tmp_path_factory.mktemp("seed"))


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_timeline_is_chronological_with_honest_labels(site):
    html = (site / "index.html").read_text()
    times = re.findall(r'<time datetime="([^"]+)"[^>]*>([^<]+)</time>', html)
    assert times == [("2020", "fin 2020"), ("2021-11-24", "24 novembre 2021"),
                     ("2022-11-24", "jeudi 24 novembre 2022")]
    assert 'href="./events/2021-11-24-visit-benny-gantz-rabat.html"' in html


def test_event_page_quotes_evidence_and_links_to_passage(site):
    html = (site / "events" / "2021-11-24-visit-benny-gantz-rabat.html").read_text()
    data = json.loads((site / "events.json").read_text())
    event = next(e for e in data if e["id"] == "2021-11-24-visit-benny-gantz-rabat")
    source_html = (site / "sources" / "000-d7c44e2311d972f8.html").read_text()
    for ev in event["sources"]:
        quoted = ev["text"].replace("’", "’")
        assert f"<p>{quoted}</p>" in html  # verbatim (no HTML-special characters here)
        anchor = ev["url"].split("#")[1]
        assert f'href="../{ev["url"]}"' in html
        assert f'id="{anchor}"' in source_html
    assert '"@type": "Event"' in html
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_alias_redirects_to_event(site):
    html = (site / "events" / "2021-11-24-visit-gantz-morocco.html").read_text()
    assert 'url=../events/2021-11-24-visit-benny-gantz-rabat.html' in html


def test_facets_and_exports(site):
    assert "Israël – Maroc" in (site / "pair" / "il-ma.html").read_text()
    assert (site / "actor" / "benny-gantz.html").exists()
    assert (site / "year" / "2020.html").exists()
    ics = (site / "events.ics").read_text()
    # "fin 2020": the last third of the year, as pipeline.periods says everywhere
    assert "DTSTART;VALUE=DATE:20200901\r\nDTEND;VALUE=DATE:20210101" in ics.replace("\n", "\r\n")
    csv = (site / "events.csv").read_bytes()
    assert csv.startswith(b"id,date,mod,") and b"\r\n" in csv
    tl = json.loads((site / "timeline.json").read_text())
    assert tl["events"][0]["start_date"] == {"year": "2020"}
    assert "<updated>2022-11-24T00:00:00+00:00</updated>" in (site / "feed.atom").read_text()


def test_no_external_requests_and_csp(site):
    for path in site.rglob("*.html"):
        html = path.read_text()
        assert "Content-Security-Policy" in html, path
        # no resource is loaded from elsewhere (links to the original article are allowed)
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', html)


def test_two_builds_are_byte_identical(tmp_path):
    first = _files(build_site(site_records(), tmp_path / "a"))
    second = _files(build_site(site_records(), tmp_path / "b"))
    assert first == second


def test_hostile_text_is_inert(tmp_path):
    site = build_site(hostile_records(), tmp_path)
    for path in site.rglob("*.html"):
        html = path.read_text()
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html and "<b>X</b>" not in html and "<i>Alger" not in html
        assert 'href="javascript:' not in html
    event = (site / "events" / "2023-03-03-visit-hostile.html").read_text()
    assert "&lt;script&gt;alert(2)&lt;/script&gt;{{ config }}" in event
    source = (site / "sources" / "999-hostile.html").read_text()
    assert "{% include &#39;x&#39; %}" in source
    assert "[x](javascript:alert(1))" in source
    assert "&lt;img src=x onerror=alert(1)&gt;" in source
    tl = (site / "timeline.json").read_text()
    assert "<script>" not in tl


def test_english_interface_by_setting(tmp_path):
    site = build_site(seed_records(), tmp_path, TIMELINE_LANG="en", TIMELINE_SEARCH=False)
    html = (site / "index.html").read_text()
    assert '<html lang="en">' in html and "Timeline" in html
    assert ">late 2020</time>" in html
    assert ">Thursday, November 24, 2022</time>" in html
    assert "Israel – Morocco" in (site / "pair" / "il-ma.html").read_text()


def test_calendar_lines_are_folded(site):
    ics = (site / "events.ics").read_bytes()
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))
    assert ics.count(b"BEGIN:VEVENT") == 3 and ics.endswith(b"END:VCALENDAR\r\n")


def test_site_complete_without_search_when_pagefind_fails(tmp_path, caplog):
    # a Pagefind that exits with an error, for every shard
    failing = [sys.executable, "-c", "import sys; sys.exit('no index today')"]
    with caplog.at_level(logging.WARNING):
        site = build_site(site_records(), tmp_path, CACHE_PATH=str(tmp_path / "cache"),
                          TIMELINE_PAGEFIND=failing)
    assert any("search index not built: no index today" in r.getMessage()
               for r in caplog.records)
    assert not (site / "pagefind").exists()
    assert (site / "events" / "2021-11-24-visit-benny-gantz-rabat.html").exists()
    assert (site / "search.html").exists()
    # nothing of the failed run is kept: the next build indexes every shard
    assert not any((tmp_path / "cache" / "search").glob("*/*"))


def test_a_sidecar_of_an_older_pipeline_says_to_write_the_content_again(tmp_path):
    content = tmp_path / "content"
    write_content(*seed_records(), content)
    sidecar = content / "data" / "timeline.json"
    data = json.loads(sidecar.read_text())
    for source in data["sources"]:  # as written before the texts had files of their own
        del source["text_sha"]
    sidecar.write_text(json.dumps(data))
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache")})
    with pytest.raises(Exception, match="older version of the pipeline.*python -m pipeline"):
        Pelican(settings).run()


def test_a_failing_site_in_the_other_language_fails_the_build_with_its_cause(tmp_path,
                                                                           monkeypatch):
    # the plugin as Pelican loads it (from PLUGIN_PATHS, as "timeline"); the site in
    # English is written by a forked child (languages.py), which fails here alone
    monkeypatch.syspath_prepend(str(ROOT / "plugins"))
    model = importlib.import_module("timeline.model")
    build = model.build

    def broken(data, lang=None, *args, **kwargs):
        if lang == "en":
            raise ValueError("no English today")
        return build(data, lang, *args, **kwargs)

    monkeypatch.setattr(model, "build", broken)
    with pytest.raises(SystemExit, match="(?s)writing the site in en failed.*no English today"):
        build_site(seed_records(), tmp_path, TIMELINE_SEARCH=False, TIMELINE_SUBSITES=["en"],
                   CACHE_PATH=str(tmp_path / "cache"))
    assert (tmp_path / "output" / "index.html").exists()  # the French site was written


def test_a_failing_export_fails_the_build_with_its_cause(tmp_path, monkeypatch):
    # the plugin as Pelican loads it (from PLUGIN_PATHS, as "timeline")
    monkeypatch.syspath_prepend(str(ROOT / "plugins"))
    exports = importlib.import_module("timeline.exports")

    def broken(timeline):
        raise ValueError("no CSV today")

    monkeypatch.setattr(exports, "events_csv", broken)
    with pytest.raises(Exception, match="no CSV today"):
        # stores of its own: a build that fails leaves its card store's writes pending
        build_site(seed_records(), tmp_path, TIMELINE_SEARCH=False,
                   CACHE_PATH=str(tmp_path / "cache"))


def test_exports_give_a_happening_over_several_days_its_last_day():
    from types import SimpleNamespace

    from pipeline.labels import days_label, strings
    from plugins.timeline.exports import events_ics, events_json, timelinejs
    event = {"id": "2021-11-24-visit-benny-gantz-rabat", "value": "2021-11-23",
             "end": "2021-11-24", "sort": "2021-11-23", "precision": "day",
             "date_label": days_label("2021-11-23", "2021-11-24", "fr"), "title": "Visite",
             "type_label": "Visite", "type_labels": ["Entretien"], "types": ["CONSULT"],
             "status": "happened", "evidence": [], "url": "events/x.html"}
    timeline = SimpleNamespace(events=[event], t=strings("fr"))
    assert "DTSTART;VALUE=DATE:20211123\r\nDTEND;VALUE=DATE:20211125" in events_ics(timeline)
    assert json.loads(events_json(timeline))[0]["end"] == "2021-11-24"
    tl = json.loads(timelinejs(timeline))["events"][0]
    assert tl["end_date"] == {"year": "2021", "month": "11", "day": "24"}
    assert tl["display_date"] == "du 23 novembre 2021 au 24 novembre 2021"
