"""A generated page's HTML made without Python-Markdown, as Python-Markdown would make it.

Once its raw HTML is held out (passthrough.py), a generated page is a handful of line kinds:
headings with an attribute list, the placeholders of the held HTML, and the opening and closing
tags of `markdown` containers (md_in_html), each line a block of its own. Python-Markdown still
cost a millisecond a page on those (a parser built per page, then every tree processor):
`convert_held` writes the same HTML, table of contents, title and anchor ids directly, with the
toc extension's own functions for ids and names. A page with any other line, or a config whose
Markdown could read these lines differently (another extension, other toc settings), returns
None and goes through Python-Markdown (tests/test_direct_html.py compares the two on every page).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from mkdocs.structure.toc import get_toc

from generator.site.passthrough import HeldPage

# The extensions of the site's mkdocs.yml and MkDocs' built-in ones: none reads the line kinds
# below differently from plain Python-Markdown with attr_list, md_in_html and toc.
KNOWN_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "attr_list", "md_in_html"})
_KNOWN_TOC_SETTINGS = frozenset({"permalink", "toc_depth"})

# Characters Python-Markdown unescapes after a backslash (with `tables`' `|`), less `>`, which
# it writes as `&gt;`; the pages never escape it (escape_text writes `&gt;` first).
_ESCAPABLE = r"\\`*_{}\[\]()#+\-.!|"
_TEXT = re.compile(rf"(?:[^\\`*_{{}}\[\]!<>&#|\n]|\\[{_ESCAPABLE}]|&(?:amp|lt|gt|quot);)+")
_ESCAPE = re.compile(rf"\\([{_ESCAPABLE}])")
_HEADING = re.compile(r"(#{1,6}) (?P<text>[^\n]*?)(?: \{ (?P<attrs>[^{}\n]*) \})?")
_ATTRIBUTE_LIST = re.compile(r"(?:[#.][A-Za-z0-9_-]+ )*[#.][A-Za-z0-9_-]+")
_CONTAINER_OPEN = re.compile(r"<(div|section|article)((?: [a-z][a-z0-9-]*=\"[^\"&<>]*\")*) markdown>")
_CONTAINER_CLOSE = re.compile(r"</(div|section|article)>")
_CONTAINER_ATTRIBUTE = re.compile(r" ([a-z][a-z0-9-]*)=\"([^\"]*)\"")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
_PLACEHOLDER = re.compile(r"TLRAW([0-9a-f]+)N(\d+)")  # HeldPage.placeholder


@dataclass(frozen=True, slots=True)
class ConvertedPage:
    """What MkDocs keeps of a page's conversion: its HTML, toc tokens, title and anchor ids."""

    html: str
    toc_tokens: list[Any]  # the toc extension's tokens, nested
    title: str | None
    anchor_ids: frozenset[str]


def toc_depth_of(extensions: Sequence[Any], configs: dict[str, Any]) -> int | None:
    """The toc depth this converter writes for under this Markdown config; None if it cannot."""
    if not all(isinstance(name, str) and name in KNOWN_EXTENSIONS for name in extensions):
        return None
    if not {"toc", "attr_list", "md_in_html"} <= set(extensions):
        return None
    toc = configs.get("toc") or {}
    if set(toc) - _KNOWN_TOC_SETTINGS or toc.get("permalink", False) is not False:
        return None
    depth = toc.get("toc_depth", 6)
    return depth if type(depth) is int and 1 <= depth <= 6 else None


class _Unsupported(Exception):
    """A line Python-Markdown must read."""


def convert_held(held: HeldPage, toc_depth: int) -> ConvertedPage | None:
    """The page's HTML with the held blocks put back, as Python-Markdown and `held.restore` would
    make it; None when a line is not of the kinds above."""
    try:
        return _Converter(held, toc_depth).convert()
    except _Unsupported:
        return None


class _Heading(NamedTuple):
    level: int
    classes: str  # the class attribute as written, or ''
    inner: str  # the heading's inner HTML
    id: str | None  # from its attribute list; None: the toc extension makes one


