"""DateValue keeps a date's honest precision."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import DateValue, TimeExpression


@pytest.mark.parametrize(
    ("iso", "precision"), [("2025", "year"), ("2025-07", "month"), ("2025-07-12", "day")]
)
def test_precision_follows_the_text(iso: str, precision: str) -> None:
    assert DateValue(iso).precision == precision


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13", "25-07-12", "July 2025", "", "2025-7-1"])
def test_invalid_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        DateValue(bad)


def test_truncation_and_first_day() -> None:
    day = dt.date(2025, 7, 12)
    assert DateValue.of(day, "month").iso == "2025-07"
    assert DateValue("2025-07").first_day() == dt.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("2013-03-22", "DATE", "2013-03-22"),
        ("2012-08", "DATE", "2012-08"),
        ("2010", "DATE", "2010"),
        ("2012-08-03T20:00", "TIME", "2012-08-03"),
        ("P5Y", "DURATION", None),
        ("PRESENT_REF", "DATE", None),
        ("2013-W11", "DATE", "2013-03"),  # March 11-17: a week within one month is that month
        ("2013-W09", "DATE", "2013"),  # February 25 - March 3: only the year is sure
        ("2012-SU", "DATE", "2012"),
    ],
)
def test_calendar_date_of_an_expression(value: str, kind: str, expected: str | None) -> None:
    expression = TimeExpression(0, 1, "x", kind, value)  # type: ignore[arg-type]
    date = expression.calendar_date()
    assert (date.iso if date else None) == expected
