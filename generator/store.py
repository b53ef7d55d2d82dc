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

import contextlib
import datetime as dt
import difflib
import fcntl
import io
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarfloat import ScalarFloat

from .actors import ActorRegistry, name_key
from .errors import ContentError
from .model import ACTOR_KINDS, Actor, DateValue, Event, Mention

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
BASELINE_DIR = ".extracted"
MAX_YAML_BYTES = 20 * 1024 * 1024
MAX_YAML_NODES = 200_000
_NEEDS_DOUBLE_QUOTES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_TIMESTAMP = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_FUZZY_QUOTE = 0.8


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, with strings it would mangle written double-quoted."""


def _represent_str(representer: RoundTripRepresenter, data: str) -> Any:
    # ruamel writes NEL (U+0085) and U+2028/9 raw inside plain or single-quoted scalars, where
    # YAML reads them as line breaks: the value would change on the next load.
    if _NEEDS_DOUBLE_QUOTES.search(data):
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return representer.represent_str(data)


def _represent_scalar_float(representer: RoundTripRepresenter, data: ScalarFloat) -> Any:
    # ruamel re-derives a loaded float's digits from its format and can print the 17th digit
    # differently (2.4354223014450288e-248 came back ...287e-248); keep its layout otherwise ("1.50").
    node = representer.represent_scalar_float(data)
    if _digits(str(node.value)) != _digits(repr(float(data))):
        return representer.represent_float(float(data))
    return node


def _digits(number: str) -> str:
    return re.sub(r"\D", "", re.split("[eE]", number)[0]).strip("0")


_Representer.add_representer(str, _represent_str)
_Representer.add_representer(ScalarFloat, _represent_scalar_float)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.width = 4096  # never fold a quote: a person edits these files, diffs stay line by line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
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
    text = _read_yaml_text(path)
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise ContentError(path, f"invalid YAML: {error.problem or error.context}", line, column) from error
    except ValueError as error:  # `date: 2025-02-30`: a timestamp that is no calendar day
        line, column = bad_timestamp_position(text) or (None, None)
        raise ContentError(path, f"invalid date: {error}", line, column) from error
    except (YAMLError, RecursionError) as error:
        raise ContentError(path, f"invalid YAML: {error}") from error
    try:
        yaml_node_count(data)
    except ValueError as error:
        raise ContentError(path, str(error)) from error
    return data


_READ_CACHE: dict[Path, tuple[tuple[int, int], Any]] = {}


def read_yaml_cached(path: Path) -> Any:
    """`read_yaml` for readers that never modify the result: parsed once per file version.

    `timeline check`, the plugin's check and rendering read the same files; under `mkdocs serve`
    an edit re-parses only the file that changed.
    """
    try:
        status = path.stat()
    except OSError:
        return read_yaml(path)  # raises the named error
    stamp = (status.st_mtime_ns, status.st_size)
    cached = _READ_CACHE.get(path.resolve())
    if cached is not None and cached[0] == stamp:
        return cached[1]
    data = read_yaml(path)
    _READ_CACHE[path.resolve()] = (stamp, data)
    return data


def _read_yaml_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError(path, f"cannot read the file: {error.strerror}") from error
    if len(data) > MAX_YAML_BYTES:
        raise ContentError(path, f"the file is over {MAX_YAML_BYTES // 2**20} MiB; refusing to parse it")
    if b"\x00" in data[:8192]:
        raise ContentError(path, "the file is binary, not YAML text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(path, "the file is not UTF-8 text; re-save it as UTF-8", line) from error


def yaml_node_count(data: Any, limit: int = MAX_YAML_NODES) -> int:
    """Values `data` expands to with aliases followed; ValueError for a YAML bomb or a cycle."""
    return _count_nodes(data, {}, set(), limit)


def _count_nodes(node: Any, sizes: dict[int, int], active: set[int], limit: int) -> int:
    if not isinstance(node, dict | list):
        return 1
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in active:
        raise ValueError("a YAML alias refers to a value that contains it (a recursive structure)")
    active.add(key)
    total = 1
    for child in [*node.keys(), *node.values()] if isinstance(node, dict) else node:
        total += _count_nodes(child, sizes, active, limit)
        if total > limit:
            raise ValueError(f"the YAML expands to over {limit} values through aliases (a YAML bomb?)")
    active.discard(key)
    sizes[key] = total
    return total


def bad_timestamp_position(text: str) -> tuple[int, int] | None:
    """(line, column), 1-based, of the first YYYY-MM-DD scalar in `text` that is no calendar day."""
    try:
        root = YAML(typ="rt").compose(text)
    except (YAMLError, RecursionError, ValueError):
        return None
    seen: set[int] = set()
    stack: list[Node] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode) and not _is_calendar_day(str(node.value)):
            return node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, MappingNode):
            stack += [part for pair in reversed(node.value) for part in reversed(pair)]
        elif isinstance(node, SequenceNode):
            stack += reversed(node.value)
    return None


def _is_calendar_day(value: str) -> bool:
    match = _TIMESTAMP.match(value)
    if not match:
        return True
    try:
        dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return False
    return True


def load_events(path: Path) -> list[Event]:
    """The events of one events file (rejected ones included, flagged by `status`)."""
    data = read_yaml_cached(path)
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("events", []), list | None):
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


def yaml_position(node: Any, key: Any = None) -> tuple[int | None, int | None]:
    """(line, column), 1-based, of `node` or of its value at `key` (a mapping key or list index)."""
    return _position(node, key)


def yaml_key_position(node: Any, key: Any) -> tuple[int | None, int | None]:
    """(line, column), 1-based, of the key `key` itself in mapping `node`."""
    try:
        line, column = node.lc.key(key)
    except (KeyError, TypeError, AttributeError):
        return _position(node)
    return line + 1, column + 1


def _position(node: Any, key: Any = None) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        line, column = (
            (lc.value(key) if isinstance(node, dict) else lc.item(key))
            if key is not None
            else (lc.line, lc.col)
        )
    except (KeyError, TypeError, AttributeError, IndexError):
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
    data = read_yaml_cached(path)
    if data is None:
        return ActorRegistry()
    if not isinstance(data, dict):
        raise ContentError(path, "actors.yml is a mapping from canonical name to {kind, aliases}", 1, 1)
    return ActorRegistry.of(_actor(path, data, name) for name in data)


def _actor(path: Path, data: Mapping[Any, Any], name: Any) -> Actor:
    entry = data[name] or {}
    if not isinstance(entry, dict):
        raise ContentError(path, f"actor {name!r}: expected `kind:` and `aliases:`", *_position(data, name))
    kind = str(entry.get("kind") or "other")
    if kind not in ACTOR_KINDS:
        raise ContentError(
            path,
            f"actor {name!r}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}",
            *_position(entry, "kind"),
        )
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise ContentError(
            path, f"actor {name!r}: `aliases:` is a list, e.g. [Lavrov]", *_position(entry, "aliases")
        )
    note = str(entry["note"]) if entry.get("note") else None
    return Actor(str(name), kind, tuple(str(alias) for alias in aliases), note)  # type: ignore[arg-type]


# -- writing -------------------------------------------------------------------------------------


def write_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` through a temporary file and a rename; False when unchanged."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def dump_yaml(data: Any) -> str:
    """Round-trip YAML text of `data`."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


