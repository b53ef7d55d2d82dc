"""Deterministic, NLP-free sentence splitting shared by extraction and rendering.

Extraction and the site must agree on sentence indexes (they are the anchors events link to),
and the site build runs no NLP, so both use this splitter. Every line is at least one sentence:
news headlines and summary lines carry no full stop.
"""

from __future__ import annotations

import re

from .model import Sentence

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr sgt adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc corp co ltd llc plc bros dept univ assn est approx no nos vol vs etc al fig
    u.s u.k u.n e.u e.g i.e a.m p.m d.c n.y l.a""".split()
)

# A sentence ends at . ! ? (with closing quotes or brackets) followed by space and a likely start.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)?")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with character offsets; each line holds one or more."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        for start, end in _split_line(line):
            sentences.append(Sentence(len(sentences), offset + start, offset + end, line[start:end]))
        offset += len(line)
    return sentences


def _split_line(line: str) -> list[tuple[int, int]]:
    prefix = _LINE_PREFIX.match(line)
    position = prefix.end() if prefix else 0
    spans: list[tuple[int, int]] = []
    for boundary in _BOUNDARY.finditer(line, position):
        if _is_abbreviation(line, boundary.start()):
            continue
        spans.append((position, boundary.end()))
        position = boundary.end()
    spans.append((position, len(line)))
    return [trimmed for span in spans if (trimmed := _trim(line, *span))]


def _is_abbreviation(line: str, period: int) -> bool:
    if line[period] != ".":
        return False
    word = re.search(r"[\w.]+$", line[:period])
    if not word:
        return False
    token = word.group().lower().rstrip(".")
    # Single initials ("J. Smith") and known abbreviations ("Mr.", "U.S.") do not end a sentence.
    return (len(token) == 1 and token.isalpha()) or token in _ABBREVIATIONS


def _trim(line: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
