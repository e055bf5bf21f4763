"""Merge again after some articles changed, taking afresh only the decisions that can differ.

The merge (``pipeline.merge``) is a greedy pass in a fixed order: each event joins a
cluster or starts one, and what it decides depends only on the clusters it is compared
with: for an event dated to the day, the clusters holding a report of that day or of a
day beside it; for a coarser one, the clusters whose first report starts within its
period and that share an actor, a state or an article with it. So the last merge's
decisions, kept in a ``Trace``, hold for every event of an unchanged article that is
compared with no *changed* cluster: one whose reports, so far in the pass, are not the
last merge's (it takes a new article's event, loses a report of a changed or removed
article, or an event decided afresh chose otherwise). Those decisions are replayed; every
other one is taken as the full merge takes it, on the same clusters. The result is the
full merge's, event for event, whichever articles changed (the tests compare the two
over random additions, edits and removals).

What a changed cluster can be compared with is its *footprint*: the first day of its
first report, the days of its day-dated reports and the keys (actors, states, articles)
of all of them, as the last merge left it and as this one builds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .merge import Clusters, day_of, days_of, decide, merged, order_key, precision
from .periods import period
from .records import Event

EventId = tuple[str, int]  # an article's path and the event's rank among its events


@dataclass(frozen=True)
class Footprint:
    """What a cluster can be compared with (see the module's docstring)."""

    start: int  # the first day its first report can stand for, as an ordinal
    days: frozenset[int]  # the days of its reports dated to the day, as ordinals
    keys: frozenset[str]  # ``Clusters.keys`` of every report


@dataclass(frozen=True)
class Trace:
    """What a merge decided, for the next one: the content key of every article merged,
    the first event of the cluster each event joined, and each cluster's footprint."""

    digests: dict[str, str]
    founders: dict[EventId, EventId]
    footprints: dict[EventId, Footprint]
    afresh: int = 0  # how many decisions this merge took afresh rather than replayed


def _start(e: Event) -> int:
    return period(e.value, e.mod)[0].toordinal()


class _Changes:
    """The changed clusters, and the union of their footprints, indexed to answer
    ``reaches`` quickly."""

    def __init__(self, before: dict[EventId, Footprint]) -> None:
        self.before = before
        self.founders: set[EventId] = set()
        self.days: set[int] = set()
        self.keys: dict[str, set[int]] = {}  # key -> first days of the clusters holding it

    def mark(self, founder: EventId, now: Footprint | None = None) -> None:
        """The cluster started by ``founder`` is changed: its footprint as the last merge
        left it, and as this one has built it so far (``now``), can no longer be replayed
        against."""
        if founder in self.founders:
            return
        self.founders.add(founder)
        for footprint in (self.before.get(founder), now):
            if footprint is not None:
                self.days.update(footprint.days)
                for k in footprint.keys:
                    self.keys.setdefault(k, set()).add(footprint.start)

    def add(self, e: Event, start: int) -> None:
        """A report joins a changed cluster whose first report starts on ``start``."""
        self.days.update(days_of(e))
        for k in Clusters.keys(e):
            self.keys.setdefault(k, set()).add(start)

    def reaches(self, e: Event) -> bool:
        """Whether ``e`` may be compared with a changed cluster."""
        if precision(e) == 0:
            days = days_of(e)
            return not self.days.isdisjoint(range(days[0] - 1, days[-1] + 2))
        lo, hi = period(e.value, e.mod)
        lo, hi = lo.toordinal(), hi.toordinal()
        return any(lo <= s <= hi for k in Clusters.keys(e) for s in self.keys.get(k, ()))


def remerge(articles: Sequence[tuple[str, str, Sequence[Event]]], lang_of=lambda e: "fr",
            previous: Trace | None = None) -> tuple[tuple[Event, ...], Trace]:
    """``merge`` of the events of ``articles`` ((path, content key, events) each), with
    the decisions of ``previous`` replayed where they hold; and the trace of this merge."""
    events: list[Event] = []
    ids: list[EventId] = []
    digests: dict[str, str] = {}
    for path, digest, evs in articles:
        digests[path] = digest
        events.extend(evs)
        ids.extend((path, i) for i in range(len(evs)))
    before = previous or Trace({}, {}, {})
    kept = {p for p, d in digests.items() if before.digests.get(p) == d}
    changes = _Changes(before.footprints)
    for eid, founder in before.founders.items():
        if eid[0] not in kept:  # a report no longer told, or told otherwise
            changes.mark(founder)
    clusters = Clusters()
    index_of: dict[EventId, int] = {}  # founder -> its cluster
    founder_at: list[EventId] = []
    starts: list[int] = []
    founders: dict[EventId, EventId] = {}
    afresh = 0

    def footprint(i: int) -> Footprint:
        """The footprint of cluster ``i`` as built so far (its keys and days are indexed
        by ``Clusters`` already)."""
        return Footprint(starts[i], frozenset(x for d in clusters.days[i]
                                              for x in range(d.day, d.last + 1)),
                         frozenset(clusters.key_sets[i]))

    for k in sorted(range(len(events)), key=lambda k: order_key(events[k])):
        e, eid = events[k], ids[k]
        day = day_of(e)
        was = before.founders.get(eid) if eid[0] in kept else None
        if was is not None and not changes.reaches(e):
            index = None if was == eid else index_of[was]
        else:
            afresh += 1
            index = decide(clusters, e, day)
            now = eid if index is None else founder_at[index]
            if was != now:
                if was is not None:
                    changes.mark(was, footprint(index_of[was]) if was in index_of else None)
                changes.mark(now, footprint(index) if index is not None else None)
        clusters.add(e, index, day)
        if index is None:
            index = index_of[eid] = len(founder_at)
            founder_at.append(eid)
            starts.append(_start(e))
        founder = founders[eid] = founder_at[index]
        if founder in changes.founders:
            changes.add(e, starts[index])
    footprints = {f: footprint(i) if f in changes.founders else before.footprints[f]
                  for i, f in enumerate(founder_at)}
    return merged(clusters, lang_of), Trace(digests, founders, footprints, afresh)
