"""Under `mkdocs serve` the site is rendered again in part; whatever the edit, the pages must be
exactly those of a full render. And raw HTML held out of Python-Markdown comes back as it was."""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from site_helpers import REPO

from generator.site.build import load_site_pages
from generator.site.incremental import SiteRenderer
from generator.site.links import Links
from generator.site.passthrough import hold_raw_html


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000  # a new version even within the clock's tick
    os.utime(path, ns=(stamp, stamp))


GAGARIN = "events/1961-gagarin.yml"
EDITS: dict[str, tuple[str, str, str]] = {
    "title": (GAGARIN, "orbits Earth aboard", "circles Earth in"),
    "date": (GAGARIN, "'1961-04-12'\n    date_source: text", "'1962-04-12'\n    date_source: text"),
    "actor": (GAGARIN, "      - Vostok 1\n", "      - Vostok 1\n      - Soviet Union\n"),
    "reject": (GAGARIN, "  - id: 1961-gagarin-2\n", "  - id: 1961-gagarin-2\n    status: rejected\n"),
    "confidence": (GAGARIN, "confidence: 0.9", "confidence: 0.3"),
    "rename": (
        "actors.yml",
        "Buzz Aldrin:\n  kind: person\n  aliases: [Aldrin]",
        "Edwin Aldrin:\n  kind: person\n  aliases: [Aldrin, Buzz Aldrin]",
    ),
    "kind": ("actors.yml", "Eagle:\n  kind: product", "Eagle:\n  kind: other"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_partial_render_after_an_edit_is_the_full_render(tmp_path: Path, edit: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("pages"))
    renderer = SiteRenderer(content, Links())
    assert renderer.render() == load_site_pages(content)
    file, old, new = EDITS[edit]
    _replace(content / file, old, new)
    partial = renderer.render()
    full = load_site_pages(content)
    assert partial.keys() == full.keys()
    assert [path for path in full if partial[path] != full[path]] == []
    if edit in ("title", "confidence"):  # the site's layout is unchanged: only some pages rendered
        assert renderer.rendered is not None and "article/1957-sputnik" not in renderer.rendered
        # the story's slides of the other events come from the last render
        assert 1 <= renderer.slides.made_last <= 2  # the edited event's, at the two story depths
    if edit == "rename":
        assert renderer.rendered is None  # every page that shows the actor
        assert "actors/edwin-aldrin.md" in partial and "actors/buzz-aldrin.md" not in partial


class _Events(HTMLParser):
    """A page's elements, attributes and text, as a browser reads them (`hidden` = `hidden=""`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[object, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = sorted((name, "" if value in (None, name) else value) for name, value in attrs)
        self.events.append(("start", tag, tuple(values)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if data.split():
            self.events.append(("text", " ".join(data.split())))


def _dom(html: str) -> list[tuple[object, ...]]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


def _converter() -> markdown.Markdown:
    # the extensions of mkdocs.yml
    return markdown.Markdown(
        extensions=["attr_list", "md_in_html", "tables", "toc"],
        extension_configs={"toc": {"permalink": False, "toc_depth": 3}},
    )


def test_held_raw_html_converts_to_the_same_page() -> None:
    pages = load_site_pages(REPO / "content")
    checked = 0
    for path, text in pages.items():
        if not path.endswith(".md") or not isinstance(text, str):
            continue
        body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
        whole, parts = _converter(), _converter()
        held = hold_raw_html(body)
        assert _dom(held.restore(parts.convert(held.markdown))) == _dom(whole.convert(body)), path
        assert parts.toc_tokens == whole.toc_tokens, path  # type: ignore[attr-defined]
        checked += 1
    assert checked > 40


def test_only_complete_raw_html_without_markdown_is_held() -> None:
    text = (
        '# Title\n\n<p>one</p>\n\n<div class="x">\n\n<p>two</p>\n\n</div>\n\n'
        "<div markdown>\n\n## Kept { #kept }\n\n</div>\n\n<section>\n\nnever closed"
    )
    held = hold_raw_html(text)
    assert held.blocks == ('<p>one</p>\n\n<div class="x">\n\n<p>two</p>\n\n</div>',)
    assert "## Kept { #kept }" in held.markdown and "<section>\n\nnever closed" in held.markdown
    html = _converter().convert(held.markdown)
    assert held.restore(html).count("<p>two</p>") == 1
    with pytest.raises(ValueError, match="did not come through"):
        held.restore(html.replace(held.placeholder(0), "lost"))
