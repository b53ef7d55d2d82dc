"""The one function that goes on the network: a GET with a timeout, a size limit and a user agent.

Everything `timeline add` downloads (pages, feeds) goes through `fetch`, so tests point it at a
local server and nothing else in the package opens a socket. Failures are `FetchError`s: one line
naming the URL, the cause, and what to do.
"""

from __future__ import annotations

import os
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from generator.errors import ArticleError

USER_AGENT = "news-timeline/0.1 (timeline add; saves news articles for a sourced timeline)"
TIMEOUT = 20.0  # seconds without an answer (connect, headers, each read)
DEADLINE = 90.0  # seconds for the whole download
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
    "application/json",
    "text/plain",
    *HTML_TYPES,  # a site's page: the feed is found from its <link rel="alternate">
)
_SAVE_IT = "save the page from your browser and add the file"
# What a body starts with when it is not a web page, whatever its Content-Type says.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (a Word or Office file?)"),
    (b"\x1f\x8b", "a gzip archive"),
)
_KINDS = {
    "application/pdf": "a PDF document",
    "application/msword": "a Word document",
    "application/zip": "a ZIP archive",
    "application/octet-stream": "a binary file",
}


class FetchError(ArticleError):
    """A download failed: names the URL, the cause and what to do; `may_pass` when a later try may work
    (a timeout, a server error, a refused connection), not when the page is gone or is no page."""

    def __init__(self, url: str, message: str, *, may_pass: bool = False) -> None:
        super().__init__(url, message)
        self.may_pass = may_pass


@dataclass(frozen=True, slots=True)
class Response:
    """A successful download: the final URL after redirects, the media type and the body."""

    url: str
    status: int
    content_type: str | None
    charset: str | None
    body: bytes


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = HTML_TYPES,
    timeout: float | None = None,
    max_bytes: int | None = None,
    max_redirects: int | None = None,
) -> Response:
    """GET `url` and return its body; FetchError for anything but a complete page of an accepted type.

    At most `max_redirects` redirects (a loop is named as such), `timeout` seconds of silence,
    `max_bytes` of body (reading stops there), only http and https, and a body of one of the
    `accept` media types (sniffed when the server sends none, and never a PDF or an image).
    The defaults are the module's constants, read at each call, so tests can lower them.
    """
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    max_redirects = MAX_REDIRECTS if max_redirects is None else max_redirects
    if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).hostname:
        raise FetchError(url, "not a web address; only http:// and https:// URLs can be fetched")
    redirects = _Redirects(url, max_redirects)
    opener = urllib.request.build_opener(redirects)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": os.environ.get("TIMELINE_USER_AGENT") or USER_AGENT,
            "Accept": ", ".join(accept) + ", */*;q=0.1",
            "Accept-Language": "en",
            "Accept-Encoding": "identity",
        },
    )
    started = time.monotonic()
    try:
        with opener.open(request, timeout=timeout) as answer:
            final_url = answer.geturl()
            content_type, charset = _media_type(answer.headers)
            _check_type(url, content_type, accept)
            _check_length(url, answer.headers, max_bytes)
            body = _read(url, answer, max_bytes, started + max(DEADLINE, timeout))
            status = answer.status
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(
            url, _http_message(error.code, error.reason), may_pass=_may_pass(error.code)
        ) from None
    except urllib.error.URLError as error:
        raise FetchError(url, _network_message(error.reason, timeout), may_pass=True) from None
    except TimeoutError:
        raise FetchError(url, _network_message(TimeoutError(), timeout), may_pass=True) from None
    except (OSError, ValueError) as error:  # a reset connection, a malformed answer
        raise FetchError(url, _network_message(error, timeout), may_pass=True) from None
    kind = sniff_binary(body)
    if kind is not None:
        raise FetchError(url, f"not a web page but {kind}; {_NOT_A_PAGE}")
    return Response(final_url, status, content_type, charset, body)


_NOT_A_PAGE = "save its text as a .txt file and add that"


def sniff_binary(data: bytes) -> str | None:
    """What `data` is when it is plainly not text (a PDF, an image...), else None."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "a binary file"
    return None


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most `limit` redirects, only to http(s), and names a loop as a loop."""

    def __init__(self, url: str, limit: int) -> None:
        super().__init__()
        self.chain = [url]
        self.limit = limit

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        first = self.chain[0]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(first, f"redirects to {newurl}, which is not a web address")
        if newurl in self.chain:
            loop = " -> ".join([*self.chain[self.chain.index(newurl) :], newurl])
            raise FetchError(
                first, f"redirect loop ({loop}); the site is misconfigured, try again later", may_pass=True
            )
        if len(self.chain) - 1 >= self.limit:
            raise FetchError(first, f"more than {self.limit} redirects (last to {newurl}); giving up")
        self.chain.append(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _media_type(headers: Message) -> tuple[str | None, str | None]:
    if not headers.get("Content-Type"):
        return None, None
    charset = headers.get_content_charset()
    return headers.get_content_type().lower(), charset.strip().lower() if charset else None


def _check_type(url: str, content_type: str | None, accept: tuple[str, ...]) -> None:
    if content_type is None or content_type in accept:
        return
    if content_type.startswith(("image/", "video/", "audio/")):
        kind = f"{content_type.split('/')[0]} ({content_type})"
        kind = ("an " if kind[0] in "aeiou" else "a ") + kind
    else:
        kind = _KINDS.get(content_type, content_type)
    wanted = "a web page" if accept == HTML_TYPES else "an RSS or Atom feed"
    hint = _NOT_A_PAGE if accept == HTML_TYPES else "give the address of the feed itself"
    raise FetchError(url, f"not {wanted} but {kind}; {hint}")


def _check_length(url: str, headers: Message, max_bytes: int) -> None:
    try:
        length = int(headers.get("Content-Length") or 0)
    except ValueError:
        return
    if length > max_bytes:
        raise FetchError(url, f"{_size(length)}, over the {_size(max_bytes)} limit; {_SAVE_IT}")


def _read(url: str, answer: Any, max_bytes: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = answer.read1(65536) if hasattr(answer, "read1") else answer.read(65536)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(url, f"over the {_size(max_bytes)} limit; stopped reading; {_SAVE_IT}")
        if time.monotonic() > deadline:
            raise FetchError(
                url, f"the download took over {deadline:.0f} s; stopped; {_SAVE_IT}", may_pass=True
            )
        chunks.append(chunk)


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MiB" if count >= 2**20 else f"{count / 1024:.0f} KiB"


def _may_pass(code: int) -> bool:
    return code in (408, 425, 429) or code >= 500


def _http_message(code: int, reason: object) -> str:
    text = f"HTTP {code} {reason}".strip()
    if code == 404 or code == 410:
        return f"{text}: the page is not there (moved or removed?); check the address"
    if code in (401, 402, 403):
        return f"{text}: the site refuses the download (login, paywall or bot block); {_SAVE_IT}"
    if code == 429:
        return f"{text}: the site asks to slow down; try again later"
    if code >= 500:
        return f"{text}: the site's server failed; try again later"
    return text


def _network_message(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s (timed out); try again later, or {_SAVE_IT}"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the site's TLS certificate is not valid ({reason.verify_message}); {_SAVE_IT}"
    if isinstance(reason, socket.gaierror):
        return "unknown host (no DNS entry); check the address"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused; the site is down or the address is wrong"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot download: {reason.strerror}"
    return f"cannot download: {reason}"
