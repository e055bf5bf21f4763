"""Tense of the clause around a temporal expression.

In: the text, the span of the expression, the bounds of its clause (the sentence holding
it, as ``pipeline.segment`` found it, up to a semicolon), the language's
:class:`Vocabulary` (its tense cues are regular expressions in the data file). Out:
"past", "future", "scheduled" (a weekday's present of an event) or None.

The cue nearest to the expression
decides, because a sentence often mixes a past reporting verb with a planned event
("a annoncé qu'il se rendra le 16 juillet").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .vocabulary import TENSES, Vocabulary, key, plain_word

if TYPE_CHECKING:
    from ..segment import SentenceIndex

CLAUSE_STOPS = ";"  # a semicolon joins two clauses, each with its own tense
# a dateline: a paragraph opening with a place in capitals (or nothing) and a comma, then
# the date, then the agency in brackets or a dash: "RABAT, 12 août (MAP) -", "Sep 23 -"
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’/-]*[A-ZÀ-Ý.],?[ \t]+)?$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[-–—]")
_ORDER = {name: i for i, name in enumerate(TENSES)}  # a tie goes to the first
CUE_REACH = 80  # a verb further away than this usually belongs to another clause


def clause_tense(text: str, start: int, end: int, clause: tuple[int, int],
                 vocab: Vocabulary, weekday: bool = False) -> str | None:
    """ "past", "future" or None (present, or no cue) for the span, inside ``clause``.
    For a ``weekday``, also "scheduled" (the present of an event), and with no cue near, a
    future further back in the clause decides. A participle right before the span makes
    it past whatever the cues say ("les pourparlers, entamés lundi, s'achèveront
    vendredi")."""
    tense = _cue_tense(text, start, end, clause, vocab, weekday)
    if tense != "past":
        at = _participle_at(text, start, vocab)
        if at is not None and not _other_cue(text, at, vocab):
            return "past"
    return tense


def _cue_tense(text: str, start: int, end: int, clause: tuple[int, int],
               vocab: Vocabulary, weekday: bool) -> str | None:
    """The tense the cues around the span give it (see :func:`clause_tense`)."""
    regex = vocab.tense_regex
    if regex is None:
        return None
    left, right = clause
    # a cleft's verb is no cue, its "que" no complement: "c'est mercredi qu'aura lieu"
    cleft = _after(vocab.cleft_regex, text, start)
    # "on Oct. 23 that Sudan would": not its tense
    if vocab.complementizer_regex is not None and not cleft:
        m = vocab.complementizer_regex.search(text, end, min(right, end + CUE_REACH))
        right = m.start() if m else right
    best: tuple[int, int, str, bool] | None = None
    before_best = None
    for region_start, region_end, after in (
        (start if cleft else max(left, start - CUE_REACH), start, False),
        (end, min(right, end + CUE_REACH), True),
    ):
        before_best = best if after else None
        for m in _cues(text, region_start, region_end, vocab):
            name = m.lastgroup or ""
            # "will stay until Friday, the ministry said": the verb before dates it
            if after and _reports(text, end, m.start(), vocab) and regex.search(text, left, start):
                continue
            if after and key(m.group(0)) in vocab.before_only:  # "June 12, and the upcoming"
                continue
            # "is on Wednesday expected to", "est mercredi attendu": a verb group the date
            # splits is dated by its participle, right after the date, not its auxiliary
            # (no more than a preposition between the auxiliary and the date)
            if (after and best is not None and not best[3] and best[2] == "present"
                    and best[0] <= 4 and m.start() - end <= 1 and name != "present"):
                best = (0, _ORDER.get(name, len(_ORDER)), name, True)
                break
            # a cue after the expression counts a bit less than one before it
            weight = (m.start() - end + 15) if after else (start - m.end())
            if weight > CUE_REACH or weight < 0 and not after:
                if after:
                    break
                continue
            if name == "planned":  # any other cue near is the clause's verb
                weight += CUE_REACH
            rank = (weight, _ORDER.get(name, len(_ORDER)), name, after)
            if best is None or rank[:2] < best[:2]:
                best = rank
            if after and name != "planned":
                break  # the cues further on weigh more: none can do better
    if best is not None and best[3] and not cleft and _reported_at(
            text, max(left, start - CUE_REACH), start, vocab):
        best = before_best  # "said in an interview on Friday there would be": the saying's day
    if best is None:
        if _FRONTED.fullmatch(text, left, start):
            return _main_verb(text, end, clause[1], vocab)
        return _far_future(text, left, start, vocab) if weekday else None
    reading = _reading(best[2], best[3], weekday)
    if reading == "scheduled" and any(m.lastgroup in ("future", "planned") for m in _cues(
            text, left, start, vocab)):
        return "future"  # "will attend the opening before Luxon, who arrives on Tuesday"
    return reading


def participle_before(text: str, start: int, vocab: Vocabulary) -> bool:
    """A past participle on a noun right before the date at ``start`` ("les pourparlers,
    entamés lundi", "l'attaque perpétrée le 4 mars"): not after an auxiliary ("a signé le
    4 mars", "sera signé lundi"), nor a noun after its determiner ("la société", "une
    tournée", "l'armée"), nor a name ("à Yaoundé vendredi")."""
    return _participle_at(text, start, vocab) is not None


def _participle_at(text: str, start: int, vocab: Vocabulary) -> int | None:
    """Where the participle of :func:`participle_before` begins, if there is one."""
    rx = vocab.aside_regex
    m = rx.search(text, max(0, start - 24), start) if rx is not None else None
    if not m or m.start() > 0 and text[m.start() - 1] in "'’":
        return None
    before = text[max(0, m.start() - 3):m.start()].rstrip(" «\"“")
    if text[m.start()].isupper() and before and before[-1] not in ".!?:\n":
        return None  # a name inside a sentence: "à Yaoundé vendredi"
    words = text[max(0, m.start() - 30):m.start()].split()[-3:]
    if any(plain_word(w) in vocab.aside_auxiliaries for w in words):
        return None
    if words and plain_word(words[-1]) in vocab.aside_not_after:
        return None
    return m.start()


def _other_cue(text: str, at: int, vocab: Vocabulary) -> bool:
    """The participle at ``at`` is a cue of a plan or of what is to come ("la réunion
    programmée le 3 mars")."""
    cue = vocab.tense_regex.match(text, at) if vocab.tense_regex is not None else None
    return bool(cue) and cue.lastgroup != "past"


def _reading(name: str | None, after: bool, weekday: bool) -> str | None:
    """The tense a cue named ``name`` gives a date it comes ``after`` or not: none for a
    present (for a present of an event, none but to a ``weekday``), and a verb of intent
    dates what is intended ahead of it, and is a past behind it."""
    if name == "present" or name == "scheduled" and not weekday:
        return None
    if name == "intent":
        return "past" if after else "future"
    return "future" if name == "planned" else name


def coordinated(text: str, prev_end: int, start: int, vocab: Vocabulary) -> bool:
    """The expression at ``start`` follows the one ending at ``prev_end`` in a list or a
    range ("on Monday and Tuesday", "entre la fin janvier et le début du mois de février"):
    with no verb of its own near, it is read in that one's future."""
    rx = vocab.coordination_regex
    return bool(rx and rx.fullmatch(text, prev_end, start))


def _reports(text: str, end: int, cue: int, vocab: Vocabulary) -> bool:
    """The cue at ``cue`` reports the sentence, past a comma after the date (and a verb
    before the date is the one that dates it)."""
    rx = vocab.reporting_regex
    return bool(rx and rx.match(text, cue) and "," in text[end:cue])


def _reported_at(text: str, a: int, start: int, vocab: Vocabulary) -> bool:
    """A reporting verb in ``text[a:start]`` with nothing after it but phrases its link
    words open ("said in a radio interview on"): the date is when it was said, and what
    follows is what was said."""
    rx, links = vocab.reporting_regex, vocab.report_links
    verbs = list(rx.finditer(text, a, start)) if rx is not None and links else []
    if not verbs:
        return False
    between = text[verbs[-1].end():start]  # after the verb nearest the date
    words = between.split()
    return not words or key(words[0]) in links and not _PUNCT.search(between)


_PUNCT = re.compile(r"[,;:\"“”«»()]")


def cue_in(text: str, a: int, b: int, vocab: Vocabulary) -> bool:
    """A tense cue, of any tense (a present one too: "indique dimanche"), in ``text[a:b]``."""
    return vocab.tense_regex is not None and vocab.tense_regex.search(text, a, b) is not None


def looks_ahead(text: str, a: int, b: int, vocab: Vocabulary) -> bool:
    """The last cue of ``text[a:b]`` is a future, a plan or an intent: what follows it is
    ahead of it."""
    return vocab.tense_regex is not None and _far_future(text, a, b, vocab) == "future"


def _far_future(text: str, left: int, start: int, vocab: Vocabulary) -> str | None:
    """"future" if the last cue of the clause before ``start`` (none is near) is a future.
    A long clause opened by a future keeps it up to its dates ("Lee will stay at Blair
    House, the official state guesthouse ... in front of the White House, Wednesday
    through Thursday"); a past there is no more than a day's default reading."""
    last = None
    for m in _cues(text, left, start, vocab):
        last = m.lastgroup
    return "future" if last in ("future", "intent", "planned") else None


# a date opening its sentence, after no more than a preposition: "In January, a week after
# the anniversary of the Supreme Court decision, a bomb exploded"
_FRONTED = re.compile(r"[\s\W]*(?:\w+\s+){0,2}")


def _main_verb(text: str, end: int, right: int, vocab: Vocabulary) -> str | None:
    """The tense of the first verb after a date that opens its sentence, however far: a
    fronted date is the whole sentence's, and its main verb follows the adjuncts."""
    m = next(_cues(text, end, right, vocab), None)
    return _reading(m.lastgroup, True, False) if m else None


def _cues(text: str, a: int, b: int, vocab: Vocabulary) -> Iterator[re.Match]:
    """The tense cues of ``text[a:b]`` that are verbs (none after "a hastily")."""
    not_a_verb = vocab.not_a_verb_regex
    for m in vocab.tense_regex.finditer(text, a, b):
        if not (not_a_verb and not_a_verb.search(text, max(0, m.start() - 40), m.start())):
            yield m


# quotation marks, opening and closing: a quote has the tense of its own words, not the
# reporting verb's ("« Nous nous reverrons en septembre », a déclaré le ministre")
# a straight mark may open or close a curly one in copy edited by hand ("Today, I ...,” he said)
QUOTES = (("«", "»"), ("“", "”"), ("``", "''"), ('"', '"'), ('"', "”"), ("“", '"'))


def quote_around(text: str, start: int, end: int, clause: tuple[int, int]) -> tuple[int, int]:
    """The inside of the quotation holding the span within ``clause``, else the clause."""
    left, right = clause
    for opening, closing in QUOTES:
        i = text.rfind(opening, left, start)
        if i < 0 or opening == closing and text.count(opening, left, start) % 2 == 0:
            continue
        if opening != closing and text.find(closing, i, start) >= 0:
            continue
        j = text.find(closing, end, right)
        if j >= 0:
            return i + len(opening), j
    return clause


def set_as_deadline(text: str, start: int, vocab: Vocabulary) -> bool:
    """A deadline word ends right at ``start`` ("by", "d'ici"): the date is set, and a past
    verb of its clause does not date it."""
    return _after(vocab.deadline_regex, text, start)


def _after(rx: re.Pattern | None, text: str, start: int) -> bool:
    """Words of the prefix regex ``rx`` end right at ``start``."""
    return bool(rx and rx.search(text, max(0, start - 32), start))


def _since(text: str, lead: int, vocab: Vocabulary) -> bool:
    """"since", "depuis" right before the date, or opening a phrase with no verb that ends
    at it: "since Trump's inauguration on Jan. 20", "depuis l'investiture de Donald Trump
    le 20 janvier"."""
    rx = vocab.since_regex
    m = rx and rx.search(text, max(0, lead - 70), lead)
    return bool(m) and next(_cues(text, m.start(), lead, vocab), None) is None


def in_dateline(text: str, start: int, end: int) -> bool:
    """The span is the date of a dateline: the day the story was filed, on or before the
    article date whatever the tense of what follows."""
    return bool(_DATELINE_AFTER.match(text, end)
                and _DATELINE_BEFORE.search(text, max(0, start - 40), start))


def tense_of(text: str, start: int, end: int, lead: int, index: SentenceIndex,
             vocab: Vocabulary, weekday: bool = False) -> str | None:
    """The tense ``text[start:end]`` is read in: its clause's (its quotation's, inside
    one; see :func:`clause_tense` for a ``weekday``), except for a deadline
    (``lead``: where the words before it end), read in none, and a dateline or a date
    after "since", "depuis" (right after, or ending a phrase they open), always past."""
    if in_dateline(text, start, end) or _since(text, lead, vocab):
        return "past"
    clause = quote_around(text, start, end, index.around(start, end, CLAUSE_STOPS))
    # only a weekday looks that far: a day read a week late is the cost of a wrong
    # future, where a month or a date would move a year ("would ... by Jan. 14")
    tense = clause_tense(text, start, end, clause, vocab, weekday)
    lead = _before_clock(text, lead)
    if not set_as_deadline(text, lead, vocab):
        return tense
    given = vocab.deadline_verb_regex
    if given is not None and given.search(text, max(clause[0], lead - CUE_REACH), lead):
        return "future"  # a deadline given: ahead of the giving
    return None if tense == "past" else tense


# a clock time between the deadline word and the day: "until 9 a.m. EST Tuesday"
_CLOCK_BEFORE = re.compile(r"\b\d{1,2}(?:[:.h]\d\d)?\s*(?:[aApP]\.?[mM]\.?|h|heures?)"
                           r"(?:\s+[A-Z]{2,4})?\s*$")


def _before_clock(text: str, lead: int) -> int:
    m = _CLOCK_BEFORE.search(text, max(0, lead - 24), lead)
    return m.start() if m else lead
