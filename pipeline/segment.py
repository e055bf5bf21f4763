"""Segment stage: an ``Article`` -> its ``Sentence`` records, paragraph by paragraph.

It runs first, and every later stage takes its sentence and clause boundaries from it:
the date stage looks sentences up by offset (``SentenceIndex``) for tense and sentence
openings, the event stage cuts them into clauses.

A paragraph is a line of text (news copy puts one paragraph per line; blank lines are
tolerated). Sentences end at ., ! or ? followed by a space and an upper-case letter or a
quote, except after abbreviations ("M.", "Sept.", "U.S.") and initials, and after a day
written as an ordinal before a month ("am 24. November", in German).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from .dates.vocabulary import key, load
from .records import Article, Sentence

ABBREVIATIONS = frozenset("""
m mm mme mmes mlle dr pr me st ste mr mrs ms prof gen gén col lt sgt gov sen rep
jan janv feb fév févr mar apr avr jun jul juil aug sept sep oct nov dec déc
u.s u.n u.k e.u no nos vol p pp art av ap j.-c etc cf ex vs
""".split())
BOUNDARY = re.compile(r"([.!?…]+[»\"”’)]*)(\s+)(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9«\"“])")
LAST_WORD = re.compile(r"([\w.\-]+)$")
WORD_REACH = 40  # longer than any abbreviation or initial that may hold a stop
NEXT_WORD = re.compile(r"\w+")
CLOCK = frozenset(("a.m", "p.m"))  # "9 a.m." ends a sentence only before a new one
ZONE = re.compile(r"[A-Z]{2,4}")  # a time zone after a clock time: "9 a.m. EST"


def split_sentences(text: str, offset: int, months=frozenset(),
                    weekdays=frozenset()) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) inside one paragraph starting at ``offset``;
    ``months``, ``weekdays``: the language's names (as ``dates.vocabulary.key`` spells
    them)."""
    spans, start = [], 0
    for m in BOUNDARY.finditer(text):
        # the word before the stop: a bounded look back, not a search of the whole sentence
        word = LAST_WORD.search(text, max(start, m.start(1) - WORD_REACH), m.start(1))
        token = word.group(1).lower() if word else ""
        initial = len(token.rstrip(".")) == 1 and not token[:1].isdigit()
        if m.group(1) == "." and (token in ABBREVIATIONS or initial):
            continue  # "M. Lapid", "Sept. 11", "J. Kushner"; not "effective Feb. 1. It"
        if m.group(1) == "." and token.isdigit() and len(token) <= 2 and months:
            word = NEXT_WORD.match(text, m.end())
            if word and key(word.group(0)) in months:
                continue  # "am 24. November 2022"
        if m.group(1) == "." and token in CLOCK:
            word = NEXT_WORD.match(text, m.end())
            if word and (ZONE.fullmatch(word.group(0)) or key(word.group(0)) in weekdays):
                continue  # "until 9 a.m. Tuesday", "9 a.m. EST"
        end = m.end(1)
        if text[start:end].strip():
            spans.append((offset + start, offset + end))
        start = m.end(2)
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return spans


@cache
def day_names(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's month and weekday names (as ``dates.vocabulary.key`` spells them)."""
    vocab = load(lang)
    return frozenset(vocab.months), frozenset(vocab.weekdays)


def segment(article: Article) -> tuple[Sentence, ...]:
    """Split the body into sentences; the title line of a plain-text file is paragraph 0."""
    sentences: list[Sentence] = []
    months, weekdays = day_names(article.lang) if article.lang else (frozenset(), frozenset())
    paragraph = 0
    pos = article.body_start
    for line in article.text[article.body_start:].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            for start, end in split_sentences(line[lead:], pos + lead, months,
                                              weekdays):
                sentences.append(Sentence(article.path, start, end, article.text[start:end],
                                          paragraph))
            paragraph += 1
        pos += len(line) + 1
    return tuple(sentences)


class SentenceIndex:
    """The sentences of one article looked up by offset: the date stage asks for the
    sentence (or the clause, up to a ``;``) around an expression, with the same sentence
    boundaries as every later stage."""

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self.text = text
        self.starts = [s.start for s in sentences]
        self.ends = [s.end for s in sentences]

    def around(self, start: int, end: int, stops: str = "") -> tuple[int, int]:
        """Start and end offsets of the sentence holding ``start``, narrowed to the part
        between the nearest ``stops`` characters on either side of ``start:end``; the
        span itself when no sentence holds it."""
        i = bisect_right(self.starts, start) - 1
        if i < 0 or self.ends[i] < start:
            return start, end
        left, right = self.starts[i], max(self.ends[i], end)
        for ch in stops:
            cut = self.text.rfind(ch, left, start)
            if cut >= 0:
                left = cut + 1
            cut = self.text.find(ch, end, right)
            if cut >= 0:
                right = cut
        return left, right
