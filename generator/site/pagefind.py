"""Pagefind search for large sites: index a built site with the Pagefind binary (PyPI `pagefind-bin`).

Material's search loads one index of the whole site into every reader's browser before the first
result; Pagefind splits its index into chunks and fetches only those a query needs. The plugin
setting `search: pagefind` runs `index_site` after `mkdocs build`; users of `timeline render --out DIR`
run the same command (`pagefind_command`) after their own generator.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from generator.errors import TimelineError

SEARCH_ENGINES = ("material", "pagefind")
SETTING = "`search: pagefind` (plugin `timeline` in mkdocs.yml)"
INSTALL = "pip install pagefind-bin==1.5.2 (in `make`'s dev extra), or put a `pagefind` binary on PATH"
# Only the page's content: Material's (and Zensical's) article element, so the header, navigation,
# sidebars and footer stay out of the index. Inside it, what the templates mark for Material's search
# to skip (filters, permalinks, tables of counts, lists of periods) is skipped here too.
ROOT_SELECTOR = ".md-content__inner"
EXCLUDE_SELECTORS = ("[data-search-exclude]", "[data-pagefind-ignore]")
BUNDLE = "pagefind"  # the folder Pagefind writes into the site: index chunks, fragments, its UI


class PagefindError(TimelineError):
    """Pagefind is missing or could not index the site: names the setting and what to do."""


def find_pagefind() -> Path:
    """The binary of the `pagefind-bin` package, else `pagefind` (or `pagefind_extended`) on PATH."""
    try:
        import pagefind_bin
    except ImportError:
        pass
    else:
        try:
            return Path(pagefind_bin.get_executable())
        except FileNotFoundError:
            pass  # the package without its binary (a platform it has no wheel for): try PATH
    for name in ("pagefind_extended", "pagefind"):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise PagefindError(f"{SETTING} needs the Pagefind binary, which is not installed: {INSTALL}")


def pagefind_command(site_dir: Path, executable: Path | str = "pagefind") -> list[str]:
    """The command that indexes `site_dir` (a site already built) into `site_dir/pagefind/`."""
    command = [str(executable), "--site", str(site_dir), "--root-selector", ROOT_SELECTOR, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def index_site(site_dir: Path) -> Path:
    """Run Pagefind over the built site; returns the bundle folder it wrote."""
    command = pagefind_command(site_dir, find_pagefind())
    try:
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise PagefindError(f"{SETTING}: cannot run {command[0]}: {error}\n{INSTALL}") from error
    if finished.returncode != 0:
        output = (finished.stderr.strip() or finished.stdout.strip())[-2000:]
        raise PagefindError(
            f"{SETTING}: Pagefind failed on {site_dir} (exit status {finished.returncode}):\n{output}"
        )
    bundle = site_dir / BUNDLE
    if not (bundle / "pagefind.js").is_file():
        raise PagefindError(f"{SETTING}: Pagefind ran but wrote no index into {bundle}")
    return bundle
