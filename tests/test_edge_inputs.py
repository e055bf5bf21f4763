"""Inputs at the edges of what the pipeline and the site handle: dates at the calendar's
ends, names that become the same slug or a too long file name, control characters."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET

import pytest

from pipeline.content import build_data
from pipeline.identity import SLUG_MAX
from pipeline.merge import merge
from plugins.timeline import exports, model
from tests.test_content import seed_records
from tests.test_curation import VISIT, curate
from tests.test_merge import ev


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_the_merge_looks_at_neighbouring_days_within_the_calendar(value):
    events = merge([ev(value, "a.md", actors=("X",)), ev(value, "b.md", actors=("X",)),
                    ev("2021-11-24", "c.md")])
    assert sorted(e.value for e in events) == sorted(["2021-11-24", value])  # two merged


@pytest.mark.parametrize("value", ["9999", "9999-12-31", "9999-WI", "0001-01-01", "0001",
                                   "0999-W01", "3000-Q1"])
def test_a_curated_date_beyond_the_supported_years_is_an_error_naming_the_line(value):
    events, errors, problems = curate(f"fix:\n  - id: {VISIT}\n    value: {value}\n")
    assert len(errors) == 1 and errors[0].startswith("content/curation.yaml:3: "), errors
    assert "1000" in errors[0] and "2999" in errors[0] and errors[0].endswith(")")
    assert events[VISIT].value == "2021-11-24" and problems == []
    # an added event too
    _, errors, _ = curate(f"add:\n  - value: {value}\n    types: [AGREE]\n    title: x\n"
                          "    sources: [{path: seeds/000_d7c44e2311d972f8.txt, "
                          "quote: Rabat}]\n")
    assert len(errors) == 1 and errors[0].startswith("content/curation.yaml:2: "), errors


def _with_paths(records, paths):
    """The seed's extraction under each of ``paths`` (its events keep the seed's path)."""
    extractions, events = records
    x = extractions[0]
    return [dataclasses.replace(x, article=dataclasses.replace(x.article, path=p))
            for p in paths], events


LONG = "seeds/visite-" + "x" * 241


def test_source_pages_never_take_a_reserved_name_nor_each_other_s_nor_a_too_long_one():
    paths = ["seeds/index.md", "seeds/index.html", "seeds/José.md", "seeds/Jose.md",
             "seeds/יאיר.md", "seeds/لابيد.md", f"{LONG}a.md", f"{LONG}b.md", "seeds/a.md"]
    data, _ = build_data(*_with_paths(seed_records(), paths))
    slugs = {s["path"]: s["slug"] for s in data["sources"]}
    assert len(set(slugs.values())) == len(paths)
    assert "index" not in slugs.values() and all(len(s) <= SLUG_MAX for s in slugs.values())
    assert slugs["seeds/a.md"] == "a" and slugs["seeds/Jose.md"] == "jose"
    # the rule is the key's own: a new article whose name makes the same slug, sorting
    # after the others, renames none of them
    more, _ = build_data(*_with_paths(seed_records(), [*paths, "seeds/josé.md"]))
    assert {s["path"]: s["slug"] for s in more["sources"] if s["path"] in slugs} == slugs


def test_actor_pages_of_names_that_make_one_slug_stay_apart(tmp_path):
    names = ["Yaïr Lapid", "Yair Lapid", "יאיר לפיד", "يائير لابيد", "Nasser Bourita"]
    events, errors, _ = curate(f"fix:\n  - id: {VISIT}\n    actors: {json.dumps(names)}\n"
                               f'    title: "Visite\\x01 \\x1b[31m"\n'
                               f'    place: "Rabat\\rCasablanca\\x0b"\n')
    assert errors == []
    extractions, _ = seed_records()
    data, texts = build_data(extractions, list(events.values()))
    timeline = model.build(data, texts=tmp_path)
    urls = {f.key: f.url for f in timeline.facets["actor"]}
    assert set(urls) >= set(names) and len(set(urls.values())) == len(urls)
    assert urls["Yair Lapid"] == "actor/yair-lapid.html"  # the first in sorted order
    assert urls["Nasser Bourita"] == "actor/nasser-bourita.html"
    # exports stay valid for their format
    for feed in [exports.atom(timeline),
                 *(exports.atom(timeline, "", f) for f in exports.feed_facets(timeline))]:
        ET.fromstring(feed)
    ics = exports.events_ics(timeline)
    assert re.search(r"\r(?!\n)", ics) is None
    assert re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", ics) is None
    assert "LOCATION:Rabat\\nCasablanca" in ics.replace("\r\n ", "")


def test_a_pair_of_states_named_by_one_event_only_has_no_page_nor_link(tmp_path):
    extractions, events = seed_records()
    # Jordan joins one event: Israel-Jordan and Morocco-Jordan are each named once
    events = [dataclasses.replace(e, countries=(*e.countries, "JO")) if e.id == VISIT else e
              for e in events]
    data, _ = build_data(extractions, events)
    timeline = model.build(data, texts=tmp_path)
    pairs = {f.key: len(f.events) for f in timeline.facets["pair"]}
    assert pairs == {"IL-MA": 3}
    visit = timeline.events_by_id[VISIT]
    assert [p["url"] for p in visit["pair_links"]] == ["pair/il-ma.html"]
    assert [c["code"] for c in visit["country_links"]] == ["IL", "JO", "MA"]  # still named
    # a summit of five states is on each state's page, on none of its pairs'
    events = [dataclasses.replace(e, countries=(*e.countries, "JO", "EG", "AE"))
              if e.id == VISIT else e for e in events]
    timeline = model.build(build_data(extractions, events)[0], texts=tmp_path)
    assert {f.key: len(f.events) for f in timeline.facets["pair"]} == {"IL-MA": 2}
    assert timeline.events_by_id[VISIT]["pair_links"] == []
    assert VISIT in {e["id"] for f in timeline.facets["country"] if f.key == "JO"
                     for e in f.events}
