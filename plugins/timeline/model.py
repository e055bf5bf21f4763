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

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations, groupby
from pathlib import Path

from pipeline import gazetteer, labels
from pipeline.identity import unique_slugs
from pipeline.periods import granularity, period, span
from pipeline.titles import gazetteer_kind

from .pages import Text
from .strings import merged

FEED_KINDS = ("actor", "pair")
# above this many events the timeline page keeps only the latest years in full and
# links the others to their year page, so that it stays light
INDEX_MAX_EVENTS = 100
# above this many events an actor, country, pair or type page lists its years, shows the
# latest in full and gives every year a page of its own ("country/il/2021.html")
FACET_MAX_EVENTS = 100
# a pair of states has a page (and a feed) once this many events name both: a page that
# lists the one event it was reached from tells nothing
PAIR_MIN_EVENTS = 2
# a pair's page lists the relations between two states: an event naming more states than
# this (a summit, a conference) is multilateral, listed on each state's page but on none
# of its pairs' (a summit of fourteen would be on 91 pair pages, and change them all)
PAIR_MAX_STATES = 4


def slugify(text: str) -> str:
    """ASCII slug for facet URLs ("Benny Gantz" -> "benny-gantz", "Israël" -> "israel")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def _iso_datetime(value: str) -> str:
    """A valid HTML ``datetime`` for a TimeML value: day, month and year pass as they are."""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    return value[:4] if re.fullmatch(r"\d{4}.*", value) else ""


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
    facets: dict  # kind -> list[Facet], sorted by label
    years: list  # [{year, anchor, url, on_index, count, months: [{month, label, events}]}]
    redirects: list  # [(old id, event)]
    facet_urls: dict  # (kind, key) -> url, to link names recognised in source texts
    periods: list = field(default_factory=list)  # spans of time the sources speak about

    @property
    def split(self) -> bool:
        """True when some years, or some months of the latest, are shown on their year
        page only."""
        return any(not y["on_index"] or y.get("index_months") is not None
                   for y in self.years)

    def years_by_key(self) -> dict:
        return {y["year"]: y for y in self.years}


def _facet(facets: dict, kind: str, key: str, label: str, event: dict,
           slug: str | None = None) -> Facet:
    table = facets.setdefault(kind, {})
    if key not in table:
        table[key] = Facet(kind, key, label, f"{kind}/{slug or slugify(key)}.html")
    table[key].events.append(event)
    return table[key]


def _search_facets(raw: dict, type_key: str) -> str:
    """The event's facets as one Pagefind metadata value: "type=visite|country=IL|...".
    Pagefind separates metadata with commas, so none may stand in a value."""
    pairs = ([("type", type_key)] + [("country", c) for c in raw["countries"]]
             + [("actor", a) for a in [*raw["actors"], *raw.get("unreviewed_actors", [])]]
             + [("year", raw["sort"][:4])])
    return "|".join(f"{k}={v.replace(',', ' ').replace('|', ' ')}" for k, v in pairs)


SEARCH_LANGS = ("fr", "en")  # a name is findable on every page in each of these


@cache
def _country_names(code: str) -> tuple[str, ...]:
    """A state's names in every language of the site ("Bahreïn", "Bahrain")."""
    names = {labels.country_name(code, lang) for lang in SEARCH_LANGS}
    for c in gazetteer.countries():
        if c.code == code:
            names.update(n for lang in SEARCH_LANGS for n in c.surface.get(lang, ())[:1])
    return tuple(sorted(names))


@cache
def _actor_names() -> dict[str, tuple[str, ...]]:
    return {a.name: tuple(sorted({a.name, *a.aliases})) for a in gazetteer.actors()}


def other_names(codes, actors, lang: str | None) -> str:
    """The other names of the states and people a page mentions, in each language, for
    the search index: "Bahrain" finds a page that says "Bahreïn", "Yaïr" one that says
    "Yair". The names an event page prints in ``lang`` are left out (None: a source
    page, which prints its article's words)."""
    known = _actor_names()
    shown = {labels.country_name(c, lang) for c in codes} | set(actors) if lang else set()
    names = {n for c in codes for n in _country_names(c)}
    names.update(n for a in actors for n in known.get(a, (a,)))
    return " ".join(sorted(names - shown))


