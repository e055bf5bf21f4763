"""Merge stage: events of every article -> one event per real-world happening.

1. Events on the same day merge when they share participants (same article: unless
   their actors and types are both disjoint, so that two happenings told apart stay
   apart); a visit or a summit told over adjacent days merges with a shared actor.
2. Coarser events ("en 2021", "fin 2020", "in November 2021") then join the most similar
   event whose date lies in their period, or stand alone when none fits, or when two fit
   about equally (then the coarse report is kept as told rather than guessed). A coarse
   event joins at most one event, so it never chains two different days together.
The merged event takes the most precise date (from the first day to the last of a
happening told over several days), the union of the rest, every source, and keeps the ids
of its parts as aliases.
"""

from __future__ import annotations

import datetime as dt
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from . import modes
from .periods import PRECISION, event_order, granularity, period
from .records import Event
from .titles import make_title

LAST_DAY = dt.date.max.toordinal()
AMBIGUITY_MARGIN = 1.0  # how much better the best candidate must fit than the next


def precision(e: Event) -> int:
    return _precision(e.value)


@lru_cache(maxsize=65536)
def _precision(value: str) -> int:
    return PRECISION.get(granularity(value), 9)


def paths(e: Event) -> set[str]:
    return {s.path for s in e.sources}


def real_types(e: Event) -> set[str]:
    return set(e.types) - {"STATEMENT"}


# Modes that cannot be one happening (a phone call is not a visit, a summit or a break),
# and happenings that may last several days: both declared with the modes (data/modes.yaml)
APART = modes.apart_pairs()
STAY = modes.stays()


@lru_cache(maxsize=65536)
def _day_number(value: str) -> int:
    return dt.date.fromisoformat(value).toordinal()


@dataclass(frozen=True)
class _Day:
    """What ``same_happening`` reads of an event dated to the day, taken out once: a
    day's event is compared with every report of the clusters of the days around it."""

    day: int
    last: int  # the last day of a happening told over several days, else ``day``
    mode: str | None
    status: str
    place: str | None
    actors: frozenset
    countries: frozenset
    paths: frozenset
    types: frozenset  # real types

    @classmethod
    def of(cls, e: Event) -> _Day:
        day = _day_number(e.value)
        # people the gazetteer does not know are participants too: the same name told
        # on two days is the same person
        return cls(day, _day_number(e.end) if e.end else day, e.mode, e.status, e.place,
                   frozenset(e.actors) | frozenset(e.unreviewed_actors),
                   frozenset(e.countries), frozenset(paths(e)), frozenset(real_types(e)))


def same_happening(a: Event, b: Event) -> bool:
    """Two events of the same day (or adjacent days of one stay) told by one or more
    articles. A call and a visit stay apart, and so do what happened and what is only
    announced, or two stays in different places."""
    return _same_happening(_Day.of(a), _Day.of(b))


def _one_stay(a: _Day, b: _Day, shared_actors: frozenset) -> bool:
    """Whether reports of two adjacent days tell one stay."""
    modes = {a.mode, b.mode}
    # one trip told by one article over two days: the same people, or, where one of
    # the reports names none, the same two states ("La délégation tunisienne est
    # arrivée mercredi à Tripoli ... Elle a signé jeudi un accord avec la Libye")
    same_trip = shared_actors or (
        not a.paths.isdisjoint(b.paths) and not (a.actors and b.actors)
        and len(a.countries & b.countries) >= 2)
    # what one article tells of a stay under way, done today and planned tomorrow, is
    # one stay ("arrived on Sunday ... will meet the crown prince on Monday"); two
    # articles, one telling it done, the other only announced, stay apart
    told_alike = a.status == b.status or not a.paths.isdisjoint(b.paths)
    # a summit and a visit the next day are two stays, even for the same minister
    return bool(same_trip and told_alike and STAY & modes
                and not ("third-party" in modes and modes & {"visit", "host"})
                and not (a.place and b.place and a.place != b.place))


def _same_happening(a: _Day, b: _Day) -> bool:
    if a.mode and b.mode and frozenset((a.mode, b.mode)) in APART:
        return False
    gap = max(0, b.day - a.last, a.day - b.last)  # days between them: 0 when they overlap
    if gap > 1:
        return False
    shared_actors = a.actors & b.actors
    if gap == 1:
        return _one_stay(a, b, shared_actors)
    if not a.paths.isdisjoint(b.paths):
        return not (a.actors and b.actors and not shared_actors and not a.types & b.types)
    shared_countries = a.countries & b.countries
    return bool(shared_actors or len(shared_countries) >= 2
                or (shared_countries and a.types & b.types))


