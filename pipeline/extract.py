"""One article, end to end: path -> ``Extraction`` (a pure function of the file's bytes).

This is the unit that is cached and spread over processes; it touches no shared state.
"""

from __future__ import annotations

from .dates import annotate
from .events import article_events
from .mentions import recognise
from .read import read_article
from .records import Article, Dct, Extraction
from .segment import segment

# one short article per language with data files, after a title line (the first line of a
# plain text is its title and makes no event): extracting them loads every vocabulary and
# compiles the patterns of every stage, events included
WARM_UP = {
    "fr": "Titre\nLe ministre des Affaires étrangères s'est entretenu jeudi 3 mars 2022 à "
          "Rabat avec son homologue israélien, un an après la signature de l'accord, qui "
          "doit être ratifié. Il a également rencontré le conseiller du président, Yaïr "
          "Lapid, deux jours plus tard. Les deux pays ont repris leurs relations "
          "diplomatiques depuis 2020. Le Maroc, qui a signé l'accord en été 2021, a salué "
          "la visite.",
    "en": "Title\nThe foreign minister met his Israeli counterpart in Rabat on Thursday, "
          "March 3, 2022, a year after the agreement was signed, which is expected to be "
          "ratified. He also met an adviser to the president, Yair Lapid, two days later. "
          "Both countries have resumed diplomatic relations since 2020. Israel's defence "
          "minister, who visited Rabat in the summer, praised the deal.",
}


def warm_up() -> None:
    """Load and compile every vocabulary in this process: workers forked afterwards share
    them instead of each building its own."""
    for lang, text in WARM_UP.items():
        extract(Article("<warm-up>", text, 0, "", lang, Dct("2022-03-04", "option")))


def extract_article(path: str, dct_option: Dct | None = None,
                    data: bytes | None = None) -> Extraction:
    """The file at ``path`` (or ``data``, its bytes) extracted."""
    return extract(read_article(path, dct_option, data))


def extract(article: Article) -> Extraction:
    """The stages after reading: sentences, dates, mentions, events."""
    sentences = segment(article)
    dct, timexes = annotate(article, sentences)
    mentions = recognise(article)
    events = article_events(article, dct, timexes, sentences, mentions)
    return Extraction(article, dct, timexes, sentences, mentions, events)
