"""Loading content/ from disk for rendering: articles, events and actors, then render_site()."""

from __future__ import annotations

from pathlib import Path

from .ingest import find_articles, read_article
from .render import render_site
from .store import Content, load_all_events, load_registry


def load_site_pages(content_dir: Path) -> dict[str, str]:
    """Read content/ and render every page; raises TimelineError naming a broken file."""
    content = Content(content_dir)
    articles = [read_article(path) for path in find_articles(content.articles)]
    return render_site(articles, load_all_events(content), load_registry(content.actors))
