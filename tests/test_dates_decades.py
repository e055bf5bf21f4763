"""Decades and centuries: TIMEX3 values of three and two digits (article dates pinned)."""

import pytest

from tests.test_dates_support import dates, run

CASES = [
    ("en", "In the 1990s, the city grew.", [("the 1990s", "199")]),
    ("en", "In the nineties, the city grew.", [("the nineties", "199")]),
    ("en", "In the early sixties, the city grew.", [("the early sixties", "196")]),
    ("en", "He is in his sixties.", []),
    ("en", "He was in his 30s when he left.", []),  # an age
    ("en", "She is in her early 40s.", []),
    ("en", "Music of the 30s was sad.", [("the 30s", "193")]),
    ("fr", "Il a quitté le pays dans les années 30.", [("les années 30", "193")]),
    ("en", "In the 1800s, the city grew.", [("the 1800s", "18")]),
    ("en", "In the 2000s, the city grew.", [("the 2000s", "200")]),
    ("en", "In the 19th century, the city grew.", [("the 19th century", "18")]),
    ("fr", "Dans les années 60, la ville a grandi.", [("les années 60", "196")]),
    ("fr", "Dans les années quatre-vingt, la ville a grandi.",
     [("les années quatre-vingt", "198")]),
    ("fr", "Au début des années soixante-dix, la ville a grandi.",
     [("Au début des années soixante-dix", "197")]),
    ("fr", "Dans les années 1800, la ville a grandi.", [("les années 1800", "18")]),
    ("fr", "À la fin du XIXe siècle, la ville a grandi.", [("la fin du XIXe siècle", "18")]),
    ("fr", "Soixante personnes sont venues.", []),
    # a decade after "des" with no modifier: "la crise des années 1990"
    ("fr", "La crise des années 1990 a pesé sur la ville.", [("des années 1990", "199")]),
    # a half of a decade is that decade, at its start or end; a half of a year stays a half
    ("en", "Sales rose in the last half of the '80s.",
     [("the last half of the '80s", "198")]),
    ("en", "Sales rose in the first half of the 1980s.",
     [("the first half of the 1980s", "198")]),
    ("en", "Sales rose in the second half of 2019.", [("in the second half of 2019", "2019-H2")]),
    ("fr", "Les ventes ont progressé dans la seconde moitié des années 80.",
     [("la seconde moitié des années 80", "198")]),
    ("fr", "La ville a grandi dans la première moitié du XIXe siècle.",
     [("la première moitié du XIXe siècle", "18")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_decades_and_centuries(lang, text, expected):
    assert dates(lang, "2021-06-07", text) == expected


HALVES = [
    ("en", "Sales rose in the last half of the '80s.", "END"),
    ("en", "Sales rose in the first half of the 1980s.", "START"),
    ("en", "Rain fell in the second half of March.", "END"),
    ("fr", "Les ventes ont progressé dans la seconde moitié des années 80.", "END"),
    ("fr", "La ville a grandi dans la première moitié du XIXe siècle.", "START"),
    ("fr", "La pluie est tombée dans la seconde moitié de mars.", "END"),
]


@pytest.mark.parametrize(("lang", "text", "mod"), HALVES)
def test_a_half_of_a_decade_or_month_is_its_start_or_end(lang, text, mod):
    _, timexes = run(lang, "2021-06-07", text)
    assert [t.mod for t in timexes if t.type == "DATE"] == [mod]
