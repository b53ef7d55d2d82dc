"""The folders a site is made of, and the lock that keeps two runs apart."""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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
