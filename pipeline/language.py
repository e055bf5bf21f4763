"""Guess an article's language from its function words (data: ``data/stopwords.yaml``)."""

from __future__ import annotations

import re
from functools import cache

from .vocab import load_yaml

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def is_known(lang: str) -> bool:
    """A language the date stage has words for: its own data file, or dateparser's locale
    data (``dates.locales``)."""
    from .dates.locales import locale_info
    from .dates.vocabulary import available_languages

    return lang in available_languages() or locale_info(lang) is not None


@cache
def stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in load_yaml("stopwords.yaml").items()}


def detect_language(text: str, default: str = "fr") -> str:
    """The language whose function words are most frequent in the text (first 5,000 chars)."""
    words = [w.lower() for w in WORD.findall(text[:5000])]
    if not words:
        return default
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in stopwords().items()}
    best = max(sorted(scores), key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default
