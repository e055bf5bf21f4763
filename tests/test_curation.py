"""Tests for curation (pipeline.curation): each operation, validation, and the marks on the site.

The events are the hand-made records of the seed article (``tests.test_content``):
``2020-abraham-accords-morocco-israel`` (fin 2020), ``2021-11-24-visit-benny-gantz-rabat``
(with the alias ``2021-11-24-visit-gantz-morocco``) and
``2022-11-24-consult-benny-gantz-nasser-bourita``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.curation import apply_curation, load_curation, parse_curation
from tests.test_content import seed_records
from tests.test_site import build_site

VISIT = "2021-11-24-visit-benny-gantz-rabat"
TALKS = "2022-11-24-consult-benny-gantz-nasser-bourita"
ABRAHAM = "2020-abraham-accords-morocco-israel"
SEED_PATH = "seeds/000_d7c44e2311d972f8.txt"


def curate(yaml_text: str, records=None):
    """Apply ``yaml_text`` to the seed records: (events by id, load errors, apply problems)."""
    extractions, events = records or seed_records()
    curation = parse_curation(yaml_text, "content/curation.yaml")
    problems: list[str] = []
    out = apply_curation(events, curation, extractions, problems)
    return {e.id: e for e in out}, list(curation.errors), problems


def test_missing_file_means_no_curation(tmp_path):
    curation = load_curation(tmp_path / "curation.yaml")
    assert len(curation) == 0 and curation.errors == ()
    extractions, events = seed_records()
    assert {e.id for e in apply_curation(events, curation, extractions)} == {
        e.id for e in events}


def test_comments_only_file_is_empty(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text("# nothing yet\nfix:\n# - id: x\n", encoding="utf-8")
    curation = load_curation(path)
    assert len(curation) == 0 and curation.errors == ()


def test_fix_changes_fields_and_records_them():
    events, errors, problems = curate(f"""
fix:
  - id: {TALKS}
    value: 2022-11-23
    title: Entretien téléphonique de Benny Gantz
    actors: [Benny Gantz, Nasser Bourita]
    note: the date and names as the tweet tells them
""")
    assert errors == [] and problems == []
    talks = events[TALKS]
    assert talks.value == "2022-11-23"
    assert talks.title == "Entretien téléphonique de Benny Gantz"
    assert talks.actors == ("Benny Gantz", "Nasser Bourita")
    # the source words and the inference were about the extracted date
    assert talks.date_text == "" and talks.inferred_date is False
    assert talks.curated == ("value", "title", "actors")
    assert events[VISIT].curated == ()


def test_fix_without_title_remakes_the_title_from_the_new_fields():
    events, _, _ = curate(f"""
fix:
  - id: {VISIT}
    actors: [Benny Gantz]
    place: null
""")
    visit = events[VISIT]
    assert visit.place is None and "Rabat" not in visit.title and "Benny Gantz" in visit.title
    assert "title" not in visit.curated and visit.curated == ("actors", "place")


def test_fix_title_per_language():
    extractions, events = seed_records()
    curation = parse_curation(f"""
fix:
  - id: {VISIT}
    title: {{fr: Visite de Benny Gantz, en: Benny Gantz visits Rabat}}
