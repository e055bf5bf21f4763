"""Adding articles from the web (``invoke add URL...``): a real HTTP server on loopback
serves saved pages, a slow page, a 404, a redirect, a cp1252 page; nothing leaves the
machine."""

from __future__ import annotations

import io
import shutil
import time

import pytest

from pipeline.add import Adder, AddReport, main
from pipeline.extract import extract_article
from pipeline.fetch import Fetcher, FetchError, Politeness
from pipeline.read import read_article
from pipeline.store import Seeds
from tests.loopback import FIXTURES, Reply, Site

FAST = Politeness(delay=0.0, timeout=0.5, retries=1, backoff=0.05)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def adder(tmp_path, polite=FAST, update=False) -> tuple[Adder, io.StringIO]:
    out = io.StringIO()
    a = Adder(Seeds(tmp_path / "seeds"), Fetcher(polite), update=update,
              now=lambda: "2024-05-01T12:00:00Z", out=out, report=AddReport())
    return a, out


def stored(tmp_path) -> list[str]:
    folder = tmp_path / "seeds"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_page_is_stored_as_markdown_with_its_metadata_and_read_back_as_an_article(tmp_path):
    with Site() as site:
        site.routes["/world/ministers-meet"] = Reply(site.page("meeting.html"))
        a, _ = adder(tmp_path)
        a.add(f"{site.base}/world/ministers-meet")
    name = "2024-03-14_foreign-ministers-of-norland-and-sudmark-meet-in-vestby.md"
    assert stored(tmp_path) == [name]
    text = (tmp_path / "seeds" / name).read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    assert head.splitlines() == [
        "---", 'title: "Foreign ministers of Norland and Sudmark meet in Vestby"',
        "date: 2024-03-14", "lang: en", f'url: "{site.base}/world/ministers-meet"',
        'outlet: "The Harbour Gazette"', "fetched: 2024-05-01T12:00:00Z"]
    # the main text only: no menu, no footer, the <h1> not repeated under the title
    assert body.startswith("The foreign minister of Norland met her counterpart")
    assert "Home" not in body and "Copyright" not in body and "Vestby\n" not in body
    article = read_article(tmp_path / "seeds" / name)
    assert (article.title, article.lang, article.dct.value, article.source, article.url) == (
        "Foreign ministers of Norland and Sudmark meet in Vestby", "en", "2024-03-14",
        "The Harbour Gazette", f"{site.base}/world/ministers-meet")
    assert extract_article(str(tmp_path / "seeds" / name)).events  # the pipeline reads it


def test_the_same_article_is_never_stored_twice(tmp_path):
    with Site() as site:
        site.routes["/world/ministers-meet"] = Reply(site.page("meeting.html"))
        # another address whose page names the first as its canonical address
        site.routes["/amp/ministers-meet"] = Reply(site.page("meeting.html"))
        # the same text at an address that names no canonical one (white space differs)
        copy = site.page("meeting.html").replace(b'<link rel="canonical"', b"<link rel=x")
        site.routes["/print/ministers-meet"] = Reply(copy.replace(b"Wednesday, the",
                                                                  b"Wednesday,\n   the"))
        a, out = adder(tmp_path)
        for path in ("/world/ministers-meet", "/world/ministers-meet", "/amp/ministers-meet",
                     "/print/ministers-meet"):
            a.add(site.base + path)
    assert len(stored(tmp_path)) == 1
    assert len(site.asked("/world/ministers-meet")) == 1  # a stored address is not asked again
    assert a.report.stored == [site.base + p for p in ("/world/ministers-meet",
                                                       "/amp/ministers-meet",
                                                       "/print/ministers-meet")]
    assert out.getvalue().count("ALREADY STORED") == 3


