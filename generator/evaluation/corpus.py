"""Real news texts from ../shared/data as articles: for the tests and benchmarks that need size.

TimeBank + AQUAINT and SemEval (TimeML, with their creation dates), MEANTIME (Wikinews) and ECB+
(web news, read by the ECB+ evaluation's reader). Together about a
thousand documents, written as Markdown articles with front matter, so a run over them is a run
over real text. The texts stay in ../shared/data; only a temporary folder receives copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from generator.evaluation.ecbplus import find_root as find_ecbplus
from generator.evaluation.ecbplus import read_documents as read_ecbplus
from generator.evaluation.meantime import find_root as find_meantime
from generator.evaluation.meantime import read_documents as read_meantime
from generator.evaluation.timeml import find_timeml_files, read_timeml
from generator.model import Article
from generator.text import slugify


def news_articles(data_dir: Path, limit: int | None = None) -> list[Article]:
    """Up to `limit` real news articles from `data_dir`, in a fixed order ([] when it is absent)."""
    articles: list[Article] = []
    for article in _all_articles(data_dir):
        if limit is not None and len(articles) >= limit:
            break
        if article.text.strip():
            articles.append(article)
    return articles


def write_articles(articles: list[Article], articles_dir: Path) -> list[Path]:
    """Write `articles` as Markdown files with front matter under `articles_dir`."""
    articles_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = articles_dir / f"{article.slug}.md"
        title = article.title.replace('"', "'")
        text = article.text.replace("\n", "\n\n")
        path.write_text(
            f'---\ntitle: "{title}"\ndate: {article.published.isoformat()}\n---\n{text}\n', "utf-8"
        )
        paths.append(path)
    return paths


def _all_articles(data_dir: Path) -> Iterator[Article]:
    seen: set[str] = set()
    # chained, not unpacked: a small `limit` reads only the first corpus's files
    corpora = (_timeml_articles(data_dir), _meantime_articles(data_dir), _ecbplus_articles(data_dir))
    for article in chain(*corpora):
        if article.slug not in seen:
            seen.add(article.slug)
            yield article


def _timeml_articles(data_dir: Path) -> Iterator[Article]:
    for path in find_timeml_files(data_dir):
        document = read_timeml(path)
        lines = [line.strip() for line in document.text.splitlines() if line.strip()]
        if lines:
            yield Article(slugify(path.stem), _title(lines[0]), document.dct, "\n".join(lines))


def _meantime_articles(data_dir: Path) -> Iterator[Article]:
    root = find_meantime(data_dir)
    if root is None:
        return
    for document in read_meantime(root):
        yield document.article()


def _ecbplus_articles(data_dir: Path) -> Iterator[Article]:
    root = find_ecbplus(data_dir)
    if root is None:
        return
    for document in read_ecbplus(root):
        if document.lines:
            yield document.article()


def _title(line: str) -> str:
    words = line.split()
    return " ".join(words[:14]) + (" ..." if len(words) > 14 else "")


_PEOPLE = [
    f"{first} {last}"
    for first in ("Maria", "John", "Aiko", "Omar", "Lena")
    for last in ("Ortiz", "Keller", "Sato")
]
_ORGANIZATIONS = [
    "Northwind Bank",
    "the Harbor Council",
    "Apex Motors",
    "the Ministry of Transport",
    "Union Rail",
]
_PLACES = ["Lisbon", "Denver", "Osaka", "Nairobi", "Toronto", "Krakow"]
_VERBS = ["met", "criticised", "signed an agreement with", "sued", "praised", "hired"]
_DAYS = ["on Monday", "on Tuesday", "last week", "on March 3", "in 2019", "yesterday"]


def generated_articles(size: int, seed: int = 11) -> list[Article]:
    """`size` generated news articles (for benchmarks when no real news is at hand)."""
    import random

    rng = random.Random(seed)
    articles = []
    for number in range(size):
        published = dt.date(2015, 1, 1) + dt.timedelta(days=3 * number)
        lines = []
        for _ in range(rng.randint(6, 14)):
            subject, target = rng.choice(_PEOPLE), rng.choice([*_PEOPLE, *_ORGANIZATIONS])
            lines.append(
                f"{subject} {rng.choice(_VERBS)} {target} in {rng.choice(_PLACES)} {rng.choice(_DAYS)}, "
                f"officials said."
            )
        title = lines[0].split(",")[0]
        articles.append(Article(f"generated-{number:05d}", title, published, "\n".join(lines)))
    return articles
