"""One event, one link, in a real browser: the Details dialog with an event's sources (opened by its
button or by ?event= in the address), Copy link and Copy embed code, the embed page in an iframe
(one event, an actor's timeline between two dates) from the MkDocs build and from the pages
`timeline render --out` writes, on a phone and in the dark scheme. Screenshots (desktop and
390-pixel phone, light and dark: home dashboard, dialog, embeds) go to tests/artifacts/event-links/
(git-ignored)."""

from __future__ import annotations

import gzip
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from playwright.sync_api import expect
from site_helpers import REPO, build_site, serve
from test_site_build import small_content

from generator.cli.main import main
from generator.site.build import load_site_data
from generator.site.links import Links
from generator.site.pages import render_pages

SHOTS = REPO / "tests" / "artifacts" / "event-links"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
EVENT = "e-moon-1"  # Armstrong walks on the Moon: article moon, sentence 1, with an original and a copy

# The contrast ratio (WCAG) of an element's text over its own background (or the nearest set one).
CONTRAST = """(element) => {
  const rgba = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  let node = element, background = [0, 0, 0, 0];
  while (node && background[3] === 0) {
    const [r, g, b, a = 1] = rgba(getComputedStyle(node).backgroundColor);
    if (a > 0) background = [r, g, b, a];
    node = node.parentElement;
  }
  const [r, g, b] = rgba(getComputedStyle(element).color);
  const luminance = (c) => {
    const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const [x, y, z] = c.map(linear);
    return 0.2126 * x + 0.7152 * y + 0.0722 * z;
  };
  const [hi, lo] = [luminance([r, g, b]), luminance(background.slice(0, 3))].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}"""


def _content(project: Path) -> Path:
    content = project / "content"
    small_content(content)
    article = content / "articles" / "moon.md"
    extra = (
        "url: https://news.example/moon\narchived: sources/moon.html.gz\nretrieved: '2024-03-05T10:22:31Z'\n"
    )
    article.write_text(
        article.read_text(encoding="utf-8").replace("---\n", "---\n" + extra, 1), encoding="utf-8"
    )
    (content / "sources").mkdir()
    (content / "sources" / "moon.html.gz").write_bytes(
        gzip.compress(b"<html><body><p>Moon</p></body></html>")
    )
    return content


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("event-links")
    _content(project)
    with serve(build_site(project), "/repo/") as url:
        yield url


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def _page(context: Any) -> Any:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    return page


def _dialog_text(page: Any) -> str:
    return " ".join(page.inner_text("dialog.tl-dialog").split())


@pytest.mark.browser
def test_opening_a_permalink_opens_the_dialog_with_the_sources(context: Any, base: str) -> None:
    page = _page(context)
    page.goto(base + f"timeline/?event={EVENT}#{EVENT}")
    page.wait_for_selector("dialog.tl-dialog[open]")
    text = _dialog_text(page)
    assert "Armstrong walks on the Moon" in text
    assert "Date: 20 July 1969, date in the text: The sentence states this date." in text
    assert "Neil Armstrong walked on the Moon on Sunday." in text  # its sentence
    assert "1 source: Test Wire, 21 July 1969: sentence 1" in text
    # the article's title, original and archived copy come from its page when the dialog opens
    page.wait_for_selector("dialog.tl-dialog .tl-details a.tl-archived")
    assert "Moon landing · Original article · Archived copy (retrieved 2024-03-05)" in _dialog_text(page)
    links = page.eval_on_selector_all(
        "dialog.tl-dialog a", "els => els.map(e => [e.textContent.trim(), e.href])"
    )
    assert ["sentence 1", base + "articles/moon/#s-1"] in links
    assert ["Original article", "https://news.example/moon"] in links
    assert any(
        name.startswith("Archived copy") and href == base + "sources/moon.html" for name, href in links
    )
    assert ["Neil Armstrong", base + "actors/neil-armstrong/"] in links
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.tl-dialog", state="hidden")
    page.wait_for_function("!location.search")  # the close event comes after the dialog hides
    assert page.url == base + f"timeline/#{EVENT}"  # closed: the address no longer reopens it
    assert page.errors == []


