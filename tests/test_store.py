"""The YAML store: human edits survive re-extraction, byte for byte; writes are atomic."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.model import Actor, DateValue, Event, Mention
from generator.registry import ActorRegistry
from generator.store.content import Content
from generator.store.events import load_events, save_article_events
from generator.store.registry import load_registry, save_registry
from generator.store.yaml_io import read_yaml, write_atomic

SLUG = "2025-talks"
LAUNCH = "The Soviet Union launched the satellite on Friday, the agency said."
ORBIT = "The satellite circles the Earth every 96 minutes."
PRAISE = "Soviet leader Nikita Khrushchev praised the scientists who built it."


def event(quote: str, sentence: int, title: str, date: str = "1957-10-04", **changes: object) -> Event:
    """An extracted event as the extractor would hand it to the store."""
    base = Event(
        id="",
        article=SLUG,
        date=DateValue(date),
        date_source="text",
        title=title,
        actors=("Soviet Union",),
        places=(),
        quote=quote,
        sentence=sentence,
        confidence=0.9,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


EVENTS = [
    event(LAUNCH, 0, "Soviet Union launches satellite"),
    event(ORBIT, 1, "Satellite circles Earth", actors=("Sputnik 1",), confidence=0.6),
    event(PRAISE, 2, "Khrushchev praises scientists", actors=("Nikita Khrushchev",), date="1957-10-05"),
]


@pytest.fixture
def content(tmp_path: Path) -> Content:
    return Content(tmp_path / "content")


def events_path(content: Content) -> Path:
    return content.events_file(SLUG)


def text(content: Content) -> str:
    return events_path(content).read_text(encoding="utf-8")


def edit(content: Content, old: str, new: str) -> str:
    """Change the events file like a person in an editor; returns the new text."""
    before = text(content)
    assert before.count(old) == 1, f"{old!r} is not in the file exactly once"
    after = before.replace(old, new)
    events_path(content).write_text(after, encoding="utf-8")
    return after


def ids_by_quote(content: Content) -> dict[str, str]:
    return {item.quote: item.id for item in load_events(events_path(content))}


def stamps(content: Content) -> tuple[int, int]:
    return events_path(content).stat().st_mtime_ns, content.baseline_file(SLUG).stat().st_mtime_ns


def record(content: Content) -> dict[str, dict[str, object]]:
    return json.loads(content.baseline_file(SLUG).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# -- first run and idempotence ---------------------------------------------------------------------


def test_first_run_writes_events_with_ids_in_order(content: Content) -> None:
    assert save_article_events(content, SLUG, EVENTS) is True
    loaded = load_events(events_path(content))
    assert [item.id for item in loaded] == [f"{SLUG}-1", f"{SLUG}-2", f"{SLUG}-3"]
    assert [item.quote for item in loaded] == [LAUNCH, ORBIT, PRAISE]
    assert loaded[2].date == DateValue("1957-10-05")
    assert set(record(content)) == {item.id for item in loaded}


def test_a_run_that_changes_nothing_writes_nothing(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    before, times = text(content), stamps(content)
    assert save_article_events(content, SLUG, EVENTS) is False
    assert text(content) == before
    assert stamps(content) == times


def test_output_is_deterministic_across_folders(tmp_path: Path) -> None:
    first, second = Content(tmp_path / "a"), Content(tmp_path / "b")
    save_article_events(first, SLUG, EVENTS)
    save_article_events(second, SLUG, EVENTS)
    assert text(first) == text(second)
    assert first.baseline_file(SLUG).read_bytes() == second.baseline_file(SLUG).read_bytes()


def test_ids_follow_the_sentence_not_the_position(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    ids = ids_by_quote(content)
    before = text(content)
    assert save_article_events(content, SLUG, list(reversed(EVENTS))) is False
    assert ids_by_quote(content) == ids
    assert text(content) == before


# -- a person's edits ------------------------------------------------------------------------------


def test_a_fixed_date_with_a_comment_survives_byte_for_byte(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edited = edit(content, "date: '1957-10-05'", "date: '1957-10-06'  # checked with the archive")
    times = stamps(content)
    assert save_article_events(content, SLUG, EVENTS) is False
    assert text(content) == edited
    assert stamps(content) == times


def test_an_unquoted_date_equal_to_the_extraction_is_no_change(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edited = edit(content, "date: '1957-10-05'", "date: 1957-10-05")
    assert save_article_events(content, SLUG, EVENTS) is False
    assert text(content) == edited


def test_a_reworded_title_is_kept_while_untouched_fields_take_the_new_extraction(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edited = edit(content, "title: Satellite circles Earth", "title: Sputnik 1 orbits Earth every 96 minutes")
    improved = [EVENTS[0], replace(EVENTS[1], title="Sputnik circles the Earth", confidence=0.7), EVENTS[2]]
    assert save_article_events(content, SLUG, improved) is True
    # The only difference is the field the person did not touch.
    assert text(content) == edited.replace("confidence: 0.6", "confidence: 0.7")
    assert record(content)[f"{SLUG}-2"]["title"] == "Sputnik circles the Earth"


def test_a_person_value_stays_over_many_runs_of_a_changing_extractor(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edit(content, "title: Satellite circles Earth", "title: My title")
    for title in ("First", "Second", "Third"):
        save_article_events(content, SLUG, [EVENTS[0], replace(EVENTS[1], title=title), EVENTS[2]])
        assert load_events(events_path(content))[1].title == "My title"


def test_comments_quotes_and_flow_lists_survive_an_update_elsewhere(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edit(content, "article: 2025-talks\n", "# Reviewed by Ana, see issue 12\narticle: 2025-talks\n")
    edit(content, "actors:\n      - Sputnik 1\n", "actors: [Sputnik 1]  # the satellite itself\n")
    edited = edit(content, "title: Khrushchev praises scientists", 'title: "Khrushchev praises scientists"')
    save_article_events(content, SLUG, [replace(EVENTS[0], confidence=0.5), *EVENTS[1:]])
    expected = edited.replace("confidence: 0.9", "confidence: 0.5", 1)
    assert text(content) == expected


def test_a_deleted_event_stays_deleted_and_is_recorded(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    items = read_yaml(events_path(content))
    deleted_id = items["events"][1]["id"]
    lines = text(content).splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {deleted_id}")
    end = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {SLUG}-3")
    edited = "".join(lines[:start] + lines[end:])
    events_path(content).write_text(edited, encoding="utf-8")
    for _run in range(3):
        save_article_events(content, SLUG, EVENTS)
        assert text(content) == edited
    assert record(content)[deleted_id]["deleted"] is True
    # Still deleted when an improved extractor words the sentence slightly differently.
    save_article_events(
        content, SLUG, [EVENTS[0], replace(EVENTS[1], quote=ORBIT + " Observers saw it."), EVENTS[2]]
    )
    assert text(content) == edited


def test_a_rejected_event_is_frozen_and_never_extracted_twice(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edited = edit(content, f"id: {SLUG}-2\n", f"id: {SLUG}-2\n    status: rejected  # not an event\n")
    assert save_article_events(content, SLUG, [EVENTS[0], replace(EVENTS[1], title="New"), EVENTS[2]]) is True
    assert text(content) == edited  # only the record changed
    assert [item.id for item in load_events(events_path(content)) if item.rejected] == [f"{SLUG}-2"]


def test_reviewed_true_freezes_every_field(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edited = edit(content, f"id: {SLUG}-1\n", f"id: {SLUG}-1\n    reviewed: true\n")
    changed = replace(EVENTS[0], title="Other", date=DateValue("1957-10"), actors=("TASS",), confidence=0.1)
    save_article_events(content, SLUG, [changed, *EVENTS[1:]])
    assert text(content) == edited


def test_an_event_a_person_added_stays_and_new_ids_do_not_collide(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS[:2])
    added = (
        f"  - id: {SLUG}-99\n    date: '1957-10-07'\n    title: Radio amateurs hear the beeps\n"
        "    quote: Radio operators picked up the signal.\n    sentence: 5\n"
    )
    edited = text(content) + added
    events_path(content).write_text(edited, encoding="utf-8")
    save_article_events(content, SLUG, EVENTS)
    assert text(content).startswith(edited)
    ids = ids_by_quote(content)
    assert ids["Radio operators picked up the signal."] == f"{SLUG}-99"
    assert ids[PRAISE] == f"{SLUG}-100"


def test_an_added_event_absorbs_the_extraction_of_its_sentence(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS[:2])
    edited = text(content) + f"  - id: mine\n    date: '1957-10-05'\n    title: Praise\n    quote: {PRAISE}\n"
    events_path(content).write_text(edited, encoding="utf-8")
    save_article_events(content, SLUG, EVENTS)
    items = load_events(events_path(content))
    assert [item.id for item in items] == [f"{SLUG}-1", f"{SLUG}-2", "mine"]
    assert (items[2].title, items[2].date.iso, items[2].sentence) == ("Praise", "1957-10-05", 2)


def test_a_field_a_person_deleted_stays_deleted_but_required_ones_return(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edit(content, "    actors:\n      - Nikita Khrushchev\n", "")
    edited = edit(content, "    title: Satellite circles Earth\n", "")
    save_article_events(content, SLUG, EVENTS)
    assert text(content) == edited.replace(
        "date_source: text\n    actors:\n      - Sputnik 1",
        "date_source: text\n    title: Satellite circles Earth\n    actors:\n      - Sputnik 1",
    )
    assert load_events(events_path(content))[2].actors == ()


# -- an improved extractor -------------------------------------------------------------------------


def test_an_improved_extractor_keeps_ids_of_events_it_still_finds(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edit(content, "title: Khrushchev praises scientists", "title: Khrushchev praises the engineers")
    extended = replace(EVENTS[0], quote=LAUNCH.replace("on Friday", "on Friday night"))
    new = event("Radio operators in Britain picked up the signal.", 3, "Radio operators pick up signal")
    save_article_events(content, SLUG, [new, extended])  # ORBIT no longer found, PRAISE neither
    ids = ids_by_quote(content)
    assert ids[extended.quote] == f"{SLUG}-1"  # fuzzy match: same sentence, improved quote
    assert ORBIT not in ids  # stale and untouched: dropped
    assert ids[PRAISE] == f"{SLUG}-3"  # stale but edited by a person: kept
    assert ids[new.quote] == f"{SLUG}-4"


def test_two_events_of_one_sentence_keep_their_ids_by_title_and_actors(content: Content) -> None:
    both = "Lavrov met Wang Yi in Beijing, and Putin called Xi."
    first = event(both, 0, "Lavrov meets Wang Yi", actors=("Sergey Lavrov", "Wang Yi"))
    second = event(both, 0, "Putin calls Xi", actors=("Vladimir Putin", "Xi Jinping"))
    save_article_events(content, SLUG, [first, second])
    before = text(content)
    assert save_article_events(content, SLUG, [second, first]) is False
    assert text(content) == before


def test_mentions_the_extractor_drops_are_removed_when_untouched(content: Content) -> None:
    with_mention = replace(EVENTS[0], mentions=(Mention(4, "The launch came on Friday."),))
    save_article_events(content, SLUG, [with_mention, *EVENTS[1:]])
    assert "mentions:" in text(content)
    save_article_events(content, SLUG, EVENTS)
    assert "mentions:" not in text(content)


# -- resets, broken files ----------------------------------------------------------------------------


def test_deleting_the_file_extracts_afresh(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    first = text(content)
    events_path(content).unlink()
    save_article_events(content, SLUG, EVENTS)
    assert text(content) == first


def test_an_events_file_that_is_not_a_mapping_is_refused_not_overwritten(content: Content) -> None:
    events_path(content).parent.mkdir(parents=True)
    events_path(content).write_text("- id: mine\n  title: kept\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"2025-talks\.yml:1:1: an events file is a mapping"):
        save_article_events(content, SLUG, EVENTS)
    assert text(content) == "- id: mine\n  title: kept\n"


def test_invalid_yaml_is_refused_with_line_and_column(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    broken = edit(content, "title: Satellite circles Earth", "title: [unclosed")
    with pytest.raises(ContentError) as caught:
        save_article_events(content, SLUG, EVENTS)
    assert caught.value.line is not None and caught.value.column is not None
    assert str(caught.value).startswith(f"{events_path(content)}:{caught.value.line}:{caught.value.column}: ")
    assert text(content) == broken


def test_a_broken_record_only_makes_every_field_the_persons(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    content.baseline_file(SLUG).write_text("{not json", encoding="utf-8")
    before = text(content)
    save_article_events(content, SLUG, [replace(EVENTS[0], title="Changed"), *EVENTS[1:]])
    assert text(content) == before
    assert record(content)[f"{SLUG}-1"]["title"] == "Changed"


def test_events_with_wrong_types_raise_content_errors(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edit(content, "actors:\n      - Sputnik 1\n", "actors: Sputnik 1\n")
    with pytest.raises(ContentError, match="actors"):
        load_events(events_path(content))
    edit(content, "actors: Sputnik 1\n", "actors: []\n")
    edit(content, "sentence: 1\n", "sentence: one\n")
    with pytest.raises(ContentError, match=r"sentence|one"):
        load_events(events_path(content))


# -- YAML reading ----------------------------------------------------------------------------------


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_an_impossible_date_names_its_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "e.yml", "article: x\nevents:\n  - id: x-1\n    date: 2025-02-30\n")
    with pytest.raises(ContentError) as caught:
        read_yaml(path)
    assert (caught.value.line, caught.value.column) == (4, 11)


def laughs(levels: int = 9) -> str:
    """The billion laughs: each level a list of nine aliases of the level before."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def merge_laughs(levels: int = 9) -> str:
    """The same explosion through merge keys (`<<:`) of mappings."""
    lines = ["l0: &l0 {x: 1}"]
    for i in range(1, levels):
        lines += [f"l{i}: &l{i}", f"  <<: *l{i - 1}", *(f"  k{j}: *l{i - 1}" for j in range(9))]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("bomb", [laughs(), merge_laughs()], ids=["billion-laughs", "merge-keys"])
