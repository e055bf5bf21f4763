"""The sidecar's schema: the site's data as typed, versioned records.

``pipeline.content`` writes ``data/timeline.json`` from these records and the timeline
plugin reads it back through ``load``: one declaration of every field, its type and
whether it may be missing, for the writer and the reader. ``VERSION`` changes with the
layout; a file of another version, or one that does not match the records, is refused
with its name and what to do (``invoke build`` writes the content again before the site
reads it, so there it is simply rebuilt).

msgspec Structs rather than dataclasses: msgspec checks the types while it decodes, in C,
so a sidecar of 10,000 articles (tens of MB, millions of values) is validated for less
than ``json.loads`` alone costs; a validator walking frozen dataclasses in Python would
add seconds to every build. The records are frozen as the pipeline's are.

The site's view model works on plain dicts (it adds its labels and links to copies of
them): ``load_plain`` decodes the file straight into dicts checked against the same
records (a ``TypedDict`` derived from each), in one pass, faster than ``json.loads``;
building the records and then dicts from them would cost a third more.

A field typed ``... | UnsetType`` is left out of the file when unset (an event's ``end``:
only a happening over several days has one); ``None`` is written as ``null``.
"""

from __future__ import annotations

import types
import typing
from functools import reduce
from operator import or_
from pathlib import Path
from typing import NotRequired, TypedDict

import msgspec
from msgspec import UNSET, UnsetType

VERSION = 1  # of the layout below: raise it with any change the reader would misread
AGAIN = "write the content again with `python -m pipeline build` (`invoke build` does)"


