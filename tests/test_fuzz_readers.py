"""Fuzzing: whatever bytes a file holds, reading and extracting never crash.

``read_article`` either returns an Article or raises ``ReadError`` (which the run turns
into a skipped file with its reason); ``extract_article`` either returns an Extraction
whose every offset points at its own text, or raises a ``PipelineError``. Anything else
would be a crash that loses the article.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import PipelineError, ReadError
from pipeline.extract import extract_article
from pipeline.read import read_article

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

# pieces that trip readers: front-matter fences, BOMs, line ends, NULs, legacy bytes,
# markup, YAML syntax, dates real and impossible, French and English words
PIECES = [
    "---\n", "---\r\n", "\ufeff", "\r\n", "\r", "\n", "\x00", "\t", " ", ":", "title: ",
    "date: ", "lang: ", "2022-13-45", "2021-08-12", "[", "{", "}", "'", '"', "&", "<script>",
    "</p>", "<html><body><article><p>", "{{ config }}", "{% include 'x' %}", "le 31 février",
    "l'an 3000", "jeudi 24 novembre", "Le ministre Nasser Bourita a reçu à Rabat",
    "The minister met his counterpart on 3 May 2021.", "é", "’", "\u2028", "\x85", "\u202e",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=30).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])
suffixes = st.sampled_from([".txt", ".md", ".html"])

_counter = itertools.count()


def _write(folder: Path, data: bytes, suffix: str) -> Path:
    # one new file per example: Hypothesis runs many examples in one test call
    path = folder / f"fuzz_{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _check_article(a, path: Path) -> None:
    assert a.path == str(path)
    assert 0 <= a.body_start <= len(a.text)
    assert "\r" not in a.text
    assert "\n" not in a.title
    assert isinstance(a.lang, str)
    if a.dct is not None:
        assert a.dct.value[:4].isdigit()
    # every warning names the file
    assert all(w.startswith(f"{path}:") for w in a.warnings)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md"]))
def test_read_arbitrary_bytes(folder, data, suffix):
    path = _write(folder, data, suffix)
    try:
        a = read_article(path)
    except ReadError as err:
        assert str(path) in str(err) and err.hint
        return
    _check_article(a, path)


@FUZZ
@given(text=texts, encoding=encodings, suffix=st.sampled_from([".txt", ".md"]))
def test_read_text_shaped_input(folder, text, encoding, suffix):
    path = _write(folder, _encode(text, encoding), suffix)
    try:
        a = read_article(path)
    except ReadError as err:
        assert str(path) in str(err) and err.hint
        return
    _check_article(a, path)


@FUZZ
@given(meta=st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=12).map("".join),
       body=texts)
def test_read_front_matter_shaped_input(folder, meta, body):
    path = _write(folder, f"---\n{meta}\n---\n{body}".encode("utf-8", "replace"), ".md")
    try:
        a = read_article(path)
    except ReadError as err:
        assert str(path) in str(err)
        return
    _check_article(a, path)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=texts)
def test_read_html_shaped_input(folder, text):
    # few examples: each web page goes through trafilatura and htmldate, which are slow
    page = f"<html><head><title>{text[:40]}</title></head><body><article><p>{text}</p>" \
           f"<p>{text}</p></article></body></html>"
    path = _write(folder, page.encode("utf-8", "replace"), ".html")
    try:
        a = read_article(path)
    except ReadError as err:
        assert str(path) in str(err) and err.hint
        return
    _check_article(a, path)


@FUZZ
@given(text=texts, encoding=encodings, suffix=suffixes)
def test_extract_never_crashes_and_offsets_point_at_the_text(folder, text, encoding, suffix):
    if suffix == ".html":
        text = f"<html><body><article><p>{text}</p></article></body></html>"
    path = _write(folder, _encode(text, encoding), suffix)
    try:
        x = extract_article(str(path))
    except PipelineError as err:
        assert str(path) in str(err)
        return
    body = x.article.text
    for t in x.timexes:
        assert body[t.start:t.end] == t.text, t
    for m in x.mentions:
        assert body[m.start:m.end] == m.text, m
    for s in x.sentences:
        assert 0 <= s.start <= s.end <= len(body)
    for e in x.events:
        for ev in e.sources:
            assert ev.path == str(path)
            assert body[ev.start:ev.end] == ev.text, ev
