"""Polite HTTP fetching: one request at a time per host, with a delay, robots.txt obeyed.

A ``Fetcher`` asks each host for its ``robots.txt`` once, waits between two requests to
the same host (``Politeness.delay``, or the host's ``Crawl-delay`` when longer), gives
every request a timeout, retries what may pass on a second try (a timeout, a refused
connection, HTTP 429 and 5xx) with a doubling wait, reads at most ``max_bytes``, and
follows redirects itself so that every hop is checked against robots.txt and paced too.
Conditional requests (ETag, Last-Modified) say when a stored page has not changed.

Every failure is a ``FetchError`` naming the address, saying what went wrong and what to do.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from urllib.parse import urljoin, urlsplit

from .errors import PipelineError


def _version() -> str:
    try:
        return metadata.version("diplo-timeline")
    except metadata.PackageNotFoundError:
        return "dev"


USER_AGENT = (f"diplo-timeline/{_version()} (static timeline of diplomatic events; "
              "fetches one page at a time and obeys robots.txt)")
# the agent name robots.txt rules are matched against
ROBOTS_AGENT = "diplo-timeline"
MAX_REDIRECTS = 5
MAX_CRAWL_DELAY = 60.0  # a host asking for more is still paced, at this delay
RETRIED = {429, 500, 502, 503, 504}


class FetchError(PipelineError):
    """An address that could not be fetched; ``path`` is the address. ``retry``: the
    failure may pass on another try (after ``retry_after`` seconds, when the server said)."""

    def __init__(self, url: str, message: str, hint: str = "", retry: bool = False,
                 retry_after: float | None = None):
        super().__init__(url, message, hint)
        self.retry = retry
        self.retry_after = retry_after


@dataclass(frozen=True)
class Politeness:
    """How hard the fetcher may press a host."""

    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds to connect, and between two reads
    retries: int = 2  # further tries after a failure that may pass
    backoff: float = 2.0  # seconds before the first retry, doubled at each
    max_bytes: int = 5_000_000  # a news page is far smaller; past this it is refused
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Page:
    """A response with a body (a ``304 Not Modified`` is ``None``, not a Page)."""

    url: str  # the address asked for
    final_url: str  # after redirects
    body: bytes
    content_type: str  # "text/html", lower case, without parameters
    charset: str  # from the Content-Type header, "" when it gives none
    etag: str = ""
    last_modified: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # redirects are followed by Fetcher.get, hop by hop (robots.txt, pacing)
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class Fetcher:
    polite: Politeness = field(default_factory=Politeness)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)  # host -> time of its last request
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _delays: dict[str, float] = field(default_factory=dict)  # host -> its Crawl-delay

    def __post_init__(self):
        self._opener = urllib.request.build_opener(_NoRedirect)

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Page | None:
        """The page at ``url`` after redirects; None when the server says that the copy
        with this ETag or Last-Modified is still current. Raises FetchError."""
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            _check_scheme(current, url)
            if not self.allowed(current):
                raise FetchError(url, f"robots.txt of {urlsplit(current).netloc} disallows "
                                 f"{current}", "the site asks robots not to fetch it: save the "
                                 "page from a browser and add the file instead")
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, resp_headers, body = self._request(current, headers, url)
            if status == 304:
                return None
            if status in (301, 302, 303, 307, 308):
                location = resp_headers.get("Location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location",
                                     "the server is misconfigured; try again later")
                current = urljoin(current, location)
                continue
            kind, _, params = resp_headers.get("Content-Type", "").partition(";")
            charset = ""
            for param in params.split(";"):
                key, _, value = param.strip().partition("=")
                if key.lower() == "charset":
                    charset = value.strip().strip("\"'")
            return Page(url, current, body, kind.strip().lower(), charset,
                        resp_headers.get("ETag", ""), resp_headers.get("Last-Modified", ""))
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects",
                         "open it in a browser to see where it leads, and add that address")

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets this fetcher read ``url`` (read once per host;
        a missing robots.txt allows everything)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin, url)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str, url: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            status, _headers, body = self._request(f"{origin}/robots.txt", {}, url)
        except FetchError as err:
            if err.message.startswith("HTTP 4"):  # none there: nothing is disallowed
                return None
            if err.message.startswith("HTTP"):  # the host is up but its rules are unknown
                raise FetchError(url, f"robots.txt answered {err.message}",
                                 "the site is failing; try again later") from None
            raise  # the host itself cannot be reached: the page could not be either
        rules = urllib.robotparser.RobotFileParser()
        if status != 200:  # a redirect elsewhere: read as none, as most robots do
            return None
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        asked = rules.crawl_delay(ROBOTS_AGENT)
        if asked:
            self._delays[urlsplit(origin).netloc] = min(float(asked), MAX_CRAWL_DELAY)
        return rules

    def _wait_turn(self, host: str) -> None:
        delay = max(self.polite.delay, self._delays.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _request(self, url: str, headers: dict[str, str],
                 asked: str) -> tuple[int, http.client.HTTPMessage, bytes]:
        """One GET, retried when the failure may pass: (status, headers, body)."""
        host = urlsplit(url).netloc
        request = urllib.request.Request(url, headers={
            "User-Agent": self.polite.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            **headers})
        wait = self.polite.backoff
        for attempt in range(self.polite.retries + 1):
            self._wait_turn(host)
            try:
                return self._once(request, asked)
            except FetchError as err:
                if not err.retry or attempt == self.polite.retries:
                    raise
                self.sleep(max(wait, err.retry_after or 0.0))
                wait *= 2
        raise AssertionError("unreachable")

    def _once(self, request: urllib.request.Request,
              asked: str) -> tuple[int, http.client.HTTPMessage, bytes]:
        timeout = self.polite.timeout
        try:
            with self._opener.open(request, timeout=timeout) as resp:
                return resp.status, resp.headers, self._read(resp, asked)
        except urllib.error.HTTPError as err:
            with err:
                if err.code in (301, 302, 303, 304, 307, 308):
                    return err.code, err.headers, b""
                raise FetchError(asked, f"HTTP {err.code} {err.reason}", _http_hint(err.code),
                                 retry=err.code in RETRIED,
                                 retry_after=_retry_after(err.headers.get("Retry-After"))) from None
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, socket.gaierror):
                raise FetchError(asked, f"host {request.host} not found (DNS)",
                                 "check the address") from None
            if isinstance(reason, TimeoutError | socket.timeout):
                raise _timeout(asked, timeout) from None
            raise FetchError(asked, f"cannot connect to {request.host} ({reason})",
                             "check the address, or try again later", retry=True) from None
        except TimeoutError:
            raise _timeout(asked, timeout) from None
        except (http.client.HTTPException, ConnectionError) as err:
            raise FetchError(asked, f"the connection broke ({type(err).__name__})",
                             "try again later", retry=True) from None

    def _read(self, resp, asked: str) -> bytes:
        limit = self.polite.max_bytes
        length = resp.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > limit:
            raise _too_large(asked, limit)
        body = resp.read(limit + 1)
        if len(body) > limit:
            raise _too_large(asked, limit)
        return body


def _check_scheme(current: str, asked: str) -> None:
    parts = urlsplit(current)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(asked, f"{current!r} is not an http(s) address",
                         "give the page's full address, starting with https://")


def _timeout(url: str, seconds: float) -> FetchError:
    return FetchError(url, f"timed out (no answer within {seconds:g} s)",
                      "the site is slow or down; try again later", retry=True)


def _too_large(url: str, limit: int) -> FetchError:
    return FetchError(url, f"larger than {limit / 1_000_000:g} MB, not a news page",
                      "check that the address is the article's page")


def _http_hint(code: int) -> str:
    if code in (401, 403):
        return "the site refuses access: save the page from a browser and add the file"
    if code in (404, 410):
        return "no such page, or it was removed: check the address"
    if code == 429 or code >= 500:
        return "the site is busy or failing; try again later"
    return "check the address"


def _retry_after(raw: str | None) -> float | None:
    if raw and raw.strip().isdigit():
        return min(float(raw), MAX_CRAWL_DELAY)
    return None
