"""Write stage: turn extractions and merged events into the site's data.

In: the per-article ``Extraction`` records and the merged ``Event`` list.
Out, under ``<content_dir>/data/``, everything the site shows, as data:

- ``timeline.json`` (the sidecar): events, periods, and each source article's metadata,
  as the records ``pipeline.sitedata`` declares (with the version of their layout);
- ``texts/<source slug>.json``: one article's text cut into paragraphs and highlighted
  parts (evidence passages, recognised dates and names).

The timeline plugin writes a page per event and per source from them. The texts are most
of the data and few change between two builds: a text is cut again only when what it is
cut from changed (the article's text and annotations, its evidence passages, this
module), which the sidecar records per source (``text_inputs``), with the digest of the
text file (``text_sha``) by which the site knows whether the page changed.

Article text comes from the web: it travels as data and the theme's templates escape it
(Jinja autoescape).

The output is a pure function of the inputs: same records, same bytes. A file is
rewritten only when its bytes change. Markdown files an earlier version of this stage
wrote under ``events/`` and ``sources/`` (first line ``MARKER``) are removed; other files
are left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pipeline import sitedata
from pipeline.events import PLACE_CUE
from pipeline.identity import unique_slugs
from pipeline.periods import event_order, granularity, sort_date
from pipeline.records import Event, Extraction
from pipeline.titles import happening_name, make_title

MARKER = "Generated: pipeline.content"  # first line of the Markdown files it once wrote
DATA_FILE = "timeline.json"
TEXTS = "texts"  # folder of the source texts, beside the sidecar
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
SITE_LANGS = ("fr", "en")  # the languages the site is written in, the data's first
SUMMARY_MAX = 260  # characters of a card's summary; a longer sentence is cut at a clause
# where a long sentence may be cut: after a comma, semicolon or colon, before a dash
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s(?=[–—]\s)")


@cache  # asked for each event of each source
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


# a source named so has its page where a page of the site is ("sources/index.html")
RESERVED_SLUGS = ("index",)


def _source_slugs(extractions: Sequence[Extraction]) -> dict[str, str]:
    """A unique slug per article path, never a reserved one, the same from build to build
    (see ``identity.unique_slugs``)."""
    return unique_slugs({x.article.path for x in extractions}, source_slug, RESERVED_SLUGS)


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


def _place(event: Event, by_path: dict[str, Extraction]) -> str | None:
    """Where the event happened: its own place, else the first place named after "à",
    "in", "at"... ("inaugure ce jeudi le bureau de liaison à Rabat") in a sentence of its
    evidence that dates it; a place named otherwise ("Washington a annoncé") stands for
    its state, and one in a sentence without the event's date may be another
    happening's ("un an après la signature des accords à Washington")."""
    if event.place or "place" in event.curated:
        return event.place
    for ev in event.sources:
        x = by_path.get(ev.path)
        if x is None or not any(t.value == event.value and ev.start <= t.start < ev.end
                                for t in x.timexes):
            continue
        text = x.article.text
        for m in x.mentions:
            if (m.kind == "place" and ev.start <= m.start and m.end <= ev.end
                    and PLACE_CUE.search(text[max(0, m.start - 8):m.start])):
                return m.text
    return None


