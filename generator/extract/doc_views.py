"""The tokens, sentences and text of a Doc, made once for all the timeline components that read them.

spaCy makes a new Token object on every iteration over a Doc, and rebuilds `doc.sents` and joins
`doc.text` from every token on every use; the components walk each article's Doc more than a
dozen times. The lists live in
`doc.user_data` until `release_views(doc)`, which the last component calls: a Token refers back to
its Doc, so lists left on the Doc would keep it (and its tensor) alive until the garbage
collector finds the cycle. Build them only once the parse is final (after `timeline_headline_case`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TOKENS = "timeline_token_list"
_SENTENCES = "timeline_sentence_list"
_TEXT = "timeline_text"


def tokens_of(doc: Doc) -> list[Token]:
    """`list(doc)`, made once per Doc."""
    tokens: list[Token] | None = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens


def sentences_of(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, made once per Doc."""
    sentences: list[Span] | None = doc.user_data.get(_SENTENCES)
    if sentences is None:
        sentences = doc.user_data[_SENTENCES] = list(doc.sents)
    return sentences


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per Doc."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def release_views(doc: Doc) -> None:
    """Drop the lists, so that the Doc is freed as soon as nothing else holds it."""
    doc.user_data.pop(_TOKENS, None)
    doc.user_data.pop(_SENTENCES, None)
    doc.user_data.pop(_TEXT, None)
