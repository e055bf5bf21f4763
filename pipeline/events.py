"""Events stage: one article's sentences, dates and mentions -> its ``Event`` records.

A dated clause with an event cue is an event. A sentence is cut into clauses at commas
and at words that open a dated sub-clause ("après la signature ... fin 2020"); each clause
takes the date inside it, a clause without a date takes the date of the clause before it
(or, at the start of the sentence, the first date after it). A sentence with cues but no
date continues the event told just before it ("Lors de son bref séjour, il a
rencontré..."); such sentences at the top of an article attach to the first dated event.
A year opening the sentence without a cue of its own frames the date inside it, which
takes its clauses ("L'année suivante, Aviv Kochavi s'est rendu à Rabat en juillet");
dated items after a colon are each what the head before it tells ("les visites se sont
multipliées : Yaïr Lapid en août, puis Benny Gantz en novembre"). A subject pronoun
opening a sentence stands for the subject of the sentence before ("Il doit inaugurer
jeudi..."). Background dates ("depuis 2000"), dates without a cue and visits by no envoy
("des touristes israéliens") make no event.

Dated items joined by "and" in one clause are one happening each, sharing the predicate
("after Egypt in 1979 and Jordan in 1994, to normalise relations"). A part of day naming
its day is a date of that day ("ce lundi soir"). A later day joined to the date
("dimanche et lundi") or the length of a stay ("une visite de deux jours") gives the
event its last day. A dateline ("AMMAN, June 14 (Reuters) -") dates what the next
paragraphs tell without a date of their own. An event's types are the acts of its dated
sentence, the primary first (see ``classify``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache

from . import gazetteer, modes
from .classify import Cues, classify, is_background, is_planned, word_list_pattern
from .identity import event_id
from .periods import period
from .records import Article, Dct, Event, Evidence, Mention, Sentence, Timex
from .titles import make_title
from .vocab import load_yaml

CONCRETE = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI))?$")
PLACE_CUE = re.compile(r"\b(?:à|in|at|au|to|vers)\s*$", re.IGNORECASE)  # not "de"/"from": an origin
CLAUSE_PUNCT = re.compile(r"[,;:()]|\s[–—-]\s")
# a place after a preposition: "à la Maison Blanche", "in Manama", "at the White House"
WHERE = re.compile(r"(?<!\w)(?:à|au|aux|en|in|at)\s+(?:la\s+|le\s+|les\s+|l['’]|the\s+)?"
                   r"[A-ZÀ-Ý][\w'’\-]*(?:\s+[A-ZÀ-Ý][\w'’\-]*)*")


@dataclass
class Draft:
    """An event being assembled inside one article (local to this module)."""

    timex: Timex
    ranges: list[tuple[int, int]]
    sentences: list[Sentence]
    cues: Cues
    paragraph: int
    home: Sentence  # the sentence holding the date
    planned: bool = False
    relative: bool = False  # the date sits in a relative clause
    extra: list[tuple[int, int]] = field(default_factory=list)  # continuation ranges
    end: str | None = None  # the last day, for a happening over several days


@lru_cache(maxsize=256)  # asked again for the main clauses of the same sentence
def clause_bounds(sentence: Sentence, lang: str) -> tuple[tuple[int, int], ...]:
    """Absolute (start, end) of each clause of a sentence."""
    text = sentence.text
    cuts = {0, len(text)}
    for m in CLAUSE_PUNCT.finditer(text):
        cuts.add(m.start())
    for m in word_list_pattern("clause_openers", lang).finditer(text):
        cuts.add(m.start())
    points = sorted(cuts)
    pairs = zip(points, points[1:], strict=False)
    return tuple((sentence.start + a, sentence.start + b) for a, b in pairs
                 if text[a:b].strip(" ,;:()–—-"))


def event_dates(article: Article, timexes: tuple[Timex, ...]) -> list[Timex]:
    """The dates that may date an event: concrete DATEs ("ce lundi soir", "on Tuesday
    morning" are the day they name; a TIME such as "ce soir" is the moment of speaking)."""
    out = []
    for t in timexes:
        if t.type != "DATE" or not CONCRETE.match(t.value):
            continue
        if is_background(article.text[max(0, t.start - 30):t.start], article.lang):
            continue
        out.append(t)
    return out


@dataclass(frozen=True)
class Clauses:
    """How a sentence's clauses share out among its dates."""

    scopes: dict  # index in the sentence's dates -> clause ranges it governs
    relative: frozenset  # indexes of dates inside a relative or subordinate clause
    undated: tuple  # clause ranges no date governs


def _opens(pattern, sentence: Sentence, a: int, b: int) -> bool:
    text = sentence.text[a - sentence.start:b - sentence.start].lstrip(" ,;:(–—-")
    return bool(pattern.match(text))


def _date_only(sentence: Sentence, a: int, b: int, dates: list[Timex]) -> bool:
    """A clause holding a date and at most where: ", l'an dernier,", "on Aug. 13", ", le 15
    septembre 2020 à la Maison Blanche"."""
    text = sentence.text[a - sentence.start:b - sentence.start]
    for t in dates:
        if a <= t.start < b:
            text = text.replace(t.text, " ")
    return len(re.sub(r"\W+", "", WHERE.sub(" ", text))) <= 3


def _whole_dates(clauses, dates: list[Timex]) -> tuple[tuple[int, int], ...]:
    """The clauses, joined where a cut falls inside a date ("on Dec. 22, 2020", "jeudi,
    24 novembre"): a date is never shared by two clauses."""
    out: list[tuple[int, int]] = []
    for a, b in clauses:
        if out and any(t.start < a < t.end for t in dates):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return tuple(out)


# a word joining two dated items that share one predicate ("after Egypt in 1979 and Jordan
# in 1994, to normalise relations"); not the end of a range ("entre 2019 et 2021")
COORDINATION = re.compile(r"\s(?:and|et|y|und|as well as|ainsi que)\s|,\s", re.IGNORECASE)
NAME = re.compile(r"(?<!\w)[A-ZÀ-Ý]\w")
RANGE_START = re.compile(r"(?<!\w)(?:between|entre|from|de|du|des|von|zwischen|desde)\s+$",
                         re.IGNORECASE)


def _coordinated(sentence: Sentence, clauses, dates: list[Timex]):
    """The clauses with each clause holding several dated items joined by "and" cut into
    one clause per item, and the groups of items so cut."""
    out: list[tuple[int, int]] = []
    groups: list[list[tuple[int, int]]] = []
    base = sentence.start
    for a, b in clauses:
        inside = [t for t in dates if a <= t.start < b]
        cuts = [a]
        if len(inside) >= 2 and not RANGE_START.search(sentence.text[:inside[0].start - base]):
            for first, second in zip(inside, inside[1:], strict=False):
                joins = list(COORDINATION.finditer(sentence.text, first.end - base,
                                                   second.start - base))
                # the second item names who ("et la Jordanie en 1994"); "dimanche et
                # lundi" is one happening over two days
                if joins and NAME.search(sentence.text, joins[0].end(), second.start - base):
                    cuts.append(base + joins[0].start())
        if len(cuts) == 1:
            out.append((a, b))
            continue
        pieces = list(zip(cuts, cuts[1:] + [b], strict=True))
        groups.append(pieces)
        out.extend(pieces)
    return tuple(out), groups


def _owners(sentence: Sentence, clauses, dates: list[Timex]) -> list[int | None]:
    """The index of the date inside each clause (the first if several), or None; a clause
    holding nothing but a date gives it to the undated clause before it."""
    owner: list[int | None] = []
    for a, b in clauses:
        inside = [i for i, t in enumerate(dates) if a <= t.start < b]
        owner.append(inside[0] if inside else None)
    for k in range(1, len(clauses)):
        if owner[k] is not None and owner[k - 1] is None and _date_only(
                sentence, *clauses[k], dates):
            owner[k - 1] = owner[k]
    return owner


def _clause_kinds(sentence: Sentence, clauses, owner, groups, lang: str) -> dict[int, str]:
    """Whether each date sits in a relative, a subordinate or a main clause (its first)."""
    relative_words = word_list_pattern("relative", lang)
    subordinate_words = word_list_pattern("subordinate", lang)
    kind: dict[int, str] = {}
    first_of = {piece: group[0] for group in groups for piece in group}
    for (a, b), o in zip(clauses, owner, strict=True):
        if o is not None and o not in kind:
            # a coordinated item is the kind of clause the first item is ("after Egypt in
            # 1979 and Jordan in 1994": both after)
            a, b = first_of.get((a, b), (a, b))
            kind[o] = ("relative" if _opens(relative_words, sentence, a, b) else
                       "subordinate" if _opens(subordinate_words, sentence, a, b) else "main")
    return kind


def _share_out(sentence: Sentence, clauses, owner, kind: dict[int, str], lang: str):
    """Each date's clauses and the undated ones: a clause without a date takes the
    current date, which a relative clause's date does not become."""
    subordinate_words = word_list_pattern("subordinate", lang)
    scopes: dict[int, list] = {}
    undated = []
    current = next((o for o in owner if o is not None and kind[o] == "main"), None)
    for (a, b), o in zip(clauses, owner, strict=True):
        if o is not None:
            scopes.setdefault(o, []).append((a, b))
            if kind[o] != "relative":
                current = o
        elif _opens(subordinate_words, sentence, a, b):
            current = None  # "et trois mois après celle de Yaïr Lapid": another time
            undated.append((a, b))
        elif current is not None:
            scopes.setdefault(current, []).append((a, b))
        else:
            undated.append((a, b))
    return scopes, undated


def _share_coordinated(clauses, owner, groups, scopes: dict[int, list]) -> None:
    """Coordinated items share what the group's clauses say."""
    for group in groups:
        members = [o for piece, o in zip(clauses, owner, strict=True) if piece in group
                   and o is not None]
        shared = [r for o in members for r in scopes.get(o, []) if r not in group]
        for o in members:
            scopes[o] = sorted(set(scopes[o]) | set(shared))


def _with_antecedents(sentence: Sentence, scopes: dict[int, list], kind: dict[int, str]) -> None:
    """A relative clause's date takes the clause's antecedent ("l'Algérie, qui a rompu
    ...": the antecedent is the subject)."""
    for o, k in kind.items():
        if k == "relative":
            start = scopes[o][0][0]
            head = sentence.text[:start - sentence.start].rstrip(" ,")
            antecedent = re.search(r"[\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)*$", head)
            if antecedent:
                scopes[o].insert(0, (sentence.start + antecedent.start(), start))


def assign_clauses(sentence: Sentence, dates: list[Timex], lang: str) -> Clauses:
    """Share a sentence's clauses among its dates.

    A date at the head of the sentence governs what follows; a clause holding nothing but
    a date dates the clause before it ("après la reprise des relations, l'an dernier").
    A date in a relative clause ("whose decision was announced on Sept. 11") governs only
    that clause; one in a subordinate clause ("after ...", "après ...") governs it and what
    follows, never the main clause before it. A clause without a date takes the current
    date; clauses before any main date are left undated.
    """
    clauses = clause_bounds(sentence, lang)
    if not dates:  # nothing to share out
        return Clauses({}, frozenset(), tuple(clauses))
    clauses, groups = _coordinated(sentence, _whole_dates(clauses, dates), dates)
    owner = _owners(sentence, clauses, dates)
    kind = _clause_kinds(sentence, clauses, owner, groups, lang)
    scopes, undated = _share_out(sentence, clauses, owner, kind, lang)
    _share_coordinated(clauses, owner, groups, scopes)
    _with_antecedents(sentence, scopes, kind)
    relative = frozenset(o for o, k in kind.items() if k != "main")
    return Clauses(scopes, relative, tuple(undated))


def frames(outer: Timex, inner: Timex) -> bool:
    """Whether ``inner`` is a narrower date inside ``outer``'s period ("juillet" in 2022)."""
    lo, hi = period(outer.value, outer.mod)
    first, last = period(inner.value, inner.mod)
    return lo <= first and last <= hi and (first, last) != (lo, hi)


MAX_STAY = 14  # days: a longer "visit" is a posting, not one happening
DAYS = re.compile(r"^P(\d+)D$")
# what joins the first and the last day of one happening ("dimanche et lundi", "du 3 au
# 5 janvier", "on Sunday and Monday")
DAY_JOIN = re.compile(r"^\s*(?:et|au|and|to|through|until|jusqu'au|jusqu’au|y|al|bis|und|[–—-])"
                      r"\s*(?:le\s+|on\s+|el\s+|am\s+)?$", re.IGNORECASE)


def last_day(article: Article, timex: Timex, ranges, cues: Cues, here: list[Timex], scopes,
             timexes) -> str | None:
    """The last day of a happening over several days, from its clause: a later day joined
    to its date ("dimanche et lundi", "du 3 au 5 janvier"), or the length of a visit or a
    summit ("une visite de deux jours", "a two-day visit")."""
    if timex.granularity != "day":
        return None
    first = dt.date.fromisoformat(timex.value)
    for i, t in enumerate(here):  # a later day with no clause of its own
        if (t is not timex and i not in scopes and t.granularity == "day"
                and DAY_JOIN.match(article.text[timex.end:t.start])):
            gap = (dt.date.fromisoformat(t.value) - first).days
            if 0 < gap <= MAX_STAY:
                return t.value
    if cues.mode not in modes.stays():
        return None
    for t in timexes:
        length = DAYS.match(t.value) if t.type == "DURATION" else None
        days = int(length.group(1)) if length else 0
        if 2 <= days <= MAX_STAY and any(a <= t.start < b for a, b in ranges):
            return (first + dt.timedelta(days=days - 1)).isoformat()
    return None


DASH = re.compile(r"\s[-–—]{1,2}\s")
DATELINE_REACH = 2  # paragraphs after the lead that a dateline still dates
# a city opening the body, in capitals or not ("AMMAN,", "Rabat,", "NEW YORK (AP)")
CITY = re.compile(r"^\(?[A-ZÀ-Ý][\w'’.\-]+(?:\s+[A-ZÀ-Ý][\w'’.\-]+)*\s*[,(]")


def find_dateline(article: Article, sentences, dates: list[Timex]) -> Timex | None:
    """The date of a dateline opening the body ("NAIROBI, 14 juin (Reuters) -", "AMMAN,
    June 14 (AP) —"): a city in capitals, a date, maybe an agency, then a dash."""
    first = next((s for s in sentences
                  if not (article.body_start == 0 and s.paragraph == 0)), None)
    if first is None or not CITY.match(first.text):
        return None
    dash = DASH.search(first.text, 0, 100)
    if dash is None or classify(first.text[:dash.start()], article.lang).types:
        return None
    return next((t for t in dates if first.start <= t.start < first.start + dash.start()), None)


def _dated_drafts(article: Article, sentence: Sentence, here: list[Timex], clauses: Clauses,
                  timexes) -> list[Draft]:
    """One draft per dated clause of a sentence that tells something."""
    made: list[Draft] = []
    scopes = dict(clauses.scopes)
    colon = article.text.find(":", sentence.start, sentence.end)
    head: tuple[int, Cues] | None = None  # a dated head before a colon, and its cues
    for index in sorted(scopes):
        ranges = scopes[index]
        scope = " ".join(article.text[a:b] for a, b in ranges)
        cues = classify(scope, article.lang)
        if not cues.types and head and ranges[0][0] >= colon:
            # "les visites se sont multipliées : Yaïr Lapid en août, puis Benny Gantz
            # en novembre": each dated item after the colon is one of what the head tells
            cues = head[1]
        if not cues.types:
            if index == 0 and 1 in scopes and frames(here[0], here[1]):
                # "L'année suivante, le chef d'état-major, Aviv Kochavi, s'est rendu à
                # Rabat en juillet": the frame tells no happening; its clauses (the
                # subject) belong to the date inside it
                scopes[1] = ranges + scopes[1]
            continue
        if colon >= 0 and ranges[-1][1] <= colon + 1:
            head = (len(made), cues)
        timex = here[index]
        planned = is_planned(scope, article.lang) and timex.tense != "past"
        made.append(Draft(timex, ranges, [sentence], cues, sentence.paragraph, sentence,
                          planned, relative=index in clauses.relative,
                          end=last_day(article, timex, ranges, cues, here, scopes, timexes)))
    if head and len(made) > head[0] + 1 and all(
            frames(made[head[0]].timex, d.timex) for d in made[head[0] + 1:]):
        del made[head[0]]  # "En 2021, les visites ... :" sums up the items after it
    return made


def _tell_more(draft: Draft, sentence: Sentence, ranges) -> None:
    """``sentence`` goes on telling ``draft``: its ``ranges`` are read with it, and the
    event is now told in that sentence's paragraph."""
    draft.extra.extend(ranges)
    draft.sentences.append(sentence)
    draft.paragraph = sentence.paragraph


def _goes_on(article: Article, sentence: Sentence, last: Draft | None, dateline: Timex | None,
             mentions) -> bool:
    """Whether an undated sentence with a cue goes on telling the last event."""
    if last is None:
        return False
    # under a dateline, what the next paragraphs tell without a date of their own
    # happened on the dateline's day, as part of what the lead tells
    under = (dateline is not None and last.timex is dateline
             and sentence.paragraph - last.home.paragraph <= DATELINE_REACH)
    return under or (sentence.paragraph - last.paragraph <= 1
                     and continues(article, sentence, last, mentions))


def drafts_for(article: Article, sentences, timexes, mentions) -> list[Draft]:
    dates = event_dates(article, timexes)
    dateline = find_dateline(article, sentences, dates)
    drafts: list[Draft] = []
    pending: list[Sentence] = []  # undated sentences before the first dated event
    primary: Draft | None = None  # the main event of the last dated sentence
    for sentence in sentences:
        if article.body_start == 0 and sentence.paragraph == 0:
            continue  # the title line of a plain-text article repeats its body
        here = [t for t in dates if sentence.start <= t.start < sentence.end]
        clauses = assign_clauses(sentence, here, article.lang)
        made = _dated_drafts(article, sentence, here, clauses, timexes)
        main = [r for r in clauses.undated if r in main_clauses(sentence, article.lang)]
        rest = " ".join(article.text[a:b] for a, b in main)
        if here and rest and primary and classify(rest, article.lang).types:
            # the main clause of this sentence goes on telling the event before it, which is
            # then told in this paragraph ("also" in the next sentence refers to it)
            _tell_more(primary, sentence, main)
        if made:
            for s in pending:
                made[0].extra.append((s.start, s.end))
                made[0].sentences.insert(0, s)
            pending = []
            drafts.extend(made)
            primary = next((d for d in made if not d.relative), primary or made[0])
            continue
        if here:
            continue  # dated but nothing happens: a background sentence
        if not classify(sentence.text, article.lang).types:
            continue
        if _goes_on(article, sentence, primary, dateline, mentions):
            _tell_more(primary, sentence, main_clauses(sentence, article.lang))
        elif not drafts:
            pending.append(sentence)
    return drafts


def main_clauses(sentence: Sentence, lang: str) -> list[tuple[int, int]]:
    """The main clauses of a sentence: up to its first subordinate clause ("La visite
    intervient moins d'un an" but not "après celle de Yaïr Lapid"), relative clauses left
    out ("Gantz, who arrived on Tuesday evening, signed the deal")."""
    subordinate = word_list_pattern("subordinate", lang)
    relative = word_list_pattern("relative", lang)
    kept = []
    for a, b in clause_bounds(sentence, lang):
        if kept and _opens(subordinate, sentence, a, b):
            break
        if not _opens(relative, sentence, a, b):
            kept.append((a, b))
    return kept


def continues(article: Article, sentence: Sentence, draft: Draft, mentions) -> bool:
    """Whether an undated sentence goes on telling ``draft`` (see the module docstring)."""
    opening = sentence.text[:40]
    if word_list_pattern("continuation", article.lang).match(opening.lstrip()):
        return True
    same_paragraph = sentence.paragraph == draft.paragraph
    if same_paragraph and word_list_pattern("also", article.lang).search(sentence.text):
        return True
    value = draft.timex.value
    told = {resolve(m, value) for m in within(mentions, [(s.start, s.end)
                                                         for s in draft.sentences])}
    here = {resolve(m, value) for m in within(mentions, [(sentence.start, sentence.end)])}
    return bool((told & here) - {None})


def is_modifier(article: Article, m: Mention) -> bool:
    """A name that only qualifies someone else ("conseiller du président Donald Trump")."""
    before = article.text[max(article.body_start, m.start - 60):m.start]
    return bool(_modifier_pattern(article.lang).search(before))


@cache
def _modifier_pattern(lang: str) -> re.Pattern:
    genitive = word_list_pattern("genitive", lang).pattern
    return re.compile(rf"{genitive}(?:\s+[\w\-]+){{0,3}}\s*,?\s*$", re.IGNORECASE)


def within(mentions, ranges) -> list[Mention]:
    """The mentions (sorted by start) lying inside any of the ranges, found by bisection so
    that long articles stay linear rather than events x mentions."""
    starts = [m.start for m in mentions]
    found: dict[int, Mention] = {}
    for a, b in ranges:
        for i in range(bisect_left(starts, a), bisect_left(starts, b)):
            if mentions[i].end <= b:
                found[i] = mentions[i]
    return [found[i] for i in sorted(found)]


def inside(m: Mention, ranges) -> bool:
    return any(a <= m.start and m.end <= b for a, b in ranges)


@cache
def _cited_pattern(lang: str) -> re.Pattern:
    words = load_yaml("participants.yaml")["cited"]
    alts = "|".join(words.get(lang) or words["en"])
    # the cue, then at most a few words of title ("le porte-parole du ministère, M.")
    # never across a sentence's end: "Wang Wenbin announced Thursday. Wang Yi will ..."
    return re.compile(rf"(?<!\w)(?:{alts})(?:\s+(?:M\.|Mr\.|Dr\.|[\w’'\-]+)){{0,4}}?[\s,]*$",
                      re.IGNORECASE)


def is_cited(article: Article, m: Mention) -> bool:
    """A person named as the source of what is told or as thanked, not as a participant
    ("selon le porte-parole X", "spokesperson X announced", "il a remercié X")."""
    before = article.text[max(article.body_start, m.start - 50):m.start]
    return bool(_cited_pattern(article.lang).search(before))


def is_title(article: Article, m: Mention, mentions, starts) -> bool:
    """A role right before a name is that person's title, not someone else to resolve
    ("Chinese Foreign Minister Wang Yi": on a date just outside the gazetteer's, the office
    alone would name another holder)."""
    if m.kind != "role":
        return False
    i = bisect_left(starts, m.end)  # ``starts``: the mentions' starts, sorted
    return (i < len(mentions) and mentions[i].kind == "person"
            and not article.text[m.end:mentions[i].start].strip(" ,"))


@cache
def _venue_patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    data = load_yaml("participants.yaml")

    def alts(key):
        return "|".join(data[key].get(lang) or ()) or "(?!)"
    # "s'est tenue à", "met on Monday in", "talks at the", "le sommet de"
    before = re.compile(rf"(?<!\w)(?:(?:{alts('venue_words')})(?:\s+[\w'’\-]+){{0,3}}?\s+"
                        rf"(?:{alts('venue_prepositions')})|(?:{alts('venue_nouns')})\s+"
                        rf"(?:de|d['’]))\s*(?:the\s+)?$", re.IGNORECASE)
    after = re.compile(rf"\s+(?:{alts('venue_after')})(?!\w)", re.IGNORECASE)
    return before, after


def is_venue(article: Article, m: Mention) -> bool:
    """A city named as where a meeting is held ("la réunion s'est tenue à Rabat", "talks in
    Geneva", "le sommet de Nairobi", "the Geneva talks"), not as its state's government,
    which a city is after any other verb ("a reproché à Rabat", "talks with Rabat")."""
    if m.kind != "place" or m.text not in gazetteer.cities():
        return False
    before, after = _venue_patterns(article.lang if article.lang in ("fr", "en", "es", "de")
                                    else "en")
    return bool(before.search(article.text[max(article.body_start, m.start - 60):m.start])
                or after.match(article.text, m.end))


def resolve(m: Mention, value: str) -> str | None:
    if m.kind in ("person", "org"):
        return m.key
    if m.kind == "role" and m.country:
        return gazetteer.holder(m.key.split("@")[0], m.country, value)
    return None


def top_countries(mentions, n: int) -> list[str]:
    counts: dict[str, int] = {}
    for m in mentions:  # states named, and the states of the people named
        code = (None if m.text in gazetteer.major_cities() else m.key) if m.kind in (
            "country", "place") else m.country if m.reviewed else None
        if code and code not in gazetteer.not_parties():
            counts[code] = counts.get(code, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c))[:n]


