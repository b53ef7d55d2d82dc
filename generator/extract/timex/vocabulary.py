"""The words the temporal tagger knows, what they stand for, and the regex pieces its rules are built from.

Word tables map a word to its TIMEX3 meaning (a month number, a duration letter, a mod); the regex
building blocks below them are alternations of those words, spaces matching any run of blanks.
"""

from __future__ import annotations

import re
from typing import Literal

# ----------------------------------------------------------------------------------------------
# Words
# ----------------------------------------------------------------------------------------------

Tense = Literal["past", "present", "future"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

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
# The months of each season, by its TIMEX3 code.
SEASON_OF_MONTH = {"WI": (12, 1, 2), "SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11)}
# Number words of years read out: "nineteen ninety-six", "the nineties".
SPELLED_NUMBERS = {
    "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "twenties": 20, "thirties": 30,
    "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
# Adverbs of a repeating time (TIMEX3 SET values).
SET_UNITS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
    "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M",
}  # fmt: skip
# Words for the present, past and future as such (TIMEX3 reference values).
REFS = {
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


# ----------------------------------------------------------------------------------------------
# Regex building blocks
# ----------------------------------------------------------------------------------------------


def alternation(words: object) -> str:
    """A regex alternation of `words`, longest first, spaces as any run of blanks."""
    items = sorted({str(word) for word in words}, key=lambda item: (-len(item), item))  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in items) + ")"


_FULL_MONTHS = [name for name, number in MONTHS.items() if len(name) > 4 or name in ("may", "june", "july")]
_ABBR_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
MONTH = rf"(?:{alternation(_FULL_MONTHS)}|{alternation(_ABBR_MONTHS)}\.)"
MONTH_LOOSE = rf"(?:{alternation(_FULL_MONTHS)}|{alternation(_ABBR_MONTHS)}\.?)"
WEEKDAY = (
    rf"(?:{alternation([w for w in WEEKDAYS if len(w) > 4])}|(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.)"
)
DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
SHORT_YEAR = r"(?:'[0-9]{2})"
NUMBER_WORD = alternation([*NUMBERS, *VAGUE_NUMBERS])
NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s+(?:one|two|three|four|five|six|seven|eight|nine)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|{NUMBER_WORD})"  # noqa: E501
UNIT = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|millennium)"
UNITS_RE = rf"(?:{UNIT}s?|centuries|millennia)"
SEASON = alternation(SEASONS)
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
MOD_PREFIX = r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later)(?:\s+in)?(?:\s*-\s*|\s+)|(?:the\s+)?(?:beginning|start|end|middle|close|dawn)\s+of\s+(?:the\s+)?)"  # noqa: E501
APPROX = alternation(APPROX_WORDS)
# Before a date only these mean "about": "over the weekend" is not "more than the weekend".
APPROX_DATE = alternation(["about", "around", "approximately", "roughly", "nearly", "almost"])
RELWORD = r"(?:this|last|next|past|previous|coming|following|current|same|that|prior|preceding)"
# "8 a.m.", "8:40 pm", British "8.40am", "20:40", "eight o'clock"; a wire's "0440 GMT" needs its zone;
# a stamp's "5:55p"; "09:10 hours", "14:58 hrs" the 24-hour clock
# "a.m." and "am", but the full stop after "2am." ends the sentence
MERIDIEM = r"(?:[ap]\.\s?m\.?|[ap]m(?!\w))"
TIME_OF_DAY = rf"(?:(?:[01][0-9]|2[0-3]):?[0-5][0-9]\s+(?:hours|hrs)\b|(?:[01]?[0-9]|2[0-3])(?:[:.][0-5][0-9])?\s*{MERIDIEM}|(?:[01][0-9]|2[0-3])[0-5][0-9](?=\s+(?:GMT|UTC)\b)|(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?:\s*{MERIDIEM}|[ap](?![\w'.]))?|noon|midday|midnight|(?:[01]?[0-9])\s+o'clock)"  # noqa: E501
# A zone after a clock time: US zones (with the "ET" of US papers), GMT/UTC, European and Australian ones
TZ = (
    r"(?:\s+(?:E[SD]?T|C[SD]?T|M[SD]?T|P[SD]?T|AK[SD]T|HST|GMT|UTC|BST|CES?T|EES?T|AE[SD]T|JST"
    r"|UK|local\s+time)\b)?"
)
PART_OF_DAY_RE = r"(?:morning|afternoon|evening|night)"
HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "thanksgiving day": "thanksgiving", "thanksgiving": "thanksgiving", "easter sunday": "easter",
    "easter": "easter", "labor day": "labor", "memorial day": "memorial", "veterans day": (11, 11),
    "boxing day": (12, 26), "may day": (5, 1), "election day": "election", "good friday": "good_friday",
}  # fmt: skip
HOLIDAY = alternation(HOLIDAYS)

_SPELLED_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_TENS = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+{_SPELLED_UNITS})?|ten|eleven|twelve"
    rf"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:oh|o)[\s-]+{_SPELLED_UNITS})"
)
# Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand".
SPELLED_YEAR = (
    rf"(?:nineteen(?:\s+hundred)?(?:\s+and)?\s+{_SPELLED_TENS}|two\s+thousand(?:\s+and\s+{_SPELLED_UNITS})?)"
)
# Time stamps print "May. 3, 2013" (every month abbreviated, even the short ones) and "November 27-2005"
MONTH_BEFORE_DAY = rf"(?:{MONTH_LOOSE}|(?:may|june|july)\.(?=\s+{DAYNUM},?\s+{YEAR}))"
YEAR_AFTER_DAY = rf"(?:\s*,?\s+{YEAR}|\s+{SHORT_YEAR}|-{YEAR})"
DAY_DATE = (
    rf"(?:{WEEKDAY},?\s+)?(?:(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MONTH_LOOSE}|{MONTH_BEFORE_DAY}\s+{DAYNUM})"
    rf"{YEAR_AFTER_DAY}?"
)
