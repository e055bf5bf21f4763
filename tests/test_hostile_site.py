"""``invoke build`` of a project whose articles, curation and settings are hostile or
clumsy, each class at least once: names that collide or are too long for a file, links
out of the seeds folder and hidden files, control characters, a failing search indexer.
The build never stops for one article, and every page and export is whole."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.test_build_robustness import SUMMARY, _env, _files, _invoke, copy_code

VISIT = "2021-11-24-visit-benny-gantz"
LONG = "visite-" + "x" * 241 + ".md"  # 251 bytes: the page would be 256


def _article(day: int, who: str) -> str:
    return (f"---\ntitle: Visite {day}\ndate: 2023-03-{day:02d}\n---\nLe ministre {who} a "
            f"reçu à Rabat son homologue espagnol le {day} mars 2023.\n")


WEB_PAGE = ("<html><head><title>Visite à Rabat</title></head><body><article><h1>Visite à "
            "Rabat</h1><p>Le ministre Nasser Bourita a reçu à Rabat son homologue portugais "
            "le 9 mars 2023, pour des entretiens sur la coopération.</p></article></body>"
            "</html>")

CURATION = f"""
fix:
  - id: {VISIT}
    actors: ["Yaïr Lapid", "Yair Lapid", "יאיר לפיד", "يائير لابيد"]
    title: "Visite\\x01 officielle\\x1b[31m"
    place: "Rabat\\rCasablanca"
"""


def _project(root: Path) -> Path:
    seeds = copy_code(root)
    files = {"index.md": _article(2, "Nasser Bourita"), "José.md": _article(3, "José Albares"),
             "Jose.md": _article(4, "José Albares"), LONG: _article(5, "Nasser Bourita"),
             LONG[:-3] + "y.md": _article(6, "Nasser Bourita"),
             "\x1b[2J\rDone: 0 problems.md": _article(7, "Nasser Bourita"),
             ".draft.md": _article(8, "Nasser Bourita")}
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / "index.html").write_text(WEB_PAGE, encoding="utf-8")
    (seeds / ".trash").mkdir()
    (seeds / ".trash" / "old.md").write_text(_article(10, "Nasser Bourita"), encoding="utf-8")
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    (root / "content").mkdir()
    (root / "content" / "curation.yaml").write_text(CURATION, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = _project(tmp_path_factory.mktemp("hostile") / "project")
    result = _invoke(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project, result, _files(project / "output")


def test_one_article_never_stops_the_build_and_each_has_its_page(built):
    project, result, site = built
    read, _, skipped, _ = map(int, SUMMARY.search(result.stderr).groups())
    assert read == 8 and skipped == 1  # the link out of the folder
    sources = [n for n in site if n.startswith("sources/") and n != "sources/index.html"]
    assert len(sources) == read
    listing = site["sources/index.html"].decode()
    # the sources listing is still the listing, and links every source page
    assert all(f'href="../{n}"' in listing or f'href="{n[len("sources/"):]}"' in listing
               or n.split("/")[-1] in listing for n in sources)
    assert max(len(Path(n).name.encode()) for n in site) <= 100
    # two long names beginning alike have two pages
    assert len([n for n in sources if "xxxxxxxx" in n]) == 2


def test_actor_names_that_make_one_slug_have_a_page_each(built):
    _, _, site = built
    pages = {n: data.decode() for n, data in site.items()
             if n.startswith("actor/") and n.endswith(".html")}
    for name in ("Yaïr Lapid", "Yair Lapid", "יאיר לפיד", "يائير لابيد"):
        own = [n for n, html in pages.items() if re.search(rf"<h1[^>]*>[^<]*{name}", html)]
        assert len(own) == 1, (name, sorted(pages))


def test_links_out_of_the_seeds_and_hidden_files_are_not_published(built):
    _, result, site = built
    assert not any(b"root:x:0:0" in data for data in site.values())
    assert re.search(r"^SKIPPED seeds/passwd\.txt: a link to /etc/passwd", result.stderr, re.M)
    assert "2 hidden files ignored" in result.stderr
    assert not any(b"Visite 8" in data or b"Visite 10" in data for data in site.values())


def test_exports_are_valid_whatever_the_text_holds(built):
    _, _, site = built
    feeds = [n for n in site if n.endswith(".atom")]
    assert "feed.atom" in feeds and len(feeds) > 2
    for name in feeds:
        ET.fromstring(site[name])  # well-formed XML 1.0
    ics = site["events.ics"].decode()
    assert re.search(r"\r(?!\n)", ics) is None and re.search(r"[\x00-\x08\x0b-\x0c\x0e-\x1f]",
                                                            ics) is None
    assert "LOCATION:Rabat\\nCasablanca" in ics.replace("\r\n ", "")


def test_terminal_output_holds_no_control_character(built):
    _, result, _ = built
    out = result.stdout + result.stderr
    assert re.search(r"[\x00-\x08\x0b-\x1f\x7f]", out) is None


def test_a_failing_search_indexer_is_reported_fails_strict_and_keeps_the_index(built):
    project, _, site = built
    settings = project / "pelicanconf.py"
    original = settings.read_text()
    seed = project / "seeds" / "index.md"
    before = seed.read_text()
    link = project / "seeds" / "passwd.txt"
    link.unlink()  # skipped: --strict would fail on it first
    try:
        settings.write_text(original + '\nTIMELINE_PAGEFIND = ["/nonexistent/pagefind"]\n')
        seed.write_text(_article(12, "Nasser Bourita"))  # pages change: a shard to index
        strict = _invoke(project, "--strict")
        assert strict.returncode != 0
        assert "search index not built" in strict.stderr and "was left as it was" in strict.stderr
        assert _files(project / "output") == site
        loose = _invoke(project)
        assert loose.returncode == 0 and "WARNING search index not built" in loose.stderr
        now = _files(project / "output")
        index = {n: d for n, d in site.items() if n.startswith("pagefind/")}
        assert index and {n: d for n, d in now.items() if n.startswith("pagefind/")} == index
    finally:
        settings.write_text(original)
        seed.write_text(before)
        link.symlink_to("/etc/passwd")
    assert _invoke(project).returncode == 0


def test_terminal_names_are_escaped_when_extracting_alone(built):
    project, _, _ = built
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", "seeds"], cwd=project,
                          env=_env(), capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "\x1b" not in done.stderr
