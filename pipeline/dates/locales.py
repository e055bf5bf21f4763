"""Date vocabularies for languages without a data file, made from dateparser's locale data.

dateparser ships, for some 200 languages, the names of the months and weekdays, unit
words, relative words ("ayer", "letztes Jahr") and "ago" phrases ("hace 3 años", "vor 3
Jahren", "3 anni fa"). For a language without ``data/dates/<lang>.yaml`` they are turned
here into a data file of the same shape, with a few patterns that hold across languages:
day-month-year ("24 de noviembre de 2022", "Donnerstag, 24. November 2022"), month-year
("diciembre de 2020"), numeric dates in the language's order, a weekday, a year after the
language's word for "in", relative words and "ago" phrases. ``vocabulary.build`` compiles
it like a hand-written file, so offsets, values and the article-date anchoring follow the
same rules; what needs a language's grammar (tense, seasons, modifiers such as "fin",
number words) is left to hand-written files.

Left out on purpose: abbreviations of two letters or fewer ("Do", "Mi" are also words),
and "tomorrow", which is also "morning" in Spanish and German ("mañana", "Morgen").
"""

from __future__ import annotations

import re

UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D"}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = re.compile(r"^(in )?(\d+) (year|month|week|day)(?: ago)?$")
ISO = r"(?P<y>(?:1[0-9]|20)\d\d)-(?P<mn>0[1-9]|1[0-2])-(?P<d>[0-2][0-9]|3[01])"
AGO = re.compile(r"^(?P<before>.*?)\(\\d[^)]*\)(?P<after>.*)$")


def locale_info(lang: str) -> dict | None:
    """dateparser's data for ``lang`` ("es", "de", ...), or None when it has none."""
    from dateparser.languages.loader import default_loader  # slow import: only when needed

    try:
        return default_loader.get_locale(lang).info
    except (ValueError, KeyError):
        return None


def _words(forms, shortest: int = 3) -> list[str]:
    """Lower-cased forms with at least ``shortest`` letters, longest first."""
    out = {f.strip().lower() for f in forms if sum(ch.isalpha() for ch in f) >= shortest}
    return sorted(out, key=lambda w: (-len(w), w))


def _ago_words(info: dict) -> tuple[set[str], set[str], set[str]]:
    """Words before and after "<n> <unit>" in the language's "ago" phrases, and the unit
    words found there (inflected: "Jahren", "años")."""
    before, after, units = set(), set(), set()
    for name, patterns in (info.get("relative-type-regex") or {}).items():
        unit = name.split()[-2] if name.endswith(" ago") else None
        if unit not in UNITS:
            continue
        for pattern in patterns:
            m = AGO.match(pattern)
            if not m:
                continue
            tail = m.group("after").split()
            if m.group("before").strip():
                before.add(m.group("before").strip())
            if tail and len(tail[0]) > 2:
                units.add(tail[0])
            if len(tail) > 1:
                after.add(" ".join(tail[1:]))
    return before, after, units


def _units(info: dict, ago_units: set[str]) -> dict[str, str]:
    """Each unit word's code, the inflected forms of the "ago" phrases too ("Jahren",
    "años")."""
    unit_words = {code: _words(info.get(name, ())) for name, code in UNITS.items()}
    units = {w: code for code, words in unit_words.items() for w in words}
    for word in ago_units:
        for code, words in unit_words.items():
            if any(word.lower().startswith(u[:3]) for u in words):
                units.setdefault(word.lower(), code)
    return units


def _deictic(info: dict) -> dict[str, list]:
    """Relative words ("ayer", "letztes Jahr") -> [unit code, offset]."""
    deictic = {}
    for name, phrases in (info.get("relative-type") or {}).items():
        m = RELATIVE.match(name)
        if not m or (m.group(1) and m.group(3) == "day"):  # "mañana": also "morning"
            continue
        k = int(m.group(2)) * (1 if m.group(1) else -1)
        for phrase in _words(phrases):
            deictic[phrase] = [UNITS[m.group(3)], k]
    return deictic


