"""Each seed article's extraction equals its reviewed golden file (``invoke golden``)."""

from contextlib import chdir

import pytest

from tests.golden import GOLDEN, ROOT, extraction, seed_files


@pytest.mark.parametrize("seed", seed_files(), ids=lambda p: p.name)
def test_seed_matches_golden(seed):
    golden = GOLDEN / f"{seed.stem}.json"
    assert golden.exists(), f"no golden file for {seed.name}: run `invoke golden` and review it"
    with chdir(ROOT):
        fresh = extraction(seed)
    assert fresh == golden.read_text(encoding="utf-8"), (
        f"{seed.name} no longer extracts as {golden.name}: if the change is right, "
        "run `invoke golden` and review the diff")
