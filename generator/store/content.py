"""The folders a site is made of, the lock that keeps two runs apart, and the articles as
`timeline check` and the site build both read them: once per file version and process."""

from __future__ import annotations

import contextlib
import fcntl
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.ingest.articles import read_article
from generator.model import Article, Sentence
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


_ARTICLES: dict[Path, tuple[tuple[int, int], Article]] = {}


def read_article_once(path: Path) -> Article:
    """`read_article`, kept by the file's mtime and size: check and the plugin's pages read each
    article once, and under `mkdocs serve` an edit re-reads only the file that changed."""
    status = path.stat()
    stamp = (status.st_mtime_ns, status.st_size)
    cached = _ARTICLES.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    article = read_article(path)  # an ArticleError is not kept: the next read reports it again
    _ARTICLES[path] = (stamp, article)
    return article


@functools.cache
def article_sentences(text: str) -> tuple[Sentence, ...]:
    """An article's sentences (the indexes events point at), split once for check and the pages."""
    return tuple(split_sentences(text))
