"""The curated gazetteer: actors, roles and countries loaded from the data files.

``data/actors.yaml`` lists people and organisations with aliases, country and dated
roles; ``data/roles.yaml`` the phrases naming each role per language;
``data/countries.yaml`` states with names, demonyms, capitals and metonyms. Loaded once
and checked: a bad entry raises ``DataFileError`` naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from .errors import DataFileError
from .vocab import DATA, check_keys, line_of, load_yaml


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
    places: tuple[str, ...]  # capitals, other metonyms and major cities, any language


def _iso(value, where: str) -> str:
    if value is None:
        return "9999-12-31"
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as err:
        raise DataFileError(f"pipeline/data/actors.yaml: {where}: bad date {value!r}") from err


ACTOR_KEYS = {"name", "kind", "country", "aliases", "roles"}
ROLE_KEYS = {"role", "country", "org", "from", "to"}
# organisations whose offices office_holders.yaml lists in place of a state (not ISO codes)
ORGANISATIONS = {"UN", "EU", "AU", "NATO", "LAS"}  # LAS: the Arab League


def _actor(entry: dict, i: int, roles: tuple[Role, ...], name_file: str) -> Actor:
    name = entry["name"]
    aliases = {name, *(str(a) for a in entry.get("aliases") or ())}
    # the French press writes surnames in capitals ("Sergueï LAVROV"): the last word of a
    # name of several words is matched so too
    aliases |= {f"{a.rsplit(' ', 1)[0]} {a.rsplit(' ', 1)[1].upper()}"
                for a in list(aliases) if " " in a and entry.get("kind", "person") == "person"}
    return Actor(name, entry.get("kind", "person"), entry.get("country"),
                 tuple(sorted(aliases)), roles)


@cache
def actors() -> tuple[Actor, ...]:
    """The reviewed people and organisations of actors.yaml, then the office-holders of
    office_holders.yaml (written by hand, to verify)."""
    out = []
    for i, entry in enumerate(load_yaml("actors.yaml") or []):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not name:
            raise DataFileError(f"pipeline/data/actors.yaml: entry {i + 1} has no name")
        check_keys("actors.yaml", entry, ACTOR_KEYS, name, f"name: {name}")
        for r in entry.get("roles") or ():
            check_keys("actors.yaml", r, ROLE_KEYS, f"{name}: role", f"name: {name}")
        roles = tuple(
            Role(r["role"], r.get("country") or entry.get("country") or "",
                 _iso(r.get("from") or "1900-01-01", name), _iso(r.get("to"), name))
            for r in entry.get("roles") or ())
        out.append(_actor(entry, i, roles, "actors.yaml"))
    known = {a.name for a in out}
    for name_file in ("office_holders.yaml", "promoted.yaml"):
        if (DATA / name_file).exists():  # promoted.yaml: only once someone was promoted
            out.extend(_office_holders(name_file, known))
    return tuple(out)


LANGS = {"fr", "en", "es", "de"}


def _office_holders(name_file: str, known: set[str]) -> list[Actor]:
    """The entries of office_holders.yaml (or promoted.yaml): one line a person, roles as
    [role, country, from, to]."""
    out = []
    for i, entry in enumerate(load_yaml(name_file) or []):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not name:
            raise DataFileError(f"pipeline/data/{name_file}: entry {i + 1} has no name")
        check_keys(name_file, entry, ACTOR_KEYS, name, f"name: {name},")
        if name in known:
            raise DataFileError(f"pipeline/data/{name_file}:{line_of(name_file, name)}: {name} "
                             f"is listed twice in the gazetteer; keep one entry")
        known.add(name)
        roles = []
        for r in entry.get("roles") or ():
            if not isinstance(r, list) or len(r) not in (3, 4):
                raise DataFileError(f"pipeline/data/{name_file}:{line_of(name_file, name)}: "
                                 f"{name}: a role is [role, country, from] or "
                                 f"[role, country, from, to]")
            roles.append(Role(r[0], r[1], _iso(r[2], name),
                              _iso(r[3] if len(r) > 3 else None, name)))
        out.append(_actor(entry, i, tuple(roles), name_file))
    return out


@cache
def role_phrases() -> dict[str, dict[str, tuple[str, ...]]]:
    data = load_yaml("roles.yaml") or {}
    for role, langs in data.items():
        check_keys("roles.yaml", langs or {}, LANGS, role, f"{role}:")
    return {role: {lang: tuple(p) for lang, p in langs.items()} for role, langs in data.items()}


COUNTRY_KEYS = LANGS | {"capitals", "metonyms", "cities"}
FORM_KEYS = {"names", "demonyms", "combining"}
COUNTRY_FORMS_KEYS = {"combining", "kingdom_words", "kingdoms", "regions", "first_names",
                      "confirm", "passing", "not_parties", "ambiguous"}


@cache
def country_forms_data() -> dict:
    """``country_forms.yaml``, checked: an unknown key names the file and line."""
    data = load_yaml("country_forms.yaml") or {}
    check_keys("country_forms.yaml", data, COUNTRY_FORMS_KEYS, "top level")
    return data


@cache
def countries() -> tuple[Country, ...]:
    out = []
    for code, entry in sorted((load_yaml("countries.yaml") or {}).items()):
        if len(code) != 2 or not code.isupper():
            raise DataFileError(f"pipeline/data/countries.yaml: {code!r} is not an ISO 3166 code")
        check_keys("countries.yaml", entry, COUNTRY_KEYS, code, f"{code}:")
        surface, demonyms = {}, {}
        for lang, forms in entry.items():
            if isinstance(forms, dict):
                check_keys("countries.yaml", forms, FORM_KEYS, f"{code}: {lang}", f"{code}:")
                surface[lang] = tuple(forms.get("names") or ())
                demonyms[lang] = tuple(forms.get("demonyms") or ())
        places = (tuple(entry.get("capitals") or ()) + tuple(entry.get("metonyms") or ())
                  + tuple(entry.get("cities") or ()))
        out.append(Country(code, surface, demonyms, places))
    return tuple(out)


@cache
def cities() -> frozenset[str]:
    """The capitals and major cities, not the seats of power: a city can be where a meeting
    is held, a seat of power ("the White House") is its government."""
    return frozenset(c for entry in (load_yaml("countries.yaml") or {}).values()
                     for key in ("capitals", "cities") for c in entry.get(key) or ())


@cache
def major_cities() -> frozenset[str]:
    """The cities other than capitals: where an event happens, never a party by themselves
    (a capital may stand for its government: "Rabat a salué")."""
    return frozenset(c for entry in (load_yaml("countries.yaml") or {}).values()
                     for c in entry.get("cities") or ())


@cache
def not_parties() -> frozenset[str]:
    """Territories whose status is disputed: the subject of events, never a party."""
    return frozenset(country_forms_data().get("not_parties") or ())


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
