"""Pairing freshly extracted events with the items of an events file."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from generator.model import Event
from generator.store.schema import item_id

_FUZZY_QUOTE = 0.8


def match_events(
    items: Sequence[Any], baseline: Mapping[str, Mapping[str, Any]], events: Sequence[Event]
) -> dict[int, int]:
    """{event index: item index}: each new event paired with the item telling the same sentence."""
    pairs = []
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        versions = [item, baseline.get(item_id(item), {})]
        for index, event in enumerate(events):
            score = max(match_score(event, version) for version in versions)
            if score > 0:
                pairs.append((-score, index, position))
    matches: dict[int, int] = {}
    taken: set[int] = set()
    for _score, index, position in sorted(pairs):
        if index not in matches and position not in taken:
            matches[index] = position
            taken.add(position)
    return matches


def match_score(event: Event, fields: Mapping[str, Any]) -> float:
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
