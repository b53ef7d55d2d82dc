"""Matching fresh events with an events file: the same pairs as scoring every pair, in linear time."""

from __future__ import annotations

import difflib
import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import DateValue, Event, Mention
from generator.store import matching
from generator.store.matching import WINDOW, find_deleted, match_events

# -- the brute-force reference: every (event, item) pair scored, as the store did before -----------


def reference_score(event: Event, fields: Mapping[str, Any]) -> float:
    primary = normal(event.quote)
    theirs = {normal(fields.get("quote"))}
    mentions = fields.get("mentions")
    if isinstance(mentions, list):
        theirs |= {normal(mention.get("quote")) for mention in mentions if isinstance(mention, dict)}
    theirs -= {""}
    if not primary or not theirs:
        return 0.0
    if primary == normal(fields.get("quote")):
        score = 3.0
    elif {primary, *(normal(m.quote) for m in event.mentions)} & theirs:
        score = 2.0
    elif max(similarity(primary, quote) for quote in theirs) >= 0.8:
        score = 1.0
    else:
        return 0.0
    tiebreak = similarity(event.title, str(fields.get("title") or ""))
    actors = fields.get("actors")
    if isinstance(actors, list) and set(event.actors) & {str(name) for name in actors}:
        tiebreak += 1
    return score + tiebreak / 4


def near(event: Event, fields: Mapping[str, Any], window: int | None) -> bool:
    """The documented window: some sentence of the event within `window` of one of the item's;
    an item without a `sentence:` number is near everything."""
    if window is None or not is_number(fields.get("sentence")):
        return True
    mentions = fields.get("mentions") if isinstance(fields.get("mentions"), list) else []
    theirs = [fields["sentence"]]
    theirs += [m["sentence"] for m in mentions if isinstance(m, dict) and is_number(m.get("sentence"))]
    ours = [event.sentence, *(mention.sentence for mention in event.mentions)]
    return any(abs(mine - other) <= window for mine in ours for other in theirs)


def windowed_score(event: Event, fields: Mapping[str, Any], window: int | None) -> float:
    score = reference_score(event, fields)
    return score if score >= 2 or near(event, fields, window) else 0.0


def reference_match(
    items: Sequence[Any],
    baseline: Mapping[str, Mapping[str, Any]],
    events: Sequence[Event],
    window: int | None = WINDOW,
) -> dict[int, int]:
    pairs = []
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        versions = [item, baseline.get(str(item.get("id")), {})]
        for index, event in enumerate(events):
            score = max(windowed_score(event, version, window) for version in versions)
            if score > 0:
                pairs.append((-score, index, position))
    matches: dict[int, int] = {}
    taken: set[int] = set()
    for _score, index, position in sorted(pairs):
        if index not in matches and position not in taken:
            matches[index] = position
            taken.add(position)
    return matches


def reference_deleted(
    baseline: Mapping[str, Mapping[str, Any]],
    present: set[str],
    events: Sequence[Event],
    matched: set[int],
    window: int | None = WINDOW,
) -> dict[int, str]:
    found = {}
    for index, event in enumerate(events):
        if index in matched:
            continue
        scores = [
            (windowed_score(event, record, window), event_id)
            for event_id, record in baseline.items()
            if event_id not in present
        ]
        best = max(scores, default=(0.0, ""))
        if best[0] > 0:
            found[index] = best[1]
    return found


def normal(text: Any) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def similarity(first: str, second: str) -> float:
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() >= 0.4 else 0.0


def is_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# -- varied inputs: shared, reworded, trimmed and unrelated quotes; edits a person makes --------------

