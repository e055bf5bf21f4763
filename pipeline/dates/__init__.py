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
"""

from __future__ import annotations

import re

from ..records import Article, Dct, Timex, granularity
from . import calendar as cal
from .dct import infer_dct
from .normalise import Context, resolve
from .recognise import recognise
from .tense import clause_tense
from .vocabulary import load

__all__ = ["annotate"]

_PARAGRAPH = re.compile(r"\n")


def annotate(article: Article) -> tuple[Dct, tuple[Timex, ...]]:
    """DCT and temporal expressions of ``article`` (never raises on odd input)."""
    text = article.text or ""
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
    narrative: tuple[int, int] | None = None  # (year, paragraph)
    last_end = start
    bi = 0
    for c in cands:
        while bi < len(breaks) and breaks[bi] < c.start:
            bi += 1
        paragraph = bi
        tense = clause_tense(text, c.start, c.end, vocab)
        ctx = Context(
            ref,
            precision,
            anchor,
            anchor_precision,
            narrative[0] if narrative and narrative[1] == paragraph else None,
            tense,
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
            if r.type == "DATE" and granularity(r.value) in ("day", "month", "year"):
                d, p = cal.parse_value(r.value)
                if d is not None:
                    anchor, anchor_precision = d, p
        if c.kind == "date" and c.g("y") and (c.g("m") or c.g("mn")) and anchor is not None:
            narrative = (anchor.year, paragraph)
    return dct, tuple(timexes)
