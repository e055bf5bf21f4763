"""Page reuse: a page whose inputs were already rendered by an earlier build is not
rendered again.

Pelican renders every page on every build; adding one article to a site of thousands
changes a few dozen pages. Here each page of the timeline (event, source, facet, year,
redirect) gets a key: a digest of everything its template receives, that is its page
object (``pages.py``: the template is given nothing else of the view model) walked field
by field, the site's globals and plain settings (``page_context``), the theme's templates
and this plugin's code. A field added to a record is part of every key printing it
without a word here; a template that reads the view model fails the build, since
``timeline`` is not in its context. A page whose key is in the page store
(``<CACHE_PATH>/pages``) is hard-linked from there instead of rendered; the others are
rendered and added. The store then keeps exactly the pages of the last build.

``tests/test_reuse.py`` builds sites incrementally and from scratch and compares every
byte. ``TIMELINE_REUSE_PAGES = False`` renders everything.
"""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import json
import logging
import os
import shutil
import sqlite3
from importlib import metadata
from pathlib import Path

import msgspec
from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from pipeline.publish import REPORT, prune

from .pages import Page

logger = logging.getLogger(__name__)

# bump when the key's recipe changes: older store entries then simply stop matching
RECIPE = "3"
# context values every page prints (the site's title, language, strings and its other
# languages' addresses), besides the plain settings
SITE_GLOBALS = ("SITENAME", "TIMELINE_LANG", "TIMELINE_PUBLIC_URL", "t", "lang_links")
# settings that say where inputs, caches, output and code are: left out of what a page's
# template receives, hence of its key (the theme's templates and this plugin's modules are
# part of every key by their bytes): a project moved or cloned elsewhere keeps its stores
WHERE_SETTINGS = {"OUTPUT_PATH", "PATH", "CACHE_PATH", "THEME", "PLUGIN_PATHS",
                  "TIMELINE_PUBLISHED"}
RENDERERS = ("pelican", "jinja2", "markupsafe", "babel")


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def _by_name(value) -> str:
    """A function in the page context (``card_html``) stands for its code, which is part
    of every key by its module's bytes; anything else for its text."""
    return f"{value.__module__}.{value.__qualname__}" if callable(value) else str(value)


