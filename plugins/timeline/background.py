"""Work done in a forked child while Pelican's process goes on writing pages: the site
in its other languages (``languages.py``).

A child forked before the view model is built shares none of it: a child forked after
would write the reference count of each object it read, copying most of the model's
memory (the exports were written so once, at 465 MB a language at 32,000 events, and
made rebuilds slower). Where the system has no fork, the work is done in place.
"""

from __future__ import annotations

import gc
import json
import os
import traceback
from collections.abc import Callable

# a failure's traceback goes through a pipe the parent reads only at the end: kept below
# the pipe's buffer so that the child never blocks on writing it
MAX_REPORT = 60_000
DONE = b"\0"  # before the child's result: what follows is JSON, not a failure's report


class Child:
    """``work()`` run in a forked child; ``join`` returns its result (JSON-able)."""

    def __init__(self, work: Callable[[], object], what: str) -> None:
        self.what = what  # said when it fails
        self.pid: int | None = None
        self.result: object = None
        if not hasattr(os, "fork"):
            self.result = work()
            return
        read, write = os.pipe()
        # objects moved out of the collector's view: a collection in the child would
        # write to every object it walks, and copy the pages it shares with the parent
        # (the parent keeps frozen what it had frozen itself)
        frozen = gc.get_freeze_count() > 0
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            code = 0
            try:
                gc.disable()
                result = DONE + json.dumps(work()).encode("utf-8")
                # the parent reads only when it joins: the child may wait here until then
                while result:
                    result = result[os.write(write, result):]
            except BaseException:
                report = traceback.format_exc().encode("utf-8", "replace")[-MAX_REPORT:]
                os.write(write, report)
                code = 1
            finally:
                os._exit(code)  # no cleanup: the parent's files and database stay its own
        if not frozen:
            gc.unfreeze()
        os.close(write)
        self.pid, self.read = pid, read

    def join(self, quiet: bool = False) -> object:
        """Wait for the child and return what ``work`` returned; raise its failure unless
        ``quiet`` (then None)."""
        if self.pid is None:
            return self.result
        chunks = []
        while chunk := os.read(self.read, 65536):
            chunks.append(chunk)
        os.close(self.read)
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        said = b"".join(chunks)
        if status == 0 and said.startswith(DONE):
            self.result = json.loads(said[len(DONE):])
            return self.result
        if not quiet:
            detail = said.decode("utf-8", "replace").strip()
            raise RuntimeError(f"{self.what} failed: {detail or f'status {status}'}")
        return None
