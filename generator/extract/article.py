"""One article in, its events and proposed actors out: a pure function of the article and the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.actors.mentions import ActorMention, find_actor_mentions, find_references
from generator.extract.doc_views import release_views
from generator.extract.events.clauses import extract_events
from generator.extract.timex.dateline import story_date, with_story_date
from generator.extract.timex.tagger import find_time_expressions
from generator.model import Article, ArticleExtraction, TimeExpression
from generator.registry import ActorRegistry, resolve_extractions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def extract_article(
    article: Article,
    nlp: Language | None = None,
    registry: ActorRegistry | None = None,
    doc: Doc | None = None,
) -> ArticleExtraction:
    """`article`'s events and actors; with a `registry`, names resolved through it (never changed)."""
    if doc is None:
        from generator.extract.pipeline import article_doc, load_pipeline

        nlp = nlp or load_pipeline()
        doc = nlp(article_doc(nlp, article))
    extraction = doc._.extraction if doc.has_extension("extraction") else None
    if extraction is None or extraction.slug != article.slug:
        extraction = _extract_from_doc(article, doc)
    if registry is None:
        return extraction
    _, [resolved] = resolve_extractions(registry, [extraction])
    return resolved


def extraction_of(
    article: Article,
    doc: Doc,
    mentions: list[ActorMention],
    local: ActorRegistry,
    expressions: list[TimeExpression],
) -> ArticleExtraction:
    """The extraction of a Doc whose mentions resolved through the article's own registry `local`."""
    # the story's own date (its dateline's) dates what the text leaves undated
    events = extract_events(with_story_date(article), doc, mentions, expressions)
    names = dict.fromkeys(name for event in events for name in event.actors)
    # A name no event uses (a place, a Title Case phrase NER took for a name) is not proposed.
    actors = tuple(local.actors[name] for name in names if name in local.actors)
    definite = tuple(name for name in names if name in local.said_with_the)
    return ArticleExtraction(article.slug, tuple(events), actors, definite)


def _extract_from_doc(article: Article, doc: Doc) -> ArticleExtraction:
    """For a Doc made without the timeline components (e.g. a plain `nlp.pipe` over texts)."""
    try:
        expressions = find_time_expressions(doc, story_date(article))
        local = ActorRegistry()
        mentions = find_references(doc, find_actor_mentions(doc, local))
        return extraction_of(article, doc, mentions, local, expressions)
    finally:
        release_views(doc)
