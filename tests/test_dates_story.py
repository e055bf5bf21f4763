"""The story's reference time: a date without a year told after a date of another year
takes the story's year, not the article's (article dates pinned)."""

import pytest

from tests.test_dates_support import values

SEASONS = [
    ("fr", "2021-06-07", "En 2019, la crise a éclaté. En été, le gouvernement a démissionné.",
     ["2019", "2019-SU"]),
    ("fr", "2021-06-07", "En 2019, la crise a éclaté. À l'automne, le gouvernement est tombé.",
     ["2019", "2019-FA"]),
    ("en", "2021-06-07", "In 2019, the crisis broke out. In the summer, the government resigned.",
     ["2019", "2019-SU"]),
    # no story year: the article's, as the tense points
    ("fr", "2021-06-07", "La crise a éclaté à l'automne.", ["2020-FA"]),
    ("en", "2021-06-07", "The government will resign in the autumn.", ["2021-FA"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), SEASONS)
def test_a_season_takes_the_story_year(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


DAYS = [
    # a story moves forward: a day a little after the story's date, not most of a year
    # before it; a day just before it stays before (a flashback)
    ("fr", "2021-06-07", "Le 3 mars 2019, il est arrivé. Le 5 septembre, il est reparti.",
     ["2019-03-03", "2019-09-05"]),
    ("en", "2021-06-07", "On March 3, 2019, he arrived. On Sept. 5, he left.",
     ["2019-03-03", "2019-09-05"]),
    ("fr", "2021-06-07", "Le 28 décembre 2019, il est arrivé. Le 2 janvier, il est reparti.",
     ["2019-12-28", "2020-01-02"]),
    ("en", "2021-06-07", "On March 3, 2019, he spoke. He had arrived on March 1.",
     ["2019-03-03", "2019-03-01"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), DAYS)
def test_a_day_takes_the_story_year_forward(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


FLASHBACKS = [
    # a date counted back is a look back: the story goes on from where it was
    ("en", "2021-06-07", "On March 3, 2019, he arrived. Two days earlier, he had called. "
     "Three days later, he left.", ["2019-03-03", "2019-03-01", "2019-03-06"]),
    ("fr", "2021-06-07", "Le 3 mars 2019, il est arrivé. La veille, il avait appelé. "
     "Le lendemain, il est reparti.", ["2019-03-03", "2019-03-02", "2019-03-04"]),
    ("en", "2021-06-07", "Sales rose from $3 million a year earlier. Profit rose from $1 "
     "million a year earlier.", ["2020", "2020"]),
    ("fr", "2021-06-07", "Les ventes ont progressé par rapport à un an plus tôt. Le bénéfice "
     "a progressé par rapport à un an plus tôt.", ["2020", "2020"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), FLASHBACKS)
def test_a_look_back_does_not_move_the_story(lang, dct, text, expected):
    assert values(lang, dct, text) == expected
