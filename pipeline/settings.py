"""The project's settings, each with its default and type, read and checked in one place.

In: Pelican's settings (the ``TIMELINE_*`` names of ``pelicanconf.py``) and the
environment. Out: the settings with every default filled in, or a :class:`SettingError`
naming the setting and saying what to write instead. The timeline plugin checks Pelican's
settings as soon as Pelican has read them (as Pelican's own ``configure_settings`` does
for its own); the command line and ``invoke`` check a language before any work starts.
docs/architecture.md has the table.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CACHE = Path(".cache")  # every cache of a build, under the project (or working) folder


class SettingError(ValueError):
    """A setting that is unknown, or of the wrong type or value."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    kind: str  # what it must be, as the error message says it
    valid: Callable[[object], bool]
    doc: str


@cache
def site_languages() -> tuple[str, ...]:
    """The languages a site can be built in: those with site strings, labels and title
    templates, and a date vocabulary."""
    from . import labels
    from .vocab import load_yaml
    titles = load_yaml("titles.yaml")
    dates = Path(__file__).parent / "data" / "dates"
    tables = (labels.STRINGS, labels.TYPE_LABELS, labels.MODE_LABELS, labels.MOD_PATTERNS)
    return tuple(lang for lang in labels.LANGS
                 if all(lang in t for t in tables) and lang in titles
                 and (dates / f"{lang}.yaml").is_file())


def check_lang(lang: str, where: str = "--lang") -> str:
    """``lang`` if the project can build a site in it, else a SettingError listing the
    languages it can."""
    if lang not in site_languages():
        raise SettingError(f"{where} {lang!r}: no site language of that name; use one of "
                           f"{', '.join(site_languages())}")
    return lang


