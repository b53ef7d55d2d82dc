"""Actors: find the names in a Doc, resolve each way of naming an actor to one canonical name.

Within an article: possessives and titles are stripped, a surname ("Lavrov") or given name
resolves to the one full name it belongs to ("Sergey Lavrov"), NER label mistakes are fixed by
that resolution, and names the model misses are recovered from apposition to a role noun
("his counterpart, Choe Son Hui"). Across articles, the registry (content/actors.yml) matches
names and aliases; a close spelling of a known person ("Sergei"/"Sergey" Lavrov) is merged when
exactly one actor fits and is listed for review otherwise.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span

from generator.extract.doc_views import (
    children_of,
    entities_of,
    lowers_of,
    made_once,
    made_once_for,
    sentence_at,
    sentence_starts,
    sentences_of,
    span_text,
    text_of,
    texts_of,
    token_starts,
    tokens_in,
    tokens_of,
)
from generator.extract.grammar import is_after_the
from generator.extract.lexicon import INDEX_NAMES, REPORTING_LEMMAS, hazard_descriptions
from generator.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
from generator.registry import (
    _APOSTROPHES,
    _POSSESSIVE,
    CORPORATE_WORDS,
    LEGAL_SUFFIXES,
    ActorRegistry,
    _bare,
    is_corporate_short_form,
    name_key,
)

_LABEL_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "country",
    "NORP": "country",
    "PRODUCT": "product",
}


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


TITLE_WORDS = frozenset(
    """president vice prime minister foreign defence defense interior finance secretary state
    leader supreme chancellor king queen astronaut cosmonaut pilot captain officer prince princess
    general gen lt col colonel admiral
    mr mrs ms dr prof professor sir dame lord lady senator sen rep representative congressman
    congresswoman governor gov mayor ceo chairman chairwoman chair chief executive officer founder
    co-founder spokesman spokeswoman spokesperson pope ambassador envoy deputy former acting
    premier commander director judge justice attorney sheikh emir president-elect""".split()
)


ROLE_NOUNS = frozenset(
    """counterpart minister president leader chancellor premier secretary envoy ambassador
    spokesman spokeswoman spokesperson ceo chairman chairwoman founder executive director head
    official diplomat general commander governor mayor senator king queen prince judge analyst""".split()
)


ORG_HEADS = frozenset(
    """ministry government embassy army military navy parliament police court agency council
    committee cabinet administration office navy forces""".split()
)


_DEMONYM_COUNTRIES = {
    "american": "United States",
    "russian": "Russia",
    "chinese": "China",
    "british": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "japanese": "Japan",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "ukrainian": "Ukraine",
    "iranian": "Iran",
    "israeli": "Israel",
    "indian": "India",
    "italian": "Italy",
    "spanish": "Spain",
    "canadian": "Canada",
    "european": "European Union",
}


@lru_cache(maxsize=16384)  # a pure function of the text, asked again for every copy of a name
def clean_name(text: str, organization: bool = False) -> str:
    """A display name from a mention: possessive, leading 'the', titles and demonyms removed.

    An organisation keeps its words: "General Motors", "Foreign Ministry" hold no title.
    """
    text = text.translate(_APOSTROPHES)
    if any(mark in text for mark in _NICKNAME_OPENINGS):
        text = _NICKNAME.sub(" ", text)
    words = _POSSESSIVE.sub("", text.strip()).split()
    while words and words[0].casefold() == "the":
        words = words[1:]
    if (
        organization
        and len(words) > 2
        and words[1].casefold() in ("of", "in")
        and words[0].casefold() in HOLDINGS
    ):
        words = words[2:]  # "Shares of Citigroup Inc.": the company
    while len(words) > 1 and not organization and _is_title_word(words[0], words[1:]):
        words = words[1:]
    while len(words) > 2 and not organization and words[-1].strip(",.") in POST_NOMINALS:
        words = words[:-1]  # "Anthony Russell QC": an honour or rank after the name
    while (
        len(words) > 1
        and organization
        and (words[-1] in POSITION_ABBREVIATIONS or words[-1].rstrip(".").casefold() in RANKS_BEFORE_NAMES)
    ):
        words = words[:-1]  # "Saints RB Reggie Bush", "Homicide Capt. James Clark": the team, the unit
    if len(words) > 1 and not organization and words[-1].casefold() in ROLE_ENDINGS:
        return ""  # "Brooklyn Councilman Jumaane Williams", tagged "Brooklyn Councilman": no one's name
    name = " ".join(words).strip(" ,;:")
    return name if name.count(".") > 1 or not name.endswith(".") else name[:-1]  # keeps "U.S.", "Co."


HOLDINGS = frozenset({"shares", "stock", "stocks", "units", "bonds"})
# Ranks and posts written between a body's name and a person's: "Philadelphia Homicide Capt. James Clark"
RANKS_BEFORE_NAMES = frozenset("capt lt sgt det insp supt cmdr cpl chief ceo spokesman spokeswoman".split())
POST_NOMINALS = frozenset("QC KC MP MEP MSP OBE MBE CBE KBE".split())

# A nickname inside a name: Vincent "The Chin" Gigante, Kimani 'Kiki' Gray, Luis (Jerry) Ortiz
_NICKNAME = re.compile(
    r"""(?<=\w)\s+(?:["“”']|\()"""  # after a word, an opening quote or bracket
    r"((?:[Tt]he\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})"  # "The Chin", "Kiki"
    r"""(?:["“”']|\))\s+(?=[A-Z])"""  # the closing one, and the rest of the name
)

_NICKNAME_OPENINGS = ('"', "“", "”", "'", "(")  # no nickname without one of these

# What news writes before a name as a title that is no part of it: "Forward Tyler Hansbrough",
# "Trooper William Hakim", "Insp Dave Gaskin", "Coroner Gary Hargrove"
POSITION_TITLES = frozenset(
    """forward guard center centre fullback halfback quarterback linebacker lineman receiver
    cornerback striker midfielder defender goalkeeper goalie pitcher catcher outfielder infielder
    shortstop coach trooper detective det sergeant sgt inspector insp constable superintendent supt
    commissioner sheriff coroner prosecutor""".split()
)

# What a person's name never ends in: the role written before a name ("Brooklyn Councilman X")
ROLE_ENDINGS = frozenset(
    """councilman councilwoman councillor spokesman spokeswoman spokesperson president minister
    secretary governor mayor senator chairman chairwoman ceo director coach sheriff coroner
    prosecutor officer inspector detective commissioner""".split()
)

# A player's position written after the team's name: "Saints RB Reggie Bush", "Colts QB Andrew Luck"
POSITION_ABBREVIATIONS = frozenset("RB QB WR TE LB CB DT DE FB OL DL".split())


def _is_title_word(word: str, rest: list[str]) -> bool:
    lowered = word.casefold().rstrip(".")
    if lowered in TITLE_WORDS or lowered in POSITION_TITLES or word in POSITION_ABBREVIATIONS:
        return True
    # "Russian President Vladimir Putin", "Russia's Foreign Minister": a demonym or possessive
    # only counts as a title when a title word follows it.
    is_modifier = lowered in _DEMONYM_COUNTRIES or word.endswith(("'s", "’s"))
    return is_modifier and bool(rest) and rest[0].casefold().rstrip(".") in TITLE_WORDS


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A name in the Doc, with the canonical actor it resolves to."""

    start: int  # token index
    end: int  # token index, exclusive
    surface: str
    name: str  # canonical
    kind: ActorKind
    label: str  # NER label; "APPOS" for a name recovered from apposition, "ORG_PHRASE" for "the X ministry"


def find_actor_mentions(doc: Doc, registry: ActorRegistry) -> list[ActorMention]:
    """Every actor mention in `doc`, each resolved to one canonical name via `registry`.

    Full company names are resolved first, so that a short form ("the Dow", "Dow" in a headline)
    meets the full name ("Dow Jones Industrial Average") wherever in the article it comes.
    """
    products = list(_product_mentions(doc))
    raw = [
        *products,
        *_nicknamed_mentions(doc),
        *_entity_mentions(doc),
        *_org_phrase_mentions(doc),
        *_appositive_mentions(doc),
        *_unlabelled_name_mentions(doc),
        *_index_name_mentions(doc),
        *_plural_name_mentions(doc),
        *_outlet_mentions(doc),
        *_web_name_mentions(doc),
    ]
    shouted = list(_all_caps_mentions(doc, raw))
    shouted_tokens = {index for span, _label, _kind in shouted for index in range(span.start, span.end)}
    raw = _drop_overlaps(
        [
            *shouted,  # before what the model made of the same all-caps words
            *(
                (item for item in raw if not shouted_tokens & set(range(item[0].start, item[0].end)))
                if shouted_tokens
                else raw
            ),
            *_repeated_name_mentions(doc, raw),
            *_nickname_alone_mentions(doc, raw),
            *_handle_mentions(doc, raw),
            *_surname_mentions(doc, raw),
            *_team_nickname_mentions(doc, raw),
            *_company_first_word_mentions(doc, raw),
            *_product_short_forms(doc, products),
        ]
    )
    credit_start, credit_end = dateline_credit(doc)
    raw = [item for item in raw if not credit_start <= item[0].start_char < credit_end]
    full_people, full_organizations = _full_person_names(raw), _organization_names(raw)
    known = _KnownNames(
        full_people,
        full_organizations,
        _full_product_names(products),
        _cased_names(raw),
        _nicknames(raw),
        _by_words(full_people, lambda words: {words[0], words[-1]}),
        _by_words(full_organizations, lambda words: {words[0]}),
    )
    named = [found for found in (_name_mention(doc, known, item) for item in raw) if found]
    said_with_the = {found.name for found in named if found.definite}
    # a name the article also gives a person ("his counterpart, Choe Son Hui") is that person's,
    # wherever the model took it for an organisation
    people = {found.name for found in named if found.label == "APPOS" and len(found.name.split()) >= 2}
    named = [replace(found, kind="person") if found.name in people else found for found in named]
    mentions: list[ActorMention] = []
    # full company names first; people in the order the article introduces them
    for found in sorted(named, key=lambda found: (not _is_full_organization(found), found.span.start)):
        canonical = registry.resolve(found.name, found.kind, definite=found.name in said_with_the)
        surface = span_text(found.span)
        if name_key(canonical) != name_key(surface) and not found.contextual:
            registry.add_alias(canonical, clean_name(surface))
        if found.name != canonical:
            registry.add_alias(canonical, found.name)
        kind = registry.actors[canonical].kind
        mentions.append(ActorMention(found.span.start, found.span.end, surface, canonical, kind, found.label))
    return sorted(mentions, key=lambda mention: mention.start)


# "NEW YORK, March 14 (Reuters) -", "WASHINGTON (AP) —": the place and the agency that filed the story
_DATELINE_CREDIT = re.compile(r"^[A-Z][^()\n]{0,60}\([A-Za-z][A-Za-z .&/-]{1,30}\)\s*[-–—]+\s")
# "DEARBORN, Mich. -", "LONDON, Feb 25 -", "CHICAGO —": the place in capitals, with no agency
_DATELINE_PLACE = re.compile(
    r"^[A-Z][A-Z'.]+(?:[ /-][A-Z][A-Z'.]+)*(?:,\s[A-Z][A-Za-z.]{1,10}(?:\s\d{1,2})?){0,2}\s+[-–—]{1,2}\s"
)


def dateline_credit(doc: Doc) -> tuple[int, int]:
    """The characters of a story's dateline credit ((0, 0) when it has none): the place it was
    filed from and the outlet that filed it are no actors of the story."""
    return made_once(doc, "dateline_credit_characters", _find_dateline_credit)  # asked once per event


def _find_dateline_credit(doc: Doc) -> tuple[int, int]:
    for sent in sentences_of(doc)[:DATELINE_SENTENCES]:
        full = text_of(doc)[sent.start_char : sent.end_char]  # sent.text, without joining its tokens
        text = full.lstrip()
        start = sent.start_char + len(full) - len(text)
        match = _DATELINE_CREDIT.match(text) or _DATELINE_PLACE.match(text)
        if match:
            return start, start + match.end()
    return 0, 0


DATELINE_SENTENCES = 5  # the headline, a byline and a date line may come before it


def _is_full_organization(found: _NamedSpan) -> bool:
    return found.kind == "organization" and len(found.name.split()) >= 2


@dataclass(frozen=True, slots=True)
class _NamedSpan:
    span: Span
    label: str
    kind: ActorKind
    name: str
    contextual: bool  # "the new iPhone" is the iPhone 4 here, not everywhere: no alias
    definite: bool  # "the Dow"


@dataclass(frozen=True, slots=True)
class _KnownNames:
    """The article's full names, which its short forms expand to."""

    people: list[str]
    organizations: list[str]
    products: list[str]
    cased: dict[str, str]  # "red sox" -> "Red Sox": how the article writes a name an all-caps line shouts
    nicknames: dict[str, str]  # "Chin" -> "Vincent Gigante", of Vincent "The Chin" Gigante
    # indexes, so that each mention looks up its few full names rather than scanning all of them
    people_by_word: dict[str, list[str]]  # "Jobs", "Steve" -> ["Steve Jobs"]
    organizations_by_first_word: dict[str, list[str]]  # "Kessler" -> ["Kessler Motors Co."]


def _by_words(names: list[str], words_of: Callable[[list[str]], set[str]]) -> dict[str, list[str]]:
    """`names` by each of the words `words_of` picks from a name's words, in their order."""
    index: dict[str, list[str]] = {}
    for name in names:
        for word in words_of(name.split()):
            index.setdefault(word, []).append(name)
    return index


def _name_mention(doc: Doc, known: _KnownNames, item: tuple[Span, str, ActorKind]) -> _NamedSpan | None:
    """The name a raw mention gives, before the registry resolves it."""
    span, label, kind = item
    contextual = False
    if label == "PRODUCT_NAME":
        name = _expand_product(product_name(span), known.products, _words_before(span))
        contextual = name != _expand_product(product_name(span), known.products)
    elif label == "ORG_PHRASE":
        name = _org_phrase_name(span)
    elif label == "HANDLE":
        name = handle_name(span_text(span))
    else:
        name = clean_name(span_text(span), organization=kind == "organization")
    if label == "NICKNAME":
        name = known.nicknames.get(name, name)  # "the Chin": the man the article nicknamed so
    if name.isupper() and len(name) > 1:
        name = known.cased.get(name.lower(), name)  # "COLTS TOP CHIEFS": the Colts, the Chiefs
    if name.startswith("Standard "):
        name = _STANDARD_AND_POORS.sub(r"S&P \1", name)  # "Standard & Poor's 500 Index" is the S&P 500
    if kind == "organization" and len(name.split()) >= 2 and _age_follows(doc, span):
        kind, label = "person", "PERSON"  # "Dennis Markle, 34, pleaded guilty": only a person has an age
    if label == "NORP" or (label == "GPE" and not _is_place_object(span)):
        # "Klitschko stopped Thompson", "Lohan has re-hired", "a right hand from Klitschko": a surname
        # the model took for a nationality or a place is the person the article named in full (a
        # nationality is never where something happens)
        full_name, _ = _expand_short_name(name, "person", known.people_by_word, span)
        if full_name != name:
            name, kind, label = full_name, "person", "PERSON"
    if label == "NORP":
        country = _DEMONYM_COUNTRIES.get(name_key(name))
        if not country:
            return None
        name = country
    company = _company_of_first_word(name, known)
    if company and (_is_where(span) or (label in ("GPE", "LOC") and _is_told_as_place(span))):
        return None  # "police in Holloway", "a flight from Singapore": the town the company is named after
    if company:
        name, kind = company, "organization"
    name, kind = _expand_short_name(name, kind, known.people_by_word, span)
    if kind == "organization":
        name = _named_before_brackets(doc, span, known.organizations) or expand_organization(
            name, known.organizations
        )
    if not _looks_like_name(name) and not (kind == "product" and name[:1].isdigit()):
        return None
    if name in TIME_ZONES:
        return None  # "Last updated at 18:45 BST": a clock's, not an actor
    if name_key(name) in NOT_ACTOR_NAMES:
        return None
    definite = (span.start > 0 and lowers_of(doc)[span.start - 1] == "the") or span[0].lower_ == "the"
    return _NamedSpan(span, label, kind, name, contextual, definite)


def _named_before_brackets(doc: Doc, span: Span, organizations: list[str]) -> str | None:
    """ "the Party of Industrialists and Entrepreneurs (PPIE)": an acronym in brackets right after an
    organisation's full name is that organisation."""
    letters = span_text(span).replace(".", "")
    if span.start < 2 or doc[span.start - 1].text != "(" or not (letters.isupper() and len(letters) >= 2):
        return None
    before = text_of(doc)[max(0, doc[span.start - 1].idx - 120) : doc[span.start - 1].idx].rstrip()
    named = [name for name in organizations if len(name.split()) >= 2 and before.endswith(name)]
    return max(named, key=len) if named else None


TIME_ZONES = frozenset("GMT BST UTC CET CEST EET EST EDT CST CDT MST MDT PST PDT ET PT AEST JST IST".split())
# What the tagger takes for an organisation but is an offence or an award show: "arrested for
# DUI", "will host the Oscars"
NOT_ACTOR_NAMES = frozenset(
    {"dui", "dwi", "owi", "oscars", "academy awards", "emmys", "grammys", "tonys", "golden globes", "baftas"}
)


def _age_follows(doc: Doc, span: Span) -> bool:
    """ "Dennis Markle, 34,": an age set off by commas right after the name."""
    end, texts = span.end, texts_of(doc)
    if end + 2 >= len(doc) or texts[end] != "," or texts[end + 2] not in (",", "."):
        return False
    age = texts[end + 1]
    return age.isdigit() and 1 <= int(age) <= 110


def _is_told_as_place(span: Span) -> bool:
    """ "from Singapore to Sydney", "the Prime Minister of Singapore": a place the model saw as one;
    not "shares in Verhoef"."""
    root = span.root
    if root.dep_ != "pobj" or root.head.head.lower_ in HOLDINGS:
        return False
    preposition = root.head
    return preposition.lower_ in PLACE_PREPOSITIONS or (
        preposition.lower_ == "of" and preposition.head.lower_ in TITLE_WORDS
    )


def _is_place_object(span: Span) -> bool:
    """ "in Jackson", "from Washington": a name after a place preposition is a place."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


def _cased_names(raw: list[tuple[Span, str, ActorKind]]) -> dict[str, str]:
    cased: dict[str, str] = {}
    for span, _label, kind in raw:
        name = clean_name(span_text(span), kind == "organization")
        if name and not name.isupper():
            words = name.split()
            for start in range(len(words)):  # "Boston Red Sox", "Red Sox", "Sox"
                cased.setdefault(" ".join(words[start:]).lower(), " ".join(words[start:]))
    return cased


def _is_all_caps(sent: Span) -> bool:
    """Whether a sentence is written in capitals (asked once per sentence)."""
    return made_once_for(sent.doc, "all_caps_sentences", sent.start, lambda: _reads_all_caps(sent))


def _reads_all_caps(sent: Span) -> bool:
    texts = texts_of(sent.doc)
    words = [texts[token.i] for token in tokens_in(sent) if token.is_alpha]
    return len(words) >= 3 and all(word.isupper() for word in words)


def _all_caps_mentions(
    doc: Doc, found: list[tuple[Span, str, ActorKind]]
) -> Iterator[tuple[Span, str, ActorKind]]:
    """An all-caps headline read against the names the article writes in mixed case ("COLTS TOP
    CHIEFS, REACH PLAYOFFS", "WLADIMIR KLITSCHKO RETAINS TITLE"): the model cannot read them."""
    shouted = [sent for sent in sentences_of(doc) if _is_all_caps(sent)]
    if not shouted:
        return
    names: dict[tuple[str, ...], tuple[str, ActorKind]] = {}
    for span, label, kind in found:
        text = span_text(span)
        if _is_all_caps(sentence_at(doc, span.start)) or not text[:1].isupper():
            continue
        words = clean_name(text, kind == "organization").lower().split()
        names.setdefault(tuple(words), (label, kind))
        if kind == "organization":
            for start in range(1, len(words) - 1):
                names.setdefault(tuple(words[start:]), (label, kind))  # "Red Sox" of "Boston Red Sox"
        if kind == "person" or (kind == "organization" and words[-1].endswith("s")):
            names.setdefault((words[-1],), (label, kind))  # a surname, a team's plural
    for sent in shouted:
        lowered = [token.lower_ for token in tokens_in(sent)]
        for name_words, (label, kind) in sorted(names.items(), key=lambda item: -len(item[0])):
            width = len(name_words)
            for start in range(len(lowered) - width + 1):
                if tuple(lowered[start : start + width]) == name_words:
                    yield doc[sent.start + start : sent.start + start + width], label, kind


def _organization_names(raw: list[tuple[Span, str, ActorKind]]) -> list[str]:
    return sorted(
        {
            clean_name(span_text(span), True)
            for span, _label, kind in raw
            if len(span) > 1 and (kind == "organization" or _bare(span[-1].text) in CLUB_WORDS)
        }
    )


_MODEL_NUMBER = re.compile(r"^[A-Z]{0,2}\d{3,4}(?:-\d{1,3}[A-Z]{0,2})?(?:s|'s|’s)?$")


_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def product_name(span: Span) -> str:
    """The canonical form of a product mention: plural and possessive endings removed."""
    text = re.sub(r"(?:'s|’s|')$", "", span_text(span))
    head, _, last = text.rpartition(" ")
    singular = last[:-1]
    is_plural = last.endswith("s") and (
        _MODEL_NUMBER.match(singular) or re.search(rf"\b{re.escape(singular)}\b(?!s)", text_of(span.doc))
    )
    return f"{head} {singular}".strip() if is_plural else text


_MODEL = r"[A-Z]{0,2}\d{3,4}(?:-\d{1,3}[A-Z]{0,2})?"


_I_PRODUCT_RE = re.compile(
    r"\bi[A-Z][a-z]+(?:\s+(?:\d[A-Za-z0-9]{0,3}|[Nn]ano|[Mm]ini|[Tt]ouch|[Ss]huffle|[Cc]lassic|Music|[Ss]tore|Pro|Air|Plus|Max)\b)*"
)


_MAKER_MODEL_RE = re.compile(
    rf"\b(?P<maker>[A-Z][a-z]+)\s+(?P<model>{_MODEL})(?:s|'s|’s)?(?P<name>\s+[A-Z][a-z]{{3,}})?\b"
)


_LETTER_MODEL_RE = re.compile(r"\b[A-Z]{1,2}\d{3}(?:-\d{1,3}[A-Z]{0,2})?(?:s|'s|’s)?\b")
# What every match of the two patterns above holds, found fast (no word boundary to test at each
# character): most articles name no "iPod" nor "A380"
_I_PRODUCT_START = re.compile(r"i[A-Z]")
_LETTER_MODEL_START = re.compile(r"[A-Z]\d{3}")


_CRAFT_KINDS = (
    r"(?:airliner|aircraft|jet|jetliner|plane|airplane|widebody|narrowbody|family|series|model|fleet|program)"
)
# "its 777 airliner", "the 787 aircraft": a model number that names a craft, not a count ("100
# jets"); so does one that a comparison tells from the maker's others ("Boeing's larger 777 planes")
_MODEL_KIND_RE = re.compile(
    r"\b(?:[Tt]he|its|their|our|new|first|latest|[A-Z][a-z]+['’]s)\s+"
    rf"(?:(?P<model>\d{{3}}(?:-\d{{1,3}}[A-Z]{{0,2}})?)\s+{_CRAFT_KINDS}\b"
    rf"|(?:larger|smaller|bigger|longer|newer|older)\s+(?P<compared>\d{{3}}(?:-\d{{1,3}}[A-Z]{{0,2}})?)\s+{_CRAFT_KINDS}s?\b)"
)


_NAMED_MODEL_RE = re.compile(r"\b\d{3}(?:-\d{1,3}[A-Z]{0,2})?\s+[A-Z][a-z]{3,}\b")
# What every match of the two patterns above holds, without their word boundaries
_NUMBER_THEN_CRAFT = re.compile(rf"\d{{3}}(?:-\d{{1,3}}[A-Z]{{0,2}})?\s+{_CRAFT_KINDS}")
_NUMBER_THEN_NAME = re.compile(r"\d{3}(?:-\d{1,3}[A-Z]{0,2})?\s+[A-Z][a-z]{3}")


def _product_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    """Named products the small model misses: "Boeing 787 Dreamliner", "A380", "iPhone 3G", "iPod nano"."""
    text = text_of(doc)
    # (each search over the whole text only where its first letters come at all)
    found: list[tuple[int, int]] = (
        [match.span() for match in _I_PRODUCT_RE.finditer(text)] if _I_PRODUCT_START.search(text) else []
    )
    models: set[str] = set()
    for match in _MAKER_MODEL_RE.finditer(text):
        if (
            _is_maker(doc, match.start("maker"), match.end())
            and not _YEAR.match(match.group("model"))
            and not _is_index_kind_after(doc, match.end("model"))
        ):
            name_ok = match.group("name") and _is_product_word(doc, match.start("name") + 1)
            found.append((match.start(), match.end() if name_ok else match.end("model")))
            models.add(match.group("model"))
    if _LETTER_MODEL_START.search(text):
        found += [match.span() for match in _LETTER_MODEL_RE.finditer(text)]
    named_models = _NAMED_MODEL_RE.finditer(text) if _NUMBER_THEN_NAME.search(text) else ()
    for match in named_models:  # "787 Dreamliner": and then "the 787" is that model
        number_end = match.start() + len(match.group().split()[0])
        if _is_product_word(doc, match.end() - 1) and not _is_index_kind_after(doc, number_end):
            found.append(match.span())
            models.add(match.group().split()[0])
    crafts = _MODEL_KIND_RE.finditer(text) if _NUMBER_THEN_CRAFT.search(text) else ()
    for match in crafts:  # "its 777 airliner": a model number naming a craft
        group = "model" if match.group("model") else "compared"
        found.append(match.span(group))
        models.add(match.group(group))
    for model in models:
        found += [m.span() for m in re.finditer(rf"\b{re.escape(model)}(?:s|'s|’s)?\b", text)]
    for start, end in found:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            yield span, "PRODUCT_NAME", "product"


def _is_index_kind_after(doc: Doc, char: int) -> bool:
    """ "the Nikkei 225 average", "the S&P 500 index": a number naming an index, not a model."""
    tokens = tokens_of(doc)
    first = bisect.bisect_left(token_starts(doc), char)
    after = next((token for token in tokens[first:] if not token.is_space), None)
    return after is not None and after.lower_ in INDEX_KIND_WORDS


def _is_maker(doc: Doc, char: int, end: int) -> bool:
    """A one-word name right before a model number: "Boeing 787", not "American Airlines 777"."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    token = span[0] if span is not None else None
    if token is None or token.pos_ != "PROPN" or token.ent_type_ in ("DATE", "TIME", "GPE", "PERSON"):
        return False
    entity = next((ent for ent in entities_of(doc) if ent.start <= token.i < ent.end), None)
    return entity is None or (entity.start == token.i and entity.end_char <= end)


def _is_product_word(doc: Doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    token = span[0] if span is not None else None
    return (
        token is not None
        and token.pos_ in ("PROPN", "NOUN")
        and token.ent_type_
        not in (
            "ORG",
            "GPE",
            "PERSON",
            "NORP",
            "DATE",
            "TIME",
        )
    )


def _full_product_names(products: list[tuple[Span, str, ActorKind]]) -> list[str]:
    """Product names, the most mentioned first (then the longest, then the first mentioned)."""
    names = [product_name(span) for span, _label, _kind in products]
    counts = Counter(names)
    return sorted(counts, key=lambda name: (-counts[name], -len(name.split()), names.index(name)))


def _expand_product(name: str, full_names: list[str], before: str = "") -> str:
    """ "787", "Dreamliner" or "the new iPhone" -> the article's main product name containing it.

    A bare product line ("iPhone", "iPod") is not one of its models ("iPhone 4", "iPod nano"),
    unless the words before it say which: "the new iPhone" in a story about the iPhone 4, "a 3G
    version of its iPhone".
    """
    words = [_model_core(word) for word in name.split()]
    for full in full_names:
        full_words = [_model_core(word) for word in full.split()]
        if full == name or len(full_words) < len(words) or not all(word in full_words for word in words):
            continue
        extra = [word for word in full.split() if _model_core(word) not in words]
        qualifiers = {word.lower() for word in extra if _is_model_qualifier(word)}
        said_which = any(re.search(rf"\b{re.escape(word)}\b", before) for word in qualifiers | NEW_WORDS)
        if full_words[: len(words)] == words and qualifiers and not said_which:
            continue
        return full
    return name


MODEL_QUALIFIERS = frozenset("nano mini touch shuffle classic pro air plus max lite".split())


def _is_model_qualifier(word: str) -> bool:
    """What tells a model from its product line: "4", "3GS", "nano", "Pro"."""
    return word[:1].isdigit() or word.lower() in MODEL_QUALIFIERS


NEW_WORDS = frozenset({"new", "newest", "latest"})


def _words_before(span: Span, count: int = 5) -> str:
    """The few words before a mention, in its sentence, in lower case."""
    start = max(sentence_bounds(span.doc, span.start)[0], span.start - count)
    return span_text(span.doc[start : span.start]).lower()


def _model_core(word: str) -> str:
    """ "A380" and "380" are one model ("Airbus 380" is the Airbus A380)."""
    return word.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if _MODEL_NUMBER.match(word) else word


def _product_short_forms(
    doc: Doc, products: list[tuple[Span, str, ActorKind]]
) -> Iterator[tuple[Span, str, ActorKind]]:
    """Other mentions of a product by its last name word: "the Dreamliner" after "Boeing 787 Dreamliner"."""
    names = {product_name(span).split()[-1] for span, _label, _kind in products if len(span) >= 2}
    names = {name for name in names if name[:1].isupper() and not _MODEL_NUMBER.match(name)}
    if not names:
        return
    for token in tokens_of(doc):
        if token.is_title and re.sub(r"(?:s|'s|’s)$", "", token.text) in names:
            yield Span(doc, token.i, token.i + 1), "PRODUCT_NAME", "product"


def _entity_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    for ent in (part for joined in _with_legal_suffixes(doc) for part in _joined_names(doc, joined)):
        if ent.label_ == "WORK_OF_ART" and (
            _is_misread_quotation(doc, ent) or _ends_in_organization_word(ent)
        ):
            yield from _names_in_misread_title(doc, ent)
            continue
        kind = _LABEL_KINDS.get(ent.label_)
        if ent.label_ in ("FAC", "LOC") and len(ent) >= 2 and _ends_in_organization_word(ent):
            kind = "organization"  # "Furness District Magistrates" taken for a building: a body
        if ent.label_ == "FAC" and len(ent) == 1 and _is_acronym_name(ent[0]) and not _is_place_object(ent):
            kind = "organization"  # "his WBO and IBF titles": a body's acronym, not a building
        if ent.label_ == "EVENT" and hazard_descriptions(span_text(ent)):
            kind = "other"  # "Hurricane Delia struck": a named storm acts in disaster news
        if not kind:
            continue
        if _is_common_word_opening(doc, ent):
            continue
        if kind == "person" and ent.start > 0 and doc[ent.start - 1].lower_ == "the" and len(ent) == 1:
            continue  # "the Moon": a person's name takes no article
        if kind == "organization" and _holds_a_role(ent):
            yield _trim_title_case_verb(doc, ent), "PERSON", "person"
            continue
        if kind == "person" and len(ent) >= 2 and _bare(ent[-1].text) in COMPANY_NAME_ENDINGS:
            yield ent, "ORG", "organization"  # "Kestrel Petroleum said": no person's name ends so
            continue
        if kind == "person":
            ent = _with_head_surname(doc, _without_lowercase_run_on(doc, ent))
        yield _trim_title_case_verb(doc, ent), ent.label_, kind


# The lower-case words a person's name may hold: "Olivia de Havilland", "Ludwig van Beethoven"
NAME_PARTICLES = frozenset("de da di del della der den du van von le la bin ibn al el ben dos das y".split())


def _without_lowercase_run_on(doc: Doc, ent: Span) -> Span:
    """ "putting Chris Ivory on Injured Reserve", tagged as one person: a name ends before a lower-case
    word that is no particle of it."""
    for token in ent[1:]:
        hyphenated = doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_  # "Ban Ki-moon"
        if token.is_lower and token.is_alpha and token.text not in NAME_PARTICLES and not hyphenated:
            return Span(doc, ent.start, token.i, label=ent.label) if token.i - ent.start >= 1 else ent
    return ent


# The last words of companies' names, which no person's name ends in
INDUSTRY_WORDS = frozenset(
    """petroleum oil energy mining minerals metals steel chemicals pharmaceuticals pharma foods
    software semiconductor electronics technologies systems industries airways airlines shipping
    logistics offshore insurance securities capital bancorp pictures studios entertainment media
    telecom communications""".split()
)
# Words that end the names of bodies, teams and companies, never of a person, work or place
ORGANIZATION_NAME_ENDINGS = frozenset("team magistrates sheriff constabulary department".split())
# Bodies news writes in lower case as often as capitalised ("Police said", "police said"):
# the word alone is still the body the coreference stage takes it for
BODY_WORDS = frozenset(
    "police parliament congress senate government army military navy court council cabinet".split()
)
ORGANIZATION_WORDS = CORPORATE_WORDS | INDUSTRY_WORDS | BODY_WORDS | ORG_HEADS | ORGANIZATION_NAME_ENDINGS
COMPANY_NAME_ENDINGS = INDUSTRY_WORDS | CORPORATE_WORDS


def _is_misread_quotation(doc: Doc, ent: Span) -> bool:
    """'Stirling called Orozco a "predator"', '"Surrey Police are at the scene"': a "title" the model
    made of a quotation mark, which holds one, or follows one that does not close right after it."""
    if any(token.is_quote and token.tag_ != "POS" for token in ent):
        return True  # (not the apostrophe of "The Beatles' Apple Corps")
    opens = ent.start > 0 and doc[ent.start - 1].is_quote
    after = next(
        (token for token in doc[ent.end : ent.end + 3] if not token.is_punct or token.is_quote), None
    )
    return opens and not (after is not None and after.is_quote)


def _names_in_misread_title(doc: Doc, ent: Span) -> Iterator[tuple[Span, str, ActorKind]]:
    """The names in such a "title": its runs of proper nouns, but for a place after "in" or "at"."""
    start = None
    for index in range(ent.start, ent.end + 1):
        inside = index < ent.end and doc[index].tag_ in ("NNP", "NNPS") and doc[index].text[:1].isupper()
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            run, start = doc[start:index], None
            if not _is_place_object(run):
                kind: ActorKind = "person" if _reads_as_person_name(run) else "organization"
                yield run, "PERSON" if kind == "person" else "ORG", kind


def _reads_as_person_name(run: Span) -> bool:
    """Up to three name words, none a company's, a body's or a plural's ("Surrey Police", "Tar Heels")."""
    words = [_bare(token.text) for token in run]
    return len(words) <= 3 and not set(words) & ORGANIZATION_WORDS and run[-1].tag_ != "NNPS"


def _ends_in_organization_word(ent: Span) -> bool:
    """ "ATI Technologies", "the Alpine Rescue Team", "Barrow Magistrates": a name a body's or a
    company's word ends, whatever the model took it for."""
    last = _bare(_without_possessive(ent[-1].text))
    return ent[-1].text[:1].isupper() and last in ORGANIZATION_WORDS


def _is_common_word_opening(doc: Doc, ent: Span) -> bool:
    """ "Budget vote" over "the budget": a one-word "name" the model tags only where it opens a
    sentence or headline, that the article writes in lower case elsewhere, is a common word."""
    if len(ent) != 1 or ent.start != sentence_bounds(doc, ent.start)[0]:
        return False
    word = span_text(ent)
    if not word.istitle() or word.lower() in BODY_WORDS or word.lower() not in _lowercase_words(doc):
        return False
    tokens = tokens_of(doc)
    return not any(
        sentence_bounds(doc, index)[0] != index
        for index in _token_positions(doc).get(word, ())
        if tokens[index].is_title
    )


def _with_head_surname(doc: Doc, ent: Span) -> Span:
    """ "Lindsay Lohan checks into rehab", with only "Lindsay" tagged: the proper noun the name
    hangs on, untagged, is the rest of the name."""
    end = ent.end
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and not doc[end].ent_type_
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
    ):
        end += 1
    return Span(doc, ent.start, end, label=ent.label) if end != ent.end else ent


def _joined_names(doc: Doc, ent: Span) -> list[Span]:
    """ "Boeing-Air Force contract discussions", "US-China talks", "before Philly and Cheeks hooked up":
    two names joined by a hyphen or "and" are two actors when the article names each of them on its
    own too (not "Rolls-Royce", "Procter and Gamble"); a dash set off by spaces ("Teixeira -- eight
    years") ends a name."""
    tokens, texts = tokens_of(doc), texts_of(doc)
    after_first = range(ent.start + 1, ent.end)
    dashes = [index for index in after_first if "-" in texts[index] and tokens[index].is_punct]
    spaced = next((index for index in dashes if _dash_ends_name(doc, index)), None)
    # "the Party of X (PPX": a bracket the name does not close
    bracket = next((index for index in after_first if texts[index] == "("), None)
    if bracket is not None and ")" in texts[bracket : ent.end]:
        bracket = None
    if spaced is not None:
        return [Span(doc, ent.start, spaced, label=ent.label)]
    if bracket is not None:
        inside = [Span(doc, bracket + 1, ent.end, label=ent.label)] if bracket + 1 < ent.end else []
        return [Span(doc, ent.start, bracket, label=ent.label), *inside]
    words = range(ent.start, ent.end)
    joiners = [index for index in words if texts[index] == "-" and not tokens[index].whitespace_]
    joiners = joiners or [index for index in words if lowers_of(doc)[index] == "and"]
    if len(joiners) != 1 or not ent.start < joiners[0] < ent.end - 1:
        return [ent]
    parts = [
        Span(doc, ent.start, joiners[0], label=ent.label),
        Span(doc, joiners[0] + 1, ent.end, label=ent.label),
    ]
    return parts if all(_named_on_its_own(doc, part, ent) for part in parts) else [ent]


def _dash_ends_name(doc: Doc, dash: int) -> bool:
    """ "Teixeira -- eight years", "John Mitchell - - Nixon's attorney general": a long dash set off by
    spaces, or a hyphen so before a word in lower case (not "Wal - Mart")."""
    if not doc[dash - 1].whitespace_:
        return False
    if doc[dash].text != "-" or (dash + 1 < len(doc) and "-" in doc[dash + 1].text):
        return True
    after = doc[dash + 1] if dash + 1 < len(doc) else None
    return after is None or not after.text[:1].isupper()


def _named_on_its_own(doc: Doc, part: Span, joined: Span) -> bool:
    alone = rf"(?<![-\w]){re.escape(span_text(part))}(?![-\w])"
    text = text_of(doc)
    return span_text(part)[:1].isupper() and any(
        not joined.start_char <= match.start() < joined.end_char for match in re.finditer(alone, text)
    )


def _with_legal_suffixes(doc: Doc) -> list[Span]:
    """NER's entities, with "Chrysler" + "LLC" (two entities to the model) made one name, and
    an index's number kept with its name ("FTSE 100", "S&P 500")."""
    merged: list[Span] = []
    for ent in entities_of(doc):
        is_suffix = ent.label_ == "ORG" and all(_bare(token.text) in LEGAL_SUFFIXES for token in ent)
        if is_suffix and merged and merged[-1].end == ent.start and merged[-1].label_ == "ORG":
            merged[-1] = Span(doc, merged[-1].start, ent.end, label="ORG")
        elif not is_suffix and ent.label_ == "ORG" and len(ent) == 1:
            merged.append(Span(doc, ent.start, _with_kind_word(doc, _with_number(doc, ent.end)), label="ORG"))
        elif not is_suffix and ent.label_ == "ORG":
            merged.append(Span(doc, ent.start, _with_kind_word(doc, ent.end), label="ORG"))
        elif not is_suffix:
            merged.append(ent)
    return merged


# Capitalised words that end the name of an index or an institution the model cut short
NAME_KIND_WORDS = frozenset({"Index", "Average", "Composite", "Exchange", "Union", "Commission", "Agency"})


def _with_kind_word(doc: Doc, end: int) -> int:
    """The end of a name, past the words that say what it is: "Nasdaq" + "Composite Index"."""
    stop = end
    while stop < len(doc) and stop - end < 3 and doc[stop].is_title and doc[stop].tag_ == "NNP":
        if doc[stop].ent_type_:
            return end
        stop += 1
    if stop == end or doc[stop - 1].text not in NAME_KIND_WORDS:
        return end
    heads = {token.head.i for token in doc[end - 1 : stop - 1]}
    return stop if heads <= set(range(end, stop)) else end


def _with_number(doc: Doc, end: int) -> int:
    """The end of a name, past a number that belongs to it: "FTSE 100", "S&P 500", "Nikkei 225"."""
    number = doc[end] if end < len(doc) else None
    if number is None or number.tag_ != "CD" or number.ent_type_ not in ("", "CARDINAL"):
        return end
    return end + 1 if number.dep_ == "nummod" and number.head.i == end - 1 else end


def _holds_a_role(ent: Span) -> bool:
    """ "Citigroup's chief executive, Vikram Pandit", "Spokeswoman Sandy Angers": a name the model
    took for a company is a person when it stands in apposition to a role or opens with a title
    only a person holds."""
    root = ent.root
    if len(ent) < 2 or not all(token.is_title for token in ent):
        return False
    if len(ent) > 2 and ent[0].lower_.rstrip(".") in PERSONAL_TITLES:
        return True
    return root.dep_ == "appos" and (root.head.lower_ in ROLE_NOUNS or root.head.lower_ in TITLE_WORDS)


# Titles no organisation's name opens with
PERSONAL_TITLES = frozenset(
    """spokesman spokeswoman spokesperson mr mrs ms dr senator sen congressman congresswoman
    governor mayor chair chairman chairwoman""".split()
)


def _trim_title_case_verb(doc: Doc, ent: Span) -> Span:
    # Headlines in Title Case fool NER ("Lavrov Meets"): drop trailing words that the article
    # also uses in lower case, i.e. common words rather than names.
    texts = texts_of(doc)
    end = ent.end
    while end - ent.start > 1 and texts[end - 1].lower() in _lowercase_verbs(doc):
        end -= 1
    start = ent.start
    if _is_title_case_at(doc, ent.start):
        end = _headline_name_end(doc, start, end)
        if end - start > 2 and texts[start].endswith("s") and _is_headline_verb(doc[start]):
            start += 1  # "President Nominates Regina Benjamin": the verb before the name
    while end - start > 1 and _SCORE.match(texts[end - 1]):
        end -= 1  # "Evansville 91-73": a score is not part of a team's name
    while end - start > 3 and _SCORE.match("".join(texts[end - 3 : end])):
        end -= 3  # the same score the tokenizer split: "Carlisle United 2 - 1"
    # "Astronaut Thomas Stafford", "Comedian Jane Roe": a leading common noun is a role, not part
    # of the name
    while end - start > 1 and ent.label_ == "PERSON" and _is_role_word(doc[start], end - start):
        start += 1
    return doc[start:end] if (start, end) != (ent.start, ent.end) else ent


def _headline_name_end(doc: Doc, start: int, end: int) -> int:
    """Where a name in a Title Case headline ends: at its verb ("Esther Williams Dies",
    "Teixeira Reportedly Bumped"), when what is left is a full name or one the article writes."""
    verb = next((i for i in range(start + 1, end) if _is_headline_verb(doc[i])), end)
    if verb < end and (verb - start >= 2 or _is_named_elsewhere(doc, doc[start:verb])):
        return verb
    if end - start >= 2 and doc[end - 1].dep_ == "ROOT" and _is_named_elsewhere(doc, doc[start : end - 1]):
        return end - 1  # "Creighton Returns to ...": the headline's root is its verb
    return end


_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")


def _is_headline_verb(token: Token) -> bool:
    """A headline word that is a verb, or the adverb before one: "Dies", "Returns", "Reportedly"."""
    word = token.lower_
    forms = (
        {word, word[:-1], word[:-2], word[:-3] + "y"} if word.endswith("s") else {word, word[:-2], word[:-1]}
    )
    is_adverb = word.endswith("ly") and len(word) > 6
    return bool(forms & _verb_lemmas(token.doc)) or is_adverb or token.tag_ in ("VBD", "VBZ")


def _is_named_elsewhere(doc: Doc, name: Span) -> bool:
    """Whether the article writes `name` outside the headline too ("Creighton" of "Creighton Returns")."""
    words = texts_of(doc)[name.start : name.end]
    width = len(words)
    tokens, headline_end = tokens_of(doc), sentence_bounds(doc, name.start)[1]
    return any(
        start >= headline_end and (start + width >= len(doc) or not tokens[start + width].is_title)
        for start in _starts_of(doc, words)
    )


def _token_positions(doc: Doc) -> dict[str, list[int]]:
    """Where each token text comes in the Doc, in order: rules that look for a name's words look
    them up here rather than comparing every token."""

    def positions(doc: Doc) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for index, text in enumerate(texts_of(doc)):
            found.setdefault(text, []).append(index)
        return found

    return made_once(doc, "token_positions", positions)


def _starts_of(doc: Doc, words: list[str]) -> Iterable[int]:
    """Where the token texts `words` come one after another in the Doc, in order (anywhere for none)."""
    texts = texts_of(doc)
    if not words:
        return range(len(texts) + 1)
    width = len(words)
    return [
        start for start in _token_positions(doc).get(words[0], ()) if texts[start : start + width] == words
    ]


def _tokens_written(doc: Doc, words: set[str]) -> Iterator[Token]:
    """The tokens whose text is one of `words`, in order: a pass over the texts, not the Tokens."""
    if not words:
        return
    tokens = tokens_of(doc)
    for index, text in enumerate(texts_of(doc)):
        if text in words:
            yield tokens[index]


def _verb_lemmas(doc: Doc) -> frozenset[str]:
    """The lemmas of the verbs the article writes in lower case (not a headline's Title Case)."""
    return made_once(
        doc,
        "lowercase_verb_lemmas",
        lambda doc: frozenset(
            token.lemma_.lower() for token in _lowercase_tokens(doc) if token.pos_ == "VERB"
        ),
    )


def _lowercase_tokens(doc: Doc) -> list[Token]:
    """The tokens written in lower case, for the sets of words below."""
    return made_once(
        doc, "lowercase_tokens", lambda doc: [token for token in tokens_of(doc) if token.is_lower]
    )


def _is_role_word(token: Token, words_left: int) -> bool:
    from generator.extract.actors.coreference import PERSON_NOUNS

    if token.tag_ in ("NN", "NNS"):
        return True
    return words_left > 2 and token.lower_ in PERSON_NOUNS and token.lower_ not in TITLE_WORDS


def _lowercase_verbs(doc: Doc) -> frozenset[str]:
    return made_once(
        doc,
        "lowercase_verbs",
        lambda doc: frozenset(
            token.text for token in _lowercase_tokens(doc) if token.pos_ in ("VERB", "AUX")
        ),
    )


def _org_phrase_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    # "The Russian foreign ministry": NER sees only "Russian"; the phrase is the actor.
    tokens = tokens_of(doc)
    for index, lower in enumerate(lowers_of(doc)):
        if lower not in ORG_HEADS or tokens[index].pos_ != "NOUN":
            continue
        token = tokens[index]
        modifiers = [child for child in token.lefts if child.dep_ in ("amod", "compound", "nmod")]
        if not modifiers or not (modifiers[0].ent_type_ in ("NORP", "GPE") or _is_local_body(modifiers[0])):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ in ("ORG", "PERSON"):
            continue  # "the Soviet news agency TASS": the name that follows is the actor
        start = modifiers[0].i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == start:
            start -= 1  # "San Diego police": the whole place
        yield doc[start : token.i + 1], "ORG_PHRASE", "organization"


# Bodies news names by their town or county in lower case: "Staunton police", "Kent council"
LOCAL_BODIES = frozenset({"police", "council", "court"})


def _is_local_body(modifier: Token) -> bool:
    """ "Staunton police", "Cumbria police": a place name the model missed (or took for a person's)
    right before a local body in lower case."""
    body = modifier.head
    return (
        body.lower_ in LOCAL_BODIES
        and body.is_lower
        and modifier.i == body.i - 1
        and modifier.pos_ == "PROPN"
        and modifier.is_title
        and modifier.ent_type_ in ("", "PERSON", "ORG")
    )


def _org_phrase_name(span: Span) -> str:
    return " ".join(token.text if token.ent_type_ else token.text.capitalize() for token in span)


def _appositive_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    # "his North Korean counterpart, Choe Son Hui": a run of proper nouns the model left
    # unlabelled, in apposition to (or compounded with) a role noun, names a person.
    tokens = tokens_of(doc)
    for index, lower in enumerate(lowers_of(doc)):
        if lower not in ROLE_NOUNS and lower not in TITLE_WORDS:
            continue
        token = tokens[index]
        for child in children_of(token):
            if (
                child.dep_ in ("appos", "compound")
                and child.tag_ == "NNP"
                and child.ent_type_ in ("", "NORP")
            ):
                span = _proper_noun_run(doc, child)
                if span is not None and len(span) >= 2:
                    yield span, "APPOS", "person"
        if token.dep_ == "compound" and token.head.tag_ == "NNP" and token.head.ent_type_ in ("", "NORP"):
            span = _proper_noun_run(doc, token.head)
            if span is not None and len(span) >= 2:
                yield span, "APPOS", "person"
        following = _name_after(doc, token.i + 1)
        if following is not None:
            yield following, "APPOS", "person"


PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "into", "across", "inside", "outside"})