""", "c.yaml")
    assert curation.errors == ()
    en = {e.id: e for e in apply_curation(events, curation, extractions, lang="en")}
    fr = {e.id: e for e in apply_curation(events, curation, extractions, lang="fr")}
    assert en[VISIT].title == "Benny Gantz visits Rabat"
    assert fr[VISIT].title == "Visite de Benny Gantz"


def test_hide_removes_the_event():
    events, errors, problems = curate(f"hide:\n  - {ABRAHAM}\n  - id: {TALKS}\n    note: x\n")
    assert errors == [] and problems == []
    assert set(events) == {VISIT}


def test_ids_are_looked_up_among_aliases():
    events, _, problems = curate("fix:\n  - id: 2021-11-24-visit-gantz-morocco\n"
                                 "    status: planned\n")
    assert problems == []
    assert events[VISIT].status == "planned"


def test_merge_keeps_the_first_id_and_the_others_as_aliases():
    events, errors, problems = curate(f"merge:\n  - [{VISIT}, {ABRAHAM}]\n")
    assert errors == [] and problems == []
    assert set(events) == {VISIT, TALKS}
    merged = events[VISIT]
    assert merged.value == "2021-11-24"  # the first event's date
    assert ABRAHAM in merged.aliases and "2021-11-24-visit-gantz-morocco" in merged.aliases
    _, before = seed_records()
    parts = [e for e in before if e.id in (VISIT, ABRAHAM)]
    # a passage quoted by both events is quoted once
    assert set(merged.sources) == {s for e in parts for s in e.sources}
    assert merged.types == ("CONSULT", "AGREE")
    assert "sources" in merged.curated


def test_merge_of_events_already_merged_is_quiet():
    events, _, problems = curate(f"merge:\n  - ids: [{VISIT}, 2021-11-24-visit-gantz-morocco]\n")
    assert problems == [] and len(events) == 3


def test_split_moves_passages_to_a_new_event():
    events, errors, problems = curate(f"""
split:
  - id: {VISIT}
    sources:
      - path: {SEED_PATH}
        quote: pour signer plusieurs accords
    new:
      id: 2021-11-24-signing-gantz-loudiyi
      value: 2021-11-24
      types: [AGREE]
      mode: signing
      title: Benny Gantz et Abdellatif Loudiyi signent plusieurs accords
""")
    assert errors == [] and problems == []
    visit, new = events[VISIT], events["2021-11-24-signing-gantz-loudiyi"]
    assert [s.text for s in new.sources] == [
        s.text for s in seed_records()[1][1].sources if "pour signer" in s.text]
    assert len(visit.sources) == 1 and "pour signer" not in visit.sources[0].text
    assert new.title == "Benny Gantz et Abdellatif Loudiyi signent plusieurs accords"
    assert new.aliases == () and new.types == ("AGREE",)
    assert "sources" in visit.curated and {"sources", "value", "title"} <= set(new.curated)


def test_split_by_offsets_and_by_path():
    _, events = seed_records()
    visit = next(e for e in events if e.id == VISIT)
    second = visit.sources[1]
    out, _, problems = curate(f"""
split:
  - id: {VISIT}
    sources:
      - {{path: 000_d7c44e2311d972f8.txt, start: {second.start}, end: {second.end}}}
    new: {{value: 2021-11}}
""")
    assert problems == []
    new = next(e for e in out.values() if e.id not in (VISIT, TALKS, ABRAHAM))
    assert new.sources == (second,) and new.value == "2021-11"
    # taking every passage is not a split
    _, _, problems = curate(f"""
split:
  - id: {VISIT}
    sources: [{{path: {SEED_PATH}}}]
    new: {{value: 2021}}
""")
    assert len(problems) == 1 and "content/curation.yaml:3:" in problems[0]


def test_add_finds_the_quote_and_gives_offsets():
    extractions, _ = seed_records()
    text = extractions[0].article.text
    events, errors, problems = curate(f"""
add:
  - id: 2022-11-24-gantz-thanks-mohammed-vi
    value: 2022-11-24
    types: [STATEMENT]
    title: Benny Gantz remercie le roi Mohammed VI
    actors: [Benny Gantz, Mohammed VI]
    countries: [IL, MA]
    sources:
      - path: {SEED_PATH}
        quote: >-
          J’ai exprimé ma gratitude à SM le Roi Mohammed VI
          pour son leadership
""")
    assert errors == [] and problems == []
    added = events["2022-11-24-gantz-thanks-mohammed-vi"]
    (source,) = added.sources
    assert text[source.start:source.end] == source.text
    assert source.text == "J’ai exprimé ma gratitude à SM le Roi Mohammed VI pour son leadership"
    assert added.curated == ("event",) and added.countries == ("IL", "MA")


def test_add_without_id_gets_one_made_like_the_pipeline_s():
    events, _, problems = curate(f"""
