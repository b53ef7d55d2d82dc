"""Events: which sentences report something an actor did, when, where, and in a headline.

A clause is an event when its predicate is an action (not a state, an opinion or a forecast),
told as having happened (past tense; the present of headlines and summary lines; the present or
future of what a named actor does), not negated, not hedged by a modal, not habitual, and with at
least one actor taking part in it. A sentence gives its main clause's event, and another for each
clause whose actors are new ("X did A, and Y did B"); what was said is the event of a statement.
The same happening told several times in an article (headline, summary, body) becomes one event
with every mention.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from generator.extract.actors.coreference import GROUP_REFERENCES, QUOTE_MARKS, quotations
from generator.extract.actors.mentions import (
    HOLDINGS,
    POSITION_ABBREVIATIONS,
    ROLE_NOUNS,
    TITLE_WORDS,
    ActorMention,
    dateline_credit,
)
from generator.extract.doc_views import (
    children_of,
    entities_of,
    made_once,
    made_once_for,
    sentence_at,
    sentences_of,
    span_root,
    subtree_of,
    text_of,
    tokens_in,
    tokens_of,
)
from generator.extract.events.titles import make_title
from generator.extract.grammar import (
    SUBJECT_DEPS,
    article_verb_lemmas,
    copula_of_a_first,
    governing_verb,
    has_to_marker,
    infinitive_on_a_name,
    is_misattached_clause,
    mended_lemma,
    tells_the_purpose,
    verb_read_as_noun,
    verbs_in,
)
from generator.extract.lexicon import REPORTING_LEMMAS, TAKINGS_LEMMAS, is_reporting, names_an_act
from generator.extract.timex.dateline import read_dateline
from generator.extract.timex.vocabulary import WEEKDAYS
from generator.model import Article, DateSource, DateValue, Event, Mention, Sentence, TimeExpression
from generator.registry import name_key
from generator.text import split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

MODALS = frozenset({"could", "may", "might", "would", "should", "must", "can", "ca", "shall"})
MODALS_BUT_WOULD = MODALS - {"would"}
FORECASTING_AUXILIARIES = MODALS | {"will", "'ll"}
FUTURE_FRAMES = frozenset(
    {"set", "expect", "schedule", "plan", "due", "poise", "go", "intend", "hope", "aim"}
)
STATIVE_LEMMAS = frozenset(
    """be seem appear remain belong consist contain exist resemble deserve mean matter lack
    need want like know believe think hope wish expect plan forecast predict anticipate estimate
    doubt fear consider""".split()
)
STATES_AND_HAVING = STATIVE_LEMMAS | {"have"}
SAYING_OR_STATIVE = REPORTING_LEMMAS | STATIVE_LEMMAS
# the dependencies of a verb's subject and objects
SUBJECT_OR_OBJECT_DEPS = SUBJECT_DEPS | {"dobj"}
ARGUMENT_DEPS = SUBJECT_OR_OBJECT_DEPS | {"dative"}
NOUN_ARGUMENT_DEPS = SUBJECT_OR_OBJECT_DEPS | {"attr"}
COMMENTARY_SUBJECTS = frozenset(
    """analyst observer expert critic commentator pundit scholar some many community world
    we you they one""".split()
)
# "The stadium holds 60,000 fans", "the jet will seat 300 passengers": what a thing can take is
# a specification, not a happening (while "the ferry carried 300 passengers" when it sank is one).
CAPACITY_LEMMAS = frozenset({"hold", "seat", "carry", "accommodate", "house", "sleep"})
HABITUAL_ADVERBS = frozenset({"often", "usually", "frequently", "always", "typically", "generally", "never"})
SEQUENCE_VERBS = frozenset({"follow", "precede"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "across", "inside", "outside", "into"})
# Clauses whose words belong to another happening than their head verb's (actors are not shared).
NESTED_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "acl", "parataxis", "conj"})
_NOMINAL_VERBS = {
    "meeting": "meet",
    "talks": "talk",
    "discussion": "discuss",
    "discussions": "discuss",
    "visit": "visit",
    "delivery": "deliver",
    "announcement": "announce",
    "agreement": "agree",
    "release": "release",
    "launch": "launch",
    "election": "elect",
    "resignation": "resign",
    "attack": "attack",
    "sale": "sell",
    "purchase": "purchase",
    "acquisition": "acquire",
    "exchange": "exchange",
    "vote": "vote",
    "flight": "fly",
    "debut": "debut",
    "crash": "crash",
    "merger": "merge",
    "deal": "deal",
    "order": "order",
    "lawsuit": "sue",
    "death": "die",
    "introduction": "introduce",
    "unveiling": "unveil",
    "test": "test",
    "ceremony": "ceremony",
    "strike": "strike",
    "protest": "protest",
    "summit": "meet",
    "arrest": "arrest",
}


@dataclass(slots=True)
class _Candidate:
    """An event candidate from one sentence, before mentions are merged."""

    sentence: Sentence
    predicate: Token
    lemma: str
    actors: list[str]
    places: list[str]
    date: DateValue
    date_source: DateSource
    title: str
    confidence: float
    before: str | None = None  # the action of an event in this article that this one preceded
    tense: str = "past"
    mentions: list[Mention] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)  # actors only referred to ("he", "the company")
    modality: str | None = None  # "planned", "reported"
    plain_title: str = ""  # the title told as a fact, for a plan merged with its happening


def extract_events(
    article: Article,
    doc: Doc,
    mentions: Sequence[ActorMention],
    expressions: Sequence[TimeExpression],
) -> list[Event]:
    """The events `article` reports, in the order of their first mention."""
    sentences = split_sentences(article.text)
    headlines = _headline_lines(sentences, article.published)
    lead = headlines | _one_sentence_paragraphs_first(sentences)
    by_start = {sentence.start: sentence for sentence in sentences}
    candidates: list[_Candidate] = []
    anchor = _main_event_date(article, doc, expressions, sentences)
    reported_on = _lead_saying_date(article, doc, expressions, sentences, anchor)
    topic = _main_product(mentions)
    narrative: DateValue | None = anchor
    last_told: DateValue | None = None  # the last date a sentence told, across paragraphs
    previous_paragraph = -1
    spoke_on: dict[str, DateValue] = {}  # the day each speaker's last statement was made
    quoted = quotations(doc)
    # each sentence's mentions, bucketed once (not a scan of the article's mentions per sentence)
    by_sentence = _by_sentence(
        doc, [*_deals_referred_to(doc, mentions), *mentions, *_parents_of_units(mentions)]
    )
    expressions_in = _expressions_by_sentence(doc, expressions)
    for span in sentences_of(doc):
        sentence = by_start.get(span.start_char + _leading_space(span))
        if sentence is None:
            continue
        if sentence.paragraph != previous_paragraph:
            # a paragraph starts from the article's main event date, not from the last one's dates
            narrative, previous_paragraph = anchor, sentence.paragraph
        in_sentence = [
            *_bridges(span, mentions, topic, sentence.index in headlines),
            *by_sentence.get(span.start, ()),
        ]
        speakers = _speakers(span.root, mentions)
        in_span = expressions_in.get(span.start, [])
        text_date = _sentence_date(span, in_span, span.root)
        earlier = [spoke_on[speaker] for speaker in speakers if speaker in spoke_on]
        if text_date is None and earlier:
            narrative = earlier[0]  # "Jobs announced today ... He said that ...": one occasion
        said_before = any(start <= span.start < end for start, end in quoted) or _quotes_on(span, quoted)
        # a new speaker after a sentence about long ago ("began investigating in October. The agency
        # said ...") speaks on the story's day, not then
        background = narrative is not None and not _near_publication(narrative, article.published)
        for_sayings = anchor if background and not earlier else narrative
        if not earlier and reported_on is not None and narrative == anchor:
            # "walked out on Monday night, the union said on Tuesday": the story's sayings are Tuesday's
            for_sayings = reported_on
        candidates += _read_sentence(
            article,
            span,
            sentence,
            sentence.index in lead,
            in_sentence,
            in_span,
            narrative,
            for_sayings,
            said_before,
            last_told,
        )
        if text_date is not None:
            last_told = text_date[0]
        if (
            text_date is not None
            and not _is_past_perfect(span.root)
            and not _is_date_to_come(doc, text_date, article.published)
        ):
            narrative = text_date[0]
        told = text_date[0] if text_date is not None else for_sayings
        spoke_on.update((speaker, told) for speaker in speakers if told is not None)
    merged = _merge_mentions(candidates)
    _date_headlines_by_the_lead(merged, headlines)
    _order_sequences(merged)
    _date_by_the_happening_followed(merged)
    return [_to_event(article, number, candidate) for number, candidate in enumerate(merged, start=1)]


def _by_sentence(doc: Doc, mentions: Sequence[ActorMention]) -> dict[int, list[ActorMention]]:
    """The mentions by the first token of the sentence they start in, each in its order in `mentions`."""
    found: dict[int, list[ActorMention]] = {}
    for mention in mentions:
        found.setdefault(sentence_at(doc, mention.start).start, []).append(mention)
    return found


def _expressions_by_sentence(
    doc: Doc, expressions: Sequence[TimeExpression]
) -> dict[int, list[TimeExpression]]:
    """The expressions by the first token of the sentence whose characters they start in (those
    `_sentence_date` reads for it), each in its order in `expressions`."""
    sentences = sentences_of(doc)
    starts = [sentence.start_char for sentence in sentences]
    found: dict[int, list[TimeExpression]] = {}
    for expression in expressions:
        position = bisect.bisect_right(starts, expression.start) - 1
        if position >= 0 and expression.start < sentences[position].end_char:
            found.setdefault(sentences[position].start, []).append(expression)
    return found


def _quotes_on(span: Span, quoted: Sequence[tuple[int, int]]) -> bool:
    """'"My client is in the facility right now," Heller argued. "She's in rehab."': a sentence that
    opens a quotation right after a quoted one goes on with what was said then."""
    opens = span[0].text in QUOTE_MARKS and any(start == span.start + 1 for start, _ in quoted)
    if not opens or span.start == 0:
        return False
    previous = sentence_at(span.doc, span.start - 1)
    return any(previous.start <= start and end < span.start for start, end in quoted)


def _near_publication(date: DateValue, published: dt.date) -> bool:
    return 0 <= (published - date.first_day()).days <= ANCHOR_DAYS


def _speakers(root: Token, mentions: Sequence[ActorMention]) -> tuple[str, ...]:
    """Who a sentence's saying is by: the actors its reporting verb's subject names, in the order
    they are named (a set's order would change with the process's hash seed, and with it the
    date of a saying by two speakers)."""
    if not is_reporting(root) or root.pos_ != "VERB":
        return ()
    subjects = {child.i for child in children_of(root) if child.dep_ == "nsubj"}
    if not subjects:
        return ()
    named = (mention.name for mention in mentions if mention.end - 1 in subjects or mention.start in subjects)
    return tuple(dict.fromkeys(named))


# Verbs that tell what is foreseen: the date they take is when it may happen, not when it did
FORESEEING_LEMMAS = FUTURE_FRAMES | frozenset({"forecast", "predict", "anticipate", "project"})


def _is_date_to_come(doc: Doc, text_date: tuple[DateValue, TimeExpression], published: dt.date) -> bool:
    """ "The vote is due on March 28", "the walkout will begin on Monday", "expects sales of 11
    million this year": a date to come is no narrative date; what the story goes on to tell
    happened on its own day."""
    date, expression = text_date
    if date.first_day() > published:
        return True
    tokens = _expression_tokens(doc, expression)
    if tokens is None:
        return False
    verb = _clause_verb(tokens.root)
    return verb.lemma_ in FORESEEING_LEMMAS or (verb.pos_ in ("VERB", "AUX") and _tense(verb) == "future")


def _is_wished_for(to_do: Token) -> bool:
    """ "hopes to name a new manager", "the deal, which Caldwell hopes to complete": what is hoped
    for is no plan made."""
    return mended_lemma(to_do.head) == "hope"


def _is_past_perfect(verb: Token) -> bool:
    """ "The index had risen on Wednesday": a step back from the story's time, which the next
    sentence returns to, so its date is no narrative date."""
    return verb.tag_ == "VBN" and any(
        child.dep_ == "aux" and child.lower_ == "had" for child in children_of(verb)
    )


ANCHOR_DAYS = 7
# Happenings of a product named by a noun: "the first flight", "the deliveries", "its release".
PRODUCT_HAPPENINGS = frozenset(
    """flight flights take-off takeoff delivery deliveries release launch rollout roll-out debut test
    tests tour production development""".split()
)


def _main_product(mentions: Sequence[ActorMention]) -> str | None:
    """The product an article is about: the one named most, at least twice."""
    counts = Counter(mention.name for mention in mentions if mention.kind == "product")
    name, count = counts.most_common(1)[0] if counts else (None, 0)
    return name if count >= 2 else None


def _bridges(
    span: Span, mentions: Sequence[ActorMention], topic: str | None, is_headline: bool = False
) -> list[ActorMention]:
    """ "The first flight will take off ..." in an article about the A380: the A380's flight.

    A subject that names a happening of a product, with no name of its own, is read as a happening
    of the article's main product (a weaker reading: such events get a lower confidence). So is a
    headline's unnamed craft or device, which the story names further on ("World's largest
    passenger airliner makes first flight", "Airbus launches world's largest passenger plane").
    """
    if topic is None:
        return []
    candidates = [
        token
        for token in tokens_in(span)
        if _is_product_happening(token) or (is_headline and _is_unnamed_product(token))
    ]
    if not candidates:
        return []
    named = {index for mention in mentions for index in range(mention.start, mention.end)}
    return [
        ActorMention(token.i, token.i + 1, token.text, topic, "product", "BRIDGE")
        for token in candidates
        if not any(child.i in named for child in subtree_of(token))
    ]


def _is_product_happening(token: Token) -> bool:
    if token.dep_ not in ("nsubj", "nsubjpass") or _hyphenated_word(token) not in PRODUCT_HAPPENINGS:
        return False
    return any(
        child.lower_ in ("the", "its", "this", "these")
        or (child.dep_ == "poss" and child.lemma_.lower() in PRODUCT_KINDS)  # "the aircraft's delivery"
        for child in children_of(token)
    )


def _hyphenated_word(token: Token) -> str:
    """ "take-off", which the tokenizer splits in three, as one word."""
    tokens = tokens_of(token.doc)
    if token.i >= 2 and tokens[token.i - 1].text == "-" and not tokens[token.i - 2].whitespace_:
        return f"{tokens[token.i - 2].lower_}-{token.lower_}"
    return token.lower_


def _is_unnamed_product(token: Token) -> bool:
    """A craft or device named by its kind alone, one of it: "airliner", not "20 jets"."""
    return (
        token.dep_ in ("nsubj", "nsubjpass", "dobj")
        and token.tag_ == "NN"
        and token.lemma_.lower() in CRAFT_AND_DEVICE_KINDS
        and not any(child.dep_ == "nummod" for child in children_of(token))
    )


# The words that name a unit of a company after the company: a line of business or a region
UNIT_WORDS = frozenset(
    """commercial defense defence space security systems services capital financial finance airplanes
    aircraft aerospace helicopters research laboratories labs energy pharmaceuticals entertainment music
    pictures studios records media digital mobile networks ventures investments logistics technologies
    solutions north south east west america americas europe asia pacific africa""".split()
)


def _parents_of_units(mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """ "Boeing Commercial Airplanes delivered the final 717", "EADS North America": a unit named with
    its parent's name and its line of business or region, where the article names the parent too,
    acts for the parent, which takes part beside it (and the unit keeps its own name in titles)."""
    organizations = {mention.name for mention in mentions if mention.kind == "organization"}
    parent_of: dict[str, str] = {}
    for name in organizations:
        for parent in organizations:
            rest = name[len(parent) :].split() if name.startswith(parent + " ") else []
            if (
                rest
                and all(word.lower() in UNIT_WORDS for word in rest)
                and len(parent) > len(parent_of.get(name, ""))
            ):
                parent_of[name] = parent
    return [
        ActorMention(
            mention.start, mention.end, mention.surface, parent_of[mention.name], "organization", "PARENT"
        )
        for mention in mentions
        if mention.name in parent_of
    ]


# What two or more parties make together, which a story goes on to call "the deal"
DEAL_NOUNS = frozenset("deal agreement contract accord pact merger takeover purchase sale".split())
PARTY_KINDS = frozenset({"person", "organization", "country"})
DEAL_WINDOW = 8  # sentences "the deal" may reach back


def _deals_referred_to(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """ "... a deal between Boeing and Aeroflot was revived. Aeroflot say that the deal does not
    affect plans ...": "the deal", with no party named in it, is the deal the story told of last,
    and its parties take part where it does (a weaker reading, as a bridge is)."""
    from generator.extract.actors.mentions import sentence_bounds

    found: list[ActorMention] = []
    last: tuple[int, list[ActorMention]] | None = None  # the last deal's sentence start, and parties
    for token in tokens_of(doc):
        if token.tag_ != "NN" or token.lemma_.lower() not in DEAL_NOUNS:
            continue
        parties = _parties_of(token, mentions)
        sentence = sentence_bounds(doc, token.i)[0]
        if parties:
            last = (sentence, parties)
            continue
        if (
            last is None
            or not _is_plain_definite(token)
            or _sentences_back(doc, last[0], token.i) > DEAL_WINDOW
        ):
            last = (
                None  # "the biggest contract of its kind": another deal, the one a "that contract" after is
            )
            continue
        if not _is_forecast_of(token):
            kinds = {party.name: party.kind for party in last[1]}
            found += [
                ActorMention(token.i, token.i + 1, token.text, name, kind, "BRIDGE")
                for name, kind in kinds.items()
            ]
        last = (sentence, last[1])
    return found


def _parties_of(deal: Token, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Who a deal is told as made by: names in its own phrase ("a deal between Aeroflot and
    Boeing", "a deal with Boeing"), else, as an object, its verb's subject ("the airline signed the
    agreement")."""
    inside = {token.i for token in subtree_of(deal) if token.i != deal.i}
    if deal.dep_ == "dobj":
        inside |= _subject_tokens(deal.head)
    return [mention for mention in mentions if mention.kind in PARTY_KINDS and mention.start in inside]


