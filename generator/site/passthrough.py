"""Raw HTML of the generated pages held out of Python-Markdown, and put back after it.

The generated pages are mostly raw HTML blocks (event cards, tables, the article text), which
Python-Markdown would parse tag by tag only to write them out unchanged: at 1,000 articles that
was most of the build. The Markdown that needs converting (headings, for the table of contents
and the search sections, and the `markdown` containers around them) stays; each run of raw HTML
blocks becomes one placeholder paragraph, replaced by the HTML once the page is converted.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

# Block-level tags as Python-Markdown reads them: a line opening one starts a raw HTML block.
_BLOCK_TAGS = frozenset(
    """address article aside blockquote details dialog dd div dl dt fieldset figcaption figure footer
    form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table ul""".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# A tag that opens or closes an element: not void, not self-closing (`<x/>`), counted in C.
_ELEMENT_TAG = r"[A-Za-z][A-Za-z0-9-]*\b[^>]*(?<!/)>"
_NOT_VOID = rf"(?!(?i:{'|'.join(sorted(_VOID_TAGS))})(?![A-Za-z0-9-]))"
_OPENING = re.compile(rf"<{_NOT_VOID}{_ELEMENT_TAG}")
_CLOSING = re.compile(rf"</{_NOT_VOID}{_ELEMENT_TAG}")
_MARKDOWN_ATTRIBUTE = re.compile(r"<[^>]*\smarkdown(?:[\s=>])")
_FIRST_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)[\s>]")
_BLANK_LINES = re.compile(r"(\n(?:[ \t]*\n)+)")


@dataclass(frozen=True, slots=True)
class HeldPage:
    """A page's Markdown with its raw HTML held out: `markdown` to convert, `blocks` to put back."""

    markdown: str
    blocks: tuple[str, ...]
    key: str

    def placeholder(self, number: int) -> str:
        return f"TLRAW{self.key}N{number}"

    def restore(self, html: str) -> str:
        """The converted page with each placeholder paragraph replaced by its raw HTML."""
        for number, block in enumerate(self.blocks):
            paragraph = f"<p>{self.placeholder(number)}</p>"
            if html.count(paragraph) != 1:
                raise ValueError(f"raw HTML block {number} did not come through Markdown as one paragraph")
            html = html.replace(paragraph, block)
        return html


def hold_raw_html(markdown: str) -> HeldPage:
    """`markdown` with every run of complete raw HTML blocks (no `markdown` attribute in them)
    replaced by a placeholder paragraph."""
    key = secrets.token_hex(6)
    kept: list[str] = []  # chunks and the blank lines between them, as written
    blocks: list[str] = []
    pending: list[str] = []  # the run of raw HTML chunks being read, with their blank lines
    depth = 0
    pieces = _BLANK_LINES.split(markdown)
    for chunk, gap in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
        if depth or _is_raw_start(chunk):
            depth = _open_after(chunk, depth)
            pending += [chunk, gap]
            continue
        _flush(pending, kept, blocks, key)
        kept += [chunk, gap]
    if depth:  # an element never closed: leave it all to Markdown
        kept += pending
    else:
        _flush(pending, kept, blocks, key)
    return HeldPage("".join(kept), tuple(blocks), key)


def _flush(pending: list[str], kept: list[str], blocks: list[str], key: str) -> None:
    if not pending:
        return
    html, gap = "".join(pending[:-1]), pending[-1]
    pending.clear()
    if _has_markdown_attribute(html) or not html.rstrip().endswith(">"):
        kept += [html, gap]  # Markdown inside, or text after the last tag: Python-Markdown's to read
        return
    kept += [f"TLRAW{key}N{len(blocks)}", gap or "\n"]
    blocks.append(html)


def _is_raw_start(chunk: str) -> bool:
    first = _FIRST_TAG.match(chunk)
    return first is not None and first.group(1).lower() in _BLOCK_TAGS and not _has_markdown_attribute(chunk)


def _has_markdown_attribute(html: str) -> bool:
    return "markdown" in html and _MARKDOWN_ATTRIBUTE.search(html) is not None  # the word first: in C


def _open_after(chunk: str, depth: int) -> int:
    """How many elements are still open after `chunk`, given `depth` open before it."""
    return max(depth + len(_OPENING.findall(chunk)) - len(_CLOSING.findall(chunk)), 0)