def _canonical_digest(value) -> str:
    """A digest of data whose dicts may come in any order (settings, strings)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=_by_name)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(v) -> bool:
    if isinstance(v, (str, int, float, bool, type(None))):
        return True
    if isinstance(v, (list, tuple)):
        return all(_plain(x) for x in v)
    if isinstance(v, dict):
        return all(isinstance(k, str) and _plain(x) for k, x in v.items())
    return False


def page_context(context: dict, settings: dict) -> dict:
    """What a timeline page's template receives besides its page object: the settings
    whose values are plain data (a function or a class, whose text changes from run to
    run, cannot be part of a key) and the site's globals; never the view model, which
    would let a template print what its key does not cover."""
    plain = {k: v for k, v in settings.items()
             if k.isupper() and k not in WHERE_SETTINGS and _plain(v)}
    return {**plain, **{k: context.get(k) for k in SITE_GLOBALS}}


def _code_files(settings: dict) -> list[Path]:
    """The theme's templates and this plugin's modules: what turns records into pages."""
    templates = Path(settings["THEME"]) / "templates"
    return sorted(templates.rglob("*")) + sorted(Path(__file__).parent.glob("*.py"))


def _lazy(value):
    """A value of a page object that msgspec does not encode: one standing for itself by
    its ``digest`` (a source's text, ``pages.Text``). Any other fails the build: a key
    that left it out would serve a stale page."""
    digest = getattr(value, "digest", None)
    if isinstance(digest, str):
        return [type(value).__name__, digest]
    raise TypeError(f"{type(value).__name__} in a page object: no page key can hold it")


class PageKeys:
    """Keys of the timeline's pages: a digest of the object a page's template receives
    (``pages.py``) and of the site-wide part of its context (``page_context``)."""

    def __init__(self, context: dict, settings: dict) -> None:
        h = hashlib.sha256(RECIPE.encode())
        for path in _code_files(settings):
            if path.is_file():
                h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        # a new Pelican or Jinja may render the same records differently
        h.update(_canonical_digest([version(name) for name in RENDERERS]).encode())
        # everything else the template receives (Pelican adds the page's name)
        h.update(_canonical_digest(context).encode())
        self.site = h.hexdigest()
        self._encoder = msgspec.msgpack.Encoder(enc_hook=_lazy)
        # id -> (record, digest): the record is kept so that its id is never reused
        self._records: dict[int, tuple[dict, bytes]] = {}

    def _record(self, value: dict) -> bytes:
        """A record's digest. The view model's records (an event is printed by a dozen
        pages) are digested once a build; encoded with their keys in the order the same
        code built them in, which only ever makes a key miss, never two records match."""
        hit = self._records.get(id(value))
        if hit is None:
            hit = (value, hashlib.sha256(self._encoder.encode(value)).digest())
            self._records[id(value)] = hit
        return hit[1]

    def item(self, record: dict) -> str:
        """An event's digest, as its card's key."""
        return self._record(record).hex()

    def _walk(self, value):
        """``value`` with each record in it replaced by its digest (bytes: never equal
        to a string), each page object by its class's name and fields."""
        if isinstance(value, dict):
            return self._record(value)
        if isinstance(value, msgspec.Struct):
            return [type(value).__name__,
                    *[self._walk(getattr(value, f)) for f in value.__struct_fields__]]
        if isinstance(value, (list, tuple)):
            return [self._walk(v) for v in value]
        return value

    def key(self, name: str, template: str, page) -> str:
        """The key of the page ``name`` printing ``page`` with ``template``."""
        return hashlib.sha256(self._encoder.encode(
            [self.site, name, template, self._walk(page)])).hexdigest()


def store_folder(settings: dict, name: str) -> Path | None:
    """Where the store ``name`` lives under the cache folder, or None when builds must
    not reuse anything (``TIMELINE_REUSE_PAGES = False``, or no cache folder)."""
    if settings.get("TIMELINE_REUSE_PAGES", True) and settings.get("CACHE_PATH"):
        return Path(settings["CACHE_PATH"]) / name
    return None


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev]


def stamp(path: Path | str) -> list[int] | None:
    """A stored file's size, time and inode: a file edited in place after it was linked
    into a site no longer matches its stamp, and is never served again; a published file
    matching it is that very stored file, left there by an earlier build."""
    try:
        return _stamp(os.stat(path))
    except OSError:
        return None


def unchanged(path: Path | str, entry: list[int]) -> bool:
    """Whether the file at ``path`` still matches its stamp ``entry``."""
    try:
        return _stamp(os.stat(path)) == entry
    except OSError:
        return False


class Store:
    """Files kept by key between builds, with the stamps they were stored with
    (``index.json``, what the last build used)."""

    INDEX = "index.json"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            index = msgspec.json.decode((folder / self.INDEX).read_bytes())
        except (OSError, msgspec.DecodeError):
            index = None
        self.index: dict = index if isinstance(index, dict) else {}
        self.used: dict = {}

    def save(self) -> None:
        """Say which entries this build used (the caller has pruned the others)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / (self.INDEX + ".tmp")
        # in no particular order: it is read back as a whole, never compared (msgspec:
        # ten times faster than the json module on the 15,000 entries of a large site)
        tmp.write_bytes(msgspec.json.encode(self.used))
        tmp.replace(self.folder / self.INDEX)


class PageStore(Store):
    """Rendered pages by key."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.root = str(folder)
        self.folders: set[str] = set()  # output folders known to exist
        self.reused = self.rendered = 0

    def _path(self, key: str) -> str:
        # plain strings: pathlib's objects cost more than the link itself, 14,000 times
        return os.path.join(self.root, key[:2], key + ".html")

    def restore(self, key: str, target: str) -> bool:
        entry = self.index.get(key)
        if entry is None:
            return False
        # one system call for most pages: the stored file is there already (the staging
        # folder holds the site before last, see pipeline/publish.py)
        if unchanged(target, entry):
            self.used[key] = entry
            self.reused += 1
            return True
        if not unchanged(self._path(key), entry):
            return False
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        try:
            link(self._path(key), target)
        except OSError:  # pruned meanwhile by another build sharing the store: render it
            return False
        self.used[key] = entry
        self.reused += 1
        return True

    def keep(self, key: str, written: str) -> None:
        dst = self._path(key)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        link(written, dst)
        self.used[key] = stamp(dst)
        self.rendered += 1

    def close(self) -> None:
        """Keep only this build's pages, and say which they are. A page stored by a build
        killed before it said so stays until its key comes back (``invoke clean`` empties
        the stores)."""
        if not self.folder.exists():
            return
        for key in self.index.keys() - self.used.keys():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._path(key))
        self.save()
        logger.info("pages: %d reused, %d rendered", self.reused, self.rendered)
        report(self.folder.parent, pages_reused=self.reused, pages_rendered=self.rendered)


