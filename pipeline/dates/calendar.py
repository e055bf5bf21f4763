"""Small calendar helpers used to normalise dates to ISO-TimeML TIMEX3 values.

In: ``datetime.date`` values, years, months, ISO strings. Out: ISO-TimeML strings
("2022-11-24", "2022-11", "2022-W47", "2022-W47-WE", "2022-Q4", "2022-SU", "199", "19") or
dates, and the reverse parsing of a value prefix into a reference date.
"""

from __future__ import annotations

import datetime as dt
import re

# a season's first and last day (month, day), from the solstice or equinox; a winter ends
# in the next year
SEASON_DAYS = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)),
               "WI": ((12, 21), (3, 19))}
SEASON_START = {code: first[0] for code, (first, _) in SEASON_DAYS.items()}  # its month
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def add_days(d: dt.date, k: int) -> dt.date:
    return d + dt.timedelta(days=k)


def valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def easter(y: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    mo = (h + l_ - 7 * m + 114) // 31
    da = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, mo, da)


WEEKDAY_CODES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def holiday(spec: str, y: int) -> dt.date | None:
    """Date of a holiday given as "MM-DD", "easter+N" or "MM-nDAY", the n-th weekday of a
    month ("11-4thu", Thanksgiving; "05-lastmon" its last one), maybe shifted by days
    ("11-1mon+1": the Tuesday after the first Monday), in year ``y``."""
    m = re.fullmatch(r"easter([+-][0-9]+)", spec)
    if m:
        return add_days(easter(y), int(m.group(1)))
    m = re.fullmatch(r"([0-9]{2})-([1-5]|last)(mon|tue|wed|thu|fri|sat|sun)([+-][0-9]+)?", spec)
    if m:
        d = nth_weekday(y, int(m.group(1)), m.group(2), WEEKDAY_CODES[m.group(3)])
        return add_days(d, int(m.group(4) or 0)) if d else None
    mm, dd = spec.split("-")
    return valid(y, int(mm), int(dd))


def nth_weekday(y: int, month: int, nth: str, wd: int) -> dt.date | None:
    """The ``nth`` ("1".."5" or "last") ``wd`` (0 is Monday) of a month."""
    last = add_days(dt.date(y + month // 12, month % 12 + 1, 1), -1)
    return nth_weekday_between(dt.date(y, month, 1), last, nth, wd)


def nth_weekday_between(first: dt.date, last: dt.date, nth: str, wd: int) -> dt.date | None:
    """The ``nth`` ("1".."5" or "last") ``wd`` (0 is Monday) from ``first`` to ``last``."""
    if nth == "last":
        return add_days(last, -((last.weekday() - wd) % 7))
    d = add_days(first, (wd - first.weekday()) % 7 + 7 * (int(nth) - 1))
    return d if d <= last else None


def season_bounds(y: int, code: str) -> tuple[dt.date, dt.date]:
    """The first and last day of season ``code`` of year ``y`` (a winter from December)."""
    (m1, d1), (m2, d2) = SEASON_DAYS[code]
    return dt.date(y, m1, d1), dt.date(y + (m2 < m1), m2, d2)


def roman(s: str) -> int | None:
    s = s.upper()
    if s.isdigit():
        return int(s)
    total = 0
    for i, ch in enumerate(s):
        v = ROMAN.get(ch)
        if v is None:
            return None
        nxt = ROMAN.get(s[i + 1]) if i + 1 < len(s) else 0
        total += -v if nxt and nxt > v else v
    return total


def parse_value(value: str | None) -> tuple[dt.date | None, str]:
    """Reference date and precision ("day", "month", "year", "none") of an ISO value prefix."""
    if not value:
        return None, "none"
    m = re.match(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", value)
    if not m:
        return None, "none"
    y = int(m.group(1))
    if m.group(3):
        d = valid(y, int(m.group(2)), int(m.group(3)))
        if d:
            return d, "day"
    if m.group(2) and 1 <= int(m.group(2)) <= 12:
        return dt.date(y, int(m.group(2)), 15), "month"
    return dt.date(y, 7, 1), "year"
