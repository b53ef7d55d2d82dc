"""YAML storage of events and actors: round-trip editing, atomic writes, merging with human edits.

The YAML under content/ is the source of truth that people edit. To tell a person's edit from
the extractor's own output, the values the extractor last wrote are kept beside the events in
`content/events/.extracted/<slug>.json`. On a re-run, a field still equal to that record takes
the new extraction; a field a person changed keeps the person's value; an event a person
deleted (or marked `status: rejected`) is not extracted again; `reviewed: true` freezes an event;
an event a person added stays.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .actors import ActorRegistry, name_key
from .errors import ContentError
from .model import ACTOR_KINDS, Actor, DateValue, Event, Mention

EXTRACTED_FIELDS = ("date", "date_source", "title", "actors", "places", "quote", "sentence", "confidence", "mentions")
BASELINE_DIR = ".extracted"


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.max_depth = 50  # type: ignore[attr-defined]
    return yaml


@dataclass(frozen=True, slots=True)
class Content:
    """The folders a site is made of."""

    root: Path

    @property
    def articles(self) -> Path:
        return self.root / "articles"

    @property
    def events(self) -> Path:
        return self.root / "events"

    @property
    def actors(self) -> Path:
        return self.root / "actors.yml"

    def events_file(self, slug: str) -> Path:
        return self.events / f"{slug}.yml"

    def baseline_file(self, slug: str) -> Path:
        return self.events / BASELINE_DIR / f"{slug}.json"


# -- reading -------------------------------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    """Parse a YAML file for round-trip editing; errors name the file, line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(path, "the file is not UTF-8 text") from error
    if _alias_count(text) > 100:
        raise ContentError(path, "too many YAML aliases (&anchor/*alias); refusing a possible YAML bomb")
    try:
        return _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise ContentError(path, f"invalid YAML: {error.problem or error.context}", line, column) from error
    except (YAMLError, RecursionError, ValueError) as error:
        raise ContentError(path, f"invalid YAML: {error}") from error


def _alias_count(text: str) -> int:
    return text.count("*") if "&" in text else 0


def load_events(path: Path) -> list[Event]:
    """The events of one events file (rejected ones included, flagged by `status`)."""
    data = read_yaml(path)
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("events", []), list):
        raise ContentError(path, "an events file is a mapping with `article:` and an `events:` list", 1, 1)
    article = str(data.get("article") or path.stem)
    return [event_from_yaml(path, article, item) for item in data.get("events") or []]


def event_from_yaml(path: Path, article: str, item: Any) -> Event:
    """One event mapping as an Event; errors point at the item's line."""
    line, column = _position(item)
    if not isinstance(item, dict):
        raise ContentError(path, "each event is a mapping (id, date, title, ...)", line, column)
    missing = [key for key in ("id", "date", "title") if not item.get(key)]
    if missing:
        raise ContentError(path, f"event is missing {', '.join(missing)}", line, column)
    try:
        date = DateValue(str(item["date"]))
    except ValueError as error:
        raise ContentError(path, f"event {item['id']}: {error}", *_position(item, "date")) from error
    source = str(item.get("date_source") or "text")
    return Event(
        id=str(item["id"]),
        article=str(item.get("article") or article),
        date=date,
        date_source=source if source in ("text", "context", "published") else "text",  # type: ignore[arg-type]
        title=str(item["title"]),
        actors=tuple(str(actor) for actor in item.get("actors") or ()),
        places=tuple(str(place) for place in item.get("places") or ()),
        quote=str(item.get("quote") or ""),
        sentence=int(item.get("sentence") or 0),
        confidence=float(item.get("confidence", 1.0)),
        mentions=tuple(
            Mention(int(mention.get("sentence", 0)), str(mention.get("quote", "")))
            for mention in item.get("mentions") or ()
            if isinstance(mention, dict)
        ),
        status=str(item["status"]) if item.get("status") else None,
        reviewed=bool(item.get("reviewed", False)),
    )


