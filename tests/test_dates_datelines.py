"""Datelines: the date a story was filed, on or before the article date whatever the tense
of the sentence after it (article dates pinned)."""

import pytest

from tests.test_dates_support import dates

CASES = [
    ("fr", "2021-08-14", "RABAT, 12 août (MAP) - Le ministre a reçu son homologue.",
     [("12 août", "2021-08-12")]),
    ("fr", "2021-01-03", "RABAT, 30 déc. (MAP) - Le ministre recevra son homologue.",
     [("30 déc.", "2020-12-30")]),
    ("en", "2021-01-03", "RABAT, Dec 30 (Reuters) - The minister will receive his counterpart.",
     [("Dec 30", "2020-12-30")]),
    ("en", "2021-09-23", "Sep 23 - The minister met his counterpart.", [("Sep 23", "2021-09-23")]),
    # every month abbreviated without its period, as wire copy and page bylines write them
    ("en", "2021-07-14", "Jul 13, 2021 - The minister met his counterpart.",
     [("Jul 13, 2021", "2021-07-13")]),
    ("en", "2021-07-14", "Jun 30 - The minister met his counterpart.", [("Jun 30", "2021-06-30")]),
    ("en", "2021-09-23", "WASHINGTON, Sep 23 (Reuters) - The minister met his counterpart.",
     [("Sep 23", "2021-09-23")]),
    # French agency abbreviations without their period; "sept" alone stays the number
    ("fr", "2021-09-24", "PARIS, 23 sept 2021 (AFP) - Le ministre a reçu son homologue.",
     [("23 sept 2021", "2021-09-23")]),
    ("fr", "2021-12-06", "WASHINGTON, 5 déc (AFP) - Le ministre recevra son homologue.",
     [("5 déc", "2021-12-05")]),
    ("fr", "2021-09-24", "En sept ans, la ville a doublé de taille.", []),
    # a date written year first with slashes or dots, as agency credit lines do; none inside
    # a web address
    ("fr", "2007-01-31", "Beijing, 2007/01/30 (Xinhua) -- Le président est parti.",
     [("2007/01/30", "2007-01-30")]),
    ("en", "2007-01-31", "Posted 2007.01.30 by staff: the president left.",
     [("2007.01.30", "2007-01-30")]),
    ("fr", "2007-01-31", "Voir http://x.cn/2007/01/30/a.htm pour la suite.", []),
    # bylines: a month first in French, a weekday before a date in numbers: one date
    ("fr", "2012-06-03", "Publié le juin 03, 2012 par la rédaction.",
     [("juin 03, 2012", "2012-06-03")]),
    ("fr", "2024-10-12", "Samedi, 12/10/2024 20:15 (GMT+7) Le ministre est arrivé.",
     [("Samedi, 12/10/2024", "2024-10-12")]),
    ("en", "2024-10-12", "Saturday, 10/12/2024 - The minister arrived.",
     [("Saturday, 10/12/2024", "2024-10-12")]),
    # not a dateline: the tense decides
    ("en", "2021-01-03", "The minister will receive his counterpart on Dec 30 - a first.",
     [("Dec 30", "2021-12-30")]),
    ("fr", "2021-01-03", "Le ministre recevra son homologue le 30 décembre.",
     [("le 30 décembre", "2021-12-30")]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), CASES)
def test_a_dateline_date_is_the_filing_day(lang, dct, text, expected):
    assert dates(lang, dct, text) == expected


FILED = [
    # a dateline a day or so before the article's date: the story was written that day, and
    # its "today" (said or not) is that day (a paper printed the next morning)
    ("en", "2000-03-23", "New Delhi, March 22\n\nPresident Clinton today met the Indian prime "
     "minister. \"Only Indians know whether they are safer today,\" he said.",
     [("March 22", "2000-03-22"), ("today", "2000-03-22"), ("today", "2000-03-22")]),
    ("en", "1999-03-13", "WASHINGTON, March 12 (Xinhua) -- The three countries joined NATO "
     "today, a day after the vote.", [("March 12", "1999-03-12"), ("today", "1999-03-12")]),
    ("fr", "2021-08-14", "RABAT, 12 août (MAP) - Le ministre a reçu aujourd'hui son homologue, "
     "qu'il avait déjà vu hier.",
     [("12 août", "2021-08-12"), ("aujourd'hui", "2021-08-12"), ("hier", "2021-08-11")]),
    ("fr", "2021-08-14", "Dakar, 11 août\n\nLe président recevra demain son homologue.",
     [("11 août", "2021-08-11"), ("demain", "2021-08-12")]),
    # the article's own day, or a dateline days older (an archive page): the article's day
    ("en", "2021-08-12", "RABAT, Aug 12 (Reuters) - The minister met his counterpart today.",
     [("Aug 12", "2021-08-12"), ("today", "2021-08-12")]),
    ("fr", "2021-08-20", "RABAT, 12 août (MAP) - Le ministre a reçu aujourd'hui son homologue.",
     [("12 août", "2021-08-12"), ("aujourd'hui", "2021-08-20")]),
    # a date opening the body in a sentence is no dateline
    ("en", "2000-03-23", "On March 22, the president met the minister. He leaves today.",
     [("March 22", "2000-03-22"), ("today", "2000-03-23")]),
    ("fr", "2021-08-14", "Le 12 août, le ministre a reçu son homologue. Il repart aujourd'hui.",
     [("Le 12 août", "2021-08-12"), ("aujourd'hui", "2021-08-14")]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), FILED)
def test_the_day_of_a_dateline_before_the_article_date_is_the_story_s_today(lang, dct, text,
                                                                          expected):
    assert dates(lang, dct, text) == expected
