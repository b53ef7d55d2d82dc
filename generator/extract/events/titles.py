"""Titles: a headline for an event, built from the parse: actor, action, object, place.

Actor mentions are replaced by canonical names, titles and roles of people are dropped ("North
Korean leader Kim Jong Un" -> "Kim Jong Un"), dates are left out (the timeline shows them), the
verb is put in the headline present ("met" -> "meets"), and the result fits in 80 characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from generator.extract.actors.mentions import ActorMention, dateline_credit
from generator.extract.doc_views import (
    children_of,
    lefts_of,
    rights_of,
    sentence_at,
    subtree_of,
    tokens_of,
)
from generator.extract.grammar import (
    SAME_FORM_PASTS,
    copula_of_a_first,
    governing_verb,
    infinitive_on_a_name,
    mended_lemma,
    tells_the_purpose,
    verb_read_as_noun,
)
from generator.extract.lexicon import is_bare_takings, is_reporting
from generator.registry import CORPORATE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_TITLE_CHARS = 80


def make_title(
    predicate: Token, mentions: Sequence[ActorMention], planned: bool = False, negated: bool = False
) -> str:
    """A headline for the event: actor, action, object, place; under 80 characters.

    A plan keeps its modality as headlines write it: "Endeavour to carry ...", "Apple to open ...";
    so does a happening that did not take place: "Shuttle did not launch", "Smith not charged".
    """
    # a bridged product ("the first flight" of the A380) is not a name to write in the title
    names = _names_by_token(mentions)
    if predicate.pos_ == "NOUN" and predicate.dep_ == "compound" and predicate.head.pos_ in ("NOUN", "PROPN"):
        return _verb_in_a_name_title(predicate, names)
    if predicate.pos_ == "NOUN":
        misread = verb_read_as_noun(sentence_at(predicate.doc, predicate.i))
        if misread is not None and predicate.i == sentence_at(predicate.doc, predicate.i).root.i:
            return _misread_clause_title(predicate, misread, names)
        return _nominal_title(predicate, names)
    if predicate.pos_ == "ADJ" and predicate.lower_ == "dead":
        return _death_title(predicate, names)
    if _is_done_to_a_thing(predicate, names):
        return _participle_title(predicate, names)
    by_gerund = _by_gerund(predicate)
    if by_gerund is not None:
        return make_title(by_gerund, mentions, negated=negated)  # "X stressed Y by releasing Z": the release
    subject = _subject_phrase(predicate, names)
    plural = _has_plural_subject(predicate) or _subject_is_a_group(predicate, names)
    verb = _headline_verb(predicate, plural=plural, planned=planned, negated=negated)
    if predicate.lemma_ == "be" and any(
        child.dep_ == "acomp" and child.lower_ == "due" for child in children_of(predicate)
    ):
        verb = ""  # headlines drop the copula: "Dean Marsh due in court"
    elif predicate.lemma_ == "be" and any(
        child.dep_ == "advmod" and child.lower_ == "out" for child in children_of(predicate)
    ):
        verb = "out"  # "Ann Roe out as chief executive"
    rest: list[str] = []
    said = (
        [child for child in children_of(predicate) if child.dep_ == "ccomp"]
        if is_reporting(predicate)
        else []
    )
    # "NASA says it would ...": a pronoun for the sayer stays a pronoun in what was said
    said_tokens = {token.i for child in said for token in subtree_of(child)}
    names = {
        index: mention
        for index, mention in names.items()
        if not (
            mention.label == "COREF"
            and index in said_tokens
            and tokens_of(predicate.doc)[index].pos_ == "PRON"
        )
    }
    emitted: set[int] = set()  # "the Acer 5920", parsed as two objects, is written once
    for child in said or rights_of(predicate):  # a statement's title says what was said, quoted first or not
        if _is_description_after_comma(child) or _is_stranded_preposition(child):
            continue
        if _is_market_move(child):
            rest.extend(_render(_pruned_subtree(child), names, predicate.doc, emitted))
            continue
        if child.dep_ in ("dobj", "prep", "dative", "attr", "oprd", "acomp", "xcomp", "pcomp", "ccomp") or (
            _is_bare_participle_after(child, predicate) or tells_the_purpose(child, predicate)
        ):
            kept = _pruned_subtree(child)
            words = _render(kept, names, predicate.doc, emitted)
            if child in said and words and _opens_a_quote_in_lower_case(kept[0], names):
                words[0] = words[0][:1].lower() + words[0][1:]  # 'Kenji Arata says we are taking step'
            rest.extend(words)
        if len(" ".join(rest)) > MAX_TITLE_CHARS:
            break
    return _fit(_capitalize(" ".join(part for part in (subject, verb, " ".join(rest)) if part)))


def _is_bare_participle_after(child: Token, predicate: Token) -> bool:
    """ "went missing", parsed as a clause of its own: the participle completes the verb."""
    return (
        child.dep_ == "advcl"
        and child.tag_ == "VBG"
        and child.i == predicate.i + 1
        and not any(children_of(child))
    )


def _death_title(dead: Token, names: dict[int, ActorMention]) -> str:
    """ "Mark Felt, Deep Throat of Watergate, dead at 95" -> "Mark Felt dies at 95"."""
    person = dead.head
    subject = names[person.i].name if person.i in names else person.text
    emitted: set[int] = set()
    rest = [
        word
        for child in children_of(dead)
        if child.dep_ == "prep"
        for word in _render(_pruned_subtree(child), names, dead.doc, emitted)
    ]
    return _fit(_capitalize(" ".join([subject, "dies", *rest])))


def _opens_a_quote_in_lower_case(first: Token, names: dict[int, ActorMention]) -> bool:
    """The first word of a quote after its verb is capitalised only if it is a name (or "I")."""
    return first.i not in names and first.pos_ != "PROPN" and first.text != "I" and first.text[:1].isupper()


def _is_description_after_comma(child: Token) -> bool:
    """ "filed for bankruptcy on Monday, the largest bankruptcy in U.S. history": a verb's object is not
    set off from it by a comma; a noun phrase after one, parsed as the object, describes the event."""
    before = child.left_edge.i - 1
    return child.dep_ == "dobj" and before > child.head.i and tokens_of(child.doc)[before].text == ","


def _is_stranded_preposition(child: Token) -> bool:
    """ "Nikkei jumps as Bank of Japan cuts rates": the parser hung the clause "as" leads on the verb;
    the preposition alone says nothing."""
    return child.dep_ == "prep" and child.n_lefts + child.n_rights == 0


# "ended up 1.5 percent", "closed 300 points lower", "orbited Earth three times": how far, how often
_MOVE_DIRECTIONS = frozenset({"up", "down", "off", "higher", "lower"})


def _is_market_move(child: Token) -> bool:
    if child.dep_ == "advmod":
        return child.lower_ in _MOVE_DIRECTIONS
    measured = any(grand.dep_ == "nummod" for grand in children_of(child))
    recurring = any(grand.dep_ == "det" for grand in children_of(child))  # "every 96 minutes" is no move
    return child.dep_ == "npadvmod" and measured and not recurring


def _is_done_to_a_thing(predicate: Token, names: dict[int, ActorMention]) -> bool:
    """ "a teenager shot by police": a participle with its agent, on a noun that names no actor (not
    "Chrysler LLC, the automaker, filed ...", a verb the parser hung on the name)."""
    return (
        predicate.dep_ == "acl"
        and predicate.tag_ == "VBN"
        and predicate.head.i not in names
        and any(child.dep_ == "agent" for child in children_of(predicate))
    )


def _participle_title(predicate: Token, names: dict[int, ActorMention]) -> str:
    """ "a teenager shot by police officer Mark Daly": "Teenager shot by Mark Daly"."""
    noun = predicate.head
    described = [token for token in lefts_of(noun) if token.dep_ in ("compound", "amod") and token.i < noun.i]
    words = [*_render([*described, noun], names, predicate.doc), predicate.text.lower()]
    for child in rights_of(predicate):
        if child.dep_ in ("agent", "prep", "dobj"):
            words.extend(_render(_pruned_subtree(child), names, predicate.doc))
    return _fit(_capitalize(" ".join(words)))


def _names_by_token(mentions: Sequence[ActorMention]) -> dict[int, ActorMention]:
    """Each token's mention; a reference to several people ("the two men") names them all."""
    from dataclasses import replace

    names: dict[int, ActorMention] = {}
    for mention in mentions:
        if mention.label in ("BRIDGE", "PARENT"):
            continue  # a bridged product ("the first flight" of the A380), a unit's parent: no name to write
        for index in range(mention.start, mention.end):
            known = names.get(index)
            if known is not None and known.label == "COREF" == mention.label and known.name != mention.name:
                mention = replace(mention, name=f"{known.name} and {mention.name}")
            names[index] = mention
    return names


