"""Published ids: every event id the site has given out, so that its URL keeps working.

An event id is made from the event's date, type and participants (``pipeline.identity``).
When the extraction changes (a new vocabulary, a type narrowed, one event split in two),
the id of the same happening changes with it, and a URL given out before would lead
nowhere. ``<content>/published-ids.json`` records every id the site has published, each
with what identifies its happening without the id: the sentences that are its evidence
(source path and character span) and its date; an id published as an alias records the
id it led to (and the evidence it had when it was an event's own id, if it was one). At
each build (``python -m pipeline build``):

- an id published before that no event carries any more becomes an alias of the event
  it now leads to, so that the site writes its redirect page: the event carrying the id
  it was an alias of, else the event that now holds its evidence. That event is the one
  whose evidence overlaps the recorded evidence most (in characters); on a tie (one
  sentence telling two happenings, as when an event is split in two), the one whose date
  is nearest the recorded date, then the earliest, then the smallest id. Overlap comes
  first because the evidence is what the page showed; the date only parts events told by
  the same sentences;
- an alias a merge gives an event (the ids of the reports it merged) gets a redirect
  page only if the site published it: a site built with every article at once publishes
  each happening under one id;
- a curation entry naming such an id applies to the event holding the evidence the id
  had as an event's own id, else to the event its URL leads to (``resolve``): the entry
  names a happening, which its URL may have left when the curation file merged it into
  another (``merge: [kept-id, old-id]`` must still find old-id's event). The build says
  which entries to update, with file and line. The curation file is left as written: it
  is edited by hand, with comments, and the pipeline never writes it; the old id keeps
  working through this record meanwhile;
- an id whose evidence is in no event any more (its article removed) is reported at each
  build and kept in the record, so that it leads to its happening again if it comes back;
  deleting its line lets its URL go. An id the curation file hides is not reported;
- the record is written back with every id the site now carries, sorted, one id a line.

The record is data, committed with the curation file: its history is the site's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .periods import period, sort_date
from .records import Event

RECORD = "published-ids.json"
ABOUT = ("Every event id this site has published (events/<id>.html), kept so that its URL "
         "keeps working when the extraction gives its happening another id: each id with "
         "its date and evidence (source path, character start and end) as an event's own "
         "id, and with the id it led to (alias_of) as an alias. Written by `python -m "
         "pipeline build` (pipeline/published.py); commit it with curation.yaml. Delete an "
         "id's line only to let its URL go.")

Span = tuple[str, int, int]


@dataclass(frozen=True)
class Entry:
    """What a published id led to: a happening (date and evidence), or another id."""

    value: str = ""
    sources: tuple[Span, ...] = ()
    alias_of: str | None = None

    def data(self) -> dict:
        out = {"alias_of": self.alias_of} if self.alias_of is not None else {}
        if self.sources:
            out.update(value=self.value, sources=[list(s) for s in self.sources])
        return out


def _entry(raw) -> Entry | None:
    """The entry read from the file, or None when it is not one."""
    if not isinstance(raw, dict):
        return None
    alias_of = raw.get("alias_of")
    if alias_of is not None and not isinstance(alias_of, str):
        return None
    if set(raw) == {"alias_of"}:
        return Entry(alias_of=alias_of)
    if set(raw) - {"alias_of"} != {"value", "sources"} or not isinstance(raw["value"], str):
        return None
    sources = raw["sources"]
    if not isinstance(sources, list) or not all(
            isinstance(s, list) and len(s) == 3 and isinstance(s[0], str)
            and all(isinstance(n, int) for n in s[1:]) for s in sources):
        return None
    if not sources:
        return None
    return Entry(raw["value"], tuple((p, s, e) for p, s, e in sources), alias_of)


def _entry_of(event: Event) -> Entry:
    return Entry(event.value, tuple(sorted({(s.path, s.start, s.end) for s in event.sources})))


def record_text(record: dict[str, Entry]) -> str:
    """The file's text: sorted, one id a line, the same bytes for the same record."""
    lines = [f'  {json.dumps(i)}: {json.dumps(record[i].data(), ensure_ascii=False)}'
             for i in sorted(record)]
    return ('{\n "about": ' + json.dumps(ABOUT) + ',\n "ids": {\n' + ",\n".join(lines)
            + ("\n" if lines else "") + " }\n}\n")


def _gap(a: str, b: str) -> int:
    """Days between the periods two dates cover (0 when they overlap)."""
    pa, pb = period(a), period(b)
    if pa is None or pb is None:
        return 1 << 30
    return max(0, (pa[0] - pb[1]).days, (pb[0] - pa[1]).days)


