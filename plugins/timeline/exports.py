"""Machine-readable exports of the timeline, as text.

In: the view model (``model.Timeline``) and the public site address ("" if unknown).
Out: ``events.json``, ``events.csv`` (RFC 4180), ``events.ics`` (RFC 5545, periods as
all-day spans), ``timeline.json`` (TimelineJS3), Atom feeds (the site's, and one per actor and per
pair of countries) and a sitemap.

No clock is read: every date written comes from the events, so two builds of the same
data give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from xml.sax.saxutils import escape as _xml_escape

from feedgenerator import Atom1Feed

from pipeline import periods

UID_DOMAIN = "diplo-timeline"
_FIELDS = ("id", "value", "mod", "precision", "sort", "date_label", "title", "types",
           "mode", "actors", "countries", "place", "status", "inferred_date")


# characters XML 1.0 does not allow, not even escaped: one in a title (a control
# character pasted from a web page) would make a whole feed ill-formed
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# RFC 5545 TEXT allows no control character but the tab; a line break is written \n
_NOT_ICS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 does not allow."""
    return _NOT_XML.sub("", text)


def xml_escape(text: str, entities: dict | None = None) -> str:
    """XML-escaped ``text``, without the characters XML 1.0 does not allow."""
    return _xml_escape(_NOT_XML.sub("", text), entities or {})


def _record(event: dict) -> dict:
    rec = {k: event.get(k) for k in _FIELDS}
    if event.get("end"):  # a happening over several days: its last day
        rec["end"] = event["end"]
    rec["url"] = event["url"]
    rec["sources"] = [
        {"source": ev["source"], "start": ev["start"], "end": ev["end"], "text": ev["text"],
         "url": ev["url"]}
        for ev in event["evidence"]
    ]
    return rec


def _inert_json(text: str) -> str:
    """JSON whose bytes hold no markup: <, > and & only as \\u escapes.

    Parsed, the data is the same; but a browser sniffing the file as HTML, or a page that
    inlines it, finds no tag in article text to run.
    """
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def events_json(timeline) -> str:
    """All events with their evidence, in chronological order, one event per line (a
    diff between two builds shows the events that changed; an indented dump goes through
    json's pure-Python encoder, a second at a thousand articles)."""
    lines = [json.dumps(_record(e), ensure_ascii=False, sort_keys=True) for e in timeline.events]
    return _inert_json("[\n" + ",\n".join(lines) + "\n]") + "\n"


def _csv_cell(text: str) -> str:
    # a cell starting like a formula is run by spreadsheets (CSV injection): quote it
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def events_csv(timeline) -> str:
    """One row per event; list fields joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = ["id", "date", "mod", "precision", "date_label", "title", "types", "mode",
              "actors", "countries", "place", "status", "inferred_date", "sources", "url"]
    writer.writerow(header)
    for e in timeline.events:
        writer.writerow([
            e["id"], e["value"], e.get("mod") or "", e["precision"], e["date_label"],
            _csv_cell(e["title"]), "; ".join(e["types"]), e.get("mode") or "",
            _csv_cell("; ".join(e["actors"])), "; ".join(e["countries"]),
            _csv_cell(e.get("place") or ""), e["status"],
            "yes" if e.get("inferred_date") else "no", e["n_sources"], e["url"],
        ])
    return out.getvalue()


def _ics_text(text: str) -> str:
    # calendar clients (Google, Outlook) render descriptions as HTML: article text must
    # not bring its own tags, so &, < and > travel as entities
    text = html.escape(text, quote=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a bare CR ends a line too
    return _NOT_ICS.sub("", text.replace("\\", "\\\\").replace(";", "\\;")
                        .replace(",", "\\,").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without cutting a UTF-8 character (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # inside a character: cut before it
            cut -= 1
        parts.append(data[start:cut].decode("utf-8"))
        start, limit = cut, 74  # continuation lines start with a space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _published(event: dict) -> dt.date:
    """The latest publication date among an event's articles (its own date when none is
    known to the day)."""
    days = [a["sort"][:10] for a in event.get("articles", [])
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.get("sort", "")[:10])]
    return dt.date.fromisoformat(max(days) if days else event["sort"])


def events_ics(timeline, public_url: str = "") -> str:
    """An iCalendar file: every event is an all-day span covering its whole period."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{UID_DOMAIN}//timeline//EN",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(timeline.t['site_title'])}"]
    for e in timeline.events:
        span = periods.period(e["value"], e.get("mod"))
        if span is None:
            continue
        first, last = span
        if e.get("end"):  # a happening over several days runs to its last day
            last = dt.date.fromisoformat(e["end"])
        stamp = _published(e).strftime("%Y%m%dT000000Z")
        description = f"{e['date_label']} — {e['type_label']}. " + " ".join(
            f"{timeline.t['quote_open']}{ev['text']}{timeline.t['quote_close']}"
            for ev in e["evidence"])
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e['id']}@{UID_DOMAIN}",
            # required: when the information was last published, from the data, so that
            # two builds of the same articles give the same bytes
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
            # DTEND is exclusive: the day after the period's last day
            f"DTEND;VALUE=DATE:{(last + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(e['title'])}",
            f"DESCRIPTION:{_ics_text(description)}",
        ]
        if e.get("place"):
            lines.append(f"LOCATION:{_ics_text(e['place'])}")
        if e["type_labels"]:
            lines.append("CATEGORIES:" + ",".join(_ics_text(c) for c in e["type_labels"]))
        if public_url:
            lines.append(f"URL:{public_url}/{e['url']}")
        if e["status"] == "planned":
            lines.append("STATUS:TENTATIVE")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _tl_date(value: str) -> dict:
    parts = value.split("-")
    out = {"year": parts[0][:4]}
    if len(parts) >= 2 and parts[1].isdigit():
        out["month"] = parts[1]
    if len(parts) == 3 and parts[2].isdigit():
        out["day"] = parts[2]
    return out


