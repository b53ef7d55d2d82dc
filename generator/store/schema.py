"""The one schema of an events file: its fields, and an item read as an Event.

`EVENT_FIELDS` is the table every reader and writer of an events file goes by: the extractor
writes the extracted fields in its order (`event_fields`), a re-run restores the required ones a
person deleted (`store.events`), `event_from_yaml` reads each field with its `read`, and
`timeline check` reports unknown keys, missing required fields and each field's `problem`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ContentError
from generator.model import DATE_SOURCES, DateValue, Event, Mention
from generator.store.yaml_io import _position

FILE_FIELDS = ("article", "events")  # an events file: its article's slug and the list of events
STATUSES = ("rejected",)
MODALITIES = ("planned", "reported", "negated")  # how the text tells the event; absent: as a fact
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True, slots=True)
class Field:
    """One key of an event in an events file."""

    name: str
    problem: Callable[[Any], str | None]  # what is wrong with a value, for `timeline check`; None: fine
    read: Callable[[Any], Any] | None = None  # the YAML value as the Event's attribute of that name
    write: Callable[[Any], Any] | None = None  # the Event's attribute as YAML; None is left out
    default: Any = None  # the value read when the key is absent
    extracted: bool = False  # the extractor writes it (and records it in .extracted/)
    required: bool = False  # `timeline check` wants a value; a re-run restores a deleted one
    needed_to_load: bool = False  # without a value the event is not read at all


def _expect(valid: Callable[[Any], bool], message: str) -> Callable[[Any], str | None]:
    """A `problem` from a test of the value and the message for a bad one ({value!r} filled in)."""
    return lambda value: None if valid(value) else message.format(value=value)


def _anything(value: Any) -> str | None:
    return None


def _as_is(value: Any) -> Any:
    return value


def is_index(value: Any) -> bool:
    """A sentence number: 0 is the first sentence of the article."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def is_names(value: Any) -> bool:
    """A list of names (or nothing)."""
    return value is None or (isinstance(value, list) and all(isinstance(n, str) and n.strip() for n in value))


def is_mentions(value: Any) -> bool:
    """A list of {sentence: <number>, quote: <text>}."""
    return isinstance(value, list) and all(
        isinstance(m, dict) and is_index(m.get("sentence")) and isinstance(m.get("quote"), str) for m in value
    )


def _id_problem(value: Any) -> str | None:
    text = str(value)
    return None if _ID.match(text) else f"id {text!r}: use letters, digits, '.', '_' and '-' only"


def _date_problem(value: Any) -> str | None:
    if value is None:
        return None  # reported as missing
    text = _date_text(value)
    if isinstance(value, dt.datetime | bool | float):
        return f"date {text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    try:
        DateValue(text)
    except ValueError as error:
        return f"date {text!r} is not valid ({error}); write YYYY, YYYY-MM or YYYY-MM-DD"
    return None


def _date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _source(value: Any) -> str:
    source = str(value or "text")
    return source if source in DATE_SOURCES else "text"