@contextlib.contextmanager
def content_lock(content: Content) -> Iterator[None]:
    """Hold an exclusive lock on content/ so two runs never interleave their writes."""
    content.root.mkdir(parents=True, exist_ok=True)
    with open(content.root / ".timeline.lock", "a", encoding="utf-8") as lock:
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
    fresh = document is None  # no file, or an emptied one: extract the article afresh
    document = _events_document(path, document, slug)
    before = None if fresh else dump_yaml(document)
    baseline = {} if fresh else read_baseline(content.baseline_file(slug))
    new_baseline = merge_events(document["events"], baseline, events, slug)
    after = dump_yaml(document)
    changed = after != before and write_atomic(path, after)
    return write_atomic(content.baseline_file(slug), baseline_text(new_baseline)) or changed


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
    present = {_id(item) for item in items if isinstance(item, dict)}
    next_number = _next_number(present | set(baseline), slug)
    matches = match_events(items, baseline, events)
    kept: set[int] = set()
    for index, event in enumerate(events):
        fields = _plain(event_fields(event))
        if index in matches:
            item = items[matches[index]]
            kept.add(id(item))
            _update_item(item, baseline.get(_id(item), {}), fields)
            new_baseline[_id(item)] = fields
            continue
        deleted = _deleted_by_person(baseline, present, event)
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


def _id(item: Mapping[str, Any]) -> str:
    return str(item.get("id"))


def _next_number(ids: set[str], slug: str) -> int:
    numbers = [
        int(i.rsplit("-", 1)[1]) for i in ids if i.startswith(f"{slug}-") and i.rsplit("-", 1)[1].isdigit()
    ]
    return max(numbers, default=0) + 1


def match_events(
    items: Sequence[Any], baseline: Mapping[str, Mapping[str, Any]], events: Sequence[Event]
) -> dict[int, int]:
    """{event index: item index}: each new event paired with the item telling the same sentence."""
    pairs = []
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        versions = [item, baseline.get(_id(item), {})]
        for index, event in enumerate(events):
            score = max(_match_score(event, version) for version in versions)
            if score > 0:
                pairs.append((-score, index, position))
    matches: dict[int, int] = {}
    taken: set[int] = set()
    for _score, index, position in sorted(pairs):
        if index not in matches and position not in taken:
            matches[index] = position
            taken.add(position)
    return matches