SUBJECT_REACH = 40  # the subject of a sentence is named within its first characters


def antecedents(article: Article, sentences, mentions) -> dict[int, Mention]:
    """Start of a sentence opening with a subject pronoun -> the person (or role, with its
    country) that is the subject of the sentence before it, in the same or the previous
    paragraph: who "il", "he" is. "Elle survient ..." after "La visite intervient ...
    après celle de Yaïr Lapid" stands for no one: Lapid is named, but not as the subject.
    A pronoun after a pronoun stands for the same person."""
    pronoun = word_list_pattern("subject_pronouns", article.lang)
    out: dict[int, Mention] = {}
    for before, sentence in zip(sentences, sentences[1:], strict=False):
        if sentence.paragraph - before.paragraph > 1 or not pronoun.match(sentence.text):
            continue
        reach = min(before.end, before.start + SUBJECT_REACH)
        subject = next((m for m in within(mentions, [(before.start, before.end)])
                        if m.start < reach
                        and (m.kind == "person" or m.kind == "role" and m.country)
                        and m.reviewed and not is_modifier(article, m)), None)
        subject = subject or out.get(before.start)
        if subject:
            out[sentence.start] = subject
    return out


def sentence_subjects(article: Article, draft: Draft, mentions, dates) -> list[Mention]:
    """When the dated clause names no one, the people named before it in its sentence: the
    subject and who invited them ("Chinese Foreign Minister Wang Yi, at the invitation of
    ... Winston Peters and ... Penny Wong, will pay an official visit ... from March 17")."""
    people = ("person", "org", "role")
    start = min(a for a, _ in draft.ranges)
    if draft.relative:
        # "the Crown Prince, Sheikh Mohammed bin Zayed, who extended an invitation ... in
        # October": who the relative pronoun stands for is named right before it
        before = [m for m in within(mentions, [(draft.home.start, draft.home.end)])
                  if m.kind in ("person", "role") and m.start < start
                  and (m.end >= start or not article.text[m.end:start].strip(" ,"))]
        return before[-1:]
    if any(m.kind in people for m in within(mentions, draft.ranges)):
        return []
    # not across another date: "celle de Yaïr Lapid en août 2021, puis celle de Benny Gantz,
    # venu signer ... en novembre" (Lapid belongs to August)
    dated = [t.end for t in dates if draft.home.start <= t.end <= start]
    return [m for m in within(mentions, [(max([draft.home.start, *dated]), start)])
            if m.kind in ("person", "role") and (m.kind == "person" or m.country)]


