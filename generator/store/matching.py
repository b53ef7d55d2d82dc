"""Pairing freshly extracted events with the items of an events file, and with events a person deleted.

How surely an item (or its extraction record) tells a fresh event is one of three tiers
(`match_score`): 3 the event's quote is the item's quote, 2 one of the event's quotes (its quote or
a mention) is one of the item's, 1 the quotes are alike (difflib ratio >= 0.8: an improved
extractor trimmed or extended the sentence). Within a tier, the title similarity and shared
actors break ties; they add less than 1, so the tiers never overlap. Pairs are taken best first,
each event and each item at most once.

Matching is linear in practice, not a score for every (event, item) pair:

- Exact tiers first, from dict indexes of normalised quotes: only pairs that share a quote are
  looked at. A pair that is the only candidate of its event and of its item is taken without a
  score (no other pair competes for either); the others are scored and taken best first, as
  before. Every exact pair outranks every fuzzy one, so this settles exactly the pairs that
  sorting all pairs by score would.
- Fuzzy matching (difflib) only among the events and items left over, and only within a window
  of sentences (see `WINDOW`).
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from generator.model import Event
from generator.store.schema import item_id

_FUZZY_QUOTE = 0.8

# A fuzzy candidate tells a sentence within WINDOW sentences of one of the event's (its
# `sentence:` or a mention's) -- compared with the item's own sentences, and its record's. A fuzzy
# match exists for one reason: the same article sentence, extracted again by a changed extractor.
# Its quote moved in the article only if the sentences before it changed: the sentence splitter
# now cuts one sentence in two, or joins two, or a correction added or removed a sentence. Each
# such change shifts the number by one; three of them before one event between two runs is more
# than a re-run of a corrected article sees, and a window of 7 sentences keeps the candidates of
# an event to a handful, however long the article. An item without a `sentence:` number (added by
# a person) is a candidate everywhere: there are only as many as people wrote. What the window
# misses (a sentence that moved further) is extracted as a new event; the old item is dropped if
# nobody edited it, else kept beside the new one, where `timeline check` shows both.
WINDOW = 3

_Key = TypeVar("_Key", bound=Hashable)


@dataclass(frozen=True, slots=True)
class _Fresh:
    """A fresh event with its normalised quotes and the sentences it tells."""

    event: Event
    quote: str
    quotes: frozenset[str]  # its quote and its mentions' quotes
    places: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Told:
    """An events-file item or an extraction record, with its normalised quotes and sentences."""

    fields: Mapping[str, Any]
    quote: str
    quotes: frozenset[str]  # its quote and its mentions' quotes, without ''
    places: tuple[int, ...] | None  # None: no `sentence:` number, a candidate everywhere


def match_events(
    items: Sequence[Any], baseline: Mapping[str, Mapping[str, Any]], events: Sequence[Event]
) -> dict[int, int]:
    """{event index: item index}: each new event paired with the item telling the same sentence."""
    scorer = _Scorer()
    fresh = [_fresh(event) for event in events]
    sides: dict[int, list[_Told]] = {}  # an item and its record: a pair scores the better of the two
    for position, item in enumerate(items):
        if isinstance(item, dict):
            versions = [_told(item), _told(baseline.get(item_id(item), {}))]
            sides[position] = [version for version in versions if version.quotes]
    matches: dict[int, int] = {}
    taken: set[int] = set()
    exact = _exact_pairs(enumerate(fresh), [(p, v) for p, versions in sides.items() for v in versions])
    degree = Counter(position for row in exact.values() for position in row)
    contested = []
    for index, row in exact.items():
        for position, tiers in row.items():
            if len(row) == 1 and degree[position] == 1:
                matches[index] = position  # the only candidate of each other
                taken.add(position)
            else:
                score = max(scorer.score(fresh[index], version, tier) for tier, version in tiers)
                contested.append((-score, index, position))
    _take_best_first(contested, matches, taken)
    near = _Window((p, v) for p, versions in sides.items() if p not in taken for v in versions)
    fuzzy = []
    for index, one in enumerate(fresh):
        if index in matches or not one.quote:
            continue
        for position, versions in near.candidates(one.places).items():
            score = max(scorer.score(one, version) for version in versions)
            if score > 0:
                fuzzy.append((-score, index, position))
    _take_best_first(fuzzy, matches, taken)
    return matches


def find_deleted(
    baseline: Mapping[str, Mapping[str, Any]],
    present: Collection[str],
    events: Sequence[Event],
    matched: Collection[int] = (),
) -> dict[int, str]:
    """{event index: id} for the events (other than those `matched`) that tell again an event the
    extractor wrote and a person deleted: a record whose id is not `present` in the file. The
    best-scoring record, the greatest id of equals, as a search through every record would give."""
    scorer = _Scorer()
    wanted = [(index, _fresh(event)) for index, event in enumerate(events) if index not in matched]
    records = [(event_id, _told(record)) for event_id, record in baseline.items() if event_id not in present]
    records = [(event_id, record) for event_id, record in records if record.quotes]
    exact = _exact_pairs(wanted, records)
    near = _Window(records)
    found: dict[int, str] = {}
    candidates: list[tuple[str, _Told, float | None]]
    for index, one in wanted:
        row = exact.get(index)
        if row and len(row) == 1:
            found[index] = next(iter(row))  # the only exact candidate outranks every fuzzy one
            continue
        if row:
            candidates = [(event_id, told, tier) for event_id, tiers in row.items() for tier, told in tiers]
        elif one.quote:
            nearby = near.candidates(one.places).items()
            candidates = [(event_id, told, None) for event_id, versions in nearby for told in versions]
        else:
            continue
        scores = [(scorer.score(one, told, tier), event_id) for event_id, told, tier in candidates]
        best = max(scores, default=(0.0, ""))
        if best[0] > 0:
            found[index] = best[1]
    return found


def match_score(event: Event, fields: Mapping[str, Any]) -> float:
    """How surely `fields` (an item or a record) tell `event`: 0 not at all, 3 the same sentence."""
    return _Scorer().score(_fresh(event), _told(fields))


class _Scorer:
    """Scores pairs; remembers each difflib ratio it computed (an item and its record often share
    their quote and title)."""

    def __init__(self) -> None:
        self._ratios: dict[tuple[str, str], float] = {}

    def score(self, event: _Fresh, told: _Told, tier: float | None = None) -> float:
        """`match_score`; `tier` when the caller already knows it."""
        if tier is None:
            tier = _exact_tier(event, told) or self._fuzzy_tier(event, told)
        if not tier:
            return 0.0
        tiebreak = self._similarity(event.event.title, str(told.fields.get("title") or ""))
        actors = told.fields.get("actors")
        if isinstance(actors, list) and set(event.event.actors) & {str(name) for name in actors}:
            tiebreak += 1
        return tier + tiebreak / 4  # two events of one sentence: the one with the same title and actors

    def _fuzzy_tier(self, event: _Fresh, told: _Told) -> float:
        if not event.quote or not told.quotes:
            return 0.0
        alike = any(self._similarity(event.quote, quote) >= _FUZZY_QUOTE for quote in sorted(told.quotes))
        return 1.0 if alike else 0.0

    def _similarity(self, first: str, second: str) -> float:
        key = (first, second)
        if key not in self._ratios:
            self._ratios[key] = _similarity(first, second)
        return self._ratios[key]


def _exact_tier(event: _Fresh, told: _Told) -> float:
    if not event.quote or not told.quotes:
        return 0.0
    if event.quote == told.quote:
        return 3.0
    return 2.0 if event.quotes & told.quotes else 0.0


def _exact_pairs(
    events: Iterable[tuple[int, _Fresh]], told: Iterable[tuple[_Key, _Told]]
) -> dict[int, dict[_Key, list[tuple[float, _Told]]]]:
    """{event index: {key: [(tier, version)]}} for every pair sharing a quote (tier 2 or 3)."""
    index: dict[str, list[tuple[_Key, _Told]]] = defaultdict(list)
    for key, version in told:
        for quote in version.quotes:
            index[quote].append((key, version))
    pairs: dict[int, dict[_Key, list[tuple[float, _Told]]]] = {}
    for number, event in events:
        if not event.quote:
            continue
        row: dict[_Key, list[tuple[float, _Told]]] = {}
        seen: set[int] = set()
        for quote in sorted(event.quotes):
            for key, version in index.get(quote, ()):
                if id(version) not in seen:
                    seen.add(id(version))
                    row.setdefault(key, []).append((_exact_tier(event, version), version))
        if row:
            pairs[number] = row
    return pairs


class _Window(Generic[_Key]):
    """Versions by the sentences they tell, for fuzzy candidates near an event (`WINDOW`)."""

    def __init__(self, told: Iterable[tuple[_Key, _Told]]) -> None:
        self._at: dict[int, list[tuple[_Key, _Told]]] = defaultdict(list)
        self._anywhere: list[tuple[_Key, _Told]] = []
        for key, version in told:
            if version.places is None:
                self._anywhere.append((key, version))
            for sentence in version.places or ():
                self._at[sentence].append((key, version))

    def candidates(self, places: Iterable[int]) -> dict[_Key, list[_Told]]:
        """{key: versions} telling a sentence within WINDOW of one of `places`, or no numbered one."""
        sentences = sorted({place + shift for place in places for shift in range(-WINDOW, WINDOW + 1)})
        found: dict[_Key, list[_Told]] = {}
        for key, version in [*(entry for s in sentences for entry in self._at.get(s, ())), *self._anywhere]:
            versions = found.setdefault(key, [])
            if all(other is not version for other in versions):
                versions.append(version)
        return found


def _take_best_first(pairs: list[tuple[float, int, int]], matches: dict[int, int], taken: set[int]) -> None:
    """Highest score first, then the earlier event, then the earlier item."""
    for _score, index, position in sorted(pairs):
        if index not in matches and position not in taken:
            matches[index] = position
            taken.add(position)


def _fresh(event: Event) -> _Fresh:
    quote = _normal(event.quote)
    quotes = frozenset({quote, *(_normal(mention.quote) for mention in event.mentions)} - {""})
    places = (event.sentence, *(mention.sentence for mention in event.mentions))
    return _Fresh(event, quote, quotes, places)


def _told(fields: Mapping[str, Any]) -> _Told:
    quote = _normal(fields.get("quote"))
    quotes = {quote}
    places: list[int] | None = [fields["sentence"]] if _is_number(fields.get("sentence")) else None
    mentions = fields.get("mentions")
    if isinstance(mentions, list):
        for mention in mentions:
            if isinstance(mention, dict):
                quotes.add(_normal(mention.get("quote")))
                if places is not None and _is_number(mention.get("sentence")):
                    places.append(mention["sentence"])
    return _Told(fields, quote, frozenset(quotes - {""}), None if places is None else tuple(places))


def _is_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _normal(text: Any) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def _similarity(first: str, second: str) -> float:
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() >= _FUZZY_QUOTE / 2 else 0.0
