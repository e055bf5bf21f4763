"""Event modes, declared once in ``data/modes.yaml``: each mode's PLOVER type, its label
per site language, whether it makes an event diplomatic, whether it may last several
days, the modes it is never one happening with, and its title templates.

Every list that needs modes derives from ``modes()``: the site's labels, the curation
file's check, the events stage's diplomatic modes, the merge's modes kept apart, the
titles. The file is composed rather than loaded so that a problem names its line: an
unknown key, a missing one, an ``apart`` naming an undeclared mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from .vocab import DATA

PATH = "pipeline/data/modes.yaml"
LANGS = ("fr", "en")  # the site languages every label and title list must cover
KEYS = ("type", "label", "diplomatic", "stays", "apart", "titles")
REQUIRED = ("type", "label", "titles")


@dataclass(frozen=True)
class Mode:
    name: str
    type: str
    label: dict  # language -> label
    diplomatic: bool
    stays: bool
    apart: tuple[str, ...]  # as written; ``apart_pairs`` reads it both ways
    titles: dict  # language -> tuple of templates
    line: int  # where it is declared, for the messages of files that refer to it


class ModesError(ValueError):
    """A problem in a file declaring or naming modes, with its file and line."""

    def __init__(self, path: str, line: int, what: str, todo: str) -> None:
        super().__init__(f"{path}:{line}: {what}; {todo}")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not node.value:
        raise ModesError(PATH, _line(node), f"{what} must be a plain value", "write it as text")
    return node.value


def _pairs(node: yaml.Node, what: str, allowed) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise ModesError(PATH, _line(node), f"{what} must be a mapping",
                         f"write key: value lines; keys: {', '.join(allowed)}")
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in allowed:
            raise ModesError(PATH, _line(key), f"unknown key {name!r} in {what}",
                             f"use one of: {', '.join(allowed)}")
        if name in out:
            raise ModesError(PATH, _line(key), f"key {name!r} appears twice in {what}",
                             "keep only one")
        out[name] = value
    return out


def _list(node: yaml.Node, what: str) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise ModesError(PATH, _line(node), f"{what} must be a list", "write [a, b]")
    return tuple(_scalar(n, what) for n in node.value)


def _flag(node: yaml.Node, what: str) -> bool:
    value = _scalar(node, what)
    if value not in ("true", "false"):
        raise ModesError(PATH, _line(node), f"{what} is {value!r}", "write true or false")
    return value == "true"


def _per_language(node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    found = _pairs(node, what, LANGS)
    missing = [lang for lang in LANGS if lang not in found]
    if missing:
        raise ModesError(PATH, _line(node), f"{what} lacks {', '.join(missing)}",
                         f"give one for each of {', '.join(LANGS)}")
    return found


def _mode(name: str, node: yaml.Node, line: int) -> Mode:
    fields = _pairs(node, f"mode {name!r}", KEYS)
    missing = [k for k in REQUIRED if k not in fields]
    if missing:
        raise ModesError(PATH, line, f"mode {name!r} lacks {', '.join(missing)}",
                         "declare its type, its label per language and its titles")
    labels = _per_language(fields["label"], f"label of {name!r}")
    titles = _per_language(fields["titles"], f"titles of {name!r}")
    return Mode(
        name=name,
        type=_scalar(fields["type"], f"type of {name!r}"),
        label={lang: _scalar(n, f"label of {name!r}") for lang, n in labels.items()},
        diplomatic=_flag(fields["diplomatic"], "diplomatic") if "diplomatic" in fields else False,
        stays=_flag(fields["stays"], "stays") if "stays" in fields else False,
        apart=_list(fields["apart"], f"apart of {name!r}") if "apart" in fields else (),
        titles={lang: _list(n, f"titles of {name!r}") for lang, n in titles.items()},
        line=line)


def parse(text: str) -> dict[str, Mode]:
    """The modes declared in ``text`` (the content of modes.yaml), checked."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as err:
        raise ModesError(PATH, getattr(getattr(err, "problem_mark", None), "line", -1) + 1,
                         f"invalid YAML: {err}", "fix the syntax") from err
    if not isinstance(root, yaml.MappingNode):
        raise ModesError(PATH, 1, "the file must map mode names to their declarations",
                         "write 'name:' then its keys, indented")
    out: dict[str, Mode] = {}
    for key, value in root.value:
        name = _scalar(key, "a mode name")
        if name in out:
            raise ModesError(PATH, _line(key), f"mode {name!r} is declared twice", "keep one")
        out[name] = _mode(name, value, _line(key))
    for mode in out.values():
        for other in mode.apart:
            if other not in out:
                raise ModesError(PATH, mode.line, f"mode {mode.name!r} is apart from "
                                 f"{other!r}, which is not declared",
                                 f"name declared modes: {', '.join(out)}")
    return out


@cache
def modes() -> dict[str, Mode]:
    """Every declared mode, by name, in the order of the file."""
    return parse((DATA / "modes.yaml").read_text(encoding="utf-8"))


def check(name: str | None, path: str, line: int) -> None:
    """Raise when a file names a mode that is not declared."""
    if name is not None and name not in modes():
        raise ModesError(path, line, f"unknown mode {name!r}",
                         f"declare it in {PATH} or use one of {', '.join(modes())}")


def labels(lang: str) -> dict[str, str]:
    """Mode -> the plain label the site shows in ``lang``."""
    return {m.name: m.label[lang] for m in modes().values()}


def diplomatic() -> frozenset[str]:
    return frozenset(m.name for m in modes().values() if m.diplomatic)


def stays() -> frozenset[str]:
    return frozenset(m.name for m in modes().values() if m.stays)


def apart_pairs() -> frozenset[frozenset[str]]:
    """Pairs of modes that are never one happening (declared on either side)."""
    return frozenset(frozenset((m.name, other)) for m in modes().values() for other in m.apart)


def title_templates(lang: str) -> list[dict]:
    """The title templates of every mode in ``lang``, as titles.yaml writes its own."""
    return [{"mode": m.name, "text": text} for m in modes().values()
            for text in m.titles.get(lang, ())]
