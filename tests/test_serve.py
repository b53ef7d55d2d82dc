"""`mkdocs serve` re-renders when a YAML file under content/ changes, and tells the browser to reload.

Click 8.2.2-8.3.1 silently turned live reload off (mkdocs#4032, Material#8478); this test runs the
real server, as `make serve` does, edits an event's title and waits for the new page.
"""

from __future__ import annotations

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
