"""A web page, fetched or saved from a browser, as an article: main text, metadata, publication date.

trafilatura finds the main text and the metadata (title, author, outlet, canonical URL); the
publication date is decided from the page's own signals (`generator.ingest.dates`), with htmldate
as the last resort. What trafilatura leaves of the page furniture (share prompts, credits, "More
from ..." lines, pull quotes repeated from the text) is removed line by line. A page that is not
an English news article (a paywall stub, another language, broken bytes) is an ArticleError
naming the URL or file.
"""

from __future__ import annotations

import codecs
import copy
import datetime as dt
import html as html_lib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from generator.errors import ArticleError
from generator.ingest.articles import _check_language
from generator.ingest.dates import (
    PageDate,
    Signals,
    Stamp,
    decide,
    find_dateline,
    labelled_dates,
    parse_stamp,
    url_dates,
)
from generator.ingest.fetch import sniff_binary

MIN_WORDS = 60  # fewer words of text than this is a paywall stub, a teaser or a login page
MIN_WORDS_PAYWALLED = 150  # a page marked not free to read needs more to be the whole article
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report", re.IGNORECASE)
_PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "og:article:published_time",
        "article:published",
        "published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "publication-date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dc.date.created",
        "dc.created",
        "dcterms.issued",
        "dcterms.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "article_date_original",
        "original-publish-date",
        "originalpublicationdate",
        "cxenseparse:recs:publishtime",
        "citation_publication_date",
        "citation_date",
        "prism.publicationdate",
        "datecreated",
        "rnews:datepublished",
        "date.available",
    }
)
_MODIFIED_META = frozenset(
    {
        "article:modified_time",
        "og:article:modified_time",
        "article:modified",
        "og:updated_time",
        "modified_time",
        "datemodified",
        "lastmod",
        "last-modified",
        "lastmodified",
        "dcterms.modified",
        "dc.date.modified",
        "article.updated",
        "updated",
        "revised",
        "date.updated",
    }
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2122\u0153]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"^\s*(?:\||–|—|-|:|·|•|::)\s*")
# Page furniture trafilatura may leave in the text: a line of its own, never a sentence of news.
_FURNITURE = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?:advertisement|advertising|ad|sponsored(?: content)?|promoted)$",
        r"^(?:story continues below|article continues below|scroll to continue|continue reading)\b",
        r"^(?:©|\(c\)\s|copyright\b)",
        r"^.{0,120}\ball rights reserved\b",
        r"^(?:read more|more from [^:]{1,40}|related(?: articles?| stories| news| coverage)?"
        r"|see also|also read"
        r"|recommended(?: for you)?|most (?:read|popular|viewed)|you might also like|watch|listen|video"
        r"|trending|breaking|more on this story|further reading)\s*:",
        r"^(?:share(?:\s+(?:this|on|via|with)\b.{0,60}|\s*:.{0,60})?|follow us\b.{0,60}|sign up\b.{0,80}"
        r"|subscribe\b.{0,100}|download (?:the|our) app\b.{0,60}|click to share\b.{0,60}|copy link)$",
        r"^(?:get the\b.{0,60}\b(?:by email|newsletter|in your inbox|app))",
        r"^(?:updated|published|last updated|last modified|first published|posted)\b(?=\W)(?!\s+(?:by|in)\b)"
        r"[^.]{0,80}(?:19|20)\d{2}\b[^.]{0,30}$",
        r"^(?:\(?(?:reporting|writing|additional reporting|editing|compiled|edited|produced) by\b.{0,240})$",
        r"^[a-z]{2,4}(?:/[a-z]{2,4})+$",  # an agency's sign-off: "jmb/lth"
        r"^(?:contact|email|e-mail|reach) [^.]{0,80}(?:@|\bon (?:x|twitter)\b)",
        r"^(?:we use cookies|this (?:web)?site uses cookies|by clicking)",
        r"^(?:this (?:article|story) (?:was|has been) (?:amended|updated|corrected)\b.{0,200})$",
    )
]
_SHORT_LINE = 200
LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WebPage:
    """What a page says about itself, and its article text as paragraphs (the title not among them)."""

    title: str
    paragraphs: tuple[str, ...]
    published: PageDate | None
    source: str | None
    url: str | None
    author: str | None
    language: str

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def read_page(
    data: bytes,
    where: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    today: dt.date | None = None,
) -> WebPage:
    """The article on an HTML page; ArticleError naming `where` when there is none to take.

    `url` is where the page was fetched from (after redirects), `charset` the encoding the server
    declared. The date is None when the page gives none: the caller asks for one.
    """
    kind = sniff_binary(data)
    if kind is not None:
        raise ArticleError(where, f"not a web page but {kind}; save its text as a .txt file and add that")
    markup = decode_html(data, charset, where)
    tree = _parse(markup, where)
    ld = list(_json_ld(tree))
    metas = list(_metas(tree))
    canonical = _canonical(tree, markup, url)
    document = _extract(tree, canonical or url)
    title = _title(document, ld, metas, tree)
    if not title:
        raise ArticleError(where, "no title found on the page (no <title>, og:title or headline)")
    paragraphs = clean_paragraphs(str(getattr(document, "text", "") or ""), title)
    if _words(" ".join(paragraphs)) < MIN_WORDS:
        paragraphs = _article_body(ld, title) or paragraphs  # a page drawn by JavaScript
    text = "\n".join(paragraphs)
    _check_encoding(where, text)
    _check_text(where, paragraphs, ld)
    declared = _declared_language(tree, ld, metas)
    _check_language(where, declared, text)  # type: ignore[arg-type]
    _check_language(where, None, text)  # type: ignore[arg-type]
    signals = collect_signals(tree, ld, metas, paragraphs, [url, canonical])
    published = decide(signals, today or dt.date.today())
    return WebPage(
        title=title,
        paragraphs=tuple(paragraphs),
        published=published,
        source=_outlet(document, ld, tree, title, canonical or url),
        url=canonical or url,
        author=_author(document) or _byline(tree, paragraphs),
        language=_language_code(declared),
    )


