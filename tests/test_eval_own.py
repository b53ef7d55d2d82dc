"""`timeline eval own`: reading our own annotated news and scoring it the SemEval way."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.errors import ContentError
from generator.evaluation import events, own
from generator.evaluation.events import ArticleOutput, Candidate
from generator.model import Article
from generator.text import split_sentences

ARTICLE = """---
title: Mayor resigns
date: 2020-05-08
---
Mayor resigns

SPRINGFIELD, May 8 (Reuters) - Mayor Ann Lowe resigned on Friday. The council will meet on Monday.
"""
GOLD = """Ann Lowe:
  - ["2020-05-08", "Mayor resigns"]
  - ["2020-05-08", "Ann Lowe resigned"]
"""


def _corpus(tmp_path: Path, gold: str = GOLD) -> Path:
    folder = tmp_path / "politics"
    folder.mkdir()
    (folder / "mayor.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "mayor.gold.yml").write_text(gold, encoding="utf-8")
    return tmp_path


def _extractor(*quotes: tuple[str, str]) -> events.Extractor:
    """An extractor telling one event of Ann Lowe per (quote, date)."""

    def extract(article: Article) -> ArticleOutput:
        sentences = {s.text: s.index for s in split_sentences(article.text)}
        candidates = tuple(
            Candidate(
                next(i for text, i in sentences.items() if quote in text),
                quote,
                date,
                "text",
                ("Ann Lowe",),
                ("Ann Lowe",),
            )
            for quote, date in quotes
        )
        return ArticleOutput(candidates, (("Ann Lowe",),))

    return extract


def test_gold_snippets_become_sentence_ids(tmp_path: Path) -> None:
    (article,) = own.read_corpus(_corpus(tmp_path))
    (timeline,) = article.timelines
    assert article.domain == "politics"
    assert [mention.sentence for entry in timeline.entries for mention in entry.mentions] == [0, 1]


def test_a_snippet_in_no_sentence_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="no sentence"):
        own.read_corpus(_corpus(tmp_path, 'Ann Lowe:\n  - ["2020-05-08", "Lowe was re-elected"]\n'))


def test_a_snippet_in_two_sentences_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="2 sentences"):
        own.read_corpus(_corpus(tmp_path, 'Ann Lowe:\n  - ["2020-05-08", "resign"]\n'))


def test_scores_count_sentences_and_dates_per_domain(tmp_path: Path) -> None:
    articles = own.read_corpus(_corpus(tmp_path))
    extractor = _extractor(("Ann Lowe resigned", "2020-05-07"), ("The council will meet", "2020-05-11"))
    report = own.evaluate(articles, extractor, "test")
    (corpus,) = report.corpora
    assert corpus.name == "politics"
    assert (corpus.counts.tp, corpus.counts.fp, corpus.counts.fn, corpus.counts.dated_tp) == (1, 1, 1, 0)


def test_every_own_article_reads_and_splits_the_same_as_its_gold_lines() -> None:
    articles = own.read_corpus()
    assert len(articles) >= 55
    assert len({article.domain for article in articles}) >= 11
    for article in articles:
        ours = [s.text for s in split_sentences(article.article.text)]
        assert [s.text for s in split_sentences(article.document.text)] == ours, article.article.slug


def test_eval_own_without_articles_is_skipped(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "own", "--corpus", str(tmp_path)])
    assert result.exit_code == 0
    assert "skipped" in result.output
