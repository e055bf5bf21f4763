"""Tense of the clause around a date, found in the sentence the segmenter gives: the
direction a partial date is resolved in (article dates pinned)."""

import pytest

from tests.test_dates_support import values

CASES = [
    # the sentence is the segmenter's: an abbreviation ("U.S.", "Feb.") ends none, so a
    # cue before it still counts; "next to" is a place, not a future
    ("en", "1998-08-08", "People were killed in the blasts next to the U.S. embassy on Friday.",
     ["1998-08-07"]),
    ("en", "1989-10-26", "Mr. Smith will succeed Mr. Jones Feb. 1, the bank said.", ["1990-02-01"]),
    ("en", "1989-10-26", "The dividend will be paid Dec. 14 to holders of record Nov. 15.",
     ["1989-12-14", "1989-11-15"]),
    ("en", "1989-10-26", "Directors declared a dividend, payable Dec. 7 to holders of record "
     "Nov. 22.", ["1989-12-07", "1989-11-22"]),
    ("en", "1989-10-26", "The bank created an office of the chairman, effective Feb. 1. It "
     "had none.", ["1990-02-01"]),
    ("en", "1989-10-26", "The company needed cash in March.", ["1989-03"]),
    # a semicolon ends the clause: each part has its own tense
    ("fr", "2021-06-10", "Le ministre est venu en mars ; il reviendra en mars.",
     ["2021-03", "2022-03"]),
    ("fr", "2021-06-10", "Le sommet de l'U.E. se tiendra en mars.", ["2022-03"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), CASES)
def test_tense_sets_the_direction(lang, dct, text, expected):
    assert values(lang, dct, text) == expected