LAUNCH = "The Soviet Union launched the satellite on Friday, the agency said."
ORBIT = "The satellite circles the Earth every 96 minutes."
QUOTES = [
    LAUNCH,
    LAUNCH.replace("on Friday", "on Friday night"),  # alike: a fuzzy match
    "The Soviet Union  launched the satellite\non Friday, the agency said.",  # the same, once normalised
    "The Soviet Union launched the satellite on Friday.",
    ORBIT,
    ORBIT + " Observers saw it.",
    "Khrushchev praised the scientists.",
    "Yes.",
    "",
]
TITLES = ["Soviet Union launches satellite", "Satellite circles Earth", "Khrushchev praises", ""]
ACTORS = ["Soviet Union", "Sputnik 1", "Nikita Khrushchev"]
IDS = [f"a-{number}" for number in range(1, 7)]

quotes = st.sampled_from(QUOTES)
actor_lists = st.lists(st.sampled_from(ACTORS), max_size=2, unique=True)


def events_near(sentences: st.SearchStrategy[int]) -> st.SearchStrategy[list[Event]]:
    event = st.builds(
        lambda quote, sentence, title, actors, mentions: Event(
            "", "a", DateValue("1957-10-04"), "text", title, tuple(actors), (), quote, sentence, 0.9, mentions
        ),
        quotes,
        sentences,
        st.sampled_from(TITLES),
        actor_lists,
        st.lists(st.builds(Mention, sentences, quotes), max_size=2).map(tuple),
    )
    return st.lists(event, max_size=6)


def fields_near(sentences: st.SearchStrategy[int]) -> st.SearchStrategy[dict[str, Any]]:
    """An item or a record: what the extractor wrote, or what a person made of it."""
    mention = st.fixed_dictionaries({"sentence": sentences, "quote": quotes})
    return st.fixed_dictionaries(
        {"id": st.sampled_from(IDS)},
        optional={
            "quote": st.one_of(quotes, st.none()),
            "sentence": st.one_of(sentences, st.none(), st.just("one"), st.just(True)),
            "title": st.sampled_from(TITLES),
            "actors": st.one_of(actor_lists, st.just("Soviet Union")),
            "mentions": st.one_of(st.lists(st.one_of(mention, st.just("x")), max_size=2), st.just("x")),
        },
    )


