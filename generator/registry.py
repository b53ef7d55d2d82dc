"""The canonical actors and every name they go by; no NLP here, so the site can use it."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from generator.model import Actor, ActorKind, ArticleExtraction, Event

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


_LEADING_THE = re.compile(r"^the\s+")
_DOTS = re.compile(r"[.\u00b7]")
_SEPARATORS = re.compile(r"[\s\-_]+")
_US = re.compile(r"^(?:us|u s)\b")
_UK = re.compile(r"^(?:uk|u k)\b")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The matching key of a name: accents, case, possessive, 'the' and punctuation removed."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold().strip()
    text = _POSSESSIVE.sub("", text)
    text = _LEADING_THE.sub("", text)
    text = _DOTS.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    return _US.sub("united states", _UK.sub("united kingdom", text))


@dataclass(slots=True)
class ActorRegistry:
    """The canonical actors (content/actors.yml) with an index of every name and alias."""

    actors: dict[str, Actor] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)
    review_notes: dict[str, str] = field(default_factory=dict)
    said_with_the: set[str] = field(default_factory=set)  # names new to the registry said as "the X"
    _index: dict[str, str] = field(default_factory=dict)
    # actors by the words the fuzzy matches compare, so a new name is compared with a few, not all
    _by_word: dict[str, list[str]] = field(default_factory=dict)
    _rank: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, actors: Iterable[Actor]) -> ActorRegistry:
        """A registry holding `actors`."""
        registry = cls()
        for actor in actors:
            registry.put(actor)
        return registry

    def copy(self) -> ActorRegistry:
        """An independent registry with the same actors, to change without touching this one."""
        return ActorRegistry(
            dict(self.actors),
            list(self.review),
            dict(self.review_notes),
            set(self.said_with_the),
            dict(self._index),
            {word: list(names) for word, names in self._by_word.items()},
            dict(self._rank),
        )

    def put(self, actor: Actor) -> None:
        """Add or replace an actor and index its name and aliases."""
        if actor.name not in self.actors:
            self._rank[actor.name] = len(self._rank)
            for word in _match_words(actor.name):
                self._by_word.setdefault(word, []).append(actor.name)
        self.actors[actor.name] = actor
        for name in (actor.name, *actor.aliases):
            self._index.setdefault(name_key(name), actor.name)

    def _candidates(self, *words: str) -> list[Actor]:
        """Known actors indexed under any of `words`, in the order they joined the registry."""
        names = {name for word in words for name in self._by_word.get(word, ())}
        return [self.actors[name] for name in sorted(names, key=self._rank.__getitem__)]

    def lookup(self, name: str) -> str | None:
        """The canonical name for `name` or one of its aliases, if known."""
        return self._index.get(name_key(name))

    def add_alias(self, canonical: str, alias: str) -> None:
        """Record `alias` for `canonical` unless it is the name itself or already known."""
        actor = self.actors[canonical]
        if name_key(alias) in {name_key(name) for name in (actor.name, *actor.aliases)}:
            return
        self.put(replace(actor, aliases=(*actor.aliases, alias)))

    def match_person(self, name: str) -> str | None:
        """A known person whose name is a close spelling of `name` (same surname), if exactly one."""
        words = name_key(name).split()
        if not words:
            return None
        candidates = []
        raw = name.split()
        for actor in self._candidates(f"raw:{raw[0]}", f"last:{words[-1]}"):
            if actor.kind != "person":
                continue
            known = name_key(actor.name).split()
            if len(words) == 1 and len(known) >= 2 and _is_part_of_name(name, actor.name):
                candidates.append(actor.name)  # a surname or given name alone
            elif len(known) == len(words) >= 2 and known[-1] == words[-1] and _similar(known[0], words[0]):
                candidates.append(actor.name)  # "Sergei" / "Sergey"
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1 and name not in self.review:
            self.review.append(name)
            self.review_notes[name] = (
                f"needs review: could be {' or '.join(candidates)}; "
                f'if so, `timeline actors merge "{name}" "{candidates[0]}"`'
            )
        return None

    def match_short_form(self, name: str) -> str | None:
        """ "the Dow" -> "Dow Jones Industrial Average": the one organisation whose name it begins."""
        words = name_key(name).split()
        if not words:
            return None
        candidates = []
        for actor in self._candidates(f"first:{words[0]}"):
            known = name_key(actor.name).split()
            if actor.kind == "organization" and len(known) > len(words) and known[: len(words)] == words:
                candidates.append(actor.name)
        return candidates[0] if len(candidates) == 1 else None

    def match_corporate_form(self, name: str) -> str | None:
        """ "Ford" -> "Ford Motor Co" (and back): the one organisation named with company words."""
        first = name.split()[:1]
        if not first:
            return None
        candidates = [
            actor.name
            for actor in self._candidates(f"bare:{_bare(first[0])}")
            if actor.kind == "organization"
            and (is_corporate_short_form(name, actor.name) or is_corporate_short_form(actor.name, name))
        ]
        return candidates[0] if len(candidates) == 1 else None

    def match_legal_form(self, name: str) -> str | None:
        """ "Verhoef" -> "Verhoef NV": a name the model took for a place is the one organisation
        named so with only a legal form after it (no place is called "... NV" or "... Inc")."""
        first = name.split()[:1]
        candidates = [
            actor.name
            for actor in (self._candidates(f"bare:{_bare(first[0])}") if first else [])
            if actor.kind == "organization" and is_corporate_short_form(name, actor.name, LEGAL_SUFFIXES)
        ]
        return candidates[0] if len(candidates) == 1 else None

    def resolve(self, name: str, kind: ActorKind, definite: bool = False) -> str:
        """The canonical name for `name`, registering it (or an alias) when it is new.

        `definite`: the text said "the <name>", as news does for a short form ("the Dow").
        """
        known = self.lookup(name)
        if known:
            return known
        fuzzy = self.match_person(name) if kind in ("person", "organization") else None
        if fuzzy is None and definite and kind == "organization":
            fuzzy = self.match_short_form(name)
        if fuzzy is None and kind == "organization":
            fuzzy = self.match_corporate_form(name)
        if fuzzy is None and kind == "country":
            fuzzy = self.match_legal_form(name)
        if fuzzy:
            self.add_alias(fuzzy, name)
            return fuzzy
        self.put(Actor(name=name, kind=kind, note=self.review_notes.get(name)))
        if definite:
            self.said_with_the.add(name)
        return name

    def same_actors(self, other: ActorRegistry) -> bool:
        """Whether both hold the same actors, aliases, kinds and notes."""
        return self.actors == other.actors


def _match_words(name: str) -> list[str]:
    """The index words of a known name: its raw first and last words, its key's first and last."""
    raw, key = name.split(), name_key(name).split()
    words = [f"raw:{raw[0]}", f"raw:{raw[-1]}", f"bare:{_bare(raw[0])}"] if raw else []
    return words + ([f"first:{key[0]}", f"last:{key[-1]}"] if key else [])


