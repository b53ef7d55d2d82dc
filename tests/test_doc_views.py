"""The token, sentence and text lists made once per Doc: the same as spaCy's, and gone after the pipeline."""

from __future__ import annotations

import datetime as dt
import gc
import weakref

from generator.extract.doc_views import (
    children_of,
    entities_of,
    lefts_of,
    made_once,
    made_once_for,
    release_views,
    rights_of,
    sentence_at,
    sentences_of,
    span_root,
    subtree_of,
    text_of,
    tokens_in,
    tokens_of,
)
from generator.extract.pipeline import article_doc
from generator.model import Article

TEXT = (
    "Lavrov meets Kim Jong Un in Wonsan\n\n"
    "Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un on Saturday. "
    "He arrived in Wonsan on Friday."
)


def _article() -> Article:
    return Article(slug="lavrov", title=TEXT.splitlines()[0], published=dt.date(2025, 7, 12), text=TEXT)


def test_the_views_are_what_spacy_gives(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(article_doc(nlp, _article()))
    assert [token.i for token in tokens_of(doc)] == [token.i for token in doc]
    assert [(s.start, s.end) for s in sentences_of(doc)] == [(s.start, s.end) for s in doc.sents]
    assert text_of(doc) == doc.text
    assert tokens_of(doc) is tokens_of(doc)  # made once
    release_views(doc)


def test_the_tree_views_are_what_spacy_gives(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(article_doc(nlp, _article()))
    for token in tokens_of(doc):
        assert [child.i for child in children_of(token)] == [child.i for child in token.children]
        assert [child.i for child in lefts_of(token)] == [child.i for child in token.lefts]
        assert [child.i for child in rights_of(token)] == [child.i for child in token.rights]
        assert [word.i for word in subtree_of(token)] == [word.i for word in token.subtree]
    release_views(doc)


def test_a_subtree_keeps_spacys_order_in_a_non_projective_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    # "b" hangs on "d" across the arc from "a" to "c": the subtree of "c" is no slice of the Doc
    doc = Doc(nlp.vocab, words=["a", "b", "c", "d"], heads=[2, 3, 2, 2], deps=["dep", "dep", "ROOT", "dep"])
    assert [word.i for word in subtree_of(doc[2])] == [word.i for word in doc[2].subtree] == [0, 2, 1, 3]


def test_the_made_once_views_are_what_spacy_gives(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(article_doc(nlp, _article()))
    assert [(e.start, e.end, e.label_) for e in entities_of(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    for token in doc:
        assert (sentence_at(doc, token.i).start, sentence_at(doc, token.i).end) == (
            token.sent.start,
            token.sent.end,
        )
    for sent in doc.sents:
        assert [token.i for token in tokens_in(sent)] == [token.i for token in sent]
    made: list[int] = []

    def length(doc):  # type: ignore[no-untyped-def]
        made.append(len(doc))
        return len(doc)

    assert made_once(doc, "test", length) == made_once(doc, "test", length) == len(doc)
    assert made == [len(doc)]  # made once
    release_views(doc)
    assert made_once(doc, "test", lambda doc: 0) == 0  # released: made again
    release_views(doc)


def test_the_pipeline_leaves_no_view_on_the_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    # a Token refers to its Doc: a list of them left in user_data would keep the Doc in a cycle
    doc = nlp(article_doc(nlp, _article()))
    assert doc._.extraction is not None and doc._.extraction.events
    views = ("timeline_text", "timeline_made_once")
    assert not [key for key in doc.user_data if "_list" in str(key) or key in views]
    gc.collect()
    gc.disable()
    try:
        alive = weakref.ref(doc)
        del doc
        assert alive() is None, "the Doc outlived its last reference (a cycle)"
    finally:
        gc.enable()


def test_a_value_per_key_and_a_spans_root_are_made_once(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(article_doc(nlp, _article()))
    made: list[int] = []
    for key in (1, 2, 1):
        assert made_once_for(doc, "test_keyed", key, lambda key=key: made.append(key) or key * 10) == key * 10
    assert made == [1, 2]  # each key made once
    for ent in doc.ents:
        root = span_root(doc, ent.start, ent.end)
        assert root.i == ent.root.i
        assert span_root(doc, ent.start, ent.end) is root
    release_views(doc)
