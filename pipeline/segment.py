"""Segment stage: an ``Article`` -> its ``Sentence`` records, paragraph by paragraph.

A paragraph is a line of text (news copy puts one paragraph per line; blank lines are
tolerated). Sentences end at ., ! or ? followed by a space and an upper-case letter or a
quote, except after abbreviations ("M.", "Sept.", "U.S.") and initials.
"""

from __future__ import annotations

import re

from .records import Article, Sentence

ABBREVIATIONS = frozenset("""
m mm mme mmes mlle dr pr me st ste mr mrs ms prof gen gén col lt sgt gov sen rep
jan janv feb fév févr mar apr avr jun jul juil aug sept sep oct nov dec déc
u.s u.n u.k e.u no nos vol p pp art av ap j.-c etc cf ex vs
""".split())
BOUNDARY = re.compile(r"([.!?…]+[»\"”’)]*)(\s+)(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9«\"“])")
LAST_WORD = re.compile(r"([\w.\-]+)$")


def split_sentences(text: str, offset: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) inside one paragraph starting at ``offset``."""
    spans, start = [], 0
    for m in BOUNDARY.finditer(text):
        before = text[start:m.start(1)]
        word = LAST_WORD.search(before)
        token = word.group(1).lower() if word else ""
        if m.group(1) == "." and (token in ABBREVIATIONS or len(token.rstrip(".")) == 1):
            continue  # "M. Lapid", "Sept. 11", "J. Kushner"
        end = m.end(1)
        if text[start:end].strip():
            spans.append((offset + start, offset + end))
        start = m.end(2)
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return spans


def segment(article: Article) -> tuple[Sentence, ...]:
    """Split the body into sentences; the title line of a plain-text file is paragraph 0."""
    sentences: list[Sentence] = []
    paragraph = 0
    pos = article.body_start
    for line in article.text[article.body_start:].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            for start, end in split_sentences(line[lead:], pos + lead):
                sentences.append(Sentence(article.path, start, end, article.text[start:end],
                                          paragraph))
            paragraph += 1
        pos += len(line) + 1
    return tuple(sentences)
