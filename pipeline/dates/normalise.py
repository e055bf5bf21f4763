"""Turn recognised candidates into ISO-TimeML TIMEX3 values.

In: a :class:`~pipeline.dates.recognise.Candidate`, the article text, a :class:`Context`
(the article date, the previous date mentioned, the latest explicit year of the
paragraph, the clause tense) and the language's :class:`Vocabulary`.
Out: a list of :class:`Resolved` pieces (one per date: a list of days such as "les 27 et
28 mars" gives two), each with its span, TIMEX3 type, value and mod.

Named groups a data-file pattern may set, and what they mean here:
``y``/``y2`` year (4 or 2 digits), ``mn`` numeric month, ``m`` month word, ``d`` day,
``dl``/``dl2`` other days of a list before/after ``d``, ``wd`` weekday, ``mod`` modifier
phrase, ``rel`` relative word ("dernier", "next"), ``pre`` a preposition kept out of the
span, ``u`` unit word, ``n`` number, ``q``/``qn`` quarter or half ordinal, ``season``,
``dec`` decade, ``cent`` century, ``hol`` holiday, ``deic`` deictic phrase ("hier"),
``ana`` anaphoric phrase ("la veille"), ``later`` direction of an anaphoric shift,
``ref`` PRESENT_REF-like word, ``part`` part of day (turns the date into a TIME).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import calendar as cal
from .recognise import Candidate
from .vocabulary import Vocabulary, key

UNIT_LETTER = {"D": "D", "W": "W", "WE": "W", "M": "M", "Y": "Y", "Q": "M", "H": "M", "DE": "Y", "CE": "Y"}
UNIT_FACTOR = {"Q": 3, "H": 6, "DE": 10, "CE": 100}
PART_OF_DAY = {"matin": "MO", "morning": "MO", "soir": "EV", "evening": "EV", "apres-midi": "AF",
               "afternoon": "AF", "night": "NI", "nuit": "NI"}


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
    anchor: dt.date | None = None  # the previous date mentioned (for "la veille")
    anchor_precision: str = "none"
    narrative_year: int | None = None  # latest explicit year in the paragraph, if not the DCT's
    tense: str | None = None


def resolve(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    """TIMEX3 pieces for one candidate; an empty list when it cannot be normalised."""
    handler = _HANDLERS.get(c.kind)
    if handler is None:
        return []
    try:
        return handler(c, text, ctx, vocab)
    except (ValueError, KeyError, OverflowError, TypeError):
        return []


def _mod(c: Candidate, vocab: Vocabulary) -> str | None:
    m = c.g("mod")
    return vocab.modifiers.get(key(m)) if m else None


def _rel(c: Candidate, vocab: Vocabulary) -> tuple[int | None, bool]:
    """Offset of the relative word (``rel``, or a ``pre`` such as "last"), and whether it is anaphoric."""
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


def _year(text: str, ref: dt.date | None) -> int:
    """A four-digit year, or a two-digit one placed in the latest century not far past ``ref``."""
    digits = re.sub(r"[^0-9]", "", text)
    y = int(digits)
    if len(digits) <= 2:
        base = (ref.year if ref else 2000) + 10
        y = max(c for c in (1900 + y, 2000 + y, 1800 + y) if c <= base) if 1800 + y <= base else 1900 + y
    return y


def _day_num(text: str, vocab: Vocabulary) -> int:
    m = re.match(r"[0-9]+", text)
    if m:
        return int(m.group(0))
    return vocab.ordinals.get(key(text), 1)


def _month_num(c: Candidate, vocab: Vocabulary) -> int | None:
    if c.g("mn"):
        return int(c.g("mn"))
    if c.g("m"):
        return vocab.months.get(key(c.g("m")))
    return None


def _reference(ctx: Context) -> dt.date | None:
    if ctx.narrative_year and ctx.dct:
        return dt.date(ctx.narrative_year, 7, 1)
    return ctx.dct


def _pick(cands: list[dt.date], target: dt.date, tense: str | None, penalty: int) -> dt.date:
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


def _infer_day_year(mo: int, d: int, ctx: Context, rel: int | None, wd: int | None) -> tuple[dt.date | None, bool]:
    """Year of a day-month without year, from the weekday, relative word, narrative year or tense."""
    dct = ctx.dct
    if dct is None:
        return None, False
    if wd is not None:
        for y in sorted(range(dct.year - 2, dct.year + 3), key=lambda y: abs(y - dct.year)):
            dd = cal.valid(y, mo, d)
            if dd and dd.weekday() == wd and abs((dd - dct).days) < 400:
                return dd, True
    if rel is not None and rel != 0:
        opts = [x for x in (cal.valid(y, mo, d) for y in range(dct.year - 1, dct.year + 2)) if x]
        if rel < 0:
            before = [x for x in opts if x < dct]
            if before:
                return max(before), True
        else:
            after = [x for x in opts if x > dct]
            if after:
                return min(after), True
    if ctx.narrative_year and ctx.narrative_year != dct.year:
        target = ctx.anchor if ctx.anchor and ctx.anchor.year == ctx.narrative_year else dt.date(ctx.narrative_year, 7, 1)
        opts = [x for x in (cal.valid(y, mo, d) for y in range(target.year - 1, target.year + 2)) if x]
        return (_pick(opts, target, None, 0) if opts else None), True
    opts = [x for x in (cal.valid(y, mo, d) for y in range(dct.year - 1, dct.year + 2)) if x]
    if not opts:
        return None, False
    return _pick(opts, dct, ctx.tense, 365), ctx.dct_precision == "day"


def _infer_month_year(mo: int, ctx: Context, rel: int | None) -> int | None:
    dct = ctx.dct
    if dct is None:
        return None
    if rel is not None and rel < 0:
        return dct.year if mo < dct.month else dct.year - 1
    if rel is not None and rel > 0:
        return dct.year if mo > dct.month else dct.year + 1
    if ctx.narrative_year and ctx.narrative_year != dct.year:
        return ctx.narrative_year
    opts = [dt.date(y, mo, 15) for y in (dct.year - 1, dct.year, dct.year + 1)]
    target = dt.date(dct.year, dct.month, 15)
    return _pick(opts, target, ctx.tense, 200).year


def _date(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    mod = _mod(c, vocab)
    rel, _ = _rel(c, vocab)
    dct = ctx.dct
    y = _year(c.g("y"), dct) if c.g("y") else None
    if c.g("dec"):
        digits = re.sub(r"[^0-9]", "", c.g("dec"))
        if len(digits) == 2:
            century = "19" if int(digits) >= 30 or dct is None or dct.year < 2000 else "20"
            digits = century + digits
        return [Resolved(c.start, c.end, "DATE", digits[:3], mod)]
    if c.g("cent"):
        n = cal.roman(c.g("cent"))
        return [Resolved(c.start, c.end, "DATE", f"{n - 1:02d}", mod)] if n else []
    if c.g("hol"):
        spec = vocab.holidays.get(key(c.g("hol")))
        if not spec:
            return []
        if y is None:
            if dct is None:
                return []
            opts = [x for x in (cal.holiday(spec, yy) for yy in (dct.year - 1, dct.year, dct.year + 1)) if x]
            d = _pick(opts, dct, ctx.tense, 365)
        else:
            d = cal.holiday(spec, y)
        return [Resolved(c.start, c.end, "DATE", cal.day(d), mod)] if d else []
    if c.g("q") or c.g("qn"):
        word = c.g("qn") or c.g("q")
        n = int(word[1]) if c.g("qn") else vocab.ordinals.get(key(word))
        half = c.g("u") and vocab.units.get(key(c.g("u"))) == "H"
        if n is None:
            return []
        if half:
            n = min(n, 2)
        if y is None:
            if dct is None:
                return []
            y = dct.year + (rel or 0)
        return [Resolved(c.start, c.end, "DATE", f"{y:04d}-{'H' if half else 'Q'}{n}", mod)]
    if c.g("season"):
        code = vocab.seasons.get(key(c.g("season")))
        if not code:
            return []
        if y is None:
            if dct is None:
                return [Resolved(c.start, c.end, "DATE", f"XXXX-{code}", mod, anchored=False)]
            start_m = cal.SEASON_START[code]
            if rel is not None and rel < 0:
                y = dct.year if start_m + 3 <= dct.month else dct.year - 1
            elif rel is not None and rel > 0:
                y = dct.year if start_m > dct.month else dct.year + 1
            elif rel == 0 or ctx.tense:
                y = dct.year
                if ctx.tense == "past" and start_m > dct.month:
                    y -= 1
                if ctx.tense == "future" and start_m + 3 <= dct.month and code != "WI":
                    y += 1
            else:
                return [Resolved(c.start, c.end, "DATE", f"XXXX-{code}", mod, anchored=False)]
        return [Resolved(c.start, c.end, "DATE", f"{y:04d}-{code}", mod)]
    mo = _month_num(c, vocab)
    if mo is None:
        if y is None:
            return []
        return [Resolved(c.start, c.end, "DATE", f"{y:04d}", mod)]
    if not 1 <= mo <= 12:
        return []
    if c.g("d"):
        day = _day_num(c.g("d"), vocab)
        wd = vocab.weekdays.get(key(c.g("wd"))) if c.g("wd") else None
        if y is not None:
            d = cal.valid(y, mo, day)
            anchored = True
        else:
            d, anchored = _infer_day_year(mo, day, ctx, rel, wd)
        if d is None:
            return []
        pieces = []
        first_end = c.groups["d"][1]
        extra = c.groups.get("dl")
        if extra:
            for i, dm in enumerate(vocab.day_regex.finditer(text, extra[1], extra[2])):
                other = cal.valid(d.year, mo, _day_num(dm.group(0), vocab))
                if not other:
                    continue
                s = c.start if i == 0 else dm.start()
                pieces.append(Resolved(s, dm.end(), "DATE", cal.day(other), mod, anchored))
            main_start = c.groups["d"][1] if not c.g("wd") else c.groups["wd"][1]
            main_start = max(main_start, pieces[-1].end if pieces else main_start)
            pieces.append(Resolved(main_start, c.end, "DATE", cal.day(d), mod, anchored))
            return pieces
        extra = c.groups.get("dl2")
        if extra and extra[0].strip():
            days = list(vocab.day_regex.finditer(text, extra[1], extra[2]))
            pieces.append(Resolved(c.start, c.groups["d"][2], "DATE", cal.day(d), mod, anchored))
            for i, dm in enumerate(days):
                other = cal.valid(d.year, mo, _day_num(dm.group(0), vocab))
                if other:
                    e = c.end if i == len(days) - 1 else dm.end()
                    pieces.append(Resolved(dm.start(), e, "DATE", cal.day(other), mod, anchored))
            return pieces
        del first_end
        return [Resolved(c.start, c.end, "DATE", cal.day(d), mod, anchored)]
    if y is None:
        y = _infer_month_year(mo, ctx, rel)
        if y is None:
            return [Resolved(c.start, c.end, "DATE", f"XXXX-{mo:02d}", mod, anchored=False)]
    return [Resolved(c.start, c.end, "DATE", cal.month(y, mo), mod)]


def _shift(base: dt.date, unit: str, k: int) -> tuple[str, dt.date]:
    """Value of the ``unit`` that is ``k`` units from ``base`` ("D", "W", "WE", "M", "Y", "Q", "H", "DE", "CE")."""
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


def _coarsen(value: str, precision: str) -> str:
    """Cut a value to what the reference date really knows ("2022-11-24" from a month DCT → "2022-11")."""
    if precision == "month" and re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}$", value):
        return value[:7]
    if precision == "month" and "-W" in value:
        return value[:4]
    if precision == "year" and re.match(r"[0-9]{4}-", value):
        return value[:4]
    return value


_UNIT_PRECISION = {"D": "day", "W": "day", "WE": "day", "M": "month", "Q": "month", "H": "month"}


def _relative_value(base: dt.date | None, precision: str, unit: str, k: int) -> tuple[str, bool] | None:
    if base is None:
        return None
    value, _ = _shift(base, unit, k)
    need = _UNIT_PRECISION.get(unit, "year")
    order = {"none": 0, "year": 1, "month": 2, "day": 3}
    if order[precision] < order[need]:
        return _coarsen(value, precision), False
    return value, True


def _deictic(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    entry = vocab.deictic.get(key(c.g("deic")))
    if not entry:
        return []
    unit, k = entry[0], int(entry[1])
    if unit == "WE" and k == 0 and ctx.dct is not None and ctx.dct_precision == "day":
        # "ce week-end" in a past clause written on a weekday is the weekend just gone
        if ctx.tense == "past" and ctx.dct.weekday() < 5:
            k = -1
    got = _relative_value(ctx.dct, ctx.dct_precision, unit, k)
    if got is None:
        return []
    value, anchored = got
    typ = "DATE"
    if len(entry) > 2 and entry[2] == "TIME" and anchored:
        typ, value = "TIME", f"{value}T{entry[3]}"
    return [Resolved(c.start, c.end, typ, value, _mod(c, vocab), anchored)]


def _unit_of(c: Candidate, vocab: Vocabulary) -> str | None:
    return vocab.units.get(key(c.g("u"))) if c.g("u") else None


def _relunit(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    unit = _unit_of(c, vocab)
    if unit is None:
        return []
    rel, anaphoric = _rel(c, vocab)
    rel = rel or 0
    word = key(c.g("rel") or "")
    if word in ("past",) and vocab.lang == "en":
        return _duration_value(c, ctx, 1, unit, -1)
    base, precision = (ctx.anchor, ctx.anchor_precision) if anaphoric and ctx.anchor else (ctx.dct, ctx.dct_precision)
    got = _relative_value(base, precision, unit, rel)
    if got is None:
        return []
    return [Resolved(c.start, c.end, "DATE", got[0], _mod(c, vocab), got[1])]


def _count(c: Candidate, vocab: Vocabulary) -> int | None:
    n = c.g("n")
    return vocab.number(n) if n else None


def _ago(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    unit = _unit_of(c, vocab)
    n = _count(c, vocab)
    if unit is None:
        return []
    if n is None:
        return [Resolved(c.start, c.end, "DATE", "PAST_REF", None, True)]
    if unit == "D" and ctx.dct_precision != "day":
        unit = "M"
    got = _relative_value(ctx.dct, ctx.dct_precision, unit if unit != "WE" else "W", -n)
    if got is None:
        return []
    return [Resolved(c.start, c.end, "DATE", got[0], None, got[1])]


def _later(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    unit = _unit_of(c, vocab)
    n = _count(c, vocab)
    if unit is None or n is None:
        return []
    direction = -1 if re.search(r"t[oô]t|auparavant|earlier|before|avant", c.g("later") or "", re.I) else 1
    base, precision = (ctx.anchor, ctx.anchor_precision) if ctx.anchor else (ctx.dct, ctx.dct_precision)
    got = _relative_value(base, precision, unit, direction * n)
    if got is None:
        return []
    return [Resolved(c.start, c.end, "DATE", got[0], None, got[1])]


def _anaphor(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    entry = vocab.anaphoric.get(key(c.g("ana")))
    if not entry:
        return []
    base, precision = (ctx.anchor, ctx.anchor_precision) if ctx.anchor else (ctx.dct, ctx.dct_precision)
    got = _relative_value(base, precision, entry[0], int(entry[1]))
    if got is None:
        return []
    return [Resolved(c.start, c.end, "DATE", got[0], None, got[1])]


def _duration_value(c: Candidate, ctx: Context, n: int | None, unit: str, direction: int) -> list[Resolved]:
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
            return cal.day(d) if fine == "day" else cal.month(d.year, d.month) if fine == "month" else f"{d.year:04d}"
        lo, hi = (other, ctx.dct) if direction < 0 else (ctx.dct, other)
        period = f"{fmt(lo)}/{fmt(hi)}"
    return [Resolved(c.start, c.end, "DURATION", value, None, True, period)]


def _duration(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    unit = _unit_of(c, vocab)
    if unit is None:
        return []
    n = _count(c, vocab) if c.g("n") else None
    rel, _ = _rel(c, vocab)
    direction = 0 if rel is None else (-1 if rel < 0 else 1)
    if c.g("n") is None and rel is None:
        return []
    return _duration_value(c, ctx, n, unit, direction)


def _set(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    if c.g("wd"):
        wd = vocab.weekdays.get(key(c.g("wd")).rstrip("s"))
        if wd is None:
            wd = vocab.weekdays.get(key(c.g("wd")))
        if wd is None:
            for k, v in vocab.weekdays.items():
                if key(c.g("wd")).startswith(k):
                    wd = v
        return [Resolved(c.start, c.end, "SET", f"XXXX-WXX-{(wd or 0) + 1}")]
    unit = _unit_of(c, vocab)
    if unit is None:
        return []
    return [Resolved(c.start, c.end, "SET", f"P1{UNIT_LETTER.get(unit, 'D')}")]


def _weekday(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    wd = vocab.weekdays.get(key(c.g("wd")))
    if wd is None:
        return []
    dct = ctx.dct
    part = PART_OF_DAY.get(key(c.g("part") or ""))
    if dct is None or ctx.dct_precision != "day":
        return [Resolved(c.start, c.end, "DATE", f"XXXX-WXX-{wd + 1}", None, False)]
    rel, anaphoric = _rel(c, vocab)
    base = ctx.anchor if anaphoric and ctx.anchor and ctx.anchor_precision == "day" else dct
    back = (base.weekday() - wd) % 7
    fwd = (wd - base.weekday()) % 7
    if c.g("deic"):
        d = dct
    elif rel is not None and rel < 0:
        d = cal.add_days(base, -(back or 7))
    elif rel is not None and rel > 0:
        d = cal.add_days(base, fwd or 7)
    elif rel == 0:
        d = cal.add_days(base, fwd) if ctx.tense == "future" or (fwd <= back and ctx.tense != "past") else cal.add_days(base, -back)
    elif ctx.tense == "future":
        d = cal.add_days(base, fwd)
    else:
        d = cal.add_days(base, -back)
    if part:
        return [Resolved(c.start, c.end, "TIME", f"{cal.day(d)}T{part}")]
    return [Resolved(c.start, c.end, "DATE", cal.day(d))]


def _ref(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    value = vocab.refs.get(key(c.g("ref")))
    return [Resolved(c.start, c.end, "DATE", value)] if value else []


def _years(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    y1 = int(c.g("y"))
    raw2 = c.g("y2")
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if y2 <= y1:
        return []
    s2 = c.groups["y2"][1]
    return [Resolved(c.start, c.groups["y"][2], "DATE", f"{y1:04d}"), Resolved(s2, c.end, "DATE", f"{y2:04d}")]


def _year_only(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    y = int(c.g("y"))
    pre = key(c.g("pre") or "")
    mod = {"avant": "BEFORE", "before": "BEFORE", "apres": "AFTER", "after": "AFTER", "vers": "APPROX"}.get(pre)
    return [Resolved(c.start, c.end, "DATE", f"{y:04d}", mod)]


_HANDLERS = {
    "date": _date,
    "deictic": _deictic,
    "relunit": _relunit,
    "ago": _ago,
    "later": _later,
    "anaphor": _anaphor,
    "duration": _duration,
    "set": _set,
    "weekday": _weekday,
    "ref": _ref,
    "years": _years,
    "year": _year_only,
}