class _Converter:
    def __init__(self, held: HeldPage, toc_depth: int) -> None:
        self.held = held
        self.toc_depth = toc_depth
        self.lines: list[str | _Heading] = []
        self.ids: set[str] = set()  # ids set by attribute lists and containers
        self.open: list[tuple[str, int]] = []  # open containers: tag, line of its opening tag

    def convert(self) -> ConvertedPage:
        for block in _BLANK_LINES.split(self.held.markdown.strip("\n")):
            if "\n" in block or not block:
                raise _Unsupported
            self._block(block)
        if self.open:
            raise _Unsupported
        return self._finish()

    def _block(self, line: str) -> None:
        if (placeholder := _PLACEHOLDER.fullmatch(line)) is not None:
            if placeholder.group(1) != self.held.key:
                raise _Unsupported
            self.lines.append(self.held.blocks[int(placeholder.group(2))])
        elif (heading := _HEADING.fullmatch(line)) is not None:
            self.lines.append(
                self._heading(len(heading.group(1)), heading.group("text"), heading.group("attrs"))
            )
        elif (opening := _CONTAINER_OPEN.fullmatch(line)) is not None:
            attributes = sorted(_CONTAINER_ATTRIBUTE.findall(opening.group(2)))
            if len({name for name, _ in attributes}) != len(attributes):
                raise _Unsupported
            self.ids.update(value for name, value in attributes if name == "id")
            self.open.append((opening.group(1), len(self.lines)))
            written = "".join(f' {name}="{value}"' for name, value in attributes)
            self.lines.append(f"<{opening.group(1)}{written}>")
        elif (closing := _CONTAINER_CLOSE.fullmatch(line)) is not None:
            if not self.open:
                raise _Unsupported
            tag, opened_at = self.open.pop()
            if tag != closing.group(1) or opened_at == len(self.lines) - 1:
                raise _Unsupported  # a stray closing tag, or an empty container
            self.lines.append(f"</{tag}>")
        else:
            raise _Unsupported

    def _heading(self, level: int, text: str, attrs: str | None) -> _Heading:
        if not _TEXT.fullmatch(text) or text != text.strip():
            raise _Unsupported
        element_id, classes = None, []
        if attrs is not None:
            if not _ATTRIBUTE_LIST.fullmatch(attrs):
                raise _Unsupported
            for item in attrs.split():
                if item[0] == "#":
                    element_id = item[1:]
                else:
                    classes.append(item[1:])
        if element_id is not None:
            self.ids.add(element_id)
        written = f' class="{" ".join(classes)}"' if classes else ""
        return _Heading(level, written, _ESCAPE.sub(r"\1", text), element_id)

    def _finish(self) -> ConvertedPage:
        used = set(self.ids)  # the toc extension's: every id in the page before it makes any
        counters: dict[str, int] = {}
        tokens: list[dict[str, Any]] = []
        title = None
        written: list[str] = []
        for line in self.lines:
            if isinstance(line, str):
                written.append(line)
                continue
            name = strip_tags(line.inner)
            element_id = line.id or unique(slugify(html.unescape(name), "-"), used, counters)
            written.append(f'<h{line.level}{line.classes} id="{element_id}">{line.inner}</h{line.level}>')
            if len(written) == 1 and line.level == 1:  # MkDocs' title: a first element that is an h1
                title = " ".join(line.inner.split())
            if line.level <= self.toc_depth:
                tokens.append(
                    {
                        "level": line.level,
                        "id": element_id,
                        "name": name,
                        "html": line.inner,
                        "data-toc-label": "",
                    }
                )
        return ConvertedPage("\n".join(written), nest_toc_tokens(tokens), title, frozenset(used))


def render_directly(page: Any, converted: ConvertedPage) -> None:
    """Make MkDocs' `page.render(config, files)` (1.x: called right after on_page_markdown) set
    what its Python-Markdown conversion sets, from `converted`."""

    def render(config: Any, files: Any) -> None:
        page.content = converted.html
        page.toc = get_toc(converted.toc_tokens)
        page._title_from_render = converted.title
        page.present_anchor_ids = set(converted.anchor_ids)
        page.links_to_anchors = {}  # what links to other pages' anchors: none outside raw HTML

    page.render = render
