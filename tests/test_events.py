"""Events stage: which dated clauses become events, with what date, type and parties."""

import pytest

from pipeline.classify import classify
from pipeline.dates import annotate
from pipeline.events import article_events
from pipeline.mentions import recognise
from pipeline.records import Article, Dct
from pipeline.segment import segment


def events(body: str, dct: str, lang: str = "fr"):
    text = f"Titre\n{body}\n"
    article = Article("a.txt", text, 0, "Titre", lang, Dct(dct, "metadata"))
    dct_found, timexes = annotate(article)
    return article_events(article, dct_found, timexes, segment(article), recognise(article))


def summary(evs):
    return [(e.value, e.mod, e.status) for e in evs]


def test_a_dated_visit_is_an_event_with_its_parties():
    (e,) = events("Le ministre israélien de la Défense, Benny Gantz, est arrivé mardi à Rabat "
                  "pour une visite officielle.", "2021-11-24")
    assert (e.value, e.mode, e.place) == ("2021-11-23", "visit", "Rabat")
    assert e.actors == ("Benny Gantz",) and set(e.countries) == {"IL", "MA"}


def test_background_dates_make_no_event():
    assert events("Le bureau de liaison, fermé depuis 2000, a rouvert ses portes.",
                  "2021-08-12") == ()


def test_a_subordinate_date_dates_only_its_clause():
    evs = events("Le 24 novembre 2021, Benny Gantz s'est rendu au Maroc, après la signature "
                 "des accords d'Abraham fin 2020 pour normaliser les relations entre les deux "
                 "pays.", "2022-01-10")
    assert summary(evs) == [("2021-11-24", None, "happened"), ("2020", "END", "happened")]
    visit, signing = evs
    assert visit.mode == "visit" and signing.mode == "signing"
    assert signing.actors == () and set(signing.countries) == {"IL", "MA"}


def test_a_relative_clause_date_keeps_the_main_clause_out():
    evs = events("Abu Dhabi and Israel concluded a peace treaty, while Manama, whose decision "
                 "was announced by Donald Trump on Sept. 11, signed a declaration.",
                 "2020-09-16", "en")
    assert [(e.value, e.types) for e in evs] == [("2020-09-11", ("STATEMENT",))]


def test_an_undated_sentence_continues_the_event_before_it():
    (e,) = events("Le 24 novembre 2021, Benny Gantz est arrivé à Rabat. Lors de son bref "
                  "séjour, il a rencontré Abdellatif Loudiyi pour signer plusieurs accords.",
                  "2021-11-25")
    assert set(e.actors) == {"Benny Gantz", "Abdellatif Loudiyi"}
    # the visit is the act its dated sentence tells; what a following sentence adds is
    # evidence, not another type
    assert e.types == ("CONSULT",) and e.mode == "visit" and len(e.sources) == 2


def test_announced_happenings_are_planned():
    (e,) = events("Le secrétaire d'État Antony Blinken se rendra mardi prochain à Rabat.",
                  "2022-03-20")
    assert e.status == "planned" and e.value > "2022-03-20"


def test_a_football_match_between_two_countries_is_not_diplomatic():
    assert events("L'Allemagne et l'Espagne se sont rencontrées hier soir à Séville.",
                  "1999-07-09") == ()


def test_a_demonstrative_refers_back_and_is_not_a_new_event():
    evs = events("Le roi Mohammed VI a reçu mardi Jared Kushner à Rabat. Cette visite fait "
                 "suite à l'annonce, le 10 décembre, par Donald Trump de la reconnaissance "
                 "américaine de la souveraineté du Maroc.", "2020-12-23")
    assert [(e.value, e.mode) for e in evs] == [("2020-12-22", "host"),
                                                ("2020-12-10", "recognition")]