NAME_HEAD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "poss"})


def _unlabelled_name_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    """Names the small model leaves unlabelled: "the Dow Jones Industrial Average fell",
    "the Nasdaq Composite Index", "the Standard & Poor's 500 index" (not in Title Case headlines)."""
    for sent in sentences_of(doc):
        if _is_title_case_at(doc, sent.start):
            continue
        for token in tokens_in(sent):
            if token.dep_ not in NAME_HEAD_DEPS or token.ent_type_:
                continue
            if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
                continue  # "from the Baikonur Cosmodrome": a place
            if _is_acronym_name(token):
                yield doc[token.i : _with_number(doc, token.i + 1)], "NAME", "organization"  # "USAF denied"
                continue
            if not _can_end_name(token):
                continue
            start = token.i
            while start > sent.start and _continues_name(doc[start - 1]):
                start -= 1
            span = doc[start : token.i + 1]
            proper = [t for t in span if t.tag_ in ("NNP", "NNPS")]
            if len(proper) >= 2 and span[0].tag_ in ("NNP", "NNPS") and span[0].is_title:
                yield span, "NAME", "organization"


# Lowercase words that tell one index of a family from another: the Dow Jones industrial (not
# transportation) average, the Nasdaq composite (not the Nasdaq 100)
INDEX_FAMILY_WORDS = frozenset({"industrial", "industrials", "transportation", "utility", "composite"})
INDEX_KIND_WORDS = frozenset({"index", "average"})
INDEX_NAME_DEPS = frozenset({"compound", "nummod", "nmod"})


