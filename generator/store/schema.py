"""The one schema of an events file: its fields, and an item read as an Event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.errors import ContentError
from generator.model import DateValue, Event, Mention
from generator.store.yaml_io import _position

EXTRACTED_FIELDS = (
    "date",
    "date_source",
    "title",
    "actors",
    "places",
    "quote",
    "sentence",
    "confidence",
    "mentions",
)


# Fields every event needs: when a person deletes one, the extractor's value comes back.
REQUIRED_FIELDS = ("date", "title", "quote", "sentence")


def event_from_yaml(path: Path, article: str, item: Any) -> Event:
    """One event mapping as an Event; errors point at the item's line."""
    line, column = _position(item)
    if not isinstance(item, dict):
        raise ContentError(path, "each event is a mapping (id, date, title, ...)", line, column)
    missing = [key for key in ("id", "date", "title") if not item.get(key)]
    if missing:
        raise ContentError(path, f"event is missing {', '.join(missing)}", line, column)
    try:
        date = DateValue(_date_text(item["date"]))
    except ValueError as error:
        raise ContentError(path, f"event {item['id']}: {error}", *_position(item, "date")) from error
    try:
        return _event(item, article, date)
    except (TypeError, ValueError, AttributeError) as error:
        message = f"event {item['id']}: {error}; `timeline check` lists every problem"
        raise ContentError(path, message, line, column) from error


def _event(item: Mapping[str, Any], article: str, date: DateValue) -> Event:
    source = str(item.get("date_source") or "text")
    return Event(
        id=str(item["id"]),
        article=str(item.get("article") or article),
        date=date,
        date_source=source if source in ("text", "context", "published") else "text",  # type: ignore[arg-type]
        title=str(item["title"]),
        actors=_names(item.get("actors"), "actors"),
        places=_names(item.get("places"), "places"),
        quote=str(item.get("quote") or ""),
        sentence=int(item.get("sentence") or 0),
        confidence=float(item.get("confidence", 1.0)),
        mentions=tuple(
            Mention(int(mention.get("sentence", 0)), str(mention.get("quote", "")))
            for mention in item.get("mentions") or ()
            if isinstance(mention, dict)
        ),
        status=str(item["status"]) if item.get("status") else None,
        reviewed=item.get("reviewed") is True,
    )


def _date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _names(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"`{key}:` is a list of names, e.g. [Sergey Lavrov]")
    return tuple(str(name) for name in value)


def event_fields(event: Event) -> dict[str, Any]:
    """The YAML fields of an extracted event, in file order."""
    fields: dict[str, Any] = {
        "date": event.date.iso,
        "date_source": event.date_source,
        "title": event.title,
        "actors": list(event.actors),
        "places": list(event.places),
        "quote": event.quote,
        "sentence": event.sentence,
        "confidence": event.confidence,
    }
    if event.mentions:
        fields["mentions"] = [{"sentence": m.sentence, "quote": m.quote} for m in event.mentions]
    return fields


def item_id(item: Mapping[str, Any]) -> str:
    """The id of an events-file item, as text."""
    return str(item.get("id"))
