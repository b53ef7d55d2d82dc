"""Reading TimeML (.tml) files: the document creation time, plain text and gold TIMEX3 spans."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

_DATE_PREFIX = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: character offsets into `TimeMLDocument.text`, its type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    tid: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One `<s id=N>` element: its id and character offsets into `TimeMLDocument.text`."""

    id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document: DCT, the plain text of `<TEXT>`, its TIMEX3 and `<s>` sentences."""

    docid: str
    dct: dt.date
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)
    sentences: list[GoldSentence] = field(default_factory=list)
    path: Path | None = None


def read_timeml(path: Path) -> TimeMLDocument:
    """Read one TimeML file; text is `<TEXT>` with tags removed (a newline between `<s>` elements)."""
    with open(path, encoding="utf-8") as handle:
        root = ET.fromstring(handle.read())
    text_element = root.find(".//TEXT")
    builder = _TextBuilder()
    if text_element is not None:
        builder.walk_children(text_element)
    docid_element = root.find(".//DOCID")
    docid = (docid_element.text or "").strip() if docid_element is not None else ""
    return TimeMLDocument(
        docid=docid or path.stem,
        dct=parse_dct(root, path),
        text="".join(builder.parts),
        timexes=builder.timexes,
        sentences=builder.sentences,
        path=path,
    )


def parse_dct(root: ET.Element, path: Path | None = None) -> dt.date:
    """The document creation date: the DCT's TIMEX3 value (YYYY-MM-DD or YYYYMMDD...)."""
    candidates = [
        element for element in root.iter("TIMEX3") if element.get("functionInDocument") == "CREATION_TIME"
    ]
    dct = root.find(".//DCT")
    if dct is not None:
        candidates.extend(dct.iter("TIMEX3"))
    for element in candidates:
        match = _DATE_PREFIX.match(element.get("value") or "")
        if match:
            return dt.date(*(int(part) for part in match.groups()))
    raise ValueError(f"{path or 'TimeML document'}: no document creation time (DCT) with a date value")


class _TextBuilder:
    """Walks `<TEXT>`, concatenating text and recording TIMEX3 and `<s>` offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.timexes: list[GoldTimex] = []
        self.sentences: list[GoldSentence] = []

    def append(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def walk_children(self, element: ET.Element) -> None:
        self.append(element.text)
        for child in element:
            self.walk(child)
            self.append(child.tail)

    def walk(self, element: ET.Element) -> None:
        if element.tag == "s" and self.parts and not self.parts[-1][-1:].isspace():
            self.append("\n")
        start = self.length
        self.walk_children(element)
        end = self.length
        if element.tag == "TIMEX3":
            text = "".join(self.parts)[start:end] if end > start else ""
            self.timexes.append(_make_timex(element, start, end, text))
        elif element.tag == "s":
            self.sentences.append(
                GoldSentence(id=element.get("id") or str(len(self.sentences)), start=start, end=end)
            )


def _make_timex(element: ET.Element, start: int, end: int, text: str) -> GoldTimex:
    # Gold spans sometimes carry surrounding blanks; trim them so offsets cover the words only.
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return GoldTimex(
        start=start + lead,
        end=start + lead + len(stripped),
        text=stripped,
        type=element.get("type") or "DATE",
        value=element.get("value"),
        mod=element.get("mod"),
        tid=element.get("tid"),
    )


def find_timeml_files(data_dir: Path) -> list[Path]:
    """The .tml files under `data_dir`, sorted, one per document name (duplicates skipped)."""
    seen: set[str] = set()
    files: list[Path] = []
    for path in sorted(data_dir.rglob("*.tml"), key=lambda item: (len(item.parts), str(item))):
        if path.name not in seen:
            seen.add(path.name)
            files.append(path)
    return sorted(files)
