"""Drive the built site in Chromium: timeline -> event -> highlighted source passage -> back.

Serves a site built from hand-made records over a local ``http.server`` and also opens it
from ``file://``. Screenshots go to ``tests/artifacts/`` (the README's image is made from
the real seeds build by ``docs/screenshot.py``). Skipped when Chromium or Playwright is
missing. Accessibility (axe-core, keyboard) is checked in ``test_site_a11y.py``.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import playwright.sync_api as playwright  # a missing browser stack fails, never skips
import pytest

from tests.test_site import build_site, site_records

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]



class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, site folder) of the seed site served on 127.0.0.1."""
    # facets above two events get a page per year: the pair and country pages are split
    site = build_site(site_records(), tmp_path_factory.mktemp("browser"), TIMELINE_FACET_MAX=2)
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", site
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "install Debian's chromium (see the README's test line)"
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _page(browser, **kwargs):
    context = browser.new_context(**kwargs)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "file://", "data:")) else None)
    return page, errors, outside


def test_timeline_event_source_and_back(served, browser):
    base, _ = served
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page, errors, outside = _page(browser, viewport={"width": 1100, "height": 900})
    page.goto(f"{base}/index.html")
    labels = page.locator(".timeline .card time").all_inner_texts()
    assert labels == ["fin 2020", "24 novembre 2021", "jeudi 24 novembre 2022"]
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)

    page.get_by_role("link", name="Visite de Benny Gantz à Rabat, accords signés").click()
    page.wait_for_url("**/events/2021-11-24-visit-benny-gantz-rabat.html")
    assert page.locator("h1").inner_text() == "Visite de Benny Gantz à Rabat, accords signés"
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)

    page.locator(".quote figcaption a").first.click()
    page.wait_for_url("**/sources/000-d7c44e2311d972f8.html#ev-*")
    target = page.locator("mark.is-target")
    assert target.count() == 1
    assert "24 novembre 2021" in target.inner_text()
    assert target.evaluate("el => el.matches(':target')")
    page.screenshot(path=str(ARTIFACTS / "source.png"))

    page.go_back()
    page.wait_for_url("**/events/2021-11-24-visit-benny-gantz-rabat.html")
    page.go_back()
    page.wait_for_url("**/index.html")
    assert errors == [] and outside == []


def test_filters_hide_and_restore_cards(served, browser):
    base, _ = served
    page, errors, _ = _page(browser)
    page.goto(f"{base}/index.html")
    assert page.locator("#filters").is_visible()
    # the type filter offers the labels the cards show, each with its count, and keeps
    # exactly the cards showing the label chosen
    shown = page.locator(".timeline .card .badge[class*=type-]").all_inner_texts()
    options = page.locator("select[name=type] option").all_inner_texts()[1:]
    assert sorted(options) == sorted(f"{label} ({shown.count(label)})" for label in set(shown))
    label = max(set(shown), key=shown.count)
    page.select_option("select[name=type]", label=f"{label} ({shown.count(label)})")
    visible = page.locator(".timeline .card:visible .badge[class*=type-]").all_inner_texts()
    assert visible == [label] * shown.count(label)
    page.select_option("select[name=actor]", "Nasser Bourita")
    # both filters hold: every card left has the label and the actor
    left = page.locator(".timeline .card:visible")
    assert left.count() <= shown.count(label)
    for i in range(left.count()):
        assert "Nasser Bourita" in left.nth(i).get_attribute("data-actors").split("|")
        assert left.nth(i).locator(".badge").first.inner_text() == label
    page.click("button[type=reset]")
    page.wait_for_function("() => document.querySelectorAll('.timeline li[hidden]').length === 0")
    assert errors == []


def test_works_from_file_url_on_small_screen(served, browser):
    _, site = served
    page, errors, outside = _page(browser, viewport={"width": 360, "height": 740})
    page.goto((site / "index.html").as_uri())
    # the stylesheet applied (CSP 'self' must not block it on file://)
    assert page.locator(".year-nav").evaluate("el => getComputedStyle(el).position") == "sticky"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    page.screenshot(path=str(ARTIFACTS / "timeline-360.png"), full_page=True)
    page.locator(".card-title a").first.click()
    page.wait_for_url("**/events/2020-abraham-accords-morocco-israel.html")
    assert errors == [] and outside == []


