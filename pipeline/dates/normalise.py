"""Turn recognised candidates into ISO-TimeML TIMEX3 values.

This module normalises written calendar dates (days, months, years, quarters, seasons,
decades, centuries, holidays) and hands the other kinds to ``relative``.

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
``ref`` PRESENT_REF-like word, ``part`` part of day (in the span; the date is its day),
``same`` "of the same year" (the year of the previous date), ``nth`` the rank of a
weekday in its month or season ("the first Monday of March"), ``wkn`` the ordinal of a week in
its month ("the first week of May"), ``weekof`` the week of the
day ("the week of March 6"), ``ry``/``ry_of`` a year named by a relative word before or
after what it dates ("last year's quarter", "the final quarter of last year").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from . import calendar as cal
from .recognise import Candidate
from .relative import HANDLERS as RELATIVE_HANDLERS
from .values import (
    Context,
    Resolved,
    day_number,
    modifier,
    month_number,
    parse_year,
    pick,
    relative_offset,
    relative_year,
)
from .vocabulary import Vocabulary, key

__all__ = ["Context", "Resolved", "resolve"]

QUARTER_DAYS = 92
STORY_FORWARD = 120  # days by which a reading after the story's date is preferred
FUTURE_LAG = 3  # days before the article date a day in a future clause may still be
PAST_VERB_REACH = 21  # days after the article date a day in a past clause may still be
# days: a day-month this close to the article date keeps its year when its weekday would
# move it more than half a year: the weekday is the slip ("departs on Friday, November
# 29", written on Tuesday the 27th, a Thursday)
SLIP_REACH = 31


def resolve(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    """TIMEX3 pieces for one candidate; an empty list when it cannot be normalised."""
    handler = _counted_from_inner if c.inner is not None else _HANDLERS.get(c.kind)
    if handler is None:
        return []
    try:
        return handler(c, text, ctx, vocab)
    except (ValueError, KeyError, OverflowError, TypeError, IndexError):
        return []


def _counted_from_inner(c: Candidate, text: str, ctx: Context, vocab: Vocabulary,
                        ) -> list[Resolved]:
    """"the day after Christmas": the days of the anaphor counted from the inner date."""
    inner = [r for r in resolve(c.inner, text, ctx, vocab) if r.type == "DATE"]
    d, precision = cal.parse_value(inner[-1].value) if inner else (None, "none")
    if d is None or precision != "day":
        return []
    k = int(vocab.anaphoric[key(c.g("ana"))][1])
    return [Resolved(c.start, c.end, "DATE", cal.day(cal.add_days(d, k)), None,
                     inner[-1].anchored)]


def _with_weekday(mo: int, d: int, wd: int, dct: dt.date) -> dt.date | None:
    """The day ``d`` of month ``mo`` nearest the article date that falls on weekday ``wd``
    ("Tuesday, Nov. 24"), within about a year."""
    for y in sorted(range(dct.year - 2, dct.year + 3), key=lambda y: abs(y - dct.year)):
        dd = cal.valid(y, mo, d)
        if dd and dd.weekday() == wd and abs((dd - dct).days) < 400:
            return dd
    return None


def _weekday_and_day(w: Written) -> list[Resolved]:
    """ "jeudi 25", "Thursday the 25th": the day of that number nearest the story's day (or
    the article's) that falls on that weekday, within the months around it."""
    base = w.ctx.day_anchor or w.ctx.dct
    wd = w.vocab.weekdays.get(key(w.c.g("wd")))
    n = day_number(w.c.g("d"), w.vocab)
    if base is None or wd is None or n is None:
        return []
    opts = [d for k in (-1, 0, 1) for d in [cal.valid(*cal.add_months(base.year, base.month, k),
                                                     n)] if d and d.weekday() == wd]
    if not opts:
        return []
    return w.one(cal.day(min(opts, key=lambda d: abs((d - base).days))))


