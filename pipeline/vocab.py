"""Load the vocabularies kept as data files under ``pipeline/data``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
# libyaml's parser when PyYAML was built with it (its wheels are): same data, 8x faster,
# and every build that extracts an article loads every vocabulary
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(stream):
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(stream, Loader=LOADER)


@cache
def load_yaml(name: str):
    """Parse one data file (cached: vocabularies are read once per process)."""
    path = DATA / name
    with path.open(encoding="utf-8") as handle:
        try:
            return parse_yaml(handle)
        except yaml.YAMLError as err:
            raise ValueError(f"{path}: invalid YAML: {err}") from err
