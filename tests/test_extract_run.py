"""A run over content/: the cache decides what goes through the NLP; clashes and failures stay local."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.extract import run
from generator.store.content import Content
from generator.text import slugify

EXAMPLES = Path(__file__).resolve().parents[1] / "content" / "articles"
pytestmark = pytest.mark.slow


@pytest.fixture
def content(tmp_path: Path, nlp) -> Content:  # type: ignore[no-untyped-def]
    assert nlp is not None  # loaded once per session; extraction in this process reuses it
    root = tmp_path / "content"
    shutil.copytree(EXAMPLES, root / "articles")
    return Content(root)


def article(content: Content, name: str, body: str, front: str = "") -> Path:
    path = content.articles / name
    path.write_text(
        f"---\ntitle: {body.split('.')[0]}\ndate: 2024-05-02\n{front}---\n{body}\n", encoding="utf-8"
    )
    return path


def test_adding_one_article_runs_the_nlp_on_that_article_only(content: Content) -> None:
    first = run.extract_content(content)
    assert first.extracted == len(list(content.articles.iterdir())) and not first.failures
    article(
        content, "2024-port.md", "Maria Ortiz opened the new port in Lisbon on Tuesday. Officials cheered."
    )
    second = run.extract_content(content)
    assert second.extracted == 1 and not second.failures
    assert content.events_file("2024-port").exists()
    assert second.files_changed == 2  # its events file (with its extraction record), actors.yml


def test_a_new_extractor_version_or_model_redoes_the_nlp(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    run.extract_content(content)
    monkeypatch.setattr(run, "EXTRACTOR_VERSION", "test-next")
    report = run.extract_content(content)
    assert report.extracted == report.articles and report.files_changed == 0  # same rules: same output


def test_a_deleted_cache_is_rebuilt_and_nothing_changes(content: Content) -> None:
    run.extract_content(content)
    shutil.rmtree(content.root / ".timeline-cache")
    report = run.extract_content(content)
    assert report.extracted == report.articles and report.files_changed == 0
    assert (content.root / ".timeline-cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_two_articles_with_one_slug_are_both_reported_and_the_others_go_on(content: Content) -> None:
    article(content, "a.md", "Maria Ortiz opened the port on Tuesday.", front="slug: port\n")
    article(content, "b.md", "John Keller closed the port on Friday.", front="slug: port\n")
    report = run.extract_content(content)
    assert len(report.failures) == 1 and "2 articles have the slug 'port'" in report.failures[0]
    assert not content.events_file("port").exists()
    assert content.events_file("1957-sputnik").exists()


def test_long_names_that_differ_only_at_the_end_get_two_slugs() -> None:
    stem = "a-very-long-headline-about-the-port-authority-and-its-plans-for-the-coming-decade-of-"
    first, second = slugify(stem + "growth"), slugify(stem + "decline")
    assert first != second and len(first) <= 80 and first.startswith(stem[:60])
    assert slugify(stem + "growth") == first  # stable


def test_an_article_the_extractor_fails_on_is_reported_and_the_others_go_on(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.extract import article as article_module

    real = article_module.extract_events

    def fail_on_the_port(article, *rest):  # type: ignore[no-untyped-def]
        if article.slug == "2024-port":
            raise RuntimeError("boom")
        return real(article, *rest)

    monkeypatch.setattr(article_module, "extract_events", fail_on_the_port)
    path = article(content, "2024-port.md", "Maria Ortiz opened the new port in Lisbon on Tuesday.")
    report = run.extract_content(content)
    assert len(report.failures) == 1 and str(path) in report.failures[0] and "boom" in report.failures[0]
    assert content.events_file("1957-sputnik").exists() and not content.events_file("2024-port").exists()


def test_an_article_that_failed_is_tried_again_at_the_next_run(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.extract import article as article_module

    real = article_module.extract_events
    article(content, "2024-port.md", "Maria Ortiz opened the new port in Lisbon on Tuesday.")
    with monkeypatch.context() as patch:
        patch.setattr(
            article_module, "extract_events", lambda *args: (_ for _ in ()).throw(RuntimeError("x"))
        )
        assert run.extract_content(content).failures
    assert article_module.extract_events is real
    report = run.extract_content(content)
    assert not report.failures and report.extracted == report.articles  # every article failed the first time
    assert content.events_file("2024-port").exists()


def test_a_hand_edit_to_an_events_file_is_merged_not_skipped(content: Content) -> None:
    run.extract_content(content)
    path = content.events_file("1957-sputnik")
    edited = path.read_text(encoding="utf-8").replace("\n", "\n# a curator's comment\n", 1)
    path.write_text(edited, encoding="utf-8")
    report = run.extract_content(content)
    assert report.extracted == 0 and report.files_changed == 0
    assert path.read_text(encoding="utf-8") == edited


def test_the_example_content_is_what_the_extractor_gives(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """`make serve` on a fresh clone must change nothing: the committed events are up to date."""
    assert nlp is not None
    root = tmp_path / "content"
    shutil.copytree(EXAMPLES.parent, root, ignore=shutil.ignore_patterns(".timeline-cache", ".timeline.lock"))
    report = run.extract_content(Content(root))
    assert report.failures == [] and report.files_changed == 0
