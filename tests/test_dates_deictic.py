"""Parts of the article's week, month or year (article dates pinned)."""

import pytest

from tests.test_dates_support import dates

CASES = [
    ("en", "He came earlier in the week.", [("earlier in the week", "2003-W08")]),
    ("en", "Sales rose earlier in the year.", [("earlier in the year", "2003")]),
    ("en", "He will come later in the month.", [("later in the month", "2003-02")]),
    ("en", "He came earlier this year.", [("earlier this year", "2003")]),
    ("fr", "Il est venu plus tôt dans l'année.", [("plus tôt dans l'année", "2003")]),
    ("fr", "Il reviendra plus tard dans la semaine.", [("plus tard dans la semaine", "2003-W08")]),
    ("fr", "Il viendra à la fin du mois.", [("la fin du mois", "2003-02")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_parts_of_the_article_period(lang, text, expected):
    assert dates(lang, "2003-02-21", text) == expected
