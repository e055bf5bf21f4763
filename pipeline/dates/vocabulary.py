"""Per-language temporal vocabulary, loaded from ``pipeline/data/dates/<lang>.yaml``.

In: a language code ("fr", "en", ...). Out: a :class:`Vocabulary` holding the word tables
(months, weekdays, units, modifiers, relative and anaphoric words...) keyed by
:func:`key`, the compiled tense cues, and the language's patterns, each compiled with the
words it may begin with, so that a word start is only tried with the patterns it may open.

Adding a language means adding a data file: the patterns and words live there, this
module only fills the ``{SLOTS}`` of the patterns and compiles them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from pipeline.errors import DataFileError
from pipeline.vocab import check_keys, line_of, read_yaml, shown

from .locales import from_locale, locale_info
from .pattern_starts import ANY_END, DIGITS, first_words

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "dates"
FALLBACK_LANG = "en"
APOSTROPHE = "['’ʼ]"


def plain_word(word: str) -> str:
    """A word lowercased with a straight apostrophe, its accents kept."""
    return word.lower().replace("’", "'")


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Lookup key of a word or phrase: case, accents, apostrophe style and spacing ignored."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’ʼ]\s*", "'", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _char_regex(ch: str) -> str:
    if ch.isspace():
        return r"\s+"
    if ch in "'’ʼ":
        return APOSTROPHE + r"\s*"
    if ch == "-":
        return r"\s*[-‐–]\s*"
    return re.escape(ch)


def phrase_regex(phrase: str) -> str:
    """Regex for a data phrase: flexible spaces, apostrophes and hyphens, literal otherwise."""
    return "".join(_char_regex(ch) for ch in re.sub(r"\s+", " ", phrase.strip()))


def trie_regex(words) -> str:
    """A regex matching exactly ``words`` (data phrases), factored as a trie so that it
    fails fast: the engine never compares the same prefix twice. Longer readings win."""
    trie: dict = {}
    for w in words:
        w = re.sub(r"\s+", " ", str(w).strip().lower())
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [_char_regex(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + walk(trie) + ")" if trie else "(?!)"


def alternation(phrases) -> str:
    """One non-capturing alternation of data phrases."""
    return trie_regex({str(p) for p in phrases if p})


@dataclass
class Vocabulary:
    lang: str
    months: dict[str, int] = field(default_factory=dict)
    months_need_context: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    vague_numbers: set[str] = field(default_factory=set)
    ordinals: dict[str, int] = field(default_factory=dict)
    day_words: dict[str, int] = field(default_factory=dict)  # "six", "sixth": a day spelled
    units: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    seasons_need_context: set[str] = field(default_factory=set)
    seasons_capital_ok: bool = False
    months_capitalised: bool = False
    seasons_article_not_enough: set[str] = field(default_factory=set)
    definite_articles: set[str] = field(default_factory=set)  # "the summer": one summer
    superlatives: set[str] = field(default_factory=set)  # "the first ... in a decade"
    eve_prepositions: set[str] = field(default_factory=set)  # "à la veille d'un sommet"
    modifiers: dict[str, str] = field(default_factory=dict)
    relative: dict[str, int] = field(default_factory=dict)
    relative_anaphoric: dict[str, int] = field(default_factory=dict)
    deictic: dict[str, list] = field(default_factory=dict)
    anaphoric: dict[str, list] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    decades: dict[str, int] = field(default_factory=dict)  # "nineties": 90
    # a year in words: "nineteen" 1900, "two thousand" 2000, then "ninety-six" 90 + 6
    year_centuries: dict[str, int] = field(default_factory=dict)
    year_words: dict[str, int] = field(default_factory=dict)
    year_back: set[str] = field(default_factory=set)  # "a year earlier": a quarter back
    holidays: dict[str, str] = field(default_factory=dict)
    year_prefixes: set[str] = field(default_factory=set)
    year_weak_prefixes: set[str] = field(default_factory=set)
    year_followers_ok: set[str] = field(default_factory=set)
    year_article_prefixes: set[str] = field(default_factory=set)
    bare_year_not_before: set[str] = field(default_factory=set)  # "1500 people"
    bare_year_determiners: set[str] = field(default_factory=set)  # "a 1996 law"
    bare_year_not_after: set[str] = field(default_factory=set)  # "$1990", "No. 1990"
    decade_not_after: set[str] = field(default_factory=set)  # "his 30s": an age
    ref_discourse: set[str] = field(default_factory=set)  # "Now, ...": opens a turn
    # the words opening a phrase between a reporting verb and its date ("said in an
    # interview on Friday")
    report_links: set[str] = field(default_factory=set)
    # a holiday every country has a day of ("Independence Day", "la fête nationale")
    national_holidays: set[str] = field(default_factory=set)
    holidays_capitalised: set[str] = field(default_factory=set)  # "l'Ascension", no rise
    # between "the day after" and the date it counts from ("the day after Christmas")
    anchor_links: set[str] = field(default_factory=set)
    # words after "the day before" that open another phrase, no happening it counts from
    anaphor_followers: set[str] = field(default_factory=set)
    year_prefixes_in_span: set[str] = field(default_factory=set)
    span_skip: re.Pattern | None = None  # a leading preposition kept out of spans
    numeric_order: str = "dmy"
    tense_cues: list[tuple[str, re.Pattern]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    # the patterns, each compiled alone, tried in order: the first that matches wins
    patterns: list[re.Pattern] = field(default_factory=list)
    # the words each pattern may begin with (``pattern_starts.first_words``), split once
    # into the words themselves and the prefixes of any word ("début*"); None: any word
    first_words: list[tuple[frozenset[str], tuple[str, ...]] | None] = field(
        default_factory=list)
    day_regex: re.Pattern | None = None
    core_tokens: set[str] = field(default_factory=set)
    token_regex: re.Pattern | None = None
    group_names: list[list[tuple[str, str]]] = field(default_factory=list)
    tense_regex: re.Pattern | None = None
    # what makes a cue word no verb when it ends right before it ("a hastily planned trip")
    not_a_verb_regex: re.Pattern | None = None
    # cues that only ever date what follows them ("upcoming"): after a date, another phrase's
    before_only: set[str] = field(default_factory=set)
    complementizer_regex: re.Pattern | None = None  # "that", "que": a complement clause opens
    background_regex: re.Pattern | None = None  # "depuis", "since": a background date
    deadline_regex: re.Pattern | None = None  # "by", "d'ici": a date set, not a date gone
    # "given", "reporté": a verb setting a deadline, which lies ahead of the setting
    deadline_verb_regex: re.Pattern | None = None
    # "said", "a indiqué", "according to": a verb that reports the sentence it closes
    reporting_regex: re.Pattern | None = None
    coordination_regex: re.Pattern | None = None  # " et ", " and the": the next list item
    generic_deictic_regex: re.Pattern | None = None  # "today's youth": an age, no day
    # a participle right before a date, "l'attaque perpétrée le 4 mars": an aside
    aside_regex: re.Pattern | None = None
    # the auxiliaries that make it a verb ("a signé le 4 mars"), as written: "a" is not "à"
    aside_auxiliaries: set[str] = field(default_factory=set)
    aside_not_after: set[str] = field(default_factory=set)
    # "since", "depuis" right before a date, or opening a phrase that ends at it ("since
    # Trump's inauguration on Jan. 20"): a date gone
    since_regex: re.Pattern | None = None
    cleft_regex: re.Pattern | None = None  # "c'est", "it was": the "que" after is no clause
    range_regex: re.Pattern | None = None  # "between", "du": the first day of a range follows
    apposition_regex: re.Pattern | None = None  # ", soit la veille": what the date before is
    frame_regex: re.Pattern | None = None  # "En", "In": a sentence-opening year frame
    age_regex: re.Pattern | None = None  # "aged", "âgé de": a count of years is an age
    _patterns_for: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def patterns_for(self, word: str) -> tuple[int, ...]:
        """The patterns (indices, in order) a match beginning with ``word`` (lower case)
        may be of: a start is tried with these only."""
        found = self._patterns_for.get(word)
        if found is None:
            k = DIGITS if word[:1].isdigit() else word
            found = tuple(i for i, first in enumerate(self.first_words)
                          if first is None or k in first[0] or word.startswith(first[1]))
            self._patterns_for[word] = found
        return found

    def number(self, word: str) -> int | None:
        """Integer value of a digit string or number word; None for vague quantities."""
        k = key(word)
        if k.isdigit():
            return int(k)
        return self.numbers.get(k)


def _invert(table: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for value, words in (table or {}).items():
        for w in words:
            out[key(w)] = int(value)
    return out


def data_path(lang: str) -> Path:
    return DATA_DIR / f"{lang}.yaml"


def available_languages() -> list[str]:
    return sorted(p.stem for p in DATA_DIR.glob("*.yaml"))


@cache
def load(lang: str) -> Vocabulary:
    """The vocabulary of ``lang``: its data file; without one, made from dateparser's
    locale data (``locales``); for a language dateparser does not know either, the
    fallback language's."""
    path = data_path(lang or FALLBACK_LANG)
    if path.exists():
        data = read_yaml(path)
        check(data, f"dates/{path.name}")
        info = locale_info(lang) if data.get("base") == "dateparser" else None
        return _built(overlay(from_locale(lang, info), data) if info else data, path)
    info = locale_info(lang) if lang else None
    if info is not None:
        return build(from_locale(lang, info))
    path = data_path(FALLBACK_LANG)
    return _built(read_yaml(path), path)


