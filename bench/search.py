"""Benchmark: Material's search (lunr) against Pagefind (`search: pagefind`) on the same generated site.

    .venv/bin/python bench/search.py                   # 1,000 articles of 5 events
    .venv/bin/python bench/search.py --articles 200    # quicker
    .venv/bin/python bench/run.py --only search        # the same, inside make bench

Both sites are built from the same content; each is served under a sub-path and opened in a fresh
Chromium context (no cache). Figures: the index on disk (total and gzipped: what a host that
compresses sends), the time from the query typed right after the page loaded to the first result
shown, and the bytes the page fetched for search up to that result. Needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from site_helpers import CHROMIUM, CHROMIUM_ARGS, build_site, serve, synthetic_content  # noqa: E402

QUERY = "Actor 042 visited"  # words of many event titles: a query that returns results on every size


@dataclass(frozen=True)
class Engine:
    """How a site's search is driven and which of its files are the search."""

    name: str
    plugins: list[Any]
    index_files: tuple[str, ...]  # globs under the site: the index data
    search_urls: tuple[str, ...]  # URL parts of what the page fetches for search (index and code)
    open_selector: str
    input_selector: str
    result_selector: str


def engines() -> tuple[Engine, Engine]:
    """Material's search as mkdocs.yml has it, and the same site with `search: pagefind`."""
    material = Engine(
        name="lunr",
        plugins=["search", {"timeline": {"content": "content"}}],
        index_files=("search/search_index.json",),
        search_urls=("/search/", "/workers/search.", "/lunr/"),
        open_selector="label.md-search__icon, .md-search__input",
        input_selector=".md-search__input",
        result_selector=".md-search-result__item",
    )
    pagefind = Engine(
        name="pagefind",
        plugins=[{"timeline": {"content": "content", "search": "pagefind"}}],
        index_files=("pagefind/fragment/*", "pagefind/index/*", "pagefind/*.pf_meta", "pagefind/filter/*"),
        search_urls=("/pagefind/", "/assets/search."),
        open_selector=".tl-search__open",
        input_selector=".pagefind-ui__search-input",
        result_selector=".pagefind-ui__result",
    )
    return material, pagefind


# Set before the page's own scripts: the moment the first result element appears.
WATCH_RESULTS = """(selector) => {
  new MutationObserver((changes, observer) => {
    if (document.querySelector(selector)) {
      window.__firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
}"""


def sizes(paths: Iterable[Path]) -> dict[str, int]:
    """Bytes on disk and gzipped (files Pagefind already compressed barely shrink)."""
    files = [path for path in paths if path.is_file()]
    return {
        "files": len(files),
        "bytes": sum(path.stat().st_size for path in files),
        "gzip_bytes": sum(len(gzip.compress(path.read_bytes(), 6)) for path in files),
    }


def _index_paths(site: Path, engine: Engine) -> Iterable[Path]:
    return (path for pattern in engine.index_files for path in site.glob(pattern))


def first_query(browser: Any, url: str, site: Path, engine: Engine) -> dict[str, float]:
    """Load the timeline, type the query at once, wait for a result: time and bytes fetched for search."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.add_init_script(f"({WATCH_RESULTS})({json.dumps(engine.result_selector)})")
    page.goto(url + "timeline/", wait_until="load")
    typed = page.evaluate("performance.now()")
    page.click(engine.open_selector)
    page.fill(engine.input_selector, QUERY)
    page.press(engine.input_selector, "End")  # Material searches on keyup
    page.wait_for_function("window.__firstResult !== undefined", timeout=120_000)
    shown = page.evaluate("window.__firstResult")
    context.close()
    files = [_on_disk(site, url, address) for address in fetched]
    search = sizes(path for path in files if any(part in f"/{path}" for part in engine.search_urls))
    index = set(_index_paths(site, engine))
    return {
        "first_query_ms": round(shown - typed, 1),
        "load_to_first_result_ms": round(shown, 1),
        "requests": search["files"],
        "bytes": search["bytes"],
        "gzip_bytes": search["gzip_bytes"],
        "of_which_index_bytes": sizes(path for path in files if path in index)["bytes"],
    }


def _on_disk(site: Path, base: str, address: str) -> Path:
    return site / address.removeprefix(base).split("?")[0].split("#")[0]


def measure(engine: Engine, project: Path, repeat: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    site = build_site(project, project / f"site-{engine.name}", plugins=engine.plugins)
    indexing_s = _time_pagefind(site) if engine.name == "pagefind" else None
    with serve(site, "/repo/") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        runs = [first_query(browser, base, site, engine) for _ in range(repeat)]
        browser.close()
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    return {"pagefind_s": indexing_s, "index": sizes(_index_paths(site, engine)), "first_query": median}


def _time_pagefind(site: Path) -> float:
    """Pagefind's own share of the build: its indexing run again over the built site."""
    from generator.site.pagefind import index_site

    started = time.perf_counter()
    index_site(site)
    return round(time.perf_counter() - started, 2)


def compare(articles: int, per_article: int, repeat: int) -> dict[str, Any]:
    """Both engines on one generated site, and Pagefind's figures as ratios to lunr's."""
    if not CHROMIUM.exists():
        return {"skipped": f"{CHROMIUM} is missing"}
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        counts = synthetic_content(project / "content", articles * per_article, per_article)
        lunr, pagefind = (measure(engine, project, repeat) for engine in engines())
    ratio = {
        "pagefind_vs_lunr_index_bytes": pagefind["index"]["bytes"] / lunr["index"]["bytes"],
        "pagefind_vs_lunr_index_gzip_bytes": pagefind["index"]["gzip_bytes"] / lunr["index"]["gzip_bytes"],
        "pagefind_vs_lunr_first_query_ms": pagefind["first_query"]["first_query_ms"]
        / lunr["first_query"]["first_query_ms"],
        "pagefind_vs_lunr_first_query_bytes": pagefind["first_query"]["bytes"] / lunr["first_query"]["bytes"],
        "pagefind_vs_lunr_first_query_gzip_bytes": pagefind["first_query"]["gzip_bytes"]
        / lunr["first_query"]["gzip_bytes"],
    }
    return {
        **counts,
        "query": QUERY,
        "lunr": lunr,
        "pagefind": pagefind,
        **{key: round(value, 3) for key, value in ratio.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--per-article", type=int, default=5, help="events of each article")
    parser.add_argument("--repeat", type=int, default=3, help="first queries per engine (the median)")
    args = parser.parse_args()
    print(json.dumps(compare(args.articles, args.per_article, args.repeat), indent=2))


if __name__ == "__main__":
    main()
