"""Running many regex rules over one text, each tried only where its match can start.

`pattern.finditer(text)` tries a pattern at every offset. Each rule of the tagger opens with a
one-character negative lookbehind (`(?<![\\w'-])`, whole words only), which keeps the regex engine
from skipping ahead to a possible first character, so most of the tagging time went into failing at
offsets where no match can begin. From each pattern's parse tree `StartScanner` works out its
leading lookbehind and, for each length in `HEADS`, the characters its matches can start with (a
superset); it tries the pattern only at the offsets that pass them all, and so finds exactly the
matches `finditer` finds, in the same order. A pattern whose match may be empty, or whose lookbehind
or prefixes it cannot read, simply runs by `finditer`.

The heads are checked shortest first, each only for the patterns the shorter one left: three
characters tell "the" from "in", but a third of the rules may start with "the" ("the end of",
"the first quarter", "the year"); six characters ("the ye", "the fi") leave one or two, and a
failed try of a rule costs several times a check of its head.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any

try:  # the regex parser is private, and moved in Python 3.11
    import re._constants as sre_constants  # type: ignore[import-not-found,unused-ignore]
    import re._parser as sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants  # type: ignore[no-redef,unused-ignore]
    import sre_parse  # type: ignore[no-redef,unused-ignore]

MEMO_LIMIT = 200_000  # text starts whose patterns are remembered, per length (tens of thousands in news)
HEADS = (1, 3, 6)  # characters of a match's start that are checked before the pattern is tried, in steps
# Pairs of prefixes combined while reading a pattern, past which what follows is read as any characters:
# a loop of optional pieces ("(?:\s*(?:,|at|updated))*") would otherwise make millions of them (a
# smaller cap reads "day_date" as "any characters" from its start, and tries it everywhere).
MAX_COMBINATIONS = 20_000
_ANY = r"\s\S"  # a class piece for a character about which nothing is known
_CATEGORIES = {
    sre_constants.CATEGORY_DIGIT: r"\d",
    sre_constants.CATEGORY_NOT_DIGIT: r"\D",
    sre_constants.CATEGORY_SPACE: r"\s",
    sre_constants.CATEGORY_NOT_SPACE: r"\S",
    sre_constants.CATEGORY_WORD: r"\w",
    sre_constants.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {
    sre_constants.MAX_REPEAT,
    sre_constants.MIN_REPEAT,
    getattr(sre_constants, "POSSESSIVE_REPEAT", None),
}
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_Node = tuple[Any, Any]  # (opcode, argument) in the regex parser's tree
_Group = tuple[str | None, int]  # patterns with one leading lookbehind class (None: none) and flags
# Each a sequence of character classes; one shorter than the length read: the match may end there.
Prefixes = frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Start:
    """Where a pattern can match: not after a character of `not_after`, at text that `prefixes` match."""

    not_after: str | None  # a character class, or None when the pattern opens with no lookbehind
    # one per length in HEADS, matched at that many characters from the offset (fewer at the text's end):
    # a match shorter than the length read may be followed by anything
    prefixes: tuple[re.Pattern[str], ...]
    first: str  # a class of the characters a match can start with


@dataclass(slots=True)
class StartScanner:
    """The matches of `patterns` in a text as `finditer` gives them, each tried only where it can start."""

    patterns: tuple[re.Pattern[str], ...]
    _starts: list[_Start | None] = field(init=False)
    _groups: dict[_Group, tuple[int, ...]] = field(init=False)  # the indexes of the patterns of each group
    _scans: dict[_Group, re.Pattern[str]] = field(init=False)  # the offsets where they may start
    # per length in HEADS: (group, that many characters from an offset) -> the patterns that may match there
    _may_start: tuple[dict[tuple[_Group, str], tuple[int, ...]], ...] = field(init=False)

    def __post_init__(self) -> None:
        self._starts = [match_start(pattern) for pattern in self.patterns]
        groups: dict[_Group, list[int]] = {}
        for index, start in enumerate(self._starts):
            if start is not None:
                groups.setdefault((start.not_after, self.patterns[index].flags), []).append(index)
        self._groups = {group: tuple(indexes) for group, indexes in groups.items()}
        self._scans = {
            group: _offsets_scan(group, [self._start(index).first for index in indexes])
            for group, indexes in self._groups.items()
        }
        self._may_start = tuple({} for _ in HEADS)

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """(pattern index, match) pairs: the first pattern's matches in text order, then the next's, ..."""
        offsets = self._offsets(text)
        for index, pattern in enumerate(self.patterns):
            where = offsets[index]
            for match in pattern.finditer(text) if where is None else _matches_at(pattern, text, where):
                yield index, match

    def _offsets(self, text: str) -> list[list[int] | None]:
        """For each pattern, the offsets where a match may start, in order (None: try everywhere)."""
        offsets: list[list[int] | None] = [None if start is None else [] for start in self._starts]
        longest, may_start = HEADS[-1], self._may_start[-1]
        for group, scan in self._scans.items():
            for match in scan.finditer(text):
                offset = match.start()
                head = text[offset : offset + longest]
                indexes = may_start.get((group, head))
                if indexes is None:
                    indexes = self._classify(group, head)
                for index in indexes:
                    offsets[index].append(offset)  # type: ignore[union-attr]
        return offsets

    def _classify(self, group: _Group, head: str) -> tuple[int, ...]:
        """The patterns of `group` whose prefixes of each length in HEADS match as much of `head`."""
        indexes = self._groups[group]
        for level, length in enumerate(HEADS):
            memo, key = self._may_start[level], (group, head[:length])
            known = memo.get(key)
            if known is None:
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                known = memo[key] = tuple(
                    index for index in indexes if self._start(index).prefixes[level].match(key[1])
                )
            indexes = known
        return indexes

    def _start(self, index: int) -> _Start:
        start = self._starts[index]
        assert start is not None  # the pattern is in a group
        return start


@lru_cache(maxsize=8)
def scanner_for(patterns: tuple[re.Pattern[str], ...]) -> StartScanner:
    """The scanner of `patterns`, built once per process."""
    return StartScanner(patterns)


def _matches_at(pattern: re.Pattern[str], text: str, offsets: Iterable[int]) -> Iterator[re.Match[str]]:
    end = 0
    for offset in offsets:
        if offset < end:
            continue  # finditer goes on from the end of the last match
        match = pattern.match(text, offset)
        if match is not None:
            end = match.end()
            yield match


def _offsets_scan(group: _Group, firsts: list[str]) -> re.Pattern[str]:
    """The offsets not after a character of the group's class, at a character a match can start with."""
    not_after, flags = group
    first = "".join(dict.fromkeys(firsts))  # the union of the classes
    return re.compile(rf"[{first}]" if not_after is None else rf"(?<![{not_after}])[{first}]", flags)