def _jsonld(ev: dict) -> dict:
    """The event as schema.org data: people as ``Person`` (organisations as such), states
    as ``Country``, where it happened as a ``Place`` (its states when no place is
    known), a date known only to the month or year as that month or year, a vaguer one
    (a season, "fin 2020") as the range it covers; no empty field."""
    ld = {"@context": "https://schema.org", "@type": "Event", "name": ev["title"]}
    if ev["datetime"] and len(ev["datetime"]) == len(ev["value"]):
        ld["startDate"] = ev["datetime"]
    else:
        covered = period(ev["value"], ev.get("mod"))
        if covered:
            ld["startDate"], ld["endDate"] = covered[0].isoformat(), covered[1].isoformat()
    if ev.get("end"):  # a happening over several days
        ld["endDate"] = ev["end"]
    if ev.get("summary"):
        ld["description"] = ev["summary"]["text"]
    countries = [{"@type": "Country", "name": c["name"]} for c in ev["country_links"]]
    if ev.get("place"):
        ld["location"] = {"@type": "Place", "name": ev["place"]}
        if len(countries) == 1:
            ld["location"]["containedInPlace"] = countries[0]
    elif countries:
        ld["location"] = countries
    if countries:
        ld["about"] = countries
    if ev["actors"]:
        ld["performer"] = [{"@type": "Organization" if gazetteer_kind(a) == "org" else "Person",
                            "name": a} for a in ev["actors"]]
    if ev["status"] == "planned":
        ld["eventStatus"] = "https://schema.org/EventScheduled"
    return ld


def _plural(t: dict, n: int, key: str) -> str:
    return t[f"{key}_1"] if n == 1 else t[f"{key}_n"].format(n=n)


def _outlet(raw: dict) -> str:
    """Who published an article: its front matter's ``outlet``, else its address's host."""
    if raw.get("outlet"):
        return raw["outlet"]
    host = re.match(r"https?://(?:www\.)?([^/:?#]+)", raw.get("url") or "")
    return host.group(1) if host else ""


def _about_source(raw: dict, lang: str, t: dict) -> dict:
    """What an event page says of an article its quotes come from: outlet, publication
    date, language when not the page's, original address (only a web address)."""
    dct = raw.get("dct") or {}
    url = raw.get("url") or ""
    src_lang = raw.get("lang")
    return {
        "slug": raw["slug"],
        "title": raw["title"],
        "url": f"sources/{raw['slug']}.html",
        "outlet": _outlet(raw),
        "date_label": labels.date_label(dct["value"], None, "", lang) if dct else "",
        "datetime": _iso_datetime(dct["value"]) if dct else "",
        "sort": dct.get("value") or "",
        "lang": src_lang,
        "lang_label": t.get(f"lang_{src_lang}", src_lang) if src_lang and src_lang != lang
        else "",
        "original": url if url.startswith(("https://", "http://")) else "",
    }


def _by_article(evidence: list, about: dict) -> list:
    """An event's quotes grouped by article, the articles by publication date."""
    groups: dict[str, dict] = {}
    for q in evidence:
        info = about.get(q["source"]) or {"slug": q["source"], "title": q["source"],
                                           "url": f"sources/{q['source']}.html", "sort": ""}
        groups.setdefault(q["source"], {**info, "quotes": []})["quotes"].append(q)
    return sorted(groups.values(), key=lambda g: (g["sort"], g["slug"]))


