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
    # not a dateline: the tense decides
    ("en", "2021-01-03", "The minister will receive his counterpart on Dec 30 - a first.",
     [("Dec 30", "2021-12-30")]),
    ("fr", "2021-01-03", "Le ministre recevra son homologue le 30 décembre.",
     [("le 30 décembre", "2021-12-30")]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), CASES)
def test_a_dateline_date_is_the_filing_day(lang, dct, text, expected):
    assert dates(lang, dct, text) == expected
