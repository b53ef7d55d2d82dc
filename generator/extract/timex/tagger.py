"""Finding temporal expressions in a spaCy Doc and normalizing them TIMEX3-style against a reference date.

The tagger is rule-based, in the spirit of HeidelTime: a grammar of regular expressions over the
Doc's text proposes candidate spans (longest match wins), spaCy's tags and dependencies guard the
ambiguous words ("may", "march", "second", a number that is a count, not a year) and give the
tense of the governing verb, and each rule normalizes its span against the reference (publication)
date, or against the previous date in the text for narrative expressions ("the following day").
dateparser parses the numeric absolute dates ("11/02/89"), with every part of the date required.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from generator.model import TimeExpression

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

Tense = Literal["past", "present", "future"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

# ----------------------------------------------------------------------------------------------
# Vocabulary
# ----------------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "thousand": 1000, "a thousand": 1000,
    "half a": 0.5, "half an": 0.5, "a half": 0.5, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "a number of", "the next few")
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
# Unit word -> (TIMEX3 duration letter, is a time-of-day unit, length in the unit of the letter).
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "night": ("D", False, 1), "week": ("W", False, 1), "weekend": ("D", False, 2),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "millennium": ("Y", False, 1000),
}  # fmt: skip
MOD_WORDS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID", "middle": "MID",
    "beginning": "START", "start": "START", "end": "END", "close": "END", "dawn": "START",
}  # fmt: skip
APPROX_WORDS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS", "more than": "MORE_THAN",
    "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "fewer than": "LESS_THAN", "just over": "MORE_THAN", "just under": "LESS_THAN",
}  # fmt: skip
PART_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "dawn": "MO", "dusk": "EV",
}  # fmt: skip
SCHEDULE_VERBS = frozenset(["schedule", "slate", "plan", "due", "postpone", "delay", "reschedule"])
FUTURE_VERBS = frozenset({
    "plan", "schedule", "expect", "hope", "intend", "aim", "set", "due", "slate", "seek", "propose",
    "prepare", "want", "begin", "start", "open", "close", "resume", "meet", "vote", "decide", "hold",
    "visit", "consider",
})  # fmt: skip
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going", "gon"})
MODAL_AUX = frozenset({"would", "could", "might", "may", "can", "should", "must", "'d", "ca"})
# A date named without its year is its nearest occurrence when it is this close, whatever the tense.
PAST_TOLERANCE_DAYS = 60
# "A year earlier" compares with the quarter being reported when one was named this close before.
QUARTER_CONTEXT_CHARS = 1500
FUTURE_TOLERANCE_DAYS = 30
UNMARKED_AHEAD_DAYS = 92


# ----------------------------------------------------------------------------------------------
# Grammar
# ----------------------------------------------------------------------------------------------


def _alternation(words: object) -> str:
    """A regex alternation of `words`, longest first, spaces as any run of blanks."""
    items = sorted({str(word) for word in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in items) + ")"


_FULL_MONTHS = [name for name, number in MONTHS.items() if len(name) > 4 or name in ("may", "june", "july")]
_ABBR_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
MONTH = rf"(?:{_alternation(_FULL_MONTHS)}|{_alternation(_ABBR_MONTHS)}\.)"
MONTH_LOOSE = rf"(?:{_alternation(_FULL_MONTHS)}|{_alternation(_ABBR_MONTHS)}\.?)"
WEEKDAY = (
    rf"(?:{_alternation([w for w in WEEKDAYS if len(w) > 4])}|(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.)"
)
DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
SHORT_YEAR = r"(?:'[0-9]{2})"
NUMBER_WORD = _alternation([*NUMBERS, *VAGUE_NUMBERS])
NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s+(?:one|two|three|four|five|six|seven|eight|nine)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|{NUMBER_WORD})"  # noqa: E501
UNIT = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|millennium)"
UNITS_RE = rf"(?:{UNIT}s?|centuries|millennia)"
SEASON = _alternation(SEASONS)
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
MOD_PREFIX = r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later)(?:\s+in)?(?:\s*-\s*|\s+)|(?:the\s+)?(?:beginning|start|end|middle|close|dawn)\s+of\s+(?:the\s+)?)"  # noqa: E501
APPROX = _alternation(APPROX_WORDS)
# Before a date only these mean "about": "over the weekend" is not "more than the weekend".
APPROX_DATE = _alternation(["about", "around", "approximately", "roughly", "nearly", "almost"])
RELWORD = r"(?:this|last|next|past|previous|coming|following|current|same|that|prior|preceding)"
TIME_OF_DAY = r"(?:(?:[01]?[0-9]|2[0-3])(?::[0-5][0-9])?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)|(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?:\s*(?:a\.?\s?m\.?|p\.?\s?m\.?))?|noon|midday|midnight|(?:[01]?[0-9])\s+o'clock)"  # noqa: E501
TZ = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local\s+time)\b)?"
PART_OF_DAY_RE = r"(?:morning|afternoon|evening|night)"
HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "thanksgiving day": "thanksgiving", "thanksgiving": "thanksgiving", "easter sunday": "easter",
    "easter": "easter", "labor day": "labor", "memorial day": "memorial", "veterans day": (11, 11),
    "boxing day": (12, 26), "may day": (5, 1), "election day": "election", "good friday": "good_friday",
}  # fmt: skip
HOLIDAY = _alternation(HOLIDAYS)


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]


def _rule(name: str, pattern: str) -> _Rule:
    return _Rule(name, re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w-])", re.IGNORECASE))


_SPELLED_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_TENS = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+{_SPELLED_UNITS})?|ten|eleven|twelve"
    rf"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:oh|o)[\s-]+{_SPELLED_UNITS})"
)
# Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand".
SPELLED_YEAR = (
    rf"(?:nineteen(?:\s+hundred)?(?:\s+and)?\s+{_SPELLED_TENS}|two\s+thousand(?:\s+and\s+{_SPELLED_UNITS})?)"
)
_DAY_DATE = (
    rf"(?:{WEEKDAY},?\s+)?(?:(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MONTH_LOOSE}|{MONTH_LOOSE}\s+{DAYNUM})"
    rf"(?:\s*,?\s+{YEAR}|\s+{SHORT_YEAR})?"
)
RULES: tuple[_Rule, ...] = (
    _rule("iso_date", r"(?:1[0-9]{3}|20[0-9]{2})-[01][0-9]-[0-3][0-9](?:T[0-2][0-9]:[0-5][0-9])?"),
    _rule("numeric_date", r"[01]?[0-9]/[0-3]?[0-9]/(?:[0-9]{4}|[0-9]{2})"),
    _rule("day_date", rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?(?:(?:last|this|next)\s+)?{_DAY_DATE}"),
    _rule(
        "time",
        rf"(?:{APPROX_DATE}\s+)?{TIME_OF_DAY}{TZ}(?:,?\s+(?:on\s+)?(?:{_DAY_DATE}|{WEEKDAY}|today|tonight|yesterday|tomorrow))?",
    ),
    _rule(
        "time_words",
        rf"(?:{APPROX_DATE}\s+)?(?:{TIME_OF_DAY}|\d{{1,2}})\s+(?:in|on)\s+the\s+(?:morning|afternoon|evening)",
    ),
    _rule(
        "weekday_time",
        rf"(?:{MOD_PREFIX})?(?:{WEEKDAY}|yesterday|today|tomorrow)\s+(?:(?:{TIME_OF_DAY}){TZ}|{PART_OF_DAY_RE})",
    ),
    _rule(
        "time_weekday",
        rf"(?:{MOD_PREFIX})?(?:{PART_OF_DAY_RE}|noon|midday|midnight)\s+(?:{WEEKDAY}|yesterday|today|tomorrow)",
    ),
    _rule(
        "month_year",
        rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?{MONTH_LOOSE}(?:\s+of)?,?\s+(?:{YEAR}|{SHORT_YEAR}|{SPELLED_YEAR}|(?:this|last|next)\s+year)",
    ),
    _rule("season_year", rf"(?:{MOD_PREFIX})?(?:the\s+)?{SEASON}(?:\s+of)?,?\s+(?:{YEAR}|{SPELLED_YEAR})"),
    _rule(
        "month",
        rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?(?:(?:this|last|next|this\s+past|this\s+coming|that)\s+)?{MONTH}",
    ),
    _rule(
        "weekday",
        rf"(?:{MOD_PREFIX})?(?:(?:this|last|next|this\s+past|this\s+coming|that|the\s+previous|the\s+following|the\s+next|the\s+preceding)\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY_RE})?",
    ),
    _rule(
        "season",
        rf"(?:{MOD_PREFIX})?(?:(?:this|last|next|this\s+past|this\s+coming|the\s+coming|the\s+past|that)\s+){SEASON}",
    ),
    _rule("bare_season", rf"(?:{MOD_PREFIX})?(?:the\s+)?{SEASON}"),
    _rule(
        "mod_unit",
        rf"(?:{MOD_PREFIX}|(?:the\s+)?(?:very\s+)?(?:early|late|earlier|later)\s+in\s+the\s+)"
        r"(?:month|year|week|quarter|decade|century|day)",
    ),
    _rule(
        "spelled_year",
        rf"(?:the\s+year\s+)?{SPELLED_YEAR}",
    ),
    _rule(
        "spelled_decade",
        rf"(?:{MOD_PREFIX})?the\s+(?:nineteen[\s-]+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    ),
    _rule("holiday", rf"(?:(?:this|last|next)\s+)?{HOLIDAY}(?:\s+week|,?\s+{YEAR})?"),
    _rule(
        "year",
        rf"(?:{MOD_PREFIX}|{APPROX}\s+|(?:fiscal|calendar|the\s+year|the\s+fiscal\s+year|model\s+year|pre-?|post-?)\s*)?{YEAR}",
    ),
    _rule("year_span", rf"(?:fiscal\s+)?{YEAR}\s*-\s*(?:{YEAR}|[0-9]{{2}})"),
    _rule("decade", rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?(?:the\s+)?(?:1[0-9]{{2}}0|20[0-9]0|'?[0-9]0)'?s"),
    _rule(
        "century",
        rf"(?:{MOD_PREFIX})?(?:the\s+)?(?:{_alternation(ORDINALS)}|[0-9]{{1,2}}(?:st|nd|rd|th))[\s-]+century",
    ),
    _rule(
        "quarter",
        rf"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:(?:fiscal|calendar|{YEAR}|(?:this|last|next)\s+year's|latest|current|year-ago|year-earlier)\s+)?(?:{ORDINAL}|final)[\s-]+(?:fiscal\s+)?(?:quarter|half|period)(?:\s+of\s+(?:(?:fiscal\s+)?{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year))?",
    ),
    _rule(
        "quarter_rel",
        rf"(?:the\s+)?(?:{RELWORD}|latest|most\s+recent|recent|year-earlier|year-ago|previous|year\s+earlier|fiscal|calendar|{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)",
    ),
    _rule("the_quarter", r"the\s+(?:fiscal\s+)?quarter(?:\s+(?:a\s+year\s+(?:ago|earlier)))?"),
    # Earnings reports compare with the same quarter of the year before.
    _rule(
        "year_ago_quarter",
        r"(?:the\s+)?(?:corresponding|comparable|same|year-ago|year-earlier)\s+(?:fiscal\s+)?(?:period|quarter)\s+"
        r"(?:(?:of|in)\s+)?(?:last\s+year|the\s+previous\s+year|the\s+prior\s+year|a\s+year\s+(?:ago|earlier))"
        r"|last\s+year's\s+(?:fiscal\s+)?(?:period|quarter)",
    ),
    _rule(
        "last_half",
        rf"(?:the\s+)?(?:last|latter)\s+half\s+of\s+(?:{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year)",
    ),
    _rule("the_year", r"the\s+(?:fiscal\s+|calendar\s+|full\s+|entire\s+|whole\s+)?year"),
    _rule(
        "year_adj",
        r"year-(?:earlier|ago|end|before|to-date)|year\s+end|year-earlier|the\s+year-(?:earlier|ago)\s+(?:quarter|period)",
    ),
    _rule(
        "relative_day",
        rf"(?:{MOD_PREFIX})?(?:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|today|yesterday|tomorrow|tonight|overnight)",
    ),
    _rule(
        "relative_unit",
        rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?(?:(?:this|last|next|the\s+past|the\s+coming|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|that|the\s+next|the\s+prior|the\s+preceding|the\s+last|the\s+latest|the\s+most\s+recent)\s+(?:fiscal\s+)?(?:{UNIT}|{PART_OF_DAY_RE})|{PART_OF_DAY_RE}|the\s+{PART_OF_DAY_RE}|the\s+weekend)",
    ),
    _rule(
        "anchor_day",
        r"the\s+(?:day|week|month|year)\s+(?:before|after)|(?:that|the\s+same|the\s+previous|the\s+following|the\s+next)\s+(?:day|morning|afternoon|evening|night)",
    ),
    # "Oct. 12, the day before the plunge": in apposition to the date just named.
    _rule("the_day", r"(?<=,\s)the\s+day(?=\s+(?:before|after)\s+[\w$])"),
    _rule(
        "offset",
        rf"(?:{APPROX}\s+)?{NUMBER}(?:\s+and\s+a\s+half)?[\s-]+{UNITS_RE}(?:\s+or\s+so)?\s+(?:ago|earlier|later|before|after|from\s+now|hence|since)",
    ),
    _rule(
        "duration",
        rf"(?:{APPROX}\s+(?!the\s))?(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following|final|remaining|latest|recent|initial|same|year-earlier|year-ago|comparable)\s+)*{NUMBER}(?:\s+and\s+a\s+half)?[\s-]+(?:(?:more|additional|extra|further)\s+)?{UNITS_RE}(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?",
    ),
    _rule(
        "duration_adj",
        rf"(?:\d+|{_alternation([w for w in NUMBERS if ' ' not in w and w not in ('a', 'an')])})-{UNIT}(?:-old|-long)?",  # noqa: E501
    ),
    # "a day-long meeting", "a decades-long dispute": one unit, or an unknown number of them.
    _rule("unit_long", rf"{UNIT}s?-long"),
    _rule(
        "bare_units",
        rf"(?:(?:the|these|those)\s+)?(?:(?:past|last|next|coming|recent|previous|following|ensuing|subsequent|preceding)\s+)?(?:(?:several|few|many)\s+)?{UNIT}s(?:\s+or\s+(?:even\s+)?{UNIT}s)?",
    ),
    _rule(
        "set",
        rf"(?:daily|weekly|monthly|yearly|hourly|nightly|biweekly|(?:every|each|per)\s+(?:other\s+)?(?:{UNIT}|{WEEKDAY}|{MONTH}|{SEASON}|{PART_OF_DAY_RE}))",
    ),
    _rule(
        "ref",
        r"then[\s-]+current|current|now|currently|right\s+now|just\s+now|nowadays|these\s+days|at\s+present|the\s+present|recently|lately|soon|(?:the\s+)?(?:near|distant|foreseeable|immediate)\s+future|the\s+future|in\s+future|the\s+(?:near|short)\s+term|a\s+later\s+date|the\s+past|previously|formerly|once\s+again|the\s+moment|so\s+far|to\s+date|any\s+time\s+soon|shortly",
    ),
    _rule("future_units", rf"future\s+{UNIT}s"),
    # "Today is the eighth day of the operation": the day told about, counted within an event.
    _rule(
        "ordinal_day",
        rf"the\s+(?:{_alternation(ORDINALS)}|[0-9]{{1,3}}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day(?=\s+of\s)",
    ),
)
_RULE_PRIORITY = {rule.name: index for index, rule in enumerate(RULES)}


# ----------------------------------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------------------------------


def tag_text(text: str, reference: dt.date, nlp: Language | None = None) -> list[TimeExpression]:
    """Run the spaCy pipeline (loaded once) on `text`, then find its temporal expressions."""
    if nlp is None:
        from generator.extract.pipeline import load_pipeline

        nlp = load_pipeline()
    return find_time_expressions(nlp(text), reference)


def find_time_expressions(doc: Doc, reference: dt.date) -> list[TimeExpression]:
    """The temporal expressions in `doc`, normalized against `reference`, sorted by start offset."""
    token_at = _index_tokens(doc)
    # First choose the spans (longest first; a span that does not normalize gives way to shorter ones),
    # then normalize them in text order, so narrative expressions see the dates before them.
    probe = _Context(doc=doc, reference=reference, token_at=token_at)
    chosen = _select(_propose(doc.text), lambda candidate: _normalize(candidate, probe) is not None)
    context = _Context(doc=doc, reference=reference, token_at=token_at)
    found: list[TimeExpression] = []
    for candidate in chosen:
        expression = _normalize(candidate, context)
        if expression is not None:
            found.append(expression)
            context.remember(expression, candidate.rule)
    return found


def governing_expression(expressions: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    """The calendar-dated expression inside [start, end) that best dates it (the most precise, first)."""
    dated = [item for item in expressions if start <= item.start and item.end <= end and item.calendar_date()]
    if not dated:
        return None
    rank = {"day": 0, "month": 1, "year": 2}
    return min(dated, key=lambda item: (rank[item.calendar_date().precision], item.start))  # type: ignore[union-attr]


# ----------------------------------------------------------------------------------------------
# Candidates
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: str
    text: str


def _propose(text: str) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            candidates.append(_Candidate(match.start(), match.end(), rule.name, match.group(0)))
    return candidates


def _select(candidates: list[_Candidate], accept: Callable[[_Candidate], bool]) -> list[_Candidate]:
    """Non-overlapping accepted candidates: longest first, then the earlier rule."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), _RULE_PRIORITY[c.rule], c.start))
    taken: list[_Candidate] = []
    occupied: list[tuple[int, int]] = []
    for candidate in ordered:
        if any(candidate.start < end and start < candidate.end for start, end in occupied):
            continue
        if not accept(candidate):
            continue
        taken.append(candidate)
        occupied.append((candidate.start, candidate.end))
    return sorted(taken, key=lambda c: c.start)


