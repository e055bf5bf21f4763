"""Recognise stage: an ``Article`` -> ``Mention`` records of actors, roles and countries.

- actors: gazetteer aliases ("Benyamin Nétanyahou", "M. Lapid", "Addellatif Loudiyi");
- roles named without a name ("le ministre israélien de la Défense"): kind ``role``, key
  ``role@COUNTRY``, resolved to the holder at the event's date by the events stage;
- countries: names, demonyms, capitals, metonyms, combining forms ("israélo-marocain"),
  "le royaume" (the monarchy most named in the article);
- names announced by a title ("le président palestinien Mahmoud Abbas") that the
  gazetteer does not know: kept as unreviewed persons, never dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from . import gazetteer
from .records import Article, Mention
from .vocab import load_yaml

CAPITAL_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’\-]+"
# a name goes on with capitalised words and particles ("Abdel Fattah al-Sissi", "Staffan
# de Mistura", "Abdullah bin Zayed")
NAME_TOKEN = (rf"(?:{CAPITAL_TOKEN}|(?:al|el|bin|ben|ibn|de|van|von|abu)"
              rf"(?:-{CAPITAL_TOKEN}|(?=\s+[A-ZÀ-ÖØ-Þ])))")
NAME = rf"{CAPITAL_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}"
NAME_AFTER_ROLE = re.compile(rf",?\s+(?P<name>{NAME})")
LOWER_WORD = r"[a-zà-öø-ÿ'’\-]+"


def _alternation(forms, fold: bool = False) -> str:
    """One regex for a set of strings, the longest that fits tried first, written as a
    trie ("Corée(?: du Sud)?"): Python's ``re`` tries a flat alternation of hundreds of
    names one by one at every position, a trie only along the letters it reads.
    ``fold``: for a pattern compiled with IGNORECASE, so that two forms differing only in
    case never make two branches."""
    trie: dict = {}
    for form in {f.lower() if fold else f for f in forms}:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        # at most one branch reads the next letter; a longer form is tried before a
        # shorter one it extends, which is the flat alternation's longest-first order
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie) if trie else "(?!)"


def _bounded(pattern: str, first: str = "") -> str:
    """``pattern`` as whole words; ``first``: a character class of the letters it can start
    with, checked before the alternation (most word starts then fail at once)."""
    ahead = f"(?=[{first}])" if first else ""
    return rf"(?<![\w\-]){ahead}(?:{pattern})(?![\w])"


def _first_letters(forms) -> str:
    return "".join(sorted({re.escape(f[0]) for f in forms if f}))


@cache
def actor_pattern() -> tuple[re.Pattern, dict[str, gazetteer.Actor]]:
    by_alias = {}
    for actor in gazetteer.actors():
        for alias in actor.aliases:
            by_alias.setdefault(alias, actor)
    return re.compile(_bounded(_alternation(by_alias), _first_letters(by_alias))), by_alias


@cache
def country_forms(lang: str) -> dict[str, str]:
    """Surface form -> ISO code for one language (names, demonyms in both cases, places)."""
    forms: dict[str, str] = {}
    for c in gazetteer.countries():
        langs = [lang] if lang in c.surface else list(c.surface)
        for lg in sorted(set(langs) | ({"en"} & set(c.surface))):
            for name in c.surface.get(lg, ()):
                forms.setdefault(name, c.code)
            for dem in c.demonyms.get(lg, ()):
                forms.setdefault(dem, c.code)
                forms.setdefault(dem[:1].upper() + dem[1:], c.code)
                forms.setdefault(dem[:1].lower() + dem[1:], c.code)
        for place in c.places:
            forms.setdefault(place, c.code)
    for form, codes in gazetteer.country_forms_data()["ambiguous"].items():
        forms[form] = codes[0]  # resolved in the article by find_countries
    for region in gazetteer.country_forms_data()["regions"].get(lang, ()):
        forms[region] = ""  # matched, so that no demonym inside it is read; no state
    return forms


@cache
def country_pattern(lang: str) -> re.Pattern:
    combining = gazetteer.country_forms_data()["combining"]
    combo = _alternation(combining)
    forms = country_forms(lang)
    return re.compile(rf"(?<![\w\-])(?P<combo>{combo})-(?=\w)|"
                      + _bounded(_alternation(forms), _first_letters(forms)))


@cache
def demonym_alternation(lang: str, fold: bool = False) -> str:
    dems = set()
    for c in gazetteer.countries():
        for dem in c.demonyms.get(lang, ()):
            dems.update({dem, dem[:1].upper() + dem[1:], dem[:1].lower() + dem[1:]})
    return _alternation(dems, fold)


@cache
def role_phrases(lang: str) -> dict[str, str]:
    """Role phrase (single-spaced, lower case in English) -> role key."""
    fold = lang == "en"
    return {(p.lower() if fold else p): role
            for role, langs in sorted(gazetteer.role_phrases().items())
            for p in langs.get(lang, ())}


@cache
def role_pattern(lang: str) -> re.Pattern | None:
    """A role phrase's first word, then an optional demonym inside it ("le ministre
    israélien de la Défense"), then the rest of a phrase; an optional demonym or country
    name before and a demonym after. One demonym alternation per slot, shared by every
    phrase (a slot per phrase would compile hundreds of copies of the world's demonyms);
    which head and rest make a phrase is checked by ``find_roles``."""
    phrases = role_phrases(lang)
    if not phrases:
        return None
    fold = lang == "en"  # compiled with IGNORECASE
    dem = demonym_alternation(lang, fold)
    heads = _alternation({p.split(" ", 1)[0] for p in phrases}, fold)
    rests = _alternation({p.split(" ", 1)[1] for p in phrases if " " in p}, fold)
    names = _alternation({n for c in gazetteer.countries() for n in c.surface.get(lang, ())},
                         fold)
    # "Israel's defence minister", and a name as a noun before it: "U.S. Secretary of State"
    pre = rf"{dem}|(?:the\s+)?(?:{names})(?:['’]s)?" if lang == "en" else dem
    # after it, a demonym or the state's name: "de la Fédération de Russie", "of Japan"
    of = r"(?:de\s+la|de\s+l['’]|du|des|de|d['’]|of\s+the|of)\s*"
    to = r"(?:to\s+the|to|in|auprès\s+de\s+la|auprès\s+de|auprès\s+du|en|au|aux)\s+"
    return re.compile(_bounded(rf"(?:(?P<pre>{pre})\s+)?(?P<head>{heads})"
                               rf"(?:\s+(?P<inner>{dem}))?(?:\s+(?P<rest>{rests}))?"
                               rf"(?:\s+(?P<post>{dem})|\s+{of}(?P<postname>{names}))?"
                               # where an envoy serves: "UAE Ambassador to Israel"
                               rf"(?:\s+{to}(?P<dest>{names}))?"),
                      re.IGNORECASE if lang == "en" else 0)


@cache
def cue_pattern(lang: str) -> re.Pattern:
    cues = load_yaml("person_cues.yaml").get(lang) or load_yaml("person_cues.yaml")["en"]
    dem = demonym_alternation(lang)
    # the title may end on the name of what it heads, before a comma: "le président de la
    # Knesset, Amir Ohana"
    return re.compile(rf"(?<![\w])(?:{_alternation(cues)})"
                      rf"(?:\s+(?:{dem}|{LOWER_WORD}|{CAPITAL_TOKEN}(?=,)))"
                      rf"{{0,3}}?,?\s+(?P<name>{NAME})")


def _country_of_match(m: re.Match, lang: str) -> str | None:
    if m.group("combo"):
        return gazetteer.country_forms_data()["combining"][m.group("combo")]
    return country_forms(lang).get(m.group(0))


@cache
def places() -> frozenset[str]:
    return frozenset(p for c in gazetteer.countries() for p in c.places)


def find_countries(article: Article) -> list[Mention]:
    text, path, lang = article.text, article.path, article.lang
    extras = gazetteer.country_forms_data()
    out = []
    for m in country_pattern(lang).finditer(text, article.body_start):
        code = _country_of_match(m, lang)
        if code and not _not_a_state(article, m, extras):
            span = m.span("combo") if m.group("combo") else m.span()
            kind = "place" if m.group(0) in places() else "country"
            out.append(Mention(path, span[0], span[1], text[span[0]:span[1]], kind, code))
    ambiguous = extras["ambiguous"]
    if any(m.text in ambiguous for m in out):
        # "le Congo" is the Congo the article names by a form of its own ("Kinshasa")
        own = Counter(m.key for m in out if m.text not in ambiguous)
        out = [m if m.text not in ambiguous else Mention(
            m.path, m.start, m.end, m.text, m.kind,
            max(ambiguous[m.text], key=lambda c: (own[c], -ambiguous[m.text].index(c))))
            for m in out]
    counts = Counter(m.key for m in out)
    kingdoms = [c for c, _ in counts.most_common() if c in extras["kingdoms"]]
    if kingdoms:
        words = _alternation(extras["kingdom_words"].get(lang, ()))
        for m in re.finditer(rf"(?<![\w])(?:{words})(?![\w])", text[article.body_start:]):
            start = article.body_start + m.start()
            out.append(Mention(path, start, start + len(m.group(0)), m.group(0), "country",
                               kingdoms[0]))
    return out


# a surname after a first name, or a compound first name ("l'école Maurice-Henry")
FOLLOWING_NAME = re.compile(r"(?:\s+(?:(?:de|del|van|von|da)\s+)?|-)(?P<word>[A-ZÀ-Þ][\w\-]+)")


CALENDAR_WORD = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Lundi|Mardi|Mercredi|Jeudi|Vendredi|"
    r"Samedi|Dimanche)$")


def _not_a_state(article: Article, m: re.Match, extras: dict) -> bool:
    """A first name before a surname ("Jordan Bardella"), a form that needs another naming
    of the state in the article ("Georgia"), a demonym saying what a plan is about."""
    form, text, lang = m.group(0), article.text, article.lang
    if form in extras["first_names"]:
        after = FOLLOWING_NAME.match(text, m.end())
        if (after and after.group("word") not in country_forms(lang)
                and not CALENDAR_WORD.match(after.group("word"))):  # "returned to Israel Monday"
            return True
    confirm = extras["confirm"].get(form)
    if confirm and not any(word in text for word in confirm):
        return True
    passing = extras["passing"]
    before = text[max(0, m.start() - 30):m.start()].rstrip()
    after = text[m.end():m.end() + 30].lstrip()
    # and the next state of a list: "the situation in Sudan and Somalia"
    listed = COORDINATED.sub("", text[max(0, m.start() - 60):m.start()])
    return (any(before.endswith(w) or listed != before and listed.endswith(w)
                for w in passing["before"].get(lang, ()))
            or any(after.startswith(w) for w in passing["after"].get(lang, ())))


# a capitalised name and a conjunction or comma right before a mention, taken off to find
# the words before the list it ends
COORDINATED = re.compile(r"\s+(?:(?:l['’]|la |le |les |the )?[A-ZÀ-Ý][\w’'\-]*)"
                         r"(?:\s*,|\s+(?:and|et|y|e|und|ou|or|o|oder))\s*$")


@cache
def role_heads(lang: str) -> re.Pattern:
    """The first word of every role phrase: a cheap scan for where a role may start."""
    words = {p.split()[0] for langs in gazetteer.role_phrases().values()
             for p in langs.get(lang, ())}
    fold = lang == "en"
    return re.compile(_bounded(_alternation(words, fold)), re.IGNORECASE if fold else 0)


def _role_matches(pattern: re.Pattern, article: Article):
    """The role pattern tried only around its head words: the full alternation of phrases
    and demonyms is slow to try at every position of a long article."""
    text, pos = article.text, article.body_start
    for head in role_heads(article.lang).finditer(text, article.body_start):
        if head.start() < pos:
            continue
        # a demonym may stand one or two words before the head ("Israeli defence minister")
        lead = text[max(pos, head.start() - 40):head.start()]
        before = re.search(r"(?:[\w'’.\-]+\s+){0,2}$", lead)  # "U.S. Secretary of State"
        starts = [head.start() - len(before.group(0)) + d.start()
                  for d in re.finditer(r"[\w'’.\-]+\s+", before.group(0))] if before else []
        for start in [*starts, head.start()]:
            m = pattern.match(text, start)
            if m:
                yield m
                pos = m.end()
                break


def _role_of(m: re.Match, lang: str) -> tuple[str, int, str | None] | None:
    """(role key, end of the phrase, demonym) of a role match; a rest that makes no phrase
    with its head is not read ("le président" then "de la Défense")."""
    phrases = role_phrases(lang)

    def key(*parts):
        phrase = " ".join(re.sub(r"\s+", " ", p) for p in parts)
        return phrases.get(phrase.lower() if lang == "en" else phrase)

    head, rest, inner = m.group("head"), m.group("rest"), m.group("inner")
    if inner and not rest and key(head, inner):  # "canciller alemán": another office
        return key(head, inner), m.end("inner"), inner
    if rest and key(head, rest):
        return key(head, rest), m.end(), (m.group("pre") or m.group("inner") or m.group("post")
                                           or m.group("postname"))
    if key(head) and m.group("dest") and not rest:
        return key(head), m.end(), m.group("pre") or m.group("inner") or m.group("post")
    if key(head):
        end = m.end("inner") if m.group("inner") and not rest else m.end("head")
        return key(head), end, m.group("pre") or (m.group("inner") if not rest else None)
    return None


def find_roles(article: Article) -> list[Mention]:
    pattern = role_pattern(article.lang)
    if pattern is None:
        return []
    forms = country_forms(article.lang)
    out = []
    for m in _role_matches(pattern, article):
        found = _role_of(m, article.lang)
        if not found:
            continue
        role, end, demonym = found
        if demonym:  # "Israel's" / "the UAE's" name the country
            demonym = re.sub(r"^the\s+|['’]s$", "", demonym, flags=re.IGNORECASE)
        country = forms.get(demonym) if demonym else None
        key = f"{role}@{country}" if country else role
        text = article.text[m.start():end]
        out.append(Mention(article.path, m.start(), end, text, "role", key, country))
    return out


def _title_country(article: Article, start: int, end: int, floor: int = 0) -> str | None:
    """The state a title (``start``..``end``) names, or else the words before it back to
    the clause's start: "New Zealand Deputy Prime Minister and Minister of Foreign Affairs
    Winston Peters" is NZ."""
    # not back past another person: "Benjamin Netanyahu of Israel and Sheikh X" (``floor``)
    before = article.text[max(article.body_start, start - 80, floor):start]
    for head in (article.text[start:end], re.split(r"[,;:.()\n]", before)[-1]):
        # the nearest to the name: "Malian minister X called Togolese minister Y" (Y: TG)
        codes = [_country_of_match(m, article.lang)
                 for m in country_pattern(article.lang).finditer(head)]
        codes = [c for c in codes if c]
        if codes:
            return codes[-1]
    return None


HONORIFIC = re.compile(r"^(?:M\.|Mme|Mlle|MM\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sr\.|Sra\.)\s+")


def _unknown_names(article: Article, roles: list[Mention], known: list[Mention]):
    """(start, name, country) of names announced by a title word or standing right after a
    role ("le ministre turc des Affaires étrangères Mevlüt Çavuşoğlu": TR)."""
    ends = sorted(m.end for m in known)

    def floor(start):
        return max((e for e in ends if e <= start), default=0)

    for m in cue_pattern(article.lang).finditer(article.text, article.body_start):
        yield m.start("name"), m.group("name"), _title_country(
            article, m.start(), m.start("name"), floor(m.start()))
    for r in roles:
        m = NAME_AFTER_ROLE.match(article.text, r.end)
        if m:
            yield m.start("name"), m.group("name"), r.country or _title_country(
                article, r.start, r.end, floor(r.start))


def find_actors(article: Article, roles: list[Mention] = ()) -> list[Mention]:
    pattern, by_alias = actor_pattern()
    text, path = article.text, article.path
    out = []
    for m in pattern.finditer(text, article.body_start):
        actor = by_alias[m.group(0)]
        out.append(Mention(path, m.start(), m.end(), m.group(0), actor.kind, actor.name,
                           actor.country))
    # a name never overlaps a known actor or a role ("ministro de Asuntos Exteriores")
    known = [(m.start, m.end) for m in out] + [(r.start, r.end) for r in roles]
    places = country_forms(article.lang)  # a dict: its keys are looked up as a set
    # the same name found twice: the finding that knows the person's state first
    found_names = sorted(set(_unknown_names(article, roles, out)),
                         key=lambda x: (x[0], x[1], x[2] is None, x[2] or ""))
    for s, found, country in found_names:
        name = found.rstrip("'’-")
        honorific = HONORIFIC.match(name)  # "Mme Naledi Pandor" is Naledi Pandor
        if honorific:
            s, name = s + honorific.end(), name[honorific.end():]
            if " " not in name:
                continue
        e = s + len(name)
        if any(s < ke and ks < e for ks, ke in known) or name in places:
            continue
        if any(token in places for token in name.split()):
            continue
        out.append(Mention(path, s, e, name, "person", name, country, reviewed=False))
        known.append((s, e))
    return out


# a capitalised word, perhaps after an honorific: compiled once, looked up in a table
SURNAME = re.compile(r"(?<![\w\-])(?:(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?"
                     r"(?P<s>[A-ZÀ-ÖØ-Þ][\w'’\-]+)(?![\w\-])")


def _by_surname(article: Article, actors: list[Mention], unknown: list[Mention]) -> list[Mention]:
    """Unknown people named again by their surname (more than three letters, not a
    country's name), with or without an honorific ("M. Keita"), after their first mention."""
    by_surname = {}
    for m in unknown:
        surname = m.key.rsplit(" ", 1)[1]
        if len(surname) > 3 and surname not in country_forms(article.lang):
            by_surname.setdefault(surname, m)
    if not by_surname:
        return []
    taken = [(m.start, m.end) for m in actors]
    out = []
    for found in SURNAME.finditer(article.text, article.body_start):
        first = by_surname.get(found.group("s"))
        if first is None:
            continue
        s, e = found.span("s")
        if s > first.start and not any(s < ke and ks < e for ks, ke in taken):
            out.append(Mention(article.path, s, e, found.group("s"), "person", first.key,
                               first.country, reviewed=False))
    return out


def _by_role(article: Article, roles: list[Mention], unknown: list[Mention]) -> list[Mention]:
    """Unknown people named again by the role that introduced them: said again later,
    the role is that person."""
    introduced = {}
    for r in roles:
        after = NAME_AFTER_ROLE.match(article.text, r.end)
        person = next((m for m in unknown if after and m.start == after.start("name")), None)
        if person and r.country:
            introduced.setdefault(r.key, person)
    out = []
    for r in roles:
        person = introduced.get(r.key)
        if person and r.start > person.end:
            out.append(Mention(article.path, r.start, r.end, r.text, "person", person.key,
                               person.country, reviewed=False))
    return out


def _named_again(article: Article, actors: list[Mention], roles: list[Mention]):
    """People the gazetteer does not know, named again: by surname, with or without an
    honorific ("M. Keita"), or by the role they were introduced with ("le chef de la
    diplomatie malienne")."""
    unknown = [m for m in actors if m.kind == "person" and not m.reviewed and " " in m.key]
    if not unknown:
        return []
    return _by_surname(article, actors, unknown) + _by_role(article, roles, unknown)


@cache
def _pairs_pattern(lang: str) -> re.Pattern | None:
    words = load_yaml("participants.yaml")["pairs"].get(lang)
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE) if words else None


