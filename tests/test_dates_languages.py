"""A language is a data file: a new one needs no code. Without one, dateparser's locale data
makes the vocabulary; languages unknown to both fall back to English."""

import textwrap

import pytest

from pipeline.dates import vocabulary
from tests.test_dates_support import dates, run, values

SPANISH = textwrap.dedent(r"""
    lang: es
    months: {1: [enero], 3: [marzo], 11: [noviembre]}
    weekdays: {0: [lunes], 1: [martes], 3: [jueves]}
    day: "[12][0-9]|3[01]|0?[1-9]"
    deictic: {ayer: [D, -1], hoy: [D, 0]}
    year_prefixes: [en, desde]
    tense:
      past: ['\b(?:fue|firmó|dijo)\b']
    patterns:
      - kind: date
        re: >-
          (?:el\s+)?(?:(?P<wd>{WEEKDAY})\s+)?(?P<d>{DAY})\s+de\s+(?P<m>{MONTH})
          (?:\s+de\s+(?P<y>{YEAR}))?
      - {kind: deictic, re: '(?P<deic>{DEICTIC})'}
      - {kind: weekday, re: '(?P<wd>{WEEKDAY})'}
      - {kind: year, re: '(?P<pre>{YEARPRE})\s+(?P<y>{YEAR})'}
""")


def test_new_language_from_data_only(tmp_path, monkeypatch):
    (tmp_path / "es.yaml").write_text(SPANISH, encoding="utf-8")
    monkeypatch.setattr(vocabulary, "DATA_DIR", tmp_path)
    vocabulary.load.cache_clear()
    try:
        got = values(
            "es", "2022-11-24", "El 24 de noviembre de 2021 firmó. Ayer dijo algo. En 2020 fue."
        )
        assert got == ["2021-11-24", "2022-11-23", "2020"]
    finally:
        vocabulary.load.cache_clear()


def test_unknown_language_falls_back_to_english():
    assert values("xx", "2020-10-19", "Talks resume next month.") == ["2020-11"]


@pytest.mark.parametrize("lang, text, want", [
    # (Spanish and German have a data file written on top of the same base)
    ("es", "El jueves 24 de noviembre de 2022 se reunió con él. Ayer firmó. Hace 3 años, "
           "en 2019, el año pasado, el 3/2/2021, diciembre de 2020.",
     [("jueves 24 de noviembre de 2022", "2022-11-24"), ("Ayer", "2022-11-24"),
      ("Hace 3 años", "2019"), ("2019", "2019"), ("el año pasado", "2021"),
      ("3/2/2021", "2021-02-03"), ("diciembre de 2020", "2020-12")]),
    ("de", "Am Donnerstag, dem 24. November 2022 traf er ihn. Gestern sagte er. Vor 2 Jahren, "
           "letztes Jahr, am 24.11.2022, im Dezember 2020.",
     [("Donnerstag, dem 24. November 2022", "2022-11-24"), ("Gestern", "2022-11-24"),
      ("Vor 2 Jahren", "2020"), ("letztes Jahr", "2021"), ("24.11.2022", "2022-11-24"),
      ("Dezember 2020", "2020-12")]),
    ("it", "Giovedì 24 novembre 2022 ha incontrato. Ieri ha detto. 3 anni fa, dicembre 2020.",
     [("Giovedì 24 novembre 2022", "2022-11-24"), ("Ieri", "2022-11-24"), ("3 anni fa", "2019"),
      ("dicembre 2020", "2020-12")]),
    ("pt", "Na quinta-feira, 24 de novembro de 2022, reuniu-se. Ontem disse. Em 2019.",
     [("quinta-feira, 24 de novembro de 2022", "2022-11-24"), ("Ontem", "2022-11-24"),
      ("2019", "2019")]),
    ("ru", "В четверг, 24 ноября 2022 года, он встретился. Вчера он сказал. 3 года назад.",
     [("четверг, 24 ноября 2022", "2022-11-24"), ("Вчера", "2022-11-24"),
      ("3 года назад", "2019")]),
])
def test_language_without_data_file_takes_dateparser_locale_data(lang, text, want):
    assert dates(lang, "2022-11-25", text) == want


