"""YAML storage of events and actors: round-trip editing, atomic writes, merging with human edits.

The YAML under content/ is the source of truth that people edit. To tell a person's edit from
the extractor's own output, the values the extractor last wrote are kept beside the events in
`content/events/.extracted/<slug>.json` (commit it with the YAML). On a re-run, a field still
equal to that record takes the new extraction; a field a person changed (or deleted) keeps the
person's version; an event a person deleted (or marked `status: rejected`) is not extracted
again; `reviewed: true` freezes an event; an event a person added stays. Events are matched to
earlier ones by their sentence (quote), never by position, so ids are stable. Deleting a whole
events file (or emptying it) means "extract this article afresh". A run that changes nothing
writes nothing: files stay byte-identical, with their mtimes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarfloat import ScalarFloat

from generator.errors import ContentError
from generator.model import Event
from generator.store.content import Content
from generator.store.fresh_yaml import fresh_yaml
from generator.store.matching import find_deleted, match_events
from generator.store.schema import EXTRACTED_FIELDS, REQUIRED_FIELDS, event_fields, event_from_yaml, item_id
from generator.store.yaml_io import (
    _has_comments,
    _plain,
    _position,
    _represent_scalar_float,
    _represent_str,
    _Representer,
    dump_yaml,
    read_yaml,
    read_yaml_cached,
    read_yaml_values,
    write_atomic,
)

_Representer.add_representer(str, _represent_str)


_Representer.add_representer(ScalarFloat, _represent_scalar_float)


_EVENTS: dict[Path, tuple[Any, list[Event]]] = {}  # path -> (the values read, their events)


def load_events(path: Path) -> list[Event]:
    """The events of one events file (rejected ones included, flagged by `status`); made once
    per version of the file, as its values are read (a copy of the list each time)."""
    try:
        data = read_yaml_values(path)
        cached = _EVENTS.get(path)
        if cached is not None and cached[0] is data:
            return list(cached[1])
        events = _events_of(path, data)
        _EVENTS[path] = (data, events)
        return list(events)
    except ContentError:
        return _events_of(path, read_yaml_cached(path))  # the same error, with its line


def _events_of(path: Path, data: Any) -> list[Event]:
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("events", []), list | None):
        raise ContentError(path, "an events file is a mapping with `article:` and an `events:` list", 1, 1)
    article = str(data.get("article") or path.stem)
    return [event_from_yaml(path, article, item) for item in data.get("events") or []]


def load_all_events(content: Content) -> list[Event]:
    """Every event under content/events/, in file order."""
    if not content.events.is_dir():
        return []
    return [event for path in sorted(content.events.glob("*.yml")) for event in load_events(path)]


def save_article_events(content: Content, slug: str, events: Sequence[Event]) -> bool:
    """Merge freshly extracted `events` into content/events/<slug>.yml; True when a file changed."""
    return write_article_events(content, slug, *merged_article_texts(content, slug, events))


def merged_article_texts(content: Content, slug: str, events: Sequence[Event]) -> tuple[str | None, str]:
    """The text of content/events/<slug>.yml with freshly extracted `events` merged in (None when
    it stays as it is) and of its extraction record; nothing is written."""
    path = content.events_file(slug)
    document = read_yaml(path) if path.exists() else None
    fresh = document is None  # no file, or an emptied one: extract the article afresh
    document = _events_document(path, document, slug)
    before = None if fresh else dump_yaml(document)
    baseline = {} if fresh else read_baseline(content.baseline_file(slug))
    new_baseline = merge_events(document["events"], baseline, events, slug)
    after = (fresh and fresh_yaml(document)) or dump_yaml(document)
    return (after if after != before else None), baseline_text(new_baseline)


def write_article_events(content: Content, slug: str, events_text: str | None, record_text: str) -> bool:
    """Write the texts `merged_article_texts` gave; True when a file changed."""
    changed = events_text is not None and write_atomic(content.events_file(slug), events_text)
    return write_atomic(content.baseline_file(slug), record_text) or changed


def baseline_text(baseline: Mapping[str, Any]) -> str:
    """The extraction record as deterministic JSON."""
    return json.dumps(baseline, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _events_document(path: Path, document: Any, slug: str) -> CommentedMap:
    if document is None:
        return CommentedMap([("article", slug), ("events", CommentedSeq())])
    if not isinstance(document, CommentedMap):
        raise ContentError(path, "an events file is a mapping with `article:` and an `events:` list", 1, 1)
    events = document.get("events")
    if events is None:
        document["events"] = CommentedSeq()
    elif not isinstance(events, CommentedSeq):
        raise ContentError(path, "`events:` is a list of events", *_position(document, "events"))
    return document


def read_baseline(path: Path) -> dict[str, dict[str, Any]]:
    """The extraction record of one article ({} when missing or unreadable)."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}  # a broken record only means every field counts as a person's edit
    if not isinstance(data, dict):
        return {}
    return {str(key): value for key, value in data.items() if isinstance(value, dict)}


