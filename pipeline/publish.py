"""Publish stage: a site built in a staging folder -> the published site, all at once.

A build renders into a fresh staging folder (``.output-*`` beside ``output/``) only the
pages that changed; the pages it could take unchanged from the page store are left in the
published site and listed in ``KEPT`` (written by the timeline plugin into the cache
folder). Publishing then:

1. completes the staging folder: each file the build left in place is hard-linked into it
   from the published site (one system call, the same inode, which the next build
   recognises), and each file written again with the same bytes is replaced by a link to
   the published one, whose time servers and copies go by;
2. swaps the staging folder and ``output/`` in one atomic rename (``renameat2`` with
   ``RENAME_EXCHANGE`` on Linux; elsewhere two renames, between which ``output/`` is
   briefly absent but never a mix of two sites);
3. deletes the old site.

A reader of ``output/`` sees the old site or the new one, never a mix: a build killed at
any point leaves ``output/`` whole, and at worst a ``.output-*`` folder that the next
build deletes. Builds of one project hold a lock for their whole run (extraction writes
``content/`` and the caches too): a second build waits for the first, saying so.

This module knows nothing of Pelican: it moves files.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import filecmp
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPORT = "last-build.json"  # written by the timeline plugin into the cache folder
KEPT = "kept.txt"  # beside it: the files of the published site the build left in place
STAGING_PREFIX = ".output-"  # staging folders and old sites being deleted, beside output/
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
    """The staging folders and old sites beside ``output/`` (left by a killed build when
    no build is running)."""
    return sorted(output.parent.glob(STAGING_PREFIX + "*"))


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
    """A fresh, empty folder beside ``output/`` (same file system: it is renamed into
    place), readable as a published site must be."""
    output.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=output.parent))
    # mkdtemp makes the folder private (0700)
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def read_kept(cache: Path) -> set[str] | None:
    """The files of the published site the build left in place (names relative to it,
    with ``/``), or None when the build wrote the whole site into its staging folder."""
    try:
        return set((cache / KEPT).read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        return None


def problems(cache: Path) -> list[str]:
    """What the build's external steps (the search indexer) could not do, from its report."""
    try:
        return list(json.loads((cache / REPORT).read_text(encoding="utf-8"))["problems"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


def forget(cache: Path) -> None:
    """Remove the last build's report and list of kept files before a build starts."""
    for name in (REPORT, KEPT):
        (cache / name).unlink(missing_ok=True)


def complete(built: Path, output: Path, kept: set[str]) -> None:
    """Make ``built`` the whole new site: link the published file in place of each file
    ``built`` holds with the same bytes, unless it is a file of the plugin's stores (more
    than one link), which is published as that very file so that the next build finds it
    there; then link into it each file of ``output/`` named in ``kept``."""
    if output.is_dir():  # the build's own files first: a few hundred, not the whole site
        for folder, _dirs, files in os.walk(built):
            rel = os.path.relpath(folder, built)
            old = output if rel == "." else output / rel
            for name in files:
                path = os.path.join(folder, name)
                if os.lstat(path).st_nlink > 1:
                    continue  # from a store
                published = os.path.join(old, name)
                if _same_bytes(path, published):
                    tmp = path + ".publish-tmp"
                    os.link(published, tmp)
                    os.replace(tmp, path)
    # plain strings: Path objects cost more than the link itself, 14,000 times
    src, dst = str(output), str(built)
    made: set[str] = set()
    for name in sorted(kept):
        if not name or name.startswith("/") or ".." in name.split("/"):
            raise PublishError(f"{name!r} in the list of kept files is not a path inside "
                               f"{output}/; run the build again")
        folder = os.path.dirname(name)
        if folder not in made:
            os.makedirs(os.path.join(dst, folder), exist_ok=True)
            made.add(folder)
        try:
            os.link(os.path.join(src, name), os.path.join(dst, name))
        except FileNotFoundError as err:
            raise PublishError(f"{output / name} was removed while the site was being "
                               "built on it; run the build again") from err
        except FileExistsError:
            pass  # written by the build as well: its file wins


def _same_bytes(a: str, b: str) -> bool:
    try:
        return os.path.isfile(b) and filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


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


def swap(built: Path, output: Path) -> Path | None:
    """Put ``built`` in the place of ``output/``; the old site's folder (to delete), or None
    when there was none."""
    if not output.exists():
        built.rename(output)
        return None
    if _exchange(built, output):
        return built  # now holds the old site
    old = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + "old-", dir=output.parent))
    output.rename(old / "site")
    built.rename(output)
    return old


def publish(built: Path, output: Path, kept: set[str] | None) -> list[str]:
    """Publish the site built in ``built`` as ``output/`` (see the module's doc): ``kept``
    are the files the build left in ``output/`` (None: ``built`` is the whole site). On
    failure ``output/`` is unchanged and ``built`` deleted; the problems of deleting the
    old site afterwards are returned (the new one is published all the same)."""
    try:
        if kept is not None:
            if not output.is_dir():
                raise PublishError(f"{output}/ was removed while the site was being built "
                                   "on it; run the build again")
            complete(built, output, kept)
        old = swap(built, output)
    except BaseException:
        shutil.rmtree(built, ignore_errors=True)
        raise
    if old is None:
        return []
    try:
        shutil.rmtree(old)
    except OSError as err:
        return [f"{old}: the previous site could not be deleted ({err.strerror}: "
                f"{err.filename}); the new one is published. Make it writable and delete it"]
    return []
