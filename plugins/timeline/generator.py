"""Pelican generator writing the timeline's pages from the sidecar.

In: the sidecar (``TIMELINE_DATA`` setting) and the theme's templates.
Out: the view model in the shared template context (``timeline``, ``t``), then a page
per event and per source article, facet pages (per actor, country, pair, type, year),
the browse and sources indexes, redirect pages for old event ids, the exports, the
overview chart, the Atom feeds (the site's, one per actor and per pair of countries)
and the sitemap.

Events and sources are not Pelican articles: Pelican would read a content file and build
an Article object for each on every build (seconds at a thousand articles, even when no
page changes), while everything their pages print is already in the sidecar. The
timeline page (index.html) is written here too, not as a Pelican direct template: the
templates it shares with the other pages are then compiled once.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from pipeline import sitedata
from pipeline.content import DATA_FILE, TEXTS
from pipeline.records import without_cycle_collector

from . import exports, languages, model, pages, reuse, search, svg

FACET_KINDS = ("actor", "country", "pair", "type", "year")
# above this many events a build trades time for memory, to stay within the goal (2 GB
# at 10,000 articles): the sites built side by side share the cores for Pagefind, each
# run of which holds a shard's index
LARGE = 10_000


class TimelineGenerator(Generator):
    """Loads the sidecar into the context and writes the timeline's extra pages."""

    def generate_context(self) -> None:
        gc.unfreeze()  # what an earlier build in this process left frozen (__init__.py)
        path = Path(self.settings.get("TIMELINE_DATA") or Path(self.path) / "data" / DATA_FILE)
        # the sidecar and the view model are built with the cycle collector paused, then
        # left out of its view for the rest of the build: the collections the pages cause
        # walk what the pages made, not the model's million objects
        lang = self.settings.get("TIMELINE_LANG") or sitedata.language(path) or "fr"
        self.settings[languages.RESOLVED] = lang
        # the other languages' sites are written meanwhile, by a child forked before this
        # process holds the data: it shares none of it, and reads its own
        self.subsites = languages.start_subsites(self.settings, self.output_path)
        try:
            with without_cycle_collector():
                # a sidecar of another version, or one not matching the records, is
                # refused with its name and what to do (sitedata.SidecarError)
                data = (sitedata.load_plain(path) if path.exists()
                        else {"lang": "fr", "events": [], "sources": []})
                timeline = model.build(
                    data, lang,
                    self.settings.get("TIMELINE_INDEX_MAX", model.INDEX_MAX_EVENTS),
                    self.settings.get("TIMELINE_FACET_MAX", model.FACET_MAX_EVENTS),
                    texts=path.parent / TEXTS)
        except BaseException:
            if self.subsites is not None:  # failing the same way: this failure says it
                self.subsites.join(quiet=True)
            raise
        self.timeline = timeline
        self.context["timeline"] = timeline
        self.context["t"] = timeline.t
        self.context["SITENAME"] = self.settings.get("SITENAME") or timeline.t["site_title"]
        self.context["TIMELINE_LANG"] = timeline.lang
        self.context["lang_links"] = languages.lang_links(self.settings, timeline.lang)
        self.context["overview_svg"] = svg.overview(timeline)
        self.context["overview_narrow_svg"] = svg.overview_narrow(timeline)
        self.context["card_html"] = self._card_renderer()
        # what a timeline page's template receives besides its page object (pages.py)
        self.page_context = {**reuse.page_context(self.context, self.settings),
                             "card_html": self.context["card_html"]}
        self.shards = search.plan(timeline)
        # the search page loads these bundles; start_index makes them once the event and
        # source pages are written
        self.context["search_shards"] = list(self.shards)
        self.writer = None  # the build's, once Pelican hands it over (generate_output)
        self.large = len(timeline.events) > LARGE

    def _card_renderer(self):
        """``card_html(ev, heading, SITEURL)``: an event's card, rendered once per heading
        level and page depth (and kept between builds by the card store). Each event shows
        on a dozen facet pages; rendering its card again for each was most of the build's
        time."""
        template = self.env.from_string(
            '{%- from "_macros.html" import card with context -%}{{ card(ev, heading) }}')
        cache: dict[tuple[str, str, str], Markup] = {}

        def card_html(ev, heading: str, siteurl: str) -> Markup:
            key = (ev["id"] if isinstance(ev, dict) else ev.id, heading, siteurl)
            if key not in cache:
                cache[key] = Markup(reuse.card(
                    self.writer, ev, (heading, siteurl), lambda: template.render(
                        {**self.page_context, "ev": ev, "heading": heading,
                         "SITEURL": siteurl})))
            return cache[key]

        return card_html

    def _write(self, writer, name: str, template: str) -> None:
        """A page made from the whole timeline (rendered on every build)."""
        writer.write_file(name, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"])

    def _write_pages_of(self, writer, made) -> None:
        """Pages each printing one object (``pages.py``), given nothing else of the view
        model: a template reading more fails the build (Jinja's undefined ``timeline``)."""
        for name, page in made:
            writer.write_file(name, self.get_template(page.TEMPLATE), self.page_context,
                              relative_urls=self.settings["RELATIVE_URLS"], page=page)

    def generate_output(self, writer) -> None:
        self.writer, self.indexing = writer, None
        try:
            self._write_pages(writer)
            # while the search index is made: the exports read the model only. (A forked
            # child wrote them once: it copied most of the model's memory, writing the
            # reference count of each object it read, and made rebuilds slower, not faster)
            made = self._write_exports()
        except BaseException:
            # the pages' failure is the one to tell
            if self.subsites is not None:
                self.subsites.join(quiet=True)
            if self.indexing is not None:
                self.indexing.finish()
            raise
        if hasattr(writer, "made"):
            writer.made.update(made)
        if self.subsites is not None:
            try:
                self.subsites.join()
            except RuntimeError as err:
                raise SystemExit(str(err)) from None
        if self.indexing is not None:
            self.indexing.finish()
        # last: the search bundles are among what the build made; the other languages'
        # sites, in their folders, are their own builds'
        others = languages.subsite_langs(self.settings, self.timeline.lang)
        reuse.finish(writer, self.timeline.events, tuple(f"{lang}/" for lang in others))

    def _write_pages(self, writer) -> None:
        timeline = self.timeline
        self._write_pages_of(writer, pages.event_pages(timeline))
        self._write_pages_of(writer, pages.source_pages(timeline))
        # the search index needs only these pages: it is made while the others are written
        self.indexing = search.start_index(
            self.settings, self.output_path, self.shards, getattr(writer, "page_keys", {}),
            getattr(writer, "published", None), getattr(writer, "made", None), self.large)
        self._write_pages_of(writer, pages.facet_pages(timeline, FACET_KINDS))
        self._write(writer, "index.html", "index")
        self._write(writer, "browse.html", "browse")
        self._write(writer, "search.html", "search")
        self._write(writer, "sources/index.html", "sources")
        self._write_pages_of(writer, pages.redirect_pages(timeline))

    def _write_exports(self) -> list[str]:
        """Write the exports; their names. One the output folder holds already is left
        as it is, and one the published site holds is linked from there (most of the
        feeds, on a rebuild: a file written and deleted again costs the file system more
        than its bytes, and a server goes by its time)."""
        timeline = self.timeline
        public = self.settings.get("TIMELINE_PUBLIC_URL", "")
        out = Path(self.output_path)
        # each made and written in turn: all of them at once are a few hundred MB at
        # 10,000 articles
        files = [
            ("events.json", lambda: exports.events_json(timeline)),
            ("events.csv", lambda: exports.events_csv(timeline)),
            ("events.ics", lambda: exports.events_ics(timeline, public)),
            ("timeline.json", lambda: exports.timelinejs(timeline)),
            ("feed.atom", lambda: exports.atom(timeline, public)),
            ("sitemap.xml", lambda: exports.sitemap(timeline, public, FACET_KINDS)),
            ("overview.svg", lambda: svg.overview(timeline, standalone=True)),
            *((f.feed, lambda f=f: exports.atom(timeline, public, f))
              for f in exports.feed_facets(timeline)),
        ]
        site = reuse.published(self.settings)  # the one the build will replace
        made = []
        for name, make in files:
            text = make()
            if text is None:
                continue
            made.append(name)
            # written as is: the CRLF line ends RFC 4180 and RFC 5545 ask for stay
            data = text.encode("utf-8")
            target = out / name
            if _holds(str(target), data):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            # never written through: it may be a link to the published file
            target.unlink(missing_ok=True)
            if site is not None and _holds(os.path.join(site.root, name), data):
                reuse.link(os.path.join(site.root, name), target)
            else:
                target.write_bytes(data)
        return made


def _holds(path: str, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data``."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as f:
            return f.read() == data
    except OSError:
        return False
