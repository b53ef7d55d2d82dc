"""A web page's publication date, from the signals publishers leave, and where it came from.

The signals, strongest first: schema.org JSON-LD (`datePublished`), meta tags
(`article:published_time` and kin, `itemprop="datePublished"`), the date in the URL, a dateline
at the top of the text ("WASHINGTON, March 3 (Reuters) -"), a "Published ..." line on the page.
Dates the page gives as updated or modified are collected too, but only ever to be refused: an
update is never taken for the publication. `decide` weighs the signals against each other.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field
from typing import Literal

DateFrom = Literal["json-ld", "meta", "url", "dateline", "text", "feed", "given"]
DATE_FROM: tuple[str, ...] = ("json-ld", "meta", "url", "dateline", "text", "feed", "given")

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_ORDINAL = r"(?:st|nd|rd|th)?"
# "March 3", "March 3, 2024", "Mar. 3 2024", "3 March", "3rd of March 2024", "12 February 2024"
_WRITTEN = re.compile(
    rf"\b(?:(?P<m1>{MONTH})\s+(?P<d1>{_DAY}){_ORDINAL}\b(?:,?\s+(?P<y1>{_YEAR})\b)?"
    rf"|(?P<d2>{_DAY}){_ORDINAL}\s+(?:of\s+)?(?P<m2>{MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?)",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"^\s*(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):?(?P<min>\d{2})(?::?\d{2}(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?"
)
_SLASHED = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b")
# Dates in a URL's path: /2024/03/05/, /2023/nov/14/, -2024-03-03/, /20240311/; a month alone: /2023/10/
_URL_DAY = re.compile(
    rf"(?<![\d])(?P<y>{_YEAR})[/_-](?P<m>0?[1-9]|1[0-2]|{MONTH})[/_-](?P<d>{_DAY})(?![\d])", re.IGNORECASE
)
_URL_COMPACT = re.compile(
    rf"(?:^|[/_-])(?P<y>{_YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
_URL_MONTH = re.compile(rf"/(?P<y>{_YEAR})/(?P<m>0?[1-9]|1[0-2]|{MONTH})(?=/|$)", re.IGNORECASE)
# A dateline: an optional place ("WASHINGTON,", "SPRINGFIELD, Ill.,"), a date, an optional agency
# ("(Reuters)", "/PRNewswire/"), then a dash or colon before the text.
_PLACE_WORD = r"(?:[A-Z][\w.'’-]*|de|la|le|del|da|do|dos|es|el|al|am|an|upon|of|on)"
_PLACE = (
    rf"(?:[A-Z][\w.'’-]*(?:\s+{_PLACE_WORD}){{0,4}}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})?,?\s+)?"
)
_DATELINE = re.compile(
    rf"^\s*{_PLACE}(?P<date>(?:{MONTH}\s+{_DAY}{_ORDINAL}|{_DAY}{_ORDINAL}\s+{MONTH})(?:,?\s+{_YEAR})?)"
    rf"\s*(?:\([^()\n]{{1,40}}\)|/[^/\n]{{1,40}}/)?\s*(?:[-–—]{{1,2}}|:)\s*\S"
)
_PUBLISHED_LABEL = re.compile(
    r"\b(?:first published|published|posted|publication date|date published|released)\b"
    r"(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)
_MODIFIED_LABEL = re.compile(
    r"\b(?:last updated|updated|last modified|modified|last edited|edited|revised)\b(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)

WEIGHTS = {"json-ld": 3.0, "meta": 3.0, "url": 2.5, "dateline": 2.5, "text": 1.0}
_EARLIEST = dt.date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class Stamp:
    """One date a page states: the day as written there, and the hour when written in UTC."""

    day: dt.date
    utc_hour: int | None = None  # only for a UTC timestamp: the evening before in the Americas


@dataclass(frozen=True, slots=True)
class PageDate:
    """The publication date decided on, and the signal it came from (`date_from`)."""

    day: dt.date
    source: DateFrom


@dataclass(slots=True)
class Signals:
    """Every date a page states, by kind of signal; `modified` holds the ones never to take."""

    json_ld: list[Stamp] = field(default_factory=list)
    meta: list[Stamp] = field(default_factory=list)
    url: list[dt.date] = field(default_factory=list)
    url_month: tuple[int, int] | None = None
    dateline: tuple[int | None, int, int] | None = None
    text: list[Stamp] = field(default_factory=list)
    modified: list[dt.date] = field(default_factory=list)
    fallback: dt.date | None = None  # htmldate's guess, used only when nothing else is found


def parse_stamp(value: object) -> Stamp | None:
    """A date as publishers write it in markup: ISO 8601, compact, RFC 2822, or English words."""
    text = str(value or "").strip()
    if not text:
        return None
    match = _ISO.match(text) or _SLASHED.match(text)
    if match:
        day = _date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day is None:
            return None
        zone = match.groupdict().get("tz")
        utc = zone is not None and (zone in ("Z", "UTC", "GMT") or re.fullmatch(r"[+-]00(?::?00)?", zone))
        hour = match.groupdict().get("h")
        return Stamp(day, int(hour) if utc and hour else None)
    if re.match(r"^[A-Za-z]{3},\s", text):  # RFC 2822, as in feeds and some meta tags
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            parsed = None
        if parsed is not None:
            utc = parsed.utcoffset() in (None, dt.timedelta(0))
            return Stamp(parsed.date(), parsed.hour if utc else None)
    written = find_written_date(text[:40])
    if written is not None and written[0] is not None:
        day = _date(written[0], written[1], written[2])
        return Stamp(day) if day else None
    return None


def find_written_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first date written in words in `text`."""
    match = _WRITTEN.search(text)
    if not match:
        return None
    month = _month(match["m1"] or match["m2"])
    day = int(match["d1"] or match["d2"])
    year = match["y1"] or match["y2"]
    if month is None or _date(int(year) if year else 2000, month, day) is None:
        return None
    return (int(year) if year else None, month, day)