def test_a_yaml_bomb_is_refused(tmp_path: Path, bomb: str) -> None:
    path = write(tmp_path / "bomb.yml", bomb)
    with pytest.raises(ContentError, match="alias"):
        read_yaml(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01binary", "binary"),
        ("title: caf\xe9\n".encode("latin-1"), "not UTF-8"),
        ("a: 1\na: 2\n", "duplicate key"),
    ],
)
def test_unreadable_yaml_is_named(tmp_path: Path, data: str | bytes, message: str) -> None:
    path = write(tmp_path / "bad.yml", data)
    with pytest.raises(ContentError, match=message) as caught:
        read_yaml(path)
    assert str(caught.value).startswith(str(path))


# -- writing ----------------------------------------------------------------------------------------


def test_write_atomic_skips_identical_text_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    assert write_atomic(path, "a: 1\n") is True
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~current_umask()
    os.chmod(path, 0o640)
    before = path.stat().st_mtime_ns
    assert write_atomic(path, "a: 1\n") is False
    assert path.stat().st_mtime_ns == before
    assert write_atomic(path, "a: 2\n") is True
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yml"]


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_save_registry_adds_actors_and_aliases_keeping_comments(tmp_path: Path) -> None:
    path = write(
        tmp_path / "actors.yml",
        "# People and organisations\nSergey Lavrov:  # Russia's foreign minister\n  kind: person\n"
        "  aliases: [Lavrov]\n",
    )
    registry = load_registry(path)
    registry.add_alias("Sergey Lavrov", "Sergei Lavrov")
    registry.put(Actor("Antony Blinken", "person"))
    assert save_registry(path, registry) is True
    assert path.read_text(encoding="utf-8") == (
        "# People and organisations\nAntony Blinken:\n  kind: person\n  aliases: []\n"
        "Sergey Lavrov:  # Russia's foreign minister\n  kind: person\n  aliases: [Lavrov, Sergei Lavrov]\n"
    )
    before = path.stat().st_mtime_ns
    assert save_registry(path, load_registry(path)) is False
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    "original",
    [
        None,
        "# reordered by hand\nZed Ray:\n  kind: person\nSergey Lavrov:\n  kind: person\n"
        "  aliases: [Lavrov]\n  note: minister\nAcme:\n  kind: organization\n  aliases: ['2024']\n",
    ],
)
def test_the_registry_foreseen_for_a_save_is_the_one_read_after_it(
    tmp_path: Path, original: str | None
) -> None:
    from generator.store.registry import saved_registry

    path = tmp_path / "actors.yml"
    if original is not None:
        write(path, original)
    current = load_registry(path)
    merged = current.copy()
    if merged.lookup("Sergey Lavrov") is None:
        merged.put(Actor("Sergey Lavrov", "person", ("Lavrov",)))
    merged.add_alias("Sergey Lavrov", "Sergei Lavrov")
    merged.add_alias("Sergey Lavrov", "LAVROV")  # the same name as an alias already there
    for name, kind in [("Bob Kim", "person"), ("Yes", "organization"), ("Zoe Ash", "person")]:
        merged.put(Actor(name, kind))  # type: ignore[arg-type]
    merged.put(Actor("acme corp", "organization", ("Acme Corp.",), "check"))
    foreseen = saved_registry(current, merged)
    save_registry(path, merged)
    assert list(foreseen.actors.items()) == list(load_registry(path).actors.items())


