"""Concise event titles from type, actors, countries and place (``data/headlines.yaml``,
then ``data/titles.yaml``).

A title only restates what the event record holds, and the name its sources give the
happening: no fact is added.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

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


def _fill(actors, codes, place, lang: str, vocab: dict) -> dict[str, str]:
    """What a template's slots say of the event ("" where it says nothing)."""
    # a title names the main participants (people before organisations); the page lists all
    people = [a for a in actors if gazetteer_kind(a) != "org"]
    named = tuple(people or actors)[:3]
    states = [country_name(c, lang) for c in codes]
    return {
        "who": _join(named, vocab["and"]) if len(named) >= 2 else "",
        "first": named[0] if named else "",
        "others": _join(named[1:], vocab["and"]),
        "place": place or "",
        "pair": _join(states, vocab["and"]) if len(states) >= 2 else "",
        "states": _join(states, vocab["and"]),
        "about": _join([country_name(c, lang) for c in _about(codes, actors)], vocab["and"]),
    }


def _fits(template: dict, mode, main, fill: dict[str, str]) -> bool:
    """A template for the event's mode and main type, every slot of it filled."""
    if "mode" in template and template["mode"] != mode:
        return False
    if "type" in template and template["type"] != main:
        return False
    needed = [k for k in fill if "{" + k + "}" in template["text"]]
    return not any(not fill[k] for k in needed)


def _named(title: str, template: dict, name: str | None, heads: dict) -> str:
    """The title after what its sources call the happening, unless it says it already."""
    if name and name.casefold() not in title.casefold():
        # "Réunion de ..." after the name reads "Sommet du Néguev : réunion de ..."
        if not template["text"].startswith("{"):
            title = title[0].lower() + title[1:]
        title = heads["named"].format(name=name, title=title)
    return title


def make_title(types, mode, actors, codes, place, lang: str, status: str = "happened",
               name: str | None = None) -> str:
    """The event's title in ``lang``; ``name``: what its sources call the happening
    ("Sommet du Néguev"), put before the title."""
    return _title(tuple(types), mode, tuple(actors), tuple(codes), place, lang, status, name)


# a build asks for the title of each event up to five times (its reports merged, the
# site's language, each site's, a curated change): the same answer each time
@lru_cache(maxsize=1 << 16)
def _title(types, mode, actors, codes, place, lang: str, status: str, name: str | None) -> str:
    vocab, templates = vocabulary(lang)
    heads = load_yaml("headlines.yaml")
    heads = heads.get(lang) or heads["en"]
    fill = _fill(actors, codes, place, lang, vocab)
    main = next((t for t in types if t != "STATEMENT"), types[0] if types else None)
    # a title saying where comes first, then one saying with whom, then the others
    where = [t for t in templates if "{place}" in t["text"]]
    template = next((t for t in [*where, *heads["templates"], *templates]
                     if _fits(t, mode, main, fill)), None)
    if template is None:
        return ""
    title = _named(template["text"].format(**fill), template, name, heads)
    if lang == "fr":  # "de Abdelmadjid" -> "d'Abdelmadjid"
        title = re.sub(r"\b([dD])e (?=[AEIOUÀÂÉÈÊÎÔŒaeiouéèêîô])", r"\1'", title)
    return title + (vocab["planned"] if status == "planned" else "")


def _about(codes, actors) -> tuple[str, ...]:
    """The states concerned other than those of the actors named: whom they dealt with."""
    own = {gazetteer_country(a) for a in actors}
    return tuple(c for c in codes if c not in own)


@cache
def gazetteer_country(name: str) -> str | None:
    return next((a.country for a in gazetteer_actors() if a.name == name), None)


_PROPER = r"[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)*"


@cache
def _name_patterns() -> tuple[tuple[re.Pattern, re.Pattern, frozenset, frozenset], ...]:
    """Per kind of named happening (headlines.yaml ``names``): the pattern of a name
    whose head word comes first ("sommet du Néguev"), of one whose head comes last and
    is capitalised ("Negev Summit"), and the modes and types it may name."""
    out = []
    for kind in load_yaml("headlines.yaml")["names"].values():
        heads = sorted(kind["heads"], key=len, reverse=True)
        first = "|".join(map(re.escape, heads))
        last = "|".join(re.escape(h[0].upper() + h[1:]) for h in heads)
        out.append((
            re.compile(rf"(?<!\w)((?i:{first}))\s+(du|de la|des|de|d['’])\s*({_PROPER})"),
            re.compile(rf"(?<![\w-])({_PROPER})\s+({last})\b"),
            frozenset(kind.get("modes") or ()), frozenset(kind.get("types") or ())))
    return tuple(out)


def happening_name(texts, mode, types) -> str | None:
    """The name the articles give the happening ("Sommet du Néguev", "Abraham Accords"),
    found in its evidence ``texts``, when the name's head word fits the event: a summit
    names a meeting, accords an agreement (a visit told beside "les accords d'Abraham"
    is not them)."""
    main = next((t for t in types if t != "STATEMENT"), types[0] if types else None)
    for before, after, modes, kinds in _name_patterns():
        if mode not in modes and (mode is not None or main not in kinds):
            continue
        for text in texts:
            m = before.search(text)
            if m:
                joint = m.group(2) if m.group(2)[-1] in "'’" else m.group(2) + " "
                name = f"{m.group(1)} {joint}{m.group(3)}"
                return name[0].upper() + name[1:]
            m = after.search(text)
            if m:
                words = m.group(1).split()
                words = words[1:] if words[0] in ("The", "A", "An") else words
                if words:
                    return " ".join([*words, m.group(2)])
    return None