def _optional(test: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda v: v is None or test(v)


def _count(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 1


def _strings(v: object) -> bool:
    return isinstance(v, list | tuple) and bool(v) and all(isinstance(x, str) for x in v)


def _url(v: object) -> bool:
    return isinstance(v, str) and (v == "" or v.startswith(("http://", "https://")))


SETTINGS = {s.name: s for s in (
    Setting("TIMELINE_LANG", None, "one of the site languages ({langs}) or None",
            _optional(lambda v: v in site_languages()),
            "interface language ($TIMELINE_LANG); None follows the content's language"),
    Setting("TIMELINE_DATA", None, "a path (str) or None", _optional(lambda v: isinstance(v, str)),
            "the sidecar; None reads <PATH>/data/timeline.json"),
    Setting("TIMELINE_PUBLIC_URL", "", 'an absolute http(s) address without a final "/", or ""',
            lambda v: _url(v) and not str(v).endswith("/"),
            "address of the published site, for the feed, sitemap and JSON-LD "
            "($SITE_PUBLIC_URL in publishconf.py)"),
    Setting("TIMELINE_SEARCH", True, "True or False", lambda v: isinstance(v, bool),
            "build a Pagefind search index after rendering"),
    Setting("TIMELINE_PAGEFIND", None, 'a command as a list of strings (["npx", "pagefind"]) '
            "or None", _optional(_strings),
            "the command that runs Pagefind; None: the pagefind Python package's binary"),
    Setting("TIMELINE_SEARCH_JOBS", None, "a whole number of 1 or more, or None",
            _optional(_count), "Pagefind runs at once; None: one per core. Each holds its "
            "shard in memory (about 430 MB for a year shard at 10,000 articles): 1 keeps the "
            "build's peak lower at the cost of time"),
    Setting("TIMELINE_REUSE_PAGES", True, "True or False", lambda v: isinstance(v, bool),
            "take a page from the page store (<CACHE_PATH>/pages) when an earlier build "
            "rendered it from the same records, templates and settings"),
    Setting("TIMELINE_INDEX_MAX", 100, "a whole number of 1 or more", _count,
            "events above which the timeline page shows the latest years in full and links "
            "the others to their year page (theme/js/site.js forwards old index.html#e-<id>)"),
    Setting("TIMELINE_FACET_MAX", 100, "a whole number of 1 or more", _count,
            "events above which an actor, country, pair or type page is split by year"),
    Setting("TIMELINE_SUBSITES", None, "a list of site languages ({langs}) or None",
            _optional(lambda v: isinstance(v, list | tuple)
                      and all(x in site_languages() for x in v)),
            "the site in other languages, each under <lang>/ with a language switch on every "
            "page; None: every other language the site has strings for; []: none"),
    Setting("TIMELINE_SUBSITE_OF", None, "a site language or None",
            _optional(lambda v: v in site_languages()),
            "set by the build in a subsite: the main site's language"),
    Setting("TIMELINE_LANG_WRITTEN", None, "a site language or None",
            _optional(lambda v: v in site_languages()),
            "set by the build: the language the main site was written in"),
    Setting("TIMELINE_PUBLISHED", None, "a path (str) or None",
            _optional(lambda v: isinstance(v, str)),
            "set by `invoke build`: the published site, whose unchanged pages stay in place"),
)}

PREFIX = "TIMELINE_"


def configure(settings: MutableMapping) -> MutableMapping:
    """Check the ``TIMELINE_*`` settings of a Pelican settings mapping and fill in the
    defaults of those not given; an unknown or ill-typed one raises SettingError."""
    for name in sorted(k for k in settings if k.startswith(PREFIX)):
        setting = SETTINGS.get(name)
        if setting is None:
            # compared without the prefix they all share, which would make any name close
            close = difflib.get_close_matches(name[len(PREFIX):],
                                              [n[len(PREFIX):] for n in SETTINGS], n=1)
            hint = f"did you mean {PREFIX}{close[0]}?" if close else "remove it"
            raise SettingError(f"unknown setting {name}: {hint} (the settings are "
                               f"{', '.join(SETTINGS)}; see docs/architecture.md)")
        value = settings[name]
        if not setting.valid(value):
            kind = setting.kind.format(langs=", ".join(site_languages()))
            raise SettingError(f"setting {name} = {value!r}: it must be {kind}")
    for name, setting in SETTINGS.items():
        settings.setdefault(name, setting.default)
    return settings


# The environment: name -> (what it sets, its default)
ENVIRONMENT = {
    "TIMELINE_LANG": ("TIMELINE_LANG in pelicanconf.py: the site's language", ""),
    "SITE_PUBLIC_URL": ("TIMELINE_PUBLIC_URL in publishconf.py: the published address", ""),
    "DIPLO_CACHE": ("the extraction cache folder; off for none", str(CACHE / "extract")),
    "DIPLO_SCHEDULER": ("a Dask scheduler's address: extraction runs on that cluster", ""),
    "CI": ("set (to anything): no progress bar", ""),
}


def environment(name: str) -> str:
    """The value of one of the project's environment variables (its default when unset)."""
    return os.environ.get(name) or ENVIRONMENT[name][1]


def env_lang() -> str | None:
    """``$TIMELINE_LANG`` (None when unset), checked with the other settings."""
    return environment("TIMELINE_LANG") or None


def public_url() -> str:
    """``$SITE_PUBLIC_URL`` without its final "/", checked with the other settings."""
    return environment("SITE_PUBLIC_URL").rstrip("/")


def extract_cache() -> Path | None:
    """The extraction cache folder (``$DIPLO_CACHE``; off, 0, no or none: no cache)."""
    raw = environment("DIPLO_CACHE")
    return None if raw.lower() in ("off", "0", "no", "none") else Path(raw)


def scheduler() -> str | None:
    """``$DIPLO_SCHEDULER`` (None when unset): the Dask cluster that extracts, if any."""
    return environment("DIPLO_SCHEDULER") or None


def in_ci() -> bool:
    return bool(environment("CI"))


def pelican_cache(settings_file: str | os.PathLike) -> Path:
    """Pelican's cache folder for a settings file: one per file, beside it, since its
    entries hold values read with those settings and must not be reused under others."""
    path = Path(settings_file).resolve()
    return path.parent / CACHE / "pelican" / path.stem
