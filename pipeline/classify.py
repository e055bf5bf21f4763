"""Classify stage: a span of text -> PLOVER event types, mode and status.

Cue words come from ``data/events.yaml``; a cue preceded by a demonstrative ("cette
visite") points back at an event already told, and one preceded by a negation ("aucune
visite", "did not sign") or governed by a cancellation ("a annulé une rencontre", "the
visit was postponed") tells what did not happen: none of them counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import yaml

from . import modes
from .vocab import DATA, load_yaml

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


RULE_KEYS = ("cue", "types", "mode")
EVENTS = "pipeline/data/events.yaml"


@cache
def check_rules() -> None:
    """Check data/events.yaml's cue rules once per process (see ``check_rule_text``)."""
    check_rule_text((DATA / "events.yaml").read_text(encoding="utf-8"))


def check_rule_text(text: str) -> None:
    """Raise, naming the line, on a cue rule with an unknown key, other than one PLOVER
    type, or a mode not declared in modes.yaml or stated with another type; and on a mode
    whose type is no PLOVER type."""
    for mode in modes.modes().values():
        if mode.type not in TYPE_ORDER:
            raise modes.ModesError(modes.PATH, mode.line, f"mode {mode.name!r} has type "
                                   f"{mode.type!r}", f"use one of {', '.join(TYPE_ORDER)}")
    root = yaml.compose(text)
    for _lang, rules in root.value:
        if not isinstance(rules, yaml.SequenceNode):
            continue  # a word list per language, not a language's cue rules
        for rule in rules.value:
            if not isinstance(rule, yaml.MappingNode):
                raise modes.ModesError(EVENTS, rule.start_mark.line + 1, "a cue rule must be "
                                       "a mapping", "write {cue: ..., types: [TYPE]}")
            for key, value in rule.value:
                line = key.start_mark.line + 1
                if key.value not in RULE_KEYS:
                    raise modes.ModesError(EVENTS, line, f"unknown key {key.value!r} in a "
                                           "cue rule", f"use {', '.join(RULE_KEYS)}")
                if key.value == "mode":
                    modes.check(value.value, EVENTS, line)
                    given = dict((k.value, v) for k, v in rule.value).get("types")
                    want = modes.modes()[value.value].type
                    if given is None or not given.value or given.value[0].value != want:
                        raise modes.ModesError(EVENTS, line, f"a cue rule of mode "
                                               f"{value.value!r} must state its type first",
                                               f"write types: [{want}]")
                if key.value == "types":
                    if not isinstance(value, yaml.SequenceNode) or len(value.value) != 1:
                        raise modes.ModesError(EVENTS, line, "a cue states one act",
                                               "give its one PLOVER type: types: [TYPE]")
                    for code in value.value:
                        if code.value not in TYPE_ORDER:
                            raise modes.ModesError(EVENTS, line, f"unknown type {code.value!r}",
                                                   f"use one of {', '.join(TYPE_ORDER)}")


@cache
def cue_rules(lang: str) -> tuple[tuple[re.Pattern, tuple[str, ...], str | None], ...]:
    check_rules()
    rules = []
    for rule in load_yaml("events.yaml")[_lang(lang)]:
        pattern = re.compile(rf"(?<!\w)(?:{rule['cue']})(?!\w)", re.IGNORECASE)
        rules.append((pattern, tuple(rule["types"]), rule.get("mode")))
    return tuple(rules)


@cache
def anaphora_before(lang: str) -> re.Pattern:
    """A demonstrative ("cette visite") or a negation ("aucune visite", "did not sign")
    just before a cue: checked on the text before each match, cheaper than an optional
    group tried at every position of every rule."""
    data = load_yaml("events.yaml")
    # no words: "(?!)", as in word_list_pattern (an empty alternation would match anywhere)
    words = "|".join(re.escape(a) for key in ("anaphora", "negation")
                     for a in data[key].get(_lang(lang), ())) or "(?!)"
    return re.compile(rf"(?:(?<!\w)(?:{words})|(?<=n't))\s+$", re.IGNORECASE)


