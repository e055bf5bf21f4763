"""Full-text search index, built with Pagefind while Pelican writes the site.

In: the output folder and the shard plan made from the view model (``plan``). Only event
and source pages are indexed: once they are written (``start_index``) the shards are
indexed in the background while the facet pages and exports are written, and the build
waits for them when Pelican has finished (``build_index``).
Out: ``<output>/pagefind/<shard>/``, one Pagefind bundle per shard, which the search page
loads as one index (Pagefind's ``mergeIndex``).

Events are indexed by quarter (by decade in years with few events) and sources in a few
buckets of their slug's hash. Pagefind holds a whole index in memory and has no
incremental mode: shards keep its memory to one shard's size, and a shard whose pages did
not change is taken from the shard store (``<CACHE_PATH>/search``) instead of being
indexed again, so adding an article re-indexes a quarter or two and one bucket. Only
elements marked ``data-pagefind-body`` are indexed. Each bundle is a function of its
pages, so the site stays reproducible. Without the Pagefind binary the build goes on
without search; the search page says so.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import msgspec

from .languages import sites_at_once
from .reuse import Published, Store, link, report, stamp, store_folder, unchanged, version

logger = logging.getLogger(__name__)

# source pages are long: at most this many per bucket, the buckets doubling as the corpus
# grows (every source shard is indexed again once per doubling: 800, 1,600, 3,200 sources)
SOURCES_PER_SHARD = 400
# events: a year with more than this many is indexed by quarter, the others by decade. A
# shard is indexed again whenever one of its pages changes; an added article touches a
# year or two, and a quarter costs a fourth of the year to index again
EVENTS_PER_SHARD = 300
FOLDER = "pagefind"


def _event_shard(event: dict, year_size: int) -> str:
    """A small year is pooled with its decade, a large one cut into quarters (by the
    month an event is sorted under, whatever its precision)."""
    year = event["year"]
    if year_size <= EVENTS_PER_SHARD:
        return f"e{year[:-1]}0s"
    return f"e{year}q{(event['month'] - 1) // 3 + 1}"


def plan(timeline) -> dict[str, list[str]]:
    """Indexed pages (paths under the site root) by shard name, in a stable order."""
    shards: dict[str, list[str]] = {}
    per_year = Counter(e["year"] for e in timeline.events)
    for e in timeline.events:
        shards.setdefault(_event_shard(e, per_year[e["year"]]), []).append(e["url"])
    buckets = 1
    while buckets * SOURCES_PER_SHARD < len(timeline.sources):
        buckets *= 2
    for s in timeline.sources:
        b = int(hashlib.sha256(s["slug"].encode()).hexdigest(), 16) % buckets
        shards.setdefault(f"s{b}", []).append(s["url"])
    return {name: sorted(pages) for name, pages in sorted(shards.items())}


# an element Pagefind leaves out of the index (the prev/next links of an event, its links
# to pairs of states, the cards of a source); the match stops at the first closing tag of
# its name, so at worst it leaves part of such an element in the key (a needless
# re-index), never removes indexed text
IGNORED = re.compile(rb"<([a-z][a-z0-9]*)\b[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</\1>",
                     re.DOTALL)
# attributes Pagefind never reads: which events a passage of a source is evidence for
# changes whenever a merge renames an event, the source's indexed text does not
UNREAD = re.compile(rb'\sdata-events="[^"]*"')


def _folders(names, root: Path) -> list[Path]:
    """The folders under ``root`` holding the files ``names`` (paths relative to it), each
    once: a bundle has hundreds of files in two or three folders, and making a folder
    that exists costs a failed system call."""
    return [root / f for f in sorted({posixpath.dirname(n) for n in names})]


def indexed_digest(path: Path) -> str:
    """A digest of what Pagefind reads of a page: a neighbour's title in an event's
    prev/next links does not make its year be indexed again."""
    return hashlib.sha256(UNREAD.sub(b"", IGNORED.sub(b"", path.read_bytes()))).hexdigest()


def _shard_key(name: str, pages: list[str], digests: list[str], version: str) -> str:
    h = hashlib.sha256(f"{version}\0{name}\0".encode())
    for page, digest in zip(pages, digests, strict=True):
        h.update(f"{page}\0{digest}\0".encode())
    return h.hexdigest()


class ShardStore(Store):
    """Pagefind bundles by shard key, each file with its stamp; and the indexed digest of
    each page by page key (``digests.json``), so that a page taken from the page store is
    not read again to know whether its shard changed."""

    DIGESTS = "digests.json"

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        try:
            digests = msgspec.json.decode((folder / self.DIGESTS).read_bytes())
        except (OSError, msgspec.DecodeError):
            digests = None
        self.digests: dict = digests if isinstance(digests, dict) else {}
        self.seen: dict[str, str] = {}

    def digest(self, site: Path, page: str, page_key: str | None) -> str:
        if page_key is None:
            return indexed_digest(site / page)
        if page_key not in self.digests:
            self.digests[page_key] = indexed_digest(site / page)
        self.seen[page_key] = self.digests[page_key]
        return self.seen[page_key]

    def restore(self, key: str, dest: Path) -> list[str] | None:
        """The bundle of key ``key`` at ``dest``, left there when it is there already (the
        staging folder holds the site before last); its files' names, or None when the
        store has no such bundle."""
        files = self.index.get(key)
        src = self.folder / key
        if not files:
            return None
        # all of the bundle or none of it: a bundle is read as a whole, and one file of
        # another bundle left among its files would be published with it
        if all(unchanged(dest / rel, entry) for rel, entry in files.items()) and \
                len(_bundle_files(dest)) == len(files):
            self.used[key] = files
            return list(files)
        if not all(unchanged(src / rel, entry) for rel, entry in files.items()):
            return None
        shutil.rmtree(dest, ignore_errors=True)
        try:
            for folder in _folders(files, dest):
                folder.mkdir(parents=True, exist_ok=True)
            for rel in files:
                link(src / rel, dest / rel)
        except OSError:  # pruned meanwhile by another build sharing the store: index it
            shutil.rmtree(dest, ignore_errors=True)
            return None
        self.used[key] = files
        return list(files)

    def keep(self, key: str, files: dict[str, Path]) -> None:
        """Store the bundle just made: ``files``, each name in the bundle with its file."""
        dst = self.folder / key
        shutil.rmtree(dst, ignore_errors=True)
        for folder in _folders(files, dst):
            folder.mkdir(parents=True, exist_ok=True)
        entries = {}
        for rel, src in files.items():
            link(src, dst / rel)
            entries[rel] = stamp(dst / rel)
        self.used[key] = entries

    def close(self) -> None:
        """Keep only this build's bundles, and say which they are."""
        if self.folder.exists():
            for sub in self.folder.iterdir():
                if sub.is_dir() and sub.name not in self.used:
                    shutil.rmtree(sub, ignore_errors=True)
        self.save()
        (self.folder / self.DIGESTS).write_bytes(msgspec.json.encode(self.seen))


