"""Settings for publishing: the development settings plus the public address.

Set ``SITE_PUBLIC_URL`` (e.g. https://example.org/timeline) to get absolute links in the
feed, the sitemap and the JSON-LD; pages themselves keep relative links.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403
from pipeline.settings import pelican_cache, public_url  # noqa: E402

TIMELINE_PUBLIC_URL = public_url()  # $SITE_PUBLIC_URL, checked
CACHE_PATH = str(pelican_cache(__file__))  # not the development settings' pages
DELETE_OUTPUT_DIRECTORY = True
