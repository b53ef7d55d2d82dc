"""The one data model every stage passes on: Article, Event, Actor, DateValue, TimeExpression."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

Precision = Literal["year", "month", "day"]
DateSource = Literal["text", "context", "published"]
ActorKind = Literal["person", "organization", "country", "product", "other"]

ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "country", "product", "other")
DATE_SOURCES: tuple[str, ...] = ("text", "context", "published")

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True, slots=True, order=True)
class DateValue:
    """A calendar date at its honest precision: '2025', '2025-07' or '2025-07-12'."""

    iso: str

    def __post_init__(self) -> None:
        match = _ISO_DATE.match(self.iso)
        if not match:
            raise ValueError(f"not an ISO date at year, month or day precision: {self.iso!r}")
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range in {self.iso!r}")
        if day is not None:
            dt.date(year or 1, month or 1, day)  # raises ValueError for 2025-02-30

    @classmethod
    def of(cls, day: dt.date, precision: Precision = "day") -> DateValue:
        """The date `day` truncated to `precision`."""
        iso = day.isoformat()
        return cls({"year": iso[:4], "month": iso[:7], "day": iso}[precision])

    @property
    def precision(self) -> Precision:
        return {4: "year", 7: "month", 10: "day"}[len(self.iso)]  # type: ignore[return-value]

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    @property
    def month(self) -> int | None:
        return int(self.iso[5:7]) if len(self.iso) >= 7 else None

    def first_day(self) -> dt.date:
        """The earliest calendar day the value covers (for sorting and ranges)."""
        return dt.date(self.year, self.month or 1, int(self.iso[8:10]) if len(self.iso) == 10 else 1)

    def __str__(self) -> str:
        return self.iso


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression found in text, normalized TIMEX3-style against a reference date.

    `start`/`end` are character offsets into the text the tagger was given. `value` is a TIMEX3
    value ('2013-03-22', '2012-08', '2013-W11', '2012-SU', 'P5Y', 'PRESENT_REF', ...) or None when
    the expression could not be normalized.
    """

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    mod: str | None = None

    def calendar_date(self) -> DateValue | None:
        """The expression as a calendar date usable on a timeline, or None (durations, weeks, refs)."""
        if self.type not in ("DATE", "TIME") or not self.value:
            return None
        return _calendar_date(self.value)


@lru_cache(maxsize=4096)
def _calendar_date(value: str) -> DateValue | None:
    # a pure function of the TIMEX3 value, asked for again and again by the event rules
    week = _ISO_WEEK.match(value)
    if week:
        # "last week": its month when the whole week lies in one, else its year
        try:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return DateValue(week.group(1))
        sunday = monday + dt.timedelta(days=6)
        return DateValue(monday.isoformat()[:7] if monday.month == sunday.month else week.group(1))
    head = value[:10]
    for candidate in (head, head[:7], head[:4]):
        if _ISO_DATE.match(candidate):
            try:
                return DateValue(candidate)
            except ValueError:
                return None
    return None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article body: its index is its anchor on the article page."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0  # headlines and summary lines are paragraphs of their own


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as read from content/articles/."""

    slug: str
    title: str
    published: dt.date
    text: str
    path: Path | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    archived: str | None = None  # the saved original, relative to content/: sources/<slug>.html(.gz)
    date_from: str | None = None  # json-ld, meta, url, dateline, text, feed or given (`timeline add`)
    retrieved: str | None = None  # when `timeline add` fetched it, ISO 8601


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an event is told: a verbatim sentence and its index in the article."""

    sentence: int
    quote: str


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, with its date, actors, places and the sentence(s) that say so."""

    id: str
    article: str
    date: DateValue
    date_source: DateSource
    title: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    quote: str
    sentence: int
    confidence: float = 1.0
    mentions: tuple[Mention, ...] = ()
    status: str | None = None
    reviewed: bool = False
    inferred: tuple[str, ...] = ()  # actors the sentence only refers to ("he", "the company")
    modality: str | None = None  # "planned" or "reported" where the text says so; None: told as fact

    @property
    def rejected(self) -> bool:
        return self.status == "rejected"


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor from content/actors.yml."""

    name: str
    kind: ActorKind = "other"
    aliases: tuple[str, ...] = field(default=())
    note: str | None = None  # e.g. "needs review: ..." when the name could be a known actor's


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """What extraction found in one article: its events and the actors they name.

    Straight from the NLP, names are the article's own (resolved within the article only) and
    `actors` are the registry entries the article proposes; `definite` lists the names it said with
    "the" ("the Dow"). After the run's one resolution step, the names are canonical.
    """

    slug: str
    events: tuple[Event, ...]
    actors: tuple[Actor, ...] = ()
    definite: tuple[str, ...] = ()