def test_search_finds_an_event_and_facets_narrow_it(served, browser):
    base, site = served
    # one Pagefind bundle per shard (events by decade in small years, sources in buckets)
    assert sorted(p.parent.name for p in (site / "pagefind").glob("*/pagefind.js")) == [
        "e2020s", "s0"], "the search index was not built"
    page, errors, outside = _page(browser)
    page.goto(f"{base}/search.html")
    page.locator("#search-input").fill("Loudiyi")
    results = page.locator("#search-results a")
    results.first.wait_for(timeout=10000)
    hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any("/events/" in h for h in hrefs) and any("/sources/" in h for h in hrefs)
    assert page.locator("#search-results mark").count() > 0
    # only what a page says is indexed: none of its labels, badges or legend, and its
    # words stay apart ("24 novembre 2021 Rabat", not "2021Rabat")
    excerpts = " ".join(page.locator("#search-results p").all_inner_texts())
    assert "Loudiyi" in excerpts
    for furniture in ("Acteurs", "Statut", "Précision", "passage cité comme preuve",
                      "date reconnue", "acteur reconnu", "Lire dans"):
        assert furniture not in excerpts, (furniture, excerpts)
    assert not re.search(r"\d{4}[A-ZÀ-Ý]", excerpts), excerpts
    # a facet keeps only the events that have it: the 2022 talks, not the 2021 visit
    page.select_option("#sf-year", "2022")
    page.wait_for_function("() => [...document.querySelectorAll('#search-results a')]"
                           ".every(a => a.getAttribute('href').includes('/events/2022-'))")
    kept = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert kept and all("/events/2022-" in h for h in kept)
    assert "1" in page.locator("#search-status").inner_text()
    page.screenshot(path=str(ARTIFACTS / "search.png"))
    assert errors == [] and outside == []


def test_old_timeline_anchors_reach_events_on_a_split_timeline(browser, tmp_path):
    """With the early years moved to year pages, index.html#e-<id> still reaches the event."""
    site = build_site(site_records(), tmp_path, TIMELINE_SEARCH=False, TIMELINE_INDEX_MAX=1)
    page, errors, outside = _page(browser)
    page.goto((site / "index.html").as_uri() + "#e-2021-11-24-visit-benny-gantz-rabat")
    page.wait_for_url("**/events/2021-11-24-visit-benny-gantz-rabat.html")
    page.goto((site / "index.html").as_uri() + "#m-2021-11")
    page.wait_for_url("**/year/2021.html#m-2021-11")
    assert page.locator("#m-2021-11 .card").count() == 1
    # an event still on the timeline page stays there
    page.goto((site / "index.html").as_uri() + "#e-2022-11-24-consult-benny-gantz-nasser-bourita")
    assert page.url.endswith("index.html#e-2022-11-24-consult-benny-gantz-nasser-bourita")
    assert errors == [] and outside == []


