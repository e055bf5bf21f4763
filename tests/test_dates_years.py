"""A year written alone, with a pinned article date: a date after a determiner or a
preposition, never a count or a name."""

import pytest

from tests.test_dates_support import dates, values

CASES = [
    ("en", "A 1996 law named for him strengthened the embargo.", [("1996", "1996")]),
    ("en", "He lost his 1996 campaign for re-election.", [("1996", "1996")]),
    ("en", "Earnings will fall in both 1990 and 1991.", [("1990", "1990"), ("1991", "1991")]),
    ("en", "We expect that to continue into 1990.", [("1990", "1990")]),
    ("en", "Analysts were predicting 1990 earnings of $3.90 a share.", [("1990", "1990")]),
    ("en", "Some 2000 Israeli tourists are expected.", []),
    ("en", "About 1500 people marched.", []),
    ("en", "Resolution 1973 was passed; the index closed at 2082.1 points.", []),
    ("en", "It costs $1990 a month.", []),
    # a possessive before a year is a determiner, with either apostrophe
    ("en", "Tension grew after Georgia’s 2003 Rose Revolution.", [("2003", "2003")]),
    ("en", "Tension grew after Georgia's 2003 Rose Revolution.", [("2003", "2003")]),
    # a demonstrative before a year is a determiner too
    ("en", "That 1978 resolution calls for a withdrawal.", [("1978", "1978")]),
    ("en", "This 1990 law is still in force.", [("1990", "1990")]),
    ("fr", "Une loi de 1996 a renforcé l'embargo.", [("1996", "1996")]),
    ("fr", "Environ 1500 personnes ont défilé.", []),
    # a year subject of a verb in the singular; a count takes the plural
    ("fr", "Il ira en Chine, puisque 2018 a été consacrée année du tourisme.",
     [("2018", "2018")]),
    ("fr", "Pour lui, 2019 sera décisive.", [("2019", "2019")]),
    ("fr", "Quelque 2000 ont défilé, et 1999 personnes a signé.", []),
    ("en", "He will go to China, since 2018 has been named the year of tourism.",
     [("2018", "2018")]),
    # after "de", a preposition closes a year as punctuation does; a noun makes it a count
    ("fr", "Le National a reconnu le génocide de 1915 contre l'avis du gouvernement.",
     [("1915", "1915")]),
    ("fr", "Une manifestation de 1915 personnes a eu lieu.", []),
    ("en", "The parliament recognised the genocide of 1915 against the Armenians.",
     [("1915", "1915")]),
    # a fiscal year ("l'exercice 2005") is its year
    ("fr", "Lors de l'exercice 1998, le groupe a gagné.", [("1998", "1998")]),
    ("en", "The company earned $3 million in fiscal 1998.", [("1998", "1998")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_years(lang, text, expected):
    assert dates(lang, "1999-10-26", text) == expected


ABBREVIATED = [
    # an abbreviated month before its day is one date, even after a preposition
    ("en", "He must be returned by Jan. 14, 2000.", [("Jan. 14, 2000", "2000-01-14")]),
    ("en", "The rate holds until Dec. 31, 1994.", [("Dec. 31, 1994", "1994-12-31")]),
    ("fr", "Il doit rentrer avant le 14 janv. 2000.", [("le 14 janv. 2000", "2000-01-14")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ABBREVIATED)
def test_abbreviated_month_before_its_day(lang, text, expected):
    assert dates(lang, "1999-10-26", text) == expected


SPELLED = [
    ("Atlanta, nineteen ninety-six.", [("nineteen ninety-six", "1996")]),
    ("In nineteen seventy nine the army came.", [("nineteen seventy nine", "1979")]),
    ("It opened in nineteen oh five.", [("nineteen oh five", "1905")]),
    ("It was January nineteen ninety-seven.", [("January nineteen ninety-seven", "1997-01")]),
    # a month or season before the year in words, after a preposition, is one date of it
    ("Prices fell in January nineteen ninety-four.",
     [("January nineteen ninety-four", "1994-01")]),
    ("We saw that level in the winter of nineteen ninety-four.",
     [("the winter of nineteen ninety-four", "1994-WI")]),
    ("By the year two thousand, half will have a job.", [("the year two thousand", "2000")]),
    ("Nineteen people died.", []),
    ("Nineteen twenty twenty.", []),
]


@pytest.mark.parametrize(("text", "expected"), SPELLED)
def test_years_in_words_as_transcripts_write_them(text, expected):
    assert dates("en", "1998-03-03", text) == expected


SEASON_OF_YEAR = [
    ("en", "Prices fell in the winter of 1994.", [("the winter of 1994", "1994-WI")]),
    ("fr", "Les prix ont baissé au cours de l'hiver de 1994.", [("hiver de 1994", "1994-WI")]),
    ("fr", "Les prix ont baissé à l'hiver 1994.", [("hiver 1994", "1994-WI")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SEASON_OF_YEAR)
def test_a_season_of_a_year_is_one_date(lang, text, expected):
    assert dates(lang, "1998-03-03", text) == expected


# a month without a year linked to the month with one after it borrows that year
SHARED_YEAR = [
    ("en", "He asked him to set a date either in February or March 2009.",
     [("February", "2009-02"), ("March 2009", "2009-03")]),
    ("fr", "Il lui a demandé de fixer une date en février ou mars 2009.",
     [("février", "2009-02"), ("mars 2009", "2009-03")]),
    ("en", "The talks ran in January and February 2007.",
     [("January", "2007-01"), ("February 2007", "2007-02")]),
    ("fr", "Les pourparlers se sont tenus en janvier et février 2007.",
     [("janvier", "2007-01"), ("février 2007", "2007-02")]),
    # a month further off, in a clause of its own, keeps its own reading
    ("en", "He left in February, and in March 2009 he came back.",
     [("February", "2008-02"), ("March 2009", "2009-03")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SHARED_YEAR)
def test_a_month_linked_to_the_next_takes_its_year(lang, text, expected):
    assert dates(lang, "2008-12-12", text) == expected


# a weekday with a day and month picks the year it falls on, near the article date; a
# year further off, it is the writer's slip and the tense's reading stands
WEEKDAY_PICKS_THE_YEAR = [
    ("en", "2018-05-02", "He visited Accra on Wednesday, November 29.", ["2017-11-29"]),
    ("en", "2018-11-27", "Dr Gonsalves departs Accra on Friday, November 29.", ["2018-11-29"]),
    ("fr", "2018-05-02", "Il s'est rendu à Accra le mercredi 29 novembre.", ["2017-11-29"]),
    ("fr", "2018-11-27", "Il quittera Accra le vendredi 29 novembre.", ["2018-11-29"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), WEEKDAY_PICKS_THE_YEAR)
def test_a_weekday_picks_the_year_only_near_the_article_date(lang, dct, text, expected):
    assert values(lang, dct, text) == expected