def _is_plain_definite(deal: Token) -> bool:
    """ "the deal", "that contract": not "the new agreement" nor "the biggest contract", which tell
    of another one, nor "It is the biggest contract", which names no one."""
    if deal.dep_ == "attr" or any(child.dep_ in ("amod", "compound", "nmod") for child in children_of(deal)):
        return False
    return any(child.dep_ == "det" and child.lower_ in ("the", "this", "that") for child in children_of(deal))


def _is_forecast_of(deal: Token) -> bool:
    """ "said the deal would save 350 million euros": what a deal may do is no happening its parties
    take part in."""
    auxiliaries = {child.lower_ for child in children_of(deal.head) if child.dep_ == "aux"}
    return deal.dep_ in ("nsubj", "nsubjpass") and bool(auxiliaries & FORECASTING_AUXILIARIES)


def _sentences_back(doc: Doc, sentence_start: int, index: int) -> int:
    from generator.extract.actors.mentions import sentence_bounds

    count, start = 0, sentence_bounds(doc, index)[0]
    while start > sentence_start:
        count, start = count + 1, sentence_bounds(doc, start - 1)[0]
    return count


LEAD_SENTENCES = 4  # headline and the opening sentences, where news dates its story


def _main_event_date(
    article: Article, doc: Doc, expressions: Sequence[TimeExpression], sentences: Sequence[Sentence]
) -> DateValue | None:
    """The first day the lead names, when it is one of the days before publication: the news it reports.

    Undated sentences of a news report mostly tell that same day's happenings. The publication
    day itself is no anchor: an event without a date keeps the publication date as its source,
    and a day the lead names after it ("agreed on Thursday ... Wednesday's closing price") is a
    detail, as is a day named only further down ("since Wednesday's close"). The day of a saying
    is the report's, not the news' ("said on Thursday it had signed the deal on Monday").
    """
    lead = _lead_less_datelines(sentences, article.published)
    lead_end = lead[-1][0].end if lead else 0
    earlier: DateValue | None = None
    for expression in expressions:
        if expression.start >= lead_end:
            break
        if not any(start <= expression.start < sentence.end for sentence, start in lead):
            continue
        date = expression.calendar_date()
        if date is None or date.precision != "day":
            continue
        days_before = (article.published - date.first_day()).days
        if (
            days_before == 0
            and not _dates_a_saying(doc, expression)
            and (earlier is None or _told_done(doc, expression))
        ):
            # the publication day's own happening: "resigned on Thursday, a day after ...", and
            # "passed a medical on Thursday and signed on Friday", Friday's news
            return None
        if 0 < days_before <= ANCHOR_DAYS and earlier is None:
            earlier = date
    return earlier


def _lead_saying_date(
    article: Article,
    doc: Doc,
    expressions: Sequence[TimeExpression],
    sentences: Sequence[Sentence],
    anchor: DateValue | None,
) -> DateValue | None:
    """The day of the saying that reports the lead's news ("walked out on Monday night, the union
    said on Tuesday"): the day the story's speakers spoke. Only a saying told with the news' own
    day (`anchor`) in its sentence reports it; without an anchor the news is the publication day's."""
    if anchor is None:
        return None
    for sentence, start in _lead_less_datelines(sentences, article.published):
        held = [e for e in expressions if start <= e.start < sentence.end]
        if not any(e.calendar_date() == anchor and not _dates_a_saying(doc, e) for e in held):
            continue
        for expression in held:
            date = expression.calendar_date()
            if date is None or date.precision != "day" or not _dates_a_saying(doc, expression):
                continue
            if anchor.first_day() <= date.first_day() <= article.published:
                return date
    return None


def _told_done(doc: Doc, expression: TimeExpression) -> bool:
    """The expression dates a clause told in the past tense: what happened that day."""
    tokens = _expression_tokens(doc, expression)
    return tokens is not None and _clause_verb(tokens.root).tag_ == "VBD"


def _dates_a_saying(doc: Doc, expression: TimeExpression) -> bool:
    tokens = _expression_tokens(doc, expression)
    if tokens is None:
        return False
    verb = _clause_verb(tokens.root)
    return is_reporting(verb) and not names_an_act(verb)