def url_dates(url: str | None) -> tuple[list[dt.date], tuple[int, int] | None]:
    """The days in a URL's path, and a year and month when that is all it has."""
    if not url:
        return [], None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=re.IGNORECASE).split("?")[0].split("#")[0]
    days: list[dt.date] = []
    for pattern in (_URL_DAY, _URL_COMPACT):
        for match in pattern.finditer(path):
            month = _month(match["m"])
            day = _date(int(match["y"]), month, int(match["d"])) if month else None
            if day is not None and day not in days:
                days.append(day)
    month_match = _URL_MONTH.search(path)
    month = _month(month_match["m"]) if month_match else None
    return days, (int(month_match["y"]), month) if month_match and month else None


def find_dateline(text: str) -> tuple[int | None, int, int] | None:
    """The date of a dateline opening `text` ("GENEVA, Oct 7 (Reuters) -"), the year when given."""
    match = _DATELINE.match(text[:200])
    return find_written_date(match["date"]) if match else None


def labelled_dates(text: str) -> tuple[list[Stamp], list[dt.date]]:
    """Dates the page labels in words: "Published May 2, 2024" and "Updated May 6, 2024"."""
    published: list[Stamp] = []
    modified: list[dt.date] = []
    labels = sorted(
        [(match.end(), True) for match in _PUBLISHED_LABEL.finditer(text)]
        + [(match.end(), False) for match in _MODIFIED_LABEL.finditer(text)]
    )
    for index, (end, is_published) in enumerate(labels):
        stop = min(end + 45, labels[index + 1][0] if index + 1 < len(labels) else len(text))
        window = text[end:stop]
        found = _first_full_date(window)
        if found is None:
            continue
        if is_published:
            published.append(Stamp(found))
        else:
            modified.append(found)
    return published, modified


