"""Properties that must hold at any size, checked on 300 real news documents from ../shared/data.

The output of `timeline extract` is byte-identical whatever the order the articles are read in
and whatever the number of processes; a second run writes nothing and runs no NLP; an edit to
actors.yml re-resolves names without NLP. Skipped when ../shared/data is absent.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.evaluation.corpus import news_articles, write_articles
from generator.extract import run
from generator.store.content import Content
from generator.store.events import load_all_events
from generator.store.yaml_io import dump_yaml, read_yaml

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SIZE = 300
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (DATA / "timebank_aquaint_tbaq").is_dir(), reason=f"no news data at {DATA}"),
]


def snapshot(content: Content) -> dict[str, bytes]:
    """Every file extraction writes (the cache aside), by path."""
    files = [content.actors, *content.events.rglob("*")]
    return {str(path.relative_to(content.root)): path.read_bytes() for path in files if path.is_file()}


def stamps(content: Content) -> dict[str, int]:
    files = [content.actors, *content.events.rglob("*")]
    return {str(path): path.stat().st_mtime_ns for path in files if path.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("news")
    articles = news_articles(DATA, limit=SIZE)
    assert len(articles) == SIZE
    write_articles(articles, root / "articles")
    return root


@pytest.fixture(scope="module")
def in_order(corpus: Path, tmp_path_factory: pytest.TempPathFactory, nlp) -> Content:  # type: ignore[no-untyped-def]
    """The corpus extracted in one process, articles in name order."""
    content = Content(tmp_path_factory.mktemp("in-order") / "content")
    shutil.copytree(corpus / "articles", content.articles)
    report = run.extract_content(content, jobs=1)
    assert not report.failures and report.extracted == SIZE
    return content


def test_the_output_is_the_same_in_any_order_and_with_two_processes(
    in_order: Content, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = Content(tmp_path / "content")
    shutil.copytree(corpus / "articles", content.articles)
    found = run.find_articles
    monkeypatch.setattr(run, "find_articles", lambda folder: list(reversed(found(folder))))
    report = run.extract_content(content, jobs=2)
    assert not report.failures and report.extracted == SIZE
    assert snapshot(content) == snapshot(in_order)


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading a model fails the test: what follows must run without NLP."""
    from generator.extract import pipeline

    def refuse(name: str | None = None) -> None:
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(pipeline, "load_pipeline", refuse)


@pytest.mark.usefixtures("no_model")
def test_a_second_run_writes_nothing_and_runs_no_nlp(in_order: Content) -> None:
    before = stamps(in_order)
    report = run.extract_content(in_order, jobs=2)
    assert report.files_changed == 0 and report.failures == [] and report.extracted == 0
    assert report.articles == SIZE
    assert stamps(in_order) == before


@pytest.mark.usefixtures("no_model")
def test_an_alias_in_actors_yml_reresolves_names_without_nlp(in_order: Content, tmp_path: Path) -> None:
    content = Content(tmp_path / "content")
    shutil.copytree(in_order.root, content.root)
    busiest = Counter(name for event in load_all_events(content) for name in event.actors).most_common(1)[0][
        0
    ]
    renamed = f"{busiest} (renamed)"
    actors = read_yaml(content.actors)
    entry = actors.pop(busiest)  # a person makes the name an alias of a new canonical name
    entry["aliases"].append(busiest)
    actors[renamed] = entry
    content.actors.write_text(dump_yaml(actors), encoding="utf-8")
    report = run.extract_content(content)
    assert report.extracted == 0 and report.failures == [] and report.files_changed > 0
    names = {name for event in load_all_events(content) for name in event.actors}
    assert renamed in names and busiest not in names
