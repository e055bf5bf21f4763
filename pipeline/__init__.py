"""Diplomatic-event timelines from news articles.

The pipeline reads articles, finds and normalises their dates, recognises actors and
countries, classifies dated sentences into events, merges events reported by several
articles, and writes the contract JSON and Pelican content. It does not depend on Pelican.
"""

__version__ = "0.1.0"
