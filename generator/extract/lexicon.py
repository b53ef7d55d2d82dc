"""Word lists shared by the stages that read a parse: what counts as saying something."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTING_LEMMAS = frozenset(
    """say tell report add confirm state announce write note claim insist argue warn explain reply
    respond admit acknowledge declare enthuse stress emphasize comment testify reveal""".split()
)


def is_reporting(predicate: Token) -> bool:
    """A verb of saying: its clause complement is what was said."""
    return predicate.lemma_ in REPORTING_LEMMAS