def test_save_registry_leaves_a_hand_formatted_file_alone_when_nothing_is_new(tmp_path: Path) -> None:
    original = "Sergey Lavrov:\n    kind: person\n    aliases:\n    - Lavrov\n"
    path = write(tmp_path / "actors.yml", original)
    assert save_registry(path, load_registry(path)) is False
    assert path.read_text(encoding="utf-8") == original


def test_save_registry_refuses_a_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path / "actors.yml", "- Sergey Lavrov\n")
    with pytest.raises(ContentError, match="mapping"):
        save_registry(path, ActorRegistry.of([Actor("X")]))
    assert path.read_text(encoding="utf-8") == "- Sergey Lavrov\n"


def test_a_stale_event_next_to_a_comment_is_kept_so_the_comment_is_not_lost(content: Content) -> None:
    save_article_events(content, SLUG, EVENTS)
    edited = edit(content, f"  - id: {SLUG}-3\n", f"  # Khrushchev: check the wording\n  - id: {SLUG}-3\n")
    save_article_events(content, SLUG, [EVENTS[0], EVENTS[2]])
    assert text(content) == edited
    save_article_events(content, SLUG, [EVENTS[0], EVENTS[2]])
    assert "  # Khrushchev: check the wording\n  - id: 2025-talks-3\n" in text(content)


