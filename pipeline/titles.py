"""Concise event titles from type, actors, countries and place (``data/titles.yaml``).

A title only restates what the event record holds: no fact is added.
"""

from __future__ import annotations

from .gazetteer import countries
from .vocab import load_yaml


def country_name(code: str, lang: str) -> str:
    for c in countries():
        if c.code == code:
            names = c.surface.get(lang) or c.surface.get("en") or (code,)
            return names[0]
    return code


def _join(items, sep: str) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + sep + items[-1]


def make_title(types, mode, actors, codes, place, lang: str, status: str = "happened") -> str:
    vocab = load_yaml("titles.yaml").get(lang) or load_yaml("titles.yaml")["en"]
    actors = tuple(actors)[:3]  # a title names the main participants, the page lists all
    states = [country_name(c, lang) for c in codes]
    fill = {
        "who": _join(actors, vocab["and"]) if len(actors) >= 2 else "",
        "first": actors[0] if actors else "",
        "others": _join(actors[1:], vocab["and"]),
        "place": place or "",
        "pair": _join(states, vocab["and"]) if len(states) >= 2 else "",
        "states": _join(states, vocab["and"]),
    }
    for template in vocab["templates"]:
        wanted = template["types"]
        if wanted and not all(t in types for t in wanted):
            continue
        if template.get("mode") and template["mode"] != mode:
            continue
        needed = [k for k in fill if "{" + k + "}" in template["text"]]
        if any(not fill[k] for k in needed):
            continue
        title = template["text"].format(**fill)
        return title + (vocab["planned"] if status == "planned" else "")
    return ""
