"""Find candidate temporal expressions in a text with the language's compiled regex.

In: the article text, the offsets of the part to tag, a :class:`Vocabulary`.
Out: a list of :class:`Candidate` (span, pattern kind, and the named groups that matched,
each with its text and absolute offsets), in text order and non-overlapping. The
precision rules that need a look at the context (a month or season word that is also an
ordinary word, a bare number that is not a year, an age that is not a duration) are
applied here, so that normalisation only sees real temporal expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .vocabulary import Vocabulary, key

TRIM = " \t\r\n,;:"
LOOK_BEHIND = (
    48  # longest text a pattern may hold before its core token ("au cours des deux dernières ")
)
LOOK_AHEAD = 200  # longest text after it
_TOKEN = re.compile(r"\w+")
_WORDCHAR = re.compile(r"\w")
_DIGITS_BEFORE = re.compile(r"[0-9][  .,]?$")


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    groups: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    # the date a day of an anaphor counts from: "the day after [Christmas]"
    inner: Candidate | None = None

    def g(self, name: str) -> str | None:
        """Text of a named group, or None when it did not take part in the match."""
        hit = self.groups.get(name)
        return hit[0] if hit else None

    def has(self, *names: str) -> bool:
        return any(n in self.groups for n in names)


def _groups(m: re.Match, names: list[tuple[str, str]]) -> dict[str, tuple[str, int, int]]:
    out = {}
    for full, short in names:
        value = m.group(full)
        if value is not None:
            out[short] = (value, m.start(full), m.end(full))
    return out


def recognise(text: str, start: int, end: int, vocab: Vocabulary) -> list[Candidate]:
    """All accepted candidates in ``text[start:end]``, offsets absolute into ``text``.

    Equivalent to a left-to-right search with the alternation of every pattern, but only
    at the word starts that may begin a match and lie shortly before a core token (a digit,
    a month, a unit...), which every match holds, and with the patterns that may begin
    with the word there."""
    out: list[Candidate] = []
    patterns = vocab.patterns
    pos = start
    for s, tried in _start_positions(text, start, end, vocab):
        if s < pos:
            continue
        stop = min(end, s + LOOK_AHEAD)
        for idx in tried:  # in the data file's order: the first pattern that matches wins
            m = patterns[idx].match(text, s, stop)
            if m:
                break
        else:
            continue
        cand = Candidate(m.start(), m.end(), vocab.kinds[idx], _groups(m, vocab.group_names[idx]))
        if "pre" in cand.groups and cand.kind in ("year", "date", "weekday", "spelled_year"):
            pre_text, ps, pe = cand.groups["pre"]
            if key(pre_text) in vocab.year_prefixes_in_span:
                pass
            elif cand.kind == "year" or key(pre_text) not in vocab.relative:
                cand.start = pe
        if vocab.span_skip is not None:
            skip = vocab.span_skip.match(text, cand.start, cand.end)
            if skip:
                cand.start = skip.end()
        while cand.start < cand.end and text[cand.start] in TRIM:
            cand.start += 1
        while cand.end > cand.start and text[cand.end - 1] in TRIM:
            cand.end -= 1
        if cand.end > cand.start and accept(cand, text, vocab):
            out.append(cand)
            pos = m.end()
    _share_years(out, text)
    return _count_from_next(out, text, vocab)


_RANGE_LINK = re.compile(
    r"\s*(?:au|et|à|-|–|to|and|through|until|till|jusqu['’]au|ou|or)?\s*", re.I
)


def _share_years(cands: list[Candidate], text: str) -> None:
    """Give "du 3 avril au 6 avril 2002" its year on both ends: a day-month or a month
    without year directly linked to a following date that has one borrows it ("in February
    or March 2009")."""
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if (
            c.kind != "date"
            or not ("d" in c.groups or "m" in c.groups)
            or c.groups.keys() & {"y", "rel"}
            or "y" not in nxt.groups
        ):
            continue
        if nxt.kind != "date" or not _RANGE_LINK.fullmatch(text, c.end, nxt.start):
            continue
        c.groups["y"] = nxt.groups["y"]


_LINK = re.compile(r"\s*(?P<w>[^\W\d_]+['’]?)?\s*")
_INNER_KINDS = ("date", "weekday")


def _count_from_next(cands: list[Candidate], text: str, vocab: Vocabulary) -> list[Candidate]:
    """A day counted by an anaphor ("the day after", "la veille") from the date right after
    it, joined by a link word ("le lendemain du 3 mars", "the day after Christmas": the
    anaphor may end with it), is counted from that date: one candidate holding the other."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.inner is None and prev.kind == "anaphor"
            and c.kind in _INNER_KINDS
            and (vocab.anaphoric.get(key(prev.g("ana") or "")) or [""])[0] == "D"
        ):
            m = _LINK.fullmatch(text, prev.end, c.start)
            # the link is a word between them, or ends the anaphor ("the day after")
            link = m and (m.group("w") or (_TOKEN.findall(prev.g("ana") or "") or [""])[-1])
            if link and key(link) in vocab.anchor_links:
                prev.end, prev.inner = c.end, c
                continue
            # "au lendemain de leur arrivée à Pékin vendredi 21 octobre": counted from the
            # date of the happening it names, each a date of its own
            if _dated_event(prev, c, text, vocab):
                prev.inner = c
        out.append(c)
    for prev, c in pairwise(out):
        # "Oct. 12, the day before the stock market plunge": the day is the date before it,
        # and so is an aside closing that date's clause ("a appelé jeudi Poutine, à la
        # veille de la venue de Zelensky": the call is on the eve)
        # "Le 9 avril, soit la veille, ...": the anaphor says what that date is
        beside = prev.kind in _INNER_KINDS and _set_beside(text, prev.end, c.start, vocab)
        if beside and (beside == "said" or _counts_from_event(c, text, vocab)):
            c.groups["apposed"] = (text[prev.start:prev.end], prev.start, prev.end)
    for c in out:
        # "à la veille d'un sommet", "au lendemain de cette volte-face": the story's day is
        # the eve or the morrow of a happening, not a day before or after the story's
        if _counts_from_event(c, text, vocab) and _after_eve_word(c, text, vocab):
            c.groups["eve"] = (text[c.start:c.end], c.start, c.end)
    return out


def _after_eve_word(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """The anaphor opens with, or follows, a preposition of the data's ``eve_prepositions``."""
    first = _TOKEN.match(text, c.start)
    before = _TOKEN.findall(text, max(0, c.start - 12), c.start)
    return (first is not None and key(first.group(0)) in vocab.eve_prepositions
            or bool(before) and key(before[-1]) in vocab.eve_prepositions)


# the rest of the date's clause, up to the comma that opens the aside: no sentence ends
_APPOSITION = re.compile(r"(?:[ \t]*|[ \t][^.!?;\n]{0,160}),")


def _set_beside(text: str, end: int, start: int, vocab: Vocabulary) -> bool | str:
    """The words between a date ending at ``end`` and an anaphor at ``start`` close the
    date's clause and open an aside, maybe with the preposition spans leave out ("à la
    veille"); "said" when a word saying what the date is opens it ("soit", "that is")."""
    i = text.rfind(",", end, start)
    if i < 0 or not _APPOSITION.fullmatch(text, end, i + 1):
        return False
    j = i + 1
    while j < start and text[j] in " \t":
        j += 1
    if j == start:
        return True
    said = vocab.apposition_regex.match(text, j) if vocab.apposition_regex else None
    if said is not None and said.end() == start and text[end:i].strip() == "":
        return "said"
    skip = vocab.span_skip.match(text, j) if vocab.span_skip else None
    return skip is not None and skip.end() == start


_WORD_NEXT = re.compile(r"[ \t]*([^\W\d_]+['’]?)")  # no punctuation before it


_EVENT_WORDS = re.compile(r"[^\d,;:.!?()\n\"«»“”]{0,60}")


def _dated_event(anaphor: Candidate, c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """The anaphor counts from a happening whose words, with no verb nor punctuation, end
    at the date ``c``: the happening's date."""
    if not _counts_from_event(anaphor, text, vocab) or not _EVENT_WORDS.fullmatch(
            text, anaphor.end, c.start):
        return False
    return vocab.tense_regex is None or not vocab.tense_regex.search(text, anaphor.end, c.start)


def _counts_from_event(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """An anaphor linked to words that are no date counts from a happening ("the day before
    the election", "la veille de la session"), not from a date. Words that open another
    phrase are no such link ("the day before and", "the day before in Paris")."""
    if c.kind != "anaphor" or c.inner is not None:
        return False
    tokens = _TOKEN.findall(c.g("ana") or "")
    pos = c.end
    if not (tokens and key(tokens[-1]) in vocab.anchor_links):  # the link follows it
        m = _WORD_NEXT.match(text, pos)
        if not (m and key(m.group(1)) in vocab.anchor_links):
            return False
        pos = m.end()
    m = _WORD_NEXT.match(text, pos)
    return bool(m) and key(m.group(1)) not in vocab.anaphor_followers


def _start_positions(text: str, start: int, end: int,
                     vocab: Vocabulary) -> list[tuple[int, tuple[int, ...]]]:
    """Word starts where a match may begin, each with the patterns it may begin.

    A match is a chain of data words and numbers with only punctuation or spaces between
    them, holding at least one core token (a number, a month, a unit...). So a start is a
    word a pattern may begin with, from which such a chain reaches a core token within
    LOOK_BEHIND characters."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowered: keep offsets exact
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    hits = [
        (m.start(), m.end(), m.group("core") is not None)
        for m in vocab.token_regex.finditer(low, start, end)
    ]
    out = []
    reach = None  # the core reachable from the hit after the current one
    next_start = None
    wordchar = _WORDCHAR.search
    patterns_for = vocab.patterns_for
    for pos, stop, is_core in reversed(hits):
        if is_core:
            reach = pos
        elif reach is None or reach - pos > LOOK_BEHIND or wordchar(low, stop, next_start):
            reach = None
        if reach is not None:
            tried = patterns_for(low[pos:stop])
            if tried:
                out.append((pos, tried))
        next_start = pos
    out.reverse()
    return out


def _followed_ok(text: str, end: int, vocab: Vocabulary) -> bool:
    rest = text[end : end + 20]
    stripped = rest.lstrip()
    if not stripped:
        return True
    if stripped[0] in ',.;:)»"”/-–!?':
        return True
    word = re.match(r"[\w'’-]+", stripped)
    return bool(word) and key(word.group(0)) in vocab.year_followers_ok


_WORD_BEFORE = re.compile(r"([^\s(\[\"“`']+)\s*$")
_WORD_AFTER = re.compile(r"\s*([\w-]+)")


def _bare_year_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A year written alone: not a count ("1500 people"), not a name or a number
    ("Resolution 1973", "$1990"); a capitalised word before it must be a determiner (a
    possessive is one) or open the sentence."""
    before = _WORD_BEFORE.search(text, max(0, c.start - 30), c.start)
    if before:
        word = before.group(1)
        low = key(word)
        if low in vocab.bare_year_not_after or word[-1:] in "$#€£":
            return False
        sentence_end = re.search(r"[.!?:;,]$|^[-—–]+$", word)
        # a possessive is a determiner: "Georgia's 2003 Rose Revolution"
        determiner = low in vocab.bare_year_determiners or re.search(r"\w['’]s$", word)
        if word[:1].isupper() and not determiner and not sentence_end:
            return False
    after = _WORD_AFTER.match(text, c.end)
    return not (after and key(after.group(1)) in vocab.bare_year_not_before)


def accept(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """Context checks that the regex alone cannot make: the ones every candidate passes,
    then those of its kind (a year, a range of years), else the checks of the groups it
    holds (a month, a season, a duration)."""
    if _inside_word(c, text) or not _year_digits_ok(c, text):
        return False
    if c.kind == "year" and "bare" in c.groups:
        return _bare_year_ok(c, text, vocab)
    check = _KIND_CHECKS.get(c.kind)
    if check is not None:
        return check(c, text, vocab)
    return all(check(c, text, vocab) for check in _GROUP_CHECKS)


def _inside_word(c: Candidate, text: str) -> bool:
    """A part starts inside a word: "Enmars", "finmai"."""
    return any(s > 0 and text[s - 1].isalnum() and text[s].isalnum()
               for _, s, _e in c.groups.values())


def _year_digits_ok(c: Candidate, text: str) -> bool:
    """A year's digits are no part of a larger number ("1 500", "12.2000"; not
    "24.11.2022", where the month comes first) nor a percentage."""
    ys = c.groups.get("y")
    if not ys or c.kind not in ("year", "years") and "y" not in c.groups:
        return True
    if "mn" not in c.groups and _DIGITS_BEFORE.search(text[max(0, ys[1] - 2) : ys[1]]):
        return False
    return not re.match(r"\s*%", text[ys[2] : ys[2] + 3])


def _year_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A year after a weak word needs a follower that closes it; after an article, a
    common noun ("the 1987 crash"), never a round number ("the 2000 Israeli tourists")."""
    g = c.groups
    pre = key(g["pre"][0]) if "pre" in g else ""
    if pre in vocab.year_weak_prefixes and not _followed_ok(text, c.end, vocab):
        return False
    if pre in vocab.year_article_prefixes:
        y = g["y"][0]
        if y.endswith("00") or not re.match(
            r"\s*(?:[^\W\d_]*[a-zà-ÿ]|[,.;:)])", text[c.end : c.end + 3]
        ):
            return False
    return True


def _years_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A range of years is no part of a longer number or date."""
    before = text[max(0, c.start - 1) : c.start]
    return not (before and (before.isdigit() or before in "/-."))


_AFTER_NAME = re.compile(r"\b[A-ZÀ-Ý][\w'’-]*[ \t]+$")


def _month_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A month word that is also a common word ("may", "march") needs context, and a
    capital where months take one; after "de", "of" it must be written as a month is ("de
    mars", not "of May")."""
    g = c.groups
    if c.kind != "date" or "m" not in g or g.keys() & {"d", "y"}:
        return True
    weak = key(g["m"][0]) in vocab.months_need_context
    # where months take a capital, a weak one without it is the common word: "this march"
    if weak and vocab.months_capitalised and g["m"][0][:1].islower():
        return False
    if g.keys() & {"mod", "rel", "same", "nth", "wkn"}:
        return True
    if not g.keys() & {"pre", "dl", "mn"}:
        if _after_month(c, text, vocab):  # "between March and May": the next of a range
            return True
        # after a capitalised word, a capitalised month alone ends a name: "Truong Thi Mai"
        return not weak and not (g["m"][0][:1].isupper() and _AFTER_NAME.search(
            text, max(0, c.start - 30), c.start))
    if "pre" in g and key(g["pre"][0]) in ("de", "d'", "of") and weak:
        return not g["m"][0][:1].isupper()
    return True


def _after_month(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A month word and a link of a list or range ("and", "to") end right before ``c``."""
    rx = vocab.coordination_regex
    return bool(rx) and any(
        key(w.group(0)) in vocab.months and rx.fullmatch(text, w.end(), c.start)
        for w in list(_WORD.finditer(text, max(0, c.start - 30), c.start))[-3:])


_WORD = re.compile(r"\w+")


def _season_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A season word is a date with a year, a relative word or a modifier; else not as an
    attribute ("Jeux d'hiver", "heure d'été"), and the ones that are also common words
    need a preposition or an article ("the fall of Kabul" is no date)."""
    g = c.groups
    if "season" not in g or g.keys() & {"y", "yw", "rel", "mod", "nth"}:
        return True
    word, start = g["season"][0], g["season"][1]
    if "pre" not in g and "art" in g:
        return key(word) not in vocab.seasons_article_not_enough
    if re.search(r"(?:\b(?:d['’]|de|of)|-)\s*$", text[max(0, start - 4) : start], re.I):
        return False
    if "pre" not in g and key(word) in vocab.seasons_need_context:
        return bool(vocab.seasons_capital_ok and word[:1].isupper())
    return True


def _duration_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A count of years after a comma or an age word of the data file ("âgé de", "aged")
    is an age: "Florian, 26 ans"."""
    g = c.groups
    if c.kind != "duration" or "n" not in g:
        return True
    if vocab.units.get(key(g["u"][0]), "") != "Y":
        return True
    before = text[max(0, c.start - 16) : c.start]
    return not (before.rstrip().endswith(",")
                or vocab.age_regex is not None and vocab.age_regex.search(before))


def _decade_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A decade of two digits after a possessive is an age: "in his 30s", "her early 40s"."""
    dec = c.groups.get("dec")
    if not dec or not vocab.decade_not_after or len(dec[0].strip("'’")) != 2:
        return True
    words = [key(w) for w in re.findall(r"[\w'’-]+", text[max(0, c.start - 24):c.start])]
    last = words[-2:] if words[-1:] and words[-1] in vocab.modifiers else words[-1:]
    return not (last and last[0] in vocab.decade_not_after)


def _ref_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A reference word opening a sentence before a comma is a discourse marker: "Now, he
    says, ..." turns to the next point; "now," inside a sentence is the present. A
    reference with a capital inside a sentence is part of a name: "the Future Investment
    Initiative", "le collectif À présent"."""
    ref = c.groups.get("ref")
    if not ref:
        return True
    words = ref[0].split()
    if any(w[:1].isupper() for w in words[1:]) or (
            words and words[0][:1].isupper() and _MID_SENTENCE.search(text, 0, ref[1])):
        return False
    if key(ref[0]) not in vocab.ref_discourse or not ref[0][:1].isupper():
        return True
    return not text.startswith(",", c.end)


_MID_SENTENCE = re.compile(r"[\w,;'’-][ \t]*$")  # a word or a comma right before


def _deictic_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """"today", "tomorrow" naming an age are no day: "today's youth", "the people of
    tomorrow", "le monde d'aujourd'hui"."""
    if "deic" not in c.groups or vocab.generic_deictic_regex is None:
        return True
    m = vocab.generic_deictic_regex.search(text, max(0, c.start - 40), c.end + 60)
    return not (m and m.start() <= c.start and c.end <= m.end())


# after a national holiday: a day it is given ("le 12 mars", "on March 12"), the country
# it is of ("du Qatar", "of Ghana") or a nationality ("chinoise", "Indian")
_OTHER_NATION = re.compile(
    r",?\s+(?:(?:le|on|du|de|des|of)\s+|d['’])?(?:\d|[A-ZÀ-Ý])"
    r"|\s+[a-zà-ÿ]+(?:ien|ienne|ais|aise|ois|oise|ain|aine|ique|ese)\b")


# before it: a country's possessive ("Ghana's") or a nationality ("the Indian")
_NATION_BEFORE = re.compile(r"\w['’]s\s+$|\b[A-ZÀ-Ý][a-zà-ÿ]+(?:ian|ese|an|ish|i|ic)\s+$")
_NAME_HYPHEN = re.compile(r"\b[A-ZÀ-Ý][\w'’]*-$")  # "Jean-" of "Jean-Noël"


_LAST_WORD = re.compile(r"(?<![^\W\d_])[A-ZÀ-Ý][^\W\d_]*$")  # capitalised


def _holiday_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A holiday word is no part of a name ("Jean-Noël"), and has its capital where the word
    is a common noun too ("l'ascension au pouvoir"); a national day without its year
    is the table's country's only when no other country's is meant ("la fête nationale le
    12 mars", "la fête nationale chinoise", "Ghana's Independence Day")."""
    hol = c.groups.get("hol")
    if not hol:
        return True
    if _NAME_HYPHEN.search(text, max(0, c.start - 30), c.start):
        return False
    if key(hol[0]) in vocab.holidays_capitalised and not _LAST_WORD.search(hol[0]):
        return False
    if key(hol[0]) not in vocab.national_holidays or "y" in c.groups:
        return True
    return not (_OTHER_NATION.match(text, c.end)
                or _NATION_BEFORE.search(text, max(0, c.start - 30), c.start))


_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _title_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A relative phrase in capitals inside a sentence is a name: a programme, "ABC's
    \"This Week\""; a paper, "USA Today", "Maroc Aujourd'hui" (one word: after a name or
    a possessive, "BBC Radio 4's Today programme")."""
    if c.kind not in ("deictic", "relunit"):
        return True
    words = _WORD.findall(text, c.start, c.end)
    if not words or not all(w[:1].isupper() for w in words):
        return True
    if len(words) > 1:
        before = text[max(0, c.start - 40):c.start].rstrip(" \"“'`«")
        return not before or before[-1:] in ".!?:\n"
    return not (_AFTER_NAME.search(text, max(0, c.start - 30), c.start)
                or _AFTER_POSSESSIVE.search(text, max(0, c.start - 30), c.start))


_AFTER_POSSESSIVE = re.compile(r"\w['’]s[ \t]+$")


def _day_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A day number alone is a date only after a month named earlier in its sentence ("le
    15 mars, ... puis en Centrafrique, le 30"), not an address ("devant le 10, rue")."""
    left = max(text.rfind(ch, max(0, c.start - 200), c.start) for ch in ".!?\n")
    return any(key(w) in vocab.months for w in _WORD.findall(text, left + 1, c.start))


def _weekday_ok(c: Candidate, text: str, vocab: Vocabulary) -> bool:
    """A weekday alone before a capitalised word, after another one inside a sentence or
    after an article, is part of a name: "the Zimbabwe Sunday Mail", "the Sunday Times";
    not "On Sunday Mr Mugabe said" nor "Sunday March 8"."""
    if "wd" not in c.groups or c.groups.keys() - {"wd", "pre"}:
        return True
    after = _WORD_AFTER_CAP.match(text, c.end)
    if not after or key(after.group(1)) in vocab.months:
        return True
    if _NAME_BEFORE.search(text, max(0, c.start - 40), c.start):
        return False
    article = _WORD_BEFORE.search(text, max(0, c.start - 30), c.start)
    return not (article and key(article.group(1)) in vocab.definite_articles)


_NAME_BEFORE = re.compile(r"[\w,][ \t]+[A-ZÀ-Ý][\w'’-]*[ \t]+$")  # a capital, not opening
_WORD_AFTER_CAP = re.compile(r"[ \t]+([A-ZÀ-Ý][^\W\d_]+)")


_KIND_CHECKS = {"year": _year_ok, "years": _years_ok, "day": _day_ok, "weekday": _weekday_ok}
_GROUP_CHECKS = (_month_ok, _season_ok, _duration_ok, _decade_ok, _ref_ok, _deictic_ok,
                 _title_ok, _holiday_ok)
