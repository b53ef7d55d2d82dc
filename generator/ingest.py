"""Reading articles from content/articles/: Markdown or text with YAML front matter."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .errors import ArticleError
from .model import Article

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)
_DATE_HELP = "add `date: YYYY-MM-DD` (the publication date) to its front matter"


def find_articles(articles_dir: Path) -> list[Path]:
    """The article files under `articles_dir`, sorted by name."""
    if not articles_dir.is_dir():
        return []
    return sorted(
        path
        for path in articles_dir.rglob("*")
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")
    )


def slugify(text: str) -> str:
    """A URL- and file-safe slug; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if slug:
        return slug[:80].rstrip("-")
    # Names in non-Latin scripts still need a page: derive a stable slug from the code points.
    return "u" + "-".join(f"{ord(char):x}" for char in text.strip()[:12]) if text.strip() else "untitled"


def read_article(path: Path) -> Article:
    """Read one article file; raises ArticleError naming the file for anything wrong with it."""
    text = _read_text(path)
    meta, body, body_line = _split_front_matter(path, text)
    if path.suffix.lower() == ".txt" and "title" not in meta:
        meta = {**_read_sidecar(path), **meta}
        title, _, body = body.partition("\n")
        meta.setdefault("title", title.strip())
        body_line += 1
    title = str(meta.get("title") or "").strip()
    if not title:
        raise ArticleError(path, "the article has no title; add `title: ...` to its front matter")
    published = _parse_date(path, meta.get("date"))
    body = body.strip("\n")
    if not body.strip():
        raise ArticleError(path, "the article has no text after its front matter", line=body_line)
    return Article(
        slug=slugify(str(meta.get("slug") or path.stem)),
        title=title,
        published=published,
        text=body,
        path=path,
        source=_optional_str(meta.get("source")),
        url=_optional_str(meta.get("url")),
    )


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                path, f"the file is {size / 1e6:.0f} MB; articles over {MAX_ARTICLE_BYTES // 2**20} MiB are refused"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot read the file: {error.strerror}") from error
    if not data.strip():
        raise ArticleError(path, "the file is empty")
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "the file is binary, not text; articles are UTF-8 Markdown or text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleError(
            path, "the file is not UTF-8 text; re-save it as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)", line=line
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            raise ArticleError(path, "front matter starts with `---` but never ends; close it with a `---` line", 1)
        return {}, text, 1
    meta = _load_yaml_mapping(path, match.group(1), first_line=2)
    return meta, text[match.end() :], text[: match.end()].count("\n") + 1


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_suffix(".yml")
    if not sidecar.is_file():
        return {}
    return _load_yaml_mapping(sidecar, sidecar.read_text(encoding="utf-8"), first_line=1)


def _load_yaml_mapping(path: Path, text: str, first_line: int) -> dict[str, Any]:
    yaml = YAML(typ="safe", pure=True)
    try:
        data = yaml.load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        raise ArticleError(path, f"invalid YAML front matter: {getattr(error, 'problem', error)}", line) from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError(path, "front matter must be a mapping of `key: value` lines", first_line)
    return {str(key): value for key, value in data.items()}


def _parse_date(path: Path, value: object) -> dt.date:
    if value is None or value == "":
        raise ArticleError(path, f"the article has no publication date; {_DATE_HELP}")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as error:
        raise ArticleError(path, f"publication date {text!r} is not a valid date; {_DATE_HELP}") from error


def _optional_str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