@dataclass
class _Parties:
    """Who and where one event is about, gathered mention by mention (local to
    ``build_event``)."""

    actors: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    venues: list[str] = field(default_factory=list)  # states named only by where a meeting was held
    visited: Mention | None = None  # a major city after "à", "in": the place of a visit only
    place: str | None = None
    place_at: int = -1


def _event_scope(draft: Draft, one_in_sentence: bool) -> list[tuple[int, int]]:
    """The text an event's parties and acts are read from."""
    if one_in_sentence and not draft.relative:  # the only event of its sentence: all of it
        return [(draft.home.start, draft.home.end)] + draft.extra
    return draft.ranges + draft.extra


def _not_a_party(article: Article, m: Mention, subject: Mention | None, mentions,
                 starts) -> bool:
    """A name qualifying someone else, a name cited as a source, or a role that is the
    title of the name after it: none of them takes part."""
    return is_modifier(article, m) or is_cited(article, m) or (
        m is not subject and is_title(article, m, mentions, starts))


def _note_actor(p: _Parties, m: Mention, value: str, scope) -> None:
    """A named actor, and the state they act for."""
    name = resolve(m, value)
    if name and name not in p.actors and name not in p.unreviewed:
        (p.actors if m.reviewed else p.unreviewed).append(name)
        country = gazetteer.actor_country(name) if m.reviewed else m.country
        if country and country not in p.countries:
            p.countries.append(country)
    elif (not name and m.kind == "role" and m.country and m.country not in p.countries
          and inside(m, scope)):
        p.countries.append(m.country)  # "le ministre malien" names a party, known or not


