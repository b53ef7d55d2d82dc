"""Small readings of a dependency parse shared by the actors, events and titles stages."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.extract.doc_views import children_of, lefts_of, made_once, subtree_of, tokens_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
TEMPORAL_MARKERS = frozenset({"after", "before", "while", "when", "upon", "on", "since"})


def governing_verb(verb: Token) -> Token | None:
    """The main verb whose subject and time a subjectless gerund shares.

    "While introducing X, Jobs said ...", "After meeting Kim, Lavrov flew ...": Jobs introduced,
    Lavrov met, when the main clause says.
    """
    if verb.tag_ != "VBG" or any(child.dep_ in SUBJECT_DEPS for child in children_of(verb)):
        return None
    if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    marker = verb.head
    if verb.dep_ == "pcomp" and marker.lower_ in TEMPORAL_MARKERS and marker.head.pos_ in ("VERB", "AUX"):
        return marker.head
    return None


def is_after_the(doc: Doc, start: int) -> bool:
    """Whether the phrase at `start` follows "the", past lower-case modifiers ("the visiting Jaguars")."""
    tokens = tokens_of(doc)
    before = start - 1
    while before >= 0 and tokens[before].is_lower and tokens[before].dep_ == "amod":
        before -= 1
    return before >= 0 and tokens[before].lower_ == "the"


# Verbs whose past is their base form, which the parser often reads as a noun ("last cut rates")
SAME_FORM_PASTS = frozenset(
    "cut hit set put shut quit split spread beat bid cost let hurt cast burst".split()
)


def verb_read_as_noun(span: Span) -> Token | None:
    """ "The central bank last cut rates in December 2008": a sentence the parser left without a
    verb, but with a subject on its noun, has its verb among the words after the subject: the
    first one the article uses as a verb elsewhere, or a past like "cut"."""
    root = span.root
    if root.pos_ != "NOUN" or verbs_in(span):
        return None
    subject = next((child for child in children_of(root) if child.dep_ == "nsubj"), None)
    if subject is None:
        return None
    verbs = article_verb_lemmas(span.doc)
    for token in tokens_of(span.doc)[subject.right_edge.i + 1 : root.i + 1]:
        if token.lower_ in SAME_FORM_PASTS or (token.tag_ == "NN" and token.lower_ in verbs):
            return token
    return None


def verbs_in(span: Span) -> list[Token]:
    """The tokens of `span` tagged VERB or AUX, in order, from the Doc's list made once."""
    verbs = made_once(span.doc, "verbs_and_auxiliaries", _verbs_and_auxiliaries)
    first = bisect.bisect_left(verbs, span.start, key=_index)
    return verbs[first : bisect.bisect_left(verbs, span.end, lo=first, key=_index)]


def _verbs_and_auxiliaries(doc: Doc) -> list[Token]:
    return [token for token in tokens_of(doc) if token.pos_ in ("VERB", "AUX")]


def _index(token: Token) -> int:
    return token.i


def article_verb_lemmas(doc: Doc) -> frozenset[str]:
    """`verb_lemmas(doc)`, made once per Doc from its list of verbs (so only once the parse is final)."""
    return made_once(doc, "verb_lemmas", _lemmas_of_verbs)


def _lemmas_of_verbs(doc: Doc) -> frozenset[str]:
    verbs = made_once(doc, "verbs_and_auxiliaries", _verbs_and_auxiliaries)
    return frozenset(token.lemma_.lower() for token in verbs if token.pos_ == "VERB")


def verb_lemmas(doc: Doc, besides: Span | None = None) -> frozenset[str]:
    """The lemmas of the words the article uses as verbs (outside `besides`, when given)."""
    return frozenset(
        token.lemma_.lower()
        for token in tokens_of(doc)
        if token.pos_ == "VERB" and (besides is None or not besides.start <= token.i < besides.end)
    )