def test_cards_say_what_happened_and_event_page_groups_quotes(served, browser):
    base, _ = served
    page, errors, outside = _page(browser, viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/index.html")
    cards = page.locator(".timeline .card")
    assert cards.count() == 3
    for i in range(cards.count()):
        card = cards.nth(i)
        # a title, a summary taken from the evidence, a type label, a count of articles
        assert card.locator(".card-title a").inner_text().strip()
        assert card.locator(".card-summary").inner_text().strip()
        assert card.locator(".badge").first.inner_text().strip()
        count = card.locator(".card-sources").inner_text()
        assert re.fullmatch(r"\d+ articles?", count), count
        href = card.locator(".card-title a").get_attribute("href")
        event = page.context.new_page()
        event.goto(f"{base}/{href.lstrip('/')}" if "://" not in href else href)
        # the count is of distinct articles: one group per article on the event page
        groups = event.locator(".article-group")
        assert groups.count() == int(count.split()[0])
        # the date is stated once, each article says when it was published, and each
        # quote has one link to its highlighted passage
        assert event.locator(".event time[data-precision]").count() == 1
        for g in range(groups.count()):
            assert groups.nth(g).locator(".article-meta time").count() == 1
        quotes = event.locator(".quote")
        links = event.locator(".quote figcaption a")
        assert links.count() == quotes.count()
        assert len(set(links.evaluate_all("els => els.map(e => e.getAttribute('href'))"))) \
            == quotes.count()
        assert event.locator("text=Lire dans l’article").count() == 0
        event.close()
    assert errors == [] and outside == []


def test_search_holds_the_word_finds_other_language_names_and_keeps_the_query(served, browser):
    base, _ = served
    page, errors, outside = _page(browser)
    page.goto(f"{base}/search.html")
    results = page.locator("#search-results li")
    # "Morocco": no page prints it, the event pages and the article say "Maroc"
    page.locator("#search-input").fill("Morocco")
    results.first.wait_for(timeout=10000)
    assert page.url.endswith("search.html?q=Morocco")
    kinds = page.locator("#search-results .result-kind").all_inner_texts()
    assert kinds and all(re.match(r"(Événement|Article) · \S", k) for k in kinds), kinds
    # a word no page holds in any form gives no result, whatever stems Pagefind shares
    page.locator("#search-input").fill("Marocanité")
    page.wait_for_function("() => document.getElementById('search-status').textContent"
                           ".startsWith('0 ')")
    assert results.count() == 0
    # the query and a facet are kept in the address: Back brings the search back
    page.locator("#search-input").fill("Gantz")
    results.first.wait_for(timeout=10000)
    page.select_option("#sf-year", "2022")
    page.wait_for_function("() => location.search.includes('year=2022')")
    page.locator("#search-results a").first.click()
    page.wait_for_url("**/events/**")
    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0")
    assert page.locator("#search-input").input_value() == "Gantz"
    assert page.locator("#sf-year").input_value() == "2022"
    texts = " ".join(page.locator("#search-results li").all_inner_texts())
    assert "Gantz" in texts
    assert errors == [] and outside == []


def test_overview_is_readable_and_usable_at_360(served, browser):
    base, _ = served
    page, errors, outside = _page(browser, viewport={"width": 360, "height": 740})
    page.goto(f"{base}/index.html")
    chart = page.locator("svg.overview-narrow")
    wide = page.locator("svg.overview:not(.overview-narrow)")
    assert chart.is_visible() and not wide.is_visible()
    scale = chart.evaluate("el => el.getBoundingClientRect().width / el.viewBox.baseVal.width")
    sizes = chart.locator("text").evaluate_all(
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) * scale >= 12, (sizes, scale)
    bars = chart.locator("a")
    for i in range(bars.count()):
        box = bars.nth(i).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
        name = bars.nth(i).get_attribute("aria-label")
        assert re.fullmatch(r"\d{4}\u00a0: \d+ événements?", name), name
    # every year of the timeline has its bar, linked to that year
    years = sorted(set(page.locator(".timeline .card").evaluate_all(
        "els => els.map(e => e.dataset.year)")))
    hrefs = bars.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert sorted(h.rsplit("-", 1)[-1] for h in hrefs) == years
    bars.first.focus()
    assert page.evaluate("document.activeElement.closest('svg') !== null")
    page.screenshot(path=str(ARTIFACTS / "overview-360.png"))
    assert errors == [] and outside == []


def test_language_switch_leads_to_the_same_page_in_the_other_language(browser, tmp_path):
    from tests.test_site_a11y import AXE_JS, BLOCKING, _axe

    site = build_site(site_records(), tmp_path, TIMELINE_SEARCH=False,
                      TIMELINE_SUBSITES=None)
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    event = "events/2021-11-24-visit-benny-gantz-rabat.html"
    page, errors, outside = _page(browser, viewport={"width": 360, "height": 740})
    page.context.add_init_script(path=str(AXE_JS))
    page.goto(f"{base}/{event}")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(f'link[rel=alternate][hreflang=en][href$="en/{event}"]').count() == 1
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/{event}")
    assert page.locator("html").get_attribute("lang") == "en"
    # the English page is written in English, with English typography
    assert page.locator("h1").inner_text().startswith("Benny Gantz visits")
    assert " :" not in page.locator("main").inner_text().replace("« ", "")
    assert page.locator('link[rel=alternate][hreflang=fr]').get_attribute("href").endswith(
        f"/{event}")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        blocking = [v["id"] for v in _axe(page) if v["impact"] in BLOCKING]
        assert blocking == [], (scheme, blocking)
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(f"{base}/{event}")
    page.goto(f"{base}/en/index.html")
    assert page.locator(".card-title").count() == 3
    blocking = [v["id"] for v in _axe(page) if v["impact"] in BLOCKING]
    assert blocking == []
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(ARTIFACTS / "timeline-en.png"))
    server.shutdown()
    assert errors == [] and outside == []
