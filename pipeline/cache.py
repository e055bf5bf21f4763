"""Per-article cache of ``Extraction`` records, keyed by content and pipeline version.

An extraction is a pure function of (the pipeline's code and data, the file's path and
bytes, the ``--dct`` option), so its record can be kept on disk and reused as long as
none of these change. The key hashes all of them; the pipeline version is the hash of
every source and data file of the ``pipeline`` package and of dateparser's version (its
locale data gives some languages their date words), so editing a vocabulary or a stage,
or upgrading dateparser, invalidates everything at once and nothing stale is ever served.

Layout: ``<folder>/<version>/<key>.pickle``, and the last merges' traces (see
``pipeline.remerge``) in ``<folder>/<version>/merge-trace-<inputs>.pickle``. Folders of other
versions are removed when a new version first writes, so the cache does not grow with
every edit. Writes are atomic (temporary file, then rename), so parallel workers and
interrupted builds never leave a half-written entry; an unreadable entry is a miss, never
an error.

The folder is ``.cache/extract`` under the working directory, or ``$DIPLO_CACHE``;
``DIPLO_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path

from .records import Dct, Extraction
from .remerge import Trace
from .settings import extract_cache

PACKAGE = Path(__file__).parent
# bump when the pickled layout itself changes without a source change (e.g. Python's)
FORMAT = "1"
# the last merges' traces, beside the extractions (same version, same lifetime): one per
# set of inputs, so that a run over other files does not replace a project's trace
TRACE = "merge-trace-{}.pickle"
TRACES_KEPT = 4


@cache
def pipeline_version() -> str:
    """A hash of every .py and data file of the package (names and bytes), and of the
    version of dateparser, whose locale data makes the date words of some languages."""
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(f"dateparser {metadata.version('dateparser')}\0".encode())
    files = sorted(p for p in PACKAGE.rglob("*")
                   if p.is_file() and p.suffix in (".py", ".yaml", ".yml", ".json", ".txt"))
    for path in files:
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def default_folder() -> Path | None:
    """The cache folder from ``$DIPLO_CACHE`` (``off`` for none), or ``.cache/extract``."""
    return extract_cache()


def _inputs_key(inputs: Sequence[str]) -> str:
    return hashlib.sha256("\0".join(os.path.abspath(i) for i in inputs).encode()).hexdigest()[:16]


def article_key(path: str, data: bytes, dct: Dct | None) -> str:
    """The key of one article: its path (records carry it), bytes and the dct option."""
    digest = hashlib.sha256()
    for part in (path.encode("utf-8"), repr(dct).encode("utf-8"), data):
        # lengths first, so that no two different triples hash the same bytes
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


class ExtractionCache:
    """Load and store ``Extraction`` records under one folder for the current version."""

    def __init__(self, folder: Path | str, version: str | None = None):
        self.root = Path(folder)
        self.version = version or pipeline_version()
        self.folder = self.root / self.version
        self.hits = 0
        self.misses = 0

    def key(self, path: str, dct: Dct | None) -> str | None:
        """The key of the file at ``path``, or None when it cannot be read (not cached)."""
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        return article_key(path, data, dct)

    def load(self, key: str | None) -> Extraction | None:
        if key is None:
            return None
        record = self._read(f"{key}.pickle", Extraction)
        if record is None:
            self.misses += 1
            return None
        self.hits += 1
        return record

    def store(self, key: str | None, record: Extraction) -> None:
        if key is not None:
            self._write(f"{key}.pickle", record)

    def load_trace(self, inputs: Sequence[str]) -> Trace | None:
        """The trace of the last merge of ``inputs`` (the files and folders a run was
        given) with this version (``pipeline.remerge``)."""
        return self._read(TRACE.format(_inputs_key(inputs)), Trace)

    def store_trace(self, inputs: Sequence[str], trace: Trace) -> None:
        """Keep ``trace`` for the next merge of ``inputs``, and the traces of the few sets
        of inputs merged last."""
        self._write(TRACE.format(_inputs_key(inputs)), trace)
        try:
            traces = sorted(self.folder.glob(TRACE.format("*")), key=lambda p: p.stat().st_mtime_ns,
                            reverse=True)
            for old in traces[TRACES_KEPT:]:
                old.unlink()
        except OSError:  # another run pruning at the same time
            pass

    def _read(self, name: str, kind: type):
        try:
            with (self.folder / name).open("rb") as f:
                record = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
                TypeError, ValueError):
            return None
        return record if isinstance(record, kind) else None

    def _write(self, name: str, record) -> None:
        tmp = None
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                self.prune()
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(record, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / name)
        except (OSError, pickle.PicklingError):
            # a read-only or full disk costs speed, never the build
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove the folders of other pipeline versions: their entries can never hit."""
        for other in self.root.iterdir():
            if other.is_dir() and other.name != self.version:
                shutil.rmtree(other, ignore_errors=True)
