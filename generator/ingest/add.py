"""`timeline add`: web pages, saved pages, text files and feed items into content/articles.

Each source becomes `content/articles/<slug>.md` (front matter: title, date, source, url, author,
language, retrieved, date_from, archived) and, for HTML, its original bytes in
`content/sources/<slug>.html` (`.html.gz` when large). Nothing partial is written: the article is
checked with the same reader `timeline extract` uses before it is renamed into place, and the
archive goes with it or not at all. What is already in content/ (the same canonical URL, or the
same text) is skipped, so a feed can be imported on a schedule. One failure is one line naming
the URL or file; the rest of the batch goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit

from generator.errors import ArticleError
from generator.ingest import fetch as fetch_module
from generator.ingest.articles import (
    ARTICLE_SUFFIXES,
    _check_language,
    _parse_date,
    _read_text,
    _split_front_matter,
    find_articles,
    plain_text,
    read_article,
    slugify,
)
from generator.ingest.dates import DateFrom, find_dateline
from generator.store.content import Content, content_lock
from generator.store.yaml_io import dump_yaml

if TYPE_CHECKING:
    from generator.ingest.failures import FailureLog
    from generator.ingest.web import WebPage

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
GZIP_OVER = 256 * 1024  # archives larger than this are written as .html.gz
SAME_TEXT = 0.8  # share of word 5-grams in common above which two texts are the same article
_SLUG_WORDS = 60  # characters of title words in a slug
_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|smid|smtyp|ito|at_\w+|ref|ref_src|rss|feed"
    r"|taid|sr_share|guccounter|_ga)$",
    re.IGNORECASE,
)
_DATE_HELP = "pass --date YYYY-MM-DD (the publication date) to add it"

Status = Literal["added", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one source: added (with its slug), skipped as known, or failed (why)."""

    given: str
    status: Status
    message: str
    slug: str | None = None
    may_pass: bool = False  # a failure a later try may not repeat (a timeout, a server error)

    def line(self) -> str:
        return f"error: {self.message}" if self.status == "failed" else self.message


@dataclass(slots=True)
class Draft:
    """An article ready to be written: front matter values, paragraphs and the original bytes."""

    title: str
    day: dt.date
    date_from: DateFrom
    paragraphs: list[str]
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str = "en"
    retrieved: str | None = None
    original: bytes | None = None
    markdown_body: str | None = None  # a Markdown file's own body, kept as written
    extra: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(slots=True)
class Library:
    """The articles already in content/: slugs, URLs, titles and text fingerprints, to skip repeats."""

    content: Content
    slugs: set[str] = field(default_factory=set)
    urls: dict[str, str] = field(default_factory=dict)
    titles: dict[str, list[tuple[dt.date, str]]] = field(default_factory=dict)
    texts: list[tuple[frozenset[int], str]] = field(default_factory=list)

    @classmethod
    def load(cls, content: Content) -> Library:
        library = cls(content)
        for path in find_articles(content.articles):
            library.slugs.add(path.stem)
            try:
                article = read_article(path)
            except ArticleError:
                continue  # `timeline check` reports it; it cannot be compared with
            library.register(article.slug, [article.url], article.title, article.published, article.text)
        return library

    def register(self, slug: str, urls: Iterable[str | None], title: str, day: dt.date, text: str) -> None:
        self.slugs.add(slug)
        for url in urls:
            if url:
                self.urls.setdefault(normalize_url(url), slug)
        self.titles.setdefault(_title_key(title), []).append((day, slug))
        self.texts.append((shingles(text), slug))

    def by_url(self, *urls: str | None) -> str | None:
        for url in urls:
            if url and normalize_url(url) in self.urls:
                return self.urls[normalize_url(url)]
        return None

    def by_title(self, title: str, day: dt.date | None) -> str | None:
        for known_day, slug in self.titles.get(_title_key(title), []):
            if day is None or abs((known_day - day).days) <= 1:
                return slug
        return None

    def by_text(self, text: str) -> str | None:
        mine = shingles(text)
        if not mine:
            return None
        for theirs, slug in self.texts:
            if theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= SAME_TEXT:
                return slug
        return None


def add_sources(
    content: Content,
    sources: Iterable[str],
    *,
    date: dt.date | None = None,
    library: Library | None = None,
) -> list[Outcome]:
    """Add each URL or file (a folder: the pages and texts in it); one Outcome per source."""
    library = library or Library.load(content)
    outcomes: list[Outcome] = []
    for given in sources:
        for source in _expand(given):
            outcomes.append(_add_one(library, source, date))
    return outcomes


