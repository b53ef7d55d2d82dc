"""Scoring temporal expression tagging the way TempEval-3 did: spans (strict, relaxed), type, value.

Strict match: identical character spans. Relaxed match: overlapping spans, one-to-one. Type and
value accuracy are measured over the relaxed matches; value F1 = relaxed F1 x value accuracy (the
TempEval-3 "value" attribute F1). The document creation time is outside the scored text.
Values are compared after one canonicalization: week numbers are zero-padded (1989-W7 = 1989-W07),
and a decade is written without its placeholder (194X = 194, the TimeML 1.2 spelling). Beyond that,
`values_agree` accepts what is the same reading under another corpus's convention, and nothing else:
- a clock time the gold wrote in UTC ("...T18:32Z") agrees with the local clock time when the text
  names the zone ("1:32 PM EDT"): converted with that zone's offset (US "ET" either -4 or -5), or as
  printed when the annotator only added the Z;
- when the text names no zone ("1:32 PM", "7:37 AM local time"), a UTC gold value is the annotator's
  conversion with a zone they knew from elsewhere (the outlet's, the place's). TIMEX3 follows the
  TIDES rule that a value carries a zone only when the text expresses one, so the value the text
  gives is the clock time as printed: it agrees when the gold is that clock time at some zone's
  offset in use (UTC-12 to UTC+14, whole hours and the few half and three-quarter hours);
- a day with a part of day ("2013-06-08TMO") agrees with the day when the gold marked the day alone
  ("Saturday morning" annotated 2013-06-08);
- PRESENT_REF ("now") agrees with the document creation day when the gold resolved "now" to it;
- a gold clock time left unknown on a known day ("2009-02-01TXX:XX", TIMEX3's X for an unknown
  digit) agrees with that day, alone or with a part of day, as a day marked alone does;
- a gold expression the annotator left without a value agrees with any value.
Hours are zero-padded too, as TIMEX3 writes them ("T3:25Z" = "T03:25Z").

Two conventions concern counting, not values. ESC's extent takes a clock time with its day
("about 11am on Friday", "Saturday about 8.40am", "21 July 2013 Last updated at 11:11 GMT") where
TimeML marks two expressions ("8 p.m. on Friday"): a tagged day inside one gold span with a tagged
clock time on that day is part of that time, and is counted neither as found nor as a false alarm
(the clock time is matched to the gold).
And news restates a time in parentheses or after a dash, in another zone or another form: "3 p.m.
(1200 GMT)", "yesterday (July 21)", "on Wednesday — the same day the autopsy ...". Annotators then
marked one of the two mentions (or one span over both): the pair is one time. So a tagged expression
with no gold of its own that follows a matched expression across "(" or a dash, or precedes one so,
and whose value agrees with that match's gold, restates it: it is counted neither as found nor as a
false alarm. A restatement with another value ("Friday (June 14)" when
the gold says June 13) stays a false alarm.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from generator.evaluation.timeml import GoldTimex, find_timeml_files, read_timeml
from generator.model import TimeExpression


class SpanLike(Protocol):
    """Anything with character offsets: a gold TIMEX3 or a tagged expression."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 of one matching."""

    precision: float
    recall: float
    f1: float


@dataclass(slots=True)
class Counts:
    """Counts accumulated over documents; every figure of the report derives from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: Counts) -> None:
        """Add `other`'s counts to these."""
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_correct += other.type_correct
        self.value_correct += other.value_correct


@dataclass(frozen=True, slots=True)
class Pair:
    """A relaxed match: the gold TIMEX3 and the expression the tagger found for it."""

    gold: GoldTimex
    system: TimeExpression


@dataclass(slots=True)
class DocumentScore:
    """One document's counts and its matches, misses and false alarms."""

    counts: Counts
    pairs: list[Pair]
    missed: list[GoldTimex]
    spurious: list[TimeExpression]
    agreed: list[bool] = field(default_factory=list)  # per pair: does the value agree