def _state_bit(code: str) -> int:
    """The bit of a state: its two-letter code's place among the 676 (a pure function, so
    that masks mean the same in every merge and every process); another code, which the
    vocabulary and the curation file never give, one bit past them."""
    if len(code) == 2 and "A" <= code[0] <= "Z" and "A" <= code[1] <= "Z":
        return 1 << ((ord(code[0]) - 65) * 26 + ord(code[1]) - 65)
    return 1 << (676 + zlib.crc32(code.encode("utf-8")) % 1024)


def state_mask(codes) -> int:
    """A set of states as an int, one bit per state: comparing two sets is then a few
    machine operations (``&``, ``|``, ``bit_count``) instead of building new sets, and a
    coarse event is compared with the states of every report of thousands of clusters."""
    mask = 0
    for code in codes:
        mask |= _state_bit(code)
    return mask


@dataclass
class Profile:
    """What the reports of one happening say together, kept up to date as reports join,
    so that comparing a coarse event with it does not walk every report again."""

    actors: set = field(default_factory=set)
    states: int = 0  # every state named (a mask, see ``state_mask``)
    n_states: int = 0  # how many
    # each report's own states, as masks, with how many states each names
    state_sets: dict = field(default_factory=dict)
    types: set = field(default_factory=set)  # real types (statements left out)
    paths: set = field(default_factory=set)
    modes: set = field(default_factory=set)
    statuses: dict = field(default_factory=dict)  # article -> what its reports say: happened...

    def add(self, e: Event) -> None:
        self.actors.update(e.actors)
        mine = state_mask(e.countries)
        self.states |= mine
        self.n_states = self.states.bit_count()
        self.state_sets[mine] = mine.bit_count()
        self.types.update(real_types(e))
        self.paths.update(paths(e))
        self.modes.add(e.mode)
        for path in paths(e):
            self.statuses.setdefault(path, set()).add(e.status)


@dataclass(frozen=True)
class _Coarse:
    """What the affinity reads of a coarse event, taken out once for all its candidates."""

    states: int  # a mask (see ``state_mask``)
    shared_needed: int  # states a cluster naming two or more must share with it: 2, or fewer
    actors: frozenset
    types: frozenset
    paths: frozenset
    mode: str | None
    status: str

    @classmethod
    def of(cls, e: Event) -> _Coarse:
        states = state_mask(e.countries)
        return cls(states, min(2, states.bit_count()), frozenset(e.actors),
                   frozenset(real_types(e)), frozenset(paths(e)), e.mode, e.status)


def _cheap_terms(c: _Coarse, cluster: Profile) -> tuple[float, bool] | None:
    """The affinity's terms that need no report-by-report look: (their score, whether
    one of them lets the event join at all); None when the states rule turns it away."""
    if cluster.n_states >= 2 and (c.states & cluster.states).bit_count() < c.shared_needed:
        return None  # "Maroc-Israël, fin 2020" is not the Bahrain-Israel happening of that autumn
    actors = len(c.actors & cluster.actors)
    types = len(c.types & cluster.types)
    same_article = not c.paths.isdisjoint(cluster.paths)
    if same_article and any(c.status not in cluster.statuses[p] for p in c.paths & cluster.paths):
        return None  # the article tells what is only planned apart from what happened
    # a signing joins a signing, not a recognition
    bonus = 2 if c.mode and c.mode in cluster.modes else 0
    return (3 * actors + min(types, 2) / 2 + 2 * same_article + bonus,
            bool(actors or (same_article and types)))


def _score(c: _Coarse, cluster: Profile, terms: tuple[float, bool] | None) -> float:
    """The affinity, given its cheap terms: the states compared report by report."""
    if terms is None:
        return 0
    rest, joins = terms
    mine = c.states
    # overlap ratio with the best-fitting report: Maroc-Israël fits MA-IL-US better than BH-IL-US
    if mine and mine in cluster.state_sets:
        countries = 1.0
    else:
        # the best overlap |mine & s| / |mine | s|, with |mine | s| = |mine| + |s| - shared:
        # one bit count per report's states (thousands of clusters, dozens of reports each)
        countries, size = 0.0, mine.bit_count()
        for s, n in cluster.state_sets.items():
            shared = (mine & s).bit_count()
            if shared and shared / (size + n - shared) > countries:
                countries = shared / (size + n - shared)
    if not (joins or countries):
        return 0
    score = rest + 4 * countries
    return score if score >= 2 else 0


