"""A one-line progress bar on standard error, shown only to a person at a terminal.

Silent when standard error is not a terminal or when ``CI`` is set, so that logs and
test output never fill with carriage returns. Written here rather than taken from a
library: it is twenty lines and the build has no other use for one.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .settings import in_ci

WIDTH = 30
EVERY = 0.1  # seconds between redraws: drawing each of 10,000 ticks would cost more


def wanted(stream: TextIO | None = None) -> bool:
    """True when the stream is an interactive terminal outside CI."""
    stream = stream or sys.stderr
    if in_ci():
        return False
    return bool(getattr(stream, "isatty", None) and stream.isatty())


class Progress:
    """``with Progress(total, "Extracting") as bar: bar.advance()``; a no-op when unwanted."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None,
                 enabled: bool | None = None):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.started = self.drawn = time.monotonic()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled and self.total:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and now - self.drawn >= EVERY:
            self.drawn = now
            self._draw()

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = int(WIDTH * share)
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] "
                          f"{self.done}/{self.total} {rate:,.0f}/s ")
        self.stream.flush()
