"""The MkDocs plugin: a thin adapter that adds the rendered pages and the exports as generated files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.curation.check import check_content, errors_only
from generator.errors import TimelineError
from generator.site.build import load_site_pages

log = logging.getLogger("mkdocs.plugins.timeline")


class TimelineConfig(Config):
    content = config_options.Type(str, default="content")


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Reads content/ (YAML and articles, no NLP) and adds the timeline, actor and article pages."""

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.content).resolve()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        found = check_content(self._content_dir(config))
        for warning in (problem for problem in found if problem.warning):
            log.info("timeline: %s", warning)  # info: a warning would fail `mkdocs build --strict`
        problems = errors_only(found)
        if problems:
            lines = "\n".join(str(problem) for problem in problems)
            raise PluginError(f"timeline: content has problems (`timeline check` lists the same):\n{lines}")
        try:
            pages = load_site_pages(
                self._content_dir(config),
                site_url=config.site_url or "",
                directory_urls=config.use_directory_urls,
            )
        except TimelineError as error:
            raise PluginError(f"timeline: {error}") from error
        for path, markdown in pages.items():
            if files.get_file_from_path(path) is not None:
                log.debug("timeline: %s exists in docs, not generated", path)
                continue
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # Editing an event or actor YAML re-renders the site: the curation loop.
        server.watch(str(self._content_dir(config)))
        return server
