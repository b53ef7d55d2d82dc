"""The pure renderer: grouping, dates at their precision, ordering, escaping, slugs, review page."""

from __future__ import annotations

import datetime as dt
import re

import jinja2
import markdown
import pytest
from site_helpers import make_event

from generator.model import Actor, Article, DateValue, Mention
from generator.registry import ActorRegistry
from generator.site.data import (
    event_anchor,
    format_date,
    last_day,
    newest_first,
    oldest_first,
    prepare,
    unique_slugs,
)
from generator.site.links import Links
from generator.site.pages import (
    TEMPLATES,
    environment,
    escape_attribute,
    escape_text,
    render_pages,
    render_site,
)

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


def to_html(page: str) -> str:
    """The page as MkDocs would render its body (front matter dropped)."""
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS, extension_configs={"toc": {"toc_depth": 3}})


def article(slug: str = "a1", text: str = "One. Two. Three.", title: str = "A title") -> Article:
    return Article(slug, title, dt.date(2025, 7, 21), text, source="Wire")


event = make_event


def registry(*names: str) -> ActorRegistry:
    return ActorRegistry.of(Actor(name, "person") for name in names)


@pytest.mark.parametrize(
    ("iso", "shown"), [("2010", "2010"), ("2025-07", "July 2025"), ("2025-07-02", "2 July 2025")]
)
def test_dates_are_shown_at_their_precision(iso: str, shown: str) -> None:
    assert format_date(DateValue(iso)) == shown


def test_last_day_covers_the_whole_precision() -> None:
    assert last_day(DateValue("2024")) == "2024-12-31"
    assert last_day(DateValue("2024-02")) == "2024-02-29"
    assert last_day(DateValue("2025-02-03")) == "2025-02-03"


def test_timeline_groups_by_year_and_month_newest_first() -> None:
    events = [event(1, "2024"), event(2, "2025-07-02"), event(3, "2025-07"), event(4, "2024-03-01")]
    page = render_site([article()], events, registry("Ann Lee"))["timeline/index.md"]
    headings = re.findall(r"^(#{2,4}) (.+?) \{", page, flags=re.M)
    assert [(len(level), text) for level, text in headings] == [
        (2, "2025"),
        (3, "July 2025"),
        (4, "Event 2"),
        (4, "Event 3"),
        (2, "2024"),
        (3, "March 2024"),
        (4, "Event 4"),
        (3, "Sometime in 2024"),
        (4, "Event 1"),
    ]
    html = to_html(page)
    assert '<time datetime="2025-07">July 2025</time>' in html
    assert '<time datetime="2024">2024</time>' in html
    assert 'id="e-a1-2"' in html and 'id="y-2025"' in html and 'id="m-2025-07"' in html


def test_ordering_keeps_each_month_together() -> None:
    events = [event(1, "2025"), event(2, "2025-01"), event(3, "2025-01-01"), event(4, "2025-01-02")]
    assert [e.id for e in newest_first(events)] == ["a1-4", "a1-3", "a1-2", "a1-1"]
    assert [e.id for e in oldest_first(events)] == ["a1-1", "a1-2", "a1-3", "a1-4"]


def test_event_carries_filter_data_and_links() -> None:
    events = [
        event(
            1, "2025-07", actors=("Ann Lee", "Bo Chen"), places=("Paris",), mentions=(Mention(2, "Three."),)
        )
    ]
    html = to_html(render_site([article()], events, registry("Ann Lee", "Bo Chen"))["timeline/index.md"])
    assert 'data-actors="ann-lee bo-chen"' in html
    assert 'data-places="paris"' in html
    assert 'data-start="2025-07-01"' in html and 'data-end="2025-07-31"' in html
    assert 'href="../actors/bo-chen/"' in html
    assert 'href="../articles/a1/#s-0"' in html and 'href="../articles/a1/#s-2"' in html
    assert "2 sources" in html


