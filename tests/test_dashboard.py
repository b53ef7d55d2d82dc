"""The home page's dashboard (generator/site/dashboard.py): figures, date span, latest events and
articles, most active actors, an empty content folder; and the built home page, with the
hand-written text of content/pages/index.md above the dashboard (MkDocs and `timeline render`)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
from click.testing import CliRunner
from site_helpers import build_site, make_event
from test_site_build import small_content

from generator.cli.main import main
from generator.model import Article
from generator.registry import ActorRegistry
from generator.site.build import load_site_data
from generator.site.dashboard import (
    home_page,
    latest_articles,
    latest_events,
    most_active_actors,
    render_dashboard,
    summarize,
)
from generator.site.data import SiteData, prepare
from generator.site.links import Links

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]
HAND = "# Our timeline\n\nA hand-written introduction.\n"


def article(slug: str, published: str, retrieved: str | None = None) -> Article:
    return Article(
        slug, f"Title of {slug}", dt.date.fromisoformat(published), "One. Two.", retrieved=retrieved
    )


def site_data() -> SiteData:
    events = [
        make_event(1, "1969-07-20", ("Neil Armstrong", "Buzz Aldrin"), title="Moon landing"),
        make_event(2, "1969", ("Neil Armstrong",), title="A year of Apollo", sentence=1),
        make_event(3, "1957-10-04", ("Soviet Union",), title="Sputnik", sentence=2, confidence=0.3),
        make_event(4, "1975-07", ("Neil Armstrong",), title="Rejected one", sentence=3, status="rejected"),
        make_event(5, "1961-04-12", ("Yuri Gagarin", "Soviet Union"), title="Gagarin", sentence=4),
    ]
    articles = [
        article("a1", "1975-07-18"),
        article("a2", "1957-10-05", retrieved="2024-03-04T08:15:02Z"),
        article("a3", "1969-07-21"),
    ]
    return prepare(articles, events, ActorRegistry())


def test_the_figures_count_what_the_site_shows() -> None:
    summary = summarize(site_data())
    assert (summary.events, summary.articles, summary.actors) == (4, 3, 4)
    assert (summary.to_review, summary.rejected) == (1, 1)  # Sputnik's 0.3; the rejected event


def test_the_date_span_runs_from_the_first_day_to_where_the_last_date_ends() -> None:
    summary = summarize(site_data())
    assert summary.first is not None and summary.last is not None
    assert (summary.first.iso, summary.last.iso) == ("1957-10-04", "1969")  # 1969 ends after 20 July
    dashboard = render_dashboard(site_data())
    assert 'from <time datetime="1957-10-04">4 October 1957</time> to <time datetime="1969">1969</time>' in (
        dashboard
    )


def test_the_most_active_actors_come_first_with_their_counts_ties_by_name() -> None:
    assert most_active_actors(site_data()) == [
        ("Neil Armstrong", 2),
        ("Soviet Union", 2),
        ("Buzz Aldrin", 1),
        ("Yuri Gagarin", 1),
    ]
    assert most_active_actors(site_data(), limit=1) == [("Neil Armstrong", 2)]
    html = markdown.markdown(render_dashboard(site_data()), extensions=EXTENSIONS)
    assert '<a href="actors/neil-armstrong/">Neil Armstrong</a> (2 events)' in html


def test_the_latest_events_are_the_newest_by_date_and_link_their_entries() -> None:
    data = site_data()
    assert [event.title for event in latest_events(data)] == [
        "Moon landing",
        "A year of Apollo",
        "Gagarin",
        "Sputnik",
    ]
    assert [event.title for event in latest_events(data, limit=2)] == ["Moon landing", "A year of Apollo"]
    html = markdown.markdown(render_dashboard(data), extensions=EXTENSIONS)
    assert '<a href="timeline/#e-a1-1">Moon landing</a>' in html
    assert html.index("Moon landing") < html.index("Gagarin") < html.index("Sputnik")


def test_the_latest_articles_are_the_last_added_else_the_last_published() -> None:
    # a2 was fetched by `timeline add` in 2024: added after any publication date of the others
    assert [article.slug for article in latest_articles(site_data())] == ["a2", "a1", "a3"]


def test_the_dashboard_links_review_the_exports_and_the_story_view() -> None:
    html = markdown.markdown(render_dashboard(site_data()), extensions=EXTENSIONS)
    hrefs = set(re.findall(r'href="([^"]*)"', html))
    wanted = {"review/", "review/#rejected", "events.json", "events.csv", "events.ics", "feed.xml", "story/"}
    assert wanted <= hrefs
    assert "timeline add URL" in html and "make serve" in html and "content/articles/" in html


def test_the_dashboard_links_follow_the_url_style() -> None:
    dashboard = render_dashboard(site_data(), Links(directory_urls=False))
    assert 'href="timeline/index.html#e-a1-1"' in dashboard
    assert 'href="review/index.html"' in dashboard


def test_an_empty_content_folder_gives_zeros_and_how_to_add_an_article() -> None:
    data = prepare([], [], ActorRegistry())
    summary = summarize(data)
    assert (summary.events, summary.articles, summary.actors, summary.first) == (0, 0, 0, None)
    html = markdown.markdown(render_dashboard(data), extensions=EXTENSIONS)
    assert "No events yet" in html
    assert "Latest events" not in html and "Most active actors" not in html
    assert "How to add an article" in html


def test_hostile_names_and_titles_stay_text() -> None:
    hostile = "<script>alert(1)</script> *x* [y](javascript:alert(1))"
    data = prepare(
        [article("a1", "2025-01-01")],
        [make_event(1, "2025", (hostile,), title=hostile)],
        ActorRegistry(),
    )
    html = markdown.markdown(render_dashboard(data), extensions=EXTENSIONS)
    assert "<script>" not in html and 'href="javascript' not in html and "<em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_home_page_is_the_hand_written_text_then_the_dashboard() -> None:
    page = home_page(HAND, "<div>dashboard</div>\n")
    assert page == "# Our timeline\n\nA hand-written introduction.\n\n<div>dashboard</div>\n"
    assert home_page("  \n", "<div>dashboard</div>").startswith("# News Timeline\n\n<div>dashboard</div>")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_built_home_page_has_the_hand_text_above_the_dashboard(tmp_path: Path) -> None:
    small_content(tmp_path / "content")
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "content" / "pages" / "index.md").write_text(HAND, encoding="utf-8")
    site = build_site(tmp_path)
    html = (site / "index.html").read_text(encoding="utf-8")
    text = _text(html[html.index('<article class="md-content__inner') :])
    assert "Our timeline A hand-written introduction." in text
    assert text.index("A hand-written introduction.") < text.index("At a glance")
    shown = len(load_site_data(tmp_path / "content").events)
    assert f"<strong>{shown}</strong> events" in html
    assert 'href="review/"' in html and 'href="events.csv"' in html
    assert 'id="latest-events"' in html  # a heading of the table of contents


def test_render_out_writes_the_home_page_with_its_dashboard(tmp_path: Path) -> None:
    content = tmp_path / "content"
    small_content(content)
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "index.md").write_text(HAND, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "--content", str(content), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    home = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert home.startswith(HAND.strip())
    assert home.index("A hand-written introduction.") < home.index("At a glance")
    assert (tmp_path / "out" / "embed" / "index.html").is_file()
