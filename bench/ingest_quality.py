"""Score `timeline add`'s page reading on a set of saved news pages: dates, titles, text, boilerplate.

    .venv/bin/python bench/ingest_quality.py                      # the fixture set
    .venv/bin/python bench/ingest_quality.py --manifest other/pages.yml --verbose

A manifest lists pages (see tests/fixtures/web/pages.yml): the file, the path it was served at
(its URL's date counts), and the expected title, date and date_from, sentences that must be kept
and boilerplate sentences that must be left out; or the error a page must be refused with.
Each page is read exactly as `timeline add` reads a fetched page, with no network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.errors import ArticleError  # noqa: E402
from generator.ingest.web import read_page  # noqa: E402

BASE = "https://pages.example"
TODAY = dt.date(2024, 7, 1)  # the fixture pages are dated up to mid-2024


@dataclass(slots=True)
class Report:
    """The figures over one manifest."""

    dated: int = 0
    date_right: int = 0
    date_from_right: int = 0
    title_right: int = 0
    authors: int = 0
    author_right: int = 0
    kept: int = 0
    kept_total: int = 0
    boilerplate_total: int = 0
    refused: int = 0
    refused_right: int = 0
    leaked: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        def share(part: int, whole: int) -> str:
            return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "0/0"

        return [
            f"pages with a date to find: {self.dated}; pages to refuse: {self.refused}",
            f"date right:              {share(self.date_right, self.dated)}",
            f"date_from right:         {share(self.date_from_right, self.dated)}",
            f"title right:             {share(self.title_right, self.dated)}",
            f"author found:            {share(self.author_right, self.authors)}",
            f"article sentences kept:  {share(self.kept, self.kept_total)}",
            f"boilerplate leaked:      {len(self.leaked)} of {self.boilerplate_total} sentences",
            f"refused as expected:     {share(self.refused_right, self.refused)}",
            f"time: {self.seconds:.2f} s "
            f"({1000 * self.seconds / max(1, self.dated + self.refused):.0f} ms a page)",
        ]


def score(manifest: Path, verbose: bool = False) -> Report:
    """Read every page of `manifest` and compare with what it expects."""
    entries: list[dict[str, Any]] = YAML(typ="safe").load(manifest.read_text(encoding="utf-8"))["pages"]
    report = Report()
    started = time.perf_counter()
    for entry in entries:
        name = entry["file"]
        data = (manifest.parent / name).read_bytes()
        url = BASE + entry.get("path", "/" + name)
        charset = _charset(entry.get("content_type"))
        if "error" in entry:
            report.refused += 1
            try:
                read = read_page(data, url, url=url, charset=charset, today=TODAY)
            except ArticleError as error:
                report.refused_right += entry["error"] in str(error)
                continue
            if read.published is None and "date" in entry["error"]:
                report.refused_right += 1  # refused by `timeline add`, which needs the date
            else:
                report.wrong.append(f"{name}: read, but should be refused ({entry['error']})")
            continue
        report.dated += 1
        try:
            page = read_page(data, url, url=url, charset=charset, today=TODAY)
        except ArticleError as error:
            report.wrong.append(f"{name}: refused: {error}")
            report.kept_total += len(entry.get("kept", []))
            report.boilerplate_total += len(entry.get("boilerplate", []))
            continue
        found = page.published
        if found is not None and found.day == entry["date"]:
            report.date_right += 1
            report.date_from_right += found.source == entry.get("date_from")
        else:
            report.wrong.append(f"{name}: date {found} (expected {entry['date']})")
        if page.title == entry["title"]:
            report.title_right += 1
        else:
            report.wrong.append(f"{name}: title {page.title!r}")
        if "author" in entry:
            report.authors += 1
            if entry["author"] in (page.author or ""):
                report.author_right += 1
            else:
                report.wrong.append(f"{name}: author {page.author!r}")
        text = page.text
        for sentence in entry.get("kept", []):
            report.kept_total += 1
            if sentence in text:
                report.kept += 1
            else:
                report.lost.append(f"{name}: {sentence}")
        for sentence in entry.get("boilerplate", []):
            report.boilerplate_total += 1
            if sentence in text:
                report.leaked.append(f"{name}: {sentence}")
        if verbose:
            print(
                f"{name}: {found.day if found else None} from {found.source if found else '-'}; {page.title}"
            )
    report.seconds = time.perf_counter() - started
    return report


def _charset(content_type: str | None) -> str | None:
    if not content_type or "charset=" not in content_type:
        return "utf-8"  # what the test server declares
    return content_type.split("charset=")[1].strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=ROOT / "tests" / "fixtures" / "web" / "pages.yml")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    report = score(args.manifest, args.verbose)
    print("\n".join(report.lines()))
    for problem in (
        report.wrong + [f"lost {item}" for item in report.lost] + [f"leaked {item}" for item in report.leaked]
    ):
        print(f"  {problem}")
    return 0 if not (report.wrong or report.lost or report.leaked) else 1


if __name__ == "__main__":
    raise SystemExit(main())
