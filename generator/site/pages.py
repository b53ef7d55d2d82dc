"""Rendering: site data to pages, {page path: Markdown}, through the Jinja2 templates beside this file.

A pure function that knows nothing of MkDocs: the plugin adds these pages at build time, and
`timeline render --out DIR` writes them for any other generator. The pages are HTML inside a
Markdown document: Markdown only carries the front matter (the page title) and the headings (the
table of contents and search sections), everything else is HTML written by templates with
autoescape on. Text from articles is untrusted, and every `{{ value }}` is escaped for HTML by
construction; a heading's text passes the `md` filter in the heading macro, which escapes it for
Markdown as well, so `<script>` and `[x](javascript:...)` render as text.

Links between pages are relative URLs in the site's URL style (`../actors/ann-lee/`), as MkDocs
writes a Markdown link. The pages use two Python-Markdown extensions beyond CommonMark:
`attr_list` (the ids and classes of headings) and `md_in_html` (the timeline's year, month and
event containers, which hold headings and carry the data-attributes the filters in
theme_overrides/assets/timeline.js read).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator.model import Article, DateValue, Event
from generator.registry import ActorRegistry
from generator.site.data import (
    PAGE_EVENTS,
    Card,
    Period,
    SiteData,
    appearances,
    articles_newest_first,
    by_year_and_month,
    co_actors,
    event_anchor,
    event_card,
    event_counts,
    events_by_actor,
    events_by_article,
    events_by_sentence,
    format_date,
    most_frequent_actors,
    needs_review,
    newest_first,
    paragraphs,
    places_by_name,
    prepare,
    review_events,
    split_periods,
    timeline_anchor,
)
from generator.site.links import Links

TEMPLATES = Path(__file__).resolve().parent / "templates"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # kept: tab, line feed, carriage return
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
_HTML_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_WEB_URL = re.compile(r"https?://", re.IGNORECASE)
_URL_SAFE = ":/?#[]@!$&()*+,;=%-._~"


# -- escaping -------------------------------------------------------------------------------------


def escape_text(text: str) -> str:
    """Text safe inside Markdown and HTML, on one line: renders exactly as written, never as markup."""
    # A line break would end a heading and a leading indent start code; control characters are
    # dropped (Python-Markdown uses \x02 and \x03 as its own placeholders).
    one_line = " ".join(_CONTROL.sub(" ", text).split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=True))
    return _LEADING_NUMBER.sub(r"\1\\\2", escaped)  # "1957. ..." is not an ordered list


def escape_attribute(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(text, quote=True)


def _markdown(value: object) -> Markup:
    """The `md` filter: text for a Markdown context (a heading), escaped for Markdown and HTML."""
    return Markup(escape_text(str(value)))


def _yaml(value: object) -> Markup:
    """The `yaml` filter: a front matter string. Material writes the page title into <title> and the
    header unescaped, so it is HTML: escaped, then quoted (a JSON string is a YAML scalar)."""
    return Markup(json.dumps(escape_attribute(str(value))))


def _html_id(value: object) -> str:
    """The `html_id` filter: an id or class for attr_list (`{ #id .class }`), which would read
    anything else as more attributes; the ids here are made safe (event_anchor), so this is a bug."""
    text = str(value)
    if not _HTML_ID.fullmatch(text):
        raise ValueError(f"not a safe HTML id or class: {text!r}")
    return text


def _printable(value: Any) -> Any:
    """Every `{{ value }}` of text loses its control characters (\\x02 and \\x03 are Python-Markdown's
    placeholders) before autoescape escapes it."""
    if type(value) is str and not value.isprintable():
        return _INVISIBLE.sub(" ", value)
    return value


def _web_url(url: str | None) -> str:
    """An article's address if it is a web URL, with every character that is not URL syntax
    percent-encoded; '' for anything else (no `javascript:`)."""
    url = (url or "").strip()
    return quote(url, safe=_URL_SAFE) if _WEB_URL.match(url) else ""


def _date(value: DateValue | dt.date) -> str:
    """The `date` filter: a date as people read it, at its precision."""
    return format_date(value if isinstance(value, DateValue) else DateValue.of(value))


def _href(target: str, page: Page, fragment: str = "", query: str = "") -> str:
    """The `href` filter: the URL of page or file `target` ('actors/ann-lee.md') from `page`."""
    return page.url(target, fragment, query)


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@functools.cache
def environment() -> jinja2.Environment:
    """The templates, with autoescape on and every variable required (StrictUndefined)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_printable,
        auto_reload=False,
    )
    env.filters.update(md=_markdown, yaml=_yaml, html_id=_html_id, date=_date, href=_href, plural=_plural)
    env.globals.update(event_anchor=event_anchor, timeline_anchor=timeline_anchor)
    return env


