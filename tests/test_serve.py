"""`mkdocs serve` re-renders when a YAML file under content/ changes, and tells the browser to reload.

Click 8.2.2-8.3.1 silently turned live reload off (mkdocs#4032, Material#8478); this test runs the
real server, as `make serve` does, edits an event's title and waits for the new page.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from site_helpers import REPO, write_actors, write_article, write_events

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, needle: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
        except OSError:
            page = ""
        if needle in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} not served at {url} within {seconds} s")


def event(title: str) -> dict[str, object]:
    return {
        "id": "moon-1",
        "date": "1969-07-20",
        "date_source": "text",
        "title": title,
        "actors": ["Neil Armstrong"],
        "places": [],
        "quote": "Neil Armstrong walked on the Moon on Sunday.",
        "sentence": 1,
        "confidence": 0.9,
    }


def test_editing_an_event_reloads_the_served_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    sentences = ["Apollo 11 landed.", "Neil Armstrong walked on the Moon on Sunday."]
    write_article(content, "moon", "Moon landing", "1969-07-21", sentences)
    write_actors(content, {"Neil Armstrong": {"kind": "person", "aliases": []}})
    write_events(content, "moon", [event("Armstrong walks on the Moon")])
    (tmp_path / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "theme_overrides").symlink_to(REPO / "theme_overrides")
    (content / "pages").mkdir()
    (content / "pages" / "index.md").write_text("# Home\n", encoding="utf-8")
    port = free_port()
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen(
        [str(mkdocs), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/timeline/"
        page = wait_for(url, "Armstrong walks on the Moon", 60)
        assert "livereload" in page  # the page carries the reload script
        write_events(content, "moon", [event("Armstrong steps onto the Moon")])
        wait_for(url, "Armstrong steps onto the Moon", 30)
        events_file = content / "events" / "moon.yml"
        good = events_file.read_text(encoding="utf-8")
        events_file.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")
        broken = wait_for(url, "tl-build-error", 30)  # the error shows in the browser too
        assert "moon.yml" in broken and "Armstrong steps onto the Moon" in broken
        events_file.write_text(good, encoding="utf-8")
        mended = wait_for(url, "Armstrong steps onto the Moon", 30)
        deadline = time.monotonic() + 30
        while "tl-build-error" in mended and time.monotonic() < deadline:
            time.sleep(0.3)
            mended = fetch(url)
        assert "tl-build-error" not in mended
    finally:
        server.terminate()
        try:
            _, errors = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()
    assert "Traceback" not in errors, errors


def _start_dirty_serve(project: Path) -> tuple[subprocess.Popen[str], str, Path]:
    """`mkdocs serve --dirty --livereload` as `make serve` runs it: the server, its URL, its site dir."""
    import os

    private = project / "tmp"  # MkDocs serves from a fresh temporary directory: this one's only
    private.mkdir()
    port = free_port()
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen(
        [str(mkdocs), "serve", "--dirty", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(private)},
    )
    url = f"http://127.0.0.1:{port}/"
    wait_for(url + "timeline/", "tl-event", 120)
    (site,) = private.glob("mkdocs_*")
    return server, url, site


def _stop(server: subprocess.Popen[str]) -> str:
    server.terminate()
    try:
        _, errors = server.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        _, errors = server.communicate()
    return errors


def _two_article_project(project: Path) -> Path:
    content = project / "content"
    write_article(
        content,
        "moon",
        "Moon landing",
        "1969-07-21",
        ["Apollo 11 landed.", "Neil Armstrong walked on the Moon on Sunday."],
    )
    write_article(
        content, "orbit", "Glenn orbits", "1962-02-21", ["John Glenn orbited the Earth on Tuesday."]
    )
    actors = {
        "Neil Armstrong": {"kind": "person", "aliases": []},
        "John Glenn": {"kind": "person", "aliases": []},
    }
    write_actors(content, actors)
    write_events(content, "moon", [event("Armstrong walks on the Moon")])
    glenn = {
        **event("Glenn orbits the Earth"),
        "id": "orbit-1",
        "date": "1962-02-20",
        "actors": ["John Glenn"],
    }
    write_events(
        content, "orbit", [{**glenn, "quote": "John Glenn orbited the Earth on Tuesday.", "sentence": 0}]
    )
    (project / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "theme_overrides").symlink_to(REPO / "theme_overrides")
    (content / "pages").mkdir()
    (content / "pages" / "index.md").write_text("# Home\n", encoding="utf-8")
    return content


def test_a_dirty_serve_rewrites_only_what_an_edit_touched(tmp_path: Path) -> None:
    content = _two_article_project(tmp_path)
    server, url, site = _start_dirty_serve(tmp_path)
    try:
        untouched = site / "articles" / "orbit" / "index.html"
        edited = site / "articles" / "moon" / "index.html"
        stamps = {path: path.stat().st_mtime_ns for path in (untouched, edited)}
        write_events(content, "moon", [event("Armstrong steps onto the Moon")])
        wait_for(url + "articles/moon/", "Armstrong steps onto the Moon", 30)
        wait_for(url + "timeline/", "Armstrong steps onto the Moon", 30)
        assert edited.stat().st_mtime_ns != stamps[edited]
        assert untouched.stat().st_mtime_ns == stamps[untouched]  # not converted, not written
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [entry["location"] for entry in index["docs"]]
        assert "articles/orbit/" in locations and len(locations) == len(set(locations))
        # a rename in actors.yml (the old name kept as an alias) reaches every page that shows him
        actors = (content / "actors.yml").read_text(encoding="utf-8")
        renamed = actors.replace(
            "Neil Armstrong:\n  aliases: []", "Neil A. Armstrong:\n  aliases: [Neil Armstrong]"
        )
        assert renamed != actors
        (content / "actors.yml").write_text(renamed, encoding="utf-8")
        for page in ("timeline/", "actors/", "actors/neil-a-armstrong/"):
            wait_for(url + page, "Neil A. Armstrong", 30)
        assert not (site / "actors" / "neil-armstrong" / "index.html").exists()
    finally:
        errors = _stop(server)
    assert "Traceback" not in errors, errors
