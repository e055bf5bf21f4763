"""English dates, one table per phenomenon, with a pinned article date."""

import pytest

from tests.test_dates_support import dates, run, values

DCT = "2020-10-19"  # a Monday

CASES = [
    # explicit dates in English order
    ("The accords were signed at the White House on 15 September.", ["2020-09-15"]),
    ("Trump announced on Sept. 11 that Bahrain would follow.", ["2020-09-11"]),
    ("They met on Tuesday, Nov. 24, 2020 in Rabat.", ["2020-11-24"]),
    ("The first flight to Asmara on July 18/2018 was historic.", ["2018-07-18"]),
    ("They return on Saturday 15 February, flying to Tonga.", ["2020-02-15"]),
    ("They returned on Saturday, 15 February 2020.", ["2020-02-15"]),
    ("The summit is set for March 27 and 28, 2021.", ["2021-03-27", "2021-03-28"]),
    ("The meeting on 10/12/2020 was short.", ["2020-10-12"]),
    # a year a dispute or a custom goes back to
    ("A dispute dating back to 2009 could weigh on the visit.", ["2009"]),
    ("The custom goes back to 1962 among the villages.", ["1962"]),
    # "the week of" a day is that day's week
    ("A hearing will be held the week of Dec. 7.", ["2020-W50"]),
    # a weekday in a named week is one date: that day of that week
    ("He is expected in the country next week on Monday.", ["2020-10-26"]),
    ("He will be in the country on Thursday next week.", ["2020-10-29"]),
    ("The commission met on Friday last week in Harare.", ["2020-10-16"]),
    # wire datelines abbreviate months without a period; alone such a word is no month
    ("RABAT, Jan 5 (Reuters) - They met.", ["2020-01-05"]),
    ("Jan Kowalski said the Dec figures were final.", []),
    ("In May 2019, he arrived.", ["2019-05"]),
    # a month and its year with a comma between, after a preposition: one date
    ("The emir, who assumed the throne in June, 2013, visited.", ["2013-06"]),
    ("The treaty signed in 2019 was praised.", ["2019"]),
    # relative
    ("Bahrain and Israel established relations on Sunday.", ["2020-10-18"]),
    ("Talks are expected to conclude next month.", ["2020-11"]),
    ("Officials met last November.", ["2019-11"]),
    ("Earlier this month they signed a deal.", ["2020-10"]),
    ("Two years ago, the ministers met.", ["2018"]),
    ("A year ago today, the ministers met.", ["2019-10-19"]),
    ("Yesterday, he met the king.", ["2020-10-18"]),
    ("Talks will resume on Wednesday.", ["2020-10-21"]),
    ("Last year the economy shrank.", ["2019"]),
    ("This week the minister flew to Manama.", ["2020-W43"]),
    ("He spoke this past weekend.", ["2020-W42-WE"]),  # the one just gone: Oct. 17-18
    # modifiers and periods
    ("The plan will be ready in late 2020.", ["2020"]),
    ("Early next year the embassy opens.", ["2021"]),
    ("In the first quarter of 2021 sales fell.", ["2021-Q1"]),
    ("During the 1990s the region changed.", ["199"]),
    ("In the summer of 2019 they met.", ["2019-SU"]),
    ("Profit fell in the fourth quarter.", ["2020-Q4"]),  # a fiscal quarter, just over
    ("It expects growth in the fourth quarter.", ["2020-Q4"]),
    ("1997's results were weak.", ["1997"]),
    ("The 1987 crash still hurts.", ["1987"]),
    ("Late last year, prices rose.", ["2019"]),
    ("By mid-October, the deal was done.", ["2020-10"]),
    # anaphoric
    ("On Oct. 5, 2020 they met. The next day they flew home.", ["2020-10-05", "2020-10-06"]),
    ("On Oct. 5, 2020 they met. Two days later they returned.", ["2020-10-05", "2020-10-07"]),
    # refs
    ("He currently lives in Rabat.", ["PRESENT_REF"]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_values(text, expected):
    assert values("en", DCT, text) == expected


# (article date, text, values): the story's anchor
STORY = [
    # "cut" reads the same in the present: it does not make "the spring" past
    ("1998-02-27", "Economists now expect a cut in the spring.", ["PRESENT_REF", "1998-SP"]),
    # a day counted from the story counts from its last day, never from a background year
    (
        "2021-08-13",
        "Lapid opened the office on Thursday, the first visit since 2003. "
        "A day earlier, he held talks.",
        ["2021-08-12", "2003", "2021-08-11"],
    ),
    (
        "2021-08-13",
        "Lapid opened the office on Thursday, the first visit since 2003. "
        "The day before, he held talks.",
        ["2021-08-12", "2003", "2021-08-11"],
    ),
    ("2021-08-13", "The ban lasts until 2025. The next day, he left.", ["2025", "2021-08-14"]),
    # a partial date keeps the article's year unless it contradicts the tense...
    (
        "2022-08-30",
        "On Aug. 24, 2021, he signed. On Sept. 22, he returned.",
        ["2021-08-24", "2021-09-22"],
    ),
    # ... or a year opens the sentence as its frame
    (
        "2021-08-13",
        "In 2019, the ministers met. On March 3, they signed a deal.",
        ["2019", "2019-03-03"],
    ),
    (
        "2021-08-13",
        "Morocco agreed in December 2020 to resume ties. "
        "A declaration was signed on Dec. 22 of that year.",
        ["2020-12", "2020-12-22"],
    ),
    # a present tense may announce a scheduled day: the nearest reading, future allowed
    (
        "2020-12-11",
        "Joe Biden, who takes office on Jan. 20, has not said whether he will.",
        ["2021-01-20"],
    ),
    ("2020-12-11", "The deal was signed on Jan. 20.", ["2020-01-20"]),
    ("2023-12-10", "In 2021 he came. The following year, the army chief visited Rabat in July.",
     ["2021", "2022", "2022-07"]),
    ("2022-11-25", "Last year, on March 3, he came. On March 5 he left.",
     ["2021", "2021-03-03", "2022-03-05"]),
    # "a planned visit" is an adjective, no future tense
    ("2023-03-07", "The UAE postponed a planned visit by Netanyahu in January.", ["2023-01"]),
    # the tense of a complement clause after the date is not the date's own
    (
        "2021-01-07",
        "The move follows Trump's announcement on Oct. 23 that Sudan would normalise ties.",
        ["2020-10-23"],
    ),
]


@pytest.mark.parametrize("dct,text,expected", STORY)
def test_story_anchor(dct, text, expected):
    assert values("en", dct, text) == expected


def test_decades_ago_are_approximate_years():
    _, timexes = run("en", "2020-12-11", "The offices closed two decades ago.")
    assert [(t.value, t.mod) for t in timexes] == [("2000", "APPROX")]


def test_and_a_half():
    _, timexes = run("en", DCT, "He stayed a year and a half, then two and a half days.")
    assert [(t.text, t.value) for t in timexes] == [
        ("a year and a half", "P18M"),
        ("two and a half days", "P60H"),
    ]


def test_past_n_years_is_an_anchored_duration():
    _, timexes = run("en", DCT, "Over the past two years, relations deepened.")
    (t,) = timexes
    assert (t.type, t.value, t.period) == ("DURATION", "P2Y", "2018-10/2020-10")


def test_modifier_on_late_year():
    _, timexes = run("en", DCT, "The plan will be ready in late 2020.")
    assert [(t.value, t.mod) for t in timexes] == [("2020", "END")]


# a weekday in a named week is one span, the week before or after the day ("last week
# Wednesday", as southern African English writes it)
WEEKDAY_OF_A_WEEK = [
    ("en", "Mugabe, who turned 83 last week Wednesday, will arrive.",
     [("last week Wednesday", "2020-10-14")]),
    ("en", "The talks will resume next week Monday.", [("next week Monday", "2020-10-26")]),
    ("en", "The talks will resume next week, on Monday.",
     [("next week, on Monday", "2020-10-26")]),
    ("fr", "Il a fêté ses 83 ans mercredi de la semaine dernière.",
     [("mercredi de la semaine dernière", "2020-10-14")]),
    ("fr", "Les pourparlers reprendront lundi de la semaine prochaine.",
     [("lundi de la semaine prochaine", "2020-10-26")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), WEEKDAY_OF_A_WEEK)
def test_a_weekday_of_a_named_week_is_one_span(lang, text, expected):
    assert dates(lang, DCT, text) == expected


# a day spelled out, as broadcast copy and some house styles write it; the month keeps its
# capital (the modal "may" is no month) and no unit follows the number
SPELLED_DAYS = [
    ("en", "Vajpayee may meet Musharraf on January six and Jamali on January five.",
     [("January six", "2021-01-06"), ("January five", "2021-01-05")]),
    ("en", "The vote will be held this coming Sunday, October twenty-fifth.",
     [("this coming Sunday, October twenty-fifth", "2020-10-25")]),
    ("en", "Women's Day will be marked on March eighth.", [("March eighth", "2021-03-08")]),
    ("en", "The forum opened on the twenty-first of September.",
     [("the twenty-first of September", "2020-09-21")]),
    ("en", "May two years ago, he left.", [("two years ago", "2018")]),
    ("en", "Exports fell in March twenty percent.", [("March", "2020-03")]),
    ("fr", "Il rencontrera Musharraf le six janvier.", [("le six janvier", "2021-01-06")]),
    ("fr", "Le sommet s'est ouvert le vingt et un septembre.",
     [("le vingt et un septembre", "2020-09-21")]),
    ("fr", "Deux Mars plus loin, la sonde tourne.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SPELLED_DAYS)
def test_a_day_spelled_out_is_a_day(lang, text, expected):
    assert dates(lang, DCT, text) == expected


# a month that is also a word ("March", "May") is a month in a range or list of months
MONTH_RANGES = [
    ("en", "Between March and August this year, four ministries met.",
     [("March", "2020-03"), ("August this year", "2020-08")]),
    ("en", "Talks were held between March and May.", [("March", "2020-03"), ("May", "2020-05")]),
    ("en", "Talks in June and May followed.", [("June", "2020-06"), ("May", "2020-05")]),
    ("en", "May said the talks went well.", []),
    ("fr", "Entre mars et mai, quatre ministères se sont réunis.",
     [("mars", "2020-03"), ("mai", "2020-05")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), MONTH_RANGES)
def test_a_weak_month_in_a_range_of_months_is_a_month(lang, text, expected):
    assert dates(lang, DCT, text) == expected


# a weekday with its date after "since", "until", "depuis" is one span, the date's
WEEKDAY_WITH_ITS_DATE = [
    ("en", "He has been in the capital since Tuesday, October 13.",
     [("Tuesday, October 13", "2020-10-13")]),
    ("en", "He will stay until Friday 23 October.", [("Friday 23 October", "2020-10-23")]),
    ("fr", "Il est dans la capitale depuis mardi 13 octobre.",
     [("mardi 13 octobre", "2020-10-13")]),
    ("fr", "Il restera jusqu'à vendredi 23 octobre.", [("vendredi 23 octobre", "2020-10-23")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), WEEKDAY_WITH_ITS_DATE)
def test_a_weekday_with_its_date_after_since_is_one_span(lang, text, expected):
    assert dates(lang, DCT, text) == expected


# a week of a month by its rank is the week of its first, eighth... or last day
WEEK_OF_A_MONTH = [
    ("en", "Obama is to visit Mexico during the first week of May.",
     [("the first week of May", "2021-W17")]),
    ("en", "It happened in the last week of June 2012.",
     [("the last week of June 2012", "2012-W26")]),
    ("en", "The session opens in the third week of November.",
     [("the third week of November", "2020-W46")]),
    ("fr", "Obama se rendra au Mexique la première semaine de mai.",
     [("la première semaine de mai", "2021-W17")]),
    ("fr", "C'était la dernière semaine de juin 2012.",
     [("la dernière semaine de juin 2012", "2012-W26")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), WEEK_OF_A_MONTH)
def test_a_week_of_a_month_by_its_rank(lang, text, expected):
    assert dates(lang, DCT, text) == expected