def test_a_subject_pronoun_stands_for_the_subject_of_the_sentence_before():
    *_, inauguration = events(
        "Le ministre israélien des Affaires étrangères, Yaïr Lapid, est arrivé mercredi à "
        "Rabat. Il doit inaugurer jeudi le bureau de liaison et s'entretenir avec son "
        "homologue Nasser Bourita.", "2021-08-11")
    assert inauguration.value == "2021-08-12"
    assert inauguration.actors == ("Yair Lapid", "Nasser Bourita")
    *_, ramallah = events(
        "U.S. Secretary of State Antony Blinken arrived in Israel on Sunday. He is due to visit "
        "Ramallah on Tuesday to meet Palestinian President Mahmoud Abbas.", "2022-03-28", "en")
    assert (ramallah.value, ramallah.actors) == ("2022-03-29", ("Antony Blinken", "Mahmoud Abbas"))
    assert set(ramallah.countries) == {"PS", "US"}


def test_a_pronoun_after_a_sentence_whose_subject_is_no_person_stands_for_no_one():
    _, rupture = events(
        "Benny Gantz est arrivé mardi à Rabat. La visite intervient trois mois après celle de "
        "Yaïr Lapid. Elle survient dans un climat de tensions avec l'Algérie, qui a rompu ses "
        "relations avec le Maroc le 24 août.", "2021-11-25")
    assert rupture.value == "2021-08-24" and rupture.actors == ()
    _, signing = events("Benny Gantz est arrivé mardi à Rabat. Il y a un an, le 24 novembre, "
                        "les deux pays ont signé un accord.", "2022-11-25")
    assert signing.actors == ()  # an impersonal "il"


@pytest.mark.parametrize("lang, body", [
    ("fr", "Le ministre Yaïr Lapid est arrivé mercredi à Rabat. A sa descente d'avion, il a "
           "été accueilli par Nasser Bourita."),
    ("fr", "Yaïr Lapid est arrivé mercredi à Rabat. Dès son arrivée, il s'est entretenu avec "
           "Nasser Bourita."),
    ("en", "Yair Lapid arrived in Rabat on Wednesday. On his arrival he was greeted by "
           "Nasser Bourita."),
    ("en", "Yair Lapid arrived in Rabat on Wednesday. Upon their arrival the delegation was "
           "greeted by Nasser Bourita."),
])
def test_a_sentence_opening_on_the_arrival_just_told_goes_on_telling_it(lang, body):
    (visit,) = events(body, "2021-08-12", lang)
    assert visit.value == "2021-08-11" and len(visit.sources) == 2
    assert "Nasser Bourita" in visit.actors


@pytest.mark.parametrize("lang, body", [
    ("en", "Turkey and Israel agreed on Wednesday to restore full diplomatic ties. "
           "This came after a conversation between Yair Lapid and Recep Tayyip Erdogan."),
    ("en", "Turkey and Israel agreed on Wednesday to restore full diplomatic ties. "
           "In this context, the two leaders held talks."),
    ("fr", "La Turquie et Israël ont convenu mercredi de rétablir leurs relations. "
           "Cette décision fait suite à un entretien entre Yaïr Lapid et Recep Tayyip Erdogan."),
    ("fr", "La Turquie et Israël ont convenu mercredi de rétablir leurs relations. "
           "Dans ce contexte, les deux dirigeants ont discuté."),
])
def test_a_sentence_relating_itself_to_the_event_just_told_is_its_evidence(lang, body):
    (agreed,) = events(body, "2022-08-18", lang)
    assert agreed.value == "2022-08-17" and len(agreed.sources) == 2


def test_a_sentence_opening_on_the_event_it_tells_goes_on_telling_it():
    (rupture,) = events(
        "L'Algérie a annoncé mardi la rupture de ses relations diplomatiques avec le Maroc. "
        "L'annonce a été faite à Alger par le ministre des Affaires étrangères Ramtane Lamamra.",
        "2021-08-25")
    assert (rupture.value, rupture.mode, len(rupture.sources)) == ("2021-08-24", "break", 2)
    assert "Ramtane Lamamra" in rupture.actors + rupture.unreviewed_actors


