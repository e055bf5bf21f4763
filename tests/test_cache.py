"""The extraction and Pelican caches make builds faster, never different.

A cold build (empty caches) and a warm build (every article and content file cached)
of the same few articles must give byte-identical content and site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from pipeline.cache import ExtractionCache, article_key
from pipeline.content import write_content
from pipeline.records import Dct
from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("2021-*.md"))[:4]


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _build(tmp: Path, seeds: Path, cache: ExtractionCache | None, pelican_cache: Path | None,
           name: str) -> dict[str, bytes]:
    """Content and site of ``seeds``; the site goes to ``tmp/name``, keys relative to it."""
    extractions, events, _ = run([str(seeds)], cache=cache if cache is not None else False)
    content, output = tmp / "content", tmp / name
    write_content(extractions, events, content)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "TIMELINE_SEARCH": False,
        "CACHE_CONTENT": pelican_cache is not None,
        "LOAD_CONTENT_CACHE": pelican_cache is not None,
        "CACHE_PATH": str(pelican_cache or tmp / "unused")})
    Pelican(settings).run()
    return {**{f"content/{k}": v for k, v in _files(content).items()}, **_files(output)}


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    return folder


def test_cached_build_is_byte_identical_to_a_cold_build(tmp_path, seeds):
    assert len(SEEDS) >= 3
    cold = _build(tmp_path / "cold", seeds, None, None, "site")
    cache = ExtractionCache(tmp_path / "extract")
    first = _build(tmp_path / "warm", seeds, cache, tmp_path / "pelican", "first")
    assert cache.hits == 0 and cache.misses == len(SEEDS)
    warm_cache = ExtractionCache(tmp_path / "extract")
    warm = _build(tmp_path / "warm", seeds, warm_cache, tmp_path / "pelican", "second")
    assert warm_cache.hits == len(SEEDS)
    # the second build read every article from the cache and still wrote the same bytes
    content = {k: v for k, v in cold.items() if k.startswith("content/")}
    site = {k: v for k, v in cold.items() if not k.startswith("content/")}
    for build in (first, warm):
        assert {k: v for k, v in build.items() if k.startswith("content/")} == content
        assert {k: v for k, v in build.items() if not k.startswith("content/")} == site

def test_an_edited_article_is_extracted_again(tmp_path, seeds):
    cache = ExtractionCache(tmp_path / "extract")
    run([str(seeds)], cache=cache)
    edited = sorted(seeds.iterdir())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nUne phrase de plus.\n",
                      encoding="utf-8")
    again = ExtractionCache(tmp_path / "extract")
    extractions, _, _ = run([str(seeds)], cache=again)
    assert (again.hits, again.misses) == (len(SEEDS) - 1, 1)
    assert any("Une phrase de plus." in x.article.text for x in extractions)


def test_the_key_depends_on_path_bytes_and_date_option():
    base = article_key("a.md", b"text", None)
    assert base == article_key("a.md", b"text", None)
    assert len({base, article_key("b.md", b"text", None), article_key("a.md", b"text!", None),
                article_key("a.md", b"text", Dct("2021-01-01", "option"))}) == 4


def test_another_pipeline_version_never_hits_and_is_pruned(tmp_path, seeds):
    old = ExtractionCache(tmp_path / "extract", version="old")
    run([str(seeds)], cache=old)
    new = ExtractionCache(tmp_path / "extract", version="new")
    run([str(seeds)], cache=new)
    assert new.hits == 0
    assert [p.name for p in (tmp_path / "extract").iterdir()] == ["new"]


def test_a_damaged_entry_is_a_miss(tmp_path, seeds):
    cache = ExtractionCache(tmp_path / "extract")
    run([str(seeds)], cache=cache)
    for entry in cache.folder.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again = ExtractionCache(tmp_path / "extract")
    extractions, _, _ = run([str(seeds)], cache=again)
    assert again.hits == 0 and len(extractions) == len(SEEDS)


def test_the_pipeline_version_follows_dateparsers(monkeypatch):
    from pipeline import cache as cache_module

    before = cache_module.pipeline_version()
    real = cache_module.metadata.version
    monkeypatch.setattr(cache_module.metadata, "version",
                        lambda name: "0.0-other" if name == "dateparser" else real(name))
    cache_module.pipeline_version.cache_clear()
    try:
        assert cache_module.pipeline_version() != before
    finally:
        cache_module.pipeline_version.cache_clear()
