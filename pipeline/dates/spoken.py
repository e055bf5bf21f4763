"""The day reported words were said or written: quotations and embedded posts.

In: the text, the candidates, a span. Out: whether a span is quoted, and the day of the
embedded post holding it. "Today", "hier" in reported words count from the day they were
said or written, not from the article's: a quotation's day is the one the story has just
named by its weekday (``story.Story.quote_day``); an embedded post's is the date that
signs it ("— Emmanuel Macron (@EmmanuelMacron) September 23, 2021", the form news sites
give a quoted social-media post); a story's own is its dateline's, when that is a day or
so before the article's date (``filed_day``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from .recognise import Candidate, recognise
from .tense import quote_around
from .vocabulary import Vocabulary, load

# a post's signature before its date: a dash, the author, the account in brackets
_SIGNER = r"[—–-][ \t]*[^\n()]{1,80}\(@\w{1,40}\)[ \t]*"
_SIGNATURE = re.compile(_SIGNER + "$")
# the same, with what follows it on its line
_SIGNED = re.compile(_SIGNER + r"([^\n]{4,40}?)[ \t]*$", re.MULTILINE)
POSTS_LANG = "en"  # the language embedded posts are dated in, whatever the page's


def foreign_signatures(text: str, start: int, cands: Sequence[Candidate],
                       vocab: Vocabulary) -> list[Candidate]:
    """The dates of post signatures the article's own words do not read: an embedded post
    is dated in English on a page of any language ("— Maroc Diplomatie (@MarocDiplomatie)
    April 14, 2025" in a French article); read with ``load(POSTS_LANG)``."""
    if vocab.lang == POSTS_LANG or "(@" not in text:
        return []
    found = []
    for m in _SIGNED.finditer(text, start):
        if not any(m.start(1) <= c.start < m.end(1) for c in cands):
            found.extend(c for c in recognise(text, m.start(1), m.end(1), load(POSTS_LANG))
                         if c.kind == "date" and (c.start, c.end) == m.span(1))
    return found


# a dateline opening the body: a place and a comma before its date ("New Delhi, March 22",
# "WASHINGTON, March 12 (Xinhua) --"), then the line's end, an agency or a dash
_DATELINE_PLACE = re.compile(r"[ \t]*[A-ZÀ-Ý][^\n,;.!?]{0,40},[ \t]*")
_DATELINE_END = re.compile(r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(?:[-–—:]|\n|$)")
FILED_BEFORE = 3  # days: a paper printed the morning after, a weekend edition


def filed_day(text: str, body_start: int, cands: Sequence[Candidate],
              day_of: Callable[[Candidate], dt.date | None],
              article_day: dt.date | None) -> dt.date | None:
    """The day a dateline opening the body says the story was written, when it is one to
    ``FILED_BEFORE`` days before the article's date: the story's "today" is that day
    ("New Delhi, March 22 — President Clinton today ...", printed on the 23rd)."""
    if not cands or article_day is None:
        return None
    c = cands[0]
    left = text.rfind("\n", 0, c.start) + 1
    if (text[body_start:left].strip() or not _DATELINE_PLACE.fullmatch(text, left, c.start)
            or not _DATELINE_END.match(text, c.end)):
        return None
    day = day_of(c)
    if day is None or not 1 <= (article_day - day).days <= FILED_BEFORE:
        return None
    return day


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
