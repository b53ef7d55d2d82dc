"""Golden tests that read like examples: an article in, its events YAML out.

Inputs are the example articles in content/articles/ (written for this project); the expected
YAML is tests/golden/<slug>.yml. After an intended change, refresh them with
`.venv/bin/python -m pytest tests/test_golden.py --update-goldens` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.article import extract_article
from generator.ingest.articles import find_articles, read_article
from generator.registry import ActorRegistry
from generator.store.schema import event_fields
from generator.store.yaml_io import dump_yaml

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
ARTICLES = find_articles(ROOT / "content" / "articles")


def events_yaml(nlp, path: Path) -> str:  # type: ignore[no-untyped-def]
    article = read_article(path)
    events = extract_article(article, nlp=nlp, registry=ActorRegistry()).events
    return dump_yaml({"article": article.slug, "events": [{"id": e.id, **event_fields(e)} for e in events]})


@pytest.mark.parametrize("path", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_article_gives_its_golden_events(nlp, path: Path, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    actual = events_yaml(nlp, path)
    golden = GOLDEN / f"{path.stem}.yml"
    if request.config.getoption("--update-goldens"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file; run with --update-goldens to create {golden}"
    assert actual == golden.read_text(encoding="utf-8")