def _built(data: dict, path: Path) -> Vocabulary:
    """``build``, with a pattern that does not compile reported against its data file."""
    try:
        return build(data)
    except re.error as err:
        around = (err.pattern or "")[max(0, (err.pos or 0) - 40):(err.pos or 0) + 20]
        raise DataFileError(f"{shown(path)}: a regular expression does not compile "
                            f"({err.msg}, near {around!r}); fix it") from err


def check(data: dict, name: str) -> None:
    """A key the data file ``pipeline/data/<name>`` has and nothing reads is an error naming
    its line: a misspelt key would silently leave its words out."""
    check_keys(name, data, _KEYS, "date vocabulary")
    check_keys(name, data.get("tense") or {}, _TENSE_KEYS, "tense cues", "tense:")
    for pattern in data.get("patterns") or []:
        check_keys(name, pattern, ("kind", "re"), "pattern", "patterns:")
    holidays = {key(h) for h in data.get("holidays") or {}}
    for word in data.get("holidays_capitalised") or []:
        if key(word) not in holidays:
            raise DataFileError(
                f"pipeline/data/{name}:{line_of(name, 'holidays_capitalised:')}: "
                f"holidays_capitalised: {word!r} is no holiday of the file's 'holidays'; "
                "add it there or remove it")


def overlay(base: dict, data: dict) -> dict:
    """A data file written on top of the vocabulary made from dateparser's locale data
    (``base: dateparser``): its tables extend the base's, its patterns come first (they
    are the more specific), its other values replace the base's."""
    out = dict(base)
    for name, value in data.items():
        if name == "patterns":
            out[name] = list(value) + list(base.get(name, []))
        elif isinstance(value, dict) and isinstance(base.get(name), dict):
            out[name] = {**base[name], **value}
        elif isinstance(value, list) and isinstance(base.get(name), list):
            out[name] = list(base[name]) + [v for v in value if v not in base[name]]
        else:
            out[name] = value
    return out


