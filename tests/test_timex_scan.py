"""The tagger's scanner finds exactly the matches of `finditer`, trying each rule only where it can start."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.timex.rules import RULES
from generator.extract.timex.scan import StartScanner, match_start

RULE_PATTERNS = tuple(rule.pattern for rule in RULES)

STORIES = [
    # politics, with dates in several shapes and cases
    "WASHINGTON, March 3, 2019 -- The Senate voted on Tuesday, two weeks after the 2018 elections; "
    "a final vote is due in the second quarter of next year, by mid-April or late Spring 2020.",
    # sport, with clock times and a season
    "The Lakers won 101-99 at 7:30 p.m. on Sunday night; the 2012-13 season ends in three months. "
    "Last week's game (Feb. 2) ran into overtime, the first since the 1990s.",
    # business, with numeric and ISO dates and odd Unicode case forms
    "Shares fell 3% on 2013-05-02 and again on 05/03/13; Q1 profit rose a year earlier. "
    "\u212aELVIN Corp. (the Kelvin sign) said \u017fince MONDAY it had reported quarterly, every day.",
    # crime and disasters: relative dates, durations, words glued to punctuation
    "Police said the fire, which burned for 12 hours overnight, started late yesterday;\n"
    "the suspect, 34, was arrested days later -- 'this morning' -- and held until next Friday.",
]


def finditer_matches(patterns: tuple[re.Pattern[str], ...], text: str) -> list[tuple[int, int, int, str]]:
    return [
        (index, *match.span(), match.group(0))
        for index, pattern in enumerate(patterns)
        for match in pattern.finditer(text)
    ]


def scanned_matches(patterns: tuple[re.Pattern[str], ...], text: str) -> list[tuple[int, int, int, str]]:
    return [(index, *match.span(), match.group(0)) for index, match in StartScanner(patterns).finditer(text)]


def test_every_rule_matches_as_finditer_on_news_text() -> None:
    scanner = StartScanner(RULE_PATTERNS)
    for text in STORIES:
        expected = finditer_matches(RULE_PATTERNS, text)
        assert expected  # the stories have dates for the rules to find
        assert [(index, *m.span(), m.group(0)) for index, m in scanner.finditer(text)] == expected


def test_the_rules_are_read_so_that_few_run_everywhere() -> None:
    # A rule the scanner cannot read is run by finditer at every offset: correct, but slow.
    unread = [rule.name for rule in RULES if match_start(rule.pattern) is None]
    assert len(unread) <= 2, unread


WORDS = [
    "the", "The", "last", "next", "May", "march", "MONDAY", "2019", "1990s", "3", "12", "Q1", "week",
    "weeks", "year", "ago", "a.m.", "7:30", "-", "'", ",", ".", " ", "  ", "\n", "\u212a", "\u017f",
    "spring", "early", "mid-", "quarter", "second", "five", "day", "/", "05/03/13",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map("".join))
def test_every_rule_matches_as_finditer_on_any_text(text: str) -> None:
    assert scanned_matches(RULE_PATTERNS, text) == finditer_matches(RULE_PATTERNS, text)


TRICKY = (
    r"(?<![\w-])kelvin",  # case-folded first letters: the Kelvin sign is a K
    r"(?<![\w])(?:s|x)t",
    r"(?i:ab)c",  # inline flags: read as "anything"
    r"a*",  # may be empty: run by finditer
    r"(?<![\w])(\d)\1",  # a group reference
    r"(?<=x)y+z",  # a lookbehind that is not negative
    r"\bq[^a]{2,}w",  # a negated class
    r"(?:ab){2,5}c|x?y",
    r"(?<![ab])[^\n]c",
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcxyzqwKk\u212a\u017fsSt12 -\n", max_size=30))
def test_tricky_patterns_match_as_finditer(text: str) -> None:
    patterns = tuple(re.compile(pattern, re.IGNORECASE) for pattern in TRICKY)
    assert scanned_matches(patterns, text) == finditer_matches(patterns, text)


def test_a_pattern_that_may_match_empty_is_run_by_finditer() -> None:
    assert match_start(re.compile(r"a*")) is None
    start = match_start(re.compile(r"(?<![\w'-])(?:last|next)\s+week", re.IGNORECASE))
    assert start is not None and start.not_after == r"\w'\-"
    assert start.prefixes[1].match("Las") and start.prefixes[1].match("nex")
    assert not start.prefixes[1].match("the")


def test_six_characters_tell_the_rules_that_open_with_the_apart() -> None:
    the_year = match_start(next(rule.pattern for rule in RULES if rule.name == "the_year"))
    assert the_year is not None
    assert the_year.prefixes[1].match("the") and the_year.prefixes[1].match("The")
    assert the_year.prefixes[2].match("the ye") and the_year.prefixes[2].match("the fi")  # fiscal
    assert not the_year.prefixes[2].match("the ci")
