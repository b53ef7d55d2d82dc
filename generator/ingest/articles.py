"""Reading articles from content/articles/: Markdown or text with YAML front matter."""

from __future__ import annotations

import codecs
import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from generator.errors import ArticleError
from generator.model import Article
from generator.store.yaml_io import FastParseError, bad_timestamp_position, load_yaml_values, yaml_node_count
from generator.text import slugify

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)
_DATE_HELP = "add `date: YYYY-MM-DD` (the publication date) to its front matter"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The commonest English function words: over a fifth of the words of English news, near none of
# most other languages (TimeBank/AQUAINT news: 19% at the lowest; German, French, Spanish: under 6%).
ENGLISH_WORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "his",
        "her",
        "he",
        "she",
        "they",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "this",
        "which",
        "who",
        "an",
        "are",
        "not",
        "but",
        "or",
        "after",
        "said",
        "will",
        "would",
        "their",
        "its",
        "there",
    }
)
MIN_ENGLISH_SHARE = 0.12
_MIN_WORDS_FOR_LANGUAGE = 40
_HTML_DROP = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_MD_CODE = re.compile(r"`+([^`\n]+?)`+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def find_articles(articles_dir: Path) -> list[Path]:
    """The article files under `articles_dir`, sorted by name."""
    if not articles_dir.is_dir():
        return []
    return sorted(
        path
        for path in articles_dir.rglob("*")
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")
    )


def read_article(path: Path) -> Article:
    """Read one article file; raises ArticleError naming the file for anything wrong with it."""
    text = _read_text(path)
    meta, body, body_line = _split_front_matter(path, text)
    if path.suffix.lower() == ".txt" and "title" not in meta:
        meta = {**_read_sidecar(path), **meta}
        title, _, body = body.partition("\n")
        meta.setdefault("title", title.strip())
        body_line += 1
    if not isinstance(meta.get("title") or "", str | int | float):
        raise ArticleError(path, "the title is not text; write `title: ...` on one line (quote it if needed)")
    title = str(meta.get("title") or "").strip()
    if not title:
        raise ArticleError(path, "the article has no title; add `title: ...` to its front matter")
    published = _parse_date(path, meta.get("date"), _key_line(text, "date"))
    if path.suffix.lower() != ".txt":
        body = plain_text(body)
    body = body.strip("\n")
    if not body.strip():
        raise ArticleError(path, "the article has no text after its front matter", line=body_line)
    _check_language(path, meta.get("language", meta.get("lang")), body)
    return Article(
        slug=slugify(str(meta.get("slug") or path.stem)),
        title=title,
        published=published,
        text=body,
        path=path,
        source=_optional_str(meta.get("source")),
        url=_optional_str(meta.get("url")),
        author=_optional_str(meta.get("author")),
        language=_optional_str(meta.get("language", meta.get("lang"))),
        archived=_optional_str(meta.get("archived")),
        date_from=_optional_str(meta.get("date_from")),
        retrieved=_optional_str(_iso(meta.get("retrieved"))),
    )


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                path,
                f"the file is {size / 2**20:.0f} MiB; articles over {MAX_ARTICLE_BYTES // 2**20} MiB"
                " are refused"
                " (split it, or keep only the article text)",
            )
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot read the file: {error.strerror}") from error
    if not data.strip():
        raise ArticleError(path, "the file is empty")
    text = _decode(path, data)
    if "\x00" in text[:8192]:
        raise ArticleError(path, "the file is binary, not text; articles are UTF-8 Markdown or text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), or UTF-16/32 with a BOM; anything else is refused, by line."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ArticleError(
                    path, f"the file starts as {encoding.upper()} but is not; re-save it as UTF-8"
                ) from error
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "the file is binary, not text; articles are UTF-8 Markdown or text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleError(
            path,
            "the file is not UTF-8 text; re-save it as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)",
            line=line,
        ) from error


