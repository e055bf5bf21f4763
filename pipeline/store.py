"""Articles added from the web, stored in ``seeds/`` as Markdown with front matter.

One file per article, named from its date and title (``2021-08-12_lapid-inaugure-....md``,
``undated_....md`` without a date), written to a hidden temporary file and renamed, so a
build never reads half an article. ``Seeds`` knows what the folder already holds: the
addresses (``url``, ``canonical``) and the main text (white space normalised) of every
Markdown or text article, so that the same article is never stored twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .identity import slugify
from .read import FRONT_MATTER, parse_front_matter
from .webpage import WebArticle

STORED_SUFFIXES = {".md", ".markdown", ".txt"}


@dataclass(frozen=True)
class Stored:
    """What ``Seeds`` knows of one stored article."""

    path: Path
    urls: frozenset[str]  # normalised url and canonical
    text_key: str
    etag: str = ""
    last_modified: str = ""


def normal_url(url: str) -> str:
    """An address as compared: scheme and host in lower case, no default port, no
    fragment, "/" for an empty path."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80)
                     or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))


def text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _quoted(value: str) -> str:
    # a JSON string is a YAML double-quoted scalar: titles with ': ' or '#' stay intact
    return json.dumps(value, ensure_ascii=False)


def markdown(article: WebArticle, fetched: str, etag: str = "", last_modified: str = "") -> str:
    """The file stored for an article: front matter, then the main text."""
    lines = ["---", f"title: {_quoted(article.title)}"]
    if article.date:
        lines.append(f"date: {article.date}")
    lines.append(f"lang: {article.lang}")
    if article.url:
        lines.append(f"url: {_quoted(article.url)}")
    if article.canonical:
        lines.append(f"canonical: {_quoted(article.canonical)}")
    if article.outlet:
        lines.append(f"outlet: {_quoted(article.outlet)}")
    lines.append(f"fetched: {fetched}")
    # what the server said of this copy, for conditional requests on `--update`
    if etag:
        lines.append(f"etag: {_quoted(etag)}")
    if last_modified:
        lines.append(f"last_modified: {_quoted(last_modified)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + article.text.strip() + "\n"


def file_name(article: WebArticle) -> str:
    return f"{article.date or 'undated'}_{slugify(article.title, 60) or 'article'}.md"


class Seeds:
    """The articles of one folder, as far as adding articles needs to know them."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.stored: list[Stored] = []
        if self.folder.is_dir():
            for path in sorted(self.folder.rglob("*")):
                if (path.suffix.lower() in STORED_SUFFIXES and path.is_file()
                        and not path.name.startswith(".")):
                    self.stored.append(_index(path))

    def find(self, urls=(), text: str | None = None) -> Stored | None:
        """The stored article with one of these addresses, or with this main text."""
        wanted = {normal_url(u) for u in urls if u}
        key = text_key(text) if text is not None else None
        for s in self.stored:
            if wanted & s.urls or s.text_key == key:
                return s
        return None

    def save(self, article: WebArticle, fetched: str, etag: str = "", last_modified: str = "",
             replace: Path | None = None) -> Path:
        """Write the article (over ``replace``, a stored file, when given) and return its
        path; the folder never holds a partly written file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = replace if replace is not None else self._free_name(file_name(article))
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".adding-", suffix=".md")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(markdown(article, fetched, etag, last_modified))
            os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the article from other users
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.stored = [s for s in self.stored if s.path != target]
        self.stored.append(_index(target))
        return target

    def _free_name(self, name: str) -> Path:
        path = self.folder / name
        n = 2
        while path.exists():
            path = self.folder / f"{Path(name).stem}-{n}.md"
            n += 1
        return path


def _index(path: Path) -> Stored:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return Stored(path, frozenset(), "")
    m = FRONT_MATTER.match(text)
    meta = parse_front_matter(m.group(1), str(path), []) if m else {}
    body = text[m.end():] if m else text
    urls = frozenset(normal_url(str(meta[k])) for k in ("url", "canonical") if meta.get(k))
    return Stored(path, urls, text_key(body), str(meta.get("etag") or ""),
                  str(meta.get("last_modified") or ""))
