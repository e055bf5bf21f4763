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

from pipeline.settings import env_lang, pelican_cache, public_url  # noqa: E402

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

# The timeline's settings (TIMELINE_*): each one's default, type and use are in
# pipeline/settings.py, and in the table of docs/architecture.md; set here only those that
# differ from their default (e.g. TIMELINE_INDEX_MAX = 200, TIMELINE_SEARCH_JOBS = 1). They
# are checked when Pelican starts: an unknown or ill-typed one stops the build, named.
# Interface language: "fr" or "en" ($TIMELINE_LANG); None follows the content's language.
TIMELINE_LANG = env_lang()
# Absolute address of the published site ($SITE_PUBLIC_URL, with `invoke build` as with
# `invoke publish`), for the feeds, sitemap and JSON-LD. Empty: no sitemap, relative feed links.
TIMELINE_PUBLIC_URL = public_url()

TIMEZONE = "UTC"
DEFAULT_LANG = "fr"
# Pelican's strftime depends on the machine locale; the theme formats dates with Babel
LOCALE = ("C.UTF-8", "C")
# nothing may fall back to the build time
DEFAULT_DATE = None
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# Pelican's own listings are replaced by the plugin's facet pages; the plugin writes the
# timeline page (index.html) too, with the templates it compiles for its other pages
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
# CACHE_PATH: one folder per settings file (.cache/pelican/pelicanconf here).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CACHE_PATH = str(pelican_cache(__file__))
GZIP_CACHE = False  # a local cache: compressing it costs more time than it saves
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_SOURCES = False
TYPOGRIFY = False
SUMMARY_MAX_LENGTH = 0
