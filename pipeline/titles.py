"""Concise event titles from type, actors, countries and place (``data/titles.yaml``).

A title only restates what the event record holds: no fact is added.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from .gazetteer import actors as gazetteer_actors
from .gazetteer import countries
from .modes import ModesError, title_templates
from .vocab import DATA, load_yaml

TEMPLATE_KEYS = {"type", "text"}  # a mode's templates are declared with the mode (modes.yaml)


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


def check_templates(text: str, path: str = "pipeline/data/titles.yaml") -> None:
    """Raise, naming the line, on a template key other than a type and a text (a mode's
    templates are declared with the mode, in modes.yaml)."""
    root = yaml.compose(text)
    for _lang, vocab in root.value:
        for key, templates in vocab.value:
            if key.value != "templates":
                continue
            for template in templates.value:
                names = {k.value: k for k, _ in template.value}
                for name, node in names.items():
                    if name not in TEMPLATE_KEYS:
                        raise ModesError(path, node.start_mark.line + 1,
                                         f"unknown template key {name!r}",
                                         "give a text and at most a type; a mode's "
                                         "templates belong to the mode in "
                                         "pipeline/data/modes.yaml")
                if "text" not in names:
                    raise ModesError(path, template.start_mark.line + 1,
                                     "a template without a text", "give its text")


@cache
def vocabulary(lang: str) -> tuple[dict, tuple[dict, ...]]:
    """The title words of ``lang`` (English when it has none) and its templates: the
    modes' own first, then titles.yaml's by type and its fallbacks."""
    check_templates((DATA / "titles.yaml").read_text(encoding="utf-8"))
    data = load_yaml("titles.yaml")
    lang = lang if lang in data else "en"
    vocab = data[lang]
    return vocab, tuple(title_templates(lang)) + tuple(vocab["templates"])


def make_title(types, mode, actors, codes, place, lang: str, status: str = "happened") -> str:
    vocab, templates = vocabulary(lang)
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
    for template in templates:
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
