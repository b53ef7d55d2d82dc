"""Rendering: content (articles, events, actors) to pages, {page path: Markdown}.

A pure function that knows nothing of MkDocs: the plugin adds these pages at build time, and
`timeline render --out DIR` writes them for any other generator. Links between pages are
relative Markdown links to `.md` files, which every Markdown site generator resolves. Text from
articles is untrusted: it is escaped for HTML and Markdown, so `<script>` renders as text.

The pages use two Python-Markdown extensions beyond CommonMark: `attr_list` (ids and classes) and
`md_in_html` (the timeline's year, month and event containers, which carry the data-attributes
the filters in theme_overrides/assets/timeline.js read).
"""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from urllib.parse import quote as url_quote

from .actors import ActorRegistry
from .ingest import slugify
from .model import Actor, Article, DateValue, Event
from .sentences import split_sentences

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
LOW_CONFIDENCE = 0.6
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
DATE_SOURCE_LABELS = {
    "text": ("date in the text", "The sentence states this date."),
    "context": ("date from context", "Dated from a nearby sentence or an earlier date in the article."),
    "published": ("publication date", "No date in the text: the article's publication date is used."),
}


@dataclass(frozen=True, slots=True)
class SiteData:
    """Everything the pages are made of, with actor names resolved to their canonical form."""

    articles: dict[str, Article]
    events: list[Event]
    actors: dict[str, Actor]
    actor_slugs: dict[str, str]
    place_slugs: dict[str, str] = field(default_factory=dict)
    unresolved: dict[str, str] = field(default_factory=dict)
    # Every article's own events; `events` holds one per happening, told by one or more articles.
    reported: list[Event] = field(default_factory=list)
    also_told_by: dict[str, list[Event]] = field(
        default_factory=dict
    )  # happening id -> other articles' events
    happening_of: dict[str, str] = field(default_factory=dict)  # event id -> the id it is shown under


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


def format_date(date: DateValue) -> str:
    """A date as people read it, at its precision: '2010', 'July 2025', '12 July 2025'."""
    if date.precision == "year":
        return str(date.year)
    month = MONTHS[(date.month or 1) - 1]
    if date.precision == "month":
        return f"{month} {date.year}"
    return f"{int(date.iso[8:10])} {month} {date.year}"


def last_day(date: DateValue) -> str:
    """The ISO day on which a date at its precision ends: '2025' -> '2025-12-31'."""
    if date.precision == "day":
        return date.iso
    month = date.month or 12
    return f"{date.year:04d}-{month:02d}-{calendar.monthrange(date.year, month)[1]:02d}"


def event_anchor(event_id: str) -> str:
    """The stable HTML id of an event on the timeline: 'e-<id>', made safe when the id is not."""
    if _SAFE_ID.fullmatch(event_id):
        return f"e-{event_id}"
    digest = hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:8]
    return f"e-{slugify(event_id)}-{digest}"


def prepare(articles: Iterable[Article], events: Iterable[Event], registry: ActorRegistry) -> SiteData:
    """Resolve names through the registry (renames and merges apply at once) and drop rejected events."""
    articles_by_slug = {article.slug: article for article in articles}
    unresolved = {name: "several known people match this name" for name in registry.review}
    unresolved |= {
        actor.name: actor.note.removeprefix("needs review: ")
        for actor in registry.actors.values()
        if actor.note and actor.note.startswith("needs review")
    }
    resolved = []
    for event in events:
        if event.rejected:
            continue
        names = []
        for name in event.actors:
            known = registry.lookup(name)
            if known is None:
                unresolved.setdefault(name, "not in actors.yml")
            names.append(known or name)
        resolved.append(_with_actors(event, tuple(dict.fromkeys(names))))
    actors: dict[str, Actor] = {}
    for event in resolved:
        for name in event.actors:
            actors.setdefault(name, registry.actors.get(name) or Actor(name))
    places = {place for event in resolved for place in event.places}
    groups = group_same_happenings(resolved)
    happenings = [_with_actors(group[0], _all_actors(group)) for group in groups]
    return SiteData(
        articles_by_slug,
        happenings,
        actors,
        unique_slugs(actors),
        unique_slugs(places),
        unresolved,
        reported=resolved,
        also_told_by={group[0].id: group[1:] for group in groups if len(group) > 1},
        happening_of={event.id: group[0].id for group in groups for event in group},
    )


