"""Exports written beside the site: TimelineJS3 JSON, CSV, iCalendar and Atom feeds.

Pure functions from prepared site data to file contents, like the renderer. Links point at the
site's pages (generator.site.links): absolute when the site URL is known, else relative to the
export file itself, so the files work on a site served from a sub-path (`https://user.github.io/repo/`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
from collections.abc import Iterable
from xml.sax.saxutils import escape

from generator.model import Event
from generator.site.data import (
    SiteData,
    event_anchor,
    format_date,
    last_day,
    most_frequent_actors,
    newest_first,
    oldest_first,
    places_by_name,
)
from generator.site.links import Links
from generator.site.pages import escape_attribute

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
_ID_NAMESPACE = uuid.UUID("6f1c1d4e-8a52-4c35-9a0e-3b8f6f0f2f61")
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPREADSHEET_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def export_files(data: SiteData, links: Links | None = None) -> dict[str, str]:
    """Every export: {path relative to the site root: text}."""
    links = (links or Links()).for_data(data)
    files = {
        "events.json": timelinejs_json(data, links),
        "events.csv": events_csv(data, links),
        "events.ics": events_ics(data, links),
        "feed.xml": atom_feed(data, data.events, "News Timeline: newest events", "feed.xml", links),
        "timeline/index.json": timeline_index(data, links),
    }
    by_actor: dict[str, list[Event]] = {name: [] for name in data.actor_slugs}
    for event in data.events:
        for name in event.actors:
            by_actor[name].append(event)
    for name, slug in data.actor_slugs.items():
        events = by_actor[name]
        files[f"feeds/{slug}.xml"] = atom_feed(
            data, events, f"News Timeline: {name}", f"feeds/{slug}.xml", links
        )
    return files


# -- the filters' index ---------------------------------------------------------------------------


def timeline_index(data: SiteData, links: Links) -> str:
    """timeline/index.json, what the timeline's filters (timeline.js) work on, newest first.

    Each entry: its anchor, first and last day, actors and places (numbers into the `actors` and
    `places` tables of [name, slug]), the page it is on (a number into `pages`, URLs relative to
    this file, and `labels`) and its title. Plain JSON: the browser writes it as text, never HTML.
    """
    actors = most_frequent_actors(data)
    actor_number = {name: number for number, name in enumerate(actors)}
    places = places_by_name(data)
    place_number = {name: number for number, (name, _) in enumerate(places)}
    paths = [f"timeline/{period.key}.md" for period in data.periods] or ["timeline/index.md"]
    page_number = {path: number for number, path in enumerate(paths)}
    entries = []
    for event in newest_first(data.events):
        anchor = event_anchor(event.id)
        entries.append(
            [
                anchor,
                event.date.first_day().isoformat(),
                last_day(event.date),
                [actor_number[name] for name in event.actors],
                [place_number[place] for place in event.places if place in place_number],
                page_number[data.timeline_pages.get(anchor, "timeline/index.md")],
                event.title,
            ]
        )
    index = {
        "version": 1,
        "actors": [[name, data.actor_slugs[name]] for name in actors],
        "places": [[name, slug] for name, slug in places],
        "pages": [links.relative("timeline/index.json", path) for path in paths],
        "labels": [period.label for period in data.periods] or ["Timeline"],
        "events": entries,
    }
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


# -- TimelineJS3 ----------------------------------------------------------------------------------


def timelinejs_json(data: SiteData, links: Links) -> str:
    """The events in TimelineJS3's JSON format; headline and text are HTML there, so they are escaped."""
    document = {
        "title": {
            "text": {
                "headline": "News Timeline",
                "text": f"<p>{len(data.events)} events from {len(data.articles)} articles.</p>",
            }
        },
        "events": [_timelinejs_event(data, event, links) for event in oldest_first(data.events)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _timelinejs_event(data: SiteData, event: Event, links: Links) -> dict[str, object]:
    date = event.date
    start: dict[str, object] = {"year": date.year, "display_date": format_date(date)}
    if date.precision != "year":
        start["month"] = date.month
    if date.precision == "day":
        start["day"] = int(date.iso[8:10])
    actors = ", ".join(escape_attribute(name) for name in event.actors)
    source = (
        f'<a href="{escape_attribute(links.sentence(event))}">{escape_attribute(_outlet(data, event))}</a>'
    )
    text = f"<blockquote>{escape_attribute(event.quote)}</blockquote>" + (
        f"<p>{actors}</p>" if actors else ""
    )
    text += f"<p>{source}</p>"
    return {
        "start_date": start,
        "text": {"headline": escape_attribute(event.title), "text": text},
        "group": escape_attribute(event.actors[0]) if event.actors else "",
        "unique_id": event_anchor(event.id),
    }


def _outlet(data: SiteData, event: Event) -> str:
    article = data.articles.get(event.article)
    return (article.source or article.title) if article else event.article


# -- CSV ------------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id",
    "date",
    "precision",
    "date_source",
    "title",
    "actors",
    "places",
    "quote",
    "article",
    "outlet",
    "published",
    "sentence",
    "confidence",
    "url",
)


def events_csv(data: SiteData, links: Links) -> str:
    """One row per event, oldest first; lists joined with '; '; cells that a spreadsheet would
    run as a formula are prefixed with an apostrophe."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in oldest_first(data.events):
        article = data.articles.get(event.article)
        row = [
            event.id,
            event.date.iso,
            event.date.precision,
            event.date_source,
            event.title,
            "; ".join(event.actors),
            "; ".join(event.places),
            event.quote,
            event.article,
            _outlet(data, event),
            article.published.isoformat() if article else "",
            str(event.sentence),
            f"{event.confidence:g}",
            links.event(event),
        ]
        writer.writerow([_cell(value) for value in row])
    return stream.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_SPREADSHEET_FORMULA) else value


# -- iCalendar ------------------------------------------------------------------------------------


def events_ics(data: SiteData, links: Links) -> str:
    """An iCalendar file of all-day events spanning each event's date at its precision."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//news-timeline//timeline export//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:News Timeline",
    ]
    for event in oldest_first(data.events):
        lines += _ics_event(data, event, links)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _ics_event(data: SiteData, event: Event, links: Links) -> list[str]:
    start = event.date.first_day()
    end = dt.date.fromisoformat(last_day(event.date)) + dt.timedelta(days=1)
    article = data.articles.get(event.article)
    stamp = (article.published if article else start).strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_ics_text(event.id)}@news-timeline",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{_ics_text(event.title)}",
        f"DESCRIPTION:{_ics_text(event.quote + chr(10) + '— ' + _outlet(data, event))}",
    ]
    if event.places:
        lines.append(f"LOCATION:{_ics_text(', '.join(event.places))}")
    if event.actors:
        lines.append(f"CATEGORIES:{','.join(_ics_text(name) for name in event.actors)}")
    if links.site_url:
        lines.append(f"URL:{links.event(event)}")
    return [*lines, "END:VEVENT"]


