"""The archived copies of articles (content/sources/), made safe to serve from the site's own origin.

`timeline add` keeps each web page it read as `content/sources/<slug>.html` (`.html.gz` when
large): the original bytes, the outlet's scripts included. Served as they are beside the timeline,
those scripts would run with the site's origin (its storage, its cookies, its pages). So every copy
the site publishes is rewritten: `<script>` elements, event-handler attributes (`onload=`...),
`javascript:` URLs, `<base>`, `<meta http-equiv=refresh>` and plug-ins are removed, and a
Content-Security-Policy meta goes first in the document, so that whatever the parser here and the
browser's read differently still cannot run. The copy is decoded with its declared charset and
published as UTF-8 (a `<meta charset="utf-8">` replaces the original's).
"""

from __future__ import annotations

import gzip
import html
import re
from html.parser import HTMLParser
from pathlib import Path

CSP = "default-src 'none'; img-src * data:; style-src 'unsafe-inline' *; form-action 'none'; base-uri 'none'"
HEAD = f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")

_DROPPED_ELEMENTS = {"script"}  # with their content
_DROPPED_TAGS = {"base", "object", "embed", "applet", "frame", "frameset", "portal"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
_DROPPED_ATTRIBUTES = {"srcdoc", "nonce", "integrity"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|livescript|data\s*:\s*text/html)", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WHITESPACE_AND_CONTROL = re.compile(r"[\x00-\x20]+")


def archived_path(archived: str) -> str:
    """Where an archived copy is on the site: 'sources/a.html.gz' -> 'sources/a.html'."""
    return archived.removesuffix(".gz")


def archived_files(content_dir: Path) -> dict[str, str]:
    """Every archived page under content/sources/, sanitised: {path from the site root: HTML}."""
    folder = content_dir / "sources"
    if not folder.is_dir():
        return {}
    files: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or not path.name.lower().endswith(SUFFIXES):
            continue
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                continue  # a broken archive is left out, not published half-read
        relative = path.relative_to(content_dir).as_posix()
        files[archived_path(relative)] = sanitize(decode(data))
    return files


def decode(data: bytes) -> str:
    """The text of an HTML page: its byte-order mark or declared charset, else UTF-8, else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sanitize(page: str) -> str:
    """An HTML page with nothing that runs: no scripts, handlers or script URLs, and a strict CSP."""
    cleaner = _Cleaner()
    cleaner.feed(page)
    cleaner.close()
    return cleaner.result()


class _Cleaner(HTMLParser):
    """Re-writes a page token by token, leaving out what could run (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self._out: list[str] = []
        self._skipping: str | None = None  # inside an element dropped with its content

    def result(self) -> str:
        body = "".join(self._out)
        doctype = re.match(r"\s*<!doctype[^>]*>\s*", body, re.IGNORECASE)
        if doctype:
            return body[: doctype.end()] + HEAD + body[doctype.end() :]
        return HEAD + body

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        if self._skipping:
            return
        if tag in _DROPPED_ELEMENTS:
            if not closed:
                self._skipping = tag
            return
        if tag in _DROPPED_TAGS or (tag == "meta" and _dropped_meta(attrs)):
            return
        kept = "".join(_attribute(name, value) for name, value in attrs if _kept(name, value))
        self._out.append(f"<{tag}{kept}{' /' if closed else ''}>")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping:
                self._skipping = None
            return
        if tag in _DROPPED_ELEMENTS or tag in _DROPPED_TAGS:
            return
        self._out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._out.append(data)

    def handle_entityref(self, name: str) -> None:
        if not self._skipping:
            self._out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self._skipping:
            self._out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        if not self._skipping and decl.lower().startswith("doctype"):
            self._out.append(f"<!{decl}>")

    # comments (conditional comments too), processing instructions and CDATA are left out
    def handle_comment(self, data: str) -> None:
        return

    def handle_pi(self, data: str) -> None:
        return

    def unknown_decl(self, data: str) -> None:
        return


def _dropped_meta(attrs: list[tuple[str, str | None]]) -> bool:
    """A charset (ours replaces it), a refresh or redirect, or a policy or cookie of the original."""
    names = {name.lower(): (value or "") for name, value in attrs}
    if "charset" in names:
        return True
    equiv = names.get("http-equiv", "").strip().lower()
    return bool(equiv) and equiv != "x-ua-compatible"


def _kept(name: str, value: str | None) -> bool:
    name = name.lower()
    if name.startswith("on") or name in _DROPPED_ATTRIBUTES:
        return False
    if name in _URL_ATTRIBUTES and value is not None:
        return not _BAD_SCHEME.match(_WHITESPACE_AND_CONTROL.sub("", value))
    return True


def _attribute(name: str, value: str | None) -> str:
    if value is None:
        return f" {name}"
    return f' {name}="{html.escape(value, quote=True)}"'
