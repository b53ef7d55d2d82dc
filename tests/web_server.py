"""A local news site for the `timeline add` tests: the fixture pages and every way the web fails.

Serves tests/fixtures/web/ on 127.0.0.1 as listed in pages.yml (a page's path carries its URL
date), the feeds with their links pointed at this server, and routes for redirects, loops, 404,
500, a slow answer, a huge body, a PDF, an image and broken encodings.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
MANIFEST: dict[str, Any] = YAML(typ="safe").load((FIXTURES / "pages.yml").read_text(encoding="utf-8"))
PAGES: list[dict[str, Any]] = MANIFEST["pages"]
FEEDS: list[dict[str, Any]] = MANIFEST["feeds"]
SLOW_SECONDS = 3.0
HUGE_BYTES = 30 * 1024 * 1024
HTML = "text/html; charset=utf-8"


def page(name: str) -> dict[str, Any]:
    """The manifest entry of fixture file `name`."""
    return next(entry for entry in PAGES if entry["file"] == name)


def _article_html(title: str, paragraphs: list[str], head: str = "", padding: str = "") -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>{body}"
        f"</article>{padding}<footer>© Test Outlet</footer></body></html>"
    ).encode()


STRIKE = [
    "Thousands of nurses walked out of hospitals across the state on Monday in the largest strike in "
    "the history of the profession, demanding higher pay and more staff on every ward.",
    "The union said more than 20,000 of its members had joined the strike, which is due to last for "
    "two days, and that emergency care would continue as normal at every hospital.",
    "The health department said it had offered a rise of four percent this year and would return to "
    "talks on Wednesday, but warned that the state could not afford the union's demands.",
]


def _special_routes(base: str) -> dict[str, tuple[int, dict[str, str], bytes]]:
    senate = (FIXTURES / "wire-senate.html").read_bytes()
    syndicated = (
        senate.replace(b'<link rel="canonical"', b'<link rel="x-old"')
        .replace(b'property="og:url"', b'property="og:x-url"')
        .replace(b"| Meridian Wire</title>", b"- Evening Star</title>")
        .replace(b'"mainEntityOfPage"', b'"x"')
    )
    nurses_mixed = _article_html(
        "Nurses strike over pay",
        [
            "BOSTON, May 6 (Meridian) - " + STRIKE[0],
            STRIKE[1].replace("emergency care", "emergency care \u2014 the caf\u00e9 stays open \u2014"),
            STRIKE[2],
        ],
        head='<meta property="article:published_time" content="2024-05-06">',
    ).replace("the caf\u00e9".encode(), b"the caf\xe9")
    mojibake = (
        _article_html(
            "Caf\u00e9 owners in M\u00fcnster protest \u2018unfair\u2019 rents",
            [
                "Caf\u00e9 owners in M\u00fcnster said on Monday that the city\u2019s new rents were "
                "\u2018unfair\u2019 and would close businesses that had been in the old town for decades. "
                + STRIKE[1],
                STRIKE[2] + " The owners\u2019 group said it would meet the mayor on Friday.",
            ],
            head='<meta property="article:published_time" content="2024-05-13">',
        )
        .decode("utf-8")
        .encode("utf-8")
        .decode("cp1252", errors="replace")
        .encode("utf-8")
    )
    big = _article_html(
        "Nurses strike across the state",
        STRIKE,
        head='<meta property="article:published_time" content="2024-05-06T08:00:00-04:00">',
        padding="<script>var tracking = '" + "x" * 400_000 + "';</script>",
    )
    announces_feed = (
        b"<!DOCTYPE html><html><head><title>Meridian Wire</title>"
        b'<link rel="alternate" type="application/rss+xml" title="Top news" href="/rss/top"></head>'
        b"<body><h1>Meridian Wire</h1><p>Home page.</p></body></html>"
    )
    return {
        "/redirect/once": (301, {"Location": page("wire-senate.html")["path"]}, b""),
        "/redirect/loop-a": (302, {"Location": "/redirect/loop-b"}, b""),
        "/redirect/loop-b": (302, {"Location": f"{base}/redirect/loop-a"}, b""),
        **{
            f"/redirect/chain/{number}": (302, {"Location": f"/redirect/chain/{number - 1}"}, b"")
            for number in range(1, 12)
        },
        "/redirect/chain/0": (200, {"Content-Type": HTML}, senate),
        "/error/500": (500, {"Content-Type": HTML}, b"<h1>Internal Server Error</h1>"),
        "/error/503": (503, {"Content-Type": HTML}, b"<h1>Service Unavailable</h1>"),
        "/error/403": (403, {"Content-Type": HTML}, b"<h1>Forbidden</h1>"),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "/photo.jpg": (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
        "/pdf-as-html": (200, {"Content-Type": HTML}, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "/syndicated/senate": (200, {"Content-Type": HTML}, syndicated),
        "/health/nurses-strike-mixed-encoding": (200, {"Content-Type": HTML}, nurses_mixed),
        "/business/cafe-owners-munster-rents": (200, {"Content-Type": HTML}, mojibake),
        "/health/nurses-strike-across-the-state": (200, {"Content-Type": HTML}, big),
        "/home-announces-feed": (200, {"Content-Type": HTML}, announces_feed),
        "/not-a-feed": (200, {"Content-Type": "application/xml"}, b"<?xml version='1.0'?><note>hello"),
    }


class NewsSite:
    """The server; `url(path)` is its address for a path."""

    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.server.routes = self._routes()  # type: ignore[attr-defined]
        self.requests: list[str] = []
        self.server.requests = self.requests  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def _routes(self) -> dict[str, tuple[int, dict[str, str], bytes]]:
        routes = _special_routes(self.base)
        for entry in PAGES:
            routes[entry["path"]] = (
                200,
                {"Content-Type": entry.get("content_type", HTML)},
                (FIXTURES / entry["file"]).read_bytes(),
            )
        for entry in FEEDS:
            text = (FIXTURES / entry["file"]).read_text(encoding="utf-8").replace("{BASE}", self.base)
            routes[entry["path"]] = (200, {"Content-Type": entry["content_type"]}, text.encode("utf-8"))
        return routes


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, {"Content-Type": HTML}, b"<html><body><p>late</p></body></html>")
            elif path == "/huge":
                self._stream_huge()
            elif path == "/huge-declared":
                self.send_response(200)
                self.send_header("Content-Type", HTML)
                self.send_header("Content-Length", str(HUGE_BYTES))
                self.end_headers()
                self.wfile.write(b"<html><body>" + b"<p>padding</p>" * 1000)
            elif path == "/gzip-encoded":
                body = gzip.compress(b"<html><body><p>zipped</p></body></html>")
                self._send(200, {"Content-Type": HTML, "Content-Encoding": "gzip"}, body)
            else:
                routes = self.server.routes  # type: ignore[attr-defined]
                status, headers, body = routes.get(path, (404, {"Content-Type": HTML}, b"<h1>Not Found</h1>"))
                self._send(status, headers, body)

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream_huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", HTML)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
        self.wfile.write(b"<html><body>")
        sent = 0
        while sent < HUGE_BYTES:
            self.wfile.write(chunk)
            sent += len(chunk)


@contextlib.contextmanager
def news_site() -> Iterator[NewsSite]:
    site = NewsSite()
    site.thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()
