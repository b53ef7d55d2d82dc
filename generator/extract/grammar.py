"""Small readings of a dependency parse shared by the actors, events and titles stages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
TEMPORAL_MARKERS = frozenset({"after", "before", "while", "when", "upon", "on", "since"})


def governing_verb(verb: Token) -> Token | None:
    """The main verb whose subject and time a subjectless gerund shares.

    "While introducing X, Jobs said ...", "After meeting Kim, Lavrov flew ...": Jobs introduced,
    Lavrov met, when the main clause says.
    """
    if verb.tag_ != "VBG" or any(child.dep_ in SUBJECT_DEPS for child in verb.children):
        return None
    if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    marker = verb.head
    if verb.dep_ == "pcomp" and marker.lower_ in TEMPORAL_MARKERS and marker.head.pos_ in ("VERB", "AUX"):
        return marker.head
    return None


def is_after_the(doc: Doc, start: int) -> bool:
    """Whether the phrase at `start` follows "the", past lower-case modifiers ("the visiting Jaguars")."""
    before = start - 1
    while before >= 0 and doc[before].is_lower and doc[before].dep_ == "amod":
        before -= 1
    return before >= 0 and doc[before].lower_ == "the"