def _by_relative(opts: list[dt.date], rel: int | None, dct: dt.date) -> dt.date | None:
    """Of the readings around the article date, the last before it for "dernier", the
    first after it for "prochain"; None without a relative word or such a reading."""
    if rel is None or rel == 0:
        return None
    if rel < 0:
        before = [x for x in opts if x < dct]
        return max(before) if before else None
    after = [x for x in opts if x > dct]
    return min(after) if after else None


def _in_story_year(mo: int, d: int, ctx: Context) -> dt.date | None:
    """The day in the story's year: near the story's last date when it is of that year,
    else near the year's middle."""
    target = (
        ctx.anchor
        if ctx.anchor and ctx.anchor.year == ctx.narrative_year
        else dt.date(ctx.narrative_year, 7, 1)
    )
    story = [
        x for x in (cal.valid(y, mo, d) for y in range(target.year - 1, target.year + 2)) if x
    ]
    # a story moves forward: a day a little after the story's date rather than most
    # of a year before it ("Le 3 mars 2019, ... Le 5 septembre, ...": 2019)
    return pick(story, target, "future", STORY_FORWARD) if story else None


def _infer_day_year(
    mo: int, d: int, ctx: Context, rel: int | None, wd: int | None
) -> tuple[dt.date | None, bool]:
    """Year of a day-month without year.

    From the weekday, the relative word, the story's year (when the article's own year
    contradicts the tense, or the year opens the sentence: "En 2001, ... le 3 mars") or
    else the article date and the tense, in this order."""
    dct = ctx.dct
    if dct is None:
        return None, False
    opts = [x for x in (cal.valid(y, mo, d) for y in range(dct.year - 1, dct.year + 2)) if x]
    if wd is not None:
        dd = _with_weekday(mo, d, wd, dct)
        near = [x for x in opts if abs((x - dct).days) <= SLIP_REACH]
        if dd is not None and not (near and abs((dd - dct).days) > 183):
            return dd, True
    dd = _by_relative(opts, rel, dct)
    if dd is not None:
        return dd, True
    own = cal.valid(dct.year, mo, d)
    if _story_year_wins(ctx, own and (own.month, own.day)):
        return _in_story_year(mo, d, ctx), True
    if not opts:
        return None, False
    return _nearest(opts, ctx), ctx.dct_precision == "day"


def _from_anchor(c: Candidate, ctx: Context, vocab: Vocabulary, rel: int, mod) -> list[Resolved]:
    """A day or month after or before the story's previous date, not the article's: "le 22
    décembre suivant", "en mars précédent"."""
    mo = month_number(c, vocab)
    if mo is None or not 1 <= mo <= 12:
        return []
    anchor = ctx.anchor
    if c.g("d"):
        opts = [x for x in (cal.valid(y, mo, day_number(c.g("d"), vocab))
                            for y in range(anchor.year - 1, anchor.year + 2)) if x]
        after, before = [x for x in opts if x > anchor], [x for x in opts if x < anchor]
        d = (min(after) if after else None) if rel > 0 else (max(before) if before else None)
        return [Resolved(c.start, c.end, "DATE", cal.day(d), mod)] if d else []
    y = anchor.year + (1 if rel > 0 and mo <= anchor.month else 0) - (
        1 if rel < 0 and mo >= anchor.month else 0)
    return [Resolved(c.start, c.end, "DATE", cal.month(y, mo), mod)]


def _last_known_day(ctx: Context) -> dt.date:
    """The last day the article date may be: its month's or year's end when imprecise."""
    dct = ctx.dct
    if ctx.dct_precision == "year":
        return dt.date(dct.year, 12, 31)
    if ctx.dct_precision == "month":
        y, m = cal.add_months(dct.year, dct.month, 1)
        return dt.date(y, m, 1) - dt.timedelta(days=1)
    return dct


