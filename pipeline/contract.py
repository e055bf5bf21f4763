"""The extraction contract: Extraction and Event records -> the JSON the scorer reads.

The shape is described in the corpus README: ``{"articles": [...], "events": [...]}``.
"""

from __future__ import annotations

import json

from .records import Event, Extraction


def article_json(x: Extraction) -> dict:
    return {
        "path": x.article.path,
        "title": x.article.title,
        "lang": x.article.lang,
        "dct": {"value": x.dct.value, "source": x.dct.source},
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
             "mod": t.mod}
            for t in x.timexes
        ],
    }


def event_json(e: Event) -> dict:
    out = {
        "id": e.id,
        "date": {"value": e.value, "mod": e.mod},
        "types": list(e.types),
        "mode": e.mode,
        "status": e.status,
        "title": e.title,
        # every participant: people the gazetteer does not know under the name the article
        # gives them (listed again under unreviewed_actors), rather than left out
        "actors": list(e.actors) + [a for a in e.unreviewed_actors if a not in e.actors],
        "unreviewed_actors": list(e.unreviewed_actors),
        "countries": list(e.countries),
        "place": e.place,
        "sources": [{"path": s.path, "start": s.start, "end": s.end} for s in e.sources],
    }
    if e.end:  # a happening over several days: value is its first day, end its last
        out["date"]["end"] = e.end
    if e.aliases:
        out["aliases"] = list(e.aliases)
    return out


def to_json(extractions, events) -> str:
    doc = {"articles": [article_json(x) for x in extractions],
           "events": [event_json(e) for e in events]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
