"""Golden files: the extraction of each seed article, alone, as contract JSON.

``invoke golden`` (``python -m tests.golden``) rewrites ``tests/golden/<seed>.json``;
``tests/test_golden.py`` compares a fresh extraction with them. Review changes as a diff.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.contract import to_json
from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"


def seed_files() -> list[Path]:
    return sorted(p for p in SEEDS.iterdir() if p.suffix in {".txt", ".md", ".html", ".htm"})


def extraction(seed: Path) -> str:
    """The contract JSON of one seed, with its path relative to the repository."""
    extractions, events, _ = run([str(seed.relative_to(ROOT))], jobs=1)
    return to_json(extractions, events)


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    import os
    os.chdir(ROOT)
    for seed in seed_files():
        target = GOLDEN / f"{seed.stem}.json"
        target.write_text(extraction(seed), encoding="utf-8")
        doc = json.loads(target.read_text(encoding="utf-8"))
        print(f"{target.relative_to(ROOT)}: {len(doc['events'])} events")


if __name__ == "__main__":
    main()
