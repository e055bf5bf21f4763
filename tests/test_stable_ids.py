"""Adding an article never changes an existing event's URL unless it merges into it, and
then the old id is kept as an alias that still leads to the event."""

from contextlib import chdir
from pathlib import Path

import pytest

from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").iterdir()
               if p.suffix in {".md", ".txt"})


def reachable(events) -> set[str]:
    return {i for e in events for i in (e.id, *e.aliases)}


@pytest.fixture(scope="module")
def full():
    with chdir(ROOT):
        return run(SEEDS, jobs=1, cache=False)[1]


@pytest.mark.parametrize("added", SEEDS, ids=lambda p: Path(p).name)
def test_adding_an_article_keeps_every_earlier_url(added, full):
    with chdir(ROOT):
        before = run([p for p in SEEDS if p != added], jobs=1, cache=False)[1]
    lost = {e.id for e in before} - reachable(full)
    assert not lost, f"adding {added} made these event URLs unreachable: {sorted(lost)}"