# How a headline tells a happening named by a noun: "Lavrov's discussion with Choe" -> "holds talks".
_NOMINAL_HEADLINE_VERBS = {
    "discussion": "holds talks",
    "discussions": "holds talks",
    "talks": "holds talks",
    "negotiations": "holds negotiations",
    "meeting": "holds a meeting",
    "summit": "holds a summit",
    "visit": "visits",
}


def _nominal_title(noun: Token, names: dict[int, ActorMention]) -> str:
    """ "Lavrov's discussion with Choe Son Hui" -> "Sergey Lavrov holds talks with Choe Son Hui"."""
    owner = next((child for child in children_of(noun) if child.dep_ == "poss" and child.i in names), None)
    verb = _NOMINAL_HEADLINE_VERBS.get(noun.lower_)
    if owner is None or verb is None:
        return _fit(_capitalize(" ".join(_render(subtree_of(noun), names, noun.doc))))
    rest = [child for child in rights_of(noun) if child.dep_ == "prep"]
    words = [word for child in rest for word in _render(_pruned_subtree(child), names, noun.doc)]
    if verb == "visits" and words[:1] == ["to"]:
        words = words[1:]  # "visit to Wonsan" -> "visits Wonsan"
    return _fit(" ".join([names[owner.i].name, verb, *words]))


