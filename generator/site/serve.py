"""`mkdocs serve --dirty`: after an edit, MkDocs converts and writes only the pages that changed.

MkDocs 1.6 rebuilds every page on each change unless the build is dirty; then it skips a file
whose `is_modified()` is false. A generated file always says it is modified, so the plugin hands
MkDocs `GeneratedFile`s, marked unchanged when their content is what the last build wrote (the
site directory keeps that output between dirty builds). A change of the error banner, or a
clean build, rewrites everything.

Material's search plugin keeps its index across dirty builds for one changed page only (it
drops the entries under the first page rebuilt and appends the rest), so `SearchEntries` keeps
each page's entries itself and writes the whole index after the build.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


class DirtyBuildNotice(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale; with `strict: true` that
    warning would stop `mkdocs serve --dirty`. The generated pages are not in the navigation
    (mkdocs.yml lists the sections), so the notice is logged at info level."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and "'dirty' build is being performed" in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def allow_dirty_builds() -> None:
    """Install DirtyBuildNotice on MkDocs's build logger (once)."""
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(existing, DirtyBuildNotice) for existing in build_log.filters):
        build_log.addFilter(DirtyBuildNotice())


class GeneratedFile(File):
    """A file the plugin generates; `unchanged` when a dirty build can keep last build's output."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


class ServedFiles:
    """What the last build wrote, to tell MkDocs which generated files it can skip."""

    def __init__(self) -> None:
        self.written: dict[str, str | bytes] = {}
        self.destinations: dict[str, str] = {}  # path -> where the last build wrote it
        self.problem: str | None = None

    def files(
        self, config: MkDocsConfig, pages: dict[str, str | bytes], problem: str | None, dirty: bool
    ) -> list[GeneratedFile]:
        """A GeneratedFile for each page, marked unchanged where a dirty build may skip it."""
        keep = dirty and problem == self.problem
        files = []
        for path, content in pages.items():
            file = cast(GeneratedFile, GeneratedFile.generated(config, path, content=content))
            file.unchanged = keep and self.written.get(path) == content and os.path.isfile(file.abs_dest_path)
            files.append(file)
        if dirty:  # a dirty build leaves the pages of a renamed actor behind: they go
            for gone in self.destinations.keys() - pages.keys():
                with contextlib.suppress(OSError):
                    os.remove(self.destinations[gone])
        self.written, self.problem = dict(pages), problem
        self.destinations = {file.src_uri: file.abs_dest_path for file in files}
        return files


class SearchEntries:
    """Each page's entries of Material's search index, kept across dirty builds."""

    def __init__(self) -> None:
        self.by_page: dict[str, list[dict[str, Any]]] = {}
        self._index: object = None
        self._seen = 0
        self._config: Any = None  # the index's `config` part, as Material writes it

    def record(self, config: MkDocsConfig, page: Any) -> None:
        """After Material's search indexed `page` (on_page_context): the entries it added."""
        index = getattr(
            config.plugins.get("material/search") or config.plugins.get("search"), "search_index", None
        )
        entries = getattr(index, "entries", None)
        if entries is None:
            return
        if index is not self._index:  # a new build
            self._index, self._seen = index, 0
        self.by_page[page.url] = entries[self._seen :]
        self._seen = len(entries)

    def write(self, config: MkDocsConfig, urls: set[str]) -> None:
        """The whole index (after Material's on_post_build wrote the part it knew): every current
        page's entries, the last ones recorded for it."""
        path = os.path.join(config.site_dir, "search", "search_index.json")
        if not os.path.isfile(path) or not self.by_page:
            return
        if self._config is None:
            with open(path, encoding="utf-8") as stream:
                self._config = json.load(stream)["config"]
        self.by_page = {url: entries for url, entries in self.by_page.items() if url in urls}
        docs = [entry for entries in self.by_page.values() for entry in entries]
        text = json.dumps({"config": self._config, "docs": docs}, separators=(",", ":"), default=str)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