# -- the real extractor, end to end ----------------------------------------------------------------


def _files(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(root)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != ".timeline.lock"
    }


@pytest.fixture
def corpus(tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch) -> Content:  # type: ignore[no-untyped-def]
    """The example articles (not their curated events), extracted once with the current extractor."""
    import shutil

    from generator.extract import run as extract

    assert nlp is not None  # loaded once per session: extraction reuses it
    root = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content" / "articles", root / "articles")
    extract.extract_content(Content(root))
    return Content(root)


@pytest.mark.slow
def test_extract_of_an_unchanged_corpus_writes_nothing(corpus: Content) -> None:
    from generator.extract.run import extract_content

    before = _files(corpus.root)
    report = extract_content(corpus)
    assert (report.files_changed, report.failures) == (0, [])
    assert _files(corpus.root) == before


@pytest.mark.slow
def test_extract_keeps_a_persons_curation(corpus: Content) -> None:
    from generator.extract.run import extract_content

    path = corpus.events_file("1957-sputnik")
    items = load_events(path)
    assert len(items) >= 3
    text = path.read_text(encoding="utf-8")
    first, _second, third = (f"- id: {item.id}\n" for item in items[:3])
    text = text.replace(first, f"{first}    reviewed: true  # checked by the desk\n")
    text = text.replace(f"title: {items[1].title}\n", "title: Sputnik 1 circles the Earth every 96 minutes\n")
    start, end = text.index(third), text.index(f"- id: {items[3].id}\n") if len(items) > 3 else len(text)
    text = text[:start] + text[end:]
    text += "  - id: mine\n    date: '1957-10-04'\n    title: Radio operators hear the satellite\n"
    path.write_text(text, encoding="utf-8")
    extract_content(corpus)
    assert path.read_text(encoding="utf-8") == text
    after = load_events(path)
    assert [item.id for item in after] == [items[0].id, items[1].id, *(i.id for i in items[3:]), "mine"]
    assert after[1].title == "Sputnik 1 circles the Earth every 96 minutes" != items[1].title
    assert after[0].reviewed
    before = _files(corpus.root)
    assert extract_content(corpus).files_changed == 0
    assert _files(corpus.root) == before