def _position(node: Any, key: str | None = None) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        line, column = lc.value(key) if key is not None else (lc.line, lc.col)
    except (KeyError, TypeError, AttributeError):
        line, column = lc.line, lc.col
    return line + 1, column + 1


def load_all_events(content: Content) -> list[Event]:
    """Every event under content/events/, in file order."""
    if not content.events.is_dir():
        return []
    return [event for path in sorted(content.events.glob("*.yml")) for event in load_events(path)]


def load_registry(path: Path) -> ActorRegistry:
    """content/actors.yml as a registry (empty when the file does not exist)."""
    if not path.exists():
        return ActorRegistry()
    data = read_yaml(path)
    if data is None:
        return ActorRegistry()
    if not isinstance(data, dict):
        raise ContentError(path, "actors.yml is a mapping from canonical name to {kind, aliases}", 1, 1)
    actors = []
    for name, entry in data.items():
        entry = entry or {}
        if not isinstance(entry, dict):
            raise ContentError(path, f"actor {name!r}: expected `kind:` and `aliases:`", *_position(data, name))
        kind = str(entry.get("kind") or "other")
        if kind not in ACTOR_KINDS:
            raise ContentError(
                path, f"actor {name!r}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}", *_position(entry, "kind")
            )
        aliases = entry.get("aliases") or []
        actors.append(Actor(str(name), kind, tuple(str(alias) for alias in aliases)))  # type: ignore[arg-type]
    return ActorRegistry.of(actors)


# -- writing -------------------------------------------------------------------------------------


