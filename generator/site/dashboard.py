"""The home page's dashboard: what content/ holds, generated from the site data, below the
hand-written text of `content/pages/index.md`.

Pure functions, no MkDocs: the plugin appends the dashboard to the home page's Markdown
(`on_page_markdown`), `timeline render --out` writes the two together as `index.md`. The Markdown
comes from templates/dashboard.md, with autoescape on like every page (generator/site/pages.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Article, DateValue, Event
from generator.site.data import (
    SiteData,
    event_counts,
    last_day,
    most_frequent_actors,
    needs_review,
    newest_first,
)
from generator.site.links import Links
from generator.site.pages import Site

HOME = "index.md"
LATEST = 10  # events, articles and actors each list at most this many
DEFAULT_HEADING = "# News Timeline"


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures at the top of the dashboard."""

    events: int
    articles: int
    actors: int
    to_review: int
    rejected: int
    first: DateValue | None  # the date span of the events, None without events
    last: DateValue | None


def summarize(data: SiteData) -> Summary:
    """How many events, articles and actors, how many to review or rejected, and the date span."""
    oldest = min((event.date for event in data.events), key=lambda date: date.first_day(), default=None)
    newest = max((event.date for event in data.events), key=_last_day_order, default=None)
    return Summary(
        events=len(data.events),
        articles=len(data.articles),
        actors=len(data.actors),
        to_review=sum(1 for event in data.events if needs_review(event)),
        rejected=len(data.rejected),
        first=oldest,
        last=newest,
    )


def _last_day_order(date: DateValue) -> tuple[str, int]:
    # the span ends where its last date ends: '1969' (31 December) after '1969-07-20'
    return (last_day(date), len(date.iso))


def latest_events(data: SiteData, limit: int = LATEST) -> list[Event]:
    """The most recent events by date, newest first."""
    return newest_first(data.events)[:limit]


def latest_articles(data: SiteData, limit: int = LATEST) -> list[Article]:
    """The articles added last: by when `timeline add` fetched them, else by publication date."""
    return sorted(data.articles.values(), key=_added, reverse=True)[:limit]


def _added(article: Article) -> tuple[str, str]:
    # an ISO timestamp and an ISO date compare as text: '2024-03-04T08:15:02Z' > '2024-03-03'
    return (article.retrieved or article.published.isoformat(), article.slug)


def most_active_actors(data: SiteData, limit: int = LATEST) -> list[tuple[str, int]]:
    """The actors with the most events, with their counts; ties by name."""
    counts = event_counts(data.events)
    return [(name, counts[name]) for name in most_frequent_actors(data)[:limit]]


def render_dashboard(data: SiteData, links: Links | None = None) -> str:
    """The dashboard of the home page (Markdown with HTML), from the site data."""
    site = Site(data, links)
    return site.render(
        "dashboard.md",
        HOME,
        summary=summarize(data),
        events=latest_events(data),
        articles=latest_articles(data),
        actors=most_active_actors(data),
    )


def home_page(hand_written: str, dashboard: str) -> str:
    """The home page: the hand-written Markdown (a default heading when there is none), then the dashboard."""
    text = hand_written.strip() or DEFAULT_HEADING
    return f"{text}\n\n{dashboard.strip()}\n"
