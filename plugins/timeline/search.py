"""Full-text search index, built with Pagefind once Pelican has written the site.

In: the output folder. Out: ``<output>/pagefind/`` (index, UI script and styles).
Only elements marked ``data-pagefind-body`` (event and source pages) are indexed.
The index is a function of the pages, so it stays reproducible. When the Pagefind
binary is missing the build goes on without search; the search page says so.
"""

from __future__ import annotations

import logging
import subprocess
import sys

logger = logging.getLogger(__name__)


def build_index(pelican) -> None:
    """Run ``python -m pagefind --site <output>`` if the TIMELINE_SEARCH setting allows."""
    if not pelican.settings.get("TIMELINE_SEARCH", True):
        return
    # only event and source pages hold indexed text: facet pages (large lists of cards)
    # are left unread, which keeps Pagefind's memory in bounds on large sites
    cmd = [sys.executable, "-m", "pagefind", "--site", str(pelican.output_path),
           "--glob", "{events,sources}/*.html", "--quiet"]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        logger.warning("search index not built: %s", err)
        return
    if result.returncode != 0:
        # the site is still complete without search: warn instead of failing the build
        detail = (result.stderr or result.stdout).strip().splitlines()
        logger.warning("search index not built: %s", detail[-1] if detail else result.returncode)
