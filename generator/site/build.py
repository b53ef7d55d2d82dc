"""Loading content/ from disk for rendering: articles, events and actors, then pages and exports."""

from __future__ import annotations

from pathlib import Path

from generator.ingest.articles import find_articles
from generator.site.data import SiteData, prepare
from generator.site.exports import export_files
from generator.site.extra_pages import extra_pages
from generator.site.links import Links
from generator.site.pages import render_pages
from generator.site.story import Slides
from generator.store.content import Content, read_article_once
from generator.store.events import load_all_events
from generator.store.registry import load_registry


def load_site_data(content_dir: Path) -> SiteData:
    """Read content/ (no NLP) into prepared site data; raises TimelineError naming a broken file."""
    content = Content(content_dir)
    articles = [read_article_once(path) for path in find_articles(content.articles)]
    return prepare(articles, load_all_events(content), load_registry(content.actors))


def load_site_pages(content_dir: Path, *, site_url: str = "", directory_urls: bool = True) -> dict[str, str]:
    """Read content/ and render every page (Markdown) and export (events.json, .csv, .ics, feeds)."""
    data = load_site_data(content_dir)
    links = Links(site_url, directory_urls)
    return {**render_pages(data, links), **other_files(data, links, content_dir)}


def other_files(
    data: SiteData, links: Links, content_dir: Path, slides: Slides | None = None
) -> dict[str, str]:
    """The exports (events.json, .csv, .ics, feeds) and the extra pages (sources, story, ...);
    `slides`: the story's slides of the last render (under `mkdocs serve`)."""
    return {**export_files(data, links), **extra_pages(data, links, content_dir, slides)}