@functools.cache
def _pagefind() -> list[str]:
    """The command that runs Pagefind: its binary, found once. ``python -m pagefind``
    finds the same binary but starts an interpreter first, for every shard."""
    try:
        import pagefind_bin

        return [str(pagefind_bin.get_executable())]
    except (ImportError, OSError, RuntimeError):  # no binary package: let the wrapper look
        return [sys.executable, "-m", "pagefind"]


def _scratch_roots() -> list[str | None]:
    """Where Pagefind may write a bundle before it is placed in a site that has a published
    copy, in the order to try: in memory when the system has such a folder, then the
    system's temporary folder (None), should the first be full. A bundle is hundreds of
    files, almost all identical to the published ones; written to disk and deleted again
    on every rebuild, they cost the file system more than the indexing itself (it avoids
    reusing the inodes freed moments before, and searches past them for every new file)."""
    shm = "/dev/shm"
    return [shm, None] if os.path.isdir(shm) and os.access(shm, os.W_OK) else [None]


def _index(command: list[str], site: Path, pages: list[str],
           dest: Path) -> str | None:
    """Index ``pages`` into the bundle ``dest``; the reason when it could not be done."""
    with tempfile.TemporaryDirectory(prefix="shard-") as scratch:
        # Pagefind indexes a folder: this shard's pages, linked at their place in the site
        for folder in _folders(pages, Path(scratch)):
            folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            link(site / page, Path(scratch) / page)
        cmd = [*command, "--site", scratch, "--output-path", str(dest), "--quiet"]
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                                    check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            return str(err)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        return detail[-1] if detail else f"pagefind exited with {result.returncode}"
    return None


