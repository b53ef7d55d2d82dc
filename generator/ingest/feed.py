"""RSS and Atom feeds (feedparser): the items to add, each with its link, title and date.

The feed is downloaded with `generator.ingest.fetch` (feedparser never opens a URL itself: it is
given the bytes). A site's page instead of its feed is followed to the feed it announces with
`<link rel="alternate" type="application/rss+xml">`. Each item's date is its *published* date,
never its updated one; it dates the item's page only when the page itself gives none.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from generator.errors import ArticleError
from generator.ingest import fetch as fetch_module
from generator.ingest.dates import parse_stamp

_ALTERNATE = re.compile(
    r"<link\b[^>]*\btype\s*=\s*[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.IGNORECASE
)
_HREF = re.compile(r"\bhref\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: its page, title, published day (when the feed gives one) and id."""

    link: str
    title: str | None
    day: dt.date | None
    id: str | None


def read_feed(feed: str) -> list[FeedItem]:
    """The items of the feed at URL (or file) `feed`, in feed order; ArticleError naming it if none."""
    data, base = _load(feed)
    parsed = _parse(data, base)
    if not parsed.entries and _looks_like_html(data):
        found = _announced_feed(data, base)
        if found is None:
            raise ArticleError(
                feed, "a web page that announces no feed; give the address of the RSS or Atom feed"
            )
        data, base = _load(found)
        parsed = _parse(data, base)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            raise ArticleError(feed, f"not an RSS or Atom feed ({problem or 'unreadable'})")
        return []
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = _link(entry, base)
        if link is None:
            continue
        items.append(FeedItem(link, _text(entry.get("title")), _published(entry), _text(entry.get("id"))))
    return items


def _load(feed: str) -> tuple[bytes, str | None]:
    if re.match(r"^https?://", feed, re.IGNORECASE):
        response = fetch_module.fetch(feed, accept=fetch_module.FEED_TYPES)
        return response.body, response.url
    path = Path(feed)
    try:
        size = path.stat().st_size
        if size > fetch_module.MAX_BYTES:
            raise ArticleError(path, f"the file is {size / 2**20:.0f} MiB; too large for a feed")
        return path.read_bytes(), None
    except OSError as error:
        raise ArticleError(path, f"cannot read the feed: {error.strerror}") from error


def _parse(data: bytes, base: str | None) -> Any:
    import feedparser

    headers = {"content-location": base} if base else None
    return feedparser.parse(io.BytesIO(data), response_headers=headers)


def _looks_like_html(data: bytes) -> bool:
    return bool(re.search(rb"<(?:!doctype html|html|head|body)\b", data[:4096], re.IGNORECASE))


def _announced_feed(data: bytes, base: str | None) -> str | None:
    text = data[:200_000].decode("utf-8", errors="replace")
    for tag in _ALTERNATE.findall(text):
        href = _HREF.search(tag)
        if href:
            return urljoin(base or "", href.group(1).strip())
    return None


def _link(entry: Any, base: str | None) -> str | None:
    candidates = [entry.get("link")]
    candidates += [
        link.get("href") for link in entry.get("links", []) if link.get("rel") in (None, "alternate")
    ]
    candidates.append(entry.get("id"))
    for candidate in candidates:
        if candidate:
            absolute = urljoin(base or "", str(candidate).strip())
            if re.match(r"^https?://", absolute, re.IGNORECASE):
                return absolute
    return None


def _published(entry: Any) -> dt.date | None:
    """The item's published (or created) date as the feed writes it; never the updated one."""
    for key in ("published", "created", "issued", "dc_date"):
        stamp = parse_stamp(entry.get(key))
        if stamp is not None:
            return stamp.day
    for key in ("published_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _text(value: object) -> str | None:
    return str(value).strip() or None if value else None
