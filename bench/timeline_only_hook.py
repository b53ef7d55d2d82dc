"""MkDocs hook for bench/site_filter.py --timeline-only: build the timeline page alone.

The timeline plugin still renders everything and writes every export (timeline/index.json among
them) and asset; only the Markdown pages other than the timeline's own are dropped before MkDocs
converts them, which is where a build of 100,000 events spends its time.
"""

from __future__ import annotations

from typing import Any

KEPT_PAGES = frozenset({"index.md", "timeline/index.md"})


def on_files(files: Any, /, *, config: Any) -> Any:
    """Drop every documentation page but the home page and the timeline."""
    for file in list(files.documentation_pages()):
        if file.src_uri not in KEPT_PAGES:
            files.remove(file)
    return files
