"""The tagger's rules: for each kind of temporal expression, the pattern that finds it, the normaliser
that gives its TIMEX3 value, and the guard that turns down its false positives.

RULES, at the end of this module, is the one table of rules, and a rule's place in it is its priority:
of two candidates of the same length, the earlier rule's wins. A guard or a normaliser that turns a
span down (False, None) lets the shorter candidates inside it be chosen instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.extract.doc_views import sentence_at, tokens_in, tokens_of
from generator.extract.timex.calendar import (
    holiday_date,
    iso_week,
    quarter_of,
    shift_months,
    shift_quarter,
    weekday_near,
    year_for_month,
)
from generator.extract.timex.context import Candidate, Context, tense_of
from generator.extract.timex.vocabulary import (
    APPROX,
    APPROX_DATE,
    APPROX_WORDS,
    DAY_DATE,
    DAYNUM,
    FUTURE_AUX,
    FUTURE_VERBS,
    HOLIDAY,
    MOD_PREFIX,
    MOD_WORDS,
    MODAL_AUX,
    MONTH,
    MONTH_BEFORE_DAY,
    MONTH_LOOSE,
    MONTHS,
    NUMBER,
    NUMBER_WORD,
    NUMBERS,
    ORDINAL,
    ORDINALS,
    PART_OF_DAY,
    PART_OF_DAY_RE,
    REFS,
    RELWORD,
    SCHEDULE_VERBS,
    SEASON,
    SEASON_OF_MONTH,
    SEASONS,
    SET_UNITS,
    SHORT_YEAR,
    SPELLED_NUMBERS,
    SPELLED_YEAR,
    TIME_OF_DAY,
    TZ,
    UNIT,
    UNITS,
    UNITS_RE,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Tense,
    TimexType,
    alternation,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# "A year earlier" compares with the quarter being reported when one was named this close before.
QUARTER_CONTEXT_CHARS = 1500


@dataclass(slots=True)
class Value:
    """What a normaliser gives: the TIMEX3 type, value and mod of a span."""

    type: TimexType
    value: str | None
    mod: str | None = None


Normalizer = Callable[[Candidate, Context], Value | None]
Guard = Callable[[Candidate, Context], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of temporal expression: its pattern, its normaliser and its guard (None: no guard)."""

    name: str
    pattern: re.Pattern[str]
    normalize: Normalizer
    guard: Guard | None = None


def _rule(name: str, pattern: str, normalize: Normalizer, guard: Guard | None = None) -> Rule:
    """A rule matching `pattern` as whole words, in any case, never inside a clock time or a number."""
    return Rule(
        name, re.compile(rf"(?<![\w'-])(?<!\d[:.])(?:{pattern})(?![\w-])", re.IGNORECASE), normalize, guard
    )


# ----------------------------------------------------------------------------------------------
# Normalization
# ----------------------------------------------------------------------------------------------


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
    rf"(?P<m2>{MONTH_BEFORE_DAY})\s+(?P<d2>{DAYNUM}))(?:\s*,?\s+(?P<y>{YEAR})|\s+(?P<sy>{SHORT_YEAR})|-(?P<hy>{YEAR}))?",
    re.IGNORECASE,
)


