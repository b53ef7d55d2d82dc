"""`timeline add`: bring articles in from the web, saved pages, text files and feeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.command("add", context_settings=CONTEXT_SETTINGS)
@click.argument("sources", nargs=-1, metavar="URL|FILE|FOLDER...")
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="URL",
    help="An RSS or Atom feed: add its items that content/ does not have yet (repeatable).",
)
@click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"),
    show_default=True,
    help="The content folder: articles/, sources/, events/ and actors.yml.",
)
@click.option(
    "--date",
    "date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The publication date, YYYY-MM-DD, for what is added (over any date the page gives).",
)
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Try again the feed items that failed on earlier runs (content/feed-failures.yml).",
)
@click.option("--extract", is_flag=True, help="Then run `timeline extract` on the content folder.")
def add(
    sources: tuple[str, ...],
    feeds: tuple[str, ...],
    content_dir: Path,
    date: dt.datetime | None,
    retry_failed: bool,
    extract: bool,
) -> None:
    """Add articles from web pages, saved HTML pages, .txt/.md files or feeds to content/articles.

    Each article is written as content/articles/<date>-<title-words>.md with its front matter
    (title, date, source, url, author, language, retrieved, date_from, archived), and a web
    page's original HTML is kept in content/sources/<slug>.html (.html.gz when large). What is
    already in content/ (the same canonical URL, or the same text) is skipped. A page with no
    publication date is refused: pass --date. Each failure is one line naming the URL or file;
    nothing partial is written, the others go on, and the exit status is 1. A feed item that
    failed is recorded in content/feed-failures.yml and not downloaded again on later runs
    (a timeout or a server error is tried up to 5 times), so an hourly import stays quiet.

    \b
    Example:
        timeline add https://example.org/news/2024/03/03/senate-vote
        timeline add saved-pages/ story.txt --date 2024-03-03
        timeline add --feed https://example.org/rss.xml --extract
    """
    from generator.ingest.add import Library, add_feed, add_sources
    from generator.ingest.failures import FailureLog
    from generator.store.content import Content, content_lock

    if not sources and not feeds:
        raise click.UsageError("give at least one URL, file or folder, or --feed URL")
    content = Content(content_dir)
    day = date.date() if date is not None else None
    library = Library.load(content)
    failures = FailureLog.load(content, retry=retry_failed)
    outcomes = add_sources(content, sources, date=day, library=library)
    for outcome in outcomes:
        click.echo(outcome.line(), err=outcome.status == "failed")
    for feed in feeds:
        feed_outcomes, summary = add_feed(content, feed, date=day, library=library, failures=failures)
        for outcome in feed_outcomes:
            click.echo(outcome.line(), err=outcome.status == "failed")
        click.echo(summary)
        outcomes += feed_outcomes
    failures.forget(*(outcome.given for outcome in outcomes if outcome.status != "failed"))
    with content_lock(content):
        failures.save()
    failed = sum(outcome.status == "failed" for outcome in outcomes)
    added = sum(outcome.status == "added" for outcome in outcomes)
    if len(outcomes) > 1:
        skipped = sum(outcome.status == "skipped" for outcome in outcomes)
        click.echo(f"{added} added, {skipped} skipped, {failed} failed")
    if extract and added:
        from generator.extract.run import extract_content

        report = extract_content(Content(content_dir))
        for failure in report.failures:
            click.echo(f"error: {failure}", err=True)
        click.echo(
            f"{report.articles} articles, {report.events} events; "
            f"{report.files_changed} files changed in {content_dir}"
        )
        failed += len(report.failures)
    if failed:
        raise SystemExit(1)
