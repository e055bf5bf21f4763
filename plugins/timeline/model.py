"""The site's view model, built from the sidecar written by ``pipeline.content``.

In: the parsed ``data/timeline.json``, the folder of source texts beside it
(``data/texts/``, read only for the source pages being rendered) and an interface
language.
Out: a ``Timeline`` with events carrying ready-to-print labels and links, sources, facets
(per actor, country, pair of countries, type, year) and the year/month grouping of the
timeline page. Everything is ordered deterministically; templates only print it.

URLs are relative to the site root; templates prefix them with ``SITEURL``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations, groupby
from pathlib import Path

from pipeline import labels
from pipeline.identity import unique_slugs
from pipeline.records import granularity

FEED_KINDS = ("actor", "pair")
# above this many events the timeline page keeps only the latest years in full and
# links the others to their year page, so that it stays light
INDEX_MAX_EVENTS = 100
# above this many events an actor, country, pair or type page lists its years, shows the
# latest in full and gives every year a page of its own ("country/il/2021.html")
FACET_MAX_EVENTS = 100


def slugify(text: str) -> str:
    """ASCII slug for facet URLs ("Benny Gantz" -> "benny-gantz", "Israël" -> "israel")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def _iso_datetime(value: str) -> str:
    """A valid HTML ``datetime`` for a TimeML value: day, month and year pass as they are."""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    return value[:4] if re.fullmatch(r"\d{4}.*", value) else ""


class Paragraphs:
    """A source's text as the template iterates it (paragraphs of highlighted parts),
    read from its file when a page prints it: a rebuild that takes a source page from
    the page store never reads its text, and a full build holds one text at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self):
        try:
            paragraphs = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise RuntimeError(f"{self.path}: source text unreadable ({err}); write the "
                               "content again with `python -m pipeline build`") from err
        return iter(paragraphs)

    def __repr__(self) -> str:  # never the object's address: keys and dumps stay stable
        return f"Paragraphs({self.path.name})"


@dataclass
class Facet:
    """One browsable value (an actor, a country, a pair, a type or a year)."""

    kind: str  # actor | country | pair | type | year
    key: str
    label: str
    url: str
    events: list = field(default_factory=list)
    # a long facet's years, oldest first: [{year, url, events, count_label}], else empty
    parts: list = field(default_factory=list)

    @property
    def feed(self) -> str | None:
        """The address of this facet's Atom feed (actors and pairs of countries have one)."""
        return self.url[:-len(".html")] + ".atom" if self.kind in FEED_KINDS else None


@dataclass
class Timeline:
    lang: str
    t: dict
    events: list
    events_by_id: dict
    sources: list
    sources_by_slug: dict
    facets: dict  # kind -> list[Facet], sorted by label
    years: list  # [{year, anchor, url, on_index, count, months: [{month, label, events}]}]
    redirects: list  # [(old id, event)]
    facet_urls: dict  # (kind, key) -> url, to link names recognised in source texts
    periods: list = field(default_factory=list)  # spans of time the sources speak about

    @property
    def split(self) -> bool:
        """True when some years are shown on their year page only."""
        return any(not y["on_index"] for y in self.years)

    def years_by_key(self) -> dict:
        return {y["year"]: y for y in self.years}


def _facet(facets: dict, kind: str, key: str, label: str, event: dict,
           slug: str | None = None) -> Facet:
    table = facets.setdefault(kind, {})
    if key not in table:
        table[key] = Facet(kind, key, label, f"{kind}/{slug or slugify(key)}.html")
    table[key].events.append(event)
    return table[key]


def _search_facets(raw: dict) -> str:
    """The event's facets as one Pagefind metadata value: "type=CONSULT|country=IL|...".
    Pagefind separates metadata with commas, so none may stand in a value."""
    pairs = ([("type", c) for c in raw["types"]] + [("country", c) for c in raw["countries"]]
             + [("actor", a) for a in [*raw["actors"], *raw.get("unreviewed_actors", [])]]
             + [("year", raw["sort"][:4])])
    return "|".join(f"{k}={v.replace(',', ' ').replace('|', ' ')}" for k, v in pairs)


