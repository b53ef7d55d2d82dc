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
