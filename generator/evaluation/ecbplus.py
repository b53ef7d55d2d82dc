"""ECB+ with the EventStoryLine layer: per-entity timelines, references and temporal tagging on web news.

Layout under `<data>/ecbplus_esc/`: `ecbplus/<topic>/<topic>_<n>ecb(plus).xml` (CAT XML: tokens with
their sentence, then markables and coreference relations), `ecbplus/ECBplus_coreference_sentences.csv`
(the sentences the annotators looked at), and `esc_v1.5/<topic>/<doc>.xml.xml` (the same tokens, with
time expressions, their values, the document creation time and time-to-action TLINKs).

Each document becomes an Article: one sentence per line, natural spacing restored, the page URL
(sentence 0 of an `ecbplus` document) dropped. It is published on ESC's creation time when ESC has
one, else on the date of a dateline among its first lines, else on `FALLBACK_DATE` (such a document's
dates are not scored).

Entities are the human participants of type PER and ORG, one per coreference chain: a cross-document
chain (`CROSS_DOC_COREF`, the same person in every article of the topic) or a document's own
(`INTRA_DOC_COREF`); a mention in no chain is an entity of its own. An entity is scored when it is
named at least once in its topic: its names are the texts of its mentions that hold a proper name
(a capitalised word other than a pronoun, determiner or a word that opens its sentence, or of a
Title Case headline, without also being written so elsewhere). Our actors are names; an entity only
ever called "the police" or "the gunman" is not expected.

Gold triples are (entity, document, sentence) for each sentence in which the entity is mentioned
and an action is annotated. Only sentences the annotators looked at are scored (the CSV's, plus any
sentence with a markable); our events elsewhere are neither right nor wrong. Naming and placing are
those of the SemEval evaluation (`generator.evaluation.events`). The gold sometimes gives one person
two keys in a document (a chain, and a mention or a second chain left apart from it: "LaRue" and
"LaRue's body"); an actor of ours that names an entity of its sentence is right there, and not also
a false positive for the person's other key. A gold triple is "pronoun-only" when
all the entity's mentions in that sentence are pronouns ("he said", "its shares"), "description-only"
when none names it ("the actress", "the company"); their recall is the share of such mentions we find.

Dates (ESC documents only): the gold dates of a sentence are the values of the times that CONTAIN
(or are SIMULTANEOUS with) one of its actions; a match is dated right when some predicted date agrees
with one at the gold's precision (`events.date_matches`). Date accuracy is over the matches that have
a gold date; dated F1 = F1 x date accuracy.

Temporal tagging (ESC documents with a creation time): TIME_DATE, TIME_OF_THE_DAY, TIME_DURATION and
TIME_REPETITION with their values, scored TempEval-3 style (`generator.evaluation.dates`) against the
tagger run with the creation time as reference date, on the scored sentences only (gold and tagged
alike, as for the actors).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.evaluation import dates as dates_scoring
from generator.evaluation.timeml import GoldTimex
from generator.model import Article, TimeExpression
from generator.text import split_sentences

ECB_DIR = "ecbplus_esc"
FALLBACK_DATE = dt.date(2012, 1, 1)  # ECB+ stories run 2005-2013; dates of such documents are not scored
ENTITY_TYPES = frozenset({"HUMAN_PART_PER", "HUMAN_PART_ORG"})
TIME_TYPES = {
    "TIME_DATE": "DATE",
    "TIME_OF_THE_DAY": "TIME",
    "TIME_DURATION": "DURATION",
    "TIME_REPETITION": "SET",
}
DATING_RELATIONS = frozenset({"CONTAINS", "SIMULTANEOUS"})
PRONOUNS = frozenset(
    """he him his himself she her hers herself it its itself they them their theirs themselves
    who whom whose which that we us our i me my you your one""".split()
)
_NOT_NAMES = PRONOUNS | frozenset(
    "the a an this these those that some all both each any no other another".split()
)
TARGETS = {"f1": 0.75, "date_accuracy": 0.88, "dated_f1": 0.68, "pronoun_only": 0.50, "value_f1": 0.85}


# --- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldParticipant:
    """A human participant mention: its entity, sentence, text and how it names the entity."""

    entity: str
    sentence: int
    text: str
    form: str  # "name", "pronoun" or "description"


@dataclass(frozen=True, slots=True)
class EcbDocument:
    """An ECB+ document as article lines (gold sentence numbers), with its gold annotation."""

    docid: str
    topic: str
    published: dt.date
    dct: dt.date | None
    lines: tuple[tuple[int, str], ...]  # (gold sentence number, detokenised text)
    scored: frozenset[int]
    action_sentences: frozenset[int]
    participants: tuple[GoldParticipant, ...]
    sentence_dates: dict[int, tuple[str, ...]] = field(default_factory=dict)
    timexes: tuple[GoldTimex, ...] = ()
    has_esc: bool = False

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)

    def article(self) -> Article:
        """The document as an Article: its first line is the headline."""
        title = self.lines[0][1] if self.lines else self.docid
        return Article(slug=f"ecb-{self.docid}", title=title, published=self.published, text=self.text)

    def sentence_at(self, offset: int) -> int | None:
        """The gold sentence number of the line holding character `offset`."""
        chosen, start = None, 0
        for number, text in self.lines:
            if start > offset:
                break
            chosen = number
            start += len(text) + 1
        return chosen


def find_root(data_dir: Path) -> Path | None:
    """The `ecbplus_esc` folder under `data_dir` (with its `ecbplus/` documents), or None."""
    root = data_dir / ECB_DIR
    return root if (root / "ecbplus").is_dir() else None


def read_documents(root: Path, topics: Iterable[str] | None = None) -> list[EcbDocument]:
    """Every ECB+ document under `root`, in topic order (only `topics` when given)."""
    wanted = set(topics) if topics is not None else None
    looked_at = _looked_at(root / "ecbplus" / "ECBplus_coreference_sentences.csv")
    paths = sorted(
        (root / "ecbplus").glob("*/*.xml"), key=lambda path: (_number(path.parent.name), path.name)
    )
    documents = []
    for path in paths:
        if wanted is not None and path.parent.name not in wanted:
            continue
        esc = root / "esc_v1.5" / path.parent.name / f"{path.name}.xml"
        documents.append(read_document(path, esc if esc.is_file() else None, looked_at))
    return documents


def _number(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _looked_at(path: Path) -> dict[str, set[int]]:
    sentences: dict[str, set[int]] = {}
    if not path.is_file():
        return sentences
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            docid = f"{row['Topic']}_{row['File']}"
            sentences.setdefault(docid, set()).add(int(row["Sentence Number"]))
    return sentences


def read_document(path: Path, esc_path: Path | None, looked_at: dict[str, set[int]]) -> EcbDocument:
    """Read one ECB+ document (and its ESC layer when there is one)."""
    root = ET.parse(path).getroot()
    docid = path.name.removesuffix(".xml")
    tokens = [
        (token.get("t_id", ""), int(token.get("sentence") or 0), token.text or "")
        for token in root.iter("token")
    ]
    skip = {0} if docid.endswith("ecbplus") else set()
    lines, offsets = _lines(tokens, skip)
    sentence_of = {t_id: sentence for t_id, sentence, _ in tokens}
    markables = root.find("Markables")
    anchored = [m for m in (markables if markables is not None else []) if len(m)]
    spans = {m.get("m_id", ""): [a.get("t_id", "") for a in m] for m in anchored}
    marked_sentences = {sentence_of[t] for ids in spans.values() for t in ids if t in sentence_of}
    actions = frozenset(
        sentence_of[ids[0]]
        for m in anchored
        if "ACTION" in m.tag and (ids := spans[m.get("m_id", "")]) and ids[0] in sentence_of
    )
    chains = _chains(root, docid)
    words = {t_id: text for t_id, _, text in tokens}
    # the page's URL is all lower case: its words say nothing about the names
    lowercase = frozenset(text for _, sentence, text in tokens if text.islower() and sentence not in skip)
    printed = "\n".join(text for _, text in lines)
    starts = _sentence_starts(tokens)
    title_case = {sentence for sentence, ids in _by_sentence(tokens).items() if _is_title_case(ids, words)}
    participants = []
    for markable in anchored:
        if markable.tag not in ENTITY_TYPES:
            continue
        ids = [t for t in spans[markable.get("m_id", "")] if t in sentence_of]
        if not ids or sentence_of[ids[0]] in skip:
            continue
        entity = chains.get(markable.get("m_id", ""), f"{docid}/{markable.get('m_id')}")
        text = _printed_span(ids, offsets, printed) or " ".join(words[t] for t in ids)
        form = _form(ids, words, starts, title_case, sentence_of, lowercase)
        participants.append(GoldParticipant(entity, sentence_of[ids[0]], text, form))
    scored = frozenset((looked_at.get(docid, set()) | marked_sentences) - skip)
    dct: dt.date | None = None
    timexes: list[GoldTimex] = []
    sentence_dates: dict[int, tuple[str, ...]] = {}
    if esc_path is not None:
        dct, timexes, sentence_dates = _read_esc(esc_path, sentence_of, offsets, lines)
    dateline = _dateline_date(lines)
    published = dct or dateline or FALLBACK_DATE
    if dct is None and dateline is None:
        sentence_dates = {}  # no day to read its relative dates against: they are not scored
    return EcbDocument(
        docid=docid,
        topic=path.parent.name,
        published=published,
        dct=dct,
        lines=tuple(lines),
        scored=scored,
        action_sentences=actions,
        participants=tuple(participants),
        sentence_dates=sentence_dates,
        timexes=tuple(timexes),
        has_esc=esc_path is not None,
    )


def _printed_span(ids: Sequence[str], offsets: dict[str, tuple[int, int]], printed: str) -> str:
    """A mention as the page printed it ("A.J. Smith", "U.S. Geological Survey"), not as tokens."""
    if ids[0] not in offsets or ids[-1] not in offsets:
        return ""
    return printed[offsets[ids[0]][0] : offsets[ids[-1]][1]]


def _by_sentence(tokens: Sequence[tuple[str, int, str]]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for t_id, sentence, _ in tokens:
        grouped.setdefault(sentence, []).append(t_id)
    return grouped


def _sentence_starts(tokens: Sequence[tuple[str, int, str]]) -> set[str]:
    return {ids[0] for ids in _by_sentence(tokens).values() if ids}


def _is_title_case(ids: Sequence[str], words: dict[str, str]) -> bool:
    alpha = [words[t] for t in ids if words[t].isalpha() and len(words[t]) > 3]
    return len(alpha) >= 2 and sum(word[0].isupper() for word in alpha) / len(alpha) > 0.6


def _form(
    ids: Sequence[str],
    words: dict[str, str],
    starts: set[str],
    title_case: set[int],
    sentence_of: dict[str, int],
    lowercase: frozenset[str],
) -> str:
    texts = [words[t] for t in ids]
    if len(texts) == 1 and texts[0].lower() in PRONOUNS:
        return "pronoun"
    for t_id, text in zip(ids, texts, strict=True):
        if not text[:1].isupper() or text.lower() in _NOT_NAMES:
            continue
        if t_id in starts or sentence_of[t_id] in title_case:
            if text.lower() not in lowercase:
                return "name"  # "Lohan checked in": a word the article never writes in lower case
            continue
        return "name"
    return "description"


def _chains(root: ET.Element, docid: str) -> dict[str, str]:
    """Mention id -> entity key: its cross-document instance, else its chain in the document."""
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        if relation.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = next((t.get("m_id", "") for t in relation.iter("target")), "")
        key = relation.get("note") if relation.tag == "CROSS_DOC_COREF" else None
        key = key or f"{docid}/{target}"
        for source in relation.iter("source"):
            chains.setdefault(source.get("m_id", ""), key)
    return chains


_NO_SPACE_BEFORE = frozenset(",.;:!?%)]}") | {"'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "...", "'"}
_NO_SPACE_AFTER = frozenset("([{$#")
_QUOTES = frozenset({'"', "``", "''", "“", "”"})


# a dash between words that does not open a new thought: "court-ordered", "90-day", "re-hired"
_DASH_BREAKS = frozenset(
    "the a an it at and but or he she they we i his her its their this that to in on of for as".split()
)


_WEB_DOMAINS = frozenset({"com", "org", "net", "gov", "edu", "co", "tv"})
_CONTRACTIONS = frozenset({"s", "t", "d", "ll", "re", "ve", "m"})


def _joins_within_word(before: str, word: str, after: str) -> bool:
    """A token the tokenizer split off inside a word: "1:32", "05/02/2013", "9.35am", "a.m.", "90-day"."""
    if word in (":", "/", ".") and before[-1:].isdigit() and after[:1].isdigit():
        return True
    if word == "." and len(before) == 1 and before.isalpha() and len(after) == 1 and after.isalpha():
        return True  # "a . m ." -> "a.m."
    if word == "." and before[-1:].isalnum() and after.lower() in _WEB_DOMAINS:
        return True  # "TMZ . com" -> "TMZ.com"
    if word in ("’", "'") and before[-1:].isalnum() and after.lower() in _CONTRACTIONS:
        return True  # "HP ’ s" -> "HP’s", "can ’ t" -> "can’t"
    if word == "-" and before[-1:].isalnum() and after[:1].isalnum():
        return before.lower() not in _DASH_BREAKS and after.lower() not in _DASH_BREAKS
    return False


def _lines(
    tokens: Sequence[tuple[str, int, str]], skip: set[int]
) -> tuple[list[tuple[int, str]], dict[str, tuple[int, int]]]:
    """Detokenised lines (one per sentence) and each token's character span in the "\\n"-joined text."""
    lines: list[tuple[int, str]] = []
    offsets: dict[str, tuple[int, int]] = {}
    base = 0
    for sentence, ids in _by_sentence(tokens).items():
        if sentence in skip:
            continue
        words = {t_id: text for t_id, s, text in tokens if s == sentence}
        texts = [words[t_id].strip() or " " for t_id in ids]
        out = ""
        glue_next, quote_open = False, False
        for index, (t_id, word) in enumerate(zip(ids, texts, strict=True)):
            if word in _QUOTES:
                word = '"'
                glue = quote_open or not out
                quote_open = not quote_open
                next_glue = quote_open
            else:
                before = texts[index - 1] if index else ""
                after = texts[index + 1] if index + 1 < len(texts) else ""
                inner = _joins_within_word(before, word, after)
                glue = glue_next or not out or word in _NO_SPACE_BEFORE or inner
                next_glue = word in _NO_SPACE_AFTER or inner
            if not glue:
                out += " "
            offsets[t_id] = (base + len(out), base + len(out) + len(word))
            out += word
            glue_next = next_glue
        if out.strip():
            lines.append((sentence, out))
            base += len(out) + 1
        else:
            for t_id in ids:
                offsets.pop(t_id, None)
    return lines, offsets


