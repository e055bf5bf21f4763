"""Tests for the write stage (pipeline.content) on hand-made records.

``seed_records`` builds the records the extraction stages produce for the seed article,
by hand, so that the site can be tested independently of extraction. ``hostile_records``
adds an article full of markup that must reach the pages as inert text.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from pipeline import content
from pipeline.content import MARKER, build_data, write_content
from pipeline.labels import date_label
from pipeline.periods import sort_date
from pipeline.records import Article, Dct, Event, Evidence, Extraction, Mention, Sentence, Timex

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d7c44e2311d972f8.txt"


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _sentence_around(text: str, needle: str) -> tuple[int, int]:
    """The sentence (up to the next full stop or line end) containing ``needle``."""
    pos = text.index(needle)
    start = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1)
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return start, end


def seed_records() -> tuple[list[Extraction], list[Event]]:
    """The seed article with its three events, as the extraction stages would give them."""
    path = "seeds/000_d7c44e2311d972f8.txt"
    text = SEED.read_text(encoding="utf-8")
    body_start = text.index("\n") + 1
    dct = Dct("2022-11-24", "inferred")
    article = Article(path=path, text=text, body_start=body_start,
                      title=text[: body_start - 1], lang="fr", dct=None)

    def ev(needle: str) -> Evidence:
        s, e = _sentence_around(text, needle)
        return Evidence(path, s, e, text[s:e])

    def timex(needle: str, value: str, mod: str | None = None) -> Timex:
        s, e = _span(text, needle)
        return Timex(path, s, e, needle, "DATE", value, mod)

    mentions = []
    for needle, kind, key, country in [
        ("Benny Gantz", "person", "Benny Gantz", "IL"),
        ("Nasser Bourita", "person", "Nasser Bourita", "MA"),
        ("Abdellatif Loudiyi", "person", "Abdellatif Loudiyi", "MA"),
        ("Addellatif Loudiyi", "person", "Abdellatif Loudiyi", "MA"),
        ("Rabat", "place", "Rabat", "MA"),
        ("Israël", "country", "IL", "IL"),
    ]:
        pos = 0
        while (pos := text.find(needle, pos)) != -1:
            mentions.append(Mention(path, pos, pos + len(needle), needle, kind, key, country))
            pos += len(needle)
    mentions.sort(key=lambda m: m.start)
    timexes = (
        timex("jeudi 24 novembre", "2022-11-24"),
        timex("Le 24 novembre 2021", "2021-11-24"),
        timex("fin 2020", "2020", "END"),
        timex("En 2021", "2021"),
    )
    # one sentence per line is enough for the site, which only uses evidence offsets
    sentences = tuple(
        Sentence(path, body_start + m.start(), body_start + m.end(), m.group(), i)
        for i, m in enumerate(re.finditer(r"[^\n]+", text[body_start:]))
    )
    abraham = Event(
        id="2020-abraham-accords-morocco-israel", value="2020", mod="END",
        types=("AGREE",), mode=None, actors=(), countries=("IL", "MA"), place=None,
        status="happened", title="Accords d’Abraham : normalisation Maroc – Israël",
        sources=(ev("accords d’Abraham fin 2020"),), date_text="fin 2020",
    )
    visit = Event(
        id="2021-11-24-visit-benny-gantz-rabat", value="2021-11-24", mod=None,
        types=("CONSULT", "AGREE"), mode="visit",
        actors=("Benny Gantz", "Abdellatif Loudiyi"), countries=("IL", "MA"), place="Rabat",
        status="happened", title="Visite de Benny Gantz à Rabat, accords signés",
        sources=(ev("Le 24 novembre 2021"), ev("pour signer plusieurs accords")),
        aliases=("2021-11-24-visit-gantz-morocco",), date_text="24 novembre 2021",
    )
    talks = Event(
        id="2022-11-24-consult-benny-gantz-nasser-bourita", value="2022-11-24", mod=None,
        types=("CONSULT",), mode="phone",
        actors=("Benny Gantz", "Nasser Bourita", "Abdellatif Loudiyi"),
        countries=("IL", "MA"), place=None, status="happened",
        title="Entretien de Benny Gantz avec Nasser Bourita et Abdellatif Loudiyi",
        sources=(ev("jeudi 24 novembre"), ev("J’ai eu le plaisir")),
        inferred_date=True, date_text="jeudi 24 novembre",
    )
    events = [talks, visit, abraham]  # deliberately not in date order
    extraction = Extraction(article, dct, timexes, sentences, tuple(mentions), tuple(events))
    return [extraction], events


HOSTILE = (
    "<script>alert(1)</script> {{ config }}\n"
    "Le 3 mars 2023, {% include 'x' %} le ministre <img src=x onerror=alert(1)> a visité "
    "[x](javascript:alert(1)) Alger. **gras** &amp; <b>fin</b>\n"
)


def hostile_records() -> tuple[list[Extraction], list[Event]]:
    """An article whose title, text and event fields are all hostile markup."""
    path = "seeds/999_hostile.txt"
    body_start = HOSTILE.index("\n") + 1
    article = Article(path=path, text=HOSTILE, body_start=body_start,
                      title=HOSTILE[: body_start - 1], lang="fr", dct=Dct("2023-03-03", "option"))
    s, e = body_start, len(HOSTILE) - 1
    event = Event(
        id="2023-03-03-visit-hostile", value="2023-03-03", mod=None, types=("CONSULT",),
        mode="visit", actors=("<b>X</b>",), countries=("DZ",), place="<i>Alger</i>",
        status="happened", title="<script>alert(2)</script>{{ config }}",
        sources=(Evidence(path, s, e, HOSTILE[s:e]),),
    )
    ts, te = _span(HOSTILE, "3 mars 2023")
    timex = Timex(path, ts, te, "3 mars 2023", "DATE", "2023-03-03")
    ms, me = _span(HOSTILE, "Alger")
    mention = Mention(path, ms, me, "Alger", "place", "Alger", "DZ")
    x = Extraction(article, article.dct, (timex,), (), (mention,), (event,))
    return [x], [event]


def test_labels_are_honest():
    assert date_label("2020", "END") == "fin 2020"
    assert date_label("2021-11-24", None, "24 novembre 2021") == "24 novembre 2021"
    assert date_label("2022-11-24", None, "jeudi 24 novembre") == "jeudi 24 novembre 2022"
    assert date_label("2021-11") == "novembre 2021"
    assert date_label("2021-12-01") == "1er décembre 2021"
    assert date_label("2020", "END", lang="en") == "late 2020"
    assert sort_date("2020", "END").isoformat() == "2020-12-31"
    assert sort_date("2021-11").isoformat() == "2021-11-01"


def test_events_in_chronological_order():
    data, _ = build_data(*seed_records())
    assert [e["value"] for e in data["events"]] == ["2020", "2021-11-24", "2022-11-24"]
    assert [e["sort"] for e in data["events"]] == ["2020-12-31", "2021-11-24", "2022-11-24"]


def test_evidence_chunks_cover_text_verbatim():
    extractions, events = seed_records()
    data, texts = build_data(extractions, events)
    source = data["sources"][0]
    paragraphs = json.loads(texts[source["slug"]])
    text = extractions[0].article.text
    rebuilt = "\n".join(
        "".join(part["t"] for chunk in p["chunks"] for part in chunk["parts"])
        for p in paragraphs
    )
    assert rebuilt == extractions[0].article.body.rstrip("\n")
    assert source["names"] == sorted({f"{'country' if p['k'] == 'country' else 'actor'}:{p['v']}"
                                      for par in paragraphs for c in par["chunks"]
                                      for p in c["parts"] if p.get("k") not in (None, "timex")})
    assert "country:IL" in source["names"]
    anchors = {a for p in paragraphs for c in p["chunks"] for a in c.get("ids", [])}
    for event in data["events"]:
        for ev in event["sources"]:
            assert ev["anchor"] in anchors
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_write_content_files_and_determinism(tmp_path):
    extractions, events = seed_records()
    write_content(extractions, events, tmp_path)
    first = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    # the sidecar and one text per source: the plugin writes the pages from them
    assert sorted(first) == [Path("data/texts/000-d7c44e2311d972f8.json"),
                             Path("data/timeline.json")]
    data = json.loads(first[Path("data/timeline.json")])
    assert {e["id"]: e["sort"] for e in data["events"]}[
        "2020-abraham-accords-morocco-israel"] == "2020-12-31"
    [source] = data["sources"]
    assert source["text_sha"] == hashlib.sha256(
        first[Path("data/texts/000-d7c44e2311d972f8.json")]).hexdigest()
    mtimes = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.json")}
    # same input in another order: same bytes, and the files are left as they were
    write_content(list(reversed(extractions)), list(reversed(events)), tmp_path)
    again = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert again == first
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.json")} == mtimes


def test_text_cut_again_only_when_its_inputs_change(tmp_path, monkeypatch):
    extractions, events = seed_records()
    write_content(extractions, events, tmp_path)
    text_file = tmp_path / "data" / "texts" / "000-d7c44e2311d972f8.json"
    cut = []
    real = content._paragraphs
    monkeypatch.setattr(content, "_paragraphs", lambda *a: cut.append(1) or real(*a))
    write_content(extractions, events, tmp_path)
    assert cut == []  # same article, same evidence: the text on disk is kept
    # one event fewer: its evidence passage is no longer highlighted
    write_content(extractions, events[1:], tmp_path)
    assert cut == [1]
    assert events[0].id not in text_file.read_text()
    # a text edited or lost on disk is written again, whatever the sidecar says
    text_file.write_text("[]\n")
    write_content(extractions, events[1:], tmp_path)
    assert cut == [1, 1] and text_file.read_text() != "[]\n"
    text_file.unlink()
    write_content(extractions, events[1:], tmp_path)
    assert len(cut) == 3 and text_file.exists()


def test_texts_of_removed_sources_are_removed(tmp_path):
    extractions, events = seed_records()
    write_content(extractions, events, tmp_path)
    write_content([], [], tmp_path)
    assert list((tmp_path / "data" / "texts").iterdir()) == []
    assert json.loads((tmp_path / "data" / "timeline.json").read_text())["sources"] == []


def test_markdown_written_by_older_versions_removed_hand_written_kept(tmp_path):
    extractions, events = seed_records()
    (tmp_path / "curation.yaml").write_text("merge: []\n")
    (tmp_path / "events").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "events" / "hand-written.md").write_text("Title: mine\n")
    (tmp_path / "events" / "2021-old.md").write_text(f"{MARKER}\nTitle: old\n")
    (tmp_path / "sources" / "000-old.md").write_text(f"{MARKER}\nTitle: old\n")
    write_content(extractions, events, tmp_path)
    assert sorted(p.name for p in (tmp_path / "events").iterdir()) == ["hand-written.md"]
    assert not (tmp_path / "sources").exists()  # emptied: removed
    assert (tmp_path / "curation.yaml").read_text() == "merge: []\n"


def test_article_markup_kept_as_data(tmp_path):
    write_content(*hostile_records(), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["data"]
    assert "<b>fin</b>" in next((tmp_path / "data" / "texts").iterdir()).read_text()
    data = json.loads((tmp_path / "data" / "timeline.json").read_text())
    assert data["events"][0]["title"].startswith("<script>")  # kept as data, escaped later