def add_feed(
    content: Content,
    feed: str,
    *,
    date: dt.date | None = None,
    library: Library | None = None,
    failures: FailureLog | None = None,
) -> tuple[list[Outcome], str]:
    """Add the items of an RSS or Atom feed that content/ does not have; the outcomes and a summary.

    With `failures`, an item that failed on an earlier run is not downloaded again (unless its
    failure may pass), and this run's failures are recorded there; the caller saves it.
    """
    from generator.ingest.feed import read_feed

    library = library or Library.load(content)
    try:
        items = read_feed(feed)
    except ArticleError as error:
        return [Outcome(feed, "failed", str(error))], f"{feed}: not imported"
    outcomes: list[Outcome] = []
    known = failed_before = 0
    for item in items:
        slug = library.by_url(item.link, item.id) or (
            library.by_title(item.title, item.day) if item.title else None
        )
        if slug is not None:
            known += 1
            if failures is not None:
                failures.forget(item.link)  # added since it failed, by another route
            continue
        if failures is not None and failures.skipped(item.link) is not None:
            failed_before += 1
            continue
        outcome = _add_one(library, item.link, date, feed_day=item.day)
        if outcome.status == "skipped":
            known += 1
        else:
            outcomes.append(outcome)
        if failures is not None and outcome.status == "failed":
            failures.record(item.link, feed, outcome.message.removeprefix(f"{item.link}: "), outcome.may_pass)
    added = sum(outcome.status == "added" for outcome in outcomes)
    failed = sum(outcome.status == "failed" for outcome in outcomes)
    summary = (
        f"{feed}: {len(items)} item{'s' if len(items) != 1 else ''}; {added} added, "
        f"{known} already in {content.root}, {failed} failed"
    )
    if failed_before:
        summary += f", {failed_before} failed before (not tried again; --retry-failed tries them)"
    return outcomes, summary


def _expand(given: str) -> Iterator[str]:
    if _is_url(given):
        yield given
        return
    path = Path(given)
    if path.is_dir():
        found = sorted(
            child
            for child in path.rglob("*")
            if child.is_file()
            and child.suffix.lower() in HTML_SUFFIXES + TEXT_SUFFIXES
            and not any(part.startswith(".") for part in child.relative_to(path).parts)
        )
        if not found:
            yield given  # reported as an error: nothing to add in it
        yield from (str(child) for child in found)
        return
    yield given


def _add_one(library: Library, given: str, date: dt.date | None, feed_day: dt.date | None = None) -> Outcome:
    try:
        if _is_url(given):
            known = library.by_url(given)
            if known is not None:
                return _skipped(library, given, known, "same URL")
            draft, urls = _from_url(given, date, feed_day)
        else:
            draft, urls = _from_file(Path(given), date)
        known = library.by_url(*urls)
        if known is not None:
            return _skipped(library, given, known, "same URL")
        known = library.by_text("\n".join(draft.paragraphs))
        if known is not None:
            return _skipped(library, given, known, "same text")
        slug = _store(library, draft, given)
    except ArticleError as error:
        return Outcome(given, "failed", str(error), may_pass=bool(getattr(error, "may_pass", False)))
    except OSError as error:  # the disk, not the source: still one line, and the batch goes on
        return Outcome(given, "failed", f"{given}: cannot write the article: {error.strerror or error}")
    library.register(slug, urls, draft.title, draft.day, "\n".join(draft.paragraphs))
    where = f"{library.content.root / 'articles' / slug}.md"
    return Outcome(
        given,
        "added",
        f"added {where} ({draft.day}, date from {draft.date_from}): {draft.title}{draft.note}",
        slug,
    )


def _skipped(library: Library, given: str, slug: str, why: str) -> Outcome:
    return Outcome(
        given, "skipped", f"skipped {given}: already in {library.content.articles / slug}.md ({why})", slug
    )


def _from_url(url: str, date: dt.date | None, feed_day: dt.date | None) -> tuple[Draft, list[str | None]]:
    from generator.ingest.web import read_page

    response = fetch_module.fetch(url)
    page = read_page(response.body, url, url=response.url, charset=response.charset)
    draft = _draft(page, url, date, feed_day)
    draft.retrieved = (
        dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )
    draft.original = response.body
    return draft, [url, response.url, page.url]