_TITLE_STOPWORDS = frozenset("a an the of in on at to for with from by and or its his her their".split())


def group_same_happenings(events: Sequence[Event]) -> list[list[Event]]:
    """The same happening told by several articles, as one group (the most confident first).

    Two events of different articles are one happening when they fall on the same date, share
    their actors (two, or all when one has fewer) and their titles share most of their words.
    """
    groups: list[list[Event]] = []
    on_date: dict[DateValue, list[list[Event]]] = {}  # only events of one date can be one happening
    for event in sorted(events, key=lambda e: (-e.confidence, e.article, e.sentence)):
        candidates = on_date.setdefault(event.date, [])
        group = next((group for group in candidates if _same_happening(group[0], event)), None)
        if group is not None and all(other.article != event.article for other in group):
            group.append(event)
        else:
            # a new happening; or one article telling it twice, which is the extractor's business
            groups.append([event])
            candidates.append(groups[-1])
    order = {event.id: index for index, event in enumerate(events)}
    return sorted(groups, key=lambda group: order[group[0].id])


def _same_happening(first: Event, second: Event) -> bool:
    if first.article == second.article or first.date != second.date:
        return False
    shared = set(first.actors) & set(second.actors)
    if not shared or len(shared) < min(2, len(first.actors), len(second.actors)):
        return False
    names = {word for name in (*first.actors, *second.actors) for word in _title_words(name)}
    words = [_title_words(first.title) - names, _title_words(second.title) - names]
    union = words[0] | words[1]
    return bool(union) and len(words[0] & words[1]) / len(union) >= 0.5  # most of what they did


def _title_words(title: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9]+", title.lower()) if word not in _TITLE_STOPWORDS}


def _all_actors(group: Sequence[Event]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for event in group for name in event.actors))


def _with_actors(event: Event, names: tuple[str, ...]) -> Event:
    return replace(event, actors=names) if names != event.actors else event


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """A distinct slug per name; collisions get a numeric suffix in name order, never silently merge."""
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(names, key=lambda name: (name.casefold(), name)):
        base = slugify(name)
        slug, number = base, 2
        while slug in used:
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        slugs[name] = slug
    return slugs


def render_site(
    articles: Iterable[Article], events: Iterable[Event], registry: ActorRegistry
) -> dict[str, str]:
    """Every generated page: {path relative to the docs root: Markdown}."""
    return render_pages(prepare(articles, events, registry))


def render_pages(data: SiteData) -> dict[str, str]:
    """Every generated page of prepared site data: {path relative to the docs root: Markdown}."""
    pages = {
        "timeline/index.md": render_timeline(data),
        "actors/index.md": render_actor_index(data),
        "articles/index.md": render_article_index(data),
        "review/index.md": render_review(data),
    }
    for name in data.actors:
        pages[f"actors/{data.actor_slugs[name]}.md"] = render_actor(data, name)
    for slug in data.articles:
        pages[f"articles/{slug}.md"] = render_article(data, slug)
    return pages


def newest_first(events: Iterable[Event]) -> list[Event]:
    """Events by date, newest first; at the same first day, the more precise date first."""
    return sorted(events, key=_date_key, reverse=True)


def oldest_first(events: Iterable[Event]) -> list[Event]:
    """Events by date, oldest first; at the same first day, the less precise date ('1969') first."""
    return sorted(events, key=_date_key)


def _date_key(event: Event) -> tuple[object, ...]:
    return (event.date.first_day(), _PRECISION_RANK[event.date.precision], event.id)


def needs_review(event: Event) -> bool:
    """Whether a curator should look at an event: low confidence and not yet reviewed."""
    return event.confidence < LOW_CONFIDENCE and not event.reviewed


