"""Generated pages converted without Python-Markdown are what Python-Markdown makes of them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data
from site_helpers import REPO, build_site

from generator.site import direct_html
from generator.site.build import load_site_pages
from generator.site.direct_html import convert_held, toc_depth_of
from generator.site.pages import escape_text
from generator.site.passthrough import HeldPage, hold_raw_html


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(REPO / "mkdocs.yml"))


def _shape(items: Any) -> list[Any]:
    return [(item.title, item.id, item.level, _shape(item.children)) for item in items]


def _by_markdown(config: MkDocsConfig, held: HeldPage) -> tuple[Any, ...]:
    page = Page(None, File("page.md", src_dir=None, dest_dir="site", use_directory_urls=True), config)
    page.markdown = held.markdown
    page.render(config, Files([]))
    assert page.content is not None
    return (
        held.restore(page.content),
        _shape(page.toc.items),
        page._title_from_render,
        page.present_anchor_ids,
    )


def _directly(config: MkDocsConfig, held: HeldPage) -> tuple[Any, ...] | None:
    depth = toc_depth_of(config.markdown_extensions, config.mdx_configs)
    assert depth == 3
    converted = convert_held(held, depth)
    if converted is None:
        return None
    return (
        converted.html,
        _shape(get_toc(converted.toc_tokens).items),
        converted.title,
        set(converted.anchor_ids),
    )


def _held_pages(content: Path) -> dict[str, HeldPage]:
    pages = load_site_pages(content)
    return {
        path: hold_raw_html(get_data(text)[0])
        for path, text in pages.items()
        if path.endswith(".md") and isinstance(text, str)
    }


def test_every_generated_page_converts_as_python_markdown_converts_it(
    tmp_path: Path, config: MkDocsConfig
) -> None:
    """On a generated archive (a split timeline, split indexes) and on the example content."""
    sys.path.insert(0, str(REPO / "bench"))
    from site_content import generate

    generate(tmp_path / "content", 60)
    left = []
    for content in (tmp_path / "content", REPO / "content"):
        for path, held in _held_pages(content).items():
            converted = _directly(config, held)
            if converted is None:
                left.append(path)
            else:
                assert converted == _by_markdown(config, held), path
    assert left == ["story/index.md", "story/index.md"]  # its text has Markdown links and a list


TITLES = [
    "Plain words",
    'Smith & Co. <b>bold</b> "quoted"',
    "O'Brien",  # escaped as `&\\#x27;`, which the toc extension reads apart: left to Python-Markdown
    "Stars *and* _underscores_ `code` [link](x) #tag {braces} | pipe + plus ! bang",
    "1957. A numbered start",
    "Zoë Ünal in Kraków — 北京",
    "Back\\slash and trailing hashes ##",
    "Same",
    "Same",
    "",
]


@pytest.mark.parametrize("title", TITLES)
def test_a_heading_of_any_text_converts_as_python_markdown_converts_it(
    title: str, config: MkDocsConfig
) -> None:
    text = escape_text(title)
    markdown = (
        f'# {text}\n\n<div class="raw"><p>held</p></div>\n\n## Same\n\n## {text}\n\n'
        f'<section class="tl-year" id="y-1" markdown>\n\n## {text} {{ #y-1-label .tl-year-label }}\n\n'
        f'<article class="tl-event" data-start="1969" markdown>\n\n#### {text} {{ #e-1 }}\n\n'
        '<p class="raw">card</p>\n\n</article>\n\n</section>\n'
    )
    held = hold_raw_html(markdown)
    converted = _directly(config, held)
    if title.strip() and "'" not in title:
        assert converted is not None
    if converted is not None:
        assert converted == _by_markdown(config, held)


UNSUPPORTED = {
    "a paragraph": "# T\n\nSome *text*.\n",
    "a list": "# T\n\n- one\n- two\n",
    "a heading on two lines": "Title\n=====\n",
    "a container never closed": '<div class="x" markdown>\n\n## A { #a }\n',
    "an empty container": '<div class="x" markdown>\n\n</div>\n',
    "an attribute list with a key": "## A { #a data-x=1 }\n",
}


@pytest.mark.parametrize("markdown", UNSUPPORTED.values(), ids=UNSUPPORTED.keys())
def test_other_markdown_is_left_to_python_markdown(markdown: str) -> None:
    assert convert_held(hold_raw_html(markdown), 3) is None


def test_a_markdown_config_it_does_not_know_is_left_to_python_markdown() -> None:
    base = ["toc", "tables", "fenced_code", "attr_list", "md_in_html"]
    assert toc_depth_of(base, {"toc": {"permalink": False, "toc_depth": 3}}) == 3
    assert toc_depth_of([*base, "admonition"], {}) is None
    assert toc_depth_of(base, {"toc": {"permalink": True}}) is None
    assert toc_depth_of(base, {"toc": {"slugify": str}}) is None
    assert toc_depth_of(["toc", "tables"], {}) is None


def test_the_site_is_the_same_byte_for_byte_with_python_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from site_content import generate

    generate(tmp_path / "content", 30)
    converted_pages: list[str] = []

    def counted(held: HeldPage, depth: int) -> Any:
        page = direct_html.convert_held(held, depth)
        converted_pages.extend([] if page is None else [page.html[:20]])
        return page

    monkeypatch.setattr("generator.site.plugin.convert_held", counted)
    direct = build_site(tmp_path, tmp_path / "direct")
    assert len(converted_pages) > 60
    monkeypatch.setattr("generator.site.plugin.convert_held", lambda held, depth: None)
    converted = build_site(tmp_path, tmp_path / "markdown")
    files = sorted(path.relative_to(direct) for path in direct.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(converted) for path in converted.rglob("*") if path.is_file())
    for name in files:
        if name.name not in ("sitemap.xml", "sitemap.xml.gz"):
            assert (direct / name).read_bytes() == (converted / name).read_bytes(), name