def _index_name_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "the Dow Jones industrial average", "the Nikkei 225 average", "the Topix index": news writes an
    index's kind in lower case; a family word is part of its name ("the Nasdaq composite index" is the
    Nasdaq Composite), the kind word is not, but for the industrial average, whose name it ends."""
    tokens = tokens_of(doc)
    for index, lower in enumerate(lowers_of(doc)):
        if lower not in INDEX_KIND_WORDS:  # "Index" and "Average" too
            continue
        token = tokens[index]
        if token.text in CAPITALISED_INDEX_KINDS and token.i > 0:
            start = _capitalised_index_start(doc, token.i)
            if start < token.i and doc[start].is_title:
                yield doc[start : token.i + 1], "NAME", "organization"  # "the Nasdaq Composite Index"
            continue
        if token.lower_ not in INDEX_KIND_WORDS or token.is_title or token.tag_ != "NN":
            continue
        start = token.i
        while start > 0 and doc[start - 1].lower_ in INDEX_FAMILY_WORDS and doc[start - 1].head.i == token.i:
            start -= 1
        family = start < token.i
        name_start = start
        while name_start > 0 and _is_index_name_word(doc[name_start - 1]):
            name_start -= 1
        if name_start == start or doc[name_start].tag_ != "NNP":
            continue
        keeps_kind = family and token.lower_ == "average"  # the Dow Jones Industrial Average's own word
        yield doc[name_start : token.i + 1 if keeps_kind else token.i], "NAME", "organization"


_STANDARD_AND_POORS = re.compile(r"^Standard (?:&|and) Poor(?:'s|’s|s)? (\d+)(?: [Ii]ndex)?$")
CAPITALISED_INDEX_KINDS = frozenset({"Index", "Average"})
_NAME_JOINERS = frozenset({"&", "'s", "’s"})


def _capitalised_index_start(doc: Doc, kind: int) -> int:
    """Where "Standard & Poor's 500 Index" or "Nasdaq Composite Index" begins: the capitalised words
    and numbers before the kind word, with the "&" and "'s" inside the name."""
    start = kind
    while start > 0:
        before = doc[start - 1]
        name_word = (before.is_title and before.tag_ in ("NNP", "NNPS")) or before.tag_ == "CD"
        joined = before.text in _NAME_JOINERS and start >= 2 and doc[start - 2].is_title
        if not (name_word or joined) or before.ent_type_ in ("DATE", "TIME", "GPE"):
            break
        start -= 1
    return start


def _is_index_name_word(token: Token) -> bool:
    # the model takes an index's name for a person's now and then ("the Kospi composite index")
    if token.dep_ not in INDEX_NAME_DEPS or token.ent_type_ not in ("", "ORG", "PERSON", "CARDINAL"):
        return False
    return (token.tag_ == "NNP" and token.is_title) or token.text.isupper() or token.tag_ == "CD"


# labels of names a capitalised plural may carry: the small model takes "the Jaguars" for a person,
# "the Jacksonville Jaguars" for a building
_PLURAL_NAME_LABELS = frozenset({"", "PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"})


def _plural_name_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "the Colts", "the visiting Jaguars", "the Jacksonville Jaguars": "the" before a capitalised
    plural names a team, a band or a party, which the model leaves unlabelled or takes for a person."""
    tokens = tokens_of(doc)
    for index, text in enumerate(texts_of(doc)):
        if not text.endswith("s") or not _is_plural_name(tokens[index]):  # every plural name ends so
            continue
        token = tokens[index]
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].tag_ == "NNP":
            start -= 1  # the team's city: "the San Diego Chargers"
        if is_after_the(doc, start):
            yield doc[start : token.i + 1], "NAME", "organization"