def decode_html(data: bytes, declared: str | None, where: str) -> str:
    """The page as text: by its BOM, its declared charset, else UTF-8, else Windows-1252.

    A page declared UTF-8 that is not (a Latin-1 page mislabelled) is read as Windows-1252, as a
    browser would; a page declared Latin-1 that is valid UTF-8 is read as UTF-8. Bytes that fit no
    encoding become U+FFFD, which the article text may not contain (see `_check_encoding`).
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    meta = _META_CHARSET.search(data[:8192])
    for name in (declared, meta.group(1).decode("ascii", "ignore") if meta else None):
        codec = _codec(name)
        if codec is None:
            continue
        if codec == "utf-8":
            break  # tried below, with a fallback
        if codec in ("cp1252", "iso8859-1", "ascii", "iso8859-15") and _is_utf8(data):
            return _repair_mojibake(data.decode("utf-8"))
        return _repair_mojibake(
            data.decode("cp1252" if codec in ("iso8859-1", "ascii") else codec, "replace")
        )
    try:
        return _repair_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):  # UTF-8 with stray bytes of another encoding
        LOGGER.debug("%s: invalid UTF-8 bytes replaced", where)
        return data.decode("utf-8", errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(_UTF8_MULTIBYTE.search(data))


def _repair_mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 once too often ("cafÃ©"), put back when that is all it is."""
    if len(_MOJIBAKE.findall(text)) < 3:
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


def _parse(markup: str, where: str) -> Any:
    import lxml.etree
    import lxml.html

    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not re.search(r"<(?:html|head|body|p|div|article|title)\b", markup[:200_000], re.IGNORECASE):
        raise ArticleError(where, "not an HTML page (no <html>, <body> or <p> in it)")
    try:
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ArticleError(where, f"the HTML cannot be parsed ({error})") from error


