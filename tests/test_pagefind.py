"""The `search: pagefind` setting: Pagefind indexes the built site, its UI sits in the header.

Material's search (the default) is tested by test_browser.py::test_search_for_a_quote_reaches_the_event.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort
from site_helpers import HOME, REPO, build_site, serve
from test_site_build import small_content

from generator.cli.main import main
from generator.site import pagefind
from generator.site.pagefind import PagefindError, find_pagefind, pagefind_command

SHOTS = REPO / "tests" / "artifacts" / "pagefind"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pagefind_plugins() -> list[Any]:
    """`plugins:` with the setting and without Material's search (a new list: MkDocs changes it)."""
    return [{"timeline": {"content": "content", "search": "pagefind"}}]


def content_with_an_archived_source(project: Path) -> None:
    small_content(project / "content")
    article = project / "content" / "articles" / "moon.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("---\n", "---\narchived: sources/moon.html.gz\n", 1), encoding="utf-8")
    (project / "content" / "sources").mkdir()
    page = b"<html><body><h1>Moon</h1><p>Archivedonlyword in the copy of the article.</p></body></html>"
    (project / "content" / "sources" / "moon.html.gz").write_bytes(gzip.compress(page))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("pagefind")
    content_with_an_archived_source(project)
    return build_site(project, plugins=pagefind_plugins())


def test_the_build_writes_a_pagefind_index_of_the_pages_and_no_material_index(site: Path) -> None:
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "pagefind-ui.js").is_file()
    assert any((bundle / "fragment").iterdir())
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(language["page_count"] for language in entry["languages"].values())
    # every page in Material's layout but 404.html, not the story embeds nor the archived copies:
    # they have no such element
    layout = [path for path in site.rglob("*.html") if 'class="md-content__inner' in path.read_text("utf-8")]
    assert site / "404.html" in layout
    assert pages == len(layout) - 1 and any(path.parts[-2] == "sources" for path in site.rglob("*.html"))
    assert "/404.html" not in indexed_pages(site) and "Not found" in (site / "404.html").read_text("utf-8")
    assert not (site / "search" / "search_index.json").exists()


def indexed_pages(site: Path) -> dict[str, str]:
    """Each indexed page's URL and the text Pagefind keeps of it (its fragments: gzip, a signature, JSON)."""
    pages = {}
    for fragment in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        page = json.loads(data[len(b"pagefind_dcd") :])
        pages[page["url"]] = page["content"]
    return pages


def test_only_the_content_is_indexed(site: Path) -> None:
    pages = indexed_pages(site)
    timeline = pages["/timeline/"]
    assert "Armstrong walks on the Moon. 20 July 1969" in timeline
    assert "Sea of Tranquility" in timeline
    assert "Anywhere" not in timeline and "Filters" not in timeline, "the filter panel is not indexed"
    assert "Link to this event" not in timeline, "nor the permalinks"
    assert not any("Material for MkDocs" in text for text in pages.values()), "nor the footer"
    assert not any("Back to top" in text for text in pages.values()), "nor Material's buttons"
    assert not any("sources/" in url for url in pages), "nor the archived copies"


def test_every_page_has_the_pagefind_button_and_not_materials_search(site: Path) -> None:
    for path in (site / "index.html", site / "timeline" / "index.html", site / "actors" / "index.html"):
        html = path.read_text(encoding="utf-8")
        assert "data-tl-search" in html, path
        assert 'data-md-component="search"' not in html, path


def test_the_default_keeps_materials_search_and_runs_no_pagefind(tmp_path: Path) -> None:
    small_content(tmp_path / "content")
    site = build_site(tmp_path)
    assert (site / "search" / "search_index.json").is_file()
    assert not (site / "pagefind").exists()
    html = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' in html
    assert "data-tl-search" not in html


def build_error(project: Path, caplog: pytest.LogCaptureFixture, plugins: list[Any]) -> str:
    """The error `mkdocs build` stops with (it logs the plugin's message, then aborts)."""
    with pytest.raises(Abort):
        build_site(project, plugins=plugins)
    return "\n".join(record.getMessage() for record in caplog.records if record.levelname == "ERROR")