def test_values_read_fast_are_the_values_the_round_trip_reads(tmp_path: Path) -> None:
    from generator.store.yaml_io import read_yaml, read_yaml_values

    path = tmp_path / "tricky.yml"
    path.write_text(
        "a: no\nb: 10:30\nc: 2025-07-12\nd: '2025-07-12'\ne: 1.5\nf: ~\ng: yes\nh: 0x1f\ni: 1e3\n"
        "j: [x, 'y']\nk: True\nl: 012\nm: on\nn: .inf\no: 1_000\np: null\nq: -7\n",
        encoding="utf-8",
    )
    assert read_yaml_values(path) == _plain_values(read_yaml(path))


def _plain_values(value):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        return {str(key): _plain_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_values(item) for item in value]
    return value


def test_new_actors_go_in_name_order_even_into_a_file_a_person_reordered() -> None:
    from ruamel.yaml.comments import CommentedMap

    from generator.store.registry import _insert_sorted

    document = CommentedMap([("Zed", 1), ("Bob", 1), ("Kim", 1)])
    _insert_sorted(document, [(name, 2) for name in ("Abe", "Carl", "Yan", "Zoe")])  # type: ignore[misc]
    assert list(document) == ["Abe", "Carl", "Yan", "Zed", "Bob", "Kim", "Zoe"]


