"""The MkDocs plugin: a thin adapter that adds the rendered pages and the exports as generated files."""

from __future__ import annotations

import gc
import html
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.curation.check import check_content, errors_only
from generator.errors import TimelineError
from generator.site.build import load_site_pages
from generator.site.dashboard import HOME, home_page
from generator.site.direct_html import convert_held, render_directly, toc_depth_of
from generator.site.incremental import SiteRenderer
from generator.site.links import Links
from generator.site.pagefind import SEARCH_ENGINES, index_site
from generator.site.passthrough import HeldPage, hold_raw_html
from generator.site.search_index import index_generated_pages
from generator.site.serve import SearchEntries, ServedFiles, allow_dirty_builds

log = logging.getLogger("mkdocs.plugins.timeline")


class TimelineConfig(Config):
    content = config_options.Type(str, default="content")
    # `material`: Material's search plugin (one index, fine for small sites); `pagefind`: Pagefind
    # indexes the built site in chunks (generator/site/pagefind.py), for large ones.
    search = config_options.Choice(SEARCH_ENGINES, default="material")


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Reads content/ (YAML and articles, no NLP) and adds the timeline, actor and article pages."""

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.content).resolve()

    serving = False
    problem: str | None = None  # under `mkdocs serve`: why the content could not be rendered
    last_pages: dict[str, str | bytes] | None = None  # the pages of the last good render

    dirty = False  # `mkdocs serve --dirty`: unchanged pages are not converted again
    served: ServedFiles | None = None  # what the last build wrote, for dirty builds
    renderer: SiteRenderer | None = None  # under `mkdocs serve`: renders again what an edit touched

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        if dirty:
            allow_dirty_builds()
        self.search_entries = SearchEntries()

    toc_depth: int | None = None  # set when generated pages can skip Python-Markdown (direct_html.py)

    def on_config(self, config: MkDocsConfig) -> None:
        self.toc_depth = toc_depth_of(config.markdown_extensions, config.mdx_configs)
        both = self.config.search == "pagefind" and any(
            name in config.plugins for name in ("search", "material/search")
        )
        if both:
            raise PluginError(
                "timeline: `search: pagefind` replaces Material's search: remove `- search` from "
                f"`plugins` in {config.config_file_path}, or set `search: material`"
            )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # under `mkdocs serve`, what the next build drops must be collectable again
        if self.dirty:
            self.search_entries.write(config, {file.url for file in self.doc_files})
        if self.config.search == "pagefind":
            try:
                index_site(Path(config.site_dir))
            except TimelineError as error:
                raise PluginError(f"timeline: {error}") from error

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.problem = None
        try:
            pages = self._render(config)
            self.last_pages = pages
        except PluginError as error:
            if not self.serving or self.last_pages is None:
                raise
            # While a person edits, a broken file must not leave the old page looking current:
            # the last good pages stay up with the error on top of every page.
            log.info("%s", error)  # not an error: strict mode would stop `mkdocs serve` rebuilding
            self.problem = str(error)
            pages = self.last_pages
        self.dashboard = pages.get(HOME)
        self.generated = frozenset(path for path in pages if path != HOME and path.endswith(".md"))
        index_generated_pages(config, self.generated)
        self.held = {}
        if self.served is None:
            self.served = ServedFiles()
        for file in self.served.files(config, pages, self.problem, self.dirty and self.serving):
            if files.get_file_from_path(file.src_uri) is not None:
                log.debug("timeline: %s exists in docs, not generated", file.src_uri)
                continue
            files.append(file)
        self.doc_files = files.documentation_pages()
        home = files.get_file_from_path(HOME)
        if self.dirty and home is not None and home.generated_by is None:
            home.is_modified = lambda: True  # type: ignore[method-assign]  # the dashboard shows the data
        # What is alive now (config, theme, every file and its text) lives to the end of the build:
        # frozen (until on_post_build), it is not scanned again by each full collection while
        # MkDocs builds the pages (full collections took 10 s of CPU at 10,000 articles).
        gc.collect()
        gc.freeze()
        return files

    def on_page_context(self, context: Any, /, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        if self.dirty:
            self.search_entries.record(config, page)
        return context

    dashboard: str | bytes | None = None  # the home page's dashboard (generator/site/dashboard.py)

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        # The hand-written home page keeps its text, with the dashboard below it; without one,
        # the generated index.md is the dashboard alone.
        if page.file.src_uri in self.generated:
            return self._hold(page, markdown)
        if page.file.src_uri != HOME or not isinstance(self.dashboard, str):
            return markdown
        return home_page("" if markdown == self.dashboard else markdown, self.dashboard)

    generated: frozenset[str] = frozenset()  # the pages this plugin added (not the home page)
    held: dict[str, HeldPage]  # the raw HTML held out of each generated page, set in on_files

    def _hold(self, page: Any, markdown: str) -> str:
        # Python-Markdown would only copy the raw HTML of a generated page, tag by tag: it is held
        # out (generator/site/passthrough.py), and what is left is converted directly when it can
        # be (generator/site/direct_html.py), else by Python-Markdown and put back in on_page_content.
        held = hold_raw_html(markdown)
        converted = None if self.toc_depth is None else convert_held(held, self.toc_depth)
        if converted is None:
            self.held[page.file.src_uri] = held
        else:
            render_directly(page, converted)
        return held.markdown

    def on_page_content(self, html: str, /, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        held = self.held.pop(page.file.src_uri, None)
        return html if held is None else held.restore(html)

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        if self.problem is None:
            return output
        banner = (
            '<div class="tl-build-error" role="alert" style="background:#b71c1c;color:#fff;padding:1em;'
            'white-space:pre-wrap;font-family:monospace;position:relative;z-index:10">'
            f"{html.escape(self.problem)}\n(showing the site as it was before this edit)</div>"
        )
        head, found, rest = output.partition("<body")
        if not found:
            return banner + output
        tag_end = rest.index(">") + 1
        return head + found + rest[:tag_end] + banner + rest[tag_end:]

    def _render(self, config: MkDocsConfig) -> dict[str, str | bytes]:
        found = check_content(self._content_dir(config))
        for warning in (problem for problem in found if problem.warning):
            log.info("timeline: %s", warning)  # info: a warning would fail `mkdocs build --strict`
        problems = errors_only(found)
        if problems:
            lines = "\n".join(str(problem) for problem in problems)
            raise PluginError(f"timeline: content has problems (`timeline check` lists the same):\n{lines}")
        try:
            if not self.serving:
                return dict(load_site_pages(self._content_dir(config), **self._links(config)))
            if self.renderer is None:
                self.renderer = SiteRenderer(self._content_dir(config), Links(**self._links(config)))
            return self.renderer.render()
        except TimelineError as error:
            raise PluginError(f"timeline: {error}") from error

    def _links(self, config: MkDocsConfig) -> dict[str, Any]:
        return {"site_url": config.site_url or "", "directory_urls": config.use_directory_urls}

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # Editing an event or actor YAML re-renders the site: the curation loop.
        server.watch(str(self._content_dir(config)))
        return server
