"""End to end: articles -> ``python -m pipeline build`` -> Pelican -> the timeline page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d7c44e2311d972f8.txt"
SEED_TIMES = [("2020", "fin 2020"), ("2021-11-24", "24 novembre 2021"),
              ("2022-11-24", "jeudi 24 novembre 2022")]
# with the other seeds, Gantz's 2021 visit is told from his arrival on the evening before
FULL_TIMES = [SEED_TIMES[0], ("2021-11-23", "du 23 novembre 2021 au 24 novembre 2021"),
              SEED_TIMES[2]]


def build(inputs: list[Path], tmp: Path) -> Path:
    content, output = tmp / "content", tmp / "output"
    done = subprocess.run([sys.executable, "-m", "pipeline", "build", *map(str, inputs),
                           "--content", str(content)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert re.search(r"Done: \d+ articles read, \d+ events, 0 skipped", done.stderr)
    settings = read_settings(str(ROOT / "pelicanconf.py"),
                             override={"PATH": str(content), "OUTPUT_PATH": str(output)})
    Pelican(settings).run()
    return output


def times(page: Path) -> list[tuple[str, str]]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'<time datetime="([^"]+)"[^>]*>([^<]+)</time>', html)


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("seed")
    shutil.copy(SEED, tmp / SEED.name)
    return build([tmp / SEED.name], tmp)


@pytest.fixture(scope="module")
def full_site(tmp_path_factory) -> Path:
    return build([ROOT / "seeds"], tmp_path_factory.mktemp("full"))


def test_seed_alone_gives_its_three_events_in_order(seed_site):
    assert times(seed_site / "index.html") == SEED_TIMES


def test_each_seed_event_page_quotes_the_seed_and_links_its_page(seed_site):
    html = (seed_site / "index.html").read_text(encoding="utf-8")
    pages = sorted(set(re.findall(r'href="\./(events/[^"]+\.html)"', html)))
    assert len(pages) == 3
    text = SEED.read_text(encoding="utf-8")
    for page in pages:
        event = (seed_site / page).read_text(encoding="utf-8")
        assert re.search(r'href="\.\./sources/[^"#]+\.html#ev-\d+-\d+"', event), page
        quotes = [unescape(re.sub(r"<[^>]+>", "", q)).strip()
                  for q in re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", event, re.S)]
        assert quotes and all(q and q in text for q in quotes), page


def test_full_build_keeps_the_seed_events_in_chronological_order(full_site):
    found = times(full_site / "index.html")
    assert [t for t in found if t in FULL_TIMES] == FULL_TIMES
    years = [value[:4] for value, _ in found]
    days = [value for value, _ in found if len(value) == 10]
    assert years == sorted(years) and days == sorted(days)
