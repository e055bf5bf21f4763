"""The words a match of a regular expression may begin with.

In: one pattern of a language's data file, slots filled. Out: :func:`first_words`, the
words a match may start with (None when they cannot be listed).

Why: ``recognise`` tries the patterns at word starts. Tried as one alternation, Python's
engine entered every pattern in turn, and each opens with optional words ("le", "au cours
de", a modifier...), so a start that fails walked all of them. Knowing each pattern's
first words, a start is tried only with the patterns its word may open ("ans", "mois"
hold a date but open none): the matches are the same, for a third of the time.
"""

from __future__ import annotations

try:  # the parser behind ``re.compile``: stable since Python 3.11, but not public
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - another Python: every pattern tried, same matches
    _c = _p = None

DIGITS = "#"  # a word opening with a digit, whichever: "2021", "1er", "3e"
ANY_END = "*"  # after a prefix: any word it begins
_MAX_WORDS = 20000  # more first words than this: not worth listing
_MAX_REPEAT = 8  # a repeat still adding words after this many rounds: not listed


class _Unlisted(Exception):
    """The first words cannot be listed (a class of letters repeated, too many...)."""


def first_words(pattern: str, flags: int = 0) -> set[str] | None:
    """The lower-case words (runs of word characters) a match of ``pattern`` may begin
    with: a word opening with a digit as :data:`DIGITS`, "au*" for any word beginning with
    "au" (where the rest cannot be listed); None when not even that can be said."""
    if _p is None:
        return None
    try:
        words, open_words = _words(_p.parse(pattern, flags), {""})
    except _Unlisted:
        return None
    except Exception:  # noqa: BLE001 - a pattern beyond this reading: no list
        return None
    words |= open_words  # a match ends at the end of a word
    # "": the match opens on a non-word character, never at the start of a word
    words.discard("")
    return {DIGITS if w.startswith(DIGITS) else w for w in words}


def _words(seq, prefixes: set[str]) -> tuple[set[str], set[str]]:
    """The first words ended within ``seq`` and the ones still open after it, when the
    word so far is one of ``prefixes``. Where the words cannot be listed further, the
    prefixes so far stand for every word they begin (written with :data:`ANY_END`)."""
    done: set[str] = set()
    for op, av in seq:
        if not prefixes:
            break
        try:
            ended, following = _item_words(op, av, prefixes)
            if len(following) + len(ended) > _MAX_WORDS:
                raise _Unlisted
        except _Unlisted:
            if "" in prefixes:  # not even the first character is known
                raise
            return done | {p + ANY_END for p in prefixes}, set()
        done |= ended
        prefixes = following
    return done, prefixes


def _item_words(op, av, prefixes: set[str]) -> tuple[set[str], set[str]]:
    if op is _c.LITERAL:
        return _extend(prefixes, [chr(av)])
    if op is _c.IN:
        return _extend(prefixes, _class_chars(av))
    if op is _c.BRANCH:
        done: set[str] = set()
        still: set[str] = set()
        for alternative in av[1]:
            ended, open_words = _words(alternative, prefixes)
            done |= ended
            still |= open_words
        return done, still
    if op is _c.SUBPATTERN:
        return _words(av[3], prefixes)
    if op is _c.ATOMIC_GROUP:
        return _words(av, prefixes)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _repeat_words(av, prefixes)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width
        return set(), prefixes
    raise _Unlisted  # any character, a back-reference, a conditional group


def _repeat_words(av, prefixes: set[str]) -> tuple[set[str], set[str]]:
    """A repeat, read until its words stop changing (digits collapse into one mark) or
    its bound is reached."""
    low, high, body = av
    if low == 0 and _blank(body) and "" not in prefixes:
        # optional spaces: a word ends here, or runs on into the next one ("débutmars"),
        # which no text writes: kept as any word the prefix begins, not listed one by one
        return prefixes | {p + ANY_END for p in prefixes}, set()
    done: set[str] = set()
    current = prefixes
    reached = set(prefixes) if low == 0 else set()
    for count in range(1, _MAX_REPEAT + 1):
        ended, current = _words(body, current)
        done |= ended
        if count < low:
            continue
        if current <= reached or count == high:
            return done, reached | current
        reached |= current
    raise _Unlisted  # letters repeated without bound


def _blank(body) -> bool:
    """The repeated body is one class of spaces."""
    return len(body) == 1 and body[0][0] is _c.IN and all(
        op is _c.CATEGORY and getattr(arg, "name", "") == "CATEGORY_SPACE"
        for op, arg in body[0][1])


def _extend(prefixes: set[str], chars) -> tuple[set[str], set[str]]:
    """Each prefix followed by each character: a word character lengthens the word, any
    other ends it (an empty word means the match opens on a non-word character)."""
    done: set[str] = set()
    still: set[str] = set()
    for ch in chars:
        if ch == DIGITS or ch.isdigit():  # "2021", "1er"; after letters: any word ("Q3")
            still |= {DIGITS for p in prefixes if p == "" or p.startswith(DIGITS)}
            done |= {p + ANY_END for p in prefixes if p and not p.startswith(DIGITS)}
        elif ch.isalnum() or ch == "_":
            still |= {p + ch.lower() for p in prefixes if not p.startswith(DIGITS)} | {
                p for p in prefixes if p.startswith(DIGITS)}
        else:
            done |= prefixes
    return done, still


def _class_chars(av) -> list[str]:
    """The characters of a class, digits as one mark; a large class cannot be listed."""
    out: list[str] = []
    for op, arg in av:
        if op is _c.LITERAL:
            out.append(chr(arg))
        elif op is _c.RANGE and (chr(arg[0]).isdigit() and chr(arg[1]).isdigit()):
            out.append(DIGITS)
        elif op is _c.RANGE and arg[1] - arg[0] < 64:
            out.extend(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op is _c.CATEGORY and getattr(arg, "name", "") == "CATEGORY_DIGIT":
            out.append(DIGITS)
        elif op is _c.CATEGORY and getattr(arg, "name", "") == "CATEGORY_SPACE":
            out.append(" ")
        else:
            raise _Unlisted
    return out