# the highest score bound of a cluster sharing no actor and no article with a coarse event:
# half a point per shared type (two at most), two for the same mode, four for the states
LOOSE_BOUND = 7


def _bound(terms: tuple[float, bool] | None) -> float:
    """The highest score a cluster can reach given its cheap terms: the states matching a
    report's exactly (four points)."""
    return 0 if terms is None else terms[0] + 4


class _Fit:
    """The best cluster, its score and the second best score, as clusters are scored
    from the highest possible score down (``best_fit``)."""

    def __init__(self) -> None:
        self.best, self.best_score, self.runner_up = None, 0.0, 0.0

    def settled(self, top: float) -> bool:
        """Whether a cluster that can score at most ``top`` can change nothing."""
        return (top <= 0 or top < self.runner_up
                or (top == self.runner_up and self.runner_up < self.best_score))

    def scan(self, c: _Coarse, profiles: list[Profile], order: list[int], terms: dict,
             bounds: dict) -> bool:
        """Score the clusters of ``order`` (highest bound first); False once settled."""
        for i in order:
            if self.settled(bounds[i]):
                return False
            score = _score(c, profiles[i], terms[i])
            if score > self.best_score:
                self.best, self.best_score, self.runner_up = i, score, self.best_score
            elif score == self.best_score and score > 0:
                self.best, self.runner_up = min(self.best, i), score
            elif score > self.runner_up:
                self.runner_up = score
        return True


def best_fit(coarse: Event, clusters: Clusters, candidates: list[int]) -> tuple:
    """(best cluster, its score, the second best score) over ``candidates`` (in index
    order): the first cluster with the top score, and the second highest score, a tie
    with the top included. Clusters are scored from the highest possible score down (the
    cheap terms with states matching a report's exactly), and the scoring stops once no
    cluster left can change either figure. Clusters sharing an actor or an article with
    the event come first; the others (most of a year's, on a busy corpus) can score no
    more than ``LOOSE_BOUND`` and are looked at only when that could still matter."""
    c = _Coarse.of(coarse)
    profiles = clusters.profiles
    pool = set(candidates)
    near = set().union(*(pool & clusters.by_key.get(k, set())
                         for k in clusters.keys(coarse) if k[0] in "ap"))
    terms = {i: _cheap_terms(c, profiles[i]) for i in near}
    bounds = {i: _bound(t) for i, t in terms.items()}
    fit = _Fit()
    strong = sorted((i for i in terms if bounds[i] > LOOSE_BOUND), key=lambda i: (-bounds[i], i))
    if fit.scan(c, profiles, strong, terms, bounds) and not fit.settled(LOOSE_BOUND):
        for i in candidates:
            if i not in terms:
                terms[i] = _cheap_terms(c, profiles[i])
                bounds[i] = _bound(terms[i])
        weak = sorted((i for i in candidates if bounds[i] <= LOOSE_BOUND),
                      key=lambda i: (-bounds[i], i))
        fit.scan(c, profiles, weak, terms, bounds)
    return fit.best, fit.best_score, fit.runner_up


def _head_first(parts: list[Event]) -> list[Event]:
    """The reports, the head first: it gives the id and the precision."""
    # the most precise; among days, the one most articles report, then the later one (a
    # visit "arrived on Tuesday" is told by what it did on Wednesday)
    reports = {v: len({s.path for p in parts if p.value == v for s in p.sources})
               for v in {p.value for p in parts}}
    return sorted(parts, key=lambda e: (precision(e), -reports[e.value],
                                        -period(e.value, e.mod)[0].toordinal(),
                                        e.sources[0].path, e.sources[0].start))


def _days_told(parts: list[Event]) -> list[str]:
    """The days the reports tell, first to last."""
    # beside a stay, a bare statement is its announcement: its day is not one of the stay's
    stayed = any(p.mode in STAY for p in parts)
    told = [p for p in parts if not (stayed and p.mode is None and p.types[:1] == ("STATEMENT",))]
    return sorted({p.value for p in told if precision(p) == 0}
                  | {p.end for p in told if p.end})