# ----------------------------------------------------------------------------------------------
# Context: tokens, tense, anchors
# ----------------------------------------------------------------------------------------------


def _index_tokens(doc: Doc) -> dict[int, int]:
    """Character offset -> token index for every character of every token."""
    index: dict[int, int] = {}
    for token in doc:
        for offset in range(token.idx, token.idx + len(token.text)):
            index[offset] = token.i
    return index


@dataclass(slots=True)
class _Context:
    doc: Doc
    reference: dt.date
    token_at: dict[int, int]
    anchor: dt.date | None = None
    # The last date named at month (or finer) and at year (or finer) precision: "the following month".
    coarse_anchors: dict[str, dt.date] = field(default_factory=dict)
    quarter: tuple[int, int] | None = None  # (year, quarter) last mentioned

    def tokens(self, start: int, end: int) -> list[Token]:
        indices = sorted({self.token_at[offset] for offset in range(start, end) if offset in self.token_at})
        return [self.doc[i] for i in indices]

    def token_before(self, start: int) -> Token | None:
        tokens = self.tokens(start, start + 1)
        if tokens and tokens[0].i > 0:
            return self.doc[tokens[0].i - 1]
        return None

    def token_after(self, end: int) -> Token | None:
        tokens = self.tokens(end - 1, end)
        if tokens and tokens[-1].i + 1 < len(self.doc):
            return self.doc[tokens[-1].i + 1]
        return None

    def remember(self, expression: TimeExpression, rule: str) -> None:
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
        if quarter and rule == "quarter":
            self.quarter = (int(quarter.group(1)), int(quarter.group(2)))

    def narrative_anchor(self, unit: str = "day") -> dt.date:
        """The date narrative expressions count from: the last one named at `unit` precision or finer."""
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
    return _verb_tense(verb) if verb is not None else None


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


