"""Add articles to ``seeds/`` from web pages, saved pages and feeds (``invoke add``/``update``).

``python -m pipeline.add URL|FILE.html ... [--feed URL ...] [--since DATE] [--update]``
fetches each page politely (``pipeline.fetch``), takes its article (``pipeline.webpage``)
and stores it as one Markdown file (``pipeline.store``) unless the folder already holds
it (same address, same canonical address or same main text). ``--feeds FILE`` adds what
is new in every feed the file lists (``pipeline.feeds``). One address that fails never
stops the others: each failure is printed with its reason as it happens and again in the
closing one-line summary, and the exit code is 1 when any failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .errors import PipelineError
from .feeds import Feed, load_feeds, parse_feed, since_date
from .fetch import Fetcher, FetchError, Page, Politeness
from .read import MAX_FILE_BYTES
from .store import Seeds, text_key
from .webpage import WebArticle, html_text, page_article

HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)  # paths written
    undated: list[str] = field(default_factory=list)  # of those, saved without a date
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # --update: the page had not changed
    stored: list[str] = field(default_factory=list)  # already in the folder: not added again
    older: list[str] = field(default_factory=list)  # published before --since
    failed: list[str] = field(default_factory=list)  # "address: reason"

    def summary(self) -> str:
        parts = [f"{len(self.added)} added"
                 + (f" ({len(self.undated)} without a date)" if self.undated else "")]
        for count, what in ((self.updated, "updated"), (self.unchanged, "unchanged"),
                            (self.stored, "already stored"), (self.older, "older than --since")):
            if count:
                parts.append(f"{len(count)} {what}")
        text = "Done: " + ", ".join(parts) + f", {len(self.failed)} failed"
        return text + (f" ({'; '.join(self.failed)})." if self.failed else ".")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Adder:
    seeds: Seeds
    fetcher: Fetcher = field(default_factory=Fetcher)
    update: bool = False
    now: Callable[[], str] = _now
    out: TextIO = sys.stderr
    report: AddReport = field(default_factory=AddReport)

    def add(self, target: str, since: str | None = None) -> None:
        """A web address or a saved page's path; failures go to the report."""
        try:
            if target.startswith(("http://", "https://")):
                self._add_url(target, since)
            elif Path(target).is_file() and Path(target).suffix.lower() in (".html", ".htm"):
                self._add_file(Path(target))
            else:
                raise PipelineError(target, "neither a web address nor a saved web page",
                                    "give an address starting with https://, or an .html "
                                    "file; copy other articles into seeds/ as they are")
        except PipelineError as err:
            self._fail(err)

    def add_feed(self, url: str, since: str | None = None) -> None:
        """Every item of the feed at ``url`` not stored yet (published since ``since``)."""
        try:
            page = self.fetcher.get(url)
            items = parse_feed(page.body if page else b"", url)
        except PipelineError as err:
            self._fail(err)
            return
        self._say(f"FEED {url}: {len(items)} items")
        for item in items:
            if since and item.date and item.date < since:
                self.report.older.append(item.url)
                continue
            self.add(item.url, since)

    def _add_url(self, url: str, since: str | None) -> None:
        known = self.seeds.find(urls=[url])
        if known is not None and not self.update:
            self._already(url, known.path)
            return
        page = self.fetcher.get(url, known.etag if known else "",
                                known.last_modified if known else "")
        if page is None:  # 304: the stored copy is current
            self.report.unchanged.append(str(known.path))
            self._say(f"UNCHANGED {known.path} <- {url}")
            return
        article = page_article(html_text(_html_body(page), page.charset), page.final_url, url)
        self._store(url, article, since, known, page.etag, page.last_modified)

    def _add_file(self, path: Path) -> None:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise PipelineError(str(path), "far too large for a web page",
                                "check that it is the saved article")
        self._store(str(path), page_article(html_text(data), "", str(path)), None, None)

    def _store(self, what: str, article: WebArticle, since: str | None, known,
               etag: str = "", last_modified: str = "") -> None:
        if since and article.date and article.date < since:
            self.report.older.append(what)
            return
        same = known or self.seeds.find(urls=[article.url, article.canonical], text=article.text)
        if same is not None and not self.update:
            self._already(what, same.path)
            return
        if same is not None:
            if same.text_key == text_key(article.text):
                self.report.unchanged.append(str(same.path))
                self._say(f"UNCHANGED {same.path} <- {what}")
                return
            path = self.seeds.save(article, self.now(), etag, last_modified, replace=same.path)
            self.report.updated.append(str(path))
            self._say(f"UPDATED {path} <- {what}")
            return
        path = self.seeds.save(article, self.now(), etag, last_modified)
        self.report.added.append(str(path))
        self._say(f"ADDED {path} <- {what}")
        if not article.date:
            self.report.undated.append(str(path))
            self._say(f"NO DATE {path}: the page gives no publication date; the build infers "
                      "it from the text (or write 'date: YYYY-MM-DD' in its front matter)")

    def _already(self, what: str, path: Path) -> None:
        self.report.stored.append(what)
        self._say(f"ALREADY STORED {what}: {path}")

    def _fail(self, err: PipelineError) -> None:
        self.report.failed.append(f"{err.path}: {err.message}")
        self._say(f"FAILED {err.describe()}")

    def _say(self, line: str) -> None:
        print(line, file=self.out, flush=True)


def _html_body(page: Page) -> bytes:
    looks_html = page.body[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html"))
    if page.content_type in HTML_TYPES or (not page.content_type and looks_html):
        return page.body
    raise FetchError(page.url, f"not an HTML page (Content-Type: {page.content_type or 'none'})",
                     "give the address of the article's web page")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline.add", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="*", help="web addresses, or saved .html pages")
    ap.add_argument("--feed", action="append", default=[], help="an RSS or Atom feed's address")
    ap.add_argument("--feeds", help="a file listing feeds (content/feeds.yaml)")
    ap.add_argument("--since", help="only items published on or after this day (YYYY-MM-DD)")
    ap.add_argument("--update", action="store_true",
                    help="fetch stored pages again and refresh those that changed")
    ap.add_argument("--seeds", default="seeds", help="the articles folder")
    ap.add_argument("--delay", type=float, default=Politeness.delay,
                    help="seconds between two requests to one site")
    ap.add_argument("--timeout", type=float, default=Politeness.timeout,
                    help="seconds to wait for a site")
    return ap


def main(argv: list[str] | None = None, out: TextIO = sys.stderr) -> int:
    args = parser().parse_args(argv)
    report = AddReport()
    try:
        since = since_date(args.since, "--since")
        feeds = [Feed(url, since) for url in args.feed]
        if args.feeds:  # a feed's own `since` first, else the command's
            feeds += [Feed(f.url, f.since or since) for f in load_feeds(args.feeds)]
    except PipelineError as err:
        print(f"FAILED {err.describe()}", file=out)
        return 2
    if not args.targets and not feeds:
        if args.feeds:  # following no feed yet is no error
            print(f"Nothing to add: {args.feeds} lists no feeds.", file=out)
            return 0
        print("Nothing to add: give addresses, saved pages or --feed URL.", file=out)
        return 2
    fetcher = Fetcher(Politeness(delay=args.delay, timeout=args.timeout))
    adder = Adder(Seeds(args.seeds), fetcher, update=args.update, out=out, report=report)
    for target in args.targets:
        adder.add(target, since)
    for feed in feeds:
        adder.add_feed(feed.url, feed.since)
    print(report.summary(), file=out)
    return 1 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
