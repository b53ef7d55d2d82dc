"""Reading SemEval-2015 Task 4 (TimeLine): TimeML documents as articles, and gold per-entity timelines.

Layout under `<data>/semeval2015_task4_timeline/` (found wherever `SemEval2015-Task4-TimeLine` sits):

- airbus: `SemEval_Task4_data/corpus_1/corpus_trackA_TimeML/*.tml` and
  `SemEval_Task4_data/corpus_1/TimeLines_Gold_Standard/<entity>.txt`;
- apple (trial data): `Corpus-trial-data_task4_TimeML/*.tml` and `TimeLines_trial_data_task4_v1.2/*.txt`.

A document's `<s id=N>` elements are its gold sentences; their tokens are space-separated, so we
restore natural spacing ("Boeing 's" -> "Boeing's", "( X )" -> "(X)") and put one sentence per line.
The airbus documents have the headline as `<s id=0>`; the apple trial documents start at `<s id=1>`
(the dateline) and keep the headline only in `<EXTRAINFO>`: we still put it first so the article
reads like news, but it maps to no gold sentence and is not scored (the annotators never saw it).
Gold mentions with a mistyped document id are repaired when exactly one document id is a prefix of
it ("629292" -> 62929); those naming no document of the corpus are dropped (see `_resolve_docids`).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from generator.evaluation.timeml import parse_dct
from generator.model import Article, Sentence
from generator.text import split_sentences

SEMEVAL_DIR = "semeval2015_task4_timeline"
_ROOT_NAME = "SemEval2015-Task4-TimeLine"
# corpus name -> (TimeML folder, gold timelines folder, target entity list or "")
CORPORA: dict[str, tuple[str, str, str]] = {
    "airbus": (
        "SemEval_Task4_data/corpus_1/corpus_trackA_TimeML",
        "SemEval_Task4_data/corpus_1/TimeLines_Gold_Standard",
        "SemEval_Task4_data/corpus_1/list_target_entities_corpus_1.txt",
    ),
    "apple": ("Corpus-trial-data_task4_TimeML", "TimeLines_trial_data_task4_v1.2", ""),
}


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold event mention: document, gold sentence id and the event's token."""

    docid: str
    sentence: int
    token: str


@dataclass(frozen=True, slots=True)
class GoldEntry:
    """One line of a gold timeline: its order, TIMEX3-ish date and the mentions of the event."""

    order: int
    date: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class GoldTimeline:
    """The gold timeline of one target entity; `names` are the spellings the entity goes by."""

    entity: str
    names: tuple[str, ...]
    entries: tuple[GoldEntry, ...]


@dataclass(frozen=True, slots=True)
class GoldLine:
    """One line of a document's article text, and the gold sentence id it comes from (None: unscored)."""

    gold_id: int | None
    text: str


