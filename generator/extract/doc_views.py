"""The tokens, sentences and text of a Doc, made once for all the timeline components that read them.

spaCy makes a new Token object on every iteration over a Doc, and rebuilds `doc.sents` and joins
`doc.text` from every token on every use; the components walk each article's Doc more than a
dozen times. The lists live in
`doc.user_data` until `release_views(doc)`, which the last component calls: a Token refers back to
its Doc, so lists left on the Doc would keep it (and its tensor) alive until the garbage
collector finds the cycle. Build them only once the parse is final (after `timeline_headline_case`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TOKENS = "timeline_token_list"
_SENTENCES = "timeline_sentence_list"
_TEXT = "timeline_text"
_CHILDREN = "timeline_children"  # each token's children, by token index
_MADE = "timeline_made_once"  # name -> value, for `made_once`

T = TypeVar("T")


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


def tokens_in(span: Span) -> list[Token]:
    """`list(span)`, sliced from the Doc's token list (iterating a Span makes new Tokens)."""
    return tokens_of(span.doc)[span.start : span.end]


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per Doc."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def made_once(doc: Doc, name: str, make: Callable[[Doc], T]) -> T:
    """`make(doc)`, made on the first call with `name` for this Doc and kept until `release_views`."""
    made: dict[str, Any] | None = doc.user_data.get(_MADE)
    if made is None:
        made = doc.user_data[_MADE] = {}
    if name not in made:
        made[name] = make(doc)
    value: T = made[name]
    return value


def made_once_for(doc: Doc, name: str, key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, made on the first call with `name` and `key` for this Doc (a value per token, span
    or expression that several rules ask for) and kept until `release_views`."""
    made: dict[Hashable, T] = made_once(doc, name, lambda doc: {})
    if key not in made:
        made[key] = make()
    return made[key]


def span_root(doc: Doc, start: int, end: int) -> Token:
    """`doc[start:end].root`, found once per span (each `doc[start:end]` makes a new Span)."""
    return made_once_for(doc, "span_roots", (start, end), lambda: doc[start:end].root)


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents` (which spaCy rebuilds on every access), made once per Doc."""
    return made_once(doc, "entities", lambda doc: tuple(doc.ents))


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, in order."""
    return made_once(doc, "sentence_starts", lambda doc: [sent.start for sent in sentences_of(doc)])


def sentence_at(doc: Doc, index: int) -> Span:
    """`doc[index].sent` without walking to the sentence's edges."""
    return sentences_of(doc)[bisect.bisect_right(sentence_starts(doc), index) - 1]


def children_of(token: Token) -> tuple[Token, ...]:
    """`tuple(token.children)`, from a table of every token's children made once per Doc (each
    walk of `Token.children`, `.lefts` or `.rights` makes new Tokens)."""
    doc = token.doc
    table: list[tuple[Token, ...]] | None = doc.user_data.get(_CHILDREN)
    if table is None:
        table = doc.user_data[_CHILDREN] = _children_table(doc)
    return table[token.i]


def lefts_of(token: Token) -> tuple[Token, ...]:
    """`tuple(token.lefts)`: the children before the token."""
    index = token.i
    return tuple(child for child in children_of(token) if child.i < index)


def rights_of(token: Token) -> tuple[Token, ...]:
    """`tuple(token.rights)`: the children after the token."""
    index = token.i
    return tuple(child for child in children_of(token) if child.i > index)


def _children_table(doc: Doc) -> list[tuple[Token, ...]]:
    from spacy.attrs import HEAD

    tokens = tokens_of(doc)
    children: dict[int, list[Token]] = {}
    # each head as its offset from the token, read in one call (`token.head` makes a new Token)
    offsets = doc.to_array(HEAD).astype("int64").tolist()
    for token, offset in zip(tokens, offsets, strict=True):  # in order, as spaCy gives the children
        if offset == 0:
            continue
        head = token.i + offset
        if head in children:
            children[head].append(token)
        else:
            children[head] = [token]
    table: list[tuple[Token, ...]] = [()] * len(tokens)  # a leaf's children: the one empty tuple
    for head, found in children.items():
        table[head] = tuple(found)
    return table


def subtree_of(token: Token) -> tuple[Token, ...]:
    """`tuple(token.subtree)`, made once per token (not a slice from the left to the right edge:
    a non-projective parse leaves gaps in it)."""
    return _subtree(token, made_once(token.doc, "subtrees", lambda doc: {}))


def _subtree(token: Token, subtrees: dict[int, tuple[Token, ...]]) -> tuple[Token, ...]:
    found = subtrees.get(token.i)
    if found is None:
        index = token.i
        children = children_of(token)
        words: list[Token] = []
        for child in children:
            if child.i < index:
                words.extend(_subtree(child, subtrees))
        words.append(token)
        for child in children:
            if child.i > index:
                words.extend(_subtree(child, subtrees))
        found = subtrees[index] = tuple(words)
    return found


def release_views(doc: Doc) -> None:
    """Drop the lists, so that the Doc is freed as soon as nothing else holds it."""
    doc.user_data.pop(_TOKENS, None)
    doc.user_data.pop(_SENTENCES, None)
    doc.user_data.pop(_TEXT, None)
    doc.user_data.pop(_CHILDREN, None)
    doc.user_data.pop(_MADE, None)


def span_text(span: Span) -> str:
    """`span.text`, sliced from the Doc's text (Span.text makes a Token for each of its words)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def texts_of(doc: Doc) -> list[str]:
    """Each token's `text`, made once per Doc (a rule that looks for a few words reads these first)."""
    return made_once(doc, "token_texts", lambda doc: [token.text for token in tokens_of(doc)])


def lowers_of(doc: Doc) -> list[str]:
    """Each token's `lower_`, made once per Doc (a rule that looks for a few words reads these first)."""
    return made_once(doc, "token_lowers", lambda doc: [token.lower_ for token in tokens_of(doc)])


def token_starts(doc: Doc) -> list[int]:
    """Each token's first character (`token.idx`), in order, made once per Doc."""
    return made_once(doc, "token_starts", lambda doc: [token.idx for token in tokens_of(doc)])


def token_at_char(doc: Doc, char: int) -> int:
    """The index of the token whose text or trailing space holds character `char` of `text_of(doc)`."""
    return bisect.bisect_right(token_starts(doc), char) - 1
