"""What a rule sees: the candidate span it matched, the Doc around it, the tense of its verb, and the
dates narrative expressions ("the following day") count from."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.extract.doc_views import tokens_of
from generator.extract.lexicon import is_reporting
from generator.extract.timex.vocabulary import FUTURE_AUX, FUTURE_VERBS, MODAL_AUX, SCHEDULE_VERBS, Tense
from generator.model import TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.extract.timex.rules import Rule


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of the text one rule matched; `priority` is the rule's place in RULES (earlier wins)."""

    start: int
    end: int
    text: str
    rule: Rule
    priority: int


@dataclass(frozen=True, slots=True)
class TokenIndex:
    """The token each character of a Doc's text is in (the spaces after a token are in none)."""

    starts: list[int]  # of the tokens, in order
    ends: list[int]
    indexes: list[int]  # their token indexes

    def at(self, offset: int) -> int | None:
        """The index of the token the character at `offset` is in, or None."""
        position = bisect_right(self.starts, offset) - 1
        return self.indexes[position] if position >= 0 and offset < self.ends[position] else None

    def overlapping(self, start: int, end: int) -> list[int]:
        """The indexes of the tokens with a character in [start, end), in order."""
        if end <= start:
            return []
        return self.indexes[bisect_right(self.ends, start) : bisect_left(self.starts, end)]


def index_tokens(doc: Doc) -> TokenIndex:
    """Where each token of `doc` is in its text."""
    from spacy.attrs import IDX, LENGTH

    # From the token arrays: making a Token object per token costs more than the whole loop.
    spans = [
        (i, start, length) for i, (start, length) in enumerate(doc.to_array([IDX, LENGTH]).tolist()) if length
    ]
    return TokenIndex(
        starts=[start for _, start, _ in spans],
        ends=[start + length for _, start, length in spans],
        indexes=[i for i, _, _ in spans],
    )