def _nearest(opts: list[dt.date], ctx: Context) -> dt.date:
    """The reading the tense allows: in a past clause the latest not after the article date,
    in a future one the first not before it, else (a present tense often announces a
    scheduled event: "who takes office on Jan. 20") the nearest, future or past."""
    dct, last = ctx.dct, _last_known_day(ctx)
    if ctx.tense == "past":
        before = [x for x in opts if x <= last]
        soon = [x for x in opts if 0 < (x - last).days <= PAST_VERB_REACH]
        # a day some weeks ahead in a past clause is one the past verb reports set ("has
        # set Nov. 10 as the deadline"), not the same day a year back: that one is
        # written with its year
        if before and not (soon and (dct - max(before)).days > 365 - PAST_VERB_REACH):
            return max(before)
        if soon:
            return min(soon)
    if ctx.tense == "future":
        first = dct if ctx.dct_precision == "day" else dt.date(dct.year, dct.month, 1)
        # a day just gone in a future clause is the one of copy filed the day before, or of
        # a range begun ("His tour runs from September 17-20 with stops ... next", written
        # on the 18th), not the same day a year ahead: that one is written with its year
        lag = [x for x in opts if 0 < (first - x).days <= FUTURE_LAG]
        after = [x for x in opts if x >= first]
        if lag or after:
            return max(lag) if lag else min(after)
    return min(opts, key=lambda x: (abs((x - dct).days), x > dct))


def _story_year_wins(ctx: Context, own: tuple[int, int] | None) -> bool:
    """Whether a partial date takes the story's year rather than the article's: when the
    year opens the sentence, when the story's last date is a full day of that year and the
    partial date is a day too, or when the article's year contradicts the tense.

    ``own`` is the (month, day) of the reading in the article's year (day 0 for a month)."""
    if not ctx.narrative_year or ctx.dct is None or ctx.narrative_year == ctx.dct.year:
        return False
    if ctx.year_frame:
        return True
    anchor = ctx.anchor
    if own is not None and own[1] and ctx.anchor_precision == "day" and anchor is not None \
            and anchor.year == ctx.narrative_year:
        return True  # a day after a full date of the story: "Le 28 décembre 2019, ... le 2"
    if own is None or ctx.dct_precision == "year":
        return False
    limit = _last_known_day(ctx)
    if ctx.tense == "past":
        return own > (limit.month, limit.day)
    if ctx.tense == "future":
        first = ctx.dct if ctx.dct_precision == "day" else dt.date(ctx.dct.year, ctx.dct.month, 1)
        return own < (first.month, first.day if own[1] else 0)
    return False


def _infer_month_year(mo: int, ctx: Context, rel: int | None) -> int | None:
    dct = ctx.dct
    if dct is None:
        return None
    if rel is not None and rel < 0:
        return dct.year if mo < dct.month else dct.year - 1
    if rel is not None and rel > 0:
        return dct.year if mo > dct.month else dct.year + 1
    if _story_year_wins(ctx, (mo, 0)):
        return ctx.narrative_year
    opts = [dt.date(y, mo, 15) for y in (dct.year - 1, dct.year, dct.year + 1)]
    target = dt.date(dct.year, dct.month, 15)
    return pick(opts, target, ctx.tense, 365).year