def _names(key: str) -> Callable[[Any], tuple[str, ...]]:
    def read(value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ValueError(f"`{key}:` is a list of names, e.g. [Sergey Lavrov]")
        return tuple(str(name) for name in value)

    return read


def _mentions(value: Any) -> tuple[Mention, ...]:
    return tuple(
        Mention(int(mention.get("sentence", 0)), str(mention.get("quote", "")))
        for mention in value or ()
        if isinstance(mention, dict)
    )


def _written_mentions(mentions: tuple[Mention, ...]) -> list[dict[str, Any]] | None:
    return [{"sentence": m.sentence, "quote": m.quote} for m in mentions] or None


def _is_confidence(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and 0 <= value <= 1


_NAMES = "`{name}:` is a list of names, e.g. [Sergey Lavrov]"
_TEXT = "{name} is text; quote it"

# In YAML order: the extractor writes `id` and then the extracted fields in this order, and a
# re-run puts a field it restores before the first later one already there.
EVENT_FIELDS: tuple[Field, ...] = (
    Field("id", _id_problem, read=str, needed_to_load=True),  # checked as a key: unique, its format
    Field("article", _anything, read=lambda value: str(value or "")),  # '' is the file's article
    Field(
        "date",
        _date_problem,
        read=lambda value: DateValue(_date_text(value)),
        write=lambda date: date.iso,
        extracted=True,
        required=True,
        needed_to_load=True,
    ),
    Field(
        "date_source",
        _expect(lambda value: value in DATE_SOURCES, f"date_source is one of {', '.join(DATE_SOURCES)}"),
        read=_source,
        write=_as_is,
        extracted=True,
    ),
    Field(
        "title",
        _expect(lambda value: isinstance(value, str), _TEXT.format(name="title")),
        read=str,
        write=_as_is,
        extracted=True,
        required=True,
        needed_to_load=True,
    ),
    Field(
        "actors",
        _expect(is_names, _NAMES.format(name="actors")),
        read=_names("actors"),
        write=list,
        extracted=True,
    ),
    Field(
        "places",
        _expect(is_names, _NAMES.format(name="places")),
        read=_names("places"),
        write=list,
        extracted=True,
    ),
    Field(
        "quote",
        _expect(lambda value: isinstance(value, str | None), _TEXT.format(name="quote")),
        read=lambda value: str(value or ""),
        write=_as_is,
        extracted=True,
        required=True,
    ),
    Field(
        "sentence",
        _expect(is_index, "sentence is the number of the sentence in the article (0 is the first)"),
        read=lambda value: int(value or 0),
        write=_as_is,
        extracted=True,
        required=True,
    ),
    Field(
        "confidence",
        _expect(_is_confidence, "confidence is a number from 0 to 1"),
        read=float,
        write=_as_is,
        default=1.0,
        extracted=True,
    ),
    Field(
        "mentions",
        _expect(is_mentions, "mentions is a list of {{sentence: <number>, quote: <text>}}"),
        read=_mentions,
        write=_written_mentions,
        extracted=True,
    ),
    # Actors the text only refers to ("he", "the company"): the extractor says so for a curator
    Field(
        "inferred",
        _expect(is_names, _NAMES.format(name="inferred")),
        read=_names("inferred"),
        write=lambda names: list(names) or None,
        extracted=True,
    ),
    Field(
        "modality",
        _expect(
            lambda value: value is None or value in MODALITIES,
            f"modality is {' or '.join(MODALITIES)} (or absent), not {{value!r}}",
        ),
        read=lambda value: str(value) if value else None,
        write=_as_is,
        extracted=True,
    ),
    # What only a person writes:
    Field(
        "status",
        _expect(
            lambda value: value is None or value in STATUSES,
            f"status is {' or '.join(STATUSES)} (or absent), not {{value!r}}",
        ),
        read=lambda value: str(value) if value else None,
    ),
    Field(
        "reviewed",
        _expect(lambda value: isinstance(value, bool), "reviewed is true or false"),
        read=lambda value: value is True,
    ),
    Field("note", _anything),  # free text for people; not part of the event
)

FIELDS = {field.name: field for field in EVENT_FIELDS}
EXTRACTED_FIELDS = tuple(field.name for field in EVENT_FIELDS if field.extracted)
# Fields every event needs: when a person deletes one, the extractor's value comes back.
REQUIRED_FIELDS = tuple(field.name for field in EVENT_FIELDS if field.required)


def event_from_yaml(path: Path, article: str, item: Any) -> Event:
    """One event mapping as an Event; errors point at the item's line."""
    line, column = _position(item)
    if not isinstance(item, dict):
        raise ContentError(path, "each event is a mapping (id, date, title, ...)", line, column)
    missing = [field.name for field in EVENT_FIELDS if field.needed_to_load and not item.get(field.name)]
    if missing:
        raise ContentError(path, f"event is missing {', '.join(missing)}", line, column)
    values: dict[str, Any] = {}
    for field in EVENT_FIELDS:
        if field.read is None:
            continue
        try:
            values[field.name] = field.read(item.get(field.name, field.default))
        except (TypeError, ValueError, AttributeError) as error:
            if field.name == "date":  # the one a person most often gets wrong: point at it
                raise ContentError(path, f"event {item['id']}: {error}", *_position(item, "date")) from error
            message = f"event {item['id']}: {error}; `timeline check` lists every problem"
            raise ContentError(path, message, line, column) from error
    values["article"] = values["article"] or article
    return Event(**values)


def event_fields(event: Event) -> dict[str, Any]:
    """The YAML fields of an extracted event, in file order."""
    fields: dict[str, Any] = {}
    for field in EVENT_FIELDS:
        if field.extracted and field.write is not None:
            value = field.write(getattr(event, field.name))
            if value is not None:
                fields[field.name] = value
    return fields


def item_id(item: Mapping[str, Any]) -> str:
    """The id of an events-file item, as text."""
    return str(item.get("id"))