def test_a_page_without_a_date_is_saved_without_one_and_reported(tmp_path):
    with Site() as site:
        site.routes["/world/envoys"] = Reply(site.page("undated.html"))
        a, out = adder(tmp_path)
        a.add(f"{site.base}/world/envoys")
    [name] = stored(tmp_path)
    assert name == "undated_envoys-of-norland-and-ostria-hold-talks-on-the-river-treaty.md"
    text = (tmp_path / "seeds" / name).read_text(encoding="utf-8")
    assert "\ndate:" not in text.split("\n---\n")[0]
    assert read_article(tmp_path / "seeds" / name).dct is None  # inferred from the text later
    assert f"NO DATE {tmp_path / 'seeds' / name}" in out.getvalue()
    assert "1 added (1 without a date)" in a.report.summary()


def test_every_failure_is_reported_with_its_reason_and_the_other_pages_are_added(tmp_path):
    with Site() as site:
        site.routes.update({
            "/slow": Reply(site.page("sommet.html"), delay=2.0),
            "/report.pdf": Reply(b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"}),
            "/world": Reply(site.page("index.html")),
            "/fr/sommet": Reply(site.page("sommet.html")),
        })
        a, out = adder(tmp_path)
        targets = [f"{site.base}/missing", f"{site.base}/slow", "http://no-such-host.invalid/a",
                   f"{site.base}/report.pdf", f"{site.base}/world", f"{site.base}/fr/sommet",
                   str(tmp_path / "nowhere.html")]
        for target in targets:
            a.add(target)
    assert stored(tmp_path) == ["2023-11-02_le-president-de-la-bordanie-recu-a-lisiere.md"]
    reasons = ["HTTP 404 Not Found", "timed out (no answer within 0.5 s)",
               "host no-such-host.invalid not found (DNS)",
               "not an HTML page (Content-Type: application/pdf)",
               "no article text found in this page",
               "neither a web address nor a saved web page"]
    assert a.report.failed == [f"{t}: {r}" for t, r in
                               zip(targets[:5] + targets[6:], reasons, strict=True)]
    assert len(site.asked("/slow")) == 2  # a timeout is tried again, once here
    assert len(site.asked("/missing")) == 1  # a 404 is not
    summary = a.report.summary()
    assert summary.startswith("Done: 1 added, 6 failed (")
    assert "\n" not in summary and all(f in summary for f in a.report.failed)
    for failed in a.report.failed:  # each also said as it happened, with what to do
        assert f"FAILED {failed} (" in out.getvalue()


def test_the_command_ends_with_the_summary_and_fails_when_an_address_failed(tmp_path):
    with Site() as site:
        site.routes["/fr/sommet"] = Reply(site.page("sommet.html"))
        out = io.StringIO()
        code = main([f"{site.base}/fr/sommet", f"{site.base}/gone", "--seeds",
                     str(tmp_path / "seeds"), "--delay", "0"], out=out)
    assert code == 1
    last = out.getvalue().splitlines()[-1]
    assert last == f"Done: 1 added, 1 failed ({site.base}/gone: HTTP 404 Not Found)."
    assert len(stored(tmp_path)) == 1


def test_a_redirect_is_followed_and_the_article_stored_under_its_final_address(tmp_path):
    with Site() as site:
        site.routes["/old/sommet"] = Reply(status=301, headers={"Location": "/fr/sommet"})
        site.routes["/fr/sommet"] = Reply(site.page("sommet.html"))
        a, _ = adder(tmp_path)
        a.add(f"{site.base}/old/sommet")
        a.add(f"{site.base}/old/sommet")  # the old address again: the same article
    [name] = stored(tmp_path)
    assert f'url: "{site.base}/fr/sommet"' in (tmp_path / "seeds" / name).read_text()
    assert a.report.stored == [f"{site.base}/old/sommet"]


def test_a_cp1252_page_is_decoded_whether_the_server_or_the_page_says_so(tmp_path):
    body = (FIXTURES / "cp1252.html").read_bytes()
    with Site() as site:
        # the page's own <meta> says windows-1252; the server says nothing
        site.routes["/said-by-page"] = Reply(body, headers={"Content-Type": "text/html"})
        site.routes["/said-by-server"] = Reply(
            body.replace(b"charset=windows-1252", b""),
            headers={"Content-Type": "text/html; charset=windows-1252"})
        for path in ("/said-by-page", "/said-by-server"):
            folder = tmp_path / path.strip("/")
            a = Adder(Seeds(folder / "seeds"), Fetcher(FAST), out=io.StringIO())
            a.add(site.base + path)
            [file] = (folder / "seeds").iterdir()
            text = file.read_text(encoding="utf-8")
            assert 'title: "L’ambassadeur de Norlande convoqué à Lisière"' in text
            assert "« Nous attendons des explications », a déclaré" in text
            assert file.name == "2022-06-09_lambassadeur-de-norlande-convoque-a-lisiere.md"


def test_robots_txt_is_obeyed_and_asked_once_per_site(tmp_path):
    with Site() as site:
        site.routes["/robots.txt"] = Reply(
            b"User-agent: *\nDisallow: /private/\n\nUser-agent: diplo-timeline\n"
            b"Disallow: /members/\n", headers={"Content-Type": "text/plain"})
        for path in ("/private/sommet", "/members/sommet", "/fr/sommet"):
            site.routes[path] = Reply(site.page("sommet.html"))
        a, _ = adder(tmp_path)
        for path in ("/members/sommet", "/fr/sommet"):
            a.add(site.base + path)
    assert len(stored(tmp_path)) == 1
    assert a.report.failed == [f"{site.base}/members/sommet: robots.txt of "
                               f"{site.base[7:]} disallows {site.base}/members/sommet"]
    assert site.asked("/members/sommet") == []  # never asked
    assert len(site.asked("/robots.txt")) == 1
    # the rules for every robot apply where none name this one
    fetcher = Fetcher(FAST)
    with Site() as other:
        other.routes["/robots.txt"] = Reply(b"User-agent: *\nDisallow: /private/\n",
                                            headers={"Content-Type": "text/plain"})
        assert not fetcher.allowed(f"{other.base}/private/x")
        assert fetcher.allowed(f"{other.base}/public/x")


def test_requests_to_one_site_are_spaced_and_carry_the_user_agent(tmp_path):
    with Site() as site:
        for path in ("/fr/sommet", "/world/ministers-meet", "/world/envoys"):
            site.routes[path] = Reply(site.page(
                {"/fr/sommet": "sommet.html", "/world/ministers-meet": "meeting.html",
                 "/world/envoys": "undated.html"}[path]))
        a, _ = adder(tmp_path, Politeness(delay=0.3, timeout=2, retries=0))
        for path in ("/fr/sommet", "/world/ministers-meet", "/world/envoys"):
            a.add(site.base + path)
    times = [r.time for r in site.log]
    assert [r.path for r in site.log][0] == "/robots.txt"
    assert all(b - a >= 0.29 for a, b in zip(times, times[1:], strict=False))
    assert all(r.headers["User-Agent"].startswith("diplo-timeline/") for r in site.log)
    assert len(stored(tmp_path)) == 3


def test_a_site_asking_for_a_crawl_delay_gets_it():
    waits = []
    fetcher = Fetcher(Politeness(delay=0.0, timeout=2, retries=0), sleep=waits.append)
    with Site() as site:
        site.routes["/robots.txt"] = Reply(b"User-agent: *\nCrawl-delay: 7\n",
                                           headers={"Content-Type": "text/plain"})
        site.routes["/a"] = Reply(b"<html>a</html>")
        fetcher.get(f"{site.base}/a")
        fetcher.get(f"{site.base}/a")
    assert waits and all(5 < w <= 7 for w in waits)  # 7 s less the time the last request took


def test_a_failing_server_is_tried_again_after_a_growing_wait():
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        time.sleep(min(seconds, 0.01))

    fetcher = Fetcher(Politeness(delay=0.0, timeout=2, retries=3, backoff=0.5), sleep=sleep)
    with Site() as site:
        site.routes["/busy"] = [Reply(b"", 503), Reply(b"", 503), Reply(b"<html>ok</html>")]
        page = fetcher.get(f"{site.base}/busy")
        assert page.body == b"<html>ok</html>"
        assert len(site.asked("/busy")) == 3
        assert [w for w in waits if w >= 0.5] == [0.5, 1.0]
        site.routes["/down"] = Reply(b"", 500)
        with pytest.raises(FetchError, match="HTTP 500"):
            fetcher.get(f"{site.base}/down")
        assert len(site.asked("/down")) == 4  # the first try and three more


def test_a_page_larger_than_the_limit_is_refused():
    fetcher = Fetcher(Politeness(delay=0.0, timeout=2, retries=0, max_bytes=1000))
    with Site() as site:
        site.routes["/big"] = Reply(b"<html>" + b"x" * 5000 + b"</html>")
        site.routes["/small"] = Reply(b"<html>" + b"x" * 500 + b"</html>")
        with pytest.raises(FetchError, match="larger than 0.001 MB"):
            fetcher.get(f"{site.base}/big")
        assert len(fetcher.get(f"{site.base}/small").body) == 513


def test_update_asks_conditionally_and_rewrites_only_a_changed_page(tmp_path):
    versions = {"etag": '"v1"', "body": None}

    def page(headers):
        if headers.get("If-None-Match") == versions["etag"]:
            return Reply(status=304, headers={"ETag": versions["etag"]})
        return Reply(versions["body"], headers={**HTML, "ETag": versions["etag"],
                                                "Last-Modified": "Thu, 14 Mar 2024 10:00:00 GMT"})

    with Site() as site:
        versions["body"] = site.page("meeting.html")
        site.routes["/world/ministers-meet"] = page
        url = f"{site.base}/world/ministers-meet"
        adder(tmp_path)[0].add(url)
        [name] = stored(tmp_path)
        first = (tmp_path / "seeds" / name).read_text()
        assert 'etag: "\\"v1\\""' in first
        a, out = adder(tmp_path, update=True)
        a.add(url)  # not changed: the server answers 304
        assert site.log[-1].headers["If-None-Match"] == '"v1"'
        assert site.log[-1].headers["If-Modified-Since"] == "Thu, 14 Mar 2024 10:00:00 GMT"
        assert a.report.unchanged == [str(tmp_path / "seeds" / name)]
        versions["etag"] = '"v2"'
        versions["body"] = versions["body"].replace(b"in the spring", b"in the summer")
        a, out = adder(tmp_path, update=True)
        a.add(url)
    assert stored(tmp_path) == [name]  # the same file, rewritten
    text = (tmp_path / "seeds" / name).read_text()
    assert "in the summer" in text and 'etag: "\\"v2\\""' in text
    assert a.report.updated == [str(tmp_path / "seeds" / name)]


def test_a_saved_page_is_added_like_a_fetched_one(tmp_path):
    saved = tmp_path / "Le président reçu.html"
    shutil.copy(FIXTURES / "sommet.html", saved)
    a, _ = adder(tmp_path)
    a.add(str(saved))
    a.add(str(saved))  # the same text again: not a second file
    [name] = stored(tmp_path)
    assert name == "2023-11-02_le-president-de-la-bordanie-recu-a-lisiere.md"
    text = (tmp_path / "seeds" / name).read_text()
    assert 'outlet: "Le Courrier du Fleuve"' in text and "\nurl:" not in text
    assert a.report.stored == [str(saved)]


def test_nothing_half_written_is_left_when_writing_fails(tmp_path, monkeypatch):
    import os

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with Site() as site:
        site.routes["/fr/sommet"] = Reply(site.page("sommet.html"))
        a, _ = adder(tmp_path)
        with pytest.raises(OSError):
            a.add(f"{site.base}/fr/sommet")
    assert stored(tmp_path) == []  # no article, and no temporary file either