class Site:
    """One render of the site: the data, the URL style, and what its pages share (each event's card
    data, and the markup of an event off the timeline, the same on every actor page)."""

    def __init__(self, data: SiteData, links: Links | None = None) -> None:
        self.data = data
        self.links = (links or Links()).for_data(data)
        self._cards: dict[str, Card] = {}
        self._markup: dict[tuple[str, str], Markup] = {}
        module: Any = environment().get_template("partials/event.html").module
        self._event_card: Callable[[Card, Page, bool], Markup] = module.event_card

    @functools.cached_property
    def by_actor(self) -> dict[str, list[Event]]:
        return events_by_actor(self.data)

    @functools.cached_property
    def by_article(self) -> dict[str, list[Event]]:
        return events_by_article(self.data)

    def render(self, template: str, path: str, **values: Any) -> str:
        """The page at `path` (from the docs root) from its template."""
        page = Page(self, path)
        return environment().get_template(template).render(page=page, data=self.data, **values)

    def card(self, event: Event) -> Card:
        """What the entry of `event` shows, worked out once for every page it is on."""
        card = self._cards.get(event.id)
        if card is None:
            card = self._cards[event.id] = event_card(self.data, event)
        return card

    def event(self, page: Page, event: Event, headings: bool) -> Markup:
        """The entry of `event` on `page` (partials/event.html)."""
        render = self._event_card
        if headings:
            return render(self.card(event), page, True)
        # Off the timeline an entry links the same from every page of a folder (the actor pages):
        # it is rendered once, for a page beside them ('-' is no slug).
        folder = page.path.rpartition("/")[0]
        markup = self._markup.get((event.id, folder))
        if markup is None:
            beside = Page(self, f"{folder}/-.md" if folder else "-.md")
            markup = self._markup[event.id, folder] = render(self.card(event), beside, False)
        return markup


@dataclass(frozen=True, slots=True)
class Page:
    """What every template gets as `page`: links relative to this page, and its events' entries."""

    site: Site
    path: str

    def url(self, target: str, fragment: str = "", query: str = "") -> str:
        """The URL of page or file `target` ('actors/ann-lee.md', 'feed.xml') from this page."""
        return self.site.links.relative(self.path, target, fragment, query)

    def event(self, event: Event, headings: bool) -> Markup:
        """The entry of `event` on a timeline (partials/event.html)."""
        return self.site.event(self, event, headings)


# -- pages ----------------------------------------------------------------------------------------


def render_site(
    articles: Iterable[Article], events: Iterable[Event], registry: ActorRegistry
) -> dict[str, str]:
    """Every generated page: {path relative to the docs root: Markdown}."""
    return render_pages(prepare(articles, events, registry))


def render_pages(data: SiteData, links: Links | None = None) -> dict[str, str]:
    """Every generated page of prepared site data: {path relative to the docs root: Markdown}."""
    return {path: text for group in render_page_groups(data, links).values() for path, text in group.items()}


# The groups an edit always renders again: the pages that count or list every event, actor or article.
INDEX_GROUPS = frozenset({"timeline", "actor-index", "article-index", "review"})


def render_page_groups(
    data: SiteData, links: Links | None = None, only: Collection[str] | None = None
) -> dict[str, dict[str, str]]:
    """The generated pages by group, {group: {path: Markdown}}: the timeline's index, each of its
    periods ('timeline/1990'), the actor and article indexes, Needs review, each actor with its
    period pages ('actor/<name>') and each article ('article/<slug>'). `only`: the groups to
    render (None: all), for `mkdocs serve`, which renders again only what an edit touched."""
    site = Site(data, links)
    groups: dict[str, dict[str, str]] = {}

    def wanted(group: str) -> bool:
        return only is None or group in only

    if wanted("timeline"):
        groups["timeline"] = {"timeline/index.md": render_timeline(site)}
    if wanted("actor-index"):
        groups["actor-index"] = render_actor_index(site)
    if wanted("article-index"):
        groups["article-index"] = render_article_index(site)
    if wanted("review"):
        groups["review"] = render_review(site)
    for number, period in enumerate(data.periods):
        if wanted(f"timeline/{period.key}"):
            groups[f"timeline/{period.key}"] = {
                f"timeline/{period.key}.md": render_timeline_period(site, number)
            }
    for name in data.actors:
        if wanted(f"actor/{name}"):
            groups[f"actor/{name}"] = render_actor(site, name)
    for slug in data.articles:
        if wanted(f"article/{slug}"):
            groups[f"article/{slug}"] = {f"articles/{slug}.md": render_article(site, slug)}
    return groups