def _clause_verb(token: Token) -> Token:
    """The verb whose clause `token` is in, up through its heads (the root when there is none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _lead_less_datelines(sentences: Sequence[Sentence], published: dt.date) -> list[tuple[Sentence, int]]:
    """Headline and opening sentences, each with where its text starts after a dateline.

    A dateline line ("Published May 3, 2013") is not one of them; a lead that opens with one
    ("WASHINGTON, March 3 (Reuters) - ...") is, from after it: the dateline's day is the day the
    story was filed, not the news it reports. A headline cut in two ("Lohan Checks Out Of Rehab... To
    Check Into Another") counts as the one headline it is.
    """
    lead = []
    for sentence in sentences[: LEAD_SENTENCES * 2]:
        story_start = _after_dateline(sentence, published)
        if story_start < sentence.end:
            lead.append((sentence, story_start))
    headline = sum(sentence.paragraph == sentences[0].paragraph for sentence, _ in lead)
    return lead[: LEAD_SENTENCES + max(0, headline - 1)]


_STORY_WORDS = re.compile(r"\b[a-z]{2,}\b")


def _after_dateline(sentence: Sentence, published: dt.date) -> int:
    """Where the sentence's story starts after a dateline it opens with (its end: a dateline line)."""
    dateline = read_dateline(sentence.text, published)
    if dateline is None:
        return sentence.start
    after = sentence.start + len(sentence.text) - len(sentence.text.lstrip()) + len(dateline.text)
    if len(_STORY_WORDS.findall(sentence.text[after - sentence.start :])) >= 3:
        return after
    return sentence.end


def _leading_space(span: Span) -> int:
    text = _text(span)
    return len(text) - len(text.lstrip())


DECK_LINES = 3  # a headline's summary lines above a dateline


def _headline_lines(sentences: list[Sentence], published: dt.date) -> set[int]:
    """The headline, and the summary lines under it when a dateline line follows them ("Ten people
    are killed." / "November 28, 2005"). With the one-sentence paragraphs before the first longer
    paragraph (`_one_sentence_paragraphs_first`), these are the lead's headline and summary lines."""
    # a page may print its dateline above the headline ("Friday, June 7, 2013" / "Esther Williams dies")
    top = next((s.index for s in sentences if _after_dateline(s, published) < s.end), 0)
    above_dateline = next(
        (
            sentence.index
            for sentence in sentences[top + 1 : top + DECK_LINES + 1]
            if _after_dateline(sentence, published) == sentence.end
        ),
        top + 1,
    )
    return set(range(above_dateline))


def _one_sentence_paragraphs_first(sentences: list[Sentence]) -> set[int]:
    per_paragraph: dict[int, list[int]] = {}
    for sentence in sentences:
        per_paragraph.setdefault(sentence.paragraph, []).append(sentence.index)
    lead = {0}
    if not any(len(indexes) > 1 for indexes in per_paragraph.values()):
        return lead  # one sentence per paragraph throughout: only the headline is a headline
    for indexes in per_paragraph.values():
        if len(indexes) > 1:
            break
        lead.update(indexes)
    return lead


def _read_sentence(
    article: Article,
    span: Span,
    sentence: Sentence,
    is_lead: bool,
    mentions: Sequence[ActorMention],
    expressions: Sequence[TimeExpression],
    narrative: DateValue | None,
    saying_narrative: DateValue | None,
    continues_a_quotation: bool = False,
    last_told: DateValue | None = None,
) -> list[_Candidate]:
    """The happenings one sentence tells: its main one, and any other clause with actors of its own.

    A sentence that goes on with a quotation opened before it is part of what was said then: the
    narrative's date carries to it whatever its tense ("The statement said: "... He leaves a city
    stronger than ever.""). A saying takes `saying_narrative`, which leaves out dates of long ago.
    A clause told "at the time" takes `last_told`, the date the sentences before it last told.
    """
    if _is_question(_text(span)):
        return []
    in_sentence = [mention for mention in mentions if span.start <= mention.start < span.end]
    if not in_sentence:
        return []  # no actor takes part in anything the sentence tells: no need to read its clauses
    found: list[_Candidate] = []
    for predicate, tense, before in _predicates(span, is_lead):
        if tense == "participle":
            if not _done_by_someone(predicate) and (
                _sentence_date(span, expressions, predicate, governed_only=True) is None
            ):
                continue
            # "a teenager killed by police", "a deal begun ... last year": told as done
            tense = "past"
        if tense in ("present", "future") and not is_lead and not _actor_is_subject(predicate, in_sentence):
            continue  # in body text, the present tense is mostly analysis; keep what a named actor does
        taking_part = _mentions_taking_part(predicate, in_sentence, span)
        actors = list(dict.fromkeys(mention.name for mention in taking_part))
        if not actors:
            continue
        if any(set(actors) <= set(known.actors) for known in found) and not _dated_reported_plan(
            predicate, span, expressions
        ):
            continue
        named = {mention.name for mention in taking_part if mention.label not in INFERRED_LABELS}
        if not named and all(_owner_only(mention, span) for mention in taking_part):
            continue  # "His speech came ...": an owner only referred to makes no event of its own
        modality = _modality(predicate, tense)
        # a subordinate clause takes only a date of its own; a coordinated one, or a gerund that
        # shares its main verb's time ("after meeting Kim"), takes the sentence's
        timed = governing_verb(predicate) or predicate
        subordinate = bool(found) and timed.dep_ != "conj" and timed.i != span.root.i
        text_date = _sentence_date(span, expressions, timed, governed_only=subordinate)
        if text_date is not None and tense == "past":
            text_date = _past_part_of_its_week(text_date, article.published)
        # the narrative's date carries to what happened then (and to headlines and sayings, told in
        # the present), not to a present-tense description or a plan: those hold at publication
        told_as_past = tense == "past" or is_lead or is_reporting(predicate) or continues_a_quotation
        # a company's shares move on the story's trading day, as its sayings are made on the story's day
        of_the_day = is_reporting(predicate) or _moves_shares(predicate)
        saying = of_the_day and not continues_a_quotation and not is_lead
        carried = saying_narrative if saying else narrative
        if text_date is None and last_told is not None and _told_at_the_time(timed):
            carried, told_as_past = last_told, True
        if saying and text_date is None:
            carried = _day_of_recent_news_told(span, expressions, predicate, article.published) or carried
        date, source = _choose_date(article, text_date, carried if told_as_past else None)
        plain_title = make_title(predicate, in_sentence, negated=modality == "negated")
        # a plan's title keeps its modality ("Apple to open ..."); any other is its plain title
        title = make_title(predicate, in_sentence, planned=True) if modality == "planned" else plain_title
        found.append(
            _Candidate(
                sentence=sentence,
                predicate=predicate,
                lemma=_event_lemma(predicate),
                actors=actors,
                places=_places(span, predicate),
                date=date,
                date_source=source,
                title=title,
                plain_title=plain_title,
                confidence=_confidence(predicate, in_sentence, source, tense),
                before=before,
                tense=tense,
                mentions=[Mention(sentence.index, quote_of(sentence))],
                inferred=[actor for actor in actors if actor not in named],
                modality=modality,
            )
        )
    return found


_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")


def _moves_shares(predicate: Token) -> bool:
    """ "The company's shares fell 6 percent": a move of a stock, told in the past."""
    return (
        any(child.dep_ == "nsubj" and child.lower_ in HOLDINGS for child in children_of(predicate))
        and _tense(predicate) == "past"
    )


def _is_question(text: str) -> bool:
    """ "Will Boeing cut jobs?"; not "Sox make offer to Teixeira (8 years?)", a doubt in an aside."""
    return "?" in text and _TRAILING_ASIDE.sub("", text).rstrip().endswith("?")


def _done_by_someone(participle: Token) -> bool:
    """ "a teenager killed by police", "the challenger nominated by the IBF": a participle with its
    agent tells a deed, while "a plane designed for long routes" only describes."""
    return any(
        child.dep_ == "agent" and any(grand.dep_ == "pobj" for grand in children_of(child))
        for child in children_of(participle)
    )


def _is_attribution(verb: Token) -> bool:
    """ "..., the agency TASS announced.": a trailing saying that only names the source."""
    if verb.lemma_ not in REPORTING_LEMMAS or verb.dep_ == "ROOT":
        return False
    if any(child.ent_type_ in MEASURE_TYPES for child in children_of(verb)):
        return False  # "and the Nasdaq added 1.2 percent": a gain, not a saying
    said = {"ccomp", "dobj", "xcomp", "dative"}
    if any(child.dep_ in said for child in children_of(verb)):
        return False
    return verb.i > sentence_at(verb.doc, verb.i).root.i


MEASURE_TYPES = frozenset({"PERCENT", "MONEY", "CARDINAL", "QUANTITY"})


Predicate = tuple["Token", str, "str | None"]
# Clauses read for happenings of their own, after the main one ("and Aldrin followed him").
CLAUSES_READ_APART = frozenset({"conj", "advcl", "relcl", "ccomp", "acl", "xcomp"})


def _predicates(span: Span, is_lead: bool = False) -> list[Predicate]:
    """The happenings a sentence tells: its main clause's first, then its other clauses'."""
    root = span.root
    if _is_commentary(root):
        # "Analysts suggest that ...", "Boeing could ...": nothing in it happened; but "It has been a
        # long wait, but Reid entered rehab on Tuesday" tells a happening in a clause of its own
        told_apart = _coordinated_with_subject(root) + _named_past_relatives(span)
        told = [clause for verb in told_apart for clause in _clause_predicates(verb)]
        if _frames_what_happened(root):
            told += [clause for clause in _clauses_read_apart(span, root, told) if clause[1] == "past"]
        return told
    found: list[Predicate] = []
    misread = _headline_verb_read_as_noun(span) if is_lead else None
    if misread is not None:
        found.append((misread, "present", None))
    death = _headline_death(span) if is_lead else None
    if death is not None:
        found.append((death, "present", None))
    if is_lead and misread is None and _is_verbless_happening(span):
        found.append((root, "present", None))  # "Holt's resignation after bribery probe"
    if not is_lead and verb_read_as_noun(span) is not None:
        found.append((root, "past", None))  # "The central bank last cut rates in December 2008"
    if root.pos_ in ("NOUN", "PROPN", "NUM"):
        # "Teen killed by police", "Two killed in blast"; "Chargers ’ Jamal Williams Arrested For
        # DUI", read as a name in apposition to the team, is the player's arrest
        named = [root, *(child for child in children_of(root) if child.dep_ == "appos")]
        found += [
            (child, "past", None)
            for noun in named
            for child in children_of(noun)
            if child.dep_ == "acl" and child.tag_ == "VBN"
        ]
    found += _clause_predicates(root)
    return found + _clauses_read_apart(span, root, found)


def _clauses_read_apart(span: Span, root: Token, found: list[Predicate]) -> list[Predicate]:
    """The happenings of the sentence's other clauses, less those already in `found`."""
    apart: list[Predicate] = []
    for token in verbs_in(span):
        if token.i == root.i:
            continue
        if (
            token.dep_ not in CLAUSES_READ_APART
            and governing_verb(token) is None
            and not is_misattached_clause(token)
        ):
            continue
        if token.dep_ == "xcomp" and token.head.i == root.i and root.pos_ in ("VERB", "AUX"):
            continue  # already read with its main verb ("set to deliver")
        known = [*found, *apart]
        apart += [clause for clause in _clause_predicates(token) if all(clause[0].i != k[0].i for k in known)]
    return apart


# What "it is ..." says of a clause that leaves it unsure or untrue: "it is likely that", "it is
# wrong to say that"
DOUBTING_FRAMES = frozenset(
    """likely unlikely possible impossible probable improbable conceivable plausible doubtful unclear
    uncertain unknown rumored rumoured wrong false untrue unfair early premature hard difficult
    rare unusual""".split()
)


def _frames_what_happened(root: Token) -> bool:
    """ "It was the third time Smith has scored", "It is no surprise that the board fired him", "it's
    safe to say Luck exceeded them": "it is" followed by a clause that tells what happened as a fact
    (not "it is likely that", "it could be that", "it is not true that")."""
    children = list(children_of(root))
    if root.lemma_ != "be" or not any(child.dep_ == "nsubj" and child.lower_ == "it" for child in children):
        return False
    if _is_negated(root) or any(child.dep_ == "aux" and child.lower_ in MODALS for child in children):
        return False
    if any(child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKERS for child in children):
        return False
    if any(child.dep_ == "advmod" and child.lower_ in DOUBTING_ADVERBS for child in children):
        return False  # "It was probably chance that ..."
    complements = [child for child in children if child.dep_ in ("acomp", "attr")]
    return not any(
        word.lower_ in DOUBTING_FRAMES
        for complement in complements
        for word in (complement, *children_of(complement))
    )


def _named_past_relatives(span: Span) -> list[Token]:
    """ "Analysts questioned the price that Oracle paid for Sun": a relative clause in the past with a
    named subject tells what that actor did, whatever the sentence around it only thinks of it."""
    return [
        token
        for token in tokens_in(span)
        if token.dep_ == "relcl"
        and token.tag_ == "VBD"
        and any(child.dep_ == "nsubj" and child.pos_ == "PROPN" for child in children_of(token))
    ]


def _headline_infinitive(verb: Token) -> bool:
    """ "Governor to sign water bill", "HP to Expand Services": a subject with "to" and the verb is
    what headlines write for what will happen."""
    auxiliaries = [child.lower_ for child in children_of(verb) if child.dep_ in ("aux", "auxpass")]
    if auxiliaries[:1] != ["to"]:
        return False
    return any(child.dep_ == "nsubj" for child in children_of(verb)) or infinitive_on_a_name(verb) is not None


def _coordinated_with_subject(verb: Token) -> list[Token]:
    """The verbs coordinated with `verb` that have a subject of their own, or a tense of their own
    ("The jet can fly non-stop and has been named the Worldliner": the modal is not the naming's;
    "Gupta would not comment but confirmed he had been approached": a modal takes no past)."""
    return [
        conj
        for conj in verb.conjuncts
        if conj.i > verb.i
        and (
            conj.tag_ == "VBD"
            or any(
                child.dep_ in ("nsubj", "nsubjpass")
                or (child.dep_ in ("aux", "auxpass") and child.lower_ not in MODALS)
                for child in children_of(conj)
            )
        )
    ]


def _headline_verb_read_as_noun(span: Span) -> Token | None:
    """ "Chrysler files for bankruptcy protection", "Kessler Motors posts first profit": a headline's
    verb right after a name, which the parser read as a plural noun. It is the verb when the parser
    gave it an object, or when the article uses the word as a verb and, in the headline, it is no
    subject nor object of a verb there ("Lumio unveils new tablet, takes aim at iPad" is no plural
    subject of "takes"; "Boeing orders rise" keeps its noun)."""
    verbs = article_verb_lemmas(span.doc)
    for token in tokens_in(span):
        if token.i == span.start:
            continue
        before = tokens_of(span.doc)[token.i - 1]
        if token.tag_ == "NN" and _base_verb_after_plural_name(span, token, before, verbs):
            return token
        if token.tag_ != "NNS":
            continue
        if before.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP", "PRODUCT") and before.tag_ != "NNP":
            continue
        if any(
            child.dep_ == "dobj" or (child.dep_ == "appos" and token.dep_ == "ROOT")
            for child in children_of(token)
        ):
            return token  # "posts/NNS first profit/dobj", "posts/ROOT first loss/appos"
        if token.lemma_.lower() in verbs and _no_argument_of_a_verb(token):
            return token
    return None


def _is_verbless_happening(span: Span) -> bool:
    """A headline with no verb that names a happening: "Williams' DUI arrest just the latest"."""
    root = span.root
    return root.pos_ == "NOUN" and root.lower_ in _NOMINAL_VERBS and _is_verbless(span)


def _is_verbless(span: Span) -> bool:
    return not verbs_in(span)


def _headline_death(span: Span) -> Token | None:
    """ "Mark Felt, Deep Throat of Watergate, dead at 95", "Ten dead in quake": a headline with no
    verb that calls someone dead tells the death."""
    if not _is_verbless(span):
        return None
    return next(
        (
            token
            for token in tokens_in(span)
            if token.lower_ in _ADJECTIVE_HAPPENINGS
            and token.head.pos_ in ("PROPN", "NOUN", "NUM")
            and token.head.i < token.i  # "Ten dead", not "dead heat"
        ),
        None,
    )


def _base_verb_after_plural_name(span: Span, token: Token, before: Token, verbs: frozenset[str]) -> bool:
    """ "Red Sox extend offer to Teixeira", "Saints place Thomas on injured reserve": a plural name
    takes the base form of the verb, which the parser read as a singular noun. It is the verb when
    the headline has no verb of its own and the article uses the word as one."""
    if not _is_plural_name(before) or token.lower_ not in verbs:
        return False
    if not _is_verbless(span):
        return False
    head = token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "Rovers sack manager Dean Calloway": through the role to the name
    return head.dep_ == "ROOT"


def _is_plural_name(token: Token) -> bool:
    """ "Sox", "Saints", "Boston Bruins": a name in the plural (the parser often tags it NNP)."""
    if token.tag_ == "NNPS":
        return True
    return token.tag_ == "NNP" and token.lower_.endswith("s") and not token.lower_.endswith("ss")


def _no_argument_of_a_verb(noun: Token) -> bool:
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or head.pos_ not in ("VERB", "AUX"):
        return noun.dep_ != "pobj"
    return noun.dep_ == "nsubj" and head.tag_ == "VBZ"  # a plural noun is no subject of "takes"


def _clause_predicates(verb: Token) -> list[Predicate]:
    """A clause's happening; for a statement, what was said first, then the saying itself."""
    main = _clause_predicate(verb)
    if main is None:
        return []
    if main[0].i != verb.i and _reported_happening(verb) is not None:
        return [main, (verb, _tense(verb), None)]
    return [main]


def _clause_predicate(verb: Token) -> Predicate | None:
    """The token naming the happening of one clause, its tense, and what it happened before."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if _is_commentary(verb) or (_is_negated(verb) and not _negation_may_be_news(verb)):
        return None
    if verb.lemma_ == "be":
        return _copula_happening(verb)
    if _is_attribution(verb):
        return None
    reported = _reported_happening(verb)
    if reported is not None:
        return reported, _tense(reported), None
    if verb.lemma_ in SEQUENCE_VERBS:
        earlier = next(
            (c for c in children_of(verb) if c.dep_ == "dobj" and c.lower_ in _NOMINAL_VERBS), None
        )
        later = next((c for c in children_of(verb) if c.dep_ == "nsubj" and c.lower_ in _NOMINAL_VERBS), None)
        if earlier is not None and verb.lemma_ == "follow":
            return earlier, _tense(verb), _NOMINAL_VERBS[later.lower_] if later is not None else None
    if verb.dep_ == "xcomp" and _is_wished_for(verb):
        return None  # "the deal, which Caldwell hopes to complete by the end of the year"
    if mended_lemma(verb) in FUTURE_FRAMES and any(child.dep_ == "xcomp" for child in children_of(verb)):
        if any(_is_wished_for(child) for child in children_of(verb) if child.dep_ == "xcomp"):
            return None  # "hopes to name a new manager": a wish, no plan made
        if _is_past_perfect(verb):
            return None  # "Boeing had hoped to have it ready for 2012": a plan that did not come about
        return next(child for child in children_of(verb) if child.dep_ == "xcomp"), "future", None
    if _follows_a_happening(verb):
        return verb, "past", None
    if verb.lemma_ in STATIVE_LEMMAS and not _appears_somewhere(verb):
        return None
    if _is_missing(verb):
        return None
    if _requires_a_state(verb) or _is_found_to_be(verb):
        return None
    if _states_a_capacity(verb) or _has_an_attitude(verb) or _has_a_measure(verb) or _is_a_makeup(verb):
        return None
    return verb, _tense(verb), None


SEQUEL_PREPOSITIONS = frozenset({"after", "following"})


def _follows_a_happening(verb: Token) -> bool:
    """ "The resignation of Mayor Kelly comes a week after the arrest of his deputy": news tells in the
    present that one happening followed another, and both have taken place (not "comes as a surprise",
    nor "comes amid criticism", which tells a mood, nor "comes after delays", a state of things)."""
    if verb.lemma_ != "come" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ in SEQUEL_PREPOSITIONS
        and any(_is_doing(obj) for obj in children_of(child))
        for child in children_of(verb)
    )


# What a thing is made of or rests on: "the deal includes 18 jets", "the tankers are based on the A330"
MAKEUP_LEMMAS = frozenset({"include", "comprise", "incorporate", "feature"})


def _is_a_makeup(verb: Token) -> bool:
    """ "The package includes tax cuts", "the tankers are based on the A330": what a thing is made
    of, in the present, is a description (while "the visit included talks" told a happening)."""
    if _tense(verb) == "past":
        return False
    if verb.lemma_ in MAKEUP_LEMMAS:
        return True
    passive = any(child.dep_ == "auxpass" for child in children_of(verb))
    return verb.lemma_ == "base" and passive


# What a thing has as a measure of itself: "has a range of 8,000 miles", "have a value of $3.5 billion"
MEASURE_NOUNS = frozenset(
    """range capacity length width height depth weight mass wingspan speed value price cost population
    area size total""".split()
)


def _has_a_measure(verb: Token) -> bool:
    """ "It will have a range of 8,500 miles", "The ships have a catalogue value of $2 billion": a
    specification, not a happening (while "had a cost overrun" in the past may be one)."""
    return (
        verb.lemma_ == "have"
        and _tense(verb) != "past"
        and any(child.dep_ == "dobj" and child.lemma_.lower() in MEASURE_NOUNS for child in children_of(verb))
    )


FINDING_LEMMAS = frozenset("find discover think believe know say report consider show".split())


def _is_found_to_be(verb: Token) -> bool:
    """ "The fault has been found to be problems in the wiring", "the company was discovered to have
    been in possession of documents": what something is found to be is a state (while "was found
    to have stolen cash" tells what it did)."""
    if verb.lemma_ not in FINDING_LEMMAS or not any(child.dep_ == "auxpass" for child in children_of(verb)):
        return False
    being = next(
        (child for child in children_of(verb) if child.dep_ == "xcomp" and child.lemma_ == "be"), None
    )
    if being is None:
        return False
    # "was found to be innocent by a jury on Monday": a finding by someone, or on a day, happened
    told = [token for child in children_of(being) for token in subtree_of(child)]
    return not any(token.lower_ == "by" or _is_date_word(token) for token in told)


def _is_missing(verb: Token) -> bool:
    """ "Her mother was still missing", "two climbers are missing": being missing is a state (while
    "went missing on Sunday" and "missed the final" tell what happened)."""
    return (
        verb.lemma_ == "miss"
        and verb.tag_ == "VBG"
        and any(child.dep_ == "aux" and child.lemma_ == "be" for child in children_of(verb))
        and not any(child.dep_ in ("dobj", "attr") for child in children_of(verb))
    )


def _requires_a_state(verb: Token) -> bool:
    """ "It has to be a 25-year product", "the bridge will have to remain shut": what must be so is
    a requirement, not a happening (while "will have to submit to checks" tells one to come)."""
    if verb.lemma_ != "have" or _tense(verb) == "past":
        return False
    return any(
        child.dep_ == "xcomp" and child.lemma_ in STATIVE_LEMMAS and has_to_marker(child)
        for child in children_of(verb)
    )


def _has_an_attitude(verb: Token) -> bool:
    """ "Airbus has hopes that sales will exceed 700", "the union has plans to strike": as "hopes"
    and "plans" to, a state of mind, not a happening (while "had talks with" is one)."""
    return verb.lemma_ == "have" and any(
        child.dep_ == "dobj" and child.lemma_.lower() in STATIVE_LEMMAS for child in children_of(verb)
    )


def _states_a_capacity(verb: Token) -> bool:
    """ "It holds between 200 and 250 passengers", "will seat 300 people": not "carried 300" nor
    "will be carrying 500 people" (one trip)."""
    if verb.lemma_ not in CAPACITY_LEMMAS or verb.tag_ == "VBG" or _tense(verb) == "past":
        return False
    objects = [child for child in children_of(verb) if child.dep_ == "dobj"]
    objects += [obj for child in children_of(verb) if child.lower_ == "between" for obj in children_of(child)]
    return any(obj.like_num or any(word.like_num for word in children_of(obj)) for obj in objects)


def _appears_somewhere(verb: Token) -> bool:
    """ "appeared in court", "appeared before a judge": not "appeared calm"."""
    return verb.lemma_ == "appear" and any(
        child.dep_ == "prep"
        and child.lower_ in ("in", "before", "at")
        and not any(grand.ent_type_ in ("DATE", "TIME") for grand in children_of(child))
        for child in children_of(verb)
    )


def _copula_happening(verb: Token) -> Predicate | None:
    # "A key aspect of the visit was delivering a letter": the delivery.
    gerund = next(
        (c for c in children_of(verb) if c.tag_ == "VBG" and c.dep_ in ("attr", "acomp", "xcomp")), None
    )
    if gerund is not None:
        return gerund, _tense(verb), None
    # "The first flight of the 777 was in 1994": the flight.
    subject = next((c for c in children_of(verb) if c.dep_ == "nsubj" and c.lower_ in _NOMINAL_VERBS), None)
    has_time = any(
        c.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in children_of(c)) for c in children_of(verb)
    )
    if subject is not None and has_time:
        return subject, _tense(verb), None
    if _attends_a_gathering(verb) or _tells_a_market_move(verb) or _is_out_of_a_post(verb):
        return verb, _tense(verb), None
    first = _first_to_do(verb)
    if first is not None:
        return first, "future" if _tense(verb) == "future" else "past", None
    return _due_happening(verb)