def _match_score(event: Event, fields: Mapping[str, Any]) -> float:
    """How surely `fields` (an item or a record) tell `event`: 0 not at all, 3 the same sentence."""
    primary = _normal(event.quote)
    theirs = _quotes(fields)
    if not primary or not theirs:
        return 0.0
    if primary == _normal(fields.get("quote")):
        score = 3.0
    elif {primary, *(_normal(m.quote) for m in event.mentions)} & theirs:
        score = 2.0
    elif max(_similarity(primary, quote) for quote in theirs) >= _FUZZY_QUOTE:
        score = 1.0  # an improved extractor trimmed or extended the sentence
    else:
        return 0.0
    tiebreak = _similarity(event.title, str(fields.get("title") or ""))
    actors = fields.get("actors")
    if isinstance(actors, list) and set(event.actors) & {str(name) for name in actors}:
        tiebreak += 1
    return score + tiebreak / 4  # two events of one sentence: the one with the same title and actors


def _quotes(fields: Mapping[str, Any]) -> set[str]:
    quotes = {_normal(fields.get("quote"))}
    mentions = fields.get("mentions")
    if isinstance(mentions, list):
        quotes |= {_normal(mention.get("quote")) for mention in mentions if isinstance(mention, dict)}
    return quotes - {""}


def _normal(text: Any) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def _similarity(first: str, second: str) -> float:
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() >= _FUZZY_QUOTE / 2 else 0.0


def _deleted_by_person(
    baseline: Mapping[str, Mapping[str, Any]], present: set[str], event: Event
) -> str | None:
    """The id of an event the extractor wrote, a person deleted, and `event` tells again."""
    scores = [
        (_match_score(event, record), event_id)
        for event_id, record in baseline.items()
        if event_id not in present
    ]
    best = max(scores, default=(0.0, ""))
    return best[1] if best[0] > 0 else None


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
        record = baseline.get(_id(item))
        if record is None or record.get("deleted") or item.get("reviewed") or item.get("status"):
            continue  # added or curated by a person
        untouched = all(_plain(item.get(key)) == record.get(key) for key in EXTRACTED_FIELDS if key in record)
        if untouched and set(item) <= {"id", *record} and not _has_comments(item):
            del items[index]


def _has_comments(node: Any) -> bool:
    """Whether a person wrote a comment in (or right after) `node`: then it is not the extractor's alone."""
    if not isinstance(node, CommentedMap | CommentedSeq):
        return False
    if node.ca.comment or any(node.ca.items.values()):
        return True
    children = node.values() if isinstance(node, CommentedMap) else node
    return any(_has_comments(child) for child in children)


def _plain(value: Any) -> Any:
    """ruamel's commented containers as plain lists and dicts, for comparison and JSON."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def save_registry(path: Path, registry: ActorRegistry) -> bool:
    """Add new actors and aliases to content/actors.yml, keeping every person's edit and comment."""
    document = read_yaml(path) if path.exists() else None
    if document is None:
        document = CommentedMap()
    if not isinstance(document, CommentedMap):
        raise ContentError(path, "actors.yml is a mapping from canonical name to {kind, aliases}", 1, 1)
    before = dump_yaml(document) if path.exists() else None
    known = {name_key(str(name)): name for name in document}
    for actor in sorted(registry.actors.values(), key=lambda actor: actor.name.casefold()):
        name = known.get(name_key(actor.name))
        if name is None:
            entry = CommentedMap([("kind", actor.kind), ("aliases", _flow(actor.aliases))])
            if actor.note:
                entry["note"] = actor.note
            _insert_sorted(document, actor.name, entry)
        else:
            _add_aliases(path, document, name, actor)
    after = dump_yaml(document)
    return after != before and write_atomic(path, after)


def _flow(names: Sequence[str]) -> CommentedSeq:
    seq = CommentedSeq(names)
    seq.fa.set_flow_style()
    return seq


def _add_aliases(path: Path, document: CommentedMap, name: Any, actor: Actor) -> None:
    entry = document[name]
    if entry is None:
        entry = document[name] = CommentedMap([("kind", actor.kind)])
    if not isinstance(entry, CommentedMap):
        raise ContentError(
            path, f"actor {name!r}: expected `kind:` and `aliases:`", *_position(document, name)
        )
    aliases = entry.get("aliases")
    if aliases is None or (isinstance(aliases, CommentedSeq) and not aliases):
        aliases = entry["aliases"] = _flow([])  # `aliases: []` grows as `[A, B]`
    if not isinstance(aliases, CommentedSeq):
        raise ContentError(
            path, f"actor {name!r}: `aliases:` is a list, e.g. [Lavrov]", *_position(entry, "aliases")
        )
    present = {name_key(str(alias)) for alias in aliases} | {name_key(str(name))}
    for alias in actor.aliases:
        if name_key(alias) not in present:
            aliases.append(alias)
            present.add(name_key(alias))


def _insert_sorted(document: CommentedMap, name: str, entry: CommentedMap) -> None:
    position = len(document)
    for index, existing in enumerate(document):
        if str(existing).casefold() > name.casefold():
            position = index
            break
    document.insert(position, name, entry)