def _patterns(order: str, before, after, in_words) -> list[dict]:
    """The patterns that hold across languages, for what the language has words for."""
    patterns = [
        {"kind": "date", "re": ISO},
        {"kind": "date", "re": _numeric(order)},
        # "jueves 24 de noviembre de 2022", "Donnerstag, dem 24. November 2022"
        {"kind": "date", "re": r"(?:(?P<wd>{WEEKDAY}),?\s+(?:[^\W\d_]{1,3}\s+)?)?(?P<d>{DAY})\.?"
                               r"\s+(?:(?:{SKIP})\s+)?(?P<m>{MONTH})"
                               r"(?:,?\s+(?:(?:{SKIP})\s+)?(?P<y>{YEAR}))?"},
        # "diciembre de 2020", "Dezember 2020"
        {"kind": "date", "re": r"(?P<m>{MONTH})(?:\s+(?:{SKIP}))?\s+(?P<y>{YEAR})"},
        {"kind": "deictic", "re": r"(?P<deic>{DEICTIC})"},
        {"kind": "weekday", "re": r"(?P<wd>{WEEKDAY})"},
    ]
    if order.startswith("m"):  # "November 24, 2022"
        patterns.insert(2, {"kind": "date", "re": r"(?P<m>{MONTH})\.?\s+(?P<d>{DAY})"
                                                  r"(?:,?\s+(?P<y>{YEAR}))?"})
    if before:  # "hace 3 años", "vor 3 Jahren"
        patterns.append({"kind": "ago", "re": r"(?:{AGO_BEFORE})\s+(?P<n>{NUM})\s+(?P<u>{UNIT})"
                                              + (r"(?:\s+(?:{AGO_AFTER}))?" if after else "")})
    elif after:  # "3 anni fa"
        patterns.append({"kind": "ago", "re": r"(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?:{AGO_AFTER})"})
    if in_words:  # "en 2020", "in 2020"; "en diciembre": the year from the article's date
        patterns.append({"kind": "year", "re": r"(?P<pre>{YEARPRE})\s+(?P<y>{YEAR})"})
        patterns.append({"kind": "date", "re": r"(?P<pre>{YEARPRE})\s+(?P<m>{MONTH})"
                                               r"(?:\s+(?:(?:{SKIP})\s+)?(?P<y>{YEAR}))?"})
    return patterns


def from_locale(lang: str, info: dict) -> dict:
    """A data-file dict (the shape of ``data/dates/*.yaml``) for ``lang``."""
    from .vocabulary import alternation

    months = {i: _words(info.get(name, ())) for i, name in enumerate(MONTHS, 1)}
    weekdays = {i: _words(info.get(name, ()), 4) for i, name in enumerate(WEEKDAYS)}
    before, after, ago_units = _ago_words(info)
    units = _units(info, ago_units)
    skip = [w for w in info.get("skip", ()) if w.isalpha()]
    in_words = [w for w in info.get("in", ()) if w.isalpha()]
    order = str(info.get("date_order") or "DMY").lower()
    return {
        "lang": lang,
        "months": months,
        "weekdays": weekdays,
        "numeric_order": order,
        "units": units,
        "deictic": _deictic(info),
        "year_prefixes": in_words,
        "raw_words": {
            "SKIP": alternation(skip),
            "AGO_BEFORE": alternation(before),
            "AGO_AFTER": alternation(after),
        },
        # listed as words too: a match may start with them (``vocabulary.build`` finds the
        # start words in the data, and the slots above are regular expressions)
        "link_words": sorted({*skip, *before, *after}),
        "patterns": _patterns(order, before, after, in_words),
    }


def _numeric(order: str) -> str:
    """A numeric date in the language's order, with one separator: "24.11.2022"."""
    parts = {"d": r"(?P<d>[0-2]?[0-9]|3[01])", "m": r"(?P<mn>0?[1-9]|1[0-2])",
             "y": r"(?P<y>(?:1[0-9]|20)\d\d)"}
    first, *rest = [parts[c] for c in order if c in parts]
    return first + r"(?P<sep>[/.])" + r"(?P=sep)".join(rest) + r"(?![/.]?\d)"
