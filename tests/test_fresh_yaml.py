"""A fresh events file written without ruamel's emitter is byte-identical to ruamel's dump."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap

from generator.store.cache import digest, file_digest
from generator.store.fresh_yaml import fresh_yaml, fresh_yaml_by_entry
from generator.store.yaml_io import (
    _flow,
    _plain,
    batched_writes,
    dump_yaml,
    read_yaml,
    staged_bytes,
    write_atomic,
)

GOLDEN = Path(__file__).parent / "golden"
CONTENT_EVENTS = Path(__file__).resolve().parent.parent / "content" / "events"

# Characters that decide a scalar's style: indicators, quotes, spaces, digits, words YAML reads
# as other types, letters beyond ASCII, and the line breaks and controls the fast path declines.
TRICKY = st.lists(
    st.sampled_from(
        [
            *"aZ09 :#-?,[]{}&*!|>'\"%@`.\\/_=~()",
            "true",
            "null",
            "1e3",
            "é",
            "—",
            "\u00a0",
            "\n",
            "\t",
            "\u2028",
            "😀",
        ]
    ),
    max_size=12,
).map("".join)


def _plain_data(path: Path) -> dict:
    return json.loads(json.dumps(_plain(read_yaml(path))))  # plain int, float, str as extraction gives


def _event_document(text: str, number: int, confidence: float) -> dict:
    return {
        "article": "a-story",
        "events": [
            {
                "id": "a-story-1",
                "date": "2024-03-01",
                "title": text,
                "actors": [text, "Ann Lee"],
                "places": [],
                "quote": f"{text} said on Friday.",
                "sentence": number,
                "confidence": confidence,
                "inferred": True,
                "mentions": [{"sentence": number + 1, "quote": text}],
            }
        ],
    }


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.yml")), ids=lambda path: path.stem)
def test_a_golden_events_file_is_written_as_ruamel_writes_it(path: Path) -> None:
    data = _plain_data(path)
    written = fresh_yaml(data)
    assert written is not None  # the fast path covers what extraction gives
    assert written == dump_yaml(data)


def test_every_committed_example_file_without_comments_is_written_the_same() -> None:
    checked = 0
    for path in sorted(CONTENT_EVENTS.glob("*.yml")):
        if "#" in path.read_text(encoding="utf-8"):
            continue  # a curator's comment is ruamel's to keep
        data = _plain_data(path)
        written = fresh_yaml(data)
        if written is not None:
            assert written == dump_yaml(data)
            checked += 1
    assert checked


@settings(max_examples=400, deadline=None)
@given(TRICKY, st.integers(min_value=0, max_value=10_000), st.floats(min_value=0, max_value=1))
def test_any_text_is_either_written_as_ruamel_writes_it_or_left_to_ruamel(
    text: str, number: int, confidence: float
) -> None:
    data = _event_document(text, number, round(confidence, 2))
    written = fresh_yaml(data)
    if written is not None:
        assert written == dump_yaml(data)


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee",
        "1957-10-04",
        "true",
        "42",
        "",
        " leading",
        "trailing ",
        "- dash",
        "key: value",
        "a #tag",
        "it's",
        "'quoted'",
        '"We will," he said',
        "Putin's letter",
        "C:\\path",
        "[bracket]",
        "x, y",
        "Ü-Bahn",
        "null",
        "~",
    ],
)
def test_a_scalar_that_needs_quotes_gets_the_quotes_ruamel_gives(text: str) -> None:
    data = _event_document(text, 3, 0.85)
    written = fresh_yaml(data)
    assert written is not None
    assert written == dump_yaml(data)


def _actors_document(names: list[str], aliases: list[str]) -> CommentedMap:
    document = CommentedMap()
    for name in names:
        entry = CommentedMap([("kind", "person"), ("aliases", _flow(aliases))])
        if name.startswith("a"):
            entry["note"] = f"needs review: {name}"
        document[name] = entry
    return document


@settings(max_examples=400, deadline=None)
@given(st.lists(TRICKY, min_size=1, max_size=3, unique=True), st.lists(TRICKY, max_size=4))
@example(names=["a"], aliases=[": a", "?b"])  # a leading "?" or ":" is quoted in a flow list
def test_a_fresh_actors_file_is_written_as_ruamel_writes_it_entry_by_entry(
    names: list[str], aliases: list[str]
) -> None:
    document = _actors_document(names, aliases)
    written = fresh_yaml(document)
    if written is not None:
        assert written == dump_yaml(document)
    assert fresh_yaml_by_entry(document, dump_yaml) == dump_yaml(document)


@pytest.mark.parametrize(
    "text", ["Ann Lee", "x, y", "[bracket]", "a{b}", "it's, here", "3.0", '"Pie"', "--- Ann", "-1", "a: b"]
)
def test_names_and_aliases_get_the_quotes_ruamel_gives_them(text: str) -> None:
    document = _actors_document([text, "Bob Ray"], [text, "Lee"])
    written = fresh_yaml(document)
    assert written is not None
    assert written == dump_yaml(document)


@pytest.mark.parametrize(
    "value", ["two\nlines", "tab\there", "line\u2028separator", "emoji 😀", None, 1e-05, float("nan")]
)
def test_what_the_fast_path_does_not_mirror_is_left_to_ruamel(value: object) -> None:
    assert fresh_yaml({"article": "a", "events": [{"id": "a-1", "title": value}]}) is None


def test_batched_writes_land_together_at_the_end(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yml", tmp_path / "sub" / "b.yml"
    first.write_text("old\n", encoding="utf-8")
    with batched_writes():
        assert write_atomic(first, "new\n")
        assert write_atomic(second, "b\n")
        assert not write_atomic(first, "new\n")  # the staged bytes count as the file's
        assert first.read_text(encoding="utf-8") == "old\n"  # not yet in place
        assert staged_bytes(first) == b"new\n"
        assert file_digest(first) == digest(b"new\n")
        assert write_atomic(first, "newer\n")  # a second write replaces the staged one
    assert first.read_text(encoding="utf-8") == "newer\n"
    assert second.read_text(encoding="utf-8") == "b\n"
    assert staged_bytes(first) is None
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.yml", "b.yml"]


def test_a_batch_that_fails_lands_nothing_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yml"
    target.write_text("kept\n", encoding="utf-8")
    with pytest.raises(RuntimeError), batched_writes():
        write_atomic(target, "lost\n")
        write_atomic(tmp_path / "b.yml", "lost\n")
        raise RuntimeError("stopped midway")
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yml"]
