"""The first article of the collection: its date is inferred and its three events found."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_d7c44e2311d972f8.txt"


@pytest.fixture(scope="module")
def result():
    out = subprocess.run([sys.executable, "-m", "pipeline", "extract", SEED], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    assert "Done: 1 articles read" in out.stderr
    return json.loads(out.stdout)


def test_document_date_is_inferred_from_the_weekday(result):
    article = result["articles"][0]
    assert article["dct"]["source"] == "inferred"
    assert article["dct"]["value"].startswith("2022-11")


def test_exactly_the_three_events_in_order(result):
    events = result["events"]
    assert [(e["date"]["value"], e["date"]["mod"]) for e in events] == [
        ("2020", "END"), ("2021-11-24", None), ("2022-11-24", None)]


def test_visit_to_rabat_with_the_agreements(result):
    visit = result["events"][1]
    assert "CONSULT" in visit["types"] and "SUPPORT" in visit["types"]
    assert visit["mode"] == "visit"
    assert {"Benny Gantz", "Abdellatif Loudiyi"} <= set(visit["actors"])
    assert set(visit["countries"]) == {"IL", "MA"}


def test_talks_with_bourita_and_loudiyi(result):
    talks = result["events"][2]
    assert "CONSULT" in talks["types"]
    assert {"Benny Gantz", "Nasser Bourita", "Abdellatif Loudiyi"} <= set(talks["actors"])
    assert set(talks["countries"]) == {"IL", "MA"}


def test_normalisation_is_between_morocco_and_israel(result):
    normalisation = result["events"][0]
    assert {"AGREE", "SUPPORT"} & set(normalisation["types"])
    assert set(normalisation["countries"]) == {"IL", "MA"}


def test_every_offset_points_at_its_text(result):
    text = (ROOT / SEED).read_text(encoding="utf-8")
    for t in result["articles"][0]["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]
    for e in result["events"]:
        for s in e["sources"]:
            assert 0 <= s["start"] < s["end"] <= len(text)
