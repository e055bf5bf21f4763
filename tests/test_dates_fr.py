"""French dates, one table per phenomenon, with a pinned article date."""

import pytest

from tests.test_dates_support import dates, run, values

DCT = "2022-11-24"  # a Thursday

EXPLICIT = [
    ("Le 24 novembre 2021, il est venu.", ["2021-11-24"]),
    ("Il a signé le 1er mai 1962.", ["1962-05-01"]),
    ("Elle est née en octobre 98.", ["1998-10"]),
    ("L'accident du 10 novembre 93, sur l'A 10.", ["1993-11-10"]),
    ("Réunion le 24/11/2022 à Rabat.", ["2022-11-24"]),
    ("Publié le 2022-03-05.", ["2022-03-05"]),
    ("En 2021, les deux pays ont signé.", ["2021"]),
    ("Les bureaux, fermés depuis 2000, rouvrent.", ["2000"]),
    # a year a dispute or a custom goes back to
    ("Ce différend remontant à 2009 pourrait peser sur la visite.", ["2009"]),
    ("Une tradition qui date de 1962 se perd.", ["1962"]),
    # "à" alone before a number followed by a word is not enough: a quantity
    ("Le nombre de soldats est passé de 500 à 2000 hommes.", []),
    ("dès l'année 2001, la ville investira", ["2001"]),
    ("pour cette saison 2002/2003", ["2002", "2003"]),
    ("en août 2001, le moral était bas", ["2001-08"]),
    # un mois et son année séparés d'une virgule
    ("L'émir, qui est monté sur le trône en juin, 2013, est venu.", ["2013-06"]),
]

RANGES = [
    ("Les élections auront lieu les 6 et 13 avril prochains.", ["2023-04-06", "2023-04-13"]),
    ("Les 27 et 28 mars 2022, il était à Rabat.", ["2022-03-27", "2022-03-28"]),
    ("Le salon se tiendra du 1er au 3 juin 2023.", ["2023-06-01", "2023-06-03"]),
    ("fermée du mercredi 3 avril au samedi 6 avril 2002 inclus", ["2002-04-03", "2002-04-06"]),
    ("Le salon se tiendra entre le 1er et le 3 juin 2023.", ["2023-06-01", "2023-06-03"]),
]

MODIFIED = [
    ("après la signature des accords fin 2020", [("2020", "END")]),
    ("Il arrivera début mars.", [("2023-03", "START")]),
    ("à la mi-juillet 2021, les troupes sont parties", [("2021-07", "MID")]),
    ("refaite à la fin de l'année dernière", [("2021", "END")]),
    ("courant 2021, le projet a avancé", [("2021", "MID")]),
    ("Il arrivera à la fin du premier semestre.", [("2023-H1", "END")]),
]

RELATIVE = [
    ("Il est arrivé hier à Rabat.", ["2022-11-23"]),
    ("Il se rend aujourd'hui au Maroc.", ["2022-11-24"]),
    ("Il sera installé demain.", ["2022-11-25"]),
    ("L'an prochain, ils signeront.", ["2023"]),
    ("L'année dernière, ils ont signé.", ["2021"]),
    ("Il y a deux ans, ils ont signé.", ["2020"]),
    ("Il a démissionné mercredi dernier.", ["2022-11-23"]),
    ("Il a démissionné vendredi dernier.", ["2022-11-18"]),
    ("Le mois dernier, les ventes ont baissé.", ["2022-10"]),
    ("Un journal a publié cette semaine la liste.", ["2022-W47"]),
    ("La semaine prochaine, il ira à Alger.", ["2022-W48"]),
    ("Le traité sera signé en juin prochain.", ["2023-06"]),
    ("par rapport à septembre dernier", ["2022-09"]),
    ("Cette année, la croissance est forte.", ["2022"]),
]

WEEKDAYS = [
    # past clause: the most recent such day; the article's own weekday is the article date
    ("Le roi a reçu mardi une délégation.", ["2022-11-22"]),
    ("Sur Twitter, le ministre a indiqué jeudi que tout allait bien.", ["2022-11-24"]),
    ("Il se rendra vendredi à Rabat.", ["2022-11-25"]),
    ("Il sera à Marseille jeudi 2 mai 2024.", ["2024-05-02"]),
    ("Mardi prochain, il rencontrera le roi.", ["2022-11-29"]),
    ("La cérémonie a eu lieu aujourd'hui jeudi.", ["2022-11-24"]),
    ("L'audience se tiendra la semaine du 5 décembre.", ["2022-W49"]),
    # un jour d'une semaine nommée : ce jour de cette semaine
    ("La commission se réunira lundi de la semaine prochaine.", ["2022-11-28"]),
    ("La commission s'est réunie mardi de la semaine dernière.", ["2022-11-15"]),
]

