"""Site features built from hand-made records: facet feeds, periods, search filters, and the
timeline split into year pages when it is long."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.test_site import PERIOD_TEXT, build_site, site_records

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})")
VISIT = "2021-11-24-visit-benny-gantz-rabat"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(site_records(), tmp_path_factory.mktemp("features"),
                      TIMELINE_SEARCH=False)


def _check_atom(path) -> ET.Element:
    """Parse a feed and check what RFC 4287 requires of a feed and of its entries."""
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    assert RFC3339.fullmatch(feed.find(f"{ATOM}updated").text)
    ids = [e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) and all(":" in i and " " not in i for i in ids)
    assert " " not in feed.find(f"{ATOM}id").text
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("title", "updated"):
            assert entry.find(f"{ATOM}{name}").text, name
        assert RFC3339.fullmatch(entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")
    return feed


def test_feeds_per_actor_and_pair_are_valid_atom_with_event_dates(site):
    feeds = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.atom"))
    assert feeds == ["actor/abdellatif-loudiyi.atom", "actor/benny-gantz.atom",
                     "actor/nasser-bourita.atom", "feed.atom", "pair/il-ma.atom"]
    for name in feeds:
        _check_atom(site / name)
    gantz = _check_atom(site / "actor" / "benny-gantz.atom")
    # dates come from the events (the newest one), never from the build's clock
    assert gantz.find(f"{ATOM}updated").text == "2022-11-24T00:00:00+00:00"
    links = [e.find(f"{ATOM}link").get("href") for e in gantz.findall(f"{ATOM}entry")]
    assert links == ["../events/2022-11-24-consult-benny-gantz-nasser-bourita.html",
                     f"../events/{VISIT}.html"]
    assert all((site / "actor" / link).resolve().exists() for link in links)
    pair = _check_atom(site / "pair" / "il-ma.atom")
    assert len(pair.findall(f"{ATOM}entry")) == 3


def test_facet_pages_link_their_feed(site):
    for page, feed in [("actor/benny-gantz.html", "actor/benny-gantz.atom"),
                       ("pair/il-ma.html", "pair/il-ma.atom")]:
        html = (site / page).read_text()
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
                         rf'href="\.\./{re.escape(feed)}">', html), page
    # countries, types and years have no feed of their own
    assert ".atom" not in (site / "country" / "ma.html").read_text().replace("feed.atom", "")


def test_public_url_makes_feed_links_absolute(tmp_path):
    site = build_site(site_records(), tmp_path, TIMELINE_SEARCH=False,
                      TIMELINE_PUBLIC_URL="https://example.org/tl")
    feed = _check_atom(site / "actor" / "benny-gantz.atom")
    assert feed.find(f"{ATOM}id").text == "https://example.org/tl/actor/benny-gantz.html"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "https://example.org/tl/actor/benny-gantz.atom")


def test_period_is_a_band_linked_to_its_passage(site):
    html = (site / "index.html").read_text()
    band = re.search(r'<li class="period-row">(.*?)</li>', html, re.S).group(1)
    assert "de novembre 2020 à novembre 2022" in band
    assert f"<q>{PERIOD_TEXT}</q>" in band
    assert 'href="./sources/000-d7c44e2311d972f8.html#tx-' in band
    # listed in its first month, before the events, and not counted as one
    assert html.index('id="m-2020-11"') < html.index("period-row") < html.index(">fin 2020</time>")
    assert html.count('class="card"') == 3
    anchor = re.search(r"#(tx-\d+-\d+)", band).group(1)
    source = (site / "sources" / "000-d7c44e2311d972f8.html").read_text()
    assert re.search(rf'<time class="hl timex" datetime="P2Y" id="{anchor}">{PERIOD_TEXT}<', source)
    svg = (site / "overview.svg").read_text()
    rect = re.search(r'<a href="(sources/[^"]+)"[^>]*><title>Période[^<]*</title>'
                     r'<rect class="period" x="([\d.]+)" y="0" width="([\d.]+)"', svg)
    assert rect and rect.group(1).endswith(anchor)
    assert float(rect.group(3)) > 700  # two years out of the chart's 25 months


def test_event_pages_carry_no_search_filters(site):
    # Pagefind writes filter indexes in an order that changes from run to run
    # (Pagefind/pagefind#638), which would break byte-identical builds: facets are the
    # pages per actor, country, pair, type and year instead.
    for page in (site / "events").glob("*.html"):
        assert "data-pagefind-filter" not in page.read_text(encoding="utf-8")


def test_long_timeline_keeps_latest_years_and_year_pages_keep_anchors(tmp_path):
    site = build_site(site_records(), tmp_path, TIMELINE_SEARCH=False, TIMELINE_INDEX_MAX=1)
    index = (site / "index.html").read_text()
    assert 'data-split="./"' in index
    assert 'id="e-2022-11-24-consult-benny-gantz-nasser-bourita"' in index
    assert f'id="e-{VISIT}"' not in index
    assert '<li id="y-2021"><a href="./year/2021.html">2021</a>' in index
    assert '<a href="./year/2020.html">2020</a>' in index  # year navigation
    year = (site / "year" / "2021.html").read_text()
    assert f'id="e-{VISIT}"' in year and 'id="m-2021-11"' in year
    event = (site / "events" / f"{VISIT}.html").read_text()
    assert f'href="../year/2021.html#e-{VISIT}"' in event
    svg = (site / "overview.svg").read_text()
    assert 'href="year/2021.html#m-2021-11"' in svg and 'href="index.html#m-2022-11"' in svg


def test_a_long_facet_has_a_page_per_year_and_shows_the_latest(tmp_path):
    site = build_site(site_records(), tmp_path, TIMELINE_SEARCH=False, TIMELINE_FACET_MAX=1,
                      TIMELINE_PUBLIC_URL="https://example.org/tl")
    main = (site / "actor" / "benny-gantz.html").read_text(encoding="utf-8")
    years = re.findall(r'<a href="\.\./actor/benny-gantz/(\d{4})\.html"', main)
    assert years == ["2021", "2022"]
    # the latest year in full on the facet's own page, the others on their year page
    assert "e-2022-11-24-consult-benny-gantz-nasser-bourita" in main and VISIT not in main
    year = (site / "actor" / "benny-gantz" / "2021.html").read_text(encoding="utf-8")
    assert f'id="e-{VISIT}"' in year and "2022-11-24-consult" not in year
    assert '<a href="../../actor/benny-gantz/2021.html" aria-current="page">2021</a>' in year
    assert '<a href="../../actor/benny-gantz.html">Benny Gantz</a>' in year
    assert f'href="../../events/{VISIT}.html"' in year  # links work two folders down
    # every event of every split facet is on exactly one of its year pages
    for page in site.glob("*/*/*.html"):
        ids = re.findall(r'<article class="card" id="e-([^"]+)"', page.read_text("utf-8"))
        assert all(i.startswith(page.stem) for i in ids), page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/tl/actor/benny-gantz/2021.html" in sitemap

