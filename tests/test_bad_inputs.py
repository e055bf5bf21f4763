"""Bad inputs beside the seed: none crashes the run, loses the seed's events or goes unreported.

Each test puts the seed article and one bad file (from ``tests/fixtures/bad/``, or made
here when it is binary or large) in a folder, runs the whole pipeline over the folder and
checks three things: the seed's three events are still there, every file is accounted
for (read or skipped), and the bad file's problem is reported with its name and what to
do, or handled without a warning when nothing is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d7c44e2311d972f8.txt"
BAD = Path(__file__).resolve().parent / "fixtures" / "bad"
SEED_EVENTS = [("2020", "END"), ("2021-11-24", None), ("2022-11-24", None)]


class Result:
    def __init__(self, folder: Path, names: list[str]):
        self.folder = folder
        self.paths = {name: str(folder / name) for name in names}
        self.extractions, self.events, self.report = run([str(folder)], jobs=1, cache=False)
        self.articles = {x.article.path: x.article for x in self.extractions}

    def article(self, name: str):
        return self.articles[self.paths[name]]

    def events_of(self, name: str):
        path = self.paths[name]
        return [e for e in self.events if any(s.path == path for s in e.sources)]

    def warnings_of(self, name: str) -> list[str]:
        return [w for w in self.report.warnings if w.startswith(self.paths[name] + ":")]

    def skipped(self, name: str) -> str:
        lines = [s for s in self.report.skipped if s.startswith(self.paths[name] + ":")]
        assert len(lines) == 1, self.report.skipped
        return lines[0]


def run_beside_seed(tmp_path: Path, files: dict[str, bytes] | None = None,
                    fixtures: tuple[str, ...] = ()) -> Result:
    """Run the pipeline over a folder holding the seed, the named fixtures and ``files``."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    for name in fixtures:
        shutil.copy(BAD / name, folder / name)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    result = Result(folder, [SEED.name, *fixtures, *(files or {})])
    # the seed is untouched by its neighbour
    seed_events = result.events_of(SEED.name)
    assert [(e.value, e.mod) for e in seed_events] == SEED_EVENTS
    # every file is accounted for: read or skipped, never silently dropped
    assert len(result.report.read) + len(result.report.skipped) == len(result.paths)
    return result


def assert_hint(line: str, *words: str) -> None:
    """A problem line names its file and tells what to do."""
    lowered = line.lower()
    assert all(w.lower() in lowered for w in words), line
    assert any(v in lowered for v in ("remove", "save", "write", "split", "add", "use")), line


def test_empty_file_is_skipped_with_the_reason(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("empty_file.txt",))
    assert_hint(r.skipped("empty_file.txt"), "empty_file.txt", "empty")


def test_blank_file_is_skipped_with_the_reason(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("blank_file.md",))
    assert_hint(r.skipped("blank_file.md"), "blank_file.md", "blank")


def test_binary_file_is_skipped_with_the_reason(tmp_path):
    # a PNG header and a few bytes: NUL bytes early in the file, as in any image or archive
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    r = run_beside_seed(tmp_path, {"image_saved_as_article.md": png})
    assert_hint(r.skipped("image_saved_as_article.md"), "image_saved_as_article.md", "binary")


def test_cp1252_french_article_is_decoded_right_with_a_warning(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("cp1252_french_article.txt",))
    a = r.article("cp1252_french_article.txt")
    assert a.title == "Visite à Rabat du ministre espagnol des Affaires étrangères"
    assert "« Une étape clé », a déclaré" in a.text and "\ufffd" not in a.text
    [warning] = r.warnings_of("cp1252_french_article.txt")
    assert_hint(warning, "Windows-1252", "UTF-8")
    assert [e.value for e in r.events_of("cp1252_french_article.txt")] == ["2022-02-03"]


def test_invalid_utf8_bytes_are_read_with_a_warning(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("invalid_utf8_bytes.txt",))
    a = r.article("invalid_utf8_bytes.txt")
    assert a.title.startswith("Rencontre") and "homologue" in a.text
    [warning] = r.warnings_of("invalid_utf8_bytes.txt")
    assert_hint(warning, "not valid UTF-8", "re-save")


def test_utf16_article_is_decoded_with_a_warning(tmp_path):
    text = ("Entretien entre Rabat et Madrid\nLe ministre Nasser Bourita a reçu à Rabat son "
            "homologue espagnol José Manuel Albares le 3 février 2022.\n")
    data = "\ufeff".encode("utf-16-le") + text.replace("\n", "\r\n").encode("utf-16-le")
    r = run_beside_seed(tmp_path, {"notepad_unicode.txt": data})
    a = r.article("notepad_unicode.txt")
    assert (a.title, a.text) == ("Entretien entre Rabat et Madrid", text)
    [warning] = r.warnings_of("notepad_unicode.txt")
    assert_hint(warning, "UTF-16", "UTF-8")
    assert [e.value for e in r.events_of("notepad_unicode.txt")] == ["2022-02-03"]


