"""The `timeline` command: help everywhere, documented in the README, clean errors."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli.main import main

README = Path(__file__).resolve().parents[1] / "README.md"


def all_commands(group: click.Group, prefix: str = "timeline") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found += all_commands(command, path)
    return found


COMMANDS = all_commands(main)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[path for path, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path: str, command: click.Command) -> None:
    args = path.split()[1:]
    result = CliRunner().invoke(main, [*args, "-h"])
    assert result.exit_code == 0, result.output
    assert (command.help or "").strip(), f"{path} has no help"
    assert "Example:" in result.output, f"{path} help has no Example block"


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS])
def test_every_command_is_in_the_readme(path: str) -> None:
    assert path in README.read_text(encoding="utf-8"), f"README does not mention `{path}`"


def test_an_article_without_a_date_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "undated.md").write_text(
        "---\ntitle: No date\n---\nBoeing built a plane.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["extract", "--content", str(tmp_path / "content")])
    assert result.exit_code == 1
    assert "undated.md" in result.output and "date: YYYY-MM-DD" in result.output
    assert not (tmp_path / "content" / "events" / "undated.yml").exists()
    assert "Traceback" not in result.output