def _bundle_files(bundle: Path) -> dict[str, Path]:
    """The files of a bundle by their name in it, in a stable order."""
    return {f.relative_to(bundle).as_posix(): f for f in sorted(bundle.rglob("*"))
            if f.is_file()}


def _place(made: Path, dest: Path, name: str, published: Published) -> dict[str, Path]:
    """Move the bundle ``made`` (the shard ``name``) into the build's folder at ``dest``,
    each file the published site holds with the same bytes (most of the fragments: their
    names are digests of the pages) as a link to the published one; each file of the
    bundle by its name in it."""
    shutil.rmtree(dest, ignore_errors=True)  # as in ``Indexing._make``
    files = _bundle_files(made)
    for folder in _folders(files, dest):
        folder.mkdir(parents=True, exist_ok=True)
    placed: dict[str, Path] = {}
    for rel, f in files.items():
        published_file = Path(published.root, FOLDER, name, rel)
        if published.has_bytes(f"{FOLDER}/{name}/{rel}", f):
            link(published_file, dest / rel)
        else:
            try:
                os.replace(f, dest / rel)  # the scratch folder on the same file system
            except OSError:
                shutil.copyfile(f, dest / rel)
        placed[rel] = dest / rel
    return placed


class Indexing:
    """The search index of one build, made in the background: shards are keyed and
    indexed as soon as the event and source pages are written, while Pelican renders
    the facet pages and the exports (Pagefind runs in processes of its own)."""

    def __init__(self, settings: dict, site: Path, shards: dict[str, list[str]],
                 page_keys: dict[str, str], published: Published | None = None,
                 made: set[str] | None = None, large: bool = False) -> None:
        self.settings, self.site, self.shards = settings, site, shards
        self.published = published
        # the bundles' files, by their path in the site, as they are placed
        self.made = made if made is not None else set()

        folder = store_folder(settings, "search")
        self.store = ShardStore(folder) if folder is not None else None
        custom = settings.get("TIMELINE_PAGEFIND")
        command = custom or _pagefind()
        # another Pagefind makes other bundles: a command of one's own is part of every
        # shard key (the packaged one by its version, wherever it is installed)
        pagefind = " ".join([version("pagefind"), *(custom or [])])
        self.todo: dict[str, str] = {}
        for name, pages in shards.items():
            digests = [self.store.digest(site, p, page_keys.get(p)) if self.store is not None
                       else indexed_digest(site / p) for p in pages]
            key = _shard_key(name, pages, digests, pagefind)
            restored = (self.store.restore(key, site / FOLDER / name)
                        if self.store is not None else None)
            if restored is None:
                self.todo[name] = key
            else:
                self.made.update(f"{FOLDER}/{name}/{rel}" for rel in restored)
        # one Pagefind run uses about one core: shards are indexed side by side, each in
        # its own process and folder, so the bundles are the same whatever the order. A
        # large site (``large``) shares the cores with the sites built at the same time
        # (each language's), and the memory: each run holds a shard's index
        cores = os.cpu_count() or 1
        if large:
            cores = max(1, cores // sites_at_once(settings))
        workers = min(len(self.todo), settings.get("TIMELINE_SEARCH_JOBS") or cores)
        self.pool = ThreadPoolExecutor(max(1, workers))
        self.results = {name: self.pool.submit(self._make, command, name)
                        for name in self.todo}

    def _make(self, command: list[str], name: str) -> str | None:
        """Index the shard ``name``, place its bundle in the site and keep it in the shard
        store, in a worker thread while Pelican writes pages (storing a bundle is a
        thousand small file operations: not left for the end of the build); the reason
        when it failed."""
        dest = self.site / FOLDER / name
        if self.published is None:
            # nothing to leave in place: every file is written where it goes. A bundle left
            # by an earlier build in the same folder may be links to stored files: start
            # from nothing rather than let Pagefind write through them or leave stale files
            shutil.rmtree(dest, ignore_errors=True)
            why = _index(command, self.site, self.shards[name], dest)
            files = _bundle_files(dest)
        else:
            why, files = self._make_aside(command, name, dest)
        if why is not None:
            return why
        self.made.update(f"{FOLDER}/{name}/{rel}" for rel in files)
        if self.store is not None:
            self.store.keep(self.todo[name], files)
        return None

    def _make_aside(self, command: list[str], name: str,
                    dest: Path) -> tuple[str | None, dict[str, Path]]:
        """The bundle made in a scratch folder, then placed (``_place``)."""
        why = None
        for root in _scratch_roots():
            try:
                with tempfile.TemporaryDirectory(prefix="bundle-", dir=root) as scratch:
                    made = Path(scratch) / name
                    why = _index(command, self.site, self.shards[name], made)
                    if why is None:
                        return None, _place(made, dest, name, self.published)
            except OSError as err:
                why = str(err)
        return why, {}

    def finish(self) -> None:
        """Wait for the shards still being indexed (each worker stored its own bundle);
        prune the shard store to this build's bundles."""
        failures = {name: future.result() for name, future in self.results.items()}
        self.pool.shutdown()
        why = next((w for w in failures.values() if w is not None), None)
        if why is not None:
            # the site is still complete without a new index: ``invoke build`` says so
            # (and fails with --strict); the published index stays, a search on the last
            # one rather than none
            logger.warning("search index not built: %s", why)
            shutil.rmtree(self.site / FOLDER, ignore_errors=True)
            self.made -= {m for m in self.made if m.startswith(FOLDER + "/")}
            if self.published is not None:
                old = Path(self.published.root, FOLDER)
                for f in sorted(old.rglob("*")):
                    if f.is_file():
                        rel = f.relative_to(self.published.root).as_posix()
                        (self.site / rel).parent.mkdir(parents=True, exist_ok=True)
                        link(f, self.site / rel)
                        self.made.add(rel)
            if self.settings.get("CACHE_PATH"):
                report(Path(self.settings["CACHE_PATH"]), problems=[
                    f"search index not built ({why}): the published one is kept; check "
                    "TIMELINE_PAGEFIND or the pagefind package, and build again"])
            return
        if self.store is not None:
            self.store.close()
        logger.info("search: %d of %d shards indexed (%s), the others reused",
                    len(self.todo), len(self.shards), " ".join(self.todo))
        if self.settings.get("CACHE_PATH"):
            report(Path(self.settings["CACHE_PATH"]), shards_indexed=len(self.todo),
                   shards=len(self.shards))


def start_index(settings: dict, site: str, shards: dict[str, list[str]],
                page_keys: dict[str, str], published: Published | None = None,
                made: set[str] | None = None, large: bool = False) -> Indexing | None:
    """Start indexing the shards of ``site`` (``plan``), whose pages must all be written;
    ``page_keys``: the key of each page the build took from, or added to, the page store.
    The caller waits for it with ``finish``; None when the site has no search."""
    if settings.get("TIMELINE_SEARCH", True) and shards:
        return Indexing(settings, Path(site), shards, page_keys, published, made, large)
    return None
