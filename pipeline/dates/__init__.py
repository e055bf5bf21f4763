"""Temporal stage: find and normalise the dates of an article.

In: an :class:`~pipeline.records.Article`. Out: ``(Dct, tuple[Timex, ...])`` — the
article's document creation time (from its metadata, or inferred from the text with
source "inferred") and its temporal expressions as ISO-TimeML TIMEX3 records, sorted by
start offset, non-overlapping, with absolute offsets into ``article.text`` so that
``article.text[t.start:t.end] == t.text``. Only the body is tagged, never front matter.

Modules: ``vocabulary`` (per-language data and the compiled regex), ``recognise``
(candidates), ``tense`` (clause tense), ``normalise`` (written dates) and ``relative``
(dates counted from the article or the previous date) with their shared ``values``,
``dct`` (inference of the article date), ``calendar`` (date arithmetic).

The story's anchors, updated after each date: the previous day ("la veille", "two days
later" count from it, else from the DCT), the previous date of any precision ("l'année
suivante") and the paragraph's year (a partial date takes it only when the article's own
year contradicts the tense, or when the year opens the sentence: "En 2001, ... le 3 mars").
Dates after "depuis", "since", "jusqu'en" are bounds, not steps of the story: they anchor
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import segment as segmentation
from ..records import Article, Dct, Sentence, Timex, granularity
from . import calendar as cal
from .dct import infer_dct
from .normalise import Context, resolve
from .recognise import recognise
from .tense import CLAUSE_STOPS, clause_tense, in_dateline, set_as_deadline
from .vocabulary import key, load

__all__ = ["annotate"]

_PARAGRAPH = re.compile(r"\n")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


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
    ref, precision = cal.parse_value(dct.value)

    breaks = [m.start() for m in _PARAGRAPH.finditer(text, start)]
    timexes: list[Timex] = []
    anchor, anchor_precision = None, "none"
    day_anchor = None
    quarter: tuple[int, int] | None = None  # the quarter the story reports on
    narrative: tuple[int, int, bool] | None = None  # (year, paragraph, year-only frame)
    apposed: tuple[int, int] | None = None  # (year, end) of "il y a un an", "last year"
    last_end = start
    bi = 0
    for c in cands:
        while bi < len(breaks) and breaks[bi] < c.start:
            bi += 1
        paragraph = bi
        tense = clause_tense(text, c.start, c.end, index.around(c.start, c.end, CLAUSE_STOPS),
                             vocab)
        lead = c.groups["pre"][2] if "pre" in c.groups else c.start
        if tense == "past" and set_as_deadline(text, lead, vocab):
            tense = None
        elif in_dateline(text, c.start, c.end):
            tense = "past"
        story = narrative if narrative and narrative[1] == paragraph else None
        between = text[apposed[1]:c.start].strip(" ,") if apposed else None
        if between is not None and len(between) <= 3 and (between.isalpha() or not between):
            story = (apposed[0], paragraph, True)  # "Il y a un an, le 24 novembre, ..."
        apposed = None
        ctx = Context(
            ref,
            precision,
            anchor,
            anchor_precision,
            story[0] if story else None,
            tense,
            day_anchor,
            bool(story and story[2]),
            quarter,
        )
        for r in resolve(c, text, ctx, vocab):
            if r.start < last_end or r.end <= r.start:
                continue
            timexes.append(
                Timex(
                    path=article.path,
                    start=r.start,
                    end=r.end,
                    text=text[r.start : r.end],
                    type=r.type,
                    value=r.value,
                    mod=r.mod,
                    anchored=r.anchored,
                    period=r.period,
                    tense=tense,
                )
            )
            last_end = r.end
            if r.type != "DATE" or _background(text, r.start, vocab):
                continue
            if c.kind in ("date", "relunit") and _QUARTER.match(r.value):  # a quarter named
                quarter = (int(r.value[:4]), int(r.value[-1]))
            d, p = cal.parse_value(r.value)
            if d is None or _flashback(c.kind, d, day_anchor or anchor or ref):
                continue
            if p == "year" and c.kind in ("ago", "relunit", "deictic"):
                apposed = (d.year, r.end)
            if p == "day":
                day_anchor = d
            if granularity(r.value) in ("day", "month", "year"):
                anchor, anchor_precision = d, p
            # the year a date spells or takes from the story: "le 22 décembre suivant"
            from_story = c.g("same") or c.g("rel") and key(c.g("rel")) in vocab.relative_anaphoric
            if (c.g("y") or from_story) and (c.g("m") or c.g("mn")):
                narrative = (d.year, paragraph, False)
            elif c.g("y") and p == "year" and not r.mod and _opens_sentence(index, r.start, vocab):
                narrative = (d.year, paragraph, True)
            elif from_story and p == "year" and not r.mod and _starts_sentence(index, r.start):
                narrative = (d.year, paragraph, True)  # "L'année suivante, ... en juillet"
    return dct, tuple(timexes)


def _flashback(kind: str, d, base) -> bool:
    """A date counted back from the story's ("two days earlier", "la veille", "a year
    earlier"): a look back, after which the story goes on from where it was ("three days
    later" counts from the date before the look back, "a year earlier" twice is one year);
    ``base``: the story's date, else the article's."""
    return kind in ("later", "anaphor") and base is not None and d < base


def _background(text: str, start: int, vocab) -> bool:
    """A date after "depuis", "since", "jusqu'en": a bound, not a step of the story."""
    rx = vocab.background_regex
    return bool(rx and rx.search(text, max(0, start - 24), start))


def _starts_sentence(index: segmentation.SentenceIndex, start: int) -> bool:
    """Nothing but spaces, quotes or list marks before ``start`` in its sentence."""
    left, _ = index.around(start, start)
    return not index.text[left:start].strip(" \t\n«\"'“-—–*_#>")


def _opens_sentence(index: segmentation.SentenceIndex, start: int, vocab) -> bool:
    """A year that opens its sentence after a frame word alone: "En 2001, ..."."""
    rx = vocab.frame_regex
    if rx is None:
        return False
    left, _ = index.around(start, start)
    m = rx.search(index.text, left, start)
    return bool(m and _starts_sentence(index, m.start()))