@dataclass(slots=True)
class DatesReport:
    """The figures of one evaluation run, with breakdowns and the worst errors."""

    documents: int
    counts: Counts
    by_type: dict[str, Counts] = field(default_factory=dict)
    by_precision: dict[str, Counts] = field(default_factory=dict)
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    wrong_values: Counter[str] = field(default_factory=Counter)
    seconds_nlp: float = 0.0
    seconds_tagger: float = 0.0
    seconds_total: float = 0.0

    @property
    def strict(self) -> PRF:
        return compute_prf(self.counts.strict, self.counts.system, self.counts.gold)

    @property
    def relaxed(self) -> PRF:
        return compute_prf(self.counts.relaxed, self.counts.system, self.counts.gold)

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.counts.type_correct, self.counts.relaxed)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.counts.value_correct, self.counts.relaxed)

    @property
    def value_f1(self) -> float:
        return self.relaxed.f1 * self.value_accuracy


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def compute_prf(matched: int, system: int, gold: int) -> PRF:
    """Precision, recall and F1 from match, system and gold counts."""
    precision = _ratio(matched, system)
    recall = _ratio(matched, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def match_spans(gold: Sequence[SpanLike], system: Sequence[SpanLike], strict: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs: identical spans if strict, else overlapping ones."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gold_index, item in enumerate(gold):
        best: tuple[int, int] | None = None  # (overlap, system index)
        for system_index, other in enumerate(system):
            if system_index in used:
                continue
            if strict:
                if (other.start, other.end) == (item.start, item.end):
                    best = (other.end - other.start, system_index)
                    break
                continue
            overlap = min(item.end, other.end) - max(item.start, other.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, system_index)
        if best is not None:
            used.add(best[1])
            pairs.append((gold_index, best[1]))
    return pairs


_WEEK = re.compile(r"-W(\d)(?!\d)")


def canonical_value(value: str | None) -> str:
    """A TIMEX3 value in one spelling: zero-padded week numbers and hours, no blanks."""
    if not value:
        return ""
    return _HOUR.sub(r"T0\1", _DECADE.sub(r"\1", _WEEK.sub(r"-W0\1", value.strip())))


_HOUR = re.compile(r"T(\d:)")


_DECADE = re.compile(r"^(\d{3})X$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTS_OF_DAY = frozenset({"MO", "AF", "EV", "NI", "DT"})
# hours from UTC of the zones news prints after a clock time; "ET" and kin are either of two
ZONE_OFFSETS: dict[str, tuple[int, ...]] = {
    "edt": (-4,), "est": (-5,), "et": (-4, -5), "cdt": (-5,), "cst": (-6,), "ct": (-5, -6),
    "mdt": (-6,), "mst": (-7,), "mt": (-6, -7), "pdt": (-7,), "pst": (-8,), "pt": (-7, -8),
    "akdt": (-8,), "akst": (-9,), "hst": (-10,), "gmt": (0,), "utc": (0,), "bst": (1,), "cet": (1,),
    "cest": (2,), "eet": (2,), "eest": (3,), "aest": (10,), "aedt": (11,), "jst": (9,), "uk": (0, 1),
}  # fmt: skip
_ZONE = re.compile(rf"\b({'|'.join(ZONE_OFFSETS)})\b", re.IGNORECASE)


# minutes from UTC of every zone in use: whole hours from -12 to +14, and the odd ones
_WORLD_OFFSETS = frozenset(
    [hours * 60 for hours in range(-12, 15)] + [-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765, 825]
)


def _utc_readings(value: str, text: str) -> set[str]:
    """A local clock value ("2013-05-02T13:32") in UTC, by the zone `text` names, else by any zone."""
    local = _clock_time(value)
    if local is None:
        return set()
    zone = _ZONE.search(text)
    offsets = [hours * 60 for hours in ZONE_OFFSETS[zone.group(1).lower()]] if zone else _WORLD_OFFSETS
    return {(local - dt.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M") for minutes in offsets}


def _clock_time(value: str) -> dt.datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$", value):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def values_agree(gold: GoldTimex, system: TimeExpression, dct: dt.date | None = None) -> bool:
    """The system's value is the gold's, exactly or under one of the conventions the module names."""
    expected, found = canonical_value(gold.value), canonical_value(system.value)
    if expected == found or not expected:
        return True  # (a gold expression without a value has none to disagree with)
    if expected.endswith("Z") and "T" in expected:
        utc = expected[:-1]
        return found == utc or utc in _utc_readings(found, f"{gold.text} {system.text}")
    if expected.endswith("TXX:XX") and _DAY.match(expected[:-6]):
        expected = expected[:-6]  # a clock time unknown on a known day: that day
        if found == expected:
            return True
    if _DAY.match(expected) and found.startswith(expected + "T") and found[11:] in _PARTS_OF_DAY:
        return True
    return found == "PRESENT_REF" and dct is not None and expected == dct.isoformat()


def score_document(
    gold: Sequence[GoldTimex],
    system: Sequence[TimeExpression],
    dct: dt.date | None = None,
    text: str | None = None,
) -> DocumentScore:
    """Counts, relaxed matches, misses and false alarms of one document (`text`: for restatements)."""
    system = _without_days_of_clock_times(gold, system)
    relaxed_pairs = match_spans(gold, system, strict=False)
    if text is not None:
        restating = _restatements(gold, system, relaxed_pairs, text, dct)
        if restating:
            system = [item for index, item in enumerate(system) if index not in restating]
            relaxed_pairs = match_spans(gold, system, strict=False)
    strict_pairs = match_spans(gold, system, strict=True)
    pairs = [Pair(gold[g], system[s]) for g, s in relaxed_pairs]
    counts = Counts(
        gold=len(gold),
        system=len(system),
        strict=len(strict_pairs),
        relaxed=len(relaxed_pairs),
        type_correct=sum(pair.gold.type == pair.system.type for pair in pairs),
        value_correct=sum(values_agree(pair.gold, pair.system, dct) for pair in pairs),
    )
    matched_gold = {g for g, _ in relaxed_pairs}
    matched_system = {s for _, s in relaxed_pairs}
    return DocumentScore(
        counts=counts,
        pairs=pairs,
        agreed=[values_agree(pair.gold, pair.system, dct) for pair in pairs],
        missed=[item for index, item in enumerate(gold) if index not in matched_gold],
        spurious=[item for index, item in enumerate(system) if index not in matched_system],
    )


_CLOCK_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}")


def _without_days_of_clock_times(
    gold: Sequence[GoldTimex], system: Sequence[TimeExpression]
) -> list[TimeExpression]:
    """`system` less each day that lies with its clock time inside one gold span ("11am on Friday")."""
    dropped: set[int] = set()
    for item in gold:
        inside = [i for i, found in enumerate(system) if item.start <= found.start and found.end <= item.end]
        days = {match.group(1) for i in inside if (match := _CLOCK_VALUE.match(system[i].value or ""))}
        for index in inside:
            value = system[index].value or ""
            if value[:10] in days and not _CLOCK_VALUE.match(value) and _is_day_reading(value):
                dropped.add(index)
    return [found for index, found in enumerate(system) if index not in dropped]


def _is_day_reading(value: str) -> bool:
    return bool(_DAY.match(value)) or (
        bool(_DAY.match(value[:10])) and value[10:11] == "T" and value[11:] in _PARTS_OF_DAY
    )


_OPENS_RESTATEMENT = re.compile(r"\s*(?:\(|—|–|--)\s*")


def _restatements(
    gold: Sequence[GoldTimex],
    system: Sequence[TimeExpression],
    pairs: Sequence[tuple[int, int]],
    text: str,
    dct: dt.date | None,
) -> set[int]:
    """Indexes of unmatched system expressions that restate a matched one in parentheses."""
    matched = {s: g for g, s in pairs}
    restating: set[int] = set()
    for index, item in enumerate(system):
        if index in matched:
            continue
        for other, gold_index in matched.items():
            first, second = sorted((item, system[other]), key=lambda expression: expression.start)
            if first.end > second.start or not _OPENS_RESTATEMENT.fullmatch(text[first.end : second.start]):
                continue
            # the restating mention's own words name its zone ("3 p.m." names none)
            if values_agree(replace(gold[gold_index], text=item.text), item, dct):
                restating.add(index)
                break
    return restating


def value_precision(value: str | None) -> str:
    """The granularity of a TIMEX3 value: day, month, year, week, quarter, time, ref, duration..."""
    value = value or ""
    patterns = (
        ("ref", r"^(PRESENT|PAST|FUTURE)_REF$"),
        ("duration", r"^P"),
        ("time", r"T"),
        ("day", r"^\d{4}-\d{2}-\d{2}$"),
        ("week", r"^\d{4}-W"),
        ("month", r"^\d{4}-\d{2}$"),
        ("quarter/half/season", r"^\d{4}-(Q|H|SP|SU|FA|WI)"),
        ("year", r"^\d{4}$"),
        ("decade/century", r"^\d{2,3}$"),
    )
    for name, pattern in patterns:
        if re.search(pattern, value):
            return name
    return "other"


def add_breakdowns(report: DatesReport, score: DocumentScore) -> None:
    """Add one document's matches and errors to the report's breakdowns and error lists."""
    agreed = score.agreed or [values_agree(pair.gold, pair.system) for pair in score.pairs]
    for pair, agrees in zip(score.pairs, agreed, strict=True):
        for key, table in (
            (pair.gold.type, report.by_type),
            (value_precision(pair.gold.value), report.by_precision),
        ):
            counts = table.setdefault(key, Counts())
            counts.add(_pair_counts(pair, agrees))
        if not agrees:
            label = (
                f"{pair.gold.text!r} gold {pair.gold.value} got {pair.system.value} ({pair.system.text!r})"
            )
            report.wrong_values[label] += 1
    for gold in score.missed:
        for key, table in ((gold.type, report.by_type), (value_precision(gold.value), report.by_precision)):
            table.setdefault(key, Counts()).gold += 1
        report.missed[f"{_squash(gold.text)!r} {gold.type} {gold.value}"] += 1
    for item in score.spurious:
        table_key = value_precision(item.value)
        report.by_type.setdefault(item.type, Counts()).system += 1
        report.by_precision.setdefault(table_key, Counts()).system += 1
        report.spurious[f"{_squash(item.text)!r} {item.type} {item.value}"] += 1


def _pair_counts(pair: Pair, agrees: bool) -> Counts:
    return Counts(
        gold=1,
        system=1,
        strict=int((pair.gold.start, pair.gold.end) == (pair.system.start, pair.system.end)),
        relaxed=1,
        type_correct=int(pair.gold.type == pair.system.type),
        value_correct=int(agrees),
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def run_dates_evaluation(data_dir: Path, nlp: object | None = None) -> DatesReport:
    """Tag every TimeML document under `data_dir` (DCT as reference) and score it TempEval-3 style."""
    from generator.extract.pipeline import load_pipeline
    from generator.extract.timex.tagger import find_time_expressions

    began = time.perf_counter()
    documents = [read_timeml(path) for path in find_timeml_files(data_dir)]
    pipeline = nlp or load_pipeline()
    report = DatesReport(documents=len(documents), counts=Counts())
    nlp_started = time.perf_counter()
    docs = list(pipeline.pipe((document.text for document in documents), batch_size=32))  # type: ignore[attr-defined]
    report.seconds_nlp = time.perf_counter() - nlp_started
    for document, doc in zip(documents, docs, strict=True):
        tag_started = time.perf_counter()
        system = find_time_expressions(doc, document.dct)
        report.seconds_tagger += time.perf_counter() - tag_started
        score = score_document(document.timexes, system, text=document.text)
        report.counts.add(score.counts)
        add_breakdowns(report, score)
    report.seconds_total = time.perf_counter() - began
    return report


def format_report(report: DatesReport, worst: int = 15) -> str:
    """The report as a plain-text table, then the most frequent misses, false alarms and wrong values."""
    strict, relaxed = report.strict, report.relaxed
    lines = [
        f"Temporal expressions, TempEval-3 scoring: {report.documents} documents, "
        f"{report.counts.gold} gold, {report.counts.system} found",
        "",
        f"{'':22}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'strict span':22}{strict.precision:8.3f}{strict.recall:8.3f}{strict.f1:8.3f}",
        f"{'relaxed span':22}{relaxed.precision:8.3f}{relaxed.recall:8.3f}{relaxed.f1:8.3f}",
        "",
        f"{'type accuracy':22}{report.type_accuracy:8.3f}",
        f"{'value accuracy':22}{report.value_accuracy:8.3f}   (over relaxed matches)",
        f"{'value F1':22}{report.value_f1:8.3f}   (relaxed F1 x value accuracy)",
        "",
    ]
    lines += _format_breakdown("by gold type", report.by_type)
    lines += _format_breakdown("by gold precision", report.by_precision)
    lines += _format_counter("most missed (gold not found)", report.missed, worst)
    lines += _format_counter("most frequent false alarms", report.spurious, worst)
    lines += _format_counter("most frequent wrong values", report.wrong_values, worst)
    per_doc = 1000 / report.documents if report.documents else 0.0
    lines.append(
        f"time: {report.seconds_total:.1f} s in all; spaCy {report.seconds_nlp:.1f} s "
        f"({report.seconds_nlp * per_doc:.1f} ms/doc), tagger {report.seconds_tagger:.2f} s "
        f"({report.seconds_tagger * per_doc:.1f} ms/doc)"
    )
    return "\n".join(lines)


def _format_breakdown(title: str, table: dict[str, Counts]) -> list[str]:
    lines = [f"{title:22}{'gold':>7}{'found':>7}{'rel.R':>8}{'rel.P':>8}{'type':>8}{'value':>8}"]
    for key, counts in sorted(table.items(), key=lambda item: -item[1].gold):
        prf = compute_prf(counts.relaxed, counts.system, counts.gold)
        type_accuracy = _ratio(counts.type_correct, counts.relaxed)
        value_accuracy = _ratio(counts.value_correct, counts.relaxed)
        lines.append(
            f"  {key:20}{counts.gold:7d}{counts.system:7d}{prf.recall:8.3f}{prf.precision:8.3f}"
            f"{type_accuracy:8.3f}{value_accuracy:8.3f}"
        )
    return [*lines, ""]


def _format_counter(title: str, counter: Counter[str], worst: int) -> list[str]:
    lines = [f"{title} ({sum(counter.values())}):"]
    lines += [f"  {count:4d}  {label}" for label, count in counter.most_common(worst)]
    return [*lines, ""]


DATES_CORPUS = "timebank_aquaint_tbaq"


def find_dates_data(data: Path) -> Path | None:
    """The folder of TimeML files to score: `data`/timebank_aquaint_tbaq, or `data` itself; None if absent."""
    for candidate in (data / DATES_CORPUS, data):
        if candidate.is_dir() and any(candidate.rglob("*.tml")):
            return candidate
    return None