def _note_place(p: _Parties, article: Article, m: Mention, draft: Draft,
                one_in_sentence: bool) -> None:
    """A state as a party, or a place as where the event is."""
    # states named in passing in a following sentence are not parties to the event
    own = inside(m, draft.ranges) or (
        one_in_sentence and inside(m, [(draft.home.start, draft.home.end)]))
    venue = own and is_venue(article, m)
    city = m.kind == "place" and m.text in gazetteer.major_cities()
    cued = m.kind == "place" and PLACE_CUE.search(article.text[max(0, m.start - 8):m.start])
    if venue or own and city:
        p.venues.append(m.key)  # a city other than a capital is where, not who
    elif (m.kind in ("country", "place") and m.key not in p.countries and own
            and m.key not in gazetteer.not_parties()):
        p.countries.append(m.key)
    if city and cued and not venue:
        # "un consulat à Dakhla": where something else is, unless the event is a visit
        p.visited = p.visited or m
    elif m.kind == "place" and p.place is None and (venue or cued):
        p.place, p.place_at = m.text, m.start


def _parties(article: Article, draft: Draft, mentions, scope, one_in_sentence: bool,
             subject: Mention | None, dates) -> _Parties:
    """The event's actors, states and place, from the mentions of its scope."""
    p = _Parties()
    home = [(draft.home.start, draft.home.end)]
    # actors of the dated sentence first: they are the event's subject
    ordered = sorted(within(mentions, scope), key=lambda m: (not inside(m, home), m.start))
    lead = [] if subject else sentence_subjects(article, draft, mentions, dates)
    starts = [x.start for x in mentions]
    for m in ([subject] if subject else []) + lead + ordered:
        if _not_a_party(article, m, subject, mentions, starts):
            continue
        _note_actor(p, m, draft.timex.value, scope)
        _note_place(p, article, m, draft, one_in_sentence)
    text = " ".join(article.text[a:b] for a, b in scope)
    if (not p.countries and not p.actors) or word_list_pattern(
            "pair_words", article.lang).search(text):
        # "la reprise des relations" with no party named: the article's two main states
        for code in top_countries(mentions, 2):
            if code not in p.countries:
                p.countries.append(code)
    return p