def test_a_clause_holding_a_date_and_a_place_dates_the_clause_before():
    _, signing = events(
        "Naftali Bennett est arrivé lundi à Abou Dhabi. Cette visite intervient un an après la "
        "signature des accords d'Abraham, le 15 septembre 2020 à la Maison Blanche.",
        "2021-12-14")
    assert (signing.value, signing.mode) == ("2020-09-15", "signing")


@pytest.mark.parametrize("lang, text, kind", [
    ("en", "Trump's recognition of Moroccan sovereignty", "recognition"),
    ("en", "the rupture of diplomatic relations", "break"),
    ("en", "the expulsion of the ambassador", "SANCTION"),
    ("en", "the suspension of flights", "SANCTION"),
    ("fr", "le rappel de son ambassadeur", "SANCTION"),
    ("fr", "la suspension des vols", "SANCTION"),
    ("fr", "la reconnaissance de la souveraineté", "recognition"),
    ("en", "Israel and Morocco agreed to open embassies", "AGREE"),
    ("fr", "les deux pays ont convenu de rouvrir leurs bureaux", "AGREE"),
    ("fr", "Rabat acceptait de reprendre ses relations", "AGREE"),
    ("fr", "L'Espagne a soutenu le plan marocain", "SUPPORT"),
    ("en", "Spain backed Morocco's plan", "SUPPORT"),
])
def test_nouns_of_event_verbs_are_cues(lang, text, kind):
    cues = classify(text, lang)
    assert kind in (cues.mode, *cues.types)


def test_the_contract_lists_every_participant_the_gazetteer_ones_first():
    import dataclasses

    from pipeline.contract import event_json

    (visit,) = events("Le ministre israélien de la Défense, Benny Gantz, est arrivé mardi à "
                      "Rabat.", "2021-11-24")
    visit = dataclasses.replace(visit, unreviewed_actors=("Belkhir El Farouk",))
    out = event_json(visit)
    assert out["actors"] == ["Benny Gantz", "Belkhir El Farouk"]
    assert out["unreviewed_actors"] == ["Belkhir El Farouk"]


def test_an_undated_sentence_naming_the_event_again_goes_on_telling_it():
    (visit,) = events(
        "Bahraini Foreign Minister Abdullatif al-Zayani arrived in Israel on Wednesday. "
        "U.S. Secretary of State Mike Pompeo, who is touring the region, joined the talks.",
        "2020-11-19", "en")
    assert visit.value == "2020-11-18" and "Mike Pompeo" in visit.actors


def test_tourists_visiting_are_no_diplomatic_event_a_delegation_is():
    assert events("Des touristes israéliens ont visité le Maroc en 2022.", "2023-10-05") == ()
    assert events("Israeli tourists visited Morocco in 2022.", "2023-10-05", "en") == ()
    (visit,) = events("Une délégation israélienne a visité le Maroc en 2022.", "2023-10-05")
    assert (visit.value, visit.mode) == ("2022", "visit")


@pytest.mark.parametrize("lang, text", [
    ("fr", "aucune visite officielle n'a eu lieu"),
    ("fr", "il n'a pas signé"),
    ("en", "Israel did not sign"),
    ("en", "they didn't meet"),
    ("en", "there was no visit"),
    # cancelled or postponed: what did not happen either, nor the statement reporting it
    ("fr", "Boris Eltsine a annulé hier une rencontre avec Jose Maria Aznar, a affirmé "
           "l'ambassade d'Espagne à Moscou."),
    ("fr", "La visite prévue mardi à Rabat a été reportée."),
    ("en", "Gantz postponed his visit to Rabat."),
    ("en", "The talks were called off on Monday."),
    ("es", "La visita fue aplazada."),
    ("de", "Der Besuch wurde abgesagt."),
])
def test_a_negated_or_cancelled_cue_is_no_cue(lang, text):
    assert classify(text, lang).types == ()