def _is_out_of_a_post(verb: Token) -> bool:
    """ "Ann Roe is out as chief executive", "Cheeks is out as coach": being out as what one was is
    having left the post, the news of a sacking or a resignation (not "is out of the country", "is
    out injured")."""
    children = list(children_of(verb))
    return any(child.dep_ == "advmod" and child.lower_ == "out" for child in children) and any(
        child.dep_ == "prep" and child.lower_ == "as" for child in children
    )


# What a thing is built to do or has: "the second model to use flash memory" tells no deed
SPECIFICATION_LEMMAS = (
    MAKEUP_LEMMAS | CAPACITY_LEMMAS | frozenset({"use", "utilize", "utilise", "have", "offer"})
)
NO_DEED_LEMMAS = STATIVE_LEMMAS | SPECIFICATION_LEMMAS


def _is_token(token: Token | None, other: Token) -> bool:
    return token is not None and token.i == other.i


def _first_to_do(copula: Token) -> Token | None:
    """ "Thomas is the fifth running back to go on injured reserve": he went on it, the latest of a
    series, which is news now (and "will be the first to fly" is a plan). Told in the past ("She was
    the first woman to swim the Channel") it is a record from someone's life, background the
    sentence does not date (`copula_of_a_first`); "the first to know" tells no deed."""
    return next(
        (
            token
            for token in subtree_of(copula)
            if token.lemma_ not in NO_DEED_LEMMAS and _is_token(copula_of_a_first(token), copula)
        ),
        None,
    )


MOVE_WORDS = frozenset({"up", "down", "off", "higher", "lower"})
MOVE_MEASURES = frozenset({"percent", "pct", "points", "point", "cents", "%"})


def _tells_a_market_move(verb: Token) -> bool:
    """ "The S&P 500 was down 1.5 percent", "Shares of Acme were 3 percent higher": a price's move
    told with "be" is the day's move, as "fell 1.5 percent" is."""
    return any(
        child.dep_ in ("advmod", "acomp", "prep")
        and child.lower_ in MOVE_WORDS
        and any(measure.lower_ in MOVE_MEASURES for measure in subtree_of(child))
        for child in children_of(verb)
    )


COURTS = frozenset({"court", "courts", "hearing", "trial", "tribunal"})


def _due_happening(verb: Token) -> Predicate | None:
    """ "Smith is due to appear in court on Monday", "Jackson is due in court Feb. 17": what the
    news says someone is due to do, and a court appearance, are planned happenings (while "the
    report is due" only tells a deadline)."""
    due = next(
        (child for child in children_of(verb) if child.dep_ == "acomp" and child.lower_ == "due"), None
    )
    if due is None or _tense(verb) != "present":
        return None
    to_do = next((child for child in (*children_of(due), *children_of(verb)) if child.dep_ == "xcomp"), None)
    if to_do is not None and to_do.pos_ == "VERB":
        return to_do, "future", None
    in_court = any(
        child.dep_ == "prep" and any(grand.lower_ in COURTS for grand in children_of(child))
        for child in children_of(due)
    )
    return (verb, "future", None) if in_court else None


GATHERINGS = frozenset(
    """meeting meetings talks summit conference ceremony funeral wedding hearing trial session rally
    dinner reception party game match launch premiere""".split()
)


def _attends_a_gathering(verb: Token) -> bool:
    """ "Smith was at a meeting with Jones", "was present at the hearing": being there is attending it,
    a happening (not "was at the centre of", nor "was in talks", which goes on)."""
    heads = [
        verb,
        *(child for child in children_of(verb) if child.dep_ == "acomp" and child.lower_ == "present"),
    ]
    return any(
        child.dep_ == "prep"
        and child.lower_ == "at"
        and any(grand.dep_ == "pobj" and grand.lower_ in GATHERINGS for grand in children_of(child))
        for head in heads
        for child in children_of(head)
    )


def _reported_happening(root: Token) -> Token | None:
    """In "X did Y, officials said", the happening is X doing Y, told in the past."""
    if root.lemma_ not in REPORTING_LEMMAS:
        return None
    for child in children_of(root):
        if (
            child.dep_ == "ccomp"
            and child.pos_ == "VERB"
            and _tense(child) == "past"
            and child.lemma_ not in STATES_AND_HAVING  # "said the bank had enough capital"
            and not _is_commentary(child)
            and (not _is_negated(child) or _negation_may_be_news(child))
        ):
            return child
    return None


CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether"})
# What news says did not happen without it being news: "did not comment", "did not return calls",
# "did not say how much", "did not announce a new plane" (nothing was announced), "did not know".
UNNEWSWORTHY_NEGATIONS = REPORTING_LEMMAS | frozenset(
    """comment return disclose elaborate specify identify name release give provide know think expect
    want need intend plan mean seem appear respond answer reply immediately""".split()
)
UNNEWSWORTHY_OR_STATIVE = UNNEWSWORTHY_NEGATIONS | STATIVE_LEMMAS


def _is_negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in children_of(verb))


def _negation_may_be_news(verb: Token) -> bool:
    """ "The shuttle did not launch on Tuesday", "Smith did not appear in court on Monday": a happening
    told as not having taken place on a day. It is kept (modality "negated") only when it is past, its
    verb is not one news uses for what was not said or known, and its own clause dates it; a negation
    of the present ("does not plan to") or undated ("has never been charged") is background."""
    if verb.lemma_.lower() in UNNEWSWORTHY_OR_STATIVE or verb.lemma_ == "be":
        return False
    if _tense(verb) != "past" or any(
        child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS for child in children_of(verb)
    ):
        return False
    return any(
        _is_date_word(token) and _governs(token, verb) and not _starts_a_stretch(token)
        for token in subtree_of(verb)
    )


def _starts_a_stretch(date: Token) -> bool:
    """ "has not paid a dividend since 2006": the start of a stretch in which nothing happened."""
    return any(ancestor.lower_ == "since" for ancestor in date.ancestors if ancestor.dep_ == "prep")