def _misread_clause_title(root: Token, verb: Token, names: dict[int, ActorMention]) -> str:
    """ "The central bank last cut rates in December 2008", parsed without a verb -> "Bank of Japan
    cuts rates": its subject, the verb in the headline present, what follows the verb."""
    subject = next(child for child in children_of(root) if child.dep_ == "nsubj")
    doc = root.doc
    lemma = verb.lower_ if verb.lower_ in SAME_FORM_PASTS else verb.lemma_.lower()
    after = [token for token in _pruned_subtree(root) if token.i > verb.i]
    words = [
        *_render(_pruned_subtree(subject), names, doc),
        _third_person(lemma),
        *_render(after, names, doc),
    ]
    return _fit(_capitalize(" ".join(words)))


def _verb_in_a_name_title(verb: Token, names: dict[int, ActorMention]) -> str:
    """ "Hawkridge Rovers sack manager Dean Calloway", parsed as one name: the words before the verb
    are its subject, those after its object."""
    root = verb
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head
    phrase = _pruned_subtree(root)
    before = [token for token in phrase if token.i < verb.i]
    after = [token for token in phrase if token.i > verb.i]
    plural = bool(before) and before[-1].tag_ in ("NNS", "NNPS") and before[-1].lower_ not in CORPORATE_WORDS
    lemma = verb.lower_ if plural else _third_person(verb.lower_)
    subject = [names[token.i].name if token.i in names else token.text for token in before]
    words = [*dict.fromkeys(subject), lemma, *_render(after, names, verb.doc)]
    return _fit(_capitalize(" ".join(words)))


def _by_gerund(predicate: Token) -> Token | None:
    for child in children_of(predicate):
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in children_of(child) if g.tag_ == "VBG"), None)
    return None