def _event(raw: dict, lang: str, titles: dict, langs: dict) -> dict:
    t = labels.strings(lang)
    value = raw["value"]
    precision = raw.get("precision") or "unknown"
    n = len(raw["sources"])
    return {
        **raw,
        "url": f"events/{raw['id']}.html",
        "date_label": labels.date_label(value, raw.get("mod"), raw.get("date_text", ""), lang),
        "datetime": _iso_datetime(value),
        "precision_label": t.get(f"precision_{precision}", precision)
        + (f" ({t['approximate']})" if raw.get("mod") == "APPROX" else ""),
        "type_label": labels.type_label(raw["types"], raw.get("mode"), lang),
        "type_labels": [labels.code_label(c, lang) for c in raw["types"]],
        "n_sources": n,
        # names of the fields set by hand (the sidecar of an older build has none)
        "curated": list(raw.get("curated") or []),
        "n_sources_label": labels.plural(n, "n_sources", lang),
        "year": raw["sort"][:4],
        "month": int(raw["sort"][5:7]),
        "search_facets": _search_facets(raw),
        "evidence": [
            {
                **ev,
                "url": f"sources/{ev['source']}.html#{ev['anchor']}",
                "source_title": titles.get(ev["source"], ev["source"]),
                # a quote in another language than the page's is marked as such
                "source_lang": langs.get(ev["source"]) if langs.get(ev["source"]) != lang
                else None,
            }
            for ev in raw["sources"]
        ],
    }


def _link_facets(event: dict, facets: dict, lang: str, actor_slugs: dict) -> None:
    """Register the event under each of its facets and keep the links on the event."""
    unreviewed = set(event.get("unreviewed_actors", []))
    event["actor_links"] = [
        {"name": a, "url": _facet(facets, "actor", a, a, event, actor_slugs[a]).url,
         "unreviewed": a in unreviewed}
        for a in event["actors"]
    ]
    codes = sorted(set(event["countries"]))
    event["country_links"] = [
        {"code": c, "name": labels.country_name(c, lang),
         "url": _facet(facets, "country", c, labels.country_name(c, lang), event).url}
        for c in codes
    ]
    event["pair_links"] = []
    for a, b in combinations(codes, 2):
        names = sorted([labels.country_name(a, lang), labels.country_name(b, lang)])
        facet = _facet(facets, "pair", f"{a}-{b}", " – ".join(names), event)
        event["pair_links"].append({"name": facet.label, "url": facet.url})
    event["type_links"] = [
        {"code": c, "name": labels.code_label(c, lang),
         "url": _facet(facets, "type", c, labels.code_label(c, lang), event).url}
        for c in event["types"]
    ]
    event["year_url"] = _facet(facets, "year", event["year"], event["year"], event).url


def _split(facet: Facet, lang: str, facet_max: int) -> None:
    """Give a long facet one page per year (a year facet is already one year)."""
    if facet.kind == "year" or len(facet.events) <= facet_max:
        return
    base = facet.url[:-len(".html")]
    for year, in_year in groupby(facet.events, key=lambda e: e["year"]):
        events = list(in_year)
        facet.parts.append({"year": year, "url": f"{base}/{year}.html", "events": events,
                            "count_label": labels.plural(len(events), "n_events", lang)})


def _month_of(event: dict) -> int | None:
    """The month an event is listed under, or None when its date is coarser than a month."""
    return event["month"] if event["precision"] in ("day", "month") else None


def _period(raw: dict, lang: str, titles: dict) -> dict | None:
    """A duration anchored on its article ("les deux dernières années"), drawn as a band."""
    first, last = labels.period(raw["first"]), labels.period(raw["last"])
    if first is None or last is None:
        return None
    start, end = first[0], last[1]
    precision = granularity(raw["first"])
    t = labels.strings(lang)
    return {
        **raw,
        "kind": "period",
        "id": f"p-{raw['source']}-{raw['start']}",
        "url": f"sources/{raw['source']}.html#{raw['anchor']}",
        "source_title": titles.get(raw["source"], raw["source"]),
        "label": t["period_label"].format(
            start=labels.date_label(raw["first"], None, "", lang),
            end=labels.date_label(raw["last"], None, "", lang)),
        "first_day": start, "last_day": end,
        "datetime": _iso_datetime(raw["first"]), "end_datetime": _iso_datetime(raw["last"]),
        "sort": start.isoformat(), "year": start.isoformat()[:4], "month": start.month,
        "precision": precision,
    }