def _is_date_word(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME")


WITHHELD_SAYINGS = frozenset("comment say disclose reveal discuss confirm elaborate specify identify".split())


def _is_commentary(root: Token) -> bool:
    """An opinion, a condition, a habit or a modal: nothing that happened (read once per verb and Doc)."""
    return _once_per_token(root, "commentary", _read_commentary)


def _read_commentary(root: Token) -> bool:
    children = children_of(root)
    auxiliaries = {child.lower_ for child in children if child.dep_ in ("aux", "auxpass")}
    if auxiliaries & MODALS and not _is_future_in_the_past(root):
        return True
    if any(child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKERS for child in children):
        return True  # "if Boeing is indicted": a condition, not a happening
    if _shares_a_condition(root):
        return True  # "if Boeing is indicted or convicted": the conviction is a condition too
    if any(child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS for child in children):
        return True
    if root.lemma_ in ("decline", "refuse") and any(child.lemma_ in WITHHELD_SAYINGS for child in children):
        return True  # "declined to comment", "declined to say whether a ransom was paid": nothing told
    subjects = [child for child in children if child.dep_ in ("nsubj", "nsubjpass", "expl")]
    for subject in subjects:
        generic = subject.lemma_.lower() in COMMENTARY_SUBJECTS or subject.lower_ in COMMENTARY_SUBJECTS
        if generic and _names_a_part_of(subject):
            continue  # "One of the most famous mafia godfathers ... has died": someone, not anyone
        if generic and subject.i not in subject.doc.user_data.get(GROUP_REFERENCES, ()):
            # "they say", but not "They were freed" of two people just named
            return not _group_did_it(subject, root)
        if subject.dep_ == "expl" or (subject.lower_ == "it" and root.lemma_ == "be"):
            return True
    return False


def _is_future_in_the_past(verb: Token) -> bool:
    """ "said it would close the plant in March", "said union officials would meet executives next
    week": "would" under a past saying is the "will" of what was said, a plan of the actor told
    of (while "said the reform would save money" is a forecast of a thing, and "would have" a
    counterfactual)."""
    auxiliaries = {child.lower_ for child in children_of(verb) if child.dep_ == "aux"}
    if "would" not in auxiliaries or auxiliaries & MODALS_BUT_WOULD or "have" in auxiliaries:
        return False
    said = verb
    while said.dep_ == "conj" and said.head.i != said.i:
        said = said.head  # "said that voters had asked for it and that he would step down"
    saying = said.head
    if said.dep_ != "ccomp" or not is_reporting(saying) or saying.tag_ != "VBD":
        return False
    subject = next((child for child in children_of(verb) if child.dep_ == "nsubj"), None)
    if subject is None or verb.lemma_ in STATIVE_LEMMAS:
        return False  # "said it would be difficult"
    return subject.pos_ in ("PRON", "PROPN") or subject.lemma_.lower() in ACTING_BODIES


def _dated_reported_plan(predicate: Token, span: Span, expressions: Sequence[TimeExpression]) -> bool:
    """ "Pemberton said on Wednesday it would close the plant in March": the plan has a date of its
    own, so it is a happening apart from the saying, though its actors are the sayer's."""
    if not _is_future_in_the_past(predicate):
        return False
    return _sentence_date(span, expressions, predicate, governed_only=True) is not None


def _names_a_part_of(subject: Token) -> bool:
    """ "One of the generals", "some of the protesters": a part of a group the text names, not
    people in general ("one would think", "some say", "some of us")."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(grand.dep_ == "pobj" and grand.pos_ in ("NOUN", "PROPN") for grand in children_of(child))
        for child in children_of(subject)
    )


def _shares_a_condition(verb: Token) -> bool:
    """A verb coordinated with a condition's, without a subject of its own, is part of the condition."""
    if verb.dep_ != "conj" or any(child.dep_ in GRAMMATICAL_SUBJECTS for child in children_of(verb)):
        return False
    return any(
        child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKERS for child in children_of(verb.head)
    )


def _group_did_it(subject: Token, verb: Token) -> bool:
    """ "They won without Harrison", "They handed the ball over": "they" doing something in the past
    is the group the story just told of, not people in general ("they say", "they believe")."""
    if subject.lower_ != "they" or verb.lemma_ in SAYING_OR_STATIVE:
        return False
    return _tense(verb) == "past"


def _tense(verb: Token) -> str:
    """ "past", "present", "future" or "participle", read once per verb and Doc (rules of the
    clause, its subject and its date all ask)."""
    return _once_per_token(verb, "tense", _read_tense)


def _read_tense(verb: Token) -> str:
    governing = governing_verb(verb)
    if governing is not None:
        return _tense(governing)
    auxiliaries = [child for child in children_of(verb) if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxiliaries}
    if words & {"will", "'ll", "shall"} or "going" in words or _headline_infinitive(verb):
        return "future"
    if _is_future_in_the_past(verb):
        return "future"
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'s", "'ve"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    if verb.tag_ == "VBN" and not auxiliaries and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _tense(verb.head)  # "police have arrested and charged him": "have" is the charging's too
    if verb.tag_ == "VBN" and not auxiliaries:
        # a headline's passive ("Minister sacked over ..."), else a participle modifying a noun
        return "past" if verb.dep_ == "ROOT" else "participle"
    return "present"


# Mentions that name no one themselves: the actor is inferred ("he", "the company", a bridged product)
INFERRED_LABELS = frozenset({"COREF", "BRIDGE"})
POSSESSIVE_WORDS = frozenset({"his", "her", "its", "their"})
# what stands for its owner: "His body was found" tells of him
STANDS_FOR_OWNER = frozenset({"body", "remains", "corpse"})
# What a named owner takes part through: "a left hook to Cruz's jaw", "the Saints' 16 games"; the
# owner a pronoun or a description stands for there is mostly the actor already, or a wrong guess
NAMED_OWNER_PARTS = frozenset(
    """face head jaw chin nose eye eyes neck chest shoulder arm arms hand hands leg legs knee knees
    ankle foot game games season""".split()
)


def _owner_only(mention: ActorMention, span: Span) -> bool:
    token = tokens_of(span.doc)[mention.start]
    return mention.surface.lower() in POSSESSIVE_WORDS and not _stands_for_owner(token.head)


def _stands_for_owner(owned: Token) -> bool:
    """ "His body was found" tells of him; so do "Its shares fell" and "Its revenue rose" of the
    company: its stock and its takings, as the subject, move with it."""
    if owned.lower_ in STANDS_FOR_OWNER:
        return True
    holding_or_taking = owned.lower_ in HOLDINGS or owned.lemma_.lower() in OWNER_TAKES_PART
    return holding_or_taking and owned.dep_ in ("nsubj", "nsubjpass")


REPORTED_ADVERBS = frozenset({"reportedly", "allegedly", "apparently", "purportedly", "supposedly"})
DOUBTING_ADVERBS = REPORTED_ADVERBS | frozenset({"probably", "possibly", "perhaps", "maybe", "likely"})


def _modality(predicate: Token, tense: str) -> str | None:
    """How the text tells the happening: "planned" (will, is set to), "reported" (X did Y, police said),
    "negated" (the shuttle did not launch on Tuesday)."""
    if _is_negated(predicate):
        return "negated"
    if tense == "future":
        return "planned"
    if any(child.dep_ == "advmod" and child.lower_ in REPORTED_ADVERBS for child in children_of(predicate)):
        return "reported"
    head = governing_verb(predicate) or predicate
    if head.dep_ == "ccomp" and head.head.i != head.i and is_reporting(head.head):
        return "reported"  # "X did Y, officials said": told by someone, not seen by the writer
    return None


def _mentions_taking_part(
    predicate: Token, mentions: Sequence[ActorMention], span: Span
) -> list[ActorMention]:
    """The mentions of actors that take part in the predicate's happening, in the clause's order."""
    actors: list[ActorMention] = []
    clause = _clause_tokens(predicate) | _subject_tokens(predicate) | _told_with_a_noun(predicate)
    if predicate.pos_ == "ADJ" and predicate.dep_ == "amod":  # "Mark Felt, dead at 95": Felt
        described = predicate.head
        clause |= {described.i} | {child.i for child in children_of(described) if child.dep_ == "compound"}
    misread = _misread_name_phrase(predicate)
    clause |= misread
    if infinitive_on_a_name(predicate) is not None:  # "Dalton Motors chief Keller to step down"
        clause |= {token.i for token in subtree_of(predicate.head) if token.i < predicate.i}
    elif predicate.dep_ in ("relcl", "acl") and not _is_whose_clause(predicate):
        # "Airbus, which has out-sold Boeing": Airbus takes part; "A380 test flight delayed": the flight's
        clause |= {token.i for token in subtree_of(predicate.head) if token.i < predicate.i}
    for mention in mentions:
        root = span_root(span.doc, mention.start, mention.end)
        if root.i in misread:
            actors.append(mention)  # its subject before it, its object after it
            continue
        # first what is cheap to read and leaves most mentions out: a name outside the clause
        if mention.kind == "country" and not (
            _acts(tokens_of(span.doc)[mention.end - 1], predicate) or _owns_a_doing(root, clause)
        ):
            continue
        if mention.kind != "country" and mention.start not in clause and mention.end - 1 not in clause:
            continue
        doer = mention.kind == "person" and _names_the_doer(root, clause)
        if mention.kind != "product" and not doer and _is_modifier(root, predicate, mentions):
            continue  # "the main Airbus factory", "Boeing's 787": a modifier, not a participant
        if _describes_another_actor(mention, mentions, span.doc):
            continue  # "Airbus parent EADS won", "EADS, the parent company of Airbus, won": EADS won
        if not is_reporting(predicate) and _is_employer_of(mention, mentions, span.doc):
            continue  # "Chargers receiver Vincent Jackson was arrested": the arrest is not the team's
        if mention.kind == "product" and _qualifies_a_thing(root, predicate):
            continue  # "iPhone 4 users", "the iPhone 4 antenna"; but "the A380 test flight" is the A380's
        actors.append(mention)
    return actors


# What a party is told doing with its object: "signed an agreement to acquire SeaMicro"
AGREEMENT_NOUNS = DEAL_NOUNS | frozenset({"plan", "bid", "offer", "proposal"})
INVOLVING_LEMMAS = frozenset({"involve"})


def _told_with_a_noun(predicate: Token) -> set[int]:
    """The clause a noun of the predicate's clause is told by: the content of a deal or a plan
    ("signed an agreement to acquire SeaMicro": SeaMicro is the deal's other party) and whom a
    matter involves ("dismissed a case involving Senator Harris"). They take part in the event."""
    told: set[int] = set()
    tokens = tokens_of(predicate.doc)
    for index in _clause_tokens(predicate):
        noun = tokens[index]
        if noun.pos_ != "NOUN":
            continue
        for clause in children_of(noun):
            if clause.dep_ == "acl" and (
                _is_the_deals_content(noun, clause, predicate)
                or clause.lemma_ in INVOLVING_LEMMAS
                or _is_the_claims_content(noun, predicate)
            ):
                told |= _clause_tokens(clause)
    return told


# What someone is said to have done, which a denial or a confirmation is about
CLAIM_NOUNS = frozenset("rumor rumour report claim allegation suggestion accusation speculation".split())


def _is_the_claims_content(noun: Token, predicate: Token) -> bool:
    """ "denied allegations that he bribed Senator Cole": what a claim the event answers says, as
    what a statement says is part of the statement."""
    is_the_object = noun.dep_ == "dobj" and noun.head.i in _predicate_heads(predicate)
    return is_the_object and noun.lemma_.lower() in CLAIM_NOUNS


def _is_the_deals_content(noun: Token, clause: Token, predicate: Token) -> bool:
    """ "signed an agreement to acquire X", "unveiled a bid to buy X": what the deal the event is
    about does (not "a speech against the deal to lease tankers from Boeing")."""
    infinitive = has_to_marker(clause)
    is_the_object = noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in _predicate_heads(predicate)
    return infinitive and is_the_object and noun.lemma_.lower() in AGREEMENT_NOUNS


def _owns_a_doing(token: Token, clause: Set[int]) -> bool:
    """ "before San Diego's playoff loss", "Creighton's victory against Drake": a country (or a team
    named by its city) takes part, as any owner does, in a doing it owns in the clause."""
    owned = token.head
    return token.dep_ == "poss" and owned.i in clause and _is_doing_or_result(owned)


# "arrested five days before San Diego's playoff loss": a happening that only times the event
TIMING_PREPOSITIONS = frozenset({"after", "before", "since", "until", "during", "ahead"})


def _names_the_doer(token: Token, clause: Set[int]) -> bool:
    """ "A Reggie Wayne touchdown reception gave the Colts the lead": a person's name before a
    doing names who did it."""
    owned = token.head
    if token.dep_ not in ("compound", "nmod") or owned.dep_ in ("compound", "nmod", "amod"):
        return False  # not "the Hale campaign staff", staff of his campaign
    return owned.i in clause and _is_doing_or_result(owned)


def _is_doing_or_result(noun: Token) -> bool:
    """A doing or its result, told as part of the event, not as the time it happened at."""
    if noun.dep_ == "pobj" and noun.head.lower_ in TIMING_PREPOSITIONS:
        return False
    if noun.dep_ == "appos" or noun.lower_ in ROLE_NOUNS:
        return False  # "LaRue, a top Nixon campaign official, died": a role, not a doing
    return noun.pos_ == "NOUN" and (
        _is_doing(noun) or noun.lemma_.lower() in OWNER_TAKES_PART or noun.lower_ in NAMED_OWNER_PARTS
    )


def _misread_name_phrase(predicate: Token) -> frozenset[int]:
    """ "Hawkridge Rovers sack manager Dean Calloway", read as one name with "sack" in it: the
    headline's subject and object are the names of the phrase the verb was read into."""
    if predicate.pos_ != "NOUN" or predicate.dep_ != "compound":
        return frozenset()
    root = predicate
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head
    if root.dep_ != "ROOT" or root.pos_ != "PROPN":
        return frozenset()
    return frozenset(token.i for token in subtree_of(root) if token.ent_type_ or token.i == predicate.i)


def _is_whose_clause(verb: Token) -> bool:
    """ "Airbus, whose A380 first flew in 2005": the owner the clause hangs on is not its subject."""
    return any(
        token.tag_ == "WP$"
        for child in children_of(verb)
        if child.dep_ in SUBJECT_DEPS
        for token in subtree_of(child)
    )


# How one organisation is told by its tie to another: "Airbus parent EADS", "Google unit Waymo"
RELATION_NOUNS = frozenset(
    """parent owner subsidiary unit division arm rival competitor partner supplier customer affiliate
    sister""".split()
)
DESCRIBING_DEPS = frozenset({"pobj", "prep", "compound", "amod", "nmod", "poss", "case"})


def _describes_another_actor(mention: ActorMention, mentions: Sequence[ActorMention], doc: Doc) -> bool:
    """A name told only to say who another actor is: before a tie and that actor's name ("Airbus
    parent (company) EADS"), or inside a description set beside that actor's name ("EADS, the
    parent company of Airbus,")."""
    starts = {other.start for other in mentions if other.name != mention.name}
    tokens = tokens_of(doc)
    after = mention.end
    if after < len(tokens) and tokens[after].lemma_.lower() in RELATION_NOUNS:
        following = (
            after + 2 if after + 1 < len(tokens) and tokens[after + 1].lower_ == "company" else after + 1
        )
        if following in starts:
            return True
    token = span_root(doc, mention.start, mention.end)
    while token.dep_ in DESCRIBING_DEPS and token.head.i != token.i:
        token = token.head
    if token.dep_ != "appos" or token.pos_ != "NOUN" or not _names_a_tie(token):
        return False  # "Jane Roe, the wife of John Smith, said": told as one, read as both
    return any(other.start <= token.head.i < other.end and other.name != mention.name for other in mentions)


# The words of a role a person holds in a body: "Chargers wide receiver X", "Boeing vice president X"
ROLE_PHRASE_WORDS = frozenset(
    """vice senior executive general chief deputy assistant associate head managing wide defensive
    offensive""".split()
)
ROLE_WORDS = TITLE_WORDS | ROLE_NOUNS


def _is_employer_of(mention: ActorMention, mentions: Sequence[ActorMention], doc: Doc) -> bool:
    """An organisation named only to say whom a person named with it works for, before the person's
    role and name ("Chargers wide receiver Vincent Jackson", "Norland Bank chief executive Ann Roe").
    What the person does is not the body's deed (a saying is left to the rules of sayings: a
    spokesman speaks for the body)."""
    if mention.kind != "organization":
        return False
    people = [other for other in mentions if other.kind == "person" and other.label != "COREF"]
    tokens = tokens_of(doc)
    index = mention.end
    role_nouns = int(tokens[index - 1].text in POSITION_ABBREVIATIONS)  # tagged "Saints RB"
    while index < len(tokens) and index - mention.end < 4:
        word = tokens[index]
        if word.pos_ == "NOUN" or word.lower_ in ROLE_WORDS or word.text in POSITION_ABBREVIATIONS:
            role_nouns += 1
        elif not (word.pos_ == "ADJ" or word.lower_ in ROLE_PHRASE_WORDS):
            break
        index += 1
    return bool(role_nouns) and any(person.start == index for person in people)


def _names_a_tie(noun: Token) -> bool:
    """ "the parent company", "a unit", "its rival": a noun naming a tie between organisations."""
    words = [noun, *(child for child in children_of(noun) if child.dep_ == "compound")]
    return any(word.lemma_.lower() in RELATION_NOUNS for word in words)


def _qualifies_a_thing(token: Token, predicate: Token) -> bool:
    head = token.head
    if token.dep_ not in ("compound", "nmod") or head.i in (token.i, predicate.i) or head.pos_ != "NOUN":
        return False
    if head.lemma_.lower() in PRODUCT_KINDS:
        return False  # "60 Boeing 787 aircraft", "its iPhone device", "the first A380 prototype"
    return not (_is_doing(head) or head.lower_ in PRODUCT_HAPPENINGS or head.lemma_.lower() == "delay")


# What a product is: "the iPod music player" is the iPod.
PRODUCT_KINDS = frozenset(
    """plane aircraft jet airliner jetliner aeroplane airplane superjumbo prototype spacecraft craft
    capsule module rocket satellite probe station vehicle car truck ship vessel engine missile drone
    device phone smartphone handset player computer laptop tablet service store software system
    model version range line family""".split()
)


# The kinds of product a headline may name one by: not a service, a model or a line.
CRAFT_AND_DEVICE_KINDS = PRODUCT_KINDS - frozenset(
    "service store software system model version range line family engine station".split()
)


def _is_modifier(token: Token, predicate: Token, mentions: Sequence[ActorMention]) -> bool:
    head = token.head
    if head.i == predicate.i or head.i == token.i:
        return False
    if _joined_to_next_name(token):
        return _is_modifier(head, predicate, mentions)  # "Boeing-Air Force talks": as the Air Force is
    if _names_the_subject_before_its_day(token):
        return False
    if _folded_into_next_phrase(token):
        return _is_modifier(_phrase_head(token), predicate, mentions)
    if token.dep_ == "conj" and _folded_into_next_phrase(head) and _names_a_role_before_a_name(head.head):
        return True  # "with Mitchell and Nixon aide Magruder", read "Mitchell and Nixon aide": the employer
    first = _first_of_its_list(token)
    if first.i != token.i and first.pos_ == "PROPN" and first.dep_ in ("compound", "nmod", "amod"):
        # "a fleet of Boeing and Airbus aircraft", "his WBA, IBF and WBO belts": as the first is
        return _is_modifier(first, predicate, mentions)
    if token.dep_ in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        # "the Teamsters union said", "Toyota shares fell": the body itself, or its stock
        if head.lower_ in HOLDINGS and head.tag_ in ("NN", "NNS"):
            return False
        if head.lower_ in LEAGUE_NOUNS:
            return False  # "set an NFL rookie record": the league's
        if _names_the_owner_of_takings(token, mentions):
            return False  # "Ridgeway sales drop 32 percent": the company's sales
        if _owns_the_site(token, mentions):
            return False  # "an explosion at a Dorwell Chemicals plant": the company's plant
        if head.lower_ in NAMED_KIND_NOUNS and head.tag_ == "NN":
            return False  # "the broader Topix index", "the benchmark Nikkei 225 average": the index
        if head.lower_ in STAFF_NOUNS and (head.tag_ == "NNS" or head.lower_ == "police"):
            return False  # "BOJ policymakers voted", "NYPD officers shot": the body acts through them
        if head.lower_ in TEAM_UNITS:
            return False  # "The Colts defense held": the team plays through its units
        if head.lower_ in SOURCE_NOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            return False  # "The AMD statement said", "USGS measurements showed": the body tells it
        if head.lower_ in BODY_NOUNS and head.tag_ == "NN" and head.dep_ != "appos":
            # not "Airbus unions", "the main Airbus union": unions at Airbus
            return any(child.dep_ in ("amod", "nummod") for child in children_of(head))
        return head.lower_ not in _NOMINAL_VERBS
    if token.dep_ == "poss":
        # "Boeing's 787", "Boeing's rival", "Jobs' health": the possessed is what takes part; but
        # "Lavrov's talks", "Putin's letter", "China Eastern's board": the possessor acts through it
        if head.lower_ in STANDS_FOR_OWNER or (head.lower_ in HOLDINGS and head.tag_ in ("NN", "NNS")):
            return False  # "Halvorsen's shares fell", as "Toyota shares fell": its stock
        if token.pos_ == "PROPN" and head.lower_ in NAMED_OWNER_PARTS:
            return False
        if _owns_the_site(token, mentions):
            return False  # "workers walked out at Halvard Motors' engine plant"
        in_other_mention = any(mention.start <= head.i < mention.end for mention in mentions)
        if in_other_mention or head.lower_ in ROLE_NOUNS or head.lower_ in TITLE_WORDS:
            return True
        return not (_is_doing(head) or head.lemma_.lower() in OWNER_TAKES_PART)
    return False


# Where a company works: what happens there happens to it
SITE_NOUNS = frozenset(
    """plant plants factory factories refinery refineries mine mines colliery smelter mill works
    warehouse depot hospital hospitals store stores brewery shipyard""".split()
)
SITE_PREPOSITIONS = frozenset({"at", "in", "from", "inside"})


def _names_an_organization(token: Token, mentions: Sequence[ActorMention]) -> bool:
    return any(m.start <= token.i < m.end and m.kind == "organization" for m in mentions)


def _owns_the_site(token: Token, mentions: Sequence[ActorMention]) -> bool:
    """ "An explosion at a Dorwell Chemicals plant killed two", "Workers strike at Halvard Motors'
    Oshawa engine plant", "Hackers steal records from Hartley Health hospitals": a company named
    before its site, where the happening took place, takes part in it."""
    site = token.head
    while site.dep_ == "compound" and site.head.pos_ == "NOUN" and site.head.i != site.i:
        site = site.head  # "Halvard Motors' Oshawa engine plant"
    if site.lemma_.lower() not in SITE_NOUNS and site.lower_ not in SITE_NOUNS:
        return False
    if site.dep_ != "pobj" or site.head.lower_ not in SITE_PREPOSITIONS:
        return False
    return _names_an_organization(token, mentions)


def _names_the_owner_of_takings(token: Token, mentions: Sequence[ActorMention]) -> bool:
    """ "Ridgeway sales drop", "Kessler profit rises": a company's name before its takings, as the
    subject, is the company whose sales moved (while "U.S. auto sales" are a market's)."""
    takings = token.head
    return (
        takings.lemma_.lower() in TAKINGS_LEMMAS
        and takings.dep_ in ("nsubj", "nsubjpass")
        and _names_an_organization(token, mentions)
    )


def _first_of_its_list(token: Token) -> Token:
    """The first name of a list ("WBA, IBF and WBO", which the parser may read as an apposition)."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


DAY_WORDS = frozenset(WEEKDAYS) | {"today", "yesterday", "tonight", "tomorrow"}
# What a league holds: "the NFL draft", "an NFL record" (a champion's belts are his, not the
# sanctioning bodies' part in his fight)
LEAGUE_NOUNS = frozenset("record season playoffs draft".split())


def _folded_into_next_phrase(token: Token) -> bool:
    """ "a meeting with Mitchell and Nixon aide Magruder": the parser reads the first name of a
    pair as a modifier of the second's phrase; the "and" after it says it is one of the pair."""
    after = token.i + 1
    return (
        token.dep_ in ("nmod", "compound")
        and token.ent_type_ == "PERSON"
        and after < len(token.doc)
        and tokens_of(token.doc)[after].lower_ == "and"
        and token.head.i > after
    )


def _names_a_role_before_a_name(noun: Token) -> bool:
    """ "aide" in "Nixon aide Jeb Magruder": a noun before a person's name is his role."""
    return noun.pos_ == "NOUN" and noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON"


def _phrase_head(token: Token) -> Token:
    head = token.head
    while head.dep_ in ("nmod", "compound") and head.head.i != head.i:
        head = head.head
    return head


def _names_the_subject_before_its_day(token: Token) -> bool:
    """ "Siemens Monday announced ...", "The Senate Thursday passed ...": news puts the day between
    the subject and its verb, and the parser reads the name as a modifier of the day."""
    day = token.head
    return (
        token.dep_ == "compound"
        and day.lower_ in DAY_WORDS
        and day.dep_ in ("nsubj", "npadvmod")
        and day.head.pos_ in ("VERB", "AUX")
    )


def _joined_to_next_name(token: Token) -> bool:
    after = token.i + 1
    return (
        not token.whitespace_
        and after < len(token.doc)
        and tokens_of(token.doc)[after].text == "-"
        and token.head.i > after
        and token.head.pos_ == "PROPN"
    )


# The kind of body a name is the name of: "the Teamsters union", "the Nasdaq index"
BODY_NOUNS = frozenset(
    "union index exchange agency company firm group carmaker automaker airline bank party team".split()
)
# The kind of thing only one named thing can be: an adjective on it describes the thing itself
NAMED_KIND_NOUNS = frozenset({"index", "average"})


# The people a body acts through, named after it: "Kremlin officials", "Toyota executives"
STAFF_NOUNS = frozenset(
    """officials executives employees workers staff engineers negotiators lawyers investigators
    members policymakers directors officers agents troops soldiers forces police magistrates
    prosecutors detectives firefighters players militants fighters gunmen""".split()
)
ACTING_BODIES = BODY_NOUNS | STAFF_NOUNS


# The units a team plays through: "the Colts defense", "the Yankees bullpen", "the Jets' secondary"
TEAM_UNITS = frozenset(
    "defense defence offense offence secondary bullpen lineup line-up rotation backfield".split()
)
# What a body tells news through: "the AMD statement said", "Labor Department figures showed"
SOURCE_NOUNS = frozenset(
    "statement release data figures measurements readings statistics survey report records".split()
)
# What an actor does, sends or acts through, when it is named as the owner: "Putin's letter".
ACTS_THROUGH = TEAM_UNITS | frozenset(
    """letter message email e-mail memo statement speech proposal plan offer order bid request call deal
    invitation decision move response visit trip talks board committee panel unit division subsidiary
    shareholders staff
    employees workers executives officials team forces troops government members policymakers
    negotiators directors navy army military police coastguard programme program campaign
    squad choice pick""".split()
)
# A result is its owner's ("Creighton's victory"), and a record its holder's, who loses it when it
# is broken ("Luck broke Newton's record"): the owner takes part. So does a company in what its
# takings do ("the company's sales fell", "Calder's profit rose").
OWNER_TAKES_PART = frozenset(
    """victory win defeat loss record mark sale sales revenue revenues profit profits earnings income
    goals points assists touchdowns""".split()
)
_DOING_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "al")


