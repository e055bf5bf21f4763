"""Stable event identifiers.

An id is made only from the event's own date, main type and main participant, never from
its position among other events, so adding an article cannot change the id of an event
it does not merge into. When events merge, the merged event keeps the ids of its parts as
aliases so that their old URLs still lead to it.
"""

from __future__ import annotations

import re
import unicodedata

TYPE_WORDS = {"CONSULT": "consult", "SUPPORT": "support", "AGREE": "agree",
              "COOPERATE": "cooperate", "SANCTION": "sanction", "STATEMENT": "statement"}


def slugify(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def event_id(value: str, types, mode, actors, countries, place) -> str:
    kind = mode or TYPE_WORDS.get(types[0], types[0].lower()) if types else "event"
    who = actors[0] if actors else "-".join(sorted(countries)) or "event"
    parts = [value, kind, who] + ([place] if place else [])
    return slugify("-".join(p for p in parts if p), 90)