# ----------------------------------------------------------------------------------------------
# Calendar arithmetic
# ----------------------------------------------------------------------------------------------


def shift_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` calendar months (day clamped to the month's length)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def iso_week(day: dt.date) -> str:
    """The ISO week of `day` as a TIMEX3 value: 2013-W11."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    """The calendar quarter (1-4) of `day`."""
    return (day.month - 1) // 3 + 1


def weekday_near(reference: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The `weekday` on or before `reference` for past tense, on or after it for the future."""
    if tense == "future":
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)


def year_for_month(reference: dt.date, month: int, day: int | None, tense: Tense | None) -> int:
    """The year of a month (and day) named without one, from the tense of its verb; a date a few weeks
    ahead stays in this year even in past tense (deadlines are told that way too)."""
    this_year = dt.date(reference.year, month, min(day or 15, 28))
    if tense == "past" and this_year > reference + dt.timedelta(days=PAST_TOLERANCE_DAYS):
        return reference.year - 1
    if tense == "future" and this_year < reference - dt.timedelta(days=FUTURE_TOLERANCE_DAYS):
        return reference.year + 1
    if tense in ("past", "future"):
        return reference.year
    # No tense: news reports the past, so a date well ahead is last year's; one well behind, next year's.
    if this_year > reference + dt.timedelta(days=UNMARKED_AHEAD_DAYS):
        return reference.year - 1
    if this_year < reference - dt.timedelta(days=365 - UNMARKED_AHEAD_DAYS):
        return reference.year + 1
    return reference.year


def _easter(year: int) -> dt.date:
    from dateutil.easter import easter

    return easter(year)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    if nth > 0:
        return day + dt.timedelta(weeks=nth - 1)
    last = shift_months(first, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_date(name: str, year: int) -> dt.date:
    rule = HOLIDAYS[name]
    if isinstance(rule, tuple):
        return dt.date(year, *rule)
    return {
        "thanksgiving": lambda: _nth_weekday(year, 11, 3, 4),
        "easter": lambda: _easter(year),
        "labor": lambda: _nth_weekday(year, 9, 0, 1),
        "memorial": lambda: _nth_weekday(year, 5, 0, -1),
        # U.S. Election Day: the Tuesday after the first Monday of November.
        "election": lambda: _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1),
        "good_friday": lambda: _easter(year) - dt.timedelta(days=2),
    }[rule]()


# ----------------------------------------------------------------------------------------------
# Normalization
# ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Value:
    type: TimexType
    value: str | None
    mod: str | None = None


def _normalize(candidate: _Candidate, context: _Context) -> TimeExpression | None:
    handler = _HANDLERS[candidate.rule]
    if not _passes_guards(candidate, context):
        return None
    result = handler(candidate, context)
    if result is None:
        return None
    return TimeExpression(
        start=candidate.start,
        end=candidate.end,
        text=candidate.text,
        type=result.type,
        value=result.value,
        mod=result.mod,
    )


def _lower(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _split_mod(text: str) -> tuple[str | None, str]:
    """The TIMEX3 mod of a leading modifier ('early', 'the end of', 'about') and the rest."""
    lowered = _lower(text)
    match = re.match(
        r"^(?:the )?(?:very )?(early|late|mid|earlier|later|beginning|start|end|middle|close|dawn)"
        r"(?: in| of)?(?: the)?(?:\s*-\s*|\s+)",
        lowered,
    )
    if match:
        return MOD_WORDS[match.group(1)], lowered[match.end() :]
    for word, mod in sorted(APPROX_WORDS.items(), key=lambda item: -len(item[0])):
        if lowered.startswith(word + " "):
            return mod, lowered[len(word) + 1 :]
    return None, lowered


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _parse_year(text: str, reference: dt.date) -> int:
    digits = text.strip("'")
    if len(digits) == 2:
        century = reference.year // 100 * 100
        year = century + int(digits)
        return year - 100 if year > reference.year + 10 else year
    return int(digits)


_DAY_DATE_RE = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?:the\s+)?(?P<d1>{DAYNUM})\s+(?:of\s+)?(?P<m1>{MONTH_LOOSE})|"
    rf"(?P<m2>{MONTH_LOOSE})\s+(?P<d2>{DAYNUM}))(?:\s*,?\s+(?P<y>{YEAR})|\s+(?P<sy>{SHORT_YEAR}))?",
    re.IGNORECASE,
)


def _resolve_day_date(text: str, context: _Context, tense: Tense | None) -> dt.date | None:
    match = _DAY_DATE_RE.search(text)
    if not match:
        return None
    month = _month_number(match.group("m1") or match.group("m2"))
    day = int(re.sub(r"\D", "", match.group("d1") or match.group("d2")))
    year_text = match.group("y") or match.group("sy")
    if year_text:
        year = _parse_year(year_text, context.reference)
    else:
        year = year_for_month(context.reference, month, day, tense)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _handle_iso_date(candidate: _Candidate, context: _Context) -> _Value | None:
    text = candidate.text
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    if "T" in text:
        return _Value("TIME", f"{day.isoformat()}{text[10:16]}")
    return _Value("DATE", day.isoformat())


@lru_cache(maxsize=1)
def _date_parser() -> object:
    from dateparser.date import DateDataParser

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],  # never fill a missing part from today
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "MDY",  # US newswire: 11/02/89 is November 2
        "PARSERS": ["absolute-time"],
        "STRICT_PARSING": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _handle_numeric_date(candidate: _Candidate, context: _Context) -> _Value | None:
    parser = _date_parser()
    data = parser.get_date_data(candidate.text)  # type: ignore[attr-defined]
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if abs(day.year - context.reference.year) > 100:
        return None
    return _Value("DATE", day.isoformat())


def _handle_day_date(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    relation = re.match(r"(last|this|next) ", rest)
    tense: Tense | None
    if relation:
        tense = {"last": "past", "next": "future", "this": None}[relation.group(1)]
        rest = rest[relation.end() :]
    else:
        tense = _tense_of(candidate, context)
    day = _resolve_day_date(rest, context, tense)
    if day is None:
        return None
    return _Value("DATE", day.isoformat(), mod)


_TIME_RE = re.compile(
    r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?\s*(?:(?P<ap>[ap])\.?\s?m\.?)?|(?P<word>noon|midday|midnight)",
    re.IGNORECASE,
)


def _clock(text: str) -> str | None:
    match = _TIME_RE.search(text)
    if not match:
        return None
    if match.group("word"):
        return "24:00" if match.group("word").lower() == "midnight" else "12:00"
    hour = int(match.group("h"))
    minute = match.group("m") or "00"
    meridiem = (match.group("ap") or "").lower()
    lowered = text.lower()
    if not meridiem and re.search(r"\b(?:evening|afternoon|night)\b", lowered):
        meridiem = "p"
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 24:
        return None
    return f"{hour:02d}:{minute}"


def _day_of_clock_text(text: str, candidate: _Candidate, context: _Context) -> dt.date:
    """The day a time of day is on: a date or weekday in the span, else the reference."""
    tense = _tense_of(candidate, context)
    day = _resolve_day_date(text, context, tense)
    if day is not None:
        return day
    lowered = _lower(text)
    for word, offset in (("yesterday", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0)):
        if word in lowered:
            return context.reference + dt.timedelta(days=offset)
    match = re.search(WEEKDAY, lowered, re.IGNORECASE)
    if match:
        return weekday_near(context.reference, WEEKDAYS[match.group(0).rstrip(".")], tense)
    return context.narrative_anchor()


def _handle_time(candidate: _Candidate, context: _Context) -> _Value | None:
    before = context.token_before(candidate.start)
    if before is not None and before.lower_ == "high" and _lower(candidate.text) == "noon":
        return None  # "high noon": the moment of decision, not a clock time
    mod, rest = _split_mod(candidate.text)
    clock = _clock(rest)
    if clock is None:
        return None
    day = _day_of_clock_text(rest, candidate, context)
    return _Value("TIME", f"{day.isoformat()}T{clock}", mod)


def _handle_weekday_time(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    day = _day_of_clock_text(rest, candidate, context)
    clock = _clock(rest) if re.search(r"\d|\bnoon\b|\bmidday\b|\bmidnight\b", rest) else None
    if clock:
        return _Value("TIME", f"{day.isoformat()}T{clock}", mod)
    part = re.search(PART_OF_DAY_RE, rest)
    suffix = PART_OF_DAY[part.group(0)] if part else ""
    return _Value("TIME", f"{day.isoformat()}T{suffix}" if suffix else day.isoformat(), mod)


def _handle_month_year(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.match(
        rf"({MONTH_LOOSE})(?:\s+of)?,?\s+({YEAR}|{SHORT_YEAR}|this year|last year|next year|{SPELLED_YEAR})$",
        rest,
    )
    if not match:
        return None
    spelled = _spelled_year(match.group(2))
    relative = _relative_year(match.group(2).split()[0], context.reference) if " " in match.group(2) else None
    year = spelled or relative or _parse_year(match.group(2), context.reference)
    return _Value("DATE", f"{year:04d}-{_month_number(match.group(1)):02d}", mod)


def _relative_year(word: str | None, reference: dt.date) -> int | None:
    return {None: None, "this": reference.year, "last": reference.year - 1, "next": reference.year + 1}.get(
        word
    )


def _handle_month(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.match(rf"(?:(this past|this coming|this|last|next|that) )?({MONTH})$", rest, re.IGNORECASE)
    if not match:
        return None
    relation, month = match.group(1), _month_number(match.group(2))
    reference = context.reference
    if relation in ("last", "this past"):
        year = reference.year if month < reference.month else reference.year - 1
    elif relation in ("next", "this coming"):
        year = reference.year if month > reference.month else reference.year + 1
    elif relation == "this":
        year = reference.year
    else:
        year = year_for_month(reference, month, None, _tense_of(candidate, context))
    return _Value("DATE", f"{year:04d}-{month:02d}", mod)


def _handle_weekday(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.match(
        rf"(?:(this past|this coming|this|last|next|that|the previous|the following|the next|the preceding) )?"  # noqa: E501
        rf"({WEEKDAY})(?: ({PART_OF_DAY_RE}))?$",
        rest,
    )
    if not match:
        return None
    relation, weekday = match.group(1), WEEKDAYS[match.group(2).rstrip(".")]
    reference = context.reference
    if relation in ("the previous", "the preceding", "the following", "the next"):
        anchor = context.narrative_anchor()
        step = -1 if relation in ("the previous", "the preceding") else 1
        day = anchor + dt.timedelta(days=step * ((step * (weekday - anchor.weekday()) - 1) % 7 + 1))
    elif relation in ("last", "this past"):
        day = reference - dt.timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)
    elif relation in ("next", "this coming"):
        day = reference + dt.timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    elif relation == "this":
        day = reference + dt.timedelta(days=weekday - reference.weekday())
    else:
        day = weekday_near(reference, weekday, _tense_of(candidate, context))
    if match.group(3):
        return _Value("TIME", f"{day.isoformat()}T{PART_OF_DAY[match.group(3)]}", mod)
    return _Value("DATE", day.isoformat(), mod)


def _season_year(relation: str | None, season: str, reference: dt.date, tense: Tense | None) -> int:
    current = next((code for code, month in _SEASON_OF_MONTH.items() if reference.month in month), "WI")
    order = ["WI", "SP", "SU", "FA"]
    before = order.index(season) < order.index(current)
    if relation in ("last", "this past", "the past"):
        return reference.year if before else reference.year - 1
    if relation in ("next", "this coming", "the coming"):
        return reference.year if order.index(season) > order.index(current) else reference.year + 1
    if relation in ("this", "that"):
        return reference.year
    if tense == "past" and not before and season != current:
        return reference.year - 1
    if tense == "future" and before:
        return reference.year + 1
    return reference.year


_SEASON_OF_MONTH = {"WI": (12, 1, 2), "SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11)}


def _handle_season(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.match(
        rf"(?:(this past|this coming|the coming|the past|this|last|next|that) )?({SEASON})$", rest
    )
    if not match:
        return None
    season = SEASONS[match.group(2)]
    year = _season_year(match.group(1), season, context.reference, _tense_of(candidate, context))
    return _Value("DATE", f"{year:04d}-{season}", mod)


def _handle_bare_season(candidate: _Candidate, context: _Context) -> _Value | None:
    before = context.token_before(candidate.start)
    mod, rest = _split_mod(candidate.text)
    if mod is None and (before is None or before.lower_ not in _SEASON_PREPOSITIONS):
        return None
    value = _handle_season(
        _Candidate(candidate.start, candidate.end, "season", rest.removeprefix("the ")), context
    )
    return _Value(value.type, value.value, mod) if value else None


_SEASON_PREPOSITIONS = frozenset(
    [
        "in",
        "this",
        "during",
        "since",
        "until",
        "by",
        "over",
        "into",
        "through",
        "throughout",
        "before",
        "after",
    ]
)


def _handle_season_year(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.search(rf"({SEASON})(?:\s+of)?,?\s+({YEAR}|{SPELLED_YEAR})$", rest)
    if not match:
        return None
    year = _spelled_year(match.group(2)) or int(match.group(2))
    return _Value("DATE", f"{year:04d}-{SEASONS[match.group(1)]}", mod)


def _handle_holiday(candidate: _Candidate, context: _Context) -> _Value | None:
    lowered = _lower(candidate.text)
    match = re.match(rf"(?:(this|last|next) )?({HOLIDAY})(?:,? ({YEAR})|( week))?$", lowered)
    if not match:
        return None
    if candidate.text[0].islower() and match.group(1) is None:
        return None
    name = match.group(2)
    if match.group(3):
        return _Value("DATE", _holiday_date(name, int(match.group(3))).isoformat())
    if match.group(4):
        # "Easter week", "Christmas week": the week of the holiday (the ISO week holding it).
        day = _holiday_date(name, context.reference.year)
        if abs((day - context.reference).days) > 183:
            day = _holiday_date(name, context.reference.year + (1 if day < context.reference else -1))
        return _Value("DATE", iso_week(day))
    reference = context.reference
    tense = _tense_of(candidate, context)
    relation = match.group(1)
    day = _holiday_date(name, reference.year)
    if relation == "last" and day > reference:
        day = _holiday_date(name, reference.year - 1)
    elif relation == "next" and day < reference:
        day = _holiday_date(name, reference.year + 1)
    elif relation is None:
        day = _holiday_date(name, year_for_month(reference, day.month, day.day, tense))
    return _Value("DATE", day.isoformat())


def _handle_year(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.search(YEAR, rest)
    if match is None:
        return None
    if re.match(r"pre-?\s*", rest):
        mod = "BEFORE"
    elif re.match(r"post-?\s*", rest):
        mod = "AFTER"
    return _Value("DATE", match.group(0), mod)


def _handle_year_span(candidate: _Candidate, context: _Context) -> _Value | None:
    match = re.search(rf"({YEAR})\s*-\s*({YEAR}|[0-9]{{2}})$", candidate.text)
    if not match:
        return None
    first = int(match.group(1))
    second = match.group(2)
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last - first != 1:
        return None
    return _Value("DATE", match.group(1) if "fiscal" not in candidate.text.lower() else str(last))


def _handle_decade(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.search(r"(1[0-9]{2}0|20[0-9]0|'?[0-9]0)'?s", rest)
    if not match:
        return None
    digits = match.group(1).strip("'")
    if len(digits) == 2:
        century = context.reference.year // 100 * 100
        year = century + int(digits)
        if year > context.reference.year:
            year -= 100
        digits = str(year)
    return _Value("DATE", digits[:3], mod)


def _handle_century(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.search(rf"({_alternation(ORDINALS)}|[0-9]{{1,2}})(?:st|nd|rd|th)?[\s-]+century", rest)
    if not match:
        return None
    word = match.group(1)
    number = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    return _Value("DATE", f"{number - 1:02d}", mod)


def _quarter_year(number: int, context: _Context, tense: Tense | None) -> int:
    reference = context.reference
    current = quarter_of(reference)
    if tense == "future" and number < current - 1:
        return reference.year + 1
    if tense == "past" and number > current:
        return reference.year - 1
    return reference.year


def _handle_quarter(candidate: _Candidate, context: _Context) -> _Value | None:
    lowered = _lower(candidate.text)
    ordinal = re.search(rf"({ORDINAL}|final)[\s-]+(?:fiscal )?(quarter|half|period)", lowered)
    if not ordinal:
        return None
    number = 4 if ordinal.group(1) == "final" else ORDINALS[ordinal.group(1)]
    unit = ordinal.group(2)
    if unit == "period":
        return None
    year_match = re.search(YEAR, lowered)
    if year_match:
        year = int(year_match.group(0))
    elif re.search(r"year-(?:ago|earlier)", lowered):
        year = _quarter_year(number, context, "past") - 1
    elif "last year" in lowered:
        year = context.reference.year - 1
    elif "next year" in lowered:
        year = context.reference.year + 1
    elif "this year" in lowered:
        year = context.reference.year
    else:
        tense = _tense_of(candidate, context)
        year = _quarter_year(number if unit == "quarter" else number * 2, context, tense)
    if unit == "half":
        if number > 2:
            return None
        return _Value("DATE", f"{year:04d}-H{number}")
    return _Value("DATE", f"{year:04d}-Q{number}")


def _reporting_quarter(context: _Context) -> tuple[int, int]:
    """The quarter a business report is about: the last one completed before the reference."""
    reference = context.reference
    number = quarter_of(reference) - 1
    return (reference.year, number) if number else (reference.year - 1, 4)


def _handle_quarter_rel(candidate: _Candidate, context: _Context) -> _Value | None:
    lowered = _lower(candidate.text)
    reference = context.reference
    year, number = reference.year, quarter_of(reference)
    if re.search(r"\b(?:latest|most recent|recent|previous|prior|preceding)\b", lowered):
        year, number = _reporting_quarter(context)
        if "period" in lowered and re.search(r"\b(?:latest|most recent)\b", lowered) is None:
            return None
    elif re.search(r"\b(?:last)\b", lowered):
        year, number = _shift_quarter(year, number, -1)
    elif re.search(r"\bnext|coming|following\b", lowered):
        year, number = _shift_quarter(year, number, 1)
    elif re.search(r"year-earlier|year-ago|year earlier", lowered):
        year, number = _reporting_quarter(context)
        year -= 1
    elif re.search(YEAR, lowered):
        year_match = re.search(YEAR, lowered)
        assert year_match is not None
        year, number = int(year_match.group(0)), _reporting_quarter(context)[1]
    elif re.search(r"\b(?:this|current|same)\b", lowered):
        if "period" in lowered:
            return None
    else:
        return None
    return _Value("DATE", f"{year:04d}-Q{number}")


def _shift_quarter(year: int, number: int, delta: int) -> tuple[int, int]:
    total = year * 4 + number - 1 + delta
    return total // 4, total % 4 + 1


def _handle_the_quarter(candidate: _Candidate, context: _Context) -> _Value | None:
    year, number = context.quarter or _reporting_quarter(context)
    if "ago" in candidate.text or "earlier" in candidate.text:
        year -= 1
    return _Value("DATE", f"{year:04d}-Q{number}")


def _handle_year_ago_quarter(candidate: _Candidate, context: _Context) -> _Value | None:
    """'The corresponding period last year', 'last year's quarter': the reported quarter a year before."""
    year, number = _reporting_quarter(context)
    return _Value("DATE", f"{year - 1:04d}-Q{number}")


def _handle_last_half(candidate: _Candidate, context: _Context) -> _Value | None:
    """'The last half of 1989' is its second half."""
    lowered = _lower(candidate.text)
    year_match = re.search(YEAR, lowered)
    relative = re.search(r"\b(this|last|next) year$", lowered)
    if year_match:
        year = int(year_match.group(0))
    elif relative:
        year = _relative_year(relative.group(1), context.reference) or context.reference.year
    else:
        year = context.reference.year
    return _Value("DATE", f"{year:04d}-H2")


_SPELLED_NUMBERS = {
    "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "twenties": 20, "thirties": 30,
    "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip


def _spelled_number(words: list[str]) -> int:
    return sum(_SPELLED_NUMBERS[word] for word in words if word in _SPELLED_NUMBERS)


def _spelled_year(text: str) -> int | None:
    """The year a spelled-out year stands for ('nineteen ninety-six' = 1996), None if it is not one."""
    words = re.split(r"[\s-]+", _lower(text))
    if "thousand" in words:
        return 2000 + _spelled_number(words[words.index("thousand") + 1 :])
    if "nineteen" not in words:
        return None
    rest = words[words.index("nineteen") + 1 :]
    if not rest or (rest[:1] == ["hundred"] and len(rest) == 1):
        return None
    return 1900 + _spelled_number([word for word in rest if word not in ("hundred", "and")])


def _handle_spelled_year(candidate: _Candidate, context: _Context) -> _Value | None:
    """Years read out in broadcast transcripts: 'nineteen ninety-six', 'the year two thousand'."""
    year = _spelled_year(candidate.text)
    return _Value("DATE", str(year)) if year else None


def _handle_spelled_decade(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    words = re.split(r"[\s-]+", rest)
    century = 19 if "nineteen" in words or context.reference.year < 2000 else 20
    decade = _spelled_number(words[-1:]) // 10
    return _Value("DATE", f"{century}{decade}", mod)


def _handle_mod_unit(candidate: _Candidate, context: _Context) -> _Value | None:
    """'the end of the month', 'early in the year': the reference's month or year, with its mod."""
    mod, rest = _split_mod(candidate.text)
    unit = rest.split()[-1]
    # "Later in the day" is the day being told about; "early in the year" is the reference's year.
    resolved = _unit_value(unit, context.narrative_anchor() if unit == "day" else context.reference, 0)
    return _Value(resolved[0], resolved[1], mod) if resolved and mod else None


def _handle_the_year(candidate: _Candidate, context: _Context) -> _Value | None:
    before = context.token_before(candidate.start)
    after = context.token_after(candidate.end)
    if after is not None and after.lower_ in ("ended", "ending", "through", "to"):
        return _Value("DURATION", "P1Y")  # "the year ended Sept. 30": a fiscal year, told as a span
    if before is not None and before.lower_ in ("throughout", "all"):
        return _Value("DURATION", "P1Y")
    if after is not None and (
        after.lower_ in ("of", "'s", "before", "after", "earlier", "ago") or after.like_num
    ):
        return None
    return _Value("DATE", str(context.reference.year))


def _handle_year_adj(candidate: _Candidate, context: _Context) -> _Value | None:
    lowered = _lower(candidate.text)
    reference = context.reference
    if "end" in lowered:
        return _Value("DATE", f"{reference.year}-12-31" if "to-date" not in lowered else str(reference.year))
    if "to-date" in lowered:
        return _Value("DURATION", "P1Y")
    if _has_quarter_context(candidate, context):
        year, number = _reporting_quarter(context)
        return _Value("DATE", f"{year - 1:04d}-Q{number}")
    return _Value("DATE", str(reference.year - 1))


def _has_quarter_context(candidate: _Candidate, context: _Context) -> bool:
    """Whether a quarter was named shortly before: then 'a year ago' is the year-ago quarter."""
    window = context.doc.text[max(0, candidate.start - QUARTER_CONTEXT_CHARS) : candidate.start].lower()
    return re.search(r"\bquarter\b|\bthird-period|\bsecond-period", window) is not None


def _handle_relative_day(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    reference = context.reference
    words = {
        "today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": -1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }  # fmt: skip
    if rest not in words:
        return None
    day = reference + dt.timedelta(days=words[rest])
    if rest in ("tonight", "overnight"):
        return _Value("TIME", f"{day.isoformat()}TNI", mod)
    return _Value("DATE", day.isoformat(), mod)


def _unit_value(unit: str, reference: dt.date, offset: int) -> tuple[TimexType, str] | None:
    """The value of the `unit` (week, month, ...) `offset` units from the one containing `reference`."""
    if unit == "day":
        return "DATE", (reference + dt.timedelta(days=offset)).isoformat()
    if unit in ("week", "fortnight"):
        return "DATE", iso_week(reference + dt.timedelta(weeks=offset))
    if unit == "weekend":
        return "DATE", iso_week(reference + dt.timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        return "DATE", shift_months(reference, offset).isoformat()[:7]
    if unit == "quarter":
        year, number = _shift_quarter(reference.year, quarter_of(reference), offset)
        return "DATE", f"{year:04d}-Q{number}"
    if unit == "year":
        return "DATE", str(reference.year + offset)
    if unit == "decade":
        return "DATE", str(reference.year // 10 + offset)
    if unit == "century":
        return "DATE", f"{reference.year // 100 + offset:02d}"
    if unit in PART_OF_DAY or unit == "night":
        day = reference + dt.timedelta(days=offset)
        return "TIME", f"{day.isoformat()}T{PART_OF_DAY[unit]}"
    return None


_RELATION_OFFSETS = {
    "this": 0, "this past": 0, "this coming": 0, "the current": 0, "last": -1, "next": 1,
    "the previous": -1, "the prior": -1, "the preceding": -1, "the following": 1, "the next": 1,
    "the same": 0, "that": 0, "the past": -1, "the coming": 1, "the last": -1, "the latest": -1,
    "the most recent": -1, None: 0, "the": 0,
}  # fmt: skip
_NARRATIVE_RELATIONS = (
    "the previous",
    "the following",
    "the next",
    "the same",
    "that",
    "the prior",
    "the preceding",
)


def _handle_relative_unit(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.match(
        r"^(?:(this past|this coming|this|last|next|the past|the coming|the previous|the following"
        r"|the current|the same|that|the next|the prior|the preceding|the last|the latest|the most recent"
        r"|the) )?"
        rf"(?:fiscal )?({UNIT}|{PART_OF_DAY_RE})$",
        rest,
    )
    if not match:
        return None
    relation, unit = match.group(1), match.group(2)
    if (unit in PART_OF_DAY and unit != "night") or (
        unit == "night" and relation in (None, "the", "last", "this")
    ):
        return _part_of_day(relation, unit, candidate, context, mod)
    if relation in (None, "the") and mod is None and unit != "weekend":
        return None
    if relation in ("the past", "the last", "the coming", "the next") and mod is None:
        if unit == "year" and relation in ("the past", "the last"):
            return _Value("DATE", str(context.reference.year - 1))
        letter, _, length = UNITS[unit]
        return _Value("DURATION", f"P{length}{letter}")
    anchor = context.narrative_anchor(unit) if relation in _NARRATIVE_RELATIONS else context.reference
    offset = _RELATION_OFFSETS[relation]
    if unit == "weekend":
        offset = _weekend_offset(relation, anchor, _tense_of(candidate, context))
    resolved = _unit_value(unit, anchor, offset)
    if resolved is None:
        letter, _, length = UNITS[unit]
        return _Value("DURATION", f"P{length}{letter}")
    return _Value(resolved[0], resolved[1], mod)


def _weekend_offset(relation: str | None, anchor: dt.date, tense: Tense | None) -> int:
    """Weeks from the anchor's ISO week to the weekend meant: 'this weekend' said on a Monday is past."""
    if relation in ("last", "the past", "the previous"):
        return -1
    if relation == "this past":
        return -1 if anchor.weekday() < 5 else 0
    if relation in ("next", "the coming", "the following"):
        return 1
    if relation == "this coming" or tense == "future":
        return 0
    return -1 if anchor.weekday() < 5 else 0


def _part_of_day(
    relation: str | None, unit: str, candidate: _Candidate, context: _Context, mod: str | None
) -> _Value | None:
    if relation is None and mod is None:
        return None  # a bare "morning" or "evening" is too vague on its own
    day = context.reference
    if relation == "last":
        day -= dt.timedelta(days=1) if unit == "night" else dt.timedelta(days=0)
    elif relation == "the":
        after = context.token_after(candidate.end)
        if after is not None and after.lower_ == "of":
            return None  # "the night of Oct. 23": the date that follows is the expression
        day = context.narrative_anchor()
    return _Value("TIME", f"{day.isoformat()}T{PART_OF_DAY[unit]}", mod)


def _handle_anchor_day(candidate: _Candidate, context: _Context) -> _Value | None:
    lowered = _lower(candidate.text)
    anchor = context.narrative_anchor()
    match = re.match(r"(?:the )?(day|week|month|year) (before|after)$", lowered)
    if match:
        after = context.token_after(candidate.end)
        before = context.token_before(candidate.start)
        if before is not None and before.text == "," and after is not None and after.is_alpha:
            return None  # "Oct. 12, the day before the plunge": that date itself (the_day)
        step = 1 if match.group(2) == "after" else -1
        resolved = _unit_value(match.group(1), anchor, step)
        return _Value(resolved[0], resolved[1]) if resolved else None
    match = re.match(
        r"(that|the same|the previous|the following|the next) (day|morning|afternoon|evening|night)$", lowered
    )
    if not match:
        return None
    step = {"that": 0, "the same": 0, "the previous": -1, "the following": 1, "the next": 1}[match.group(1)]
    day = anchor + dt.timedelta(days=step)
    if match.group(2) != "day":
        return _Value("TIME", f"{day.isoformat()}T{PART_OF_DAY[match.group(2)]}")
    return _Value("DATE", day.isoformat())


def _handle_ordinal_day(candidate: _Candidate, context: _Context) -> _Value | None:
    """'It is the second day of the offensive' is today; 'Monday was the third day of ...' is that day."""
    tense = _tense_of(candidate, context)
    day = context.narrative_anchor() if tense == "past" else context.reference
    return _Value("DATE", day.isoformat()) if tense != "future" else None


def _handle_the_day(candidate: _Candidate, context: _Context) -> _Value | None:
    """'The day before the plunge' in apposition to a date names that date: 'Oct. 12, the day before ...'."""
    return _Value("DATE", context.narrative_anchor().isoformat())


def _number_value(text: str) -> float | None:
    """The number a numeral or number word stands for; None for vague amounts ('several')."""
    cleaned = text.lower().replace(",", "")
    cleaned = re.sub(r"\s+", " ", cleaned)
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return float(cleaned)
    if "-" in cleaned or " " in cleaned:
        tens, _, ones = cleaned.replace(" ", "-").partition("-")
        if NUMBERS.get(tens, 0) in range(20, 100, 10) and NUMBERS.get(ones, 0) in range(1, 10):
            return NUMBERS[tens] + NUMBERS[ones]
    if cleaned in NUMBERS:
        return NUMBERS[cleaned]
    return None


_AMOUNT_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -]"
    rf"(?:one|two|three|four|five|six|seven|eight|nine)|{NUMBER_WORD})"
    rf"(?P<half> and a half| 1/2)?[\s-]+(?:(?:more|additional|extra|further) )?(?P<unit>{UNITS_RE})"
    r"(?P<half2> and a half)?",
    re.IGNORECASE,
)


def _unit_name(word: str) -> str:
    word = word.lower()
    return {"centuries": "century", "millennia": "millennium"}.get(
        word, word.rstrip("s") if word != "s" else word
    )


def _duration_value(amount: float | None, unit: str) -> str:
    letter, is_time, length = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        # TIMEX3 durations are ISO 8601: decades are told in years ("two decades" = P20Y, "decades" = PXY).
        if unit == "century":
            return "PXCE"
        return f"{prefix}X{letter}"
    total = amount * length
    whole = int(total)
    if total == whole:
        return f"{prefix}{whole}{letter}"
    # Fractions go to the next smaller unit, TIMEX3 style: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M.
    if is_time:
        smaller = {"H": ("M", 60), "M": ("S", 60)}
    else:
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "Q": ("M", 3)}
    if letter not in smaller:
        return f"{prefix}{total:g}{letter}"
    small_letter, factor = smaller[letter]
    rest = round((total - whole) * factor)
    head = f"{whole}{letter}" if whole else ""
    if letter == "D":
        return f"P{head}T{rest}H"
    return f"{prefix}{head}{rest}{small_letter}"


def _parse_amount(text: str) -> tuple[float | None, str] | None:
    match = _AMOUNT_RE.search(_lower(text))
    if not match:
        return None
    amount = _number_value(match.group("num"))
    if amount is not None and (match.group("half") or match.group("half2")):
        amount += 0.5
    return amount, _unit_name(match.group("unit"))


def _handle_offset(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    parsed = _parse_amount(rest)
    if parsed is None:
        return None
    amount, unit = parsed
    direction = re.search(r"(ago|earlier|later|before|after|from now|hence|since)$", rest)
    word = direction.group(1) if direction else "ago"
    if "or so" in rest:
        mod = "APPROX"
    if word == "since":
        return _Value("DURATION", _duration_value(amount, unit), mod)
    if word in ("before", "after"):
        after = context.token_after(candidate.end)
        if after is not None and after.pos_ in ("VERB", "AUX", "PRON", "PROPN", "NOUN", "DET"):
            return _Value("DURATION", _duration_value(amount, unit), mod)
    sign = -1 if word in ("ago", "earlier", "before") else 1
    anchor = context.reference if word in ("ago", "from now", "hence") else context.narrative_anchor(unit)
    if word == "earlier" and unit == "year" and amount == 1 and _has_quarter_context(candidate, context):
        year, number = _reporting_quarter(context)
        return _Value("DATE", f"{year - 1:04d}-Q{number}", mod)
    if word == "ago" and unit == "year" and amount == 1 and _has_quarter_context(candidate, context):
        year, number = _reporting_quarter(context)
        return _Value("DATE", f"{year - 1:04d}-Q{number}", mod)
    if amount is None and unit in ("second", "minute", "hour"):
        return _Value("DATE", anchor.isoformat(), mod)
    if amount is None and word in ("later", "after"):
        # "A few days later" counts from a date in the story, which may itself be past: only the span is sure.
        return _Value("DURATION", _duration_value(None, unit), mod)
    if amount is None or amount != int(amount):
        return _Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    return _offset_value(anchor, unit, sign * int(amount), mod)


def _offset_value(anchor: dt.date, unit: str, steps: int, mod: str | None) -> _Value | None:
    if unit in ("second", "minute", "hour"):
        return _Value("DATE", anchor.isoformat() if steps > -24 else "PAST_REF", mod)
    if unit in ("day", "night"):
        return _Value("DATE", (anchor + dt.timedelta(days=steps)).isoformat(), mod)
    if unit in ("week", "fortnight"):
        return _Value("DATE", iso_week(anchor + dt.timedelta(weeks=steps * UNITS[unit][2])), mod)
    if unit == "month":
        return _Value("DATE", shift_months(anchor, steps).isoformat()[:7], mod)
    if unit == "quarter":
        year, number = _shift_quarter(anchor.year, quarter_of(anchor), steps)
        return _Value("DATE", f"{year:04d}-Q{number}", mod)
    if unit in ("year", "decade", "century", "millennium"):
        return _Value("DATE", str(anchor.year + steps * UNITS[unit][2]), mod)
    return None


def _handle_duration(candidate: _Candidate, context: _Context) -> _Value | None:
    mod, rest = _split_mod(candidate.text)
    parsed = _parse_amount(rest)
    if parsed is None:
        return None
    amount, unit = parsed
    if "or so" in rest:
        mod = "APPROX"
    if amount is None and not re.search(r"\b(?:several|few|many|some|numerous|number of)\b", rest):
        return None
    if _is_count_not_duration(candidate, context, amount, unit):
        return None
    after = context.token_after(candidate.end)
    if after is not None and after.lower_ == "old":
        return None  # an age
    if _lower(candidate.text) in ("one day", "some day"):
        before = context.token_before(candidate.start)
        if (before is not None and before.tag_ == "MD") or (after is not None and after.tag_ == "VB"):
            return _Value("DATE", "FUTURE_REF")  # "Islam will one day be ...": some day to come
    if (
        unit == "quarter"
        and amount is not None
        and re.match(r"(?:the )?(?:past|last|latest|previous) ", rest)
    ):
        return _Value("DURATION", f"P{int(amount)}Q", mod)
    return _Value("DURATION", _duration_value(amount, unit), mod)


def _is_count_not_duration(candidate: _Candidate, context: _Context, amount: float | None, unit: str) -> bool:
    """'a day' in '$5 a day' is a rate (SET, handled elsewhere); 'one second' in 'one second thought';
    'three-quarters of its food' is a fraction."""
    before = context.token_before(candidate.start)
    lowered = _lower(candidate.text)
    if unit == "quarter" and _is_fraction(candidate, context):
        return True
    if lowered in ("a second", "a minute") and (
        before is None or before.lower_ not in ("for", "within", "in", "than")
    ):
        return True  # "wait a second", "just a minute"
    rate = before is not None and (
        before.like_num
        or before.text in ("$", "%")
        or before.lower_ in ("percent", "cents", "times", "barrels")
    )
    return lowered in ("a " + unit, "an " + unit, "one " + unit) and rate


def _is_fraction(candidate: _Candidate, context: _Context) -> bool:
    """'three-quarters of its food', 'a quarter of the market': a part of something, not three months."""
    after = context.token_after(candidate.end)
    if after is None or after.lower_ != "of" or after.i + 1 >= len(context.doc):
        return False
    following = context.doc[after.i + 1]
    return following.pos_ in ("DET", "PRON") or following.tag_ == "PRP$"


def _handle_duration_adj(candidate: _Candidate, context: _Context) -> _Value | None:
    match = re.match(r"(.+?)-(\w+?)(?:-long)?$", _lower(candidate.text))
    if not match or candidate.text.lower().endswith("-old"):
        return None  # ages ("a 6-year-old boy") are not durations TimeML marks
    amount = _number_value(match.group(1))
    unit = match.group(2)
    if amount is None or unit not in UNITS:
        return None
    return _Value("DURATION", _duration_value(amount, unit))


def _handle_unit_long(candidate: _Candidate, context: _Context) -> _Value | None:
    unit = _lower(candidate.text).removesuffix("-long")
    plural = unit.endswith("s") and unit[:-1] in UNITS
    unit = unit[:-1] if plural else unit
    if unit not in UNITS:
        return None
    return _Value("DURATION", _duration_value(None if plural else 1, unit))


def _handle_bare_units(candidate: _Candidate, context: _Context) -> _Value | None:
    lowered = _lower(candidate.text)
    match = re.search(rf"({UNIT})s", lowered)
    if not match:
        return None
    unit = match.group(1)
    if unit in ("second", "weekend", "night") and "past" not in lowered:
        return None
    if lowered in ("these days", "those days"):
        return None  # "these days" is now (a reference), not a span of days
    if re.match(r"^(?:the |these |those )?(?:recent) ", lowered):
        return _Value("DURATION", _duration_value(None, unit))
    before = context.token_before(candidate.start)
    after = context.token_after(candidate.end)
    if (before is not None and before.like_num) or (after is not None and after.lower_ == "old"):
        return None  # "52 years old" (an age), "60 Minutes": the count was turned down already
    if lowered == "quarters":
        return None  # living quarters, headquarters; "recent quarters" and "several quarters" are kept
    if lowered == unit + "s":
        if before is not None and before.lower_ in (
            "the",
            "these",
            "those",
            "its",
            "their",
            "his",
            "her",
            "our",
        ):
            return None
        if after is not None and after.lower_ in ("of",) and unit not in ("year", "month", "week", "day"):
            return None
    return _Value("DURATION", _duration_value(None, unit))


_SET_UNITS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
    "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M",
}  # fmt: skip


def _handle_set(candidate: _Candidate, context: _Context) -> _Value | None:
    lowered = _lower(candidate.text)
    if lowered in _SET_UNITS:
        return _set_word(lowered, candidate, context)
    match = re.match(r"(?:every|each|per) (other )?(.+)$", lowered)
    if not match:
        return None
    word = match.group(2)
    every_other = 2 if match.group(1) else 1
    if word in UNITS:
        letter, is_time, length = UNITS[word]
        return _Value("SET", f"{'PT' if is_time else 'P'}{every_other * length}{letter}")
    if word.rstrip(".") in WEEKDAYS:
        return _Value("SET", f"XXXX-WXX-{WEEKDAYS[word.rstrip('.')] + 1}")
    if word.rstrip(".") in MONTHS:
        return _Value("SET", f"XXXX-{_month_number(word):02d}")
    if word in SEASONS:
        return _Value("SET", f"XXXX-{SEASONS[word]}")
    if word in PART_OF_DAY:
        return _Value("SET", f"XXXX-XX-XXT{PART_OF_DAY[word]}")
    return None


def _set_word(lowered: str, candidate: _Candidate, context: _Context) -> _Value | None:
    tokens = context.tokens(candidate.start, candidate.end)
    if tokens and tokens[0].dep_ in ("compound",) and lowered in ("daily", "weekly", "monthly"):
        return None
    if tokens and tokens[0].pos_ == "NOUN" and lowered in ("daily", "weekly", "monthly", "quarterly"):
        return None  # "the daily" (a newspaper), "a monthly"
    return _Value("SET", _SET_UNITS[lowered])


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF",
    "nowadays": "PRESENT_REF", "current": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "soon": "FUTURE_REF",
    "the future": "FUTURE_REF", "in future": "FUTURE_REF", "the past": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the moment": "PRESENT_REF", "so far": "PRESENT_REF", "to date": "PRESENT_REF",
    "shortly": "FUTURE_REF", "any time soon": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the immediate future": "FUTURE_REF", "near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "a later date": "FUTURE_REF",
}  # fmt: skip


def _handle_ref(candidate: _Candidate, context: _Context) -> _Value | None:
    lowered = _lower(candidate.text)
    if lowered in _UNMARKED_REFS:
        return None  # TimeML does not mark these; they stay untagged
    if lowered == "now" and not _is_temporal_now(candidate, context):
        return None
    if lowered == "the past":
        after = context.token_after(candidate.end)
        if after is not None and (after.like_num or after.pos_ == "NOUN"):
            return None
    if lowered == "the future":
        after = context.token_after(candidate.end)
        if after is not None and after.lower_ == "of":
            return None  # "the future of our peoples": what becomes of them, not a time
    if lowered == "current" and not _is_current_time(candidate, context):
        return None
    if re.fullmatch(rf"future {UNIT}s", lowered):
        return _Value("DATE", "FUTURE_REF")  # "in future quarters"
    value = _REFS.get(lowered) or ("PAST_REF" if re.fullmatch(r"then[\s-]current", lowered) else None)
    return _Value("DATE", value) if value else None


# "Current" of things that are not times: electric current, current accounts and assets.
_CURRENT_NOT_TIME = frozenset({
    "account", "accounts", "assets", "asset", "liabilities", "liability", "affairs", "events", "yield",
    "yields", "ratio", "dollars", "prices", "price", "flow", "flows", "density", "sea", "ocean", "water",
})  # fmt: skip


def _is_current_time(candidate: _Candidate, context: _Context) -> bool:
    """'current' as an adjective of a thing as it is now: 'the current system', 'current conditions'."""
    tokens = context.tokens(candidate.start, candidate.end)
    if not tokens or tokens[0].pos_ != "ADJ" or tokens[0].dep_ not in ("amod", "compound"):
        return False
    head = tokens[0].head
    after = context.token_after(candidate.end)
    if after is not None and after.lower_ in _CURRENT_NOT_TIME:
        return False  # "the current account deficit"
    return head.pos_ == "NOUN" and head.lower_ not in _CURRENT_NOT_TIME


_UNMARKED_REFS = frozenset(
    # TimeML annotators rarely mark these (TimeBank: "previously" 3 of 23, "soon" 5 of 18).
    {
        "once again",
        "so far",
        "to date",
        "the moment",
        "just now",
        "shortly",
        "any time soon",
        "previously",
        "formerly",
        "soon",
    }
)


def _is_temporal_now(candidate: _Candidate, context: _Context) -> bool:
    after = context.token_after(candidate.end)
    tokens = context.tokens(candidate.start, candidate.end)
    if tokens and tokens[0].is_sent_start:
        # "Now, he says, ..." and "Now for the weather" are discourse markers; "Now officials say" is a time.
        return after is not None and after.lower_ not in (",", "for", "then", "--", "-")
    return True


_HANDLERS: dict[str, Callable[[_Candidate, _Context], _Value | None]] = {
    "iso_date": _handle_iso_date,
    "numeric_date": _handle_numeric_date,
    "day_date": _handle_day_date,
    "time": _handle_time,
    "time_words": _handle_time,
    "weekday_time": _handle_weekday_time,
    "time_weekday": _handle_weekday_time,
    "month_year": _handle_month_year,
    "season_year": _handle_season_year,
    "month": _handle_month,
    "weekday": _handle_weekday,
    "season": _handle_season,
    "bare_season": _handle_bare_season,
    "holiday": _handle_holiday,
    "year": _handle_year,
    "year_span": _handle_year_span,
    "decade": _handle_decade,
    "century": _handle_century,
    "quarter": _handle_quarter,
    "quarter_rel": _handle_quarter_rel,
    "the_quarter": _handle_the_quarter,
    "year_ago_quarter": _handle_year_ago_quarter,
    "last_half": _handle_last_half,
    "the_year": _handle_the_year,
    "mod_unit": _handle_mod_unit,
    "spelled_year": _handle_spelled_year,
    "spelled_decade": _handle_spelled_decade,
    "year_adj": _handle_year_adj,
    "relative_day": _handle_relative_day,
    "relative_unit": _handle_relative_unit,
    "anchor_day": _handle_anchor_day,
    "the_day": _handle_the_day,
    "offset": _handle_offset,
    "duration": _handle_duration,
    "duration_adj": _handle_duration_adj,
    "unit_long": _handle_unit_long,
    "bare_units": _handle_bare_units,
    "set": _handle_set,
    "ref": _handle_ref,
    "future_units": _handle_ref,
    "ordinal_day": _handle_ordinal_day,
}


# ----------------------------------------------------------------------------------------------
# Guards against false positives
# ----------------------------------------------------------------------------------------------


_FUTURE_CUES = re.compile(
    r"(?:as soon as|as early as|no later than|effective|starting|beginning)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)


def _tense_of(candidate: _Candidate, context: _Context) -> Tense | None:
    """The tense the expression is told in: a cue just before it ('effective June 1'), else its verb's."""
    if _FUTURE_CUES.search(context.doc.text[max(0, candidate.start - 20) : candidate.start]):
        return "future"
    return find_tense(context.doc, context.tokens(candidate.start, candidate.end))


def _passes_guards(candidate: _Candidate, context: _Context) -> bool:
    if candidate.rule in _TITLE_RULES and _is_in_a_title(candidate, context):
        return False
    if candidate.rule == "month":
        return _is_month_name(candidate, context)
    if candidate.rule in ("year", "decade"):
        return _is_year(candidate, context)
    if candidate.rule == "weekday":
        return _is_weekday(candidate, context)
    if candidate.rule in ("day_date", "month_year"):
        return _is_calendar_date(candidate, context)
    return True


_TITLE_RULES = frozenset(
    {"relative_day", "relative_unit", "bare_units", "duration", "anchor_day", "mod_unit"}
)
_TITLE_OPENERS = frozenset({"``", '"', "'", "''", "`", "(", "[", ":", "-", "--", "“", "‘"})


def _is_in_a_title(candidate: _Candidate, context: _Context) -> bool:
    """'ABC's "This Week"', 'VOA Today', '60 Minutes': a capital inside a sentence marks a name.

    Headlines in title case are not names: there most words are capitalized."""
    tokens = context.tokens(candidate.start, candidate.end)
    for token in tokens:
        if not token.text[:1].isupper() or token.is_sent_start:
            continue
        previous = token.nbor(-1)
        if token.i == tokens[0].i and (previous.text in _TITLE_OPENERS or previous.is_space):
            continue
        words = [word for word in token.sent if word.is_alpha and len(word) > 3]
        capitalized = sum(word.text[:1].isupper() for word in words)
        return capitalized <= 0.6 * len(words)
    return False


def _is_month_name(candidate: _Candidate, context: _Context) -> bool:
    """'May' and 'March' are verbs and nouns too: month names must be capitalized and not verbs."""
    tokens = context.tokens(candidate.start, candidate.end)
    month = tokens[-1] if tokens else None
    if month is None or not month.text[:1].isupper():
        return False
    if month.pos_ in ("VERB", "AUX") or month.tag_ == "MD":
        return False
    name = month.lower_.rstrip(".")
    if name in ("may", "march") and len(tokens) == 1:
        before = context.token_before(candidate.start)
        after = context.token_after(candidate.end)
        preceded = before is not None and before.lower_ in _MONTH_PREPOSITIONS
        followed_by_name = (
            after is not None and after.pos_ == "PROPN" and after.ent_type_ in ("PERSON", "ORG")
        )
        if not preceded or followed_by_name or month.ent_type_ in ("PERSON", "ORG"):
            return False
    return month.ent_type_ not in ("PERSON", "ORG", "GPE", "WORK_OF_ART", "PRODUCT")


_MONTH_PREPOSITIONS = frozenset({
    "in", "since", "until", "till", "by", "during", "from", "through", "to", "before", "after", "of", "early",
    "late", "mid", "last", "next", "this", "between", "and", "or", ",", "around", "about", "the",
})  # fmt: skip


def _is_calendar_date(candidate: _Candidate, context: _Context) -> bool:
    tokens = context.tokens(candidate.start, candidate.end)
    for token in tokens:
        if token.lower_.rstrip(".") in MONTHS:
            if not token.text[:1].isupper():
                return False
            if token.tag_ == "MD":
                return False
    return True


def _is_year(candidate: _Candidate, context: _Context) -> bool:
    """A four-digit number is a year unless it is money, a count of things, or part of a bigger number."""
    text = context.doc.text
    before_char = text[candidate.start - 1 : candidate.start]
    after_text = text[candidate.end : candidate.end + 2]
    if before_char in "$#£€.,:/" and before_char != "":
        return False
    if after_text[:1] in ("%", ":") or re.match(r"[.,]\d", after_text):
        return False
    tokens = context.tokens(candidate.start, candidate.end)
    year = next((token for token in reversed(tokens) if token.like_num or re.search(r"\d", token.text)), None)
    if year is None:
        return True
    after = context.token_after(candidate.end)
    counted = after is not None and year.dep_ == "nummod" and year.head.i == after.i
    previous = year.nbor(-1) if year.i > 0 else None
    determined = previous is not None and (
        previous.pos_ in ("DET", "ADP") or previous.lower_ in ("fiscal", "'s")
    )
    if (
        counted
        and not determined
        and after is not None
        and after.tag_ == "NNS"
        and after.lower_ not in _YEAR_NOUNS
    ):
        return False  # "2010 cars" counts cars, even where spaCy calls it a DATE
    if year.ent_type_ in ("DATE", "TIME", "EVENT"):
        return True
    if year.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and len(tokens) == 1:
        return _looks_like_year_anyway(year)
    # "2010 cars" counts cars; "1990 levels" is still a year.
    return not (
        after is not None
        and after.pos_ == "NOUN"
        and year.dep_ == "nummod"
        and after.lower_ not in _YEAR_NOUNS
    )


_YEAR_NOUNS = frozenset({
    "budget", "budgets", "season", "election", "elections", "levels", "level", "figure", "figures",
    "results", "earnings", "model", "models", "census", "campaign", "crop", "harvest", "law", "act",
    "agreement", "accord", "olympics", "games", "summit", "period", "quarter", "sales", "revenue",
    "revenues", "profits", "losses", "prices", "rates", "estimates", "forecasts", "targets", "plans",
    "protests", "talks", "attacks", "riots",
})  # fmt: skip


def _looks_like_year_anyway(token: Token) -> bool:
    before = token.nbor(-1) if token.i > 0 else None
    return before is not None and before.lower_ in (
        "in",
        "since",
        "until",
        "by",
        "of",
        "before",
        "after",
        "during",
    )


def _is_weekday(candidate: _Candidate, context: _Context) -> bool:
    tokens = context.tokens(candidate.start, candidate.end)
    names = [token for token in tokens if token.lower_.rstrip(".") in WEEKDAYS]
    if not names:
        return False
    name = names[0]
    if not name.text[:1].isupper():
        return False
    return name.ent_type_ not in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT")


# ----------------------------------------------------------------------------------------------
# Files (the `timeline dates` command)
# ----------------------------------------------------------------------------------------------

_FRONT_MATTER_BLOCK = re.compile(r"---[ \t]*\r?\n.*?^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class TaggedFile:
    """A file's exact text, the reference date used and the expressions found in it."""

    path: Path
    text: str
    reference: dt.date
    reference_source: str
    expressions: list[TimeExpression]

    def json_lines(self) -> list[str]:
        """One JSON object per expression: start, end, text, type, value, mod."""
        return [json.dumps(expression_json(item), ensure_ascii=False) for item in self.expressions]


def expression_json(expression: TimeExpression) -> dict[str, object]:
    """The expression as a JSON-ready mapping, in the documented key order."""
    return {
        "start": expression.start,
        "end": expression.end,
        "text": expression.text,
        "type": expression.type,
        "value": expression.value,
        "mod": expression.mod,
    }


def read_exact_text(path: Path) -> str:
    """The file's text decoded as UTF-8 with no newline translation, so offsets match the bytes read."""
    from generator.errors import ArticleError

    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise ArticleError(path, "the file is not UTF-8 text; re-save it as UTF-8") from error
    except OSError as error:
        raise ArticleError(path, f"cannot read the file: {error.strerror}") from error


def body_offset(text: str) -> int:
    """Where the text after a leading YAML front matter block starts (0 when there is none)."""
    start = 1 if text.startswith("\ufeff") else 0
    match = _FRONT_MATTER_BLOCK.match(text, start)
    return match.end() if match else 0


def tag_file(path: Path, reference: dt.date | None = None, model: str | None = None) -> TaggedFile:
    """Tag a whole file: offsets into its exact text; the reference defaults to its front matter date."""
    from generator.errors import ArticleError
    from generator.extract.pipeline import load_pipeline
    from generator.ingest.articles import read_article
    from generator.text import prose_text

    text = read_exact_text(path)
    source = "--ref"
    if reference is None:
        try:
            reference = read_article(path).published
        except ArticleError as error:
            raise ArticleError(path, f"{error.message}, or pass --ref YYYY-MM-DD") from error
        source = "the article's publication date"
    offset = body_offset(text)
    doc = load_pipeline(model)(prose_text(text[offset:]))  # as extraction reads it
    expressions = [_shift(item, offset) for item in find_time_expressions(doc, reference)]
    return TaggedFile(
        path=path, text=text, reference=reference, reference_source=source, expressions=expressions
    )


def _shift(expression: TimeExpression, offset: int) -> TimeExpression:
    if not offset:
        return expression
    return replace(expression, start=expression.start + offset, end=expression.end + offset)


def describe_expressions(tagged: TaggedFile, width: int = 36) -> str:
    """A readable table: where each expression is, what it resolves to, and the words around it."""
    count = len(tagged.expressions)
    lines = [
        f"{tagged.path}: {count} temporal expression{'s' if count != 1 else ''}, "
        f"reference {tagged.reference.isoformat()} ({tagged.reference_source})"
    ]
    if not count:
        return "\n".join(lines)
    lines += ["", f"  {'line:col':9} {'text':24} {'type':9} {'value':18} mod"]
    for item in tagged.expressions:
        line = tagged.text.count("\n", 0, item.start) + 1
        column = item.start - (tagged.text.rfind("\n", 0, item.start) + 1) + 1
        shown = re.sub(r"\s+", " ", item.text)
        where = f"{line}:{column}"
        value = item.value or "?"
        lines.append(f"  {where:9} {shown[:24]:24} {item.type:9} {value:18} {item.mod or ''}".rstrip())
        before = re.sub(r"\s+", " ", tagged.text[max(0, item.start - width) : item.start]).lstrip()
        after = re.sub(r"\s+", " ", tagged.text[item.end : item.end + width]).rstrip()
        lines.append(f"  {'':9} …{before}[{shown}]{after}…")
    return "\n".join(lines)