def _is_doing(noun: Token) -> bool:
    """A noun naming a happening or a body that acts: "visit", "resignation", "board"."""
    word = noun.lower_
    if word in ACTS_THROUGH or word in _NOMINAL_VERBS or word in EVENT_NOUNS or noun.tag_ == "VBG":
        return True
    return len(word) > 5 and word.endswith(_DOING_SUFFIXES)


def _actor_is_subject(predicate: Token, mentions: Sequence[ActorMention]) -> bool:
    """A named person, organisation or product is the grammatical subject (not buried in it), its
    own or the one it shares with the verb it is coordinated with."""
    shared = {subject.i for subject in _shared_subjects(predicate)}
    for mention in mentions:
        if mention.kind not in ("person", "organization", "product"):
            continue
        token = span_root(predicate.doc, mention.start, mention.end)
        while token.dep_ in ("compound", "conj", "appos", "poss", "nummod") and token.head.i != token.i:
            token = token.head
        if mention.label == "BRIDGE" and mention.kind != "product":
            continue  # "the agreement allows for ...": what a deal says is no deed of its parties
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i in _predicate_heads(predicate):
            return True
        if token.i in shared:
            return True
    return False


def _predicate_heads(predicate: Token) -> set[int]:
    copula = copula_of_a_first(predicate)
    heads = {predicate.i}
    if copula is not None and _is_token(_first_to_do(copula), predicate):
        heads.add(copula.i)  # "Ohara will be the first woman to walk on the Moon": Ohara walks
    head = predicate
    while head.dep_ in ("xcomp", "attr", "acomp", "pcomp", "prep", "dobj") and head.head.i != head.i:
        head = head.head
        heads.add(head.i)
    return heads


def _once_per_token(token: Token, name: str, read: Callable[[Token], T]) -> T:
    """`read(token)`, read once per token and Doc."""
    return made_once_for(token.doc, name, token.i, lambda: read(token))


def _once_per_predicate(predicate: Token, name: str, find: Callable[[Token], set[int]]) -> frozenset[int]:
    """`find(predicate)`, read once per predicate and Doc (each is a walk of subtrees)."""
    return made_once_for(predicate.doc, name, predicate.i, lambda: frozenset(find(predicate)))


def _subject_tokens(predicate: Token) -> frozenset[int]:
    """The tokens of the predicate's subject."""
    return _once_per_predicate(predicate, "subject_tokens", _find_subject_tokens)


def _find_subject_tokens(predicate: Token) -> set[int]:
    head = predicate
    while head.dep_ in ("xcomp", "attr", "acomp", "dobj") and head.head.i != head.i:
        head = head.head
    subjects = [child for child in children_of(head) if child.dep_ in SUBJECT_DEPS]
    copula = copula_of_a_first(head)
    if copula is not None:  # "Thomas is the fifth running back to go on IR": Thomas went
        subjects = [child for child in children_of(copula) if child.dep_ == "nsubj"]
    governing = governing_verb(head)
    if not subjects and governing is not None:
        subjects = [child for child in children_of(governing) if child.dep_ in SUBJECT_DEPS]
    subjects += _shared_subjects(head)
    relative_clause = head.head if head.dep_ == "conj" and head.head.dep_ == "relcl" else head
    if relative_clause.dep_ == "relcl" and subjects and all(s.lower_ in RELATIVE_PRONOUNS for s in subjects):
        return {subject.i for subject in subjects} | _described_subject(relative_clause.head)
    # the subject, less what its relative clauses tell ("the fighters ... that brought Castro to power")
    relative = {token.i for subject in subjects for token in subtree_of(subject) if token.dep_ == "relcl"}
    if not relative:
        return {token.i for subject in subjects for token in subtree_of(subject)}
    return {
        token.i
        for subject in subjects
        for token in subtree_of(subject)
        if not any(ancestor.i in relative for ancestor in [token, *token.ancestors])
    }


GRAMMATICAL_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _shared_subjects(verb: Token) -> list[Token]:
    """ "The take-off was normal and took place on time": a verb coordinated with the one before it,
    and with no subject of its own, shares that verb's subject."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    if any(child.dep_ in GRAMMATICAL_SUBJECTS for child in children_of(verb)):
        return []
    return [child for child in children_of(verb.head) if child.dep_ in GRAMMATICAL_SUBJECTS]


RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def _described_subject(noun: Token) -> set[int]:
    """ "Hale was known as the fixer who paid the money", "Hale is the man who paid": the relative
    clause tells what the subject the noun describes did."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif noun.dep_ != "attr":
        return set()
    subjects = [child for child in children_of(verb) if child.dep_ in ("nsubj", "nsubjpass")]
    return {token.i for subject in subjects for token in subtree_of(subject)}


def _clause_tokens(predicate: Token) -> frozenset[int]:
    """The predicate's own clause: its subtree less the clauses of other verbs hanging from it."""
    return _once_per_predicate(predicate, "clause_tokens", _find_clause_tokens)


def _find_clause_tokens(predicate: Token) -> set[int]:
    tokens: set[int] = set()
    stack = [predicate]
    # What is said is part of a statement: "Gallois said the company will cut jobs".
    reported = (
        {child.i for child in children_of(predicate) if child.dep_ == "ccomp"}
        if is_reporting(predicate)
        else set()
    )
    while stack:
        token = stack.pop()
        tokens.add(token.i)
        stack.extend(
            child
            for child in children_of(token)
            if child.i in reported or not _is_other_clause(child, predicate)
        )
    return tokens


