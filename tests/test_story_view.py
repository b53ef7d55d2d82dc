"""The story view in a real browser: the example site's TimelineJS slides, whole and per actor.

Builds the repo's example content with `mkdocs build --strict`, serves it under a sub-path, and
checks that the vendored TimelineJS renders slides with the source sentence and working links.
Screenshots go to tests/artifacts/story/ (git-ignored).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_helpers import REPO, build_site, serve

pytestmark = pytest.mark.browser
ARTIFACTS = REPO / "tests" / "artifacts" / "story"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
FIRST_QUOTE = "Soviet Union launches first artificial satellite."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("story-site")
    shutil.copytree(REPO / "content", project / "content", ignore=shutil.ignore_patterns(".timeline-*"))
    return build_site(project)


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve(site, "/repo/") as url:
        yield url


def open_page(browser: Any, viewport: dict[str, int], scheme: str = "light") -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    # Everything is served by the site itself: no CDN, web font or analytics request.
    page.on("request", lambda request: _local(request.url) or problems.append(f"external: {request.url}"))
    page.on(
        "response",
        lambda response: response.status < 400 or problems.append(f"{response.status} {response.url}"),
    )
    return context, page, problems


def _local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))


CURRENT_SLIDE = """() => {
  const box = document.querySelector('.tl-storyslider').getBoundingClientRect();
  return [...document.querySelectorAll('.tl-slide')].find(slide => {
    const r = slide.getBoundingClientRect();
    return r.width > 0 && Math.abs(r.left - box.left) < 2;
  });
}"""


def slide_text(page: Any) -> str:
    """The text of the slide in view (TimelineJS lays every slide out side by side)."""
    return page.evaluate(f"(() => {{ const s = ({CURRENT_SLIDE})(); return s ? s.innerText : ''; }})()")


def next_slide(page: Any, expected: str) -> None:
    page.click(".tl-slidenav-next")
    page.wait_for_function(
        f"text => {{ const s = ({CURRENT_SLIDE})(); return s && s.innerText.includes(text); }}", arg=expected
    )


def test_the_story_pages_and_their_data_are_generated(site: Path) -> None:
    story = json.loads((site / "story" / "timeline.json").read_text(encoding="utf-8"))
    assert story["title"]["text"]["headline"] == "News Timeline"
    first = story["events"][0]
    assert f"<blockquote>{FIRST_QUOTE}</blockquote>" in first["text"]["text"]
    assert 'href="../articles/1957-sputnik/#s-0"' in first["text"]["text"]  # right from story/
    actor = json.loads((site / "story" / "neil-armstrong" / "timeline.json").read_text(encoding="utf-8"))
    assert actor["events"] and all("Neil Armstrong" in event["text"]["text"] for event in actor["events"])
    assert 'href="../../articles/1969-apollo-11/' in actor["events"][0]["text"]["text"]
    home = (site / "story" / "index.html").read_text(encoding="utf-8")
    assert 'href="neil-armstrong/"' in home and 'href="../timeline/"' in home
    for vendored in ("js/timeline.js", "css/timeline.css", "css/icons/tl-icons.woff2", "LICENSE"):
        assert (site / "assets" / "vendor" / "timelinejs" / vendored).is_file()


def test_the_whole_story_shows_slides_with_the_source_sentence(browser: Any, base: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context, page, problems = open_page(browser, DESKTOP)
    try:
        page.goto(base + "story/")
        page.wait_for_selector(".tl-slide-titleslide .tl-headline", state="visible")
        assert "News Timeline" in slide_text(page)
        page.screenshot(path=str(ARTIFACTS / "whole-title.png"))
        next_slide(page, FIRST_QUOTE)
        page.wait_for_timeout(800)  # the rest of the slide animation
        text = slide_text(page)
        assert "4 October 1957" in text and FIRST_QUOTE in text
        page.screenshot(path=str(ARTIFACTS / "whole-first-event.png"))
        next_slide(page, "Sputnik 1 lifts off")
        page.wait_for_timeout(800)
        source = page.evaluate_handle(f"({CURRENT_SLIDE})()").as_element()
        assert source is not None
        link = source.query_selector("a[href*='articles/']")
        assert link is not None and link.get_attribute("href") == "../articles/1957-sputnik/#s-3"
        assert link.get_attribute("target") == "_self"
        link.click()
        page.wait_for_url("**/repo/articles/1957-sputnik/#s-3")
        assert not problems, problems
    finally:
        context.close()


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(DESKTOP, "dark"), (PHONE, "light"), (PHONE, "dark")],
    ids=["desktop-dark", "phone", "phone-dark"],
)
def test_an_actors_story(browser: Any, base: str, viewport: dict[str, int], scheme: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context, page, problems = open_page(browser, viewport, scheme)
    try:
        page.goto(base + "story/neil-armstrong/")
        page.wait_for_selector(".tl-slide-titleslide .tl-headline", state="visible")
        assert "Neil Armstrong" in slide_text(page)
        next_slide(page, "Neil Armstrong")
        page.wait_for_timeout(800)
        assert page.locator(".tl-timemarker").count() >= 1
        width = "phone" if viewport is PHONE else "desktop"
        page.screenshot(path=str(ARTIFACTS / f"actor-{width}-{scheme}.png"))
        assert not problems, problems
    finally:
        context.close()


# The WCAG contrast of an element's text against the first opaque background behind it.
TEXT_CONTRAST = """(element) => {
  const rgba = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  let back = element, background = [255, 255, 255];
  while (back) {
    const colour = getComputedStyle(back).backgroundColor;
    const [r, g, b, a = 1] = rgba(colour);
    if (a === 1 && colour !== 'rgba(0, 0, 0, 0)') { background = [r, g, b]; break; }
    back = back.parentElement;
  }
  const [r, g, b, a = 1] = rgba(getComputedStyle(element).color);
  const [R, G, B] = background;
  const blend = [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const luminance = (c) => {
    const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const [x, y, z] = c.map(linear);
    return 0.2126 * x + 0.7152 * y + 0.0722 * z;
  };
  const [hi, lo] = [luminance(blend), luminance(background)].sort((p, q) => q - p);
  return {contrast: (hi + 0.05) / (lo + 0.05), background: luminance(background)};
}"""


def test_the_story_follows_the_dark_scheme(browser: Any, base: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context, page, problems = open_page(browser, DESKTOP, "dark")
    try:
        page.goto(base + "story/")
        page.wait_for_selector(".tl-slide-titleslide .tl-headline", state="visible")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        next_slide(page, FIRST_QUOTE)
        page.wait_for_timeout(800)
        slide = page.evaluate_handle(f"({CURRENT_SLIDE})()").as_element()
        assert slide is not None
        for selector in ("h2.tl-headline", "blockquote", ".tl-headline-date", "a[href*='articles/']"):
            element = slide.query_selector(selector)
            assert element is not None, selector
            seen = page.evaluate(TEXT_CONTRAST, element)
            # dark behind (the slide's own white is replaced), readable text on it
            assert seen["background"] < 0.05 and seen["contrast"] >= 4.5, (selector, seen)
        for selector in (".tl-timemarker-content-container h2.tl-headline", ".tl-timeaxis-tick-text"):
            seen = page.evaluate(TEXT_CONTRAST, page.query_selector(selector))
            assert seen["background"] < 0.05 and seen["contrast"] >= 3, (selector, seen)
        active = page.query_selector(".tl-timemarker-active .tl-timemarker-content-container h2.tl-headline")
        assert active is not None
        seen = page.evaluate(TEXT_CONTRAST, active)
        assert seen["background"] < 0.1 and seen["contrast"] >= 4.5, seen
        page.screenshot(path=str(ARTIFACTS / "whole-dark.png"))
        assert not problems, problems
    finally:
        context.close()


def test_the_whole_story_lists_the_busiest_actors_only() -> None:
    from site_helpers import make_event

    from generator.registry import ActorRegistry
    from generator.site.data import prepare
    from generator.site.links import Links
    from generator.site.story import LISTED_ACTORS, story_files

    names = [f"Person {number:03}" for number in range(LISTED_ACTORS + 20)]
    events = [
        make_event(number, "2020-01-02", actors=(name,), title=f"Event {number}")
        for number, name in enumerate(names)
    ] + [make_event(999, "2020-01-03", actors=(names[-1],))]  # the last person is the busiest
    files = story_files(prepare([], events, ActorRegistry()), Links())
    index = files["story/index.md"]
    listed = [line for line in index.splitlines() if line.startswith("- [Person")]
    assert len(listed) == LISTED_ACTORS
    assert listed[0].startswith(f"- [{names[-1]}]")
    assert "the stories of the other 20 are linked from their pages" in index
    assert all(f"story/{slug}/index.md" in files for slug in ("person-000", "person-119"))
