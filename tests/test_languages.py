"""Articles in Spanish and German: their dates, events and parties, and one event told in
three languages merged into one."""

import re
from pathlib import Path

from pipeline.read import read_article
from pipeline.run import run

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d7c44e2311d972f8.txt"

SPANISH = """---
title: Gantz en Rabat
date: 2022-11-25
lang: es
---
El ministro israelí de Defensa, Benny Gantz, se reunió el jueves 24 de noviembre de 2022 en \
Rabat con el canciller marroquí Nasser Bourita y con Abdellatif Loudiyi.

Gantz ya había visitado Rabat el 24 de noviembre de 2021, cuando ambos países firmaron un \
memorando de entendimiento en materia de defensa.

Marruecos e Israel restablecieron sus relaciones diplomáticas en diciembre de 2020.
"""

GERMAN = """---
title: Gantz in Rabat
date: 2022-11-25
lang: de
---
Der israelische Verteidigungsminister Benny Gantz hat am Donnerstag, dem 24. November 2022, \
in Rabat den marokkanischen Außenminister Nasser Bourita getroffen.

Bereits am 24. November 2021 hatte Gantz Marokko besucht und ein Sicherheitsabkommen \
unterzeichnet.

Marokko und Israel hatten im Dezember 2020 ihre diplomatischen Beziehungen wieder \
aufgenommen.
"""

# The same three happenings, in the order (date, types, actors, countries) of the events.
WANT = [
    ("2020-12", ("AGREE",), (), ("IL", "MA")),
    ("2021-11-24", ("CONSULT", "SUPPORT"), ("Benny Gantz",), ("IL", "MA")),
    ("2022-11-24", ("CONSULT",), ("Benny Gantz", "Nasser Bourita"), ("IL", "MA")),
]


def _events(folder: Path, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    _, events, report = run([str(path)], cache=False, jobs=1)
    assert report.skipped == [] and report.warnings == []
    return [(e.value, e.types[:3], e.actors[:2], e.countries) for e in events]


def test_a_spanish_article_gives_its_dated_events(tmp_path):
    assert _events(tmp_path, "es.md", SPANISH) == WANT


def test_a_german_article_gives_its_dated_events(tmp_path):
    # "am 24. November" does not end a sentence at the ordinal's dot
    assert _events(tmp_path, "de.md", GERMAN) == WANT


def test_roles_resolve_in_spanish_and_german(tmp_path):
    (tmp_path / "es.md").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "de.md").write_text(GERMAN, encoding="utf-8")
    extractions, _, _ = run([str(tmp_path)], cache=False, jobs=1)
    roles = {m.text: m.key for x in extractions for m in x.mentions if m.kind == "role"}
    assert roles == {"ministro israelí de Defensa": "defence_minister@IL",
                     "canciller marroquí": "foreign_minister@MA",
                     "israelische Verteidigungsminister": "defence_minister@IL",
                     "marokkanischen Außenminister": "foreign_minister@MA"}


def test_one_event_told_in_three_languages_is_one_event(tmp_path):
    (tmp_path / "es.md").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "de.md").write_text(GERMAN, encoding="utf-8")
    (tmp_path / SEED.name).write_bytes(SEED.read_bytes())
    _, events, _ = run([str(tmp_path)], cache=False, jobs=1)
    told = {e.value: sorted({Path(s.path).name for s in e.sources}) for e in events}
    assert told["2022-11-24"] == ["000_d7c44e2311d972f8.txt", "de.md", "es.md"]
    assert told["2021-11-24"] == ["000_d7c44e2311d972f8.txt", "de.md", "es.md"]


def test_spanish_and_german_are_recognised_without_front_matter(tmp_path):
    for name, text in (("es.txt", SPANISH), ("de.txt", GERMAN)):
        body = text.split("---\n", 2)[2]
        (tmp_path / name).write_text("Titulo\n" + body, encoding="utf-8")
        assert read_article(str(tmp_path / name)).lang == name[:2]


def test_a_word_list_missing_for_a_language_matches_nothing(monkeypatch):
    from pipeline import classify

    lists = {"fr": [], "planned": {"fr": []}}
    monkeypatch.setattr(classify, "load_yaml", lambda name: lists)
    classify.word_list_pattern.cache_clear()
    try:
        assert classify.word_list_pattern("planned", "fr").search("il doit venir") is None
    finally:
        classify.word_list_pattern.cache_clear()


def test_quotes_in_another_language_than_the_page_are_marked(tmp_path):
    from tests.test_site import build_site

    (tmp_path / "es.md").write_text(SPANISH, encoding="utf-8")
    (tmp_path / SEED.name).write_bytes(SEED.read_bytes())
    extractions, events, _ = run([str(tmp_path)], cache=False, jobs=1)
    output = build_site((extractions, events), tmp_path / "site", TIMELINE_SEARCH=False,
                        TIMELINE_LANG="fr")
    (event,) = [e for e in events if e.value == "2022-11-24"]
    page = (output / "events" / f"{event.id}.html").read_text(encoding="utf-8")
    quotes = re.findall(r"<blockquote[^>]*>", page)
    assert sum('lang="es"' in q for q in quotes) == 1  # the Spanish sentence
    assert not any("lang=" in q for q in quotes if 'lang="es"' not in q)  # French: the page's
    assert len(quotes) > 1


def test_a_spanish_announcement_goes_on_with_who_made_it(tmp_path):
    text = """---
title: Argelia rompe relaciones con Marruecos
date: 2021-08-25
lang: es
---
Argelia anunció el martes la ruptura de sus relaciones diplomáticas con Marruecos. El anuncio \
fue realizado en Argel por el ministro de Asuntos Exteriores, Ramtane Lamamra.
"""
    path = tmp_path / "es.md"
    path.write_text(text, encoding="utf-8")
    _, (rupture,), _ = run([str(path)], cache=False, jobs=1)
    assert (rupture.value, rupture.mode, len(rupture.sources)) == ("2021-08-24", "break", 2)
    # the capitalised words of a role are no person's name
    assert "Asuntos Exteriores" not in rupture.actors + rupture.unreviewed_actors
    assert "Ramtane Lamamra" in rupture.actors + rupture.unreviewed_actors
