"""Tense of the clause around a date, found in the sentence the segmenter gives: the
direction a partial date is resolved in (article dates pinned)."""

import pytest

from tests.test_dates_support import run, values

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
    # a participle after a determiner is an adjective, no past
    ("en", "1998-08-26", "Officials are discussing the slated visit of the envoy in September.",
     ["1998-09"]),
    ("en", "1998-08-26", "He signed the revised agreement in September.", ["1997-09"]),
    # "were planning to", "as early as": a date to come
    ("en", "2000-01-07", "Protesters were planning to drive around the airport on Monday.",
     ["2000-01-10"]),
    ("en", "2000-04-03", "The group would be ready to leave as soon as Tuesday, Castro said.",
     ["2000-04-04"]),
    ("en", "2000-04-03", "The group left on Tuesday, Castro said.", ["2000-03-28"]),
    # a past modal ("could have", "aurait pu") and a noun "plan" are no future cues
    ("en", "1989-10-27", "On April 8 the gunman could have left unseen.", ["1989-04-08"]),
    ("en", "1989-10-27", "The thrift announced the plan Aug. 21.", ["1989-08-21"]),
    ("en", "1989-10-27", "The thrift plans to sell the unit Nov. 21.", ["1989-11-21"]),
    ("fr", "2016-08-30", "Il a écrit sur son compte Twitter lundi.", ["2016-08-29"]),
    ("fr", "2016-08-30", "Il compte se rendre à Pékin lundi.", ["2016-09-05"]),
    ("fr", "1989-10-27", "Le 8 avril, le tireur aurait pu partir sans être vu.", ["1989-04-08"]),
    ("fr", "1989-10-27", "Le ministre aurait rencontré son homologue le 8 avril.", ["1989-04-08"]),
    ("fr", "1989-10-27", "Il a dit qu'il viendrait le 8 avril.", ["1990-04-08"]),
    # a verb of intent before an infinitive dates what is intended, not when it was decided
    ("en", "1999-02-10", "The alliance has decided to admit them in early March.", ["1999-03"]),
    ("en", "1999-02-10", "He was forced to resign in January.", ["1999-01"]),
    ("fr", "1999-02-10", "L'alliance a décidé de les admettre début mars.", ["1999-03"]),
    ("fr", "1999-02-10", "Il s'est engagé à retirer ses troupes en mars.", ["1999-03"]),
    ("fr", "1999-02-10", "Il a été contraint de démissionner en janvier.", ["1999-01"]),
    # an invitation dates what it invites to
    ("en", "1999-04-01", "Obasanjo invited Clinton to his inauguration on 29 May.",
     ["1999-05-29"]),
    ("fr", "1999-04-01", "Obasanjo a invité Bill Clinton à son investiture le 29 mai.",
     ["1999-05-29"]),
    ("fr", "1999-04-01", "Il a été invité au sommet en mai.", ["1999-05"]),
    # "this coming" points forward whatever the verb
    ("en", "1998-03-05", "Women's Day was set for this coming Sunday.", ["1998-03-08"]),
    ("fr", "1998-03-05", "La journée a été fixée à dimanche prochain.", ["1998-03-08"]),
    ("fr", "2000-04-05", "Les manifestants prévoyaient de défiler samedi.", ["2000-04-08"]),
    ("fr", "2000-04-05", "Le ministre est attendu mardi à Rabat.", ["2000-04-11"]),
    ("fr", "2018-03-22", "Mardi, il prévoit un déplacement auprès des soldats.",
     ["2018-03-27"]),
    ("en", "2018-03-22", "On Tuesday, he plans a trip to the soldiers' unit.", ["2018-03-27"]),
    ("fr", "2000-04-05", "Le ministre a été reçu mardi à Rabat.", ["2000-04-04"]),
    # a passive of what is planned, after the date, is one future cue: its auxiliary is no
    # present ("Samedi, il est prévu un tête-à-tête"); written on a Friday
    ("fr", "2019-12-20", "Samedi, en début de soirée, il est prévu un tête-à-tête.",
     ["2019-12-21"]),
    ("fr", "2019-12-20", "Samedi, une rencontre est programmée avec le président.",
     ["2019-12-21"]),
    ("en", "2019-12-20", "Saturday, talks are scheduled between the two leaders.",
     ["2019-12-21"]),
    ("en", "2019-12-20", "On Saturday, a meeting is expected with the president.",
     ["2019-12-21"]),
    # "is to": a date to come
    ("en", "1989-10-27", "The stock is to resume trading in Paris Tuesday.", ["1989-10-31"]),
    ("en", "1989-10-27", "The summit is to be held on Tuesday.", ["1989-10-31"]),
    ("fr", "1989-10-27", "Le sommet doit se tenir mardi.", ["1989-10-31"]),
    # a passive in the present is no past
    ("en", "2000-03-29", "They will fight to keep him when the case is heard in May.",
     ["2000-05"]),
    ("en", "1989-11-02", "The rights, which expire Nov. 21, can be exercised for $100 each.",
     ["1989-11-21"]),
    ("en", "1989-11-02", "The rights were exercised Dec. 21.", ["1988-12-21"]),
    # a day a few weeks ahead in a past clause is one the verb reports set: a day a year
    # back would be written with its year
    ("en", "1989-11-02", "The board has set Nov. 10 as the record date.", ["1989-11-10"]),
    ("en", "1989-11-02", "The rights were exercised Nov. 21.", ["1989-11-21"]),
    ("fr", "2021-06-10", "Le conseil a fixé au 20 juin la date limite.", ["2021-06-20"]),
    ("fr", "2021-06-10", "Le traité a été signé le 20 juillet.", ["2020-07-20"]),
    # "dernier" closes a date of its own, no verb of the others
    ("fr", "2014-01-09", "Le roi et la reine effectueront des visites d'Etat dans quatre pays "
     "européens, la France, l'Allemagne, l'Italie et le Royaume-Uni, entre début février et la "
     "mi-mars, après celles rendues l'an dernier aux Pays-Bas.", ["2014-02", "2014-03", "2013"]),
    # a day just gone in a future clause is the day of copy filed the day before, or of a
    # range begun; a week back, it is a year ahead
    ("en", "2020-09-18", "His tour of the region runs from September 17-20 with stops in "
     "Brazil and Colombia next.", ["2020-09-17", "2020-09-20"]),
    ("en", "2020-09-18", "He will visit Guyana on September 10.", ["2021-09-10"]),
    ("fr", "2020-09-18", "Le ministre rencontrera son homologue le 17 septembre.",
     ["2020-09-17"]),
    ("fr", "2020-09-18", "Le ministre rencontrera son homologue le 10 septembre.",
     ["2021-09-10"]),
    # a participle opening an aside after the date is no verb of it
    ("en", "2014-02-14", "Mr. Harper is set to arrive in Mexico on Monday, accompanied by a "
     "small group of cabinet members.", ["2014-02-17"]),
    ("en", "2000-01-06", "They would appeal the decision, announced Wednesday by the INS.",
     ["2000-01-05"]),
    ("fr", "2014-02-14", "M. Harper doit arriver au Mexique lundi, accompagné d'un petit groupe "
     "de ministres.", ["2014-02-17"]),
    # a participle of a plan after a noun is a future only where no other verb is near
    ("fr", "2025-09-22", "Et si le sommet prévu en juin à New York avait dû être reporté, la "
     "réunion se tient bien ce lundi.", ["2025-06", "2025-09-22"]),
    ("en", "2025-09-22", "The summit planned for June in New York had to be postponed.",
     ["2025-06"]),
    ("en", "2001-09-04", "Putin flew on to Helsinki for more talks scheduled on Monday.",
     ["2001-09-03"]),
    ("fr", "2025-09-22", "Le sommet prévu en juin à New York.", ["2026-06"]),
    ("en", "2025-09-22", "The summit is scheduled for June.", ["2026-06"]),
    ("en", "1999-05-05", "The prosecutor has scheduled a news conference Thursday.",
     ["1999-05-06"]),
    # a participle that mostly follows a noun is no verb of the date
    ("en", "2014-02-14", "The two leaders will be joined by U.S. President Barack Obama on "
     "Wednesday for a summit focused largely on trade.", ["2014-02-19"]),
    ("fr", "2014-02-14", "Les deux dirigeants seront rejoints par le président Obama mercredi "
     "pour un sommet consacré surtout au commerce.", ["2014-02-19"]),
    # "will have" is a future, not a past "have"
    ("en", "2019-10-03", "She is leaving for India today and will have a meeting with the prime "
     "minister on Saturday.", ["2019-10-03", "2019-10-05"]),
    ("fr", "2019-10-03", "Elle part pour l'Inde aujourd'hui et aura une rencontre avec le "
     "Premier ministre samedi.", ["2019-10-03", "2019-10-05"]),
    # a verb group the date splits is dated by its participle, not its auxiliary
    ("en", "2018-06-05", "Steinmeier is on Wednesday expected to honour the heroes of the "
     "uprising.", ["2018-06-06"]),
    ("fr", "2018-06-05", "Steinmeier est mercredi attendu au monument des héros du ghetto.",
     ["2018-06-06"]),
    ("fr", "2018-06-05", "Le ministre attendu mercredi à Varsovie.", ["2018-06-06"]),
    # a semicolon ends the clause: each part has its own tense
    ("fr", "2021-06-10", "Le ministre est venu en mars ; il reviendra en mars.",
     ["2021-03", "2022-03"]),
    ("fr", "2021-06-10", "Le sommet de l'U.E. se tiendra en mars.", ["2022-03"]),
    # an adverb between the modal and "be" leaves it a future; a participle after a
    # determiner and an adverb is an adjective, neither past nor future
    ("en", "1999-02-10", "He added that the accession would still be held on April 24.",
     ["1999-04-24"]),
    ("en", "1989-10-26", "The split would be paid on a still unspecified date in January.",
     ["1990-01"]),
    ("en", "1998-08-17", "On Friday, the hastily planned trip had been set aside.",
     ["1998-08-14"]),
    ("en", "2021-06-10", "The newly elected president took office in March.", ["2021-03"]),
    # a possessive weekday names what the day has seen, whatever the clause's tense
    ("en", "2000-01-07", "They said they would look for ways around Wednesday's ruling.",
     ["2000-01-05"]),
    ("en", "2000-01-07", "They will appeal next Wednesday's ruling.", ["2000-01-12"]),
    # a participle after a noun is no verb of the clause
    ("en", "2024-10-08", "Ishiba will make his debut with a three-day visit to Vientiane, "
     "Laos, from Thursday to attend summits related to the regional bloc.", ["2024-10-10"]),
    ("fr", "2024-10-08", "Ishiba fera ses débuts avec une visite de trois jours à Vientiane, "
     "au Laos, à partir de jeudi pour assister aux sommets liés au bloc régional.",
     ["2024-10-10"]),
    # "have to" is an obligation ahead, no perfect
    ("en", "2001-07-28", "The visit will have to be after December, an official said.",
     ["2001-12"]),
    ("en", "2001-07-28", "The talks have to resume in December.", ["2001-12"]),
    ("en", "2001-07-28", "The talks have resumed in December.", ["2000-12"]),
    ("fr", "2001-07-28", "Les pourparlers doivent reprendre en décembre.", ["2001-12"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), CASES)
