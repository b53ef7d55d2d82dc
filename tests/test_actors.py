"""Actors: every way of naming an actor resolves to one canonical name."""

from __future__ import annotations

import pytest

from generator.actors import ActorRegistry, clean_name, find_actor_mentions, name_key
from generator.model import Actor


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
    ],
)
def test_clean_name(mention: str, expected: str) -> None:
    assert clean_name(mention) == expected


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
