"""One article, end to end: path -> ``Extraction`` (a pure function of the file's bytes).

This is the unit that is cached and spread over processes; it touches no shared state.
"""

from __future__ import annotations

from .dates import annotate
from .events import article_events
from .mentions import recognise
from .read import read_article
from .records import Dct, Extraction
from .segment import segment


def extract_article(path: str, dct_option: Dct | None = None) -> Extraction:
    article = read_article(path, dct_option)
    dct, timexes = annotate(article)
    sentences = segment(article)
    mentions = recognise(article)
    events = article_events(article, dct, timexes, sentences, mentions)
    return Extraction(article, dct, timexes, sentences, mentions, events)
