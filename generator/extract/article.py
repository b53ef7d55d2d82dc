"""One article in, its events and actors out: the NLP half of the pipeline."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.errors import ArticleError, ContentError
from generator.extract.actors.mentions import find_actor_mentions, find_references
from generator.extract.events.clauses import extract_events
from generator.extract.pipeline import load_pipeline
from generator.extract.timex.tagger import find_time_expressions
from generator.ingest.articles import find_articles, read_article
from generator.model import Actor, Article, Event
from generator.registry import ActorRegistry
from generator.store.content import Content, content_lock
from generator.store.events import save_article_events
from generator.store.registry import load_registry, save_registry
from generator.text import prose_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """What extraction found in one article."""

    article: Article
    events: list[Event]
    actors: list[Actor]


def extract_article(
    article: Article,
    nlp: Language | None = None,
    registry: ActorRegistry | None = None,
    doc: Doc | None = None,
) -> ArticleExtraction:
    """Extract `article`'s events; new actors and aliases are added to `registry`."""
    registry = registry if registry is not None else ActorRegistry()
    if doc is None:
        doc = (nlp or load_pipeline())(prose_text(article.text))
    known = set(registry.actors)
    mentions = find_references(doc, find_actor_mentions(doc, registry))
    expressions = find_time_expressions(doc, article.published)
    events = extract_events(article, doc, mentions, expressions)
    names = {name for event in events for name in event.actors}
    # A name no event uses (a place, a Title Case phrase NER took for a name) is not an actor.
    registry.remove(set(registry.actors) - known - names)
    actors = [actor for name, actor in registry.actors.items() if name in names]
    return ArticleExtraction(article, events, actors)


@dataclass(slots=True)
class ExtractionReport:
    """What a run over content/ did."""

    articles: int = 0
    events: int = 0
    files_changed: int = 0
    failures: list[str] = field(default_factory=list)


def extract_content(
    content: Content,
    model: str | None = None,
    progress: Callable[[Iterable[tuple[Article, Doc]]], Iterable[tuple[Article, Doc]]] | None = None,
) -> ExtractionReport:
    """Extract every article under content/articles into content/events and content/actors.yml.

    A broken article is reported and skipped, and nothing is written for it; the others go on.
    """
    report = ExtractionReport()
    with content_lock(content):
        registry = load_registry(content.actors)
        articles: list[Article] = []
        paths = find_articles(content.articles)
        for path in paths:
            try:
                articles.append(read_article(path))
            except ArticleError as error:
                report.failures.append(str(error))
        _refuse_duplicate_slugs(articles)
        nlp = load_pipeline(model)
        docs = nlp.pipe(prose_text(article.text) for article in articles)
        pairs: Iterable[tuple[Article, Doc]] = zip(articles, docs, strict=True)
        if progress is not None:
            pairs = progress(pairs)
        for article, doc in pairs:
            extraction = extract_article(article, registry=registry, doc=doc)
            try:
                report.files_changed += save_article_events(content, article.slug, extraction.events)
            except ContentError as error:
                # A person's broken events file is left as it is; the other articles go on.
                report.failures.append(str(error))
                continue
            report.articles += 1
            report.events += len(extraction.events)
        report.files_changed += save_registry(content.actors, registry)
    return report


def _refuse_duplicate_slugs(articles: list[Article]) -> None:
    seen: dict[str, Article] = {}
    for article in articles:
        if article.slug in seen:
            raise ArticleError(
                article.path or article.slug,
                f"has the same slug {article.slug!r} as {seen[article.slug].path}; rename one of them",
            )
        seen[article.slug] = article
