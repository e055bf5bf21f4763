"""Write stage: turn extractions and merged events into the site's data.

In: the per-article ``Extraction`` records and the merged ``Event`` list.
Out: ``<content_dir>/data/timeline.json``, everything the site shows, as data (events,
source texts cut into highlighted segments, recognised dates and actors). The timeline
plugin writes a page per event and per source from it.

Article text comes from the web: it travels as data and the theme's templates escape it
(Jinja autoescape).

The output is a pure function of the inputs: same records, same bytes. The sidecar is
rewritten only when its bytes change. Markdown files an earlier version of this stage
wrote under ``events/`` and ``sources/`` (first line ``MARKER``) are removed; other files
are left alone.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

from pipeline.labels import sort_date
from pipeline.records import Event, Extraction, granularity

MARKER = "Generated: pipeline.content"  # first line of the Markdown files it once wrote
DATA_FILE = "timeline.json"
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def source_slug(path: str) -> str:
    """A URL-safe slug from an article's file name ("000_d7c4.txt" -> "000-d7c4")."""
    stem = Path(path).stem.lower()
    return _SLUG_JUNK.sub("-", stem).strip("-") or "source"


def evidence_anchor(start: int, end: int) -> str:
    """The HTML id of an evidence passage on its source page (stable: from offsets)."""
    return f"ev-{start}-{end}"


def period_anchor(start: int, end: int) -> str:
    """The HTML id of a duration ("au cours des deux dernières années") on its source page."""
    return f"tx-{start}-{end}"


def _source_slugs(extractions: Sequence[Extraction]) -> dict[str, str]:
    """Unique slug per article path, assigned in path order so that it is stable."""
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for path in sorted({x.article.path for x in extractions}):
        base = source_slug(path)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        slugs[path] = slug
    return slugs


def _inline_spans(extraction: Extraction) -> list[tuple[int, int, dict]]:
    """Recognised dates and names as non-overlapping spans, earliest then longest first."""
    spans = [(t.start, t.end, {"k": "timex", "v": t.value, **_period_anchor(t)})
             for t in extraction.timexes]
    spans += [
        (m.start, m.end, {"k": m.kind, "v": m.key, "r": m.reviewed}) for m in extraction.mentions
    ]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2]["k"], str(s[2]["v"])))
    kept: list[tuple[int, int, dict]] = []
    for start, end, info in spans:
        if start < end and (not kept or start >= kept[-1][1]):
            kept.append((start, end, info))
    return kept


def _period_anchor(timex) -> dict:
    """The anchor of a duration covering a known period, which the timeline links to."""
    return {"a": period_anchor(timex.start, timex.end)} if timex.period else {}


def _parts(text: str, start: int, end: int, inline: list[tuple[int, int, dict]]) -> list[dict]:
    """Cut text[start:end] into plain parts and recognised parts (clipped to the range)."""
    parts: list[dict] = []
    pos = start
    for s0, e, info in inline:
        s, e = max(s0, start), min(e, end)
        if s >= e:
            continue
        if s > pos:
            parts.append({"t": text[pos:s]})
        if s != s0:  # a span cut in two carries its anchor on its first part only
            info = {k: v for k, v in info.items() if k != "a"}
        parts.append({"t": text[s:e], **info})
        pos = e
    if pos < end:
        parts.append({"t": text[pos:end]})
    return parts


def _paragraphs(extraction: Extraction, evidence: dict[tuple[int, int], list[str]]) -> list[dict]:
    """The article body as paragraphs of chunks; evidence passages are chunks of their own.

    ``evidence`` maps (start, end) offsets to the ids of the events they support.
    """
    article = extraction.article
    text = article.text
    inline = _inline_spans(extraction)
    # overlapping evidence passages are merged so that highlights never nest
    merged: list[list] = []
    for (s, e), events in sorted(evidence.items()):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2].append(evidence_anchor(s, e))
            merged[-1][3].update(events)
        else:
            merged.append([s, e, [evidence_anchor(s, e)], set(events)])
    paragraphs, anchored = [], set()
    for match in re.finditer(r"[^\n]+", text[article.body_start:]):
        p_start = article.body_start + match.start()
        p_end = article.body_start + match.end()
        if not text[p_start:p_end].strip():
            continue
        chunks, pos = [], p_start
        for s, e, ids, events in merged:
            s, e = max(s, p_start), min(e, p_end)
            if s >= e:
                continue
            if s > pos:
                chunks.append({"parts": _parts(text, pos, s, inline)})
            # a passage running over two paragraphs carries its anchors only once
            first = ids[0] not in anchored
            anchored.update(ids)
            chunks.append({
                "ids": ids if first else [],
                "events": sorted(events),
                "parts": _parts(text, s, e, inline),
            })
            pos = e
        if pos < p_end:
            chunks.append({"parts": _parts(text, pos, p_end, inline)})
        paragraphs.append({"start": p_start, "chunks": chunks})
    return paragraphs


