"""The site at size: no page grows with the archive, the filters' index holds every event, and
events of one article on one day keep the article's order."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
import sys
from pathlib import Path

import pytest
from site_helpers import REPO, build_site, make_event

from generator.model import Actor, Article, DateValue
from generator.registry import ActorRegistry
from generator.site.data import PAGE_EVENTS, SiteData, newest_first, oldest_first, prepare, split_periods
from generator.site.exports import export_files, timeline_index
from generator.site.links import Links
from generator.site.pages import INDEX_ROWS, render_pages

MAX_MARKDOWN = 400_000  # Material adds some 40 KB of navigation and head to a page's HTML: < 500 KB


@pytest.fixture(scope="module")
def big() -> SiteData:
    """20,000 events in memory (as synthetic_content writes them; parsing 20,000 YAML events is slow)."""
    rng = random.Random(7)
    names = [f"Actor {number:03d}" for number in range(200)]
    places = [f"Place {number:02d}" for number in range(40)]
    articles, events = [], []
    for number in range(200):
        published = dt.date(1990, 1, 1) + dt.timedelta(days=90 * number)
        slug = f"a{number:04d}"
        articles.append(Article(slug, f"Report {number}", published, "One."))
        for index in range(100):
            who = tuple(rng.sample(names, 2))
            date = DateValue(published.isoformat()[: rng.choice((10, 10, 10, 7, 4))])
            events.append(
                make_event(
                    index, date.iso, who, id=f"{slug}-{index + 1}", article=slug, sentence=index,
                    title=f"{who[0]} met {who[1]}", places=(rng.choice(places),),
                    confidence=round(rng.uniform(0.4, 1.0), 2),
                )
            )  # fmt: skip
    registry = ActorRegistry.of(Actor(name) for name in names)
    return prepare(articles, events, registry)


def test_no_page_of_20000_events_is_big(big: SiteData) -> None:
    pages = {**render_pages(big), **export_files(big)}
    sizes = {path: len(text.encode()) for path, text in pages.items() if path.endswith(".md")}
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] < MAX_MARKDOWN, (largest, sizes[largest])
    periods = [path for path in pages if path.startswith("timeline/") and path != "timeline/index.md"]
    assert len(periods) > 10 and "timeline/index.json" in pages
    busy = [path for path in pages if path.startswith("actors/") and path.count("/") == 2]
    assert busy, "a busy actor's timeline is on pages of its own"
    assert "review/2.md" in pages


def test_the_index_round_trips_every_event(big: SiteData) -> None:
    data = big
    index = json.loads(timeline_index(data, Links().for_data(data)))
    assert len(index["events"]) == len(data.events)
    pages = render_pages(data)
    by_anchor = {entry[0]: entry for entry in index["events"]}
    for event in newest_first(data.events):
        anchor, start, end, actors, places, page, title = by_anchor[f"e-{event.id}"]
        assert (start, title) == (event.date.first_day().isoformat(), event.title)
        assert end >= start
        assert [index["actors"][n][0] for n in actors] == list(event.actors)
        assert [index["places"][n][0] for n in places] == list(event.places)
        # the page it names holds it
        path = "timeline/" + index["pages"][page].rstrip("/") + ".md"
        assert f"#{anchor} " in pages[path] or f"#{anchor} }}" in pages[path]


def test_periods_split_a_busy_year_by_month_then_in_parts() -> None:
    events = [make_event(n, "2020-03-01", sentence=n) for n in range(2 * PAGE_EVENTS + 1)]
    events += [make_event(1000 + n, "2019-05-02") for n in range(3)]
    periods = split_periods(oldest_first(events))
    assert [period.key for period in periods] == ["2019", "2020-03-1", "2020-03-2", "2020-03-3"]
    assert sum(len(period.events) for period in periods) == len(events)


def test_within_a_day_the_article_order_is_kept() -> None:
    events = [make_event(n, "2025-07-02", sentence=n) for n in (1, 2, 3, 10, 11)]
    events.append(make_event(20, "2025-07-03", sentence=0))
    article = Article("a1", "A title", dt.date(2025, 7, 4), "One.")
    data = prepare([article], events, ActorRegistry())
    newest = [event.id for event in newest_first(data.events)]
    assert newest == ["a1-20", "a1-1", "a1-2", "a1-3", "a1-10", "a1-11"]
    assert [event.id for event in oldest_first(data.events)] == [
        "a1-1",
        "a1-2",
        "a1-3",
        "a1-10",
        "a1-11",
        "a1-20",
    ]
    page = render_pages(data)["timeline/index.md"]
    assert [page.index(f"#e-a1-{n} ") for n in (1, 2, 3, 10, 11)] == sorted(
        page.index(f"#e-a1-{n} ") for n in (1, 2, 3, 10, 11)
    )


def test_rejected_events_are_counted_on_the_timeline_and_listed_for_review() -> None:
    events = [make_event(1, "2025-01-02"), make_event(2, "2025-01-03", status="rejected")]
    article = Article("a1", "A title", dt.date(2025, 7, 4), "One.")
    pages = render_pages(prepare([article], events, ActorRegistry()))
    assert "content/events holds 2 events:" in pages["timeline/index.md"]
    assert "1 rejected" in pages["timeline/index.md"]
    assert "Rejected events \\(1\\)" in pages["review/index.md"] and "a1-2" in pages["review/index.md"]


@pytest.mark.slow
def test_a_built_archive_has_no_page_over_500_kb_and_its_indexes_split(tmp_path: Path) -> None:
    """A real strict build (links checked) of 520 generated articles: 2,600 events, long-tailed
    actors (the busiest in some 500 events), over 500 actors and 500 articles."""
    sys.path.insert(0, str(REPO / "bench"))
    from site_content import generate

    counts = generate(tmp_path / "content", 520)
    assert counts["actors"] > INDEX_ROWS
    site = build_site(tmp_path)
    sizes = {path: path.stat().st_size for path in site.rglob("*.html")}
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] < 500 * 1024, (largest, sizes[largest])
    by_initial = sorted((site / "actors" / "names").glob("*/index.html"))
    by_year = sorted((site / "articles" / "published").glob("*/index.html"))
    assert len(by_initial) > 5 and len(by_year) > 5
    linked = [
        href
        for page in by_initial
        for href in re.findall(r'<td><a href="\.\./\.\./([^"]+)/">', page.read_text(encoding="utf-8"))
    ]
    assert len(linked) == len(set(linked)) == counts["actors"]  # every actor on one page by initial
    assert all((site / "actors" / slug / "index.html").is_file() for slug in linked)
    articles = sum(page.read_text(encoding="utf-8").count("<tr>") - 1 for page in by_year)
    assert articles == counts["articles"]


def _archive(articles: int, seed: int = 3) -> SiteData:
    """`articles` articles of five events in memory, actors long-tailed (Zipf weights), as
    bench/site_content.py writes them."""
    rng = random.Random(seed)
    names = [f"Actor {number:05d}" for number in range(int(1.5 * articles))]
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(names) + 1)))
    stories, events = [], []
    for number in range(articles):
        published = dt.date(1990, 1, 1) + dt.timedelta(days=35 * 365 * number // articles)
        slug = f"n{number:05d}"
        stories.append(Article(slug, f"Report {number}", published, "One."))
        for index in range(5):
            who = tuple(dict.fromkeys(rng.choices(names, cum_weights=weights, k=2)))
            events.append(
                make_event(
                    index, published.isoformat(), who, id=f"{slug}-{index + 1}", article=slug,
                    sentence=index, title=f"{' and '.join(who)} met", confidence=rng.uniform(0.4, 1.0),
                )
            )  # fmt: skip
    used = {name for event in events for name in event.actors}
    return prepare(stories, events, ActorRegistry.of(Actor(name) for name in names if name in used))


@pytest.mark.slow
def test_pages_and_their_sizes_grow_no_faster_than_the_archive() -> None:
    figures = {}
    for articles in (500, 2000):
        data = _archive(articles)
        pages = {**render_pages(data), **export_files(data)}
        markdown = [len(text.encode()) for path, text in pages.items() if path.endswith(".md")]
        figures[articles] = (len(pages), sum(len(text.encode()) for text in pages.values()), max(markdown))
    (small_pages, small_bytes, small_largest), (pages, size, largest) = figures[500], figures[2000]
    assert pages / small_pages < 4 * 1.1, figures  # four times the articles
    assert size / small_bytes < 4 * 1.1, figures
    assert largest < max(1.2 * small_largest, MAX_MARKDOWN / 2), figures