class _Record(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    """A record of the sidecar: immutable, and a field it does not declare is an error.
    (gc=False: they hold no cycles, and the cycle collector need not walk millions.)"""


class Summary(_Record):
    """The sentence of an event's evidence that states it best, and its language."""

    text: str
    lang: str


class Told(_Record):
    """An event as a site in another language tells it."""

    title: str
    summary: Summary | None
    # the language of a title written by hand, when it is not the site's
    title_lang: str | UnsetType = UNSET


class Evidence(_Record):
    """A passage of a source article that an event rests on (offsets in the article)."""

    source: str  # the source's slug
    start: int
    end: int
    text: str
    anchor: str  # its HTML id on the source's page


class Event(_Record):
    """A merged event, as the site shows it."""

    id: str
    value: str  # ISO-TimeML ("2021-11-24", "2020-Q3")
    mod: str | None
    precision: str  # day | month | ... (periods.granularity)
    sort: str  # ISO day the event sorts on
    types: list[str]
    mode: str | None
    actors: list[str]
    countries: list[str]
    place: str | None
    status: str
    title: str
    name: str | None  # what its sources call the happening
    summary: Summary | None
    i18n: dict[str, Told]  # language -> the event told by that language's site
    unreviewed_actors: list[str]
    aliases: list[str]  # earlier ids that now lead here
    inferred_date: bool
    date_text: str
    curated: list[str]  # fields set by hand
    sources: list[Evidence]
    end: str | UnsetType = UNSET  # the last day of a happening over several days


class Period(_Record):
    """A duration anchored on its article ("les deux dernières années"): a band."""

    source: str
    start: int
    end: int
    text: str
    value: str
    first: str
    last: str
    anchor: str


class Dct(_Record):
    """An article's date and where it came from."""

    value: str
    source: str


class Source(_Record):
    """A source article's metadata; its text is in ``texts/<slug>.json``."""

    slug: str
    path: str
    title: str
    lang: str
    url: str
    outlet: str
    dct: Dct
    warnings: list[str]
    events: list[str]  # ids of the events with evidence in it, in site order
    text_inputs: str  # digest of what its text file is cut from
    text_sha: str  # digest of its text file
    names: list[str]  # names recognised in it ("actor:...", "country:...")


class Document(_Record):
    """The whole sidecar."""

    version: int
    lang: str
    events: list[Event]
    periods: list[Period]
    sources: list[Source]


class SidecarError(ValueError):
    """A sidecar the site cannot read: its message names the file and what to do."""


class _Version(msgspec.Struct):
    version: int | str | None = None


def _plain_type(tp, made: dict | None = None):
    """The type of ``tp``'s plain data: a record as a TypedDict with the same fields (one
    left unset as a key that may be missing), containers of records as containers of
    those."""
    made = {} if made is None else made
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        if tp not in made:
            fields = {}
            for name, hint in typing.get_type_hints(tp).items():
                args = typing.get_args(hint)
                if UnsetType in args:
                    rest = [a for a in args if a is not UnsetType]
                    fields[name] = NotRequired[_plain_type(reduce(or_, rest), made)]
                else:
                    fields[name] = _plain_type(hint, made)
            made[tp] = TypedDict(f"Plain{tp.__name__}", fields)
        return made[tp]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if not args:
        return tp
    args = tuple(_plain_type(a, made) for a in args)
    if origin in (typing.Union, types.UnionType):
        return reduce(or_, args)
    return origin[args]


_DECODER = msgspec.json.Decoder(Document)
_PLAIN_DECODER = msgspec.json.Decoder(_plain_type(Document))
_ENCODER = msgspec.json.Encoder(order="sorted")


def dumps(document: Document) -> bytes:
    """The sidecar's bytes: compact JSON, keys sorted, one line (same records, same bytes)."""
    return _ENCODER.encode(document) + b"\n"


def loads(data: bytes, path: Path | str) -> Document:
    """The records in ``data`` (read from ``path``), or ``SidecarError`` for a file of
    another version or one that does not match them."""
    return _decode(_DECODER, data, path)


def load(path: Path | str) -> Document:
    """The sidecar at ``path`` (see ``loads``)."""
    return loads(Path(path).read_bytes(), path)


def load_plain(path: Path | str) -> dict:
    """The sidecar at ``path`` as plain dicts and lists (as ``plain(load(path))`` gives
    them, keys in the file's order), checked as ``load`` checks it; a key no record
    declares is left out."""
    return _decode(_PLAIN_DECODER, Path(path).read_bytes(), path)


def _decode(decoder: msgspec.json.Decoder, data: bytes, path: Path | str):
    try:
        document = decoder.decode(data)
    except msgspec.ValidationError as err:
        found = _version(data)
        if found != VERSION:
            raise SidecarError(_other_version(path, found)) from None
        raise SidecarError(f"{path}: not a sidecar of version {VERSION} ({err}): written by "
                           f"an older version of the pipeline or edited by hand; {AGAIN}"
                           ) from None
    except msgspec.DecodeError as err:  # not JSON: cut short, or not a sidecar at all
        raise SidecarError(f"{path}: not JSON ({err}); {AGAIN}") from None
    version = document["version"] if isinstance(document, dict) else document.version
    if version != VERSION:
        raise SidecarError(_other_version(path, version))
    return document


def plain(document: Document) -> dict:
    """The records as the JSON-ready dicts and lists the file holds (keys sorted), for
    code that reads them as data: the site's view model."""
    return msgspec.to_builtins(document, order="sorted")


class _Lang(msgspec.Struct):
    lang: str | None = None


def language(path: Path | str) -> str | None:
    """The language the sidecar at ``path`` was written in, read without building its
    records; None when the file has none (``load`` then says what is wrong with it)."""
    try:
        return msgspec.json.decode(Path(path).read_bytes(), type=_Lang).lang
    except (OSError, msgspec.ValidationError, msgspec.DecodeError):
        return None


def _version(data: bytes) -> int | str | None:
    try:
        return msgspec.json.decode(data, type=_Version).version
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None


def _other_version(path: Path | str, found) -> str:
    which = "no version" if found is None else f"version {found}"
    return (f"{path}: sidecar of {which}, this version of the pipeline reads version "
            f"{VERSION}: written by another version of the pipeline; {AGAIN}")