def _clause_cut(text: str, limit: int = SUMMARY_MAX) -> str:
    """``text`` at most ``limit`` characters long, cut at the last clause boundary that
    keeps two thirds of it (else at a word), with an ellipsis: a sentence cut early loses
    its verb ("Le ministre de la Défense, Benny Gantz, et son homologue, ...")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cuts = [m.start() for m in _CLAUSE_END.finditer(text, 0, limit)
            if m.start() >= limit * 2 // 3]
    end = cuts[-1] if cuts else text.rfind(" ", 0, limit)
    return text[:end if end > 0 else limit].rstrip(" ,;:–—") + "…"


def _summary(event: Event, by_path: dict[str, Extraction],
             lang: str) -> sitedata.Summary | None:
    """The sentence of the evidence that states the event best: in the site's language
    if one does, naming most of its actors and states, the earliest of those; cut at a
    clause when long. Its language comes with it, for the page to mark."""
    best = None
    for ev in event.sources:
        x = by_path.get(ev.path)
        x_lang = x.article.lang if x else lang
        keys = {m.key for m in (x.mentions if x else ())
                if ev.start <= m.start and m.end <= ev.end} if x else set()
        named = len(keys & {*event.actors, *event.countries})
        # the lead of an article states what happened before the details that follow
        rank = (x_lang != lang, -named, ev.start, len(ev.text), ev.path)
        if best is None or rank < best[0]:
            best = (rank, ev.text, x_lang)
    if best is None:
        return None
    return sitedata.Summary(text=_clause_cut(best[1]), lang=best[2])


def _told(event: Event, by_path: dict[str, Extraction], lang: str, site_lang: str) -> dict:
    """The event's title and summary as a site in ``lang`` gives them: with the name its
    articles in that language give the happening, else another's. ``site_lang``: the
    language the event's title is written in (the pipeline titles events in the site's
    language); another language's title is made from the event's fields, unless the
    title was written by hand."""
    own = lang == site_lang
    title = event.title
    name = None
    if {"title", "event"} & set(event.curated):
        # written by hand in the data's language: shown as such, and marked so
        return {"title": title, "name": None, "summary": _summary(event, by_path, lang),
                **({} if own else {"title_lang": site_lang})}
    # what the sources call the happening and the place they give it, in the title
    told = sorted(event.sources, key=lambda ev: by_path[ev.path].article.lang != lang
                  if ev.path in by_path else True)
    name = happening_name([ev.text for ev in told], event.mode, event.types)
    place = _place(event, by_path)
    if place != event.place or name or not own:
        title = make_title(event.types, event.mode, event.actors, event.countries, place,
                           lang, event.status, name) or title
    return {"title": title, "name": name, "summary": _summary(event, by_path, lang)}


def _event_data(event: Event, slugs: dict[str, str],
                by_path: dict[str, Extraction] | None = None,
                lang: str = "fr") -> sitedata.Event:
    by_path = by_path or {}
    place = _place(event, by_path)
    own = _told(event, by_path, lang, lang)
    # the other languages' sites (the plugin writes one beside the main one) say it too
    other = {k: _told(event, by_path, k, lang) for k in SITE_LANGS if k != lang}
    return sitedata.Event(
        summary=own["summary"],
        name=own["name"],
        i18n={k: sitedata.Told(title=v["title"], summary=v["summary"],
                               title_lang=v.get("title_lang", sitedata.UNSET))
              for k, v in other.items()},
        id=event.id,
        value=event.value,
        mod=event.mod,
        end=event.end or sitedata.UNSET,  # the last day of a stay
        precision=granularity(event.value),
        sort=sort_date(event.value, event.mod).isoformat(),
        types=list(event.types),
        mode=event.mode,
        actors=list(event.actors),
        countries=list(event.countries),
        place=place,
        status=event.status,
        title=own["title"],
        unreviewed_actors=list(event.unreviewed_actors),
        aliases=sorted(event.aliases),
        inferred_date=event.inferred_date,
        date_text=event.date_text,
        curated=list(event.curated),
        sources=[
            sitedata.Evidence(
                source=slugs.get(ev.path, source_slug(ev.path)),
                start=ev.start,
                end=ev.end,
                text=ev.text,
                anchor=evidence_anchor(ev.start, ev.end),
            )
            for ev in event.sources
        ],
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# the code that cuts texts is an input of every text: a new version cuts them all again
_RECIPE = _sha(Path(__file__).read_bytes())


def _dumps(value) -> str:
    # compact: an indented dump goes through json's pure-Python encoder, minutes at 10,000
    # articles; the data is read by the plugin, not by people
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _names(paragraphs: list[dict]) -> list[str]:
    """The names recognised in a text, as the site looks up their pages ("actor:...")."""
    return sorted({("country:" if part["k"] == "country" else "actor:") + part["v"]
                   for p in paragraphs for c in p["chunks"] for part in c["parts"]
                   if part.get("k") and part["k"] != "timex"})


def _source_data(x: Extraction, slug: str, events: Sequence[Event],
                 known: sitedata.Source | None,
                 evidence: dict[tuple[int, int], list[str]]) -> tuple[sitedata.Source, str | None]:
    """A source's sidecar record, and its text file's content unless ``known`` (its
    record in the previous sidecar) says the text is cut from the same inputs.
    ``events``: the events with a source in this article, in site order; ``evidence``:
    the ids of the events each of its passages is evidence for."""
    a = x.article
    inputs = _sha(repr((_RECIPE, a.text, a.body_start, _inline_spans(x),
                        sorted(evidence.items()))).encode("utf-8"))
    if known is not None and known.text_inputs == inputs:
        text, text_sha, names = None, known.text_sha, known.names
    else:
        paragraphs = _paragraphs(x, evidence)
        text = _dumps(paragraphs) + "\n"
        text_sha, names = _sha(text.encode("utf-8")), _names(paragraphs)
    record = sitedata.Source(
        slug=slug,
        path=a.path,
        title=a.title,
        lang=a.lang,
        url=a.url,
        outlet=a.source,
        dct=sitedata.Dct(value=x.dct.value, source=x.dct.source),
        warnings=list(a.warnings),
        events=sorted({e.id for e in events}),
        text_inputs=inputs,
        text_sha=text_sha,
        names=names,
    )
    return record, text


def build_document(
    extractions: Sequence[Extraction], events: Sequence[Event], lang: str = "fr",
    known: dict[str, sitedata.Source] | None = None,
) -> tuple[sitedata.Document, dict[str, str]]:
    """The sidecar's records (events in chronological order) and the source texts (JSON)
    by slug: every text, or with ``known`` (slug -> the source's record in the previous
    sidecar, for texts still on disk) those whose inputs changed."""
    slugs = _source_slugs(extractions)
    ordered = sorted(events, key=event_order)
    by_path = {x.article.path: x for x in extractions}
    # each article's events and evidence, found once: scanning every event per article
    # is quadratic, and so is scanning every source of each of its events (an event told
    # by hundreds of articles)
    told: dict[str, list[Event]] = {p: [] for p in by_path}
    evidence: dict[str, dict[tuple[int, int], list[str]]] = {p: {} for p in by_path}
    for e in ordered:
        for p in dict.fromkeys(ev.path for ev in e.sources):
            if p in told:
                told[p].append(e)
        for ev in e.sources:
            if ev.path in evidence:
                evidence[ev.path].setdefault((ev.start, ev.end), []).append(e.id)
    known = known or {}
    sources, texts = [], {}
    for p in sorted(by_path):
        record, text = _source_data(by_path[p], slugs[p], told[p], known.get(slugs[p]),
                                    evidence[p])
        sources.append(record)
        if text is not None:
            texts[record.slug] = text
    document = sitedata.Document(
        version=sitedata.VERSION,
        lang=lang,
        events=[_event_data(e, slugs, by_path, lang) for e in ordered],
        periods=_periods(extractions, slugs),
        sources=sources,
    )
    return document, texts


def build_data(
    extractions: Sequence[Extraction], events: Sequence[Event], lang: str = "fr",
) -> tuple[dict, dict[str, str]]:
    """``build_document``'s records as the plain data the sidecar file holds, and every
    source text by slug."""
    document, texts = build_document(extractions, events, lang)
    return sitedata.plain(document), texts


def _periods(extractions: Sequence[Extraction],
             slugs: dict[str, str]) -> list[sitedata.Period]:
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
            out.append(sitedata.Period(
                source=slugs[x.article.path], start=t.start, end=t.end,
                text=t.text, value=t.value, first=first, last=last,
                anchor=period_anchor(t.start, t.end),
            ))
    return sorted(out, key=lambda p: (p.first, p.last, p.source, p.start))


def _write_if_changed(path: Path, text: str | bytes) -> None:
    # an unchanged file keeps its mtime
    data = text.encode("utf-8") if isinstance(text, str) else text
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


def _known_texts(data_dir: Path) -> dict[str, sitedata.Source]:
    """The previous sidecar's source records whose text file is still there unchanged
    (none from a sidecar of another version: every text is cut again)."""
    try:
        previous = sitedata.load(data_dir / DATA_FILE)
    except (OSError, sitedata.SidecarError):
        return {}
    records = {s.slug: s for s in previous.sources}
    known = {}
    for slug, record in records.items():
        try:
            data = (data_dir / TEXTS / f"{slug}.json").read_bytes()
        except OSError:
            continue
        if _sha(data) == record.text_sha:
            known[slug] = record
    return known


def write_content(
    extractions: Sequence[Extraction], events: Sequence[Event], content_dir: Path, lang: str = "fr"
) -> None:
    """Write data/timeline.json and data/texts/ under ``content_dir``."""
    data_dir = Path(content_dir) / "data"
    document, texts = build_document(extractions, events, lang, _known_texts(data_dir))
    for folder in ("events", "sources"):
        _remove_stale(Path(content_dir) / folder)
    folder = data_dir / TEXTS
    folder.mkdir(parents=True, exist_ok=True)
    for slug, text in sorted(texts.items()):
        _write_if_changed(folder / f"{slug}.json", text)
    wanted = {f"{s.slug}.json" for s in document.sources}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json") and name not in wanted:
            (folder / name).unlink()
    _write_if_changed(data_dir / DATA_FILE, sitedata.dumps(document))
