"""A broken data file of the tool stops the run once, naming the file, instead of skipping
every article with the same error."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest

from pipeline import cli
from pipeline import run as run_module
from pipeline.dates import vocabulary
from pipeline.errors import DataFileError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def broken_dates(tmp_path, monkeypatch):
    """A copy of the date vocabularies, one of which the test breaks with ``edit``."""
    folder = tmp_path / "dates"
    shutil.copytree(vocabulary.DATA_DIR, folder)
    monkeypatch.setattr(vocabulary, "DATA_DIR", folder)
    vocabulary.load.cache_clear()

    def edit(lang: str, old: str, new: str) -> Path:
        path = folder / f"{lang}.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path
    yield edit
    vocabulary.load.cache_clear()


def _articles(tmp: Path, n: int) -> list[str]:
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix == ".md")
    out = []
    for i in range(n):
        path = tmp / f"{i:02d}.md"
        path.write_text(seeds[i % len(seeds)].read_text(encoding="utf-8") + f"\nDépêche {i}.\n",
                        encoding="utf-8")
        out.append(str(path))
    return out


# a YAML slip (a backslash-escaped apostrophe in a single-quoted regex), a regex that does
# not compile, an unknown key
BREAKAGES = [
    ("fr", "\nmonths:", "\nmonths: 'l\\'an'\nmonthz:", r"fr\.yaml:\d+: invalid YAML"),
    ("fr", "re: '(?P<y>", "re: '((?P<y>",
     r"fr\.yaml: a regular expression does not compile \(missing \), unterminated subpattern"),
    ("en", "\nmonths:", "\nmonthes: []\nmonths:", r"en\.yaml:\d+: date vocabulary: unknown key"),
]


@pytest.mark.parametrize(("lang", "old", "new", "message"), BREAKAGES)
def test_a_broken_data_file_stops_the_run_once_naming_it(broken_dates, tmp_path, capsys,
                                                          caplog, lang, old, new, message):
    broken_dates(lang, old, new)
    code = cli.main(["extract", "--jobs", "1", *_articles(tmp_path, 3)])
    assert code == 1 and capsys.readouterr().out == ""
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1, lines
    assert lines[0].startswith("FAILED ") and lines[0].endswith("(no article was read)")
    assert re.search(message, lines[0]), lines[0]


def test_a_broken_data_file_stops_a_parallel_run_before_any_worker(broken_dates, tmp_path,
                                                                   monkeypatch):
    broken_dates("en", "\nmonths:", "\nmonths: 'l\\'an'\nmonthz:")
    monkeypatch.setattr(run_module, "PARALLEL_FROM", 2)
    with pytest.raises(DataFileError, match=r"en\.yaml:\d+: invalid YAML"):
        run_module.run(_articles(tmp_path, 4), jobs=2, cache=False)


def test_a_failing_warm_up_is_reported_as_a_data_problem(monkeypatch):
    def broken(*_args):
        raise KeyError("patterns")
    monkeypatch.setattr(run_module, "warm_up", broken)
    with pytest.raises(DataFileError, match=r"pipeline/data could not be loaded \(KeyError"):
        run_module.check_data()


def test_an_article_that_fails_is_still_skipped_alone(tmp_path, monkeypatch):
    """The other side: a failure that is the article's own stays one skipped file."""
    paths = _articles(tmp_path, 2)
    real = run_module.extract_article

    def flaky(path, *args):
        if path == paths[0]:
            raise ValueError("odd input")
        return real(path, *args)
    monkeypatch.setattr(run_module, "extract_article", flaky)
    extractions, report = run_module.extract_all(paths, jobs=1, cache=False)
    assert [x.article.path for x in extractions] == paths[1:]
    assert len(report.skipped) == 1 and "odd input" in report.skipped[0]
