"""The extraction cache keeps every field of an extraction: a run from the cache writes what the NLP gave."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.model import Actor, ArticleExtraction, DateValue, Event, Mention
from generator.store.cache import ExtractionCache, extraction_from_json, extraction_to_json


def _every_field_set() -> ArticleExtraction:
    event = Event(
        id="a-1",
        article="a",
        date=DateValue("2024-03"),
        date_source="text",
        title="Ann Lee to visit Oslo",
        actors=("Ann Lee", "Oslo City Council"),
        places=("Oslo",),
        quote="She will visit Oslo in March, the council said.",
        sentence=2,
        confidence=0.65,
        mentions=(Mention(4, "Lee's visit was confirmed."),),
        status="rejected",
        reviewed=True,
        inferred=("Ann Lee",),
        modality="planned",
    )
    defaults = Event(id="", article="", date=DateValue("2024"), date_source="publication", title="",
                     actors=(), places=(), quote="", sentence=0)  # fmt: skip
    unset = [f.name for f in dataclasses.fields(Event) if getattr(event, f.name) == getattr(defaults, f.name)]
    assert not unset, f"give these fields a value that is not the default: {unset}"
    actor = Actor("Ann Lee", "person", ("Lee",), "mayor")
    return ArticleExtraction("a", (event,), (actor,), ("Oslo City Council",))


def test_every_field_of_an_extraction_comes_back_from_the_cache(tmp_path: Path) -> None:
    extraction = _every_field_set()
    assert extraction_from_json(extraction_to_json(extraction)) == extraction
    cache = ExtractionCache(tmp_path / "cache")
    cache.put("k" * 64, extraction)
    assert ExtractionCache(tmp_path / "cache").get("k" * 64) == extraction


def test_an_unreadable_entry_means_extract_again(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    cache.put("k" * 64, _every_field_set())
    entry = next((tmp_path / "cache" / "extractions").rglob("*.json"))
    entry.write_text('{"slug": "a"}', encoding="utf-8")
    assert cache.get("k" * 64) is None
