"""Pelican plugin rendering the diplomatic timeline from ``content/data/timeline.json``.

Registers one generator (see ``generator.py``) writing every page of the timeline from
it, events and sources included. Its writer takes pages rendered by an earlier build with
the same inputs from a page store (``reuse.py``).
"""

import gc

from pelican import signals

from pipeline.settings import SettingError, configure

from .generator import TimelineGenerator
from .reuse import ReusingWriter


def _configure(pelican) -> None:
    # every TIMELINE_* setting checked and defaulted before anything reads one; Pelican
    # would print a traceback for an exception, and the message is all there is to say
    try:
        configure(pelican.settings)
    except SettingError as err:
        raise SystemExit(f"Pelican settings: {err}") from None


def _generators(_pelican):
    return TimelineGenerator


def _writer(_pelican):
    return ReusingWriter


def _finalized(_pelican) -> None:
    # the build is over and Pelican's process usually ends here: its final collection
    # would walk every object of the view model and the pages again (0.2 s at a thousand
    # articles). The next build in the same process unfreezes them (generator.py).
    gc.freeze()


def register() -> None:
    signals.initialized.connect(_configure)
    signals.get_generators.connect(_generators)
    signals.get_writer.connect(_writer)
    signals.finalized.connect(_finalized)
