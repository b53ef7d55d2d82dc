"""Coreference within one article: "he", "the company", "the actress", "her mother" for a named actor.

A rule-based resolver over the spaCy parse (no coreference library runs offline with the models a
project can install: coreferee, fastcoref and spacy-experimental's coref all load weights from a hub).
Each reference takes the most recent actor that agrees with it:
- kind: he/she/him/her for a person, it/its for an organisation or product, a company noun for an
  organisation, a product noun for a product; a description of a kind of body ("the index", "the
  union", "the central bank", "the agency") an organisation of that kind (by its name's head word,
  "Bank of England", or what the article calls it) or of no known kind, never one of another kind;
- gender, where the article or the name tells: "Mr.", "Mrs.", a gendered role ("actress Jane Roe",
  "her husband, John Roe"), else a common given name; a person of unknown gender agrees with both;
- salience: a pronoun subject prefers the last person who was a subject, "it" the last organisation or
  product that was one; never a co-argument of its own verb ("Smith praised him" is not Smith);
- recency: a pronoun reaches back `PRONOUN_WINDOW` sentences, a description `DESCRIPTION_WINDOW`.
A role the article gives a person ("actress Jane Roe", "Roe, the actress,", "John Roe, her husband")
is a description of that person wherever it comes back ("the actress", "her husband"); so is what
was done to them in crime news ("the suspect" arrested, "the victim" killed). A pronoun keeps its actor
in mind for the next pronoun; a name said of someone ("rumored to be Deep Throat") is no antecedent.
Further rules of news: a headline or lead describes before it names ("Lawyer: ...", "a federal
judge", "a man" -> the one person given that role in the next sentences); people named together are
referred to together ("the two men", "the pair", "they"); inside a quotation "I", "me" and "my" are
the speaker its attribution names, and "we", "us" and "our" the organisation the speaker speaks for
(the one named with their role, "Boeing vice president X", else the last organisation subject before).
Resolved references are mentions labelled "COREF": events they give an actor mark it as inferred.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from generator.extract.doc_views import (
    children_of,
    lowers_of,
    made_once,
    sentence_starts,
    span_root,
    text_of,
    token_at_char,
    tokens_of,
)
from generator.extract.grammar import is_after_the
from generator.extract.lexicon import INDEX_NAMES, hazard_descriptions, is_bare_takings, is_reporting
from generator.registry import CORPORATE_WORDS, LEGAL_SUFFIXES, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.extract.actors.mentions import ActorMention

Gender = Literal["m", "f"]
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PRONOUN_WINDOW = 3  # sentences a pronoun may reach back
DESCRIPTION_WINDOW = 8  # sentences "the company" or "the plane" may reach back
LEAD_SENTENCES = 3  # the headline and first sentences, which may describe someone named further on
CATAPHORA_WINDOW = 3  # how far on that person must be named
OTHER_WORDS = frozenset({"other", "another", "every", "each", "no", "any", "second", "third"})

FEMALE_WORDS = frozenset(
    """mrs ms miss madam lady dame actress woman mother wife daughter sister girl queen princess
    businesswoman spokeswoman chairwoman congresswoman grandmother aunt niece girlfriend widow heiress
    starlet songstress sportswoman policewoman duchess countess empress""".split()
)
MALE_WORDS = frozenset(
    """mr sir lord man father husband son brother boy king prince businessman spokesman chairman
    congressman grandfather uncle nephew boyfriend widower policeman sportsman duke count emperor""".split()
)
# Common English given names, for the gender a name tells when the article does not.
FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret
    betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie
    rebecca laura sharon cynthia kathleen amy angela anna brenda pamela nicole emma helen samantha
    katherine christine debra rachel catherine carolyn janet maria heather diane julie joyce victoria
    kelly christina lauren joan evelyn olivia judith megan cheryl martha andrea hannah jacqueline ann
    gloria jean kathryn alice teresa sara janice doris madison julia grace judy abigail marie denise
    beverly amber theresa marilyn danielle diana brittany natalie sophia rose isabella alexis kayla
    charlotte hillary angela condoleezza oprah lindsay britney ellen esther dina angelina jane kate
    sue liz beth meg anne ann jenny
    tara tina wendy tracy stacy kristen erin holly jill lori paula rita vanessa monica yvonne regina
    portia sophie claire chloe lucy katie alicia gina carmen rosa sonia lena nina irene ruth ellie""".split()
)
MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
    edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon
    benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam
    nathan henry douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah
    gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert
    willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby
    philip johnny barack vladimir sergey sergei steve bill tony boris nicolas francois angelo
    silvio jacques gordon hugo fidel mahmoud ehud benjamin tom jim mike dave dan bob ben nick matt
    pete greg jeff ron ted fred phil tim andy rick craig todd chad derek troy marcus luis carlos antonio
    manuel jorge victor martin howard glenn earl jimmy danny tommy eddie reggie peyton drew hugh seth
    ricky neil ian colin stuart graham nigel simon adrian owen kurt brett duncan rodney wade clint
    ken""".split()
)
# Who a role names without a name: "the actress", "the minister", "the company"
ORG_NOUNS = frozenset(
    """company firm group manufacturer maker carrier airline giant corporation conglomerate business
    automaker carmaker retailer bank lender insurer chipmaker supplier producer brewer publisher
    broadcaster network studio chain startup start-up vendor developer team club franchise union
    agency""".split()
)
# What kind of body a description says an organisation is: "the index", "the union", "the agency".
# A description of a kind picks the last organisation of that kind, or one of no known kind; never
# one of another kind ("the union" is not the carmaker the strike is at).
DESCRIPTION_KINDS: dict[str, str] = {
    **dict.fromkeys("index benchmark gauge average barometer".split(), "index"),
    **dict.fromkeys("exchange bourse".split(), "exchange"),
    **dict.fromkeys("union".split(), "union"),
    **dict.fromkeys("agency regulator watchdog commission authority bureau".split(), "agency"),
    **dict.fromkeys("court tribunal".split(), "court"),
    **dict.fromkeys("party".split(), "party"),
    **dict.fromkeys("bank lender".split(), "bank"),
    **dict.fromkeys("airline carrier".split(), "airline"),
    **dict.fromkeys("automaker carmaker".split(), "carmaker"),
    **dict.fromkeys("team club franchise squad".split(), "team"),
}
# The head words of a name that tell its kind: "Nasdaq Composite Index", "Bank of England"
NAME_WORD_KINDS: dict[str, str] = {
    **dict.fromkeys("index average composite".split(), "index"),
    **dict.fromkeys("exchange bourse".split(), "exchange"),
    **dict.fromkeys("union unions workers teamsters".split(), "union"),
    **dict.fromkeys("agency commission authority bureau administration service".split(), "agency"),
    **dict.fromkeys("court tribunal".split(), "court"),
    **dict.fromkeys("party".split(), "party"),
    **dict.fromkeys("bank bancorp reserve fed bundesbank".split(), "bank"),
    **dict.fromkeys("airlines airways airline lines".split(), "airline"),
    **dict.fromkeys("motor motors automotive".split(), "carmaker"),
    **dict.fromkeys("congress senate parliament treasury ministry government".split(), "government"),
}
# "Bank of England" is the country's central bank ("Bank of America", "Bank of Ireland" are not)
CENTRAL_BANK_COUNTRIES = frozenset(
    "england japan canada france italy spain portugal greece korea israel russia thailand mexico".split()
)
# kinds of organisation that are companies: "the company" may be a bank, an airline or a carmaker
COMPANY_KINDS = frozenset({"company", "bank", "airline", "carmaker", "exchange"})
# kinds whose bodies news always names with their kind's word: "the index" is never the Acme Corp
NAMED_WITH_KIND = frozenset({"index", "exchange", "court", "party"})
PRODUCT_NOUNS = frozenset(
    """plane planes aircraft jet jets airliner airliners jetliner superjumbo aeroplane aeroplanes airplane
    device devices phone phones handset player players computer computers laptop""".split()
)
# Person nouns that may stand for the article's person without the article having said so
PERSON_NOUNS = frozenset(
    """actress actor singer star starlet rapper musician comedian host presenter model athlete
    player boxer champion golfer skier climber driver cyclist coach manager striker quarterback
    pitcher president minister premier chancellor senator governor mayor leader chairman
    chairwoman ceo executive founder pope king queen prince princess""".split()
)
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
# doc.user_data key: the tokens ("they", "the pair") that refer to people named together
GROUP_REFERENCES = "timeline_group_references"
# what a story calls people it named together: "the pair", "the two men", "the suspects"
GROUP_NOUNS = frozenset({"pair", "duo", "couple", "trio", "both"})
PEOPLE_NOUNS = frozenset(
    """man woman men women people suspect victim brother sister player climber officer teenager
    boy girl friend colleague astronaut defendant lawyer leader minister""".split()
)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
# "the man", "the teenager": they say only what a person is, so they name the one person of that
# gender the last sentences named, and no one when two could be meant
PLAIN_PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "teenager", "teen", "youngster"})
# Who a headline or lead may describe before naming them: "Skier killed in avalanche"
LEAD_PERSON_NOUNS = frozenset(
    """deputy officer soldier firefighter technician nurse doctor surgeon teacher student worker
    employee gunman hiker skier swimmer surfer diver tourist mountaineer fisherman farmer pensioner
    father mother son daughter wife husband sister brother""".split()
)
# The unions the rules below ask of (made once here, not on every call)
DESCRIBED_PERSON_NOUNS = PERSON_NOUNS | LEAD_PERSON_NOUNS
ANY_PERSON_NOUNS = PLAIN_PERSON_NOUNS | PERSON_NOUNS
FEMALE_DESCRIPTIONS = FEMALE_WORDS | {"girl"}
SINGULAR_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | THING_PRONOUNS
KINDS_OF_COMPANY = COMPANY_KINDS - {"company"}  # "bank", "airline", ...
# Words for the police: "police", "the force", "officers" refer back to a police body the article named
POLICE_WORDS = frozenset({"police", "force", "constabulary", "officers", "cops"})
# "police" and its officers need no "the": "officers shot the teenager" are the force's
BARE_POLICE_WORDS = frozenset({"police", "officers", "cops"})
POLICE_NAMES = frozenset(
    {"police", "constabulary", "sheriff", "gendarmerie", "garda", "carabinieri", "patrol", "troopers"}
)
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
# "the world's largest automaker": a superlative of a known set names one actor
SETS_OF_ALL = frozenset({"world", "country", "nation", "industry"})
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent"})


@dataclass(slots=True)
class _Seen:
    """What the resolver knows of an actor so far: where it was last named, and as what."""

    mention: ActorMention
    sentence: int
    subject_sentence: int = -99
    gender: Gender | None = None
    roles: set[str] = field(default_factory=set)


def find_references(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """`mentions` with the pronouns and descriptions that refer to them (label "COREF")."""
    by_start = {mention.start: mention for mention in mentions}
    named = {index for mention in mentions for index in range(mention.start, mention.end)}
    sentence_of = _sentence_numbers(doc)
    genders, roles = _genders_and_roles(doc, mentions)
    ages = _ages(doc, mentions)
    kinds = _organization_kinds(doc, mentions)
    ahead = _people_named_first(mentions, sentence_of, genders)
    groups = _groups_of_people(doc, mentions, sentence_of)
    seen: dict[str, _Seen] = {}
    new_product = _product_told_new(doc, mentions)
    by_word: dict[str, tuple[int, ActorMention]] = {}  # "the store" -> iTunes Store, "the ministry"
    references: list[ActorMention] = []
    owners = {index: mention for mention in mentions for index in range(mention.start, mention.end)}
    lowers = lowers_of(doc)
    for token in tokens_of(doc):
        number = sentence_of.get(token.i, 0)
        mention = by_start.get(token.i)
        if mention is not None:
            _remember(doc, mention, number, seen, genders, roles, by_word)
            continue
        lowered = lowers[token.i]
        if token.i in named or not _may_refer(token, lowered, number):
            continue
        group = _group_for(token, number, groups)
        if group:
            references += [_reference(token, member) for member in group]
            doc.user_data.setdefault(GROUP_REFERENCES, set()).add(token.i)
            continue
        # never another argument of its own verb: "Senator Reyes met the governor" is not Reyes
        blocked = _co_argument_names(token, owners)
        here = {name: entry for name, entry in seen.items() if name not in blocked} if blocked else seen
        antecedent = (
            _body_of_owner(token, owners, mentions)
            or _antecedent(token, number, here, by_word, kinds, by_start, new_product)
            or (_person_of_age(token, ages) if lowered == "old" else None)  # "the 36-year-old"
            or (_person_named_before(token, number, here) if not ages and lowered == "old" else None)
            or _person_the_story_is_about(token, number, ahead)
            or _the_one_given_the_role(token, ahead, roles)
        )
        if antecedent is None and number < LEAD_SENTENCES:
            antecedent = _named_further_on(token, number, ahead, roles, here, named)
        if antecedent is not None and antecedent.name in blocked:
            antecedent = None
        if antecedent is not None:
            owners[token.i] = antecedent
            _carry_on(token, antecedent, number, seen)
            references.append(
                _reference(token, antecedent),
            )
    found = [*mentions, *references]
    return sorted([*found, *_first_person_in_quotes(doc, found)], key=lambda mention: mention.start)


# What the rules below read as a reference: a noun, a name word for a role opening a line of the
# lead ("Judge sentences Orozco"), or one of these words; the other tokens are skipped before any
# rule runs
REFERRING_WORDS = (
    MALE_PRONOUNS | FEMALE_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | POLICE_WORDS | frozenset({"old"})
)


def _may_refer(token: Token, lowered: str, number: int) -> bool:
    if lowered in REFERRING_WORDS:
        return True
    pos = token.pos_
    return pos == "NOUN" or (pos == "PROPN" and number < LEAD_SENTENCES)


def _sentence_numbers(doc: Doc) -> dict[int, int]:
    """Each token's sentence number, by token index."""
    bounds = pairwise([*sentence_starts(doc), len(doc)])
    return {index: number for number, (start, end) in enumerate(bounds) for index in range(start, end)}


FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
QUOTE_SENTENCES = 4  # a quotation running on longer than this is an unclosed quote mark


def _first_person_in_quotes(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """ "I am thrilled," said Roe: inside a quotation, "I", "me" and "my" are the speaker the
    attribution names (or refers to) before the quotation opens or after it closes; "we", "us"
    and "our" the body the speaker speaks for, or the body that speaks ("the company said")."""
    speakers = {
        index: mention
        for mention in mentions
        if mention.kind in ("person", "organization")
        for index in range(mention.start, mention.end)
    }
    taken = {index for mention in mentions for index in range(mention.start, mention.end)}
    found: list[ActorMention] = []
    for start, end in quotations(doc):
        together = _speaker(doc, start, end, speakers)
        if not together:
            continue
        speaker = together[0]
        pronouns = [token for token in doc[start:end] if token.pos_ == "PRON" and token.i not in taken]
        plural = [token for token in pronouns if token.lower_ in FIRST_PERSON_PLURAL]
        if speaker.kind == "organization" or len(together) > 1:
            # "'We are saddened,' the company said", "'We are thrilled,' said Zadan and Meron":
            # a body, or the people who speak together, speak as "we"
            found += [_reference(token, member) for token in plural for member in together]
            doc.user_data.setdefault(GROUP_REFERENCES, set()).update(token.i for token in plural)
            continue
        found += [_reference(token, speaker) for token in pronouns if token.lower_ in FIRST_PERSON]
        employer = _employer(doc, speaker, mentions)
        if employer is not None and plural:
            found += [_reference(token, employer) for token in plural]
            doc.user_data.setdefault(GROUP_REFERENCES, set()).update(token.i for token in plural)
    return found


FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
# how a role phrase attaches an organisation to a person: "Boeing vice president X", "X, manager of Y"
ROLE_PHRASE_DEPS = frozenset(
    {"compound", "poss", "appos", "prep", "pobj", "conj", "cc", "amod", "nmod", "case"}
)

# roles a person holds in an organisation, which a news story may name once for the whole story
ORGANIZATION_ROLES = frozenset(
    """spokesman spokeswoman spokesperson executive ceo chairman chairwoman president director
    officer manager""".split()
)


def _employer(doc: Doc, speaker: ActorMention, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The organisation a speaker speaks for: named in one of their role phrases ("Boeing vice
    president Scott Fancher", "Neil Aspinall, manager of Apple Corps"), else, for a person the article
    gives a role but no organisation ("Spokeswoman Sandy Angers"), the last one that was a subject
    before them (else the last one named)."""
    organizations = [mention for mention in mentions if mention.kind == "organization"]
    named = [m for m in mentions if m.name == speaker.name and m.label != "COREF"]
    in_role_phrase = _organization_of_role_phrase(doc, speaker, mentions)
    if in_role_phrase is not None:
        return in_role_phrase
    roles = set().union(*(_role_words(doc, doc[m.start : m.end]) for m in named))
    if not roles & ORGANIZATION_ROLES:
        return None  # "Washington senator Patty Murray" speaks for no company named before her
    first = min((mention.start for mention in named), default=speaker.start)
    before = [organization for organization in organizations if organization.end <= first]
    subjects = [m for m in before if span_root(doc, m.start, m.end).dep_ in ("nsubj", "nsubjpass")]
    candidates = subjects or before
    return candidates[-1] if candidates else None


def _organization_of_role_phrase(
    doc: Doc, person: ActorMention, mentions: Sequence[ActorMention]
) -> ActorMention | None:
    """The organisation one of a person's role phrases names: "Red Sox owner John Henry"."""
    named = [span_root(doc, m.start, m.end) for m in mentions if m.name == person.name and m.label != "COREF"]
    if not named:
        return None
    # each organisation's root found once, not once per mention of the person
    organizations = [(m, span_root(doc, m.start, m.end)) for m in mentions if m.kind == "organization"]
    for root in named:
        for organization, organization_root in organizations:
            if _in_role_phrase(organization_root, root):
                return organization
    return None


# what a person belongs to: "his team", "her company", "their club"
BELONGING_NOUNS = frozenset({"team", "club", "company", "firm", "franchise", "squad"})


def _body_of_owner(
    token: Token, owners: dict[int, ActorMention], mentions: Sequence[ActorMention]
) -> ActorMention | None:
    """ "Red Sox owner John Henry said his team would not bid": "his team" is the body the
    owner's role phrase names."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in BELONGING_NOUNS:
        return None
    owner = next((owners.get(child.i) for child in children_of(token) if child.dep_ == "poss"), None)
    if owner is None or owner.kind != "person":
        return None
    return _organization_of_role_phrase(token.doc, owner, mentions)


def _in_role_phrase(token: Token, person: Token) -> bool:
    while token.i != person.i and token.dep_ in ROLE_PHRASE_DEPS and token.head.i != token.i:
        token = token.head
    if token.i == person.i:
        return True
    return person.dep_ == "appos" and token.i == person.head.i  # "the CEO of Boeing, X"


# each alternative opens with its own character, so that the search skips fast to the next mark
_QUOTE_CHARACTERS = re.compile(r'"|“|”|``|\'\'')


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks (a quotation may run over several sentences)."""
    return made_once(doc, "quotations", _find_quotations)


def _find_quotations(doc: Doc) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    opened: Token | None = None
    # the token each quotation mark opens: a mark is no space, so it is in the text of the token
    # whose characters hold it (what doc.char_span(..., alignment_mode="expand")[0] gives)
    tokens = tokens_of(doc)
    marks = dict.fromkeys(token_at_char(doc, m.start()) for m in _QUOTE_CHARACTERS.finditer(text_of(doc)))
    for token in (tokens[index] for index in marks):
        if token.text not in QUOTE_MARKS:
            continue
        closes = token.text in ("”", "''") or (token.text == '"' and opened is not None)
        if opened is not None and closes:
            if _sentences_between(opened, token) <= QUOTE_SENTENCES:
                ranges.append((opened.i + 1, token.i))
            opened = None
        elif token.text not in ("”", "''"):
            opened = token
    return ranges


def _sentences_between(first: Token, last: Token) -> int:
    from generator.extract.actors.mentions import sentence_bounds

    count, end = 1, sentence_bounds(first.doc, first.i)[1]
    while end <= last.i and count <= QUOTE_SENTENCES:
        count, end = count + 1, sentence_bounds(first.doc, end)[1]
    return count


def _speaker(doc: Doc, start: int, end: int, people: dict[int, ActorMention]) -> tuple[ActorMention, ...]:
    """The person or body the attribution of a quotation names, with those named with them ("said
    Zadan and Meron"): after it closes, else before it opens."""
    from generator.extract.actors.mentions import sentence_bounds

    closing_end = sentence_bounds(doc, end - 1)[1] if end > 0 else 0
    opening_start = sentence_bounds(doc, start)[0] if start < len(doc) else len(doc)
    after = doc[end:closing_end] if end < len(doc) else doc[end:end]
    before = doc[opening_start : max(start - 1, opening_start)]
    for part in (after, before):
        for verb in part:
            if not (is_reporting(verb) and verb.pos_ == "VERB"):
                continue
            for child in children_of(verb):
                if child.dep_ == "nsubj" and child.i in people and not start <= child.i < end:
                    others = (people[other.i] for other in child.conjuncts if other.i in people)
                    return tuple({m.name: m for m in (people[child.i], *others)}.values())
    return ()


@dataclass(slots=True)
class _Group:
    """People the article names together ("John Smith and Peter Jones"), where it does."""

    members: tuple[ActorMention, ...]
    sentence: int
    subject: bool


def _groups_of_people(
    doc: Doc, mentions: Sequence[ActorMention], sentence_of: dict[int, int]
) -> list[_Group]:
    by_root = {span_root(doc, m.start, m.end).i: m for m in mentions if m.kind == "person"}
    groups = []
    for index, mention in by_root.items():
        root = doc[index]
        if root.dep_ == "conj":
            continue  # the group is read from its first member
        members = [mention, *(by_root[c.i] for c in root.conjuncts if c.i in by_root and c.i > index)]
        names = list(dict.fromkeys(member.name for member in members))
        if len(names) >= 2 and len(members) == len(root.conjuncts) + 1:
            unique = tuple({member.name: member for member in members}.values())
            groups.append(_Group(unique, sentence_of.get(index, 0), _is_subject(root)))
    return groups


def _group_for(token: Token, number: int, groups: Sequence[_Group]) -> tuple[ActorMention, ...]:
    """ "The two men", "the pair", "they": the people the last sentences named together, when their
    number agrees and no one else could be meant ("they" only for the subjects of the sentence before)."""
    if not groups or (token.pos_ != "NOUN" and token.lower_ not in PLURAL_PRONOUNS):
        return ()
    recent = [
        group
        for group in groups
        if 0 <= number - group.sentence <= PRONOUN_WINDOW and group.members[-1].end <= token.i
    ]
    if not recent:
        return ()
    group = recent[-1]
    word = token.lower_
    if word in PLURAL_PRONOUNS:
        anchor = token.head if token.dep_ == "poss" else token
        # the subject of a main clause, as for "it"; not "as they expected"
        main = anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.dep_ in ("ROOT", "conj")
        fits = main and group.subject and number - group.sentence <= 1
    else:
        counted = next((child for child in children_of(token) if child.dep_ == "nummod"), None)
        count = NUMBER_WORDS.get(counted.lower_) if counted is not None else None
        is_group = word in GROUP_NOUNS or (token.tag_ == "NNS" and token.lemma_.lower() in PEOPLE_NOUNS)
        fits = (
            token.pos_ == "NOUN"
            and token.dep_ != "attr"
            and _is_definite(token)
            and is_group
            and count in (None, len(group.members))
        )
    if not fits:
        return ()
    group.sentence, group.subject = number, token.dep_ in ("nsubj", "nsubjpass") or group.subject
    return group.members


@dataclass(frozen=True, slots=True)
class _FirstNamed:
    """A person where the article first names them."""

    mention: ActorMention
    sentence: int
    gender: Gender | None


def _people_named_first(
    mentions: Sequence[ActorMention], sentence_of: dict[int, int], genders: dict[str, Gender]
) -> list[_FirstNamed]:
    first: dict[str, _FirstNamed] = {}
    for mention in mentions:
        if mention.kind == "person" and mention.name not in first:
            sentence = sentence_of.get(mention.start, 0)
            first[mention.name] = _FirstNamed(mention, sentence, genders.get(mention.name))
    return list(first.values())


def _named_further_on(
    token: Token,
    number: int,
    ahead: Sequence[_FirstNamed],
    roles: dict[str, set[str]],
    seen: dict[str, _Seen],
    named: set[int],
) -> ActorMention | None:
    """News describes before it names: "Judge sentences Orozco" / "A Norwalk judge ..." / "Judge Ann
    Hale said". A role in the headline or lead is the one person the article gives that role, when it
    names them in the next sentences; "a man" there is the one man it then names, if no one came before."""
    headline_role = _opens_with_a_role(token, named)
    if not headline_role and (
        token.pos_ != "NOUN"
        or token.tag_ != "NN"
        or token.dep_ in ("attr", "compound")
        or _has_own_name(token)
    ):
        return None
    if any(child.lower_ in OTHER_WORDS for child in children_of(token)):
        return None
    word = token.lemma_.lower()
    coming = [
        person
        for person in ahead
        if number <= person.sentence <= number + CATAPHORA_WINDOW and person.mention.name not in seen
    ]
    with_role = [person for person in ahead if _has_role(roles.get(person.mention.name, set()), word)]
    # of the people given the role ("climber Tom Berg", later "climber Ann Roe"), the one named next
    with_role_coming = [person for person in with_role if person in coming]
    if len(with_role_coming) == 1:
        return with_role_coming[0].mention
    # "Hale convicted / A former Kraft employee was found guilty": the lead describes again the one
    # person given that role whom the headline named
    if len(with_role) == 1 and with_role[0].mention.name in seen:
        return with_role[0].mention
    # "British climber dies in fall" / "A man was shot": the one person the next sentences name,
    # when no one came before
    described = word in DESCRIBED_PERSON_NOUNS and not with_role
    if word in PLAIN_PERSON_NOUNS or described:
        # "a British climber" is described, "the other man" or "the man who found him" told apart
        # ("A 36-year-old British man died", with no one named before, is the man named next)
        told_apart = _is_told_apart(token) if word in PLAIN_PERSON_NOUNS else token.dep_ == "poss"
        if told_apart:
            return None
        told: Gender | None = "f" if word in FEMALE_DESCRIPTIONS else "m" if word in MALE_WORDS else None
        before = [entry for entry in seen.values() if entry.mention.kind == "person"]
        if before:
            return _headline_subject_again(token, number, before, told)
        # not the inspector or the spokesman who tells of them ("police inspector Dave Gaskin said")
        fitting = [
            person
            for person in coming
            if (told is None or person.gender in (told, None))
            and not roles.get(person.mention.name, set()) & SOURCE_ROLES
        ]
        return fitting[0].mention if len(fitting) == 1 else None
    return None


def _headline_subject_again(
    token: Token, number: int, before: Sequence[_Seen], told: Gender | None
) -> ActorMention | None:
    """ "John Roe accused of double murder / A man has been charged with ...": the lead's subject
    described as "a man" is the one person, the subject, a line before named (not a source)."""
    if len(before) != 1 or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    entry = before[0]
    agrees = told is None or entry.gender in (told, None)
    told_before = entry.sentence < number and entry.subject_sentence == entry.sentence
    return entry.mention if agrees and told_before and not entry.roles & SOURCE_ROLES else None


def _opens_with_a_role(token: Token, named: set[int]) -> bool:
    """ "Governor Declares Emergency", "Judge sentences Orozco": a capitalised role word opening a
    line, read as a name by the tagger, describes the person; not "Governor Ann Hale", a title."""
    if token.pos_ != "PROPN" or not token.is_title or not token.is_sent_start:
        return False
    word = token.lower_
    is_role = word in ROLE_WORDS or word in ROLE_SYNONYMS or word in DESCRIBED_PERSON_NOUNS
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return is_role and following is not None and following.i not in named and following.pos_ != "PUNCT"


def _person_the_story_is_about(
    token: Token, number: int, ahead: Sequence[_FirstNamed]
) -> ActorMention | None:
    """ "The actress checked into the Betty Ford Center in May", far from any name: a story about
    one person calls them by what they are; the person its lead names first, of agreeing gender."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ in ("attr", "compound", "appos"):
        return None
    word = token.lemma_.lower()
    if word not in PERSON_NOUNS or not _is_definite(token) or _has_own_name(token) or _is_told_apart(token):
        return None
    in_lead = [person for person in ahead if person.sentence < LEAD_SENTENCES]
    if not in_lead or in_lead[0].sentence >= number:
        return None
    told: Gender | None = "f" if word in FEMALE_WORDS else "m" if word in MALE_WORDS else None
    first = in_lead[0]
    return first.mention if told is None or first.gender in (told, None) else None


def _the_one_given_the_role(
    token: Token, ahead: Sequence[_FirstNamed], roles: dict[str, set[str]]
) -> ActorMention | None:
    """ "Her spokesman said ... spokesman Harlan Boll": a role a story's people have one of (a
    spokesman, a lawyer, a coroner) is the one person the article gives it, before or after."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ in ("attr", "compound", "appos"):
        return None
    word = token.lemma_.lower()
    if (word not in ROLE_SYNONYMS and word not in ROLE_WORDS) or _has_own_name(token):
        return None
    possessed = any(child.dep_ == "poss" for child in children_of(token))
    if not (possessed or _is_definite(token) or _is_unnamed_spokesman(token, word)) or _is_told_apart(token):
        return None
    given = [person for person in ahead if _has_role(roles.get(person.mention.name, set()), word)]
    return given[0].mention if len(given) == 1 else None


def _is_unnamed_spokesman(token: Token, word: str) -> bool:
    """ "..., a Norland spokesman said": a story quotes its spokesman before it names him."""
    return word in ROLE_SYNONYMS["spokesman"] and token.dep_ == "nsubj" and is_reporting(token.head)


def _reference(token: Token, antecedent: ActorMention) -> ActorMention:
    from generator.extract.actors.mentions import ActorMention

    return ActorMention(token.i, token.i + 1, token.text, antecedent.name, antecedent.kind, "COREF")


def _remember(
    doc: Doc,
    mention: ActorMention,
    number: int,
    seen: dict[str, _Seen],
    genders: dict[str, Gender],
    roles: dict[str, set[str]],
    by_word: dict[str, tuple[int, ActorMention]],
) -> None:
    entry = seen.get(mention.name)
    root = span_root(doc, mention.start, mention.end)
    if entry is None and mention.kind == "person" and _is_predicative(root):
        return  # "rumored to be Deep Throat", "was named Smith": a name said of someone else
    if entry is None:
        entry = seen[mention.name] = _Seen(mention, number)
    entry.mention, entry.sentence = mention, number
    entry.gender = genders.get(mention.name)
    entry.roles = roles.get(mention.name, set())
    if (_is_subject(root) or _is_line_topic(root)) and not (
        mention.kind != "person" and _reports_a_thing_before(root)
    ):
        entry.subject_sentence = number
    if mention.kind in ("organization", "product"):
        # "the store" for iTunes Store, "the ministry": the head word of the name; not
        # "the company" (the last company named) nor "the air" for the Air Force
        head_word = _head_word(mention.name)
        if head_word and head_word not in CORPORATE_WORDS:
            by_word[_singular(head_word)] = (number, mention)
    for word in hazard_descriptions(mention.name):
        by_word[word] = (number, mention)


def _is_subject(token: Token) -> bool:
    """The subject, or the name in it: "Former aide Tom Hale, a close ally of ..., has died"."""
    while token.dep_ in ("compound", "appos", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _is_line_topic(token: Token) -> bool:
    """ "Kraft Shooting: Yvonne Hiller Charged With Murder": the name a verbless headline puts after
    its label is what the line is about, as a subject is."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    root = token.head
    return token.dep_ == "appos" and root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN")


def _reports_a_thing_before(name: Token) -> bool:
    """ "The quake hit at 1:41 p.m., the U.S. Geological Survey said. It was followed by ...": the
    body a trailing attribution names told of a thing, which the next "it" continues."""
    while name.dep_ in ("compound", "appos", "flat") and name.head.i != name.i:
        name = name.head
    verb = name.head
    if not is_reporting(verb):
        return False
    return any(
        subject.tag_ == "NN" and subject.pos_ == "NOUN"
        for clause in children_of(verb)
        if clause.dep_ == "ccomp" and clause.i < verb.i
        for subject in children_of(clause)
        if subject.dep_ in ("nsubj", "nsubjpass")
    )


def _is_predicative(token: Token) -> bool:
    return token.dep_ in ("attr", "oprd") or (token.dep_ == "appos" and token.head.dep_ == "attr")


def _carry_on(token: Token, antecedent: ActorMention, number: int, seen: dict[str, _Seen]) -> None:
    """A reference keeps its actor in mind: "He was 75. His body was found" is still him; and a
    description as the subject is the subject "it" continues ("The index rose. It last set ...")."""
    entry = seen.get(antecedent.name)
    is_subject = token.dep_ in ("nsubj", "nsubjpass")
    if entry is None or (token.lower_ not in SINGULAR_PRONOUNS and not is_subject):
        return
    entry.sentence = max(entry.sentence, number)
    if token.dep_ in ("nsubj", "nsubjpass"):
        entry.subject_sentence = number


def _antecedent(
    token: Token,
    number: int,
    seen: dict[str, _Seen],
    by_word: dict[str, tuple[int, ActorMention]],
    kinds: dict[str, set[str]],
    by_start: dict[int, ActorMention] | None = None,
    new_product: Callable[[int], ActorMention | None] | None = None,
) -> ActorMention | None:
    lowered = token.lower_
    if lowered in MALE_PRONOUNS or lowered in FEMALE_PRONOUNS:
        if token.pos_ != "PRON" and token.tag_ not in ("PRP", "PRP$"):
            return None
        gender: Gender = "m" if lowered in MALE_PRONOUNS else "f"
        return _subject_of_own_sentence(token, seen, gender) or _person_for_pronoun(
            token, number, seen, gender, by_start or {}
        )
    if lowered in THING_PRONOUNS:
        return _thing_for_pronoun(token, number, seen)
    if lowered in ("they", "their"):
        return _team_for_pronoun(token, number, seen, kinds)
    # "Police said ...", "the force": a police body the article named ("Avon and Somerset Police")
    police = (
        lowered in POLICE_WORDS
        and token.dep_ != "attr"
        and not _has_own_name(token)
        and (lowered in BARE_POLICE_WORDS or _is_definite(token))
    )
    if police and (force := _police(seen, number)) is not None:
        return force
    if token.pos_ != "NOUN" or token.dep_ == "attr":
        return None  # "Roe is the first woman to ...": a predicate noun refers to no one
    word = token.lemma_.lower()
    definite = _is_definite(token)
    # "her husband", "Lohan's attorney"
    possessed = any(
        child.dep_ == "poss" and (child.lower_ in POSSESSIVE_PRONOUNS or child.pos_ == "PROPN")
        for child in children_of(token)
    )
    # "union officials would meet company executives": the union and the company of the story
    bare_body = word in BARE_BODY_WORDS and token.dep_ == "compound" and token.head.lower_ in BODY_PEOPLE
    if not (definite or possessed or bare_body or is_bare_takings(token)):
        return None  # "a man", "sales of new homes" (most nouns: before the costlier test below)
    if _has_own_name(token):
        return None  # "the actor Tom Hanks"
    if bare_body:
        return _organization_of_kind(seen, number, DESCRIPTION_KINDS.get(word, "company"), kinds)
    if not (definite or possessed):
        return _organization_of_kind(seen, number, "company", kinds)  # "Revenue rose": the company's
    # a role the article gave someone: "the actress", "her husband" (one person: not "its founders")
    with_role = (
        []
        if token.tag_ == "NNS"
        else [
            entry
            for entry in seen.values()
            if _has_role(entry.roles, word) and entry.mention.kind == "person"
        ]
    )
    if with_role:
        return max(with_role, key=lambda entry: (entry.sentence, entry.mention.start)).mention
    if not definite:
        return None
    if word == "stock" and token.tag_ == "NN" and token.dep_ != "compound" and not _is_modified(token):
        return _organization_of_kind(seen, number, "company", kinds)  # "The stock closed at $27.85"
    told_new = new_product(token.i) if new_product is not None and lowered in PRODUCT_NOUNS else None
    if told_new is not None and any(child.lower_ in NEW_WORDS for child in children_of(token)):
        return told_new  # "the new aircraft" is the new one the story is about, not a rival named since
    described = _described_kind(token, word)
    if described == "index" and (called := _index_called(token, seen, kinds)) is not None:
        return called
    if described is not None:
        return _organization_of_kind(seen, number, described, kinds)
    named = by_word.get(_singular(token.lower_))
    if named is not None and number - named[0] <= DESCRIPTION_WINDOW:
        return named[1]
    if (lowered in ORG_NOUNS or word in ORG_NOUNS) and token.tag_ != "NNS":  # not "the two companies"
        # "'We will work with the FDA,' the company said": not a body the quotation names
        outside = {
            entry.mention.name: entry for entry in _told_outside_quotations(token, list(seen.values()))
        }
        found = _organization_of_kind(outside, number, "company", kinds)
        return _subject_company(token, number, seen, kinds, found) if found is not None else None
    if lowered in PRODUCT_NOUNS:
        return _recent(seen, number, DESCRIPTION_WINDOW, kinds=("product",))
    if word in ANY_PERSON_NOUNS and token.tag_ != "NNS":
        seen = _could_be_described(token, word, seen)
    if word in PLAIN_PERSON_NOUNS and token.tag_ != "NNS" and not _is_modified(token):
        told_plain: Gender | None = (
            "f" if word in FEMALE_DESCRIPTIONS else "m" if word in MALE_WORDS else None
        )
        return _only_person(seen, number, told_plain)
    if word in PERSON_NOUNS and token.tag_ != "NNS":
        told: Gender | None = "f" if word in FEMALE_WORDS else "m" if word in MALE_WORDS else None
        found = _recent(seen, number, PRONOUN_WINDOW, kinds=("person",), gender=told, subject=True)
        # "the actress" with no subject near: the one woman the last sentences named
        return found if found is not None or told is None else _only_person(seen, number, told)
    return None


# The roles of the people who tell or handle another's story: "the climber" or "the man" is not
# the police inspector or the lawyer the article quotes
SOURCE_ROLES = frozenset(
    """spokesman spokeswoman spokesperson representative rep publicist lawyer attorney counsel
    prosecutor coroner inspector insp detective sergeant sgt officer constable trooper sheriff
    superintendent commissioner judge""".split()
)


def _could_be_described(token: Token, word: str, seen: dict[str, _Seen]) -> dict[str, _Seen]:
    """The people a description of what someone is ("the climber", "the man") may mean: not one the
    article gives the role of a source or handler of the story (unless the description is that role),
    nor the speaker who tells of them ("Inspector Roe said the climber fell")."""
    speakers = _speakers_of(token)
    return {
        name: entry
        for name, entry in seen.items()
        if entry.mention.kind != "person"
        or (
            (_has_role(entry.roles, word) or not entry.roles & SOURCE_ROLES)
            and not any(entry.mention.start <= index < entry.mention.end for index in speakers)
        )
    }


def _speakers_of(token: Token) -> set[int]:
    """Token indexes of the subjects of the verbs of saying whose complement holds `token`."""
    found: set[int] = set()
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and is_reporting(token.head):
            found |= {
                inner.i
                for child in children_of(token.head)
                if child.dep_ in ("nsubj", "nsubjpass")
                for inner in child.subtree
            }
        token = token.head
    return found


NEW_WORDS = frozenset({"new", "newest", "latest"})


def _product_told_new(doc: Doc, mentions: Sequence[ActorMention]) -> Callable[[int], ActorMention | None]:
    """What "the new aircraft" at a token is: the last product the article called new before it
    ("the new mid-size 787 Dreamliner"), else the product it names most (at least twice)."""
    products = [mention for mention in mentions if mention.kind == "product"]
    called_new = [mention for mention in products if _said_new(doc, mention.start)]
    counts = Counter(mention.name for mention in products)
    most = counts.most_common(1)[0] if counts else ("", 0)
    main = next((mention for mention in products if mention.name == most[0]), None) if most[1] >= 2 else None

    def told_new(index: int) -> ActorMention | None:
        return next((mention for mention in reversed(called_new) if mention.end <= index), main)

    return told_new


def _said_new(doc: Doc, start: int) -> bool:
    """ "the new mid-size, long-range 787 Dreamliner": "new" among the words of the name's phrase
    before it (back to a preposition or a verb)."""
    index = start - 1
    while index >= 0 and doc[index].pos_ not in ("ADP", "VERB", "AUX") and not doc[index].is_sent_end:
        if doc[index].lower_ in NEW_WORDS:
            return True
        index -= 1
    return False


def _head_word(name: str) -> str:
    """The word a name's description repeats: "store" of "iTunes Store", "bank" of "Bank of England"."""
    words = name_key(name).split(" of ")[0].split()
    return words[-1] if words else ""


def _kind_word(name: str) -> str:
    """The word of a name that says what it is: "Co." says nothing of "Ford Motor Co."."""
    words = name_key(name).split(" of ")[0].split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _described_kind(token: Token, word: str) -> str | None:
    """The kind of body a description names: "the index", "the central bank", "the union"."""
    if token.tag_ == "NNS":
        return None  # "the unions", "the banks": several bodies, not the one named
    kind = DESCRIPTION_KINDS.get(word)
    if kind == "bank" and any(child.lower_ == "central" for child in children_of(token)):
        return "central bank"
    return kind


def _organization_of_kind(
    seen: dict[str, _Seen], number: int, described: str, kinds: dict[str, set[str]]
) -> ActorMention | None:
    """The last organisation (in the description window) that a description of `described` fits.

    One of that kind is preferred to one of no known kind; one of another kind never fits. "The
    company" is the last one the article shows to be a company, unless its own sentence names one.
    """
    fitting: list[tuple[int, int, int, ActorMention]] = []
    for entry in seen.values():
        if entry.mention.kind != "organization" or number - entry.sentence > DESCRIPTION_WINDOW:
            continue
        rank = _fit(described, kinds.get(entry.mention.name, set()))
        if rank == 0 and described == "company" and entry.sentence == number:
            rank = 1  # "on the Airbus website, the company said": the body its own sentence names
        if rank is not None:
            fitting.append((rank, entry.sentence, entry.mention.start, entry.mention))
    return max(fitting, key=lambda item: item[:3])[3] if fitting else None


def _subject_company(
    token: Token, number: int, seen: dict[str, _Seen], kinds: dict[str, set[str]], found: ActorMention
) -> ActorMention:
    """ "AMD ... has forged a deal, in its competition with Intel Corp. The company said it will
    pay": "the company" as a subject goes on from the company the sentence before had as its
    subject, as "it" would, rather than one named since in passing."""
    if token.dep_ not in ("nsubj", "nsubjpass") or any(
        child.lower_ in ("this", "that") for child in children_of(token)
    ):
        return found  # "That company, which provides ...": the one just named
    if found.name in seen and seen[found.name].sentence == number:
        return found  # "Chrysler's chief will leave when the company emerges": named in its sentence
    subjects = [
        entry
        for entry in seen.values()
        if entry.mention.kind == "organization"
        and entry.subject_sentence == number - 1
        and _fit("company", kinds.get(entry.mention.name, set())) == 1
    ]
    if len(subjects) != 1 or subjects[0].mention.name == found.name:
        return found
    return subjects[0].mention if _fit("company", kinds.get(found.name, set())) == 1 else found


def _fit(described: str, own: set[str]) -> int | None:
    """How well an organisation of kinds `own` fits a description of `described`: 2 of that kind,
    1 a company for a kind of company ("Tesla Inc" for "the carmaker") or for "the company", 0 of no
    known kind, None not at all."""
    if described == "company":
        if own == {"exchange"}:
            return -1  # "fell on the New York Stock Exchange. The company said": where its shares trade
        return 1 if own & COMPANY_KINDS else 0 if not own else None
    if described in own:
        return 2
    if described == "central bank":
        return None
    if described in COMPANY_KINDS and "company" in own and not own & KINDS_OF_COMPANY:
        return 1
    return 0 if not own and described not in NAMED_WITH_KIND else None


def _organization_kinds(doc: Doc, mentions: Sequence[ActorMention]) -> dict[str, set[str]]:
    """The kinds of body each organisation is, by its name's words and what the article calls it
    ("the United Auto Workers union", "Ford, the automaker")."""
    kinds: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "organization":
            continue
        words = name_key(mention.name).split()
        own = kinds.setdefault(mention.name, set())
        head = _kind_word(mention.name)
        if head in NAME_WORD_KINDS:
            own.add(NAME_WORD_KINDS[head])
        if LEGAL_SUFFIXES & set(words[1:]):
            own.add("company")  # "Norland Corp.", "Hollis Group plc"
        if INDEX_NAMES & set(words) or (len(words) >= 2 and words[-1].isdigit()):
            own.add("index")  # "the Dow", "FTSE 100", "S&P 500", "Nikkei 225"
        if "central bank" in " ".join(words) or {"reserve", "fed", "bundesbank"} & set(words):
            own.add("central bank")
        if words[:2] == ["bank", "of"] and words[-1] in CENTRAL_BANK_COUNTRIES:
            own.add("central bank")  # "Bank of England", "Bank of Japan"
        span = doc[mention.start : mention.end]
        # "Ford, the automaker", "carmaker Ford"; not "the main Airbus union", the union at Airbus
        called = (
            _role_words(doc, span) - {span_root(doc, span.start, span.end).head.lemma_.lower()}
            if span_root(doc, span.start, span.end).dep_ == "compound"
            else _role_words(doc, span)
        )
        own |= {DESCRIPTION_KINDS[word] for word in called if word in DESCRIPTION_KINDS}
        if _is_team_plural(span):
            own.add("team")  # "the Colts" for the Indianapolis Colts
        if _is_police_name(mention.name):
            own.add("police")  # "the team" or "the company" is never the highway patrol
        if "central bank" in own:
            own.add("bank")
        if "index" in own:
            own |= {
                f"called {epithet}" for epithet in _epithets(doc[max(0, mention.start - 3) : mention.end])
            }
    return kinds


# What market news calls an index by: "the benchmark S&P 500", "the blue-chip Dow", "the broader Topix"
INDEX_EPITHETS = ("benchmark", "blue-chip", "blue chip", "broader", "tech-heavy", "technology-heavy")
# The index each epithet names where the story does not say: the market's own usage
EPITHET_INDEXES: dict[str, tuple[str, ...]] = {
    "benchmark": ("s&p 500", "standard & poor's 500", "nikkei", "ftse 100", "dax", "cac 40", "kospi"),
    "blue-chip": ("dow", "ftse 100", "dax", "cac 40"),
    "blue chip": ("dow", "ftse 100", "dax", "cac 40"),
    "broader": ("s&p 500", "standard & poor's 500", "topix"),
    "tech-heavy": ("nasdaq",),
    "technology-heavy": ("nasdaq",),
}


def _epithets(span: Span) -> set[str]:
    text = span.text.lower()
    return {epithet for epithet in INDEX_EPITHETS if epithet in text}


def _index_called(token: Token, seen: dict[str, _Seen], kinds: dict[str, set[str]]) -> ActorMention | None:
    """ "the benchmark", "the blue-chip index": the index the story calls so, else the one markets
    call so ("the benchmark" of a Wall Street story is the S&P 500, not the Nasdaq named last),
    however far back it was named."""
    epithets = _epithets(token.doc[token.left_edge.i : token.i + 1])
    indexes = [entry for entry in seen.values() if "index" in kinds.get(entry.mention.name, ())]
    for epithet in sorted(epithets):
        called = [entry for entry in indexes if f"called {epithet}" in kinds[entry.mention.name]]
        called = called or [
            entry
            for entry in indexes
            if any(name_key(entry.mention.name).startswith(known) for known in EPITHET_INDEXES[epithet])
        ]
        if called:
            return max(called, key=lambda entry: (entry.sentence, entry.mention.start)).mention
    return None


def _is_team_plural(span: Span) -> bool:
    """ "the Colts", "the visiting Jaguars": a team called by the plural of its name's last word."""
    word = span[0]
    if len(span) != 1 or not word.is_title or word.tag_ not in ("NNPS", "NNS") or word.dep_ == "compound":
        return False  # "the Airbus website": a company's name that ends in "s"
    return is_after_the(span.doc, span.start)


def _police(seen: dict[str, _Seen], number: int) -> ActorMention | None:
    """The police body the article named last within the description window; further on, the one
    police body it named (a crime story follows one force: "the NYPD" early, "police said" late)."""
    forces = [
        entry
        for entry in seen.values()
        if entry.mention.kind == "organization" and _is_police_name(entry.mention.name)
    ]
    candidates = [entry for entry in forces if number - entry.sentence <= DESCRIPTION_WINDOW]
    if not candidates:
        return forces[0].mention if len(forces) == 1 else None
    return max(candidates, key=lambda entry: (entry.sentence, entry.mention.start)).mention


_POLICE_DEPARTMENT = re.compile(r"^[A-Z]{1,4}PD$")  # NYPD, LAPD: a city's police department


@lru_cache(maxsize=4096)
def _is_police_name(name: str) -> bool:
    words = name.split()
    return bool(set(name_key(name).split()) & POLICE_NAMES) or any(_POLICE_DEPARTMENT.match(w) for w in words)


def _only_person(seen: dict[str, _Seen], number: int, gender: Gender | None) -> ActorMention | None:
    """The one person of `gender` named in the last sentences; None when none or several could be meant."""
    candidates = [
        entry
        for entry in seen.values()
        if entry.mention.kind == "person"
        and number - entry.sentence <= PRONOUN_WINDOW
        and (gender is None or entry.gender == gender or (entry.gender is None and gender is not None))
    ]
    if len(candidates) != 1:
        return None
    entry = candidates[0]
    if gender is not None and entry.gender is None and not _only_person_at_all(seen, number):
        return None  # a person of unknown gender is "the man" only when no one else is near
    return entry.mention


def _only_person_at_all(seen: dict[str, _Seen], number: int) -> bool:
    near = [e for e in seen.values() if e.mention.kind == "person" and number - e.sentence <= PRONOUN_WINDOW]
    return len(near) == 1


def _is_modified(token: Token) -> bool:
    """ "the other man", "a second woman", "the man's wife" is not "the man": another person, or one
    the noun phrase tells apart ("the man who found him")."""
    return (
        any(
            child.dep_ in ("amod", "nummod", "relcl", "acl") or child.lower_ in ("other", "another", "second")
            for child in children_of(token)
        )
        or token.dep_ == "poss"
    )


def _is_told_apart(token: Token) -> bool:
    """ "the man who found him", "two men", "the man's wife": not the one person a story is about;
    an adjective ("a 36-year-old British man") only describes him."""
    return token.dep_ == "poss" or any(
        child.dep_ in ("nummod", "relcl", "acl") or child.lower_ in ("other", "another", "second")
        for child in children_of(token)
    )


# what a description's own name is not: a place ("the No. 3 U.S. automaker"), a film it is known
# for ("the star of such hits as "Jupiter's Darling"")
NOT_OWN_NAME_TYPES = frozenset({"GPE", "NORP", "LOC", "WORK_OF_ART"})


def _has_own_name(token: Token) -> bool:
    """ "the actor Tom Hanks", "the company president and CEO Louis Gallois": the description
    comes with a name of its own (not "the minister and John Smith", two people). A name before
    it says whose or what it is, not who: "the Falcons coach", "a Denver District Court judge",
    "the American Pie actress"."""
    children = children_of(token)
    return (
        any(
            child.i > token.i
            and child.dep_ in ("appos", "compound")
            and child.pos_ == "PROPN"
            and child.ent_type_ not in NOT_OWN_NAME_TYPES
            for child in children
        )
        or (token.dep_ == "compound" and token.head.pos_ == "PROPN")
        or any(child.dep_ == "conj" and _is_titled_name(child) for child in children)
    )


def _is_titled_name(token: Token) -> bool:
    """ "CEO Louis Gallois": a name with a role word before it."""
    return token.pos_ == "PROPN" and any(
        child.dep_ == "compound" and child.lower_ in PERSON_NOUNS and child.i < token.i
        for child in children_of(token)
    )


def _subject_of_own_sentence(token: Token, seen: dict[str, _Seen], gender: Gender) -> ActorMention | None:
    """ "Klitschko displayed his dominance", "LaRue said after he admitted the charges", "O'Brien's
    stubbornness cost him his job": a pronoun under a person subject (or a subject's owner) named
    before it in its sentence is that person; its own verb's subject is not ("Smith praised him")."""
    people = {
        index: entry.mention
        for entry in seen.values()
        if entry.mention.kind == "person" and entry.gender in (gender, None) and entry.mention.end <= token.i
        for index in range(entry.mention.start, entry.mention.end)
    }
    if not people:
        return None
    if token.dep_ == "poss":
        verb = token.head
    else:
        own = token.head.head if token.dep_ == "pobj" else token.head
        subjects = [
            child for child in children_of(own) if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i
        ]
        owner = next(
            (people[c.i] for s in subjects for c in children_of(s) if c.dep_ == "poss" and c.i in people),
            None,
        )
        if owner is not None or own.head.i == own.i:
            return owner
        verb = own.head
    while True:
        for subject in (child for child in children_of(verb) if child.dep_ in ("nsubj", "nsubjpass")):
            owners = [child.i for child in children_of(subject) if child.dep_ == "poss"]
            found = next((people[i] for i in (subject.i, *owners) if i in people and i < token.i), None)
            if found is not None:
                return found
        if verb.head.i == verb.i:
            return None
        verb = verb.head


def _person_for_pronoun(
    token: Token, number: int, seen: dict[str, _Seen], gender: Gender, by_start: dict[int, ActorMention]
) -> ActorMention | None:
    blocked = _co_arguments(token)
    # "He tied Ford": whom a co-argument names, also named before, is not "he" (but "He left Cook
    # in charge, the same move made in Jobs' absences" may be Jobs, named deep inside one)
    heads = {child.i for child in children_of(token.head) if child.i in blocked}
    blocked_names = {
        mention.name for mention in by_start.values() if any(mention.start <= i < mention.end for i in heads)
    }
    candidates = [
        entry
        for entry in seen.values()
        if entry.mention.kind == "person"
        and entry.gender in (gender, None)
        and number - entry.sentence <= PRONOUN_WINDOW
        and not (entry.sentence == number and entry.mention.start in blocked)
        and entry.mention.name not in blocked_names
    ]
    if not candidates:
        return None
    candidates = _told_outside_quotations(token, candidates)
    # the last subject, unless a person named since then is its only match in gender
    subjects = [entry for entry in candidates if number - entry.subject_sentence <= 1]
    known = [entry for entry in candidates if entry.gender == gender]
    if len(known) == 1 and (not subjects or known[0] in subjects or all(s.gender is None for s in subjects)):
        return known[0].mention
    pool = subjects or candidates
    return max(pool, key=lambda entry: (entry.sentence, entry.mention.start)).mention


def _told_outside_quotations(token: Token, candidates: list[_Seen]) -> list[_Seen]:
    """ "'I thank my mother, Mia Lind,' she said. 'It was hard,' she added": a pronoun outside
    quotation marks is someone the writer named, not one a quoted speaker named, when one fits."""
    ranges = quotations(token.doc)
    if any(start <= token.i < end for start, end in ranges):
        return candidates
    outside = [
        entry for entry in candidates if not any(start <= entry.mention.start < end for start, end in ranges)
    ]
    return outside or candidates


def _co_argument_names(token: Token, owners: dict[int, ActorMention]) -> set[str]:
    """The actors that head another argument of the reference's verb, named or referred to ("it
    will buy the company": not the buyer); not one inside an argument ("Rourke's stubbornness cost
    him his job" may be Rourke)."""
    if token.dep_ not in ARGUMENT_DEPS or token.lower_.endswith("self"):
        return set()
    return {
        owners[child.i].name
        for child in children_of(token.head)
        if child.i != token.i and child.dep_ in ARGUMENT_DEPS and child.i in owners
    }


def _co_arguments(token: Token) -> set[int]:
    """Token indexes of the other arguments of the pronoun's own verb ("Smith praised him")."""
    if token.dep_ not in ARGUMENT_DEPS or token.lower_.endswith("self"):
        return set()
    head = token.head
    return {
        inner.i
        for child in children_of(head)
        if child.i != token.i and child.dep_ in ARGUMENT_DEPS
        for inner in child.subtree
    }


def _thing_for_pronoun(token: Token, number: int, seen: dict[str, _Seen]) -> ActorMention | None:
    """ "It" (or "its") as a subject, or the owner of one: the last organisation or product subject."""
    anchor = token.head if token.dep_ == "poss" else token
    if anchor.dep_ not in ("nsubj", "nsubjpass") or token.dep_ == "expl":
        return None
    if token.lower_ == "it" and token.head.lemma_ == "be":
        return None  # "it is expected", "it was a good day"
    verb = anchor.head
    if verb.dep_ == "ROOT":
        reach = 1  # the main clause's "it" continues the sentence before's subject
    elif verb.dep_ == "ccomp" and is_reporting(verb.head):
        reach = 0  # "Apple said it would ...": the sayer
    else:
        return None  # "as it follows ...": most often the thing just named, not an actor
    candidates = [
        entry
        for entry in seen.values()
        if entry.mention.kind in ("organization", "product") and 0 <= number - entry.subject_sentence <= reach
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda entry: (entry.subject_sentence, entry.mention.start)).mention


def _team_for_pronoun(
    token: Token, number: int, seen: dict[str, _Seen], kinds: dict[str, set[str]]
) -> ActorMention | None:
    """ "The Colts ... They won without Harrison": "they" (or "their") as the subject of a main clause,
    or its owner, is the team the sentence before or its own had as subject."""
    anchor = token.head if token.dep_ == "poss" else token
    if anchor.dep_ not in ("nsubj", "nsubjpass") or anchor.head.dep_ not in ("ROOT", "conj"):
        return None
    teams = [
        entry
        for entry in seen.values()
        if "team" in kinds.get(entry.mention.name, ()) and 0 <= number - entry.subject_sentence <= 1
    ]
    if not teams:
        return None
    return max(teams, key=lambda entry: (entry.subject_sentence, entry.mention.start)).mention


def _recent(
    seen: dict[str, _Seen],
    number: int,
    window: int,
    kinds: Sequence[str],
    gender: Gender | None = None,
    subject: bool = False,
) -> ActorMention | None:
    candidates = [
        entry
        for entry in seen.values()
        if entry.mention.kind in kinds
        and number - entry.sentence <= window
        and (gender is None or entry.gender in (gender, None))
        and (not subject or number - entry.subject_sentence <= window)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda entry: (entry.sentence, entry.mention.start)).mention


def _genders_and_roles(
    doc: Doc, mentions: Sequence[ActorMention]
) -> tuple[dict[str, Gender], dict[str, set[str]]]:
    """The gender and the roles the article gives each person it names."""
    votes: dict[str, list[Gender]] = {}
    roles: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "person":
            continue
        span = doc[mention.start : mention.end]
        words = _role_words(doc, span)
        root = span_root(doc, span.start, span.end)
        roles.setdefault(mention.name, set()).update(words - GENERIC_PERSON_WORDS, _roles_by_deed(root))
        for word in words:
            if word in FEMALE_WORDS:
                votes.setdefault(mention.name, []).append("f")
            elif word in MALE_WORDS:
                votes.setdefault(mention.name, []).append("m")
        if (told := _reflexive_gender(root)) is not None:
            votes.setdefault(mention.name, []).append(told)
    genders: dict[str, Gender] = {}
    for name in roles:
        said = votes.get(name, [])
        if said and all(vote == said[0] for vote in said):
            genders[name] = said[0]
            continue
        first = name.split()[0].lower() if name.split() else ""
        if not said and first in FEMALE_NAMES:
            genders[name] = "f"
        elif not said and first in MALE_NAMES:
            genders[name] = "m"
    return genders, roles


def _reflexive_gender(name: Token) -> Gender | None:
    """ "Tara Reid has checked herself into rehab": the gender of the reflexive pronoun of the
    verb a person is the subject of."""
    while name.dep_ in ("compound", "flat", "appos") and name.head.i != name.i:
        name = name.head
    if name.dep_ != "nsubj":
        return None
    verb = name.head
    tokens = tokens_of(name.doc)
    for index in _reflexive_pronouns(name.doc):  # in order, as they come in the verb's subtree
        token = tokens[index]
        if token.i != verb.i and not verb.is_ancestor(token):
            continue
        governor = token.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        if governor.i == verb.i:
            return "f" if token.lower_ == "herself" else "m"
    return None


def _reflexive_pronouns(doc: Doc) -> list[int]:
    """The token indexes of "herself" and "himself" (most articles have none)."""
    return made_once(
        doc,
        "reflexive_pronouns",
        lambda doc: [index for index, lower in enumerate(lowers_of(doc)) if lower in ("herself", "himself")],
    )


MAX_AGE = 120
AGE_DESCRIPTION_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj"})


def _age_before(doc: Doc, start: int) -> int | None:
    """The age in "36-year-old" or "36-year old" ending just before token `start`, if any."""
    words = [token.lower_ for token in doc[max(0, start - 5) : start]]
    for length in (5, 4):  # "36 - year - old", "36 - year old"
        tail = words[-length:]
        if len(tail) < length or tail[-1] != "old" or "year" not in tail or tail[1] != "-":
            continue
        number = tail[0]
        if number.isdigit() and 0 < int(number) <= MAX_AGE:
            return int(number)
    return None


def _age_after(doc: Doc, end: int) -> int | None:
    """The age in "Duncan Rait, 36," or "Rait, aged 36," after a name ending before token `end`."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    index = end + 2 if doc[end + 1].lower_ == "aged" else end + 1
    if index >= len(doc) or not doc[index].text.isdigit() or not 0 < int(doc[index].text) <= MAX_AGE:
        return None
    after = doc[index + 1].text if index + 1 < len(doc) else "."
    return int(doc[index].text) if after in (",", ".", ")", ";") or doc[index + 1].is_space else None


def _ages(doc: Doc, mentions: Sequence[ActorMention]) -> dict[int, set[ActorMention]]:
    """The people each age is given to: "Duncan Rait, 36,", "16-year-old Kimani Gray"."""
    found: dict[int, dict[str, ActorMention]] = {}
    for mention in mentions:
        if mention.kind != "person" or mention.label == "COREF":
            continue
        age = _age_after(doc, mention.end) or _age_before(doc, mention.start)
        if age is not None:
            found.setdefault(age, {})[mention.name] = mention
    return {age: set(people.values()) for age, people in found.items()}


def _person_of_age(token: Token, ages: dict[int, set[ActorMention]]) -> ActorMention | None:
    """ "The 36-year-old slipped": the one person the article gives that age ("Duncan Rait, 36,")."""
    if token.lower_ != "old" or token.dep_ not in AGE_DESCRIPTION_DEPS:
        return None
    if not any(child.lower_ in DEFINITE_DETERMINERS for child in children_of(token) if child.dep_ == "det"):
        return None  # "a 36-year-old" is someone new
    age = _age_before(token.doc, token.i + 1)
    people = ages.get(age, set()) if age is not None else set()
    return next(iter(people)) if len(people) == 1 else None


def _person_named_before(token: Token, number: int, seen: dict[str, _Seen]) -> ActorMention | None:
    """ "Rovers signed Tomas Berg. The 23-year-old passed a medical": in an article that gives no one
    an age, the last person named in full in the sentences before, never another argument of the
    description's own verb ("the judge ordered the 34-year-old")."""
    if (
        token.lower_ != "old"
        or token.dep_ not in AGE_DESCRIPTION_DEPS
        or _age_before(token.doc, token.i + 1) is None
    ):
        return None
    if not any(child.lower_ in DEFINITE_DETERMINERS for child in children_of(token) if child.dep_ == "det"):
        return None
    blocked = _co_arguments(token)
    people = [
        entry
        for entry in seen.values()
        if entry.mention.kind == "person"
        and " " in entry.mention.name  # a one-word "person" is as often a club the model misread
        and number - entry.sentence <= PRONOUN_WINDOW
        and not (entry.sentence == number and entry.mention.start in blocked)
    ]
    return max(people, key=lambda entry: (entry.sentence, entry.mention.start)).mention if people else None


# Bodies news names bare before the people who act for them: "company executives", "union leaders"
BARE_BODY_WORDS = frozenset({"company", "union"})
BODY_PEOPLE = frozenset("officials executives leaders negotiators members representatives".split())


# Crime news calls people by what was done to them: "Police arrested John Roe. The suspect ..."
SUSPECT_VERBS = frozenset("arrest charge detain accuse indict convict sentence jail question hold".split())
VICTIM_VERBS = frozenset("kill shoot stab murder injure wound attack rob kidnap abduct assault".split())
SUSPECT_ROLES = frozenset({"suspect", "defendant", "accused"})
VICTIM_ROLES = frozenset({"victim"})


def _roles_by_deed(root: Token) -> frozenset[str]:
    """ "the suspect" for the person arrested or charged, "the victim" for the one killed or hurt."""
    while root.dep_ in ("compound", "appos", "conj") and root.head.i != root.i:
        root = root.head
    if root.dep_ not in ("dobj", "nsubjpass"):
        return frozenset()
    verb = root.head.lemma_.lower()
    return SUSPECT_ROLES if verb in SUSPECT_VERBS else VICTIM_ROLES if verb in VICTIM_VERBS else frozenset()


def _role_words(doc: Doc, span: Span) -> set[str]:
    """Nouns the article puts with a name: "actress Jane Roe", "Roe, the actress,", "Mr. Roe"."""
    words: set[str] = set()
    root = span_root(doc, span.start, span.end)
    tokens = tokens_of(doc)
    before = tokens[span.start - 1] if span.start > 0 else None
    if before is not None and before.text.rstrip(".") in HONORIFICS:
        words.add(before.lower_.rstrip("."))  # "Mrs. Roe", not "we will miss Roe"
    for token in tokens[span.start : span.end]:
        lowered = token.lower_.rstrip(".")
        if token.pos_ == "NOUN" or token.text.rstrip(".") in HONORIFICS:
            words.add(token.lemma_.lower().rstrip("."))
        elif token.pos_ == "PROPN" and (lowered in PERSON_NOUNS or lowered in ROLE_WORDS):
            words.add(lowered)  # "Attorney Mark Heller", "Deputy Jerry Ortiz": a title in the name
    for child in children_of(root):
        if child.i in range(span.start, span.end):
            continue
        if child.dep_ in ("compound", "appos") and child.pos_ in ("NOUN", "PROPN") and not child.ent_type_:
            words.add(child.lemma_.lower())
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        words.add(root.head.lemma_.lower())  # "the actress, Jane Roe"; "her husband, John Roe"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        words |= {
            child.lemma_.lower()
            for child in children_of(root.head)
            if child.dep_ == "attr" and child.pos_ == "NOUN"
        }
    return words


# Titles a name may carry that are also what the article calls the person: "Judge", "Attorney"
ROLE_WORDS = frozenset(
    """judge attorney lawyer deputy sheriff officer detective sergeant inspector constable trooper
    agent spokesman spokeswoman spokesperson coach captain manager director governor senator mayor
    minister secretary ambassador general colonel commander chief insp coroner prosecutor""".split()
)


# Words news uses for one role: "attorney Shawn Holley" is "the lawyer", "spokesman Tom Hale" "her rep"
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    word: group
    for group in (
        frozenset("lawyer attorney counsel solicitor barrister".split()),
        frozenset("spokesman spokeswoman spokesperson representative rep publicist".split()),
        frozenset("doctor physician".split()),
        frozenset("officer policeman policewoman cop".split()),
        frozenset("boss chief".split()),
        frozenset("mother mum mom".split()),
        frozenset("father dad".split()),
        frozenset("sister sis".split()),
    )
    for word in group
}


def _has_role(roles: set[str], word: str) -> bool:
    """Whether a person given `roles` is the one a description by `word` means, in any of its synonyms."""
    return word in roles or bool(ROLE_SYNONYMS.get(word, frozenset()) & roles)


# Nouns any person is: no description that tells one person from another
GENERIC_PERSON_WORDS = frozenset({"person", "people", "one", "man", "woman", "text", "year", "age"})


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _is_definite(token: Token) -> bool:
    if token.pos_ != "NOUN":
        return False
    for child in children_of(token):
        if child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS:
            return True
        if child.dep_ == "poss" and child.lemma_.lower() in SETS_OF_ALL:
            return any(grandchild.lower_ == "the" for grandchild in children_of(child))
    return False
