"""Classify stage: a span of text -> PLOVER event types, mode and status.

Cue words come from ``data/events.yaml``; a cue preceded by a demonstrative ("cette
visite") points back at an event already told and does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .vocab import load_yaml

TYPE_ORDER = ("CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID", "SANCTION", "ACCUSE",
              "THREATEN", "DEMAND", "REJECT", "CONCEDE", "RETREAT", "PROTEST", "MOBILIZE",
              "COERCE", "ASSAULT", "STATEMENT")


@dataclass(frozen=True)
class Cues:
    types: tuple[str, ...]
    mode: str | None
    positions: tuple[int, ...]  # offsets of the cues found, relative to the span


def _lang(lang: str) -> str:
    return lang if lang in load_yaml("events.yaml") else "en"


@cache
def cue_rules(lang: str) -> tuple[tuple[re.Pattern, tuple[str, ...], str | None], ...]:
    anaphora = "|".join(re.escape(a) for a in load_yaml("events.yaml")["anaphora"][_lang(lang)])
    rules = []
    for rule in load_yaml("events.yaml")[_lang(lang)]:
        pattern = re.compile(rf"(?<!\w)(?P<ana>(?:{anaphora})\s+)?(?:{rule['cue']})(?!\w)",
                             re.IGNORECASE)
        rules.append((pattern, tuple(rule["types"]), rule.get("mode")))
    return tuple(rules)


@cache
def word_list_pattern(key: str, lang: str) -> re.Pattern:
    words = load_yaml("events.yaml")[key].get(_lang(lang), [])
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)


def classify(text: str, lang: str) -> Cues:
    """Types (in PLOVER order, STATEMENT last), the first mode, and where the cues are.

    Modes are PLOVER's for CONSULT (visit, phone, host, third-party) and, for the site's
    labels, signing, recognition and break.
    """
    types: set[str] = set()
    modes: list[tuple[int, str]] = []
    positions: list[int] = []
    for pattern, rule_types, mode in cue_rules(lang):
        for m in pattern.finditer(text):
            if m.group("ana"):
                continue
            types.update(rule_types)
            positions.append(m.start())
            if mode:
                modes.append((m.start(), mode))
    ordered = tuple(t for t in TYPE_ORDER if t in types)
    return Cues(ordered, min(modes)[1] if modes else None, tuple(sorted(positions)))


def is_planned(text: str, lang: str) -> bool:
    return bool(word_list_pattern("planned", lang).search(text))


def is_background(before: str, lang: str) -> bool:
    """True when the words just before a date make it background ("depuis 2000")."""
    words = word_list_pattern("background", lang).pattern
    return bool(re.search(rf"(?:{words})\s*(?:l[ea']\s*|l’)?$", before[-25:], re.IGNORECASE))