def resolve_extractions(
    registry: ActorRegistry, extractions: Iterable[ArticleExtraction]
) -> tuple[ActorRegistry, list[ArticleExtraction]]:
    """`resolve_names`, then each extraction with its names made canonical (titles included), in
    slug order."""
    ordered = sorted(extractions, key=lambda extraction: extraction.slug)
    merged, names = resolve_names(registry, ordered)
    return merged, [_renamed(extraction, names[extraction.slug], merged) for extraction in ordered]


def resolve_names(
    registry: ActorRegistry, proposals: Iterable[ArticleExtraction]
) -> tuple[ActorRegistry, dict[str, dict[str, str]]]:
    """The run's one resolution step: every article's proposed actors (its events unread) merged
    into a copy of `registry`.

    Articles are taken in slug order, so the result is the same whatever order they were read in
    and however many processes read them. Returns the merged registry and, per slug, each name the
    article used with its canonical name; `renamed_events` then gives an article's events with
    those names, one article at a time.
    """
    merged = registry.copy()
    names: dict[str, dict[str, str]] = {}
    for proposal in sorted(proposals, key=lambda proposal: proposal.slug):
        names[proposal.slug] = {
            actor.name: _resolve_actor(merged, actor, actor.name in proposal.definite)
            for actor in proposal.actors
        }
    return merged, names


def renamed_events(extraction: ArticleExtraction, canonical: dict[str, str]) -> tuple[Event, ...]:
    """The article's events with each name made canonical (titles included)."""
    changed = {name: new for name, new in canonical.items() if new != name}
    if not changed:
        return extraction.events
    return tuple(_renamed_event(event, changed) for event in extraction.events)


def _resolve_actor(registry: ActorRegistry, actor: Actor, definite: bool) -> str:
    canonical = registry.resolve(actor.name, actor.kind, definite=definite)
    for alias in (actor.name, *actor.aliases):
        registry.add_alias(canonical, alias)
    return canonical


def _renamed(
    extraction: ArticleExtraction, canonical: dict[str, str], registry: ActorRegistry
) -> ArticleExtraction:
    events = renamed_events(extraction, canonical)
    actors = tuple(registry.actors[name] for name in dict.fromkeys(canonical.values()))
    definite = tuple(dict.fromkeys(canonical.get(name, name) for name in extraction.definite))
    return ArticleExtraction(extraction.slug, events, actors, definite)


def _renamed_event(event: Event, changed: dict[str, str]) -> Event:
    actors = tuple(dict.fromkeys(changed.get(name, name) for name in event.actors))
    return replace(event, actors=actors, title=_renamed_title(event.title, changed))


def _renamed_title(title: str, changed: dict[str, str]) -> str:
    """A title names actors as the article resolved them; the registry's name replaces each."""
    names = "|".join(re.escape(name) for name in sorted(changed, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{names})(?!\w)", lambda match: changed[match.group(0)], title)


def _is_part_of_name(word: str, full_name: str) -> bool:
    parts = full_name.split()
    return not word.isupper() and word in (parts[0], parts[-1])


def _similar(first: str, second: str) -> bool:
    return first == second or difflib.SequenceMatcher(None, first, second).ratio() >= 0.8


# Words that only say what kind of company a name is: "Ford Motor Co." is Ford.
LEGAL_SUFFIXES = frozenset(
    "co corp corporation company inc incorporated ltd limited plc llc lp ag sa nv se".split()
)


CORPORATE_WORDS = LEGAL_SUFFIXES | frozenset("group holdings holding motor motors airlines airways".split())


def _bare(word: str) -> str:
    return word.lower().strip(".,")


def is_corporate_short_form(short: str, full: str, company_words: frozenset[str] = CORPORATE_WORDS) -> bool:
    """ "Ford" for "Ford Motor Co.", "China Eastern" for "China Eastern Airlines"."""
    words, full_words = short.split(), full.split()
    return (
        len(full_words) > len(words)
        and [_bare(w) for w in full_words[: len(words)]] == [_bare(w) for w in words]
        and all(_bare(w) in company_words for w in full_words[len(words) :])
    )