def _front_matter(title: str, **extra: str) -> list[str]:
    # Material writes the front matter title into <title> and the header unescaped: it is HTML.
    return [
        "---",
        f"title: {_yaml_string(escape_attribute(title))}",
        *(f"{key}: {value}" for key, value in extra.items()),
        "---",
        "",
    ]


# -- the global timeline -----------------------------------------------------------------------


def render_timeline(data: SiteData) -> str:
    """The global timeline: newest first, grouped by year and month, with filters and exports."""
    review = sum(1 for event in data.events if needs_review(event))
    summary = (
        f"{_count(len(data.events), 'event')} from {_count(len(data.articles), 'article')}, newest first."
    )
    if review:
        summary += f" [{_count(review, 'event')} to review](../review/index.md)."
    lines = [*_front_matter("Timeline"), "# Timeline", "", summary, "", *_exports_line(), ""]
    if not data.events:
        lines.append("No events yet: add articles to `content/articles/` and run `timeline extract`.")
        return "\n".join(lines) + "\n"
    lines += [*_filter_form(data), "", *_timeline_body(data, newest_first(data.events), headings=True)]
    return "\n".join(lines) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _exports_line() -> list[str]:
    links = [
        "[TimelineJS JSON](../events.json)",
        "[CSV](../events.csv)",
        "[iCalendar](../events.ics)",
        "[Atom feed](../feed.xml)",
    ]
    return ["Download: " + " · ".join(links), "{: .tl-exports }"]


def _filter_form(data: SiteData) -> list[str]:
    """The filter controls, hidden until timeline.js runs (no dead controls without JavaScript)."""
    counts = Counter(name for event in data.events for name in event.actors)
    actor_options = "".join(
        f'<option value="{escape_attribute(name)}" data-key="{data.actor_slugs[name]}"></option>'
        for name in sorted(data.actors, key=lambda name: (-counts[name], name.casefold()))
    )
    place_options = "".join(
        f'<option value="{slug}">{escape_attribute(place)}</option>'
        for place, slug in sorted(data.place_slugs.items(), key=lambda item: item[0].casefold())
    )
    date_pattern = r"\d{4}(-\d{2}(-\d{2})?)?"
    return [
        '<form class="tl-filters" id="tl-filters" role="search" aria-label="Filter the timeline" hidden'
        f' data-search-exclude data-total="{len(data.events)}">',
        '<div class="tl-field tl-field-wide"><label for="tl-q">Text</label>'
        '<input id="tl-q" name="q" type="search" placeholder="Words in a title, name, place or quote"'
        ' autocomplete="off"></div>',
        '<div class="tl-field tl-field-wide"><label for="tl-actor">Actors</label>'
        '<input id="tl-actor" type="search" list="tl-actor-options" placeholder="Type a name, then pick it"'
        ' autocomplete="off">'
        '<select id="tl-match" name="match" aria-label="How to combine actors">'
        '<option value="any">any of them</option><option value="all">all of them</option></select></div>',
        '<div class="tl-chosen" id="tl-chosen" aria-live="polite"></div>',
        f'<datalist id="tl-actor-options">{actor_options}</datalist>',
        '<div class="tl-field"><label for="tl-place">Place</label><select id="tl-place" name="place">'
        f'<option value="">Anywhere</option>{place_options}</select></div>',
        '<div class="tl-field"><label for="tl-from">From</label><input id="tl-from" name="from"'
        f' placeholder="YYYY or YYYY-MM-DD" pattern="{date_pattern}" inputmode="numeric" size="10"></div>',
        '<div class="tl-field"><label for="tl-to">To</label><input id="tl-to" name="to"'
        f' placeholder="YYYY or YYYY-MM-DD" pattern="{date_pattern}" inputmode="numeric" size="10"></div>',
        '<div class="tl-field tl-field-status">'
        '<output id="tl-status" for="tl-q tl-actor tl-place tl-from tl-to"></output>'
        '<button type="reset" class="md-button">Clear</button></div>',
        "</form>",
    ]