# a team named by a number: "the Philadelphia 76ers", "the 49ers" (no year, no "1990s")
_NUMBERED_TEAM = re.compile(r"\d+[a-z]{2,}s")


def _is_plural_name(token: Token) -> bool:
    word = token.text
    if word[:1].isdigit() and _NUMBERED_TEAM.fullmatch(word):
        return token.tag_ in ("NNPS", "NNS", "NNP") and token.dep_ != "compound"
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and token.is_title
        and token.tag_ in ("NNPS", "NNS", "NNP")
        and token.ent_type_ in _PLURAL_NAME_LABELS
        and token.dep_ != "compound"
        and word.lower() not in _lowercase_words(token.doc)
    )


def _lowercase_words(doc: Doc) -> frozenset[str]:
    return made_once(
        doc, "lowercase_words", lambda doc: frozenset(token.text for token in _lowercase_tokens(doc))
    )


def _is_title_case(sent: Span) -> bool:
    """A Title Case headline: most words capitalised and no content word in lower case (a short
    sentence with a long name, "The Nasdaq Composite Index dropped 2 percent", is not one)."""
    words = [token for token in tokens_in(sent) if token.is_alpha]
    texts = texts_of(sent.doc)
    if not words or sum(texts[token.i][0].isupper() for token in words) / len(words) <= 0.6:
        return False
    return not any(token.is_lower and token.pos_ in ("VERB", "NOUN", "ADJ") for token in words)


