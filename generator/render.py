"""Rendering: content (articles, events, actors) to pages, {page path: Markdown}.

A pure function that knows nothing of MkDocs: the plugin adds these pages at build time, and
`timeline render --out DIR` writes them for any other generator. Links between pages are
relative Markdown links to `.md` files, which every Markdown site generator resolves. Text from
articles is untrusted: it is escaped for HTML and Markdown, so `<script>` renders as text.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote as url_quote

from .actors import ActorRegistry
from .ingest import slugify
from .model import Actor, Article, DateValue, Event
from .sentences import split_sentences

MONTHS = (
    "January February March April May June July August September October November December"
).split()
LOW_CONFIDENCE = 0.6
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~^=-])")


@dataclass(frozen=True, slots=True)
class SiteData:
    """Everything the pages are made of, with actor names resolved to their canonical form."""

    articles: dict[str, Article]
    events: list[Event]
    actors: dict[str, Actor]
    actor_slugs: dict[str, str]


def escape_text(text: str) -> str:
    """Text safe inside Markdown and HTML: renders exactly as written, never as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=True))


def escape_attribute(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(text, quote=True)


def format_date(date: DateValue) -> str:
    """A date as people read it, at its precision: '2010', 'July 2025', '12 July 2025'."""
    if date.precision == "year":
        return str(date.year)
    month = MONTHS[(date.month or 1) - 1]
    if date.precision == "month":
        return f"{month} {date.year}"
    return f"{int(date.iso[8:10])} {month} {date.year}"


def prepare(articles: Iterable[Article], events: Iterable[Event], registry: ActorRegistry) -> SiteData:
    """Resolve names through the registry (renames and merges apply at once) and drop rejected events."""
    articles_by_slug = {article.slug: article for article in articles}
    resolved = []
    for event in events:
        if event.rejected:
            continue
        names = tuple(dict.fromkeys(registry.lookup(name) or name for name in event.actors))
        resolved.append(_with_actors(event, names))
    actors: dict[str, Actor] = {}
    for event in resolved:
        for name in event.actors:
            actors.setdefault(name, registry.actors.get(name) or Actor(name))
    return SiteData(articles_by_slug, resolved, actors, unique_slugs(actors))


def _with_actors(event: Event, names: tuple[str, ...]) -> Event:
    return replace(event, actors=names) if names != event.actors else event


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """A distinct slug per name; collisions get a numeric suffix in name order, never silently merge."""
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(names, key=str.casefold):
        base = slugify(name)
        slug, number = base, 2
        while slug in used:
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        slugs[name] = slug
    return slugs


def render_site(articles: Iterable[Article], events: Iterable[Event], registry: ActorRegistry) -> dict[str, str]:
    """Every generated page: {path relative to the docs root: Markdown}."""
    data = prepare(articles, events, registry)
    pages = {
        "timeline/index.md": render_timeline(data),
        "actors/index.md": render_actor_index(data),
        "articles/index.md": render_article_index(data),
    }
    for name in data.actors:
        pages[f"actors/{data.actor_slugs[name]}.md"] = render_actor(data, name)
    for slug in data.articles:
        pages[f"articles/{slug}.md"] = render_article(data, slug)
    return pages


def _newest_first(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda event: (event.date.first_day(), event.date.precision == "day", event.id), reverse=True)


def _oldest_first(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda event: (event.date.first_day(), event.date.precision != "day", event.id))


def render_timeline(data: SiteData) -> str:
    """The global timeline: newest first, grouped by year and month."""
    lines = [
        "---",
        "title: Timeline",
        "---",
        "",
        "# Timeline",
        "",
        f"{len(data.events)} events from {len(data.articles)} articles, newest first.",
        "",
    ]
    lines += _grouped_events(data, _newest_first(data.events), prefix="..")
    if not data.events:
        lines.append("No events yet: add articles to `content/articles/` and run `timeline extract`.")
    return "\n".join(lines) + "\n"


def _grouped_events(data: SiteData, events: Sequence[Event], prefix: str, anchors: bool = True) -> list[str]:
    lines: list[str] = []
    year = month = None
    for event in events:
        if event.date.year != year:
            year, month = event.date.year, None
            lines += [f"## {year}", ""]
        event_month = event.date.month if event.date.precision != "year" else 0
        if event_month != month:
            month = event_month
            heading = f"{MONTHS[month - 1]} {year}" if month else f"{year}, month unknown"
            lines += [f"### {heading}", ""]
        lines += _event_block(data, event, prefix, anchors)
    return lines


def _event_block(data: SiteData, event: Event, prefix: str, anchor: bool) -> list[str]:
    identifier = f" #e-{event.id}" if anchor else ""
    classes = ".tl-event" + (" .tl-low-confidence" if event.confidence < LOW_CONFIDENCE else "")
    actor_links = " ".join(
        f"[{escape_text(name)}]({prefix}/actors/{data.actor_slugs[name]}.md){{ .tl-actor }}" for name in event.actors
    )
    places = ", ".join(escape_text(place) for place in event.places)
    meta = [part for part in (actor_links, f"in {places}" if places else "") if part]
    sources = [event.sentence, *(mention.sentence for mention in event.mentions)]
    source_links = " ".join(
        f"[{'source' if number == 0 else number + 1}]({prefix}/articles/{event.article}.md#s-{sentence})"
        + "{ .tl-source }"
        for number, sentence in enumerate(sources)
    )
    article = data.articles.get(event.article)
    outlet = escape_text(article.source or article.title) if article else escape_text(event.article)
    return [
        f"#### {escape_text(event.title)} {{{identifier} {classes} }}",
        "",
        f'<time datetime="{event.date.iso}" class="tl-date">{format_date(event.date)}</time>'
        f' <span class="tl-date-source">({event.date_source})</span>',
        "",
        *([" · ".join(meta), ""] if meta else []),
        f"> {escape_text(event.quote)}",
        ">",
        f"> — {outlet}: {source_links}",
        "",
    ]


def render_actor_index(data: SiteData) -> str:
    """All actors, most events first, with their counts."""
    counts = Counter(name for event in data.events for name in event.actors)
    lines = ["---", "title: Actors", "---", "", "# Actors", "", "| Actor | Kind | Events |", "| --- | --- | ---: |"]
    for name in sorted(data.actors, key=lambda name: (-counts[name], name.casefold())):
        actor = data.actors[name]
        lines.append(f"| [{escape_text(name)}]({data.actor_slugs[name]}.md) | {actor.kind} | {counts[name]} |")
    if not data.actors:
        lines.append("| (no actors yet) | | |")
    return "\n".join(lines) + "\n"


def render_actor(data: SiteData, name: str) -> str:
    """One actor: who, aliases, first and last appearance, frequent co-actors, and their timeline."""
    actor = data.actors[name]
    events = _oldest_first(event for event in data.events if name in event.actors)
    together = Counter(other for event in events for other in event.actors if other != name)
    lines = ["---", f"title: {_yaml_string(name)}", "---", "", f"# {escape_text(name)}", ""]
    lines.append(f"**Kind:** {actor.kind}  ")
    if actor.aliases:
        lines.append(f"**Also named:** {', '.join(escape_text(alias) for alias in actor.aliases)}  ")
    if events:
        lines.append(
            f"**Events:** {len(events)}, from {format_date(events[0].date)} to {format_date(events[-1].date)}  "
        )
    if together:
        links = ", ".join(
            f"[{escape_text(other)}]({data.actor_slugs[other]}.md) ({count})" for other, count in together.most_common(8)
        )
        lines.append(f"**Appears with:** {links}")
    lines += ["", "## Timeline", "", *_flat_events(data, events)]
    return "\n".join(lines) + "\n"


def _flat_events(data: SiteData, events: Sequence[Event]) -> list[str]:
    lines: list[str] = []
    for event in events:
        lines += _event_block(data, event, prefix="..", anchor=False)
    return lines


def render_article_index(data: SiteData) -> str:
    """All articles, newest first."""
    counts = Counter(event.article for event in data.events)
    lines = ["---", "title: Articles", "---", "", "# Articles", "", "| Published | Article | Outlet | Events |"]
    lines.append("| --- | --- | --- | ---: |")
    for article in sorted(data.articles.values(), key=lambda a: (a.published, a.slug), reverse=True):
        lines.append(
            f"| {article.published.isoformat()} | [{escape_text(article.title)}]({article.slug}.md) | "
            f"{escape_text(article.source or '')} | {counts[article.slug]} |"
        )
    return "\n".join(lines) + "\n"


def render_article(data: SiteData, slug: str) -> str:
    """One article: metadata, its events, and the full text with every sentence anchored."""
    article = data.articles[slug]
    events = sorted((event for event in data.events if event.article == slug), key=lambda event: event.sentence)
    marks: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        for sentence in (event.sentence, *(mention.sentence for mention in event.mentions)):
            marks[sentence].append(event)
    lines = ["---", f"title: {_yaml_string(article.title)}", "---", "", f"# {escape_text(article.title)}", ""]
    meta = [f"**Published:** {format_date(DateValue.of(article.published))}"]
    if article.source:
        meta.append(f"**Outlet:** {escape_text(article.source)}")
    if article.url and re.match(r"https?://", article.url):
        meta.append(f"[Original article]({url_quote(article.url, safe=':/?#[]@!$&()*+,;=%-._~')})")
    lines += [" · ".join(meta), ""]
    if events:
        lines += ["## Events", ""]
        for event in events:
            lines.append(
                f"- [{format_date(event.date)}: {escape_text(event.title)}](#s-{event.sentence}) "
                f"([on the timeline](../timeline/index.md#e-{event.id}))"
            )
        lines.append("")
    lines += ["## Text", "", *_article_text(article, marks)]
    return "\n".join(lines) + "\n"


def _article_text(article: Article, marks: dict[int, list[Event]]) -> list[str]:
    paragraphs: dict[int, list[str]] = defaultdict(list)
    for sentence in split_sentences(article.text):
        paragraph = article.text.count("\n", 0, sentence.start)
        events = marks.get(sentence.index, [])
        css = "tl-sentence tl-event-sentence" if events else "tl-sentence"
        links = "".join(
            f" [↗](../timeline/index.md#e-{event.id} {_markdown_title(event.title)}){{ .tl-event-link }}"
            for event in events
        )
        paragraphs[paragraph].append(
            f'<span class="{css}" id="s-{sentence.index}">{escape_text(sentence.text)}</span>{links}'
        )
    return [" ".join(parts) + "\n" for _, parts in sorted(paragraphs.items())]


def _markdown_title(text: str) -> str:
    return '"' + escape_attribute(text).replace("\\", "") + '"'


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