def render_timeline(site: Site) -> str:
    """The global timeline: newest first, grouped by year and month, with filters and exports; when
    it is split, the periods it is split into, with their counts."""
    data = site.data
    return site.render(
        "timeline.md",
        "timeline/index.md",
        years=[] if data.periods else by_year_and_month(newest_first(data.events)),
        periods=_period_years(data.periods, "timeline"),
        review=sum(1 for event in data.events if needs_review(event)),
        # a split timeline's filters get the names from timeline/index.json when there are many
        actors=most_frequent_actors(data) if not data.periods or len(data.actors) <= DATALIST_ACTORS else [],
        places=places_by_name(data),
    )


DATALIST_ACTORS = 500  # more actor names than this come to the filters from timeline/index.json


def render_timeline_period(site: Site, number: int) -> str:
    """One page of a split timeline, with links to the periods before and after it."""
    data = site.data
    period = data.periods[number]
    path = f"timeline/{period.key}.md"
    newer = data.periods[number - 1] if number else None
    older = data.periods[number + 1] if number + 1 < len(data.periods) else None
    return site.render(
        "timeline_period.md",
        path,
        period=period,
        newer=newer and (f"timeline/{newer.key}.md", newer.label),
        older=older and (f"timeline/{older.key}.md", older.label),
        years=by_year_and_month(period.events),
        actors=[],
        places=places_by_name(data),
    )


class PeriodLink(NamedTuple):
    label: str
    page: str
    events: int


def _period_years(periods: list[Period], folder: str) -> list[tuple[str, int, list[PeriodLink]]]:
    """The periods of a split timeline by year: (year, events, [its pages])."""
    years: dict[str, list[PeriodLink]] = {}
    for period in periods:
        link = PeriodLink(period.label, f"{folder}/{period.key}.md", len(period.events))
        years.setdefault(period.key[:4], []).append(link)
    return [(year, sum(link.events for link in links), links) for year, links in years.items()]


INDEX_ROWS = 500  # the most rows a page of the actor or article index holds
INDEX_TOP = 100  # the most frequent actors, or the newest articles, on the index of a split one


def render_actor_index(site: Site) -> dict[str, str]:
    """All actors, most events first, with their counts and their first and last appearance; past
    INDEX_ROWS actors, the most frequent INDEX_TOP and every actor on pages by initial."""
    data = site.data
    ranked = most_frequent_actors(data)
    values = {"counts": event_counts(data.events), "spans": appearances(data.events), "total": len(ranked)}
    by_name = sorted(data.actors, key=lambda name: (name.casefold(), name))
    return _index_pages(
        site,
        IndexSpec("actor_index.md", ACTOR_INDEX, "Actors", "actors"),
        ranked,
        lambda: _index_groups(by_name, lambda name: _initial(data.actor_slugs[name]), "actors/names"),
        values,
    )


class IndexSpec(NamedTuple):
    template: str
    path: str
    title: str
    rows: str  # the template's name for the rows


def _index_pages(
    site: Site,
    spec: IndexSpec,
    ordered: list[Any],
    groups_of: Callable[[], list[tuple[str, str, list[Any]]]],
    values: dict[str, Any],
) -> dict[str, str]:
    """An index page of `ordered`; past INDEX_ROWS rows, its first INDEX_TOP rows and the pages of
    `groups_of()`, each linked from the others."""
    if len(ordered) <= INDEX_ROWS:
        page = site.render(
            spec.template, spec.path, title=spec.title, sections=[], up=None, **{spec.rows: ordered}, **values
        )
        return {spec.path: page}
    groups = groups_of()
    sections = [PeriodLink(label, path, len(rows)) for path, label, rows in groups]
    pages = {
        spec.path: site.render(
            spec.template, spec.path, title=spec.title, sections=sections, up=None,
            **{spec.rows: ordered[:INDEX_TOP]}, **values,
        )
    }  # fmt: skip
    for path, label, rows in groups:
        pages[path] = site.render(
            spec.template, path, title=f"{spec.title}: {label}", sections=sections, up=spec.path,
            **{spec.rows: rows}, **values,
        )  # fmt: skip
    return pages