def _is_title_case_at(doc: Doc, index: int) -> bool:
    """Whether the sentence holding token `index` is a Title Case headline (once per sentence)."""
    cached: dict[int, bool] = doc.user_data.setdefault("timeline_title_case", {})
    start, end = sentence_bounds(doc, index)
    if start not in cached:
        cached[start] = _is_title_case(doc[start:end])
    return cached[start]


def sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    """The token range of the sentence holding token `index` (Token.sent walks the Doc each time)."""
    starts = sentence_starts(doc)
    position = bisect.bisect_right(starts, index) - 1
    return starts[position], starts[position + 1] if position + 1 < len(starts) else len(doc)


NAME_DEPS = frozenset({"compound", "nummod", "poss", "cc", "conj", "case"})


def _is_acronym_name(token: Token) -> bool:
    text = token.text.replace(".", "")
    return (
        token.tag_ == "NNP"
        and 3 <= len(text) <= 6
        and text.replace("&", "").isalpha()
        and text.isupper()
        and text.lower() not in TITLE_WORDS
        and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].tag_ != "NNP")
    )


def _can_end_name(token: Token) -> bool:
    if token.tag_ in ("NNP", "NNPS") and _bare(token.text) in LEGAL_SUFFIXES:
        return True  # "Verhoef NV", "Halden AG": a company's legal form ends its name
    return (token.tag_ in ("NNP", "NNPS") and token.is_title) or token.lower_ in ("index", "average")