class Published:
    """The published site a build's folder replaces once it has succeeded
    (``TIMELINE_PUBLISHED``, set by ``invoke build``). A file made again with the bytes
    the published site holds under its name is replaced by a link to the published file:
    it keeps its time, for servers and copies that go by it."""

    def __init__(self, root: str) -> None:
        self.root = root

    def has_bytes(self, name: str, path: Path | str) -> bool:
        """Whether the published site holds the bytes of the file at ``path`` under
        ``name``."""
        try:
            return filecmp.cmp(os.path.join(self.root, name), path, shallow=False)
        except OSError:  # not published yet
            return False

    def adopt(self, name: str, written: str) -> None:
        """Replace the file just written at ``written`` for ``name`` by a link to the
        published file when that holds these very bytes (see the class). A page made
        again with the same bytes (its key changed, not what it says) is then stored as
        the published file, and the next build leaves it where it is."""
        if self.has_bytes(name, written):
            link(os.path.join(self.root, name), written)


def published(settings: dict) -> Published | None:
    """The published site a build is made to replace: only where pages are reused (the
    page store is what lets a later build recognise them)."""
    root = settings.get("TIMELINE_PUBLISHED")
    if not root or not os.path.isdir(root) or store_folder(settings, "pages") is None:
        return None
    return Published(os.path.abspath(root))


def report(cache: Path, **figures) -> None:
    """Add figures to what ``invoke build`` says of the build it just ran."""
    path = cache / REPORT
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**known, **figures}, sort_keys=True), encoding="utf-8")


def link(src, dst) -> None:
    try:
        os.link(src, dst)  # into a fresh folder: the common case, one system call
        return
    except OSError:
        pass
    # a page left by an earlier build in the same folder is replaced, as Pelican would
    # replace it: never written through, since it may be a link to a stored page
    with contextlib.suppress(FileNotFoundError):
        os.unlink(dst)
    try:
        os.link(src, dst)
    except OSError:  # another file system, or no hard links: a copy does the same
        shutil.copyfile(src, dst)


