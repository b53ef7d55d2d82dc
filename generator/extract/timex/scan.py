"""Running many regex rules over one text, each tried only where its match can start.

`pattern.finditer(text)` tries a pattern at every offset. Each rule of the tagger opens with a
one-character negative lookbehind (`(?<![\\w'-])`, whole words only), which keeps the regex engine
from skipping ahead to a possible first character, so most of the tagging time went into failing at
offsets where no match can begin. From each pattern's parse tree `StartScanner` works out its
leading lookbehind and the first `PREFIX` characters its matches can start with (a superset); it
tries the pattern only at the offsets that pass both, and so finds exactly the matches `finditer`
finds, in the same order. A pattern whose match may be empty, or whose lookbehind or prefixes it
cannot read, simply runs by `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

try:  # the regex parser is private, and moved in Python 3.11
    import re._constants as sre_constants  # type: ignore[import-not-found,unused-ignore]
    import re._parser as sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants  # type: ignore[no-redef,unused-ignore]
    import sre_parse  # type: ignore[no-redef,unused-ignore]

MEMO_LIMIT = 200_000  # text starts whose patterns are remembered (a few thousand in real news)
PREFIX = 3  # characters of a match's start that are checked before the pattern is tried
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
_EVERY_OFFSET = re.compile(r"[\s\S]")
_Node = tuple[Any, Any]  # (opcode, argument) in the regex parser's tree
# Each a sequence of character classes; one shorter than PREFIX: the match may end there.
Prefixes = frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Start:
    """Where a pattern can match: not after a character of `not_after`, at text that `prefix` fullmatches."""

    not_after: str | None  # a character class, or None when the pattern opens with no lookbehind
    prefix: re.Pattern[str]  # tried on the PREFIX characters from the offset (fewer at the text's end)


@dataclass(slots=True)
class StartScanner:
    """The matches of `patterns` in a text as `finditer` gives them, each tried only where it can start."""

    patterns: tuple[re.Pattern[str], ...]
    _starts: list[_Start | None] = field(init=False)
    # lookbehind class -> the (index, start) of the patterns opening with it
    _groups: dict[str | None, list[tuple[int, _Start]]] = field(init=False)
    # (lookbehind class, the text from an offset) -> the indexes of the patterns that may match there
    _may_start: dict[tuple[str | None, str], tuple[int, ...]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [match_start(pattern) for pattern in self.patterns]
        self._groups = {}
        for index, start in enumerate(self._starts):
            if start is not None:
                self._groups.setdefault(start.not_after, []).append((index, start))

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
        for not_after, group in self._groups.items():
            scan = (
                _EVERY_OFFSET
                if not_after is None
                else _not_after(not_after, self.patterns[group[0][0]].flags)
            )
            for match in scan.finditer(text):
                offset = match.start()
                head = text[offset : offset + PREFIX]
                indexes = self._may_start.get((not_after, head))
                if indexes is None:
                    if len(self._may_start) >= MEMO_LIMIT:
                        self._may_start.clear()
                    indexes = tuple(index for index, start in group if start.prefix.fullmatch(head))
                    self._may_start[(not_after, head)] = indexes
                for index in indexes:
                    offsets[index].append(offset)  # type: ignore[union-attr]
        return offsets


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


@lru_cache(maxsize=64)
def _not_after(not_after: str, flags: int) -> re.Pattern[str]:
    """Every offset not preceded by a character of the class `not_after`."""
    return re.compile(rf"(?<![{not_after}])[\s\S]", flags)


def match_start(pattern: re.Pattern[str]) -> _Start | None:
    """Where `pattern` can match, from its parse tree (None: a match may be empty, or it cannot be read)."""
    if pattern.flags & (re.LOCALE | re.VERBOSE):
        return None
    try:
        items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:  # pragma: no cover - the pattern compiled, so it parses
        return None
    not_after = _leading_lookbehind(items)
    prefixes = _sequence(items)
    if () in prefixes or not prefixes:
        return None
    alternatives = ("".join(f"[{piece}]" for piece in prefix) + _rest(prefix) for prefix in sorted(prefixes))
    return _Start(not_after, re.compile("|".join(alternatives), pattern.flags))


def _rest(prefix: tuple[str, ...]) -> str:
    # A match that ends before PREFIX characters is followed by anything, or by the text's end.
    return "" if len(prefix) == PREFIX else rf"[{_ANY}]*"


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


def _sequence(items: Iterable[_Node]) -> Prefixes:
    """The prefixes of the matches of `items` one after another."""
    prefixes: Prefixes = frozenset([()])
    for op, argument in items:
        if all(len(prefix) == PREFIX for prefix in prefixes):
            break
        prefixes = _then(prefixes, _node(op, argument))
    return prefixes


def _then(first: Prefixes, second: Prefixes) -> Prefixes:
    return frozenset(
        head if len(head) == PREFIX else (head + tail)[:PREFIX]
        for head in first
        for tail in (second if len(head) < PREFIX else [()])
    )


def _node(op: Any, argument: Any) -> Prefixes:
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
        return _unknown() if add_flags or del_flags else _sequence(body)
    if op is sre_constants.BRANCH:
        return frozenset().union(*(_sequence(branch) for branch in argument[1]))
    if op in _REPEATS:
        minimum, maximum, body = argument
        return _repeat(minimum, maximum, _sequence(body))
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _sequence(argument)
    return _unknown()  # a group reference, a conditional: any characters, or none


def _repeat(minimum: int, maximum: int, body: Prefixes) -> Prefixes:
    # Past PREFIX repetitions the prefixes no longer change: every further one starts with them.
    power: Prefixes = frozenset([()])
    prefixes: set[tuple[str, ...]] = {()} if minimum == 0 else set()
    for count in range(1, min(maximum, PREFIX) + 1):
        power = _then(power, body)
        if count >= minimum:
            prefixes |= power
    if minimum > PREFIX:
        prefixes |= power
    return frozenset(prefixes)


def _unknown() -> Prefixes:
    return frozenset(tuple([_ANY] * length) for length in range(PREFIX + 1))


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