_VALUE_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


def _read_esc(
    path: Path,
    sentence_of: dict[str, int],
    offsets: dict[str, tuple[int, int]],
    lines: Sequence[tuple[int, str]],
) -> tuple[dt.date | None, list[GoldTimex], dict[int, tuple[str, ...]]]:
    root = ET.parse(path).getroot()
    text = "\n".join(line for _, line in lines)
    markables = root.find("Markables")
    anchored = [m for m in (markables if markables is not None else []) if len(m)]
    dct: dt.date | None = None
    timexes: list[GoldTimex] = []
    values: dict[str, str] = {}
    action_sentence: dict[str, int] = {}
    for markable in anchored:
        ids = [a.get("t_id", "") for a in markable]
        m_id = markable.get("m_id", "")
        if "ACTION" in markable.tag and ids[0] in sentence_of:
            action_sentence[m_id] = sentence_of[ids[0]]
        if markable.tag not in TIME_TYPES:
            continue
        value = _clean_value(markable.get("value") or "")
        values[m_id] = value
        if markable.get("DCT") == "TRUE" and (match := _VALUE_DAY.match(value)):
            dct = _date(*(int(part) for part in match.groups())) or dct
        spans = [offsets[t] for t in ids if t in offsets]
        if not spans:
            continue  # in the page's URL
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        timexes.append(GoldTimex(start, end, text[start:end], TIME_TYPES[markable.tag], value or None))
    sentence_dates: dict[int, list[str]] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        if relation.tag != "TLINK" or relation.get("relType") not in DATING_RELATIONS:
            continue
        source = next((s.get("m_id", "") for s in relation.iter("source")), "")
        target = next((t.get("m_id", "") for t in relation.iter("target")), "")
        value = values.get(source, "")
        if target in action_sentence and value[:4].isdigit():
            dates = sentence_dates.setdefault(action_sentence[target], [])
            if value not in dates:
                dates.append(value)
    return dct, timexes, {sentence: tuple(found) for sentence, found in sentence_dates.items()}