def _pairs(article: Article, people: list[Mention]) -> list[Mention]:
    """"Les deux chefs de la diplomatie": the last two people named before."""
    pattern = _pairs_pattern(article.lang)
    if pattern is None:
        return []
    out = []
    ordered = sorted((m for m in people if m.kind == "person"), key=lambda m: m.start)
    for found in pattern.finditer(article.text, article.body_start):
        last: list[Mention] = []
        for m in reversed([m for m in ordered if m.end <= found.start()]):
            if m.key not in [x.key for x in last]:
                last.append(m)
            if len(last) == 2:
                break
        if len(last) == 2:
            out += [Mention(article.path, found.start(), found.end(), found.group(0), "person",
                            m.key, m.country, m.reviewed) for m in last]
    return out


def recognise(article: Article) -> tuple[Mention, ...]:
    """All mentions, sorted by offset; a role inside an actor's name is dropped."""
    roles = find_roles(article)
    actors = find_actors(article, roles)
    actors += _named_again(article, actors, roles)
    actors += _pairs(article, actors)
    countries = find_countries(article)
    taken = [(m.start, m.end) for m in actors]
    kept = [m for m in countries if not any(m.start < e and s < m.end for s, e in taken)]
    return tuple(sorted(actors + roles + kept, key=lambda m: (m.start, m.end, m.kind, m.key)))
