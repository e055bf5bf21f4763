"""The story's reference time: a date without a year told after a date of another year
takes the story's year, not the article's (article dates pinned)."""

import datetime as dt

import pytest

from pipeline.dates.normalise import resolve
from pipeline.dates.recognise import recognise
from pipeline.dates.story import Story
from pipeline.dates.vocabulary import load
from pipeline.records import Article
from pipeline.segment import SentenceIndex, segment
from tests.test_dates_support import dates, values

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
    # a happening named by its date ("le meeting du 20 mai") is no step of the story
    ("fr", "2006-05-25", "Arrivé lundi 15 mai à Paris, il a dû calmer une dispute sur le "
     "meeting du 20 mai. Le lendemain, il a reçu le prix.",
     ["2006-05-15", "2006-05-20", "2006-05-16"]),
    ("fr", "2006-05-25", "Arrivé lundi 15 mai à Paris, il est reparti le 20 mai. Le lendemain, "
     "il était à Dakar.", ["2006-05-15", "2006-05-20", "2006-05-21"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), FLASHBACKS)
def test_a_look_back_does_not_move_the_story(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


def test_the_story_moves_on_with_each_date_but_not_with_a_bound_or_a_look_back():
    text = "Le 3 mars 2019, il est arrivé. Depuis 2015, il voyage. La veille, il avait appelé."
    vocab = load("fr")
    index = SentenceIndex(text, segment(Article("t.md", text, 0, "", "fr", None)))
    story = Story(index, vocab, dt.date(2021, 6, 7), "day")
    seen = []
    for c in recognise(text, 0, len(text), vocab):
        for r in resolve(c, text, story.context(c, 0, None), vocab):
            story.advance(c, r, 0)
            seen.append((r.value, story.day_anchor, story.anchor, story.narrative))
    day = dt.date(2019, 3, 3)
    assert seen == [
        ("2019-03-03", day, day, (2019, 0, False)),
        ("2015", day, day, (2019, 0, False)),  # "depuis 2015": a bound
        ("2019-03-02", day, day, (2019, 0, False)),  # "la veille": a look back
    ]


THAT_DAY = [
    ("fr", "Le 3 mars 2001, il est arrivé. Ce jour-là, il pleuvait.", ["2001-03-03", "2001-03-03"]),
    ("en", "On March 3, 2001, he arrived. That day, it rained.", ["2001-03-03", "2001-03-03"]),
    ("fr", "Ce jour, il pleut.", ["2003-02-21"]),  # the article's day
    # a part of a day is no step of the story
    ("fr", "Le jeudi 20 février, il a signé l'accord. Arrivé mardi soir, il avait visité le "
     "musée. Le même jour, il a rencontré le ministre.",
     ["2003-02-20", "2003-02-18", "2003-02-20"]),
    # in a future, a day gone by is not the one "the same day" means: the last day ahead is
    ("en", "He will visit Pyongyang on March 17, both capitals announced Friday. Seoul "
     "welcomed the decision Friday. He will return to Japan the same day.",
     ["2003-03-17", "2003-02-21", "2003-02-21", "2003-03-17"]),
    ("fr", "Il se rendra à Pyongyang le 17 mars, ont annoncé vendredi les deux capitales. "
     "Séoul a salué la décision vendredi. Il rentrera au Japon le même jour.",
     ["2003-03-17", "2003-02-21", "2003-02-21", "2003-03-17"]),
    ("en", "Seoul welcomed the decision on Tuesday. He will answer the same day.",
     ["2003-02-18", "2003-02-18"]),
    # but in its own sentence, "that day" after a part of a day is that day
    ("fr", "Le jeudi 20 février, il a signé l'accord. Il était arrivé mardi matin, sans "
     "événement public à son agenda ce jour-là.", ["2003-02-20", "2003-02-18", "2003-02-18"]),
    ("en", "On Thursday, February 20, he signed the accord. He had arrived on Tuesday morning, "
     "with no public event that day.", ["2003-02-20", "2003-02-18", "2003-02-18"]),
    ("en", "On Thursday, February 20, he signed the accord. He had arrived on Tuesday morning. "
     "That day, he met the minister.", ["2003-02-20", "2003-02-18", "2003-02-20"]),
    # the story's year or month, not the article's
    ("en", "In 1998 he left. Later that year he returned.", ["1998", "1998"]),
    ("en", "Imports were $37 million in 1988, a small share of imports that year.",
     ["1988", "1988"]),
    ("en", "In March 1998 he left. Later that month he returned.", ["1998-03", "1998-03"]),
    ("fr", "En 1998, il est parti. Plus tard cette année-là, il est revenu.", ["1998", "1998"]),
    ("fr", "En mars 1998, il est parti. Le même mois, il est revenu.", ["1998-03", "1998-03"]),
    # a part of the story's month or year
    ("fr", "Il participera début avril à la réunion, et se rendra à la fin du même mois au "
     "Brésil.", ["2003-04", "2003-04"]),
    ("en", "He will attend the meeting in early April and travel at the end of the same month "
     "to Brazil.", ["2003-04", "2003-04"]),
    ("fr", "En mars 1998, il a signé. Au début de la même année, il avait hésité.",
     ["1998-03", "1998"]),
    # "cette année-là" whole, not "cette année" (the article's) followed by "-là"
    ("fr", "En 1997, la crise a éclaté. Cette année-là, le gouvernement est tombé.",
     ["1997", "1997"]),
    # a weekday "previous" or "following" counts from the story's day, not the article's
    ("en", "The deal closed on Feb. 12. On the previous Friday, it stalled.",
     ["2003-02-12", "2003-02-07"]),
    ("en", "The deal closed on Feb. 5. The following Monday, it collapsed.",
     ["2003-02-05", "2003-02-10"]),
    ("fr", "L'accord a été signé le 5 février. Le lundi suivant, il a échoué.",
     ["2003-02-05", "2003-02-10"]),
    # a day counted from the date right after it, not from the story's
    ("en", "The deal closed on Feb. 12. The day after Christmas, it had stalled.",
     ["2003-02-12", "2002-12-26"]),
    ("en", "The day before last Tuesday's hearing, the lawyers met.", ["2003-02-17"]),
    ("fr", "L'accord a été signé le 12 février. La veille du 14 juillet, il avait calé.",
     ["2003-02-12", "2002-07-13"]),
    ("fr", "Il est arrivé au lendemain du 11 septembre 2001.", ["2001-09-12"]),
    # counted from a happening dated right after it: from that date, each a date
    ("fr", "Au lendemain de leur arrivée à Pékin vendredi 21 octobre 2011, ils ont visité la "
     "Cité interdite.", ["2011-10-22", "2011-10-21"]),
    ("en", "The day after their arrival in Beijing on Friday, October 21, 2011, they visited "
     "the Forbidden City.", ["2011-10-22", "2011-10-21"]),
    # a verb between: the happening is not dated there
    ("fr", "La veille de son départ il a rencontré le ministre le 3 février.",
     ["2003-02-20", "2003-02-03"]),
    # with no verb near it, a month takes the year of the full date before it in its
    # sentence
    ("en", "The two leaders met on the sidelines of the summit in Hangzhou in September 2000, "
     "following a historic visit to Cairo by the King of Saudi Arabia in April.",
     ["2000-09", "2000-04"]),
    ("fr", "Les deux dirigeants se sont rencontrés en marge du sommet de Hangzhou en septembre "
     "2000, à la suite d'une visite historique au Caire du roi d'Arabie saoudite en avril.",
     ["2000-09", "2000-04"]),
    # counted from a happening and set beside a date, the day is that date
    ("en", "Shares fell after Oct. 12, the day before the stock market plunge.",
     ["2002-10-12", "2002-10-12"]),
    ("fr", "Il est arrivé le 12 octobre, la veille de la session d'automne.",
     ["2002-10-12", "2002-10-12"]),
    # an aside closing the clause of a day is on that day: the call on the eve of the visit
    ("en", "Trump said on Thursday he had called Putin, the day before Zelensky's visit.",
     ["2003-02-20", "2003-02-20"]),
    ("fr", "Trump a annoncé jeudi avoir appelé Poutine, à la veille de la venue de Zelensky.",
     ["2003-02-20", "2003-02-20"]),
    # "soit", "that is" after a date's comma say what that date is
    ("fr", "Le 9 octobre 2002, soit la veille, le roi avait rencontré le prince.",
     ["2002-10-09", "2002-10-09"]),
    ("en", "On October 9, 2002, that is the day before, the king had met the prince.",
     ["2002-10-09", "2002-10-09"]),
    ("fr", "Le 9 octobre 2002, la veille, le roi avait rencontré le prince.",
     ["2002-10-09", "2002-10-08"]),
    # a sentence of its own counts back from the story's day
    ("fr", "Trump a annoncé jeudi avoir appelé Poutine. La veille de la venue de Zelensky, il "
     "avait hésité.", ["2003-02-20", "2003-02-19"]),
    # with nothing after it, or a phrase of its own, it counts back from that date
    ("en", "Shares fell after Oct. 12, the day before.", ["2002-10-12", "2002-10-11"]),
    ("en", "He was seen on Oct. 12, the day before in Paris.", ["2002-10-12", "2002-10-11"]),
    ("fr", "Il est arrivé le 12 octobre, la veille.", ["2002-10-12", "2002-10-11"]),
    ("en", "That year was hard.", ["2003"]),  # no story yet: the article's
    # the week of the story's day, told in the past; else the article's
    ("en", "The envoys were summoned on Feb. 12. Earlier in the week, they had protested.",
     ["2003-02-12", "2003-W07"]),
    ("fr", "Les ambassadeurs ont été convoqués le 12 février. Ils avaient protesté dans le "
     "courant de la semaine.", ["2003-02-12", "2003-W07"]),
    ("fr", "Les ambassadeurs ont été convoqués le 12 février. Plus tard dans la semaine, ils "
     "sont partis.", ["2003-02-12", "2003-W07"]),
    ("fr", "Ils avaient protesté dans le courant de la semaine.", ["2003-W08"]),
    ("fr", "Le 12 février, il est arrivé. Le ministre reviendra dans le courant de la semaine.",
     ["2003-02-12", "2003-W08"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), THAT_DAY)
def test_that_day_is_the_story_day(lang, text, expected):
    assert values(lang, "2003-02-21", text) == expected


RELATIVE_YEAR = [
    # a month or a quarter of a year named by a relative word, whatever the story's year
    ("en", "In 1996, he fled. But in June last year, he came back.",
     [("1996", "1996"), ("June last year", "1997-06")]),
    ("fr", "En 1996, il a fui. Mais en juin de l'année dernière, il est revenu.",
     [("1996", "1996"), ("juin de l'année dernière", "1997-06")]),
    ("fr", "Il reviendra en mars l'an prochain.", [("mars l'an prochain", "1999-03")]),
    ("en", "He will return in March of next year.", [("March of next year", "1999-03")]),
    ("en", "Sales for this year's third quarter rose from last year's quarter.",
     [("this year's third quarter", "1998-Q3"), ("last year's quarter", "1997-Q3")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RELATIVE_YEAR)
def test_a_relative_year_names_the_year(lang, text, expected):
    assert dates(lang, "1998-02-19", text) == expected


THIS_SEASON = [
    ("en", "1998-03-22", "They will not be left alone this summer, he said.", ["1998-SU"]),
    ("en", "1998-03-22", "Protests were planned for this summer.", ["1998-SU"]),
    ("fr", "1998-03-22", "Les manifestations ont été interdites cet été.", ["1998-SU"]),
    ("en", "1998-02-10", "It snowed a lot this winter.", ["1997-WI"]),  # begun in December
    ("fr", "1998-12-10", "Il a beaucoup neigé cet hiver.", ["1998-WI"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), THIS_SEASON)
def test_this_season_is_the_article_year(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


WEEK_AHEAD = [
    # a weekday told in the future after the story names a week ahead falls in that week
    # (the article is of Friday 31 October 2014)
    ("fr", "Le premier ministre effectuera la semaine prochaine sa visite en Chine, qui "
     "revêtira cette année un caractère particulier.\n\nIl sera à Hangzhou vendredi et "
     "samedi, avant de gagner Pékin.",
     [("la semaine prochaine", "2014-W45"), ("cette année", "2014"),
      ("vendredi", "2014-11-07"), ("samedi", "2014-11-08")]),
    ("en", "The minister will visit China next week. He will be in Hangzhou on Friday and "
     "Saturday.",
     [("next week", "2014-W45"), ("Friday", "2014-11-07"), ("Saturday", "2014-11-08")]),
    # not a weekday told in the past, nor one after a day written out: another thread
    ("en", "The minister will visit China next week. He said on Friday he would go.",
     [("next week", "2014-W45"), ("Friday", "2014-10-31")]),
    ("en", "Bush will be in Zambia next week. Their wives meet in Tanzania Nov. 4.\n\n"
     "Obama will be in Senegal Saturday.",
     [("next week", "2014-W45"), ("Nov. 4", "2014-11-04"), ("Saturday", "2014-11-01")]),
    ("fr", "Bush sera en Zambie la semaine prochaine. Leurs épouses se verront le "
     "4 novembre.\n\nObama sera au Sénégal samedi.",
     [("la semaine prochaine", "2014-W45"), ("le 4 novembre", "2014-11-04"),
      ("samedi", "2014-11-01")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), WEEK_AHEAD)
def test_a_weekday_after_a_week_ahead_falls_in_it(lang, text, expected):
    assert dates(lang, "2014-10-31", text) == expected


ASIDES = [
    # a date going back behind a participle on a noun is an aside: "la veille" still counts
    # from the story's day
    ("fr", "La Belgique avait décidé le 27 mars dernier de renvoyer un diplomate, après "
     "l’attaque à l’arme chimique perpétrée le 4 mars à Salisbury.\n\nElle s’était jointe "
     "au mouvement entamé la veille par 16 États.",
     [("le 27 mars dernier", "2018-03-27"), ("le 4 mars", "2018-03-04"),
      ("la veille", "2018-03-26")]),
    # after an auxiliary it is the verb of the story, which it moves
    ("fr", "Le traité a été ratifié le 27 mars. Le ministre a ensuite signé le 4 mars un "
     "autre accord, conclu la veille.",
     [("le 27 mars", "2018-03-27"), ("le 4 mars", "2018-03-04"), ("la veille", "2018-03-03")]),
    # an English past participle is also a past tense: no aside is read
    ("en", "The treaty was ratified on March 27. The talks started on March 4, and a draft "
     "was agreed the day before.",
     [("March 27", "2018-03-27"), ("March 4", "2018-03-04"), ("the day before", "2018-03-03")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ASIDES)
def test_an_aside_date_does_not_move_the_story(lang, text, expected):
    assert dates(lang, "2018-04-04", text) == expected


FIRST_DAY = [
    # the first day the story tells is its day, told as a part of it too: "la veille"
    # counts from it
    ("fr", "Le président a reçu, hier matin à Islamabad, le Premier ministre indien. Celui-ci "
     "avait déjà eu, la veille, un entretien privé avec son homologue.",
     [("la veille", "2004-01-04")]),
    ("en", "The president received the Indian prime minister yesterday morning. The premier had "
     "held private talks the day before with his counterpart.",
     [("the day before", "2004-01-04")]),
    # a part of a day after the story's day leaves it: "the same day" is still that day
    ("en", "The talks opened on Jan. 3. The minister arrived on Monday evening. The same day, "
     "the summit ended.",
     [("Jan. 3", "2004-01-03"), ("Monday evening", "2004-01-05"),
      ("The same day", "2004-01-03")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FIRST_DAY)
def test_the_first_day_told_is_the_storys_day(lang, text, expected):
    assert dates(lang, "2004-01-06", text) == expected



DAY_ALONE = [
    # a day number alone after a month named in its sentence is that day of the story's
    # month; an address or a count is none
    ("fr", "Après sa visite en Côte d’Ivoire, le 15 mars, puis en Centrafrique, le 30, pour "
     "l’investiture, le ministre se rendra en Afrique.",
     [("le 15 mars", "2016-03-15"), ("le 30", "2016-03-30")]),
    ("en", "He visited Ivory Coast on March 15, and the Central African Republic on the 30th, "
     "before he flew home.", [("March 15", "2016-03-15"), ("the 30th", "2016-03-30")]),
    ("fr", "Les pompiers sont arrivés devant le 10, rue Paul-Bert. Il a eu le 30, dit-il.", []),
    ("en", "He finished the 30th, behind the leaders.", []),
    # the story's day again, and a day told with "or thereabouts"
    ("en", "Talks would resume around July 18, adding that the 18th or thereabouts was likely.",
     [("July 18", "2016-07-18"), ("the 18th", "2016-07-18")]),
    ("fr", "Les pourparlers reprendront vers le 18 juillet, le 18 ou à peu près.",
     [("le 18 juillet", "2016-07-18"), ("le 18", "2016-07-18")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DAY_ALONE)
def test_a_day_alone_takes_the_storys_month(lang, text, expected):
    assert dates(lang, "2016-04-14", text) == expected


AFTER_ALONE = [
    # "the year after", "l'année d'après" with nothing after them count from the story's
    # date; "the year after next" is still counted from the article's
    ("en", "He will give up the party next year and the presidency the year after.",
     [("next year", "2012"), ("the year after", "2013")]),
    ("fr", "Il quittera la tête du parti l'an prochain et la présidence l'année d'après.",
     [("l'an prochain", "2012"), ("l'année d'après", "2013")]),
    ("en", "He will step down the year after next.", [("the year after next", "2013")]),
    ("en", "The vote was held on May 3; the week after, the cabinet fell.",
     [("May 3", "2010-05-03"), ("the week after", "2010-W19")]),
    ("fr", "Il sera reçu le 1er février par le Premier ministre. Le jour d'après, il verra le "
     "Président.", [("le 1er février", "2011-02-01"), ("Le jour d'après", "2011-02-02")]),
    ("fr", "Il est arrivé le 3 janvier. Le jour suivant, il a vu le Président.",
     [("le 3 janvier", "2011-01-03"), ("Le jour suivant", "2011-01-04")]),
    ("en", "He will be received on February 1 by the Prime Minister. The day after, he will "
     "see the President.", [("February 1", "2011-02-01"), ("The day after", "2011-02-02")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), AFTER_ALONE)
def test_the_year_after_counts_from_the_story(lang, text, expected):
    assert dates(lang, "2011-01-18", text) == expected



NAMED_AGAIN = [
    # a day named again by its date without a year is the day first named so
    ("en", "2025-07-07", "Higher rates are set to take effect on Aug. 1. Trump had flagged the "
     "August 1 date earlier.", ["2025-08-01", "2025-08-01"]),
    ("fr", "2025-07-07", "Les nouveaux tarifs entreront en vigueur le 3 août. Trump avait "
     "évoqué la date du 3 août auparavant.", ["2025-08-03", "2025-08-03"]),
    # a year written makes it another day
    ("en", "2025-07-07", "Tariffs take effect on Aug. 1. On Aug. 1, 2024, they had fallen.",
     ["2025-08-01", "2024-08-01"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), NAMED_AGAIN)
def test_a_day_named_again_is_the_same_day(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


PART_OF_A_STORY_DAY = [
    # a part of a day the story counts to is dated by its day
    ("en", "2000-02-24", "He arrived on Tuesday. The next morning, he left.",
     ["2000-02-22", "2000-02-23"]),
    ("fr", "2000-02-24", "Il est arrivé mardi. Le lendemain matin, il est reparti.",
     ["2000-02-22", "2000-02-23"]),
    ("en", "2000-02-24", "He arrived on Tuesday. That night, he left.",
     ["2000-02-22", "2000-02-22"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), PART_OF_A_STORY_DAY)
def test_a_part_of_a_story_day_is_dated_by_its_day(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


EVE_OF_A_HAPPENING = [
    # "à la veille de", "au lendemain de" a happening: the story's day is that eve or morrow
    ("fr", "2019-10-16", "Macron a dit mercredi croire à un accord, alors que des discussions "
     "étaient menées à la veille d'un sommet européen.", ["2019-10-16", "2019-10-16"]),
    ("fr", "2018-06-10", "De passage à Québec au lendemain de cette volte-face, il a parlé.",
     ["2018-06-10"]),
    # without the preposition, a day counted from the story's
    ("fr", "2019-10-16", "Il a voté mardi. La veille de l'élection, il avait appelé Poutine.",
     ["2019-10-15", "2019-10-14"]),
    ("en", "2019-10-16", "He voted on Tuesday. The day before the election, he had called Putin.",
     ["2019-10-15", "2019-10-14"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), EVE_OF_A_HAPPENING)
def test_the_eve_of_a_happening_is_the_storys_day(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


WEEKDAY_AND_DAY = [
    # a weekday and a day number without the month: that day near the story's
    ("fr", "2016-02-13", "Le jeudi 25, est programmée une visite au stade.", ["2016-02-25"]),
    ("en", "2016-02-13", "On Thursday the 25th, he will visit the stadium.", ["2016-02-25"]),
    ("fr", "2016-02-13", "Jeudi 25 personnes sont mortes.", ["2016-02-11"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), WEEKDAY_AND_DAY)
def test_a_weekday_and_a_day_number_name_the_day(lang, dct, text, expected):
    assert values(lang, dct, text) == expected