def _clean_value(value: str) -> str:
    """A TIMEX3 value with a malformed day or month repaired ('2009-12-7' -> '2009-12-07')."""
    value = value.strip()
    match = re.match(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d])", value)
    if not match:
        return value
    parts = [match.group(1), match.group(2).zfill(2)] + ([match.group(3).zfill(2)] if match.group(3) else [])
    return "-".join(parts) + value[match.end() :]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dateline_date(lines: Sequence[tuple[int, str]]) -> dt.date | None:
    from generator.extract.timex.dateline import find_dateline

    found = find_dateline([text for _, text in lines[:4]])
    return found.day if found is not None else None


# --- scoring -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityGold:
    """A scored entity of a topic: its key and the names it goes by."""

    key: str
    names: tuple[str, ...]


def topic_entities(documents: Sequence[EcbDocument]) -> list[EntityGold]:
    """The named PER/ORG entities of the documents (of one topic), with their names."""
    names: dict[str, dict[str, None]] = {}
    for document in documents:
        for participant in document.participants:
            if participant.form == "name":
                names.setdefault(participant.entity, {})[participant.text] = None
    return [EntityGold(key, tuple(found)) for key, found in names.items()]


@dataclass(frozen=True, slots=True)
class EcbCounts:
    """Sentence-level counts, with the reference and dating breakdowns."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    dated_gold: int = 0  # matches whose sentence has a gold date
    dated_right: int = 0
    pronoun_gold: int = 0
    pronoun_found: int = 0
    description_gold: int = 0
    description_found: int = 0

    def __add__(self, other: EcbCounts) -> EcbCounts:
        return EcbCounts(*(a + b for a, b in zip(self._values(), other._values(), strict=True)))

    def _values(self) -> tuple[int, ...]:
        return (
            self.tp,
            self.fp,
            self.fn,
            self.dated_gold,
            self.dated_right,
            self.pronoun_gold,
            self.pronoun_found,
            self.description_gold,
            self.description_found,
        )

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return _ratio(self.dated_right, self.dated_gold)

    @property
    def dated_f1(self) -> float:
        return self.f1 * self.date_accuracy

    @property
    def pronoun_only(self) -> float:
        return _ratio(self.pronoun_found, self.pronoun_gold)

    @property
    def description_only(self) -> float:
        return _ratio(self.description_found, self.description_gold)

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rates, for JSON."""
        names = ("precision", "recall", "f1", "date_accuracy", "dated_f1", "pronoun_only", "description_only")
        fields = (
            "tp fp fn dated_gold dated_right pronoun_gold pronoun_found description_gold description_found"
        ).split()
        counts: dict[str, float | int] = dict(zip(fields, self._values(), strict=True))
        return counts | {name: round(getattr(self, name), 4) for name in names}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def gold_triples(document: EcbDocument, entities: set[str]) -> dict[tuple[str, int], set[str]]:
    """(entity, sentence) -> the forms of the entity's mentions there, for scored sentences with actions."""
    triples: dict[tuple[str, int], set[str]] = {}
    for participant in document.participants:
        sentence = participant.sentence
        if participant.entity not in entities or sentence not in document.scored:
            continue
        if sentence not in document.action_sentences:
            continue
        triples.setdefault((participant.entity, sentence), set()).add(participant.form)
    return triples


