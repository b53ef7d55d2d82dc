"""The site build at archive size, against a plain Material build of the same pages.

    .venv/bin/python bench/site_build.py --split CONTENT          # the plugin's own steps, timed
    .venv/bin/python bench/site_build.py --compare OLD NEW --articles 1000 --pairs 3 [--plain]
        # two checkouts (e.g. main's and a branch's, as `git worktree` folders) build the same
        # generated archive in alternating rounds: the ratio of their CPU and wall times, and
        # whether the two sites differ (diff -r, sitemaps aside); --plain adds plain Material

`bench/run.py --only build` runs this at 1,000 and 10,000 articles. The plain build is what a
user would otherwise pay: the same pages (paths and count) with the same text, as plain Markdown
files in a docs dir (markup stripped from what the plugin generates), the same mkdocs.yml
without the timeline plugin (same theme, search plugin on).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

_TAG = re.compile(r"<[^>]+>")
_ATTRIBUTES = re.compile(r"\{\s*[#.:][^}\n]*\}")
_PLUGIN = re.compile(r"^  - timeline:\n(?:      .*\n)+", re.MULTILINE)


def make_project(folder: Path, articles: int, checkout: Path = ROOT) -> dict[str, int]:
    """`folder`/content generated, with the checkout's mkdocs.yml, theme overrides and pages."""
    from site_content import generate

    counts = generate(folder / "content", articles)
    copy_site_files(checkout, folder)
    return counts


def copy_site_files(checkout: Path, folder: Path) -> None:
    """What a checkout's build reads besides the content: mkdocs.yml, theme overrides, pages."""
    shutil.copy(checkout / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(checkout / "theme_overrides", folder / "theme_overrides")
    shutil.copytree(checkout / "content" / "pages", folder / "content" / "pages")


def build_command(config: Path, site: Path, *, strict: bool = False) -> list[str]:
    """`mkdocs build` of `config` into `site`, quiet."""
    mkdocs = str(ROOT / ".venv" / "bin" / "mkdocs")
    return [mkdocs, "build", *(["--strict"] if strict else []), "-q", "-f", str(config), "-d", str(site)]


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


def compare_checkouts(
    old: Path, new: Path, articles: int, pairs: int, *, plain: bool = False, keep: Path | None = None
) -> dict[str, Any]:
    """Two checkouts build the same generated archive in alternating rounds (old, new, [plain], ...),
    each with its own code (PYTHONPATH), mkdocs.yml and theme overrides; then the sites are compared."""
    from measure import Command, alternate, ratios

    for code in (old, new):  # a first build must not pay for compiling a fresh checkout
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "generator")], check=True)
    folder = keep or Path(tempfile.mkdtemp(prefix="site-build-"))
    projects = {"old": folder / "old", "new": folder / "new"}
    counts = make_project(projects["old"], articles, old)
    shutil.copytree(
        projects["old"] / "content", projects["new"] / "content", ignore=shutil.ignore_patterns("pages")
    )
    copy_site_files(new, projects["new"])
    commands = [
        Command(
            name,
            build_command(project / "mkdocs.yml", project / "site", strict=True),
            {"PYTHONPATH": str(code)},
        )
        for (name, project), code in zip(projects.items(), (old, new), strict=True)
    ]
    if plain:
        pages = make_plain_project(projects["new"], folder / "plain")
        commands.append(
            Command("plain", build_command(folder / "plain" / "mkdocs.yml", folder / "plain" / "site"))
        )
        counts["markdown_pages"] = pages
    runs = alternate(commands, pairs)
    result: dict[str, Any] = {
        **counts,
        "old": str(old),
        "new": str(new),
        "new_vs_old": ratios(runs["new"], runs["old"]),
        "runs": {name: [run.as_dict() for run in each] for name, each in runs.items()},
        "differing_files": differing_files(projects["old"] / "site", projects["new"] / "site"),
    }
    if plain:
        result["new_vs_plain"] = ratios(runs["new"], runs["plain"])
        result["old_vs_plain"] = ratios(runs["old"], runs["plain"])
    if keep is None:
        shutil.rmtree(folder)
    return result


def differing_files(first: Path, second: Path) -> list[str]:
    """What `diff -r -q` finds between two built sites, sitemaps aside (they carry the build's date)."""
    completed = subprocess.run(
        ["diff", "-r", "-q", "--exclude=sitemap.xml", "--exclude=sitemap.xml.gz", str(first), str(second)],
        capture_output=True, text=True, check=False, env={**os.environ, "LC_ALL": "C"},
    )  # fmt: skip
    if completed.returncode > 1:
        raise RuntimeError(f"diff failed: {completed.stderr}")
    return completed.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", type=Path, help="time the plugin's steps on this content/")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"), help="two checkouts")
    parser.add_argument("--articles", type=int, default=1000, help="generated articles (--compare)")
    parser.add_argument("--pairs", type=int, default=3, help="alternating rounds (--compare)")
    parser.add_argument("--plain", action="store_true", help="plain Material in the rounds too (--compare)")
    parser.add_argument("--keep", type=Path, help="build in this (new) folder and keep it (--compare)")
    args = parser.parse_args()
    if args.split:
        print(json.dumps(plugin_split(args.split)))
    if args.compare:
        old, new = (path.resolve() for path in args.compare)
        result = compare_checkouts(old, new, args.articles, args.pairs, plain=args.plain, keep=args.keep)
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
