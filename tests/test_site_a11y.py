"""Accessibility and layout in Chromium: axe-core on every page type, keyboard, 360px, print.

axe-core comes from the ``axe-playwright-python`` package (its ``axe.min.js``), so no
request leaves the machine at test time. Each page type is checked in the light scheme
(and the main ones in the dark scheme too); any serious or critical violation fails.
The per-page summary is printed and written to ``tests/artifacts/axe.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python as axe_package  # ships axe.min.js; missing it fails the run
import pytest

from tests.test_browser import ARTIFACTS, CHROMIUM, _page, browser, served  # noqa: F401

AXE_JS = Path(axe_package.__file__).with_name("axe.min.js")
EVENT = "events/2021-11-24-visit-benny-gantz-rabat.html"
PAGES = {
    "timeline": "index.html",
    "event": EVENT,
    "source": "sources/000-d7c44e2311d972f8.html",
    "actor": "actor/benny-gantz.html",
    "country": "country/ma.html",
    "pair (years)": "pair/il-ma.html",
    "pair, one year": "pair/il-ma/2021.html",
    "type": "type/accord.html",
    "year": "year/2021.html",
    "browse": "browse.html",
    "sources list": "sources/index.html",
    "search": "search.html",
}
DARK = ("timeline", "event", "source", "search")
BLOCKING = ("serious", "critical")



def _axe(page) -> list[dict]:
    """Run axe-core on the page; its violations as {id, impact, nodes, help}."""
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def _ready(page, name: str, site: Path) -> None:
    """Wait until what scripts add (the search form with results) is on the page."""
    if name == "search":
        assert any((site / "pagefind").glob("*/pagefind.js")), "the search index was not built"
        page.locator("#search-input").fill("Gantz")
        page.locator("#search-results a").first.wait_for(timeout=10000)


def test_axe_finds_no_serious_violation(served, browser, capsys):  # noqa: F811
    base, site = served
    report: dict[str, dict] = {}
    for scheme in ("light", "dark"):
        page, errors, outside = _page(browser, color_scheme=scheme)
        # axe-core is added to every document by the browser itself, before the page's
        # own scripts: the page's CSP (scripts from the site only) stays as it is
        page.context.add_init_script(path=str(AXE_JS))
        for name, path in PAGES.items():
            if scheme == "dark" and name not in DARK:
                continue
            page.goto(f"{base}/{path}")
            _ready(page, name, site)
            violations = _axe(page)
            key = name if scheme == "light" else f"{name} (dark)"
            report[key] = {
                "url": path,
                "violations": violations,
                "blocking": [v["id"] for v in violations if v["impact"] in BLOCKING],
            }
        page.context.close()
        assert errors == [] and outside == [], (scheme, errors, outside)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    with capsys.disabled():
        print("\naxe-core, violations per page type (impact: rule ids):")
        for key, r in report.items():
            found = ", ".join(f"{v['impact']}: {v['id']}" for v in r["violations"]) or "none"
            print(f"  {key:<20} {found}")
    blocking = {k: r["blocking"] for k, r in report.items() if r["blocking"]}
    assert blocking == {}, json.dumps({k: report[k]["violations"] for k in blocking}, indent=1)


def _focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {tag: el.tagName.toLowerCase(), cls: el.className,
                zone: el.closest('.skip') ? 'skip' : el.closest('.year-nav') ? 'year-nav'
                    : el.closest('#filters') ? 'filters' : el.closest('.card') ? 'card'
                    : el.closest('.band') ? 'period'
                    : el.closest('.site-header') ? 'header' : 'other',
                href: el.getAttribute('href') || '',
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                visible: box.width > 0 && box.height > 0 && box.top >= 0
                    && box.left >= 0 && box.bottom <= innerHeight};
    }""")


def test_keyboard_reaches_skip_link_years_filters_and_first_event(served, browser):  # noqa: F811
    base, _ = served
    page, errors, _ = _page(browser, viewport={"width": 1100, "height": 900})
    page.goto(f"{base}/index.html")
    zones: list[str] = []
    first: dict[str, dict] = {}
    for _ in range(40):
        page.keyboard.press("Tab")
        now = _focused(page)
        if now["zone"] not in zones:
            zones.append(now["zone"])
            first[now["zone"]] = now
        if now["zone"] == "card":
            break
    # in document order (the seed's first row is a period), each with a visible focus ring
    assert zones == ["skip", "header", "year-nav", "filters", "period", "card"], zones
    for zone, stop in first.items():
        assert stop["outline"] and stop["visible"], (zone, stop)
    page.screenshot(path=str(ARTIFACTS / "focus-first-event.png"))
    href = first["card"]["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{href.lstrip('./')}")
    assert page.locator("h1").count() == 1
    assert errors == []


def test_skip_link_moves_focus_to_main(served, browser):  # noqa: F811
    base, _ = served
    page, _, _ = _page(browser)
    page.goto(f"{base}/{EVENT}")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("path, name", [("index.html", "timeline"), (EVENT, "event")])
def test_small_screen_dark_and_print(served, browser, path, name):  # noqa: F811
    base, _ = served
    page, errors, _ = _page(browser, viewport={"width": 360, "height": 740})
    page.goto(f"{base}/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(ARTIFACTS / f"{name}-360.png"), full_page=True)
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(ARTIFACTS / f"{name}-360-dark.png"), full_page=True)
    page.emulate_media(media="print", color_scheme="light")
    hidden = page.evaluate("getComputedStyle(document.querySelector('.site-header nav')).display")
    assert hidden == "none"
    page.screenshot(path=str(ARTIFACTS / f"{name}-print.png"), full_page=True)
    assert errors == []
