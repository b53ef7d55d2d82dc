"""Pages and files beyond the timeline, actor and article pages: the archived copies of articles,
the story view (TimelineJS slides, generator/site/story.py), the home page's dashboard
(generator/site/dashboard.py) and the embed page (generator/site/embed.py).

Added to every build (the MkDocs plugin and `timeline render --out`) by generator/site/build.py.
"""

from __future__ import annotations

from pathlib import Path

from generator.site.dashboard import HOME, render_dashboard
from generator.site.data import SiteData
from generator.site.embed import embed_files
from generator.site.links import Links
from generator.site.sources import archived_files
from generator.site.story import Slides, story_files


def extra_pages(
    data: SiteData, links: Links, content_dir: Path, slides: Slides | None = None
) -> dict[str, str]:
    """{path from the docs root: text}: the sanitised archived copies (content/sources/), the
    story pages with their TimelineJS3 JSON (story/), the embed page (embed/) and the dashboard as
    `index.md` (a hand-written home page goes above it: see dashboard.home_page)."""
    return {
        **archived_files(content_dir),
        **story_files(data, links, slides),
        **embed_files(links),
        HOME: render_dashboard(data, links),
    }