def test_a_cancellation_reaches_only_the_happening_it_governs():
    # a comma ends its reach: the meeting that had been postponed took place
    assert classify("La rencontre, qui avait été reportée, a eu lieu hier.", "fr").types
    met = classify("Lapid a rencontré Bourita et annulé sa visite à Fès.", "fr")
    assert met.types == ("CONSULT",) and met.mode != "visit"
    assert classify("Gantz a annulé la réunion et a rencontré Bourita.", "fr").types
    (visit,) = events("Benny Gantz a annulé lundi sa visite à Alger. Il s'est rendu à Rabat "
                      "le mardi 23 novembre 2021.", "2021-11-25")
    assert (visit.value, visit.mode) == ("2021-11-23", "visit")
    assert events("Benny Gantz a annulé lundi 22 novembre sa visite à Alger.", "2021-11-25") == ()


def test_a_frame_opening_the_sentence_gives_its_subject_to_the_date_inside_it():
    *_, visit = events(
        "En 2021, le ministre est venu à Rabat. L'année suivante, le président de la "
        "Knesset, Amir Ohana, s'est rendu à Rabat en juillet.", "2023-12-10")
    assert (visit.value, visit.mode) == ("2022-07", "visit")
    assert "Amir Ohana" in visit.actors + visit.unreviewed_actors
    assert set(visit.countries) == {"IL", "MA"}


def test_an_event_told_again_in_a_new_paragraph_is_the_one_also_refers_to_there():
    visit, _ = events(
        "Israeli President Isaac Herzog arrived in Bahrain on Sunday.\nHerzog, who will "
        "travel on to Abu Dhabi on Monday, said the visit showed that peace is possible. "
        "Bahrain's Crown Prince Salman bin Hamad also held talks with the Israeli leader.",
        "2022-12-05", "en")
    assert visit.value == "2022-12-04"
    assert "Salman bin Hamad" in visit.actors + visit.unreviewed_actors


def test_dated_items_after_a_colon_are_each_what_the_head_tells():
    evs = events("En 2021, les visites se sont multipliées : Yaïr Lapid en août, puis Benny "
                 "Gantz en novembre.", "2023-12-10")
    assert [(e.value, e.mode, e.actors) for e in evs] == [
        ("2021-08", "visit", ("Yair Lapid",)), ("2021-11", "visit", ("Benny Gantz",))]


def test_a_date_is_one_clause_even_with_a_comma_or_an_opener_inside():
    *_, meeting = events("Eli Cohen arrived in Khartoum on Monday. The day before, Abdel Fattah "
                         "al-Burhan had met Mike Pompeo.", "2021-01-28", "en")
    assert (meeting.value, meeting.actors) == (
        "2021-01-24", ("Abdel Fattah al-Burhan", "Mike Pompeo"))
    (signing,) = events("Morocco and Israel signed a declaration on Tuesday, Dec. 22, 2020, in "
                        "Rabat.", "2021-12-22", "en")
    assert signing.value == "2020-12-22"


# --- modes: declared once (data/modes.yaml), every list derived from the declaration ----

MODE = """visit:
  type: CONSULT
  label: {fr: "Visite", en: "Visit"}
  titles: {fr: ["Visite de {first}"], en: ["Visit by {first}"]}
"""


@pytest.mark.parametrize("text, line, words", [
    (MODE + "  colour: red\n", 5, "unknown key 'colour'"),
    (MODE.replace('en: "Visit"', 'de: "Besuch"'), 3, "unknown key 'de'"),
    (MODE.replace('  label: {fr: "Visite", en: "Visit"}\n', ""), 1, "lacks label"),
    (MODE + "  apart: [phone]\n", 1, "'phone', which is not declared"),
    (MODE + "  stays: yes\n", 5, "write true or false"),
    (MODE + MODE, 5, "declared twice"),
])
def test_a_bad_mode_declaration_names_its_file_and_line(text, line, words):
    from pipeline.modes import ModesError, parse
    with pytest.raises(ModesError, match=rf"modes\.yaml:{line}: .*{words}"):
        parse(text)