def _from_file(path: Path, date: dt.date | None) -> tuple[Draft, list[str | None]]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise ArticleError(path, "no such file or folder")
    if path.is_dir():
        raise ArticleError(path, "no .html, .htm, .txt or .md files in this folder")
    if suffix in HTML_SUFFIXES:
        from generator.ingest.web import read_page

        data = _read_bytes(path)
        page = read_page(data, str(path))
        draft = _draft(page, str(path), date, None)
        draft.original = data
        return draft, [page.url]
    if suffix in TEXT_SUFFIXES:
        draft = _text_draft(path, date)
        return draft, [draft.url]
    raise ArticleError(
        path, "not a web page, text or Markdown file; `timeline add` takes .html, .txt and .md"
    )


def _read_bytes(path: Path) -> bytes:
    limit = fetch_module.MAX_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(
                path, f"the file is {size / 2**20:.0f} MiB, over the {limit // 2**20} MiB limit"
            )
        return path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot read the file: {error.strerror}") from error


def _draft(page: WebPage, where: str, date: dt.date | None, feed_day: dt.date | None) -> Draft:
    found = page.published
    note = ""
    date_from: DateFrom
    if date is not None:
        day, date_from = date, "given"
        if found is not None and found.day != date:
            note = f" (the page says {found.day}, from {found.source})"
    elif found is not None:
        day, date_from = found.day, found.source
    elif feed_day is not None:
        day, date_from = feed_day, "feed"
    else:
        raise ArticleError(
            where,
            "no publication date found (no JSON-LD datePublished, published-time meta tag, date in the URL, "
            f"dateline or 'Published' line; an updated date is not taken for it); {_DATE_HELP}",
        )
    return Draft(
        title=page.title,
        day=day,
        date_from=date_from,
        paragraphs=list(page.paragraphs),
        source=page.source,
        url=page.url if page.url and _is_url(page.url) else None,
        author=page.author,
        language=page.language,
        note=note,
    )


def _text_draft(path: Path, date: dt.date | None) -> Draft:
    text = _read_text(path)
    meta, body, _ = _split_front_matter(path, text)
    markdown = path.suffix.lower() != ".txt"
    title = str(meta.get("title") or "").strip()
    if not title:
        if meta.get("title") is None and body.strip():
            first, _, body = body.lstrip("\n").partition("\n")
            title = first.strip().lstrip("#").strip()
        if not title:
            raise ArticleError(
                path, "no title: add `title: ...` front matter, or make the first line the title"
            )
    plain = plain_text(body) if markdown else body
    paragraphs = [re.sub(r"\s+", " ", part).strip() for part in re.split(r"\n\s*\n", plain) if part.strip()]
    if paragraphs and _title_key(paragraphs[0]) == _title_key(title):
        paragraphs.pop(0)
    if not paragraphs:
        raise ArticleError(path, "the file has no article text")
    declared = meta.get("language", meta.get("lang"))
    _check_language(path, declared, "\n".join(paragraphs))
    _check_language(path, None, "\n".join(paragraphs))
    date_from: DateFrom
    if date is not None:
        day, date_from = date, "given"
    elif meta.get("date") not in (None, ""):
        day, date_from = _parse_date(path, meta.get("date")), "given"
    else:
        dateline = next((found for found in map(find_dateline, paragraphs[:2]) if found), None)
        if dateline is None or dateline[0] is None:
            raise ArticleError(
                path, f"no publication date (no `date:` front matter, no dated dateline); {_DATE_HELP}"
            )
        day, date_from = dt.date(dateline[0], dateline[1], dateline[2]), "dateline"
    skip = {"title", "date", "slug", "source", "url", "author", "language", "lang", "date_from", "archived"}
    return Draft(
        title=title,
        day=day,
        date_from=date_from,
        paragraphs=paragraphs,
        source=_optional(meta.get("source")),
        url=_optional(meta.get("url")),
        author=_optional(meta.get("author")),
        retrieved=_optional(meta.get("retrieved")),
        markdown_body=body.strip("\n") if markdown else None,
        extra={key: value for key, value in meta.items() if key not in skip and key != "retrieved"},
    )