def score_document(
    document: EcbDocument,
    entities: Sequence[EntityGold],
    candidates: Sequence[Any],
    errors: list[str] | None = None,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> EcbCounts:
    """Counts for one document: its candidates (events.Candidate) against its gold triples.

    `aliases`: each actor's names (its name first), as in `ArticleOutput.actors`; an actor not in
    it goes by its name alone.
    """
    from generator.evaluation.events import date_matches, names_entity

    # the topic's cross-document entities, and this document's own chains
    entities = [
        entity for entity in entities if "/" not in entity.key or entity.key.startswith(f"{document.docid}/")
    ]
    gold = gold_triples(document, {entity.key for entity in entities})
    text = document.text
    sentences = split_sentences(text)
    predicted: dict[tuple[str, int], list[Any]] = {}
    naming: dict[tuple[str, int], set[str]] = {}  # (entity, sentence) -> the actors that name it there
    named: dict[tuple[str, int], set[str]] = {}  # (actor, sentence) -> the entities it names there
    actors_read: dict[int, set[str]] = {}  # sentence -> the actors of our events there
    for candidate in candidates:
        offset = _quote_offset(text, sentences, candidate)
        sentence = document.sentence_at(offset) if offset is not None else None
        if sentence is None or sentence not in document.scored:
            continue
        actors_read.setdefault(sentence, set()).update(candidate.actors)
        for actor, names in _actor_names(candidate, aliases):
            for entity in entities:
                if names_entity(entity.names, names):
                    predicted.setdefault((entity.key, sentence), []).append(candidate)
                    naming.setdefault((entity.key, sentence), set()).add(actor)
                    named.setdefault((actor, sentence), set()).add(entity.key)

    def names_a_gold_entity(actor: str, sentence: int) -> bool:
        return any((entity, sentence) in gold for entity in named[(actor, sentence)])

    # The gold may split one person into several keys (a chain, and a mention left out of it):
    # an actor that names an entity of its sentence is no false positive for the other keys.
    predicted = {
        key: found
        for key, found in predicted.items()
        if key in gold or not all(names_a_gold_entity(actor, key[1]) for actor in naming[key])
    }
    tp = dated_gold = dated_right = 0
    for key, found in predicted.items():
        if key not in gold:
            if errors is not None:
                errors.append(f"false positive {document.docid}:{key[1]} {key[0]}: {found[0].actors}")
            continue
        tp += 1
        golds = document.sentence_dates.get(key[1], ())
        if golds:
            dated_gold += 1
            if any(date_matches(g, c.date, c.date_source) for g in golds for c in found):
                dated_right += 1
            elif errors is not None:
                errors.append(f"wrong date {document.docid}:{key[1]} gold {golds} got {found[0].date}")
    pronoun = [key for key, forms in gold.items() if forms == {"pronoun"}]
    description = [key for key, forms in gold.items() if "name" not in forms and "description" in forms]
    if errors is not None:
        errors += [
            f"miss {document.docid}:{key[1]} {key[0]} {sorted(gold[key])}"
            f" read: {sorted(actors_read[key[1]]) if key[1] in actors_read else 'no event'}"
            for key in gold
            if key not in predicted
        ]
    return EcbCounts(
        tp=tp,
        fp=len(predicted) - tp,
        fn=len(gold) - tp,
        dated_gold=dated_gold,
        dated_right=dated_right,
        pronoun_gold=len(pronoun),
        pronoun_found=sum(key in predicted for key in pronoun),
        description_gold=len(description),
        description_found=sum(key in predicted for key in description),
    )


def _actor_names(
    candidate: Any, aliases: Mapping[str, Sequence[str]] | None
) -> list[tuple[str, Sequence[str]]]:
    return [(actor, (aliases or {}).get(actor, (actor,))) for actor in candidate.actors]


def _quote_offset(text: str, sentences: Sequence[Any], candidate: Any) -> int | None:
    hint = sentences[candidate.sentence] if 0 <= candidate.sentence < len(sentences) else None
    quote = candidate.quote.strip()
    if hint is not None and quote and quote in " ".join(hint.text.split()):
        return int(hint.start)
    if quote and (found := text.find(quote)) >= 0:
        return found
    return int(hint.start) if hint is not None else None


@dataclass(slots=True)
class EcbReport:
    """The ECB+/ESC figures: timelines per entity, references, dating and temporal tagging."""

    documents: int = 0
    counts: EcbCounts = field(default_factory=EcbCounts)
    esc_counts: EcbCounts = field(default_factory=EcbCounts)
    timex: dates_scoring.DatesReport | None = None
    errors: list[str] = field(default_factory=list)


Outputs = Callable[[Sequence[Article]], Iterable[tuple[Any, Sequence[TimeExpression]]]]


def evaluate(documents: Sequence[EcbDocument], outputs: Outputs) -> EcbReport:
    """Score the extractor's outputs (ArticleOutput, time expressions) for each document."""
    report = EcbReport(documents=len(documents))
    timex = dates_scoring.DatesReport(documents=0, counts=dates_scoring.Counts())
    by_topic: dict[str, list[EcbDocument]] = {}
    for document in documents:
        by_topic.setdefault(document.topic, []).append(document)
    entities = {topic: topic_entities(docs) for topic, docs in by_topic.items()}
    results = outputs([document.article() for document in documents])
    for document, (output, expressions) in zip(documents, results, strict=True):
        aliases = {names[0]: names for names in output.actors if names}
        counts = score_document(document, entities[document.topic], output.candidates, report.errors, aliases)
        report.counts += counts
        if document.has_esc:
            report.esc_counts += counts
        if document.has_esc and document.dct is not None:
            gold, found = _in_scored_sentences(document, document.timexes, expressions)
            score = dates_scoring.score_document(gold, found, document.dct, document.text)
            timex.documents += 1
            timex.counts.add(score.counts)
            dates_scoring.add_breakdowns(timex, score)
    report.timex = timex
    return report


def _in_scored_sentences(
    document: EcbDocument, gold: Sequence[GoldTimex], found: Sequence[TimeExpression]
) -> tuple[list[GoldTimex], list[TimeExpression]]:
    """The gold and tagged times of the sentences the annotators looked at, as the actors are scored.

    A time ESC marked elsewhere (a creation time in a page's stamp line) has no tagged time to meet it.
    """
    scored = document.scored
    return (
        [item for item in gold if document.sentence_at(item.start) in scored],
        [item for item in found if document.sentence_at(item.start) in scored],
    )


def pipeline_outputs(nlp: Any) -> Outputs:
    """The extractor run over the articles in one `nlp.pipe`: (ArticleOutput, time expressions) each."""
    from generator.evaluation.events import output_of
    from generator.extract.article import extract_article
    from generator.extract.pipeline import article_docs

    def run(articles: Sequence[Article]) -> Iterable[tuple[Any, Sequence[TimeExpression]]]:
        for doc, article in nlp.pipe(article_docs(nlp, articles), as_tuples=True, batch_size=16):
            extraction = extract_article(article, nlp=nlp, doc=doc)
            yield output_of(extraction), tuple(doc._.timexes or ())

    return run


def run(data_dir: Path, nlp: Any, topics: Iterable[str] | None = None) -> EcbReport | None:
    """Read ECB+/ESC under `data_dir` and score the extractor on it; None when the data is absent."""
    root = find_root(data_dir)
    if root is None:
        return None
    return evaluate(read_documents(root, topics), pipeline_outputs(nlp))


def format_report(report: EcbReport, worst: int = 0) -> str:
    """The ECB+/ESC figures as text."""
    lines = [f"ECB+ / ESC: {report.documents} documents, sentence level (people and organisations)"]
    header = f"{'':22}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>7}{'R':>7}{'F1':>7}{'date':>7}{'dated F1':>10}"
    lines += [header, "-" * len(header)]
    for label, counts in (("ECB+ (all)", report.counts), ("ESC documents", report.esc_counts)):
        lines.append(
            f"{label:22}{counts.tp + counts.fn:>6}{counts.tp + counts.fp:>6}{counts.tp:>6}"
            f"{counts.precision:>7.2f}{counts.recall:>7.2f}{counts.f1:>7.2f}{counts.date_accuracy:>7.2f}"
            f"{counts.dated_f1:>10.2f}"
        )
    counts = report.counts
    lines.append(
        f"pronoun-only mentions found {counts.pronoun_only:.2f} "
        f"({counts.pronoun_found}/{counts.pronoun_gold}), description-only "
        f"{counts.description_only:.2f} ({counts.description_found}/{counts.description_gold})"
    )
    if report.timex is not None:
        timex = report.timex
        relaxed = timex.relaxed
        lines.append(
            f"ESC temporal tagging ({timex.documents} docs, {timex.counts.gold} gold): relaxed P "
            f"{relaxed.precision:.3f} R {relaxed.recall:.3f} F1 {relaxed.f1:.3f}, value accuracy "
            f"{timex.value_accuracy:.3f}, value F1 {timex.value_f1:.3f}"
        )
    lines.append(
        f"targets: F1 >= {TARGETS['f1']:.2f}, date accuracy >= {TARGETS['date_accuracy']:.2f}, dated F1 >= "
        f"{TARGETS['dated_f1']:.2f}, pronoun-only >= {TARGETS['pronoun_only']:.2f}, "
        f"ESC value F1 >= {TARGETS['value_f1']:.2f}"
    )
    if worst and report.timex is not None:
        lines += dates_scoring._format_counter("ESC most missed", report.timex.missed, worst)
        lines += dates_scoring._format_counter("ESC false alarms", report.timex.spurious, worst)
        lines += dates_scoring._format_counter("ESC wrong values", report.timex.wrong_values, worst)
    return "\n".join(lines)


def report_json(report: EcbReport) -> dict[str, Any]:
    """The report as JSON-ready data, errors included."""
    data: dict[str, Any] = {
        "documents": report.documents,
        "all": report.counts.as_dict(),
        "esc": report.esc_counts.as_dict(),
        "errors": report.errors,
    }
    if report.timex is not None:
        data["esc_timex"] = {
            "documents": report.timex.documents,
            "relaxed_f1": round(report.timex.relaxed.f1, 4),
            "value_accuracy": round(report.timex.value_accuracy, 4),
            "value_f1": round(report.timex.value_f1, 4),
        }
    return data
