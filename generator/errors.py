"""Named errors: the CLI and the MkDocs plugin turn them into one clean message each."""

from __future__ import annotations

from pathlib import Path


class TimelineError(Exception):
    """Base class of every error a user can act on."""


class ArticleError(TimelineError):
    """An article cannot be read: names the file (and line), then the cause and the fix."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class ContentError(TimelineError):
    """A YAML file under content/ is invalid: names the file, line and column."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, column: int | None = None):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        where = self.path + (f":{line}" if line else "") + (f":{column}" if line and column else "")
        super().__init__(f"{where}: {message}")


class ModelNotFoundError(TimelineError):
    """The configured spaCy model is not installed."""
