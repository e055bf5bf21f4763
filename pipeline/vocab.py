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


def line_of(name: str, needle: str, after: int = 1) -> int:
    """The first line at or after ``after`` of data file ``name`` holding ``needle`` (for
    error messages: PyYAML's fast loader keeps no positions)."""
    with (DATA / name).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if number >= after and needle in line:
                return number
    return after


def check_keys(name: str, entry: dict, allowed, where: str, anchor: str | None = None) -> None:
    """An unknown key in a vocabulary entry is an error naming the file and line (the first
    line holding the key after the line holding ``anchor``, the entry's own name)."""
    for key in entry:
        if key not in allowed:
            start = line_of(name, anchor) if anchor else 1
            raise ValueError(
                f"pipeline/data/{name}:{line_of(name, str(key), start)}: {where}: unknown key "
                f"{key!r} (known: {', '.join(sorted(allowed))}); fix or remove it")