def _event_data(event: Event, slugs: dict[str, str]) -> dict:
    return {
        "id": event.id,
        "value": event.value,
        "mod": event.mod,
        "precision": granularity(event.value),
        "sort": sort_date(event.value, event.mod).isoformat(),
        "types": list(event.types),
        "mode": event.mode,
        "actors": list(event.actors),
        "countries": list(event.countries),
        "place": event.place,
        "status": event.status,
        "title": event.title,
        "unreviewed_actors": list(event.unreviewed_actors),
        "aliases": sorted(event.aliases),
        "inferred_date": event.inferred_date,
        "date_text": event.date_text,
        "curated": list(event.curated),
        "sources": [
            {
                "source": slugs.get(ev.path, source_slug(ev.path)),
                "start": ev.start,
                "end": ev.end,
                "text": ev.text,
                "anchor": evidence_anchor(ev.start, ev.end),
            }
            for ev in event.sources
        ],
    }


def _source_data(x: Extraction, slug: str, events: Sequence[Event]) -> dict:
    """``events``: the events with a source in this article, in site order."""
    path = x.article.path
    evidence: dict[tuple[int, int], list[str]] = {}
    for event in events:
        for ev in event.sources:
            if ev.path == path:
                evidence.setdefault((ev.start, ev.end), []).append(event.id)
    drawn = sorted({e.id for e in events if any(ev.path == path for ev in e.sources)})
    return {
        "slug": slug,
        "path": path,
        "title": x.article.title,
        "lang": x.article.lang,
        "url": x.article.url,
        "outlet": x.article.source,
        "dct": {"value": x.dct.value, "source": x.dct.source},
        "warnings": list(x.article.warnings),
        "events": drawn,
        "paragraphs": _paragraphs(x, evidence),
    }


def build_data(
    extractions: Sequence[Extraction], events: Sequence[Event], lang: str = "fr"
) -> dict:
    """The sidecar's content: plain JSON-ready data, events in chronological order."""
    slugs = _source_slugs(extractions)
    ordered = sorted(
        events, key=lambda e: (sort_date(e.value, e.mod).isoformat(), e.value, e.id)
    )
    by_path = {x.article.path: x for x in extractions}
    # each article's events, found once: scanning every event per article is quadratic
    told: dict[str, list[Event]] = {p: [] for p in by_path}
    for e in ordered:
        for p in dict.fromkeys(ev.path for ev in e.sources):
            if p in told:
                told[p].append(e)
    return {
        "lang": lang,
        "events": [_event_data(e, slugs) for e in ordered],
        "periods": _periods(extractions, slugs),
        "sources": [_source_data(by_path[p], slugs[p], told[p]) for p in sorted(by_path)],
    }


def _periods(extractions: Sequence[Extraction], slugs: dict[str, str]) -> list[dict]:
    """Durations anchored on their article ("les deux dernières années" -> 2020-11/2022-11).

    They are spans of time the sources speak about, not events: the site draws them as
    bands. Ordered by the period's start, then source and offset.
    """
    out = []
    for x in extractions:
        for t in x.timexes:
            if not t.period or "/" not in t.period:
                continue
            first, last = t.period.split("/", 1)
            out.append({
                "source": slugs[x.article.path], "start": t.start, "end": t.end,
                "text": t.text, "value": t.value, "first": first, "last": last,
                "anchor": period_anchor(t.start, t.end),
            })
    return sorted(out, key=lambda p: (p["first"], p["last"], p["source"], p["start"]))


def _write_if_changed(path: Path, text: str) -> None:
    # an unchanged sidecar keeps its mtime
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _remove_stale(folder: Path) -> None:
    """Delete the Markdown files an earlier version of this stage wrote there."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.md")):
        with path.open(encoding="utf-8", errors="replace") as f:
            if f.readline().rstrip("\n") == MARKER:
                path.unlink()
    with contextlib.suppress(OSError):  # only if nothing else is left in it
        folder.rmdir()


def write_content(
    extractions: Sequence[Extraction], events: Sequence[Event], content_dir: Path, lang: str = "fr"
) -> None:
    """Write data/timeline.json under ``content_dir``."""
    content_dir = Path(content_dir)
    data = build_data(extractions, events, lang)
    for folder in ("events", "sources"):
        _remove_stale(content_dir / folder)
    # compact: an indented dump goes through json's pure-Python encoder, minutes at 10,000
    # articles; the sidecar is read by the plugin, not by people
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    _write_if_changed(content_dir / "data" / DATA_FILE, text + "\n")
