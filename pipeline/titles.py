"""Concise event titles from type, actors, countries and place (``data/titles.yaml``).

A title only restates what the event record holds: no fact is added.
"""

from __future__ import annotations

import re
from functools import cache

from .gazetteer import actors as gazetteer_actors
from .gazetteer import countries
from .vocab import load_yaml


@cache  # the gazetteer is read once per process; titles ask for the same names again
def country_name(code: str, lang: str) -> str:
    for c in countries():
        if c.code == code:
            names = c.surface.get(lang) or c.surface.get("en") or (code,)
            return names[0]
    return code


@cache
def gazetteer_kind(name: str) -> str | None:
    return next((a.kind for a in gazetteer_actors() if a.name == name), None)


def _join(items, sep: str) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + sep + items[-1]


def retitle(events, lang: str):
    """The events with their titles in the site's language (the sources' may differ)."""
    from dataclasses import replace

    def retitled(e):
        title = make_title(e.types, e.mode, e.actors, e.countries, e.place, lang, e.status)
        # most already have it (an article in the site's language): a copy costs more
        return e if title == e.title else replace(e, title=title)
    return tuple(retitled(e) for e in events)


def make_title(types, mode, actors, codes, place, lang: str, status: str = "happened") -> str:
    vocab = load_yaml("titles.yaml").get(lang) or load_yaml("titles.yaml")["en"]
    # a title names the main participants (people before organisations); the page lists all
    people = [a for a in actors if gazetteer_kind(a) != "org"]
    actors = tuple(people or actors)[:3]
    states = [country_name(c, lang) for c in codes]
    fill = {
        "who": _join(actors, vocab["and"]) if len(actors) >= 2 else "",
        "first": actors[0] if actors else "",
        "others": _join(actors[1:], vocab["and"]),
        "place": place or "",
        "pair": _join(states, vocab["and"]) if len(states) >= 2 else "",
        "states": _join(states, vocab["and"]),
    }
    main = next((t for t in types if t != "STATEMENT"), types[0] if types else None)
    for template in vocab["templates"]:
        if "mode" in template and template["mode"] != mode:
            continue
        if "type" in template and template["type"] != main:
            continue
        needed = [k for k in fill if "{" + k + "}" in template["text"]]
        if any(not fill[k] for k in needed):
            continue
        title = template["text"].format(**fill)
        if lang == "fr":  # "de Abdelmadjid" -> "d'Abdelmadjid"
            title = re.sub(r"\b([dD])e (?=[AEIOUÀÂÉÈÊÎÔŒaeiouéèêîô])", r"\1'", title)
        return title + (vocab["planned"] if status == "planned" else "")
    return ""
