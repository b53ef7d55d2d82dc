"""Datelines: the story's own date under the headline, and where it disagrees with the metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.timex.dateline import dateline_disagreement, read_dateline, story_date
from generator.model import Article

PUBLISHED = dt.date(2011, 3, 4)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("March 3, 2011", dt.date(2011, 3, 3)),
        ("Thursday, March 3, 2011", dt.date(2011, 3, 3)),
        ("3 March 2011", dt.date(2011, 3, 3)),
        ("WASHINGTON, March 3 (Reuters) - The Senate voted on the budget.", dt.date(2011, 3, 3)),
        ("Posted 3/3/2011 9:15 PM", dt.date(2011, 3, 3)),
        ("Published: November 12, 2010", dt.date(2010, 11, 12)),
        ("Tue, 1 Mar 2011 10:15 CDT", dt.date(2011, 3, 1)),
        ("SPRINGFIELD, Ill., Feb. 28 /PRNewswire/ -- A plant closed.", dt.date(2011, 2, 28)),
        # a byline before or after the date
        ("By Jane Doe, Associated Press | March 3, 2011", dt.date(2011, 3, 3)),
        ("Posted on March 3, 2011 by admin", dt.date(2011, 3, 3)),
        # time stamps that print the clock first
        ("10:55 P.M. MARCH 2, 2011", dt.date(2011, 3, 2)),
        ("Published: 08:15 EST, 3 March 2011", dt.date(2011, 3, 3)),
        ("4:52 p.m. EDT March 3, 2011", dt.date(2011, 3, 3)),
        ("14:25 Thu Mar 3 2011", dt.date(2011, 3, 3)),
    ],
)
def test_a_dateline_gives_its_day(line: str, day: dt.date) -> None:
    found = read_dateline(line, PUBLISHED)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    "line",
    [
        "June 6, 1944: Allies land in Normandy",  # a headline about a date, not a dateline
        "The quake struck on March 3, 2011.",
        "March 2011 was a hard month for the league",
        "By March 3, the league must file its accounts with the regulator.",
        "At 10 a.m. March 3, the senators voted to approve the bill and adjourned for the weekend recess.",
    ],
)
def test_a_sentence_with_a_date_is_no_dateline(line: str) -> None:
    assert read_dateline(line, PUBLISHED) is None


def test_the_dateline_wins_over_the_metadata_and_is_reported() -> None:
    text = "Storm closes port\nMarch 2, 2011\nThe storm closed the port on Thursday."
    article = Article("a", "Storm closes port", PUBLISHED, text)
    assert story_date(article) == dt.date(2011, 3, 2)
    message = dateline_disagreement(article)
    assert message is not None and "2011-03-02" in message and "2011-03-04" in message


@pytest.mark.parametrize(
    ("line", "published", "day"),
    [
        ("11/09/2010", dt.date(2010, 9, 11), dt.date(2010, 9, 11)),  # only day-first fits
        ("11/09/2010", dt.date(2010, 11, 9), dt.date(2010, 11, 9)),
        ("2/3/2009", dt.date(2009, 2, 18), dt.date(2009, 2, 3)),  # month first unless it cannot be
    ],
)
def test_a_numeric_dateline_reads_day_first_only_when_that_fits_the_publication_day(
    line: str, published: dt.date, day: dt.date
) -> None:
    found = read_dateline(line, published)
    assert found is not None and found.day == day


def test_an_updated_line_does_not_move_the_story_date() -> None:
    article = Article("a", "Vote", PUBLISHED, "Vote\nUpdated: March 9, 2011\nThe council voted on Monday.")
    assert story_date(article) == PUBLISHED
    assert dateline_disagreement(article) is None


def test_relative_dates_are_read_against_the_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    from generator.extract.article import extract_article

    text = "Port closes\nMarch 2, 2011\nThe Harbor Council closed the port on Monday."
    article = Article("a", "Port closes", dt.date(2011, 3, 10), text)
    [event] = extract_article(article, nlp=nlp).events
    assert event.date.iso == "2011-02-28"  # the Monday before the dateline, not before the 10th


def test_the_story_day_is_read_from_the_lead_less_its_dateline_line(nlp) -> None:  # type: ignore[no-untyped-def]
    from generator.extract.article import extract_article

    text = (
        "Bank robber jailed for eight years\n"
        "Judge praises the staff who raised the alarm\n"
        "Published March 15, 2024\n"
        "A man who held up a bank in Leeds with a fake gun has been jailed. "
        "John Carter was sentenced at Leeds Crown Court on Thursday.\n\n"
        "Carter told the court that he had been in debt. The bank has since reopened."
    )
    article = Article("a", "Bank robber jailed for eight years", dt.date(2024, 3, 15), text)
    told = next(e for e in extract_article(article, nlp=nlp).events if e.quote.startswith("Carter told"))
    # the dateline line is no lead sentence: Thursday is still in the lead, and dates the telling
    assert (told.date.iso, told.date_source) == ("2024-03-14", "context")


@pytest.mark.parametrize(
    "line",
    [
        "Striker Dan Okafor, May 12",  # sport: a headline naming a player and a day
        "Former senator Ruth Ames, Feb. 3",  # politics: an obituary headline
        "Flood hits Carlow County farms, March 3",  # disasters: lower-case words are no place
    ],
)
def test_a_name_before_a_day_is_no_dateline(line: str) -> None:
    assert read_dateline(line, PUBLISHED) is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("LONDON, March 3", dt.date(2011, 3, 3)),
        ("Thursday, March 3", dt.date(2011, 3, 3)),
        ("London, March 3, 2011", dt.date(2011, 3, 3)),
        ("Denver, March 3 (AP) - The council voted on the budget.", dt.date(2011, 3, 3)),
    ],
)
def test_a_place_in_capitals_a_weekday_a_year_or_an_agency_still_make_a_dateline(
    line: str, day: dt.date
) -> None:
    found = read_dateline(line, PUBLISHED)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    "line",
    ["Labour veteran Tom Hale, March 1", "Rovers striker Anna Reid, Feb. 27"],
)
def test_a_headline_naming_someone_before_a_date_is_no_dateline(line: str) -> None:
    assert read_dateline(line, PUBLISHED) is None