# the word tables of a data file, each with how its values are read
_TABLES = (("numbers", int), ("ordinals", int), ("day_words", int), ("units", str),
           ("seasons", str), ("modifiers", str), ("relative", int), ("relative_anaphoric", int),
           ("deictic", list), ("anaphoric", list), ("refs", str), ("decades", int),
           ("holidays", str), ("year_centuries", int), ("year_words", int))
# the word sets of a data file
_WORD_SETS = ("months_need_context", "vague_numbers", "seasons_need_context",
              "seasons_article_not_enough", "year_back", "year_prefixes", "year_weak_prefixes",
              "year_followers_ok", "year_article_prefixes", "year_prefixes_in_span",
              "bare_year_not_before", "bare_year_determiners", "bare_year_not_after",
              "decade_not_after", "ref_discourse", "anchor_links", "anaphor_followers",
              "deadline_verbs", "report_links", "national_holidays",
              "holidays_capitalised", "reporting_verbs", "definite_articles", "superlatives",
              "eve_prepositions")
# word lists compiled into a regex matching them at the end of a text ("<name>_prefixes")
_PREFIX_REGEXES = ("background", "frame", "deadline", "age", "cleft", "range")
# "since_prefixes" is compiled apart: the words may open a phrase that ends at the date
# the keys of a data file: the tables and word sets above, and these
_KEYS = frozenset((
    *(name for name, _ in _TABLES), *_WORD_SETS, *(f"{n}_prefixes" for n in _PREFIX_REGEXES),
    "since_prefixes",
    "lang", "base", "months", "weekdays", "weekdays_plural", "day", "numeric_order",
    "seasons_capital_ok", "months_capitalised", "span_skip", "tense", "complementizers",
    "raw_words", "patterns", "coordination", "generic_deictic",
    "aside_participle", "aside_auxiliaries", "aside_not_after", "core_words",
    "apposition_words",
))
# the tense cue lists, by the name the tense they mark goes by; "intent" is a past verb of
# intent before an infinitive ("agreed to restart"): it dates what is intended when the
# date follows it, and is a past when the date comes first ("In March, they agreed to ...");
# "scheduled" is a present that announces an event ("the summit opens Wednesday");
# "planned" a participle of a plan after a noun ("the summit planned for June", "le sommet
# prévu en juin"): a future where no verb of the clause is near ("had to be postponed"); it
# comes first, where the same word after an auxiliary falls to the others
TENSES = ("planned", "future", "intent", "past", "present", "scheduled")
_TENSE_KEYS = (*TENSES, "not_after", "before_only")
# keys whose words never start a match
_NOT_START_WORDS = frozenset((
    "tense", "complementizers", *(f"{n}_prefixes" for n in _PREFIX_REGEXES), "since_prefixes",
    "span_skip", "coordination", "generic_deictic", "aside_participle", "aside_auxiliaries",
    "aside_not_after", "apposition_words", "superlatives", "eve_prepositions",
    "year_followers_ok", "bare_year_not_before",
    "bare_year_determiners", "bare_year_not_after", "decade_not_after", "ref_discourse",
    "anchor_links", "anaphor_followers", "report_links", "national_holidays",
    "holidays_capitalised", "patterns", "lang",
    "day",
    "numeric_order", "base",
))
# the tables whose words a match holds (with a digit, a month or a weekday)
_CORE_TABLES = ("units", "seasons", "holidays", "deictic", "anaphoric", "refs",
                "year_centuries")