def _union(parts: list[Event], attr: str) -> tuple:
    seen: list = []
    for p in parts:
        seen.extend(x for x in getattr(p, attr) if x not in seen)
    return tuple(seen)


def _what_happened(parts: list[Event], over_days: bool) -> tuple[tuple[str, ...], str | None]:
    """The merged event's types and mode."""
    head = parts[0]
    # the head's act and what it states besides, then the act each other report tells:
    # what they only mention in passing is theirs, not the merged event's
    types = tuple(dict.fromkeys(head.types + tuple(
        p.types[0] for p in parts[1:] if p.types and p.types[0] != "STATEMENT")))
    # the mode says what the event mainly is: take it from elsewhere only when the most
    # precise report says nothing but a statement
    mode = head.mode if (head.mode or real_types(head)) else next(
        (p.mode for p in parts if p.mode), None)
    stay = next((p for p in parts if p.mode in STAY), None) if over_days else None
    if stay is not None:  # told over several days, it is a visit or a summit first
        mode = stay.mode
        types = tuple(dict.fromkeys(stay.types[:1] + types))
    return types, mode


def combine(parts: list[Event], lang_of) -> Event:
    parts = _head_first(parts)
    head = parts[0]
    # a happening told over several days runs from its first day told to its last
    days = _days_told(parts)
    value, end = (days[0], days[-1]) if len(days) > 1 else (head.value, head.end)
    date_text = next((p.date_text for p in parts if p.value == value), head.date_text)
    types, mode = _what_happened(parts, len(days) > 1)
    actors = _union(parts, "actors")
    countries = tuple(sorted(set(_union(parts, "countries"))))
    place = next((p.place for p in parts if p.place), None)
    status = "happened" if any(p.status == "happened" for p in parts) else "planned"
    sources = tuple(sorted({s for p in parts for s in p.sources}, key=lambda s: (s.path, s.start)))
    # the id is the most precise report's own: every report's id stays reachable (as the id
    # or an alias) whatever other articles are added, so no URL ever breaks
    new_id = head.id
    aliases = sorted({a for p in parts for a in (p.id, *p.aliases)} - {new_id})
    title = make_title(types, mode, actors, countries, place, lang_of(head), status)
    return Event(id=new_id, value=value, mod=head.mod, types=types, mode=mode,
                 actors=actors, countries=countries, place=place, status=status, title=title,
                 sources=sources, unreviewed_actors=_union(parts, "unreviewed_actors"),
                 aliases=tuple(aliases),
                 inferred_date=all(p.inferred_date for p in parts),  # one dated source suffices
                 date_text=date_text, end=end)


