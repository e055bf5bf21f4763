"""The day reported words were said or written: quotations and embedded posts.

In: the text, the candidates, a span. Out: whether a span is quoted, and the day of the
embedded post holding it. "Today", "hier" in reported words count from the day they were
said or written, not from the article's: a quotation's day is the one the story has just
named by its weekday (``story.Story.quote_day``); an embedded post's is the date that
signs it ("— Emmanuel Macron (@EmmanuelMacron) September 23, 2021", the form news sites
give a quoted social-media post).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from .recognise import Candidate
from .tense import quote_around

# a post's signature before its date: a dash, the author, the account in brackets
_SIGNATURE = re.compile(r"[—–-][ \t]*[^\n()]{1,80}\(@\w{1,40}\)[ \t]*$")


def quoted(text: str, start: int, end: int) -> bool:
    """The span is inside a quotation of its paragraph (which may run over sentences)."""
    paragraph = _line(text, start, end)
    return quote_around(text, start, end, paragraph) != paragraph


class Posts:
    """The embedded posts of an article: (first offset, signature offset, day) each."""

    def __init__(self, text: str, cands: Sequence[Candidate],
                 day_of: Callable[[Candidate], dt.date | None]) -> None:
        self.spans: list[tuple[int, int, dt.date]] = []
        for c in cands:
            left, right = _line(text, c.start, c.end)
            if text[c.end:right].strip() or not _SIGNATURE.search(text, left, c.start):
                continue
            day = day_of(c)
            if day is not None:
                self.spans.append((left, c.start, day))
        self.starts = [s for s, _, _ in self.spans]

    def day(self, start: int) -> dt.date | None:
        """The day of the post holding offset ``start`` (before its signature), if any."""
        i = bisect_right(self.starts, start) - 1
        if i >= 0 and start < self.spans[i][1]:
            return self.spans[i][2]
        return None


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    right = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if right < 0 else right
