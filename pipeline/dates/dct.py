"""Infer the document creation time (DCT) of an article that has none in its metadata.

In: the article text and the candidates found in its body (see ``recognise``), the
language's :class:`Vocabulary`. Out: a TIMEX3 value string ("2022-11-24", "2022-11",
"2022") or None when the text holds no usable date.

Order of evidence: a weekday written with its day and month pins the year ("jeudi 24
novembre" → a year where 24 November is a Thursday, the first one from the latest
explicit year of the text on, or without one the last up to ``DEFAULT_LATEST``);
otherwise the latest explicit full date; otherwise the latest month with a year;
otherwise the latest year.
"""

from __future__ import annotations

import re

from . import calendar as cal
from .recognise import Candidate
from .vocabulary import Vocabulary, key

YEAR_RANGE = range(1990, 2036)
DEFAULT_LATEST = 2026


def _explicit_year(c: Candidate) -> int | None:
    y = c.g("y")
    if not y:
        return None
    digits = re.sub(r"[^0-9]", "", y)
    return int(digits) if len(digits) == 4 else None


def _month_of(c: Candidate, vocab: Vocabulary) -> int | None:
    if c.g("mn"):
        return int(c.g("mn"))
    return vocab.months.get(key(c.g("m"))) if c.g("m") else None


def _day_of(c: Candidate, vocab: Vocabulary) -> int | None:
    m = re.match(r"[0-9]+", c.g("d") or "")
    if m:
        return int(m.group(0))
    return vocab.ordinals.get(key(c.g("d"))) if c.g("d") else None


def _pick_year(fits: list[int], latest_year: int | None) -> int:
    """Of the years where a weekday falls on a day and month, the first from the latest
    explicit year on, or without one the last up to ``DEFAULT_LATEST``; else the nearest."""
    target = latest_year or DEFAULT_LATEST
    after = [y for y in fits if y >= target]
    past = [y for y in fits if y <= DEFAULT_LATEST]
    if latest_year and after:
        return min(after)
    if not latest_year and past:  # an article is not from the future: the last fit
        return max(past)
    return min(fits, key=lambda y: (abs(y - target), -y))


def _weekday_pinned(cands: list[Candidate], vocab: Vocabulary, latest_year: int | None) -> list:
    """The days a weekday written with its day and month, without a year, pins."""
    pinned = []
    for c in cands:
        if c.kind != "date" or not (c.g("wd") and c.g("d")) or c.g("y"):
            continue
        mo, d = _month_of(c, vocab), _day_of(c, vocab)
        wd = vocab.weekdays.get(key(c.g("wd")))
        if not mo or not d or wd is None:
            continue
        fits = [y for y in YEAR_RANGE if (x := cal.valid(y, mo, d)) and x.weekday() == wd]
        if fits:
            pinned.append(cal.valid(_pick_year(fits, latest_year), mo, d))
    return pinned


def _explicit_dates(cands: list[Candidate], vocab: Vocabulary) -> tuple[list, list]:
    """The full dates and the (year, month) pairs written with their year."""
    days, months = [], []
    for c in cands:
        y = _explicit_year(c)
        if c.kind != "date" or not y or y not in YEAR_RANGE:
            continue
        mo = _month_of(c, vocab)
        if mo and c.g("d"):
            d = cal.valid(y, mo, _day_of(c, vocab) or 1)
            if d:
                days.append(d)
        elif mo:
            months.append((y, mo))
    return days, months


def infer_dct(cands: list[Candidate], vocab: Vocabulary) -> str | None:
    years = [y for c in cands if (y := _explicit_year(c)) and y in YEAR_RANGE]
    latest_year = max(years) if years else None
    pinned = _weekday_pinned(cands, vocab, latest_year)
    if pinned:
        return cal.day(max(pinned))
    days, months = _explicit_dates(cands, vocab)
    if days:
        return cal.day(max(days))
    if months:
        y, mo = max(months)
        return cal.month(y, mo)
    if latest_year:
        return f"{latest_year:04d}"
    return None