ACTOR_INDEX = "actors/index.md"
ARTICLE_INDEX = "articles/index.md"


def _initial(slug: str) -> tuple[str, str]:
    """The key and label of a name's page by initial: ('a', 'A'); digits share one page."""
    first = slug[:1]
    return (first, first.upper()) if first.isalpha() else ("0-9", "0–9")


def _index_groups(
    items: list[Any], group_of: Callable[[Any], tuple[str, str]], folder: str
) -> list[tuple[str, str, list[Any]]]:
    """Ordered items as index pages, (path, label, items): one per group, a group of more than
    INDEX_ROWS in parts ('a', 'a-2', ...; 'A', 'A (2)')."""
    pages: list[tuple[str, str, list[Any]]] = []
    for (key, label), group in groupby(items, key=group_of):
        members = list(group)
        for number, start in enumerate(range(0, len(members), INDEX_ROWS), start=1):
            suffix = (f"-{number}", f" ({number})") if number > 1 else ("", "")
            pages.append(
                (f"{folder}/{key}{suffix[0]}.md", f"{label}{suffix[1]}", members[start : start + INDEX_ROWS])
            )
    return pages


def render_actor(site: Site, name: str) -> dict[str, str]:
    """One actor: kind, aliases, first and last appearance, frequent co-actors, and their timeline;
    a busy actor's timeline on pages of its own (actors/<slug>/<period>.md), linked from theirs."""
    data = site.data
    slug = data.actor_slugs[name]
    events = site.by_actor[name]
    periods = split_periods(events) if len(events) > PAGE_EVENTS else []
    pages = {
        f"actors/{slug}.md": site.render(
            "actor.md",
            f"actors/{slug}.md",
            name=name,
            actor=data.actors[name],
            slug=slug,
            events=events,
            together=co_actors(events, name),
            years=[] if periods else by_year_and_month(events),
            periods=_period_years(periods, f"actors/{slug}"),
        )
    }
    for period in periods:
        path = f"actors/{slug}/{period.key}.md"
        pages[path] = site.render(
            "actor_period.md",
            path,
            name=name,
            slug=slug,
            period=period,
            years=by_year_and_month(period.events),
        )
    return pages


def render_article_index(site: Site) -> dict[str, str]:
    """All articles, newest first; past INDEX_ROWS articles, the newest INDEX_TOP and every
    article on pages by year of publication."""
    data = site.data
    newest = articles_newest_first(data)
    values = {"counts": Counter(event.article for event in data.reported), "total": len(newest)}
    return _index_pages(
        site,
        IndexSpec("article_index.md", ARTICLE_INDEX, "Articles", "articles"),
        newest,
        lambda: _index_groups(
            newest, lambda article: (str(article.published.year),) * 2, "articles/published"
        ),
        values,
    )


def render_article(site: Site, slug: str) -> str:
    """One article: metadata, its events, and the full text with every sentence anchored."""
    article = site.data.articles[slug]
    events = site.by_article.get(slug, [])
    return site.render(
        "article.md",
        f"articles/{slug}.md",
        article=article,
        published=DateValue.of(article.published),
        original=_web_url(article.url),
        events=events,
        marks=events_by_sentence(events),
        paragraphs=paragraphs(article),
    )


REVIEW_ROWS = 300  # low-confidence events per page of Needs review


def render_review(site: Site) -> dict[str, str]:
    """For curators: low-confidence events (REVIEW_ROWS a page, the least confident first),
    rejected events, and actor names the registry does not resolve."""
    data = site.data
    events = review_events(data)
    chunks = [events[start : start + REVIEW_ROWS] for start in range(0, len(events), REVIEW_ROWS)] or [[]]
    more = [(f"review/{number}.md", number) for number in range(2, len(chunks) + 1)]
    pages = {
        "review/index.md": site.render(
            "review.md",
            "review/index.md",
            events=chunks[0],
            total=len(events),
            more=more,
            names=sorted(data.unresolved.items(), key=lambda item: item[0].casefold()),
            counts=event_counts(data.events),
        )
    }
    for (path, number), chunk in zip(more, chunks[1:], strict=True):
        pages[path] = site.render("review_more.md", path, events=chunk, number=number, total=len(events))
    return pages