_SCALAR_PIECES = st.sampled_from(
    ["2024", "-", "1", "01", "5", "12", "31", ":", "30", "00", "T", "t", " ", "Z", "+", "02", ".", "5e3",
     "0x", "1f", "0o", "7", "_", "no", "yes", "on", "true", "False", "null", "~", ".inf", "NaN", "a"]
)  # fmt: skip


def _nan_as_text(values: dict[str, object]) -> dict[str, object]:
    """NaN is never equal to itself, so compare it as a word."""
    return {key: "NaN" if value != value else value for key, value in values.items()}


@settings(max_examples=400, deadline=None)
@example(["2024-1-5", "2024-1-5 1:00:00", "2024-01-05T10:00:00+02:00", "012", "no"])
@example(["-0x2024", "0x_", ".NaN", "-.inf", "-_", "._", "0b101", "1_000"])
@given(st.lists(st.lists(_SCALAR_PIECES, min_size=1, max_size=8).map("".join), min_size=1, max_size=4))
def test_front_matter_and_values_read_by_libyaml_are_what_ruamel_reads(scalars: list[str]) -> None:
    from ruamel.yaml import YAML

    from generator.store.yaml_io import FastParseError, load_yaml_values

    text = "".join(f"k{number}: {scalar}\n" for number, scalar in enumerate(scalars))
    try:
        expected = YAML(typ="safe", pure=True).load(text)
    except Exception:  # whatever ruamel refuses, the fast reading must refuse too
        with pytest.raises(FastParseError):
            load_yaml_values(text)
        return
    try:
        found = load_yaml_values(text)
    except FastParseError:
        return  # read again by ruamel: the same values
    assert _nan_as_text(found) == _nan_as_text(expected)
    assert [type(value) for value in found.values()] == [type(value) for value in expected.values()]


def test_a_duplicate_front_matter_key_is_an_error_naming_its_line(tmp_path: Path) -> None:
    from generator.errors import ArticleError
    from generator.ingest.articles import read_article

    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Storm hits coast\ndate: 2024-03-05\ntitle: Again\n---\nText.\n", encoding="utf-8"
    )
    with pytest.raises(ArticleError, match="duplicate key") as error:
        read_article(path)
    assert error.value.line == 4
