"""Adding what a feed lists (``invoke add --feed URL``, ``invoke update``), from a real
HTTP server on loopback."""

from __future__ import annotations

import io

import pytest
from invoke import Context

import tasks
from pipeline.add import Adder, AddReport, main
from pipeline.feeds import FeedError, load_feeds, parse_feed
from pipeline.fetch import Fetcher, Politeness
from pipeline.store import Seeds
from tests.loopback import Reply, Site

FAST = Politeness(delay=0.0, timeout=1, retries=0)
RSS = {"Content-Type": "application/rss+xml"}
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Le Courrier du Fleuve</title>
  <id>urn:courrier</id>
  <updated>2023-11-02T10:00:00Z</updated>
  <entry><title>Visite</title><id>urn:1</id><link href="{base}/fr/sommet"/>
    <published>2023-11-02T08:00:00Z</published><updated>2023-11-02T08:00:00Z</updated></entry>
</feed>
"""


def serve_feed(site: Site) -> None:
    site.routes.update({
        "/world/feed.xml": Reply(site.page("feed.xml"), headers=RSS),
        "/world/ministers-meet": Reply(site.page("meeting.html")),
        "/world/envoys": Reply(site.page("undated.html")),
        "/world/old-visit": Reply(site.page("sommet.html")),
    })


def names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_feed_adds_each_item_once_and_none_older_than_since(tmp_path):
    with Site() as site:
        serve_feed(site)
        adder = Adder(Seeds(tmp_path / "seeds"), Fetcher(FAST), out=io.StringIO(),
                      report=AddReport())
        adder.add_feed(f"{site.base}/world/feed.xml", since="2024-01-01")
    assert names(tmp_path / "seeds") == [
        "2024-03-14_foreign-ministers-of-norland-and-sudmark-meet-in-vestby.md",
        "undated_envoys-of-norland-and-ostria-hold-talks-on-the-river-treaty.md"]
    # the item listed twice is fetched once; the one from 2018 is not fetched at all
    assert len(site.asked("/world/ministers-meet")) == 1
    assert site.asked("/world/old-visit") == []
    assert adder.report.older == [f"{site.base}/world/old-visit"]
    assert adder.report.summary() == ("Done: 2 added (1 without a date), "
                                      "1 older than --since, 0 failed.")


def test_feeds_parse_as_rss_and_atom_with_their_dates():
    with Site() as site:
        rss = parse_feed(site.page("feed.xml"), "feed")
        atom = parse_feed(ATOM.replace(b"{base}", site.base.encode()), "feed")
    assert [(i.url.removeprefix(site.base), i.date) for i in rss] == [
        ("/world/ministers-meet", "2024-03-14"), ("/world/envoys", "2024-03-18"),
        ("/world/old-visit", "2018-01-02")]
    assert [(i.url.removeprefix(site.base), i.date) for i in atom] == [
        ("/fr/sommet", "2023-11-02")]


def test_a_feed_that_does_not_parse_is_reported_and_the_others_are_read(tmp_path):
    with Site() as site:
        serve_feed(site)
        site.routes["/broken.xml"] = Reply(b"<html><body>Our news</body></html>")
        out = io.StringIO()
        code = main(["--feed", f"{site.base}/broken.xml", "--feed", f"{site.base}/missing.xml",
                     "--feed", f"{site.base}/world/feed.xml", "--seeds", str(tmp_path / "seeds"),
                     "--delay", "0"], out=out)
    assert code == 1
    assert len(names(tmp_path / "seeds")) == 3
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("Done: 3 added (1 without a date), 2 failed (")
    assert f"{site.base}/broken.xml: not an RSS or Atom feed" in last
    assert f"{site.base}/missing.xml: HTTP 404 Not Found" in last


def test_update_adds_what_is_new_in_the_listed_feeds(tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    (tmp_path / "content").mkdir()
    with Site() as site:
        serve_feed(site)
        (tmp_path / "content" / "feeds.yaml").write_text(
            f"feeds:\n  - url: {site.base}/world/feed.xml\n    since: 2024-01-01\n")
        tasks.update(Context())
        assert len(names(tmp_path / "seeds")) == 2
        pages = len(site.log)
        tasks.update(Context())  # nothing new: only the feed is asked again (and robots.txt)
        assert [r.path for r in site.log[pages:]] == ["/robots.txt", "/world/feed.xml"]
    assert len(names(tmp_path / "seeds")) == 2


def test_add_takes_several_addresses_after_a_double_dash_and_fails_when_one_fails(
        tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    with Site() as site:
        serve_feed(site)
        with pytest.raises(SystemExit) as failed:
            tasks.add(Context(remainder=f"{site.base}/world/envoys {site.base}/gone"),
                      f"{site.base}/world/ministers-meet")
    assert failed.value.code == 1
    assert len(names(tmp_path / "seeds")) == 2


def test_the_list_of_feeds_is_checked_on_load(tmp_path):
    assert load_feeds(tasks.ROOT / "content" / "feeds.yaml") == []  # the project's own
    assert load_feeds(tmp_path / "none.yaml") == []
    path = tmp_path / "feeds.yaml"
    for text, problem in [
            ("feeds:\n  - url: https://a.example/rss\n    since: last week\n",
             "(feed 1): since 'last week' is not a date"),
            ("feeds:\n  - https://a.example/rss\n  - ftp://b.example/rss\n",
             "(feed 2): 'ftp://b.example/rss' is not an http(s) address"),
            ("feeds:\n  - url: https://a.example/rss\n    sinse: 2024-01-01\n",
             "(feed 1): unknown key 'sinse'"),
            ("feeds: [https://a.example/rss\n", ": not valid YAML"),
            ("- https://a.example/rss\n", ": expected a 'feeds:' list")]:
        path.write_text(text)
        with pytest.raises(FeedError) as err:
            load_feeds(path)
        assert str(err.value).startswith(str(path))
        assert problem in str(err.value)