def _is_other_clause(token: Token, predicate: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or tells_the_purpose(token, predicate):
        return False
    return token.dep_ in NESTED_CLAUSES or governing_verb(token) is not None or is_misattached_clause(token)


def _acts(token: Token, predicate: Token) -> bool:
    """A country acts when it is a subject or object of the event, not where it happened."""
    if token.dep_ in ("amod", "compound") and (
        token.head.lower_ in TITLE_WORDS or token.head.ent_type_ == "PERSON"
    ):
        return False  # "Russian President Vladimir Putin": Putin acts
    while token.dep_ in ("compound", "poss", "conj", "appos") and token.head.i != token.i:
        if token.dep_ == "poss" and token.head.lower_ in TITLE_WORDS:
            return False  # "Russia's Foreign Minister": the minister acts, not Russia
        if token.dep_ == "poss" and token.head.dep_ in SUBJECT_OR_OBJECT_DEPS:
            return True
        token = token.head
    if token.dep_ == "pobj" and _names_a_party(token.head, predicate):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
        return False
    if token.dep_ not in ARGUMENT_DEPS:
        return False
    # its own verb, or the verb it completes ("set to deliver"), not a coordinated one
    return token.head.i == predicate.i or (
        predicate.dep_ in ("xcomp", "acomp", "attr") and token.head.i == predicate.head.i
    )


# The prepositions of the other party: "sanctions against Iran", "talks with China", "beaten by Brazil"
PARTY_PREPOSITIONS = frozenset({"with", "against", "between", "versus", "vs", "vs.", "by"})
# what is won over another: "a win over Detroit" (not "a dispute over Kashmir", a matter)
WINS_OVER = frozenset({"win", "victory", "triumph", "lead", "edge", "upset", "beat", "prevail"})


def _names_a_party(preposition: Token, predicate: Token) -> bool:
    """A country after a preposition of the other party, on the predicate or on the noun that is
    its subject or object, takes part: "imposed sanctions against Iran", "held talks with China"."""
    attached = preposition.head
    word = preposition.lower_
    if word not in PARTY_PREPOSITIONS and not (word == "over" and attached.lemma_.lower() in WINS_OVER):
        return False
    heads = _predicate_heads(predicate)
    if attached.i in heads:
        return True
    return attached.pos_ == "NOUN" and attached.dep_ in NOUN_ARGUMENT_DEPS and attached.head.i in heads


def _places(span: Span, predicate: Token) -> list[str]:
    """Where the predicate's own clause says it happened: "launched from Florida as Soyuz docked at
    Baikonur" puts Florida on the launch and Baikonur on the docking, never both on either."""
    named = _places_named_in(span)
    if not named:
        return []
    # "the first flight ... was in 1994 in Seattle": the clause of its verb
    clause = _clause_tokens(_clause_verb(predicate))
    places: list[str] = []
    for ent in named:
        if ent.root.i not in clause:
            continue
        head = ent.root
        while head.dep_ in ("compound", "conj", "appos") and head.head.i != head.i:
            head = head.head
        is_location = head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS
        if not is_location:
            continue
        name = re.sub(r"^[Tt]he\s+", "", ent.text)
        for suffix in ("’s", "'s"):
            name = name.removesuffix(suffix)
        if name not in places:
            places.append(name)
    return places


def _places_named_in(span: Span) -> list[Span]:
    """The place entities of `span`, from the Doc's entities read once: `Span.ents` builds every
    entity of the Doc again at each call, and an article asks once per event."""
    doc = span.doc
    places = made_once(
        doc,
        "place_entities",
        lambda doc: [(ent.start, ent.end) for ent in entities_of(doc) if ent.label_ in ("GPE", "LOC", "FAC")],
    )
    return [doc[start:end] for start, end in places if span.start <= start and end <= span.end]


def _sentence_date(
    span: Span, expressions: Sequence[TimeExpression], predicate: Token, governed_only: bool = False
) -> tuple[DateValue, TimeExpression] | None:
    """The calendar date of the expression governing `predicate`, else the first in the sentence."""
    inside = []
    quoted = _quoted_ranges(span)
    for expression in expressions:
        if not span.start_char <= expression.start < span.end_char:
            continue
        reading = _dating_reading(span.doc, expression)
        if reading is None:
            continue
        date, root = reading
        if _within(expression.start, quoted) and not _within(predicate.idx, quoted):
            continue  # '"Today is a great day," he said': the quote's today, not the saying's date
        if _measures_a_record(root, predicate):
            continue  # "its first profit since 2007": the start of a stretch, not when it happened
        if _said_on(root, predicate.head) and predicate.dep_ == "ccomp":
            continue  # "said on Wednesday it would close the plant in March": the saying's day
        inside.append((expression, date, root))
    if not inside:
        return None
    for expression, date, root in inside:
        if _governs(root, predicate) or _said_on(root, predicate):
            return date, expression
    for expression, date, root in inside:
        if _dates_its_subject(root, predicate):
            return date, expression
    if governed_only:
        return None
    # Else the first date that dates a clause, not one that modifies a noun ("delays in January"),
    # nor one of another clause's verb (see _dates_another_clause).
    for expression, date, root in inside:
        if not _modifies_a_noun(root) and not _dates_another_clause(root, predicate):
            return date, expression
    return None


def _dating_reading(doc: Doc, expression: TimeExpression) -> tuple[DateValue, Token] | None:
    """The expression's calendar date and root token, when it may date a clause at all (whatever
    the clause), read once per Doc: each predicate of its sentence asks."""
    return made_once_for(doc, "dating_readings", expression, lambda: _read_for_dating(doc, expression))


def _read_for_dating(doc: Doc, expression: TimeExpression) -> tuple[DateValue, Token] | None:
    date = expression.calendar_date()
    if date is None:
        return None
    if _within(expression.start, [dateline_credit(doc)]):
        return None  # "TALLINN, March 4 (Reuters) - ... won Sunday's election": the day it was filed
    tokens = _expression_tokens(doc, expression)
    if tokens is None or (date.precision == "year" and _names_a_thing(tokens.root)):
        return None  # "the 1991 settlement", "its 2010 conference": the year names the thing
    if _EARLIER_THAT_DAY.fullmatch(expression.text.strip()):
        return None  # "Earlier in the day": the day being told (the narrative's), not the last day named
    if _was_planned_once(tokens.root):
        return None  # "originally due later this year, will be delayed until October"
    if _is_comparison_base(tokens):
        return None  # "sales dropped 32 percent from a year earlier": the time compared with
    return date, tokens.root


def _expression_tokens(doc: Doc, expression: TimeExpression) -> Span | None:
    """The tokens of the expression (expanded to whole tokens), found once per Doc."""
    return made_once_for(
        doc,
        "expression_tokens",
        (expression.start, expression.end),
        lambda: doc.char_span(expression.start, expression.end, alignment_mode="expand"),
    )


def _day_of_recent_news_told(
    span: Span, expressions: Sequence[TimeExpression], saying: Token, published: dt.date
) -> DateValue | None:
    """ "died yesterday, her spokesman said": an undated attribution after news of the last days was
    made on the news' day, as a report of a happening is written when it breaks; "Musa said officers
    had arrested two suspects on Saturday" is said on the story's day."""
    quoted = _quoted_ranges(span)
    for told in (child for child in children_of(saying) if child.dep_ == "ccomp" and child.i < saying.i):
        if _within(told.idx, quoted):
            continue  # '"Today is a great day," he said': the quote's today
        dated = _sentence_date(span, expressions, told, governed_only=True)
        if dated is not None and dated[0].precision == "day" and _near_publication(dated[0], published):
            return dated[0]
    return None


def _told_at_the_time(verb: Token) -> bool:
    """ "said in a statement at the time": the clause refers to the time last told, not to its own."""
    sentence = sentence_at(verb.doc, verb.i)
    if "time" not in _text(sentence).lower():
        return False  # a quick look at the text before the walk of the tokens
    for token in tokens_in(sentence):
        if token.lower_ != "time" or token.dep_ != "pobj" or token.head.lower_ != "at":
            continue
        # not "at the same time", "at the time of the merger": another time
        determiners = [child.lower_ for child in children_of(token) if child.dep_ == "det"]
        qualified = any(child.dep_ in ("amod", "prep", "compound", "nummod") for child in children_of(token))
        if determiners == ["the"] and not qualified and _clause_verb(token.head).i == verb.i:
            return True
    return False


def _said_on(date: Token, saying: Token) -> bool:
    """ "said on Wednesday it would close the plant", with "on Wednesday" hung on "close" by the
    parser: a date between the verb of saying and the subject of what was said dates the saying."""
    if not is_reporting(saying):
        return False
    said = next(
        (child for child in children_of(saying) if child.dep_ == "ccomp" and child.i > saying.i), None
    )
    subject = (
        None
        if said is None
        else next((c for c in children_of(said) if c.dep_ in ("nsubj", "nsubjpass")), None)
    )
    return subject is not None and saying.i < date.i < subject.left_edge.i


_EARLIER_THAT_DAY = re.compile(r"earlier (?:in the|that) day", re.IGNORECASE)
SUPERSEDED_ADVERBS = frozenset({"originally", "initially", "previously", "formerly"})


def _was_planned_once(date: Token) -> bool:
    """A date told as the one first planned ("originally due in May", "initially set for 2010") is
    not when the thing happens."""
    head = date.head
    while head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return any(child.dep_ == "advmod" and child.lower_ in SUPERSEDED_ADVERBS for child in children_of(head))


COMPARISON_PREPOSITIONS = frozenset({"from", "versus", "vs", "vs.", "against"})
RELATIVE_BASE_WORDS = frozenset({"earlier", "ago", "before", "last", "previous", "prior", "same"})
RANGE_ENDS = frozenset({"to", "until", "through", "till"})


def _dates_the_base_figure(date: Span) -> bool:
    """ "won 29 seats, down from 44 in 2015", "up from 546 million in 2009": the date of the figure
    compared with, not of the change."""
    preposition = date.root.head
    if date.root.dep_ != "pobj" or preposition.dep_ != "prep":
        return False
    base = preposition.head  # "from", or the figure it takes
    if base.lower_ != "from" and base.dep_ == "pobj":
        base = base.head
    if base.lower_ != "from" or base.dep_ != "prep":
        return False
    return any(
        child.dep_ == "pobj" and (child.like_num or child.ent_type_ in MEASURE_TYPES)
        for child in children_of(base)
    )


def _is_comparison_base(date: Span) -> bool:
    """ "dropped 32 percent from a year earlier", "up from 546 million a year earlier", "compared
    with a year ago": a figure's base of comparison, not when the change happened; "served from
    2005 to 2007" is a stretch, and an absolute date ("rose from 2005") is left alone."""
    if _dates_the_base_figure(date):
        return True
    if not any(token.lower_ in RELATIVE_BASE_WORDS for token in date):
        return False
    for ancestor in date.root.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "prep":
            return False
        if ancestor.lower_ == "with" and ancestor.head.lemma_.lower() == "compare":
            return True
        if ancestor.lower_ in COMPARISON_PREPOSITIONS and ancestor.dep_ == "prep":
            return not any(
                child.lower_ in RANGE_ENDS and any(obj.ent_type_ == "DATE" for obj in children_of(child))
                for child in children_of(ancestor)
            )
    return False


def _measures_a_record(date: Token, predicate: Token) -> bool:
    """ "posts its first profit since 2007", "its lowest close since April": "since" after a first or
    a superlative says how long the record stands; "has fought cancer since 2004" is dated 2004."""
    if date.dep_ != "pobj" or date.head.lower_ != "since":
        return False
    attached = date.head.head
    if attached.tag_ == "JJS":
        return True  # "closed at $27.85, its highest since 2008"
    nouns = [attached] if attached.pos_ == "NOUN" else []
    nouns += [child for child in children_of(predicate) if child.dep_ in ("dobj", "appos", "attr")]
    return any(
        modifier.tag_ == "JJS" or modifier.lower_ == "first"
        for noun in nouns
        for modifier in children_of(noun)
        if modifier.dep_ == "amod"
    )


def _past_part_of_its_week(
    text_date: tuple[DateValue, TimeExpression], published: dt.date
) -> tuple[DateValue, TimeExpression]:
    """ "filed a lawsuit this week" in a story of Tuesday 28 March: between Monday 27 and the 28th,
    so in March, though the whole week runs into April."""
    date, expression = text_date
    week = re.fullmatch(r"(\d{4})-W(\d{2})", expression.value or "")
    if week is None or date.precision == "month":
        return text_date
    monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
    if not monday <= published <= monday + dt.timedelta(days=6) or monday.month != published.month:
        return text_date
    return DateValue.of(published, "month"), expression


def _dates_another_clause(date: Token, predicate: Token) -> bool:
    """A date of what was said or of a source does not date the predicate, nor the reverse.

    "announced that Leopard would ship in 2007": 2007 dates the shipping; "according to figures
    released April 3": the release; "said on Monday that he had resigned": Monday dates the
    saying, not the resignation.
    """
    verb = next((token for token in date.ancestors if token.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i == predicate.i:
        return False
    if predicate.is_ancestor(verb):
        # what was said, or a source, or what a relative clause tells of a name ("Qantas, which
        # chose the A350 last year, will buy ..."); an adverbial clause shares the time ("After
        # meeting Kim on Friday, Lavrov flew")
        return any(
            token.dep_ in ("ccomp", "csubj") or token.lower_ == "according" or _is_finite_relative(token)
            for token in _path_up(verb, predicate)
        )
    if not verb.is_ancestor(predicate):
        return False
    # the saying the predicate is the complement of; a coordinated verb shares its time
    return any(token.dep_ == "ccomp" for token in _path_up(predicate, verb))


def _is_finite_relative(verb: Token) -> bool:
    """ "which chose the A350 last year": a relative clause with a time of its own; not "the first
    American to orbit the Earth on Tuesday", whose orbit is the main event."""
    infinitive = has_to_marker(verb)
    return verb.dep_ == "relcl" and not infinitive


def _path_up(token: Token, ancestor: Token) -> list[Token]:
    """`token` and its heads up to `ancestor` (excluded)."""
    path = []
    while token.i != ancestor.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


_QUOTED = re.compile(r'"[^"]+(?:"|$)|“[^”]+(?:”|$)')  # a quote may run on past its sentence


def _quoted_ranges(span: Span) -> list[tuple[int, int]]:
    """Character ranges (in the Doc) of direct quotations in the sentence, found once per span."""
    return made_once_for(span.doc, "quoted_ranges", (span.start, span.end), lambda: _find_quoted_ranges(span))


def _find_quoted_ranges(span: Span) -> list[tuple[int, int]]:
    text = _text(span)
    if '"' not in text and "“" not in text:
        return []  # no quotation mark: no need for the regular expression
    return [(span.start_char + m.start(), span.start_char + m.end()) for m in _QUOTED.finditer(text)]


def _text(span: Span) -> str:
    """`span.text`, sliced from the Doc's text (Span.text joins its tokens on each access)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def _within(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


UNDATED_NAMES = frozenset({"PERSON", "ORG"})  # names the parse may hang a date on that is not theirs
# Occasions a saying or a deed is made on: "said on a conference call with analysts on Wednesday"
OCCASION_NOUNS = frozenset("call briefing statement".split())


def _modifies_a_noun(token: Token) -> bool:
    if token.dep_ in ("npadvmod", "tmod"):
        return False  # "found guilty by the same jury last month": a bare time phrase is adverbial
    head = token.head
    if head.dep_ == "prep" and _passes_its_time_on(head.head):
        return False  # "joined Dalton as an engineer in 1971": the joining's year
    if head.lower_ == "on" and head.head.dep_ == "dobj":
        return False  # "will announce its decision on March 7": the day of the verb, hung on its object
    if head.dep_ == "prep" and _is_new_object(head.head):
        return False  # "rejected an approach from Caldwell in May": told with the clause that brings it in
    while head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    happenings = (_NOMINAL_VERBS, EVENT_NOUNS, OCCASION_NOUNS, GATHERINGS)
    if any(head.lower_ in nouns for nouns in happenings):
        return False  # "a July 16 press conference", "Saturday's game": the date of a happening
    if head.pos_ == "PROPN" and head.ent_type_ in UNDATED_NAMES:
        return False  # "an approach from Caldwell in May": a person has no date, the approach has
    return head.i != token.i and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in ("DATE", "TIME")


def _is_new_object(noun: Token) -> bool:
    """ "an approach", "a bid": a happening the clause brings into the story as its object."""
    indefinite = any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in children_of(noun))
    return noun.dep_ == "dobj" and noun.pos_ == "NOUN" and indefinite


def _names_a_thing(token: Token) -> bool:
    return token.dep_ in ("compound", "nummod", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN")


def _dates_its_subject(token: Token, predicate: Token) -> bool:
    """ "Sales in March rose 4 percent", "the service in February passed Wal-Mart": a day or month
    the parse hangs on the subject dates what the subject did."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "on", "during"):
        return False
    subject = token.head.head  # past the nouns the phrase hangs on: "sales at the chain in March"
    while subject.dep_ in ("pobj", "prep") and subject.head.i != subject.i:
        subject = subject.head
    return subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == predicate.i


def _governs(token: Token, predicate: Token) -> bool:
    """The date attaches to the predicate, through prepositions only ("launched ... on July 16")."""
    start = token
    while token.head.i != token.i:
        token = token.head
        if token.i == predicate.i:
            return True
        if token.pos_ == "VERB" or (
            token.pos_ in ("NOUN", "PROPN")
            and token.ent_type_ != start.ent_type_
            and not _passes_its_time_on(token)
        ):
            return False
    return False


# "during her stay in 2010": the stay's time is the clause's; "joined as an engineer in 1971": a
# date after the role the parse hangs on it still dates the verb
TIME_PASSING_PREPOSITIONS = frozenset({"during", "as"})


def _passes_its_time_on(noun: Token) -> bool:
    """A noun whose dates are those of the verb its phrase hangs on ("during her stay", "as an engineer")."""
    preposition = noun.head
    return (
        noun.dep_ == "pobj"
        and preposition.lower_ in TIME_PASSING_PREPOSITIONS
        and preposition.head.pos_ in ("VERB", "AUX")
    )


SOURCE_RANK = {"text": 2, "context": 1, "published": 0}


def _choose_date(
    article: Article, text_date: tuple[DateValue, TimeExpression] | None, narrative: DateValue | None
) -> tuple[DateValue, DateSource]:
    if text_date is not None:
        return text_date[0], "text"
    if narrative is not None:
        return narrative, "context"
    return _day_of(article.published), "published"


@lru_cache(maxsize=1024)
def _day_of(published: dt.date) -> DateValue:
    return DateValue.of(published)  # a DateValue checks its text when made


def _confidence(predicate: Token, mentions: Sequence[ActorMention], source: DateSource, tense: str) -> float:
    score = 0.55
    subjects = _subject_tokens(predicate)
    if any(mention.start in subjects or mention.end - 1 in subjects for mention in mentions):
        score += 0.15
    score += {"text": 0.15, "context": 0.05, "published": 0.0}[source]
    if tense == "future":
        score -= 0.25
    elif tense == "present":
        score -= 0.15
    if all(mention.label == "APPOS" for mention in mentions):
        score -= 0.1
    if any(mention.label == "PERSON" for mention in mentions):
        score += 0.05
    if any(mention.label == "BRIDGE" for mention in mentions):
        score -= 0.3  # the actor is inferred, not named: a curator should look
    return round(max(0.05, min(0.99, score)), 2)


# what a headline says someone is, for the happening that made them so ("dead at 95": died)
_ADJECTIVE_HAPPENINGS = {"dead": "die"}


def _event_lemma(predicate: Token) -> str:
    if predicate.pos_ == "ADJ":
        return _ADJECTIVE_HAPPENINGS.get(predicate.lower_, predicate.lemma_.lower())
    return _NOMINAL_VERBS.get(predicate.lower_, predicate.lemma_.lower())


def _merge_mentions(candidates: list[_Candidate]) -> list[_Candidate]:
    """One event per happening: same action by the same actors, told several times."""
    merged: list[_Candidate] = []
    for candidate in candidates:
        same = next((event for event in merged if _same_happening(event, candidate)), None)
        if same is None:
            merged.append(candidate)
            continue
        same.mentions.extend(candidate.mentions)
        # an actor named in any telling is not inferred
        named = {actor for item in (same, candidate) for actor in item.actors if actor not in item.inferred}
        same.inferred = [
            actor for actor in dict.fromkeys([*same.inferred, *candidate.inferred]) if actor not in named
        ]
        same.actors.extend(actor for actor in candidate.actors if actor not in same.actors)
        if same.modality != candidate.modality:
            same.modality = None if None in (same.modality, candidate.modality) else same.modality
        same.places.extend(place for place in candidate.places if place not in same.places)
        if SOURCE_RANK[candidate.date_source] > SOURCE_RANK[same.date_source]:
            same.date, same.date_source = candidate.date, candidate.date_source
        same.confidence = round(min(0.99, max(same.confidence, candidate.confidence) + 0.05), 2)
        titles = [(same.title, same.plain_title), (candidate.title, candidate.plain_title)]
        if _better_quote(candidate, same):
            same.sentence, same.title, same.plain_title = (
                candidate.sentence,
                candidate.title,
                candidate.plain_title,
            )
        if not _names_its_actor(same.title, same.actors):
            # "Chrysler files ...", not "Files ...": a subject the parse of one mention lost
            same.title, same.plain_title = next(
                (pair for pair in titles if _names_its_actor(pair[0], same.actors)),
                (same.title, same.plain_title),
            )
        if same.modality != "planned":
            same.title = same.plain_title or same.title  # it happened: no longer a plan
    return merged


def _names_its_actor(title: str, actors: Sequence[str]) -> bool:
    first = title.split(" ", 1)[0]
    return any(actor.split(" ", 1)[0] == first for actor in actors)


EVENT_NOUNS = frozenset(
    "conference event speech keynote interview hearing session trial election trip race final".split()
)
LIGHT_VERBS = frozenset(
    "have use include make take get give do come go offer show provide feature see".split()
)
SAME_OBJECT_LEMMAS = LIGHT_VERBS | REPORTING_LEMMAS  # two of them tell one happening on one object


def _same_happening(first: _Candidate, second: _Candidate) -> bool:
    if first.lemma != second.lemma or (
        "negated" in (first.modality, second.modality) and first.modality != second.modality
    ):
        return False  # "did not launch on Tuesday" and "launched on Wednesday" are two facts
    needs_same_object = first.lemma in SAME_OBJECT_LEMMAS or min(len(first.actors), len(second.actors)) < 2
    if needs_same_object and _object_lemma(first.predicate) != _object_lemma(second.predicate):
        return False  # "has a new frame" and "has two cameras", or two announcements, are two facts
    shared = {name_key(actor) for actor in first.actors} & {name_key(actor) for actor in second.actors}
    needed = min(2, len(first.actors), len(second.actors))
    dates_agree = first.date == second.date or "published" in (first.date_source, second.date_source)
    return len(shared) >= needed and dates_agree


def _object_lemma(predicate: Token) -> str:
    objects = [child for child in children_of(predicate) if child.dep_ in ("dobj", "attr", "oprd", "prep")]
    if objects:
        return objects[0].lemma_.lower()
    # what was said tells two statements apart: "announced that X would ..." / "announced that Y ..."
    said = next((child for child in children_of(predicate) if child.dep_ == "ccomp"), None)
    return f"that {said.lemma_.lower()} {_object_lemma(said)}" if said is not None else ""


def _better_quote(candidate: _Candidate, current: _Candidate) -> bool:
    # A complete sentence (with its full stop) reads better than a headline, and a title that
    # fits whole reads better than a cut one; among equals, the more concise.
    def rank(item: _Candidate) -> tuple[bool, bool, bool, int]:
        complete = item.sentence.text.rstrip().endswith((".", "!", "”", '"'))
        return item.tense != "future", complete, not item.title.endswith("…"), -len(item.sentence.text)

    return rank(candidate) > rank(current)


RESTATING_SENTENCES = 6  # how far after the headline the story opens with its news


def _date_headlines_by_the_lead(candidates: list[_Candidate], headlines: set[int]) -> None:
    """ "Esther Williams dies" over "... died yesterday in Beverly Hills": a headline's event
    without a date of its own takes the date of the opening sentence that tells it again (the
    same action by a shared actor), when that sentence dates it."""
    opening = max(headlines, default=0) + RESTATING_SENTENCES
    for item in candidates:
        told_in = {mention.sentence for mention in item.mentions}
        if item.date_source == "text" or min(told_in) not in headlines:
            continue
        actors = {name_key(actor) for actor in item.actors}
        # told again, undated, in the body too ("... has died"): only a retelling by all its actors
        # dates it, not one of a single actor's other deed of that kind ("was hired in 2004")
        by_all = not told_in <= headlines
        restating = next(
            (
                other
                for other in candidates
                if other is not item
                and other.lemma == item.lemma
                and other.date_source == "text"
                and other.modality != "negated"
                and min(mention.sentence for mention in other.mentions) <= opening
                and _shares_actors(actors, other, by_all)
            ),
            None,
        )
        if restating is not None:
            item.date, item.date_source = restating.date, "context"


def _shares_actors(actors: set[str], other: _Candidate, all_of_them: bool) -> bool:
    others = {name_key(actor) for actor in other.actors}
    return actors <= others if all_of_them else bool(actors & others)


def _order_sequences(candidates: list[_Candidate]) -> None:
    """An event told as happening before another ("the meeting followed X") is not dated after it."""
    for item in candidates:
        later = next(
            (
                other
                for other in candidates
                if other is not item and other.lemma == item.before and set(other.actors) & set(item.actors)
            ),
            None,
        )
        if later is not None and item.date.first_day() > later.date.first_day():
            item.date, item.date_source = later.date, "context"


FOLLOWING_PREPOSITIONS = frozenset({"after", "following"})


def _date_by_the_happening_followed(candidates: list[_Candidate]) -> None:
    """ "the blood was drawn well after Williams' arrest": a clause with no date of its own, told
    after a happening the story dated before ("Williams was arrested on Feb. 1"), took place then."""
    actions = [_actions_told(candidate) for candidate in candidates]
    for item in candidates:
        if item.date_source == "text" or is_reporting(item.predicate):
            continue  # a saying about what followed the arrest is made when it is made
        followed = _happenings_followed(item.predicate)
        if not followed:
            continue
        told_before = next(
            (
                other
                for other, told in zip(candidates, actions, strict=True)
                if followed & told
                and other.date_source == "text"
                and other.sentence.index < item.sentence.index
                and set(other.actors) & set(item.actors)
            ),
            None,
        )
        if told_before is not None:
            item.date, item.date_source = told_before.date, "context"


def _actions_told(candidate: _Candidate) -> set[str]:
    """The candidate's action, and those of the verbs coordinated with it ("was pulled over, but was
    arrested"), which share its actors and date."""
    verbs = (
        child for child in children_of(candidate.predicate) if child.dep_ == "conj" and child.pos_ == "VERB"
    )
    return {candidate.lemma, *(verb.lemma_.lower() for verb in verbs)}


def _happenings_followed(predicate: Token) -> set[str]:
    """The actions of the happenings the clause is told after ("after Williams' arrest": arrest)."""
    sentence = sentence_at(predicate.doc, predicate.i)
    text = _text(sentence).lower()
    if not any(word in text for word in FOLLOWING_PREPOSITIONS):
        return set()  # a quick look at the text before the walk of the tokens
    clause = _clause_tokens(predicate)
    return {
        _NOMINAL_VERBS[noun.lower_]
        for token in tokens_in(sentence)
        if token.i in clause and token.dep_ == "prep" and token.lower_ in FOLLOWING_PREPOSITIONS
        for noun in children_of(token)
        if noun.dep_ == "pobj" and noun.lower_ in _NOMINAL_VERBS
    }


def quote_of(sentence: Sentence) -> str:
    """The sentence as quoted: verbatim, with a hard-wrapped line break read as the space it is."""
    return " ".join(sentence.text.split())


def _to_event(article: Article, number: int, candidate: _Candidate) -> Event:
    mentions = sorted(set(candidate.mentions), key=lambda mention: mention.sentence)
    return Event(
        id=f"{article.slug}-{number}",
        article=article.slug,
        date=candidate.date,
        date_source=candidate.date_source,
        title=candidate.title,
        actors=tuple(candidate.actors),
        places=tuple(candidate.places),
        quote=quote_of(candidate.sentence),
        sentence=candidate.sentence.index,
        confidence=candidate.confidence,
        mentions=tuple(mention for mention in mentions if mention.sentence != candidate.sentence.index),
        inferred=tuple(actor for actor in candidate.actors if actor in candidate.inferred),
        modality=candidate.modality,
    )
