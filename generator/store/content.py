"""The folders a site is made of, the lock that keeps two runs apart, and the articles as
`timeline check` and the site build both read them: once per file version and process."""

from __future__ import annotations

import contextlib
import fcntl
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.ingest.articles import read_article, sidecar_of
from generator.model import Article, Sentence
from generator.store.yaml_io import once_per_version
from generator.text import split_sentences

BASELINE_DIR = ".extracted"


@dataclass(frozen=True, slots=True)
class Content:
    """The folders a site is made of."""

    root: Path

    @property
    def articles(self) -> Path:
        return self.root / "articles"

    @property
    def events(self) -> Path:
        return self.root / "events"

    @property
    def actors(self) -> Path:
        return self.root / "actors.yml"

    def events_file(self, slug: str) -> Path:
        return self.events / f"{slug}.yml"

    def baseline_file(self, slug: str) -> Path:
        return self.events / BASELINE_DIR / f"{slug}.json"


@contextlib.contextmanager
def content_lock(content: Content) -> Iterator[None]:
    """Hold an exclusive lock on content/ so two runs never interleave their writes."""
    content.root.mkdir(parents=True, exist_ok=True)
    with open(content.root / ".timeline.lock", "a", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


_ARTICLES: dict[Path, tuple[Any, Article]] = {}


def read_article_once(path: Path) -> Article:
    """`read_article`, kept by the file's (and its sidecar's) mtime and size: check and the plugin's
    pages read each article once, and under `mkdocs serve` an edit re-reads only what changed.
    An ArticleError is not kept: the next read reports it again."""
    sidecar = sidecar_of(path)
    return once_per_version(path, _ARTICLES, read_article, also=() if sidecar is None else (sidecar,))


@functools.cache
def article_sentences(text: str) -> tuple[Sentence, ...]:
    """An article's sentences (the indexes events point at), split once for check and the pages."""
    return tuple(split_sentences(text))
