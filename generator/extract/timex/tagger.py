"""Finding temporal expressions in a spaCy Doc and normalizing them TIMEX3-style against a reference date.

The tagger is rule-based, in the spirit of HeidelTime: a grammar of regular expressions over the
Doc's text proposes candidate spans (longest match wins), spaCy's tags and dependencies guard the
ambiguous words ("may", "march", "second", a number that is a count, not a year) and give the
tense of the governing verb, and each rule normalizes its span against the reference (publication)
date, or against the previous date in the text for narrative expressions ("the following day").
dateparser parses the numeric absolute dates ("11/02/89"), with every part of the date required.

The package, for a reader: `vocabulary` holds the words and the regex pieces, `calendar` the date
arithmetic, `context` what a rule sees of the Doc (tokens, tense, anchors), `rules` the one table of
rules (pattern, normaliser, guard; priority by position), and this module runs them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.extract.doc_views import text_of
from generator.extract.timex.calendar import iso_week, quarter_of, shift_months, weekday_near, year_for_month
from generator.extract.timex.context import Candidate, Context, find_tense, index_tokens
from generator.extract.timex.rules import RULES, Rule
from generator.extract.timex.scan import scanner_for
from generator.extract.timex.vocabulary import Tense, TimexType
from generator.model import TimeExpression

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "RULES",
    "Rule",
    "TaggedFile",
    "Tense",
    "TimexType",
    "body_offset",
    "describe_expressions",
    "expression_json",
    "find_tense",
    "find_time_expressions",
    "governing_expression",
    "iso_week",
    "quarter_of",
    "read_exact_text",
    "shift_months",
    "tag_file",
    "tag_text",
    "weekday_near",
    "year_for_month",
]


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
    token_at = index_tokens(doc)
    text = text_of(doc)
    # First choose the spans (longest first; a span that does not normalize gives way to shorter ones),
    # then normalize them in text order, so narrative expressions see the dates before them.
    probe = Context(doc=doc, reference=reference, token_at=token_at, text=text)
    # what the probe found for the spans whose rules read no date named before: the same in text order
    settled: dict[Candidate, TimeExpression | None] = {}

    def accept(candidate: Candidate) -> bool:
        probe.read_earlier = False
        expression = _normalize(candidate, probe)
        if not probe.read_earlier:
            settled[candidate] = expression
        return expression is not None

    chosen = _select(_propose(text), accept)
    context = Context(doc=doc, reference=reference, token_at=token_at, text=text)
    found: list[TimeExpression] = []
    for candidate in chosen:
        expression = settled[candidate] if candidate in settled else _normalize(candidate, context)
        if expression is not None:
            found.append(expression)
            context.remember(expression, candidate.rule.name)
    return found


def governing_expression(expressions: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    """The calendar-dated expression inside [start, end) that best dates it (the most precise, first)."""
    dated = [item for item in expressions if start <= item.start and item.end <= end and item.calendar_date()]
    if not dated:
        return None
    rank = {"day": 0, "month": 1, "year": 2}
    return min(dated, key=lambda item: (rank[item.calendar_date().precision], item.start))  # type: ignore[union-attr]


# ----------------------------------------------------------------------------------------------
# Candidates: every rule proposes, the longest win, each is guarded and normalized by its rule
# ----------------------------------------------------------------------------------------------


def _propose(text: str) -> list[Candidate]:
    # every rule's matches, as each rule's pattern.finditer(text) gives them (scan.py says how)
    matches = scanner_for(tuple(rule.pattern for rule in RULES)).finditer(text)
    return [Candidate(match.start(), match.end(), match.group(0), RULES[i], i) for i, match in matches]


def _select(candidates: list[Candidate], accept: Callable[[Candidate], bool]) -> list[Candidate]:
    """Non-overlapping accepted candidates: longest first, then the earlier rule."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for candidate in ordered:
        if any(candidate.start < end and start < candidate.end for start, end in occupied):
            continue
        if not accept(candidate):
            continue
        taken.append(candidate)
        occupied.append((candidate.start, candidate.end))
    return sorted(taken, key=lambda c: c.start)


def _normalize(candidate: Candidate, context: Context) -> TimeExpression | None:
    rule = candidate.rule
    if rule.guard is not None and not rule.guard(candidate, context):
        return None
    result = rule.normalize(candidate, context)
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
