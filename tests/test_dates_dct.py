"""Inference of the article date when the metadata has none."""

import pytest

from tests.test_dates_support import run

CASES = [
    (
        "fr",
        "Il a indiqué jeudi 24 novembre que tout va bien. Le 24 novembre 2021, il était au Maroc. "
        "En 2021, ils ont signé.",
        "2022-11-24",
    ),
    # no year in the text: the last year that fits, an article is not from the future
    ("fr", "Le ministre est arrivé mardi 23 novembre à Rabat.", "2021-11-23"),
    ("fr", "Le 3 mars 2019, il est arrivé. Le 5 avril 2019, il est reparti.", "2019-04-05"),
    ("fr", "En mars 2018, il est arrivé.", "2018-03"),
    ("fr", "En 2015, il est arrivé.", "2015"),
    (
        "en",
        "Bahrain said on Sunday, Oct. 18 that it would open an embassy. In 2019 it refused.",
        "2020-10-18",
    ),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_inferred(lang, text, expected):
    dct, _ = run(lang, None, text)
    assert (dct.value, dct.source) == (expected, "inferred")


def test_metadata_wins():
    dct, _ = run("fr", "2020-01-01", "Le 3 mars 2019, il est arrivé.")
    assert (dct.value, dct.source) == ("2020-01-01", "metadata")


def test_inferred_date_resolves_relative_words():
    _, timexes = run(
        "fr", None, "Il a parlé jeudi 24 novembre. Hier, il était à Rabat. En 2021, il a signé."
    )
    assert [t.value for t in timexes][:2] == ["2022-11-24", "2022-11-23"]


def test_no_date_at_all():
    dct, timexes = run("fr", None, "Rien ici.")
    assert dct.source == "inferred" and timexes == ()
