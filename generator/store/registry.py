"""content/actors.yml read into a registry and written back, keeping edits."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import replace
from itertools import accumulate
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.errors import ContentError
from generator.model import ACTOR_KINDS, Actor
from generator.registry import ActorRegistry, name_key
from generator.store.fresh_yaml import fresh_yaml_by_entry
from generator.store.yaml_io import (
    _flow,
    _position,
    dump_yaml,
    read_yaml,
    read_yaml_cached,
    read_yaml_values,
    write_atomic,
)


def load_registry(path: Path) -> ActorRegistry:
    """content/actors.yml as a registry (empty when the file does not exist)."""
    if not path.exists():
        return ActorRegistry()
    try:
        return _registry_of(path, read_yaml_values(path))
    except ContentError:
        return _registry_of(path, read_yaml_cached(path))  # the same error, with its line


def _registry_of(path: Path, data: Any) -> ActorRegistry:
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


def save_registry(path: Path, registry: ActorRegistry) -> bool:
    """Add new actors and aliases to content/actors.yml, keeping every person's edit and comment."""
    document = read_yaml(path) if path.exists() else None
    if document is None:
        document = CommentedMap()
    if not isinstance(document, CommentedMap):
        raise ContentError(path, "actors.yml is a mapping from canonical name to {kind, aliases}", 1, 1)
    before = dump_yaml(document) if path.exists() else None
    known = {name_key(str(name)): name for name in document}
    new: list[tuple[str, CommentedMap]] = []
    for actor in sorted(registry.actors.values(), key=lambda actor: actor.name.casefold()):
        name = known.get(name_key(actor.name))
        if name is None:
            entry = CommentedMap([("kind", actor.kind), ("aliases", _flow(actor.aliases))])
            if actor.note:
                entry["note"] = actor.note
            new.append((actor.name, entry))
        else:
            _add_aliases(path, document, name, actor)
    _insert_sorted(document, new)
    after = (
        dump_yaml(document)
        if before is not None or not document
        else fresh_yaml_by_entry(document, dump_yaml)
    )
    return after != before and write_atomic(path, after)


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


def saved_registry(current: ActorRegistry, merged: ActorRegistry) -> ActorRegistry:
    """The registry `load_registry` reads once `save_registry` has written `merged` into a file
    that reads as `current`: a run finds the fixpoint of resolution without a YAML round trip a pass.
    """
    entries = dict(current.actors)
    known = {name_key(name): name for name in entries}
    new: list[Actor] = []
    for actor in sorted(merged.actors.values(), key=lambda actor: actor.name.casefold()):
        name = known.get(name_key(actor.name))
        if name is None:
            new.append(Actor(actor.name, actor.kind, actor.aliases, actor.note or None))
        else:
            entries[name] = _with_aliases(entries[name], actor.aliases)
    entries.update((actor.name, actor) for actor in new)
    order = _insertion_order(list(current.actors), [actor.name for actor in new])
    return ActorRegistry.of(entries[name] for name in order)


def _with_aliases(actor: Actor, aliases: tuple[str, ...]) -> Actor:
    """`actor` with the `aliases` it lacks appended, as `_add_aliases` writes them."""
    present = {name_key(alias) for alias in actor.aliases} | {name_key(actor.name)}
    added = []
    for alias in aliases:
        if name_key(alias) not in present:
            added.append(alias)
            present.add(name_key(alias))
    return replace(actor, aliases=(*actor.aliases, *added)) if added else actor


def _insert_sorted(document: CommentedMap, new: list[tuple[str, CommentedMap]]) -> None:
    """Insert `new` (in name order), each before the first entry whose name sorts after it."""
    if not new:
        return
    order = _insertion_order(list(document), [name for name, _ in new])
    for name, entry in new:
        document[name] = entry
    for key in order:
        document.move_to_end(key)


def _insertion_order(existing: list[Any], new: list[str]) -> list[Any]:
    """The keys `existing` with `new` (in name order) each before the first key that sorts after it.

    All at once, in linear time: inserting one by one moves every later key each time.
    """
    if not new:
        return existing
    # the first existing name that sorts after a new one: the first point where the running
    # maximum passes it, which holds even where a person put the file out of order
    running = list(accumulate((str(key).casefold() for key in existing), max))
    before: dict[int, list[str]] = {}
    for name in new:
        before.setdefault(bisect_right(running, name.casefold()), []).append(name)
    order: list[Any] = []
    for index, key in enumerate(existing):
        order += before.get(index, [])
        order.append(key)
    return order + before.get(len(existing), [])
