"""Title Case and all-caps headlines are parsed as the running text their story writes."""

from __future__ import annotations

import datetime as dt

from generator.extract.article import extract_article
from generator.model import Article
from generator.registry import ActorRegistry

PUBLISHED = dt.date(2024, 3, 15)


def _told_in_headline(nlp, text: str) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    article = Article(slug="a", title=text.splitlines()[0], published=PUBLISHED, text=text)
    events = extract_article(article, nlp=nlp, registry=ActorRegistry()).events
    return [event.actors for event in events if 0 in {event.sentence, *(m.sentence for m in event.mentions)}]


def test_a_title_case_headline_tells_its_happening(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Harlow Foods Buys Dairy Maker Glenmoor In Cash Deal\n\n"
        "Harlow Foods has bought the dairy maker Glenmoor for 40 million pounds in cash, the grocer said "
        "on Thursday. Glenmoor, which makes cheese in Somerset, employs 300 people."
    )
    assert any({"Harlow Foods", "Glenmoor"} <= set(actors) for actors in _told_in_headline(nlp, text))


def test_an_all_caps_headline_tells_its_happening(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "HAWKS BEAT BULLS 98-91 TO REACH FINALS\n\n"
        "The Atlanta Hawks beat the Chicago Bulls 98-91 on Friday night to reach the finals. The Hawks "
        "led from the start."
    )
    assert any({"Atlanta Hawks", "Chicago Bulls"} <= set(actors) for actors in _told_in_headline(nlp, text))


def test_recasing_keeps_the_sentences_and_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    from generator.extract.pipeline import article_doc
    from generator.text import split_sentences

    text = (
        "Mayor Quits After Council Vote\n\nMayor Jane Roe quit on Monday after the council voted against "
        "her budget. She Said Nothing. The council meets again in May."
    )
    article = Article(slug="a", title="Mayor Quits", published=PUBLISHED, text=text)
    doc = nlp(article_doc(nlp, article))
    assert doc.text == text
    assert [sent.start_char for sent in doc.sents] == [sentence.start for sentence in split_sentences(text)]
    assert doc[1].pos_ == "VERB"  # "Quits"


def test_a_title_case_headline_may_keep_its_prepositions_lower(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marsh Checks into Hospital, Cancels Budget Speech\n\n"
        "Governor Ellen Marsh checked into a hospital in Albany on Tuesday and cancelled her budget "
        "speech, her office said. Marsh had a minor fall at home."
    )
    assert any("Ellen Marsh" in actors for actors in _told_in_headline(nlp, text))


def test_a_headline_verb_read_as_a_noun_is_read_after_a_pronoun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Court sentences Alvarez to death\n\n"
        "A court in Harlow on Tuesday sentenced Luis Alvarez to death for the murder of two guards. "
        "Alvarez showed no emotion."
    )
    assert any("Luis Alvarez" in actors for actors in _told_in_headline(nlp, text))


def test_a_headline_verb_hung_on_a_name_is_read_after_a_pronoun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "New York Jets place Tom Harris on injured reserve list\n\n"
        "The New York Jets placed linebacker Tom Harris on the injured reserve list on Monday. Harris "
        "tore a ligament."
    )
    assert any({"New York Jets", "Tom Harris"} <= set(actors) for actors in _told_in_headline(nlp, text))


def test_a_topic_label_stays_without_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    for label in ("Top stories", "Red Sox-Teixeira Rumor", "World news"):
        text = f"{label}\n\nThe Red Sox made an offer to Mark Teixeira on Monday. Teixeira has not decided."
        assert _told_in_headline(nlp, text) == []


def test_a_label_before_a_colon_leaves_the_clause_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Budget crisis: Senate passes stopgap bill\n\n"
        "The Senate passed a stopgap spending bill on Friday to avert a shutdown."
    )
    assert any("Senate" in actors for actors in _told_in_headline(nlp, text))


def test_a_name_in_the_label_takes_part_in_the_clause_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Maria Lopez Dead: Broadway Star Dies At Age 90\n\n"
        "Maria Lopez, who sang on Broadway for four decades, died on Tuesday at her home in Queens. "
        "She was 90."
    )
    assert any("Maria Lopez" in actors for actors in _told_in_headline(nlp, text))


def test_a_noun_after_a_name_is_no_verb_the_story_does_not_use(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Surgeon General Nominee Dr. Regina Benjamin\n\nPresident Obama nominated Regina Benjamin on Monday."
    )
    assert _told_in_headline(nlp, text) == []


def test_an_all_caps_headline_stays_all_caps_with_its_date_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "REPORT: HAWKS MAKE HUGE OFFER TO DWIGHT AMES on Tuesday, 16 December 2008 13:45.\n\n"
        "The Atlanta Hawks have made a huge offer to free agent Dwight Ames, the Boston Herald reported. "
        "Ames is weighing offers from three teams."
    )
    assert {"Atlanta Hawks", "Dwight Ames"} in [set(actors) for actors in _told_in_headline(nlp, text)]


def test_a_past_verb_after_an_apposition_is_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Election\n\nThe 61-year-old incumbent Marsh, 12-0 in state races, trounced Reyes by 30 points in "
        "the runoff."
    )
    article = Article(slug="a", title="Election", published=PUBLISHED, text=text)
    [event] = extract_article(article, nlp=nlp, registry=ActorRegistry()).events
    assert event.actors == ("Marsh", "Reyes")
    assert event.title.startswith("Marsh trounces Reyes")


def test_a_name_to_a_verb_is_the_headline_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marsh to face Reyes in runoff\n\n"
        "Senator Ellen Marsh will face Tom Reyes in a runoff next month, officials said on Monday."
    )
    article = Article(slug="a", title="Marsh to face Reyes in runoff", published=PUBLISHED, text=text)
    [event] = [
        e for e in extract_article(article, nlp=nlp, registry=ActorRegistry()).events if e.sentence == 0
    ]
    assert event.modality == "planned"
    assert event.title.startswith("Ellen Marsh to face Tom Reyes")


def test_a_label_that_is_a_clause_leaves_the_plan_after_its_colon(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Wait Is (Finally) Over: Reyes To Name Sarah Hale as Police Chief\n\n"
        "Mayor Tom Reyes will name Sarah Hale as the city's police chief on Friday, his office said "
        "on Monday."
    )
    article = Article(slug="a", title=text.splitlines()[0], published=PUBLISHED, text=text)
    [event] = [
        e for e in extract_article(article, nlp=nlp, registry=ActorRegistry()).events if e.sentence == 0
    ]
    assert event.actors == ("Tom Reyes", "Sarah Hale")
    assert event.modality == "planned"
