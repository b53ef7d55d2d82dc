"""The seed article (../shared/data/seed): the heart of the product. Skipped when it is absent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.extract.article import extract_article
from generator.model import Article
from generator.registry import ActorRegistry
from generator.text import split_sentences

SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "lavrov-kim-wonsan.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED}")


@pytest.fixture(scope="module")
def seed(nlp):  # type: ignore[no-untyped-def]
    text = SEED.read_text(encoding="utf-8")
    article = Article("lavrov-kim-wonsan", text.splitlines()[0], dt.date(2025, 7, 12), text)
    extraction = extract_article(article, nlp=nlp, registry=ActorRegistry())
    return article, extraction.events, ActorRegistry.of(extraction.actors)


def find(events, *actors: str):  # type: ignore[no-untyped-def]
    return [event for event in events if set(actors) <= set(event.actors)]


def test_the_meeting_is_one_event_told_four_times(seed) -> None:  # type: ignore[no-untyped-def]
    _, events, _ = seed
    [meeting] = [event for event in find(events, "Sergey Lavrov", "Kim Jong Un") if "meet" in event.title]
    assert len({meeting.sentence, *(m.sentence for m in meeting.mentions)}) == 4
    assert meeting.places == ("Wonsan",)
    assert meeting.date.iso == "2025-07-12" and meeting.date_source == "published"


def test_talks_with_choe_son_hui_come_before_the_meeting(seed) -> None:  # type: ignore[no-untyped-def]
    _, events, _ = seed
    [talks] = find(events, "Sergey Lavrov", "Choe Son Hui")
    [meeting] = [event for event in find(events, "Sergey Lavrov", "Kim Jong Un") if "meet" in event.title]
    assert talks.date.first_day() <= meeting.date.first_day()


def test_putins_letter_and_the_footage_are_events(seed) -> None:  # type: ignore[no-untyped-def]
    _, events, _ = seed
    letters = [event for event in find(events, "Vladimir Putin") if "letter" in event.title]
    assert len(letters) == 1 and "Kim Jong Un" in letters[0].actors
    footage = [event for event in events if "footage" in event.title]
    assert len(footage) == 1 and footage[0].actors == ("Russian Foreign Ministry",)


def test_no_event_from_analysis_or_commentary(seed) -> None:  # type: ignore[no-untyped-def]
    article, events, _ = seed
    analysis_starts = next(
        s.index for s in split_sentences(article.text) if s.text.startswith("Analyzing the Strategic Context")
    )
    told_in = {m.sentence for event in events for m in (event, *event.mentions)}  # type: ignore[attr-defined]
    assert max(told_in) < analysis_starts
    assert len(events) == 4


def test_each_actor_exactly_once(seed) -> None:  # type: ignore[no-untyped-def]
    _, events, registry = seed
    used = {name for event in events for name in event.actors}
    assert {"Sergey Lavrov", "Kim Jong Un", "Choe Son Hui", "Vladimir Putin"} <= used
    assert not any("Lavrov" in name and name != "Sergey Lavrov" for name in registry.actors)
    assert "Lavrov" in registry.actors["Sergey Lavrov"].aliases
    people = ("Sergey Lavrov", "Kim Jong Un", "Choe Son Hui", "Vladimir Putin")
    assert all(registry.actors[name].kind == "person" for name in people)
    assert registry.actors["Russian Foreign Ministry"].kind == "organization"
