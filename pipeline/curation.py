"""Curation: a hand-edited YAML file that corrects what extraction got wrong.

In: ``content/curation.yaml`` (see the commented header of that file for every
operation), the merged events and the extractions they came from.
Out: the events as a human wants them published. Five operations, applied in this order
so that each can build on the one before:

1. ``add``: an event written by hand, each source a verbatim quote of an article;
2. ``split``: passages of an event go to a new event with its own date and title;
3. ``merge``: several events become one; it keeps the first one's id and the others'
   ids become aliases, so that their old URLs still lead to it;
4. ``fix``: change the date, types, mode, title, actors, countries, place or status;
5. ``hide``: the event appears nowhere (pages, timeline, exports).

Events are named by id, and an id is also looked up among the aliases of merged events,
so an entry keeps working after a new article merges its event into another; an id no
event carries any more is looked up among the ids the site published
(``pipeline.published``), so an entry keeps working after the extraction changed its id,
and the build says which entries to update.

The file survives rebuilds because it lives beside the generated content and is never
written by the pipeline. Problems never stop a build: ``load_curation`` reports every
invalid entry as ``path:LINE: what is wrong (what to do)`` and drops it, and
``apply_curation`` reports entries whose event no longer exists (a stale id) or whose
quote is not in its article the same way. Each changed field is recorded in
``Event.curated`` so that the site can mark it as edited by hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path, PurePath

import yaml

from .classify import TYPE_ORDER
from .identity import event_id
from .labels import LANGS, MODE_LABELS
from .periods import event_order, period
from .records import Event, Evidence, Extraction, supported, years_hint
from .titles import make_title

SECTIONS = ("add", "split", "merge", "fix", "hide")  # in the order they are applied
FIELDS = ("value", "mod", "types", "mode", "title", "actors", "countries", "place", "status")
MODS = ("START", "MID", "END", "APPROX")
STATUSES = ("happened", "planned")
# the fields a title is made from: changing one without giving a title remakes the title
TITLE_INPUTS = {"types", "mode", "actors", "countries", "place", "status"}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_VALUE = re.compile(r"\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2}))?")
_NULL = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Passage:
    """A passage of an article: the whole article, an offset range, or a verbatim quote."""

    line: int
    path: str
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Fix:
    """New values for some fields of one event (``changes`` in file order)."""

    line: int
    id: str
    changes: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Hide:
    line: int
    id: str


@dataclass(frozen=True)
class Merge:
    """Events that are one happening; the first id stays the event's id."""

    line: int
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Split:
    """The passages of event ``id`` that go to a new event with its own fields."""

    line: int
    id: str
    passages: tuple[Passage, ...]
    new_id: str | None
    changes: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Add:
    """An event written by hand; every source is a quote found in its article."""

    line: int
    id: str | None
    changes: tuple[tuple[str, object], ...]
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Curation:
    """The valid entries of a curation file, and one line per invalid entry."""

    path: str = ""
    adds: tuple[Add, ...] = ()
    splits: tuple[Split, ...] = ()
    merges: tuple[Merge, ...] = ()
    fixes: tuple[Fix, ...] = ()
    hides: tuple[Hide, ...] = ()
    errors: tuple[str, ...] = ()

    def __len__(self) -> int:
        return (len(self.adds) + len(self.splits) + len(self.merges) + len(self.fixes)
                + len(self.hides))


class _Invalid(Exception):
    """One problem in the file: where it is, what is wrong and what to do."""

    def __init__(self, node: yaml.Node | int, what: str, todo: str) -> None:
        super().__init__(what)
        self.line = node if isinstance(node, int) else node.start_mark.line + 1
        self.what, self.todo = what, todo


# --- reading the node tree ------------------------------------------------------------
# The file is composed, not loaded, so that every value keeps the line it was written on
# and so that YAML never turns "2020-12-22" into a date or "NO" into False behind our back.


def _mapping(node: yaml.Node, what: str, allowed: Sequence[str]) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise _Invalid(node, f"{what} must be a mapping of keys to values",
                       f"write it as key: value lines; keys: {', '.join(allowed)}")
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in allowed:
            raise _Invalid(key, f"unknown key {name!r} in {what}",
                           f"use one of: {', '.join(allowed)}")
        if name in out:
            raise _Invalid(key, f"key {name!r} appears twice in {what}", "keep only one")
        out[name] = value
    return out


