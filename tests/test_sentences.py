"""The NLP-free sentence splitter: extraction and the site must agree on every index."""

from __future__ import annotations

import pytest

from generator.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        (
            "A headline without a stop\nBody one. Body two.",
            ["A headline without a stop", "Body one.", "Body two."],
        ),
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("J. R. R. Tolkien wrote it. Then he left.", ["J. R. R. Tolkien wrote it.", "Then he left."]),
        ("He said “It is over.” Then he left.", ["He said “It is over.”", "Then he left."]),
        ("Prices rose 3.5 percent. Sales fell.", ["Prices rose 3.5 percent.", "Sales fell."]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
        ("## A Markdown heading\n- a list item", ["A Markdown heading", "a list item"]),
        ("lower case after stop. stays together", ["lower case after stop. stays together"]),
        ("\n\n  \n", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "Title line\n\nFirst sentence here.  Second one follows.\nLast."
    for index, sentence in enumerate(split_sentences(text)):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