add:
  - value: 2022-11-24
    types: [STATEMENT]
    title: Déclaration
    countries: [IL]
    sources: [{{path: {SEED_PATH}, quote: nos liens de défense se sont approfondis}}]
""")
    assert problems == []
    assert "2022-11-24-statement-il" in events


def test_quote_not_found_is_an_error_naming_the_line():
    events, errors, problems = curate(f"""
add:
  - value: 2022-11-24
    types: [STATEMENT]
    title: Déclaration
    sources:
      - path: {SEED_PATH}
        quote: Benny Gantz a démissionné
""")
    assert errors == []
    assert len(problems) == 1
    assert problems[0].startswith("content/curation.yaml:7: quote not found in ")
    assert len(events) == 3  # the entry is not applied


def test_stale_id_is_a_warning_and_the_rest_still_applies():
    events, errors, problems = curate(f"""
hide:
  - 2019-01-01-visit-nobody
fix:
  - id: {TALKS}
    status: planned
""")
    assert errors == []
    assert problems == ["content/curation.yaml:3: no event has the id '2019-01-01-visit-nobody'"
                        " any more (the extraction changed: update the id or remove this entry)"]
    assert events[TALKS].status == "planned"


@pytest.mark.parametrize(("text", "line", "words"), [
    ("fixes:\n  - id: a\n", 1, "unknown key 'fixes'"),
    (f"fix:\n  - id: {VISIT}\n    colour: red\n", 3, "unknown key 'colour'"),
    (f"fix:\n  - id: {VISIT}\n    value: 24/11/2021\n", 3, "not an ISO-TimeML value"),
    (f"fix:\n  - id: {VISIT}\n    value: 2021-02-30\n", 3, "not an ISO-TimeML value"),
    (f"fix:\n  - id: {VISIT}\n    mod: LATE\n", 3, "unknown mod 'LATE'"),
    (f"fix:\n  - id: {VISIT}\n    types: [CONSULT,\n      VISIT]\n", 4, "unknown event type"),
    (f"fix:\n  - id: {VISIT}\n    countries: [IL, XX]\n", 3, "unknown country code 'XX'"),
    (f"fix:\n  - id: {VISIT}\n    mode: dinner\n", 3, "unknown mode 'dinner'"),
    (f"fix:\n  - id: {VISIT}\n    status: cancelled\n", 3, "unknown status"),
    ("fix:\n  - id: Not An Id\n    status: planned\n", 2, "is not an event id"),
    (f"fix:\n  - id: {VISIT}\n", 2, "changes nothing"),
    (f"merge:\n  - [{VISIT}]\n", 2, "at least two"),
    ("add:\n  - value: 2020\n    types: [AGREE]\n    title: x\n", 2, "no sources"),
    ("add:\n  - value: 2020\n    types: [AGREE]\n    title: x\n"
     f"    sources: [{{path: {SEED_PATH}}}]\n", 5, "no quote"),
    ("hide: [a\n", 2, "not valid YAML"),
])
def test_validation_errors_name_the_line(text, line, words):
    curation = parse_curation(text, "content/curation.yaml")
    assert len(curation.errors) == 1, curation.errors
    error = curation.errors[0]
    assert error.startswith(f"content/curation.yaml:{line}: "), error
    assert words in error and error.endswith(")")


def test_invalid_entries_are_dropped_and_valid_ones_kept():
    events, errors, _ = curate(f"""
fix:
  - id: {VISIT}
    value: someday
  - id: {TALKS}
    title: Bon titre
""")
    assert len(errors) == 1 and errors[0].startswith("content/curation.yaml:4:")
    assert events[VISIT].value == "2021-11-24" and events[TALKS].title == "Bon titre"


def test_apply_is_pure():
    extractions, events = seed_records()
    before = list(events)
    curation = parse_curation(f"hide: [{VISIT}]\nfix:\n  - {{id: {TALKS}, title: T}}\n")
    apply_curation(events, curation, extractions)
    assert events == before


CURATION = f"""
fix:
  - id: {TALKS}
    value: 2022-11-23
    title: Entretien de Benny Gantz avec ses homologues marocains