def test_every_declared_mode_has_its_label_curation_title_and_merge_rules():
    from pipeline import merge, modes
    from pipeline.events import DIPLOMATIC_MODES
    from pipeline.labels import MODE_LABELS, type_label
    from pipeline.titles import make_title
    declared = modes.modes()
    assert {"recall", "expel", "closure", "suspension", "protest", "deal"} <= set(declared)
    for name, mode in declared.items():
        for lang in ("fr", "en"):
            label = mode.label[lang]
            assert type_label((mode.type,), name, lang) == label == MODE_LABELS[lang][name]
            title = make_title((mode.type,), name, ("Yaïr Lapid",), ("IL", "MA"), None, lang)
            assert title and "{" not in title
        assert (name in DIPLOMATIC_MODES) == mode.diplomatic
        assert (name in merge.STAY) == mode.stays
        for other in mode.apart:  # read both ways
            assert frozenset((other, name)) in merge.APART


def test_a_cue_rule_naming_an_undeclared_mode_is_refused():
    from pipeline.modes import ModesError, check
    check("recall", "events.yaml", 3)
    with pytest.raises(ModesError, match=r"events\.yaml:3: unknown mode 'recal'.*modes\.yaml"):
        check("recal", "events.yaml", 3)


def test_a_title_template_keyed_by_mode_outside_the_mode_declaration_is_refused():
    from pipeline.modes import ModesError
    from pipeline.titles import check_templates
    text = 'fr:\n  and: " et "\n  templates:\n    - {type: CONSULT, text: "x"}\n' \
           '    - {mode: visit, text: "Visite de {first}"}\n'
    with pytest.raises(ModesError, match=r"titles\.yaml:5: unknown template key 'mode'"):
        check_templates(text)


# --- diplomatic acts: each with its mode and its PLOVER type as primary type -----------

@pytest.mark.parametrize("lang, body, dct, mode, primary", [
    ("fr", "La Tunisie a rappelé mardi son ambassadeur en Libye pour consultations.",
     "2023-05-10", "recall", "SANCTION"),
    ("en", "Iran recalled its ambassador to Jordan on Monday over the dispute.",
     "2023-05-10", "recall", "SANCTION"),
    ("fr", "La Tunisie a expulsé jeudi l'ambassadeur de la Libye, déclaré persona non grata.",
     "2023-05-12", "expel", "SANCTION"),
    ("en", "On Thursday, Jordan and Iran kicked out their respective ambassadors.",
     "2023-05-12", "expel", "SANCTION"),
    ("fr", "La Tunisie a fermé lundi son espace aérien aux avions libyens.",
     "2023-05-10", "closure", "SANCTION"),
    ("en", "Jordan closed its airspace to Iranian aircraft on Monday.",
     "2023-05-10", "closure", "SANCTION"),
    ("fr", "La Tunisie a suspendu mardi le traité de coopération militaire avec la Libye.",
     "2023-05-10", "suspension", "SANCTION"),
    ("en", "Iran suspended the border treaty with Jordan on Tuesday.",
     "2023-05-10", "suspension", "SANCTION"),
    ("fr", "La Tunisie a exprimé mardi sa profonde désapprobation de la décision de la Libye.",
     "2023-05-10", "protest", "PROTEST"),
    ("en", "Iran lodged a formal protest with Jordan's foreign ministry on Tuesday.",
     "2023-05-10", "protest", "PROTEST"),
    ("fr", "La Tunisie et la Libye ont conclu mardi un accord sur leur frontière commune.",
     "2023-05-10", "deal", "AGREE"),
    ("en", "Jordan and Iran reached a deal on their maritime border on Tuesday.",
     "2023-05-10", "deal", "AGREE"),
    ("fr", "Une délégation de la Tunisie s'est rendue mardi à Tripoli pour des entretiens "
     "diplomatiques avec la Libye.", "2023-05-10", "visit", "CONSULT"),
    ("en", "Jordan downgraded its diplomatic relations with Iran on Tuesday.",
     "2023-05-10", "downgrade", "SANCTION"),
])
def test_a_diplomatic_act_is_an_event_with_its_mode_and_type(lang, body, dct, mode, primary):
    (e,) = events(body, dct, lang)
    assert (e.mode, e.types[0]) == (mode, primary)
    assert len(e.types) <= 2