def _event(raw: dict, lang: str, titles: dict, langs: dict, about: dict | None = None) -> dict:
    # a site in another language than the data's takes the title and summary made for it
    raw = {**raw, **(raw.get("i18n") or {}).get(lang, {})}
    # its former ids make the redirect pages (``build``), kept beside the event: every
    # field of an event is part of the key of each page printing it (pages.py), and no
    # page prints them
    raw.pop("aliases", None)
    t = merged(labels.strings(lang), lang)
    value = raw["value"]
    precision = raw.get("precision") or "unknown"
    n = len(raw["sources"])
    n_articles = len({ev["source"] for ev in raw["sources"]})
    summary = raw.get("summary")
    type_label = labels.type_label(raw["types"], raw.get("mode"), lang)
    evidence = [
        {
            **ev,
            "url": f"sources/{ev['source']}.html#{ev['anchor']}",
            "source_title": titles.get(ev["source"], ev["source"]),
            # a quote in another language than the page's is marked as such
            "source_lang": langs.get(ev["source"]) if langs.get(ev["source"]) != lang
            else None,
        }
        for ev in raw["sources"]
    ]
    return {
        **raw,
        "url": f"events/{raw['id']}.html",
        "date_label": (labels.days_label(value, raw["end"], lang) if raw.get("end") else
                       labels.date_label(value, raw.get("mod"), raw.get("date_text", ""), lang)),
        "datetime": _iso_datetime(value),
        "precision_label": t.get(f"precision_{precision}", precision)
        + (f" ({t['approximate']})" if raw.get("mod") == "APPROX" else ""),
        "type_label": type_label,
        # the type a reader filters by is the one the card shows: keyed by its label
        "type_key": slugify(type_label),
        "type_labels": [labels.code_label(c, lang) for c in raw["types"]],
        "n_sources": n,
        # names of the fields set by hand (the sidecar of an older build has none)
        "curated": list(raw.get("curated") or []),
        "n_sources_label": labels.plural(n, "n_sources", lang),
        # what a reader counts: the articles telling it, not the passages quoted
        "n_articles": n_articles,
        "n_articles_label": _plural(t, n_articles, "n_articles"),
        "summary": summary and {**summary, "lang": summary.get("lang") if
                                summary.get("lang") != lang else None},
        "year": raw["sort"][:4],
        "month": int(raw["sort"][5:7]),
        "search_facets": _search_facets(raw, slugify(type_label)),
        "other_names": other_names(raw["countries"], raw["actors"], lang),
        "evidence": evidence,
        "articles": _by_article(evidence, about or {}),
    }


def _pairs(countries) -> list[tuple[str, str]]:
    """The pairs of states an event is listed under (see PAIR_MAX_STATES)."""
    codes = sorted(set(countries))
    return list(combinations(codes, 2)) if len(codes) <= PAIR_MAX_STATES else []


def _link_facets(event: dict, facets: dict, lang: str, actor_slugs: dict,
                 pairs: set) -> None:
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
    for a, b in _pairs(codes):
        if (a, b) not in pairs:
            continue
        names = sorted([labels.country_name(a, lang), labels.country_name(b, lang)])
        facet = _facet(facets, "pair", f"{a}-{b}", " – ".join(names), event)
        event["pair_links"].append({"name": facet.label, "url": facet.url})
    key, label = event["type_key"], event["type_label"]
    event["type_links"] = [{"code": key, "name": label,
                            "url": _facet(facets, "type", key, label, event).url}]
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
    days = span(raw["first"], raw["last"])
    if days is None:
        return None
    start, end = days
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
        # the latest year alone may hold more: the timeline page then shows its latest
        # months, as many as fit (at least one), and its year page all of them
        latest = years[-1]
        if latest["count"] > index_max:
            shown, kept = 0, []
            for m in reversed(latest["months"]):
                n = sum(1 for e in m["events"] if e.get("kind") != "period")
                if kept and shown + n > index_max:
                    break
                kept.append(m)
                shown += n
            latest["index_months"] = kept[::-1]
            latest["index_hidden"] = labels.plural(latest["count"] - shown, "n_events", lang)
    return years


def _chain(events: list[dict], lang: str) -> dict:
    """Link each event to its facets (returned, by kind then key), and give it its
    JSON-LD."""
    facets: dict = {}
    # actors are free text: two names may make one slug ("Yaïr Lapid", "Yair Lapid"); the
    # other facets are codes
    actor_slugs = unique_slugs((a for e in events for a in e["actors"]), slugify)
    named = Counter(p for e in events for p in _pairs(e["countries"]))
    pairs = {p for p, n in named.items() if n >= PAIR_MIN_EVENTS}
    for event in events:
        _link_facets(event, facets, lang, actor_slugs, pairs)
        event["jsonld"] = _jsonld(event)
    return facets


