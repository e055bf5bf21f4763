"""Read stage: a file on disk -> an ``Article``.

Three shapes are understood:
- plain text (``.txt``) as the seed articles come: the first line is the title, the rest
  the body, no date;
- Markdown or text with a ``---`` front-matter block (``title``, ``date``, ``lang``,
  ``source`` or ``outlet``, ``url``);
- saved web pages (``.html``/``.htm``): the main text is taken with trafilatura and the
  publication date with htmldate. Offsets then refer to the extracted text.

Offsets are those of Python's ``Path.read_text``: universal newlines, a BOM kept as a
character, so that ``text[start:end]`` matches what any other reader of the file sees.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from pathlib import Path

import yaml

from .errors import ReadError
from .language import detect_language, is_known
from .records import Article, Dct, supported, years_hint

FRONT_MATTER = re.compile(r"\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", re.S)
HTML_SUFFIXES = {".html", ".htm"}
# A news article is a few thousand words; files far beyond that are dumps or mistakes, and
# the later stages grow faster than linearly with length, so only the beginning is used.
MAX_TEXT_CHARS = 100_000
MAX_FILE_BYTES = 50_000_000  # past this a file is not read into memory at all
MIN_HTML_WORDS = 8  # fewer words than this in a web page's main text: a menu, not an article


def decode(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """Bytes -> text with universal newlines; legacy encodings decoded with a warning."""
    if not data:
        raise ReadError(path, "the file is empty", "write the article in it or remove it")
    # Windows editors save "Unicode" as UTF-16 with a BOM; its NUL bytes are not binary
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom) and len(data) % 2 == 0:
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                break
            return text.replace("\r\n", "\n").replace("\r", "\n"), (
                f"{path}: encoded as UTF-16; read as such, re-save the file as UTF-8 "
                "to silence this warning",)
    if b"\x00" in data[:8192]:
        raise ReadError(path, "this is a binary file, not an article",
                        "save the article as UTF-8 text, Markdown or HTML")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        text = data.decode("cp1252", errors="replace")
        warnings.append(f"{path}: not valid UTF-8 (byte {err.start}); read as Windows-1252, "
                        "re-save the file as UTF-8 to silence this warning")
    return text.replace("\r\n", "\n").replace("\r", "\n"), tuple(warnings)


def truncate(text: str, path: str, warnings: list[str]) -> str:
    """The first MAX_TEXT_CHARS characters, cut at a line end so no sentence is halved.

    The result is a prefix of the text, so every offset into it is an offset into the file.
    """
    if len(text) <= MAX_TEXT_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_TEXT_CHARS) + 1 or MAX_TEXT_CHARS
    warnings.append(f"{path}: {len(text):,} characters, far longer than an article; only the "
                    f"first {cut:,} are read (split it into one file per article)")
    return text[:cut]


def parse_date(raw: object, path: str, warnings: list[str], lang: str = "") -> Dct | None:
    """A front-matter date -> Dct, or None with a warning when it is not a real date.

    ISO dates are read here; other spellings ("25/11/2021", "25 novembre 2021", "Thu, 25
    Nov 2021 08:00:00 GMT") by dateparser, in the article's language when known, and only
    when they spell a four-digit year: nothing is ever completed from today's date."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.date):  # a datetime too
        text = raw.isoformat()[:10]
    else:
        text = str(raw).strip()
    iso = ISO_DATE.fullmatch(text)
    # written the ISO way, it is read that way only: "2021-13-01" is no 13 January
    dct = _iso_date(iso) if iso else _spelled_date(text, lang)
    if dct is not None and supported(dct.value):
        return dct
    out = dct is not None or (iso is not None and not supported(iso.group(1)))
    what = f"outside the {years_hint()}" if out else "not a real date"
    warnings.append(f"{path}: front matter date {text!r} is {what}; "
                    "the date is inferred from the text instead (write it as YYYY-MM-DD)")
    return None


# an ISO date, maybe with a time ("2021-11-25T08:00:00Z"), or its compact form (20211125);
# any number of digits for the year, so that "99999-01-01" is not read as 9999
ISO_DATE = re.compile(r"(\d{8}|\d+)(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?")


def _iso_date(m: re.Match) -> Dct | None:
    """The date an ISO_DATE match spells, or None when it is not a real one."""
    year, month, day = m.group(1), m.group(2), m.group(3)
    if len(year) == 8 and not month:  # 20211125
        year, month, day = year[:4], year[4:6], year[6:]
    if len(year) != 4:
        return None
    try:
        if day:
            return Dct(dt.date(int(year), int(month), int(day)).isoformat(), "metadata")
    except ValueError:
        return None
    if month:
        return Dct(f"{year}-{int(month):02d}", "metadata") if 1 <= int(month) <= 12 else None
    return Dct(year, "metadata")


# "key: plain value" lines, which need no YAML parser (ten times slower on every article)
PLAIN_LINE = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t]+(?:[^\s\"'\[{|>&*!%@`#][^#\n]*"
                        r"|\"[^\"\\]*\"|'[^']*')[ \t]*|[ \t]*)")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_front_matter(block: str, path: str, warnings: list[str]) -> dict:
    lines = block.splitlines()
    if all(PLAIN_LINE.fullmatch(line) for line in lines):
        plain = dict(line.split(":", 1) for line in lines)
        return {k.strip().lower(): _unquote(v.strip()) for k, v in plain.items()}
    try:
        # every value as a string: dates are checked here, not by YAML ("2022-13-45")
        meta = yaml.load(block, Loader=yaml.BaseLoader)
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        warnings.append(f"{path}: front matter is not valid YAML{where}; "
                        "read it line by line as 'key: value'")
        meta = None
    if not isinstance(meta, dict):
        meta = {}
        for line in block.splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
    return {str(k).lower(): v for k, v in meta.items()}


def _spelled_date(text: str, lang: str) -> Dct | None:
    years = re.findall(r"(?<!\d)(?:1[0-9]|20)\d\d(?!\d)", text)
    if not years or len(text) > 80:
        return None
    from dateparser.date import DateDataParser  # slow import: only for such spellings

    settings = {"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first",
                "RELATIVE_BASE": dt.datetime(2000, 1, 1)}  # never today: nothing relative kept
    # the article's language first (it orders "03/04/2021"), then any ("Thu, 25 Nov 2021")
    for languages in ([lang], None) if lang and is_known(lang) else (None,):
        try:
            data = DateDataParser(languages=languages, settings=settings).get_date_data(text)
        except (ValueError, OverflowError):
            continue
        if data.date_obj is not None:
            break
    else:
        return None
    when = data.date_obj
    if when is None or str(when.year) not in years:  # "hier", "25 novembre": no year spelled
        return None
    value = {"day": when.date().isoformat(), "month": f"{when.year:04d}-{when.month:02d}",
             "year": f"{when.year:04d}"}.get(data.period or "day")
    return Dct(value, "metadata") if value else None


def read_text_article(text: str, path: str, warnings: list[str],
                      dct_option: Dct | None) -> Article:
    m = FRONT_MATTER.match(text)
    if m:
        meta = parse_front_matter(m.group(1), path, warnings)
        body_start = m.end()
        title = str(meta.get("title") or "").strip()
        lang = re.split(r"[-_]", str(meta.get("lang") or "").strip().lower())[0]  # "pt-BR": pt
        dct = parse_date(meta.get("date"), path, warnings, lang)
    else:
        meta, body_start, dct, lang = {}, 0, None, ""
        first = text.lstrip("\ufeff").split("\n", 1)[0]
        title = first.strip()
    body = text[body_start:]
    if not title:
        title = next((line.strip() for line in body.splitlines() if line.strip()), "")[:120]
        warnings.append(f"{path}: no title; the first line of the text is used "
                        "(add 'title:' to the front matter)")
    if lang and not is_known(lang):
        warnings.append(f"{path}: unknown language {meta.get('lang')!r}; detected from the text "
                        "instead (use a two-letter code such as fr, en or es)")
        lang = ""
    lang = lang or detect_language(body)
    return Article(path=path, text=text, body_start=body_start, title=title, lang=lang,
                   dct=dct_option or dct,
                   source=str(meta.get("source") or meta.get("outlet") or ""),
                   url=str(meta.get("url") or ""), warnings=tuple(warnings))


def read_html_article(raw: str, path: str, warnings: list[str],
                      dct_option: Dct | None) -> Article:
    import trafilatura  # imported here: slow to import and only needed for web pages
    from htmldate import find_date

    extracted = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                            include_tables=False)
    body = (getattr(extracted, "text", None) if extracted is not None else None) or ""
    title = (getattr(extracted, "title", None) if extracted is not None else None) or ""
    title = " ".join(title.split())
    body = body.strip()
    lines = body.split("\n", 1)
    if title and " ".join(lines[0].split()) == title:
        # the page's <h1> repeats its <title>: keep one, or the title is read twice
        body = lines[1].strip() if len(lines) > 1 else ""
    # a login page or an index still yields its menu entries: not an article
    if len(body.split()) < MIN_HTML_WORDS:
        raise ReadError(path, "no article text found in this web page",
                        "save the article page itself, not an index or a login page")
    found = find_date(raw, original_date=True, extensive_search=False,
                      outputformat="%Y-%m-%d")
    dct = Dct(found, "metadata") if found else None
    if dct is not None and not supported(dct.value):
        warnings.append(f"{path}: the page's date {found!r} is outside the {years_hint()}; "
                        "the date is inferred from the text instead (add the article's "
                        "date to the page or save it as Markdown with 'date: YYYY-MM-DD')")
        dct = None
    title = title or body.split("\n", 1)[0][:120]
    text = truncate(f"{title}\n{body}\n", path, warnings)
    return Article(path=path, text=text, body_start=0, title=title,
                   lang=detect_language(body), dct=dct_option or dct,
                   url=(getattr(extracted, "url", None) or "") if extracted else "",
                   warnings=tuple(warnings))


def read_article(path: Path | str, dct_option: Dct | None = None,
                 data: bytes | None = None) -> Article:
    """Read one file into an Article; raise ReadError when it cannot be an article.

    ``data``: the file's bytes, read elsewhere (a cluster's worker that cannot see the file
    is sent them); the Article is the one the file itself gives."""
    p = Path(path)
    name = str(path)
    if data is None:
        try:
            with p.open("rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            raise ReadError(name, f"cannot be read ({err.strerror})",
                            "check the path and its rights") from err
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(name, f"larger than {MAX_FILE_BYTES // 1_000_000} MB, not an article",
                        "split it into one file per article or remove it")
    text, decoded = decode(data, name)
    warnings = list(decoded)
    if not text.strip("\ufeff \n\t"):
        raise ReadError(name, "the file holds only blank space", "write the article or remove it")
    if p.suffix.lower() in HTML_SUFFIXES:
        return read_html_article(text, name, warnings, dct_option)
    return read_text_article(truncate(text, name, warnings), name, warnings, dct_option)