def _event_types(article: Article, draft: Draft, scope) -> tuple[str, ...]:
    """The event's acts, the primary first."""
    # the dated clause's own types come first: they say what the event mainly is; then
    # the other acts of its sentence; the sentences going on from it tell the act only
    # when the dated sentence states nothing but a statement ("a indiqué jeudi que ...")
    own = [r for r in scope if r not in draft.extra]
    told = draft.cues.types + classify(" ".join(article.text[a:b] for a, b in own),
                                       article.lang).types
    more = () if set(told) - {"STATEMENT"} else tuple(
        t for a, b in draft.extra for t in classify(article.text[a:b], article.lang).types[:1])
    types = tuple(dict.fromkeys(told + more))
    if set(types) - {"STATEMENT"}:  # a statement counts only alone
        types = tuple(t for t in types if t != "STATEMENT")
    return types


def _visit_host(p: _Parties, home: Sentence) -> None:
    """A visit's destination is its host, a party, and where it happens."""
    if p.visited and (p.place is None or inside(p.visited, [(home.start, home.end)])
                      and p.visited.start < p.place_at):
        p.place = p.visited.text  # the first place the dated sentence names
    p.countries += [c for c in dict.fromkeys(p.venues)
                    if c not in p.countries and c not in gazetteer.not_parties()]