@pytest.mark.parametrize("lang, body, dct, types", [
    # one act told with its statement, the relations it speaks of, and its cause: one type
    ("en", "Jordan and Iran announced on Tuesday they were severing diplomatic ties.",
     "2023-05-10", ("SANCTION",)),
    ("fr", "La Tunisie a annoncé mardi la rupture de ses relations diplomatiques avec la Libye.",
     "2023-05-10", ("SANCTION",)),
    ("en", "Jordan and Iran agreed on Tuesday to restore full diplomatic ties, the "
     "ministry said.", "2023-05-10", ("AGREE",)),
    ("fr", "La Tunisie et la Libye ont signé mardi un accord de coopération à Tunis.",
     "2023-05-10", ("SUPPORT", "COOPERATE")),
    # another act the evidence states: a second type, after the act reported
    ("en", "Jordan and Iran cut diplomatic ties on Tuesday, as Jordan accused Iran of "
     "spying.", "2023-05-10", ("SANCTION", "ACCUSE")),
])
def test_an_event_has_one_primary_type_and_others_only_for_other_acts(lang, body, dct, types):
    (e,) = events(body, dct, lang)
    assert e.types == types


@pytest.mark.parametrize("lang, body, dct, day", [
    ("fr", "Le chef de la diplomatie tunisienne est arrivé ce lundi soir à Tripoli pour une "
     "visite officielle.", "2023-02-07", "2023-02-06"),
    ("fr", "Les deux ministres des Affaires étrangères se sont entretenus mardi matin à "
     "Tunis.", "2023-02-08", "2023-02-07"),
    ("en", "Iran's foreign minister arrived in Amman on Tuesday morning for talks.",
     "2023-02-08", "2023-02-07"),
    ("en", "Jordan's foreign ministry confirmed late on Friday night that its ambassador had "
     "been recalled from Iran.", "2023-02-07", "2023-02-03"),
])
def test_a_part_of_day_dates_an_event_to_its_day(lang, body, dct, day):
    (e,) = events(body, dct, lang)
    assert e.value == day


def test_the_moment_of_speaking_dates_no_event():
    assert events('"We are here this afternoon to sign the treaty," the Jordanian foreign '
                  'minister said.', "2023-02-07", "en") == ()


@pytest.mark.parametrize("lang, body, dct, want", [
    ("en", "Oman became the third Gulf state, after Qatar in 1996 and Bahrain in 2020, to open "
     "a liaison office with Israel.", "2021-03-01",
     [("1996", {"IL", "QA"}), ("2020", {"BH", "IL"})]),
    ("fr", "La Mauritanie est le troisième pays arabe, après l'Égypte en 1979 et la Jordanie "
     "en 1994, à établir des relations diplomatiques avec Israël.", "2021-03-01",
     [("1979", {"EG", "IL"}), ("1994", {"IL", "JO"})]),
])
def test_happenings_sharing_a_sentence_stay_apart_each_with_its_date_and_states(
        lang, body, dct, want):
    evs = events(body, dct, lang)
    assert [(e.value, set(e.countries)) for e in evs] == want


def test_a_range_of_dates_is_not_two_happenings():
    evs = events("Les deux ministres des Affaires étrangères se sont rencontrés entre 2019 et "
                 "2021 à Rabat.", "2022-01-10")
    assert len(evs) <= 1