def build(data: dict) -> Vocabulary:
    """Turn the parsed data file into a :class:`Vocabulary` with its compiled regex."""
    v = Vocabulary(lang=data.get("lang", "xx"))
    v.months = _invert(data.get("months"))
    v.weekdays = _invert(data.get("weekdays"))
    for name, read in _TABLES:
        setattr(v, name, {key(k): read(x) for k, x in (data.get(name) or {}).items()})
    for name in _WORD_SETS:
        setattr(v, name, {key(str(w)) for w in data.get(name) or []})
    v.seasons_capital_ok = bool(data.get("seasons_capital_ok", False))
    v.months_capitalised = bool(data.get("months_capitalised", False))
    if data.get("span_skip"):
        v.span_skip = re.compile(data["span_skip"], re.IGNORECASE)
    v.numeric_order = data.get("numeric_order", "dmy")
    _compile_cues(v, data)
    words = _words(data)
    slots = _slots(data, words)
    _compile_patterns(v, data, slots)
    _index_tokens(v, data, words)
    return v


def _compile_cues(v: Vocabulary, data: dict) -> None:
    """The tense cues, the complementizers and the prefix word lists, as regexes."""
    tense_parts = []
    for name in TENSES:
        cues = (data.get("tense") or {}).get(name, [])
        for cue in cues:
            v.tense_cues.append((name, re.compile(cue)))
        if cues:
            tense_parts.append(f"(?P<{name}>" + "|".join(f"(?:{c})" for c in cues) + ")")
    # every cue opens a word, or is a clitic after one ("'ll"): tested once per such
    # position rather than at every word boundary by each cue (a tenth of the stage's time)
    v.tense_regex = re.compile(
        r"(?:(?<!\w)(?=\w)|(?=['’]))(?:" + "|".join(tense_parts) + ")"
    ) if tense_parts else None
    v.before_only = {key(w) for w in (data.get("tense") or {}).get("before_only") or []}
    not_after = (data.get("tense") or {}).get("not_after")
    if not_after:
        v.not_a_verb_regex = re.compile(f"(?:{not_after})$", re.IGNORECASE)
    if data.get("complementizers"):
        v.complementizer_regex = re.compile(
            r"(?<!\w)(?:" + alternation(data["complementizers"]) + r")(?:(?<=['’])|(?!\w))",
            re.IGNORECASE)
    if data.get("deadline_verbs"):
        v.deadline_verb_regex = re.compile(
            r"(?<!\w)(?:" + alternation(data["deadline_verbs"]) + r")(?!\w)", re.IGNORECASE)
    if data.get("coordination"):
        v.coordination_regex = re.compile(data["coordination"], re.IGNORECASE)
    if data.get("generic_deictic"):
        v.generic_deictic_regex = re.compile(data["generic_deictic"], re.IGNORECASE)
    if data.get("aside_participle"):
        v.aside_regex = re.compile(data["aside_participle"], re.IGNORECASE)
        v.aside_auxiliaries = {plain_word(w) for w in data.get("aside_auxiliaries") or []}
        v.aside_not_after = {plain_word(w) for w in data.get("aside_not_after") or []}
    if data.get("reporting_verbs"):
        v.reporting_regex = re.compile(
            r"(?<!\w)(?:" + alternation(data["reporting_verbs"]) + r")(?!\w)", re.IGNORECASE)
    for name in _PREFIX_REGEXES:
        words = data.get(f"{name}_prefixes") or []
        if words:
            rx = re.compile(r"(?<!\w)(?:" + alternation(words) + r")\s*$", re.IGNORECASE)
            setattr(v, f"{name}_regex", rx)
    if data.get("apposition_words"):
        v.apposition_regex = re.compile(
            r"(?<!\w)(?:" + alternation(data["apposition_words"]) + r")\s+", re.IGNORECASE)
    if data.get("since_prefixes"):
        phrase = r"(?:\s[^,;:.!?«»\"“”()\n]{0,60})?$"  # no verb: checked where it is used
        v.since_regex = re.compile(
            r"(?<!\w)(?:" + alternation(data["since_prefixes"]) + ")" + phrase, re.IGNORECASE)