def _timeline_body(data: SiteData, events: Sequence[Event], headings: bool) -> list[str]:
    """Events grouped by year and month in nested containers (headings on the global timeline)."""
    lines = ['<div class="tl-timeline" markdown>', ""]
    for year, year_events in groupby(events, key=lambda event: event.date.year):
        lines += ['<section class="tl-year" markdown>', "", _year_label(year, headings), ""]
        for month, month_events in groupby(year_events, key=_month_of):
            lines += ['<section class="tl-month" markdown>', "", _month_label(year, month, headings), ""]
            for event in month_events:
                lines += _event_block(data, event, headings)
            lines += ["</section>", ""]
        lines += ["</section>", ""]
    return [*lines, "</div>", ""]


def _month_of(event: Event) -> int:
    return event.date.month if event.date.precision != "year" and event.date.month else 0


def _year_label(year: int, heading: bool) -> str:
    return f"## {year} {{ #y-{year} .tl-year-label }}" if heading else f'<p class="tl-year-label">{year}</p>'


def _month_label(year: int, month: int, heading: bool) -> str:
    text = f"{MONTHS[month - 1]} {year}" if month else f"Sometime in {year}"
    anchor = f"m-{year}-{month:02d}" if month else f"m-{year}"
    return (
        f"### {text} {{ #{anchor} .tl-month-label }}" if heading else f'<p class="tl-month-label">{text}</p>'
    )


def _event_block(data: SiteData, event: Event, heading: bool) -> list[str]:
    """One event: title, date at its precision, actor chips, places, quote and source links."""
    classes = "tl-event tl-low-confidence" if needs_review(event) else "tl-event"
    actors = " ".join(data.actor_slugs[name] for name in event.actors)
    places = " ".join(data.place_slugs[place] for place in event.places if place in data.place_slugs)
    attributes = (
        f'class="{classes}" data-actors="{actors}" data-places="{places}"'
        f' data-start="{event.date.first_day().isoformat()}" data-end="{last_day(event.date)}"'
    )
    title = escape_text(event.title) or "(untitled event)"
    if heading:
        title_line = f"#### {title} {{ #{event_anchor(event.id)} .tl-title }}"
    else:
        title_line = f"[{title}](../timeline/index.md#{event_anchor(event.id)})\n{{: .tl-title }}"
    return [
        f"<article {attributes} markdown>",
        "",
        title_line,
        "",
        _when(event),
        "",
        *_who(data, event),
        f"> {escape_text(event.quote)}",
        ">",
        f"> {_sources(data, event)}",
        "",
        "</article>",
        "",
    ]


def _when(event: Event) -> str:
    label, explanation = DATE_SOURCE_LABELS.get(event.date_source, (event.date_source, ""))
    badge = ""
    if needs_review(event):
        badge = f' <span class="tl-badge" title="Confidence {event.confidence:.2f}">to review</span>'
    return (
        f'<p class="tl-when"><time datetime="{event.date.iso}">{format_date(event.date)}</time>'
        f' <span class="tl-date-source" title="{escape_attribute(explanation)}">'
        f"{escape_attribute(label)}</span>"
        f"{badge}</p>"
    )


def _who(data: SiteData, event: Event) -> list[str]:
    chips = [
        f"[{escape_text(name)}](../actors/{data.actor_slugs[name]}.md)"
        f"{{ .tl-actor .tl-{data.actors[name].kind} }}"
        for name in event.actors
    ]
    if event.places:
        places = ", ".join(escape_text(place) for place in event.places)
        chips.append(f'<span class="tl-places" title="Places">{places}</span>')
    return [" ".join(chips), "{: .tl-who }", ""] if chips else []


def _sources(data: SiteData, event: Event) -> str:
    """Every sentence that tells the happening, article by article."""
    told = [event, *data.also_told_by.get(event.id, [])]
    count = sum(1 + len(each.mentions) for each in told)
    parts = [_article_sources(data, each) for each in told]
    return f"{_count(count, 'source')}: " + " — ".join(parts)