def _ics_text(text: str) -> str:
    text = _XML_INVALID.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 line folding: at most 75 octets a line, never splitting a UTF-8 character."""
    if len(line) <= 75 and (line.isascii() or len(line.encode("utf-8")) <= 75):
        return line
    octets = line.encode("utf-8")
    parts: list[str] = []
    start, limit = 0, 75
    while len(octets) - start > limit:
        end = start + limit
        while octets[end] & 0xC0 == 0x80:  # a continuation byte: the cut goes before its character
            end -= 1
        parts.append(octets[start:end].decode("utf-8"))
        start, limit = end, 74
    parts.append(octets[start:].decode("utf-8"))
    return "\r\n ".join(parts)


# -- Atom -----------------------------------------------------------------------------------------


_FEEDS: dict[str, tuple[tuple[object, ...], str]] = {}  # path -> (what the feed shows, its text)


def atom_feed(data: SiteData, events: Iterable[Event], title: str, path: str, links: Links) -> str:
    """An Atom feed of the newest events (by event date), at most FEED_SIZE of them.

    Kept by what it shows: under `mkdocs serve` an edit writes again only the feeds of the
    actors whose events changed (building the XML costs most of the exports)."""
    depth = path.count("/")
    newest = newest_first(events)[:FEED_SIZE]
    shown = (
        title,
        links.site_url,
        links.directory_urls,
        *((e, data.articles.get(e.article), links.event(e, depth)) for e in newest),
    )
    cached = _FEEDS.get(path)
    if cached is not None and cached[0] == shown:
        return cached[1]
    text = _atom_feed(data, newest, title, path, links)
    _FEEDS[path] = (shown, text)
    return text


def _atom_feed(data: SiteData, newest: list[Event], title: str, path: str, links: Links) -> str:
    # Written as ElementTree writes the same elements indented (ET.indent, then ET.tostring with
    # an XML declaration), without building them: at 10,000 articles there are 11,000 feeds.
    depth = path.count("/")
    own = links.site_url.rstrip("/") + "/" + path if links.site_url else path.rsplit("/", 1)[-1]
    updated = max((_updated(data, event) for event in newest), default="1970-01-01T00:00:00Z")
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        f'<feed xmlns="{ATOM}">',
        _element(1, "title", title),
        _element(1, "id", _urn(f"feed:{path}")),
        _element(1, "updated", updated),
        _element(1, "link", href=links.page("timeline/index.md", depth=depth)),
        _element(1, "link", rel="self", href=own),
        "  <author>",
        _element(2, "name", "News Timeline"),
        "  </author>",
        _element(1, "generator", "news-timeline"),
        *(_atom_entry(data, event, links, depth) for event in newest),
        "</feed>",
    ]
    return "\n".join(lines) + "\n"


def _atom_entry(data: SiteData, event: Event, links: Links, depth: int) -> str:
    content = (
        f"<blockquote>{escape_attribute(event.quote)}</blockquote>"
        f'<p>— <a href="{escape_attribute(links.sentence(event, depth))}">'
        f"{escape_attribute(_outlet(data, event))}</a></p>"
    )
    return "\n".join(
        [
            "  <entry>",
            _element(2, "title", f"{format_date(event.date)}: {event.title}"),
            _element(2, "id", _urn(f"event:{event.id}")),
            _element(2, "updated", _updated(data, event)),
            _element(2, "link", href=links.event(event, depth)),
            *(_element(2, "category", term=name) for name in event.actors),
            _element(2, "content", content, type="html"),
            "  </entry>",
        ]
    )


_ATTRIBUTE_ESCAPES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def _element(level: int, tag: str, text: str = "", **attributes: str) -> str:
    """One line of an indented feed: an element without children, escaped as ElementTree does."""
    pairs = "".join(
        f' {key}="{escape(_xml(value), _ATTRIBUTE_ESCAPES)}"' for key, value in attributes.items()
    )
    text = _xml(text)
    body = f">{escape(text)}</{tag}>" if text else " />"
    return f"{'  ' * level}<{tag}{pairs}{body}"


def _xml(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _urn(name: str) -> str:
    return uuid.uuid5(_ID_NAMESPACE, name).urn


def _updated(data: SiteData, event: Event) -> str:
    article = data.articles.get(event.article)
    day = article.published if article else event.date.first_day()
    return f"{day.isoformat()}T00:00:00Z"
