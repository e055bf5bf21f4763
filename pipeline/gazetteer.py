"""The curated gazetteer: actors, roles and countries loaded from the data files.

``data/actors.yaml`` lists people and organisations with aliases, country and dated
roles; ``data/roles.yaml`` the phrases naming each role per language;
``data/countries.yaml`` states with names, demonyms, capitals and metonyms. Loaded once
and checked: a bad entry raises ``ValueError`` naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from .vocab import load_yaml


@dataclass(frozen=True)
class Role:
    role: str
    country: str
    start: str  # ISO date
    end: str  # ISO date; "9999-12-31" while held


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class Country:
    code: str
    surface: dict[str, tuple[str, ...]]  # language -> names and metonyms
    demonyms: dict[str, tuple[str, ...]]
    places: tuple[str, ...]  # capitals and other metonyms, any language


def _iso(value, where: str) -> str:
    if value is None:
        return "9999-12-31"
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as err:
        raise ValueError(f"pipeline/data/actors.yaml: {where}: bad date {value!r}") from err


@cache
def actors() -> tuple[Actor, ...]:
    out = []
    for i, entry in enumerate(load_yaml("actors.yaml") or []):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not name:
            raise ValueError(f"pipeline/data/actors.yaml: entry {i + 1} has no name")
        roles = tuple(
            Role(r["role"], r.get("country") or entry.get("country") or "",
                 _iso(r.get("from") or "1900-01-01", name), _iso(r.get("to"), name))
            for r in entry.get("roles") or ())
        aliases = {name, *(str(a) for a in entry.get("aliases") or ())}
        out.append(Actor(name, entry.get("kind", "person"), entry.get("country"),
                         tuple(sorted(aliases)), roles))
    return tuple(out)


@cache
def role_phrases() -> dict[str, dict[str, tuple[str, ...]]]:
    data = load_yaml("roles.yaml") or {}
    return {role: {lang: tuple(p) for lang, p in langs.items()} for role, langs in data.items()}


@cache
def countries() -> tuple[Country, ...]:
    out = []
    for code, entry in sorted((load_yaml("countries.yaml") or {}).items()):
        if len(code) != 2 or not code.isupper():
            raise ValueError(f"pipeline/data/countries.yaml: {code!r} is not an ISO 3166 code")
        surface, demonyms = {}, {}
        for lang, forms in entry.items():
            if isinstance(forms, dict):
                surface[lang] = tuple(forms.get("names") or ())
                demonyms[lang] = tuple(forms.get("demonyms") or ())
        places = tuple(entry.get("capitals") or ()) + tuple(entry.get("metonyms") or ())
        out.append(Country(code, surface, demonyms, places))
    return tuple(out)


@cache
def not_parties() -> frozenset[str]:
    """Territories whose status is disputed: the subject of events, never a party."""
    return frozenset(load_yaml("country_forms.yaml").get("not_parties") or ())


@cache  # a scan of every actor's roles, asked again for the same role, country and date
def holder(role: str, country: str, date: str) -> str | None:
    """The one actor holding ``role`` for ``country`` on ``date`` (a prefix of ISO), if unique."""
    lo = date + "-01-01"[len(date) - 4:] if len(date) < 10 else date
    hi = date + "-12-31"[len(date) - 4:] if len(date) < 10 else date
    found = {a.name for a in actors() for r in a.roles
             if r.role == role and r.country == country and r.start <= hi and lo <= r.end}
    return found.pop() if len(found) == 1 else None


@cache
def actor_country(name: str) -> str | None:
    return next((a.country for a in actors() if a.name == name), None)
