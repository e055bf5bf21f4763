"""Page reuse: a page whose inputs were already rendered by an earlier build is not
rendered again.

Pelican renders every page on every build; adding one article to a site of thousands
changes a few dozen pages. Here each page of the timeline (event, source, facet, year,
redirect) gets a key: a digest of what its template prints, that is the page's own
records from the view model (``PageKeys``), the site-wide strings and settings, the
theme's templates and this plugin's code. A page whose key is in the page store
(``<CACHE_PATH>/pages``) is hard-linked from there instead of rendered; the others are
rendered and added. The store then keeps exactly the pages of the last build.

The key is only as good as the list of inputs: a template that starts reading more of
the context than its page's records must add it to ``PageKeys``.
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
import pickle
import shutil
import sqlite3
from importlib import metadata
from pathlib import Path

import msgspec
from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from pipeline.publish import REPORT, prune

logger = logging.getLogger(__name__)

# bump when the key's recipe changes: older store entries then simply stop matching
RECIPE = "2"
# context values every page prints (the site's title, language and strings)
SITE_GLOBALS = ("SITENAME", "TIMELINE_LANG", "TIMELINE_PUBLIC_URL", "t")
# settings that say where inputs, caches, output and code are, or how the build was
# started, never printed on a page (the theme's templates and this plugin's modules are
# part of every key by their bytes): a project moved or cloned elsewhere keeps its stores
WHERE_SETTINGS = {"OUTPUT_PATH", "PATH", "CACHE_PATH", "THEME", "PLUGIN_PATHS",
                  "TIMELINE_PUBLISHED", "TIMELINE_WAIT_FD"}
NEIGHBOURS = ("prev", "next")
# an event's former ids make its redirect pages (keyed on their own) and no template prints
# them: an event that gains one keeps its pages
UNPRINTED = ("aliases",)
RENDERERS = ("pelican", "jinja2", "markupsafe", "babel")


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def _canonical_digest(value) -> str:
    """A digest of data whose dicts may come in any order (settings, strings)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest(value) -> str:
    """A digest of the view model's records and of page inputs built from them, 20,000 a
    build: pickled, three times faster than a sorted JSON dump. The same records are
    built in the same order by the same code, so they pickle to the same bytes; whatever
    could differ (which equal strings are one object) only ever makes a key miss, never
    two different records match, since every value is in the bytes."""
    return hashlib.sha256(pickle.dumps(value, protocol=5)).hexdigest()


def _plain_settings(settings: dict) -> dict:
    """The settings whose values are plain data; a function or a class (whose text
    changes from run to run) cannot be part of a key, and templates do not print them."""
    def plain(v) -> bool:
        if isinstance(v, (str, int, float, bool, type(None))):
            return True
        if isinstance(v, (list, tuple)):
            return all(plain(x) for x in v)
        if isinstance(v, dict):
            return all(isinstance(k, str) and plain(x) for k, x in v.items())
        return False
    return {k: v for k, v in settings.items()
            if k.isupper() and k not in WHERE_SETTINGS and plain(v)}


def _code_files(settings: dict) -> list[Path]:
    """The theme's templates and this plugin's modules: what turns records into pages."""
    templates = Path(settings["THEME"]) / "templates"
    return sorted(templates.rglob("*")) + sorted(Path(__file__).parent.glob("*.py"))


