"""Calendar arithmetic: months and quarters shifted, ISO weeks, the year of a yearless date, holidays."""

from __future__ import annotations

import datetime as dt

from generator.extract.timex.vocabulary import HOLIDAYS, Tense

# A date named without its year is its nearest occurrence when it is this close, whatever the tense.
PAST_TOLERANCE_DAYS = 60
FUTURE_TOLERANCE_DAYS = 30
UNMARKED_AHEAD_DAYS = 92


def shift_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` calendar months (day clamped to the month's length)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def iso_week(day: dt.date) -> str:
    """The ISO week of `day` as a TIMEX3 value: 2013-W11."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    """The calendar quarter (1-4) of `day`."""
    return (day.month - 1) // 3 + 1


def weekday_near(reference: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The `weekday` on or before `reference` for past tense, on or after it for the future."""
    if tense == "future":
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)


def year_for_month(reference: dt.date, month: int, day: int | None, tense: Tense | None) -> int:
    """The year of a month (and day) named without one, from the tense of its verb; a date a few weeks
    ahead stays in this year even in past tense (deadlines are told that way too)."""
    this_year = dt.date(reference.year, month, min(day or 15, 28))
    if tense == "past" and this_year > reference + dt.timedelta(days=PAST_TOLERANCE_DAYS):
        return reference.year - 1
    if tense == "future" and this_year < reference - dt.timedelta(days=FUTURE_TOLERANCE_DAYS):
        return reference.year + 1
    if tense in ("past", "future"):
        return reference.year
    # No tense: news reports the past, so a date well ahead is last year's; one well behind, next year's.
    if this_year > reference + dt.timedelta(days=UNMARKED_AHEAD_DAYS):
        return reference.year - 1
    if this_year < reference - dt.timedelta(days=365 - UNMARKED_AHEAD_DAYS):
        return reference.year + 1
    return reference.year


def easter(year: int) -> dt.date:
    """Easter Sunday of `year` (Western churches)."""
    from dateutil import easter as western

    return western.easter(year)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` `weekday` (0 = Monday) of the month; `nth` -1 is the last one."""
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    if nth > 0:
        return day + dt.timedelta(weeks=nth - 1)
    last = shift_months(first, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> dt.date:
    """The date of the holiday `name` (a key of HOLIDAYS) in `year`."""
    when = HOLIDAYS[name]
    if isinstance(when, tuple):
        return dt.date(year, *when)
    return {
        "thanksgiving": lambda: nth_weekday(year, 11, 3, 4),
        "easter": lambda: easter(year),
        "labor": lambda: nth_weekday(year, 9, 0, 1),
        "memorial": lambda: nth_weekday(year, 5, 0, -1),
        # U.S. Election Day: the Tuesday after the first Monday of November.
        "election": lambda: nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1),
        "good_friday": lambda: easter(year) - dt.timedelta(days=2),
    }[when]()


def shift_quarter(year: int, number: int, delta: int) -> tuple[int, int]:
    """The (year, quarter) `delta` quarters from quarter `number` of `year`."""
    total = year * 4 + number - 1 + delta
    return total // 4, total % 4 + 1
