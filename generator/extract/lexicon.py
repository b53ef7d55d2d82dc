"""Word lists shared by the stages that read a parse: what counts as saying something, what
names a storm or a fire."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.registry import name_key

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTING_LEMMAS = frozenset(
    """say tell report add confirm state announce write note claim insist argue warn explain reply
    respond admit acknowledge declare enthuse stress emphasize comment testify reveal""".split()
)


def is_reporting(predicate: Token) -> bool:
    """A verb of saying: its clause complement is what was said."""
    return predicate.lemma_ in REPORTING_LEMMAS


STORM_WORDS = ("storm", "typhoon", "hurricane", "cyclone")
FIRE_WORDS = ("fire", "blaze", "wildfire")


def hazard_descriptions(name: str) -> tuple[str, ...]:
    """What news calls a named storm or fire again: "the storm" for Typhoon Rosal ("Tropical
    Storm Ana", "Hurricane Ida"), "the blaze" for the Miller Fire."""
    words = name_key(name).split()
    if len(words) >= 2 and set(words[:-1]) & set(STORM_WORDS):
        return STORM_WORDS
    if len(words) >= 2 and words[-1] == "fire":
        return FIRE_WORDS
    return ()