def _first_full_date(window: str) -> dt.date | None:
    written = find_written_date(window)
    if written is not None and written[0] is not None:
        return _date(written[0], written[1], written[2])
    iso = re.search(r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b", window)
    stamp = parse_stamp(iso.group()) if iso else None
    return stamp.day if stamp else None


def decide(signals: Signals, today: dt.date) -> PageDate | None:
    """The publication date the signals agree on best, or None when the page gives none.

    Each signal votes for its day with its weight (JSON-LD and meta tags most, then the URL and
    the dateline, then labelled text); ties go to the stronger signal. A UTC timestamp in the
    first hours of the UTC day is taken for the evening before when the URL or the dateline says
    so (a Los Angeles story stamped 02:30Z). A dateline without a year takes it from the other
    dates. Modified dates never vote, and a weak signal equal to one is dropped.
    """
    latest = today + dt.timedelta(days=1)
    modified = set(signals.modified)
    candidates: list[tuple[DateFrom, dt.date, int | None]] = []
    candidates += [("json-ld", stamp.day, stamp.utc_hour) for stamp in signals.json_ld]
    candidates += [("meta", stamp.day, stamp.utc_hour) for stamp in signals.meta]
    candidates += [("url", day, None) for day in signals.url]
    dateline = _dateline_day(signals, [day for _, day, _ in candidates])
    if dateline is not None:
        candidates.append(("dateline", dateline, None))
    candidates += [("text", stamp.day, stamp.utc_hour) for stamp in signals.text if stamp.day not in modified]
    if not candidates and signals.fallback is not None and signals.fallback not in modified:
        candidates.append(("text", signals.fallback, None))
    candidates = [item for item in candidates if _EARLIEST <= item[1] <= latest]
    if not candidates:
        return None
    # what says which day it was where the story happened: the URL, the dateline, a local timestamp
    explicit = {
        day for source, day, utc_hour in candidates if source in ("url", "dateline") or utc_hour is None
    }
    votes: list[tuple[DateFrom, dt.date, bool]] = []
    for source, day, utc_hour in candidates:
        before = day - dt.timedelta(days=1)
        if utc_hour is not None and utc_hour < 12 and before in explicit and day not in explicit:
            votes.append((source, before, True))
        else:
            votes.append((source, day, False))
    order = list(WEIGHTS)
    scores: dict[dt.date, float] = {}
    for source, day, _ in votes:
        scores[day] = scores.get(day, 0.0) + WEIGHTS[source]

    def rank(day: dt.date) -> tuple[float, int]:
        strongest = min(order.index(source) for source, voted, _ in votes if voted == day)
        return scores[day], -strongest

    best = max(scores, key=rank)
    own = [source for source, day, moved in votes if day == best and not moved]
    moved = [source for source, day, was_moved in votes if day == best and was_moved]
    return PageDate(best, min(own or moved, key=order.index))


def _dateline_day(signals: Signals, others: list[dt.date]) -> dt.date | None:
    if signals.dateline is None:
        return None
    year, month, day = signals.dateline
    if year is not None:
        return _date(year, month, day)
    # "GENEVA, Oct 7 (Reuters)": the year of the nearest date the page gives, published or not
    references = others or sorted(signals.modified)
    if references:
        reference = references[0]
        same_year = _date(reference.year, month, day)
        if same_year is not None and same_year <= reference + dt.timedelta(days=1):
            return same_year
        return _date(reference.year - 1, month, day)
    if signals.url_month is not None:
        url_year, url_month = signals.url_month
        return _date(url_year if month <= url_month else url_year - 1, month, day)
    return None


def _month(name: str | None) -> int | None:
    if not name:
        return None
    if name.isdigit():
        number = int(name)
        return number if 1 <= number <= 12 else None
    return _MONTHS.get(name.strip(".").lower()[:3])


def _date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
