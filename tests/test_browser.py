"""The built site in a real browser: Playwright drives Debian's Chromium against a sub-path server.

Screenshots of every page kind (desktop and 390-pixel phone, light and dark) and the filter
timings with 5,000 events go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from site_helpers import REPO, build_site, measure_filter, serve, synthetic_content
from test_site_build import small_content

from generator.site.build import load_site_data

pytestmark = pytest.mark.browser
ARTIFACTS = REPO / "tests" / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
FILTER_BOUND_MS = 1000.0


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("browser-site")
    small_content(project / "content")
    with serve(build_site(project), "/repo/") as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def visible_titles(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".tl-timeline .tl-event",
        "els => els.filter(e => e.offsetParent).map(e => e.querySelector('h4').textContent)",
    )


def test_filter_by_actor_shows_their_events_and_keeps_the_state_in_the_url(page: Any, base: str) -> None:
    page.goto(base + "timeline/")
    assert len(visible_titles(page)) == 5
    page.fill("#tl-actor", "Neil Armstrong")
    page.press("#tl-actor", "Enter")
    expected = ["Stafford meets Leonov", "Armstrong walks on the Moon", "Aldrin follows"]
    assert visible_titles(page) == expected
    assert "actor=neil-armstrong" in page.url
    assert page.text_content("#tl-status") == "Showing 3 of 5 events"
    assert page.is_hidden("#y-1957")
    assert page.is_hidden(".md-sidebar--secondary a[href='#y-1957']")
    page.fill("#tl-actor", "Buzz Aldrin")
    page.press("#tl-actor", "Enter")
    page.select_option("#tl-match", "all")
    assert visible_titles(page) == ["Aldrin follows"]
    shared = page.url
    page.goto(base + "timeline/")
    page.goto(shared)
    assert visible_titles(page) == ["Aldrin follows"]
    page.click("#tl-filters button[type=reset]")
    assert len(visible_titles(page)) == 5 and "?" not in page.url


def test_place_date_and_text_filters(page: Any, base: str) -> None:
    page.goto(base + "timeline/?from=1960&to=1969-07")
    assert visible_titles(page) == ["Armstrong walks on the Moon", "Aldrin follows"]
    page.goto(base + "timeline/?place=baikonur")
    assert visible_titles(page) == ["Sputnik launched"]
    page.goto(base + "timeline/")
    page.fill("#tl-q", "orbit leonov")
    page.wait_for_function("document.getElementById('tl-filters').dataset.visible === '1'")
    assert visible_titles(page) == ["Stafford meets Leonov"]


def test_event_link_highlights_its_sentence(page: Any, base: str) -> None:
    page.goto(base + "timeline/")
    page.click("#e-moon-1 ~ blockquote a.tl-source")
    page.wait_for_url("**/articles/moon/#s-1")
    sentence = page.locator("#s-1")
    assert sentence.evaluate("el => el.matches(':target')")
    assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert sentence.is_visible() and sentence.text_content() == "Neil Armstrong walked on the Moon on Sunday."
    box, viewport = sentence.bounding_box(), page.viewport_size
    assert box is not None and 0 <= box["y"] <= viewport["height"]
    page.click("#s-1 + a.tl-event-link")
    page.wait_for_url("**/timeline/#e-moon-1")


def test_search_for_a_quote_reaches_the_event(page: Any, base: str) -> None:
    page.goto(base + "timeline/")
    page.click("label.md-search__icon, .md-search__input")
    page.fill(".md-search__input", "walked on the Moon on Sunday")
    page.press(".md-search__input", "End")  # Material searches on keyup
    result = page.locator(".md-search-result__item a[href*='timeline/'][href$='#e-moon-1']").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_url("**/timeline/?h=*#e-moon-1")
    assert page.locator("#e-moon-1").is_visible()


def test_screenshots_of_every_page(browser: Any, base: str) -> None:
    paths = {
        "home": "",
        "timeline": "timeline/",
        "timeline-filtered": "timeline/?actor=neil-armstrong",
        "actors": "actors/",
        "actor": "actors/neil-armstrong/",
        "article": "articles/moon/#s-1",
        "review": "review/",
    }
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = context.new_page()
            for name, path in paths.items():
                page.goto(base + path)
                page.wait_for_timeout(150)
                page.screenshot(path=str(shots / f"{name}-{device}-{scheme}.png"))
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"], f"{name} scrolls sideways on {device}: {width}px"
            context.close()


def test_5000_events_filter_fast(browser: Any, tmp_path: Path) -> None:
    project = tmp_path / "big"
    counts = synthetic_content(project / "content", 5000)
    site = build_site(project)
    with serve(site, "/repo/") as base:
        figures = measure_filter(browser, base + "timeline/", ARTIFACTS / "screenshots" / "timeline-5000.png")
    figures["timeline_html_bytes"] = (site / "timeline/index.html").stat().st_size
    figures["search_index_bytes"] = (site / "search/search_index.json").stat().st_size
    figures["events"] = counts["events"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "filter-5000.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\n5,000 events: {json.dumps(figures)}")
    # one entry per happening: two articles may by chance tell the same one
    assert figures["total_events"] == len(load_site_data(project / "content").events) > 4900
    assert 0 < figures["actor_filter"]["visible"] < 5000
    assert figures["actor_filter"]["with_layout_ms"] < FILTER_BOUND_MS
    assert figures["clear_ms"] < FILTER_BOUND_MS


# -- a split timeline: the filters over timeline/index.json ------------------------------------------


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    project = tmp_path_factory.mktemp("split-site")
    synthetic_content(project / "content", 600)  # past 150 events: split by month
    site = build_site(project)
    index = json.loads((site / "timeline" / "index.json").read_text(encoding="utf-8"))
    with serve(site, "/repo/") as url:
        yield url, index


def expected_matches(
    index: dict[str, Any], actors: list[str], match: str, place: str = ""
) -> list[list[Any]]:
    """The index entries the filters should show, newest first, computed here from the index."""
    numbers = {slug: number for number, (_, slug) in enumerate(index["actors"])}
    wanted = {numbers.get(slug, -1) for slug in actors}  # -1: an actor the index does not know
    place_number = next((n for n, (_, slug) in enumerate(index["places"]) if slug == place), None)

    def shown(entry: list[Any]) -> bool:
        found = wanted & set(entry[3])
        if not (found == wanted if match == "all" else found):
            return False
        return not place or place_number in entry[4]

    return [entry for entry in index["events"] if shown(entry)]


def filter_results(page: Any) -> dict[str, Any]:
    """The status line, the counts by period and the titles listed in the results box."""
    return page.evaluate("""() => {
      const box = document.getElementById('tl-results');
      const periods = {};
      for (const link of box.querySelectorAll('p a')) {
        periods[link.textContent] = Number(/\\((\\d+)\\)/.exec(link.nextSibling.textContent)[1]);
      }
      return {status: document.getElementById('tl-status').textContent, periods: periods,
              listed: Array.from(box.querySelectorAll('.tl-result-list a'),
                                 a => a.textContent.split(': ')[1])};
    }""")


def test_actor_filters_over_the_index_count_every_period(browser: Any, split_site: tuple[str, Any]) -> None:
    base, index = split_site
    total = len(index["events"])
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    cases = [
        (["actor-007"], "any", ""),
        (["actor-007", "actor-011"], "any", ""),
        (["actor-007", "actor-011", "actor-007"], "any", "place-03"),
        (["actor-007", "actor-011"], "all", ""),
        (["actor-007", "nobody"], "any", ""),
        (["actor-007", "nobody"], "all", ""),
    ]
    for actors, match, place in cases:
        query = (
            "&".join(f"actor={slug}" for slug in actors)
            + f"&match={match}"
            + (f"&place={place}" if place else "")
        )
        page.goto(base + "timeline/?" + query)
        page.wait_for_selector("#tl-filters[data-index-ready]", state="attached")
        expected = expected_matches(index, actors, match, place)
        found = filter_results(page)
        periods: dict[str, int] = {}
        for entry in expected:
            label = index["labels"][entry[5]]
            periods[label] = periods.get(label, 0) + 1
        status = f"Showing {len(expected)} of {total} events" if expected else "No events match"
        assert found["status"] == status, (actors, match, place)
        assert found["periods"] == periods, (actors, match, place)
        assert found["listed"] == [entry[6] for entry in expected[:100]], (actors, match, place)
    context.close()


def test_actor_filter_on_a_period_page_shows_its_events_and_counts_the_rest(
    browser: Any, split_site: tuple[str, Any]
) -> None:
    base, index = split_site
    expected = expected_matches(index, ["actor-007", "actor-011"], "any")
    page_number = expected[0][5]
    here = [entry[6] for entry in expected if entry[5] == page_number]
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    period_url = urljoin(base + "timeline/index.json", index["pages"][page_number])
    page.goto(period_url + "?actor=actor-007&actor=actor-011")
    page.wait_for_selector("#tl-filters[data-index-ready]", state="attached")
    assert visible_titles(page) == here
    status = f"Showing {len(expected)} of {len(index['events'])} events ({len(here)} on this page)"
    assert page.text_content("#tl-status") == status
    assert index["labels"][page_number] not in filter_results(page)["periods"]
    page.click("#tl-filters button[type=reset]")
    assert len(visible_titles(page)) == sum(1 for entry in index["events"] if entry[5] == page_number)
    context.close()