ANAPHORIC = [
    (
        "Le 10 décembre 2020, Trump a parlé. Le même jour, le roi a appelé Abbas.",
        ["2020-12-10", "2020-12-10"],
    ),
    (
        "Le 10 décembre 2020, Trump a parlé. Le lendemain, il est parti.",
        ["2020-12-10", "2020-12-11"],
    ),
    (
        "Le 10 décembre 2020, Trump a parlé. La veille, il avait appelé.",
        ["2020-12-10", "2020-12-09"],
    ),
]

PERIODS = [
    ("Dans les années 90, le pays a changé.", ["199"]),
    ("Au XXe siècle, la ville a grandi.", ["19"]),
    ("Au premier trimestre 2021, les ventes ont chuté.", ["2021-Q1"]),
    ("À l'été 2020, il est parti.", ["2020-SU"]),
    ("Cet hiver, il fera froid.", ["2022-WI"]),
    ("Les magasins ont fermé à Noël.", ["2021-12-25"]),
    ("Les coureurs se sont rendus ce week-end à Saint-Gervais.", ["2022-W46-WE"]),
]

REFS = [
    ("Actuellement, le pays compte dix régions.", ["PRESENT_REF"]),
    ("Naguère, la ville était prospère.", ["PAST_REF"]),
]


@pytest.mark.parametrize(
    "text,expected", EXPLICIT + RELATIVE + WEEKDAYS + ANAPHORIC + PERIODS + REFS + RANGES
)
def test_values(text, expected):
    assert values("fr", DCT, text) == expected


@pytest.mark.parametrize("text,expected", MODIFIED)
def test_modifiers(text, expected):
    _, timexes = run("fr", DCT, text)
    assert [(t.value, t.mod) for t in timexes if t.type == "DATE"] == expected


# (article date, text, values): the story's anchor
STORY = [
    # a day counted from the story counts from its last day, never from a background year
    (
        "2021-08-12",
        "Il est au Maroc depuis 2003. M. Lapid a inauguré ce jeudi le bureau. "
        "La veille, il avait été reçu.",
        ["2003", "2021-08-12", "2021-08-11"],
    ),
    (
        "2021-08-12",
        "Il a signé un accord en vigueur jusqu'en 2025. Le lendemain, il est parti.",
        ["2025", "2021-08-13"],
    ),
    (
        "2021-08-12",
        "Les vols sont suspendus depuis 2003. Le même jour, il a parlé.",
        ["2003", "2021-08-12"],
    ),
    # a partial date keeps the article's year unless it contradicts the tense
    (
        "2021-08-12",
        "la reprise des relations, annoncée le 10 décembre 2020, et quelques semaines après "
        "l'ouverture, fin juillet, des premières lignes aériennes",
        ["2020-12-10", "2021-07"],
    ),
    (
        "2022-08-30",
        "Le 24 août 2021, il a signé. Le 22 septembre, il est revenu.",
        ["2021-08-24", "2021-09-22"],
    ),
    (
        "2022-11-24",
        "Les deux pays ont signé en 2019. Le 3 mars, le maire a inauguré le stade.",
        ["2019", "2022-03-03"],
    ),
    # ... or a year opens the sentence as its frame
    (
        "2022-11-24",
        "En 2001, la ville a investi. Le 3 mars, le maire a inauguré le stade.",
        ["2001", "2001-03-03"],
    ),
    (
        "2022-11-24",
        "En 2001, la ville a investi. En mars, le maire a inauguré le stade.",
        ["2001", "2001-03"],
    ),
    (
        "2023-07-18",
        "Lapid est venu en août 2021, puis Gantz a signé un accord en novembre de la même année.",
        ["2021-08", "2021-11"],
    ),
    # a present tense may announce a scheduled day: the nearest reading, future allowed
    (
        "2020-12-11",
        "Joe Biden, qui prend ses fonctions le 20 janvier, ne s'est pas exprimé.",
        ["2021-01-20"],
    ),
    ("2020-12-11", "Le texte a été signé le 20 janvier.", ["2020-01-20"]),
    # the tense of a complement clause after the date is not the date's own...
    ("2021-01-07", "Cela fait suite à l'annonce le 23 octobre qu'il visiterait le pays.",
     ["2020-10-23"]),
    # "suivant", "précédent" count from the story's previous date, and give its paragraph
    # that year
    ("2023-12-10", "Le 10 décembre 2020, le Maroc annonçait la reprise. Le 22 décembre "
     "suivant, une délégation signait. Le roi s'était entretenu avec lui le 25 décembre.",
     ["2020-12-10", "2020-12-22", "2020-12-25"]),
    ("2023-12-10", "En juin 2021, il signait. En mars suivant, il revenait. Le 3 mai précédent, "
     "il était parti.", ["2021-06", "2022-03", "2021-05-03"]),
    ("2023-12-10", "En 2021, il est venu. L'année suivante, le chef d'état-major s'est rendu à "
     "Rabat en juillet.", ["2021", "2022", "2022-07"]),
    ("2023-12-10", "Il y a trois ans jour pour jour, le Maroc annonçait la reprise.",
     ["2020-12-10"]),
    # a day set beside a year counted from the article's date is in that year
    ("2022-11-25", "Il y a un an, le 24 novembre, les deux pays ont signé un accord.",
     ["2021", "2021-11-24"]),
    # a month alone in a past clause is the last one, even eleven months back
    ("2021-12-14", "Une ambassade a ouvert ses portes à Abou Dhabi en janvier.", ["2021-01"]),
    ("2021-12-14", "Une ambassade ouvrira ses portes en novembre.", ["2022-11"]),
    # ... but a date inside the complement takes its tense
    ("2021-01-07", "Il a annoncé qu'il se rendra le 16 juillet à Rabat.", ["2021-07-16"]),
]