@pytest.mark.parametrize("lang, text, want", [
    ("es", "A finales de 2020 firmaron. A mediados de noviembre de 2021 se reunió. La frontera "
           "está cerrada desde 1994. En el verano de 2021 viajó.",
     [("A finales de 2020", "2020", "END"), ("A mediados de noviembre de 2021", "2021-11", "MID"),
      ("1994", "1994", None), ("verano de 2021", "2021-SU", None)]),
    ("es", "En marzo se reunió con él. En marzo se reunirá con él.",
     [("marzo", "2022-03", None), ("marzo", "2023-03", None)]),
    ("de", "Ende 2020 unterzeichneten sie. Mitte November 2021 traf er ihn. Die Grenze ist "
           "seit 1994 geschlossen. Im Sommer 2021 reiste er.",
     [("Ende 2020", "2020", "END"), ("Mitte November 2021", "2021-11", "MID"),
      ("1994", "1994", None), ("Sommer 2021", "2021-SU", None)]),
    ("de", "Im März hat er ihn getroffen. Im März wird er ihn treffen.",
     [("März", "2022-03", None), ("März", "2023-03", None)]),
])
def test_a_data_file_on_top_of_dateparsers_adds_modifiers_seasons_bounds_and_tense(
        lang, text, want):
    _, timexes = run(lang, "2022-11-25", text)
    assert [(t.text, t.value, t.mod) for t in timexes] == want


def test_locale_vocabulary_leaves_out_words_that_are_not_only_dates():
    # "mañana" and "Morgen" are also "morning"; "Do" and "Mi" are also words
    assert dates("es", "2022-11-25", "Llegó por la mañana y se fue a Do Mi.") == []
    assert dates("de", "2022-11-25", "Am Morgen kam er an.") == []


def test_shipped_languages_load():
    for lang in vocabulary.available_languages():
        v = vocabulary.load(lang)
        assert v.patterns and v.months and v.weekdays


def test_every_language_dateparser_knows_gets_a_working_vocabulary():
    from dateparser.languages.loader import default_loader

    from pipeline.dates import locales

    codes = sorted({name.split("-")[0] for name in default_loader.get_locale_map()})
    named = 0
    for code in codes:
        v = vocabulary.load(code)
        assert v.lang == code and v.patterns, code
        january = locales._words(locales.locale_info(code).get("january", ()))
        if january:  # (Chinese, Japanese, Korean write "1月": too short to be a name here)
            named += 1
            assert dates(code, "2022-11-25", f"x {january[0]} 2020 x") == [
                (f"{january[0]} 2020", "2020-01")], code
    assert named > 150


@pytest.mark.parametrize(("change", "match"), [
    (lambda d: {**d, "months_needing_context": []}, r"unknown key 'months_needing_context'"),
    (lambda d: {**d, "tense": {**d["tense"], "futur": []}}, r"tense cues: unknown key 'futur'"),
    (lambda d: {**d, "patterns": d["patterns"] + [{"kind": "date", "regex": "x"}]},
     r"pattern: unknown key 'regex'"),
    (lambda d: {**d, "holidays_capitalised": ["thanksgivin"]},
     r"holidays_capitalised: 'thanksgivin' is no holiday"),
])
def test_an_unknown_key_in_a_date_vocabulary_names_the_file_and_line(monkeypatch, change, match):
    real = vocabulary.read_yaml
    monkeypatch.setattr(vocabulary, "read_yaml", lambda path: change(real(path)))
    vocabulary.load.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"pipeline/data/dates/en\.yaml:\d+: .*" + match):
            vocabulary.load("en")
    finally:
        vocabulary.load.cache_clear()