class Clusters:
    """The clusters being built, indexed so that each event is compared only with the
    clusters it could join: by day (a day, or the days beside it) and by actor, country
    or article (a coarse event sharing none of them with a cluster scores 0)."""

    def __init__(self) -> None:
        self.parts: list[list[Event]] = []
        self.days: list[list[_Day]] = []  # the parts dated to the day, as _Day
        self.profiles: list[Profile] = []
        self.few_states: set[int] = set()  # clusters naming fewer than two states
        self.by_day: dict[dt.date, set[int]] = {}
        self.by_key: dict[str, set[int]] = {}
        self.key_sets: list[set[str]] = []  # by cluster: the keys of all its parts
        # by cluster: the last day and the precision of its first event, and that value
        self.head_ends: list[dt.date] = []
        self.head_precisions: list[int] = []
        self.head_values: list[str] = []
        # the first day of each cluster's head, sorted, and the clusters in that order
        self.start_days: list[dt.date] = []
        self.start_ids: list[int] = []

    @staticmethod
    def keys(e: Event) -> list[str]:
        return ([f"a:{a}" for a in e.actors] + [f"c:{c}" for c in e.countries]
                + [f"p:{p}" for p in paths(e)])

    def add(self, e: Event, index: int | None = None, day: _Day | None = None) -> None:
        if index is None:
            self.parts.append([])
            self.days.append([])
            self.key_sets.append(set())
            self.profiles.append(Profile())
            index = len(self.parts) - 1
            lo, hi = period(e.value, e.mod)
            self.head_ends.append(hi)
            self.head_precisions.append(precision(e))
            self.head_values.append(e.value)
            # after the clusters starting the same day: they were made earlier
            at = bisect_right(self.start_days, lo)
            self.start_days.insert(at, lo)
            self.start_ids.insert(at, index)
        self.parts[index].append(e)
        if day is not None:
            self.days[index].append(day)
        self.profiles[index].add(e)
        if self.profiles[index].n_states < 2:
            self.few_states.add(index)
        else:
            self.few_states.discard(index)
        for d in days_of(e):
            self.by_day.setdefault(dt.date.fromordinal(d), set()).add(index)
        keys = self.keys(e)
        self.key_sets[index].update(keys)
        for k in keys:
            self.by_key.setdefault(k, set()).add(index)

    def near_days(self, first: int, last: int) -> list[int]:
        """The clusters holding a day from the day before ``first`` to the day after
        ``last`` (ordinals; the calendar's first and last days have a neighbour on one
        side only)."""
        days = range(max(first - 1, 1), min(last + 2, LAST_DAY + 1))
        return sorted(set().union(*(self.by_day.get(dt.date.fromordinal(d), ())
                                    for d in days)))

    def candidates(self, e: Event) -> list[int]:
        """Clusters a coarse event may join: a head within its period, of a finer
        precision (or the same value), sharing an actor, a country or an article."""
        lo, hi = period(e.value, e.mod)
        first = bisect_left(self.start_days, lo)
        last = bisect_right(self.start_days, hi)
        # every set is cut to the period first: a year's clusters are a few of all of them
        within = set(self.start_ids[first:last])
        keys = self.keys(e)
        states = [f"c:{c}" for c in e.countries]
        if states:
            # ``affinity`` turns away a cluster naming two states or more unless it shares
            # two of the event's (one, if it names one): look only where that holds
            near = {c: within & self.by_key.get(c, set()) for c in states}
            pairs = [near[a] & near[b] for i, a in enumerate(states) for b in states[i + 1:]]
            shared = set().union(*pairs) if pairs else near[states[0]]
            few = within & self.few_states
            shared |= set().union(*(few & self.by_key.get(k, set()) for k in keys))
        else:
            shared = set().union(*(within & self.by_key.get(k, set()) for k in keys))
        mine = precision(e)
        ends, precisions, values = self.head_ends, self.head_precisions, self.head_values
        return sorted(i for i in shared
                      if ends[i] <= hi and (precisions[i] < mine or values[i] == e.value))


def days_of(e: Event) -> range:
    """The days an event dated to the day covers (as ordinals): one, or its first to its
    last for a happening over several days; none for a coarser date."""
    if precision(e) != 0:
        return range(0)
    first = _day_number(e.value)
    return range(first, (_day_number(e.end) if e.end else first) + 1)


def order_key(e: Event) -> tuple:
    """The order events are merged in: the ones dated to the day first (a cluster holds
    only such events while they are placed), then coarser and coarser dates."""
    return (precision(e), e.value, e.sources[0].path, e.sources[0].start)


def decide(clusters: Clusters, e: Event, day: _Day | None) -> int | None:
    """The cluster ``e`` joins, or None when it starts one; ``day`` is its ``_Day`` when
    it is dated to the day."""
    if day is not None:
        return next((i for i in clusters.near_days(day.day, day.last)
                     if any(_same_happening(day, x) for x in clusters.days[i])), None)
    best, best_score, runner_up = best_fit(e, clusters, clusters.candidates(e))
    # "fin 2020" that fits two different happenings equally well stays as told
    if best is not None and best_score - runner_up >= AMBIGUITY_MARGIN:
        return best
    return None


def day_of(e: Event) -> _Day | None:
    return _Day.of(e) if precision(e) == 0 else None


def merged(clusters: Clusters, lang_of) -> tuple[Event, ...]:
    """One event per cluster, in date order."""
    out = [combine(c, lang_of) if len(c) > 1 else c[0] for c in clusters.parts]
    return tuple(sorted(out, key=event_order))


def merge(events, lang_of=lambda e: "fr") -> tuple[Event, ...]:
    """Merge events across sentences and articles; deterministic whatever the input order."""
    clusters = Clusters()
    for e in sorted(events, key=order_key):
        day = day_of(e)
        clusters.add(e, decide(clusters, e, day), day)
    return merged(clusters, lang_of)
