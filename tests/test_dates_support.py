"""Shared helpers for the date tests (no tests here).

They annotate a snippet with a pinned article date.
"""

from pipeline.dates import annotate
from pipeline.records import Article, Dct


def run(lang: str, dct: str | None, text: str):
    article = Article(
        path="t.md",
        text=text,
        body_start=0,
        title="",
        lang=lang,
        dct=Dct(dct, "metadata") if dct else None,
    )
    return annotate(article)


def dates(lang: str, dct: str | None, text: str) -> list[tuple[str, str]]:
    """(text, value) of every DATE timex."""
    _, timexes = run(lang, dct, text)
    return [(t.text, t.value) for t in timexes if t.type == "DATE"]


def values(lang: str, dct: str | None, text: str) -> list[str]:
    return [v for _, v in dates(lang, dct, text)]
