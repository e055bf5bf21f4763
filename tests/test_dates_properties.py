"""Properties of ``annotate`` on arbitrary input: it never raises and offsets are exact."""

import importlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dates import annotate, vocabulary
from pipeline.records import Article, Dct

recognise = importlib.import_module("pipeline.dates.recognise")

WORDS = [
    "le",
    "mardi",
    "24",
    "novembre",
    "2021",
    "fin",
    "hier",
    "les",
    "et",
    "du",
    "au",
    "1er",
    "May",
    "Sunday",
    "last",
    "next",
    "month",
    "il y a",
    "deux",
    "ans",
    "l'an",
    "prochain",
    "été",
    "mi-",
    "juillet",
    "Sept.",
    "11",
    ",",
    ".",
    "\n",
    "---",
    "93",
    "2000",
    "soldats",
    "%",
    "années",
    "90",
    "la veille",
    "/",
    "-",
    "XXe",
    "siècle",
    "au cours des",
    "dernières",
    "il y a",
    "Noël",
    "the 1990s",
    "Q3",
    "ago",
    "noviembre",
    "de",
    "hace",
    "años",
    "ayer",
    "el año pasado",
    "24.",
    "Dezember",
    "vor",
    "Jahren",
    "Donnerstag",
    "letztes Jahr",
    "24.11.2022",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=texts,
    lang=st.sampled_from(["fr", "en", "de", "es", "ru", "ja", "ar", "xx", ""]),
    dct=st.one_of(st.none(), st.sampled_from(["2022-11-24", "2020-10", "1999", "garbage", ""])),
    start=st.integers(min_value=-5, max_value=400),
)
def test_annotate_is_total_and_offsets_exact(text, lang, dct, start):
    article = Article(
        path="p",
        text=text,
        body_start=max(0, min(start, len(text))),
        title="",
        lang=lang,
        dct=Dct(dct, "metadata") if dct is not None else None,
    )
    got_dct, timexes = annotate(article)
    assert isinstance(got_dct, Dct)
    last = article.body_start
    for t in timexes:
        assert text[t.start : t.end] == t.text
        assert t.start >= last and t.end > t.start  # sorted, non-overlapping, in the body
        last = t.end
        assert t.type in ("DATE", "DURATION", "SET", "TIME")


# words as in running text: separated by spaces or punctuation, never glued together
prose = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", ", ", ". ", "\n", " - "])),
    max_size=40,
).map(lambda pairs: "".join(w + sep for w, sep in pairs))


@settings(max_examples=300, deadline=None)
@given(text=prose, lang=st.sampled_from(["fr", "en", "es", "de"]))
def test_fast_start_positions_find_what_a_full_scan_finds(text, lang):
    """The search only tries near core tokens, with the patterns the word there may open;
    trying every pattern everywhere changes nothing."""
    vocab = vocabulary.load(lang)
    fast = recognise.recognise(text, 0, len(text), vocab)
    original = recognise._start_positions
    every = tuple(range(len(vocab.patterns)))
    try:
        recognise._start_positions = lambda t, s, e, v: [
            (m.start(), every) for m in re.finditer(r"(?<!\w)[\w'’]", t[:e]) if m.start() >= s
        ]
        slow = recognise.recognise(text, 0, len(text), vocab)
    finally:
        recognise._start_positions = original
    assert [(c.start, c.end, c.kind) for c in fast] == [(c.start, c.end, c.kind) for c in slow]