def _words(data: dict) -> dict[str, list[str]]:
    """The month, weekday and plural weekday words of the data file."""
    return {name: [w for words in (data.get(name) or {}).values() for w in words]
            for name in ("months", "weekdays", "weekdays_plural")}


def _full_month_words(data: dict) -> list[str]:
    """The month words that may stand without a day or a year: not an abbreviation, with
    its period ("sept.") or without ("sept", "janv": a word that begins another word of its
    month), which only a day or a year makes a month ("23 sept 2013 (AFP)")."""
    out = []
    for words in (data.get("months") or {}).values():
        out += [w for w in words if not w.endswith(".")
                and not any(o != w and o.startswith(w) for o in words)]
    return out


def _slots(data: dict, words: dict[str, list[str]]) -> dict[str, str]:
    """The regex of each ``{SLOT}`` a pattern may use."""
    month_words = words["months"]
    letter_before = r"(?<![^\W\d_])"  # "AN1000" is no year: a number starts a token
    year = letter_before + r"(?:1[0-9]|20)[0-9]{2}(?![0-9]|[  ][0-9]{3}\b|[.,][0-9]|-[0-9])"
    slots = {
        "AP": APOSTROPHE,
        "MONTH": alternation(month_words),
        "MONTH_FULL": alternation(_full_month_words(data)),
        "WEEKDAY": alternation(words["weekdays"]),
        "WEEKDAYS": alternation(words["weekdays_plural"]),
        "DAY": letter_before + "(?:" + data.get("day", r"[12][0-9]|3[01]|0?[1-9]") + r")(?![0-9])",
        "YEAR": year,
        "YEAR2": letter_before + APOSTROPHE + r"?[0-9]{2}(?![0-9\w%]|\s*h\b|\s+[a-zà-ÿ])",
        "NUM": "(?:[0-9]+|"
        + alternation(
            list((data.get("numbers") or {}).keys()) + list(data.get("vague_numbers", []))
        )
        + ")",
        "YEARPRE": alternation(
            list(data.get("year_prefixes", []))
            + list(data.get("year_weak_prefixes", []))
            + list(data.get("year_article_prefixes", []))
        ),
    }
    for slot, name in (("UNIT", "units"), ("SEASON", "seasons"), ("MOD", "modifiers"),
                       ("DEICTIC", "deictic"), ("ANAPHOR", "anaphoric"), ("REF", "refs"),
                       ("HOLIDAY", "holidays"), ("ORD", "ordinals"), ("DECADE", "decades"),
                       ("DAYWORD", "day_words"),
                       ("CENTURYWORD", "year_centuries"), ("YEARWORD", "year_words")):
        slots[slot] = alternation((data.get(name) or {}).keys())
    slots.update(data.get("raw_words", {}))
    return slots


