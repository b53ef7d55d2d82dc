"""The extraction cache: what the NLP found in each article, kept between runs.

An article's NLP runs again only when its bytes, the extractor's version or the model change (the
key is a hash of all three). The cache lives in `content/.timeline-cache/`, ignores itself in git
and is rebuilt when missing: losing it costs time, never data. It also records, per article, the
digests of the last merge's inputs and outputs, so a run with nothing changed can tell without
parsing any YAML that there is nothing to write.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model import Actor, ArticleExtraction, DateValue, Event, Mention
from generator.registry import ActorRegistry
from generator.store.yaml_io import staged_bytes, write_atomic

CACHE_DIR = ".timeline-cache"
_FORMAT = 2  # bump when the layout of a cached entry changes


def digest(*parts: bytes | str) -> str:
    """A hex SHA-256 of `parts`, each length-prefixed so that no two sequences collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def file_digest(path: Path) -> str | None:
    """The digest of a file's bytes (staged ones in a `batched_writes` block), or None when it is absent."""
    staged = staged_bytes(path)
    if staged is not None:
        return digest(staged)
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


@dataclass(slots=True)
class ExtractionCache:
    """Cached extractions under `directory`, keyed by `entry_key`."""

    directory: Path
    used: set[str] = field(default_factory=set)

    @classmethod
    def for_content(cls, root: Path) -> ExtractionCache:
        """The cache of the content folder `root`."""
        return cls(root / CACHE_DIR)

    def entry_key(self, article_digest: str, extractor_version: str, model: str) -> str:
        """The key of an article's extraction by this extractor and model."""
        return digest(str(_FORMAT), article_digest, extractor_version, model)

    def get(self, key: str) -> ArticleExtraction | None:
        """The cached extraction for `key`, or None (missing or unreadable: extract again)."""
        self.used.add(key)
        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
            return extraction_from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def has(self, key: str) -> bool:
        """Whether an extraction is kept under `key` (counted as used)."""
        self.used.add(key)
        return self._entry(key).is_file()

    def put(self, key: str, extraction: ArticleExtraction) -> None:
        """Keep `extraction` under `key`."""
        self.used.add(key)
        self._prepare()
        text = json.dumps(extraction_to_json(extraction), ensure_ascii=False, sort_keys=True)
        write_atomic(self._entry(key), text + "\n", durable=False)

    def prune(self) -> None:
        """Forget the entries this run did not use (articles changed or gone)."""
        entries = self.directory / "extractions"
        if not entries.is_dir():
            return
        for path in entries.glob("*/*.json"):
            if path.stem not in self.used:
                with contextlib.suppress(OSError):
                    path.unlink()

    def load_state(self) -> dict[str, dict[str, str]]:
        """Per article, the digests of its last merge: fresh events in, events file and record out."""
        try:
            data = json.loads((self.directory / "merged.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}

    def save_state(self, state: Mapping[str, Mapping[str, str]]) -> None:
        """Record the digests of this run's merges."""
        self._prepare()
        text = json.dumps(state, sort_keys=True, indent=0)
        write_atomic(self.directory / "merged.json", text + "\n", durable=False)

    def registry(self, path: Path, load: Callable[[Path], ActorRegistry]) -> ActorRegistry:
        """actors.yml as `load` reads it, from a copy kept by the file's digest (parsing YAML is slow)."""
        key = file_digest(path) or "-"
        copy = self.directory / "actors.json"
        try:
            data = json.loads(copy.read_text(encoding="utf-8"))
            if data["digest"] == key:
                return ActorRegistry.of(_actor_from_json(item) for item in data["actors"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        registry = load(path)
        self._prepare()
        actors = [_actor_to_json(actor) for actor in registry.actors.values()]
        write_atomic(
            copy, json.dumps({"digest": key, "actors": actors}, ensure_ascii=False) + "\n", durable=False
        )
        return registry

    def _entry(self, key: str) -> Path:
        return self.directory / "extractions" / key[:2] / f"{key}.json"

    def _prepare(self) -> None:
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            self.directory.mkdir(parents=True, exist_ok=True)
            ignore.write_text(
                "# the extraction cache: rebuilt when missing, never committed\n*\n", encoding="utf-8"
            )


def extraction_to_json(extraction: ArticleExtraction) -> dict[str, Any]:
    """An extraction as plain JSON data."""
    return {
        "slug": extraction.slug,
        "events": [_event_to_json(event) for event in extraction.events],
        "actors": [_actor_to_json(actor) for actor in extraction.actors],
        "definite": list(extraction.definite),
    }


def extraction_from_json(data: Mapping[str, Any]) -> ArticleExtraction:
    """The inverse of `extraction_to_json`."""
    return ArticleExtraction(
        slug=str(data["slug"]),
        events=tuple(_event_from_json(item) for item in data["events"]),
        actors=tuple(_actor_from_json(item) for item in data["actors"]),
        definite=tuple(data["definite"]),
    )


def _actor_to_json(actor: Actor) -> list[Any]:
    return [actor.name, actor.kind, list(actor.aliases), actor.note]


def _actor_from_json(item: list[Any]) -> Actor:
    name, kind, aliases, note = item
    return Actor(name, kind, tuple(aliases), note)


def _event_to_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "article": event.article,
        "date": event.date.iso,
        "date_source": event.date_source,
        "title": event.title,
        "actors": list(event.actors),
        "places": list(event.places),
        "quote": event.quote,
        "sentence": event.sentence,
        "confidence": event.confidence,
        "mentions": [[mention.sentence, mention.quote] for mention in event.mentions],
        "status": event.status,
        "reviewed": event.reviewed,
        "inferred": list(event.inferred),
        "modality": event.modality,
    }


def _event_from_json(item: Mapping[str, Any]) -> Event:
    return Event(
        id=item["id"],
        article=item["article"],
        date=DateValue(item["date"]),
        date_source=item["date_source"],
        title=item["title"],
        actors=tuple(item["actors"]),
        places=tuple(item["places"]),
        quote=item["quote"],
        sentence=item["sentence"],
        confidence=item["confidence"],
        mentions=tuple(Mention(sentence, quote) for sentence, quote in item["mentions"]),
        status=item["status"],
        reviewed=item["reviewed"],
        inferred=tuple(item["inferred"]),
        modality=item["modality"],
    )
