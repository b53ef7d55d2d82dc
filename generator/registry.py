"""The canonical actors and every name they go by; no NLP here, so the site can use it."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from generator.model import Actor, ActorKind

if TYPE_CHECKING:
    pass


_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def name_key(name: str) -> str:
    """The matching key of a name: accents, case, possessive, 'the' and punctuation removed."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold().strip()
    text = _POSSESSIVE.sub("", text)
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[.\u00b7]", "", text)
    text = re.sub(r"[\s\-_]+", " ", text).strip()
    return re.sub(r"^(?:us|u s)\b", "united states", re.sub(r"^(?:uk|u k)\b", "united kingdom", text))


@dataclass(slots=True)
class ActorRegistry:
    """The canonical actors (content/actors.yml) with an index of every name and alias."""

    actors: dict[str, Actor] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)
    review_notes: dict[str, str] = field(default_factory=dict)
    _index: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, actors: Iterable[Actor]) -> ActorRegistry:
        """A registry holding `actors`."""
        registry = cls()
        for actor in actors:
            registry.put(actor)
        return registry

    def put(self, actor: Actor) -> None:
        """Add or replace an actor and index its name and aliases."""
        self.actors[actor.name] = actor
        for name in (actor.name, *actor.aliases):
            self._index.setdefault(name_key(name), actor.name)

    def remove(self, names: Iterable[str]) -> None:
        """Forget actors (e.g. names no event ended up using) and their index entries."""
        doomed = set(names)
        for name in doomed:
            self.actors.pop(name, None)
        self._index = {key: name for key, name in self._index.items() if name not in doomed}

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
        candidates = []
        for actor in self.actors.values():
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
        candidates = []
        for actor in self.actors.values():
            known = name_key(actor.name).split()
            if actor.kind == "organization" and len(known) > len(words) and known[: len(words)] == words:
                candidates.append(actor.name)
        return candidates[0] if len(candidates) == 1 else None

    def match_corporate_form(self, name: str) -> str | None:
        """ "Ford" -> "Ford Motor Co" (and back): the one organisation named with company words."""
        candidates = [
            actor.name
            for actor in self.actors.values()
            if actor.kind == "organization"
            and (is_corporate_short_form(name, actor.name) or is_corporate_short_form(actor.name, name))
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
        if fuzzy:
            self.add_alias(fuzzy, name)
            return fuzzy
        self.put(Actor(name=name, kind=kind, note=self.review_notes.get(name)))
        return name


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


def is_corporate_short_form(short: str, full: str) -> bool:
    """ "Ford" for "Ford Motor Co.", "China Eastern" for "China Eastern Airlines"."""
    words, full_words = short.split(), full.split()
    return (
        len(full_words) > len(words)
        and [_bare(w) for w in full_words[: len(words)]] == [_bare(w) for w in words]
        and all(_bare(w) in CORPORATE_WORDS for w in full_words[len(words) :])
    )
