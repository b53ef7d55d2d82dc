"""The one schema of an events file: what the writer writes, the reader reads and `check` accepts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from generator.errors import ContentError
from generator.model import DateValue, Event, Mention
from generator.store.schema import (
    EVENT_FIELDS,
    EXTRACTED_FIELDS,
    FIELDS,
    REQUIRED_FIELDS,
    event_fields,
    event_from_yaml,
)
from generator.store.yaml_io import dump_yaml, read_yaml

PATH = Path("content/events/a.yml")
QUOTE = "Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un on Saturday."

EVENTS = [
    Event("a-1", "a", DateValue("2025-07-12"), "text", "Lavrov meets Kim", ("Sergey Lavrov",), (), QUOTE, 1),
    Event(
        "a-2",
        "a",
        DateValue("2025-07"),
        "context",
        "Talks end",
        (),
        ("Wonsan",),
        "The talks lasted three hours.",
        2,
        0.55,
        (Mention(0, "Lavrov meets Kim in Wonsan."), Mention(3, "They ended the talks.")),
    ),
    Event("a-3", "a", DateValue("2025"), "published", "A year", (), (), "", 0, 1),  # an int confidence
]


def test_the_lists_of_fields_come_from_the_table() -> None:
    names = [field.name for field in EVENT_FIELDS]
    assert len(names) == len(set(names)) == len(FIELDS)
    written = (
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
    assert tuple(name for name in EXTRACTED_FIELDS if name in written) == written  # the files' order
    assert names[0] == "id"
    assert REQUIRED_FIELDS == ("date", "title", "quote", "sentence")
    assert set(REQUIRED_FIELDS) <= set(EXTRACTED_FIELDS)  # a re-run can restore them
    assert [field.name for field in EVENT_FIELDS if field.needed_to_load] == ["id", "date", "title"]
    # every attribute of an Event is a field of the file, read by the table
    readable = {field.name for field in EVENT_FIELDS if field.read is not None}
    assert {attribute.name for attribute in dataclasses.fields(Event)} == readable


@pytest.mark.parametrize("event", EVENTS, ids=[event.id for event in EVENTS])
def test_the_writer_writes_the_extracted_fields_in_table_order(event: Event) -> None:
    fields = event_fields(event)
    assert list(fields) == [name for name in EXTRACTED_FIELDS if name in fields]
    assert {"date", "date_source", "title", "actors", "places", "quote", "sentence", "confidence"} <= set(
        fields
    )
    assert ("mentions" in fields) == bool(event.mentions)  # only when there are some
    assert fields["confidence"] == event.confidence and type(fields["confidence"]) is type(event.confidence)


@pytest.mark.parametrize("event", EVENTS, ids=[event.id for event in EVENTS])
def test_what_the_writer_writes_the_reader_reads_and_check_accepts(tmp_path: Path, event: Event) -> None:
    path = tmp_path / "a.yml"
    path.write_text(dump_yaml({"article": "a", "events": [{"id": event.id, **event_fields(event)}]}))
    item = read_yaml(path)["events"][0]
    assert event_from_yaml(path, "a", item) == event
    assert {name: FIELDS[name].problem(value) for name, value in item.items()} == dict.fromkeys(item)


def test_a_persons_fields_are_read_and_an_absent_field_takes_its_default() -> None:
    item = {
        "id": "a-9",
        "date": dt.date(2025, 7, 12),
        "title": "Mine",
        "status": "rejected",
        "reviewed": True,
    }
    read = event_from_yaml(PATH, "a", {**item, "note": "from the radio", "article": None})
    assert (read.article, read.date, read.quote, read.sentence, read.confidence) == (
        "a",
        DateValue("2025-07-12"),
        "",
        0,
        1.0,
    )
    assert (read.rejected, read.reviewed, read.date_source) == (True, True, "text")


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"id": "a-1", "title": "t"}, "event is missing date"),
        ({"date": "2025", "title": ""}, "event is missing id, title"),
        ({"id": "a-1", "date": "2025-13", "title": "t"}, "event a-1: month out of range"),
        ({"id": "a-1", "date": "2025", "title": "t", "actors": "Lavrov"}, "`actors:` is a list of names"),
        (
            {"id": "a-1", "date": "2025", "title": "t", "sentence": "one"},
            "`timeline check` lists every problem",
        ),
        ({"id": "a-1", "date": "2025", "title": "t", "confidence": None}, "event a-1: "),
    ],
)
def test_an_item_the_reader_cannot_read_is_named(item: dict[str, Any], message: str) -> None:
    with pytest.raises(ContentError, match=message):
        event_from_yaml(PATH, "a", item)


# (field, a bad value, part of the message `timeline check` gives)
BAD = [
    ("id", "a b", "use letters, digits"),
    ("date", "2025-02-30", "'2025-02-30' is not valid"),
    ("date", dt.datetime(2025, 7, 12, 10, 0), "is not a date"),
    ("date", 2025.5, "is not a date"),
    ("date_source", "guessed", "date_source is one of text, context, published"),
    ("title", 2025, "title is text"),
    ("actors", "Sergey Lavrov", "`actors:` is a list of names"),
    ("actors", ["Sergey Lavrov", " "], "`actors:` is a list of names"),
    ("places", [1], "`places:` is a list of names"),
    ("quote", ["a"], "quote is text"),
    ("sentence", -1, "sentence is the number of the sentence"),
    ("sentence", True, "sentence is the number of the sentence"),
    ("confidence", 1.5, "confidence is a number from 0 to 1"),
    ("confidence", False, "confidence is a number from 0 to 1"),
    ("confidence", None, "confidence is a number from 0 to 1"),
    ("mentions", [{"sentence": 0}], "mentions is a list of {sentence: <number>, quote: <text>}"),
    ("status", "wrong", "status is rejected (or absent), not 'wrong'"),
    ("reviewed", "yes", "reviewed is true or false"),
]


@pytest.mark.parametrize(
    ("name", "value", "message"), BAD, ids=[f"{name}={value!r}" for name, value, _ in BAD]
)
def test_each_field_names_a_bad_value(name: str, value: Any, message: str) -> None:
    problem = FIELDS[name].problem(value)
    assert problem is not None and message in problem


@pytest.mark.parametrize(
    ("name", "value"),
    [("date", None), ("date", dt.date(2025, 7, 12)), ("quote", None), ("actors", None), ("status", None)],
)
def test_an_empty_or_typed_value_is_no_problem_of_its_field(name: str, value: Any) -> None:
    assert FIELDS[name].problem(value) is None  # a missing required value is reported as missing