def _subject_phrase(predicate: Token, names: dict[int, ActorMention]) -> str:
    head = governing_verb(predicate) or copula_of_a_first(predicate) or predicate
    planner = infinitive_on_a_name(head)
    if planner is not None:  # "GM to cut jobs": the name is the plan's subject
        plan = {token.i for token in subtree_of(head)}
        named = [token for token in subtree_of(planner) if token.i not in plan and not token.is_punct]
        return " ".join(_render(named, names, predicate.doc))
    while head.dep_ in ("xcomp", "attr", "acomp", "pcomp", "prep") and head.head.i != head.i:
        head = head.head
    for child in _subjects(head):
        if child.tag_ in ("WDT", "WP") and head.dep_ == "relcl":
            # "the revolution that brought Castro to power": the revolution did
            described = _verb_of_predicate_noun(head.head)
            if described is not None:
                return _subject_phrase(described, names)  # "Hale was the man who paid": Hale paid
            antecedent = [token for token in _pruned_subtree(head.head) if token.i < min(head.i, child.i)]
            return " ".join(_render(antecedent, names, predicate.doc))
        if child.tag_ == "DT" and child.n_lefts + child.n_rights == 0:
            continue  # "The S&P 500 lost ...", parsed with "The" as a subject of its own
        # the subject's own names ("Lavrov and Kim"), not names deep inside it
        # ("the fighters of the revolution that brought Castro to power")
        heads = {child.i, *(token.i for token in child.conjuncts)}
        actors = [
            _written_name(token, names[token.i])
            for token in subtree_of(child)
            if token.i in names
            and _head_within(token, heads, names)
            and not (names[token.i].kind != "person" and _is_title_of_name(token, names))
        ]
        if actors:
            return " and ".join(dict.fromkeys(actors))
        phrase = " ".join(_render(_pruned_subtree(child), names, predicate.doc))
        owner = _pronoun_owner(child, names)
        if owner:
            return f"{_possessive(owner)} {phrase}"
        owner_name = _described_owner(child, names)
        return f"{owner_name} {phrase}" if owner_name else phrase
    if head.dep_ in ("acl", "relcl") and head.head.i in names and head.tag_ == "VBD":
        return names[head.head.i].name  # "Chrysler LLC, the automaker, filed ...", misread as a modifier
    if _modifies_its_noun(head) and head.head.pos_ in ("NOUN", "NUM"):
        # "a pay deal signed between Unite and Ford": the deal was signed
        noun = [
            token
            for token in subtree_of(head.head)
            if token.i < head.i and token.dep_ not in ("det", "poss") and not token.is_punct
        ]
        return " ".join(_render(noun, names, predicate.doc))
    if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        return _subject_phrase(head.head, names)  # "Rivoil bought the mine and sold it": Rivoil sold
    return ""


def _written_name(token: Token, mention: ActorMention) -> str:
    """The name a mention is written as; a company's bare figure ("Revenue rose") as its owner's."""
    if mention.label == "COREF" and is_bare_takings(token):
        return f"{_possessive(mention.name)} {token.lower_}"
    return mention.name


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _pronoun_owner(noun: Token, names: dict[int, ActorMention]) -> str | None:
    """ "Its shares fell": the name "its" stands for, which the title writes ("Kestrel's shares")."""
    for child in children_of(noun):
        if child.dep_ == "poss" and child.tag_ == "PRP$" and child.i in names:
            return names[child.i].name
    return None


def _described_owner(noun: Token, names: dict[int, ActorMention]) -> str | None:
    """ "The company's shares fell": the name the description stands for, written as headlines
    write an owner ("Ridgeway shares fall")."""
    for child in children_of(noun):
        mention = names.get(child.i)
        if child.dep_ == "poss" and child.pos_ == "NOUN" and mention is not None and mention.label == "COREF":
            return mention.name
    return None


def _subjects(head: Token) -> list[Token]:
    """The verb's subjects. The parser may take a dateline's place for one ("DEARBORN, Mich. -
    Kessler Motors reported ...", "MONTE CARLO (AP) - Luka Kovac withdrew ..."): the place filed the
    story and did nothing; a name it hung on the place is the subject."""
    credit_start, credit_end = dateline_credit(head.doc)
    subjects: list[Token] = []
    for child in children_of(head):
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not credit_start <= child.idx < credit_end:
            subjects.append(child)
            continue
        subjects.extend(
            token
            for token in subtree_of(child)
            if token.idx >= credit_end and credit_start <= token.head.idx < credit_end and not token.is_punct
        )
    return subjects


def _verb_of_predicate_noun(noun: Token) -> Token | None:
    """The verb whose subject `noun` describes: "Hale is the man", "Hale was known as the fixer"."""
    if noun.dep_ == "attr":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def _head_within(token: Token, heads: set[int], names: dict[int, ActorMention]) -> bool:
    """The mention at `token` is (part of) one of the subject heads, through names and appositions."""
    while token.i not in heads:
        naming = token.head.lemma_ in ("name", "call", "dub") or token.lemma_ in ("name", "call", "dub")
        if token.dep_ not in ("compound", "flat", "appos", "conj", "nmod") and not naming:
            return False
        if token.head.i == token.i:
            return False
        head_named = token.head.i in names and names[token.head.i].label != "COREF"
        if token.dep_ in ("compound", "nmod") and token.head.pos_ == "NOUN" and not head_named:
            return False  # "Todd Tiahrt, a Kansas representative": Kansas qualifies a role
        token = token.head
    return True


