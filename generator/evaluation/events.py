"""End-to-end events evaluation on SemEval-2015 Task 4 (TimeLine), plus actor recall on MEANTIME.

Each TimeML document becomes an Article (title = headline, published = DCT, one gold sentence per
line, natural spacing restored) and goes through the extractor (or the naive `--baseline`). We then
score, per target entity of the gold timelines, at sentence level:

Naming. An extracted event names a target entity when one of its actors, or one of that actor's
aliases, matches one of the entity's spellings (its timeline's first line, its file name with
underscores as spaces, the target list entry). Both sides are normalised first: lower case,
underscores and punctuation as spaces, possessives ('s) and a leading "the" dropped, "U.S."/"US" read
as "united states", trailing corporate suffixes (Inc, Corp, Co, Ltd, plc, Group, Industrie, ...)
dropped. Then a name matches the entity when
  1. the two are equal ("Airbus Industrie" ~ "Airbus", "US Air Force" ~ "United States Air Force");
  2. or one is the trailing part of the other (its head), provided the shorter one holds a
     distinctive token, i.e. not a generic word (airlines, force, store, ...) nor a number of under
     three characters: "Gallois" ~ "Louis Gallois", "A380" ~ "Airbus A380", "787 Dreamliner" ~
     "Boeing 787 Dreamliner", "CEO Steve Jobs" ~ "Steve Jobs"; but not "Airlines" ~ "Singapore
     Airlines" nor "4" ~ "iPhone 4";
  3. or the name is a leading part of the entity ending in a model number ("Boeing 787" ~
     "Boeing 787 Dreamliner"); a bare maker's name never names its product ("Airbus" !~ "Airbus A380");
  4. or the name is the entity's acronym ("USAF" ~ "United States Air Force").

Placing. Every sentence an event is told in (its quote and each of its mentions) is placed on the
gold sentence holding that quote in our text (the quote is searched verbatim, the event's sentence
index is only a hint), so a gold sentence our splitter cut in two still receives both halves.
Sentences with no gold id (the apple trial headlines, which the annotators never saw) are not scored.

Scoring. Per entity, the gold triples are the distinct (entity, document, sentence) of the timeline
mentions, and the predicted triples those of the events naming the entity. A prediction matches the
gold triple on the same document and sentence: precision, recall and F1 count distinct triples.
Date accuracy is over matches: the triple's date is right when some predicted date agrees with some
gold date of that sentence at the gold's precision (`2006-07-XX` and `2006-07` compare year and month,
`2004-XX-XX` the year, a full date the day; a coarser predicted date is wrong). A gold `XXXX-XX-XX`
(the text does not date the event) is right when the event is dated only by the publication date
(`date_source == 'published'`). Dated F1 counts as true positives only the matches whose date is
right. Totals are micro-averages over the entities of a corpus, and over both corpora.

Actor recall (MEANTIME) is documented in `generator.evaluation.meantime`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from generator.evaluation import meantime, semeval
from generator.text import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language

    from generator.model import Article, ArticleExtraction

TARGETS = {"f1": 0.75, "date_accuracy": 0.88, "dated_f1": 0.68}  # issue 13: each corpus on its own
ErrorKind = Literal["false positive", "miss", "wrong date"]

# --- entity names ------------------------------------------------------------------------------

_CORPORATE = frozenset(
    {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "plc",
        "llc",
        "sas",
        "sa",
        "ag",
        "nv",
        "se",
        "gmbh",
        "group",
        "holdings",
        "holding",
        "industrie",
        "industries",
    }
)
_GENERIC = frozenset(
    {
        "airlines",
        "airline",
        "airways",
        "air",
        "force",
        "forces",
        "store",
        "stores",
        "corps",
        "company",
        "group",
        "inc",
        "co",
        "international",
        "national",
        "new",
        "first",
        "the",
        "of",
        "and",
        "de",
        "la",
    }
)
_EXPANSIONS = {"us": ("united", "states"), "usa": ("united", "states"), "uk": ("united", "kingdom")}


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> tuple[str, ...]:
    """Normalised tokens of a name: lower case, no possessive, 'U.S.' -> united states, no 'Inc'."""
    text = name.lower().replace("_", " ").replace("’", "'")
    text = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", text)
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text).replace(".", "")  # U.S. -> us
    tokens: list[str] = []
    for token in re.findall(r"[a-z0-9]+", text):
        tokens.extend(_EXPANSIONS.get(token, (token,)))
    if tokens[:1] == ["the"] and len(tokens) > 1:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _CORPORATE:
        tokens = tokens[:-1]
    return tuple(tokens)


def _distinctive(tokens: Sequence[str]) -> bool:
    return any(token not in _GENERIC and not (token.isdigit() and len(token) < 3) for token in tokens)


def _is_model_number(token: str) -> bool:
    return any(char.isdigit() for char in token) and len(token) >= 3


def names_match(entity: str, name: str) -> bool:
    """Whether actor name `name` names target entity `entity` (rules in the module docstring)."""
    target, candidate = name_tokens(entity), name_tokens(name)
    if not target or not candidate:
        return False
    if target == candidate:
        return True
    shorter, longer = sorted((target, candidate), key=len)
    if longer[-len(shorter) :] == shorter and _distinctive(shorter):
        return True
    if len(candidate) < len(target) and target[: len(candidate)] == candidate:
        return len(candidate) > 1 and _is_model_number(candidate[-1])
    if len(candidate) == 1 and len(target) > 1:
        return candidate[0] == "".join(token[0] for token in target)
    return False


def names_entity(entity_names: Iterable[str], actor_names: Iterable[str]) -> bool:
    """Whether any actor name or alias names the entity under any of its spellings."""
    actor_names = tuple(actor_names)
    return any(names_match(entity, name) for entity in entity_names for name in actor_names)


# --- what an extractor hands the scorer ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place an extracted event is told: our sentence index, its quote, date and actor names."""

    sentence: int
    quote: str
    date: str | None
    date_source: str
    actors: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleOutput:
    """An extractor's output for one article: event candidates and actors (name + aliases each)."""

    candidates: tuple[Candidate, ...]
    actors: tuple[tuple[str, ...], ...]