def match_start(pattern: re.Pattern[str]) -> _Start | None:
    """Where `pattern` can match, from its parse tree (None: a match may be empty, or it cannot be read)."""
    if pattern.flags & (re.LOCALE | re.VERBOSE):
        return None
    try:
        items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:  # pragma: no cover - the pattern compiled, so it parses
        return None
    longest = _sequence(items, HEADS[-1])
    if () in longest or not longest:
        return None
    # the prefixes of a shorter length are the longest ones cut short
    by_length = [frozenset(prefix[:length] for prefix in longest) for length in HEADS]
    tests = tuple(_prefix_test(prefixes, pattern.flags) for prefixes in by_length)
    first = "".join(sorted({prefix[0] for prefix in by_length[0]}))  # every prefix of HEADS[0] is one piece
    return _Start(_leading_lookbehind(items), tests, first)


def _prefix_test(prefixes: Prefixes, flags: int) -> re.Pattern[str]:
    return re.compile(_alternatives(sorted(prefixes), 0), flags)


def _alternatives(prefixes: list[tuple[str, ...]], depth: int) -> str:
    """A regex of sorted `prefixes` that share their first `depth` pieces, as a tree: quicker to compile
    and to run than one alternative per prefix."""
    if len(prefixes[0]) == depth:  # sorted first: a match may end here (or the head does)
        return ""  # whatever follows is fine
    # the pieces after which the same follows are one class: "[0-9]/|[1-9]/" is "[0-91-9]/"
    pieces_before: dict[str, list[str]] = {}
    for piece, group in groupby(prefixes, key=itemgetter(depth)):
        pieces_before.setdefault(_alternatives(list(group), depth + 1), []).append(piece)
    branches = [_class("".join(pieces)) + rest for rest, pieces in pieces_before.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _class(piece: str) -> str:
    # one literal character needs no brackets ("t", "\\."), which the regex parser reads faster
    literal = len(piece) == 1 or (len(piece) == 2 and piece[0] == "\\" and not piece[1].isalnum())
    return piece if literal else f"[{piece}]"


def _leading_lookbehind(items: list[_Node]) -> str | None:
    """The class of a one-character `(?<![...])` opening the pattern (None if there is none)."""
    if not items or items[0][0] is not sre_constants.ASSERT_NOT:
        return None
    direction, body = items[0][1]
    body = list(body)
    if direction != -1 or len(body) != 1:
        return None
    op, argument = body[0]
    if op is sre_constants.LITERAL:
        return re.escape(chr(argument))
    if op is sre_constants.IN:
        piece = _class_piece(argument)
        return None if piece == _ANY else piece
    return None


def _sequence(items: Iterable[_Node], length: int) -> Prefixes:
    """The prefixes of `length` characters (or fewer) of the matches of `items` one after another."""
    prefixes: Prefixes = frozenset([()])
    for op, argument in items:
        if all(len(prefix) == length for prefix in prefixes):
            break
        prefixes = _then(prefixes, _node(op, argument, length), length)
    return prefixes


def _then(first: Prefixes, second: Prefixes, length: int) -> Prefixes:
    open_ended = [head for head in first if len(head) < length]
    if len(open_ended) * len(second) > MAX_COMBINATIONS:
        # a superset: any characters follow (or none, only if none could)
        second = _unknown(length) if () in second else _unknown(length) - {()}
    return frozenset(
        head if len(head) == length else (head + tail)[:length]
        for head in first
        for tail in (second if len(head) < length else [()])
    )


def _node(op: Any, argument: Any, length: int) -> Prefixes:
    if op is sre_constants.LITERAL:
        return frozenset([(re.escape(chr(argument)),)])
    if op is sre_constants.IN:
        return frozenset([(_class_piece(argument),)])
    if op is sre_constants.ANY or op is sre_constants.NOT_LITERAL:
        return frozenset([(_ANY,)])
    if op in _ZERO_WIDTH:
        return frozenset([()])  # an anchor or a lookaround only narrows where a match is
    if op is sre_constants.SUBPATTERN:
        _, add_flags, del_flags, body = argument
        # "(?-i:Q[1-4])" read as the pattern reads the rest, ignoring case, matches more: a superset
        if add_flags or del_flags & ~re.IGNORECASE:
            return _unknown(length)
        return _sequence(body, length)
    if op is sre_constants.BRANCH:
        return frozenset().union(*(_sequence(branch, length) for branch in argument[1]))
    if op in _REPEATS:
        minimum, maximum, body = argument
        return _repeat(minimum, maximum, _sequence(body, length), length)
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _sequence(argument, length)
    return _unknown(length)  # a group reference, a conditional: any characters, or none


def _repeat(minimum: int, maximum: int, body: Prefixes, length: int) -> Prefixes:
    # Past `length` repetitions the prefixes no longer change: every further one starts with them.
    power: Prefixes = frozenset([()])
    prefixes: set[tuple[str, ...]] = {()} if minimum == 0 else set()
    for count in range(1, min(maximum, length) + 1):
        power = _then(power, body, length)
        if count >= minimum:
            prefixes |= power
    if minimum > length:
        prefixes |= power
    return frozenset(prefixes)


def _unknown(length: int) -> Prefixes:
    return frozenset(tuple([_ANY] * count) for count in range(length + 1))


def _class_piece(items: list[_Node]) -> str:
    """The inside of a character class for a parsed class (any character when it is negated)."""
    pieces = []
    for op, argument in items:
        if op is sre_constants.LITERAL:
            pieces.append(re.escape(chr(argument)))
        elif op is sre_constants.RANGE:
            low, high = argument
            pieces.append(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        elif op is sre_constants.CATEGORY and argument in _CATEGORIES:
            pieces.append(_CATEGORIES[argument])
        else:
            return _ANY  # a negated class, ...: a superset is safe
    return "".join(pieces)