def _split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            raise ArticleError(
                path, "front matter starts with `---` but never ends; close it with a `---` line", 1
            )
        return {}, text, 1
    meta = _load_yaml_mapping(path, match.group(1), first_line=2)
    return meta, text[match.end() :], text[: match.end()].count("\n") + 1


def sidecar_of(path: Path) -> Path | None:
    """The metadata file a `.txt` article may have beside it (`story.txt` -> `story.yml`)."""
    return path.with_suffix(".yml") if path.suffix.lower() == ".txt" else None


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = sidecar_of(path)
    if sidecar is None or not sidecar.is_file():
        return {}
    return _load_yaml_mapping(sidecar, _decode(sidecar, sidecar.read_bytes()), first_line=1)


def _load_yaml_mapping(path: Path, text: str, first_line: int) -> dict[str, Any]:
    try:
        data = load_yaml_values(text)  # libyaml: ruamel's pure parser costs ms per article
    except FastParseError:
        data = _load_yaml_slowly(path, text, first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError(path, "front matter must be a mapping of `key: value` lines", first_line)
    return {str(key): value for key, value in data.items()}


def _load_yaml_slowly(path: Path, text: str, first_line: int) -> Any:
    """ruamel's reading, for its error: the line and the problem."""
    yaml = YAML(typ="safe", pure=True)
    try:
        data = yaml.load(text)
        yaml_node_count(data)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        raise ArticleError(
            path, f"invalid YAML front matter: {getattr(error, 'problem', error)}", line
        ) from error
    except ValueError as error:  # `date: 2025-02-30`, or a YAML bomb
        position = bad_timestamp_position(text)
        line = first_line + position[0] - 1 if position else first_line
        raise ArticleError(path, f"invalid front matter: {error}", line) from error
    except RecursionError as error:
        raise ArticleError(path, "invalid YAML front matter: nested too deeply", first_line) from error
    return data


def _key_line(text: str, key: str) -> int | None:
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    found = re.search(rf"^{re.escape(key)}[ \t]*:", match.group(1), re.MULTILINE)
    return 2 + match.group(1).count("\n", 0, found.start()) if found else None


def _parse_date(path: Path, value: object, line: int | None = None) -> dt.date:
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
        raise ArticleError(
            path, f"publication date {text!r} is not a valid date; {_DATE_HELP}", line
        ) from error


def plain_text(markdown: str) -> str:
    """Article Markdown/HTML as the words a reader sees: tags, link targets and emphasis marks go.

    Line breaks are kept, so paragraphs stay; block prefixes (#, -, >) are left to the sentence
    splitter. Whatever markup survives is escaped when the site is rendered.
    """
    text = _HTML_DROP.sub(lambda match: "\n" * match.group().count("\n"), markdown)
    text = _HTML_TAG.sub("", text)
    text = _MD_REFERENCE.sub("", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    for _ in range(3):  # nested emphasis: ***bold italic***
        text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return html.unescape(text) if "&" in text else text


def _check_language(path: Path, declared: object, text: str) -> None:
    """English only: a declared other language, or text with too few English words, is refused."""
    if declared is not None:
        if str(declared).strip().lower() in ("en", "eng", "english") or str(declared).lower().startswith(
            "en-"
        ):
            return
        raise ArticleError(
            path, f"the article is in {declared!r}; extraction supports English (`language: en`) only"
        )
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < _MIN_WORDS_FOR_LANGUAGE:
        return
    share = sum(word in ENGLISH_WORDS for word in words) / len(words)
    if share < MIN_ENGLISH_SHARE:
        raise ArticleError(
            path,
            f"the text does not look English ({share:.0%} common English words); extraction supports English "
            "only. Translate it, or add `language: en` to its front matter if it is English",
        )


def _iso(value: object) -> object:
    """A YAML timestamp (`retrieved: 2024-03-05T10:22:31Z` unquoted) as the ISO text it was."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _optional_str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
