"""Stable event identifiers.

An id is made only from the event's own date, main type and main participant, never from
its position among other events, so adding an article cannot change the id of an event
it does not merge into. When events merge, the merged event keeps the ids of its parts as
aliases so that their old URLs still lead to it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

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


# A page's file name stays far below the 255 bytes file systems allow, whatever it is
# made from (a 250-character article file name, a long actor name).
SLUG_MAX = 80


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def unique_slugs(keys: Iterable[str], slug, reserved: Iterable[str] = ()) -> dict[str, str]:
    """A slug per key, no two alike and none ``reserved`` (the name of a page of its
    own, such as ``index``), each at most SLUG_MAX characters. Keys that ``slug`` turns
    into the same slug ("Yaïr Lapid", "Yair Lapid"; two file names in another script)
    are told apart by a digest of the key: the first key in sorted order keeps the plain
    slug, each other one adds its own digest, which no other key changes. A slug cut to
    SLUG_MAX characters carries the digest too, so the pages of two long names that
    begin alike stay apart."""
    taken = set(reserved)
    out: dict[str, str] = {}
    for key in sorted(set(keys)):
        base = slug(key)
        if len(base) > SLUG_MAX:
            base = f"{base[:SLUG_MAX - 9].rstrip('-')}-{_digest(key)}"
        if base in taken:
            base = f"{base[:SLUG_MAX - 9].rstrip('-')}-{_digest(key)}"
        taken.add(base)
        out[key] = base
    return out
