"""URLs of the site's pages and files, for the pages themselves and for the exports.

Pages link to each other with relative URLs computed here, the way MkDocs computes them for a
Markdown link (`../actors/ann-lee/` from the timeline); the exports link absolutely when the site
URL is known, else relative to the export file itself, so the files work on a site served from a
sub-path (`https://user.github.io/repo/`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from generator.model import Event
from generator.site.data import SiteData, event_anchor

_SAFE_PATH = "/-._~"  # a slug or an odd article id never breaks out of its path segment
_SAFE_FRAGMENT = "-._~"


@dataclass(frozen=True, slots=True)
class Links:
    """How the site links to pages: the site URL (or '' for relative links) and the URL style."""

    site_url: str = ""
    directory_urls: bool = True
    # A split timeline: the page each entry is on (anchor -> page). A link to an entry of the
    # timeline ('timeline/index.md', 'e-a1-1') goes to that page.
    timeline_pages: Mapping[str, str] = field(default_factory=dict, compare=False)

    def for_data(self, data: SiteData) -> Links:
        """These links, with the pages of `data`'s split timeline."""
        if self.timeline_pages is data.timeline_pages:
            return self
        return Links(self.site_url, self.directory_urls, data.timeline_pages)

    def _target(self, path: str, fragment: str) -> str:
        if path == "timeline/index.md" and fragment and self.timeline_pages:
            return self.timeline_pages.get(fragment, path)
        return path

    def url(self, path: str) -> str:
        """The URL of a page ('timeline/index.md' -> 'timeline/') or file ('events.json'), from the root."""
        return _url(path, self.directory_urls)

    def page(self, path: str, fragment: str = "", depth: int = 0) -> str:
        """The URL of a page ('timeline/index.md') from an export file `depth` folders below the root."""
        base = self.site_url.rstrip("/") + "/" if self.site_url else "../" * depth
        return base + self.url(self._target(path, fragment)) + _fragment(fragment)

    def event(self, event: Event, depth: int = 0) -> str:
        """The URL of an event on the timeline."""
        return self.page("timeline/index.md", event_anchor(event.id), depth)

    def sentence(self, event: Event, depth: int = 0) -> str:
        """The URL of the sentence an event was read from."""
        return self.page(f"articles/{event.article}.md", f"s-{event.sentence}", depth)

    def relative(self, source: str, target: str, fragment: str = "", query: str = "") -> str:
        """The URL of page or file `target` from page `source` (both paths from the docs root)."""
        # the home page's URL is '' from the root, './' to MkDocs
        target = self._target(target, fragment)
        url = _relative(_url(target, self.directory_urls) or "./", _url(source, self.directory_urls))
        return url + (f"?{query}" if query else "") + _fragment(fragment)


@functools.lru_cache(maxsize=65536)
def _fragment(fragment: str) -> str:
    return f"#{quote(fragment, safe=_SAFE_FRAGMENT)}" if fragment else ""


@functools.lru_cache(maxsize=65536)
def _url(path: str, directory_urls: bool) -> str:
    path = quote(path, safe=_SAFE_PATH)
    if not path.endswith(".md"):
        return path
    url = path.removesuffix(".md")
    if not directory_urls:
        return url + ".html"
    if url == "index" or url.endswith("/index"):
        return url.removesuffix("index")
    return url + "/"


@functools.lru_cache(maxsize=65536)
def _relative(url: str, page_url: str) -> str:
    """`url` relative to the page at `page_url`, as mkdocs.utils.get_relative_url computes it."""
    folder, _, name = page_url.rpartition("/")
    if "." in name:
        page_url = folder
    start = [part for part in page_url.split("/") if part not in ("", ".")]
    end = [part for part in url.split("/") if part not in ("", ".")]
    common = 0
    for first, second in zip(start, end, strict=False):
        if first != second:
            break
        common += 1
    relative = "/".join([".."] * (len(start) - common) + end[common:]) or "."
    return relative + "/" if url.endswith("/") else relative
