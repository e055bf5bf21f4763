"""What the site says of an event beyond its fields: the name its sources give it, the
states it concerns in its title, its place and its one-line summary."""

from __future__ import annotations

import pytest

from pipeline.content import SUMMARY_MAX, _clause_cut, build_data
from pipeline.titles import happening_name, make_title
from tests.test_content import seed_records


@pytest.mark.parametrize("text, mode, types, name", [
    ("M. Bourita a participé au « sommet du Néguev », organisé par M. Lapid.",
     "third-party", ("CONSULT",), "Sommet du Néguev"),
    ("The Negev Summit brought six ministers together.", None, ("CONSULT",), "Negev Summit"),
    ("après la signature des accords d’Abraham fin 2020", "signing", ("AGREE",),
     "Accords d’Abraham"),
    ("after the signing of the Abraham Accords at the White House", "signing", ("AGREE",),
     "Abraham Accords"),
    # a visit told beside the accords is not them, nor is a press conference a summit
    ("sa visite, un an après les accords d’Abraham", "visit", ("CONSULT",), None),
    ("lors d'une conférence de presse commune", None, ("CONSULT",), None),
])
def test_the_name_sources_give_a_happening_fits_what_it_is(text, mode, types, name):
    assert happening_name([text], mode, types) == name


def test_titles_say_with_whom_and_carry_the_name():
    assert make_title(("STATEMENT",), None, ("Donald Trump",), ("BH", "US"), None, "fr") \
        == "Déclaration de Donald Trump sur Bahreïn"
    assert make_title(("STATEMENT",), None, ("Donald Trump",), ("BH", "US"), None, "en") \
        == "Statement by Donald Trump on Bahrain"
    # a title naming the place still comes first
    assert make_title(("CONSULT",), "visit", ("Benny Gantz",), ("IL", "MA"), "Rabat", "fr") \
        == "Benny Gantz en visite à Rabat"
    titled = make_title(("CONSULT",), "third-party", ("Yair Lapid", "Nasser Bourita"),
                        ("IL", "MA"), None, "fr", name="Sommet du Néguev")
    assert titled == "Sommet du Néguev : réunion de Yair Lapid et Nasser Bourita"


def test_a_long_sentence_is_cut_at_a_clause():
    clause = ("Le ministre israélien de la Défense a rencontré à Rabat son homologue marocain "
              "et le chef de la diplomatie du royaume pour signer le premier accord de "
              "défense jamais conclu entre Israël et un pays arabe")
    assert SUMMARY_MAX * 2 // 3 <= len(clause) < SUMMARY_MAX
    text = clause + ", " + "et ils ont parlé de coopération militaire " * 8 + "hier."
    cut = _clause_cut(text)
    assert cut == clause + "…"
    assert _clause_cut("Une phrase courte.") == "Une phrase courte."
    # a comma early in the sentence (after its subject) is no place to cut
    early = "Le ministre, Benny Gantz, " + "a signé un accord de défense avec le Maroc " * 8
    assert _clause_cut(early).startswith("Le ministre, Benny Gantz, a signé")
    words = "mot " * 100
    cut = _clause_cut(words)
    assert len(cut) <= SUMMARY_MAX + 1 and cut.endswith("mot…")


def test_every_event_has_a_summary_from_its_evidence_and_a_place_it_names():
    extractions, events = seed_records()
    data, _ = build_data(extractions, events, "fr")
    text = extractions[0].article.text
    own = {e.id: e.place for e in events}
    for e in data["events"]:
        quotes = [" ".join(s["text"].split()) for s in e["sources"]]
        summary = e["summary"]["text"]
        assert any(q.startswith(summary.rstrip("…")) for q in quotes), summary
        assert len(summary) <= SUMMARY_MAX + 1
        assert e["summary"]["lang"] == "fr"
        # the event's own place, else a word of a quote dating it, never one made up
        if e["place"] != own[e["id"]]:
            assert any(e["place"] in s["text"] for s in e["sources"]), e["place"]
        assert e["place"] is None or e["place"] in text
