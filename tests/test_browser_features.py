"""Issue 14 in a real browser: the dark scheme's timeline line, a followed link clear of the sticky
header, the phone layout, the copy-link button, print. Screenshots of each page kind (desktop and
390-pixel phone, light and dark) go to tests/artifacts/features/ (git-ignored)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_helpers import REPO, build_site, serve
from test_site_build import small_content

pytestmark = pytest.mark.browser
SHOTS = REPO / "tests" / "artifacts" / "features"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# The contrast ratio (WCAG) of an element's colour, blended over the page background.
CONTRAST = """([selector, pseudo, property]) => {
  const rgba = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const element = document.querySelector(selector);
  const [r, g, b, a = 1] = rgba(getComputedStyle(element, pseudo)[property]);
  const [R, G, B] = rgba(getComputedStyle(document.body).backgroundColor);
  const blend = [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const luminance = (c) => {
    const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const [x, y, z] = c.map(linear);
    return 0.2126 * x + 0.7152 * y + 0.0722 * z;
  };
  const [hi, lo] = [luminance(blend), luminance([R, G, B])].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}"""

# The width of an input's placeholder text and the room for it inside the input.
PLACEHOLDER_FITS = """e => {
  const style = getComputedStyle(e), placeholder = getComputedStyle(e, '::placeholder');
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${placeholder.fontSize} ${placeholder.fontFamily}`;
  const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [context.measureText(e.placeholder).width, room];
}"""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("browser-features")
    small_content(project / "content")
    article = project / "content" / "articles" / "moon.md"
    text = article.read_text(encoding="utf-8")
    extra = (
        "url: https://news.example/moon\narchived: sources/moon.html.gz\nretrieved: '2024-03-05T10:22:31Z'\n"
    )
    article.write_text(text.replace("---\n", "---\n" + extra, 1), encoding="utf-8")
    (project / "content" / "sources").mkdir()
    page = b"<html><body><h1>Moon</h1><script>document.title='ran'</script><p onclick='x()'>Text</p></body>"
    (project / "content" / "sources" / "moon.html.gz").write_bytes(gzip.compress(page))
    with serve(build_site(project), "/repo/") as url:
        yield url


def _context(browser: Any, viewport: dict[str, int] = DESKTOP, scheme: str = "light") -> Any:
    return browser.new_context(viewport=viewport, color_scheme=scheme)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = _context(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_timeline_line_and_month_circles_are_visible_in_both_schemes(
    browser: Any, base: str, scheme: str
) -> None:
    context = _context(browser, scheme=scheme)
    page = context.new_page()
    page.goto(base + "timeline/")
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    line = page.evaluate(CONTRAST, [".tl-month", "::before", "backgroundColor"])
    circle = page.evaluate(CONTRAST, [".tl-month-label", "::before", "borderTopColor"])
    context.close()
    assert line >= 1.3, line
    assert circle >= 1.3, circle


def test_a_followed_link_puts_the_date_and_title_below_the_header_and_the_top_button(
    page: Any, base: str
) -> None:
    page.goto(base + "timeline/")
    anchor = page.get_attribute(".tl-timeline .tl-event h4", "id", timeout=5000)
    last = page.eval_on_selector_all(".tl-timeline .tl-event h4", "els => els[els.length - 1].id")
    for target in (anchor, last):
        page.goto(base + f"timeline/#{target}")
        page.wait_for_timeout(300)
        header = page.eval_on_selector(".md-header", "e => e.getBoundingClientRect().bottom")
        when = page.eval_on_selector(
            f"#{target}", "e => e.closest('.tl-event').querySelector('.tl-when').getBoundingClientRect().top"
        )
        title = page.eval_on_selector(f"#{target}", "e => e.getBoundingClientRect().top")
        # "Back to top" shows under the header: its bottom edge, when shown
        button = page.eval_on_selector(".md-top", "e => parseFloat(getComputedStyle(e).top) + e.offsetHeight")
        scrolled = page.evaluate("window.scrollY")
        if scrolled > 0:  # the first event may sit high on the page, under nothing
            assert when >= header, (target, when, header)
            assert title >= button, (target, title, button)


def test_phone_layout(browser: Any, base: str) -> None:
    context = _context(browser, PHONE)
    page = context.new_page()
    page.goto(base + "actors/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = page.eval_on_selector(
        ".tl-scroll", "e => [e.scrollWidth, e.clientWidth, getComputedStyle(e).overflowX]"
    )
    assert box[2] == "auto"
    assert box[0] <= box[1] or page.is_visible(".tl-scroll-hint")  # wider than the phone: the hint says so
    page.goto(base + "timeline/")
    page.wait_for_selector("#tl-filters:not([hidden])", state="attached")
    assert page.evaluate("document.querySelector('.tl-filters-fold').open") is False  # folded on a phone
    for query, unfolded in (("?event=e-none", False), ("?q=moon", True)):  # a link to an event is no filter
        page.goto(base + "timeline/" + query)
        page.wait_for_selector("#tl-filters:not([hidden])", state="attached")
        assert page.evaluate("document.querySelector('.tl-filters-fold').open") is unfolded, query
    page.goto(base + "timeline/")
    page.wait_for_selector("#tl-filters:not([hidden])", state="attached")
    page.click(".tl-filters-fold > summary")
    page.wait_for_selector("#tl-filters:not([hidden])")
    for field in ("#tl-from", "#tl-to", "#tl-q"):
        fits = page.eval_on_selector(
            field,
            PLACEHOLDER_FITS,
        )
        assert fits[0] <= fits[1], (field, fits)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_every_event_has_a_permalink_and_a_copy_link_button(browser: Any, base: str) -> None:
    context = _context(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base + "timeline/")
    events = page.locator(".tl-timeline .tl-event").count()
    assert page.locator(".tl-timeline .tl-event .tl-permalink").count() == events
    assert page.locator(".tl-timeline .tl-event .tl-copy-link:visible").count() == events
    first = page.locator(".tl-timeline .tl-event").first
    anchor = first.locator("h4").get_attribute("id")
    assert first.locator(".tl-permalink").get_attribute("href") == f"#{anchor}"
    first.locator(".tl-copy-link").click()
    page.wait_for_function("document.querySelector('.tl-copy-link').textContent === 'Copied'")
    # the link reopens the event's Details dialog (tests/test_event_links.py)
    assert page.evaluate("navigator.clipboard.readText()") == base + f"timeline/?event={anchor}#{anchor}"
    page.goto(base + "actors/neil-armstrong/")
    link = page.locator(".tl-event .tl-permalink").first.get_attribute("href")
    assert link is not None and link.startswith("../../timeline/#e-")
    context.close()


def test_print_hides_filters_and_navigation_and_prints_the_sources(page: Any, base: str) -> None:
    page.goto(base + "timeline/")
    page.wait_for_selector("#tl-filters:not([hidden])")
    page.emulate_media(media="print")
    for hidden in ("#tl-filters", ".md-header", ".md-sidebar--primary", ".tl-copy-link"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.eval_on_selector(".tl-event", "e => getComputedStyle(e).breakInside") == "avoid"
    after = page.eval_on_selector("a.tl-source", "e => getComputedStyle(e, '::after').content")
    assert "articles/" in after
    assert page.locator(".tl-event blockquote").first.is_visible()


def test_the_archived_copy_is_served_without_its_scripts(page: Any, base: str) -> None:
    page.goto(base + "articles/moon/")
    assert page.get_attribute("a.tl-original", "href") == "https://news.example/moon"
    page.click("a.tl-archived")
    page.wait_for_selector("h1")
    assert page.title() != "ran"
    assert "Content-Security-Policy" in page.content()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser: Any, base: str, scheme: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = {
        "timeline": "timeline/",
        "actors": "actors/",
        "actor": "actors/neil-armstrong/",
        "article": "articles/moon/",
    }
    for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = _context(browser, viewport, scheme)
        page = context.new_page()
        for name, path in pages.items():
            page.goto(base + path)
            page.wait_for_timeout(150)
            page.screenshot(path=str(SHOTS / f"{name}-{device}-{scheme}.png"))
        page.goto(base + "timeline/")
        last = page.eval_on_selector_all(".tl-timeline .tl-event h4", "els => els[els.length - 1].id")
        page.goto(base + f"timeline/#{last}")
        page.wait_for_timeout(300)
        page.screenshot(path=str(SHOTS / f"followed-link-{device}-{scheme}.png"))
        context.close()
    assert any(Path(SHOTS).glob("*.png"))
