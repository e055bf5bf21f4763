"""Recognise stage: actors, roles, countries, and names the gazetteer does not know."""

import pytest

from pipeline.mentions import recognise
from pipeline.records import Article


def mentions(text, lang):
    return [(m.kind, m.text, m.key, m.country, m.reviewed)
            for m in recognise(Article("a.md", text, 0, "t", lang, None))]


@pytest.mark.parametrize("text, lang, expected", [
    ("Le ministre israélien de la Défense a parlé.", "fr",
     ("role", "ministre israélien de la Défense", "defence_minister@IL", "IL", True)),
    ("Le ministre de la Défense israélien a parlé.", "fr",
     ("role", "ministre de la Défense israélien", "defence_minister@IL", "IL", True)),
    ("Israel's defence minister spoke.", "en",
     ("role", "Israel's defence minister", "defence_minister@IL", "IL", True)),
    ("Benyamin Nétanyahou a écrit.", "fr",
     ("person", "Benyamin Nétanyahou", "Benjamin Netanyahu", "IL", True)),
    ("Il a rencontré Addellatif Loudiyi.", "fr",
     ("person", "Addellatif Loudiyi", "Abdellatif Loudiyi", "MA", True)),
    ("Le président égyptien Karim Abdel Salam a reçu.", "fr",
     ("person", "Karim Abdel Salam", "Karim Abdel Salam", "EG", False)),
    ("Turkish Foreign Minister Kemal Aydin attended.", "en",
     ("person", "Kemal Aydin", "Kemal Aydin", "TR", False)),
    # a title ending on what it heads, then the name in apposition
    ("Le président de la Knesset, Amir Ohana, est venu.", "fr",
     ("person", "Amir Ohana", "Amir Ohana", "IL", False)),
    ("U.S. Secretary of State Antony Blinken arrived.", "en",
     ("role", "U.S. Secretary of State", "foreign_minister@US", "US", True)),
])
def test_actors_and_roles(text, lang, expected):
    assert expected in mentions(text, lang)


def test_countries_from_names_demonyms_capitals_and_compounds():
    found = mentions("Rabat et Washington saluent le partenariat israélo-marocain avec "
                     "l'Algérie et les Émirats.", "fr")
    assert {m[2] for m in found if m[0] in ("country", "place")} >= {"MA", "US", "IL", "DZ"}


def test_the_kingdom_is_the_monarchy_the_article_names():
    found = mentions("Le Maroc a reçu Benny Gantz. Il s'est rendu dans le royaume mardi.", "fr")
    assert ("country", "royaume", "MA", None, True) in found


def test_a_role_without_a_state_stays_unresolved():
    found = mentions("Le ministre de la Défense a parlé.", "fr")
    assert [m for m in found if m[0] == "role"] == [
        ("role", "ministre de la Défense", "defence_minister", None, True)]
