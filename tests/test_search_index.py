"""The generated pages' search sections, read by a scan, are what Material's search parser reads."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import Parser
from site_helpers import REPO, build_site

from generator.site import search_index
from generator.site.search_index import read_sections


def _material(page_html: str) -> list[tuple[Any, ...]]:
    parser = Parser()
    parser.feed(page_html)
    parser.close()
    return _described(parser.data)


def _described(sections: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (section.el.tag, section.el.attrs, section.id, section.depth, section.title, section.text)
        for section in sections
    ]


PAGES = {
    "sections and kept tags": '<h1 id="top">Top</h1>\n<p>First <em>one</em>.</p>\n<h2 id="b">B</h2>\n'
    "<ul>\n<li>x</li>\n<li> </li>\n</ul>\n<p></p>\n<p>y</p>",
    "text before any heading": "<p>Preface</p>\n<h2 id='later'>Later</h2><p>z</p>",
    "excluded event card": '<h1 id="t">T</h1><article data-search-exclude><h4 id="e">E</h4><p>hidden</p>'
    "</article><p>shown</p>",
    # Material compares elements by tag: closing an inner div ends the outer div's exclusion
    "nested tag of an excluded one": "<h1 id='t'>T</h1><div data-search-exclude><div>a</div> after"
    "<p>also</p></div><p>end</p>",
    "excluded heading": '<h1 id="t">T</h1><h2 id="x" data-search-exclude>X</h2><p>x text</p>',
    "heading without id": '<h1 id="t">T</h1><h3>Not a section</h3><p>t &amp; &lt;tag&gt; &quot;q&quot;</p>',
    "permalink and entities in attributes": '<h2 id="a&amp;b">A <a class="headerlink" href="#a">¶</a>'
    '</h2><p title="&lt;x&gt;">text<br/>more<br>end</p><img src="x.png" alt="">',
    "whitespace and pre": "<h1 id='t'>T</h1>\n\n  <p>a\nb</p>  \n <pre><code>line 1\n  line 2\n</code></pre>"
    "\n<p> \n </p>",
    "line numbers": '<h1 id="t">T</h1><div class="linenodiv"><pre>1\n2</pre></div><p>code</p>',
    "stray end tags": "<h1 id='t'>T</h1></div><p>a</span>b</p></p>",
    "nested heading": "<h1 id='t'>T</h1><div><h2 id='in'>In</h2><p>i</p></div><p>out</p>",
    "empty script": '<h1 id="t">T</h1><script src="x.js"></script><p>after</p>',
    "no heading at all": "plain text &amp; more",
}


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_the_scan_reads_the_sections_materials_parser_reads(page: str) -> None:
    sections = read_sections(page)
    assert sections is not None
    assert _described(sections) == _material(page)


OUTSIDE = {
    "comment": "<h1 id='t'>T</h1><!-- note --><p>x</p>",
    "script with code": "<h1 id='t'>T</h1><script>if (a < b) {}</script><p>x</p>",
    "unquoted attribute": "<h1 id=t>T</h1>",
    "stray angle bracket": "<p>a < b</p>",
    "doctype": "<!DOCTYPE html><p>x</p>",
}


@pytest.mark.parametrize("page", OUTSIDE.values(), ids=OUTSIDE.keys())
def test_html_outside_the_scans_grammar_is_left_to_material(page: str) -> None:
    assert read_sections(page) is None


def test_a_generated_site_has_the_same_search_index_as_materials_parser_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte, on a generated archive (300 events: a timeline split by year)."""
    sys.path.insert(0, str(REPO / "bench"))
    from site_content import generate

    generate(tmp_path / "content", 60)
    read: list[bool] = []

    def counted(page_html: str) -> Any:
        sections = read_sections(page_html)
        read.append(sections is not None)
        return sections

    monkeypatch.setattr(search_index, "read_sections", counted)
    scanned = build_site(tmp_path, tmp_path / "scanned") / "search" / "search_index.json"
    assert len(read) > 200 and all(read)
    monkeypatch.setattr("generator.site.plugin.index_generated_pages", lambda config, pages: None)
    parsed = build_site(tmp_path, tmp_path / "parsed") / "search" / "search_index.json"
    assert scanned.read_bytes() == parsed.read_bytes()
