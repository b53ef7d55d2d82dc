"""Material's search sections of the generated pages, read by one scan instead of HTMLParser.

Material's search plugin (9.8.1) feeds every page's HTML to an `html.parser.HTMLParser` whose
callbacks split it into sections (a heading each) and keep their text. On the generated pages
most of the HTML is event cards and tables under `data-search-exclude`, and that parse was most
of the plugin's share of a build. `read_sections` follows the same rules on the same tokens
(start tags, end tags, text between them, charrefs unescaped) with one regular expression and
counts of open tags, so the index is the same byte for byte. HTML outside the simple grammar the
generated pages use (comments, `<script>`, unquoted attributes, a stray `<`) returns None, and
Material's own parser reads that page.

Material compares its elements by tag name alone, and so does this scan: text is skipped while
any open element has the tag of an excluded one, closing any element of that tag ends the
exclusion, and a section's title collects text while any element of its heading's tag is open.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from material.plugins.search.plugin import Element, Parser, SearchIndex, Section
from material.plugins.search.plugin import void as material_void

_MARKUP = re.compile(
    r"""<(?:
        (?P<start>[a-zA-Z][-a-zA-Z0-9]*)
        (?P<attrs>(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)
        \s*(?P<close>/?)>
      | /(?P<end>[a-zA-Z][-a-zA-Z0-9]*)\s*>
    )?""",
    re.VERBOSE,
)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'))?""")
# Elements whose content this Python's HTMLParser reads as raw text (newer ones have more).
_RAW_TEXT = frozenset(HTMLParser.CDATA_CONTENT_ELEMENTS) | frozenset(
    getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ())
)
# Material's own lists: tags never pushed, tags kept in the text, tags skipped from the start.
_VOID = frozenset(material_void)
_KEEP = frozenset(Parser().keep)
_ALWAYS_SKIPPED = tuple(sorted(Parser().skip))
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))


class _Scan:
    """The state of Material's `Parser` (context, skip set, sections) kept as tag counts."""

    def __init__(self) -> None:
        self.context: list[str] = []
        self.headerlink_stack: list[bool] = []  # per open element: an `<a class="headerlink">`
        self.headerlinks = 0
        self.open: dict[str, int] = {}
        self.skip = set(_ALWAYS_SKIPPED)
        self.skipped = 0  # open elements with a tag in `skip`: text is skipped while any are
        self.section: Section | None = None
        self.sections: list[Section] = []

    def ensure_section(self) -> Section:
        if self.section is None:
            self.section = Section(Element("hx"))
            self.sections.append(self.section)
        return self.section

    def target(self, section: Section) -> list[str]:
        return section.title if self.open.get(section.el.tag) else section.text

    def start(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in _VOID:
            return
        self.push(tag, tag == "a" and attrs.get("class") == "headerlink")
        if tag in _HEADINGS and "id" in attrs:
            depth = len(self.context)
            if tag != "h1" and not self.sections:
                self.sections.append(Section(Element("hx"), depth))
            self.section = Section(Element(tag, attrs), depth)
            if self.sections:
                self.section.id = attrs["id"]
            self.sections.append(self.section)
        section = self.ensure_section()
        if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
            if tag not in self.skip:
                self.skip.add(tag)
                self.skipped += self.open[tag]
            return
        if tag in _KEEP and not self.skipped:
            self.target(section).append(f"<{tag}>")

    def push(self, tag: str, headerlink: bool) -> None:
        self.context.append(tag)
        self.headerlink_stack.append(headerlink)
        self.headerlinks += headerlink
        self.open[tag] = self.open.get(tag, 0) + 1
        self.skipped += tag in self.skip

    def end(self, tag: str) -> None:
        if not self.context or self.context[-1] != tag:
            return
        section = self.section
        assert section is not None  # the start tag of any open element made one
        if section.depth > len(self.context):
            for earlier in reversed(self.sections):
                if earlier.depth <= len(self.context):
                    section.depth = float("inf")
                    self.section = section = earlier
                    break
        self.context.pop()
        self.headerlinks -= self.headerlink_stack.pop()
        self.open[tag] -= 1
        if tag in self.skip:
            self.skipped -= 1
            if tag not in _ALWAYS_SKIPPED:
                self.skip.remove(tag)
                self.skipped -= self.open[tag]
            return
        if tag in _KEEP and not self.skipped:
            _close(self.target(section), tag)

    def text(self, data: str) -> None:
        in_pre = self.open.get("pre", 0) > 0
        if not in_pre:
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self.ensure_section()
        if self.open.get(section.el.tag):
            if not self.headerlinks:
                section.title.append(html.escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or in_pre:
                section.text.append(data)
        else:
            section.text.append(html.escape(data, quote=False))


def _close(data: list[str], tag: str) -> None:
    """Material's closing of a kept tag: an element with only whitespace since the first
    opening of its tag is dropped, back to that opening."""
    index = data.index(f"<{tag}>")
    if any(not item.isspace() for item in data[index + 1 :]):
        data.append(f"</{tag}>")
    else:
        del data[index:]


def _attributes(raw: str) -> dict[str, str | None]:
    attrs: dict[str, str | None] = {}
    for name, quoted in _ATTRIBUTE.findall(raw):
        value = quoted[1:-1] if quoted else None
        attrs[name.lower()] = html.unescape(value) if value else value
    return attrs


def _needs_attributes(tag: str, raw: str) -> bool:
    """Whether Material's rules could read an attribute of this tag: a heading's, a headerlink's,
    an exclusion (a charref could spell any of them)."""
    if not raw:
        return False
    if tag in _HEADINGS or "&" in raw:
        return True
    lowered = raw.lower()
    return (
        "data-search-exclude" in lowered or "linenodiv" in lowered or (tag == "a" and "headerlink" in lowered)
    )


def read_sections(page_html: str) -> list[Section] | None:
    """The sections Material's search parser makes of `page_html`; None for HTML outside the
    scan's grammar."""
    scan = _Scan()
    position = 0
    for markup in _MARKUP.finditer(page_html):
        begin = markup.start()
        if begin > position and not scan.skipped:
            scan.text(html.unescape(page_html[position:begin]))
        position = markup.end()
        tag, raw, close, end = markup.groups()
        if tag is not None:
            tag = tag.lower()
            if tag in _RAW_TEXT and not page_html.startswith(f"</{tag}>", position):
                return None  # raw text follows, read by other rules
            scan.start(tag, _attributes(raw) if _needs_attributes(tag, raw) else {})
            if close:
                scan.end(tag)
        elif end is not None:
            scan.end(end.lower())
        else:
            return None  # a `<` that opens no tag this scan reads
    if position < len(page_html) and not scan.skipped:
        scan.text(html.unescape(page_html[position:]))
    return scan.sections


class GeneratedPagesIndex(SearchIndex):
    """Material's search index, reading the sections of `pages` (source paths) by `read_sections`."""

    def __init__(self, pages: frozenset[str], **config: Any) -> None:
        super().__init__(**config)
        self.pages = pages

    def add_entry_from_context(self, page: Any) -> None:
        sections = read_sections(page.content) if page.file.src_uri in self.pages else None
        if sections is None:
            super().add_entry_from_context(page)
            return
        if (page.meta.get("search") or {}).get("exclude"):
            return
        for section in sections:
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)


def index_generated_pages(config: Any, pages: frozenset[str]) -> None:
    """Let Material's search plugin (when on) read the sections of `pages` by `read_sections`."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is not None and (type(index) is SearchIndex or isinstance(index, GeneratedPagesIndex)):
        search.search_index = GeneratedPagesIndex(pages, **index.config)