def _store(library: Library, draft: Draft, given: str) -> str:
    """Write the article (and its archive) under a new slug; returns the slug."""
    content = library.content
    with content_lock(content):
        slug = unique_slug(library, draft.day, draft.title)
        article = content.articles / f"{slug}.md"
        archive_name = None
        archive_data = None
        if draft.original is not None:
            big = len(draft.original) > GZIP_OVER
            archive_name = f"sources/{slug}.html" + (".gz" if big else "")
            archive_data = gzip.compress(draft.original, mtime=0) if big else draft.original
        text = render_article(draft, archive_name)
        temporary = _write_temporary(article, text.encode("utf-8"))
        try:
            try:
                read_article(temporary)  # what `timeline extract` reads, or nothing is written
            except ArticleError as error:
                raise ArticleError(given, f"the article would not read back: {error.message}") from error
            if archive_name is not None and archive_data is not None:
                _write_bytes_atomic(content.root / archive_name, archive_data)
            try:
                os.replace(temporary, article)
            except BaseException:
                if archive_name is not None:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(content.root / archive_name)
                raise
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    return slug


def render_article(draft: Draft, archived: str | None) -> str:
    """The article file: YAML front matter, the title as first paragraph, then the text."""
    meta: dict[str, Any] = {
        "title": draft.title,
        "date": draft.day,
        "source": draft.source,
        "url": draft.url,
        "author": draft.author,
        "language": draft.language,
        "retrieved": draft.retrieved,
        "date_from": draft.date_from,
        "archived": archived,
        **draft.extra,
    }
    front = dump_yaml({key: value for key, value in meta.items() if value not in (None, "")})
    if draft.markdown_body is not None:
        body = draft.markdown_body
    else:
        body = "\n\n".join(escape_markdown(paragraph) for paragraph in [draft.title, *draft.paragraphs])
    return f"---\n{front}---\n{body}\n"


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that reads back (`plain_text`) and renders as the same words."""
    # Entities for what Markdown would take for emphasis, code or links (`plain_text` reads them
    # back); a backslash before a block marker at the start of the line.
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text.replace("\\", "\\\\"))
    text = re.sub(r"[`*_\[\]<]", lambda match: _ENTITIES[match.group()], text)
    text = re.sub(r"^(\s*)(\d+)([.)]\s)", r"\1\2\\\3", text)
    return re.sub(r"^(\s*)([#>+\-=|~])", r"\1\\\2", text)


_ENTITIES = {"`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;", "<": "&lt;"}


def unique_slug(library: Library, day: dt.date, title: str) -> str:
    """`<date>-<title words>`: readable, stable for the same date and title, and not yet taken."""
    words = slugify(re.sub(r"(?<=\w)['’](?=\w)", "", title))  # "Japan's" -> japans, not japan-s
    if len(words) > _SLUG_WORDS:
        words = words[:_SLUG_WORDS].rsplit("-", 1)[0]
    base = f"{day.isoformat()}-{words}"
    slug, number = base, 1
    while slug in library.slugs or _taken(library.content, slug):
        number += 1
        slug = f"{base}-{number}"
    return slug


def _taken(content: Content, slug: str) -> bool:
    sources = content.root / "sources"
    return any((content.articles / f"{slug}{suffix}").exists() for suffix in ARTICLE_SUFFIXES) or any(
        (sources / f"{slug}{suffix}").exists() for suffix in (".html", ".html.gz")
    )


def normalize_url(url: str) -> str:
    """A URL as a key: no scheme, no www., no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    host = re.sub(r"^www\d?\.", "", host)
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    )
    return f"{host}{path}" + (f"?{query}" if query else "")


def shingles(text: str, size: int = 5) -> frozenset[int]:
    """Hashes of the text's word `size`-grams, for telling the same article in other page furniture."""
    words = re.findall(r"\w+", text.lower())
    return frozenset(
        hash(tuple(words[index : index + size])) for index in range(max(0, len(words) - size + 1))
    )


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.lower()))


def _is_url(text: str) -> bool:
    return bool(re.match(r"^https?://", text.strip(), re.IGNORECASE))


def _optional(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip() or None


def _write_temporary(path: Path, data: bytes) -> Path:
    """`data` in a hidden file beside `path` (never listed as an article), flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".md", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, 0o666 & ~_umask())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return Path(name)


def _write_bytes_atomic(path: Path, data: bytes) -> None:
    temporary = _write_temporary(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


__all__ = [
    "Draft",
    "Library",
    "Outcome",
    "add_feed",
    "add_sources",
    "escape_markdown",
    "normalize_url",
    "render_article",
    "shingles",
    "unique_slug",
]
