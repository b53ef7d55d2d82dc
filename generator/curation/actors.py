"""Actor curation: merge, rename and split actors in actors.yml and in every events file.

Each operation runs under the content lock, prepares every changed file in memory first (so a
broken file stops it before anything is written), then writes each file atomically. The
extraction records (events/.extracted/) get the same renames, so a curated name is not taken for
a person's edit of the `actors:` field and later extractions still update that field. The old
name stays as an alias, so the extractor resolves it to the curated actor from then on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.errors import ContentError
from generator.registry import name_key
from generator.store.content import BASELINE_DIR, Content, content_lock
from generator.store.events import baseline_text, read_baseline
from generator.store.registry import _insert_sorted
from generator.store.yaml_io import _flow, dump_yaml, read_yaml, write_atomic

# Decides an event's new name for one actor name: (name, the event's fields) -> new name.
Renamer = Callable[[str, Mapping[str, Any]], str]


@dataclass(frozen=True, slots=True)
class CurationReport:
    """What an actor operation changed."""

    files: tuple[Path, ...]
    events: tuple[str, ...]

    def summary(self) -> str:
        """One line for the terminal."""
        return f"{len(self.events)} events renamed; {len(self.files)} files changed"


def merge_actors(content: Content, source: str, target: str) -> CurationReport:
    """Fold actor `source` (name and aliases) into `target`, in actors.yml and every event."""
    with content_lock(content):
        document = _actors_document(content)
        source_key, target_key = _find(content, document, source), _find(content, document, target)
        if source_key == target_key:
            raise ContentError(content.actors, f"{source!r} and {target!r} are the same actor")
        folded = {name_key(name) for name in (source_key, *_aliases(document, source_key))}
        entry = _entry(document, target_key)
        _add_aliases(entry, [source_key, *_aliases(document, source_key)], target_key)
        del document[source_key]
        return _apply(
            content, document, lambda name, _fields: target_key if name_key(name) in folded else name
        )


def rename_actor(content: Content, old: str, new: str) -> CurationReport:
    """Give actor `old` the canonical name `new`; `old` stays as an alias."""
    with content_lock(content):
        document = _actors_document(content)
        key = _find(content, document, old)
        if new.strip() != new or not new:
            raise ContentError(content.actors, f"{new!r} is not a name (empty, or spaces around it)")
        clash = _lookup(document, new)
        if clash is not None and clash != key:
            raise ContentError(
                content.actors, f"{new!r} already names {clash!r}; use `timeline actors merge`"
            )
        position = list(document).index(key)
        entry = _entry(document, key)
        document.insert(position, new, document.pop(key))
        _add_aliases(entry, [key], new)
        return _apply(content, document, lambda name, _fields: new if name == key else name)


def split_actor(
    content: Content, name: str, new_name: str, aliases: Iterable[str] = (), event_ids: Iterable[str] = ()
) -> CurationReport:
    """Make `new_name` its own actor with `aliases` (moved from `name`) and move its events to it.

    An event moves when its id is in `event_ids`, or, with no ids given, when its quote names
    `new_name` or one of `aliases` and not `name` or the aliases it keeps.
    """
    with content_lock(content):
        document = _actors_document(content)
        key = _find(content, document, name)
        owner = _lookup(document, new_name)
        if owner is not None and (owner != key or name_key(new_name) == name_key(key)):
            raise ContentError(
                content.actors, f"{new_name!r} is already an actor; use `timeline actors merge`"
            )
        moved = [
            alias.strip() for alias in aliases if alias.strip() and name_key(alias) != name_key(new_name)
        ]
        entry = _entry(document, key)
        leaving = {name_key(alias) for alias in [*moved, new_name]}
        kept = [alias for alias in _aliases(document, key) if name_key(alias) not in leaving]
        entry["aliases"] = _flow(kept)
        new_entry = CommentedMap([("kind", entry.get("kind", "other")), ("aliases", _flow(moved))])
        _insert_sorted(document, [(new_name, new_entry)])
        chosen = set(event_ids)
        theirs, ours = [new_name, *moved], [key, *kept]

        def renamer(actor: str, fields: Mapping[str, Any]) -> str:
            if actor != key:
                return actor
            if chosen:
                return new_name if str(fields.get("id")) in chosen else actor
            quotes = _quotes(fields)
            rest = [_without(quote, theirs) for quote in quotes]  # "Sergei Lavrov" also holds "Lavrov"
            return new_name if rest != quotes and not _names_any(rest, ours) else actor

        return _apply(content, document, renamer)


# -- actors.yml ------------------------------------------------------------------------------------


def _actors_document(content: Content) -> CommentedMap:
    if not content.actors.exists():
        raise ContentError(content.actors, "there is no actors.yml; run `timeline extract` first")
    document = read_yaml(content.actors)
    if not isinstance(document, CommentedMap):
        raise ContentError(
            content.actors, "actors.yml is a mapping from canonical name to {kind, aliases}", 1, 1
        )
    return document


def _lookup(document: CommentedMap, name: str) -> str | None:
    """The canonical name in `document` that `name` is (by name or alias), if any."""
    key = name_key(name)
    for canonical in document:
        if key in {name_key(str(canonical)), *(name_key(alias) for alias in _aliases(document, canonical))}:
            return str(canonical)
    return None


def _find(content: Content, document: CommentedMap, name: str) -> str:
    if name in document:
        return name
    canonical = _lookup(document, name)
    if canonical is None:
        raise ContentError(
            content.actors,
            f"no actor is named {name!r} in actors.yml (check the spelling and the canonical name)",
        )
    if name_key(canonical) != name_key(name):
        raise ContentError(content.actors, f"{name!r} is an alias of {canonical!r}; give the canonical name")
    return canonical


def _entry(document: CommentedMap, key: str) -> CommentedMap:
    entry = document.get(key)
    if entry is None:
        entry = document[key] = CommentedMap([("kind", "other"), ("aliases", _flow([]))])
    if not isinstance(entry, CommentedMap):
        raise ContentError("actors.yml", f"actor {key!r}: expected `kind:` and `aliases:`")
    return entry


def _aliases(document: CommentedMap, key: Any) -> list[str]:
    entry = document.get(key)
    aliases = entry.get("aliases") if isinstance(entry, dict) else None
    return [str(alias) for alias in aliases] if isinstance(aliases, list) else []


def _add_aliases(entry: CommentedMap, names: Iterable[str], canonical: str) -> None:
    aliases = entry.get("aliases")
    if not isinstance(aliases, CommentedSeq) or not aliases:
        aliases = entry["aliases"] = _flow([])  # `aliases: []` grows as `[A, B]`
    present = {name_key(str(alias)) for alias in aliases} | {name_key(canonical)}
    for name in names:
        if name_key(name) not in present:
            aliases.append(name)
            present.add(name_key(name))


# -- events ----------------------------------------------------------------------------------------


def _apply(content: Content, document: CommentedMap, renamer: Renamer) -> CurationReport:
    """Rename actors in every events file and record, then write everything that changed."""
    outputs: dict[Path, str] = {content.actors: dump_yaml(document)}
    renamed: list[str] = []
    for path in sorted(content.events.glob("*.yml")) if content.events.is_dir() else []:
        events = read_yaml(path)
        items = events.get("events") if isinstance(events, dict) else None
        if not isinstance(items, list):
            continue
        renamed += [
            str(item.get("id")) for item in items if isinstance(item, dict) and _rename(item, renamer)
        ]
        outputs[path] = dump_yaml(events)
        record_path = content.events / BASELINE_DIR / f"{path.stem}.json"
        record = read_baseline(record_path)
        if record:
            for event_id, fields in record.items():
                _rename({"id": event_id, **fields}, renamer, fields)
            outputs[record_path] = baseline_text(record)
    written = tuple(path for path, text in outputs.items() if write_atomic(path, text))
    return CurationReport(written, tuple(renamed))


def _rename(item: Mapping[str, Any], renamer: Renamer, target: Any = None) -> bool:
    """Rename the actors of one event (or record) in place; True when any name changed."""
    target = item if target is None else target
    actors = target.get("actors")
    if not isinstance(actors, list):
        return False
    names = [renamer(str(actor), item) for actor in actors]
    unique = list(dict.fromkeys(names))
    if unique == [str(actor) for actor in actors]:
        return False
    actors[:] = unique
    return True


def _quotes(fields: Mapping[str, Any]) -> list[str]:
    mentions = fields.get("mentions")
    extra = (
        [str(m.get("quote", "")) for m in mentions if isinstance(m, dict)]
        if isinstance(mentions, list)
        else []
    )
    return [str(fields.get("quote") or ""), *extra]


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def _without(text: str, names: Iterable[str]) -> str:
    """`text` with every mention of `names` blanked out, longest name first."""
    for name in sorted((name for name in names if name), key=len, reverse=True):
        text = _name_pattern(name).sub(" ", text)
    return text


def _names_any(texts: Iterable[str], names: Iterable[str]) -> bool:
    patterns = [_name_pattern(name) for name in names if name]
    return any(pattern.search(text) for text in texts for pattern in patterns)