def test_pagefind_with_materials_search_still_on_is_an_error_saying_what_to_remove(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    small_content(tmp_path / "content")
    message = build_error(tmp_path, caplog, ["search", *pagefind_plugins()])
    assert "`search: pagefind` replaces Material's search: remove `- search`" in message


def _without_pagefind(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """As on a machine where pagefind-bin is not installed and PATH is only `path`."""
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # the import raises ImportError
    monkeypatch.setenv("PATH", str(path))


def test_a_missing_binary_fails_the_build_naming_the_setting_and_the_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    small_content(tmp_path / "content")
    _without_pagefind(monkeypatch, tmp_path / "empty")
    message = build_error(tmp_path, caplog, pagefind_plugins())
    assert "`search: pagefind` (plugin `timeline` in mkdocs.yml)" in message
    assert "pip install pagefind-bin==" in message


def test_a_failing_binary_fails_the_build_with_its_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: cannot write the bundle' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    _without_pagefind(monkeypatch, tools)
    assert find_pagefind() == fake
    small_content(tmp_path / "content")
    message = build_error(tmp_path, caplog, pagefind_plugins())
    assert re.search(r"Pagefind failed on .*site \(exit status 3\):\nError: cannot write the bundle", message)


def test_the_command_for_other_generators_indexes_only_the_content() -> None:
    command = pagefind_command(Path("public"))
    assert command[:3] == ["pagefind", "--site", "public"]
    assert command[command.index("--root-selector") + 1] == ".md-content__inner"
    assert "[data-search-exclude]" in command


@pytest.mark.skipif(importlib.util.find_spec("zensical") is None, reason="zensical is not installed")
def test_the_command_indexes_what_zensical_built_from_timeline_render(tmp_path: Path) -> None:
    from test_zensical import CONFIG

    small_content(tmp_path / "content")
    rendered = CliRunner().invoke(
        main, ["render", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "pages")]
    )
    assert rendered.exit_code == 0, rendered.output
    (tmp_path / "pages" / "index.md").write_text(HOME, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    zensical = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", "mkdocs.yml"]
    built = subprocess.run(zensical, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stdout + built.stderr
    indexed = subprocess.run(
        pagefind_command(tmp_path / "site", find_pagefind()), capture_output=True, text=True
    )
    assert indexed.returncode == 0, indexed.stderr
    timeline = indexed_pages(tmp_path / "site")["/timeline/"]
    assert "Armstrong walks on the Moon. 20 July 1969" in timeline
    assert "Anywhere" not in timeline and "Needs review" not in timeline


def test_the_header_override_is_materials_header_plus_the_search_button() -> None:
    import material

    ours = (REPO / "theme_overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    materials = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(
        encoding="utf-8"
    )
    preamble, _, rest = ours.partition("-#}\n")
    before, _, after = rest.partition("    {#- timeline:")
    _, _, after = after.partition("{#- /timeline -#}\n")
    assert "Material 9.8.1" in preamble and before + after == materials, (
        "Material changed: update the override"
    )


def test_index_site_raises_when_the_binary_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pagefind, "find_pagefind", lambda: Path("/bin/true"))
    with pytest.raises(PagefindError, match="wrote no index"):
        pagefind.index_site(tmp_path)


# --- in Chromium -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve(site, "/repo/") as url:
        yield url


def _open_search(browser: Any, base: str, viewport: dict[str, int], scheme: str) -> Any:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "actors/")
    page.click(".tl-search__open")
    page.fill(".pagefind-ui__search-input", "Armstrong walks")
    page.wait_for_selector(".pagefind-ui__result")
    assert not errors, errors
    return page


@pytest.mark.browser
def test_typing_a_query_lists_the_event_with_a_link_to_its_anchor(browser: Any, base: str) -> None:
    page = _open_search(browser, base, DESKTOP, "light")
    link = page.locator(".pagefind-ui__result-nested a[href$='timeline/#e-moon-1']")
    link.first.wait_for(timeout=10_000)  # Pagefind fills in each page's sub-results as they load
    assert link.count() == 1, page.inner_html(".pagefind-ui__results")
    assert link.inner_text() == "Armstrong walks on the Moon"
    link.click()
    page.wait_for_url("**/repo/timeline/#e-moon-1")
    assert page.locator("#e-moon-1").is_visible()
    assert page.locator(".tl-search__panel").is_hidden()
    page.context.close()


@pytest.mark.browser
def test_search_opens_with_the_slash_key_and_closes_with_escape(browser: Any, base: str) -> None:
    page = browser.new_page()
    page.goto(base)
    assert page.get_by_role("button", name="Search").is_visible()
    page.keyboard.press("/")
    page.wait_for_selector(".pagefind-ui__search-input:focus")
    page.keyboard.press("Escape")
    assert page.locator(".tl-search__panel").is_hidden()
    assert page.locator(".tl-search__open").get_attribute("aria-expanded") == "false"
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots(browser: Any, base: str, device: str, scheme: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = _open_search(browser, base, DESKTOP if device == "desktop" else PHONE, scheme)
    panel = page.locator(".tl-search__panel").bounding_box()
    assert (
        panel is not None and panel["x"] >= 0 and panel["x"] + panel["width"] <= page.viewport_size["width"]
    )
    shot = SHOTS / f"search-{device}-{scheme}.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.context.close()