class _Holders:
    """Which of ``events`` carries an id, and which holds a recorded evidence."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = events
        self.carried: dict[str, int] = {}
        self.spans: dict[str, list[tuple[int, int, int]]] = {}  # path -> (start, end, event)
        for i, e in enumerate(events):
            for name in (e.id, *e.aliases):
                self.carried.setdefault(name, i)
            for s in e.sources:
                self.spans.setdefault(s.path, []).append((s.start, s.end, i))

    def of(self, ref: str, record: dict[str, Entry], seen: frozenset = frozenset()
           ) -> int | None:
        """The event ``ref`` leads to: the one carrying it, else the one the id it was an
        alias of leads to, else the one holding its evidence (see the module's docstring)."""
        if ref in self.carried:
            return self.carried[ref]
        entry = record.get(ref)
        if entry is None or ref in seen:
            return None
        if entry.alias_of is not None:
            i = self.of(entry.alias_of, record, seen | {ref})
            if i is not None:
                return i
        return self.holding(entry)

    def holding(self, entry: Entry) -> int | None:
        overlap: dict[int, int] = {}
        for path, start, end in entry.sources:
            for s, e, i in self.spans.get(path, ()):
                if s < end and start < e:
                    overlap[i] = overlap.get(i, 0) + min(e, end) - max(s, start)
        if not overlap:
            return None
        events = self.events
        return min(overlap, key=lambda i: (-overlap[i], _gap(entry.value, events[i].value),
                                           sort_date(events[i].value, events[i].mod),
                                           events[i].id))


@dataclass
class PublishedIds:
    """The record of ``content_dir``, read at the start of a build and written at its end."""

    path: Path
    record: dict[str, Entry] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # one line each, file and what to do
    readable: bool = True  # False: the file is left as it is, never overwritten

    @classmethod
    def load(cls, content_dir: Path | str) -> PublishedIds:
        path = Path(content_dir) / RECORD
        out = cls(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return out  # a site never built: every id is new
        except (OSError, UnicodeDecodeError) as err:
            return out._unreadable(str(path), f"cannot be read ({err})")
        try:
            ids = json.loads(text)["ids"]
            if not isinstance(ids, dict):
                raise TypeError("ids is not a mapping")
        except (ValueError, KeyError, TypeError) as err:
            return out._unreadable(str(path), f"is not a record of ids ({err})")
        for name, raw in ids.items():
            entry = _entry(raw)
            if entry is None:
                line = next((n for n, t in enumerate(text.splitlines(), 1)
                             if t.lstrip().startswith(json.dumps(name) + ":")), 1)
                out._unreadable(f"{path}:{line}", f"the entry of {name!r} is neither "
                                '{"value": date, "sources": [[path, start, end], ...]} '
                                'nor {"alias_of": id} nor both')
            else:
                out.record[name] = entry
        return out

    def _unreadable(self, where: str, what: str) -> PublishedIds:
        self.problems.append(f"{where}: {what} (fix it or restore the file from version "
                             "control; until then it is not updated)")
        self.readable = False
        return self

    def resolve(self, ref: str, events: Sequence[Event]) -> int | None:
        """The index of the event a curation entry naming a published id no event carries
        applies to: the one holding the evidence the id had as an event's own id, else the
        one its URL leads to; None if none."""
        entry = self.record.get(ref)
        if entry is None:
            return None
        holders = _Holders(events)
        i = holders.holding(entry)
        return i if i is not None else holders.of(ref, self.record)

    def redirect(self, events: Sequence[Event], extracted: Sequence[Event]) -> tuple[Event, ...]:
        """``events`` (curated) with every published id none of them carries as an alias of
        the event it now leads to, and no alias that was never published. An id leading
        nowhere is reported in ``problems``, unless it leads to one of the ``extracted``
        events (before curation), which the curation file hid."""
        holders = _Holders(events)
        before: _Holders | None = None
        moved: dict[int, list[str]] = {}
        for name in sorted(self.record):
            if name in holders.carried:
                continue
            i = holders.of(name, self.record)
            if i is not None:
                moved.setdefault(i, []).append(name)
                continue
            before = before or _Holders(extracted)
            if before.of(name, self.record) is None:
                self.problems.append(self._gone(name))
        out = []
        for i, e in enumerate(events):
            # a redirect page only for an id the site gave out: an id a merge took from
            # one of its reports was never a URL when the reports were merged in one build,
            # and thousands of such pages would be written and kept for no reader
            kept = {a for a in e.aliases if a in self.record} if self.readable else set(e.aliases)
            aliases = tuple(sorted(kept | set(moved.get(i, ()))))
            out.append(e if aliases == e.aliases else replace(e, aliases=aliases))
        return tuple(out)

    def _gone(self, name: str) -> str:
        entry, seen = self.record[name], {name}
        while not entry.sources and entry.alias_of in self.record \
                and entry.alias_of not in seen:
            seen.add(entry.alias_of)
            entry = self.record[entry.alias_of]
        where = ", ".join(f"{p}:{s}-{e}" for p, s, e in entry.sources[:3]) or "none recorded"
        return (f"{self.path}: published id {name!r} leads to no event: its evidence "
                f"({where}) is in none any more (restore the article, or delete the id's "
                "line to let its URL go)")

    def save(self, events: Sequence[Event]) -> None:
        """Write the record with every id ``events`` carry (each id's entry as of now; ids
        no event carries keep theirs), if it changed and was read whole."""
        if not self.readable:
            return
        record = dict(self.record)
        for e in events:
            record[e.id] = _entry_of(e)
            for a in e.aliases:
                # the evidence it had as an event's own id names its happening
                had = record.get(a, Entry())
                record[a] = Entry(had.value, had.sources, e.id)
        self.record = record
        data = record_text(record).encode("utf-8")
        if self.path.exists() and self.path.read_bytes() == data:
            return  # unchanged: keeps its time
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(data)