Extractor = Callable[["Article"], ArticleOutput]


@dataclass(frozen=True, slots=True)
class Placed:
    """A candidate placed on a gold sentence of a document."""

    docid: str
    sentence: int
    candidate: Candidate


def place(document: semeval.SemEvalDocument, candidates: Iterable[Candidate]) -> list[Placed]:
    """Place candidates on gold sentences by finding their quote in the article text."""
    text = document.text
    sentences = split_sentences(text)
    placed = []
    for candidate in candidates:
        offset = _quote_offset(text, sentences, candidate)
        gold_id = semeval.gold_id_at(document, offset) if offset is not None else None
        if gold_id is not None:
            placed.append(Placed(document.docid, gold_id, candidate))
    return placed


def _quote_offset(text: str, sentences: Sequence[Any], candidate: Candidate) -> int | None:
    hint = sentences[candidate.sentence] if 0 <= candidate.sentence < len(sentences) else None
    quote = candidate.quote.strip()
    if hint is not None and quote and quote in hint.text:
        return int(hint.start)
    if quote and (found := text.find(quote)) >= 0:
        return found
    return int(hint.start) if hint is not None else None


# --- scoring -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """Sentence-level counts for one entity or a micro-average: tp/fp/fn and date-right matches."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    dated_tp: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.dated_tp + other.dated_tp
        )

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def date_accuracy(self) -> float:
        return _ratio(self.dated_tp, self.tp)

    @property
    def dated_f1(self) -> float:
        return _f1(_ratio(self.dated_tp, self.predicted), _ratio(self.dated_tp, self.gold))

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rates, for JSON."""
        rates = ("precision", "recall", "f1", "date_accuracy", "dated_f1")
        counts: dict[str, float | int] = {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "dated_tp": self.dated_tp,
        }
        return counts | {name: round(getattr(self, name), 4) for name in rates}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def date_matches(gold: str, predicted: str | None, source: str) -> bool:
    """Whether a predicted date (and its source) is right for a gold date, at the gold's precision."""
    parts = gold.strip().split("-")
    wanted = []
    for part in parts:
        if not part.isdigit():
            break
        wanted.append(part)
    if not wanted:
        return source == "published"
    have = (predicted or "").split("-")
    return len(have) >= len(wanted) and have[: len(wanted)] == wanted


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One scoring error, with enough context to see why."""

    kind: ErrorKind
    corpus: str
    entity: str
    docid: str
    sentence: int
    text: str
    detail: str


@dataclass(frozen=True, slots=True)
class EntityScore:
    """Counts and error cases for one target entity."""

    corpus: str
    entity: str
    counts: Counts
    errors: tuple[ErrorCase, ...] = ()


def gold_triples(timeline: semeval.GoldTimeline) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """Gold (doc, sentence) -> [(date, event token)] for one entity."""
    triples: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for entry in timeline.entries:
        for mention in entry.mentions:
            triples.setdefault((mention.docid, mention.sentence), []).append((entry.date, mention.token))
    return triples


def score_entity(
    corpus: semeval.SemEvalCorpus, timeline: semeval.GoldTimeline, placed: Sequence[Placed]
) -> EntityScore:
    """Score the placed candidates that name the entity against its gold timeline."""
    gold = gold_triples(timeline)
    predicted: dict[tuple[str, int], list[Candidate]] = {}
    for item in placed:
        if names_entity(timeline.names, item.candidate.names):
            predicted.setdefault((item.docid, item.sentence), []).append(item.candidate)
    tp = dated = 0
    errors: list[ErrorCase] = []
    for key, candidates in predicted.items():
        if key not in gold:
            errors.append(_error("false positive", corpus, timeline, key, _describe(candidates)))
            continue
        tp += 1
        if any(date_matches(g, c.date, c.date_source) for g, _ in gold[key] for c in candidates):
            dated += 1
        else:
            golds = ", ".join(sorted({g for g, _ in gold[key]}))
            errors.append(
                _error("wrong date", corpus, timeline, key, f"gold {golds}; {_describe(candidates)}")
            )
    for key, events in gold.items():
        if key not in predicted:
            tokens = ", ".join(token for _, token in events)
            errors.append(_error("miss", corpus, timeline, key, f"gold event(s): {tokens}"))
    counts = Counts(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp, dated_tp=dated)
    return EntityScore(corpus.name, timeline.entity, counts, tuple(errors))


def _describe(candidates: Sequence[Candidate]) -> str:
    first = candidates[0]
    return f"predicted {first.date or '-'} ({first.date_source}); actors {', '.join(first.actors)}"


def _error(
    kind: ErrorKind,
    corpus: semeval.SemEvalCorpus,
    timeline: semeval.GoldTimeline,
    key: tuple[str, int],
    detail: str,
) -> ErrorCase:
    document = corpus.documents.get(key[0])
    text = next((line.text for line in document.lines if line.gold_id == key[1]), "") if document else ""
    return ErrorCase(kind, corpus.name, timeline.entity, key[0], key[1], text, detail)


# --- running -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """All entity scores of one corpus."""

    name: str
    entities: tuple[EntityScore, ...]

    @property
    def counts(self) -> Counts:
        return sum((entity.counts for entity in self.entities), Counts())


@dataclass(frozen=True, slots=True)
class EventsReport:
    """The whole evaluation: SemEval corpora, and MEANTIME actor recall when available."""

    mode: str
    corpora: tuple[CorpusResult, ...]
    actors: meantime.ActorCounts | None = None
    actor_misses: tuple[str, ...] = field(default=())

    @property
    def counts(self) -> Counts:
        return sum((corpus.counts for corpus in self.corpora), Counts())


def evaluate_corpus(corpus: semeval.SemEvalCorpus, extractor: Extractor) -> CorpusResult:
    """Extract every document of the corpus and score each target entity."""
    placed: list[Placed] = []
    for document in corpus.documents.values():
        output = extractor(document.article(corpus.name))
        placed.extend(place(document, output.candidates))
    entities = tuple(score_entity(corpus, timeline, placed) for timeline in corpus.timelines)
    return CorpusResult(corpus.name, entities)


def run(
    data_dir: Path, corpora: Sequence[str], extractor: Extractor, mode: str, with_actors: bool = True
) -> EventsReport | None:
    """Evaluate `extractor` on the named SemEval corpora (and MEANTIME actors); None when no data."""
    root = semeval.find_root(data_dir)
    if root is None:
        return None
    results = tuple(evaluate_corpus(semeval.read_corpus(root, name), extractor) for name in corpora)
    actors: meantime.ActorCounts | None = None
    misses: tuple[str, ...] = ()
    meantime_root = meantime.find_root(data_dir) if with_actors else None
    if meantime_root is not None:
        actors, miss_list = meantime.actor_recall(
            meantime.read_documents(meantime_root), extractor, names_match
        )
        misses = tuple(miss_list)
    return EventsReport(mode, results, actors, misses)


def pipeline_extractor(nlp: Language | None = None) -> Extractor:
    """The project's extractor (generator.extract.extract_article) as an Extractor."""
    from generator.extract.article import extract_article

    def extract(article: Article) -> ArticleOutput:
        return output_of(extract_article(article, nlp=nlp))

    return extract


