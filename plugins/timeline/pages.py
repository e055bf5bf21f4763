"""What each page of the timeline prints: one typed object per page.

A page's template receives its object as ``page``, beside the site's globals
(``reuse.page_context``), and nothing else of the view model: the page's key
(``reuse.PageKeys``) is a digest of that very object, so whatever a template can print is
part of the key, and a field added to a record is too. What no page prints stays out of
the objects: an event's former ids are the redirects' (``Timeline.redirects``), not part
of the event's record.

The objects are msgspec Structs rather than dataclasses: a build makes one per page
(15,000 at a thousand articles), which msgspec creates several times faster, and the key
walks their fields by the tuple each class holds (``__struct_fields__``) instead of
calling ``dataclasses.fields`` per object. Their records (events, sources) are the view
model's own dicts, shared by every page that prints them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import msgspec


class Text:
    """A source's text as the template iterates it (paragraphs of highlighted parts),
    read from its file when a page prints it: a rebuild that takes a source page from
    the page store never reads its text, and a full build holds one text at a time.
    ``digest`` (the sidecar's digest of the file) stands for the text in page keys."""

    __slots__ = ("digest", "path")

    def __init__(self, path: Path, digest: str) -> None:
        self.path = path
        self.digest = digest

    def __iter__(self):
        try:
            paragraphs = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise RuntimeError(f"{self.path}: source text unreadable ({err}); write the "
                               "content again with `python -m pipeline build`") from err
        return iter(paragraphs)

    def __repr__(self) -> str:  # never the object's address: dumps stay stable
        return f"Text({self.path.name})"


class Page(msgspec.Struct, frozen=True):
    """A page's input; ``TEMPLATE`` names the template that prints it."""

    TEMPLATE: ClassVar[str] = ""


class EventPage(Page, frozen=True):
    """An event, and the one before and after it (the links at the page's foot)."""

    TEMPLATE: ClassVar[str] = "event"
    event: dict
    prev: dict | None
    next: dict | None


class SourcePage(Page, frozen=True):
    """A source article: its record (its text in ``source["paragraphs"]``), the events
    drawn from it, and the facet page of each name recognised in it, when there is one."""

    TEMPLATE: ClassVar[str] = "source"
    source: dict
    drawn: list[dict]
    links: dict[str, str | None]


class YearLink(msgspec.Struct, frozen=True):
    """A year of a long facet, in the list of its years: its count on the facet's own
    page only (a year page that printed every year's count would change whenever another
    year gained an event)."""

    year: str
    url: str
    count_label: str | None


class FacetPage(Page, frozen=True):
    """A facet's page (``part`` None) or one of its year pages (``part``: the year)."""

    TEMPLATE: ClassVar[str] = "facet"
    kind: str
    key: str
    label: str
    url: str
    feed: str | None
    years: list[YearLink]  # a long facet's years, else empty
    part: str | None
    count_label: str | None  # a year page's count
    n: int | None  # the facet's count, on its own page
    events: list[dict]  # the events listed, as cards
    months: list[dict] | None  # a year facet: the timeline's months of that year


class RedirectPage(Page, frozen=True):
    """A former address of an event, leading to its page."""

    TEMPLATE: ClassVar[str] = "redirect"
    url: str
    title: str


def event_pages(timeline) -> Iterator[tuple[str, EventPage]]:
    events = timeline.events
    for i, ev in enumerate(events):
        yield ev["url"], EventPage(ev, events[i - 1] if i > 0 else None,
                                   events[i + 1] if i + 1 < len(events) else None)


def source_pages(timeline) -> Iterator[tuple[str, SourcePage]]:
    by_id, urls = timeline.events_by_id, timeline.facet_urls
    for src in timeline.sources:
        yield src["url"], SourcePage(
            src, [by_id[i] for i in src["events"] if i in by_id],
            {name: urls.get(name) for name in src["names"]})


def facet_pages(timeline, kinds) -> Iterator[tuple[str, FacetPage]]:
    """Each facet's page then its year pages, kind by kind."""
    years = timeline.years_by_key()
    for kind in kinds:
        for f in timeline.facets.get(kind, []):
            latest = f.parts[-1]["events"] if f.parts else f.events
            yield f.url, FacetPage(
                f.kind, f.key, f.label, f.url, f.feed,
                [YearLink(p["year"], p["url"], p["count_label"]) for p in f.parts],
                None, None, len(f.events), [] if kind == "year" else latest,
                years[f.key]["months"] if kind == "year" else None)
            links = [YearLink(p["year"], p["url"], None) for p in f.parts]
            for p in f.parts:
                yield p["url"], FacetPage(f.kind, f.key, f.label, f.url, f.feed, links,
                                          p["year"], p["count_label"], None, p["events"],
                                          None)


def redirect_pages(timeline) -> Iterator[tuple[str, RedirectPage]]:
    for alias, event in timeline.redirects:
        yield f"events/{alias}.html", RedirectPage(event["url"], event["title"])
