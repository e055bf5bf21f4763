"""Records and helpers shared by the normalisers (``normalise`` and ``relative``).

In: candidates from ``recognise`` and a :class:`Context` (article date, previous date,
narrative year, tense). Out: :class:`Resolved` pieces and the small computations behind
them: reading numbers, months and years, choosing the year nearest the article date on
the side the tense points to, shifting a date by calendar units and formatting the result
at the precision the reference date supports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import calendar as cal
from .recognise import Candidate
from .vocabulary import Vocabulary, key

UNIT_LETTER = {
    "D": "D",
    "W": "W",
    "WE": "W",
    "M": "M",
    "Y": "Y",
    "Q": "M",
    "H": "M",
    "DE": "Y",
    "CE": "Y",
}
UNIT_FACTOR = {"Q": 3, "H": 6, "DE": 10, "CE": 100}


@dataclass
class Resolved:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchored: bool = True
    period: str | None = None


@dataclass
class Context:
    dct: dt.date | None
    dct_precision: str
    anchor: dt.date | None = None  # the previous foreground date ("l'année suivante")
    anchor_precision: str = "none"
    narrative_year: int | None = None  # latest explicit year in the paragraph, if not the DCT's
    tense: str | None = None
    day_anchor: dt.date | None = None  # the previous foreground day ("la veille")
    year_frame: bool = False  # the narrative year opens its sentence alone ("En 2001, ...")
    quarter: tuple[int, int] | None = None  # (year, n): the quarter the story reports on
    # the day the words holding the expression were said or written, when not the
    # article's (a quotation, an embedded post: see ``spoken``)
    words_day: dt.date | None = None
    # the Monday of a week ahead the story has named ("la semaine prochaine"): a weekday
    # told in the future after it falls in it ("effectuera la semaine prochaine ... une
    # visite, vendredi et samedi")
    week: dt.date | None = None
    # a month the story named earlier in the expression's sentence: "a year earlier" after it
    # is that month a year back ("rose in March from a year before": March of last year)
    month: dt.date | None = None

    def day_base(self) -> tuple[dt.date | None, str]:
        """Reference of a day counted from the story: the previous day, else the DCT."""
        if self.day_anchor is not None:
            return self.day_anchor, "day"
        return self.dct, self.dct_precision


def relative_year(c: Candidate, ctx: Context, vocab: Vocabulary) -> int | None:
    """The year a relative phrase names ("last year" in "June last year", "l'an dernier"):
    its relative word counted from the article's year ("ry" before what it dates, "ry_of"
    after it: "the fourth quarter of last year")."""
    phrase, dct = c.g("ry") or c.g("ry_of"), ctx.dct
    if not phrase or dct is None:
        return None
    offsets = [vocab.relative[w] for w in key(phrase).split() if w in vocab.relative]
    return dct.year + offsets[0] if offsets else None


def modifier(c: Candidate, vocab: Vocabulary) -> str | None:
    m = c.g("mod")
    return vocab.modifiers.get(key(m)) if m else None


def relative_offset(c: Candidate, vocab: Vocabulary) -> tuple[int | None, bool]:
    """Offset of the relative word (``rel``, or a ``pre`` such as "last").

    Also says whether it counts from the previous date (anaphoric) rather than the DCT."""
    for name in ("rel", "pre"):
        word = c.g(name)
        if not word:
            continue
        k = key(word)
        if k in vocab.relative:
            return vocab.relative[k], False
        if k in vocab.relative_anaphoric:
            return vocab.relative_anaphoric[k], True
        if name == "rel" and k.rstrip("s") in vocab.relative:
            return vocab.relative[k.rstrip("s")], False
    return None, False


def parse_year(text: str, ref: dt.date | None) -> int:
    """A four-digit year, or a two-digit one placed in the latest century not far past ``ref``."""
    digits = re.sub(r"[^0-9]", "", text)
    y = int(digits)
    if len(digits) <= 2:
        base = (ref.year if ref else 2000) + 10
        y = (
            max(c for c in (1900 + y, 2000 + y, 1800 + y) if c <= base)
            if 1800 + y <= base
            else 1900 + y
        )
    return y


def day_number(text: str, vocab: Vocabulary) -> int:
    m = re.match(r"[0-9]+", text)
    if m:
        return int(m.group(0))
    k = key(text)
    return vocab.day_words.get(k) or vocab.ordinals.get(k, 1)


def month_number(c: Candidate, vocab: Vocabulary) -> int | None:
    if c.g("mn"):
        return int(c.g("mn"))
    if c.g("m"):
        return vocab.months.get(key(c.g("m")))
    return None


def pick(cands: list[dt.date], target: dt.date, tense: str | None, penalty: int) -> dt.date:
    def cost(d: dt.date) -> int:
        delta = (d - target).days
        c = abs(delta)
        if tense == "past" and delta > 0:
            c += penalty
        if tense == "future" and delta < 0:
            c += penalty
        if tense is None and delta > 0:
            c += penalty // 5  # news mostly report what has happened
        return c

    return min(cands, key=cost)


def shift(base: dt.date, unit: str, k: int) -> tuple[str, dt.date]:
    """Value of the ``unit`` that is ``k`` units from ``base``.

    Units: "D", "W", "WE", "M", "Y", "Q", "H", "DE", "CE"."""
    if unit == "D":
        d = cal.add_days(base, k)
        return cal.day(d), d
    if unit in ("W", "WE"):
        d = cal.add_days(base, 7 * k)
        return cal.week(d) + ("-WE" if unit == "WE" else ""), d
    if unit == "M":
        y, m = cal.add_months(base.year, base.month, k)
        return cal.month(y, m), dt.date(y, m, 15)
    if unit == "Q":
        y, m = cal.add_months(base.year, base.month, 3 * k)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}", dt.date(y, m, 15)
    if unit == "H":
        y, m = cal.add_months(base.year, base.month, 6 * k)
        return f"{y:04d}-H{(m - 1) // 6 + 1}", dt.date(y, m, 15)
    if unit == "DE":
        y = base.year + 10 * k
        return f"{y:04d}"[:3], dt.date(y, 7, 1)
    if unit == "CE":
        y = base.year + 100 * k
        return f"{y:04d}"[:2], dt.date(y, 7, 1)
    y = base.year + k
    return f"{y:04d}", dt.date(y, 7, 1)


def coarsen(value: str, precision: str) -> str:
    """Cut a value to what the reference date really knows.

    "2022-11-24" computed from a month-only DCT becomes "2022-11"."""
    if precision == "month" and re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}$", value):
        return value[:7]
    if precision == "month" and "-W" in value:
        return value[:4]
    if precision == "year" and re.match(r"[0-9]{4}-", value):
        return value[:4]
    return value


UNIT_PRECISION = {"D": "day", "W": "day", "WE": "day", "M": "month", "Q": "month", "H": "month"}


def relative_value(
    base: dt.date | None, precision: str, unit: str, k: int
) -> tuple[str, bool] | None:
    if base is None:
        return None
    value, _ = shift(base, unit, k)
    need = UNIT_PRECISION.get(unit, "year")
    order = {"none": 0, "year": 1, "month": 2, "day": 3}
    if order[precision] < order[need]:
        return coarsen(value, precision), False
    return value, True


def unit_of(c: Candidate, vocab: Vocabulary) -> str | None:
    return vocab.units.get(key(c.g("u"))) if c.g("u") else None


def count_of(c: Candidate, vocab: Vocabulary) -> int | None:
    n = c.g("n")
    return vocab.number(n) if n else None


def duration_value(
    c: Candidate, ctx: Context, n: int | None, unit: str, direction: int
) -> list[Resolved]:
    letter = UNIT_LETTER.get(unit, "D")
    amount = None if n is None else n * UNIT_FACTOR.get(unit, 1)
    if unit == "WE":
        letter = "W"
    value = f"P{amount if amount is not None else 'X'}{letter}"
    period = None
    if direction and amount is not None and ctx.dct is not None and ctx.dct_precision != "none":
        fine = "day" if letter in ("D", "W") and ctx.dct_precision == "day" else "month"
        if ctx.dct_precision == "year":
            fine = "year"
        if letter == "D":
            other = cal.add_days(ctx.dct, direction * amount)
        elif letter == "W":
            other = cal.add_days(ctx.dct, direction * 7 * amount)
        else:
            months = amount * (12 if letter == "Y" else 1)
            yy, mm = cal.add_months(ctx.dct.year, ctx.dct.month, direction * months)
            other = cal.valid(yy, mm, min(ctx.dct.day, 28)) or dt.date(yy, mm, 1)

        def fmt(d: dt.date) -> str:
            return (
                cal.day(d)
                if fine == "day"
                else cal.month(d.year, d.month)
                if fine == "month"
                else f"{d.year:04d}"
            )

        lo, hi = (other, ctx.dct) if direction < 0 else (ctx.dct, other)
        period = f"{fmt(lo)}/{fmt(hi)}"
    return [Resolved(c.start, c.end, "DURATION", value, None, True, period)]