@pytest.mark.browser
def test_the_details_button_opens_the_dialog_and_puts_it_in_the_address(context: Any, base: str) -> None:
    page = _page(context)
    page.goto(base + "actors/neil-armstrong/")
    card = page.locator(".tl-event", has_text="Armstrong walks on the Moon")
    card.locator(".tl-share").click()
    page.wait_for_selector("dialog.tl-dialog[open]")
    assert page.url == base + f"actors/neil-armstrong/?event={EVENT}#{EVENT}"
    assert "Neil Armstrong walked on the Moon on Sunday." in _dialog_text(page)
    page.reload()  # the address reopens it
    page.wait_for_selector("dialog.tl-dialog[open]")
    assert "Armstrong walks on the Moon" in _dialog_text(page)
    page.click("dialog.tl-dialog .tl-dialog-close")
    page.wait_for_selector("dialog.tl-dialog", state="hidden")
    page.wait_for_function("!location.search")
    assert page.url == base + f"actors/neil-armstrong/#{EVENT}"
    assert page.evaluate("document.activeElement.className") == "tl-share"  # focus back on the card


@pytest.mark.browser
def test_copy_link_and_copy_embed_put_the_right_text_in_the_clipboard(context: Any, base: str) -> None:
    page = _page(context)
    page.goto(base + "timeline/")
    page.locator(f".tl-event:has(#{EVENT}) .tl-share").click()
    page.wait_for_selector("dialog.tl-dialog[open]")
    page.click("dialog.tl-dialog .tl-share-copy >> text=Copy link")
    page.wait_for_selector("dialog.tl-dialog .tl-share-copy >> text=Copied")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == base + f"timeline/?event={EVENT}#{EVENT}"
    page.click("dialog.tl-dialog .tl-share-copy >> text=Copy embed code")
    page.wait_for_function("navigator.clipboard.readText().then(t => t.startsWith('<iframe'))")
    code = page.evaluate("navigator.clipboard.readText()")
    src = html.unescape(re.search(r'src="([^"]*)"', code).group(1))  # type: ignore[union-attr]
    assert src == base + f"embed/index.html?event={EVENT}"
    assert 'title="News Timeline: Armstrong walks on the Moon"' in code
    page.goto(link)  # the copied link opens the same dialog
    page.wait_for_selector("dialog.tl-dialog[open]")
    assert "Armstrong walks on the Moon" in _dialog_text(page)


@pytest.mark.browser
def test_the_embed_code_shows_the_event_in_an_iframe_linking_to_the_site(context: Any, base: str) -> None:
    page = _page(context)
    code = f'<iframe src="{base}embed/index.html?event={EVENT}" title="x" width="100%" height="260"></iframe>'
    page.set_content(f"<!doctype html><h1>Another site</h1>{code}")
    frame = page.frame_locator("iframe")
    title = frame.locator(".tl-embed-title a")
    assert title.inner_text() == "Armstrong walks on the Moon"
    assert frame.locator(".tl-embed-when").inner_text() == "20 July 1969"
    assert frame.locator(".tl-embed-actor").all_inner_texts() == ["Neil Armstrong"]
    quote = frame.locator(".tl-embed-quote")  # read from the event's timeline page
    assert quote.locator("p").first.inner_text() == "Neil Armstrong walked on the Moon on Sunday."
    assert quote.locator("a").get_attribute("href") == base + "articles/moon/#s-1"
    title.click()  # opens the full site in the top window, with the event's dialog
    page.wait_for_url(base + f"timeline/?event={EVENT}#{EVENT}")
    page.wait_for_selector("dialog.tl-dialog[open]")


@pytest.mark.browser
def test_an_actor_page_embeds_their_timeline_between_two_dates(context: Any, base: str) -> None:
    page = _page(context)
    page.goto(base + "actors/neil-armstrong/")
    page.click(".tl-embed-box summary")
    code = page.input_value(".tl-embed-box textarea")
    src = html.unescape(re.search(r'src="([^"]*)"', code).group(1))  # type: ignore[union-attr]
    assert src == base + "embed/index.html?actor=neil-armstrong"  # made absolute by the script
    page.set_content(f"<!doctype html><p>Another site</p>{code}")
    frame = page.frame_locator("iframe")
    # oldest first, as on the actor page (expect waits for the embed's script to fill the list)
    expect(frame.locator(".tl-embed-events time")).to_have_text(["July 1969", "20 July 1969", "17 July 1975"])
    assert frame.locator(".tl-embed-heading").inner_text().startswith("Neil Armstrong: 3 events")
    page.set_content(f'<iframe src="{src}&from=1970&to=1975-07"></iframe>')
    filtered = page.frame_locator("iframe").locator(".tl-embed-events li")
    expect(filtered).to_have_count(1)
    assert filtered.all_inner_texts() == ["17 July 1975\nStafford meets Leonov"]
    page.set_content(f'<iframe src="{base}embed/index.html?actor=nobody"></iframe>')
    assert "No actor nobody" in page.frame_locator("iframe").locator(".tl-embed-status").inner_text()