hide:
  - {ABRAHAM}
add:
  - id: 2022-11-24-gantz-thanks-mohammed-vi
    value: 2022-11-24
    types: [STATEMENT]
    title: Benny Gantz remercie le roi Mohammed VI
    countries: [IL, MA]
    sources:
      - path: {SEED_PATH}
        quote: J’ai exprimé ma gratitude à SM le Roi Mohammed VI
"""


@pytest.fixture(scope="module")
def curated_site(tmp_path_factory) -> Path:
    extractions, events = seed_records()
    events = apply_curation(events, parse_curation(CURATION), extractions)
    return build_site((extractions, events), tmp_path_factory.mktemp("curated"),
                      TIMELINE_SEARCH=False)


def test_curated_fields_are_marked_on_the_event_page(curated_site):
    html = (curated_site / "events" / f"{TALKS}.html").read_text()
    assert html.count('class="curated"') == 2  # the title and the date, nothing else
    assert "Entretien de Benny Gantz avec ses homologues marocains" \
        ' <small class="curated"' in html
    assert "corrigé</small>" in html
    untouched = (curated_site / "events" / f"{VISIT}.html").read_text()
    assert 'class="curated"' not in untouched


def test_curated_marks_on_the_timeline_and_added_event(curated_site):
    index = (curated_site / "index.html").read_text()
    card = index[index.index(f'id="e-{TALKS}"'):]
    card = card[:card.index("</article>")]
    assert card.count('class="curated"') == 2
    assert "ajouté à la main" in index
    added = (curated_site / "events" / "2022-11-24-gantz-thanks-mohammed-vi.html").read_text()
    assert "ajouté à la main" in added
    assert 'href="../sources/000-d7c44e2311d972f8.html#ev-' in added


def test_hidden_event_appears_nowhere(curated_site):
    assert not (curated_site / "events" / f"{ABRAHAM}.html").exists()
    for path in curated_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".ics", ".atom", ".xml"):
            assert ABRAHAM not in path.read_text(encoding="utf-8"), path


def test_english_mark(tmp_path):
    extractions, events = seed_records()
    events = apply_curation(events, parse_curation(CURATION), extractions, lang="en")
    site = build_site((extractions, events), tmp_path, TIMELINE_LANG="en", TIMELINE_SEARCH=False)
    assert ">edited</small>" in (site / "events" / f"{TALKS}.html").read_text()


def test_cli_build_applies_the_curation_file(tmp_path, capsys, caplog):
    content = tmp_path / "content"
    content.mkdir()
    seed = Path(__file__).resolve().parent.parent / SEED_PATH
    (content / "curation.yaml").write_text(
        "hide:\n  - 2019-01-01-visit-nobody\nfix:\n  - id: x\n    colour: red\n",
        encoding="utf-8")
    argv = ["build", str(seed), "--content", str(content), "--jobs", "1"]
    assert cli.main(argv) == 0
    err = caplog.text  # the command's log lines, which go to standard error
    assert f"{content / 'curation.yaml'}:2: no event has the id" in err
    assert f"{content / 'curation.yaml'}:5: unknown key 'colour'" in err
    assert cli.main([*argv, "--strict"]) == 1
    # the build still wrote the site's data, and extract only curates when asked
    data = json.loads((content / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert data["events"] and all("curated" in e for e in data["events"])
    first = data["events"][0]["id"]
    (content / "curation.yaml").write_text(f"hide: [{first}]\n", encoding="utf-8")
    assert cli.main(argv) == 0
    data = json.loads((content / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert first not in {e["id"] for e in data["events"]}
    capsys.readouterr()
    assert cli.main(["extract", str(seed), "--jobs", "1"]) == 0
    assert first in capsys.readouterr().out
    cli.main(["extract", str(seed), "--jobs", "1", "--curation", str(content / "curation.yaml")])
    assert first not in {e["id"] for e in json.loads(capsys.readouterr().out)["events"]}