def _subject_is_a_group(predicate: Token, names: dict[int, ActorMention]) -> bool:
    """ "The pair flew home": the subject stands for several people named together."""
    groups = {
        index for index, mention in names.items() if mention.label == "COREF" and " and " in mention.name
    }
    return any(child.dep_ in ("nsubj", "nsubjpass") and child.i in groups for child in children_of(predicate))


# nouns that take a plural verb though the tagger may read them as singular: "Police arrest ..."
_PLURAL_ONLY_NOUNS = frozenset({"police", "people", "cattle"})


def _has_plural_subject(predicate: Token) -> bool:
    head = governing_verb(predicate) or predicate
    while head.dep_ in ("xcomp", "attr", "acomp", "pcomp", "prep") and head.head.i != head.i:
        head = head.head
    subject = next(iter(_subjects(head)), None)
    if (
        subject is None
        and head.dep_ == "conj"
        and head.head.pos_ in ("VERB", "AUX")
        and head.head.i != head.i
    ):
        return _has_plural_subject(head.head)  # "Officers were called and found Doyle": officers find
    if subject is None:
        return False
    one_company = subject.lower_ in CORPORATE_WORDS  # "Kessler Motors reports", "United Airlines cuts"
    return (
        (subject.tag_ in ("NNS", "NNPS") and not one_company)
        or subject.lower_ in _PLURAL_ONLY_NOUNS
        or any(grand.dep_ == "conj" for grand in children_of(subject))
    )


def _headline_verb(
    predicate: Token, plural: bool = False, planned: bool = False, negated: bool = False
) -> str:
    passive = predicate.tag_ == "VBN" and any(child.dep_ == "auxpass" for child in children_of(predicate))
    if passive or _is_headline_participle(predicate) or _modifies_its_noun(predicate):
        if negated:
            return f"not {predicate.text}"  # "Smith not charged"
        return f"to be {predicate.text}" if planned else predicate.text  # passive: "X appointed CEO"
    lemma = mended_lemma(predicate)
    if negated:
        verb = f"did not {lemma}"
    elif planned:
        verb = f"to {lemma}"
    else:
        verb = ("are" if lemma == "be" else lemma) if plural else _third_person(lemma)
    particle = " ".join(child.text for child in children_of(predicate) if child.dep_ == "prt")
    return (verb + (" " + particle if particle else "")).strip()


def _modifies_its_noun(predicate: Token) -> bool:
    """ "a deal signed between Unite and Ford in 2019": a participle told of the noun before it."""
    return predicate.tag_ == "VBN" and predicate.dep_ == "acl"


def _is_headline_participle(predicate: Token) -> bool:
    """ "Man charged over stabbing", "Three killed in blast": a headline tells what happened in the
    present and what was done to someone by the bare participle, with no object."""
    headline = sentence_at(predicate.doc, predicate.i)
    return (
        headline.start == 0
        and "\n" in headline.text  # the first line, not a one-line text
        and predicate.tag_ in ("VBD", "VBN")
        and not any(
            child.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for child in children_of(predicate)
        )
    )


def _third_person(lemma: str) -> str:
    irregular = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


_PRUNED_DEPS = frozenset(
    {"relcl", "appos", "acl", "advcl", "punct", "cc", "conj", "parataxis", "mark", "det"}
)


# "a deal between Unite and Ford": what happens between or among parties needs them all
_PARTIES_PREPOSITIONS = frozenset({"between", "among", "amongst"})


def _pruned_subtree(token: Token) -> list[Token]:
    kept: list[Token] = []

    def visit(node: Token) -> None:
        if _is_date_phrase(node):
            return  # the timeline shows the date; the title need not repeat it
        for left in lefts_of(node):
            if (left.dep_ not in _PRUNED_DEPS and left.dep_ != "poss") or (
                left.dep_ == "poss" and left.ent_type_
            ):
                visit(left)
        kept.append(node)
        for right in rights_of(node):
            if right.dep_ not in _PRUNED_DEPS or _is_another_party(right):
                visit(right)

    visit(token)
    return kept


def _is_another_party(token: Token) -> bool:
    """ "Unite and Ford" after "between": the conjunct, its "and" and commas stay."""
    parties = token.head
    while parties.dep_ == "conj" and parties.head.i != parties.i:
        parties = parties.head
    named_between = parties.dep_ == "pobj" and parties.head.lower_ in _PARTIES_PREPOSITIONS
    return named_between and (token.dep_ in ("conj", "cc") or token.text == ",")


