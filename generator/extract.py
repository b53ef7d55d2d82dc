"""One article in, its events and actors out: the NLP half of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .actors import ActorRegistry, find_actor_mentions
from .dates import find_time_expressions
from .events import extract_events
from .model import Actor, Article, Event
from .nlp import load_pipeline

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
    article: Article, nlp: Language | None = None, registry: ActorRegistry | None = None, doc: Doc | None = None
) -> ArticleExtraction:
    """Extract `article`'s events; new actors and aliases are added to `registry`."""
    registry = registry if registry is not None else ActorRegistry()
    if doc is None:
        doc = (nlp or load_pipeline())(article.text)
    known = set(registry.actors)
    mentions = find_actor_mentions(doc, registry)
    expressions = find_time_expressions(doc, article.published)
    events = extract_events(article, doc, mentions, expressions, registry)
    names = {name for event in events for name in event.actors}
    # A name no event uses (a place, a Title Case phrase NER took for a name) is not an actor.
    registry.remove(set(registry.actors) - known - names)
    actors = [actor for name, actor in registry.actors.items() if name in names]
    return ArticleExtraction(article, events, actors)
