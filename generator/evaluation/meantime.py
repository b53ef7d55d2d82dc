"""MEANTIME (NewsReader, English Wikinews) as articles, and actor recall against its gold participants.

Each `intra_cross-doc_annotation/corpus_*/<doc>.xml` is read as an Article: its tokens grouped by
their `sentence` attribute, natural spacing restored, one sentence per line (sentence 0 is the
headline, sentence 1 the dateline), published on the CREATION_TIME TIMEX3.

Gold participants of a document: the ENTITY instances of type PER, ORG or LOC that fill a role of
some event (one of their mentions, linked by REFERS_TO, is the target of a HAS_PARTICIPANT) and are
named at least once (a mention with syntactic_type NAM): our actors are names, so an entity only
ever called "the company" or "analysts" is not expected. An entity mentioned inside a participant's
span is a participant too: coordinations ("Northrop Grumman and Airbus parent EADS") are annotated
as one mention. Each participant counts once per document.

Actor recall = found / gold participants, where a participant is found when one of its names (the
instance's TAG_DESCRIPTOR and the text of its NAM mentions) matches one of the document's extracted
actor names or aliases, case-insensitively with head-word matching ("Gallois" ~ "Louis Gallois";
the matcher is `generator.evaluation.events.names_match`).
Actor precision = extracted actors (per document, distinct) that match any gold entity of the
document, of any type (PRO and FIN included) and under any of its mention texts, / extracted actors.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.evaluation.semeval import detokenize
from generator.model import Article

if TYPE_CHECKING:
    from generator.evaluation.events import ArticleOutput

MEANTIME_DIR = "meantime_en"
PARTICIPANT_TYPES = frozenset({"PER", "ORG", "LOC"})
NameMatcher = Callable[[str, str], bool]


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One gold entity of a document: type, its names (descriptor + NAM mentions), all mention texts."""

    key: str
    type: str
    names: tuple[str, ...]
    mentions: tuple[str, ...]
    named: bool
    participant: bool


@dataclass(frozen=True, slots=True)
class MeantimeDocument:
    """A MEANTIME document: article text (one sentence per line) and its gold entities."""

    docid: str
    corpus: str
    dct: dt.date
    title: str
    text: str
    entities: tuple[GoldEntity, ...]

    def article(self) -> Article:
        """The document as an Article."""
        return Article(slug=f"meantime-{self.docid}", title=self.title, published=self.dct, text=self.text)

    @property
    def participants(self) -> tuple[GoldEntity, ...]:
        return tuple(e for e in self.entities if e.type in PARTICIPANT_TYPES and e.participant and e.named)


