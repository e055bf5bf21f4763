"""Publish stage: a site built in a staging folder -> the published site, all at once.

A build renders into the staging folder (``.output-build`` beside ``output/``), which
holds the site of the build before the last one: the site the last build replaced. The
build updates it in place, never writing through a file (a page of the page store is a
link shared with the store and perhaps with the published site: it is replaced, not
overwritten): a page whose stored file is already there under its name is left as it
is, one ``stat``; the others are linked from the stores or rendered; the files this build
did not make are deleted (``prune``). Publishing then:

1. swaps the staging folder and ``output/`` in one atomic rename (``renameat2`` with
   ``RENAME_EXCHANGE`` on Linux; elsewhere two renames, between which ``output/`` is
   briefly absent but never a mix of two sites);
2. leaves the old site where the staging folder was: the next build's staging folder.

So a rebuild links, writes and deletes only what changed since the site it updates,
instead of making a whole new tree of links and deleting the old one (three quarters of
a second at a thousand articles). A reader of ``output/`` sees the old site or the new
one, never a mix: a build killed at any point leaves ``output/`` whole, and at worst a
staging folder half updated, which the next build checks file by file like any other.
Builds of one project hold a lock for their whole run (extraction writes ``content/``
and the caches too): a second build waits for the first, saying so.

This module knows nothing of Pelican: it moves files.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPORT = "last-build.json"  # written by the timeline plugin into the cache folder
STAGING_PREFIX = ".output-"  # staging folders, beside output/
BUILD = STAGING_PREFIX + "build"  # the staging folder a build updates (the site before last)
LOCK = "build.lock"


class PublishError(Exception):
    """Publishing failed; ``output/`` is the site it was before (the message says what to do)."""


@contextlib.contextmanager
def lock(path: Path, say=print) -> Iterator[None]:
    """Hold the build lock at ``path`` (a file, made if missing) for the ``with`` block.

    A second build of the same project waits for the first, after saying so: two builds
    writing ``content/``, the caches and ``output/`` at once would publish a site that
    matches neither input. The lock is the kernel's (``flock``): a killed build holds it
    no more."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl
        except ImportError:  # no flock (Windows): builds are not serialised there
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            say(f"Another build of this project is running (process {holder}, lock {path}); "
                "waiting for it to end (Ctrl-C stops this one).", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def scratch(output: Path) -> list[Path]:
    """The folders beside ``output/`` that no build uses: left by a killed build of an
    earlier version, or by the two renames of a system without an atomic swap."""
    return sorted(p for p in output.parent.glob(STAGING_PREFIX + "*") if p.name != BUILD)


def clean(output: Path) -> list[str]:
    """Delete what killed builds left beside ``output/``; call it under the lock. The
    folders that could not be deleted, each with what to do."""
    problems = []
    for folder in scratch(output):
        try:
            shutil.rmtree(folder)
        except OSError as err:
            problems.append(f"{folder}: left by an earlier build and cannot be deleted "
                            f"({err.strerror}); delete it by hand")
    return problems


def staging(output: Path) -> Path:
    """The folder the build is made in, beside ``output/`` (same file system: it is renamed
    into place): the site before the last one when there is one, else a new folder;
    readable as a published site must be."""
    output.parent.mkdir(parents=True, exist_ok=True)
    folder = output.parent / BUILD
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        folder.unlink()  # not a folder: nothing of a site
    folder.mkdir(exist_ok=True)
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def discard(folder: Path) -> list[str]:
    """Delete a staging folder a build failed in (its files may be what made it fail);
    one that cannot be deleted is set aside, for ``clean`` to report at each build, so
    that the next build starts from a new folder. What could not be done, with what to do."""
    shutil.rmtree(folder, ignore_errors=True)
    if not folder.exists():
        return []
    aside = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + "old-", dir=folder.parent))
    try:
        folder.rename(aside / "site")
    except OSError as err:
        return [f"{folder}: cannot be deleted nor moved ({err.strerror}); delete it by hand"]
    return [f"{aside}: cannot be deleted; delete it by hand"]


def prune(root: Path, made: set[str], whole: tuple[str, ...] = ()) -> None:
    """Delete every file under ``root`` that this build did not make (``made``: paths
    relative to ``root``, with ``/``), except under the folders of ``whole`` ("en/":
    another build's to prune); then the folders left empty."""
    base = str(root)
    for folder, dirs, files in os.walk(base):
        rel = os.path.relpath(folder, base)
        rel = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        dirs[:] = [d for d in dirs if rel + d + "/" not in whole]
        for name in files:
            if rel + name not in made:
                os.unlink(os.path.join(folder, name))
    for folder, _dirs, _files in os.walk(base, topdown=False):
        if folder != base:
            with contextlib.suppress(OSError):  # not empty
                os.rmdir(folder)


def problems(cache: Path) -> list[str]:
    """What the build's external steps (the search indexer) could not do, from its report."""
    try:
        return list(json.loads((cache / REPORT).read_text(encoding="utf-8"))["problems"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


def forget(cache: Path) -> None:
    """Remove the last build's report before a build starts."""
    (cache / REPORT).unlink(missing_ok=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; False where the system cannot."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # file system cannot
        return False
    raise OSError(code, os.strerror(code), str(a))


def swap(built: Path, output: Path) -> None:
    """Put ``built`` in the place of ``output/``, and the old site, if any, in the place
    of ``built``."""
    if not output.exists():
        built.rename(output)
        return
    if _exchange(built, output):
        return
    old = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + "old-", dir=output.parent))
    output.rename(old / "site")
    built.rename(output)
    (old / "site").rename(built)
    old.rmdir()


def publish(built: Path, output: Path) -> None:
    """Publish the site built in ``built`` as ``output/`` (see the module's doc); the old
    site is left in ``built`` for the next build. On failure ``output/`` is unchanged."""
    if not built.is_dir():
        raise PublishError(f"{built}/ was removed while the site was being built in it; "
                           "run the build again")
    swap(built, output)
