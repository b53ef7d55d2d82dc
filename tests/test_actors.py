"""Actors: every way of naming an actor resolves to one canonical name."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.actors.mentions import clean_name, find_actor_mentions, find_references
from generator.extract.article import extract_article
from generator.model import Actor, Article
from generator.registry import ActorRegistry, name_key


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Lavrov’s", "Lavrov"),
        ("Lavrov's", "Lavrov"),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Russia’s Foreign Minister Sergey Lavrov", "Sergey Lavrov"),
        ("the White House", "White House"),
        ("Mr. Smith", "Smith"),
        ("President", "President"),
        # sport and police news put a position or rank before the name
        ("Forward Tyler Hansbrough", "Tyler Hansbrough"),
        ("Trooper William Hakim", "William Hakim"),
        ("Insp Dave Gaskin", "Dave Gaskin"),
        ("Coroner", "Coroner"),
        ("RB Joique Bell", "Joique Bell"),
        # politics: the model may tag the role before a name as a name of its own
        ("Brooklyn Councilman", ""),
        ("Councilman", "Councilman"),
    ],
)
def test_clean_name(mention: str, expected: str) -> None:
    assert clean_name(mention) == expected


def test_a_position_after_a_team_name_is_no_part_of_it() -> None:
    assert clean_name("New Orleans Saints RB", organization=True) == "New Orleans Saints"
    assert clean_name("RB", organization=True) == "RB"


def test_name_key_ignores_case_accents_and_possessives() -> None:
    assert name_key("Sergéy LAVROV’s") == name_key("sergey lavrov")
    assert name_key("U.S.") == name_key("US")


def test_registry_resolves_aliases_and_close_spellings() -> None:
    registry = ActorRegistry.of([Actor("Sergey Lavrov", "person", ("Lavrov",))])
    assert registry.resolve("Lavrov", "person") == "Sergey Lavrov"
    assert registry.resolve("Sergei Lavrov", "person") == "Sergey Lavrov"
    assert "Sergei Lavrov" in registry.actors["Sergey Lavrov"].aliases
    assert registry.resolve("Maria Zakharova", "person") == "Maria Zakharova"


def test_ambiguous_names_are_left_for_review_not_merged() -> None:
    registry = ActorRegistry.of([Actor("Kim Jong Un", "person"), Actor("Kim Yo Jong", "person")])
    assert registry.resolve("Kim", "person") == "Kim"
    assert "Kim" in registry.review


def test_surname_and_possessive_resolve_to_the_full_name_in_one_article(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Sergey Lavrov met Kim Jong Un on Saturday. Lavrov’s visit followed talks in Moscow. "
        "Lavrov said the talks went well."
    )
    registry = ActorRegistry()
    lavrovs = [mention.name for mention in find_actor_mentions(doc, registry) if "Lavrov" in mention.surface]
    assert lavrovs == ["Sergey Lavrov"] * 3
    assert registry.actors["Sergey Lavrov"].kind == "person"


def test_names_the_model_misses_are_found_from_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister later met his North Korean counterpart, Choe Son Hui, in the capital.")
    names = {mention.name for mention in find_actor_mentions(doc, ActorRegistry())}
    assert "Choe Son Hui" in names


def test_title_case_headline_words_are_not_part_of_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Lavrov Meets Kim Jong Un\nSergey Lavrov meets Kim Jong Un in Wonsan.")
    names = {mention.name for mention in find_actor_mentions(doc, ActorRegistry())}
    assert "Lavrov Meets" not in names


def test_an_ambiguous_name_is_kept_apart_and_flagged_on_the_review_page(tmp_path, nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from generator.extract import run as extract
    from generator.site.build import load_site_pages
    from generator.store.content import Content
    from generator.store.registry import load_registry

    content = Content(tmp_path / "content")
    content.articles.mkdir(parents=True)
    content.actors.write_text(
        "Kim Jong Un:\n  kind: person\n  aliases: []\nKim Yo Jong:\n  kind: person\n  aliases: []\n",
        encoding="utf-8",
    )
    (content.articles / "kim.md").write_text(
        "---\ntitle: Visit\ndate: 2025-07-12\n---\n"
        "Kim visited the port on Friday. Officials praised the visit.\n",
        encoding="utf-8",
    )
    assert nlp is not None  # loaded once per session: extraction reuses it
    extract.extract_content(content)
    registry = load_registry(content.actors)
    assert set(registry.actors) >= {"Kim Jong Un", "Kim Yo Jong", "Kim"}  # not merged blindly
    assert "Kim Jong Un or Kim Yo Jong" in (registry.actors["Kim"].note or "")
    review = load_site_pages(content.root)["review/index.md"]
    assert "Kim" in review and "Kim Jong Un or Kim Yo Jong" in review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boeing unveiled the Boeing 787 Dreamliner. The Dreamliners fly in May.", {"Boeing 787 Dreamliner"}),
        ("Airbus A380s were delayed, and the A380 is late.", {"Airbus A380"}),
        ("Boeing showed a new version of its 777 airliner.", {"777"}),
        ("Apple launched the iPhone 3G and the iPod nano.", {"iPhone 3G", "iPod nano"}),
        ("The iPod Nano replaces the iPod Mini.", {"iPod Nano", "iPod Mini"}),
        ("Qantas ordered 100 jets and 20 planes in 2005.", set()),
        ("American Airlines 777 landed at Heathrow.", {"777"}),
        # a comparison tells a model from its maker's others; a count takes none
        ("Emirates bought 30 of Airbus's larger 350 jets.", {"350"}),
        ("Ryanair will lease its first 200 planes in May.", set()),
    ],
)
def test_named_products_are_actors(nlp, text: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    products = {m.name for m in find_actor_mentions(nlp(text), ActorRegistry()) if m.kind == "product"}
    assert products == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the product line is not the model...
        ("Apple unveiled the iPhone 4 today. The original iPhone was released in 2007.", "iPhone"),
        ("Apple unveiled the iPod nano today. Sales of the iPod rose.", "iPod"),
        # ...unless the words before it say which
        ("Apple unveiled the iPhone 4 today. The new iPhone has two cameras.", "iPhone 4"),
        # ...which holds for that mention only, not as an alias of the model
        ("Apple unveiled the iPhone 4. The new iPhone has a camera. Android outsold the iPhone.", "iPhone"),
        ("Apple launched the iPhone 3G today. The 3G iPhone is faster.", "iPhone 3G"),
        # a maker's model is one product however it is named
        ("Boeing unveiled the Boeing 787 Dreamliner. The 787 flies in May.", "Boeing 787 Dreamliner"),
        ("Boeing rolled out the first 787 Dreamliner. ANA will use the 787 in Asia.", "787 Dreamliner"),
    ],
)
def test_a_product_line_is_not_its_model(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    mentions = [m for m in find_actor_mentions(nlp(text), ActorRegistry()) if m.kind == "product"]
    assert mentions[-1].name == expected


def test_a_given_name_or_a_sentence_opening_surname_is_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Apple CEO Steve Jobs Apple Computer CEO Steve Jobs spoke. "
        "Steve called podcasting a revolution. Jobs attributed the rise to users."
    )
    mentions = find_actor_mentions(nlp(text), ActorRegistry())
    assert [(m.surface, m.name) for m in mentions if m.surface in ("Steve", "Jobs")] == [
        ("Steve", "Steve Jobs"),
        ("Jobs", "Steve Jobs"),
    ]


def test_company_names_resolve_across_their_short_forms(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "GM to cut jobs. General Motors Corp. said it would cut 10,000 jobs. "
        "The world's largest automaker posted a loss. Ford Motor Co. also lost money, and Ford cut costs."
    )
    names = {m.surface: m.name for m in find_actor_mentions(nlp(text), ActorRegistry())}
    assert names["GM"] == names["General Motors Corp."] == "General Motors Corp"  # "General" is no title here
    assert names["Ford"] == "Ford Motor Co"
    references = {
        m.surface: m.name
        for m in find_references(nlp(text), list(find_actor_mentions(nlp(text), ActorRegistry())))
    }
    assert references["automaker"] == "General Motors Corp"


def test_market_news_names_its_indexes_companies_and_officers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Stocks tumbled on Monday, with the Dow Jones Industrial Average losing 300 points. "
        "The Dow closed at 11,100. Shares of Citigroup Inc. dropped 8 percent. "
        "Citigroup's chief executive, Vikram Pandit, spoke. The Federal Reserve cut rates, and the Fed "
        "will act again. The rocket flew from the Baikonur Cosmodrome."
    )
    mentions = find_actor_mentions(nlp(text), ActorRegistry())
    names = {m.surface: (m.name, m.kind) for m in mentions}
    assert (
        names["Dow Jones Industrial Average"]
        == names["Dow"]
        == ("Dow Jones Industrial Average", "organization")
    )
    assert {name for surface, (name, _) in names.items() if "Citigroup Inc" in surface} == {"Citigroup Inc"}
    assert names["Vikram Pandit"] == ("Vikram Pandit", "person")  # the model says ORG
    assert names["Fed"][0] == "Federal Reserve"
    assert "Baikonur Cosmodrome" not in names  # a place, not an actor
    more = {m.surface: m.name for m in find_actor_mentions(nlp(INDEXES), ActorRegistry())}
    assert more["FTSE 100"] == "FTSE 100" and more["S&P 500"] == "S&P 500"


def test_an_index_written_in_lower_case_keeps_its_family_word_not_its_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Seoul shares slide after election\n"
        "The Kospi composite index fell 2 percent on Monday after the ruling party lost its majority. "
        "The Dow Jones transportation average rose 1 percent, and the broader Hang Seng index gained 0.5 "
        "percent."
    )
    events = extract_article(
        Article(slug="a", title=text.splitlines()[0], published=dt.date(2016, 4, 18), text=text),
        nlp=nlp,
        registry=ActorRegistry(),
    ).events
    actors = {actor for event in events for actor in event.actors}
    assert {"Kospi composite", "Dow Jones transportation average", "Hang Seng"} <= actors


def test_a_companys_first_word_alone_is_the_company_but_not_the_town_it_is_named_after(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Drugmaker halts asthma trial\n"
        "Holloway Biotech Ltd said on Monday it had stopped a trial of its asthma drug after two patients "
        "fell ill. Holloway will restart the trial next year, chief executive Anne Carter said. Regulators "
        "fined Holloway in 2017. Police in Holloway arrested two protesters on Sunday. Shares in "
        "Holloway fell 9 percent after an approach from Holloway to a rival became public."
    )
    events = extract_article(
        Article(slug="a", title=text.splitlines()[0], published=dt.date(2019, 6, 3), text=text),
        nlp=nlp,
        registry=ActorRegistry(),
    ).events
    by_sentence = {event.sentence: set(event.actors) for event in events}
    assert by_sentence[2] == {"Holloway Biotech Ltd", "Anne Carter"}
    assert by_sentence[3] == by_sentence[5] == {"Holloway Biotech Ltd"}
    assert all("Holloway" not in actors for actors in by_sentence.values())  # the town is no actor


def test_an_acronym_may_count_the_of_in_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Bank of Portugal raised rates on Monday. BOP officials said inflation had risen."
    names = {m.surface: m.name for m in find_actor_mentions(nlp(text), ActorRegistry())}
    assert names["BOP"] == "Bank of Portugal"


def test_a_dateline_place_without_an_agency_and_a_time_zone_are_no_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Governor signs budget\n\nLast updated at 18:45 GMT, Tuesday, 4 June 2019\n\n"
        "TRENTON, N.J. - Governor Rita Alvarez signed the state budget on Monday, hours before a "
        "shutdown deadline. Lawmakers in Trenton had passed it on Friday."
    )
    surfaces = {m.surface for m in find_actor_mentions(nlp(text), ActorRegistry())}
    assert "Rita Alvarez" in surfaces
    assert not {"TRENTON", "GMT"} & surfaces


def test_a_town_stands_for_its_club_once_the_club_is_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Luton hold Barnsley to goalless draw\n"
        "Luton Town drew 0-0 with Barnsley at Kenilworth Road on Saturday. Luton had won their last three "
        "games. Fans in Luton celebrated the point."
    )
    names = {(m.surface, m.start): m.name for m in find_actor_mentions(nlp(text), ActorRegistry())}
    lutons = [
        name
        for (surface, _), name in sorted(names.items(), key=lambda item: item[0][1])
        if surface == "Luton"
    ]
    assert lutons[:2] == ["Luton Town", "Luton Town"]  # the headline's and "Luton had won"
    assert len(lutons) == 2  # "fans in Luton": the town


def test_a_name_with_an_age_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Crash kills driver\n\nA lorry crashed on the M6 on Monday. Dennis Markle, 34, was arrested."
    doc = nlp(text)
    assert any(ent.text == "Dennis Markle" and ent.label_ == "ORG" for ent in doc.ents)  # the model's reading
    names = {m.surface: (m.name, m.kind) for m in find_actor_mentions(doc, ActorRegistry())}
    assert names["Dennis Markle"] == ("Dennis Markle", "person")


def test_a_name_the_model_opens_with_chair_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "FIFA Vice Chair Marta Quell said on Monday that the vote would be held in May."
    doc = nlp(text)
    assert any(
        ent.text == "Chair Marta Quell" and ent.label_ == "ORG" for ent in doc.ents
    )  # the model's reading
    names = {m.surface: (m.name, m.kind) for m in find_actor_mentions(doc, ActorRegistry())}
    assert names["Chair Marta Quell"] == ("Marta Quell", "person")


def test_a_name_opening_with_a_personal_title_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Spokeswoman Sandy Fields said the union would strike at the hospital on Monday."
    names = {m.surface: (m.name, m.kind) for m in find_actor_mentions(nlp(text), ActorRegistry())}
    assert names["Spokeswoman Sandy Fields"] == ("Sandy Fields", "person")  # the model says ORG


def test_two_names_joined_by_a_hyphen_are_two_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ford-Volkswagen talks on electric vans ended on Monday. Ford wanted a bigger share, and "
        "Volkswagen refused. Rolls-Royce cut 300 jobs on Tuesday."
    )
    names = [m.name for m in find_actor_mentions(nlp(text), ActorRegistry())]
    assert names[:2] == ["Ford", "Volkswagen"]
    assert "Rolls-Royce" in names  # one name: neither part is named on its own


INDEXES = (
    "The Nasdaq lost 3.9% and the S&P 500 lost 3.5%. European markets followed; London's FTSE 100 fell 2.3%."
)


def test_an_unlabelled_acronym_is_a_name_and_a_description_uses_the_names_head_word(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States Air Force picked Northrop Grumman. USAF also denied that jobs were a factor. "
        "You can never have too much gas in the air."
    )
    doc = nlp(text)
    mentions = find_references(doc, find_actor_mentions(doc, ActorRegistry()))
    names = {m.surface: m.name for m in mentions}
    assert names["USAF"] == "United States Air Force"
    assert "air" not in names  # "the air" is no short form of the Air Force


def test_it_refers_to_a_multi_word_subject_of_the_sentence_before(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The iPhone 4 will be available on June 24 in France. It comes in two colors.")
    references = [
        m for m in find_references(doc, find_actor_mentions(doc, ActorRegistry())) if m.label == "COREF"
    ]
    assert [(m.surface, m.name) for m in references] == [("It", "iPhone 4")]


def test_a_company_named_once_is_found_again_where_the_model_mislabels_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Beatles' Apple Corps sues Apple Computer\nMarch 28, 2006\n"
        "The Beatles' Apple Corps has filed a lawsuit against computer maker Apple Computer "
        "in a London court this week."
    )
    names = [m.name for m in find_actor_mentions(nlp(text), ActorRegistry())]
    assert names.count("Apple Corps") == 2


def test_the_registry_matches_a_company_with_and_without_its_company_words() -> None:
    registry = ActorRegistry.of([Actor("Ford Motor Co", "organization"), Actor("Boeing", "organization")])
    assert registry.resolve("Ford", "organization") == "Ford Motor Co"
    assert registry.resolve("Boeing Commercial Airplanes", "organization") == "Boeing Commercial Airplanes"


def test_a_short_form_with_the_resolves_to_the_one_organisation_it_begins() -> None:
    registry = ActorRegistry.of(
        [
            Actor("Dow Jones Industrial Average", "organization"),
            Actor("Boeing Commercial Airplanes", "organization"),
        ]
    )
    assert registry.resolve("Dow", "organization", definite=True) == "Dow Jones Industrial Average"
    assert "Dow" in registry.actors["Dow Jones Industrial Average"].aliases
    assert registry.resolve("Boeing", "organization") == "Boeing"  # no "the": the parent company, kept apart


def test_a_dateline_credit_names_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Stocks fall\nNEW YORK, March 14 (Reuters) - The Dow Jones Industrial Average fell 137 points "
        "on Thursday. Reuters Holdings said on Friday it would cut jobs."
    )
    found = {
        (mention.surface, doc[mention.start].sent.text.split()[0])
        for mention in find_actor_mentions(doc, ActorRegistry())
    }
    assert ("Dow Jones Industrial Average", "NEW") in found
    assert not {surface for surface, opening in found if opening == "NEW"} & {"NEW YORK", "Reuters"}
    assert "Reuters" in {surface.split()[0] for surface, opening in found if opening == "Reuters"}


def test_a_role_before_a_name_is_not_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Comedian Jane Roe will host the awards again, the producers said on Friday.")
    names = {mention.name for mention in find_actor_mentions(doc, ActorRegistry())}
    assert "Jane Roe" in names and "Comedian Jane Roe" not in names


@pytest.mark.parametrize(
    "text",
    [
        "Singer Mara Quinn Dies at 91\nThe singer Mara Quinn died on Thursday in Los Angeles.",
        "Tom Reyes Checks into Clinic\nThe actor Tom Reyes checked into a clinic in Malibu on Friday.",
        "Ellen McKay Returns to Host the Awards\nEllen McKay will return to host the awards next year.",
    ],
)
def test_a_title_case_headline_verb_is_not_part_of_the_name_before_it(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    names = {mention.name for mention in find_actor_mentions(doc, ActorRegistry())}
    assert not [name for name in names if name.split()[-1] in ("Dies", "Checks", "Returns")]


def _mention_names(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [(mention.surface, mention.name) for mention in find_actor_mentions(doc, ActorRegistry())]


def test_a_surname_the_model_takes_for_a_place_is_the_person_named_in_full(nlp) -> None:  # type: ignore[no-untyped-def]
    # crime: the small model labels the second "Dubois" a place (GPE)
    found = _mention_names(
        nlp, "Sergeant Tom Dubois was charged on Monday. Police say Dubois has hired a lawyer."
    )
    assert ("Dubois", "Tom Dubois") in found


def test_a_surname_after_a_place_preposition_stays_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mention_names(nlp, "Sergeant Tom Dubois was charged on Monday. He lives in Dubois, Wyoming.")
    assert ("Dubois", "Tom Dubois") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sport: "the" and a capitalised plural is a team, also when the model calls it a work of art
        ("Jones scored twice as the visiting Wolves won 3-1 on Saturday.", ("Wolves", "Wolves")),
        # ... and a team's plural is the team's full name where the article gives it
        (
            "The Halden Wolves beat Rovers on Friday. Jones scored twice as the visiting Wolves won 3-1.",
            ("Wolves", "Halden Wolves"),
        ),
    ],
)
def test_the_and_a_capitalised_plural_name_a_team(nlp, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _mention_names(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sport: a headline name that is the article's name ends at the verb after it
        (
            "Creighton Returns to Semis With Win Over Drake\nCreighton beat Drake 65-62 on Saturday.",
            ("Creighton", "Creighton"),
        ),
        # business: an adverb before the headline's verb ends the name too
        (
            "Offer to Teixeira Reportedly Raised to $184M\nThe Nationals offered Mark Teixeira eight years.",
            ("Teixeira", "Mark Teixeira"),
        ),
        # politics: a headline verb before a full name is not part of it either
        (
            "Governor Names Dana Whitfield to State Court\nGovernor Ray Holt named Dana Whitfield a judge.",
            ("Dana Whitfield", "Dana Whitfield"),
        ),
    ],
)
def test_a_title_case_headline_name_ends_at_its_verb(nlp, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _mention_names(nlp, text)
    assert expected in found
    assert not [
        name for _surface, name in found if set(name.split()) & {"Returns", "Raised", "Reportedly", "Names"}
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sport: an all-caps headline names the teams the story names in mixed case
        (
            "ROVERS TOP HAWKS, 3-1, REACH FINAL\nThe Halden Rovers beat the Portland Hawks 3-1 on Sunday.",
            {("ROVERS", "Halden Rovers"), ("HAWKS", "Portland Hawks")},
        ),
        # politics: ... and the people, by full name or surname
        (
            "REPORT: GOVERNOR OFFERS POST TO WHITFIELD\nGovernor Ray Holt has offered Dana Whitfield a seat "
            "on the state court.",
            {("WHITFIELD", "Dana Whitfield")},
        ),
    ],
)
def test_an_all_caps_headline_is_read_against_the_names_of_the_story(
    nlp, text: str, expected: set[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    assert expected <= set(_mention_names(nlp, text))


def test_a_legal_form_makes_a_company_name_and_its_short_form_the_company(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    doc = nlp(
        "Swiss drugmaker Halden AG said on Monday it would buy Belgian rival Vermeulen NV for 3 billion "
        "euros. Vermeulen rejected an offer in April."
    )
    # as the small model reads such names at times: the full name untagged, the short one a place
    short = next(token.i for token in doc if token.text == "Vermeulen" and token.dep_ == "nsubj")
    doc.ents = [
        *(ent for ent in doc.ents if "Vermeulen" not in ent.text),
        Span(doc, short, short + 1, label="GPE"),
    ]
    names = {m.surface: (m.name, m.kind) for m in find_actor_mentions(doc, ActorRegistry())}
    assert names["Vermeulen NV"] == ("Vermeulen NV", "organization")
    assert names["Vermeulen"] == ("Vermeulen NV", "organization")


def test_a_score_split_by_the_tokenizer_is_no_part_of_a_team_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Leeds Athletic reached the cup final after beating Hull Town 3-1 at home on Saturday.")
    names = {mention.name for mention in find_actor_mentions(doc, ActorRegistry())}
    assert "Hull Town" in names
    assert not any("3" in name for name in names)


def test_a_teams_plural_alone_is_the_team(nlp) -> None:  # type: ignore[no-untyped-def]
    # sport: "Warriors fans" without "the" is the team the article named in full
    text = (
        "The Leeds Rhinos beat the Wigan Warriors 24-10 on Friday. Rhinos captain Tom Hale scored twice, "
        "and Warriors fans left early."
    )
    mentions = find_actor_mentions(nlp(text), ActorRegistry())
    assert [m.name for m in mentions if m.surface == "Warriors"] == ["Wigan Warriors"]


def test_a_name_tagged_short_of_the_surname_it_hangs_on_runs_to_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    doc = nlp("Maria Keller resigned as mayor of Denver on Monday.")
    assert [token.dep_ for token in doc[:2]] == ["compound", "nsubj"]
    doc.ents = [Span(doc, 0, 1, label="PERSON")]  # the model tags the given name only, as it may
    names = [mention.name for mention in find_actor_mentions(doc, ActorRegistry())]
    assert "Maria Keller" in names and "Maria" not in names


def test_a_short_form_of_one_name_spelt_two_ways_is_that_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "US Coast Guard rescues fishermen\n"
        "The U.S. Coast Guard rescued six fishermen off Florida on Sunday. "
        "The Coast Guard said all six were unhurt."
    )
    mentions = find_actor_mentions(nlp(text), ActorRegistry())
    names = {m.name for m in mentions if "Guard" in m.surface}
    assert len(names) == 1 and name_key(names.pop()) == name_key("US Coast Guard")


def test_a_place_a_company_is_named_after_stays_a_place_where_told_as_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # travel and politics: the island, not the airline, in "from Malta" and "Prime Minister of Malta"
    text = (
        "Malta Airlines opens Rome route\n"
        "Malta Airlines started a daily flight from Malta to Rome on Monday. "
        "The Prime Minister of Malta, Robert Abela, welcomed it."
    )
    mentions = find_actor_mentions(nlp(text), ActorRegistry())
    assert [m.surface for m in mentions if m.name == "Malta Airlines"] == ["Malta Airlines", "Malta Airlines"]


def test_a_common_word_opening_a_headline_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # politics: the model tags "Budget" of the headline as an organisation; the story writes "the
    # budget", so it is a word, not a body ("union leaders" then finds no union either)
    text = (
        "Budget vote\nThe Senate passed the budget on Wednesday. "
        "Earlier in the day, President Lee met union leaders."
    )
    registry = ActorRegistry()
    names = {mention.name for mention in find_actor_mentions(nlp(text), registry)}
    assert "Budget" not in names
    assert {"Senate", "Lee"} <= names


def test_a_name_written_capitalised_mid_sentence_stays_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # business: "a shell company" is a word, but "Analysts said Shell" shows Shell is a name
    text = (
        "Shell sells refinery\nShell sold its Texas refinery on Monday. The buyer, a shell company "
        "owned by investors, paid $2 billion. Analysts said Shell got a good price."
    )
    names = [mention.name for mention in find_actor_mentions(nlp(text), ActorRegistry())]
    assert names.count("Shell") >= 2


def test_a_body_named_to_say_whom_a_person_works_for_takes_no_part_in_their_deed(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Hawks player charged\n"
        "Carlton Hawks wide receiver Dean Marsh was arrested on Sunday on suspicion of assault. "
        "Norland Bank chief executive Ann Roe resigned on Monday. "
        "Denver Colts QB Sam Ortiz broke his wrist on Sunday."
    )
    found = {event.sentence: event.actors for event in _events(nlp, text)}
    assert found[1] == ("Dean Marsh",)
    assert found[2] == ("Ann Roe",)
    assert found[3] == ("Sam Ortiz",)


def _events(nlp, text: str):  # type: ignore[no-untyped-def]
    article = Article(slug="a", title=text.splitlines()[0], published=dt.date(2024, 3, 15), text=text)
    return list(extract_article(article, nlp=nlp, registry=ActorRegistry()).events)


def test_capitalised_index_names_are_one_index_each(nlp) -> None:  # type: ignore[no-untyped-def]
    # markets, written Bloomberg-style: the kind word capitalised, the S&P 500 in full
    text = (
        "Stocks slide\n"
        "The Standard & Poor's 500 Index fell 2 percent on Monday. "
        "The Dow Jones Stoxx 600 Index slid 1 percent."
    )
    article = Article(slug="a", title="Stocks slide", published=dt.date(2011, 8, 8), text=text)
    extraction = extract_article(article, nlp=nlp)
    names = {actor.name: actor.aliases for actor in extraction.actors}
    assert names["S&P 500"] == ("Standard & Poor's 500 Index",)
    assert "Dow Jones Stoxx 600 Index" in names
    assert not any(actor.kind == "product" for actor in extraction.actors)  # "600 Index" is no model


def test_a_team_named_by_a_number_is_a_team(nlp) -> None:  # type: ignore[no-untyped-def]
    # sport: "76ers" and "49ers" are the teams, not numbers; a decade is no team
    text = (
        "Late rally\n"
        "The Philadelphia 76ers beat the Boston Celtics on Friday. "
        "The 49ers released their kicker on Monday. "
        "Attendance fell in the 1990s."
    )
    found = {event.sentence: event.actors for event in _events(nlp, text)}
    assert "Philadelphia 76ers" in found[1]
    assert found[2] == ("49ers",)
    assert 3 not in found


def test_a_nickname_is_no_part_of_the_name_and_alone_names_the_same_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # crime news writes a nickname in quotes or brackets inside the name, then alone
    text = (
        "Mob boss dies in prison\n"
        'Vincent "The Chin" Gigante, the mob boss who feigned madness, died in prison on Monday. '
        "Prosecutors said the Chin ran the family from his bathrobe. "
        "Mourners gathered on Sunday for Kimani 'Kiki' Gray, who was shot by police. "
        "Luis Gerardo (Jerry) Ortiz was killed in 2005."
    )
    found = {event.sentence: event.actors for event in _events(nlp, text)}
    assert found[1] == ("Vincent Gigante",)
    assert found[2] == ("Vincent Gigante",)
    assert "Kimani Gray" in found[3]
    assert found[4] == ("Luis Gerardo Ortiz",)


def test_a_quotation_the_model_took_for_a_title_still_holds_names(nlp) -> None:  # type: ignore[no-untyped-def]
    # disasters and business: a quotation that opens with a name is no work of art
    text = (
        "Fire at depot\n"
        'A spokeswoman said: "Kent Police and Kent Fire Service are at the scene in Ashford." '
        '"Acquiring Norvell Systems boosts our reach," Dana Pike said on Monday. '
        'She starred in "Take Me Out to the Ball Game" in 1949.'
    )
    found = {event.sentence: event.actors for event in _events(nlp, text)}
    assert "Kent Police" in found[1]
    assert "Norvell Systems" in found[2]
    names = {mention.name for mention in find_actor_mentions(nlp(text), ActorRegistry())}
    assert not names & {"Take Me Out", "Ball Game"}


def test_an_outlet_told_or_reporting_is_an_actor_of_the_telling(nlp) -> None:  # type: ignore[no-untyped-def]
    # celebrity and sport news: an outlet whose name is a common word, after "told" or "to"
    text = (
        "Singer enters rehab\n"
        "The singer Dana Holt checked into a clinic in Malibu on Tuesday, her spokesman told People.\n"
        "The striker's agent said in a statement to Access that he would stay.\n"
        "People and the team would not comment."
    )
    events = _events(nlp, text)
    assert any("People" in event.actors for event in events if event.sentence == 1)
    assert not any("People" in event.actors for event in events if event.title.startswith("Dana Holt checks"))
    names = {mention.name for mention in find_actor_mentions(nlp(text), ActorRegistry())}
    assert "Access" in names


def test_a_name_ends_at_a_lower_case_word_a_spaced_dash_or_an_and_between_two_names(nlp) -> None:  # type: ignore[no-untyped-def]
    # sport: the model runs a name into the words after it
    text = (
        "Saints shuffle roster\n"
        "The Saints signed Joique Bell on Wednesday after putting Chris Ivory on Injured Reserve.\n"
        "After the Blazers fired Cheeks, it was a matter of time before Philly and Cheeks hooked up again.\n"
        "Philly hired him on Friday. Olivia de Havilland died on Sunday."
    )
    names = {mention.name for mention in find_actor_mentions(nlp(text), ActorRegistry())}
    assert {"Chris Ivory", "Philly", "Olivia de Havilland"} <= names
    assert not {"Chris Ivory on Injured Reserve", "Philly and Cheeks"} & names


def test_team_names_with_numbers_bodies_acronyms_and_surnames_after_from_are_found(nlp) -> None:  # type: ignore[no-untyped-def]
    # sport: "the 49ers", a boxing body's acronym the model took for a building, a surname after "from"
    text = (
        "Coach fired\n"
        "On Saturday, Reeves was fired as head coach of the Philadelphia 76ers.\n"
        "The 76ers lost on Sunday.\n"
        "Wladimir Klitschko defended his WBO and IBF heavyweight titles in Germany on Saturday.\n"
        "Thompson never recovered from a right hand from Klitschko."
    )
    mentions = find_actor_mentions(nlp(text), ActorRegistry())
    by_surface = {mention.surface: mention for mention in mentions}
    assert by_surface["76ers"].name == "Philadelphia 76ers"
    assert by_surface["WBO"].kind == "organization"
    assert by_surface["Klitschko"].name == "Wladimir Klitschko"


def test_a_town_before_police_in_lower_case_names_the_force(nlp) -> None:  # type: ignore[no-untyped-def]
    # crime: "Staunton police" (the model took the town for a person), "San Diego police"
    text = (
        "Woman charged\n"
        "This morning, Staunton police arrested and charged Mary Jones with two counts of murder.\n"
        "San Diego police said Williams was speeding."
    )
    found = {event.sentence: event.actors for event in _events(nlp, text)}
    assert "Staunton Police" in found[1]
    assert "San Diego Police" in found[2]


def test_an_acronym_tagged_once_is_the_organisation_where_the_model_missed_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # business: the model tags "HP" in one sentence only
    text = (
        "HP buys Norvell\n"
        "HP of Palo Alto, Calif., said on Monday it has agreed to buy Norvell Systems Inc. "
        "HP will pay $200 million."
    )
    doc = nlp(text)
    found = [
        doc[mention.start].idx
        for mention in find_actor_mentions(doc, ActorRegistry())
        if mention.surface == "HP"
    ]
    assert text.index("HP of") in found


def test_an_honour_after_a_name_and_an_acronym_in_brackets_are_no_new_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    # crime and politics: "Anthony Russell QC", "the Party of Industrialists and Entrepreneurs (PPIE)"
    text = (
        "Trial opens\n"
        "Prosecutor Anthony Russell QC told the court on Monday that the man had lied.\n"
        "Besides the ruling party, the Party of Industrialists and Entrepreneurs (PPIE) will run."
    )
    names = {mention.name for mention in find_actor_mentions(nlp(text), ActorRegistry())}
    assert {"Anthony Russell", "Party of Industrialists and Entrepreneurs"} <= names
    assert not names & {"Anthony Russell QC", "PPIE"}


def test_a_bracket_the_name_closes_stays_in_it_and_an_outlet_is_named_after_its_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Host chosen\n"
        "Mourners gathered for Kimani (Kiki) Gray, 16, on Sunday.\n"
        "Trade publication Variety saw the choice as a bold one on Friday."
    )
    names = {mention.name for mention in find_actor_mentions(nlp(text), ActorRegistry())}
    assert {"Kimani Gray", "Variety"} <= names
    assert not any(")" in name for name in names)


def test_a_dash_before_a_capital_a_possessive_and_a_title_after_talks_to_are_read_as_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # business and politics: "Wal - Mart" as tokenised text prints it, "The Beatles' Apple Corps"
    text = (
        "Music sales\n"
        "The Beatles' Apple Corps sued Apple Computer on Monday. Apple Corps said a deal was broken.\n"
        "Apple iTunes replaced Wal - Mart as the biggest music seller in March.\n"
        "Roche talked to Assistant Secretary of the Air Force Darleen Druyun on Friday.\n"
        "The money went to John Mitchell - - Former Attorney General - - on Monday."
    )
    mentions = find_actor_mentions(nlp(text), ActorRegistry())
    names = {mention.name for mention in mentions}
    assert {"Wal - Mart", "John Mitchell"} <= names
    assert {mention.kind for mention in mentions if mention.name == "Apple Corps"} == {"organization"}
    assert not names & {"Assistant Secretary", "Wal"}


def test_a_name_ending_in_a_body_or_company_word_is_an_organisation_whatever_its_label(nlp) -> None:  # type: ignore[no-untyped-def]
    # disasters, business and crime: the model takes such names for works of art or buildings
    text = (
        "Climbers found\n"
        "The Aoraki Mt Cook Alpine Rescue Team have recovered the body of the climber on Sunday.\n"
        'RBC Capital Markets downgraded ATI Technologies to "sector perform" on Monday.\n'
        "He appeared before Furness District Magistrates on Monday."
    )
    found = {event.sentence: event.actors for event in _events(nlp, text)}
    assert found[1] == ("Aoraki Mt Cook Alpine Rescue Team",)
    assert "ATI Technologies" in found[2]
    assert "Furness District Magistrates" in found[3]


def test_a_web_name_and_a_rank_after_a_unit(nlp) -> None:  # type: ignore[no-untyped-def]
    # crime and sport: "Philadelphia Homicide Capt. James Clark", "reports FoxSports.com"
    text = (
        "Shooting at plant\n"
        "She then opened fire on the others, Philadelphia Homicide Capt. James Clark said on Friday.\n"
        "The Angels withdrew their offer on Monday, reports FoxSports.com and Yahoo! Sports.\n"
        "Details are on the site."
    )
    names = {mention.name for mention in find_actor_mentions(nlp(text), ActorRegistry())}
    assert {"Philadelphia Homicide", "FoxSports.com"} <= names
    assert "Philadelphia Homicide Capt" not in names


def test_a_handle_that_spells_a_name_of_the_article_is_that_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    # web news: "@TheAcademy" is the Academy the story names
    doc = nlp(
        'The Academy named Ellen Marsh as host on Friday. "I\'d like to thank @TheAcademy and my family," '
        "Marsh wrote."
    )
    found = [(m.surface, m.name) for m in find_actor_mentions(doc, ActorRegistry())]
    assert ("@TheAcademy", "Academy") in found


def test_an_acronym_may_leave_out_the_country_its_name_opens_with(nlp) -> None:  # type: ignore[no-untyped-def]
    # business: "SEC" for the "U.S. Securities and Exchange Commission"
    text = (
        "The U.S. Securities and Exchange Commission sued Brightwater Capital on Monday. "
        "The SEC said the fund had misled investors."
    )
    names = {m.surface: m.name for m in find_actor_mentions(nlp(text), ActorRegistry())}
    assert names["SEC"] == "U.S. Securities and Exchange Commission"


def test_a_team_the_model_took_for_a_building_is_a_team_but_towers_stay_buildings(nlp) -> None:  # type: ignore[no-untyped-def]
    # sport and disasters: "the Jacksonville Jaguars" tagged as a facility; "the towers" in lower case
    text = (
        "Broncos win\n"
        "Dean Marsh scored on a 40-yard return on Sunday to give the Denver Broncos a 27-20 win over "
        "the Jacksonville Jaguars and the No. 4 seed in the playoffs.\n"
        "The towers fell. Smoke rose over the Twin Towers on Tuesday."
    )
    names = {mention.name for mention in find_actor_mentions(nlp(text), ActorRegistry())}
    assert "Jacksonville Jaguars" in names
    assert "Twin Towers" not in names