def build_event(article: Article, dct: Dct, draft: Draft, mentions, one_in_sentence: bool,
                subject: Mention | None = None, dates=()) -> Event:
    """``subject``: who the pronoun opening the dated sentence stands for, if it does;
    ``dates``: the article's event dates."""
    value = draft.timex.value
    scope = _event_scope(draft, one_in_sentence)
    p = _parties(article, draft, mentions, scope, one_in_sentence, subject, dates)
    types = _event_types(article, draft, scope)
    cues = classify(" ".join(article.text[a:b] for a, b in scope), article.lang)
    mode = draft.cues.mode or (cues.mode if set(draft.cues.types) <= {"STATEMENT"} else None)
    if mode in ("visit", "host"):
        _visit_host(p, draft.home)
    actors, countries, place = tuple(p.actors), p.countries, p.place
    after_dct = period(value, None)[0] > period(dct.value, None)[1]
    status = "planned" if draft.planned or after_dct else "happened"
    evidence = tuple(sorted({Evidence(article.path, s.start, s.end, s.text)
                             for s in draft.sentences}, key=lambda e: e.start))
    title = make_title(types, mode, actors, tuple(countries), place, article.lang, status)
    return Event(
        id=event_id(value, types, mode, actors, tuple(countries), place),
        value=value, mod=draft.timex.mod, types=types, mode=mode, actors=actors,
        countries=tuple(sorted(countries)), place=place, status=status, title=title,
        sources=evidence, unreviewed_actors=tuple(p.unreviewed),
        inferred_date=not draft.timex.anchored or dct.source == "inferred",
        date_text=draft.timex.text, end=draft.end)