def _source_pages(data: dict, by_id: dict, lang: str, texts: Path) -> list[dict]:
    """The sources' pages, as a reading list: by publication date, then title."""
    sources = []
    for raw in sorted(data["sources"], key=lambda s: ((s.get("dct") or {}).get("value") or "",
                                                      s["title"], s["slug"])):
        dct = raw["dct"]
        # what its text file is cut from tells the pipeline whether to cut it again, and
        # its digest is the text's own (``Text``): no page prints either
        kept = {k: v for k, v in raw.items() if k not in ("text_inputs", "text_sha")}
        sources.append({
            **kept,
            "outlet": _outlet(raw),
            "url": f"sources/{raw['slug']}.html",
            # the states' names only: its people are named in its words already
            "other_names": other_names(
                [n[8:] for n in raw.get("names", []) if n.startswith("country:")], [], None),
            "dct_label": labels.date_label(dct["value"], None, "", lang) if dct else "",
            "dct_datetime": _iso_datetime(dct["value"]) if dct else "",
            # the events drawn from it are its page's (pages.SourcePage); the list of
            # sources prints their number
            "n_drawn": sum(1 for i in raw["events"] if i in by_id),
            "paragraphs": Text(texts / f"{raw['slug']}.json", raw["text_sha"]),
        })
    return sources


def _place_in_timeline(events: list[dict], years: list[dict]) -> None:
    """Where each event sits in the timeline: the timeline page or its year page."""
    on_index = {y["year"] for y in years if y["on_index"]}
    # the events of a year's months the timeline page leaves to the year page
    elsewhere = {id(e) for y in years if y.get("index_months") is not None
                 for m in y["months"] if not any(m is k for k in y["index_months"])
                 for e in m["events"]}
    for e in events:
        here = e["year"] in on_index and id(e) not in elsewhere
        page = "index.html" if here else f"year/{e['year']}.html"
        e["timeline_url"] = f"{page}#e-{e['id']}"


def _sorted_facets(facets: dict, lang: str, facet_max: int) -> dict:
    """Each kind's facets by name (years by year), each split into its pages."""
    sorted_facets = {
        kind: sorted(table.values(), key=lambda f: (slugify(f.label), f.key))
        for kind, table in facets.items()
    }
    sorted_facets["year"] = sorted(facets.get("year", {}).values(), key=lambda f: f.key)
    for table in sorted_facets.values():
        for facet in table:
            _split(facet, lang, facet_max)
    return sorted_facets


def build(data: dict, lang: str | None = None, index_max: int = INDEX_MAX_EVENTS,
          facet_max: int = FACET_MAX_EVENTS, *, texts: Path) -> Timeline:
    """The view model for ``data`` (the sidecar) in ``lang`` (default: the sidecar's);
    ``texts``: the folder of source texts."""
    lang = lang or data.get("lang") or "fr"
    t = merged(labels.strings(lang), lang)
    titles = {s["slug"]: s["title"] for s in data["sources"]}
    langs = {s["slug"]: s.get("lang") for s in data["sources"]}
    about = {s["slug"]: _about_source(s, lang, t) for s in data["sources"]}
    events = [_event(raw, lang, titles, langs, about) for raw in data["events"]]
    facets = _chain(events, lang)
    by_id = {e["id"]: e for e in events}
    sources = _source_pages(data, by_id, lang, texts)
    periods = [p for p in (_period(raw, lang, titles) for raw in data.get("periods", [])) if p]
    # a period is listed where it starts, before the events of the same day
    items = sorted(periods + events, key=lambda e: (e["sort"], e.get("kind") != "period"))
    years = _years(items, lang, index_max)
    _place_in_timeline(events, years)
    sorted_facets = _sorted_facets(facets, lang, facet_max)
    redirects = sorted(
        ((alias, by_id[raw["id"]]) for raw in data["events"] for alias in raw.get("aliases", [])
         if alias not in by_id),
        key=lambda pair: pair[0],
    )
    facet_urls = {f"{kind}:{key}": f.url for kind, table in facets.items()
                  for key, f in table.items()}
    return Timeline(lang, t, events, by_id, sources,
                    sorted_facets, years, redirects, facet_urls, periods)