class PageKeys:
    """Keys of the timeline's pages, from the view model in the build's context."""

    def __init__(self, context: dict, settings: dict) -> None:
        self.timeline = context["timeline"]
        h = hashlib.sha256(RECIPE.encode())
        for path in _code_files(settings):
            if path.is_file():
                h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        # a new Pelican or Jinja may render the same records differently
        h.update(_canonical_digest([version(name) for name in RENDERERS]).encode())
        h.update(_canonical_digest(_plain_settings(settings)).encode())
        h.update(_canonical_digest({k: context.get(k) for k in SITE_GLOBALS}).encode())
        self.site = h.hexdigest()
        self._items: dict[int, str] = {}
        self._events = {id(e) for e in self.timeline.events}

    def item(self, ev: dict) -> str:
        """An event (or period) as a card shows it: everything but its neighbours and what
        no page prints."""
        key = id(ev)
        if key not in self._items:
            self._items[key] = _digest({k: v for k, v in ev.items()
                                        if k not in NEIGHBOURS and k not in UNPRINTED})
        return self._items[key]

    def _refs(self, value):
        """``value`` with every event in it replaced by its item digest."""
        if isinstance(value, dict):
            if id(value) in self._events:
                return "event:" + self.item(value)
            return {k: self._refs(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self._refs(v) for v in value]
        return value

    def event(self, event_id: str) -> dict:
        ev = self.timeline.events_by_id[event_id]
        return {"event": self.item(ev),
                **{k: ev[k] and self.item(ev[k]) for k in NEIGHBOURS}}

    def source(self, slug: str) -> dict:
        src = self.timeline.sources_by_slug[slug]
        urls = self.timeline.facet_urls
        # "drawn" is the only field of a source holding events (model.build); an event
        # left elsewhere would make the dump below fail (its prev/next make a cycle). The
        # text is in its own file: its digest (``text_sha``) stands for it, and the names
        # recognised in it (``names``) link to their facet page when there is one.
        plain = {k: v for k, v in src.items()
                 if k not in ("drawn", "paragraphs", "text_inputs")}
        return {"source": _digest(plain), "drawn": [self.item(e) for e in src["drawn"]],
                "links": {k: urls.get(k) for k in src["names"]}}

    def facet(self, facet, part: dict | None) -> dict:
        # a long facet's pages link each other by year; only the facet's own page prints
        # its count and each year's (facet.html): a year page is left alone when another
        # year gains an event
        out = {"kind": facet.kind, "key": facet.key, "label": facet.label, "url": facet.url,
               "feed": facet.feed, "n": None if part else len(facet.events),
               "years": [(p["year"], p["url"]) + (() if part else (p["count_label"],))
                         for p in facet.parts]}
        shown = part or (facet.parts[-1] if facet.parts else None)
        out["events"] = [self.item(e) for e in (shown["events"] if shown else facet.events)]
        out["part"] = part and part["year"]
        if facet.kind == "year":
            out["year"] = self._refs(self.timeline.years_by_key().get(facet.key))
        return out

    def key(self, name: str, template: str, kwargs: dict) -> str | None:
        """The page's key, or None for a page made from the whole timeline (rendered
        every time: the timeline page, browse, search, the list of sources)."""
        if "event_id" in kwargs:
            inputs = self.event(kwargs["event_id"])
        elif "source_slug" in kwargs:
            inputs = self.source(kwargs["source_slug"])
        elif "facet" in kwargs:
            inputs = self.facet(kwargs["facet"], kwargs.get("part"))
        elif "event" in kwargs and template == "redirect.html":
            inputs = {"to": self.item(kwargs["event"])}
        else:
            return None
        return _digest([self.site, name, template, inputs])


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

    def close(self, keys: PageKeys | None) -> None:
        """Keep the cards of the events still on the timeline, as this site renders them."""
        if keys is not None:
            self.db.execute("CREATE TEMP TABLE live (item TEXT PRIMARY KEY)")
            self.db.executemany("INSERT OR IGNORE INTO live VALUES (?)",
                                ((keys.item(ev),) for ev in keys.timeline.events))
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
        if self.store is not None and name and not override_output and "timeline" in context:
            if self.keys is None:
                self.keys = PageKeys(context, self.settings)
            key = self.keys.key(name, template.name, kwargs)
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

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        if self.cards is not None:
            self.cards.close(self.keys)


def finish(writer, others: tuple[str, ...] = ()) -> None:
    """Once every page is written: prune the stores to this build's pages and, in a build
    made to replace a published site, its folder to what this build made, but for the
    folders ``others`` ("en/")."""
    if not isinstance(writer, ReusingWriter):
        return
    writer.close()
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
