"""The shipped ``content/curation.yaml`` applies cleanly to the current seeds: when the
extraction changes an id it refers to, this fails until the file is updated (like a
golden file), so the published site never carries a stale correction."""

from contextlib import chdir
from pathlib import Path

from pipeline.curation import apply_curation, load_curation
from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent


def test_every_curation_entry_still_applies():
    with chdir(ROOT):
        extractions, events, _ = run(["seeds"], jobs=1, cache=False)
        curation = load_curation(Path("content/curation.yaml"))
        problems = list(curation.errors)
        curated = apply_curation(events, curation, extractions, problems, "fr")
    assert problems == []
    assert any(e.curated for e in curated)
