"""The NLP-free sentence splitter: extraction and the site must agree on every index."""

from __future__ import annotations

import pytest

from generator.text import split_sentences


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
        ("A.J. Foyt won in 1967. He retired.", ["A.J. Foyt won in 1967.", "He retired."]),
        ("Coach T.J. Ward spoke. Fans cheered.", ["Coach T.J. Ward spoke.", "Fans cheered."]),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hard-wrapped prose: a line that does not end its sentence carries on
        ("Boeing said on Monday it would\nbuild a new plane. Airbus declined.", 2),
        ("The minister met with\nPresident Putin in Moscow.", 1),
        ("Prices rose sharply,\nofficials said.", 1),
        # headline and summary lines are paragraphs of their own
        ("Lavrov Meets Kim Jong Un\nIn a significant turn, Lavrov met Kim.", 2),
        ("Lavrov meets Kim.\nThe meeting followed talks.", 2),
        # a sentence-case headline with no full stop, then a lead longer than any wrap of it
        (
            "Governor signs the state budget two weeks after the deadline passed\n"
            "Governor Ann Hale signed the $48 billion budget on Friday, ending a standoff with lawmakers"
            " that had closed state parks.",
            2,
        ),
        (
            "The governor signed the state budget on Friday, two weeks after the\n"
            "Deadline Committee had warned that parks would close.",
            1,
        ),
        ("First paragraph ends here\n\nSecond paragraph.", 2),
        ("A list:\n- first item\n- second item", 3),
    ],
)
def test_soft_wraps_join_lines_and_headlines_stay_apart(text: str, expected: int) -> None:
    sentences = split_sentences(text)
    assert len(sentences) == expected
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_paragraph_numbers_follow_blank_lines_and_headlines() -> None:
    text = "Headline\nSummary line.\n\nBody one. Body\ntwo continues. Body three.\nNext paragraph."
    assert [s.paragraph for s in split_sentences(text)] == [0, 1, 2, 2, 2, 3]


def test_a_long_prose_line_wraps_before_a_capitalised_word_but_a_headline_does_not() -> None:
    wrapped = (
        "Station module reaches orbit\n"  # the first line is a headline: nothing wraps onto it
        "NASA paid for the module, which Russian engineers built in Moscow. The space shuttle\n"
        "Endeavour will carry the node."
    )
    assert [s.text for s in split_sentences(wrapped)][
        -1
    ] == "The space shuttle\nEndeavour will carry the node."
    headline = (
        "Analyzing the Strategic Context of This Long Meeting in Wonsan\nThe meeting is not without context."
    )
    assert len(split_sentences(headline)) == 2


def test_a_dateline_line_under_a_headline_is_a_line_of_its_own() -> None:
    # sport and disasters: a lower-case "on <date>" line and a stamp after a summary line
    headline = "Striker held after crash\non March 4, 2024\nThe Rovers striker was arrested on Sunday."
    assert [s.text for s in split_sentences(headline)][:2] == ["Striker held after crash", "on March 4, 2024"]
    summary = (
        "Flood kills two in Valencia\n"
        "Two drivers were swept away when the river burst its banks at the weekend\n"
        "Monday 4 March 2024 09.15 GMT\n"
        "Rescuers searched through the night."
    )
    assert [s.text for s in split_sentences(summary)][2] == "Monday 4 March 2024 09.15 GMT"


def test_a_wrapped_sentence_may_end_on_a_line_with_its_date() -> None:
    text = (
        "Talks resume\n\nThe minister said that the two leaders, who had not spoken for years, met\n"
        "on March 3, 2011."
    )
    assert split_sentences(text)[-1].text.endswith("met\non March 3, 2011.")
