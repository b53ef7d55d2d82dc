"""Loading content/ from disk for rendering: articles, events and actors, then pages and exports."""

from __future__ import annotations

from pathlib import Path

from .exports import Links, export_files
from .ingest import find_articles, read_article
from .render import SiteData, prepare, render_pages
from .store import Content, load_all_events, load_registry


def load_site_data(content_dir: Path) -> SiteData:
    """Read content/ (no NLP) into prepared site data; raises TimelineError naming a broken file."""
    content = Content(content_dir)
    articles = [read_article(path) for path in find_articles(content.articles)]
    return prepare(articles, load_all_events(content), load_registry(content.actors))


def load_site_pages(content_dir: Path, *, site_url: str = "", directory_urls: bool = True) -> dict[str, str]:
    """Read content/ and render every page (Markdown) and export (events.json, .csv, .ics, feeds)."""
    data = load_site_data(content_dir)
    return {**render_pages(data), **export_files(data, Links(site_url, directory_urls))}
