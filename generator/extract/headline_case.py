"""Headlines in Title Case or capitals, parsed as the sentence they would be in running text.

A tagger trained on running text reads every capitalised word of "Colts Beat Chiefs To Clinch
Playoff Berth" as a name: no verb, one long PERSON. Written as the article's own body writes each
word ("Colts beat Chiefs to clinch playoff berth"), the same words parse as a sentence. The parse
and entities of the recased line replace the original's on the same tokens; the text is unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from spacy.tokens import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from thinc.types import Ints2d

Parse = Callable[[str], "Doc"]
CAPITALISED_SHARE = 0.6  # more than this share of a line's words capitalised: Title Case
MIN_WORDS = 3
# Words Title Case styles leave in lower case (AP, Chicago: articles, conjunctions, prepositions of
# up to four or five letters): "Lohan Checks into Rehab", "Colts Clinch Spot with Win Over Chiefs"
TITLE_CASE_LOWER_WORDS = frozenset(
    """a an the and but or nor for so yet as at by in of off on per to up via vs into with from over
    onto upon amid than near past""".split()
)


def recase_headlines(doc: Doc, parse: Parse) -> Doc:
    """Re-read each Title Case or all-caps line of `doc` through `parse` of its recased text."""
    lines = [sent for sent in doc.sents if _is_headline_case(sent)]
    if not lines:
        return doc
    forms = _body_forms(doc, {sent.start for sent in lines})
    for sent in lines:
        recased = _recased(sent, forms)
        if recased != sent.text:
            _take_parse(doc, sent, parse(recased))
    return doc


def _is_headline_case(sent: Span) -> bool:
    words = [token for token in sent if token.is_alpha]
    if len(words) < MIN_WORDS or any(_is_lower_content_word(token) for token in words):
        return False
    return sum(token.text[0].isupper() for token in words) / len(words) > CAPITALISED_SHARE


def _is_lower_content_word(token: Token) -> bool:
    """A lower-case word Title Case would capitalise: running text, not a headline."""
    return token.is_lower and len(token) > 3 and token.lower_ not in TITLE_CASE_LOWER_WORDS


def _body_forms(doc: Doc, headline_starts: set[int]) -> dict[str, str]:
    """How the body writes each word inside a sentence (lower case -> its most common form)."""
    seen: dict[str, Counter[str]] = {}
    for sent in doc.sents:
        if sent.start in headline_starts:
            continue
        for token in sent[1:]:
            if token.is_alpha:
                seen.setdefault(token.lower_, Counter())[token.text] += 1
    return {word: counts.most_common(1)[0][0] for word, counts in seen.items()}


def _recased(sent: Span, forms: dict[str, str]) -> str:
    """The line with each word as the body writes it; a word the body never writes with a capital
    is a common word (a headline's names come back in its story), save an acronym among Title Case."""
    all_caps = all(token.is_upper for token in sent if token.is_alpha)
    words = []
    for index, token in enumerate(sent):
        text = token.text
        if token.is_alpha:
            form = forms.get(token.lower_, token.lower_)
            keeps_acronym = token.is_upper and len(token) > 1 and not all_caps
            text = text if keeps_acronym and form.islower() else form
            if index == 0:
                text = text[:1].upper() + text[1:]
        words.append(text + token.whitespace_)
    return "".join(words)


PARSE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")


def _take_parse(doc: Doc, sent: Span, recased: Doc) -> None:
    """Copy the tags, lemmas, parse and entities of `recased` onto the tokens of `sent`."""
    if len(recased) != len(sent) or len(list(recased.sents)) != 1:
        return  # the recased text split otherwise: keep the original reading
    # one array write: heads set one by one would pass through cycles
    values = doc.to_array(list(PARSE_ATTRS))
    values[sent.start : sent.end] = recased.to_array(list(PARSE_ATTRS))  # heads are relative offsets
    doc.from_array(list(PARSE_ATTRS), cast("Ints2d", values))
    doc.ents = _entities(doc, sent, recased)


def _entities(doc: Doc, sent: Span, recased: Doc) -> list[Span]:
    """The recased line's entities, and the names the original reading found that it lost: the
    original entities less the words recasing wrote in lower case ("Colts Beat Chiefs": Colts, Chiefs)."""
    offset = sent.start
    found = [Span(doc, offset + ent.start, offset + ent.end, label=ent.label_) for ent in recased.ents]
    taken = {index for ent in found for index in range(ent.start, ent.end)}
    outside = [ent for ent in doc.ents if ent.end <= sent.start or ent.start >= sent.end]
    for ent in doc.ents:
        if ent.end <= sent.start or ent.start >= sent.end:
            continue
        piece: list[int] = []
        for index in [*range(ent.start, ent.end), -1]:
            if index >= 0 and index not in taken and not recased[index - offset].is_lower:
                piece.append(index)
                continue
            if piece:
                found.append(Span(doc, piece[0], piece[-1] + 1, label=ent.label_))
            piece = []
    return sorted([*outside, *found], key=lambda ent: ent.start)