@pytest.mark.parametrize("lang, body, dct", [
    ("fr", "Le ministre tunisien des Affaires étrangères a participé dimanche et lundi au "
     "sommet de Tripoli.", "2022-03-29"),
    ("en", "Jordan's foreign minister attended the summit in Amman on Sunday and Monday.",
     "2022-03-29"),
])
def test_two_days_of_one_happening_are_not_two_happenings(lang, body, dct):
    assert len(events(body, dct, lang)) == 1


@pytest.mark.parametrize("lang, body, dct, value, end", [
    ("fr", "Le chef de la diplomatie jordanienne a entamé dimanche 30 janvier une visite de "
     "deux jours en Iran.", "2022-01-30", "2022-01-30", "2022-01-31"),
    ("en", "Jordan's foreign minister began a three-day visit to Iran on Sunday.",
     "2022-01-30", "2022-01-30", "2022-02-01"),
    ("fr", "Le ministre tunisien des Affaires étrangères a participé dimanche et lundi au "
     "sommet de Tripoli.", "2022-03-29", "2022-03-27", "2022-03-28"),
    ("fr", "Le ministre jordanien des Affaires étrangères a visité Téhéran du 3 au 5 janvier.",
     "2022-01-30", "2022-01-03", "2022-01-05"),
    # one day: no end; a long stay is no visit of some days
    ("en", "Jordan's foreign minister visited Iran on Sunday.", "2022-01-30", "2022-01-30", None),
])
def test_a_happening_over_several_days_has_its_first_and_last_day(lang, body, dct, value, end):
    (e,) = events(body, dct, lang)
    assert (e.value, e.end) == (value, end)


@pytest.mark.parametrize("lang, body, dct, day", [
    # the event of the sentence is dated by its own date, not by the earlier one told after
    ("en", "The Jordanian and Iranian foreign ministers spoke by phone on Tuesday. Their "
     "previous call was on 4 May.", "2023-06-08", "2023-06-06"),
    ("fr", "Les ministres jordanien et iranien des Affaires étrangères se sont entretenus par "
     "téléphone mardi. Leur précédent entretien remontait au 4 mai.", "2023-06-08",
     "2023-06-06"),
    # a dateline dates what follows it
    ("fr", "AMMAN, 14 juin (Reuters) - Le ministre jordanien des Affaires étrangères a reçu "
     "son homologue iranien pour des entretiens.", "2023-06-15", "2023-06-14"),
    ("en", "AMMAN, June 14 (Reuters) - Jordan's foreign minister hosted his Iranian "
     "counterpart for talks.", "2023-06-15", "2023-06-14"),
])
def test_the_main_event_is_dated_by_its_own_date(lang, body, dct, day):
    assert events(body, dct, lang)[0].value == day


@pytest.mark.parametrize("lang, body", [
    ("fr", "Le 10 décembre, la Jordanie et l'Iran ont annoncé la reprise de leurs relations "
     "diplomatiques. L'accord a été signé douze jours plus tard à Amman."),
    ("en", "On December 10, Jordan and Iran announced the restoration of diplomatic ties. "
     "The agreement was signed in Amman on December 22."),
])
def test_an_announcement_and_a_signing_days_later_are_two_events(lang, body):
    evs = events(body, "2023-01-10", lang)
    assert [(e.value, e.mode) for e in evs] == [("2022-12-10", None), ("2022-12-22", "signing")]


@pytest.mark.parametrize("lang, body", [
    ("fr", "La Jordanie et l'Iran ont annoncé le 10 décembre un accord de paix, signé le 22 "
     "décembre à Amman."),
    ("fr", "L'accord de paix entre la Jordanie et l'Iran, annoncé le 10 décembre, a été signé "
     "le 22 décembre à Amman."),
    ("en", "Jordan and Iran announced a peace deal on December 10, which was signed in Amman "
     "twelve days later."),
    ("en", "Jordan and Iran announced a peace deal on December 10 and signed it in Amman on "
     "December 22."),
])
def test_an_announcement_and_a_signing_in_one_sentence_stay_two_events(lang, body):
    evs = events(body, "2023-01-10", lang)
    assert [(e.value, e.types[0]) for e in evs] == [("2022-12-10", "STATEMENT"),
                                                    ("2022-12-22", "SUPPORT")]


