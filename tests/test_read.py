"""Read stage: the three input shapes, encodings and malformed front matter."""

import pytest

from pipeline.errors import ReadError
from pipeline.read import read_article


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_plain_text_first_line_is_title_and_no_date(tmp_path):
    text = "Titre du jour\nLe ministre a rencontré son homologue.\n"
    a = read_article(write(tmp_path, "a.txt", text))
    assert a.title == "Titre du jour"
    assert a.dct is None
    assert a.lang == "fr"
    assert a.body_start == 0


def test_front_matter_gives_title_date_lang_and_offsets(tmp_path):
    text = "---\ntitle: Talks in Rabat\ndate: 2021-08-12\nlang: en\nsource: wire\n---\nBody here.\n"
    a = read_article(write(tmp_path, "a.md", text))
    assert (a.title, a.dct.value, a.dct.source, a.lang, a.source) == (
        "Talks in Rabat", "2021-08-12", "metadata", "en", "wire")
    assert a.text[a.body_start:] == "Body here.\n"


def test_impossible_date_is_a_warning_not_a_crash(tmp_path):
    a = read_article(write(tmp_path, "a.md", "---\ntitle: T\ndate: 2022-13-45\n---\nTexte.\n"))
    assert a.dct is None
    assert any("2022-13-45" in w and "a.md" in w for w in a.warnings)


def test_broken_yaml_is_read_line_by_line(tmp_path):
    text = "---\ntitle: [broken\ndate: 2021-01-02\n---\nLe texte.\n"
    a = read_article(write(tmp_path, "a.md", text))
    assert a.dct.value == "2021-01-02"
    assert any("YAML" in w for w in a.warnings)


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    data = "Réunion à Rabat\nLe ministre a été reçu.\n".encode("cp1252")
    a = read_article(write(tmp_path, "a.txt", data))
    assert a.title == "Réunion à Rabat"
    assert any("Windows-1252" in w for w in a.warnings)


def test_crlf_offsets_follow_universal_newlines(tmp_path):
    a = read_article(write(tmp_path, "a.txt", "Titre\r\nLigne un.\r\n"))
    assert "\r" not in a.text
    assert a.text == "Titre\nLigne un.\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b"  \n\n", "blank"), (b"\x00\x01\x02binary", "binary")])
def test_unreadable_files_raise_an_error_naming_the_file(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(ReadError) as err:
        read_article(path)
    assert "bad.txt" in str(err.value) and reason in str(err.value)


def test_unknown_language_falls_back_to_detection(tmp_path):
    text = "---\ntitle: T\nlang: klingon\n---\nThe minister met his counterpart in the capital.\n"
    a = read_article(write(tmp_path, "a.md", text))
    assert a.lang == "en"
    assert any("klingon" in w for w in a.warnings)


def test_language_dateparser_knows_is_kept_with_its_region_dropped(tmp_path):
    text = "---\ntitle: T\nlang: pt-BR\n---\nO ministro reuniu-se com o seu homólogo.\n"
    a = read_article(write(tmp_path, "a.md", text))
    assert (a.lang, a.warnings) == ("pt", ())


@pytest.mark.parametrize("written, lang, value", [
    ("2021-11-25T08:00:00Z", "fr", "2021-11-25"),
    ("25/11/2021", "fr", "2021-11-25"),
    ("03/04/2021", "fr", "2021-04-03"),  # the article's language orders the numbers
    ("03/04/2021", "en", "2021-03-04"),
    ("25 novembre 2021", "fr", "2021-11-25"),
    ("November 25, 2021", "fr", "2021-11-25"),
    ("Thu, 25 Nov 2021 08:00:00 GMT", "en", "2021-11-25"),
    ("novembre 2021", "fr", "2021-11"),
])
def test_front_matter_dates_in_common_spellings(tmp_path, written, lang, value):
    text = f"---\ntitle: T\ndate: {written}\nlang: {lang}\n---\nLe ministre est venu.\n"
    a = read_article(write(tmp_path, "a.md", text))
    assert (a.dct.value, a.dct.source, a.warnings) == (value, "metadata", ())


@pytest.mark.parametrize("written", ["hier", "25 novembre", "bientôt"])
def test_a_front_matter_date_without_a_year_is_never_completed_from_today(tmp_path, written):
    text = f"---\ntitle: T\ndate: {written}\nlang: fr\n---\nLe ministre est venu.\n"
    a = read_article(write(tmp_path, "a.md", text))
    assert a.dct is None and any("not a real date" in w for w in a.warnings)