def _sequence(node: yaml.Node, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise _Invalid(node, f"{what} must be a list", "write one '- item' per line")
    return list(node.value)


def _text(node: yaml.Node, what: str, *, nullable: bool = False) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        if nullable:
            return None
        raise _Invalid(node, f"{what} is empty", f"give a value for {what}")
    if not isinstance(node, yaml.ScalarNode):
        raise _Invalid(node, f"{what} must be a single value", "write it on one line")
    text = node.value.strip()
    if not text and not nullable:
        raise _Invalid(node, f"{what} is empty", f"give a value for {what}")
    return text or None


def _event_ref(node: yaml.Node, what: str = "id") -> str:
    ref = _text(node, what)
    if not _ID.fullmatch(ref):
        raise _Invalid(node, f"{ref!r} is not an event id",
                       "copy the id from the event's URL (events/<id>.html)")
    return ref


@cache
def _known_countries() -> frozenset[str]:
    """ISO 3166 alpha-2 codes: the gazetteer's and every territory Babel names."""
    from babel import Locale

    from .gazetteer import countries
    babel_codes = {c for c in Locale.parse("en").territories if re.fullmatch(r"[A-Z]{2}", c)}
    return frozenset(babel_codes - {"ZZ"}) | {c.code for c in countries()}


def _value(node: yaml.Node) -> str:
    value = _text(node, "value")
    if not _VALUE.fullmatch(value):
        raise _Invalid(node, f"date {value!r} is not an ISO-TimeML value",
                       "write 2020, 2020-12 or 2020-12-22; mod: END says fin 2020")
    # the years first: a period running past the calendar's end ("9999-WI") has none
    if not supported(value):
        raise _Invalid(node, f"date {value!r} is outside the {years_hint()}",
                       "write the year in full, e.g. 2020-12-22")
    if period(value) is None:
        raise _Invalid(node, f"date {value!r} is not an ISO-TimeML value",
                       "write 2020, 2020-12 or 2020-12-22; mod: END says fin 2020")
    return value


def _one_of(name: str, allowed, hint: str, nullable: bool = True):
    """A checker of a field whose value is one of ``allowed`` (or null when nullable)."""
    def check(node: yaml.Node) -> str | None:
        value = _text(node, name, nullable=nullable)
        if (value is not None or not nullable) and value not in allowed():
            raise _Invalid(node, f"unknown {name} {value!r}", hint)
        return value
    return check


def _codes(name: str, item: str, what: str, known, hint: str):
    """A checker of a list of codes, each in ``known()`` (``what``: how a message names one)."""
    def check(node: yaml.Node) -> list[str]:
        codes = [_text(n, item) for n in _sequence(node, name)]
        for n, code in zip(node.value, codes, strict=True):
            if code not in known():
                raise _Invalid(n, f"unknown {what} {code!r}", hint)
        return codes
    return check


def _types(node: yaml.Node) -> tuple[str, ...]:
    codes = _codes("types", "type", "event type", lambda: TYPE_ORDER,
                   f"use PLOVER codes: {', '.join(TYPE_ORDER)}")(node)
    if not codes:
        raise _Invalid(node, "types is empty", "give at least one PLOVER code")
    return tuple(t for t in TYPE_ORDER if t in codes)  # the pipeline's order


def _countries(node: yaml.Node) -> tuple[str, ...]:
    codes = _codes("countries", "country", "country code", _known_countries,
                   "use an ISO 3166 alpha-2 code in capitals, e.g. MA, IL, US")(node)
    return tuple(sorted(set(codes)))


def _title(node: yaml.Node) -> tuple[tuple[str, str], ...]:
    if isinstance(node, yaml.MappingNode):
        titles = _mapping(node, "title", LANGS)
        return tuple((lang, _text(n, f"title {lang}")) for lang, n in titles.items())
    return (("", _text(node, "title")),)


# each field a curator may set, with what checks it and normalises it as the pipeline does
_FIELD_CHECKS = {
    "value": _value,
    "mod": _one_of("mod", lambda: MODS, f"use one of {', '.join(MODS)} or null"),
    "types": _types,
    "mode": _one_of("mode", lambda: MODE_LABELS["en"],
                    f"use one of {', '.join(MODE_LABELS['en'])} or null"),
    "title": _title,
    "actors": lambda node: tuple(dict.fromkeys(_text(n, "actor")
                                               for n in _sequence(node, "actors"))),
    "countries": _countries,
    "place": lambda node: _text(node, "place", nullable=True),
    "status": _one_of("status", lambda: STATUSES, "use happened or planned", nullable=False),
}


def _field(name: str, node: yaml.Node) -> object:
    """The checked value of one event field, normalised as the pipeline writes it."""
    return _FIELD_CHECKS[name](node)


def _changes(fields: dict[str, yaml.Node]) -> tuple[tuple[str, object], ...]:
    return tuple((name, _field(name, node)) for name, node in fields.items() if name in FIELDS)


def _passage(node: yaml.Node, need_quote: bool) -> Passage:
    keys = ("path", "quote") if need_quote else ("path", "quote", "start", "end")
    fields = _mapping(node, "source", keys)
    if "path" not in fields:
        raise _Invalid(node, "source has no path", "add path: seeds/<article file>")
    line = node.start_mark.line + 1
    path = _text(fields["path"], "path")
    if need_quote and "quote" not in fields:
        raise _Invalid(node, "source has no quote",
                       "add quote: with words copied verbatim from the article")
    if "quote" in fields:
        if "start" in fields or "end" in fields:
            raise _Invalid(node, "source has both a quote and offsets", "keep one of the two")
        return Passage(line, path, quote=_text(fields["quote"], "quote"))
    if ("start" in fields) != ("end" in fields):
        raise _Invalid(node, "source has only one of start and end", "give both or neither")
    if "start" not in fields:
        return Passage(line, path)
    offsets = []
    for key in ("start", "end"):
        raw = _text(fields[key], key)
        if not raw.isdigit():
            raise _Invalid(fields[key], f"{key} {raw!r} is not an offset",
                           "give a character offset into the article file")
        offsets.append(int(raw))
    if offsets[0] >= offsets[1]:
        raise _Invalid(node, "start is not before end", "give start < end")
    return Passage(line, path, start=offsets[0], end=offsets[1])


def _passages(node: yaml.Node, need_quote: bool) -> tuple[Passage, ...]:
    items = _sequence(node, "sources")
    if not items:
        raise _Invalid(node, "sources is empty", "give at least one source")
    return tuple(_passage(n, need_quote) for n in items)


def _parse_add(node: yaml.Node) -> Add:
    fields = _mapping(node, "add entry", ("id", *FIELDS, "sources", "note"))
    for key in ("value", "types", "title", "sources"):
        if key not in fields:
            raise _Invalid(node, f"added event has no {key}", f"add {key}:")
    new_id = _event_ref(fields["id"]) if "id" in fields else None
    return Add(node.start_mark.line + 1, new_id, _changes(fields),
               _passages(fields["sources"], need_quote=True))


def _parse_split(node: yaml.Node) -> Split:
    fields = _mapping(node, "split entry", ("id", "sources", "new", "note"))
    for key in ("id", "sources", "new"):
        if key not in fields:
            raise _Invalid(node, f"split entry has no {key}", f"add {key}:")
    new = _mapping(fields["new"], "new", ("id", *FIELDS))
    if "value" not in new:
        raise _Invalid(fields["new"], "the new event has no value (date)", "add value:")
    new_id = _event_ref(new["id"]) if "id" in new else None
    return Split(node.start_mark.line + 1, _event_ref(fields["id"]),
                 _passages(fields["sources"], need_quote=False), new_id, _changes(new))


def _parse_merge(node: yaml.Node) -> Merge:
    ids_node = node
    if isinstance(node, yaml.MappingNode):
        fields = _mapping(node, "merge entry", ("ids", "note"))
        if "ids" not in fields:
            raise _Invalid(node, "merge entry has no ids", "add ids: [first-id, other-id]")
        ids_node = fields["ids"]
    ids = tuple(_event_ref(n) for n in _sequence(ids_node, "merge entry"))
    if len(set(ids)) < 2:
        raise _Invalid(node, "a merge needs at least two different ids",
                       "list the events to merge, the one whose URL to keep first")
    return Merge(node.start_mark.line + 1, ids)


def _parse_fix(node: yaml.Node) -> Fix:
    fields = _mapping(node, "fix entry", ("id", *FIELDS, "note"))
    if "id" not in fields:
        raise _Invalid(node, "fix entry has no id", "add id: <event id>")
    changes = _changes(fields)
    if not changes:
        raise _Invalid(node, "fix entry changes nothing", f"add one of: {', '.join(FIELDS)}")
    return Fix(node.start_mark.line + 1, _event_ref(fields["id"]), changes)


def _parse_hide(node: yaml.Node) -> Hide:
    if isinstance(node, yaml.MappingNode):
        fields = _mapping(node, "hide entry", ("id", "note"))
        if "id" not in fields:
            raise _Invalid(node, "hide entry has no id", "add id: <event id>")
        node = fields["id"]
    return Hide(node.start_mark.line + 1, _event_ref(node))


_PARSERS = {"add": _parse_add, "split": _parse_split, "merge": _parse_merge,
            "fix": _parse_fix, "hide": _parse_hide}


def parse_curation(text: str, path: str = "curation.yaml") -> Curation:
    """The valid entries of ``text``; every invalid one becomes an error line and is dropped."""
    errors: list[str] = []

    def error(err: _Invalid) -> None:
        errors.append(f"{path}:{err.line}: {err.what} ({err.todo})")

    try:
        root = yaml.compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        error(_Invalid(line, f"not valid YAML: {err.problem or err.context}",
                       "fix the syntax; nothing in this file was applied"))
        return Curation(path, errors=tuple(errors))
    except yaml.YAMLError as err:
        error(_Invalid(1, f"not valid YAML: {err}", "fix the syntax"))
        return Curation(path, errors=tuple(errors))
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _NULL):
        return Curation(path)  # a file of comments only
    entries: dict[str, list] = {name: [] for name in SECTIONS}
    try:
        sections = _mapping(root, "the curation file", SECTIONS)
    except _Invalid as err:
        error(err)
        return Curation(path, errors=tuple(errors))
    for name, node in sections.items():
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            continue  # "fix:" with every entry commented out
        try:
            items = _sequence(node, name)
        except _Invalid as err:
            error(err)
            continue
        for item in items:
            try:
                entries[name].append(_PARSERS[name](item))
            except _Invalid as err:
                error(err)
    return Curation(path, tuple(entries["add"]), tuple(entries["split"]),
                    tuple(entries["merge"]), tuple(entries["fix"]), tuple(entries["hide"]),
                    tuple(errors))