def _period_year(n: int, months: int, dct: dt.date, tense: str | None) -> int:
    """Year of the ``n``-th quarter or half without a year: the article's, as results are
    reported during the next period and planned during the one before ("expects to report
    third-quarter profit" in October, "fourth-quarter sales fell" of a fiscal quarter);
    a year back only for a past that begins over a quarter after the article, a year on
    only for a future that was over a quarter before it.
    """
    first = dt.date(dct.year, (n - 1) * months + 1, 1)
    last = cal.add_days(dt.date(dct.year + (n * months) // 12, (n * months) % 12 + 1, 1), -1)
    if tense == "past" and cal.add_days(dct, QUARTER_DAYS) < first:
        return dct.year - 1
    if tense == "future" and cal.add_days(last, QUARTER_DAYS) < dct:
        return dct.year + 1
    return dct.year


class Written(NamedTuple):
    """A written date being normalised: the candidate, the text, the context, the
    vocabulary, and what ``_date`` has read of it (year, relative word, modifier)."""

    c: Candidate
    text: str
    ctx: Context
    vocab: Vocabulary
    y: int | None
    rel: int | None
    mod: str | None

    def one(self, value: str, anchored: bool = True) -> list[Resolved]:
        return [Resolved(self.c.start, self.c.end, "DATE", value, self.mod, anchored)]


def _date(c: Candidate, text: str, ctx: Context, vocab: Vocabulary) -> list[Resolved]:
    """A written date: the first kind of the table whose group the candidate holds, else a
    day or month of the calendar."""
    mod = modifier(c, vocab)
    rel, anaphoric = relative_offset(c, vocab)
    if anaphoric and rel and ctx.anchor and not c.g("y"):  # "le 22 décembre suivant"
        return _from_anchor(c, ctx, vocab, rel, mod)
    y = parse_year(c.g("y"), ctx.dct) if c.g("y") else relative_year(c, ctx, vocab)
    if y is None and c.g("same"):  # "en novembre de la même année": the previous date's year
        y = ctx.anchor.year if ctx.anchor else ctx.narrative_year
    w = Written(c, text, ctx, vocab, y, rel, mod)
    for groups, handler in _WRITTEN:
        if c.has(*groups):
            return handler(w)
    return _calendar_date(w)


def _decade(w: Written) -> list[Resolved]:
    """ "les années 60", "the 1990s", "the nineties": three digits; "the 1800s": a century."""
    raw = w.c.g("dec")
    digits = re.sub(r"[^0-9]", "", raw) or str(w.vocab.decades.get(key(raw), ""))
    if len(digits) == 2:
        dct = w.ctx.dct
        century = "19" if int(digits) >= 30 or dct is None or dct.year < 2000 else "20"
        digits = century + digits
    if digits.endswith("00") and digits < "2000":  # "the 1800s", "les années 1900": a century
        return w.one(digits[:2])
    return w.one(digits[:3])


def _century(w: Written) -> list[Resolved]:
    """ "le XIXe siècle", "the 19th century": 18."""
    n = cal.roman(w.c.g("cent"))
    return w.one(f"{n - 1:02d}") if n else []


def _holiday(w: Written) -> list[Resolved]:
    """A holiday of the year written, else the one the tense points to."""
    spec = w.vocab.holidays.get(key(w.c.g("hol")))
    dct = w.ctx.dct
    if not spec or w.y is None and dct is None:
        return []
    if w.y is not None:
        d = cal.holiday(spec, w.y)
    else:
        opts = [x for x in (cal.holiday(spec, yy) for yy in (dct.year - 1, dct.year, dct.year + 1))
                if x]
        d = pick(opts, dct, w.ctx.tense, 365)
    if d and w.c.g("holwk"):  # "Easter week", "la semaine de Pâques": the week it falls in
        return w.one(cal.week(d))
    return w.one(cal.day(d)) if d else []


def _period(w: Written) -> list[Resolved]:
    """A quarter or a half: of the year written, the relative year, the story's year, else
    the article's (see ``_period_year``)."""
    c, ctx, y = w.c, w.ctx, w.y
    if c.g("qm") or c.g("qe"):  # "April-June", "the September quarter": the quarter they
        word = re.match(r"[^\W\d_]+", c.g("qm") or c.g("qe")).group(0)  # open, end
        month = w.vocab.months.get(key(word))
        n = (month - 1) // 3 + 1 if month else None
        if y is not None and c.g("fy") and n == 1:
            y += 1  # "January-March of 2020-21": a fiscal year from April ends in 2021
    elif c.g("hq2"):  # "the last two quarters of 1990": its second half
        n, y = 2, int(c.g("y2h"))
    else:
        word = c.g("qn") or c.g("q")
        n = int(word[1]) if c.g("qn") else w.vocab.ordinals.get(key(word))
    if y is None and c.g("fy_y"):
        y = int(c.g("fy_y"))  # "the first quarter of 2021-22": of the fiscal year's first
    half = bool(c.g("u")) and w.vocab.units.get(key(c.g("u"))) == "H" or c.has("hq", "hq2")
    if n is None or y is None and ctx.dct is None:
        return []
    n, months = (min(n, 2), 6) if half else (n, 3)
    if y is not None:
        pass
    elif w.rel:
        y = ctx.dct.year + w.rel
    elif _story_year_wins(ctx, ((n - 1) * months + 1, 0)):
        y = ctx.narrative_year  # "En 2002, ... Au premier trimestre, ..."
    else:
        y = _period_year(n, months, ctx.dct, ctx.tense)
    if c.g("qback"):  # "the July-September quarter a year ago"
        y -= 1
    return w.one(f"{y:04d}-{'H' if half else 'Q'}{n}")


def _season(w: Written) -> list[Resolved]:
    """A season: of the year written, else of the story's year as a month would take it
    ("En 2019, ... en été"), else of the article's year as the relative word or the tense
    points; with neither, a season of no known year."""
    code = w.vocab.seasons.get(key(w.c.g("season")))
    if not code:
        return []
    ctx, dct, y, rel = w.ctx, w.ctx.dct, w.y, w.rel
    unknown = w.one(f"XXXX-{code}", anchored=False)
    if y is None and dct is None:
        return unknown
    start_m = cal.SEASON_START[code]
    if y is not None:
        pass
    elif rel is None and _story_year_wins(ctx, (start_m, 0)):
        y = ctx.narrative_year
    elif rel is not None and rel < 0:
        y = dct.year if start_m + 3 <= dct.month else dct.year - 1
    elif rel is not None and rel > 0:
        y = dct.year if start_m > dct.month else dct.year + 1
    elif rel == 0:  # "this summer": the article's, whatever the tense
        y = dct.year - 1 if code == "WI" and dct.month <= 3 else dct.year  # begun last December
    elif ctx.tense:
        y = dct.year
        if ctx.tense == "past" and start_m > dct.month:
            y -= 1
        if ctx.tense == "future" and start_m + 3 <= dct.month and code != "WI":
            y += 1
    elif _after_article(w):  # "au cœur de l'été", "into the summer": the nearest one
        y = min((dct.year - 1, dct.year, dct.year + 1),
                key=lambda k: abs((_middle(cal.season_bounds(k, code)) - dct).days))
    else:  # "la demande augmente en été": any summer
        return unknown
    return w.one(f"{y:04d}-{code}")


_WORD_BEFORE_SEASON = re.compile(r"(\w+['’]?)\s*$")


def _after_article(w: Written) -> bool:
    """A definite article right before the season word names one season, not any."""
    start = w.c.groups["season"][1]
    m = _WORD_BEFORE_SEASON.search(w.text, max(0, start - 12), start)
    return bool(m) and key(m.group(1)) in w.vocab.definite_articles


def _middle(bounds: tuple[dt.date, dt.date]) -> dt.date:
    return bounds[0] + (bounds[1] - bounds[0]) / 2


def _nth_weekday(w: Written) -> list[Resolved]:
    """ "the first Monday of March", "le dernier samedi de l'été": a day of the month or
    season of the year written, else of the story's year, else the one the tense points
    to."""
    c, vocab, ctx = w.c, w.vocab, w.ctx
    wd = vocab.weekdays.get(key(c.g("wd")))
    word = key(c.g("nth"))
    nth = "last" if vocab.relative.get(word) == -1 else str(vocab.ordinals.get(word, ""))
    code = vocab.seasons.get(key(c.g("season") or ""))
    mo = month_number(c, vocab) if c.g("m") else None
    if wd is None or not nth or not (code or mo) or w.y is None and ctx.dct is None:
        return []

    def day(y: int) -> dt.date | None:
        if code:
            return cal.nth_weekday_between(*cal.season_bounds(y, code), nth, wd)
        return cal.nth_weekday(y, mo, nth, wd)

    first_month = mo or cal.SEASON_START[code]
    if w.y is not None:
        d = day(w.y)
    elif _story_year_wins(ctx, (first_month, 0)):
        d = day(ctx.narrative_year)
    else:
        opts = [x for x in (day(y) for y in range(ctx.dct.year - 1, ctx.dct.year + 2)) if x]
        d = pick(opts, ctx.dct, ctx.tense, 365) if opts else None
    return w.one(cal.day(d)) if d else []


def _nth_week(w: Written) -> list[Resolved]:
    """ "the first week of May", "la dernière semaine de juin": the week of the month's
    first, eighth... or last day, in the year written or the one a month would take."""
    c, vocab = w.c, w.vocab
    word = key(c.g("wkn"))
    n = vocab.ordinals.get(word)
    mo = month_number(c, vocab)
    if mo is None or not 1 <= mo <= 12 or not n:
        return []
    y = w.y if w.y is not None else _infer_month_year(mo, w.ctx, w.rel)
    if y is None:
        return []
    if vocab.relative.get(word) == -1:  # the last week: the one the month ends in
        y2, m2 = cal.add_months(y, mo, 1)
        d = dt.date(y2, m2, 1) - dt.timedelta(days=1)
    else:
        d = dt.date(y, mo, 1) + dt.timedelta(days=7 * (n - 1))
    return w.one(cal.week(d))


# the kinds of written date, by the group that marks them, tried in this order
_WRITTEN = (
    (("nth",), _nth_weekday),
    (("wkn",), _nth_week),
    (("dec",), _decade),
    (("cent",), _century),
    (("hol",), _holiday),
    (("q", "qn", "qm", "qe", "hq2"), _period),
    (("season",), _season),
)


def _calendar_date(w: Written) -> list[Resolved]:
    """A year alone, a month, or a day (or a list of days) of a month."""
    c, vocab, y = w.c, w.vocab, w.y
    mo = month_number(c, vocab)
    if mo is None and c.g("d") and c.g("wd"):
        return _weekday_and_day(w)
    if mo is None:
        return w.one(f"{y:04d}") if y is not None else []
    if not 1 <= mo <= 12:
        return []
    if c.g("d"):
        return _days(w, mo)
    if y is None:
        y = _infer_month_year(mo, w.ctx, w.rel)
        if y is None:
            return w.one(f"XXXX-{mo:02d}", anchored=False)
    return w.one(cal.month(y, mo))


def _days(w: Written, mo: int) -> list[Resolved]:
    """A day of month ``mo``, with the other days listed before it ("les 27 et 28 mars")
    or after it ("March 27 and 28"), each its own date of the same month and year."""
    c, vocab, mod = w.c, w.vocab, w.mod
    day = day_number(c.g("d"), vocab)
    wd = vocab.weekdays.get(key(c.g("wd"))) if c.g("wd") else None
    if w.y is not None:
        d, anchored = cal.valid(w.y, mo, day), True
    else:
        d, anchored = _infer_day_year(mo, day, w.ctx, w.rel, wd)
    if d is None:
        return []

    def other(dm: re.Match) -> dt.date | None:
        return cal.valid(d.year, mo, day_number(dm.group(0), vocab))

    pieces = []
    extra = c.groups.get("dl")
    if extra:
        for i, dm in enumerate(vocab.day_regex.finditer(w.text, extra[1], extra[2])):
            if other(dm):
                s = c.start if i == 0 else dm.start()
                pieces.append(Resolved(s, dm.end(), "DATE", cal.day(other(dm)), mod, anchored))
        main_start = c.groups["d"][1] if not c.g("wd") else c.groups["wd"][1]
        main_start = max(main_start, pieces[-1].end if pieces else main_start)
        pieces.append(Resolved(main_start, c.end, "DATE", cal.day(d), mod, anchored))
        return pieces
    extra = c.groups.get("dl2")
    if extra and extra[0].strip():
        days = list(vocab.day_regex.finditer(w.text, extra[1], extra[2]))
        pieces.append(Resolved(c.start, c.groups["d"][2], "DATE", cal.day(d), mod, anchored))
        for i, dm in enumerate(days):
            if other(dm):
                e = c.end if i == len(days) - 1 else dm.end()
                pieces.append(Resolved(dm.start(), e, "DATE", cal.day(other(dm)), mod, anchored))
        return pieces
    if c.g("weekof"):  # "the week of March 6", "la semaine du 6 mars": that day's week
        return w.one(cal.week(d), anchored)
    return w.one(cal.day(d), anchored)


_HANDLERS = {"date": _date, **RELATIVE_HANDLERS}