def repeating(fields: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """Fields, often the same as others but for the id: ties to break."""
    pool = st.lists(fields, min_size=1, max_size=3)
    return pool.flatmap(
        lambda pool: st.builds(
            lambda fields, id: {**fields, "id": id}, st.sampled_from(pool), st.sampled_from(IDS)
        )
    )


def records_near(sentences: st.SearchStrategy[int]) -> st.SearchStrategy[dict[str, dict[str, Any]]]:
    return st.dictionaries(st.sampled_from(IDS), repeating(fields_near(sentences)), max_size=6)


def files_near(sentences: st.SearchStrategy[int]) -> st.SearchStrategy[tuple[list[Any], dict[str, Any]]]:
    items = st.lists(st.one_of(repeating(fields_near(sentences)), st.just("not a mapping")), max_size=6)
    return st.tuples(items, records_near(sentences))


EXAMPLES = settings(max_examples=300, deadline=None)
CLOSE = st.integers(0, WINDOW)  # every sentence near every other: the window never matters
SPREAD = st.integers(0, 4 * WINDOW)


@EXAMPLES
@given(file=files_near(CLOSE), events=events_near(CLOSE))
def test_the_same_pairs_as_scoring_every_pair(
    file: tuple[list[Any], dict[str, Any]], events: list[Event]
) -> None:
    items, baseline = file
    assert match_events(items, baseline, events) == reference_match(items, baseline, events, window=None)


@EXAMPLES
@given(file=files_near(SPREAD), events=events_near(SPREAD))
def test_the_same_pairs_as_scoring_every_pair_in_the_window(
    file: tuple[list[Any], dict[str, Any]], events: list[Event]
) -> None:
    items, baseline = file
    assert match_events(items, baseline, events) == reference_match(items, baseline, events)


@EXAMPLES
@given(
    baseline=records_near(SPREAD),
    present=st.sets(st.sampled_from(IDS)),
    events=events_near(SPREAD),
    matched=st.sets(st.integers(0, 5)),
)
def test_the_same_deleted_events_as_searching_every_record(
    baseline: dict[str, dict[str, Any]], present: set[str], events: list[Event], matched: set[int]
) -> None:
    assert find_deleted(baseline, present, events, matched) == reference_deleted(
        baseline, present, events, matched
    )


def test_the_same_deleted_events_when_every_sentence_is_near() -> None:
    records = {f"a-{n}": {"quote": quote, "sentence": n % 3, "title": "t"} for n, quote in enumerate(QUOTES)}
    events = [
        Event("", "a", DateValue("2025"), "text", "t", (), (), quote, n % 4) for n, quote in enumerate(QUOTES)
    ]
    found = find_deleted(records, {"a-0"}, events)
    assert found == reference_deleted(records, {"a-0"}, events, set(), window=None)
    assert found[0] == "a-2"  # LAUNCH is a-2's quote once normalised; a-0 is in the file, not deleted
    assert 8 not in found  # no quote, nothing to tell


# -- the window, by example ------------------------------------------------------------------------


def fresh(quote: str, sentence: int, title: str = "Launch") -> Event:
    return Event("", "a", DateValue("1957-10-04"), "text", title, ("Soviet Union",), (), quote, sentence)


def with_mentions(event: Event, *mentions: Mention) -> Event:
    return replace(event, mentions=mentions)


NIGHT = LAUNCH.replace("on Friday", "on Friday night")


@pytest.mark.parametrize(
    ("item", "record", "event", "paired"),
    [
        ({"id": "a-1", "quote": LAUNCH, "sentence": 0}, {}, fresh(LAUNCH, 40), True),  # exact: anywhere
        ({"id": "a-1", "quote": LAUNCH, "sentence": 5}, {}, fresh(NIGHT, 5 + WINDOW), True),
        ({"id": "a-1", "quote": LAUNCH, "sentence": 5}, {}, fresh(NIGHT, 5 - WINDOW), True),
        ({"id": "a-1", "quote": LAUNCH, "sentence": 5}, {}, fresh(NIGHT, 6 + WINDOW), False),
        ({"id": "a-1", "quote": LAUNCH}, {}, fresh(NIGHT, 400), True),  # a person's, without a number
        ({"id": "a-1", "quote": LAUNCH, "sentence": "first"}, {}, fresh(NIGHT, 400), True),
        (  # a person moved the item: its record still tells where the extractor found it
            {"id": "a-1", "quote": LAUNCH, "sentence": 40},
            {"quote": LAUNCH, "sentence": 2},
            fresh(NIGHT, 2),
            True,
        ),
        (  # a mention's sentence is a place of the item too
            {"id": "a-1", "quote": ORBIT, "sentence": 30, "mentions": [{"sentence": 2, "quote": LAUNCH}]},
            {},
            fresh(NIGHT, 1),
            True,
        ),
        (  # a fuzzy match with a mention
            {
                "id": "a-1",
                "quote": "Khrushchev praised them.",
                "mentions": [{"sentence": 2, "quote": LAUNCH}],
            },
            {},
            fresh(NIGHT, 1),
            True,
        ),
        (  # and of the event
            {"id": "a-1", "quote": LAUNCH, "sentence": 30},
            {},
            with_mentions(fresh(NIGHT, 1), Mention(31, "The launch came on Friday.")),
            True,
        ),
    ],
)
def test_a_fuzzy_match_is_looked_for_near_the_event(
    item: dict[str, Any], record: dict[str, Any], event: Event, paired: bool
) -> None:
    baseline = {"a-1": record} if record else {}
    expected = {0: 0} if paired else {}
    assert match_events([item], baseline, [event]) == expected == reference_match([item], baseline, [event])


def test_of_equal_deleted_events_the_greatest_id_is_found_as_before() -> None:
    record = {"quote": LAUNCH, "sentence": 0, "title": "Launch", "actors": ["Soviet Union"]}
    baseline = {"a-2": record, "a-10": record, "a-1": record}
    for event in (fresh(LAUNCH, 0), fresh(NIGHT, 0)):  # exact, then fuzzy
        assert (
            find_deleted(baseline, set(), [event])
            == {0: "a-2"}
            == reference_deleted(baseline, set(), [event], set())
        )


def test_ties_in_a_sentence_go_by_title_then_actors_as_before() -> None:
    both = "Lavrov met Wang Yi in Beijing, and Putin called Xi."
    items = [
        {"id": "a-1", "quote": both, "sentence": 0, "title": "Lavrov meets Wang Yi", "actors": ["Wang Yi"]},
        {"id": "a-2", "quote": both, "sentence": 0, "title": "Putin calls Xi", "actors": ["Xi Jinping"]},
        {"id": "a-3", "quote": both, "sentence": 0, "title": "Putin calls Xi", "actors": ["Other"]},
    ]
    events = [
        Event("", "a", DateValue("2025"), "text", "Putin calls Xi", ("Xi Jinping",), (), both, 0),
        Event("", "a", DateValue("2025"), "text", "Putin calls Xi", ("Other",), (), both, 0),
        Event("", "a", DateValue("2025"), "text", "Lavrov meets Wang", ("Wang Yi",), (), both, 0),
    ]
    assert match_events(items, {}, events) == {0: 1, 1: 2, 2: 0} == reference_match(items, {}, events)


# -- scaling: counted difflib calls, not time --------------------------------------------------------

WORDS = [
    f"{a}{b}" for a in ("ka", "lo", "mi", "nu", "pe", "ro", "su", "ti") for b in ("ban", "dor", "gel", "mis")
]


def sentences(count: int) -> list[str]:
    """`count` unrelated sentences of eight made-up words."""
    chance = random.Random(count)
    return [" ".join(chance.choice(WORDS) for _ in range(8)).capitalize() + "." for _ in range(count)]


def article(count: int, reworded: bool) -> tuple[list[dict[str, Any]], dict[str, Any], list[Event]]:
    """An events file of `count` events, its record, and a re-run: the same quotes, or all reworded."""
    told = sentences(count)
    items = [
        {"id": f"a-{n}", "quote": quote, "sentence": n, "title": f"Event {n}", "actors": ["A"]}
        for n, quote in enumerate(told)
    ]
    baseline = {item["id"]: dict(item) for item in items}
    events = [
        Event("", "a", DateValue("2025"), "text", f"Event {n}", ("A",), (), quote, n)
        for n, quote in enumerate(quote[:-1] + ", officials said." if reworded else quote for quote in told)
    ]
    return items, baseline, events


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every difflib similarity the matcher computes."""
    seen: list[tuple[str, str]] = []
    original = matching._similarity

    def counted(first: str, second: str) -> float:
        seen.append((first, second))
        return original(first, second)

    monkeypatch.setattr(matching, "_similarity", counted)
    return seen


@pytest.mark.parametrize("count", [200, 400])
def test_exact_matches_compute_no_similarity(calls: list[tuple[str, str]], count: int) -> None:
    items, baseline, events = article(count, reworded=False)
    shuffled = list(reversed(events))
    assert match_events(items, baseline, shuffled) == {n: count - 1 - n for n in range(count)}
    assert find_deleted(baseline, set(), shuffled) == {n: f"a-{count - 1 - n}" for n in range(count)}
    assert calls == []


def test_fuzzy_matching_grows_linearly(calls: list[tuple[str, str]]) -> None:
    counts = {}
    for count in (200, 400):
        calls.clear()
        items, baseline, events = article(count, reworded=True)
        assert match_events(items, baseline, events) == {n: n for n in range(count)}
        assert find_deleted(baseline, set(), events) == {n: f"a-{n}" for n in range(count)}
        counts[count] = len(calls)
        # per event, one quote ratio per item in the window (its record tells the same quote),
        # then one title ratio for the pair it finds: twice over, for the file and the records
        assert count * 2 <= len(calls) <= 2 * count * (2 * WINDOW + 1 + 1)
    assert counts[400] <= 2.1 * counts[200]  # twice the events, twice the work: not four times