@dataclass(slots=True)
class Context:
    """The Doc being tagged, its reference date and the dates named so far."""

    doc: Doc
    reference: dt.date
    token_at: TokenIndex
    text: str  # doc.text, which spaCy joins from every token on each access
    anchor: dt.date | None = None
    # The last date named at month (or finer) and at year (or finer) precision: "the following month".
    coarse_anchors: dict[str, dt.date] = field(default_factory=dict)
    quarter: tuple[int, int] | None = None  # (year, quarter) last mentioned
    # Whether a rule read the dates named before (an anchor or the quarter) since this was last reset:
    # a value that read none is the same wherever in the story it is normalized.
    read_earlier: bool = False

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens with a character in [start, end)."""
        tokens = tokens_of(self.doc)  # doc[i] makes a new Token on every call
        return [tokens[i] for i in self.token_at.overlapping(start, end)]

    def token_before(self, start: int) -> Token | None:
        """The token before the one the character at `start` is in."""
        index = self.token_at.at(start)
        return tokens_of(self.doc)[index - 1] if index is not None and index > 0 else None

    def token_after(self, end: int) -> Token | None:
        """The token after the one the character before `end` is in."""
        index = self.token_at.at(end - 1)
        tokens = tokens_of(self.doc)
        return tokens[index + 1] if index is not None and index + 1 < len(tokens) else None

    def remember(self, expression: TimeExpression, rule_name: str) -> None:
        """Keep `expression` as the anchor of the narrative expressions that follow it."""
        value = expression.value or ""
        match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\dW])", value)
        if match and expression.type in ("DATE", "TIME"):
            year, month, day = (int(part) if part else None for part in match.groups())
            named = dt.date(year or 1, month or 1, day or 1)
            if day is not None:
                self.anchor = named
            if month is not None:
                self.coarse_anchors["month"] = named
            self.coarse_anchors["year"] = named
        quarter = re.match(r"^(\d{4})-Q([1-4])$", value)
        if quarter and rule_name == "quarter":
            self.quarter = (int(quarter.group(1)), int(quarter.group(2)))

    def named_quarter(self) -> tuple[int, int] | None:
        """The (year, quarter) last named, if any."""
        self.read_earlier = True
        return self.quarter

    def narrative_anchor(self, unit: str = "day") -> dt.date:
        """The date narrative expressions count from: the last one named at `unit` precision or finer."""
        self.read_earlier = True
        if unit in ("month", "quarter", "year", "decade", "century"):
            key = "month" if unit == "month" else "year"
            return self.coarse_anchors.get(key) or self.anchor or self.reference
        return self.anchor or self.reference


def find_tense(doc: Doc, tokens: list[Token]) -> Tense | None:
    """The tense of the verb governing `tokens` (past, present or future), None when there is none."""
    if not tokens:
        return None
    token: Token = tokens[0]
    while token.head.i != token.i and any(t.i == token.head.i for t in tokens):
        token = token.head
    verb = _governing_verb(token)
    if verb is not None and _said_before_its_subject(token, verb):
        verb = verb.head
    return _verb_tense(verb) if verb is not None else None


def _said_before_its_subject(token: Token, verb: Token) -> bool:
    """ "said on Wednesday it would close the plant", with the day hung on "close" by the parser: a
    date between the verb of saying and the subject of what was said is the saying's."""
    saying = verb.head
    if verb.dep_ != "ccomp" or saying.i > token.i or not is_reporting(saying):
        return False
    subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and token.i < subject.left_edge.i


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod",):
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _verb_tense(verb: Token) -> Tense:
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl"):
        upper = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        if any(child.lower_ in ("had", "'d") and child.dep_ == "aux" for child in upper.children):
            return "past"  # "it had been due to expire Friday"
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    lowered = {child.lower_ for child in aux}
    if lowered & FUTURE_AUX or (verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)):
        return "future"
    if lowered & MODAL_AUX:
        return "past" if lowered & {"have", "'ve"} else "future"
    if lowered & {"had", "'d"}:
        return "past"
    if verb.lemma_ in SCHEDULE_VERBS or (
        verb.lemma_ == "be" and any(c.lower_ == "due" for c in verb.children)
    ):
        return "future"
    if verb.head.i != verb.i and verb.dep_ in ("xcomp",) and verb.head.lower_ in ("going", "is", "are"):
        return "future"
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in aux):
        return "past"
    if verb.tag_ == "VBN" and lowered & {"has", "have", "had", "'s", "'ve"}:
        return "past"
    if verb.tag_ == "VBN" and verb.head.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBG" and lowered & {"is", "are", "'re", "'s", "am"}:
        return "future"
    if verb.lemma_ in FUTURE_VERBS and verb.tag_ in ("VBZ", "VBP"):
        return "future"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_VERBS:
        return "future"
    if verb.tag_ in ("VBZ", "VBP", "VB", "VBG"):
        return "present"
    if verb.tag_ == "VBN" and lowered & {"is", "are", "am", "'s", "'re", "be"}:
        # A passive in the present: "the closing is expected in December", "to be published in May".
        return "future" if verb.lemma_ in FUTURE_VERBS else "present"
    return "past" if verb.tag_ == "VBN" else "present"


# "effective June 1", "the report due on Friday"; a date something was set or put off to lies ahead:
# "the trial was set for October 28"
_FUTURE_CUES = re.compile(
    r"(?:as soon as|as early as|no later than|effective|starting|beginning|due"
    r"|(?:set|scheduled|slated|pencil+ed\s+in|adjourned|postponed|put\s+off|deferred|rescheduled)"
    r"\s+(?:for|until|till|to))\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)


def tense_of(candidate: Candidate, context: Context) -> Tense | None:
    """The tense the expression is told in: a cue just before it ('effective June 1'), else its verb's."""
    if _FUTURE_CUES.search(context.text[max(0, candidate.start - 24) : candidate.start]):
        return "future"
    return find_tense(context.doc, context.tokens(candidate.start, candidate.end))
