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
    ("fr", "Le 14-Juillet, le président a défilé.", [("Le 14-Juillet", "2020-07-14")]),
    ("en", "It will be a theme of the campaign until Election Day.",
     [("Election Day", "2021-11-02")]),
    # the week a holiday falls in
    ("en", "Pilgrims crowded Jerusalem during Easter week.", [("Easter week", "2021-W13")]),
    ("fr", "Les pèlerins ont afflué à Jérusalem pendant la semaine de Pâques.",
     [("la semaine de Pâques", "2021-W13")]),
    # a holiday that is a common noun too needs its capital
    ("fr", "Il reviendra à l'Ascension.", [("l'Ascension", "2022-05-26")]),
    ("fr", "Il dénonce l'architecte de l'ascension de Sarkozy au pouvoir.", []),
    ("en", "He will be home for Thanksgiving.", [("Thanksgiving", "2021-11-25")]),
    ("en", "They held a service of thanksgiving for the rescued miners.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_holidays(lang, text, expected):
    assert dates(lang, "2021-06-07", text) == expected


@pytest.mark.parametrize(("spec", "year", "expected"), [
    ("11-4thu", 1999, "1999-11-25"), ("05-lastmon", 2021, "2021-05-31"),
    ("09-1mon", 2020, "2020-09-07"), ("02-5mon", 2021, None), ("12-lastsun", 2021, "2021-12-26"),
    ("11-1mon+1", 1998, "1998-11-03"), ("11-1mon+1", 2022, "2022-11-08"),
])
def test_nth_weekday_holidays(spec, year, expected):
    d = cal.holiday(spec, year)
    assert (d.isoformat() if d else None) == expected


RANKED = [
    # a weekday ranked in its month or season: of the year the tense points to, else the
    # year written or the story's
    ("en", "They met on the last Saturday of June.", [("the last Saturday of June", "2020-06-27")]),
    ("en", "They will meet on the last Saturday of June.",
     [("the last Saturday of June", "2021-06-26")]),
    ("en", "They will meet on the first Monday of March.",
     [("the first Monday of March", "2022-03-07")]),
    ("en", "They met on the second Tuesday of October 2019.",
     [("the second Tuesday of October 2019", "2019-10-08")]),
    ("en", "The talks took place on the last Saturday of summer.",
     [("the last Saturday of summer", "2020-09-19")]),
    ("fr", "Le dernier samedi de l'été, ils se sont réunis.",
     [("Le dernier samedi de l'été", "2020-09-19")]),
    ("fr", "Le dernier samedi de l'été, ils se réuniront.",
     [("Le dernier samedi de l'été", "2021-09-18")]),
    ("fr", "Le premier lundi de mars, ils se sont réunis.",
     [("Le premier lundi de mars", "2021-03-01")]),
    ("fr", "En 2019, la crise éclate. Le premier lundi de mars, le gouvernement tombe.",
     [("2019", "2019"), ("Le premier lundi de mars", "2019-03-04")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RANKED)
def test_ranked_weekdays(lang, text, expected):
    assert dates(lang, "2021-06-07", text) == expected


OTHER_NATIONS = [
    # a holiday word in a name is no holiday
    ("fr", "Le ministre Jean-Noël Barrot est arrivé. Noël approche.",
     [("Noël", "2014-12-25")]),
    # a national day is the table's country's only when no other country's is meant
    ("fr", "Modi était l'invité d'honneur de la fête nationale le 12 mars.",
     [("le 12 mars", "2015-03-12")]),
    ("fr", "Il assistera à la fête nationale chinoise, puis à celle du Qatar. Il rentrera "
     "pour la fête nationale.", [("la fête nationale", "2015-07-14")]),
    ("en", "He attended Ghana's Independence Day on March 6. He will be home for "
     "Independence Day.", [("March 6", "2015-03-06"), ("Independence Day", "2015-07-04")]),
    ("en", "The Indian Independence Day is Aug. 15.", [("Aug. 15", "2015-08-15")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), OTHER_NATIONS)
def test_a_holiday_of_another_nation_or_in_a_name_is_not_the_tables(lang, text, expected):
    assert dates(lang, "2015-03-10", text) == expected
