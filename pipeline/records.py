"""Typed records passed from stage to stage.

Every record is frozen and carries the path of its source file and character offsets
into the whole decoded file (front matter included), so that any piece of output can be
traced back to ``file_text[start:end]``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .periods import granularity


@dataclass(frozen=True)
class Dct:
    """Document creation time: an ISO date (or a prefix of one) and where it came from."""

    value: str
    source: str  # "metadata" | "option" | "inferred"


@dataclass(frozen=True)
class Article:
    """One source article as read from disk."""

    path: str
    text: str  # the whole decoded file
    body_start: int  # offset where the body begins (after title line or front matter)
    title: str
    lang: str
    dct: Dct | None  # from metadata or option; None until inferred
    source: str = ""
    url: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


@dataclass(frozen=True)
class Sentence:
    path: str
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph, so that continuation stays in one paragraph


@dataclass(frozen=True)
class Timex:
    """A temporal expression normalised to ISO-TimeML TIMEX3."""

    path: str
    start: int
    end: int
    text: str
    type: str  # DATE | DURATION | SET | TIME
    value: str  # e.g. "2022-11-24", "2020", "2021-Q3", "PAST_REF", "P2Y"
    mod: str | None = None  # START | MID | END | APPROX | BEFORE | AFTER
    anchored: bool = True  # False when the year or date had to be guessed without context
    # for durations anchored on the article's date, the period they cover ("2020-11/2022-11")
    period: str | None = None
    tense: str | None = None  # "past" | "future" | "scheduled" | None: its clause's, if known

    @property
    def granularity(self) -> str:
        return granularity(self.value)


# The years a date may name: a news article's, or an event's it reports. Far enough from
# the calendar's ends (0001, 9999) that a season, a neighbouring day or a third of a year
# never leaves it; a date beyond is a placeholder (a CMS's 0001-01-01) or a typo.
YEARS = range(1000, 3000)


def supported(value: str) -> bool:
    """Whether an ISO-TimeML value with a four-digit year names one of ``YEARS``."""
    return value[:4].isdigit() and int(value[:4]) in YEARS


def years_hint() -> str:
    """What to write instead of a date out of ``YEARS``, for messages."""
    return f"years {YEARS[0]}-{YEARS[-1]}"


@dataclass(frozen=True)
class Mention:
    """An actor or country named in the text."""

    path: str
    start: int
    end: int
    text: str
    kind: str  # "person" | "org" | "country" | "place" | "role"
    key: str  # canonical actor name or ISO 3166 code
    country: str | None = None  # the actor's country, or the place's country
    reviewed: bool = True  # False for names not found in the gazetteer


@dataclass(frozen=True)
class Evidence:
    path: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Event:
    id: str
    value: str
    mod: str | None
    types: tuple[str, ...]
    mode: str | None
    actors: tuple[str, ...]
    countries: tuple[str, ...]
    place: str | None
    status: str  # "happened" | "planned"
    title: str
    sources: tuple[Evidence, ...]
    unreviewed_actors: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=())  # earlier ids that now lead here
    inferred_date: bool = False
    date_text: str = ""  # the date as the most precise source words it ("jeudi 24 novembre")
    curated: tuple[str, ...] = ()  # fields set by hand in the curation file ("value", "title")
    end: str | None = None  # the last day of a happening over several days (value: its first)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the unit that is cached and merged."""

    article: Article
    dct: Dct
    timexes: tuple[Timex, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]  # this article's events, before merging across articles


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """Run a bulk stage with Python's cycle collector paused.

    Extractions, events, the sidecar's data and the site's view model are acyclic while
    they are built (frozen records, tuples, dicts of strings): reference counting frees
    them, while the cycle collector walks the whole growing heap again at each collection.
    On 1,000 articles it took 40% of the extraction in one process and a fifth of a
    rebuild's merge and write, and a third of the building of the site's view model.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # what the stage allocated (and still holds) leaves the collector's view:
            # enabled on a young generation of millions of objects, it would walk them all
            # at the next allocation, then again in each older generation. Freed objects
            # are still freed by reference counting.
            gc.freeze()
            gc.enable()