def _article_sources(data: SiteData, event: Event) -> str:
    article = data.articles.get(event.article)
    outlet = escape_text(article.source or article.title) if article else escape_text(event.article)
    published = f", {format_date(DateValue.of(article.published))}" if article else ""
    sentences = [event.sentence, *(mention.sentence for mention in event.mentions)]
    links = " · ".join(
        f"[sentence {sentence + 1}](../articles/{event.article}.md#s-{sentence}){{ .tl-source }}"
        for sentence in sentences
    )
    return f"{outlet}{published}: {links}"


# -- actors ---------------------------------------------------------------------------------------


def render_actor_index(data: SiteData) -> str:
    """All actors, most events first, with their counts and their first and last appearance."""
    counts = Counter(name for event in data.events for name in event.actors)
    spans = _appearances(data.events)
    lines = [
        *_front_matter("Actors"),
        "# Actors",
        "",
        f"{_count(len(data.actors), 'actor')}, the most frequent first.",
        "",
        "| Actor | Kind | Events | First | Last |",
        "| --- | --- | ---: | --- | --- |",
    ]
    for name in sorted(data.actors, key=lambda name: (-counts[name], name.casefold())):
        first, last = spans[name]
        lines.append(
            f"| [{escape_text(name)}]({data.actor_slugs[name]}.md) | {data.actors[name].kind} "
            f"| {counts[name]} | {format_date(first.date)} | {format_date(last.date)} |"
        )
    if not data.actors:
        lines.append("| (no actors yet) | | | | |")
    return "\n".join(lines) + "\n"


def _appearances(events: Iterable[Event]) -> dict[str, tuple[Event, Event]]:
    spans: dict[str, tuple[Event, Event]] = {}
    for event in oldest_first(events):
        for name in event.actors:
            spans[name] = (spans[name][0], event) if name in spans else (event, event)
    return spans


def render_actor(data: SiteData, name: str) -> str:
    """One actor: kind, aliases, first and last appearance, frequent co-actors, and their timeline."""
    actor, slug = data.actors[name], data.actor_slugs[name]
    events = oldest_first(event for event in data.events if name in event.actors)
    together = Counter(other for event in events for other in event.actors if other != name)
    lines = [*_front_matter(name), f"# {escape_text(name)}", ""]
    facts = [f"**Kind:** {actor.kind}"]
    if actor.aliases:
        facts.append(f"**Also named:** {', '.join(escape_text(alias) for alias in actor.aliases)}")
    if events:
        facts.append(f"**Events:** {len(events)}")
        facts.append(f"**First:** {format_date(events[0].date)}")
        facts.append(f"**Last:** {format_date(events[-1].date)}")
    lines += [" · ".join(facts), "{: .tl-facts }", ""]
    if together:
        links = ", ".join(
            f"[{escape_text(other)}]({data.actor_slugs[other]}.md) ({count})"
            for other, count in together.most_common(8)
        )
        lines += [f"**Appears most with:** {links}", ""]
    lines += [
        f"[Filter the timeline to {escape_text(name)}](../timeline/index.md?actor={slug}) · "
        f"[Atom feed](../feeds/{slug}.xml)",
        "{: .tl-exports }",
        "",
        "## Timeline",
        "",
        "Oldest first.",
        "",
        '<div class="tl-actor-timeline" data-search-exclude markdown>',
        "",
        *_timeline_body(data, events, headings=False),
        "</div>",
    ]
    return "\n".join(lines) + "\n"


# -- articles -------------------------------------------------------------------------------------


def render_article_index(data: SiteData) -> str:
    """All articles, newest first."""
    counts = Counter(event.article for event in data.reported)
    lines = [*_front_matter("Articles"), "# Articles", "", "| Published | Article | Outlet | Events |"]
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
    events = sorted(
        (event for event in data.reported if event.article == slug), key=lambda event: event.sentence
    )
    marks: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        for sentence in (event.sentence, *(mention.sentence for mention in event.mentions)):
            marks[sentence].append(event)
    published = DateValue.of(article.published)
    lines = [*_front_matter(article.title), f"# {escape_text(article.title)}", ""]
    meta = [f'**Published:** <time datetime="{published.iso}">{format_date(published)}</time>']
    if article.source:
        meta.append(f"**Outlet:** {escape_text(article.source)}")
    if article.url and re.match(r"https?://", article.url):
        meta.append(f"[Original article]({url_quote(article.url, safe=':/?#[]@!$&()*+,;=%-._~')})")
    lines += [" · ".join(meta), "{: .tl-facts }", ""]
    if events:
        lines += ["## Events", ""]
        for event in events:
            lines.append(
                f"- [{format_date(event.date)}: {escape_text(event.title)}](#s-{event.sentence}) "
                f"([on the timeline](../timeline/index.md#{_timeline_anchor(data, event)}))"
            )
        lines.append("")
    lines += ["## Text", "", *_article_text(data, article, marks)]
    return "\n".join(lines) + "\n"


