"""The temporal tagger: expressions, their normalized values against a reference date, false positives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.extract.timex import rules, tagger
from generator.extract.timex.rules import RULES, Rule
from generator.extract.timex.tagger import (
    _propose,
    body_offset,
    find_time_expressions,
    governing_expression,
    iso_week,
    shift_months,
    tag_text,
    weekday_near,
    year_for_month,
)
from generator.model import TimeExpression

pytestmark = pytest.mark.slow

SHARED = Path(
    os.environ.get("TIMELINE_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
)
SEED = SHARED / "seed" / "lavrov-kim-wonsan.txt"

MON_2013_03_25 = dt.date(2013, 3, 25)  # a Monday

# sentence, reference date, expression text, type, value, mod
TABLE: list[tuple[str, dt.date, str, str, str, str | None]] = [
    # absolute dates at their own precision: never a day filled in from today
    ("The company was founded in 2010.", MON_2013_03_25, "2010", "DATE", "2010", None),
    ("The merger closed in August 2012.", MON_2013_03_25, "August 2012", "DATE", "2012-08", None),
    ("He was born on March 5, 1946.", MON_2013_03_25, "March 5, 1946", "DATE", "1946-03-05", None),
    ("The plan was approved on 22 March 2013.", MON_2013_03_25, "22 March 2013", "DATE", "2013-03-22", None),
    ("The filing is dated 11/02/89.", MON_2013_03_25, "11/02/89", "DATE", "1989-11-02", None),
    ("Rain fell in the summer of 2012.", MON_2013_03_25, "the summer of 2012", "DATE", "2012-SU", None),
    ("Prices soared in the 2010s.", MON_2013_03_25, "the 2010s", "DATE", "201", None),
    ("It was built in the 11th century.", MON_2013_03_25, "the 11th century", "DATE", "10", None),
    # "8 p.m. Friday" is one TIMEX3, "8 p.m. on Friday" two (TimeML): the clock time takes that day
    ("Talks began at 8 p.m. on Aug. 3, 2012.", MON_2013_03_25, "8 p.m.", "TIME", "2012-08-03T20:00", None),
    ("Talks began at 8 p.m. on Aug. 3, 2012.", MON_2013_03_25, "Aug. 3, 2012", "DATE", "2012-08-03", None),
    ("The match kicked off at 3 p.m. Saturday.", MON_2013_03_25, "3 p.m. Saturday", "TIME",
     "2013-03-23T15:00", None),
    # a story's time stamp is one moment: the day and the clock time as printed (the zone not applied)
    ("Posted March 22, 2013, 4:15 PM EDT", MON_2013_03_25, "March 22, 2013, 4:15 PM EDT", "TIME",
     "2013-03-22T16:15", None),
    ("Updated 03/21/2013 at 11:05 AM ET", MON_2013_03_25, "03/21/2013 at 11:05 AM ET", "TIME",
     "2013-03-21T11:05", None),
    ("The polls closed on March 24 at 8 p.m. in every state.", MON_2013_03_25, "March 24 at 8 p.m.", "TIME",
     "2013-03-24T20:00", None),
    ("The fire started at 2:40 a.m. local time.", MON_2013_03_25, "2:40 a.m. local time", "TIME",
     "2013-03-25T02:40", None),
    ("Last updated 13:26 22/03/2013", MON_2013_03_25, "13:26 22/03/2013", "TIME", "2013-03-22T13:26", None),
    ("8:05am UK, Friday 22 March 2013", MON_2013_03_25, "8:05am UK, Friday 22 March 2013", "TIME",
     "2013-03-22T08:05", None),
    ("Police were called at 8.40am on Saturday.", MON_2013_03_25, "8.40am", "TIME", "2013-03-23T08:40", None),
    ("Shortly after 3:30 Tuesday morning a neighbour called 911.", MON_2013_03_25, "3:30 Tuesday morning",
     "TIME", "2013-03-19T03:30", None),
    # a clock time in apposition says when in that morning
    ("Early Friday morning, around 1:30 a.m., the senator resigned.", MON_2013_03_25,
     "Early Friday morning, around 1:30 a.m.", "TIME", "2013-03-22T01:30", "START"),
    ("Police were called at 8.40am on Saturday.", MON_2013_03_25, "Saturday", "DATE", "2013-03-23", None),
    ("The quake struck at 0440 GMT on Sunday.", MON_2013_03_25, "0440 GMT", "TIME", "2013-03-24T04:40", None),
    ("Polls close at 8 p.m. on Thursday.", MON_2013_03_25, "8 p.m.", "TIME", "2013-03-28T20:00", None),
    # stamps that abbreviate every month, join the year with a hyphen, or write "p" for p.m.
    ("Tue., May. 21, 2013 9:15 AM EDT | The senate voted.", MON_2013_03_25, "Tue., May. 21, 2013 9:15 AM EDT",
     "TIME", "2013-05-21T09:15", None),
    ("Sunday, March 24-2013 at 16:12 | Floods hit Dhaka.", MON_2013_03_25, "Sunday, March 24-2013 at 16:12",
     "TIME", "2013-03-24T16:12", None),
    ("on Mar 23 2013, 5:55p | United won again.", MON_2013_03_25, "Mar 23 2013, 5:55p", "TIME",
     "2013-03-23T17:55", None),
    # the 24-hour clock with "hours", and the day after a time restated in another zone
    ("The tremor struck at 09:10 hours (0440 GMT) on Sunday.", MON_2013_03_25, "09:10 hours", "TIME",
     "2013-03-24T09:10", None),
    ("Tue Mar 19 2013, 14:58 hrs | Rebels seized the port.", MON_2013_03_25, "Mar 19 2013, 14:58 hrs", "TIME",
     "2013-03-19T14:58", None),
    # the BBC's "Last updated at" is the time of the last edit, a second stamp after the story's day
    ("22 March 2013 Last updated at 14:05 GMT", MON_2013_03_25, "22 March 2013", "DATE", "2013-03-22", None),
    ("22 March 2013 Last updated at 14:05 GMT", MON_2013_03_25, "14:05 GMT", "TIME", "2013-03-22T14:05",
     None),
    # a sentence's full stop is not the "am" before it
    ("The fire broke out at around 2am.", MON_2013_03_25, "around 2am", "TIME", "2013-03-25T02:00", "APPROX"),
    ("Trading resumed at 9.30am.", MON_2013_03_25, "9.30am", "TIME", "2013-03-25T09:30", None),
    # "a day after the vote" is a span anchored on the vote (TimeML: an anchored duration)
    ("The senator resigned a day after the vote.", MON_2013_03_25, "a day after", "DURATION", "P1D", None),
    ("The striker signed two weeks before leaving.", MON_2013_03_25, "two weeks before", "DURATION", "P2W",
     None),
    # a day-first date on the story's day; a month-first one otherwise
    ("Published 24/03/2013", MON_2013_03_25, "24/03/2013", "DATE", "2013-03-24", None),
    ("Article posted on 08.03.2013", MON_2013_03_25, "08.03.2013", "DATE", "2013-03-08", None),  # dotted
    ("Posted 09/02/2013", dt.date(2013, 2, 9), "09/02/2013", "DATE", "2013-02-09", None),
    ("The 03/02/2013 filing was late.", MON_2013_03_25, "03/02/2013", "DATE", "2013-03-02", None),
    # a date something was set or put off to lies ahead
    ("A trial date was set for October 28.", MON_2013_03_25, "October 28", "DATE", "2013-10-28", None),
    ("The hearing was adjourned until January 14.", MON_2013_03_25, "January 14", "DATE", "2014-01-14", None),
    # weekdays: tense of the governing verb decides past or future
    ("He arrived on Friday.", MON_2013_03_25, "Friday", "DATE", "2013-03-22", None),
    ("They will meet on Friday.", MON_2013_03_25, "Friday", "DATE", "2013-03-29", None),
    ("The talks are scheduled for Thursday.", MON_2013_03_25, "Thursday", "DATE", "2013-03-28", None),
    ("Protesters gathered last Tuesday.", MON_2013_03_25, "last Tuesday", "DATE", "2013-03-19", None),
    ("The vote is next Wednesday.", MON_2013_03_25, "next Wednesday", "DATE", "2013-03-27", None),
    ("Police said Monday that two men were held.", MON_2013_03_25, "Monday", "DATE", "2013-03-25", None),
    ("The blast came Friday morning.", MON_2013_03_25, "Friday morning", "TIME", "2013-03-22TMO", None),
    # relative to the publication date
    ("The talks ended yesterday.", MON_2013_03_25, "yesterday", "DATE", "2013-03-24", None),
    ("The rally is planned for tomorrow.", MON_2013_03_25, "tomorrow", "DATE", "2013-03-26", None),
    ("Prices rose last week.", MON_2013_03_25, "last week", "DATE", "2013-W12", None),
    ("Prices rose this week.", MON_2013_03_25, "this week", "DATE", "2013-W13", None),
    ("The storm hit two days ago.", MON_2013_03_25, "two days ago", "DATE", "2013-03-23", None),
    ("The firm was sold five years ago.", MON_2013_03_25, "five years ago", "DATE", "2008", None),
    # "exactly" names the very day
    ("The plant exploded exactly two years ago.", MON_2013_03_25, "two years ago", "DATE", "2011-03-25",
     None),
    ("The bank collapsed a year ago to the day.", MON_2013_03_25, "a year ago", "DATE", "2012-03-25", None),
    ("Sales rose earlier this month.", MON_2013_03_25, "earlier this month", "DATE", "2013-03", "START"),
    ("Output fell last month.", MON_2013_03_25, "last month", "DATE", "2013-02", None),
    ("The plant closed last July.", MON_2013_03_25, "last July", "DATE", "2012-07", None),
    ("The plant closed late last July.", MON_2013_03_25, "late last July", "DATE", "2012-07", "END"),
    ("The company expanded late last year.", MON_2013_03_25, "late last year", "DATE", "2012", "END"),
    ("Growth will resume early next year.", MON_2013_03_25, "early next year", "DATE", "2014", "START"),
    ("Output fell in early December.", MON_2013_03_25, "early December", "DATE", "2012-12", "START"),
    ("The deal should close in April.", MON_2013_03_25, "April", "DATE", "2013-04", None),
    ("He was elected in May.", dt.date(2013, 10, 1), "May", "DATE", "2013-05", None),
    ("He was born about 1990.", MON_2013_03_25, "about 1990", "DATE", "1990", "APPROX"),
    ("Sales fell in the mid-1990s.", MON_2013_03_25, "the mid-1990s", "DATE", "199", "MID"),
    ("Profit rose in the first quarter.", MON_2013_03_25, "the first quarter", "DATE", "2013-Q1", None),
    ("Profit rose in the fourth quarter.", MON_2013_03_25, "the fourth quarter", "DATE", "2012-Q4", None),
    ("The report covers this summer.", dt.date(2012, 5, 2), "this summer", "DATE", "2012-SU", None),
    ("The layoffs came last fall.", MON_2013_03_25, "last fall", "DATE", "2012-FA", None),
    ("The deal closed on Christmas Eve.", MON_2013_03_25, "Christmas Eve", "DATE", "2012-12-24", None),
    # the quarter a date closes: "the quarter ended June 30", "the quarter to September", "the June quarter"
    ("Revenue for the quarter ended June 30 rose.", MON_2013_03_25, "the quarter", "DATE", "2012-Q2", None),
    ("Net profit in the quarter to September fell.", MON_2013_03_25, "the quarter", "DATE", "2012-Q3", None),
    ("Profit fell in the September quarter.", MON_2013_03_25, "the September quarter", "DATE", "2012-Q3",
     None),
    # sports count the time of a round or period: an elapsed time, not a clock time
    ("The referee stopped the fight at 2:56 of the sixth round.", MON_2013_03_25, "2:56", "DURATION",
     "PT2M56S", None),
    ("He scored with 4:12 left in the second quarter.", MON_2013_03_25, "4:12", "DURATION", "PT4M12S", None),
    ("The Dow fell 300 points in the third quarter.", MON_2013_03_25, "the third quarter", "DATE", "2012-Q3",
     None),
    # quarters as business news writes them
    ("Profit rose in Q3, the carmaker said.", MON_2013_03_25, "Q3", "DATE", "2012-Q3", None),
    ("Q4 2012 sales fell.", MON_2013_03_25, "Q4 2012", "DATE", "2012-Q4", None),
    ("First-quarter 2012 earnings beat forecasts.", MON_2013_03_25, "First-quarter 2012", "DATE", "2012-Q1",
     None),
    # what is due on a day lies ahead
    ("Investors await the jobs report due on Friday.", MON_2013_03_25, "Friday", "DATE", "2013-03-29", None),
    # durations are durations, never event dates
    ("The war lasted five years.", MON_2013_03_25, "five years", "DURATION", "P5Y", None),
    ("The strike lasted a month.", MON_2013_03_25, "a month", "DURATION", "P1M", None),
    ("The talks went on for days.", MON_2013_03_25, "days", "DURATION", "PXD", None),
    ("Prices rose over the past two months.", MON_2013_03_25, "the past two months", "DURATION", "P2M", None),
    ("He signed a two-year contract.", MON_2013_03_25, "two-year", "DURATION", "P2Y", None),
    ("Talks lasted more than four hours.", MON_2013_03_25, "more than four hours", "DURATION", "PT4H",
     "MORE_THAN"),
    # references to the present, past and future
    ("Prices are high now.", MON_2013_03_25, "now", "DATE", "PRESENT_REF", None),
    ("Prices rose recently.", MON_2013_03_25, "recently", "DATE", "PAST_REF", None),
    ("Prices may fall in the future.", MON_2013_03_25, "the future", "DATE", "FUTURE_REF", None),
    ("The paper is published daily.", MON_2013_03_25, "daily", "SET", "P1D", None),
    # modifiers with "in the": "early in the year"; "this week" is not eaten by "week after"
    ("Sales rose early in the year.", MON_2013_03_25, "early in the year", "DATE", "2013", "START"),
    ("Prices rose this week after the vote.", MON_2013_03_25, "this week", "DATE", "2013-W13", None),
    # years read out in broadcasts, with a month or a season
    ("It happened in January nineteen ninety-seven.", MON_2013_03_25, "January nineteen ninety-seven", "DATE",
     "1997-01", None),
    ("Prices fell in the winter of nineteen ninety-four.", MON_2013_03_25,
     "the winter of nineteen ninety-four", "DATE", "1994-WI", None),
    ("Jobs was born on February 24 , 1955 , in San Francisco.", MON_2013_03_25, "February 24 , 1955", "DATE",
     "1955-02-24", None),
    # present, past and future references
    ("Now officials are investigating.", MON_2013_03_25, "Now", "DATE", "PRESENT_REF", None),
    ("It is free now that the ban has ended.", MON_2013_03_25, "now", "DATE", "PRESENT_REF", None),
    ("The company blamed current market conditions.", MON_2013_03_25, "current", "DATE", "PRESENT_REF", None),
    ("Holders may buy shares at the then current market price.", MON_2013_03_25, "then current", "DATE",
     "PAST_REF", None),
    ("Losses will cut tax payments in future quarters.", MON_2013_03_25, "future quarters", "DATE",
     "FUTURE_REF", None),
    ("Islam will one day be the largest religion.", MON_2013_03_25, "one day", "DATE", "FUTURE_REF", None),
    # business news: the year-ago quarter, halves, year-earlier spans
    ("Net was $5 million in the corresponding period last year.", MON_2013_03_25,
     "the corresponding period last year", "DATE", "2011-Q4", None),
    ("Sales for last year's quarter were $3 million.", MON_2013_03_25, "last year's quarter", "DATE",
     "2011-Q4", None),
    ("Earnings for the last half of 1989 will fall.", MON_2013_03_25, "the last half of 1989", "DATE",
     "1989-H2", None),
    ("Net for the year-earlier nine months rose.", MON_2013_03_25, "the year-earlier nine months",
     "DURATION", "P9M", None),
    # a present passive is not past tense: the closing is still to come
    ("The closing is expected in December.", MON_2013_03_25, "December", "DATE", "2013-12", None),
    # holidays and holiday weeks
    ("The vote is on Election Day.", dt.date(2012, 10, 1), "Election Day", "DATE", "2012-11-06", None),
    ("Protesters prayed as Easter week began.", dt.date(2000, 4, 17), "Easter week", "DATE", "2000-W16",
     None),
    ("The shops close on Good Friday.", MON_2013_03_25, "Good Friday", "DATE", "2013-03-29", None),
    ("He appeared in court at midday.", MON_2013_03_25, "midday", "TIME", "2013-03-25T12:00", None),
    ("Today is the eighth day of the operation.", MON_2013_03_25, "the eighth day", "DATE",
     "2013-03-25", None),
    ("Crowds clash with police during second night of unrest", MON_2013_03_25, "second night", "TIME",
     "2013-03-25TNI", None),
    # a weekday with its date in parentheses is one date
    ("The minister resigned on Friday (March 22) this week.", MON_2013_03_25, "Friday (March 22) this week",
     "DATE", "2013-03-22", None),
    ("A report published this week (March 26) found fraud.", MON_2013_03_25, "this week (March 26)", "DATE",
     "2013-03-26", None),
    ("The factory caught fire yesterday (March 24).", MON_2013_03_25, "yesterday (March 24)", "DATE",
     "2013-03-24", None),
    # a sport's season is its year
    ("The Knicks fired their coach after just one season.", MON_2013_03_25, "just one season", "DURATION",
     "P1Y", None),
    ("He left Leeds after a single disappointing season.", MON_2013_03_25, "a single disappointing season",
     "DURATION", "P1Y", None),
    ("She spent three seasons at Chelsea.", MON_2013_03_25, "three seasons", "DURATION", "P3Y", None),
    # durations: "-long" adjectives, "additional", decades in years (ISO 8601 has no decade unit)
    ("They held a day-long meeting.", MON_2013_03_25, "day-long", "DURATION", "P1D", None),
    ("It is a decades-long dispute.", MON_2013_03_25, "decades-long", "DURATION", "PXY", None),
    ("The loan may be extended for an additional year.", MON_2013_03_25, "an additional year",
     "DURATION", "P1Y", None),
    ("The feud lasted for decades.", MON_2013_03_25, "decades", "DURATION", "PXY", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "reference", "text", "type_", "value", "mod"),
    TABLE,
    ids=[f"{row[2]}:{row[0][:30]}" for row in TABLE],
)
def test_expression_is_found_and_normalized(
    nlp: Any, sentence: str, reference: dt.date, text: str, type_: str, value: str, mod: str | None
) -> None:
    found = tag_text(sentence, reference, nlp)
    matching = [item for item in found if item.text == text]
    assert matching, f"{text!r} not found in {sentence!r}: {found}"
    expression = matching[0]
    assert (expression.type, expression.value, expression.mod) == (type_, value, mod)
    assert sentence[expression.start : expression.end] == text


# narrative anchoring: relative to the previous date in the text
NARRATIVE: list[tuple[str, str, str]] = [
    ("The rebels took the town on March 3, 2012. The army returned the following day.", "the following day",
     "2012-03-04"),
    ("The strike began on March 12. Two days later, talks resumed.", "Two days later", "2013-03-14"),
    ("The vote was held on June 4, 2010. The day before, crowds gathered.", "The day before", "2010-06-03"),
    ("He died on March 3, 2012. Crowds came the day after his death.", "the day after", "2012-03-04"),
    ("The dam burst on May 2, 2011. The day following the flood, the army arrived.", "The day following",
     "2011-05-03"),
    # the next day (or night, or morning) of the story, not a span
    ("Riots broke out on March 11. A second protest followed the next night.", "the next night",
     "2013-03-12TNI"),
    ("The vigil was held on March 11. The next morning, police made arrests.", "The next morning",
     "2013-03-12TMO"),
    ("The striker was sent off on March 9 and banned the next day.", "the next day", "2013-03-10"),
    ("A car bomb hit the market on March 3. Earlier that day, crowds had fled.", "Earlier that day",
     "2013-03-03"),
    # the early hours are the morning of the day the story tells, or of the day named
    ("Two men were held on March 3. They broke into the shop in the early-morning hours.",
     "the early-morning hours", "2013-03-03TMO"),
    ("Fire crews were called in the early hours of Sunday.", "the early hours of Sunday", "2013-03-24TMO"),
    # with no anchor after it, "a day before" counts from the date before it
    ("Floods hit the city on March 12. The toll from the storm a day before rose to 40.", "a day before",
     "2013-03-11"),
    # in apposition to a date, "the day before <event>" is that date
    ("Stocks fell on Oct. 12, 1989, the day before the plunge.", "the day", "1989-10-12"),
    ("The talks began on March 3, 2012. Later in the day, crowds gathered.", "Later in the day",
     "2012-03-03"),
    # a count of years runs from the last year named, not from an older full date
    ("Jobs was born on February 24, 1955. He started Apple in 1976. One year later, he left.",
     "One year later", "1977"),
    # "the same quarter" is the quarter last told of, in the year it names
    ("Sales at the retailer rose in the fiscal second quarter. They had fallen in the same quarter of 2011.",
     "the same quarter of 2011", "2011-Q2"),
    # a vague count from a date in the story: only the span is sure
    ("The firm was sold in 2010. A few days later, it announced losses.", "A few days later", "PXD"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expression_text", "value"), NARRATIVE)
def test_narrative_expressions_follow_the_previous_date(
    nlp: Any, text: str, expression_text: str, value: str
) -> None:
    found = {item.text: item for item in tag_text(text, MON_2013_03_25, nlp)}
    assert found[expression_text].value == value


FALSE_POSITIVES = [
    # a model's name is not a quarter
    "Sales of the Audi Q3 crossover rose.",
    # periods of play are not calendar quarters or halves
    "Messi scored twice in the second half.",
    "The Lakers trailed by 10 points in the third quarter.",
    "Rovers equalised early in the second half, but Reid headed the winner late on.",
    "Prices may rise, and we may see more.",
    "Thousands march through the city to protest.",
    "Theresa May said the vote would go ahead.",
    "She came second in the race.",
    "Wait a second, he said.",
    "The company sold 2010 cars and paid $1999 for each.",
    "Shares fell 1.5% to 1,990 points.",
    "The boy is a 6-year-old from Cuba.",
    "The 23-year old was charged with arson.",
    "We are the champions.",
    "Sun Microsystems and Wed Inc. merged their units.",
    # ages, fractions, living quarters, programme and film titles, idioms
    "Mr. Smith, 52 years old, will retire.",
    "He appeared on CBS's 60 Minutes program.",
    "Iraq imports about three-quarters of its food.",
    "Funds hold more than a quarter of the market.",
    "The shell landed about a quarter mile from the clinic.",
    "Troops were housed in the living quarters.",
    'Baker spoke on ABC\'s "This Week" program.',
    "The report aired on VOA Today on the radio.",
    "It was high noon for the alliance.",
    "That is important to the future of our peoples.",
    "Mr. Angelo, formerly a vice president, joined.",
    "Now, he says, the war is lost.",
    "The current account deficit widened.",
    "The river's current was strong.",
    # an age is not a decade; a decimal is not a British clock time
    "The man, in his early 30s, was taken to hospital.",
    "Shares rose 3.31 percent to 12.45 points.",
    # a headline's fall is a fall; a season ticket is not a season
    "Hiker Killed In Fall On Ben Nevis",
    "Fans bought two season tickets.",
]


@pytest.mark.parametrize("sentence", FALSE_POSITIVES)
def test_words_that_only_look_like_dates_are_not_tagged(nlp: Any, sentence: str) -> None:
    assert tag_text(sentence, MON_2013_03_25, nlp) == []


def test_the_minutes_of_a_clock_time_are_not_a_count_of_hours(nlp: Any) -> None:
    found = tag_text("The tremor struck at 09:10 hours local time.", MON_2013_03_25, nlp)
    assert [(item.text, item.type) for item in found] == [("09:10 hours local time", "TIME")]


def test_only_a_full_stamp_reads_a_full_stop_after_may(nlp: Any) -> None:
    found = tag_text("Sales in May. 3 stores closed in June.", MON_2013_03_25, nlp)
    assert [item.text for item in found] == ["May", "June"]


def test_the_night_of_a_date_leaves_the_date_alone(nlp: Any) -> None:
    found = tag_text("He was shot on the night of Oct. 23, 2012.", MON_2013_03_25, nlp)
    assert [(item.text, item.value) for item in found] == [("Oct. 23, 2012", "2012-10-23")]


def test_a_bare_year_is_never_filled_with_a_month_or_day(nlp: Any) -> None:
    (expression,) = tag_text("In 2010, the plant opened.", dt.date(2024, 11, 28), nlp)
    assert expression.value == "2010"
    assert expression.calendar_date() is not None
    assert str(expression.calendar_date()) == "2010"


def test_durations_never_give_a_calendar_date(nlp: Any) -> None:
    (expression,) = tag_text("The war lasted five years.", MON_2013_03_25, nlp)
    assert expression.calendar_date() is None


def test_expressions_are_sorted_and_offsets_index_the_doc_text(nlp: Any) -> None:
    text = "On Friday, ministers met. Two days ago, in 2012 terms, prices rose; next week they fall."
    doc = nlp(text)
    found = find_time_expressions(doc, MON_2013_03_25)
    assert [item.start for item in found] == sorted(item.start for item in found)
    assert all(doc.text[item.start : item.end] == item.text for item in found)


def test_governing_expression_prefers_the_most_precise_date() -> None:
    expressions = [
        TimeExpression(0, 4, "2012", "DATE", "2012"),
        TimeExpression(10, 16, "May 3", "DATE", "2012-05-03"),
        TimeExpression(20, 25, "years", "DURATION", "PXY"),
    ]
    chosen = governing_expression(expressions, 0, 30)
    assert chosen is not None and chosen.value == "2012-05-03"
    assert governing_expression(expressions, 18, 30) is None


@pytest.mark.parametrize(
    ("reference", "weekday", "tense", "expected"),
    [
        (MON_2013_03_25, 4, "past", dt.date(2013, 3, 22)),
        (MON_2013_03_25, 4, "future", dt.date(2013, 3, 29)),
        (MON_2013_03_25, 0, "past", MON_2013_03_25),
        (MON_2013_03_25, 0, None, MON_2013_03_25),
    ],
)
def test_weekday_near(reference: dt.date, weekday: int, tense: Any, expected: dt.date) -> None:
    assert weekday_near(reference, weekday, tense) == expected


@pytest.mark.parametrize(
    ("reference", "month", "day", "tense", "year"),
    [
        (dt.date(1989, 10, 27), 11, 17, "past", 1989),  # a deadline three weeks off, told in past tense
        (dt.date(1999, 5, 6), 10, 23, "past", 1998),
        (dt.date(1989, 10, 30), 1, None, None, 1990),  # the nearest January
        (dt.date(2013, 3, 25), 12, None, "past", 2012),
        (dt.date(2013, 11, 25), 1, 10, "future", 2014),
    ],
)
def test_year_for_month(reference: dt.date, month: int, day: int | None, tense: Any, year: int) -> None:
    assert year_for_month(reference, month, day, tense) == year


def test_calendar_helpers() -> None:
    assert shift_months(dt.date(2013, 3, 31), -1) == dt.date(2013, 2, 28)
    assert iso_week(dt.date(2013, 3, 14)) == "2013-W11"
    assert body_offset("---\ntitle: x\n---\nBody") == len("---\ntitle: x\n---\n")
    assert body_offset("No front matter") == 0


def test_each_rule_is_one_record_of_the_one_table() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert isinstance(rule, Rule)
        assert isinstance(rule.pattern, re.Pattern) and rule.pattern.flags & re.IGNORECASE
        assert callable(rule.normalize)
        assert rule.guard is None or callable(rule.guard)
    with pytest.raises(dataclasses.FrozenInstanceError):
        RULES[0].name = "renamed"  # type: ignore[misc]
    # The ambiguous words are guarded by their own rule ("May", "Sun", "2010 cars").
    assert {"month", "weekday", "year", "day_date"} <= {rule.name for rule in RULES if rule.guard}


def test_no_other_table_is_keyed_by_rule_name() -> None:
    names = {rule.name for rule in RULES}
    for module in (rules, tagger):
        for table in vars(module).values():
            if isinstance(table, dict | set | frozenset) and len(table) > 1:
                assert not set(table) <= names


def test_a_candidate_s_priority_is_its_rule_s_place_in_the_table() -> None:
    candidates = _propose("On Friday, March 5, 2013, three days later, the company said so daily.")
    assert {candidate.rule.name for candidate in candidates} >= {"day_date", "weekday", "offset", "set"}
    assert all(RULES[candidate.priority] is candidate.rule for candidate in candidates)


@pytest.mark.skipif(not SEED.is_file(), reason="no ../shared/data/seed")
def test_the_seed_article_has_no_dates_in_its_text(nlp: Any) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert tag_text(text, dt.date(2025, 7, 12), nlp) == []


def test_cli_offsets_are_into_the_whole_file(tmp_path: Path) -> None:
    article = tmp_path / "talks.md"
    body = "Talks resume.\n\nThe ministers met on Friday and will meet again next week.\n"
    article.write_text(f"---\ntitle: Talks resume\ndate: 2013-03-25\n---\n{body}", encoding="utf-8")
    result = CliRunner().invoke(main, ["dates", str(article)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    text = article.read_text(encoding="utf-8")
    assert [(row["text"], row["value"]) for row in rows] == [
        ("Friday", "2013-03-22"),
        ("next week", "2013-W14"),
    ]
    assert all(text[row["start"] : row["end"]] == row["text"] for row in rows)
    assert list(rows[0]) == ["start", "end", "text", "type", "value", "mod"]


def test_cli_pretty_and_ref_on_plain_text(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Crowds gathered yesterday.\r\nThe vote is on Friday.\r\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["dates", str(story), "--ref", "2013-03-25", "--pretty"])
    assert result.exit_code == 0, result.output
    assert "reference 2013-03-25 (--ref)" in result.output
    assert "2013-03-24" in result.output and "[yesterday]" in result.output
    raw = CliRunner().invoke(main, ["dates", str(story), "--ref", "2013-03-25"])
    rows = [json.loads(line) for line in raw.output.splitlines()]
    with open(story, encoding="utf-8", newline="") as handle:
        text = handle.read()
    assert all(text[row["start"] : row["end"]] == row["text"] for row in rows)


def test_cli_without_a_date_says_how_to_give_one(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("---\ntitle: No date\n---\nIt rained on Friday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["dates", str(story)])
    assert result.exit_code == 1
    assert "--ref" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The senator crashed his car into a bus on June 8 and then lied to the police.", "2012-06-08"),
        ("The striker was injured on May 20 in a league match.", "2012-05-20"),
        ("The final will be played on May 20 in Madrid.", "2013-05-20"),
        ("The vote was postponed on Monday and is set for June 8.", "2013-06-08"),
    ],
)
def test_a_day_after_the_story_on_which_something_was_done_is_last_years(
    nlp: Any, sentence: str, value: str
) -> None:
    found = [item for item in tag_text(sentence, dt.date(2013, 5, 3), nlp) if item.text[-1].isdigit()]
    assert [item.value for item in found] == [value]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        (
            "The officer was killed June 24, 2005 outside a bar while investigating a June 20 shooting.",
            ["2005-06-24", "2005-06-20"],
        ),
        (
            "The plant opened on March 3, 2009 and the first car left it on May 2.",
            ["2009-03-03", "2009-05-02"],
        ),
        (
            "Shares fell on Jan. 5, 2007 and the bank said it would cut rates on March 28.",
            ["2007-01-05", "2007-03-28"],
        ),
    ],
)
def test_a_day_without_a_year_after_a_full_date_takes_its_year(
    nlp: Any, sentence: str, values: list[str]
) -> None:
    assert [item.value for item in tag_text(sentence, dt.date(2007, 3, 20), nlp)] == values
