"""Holidays that fall on one day are dates of their year: fixed days, days counted from
Easter, the n-th weekday of a month (article dates pinned)."""

import pytest

from pipeline.dates import calendar as cal
from tests.test_dates_support import dates

CASES = [
    ("en", "He arrived on Thanksgiving Day.", [("Thanksgiving Day", "2020-11-26")]),
    ("en", "He will arrive on Memorial Day.", [("Memorial Day", "2022-05-30")]),
    ("en", "He arrived on Labor Day.", [("Labor Day", "2020-09-07")]),
    ("en", "He arrived on Christmas Eve.", [("Christmas Eve", "2020-12-24")]),
    ("en", "He arrived at Easter.", [("Easter", "2021-04-04")]),
    ("fr", "Il est arrivé à la Toussaint.", [("la Toussaint", "2020-11-01")]),
    ("fr", "Il est arrivé la veille de Noël.", [("la veille de Noël", "2020-12-24")]),
    ("fr", "Il est arrivé le soir du réveillon de Noël.", [("réveillon de Noël", "2020-12-24")]),
    ("fr", "Il reviendra pour la fête des pères.", [("la fête des pères", "2021-06-20")]),
    ("fr", "Il est arrivé à la Pentecôte.", [("la Pentecôte", "2021-05-23")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_holidays(lang, text, expected):
    assert dates(lang, "2021-06-07", text) == expected


@pytest.mark.parametrize(("spec", "year", "expected"), [
    ("11-4thu", 1999, "1999-11-25"), ("05-lastmon", 2021, "2021-05-31"),
    ("09-1mon", 2020, "2020-09-07"), ("02-5mon", 2021, None), ("12-lastsun", 2021, "2021-12-26"),
])
def test_nth_weekday_holidays(spec, year, expected):
    d = cal.holiday(spec, year)
    assert (d.isoformat() if d else None) == expected
