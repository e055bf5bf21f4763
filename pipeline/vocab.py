"""Load the vocabularies kept as data files under ``pipeline/data``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .errors import DataFileError

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
    return read_yaml(DATA / name)


def read_yaml(path: Path):
    """Parse the data file at ``path``; a syntax error names the file and its line."""
    with path.open(encoding="utf-8") as handle:
        try:
            return parse_yaml(handle)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            problem = getattr(err, "problem", None) or err
            raise DataFileError(f"{shown(path)}{line}: invalid YAML ({problem}); fix the "
                                "file there") from err


def shown(path: Path) -> str:
    """``path`` as a maintainer finds it: ``pipeline/data/...``."""
    try:
        return path.relative_to(DATA.parent.parent).as_posix()
    except ValueError:
        return str(path)


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
            raise DataFileError(
                f"pipeline/data/{name}:{line_of(name, str(key), start)}: {where}: unknown key "
                f"{key!r} (known: {', '.join(sorted(allowed))}); fix or remove it")