def _extract(tree: Any, url: str | None) -> Any:
    import trafilatura

    def run(precision: bool) -> Any:
        return trafilatura.bare_extraction(
            copy.deepcopy(tree),
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=precision,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )

    document = run(precision=True)
    if document is None or _words(str(document.text or "")) < 2 * MIN_WORDS:
        recall = run(precision=False)
        if recall is not None and _words(str(recall.text or "")) > _words(
            str(getattr(document, "text", "") or "")
        ):
            document = recall
    return document


def clean_paragraphs(text: str, title: str) -> list[str]:
    """trafilatura's text as paragraphs, without the headline and the page furniture left in it."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    key = _key(title)
    while lines and _key(lines[0]) == key:
        lines.pop(0)
    kept = [line for line in lines if not _is_furniture(line)]
    keys = [_key(line) for line in kept]
    # a pull quote or a teaser repeats a line of the text: keep the text's
    return [
        line
        for index, line in enumerate(kept)
        if not (
            len(line) < _SHORT_LINE
            and keys[index]
            and any(
                other != index and keys[index] in keys[other] and keys[index] != keys[other]
                for other in range(len(kept))
            )
        )
        and not (keys[index] == key and index < 3)
    ]


def _article_body(ld: list[dict[str, Any]], title: str) -> list[str]:
    """The JSON-LD `articleBody`, as paragraphs, when it has more text than a stub."""
    for item in ld:
        body = _scalar(item.get("articleBody")) if _ARTICLE_TYPES.search(_types(item)) else None
        if body and _words(body) >= MIN_WORDS:
            text = html_lib.unescape(re.sub(r"<[^>]+>", "\n", body))
            return clean_paragraphs(re.sub(r"\n\s*\n|(?<=[.!?\"”])\s{2,}", "\n", text), title)
    return []


def _is_furniture(line: str) -> bool:
    if len(line) > 300:
        return False
    return any(pattern.search(line) for pattern in _FURNITURE)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+", text))


def _check_encoding(where: str, text: str) -> None:
    broken = text.count("\ufffd")
    mojibake = _MOJIBAKE.findall(text)
    if broken or len(mojibake) >= 2:
        sample = "\ufffd" if broken else mojibake[0]
        raise ArticleError(
            where,
            f"broken text encoding ({broken or len(mojibake)} garbled characters like {sample!r}); save the "
            "page again from your browser, or paste the text into a UTF-8 .txt file and add that",
        )


def _check_text(where: str, paragraphs: list[str], ld: list[dict[str, Any]]) -> None:
    words = _words(" ".join(paragraphs))
    paywalled = any(
        str(item.get("isAccessibleForFree", "")).strip().lower() in ("false", "no", "0")
        for item in ld
        if _ARTICLE_TYPES.search(_types(item))
    )
    if words < MIN_WORDS or (paywalled and words < MIN_WORDS_PAYWALLED):
        why = "the page is marked as paywalled" if paywalled else "a paywall, a login wall or a teaser?"
        raise ArticleError(
            where,
            f"only {words} words of article text on the page ({why}); open it in your browser "
            "(logged in if need be), save it and add the file, or paste the text into a .txt file",
        )


def collect_signals(
    tree: Any,
    ld: list[dict[str, Any]],
    metas: list[tuple[str, str]],
    paragraphs: list[str],
    urls: list[str | None],
) -> Signals:
    """Every date the page states, by kind; see `generator.ingest.dates.decide`."""
    signals = Signals()
    # the page's own article: the first one with a date (others may be related articles); else
    # the WebPage's date
    articles = [item for item in ld if _ARTICLE_TYPES.search(_types(item))]
    pages = [item for item in ld if re.search(r"\b\w*Page\b", _types(item)) and item not in articles]
    for group in (articles, pages):
        for item in group:
            stamp = _first_stamp(item, ("datePublished", "dateCreated", "coverageStartTime"))
            if stamp is not None:
                signals.json_ld.append(stamp)
                break
        if signals.json_ld:
            break
    for item in articles + pages:
        stamp = parse_stamp(_scalar(item.get("dateModified")))
        if stamp is not None:
            signals.modified.append(stamp.day)
    for key, value in metas:
        stamp = parse_stamp(value) if key in _PUBLISHED_META or key in _MODIFIED_META else None
        if stamp is None:
            continue
        if key in _PUBLISHED_META:
            signals.meta.append(stamp)
        else:
            signals.modified.append(stamp.day)
    for url in urls:
        days, month = url_dates(url)
        signals.url += [day for day in days if day not in signals.url]
        signals.url_month = signals.url_month or month
    for paragraph in paragraphs[:3]:
        signals.dateline = find_dateline(paragraph)
        if signals.dateline is not None:
            break
    # "Published ..." lines of the page, not a date the article's own text mentions
    outside = _visible_text(tree)
    for paragraph in paragraphs:
        outside = outside.replace(paragraph, " ")
    published, modified = labelled_dates(outside)
    signals.text += published
    signals.modified += modified
    if not (signals.json_ld or signals.meta or signals.url or signals.dateline or signals.text):
        signals.fallback = _htmldate(tree)
    return signals


def _first_stamp(item: dict[str, Any], keys: tuple[str, ...]) -> Stamp | None:
    for key in keys:
        stamp = parse_stamp(_scalar(item.get(key)))
        if stamp is not None:
            return stamp
    return None


def _htmldate(tree: Any) -> dt.date | None:
    from htmldate import find_date

    try:
        # never the URL string itself (htmldate would download it), never the newest date
        found = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate's heuristics on a hostile page: no guess, not a crash
        LOGGER.debug("htmldate failed", exc_info=True)
        return None
    stamp = parse_stamp(found) if found else None
    return stamp.day if stamp else None


def _visible_text(tree: Any) -> str:
    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript", "template"):
            continue
        if element.text:
            parts.append(element.text)
        for attribute in ("aria-label",):
            if element.get(attribute):
                parts.append(f" {element.get(attribute)} ")
        if element.tail:
            parts.append(element.tail)
        parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts))


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$", "", raw)
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # what CMS templates get wrong: raw line breaks in strings, trailing commas
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", re.sub(r"[\x00-\x1f]", " ", raw)))
            except ValueError:
                continue
        yield from _ld_objects(data, depth=0)


def _ld_objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 3:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)
        if "@type" in data:
            yield data
        main = data.get("mainEntity")
        if isinstance(main, dict):
            yield from _ld_objects(main, depth + 1)


def _types(item: dict[str, Any]) -> str:
    kind = item.get("@type")
    return " ".join(str(part) for part in kind) if isinstance(kind, list) else str(kind or "")


def _scalar(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return str(value) if isinstance(value, str | int | float) else None


def _metas(tree: Any) -> Iterator[tuple[str, str]]:
    """(name, value) of the page's dated markup: meta tags and `itemprop`/`pubdate` elements."""
    for element in tree.iter("meta"):
        key = (
            element.get("property")
            or element.get("name")
            or element.get("itemprop")
            or element.get("http-equiv")
        )
        value = element.get("content")
        if key and value:
            yield key.strip().lower(), value.strip()
    for element in tree.xpath("//*[@itemprop or @pubdate]"):
        if element.tag == "meta":
            continue
        prop = (element.get("itemprop") or "").strip().lower()
        if element.get("pubdate") is not None and element.tag == "time":
            prop = prop or "datepublished"
        if prop in ("datepublished", "datemodified", "datecreated"):
            value = element.get("datetime") or element.get("content") or element.text_content()
            if value and value.strip():
                yield prop, value.strip()