def load_curation(path: str | Path) -> Curation:
    """Read and check a curation file; a missing file means no curation."""
    path = Path(path)
    if not path.is_file():
        return Curation(str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return Curation(str(path), errors=(
            f"{path}:1: cannot be read ({err}) (save it as UTF-8 text)",))
    return parse_curation(text, str(path))


# --- applying it ----------------------------------------------------------------------


def _same_path(a: str, b: str) -> bool:
    """The file named in the curation file is the article's (a trailing part is enough)."""
    pa, pb = PurePath(a).parts, PurePath(b).parts
    n = min(len(pa), len(pb))
    return n > 0 and pa[-n:] == pb[-n:]


def _article(extractions: Sequence[Extraction], path: str) -> Extraction | None:
    exact = [x for x in extractions if x.article.path == path]
    found = exact or [x for x in extractions if _same_path(x.article.path, path)]
    return found[0] if len(found) == 1 else None


def _find_quote(text: str, quote: str, body_start: int) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text``: verbatim, or verbatim up to line breaks and spaces."""
    # YAML folds long quotes onto one line; the article may break the same words anywhere
    pattern = re.compile(r"\s+".join(re.escape(w) for w in quote.split()))
    for start in (body_start, 0):
        m = pattern.search(text, start)
        if m:
            return m.start(), m.end()
    return None


def _title(changes: dict, lang: str) -> str | None:
    """The title given for ``lang``, else the only or first one given."""
    given = dict(changes.get("title") or ())
    if not given:
        return None
    return given.get(lang) or given.get("") or next(iter(given.values()))


def _with_changes(event: Event, changes: dict, lang: str) -> Event:
    """``event`` with the curated fields set and recorded in ``curated``."""
    fields = {k: v for k, v in changes.items() if k != "title"}
    if "value" in changes:
        # the source words and the inference were about the extracted date, not this one
        fields.update(date_text="", inferred_date=False)
    if "actors" in changes:
        fields["unreviewed_actors"] = ()  # a person listed by hand has been checked
    curated = tuple(dict.fromkeys((*event.curated, *changes)))
    updated = replace(event, **fields, curated=curated)
    title = _title(changes, lang)
    if title is None and TITLE_INPUTS & set(changes):
        title = make_title(updated.types, updated.mode, updated.actors, updated.countries,
                           updated.place, lang, updated.status)
    return replace(updated, title=title) if title is not None else updated


def _order(events: Sequence[Event]) -> tuple[Event, ...]:
    return tuple(sorted(events, key=event_order))


class _Applier:
    """Applies one curation to a list of events, collecting problems as it goes."""

    def __init__(self, events, curation: Curation, extractions, problems: list[str],
                 lang: str | None, resolve=None, moved: list[str] | None = None) -> None:
        self.events = list(events)
        self.curation = curation
        self.extractions = list(extractions)
        self.problems = problems
        self.site_lang = lang
        self.langs = {x.article.path: x.article.lang for x in self.extractions}
        self.resolve, self.moved = resolve, [] if moved is None else moved

    def problem(self, line: int, what: str, todo: str) -> None:
        self.problems.append(f"{self.curation.path}:{line}: {what} ({todo})")

    def lang(self, event: Event) -> str:
        if self.site_lang:
            return self.site_lang
        return self.langs.get(event.sources[0].path, "fr") if event.sources else "fr"

    def find(self, ref: str, line: int, quiet: bool = False) -> int | None:
        """Index of the event with id ``ref``, or whose aliases include it."""
        for i, e in enumerate(self.events):
            if e.id == ref:
                return i
        for i, e in enumerate(self.events):
            if ref in e.aliases:
                return i
        if not quiet and self.resolve is not None:
            i = self.resolve(ref, self.events)
            if i is not None:
                self.moved.append(f"{self.curation.path}:{line}: {ref!r} is now "
                                  f"{self.events[i].id!r} (the extraction changed the id; "
                                  "write the new one)")
                return i
        if not quiet:
            self.problem(line, f"no event has the id {ref!r} any more",
                         "the extraction changed: update the id or remove this entry")
        return None

    def free_id(self, wanted: str) -> str:
        taken = {i for e in self.events for i in (e.id, *e.aliases)}
        new, n = wanted, 2
        while new in taken:
            new, n = f"{wanted}-{n}", n + 1
        return new

    def add(self, entry: Add) -> None:
        sources = []
        for p in entry.passages:
            x = _article(self.extractions, p.path)
            if x is None:
                self.problem(p.line, f"no article {p.path!r} among the inputs",
                             "give the article's path as in seeds/, e.g. seeds/<file>")
                return
            span = _find_quote(x.article.text, p.quote, x.article.body_start)
            if span is None:
                self.problem(p.line, f"quote not found in {x.article.path}",
                             "copy the words verbatim from the article")
                return
            sources.append(Evidence(x.article.path, *span, x.article.text[span[0]:span[1]]))
        changes = dict(entry.changes)
        base = Event(id="", value=changes["value"], mod=None, types=changes["types"],
                     mode=None, actors=(), countries=(), place=None, status="happened",
                     title="", sources=tuple(sorted(set(sources), key=lambda s: (s.path,
                                                                                  s.start))))
        event = _with_changes(base, changes, self.lang(base))
        wanted = entry.id or event_id(event.value, event.types, event.mode, event.actors,
                                      event.countries, event.place)
        if entry.id and self.find(entry.id, entry.line, quiet=True) is not None:
            self.problem(entry.line, f"an event with the id {entry.id!r} already exists",
                         "choose another id or merge into that event instead")
            return
        # the whole event is hand-written: one mark says so rather than one per field
        self.events.append(replace(event, id=self.free_id(wanted), curated=("event",)))

    def split(self, entry: Split) -> None:
        i = self.find(entry.id, entry.line)
        if i is None:
            return
        event = self.events[i]
        moved = [s for s in event.sources if any(self._selects(p, s) for p in entry.passages)]
        if not moved:
            self.problem(entry.line, f"none of these sources is a passage of {event.id!r}",
                         "check the paths and quotes against the event's page")
            return
        kept = [s for s in event.sources if s not in moved]
        if not kept:
            self.problem(entry.line, f"every passage of {event.id!r} would move",
                         "use fix: to change the event instead of split:")
            return
        changes = dict(entry.changes)
        new = replace(event, sources=tuple(moved), aliases=(), curated=(), date_text="",
                      inferred_date=False)
        new = _with_changes(new, changes, self.lang(new))
        if "title" not in changes and not TITLE_INPUTS & set(changes):
            new = replace(new, title=make_title(new.types, new.mode, new.actors, new.countries,
                                                new.place, self.lang(new), new.status))
        wanted = entry.new_id or event_id(new.value, new.types, new.mode, new.actors,
                                          new.countries, new.place)
        new = replace(new, id=self.free_id(wanted), curated=("sources", *new.curated))
        self.events[i] = replace(event, sources=tuple(kept),
                                 curated=tuple(dict.fromkeys((*event.curated, "sources"))))
        self.events.append(new)

    def _selects(self, p: Passage, source: Evidence) -> bool:
        if not _same_path(source.path, p.path):
            return False
        if p.quote is not None:
            return " ".join(p.quote.split()) in " ".join(source.text.split())
        if p.start is not None:
            return p.start < source.end and source.start < p.end
        return True

    def merge(self, entry: Merge) -> None:
        found: list[int] = []
        for ref in entry.ids:
            i = self.find(ref, entry.line)
            if i is not None and i not in found:
                found.append(i)
        if len(found) < 2:
            return  # nothing left to merge: stale ids are reported, one event is already one
        parts = [self.events[i] for i in found]
        head = parts[0]

        def union(attr: str) -> tuple:
            return tuple(dict.fromkeys(x for p in parts for x in getattr(p, attr)))

        types = set(union("types"))
        aliases = {a for p in parts for a in (p.id, *p.aliases)} - {head.id}
        merged = replace(
            head,
            types=tuple(t for t in TYPE_ORDER if t in types),
            mode=head.mode or next((p.mode for p in parts if p.mode), None),
            actors=union("actors"),
            countries=tuple(sorted(set(union("countries")))),
            place=head.place or next((p.place for p in parts if p.place), None),
            status="happened" if any(p.status == "happened" for p in parts) else "planned",
            sources=tuple(sorted(set(union("sources")), key=lambda s: (s.path, s.start))),
            unreviewed_actors=union("unreviewed_actors"),
            aliases=tuple(sorted(aliases)),
            curated=tuple(dict.fromkeys((*union("curated"), "sources"))),
        )
        self.events = [e for k, e in enumerate(self.events) if k not in found[1:]]
        self.events[self.events.index(head)] = merged

    def fix(self, entry: Fix) -> None:
        i = self.find(entry.id, entry.line)
        if i is not None:
            event = self.events[i]
            self.events[i] = _with_changes(event, dict(entry.changes), self.lang(event))

    def hide(self, entry: Hide) -> None:
        i = self.find(entry.id, entry.line)
        if i is not None:
            del self.events[i]


def apply_curation(events: Sequence[Event], curation: Curation,
                   extractions: Sequence[Extraction], problems: list[str] | None = None,
                   lang: str | None = None, resolve=None,
                   moved: list[str] | None = None) -> tuple[Event, ...]:
    """The events as curated, in chronological order; the inputs are left untouched.

    ``problems`` receives one line per entry that could not be applied (an id that no
    longer exists, a quote not found); the other entries are applied all the same.
    ``lang`` is the language of titles remade after a fix (default: the first source's).
    ``resolve(id, events)``: the index of the event an id none of ``events`` carries leads
    to, or None (``PublishedIds.resolve``); ``moved`` receives one line per entry it
    resolved, so that the file can be updated.
    """
    applier = _Applier(events, curation, extractions, [] if problems is None else problems,
                       lang, resolve, moved)
    for entry in curation.adds:
        applier.add(entry)
    for entry in curation.splits:
        applier.split(entry)
    for entry in curation.merges:
        applier.merge(entry)
    for entry in curation.fixes:
        applier.fix(entry)
    for entry in curation.hides:
        applier.hide(entry)
    return _order(applier.events)