@pytest.mark.parametrize("dct,text,expected", STORY)
def test_story_anchor(dct, text, expected):
    assert values("fr", dct, text) == expected


def test_decades_ago_are_approximate_years():
    _, timexes = run("fr", DCT, "Il y a deux décennies, le bureau a fermé. Il y a un siècle aussi.")
    assert [(t.value, t.mod) for t in timexes] == [("2002", "APPROX"), ("1922", "APPROX")]


def test_and_a_half():
    _, timexes = run("fr", DCT, "Le sommet se tient un an et demi après la signature.")
    assert [(t.text, t.value) for t in timexes] == [("un an et demi", "P18M")]


def test_spans_leave_out_contracted_prepositions():
    text = (
        "fermée du mercredi 3 avril au samedi 6 avril 2002, à partir du mois de juin, "
        "à partir de ce jour, refaite à la fin de l'année dernière, dès l'année 2001"
    )
    assert [t for t, _ in dates("fr", DCT, text)] == [
        "mercredi 3 avril",
        "samedi 6 avril 2002",
        "mois de juin",
        "ce jour",
        "la fin de l'année dernière",
        "l'année 2001",
    ]


def test_year_of_day_month_follows_tense():
    assert values("fr", "2020-12-23", "l'annonce, le 10 décembre, par Donald Trump") == [
        "2020-12-10"
    ]
    assert values("fr", "1999-05-27", "Carlos devra attendre jusqu'au 2 juin pour voir") == [
        "1999-06-02"
    ]
    assert values("fr", "2002-02-09", "Les attentats du 11 septembre ont mis un coup de frein") == [
        "2001-09-11"
    ]


def test_anchored_duration_has_period():
    _, timexes = run(
        "fr", DCT, "Au cours des deux dernières années, nos liens se sont approfondis."
    )
    (t,) = timexes
    assert (t.type, t.value, t.period, t.tense) == ("DURATION", "P2Y", "2020-11/2022-11", "past")


def test_tense_is_recorded():
    _, timexes = run("fr", DCT, "Il a signé hier. Il signera le 3 décembre.")
    assert [t.tense for t in timexes] == ["past", "future"]


def test_spans_skip_prepositions():
    assert dates("fr", DCT, "En 2021, ils ont signé.") == [("2021", "2021")]


MIDDLE = [
    # the middle of a period written without its article
    ("fr", "Il est arrivé en milieu de semaine.", [("en milieu de semaine", "2022-W47", "MID")]),
    ("en", "He arrived in the middle of the week.",
     [("in the middle of the week", "2022-W47", "MID")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), MIDDLE)
def test_the_middle_of_a_period(lang, text, expected):
    _, timexes = run(lang, DCT, text)
    assert [(t.text, t.value, t.mod) for t in timexes] == expected
