"""Site data: content (articles, events, actors) resolved, grouped and ordered for the pages.

Pure functions, no markup: `prepare` resolves actor names through the registry and merges the
same happening told by several articles; the helpers below sort, group and count what a page
shows. The templates (generator/site/templates/, driven by pages.py) turn it into pages, and
exports.py into files.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import NamedTuple

from generator.ingest.articles import slugify
from generator.model import Actor, Article, DateValue, Event, Sentence
from generator.registry import ActorRegistry
from generator.store.content import article_sentences

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
    rejected: list[Event] = field(default_factory=list)  # `status: rejected` in content/events
    # The global timeline's pages when it is split (empty: one page), newest first, and the page
    # each happening's entry is on (its anchor -> the page's path from the docs root).
    periods: list[Period] = field(default_factory=list)
    timeline_pages: dict[str, str] = field(default_factory=dict)


# -- dates and anchors ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def format_date(date: DateValue) -> str:
    """A date as people read it, at its precision: '2010', 'July 2025', '12 July 2025'."""
    if date.precision == "year":
        return str(date.year)
    month = MONTHS[(date.month or 1) - 1]
    if date.precision == "month":
        return f"{month} {date.year}"
    return f"{int(date.iso[8:10])} {month} {date.year}"


@functools.lru_cache(maxsize=4096)
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


def timeline_anchor(data: SiteData, event: Event) -> str:
    """The anchor of the timeline entry that shows `event` (its own, or the happening it is part of)."""
    return event_anchor(data.happening_of.get(event.id, event.id))


def date_source(event: Event) -> tuple[str, str]:
    """How an event was dated: a short label and its explanation."""
    return DATE_SOURCE_LABELS.get(event.date_source, (event.date_source, ""))


# -- preparing the data ---------------------------------------------------------------------------


def prepare(articles: Iterable[Article], events: Iterable[Event], registry: ActorRegistry) -> SiteData:
    """Resolve names through the registry (renames and merges apply at once) and drop rejected events."""
    articles_by_slug = {article.slug: article for article in articles}
    unresolved = {name: "several known people match this name" for name in registry.review}
    unresolved |= {
        actor.name: actor.note.removeprefix("needs review: ")
        for actor in registry.actors.values()
        if actor.note and actor.note.startswith("needs review")
    }
    resolved, rejected = [], []
    for event in events:
        if event.rejected:
            rejected.append(event)
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
    periods = split_periods(newest_first(happenings)) if len(happenings) > PAGE_EVENTS else []
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
        rejected=rejected,
        periods=periods,
        timeline_pages={
            event_anchor(event.id): f"timeline/{period.key}.md"
            for period in periods
            for event in period.events
        },
    )


_TITLE_STOPWORDS = frozenset("a an the of in on at to for with from by and or its his her their".split())


def group_same_happenings(events: Sequence[Event]) -> list[list[Event]]:
    """The same happening told by several articles, as one group (the most confident first).

    Two events of different articles are one happening when they fall on the same date, share
    their actors (two, or all when one has fewer) and their titles share most of their words.
    """
    groups: list[list[Event]] = []
    # Only events of one date that share an actor can be one happening: candidates by (date, actor),
    # each with its index in `groups` (the earliest made that matches is the one, as before).
    candidates: dict[tuple[DateValue, str], list[tuple[int, list[Event]]]] = defaultdict(list)
    for event in sorted(events, key=lambda e: (-e.confidence, e.article, e.sentence)):
        found = [
            (number, candidate)
            for name in event.actors
            for number, candidate in candidates.get((event.date, name), ())
            if _same_happening(candidate[0], event)
        ]
        group = min(found, key=lambda pair: pair[0])[1] if found else None
        if group is not None and all(other.article != event.article for other in group):
            group.append(event)
        else:
            # a new happening; or one article telling it twice, which is the extractor's business
            groups.append([event])
            for name in dict.fromkeys(event.actors):
                candidates[event.date, name].append((len(groups) - 1, groups[-1]))
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


# -- ordering, grouping, counting -----------------------------------------------------------------


def newest_first(events: Iterable[Event]) -> list[Event]:
    """Events by date, newest first; at the same first day, the more precise date first; on one
    date, an article's events in its reading order."""
    return sorted(events, key=_newest_key)