def _years(items: list, lang: str, index_max: int) -> list:
    """Events and periods grouped by year, then month (or a vague group of their own)."""
    t = labels.strings(lang)
    years = []
    for year, in_year in groupby(items, key=lambda e: e["year"]):
        months = []
        # an event known only to the year (or season...) is not put under a month: it gets a
        # group of its own at its place in the order, so no heading claims a false precision
        for n, (month, in_month) in enumerate(groupby(in_year, key=_month_of)):
            months.append({
                "month": month,
                "label": (labels.month_name(month, lang).capitalize() + f" {year}" if month
                          else t["month_unknown"].format(year=year)),
                "anchor": f"m-{year}-{month:02d}" if month else f"y-{year}-{n}",
                "events": list(in_month),
            })
        count = sum(1 for m in months for e in m["events"] if e.get("kind") != "period")
        years.append({"year": year, "anchor": f"y-{year}", "url": f"year/{year}.html",
                      "months": months, "count": count, "on_index": True,
                      "count_label": labels.plural(count, "n_events", lang)})
    # the latest years in full, as many as fit; at least the latest one
    total = sum(y["count"] for y in years)
    if total > index_max:
        shown = 0
        for y in reversed(years):
            if shown and shown + y["count"] > index_max:
                y["on_index"] = False
            else:
                shown += y["count"]
        # an older year that fits is still a year out of sequence: keep the run contiguous
        for i in range(len(years) - 1, -1, -1):
            if not years[i]["on_index"]:
                for older in years[:i]:
                    older["on_index"] = False
                break
    return years


def build(data: dict, lang: str | None = None, index_max: int = INDEX_MAX_EVENTS,
          facet_max: int = FACET_MAX_EVENTS, *, texts: Path) -> Timeline:
    """The view model for ``data`` (the sidecar) in ``lang`` (default: the sidecar's);
    ``texts``: the folder of source texts."""
    lang = lang or data.get("lang") or "fr"
    t = labels.strings(lang)
    titles = {s["slug"]: s["title"] for s in data["sources"]}
    langs = {s["slug"]: s.get("lang") for s in data["sources"]}
    events = [_event(raw, lang, titles, langs) for raw in data["events"]]
    facets: dict = {}
    # actors are free text: two names may make one slug ("Yaïr Lapid", "Yair Lapid"); the
    # other facets are codes
    actor_slugs = unique_slugs((a for e in events for a in e["actors"]), slugify)
    for i, event in enumerate(events):
        event["prev"] = events[i - 1] if i > 0 else None
        event["next"] = events[i + 1] if i + 1 < len(events) else None
        _link_facets(event, facets, lang, actor_slugs)
    by_id = {e["id"]: e for e in events}
    sources = []
    for raw in data["sources"]:
        dct = raw["dct"]
        sources.append({
            **raw,
            "url": f"sources/{raw['slug']}.html",
            "dct_label": labels.date_label(dct["value"], None, "", lang) if dct else "",
            "dct_datetime": _iso_datetime(dct["value"]) if dct else "",
            "drawn": [by_id[i] for i in raw["events"] if i in by_id],
            "paragraphs": Paragraphs(texts / f"{raw['slug']}.json"),
        })
    periods = [p for p in (_period(raw, lang, titles) for raw in data.get("periods", [])) if p]
    # a period is listed where it starts, before the events of the same day
    items = sorted(periods + events, key=lambda e: (e["sort"], e.get("kind") != "period"))
    years = _years(items, lang, index_max)
    on_index = {y["year"] for y in years if y["on_index"]}
    for e in events:
        # where the event sits in the timeline: the timeline page or its year page
        page = "index.html" if e["year"] in on_index else f"year/{e['year']}.html"
        e["timeline_url"] = f"{page}#e-{e['id']}"
    sorted_facets = {
        kind: sorted(table.values(), key=lambda f: (slugify(f.label), f.key))
        for kind, table in facets.items()
    }
    sorted_facets["year"] = sorted(facets.get("year", {}).values(), key=lambda f: f.key)
    for table in sorted_facets.values():
        for facet in table:
            _split(facet, lang, facet_max)
    redirects = sorted(
        ((alias, e) for e in events for alias in e.get("aliases", []) if alias not in by_id),
        key=lambda pair: pair[0],
    )
    facet_urls = {f"{kind}:{key}": f.url for kind, table in facets.items()
                  for key, f in table.items()}
    return Timeline(lang, t, events, by_id, sources, {s["slug"]: s for s in sources},
                    sorted_facets, years, redirects, facet_urls, periods)
