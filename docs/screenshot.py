"""Remake ``docs/screenshot-timeline.png`` from the built site (run ``invoke build`` first).

    python docs/screenshot.py [SITE_FOLDER]

Opens ``output/index.html`` in Chromium at 1280 px wide and keeps the top 1400 px.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "output"
    index = site / "index.html"
    if not index.exists():
        print(f"{index} is missing: run `invoke build` first", file=sys.stderr)
        return 1
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.goto(index.resolve().as_uri())
        page.screenshot(path=str(ROOT / "docs" / "screenshot-timeline.png"))
        browser.close()
    print(f"wrote {ROOT / 'docs' / 'screenshot-timeline.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
