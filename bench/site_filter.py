"""Benchmark: build a timeline of N synthetic events, load it in Chromium, time the filters.

    .venv/bin/python bench/site_filter.py            # 5,000 events
    .venv/bin/python bench/site_filter.py --events 20000
    .venv/bin/python bench/site_filter.py --events 100000 --timeline-only --keep /tmp/site100k
    .venv/bin/python bench/site_filter.py --site /tmp/site100k --assets   # measure it again

Prints the build time, page sizes and the times the page itself measures (performance.now()
around applying a filter, with the layout it causes). Needs /usr/bin/chromium.

--timeline-only builds the home and timeline pages alone (bench/timeline_only_hook.py): every
export, timeline/index.json among them, and every asset are the real ones, but MkDocs converts
2 pages, not one per period, actor and article (a full build of 100,000 events takes about 25
minutes on 2 shared cores). --site measures a site built before; --assets first copies
theme_overrides/assets into it, to time a change to the filters' script.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from site_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    build_site,
    measure_filter,
    serve,
    synthetic_content,
)

TIMELINE_ONLY_HOOK = Path(__file__).resolve().parent / "timeline_only_hook.py"


def main() -> None:
    """Build (or reuse), serve under a sub-path, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--timeline-only", action="store_true", help="build the timeline page alone")
    parser.add_argument("--keep", type=Path, help="build the site into this folder and keep it")
    parser.add_argument("--site", type=Path, help="measure this site, built before, without building")
    parser.add_argument("--assets", action="store_true", help="with --site: copy the assets in first")
    parser.add_argument("--runs", type=int, default=1, help="page loads to measure, each printed")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"skipped: {CHROMIUM} is missing")
    if args.site:
        if args.assets:
            shutil.copytree(REPO / "theme_overrides" / "assets", args.site / "assets", dirs_exist_ok=True)
        _measure(args.site, {}, args.runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        counts = synthetic_content(project / "content", args.events)
        hooks = {"hooks": [str(TIMELINE_ONLY_HOOK)]} if args.timeline_only else {}
        started = time.perf_counter()
        # the timeline alone links to pages it does not build: not strict
        site = build_site(project, args.keep, strict=not args.timeline_only, **hooks)
        figures = {"events": counts["events"], "build_s": round(time.perf_counter() - started, 1)}
        _measure(site, figures | _sizes(site, args.timeline_only), args.runs)


def _sizes(site: Path, timeline_only: bool) -> dict[str, int]:
    sizes = {
        "timeline_html_bytes": (site / "timeline/index.html").stat().st_size,
        "timeline_index_bytes": (site / "timeline/index.json").stat().st_size,
    }
    if not timeline_only:
        sizes["search_index_bytes"] = (site / "search/search_index.json").stat().st_size
        sizes["site_bytes"] = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    return sizes


def _measure(site: Path, figures: dict[str, Any], runs: int) -> None:
    from playwright.sync_api import sync_playwright

    with serve(site, "/repo/") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(runs):
            print(json.dumps(measure_filter(browser, base + "timeline/") | figures, indent=2), flush=True)
        browser.close()


if __name__ == "__main__":
    main()