def has_to_marker(verb: Token) -> bool:
    """Whether `verb` is a "to" infinitive ("to cut", "to go on injured reserve")."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in children_of(verb))


def infinitive_on_a_name(verb: Token) -> Token | None:
    """ "GM to cut jobs", parsed as the name with a clause hung on it: in a line with no verb before
    it, the name the infinitive hangs on is its subject (returned)."""
    head = verb.head
    if (
        not has_to_marker(verb)
        or verb.dep_ not in ("relcl", "acl", "xcomp")
        or head.dep_ != "ROOT"
        or head.i > verb.i
    ):
        return None
    if head.pos_ not in ("PROPN", "NOUN") or any(token.pos_ in ("VERB", "AUX") for token in lefts_of(head)):
        return None
    return head


def mended_lemma(verb: Token) -> str:
    """The verb's lemma, mended where the lemmatizer cut a silent "e": "hoped" is "hope", not "hop".
    A one-syllable verb ending in vowel and consonant doubles it before "-ed" ("hop", "hopped"), so
    "hoped", "hopes", "hoping" without it are of a verb in "-e" ("fined": "fine"); w, x, y never double."""
    return _mended_lemma(verb.lemma_.lower(), verb.lower_)


_VOWELS = re.compile("[aeiou]+")
_VOWEL_AND_CONSONANT_END = re.compile("[^aeiou][aeiou][^aeiouwxy]$")


@lru_cache(maxsize=4096)
def _mended_lemma(lemma: str, word: str) -> str:
    single_syllable_cvc = (
        len(_VOWELS.findall(lemma)) == 1 and _VOWEL_AND_CONSONANT_END.search(lemma) is not None
    )
    if single_syllable_cvc and word in (lemma + "ed", lemma + "es", lemma + "ing"):
        return lemma + "e"
    return lemma


# What ranks someone among those who did a thing: "the fifth running back to go on IR"
RANKING_WORDS = frozenset({"first", "last", "latest", "only"})


def copula_of_a_first(verb: Token) -> Token | None:
    """ "Thomas is the fifth running back to go on injured reserve", "She will be the first woman to
    lead the party": a subjectless "to" infinitive after an ordinal in the complement of "be" tells
    what the copula's subject did or will do. The copula, or None; not one in the simple past ("She
    was the first woman to swim the Channel"), which tells a record of someone's life."""
    if verb.pos_ != "VERB" or any(child.dep_ in SUBJECT_DEPS for child in children_of(verb)):
        return None
    if not has_to_marker(verb):
        return None
    token = verb.head
    while token.lemma_ != "be" and token.dep_ in ("relcl", "acl", "advcl", "attr", "nmod", "compound"):
        if token.head.i == token.i:
            return None
        token = token.head
    if token.lemma_ != "be" or token.i == verb.i or token.tag_ == "VBD":
        return None
    complement = next((child for child in children_of(token) if child.dep_ == "attr"), None)
    if complement is None or not any(child.dep_ == "nsubj" for child in children_of(token)):
        return None
    ranked = any(
        word.i < verb.i and (word.ent_type_ == "ORDINAL" or word.lower_ in RANKING_WORDS)
        for word in subtree_of(complement)
    )
    return token if ranked else None


def tells_the_purpose(infinitive: Token, verb: Token) -> bool:
    """ "Hundreds gathered to mourn Mayor Kelly", "police came to arrest Smith": a "to" infinitive
    with no subject of its own says what the verb's happening was for, and who it was about."""
    return (
        infinitive.dep_ == "advcl"
        and infinitive.head.i == verb.i
        and infinitive.tag_ == "VB"
        and has_to_marker(infinitive)
        and not any(child.dep_ in SUBJECT_DEPS or child.dep_ == "mark" for child in children_of(infinitive))
    )


MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "appos", "dep"})


def is_misattached_clause(verb: Token) -> bool:
    """ "The Saints placed rookie Chris Ivory on injured reserve Tuesday -- another huge blow": a verb
    in the past with a subject of its own is a clause, wherever the parser hung it (here as a
    modifier of "blow")."""
    return (
        verb.tag_ == "VBD"
        and verb.dep_ in MODIFIER_DEPS
        and any(child.dep_ in ("nsubj", "nsubjpass") for child in children_of(verb))
    )