def oldest_first(events: Iterable[Event]) -> list[Event]:
    """Events by date, oldest first; at the same first day, the less precise date ('1969') first;
    on one date, an article's events in its reading order."""
    return sorted(events, key=_date_key)


def _date_key(event: Event) -> tuple[object, ...]:
    date = event.date
    return (date.first_day(), _PRECISION_RANK[date.precision], event.article, event.sentence, event.id)


def _newest_key(event: Event) -> tuple[object, ...]:
    date = event.date
    rank = _PRECISION_RANK[date.precision]
    return (-date.first_day().toordinal(), -rank, event.article, event.sentence, event.id)


def needs_review(event: Event) -> bool:
    """Whether a curator should look at an event: low confidence and not yet reviewed."""
    return event.confidence < LOW_CONFIDENCE and not event.reviewed


def review_events(data: SiteData) -> list[Event]:
    """The events a curator should look at, the least confident first."""
    return sorted((event for event in data.events if needs_review(event)), key=lambda e: (e.confidence, e.id))


@dataclass(frozen=True, slots=True)
class Month:
    """The events of one month of a year, in the order given; `month` is 0 for 'sometime in the year'."""

    year: int
    month: int
    events: list[Event]

    @property
    def label(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}" if self.month else f"Sometime in {self.year}"

    @property
    def anchor(self) -> str:
        return f"m-{self.year}-{self.month:02d}" if self.month else f"m-{self.year}"


@dataclass(frozen=True, slots=True)
class Year:
    """The months of one year that have events, in the order given."""

    year: int
    months: list[Month]

    @property
    def anchor(self) -> str:
        return f"y-{self.year}"


def by_year_and_month(events: Sequence[Event]) -> list[Year]:
    """Ordered events grouped by year, then month, keeping their order."""
    return [
        Year(year, [Month(year, month, list(group)) for month, group in groupby(year_events, key=_month_of)])
        for year, year_events in groupby(events, key=lambda event: event.date.year)
    ]


def _month_of(event: Event) -> int:
    return event.date.month if event.date.precision != "year" and event.date.month else 0


PAGE_EVENTS = 150  # the most events a page of a timeline holds (its HTML well under 500 KB)


@dataclass(frozen=True, slots=True)
class Period:
    """One page of a split timeline: a year, a month of a year, or a part of a busy month.

    `key` names its page ('1990', '1990-07', '1990-07-2'; '1990-00' is 'sometime in 1990')."""

    key: str
    label: str
    events: list[Event]


def split_periods(events: Sequence[Event], limit: int = PAGE_EVENTS) -> list[Period]:
    """Ordered events as pages: by year, a year with more than `limit` events by month, and a month
    with more than `limit` in parts of `limit`, keeping their order."""
    periods: list[Period] = []
    for year, year_group in groupby(events, key=lambda event: event.date.year):
        year_events = list(year_group)
        if len(year_events) <= limit:
            periods.append(Period(f"{year:04d}", str(year), year_events))
            continue
        for month, month_group in groupby(year_events, key=_month_of):
            month_events = list(month_group)
            key = f"{year:04d}-{month:02d}"
            label = Month(year, month, []).label
            if len(month_events) <= limit:
                periods.append(Period(key, label, month_events))
                continue
            parts = range(0, len(month_events), limit)
            for number, start in enumerate(parts, start=1):
                part = month_events[start : start + limit]
                periods.append(Period(f"{key}-{number}", f"{label} ({number} of {len(parts)})", part))
    return periods


def event_counts(events: Iterable[Event]) -> Counter[str]:
    """How many events each actor takes part in."""
    return Counter(name for event in events for name in event.actors)


def most_frequent_actors(data: SiteData) -> list[str]:
    """Every actor, the most events first, then by name."""
    counts = event_counts(data.events)
    return sorted(data.actors, key=lambda name: (-counts[name], name.casefold(), name))


def places_by_name(data: SiteData) -> list[tuple[str, str]]:
    """(place, slug) pairs by name."""
    return sorted(data.place_slugs.items(), key=lambda item: item[0].casefold())


