"""Text helpers with no NLP: slugs, and the sentence splitting shared by extraction and rendering.

Extraction and the site must agree on sentence indexes (they are the anchors events link to),
and the site build runs no NLP, so both use this splitter. Every paragraph is at least one
sentence: news headlines and summary lines carry no full stop. A line break ends a paragraph,
except a soft wrap inside a sentence (hard-wrapped text): the line does not end a sentence and
the next one carries on ("...met with\nthe president", "...the talks,\nofficials said").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from generator.extract.timex.dateline import LEAD_LINES, read_dateline
from generator.model import Sentence

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr sgt adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc corp co ltd llc plc bros dept univ assn est approx no nos vol vs etc al fig
    u.s u.k u.n e.u e.g i.e a.m p.m d.c n.y l.a""".split()
)

# A sentence ends at . ! ? (with closing quotes or brackets) followed by space and a likely start.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])*")
_BLOCK_MARKER = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|>|\d+[.)]\s)")
_LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)?")


WRAP_WIDTH = 60  # prose wrapped by an editor or a mail client runs longer than this
_FUNCTION_WORDS = frozenset(
    """a an the of in on at to for with from by and or but as that which who whose than said
    his her its their our this these those""".split()
)


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with character offsets; each paragraph holds one or more."""
    sentences: list[Sentence] = []
    for number, (offset, paragraph) in enumerate(_paragraphs(text)):
        for start, end in _split_line(paragraph):
            sentences.append(
                Sentence(len(sentences), offset + start, offset + end, paragraph[start:end], number)
            )
    return sentences


def prose_text(text: str) -> str:
    """`text` with each soft-wrap line break as a space: what NLP should read (offsets unchanged)."""
    characters = list(text)
    for offset, paragraph in _paragraphs(text):
        for index, character in enumerate(paragraph.rstrip("\n")):
            if character == "\n":
                characters[offset + index] = " "
    return "".join(characters)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph: lines joined where a line only wraps a sentence."""
    paragraphs: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        first, near_top = len(paragraphs) == 1, len(paragraphs) <= LEAD_LINES
        if line.strip() and paragraphs and _is_soft_wrap(paragraphs[-1][1], line, first, near_top):
            start, previous = paragraphs[-1]
            paragraphs[-1] = (start, previous + line)
        else:
            paragraphs.append((offset, line))
        offset += len(line)
    return [(start, paragraph) for start, paragraph in paragraphs if paragraph.strip()]


def _is_soft_wrap(previous: str, line: str, first: bool = False, near_top: bool = False) -> bool:
    if not previous.strip() or not previous.endswith("\n") or _BLOCK_MARKER.match(line):
        return False  # after a blank line, or before a heading, list item or quote: a new paragraph
    if near_top and _is_dateline_line(line):
        return False  # "on Feb. 4, 2009" under a headline is the story's date, not the headline's end
    ending = previous.rstrip()
    if ending.endswith((".", "!", "?", ":", '"', "”", "’", "'", ")")):
        return False
    next_word = line.lstrip()[:1]
    last_word = ending.rsplit(None, 1)[-1].lower()
    if next_word.islower() or ending.endswith((",", ";", "-", "–")) or last_word in _FUNCTION_WORDS:
        return True
    # a long line of prose that stops mid-sentence wraps; a headline (Title Case, short, or the
    # article's first line, often followed by a dateline) does not
    last_line = ending.rsplit("\n", 1)[-1]
    if first or len(last_line) < WRAP_WIDTH or _is_title_case(last_line):
        return False
    return not _is_longer_than_its_wrap(last_line, line.strip())


def _is_dateline_line(line: str) -> bool:
    """A line that only prints a date ("on Feb. 04, 2009", "Monday 16 September 2013 03.31 BST");
    a wrapped sentence's last line ends it with a full stop ("...they met\non March 3, 2011.")."""
    text = line.strip()
    return not text.endswith(".") and read_dateline(text) is not None


def _is_longer_than_its_wrap(last_line: str, line: str) -> bool:
    """A line wrapped at some width holds no more than the line before it and the word the wrap
    moved down: a longer line after a line with no full stop is a new paragraph, as a lead after its
    headline ("Klitschko stops Thompson in 6 with efficient execution" + a lead of 150 characters)."""
    first_word = line.split(None, 1)[0] if line else ""
    return len(line) > len(last_line) + len(first_word) + 1


def _is_title_case(line: str) -> bool:
    words = [word for word in line.split() if len(word) > 3 and word[:1].isalpha()]
    return bool(words) and sum(word[:1].isupper() for word in words) / len(words) >= 0.6


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
    start = period  # the run of word characters and dots before the period, scanning back
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "_."):
        start -= 1  # (a regex search over line[:period] was quadratic in the paragraph's length)
    if start == period:
        return False
    token = line[start:period].lower().rstrip(".")
    # Initials ("J. Smith", "A.J. Foyt") and known abbreviations ("Mr.", "U.S.") do not end a sentence.
    return bool(_INITIALS.fullmatch(token)) or token in _ABBREVIATIONS


def _trim(line: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


SLUG_LENGTH = 80


def slugify(text: str) -> str:
    """A URL- and file-safe slug; never empty, never a path.

    A long name is cut at a word boundary and given a short hash of the whole name, so that two
    names differing only after the cut still get two slugs.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > SLUG_LENGTH:
        suffix = hashlib.sha256(slug.encode("ascii")).hexdigest()[:8]
        return f"{slug[: SLUG_LENGTH - 9].rstrip('-')}-{suffix}"
    if slug:
        return slug
    # Names in non-Latin scripts still need a page: derive a stable slug from the code points.
    return "u" + "-".join(f"{ord(char):x}" for char in text.strip()[:12]) if text.strip() else "untitled"
