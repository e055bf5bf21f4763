"""Temporal stage: find and normalise the dates of an article.

In: an :class:`~pipeline.records.Article` and its sentences. Out: ``(Dct, tuple[Timex,
...])`` — the article's document creation time (from its metadata, or inferred from the
text with source "inferred") and its temporal expressions as ISO-TimeML TIMEX3 records,
sorted by start offset, non-overlapping, with absolute offsets into ``article.text`` so
that ``article.text[t.start:t.end] == t.text``. Only the body is tagged, never front
matter.

Steps, one module each: ``recognise`` (candidates, with the language's data and compiled
regex from ``vocabulary``), ``tense`` (the tense a candidate is read in), ``story`` (the
story's reference time, moved on by each date), ``normalise`` (written dates) and
``relative`` (dates counted from the article or the story) with their shared ``values``;
``dct`` infers the article date, ``calendar`` does date arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from .. import segment as segmentation
from ..records import Article, Dct, Sentence, Timex
from . import calendar as cal
from . import spoken
from .dct import infer_dct
from .normalise import resolve
from .recognise import Candidate, recognise
from .story import Story
from .tense import CUE_REACH, coordinated, cue_in, tense_of
from .values import Context, Resolved
from .vocabulary import load

__all__ = ["annotate"]

_PARAGRAPH = re.compile(r"\n")


def annotate(article: Article, sentences: Sequence[Sentence] | None = None,
             ) -> tuple[Dct, tuple[Timex, ...]]:
    """DCT and temporal expressions of ``article`` (never raises on odd input);
    ``sentences``: the article's, as ``pipeline.segment.segment`` finds them (found here
    when not given)."""
    text = article.text or ""
    if sentences is None:
        sentences = segmentation.segment(article)
    index = segmentation.SentenceIndex(text, sentences)
    vocab = load(re.split(r"[-_]", (article.lang or "").lower())[0])
    start = min(max(article.body_start, 0), len(text))
    cands = recognise(text, start, len(text), vocab)
    if article.dct is not None and article.dct.value:
        dct = article.dct
    else:
        dct = Dct(infer_dct(cands, vocab) or "XXXX", "inferred")
    foreign = spoken.foreign_signatures(text, start, cands, vocab)
    if foreign:
        cands = sorted(cands + foreign, key=lambda c: c.start)
    posts_vocab = load(spoken.POSTS_LANG) if foreign else vocab
    foreign_ids = {id(c) for c in foreign}

    def vocab_of(c: Candidate):
        return posts_vocab if id(c) in foreign_ids else vocab
    story = Story(index, vocab, *cal.parse_value(dct.value))
    signed = Context(story.ref, story.precision)  # a date written in full needs no story

    def day_of(c: Candidate) -> dt.date | None:
        return _day(c, text, signed, vocab_of(c))
    posts = spoken.Posts(text, cands, day_of)
    article_day = story.ref if story.precision == "day" else None
    filed = spoken.filed_day(text, start, cands, day_of, article_day)
    breaks = [m.start() for m in _PARAGRAPH.finditer(text, start)]
    timexes: list[Timex] = []
    last_end = start
    last_future: int | None = None  # where the last expression ends, if read in a future
    read_ahead: int | None = None  # where the last expression read in a future ends
    prev: tuple[Candidate, Resolved] | None = None  # the last expression and its value
    for c in cands:
        paragraph = bisect_left(breaks, c.start)
        tense = tense_of(text, c.start, c.end, _lead(c), index, vocab_of(c),
                         c.kind == "weekday")
        if tense is None and (
                last_future is not None and coordinated(text, last_future, c.start, vocab)
                or c.kind == "weekday" and read_ahead is not None
                and index.around(c.start, c.start)[0] <= read_ahead
                and not cue_in(text, max(read_ahead, c.start - CUE_REACH), c.start,
                               vocab_of(c))):
            # "entre la fin janvier et le début du mois de février"; a program of days
            # ("se rendra ... avec une visite mercredi ...; ... une intervention vendredi")
            tense = "future"
        last_future = c.end if tense == "future" else None
        read_ahead = c.end if tense == "future" else read_ahead
        reported, words_day = False, None
        if c.kind == "deictic":  # "today" said or written on another day than the article's
            words_day = posts.day(c.start)
            reported = words_day is not None or spoken.quoted(text, c.start, c.end)
            words_day = words_day or (story.quote_day() if reported else None) or filed
        for r in resolve(c, text, story.context(c, paragraph, tense, words_day), vocab_of(c)):
            if r.start < last_end or r.end <= r.start:
                continue
            r = story.same_day(c, _range_end(r, c, prev, text, vocab))
            timexes.append(Timex(path=article.path, start=r.start, end=r.end,
                                 text=text[r.start:r.end], type=r.type, value=r.value,
                                 mod=r.mod, anchored=r.anchored, period=r.period, tense=tense))
            last_end = r.end
            if not reported:  # the speaker's day, not a step of the story
                story.advance(c, r, paragraph, tense)
            if r.value == dct.value:  # "à partir de ce lundi et jusqu'à mercredi": ahead
                last_future = c.end
            prev = (c, r)
    return dct, tuple(timexes)


def _range_end(r: Resolved, c: Candidate, prev: tuple[Candidate, Resolved] | None,
               text: str, vocab) -> Resolved:
    """The last weekday of a range of days falls in the week after its first ("between
    Wednesday and Saturday", "du samedi au mardi"), whatever its tense made of it alone."""
    if prev is None or c.kind != "weekday" or prev[0].kind != "weekday" \
            or vocab.range_regex is None or vocab.coordination_regex is None:
        return r
    first, _ = cal.parse_value(prev[1].value)
    day, precision = cal.parse_value(r.value)
    if first is None or day is None or precision != "day" or 0 < (day - first).days < 7:
        return r
    if not (vocab.coordination_regex.fullmatch(text, prev[0].end, c.start)
            and vocab.range_regex.search(text, max(0, prev[0].start - 24), prev[0].start)):
        return r
    day = first + dt.timedelta(days=(day.weekday() - first.weekday()) % 7 or 7)
    return replace(r, value=cal.day(day))


def _day(c: Candidate, text: str, ctx: Context, vocab) -> dt.date | None:
    """The day a date written in full names (a post's signature), else None."""
    if c.kind != "date":
        return None
    for r in resolve(c, text, ctx, vocab):
        day, precision = cal.parse_value(r.value)
        return day if precision == "day" else None
    return None


def _lead(c: Candidate) -> int:
    """Where the words before the expression end: after its preposition, if it has one."""
    return c.groups["pre"][2] if "pre" in c.groups else c.start
