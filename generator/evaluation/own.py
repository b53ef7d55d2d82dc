"""Our own annotated news (`tests/own_news/`): articles written for the project, scored like SemEval.

Layout: `<root>/<domain>/<slug>.md` is an article (front matter `title` and `date`) and
`<slug>.gold.yml` maps each target entity to the sentences where it takes part in an event:
`- [date, snippet]`, the snippet verbatim text of one sentence, the date TIMEX3-style at the text's
precision or `XXXX-XX-XX` (see `tests/own_news/README.md` for what counts as an event).

The extractor reads the article as written (paragraphs, dateline). The gold sentences are those of
the project's NLP-free splitter (`generator.text.split_sentences`), each a gold line of a SemEval
document, so placing and scoring are the SemEval evaluation's (`events.place`, `events.score_entity`):
per entity and per article, at sentence level, with date accuracy at the gold's precision. Each
domain is a corpus row; the totals are micro-averages over all entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.errors import ContentError
from generator.evaluation import events, semeval
from generator.ingest.articles import read_article
from generator.model import Article
from generator.text import split_sentences

OWN_NEWS_DIR = Path(__file__).resolve().parents[2] / "tests" / "own_news"
GOLD_SUFFIX = ".gold.yml"


@dataclass(frozen=True, slots=True)
class OwnArticle:
    """One annotated article: its domain, the article, its sentences as gold lines, its gold timelines."""

    domain: str
    article: Article
    document: semeval.SemEvalDocument
    timelines: tuple[semeval.GoldTimeline, ...]


def read_corpus(root: Path = OWN_NEWS_DIR) -> list[OwnArticle]:
    """Every article under `root` that has a gold file, domain by domain, in name order."""
    return [read_own_article(path) for path in sorted(root.glob(f"*/*{GOLD_SUFFIX}"))]


def read_own_article(gold_path: Path) -> OwnArticle:
    """Read the article next to `gold_path` and resolve its gold snippets to sentences."""
    slug = gold_path.name.removesuffix(GOLD_SUFFIX)
    article = read_article(gold_path.with_name(f"{slug}.md"))
    document = as_document(article)
    timelines = read_gold(gold_path, document)
    return OwnArticle(gold_path.parent.name, article, document, timelines)


def as_document(article: Article) -> semeval.SemEvalDocument:
    """The article as a SemEval document: one gold line per sentence of our splitter."""
    lines = tuple(semeval.GoldLine(s.index, s.text) for s in split_sentences(article.text))
    return semeval.SemEvalDocument(article.slug, article.published, article.title, lines)


def read_gold(path: Path, document: semeval.SemEvalDocument) -> tuple[semeval.GoldTimeline, ...]:
    """The gold timelines of a gold file; a snippet in no sentence, or in two, is a ContentError."""
    with open(path, encoding="utf-8") as handle:
        data = YAML(typ="safe").load(handle) or {}
    if not isinstance(data, dict):
        raise ContentError(path, "a gold file maps each entity to a list of [date, snippet]")
    timelines = []
    for entity, rows in data.items():
        entries = tuple(
            semeval.GoldEntry(order, str(date), (_mention(path, document, str(snippet)),))
            for order, (date, snippet) in enumerate(rows)
        )
        timelines.append(semeval.GoldTimeline(str(entity), (str(entity),), entries))
    return tuple(timelines)


def _mention(path: Path, document: semeval.SemEvalDocument, snippet: str) -> semeval.GoldMention:
    holding = [line.gold_id for line in document.lines if snippet in line.text]
    if len(holding) != 1 or holding[0] is None:
        where = "no sentence" if not holding else f"{len(holding)} sentences"
        raise ContentError(path, f"the snippet {snippet!r} is in {where} of the article")
    return semeval.GoldMention(document.docid, holding[0], snippet)


def evaluate(articles: Sequence[OwnArticle], extractor: events.Extractor, mode: str) -> events.EventsReport:
    """Extract every article and score its entities; one corpus row per domain."""
    by_domain: dict[str, list[events.EntityScore]] = {}
    for own in articles:
        by_domain.setdefault(own.domain, []).extend(score_article(own, extractor))
    corpora = tuple(events.CorpusResult(domain, tuple(scores)) for domain, scores in by_domain.items())
    return events.EventsReport(mode, corpora)


def score_article(own: OwnArticle, extractor: events.Extractor) -> list[events.EntityScore]:
    """Entity scores of one article: its events placed on its sentences, scored per target entity."""
    placed = events.place(own.document, extractor(own.article).candidates)
    corpus = semeval.SemEvalCorpus(own.domain, {own.document.docid: own.document}, own.timelines)
    return [events.score_entity(corpus, timeline, placed) for timeline in own.timelines]