def _canonical(tree: Any, markup: str, url: str | None) -> str | None:
    found: list[str] = []
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found.append(link.get("href"))
    for element in tree.iter("meta"):
        if (element.get("property") or element.get("name") or "").lower() == "og:url" and element.get(
            "content"
        ):
            found.append(element.get("content"))
    saved = _SAVED_FROM.search(markup[:4096])
    if saved:
        found.append(saved.group(1))
    for candidate in found:
        absolute = urljoin(url or "", candidate.strip())
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.netloc and parts.path not in ("", "/"):
            return absolute
    return None


def _title(document: Any, ld: list[dict[str, Any]], metas: list[tuple[str, str]], tree: Any) -> str:
    candidates: list[str | None] = [getattr(document, "title", None)]
    candidates += [_scalar(item.get("headline")) for item in ld if _ARTICLE_TYPES.search(_types(item))]
    candidates += [value for key, value in metas if key == "og:title"]
    candidates += [element.text_content() for element in tree.iter("h1")][:1]
    candidates += [element.text_content() for element in tree.iter("title")][:1]
    for candidate in candidates:
        title = re.sub(r"\s+", " ", html_lib.unescape(candidate or "")).strip()
        if title:
            return title
    return ""


def _outlet(document: Any, ld: list[dict[str, Any]], tree: Any, title: str, url: str | None) -> str | None:
    sitename = (getattr(document, "sitename", None) or "").strip()
    if sitename and not re.fullmatch(r"[\w-]+(?:\.[\w-]+)+(?::\d+)?", sitename):  # a name, not a host
        return sitename
    for item in ld:
        publisher = item.get("publisher") if _ARTICLE_TYPES.search(_types(item)) else None
        name = _scalar(publisher.get("name")) if isinstance(publisher, dict) else None
        if name:
            return name.strip()
    for element in tree.iter("title"):
        full = re.sub(r"\s+", " ", element.text_content()).strip()
        if title and full.lower().startswith(title.lower()):
            rest = full[len(title) :]
            if _TITLE_SEPARATOR.match(rest):
                parts = [part.strip() for part in re.split(r"\s+(?:\||–|—|-|·|•)\s+", rest) if part.strip()]
                name = _TITLE_SEPARATOR.sub("", parts[-1]) if parts else ""
                if name:
                    return name
    host = urlsplit(url or "").hostname
    return re.sub(r"^www\d?\.", "", host) if host else (sitename or None)


