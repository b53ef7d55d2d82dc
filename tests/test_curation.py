"""Actor curation: merge, rename and split rewrite actors.yml and every events file together."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.curation.actors import merge_actors, rename_actor, split_actor
from generator.errors import ContentError
from generator.model import DateValue, Event
from generator.store.content import Content
from generator.store.events import load_events, save_article_events
from generator.store.registry import load_registry

ACTORS = """# Curated by the desk
Kim Jong Un:
  kind: person
  aliases: [Kim]
Sergei Lavrov:
  kind: person
  aliases: [Sergei]
Sergey Lavrov:  # Russia's foreign minister
  kind: person
  aliases: [Lavrov]
"""
MEET = "Sergei Lavrov met Kim Jong Un in Wonsan."
CALL = "Lavrov called Sergei Lavrov's deputy on Friday."
VISIT = "Sergey Lavrov visited Pyongyang."


def event(slug: str, quote: str, sentence: int, actors: tuple[str, ...]) -> Event:
    """An extracted event naming `actors`."""
    return Event(
        id="",
        article=slug,
        date=DateValue("2025-07-12"),
        date_source="text",
        title=quote.rstrip("."),
        actors=actors,
        places=(),
        quote=quote,
        sentence=sentence,
    )


EXTRACTED = {
    "talks": [
        event("talks", MEET, 0, ("Sergei Lavrov", "Kim Jong Un")),
        event("talks", CALL, 1, ("Sergey Lavrov", "Sergei Lavrov")),
    ],
    "visit": [event("visit", VISIT, 0, ("Sergey Lavrov",))],
}


@pytest.fixture
def content(tmp_path: Path) -> Content:
    content = Content(tmp_path / "content")
    content.root.mkdir()
    content.actors.write_text(ACTORS, encoding="utf-8")
    for slug, events in EXTRACTED.items():
        save_article_events(content, slug, events)
    return content


def actors_of(content: Content, slug: str) -> list[tuple[str, ...]]:
    return [item.actors for item in load_events(content.events_file(slug))]


def snapshot(content: Content) -> dict[str, bytes]:
    files = sorted(
        path for path in content.root.rglob("*") if path.is_file() and path.name != ".timeline.lock"
    )
    return {str(path): path.read_bytes() for path in files}


def test_merge_rewrites_actors_yml_every_event_and_the_records(content: Content) -> None:
    report = merge_actors(content, "Sergei Lavrov", "Sergey Lavrov")
    assert content.actors.read_text(encoding="utf-8") == (
        "# Curated by the desk\nKim Jong Un:\n  kind: person\n  aliases: [Kim]\n"
        "Sergey Lavrov:  # Russia's foreign minister\n  kind: person\n"
        "  aliases: [Lavrov, Sergei Lavrov, Sergei]\n"
    )
    assert actors_of(content, "talks") == [("Sergey Lavrov", "Kim Jong Un"), ("Sergey Lavrov",)]
    assert actors_of(content, "visit") == [("Sergey Lavrov",)]
    assert sorted(report.events) == ["talks-1", "talks-2"]
    assert {path.name for path in report.files} == {"actors.yml", "talks.yml", "talks.json"}
    record = json.loads(content.baseline_file("talks").read_text(encoding="utf-8"))
    assert record["talks-1"]["actors"] == ["Sergey Lavrov", "Kim Jong Un"]


def test_after_a_merge_the_extractor_resolving_the_alias_changes_nothing(content: Content) -> None:
    merge_actors(content, "Sergei Lavrov", "Sergey Lavrov")
    registry = load_registry(content.actors)
    assert registry.lookup("Sergei Lavrov") == "Sergey Lavrov"
    before = snapshot(content)
    resolved = [
        replace(item, actors=tuple(dict.fromkeys(registry.lookup(name) or name for name in item.actors)))
        for item in EXTRACTED["talks"]
    ]
    assert save_article_events(content, "talks", resolved) is False
    assert snapshot(content) == before


def test_a_merged_event_a_person_edited_keeps_the_persons_other_fields(content: Content) -> None:
    path = content.events_file("talks")
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Sergei Lavrov met Kim", "title: Lavrov met Kim"),
        encoding="utf-8",
    )
    merge_actors(content, "Sergei Lavrov", "Sergey Lavrov")
    assert load_events(path)[0].title.startswith("Lavrov met")


def test_rename_keeps_the_place_and_comment_and_the_old_name_as_alias(content: Content) -> None:
    rename_actor(content, "Sergey Lavrov", "Sergey V. Lavrov")
    text = content.actors.read_text(encoding="utf-8")
    assert text.startswith(ACTORS.split("Sergey Lavrov:")[0])  # the same place, after Sergei
    assert text.endswith("# Russia's foreign minister\n  kind: person\n  aliases: [Lavrov, Sergey Lavrov]\n")
    assert "Sergey V. Lavrov: " in text
    assert actors_of(content, "visit") == [("Sergey V. Lavrov",)]
    assert actors_of(content, "talks")[0] == ("Sergei Lavrov", "Kim Jong Un")


def test_split_moves_aliases_and_the_events_that_name_them(content: Content) -> None:
    merge_actors(content, "Sergei Lavrov", "Sergey Lavrov")
    split_actor(content, "Sergey Lavrov", "Sergei Lavrov", aliases=["Sergei Lavrov", "Sergei"])
    registry = load_registry(content.actors)
    assert registry.actors["Sergey Lavrov"].aliases == ("Lavrov",)
    assert registry.actors["Sergei Lavrov"].aliases == ("Sergei",)
    # MEET names only Sergei; CALL names both, so it stays; VISIT names Sergey.
    assert actors_of(content, "talks") == [("Sergei Lavrov", "Kim Jong Un"), ("Sergey Lavrov",)]
    assert actors_of(content, "visit") == [("Sergey Lavrov",)]


def test_split_by_event_ids(content: Content) -> None:
    split_actor(content, "Sergey Lavrov", "Sergey Lavrov Jr.", event_ids=["visit-1"])
    assert actors_of(content, "visit") == [("Sergey Lavrov Jr.",)]
    assert actors_of(content, "talks")[1] == ("Sergey Lavrov", "Sergei Lavrov")


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (lambda c: merge_actors(c, "Nobody", "Sergey Lavrov"), "no actor is named 'Nobody'"),
        (lambda c: merge_actors(c, "Lavrov", "Sergey Lavrov"), "an alias of 'Sergey Lavrov'"),
        (lambda c: merge_actors(c, "Sergey Lavrov", "Sergey Lavrov"), "the same actor"),
        (lambda c: rename_actor(c, "Sergei Lavrov", "Lavrov"), "already names 'Sergey Lavrov'"),
        (lambda c: split_actor(c, "Sergey Lavrov", "Kim"), "already an actor"),
    ],
)
def test_refused_operations_write_nothing(content: Content, operation, message: str) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(content)
    with pytest.raises(ContentError, match=message):
        operation(content)
    assert snapshot(content) == before


def test_a_broken_events_file_stops_the_merge_before_any_write(content: Content) -> None:
    content.events_file("zzz").write_text("article: zzz\nevents: [\n", encoding="utf-8")
    before = snapshot(content)
    with pytest.raises(ContentError, match=r"zzz\.yml"):
        merge_actors(content, "Sergei Lavrov", "Sergey Lavrov")
    assert snapshot(content) == before


def test_cli_actors_merge(content: Content) -> None:
    result = CliRunner().invoke(
        main, ["actors", "merge", "Sergei Lavrov", "Sergey Lavrov", "--content", str(content.root)]
    )
    assert result.exit_code == 0, result.output
    assert result.output == "2 events renamed; 3 files changed\n"
    again = CliRunner().invoke(
        main, ["actors", "merge", "Sergei Lavrov", "Sergey Lavrov", "--content", str(content.root)]
    )
    assert again.exit_code == 1
    assert "is an alias of 'Sergey Lavrov'" in again.output