def _timeline_anchor(data: SiteData, event: Event) -> str:
    """The anchor of the timeline entry that shows `event` (its own, or the happening it is part of)."""
    return event_anchor(data.happening_of.get(event.id, event.id))


def _article_text(data: SiteData, article: Article, marks: dict[int, list[Event]]) -> list[str]:
    paragraphs: dict[int, list[str]] = defaultdict(list)
    for sentence in split_sentences(article.text):
        paragraph = sentence.paragraph
        events = marks.get(sentence.index, [])
        css = "tl-sentence tl-event-sentence" if events else "tl-sentence"
        links = "".join(
            f"[↗](../timeline/index.md#{_timeline_anchor(data, event)} {_markdown_title(event.title)})"
            "{ .tl-event-link }"
            for event in events
        )
        paragraphs[paragraph].append(
            f'<span class="{css}" id="s-{sentence.index}">{escape_text(sentence.text)}</span>{links}'
        )
    return [" ".join(parts) + "\n" for _, parts in sorted(paragraphs.items())]


# -- curation -------------------------------------------------------------------------------------


def render_review(data: SiteData) -> str:
    """For curators: low-confidence events and actor names the registry does not resolve."""
    events = sorted(
        (event for event in data.events if needs_review(event)), key=lambda e: (e.confidence, e.id)
    )
    lines = [*_front_matter("Needs review", search="{exclude: true}"), "# Needs review", ""]
    lines += [
        "Events the extractor was unsure of, and names it could not match to `content/actors.yml`. "
        "Fix or confirm them in `content/events/*.yml` (`reviewed: true`, `status: rejected`) "
        "and `content/actors.yml` (`aliases:`).",
        "",
        f"## Low-confidence events ({len(events)})",
        "",
    ]
    lines += list(_review_events(data, events)) or ["None.", ""]
    names = sorted(data.unresolved.items(), key=lambda item: item[0].casefold())
    lines += [f"## Unresolved actor names ({len(names)})", ""]
    lines += list(_review_names(data, names)) or ["None.", ""]
    return "\n".join(lines) + "\n"


def _review_events(data: SiteData, events: Sequence[Event]) -> Iterator[str]:
    if not events:
        return
    yield "| Confidence | Date | Event | Source | File |"
    yield "| ---: | --- | --- | --- | --- |"
    for event in events:
        yield (
            f"| {event.confidence:.2f} | {format_date(event.date)} "
            f"| [{escape_text(event.title)}](../timeline/index.md#{event_anchor(event.id)}) "
            f"| [sentence {event.sentence + 1}](../articles/{event.article}.md#s-{event.sentence}) "
            f"| `events/{event.article}.yml` |"
        )
    yield ""


def _review_names(data: SiteData, names: Sequence[tuple[str, str]]) -> Iterator[str]:
    if not names:
        return
    counts = Counter(name for event in data.events for name in event.actors)
    yield "| Name | Why | Events |"
    yield "| --- | --- | ---: |"
    for name, reason in names:
        label = escape_text(name)
        if name in data.actor_slugs:
            label = f"[{label}](../actors/{data.actor_slugs[name]}.md)"
        yield f"| {label} | {reason} | {counts[name]} |"
    yield ""


def _markdown_title(text: str) -> str:
    return '"' + escape_attribute(text).replace("\\", "") + '"'


def _yaml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar, control characters included
