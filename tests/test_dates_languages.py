"""A language is a data file: a new one needs no code; unknown languages fall back to English."""

import textwrap

from pipeline.dates import vocabulary
from tests.test_dates_support import values

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
    assert values("de", "2020-10-19", "Talks resume next month.") == ["2020-11"]


def test_shipped_languages_load():
    for lang in vocabulary.available_languages():
        v = vocabulary.load(lang)
        assert v.regex is not None and v.months and v.weekdays
