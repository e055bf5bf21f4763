"""Segment stage: sentences and paragraphs with exact offsets."""

from pipeline.records import Article
from pipeline.segment import SentenceIndex, segment


def article(text):
    return Article("a.md", text, 0, "t", "fr", None)


def test_sentences_keep_offsets_and_paragraphs():
    text = "Titre\nM. Lapid est arrivé. Il a vu M. Bourita.\nLe 11 Sept. 2021, rien.\n"
    sentences = segment(article(text))
    assert [s.text for s in sentences] == [
        "Titre", "M. Lapid est arrivé.", "Il a vu M. Bourita.", "Le 11 Sept. 2021, rien."]
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_initials_and_us_do_not_end_a_sentence():
    text = "The delegation was led by U.S. Treasury Secretary Steven Mnuchin. It landed."
    assert [s.text for s in segment(article(text))] == [
        "The delegation was led by U.S. Treasury Secretary Steven Mnuchin.", "It landed."]


def test_a_day_number_ends_a_sentence_a_single_letter_does_not():
    text = "The office opens effective Feb. 1. It will include J. Smith."
    assert [s.text for s in segment(article(text))] == [
        "The office opens effective Feb. 1.", "It will include J. Smith."]


def test_a_clock_time_ends_a_sentence_unless_a_day_or_a_time_zone_follows():
    text = "They have until 9 a.m. Tuesday to sign. It ended at 9 p.m. Talks resume at 8 a.m. EST."
    sentences = segment(Article("a.md", text, 0, "t", "en", None))
    assert [s.text for s in sentences] == [
        "They have until 9 a.m. Tuesday to sign.", "It ended at 9 p.m.",
        "Talks resume at 8 a.m. EST."]


def test_the_index_finds_the_sentence_or_clause_around_an_offset():
    text = "Titre\nM. Lapid est arrivé hier ; il repart demain. Il a vu M. Bourita.\n"
    index = SentenceIndex(text, segment(article(text)))
    at = text.index("hier")
    assert text[slice(*index.around(at, at + 4))] == "M. Lapid est arrivé hier ; il repart demain."
    assert text[slice(*index.around(at, at + 4, ";"))] == "M. Lapid est arrivé hier "
    at = text.index("demain")
    assert text[slice(*index.around(at, at + 6, ";"))] == " il repart demain."
    assert index.around(len(text), len(text)) == (len(text), len(text))  # in no sentence