def output_of(extraction: ArticleExtraction) -> ArticleOutput:
    """What the scorer reads of an extraction: a candidate per sentence an event is told in."""
    aliases = {actor.name: (actor.name, *actor.aliases) for actor in extraction.actors}
    candidates = []
    for event in extraction.events:
        if event.rejected:
            continue
        names = tuple(name for actor in event.actors for name in aliases.get(actor, (actor,)))
        date = event.date.iso if event.date else None
        for sentence, quote in (
            (event.sentence, event.quote),
            *((m.sentence, m.quote) for m in event.mentions),
        ):
            candidates.append(Candidate(sentence, quote, date, event.date_source, event.actors, names))
    return ArticleOutput(tuple(candidates), tuple(aliases.values()))


# spaCy labels that are names (not numbers, dates or quantities).
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)


def baseline_extractor(nlp: Language) -> Extractor:
    """The naive pipeline: every sentence with a named entity is an event, dated by its first date."""

    def extract(article: Article) -> ArticleOutput:
        doc = nlp(article.text)
        sentences = split_sentences(article.text)
        starts = {sentence.start: sentence for sentence in sentences}
        candidates, actors = [], {}
        for span in doc.sents:
            names = tuple(dict.fromkeys(ent.text for ent in span.ents if ent.label_ in NAME_LABELS))
            sentence = starts.get(span.start_char)
            if not names or sentence is None:
                continue
            actors.update({name: (name,) for name in names})
            date = next(
                (
                    d
                    for ent in span.ents
                    if ent.label_ == "DATE" and (d := parse_date(ent.text, article.published))
                ),
                None,
            )
            source = "text" if date else "published"
            iso = date or article.published.isoformat()
            candidates.append(Candidate(sentence.index, sentence.text, iso, source, names, names))
        return ArticleOutput(tuple(candidates), tuple(actors.values()))

    return extract