def _resolve_day_date(
    text: str, context: Context, tense: Tense | None, earlier: dt.date | None = None
) -> dt.date | None:
    """The day `text` names; without a year, in the year its tense gives from the story's date, or
    the year nearest `earlier`, a full date the sentence named before it."""
    match = _DAY_DATE_RE.search(text)
    if not match:
        return None
    month = _month_number(match.group("m1") or match.group("m2"))
    day = int(re.sub(r"\D", "", match.group("d1") or match.group("d2")))
    year_text = match.group("y") or match.group("sy") or match.group("hy")
    if year_text:
        year = _parse_year(year_text, context.reference)
    else:
        year = (
            year_for_month(earlier, month, day, None)
            if earlier
            else year_for_month(context.reference, month, day, tense)
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_FULL_DATE_RE = re.compile(rf"\b{MONTH_LOOSE}\.?\s+{DAYNUM},?\s+(?P<y>{YEAR})\b", re.IGNORECASE)


def _dated_earlier_in_sentence(context: Context, start: int) -> dt.date | None:
    """ "was killed June 24, 2005 while investigating a June 20 shooting": a day named without a year
    after a full date of another year in its sentence is read against that date, not the story's."""
    index = context.token_at.at(start)
    if index is None:
        return None
    sentence = sentence_at(context.doc, index)
    before = context.text[sentence.start_char : start]
    dates = list(_FULL_DATE_RE.finditer(before))
    if not dates:
        return None
    named = _resolve_day_date(dates[-1].group(0), context, None)
    return named if named is not None and named.year != context.reference.year else None


def _normalize_iso_date(candidate: Candidate, context: Context) -> Value | None:
    text = candidate.text
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    if "T" in text:
        return Value("TIME", f"{day.isoformat()}{text[10:16]}")
    return Value("DATE", day.isoformat())


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


def _normalize_numeric_date(candidate: Candidate, context: Context) -> Value | None:
    parser = _date_parser()
    data = parser.get_date_data(candidate.text)  # type: ignore[attr-defined]
    day = data.date_obj.date() if data is not None and data.date_obj is not None else None
    # outside the US the day comes first: "14/09/2013"; "11/09/2010" on a story of 11 September 2010
    swapped = _day_first(candidate.text, context.reference)
    if swapped is not None and (
        day is None
        or (abs((day - context.reference).days) > 31 and abs((swapped - context.reference).days) <= 3)
    ):
        day = swapped
    if day is None or abs(day.year - context.reference.year) > 100:
        return None
    return Value("DATE", day.isoformat())


def _day_first(text: str, reference: dt.date) -> dt.date | None:
    match = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\s*$", text)
    if not match:
        return None
    year = _parse_year(match.group(3), reference)
    try:
        return dt.date(year, int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def _normalize_dotted_day_first(candidate: Candidate, context: Context) -> Value | None:
    """ "08.07.2012": Europe's dotted dates put the day first."""
    day, month, year = (int(part) for part in candidate.text.split("."))
    try:
        return Value("DATE", dt.date(year, month, day).isoformat())
    except ValueError:
        return None


def _normalize_day_date(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    relation = re.match(r"(last|this|next) ", rest)
    tense: Tense | None
    if relation:
        tense = {"last": "past", "next": "future", "this": None}[relation.group(1)]
        rest = rest[relation.end() :]
    else:
        tense = tense_of(candidate, context)
    earlier = _dated_earlier_in_sentence(context, candidate.end - len(rest))
    day = _resolve_day_date(rest, context, tense, earlier)
    if day is None:
        return None
    if (
        earlier is None
        and tense == "past"
        and day > context.reference
        and _is_day_of_a_deed(candidate, context, rest)
    ):
        day = _last_year(day)  # "rear-ended a truck on June 8" in a story of May 3: last June
    return Value("DATE", day.isoformat(), mod)


_DAY_DATE_HAS_YEAR = re.compile(r"\d{4}|'\d{2}")


def _is_day_of_a_deed(candidate: Candidate, context: Context, text: str) -> bool:
    """ "on June 8" (no year) hung on a verb in the past tense ("crashed ... on June 8"): the day it
    was done, never one after the story was written, unlike a deadline or a plan."""
    if _DAY_DATE_HAS_YEAR.search(text):
        return False
    tokens = context.tokens(candidate.start, candidate.end)
    heads = [token for token in tokens if token.head.i not in {t.i for t in tokens}]
    if len(heads) != 1 or heads[0].dep_ != "pobj" or heads[0].head.lower_ != "on":
        return False
    verb = heads[0].head.head
    return (
        verb.pos_ == "VERB"
        and verb.tag_ in ("VBD", "VBN")
        and verb.lemma_ not in SCHEDULE_VERBS | FUTURE_VERBS
        and not any(child.lower_ in FUTURE_AUX | MODAL_AUX for child in verb.children if child.dep_ == "aux")
    )


def _last_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


_TIME_RE = re.compile(
    r"(?P<h>[0-9]{1,2})(?:[:.]?(?P<m>[0-9]{2}))?(?:\s*(?P<ap>[ap])\.?\s?m\.?|(?P<letter>[ap])\b)?"
    r"|(?P<word>noon|midday|midnight)",
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
    meridiem = (match.group("ap") or match.group("letter") or "").lower()
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


def _day_of_clock_text(text: str, candidate: Candidate, context: Context) -> dt.date:
    """The day a time of day is on: a date or weekday in the span, else the reference."""
    tense = tense_of(candidate, context)
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
    after = _DAY_AFTER_CLOCK.match(context.text, candidate.end)
    if after is not None and after.group("day") != text:
        return _day_of_clock_text(after.group("day"), candidate, context)
    return context.narrative_anchor()


# the day a clock time is "on": "at 8.40am on Saturday", "at 8 p.m. on Aug. 3", "at 3 p.m. (1200 GMT) on"
_DAY_AFTER_CLOCK = re.compile(
    rf"(?:\s*\([^()\n]{{1,24}}\))?,?\s+on\s+(?P<day>(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+)?{DAY_DATE}|{WEEKDAY})(?![\w-])",
    re.IGNORECASE,
)


def _normalize_time(candidate: Candidate, context: Context) -> Value | None:
    before = context.token_before(candidate.start)
    if before is not None and before.lower_ == "high" and _lower(candidate.text) == "noon":
        return None  # "high noon": the moment of decision, not a clock time
    mod, rest = _split_mod(candidate.text)
    elapsed = _game_clock(rest, candidate, context)
    if elapsed is not None:
        return Value("DURATION", elapsed, mod)
    clock = _clock(rest)
    if clock is None:
        return None
    numeric = re.search(r"[0-3]?[0-9]/[0-3]?[0-9]/(?:[0-9]{4}|[0-9]{2})$", rest)
    if numeric:  # "23:37:00 05/05/2010", "13:26 14/09/2013"
        found = _normalize_numeric_date(replace(candidate, text=numeric.group(0)), context)
        if found is None or not found.value:
            return None
        return Value("TIME", f"{found.value}T{clock}", mod)
    day = _day_of_clock_text(rest, candidate, context)
    return Value("TIME", f"{day.isoformat()}T{clock}", mod)


# Sports count time within a round or period: "at 2:56 of the sixth round", "stopped the fight at 1:43"
_GAME_UNIT = r"(?:round|period|quarter|half|inning|overtime|frame|set|lap)"
_GAME_AFTER = re.compile(
    rf"\s+(?:of|into|in)\s+(?:the\s+)?(?:\w+\s+)?{_GAME_UNIT}\b|\s+(?:left|remaining|to\s+go)\b", re.I
)
_GAME_BEFORE = re.compile(
    r"\b(?:stopp(?:ed|ing)|end(?:ed|ing)|halt(?:ed|ing)|won|finish(?:ed|ing)|waved\s+off)\s+"
    r"(?:the\s+)?(?:fight|bout|contest|match|it)\s+at\s+$|\bwith\s+$",
    re.I,
)


def _game_clock(text: str, candidate: Candidate, context: Context) -> str | None:
    """The elapsed time of a round or period ("2:56" -> PT2M56S), when the sentence tells a game."""
    match = re.fullmatch(r"(\d{1,2}):([0-5]\d)", text.strip())
    if match is None:
        return None
    doc_text = context.text
    after = _GAME_AFTER.match(doc_text, candidate.end)
    before = _GAME_BEFORE.search(doc_text[max(0, candidate.start - 40) : candidate.start])
    if after is None and before is None:
        return None
    if before is not None and before.group(0).lower().startswith("with") and after is None:
        return None  # "with 2:30 ..." counts down only when something is "left"
    minutes, seconds = int(match.group(1)), int(match.group(2))
    return f"PT{minutes}M{seconds}S" if seconds else f"PT{minutes}M"


def _normalize_weekday_time(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    day = _day_of_clock_text(rest, candidate, context)
    clock = _clock(rest) if re.search(r"\d|\bnoon\b|\bmidday\b|\bmidnight\b", rest) else None
    if clock:
        return Value("TIME", f"{day.isoformat()}T{clock}", mod)
    part = re.search(PART_OF_DAY_RE, rest)
    suffix = PART_OF_DAY[part.group(0)] if part else ""
    return Value("TIME", f"{day.isoformat()}T{suffix}" if suffix else day.isoformat(), mod)


_TIMESTAMP_CLOCK = re.compile(rf"(?P<clock>{TIME_OF_DAY}|[0-2][0-9][:.][0-5][0-9]){TZ}\s*$", re.IGNORECASE)
_DOTTED_DATE = re.compile(r"(?P<y>1[0-9]{3}|20[0-9]{2})\.(?P<m>[01][0-9])\.(?P<d>[0-3][0-9])$")


def _normalize_timestamp(candidate: Candidate, context: Context) -> Value | None:
    """ "May 2, 2013, 1:32 PM EDT", "05/03/2013 at 11:00 AM": a day and a clock time, one moment.

    The value is the clock time as printed (TimeML writes local time; the zone is not applied)."""
    match = _TIMESTAMP_CLOCK.search(candidate.text)
    if match is None:
        return None
    clock = _clock(match.group("clock"))
    date_text = re.sub(
        r"(?:\s*(?:,|\||-|–|@|\bat\b|\b(?:last\s+)?updated\b))+\s*$",
        "",
        candidate.text[: match.start()],
        flags=re.I,
    )
    date_text = date_text.strip()
    day: dt.date | None
    if dotted := _DOTTED_DATE.match(date_text):
        try:
            day = dt.date(int(dotted.group("y")), int(dotted.group("m")), int(dotted.group("d")))
        except ValueError:
            return None
    elif date_text[:1].isdigit() and "/" in date_text:
        numeric = _normalize_numeric_date(replace(candidate, text=date_text), context)
        day = dt.date.fromisoformat(numeric.value) if numeric is not None and numeric.value else None
    else:
        day = _resolve_day_date(_lower(date_text), context, tense_of(candidate, context))
    if clock is None or day is None:
        return None
    return Value("TIME", f"{day.isoformat()}T{clock}")


_MONTH_YEAR_RE = re.compile(
    rf"({MONTH_LOOSE})(?:\s+of)?,?\s+({YEAR}|{SHORT_YEAR}|this year|last year|next year|{SPELLED_YEAR})$"
)


def _normalize_month_year(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = _MONTH_YEAR_RE.match(rest)
    if not match:
        return None
    spelled = _spelled_year(match.group(2))
    relative = _relative_year(match.group(2).split()[0], context.reference) if " " in match.group(2) else None
    year = spelled or relative or _parse_year(match.group(2), context.reference)
    return Value("DATE", f"{year:04d}-{_month_number(match.group(1)):02d}", mod)


def _relative_year(word: str | None, reference: dt.date) -> int | None:
    return {None: None, "this": reference.year, "last": reference.year - 1, "next": reference.year + 1}.get(
        word
    )


_MONTH_RE = re.compile(rf"(?:(this past|this coming|this|last|next|that) )?({MONTH})$", re.IGNORECASE)


def _normalize_month(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = _MONTH_RE.match(rest)
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
        year = year_for_month(reference, month, None, tense_of(candidate, context))
    return Value("DATE", f"{year:04d}-{month:02d}", mod)


_WEEKDAY_RE = re.compile(
    rf"(?:(this past|this coming|this|last|next|that|the previous|the following|the next|the preceding) )?"
    rf"({WEEKDAY})(?: ({PART_OF_DAY_RE}))?$"
)


def _normalize_weekday(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = _WEEKDAY_RE.match(rest)
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
        day = weekday_near(reference, weekday, tense_of(candidate, context))
    if match.group(3):
        return Value("TIME", f"{day.isoformat()}T{PART_OF_DAY[match.group(3)]}", mod)
    return Value("DATE", day.isoformat(), mod)


def _season_year(relation: str | None, season: str, reference: dt.date, tense: Tense | None) -> int:
    current = next((code for code, month in SEASON_OF_MONTH.items() if reference.month in month), "WI")
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


_SEASON_RE = re.compile(rf"(?:(this past|this coming|the coming|the past|this|last|next|that) )?({SEASON})$")


def _normalize_season(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = _SEASON_RE.match(rest)
    if not match:
        return None
    season = SEASONS[match.group(2)]
    year = _season_year(match.group(1), season, context.reference, tense_of(candidate, context))
    return Value("DATE", f"{year:04d}-{season}", mod)


def _normalize_bare_season(candidate: Candidate, context: Context) -> Value | None:
    before = context.token_before(candidate.start)
    mod, rest = _split_mod(candidate.text)
    if mod is None and (before is None or before.lower_ not in _SEASON_PREPOSITIONS):
        return None
    if candidate.text.startswith("Fall"):
        return None  # seasons are written lower case: "Killed In Fall" is a headline's fall
    value = _normalize_season(replace(candidate, text=rest.removeprefix("the ")), context)
    return Value(value.type, value.value, mod) if value else None


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


def _normalize_season_year(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.search(rf"({SEASON})(?:\s+of)?,?\s+({YEAR}|{SPELLED_YEAR})$", rest)
    if not match:
        return None
    year = _spelled_year(match.group(2)) or int(match.group(2))
    return Value("DATE", f"{year:04d}-{SEASONS[match.group(1)]}", mod)


_HOLIDAY_RE = re.compile(rf"(?:(this|last|next) )?({HOLIDAY})(?:,? ({YEAR})|( week))?$")


def _normalize_holiday(candidate: Candidate, context: Context) -> Value | None:
    lowered = _lower(candidate.text)
    match = _HOLIDAY_RE.match(lowered)
    if not match:
        return None
    if candidate.text[0].islower() and match.group(1) is None:
        return None
    name = match.group(2)
    if match.group(3):
        return Value("DATE", holiday_date(name, int(match.group(3))).isoformat())
    if match.group(4):
        # "Easter week", "Christmas week": the week of the holiday (the ISO week holding it).
        day = holiday_date(name, context.reference.year)
        if abs((day - context.reference).days) > 183:
            day = holiday_date(name, context.reference.year + (1 if day < context.reference else -1))
        return Value("DATE", iso_week(day))
    reference = context.reference
    tense = tense_of(candidate, context)
    relation = match.group(1)
    day = holiday_date(name, reference.year)
    if relation == "last" and day > reference:
        day = holiday_date(name, reference.year - 1)
    elif relation == "next" and day < reference:
        day = holiday_date(name, reference.year + 1)
    elif relation is None:
        day = holiday_date(name, year_for_month(reference, day.month, day.day, tense))
    return Value("DATE", day.isoformat())


def _normalize_year(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.search(YEAR, rest)
    if match is None:
        return None
    if re.match(r"pre-?\s*", rest):
        mod = "BEFORE"
    elif re.match(r"post-?\s*", rest):
        mod = "AFTER"
    return Value("DATE", match.group(0), mod)


def _normalize_year_span(candidate: Candidate, context: Context) -> Value | None:
    match = re.search(rf"({YEAR})\s*-\s*({YEAR}|[0-9]{{2}})$", candidate.text)
    if not match:
        return None
    first = int(match.group(1))
    second = match.group(2)
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last - first != 1:
        return None
    return Value("DATE", match.group(1) if "fiscal" not in candidate.text.lower() else str(last))


_AGE_OWNER = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)


def _normalize_decade(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = re.search(r"(1[0-9]{2}0|20[0-9]0|'?[0-9]0)'?s", rest)
    if not match:
        return None
    digits = match.group(1).strip("'")
    if len(digits) == 2 and _AGE_OWNER.search(context.text[max(0, candidate.start - 24) : candidate.start]):
        return None  # "a man in his early 30s": an age
    if len(digits) == 2:
        century = context.reference.year // 100 * 100
        year = century + int(digits)
        if year > context.reference.year:
            year -= 100
        digits = str(year)
    return Value("DATE", digits[:3], mod)


_CENTURY_RE = re.compile(rf"({alternation(ORDINALS)}|[0-9]{{1,2}})(?:st|nd|rd|th)?[\s-]+century")


def _normalize_century(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = _CENTURY_RE.search(rest)
    if not match:
        return None
    word = match.group(1)
    number = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    return Value("DATE", f"{number - 1:02d}", mod)


def _quarter_year(number: int, context: Context, tense: Tense | None) -> int:
    reference = context.reference
    current = quarter_of(reference)
    if tense == "future" and number < current - 1:
        return reference.year + 1
    if tense == "past" and number > current:
        return reference.year - 1
    return reference.year


_ORDINAL_QUARTER_RE = re.compile(rf"({ORDINAL}|final)[\s-]+(?:fiscal )?(quarter|half|period)")


def _normalize_quarter(candidate: Candidate, context: Context) -> Value | None:
    lowered = _lower(candidate.text)
    ordinal = _ORDINAL_QUARTER_RE.search(lowered)
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
        tense = tense_of(candidate, context)
        year = _quarter_year(number if unit == "quarter" else number * 2, context, tense)
    if unit == "half":
        if number > 2:
            return None
        return Value("DATE", f"{year:04d}-H{number}")
    return Value("DATE", f"{year:04d}-Q{number}")


def _reporting_quarter(context: Context) -> tuple[int, int]:
    """The quarter a business report is about: the last one completed before the reference."""
    reference = context.reference
    number = quarter_of(reference) - 1
    return (reference.year, number) if number else (reference.year - 1, 4)


def _normalize_quarter_rel(candidate: Candidate, context: Context) -> Value | None:
    lowered = _lower(candidate.text)
    reference = context.reference
    year, number = reference.year, quarter_of(reference)
    if re.match(r"(?:the )?same (?:fiscal )?quarter", lowered):
        # "sales had fallen in the same quarter of 2009": the quarter last told of, in that year
        year, number = context.named_quarter() or _reporting_quarter(context)
        named_year = re.search(YEAR, lowered)
        return Value("DATE", f"{int(named_year.group(0)) if named_year else year:04d}-Q{number}")
    if re.search(r"\b(?:latest|most recent|recent|previous|prior|preceding)\b", lowered):
        year, number = _reporting_quarter(context)
        if "period" in lowered and re.search(r"\b(?:latest|most recent)\b", lowered) is None:
            return None
    elif re.search(r"\b(?:last)\b", lowered):
        year, number = shift_quarter(year, number, -1)
    elif re.search(r"\bnext|coming|following\b", lowered):
        year, number = shift_quarter(year, number, 1)
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
    return Value("DATE", f"{year:04d}-Q{number}")


def _normalize_the_quarter(candidate: Candidate, context: Context) -> Value | None:
    ended = _quarter_end_after(candidate, context)
    if ended is not None:
        return Value("DATE", f"{ended.year:04d}-Q{quarter_of(ended)}")
    year, number = context.named_quarter() or _reporting_quarter(context)
    if "ago" in candidate.text or "earlier" in candidate.text:
        year -= 1
    return Value("DATE", f"{year:04d}-Q{number}")


# "the quarter ended June 30", "the quarter to September": the quarter is the one that date closes
_QUARTER_END = re.compile(
    rf"\s+(?:that\s+)?(?:ended|ending|ends|to|through)\s+(?P<date>{DAY_DATE}|{MONTH_LOOSE})(?![\w-])",
    re.IGNORECASE,
)


def _quarter_end_after(candidate: Candidate, context: Context) -> dt.date | None:
    match = _QUARTER_END.match(context.text, candidate.end)
    if match is None:
        return None
    named = _lower(match.group("date"))
    day = _resolve_day_date(named, context, "past")
    if day is not None:
        return day
    month = _month_number(named)
    return dt.date(year_for_month(context.reference, month, None, "past"), month, 1)


def _normalize_quarter_code(candidate: Candidate, context: Context) -> Value | None:
    text = candidate.text.replace("'", " ")
    digit = re.search(r"[1-4](?=Q)|(?<=Q)[1-4]", text)
    if digit is None:
        return None
    number = int(digit.group(0))
    year_text = re.search(rf"{YEAR}|(?<=[Q ])[0-9]{{2}}$", text)
    if year_text is not None:
        year = _parse_year(year_text.group(0), context.reference)
    else:
        year = _quarter_year(number, context, tense_of(candidate, context))
    return Value("DATE", f"{year:04d}-Q{number}")


def _normalize_month_quarter(candidate: Candidate, context: Context) -> Value | None:
    """ "The September quarter" (Australian and Asian business news): the quarter that month closes."""
    month = _month_number(re.sub(r"^the\s+|\s+quarter$", "", _lower(candidate.text)))
    if month % 3:
        return None
    year = year_for_month(context.reference, month, 28, tense_of(candidate, context))
    return Value("DATE", f"{year:04d}-Q{month // 3}")


def _normalize_year_ago_quarter(candidate: Candidate, context: Context) -> Value | None:
    """'The corresponding period last year', 'last year's quarter': the reported quarter a year before."""
    year, number = _reporting_quarter(context)
    return Value("DATE", f"{year - 1:04d}-Q{number}")


def _normalize_last_half(candidate: Candidate, context: Context) -> Value | None:
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
    return Value("DATE", f"{year:04d}-H2")


def _spelled_number(words: list[str]) -> int:
    return sum(SPELLED_NUMBERS[word] for word in words if word in SPELLED_NUMBERS)


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


def _normalize_spelled_year(candidate: Candidate, context: Context) -> Value | None:
    """Years read out in broadcast transcripts: 'nineteen ninety-six', 'the year two thousand'."""
    year = _spelled_year(candidate.text)
    return Value("DATE", str(year)) if year else None


def _normalize_spelled_decade(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    words = re.split(r"[\s-]+", rest)
    century = 19 if "nineteen" in words or context.reference.year < 2000 else 20
    decade = _spelled_number(words[-1:]) // 10
    return Value("DATE", f"{century}{decade}", mod)


def _normalize_mod_unit(candidate: Candidate, context: Context) -> Value | None:
    """'the end of the month', 'early in the year': the reference's month or year, with its mod."""
    mod, rest = _split_mod(candidate.text)
    unit = rest.split()[-1]
    # "Later in the day" is the day being told about; "early in the year" is the reference's year.
    resolved = _unit_value(unit, context.narrative_anchor() if unit == "day" else context.reference, 0)
    return Value(resolved[0], resolved[1], mod) if resolved and mod else None


def _normalize_the_year(candidate: Candidate, context: Context) -> Value | None:
    before = context.token_before(candidate.start)
    after = context.token_after(candidate.end)
    if after is not None and after.lower_ in ("ended", "ending", "through", "to"):
        return Value("DURATION", "P1Y")  # "the year ended Sept. 30": a fiscal year, told as a span
    if before is not None and before.lower_ in ("throughout", "all"):
        return Value("DURATION", "P1Y")
    if after is not None and (
        after.lower_ in ("of", "'s", "before", "after", "earlier", "ago") or after.like_num
    ):
        return None
    return Value("DATE", str(context.reference.year))


def _normalize_year_adj(candidate: Candidate, context: Context) -> Value | None:
    lowered = _lower(candidate.text)
    reference = context.reference
    if "end" in lowered:
        return Value("DATE", f"{reference.year}-12-31" if "to-date" not in lowered else str(reference.year))
    if "to-date" in lowered:
        return Value("DURATION", "P1Y")
    if _has_quarter_context(candidate, context):
        year, number = _reporting_quarter(context)
        return Value("DATE", f"{year - 1:04d}-Q{number}")
    return Value("DATE", str(reference.year - 1))


def _has_quarter_context(candidate: Candidate, context: Context) -> bool:
    """Whether a quarter was named shortly before: then 'a year ago' is the year-ago quarter."""
    window = context.text[max(0, candidate.start - QUARTER_CONTEXT_CHARS) : candidate.start].lower()
    return re.search(r"\bquarter\b|\bthird-period|\bsecond-period", window) is not None


def _normalize_relative_day(candidate: Candidate, context: Context) -> Value | None:
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
        return Value("TIME", f"{day.isoformat()}TNI", mod)
    return Value("DATE", day.isoformat(), mod)


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
        year, number = shift_quarter(reference.year, quarter_of(reference), offset)
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


_RELATIVE_UNIT_RE = re.compile(
    r"^(?:(this past|this coming|this|last|next|the past|the coming|the previous|the following"
    r"|the current|the same|that|the next|the prior|the preceding|the last|the latest|the most recent"
    r"|the) )?"
    rf"(?:fiscal )?({UNIT}|{PART_OF_DAY_RE})$"
)


def _normalize_relative_unit(candidate: Candidate, context: Context) -> Value | None:
    mod, rest = _split_mod(candidate.text)
    match = _RELATIVE_UNIT_RE.match(rest)
    if not match:
        return None
    relation, unit = match.group(1), match.group(2)
    if (unit in PART_OF_DAY or unit == "day") and relation in _DAY_AFTER_RELATIONS:
        return None  # "the next day", "that morning": a day of the story, or part of one (anchor_day)
    if (unit in PART_OF_DAY and unit != "night") or (
        unit == "night" and relation in (None, "the", "last", "this")
    ):
        return _part_of_day(relation, unit, candidate, context, mod)
    if relation in (None, "the") and mod is None and unit != "weekend":
        return None
    if relation in ("the past", "the last", "the coming", "the next") and mod is None:
        if unit == "year" and relation in ("the past", "the last"):
            return Value("DATE", str(context.reference.year - 1))
        letter, _, length = UNITS[unit]
        return Value("DURATION", f"P{length}{letter}")
    anchor = context.narrative_anchor(unit) if relation in _NARRATIVE_RELATIONS else context.reference
    offset = _RELATION_OFFSETS[relation]
    if unit == "weekend":
        offset = _weekend_offset(relation, anchor, tense_of(candidate, context))
    resolved = _unit_value(unit, anchor, offset)
    if resolved is None:
        letter, _, length = UNITS[unit]
        return Value("DURATION", f"P{length}{letter}")
    return Value(resolved[0], resolved[1], mod)


_DAY_AFTER_RELATIONS = frozenset({"the next", "the following", "the previous", "that", "the same"})


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
    relation: str | None, unit: str, candidate: Candidate, context: Context, mod: str | None
) -> Value | None:
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
    return Value("TIME", f"{day.isoformat()}T{PART_OF_DAY[unit]}", mod)


_EARLY_HOURS_OF = re.compile(r"^the (?:early|wee|small)(?:[\s-]+morning)? hours(?: of (?P<day>.+))?$")


def _normalize_early_hours(candidate: Candidate, context: Context) -> Value | None:
    """ "the early hours of Sunday", "in the early-morning hours": that morning, or the story day's."""
    match = _EARLY_HOURS_OF.match(_lower(candidate.text))
    if match is None:
        return None
    if match.group("day"):
        day = _day_of_clock_text(match.group("day"), candidate, context)
    else:
        day = context.narrative_anchor()
    return Value("TIME", f"{day.isoformat()}TMO")


def _normalize_anchor_day(candidate: Candidate, context: Context) -> Value | None:
    lowered = _lower(candidate.text)
    anchor = context.narrative_anchor()
    match = re.match(r"(?:the )?(day|week|month|year) (before|after|following)$", lowered)
    if match:
        after = context.token_after(candidate.end)
        before = context.token_before(candidate.start)
        if before is not None and before.text == "," and after is not None and after.is_alpha:
            return None  # "Oct. 12, the day before the plunge": that date itself (the_day)
        step = -1 if match.group(2) == "before" else 1
        resolved = _unit_value(match.group(1), anchor, step)
        return Value(resolved[0], resolved[1]) if resolved else None
    mod, rest = _split_mod(lowered)
    match = re.match(
        r"(that|the same|the previous|the following|the next) (day|morning|afternoon|evening|night)$", rest
    )
    if not match:
        return None
    step = {"that": 0, "the same": 0, "the previous": -1, "the following": 1, "the next": 1}[match.group(1)]
    day = anchor + dt.timedelta(days=step)
    if match.group(2) != "day":
        return Value("TIME", f"{day.isoformat()}T{PART_OF_DAY[match.group(2)]}", mod)
    return Value("DATE", day.isoformat(), mod)


def _normalize_ordinal_day(candidate: Candidate, context: Context) -> Value | None:
    """'It is the second day of the offensive' is today; 'Monday was the third day of ...' is that day."""
    tense = tense_of(candidate, context)
    day = context.narrative_anchor() if tense == "past" else context.reference
    if tense == "future":
        return None
    if _lower(candidate.text).endswith("night"):
        return Value("TIME", f"{day.isoformat()}TNI")  # "during (the) third night of rioting"
    return Value("DATE", day.isoformat())


def _normalize_the_day(candidate: Candidate, context: Context) -> Value | None:
    """'The day before the plunge' in apposition to a date names that date: 'Oct. 12, the day before ...'."""
    return Value("DATE", context.narrative_anchor().isoformat())


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


def _normalize_offset(candidate: Candidate, context: Context) -> Value | None:
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
        return Value("DURATION", _duration_value(amount, unit), mod)
    if word in ("before", "after") and _has_complement(context.token_after(candidate.end)):
        return Value("DURATION", _duration_value(amount, unit), mod)  # "a day before the vote"
    sign = -1 if word in ("ago", "earlier", "before") else 1
    anchor = context.reference if word in ("ago", "from now", "hence") else context.narrative_anchor(unit)
    if word == "earlier" and unit == "year" and amount == 1 and _has_quarter_context(candidate, context):
        year, number = _reporting_quarter(context)
        return Value("DATE", f"{year - 1:04d}-Q{number}", mod)
    if word == "ago" and unit == "year" and amount == 1 and _has_quarter_context(candidate, context):
        year, number = _reporting_quarter(context)
        return Value("DATE", f"{year - 1:04d}-Q{number}", mod)
    if amount is None and unit in ("second", "minute", "hour"):
        return Value("DATE", anchor.isoformat(), mod)
    if amount is None and word in ("later", "after"):
        # "A few days later" counts from a date in the story, which may itself be past: only the span is sure.
        return Value("DURATION", _duration_value(None, unit), mod)
    if amount is None or amount != int(amount):
        return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if unit in ("week", "month", "year") and _is_exact(candidate, context):
        # "exactly two years ago", "a year ago to the day": the very day
        months = {"week": 0, "month": 1, "year": 12}[unit] * sign * int(amount)
        weeks = sign * int(amount) if unit == "week" else 0
        day = shift_months(anchor, months) + dt.timedelta(weeks=weeks)
        return Value("DATE", day.isoformat(), mod)
    return _offset_value(anchor, unit, sign * int(amount), mod)


def _is_exact(candidate: Candidate, context: Context) -> bool:
    text = context.text
    before = text[max(0, candidate.start - 9) : candidate.start].lower()
    return before.rstrip().endswith("exactly") or text[candidate.end :].lower().startswith(" to the day")


def _has_complement(after: Token | None) -> bool:
    """What follows "a day before" makes it a span anchored on something else ("before the vote",
    "after leaving", "before he died"); a finite verb does not: "the quake a day before killed six"."""
    if after is None:
        return False
    if after.pos_ in ("VERB", "AUX"):
        return after.tag_ == "VBG"
    return after.pos_ in ("PRON", "PROPN", "NOUN", "DET", "NUM")


def _offset_value(anchor: dt.date, unit: str, steps: int, mod: str | None) -> Value | None:
    if unit in ("second", "minute", "hour"):
        return Value("DATE", anchor.isoformat() if steps > -24 else "PAST_REF", mod)
    if unit in ("day", "night"):
        return Value("DATE", (anchor + dt.timedelta(days=steps)).isoformat(), mod)
    if unit in ("week", "fortnight"):
        return Value("DATE", iso_week(anchor + dt.timedelta(weeks=steps * UNITS[unit][2])), mod)
    if unit == "month":
        return Value("DATE", shift_months(anchor, steps).isoformat()[:7], mod)
    if unit == "quarter":
        year, number = shift_quarter(anchor.year, quarter_of(anchor), steps)
        return Value("DATE", f"{year:04d}-Q{number}", mod)
    if unit in ("year", "decade", "century", "millennium"):
        return Value("DATE", str(anchor.year + steps * UNITS[unit][2]), mod)
    return None


def _normalize_duration(candidate: Candidate, context: Context) -> Value | None:
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
            return Value("DATE", "FUTURE_REF")  # "Islam will one day be ...": some day to come
    if (
        unit == "quarter"
        and amount is not None
        and re.match(r"(?:the )?(?:past|last|latest|previous) ", rest)
    ):
        return Value("DURATION", f"P{int(amount)}Q", mod)
    return Value("DURATION", _duration_value(amount, unit), mod)


def _is_count_not_duration(candidate: Candidate, context: Context, amount: float | None, unit: str) -> bool:
    """'a day' in '$5 a day' is a rate (SET, handled elsewhere); 'one second' in 'one second thought';
    'three-quarters of its food' is a fraction."""
    before = context.token_before(candidate.start)
    lowered = _lower(candidate.text)
    if unit == "quarter" and (_is_fraction(candidate, context) or _measures_something(candidate, context)):
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


_MEASURES = frozenset(
    "mile miles inch inches foot feet yard yards acre acres pound pounds ounce ounces ton tons gallon gallons"
    " point points percentage kilometre kilometres kilometer kilometers metre metres meter meters".split()
)


def _measures_something(candidate: Candidate, context: Context) -> bool:
    """'a quarter mile', 'a quarter point': a fraction of a measure, not three months."""
    after = context.token_after(candidate.end)
    return after is not None and after.lower_ in _MEASURES


def _is_fraction(candidate: Candidate, context: Context) -> bool:
    """'three-quarters of its food', 'a quarter of the market': a part of something, not three months."""
    after = context.token_after(candidate.end)
    tokens = tokens_of(context.doc)
    if after is None or after.lower_ != "of" or after.i + 1 >= len(tokens):
        return False
    following = tokens[after.i + 1]
    return following.pos_ in ("DET", "PRON") or following.tag_ == "PRP$"


def _normalize_duration_adj(candidate: Candidate, context: Context) -> Value | None:
    match = re.match(r"(.+?)-(\w+?)(?:-long)?$", _lower(candidate.text))
    after = context.token_after(candidate.end)
    if not match or candidate.text.lower().endswith("-old") or (after is not None and after.lower_ == "old"):
        return None  # ages ("a 6-year-old boy", "the 23-year old") are not durations TimeML marks
    amount = _number_value(match.group(1))
    unit = match.group(2)
    if amount is None or unit not in UNITS:
        return None
    return Value("DURATION", _duration_value(amount, unit))


def _normalize_unit_long(candidate: Candidate, context: Context) -> Value | None:
    unit = _lower(candidate.text).removesuffix("-long")
    plural = unit.endswith("s") and unit[:-1] in UNITS
    unit = unit[:-1] if plural else unit
    if unit not in UNITS:
        return None
    return Value("DURATION", _duration_value(None if plural else 1, unit))


_UNITS_RE = re.compile(rf"({UNIT})s")


def _normalize_bare_units(candidate: Candidate, context: Context) -> Value | None:
    lowered = _lower(candidate.text)
    match = _UNITS_RE.search(lowered)
    if not match:
        return None
    unit = match.group(1)
    if unit in ("second", "weekend", "night") and "past" not in lowered:
        return None
    if lowered in ("these days", "those days"):
        return None  # "these days" is now (a reference), not a span of days
    if re.match(r"^(?:the |these |those )?(?:recent) ", lowered):
        return Value("DURATION", _duration_value(None, unit))
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
    return Value("DURATION", _duration_value(None, unit))


_SEASON_COUNT = re.compile(
    r"^(?:(?:just|only)\s+)?(?P<number>a\s+single|\S+)\s+(?:(?P<adjective>\S+)\s+)?seasons?$"
)


def _normalize_season_count(candidate: Candidate, context: Context) -> Value | None:
    """ "after one season as coach", "a single tumultuous season": a sport's season is its year."""
    match = _SEASON_COUNT.match(_lower(candidate.text))
    if match is None:
        return None
    if match.group("adjective") is not None:
        tokens = context.tokens(candidate.start, candidate.end)
        if not any(token.lower_ == match.group("adjective") and token.pos_ == "ADJ" for token in tokens):
            return None
    after = context.token_after(candidate.end)
    if after is not None and after.pos_ in ("NOUN", "PROPN"):
        return None  # "one season ticket", "two season openers"
    number = 1.0 if match.group("number").startswith("a") else _number_value(match.group("number"))
    if number is None or not float(number).is_integer():
        return None
    return Value("DURATION", f"P{int(number)}Y")


def _normalize_set(candidate: Candidate, context: Context) -> Value | None:
    lowered = _lower(candidate.text)
    if lowered in SET_UNITS:
        return _set_word(lowered, candidate, context)
    match = re.match(r"(?:every|each|per) (other )?(.+)$", lowered)
    if not match:
        return None
    word = match.group(2)
    every_other = 2 if match.group(1) else 1
    if word in UNITS:
        letter, is_time, length = UNITS[word]
        return Value("SET", f"{'PT' if is_time else 'P'}{every_other * length}{letter}")
    if word.rstrip(".") in WEEKDAYS:
        return Value("SET", f"XXXX-WXX-{WEEKDAYS[word.rstrip('.')] + 1}")
    if word.rstrip(".") in MONTHS:
        return Value("SET", f"XXXX-{_month_number(word):02d}")
    if word in SEASONS:
        return Value("SET", f"XXXX-{SEASONS[word]}")
    if word in PART_OF_DAY:
        return Value("SET", f"XXXX-XX-XXT{PART_OF_DAY[word]}")
    return None


def _set_word(lowered: str, candidate: Candidate, context: Context) -> Value | None:
    tokens = context.tokens(candidate.start, candidate.end)
    if tokens and tokens[0].dep_ in ("compound",) and lowered in ("daily", "weekly", "monthly"):
        return None
    if tokens and tokens[0].pos_ == "NOUN" and lowered in ("daily", "weekly", "monthly", "quarterly"):
        return None  # "the daily" (a newspaper), "a monthly"
    return Value("SET", SET_UNITS[lowered])


def _normalize_ref(candidate: Candidate, context: Context) -> Value | None:
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
        return Value("DATE", "FUTURE_REF")  # "in future quarters"
    value = REFS.get(lowered) or ("PAST_REF" if re.fullmatch(r"then[\s-]current", lowered) else None)
    return Value("DATE", value) if value else None


# "Current" of things that are not times: electric current, current accounts and assets.
_CURRENT_NOT_TIME = frozenset({
    "account", "accounts", "assets", "asset", "liabilities", "liability", "affairs", "events", "yield",
    "yields", "ratio", "dollars", "prices", "price", "flow", "flows", "density", "sea", "ocean", "water",
})  # fmt: skip


def _is_current_time(candidate: Candidate, context: Context) -> bool:
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


def _is_temporal_now(candidate: Candidate, context: Context) -> bool:
    after = context.token_after(candidate.end)
    tokens = context.tokens(candidate.start, candidate.end)
    if tokens and tokens[0].is_sent_start:
        # "Now, he says, ..." and "Now for the weather" are discourse markers; "Now officials say" is a time.
        return after is not None and after.lower_ not in (",", "for", "then", "--", "-")
    return True


# ----------------------------------------------------------------------------------------------
# Guards against false positives
# ----------------------------------------------------------------------------------------------

_TITLE_OPENERS = frozenset({"``", '"', "'", "''", "`", "(", "[", ":", "-", "--", "“", "‘"})


_GAME_WORDS = frozenset(
    "score scored scoring goal goals touchdown touchdowns point points basket rebound inning innings "
    "penalty try tries match game games halftime half-time kickoff trailed equaliser equalizer "
    "equalised equalized winner striker quarterback referee whistle".split()
)
_BUSINESS_WORDS = frozenset(
    "revenue revenues profit profits sales earnings income loss losses fiscal shares stock economy gdp "
    "growth results dividend output demand prices forecast quarterly gains market markets percent index "
    "dow nasdaq trading investors".split()
)


_YEAR_NAMED_RE = re.compile(rf"{YEAR}|fiscal|year")


def _is_not_a_game_period(candidate: Candidate, context: Context) -> bool:
    """'Messi scored in the second half', 'the third quarter of Sunday's game': a period of play, not of
    the calendar (unless the year or the accounts are named)."""
    if _YEAR_NAMED_RE.search(_lower(candidate.text)):
        return True
    tokens = context.tokens(candidate.start, candidate.end)
    if not tokens:
        return True
    words = {token.lower_ for token in tokens_in(sentence_at(tokens[0].doc, tokens[0].i))}
    return not (words & _GAME_WORDS) or bool(words & _BUSINESS_WORDS)


_MODEL_NOUNS = frozenset("suv suvs crossover crossovers model models hatchback sedan coupe car cars".split())


def _is_not_a_model_name(candidate: Candidate, context: Context) -> bool:
    """'Audi Q3', 'the Q5 crossover': a model's name, not a quarter."""
    before, after = context.token_before(candidate.start), context.token_after(candidate.end)
    if before is not None and before.text[:1].isupper() and not before.is_sent_start:
        return False
    return after is None or after.lower_ not in _MODEL_NOUNS


def _not_in_a_title(candidate: Candidate, context: Context) -> bool:
    """Relative words capitalised inside a sentence are a name, not a time (see _is_in_a_title)."""
    return not _is_in_a_title(candidate, context)


def _is_in_a_title(candidate: Candidate, context: Context) -> bool:
    """'ABC's "This Week"', 'VOA Today', '60 Minutes': a capital inside a sentence marks a name.

    Headlines in title case are not names: there most words are capitalized."""
    tokens = context.tokens(candidate.start, candidate.end)
    for token in tokens:
        if not token.text[:1].isupper() or token.is_sent_start:
            continue
        previous = token.nbor(-1)
        if token.i == tokens[0].i and (previous.text in _TITLE_OPENERS or previous.is_space):
            continue
        sentence = tokens_in(sentence_at(token.doc, token.i))
        words = [word for word in sentence if word.is_alpha and len(word) > 3]
        capitalized = sum(word.text[:1].isupper() for word in words)
        return capitalized <= 0.6 * len(words)
    return False


def _is_month_name(candidate: Candidate, context: Context) -> bool:
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


def _is_calendar_date(candidate: Candidate, context: Context) -> bool:
    tokens = context.tokens(candidate.start, candidate.end)
    for token in tokens:
        if token.lower_.rstrip(".") in MONTHS:
            if not token.text[:1].isupper():
                return False
            if token.tag_ == "MD":
                return False
    return True


def _is_year(candidate: Candidate, context: Context) -> bool:
    """A four-digit number is a year unless it is money, a count of things, or part of a bigger number."""
    text = context.text
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


def _is_weekday(candidate: Candidate, context: Context) -> bool:
    tokens = context.tokens(candidate.start, candidate.end)
    names = [token for token in tokens if token.lower_.rstrip(".") in WEEKDAYS]
    if not names:
        return False
    name = names[0]
    if not name.text[:1].isupper():
        return False
    return name.ent_type_ not in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT")


# ----------------------------------------------------------------------------------------------
# The rules, in priority order
# ----------------------------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    _rule(
        "iso_date",
        r"(?:1[0-9]{3}|20[0-9]{2})-[01][0-9]-[0-3][0-9](?:T[0-2][0-9]:[0-5][0-9])?",
        _normalize_iso_date,
    ),
    _rule("numeric_date", r"[0-3]?[0-9]/[0-3]?[0-9]/(?:[0-9]{4}|[0-9]{2})", _normalize_numeric_date),
    _rule("dotted_date", r"[0-3]?[0-9]\.[01]?[0-9]\.(?:1[0-9]{3}|20[0-9]{2})", _normalize_dotted_day_first),
    _rule(
        "day_date",
        rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?(?:(?:last|this|next)\s+)?{DAY_DATE}",
        _normalize_day_date,
        guard=_is_calendar_date,
    ),
    # "on Thursday (June 13) this week", "published this week (June 13)": the date in parentheses says
    # which day the weekday, the week or yesterday is, one date
    _rule(
        "weekday_and_date",
        rf"(?:{WEEKDAY}|(?:this|last|next)\s+week|yesterday|today|tomorrow)\s+\(\s*(?:{MONTH_LOOSE}\s+{DAYNUM}|{DAYNUM}\s+{MONTH_LOOSE})(?:,?\s+{YEAR})?\s*\)"
        r"(?:\s+(?:this|last|next)\s+week)?",
        _normalize_day_date,
        guard=_is_calendar_date,
    ),
    # A story's time stamp: "May 2, 2013, 1:32 PM EDT", "05/03/2013 at 11:00 AM", "2012.08.08 09:01 AM".
    # "7 July 2012 Last updated at 22:46 GMT" is two: the story's day, then the time of its last edit.
    _rule(
        "timestamp",
        rf"(?:{DAY_DATE}|[0-3]?[0-9]/[0-3]?[0-9]/(?:[0-9]{{4}}|[0-9]{{2}})|(?:1[0-9]{{3}}|20[0-9]{{2}})\.[01][0-9]\.[0-3][0-9])"
        rf"(?:\s*(?:,|\||-|–|@|\bat\b|(?<!last\s)\bupdated\b))*\s*(?:{TIME_OF_DAY}|[0-2][0-9][:.][0-5][0-9]){TZ}",
        _normalize_timestamp,
    ),
    # "8 p.m. Friday" is one TIMEX3, "8 p.m. on Friday" two (TimeML): the clock time takes that day
    _rule(
        "time",
        rf"(?:{APPROX_DATE}\s+)?{TIME_OF_DAY}{TZ}(?:,?\s+(?:(?:(?:mon|tue|wed|thu|fri|sat|sun),?\s+)?{DAY_DATE}"
        rf"|{WEEKDAY}(?:\s+{PART_OF_DAY_RE})?|today|tonight|yesterday|tomorrow)|(?::[0-5][0-9])?\s+[0-3]?[0-9]/[0-3]?[0-9]/(?:[0-9]{{4}}|[0-9]{{2}}))?",
        _normalize_time,
    ),
    _rule(
        "time_words",
        rf"(?:{APPROX_DATE}\s+)?(?:{TIME_OF_DAY}|\d{{1,2}})\s+(?:in|on)\s+the\s+(?:morning|afternoon|evening)",
        _normalize_time,
    ),
    # "Friday morning, around 1:30 a.m.": the clock time says when in the morning
    _rule(
        "weekday_time",
        rf"(?:{MOD_PREFIX})?(?:{WEEKDAY}|yesterday|today|tomorrow)\s+(?:(?:{TIME_OF_DAY}){TZ}|{PART_OF_DAY_RE}"
        rf"(?:,\s+(?:(?:{APPROX_DATE}|at)\s+)?{TIME_OF_DAY}{TZ})?)",
        _normalize_weekday_time,
    ),
    _rule(
        "time_weekday",
        rf"(?:{MOD_PREFIX})?(?:{PART_OF_DAY_RE}|noon|midday|midnight)\s+(?:{WEEKDAY}|yesterday|today|tomorrow)",
        _normalize_weekday_time,
    ),
    _rule(
        "month_year",
        rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?{MONTH_LOOSE}(?:\s+of)?,?\s+(?:{YEAR}|{SHORT_YEAR}|{SPELLED_YEAR}|(?:this|last|next)\s+year)",
        _normalize_month_year,
        guard=_is_calendar_date,
    ),
    _rule(
        "season_year",
        rf"(?:{MOD_PREFIX})?(?:the\s+)?{SEASON}(?:\s+of)?,?\s+(?:{YEAR}|{SPELLED_YEAR})",
        _normalize_season_year,
    ),
    _rule(
        "month",
        rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?(?:(?:this|last|next|this\s+past|this\s+coming|that)\s+)?{MONTH}",
        _normalize_month,
        guard=_is_month_name,
    ),
    _rule(
        "weekday",
        rf"(?:{MOD_PREFIX})?(?:(?:this|last|next|this\s+past|this\s+coming|that|the\s+previous|the\s+following|the\s+next|the\s+preceding)\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY_RE})?",
        _normalize_weekday,
        guard=_is_weekday,
    ),
    _rule(
        "season",
        rf"(?:{MOD_PREFIX})?(?:(?:this|last|next|this\s+past|this\s+coming|the\s+coming|the\s+past|that)\s+){SEASON}",
        _normalize_season,
    ),
    _rule("bare_season", rf"(?:{MOD_PREFIX})?(?:the\s+)?{SEASON}", _normalize_bare_season),
    _rule(
        "mod_unit",
        rf"(?:{MOD_PREFIX}|(?:the\s+)?(?:very\s+)?(?:early|late|earlier|later)\s+in\s+the\s+)"
        r"(?:month|year|week|quarter|decade|century|day)",
        _normalize_mod_unit,
        guard=_not_in_a_title,
    ),
    _rule(
        "spelled_year",
        rf"(?:the\s+year\s+)?{SPELLED_YEAR}",
        _normalize_spelled_year,
    ),
    _rule(
        "spelled_decade",
        rf"(?:{MOD_PREFIX})?the\s+(?:nineteen[\s-]+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
        _normalize_spelled_decade,
    ),
    _rule("holiday", rf"(?:(?:this|last|next)\s+)?{HOLIDAY}(?:\s+week|,?\s+{YEAR})?", _normalize_holiday),
    _rule(
        "year",
        rf"(?:{MOD_PREFIX}|{APPROX}\s+|(?:fiscal|calendar|the\s+year|the\s+fiscal\s+year|model\s+year|pre-?|post-?)\s*)?{YEAR}",
        _normalize_year,
        guard=_is_year,
    ),
    _rule("year_span", rf"(?:fiscal\s+)?{YEAR}\s*-\s*(?:{YEAR}|[0-9]{{2}})", _normalize_year_span),
    _rule(
        "decade",
        rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?(?:the\s+)?(?:1[0-9]{{2}}0|20[0-9]0|'?[0-9]0)'?s",
        _normalize_decade,
        guard=_is_year,
    ),
    _rule(
        "century",
        rf"(?:{MOD_PREFIX})?(?:the\s+)?(?:{alternation(ORDINALS)}|[0-9]{{1,2}}(?:st|nd|rd|th))[\s-]+century",
        _normalize_century,
    ),
    _rule(
        "quarter",
        rf"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:(?:fiscal|calendar|{YEAR}|(?:this|last|next)\s+year's|latest|current|year-ago|year-earlier)\s+)?(?:{ORDINAL}|final)[\s-]+(?:fiscal\s+)?(?:quarter|half|period)(?:\s+of\s+(?:(?:fiscal\s+)?{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year)|\s+{YEAR})?",
        _normalize_quarter,
        guard=_is_not_a_game_period,
    ),
    _rule(
        "quarter_rel",
        rf"(?:the\s+)?(?:{RELWORD}|latest|most\s+recent|recent|year-earlier|year-ago|previous|year\s+earlier|fiscal|calendar|{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)(?:\s+of\s+{YEAR})?",
        _normalize_quarter_rel,
    ),
    _rule(
        "the_quarter",
        r"the\s+(?:fiscal\s+)?quarter(?:\s+(?:a\s+year\s+(?:ago|earlier)))?",
        _normalize_the_quarter,
    ),
    # "Q3", "Q4 2012", "3Q11": the calendar quarter, of the year named or the one reported on
    _rule(
        "quarter_code",
        rf"(?-i:Q[1-4](?:\s+{YEAR}|\s*'[0-9]{{2}})?|[1-4]Q(?:\s*{YEAR}|[0-9]{{2}})?)",
        _normalize_quarter_code,
        guard=_is_not_a_model_name,
    ),
    _rule("month_quarter", rf"the\s+{MONTH_LOOSE}\s+quarter", _normalize_month_quarter),
    # Earnings reports compare with the same quarter of the year before.
    _rule(
        "year_ago_quarter",
        r"(?:the\s+)?(?:corresponding|comparable|same|year-ago|year-earlier)\s+(?:fiscal\s+)?(?:period|quarter)\s+"
        r"(?:(?:of|in)\s+)?(?:last\s+year|the\s+previous\s+year|the\s+prior\s+year|a\s+year\s+(?:ago|earlier))"
        r"|last\s+year's\s+(?:fiscal\s+)?(?:period|quarter)",
        _normalize_year_ago_quarter,
    ),
    _rule(
        "last_half",
        rf"(?:the\s+)?(?:last|latter)\s+half\s+of\s+(?:{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year)",
        _normalize_last_half,
    ),
    _rule(
        "the_year", r"the\s+(?:fiscal\s+|calendar\s+|full\s+|entire\s+|whole\s+)?year", _normalize_the_year
    ),
    _rule(
        "year_adj",
        r"year-(?:earlier|ago|end|before|to-date)|year\s+end|year-earlier|the\s+year-(?:earlier|ago)\s+(?:quarter|period)",
        _normalize_year_adj,
    ),
    _rule(
        "relative_day",
        rf"(?:{MOD_PREFIX})?(?:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|today|yesterday|tomorrow|tonight|overnight)",
        _normalize_relative_day,
        guard=_not_in_a_title,
    ),
    _rule(
        "relative_unit",
        rf"(?:{MOD_PREFIX}|{APPROX_DATE}\s+)?(?:(?:this|last|next|the\s+past|the\s+coming|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|that|the\s+next|the\s+prior|the\s+preceding|the\s+last|the\s+latest|the\s+most\s+recent)\s+(?:fiscal\s+)?(?:{UNIT}|{PART_OF_DAY_RE})|{PART_OF_DAY_RE}|the\s+{PART_OF_DAY_RE}|the\s+weekend)",
        _normalize_relative_unit,
        guard=_not_in_a_title,
    ),
    _rule(
        "early_hours",
        rf"the\s+(?:early|wee|small)(?:[\s-]+morning)?\s+hours"
        rf"(?:\s+of\s+(?:{WEEKDAY}(?:\s+morning)?|{DAY_DATE}|yesterday|today|tomorrow))?",
        _normalize_early_hours,
    ),
    _rule(
        "anchor_day",
        r"the\s+(?:day|week|month|year)\s+(?:before|after)|the\s+day\s+following|(?:(?:earlier|later)\s+)?(?:that|the\s+same|the\s+previous|the\s+following|the\s+next)\s+(?:day|morning|afternoon|evening|night)",
        _normalize_anchor_day,
        guard=_not_in_a_title,
    ),
    # "Oct. 12, the day before the plunge": in apposition to the date just named.
    _rule("the_day", r"(?<=,\s)the\s+day(?=\s+(?:before|after)\s+[\w$])", _normalize_the_day),
    _rule(
        "offset",
        rf"(?:{APPROX}\s+)?{NUMBER}(?:\s+and\s+a\s+half)?[\s-]+{UNITS_RE}(?:\s+or\s+so)?\s+(?:ago|earlier|later|before|after|from\s+now|hence|since)",
        _normalize_offset,
    ),
    _rule(
        "duration",
        rf"(?:{APPROX}\s+(?!the\s))?(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following|final|remaining|latest|recent|initial|same|year-earlier|year-ago|comparable)\s+)*{NUMBER}(?:\s+and\s+a\s+half)?[\s-]+(?:(?:more|additional|extra|further)\s+)?{UNITS_RE}(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?",
        _normalize_duration,
        guard=_not_in_a_title,
    ),
    _rule(
        "season_count",
        r"(?:(?:just|only)\s+)?(?:a\s+single|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
        r"\s+(?:[a-z]+\s+)?seasons?",
        _normalize_season_count,
    ),
    _rule(
        "duration_adj",
        rf"(?:\d+|{alternation([w for w in NUMBERS if ' ' not in w and w not in ('a', 'an')])})-{UNIT}(?:-old|-long)?",  # noqa: E501
        _normalize_duration_adj,
    ),
    # "a day-long meeting", "a decades-long dispute": one unit, or an unknown number of them.
    _rule("unit_long", rf"{UNIT}s?-long", _normalize_unit_long),
    _rule(
        "bare_units",
        rf"(?:(?:the|these|those)\s+)?(?:(?:past|last|next|coming|recent|previous|following|ensuing|subsequent|preceding)\s+)?(?:(?:several|few|many)\s+)?{UNIT}s(?:\s+or\s+(?:even\s+)?{UNIT}s)?",
        _normalize_bare_units,
        guard=_not_in_a_title,
    ),
    _rule(
        "set",
        rf"(?:daily|weekly|monthly|yearly|hourly|nightly|biweekly|(?:every|each|per)\s+(?:other\s+)?(?:{UNIT}|{WEEKDAY}|{MONTH}|{SEASON}|{PART_OF_DAY_RE}))",
        _normalize_set,
    ),
    _rule(
        "ref",
        r"then[\s-]+current|current|now|currently|right\s+now|just\s+now|nowadays|these\s+days|at\s+present|the\s+present|recently|lately|soon|(?:the\s+)?(?:near|distant|foreseeable|immediate)\s+future|the\s+future|in\s+future|the\s+(?:near|short)\s+term|a\s+later\s+date|the\s+past|previously|formerly|once\s+again|the\s+moment|so\s+far|to\s+date|any\s+time\s+soon|shortly",
        _normalize_ref,
    ),
    _rule("future_units", rf"future\s+{UNIT}s", _normalize_ref),
    # "Today is the eighth day of the operation": the day told about, counted within an event.
    _rule(
        "ordinal_day",
        rf"(?:the\s+)?(?:{alternation(ORDINALS)}|[0-9]{{1,3}}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?"
        r"(?:day|night)(?=\s+of\s)",
        _normalize_ordinal_day,
    ),
)