def appearances(events: Iterable[Event]) -> dict[str, tuple[Event, Event]]:
    """Each actor's first and last event by date."""
    spans: dict[str, tuple[Event, Event]] = {}
    for event in oldest_first(events):
        for name in event.actors:
            spans[name] = (spans[name][0], event) if name in spans else (event, event)
    return spans


def events_by_actor(data: SiteData) -> dict[str, list[Event]]:
    """Every actor's events, oldest first (events_of_actor for all actors at once)."""
    by_actor: dict[str, list[Event]] = {name: [] for name in data.actors}
    for event in oldest_first(data.events):
        for name in event.actors:
            by_actor[name].append(event)
    return by_actor


def co_actors(events: Iterable[Event], name: str, limit: int = 8) -> list[tuple[str, int]]:
    """The actors who appear most often with `name` in `events`, with their counts."""
    return Counter(other for event in events for other in event.actors if other != name).most_common(limit)


class Chip(NamedTuple):
    """An actor as an event shows them: name, kind and page."""

    name: str
    kind: str
    page: str


class Source(NamedTuple):
    """One article's account of a happening: who published it and when, and its sentences."""

    outlet: str
    page: str
    sentences: tuple[tuple[str, int], ...]  # (anchor, number): ('s-0', 1)


class Card(NamedTuple):
    """Everything an event's entry on a timeline shows, as plain text (the template marks it up)."""

    event: Event
    anchor: str
    review: bool
    actor_keys: str  # the slugs timeline.js filters on
    place_keys: str
    start: str
    end: str
    date: str
    date_label: str
    date_explanation: str
    chips: tuple[Chip, ...]
    places: str
    sources: tuple[Source, ...]
    source_count: int


def event_card(data: SiteData, event: Event) -> Card:
    """What the entry of `event` on a timeline shows."""
    label, explanation = date_source(event)
    told = told_by(data, event)
    return Card(
        event,
        event_anchor(event.id),
        needs_review(event),
        " ".join(data.actor_slugs[name] for name in event.actors),
        " ".join(data.place_slugs[place] for place in event.places if place in data.place_slugs),
        event.date.first_day().isoformat(),
        last_day(event.date),
        format_date(event.date),
        label,
        explanation,
        tuple(
            Chip(name, data.actors[name].kind, f"actors/{data.actor_slugs[name]}.md") for name in event.actors
        ),
        ", ".join(event.places),
        tuple(_source(data, each) for each in told),
        source_count(told),
    )


def _source(data: SiteData, event: Event) -> Source:
    article = data.articles.get(event.article)
    outlet = (
        f"{article.source or article.title}, {format_date(DateValue.of(article.published))}"
        if article
        else event.article
    )
    sentences = tuple((f"s-{sentence}", sentence + 1) for sentence in sentences_of(event))
    return Source(outlet, f"articles/{event.article}.md", sentences)


def told_by(data: SiteData, event: Event) -> list[Event]:
    """Every article's event for the happening `event` shows: its own first."""
    return [event, *data.also_told_by.get(event.id, [])]


def source_count(told: Iterable[Event]) -> int:
    """How many sentences tell a happening, over every article that tells it."""
    return sum(1 + len(event.mentions) for event in told)


def sentences_of(event: Event) -> list[int]:
    """The sentences of its article that tell an event: its own, then the other mentions."""
    return [event.sentence, *(mention.sentence for mention in event.mentions)]


def articles_newest_first(data: SiteData) -> list[Article]:
    return sorted(data.articles.values(), key=lambda a: (a.published, a.slug), reverse=True)


def events_by_article(data: SiteData) -> dict[str, list[Event]]:
    """Every article's own events in the order of their sentences (events_of_article for all)."""
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in sorted(data.reported, key=lambda e: e.sentence):
        by_article[event.article].append(event)
    return by_article


def events_by_sentence(events: Iterable[Event]) -> dict[int, list[Event]]:
    """For each sentence of an article, the events it tells."""
    marks: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        for sentence in sentences_of(event):
            marks[sentence].append(event)
    return marks


def paragraphs(article: Article) -> list[list[Sentence]]:
    """An article's text as paragraphs of sentences (the sentence indexes events point at)."""
    grouped: dict[int, list[Sentence]] = defaultdict(list)
    for sentence in article_sentences(article.text):
        grouped[sentence.paragraph].append(sentence)
    return [sentences for _, sentences in sorted(grouped.items())]