def _index_tokens(v: Vocabulary, data: dict, words: dict[str, list[str]]) -> None:
    """The core tokens (every match holds one, or a digit: the search starts only near
    them) and the other words of the data file (links of the chain of words a match is),
    as one regex."""
    phrases = (
        words["months"] + words["weekdays"] + words["weekdays_plural"]
        + [k for name in _CORE_TABLES for k in (data.get(name) or {}).keys()]
        + list(data.get("core_words", []))
        + ["q1", "q2", "q3", "q4"]
    )
    for phrase in phrases:
        tokens = re.findall(r"\w+", phrase)
        if tokens:
            tok = max(tokens, key=len).lower()
            v.core_tokens.add(tok)
            v.core_tokens.add(key(tok))
    links = set()
    for name, value in data.items():
        if name not in _NOT_START_WORDS:
            links.update(re.findall(r"[^\W\d_]+", str(value).lower()))
    for pat in data.get("patterns", []):
        links.update(
            re.findall(
                r"[^\W\d_]+",
                re.sub(r"\\[a-zA-Z]|\(\?P<\w+>|\{[A-Z_0-9]+\}", " ", pat["re"]).lower(),
            )
        )
    links |= {key(w) for w in links}
    links -= v.core_tokens
    v.token_regex = re.compile(
        r"(?<!\w)(?:(?P<core>[0-9]\w*|[ivx]+(?:e|er|eme|ème)|"
        + trie_regex(v.core_tokens)
        + r")|"
        + trie_regex(links)
        + r")(?!\w)"
    )


def _compile_patterns(v: Vocabulary, data: dict, slots: dict[str, str]) -> None:
    """The patterns, slots filled and groups renamed per pattern (``p3_d``), each compiled
    alone, with the words it may begin with."""
    for i, pat in enumerate(data.get("patterns", [])):
        raw_re = re.sub(r"\s+", "", pat["re"])  # layout only: patterns spell spaces as \s
        body = re.sub(r"\{([A-Z][A-Z_0-9]*)\}", lambda m: slots[m.group(1)], raw_re)
        body = re.sub(r"\(\?P<([a-z0-9_]+)>", rf"(?P<p{i}_\1>", body)
        body = re.sub(r"\(\?P=([a-z0-9_]+)\)", rf"(?P=p{i}_\1)", body)
        v.patterns.append(re.compile(rf"(?:{body})(?![\w])", re.IGNORECASE))
        words = first_words(body, re.IGNORECASE)
        v.first_words.append(None if words is None else (
            frozenset(w for w in words if not w.endswith(ANY_END)),
            tuple(w[: -len(ANY_END)] for w in words if w.endswith(ANY_END))))
        v.group_names.append(
            [(f"p{i}_{g}", g) for g in re.findall(rf"\(\?P<p{i}_([a-z0-9_]+)>", body)]
        )
        v.kinds.append(pat["kind"])
    v.day_regex = re.compile(slots["DAY"], re.IGNORECASE)
