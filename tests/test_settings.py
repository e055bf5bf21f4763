"""The project's settings read and checked in one place (pipeline.settings)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import cli, labels, settings
from pipeline.settings import SETTINGS, SettingError, configure, pelican_cache, site_languages

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_not_given_gets_its_default_and_the_others_are_kept():
    given = {"TIMELINE_SEARCH": False, "TIMELINE_INDEX_MAX": 7, "SITENAME": "x"}
    got = configure(dict(given))
    assert got["TIMELINE_SEARCH"] is False and got["TIMELINE_INDEX_MAX"] == 7
    assert got["SITENAME"] == "x"
    assert {k: got[k] for k in SETTINGS if k not in given} == {
        k: s.default for k, s in SETTINGS.items() if k not in given}


def test_the_defaults_are_valid_settings():
    for s in SETTINGS.values():
        assert s.valid(s.default), s.name


def test_a_misspelt_setting_is_named_with_the_one_meant():
    with pytest.raises(SettingError, match="unknown setting TIMELINE_SERCH: did you mean "
                                           "TIMELINE_SEARCH"):
        configure({"TIMELINE_SERCH": False})
    with pytest.raises(SettingError, match="unknown setting TIMELINE_COLOUR: remove it"):
        configure({"TIMELINE_COLOUR": "red"})


@pytest.mark.parametrize("name, value, says", [
    ("TIMELINE_INDEX_MAX", "100", "a whole number of 1 or more"),
    ("TIMELINE_INDEX_MAX", 0, "a whole number of 1 or more"),
    ("TIMELINE_FACET_MAX", True, "a whole number of 1 or more"),
    ("TIMELINE_SEARCH", "false", "True or False"),
    ("TIMELINE_SEARCH_JOBS", 1.5, "a whole number of 1 or more, or None"),
    ("TIMELINE_PAGEFIND", "npx pagefind", "a command as a list of strings"),
    ("TIMELINE_PUBLIC_URL", "https://example.org/", 'without a final "/"'),
    ("TIMELINE_PUBLIC_URL", "example.org", "an absolute http(s) address"),
    ("TIMELINE_LANG", "de", "one of the site languages (fr, en) or None"),
])
def test_an_ill_typed_setting_is_named_with_what_it_must_be(name, value, says):
    with pytest.raises(SettingError, match=re.escape(f"setting {name} = {value!r}: it must be ")
                       + ".*" + re.escape(says)):
        configure({name: value})


def test_the_site_languages_are_those_with_strings_labels_titles_and_dates(monkeypatch):
    assert site_languages() == ("fr", "en")
    # Spanish has a date vocabulary but no site strings: no site in Spanish
    monkeypatch.setattr(labels, "LANGS", (*labels.LANGS, "es"))
    site_languages.cache_clear()
    try:
        assert site_languages() == ("fr", "en")
    finally:
        site_languages.cache_clear()


def test_an_unknown_lang_option_is_refused_with_the_languages_there_are(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["build", "seeds", "--content", "unused", "--lang", "de"])
    assert stop.value.code == 2
    assert "'de': no site language of that name; use one of fr, en" in capsys.readouterr().err


def test_pelican_stops_on_a_misspelt_setting_and_says_which(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(tmp_path), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(tmp_path / "out"), "-q", "-e", "TIMELINE_INDEX_MAXI=10"],
        cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    assert "unknown setting TIMELINE_INDEX_MAXI: did you mean TIMELINE_INDEX_MAX?" in run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "out").exists()


def test_the_cache_folder_is_one_per_settings_file_wherever_it_is_asked():
    import pelicanconf
    import publishconf
    import tasks
    assert Path(pelicanconf.CACHE_PATH) == ROOT / ".cache" / "pelican" / "pelicanconf"
    assert Path(publishconf.CACHE_PATH) == ROOT / ".cache" / "pelican" / "publishconf"
    assert tasks._cache_path("publishconf.py") == pelican_cache(ROOT / "publishconf.py")


def test_the_environment_is_read_with_its_defaults(monkeypatch):
    for name in settings.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    assert settings.extract_cache() == Path(".cache") / "extract"
    assert settings.env_lang() is None and settings.public_url() == "" and not settings.in_ci()
    monkeypatch.setenv("DIPLO_CACHE", "off")
    monkeypatch.setenv("SITE_PUBLIC_URL", "https://example.org/timeline/")
    monkeypatch.setenv("CI", "true")
    assert settings.extract_cache() is None and settings.in_ci()
    assert settings.public_url() == "https://example.org/timeline"