def _continues_name(token: Token) -> bool:
    if token.ent_type_ not in ("", "CARDINAL") or token.dep_ not in NAME_DEPS:
        return False
    return token.is_title or token.tag_ in ("CD", "POS", "CC") or token.text == "&"


def _name_after(doc: Doc, start: int) -> Span | None:
    """ "cosmonaut Alexei Leonov", "counterpart, Choe Son Hui": a role word, then a name."""
    if start < len(doc) and doc[start].text == ",":
        start += 1
    end = start
    while end < len(doc) and end - start < 4 and doc[end].is_title and doc[end].tag_ == "NNP":
        if doc[end].ent_type_ not in ("", "NORP"):
            return None  # NER already has it (or it is something else)
        end += 1
    return doc[start:end] if end - start >= 2 else None


_HANDLE = re.compile(r"^@(?:[A-Z][a-z]+)+$")  # "@TheAcademy", "@NorlandSteel"


def handle_name(handle: str) -> str:
    """The name a social media handle spells: "@TheAcademy" -> "Academy"."""
    words = re.findall(r"[A-Z][a-z]+", handle)
    return " ".join(words[1:] if len(words) > 1 and words[0] == "The" else words)


def _handle_mentions(
    doc: Doc, found: list[tuple[Span, str, ActorKind]]
) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "I'd like to thank @TheAcademy": a handle that spells a name the article gives is that actor."""
    tokens = tokens_of(doc)
    handles = [tokens[i] for i, text in enumerate(texts_of(doc)) if text[:1] == "@" and _HANDLE.match(text)]
    kinds = {name_key(clean_name(span_text(span))): kind for span, _label, kind in found} if handles else {}
    for token in handles:
        if kind := kinds.get(name_key(handle_name(token.text))):
            yield Span(doc, token.i, token.i + 1), "HANDLE", kind


def _repeated_name_mentions(
    doc: Doc, found: list[tuple[Span, str, ActorKind]]
) -> Iterator[tuple[Span, str, ActorKind]]:
    """Other occurrences of a multi-word name or an acronym found once (NER often misses a name it
    tagged elsewhere, or tags it as something else: "The Beatles' Apple Corps" as a work of art, "HP
    of Palo Alto said" untagged)."""
    names = {
        span_text(span): (label, kind)
        for span, label, kind in found
        if _is_organization_acronym(span, kind)
        or (
            len(span) >= 2
            and (
                kind == "person"
                or (kind == "organization" and all(token.is_title for token in tokens_in(span)))
            )
        )
    }
    tokens, article = tokens_of(doc), text_of(doc)
    for text, (label, kind) in names.items():
        first, width = text.split()[0], len(text.split())
        for start in _token_positions(doc).get(first, ()):
            if start + width > len(tokens):
                break
            last = tokens[start + width - 1]  # the text of doc[start : start + width], without a Span
            if article[tokens[start].idx : last.idx + len(last.text)] == text:
                yield Span(doc, start, start + width), label, kind


def _is_organization_acronym(span: Span, kind: ActorKind) -> bool:
    """ "HP", "IBM", "CHP": an organisation's name in two to six capitals."""
    letters = span_text(span).replace(".", "").replace("&", "")
    return kind == "organization" and len(span) == 1 and 2 <= len(letters) <= 6 and letters.isupper()


def _nicknamed_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "Vincent "The Chin" Gigante", "Kimani 'Kiki' Gray", "Luis Gerardo (Jerry) Ortiz": a name with a
    nickname in quotes or brackets, which the model cuts short or takes for a title."""
    for match in _NICKNAME.finditer(text_of(doc)):
        opening = doc.char_span(match.start(1) - 1, match.start(1), alignment_mode="expand")
        closing = doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
        if opening is None or closing is None:
            continue
        start, end = opening.start, closing.end
        while start > 0 and start - opening.start > -2 and _is_name_word(doc[start - 1]):
            start -= 1  # the given names
        if start == opening.start or end >= len(doc) or not _is_name_word(doc[end]):
            continue
        if doc[start].ent_type_ in ("ORG", "GPE", "NORP", "DATE") or doc[end].ent_type_ in ("ORG", "GPE"):
            continue
        yield doc[start : end + 1], "PERSON", "person"


def _is_name_word(token: Token) -> bool:
    return token.is_title and token.tag_ in ("NNP", "NNPS") and token.lower_ not in TITLE_WORDS


def _nicknames(raw: list[tuple[Span, str, ActorKind]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for span, _label, kind in raw:
        match = _NICKNAME.search(span_text(span)) if kind == "person" else None
        if match:
            found.setdefault(clean_name(match.group(1)), clean_name(span_text(span)))
    return found


def _nickname_alone_mentions(
    doc: Doc, found: list[tuple[Span, str, ActorKind]]
) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "the Chin" once the article has written Vincent "The Chin" Gigante."""
    nicknamed = [
        span for span, _label, kind in found if kind == "person" and _NICKNAME.search(span_text(span))
    ]
    nicknames = {
        clean_name(match.group(1)) for span in nicknamed if (match := _NICKNAME.search(span_text(span)))
    }
    for nickname in nicknames:
        words = nickname.split()
        for start in _starts_of(doc, words):
            if not any(span.start <= start < span.end for span in nicknamed):
                yield doc[start : start + len(words)], "NICKNAME", "person"


def _surname_mentions(
    doc: Doc, found: list[tuple[Span, str, ActorKind]]
) -> Iterator[tuple[Span, str, ActorKind]]:
    """A surname alone that the model left untagged ("Jobs then moved on"), once the full name is known."""
    surnames = {span[-1].text for span, _label, kind in found if kind == "person" and len(span) >= 2}
    for token in _tokens_written(doc, surnames):
        if not token.ent_type_ and _reads_as_name(token):
            yield Span(doc, token.i, token.i + 1), "PERSON", "person"


def _team_nickname_mentions(
    doc: Doc, found: list[tuple[Span, str, ActorKind]]
) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "Chargers lineman Jamal Williams", "as Colts beat Chiefs": once the article names a team by
    its plural ("the San Diego Chargers", "the Colts"), that plural alone is the team anywhere."""
    nicknames = {
        span[-1].text
        for span, _label, kind in found
        if kind == "organization"
        and _is_plural_name(span[-1])
        and (len(span) >= 2 or is_after_the(doc, span.start))
    }
    for token in _tokens_written(doc, nicknames):
        if token.ent_type_ in _PLURAL_NAME_LABELS or _NUMBERED_TEAM.fullmatch(token.text):
            yield Span(doc, token.i, token.i + 1), "NAME", "organization"


def _company_first_word_mentions(
    doc: Doc, found: list[tuple[Span, str, ActorKind]]
) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "Calder said", "Marlow recalls": a company's first word alone, which the model leaves
    untagged once the article has named the company in full ("Calder Semiconductor Inc")."""
    first_words = {
        span[0].text
        for span, _label, kind in found
        if kind == "organization" and _is_company_or_business(_without_possessive(span_text(span)))
    }
    for token in _tokens_written(doc, first_words):
        if not token.ent_type_ and token.is_title and _reads_as_name(token):
            span = Span(doc, token.i, token.i + 1)
            if not _is_where(span):
                yield span, "ORG", "organization"


def _without_possessive(name: str) -> str:
    """ "Halvard Motors Corp's engine plant", "Halvard Motors' plant": the name itself."""
    for ending in ("'s", "’s", "'", "’"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


# Trades a group's unit is named by ("Siemens Energy", "Sony Pictures"): its first word is the group's
UNIT_TRADES = frozenset(
    """energy pharmaceuticals entertainment pictures studios media logistics technologies capital
    systems""".split()
)
BUSINESS_TRADES = INDUSTRY_WORDS - UNIT_TRADES


def _ends_in_industry_word(name: str) -> bool:
    """ "Kestrel Petroleum", "Delmont Offshore": a business named by its trade, whose first word
    alone is the business ("Delmont said"); not a unit named after its group ("Siemens Energy")."""
    words = name.split()
    trade = _bare(words[-1]) if words else ""
    return len(words) >= 2 and words[0][:1].isupper() and trade in BUSINESS_TRADES


def _is_company_or_business(name: str) -> bool:
    return _is_company(name) or _ends_in_industry_word(name) or _is_index_called_by_first_word(name)


def _is_index_called_by_first_word(name: str) -> bool:
    """ "the Dow Jones industrial average", "the Nasdaq Composite Index": "the Dow", "the Nasdaq"."""
    words = name.split()
    return len(words) >= 2 and words[0].lower() in INDEX_NAMES


def _is_company(name: str) -> bool:
    """A company's, a club's or an index's full name: "Pemberton Automotive Group", "Lumio Inc.",
    "Carlisle United", "Nikkei 225"."""
    words = name.split()
    last = _bare(words[-1]) if words else ""
    return len(words) >= 2 and words[0][:1].isupper() and (last in COMPANY_OR_CLUB_ENDINGS or last.isdigit())


# The last words of football clubs' names, whose town alone stands for them ("Carlisle equalised");
# not "City", which ends the names of places too ("Mexico City")
CLUB_WORDS = frozenset("united town rovers athletic wanderers albion rangers fc afc".split())
COMPANY_OR_CLUB_ENDINGS = CORPORATE_WORDS | CLUB_WORDS


def _is_where(span: Span) -> bool:
    """ "police in Holloway", "at Marlow": where something is; not "shares in Verhoef", nor "an
    approach from Caldwell"."""
    root = span.root
    preposition = root.head
    return (
        root.dep_ == "pobj"
        and preposition.lower_ in ("in", "at", "near")
        and preposition.head.lower_ not in HOLDINGS
    )


def _company_of_first_word(name: str, known: _KnownNames) -> str | None:
    """The one company the article named in full whose first word `name` is ("Kessler" for "Kessler
    Motors Co."), whatever the model took it for; not a person's surname."""
    if len(name.split()) != 1 or not name.istitle():
        return None
    if any(full.split()[-1] == name for full in known.people_by_word.get(name, ())):
        return None
    companies = [
        full for full in known.organizations_by_first_word.get(name, ()) if _is_company_or_business(full)
    ]
    if not companies:
        return None
    longest = max(companies, key=len)
    # "Kessler Motors" in the headline and "Kessler Motors Co." in the lead are one company
    return longest if all(longest.startswith(short) for short in companies) else None


def _reads_as_name(token: Token) -> bool:
    """A proper noun; or, opening a sentence, a surname the model took for a plural ("Jobs said") or
    a company's name it took for a noun on its stock ("Halvard shares fell")."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ != "NOUN" or not token.is_title or token.i != sentence_bounds(token.doc, token.i)[0]:
        return False
    modified = any(child.dep_ in ("det", "amod", "compound", "nummod") for child in children_of(token))
    if token.dep_ == "compound" and token.head.lower_ in HOLDINGS:
        return not modified  # "Halvard shares fell 2.3 percent", the name read as a noun
    plural_verb = token.head.tag_ == "VBP" or token.head.lower_ in ("were", "are")
    return token.dep_ in ("nsubj", "nsubjpass") and not modified and not plural_verb


def _proper_noun_run(doc: Doc, head: Token) -> Span | None:
    start = head.i
    while (
        start > 0
        and doc[start - 1].tag_ == "NNP"
        and doc[start - 1].is_title
        and doc[start - 1].ent_type_ in ("", "NORP")
    ):
        start -= 1
    if not all(token.is_title for token in doc[start : head.i + 1]):
        return None
    return doc[start : head.i + 1]


def _drop_overlaps(raw: list[tuple[Span, str, ActorKind]]) -> list[tuple[Span, str, ActorKind]]:
    kept: list[tuple[Span, str, ActorKind]] = []
    taken: set[int] = set()
    for item in sorted(raw, key=lambda item: (item[1] != "PRODUCT_NAME", -len(item[0]), item[0].start)):
        indexes = set(range(item[0].start, item[0].end))
        if indexes & taken:
            continue
        taken |= indexes
        kept.append(item)
    return sorted(kept, key=lambda item: item[0].start)


def _full_person_names(raw: list[tuple[Span, str, ActorKind]]) -> list[str]:
    names = {clean_name(span_text(span)) for span, _label, kind in raw if kind == "person"}
    return sorted(name for name in names if len(name.split()) >= 2)


def _expand_short_name(
    name: str, kind: ActorKind, people_by_word: dict[str, list[str]], span: Span
) -> tuple[str, ActorKind]:
    """A one-word name that is the surname or given name of exactly one full name in the article."""
    if len(name.split()) != 1 or kind not in ("person", "organization") or name.isupper():
        return name, kind
    matches = people_by_word.get(name, [])
    shortest = min(matches, key=len, default="")
    if matches and all(full.split()[: len(shortest.split())] == shortest.split() for full in matches):
        return shortest, "person"  # "Steve Jobs", and a run-on of it the model tagged ("Steve Jobs Apple")
    return name, kind


_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du"})


def expand_organization(name: str, full_names: Iterable[str]) -> str:
    """ "Air Force" or "USAF" -> "United States Air Force": the one longer name it abbreviates."""
    words = name.split()
    matches = set()
    for full in full_names:
        full_words = full.split()
        if len(full_words) <= len(words):
            continue
        # "the Colts" for the "Indianapolis Colts": a team's plural is its full name's last word
        is_team = len(words) == 1 and words[0].endswith("s") and full_words[-1] == words[0]
        is_tail = (len(words) >= 2 or is_team) and full_words[-len(words) :] == words
        if (
            is_tail
            or (len(words) == 1 and (_is_acronym(words[0], full_words) or _is_clipping(words[0], full_words)))
            or is_corporate_short_form(name, full)
        ):
            matches.add(full)
    # "U.S. Air Force" and "US Air Force" in one article are one name spelt two ways
    if len({name_key(full) for full in matches}) == 1:
        return min(matches)
    return name


def _is_acronym(word: str, full_words: list[str]) -> bool:
    letters = word.replace(".", "")
    if len(letters) < 2 or not letters.isupper():
        return False
    initials = _initials(full_words)
    if initials.startswith(letters) and len(letters) >= 3 and len(initials) - len(letters) <= 1:
        return True
    if len(letters) >= 3 and "".join(w[0] for w in full_words if w[:1].isalpha()).upper() == letters:
        return True  # "BOJ" for "Bank of Japan": its "of" counted
    country = full_words[0].replace(".", "")
    # "FDA" for "U.S. Food and Drug Administration": the country is left out
    if (
        len(full_words) > 2
        and country.isupper()
        and len(country) <= 3
        and _initials(full_words[1:]) == letters
    ):
        return True
    # "GM" for "General Motors Corp.": two letters only when they are the whole name's initials
    core = list(full_words)
    while len(core) > 1 and _bare(core[-1]) in LEGAL_SUFFIXES:
        core.pop()
    return _initials(core) == letters


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _ACRONYM_SKIP and w[:1].isalpha()).upper()


def _is_clipping(word: str, full_words: list[str]) -> bool:
    """ "Fed" for "Federal Reserve": the clipped first word of a longer name."""
    first = full_words[0]
    return 3 <= len(word) < len(first) and word.istitle() and first.startswith(word) and len(full_words) >= 2


@lru_cache(maxsize=16384)
def _looks_like_name(name: str) -> bool:
    return bool(name) and any(char.isalpha() for char in name) and name_key(name) not in TITLE_WORDS


def find_references(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Pronouns and definite descriptions ("he", "the company", "the actress") for the actors they
    refer to (`generator.extract.actors.coreference`)."""
    from generator.extract.actors.coreference import find_references as resolve

    return resolve(doc, mentions)


# What news calls an outlet after its name: "People magazine", "the Herald newspaper"
OUTLET_KINDS = frozenset("magazine newspaper paper daily weekly website site network channel station".split())
# Where a story's source stands: "according to X", "in a statement to X", "an interview with X"
SOURCE_HEADS = frozenset({"according", "statement", "interview", "talking", "speaking"})
TALKING_LEMMAS = REPORTING_LEMMAS | {"talk", "speak"}


def _outlet_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "her rep told People", "confirmed to People magazine", "in a statement to Access", "first
    reported by Variety": the outlet a story was told to or reported by, which the model leaves
    unlabelled when its name is a common word; it takes part in the telling. So is the name after
    the word for an outlet: "trade publication Variety", "the celebrity website Gossip"."""
    tokens, lowers = tokens_of(doc), lowers_of(doc)
    for token in tokens:
        if _is_told_or_reported_by(token) or _follows_outlet_kind(tokens, lowers, token.i):
            span = _outlet_name(doc, token)
            if span is not None:
                yield span, "ORG", "organization"


def _follows_outlet_kind(tokens: list[Token], lowers: list[str], index: int) -> bool:
    """ "trade publication Variety": the last name word after the word for an outlet."""
    if index == 0 or lowers[index - 1] not in OUTLET_KIND_WORDS:
        return False
    return index + 1 == len(tokens) or not _is_outlet_name_word(tokens[index + 1])


OUTLET_KIND_WORDS = OUTLET_KINDS | {"publication"}
TITLE_OR_ROLE_WORDS = TITLE_WORDS | ROLE_NOUNS


def _is_told_or_reported_by(token: Token) -> bool:
    dep = token.dep_  # read before the head: Token.head makes a new Token
    if dep == "dobj":
        return token.head.lemma_ == "tell"
    if dep != "pobj":
        return False
    head = token.head
    if head.lower_ not in ("to", "by", "with"):
        return False
    teller = head.head
    if head.lower_ == "by":
        return teller.lemma_ in REPORTING_LEMMAS
    return teller.lemma_ in TALKING_LEMMAS or teller.lower_ in SOURCE_HEADS


def _is_outlet_name_word(token: Token) -> bool:
    """ "People", "Access", "ONE News": a capitalised word, a numeral among them in capitals."""
    if token.text.isupper() and token.is_alpha:
        return True
    return token.text[:1].isupper() and token.tag_ in ("NNP", "NNPS", "NNS", "NN")


def _outlet_name(doc: Doc, token: Token) -> Span | None:
    """The outlet's name at `token` ("People", or "People" of "People magazine"), when written as a name
    the model left unlabelled, in running text."""
    end = token.i + 1
    if token.lower_ in OUTLET_KINDS:
        end = token.i  # the kind word is no part of the name
    start = end
    while start > 0 and _is_outlet_name_word(doc[start - 1]):
        start -= 1
    if start == end or any(word.ent_type_ or word.lower_ in TITLE_OR_ROLE_WORDS for word in doc[start:end]):
        return None  # "talks to Assistant Secretary of the Air Force ...": a title, no outlet
    if start == sentence_bounds(doc, start)[0] or _is_title_case_at(doc, start):
        return None  # a capital that opens a sentence or is a headline's says nothing
    if start > 0 and doc[start - 1].lower_ in ("a", "an"):
        return None  # "told a Reporter": no name
    return doc[start:end]


# "TMZ.com", "FoxSports.com", "Salon.com": a capitalised name with a web domain names a company
_WEB_NAME = re.compile(r"^[A-Z][\w-]*\.(?:com|net|org|co\.uk)$")


def _web_name_mentions(doc: Doc) -> Iterator[tuple[Span, str, ActorKind]]:
    """ "reports FoxSports.com", "according to TMZ.com": a site written as a name (not "hp.com", an
    address), which the model leaves unlabelled."""
    tokens = tokens_of(doc)
    for index, text in enumerate(texts_of(doc)):
        if "." in text and _WEB_NAME.match(text) and tokens[index].ent_type_ in ("", "PERSON", "GPE"):
            yield Span(doc, index, index + 1), "ORG", "organization"
