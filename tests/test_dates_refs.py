"""PRESENT_REF, PAST_REF and what only looks like them (article dates pinned)."""

import pytest

from tests.test_dates_support import dates

CASES = [
    ("en", "The two countries are now allies.", [("now", "PRESENT_REF")]),
    ("en", "He lived there in the past.", [("in the past", "PAST_REF")]),
    ("en", "He came in the past week.", []),  # a week back: a duration, not the past
    ("en", "He came in the past few weeks.", []),
    # an adverb before a length of time is still the present
    ("en", "Washington is currently four hours behind Ireland.", [("currently", "PRESENT_REF")]),
    ("en", "Bilateral ties are presently strong.", [("presently", "PRESENT_REF")]),
    ("fr", "Washington a actuellement quatre heures de retard sur l'Irlande.",
     [("actuellement", "PRESENT_REF")]),
    ("en", "The current talks are stalled.", [("current", "PRESENT_REF")]),
    ("en", "The current year looks better.", [("The current year", "2003")]),
    ("en", "Exports rose in recent weeks.", [("in recent weeks", "PAST_REF")]),
    ("en", "Prices may fall in the coming months.", [("the coming months", "FUTURE_REF")]),
    ("en", "No deal is likely in the near future.", [("the near future", "FUTURE_REF")]),
    ("en", "The vote was put off to a later date.", [("a later date", "FUTURE_REF")]),
    ("fr", "Le vote est reporté à une date ultérieure.",
     [("une date ultérieure", "FUTURE_REF")]),
    ("en", "Talks are hard these days.", [("these days", "PRESENT_REF")]),
    ("en", "A recent visit went well.", []),  # the adjective is tagged less often than not
    ("en", "She was formerly a judge.", []),
    ("en", "The envoy will soon leave.", []),
    # "Now," opening a sentence turns to the next point: no date; "now," inside one is
    ("en", "Now, he says, the West wants to win.", []),
    ("en", "Now the alliance is ready.", [("Now", "PRESENT_REF")]),
    ("en", "For now, the embassy is closed.", [("now", "PRESENT_REF")]),
    ("en", "The alliance is ready now, he says.", [("now", "PRESENT_REF")]),
    ("fr", "Actuellement, il est à Rabat.", [("Actuellement", "PRESENT_REF")]),
    ("fr", "À présent, le ministre est à Rabat.", [("À présent", "PRESENT_REF")]),
    ("fr", "Les électeurs attendent maintenant les résultats.", [("maintenant", "PRESENT_REF")]),
    ("fr", "Maintenant, dit-il, il faut attendre.", []),  # a turn of the discourse
    ("fr", "Il est venu au cours de la semaine passée.", [("la semaine passée", "2003-W07")]),
    # "the past" before a count of hours is a span of time, not the past
    ("en", "The bill passed within the past 24 hours.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_refs(lang, text, expected):
    assert dates(lang, "2003-02-21", text) == expected


# a reference with a capital inside its sentence is part of a name
NAMES = [
    ("en", "He will attend the Future Investment Initiative in Riyadh.", []),
    ("en", "They will take part in the Campus – the Future of Poland forum.", []),
    ("en", "The future of the talks is unclear.", [("The future", "FUTURE_REF")]),
    ("fr", "Il a fondé le collectif À présent, qui milite pour la paix.", []),
    ("fr", "À présent, il milite pour la paix.", [("À présent", "PRESENT_REF")]),
    ("fr", "Il milite à présent pour la paix.", [("à présent", "PRESENT_REF")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), NAMES)
def test_a_reference_with_a_capital_inside_a_sentence_is_a_name(lang, text, expected):
    assert dates(lang, "2019-10-28", text) == expected


ACCOUNTS = [
    # "current account" is a balance of payments, no present
    ("en", "Japan's current account surplus rose in March.", [("March", "2003-03")]),
    ("fr", "L'excédent de la balance courante a augmenté en mars.", [("mars", "2003-03")]),
    ("en", "The current talks are stalled.", [("current", "PRESENT_REF")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ACCOUNTS)
def test_a_current_account_is_no_present(lang, text, expected):
    assert dates(lang, "2003-05-14", text) == expected
