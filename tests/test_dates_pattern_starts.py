"""The words a pattern may begin with: a start is tried only with the patterns its word
may open, and finds the match every pattern tried in order would."""

from __future__ import annotations

import pathlib
import re

import pytest

from pipeline.dates.pattern_starts import first_words
from pipeline.dates.recognise import _start_positions
from pipeline.dates.vocabulary import available_languages, load

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"
EXTRA = (" 3 mai 2021, le 1er janvier, May 3, 2021, the 1990s, Q3 2021, 12/03/2021,"
         " am 3. März 2021, im Januar, vor zwei Wochen, el 3 de mayo de 2021, en enero,"
         " hace dos días, au XXe siècle, début mars, mi-juin, the mid-1990s, aujourd'hui,"
         " d'ici 2030")


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"(?:le\s+)?(?P<d>\d+)\s+mai", {"le", "#"}),
        (r"\d+(?:er|e)?\s+jours?", {"#"}),
        (r"(?:the\s+)?(?:early|late)\s+(?:\d0s)", {"the", "early", "late"}),
        (r"Q(?P<q>[1-4])", {"q*"}),  # letters then a digit: any word beginning "q"
        (r"(?:début|fin)\s*mars", {"début", "fin", "début*", "fin*"}),  # "débutmars" too
        (r"[IVX]{1,2}e", {"ie", "ve", "xe", "iie", "ive", "ixe", "vie", "vve", "vxe", "xie",
                         "xve", "xxe"}),
        (r"(?P<x>au)(?P=x)", {"au*"}),  # a back-reference: what it begins
    ],
)
def test_first_words_of_a_pattern(pattern, words):
    assert first_words(pattern, re.IGNORECASE) == words


@pytest.mark.parametrize("pattern", [r"[a-z]+\s+2021", r".?mai", r"\w+"])
def test_no_first_words_where_the_first_letters_are_open(pattern):
    assert first_words(pattern, re.IGNORECASE) is None


def _text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.md"))) + EXTRA


def _first_match(vocab, text: str, pos: int, tried) -> tuple | None:
    for i in tried:
        m = vocab.patterns[i].match(text, pos)
        if m:
            return i, m.span()
    return None


@pytest.mark.parametrize("lang", available_languages())
def test_a_start_finds_the_match_of_every_pattern_tried_in_order(lang):
    vocab = load(lang)
    assert all(words is not None for words in vocab.first_words)  # every pattern is read
    text = _text()
    every = range(len(vocab.patterns))
    tried = dict(_start_positions(text, 0, len(text), vocab))
    starts = [m.start() for m in re.finditer(r"(?<!\w)\w", text)]
    assert len(tried) * 2 < len(starts)  # most word starts are not worth a try
    found = 0
    for pos in starts:
        expected = _first_match(vocab, text, pos, every)
        assert _first_match(vocab, text, pos, tried.get(pos, ())) == expected, text[pos:pos + 40]
        found += expected is not None
    assert found >= 3  # the text does hold dates of the language