class CardStore:
    """Rendered event cards by key (``cards.sqlite``).

    A card is the same HTML on every page that lists its event with the same heading
    level at the same depth. A facet page is rendered again when one of its hundred
    events changes: its other cards come from here rather than from the template. Cards
    of events that left the timeline are dropped when the build ends.
    """

    FILE = "cards.sqlite"

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open(folder / self.FILE)
        except sqlite3.DatabaseError as err:  # a damaged store: start an empty one
            logger.warning("%s: unreadable card store (%s), starting a new one",
                           folder / self.FILE, err)
            (folder / self.FILE).unlink(missing_ok=True)
            self.db = self._open(folder / self.FILE)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        # builds sharing a cache folder wait for each other's writes instead of failing
        db = sqlite3.connect(path, timeout=60)
        db.execute("CREATE TABLE IF NOT EXISTS cards (key TEXT PRIMARY KEY, "
                   "site TEXT NOT NULL, item TEXT NOT NULL, html TEXT NOT NULL)")
        return db

    def fetch(self, keys: PageKeys, ev: dict, variant: tuple, render) -> str:
        item = keys.item(ev)
        # digests and plain strings joined: no JSON to build for each of thousands of cards
        key = "\0".join([keys.site, item, *variant])
        row = self.db.execute("SELECT html FROM cards WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return row[0]
        html = str(render())
        self.db.execute("INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?)",
                        (key, keys.site, item, html))
        return html

    def close(self, keys: PageKeys | None, events: list) -> None:
        """Keep the cards of ``events`` (those still on the timeline), as this site
        renders them."""
        if keys is not None:
            self.db.execute("CREATE TEMP TABLE live (item TEXT PRIMARY KEY)")
            self.db.executemany("INSERT OR IGNORE INTO live VALUES (?)",
                                ((keys.item(ev),) for ev in events))
            self.db.execute("DELETE FROM cards WHERE site != ? "
                            "OR item NOT IN (SELECT item FROM live)", (keys.site,))
        self.db.commit()
        self.db.close()


def card(writer, ev, variant: tuple, render) -> str:
    """An event's card: from ``writer``'s card store when this site rendered it before,
    else ``render()`` (kept for the next build)."""
    cards, keys = getattr(writer, "cards", None), getattr(writer, "keys", None)
    if cards is None or keys is None or not isinstance(ev, dict):
        return str(render())
    return cards.fetch(keys, ev, variant, render)


class ReusingWriter(Writer):
    """Pelican's writer, taking from the page store the pages rendered before."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.keys: PageKeys | None = None
        self.page_keys: dict[str, str] = {}  # path in the site -> key, of this build
        folder = store_folder(settings, "pages")
        self.store = PageStore(folder) if folder is not None else None
        folder = store_folder(settings, "cards")
        self.cards = CardStore(folder) if folder is not None else None
        self.published = published(settings)
        # what the build made besides the pages (exports, search bundles), relative to
        # the output folder: the rest of a staging folder is deleted (``finish``)
        self.made: set[str] = set()

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        key = None
        page = kwargs.get("page")
        if self.store is not None and name and not override_output and isinstance(page, Page):
            if self.keys is None:
                self.keys = PageKeys(context, self.settings)
            key = self.keys.key(name, template.name, page)
        args = (name, template, context, relative_urls, paginated, template_name,
                override_output, url)
        if key is None:
            return super().write_file(*args, **kwargs)
        self.page_keys[name] = key
        path = sanitised_join(self.output_path, name)
        if path not in self._written_files and self.store.restore(key, path):
            self._written_files.add(path)
            if signals.content_written.receivers:  # copying the context costs, per page
                signals.content_written.send(path, context={
                    **context, "output_file": name, **kwargs})
            return None
        super().write_file(*args, **kwargs)
        if self.published is not None:
            self.published.adopt(name, path)
        self.store.keep(key, path)
        return None

    def _open_w(self, filename, encoding, override=False):
        # a page left in the output folder by an earlier build may be a link to a stored
        # page: replace it rather than write through it
        if filename not in self._written_files:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(filename)
        return super()._open_w(filename, encoding, override)

    def close(self, events: list) -> None:
        """Prune the stores to this build's pages, and its cards to those of ``events``."""
        if self.store is not None:
            self.store.close()
        if self.cards is not None:
            self.cards.close(self.keys, events)


def finish(writer, events: list, others: tuple[str, ...] = ()) -> None:
    """Once every page is written: prune the stores to this build's pages and cards (of
    ``events``, the timeline's) and, in a build made to replace a published site, its
    folder to what this build made, but for the folders ``others`` ("en/")."""
    if not isinstance(writer, ReusingWriter):
        return
    writer.close(events)
    if writer.published is None:
        return
    root = writer.output_path
    made = {os.path.relpath(p, root).replace(os.sep, "/") for p in writer._written_files}
    made |= writer.made | _theme_files(writer.settings)
    prune(Path(root), made, others)


def _theme_files(settings: dict) -> set[str]:
    """The files Pelican copies from the theme's static folders (``THEME_STATIC_PATHS``)."""
    theme, out = Path(settings["THEME"]), settings.get("THEME_STATIC_DIR", "theme")
    made = set()
    for path in settings.get("THEME_STATIC_PATHS", ["static"]):
        base = theme / path
        files = [base] if base.is_file() else base.rglob("*") if base.is_dir() else []
        made |= {f"{out}/{f.relative_to(base).as_posix()}" if f != base else f"{out}/{f.name}"
                 for f in files if f.is_file()}
    return made