def timelinejs(timeline) -> str:
    """TimelineJS3 JSON. TimelineJS renders text as HTML, so every string is escaped."""
    events = []
    for e in timeline.events:
        quotes = "".join(f"<blockquote>{html.escape(ev['text'])}</blockquote>"
                         for ev in e["evidence"])
        events.append({
            "unique_id": e["id"],
            "start_date": _tl_date(e["value"] if e["precision"] in ("day", "month", "year")
                                   else e["sort"]),
            **({"end_date": _tl_date(e["end"])} if e.get("end") else {}),
            "display_date": html.escape(e["date_label"]),
            "group": html.escape(e["type_label"]),
            "text": {"headline": html.escape(e["title"]), "text": quotes},
        })
    title = {"text": {"headline": html.escape(timeline.t["site_title"]),
                      "text": html.escape(timeline.t["site_description"])}}
    # one event per line, as in events.json: a rebuild's diff stays readable, and the
    # encoder runs in C (an indented dump is encoded in Python, ten times slower)
    lines = ",\n".join(json.dumps(ev, ensure_ascii=False, sort_keys=True) for ev in events)
    return (f'{{"events": [\n{lines}\n], "title": '
            f'{json.dumps(title, ensure_ascii=False, sort_keys=True)}}}\n')


class _Feed(Atom1Feed):
    """feedgenerator's Atom feed; an empty one is dated 1970 rather than now, so that
    two builds of the same data give the same bytes."""

    def latest_post_date(self):
        if not self.items:
            return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        return super().latest_post_date()


def _midnight(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), dt.UTC)


def atom(timeline, public_url: str = "", facet=None) -> str:
    """Atom 1.0 feed of the latest events (all, or one facet's), written by feedgenerator;
    ``updated`` is the newest event's date, so the feed changes only when the events do.

    ``facet`` (an actor or a pair of countries) makes the feed of that facet, written next
    to its page: relative links then climb one folder back to the site root. With a
    public address every link is absolute and the feed names itself (``rel="self"``).
    """
    base = public_url.rstrip("/")
    events = facet.events if facet is not None else timeline.events
    recent = sorted(events, key=lambda e: (e["sort"], e["id"]), reverse=True)[:50]
    up = "../" if facet is not None else ""
    title = timeline.t["site_title"]
    if facet is None:
        feed_id = f"{base}/" if base else f"urn:{UID_DOMAIN}:events"
        page, self_path = "index.html", "feed.atom"
    else:
        title = f"{facet.label} — {title}"
        page, self_path = facet.url, facet.feed
        slug = facet.url.rsplit("/", 1)[-1][: -len(".html")]
        feed_id = f"{base}/{facet.url}" if base else f"urn:{UID_DOMAIN}:{facet.kind}:{slug}"
    home = f"{base}/{page}" if base else (page if facet is None else page.split("/")[-1])
    clean = _xml_text  # what XML 1.0 cannot hold would make feedgenerator refuse the feed
    title = clean(title)
    feed = _Feed(title=title, link=home, description=timeline.t["site_description"],
                 language=timeline.lang, author_name=timeline.t["site_title"],
                 feed_url=f"{base}/{self_path}" if base else None, feed_guid=feed_id)
    for e in recent:
        summary = e["summary"]["text"] if e.get("summary") else ""
        feed.add_item(title=clean(e["title"]),
                      link=f"{base}/{e['url']}" if base else up + e["url"],
                      description=clean(f"{e['date_label']} — {e['type_label']}"
                                        + (f". {summary}" if summary else "")),
                      unique_id=f"urn:{UID_DOMAIN}:event:{e['id']}",
                      updateddate=_midnight(e["sort"]))
    return feed.writeString("utf-8") + "\n"


def _attr(text: str) -> str:
    return xml_escape(text, {'"': "&quot;"})


def feed_facets(timeline) -> list:
    """The facets that have an Atom feed (``model.FEED_KINDS``: each actor and pair of
    countries)."""
    return [f for table in timeline.facets.values() for f in table if f.feed]



def sitemap(timeline, public_url: str, facet_kinds) -> str | None:
    """A sitemap.xml; it needs absolute addresses, so none without a public URL."""
    if not public_url:
        return None
    base = public_url.rstrip("/")
    paths = ["", "browse.html", "sources/index.html"]
    paths += [e["url"] for e in timeline.events]
    paths += [s["url"] for s in timeline.sources]
    for kind in facet_kinds:
        for f in timeline.facets.get(kind, []):
            paths += [f.url] + [part["url"] for part in f.parts]
    urls = "".join(f"<url><loc>{xml_escape(f'{base}/{p}')}</loc></url>\n" for p in paths)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")
