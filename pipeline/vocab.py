"""Load the vocabularies kept as data files under ``pipeline/data``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@cache
def load_yaml(name: str):
    """Parse one data file (cached: vocabularies are read once per process)."""
    path = DATA / name
    with path.open(encoding="utf-8") as handle:
        try:
            return yaml.safe_load(handle)
        except yaml.YAMLError as err:
            raise ValueError(f"{path}: invalid YAML: {err}") from err