@dataclass(frozen=True, slots=True)
class ActorCounts:
    """Actor recall and precision counts over documents."""

    documents: int = 0
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    def __add__(self, other: ActorCounts) -> ActorCounts:
        return ActorCounts(
            self.documents + other.documents,
            self.gold + other.gold,
            self.found + other.found,
            self.predicted + other.predicted,
            self.correct + other.correct,
        )

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Counts and rates, for JSON."""
        return {
            "documents": self.documents,
            "gold": self.gold,
            "found": self.found,
            "predicted": self.predicted,
            "correct": self.correct,
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
        }


def find_root(data_dir: Path) -> Path | None:
    """The folder holding the `corpus_*` folders of annotated MEANTIME documents, or None."""
    base = data_dir / MEANTIME_DIR
    if not base.is_dir():
        return None
    return next((path for path in sorted(base.rglob("intra_cross-doc_annotation")) if path.is_dir()), None)


def read_documents(root: Path) -> list[MeantimeDocument]:
    """All documents of all `corpus_*` folders under `root`."""
    return [read_document(path) for path in sorted(root.glob("corpus_*/*.xml"))]


def read_document(path: Path) -> MeantimeDocument:
    """Read one MEANTIME XML document."""
    with open(path, encoding="utf-8") as handle:
        root = ET.fromstring(handle.read())
    tokens = {token.get("t_id", ""): token for token in root.iter("token")}
    lines: dict[int, list[str]] = {}
    for token in tokens.values():
        lines.setdefault(int(token.get("sentence") or 0), []).append(token.text or "")
    text_lines = [detokenize(" ".join(words)) for _, words in sorted(lines.items())]
    return MeantimeDocument(
        docid=root.get("doc_id") or path.stem.split("_")[0],
        corpus=path.parent.name.removeprefix("corpus_"),
        dct=_creation_date(root, path),
        title=text_lines[0] if text_lines else path.stem,
        text="\n".join(text_lines),
        entities=_entities(root, tokens),
    )


def _creation_date(root: ET.Element, path: Path) -> dt.date:
    # The CREATION_TIME TIMEX3; a few documents lack it, then the date on the dateline (sentence 1).
    dateline = {t.get("t_id") for t in root.iter("token") if t.get("sentence") == "1"}
    ranked: list[tuple[int, dt.date]] = []
    for timex in root.iter("TIMEX3"):
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", timex.get("value") or "")
        if not match:
            continue
        on_dateline = any(a.get("t_id") in dateline for a in timex.iter("token_anchor"))
        rank = 0 if timex.get("functionInDocument") == "CREATION_TIME" else 1 if on_dateline else 2
        ranked.append((rank, dt.date(*(int(part) for part in match.groups()))))
    if not ranked:
        raise ValueError(f"{path}: no creation time")
    return min(ranked, key=lambda item: item[0])[1]


def _entities(root: ET.Element, tokens: dict[str, ET.Element]) -> tuple[GoldEntity, ...]:
    markables = root.find("Markables")
    mentions = {
        m.get("m_id", ""): m
        for m in (markables.iter("ENTITY_MENTION") if markables is not None else ())
        if len(m)
    }
    targets = _participant_mentions(root, mentions)
    entities = []
    for entity in root.iter("ENTITY"):
        key = entity.get("m_id", "")
        sources = [
            source.get("m_id", "")
            for rel in root.iter("REFERS_TO")
            if any(t.get("m_id") == key for t in rel.iter("target"))
            for source in rel.iter("source")
        ]
        own = [mentions[m] for m in sources if m in mentions]
        named = [_mention_text(m, tokens) for m in own if m.get("syntactic_type") == "NAM"]
        descriptor = entity.get("TAG_DESCRIPTOR") or ""
        entities.append(
            GoldEntity(
                key=entity.get("instance_id") or key,
                type=entity.get("ent_type") or "",
                names=tuple(dict.fromkeys(name for name in (descriptor, *named) if name)),
                mentions=tuple(dict.fromkeys(_mention_text(m, tokens) for m in own)),
                named=bool(named),
                participant=any(m in targets for m in sources),
            )
        )
    return tuple(entities)


def _participant_mentions(root: ET.Element, mentions: dict[str, ET.Element]) -> set[str]:
    # Targets of HAS_PARTICIPANT, and the mentions inside them ("Northrop Grumman and EADS").
    targets = {
        target.get("m_id", "") for rel in root.iter("HAS_PARTICIPANT") for target in rel.iter("target")
    }
    spans = {key: {a.get("t_id") for a in mention.iter("token_anchor")} for key, mention in mentions.items()}
    for key in [target for target in targets if target in spans]:
        targets |= {other for other, span in spans.items() if span and span <= spans[key]}
    return targets


def _mention_text(mention: ET.Element, tokens: dict[str, ET.Element]) -> str:
    words = [
        tokens[a.get("t_id", "")].text or "" for a in mention.iter("token_anchor") if a.get("t_id") in tokens
    ]
    return detokenize(" ".join(words))


def score_document(
    document: MeantimeDocument, actors: Sequence[tuple[str, ...]], match: NameMatcher
) -> tuple[ActorCounts, list[str]]:
    """Actor counts for one document, and the gold participants we missed ('doc: name (TYPE)')."""
    found, misses = 0, []
    for entity in document.participants:
        if _any_match(entity.names, actors, match):
            found += 1
        else:
            misses.append(f"{document.docid}: {entity.names[0]} ({entity.type})")
    every_name = [(*e.names, *e.mentions) for e in document.entities]
    correct = sum(1 for actor in actors if any(_any_match(names, [actor], match) for names in every_name))
    counts = ActorCounts(1, len(document.participants), found, len(actors), correct)
    return counts, misses


def _any_match(gold_names: Iterable[str], actors: Iterable[tuple[str, ...]], match: NameMatcher) -> bool:
    gold_names = tuple(gold_names)
    return any(match(gold, name) for actor in actors for name in actor for gold in gold_names)


def actor_recall(
    documents: Iterable[MeantimeDocument], extractor: Callable[[Article], ArticleOutput], match: NameMatcher
) -> tuple[ActorCounts, list[str]]:
    """Extract every document and total actor recall and precision; also the list of misses."""
    total, misses = ActorCounts(), []
    for document in documents:
        output = extractor(document.article())
        counts, missed = score_document(document, output.actors, match)
        total += counts
        misses += missed
    return total, misses