def merge_events(
    items: CommentedSeq, baseline: dict[str, dict[str, Any]], events: Sequence[Event], slug: str
) -> dict[str, dict[str, Any]]:
    """Update the YAML event list in place with `events`; returns the new extraction record."""
    new_baseline: dict[str, dict[str, Any]] = {}
    present = {item_id(item) for item in items if isinstance(item, dict)}
    next_number = _next_number(present | set(baseline), slug)
    matches = match_events(items, baseline, events)
    deleted_ids = find_deleted(baseline, present, events, matches.keys())
    kept: set[int] = set()
    for index, event in enumerate(events):
        fields = _plain(event_fields(event))
        if index in matches:
            item = items[matches[index]]
            kept.add(id(item))
            _update_item(item, baseline.get(item_id(item), {}), fields)
            new_baseline[item_id(item)] = fields
            continue
        deleted = deleted_ids.get(index)  # an event a person deleted: not extracted again
        if deleted is not None:
            new_baseline[deleted] = {**baseline[deleted], "deleted": True}
            continue
        event_id = f"{slug}-{next_number}"
        next_number += 1
        item = CommentedMap([("id", event_id), *event_fields(event).items()])
        items.append(item)
        kept.add(id(item))
        new_baseline[event_id] = fields
    _drop_stale(items, baseline, kept)
    for event_id, record in baseline.items():
        if record.get("deleted") and event_id not in present:
            new_baseline.setdefault(event_id, record)
    return new_baseline


def _next_number(ids: set[str], slug: str) -> int:
    numbers = [
        int(i.rsplit("-", 1)[1]) for i in ids if i.startswith(f"{slug}-") and i.rsplit("-", 1)[1].isdigit()
    ]
    return max(numbers, default=0) + 1


def _frozen(item: Mapping[str, Any]) -> bool:
    return item.get("reviewed") is True or item.get("status") == "rejected"


def _update_item(item: CommentedMap, record: Mapping[str, Any], fields: Mapping[str, Any]) -> None:
    if _frozen(item):
        return
    for key, value in fields.items():
        if key not in item:
            if key in record and key not in REQUIRED_FIELDS:
                continue  # the extractor wrote it and a person deleted it
            _set_preserving_position(item, key, value)
            continue
        current = _plain(item[key])
        if current == value or key not in record or current != record[key]:
            continue  # unchanged, or the person's value
        _set_preserving_position(item, key, value)
    for key in EXTRACTED_FIELDS:
        if key not in fields and key in item and key in record and _plain(item[key]) == record[key]:
            del item[key]  # e.g. mentions the new extraction no longer has


def _set_preserving_position(item: CommentedMap, key: str, value: Any) -> None:
    if key in item:
        item[key] = value
        return
    order = ["id", *EXTRACTED_FIELDS]
    position = len(item)
    later = order[order.index(key) + 1 :] if key in order else []
    for index, existing in enumerate(item):
        if existing in later:
            position = index
            break
    item.insert(position, key, value)


def _drop_stale(items: CommentedSeq, baseline: Mapping[str, Mapping[str, Any]], kept: set[int]) -> None:
    """Remove events the extractor wrote before and no longer finds, unless a person touched them."""
    for index in reversed(range(len(items))):
        item = items[index]
        if id(item) in kept or not isinstance(item, dict):
            continue
        record = baseline.get(item_id(item))
        if record is None or record.get("deleted") or item.get("reviewed") or item.get("status"):
            continue  # added or curated by a person
        untouched = all(_plain(item.get(key)) == record.get(key) for key in EXTRACTED_FIELDS if key in record)
        if untouched and set(item) <= {"id", *record} and not _has_comments(item):
            del items[index]
