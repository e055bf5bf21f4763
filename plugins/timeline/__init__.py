"""Pelican plugin rendering the diplomatic timeline from ``content/data/timeline.json``.

Registers one generator (see ``generator.py``); the event and source pages themselves are
Pelican articles and pages whose templates read the same view model.
"""

from pelican import signals

from .generator import TimelineGenerator
from .search import build_index


def _generators(_pelican):
    return TimelineGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
    signals.finalized.connect(build_index)
