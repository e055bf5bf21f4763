"""Pelican settings for the timeline site; run from the repository root.

``pelican content -s pelicanconf.py -o output`` renders the JSON sidecar that
``pipeline.content`` wrote under ``content/data/``: the ``timeline`` plugin writes every
page of the timeline from it (events, source articles, facets, exports). The output must
be reproducible byte for byte and must work from ``file://`` without any request leaving
the site.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# the plugin formats dates and labels with pipeline.labels
if HERE not in sys.path:
    sys.path.insert(0, HERE)

SITENAME = ""  # the plugin fills in the localised site title
SITEURL = ""
RELATIVE_URLS = True  # links work from file:// and from any sub-folder

PATH = "content"
# events and sources are written by the plugin from the sidecar, not read as articles
ARTICLE_PATHS = []
PAGE_PATHS = []
STATIC_PATHS = []
# the sidecar and curation file are data, never content
IGNORE_FILES = [".#*", "*.json", "*.yaml", "*.yml"]
READERS = {"html": None, "rst": None}

THEME = os.path.join(HERE, "theme")
PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = ["timeline"]

# Interface language: "fr" or "en". None follows the language the content was written in.
TIMELINE_LANG = os.environ.get("TIMELINE_LANG") or None
# The site in other languages, each under <lang>/ with a language switch on every page:
# None writes every other language the site has strings for ("en" beside "fr"); [] none
TIMELINE_SUBSITES = None
# the sidecar; None reads <PATH>/data/timeline.json, whatever PATH the build is given
TIMELINE_DATA = None
# Absolute address of the published site, for the feed, sitemap and JSON-LD (from the
# environment's SITE_PUBLIC_URL, e.g. https://example.org/timeline, with `invoke build` as
# with `invoke publish`). Empty: no sitemap, and the feeds' links are relative.
TIMELINE_PUBLIC_URL = os.environ.get("SITE_PUBLIC_URL", "").rstrip("/")
# build a Pagefind search index after rendering (needs the pagefind binary)
TIMELINE_SEARCH = True
# the command that runs Pagefind, as a list (e.g. ["npx", "pagefind"]); None: the binary of
# the pagefind Python package
TIMELINE_PAGEFIND = None
# Pagefind runs at once when indexing search shards (None: one per core). Each holds its
# shard in memory: at 10,000 articles two year shards take about 430 MB each beside Pelican's
# 1 GB; 1 keeps the build's peak lower at the cost of time.
TIMELINE_SEARCH_JOBS = None
# Take a page from the page store (<CACHE_PATH>/pages) when an earlier build rendered it
# from the same records, templates and settings; False renders every page every time
TIMELINE_REUSE_PAGES = True
# Above this many events the timeline page shows the latest years in full and links the
# others to their year page (old index.html#e-<id> links are forwarded by theme/js/site.js)
TIMELINE_INDEX_MAX = 100
# Above this many events an actor, country, pair or type page lists its years, shows the
# latest one in full and links the others to a page per year (<kind>/<name>/<year>.html)
TIMELINE_FACET_MAX = 100

TIMEZONE = "UTC"
DEFAULT_LANG = "fr"
# Pelican's strftime depends on the machine locale; the theme formats dates with Babel
LOCALE = ("C.UTF-8", "C")
# nothing may fall back to the build time
DEFAULT_DATE = None
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# Pelican's own listings are replaced by the plugin's facet pages; the plugin writes the
# timeline page (index.html) too, with the templates it compiles while the pipeline runs
DIRECT_TEMPLATES = []
DEFAULT_PAGINATION = False
CATEGORY_SAVE_AS = ""
CATEGORY_URL = ""
TAG_SAVE_AS = ""
TAG_URL = ""
AUTHOR_SAVE_AS = ""
AUTHOR_URL = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# Pelican's feeds are off: the plugin writes an Atom feed with dates taken from events
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    # article text comes from the web: everything is escaped unless marked otherwise
    "autoescape": True,
    "extensions": [],
}

# Pelican reads no content file (the plugin writes every page from the sidecar), so its
# content cache has nothing to keep; the plugin's page and search stores live under
# CACHE_PATH. `invoke build` keeps one cache folder per settings file.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CACHE_PATH = os.path.join(HERE, ".cache", "pelican")
GZIP_CACHE = False  # a local cache: compressing it costs more time than it saves
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_SOURCES = False
TYPOGRIFY = False
SUMMARY_MAX_LENGTH = 0