@pytest.mark.parametrize("lang, body", [
    ("fr", "AMMAN, 14 juin (Reuters) - La Jordanie et l'Iran ont rétabli leurs relations "
     "diplomatiques.\n\nLes deux ministres des Affaires étrangères se sont rencontrés à "
     "Amman et ont signé un mémorandum."),
    ("en", "AMMAN, June 14 (Reuters) - Jordan and Iran restored diplomatic ties.\n\nThe two "
     "foreign ministers met in Amman and signed a memorandum."),
    ("fr", "Tunis, 14 juin (TAP) – La Tunisie et la Libye ont rétabli leurs relations "
     "diplomatiques.\n\nLes deux ministres se sont rencontrés à Tunis."),
])
def test_a_dateline_dates_what_the_next_paragraphs_tell_without_a_date(lang, body):
    (e,) = events(body, "2023-06-16", lang)
    assert (e.value, len(e.sources)) == ("2023-06-14", 2)
    assert e.types[0] == "AGREE" and len(e.types) <= 3


def test_without_a_dateline_an_undated_paragraph_is_not_dated_by_the_lead():
    body = ("Jordan and Iran restored diplomatic ties on June 14.\n\nThe two foreign "
            "ministers met in Amman and signed a memorandum.")
    (e,) = events(body, "2023-06-16", "en")
    assert len(e.sources) == 1


@pytest.mark.parametrize("lang, body", [
    ("fr", "Des milliers de Tunisiens ont protesté vendredi devant l'ambassade de Libye."),
    ("fr", "La Tunisie a expulsé mardi des centaines de migrants venus de Libye."),
    ("fr", "Le ministre tunisien a rappelé mardi que son ambassadeur en Libye restait en poste."),
    ("en", "Jordan suspended its football league on Tuesday after clashes with Iranian fans."),
    ("en", "Thousands protested in Amman on Friday against Iran's policies."),
    ("en", "Jordan expelled hundreds of migrants from Iran on Tuesday."),
])
def test_words_of_diplomatic_acts_used_otherwise_make_no_such_event(lang, body):
    assert [e.mode for e in events(body, "2023-05-12", lang)
            if e.mode in ("protest", "expel", "recall", "suspension")] == []


@pytest.mark.parametrize("lang, body, types", [
    ("fr", "Le ministre jordanien des Affaires étrangères a indiqué jeudi 24 novembre qu'il "
     "avait parlé. Il s'est entretenu avec son homologue iranien.", ("CONSULT",)),
    ("en", "Jordan's foreign minister said on Thursday he had been in Tehran. He met his "
     "Iranian counterpart there.", ("CONSULT",)),
])
def test_a_dated_statement_takes_the_act_the_next_sentence_tells(lang, body, types):
    (e,) = events(body, "2022-11-25", lang)
    assert e.types == types


@pytest.mark.parametrize("rule, words", [
    ('{cue: "rappel", types: [SANCTION], mode: recal}', "unknown mode 'recal'"),
    ('{cue: "rappel", types: [CONSULT], mode: recall}', "must state its type first"),
    ('{cue: "rappel", types: [SANCTION, ACCUSE]}', "a cue states one act"),
    ('{cue: "rappel", types: [SANCTON]}', "unknown type 'SANCTON'"),
    ('{cue: "rappel", type: [SANCTION]}', "unknown key 'type'"),
])
def test_a_bad_cue_rule_names_its_file_and_line(rule, words):
    from pipeline.classify import check_rule_text
    from pipeline.modes import ModesError
    text = f'fr:\n  - {{cue: "visite", types: [CONSULT], mode: visit}}\n  - {rule}\n'
    with pytest.raises(ModesError, match=rf"events\.yaml:3: .*{words}"):
        check_rule_text(text)
