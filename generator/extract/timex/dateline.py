"""The story's own date: a dateline under the headline, which wins over the metadata date.

News pages print the day of the story under the headline or at the start of its first paragraph:
"March 3, 2011", "Thursday, March 3, 2011", "3 March 2011", "WASHINGTON, March 3 (Reuters) -",
"Posted 3/3/2011 9:15 PM", "Published: November 12, 2008". A dateline without a year takes the year
that puts it nearest the publication date. "Updated ..." lines are a later day: they are taken only
when nothing else is printed. No NLP: `timeline check` reads datelines too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.model import Article

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_LABEL = (
    r"(?:(?P<label>posted|published|updated|last\s+updated|first\s+published|date|on|by\s+[^|]{2,60}?)"
    r"\s*(?:on|at)?\s*[:|-]?\s*)?"
)
# A time stamp may print the clock first: "10:55 P.M. FEB. 2, 2009", "Published: 08:15 EST, 3 March 2011"
_CLOCK = (
    r"(?:(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*[ap]\.?\s?m\.?|(?:[01]?\d|2[0-3])[:.][0-5]\d)"
    r"(?:\s+(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|AEST|AEDT|IST|JST))?"
    r"\s*[,|-]?\s*)?"
)
# A place before the date: "WASHINGTON,", "SPRINGFIELD, Ill.,", "Washington D. C.,"; its words are
# capitalised even where the rest is read ignoring case ("Watergate figure Fred LaRue, July 24" is a headline)
_PLACE = r"(?-i:(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s*(?:[A-Z][a-z]{1,4}\.,\s*)?)?)"
_WRITTEN = re.compile(
    rf"^\s*{_LABEL}{_CLOCK}{_PLACE}{_WEEKDAY}(?:{_MONTH}\s+{_DAY}(?:\s*[,-]?\s*{_YEAR})?"
    rf"|(?P<day2>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>[a-z]{{3,9}})\.?,?\s+(?P<year2>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"^\s*{_LABEL}{_CLOCK}{_WEEKDAY}(?:(?P<m>\d{{1,2}})\s*[/.]\s*(?P<d>\d{{1,2}})\s*[/.]\s*(?P<y>(?:19|20)?\d\d)"
    r"|(?P<iy>(?:19|20)\d\d)\s*-\s*(?P<im>\d\d)\s*-\s*(?P<id>\d\d))\b",
    re.IGNORECASE,
)
# What may follow the date on a dateline line: a time, its zone, an update ("| Updated 9:15 PM PDT")
_STAMP_WORDS = frozenset("updated last posted published modified edited hrs local time".split())
_BYLINE_AFTER = re.compile(r"^\s*[|,–-]?\s*by\s+[\w .,'’-]{2,60}$", re.IGNORECASE)  # "... by Jane Doe"
MAX_LINE = 120  # a dateline line is short; a body sentence opening with a place and date may be long
LEAD_LINES = 4


@dataclass(frozen=True, slots=True)
class Dateline:
    """A date printed in the lead: the day, the line it is on (0 = headline) and its text."""

    day: dt.date
    line: int
    text: str
    updated: bool = False


def find_dateline(lines: Sequence[str], published: dt.date | None = None) -> Dateline | None:
    """The story's dateline among the first lines of an article (headline first), or None."""
    updated: Dateline | None = None
    for number, line in enumerate(lines[:LEAD_LINES]):
        found = read_dateline(line, published)
        if found is None:
            continue
        found = replace(found, line=number)
        if not found.updated:
            return found
        updated = updated or found
    return updated


def read_dateline(line: str, published: dt.date | None = None) -> Dateline | None:
    """The date a dateline line prints ("May 3, 2013", "LONDON, May 3 (Reuters) -"), else None."""
    text = " ".join(line.split())
    match = _NUMERIC.match(text)
    day = _numeric_day(match, published) if match else None
    if day is None:
        match = _WRITTEN.match(text)
        day = _written_day(match, published) if match else None
    if day is None or match is None:
        return None
    rest = _BYLINE_AFTER.sub("", text[match.end() :])
    is_line = len(text) <= MAX_LINE and not any(
        word.lower() not in _STAMP_WORDS and not word.isupper() for word in re.findall(r"[A-Za-z]{4,}", rest)
    )
    # a body sentence may open with "PLACE, Month Day (Agency) -": the dash (or agency) says so
    opens_story = re.match(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[-–—]|/[^/]{1,40}/)", rest) is not None
    if not is_line and not opens_story:
        return None
    label = (match.group("label") or "").lower()
    return Dateline(day, 0, text[: match.end()], updated="updated" in label)


def _numeric_day(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if match.group("iy"):
        return _date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
    first, second, year = int(match.group("m")), int(match.group("d")), int(match.group("y"))
    year += 2000 if year < 100 else 0
    month_first, day_first = _date(year, first, second), _date(year, second, first)
    if month_first is None or day_first is None or published is None:
        return month_first or day_first  # 25/12/2011: only the day can come first
    # "11/09/2010" on a story of 11 September 2010: outside the US the day comes first (the
    # tagger's rule for numeric dates in the text)
    if abs((month_first - published).days) > 31 and abs((day_first - published).days) <= 3:
        return day_first
    return month_first


def _written_day(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if match.group("month2"):
        month = MONTHS.get(match.group("month2").lower()[:3])
        if month is None or not match.group("month2").lower().startswith(_month_prefix(month)):
            return None
        return _date(int(match.group("year2")), month, int(match.group("day2")))
    month = MONTHS[match.group("month").lower()[:3]]
    day = int(match.group("day"))
    if match.group("year"):
        return _date(int(match.group("year")), month, day)
    if published is None:
        return None
    candidates = [
        _date(year, month, day) for year in (published.year - 1, published.year, published.year + 1)
    ]
    return min((c for c in candidates if c), key=lambda c: abs((c - published).days), default=None)


def _month_prefix(month: int) -> str:
    return next(name for name, number in MONTHS.items() if number == month)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def article_dateline(article: Article) -> Dateline | None:
    """The dateline of `article`: its title, then the first lines of its text."""
    lines = [line for line in article.text.splitlines() if line.strip()]
    if lines and " ".join(lines[0].split()) != " ".join(article.title.split()):
        lines = [article.title, *lines]
    return find_dateline(lines, article.published)


def story_date(article: Article) -> dt.date:
    """The day relative dates are read against: the dateline's when it disagrees with the metadata.

    An "Updated ..." line alone does not count: the story was written before it.
    """
    found = article_dateline(article)
    return article.published if found is None or found.updated else found.day


def with_story_date(article: Article) -> Article:
    """`article`, published on its story date (the dateline's, when it prints one)."""
    day = story_date(article)
    return article if day == article.published else replace(article, published=day)


def dateline_disagreement(article: Article) -> str | None:
    """A message when the article's dateline prints another day than its `date`, else None."""
    found = article_dateline(article)
    if found is None or found.updated or found.day == article.published:
        return None
    return (
        f"the dateline {found.text!r} says {found.day.isoformat()}, the front matter date is "
        f"{article.published.isoformat()}; relative dates are read against the dateline"
    )
