"""Normalise expressions counted from a reference date rather than written out.

In: a :class:`~pipeline.dates.recognise.Candidate` of kind deictic ("hier"), relunit
("l'an prochain", "last week"), ago ("il y a deux ans", "dans deux semaines"), later
("two days later"), anaphor ("la veille"), duration, set, weekday, ref, years or year,
with the text, a :class:`~pipeline.dates.values.Context` and the language vocabulary.
Out: a list of :class:`~pipeline.dates.values.Resolved` pieces (TIMEX3 type, value, mod,
and for durations anchored on the article date, the period they cover).
"""

from __future__ import annotations

import re

from . import calendar as cal
from .recognise import Candidate
from .values import (
    UNIT_FACTOR,
    UNIT_LETTER,
    Context,
    Resolved,
    count_of,
    day_number,
    duration_value,
    modifier,
    relative_offset,
    relative_value,
    relative_year,
    unit_of,
)
from .vocabulary import Vocabulary, key


def _deictic(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    entry = vocab.deictic.get(key(c.g("deic")))
    if not entry:
        return []
    unit, k = entry[0], int(entry[1])
    if unit == "WE" and k == 0 and ctx.dct is not None and ctx.dct_precision == "day":
        # "ce week-end" in a past clause written on a weekday is the weekend just gone
        if ctx.tense == "past" and ctx.dct.weekday() < 5:
            k = -1
    base, precision = ctx.dct, ctx.dct_precision
    if ctx.words_day is not None and unit == "D":  # "today" in a quotation or a post
        base, precision = ctx.words_day, "day"
    named = c.g("wd") or _bracketed(text, c.end)
    wd = vocab.weekdays.get(key(named)) if named else None
    if unit == "D" and wd is not None and base is not None and precision == "day":
        # "demain jeudi", "today [Thursday]": the day named wins over an article date
        # a day off (a story filed before midnight, dated after)
        base = cal.add_days(base, k + _nearest_shift(cal.add_days(base, k).weekday(), wd))
        k = 0
    got = relative_value(base, precision, unit, k)
    if got is None:
        return []
    value, anchored = got
    typ = "DATE"
    if len(entry) > 2 and entry[2] == "TIME" and anchored:
        typ, value = "TIME", f"{value}T{entry[3]}"
    return [Resolved(c.start, c.end, typ, value, modifier(c, vocab), anchored)]


# an editor's word in brackets after a deictic: "today [Thursday]" (a span of its own)
_BRACKETED = re.compile(r"\s*[\[(]\s*(\w+)\s*[\])]")


def _bracketed(text: str, end: int) -> str | None:
    m = _BRACKETED.match(text, end)
    return m.group(1) if m else None


def _nearest_shift(weekday: int, wd: int) -> int:
    """The days from a day of ``weekday`` to the nearest day of ``wd`` (-3 to 3)."""
    return (wd - weekday + 3) % 7 - 3


def _relunit(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    unit = unit_of(c, vocab)
    if unit is None:
        return []
    rel, anaphoric = relative_offset(c, vocab)
    rel = rel or 0
    word = key(c.g("rel") or "")
    if word in ("past",) and vocab.lang == "en":
        return duration_value(c, ctx, 1, unit, -1)
    if unit == "Q" and ctx.quarter is not None and (anaphoric or rel == 0 and _demonstrative(
            c, text, vocab) and ctx.tense != "future"):
        # "the previous quarter", "le trimestre précédent": next to the one the story reports
        # on; "this quarter's loss", "ce trimestre" told of results: that one (told ahead,
        # "sales will rise this quarter", or "the current quarter", it is the article's)
        year, n = ctx.quarter
        year, n = year + (n - 1 + rel) // 4, (n - 1 + rel) % 4 + 1
        return [Resolved(c.start, c.end, "DATE", f"{year:04d}-Q{n}", modifier(c, vocab), True)]
    base, precision = (
        (ctx.anchor, ctx.anchor_precision)
        if anaphoric and ctx.anchor
        else (ctx.dct, ctx.dct_precision)
    )
    if unit == "W" and not word and ctx.tense == "past":
        # "dans le courant de la semaine" told in the past: the week of the story's day
        base, precision = ctx.day_base()
    got = relative_value(base, precision, unit, rel)
    if got is None:
        return []
    return [Resolved(c.start, c.end, "DATE", got[0], modifier(c, vocab), got[1])]


def _since_then(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> bool:
    """"in a year" told of the past, or after a superlative ("the first visit in a decade",
    "their highest level in two years"): the span up to now, a duration, not a date ahead."""
    if ctx.tense == "past":
        return True
    if ctx.tense is not None or not vocab.superlatives:
        return False
    return any(key(w) in vocab.superlatives for w in text[max(0, c.start - 60):c.start].split())


def _demonstrative(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """The phrase opens with its relative word, no article: "this quarter", "ce trimestre"
    (not "the current quarter", "le trimestre en cours")."""
    words = text[c.start:c.end].split()
    return bool(words) and key(words[0]) not in vocab.definite_articles


def _ago(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    unit = unit_of(c, vocab)
    n = count_of(c, vocab)
    if unit is None:
        return []
    if n is None:
        return [
            Resolved(c.start, c.end, "DATE", "FUTURE_REF" if c.g("fwd") else "PAST_REF", None, True)
        ]
    if c.g("fwd") and _since_then(c, text, ctx, vocab):
        return duration_value(c, ctx, n, unit, 0)  # "the smallest gain in a year"
    if unit == "D" and ctx.dct_precision != "day":
        unit = "M"
    back = _quarter_back(c, text, ctx, vocab)
    if back:
        return back
    sign = 1 if c.g("fwd") else -1
    if unit == "W" and sign < 0 and ctx.dct_precision == "day":
        # "il y a deux semaines", "a week ago": the day that many weeks back, not its week
        return [Resolved(c.start, c.end, "DATE", cal.day(cal.add_days(ctx.dct, -7 * n)))]
    if c.g("exact") and unit in ("Y", "M") and ctx.dct_precision == "day":
        # "il y a un an jour pour jour", "a year ago today": that day, n units back
        months = n * (12 if unit == "Y" else 1)
        y, m = cal.add_months(ctx.dct.year, ctx.dct.month, sign * months)
        d = cal.valid(y, m, ctx.dct.day) or cal.valid(y, m, 28)
        return [Resolved(c.start, c.end, "DATE", cal.day(d), None, True)]
    got = relative_value(ctx.dct, ctx.dct_precision, unit if unit != "WE" else "W", sign * n)
    if got is None:
        return []
    return [_approx_years(c, ctx.dct, unit, sign * n, *got)]


def _later(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    unit = unit_of(c, vocab)
    n = count_of(c, vocab)
    if unit is None or n is None:
        return []
    direction = (
        -1 if re.search(r"t[oô]t|auparavant|earlier|before|avant", c.g("later") or "", re.I) else 1
    )
    return _quarter_back(c, text, ctx, vocab) or _story_shift(c, ctx, unit, direction * n)


def _quarter_back(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    """"a year earlier" in a story about a quarter: that quarter a year back (results are
    compared quarter to quarter); after a month in its sentence, that month a year back;
    nothing otherwise."""
    if key(text[c.start:c.end]) not in vocab.year_back:
        return []
    if ctx.quarter is not None:
        year, n = ctx.quarter
        return [Resolved(c.start, c.end, "DATE", f"{year - 1:04d}-Q{n}")]
    if ctx.month is not None:  # "rose in March from a year earlier": that month a year back
        return [Resolved(c.start, c.end, "DATE", cal.month(ctx.month.year - 1, ctx.month.month))]
    return []


def _quarter(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    """"the quarter", "the latest period", "the year-ago quarter", "the 1988 quarter": the
    quarter the story reports on (else, and for "the latest", the last one over at the
    article date: results are reported by the quarter), a year back or in the year named;
    a period with no quarter in the story is only its year ("the 1988 period")."""
    dct = ctx.dct
    if ctx.quarter is not None and not c.g("latest"):
        year, n = ctx.quarter
    elif dct is not None and ctx.dct_precision == "day":
        year, n = dct.year, (dct.month - 1) // 3
        if n == 0:
            year, n = year - 1, 4
    else:
        return []
    if c.g("q"):
        n = vocab.ordinals.get(key(c.g("q")), n)
    if c.g("y"):
        year = int(c.g("y"))
    elif c.g("ry"):  # "last year's quarter"
        year = relative_year(c, ctx, vocab) or year
    elif c.g("back"):
        year -= 1
    if not c.g("u") and ctx.quarter is None and not c.g("latest"):
        return [Resolved(c.start, c.end, "DATE", f"{year:04d}")]  # "the 1989 period"
    return [Resolved(c.start, c.end, "DATE", f"{year:04d}-Q{min(n, 4)}")]


def _story_shift(c: Candidate, ctx: Context, unit: str, k: int) -> list[Resolved]:
    """``k`` units from the story's previous date: a day unit counts from the previous day
    (or the DCT), never from a year or a month; a longer unit from the previous date."""
    if unit in ("D", "W", "WE"):
        base, precision = ctx.day_base()
    elif ctx.anchor is not None:
        base, precision = ctx.anchor, ctx.anchor_precision
    else:
        base, precision = ctx.dct, ctx.dct_precision
    got = relative_value(base, precision, unit, k)
    if got is None:
        return []
    return [_approx_years(c, base, unit, k, *got)]


def _approx_years(c: Candidate, base, unit: str, k: int, value: str, anchored: bool) -> Resolved:
    """A count of decades or centuries from a date names a year, roughly: "two decades ago"
    written in 2020 is about 2000 (not the decade "200", the 2000s)."""
    if unit in ("DE", "CE") and base is not None:
        year = base.year + k * UNIT_FACTOR[unit]
        return Resolved(c.start, c.end, "DATE", f"{year:04d}", "APPROX", anchored)
    return Resolved(c.start, c.end, "DATE", value, None, anchored)


def _anaphor(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    entry = vocab.anaphoric.get(key(c.g("ana")))
    if not entry:
        return []
    # set beside a date and counted from a happening, it is that date: "Oct. 12, the day
    # before the stock market plunge"
    shift = 0 if c.has("apposed", "eve") else int(entry[1])
    return _quarter_back(c, text, ctx, vocab) or _story_shift(c, ctx, entry[0], shift)


def _duration(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    unit = unit_of(c, vocab)
    if unit is None:
        return []
    n = count_of(c, vocab) if c.g("n") else None
    rel, _ = relative_offset(c, vocab)
    direction = 0 if rel is None else (-1 if rel < 0 else 1)
    if c.g("n") is None and rel is None:
        return []
    if n is not None and (c.g("half") or c.g("half2")):
        return [Resolved(c.start, c.end, "DURATION", _and_a_half(n, unit))]
    return duration_value(c, ctx, n, unit, direction)


def _and_a_half(n: int, unit: str) -> str:
    """ "un an et demi" is P18M, "a day and a half" P36H: the next smaller unit when there is
    one, else a decimal fraction of the unit (ISO 8601 allows it on the last component)."""
    if unit == "Y":
        return f"P{12 * n + 6}M"
    if unit == "D":
        return f"P{24 * n + 12}H"
    factor = UNIT_FACTOR.get(unit, 1)
    return f"P{n * factor + factor / 2:g}{UNIT_LETTER.get(unit, 'D')}"


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
    unit = unit_of(c, vocab)
    if unit is None:
        return []
    return [Resolved(c.start, c.end, "SET", f"P1{UNIT_LETTER.get(unit, 'D')}")]


def _weekday(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    wd = vocab.weekdays.get(key(c.g("wd")))
    if wd is None:
        return []
    dct = ctx.dct
    if dct is None or ctx.dct_precision != "day":
        return [Resolved(c.start, c.end, "DATE", f"XXXX-WXX-{wd + 1}", None, False)]
    rel, anaphoric = relative_offset(c, vocab)
    base = ctx.day_anchor if anaphoric and ctx.day_anchor else dct
    back = (base.weekday() - wd) % 7
    fwd = (wd - base.weekday()) % 7
    week = c.g("wk") or c.g("wk2")
    weeks = vocab.relative.get(key(week)) if week else None  # "next week": 1
    if c.g("deic"):
        d = dct
    elif weeks is not None:
        # "Monday next week", "lundi de la semaine prochaine": that day of the week named
        d = cal.add_days(dct, 7 * weeks + wd - dct.weekday())
    elif rel is not None and rel < 0:
        d = cal.add_days(base, -(back or 7))
    elif rel is not None and rel > 0:
        d = cal.add_days(base, fwd or 7)
    elif ctx.tense == "scheduled":  # "the summit opens Wednesday": the nearest
        d = cal.add_days(base, _nearest_shift(base.weekday(), wd))
    elif rel == 0:
        d = (
            cal.add_days(base, fwd)
            if ctx.tense == "future" or (fwd <= back and ctx.tense != "past")
            else cal.add_days(base, -back)
        )
    elif ctx.tense == "future" and not c.g("poss"):
        d = cal.add_days(base, fwd)
        if ctx.week is not None and d < ctx.week:  # the week ahead the story named
            d = cal.add_days(ctx.week, wd)
    else:
        d = cal.add_days(base, -back)
    # "Wednesday night" is dated by its day, as news annotation mostly has it (a TIME
    # reading, "2000-01-05TNI", is what an annotator gives a clock time)
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
    return [
        Resolved(c.start, c.groups["y"][2], "DATE", f"{y1:04d}"),
        Resolved(s2, c.end, "DATE", f"{y2:04d}"),
    ]


def _year_only(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    y = int(c.g("y"))
    pre = key(c.g("pre") or "")
    mod = {
        "avant": "BEFORE",
        "before": "BEFORE",
        "apres": "AFTER",
        "after": "AFTER",
        "vers": "APPROX",
    }.get(pre)
    return [Resolved(c.start, c.end, "DATE", f"{y:04d}", mod)]


def _spelled_year(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    """A year in words, as transcripts write it: "nineteen ninety-six", "the year two
    thousand", "January nineteen ninety-seven", "the winter of nineteen ninety-four"."""
    base = vocab.year_centuries.get(key(" ".join(c.g("cw").split())))
    rest = [vocab.year_words.get(w) for w in re.split(r"[-\s]+", key(c.g("yw") or "")) if w]
    if base is None or None in rest or rest[:1] == [0] and len(rest) < 2:
        return []
    if len(rest) == 2 and not (rest[0] % 10 == 0 and rest[0] != 10 and 0 < rest[1] < 10):
        return []  # "ninety-six", "oh five", not "twenty twenty"
    y = base + sum(rest)
    mo = vocab.months.get(key(c.g("m"))) if c.g("m") else None  # "January nineteen ninety"
    season = vocab.seasons.get(key(c.g("season"))) if c.g("season") else None
    value = cal.month(y, mo) if mo else f"{y:04d}-{season}" if season else f"{y:04d}"
    return [Resolved(c.start, c.end, "DATE", value)]


def _day_alone(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    """A day number alone after a date of the story ("le 15 mars, ... puis en Centrafrique,
    le 30"): that day of the story's month (the story's day itself: "around July 18 ... the
    18th or thereabouts"), or of the next one when it is earlier than the story's day;
    nothing without a story day."""
    anchor = ctx.day_anchor
    if anchor is None:
        return []
    n = day_number(c.g("d"), vocab)
    y, m = (anchor.year, anchor.month) if n >= anchor.day else cal.add_months(
        anchor.year, anchor.month, 1)
    d = cal.valid(y, m, n)
    return [Resolved(c.start, c.end, "DATE", cal.day(d))] if d else []


HANDLERS = {
    "day": _day_alone,
    "quarter": _quarter,
    "spelled_year": _spelled_year,
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
