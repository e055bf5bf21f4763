"""What a pattern may begin with (first characters, first words): it skips patterns and
word starts, never a match."""

from __future__ import annotations

import pathlib
import re

import pytest

from pipeline.dates.pattern_starts import first_words, guard
from pipeline.dates.recognise import _start_positions
from pipeline.dates.vocabulary import available_languages, load

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    ("pattern", "starts", "not_starts"),
    [
        (r"(?:le\s+)?(?P<d>\d+)\s+mai", ["le 3 mai", "12 mai", "LE 3 mai"], ["mai", "au 3 mai"]),
        (r"(?:a|b)?c", ["ac", "bc", "c"], ["d"]),
        (r"\bfoo", ["foo"], ["bar"]),
        (r"(?P<x>a)(?P=x)", ["aa"], ["ba"]),
        (r"é|à", ["é", "À"], ["e"]),
        (r"\.5|-3", [".5", "-3"], ["5"]),
        (r"[0-2]\d", ["12"], ["31"]),
    ],
)
def test_a_guard_admits_every_start_and_refuses_others(pattern, starts, not_starts):
    guarded = re.compile(guard(pattern, re.IGNORECASE) + f"(?:{pattern})", re.IGNORECASE)
    plain = re.compile(pattern, re.IGNORECASE)
    for text in starts + not_starts:
        assert bool(guarded.match(text)) == bool(plain.match(text)), text
    assert guard(pattern, re.IGNORECASE)  # the pattern was read: it has a guard


@pytest.mark.parametrize("pattern", [r"x?", r"[^a]b", r".b", r"(?:a|)b?", r"(a)?(?(1)b|c)"])
def test_no_guard_where_any_character_or_nothing_may_start(pattern):
    assert guard(pattern) == ""


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


def _unguarded(regex: re.Pattern) -> re.Pattern:
    return re.compile(re.sub(r"\(\?=\[[^]]*\]\)(?=\(\?P<p\d+>)", "", regex.pattern), regex.flags)


@pytest.mark.parametrize("lang", available_languages())
def test_the_guards_leave_every_match_of_a_language_unchanged(lang):
    vocab = load(lang)
    plain = _unguarded(vocab.regex)
    assert plain.pattern != vocab.regex.pattern  # the patterns do carry guards
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.md")))
    text += (" 3 mai 2021, le 1er janvier, May 3, 2021, the 1990s, Q3, 12/03/2021, am 3. März"
             " 2021, im Januar, vor zwei Wochen, el 3 de mayo de 2021, en enero, hace dos días")
    starts = [m.start() for m in re.finditer(r"(?<!\w)\w", text)]
    assert len(starts) > 1000
    found = 0
    for pos in starts:
        a, b = vocab.regex.match(text, pos), plain.match(text, pos)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), pos
        found += a is not None
    assert found >= 3  # the text does hold dates of the language


@pytest.mark.parametrize("lang", available_languages())
def test_every_match_begins_at_a_word_start_that_is_tried(lang):
    vocab = load(lang)
    assert vocab.openers is not None  # the language's patterns are read
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.md")))
    text += (" 3 mai 2021, le 1er janvier, May 3, 2021, the 1990s, Q3 2021, 12/03/2021,"
             " am 3. März 2021, im Januar, vor zwei Wochen, el 3 de mayo de 2021, en enero,"
             " au XXe siècle, début mars, mi-juin, the mid-1990s, aujourd'hui, d'ici 2030")
    tried = set(_start_positions(text, 0, len(text), vocab))
    everywhere = [m.start() for m in re.finditer(r"(?<!\w)\w", text)]
    skipped = [p for p in everywhere if p not in tried]
    assert len(skipped) > len(tried)  # most word starts are not worth a try
    for pos in skipped:
        assert vocab.regex.match(text, pos) is None, text[pos:pos + 40]
