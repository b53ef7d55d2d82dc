"""Benchmark: build a timeline of N synthetic events, load it in Chromium, time the filters.

    .venv/bin/python bench/site_filter.py            # 5,000 events
    .venv/bin/python bench/site_filter.py --events 20000

Prints the build time, page sizes and the times the page itself measures (performance.now()
around applying a filter, with the layout it causes). Needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from site_helpers import CHROMIUM, CHROMIUM_ARGS, build_site, measure_filter, serve, synthetic_content


def main() -> None:
    """Build, serve under a sub-path, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"skipped: {CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        counts = synthetic_content(project / "content", args.events)
        started = time.perf_counter()
        site = build_site(project)
        build_s = time.perf_counter() - started
        with serve(site, "/repo/") as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            figures = measure_filter(browser, base + "timeline/")
            browser.close()
        figures |= {
            "events": counts["events"],
            "build_s": round(build_s, 1),
            "timeline_html_bytes": (site / "timeline/index.html").stat().st_size,
            "search_index_bytes": (site / "search/search_index.json").stat().st_size,
            "site_bytes": sum(path.stat().st_size for path in site.rglob("*") if path.is_file()),
        }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