def _is_date_phrase(node: Token) -> bool:
    if node.ent_type_ in ("DATE", "TIME"):
        return True
    if node.dep_ != "prep":
        return False
    objects = [child for child in children_of(node) if child.dep_ in ("pobj", "pcomp")]
    if objects and all(obj.ent_type_ in ("DATE", "TIME") for obj in objects):
        return True  # "on Monday", "from a year earlier"
    if node.pos_ != "VERB":
        return False
    parts = [child for child in children_of(node) if not child.is_punct]
    return bool(parts) and all(_is_date_phrase(part) for part in parts)  # "compared with a year ago"


def _description_words(names: dict[int, ActorMention], doc: Doc) -> set[int]:
    """The modifiers of a description that stands for a name ("the central bank", "the new phone")."""
    return {
        child.i
        for mention in names.values()
        if mention.label == "COREF" and tokens_of(doc)[mention.start].pos_ == "NOUN"
        for child in lefts_of(tokens_of(doc)[mention.start])
        if child.dep_ in ("det", "amod", "compound", "nummod")
    }


def _render(
    tokens: Iterable[Token], names: dict[int, ActorMention], doc: Doc, emitted: set[int] | None = None
) -> list[str]:
    """Tokens as words, each actor mention replaced by its canonical name and titles dropped; a
    mention in `emitted` (the starts of those already written) is not written again."""
    credit_start, credit_end = dateline_credit(doc)
    tokens = [token for token in tokens if not token.is_space and not credit_start <= token.idx < credit_end]
    words: list[str] = []
    emitted = set() if emitted is None else emitted
    described = _description_words(names, doc)
    for token in tokens:
        if token.i in described:
            continue  # "the central bank" -> "Federal Reserve", not "central Federal Reserve"
        mention = names.get(token.i)
        if mention is not None and mention.kind != "person" and _is_title_of_name(token, names):
            continue  # "U.S. Secretary of State Madeleine Albright" -> "Madeleine Albright"
        if mention is not None and mention.label == "NORP":
            mention = None  # "the first American" stays as written, not "the first United States"
        if mention is not None:
            if mention.start not in emitted:
                possessive = tokens_of(doc)[mention.end - 1].tag_ == "POS"  # "Elian Gonzalez's father"
                _drop_start_of_name(words, mention.name)
                name = _written_name(token, mention)
                words.append(_possessive(name) if possessive else name)
                emitted.add(mention.start)
            continue
        if _is_title_of_name(token, names):
            continue
        person = _person_before(token, names) if token.lower_ in ("him", "her") else None
        if person is not None:
            words.append(person)  # "Aldrin followed him" -> "Aldrin follows Neil Armstrong"
            continue
        if token.tag_ == "POS" and words:
            words[-1] += "'s" if not words[-1].endswith("s") else "'"
            continue
        if token.is_punct and words:
            words[-1] += token.text
            continue
        words.append(token.text)
    return words


def _drop_start_of_name(words: list[str], name: str) -> None:
    """ "Acer 5920" with only "5920" tagged: the maker's word before it is the name's own."""
    name_words = name.split()
    for length in range(min(len(words), len(name_words) - 1), 0, -1):
        if words[-length:] == name_words[:length]:
            del words[-length:]
            return


def _person_before(pronoun: Token, names: dict[int, ActorMention]) -> str | None:
    """The person an object pronoun most likely means: the last other person named in its sentence."""
    subject = {
        names[child.i].name
        for child in children_of(pronoun.head)
        if child.i in names and child.dep_ == "nsubj"
    }
    sentence_start = sentence_at(pronoun.doc, pronoun.i).start
    people = [
        mention.name
        for index, mention in sorted(names.items())
        if sentence_start <= index < pronoun.i and mention.kind == "person"
    ]
    candidates = [name for name in people if name not in subject]
    return candidates[-1] if candidates else None


def _is_title_of_name(token: Token, names: dict[int, ActorMention]) -> bool:
    # "North Korean leader Kim Jong Un" -> "Kim Jong Un": modifiers of a person's name go.
    head = token
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
        if head.i in names and names[head.i].kind == "person":
            return head.i > token.i
    return False


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _fit(title: str) -> str:
    title = " ".join(title.split()).strip(" ,;:-")
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"