def test_hostile_text_renders_as_text() -> None:
    hostile = '<script>alert(1)</script> *x* [y](javascript:alert(1)) {: #z } "q"'
    events = [event(1, "2025", actors=(hostile,), title=hostile, quote=hostile, places=(hostile,))]
    pages = render_site([article(text=hostile + ". Two.", title=hostile)], events, ActorRegistry())
    for path, page in pages.items():
        html = to_html(page)
        assert "<script>" not in html, path
        assert 'href="javascript' not in html, path
        assert "<em>" not in html, path
    timeline = to_html(pages["timeline/index.md"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in timeline


def test_escape_helpers() -> None:
    assert escape_text("a*b") == "a\\*b"
    assert escape_attribute('"<x>"') == "&quot;&lt;x&gt;&quot;"


def test_colliding_slugs_never_merge() -> None:
    slugs = unique_slugs(["Ann Lee", "ann-lee", "Ann  Lee"])
    assert len(set(slugs.values())) == 3
    events = [event(1, "2025", actors=("Ann Lee",)), event(2, "2025", actors=("ann-lee",))]
    pages = render_site([article()], events, ActorRegistry())
    assert {"actors/ann-lee.md", "actors/ann-lee-2.md"} <= set(pages)


def test_event_anchor_is_stable_and_safe() -> None:
    assert event_anchor("1969-apollo-11-2") == "e-1969-apollo-11-2"
    odd = event_anchor('x" onclick="y')
    assert re.fullmatch(r"e-[a-z0-9-]+", odd) and odd == event_anchor('x" onclick="y')


def test_actor_page_lists_facts_and_events_oldest_first() -> None:
    events = [
        event(1, "2025-07-02", actors=("Ann Lee", "Bo Chen")),
        event(2, "2010", actors=("Ann Lee",)),
        event(3, "2020-01", actors=("Ann Lee", "Bo Chen")),
    ]
    page = render_site([article()], events, registry("Ann Lee", "Bo Chen"))["actors/ann-lee.md"]
    html = to_html(page)
    assert "<strong>Events:</strong> 3" in html and "<strong>First:</strong> 2010" in html
    assert "<strong>Last:</strong> 2 July 2025" in html
    assert '<a href="../bo-chen/">Bo Chen</a> (2)' in html
    assert html.index("Event 2") < html.index("Event 3") < html.index("Event 1")
    assert 'href="../../timeline/?actor=ann-lee"' in html
    assert 'href="../../timeline/#e-a1-2"' in html  # each event links to its entry on the timeline


def test_actor_index_is_sorted_by_event_count() -> None:
    events = [event(1, "2025", actors=("Bo Chen",)), event(2, "2025", actors=("Ann Lee", "Bo Chen"))]
    html = to_html(render_site([article()], events, registry("Ann Lee", "Bo Chen"))["actors/index.md"])
    assert html.index(">Bo Chen<") < html.index(">Ann Lee<")
    row = '<td><a href="bo-chen/">Bo Chen</a></td>\n<td>person</td>\n<td style="text-align: right;">2</td>'
    assert row in html


def test_article_anchors_every_sentence_and_links_events() -> None:
    events = [event(1, "2025", sentence=1, quote="Two.")]
    html = to_html(render_site([article()], events, registry("Ann Lee"))["articles/a1.md"])
    assert [int(n) for n in re.findall(r'id="s-(\d+)"', html)] == [0, 1, 2]
    assert 'class="tl-sentence tl-event-sentence" id="s-1"' in html
    assert 'href="../../timeline/#e-a1-1"' in html


def test_review_page_lists_low_confidence_and_unresolved_names() -> None:
    events = [
        event(1, "2025", confidence=0.3, title="Shaky"),
        event(2, "2025", confidence=0.3, title="Checked", reviewed=True),
        event(3, "2025", actors=("Stranger",)),
    ]
    page = render_site([article()], events, registry("Ann Lee"))["review/index.md"]
    assert "Shaky" in page and "Checked" not in page
    assert "Stranger" in page and "not in actors.yml" in page
    assert "search: {exclude: true}" in page


def test_rejected_events_and_aliases() -> None:
    reg = ActorRegistry.of([Actor("Ann Lee", "person", ("Lee",))])
    data = prepare([article()], [event(1, "2025", actors=("Lee",)), event(2, "2025", status="rejected")], reg)
    assert [e.id for e in data.events] == ["a1-1"] and data.events[0].actors == ("Ann Lee",)
    assert data.unresolved == {}


def test_empty_site_renders() -> None:
    pages = render_site([], [], ActorRegistry())
    assert "No events yet" in pages["timeline/index.md"]
    assert set(pages) == {"timeline/index.md", "actors/index.md", "articles/index.md", "review/index.md"}


def test_the_same_happening_told_by_two_articles_is_one_event_with_both_sources() -> None:
    actors = ("Ann Lee", "Bo Chan")
    first = event(1, "2025-07-12", actors, title="Ann Lee meets Bo Chan in Wonsan", confidence=0.9)
    second = event(
        1,
        "2025-07-12",
        actors,
        id="b1-1",
        article="b1",
        title="Ann Lee meets Bo Chan",
        quote="Two.",
        sentence=1,
    )
    other_day = event(2, "2025-07-13", actors, id="b1-2", article="b1", title="Ann Lee meets Bo Chan again")
    pages = render_site(
        [article("a1"), article("b1", title="Second report")], [first, second, other_day], registry(*actors)
    )
    timeline = to_html(pages["timeline/index.md"])
    assert timeline.count('class="tl-title"') == 2  # the meeting once, the next day's meeting apart
    assert "articles/a1/#s-0" in pages["timeline/index.md"]
    assert "articles/b1/#s-1" in pages["timeline/index.md"]
    assert "3 sources" not in timeline and "2 sources" in timeline
    # both articles' sentences link to the one event on the timeline (the more confident one's id)
    assert "timeline/#e-b1-1" in pages["articles/a1.md"]
    assert "timeline/#e-b1-1" in pages["articles/b1.md"]


def test_one_article_telling_two_similar_happenings_keeps_both() -> None:
    actors = ("Ann Lee", "Bo Chan")
    first = event(1, "2025-07-12", actors, title="Ann Lee meets Bo Chan")
    second = event(2, "2025-07-12", actors, title="Ann Lee meets Bo Chan", quote="Two.", sentence=1)
    timeline = to_html(render_site([article("a1")], [first, second], registry(*actors))["timeline/index.md"])
    assert timeline.count('class="tl-title"') == 2


def test_links_follow_the_url_style() -> None:
    data = prepare([article()], [event(1, "2025", actors=("Ann Lee",))], registry("Ann Lee"))
    pages = render_pages(data, Links(directory_urls=False))
    assert 'href="../actors/ann-lee.html"' in pages["timeline/index.md"]
    assert 'href="../articles/a1.html#s-0"' in pages["timeline/index.md"]
    assert 'href="../timeline/index.html#e-a1-1"' in pages["actors/ann-lee.md"]
    assert 'href="ann-lee.html"' in pages["actors/index.md"]


@pytest.mark.parametrize(
    ("page", "target"),
    [
        ("timeline/index.md", "actors/ann-lee.md"),
        ("actors/ann-lee.md", "actors/bo-chen.md"),
        ("actors/ann-lee.md", "actors/ann-lee.md"),
        ("actors/ann-lee.md", "feeds/ann-lee.xml"),
        ("actors/index.md", "actors/ann-lee.md"),
        ("review/index.md", "timeline/index.md"),
        ("index.md", "articles/a1.md"),
        ("articles/a1.md", "index.md"),
        ("timeline/index.md", "events.json"),
    ],
)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_link_is_the_one_mkdocs_writes_for_a_markdown_link(
    page: str, target: str, directory_urls: bool
) -> None:
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    def url(path: str) -> str:
        return File(path, "docs", "site", directory_urls).url

    assert Links(directory_urls=directory_urls).relative(page, target) == get_relative_url(
        url(target), url(page)
    )


def test_an_odd_article_id_stays_inside_its_link() -> None:
    odd = event(1, "2025", article='x" onclick="y', id="x-1")
    html = to_html(render_site([article()], [odd], registry("Ann Lee"))["timeline/index.md"])
    assert 'href="../articles/x%22%20onclick%3D%22y/#s-0"' in html
    assert not re.search(r"<[^>]*\sonclick=", html)


def test_templates_escape_and_refuse_unknown_names() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()
    assert env.from_string("{{ x | md }}").render(x="*a* <b>") == escape_text("*a* <b>")
    assert env.from_string("{{ x }}").render(x="a\x02b\x03c") == "a b c"  # Python-Markdown's placeholders
    heading = '{% from "partials/markdown.md" import heading %}{{ heading(4, text, id=id) }}'
    assert (
        env.from_string(heading).render(text="**x** [y](z)", id="e-1")
        == "#### \\*\\*x\\*\\* \\[y\\]\\(z\\) { #e-1 }"
    )
    with pytest.raises(ValueError, match="not a safe HTML id"):
        env.from_string(heading).render(text="x", id='e-1 onclick="alert(1)"')
    assert {path.name for path in TEMPLATES.glob("*.md")} >= {
        "timeline.md", "actor_index.md", "actor.md", "article_index.md", "article.md", "review.md",
        "timeline_period.md", "actor_period.md",
    }  # fmt: skip