def test_tense_sets_the_direction(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


DEADLINES = [
    # a deadline word: the date is set, the past verb of its clause does not date it
    ("en", "2000-01-06", "The service ruled that he must be returned to his father by Jan. 14.",
     ["2000-01-14"]),
    ("en", "1989-11-02", "The partners extended to Nov. 20 their offer for all shares.",
     ["1989-11-20"]),
    ("en", "1998-03-22", "The talks were supposed to conclude by May.", ["1998-05"]),
    ("fr", "2021-11-02", "Le ministre a promis une décision d'ici mars.", ["2022-03"]),
    ("fr", "2021-11-02", "Le délai a été prolongé jusqu'au 20 novembre.", ["2021-11-20"]),
    # an end point ("until", "through", "jusqu'en") is the nearest reading: a term granted
    ("en", "1989-10-30", "Lenders extended loans to the company through January.", ["1990-01"]),
    ("en", "1989-10-30", "They gave the company until mid-November to reply.", ["1989-11"]),
    ("en", "1989-10-30", "The company bought shares through Sept. 29.", ["1989-09-29"]),
    ("fr", "1989-10-30", "Les banques ont prolongé leurs prêts jusqu'en janvier.", ["1990-01"]),
    ("fr", "1989-10-30", "On a donné à la société jusqu'à la mi-novembre pour répondre.",
     ["1989-11"]),
    ("fr", "1989-10-30", "La société a acheté des actions jusqu'au 29 septembre.",
     ["1989-09-29"]),
    # a deadline given, postponed, extended lies ahead of the giving
    ("en", "2000-04-03", "The service has given the relatives until 9 a.m. Tuesday to sign.",
     ["2000-04-04"]),
    ("en", "2000-03-30", "Officials postponed until Tuesday any action on the request.",
     ["2000-04-04"]),
    ("fr", "2017-08-31", "Les Etats-Unis ont donné jusqu'à samedi à la Russie pour fermer son "
     "consulat.", ["2017-09-02"]),
    # an end point of what went on is a past
    ("en", "2017-08-31", "The strike lasted until Tuesday.", ["2017-08-29"]),
    ("fr", "2017-08-31", "La grève a duré jusqu'à samedi.", ["2017-08-26"]),
    # without one, a past verb keeps its direction
    ("en", "2020-12-11", "The deal was signed on Jan. 20.", ["2020-01-20"]),
    ("fr", "2021-11-02", "Le ministre a pris une décision en mars.", ["2021-03"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), DEADLINES)
def test_a_deadline_is_not_dated_by_a_past_verb(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


PASSIVE_TO_COME = [
    ("en", "2003-02-21", "The plan, to be unveiled in January, was leaked.", ["2004-01"]),
    ("en", "2003-02-21", "The plan, unveiled in January, failed.", ["2003-01"]),
    ("fr", "2003-02-21", "Le plan, qui sera dévoilé en janvier, a fuité.", ["2004-01"]),
    # scheduled: "is scheduled for" is no present passive
    ("en", "2003-02-21", "The vote is scheduled for Tuesday.", ["2003-02-25"]),
    ("fr", "2003-02-21", "Le vote est programmé pour mardi.", ["2003-02-25"]),
    # a verb of intent dates what is intended after it, and is a past after the date
    ("en", "2003-06-07", "They agreed to restart their embassies in March.", ["2004-03"]),
    ("en", "2003-06-07", "In March, they agreed to restart their embassies.", ["2003-03"]),
    ("fr", "2003-06-07", "Ils ont convenu de rouvrir leurs ambassades en mars.", ["2004-03"]),
    ("fr", "2003-06-07", "En mars, ils ont convenu de rouvrir leurs ambassades.", ["2003-03"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), PASSIVE_TO_COME)
def test_a_passive_to_come_is_future(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


SINCE = [
    # a date after "since", "depuis" has gone by, whatever the tense of its clause
    ("en", "1990-08-13", "The carrier, which has been on patrol since March, was scheduled to "
     "return.", ["1990-03"]),
    ("fr", "1990-08-13", "Le porte-avions, en patrouille depuis mars, doit rentrer.", ["1990-03"]),
    ("en", "1990-08-13", "He will stay until March.", ["1991-03"]),
    # so is a date ending a phrase with no verb that "since", "depuis" open
    ("fr", "2025-09-19", "Il s'agit du second entretien entre les deux hommes depuis "
     "l'investiture de Donald Trump le 20 janvier.", ["2025-01-20"]),
    ("en", "2025-09-19", "It is the second call between the two men since Donald Trump's "
     "inauguration on Jan. 20.", ["2025-01-20"]),
    # a verb in the phrase has its own tense
    ("en", "2025-09-19", "It is the second call since he said he will visit on Jan. 20.",
     ["2026-01-20"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), SINCE)
def test_since_is_past(lang, dct, text, expected):
    assert values(lang, dct, text) == expected



PART_OF_DAY = [
    # a weekday with a part of the day is dated by its day (news annotation mostly has it
    # a DATE), the day read in the tense as a bare weekday is
    ("en", "2000-01-07", "The message was read Wednesday night.", "2000-01-05"),
    ("en", "2000-01-07", "The envoy will arrive Tuesday morning.", "2000-01-11"),
    ("en", "2000-04-17", "He lashed out at his relatives Sunday night.", "2000-04-16"),
    ("fr", "2000-01-07", "Le message a été lu mercredi soir.", "2000-01-05"),
    ("fr", "2000-01-07", "L'envoyé arrivera mardi matin.", "2000-01-11"),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), PART_OF_DAY)
def test_part_of_day_dates_the_day(lang, dct, text, expected):
    _, timexes = run(lang, dct, text)
    assert [(t.type, t.value) for t in timexes] == [("DATE", expected)]
    assert timexes[0].text.split()[-1] in ("night", "morning", "soir", "matin")


QUOTED = [
    # a quotation has the tense of its own words, not the reporting verb's
    ("fr", "2021-07-12", "« Nous nous reverrons en septembre », a déclaré le ministre.",
     ["2021-09"]),
    ("fr", "2021-07-12", "« Nous nous sommes vus en septembre », a déclaré le ministre.",
     ["2020-09"]),
    ("fr", "2021-07-12", "« Je reviendrai en septembre », a-t-il dit.", ["2021-09"]),
    ("fr", "2021-07-12", "« Nous nous reverrons à Rabat, avec nos partenaires, en septembre », "
     "a déclaré le ministre.", ["2021-09"]),
    ("en", "2021-07-12", "``We will meet again with all our partners in Rabat in September,'' "
     "the minister said.", ["2021-09"]),
    ("en", "2021-07-12", "“We will meet again in September,” the minister said.", ["2021-09"]),
    ("en", "2021-07-12", "``We will meet again in September,'' the minister said.", ["2021-09"]),
    ("en", "2021-07-12", "\"We met in September,\" the minister said.", ["2020-09"]),
    # outside the quotation, the reporting verb's
    ("en", "2021-07-12", "In September, the minister said: \"We will meet again.\"", ["2020-09"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), QUOTED)
def test_a_quotation_has_its_own_tense(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


FAR_FUTURE = [
    # a long clause opened by a future keeps it up to a weekday with no verb near it
    ("en", "2008-04-15", "President Lee will stay at Blair House, the official state "
     "guesthouse for the U.S. president in front of the White House, Wednesday through "
     "Thursday.", ["2008-04-16", "2008-04-17"]),
    ("en", "2021-12-06", "He will take part in the Dakar Peace and Security Forum on Monday "
     "and in an official visit programme with the host country's president on Tuesday.",
     ["2021-12-06", "2021-12-07"]),
    ("fr", "2021-12-06", "Le président participera au Forum de Dakar sur la paix et la "
     "sécurité en Afrique, puis à un programme de visite officielle avec son hôte, mardi.",
     ["2021-12-07"]),
    # a past there, or a verb near the day, and the day is the default one, on or before
    ("en", "2021-12-06", "He took part in the Dakar Peace and Security Forum and then in an "
     "official visit programme with the host country's president on Tuesday.",
     ["2021-11-30"]),
    ("en", "2021-12-06", "He will stay in Dakar until Friday, according to the long statement "
     "his office released on Tuesday.", ["2021-12-10", "2021-11-30"]),
    # a reporting verb in the present after the day is the verb near it
    ("fr", "2021-01-11", "Le ministre entamera, à partir de lundi, une visite de travail de "
     "deux jours en Afrique du Sud, indique dimanche un communiqué du ministère.",
     ["2021-01-11", "2021-01-10"]),
    ("en", "2021-01-11", "The minister will begin a two-day working visit to South Africa with "
     "a delegation of business leaders and officials, the ministry says Sunday.",
     ["2021-01-10"]),
    ("fr", "2010-11-08", "« La nouvelle lune de miel doit permettre une moisson de grands "
     "contrats », prédit jeudi La Tribune.", ["2010-11-04"]),
    ("fr", "2010-11-08", "« Les deux pays vont signer des contrats », estime mardi un "
     "diplomate.", ["2010-11-02"]),
    ("en", "2010-11-08", "\"The honeymoon will bring a harvest of big contracts,\" an editorial "
     "says Thursday.", ["2010-11-04"]),
    # a month or a date goes no further: read a year late, it would cost far more
    ("en", "2000-01-15", "The relatives said they would look for ways to get around the ruling "
     "by the Immigration and Naturalization Service to repatriate the child by Jan. 14.",
     ["2000-01-14"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), FAR_FUTURE)
def test_a_future_opening_a_long_clause_dates_its_weekdays(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


SCHEDULED = [
    # the present of an event announces it: a weekday is the nearest one, ahead or back
    ("en", "2008-04-14", "The summit opens Wednesday in Paris.", ["2008-04-16"]),
    ("en", "2008-04-14", "The president arrives in Paris on Saturday.", ["2008-04-12"]),
    ("fr", "2008-04-14", "Le sommet s'ouvre mercredi à Paris.", ["2008-04-16"]),
    ("fr", "2008-04-14", "Le président arrive à Paris samedi.", ["2008-04-12"]),
    ("en", "2010-10-13", "Chavez departs Thursday on a major international tour.",
     ["2010-10-14"]),
    # leaving, going home, making a visit
    ("fr", "2014-07-17", "François Hollande quitte Abidjan vendredi pour Niamey.",
     ["2014-07-18"]),
    ("en", "2014-07-17", "François Hollande leaves Abidjan Friday for Niamey.", ["2014-07-18"]),
    ("fr", "2014-07-17", "Le ministre effectue mardi une visite à Alger.", ["2014-07-15"]),
    ("fr", "2014-07-17", "Le président regagne Paris samedi.", ["2014-07-19"]),
    ("fr", "2014-07-17", "Le président a quitté Abidjan vendredi.", ["2014-07-11"]),
    # going on with a tour: the next leg
    ("en", "2017-01-16", "The delegation then continues on to Suva on Wednesday.",
     ["2017-01-18"]),
    ("en", "2017-01-16", "The prime minister and his delegation proceed to Suva on Wednesday.",
     ["2017-01-18"]),
    ("fr", "2017-01-16", "La délégation poursuit ensuite sa tournée à Suva mercredi.",
     ["2017-01-18"]),
    ("fr", "2017-01-16", "Les discussions se sont poursuivies mercredi.", ["2017-01-11"]),
    # a trip in the present progressive is ahead, even a week ahead
    ("en", "2021-05-03", "The president is traveling to Nairobi Tuesday for a two-day state "
     "visit, the presidency said on Monday.", ["2021-05-04", "2021-05-03"]),
    ("en", "2021-05-03", "The president is visiting Nairobi Saturday.", ["2021-05-08"]),
    ("fr", "2021-05-03", "La présidente se rend mardi à Nairobi pour une visite d'État de deux "
     "jours, a indiqué lundi la présidence.", ["2021-05-04", "2021-05-03"]),
    # a plan of the story, an appointment given: ahead
    ("en", "2025-01-27", "The trip will depend on his health, but the plan is for him to depart "
     "on Sunday.", ["2025-02-02"]),
    ("en", "2025-01-27", "He arranged to meet reporters on Sunday, on his return.",
     ["2025-02-02"]),
    ("fr", "2007-08-10", "M. Préval leur a plutôt donné rendez-vous dimanche, à son retour.",
     ["2007-08-12"]),
    # a present that reports, or none of an event, leaves the day on or before
    ("en", "2008-04-14", "The summit is in Paris, the ministry says Wednesday.", ["2008-04-09"]),
    ("fr", "2008-04-14", "Le sommet est à Paris, indique mercredi le ministère.",
     ["2008-04-09"]),
    ("en", "2025-01-24", "Rubio is set to travel to Panama next week, according to a statement "
     "from his spokesperson on Thursday.", ["2025-W05", "2025-01-23"]),
    ("fr", "2025-01-24", "Rubio doit se rendre au Panama la semaine prochaine, selon son "
     "porte-parole jeudi.", ["2025-W05", "2025-01-23"]),
    # the plural of a verb that is seldom a noun, but not the infinitive after "will", "to"
    ("en", "1998-05-01", "He and the Palestinian leader meet separately Monday with the US "
     "Secretary of State.", ["1998-05-04"]),
    ("en", "1998-05-06", "He and the Palestinian leader meet separately Monday with the US "
     "Secretary of State.", ["1998-05-04"]),
    ("en", "1998-05-06", "The two leaders will meet Monday in London.", ["1998-05-11"]),
    ("en", "1998-05-06", "The two leaders agreed to meet Monday in London.", ["1998-05-11"]),
    ("en", "1998-05-06", "The two leaders did not meet Monday in London.", ["1998-05-04"]),
    ("fr", "1998-05-01", "Lui et le dirigeant palestinien rencontrent séparément lundi la "
     "secrétaire d'État américaine.", ["1998-05-04"]),
    ("fr", "1998-05-01", "Le ministre rencontre lundi son homologue.", ["1998-05-04"]),
    ("fr", "1998-05-01", "La rencontre lundi a été annulée.", ["1998-04-27"]),
    # "beginning", "starting" before the date announce it, whatever the verb after:
    # the nearest reading
    ("en", "2004-06-21", "The two-day summit, beginning from July 30, was to have taken "
     "place earlier this year.", ["2004-07-30", "2004"]),
    ("en", "2004-06-21", "The summit, starting July 30, was postponed.", ["2004-07-30"]),
    ("fr", "2004-06-21", "Le sommet, débutant le 30 juillet, a été reporté.", ["2004-07-30"]),
    ("en", "2004-06-21", "He was at the beginning of a tour on July 30.", ["2003-07-30"]),
    # a month is not a weekday: "takes office in January" stays the nearest January
    ("en", "2008-04-14", "The new president takes office in January.", ["2008-01"]),
    # a relative clause after the day is not its verb
    ("en", "2008-04-14", "About 12,000 people are expected to attend the welcoming ceremony "
     "at the White House on Wednesday, more than the 7,000 who showed up for the Queen.",
     ["2008-04-16"]),
    ("fr", "2008-04-14", "Quelque 12 000 personnes sont attendues à la cérémonie d'accueil "
     "devant la Maison Blanche mercredi, comme les 7 000 qui ont assisté à celle de la reine.",
     ["2008-04-16"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), SCHEDULED)
def test_a_present_of_an_event_reads_a_weekday_either_way(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


REPORTED = [
    # a reporting verb closing the sentence after a comma does not date what it reports
    # when a verb before the date does
    ("fr", "2008-09-06", "Le président effectuera une visite d'État en France au début de "
     "l'année 2009, vers la fin janvier, a appris le journal de sources diplomatiques.",
     ["2009", "2009-01"]),
    ("en", "2021-12-06", "He will stay in Dakar until Friday, according to the long statement "
     "his office released on Tuesday.", ["2021-12-10", "2021-11-30"]),
    ("en", "2008-09-06", "The president will pay a state visit to France at the start of "
     "2009, probably in late January, diplomatic sources told the paper.",
     ["2009", "2009-01"]),
    # with no verb before the date, the reporting verb is its verb
    ("en", "2021-12-06", "On Tuesday, the ministry said the visit was over.", ["2021-11-30"]),
    ("fr", "2021-12-06", "Mardi, le ministère a indiqué que la visite était terminée.",
     ["2021-11-30"]),
    # "plans" after a past verb is a noun: the past dates the month
    ("en", "2021-09-06", "The minister ditched plans to visit Jakarta during a regional tour in "
     "July.", ["2021-07"]),
    ("en", "2021-09-06", "The minister plans to visit Jakarta during a regional tour in July.",
     ["2022-07"]),
    # "plans for", "plans of" are nouns too, whatever comes before them
    ("en", "1998-08-17", "On Friday, when Albright set aside vacation plans for the trip, aides "
     "cheered.", ["1998-08-14"]),
    ("fr", "1998-08-17", "Vendredi, quand la ministre mit de côté ses projets de vacances pour le "
     "voyage, ses conseillers applaudirent.", ["1998-08-14"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), REPORTED)
def test_a_reporting_verb_after_a_comma_leaves_the_tense_before(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


COORDINATED = [
    # a range opened by the article's day runs ahead
    ("fr", "2024-10-14", "Le Roi et la Reine effectuent à partir de ce lundi et jusqu'à "
     "mercredi une visite d'Etat en France.", ["2024-10-14", "2024-10-16"]),
    ("en", "2024-10-14", "The King and Queen are on a state visit to France from today until "
     "Wednesday.", ["2024-10-14", "2024-10-16"]),
    # the second date of a list or a range is read in the first one's future when no verb is
    # near it
    ("fr", "2008-09-06", "Le président effectuera une visite d'État en France au début de "
     "l'année, entre la fin janvier et le début du mois de février.",
     ["2008", "2009-01", "2009-02"]),
    ("en", "2008-09-06", "The president will pay a state visit to France in the course of his "
     "long tour, in late January and in early February.", ["2009-01", "2009-02"]),
    # a past first date passes nothing on: "from today through Nov. 17" is a range ahead
    ("en", "1989-11-02", "Shares were offered at the same price from today through Nov. 17.",
     ["1989-11-02", "1989-11-17"]),
]


# the last weekday of a range falls after its first, whatever its tense made of it alone
WEEKDAY_RANGE = [
    ("en", "Higgins will make a state visit to Portugal between Wednesday and Saturday.",
     ["2015-12-09", "2015-12-12"]),
    ("fr", "Il effectuera une visite d'État au Portugal entre mercredi et samedi.",
     ["2015-12-09", "2015-12-12"]),
    ("en", "He will be in Lisbon from Saturday to Tuesday.", ["2015-12-05", "2015-12-08"]),
    ("fr", "Il sera à Lisbonne du samedi au mardi.", ["2015-12-05", "2015-12-08"]),
    # a list is no range: each day is read alone
    ("en", "He met the king on Tuesday and the premier on Monday.",
     ["2015-12-01", "2015-11-30"]),
    ("fr", "Il a reçu le roi mardi et le Premier ministre lundi.", ["2015-12-01", "2015-11-30"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), WEEKDAY_RANGE)
def test_the_last_weekday_of_a_range_follows_its_first(lang, text, expected):
    assert values(lang, "2015-12-04", text) == expected


# a date with no verb near, after a day gone by in its sentence, is read in the past: the
# sentence tells the past, nearer or not
AFTER_A_PAST_DAY = [
    ("fr", "2025-09-19", "C'est sa deuxième visite depuis son arrivée le 3 février, en comptant "
     "une escale le 20 janvier.", ["2025-02-03", "2025-01-20"]),
    ("en", "2025-09-19", "It is his second visit since his arrival on February 3, counting a "
     "stopover on January 20.", ["2025-02-03", "2025-01-20"]),
    # alone, such a date is the nearest
    ("fr", "2025-09-19", "Une escale le 20 janvier.", ["2026-01-20"]),
    ("en", "2025-09-19", "A stopover on January 20.", ["2026-01-20"]),
    # a day ahead passes nothing on
    ("en", "2025-09-19", "He will arrive on September 25, with a stopover on January 20.",
     ["2025-09-25", "2026-01-20"]),
]


SUFFERED = [
    # a blow suffered explains a plan: it is behind, whatever the sentence's tense
    ("en", "2023-05-03", "Marin will not be present after suffering a defeat in a parliamentary "
     "poll in April.", ["2023-04"]),
    ("en", "2023-07-28", "He will not be going to China, just hours after suffering a fall at "
     "his office on Tuesday.", ["2023-07-25"]),
    ("fr", "2023-05-03", "Marin ne sera pas présente après avoir subi une défaite aux "
     "législatives en avril.", ["2023-04"]),
    ("fr", "2023-05-03", "Elle ne viendra pas après avoir essuyé un revers mardi.",
     ["2023-05-02"]),
    # what is done after something else ahead is ahead
    ("en", "2023-07-28", "He will fly home after meeting Kim on Tuesday.", ["2023-08-01"]),
    ("fr", "2023-05-03", "Il rentrera après avoir rencontré Kim mardi.", ["2023-05-09"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), SUFFERED)
def test_a_blow_suffered_is_behind_in_a_future_sentence(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


BEFORE_ITS_NOUN = [
    # "upcoming" dates the noun after it: after a date, it is another phrase's
    ("en", "2018-09-04", "They discussed the talks after the summit on June 12, and the "
     "upcoming third summit.", ["2018-06-12"]),
    ("en", "2018-09-04", "They will discuss the upcoming summit on June 12.", ["2019-06-12"]),
    # French writes its "prochain" after the date too: it still dates the one before it
    ("fr", "2018-09-04", "Ils prépareront le sommet du 12 juin prochain.", ["2019-06-12"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), BEFORE_ITS_NOUN)
def test_an_adjective_before_its_noun_dates_no_date_before_it(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


MOVED = [
    # a date first planned, since moved, is the nearest; the one it moved to lies ahead
    ("fr", "2017-11-09", "Initialement prévue en septembre, cette réunion a été reportée en "
     "décembre.", ["2017-09", "2017-12"]),
    ("en", "2017-11-09", "Originally scheduled for September, the meeting was postponed to "
     "December.", ["2017-09", "2017-12"]),
    ("en", "2018-01-10", "The summit, originally planned for March, was pushed back to May.",
     ["2018-03", "2018-05"]),
    ("fr", "2018-01-10", "Le sommet, initialement prévu en mars, a été repoussé en mai.",
     ["2018-03", "2018-05"]),
    # "to May", "for May" after no such verb: a name as likely as the month
    ("en", "2018-01-10", "He spoke to May on Tuesday.", ["2018-01-09"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), MOVED)
def test_a_date_moved_and_the_date_it_moved_to(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


SEASON_WITH_ARTICLE = [
    # with its article and no tense near, a season is the nearest one; without, any
    ("fr", "2017-11-09", "Le gouvernement a changé. Un remaniement au cœur de l'été.",
     ["2017-SU"]),
    ("fr", "2017-11-09", "La demande augmente en été.", ["XXXX-SU"]),
    ("en", "1989-10-26", "Shipments lagged demand. Problems with the new system well into "
     "the summer.", ["1989-SU"]),
    ("en", "1989-10-26", "Demand grows in summer.", ["XXXX-SU"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), SEASON_WITH_ARTICLE)
def test_a_season_with_its_article_is_the_nearest(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), AFTER_A_PAST_DAY)
def test_a_date_without_a_verb_after_a_past_day_is_past(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), COORDINATED)
def test_a_date_in_a_list_takes_the_future_of_the_first(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


CLEFT = [
    # in a cleft the clause after "que", "that" is the date's own, and "est", "is" no cue
    ("fr", "2023-01-09", "C'est mercredi qu'aura lieu la rencontre entre les chefs d'État.",
     ["2023-01-11"]),
    ("fr", "2023-01-09", "C'est mercredi que les chefs d'État se sont rencontrés.",
     ["2023-01-04"]),
    ("en", "2023-01-09", "It is on Wednesday that the three leaders will meet.", ["2023-01-11"]),
    ("en", "2023-01-09", "It was on Wednesday that the three leaders met.", ["2023-01-04"]),
    # no cleft: "que" opens a clause of its own
    ("fr", "2023-01-09", "Le ministre a annoncé mercredi que la rencontre aura lieu.",
     ["2023-01-04"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), CLEFT)
def test_a_cleft_date_takes_the_tense_of_its_clause(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


FRONTED = [
    # a date opening its sentence takes the tense of the main verb, past the adjuncts
    ("en", "1998-10-25", "In January, a week after the anniversary of the Supreme Court "
     "decision on abortion rights, a bomb exploded.", ["1998-01"]),
    ("fr", "1998-10-25", "En janvier, une semaine après l'anniversaire de la décision de la "
     "Cour suprême sur l'avortement, une bombe a explosé.", ["1998-01"]),
    ("en", "1998-05-25", "In March, after long negotiations with the European partners over "
     "the budget and the fisheries, the minister will visit Brussels.", ["1999-03"]),
    ("fr", "1998-05-25", "En mars, après de longues négociations avec les partenaires "
     "européens sur le budget et la pêche, le ministre se rendra à Bruxelles.", ["1999-03"]),
    # a date after the subject is no opener: the verb is too far to be its own
    ("en", "1998-05-25", "The minister, in March, after long negotiations with the European "
     "partners over the budget and the fisheries, will visit Brussels.", ["1998-03"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), FRONTED)
def test_a_date_opening_its_sentence_takes_the_main_verb(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


TO_COME = [
    # an event "to take place", "speculated to be" at a date is ahead of the telling
    ("en", "2008-09-11", "Morales announced a new referendum, to take place in December, to "
     "vote on his constitution.", ["2008-12"]),
    ("fr", "2008-09-11", "Morales a annoncé un nouveau référendum, devant avoir lieu en "
     "décembre.", ["2008-12"]),
    ("en", "2023-07-18", "It was speculated to be in September, during the UN General "
     "Assembly.", ["2023-09"]),
    ("en", "2023-03-18", "The meeting was likely to take place in February.", ["2024-02"]),
    # looking forward to something is looking ahead; having looked forward is not
    ("en", "2017-06-25", "Look forward to welcoming India's PM Modi to the White House on "
     "Monday.", ["2017-06-26"]),
    ("en", "2017-06-25", "He is looking forward to the talks on Monday.", ["2017-06-26"]),
    ("en", "2017-06-25", "We looked forward to the visit on Monday.", ["2017-06-19"]),
    ("fr", "2017-06-25", "Le président se réjouit d'accueillir lundi son homologue.",
     ["2017-06-26"]),
    ("fr", "2017-06-25", "Il s'est réjoui de la visite lundi.", ["2017-06-19"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), TO_COME)
def test_what_is_to_take_place_is_ahead(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


SAID_ON = [
    # a date in phrases after a reporting verb is the saying's: what follows is what was said
    ("en", "2001-06-12", "The High Commissioner said in a radio interview on Friday there "
     "would be a frank exchange.", ["2001-06-08"]),
    ("fr", "2001-06-12", "La haute commissaire a déclaré lors d'un entretien radio vendredi il "
     "y aurait un échange franc.", ["2001-06-08"]),
    # the date of what was said stays the said thing's
    ("en", "2001-06-12", "The High Commissioner said the talks in London on Friday would be "
     "frank.", ["2001-06-15"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), SAID_ON)
def test_a_date_after_a_reporting_verb_is_the_sayings(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


PARTICIPLES = [
    # a past participle right before its date dates it behind, whatever verb follows
    ("fr", "2024-03-13", "Les pourparlers, entamés lundi, s'achèveront vendredi.",
     ["2024-03-11", "2024-03-15"]),
    ("en", "2024-03-13", "The talks, launched Monday, will end Friday.",
     ["2024-03-11", "2024-03-15"]),
    ("fr", "2024-03-13", "L'accord signé le 3 mars sera appliqué en juin.",
     ["2024-03-03", "2024-06"]),
    ("en", "2024-03-13", "The agreement signed on March 3 will take effect in June.",
     ["2024-03-03", "2024-06"]),
    ("fr", "2024-03-13", "Arrivé mardi à Alger, le ministre rencontrera le président.",
     ["2024-03-12"]),
    ("fr", "2024-03-13", "Le texte adopté jeudi sera publié.", ["2024-03-07"]),
    # not the participle of a passive, nor a plan, nor a noun after its determiner
    ("fr", "2024-03-13", "L'accord sera signé lundi.", ["2024-03-18"]),
    ("fr", "2024-03-13", "L'accord devrait être officiellement signé lundi.", ["2024-03-18"]),
    ("en", "2024-03-13", "The agreement will be signed on Monday.", ["2024-03-18"]),
    ("fr", "2024-03-13", "La réunion prévue lundi sera décisive.", ["2024-03-18"]),
    ("fr", "2024-03-13", "Une tournée lundi sera organisée.", ["2024-03-18"]),
    ("fr", "2024-03-13", "La réunion programmée le 3 mars sera décisive.", ["2025-03-03"]),
    # a name ending like a participle is no participle
    ("fr", "2015-07-01", "Le président effectuera une visite de quelques heures à Yaoundé "
     "vendredi.", ["2015-07-03"]),
    ("en", "2015-07-01", "The president will pay a visit of a few hours to Yaoundé on Friday.",
     ["2015-07-03"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), PARTICIPLES)
def test_a_participle_right_before_a_date_dates_it_behind(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


WISHES = [
    # a wish before an infinitive dates what is wished for ahead; after the date, it is past
    ("en", "2019-10-14", "Both sides hope to agree a deal before the EU summit on Thursday.",
     ["2019-10-17"]),
    ("fr", "2019-10-14", "Les deux parties espèrent conclure un accord avant le sommet de jeudi.",
     ["2019-10-17"]),
    ("fr", "2019-10-14", "Ils souhaitent signer l'accord vendredi.", ["2019-10-18"]),
    ("fr", "2023-03-18", "Les ministres se sont accordés pour organiser un sommet en avril.",
     ["2023-04"]),
    # a day gone by earlier in the sentence does not make what an intent after it dates past
    ("en", "2023-03-18", "The ministers Friday agreed to broker a bilateral presidential summit "
     "between Alberto Fernández and Luis Lacalle Pou in April.", ["2023-03-17", "2023-04"]),
    ("fr", "2019-10-14", "Jeudi, ils espéraient encore signer.", ["2019-10-10"]),
    # a subjunctive or bare passive of a meeting proposed is ahead
    ("en", "2020-01-18", "The US has proposed the event be held in mid-March.", ["2020-03"]),
    ("fr", "2020-01-18", "Les États-Unis ont proposé que l'événement se tienne à la mi-mars.",
     ["2020-03"]),
    # an imperfect of a verb in -rer is a past, no conditional
    ("fr", "2019-10-14", "Mardi, il déclarait que la visite était terminée.", ["2019-10-08"]),
    ("fr", "2019-10-14", "Il serait à Paris jeudi.", ["2019-10-17"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), WISHES)
def test_a_wish_dates_what_is_wished_ahead(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


SET_AHEAD = [
    # a date set for what is to come is ahead, after a past verb of the setting
    ("en", "2024-08-12", "The first trial dates have been set for Sept 10.", ["2024-09-10"]),
    ("fr", "2024-08-12", "Les premières dates du procès ont été fixées au 10 septembre.",
     ["2024-09-10"]),
    ("en", "2014-04-27", "We have a tentative schedule of June 7 to start the second round.",
     ["2014-06-07"]),
    ("en", "2020-12-10", "The vote is likely to slip to the Friday deadline.", ["2020-12-11"]),
    ("fr", "2020-12-10", "Le vote devrait glisser à vendredi.", ["2020-12-11"]),
    # a comparison with what was expected is no future
    ("en", "2012-03-08", "Prices rose in February, well above January's slower-than-expected "
     "rise.", ["2012-02", "2012-01"]),
    # "due to" a cause is no future
    ("en", "2020-09-24", "Abe announced his resignation on August 28, due to an illness.",
     ["2020-08-28"]),
    ("en", "2020-09-24", "He is due to arrive on Monday.", ["2020-09-28"]),
    ("fr", "2012-03-08", "Les prix ont augmenté en février, bien au-dessus de la hausse plus "
     "faible que prévu de janvier.", ["2012-02", "2012-01"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), SET_AHEAD)
def test_a_date_set_for_what_is_to_come_is_ahead(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


EVENT_PRESENT = [
    # a present of an event announces it: the nearest such day
    ("fr", "2009-08-07", "La rencontre des trois dirigeants, qui s'amorce dimanche, s'annonce "
     "mouvementée.", ["2009-08-09"]),
    ("en", "2009-08-07", "The meeting of the three leaders, which gets under way Sunday, "
     "promises to be lively.", ["2009-08-09"]),
    ("fr", "2009-08-07", "Le sommet se déroule mardi à Paris.", ["2009-08-04"]),
    ("en", "2009-08-07", "The summit takes place Tuesday in Paris.", ["2009-08-04"]),
    # a reporting verb closing the sentence does not date what it reports
    ("fr", "2023-04-29", "Il effectuera une visite avant le sommet du G7 prévu à Hiroshima du 19 "
     "au 21 mai, ont rapporté des médias.", ["2023-05-19", "2023-05-21"]),
    ("en", "2023-04-29", "He will visit Africa before the G7 summit planned in Hiroshima on May "
     "19, media have reported.", ["2023-05-19"]),
    # ... and the one ahead in a sentence that looks ahead
    ("en", "2024-08-23", "He will attend the opening before he swaps out with Luxon, who arrives "
     "on Tuesday.", ["2024-08-27"]),
    ("fr", "2024-08-23", "Il assistera à l'ouverture avant de céder la place à Luxon, qui arrive "
     "mardi.", ["2024-08-27"]),
    ("en", "2024-08-23", "The summit opens Tuesday.", ["2024-08-20"]),
    # a program of days in a sentence that looks ahead: each day with no verb of its own
    ("fr", "2022-06-07", "Le roi se rendra à Kinshasa, avec une visite mercredi au musée; "
     "Lubumbashi, avec une intervention vendredi devant les étudiants.",
     ["2022-06-08", "2022-06-10"]),
    ("en", "2022-06-07", "The king will travel to Kinshasa, with a museum visit on Wednesday; "
     "Lubumbashi, with a speech on Friday to students.", ["2022-06-08", "2022-06-10"]),
    # but a verb of its own dates it: "indique dimanche un communiqué"
    ("fr", "2021-01-11", "Le ministre entamera, à partir de lundi, une visite de deux jours, "
     "indique dimanche un communiqué.", ["2021-01-11", "2021-01-10"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), EVENT_PRESENT)
def test_a_present_of_an_event_announces_it(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


NOUNS_OF_INTENT = [
    # a noun of intent before an infinitive dates what is intended ahead
    ("en", "1989-11-02", "The bank announced an agreement to acquire the company in January.",
     ["1990-01"]),
    ("fr", "1989-11-02", "La banque a annoncé un accord pour racheter la société en janvier.",
     ["1990-01"]),
    ("en", "1989-11-02", "In January, the bank announced a deal to buy the company.",
     ["1989-01"]),
    ("fr", "1989-11-02", "En janvier, la banque a annoncé un projet de loi.", ["1989-01"]),
    # a deal is mostly what was struck: the date is the striking's
    ("en", "2009-01-19", "The two parties signed a deal to form a unity government in "
     "September, but the pact has stalled.", ["2008-09"]),
    ("fr", "2009-01-19", "Les deux partis ont conclu en septembre un pacte pour former un "
     "gouvernement.", ["2008-09"]),
    # a participle with "un-" is an adjective, no past verb
    ("en", "1998-02-13", "Qantas will almost double its flights between Australia and India by "
     "August in the search for new markets untouched by the crisis.", ["1998-08"]),
    # a record set on a day: behind
    ("en", "1998-02-06", "The index is within 70 points of its record high set on Aug. 6.",
     ["1997-08-06"]),
    ("fr", "1998-02-06", "L'indice reste à 70 points de son record établi le 6 août.",
     ["1997-08-06"]),
    # what had been due, planned, on a day is behind
    ("en", "1989-10-30", "The offer had been due to expire Friday.", ["1989-10-27"]),
    ("en", "2015-06-22", "The sanctions had been due to expire in July.", ["2015-07"]),
    ("fr", "1989-10-30", "L'offre avait été prévue pour expirer vendredi.", ["1989-10-27"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), NOUNS_OF_INTENT)
def test_a_noun_of_intent_dates_what_is_intended(lang, dct, text, expected):
    assert values(lang, dct, text) == expected
