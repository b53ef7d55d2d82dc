"""The site build at archive size, against a plain Material build of the same pages.

    .venv/bin/python bench/site_build.py --articles 1000         # prints the figures as JSON
    .venv/bin/python bench/site_build.py --split CONTENT          # the plugin's own steps, timed

`bench/run.py --only build` runs this at 1,000 and 10,000 articles. The plain build is what a
user would otherwise pay: the same pages (paths and count) with the same text, as plain Markdown
files in a docs dir (markup stripped from what the plugin generates), the same mkdocs.yml
without the timeline plugin (same theme, search plugin on).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_TAG = re.compile(r"<[^>]+>")
_ATTRIBUTES = re.compile(r"\{\s*[#.:][^}\n]*\}")
_PLUGIN = re.compile(r"^  - timeline:\n(?:      .*\n)+", re.MULTILINE)


def make_project(folder: Path, articles: int) -> dict[str, int]:
    """`folder`/content generated, with the repo's mkdocs.yml, theme overrides and pages."""
    from site_content import generate

    counts = generate(folder / "content", articles)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "theme_overrides", folder / "theme_overrides")
    shutil.copytree(ROOT / "content" / "pages", folder / "content" / "pages")
    return counts


def make_plain_project(project: Path, plain: Path) -> int:
    """The plain twin of `project`: every page the plugin generates as a plain Markdown file of its
    text, built by Material without the plugin. Returns the number of pages."""
    from generator.site.build import load_site_pages

    pages = load_site_pages(project / "content")
    docs = plain / "docs"
    shutil.copytree(project / "content" / "pages", docs)
    count = 0
    for path, text in pages.items():
        if path.endswith(".md") and isinstance(text, str):
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(plain_markdown(text), encoding="utf-8")
            count += 1
    config = _PLUGIN.sub("", (project / "mkdocs.yml").read_text(encoding="utf-8"))
    config = config.replace("docs_dir: content/pages", "docs_dir: docs")
    if "timeline:" in config.split("plugins:")[1].split("\n\n")[0]:
        raise RuntimeError("could not drop the timeline plugin from mkdocs.yml")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(project / "theme_overrides", plain / "theme_overrides")
    return count


def plain_markdown(text: str) -> str:
    """A generated page's text as plain Markdown: no HTML tags, no attribute lists."""
    lines = (_ATTRIBUTES.sub("", _TAG.sub("", line)).rstrip() for line in text.splitlines())
    return "\n".join(line.lstrip() if not line.startswith("    ") else line.strip() for line in lines) + "\n"


def site_sizes(site: Path, articles: int) -> dict[str, Any]:
    """The largest HTML page, the site's total size and its search index, per 1,000 articles too."""
    html = [(path.stat().st_size, path) for path in site.rglob("*.html")]
    largest, largest_path = max(html)
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    search = (site / "search" / "search_index.json").stat().st_size
    per = 1000 / articles
    return {
        "html_pages": len(html),
        "largest_html_kib": round(largest / 1024),
        "largest_html": str(largest_path.relative_to(site)),
        "site_mib": round(total / 2**20, 1),
        "site_mib_per_1000_articles": round(total / 2**20 * per, 1),
        "search_index_mib": round(search / 2**20, 1),
        "search_index_mib_per_1000_articles": round(search / 2**20 * per, 1),
    }


def plugin_split(content: Path) -> dict[str, float]:
    """Seconds of the plugin's own steps, as the build runs them: check, load, render, exports."""
    from generator.curation.check import check_content
    from generator.site.build import load_site_data
    from generator.site.exports import export_files
    from generator.site.extra_pages import extra_pages
    from generator.site.links import Links
    from generator.site.pages import render_pages

    timings: dict[str, float] = {}
    started = time.perf_counter()
    problems = check_content(content)
    timings["check_s"] = time.perf_counter() - started
    if any(not problem.warning for problem in problems):
        raise RuntimeError(f"the generated content has problems: {problems[:3]}")
    started = time.perf_counter()
    data = load_site_data(content)
    timings["load_s"] = time.perf_counter() - started
    links = Links()
    started = time.perf_counter()
    render_pages(data, links)
    timings["render_s"] = time.perf_counter() - started
    started = time.perf_counter()
    export_files(data, links)
    extra_pages(data, links, content)
    timings["exports_s"] = time.perf_counter() - started
    return {key: round(value, 2) for key, value in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", type=Path, help="time the plugin's steps on this content/")
    args = parser.parse_args()
    if args.split:
        print(json.dumps(plugin_split(args.split)))


if __name__ == "__main__":
    main()