@pytest.mark.browser
def test_the_dialog_and_the_embed_are_readable_on_a_phone_in_the_dark(browser: Any, base: str) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    page.goto(base + f"timeline/?event={EVENT}#{EVENT}")
    page.wait_for_selector("dialog.tl-dialog[open]")
    box = page.eval_on_selector("dialog.tl-dialog", "e => e.getBoundingClientRect().toJSON()")
    assert box["left"] >= 0 and box["right"] <= PHONE["width"], box
    for selector in (
        "dialog.tl-dialog",
        "dialog.tl-dialog .tl-details-article",
        "dialog.tl-dialog .tl-share-text",
    ):
        assert page.eval_on_selector(selector, CONTRAST) >= 4.5, selector
    fields = page.eval_on_selector_all(
        "dialog.tl-dialog .tl-share-text", "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert min(fields) > PHONE["width"] * 0.6, fields  # the link and the code get the width
    page.goto(base + f"embed/index.html?event={EVENT}")
    page.wait_for_selector(".tl-embed-event")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
    for selector in (".tl-embed-when", ".tl-embed-title a", ".tl-embed-actor"):
        assert page.eval_on_selector(selector, CONTRAST) >= 4.5, selector
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.goto(base + f"embed/index.html?event={EVENT}&scheme=light")  # the host page may choose
    page.wait_for_selector(".tl-embed-event")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    context.close()


@pytest.mark.browser
def test_the_embed_page_works_from_the_pages_timeline_render_writes(browser: Any, tmp_path: Path) -> None:
    content = _content(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", "--content", str(content), "--out", str(out)])
    assert result.exit_code == 0, result.output
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    with serve(out, "/any/") as url:
        page.goto(url + f"embed/index.html?event={EVENT}")
        assert page.inner_text(".tl-embed-title") == "Armstrong walks on the Moon"
        page.wait_for_timeout(300)  # its timeline page is Markdown here: no quote, and no error
        assert page.locator(".tl-embed-quote").count() == 0
        page.goto(url + "embed/index.html?actor=soviet-union")
        assert len(page.locator(".tl-embed-events li").all()) == 2
    context.close()


def test_with_a_site_url_the_link_and_the_embed_code_are_absolute(tmp_path: Path) -> None:
    data = load_site_data(_content(tmp_path))
    pages = render_pages(data, Links("https://example.org/tl/"))
    timeline = pages["timeline/index.md"]
    assert f'data-href="https://example.org/tl/timeline/#{EVENT}"' in timeline
    assert 'data-embed="https://example.org/tl/embed/index.html"' in timeline
    actor = pages["actors/neil-armstrong.md"]
    assert "src=&#34;https://example.org/tl/embed/index.html?actor=neil-armstrong&#34;" in actor
    relative = render_pages(data)["actors/neil-armstrong.md"]
    assert 'data-embed="../../embed/index.html"' in relative  # resolved by permalink.js where it runs


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser: Any, base: str, scheme: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        page.goto(base)
        page.wait_for_selector(".tl-dashboard")
        page.screenshot(path=str(SHOTS / f"home-{device}-{scheme}.png"), full_page=True)
        page.goto(base + f"timeline/?event={EVENT}#{EVENT}")
        page.wait_for_selector("dialog.tl-dialog[open]")
        page.wait_for_timeout(150)
        page.screenshot(path=str(SHOTS / f"dialog-{device}-{scheme}.png"))
        page.goto(base + "actors/neil-armstrong/")
        page.click(".tl-embed-box summary")
        page.locator(".tl-embed-box").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"actor-embed-code-{device}-{scheme}.png"))
        host = (
            f'<body style="font-family: serif"><h1>Another site</h1>'
            f'<iframe src="{base}embed/index.html?event={EVENT}" width="100%" height="220"></iframe>'
            f'<iframe src="{base}embed/index.html?actor=neil-armstrong" width="100%" height="360"></iframe>'
        )
        page.set_content(host)
        page.frame_locator("iframe").first.locator(".tl-embed-event").wait_for()
        page.frame_locator("iframe").last.locator(".tl-embed-list").wait_for()
        page.screenshot(path=str(SHOTS / f"embed-{device}-{scheme}.png"), full_page=True)
        context.close()
    assert len(list(SHOTS.glob(f"*-{scheme}.png"))) == 8
