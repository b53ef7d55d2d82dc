"""`timeline check`: every problem in content/, as path:line:column: message, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.curation.check import Problem, check_content

ARTICLE = """---
title: Lavrov meets Kim in Wonsan
date: 2025-07-12
---
Lavrov meets Kim in Wonsan.

Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un on Saturday.
The talks lasted three hours.
"""
ACTORS = """Kim Jong Un:
  kind: person
  aliases: [Kim]
Sergey Lavrov:
  kind: person
  aliases: [Lavrov]
"""
EVENTS = """article: lavrov-kim
events:
  - id: lavrov-kim-1
    date: '2025-07-12'
    date_source: text
    title: Sergey Lavrov meets Kim Jong Un
    actors:
      - Sergey Lavrov
      - Kim Jong Un
    places: [Wonsan]
    quote: Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un on Saturday.
    sentence: 1
    confidence: 0.9
    mentions:
      - sentence: 0
        quote: Lavrov meets Kim in Wonsan.
"""


def make_content(root: Path, events: str = EVENTS, actors: str = ACTORS, article: str = ARTICLE) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "events").mkdir()
    (root / "articles" / "lavrov-kim.md").write_text(article, encoding="utf-8")
    (root / "actors.yml").write_text(actors, encoding="utf-8")
    (root / "events" / "lavrov-kim.yml").write_text(events, encoding="utf-8")
    return root


def test_valid_content_has_no_problems(tmp_path: Path) -> None:
    assert check_content(make_content(tmp_path / "content")) == []


def test_the_example_content_has_no_problems() -> None:
    root = Path(__file__).resolve().parents[1] / "content"
    assert [str(problem) for problem in check_content(root)] == []


def test_problem_prints_as_path_line_column_message() -> None:
    assert str(Problem("content/events/a.yml", 3, 7, "bad")) == "content/events/a.yml:3:7: bad"


# (old text, new text, line, column, part of the message)
MUTATIONS = [
    ("date: '2025-07-12'", "date: '2025-02-30'", 4, 11, "'2025-02-30' is not valid"),
    ("date: '2025-07-12'", "date: 2025-02-30", 4, 11, "invalid date"),
    ("date: '2025-07-12'", "date: 12 July 2025", 4, 11, "write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("date: '2025-07-12'", "date: '2025-13'", 4, 11, "month out of range"),
    ("date_source: text", "date_source: guessed", 5, 18, "date_source is one of"),
    ("      - Kim Jong Un\n", "      - Kim Jong-il\n", 9, 9, "actor 'Kim Jong-il' is not in actors.yml"),
    ("places: [Wonsan]", "places: Wonsan", 10, 13, "`places:` is a list"),
    ("on Saturday.", "on Sunday.", 11, 12, "the quote is not in article 'lavrov-kim'"),
    ("sentence: 1\n    confidence", "sentence: 2\n    confidence", 11, 12, "set `sentence: 1`"),
    ("sentence: 1\n", "sentence: first\n", 12, 15, "sentence is the number"),
    ("confidence: 0.9", "confidence: 9", 13, 17, "confidence is a number from 0 to 1"),
    ("quote: Lavrov meets Kim in Wonsan.", "quote: Lavrov met Kim.", 16, 16, "the quote is not in article"),
    ("    confidence: 0.9\n", "    confidence: 0.9\n    reveiwed: true\n", 14, 5, "unknown field 'reveiwed'"),
    ("    confidence: 0.9\n", "    confidence: 0.9\n    status: wrong\n", 14, 13, "status is rejected"),
    (
        "    confidence: 0.9\n",
        "    confidence: 0.9\n    reviewed: yes\n",
        14,
        15,
        "reviewed is true or false",
    ),
    ("    title: Sergey Lavrov meets Kim Jong Un\n", "", 3, 5, "`title:` is required"),
    ("id: lavrov-kim-1", "id: lavrov kim <1>", 3, 9, "letters, digits"),
    ("title: Sergey Lavrov meets Kim Jong Un", "title: [unclosed", 7, 11, "invalid YAML"),
    ("article: lavrov-kim", "article: other", 1, 10, "does not match the file name"),
    ("events:\n", "extra: 1\nevents:\n", 2, 1, "unknown field 'extra'"),
    ("date: '2025-07-12'", "date: 2025.5", 4, 11, "'2025.5' is not a date"),
    ("title: Sergey Lavrov meets Kim Jong Un", "title: 2025", 6, 12, "title is text"),
    ("      - Kim Jong Un\n", "      - ''\n", 8, 7, "`actors:` is a list of names"),
    (
        "quote: Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un on Saturday.",
        "quote: [a]",
        11,
        12,
        "quote is text",
    ),
    ("    sentence: 1\n", "", 3, 5, "`sentence:` is required"),
    (
        "    mentions:\n      - sentence: 0\n        quote: Lavrov meets Kim in Wonsan.\n",
        "    mentions: none\n",
        14,
        15,
        "mentions is a list of {sentence: <number>, quote: <text>}",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "message"), MUTATIONS, ids=[m[4] for m in MUTATIONS]
)
def test_each_broken_event_is_named_where_it_is(
    tmp_path: Path, old: str, new: str, line: int, column: int, message: str
) -> None:
    assert EVENTS.count(old) == 1
    root = make_content(tmp_path / "content", events=EVENTS.replace(old, new))
    problems = check_content(root)
    path = str(root / "events" / "lavrov-kim.yml")
    assert any(p.path == path and message in p.message for p in problems), problems
    found = next(p for p in problems if message in p.message)
    assert (found.line, found.column) == (line, column), str(found)


def test_the_fields_a_person_writes_are_known(tmp_path: Path) -> None:
    mine = "    status: rejected\n    reviewed: true\n    note: checked by phone\n    article: lavrov-kim\n"
    events = EVENTS.replace("    confidence: 0.9\n", "    confidence: 0.9\n" + mine)
    assert check_content(make_content(tmp_path / "content", events=events)) == []


def test_all_problems_are_reported_at_once_in_order(tmp_path: Path) -> None:
    events = EVENTS.replace("date: '2025-07-12'", "date: '2025-02-30'").replace(
        "confidence: 0.9", "confidence: 2"
    )
    root = make_content(tmp_path / "content", events=events, actors=ACTORS + "Nobody:\n  kind: alien\n")
    (root / "articles" / "empty.md").write_text("", encoding="utf-8")
    problems = check_content(root)
    messages = [p.message for p in problems]
    assert len(problems) == 4, messages
    assert problems == sorted(problems, key=lambda p: (p.path, p.line, p.column))
    assert any("kind 'alien'" in message for message in messages)
    assert any("the file is empty" in message for message in messages)


def test_duplicate_ids_name_the_first_use(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    copy = EVENTS.replace("article: lavrov-kim", "article: lavrov-kim-2")
    (root / "articles" / "lavrov-kim-2.md").write_text(ARTICLE, encoding="utf-8")
    (root / "events" / "lavrov-kim-2.yml").write_text(copy, encoding="utf-8")
    problems = check_content(root)
    assert [str(p) for p in problems] == [
        f"{root}/events/lavrov-kim.yml:3:9: id 'lavrov-kim-1' is already used at "
        f"{root}/events/lavrov-kim-2.yml:3; ids must be unique"
    ]


def test_an_alias_two_actors_claim_is_ambiguous(tmp_path: Path) -> None:
    actors = ACTORS + "Kim Yo Jong:\n  kind: person\n  aliases: [Kim]\n"
    problems = check_content(make_content(tmp_path / "content", actors=actors))
    assert [(p.line, p.column) for p in problems] == [(9, 13)]
    assert "'Kim' names both 'Kim Jong Un' and 'Kim Yo Jong'" in problems[0].message


def test_a_rejected_event_is_not_checked_against_its_article(tmp_path: Path) -> None:
    events = EVENTS.replace("on Saturday.", "on Sunday.").replace(
        "    sentence: 1\n", "    sentence: 1\n    status: rejected\n"
    )
    assert check_content(make_content(tmp_path / "content", events=events)) == []


def test_an_events_file_without_its_article_is_reported(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "events" / "gone.yml").write_text("article: gone\nevents: []\n", encoding="utf-8")
    assert [p.message for p in check_content(root)] == [
        "no article has the slug 'gone'; restore it in articles/ or delete this file"
    ]


def test_bad_front_matter_is_reported_once_with_its_line(tmp_path: Path) -> None:
    article = ARTICLE.replace("date: 2025-07-12", "date: 2025-02-30")
    root = make_content(tmp_path / "content", article=article)
    (root / "articles" / "other.md").write_text(
        ARTICLE.replace("Lavrov meets", "Lavrov greets"), encoding="utf-8"
    )
    (root / "events" / "other.yml").write_text("article: other\nevents: []\n", encoding="utf-8")
    problems = check_content(root)
    assert [(p.path, p.line) for p in problems] == [(str(root / "articles" / "lavrov-kim.md"), 3)]
    assert "invalid front matter" in problems[0].message


def test_cli_check_prints_problems_and_exits_non_zero(tmp_path: Path) -> None:
    root = make_content(
        tmp_path / "content", events=EVENTS.replace("date_source: text", "date_source: guess")
    )
    result = CliRunner().invoke(main, ["check", "--content", str(root)])
    assert result.exit_code == 1
    assert result.output.startswith(
        f"{root}/events/lavrov-kim.yml:5:18: event lavrov-kim-1: date_source is one of"
    )
    clean = CliRunner().invoke(main, ["check", "--content", str(make_content(tmp_path / "ok"))])
    assert clean.exit_code == 0, clean.output


def test_the_mkdocs_plugin_fails_with_the_same_lines(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import Files

    root = make_content(tmp_path / "content", events=EVENTS.replace("confidence: 0.9", "confidence: 9"))
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: T\ndocs_dir: docs\nplugins:\n  - timeline:\n      content: content\n", encoding="utf-8"
    )
    config = load_config(str(config_file))
    with pytest.raises(PluginError) as caught:
        config.plugins["timeline"].on_files(Files([]), config=config)
    expected = [str(problem) for problem in check_content(root)]
    assert len(expected) == 1
    assert str(caught.value).splitlines()[1:] == expected


def test_a_dateline_that_disagrees_with_the_date_is_a_warning_not_an_error(tmp_path: Path) -> None:
    dated = ARTICLE.replace("\n---\n", "\n---\nWONSAN, July 11 (Reuters) - \n", 1)
    root = make_content(tmp_path / "content", article=dated)
    [warning] = check_content(root)
    assert warning.warning and "2025-07-11" in warning.message and "2025-07-12" in warning.message
    result = CliRunner().invoke(main, ["check", "--content", str(root)])
    assert result.exit_code == 0 and "warning: the dateline" in result.output
