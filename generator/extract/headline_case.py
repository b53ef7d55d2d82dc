"""Headlines in Title Case or capitals, parsed as the sentence they would be in running text.

A tagger trained on running text reads every capitalised word of "Colts Beat Chiefs To Clinch
Playoff Berth" as a name: no verb, one long PERSON. Written as the article's own body writes each
word ("Colts beat Chiefs to clinch playoff berth"), the same words parse as a sentence. The parse
and entities of the recased line replace the original's on the same tokens; the text is unchanged.

Headline grammar also drops the article and the auxiliary, and the parser then often reads the verb
after a headline's subject as a noun ("Red Sox extend offer to Teixeira": a compound "extend offer";
"Judge sentences Orozco to death": a plural "sentences"). With a pronoun for the subject ("They extend
offer to Teixeira") the same words read as the clause they are; that reading is taken for the words
after the subject, and the subject (and a label before a colon, "Report: ...") hangs on its verb.
"Obama to nominate Benjamin", read as a name with a modifier, is the name's plan; and in running
text too, the past verb after a subject's apposition ("Marsh, 12-0 in state races, trounced Reyes").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from spacy.tokens import Span

from generator.extract.grammar import verb_lemmas

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
    """Re-read each Title Case or all-caps line of `doc` through `parse` of its recased text, and
    each line whose root is no verb with a pronoun for its subject (`reread_verbless_lines`)."""
    lines = [sent for sent in doc.sents if _is_headline_case(sent)]
    running: dict[int, list[str]] = {}  # a recased line's words as running text would write them
    if lines:
        forms = _body_forms(doc, {sent.start for sent in lines})
        for sent in lines:
            words = _recased_words(sent, forms)
            running[sent.start] = words
            if "".join(words) != sent.text:
                _take_parse(doc, sent, parse("".join(words)))
    return reread_verbless_lines(doc, parse, running)


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


def _recased_words(sent: Span, forms: dict[str, str]) -> list[str]:
    """The line's words (each with its space) as the body writes them; a word the body never writes
    with a capital is a common word (a headline's names come back in its story), save an acronym
    among Title Case."""
    # mostly capitals is an all-caps line, also with its date after it ("... TO AMES on Tuesday")
    alphabetic = [token for token in sent if token.is_alpha]
    all_caps = sum(token.is_upper for token in alphabetic) > CAPITALISED_SHARE * len(alphabetic)
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
    return words


PARSE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")


def _take_parse(doc: Doc, sent: Span, recased: Doc) -> None:
    """Copy the tags, lemmas, parse and entities of `recased` onto the tokens of `sent`."""
    if len(recased) != len(sent) or len(list(recased.sents)) != 1:
        return  # the recased text split otherwise: keep the original reading
    # one array write: heads set one by one would pass through cycles
    values = doc.to_array(list(PARSE_ATTRS))
    values[sent.start : sent.end] = recased.to_array(list(PARSE_ATTRS))  # heads are relative offsets
    doc.from_array(list(PARSE_ATTRS), cast("Ints2d", values))
    doc.ents = _entities(doc, sent.start, sent.end, recased, sent.start)


def _entities(doc: Doc, start: int, end: int, recased: Doc, offset: int) -> list[Span]:
    """The entities of the tokens `start`-`end` read as `recased` (whose token `i` is the Doc's
    `offset + i`), and the names the original reading found that it lost: the original entities less
    the words recasing wrote in lower case ("Colts Beat Chiefs": Colts, Chiefs). Entities elsewhere
    stay, cut at `start` and `end`."""
    found = [
        Span(doc, offset + ent.start, offset + ent.end, label=ent.label_)
        for ent in recased.ents
        if offset + ent.start >= start
    ]
    taken = {index for ent in found for index in range(ent.start, ent.end)}
    outside = [
        Span(doc, first, last, label=ent.label_)
        for ent in doc.ents
        for first, last in ((ent.start, min(ent.end, start)), (max(ent.start, end), ent.end))
        if first < last
    ]
    for ent in doc.ents:
        if ent.end <= start or ent.start >= end:
            continue
        piece: list[int] = []
        for index in [*range(max(ent.start, start), min(ent.end, end)), -1]:
            if index >= 0 and index not in taken and not recased[index - offset].is_lower:
                piece.append(index)
                continue
            if piece:
                found.append(Span(doc, piece[0], piece[-1] + 1, label=ent.label_))
            piece = []
    return sorted([*outside, *found], key=lambda ent: ent.start)


# What a verb heard in a headline takes after it: "extend offer", "move on", "sentences X to death"
VERB_ARGUMENTS = frozenset(
    {"dobj", "dative", "prep", "prt", "xcomp", "ccomp", "acomp", "oprd", "attr", "agent"}
)
# The tags of a headline verb the parse hung on a noun: a noun ("extend offer", "sentences"), an
# adjective ("floored"), or a verb read as part of a name ("Jets place Tom Harris")
MISREAD_VERB_TAGS = frozenset({"NN", "NNS", "JJ", "VB", "VBP", "VBZ", "VBD"})
SUBJECT_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
LIST_WORDS = frozenset({",", "and", "&"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})


def reread_verbless_lines(doc: Doc, parse: Parse, running: dict[int, list[str]] | None = None) -> Doc:
    """Re-read each line whose root is no verb as the clause headline grammar writes.

    A label before a colon ("Report: ...", "Esther Williams Dead: Technicolor Star Dies at 91")
    that took the line's root leaves the words after it to be parsed as the clause they are, and
    hangs on it (a name in it takes part; a clause of its own, "The Doctor Is In", does not). A
    subject followed by a word the parser took for a noun, or hung on one, is read with a pronoun
    for the subject ("They extend offer to Teixeira"): that reading is the clause's when the pronoun
    is the word's subject and the word a verb with an object or complement (`_is_a_verb_here`).
    "Red Sox-Teixeira Rumor", "Top stories", "Surgeon General Nominee X" stay as they are.
    """
    for sent in list(doc.sents):
        if sent.root.pos_ == "VERB":
            continue  # a copula may be a label's: "The Doctor Is (Finally) In: Obama To Nominate ..."
        words = (running or {}).get(sent.start) or [token.text_with_ws for token in sent]
        clause = _clause_start(sent)
        if clause > sent.start and sent.root.i < clause:
            reread = parse("".join(words[clause - sent.start :]))
            if _is_clause(reread, sent.end - clause):
                _take_clause_parse(doc, sent, clause, clause, reread)
        if sent.root.pos_ in ("VERB", "AUX"):
            continue
        plan = _headline_plan(sent)
        if plan is not None:
            _rehang(doc, {plan.i: (plan.i, "ROOT"), sent.root.i: (plan.i, "nsubj")})
            continue
        verb = _misread_verb(doc, clause, sent.end, words[clause - sent.start :])
        if verb is not None:
            pronoun = "It" if _third_person_form(words[verb - sent.start]) else "They"
            reread = parse(pronoun + " " + "".join(words[verb - sent.start :]))
            if _reads_as_clause(reread, sent.end - verb) and _is_a_verb_here(reread[1], doc, sent):
                _take_clause_parse(doc, sent, clause, verb, reread)
            continue
        verb = _past_verb_after_apposition(sent)
        if verb is not None:
            reread = parse("It " + "".join(words[verb - sent.start :]))
            if _reads_as_clause(reread, sent.end - verb) and reread[1].tag_ == "VBD":
                _take_clause_parse(doc, sent, clause, verb, reread)
    return doc


def _headline_plan(sent: Span) -> Token | None:
    """ "Obama to nominate Regina Benjamin as surgeon general", "Marsh to face Reyes in runoff": a
    name, "to" and a verb, which the parser hung on the name as its modifier, is the headline's
    plan, with the name for its subject (the verb is returned)."""
    root = sent.root
    named = root.pos_ == "PROPN" or root.ent_type_ in NAME_LABELS
    if not named or root.i + 2 >= sent.end or sent.doc[root.i + 1].lower_ != "to":
        return None
    verb = sent.doc[root.i + 2]
    infinitive = verb.tag_ == "VB" and sent.doc[root.i + 1].head.i == verb.i
    return verb if infinitive and verb.head.i == root.i and verb.dep_ in ("acl", "relcl", "advcl") else None


def _rehang(doc: Doc, heads: dict[int, tuple[int, str]]) -> None:
    """Give each token of `heads` its new head and relation (one array write, no cycle on the way)."""
    import numpy

    columns = {name: index for index, name in enumerate(PARSE_ATTRS)}
    values = doc.to_array(list(PARSE_ATTRS))
    for index, (head, relation) in heads.items():
        values[index, columns["DEP"]] = doc.vocab.strings.add(relation)
        values[index, columns["HEAD"]] = numpy.array(head - index).astype(numpy.uint64)
    doc.from_array(list(PARSE_ATTRS), cast("Ints2d", values))


def _past_verb_after_apposition(sent: Span) -> int | None:
    """ "The 41-year-old senator Marsh, a lawyer by training, defeated Reyes": after a subject and
    the apposition that closes with a comma, the past verb the parser hung on a name."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    commas = 0  # the one that opens the apposition and the one that closes it
    for token in sent.doc[root.i + 1 : sent.end]:
        past = token.tag_ in ("VBD", "VBN") or (token.tag_ == "JJ" and token.lower_.endswith("ed"))
        if past:
            closed = commas >= 2 and sent.doc[token.i - 1].text == ","
            return token.i if closed and token.is_lower else None  # not "The lander, named Kestrel,"
        if token.pos_ in ("VERB", "AUX"):
            return None
        commas += token.text == ","
    return None


def _clause_start(sent: Span) -> int:
    """Where a headline's clause starts: after a label and its colon ("Report: Red Sox make offer",
    "2013 MVC Tournament results: Creighton move on"), else at the line's start. A label names a
    thing; "He said: ..." opens a quotation."""
    colon = next((token.i for token in sent if token.text == ":"), None)
    if colon is None or sent.end - colon <= MIN_WORDS:
        return sent.start
    label = sent.doc[sent.start : colon]
    return sent.start if any(token.pos_ == "VERB" for token in label) else colon + 1


def _is_clause(reread: Doc, length: int) -> bool:
    """One sentence whose root is a verb with its subject ("Technicolor star dies at age 91"), or
    a headline's plan ("Obama to nominate Regina Benjamin")."""
    if len(reread) != length or len(list(reread.sents)) != 1:
        return False
    sent = next(iter(reread.sents))
    with_subject = any(child.dep_ in ("nsubj", "nsubjpass") for child in sent.root.children)
    return (sent.root.pos_ in ("VERB", "AUX") and with_subject) or _headline_plan(sent) is not None


def _misread_verb(doc: Doc, start: int, end: int, words: list[str]) -> int | None:
    """The word after the clause's subject, when it is a lower-case word read as a noun or an
    adjective. The subject is a name, names in a list ("Creighton, Wichita St."), or a bare noun."""
    subject_end = _names_end(doc, start, end)
    if subject_end == start and doc[start].tag_ in SUBJECT_TAGS and not doc[start].is_stop:
        subject_end = start + 1  # "Judge sentences Orozco to death"
    if subject_end in (start, end) or subject_end - start >= len(words):
        return None
    word, token = words[subject_end - start].strip(), doc[subject_end]
    if not (word.isalpha() and word.islower()) or token.tag_ not in MISREAD_VERB_TAGS:
        return None
    return subject_end


def _names_end(doc: Doc, start: int, end: int) -> int:
    """The end of the names the tokens from `start` open with ("Creighton, Wichita St."), or `start`."""
    ends = {ent.start: ent.end for ent in doc.ents if start <= ent.start < end and ent.label_ in NAME_LABELS}
    position = start
    while position in ends:
        position = ends[position]
        after = position
        while after < end and doc[after].text in LIST_WORDS:
            after += 1
        if after == position or after not in ends:
            break
        position = after
    return position


def _is_a_verb_here(verb: Token, doc: Doc, sent: Span) -> bool:
    """A verb's -s form after "It" ("It enters server business"), or a word the story uses as a
    verb elsewhere: a base form after "They" may be a noun ("Watergate figure Fred LaRue")."""
    return verb.tag_ == "VBZ" or verb.lemma_.lower() in verb_lemmas(doc, sent)


def _third_person_form(word: str) -> bool:
    """ "sentences", "enters": the verb form of a singular subject; "extend" takes a plural one."""
    word = word.strip().lower()
    return word.endswith("s") and not word.endswith("ss")


def _reads_as_clause(reread: Doc, length: int) -> bool:
    """The pronoun is the subject of the verb after it, the root, which takes an argument."""
    if len(reread) != length + 1 or len(list(reread.sents)) != 1:
        return False
    pronoun, verb = reread[0], reread[1]
    return (
        verb.pos_ == "VERB"
        and verb.dep_ == "ROOT"
        and pronoun.dep_ in ("nsubj", "nsubjpass")
        and pronoun.head.i == verb.i
        and any(child.dep_ in VERB_ARGUMENTS for child in verb.rights)
    )


def _take_clause_parse(doc: Doc, sent: Span, clause: int, start: int, reread: Doc) -> None:
    """The reread's parse on the words from `start` on. With a pronoun for the subject (`start` after
    `clause`), the subject hangs on the verb as the pronoun did; a label before the clause hangs on
    the clause's root."""
    import numpy

    strings = doc.vocab.strings
    columns = {name: index for index, name in enumerate(PARSE_ATTRS)}
    dep, head = columns["DEP"], columns["HEAD"]
    pronoun = int(start > clause)
    values = doc.to_array(list(PARSE_ATTRS))
    values[start : sent.end] = reread.to_array(list(PARSE_ATTRS))[pronoun:]  # heads are relative offsets
    root = start - pronoun + next(iter(reread.sents)).root.i

    def hang(first: int, last: int, on: int, relation: str) -> None:
        """Tokens `first`-`last` whose head is neither one of them (save themselves) nor `on` hang on `on`."""
        for index in range(first, last + 1):
            target = doc[index].head.i
            if on in (index, target) or (first <= target <= last and target != index):
                continue
            kept = doc[index].dep_ if doc[index].dep_ in ("punct", "cc") else relation
            if doc[index].pos_ in ("VERB", "AUX"):
                kept = "parataxis"  # a label that is a clause of its own takes no part in this one
            values[index, dep] = strings.add(kept)
            values[index, head] = numpy.array(on - index).astype(numpy.uint64)

    if pronoun:
        # the subject's noun, where the parse found it before the verb ("The ... senator Marsh, a
        # lawyer by training, defeated"), else its last word, where the pronoun was
        subject_head = sent.root.i if clause <= sent.root.i < start else start - 1
        values[subject_head, dep] = strings.add(reread[0].dep_)
        values[subject_head, head] = numpy.array(root - subject_head).astype(numpy.uint64)
        hang(clause, start - 1, subject_head, "compound")
    if clause > sent.start:
        hang(sent.start, clause - 1, root, "dep")
    doc.from_array(list(PARSE_ATTRS), cast("Ints2d", values))
    doc.ents = _entities(doc, start, sent.end, reread, start - pronoun)
