"""Exports: TimelineJS3 JSON, CSV, iCalendar and Atom, as pure functions of the site data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

from site_helpers import make_event

from generator.model import Actor, Article, Event
from generator.registry import ActorRegistry
from generator.site.data import SiteData, prepare
from generator.site.exports import (
    ATOM,
    FEED_SIZE,
    Links,
    _fold,
    atom_feed,
    events_csv,
    events_ics,
    export_files,
    timelinejs_json,
)
from generator.site.story import indented_json

NS = {"a": ATOM}


def site(*events: Event) -> SiteData:
    articles = [Article("a1", "Title", dt.date(2025, 7, 21), "One. Two.", source="Wire, Inc.")]
    registry = ActorRegistry.of([Actor("Ann Lee", "person"), Actor("Bo; Chen", "person")])
    return prepare(articles, events, registry)


event = make_event


def test_links_follow_the_url_style_and_site_url() -> None:
    assert Links().page("timeline/index.md", "e-x") == "timeline/#e-x"
    assert Links().page("articles/a1.md", depth=1) == "../articles/a1/"
    assert Links(directory_urls=False).page("articles/a1.md") == "articles/a1.html"
    assert (
        Links("https://u.github.io/repo").page("timeline/index.md", depth=1)
        == "https://u.github.io/repo/timeline/"
    )


def test_timelinejs_dates_at_their_precision_and_escaped_text() -> None:
    data = site(
        event(1, "2010"),
        event(2, "2025-07", title="<b>bold</b>"),
        event(3, "2025-07-02", actors=("Ann Lee", "Bo; Chen")),
    )
    document = json.loads(timelinejs_json(data, Links()))
    starts = [item["start_date"] for item in document["events"]]
    assert starts == [
        {"year": 2010, "display_date": "2010"},
        {"year": 2025, "display_date": "July 2025", "month": 7},
        {"year": 2025, "display_date": "2 July 2025", "month": 7, "day": 2},
    ]
    second = document["events"][1]
    assert second["text"]["headline"] == "&lt;b&gt;bold&lt;/b&gt;"
    assert second["unique_id"] == "e-a1-2" and second["group"] == "Ann Lee"
    assert 'href="articles/a1/#s-0"' in second["text"]["text"]


def test_csv_has_a_row_per_event_and_defuses_formulas() -> None:
    data = site(event(1, "2025-07", title="=HYPERLINK(1)", actors=("Ann Lee", "Bo; Chen")))
    rows = list(csv.DictReader(io.StringIO(events_csv(data, Links()))))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "'=HYPERLINK(1)"
    assert row["actors"] == "Ann Lee; Bo; Chen"
    assert row["precision"] == "month" and row["outlet"] == "Wire, Inc."
    assert row["url"] == "timeline/#e-a1-1"


def test_ics_spans_the_precision_and_escapes_text() -> None:
    long_title = "Ünïcode " * 20
    data = site(event(1, "2025-02", title=long_title), event(2, "2024", quote="a, b; c\\d"))
    text = events_ics(data, Links())
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "DTSTART;VALUE=DATE:20250201" in lines and "DTEND;VALUE=DATE:20250301" in lines
    assert "DTSTART;VALUE=DATE:20240101" in lines and "DTEND;VALUE=DATE:20250101" in lines
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:a\\, b\\; c\\\\d\\n— Wire\\, Inc." in unfolded
    assert "SUMMARY:" + long_title.replace(",", "\\,") in unfolded
    assert unfolded.count("BEGIN:VEVENT") == 2


def test_atom_feed_is_newest_first_and_well_formed() -> None:
    events = [event(number, f"{2000 + number}", title=f"E{number}\x0b") for number in range(FEED_SIZE + 5)]
    data = site(*events)
    root = ET.fromstring(atom_feed(data, data.events, "All", "feeds/x.xml", Links()))
    entries = root.findall("a:entry", NS)
    assert len(entries) == FEED_SIZE
    titles = [entry.findtext("a:title", namespaces=NS) for entry in entries]
    assert titles[0] == f"{2000 + FEED_SIZE + 4}: E{FEED_SIZE + 4}"
    link = entries[0].find("a:link", NS)
    assert link is not None and link.get("href", "").startswith("../timeline/#e-a1-")
    assert root.findtext("a:updated", namespaces=NS) == "2025-07-21T00:00:00Z"


def test_export_files_include_a_feed_per_actor() -> None:
    files = export_files(site(event(1, "2025", actors=("Ann Lee", "Bo; Chen"))))
    assert {
        "events.json",
        "events.csv",
        "events.ics",
        "feed.xml",
        "feeds/ann-lee.xml",
        "feeds/bo-chen.xml",
    } <= set(files)
    for path, text in files.items():
        if path.endswith(".xml"):
            ET.fromstring(text)


def _folded_by_character(line: str) -> str:
    """RFC 5545 folding as the definition reads: characters while the octets fit (75, then 74)."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current, size = current + char, size + width
    return "\r\n ".join([*parts, current])


def test_ics_folds_lines_between_characters_as_the_definition_does() -> None:
    for offset in range(4):  # every position of a multi-byte character against the 75-octet cut
        line = "D" * (70 + offset) + "— Zürich 東京 🚀 " * 12
        assert _fold(line) == _folded_by_character(line)
    assert _fold("x" * 75) == "x" * 75 and _fold("x" * 200) == _folded_by_character("x" * 200)


def test_atom_feed_text_is_what_elementtree_writes_for_hostile_text() -> None:
    hostile = 'Tom & "Jerry" <b>\tnew\nline\x0b'  # no \r: parsing reads a line end in text as \n
    data = site(
        event(1, "2025-07-20", title=hostile, quote=hostile, actors=("Ann Lee", "Bo; Chen")),
        event(2, "2025-07", title="\x0b", quote="plain"),
    )
    links = Links("https://example.org/site/")
    text = atom_feed(data, data.events, hostile, "feeds/x.xml", links)
    ET.register_namespace("", ATOM)
    root = ET.fromstring(text)
    ET.indent(root)
    assert text == ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
    entries = root.findall("a:entry", NS)
    assert entries[0].findtext("a:title", namespaces=NS) == "20 July 2025: " + hostile.replace("\x0b", "")
    assert entries[0].find("a:title", NS) is not None and root.findtext("a:title", namespaces=NS)


def test_story_json_text_is_json_dumps_with_indent_one() -> None:
    value = {"a": [1, -2, True, None, {}, [], {"b": 'x "q" \\ \n\t é 🚀 \u2028'}], "c": {"d": 1.5, "e": ""}}
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=1)
