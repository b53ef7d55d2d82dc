"""Benchmark: `mkdocs serve --dirty` on a generated archive, from saving an events file to the
change in the browser (Chromium through Playwright, reloaded by MkDocs's livereload).

    .venv/bin/python bench/serve_reload.py --articles 1000

Prints the first build's time, the edit-to-reload time of an event's title (median of three
edits) and how many of the site's files the rebuild rewrote. Needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from site_helpers import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def mkdocs_serve(project: Path, timeout: float = 900) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve --dirty --livereload` of `project` (as `make serve`): its URL and site dir."""
    port = free_port()
    private = project / "tmp"  # MkDocs serves from a fresh temporary directory: this one's only
    private.mkdir()
    log = tempfile.TemporaryFile()  # noqa: SIM115 -- closed in the finally below, after the server
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "mkdocs"),
            "serve",
            "--dirty",
            "--livereload",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "TMPDIR": str(private)},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        site = None
        while time.monotonic() < deadline:
            if server.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"mkdocs serve stopped:\n{log.read().decode()[-3000:]}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                site = next(private.glob("mkdocs_*"), None)
                break
            time.sleep(0.5)
        if site is None:
            raise RuntimeError(f"mkdocs serve did not come up within {timeout} s")
        yield url, site
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def edit_title(events_file: Path, marker: str) -> str:
    """Prefix the first event's title in `events_file` with `marker`; the new title."""
    text = events_file.read_text(encoding="utf-8")
    match = re.search(r"\n  title: (.*)", text)
    if match is None:
        raise ValueError(f"{events_file}: no title to edit")
    title = f"{marker} {match.group(1)}"
    events_file.write_text(text[: match.start(1)] + title + text[match.end(1) :], encoding="utf-8")
    return title


def measure(articles: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright
    from site_build import make_project

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        make_project(project, articles)
        events_file = sorted((project / "content" / "events").glob("*.yml"))[articles // 2]
        started = time.perf_counter()
        with mkdocs_serve(project) as (url, site), sync_playwright() as playwright:
            first_build_s = time.perf_counter() - started
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url + f"articles/{events_file.stem}/")
            files = [path for path in site.rglob("*") if path.is_file()]
            times, rewritten = [], []
            for number in range(3):
                stamps = {path: path.stat().st_mtime_ns for path in files}
                title = edit_title(events_file, f"Edit{number}")
                saved = time.perf_counter()
                page.wait_for_function("t => document.body.innerText.includes(t)", arg=title, timeout=120_000)
                times.append(time.perf_counter() - saved)
                time.sleep(1)  # the rebuild has finished writing
                rewritten.append(sum(1 for path in files if path.stat().st_mtime_ns != stamps[path]))
            browser.close()
    return {
        "articles": articles,
        "site_files": len(files),
        "first_build_s": round(first_build_s, 1),
        "edit_to_reload_s": round(statistics.median(times), 2),
        "edit_to_reload_each_s": [round(seconds, 2) for seconds in times],
        "files_rewritten": max(rewritten),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"skipped: {CHROMIUM} is missing")
    print(json.dumps(measure(args.articles), indent=2))


if __name__ == "__main__":
    main()
