"""Counting back from the article date: weeks back name a day, other units their own
granularity (article dates pinned)."""

import pytest

from tests.test_dates_support import run, values

CASES = [
    ("fr", "Il est arrivé il y a deux semaines.", ["2021-05-24"]),
    ("en", "He arrived a week ago.", ["2021-05-31"]),
    ("fr", "Il est arrivé il y a trois jours.", ["2021-06-04"]),
    ("en", "He arrived two months ago.", ["2021-04"]),
    ("fr", "Il est arrivé il y a un an.", ["2020"]),
    ("fr", "Il est arrivé il y a tout juste un an.", ["2020"]),
    # an adverb of degree before the count: "encore", "only"
    ("fr", "Tripoli, il y a encore six mois paria, se normalise.", ["2020-12"]),
    ("en", "Tripoli, only six months ago a pariah, is changing.", ["2020-12"]),
    # forward, a week stays a week
    ("en", "He will arrive in two weeks.", ["2021-W25"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_counting_back(lang, text, expected):
    assert values(lang, "2021-06-07", text) == expected


# a round number counts back as far as the number it rounds
ROUND = [
    ("fr", "Il a appelé son homologue il y a une dizaine de jours.", ["2021-05-28"]),
    ("fr", "Il est arrivé il y a une quinzaine de jours.", ["2021-05-23"]),
    ("fr", "Ils se sont rencontrés il y a une vingtaine d'années.", ["2001"]),
    ("en", "He called a couple of weeks ago.", ["2021-05-24"]),
    ("en", "They met a dozen years ago.", ["2009"]),
    # counting people, not time
    ("fr", "Une centaine de personnes ont manifesté.", []),
    ("en", "A couple of ministers and a dozen aides resigned.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ROUND)
def test_a_round_number_counts_back(lang, text, expected):
    assert values(lang, "2021-06-07", text) == expected


SINCE_THEN = [
    # "in a year" told of the past or after a superlative is the span up to now: a duration
    ("en", "Spending rose 0.2% in September, the smallest gain in a year.",
     [("September", "DATE", "2021-09"), ("in a year", "DURATION", "P1Y")]),
    ("en", "Prices hit their highest level in two years.", [("in two years", "DURATION", "P2Y")]),
    ("fr", "C'est la première visite en dix ans.", [("dix ans", "DURATION", "P10Y")]),
    ("en", "He will return in a year.", [("in a year", "DATE", "2022")]),
    ("fr", "Il reviendra dans un an.", [("dans un an", "DATE", "2022")]),
    # "il y a maintenant treize mois": a time ago all the same
    ("fr", "La crise a éclaté il y a maintenant treize mois.",
     [("il y a maintenant treize mois", "DATE", "2020-09")]),
    ("en", "The crisis broke out some thirteen months ago.",
     [("some thirteen months ago", "DATE", "2020-09")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SINCE_THEN)
def test_in_a_year_since_then_is_a_duration(lang, text, expected):
    _, timexes = run(lang, "2021-10-19", text)
    assert [(t.text, t.type, t.value) for t in timexes] == expected
