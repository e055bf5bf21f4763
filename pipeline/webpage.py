"""A web page's bytes -> a ``WebArticle``: its main text and metadata, ready to be stored.

The main text and title come from trafilatura, the publication date from htmldate (the
original date, never the page's last change or today), the outlet from the site's name
(``og:site_name``, or the host without ``www.``), the language from the text as for any
article (``pipeline.language``). The rules are those of ``pipeline.read`` for saved pages.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import ReadError
from .language import detect_language
from .read import MIN_HTML_WORDS

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# as browsers do (WHATWG Encoding): a page that says Latin-1 is read as Windows-1252
SAME_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii"}


@dataclass(frozen=True)
class WebArticle:
    url: str  # the page's address ("" for a saved page that names none)
    canonical: str  # its canonical address when it gives one, else ""
    title: str
    date: str | None  # YYYY-MM-DD, or None when the page gives no publication date
    lang: str
    outlet: str
    text: str  # the main text, paragraphs separated by blank lines


def html_text(data: bytes, charset: str = "") -> str:
    """Decode a page: the charset the server gave, else the page's own <meta>, else UTF-8,
    else Windows-1252 (what undeclared legacy pages nearly always are)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    declared = charset
    if not declared:
        m = META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", errors="ignore") if m else ""
    declared = declared.strip().lower()
    if declared in SAME_AS_CP1252:
        declared = "cp1252"
    if declared:
        try:
            return data.decode(declared, errors="replace")
        except LookupError:  # a name no codec has: guessed below
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def page_article(html: str, url: str, where: str) -> WebArticle:
    """The article in ``html`` (a page fetched from ``url``, or a saved page with url "").
    Raises ReadError naming ``where`` when the page holds no article text."""
    import trafilatura  # slow to import: only when pages are added
    from htmldate import find_date

    found = trafilatura.bare_extraction(html, url=url or None, with_metadata=True,
                                        include_comments=False, include_tables=False)
    body = ((found.text if found is not None else None) or "").strip()
    title = " ".join(((found.title if found is not None else None) or "").split())
    first, _, rest = body.partition("\n")
    if title and " ".join(first.split()) == title:
        body = rest.strip()  # the page's <h1> repeats its <title>: keep one
    if len(body.split()) < MIN_HTML_WORDS:
        raise ReadError(where, "no article text found in this page",
                        "give the address of the article itself, not of an index, a "
                        "login page or a page built by JavaScript")
    title = title or " ".join(body.partition("\n")[0].split())[:120]
    # trafilatura reports the canonical link (or og:url) as the page's url, when there is one
    canonical = (found.url or "") if found is not None else ""
    if canonical == url or not canonical.startswith(("http://", "https://")):
        canonical = ""
    if not url:  # a saved page: the address it names as its own is its address
        url, canonical = canonical, ""
    date = find_date(html, url=url or None, original_date=True, extensive_search=False,
                     outputformat="%Y-%m-%d")
    host = urlsplit(url).hostname or ""
    outlet = " ".join(((found.sitename if found is not None else None) or "").split())
    outlet = outlet or (host[4:] if host.startswith("www.") else host)
    # one paragraph per line as trafilatura gives them: a blank line between, as Markdown
    text = "\n\n".join(p.strip() for p in body.split("\n") if p.strip())
    return WebArticle(url=url, canonical=canonical, title=title, date=date or None,
                      lang=detect_language(text), outlet=outlet, text=text)
