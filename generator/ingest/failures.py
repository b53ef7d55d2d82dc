"""The feed items `timeline add --feed` could not add, so an hourly import does not download them again.

A page that is gone, paywalled, a PDF or in another language fails the same way every hour: it is
recorded in `content/feed-failures.yml` and skipped on later runs. A failure that may pass (a
timeout, a server error, "slow down") is tried again on the following runs, up to `RETRIES` times
in all. `--retry-failed` tries every recorded item again; deleting an entry does the same for one.
An item added later, by any route, leaves the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from generator.errors import ContentError
from generator.store.content import Content
from generator.store.yaml_io import dump_yaml, read_yaml_values, write_atomic

FILE_NAME = "feed-failures.yml"
RETRIES = 5  # attempts in all for a failure that may pass, before it is left like the others
_HEADER = (
    "# Feed items `timeline add --feed` could not add. They are not downloaded again, except those\n"
    f"# that may pass (may_pass: true: a timeout, a server error), tried up to {RETRIES} times in all.\n"
    "# `timeline add --feed URL --retry-failed` tries them all again; deleting an entry tries that one.\n"
)


@dataclass(frozen=True, slots=True)
class Failure:
    """One feed item that could not be added: why, when, how often, and whether it may pass."""

    feed: str
    error: str
    first_failed: str
    last_failed: str
    attempts: int
    may_pass: bool

    @property
    def given_up(self) -> bool:
        return not self.may_pass or self.attempts >= RETRIES


class FailureLog:
    """`content/feed-failures.yml`, read once per run and written only when it changed."""

    def __init__(self, path: Path, failures: dict[str, Failure], retry: bool = False) -> None:
        self.path = path
        self.failures = failures
        self.retry = retry  # `--retry-failed`: try every recorded item again on this run
        self._changed = False

    @classmethod
    def load(cls, content: Content, retry: bool = False) -> FailureLog:
        path = content.root / FILE_NAME
        data = read_yaml_values(path) if path.is_file() else None
        if data is None:
            return cls(path, {}, retry)
        if not isinstance(data, dict):
            raise ContentError(path, "expected a mapping of item URL to its failure")
        return cls(path, {str(url): _failure(path, str(url), entry) for url, entry in data.items()}, retry)

    def skipped(self, url: str) -> Failure | None:
        """The failure to report instead of downloading `url` again, if it is not worth a try."""
        failure = self.failures.get(url)
        return failure if failure is not None and failure.given_up and not self.retry else None

    def record(self, url: str, feed: str, error: str, may_pass: bool, now: dt.datetime | None = None) -> None:
        stamp = _stamp(now)
        known = self.failures.get(url)
        if known is None:
            self.failures[url] = Failure(feed, error, stamp, stamp, 1, may_pass)
        else:
            self.failures[url] = replace(
                known, error=error, last_failed=stamp, attempts=known.attempts + 1, may_pass=may_pass
            )
        self._changed = True

    def forget(self, *urls: str | None) -> None:
        for url in urls:
            if url and self.failures.pop(url, None) is not None:
                self._changed = True

    def save(self) -> bool:
        """Write the file if something changed (removed when no failure is left); True if written."""
        if not self._changed:
            return False
        self._changed = False
        if not self.failures:
            self.path.unlink(missing_ok=True)
            return True
        data = {url: asdict(self.failures[url]) for url in sorted(self.failures)}
        return write_atomic(self.path, _HEADER + dump_yaml(data))


def _failure(path: Path, url: str, entry: Any) -> Failure:
    if not isinstance(entry, dict):
        raise ContentError(
            path, f"{url}: expected feed, error, first_failed, last_failed, attempts, may_pass"
        )
    try:
        return Failure(
            feed=str(entry.get("feed", "")),
            error=str(entry.get("error", "")),
            first_failed=str(entry.get("first_failed", "")),
            last_failed=str(entry.get("last_failed", "")),
            attempts=int(entry.get("attempts", 1)),
            may_pass=bool(entry.get("may_pass", False)),
        )
    except (TypeError, ValueError) as error:
        raise ContentError(path, f"{url}: attempts must be a whole number ({error})") from error


def _stamp(now: dt.datetime | None) -> str:
    moment = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")
