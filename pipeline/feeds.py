"""RSS and Atom feeds: the items a feed lists, and the feeds a project follows.

``parse_feed`` reads a feed's bytes with feedparser into ``FeedItem`` records (each item's
link and publication date, in the feed's order, every link once). ``load_feeds`` reads
``content/feeds.yaml``, the feeds ``invoke update`` follows::

    feeds:
      - https://www.example.org/diplomatie/rss.xml
      - url: https://www.example.com/news/feed.atom
        since: 2024-01-01     # items published before this day are not added
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import PipelineError


class FeedError(PipelineError):
    """A feed, or the list of feeds, that cannot be read."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    date: str | None  # YYYY-MM-DD (UTC) when the feed gives one


@dataclass(frozen=True)
class Feed:
    url: str
    since: str | None = None  # YYYY-MM-DD


def parse_feed(data: bytes, url: str) -> list[FeedItem]:
    """The items of an RSS or Atom feed; FeedError when ``data`` is not a feed."""
    import feedparser  # only when feeds are read

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise FeedError(url, "not an RSS or Atom feed" + (f" ({why})" if why else ""),
                        "check the feed's address: a site's page links to it as RSS or Atom")
    items: dict[str, FeedItem] = {}
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link or link in items:  # the same item listed twice is one item
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        date = (dt.datetime.fromtimestamp(calendar.timegm(when), dt.UTC).date().isoformat()
                if when else None)
        items[link] = FeedItem(link, date)
    return list(items.values())


def since_date(raw: object, where: str) -> str | None:
    """A ``since`` value as YYYY-MM-DD; FeedError naming ``where`` when it is no date."""
    if raw is None or raw == "":
        return None
    try:
        return dt.date.fromisoformat(str(raw).strip()).isoformat()
    except ValueError:
        raise FeedError(where, f"since {raw!r} is not a date", "write it as YYYY-MM-DD") from None


def load_feeds(path: Path | str) -> list[Feed]:
    """The feeds listed in ``path`` (none when the file does not exist); FeedError naming
    the file and the entry when it is malformed."""
    p = Path(path)
    if not p.exists():
        return []
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as err:
        raise FeedError(str(p), f"cannot be read ({err})", "check the file") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{p}:{mark.line + 1}" if mark is not None else str(p)
        raise FeedError(where, "not valid YAML", "see the example at the top of "
                        "pipeline/feeds.py") from None
    if not isinstance(data, dict) or not isinstance(data.get("feeds") or [], list):
        raise FeedError(str(p), "expected a 'feeds:' list", "list one feed address per line")
    feeds = []
    for n, entry in enumerate(data.get("feeds") or [], 1):
        where = f"{p} (feed {n})"
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise FeedError(where, "a feed is an address, or 'url:' with an optional 'since:'",
                            "see the example at the top of the file")
        unknown = set(entry) - {"url", "since", "name"}
        if unknown:
            raise FeedError(where, f"unknown key {sorted(unknown)[0]!r}",
                            "a feed has 'url', and optionally 'since' and 'name'")
        url = entry["url"].strip()
        if not url.startswith(("http://", "https://")):
            raise FeedError(where, f"{url!r} is not an http(s) address",
                            "give the feed's full address")
        feeds.append(Feed(url, since_date(entry.get("since"), where)))
    return feeds