def parse_date(text: str, reference: dt.date) -> str | None:
    """A date expression as ISO at its own precision ('2005', '2005-01', '2005-01-18'), or None."""
    data = _date_parser(reference).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    iso = data.date_obj.date().isoformat()
    return {"year": iso[:4], "month": iso[:7]}.get(data.period or "day", iso)


@lru_cache(maxsize=64)
def _date_parser(reference: dt.date) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"], settings={"RELATIVE_BASE": dt.datetime.combine(reference, dt.time())}
    )


# --- report ------------------------------------------------------------------------------------


def format_report(report: EventsReport, per_entity: bool = False) -> str:
    """A readable table of the scores, with the targets."""
    header = (
        f"{'corpus / entity':<34}{'gold':>6}{'pred':>6}{'tp':>5}"
        f"{'P':>7}{'R':>7}{'F1':>7}{'date':>7}{'dated F1':>10}"
    )
    lines = [f"events evaluation ({report.mode}), sentence level", header, "-" * len(header)]
    for corpus in report.corpora:
        if per_entity:
            lines += [_row(f"  {entity.entity}", entity.counts) for entity in corpus.entities]
        lines.append(_row(f"{corpus.name} (micro)", corpus.counts))
    if len(report.corpora) > 1:
        lines.append(_row("all (micro)", report.counts))
    lines.append(
        f"targets: F1 >= {TARGETS['f1']:.2f}, date accuracy >= {TARGETS['date_accuracy']:.2f}, "
        f"dated F1 >= {TARGETS['dated_f1']:.2f}"
    )
    if report.actors is not None:
        actors = report.actors
        lines.append(
            f"MEANTIME actors: recall {actors.recall:.2f} ({actors.found}/{actors.gold} named participants), "
            f"precision {actors.precision:.2f} ({actors.correct}/{actors.predicted} actors), "
            f"{actors.documents} docs"
        )
    return "\n".join(lines)


def _row(label: str, counts: Counts) -> str:
    return (
        f"{label:<34}{counts.gold:>6}{counts.predicted:>6}{counts.tp:>5}{counts.precision:>7.2f}"
        f"{counts.recall:>7.2f}{counts.f1:>7.2f}{counts.date_accuracy:>7.2f}{counts.dated_f1:>10.2f}"
    )


def report_json(report: EventsReport) -> dict[str, Any]:
    """The report as JSON-ready data, errors included."""
    corpora = {
        corpus.name: {
            "micro": corpus.counts.as_dict(),
            "entities": {entity.entity: entity.counts.as_dict() for entity in corpus.entities},
            "errors": [_error_dict(error) for entity in corpus.entities for error in entity.errors],
        }
        for corpus in report.corpora
    }
    data: dict[str, Any] = {
        "mode": report.mode,
        "targets": TARGETS,
        "all": report.counts.as_dict(),
        "corpora": corpora,
    }
    if report.actors is not None:
        data["meantime_actors"] = report.actors.as_dict() | {"misses": list(report.actor_misses)}
    return data


def _error_dict(error: ErrorCase) -> dict[str, Any]:
    return {
        "kind": error.kind,
        "entity": error.entity,
        "doc": error.docid,
        "sentence": error.sentence,
        "text": error.text,
        "detail": error.detail,
    }