def article_events(article: Article, dct: Dct, timexes, sentences, mentions) -> tuple[Event, ...]:
    drafts = drafts_for(article, sentences, timexes, mentions)
    dates = event_dates(article, timexes)

    def alone(d: Draft) -> bool:  # the only date of its sentence: the whole sentence is its
        return sum(d.home.start <= t.start < d.home.end for t in dates) == 1

    subjects = antecedents(article, sentences, mentions)
    # the pronoun is the subject of the main clause, not of a relative one inside it
    kept: list[Event] = []
    told: Draft | None = None  # the draft of the last event kept
    opens = word_list_pattern("continuation", article.lang)
    for d in drafts:
        e = build_event(article, dct, d, mentions, alone(d),
                        None if d.relative else subjects.get(d.home.start), dates)
        # "L'accord a été signé douze jours plus tard": a sentence going on from the
        # happening told just before tells a diplomatic one too
        goes_on = (told is not None and d.paragraph - told.paragraph <= 1
                   and d.home is not told.home and bool(opens.match(d.home.text.lstrip())))
        if goes_on or is_diplomatic(e, article.lang):
            kept.append(e)
            told = d
    return tuple(kept)


DIPLOMATIC_MODES = modes.diplomatic()  # declared with each mode (data/modes.yaml)


def is_diplomatic(event: Event, lang: str) -> bool:
    """A known actor, a diplomatic word, or two states and a diplomatic mode, unless who
    travels is no envoy (see the ``diplomatic`` and ``not_envoys`` lists of
    ``data/events.yaml``)."""
    if event.actors:
        return True
    words = word_list_pattern("diplomatic", lang)
    if any(words.search(s.text) for s in event.sources):
        return True
    others = word_list_pattern("not_envoys", lang)
    return (len(event.countries) >= 2 and event.mode in DIPLOMATIC_MODES
            and not any(others.search(s.text) for s in event.sources))

