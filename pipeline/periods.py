"""What an ISO-TimeML date value covers: the one rule every stage and the site use.

In: a value as the date stage writes it ("2022-11-24", "2022-W47", "2022-W47-WE",
"2022-11", "2022-Q4", "2022-H1", "2022-SU", "2022", "202" the 2020s, "20" the 2000s)
and its modifier (START | MID | END | APPROX | BEFORE | AFTER | None). Out: its
granularity, the first and last day it covers, the day it sorts on, and the order of
events. Values that name no calendar period ("PAST_REF", "XXXX-11", "P2Y") cover none.

The choices, one per case (docs/architecture.md has the table):

- a season is three whole months (meteorological seasons): spring March-May, summer
  June-August, autumn September-November, and the winter of year Y December of Y to the
  end of February of Y+1 (the date stage writes "l'hiver dernier", said in February 2023,
  as 2022-WI);
- a decade "202" is 2020-2029, a century "20" is 2000-2099;
- START, MID and END are the first, middle and last third of the period, cut on whole
  months when the period is three months or more ("fin 2020" is September-December 2020,
  "mi-2020" May-August), else on whole days ("fin mars" is 21-31 March, "début de
  semaine" Monday-Tuesday); a day, or a weekend, has no thirds;
- APPROX, BEFORE and AFTER keep the period of the value they qualify: the site says
  "vers 2020" or "avant 2020", and an open-ended span would let the merge join a report to
  any earlier or later happening;
- an event sorts where its words place it in what it covers: on the first day, on the
  last for END ("fin 2020" after the events dated in December 2020), on the middle for
  MID; the merge, the content, curation and the site list events in that one order.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from functools import lru_cache

# the order of precision, finest first: the merge keeps the finest date of its parts
PRECISION = {"day": 0, "weekend": 1, "week": 1, "month": 2, "season": 3, "quarter": 3,
             "half": 4, "year": 5, "decade": 6, "century": 7}
THIRDS = ("START", "MID", "END")
MODS = (*THIRDS, "APPROX", "BEFORE", "AFTER")
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each season starts
# the first months and number of months of the periods counted in months
_MONTHS = {"quarter": 3, "half": 6, "season": 3}
_WEEK = re.compile(r"(\d{4})-W(\d\d)(?:-WE)?")
FIRST_DAY = dt.date(1, 1, 1)  # where a value that covers no period sorts


def granularity(value: str) -> str:
    """day, weekend, week, month, season, quarter, half, year, decade, century, ref, or
    unknown."""
    if value.endswith("_REF"):
        return "ref"
    parts = value.split("-")
    if len(parts) == 3:
        return "weekend" if parts[2] == "WE" else "day"
    if len(parts) == 2:
        tail = parts[1]
        if tail in SEASONS:  # before the weeks: "WI" is winter, not a week
            return "season"
        if tail.startswith("Q") or tail.startswith("H"):
            return "quarter" if tail.startswith("Q") else "half"
        if tail.startswith("W"):
            return "week"
        return "month"
    if len(value) == 4:
        return "year"
    if len(value) in (2, 3) and value.isdigit():
        return "decade" if len(value) == 3 else "century"
    return "unknown"


def precision(value: str) -> int:
    """The rank of the value's granularity, finest first (9 for a value of no period)."""
    return PRECISION.get(granularity(value), 9)


def _months(year: int, month: int, n: int) -> tuple[dt.date, dt.date]:
    """The ``n`` whole months from ``month`` of ``year`` on."""
    last_year, last_month = divmod(year * 12 + month - 1 + n - 1, 12)
    last_month += 1
    return (dt.date(year, month, 1),
            dt.date(last_year, last_month, monthrange(last_year, last_month)[1]))


def _whole(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of the value itself, without its modifier; None when it names
    no calendar period (or one outside the years 1 to 9999)."""
    g = granularity(value)
    try:
        if g == "day":  # a time ("2022-11-24TEV") covers its day
            day = dt.date.fromisoformat(value[:10])
            return day, day
        if g in ("week", "weekend"):
            m = _WEEK.fullmatch(value)
            if not m:
                return None
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if g == "weekend":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if g in ("decade", "century"):
            size = 10 if g == "decade" else 100
            return _months(int(value) * size, 1, 12 * size)
        if g not in ("month", "season", "quarter", "half", "year") or not value[:4].isdigit():
            return None
        year, tail = int(value[:4]), value[5:]
        if g == "year" and len(value) == 4:
            return _months(year, 1, 12)
        if g == "month" and len(tail) == 2 and tail.isdigit():
            return _months(year, int(tail), 1)
        if g == "season":
            return _months(year, SEASONS[tail], 3)
        if g in ("quarter", "half") and tail[1:].isdigit():
            n, size = int(tail[1:]), _MONTHS[g]
            if 1 <= n <= 12 // size:
                return _months(year, (n - 1) * size + 1, size)
    except (ValueError, OverflowError):  # no such day, week or month; year 0 or 10000
        return None
    return None


def _third(first: dt.date, last: dt.date, k: int) -> tuple[dt.date, dt.date]:
    """The ``k``-th third (0, 1, 2) of a period: on whole months when it is three months or
    more, else on whole days; a period shorter than three days is not cut."""
    n_months = (last.year - first.year) * 12 + last.month - first.month + 1
    whole_months = first.day == 1 and last.day == monthrange(last.year, last.month)[1]
    if whole_months and n_months >= 3:
        a, b = n_months * k // 3, n_months * (k + 1) // 3
        start = _months(first.year, first.month, a)[1] + dt.timedelta(days=1) if a else first
        return start, _months(first.year, first.month, b)[1]
    n_days = (last - first).days + 1
    if n_days < 3:
        return first, last
    return (first + dt.timedelta(days=n_days * k // 3),
            first + dt.timedelta(days=n_days * (k + 1) // 3 - 1))


@lru_cache(maxsize=65536)  # pure, and asked again and again for the same values
def period(value: str, mod: str | None = None) -> tuple[dt.date, dt.date] | None:
    """First and last day a value with its modifier can stand for; None when the value
    names no calendar period."""
    whole = _whole(value)
    if whole is None or mod not in THIRDS:
        return whole
    return _third(*whole, THIRDS.index(mod))


def sort_date(value: str, mod: str | None = None) -> dt.date:
    """The day an event sorts on: the first day of what it covers, the last for END, the
    middle for MID (1 January of the year 1 when it covers no period: it comes first)."""
    span = period(value, mod)
    if span is None:
        return FIRST_DAY
    first, last = span
    if mod == "END":
        return last
    if mod == "MID":
        return first + (last - first) // 2
    return first


def event_order(e) -> tuple:
    """The order of events (anything with ``value``, ``mod`` and ``id``) wherever they are
    listed: by date, then value, then id."""
    return sort_date(e.value, e.mod), e.value, e.id


def span(first: str, last: str) -> tuple[dt.date, dt.date] | None:
    """The days a range of two values covers ("2020-11" to "2022-11", a duration anchored on
    its article): the first day of the one to the last day of the other."""
    a, b = period(first), period(last)
    if a is None or b is None or b[1] < a[0]:
        return None
    return a[0], b[1]