@cache
def cancellation(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """A cancellation or postponement up to five words before a cue ("a annulé lundi 22
    novembre sa visite") or up to six after it, behind an auxiliary ("la visite prévue
    mardi à Rabat a été reportée"). Words are separated by spaces only, and no word joins
    another clause: a comma or an "and" ends the reach ("qui avait été reportée, a eu
    lieu" tells a meeting that took place)."""
    data = load_yaml("events.yaml")
    words = "|".join(data["cancelled"].get(_lang(lang), ())) or "(?!)"
    aux = "|".join(data["cancelled_after"].get(_lang(lang), ())) or "(?!)"
    # a word, but not one that joins another clause: "a annulé la réunion et a rencontré"
    word = r"(?!(?:et|puis|mais|and|then|but|y|pero|und|aber)(?!\w))[\w'’-]+"
    return (re.compile(rf"(?<!\w)(?:{words})(?:\s+{word}){{0,5}}\s+$", re.IGNORECASE),
            re.compile(rf"(?:\s+{word}){{0,5}}?\s+(?:{aux})\s+(?:{words})(?!\w)",
                       re.IGNORECASE))


@cache
def word_list_pattern(key: str, lang: str) -> re.Pattern:
    words = load_yaml("events.yaml")[key].get(_lang(lang), [])
    if not words:  # a language without this list: an empty alternation would match anywhere
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)


@cache
def any_cue(lang: str) -> re.Pattern:
    """Every cue of ``lang`` in one alternation: one scan finds where some cue starts,
    about three times faster than one scan per rule."""
    cues = "|".join(f"(?:{rule['cue']})" for rule in load_yaml("events.yaml")[_lang(lang)])
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE)


def _matches(text: str, lang: str):
    """(rule, match) for every match of every rule, as each rule's own ``finditer`` gives
    them: each position where some cue starts is tried against every rule whose last
    match ended before it."""
    rules = cue_rules(lang)
    ends = [0] * len(rules)
    find = any_cue(lang).search
    m = find(text)
    while m:
        at = m.start()
        for i, rule in enumerate(rules):
            if at >= ends[i]:
                hit = rule[0].match(text, at)
                if hit:
                    ends[i] = hit.end()
                    yield rule, hit
        m = find(text, at + 1)


def _outermost(found: list) -> list:
    """The matches not lying inside a longer one: "severing diplomatic ties" is one act,
    a break, not also the "diplomatic ties" an establishment of relations speaks of."""
    return [(rule, m) for rule, m in found
            if not any(o.start() <= m.start() and m.end() <= o.end()
                       and o.end() - o.start() > m.end() - m.start() for _, o in found)]


@lru_cache(maxsize=8192)  # the same clause is classified as scope, sentence and event
def classify(text: str, lang: str) -> Cues:
    """Types (the primary act first), the first mode, and where the cues are.

    The primary type is the act the span reports: the type of its first mode (a visit, a
    recall, a signing: see data/modes.yaml), else the type of its first cue by position
    other than a statement. The others follow in the order of their cues, each cue
    stating one act (its rule's first type); a statement only when nothing else is said.
    """
    acts: list[tuple[int, str]] = []
    found_modes: list[tuple[int, str]] = []
    positions: list[int] = []
    anaphora = anaphora_before(lang)
    cancelled_before, cancelled_after = cancellation(lang)
    cancelled = False
    for (_, rule_types, mode), m in _outermost(list(_matches(text, lang))):
        if anaphora.search(text, max(0, m.start() - 12), m.start()):
            continue
        if (cancelled_before.search(text, max(0, m.start() - 60), m.start())
                or cancelled_after.match(text, m.end(), m.end() + 60)):
            cancelled = True
            continue
        acts.append((m.start(), rule_types[0]))
        positions.append(m.start())
        if mode:
            found_modes.append((m.start(), mode))
    types = [t for _, t in sorted(acts)]
    if cancelled and set(types) <= {"STATEMENT"}:
        # "a annulé une rencontre, a affirmé l'ambassade": the statement only reports
        # what did not happen
        return Cues((), None, ())
    mode = min(found_modes)[1] if found_modes else None
    real = [t for t in types if t != "STATEMENT"]
    first = modes.modes()[mode].type if mode else real[0] if real else None
    ordered = tuple(dict.fromkeys(([first] if first else []) + real))
    if not ordered and types:
        ordered = ("STATEMENT",)
    return Cues(ordered, mode, tuple(sorted(positions)))


def is_planned(text: str, lang: str) -> bool:
    return bool(word_list_pattern("planned", lang).search(text))


def is_background(before: str, lang: str) -> bool:
    """True when the words just before a date make it background ("depuis 2000")."""
    words = word_list_pattern("background", lang).pattern
    return bool(re.search(rf"(?:{words})\s*(?:l[ea']\s*|l’)?$", before[-25:], re.IGNORECASE))