def write_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` through a temporary file and a rename; False when unchanged."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return True


def dump_yaml(data: Any) -> str:
    """Round-trip YAML text of `data`."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


@contextlib.contextmanager
def content_lock(content: Content) -> Iterator[None]:
    """Hold an exclusive lock on content/ so two runs never interleave their writes."""
    content.root.mkdir(parents=True, exist_ok=True)
    with open(content.root / ".timeline.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


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


def save_article_events(content: Content, slug: str, events: Sequence[Event]) -> bool:
    """Merge freshly extracted `events` into content/events/<slug>.yml; True when a file changed."""
    path = content.events_file(slug)
    document = read_yaml(path) if path.exists() else None
    if not isinstance(document, CommentedMap):
        document = CommentedMap([("article", slug), ("events", CommentedSeq())])
    if not isinstance(document.get("events"), CommentedSeq):
        document["events"] = CommentedSeq()
    baseline = _read_baseline(content.baseline_file(slug))
    new_baseline = merge_events(document["events"], baseline, events, slug)
    changed = write_atomic(path, dump_yaml(document))
    baseline_text = json.dumps(new_baseline, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return write_atomic(content.baseline_file(slug), baseline_text) or changed


def _read_baseline(path: Path) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}  # a broken record only means every field counts as a person's edit
    return data if isinstance(data, dict) else {}


def merge_events(
    items: CommentedSeq, baseline: dict[str, dict[str, Any]], events: Sequence[Event], slug: str
) -> dict[str, dict[str, Any]]:
    """Update the YAML event list in place with `events`; returns the new extraction record."""
    new_baseline: dict[str, dict[str, Any]] = {}
    matched: set[int] = set()
    present_ids = {str(item.get("id")) for item in items if isinstance(item, dict)}
    next_number = _next_number(present_ids | set(baseline), slug)
    for event in events:
        index = _find_existing(items, event, matched)
        fields = _plain(event_fields(event))
        if index is not None:
            matched.add(index)
            item = items[index]
            record = baseline.get(str(item.get("id")), {})
            _update_item(item, record, fields)
            new_baseline[str(item["id"])] = fields
            continue
        deleted = _deleted_by_person(baseline, present_ids, event)
        if deleted is not None:
            new_baseline[deleted] = {**baseline[deleted], "deleted": True}
            continue
        event_id = f"{slug}-{next_number}"
        next_number += 1
        items.append(CommentedMap([("id", event_id), *event_fields(event).items()]))
        matched.add(len(items) - 1)
        new_baseline[event_id] = fields
    _drop_stale(items, baseline, matched)
    for event_id, record in baseline.items():
        if record.get("deleted"):
            new_baseline.setdefault(event_id, record)
    return new_baseline


def _next_number(ids: set[str], slug: str) -> int:
    numbers = [int(i.rsplit("-", 1)[1]) for i in ids if i.startswith(f"{slug}-") and i.rsplit("-", 1)[1].isdigit()]
    return max(numbers, default=0) + 1


def _find_existing(items: CommentedSeq, event: Event, taken: set[int]) -> int | None:
    """The existing item telling the same happening: same sentence(s), by quote, never by position."""
    sentences = {event.quote.strip(), *(mention.quote.strip() for mention in event.mentions)}
    for index, item in enumerate(items):
        if index in taken or not isinstance(item, dict):
            continue
        quotes = {str(item.get("quote", "")).strip()}
        quotes |= {str(m.get("quote", "")).strip() for m in item.get("mentions") or () if isinstance(m, dict)}
        if sentences & quotes:
            return index
    return None


def _deleted_by_person(baseline: dict[str, dict[str, Any]], present: set[str], event: Event) -> str | None:
    quotes = {event.quote.strip(), *(mention.quote.strip() for mention in event.mentions)}
    for event_id, record in baseline.items():
        if event_id in present:
            continue
        recorded = {str(record.get("quote", "")).strip()}
        recorded |= {str(m.get("quote", "")).strip() for m in record.get("mentions") or ()}
        if quotes & recorded:
            return event_id
    return None


def _update_item(item: CommentedMap, record: dict[str, Any], fields: dict[str, Any]) -> None:
    if item.get("reviewed") is True or item.get("status") == "rejected":
        return
    for key, value in fields.items():
        current = _plain(item.get(key))
        if current == value:
            continue
        person_changed = key in item and (key not in record or current != record[key])
        if person_changed:
            continue
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


def _drop_stale(items: CommentedSeq, baseline: dict[str, dict[str, Any]], matched: set[int]) -> None:
    """Remove events the extractor wrote before and no longer finds, unless a person touched them."""
    for index in reversed(range(len(items))):
        item = items[index]
        if index in matched or not isinstance(item, dict):
            continue
        record = baseline.get(str(item.get("id")))
        if record is None or item.get("reviewed") or item.get("status"):
            continue  # added or curated by a person
        untouched = all(_plain(item.get(key)) == record.get(key) for key in EXTRACTED_FIELDS if key in record)
        if untouched:
            del items[index]


def _plain(value: Any) -> Any:
    """ruamel's commented containers as plain lists and dicts, for comparison and JSON."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def save_registry(path: Path, registry: ActorRegistry) -> bool:
    """Add new actors and aliases to content/actors.yml, keeping every person's edit and comment."""
    document = read_yaml(path) if path.exists() else None
    if not isinstance(document, CommentedMap):
        document = CommentedMap()
    known = {name_key(str(name)): str(name) for name in document}
    for actor in sorted(registry.actors.values(), key=lambda actor: actor.name.casefold()):
        name = known.get(name_key(actor.name))
        if name is None:
            entry = CommentedMap([("kind", actor.kind), ("aliases", CommentedSeq(actor.aliases))])
            entry["aliases"].fa.set_flow_style()
            _insert_sorted(document, actor.name, entry)
            continue
        entry = document[name]
        if entry is None:
            entry = document[name] = CommentedMap([("kind", actor.kind)])
        aliases = entry.get("aliases")
        if aliases is None:
            aliases = entry["aliases"] = CommentedSeq()
            aliases.fa.set_flow_style()
        present = {name_key(str(alias)) for alias in aliases} | {name_key(name)}
        for alias in actor.aliases:
            if name_key(alias) not in present:
                aliases.append(alias)
                present.add(name_key(alias))
    return write_atomic(path, dump_yaml(document))


def _insert_sorted(document: CommentedMap, name: str, entry: CommentedMap) -> None:
    position = len(document)
    for index, existing in enumerate(document):
        if str(existing).casefold() > name.casefold():
            position = index
            break
    document.insert(position, name, entry)
