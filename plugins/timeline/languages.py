"""The site in each of its languages: the main one at the root of the output folder, each
other one under ``<lang>/`` (as Pelican's i18n subsites do), from the same data.

A subsite is a second Pelican run, in a child forked once the content is there, while
the main site is written: the same settings but its language, its output folder, its
published folder (``<lang>/`` of each) and its own caches. Its pages
link to the same page in the other languages (``lang_links``) and its strings, dates and
typography are its language's. The data carries each event's title and summary in every
site language (``pipeline.content``), so a subsite reads the same sidecar.
"""

from __future__ import annotations

import gc
import os

from . import background

SITE_LANGS = ("fr", "en")
NAMES = {"fr": "Français", "en": "English"}  # each language named in itself
# the setting in which the generator leaves the language its site was written in (the
# data's when TIMELINE_LANG is None), for the subsites to be the others
RESOLVED = "TIMELINE_LANG_WRITTEN"


def subsite_langs(settings: dict, main: str) -> list[str]:
    """The languages written under ``<lang>/`` beside a main site in ``main``:
    ``TIMELINE_SUBSITES`` (None: every other site language; [] none); none in a subsite."""
    if settings.get("TIMELINE_SUBSITE_OF"):
        return []
    wanted = settings.get("TIMELINE_SUBSITES")
    langs = [x for x in SITE_LANGS if x != main] if wanted is None else list(wanted)
    return [x for x in langs if x != main]


def sites_at_once(settings: dict) -> int:
    """How many sites are built at the same time as this one (itself included): the main
    site and its subsites, written side by side."""
    main = (settings.get("TIMELINE_SUBSITE_OF") or settings.get(RESOLVED)
            or settings.get("TIMELINE_LANG") or "fr")
    return 1 + len(subsite_langs({**settings, "TIMELINE_SUBSITE_OF": None}, main))


def lang_links(settings: dict, lang: str) -> list[dict]:
    """The same page in the other languages: ``prefix`` goes between the page's site root
    and its path (``en/`` from the main site, ``../`` back from a subsite)."""
    main = settings.get("TIMELINE_SUBSITE_OF")
    if main:
        return [{"lang": main, "name": NAMES.get(main, main), "prefix": "../"}]
    return [{"lang": x, "name": NAMES.get(x, x), "prefix": f"{x}/"}
            for x in subsite_langs(settings, lang)]


def start_subsites(settings: dict, output_path: str) -> background.Child | None:
    """Each other language's site, written under ``<lang>/`` by a forked child while this
    process writes the main one (on two cores, a rebuild takes the time of one site, not
    two); None when there is none. ``settings["TIMELINE_LANG_WRITTEN"]`` must be set."""
    main = settings.get(RESOLVED) or settings.get("TIMELINE_LANG") or "fr"
    langs = subsite_langs(settings, main)
    if not langs:
        return None
    return background.Child(lambda: write_subsites(settings, output_path, main, langs),
                            "writing the site in " + ", ".join(langs))


def write_subsites(settings: dict, output_path: str, main: str, langs: list[str]) -> None:
    """Write each of ``langs``' sites under ``<lang>/``."""
    from pelican import Pelican  # a subsite is a Pelican run of its own

    gc.enable()  # a forked child starts with the collector off (background.Child)

    published = settings.get("TIMELINE_PUBLISHED")
    cache = settings.get("CACHE_PATH")
    for lang in langs:
        sub = dict(settings)
        sub.update(
            OUTPUT_PATH=os.path.join(output_path, lang),
            TIMELINE_LANG=lang,
            TIMELINE_SUBSITE_OF=main,
            TIMELINE_PUBLISHED=os.path.join(published, lang) if published else None,
        )
        sub.pop(RESOLVED, None)
        if cache:
            sub["CACHE_PATH"] = os.path.join(cache, lang)
        Pelican(sub).run()
