"""Tense of the clause around a temporal expression.

In: the text, the span of the expression, the language's :class:`Vocabulary` (its tense
cues are regular expressions in the data file). Out: "past", "future" or None.

The clause is the sentence holding the expression; the cue nearest to the expression
decides, because a sentence often mixes a past reporting verb with a planned event
("a annoncé qu'il se rendra le 16 juillet").
"""

from __future__ import annotations

import re

from .vocabulary import Vocabulary

_SENTENCE_END = re.compile(r"[.!?;\n](?=\s|$)|\n")
MAX_REACH = 220
CUE_REACH = 80  # a verb further away than this usually belongs to another clause


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence around ``text[start:end]``."""
    lo = max(0, start - MAX_REACH)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    hi = min(len(text), end + MAX_REACH)
    m = _SENTENCE_END.search(text, end, hi)
    right = m.start() if m else hi
    return left, right


def clause_tense(text: str, start: int, end: int, vocab: Vocabulary) -> str | None:
    """"past", "future" or None (present, or no cue) for the clause of the span."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, int, str] | None = None
    for name, cue in vocab.tense_cues:
        for region_start, region_end in ((left, start), (end, right)):
            for m in cue.finditer(text, region_start, region_end):
                if m.start() < start:
                    dist = start - m.end()
                else:
                    dist = m.start() - end
                # a cue after the expression counts a bit less than one before it
                weight = dist + (15 if m.start() >= end else 0)
                rank = (weight, {"future": 0, "past": 1, "present": 2}[name], name)
                if weight > CUE_REACH:
                    continue
                if best is None or rank[:2] < best[:2]:
                    best = rank
    if best is None or best[2] == "present":
        return None
    return best[2]
