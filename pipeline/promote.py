"""The people the articles name whom the gazetteer does not know, and their promotion.

``unreviewed(paths)`` lists them (name, state, role, count, an example sentence);
``promote(names, paths)`` writes a gazetteer entry for each chosen one into
``data/promoted.yaml``, which the gazetteer loads after ``office_holders.yaml``: a rebuild
keeps it, and the person is then recognised as reviewed, with the role and state seen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .mentions import NAME_AFTER_ROLE, find_roles, recognise
from .read import read_article
from .vocab import DATA

PROMOTED = DATA / "promoted.yaml"
HEADER = """\
# People promoted from the articles by `invoke people --promote NAME`: the gazetteer loads
# them after office_holders.yaml (same format). Check the role dates: `from` is the date
# of the first article that names the person with the role, not the day of taking office.
"""


@dataclass(frozen=True)
class Unreviewed:
    name: str
    country: str | None
    role: str | None
    count: int
    example: str  # the first sentence naming the person
    first_seen: str | None  # the date of the first article naming them


def unreviewed(paths) -> list[Unreviewed]:
    """Every person the articles name that the gazetteer does not know, most named first."""
    counts: Counter = Counter()
    seen: dict[str, dict] = {}
    for path in paths:
        article = read_article(path)
        roles = {r.end: r for r in find_roles(article)}
        date = article.dct.value if article.dct else None
        for m in recognise(article):
            if m.kind != "person" or m.reviewed:
                continue
            counts[m.key] += 1
            info = seen.setdefault(m.key, {"country": None, "role": None, "example": "",
                                           "first_seen": date})
            info["country"] = info["country"] or m.country
            for end, r in roles.items():  # the role right before the name, if any
                after = NAME_AFTER_ROLE.match(article.text, end)
                if after and after.start("name") == m.start and not info["role"]:
                    info["role"] = r.key.split("@")[0]
            if not info["example"]:
                info["example"] = _sentence(article.text, m.start, m.end)
            if date and (info["first_seen"] is None or date < info["first_seen"]):
                info["first_seen"] = date
    return [Unreviewed(name, seen[name]["country"], seen[name]["role"], n,
                       seen[name]["example"], seen[name]["first_seen"])
            for name, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stop = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return re.sub(r"\s+", " ", text[a:min(stop) + 1 if stop else len(text)]).strip()


def entry(person: Unreviewed) -> str:
    """One line of ``promoted.yaml`` for ``person``."""
    roles = (f"[[{person.role}, {person.country}, {person.first_seen}]]"
             if person.role and person.country and person.first_seen else "[]")
    country = f'"{person.country}"' if person.country else "null"
    return f"- {{name: {person.name}, country: {country}, aliases: [], roles: {roles}}}\n"


def promote(names, paths) -> list[str]:
    """Append an entry to ``promoted.yaml`` for each of ``names`` the articles mention as
    unreviewed; the names not found are returned."""
    wanted = set(names)
    found = [p for p in unreviewed(paths) if p.name in wanted]
    if found:
        text = PROMOTED.read_text(encoding="utf-8") if PROMOTED.exists() else HEADER
        PROMOTED.write_text(text + "".join(entry(p) for p in found), encoding="utf-8")
    return sorted(wanted - {p.name for p in found})
