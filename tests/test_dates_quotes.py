""""Today", "yesterday" in a quotation: the day the words were spoken, when the story has
just named it by its weekday (a day of the week before the article's) or by its date on the
article's eve, else the article's day. A day named by its date further back is an older one,
not the day of the quoted words."""

import pytest

from tests.test_dates_support import dates

DCT = "2023-06-07"  # a Wednesday

CASES = [
    ("en", "Iran reopened its embassy on Tuesday.\n“We consider today an important day,” the"
     " minister told a flag-raising ceremony.",
     [("Tuesday", "2023-06-06"), ("today", "2023-06-06")]),
    # a quotation of several sentences
    ("en", "The minister left for Beijing on Tuesday.\n“I am leaving today. I spoke to the prime"
     " minister yesterday,” he said.",
     [("Tuesday", "2023-06-06"), ("today", "2023-06-06"), ("yesterday", "2023-06-05")]),
    ("en", "Iran reopened its embassy on Tuesday.\nThe minister said today that ties would grow.",
     [("Tuesday", "2023-06-06"), ("today", "2023-06-07")]),
    ("en", "“We are ready today,” the minister said.", [("today", "2023-06-07")]),
    # a day of the story over a week back is no day the quoted words were spoken on
    ("en", "The talks began on May 2.\n“Today is a good day,” he said.",
     [("May 2", "2023-05-02"), ("Today", "2023-06-07")]),
    ("en", "The accords were signed on Tuesday. Bahrain's decision was announced on June 2."
     "\n\"We're here today to change history,\" the president said.",
     [("Tuesday", "2023-06-06"), ("June 2", "2023-06-02"), ("today", "2023-06-06")]),
    ("fr", "L'Algérie a annoncé mardi la rupture. Le 2 juin, le conseil avait décidé de revoir"
     " les relations.\n« Nous rompons les relations à partir de ce jour », a déclaré le"
     " ministre.",
     [("mardi", "2023-06-06"), ("Le 2 juin", "2023-06-02"), ("ce jour", "2023-06-06")]),
    ("fr", "L'ambassade a rouvert mardi.\n« Aujourd'hui est un jour important », a déclaré le"
     " vice-ministre.", [("mardi", "2023-06-06"), ("Aujourd'hui", "2023-06-06")]),
    ("fr", "Le ministre a quitté Paris lundi.\n« J'ai parlé hier au Premier ministre. Je pars"
     " aujourd'hui », a-t-il dit.",
     [("lundi", "2023-06-05"), ("hier", "2023-06-04"), ("aujourd'hui", "2023-06-05")]),
    ("fr", "Le ministre a quitté Paris lundi.\nIl rentrera aujourd'hui.",
     [("lundi", "2023-06-05"), ("aujourd'hui", "2023-06-07")]),
    # the eve of the article named by its date is the day of the quoted words, with a
    # straight mark opening a curly quote too
    ("en", "The emir arrived in Ankara on June 6 for talks.\n\"During my meeting in Ankara "
     "today, I reaffirmed our commitment,” the emir said.",
     [("June 6", "2023-06-06"), ("today", "2023-06-06")]),
    ("fr", "L'émir est arrivé à Ankara le 6 juin.\n« Lors de ma rencontre aujourd'hui à Ankara, "
     "j'ai réaffirmé notre engagement », a déclaré l'émir.",
     [("le 6 juin", "2023-06-06"), ("aujourd'hui", "2023-06-06")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_deictic_words_of_a_quotation(lang, text, expected):
    assert dates(lang, DCT, text) == expected


POSTS = [
    # an embedded post: its words count from the date that signs it
    ("en", "Great talks with my friend today. — Emmanuel Macron (@EmmanuelMacron) September 23,"
     " 2021", [("today", "2021-09-23"), ("September 23, 2021", "2021-09-23")]),
    ("fr", "Entretien hier avec le Président. — Emmanuel Macron (@EmmanuelMacron) 23 septembre"
     " 2021", [("hier", "2021-09-22"), ("23 septembre 2021", "2021-09-23")]),
    # a post years old: still its day
    ("en", "We meet again today. — Jean Dupont (@jdupont) March 3, 2019",
     [("today", "2019-03-03"), ("March 3, 2019", "2019-03-03")]),
    # a post embedded in a page of another language is dated in English all the same
    ("fr", "Entretien hier avec mon homologue. — Maroc Diplomatie (@MarocDiplomatie) "
     "September 23, 2021", [("hier", "2021-09-22"), ("September 23, 2021", "2021-09-23")]),
    ("es", "Reunión hoy con el ministro. — Ministerio (@Cancilleria) September 23, 2021",
     [("hoy", "2021-09-23"), ("September 23, 2021", "2021-09-23")]),
    # but English words elsewhere in a French text are no date of it
    ("fr", "Le groupe « September 23 » a joué hier.", [("hier", "2021-09-23")]),
    # a date closing a paragraph without a signature signs nothing
    ("en", "Talks went well today, the minister said on September 23, 2021",
     [("today", "2021-09-24"), ("September 23, 2021", "2021-09-23")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), POSTS)
def test_deictic_words_of_an_embedded_post(lang, text, expected):
    assert dates(lang, "2021-09-24", text) == expected