def test_bom_is_not_part_of_the_title_and_offsets_stay_exact(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("bom_article.txt",))
    a = r.article("bom_article.txt")
    assert a.title == "Entretien téléphonique entre Rabat et Madrid"
    assert r.warnings_of("bom_article.txt") == []
    on_disk = (BAD / "bom_article.txt").read_text(encoding="utf-8")
    [event] = r.events_of("bom_article.txt")
    for s in event.sources:
        assert on_disk[s.start:s.end] == s.text


def test_crlf_line_ends_are_read_like_lf(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("crlf_line_ends.md",))
    a = r.article("crlf_line_ends.md")
    assert "\r" not in a.text
    assert (a.title, a.dct.value, a.lang) == ("Entretien à Rabat", "2022-02-04", "fr")
    assert r.warnings_of("crlf_line_ends.md") == []
    assert a.text == (BAD / "crlf_line_ends.md").read_text(encoding="utf-8")


def test_ten_megabyte_article_is_cut_with_a_warning(tmp_path):
    head = ("Un très long article\nLe 3 février 2022, le ministre Nasser Bourita a reçu à "
            "Rabat son homologue espagnol José Manuel Albares.\n")
    filler = "Les discussions se poursuivent entre les délégations, selon la presse.\n"
    data = (head + filler * (10_000_000 // len(filler))).encode("utf-8")
    assert len(data) >= 10_000_000
    r = run_beside_seed(tmp_path, {"ten_megabytes.txt": data})
    a = r.article("ten_megabytes.txt")
    assert data.decode("utf-8").startswith(a.text) and a.text.endswith("\n")
    [warning] = r.warnings_of("ten_megabytes.txt")
    assert_hint(warning, "only the first", "split")
    assert [e.value for e in r.events_of("ten_megabytes.txt")] == ["2022-02-03"]


def test_broken_yaml_front_matter_is_read_line_by_line(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("front_matter_broken_yaml.md",))
    a = r.article("front_matter_broken_yaml.md")
    assert a.dct.value == "2022-02-04" and a.title == "[Entretien à Rabat"
    [warning] = r.warnings_of("front_matter_broken_yaml.md")
    assert "YAML" in warning and "line" in warning


def test_impossible_front_matter_date_falls_back_with_a_warning(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("front_matter_impossible_date.md",))
    a = r.article("front_matter_impossible_date.md")
    assert a.dct is None
    [warning] = r.warnings_of("front_matter_impossible_date.md")
    assert_hint(warning, "2022-13-45", "YYYY-MM-DD")
    # the event is still found, dated by the text itself
    assert [e.value for e in r.events_of("front_matter_impossible_date.md")] == ["2022-02-03"]


def test_unknown_language_falls_back_to_detection(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("front_matter_unknown_language.md",))
    assert r.article("front_matter_unknown_language.md").lang == "fr"
    [warning] = r.warnings_of("front_matter_unknown_language.md")
    assert_hint(warning, "klingon", "two-letter")


def test_missing_title_uses_the_first_line_with_a_warning(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("missing_title.md",))
    a = r.article("missing_title.md")
    assert a.title.startswith("Le ministre des Affaires étrangères Nasser Bourita")
    assert "\n" not in a.title
    [warning] = r.warnings_of("missing_title.md")
    assert_hint(warning, "no title", "title:")


def test_same_article_twice_is_one_source(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("duplicate_a.md", "duplicate_b.md"))
    kept = [p for p in r.articles if Path(p).name.startswith("duplicate_")]
    assert len(kept) == 1
    [warning] = r.warnings_of("duplicate_b.md")
    assert_hint(warning, "duplicate_a.md", "remove")
    dated = [e for e in r.events if e.value == "2023-05-09"]
    assert len(dated) == 1
    assert {Path(s.path).name for s in dated[0].sources} == {"duplicate_a.md"}


def test_html_page_keeps_the_article_and_drops_scripts_and_navigation(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("html_with_scripts_and_nav.html",))
    a = r.article("html_with_scripts_and_nav.html")
    assert a.title == "Bourita reçoit Albares à Rabat"
    assert a.text.count("Bourita reçoit Albares à Rabat") == 1
    assert "plusieurs mois de tensions" in a.text
    for junk in ("alert", "script", "tracker", "iframe", "Accueil", "Mentions légales"):
        assert junk not in a.text, junk
    assert a.dct.value == "2022-02-04"
    assert [e.value for e in r.events_of("html_with_scripts_and_nav.html")] == ["2022-02-03"]


def test_html_page_without_article_text_is_skipped(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("html_without_article_text.html",))
    assert_hint(r.skipped("html_without_article_text.html"),
                "html_without_article_text.html", "no article text")


def test_markup_and_template_syntax_stay_plain_text(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("markdown_jinja_html_injection.md",))
    a = r.article("markdown_jinja_html_injection.md")
    # kept verbatim: escaping is the pages' job, and offsets must match the file
    assert a.title == "<script>alert('title')</script>{{ config }}"
    for raw in ("<script>alert('body')</script>", "{{ config.items() }}",
                "{% include 'base.html' %}", "[cliquer ici](javascript:alert(1))",
                "<img src=x onerror=alert(1)>"):
        assert raw in a.text
    assert r.warnings_of("markdown_jinja_html_injection.md") == []
    assert [e.value for e in r.events_of("markdown_jinja_html_injection.md")] == ["2023-03-03"]


def _real_date(value: str) -> bool:
    """An ISO value that names a date that exists, in a plausible range."""
    parts = value.split("-")
    year = int(parts[0])
    if not 1800 <= year <= 2100:
        return False
    try:
        dt.date(year, int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2
                else 1)
    except ValueError:
        return False
    return True


def test_absurd_dates_give_no_impossible_event_dates(tmp_path):
    r = run_beside_seed(tmp_path, fixtures=("absurd_dates.md",))
    x = next(x for x in r.extractions if x.article.path == r.paths["absurd_dates.md"])
    for t in x.timexes:
        if t.value[:1].isdigit():
            assert _real_date(t.value), t
    for e in r.events:
        assert _real_date(e.value), e


# Edge dates: a placeholder date, an impossible month read as a day, a five-digit year,
# each set aside with a warning naming the file; the article is still read, dated by its
# text, and nothing overflows further on (the merge looks at the days either side).
@pytest.mark.parametrize("raw", ["0001-01-01", "9999-12-31", "2021-13-01", "99999-01-01",
                                 "0000-00-00", "2021-02-30", "9999", "0999-06-01",
                                 "10000-01-01T00:00:00Z"])
def test_an_edge_front_matter_date_is_set_aside_with_a_warning(tmp_path, raw):
    name = "edge_date.md"
    text = (f"---\ntitle: Visite\ndate: {raw}\n---\nLe ministre Nasser Bourita a reçu à "
            "Rabat son homologue le 3 février 2022.\n")
    r = run_beside_seed(tmp_path, {name: text.encode()})
    assert r.article(name).dct is None
    [warning] = r.warnings_of(name)
    assert_hint(warning, name, raw, "YYYY-MM-DD")
    assert [e.value for e in r.events_of(name)] == ["2022-02-03"]


@pytest.mark.parametrize("raw, value", [("2021-11-25T08:00:00Z", "2021-11-25"),
                                        ("2021-11-25 08:00", "2021-11-25"),
                                        ("2021-11", "2021-11"), ("1648-10-24", "1648-10-24")])
def test_an_iso_date_with_a_time_or_no_day_is_still_read(tmp_path, raw, value):
    text = f"---\ntitle: Visite\ndate: {raw}\n---\nLe ministre a reçu son homologue.\n"
    r = run_beside_seed(tmp_path, {"dated.md": text.encode()})
    assert r.article("dated.md").dct.value == value and r.warnings_of("dated.md") == []


def test_the_text_of_an_article_dated_at_the_calendar_s_ends_merges_without_overflow(
        tmp_path):
    # dates found in the text are not the front matter's: the merge must still cope
    body = ("Le ministre Nasser Bourita a reçu à Rabat son homologue le 31 décembre 9999. "
            "Il a rencontré son homologue le 1er janvier 0001. Ils se sont vus l'hiver 9999.\n")
    r = run_beside_seed(tmp_path, {"ends.md": f"---\ntitle: Fin\n---\n{body}".encode()})
    assert "ends.md" in r.paths and r.article("ends.md")


# Inputs are the seeds folder's own tree: a link leaving it is skipped with a warning, a
# hidden file or folder (an editor's backup, a trash folder) is counted, never read.
def test_links_out_of_the_folder_are_skipped_and_hidden_files_counted(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("Titre\nLe 3 mars 2022, le ministre a reçu X.\n")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.md").symlink_to(outside / "secret.txt")
    (folder / "outdir").symlink_to(outside, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / SEED.name)  # a link within: read
    (folder / ".trash").mkdir()
    (folder / ".trash" / "old.md").write_text("Titre\nLe 3 mars 2022, visite.\n")
    (folder / ".draft.md").write_text("Titre\nLe 3 mars 2022, visite.\n")
    (folder / "sub").mkdir()
    (folder / "sub" / ".hidden.txt").write_text("Titre\nLe 3 mars 2022, visite.\n")
    extractions, _, report = run([str(folder)], jobs=1, cache=False)
    read = sorted(Path(p).name for p in report.read)
    assert read == sorted([SEED.name, "inside.txt"])
    for name in ("passwd.txt", "secret.md", "outdir"):
        [line] = [s for s in report.skipped if s.startswith(f"{folder / name}:")]
        assert_hint(line, "outside", "copy")
    assert len(report.skipped) == 3
    assert report.hidden == 3
    assert "3 hidden files ignored" in report.summary(1, 0.1)
    assert all("root:" not in x.article.text for x in extractions)


def test_a_file_name_with_control_characters_is_printed_escaped(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    name = "a\x1b[2K\rDone: 0 problems\x07\n.md"
    (folder / name).write_bytes(b"")  # empty: reported with its name
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(folder)],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr and "\r" not in done.stderr
    [line] = [x for x in done.stderr.splitlines() if x.startswith("SKIPPED")]
    assert "a\\x1b[2K\\rDone: 0 problems\\x07\\n.md" in line
