"""The story's reference time: where the dates told so far have taken the story.

In: the article's text, its sentences, the language's :class:`Vocabulary`, the article
date. :meth:`Story.context` gives the :class:`Context` a candidate is resolved in;
:meth:`Story.advance` moves the story on with each date resolved.

The anchors: the previous day ("la veille", "two days later" count from it, else from the
DCT), the previous date of any precision ("l'année suivante"), the paragraph's year (a
partial date takes it when the year opens the sentence, "En 2001, ... le 3 mars", when
it follows a full date of that year, or when the article's own year contradicts the
tense), the quarter a story reports on ("the year-ago quarter"), the week ahead it names
(a weekday told in the future falls in it). Dates after "depuis", "since", "jusqu'en" are
bounds, not steps of the story; dates counted back from it ("two days earlier") are looks
back, and a date going back behind a participle on a noun ("l'attaque perpétrée le
4 mars") is an aside: they anchor nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..periods import period
from ..records import granularity
from ..segment import SentenceIndex
from . import calendar as cal
from .recognise import Candidate
from .tense import looks_ahead, participle_before
from .values import Context, Resolved
from .vocabulary import Vocabulary, key

_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_WRITES_YEAR = frozenset(("y", "ry", "rel", "same"))  # groups that set a date's year


@dataclass
class Story:
    index: SentenceIndex
    vocab: Vocabulary
    ref: dt.date | None  # the article date
    precision: str
    anchor: dt.date | None = None
    anchor_precision: str = "none"
    day_anchor: dt.date | None = None
    quarter: tuple[int, int] | None = None  # (year, n): the quarter the story reports on
    narrative: tuple[int, int, bool] | None = None  # (year, paragraph, year-only frame)
    apposed: tuple[int, int] | None = None  # (year, end) of "il y a un an", "last year"
    # the last day named by its weekday or as "yesterday", or by its date on the article's
    # eve: news copy names the days of the week it reports on so, and a day further back by
    # its date ("on Sept. 11")
    news_day: dt.date | None = None
    anchor_end: int = -1  # where the date that set ``anchor`` ends in the text
    week: dt.date | None = None  # the Monday of the week ahead the story last named
    part_day: tuple[dt.date, int] | None = None  # (day, end) of the last part of a day named
    ahead_day: dt.date | None = None  # the last day named after the article's
    # (month, day) -> the value of each day named by its date: named again without its year,
    # it is the same day ("take effect on Aug. 1 ... had flagged the August 1 date earlier")
    named_days: dict[tuple[int, int], str] = field(default_factory=dict)

    def context(self, c: Candidate, paragraph: int, tense: str | None,
                words_day: dt.date | None = None) -> Context:
        """What candidate ``c`` of ``paragraph`` is resolved against."""
        story = self.narrative if self.narrative and self.narrative[1] == paragraph else None
        if self.apposed:
            between = self.index.text[self.apposed[1]:c.start].strip(" ,")
            if len(between) <= 3 and (between.isalpha() or not between):
                story = (self.apposed[0], paragraph, True)  # "Il y a un an, le 24 novembre"
        self.apposed = None
        if tense is None and self._in_sentence_of_past(c.start) and not looks_ahead(
                self.index.text, self.anchor_end, c.start, self.vocab):
            # no verb near, but a full date of a past year or a day gone by before it in its
            # sentence: the sentence tells the past ("met in September 2016, following a
            # visit ... in April": April 2016, not the April ahead of a March 2018 article),
            # unless what follows that date looks ahead ("Friday agreed to broker a summit
            # between ... in April")
            tense = "past"
        month = self.anchor if self.anchor_precision == "month" and 0 <= self.anchor_end \
            <= c.start and self.index.around(c.start, c.start)[0] <= self.anchor_end else None
        return Context(self.ref, self.precision, self.anchor, self.anchor_precision,
                       story[0] if story else None, tense, self._day_before(c.start, tense),
                       bool(story and story[2]), self.quarter, words_day, self.week, month)

    def _day_before(self, start: int, tense: str | None) -> dt.date | None:
        """The day an anaphor at ``start`` read in ``tense`` counts from: the story's, or a
        part of a day named before it in its sentence ("arrivé mercredi matin, sans
        événement ce jour-là"); in a future, the last day ahead the story named when its day
        is gone ("will visit on Sept. 17 ..., welcomed Friday ... will return the same day")."""
        if self.part_day is not None:
            day, end = self.part_day
            if end <= start and self.index.around(start, start)[0] <= end:
                return day
        if (tense == "future" and self.ahead_day is not None and self.day_anchor is not None
                and self.ref is not None and self.day_anchor <= self.ref):
            return self.ahead_day
        return self.day_anchor

    def _not_over(self, value: str) -> bool:
        """The period ``value`` ends on or after the article date."""
        covered = period(value)
        return covered is not None and self.ref is not None and covered[1] >= self.ref

    def _recent(self, d: dt.date) -> bool:
        """A day by its date on the eve of the article's, as some house styles write the
        day reported on ("arrived in Ankara on Nov. 14")."""
        return self.ref is not None and self.precision == "day" and 0 < (self.ref - d).days <= 1

    def quote_day(self) -> dt.date | None:
        """The day quoted words were likely said: the day the story last named by its
        weekday, within the week before the article's; None otherwise."""
        day, ref = self.news_day, self.ref
        if day is None or ref is None or self.precision != "day":
            return None
        return day if 0 < (ref - day).days <= 7 else None

    def same_day(self, c: Candidate, r: Resolved) -> Resolved:
        """``r`` as the day the story last named with the same day and month, when ``c``
        writes them without a year or a word that sets one."""
        g = c.groups
        if c.kind != "date" or "d" not in g or "m" not in g or g.keys() & _WRITES_YEAR:
            return r
        d, p = cal.parse_value(r.value)
        named = self.named_days.get((d.month, d.day)) if p == "day" and d else None
        return replace(r, value=named) if named and named != r.value else r

    def advance(self, c: Candidate, r: Resolved, paragraph: int,
                tense: str | None = None) -> None:
        """Move the story on with date ``r`` resolved from candidate ``c`` read in
        ``tense``."""
        # a part of a day ("arrivé mardi soir") is when something happened around the
        # story, not a step of it: "le même jour" after it is still the story's day
        if r.type == "TIME" or r.type == "DATE" and c.g("part"):
            d, p = cal.parse_value(r.value)
            if p == "day":
                self.part_day = (d, r.end)
            if self.day_anchor is None:
                # but the first day the story tells is its day, a part of it too ("a reçu,
                # hier matin, ... Il avait eu, la veille, un entretien")
                self.day_anchor = d if p == "day" else None
            return
        if r.type != "DATE" or self._background(r.start):
            return
        if c.kind in ("date", "relunit") and _QUARTER.match(r.value) and not c.has("qback") \
                and not (tense == "future" and self._not_over(r.value)):  # not a forecast
            self.quarter = (int(r.value[:4]), int(r.value[-1]))
        d, p = cal.parse_value(r.value)
        self.week = self._week_ahead(c, r.value, d, p)
        if d is None or _flashback(c.kind, d, self.day_anchor or self.anchor or self.ref) \
                or self._aside(r.start, d):
            return
        if p == "year" and c.kind in ("ago", "relunit", "deictic"):
            self.apposed = (d.year, r.end)
        if p == "day":
            self.day_anchor = d
            if c.kind == "date" and c.has("d") and c.has("m"):
                self.named_days[(d.month, d.day)] = r.value
            if self.ref is not None and d > self.ref:
                self.ahead_day = d
            if c.kind in ("weekday", "deictic") or self._recent(d):
                self.news_day = d
        if granularity(r.value) in ("day", "month", "year"):
            self.anchor, self.anchor_precision, self.anchor_end = d, p, r.end
        year = self._narrative_year(c, r, d, p)
        if year is not None:
            self.narrative = (d.year, paragraph, year)

    def _week_ahead(self, c: Candidate, value: str, d: dt.date | None,
                    p: str) -> dt.date | None:
        """The week ahead the story is in after candidate ``c`` resolved to ``value``
        (``d``, ``p`` as parsed): the one it names; the one it was in, after a weekday
        that fell in it or a month or year that holds it ("cette année"); else none (a
        day written out is another thread: "in Zambia next week ... July 2")."""
        if self.ref is None:
            return None
        m = _WEEK.match(value)
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday if monday > self.ref else None
        week = self.week
        if week is None or d is None:
            return None
        if p == "day" and c.kind == "weekday" and 0 <= (d - week).days < 7:
            return week
        holds = d.year == week.year and (p == "year" or p == "month" and d.month == week.month)
        return week if holds else None

    def _narrative_year(self, c: Candidate, r: Resolved, d: dt.date, p: str) -> bool | None:
        """Whether the date sets the paragraph's year: False for a date with a month,
        True for a year alone opening its sentence, None when it sets none."""
        # the year a date spells or takes from the story: "le 22 décembre suivant"
        rel = c.g("rel")
        from_story = c.g("same") or rel and key(rel) in self.vocab.relative_anaphoric
        if (c.g("y") or from_story) and (c.g("m") or c.g("mn")):
            return False
        if p != "year" or r.mod:
            return None
        if c.g("y") and self._opens_sentence(r.start):
            return True
        if from_story and self._starts_sentence(r.start):
            return True  # "L'année suivante, ... en juillet"
        return None

    def _in_sentence_of_past(self, start: int) -> bool:
        """The story's last date is of a year before the article's, or a day before the
        article's, and ends before ``start`` in its sentence."""
        if self.anchor is None or self.ref is None or self.anchor_end > start:
            return False
        if self.anchor.year >= self.ref.year and not (
                self.anchor_precision == "day" and self.anchor < self.ref):
            return False
        return self.index.around(start, start)[0] <= self.anchor_end

    def _aside(self, start: int, d: dt.date) -> bool:
        """A date going back before the story's, behind a participle on a noun ("après
        l'attaque perpétrée le 4 mars"): an aside; the story stays where it was."""
        base = self.day_anchor or self.anchor
        if base is None or d >= base:
            return False
        return participle_before(self.index.text, start, self.vocab)

    def _background(self, start: int) -> bool:
        """A date after "depuis", "since", "jusqu'en": a bound, not a step of the story."""
        rx = self.vocab.background_regex
        return bool(rx and rx.search(self.index.text, max(0, start - 24), start))

    def _starts_sentence(self, start: int) -> bool:
        """Nothing but spaces, quotes or list marks before ``start`` in its sentence."""
        left, _ = self.index.around(start, start)
        return not self.index.text[left:start].strip(" \t\n«\"'“-—–*_#>")

    def _opens_sentence(self, start: int) -> bool:
        """A year that opens its sentence after a frame word alone: "En 2001, ..."."""
        rx = self.vocab.frame_regex
        if rx is None:
            return False
        left, _ = self.index.around(start, start)
        m = rx.search(self.index.text, left, start)
        return bool(m and self._starts_sentence(m.start()))


def _flashback(kind: str, d: dt.date, base: dt.date | None) -> bool:
    """A date counted back from the story's ("two days earlier", "la veille", "a year
    earlier"): a look back, after which the story goes on from where it was ("three days
    later" counts from the date before the look back, "a year earlier" twice is one year);
    ``base``: the story's date, else the article's."""
    return kind in ("later", "anaphor") and base is not None and d < base
