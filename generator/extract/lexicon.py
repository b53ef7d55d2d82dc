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


# Verbs that also name an act when they take a thing as object: "declared a state of emergency",
# "announced a budget", "reported a loss" are the news itself, not a saying of it.
ACT_OR_SAYING_LEMMAS = frozenset({"declare", "announce", "report", "confirm", "reveal"})


def names_an_act(predicate: Token) -> bool:
    """A verb of saying used for the act it names ("declared a curfew"), not for what was said."""
    if predicate.lemma_ not in ACT_OR_SAYING_LEMMAS:
        return False
    children = list(predicate.children)
    if any(child.dep_ in ("ccomp", "xcomp") for child in children):
        return False
    return any(child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN") for child in children)


# the names of the market indexes news calls by their first word: "the Dow", "the Nikkei"
INDEX_NAMES = frozenset("dow nasdaq nikkei ftse dax cac sensex kospi topix stoxx".split())

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


# What a company takes in, told as its own: "the company's sales fell", "Calder's profit rose"
TAKINGS_LEMMAS = frozenset("sale sales revenue revenues profit profits earnings income turnover".split())
# The words a company's figure may carry and still be the company's alone: "Net profit rose"
FIGURE_WORDS = frozenset(
    """net operating pretax pre-tax pre tax - quarterly annual total gross underlying adjusted core
    first second third fourth quarter full year half""".split()
)


def is_bare_takings(noun: Token) -> bool:
    """ "Revenue rose 6 percent", "Net profit fell": a company's figure as the subject of a result,
    with no owner, article or other words ("Retail sales rose" is the economy's, "Sales of new homes"
    a market's, "hopes that sales will exceed 700" no result)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in TAKINGS_LEMMAS:
        return False
    if noun.dep_ not in ("nsubj", "nsubjpass") or not _told_as_a_result(noun.head):
        return False
    if any(child.dep_ not in ("amod", "compound", "punct") for child in noun.lefts):
        return False
    words = [token for child in noun.lefts for token in child.subtree]
    rights = [child for child in noun.rights if child.dep_ in ("prep", "acl", "relcl", "appos")]
    return not rights and all(token.lower_ in FIGURE_WORDS for token in words)


def _told_as_a_result(verb: Token) -> bool:
    """A verb in the past: "rose", "has fallen", "were hit"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(
        aux.tag_ == "VBD" or aux.lower_ in ("has", "have") for aux in auxiliaries
    )