def _author(document: Any) -> str | None:
    author = re.sub(r"\s+", " ", str(getattr(document, "author", None) or "")).strip()
    if not author or re.match(r"https?://", author):
        return None
    return author


def _byline(tree: Any, paragraphs: list[str]) -> str | None:
    """The name of a "By Jane Doe" / "posted ... by Jane Doe" line above the article text."""
    text = _visible_text(tree)
    start = text.find(paragraphs[0][:60]) if paragraphs else -1
    head = text[: start if start > 0 else 2000][-600:]
    name = r"[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,3}"
    found = re.search(rf"(?:^|[\s·|,])[Bb]y\s+({name})(?![\w'’-])", head)
    return found.group(1) if found else None


def _declared_language(tree: Any, ld: list[dict[str, Any]], metas: list[tuple[str, str]]) -> str | None:
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not declared:
        for key, content in metas:
            if key in ("content-language", "language", "dc.language", "og:locale"):
                declared = content
                break
    if not declared:
        for item in ld:
            value = _scalar(item.get("inLanguage"))
            if value:
                declared = value
                break
    if not declared:
        return None
    return declared.split(",")[0].strip().replace("_", "-") or None


def _language_code(declared: str | None) -> str:
    """The language written to the front matter: the page's own tag when English, else "en"."""
    if declared and re.fullmatch(r"en(?:-[A-Za-z0-9]{2,8})*", declared, re.IGNORECASE):
        return declared.split("-")[0].lower()
    return "en"


__all__ = ["Stamp", "WebPage", "clean_paragraphs", "collect_signals", "decode_html", "read_page"]