@dataclass(frozen=True, slots=True)
class SemEvalDocument:
    """A TimeML document turned into article lines (headline first) with its creation date."""

    docid: str
    dct: dt.date
    title: str
    lines: tuple[GoldLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def article(self, corpus: str = "semeval") -> Article:
        """The document as an Article: title = headline, published = DCT, one sentence per line."""
        return Article(slug=f"{corpus}-{self.docid}", title=self.title, published=self.dct, text=self.text)


@dataclass(frozen=True, slots=True)
class SemEvalCorpus:
    """One SemEval corpus: its documents by id and the gold timelines of its target entities."""

    name: str
    documents: dict[str, SemEvalDocument]
    timelines: tuple[GoldTimeline, ...]


def find_root(data_dir: Path) -> Path | None:
    """The `SemEval2015-Task4-TimeLine` folder under `data_dir`, or None when absent."""
    base = data_dir / SEMEVAL_DIR
    if not base.is_dir():
        return None
    for candidate in (base / "data" / _ROOT_NAME, base / _ROOT_NAME, base):
        if (candidate / CORPORA["airbus"][0]).is_dir() or (candidate / CORPORA["apple"][0]).is_dir():
            return candidate
    return next((path for path in base.rglob(_ROOT_NAME) if path.is_dir()), None)


def read_corpus(root: Path, name: str) -> SemEvalCorpus:
    """Read corpus `name` ('airbus' or 'apple') from the SemEval root folder."""
    tml_dir, gold_dir, targets_file = CORPORA[name]
    documents = {doc.docid: doc for doc in map(read_document, sorted((root / tml_dir).glob("*.tml")))}
    targets = _read_targets(root / targets_file) if targets_file else []
    timelines = tuple(
        _resolve_docids(read_timeline(path, targets), set(documents))
        for path in sorted((root / gold_dir).glob("*.txt"))
    )
    return SemEvalCorpus(name=name, documents=documents, timelines=timelines)


def read_document(path: Path) -> SemEvalDocument:
    """Read one TimeML file: DCT, headline and its `<s>` sentences, detokenized."""
    with open(path, encoding="utf-8") as handle:
        root = ET.fromstring(handle.read())
    docid = (root.findtext("DOCID") or "").strip() or path.stem.split("_")[0].split("-")[0]
    sentences = [
        GoldLine(int(element.get("id") or index), detokenize(" ".join(element.itertext())))
        for index, element in enumerate(root.iter("s"))
    ]
    headline = detokenize(root.findtext("EXTRAINFO") or "")
    if sentences and sentences[0].gold_id == 0:
        title = sentences[0].text
    else:
        title = headline or (sentences[0].text if sentences else docid)
        if headline:
            sentences.insert(0, GoldLine(None, headline))
    lines = tuple(line for line in sentences if line.text)
    return SemEvalDocument(docid=docid, dct=parse_dct(root, path), title=title, lines=lines)


def read_timeline(path: Path, targets: list[str] | None = None) -> GoldTimeline:
    """Read one gold timeline file: the entity on line 1, then `order TAB date TAB mention...` lines."""
    with open(path, encoding="utf-8") as handle:
        rows = [line.rstrip("\n") for line in handle if line.strip()]
    first_line = rows[0].strip() if rows else path.stem.replace("_", " ")
    names = _entity_names(first_line, path.stem, targets or [])
    entries = tuple(entry for row in rows[1:] if (entry := _parse_entry(row)) is not None)
    # Shown as the target list spells it when the list has it (the first line can be misspelt).
    entity = names[1] if len(names) > 2 else first_line
    return GoldTimeline(entity=entity, names=names, entries=entries)


def _resolve_docids(timeline: GoldTimeline, docids: set[str]) -> GoldTimeline:
    # A few gold mentions have a mistyped document id ("629292" for 62929, "7142614" for 71426):
    # they go to the one document whose id is a prefix of it; mentions of documents that are not in
    # the corpus (the trial gold cites an unreleased 9590) are dropped, as no system could find them.
    entries = []
    for entry in timeline.entries:
        mentions = []
        for mention in entry.mentions:
            docid = resolve_docid(mention.docid, docids)
            if docid is not None:
                mentions.append(GoldMention(docid, mention.sentence, mention.token))
        if mentions:
            entries.append(GoldEntry(entry.order, entry.date, tuple(mentions)))
    return GoldTimeline(timeline.entity, timeline.names, tuple(entries))


def resolve_docid(docid: str, docids: set[str]) -> str | None:
    """`docid` if it is a document, else the one document id it starts with, else None."""
    if docid in docids:
        return docid
    prefixes = [known for known in docids if len(known) >= 4 and docid.startswith(known)]
    return prefixes[0] if len(prefixes) == 1 else None


def _parse_entry(row: str) -> GoldEntry | None:
    fields = row.split("\t")
    if len(fields) < 3:
        return None
    mentions = []
    for field in fields[2:]:
        parts = field.strip().split("-", 2)
        if len(parts) == 3 and parts[1].isdigit():
            mentions.append(GoldMention(docid=parts[0], sentence=int(parts[1]), token=parts[2]))
    order = int(fields[0]) if fields[0].strip().isdigit() else 0
    return GoldEntry(order=order, date=fields[1].strip(), mentions=tuple(mentions))


def _entity_names(entity: str, stem: str, targets: list[str]) -> tuple[str, ...]:
    # The first line can be misspelt ("United States Air Froce"): the file name and the target list
    # entry with the same letters are alternative spellings of the same entity.
    from_stem = stem.replace("_", " ")
    names = [entity, *(target for target in targets if _letters(target) == _letters(from_stem)), from_stem]
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(name.lower(), name)
    return tuple(unique.values())


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _read_targets(path: Path) -> list[str]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip()]


# --- detokenization -------------------------------------------------------------------------

_NO_SPACE_BEFORE = frozenset(",.;:!?%)]}") | {"'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "...", "'"}
_NO_SPACE_AFTER = frozenset("([{$#")
_QUOTES = frozenset({'"', "``", "''", "“", "”"})


def detokenize(tokenized: str) -> str:
    """Restore natural spacing in space-separated tokens: "Boeing 's ( X ) ," -> "Boeing's (X),"."""
    tokens = re.sub(r" ' (s|re|ve|ll|d|m)\b", r" '\1", " ".join(tokenized.split())).split()
    out: list[str] = []
    glue_next = False
    quote_open = False
    for token in tokens:
        if token in _QUOTES:
            token = '"'
            glue = quote_open  # a closing quote sticks to the word before it
            quote_open = not quote_open
            out.append(token if glue or not out else " " + token)
            glue_next = quote_open
            continue
        glue = glue_next or not out or token in _NO_SPACE_BEFORE
        out.append(token if glue else " " + token)
        glue_next = token in _NO_SPACE_AFTER
    return "".join(out)


# --- sentence alignment ---------------------------------------------------------------------


def line_starts(lines: tuple[GoldLine, ...]) -> list[int]:
    """Character offset of each line in the article text ("\\n"-joined)."""
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line.text) + 1
    return starts


def sentence_to_gold(document: SemEvalDocument) -> dict[int, int | None]:
    """Map each of our sentence indexes (split_sentences) to the gold sentence id holding it."""
    return {sentence.index: gold_id_at(document, sentence.start) for sentence in our_sentences(document)}


def our_sentences(document: SemEvalDocument) -> list[Sentence]:
    """Our splitter's sentences of the document's article text."""
    return split_sentences(document.text)


def gold_id_at(document: SemEvalDocument, offset: int) -> int | None:
    """The gold sentence id of the line containing character `offset`."""
    chosen: int | None = None
    for start, line in zip(line_starts(document.lines), document.lines, strict=True):
        if start > offset:
            break
        chosen = line.gold_id
    return chosen
