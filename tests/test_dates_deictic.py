"""Parts of the article's week, month or year (article dates pinned)."""

import pytest

from tests.test_dates_support import dates

CASES = [
    ("en", "He came earlier in the week.", [("earlier in the week", "2003-W08")]),
    ("en", "Sales rose earlier in the year.", [("earlier in the year", "2003")]),
    ("en", "He will come later in the month.", [("later in the month", "2003-02")]),
    ("en", "He came earlier this year.", [("earlier this year", "2003")]),
    ("fr", "Il est venu plus tôt dans l'année.", [("plus tôt dans l'année", "2003")]),
    ("fr", "Il reviendra plus tard dans la semaine.", [("plus tard dans la semaine", "2003-W08")]),
    ("fr", "Il viendra à la fin du mois.", [("la fin du mois", "2003-02")]),
    ("en", "He will step down the year after next.", [("the year after next", "2005")]),
    ("en", "Talks resume the week after next.", [("the week after next", "2003-W10")]),
    # the end of the article's year, not the adjective ("year-end results")
    ("en", "The deal should close by year-end.", [("year-end", "2003")]),
    ("en", "The deal should close around year end.", [("year end", "2003")]),
    ("en", "Rules should be in place by year's end.", [("year's end", "2003")]),
    ("en", "In 2002, year-end net was below the 2001 level.", [("2002", "2002"), ("2001", "2001")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_parts_of_the_article_period(lang, text, expected):
    assert dates(lang, "2003-02-21", text) == expected


NAMED_DAY = [
    # a weekday next to "today", "demain" names the day: an article dated a day off (filed
    # before midnight, dated after) still gets it right
    ("fr", "2022-07-26", "Il sera au Bénin jusqu'à demain jeudi.",
     [("demain jeudi", "2022-07-28")]),
    ("fr", "2022-07-27", "Il sera au Bénin jusqu'à demain jeudi.",
     [("demain jeudi", "2022-07-28")]),
    ("en", "2016-01-15", "“He spoke to his counterpart today [Thursday],” the spokesman said.",
     [("today", "2016-01-14"), ("Thursday", "2016-01-14")]),
    ("en", "2016-01-14", "He arrives tomorrow, Friday.", [("tomorrow, Friday", "2016-01-15")]),
    ("fr", "2016-01-14", "Il est arrivé hier mercredi.", [("hier mercredi", "2016-01-13")]),
    # with the date written after the weekday, one span, and the date as written
    ("fr", "2003-11-12", "Il est presque 18 heures, hier mardi 11 novembre, quand le chef de "
     "l'État sort.", [("hier mardi 11 novembre", "2003-11-11")]),
    ("fr", "2003-11-12", "Aujourd'hui jeudi 3 mars 2011, le ministre est à Rabat.",
     [("Aujourd'hui jeudi 3 mars 2011", "2011-03-03")]),
    # so with "le lendemain", "the next day" before it
    ("fr", "2017-11-20", "Le lendemain mardi 28 novembre, il sera accueilli au palais.",
     [("Le lendemain mardi 28 novembre", "2017-11-28")]),
    ("en", "2017-11-20", "The next day, Tuesday, Nov. 28, he will be received at the palace.",
     [("The next day, Tuesday, Nov. 28", "2017-11-28")]),
    ("en", "2017-11-29", "Yesterday, Tuesday, Nov. 28, he was received at the palace.",
     [("Yesterday, Tuesday, Nov. 28", "2017-11-28")]),
    ("en", "2003-12-19", "President Mbeki yesterday, December 18, arrived in Zimbabwe.",
     [("yesterday, December 18", "2003-12-18")]),
    ("fr", "2003-12-19", "Le président est arrivé hier, 18 décembre, au Zimbabwe.",
     [("hier, 18 décembre", "2003-12-18")]),
    ("en", "2022-08-22", "Scholz will visit Prague next Monday, August 29.",
     [("next Monday, August 29", "2022-08-29")]),
    ("fr", "2022-09-29", "Quelque 6 000 invités ont assisté mardi dernier, 27 septembre, aux "
     "funérailles.", [("mardi dernier, 27 septembre", "2022-09-27")]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), NAMED_DAY)
def test_a_weekday_by_a_deictic_names_the_day(lang, dct, text, expected):
    assert dates(lang, dct, text) == expected


AGES = [
    # "today", "tomorrow" naming an age are no day; "today's" before a thing of the day is one
    ("en", "The case is for today's youth what the blockade was for their parents.", []),
    ("en", "Intel chips run many of today's personal computers.", []),
    ("en", "The offer, advertised in today's editions of the Journal, expires soon.",
     [("today", "2003-02-21")]),
    ("fr", "La jeunesse d'aujourd'hui veut du travail, dit-il.", []),
    ("fr", "Le monde d'aujourd'hui est plus dur.", []),
    ("fr", "La réunion d'aujourd'hui a échoué.", [("aujourd'hui", "2003-02-21")]),
    ("en", "\"If I were choosing the people of tomorrow, I would pick them,\" he said.", []),
    ("fr", "Il prépare le monde de demain. Il viendra demain.", [("demain", "2003-02-22")]),
]


TITLES = [
    # a relative phrase in capitals inside a sentence is a name: a programme, a paper
    ("en", "Baker, speaking on ABC News' \"This Week,\" said the request helps.", []),
    ("en", "USA Today reported the visit. This is VOA Today.", []),
    ("en", "She told BBC Radio 4's Today programme the talks went on.", []),
    # a weekday before a capitalised word, after another one or an article: a paper
    ("en", "In yesterday's edition of the Zimbabwe Sunday Mail Mr Mugabe spoke.",
     [("yesterday", "2003-02-20")]),
    ("en", "He told the Sunday Times that talks failed.", []),
    ("fr", "Il l'a dit au Zimbabwe Sunday Mail, un journal d'État.", []),
    ("en", "On Sunday Mr Mugabe said the talks would go on.", [("Sunday", "2003-02-16")]),
    ("fr", "Dimanche Mugabe a parlé.", [("Dimanche", "2003-02-16")]),
    ("en", "\"This week we meet,\" he said. Today, he meets the king.",
     [("This week", "2003-W08"), ("Today", "2003-02-21")]),
    ("fr", "Selon Maroc Aujourd'hui, le roi est arrivé. Aujourd'hui, il reçoit le ministre.",
     [("Aujourd'hui", "2003-02-21")]),
    ("fr", "Il a parlé à l'émission « Cette Semaine » de la RTBF.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), TITLES)
def test_a_relative_phrase_in_capitals_is_a_name(lang, text, expected):
    assert dates(lang, "2003-02-21", text) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), AGES)
def test_today_or_tomorrow_naming_an_age_is_no_date(lang, text, expected):
    assert dates(lang, "2003-02-21", text) == expected


WEEKENDS = [
    # the weekend a sentence tells of: the one gone in the past, ahead in the future
    ("fr", "Durant le week-end, des gangs armés s'en sont pris à des habitants.",
     [("Durant le week-end", "2008-W03-WE")]),
    ("en", "Over the weekend, armed gangs attacked residents.",
     [("Over the weekend", "2008-W03-WE")]),
    ("fr", "Pendant le week-end, ils manifesteront.", [("Pendant le week-end", "2008-W04-WE")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), WEEKENDS)
def test_the_weekend_a_sentence_tells_of(lang, text, expected):
    assert dates(lang, "2008-01-21", text) == expected
