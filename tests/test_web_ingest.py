"""`timeline add`: web pages, saved pages, text files and feeds, against a local news site.

The pages in tests/fixtures/web/ were written for these tests in the layouts of several kinds of
outlet (wire, broadsheet, tabloid, live blog, local WordPress paper, magazine, broadcaster); they
are served from 127.0.0.1 by tests/web_server.py, with routes for every way the web fails. No test
reaches beyond 127.0.0.1: trafilatura, htmldate and feedparser must work offline.
"""

from __future__ import annotations

import datetime as dt
import gzip
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator.cli.main import main
from generator.errors import ArticleError
from generator.ingest import dates, fetch
from generator.ingest.add import Library, escape_markdown, normalize_url, unique_slug
from generator.ingest.articles import find_articles, plain_text, read_article
from generator.ingest.dates import Signals, Stamp, decide, find_dateline, parse_stamp, url_dates
from generator.ingest.web import clean_paragraphs, decode_html, read_page
from generator.store.content import Content
from generator.store.yaml_io import read_yaml_values

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_server import FIXTURES, HUGE_BYTES, PAGES, NewsSite, news_site, page

DATED = [entry for entry in PAGES if "date" in entry]
REFUSED = [entry for entry in PAGES if "error" in entry]


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    with news_site() as running:
        yield running


@pytest.fixture(autouse=True)
def local_network_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection beyond 127.0.0.1 fails the test: nothing may download at run time."""
    connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else str(address)
        if host not in ("127.0.0.1", "::1", "localhost") and self.family != socket.AF_UNIX:
            raise AssertionError(f"the test tried to reach {host}")
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def add(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["add", *args, "--content", str(tmp_path / "content")])


def written(tmp_path: Path) -> list[Path]:
    return find_articles(tmp_path / "content" / "articles")


def archives(tmp_path: Path) -> list[Path]:
    sources = tmp_path / "content" / "sources"
    return sorted(sources.iterdir()) if sources.is_dir() else []


# --- every page of the fixture set ----------------------------------------------------------


@pytest.mark.parametrize("entry", DATED, ids=[entry["file"] for entry in DATED])
def test_a_news_page_becomes_an_article_with_its_metadata_and_text(
    site: NewsSite, tmp_path: Path, entry: dict[str, Any]
) -> None:
    result = add(tmp_path, site.url(entry["path"]))
    assert result.exit_code == 0, result.output
    [path] = written(tmp_path)
    article = read_article(path)
    assert article.title == entry["title"]
    assert (article.published, article.date_from) == (entry["date"], entry["date_from"])
    assert article.source == entry["source"]
    if "author" in entry:
        assert entry["author"] in (article.author or "")
    assert article.url == entry.get("url", site.url(entry["path"]))
    assert article.language == "en"
    assert article.retrieved and dt.datetime.fromisoformat(article.retrieved.replace("Z", "+00:00"))
    assert path.name == f"{entry['date']}-{path.stem[11:]}.md" and path.stem[11:]
    for sentence in entry["kept"]:
        assert sentence in article.text, f"lost: {sentence}"
    for boilerplate in entry["boilerplate"]:
        assert boilerplate not in article.text, f"boilerplate kept: {boilerplate}"
    assert article.text.split("\n\n")[0] == entry["title"]
    [archive] = archives(tmp_path)
    assert article.archived == f"sources/{archive.name}" == f"sources/{path.stem}.html"
    assert archive.read_bytes() == (FIXTURES / entry["file"]).read_bytes()


@pytest.mark.parametrize("entry", REFUSED, ids=[entry["file"] for entry in REFUSED])
def test_a_page_that_is_no_english_article_is_refused_and_nothing_is_written(
    site: NewsSite, tmp_path: Path, entry: dict[str, Any]
) -> None:
    url = site.url(entry["path"])
    result = add(tmp_path, url)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {url}: ") and entry["error"] in lines[0]
    assert "Traceback" not in result.output
    assert written(tmp_path) == [] and archives(tmp_path) == []


def test_a_page_without_a_date_names_the_url_and_asks_for_date(site: NewsSite, tmp_path: Path) -> None:
    url = site.url(page("notes-opinion.html")["path"])
    result = add(tmp_path, url)
    assert result.exit_code == 1 and url in result.output and "--date YYYY-MM-DD" in result.output
    result = add(tmp_path, url, "--date", "2024-02-20")
    assert result.exit_code == 0, result.output
    [path] = written(tmp_path)
    article = read_article(path)
    assert (article.published, article.date_from) == (dt.date(2024, 2, 20), "given")
    assert path.name == "2024-02-20-why-our-towns-need-their-libraries-more-than-ever.md"


def test_an_updated_date_is_never_taken_for_the_publication_date(site: NewsSite, tmp_path: Path) -> None:
    # modified meta, dateModified and "Updated June 11, 2024" on the page; nothing else
    result = add(tmp_path, site.url(page("tribune-modified-only.html")["path"]))
    assert (
        result.exit_code == 1 and "no publication date" in result.output and "updated date" in result.output
    )
    # published May 2, updated May 6 (meta, and both written on the page)
    result = add(tmp_path, site.url(page("register-council.html")["path"]))
    assert read_article(written(tmp_path)[0]).published == dt.date(2024, 5, 2)


def test_date_given_overrides_the_page_and_says_so(site: NewsSite, tmp_path: Path) -> None:
    result = add(tmp_path, site.url(page("wire-senate.html")["path"]), "--date", "2024-03-04")
    assert result.exit_code == 0
    assert "the page says 2024-03-03, from json-ld" in result.output
    article = read_article(written(tmp_path)[0])
    assert (article.published, article.date_from) == (dt.date(2024, 3, 4), "given")


# --- saved pages and text files -------------------------------------------------------------


def test_a_page_saved_from_the_browser(tmp_path: Path) -> None:
    saved = FIXTURES / "saved-harbour-strike.html"
    result = add(tmp_path, str(saved))
    assert result.exit_code == 0, result.output
    article = read_article(written(tmp_path)[0])
    assert article.url == "https://www.portnews.example/business/dockworkers-strike-shuts-port-of-antwerp"
    assert (article.published, article.date_from, article.source) == (
        dt.date(2023, 10, 19),
        "json-ld",
        "Port News Daily",
    )
    assert article.retrieved is None  # not fetched by us
    assert archives(tmp_path)[0].read_bytes() == saved.read_bytes()


def test_a_folder_of_saved_pages_and_texts(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for name in ("saved-harbour-strike.html", "gazette-bridge.html", "notes-opinion.html"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = add(tmp_path, str(folder))
    # the gazette's only date is in its URL, which a saved copy without a canonical link lacks
    assert result.exit_code == 1
    assert result.output.count("error: ") == 2 and "gazette-bridge.html" in result.output
    assert "2 failed" in result.output and "1 added" in result.output
    assert len(written(tmp_path)) == 1


def test_text_files_with_a_dateline_or_front_matter(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Nurses strike over pay\n\nBOSTON, May 6, 2024 (Meridian) - Thousands of nurses walked out of "
        "hospitals across the state on Monday in the largest strike in the history of the profession, "
        "demanding higher pay and more staff on every ward. The union said more than 20,000 of its members "
        "had joined the strike, which is due to last for two days.\n",
        encoding="utf-8",
    )
    markdown = tmp_path / "brief.md"
    markdown.write_text(
        "---\ntitle: Council *approves* budget\ndate: 2024-03-01\nsource: Town Crier\n"
        "note: checked by phone\n---\n"
        "The council approved the budget on **Friday** after a debate that ran late into the night.\n",
        encoding="utf-8",
    )
    undated = tmp_path / "undated.txt"
    undated.write_text("A headline\n\nSomething happened on Tuesday, officials said.\n", encoding="utf-8")
    result = add(tmp_path, str(story), str(markdown), str(undated))
    assert result.exit_code == 1
    assert f"error: {undated}: no publication date" in result.output and "--date" in result.output
    by_title = {read_article(path).title: read_article(path) for path in written(tmp_path)}
    nurses = by_title["Nurses strike over pay"]
    assert (nurses.published, nurses.date_from, nurses.archived) == (dt.date(2024, 5, 6), "dateline", None)
    brief = by_title["Council *approves* budget"]
    assert (brief.published, brief.date_from, brief.source) == (dt.date(2024, 3, 1), "given", "Town Crier")
    assert "note: checked by phone" in brief.path.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert "**Friday**" in brief.path.read_text(encoding="utf-8")  # type: ignore[union-attr]


def test_a_missing_file_or_another_kind_of_file(tmp_path: Path) -> None:
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    result = add(tmp_path, str(tmp_path / "nowhere.html"), str(tmp_path / "slides.pptx"))
    assert result.exit_code == 1
    assert "nowhere.html: no such file" in result.output and "slides.pptx: not a web page" in result.output


# --- duplicates and slugs -------------------------------------------------------------------


def test_the_same_article_twice_is_not_duplicated(site: NewsSite, tmp_path: Path) -> None:
    senate = site.url(page("wire-senate.html")["path"])
    assert add(tmp_path, senate).exit_code == 0
    result = add(
        tmp_path,
        senate,  # the same URL
        senate + "?utm_source=twitter&utm_medium=social",  # the same URL, tracked
        site.url("/redirect/once"),  # redirected to it
        site.url("/syndicated/senate"),  # another URL, no canonical link: the same text
        str(FIXTURES / "wire-senate.html"),  # the saved page: the same canonical URL
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("skipped ") == 5 and "(same text)" in result.output
    assert len(written(tmp_path)) == 1 and len(archives(tmp_path)) == 1


def test_slugs_are_readable_stable_and_unique(tmp_path: Path) -> None:
    content = Content(tmp_path / "content")
    library = Library.load(content)
    day = dt.date(2024, 3, 3)
    slug = unique_slug(library, day, "Japan's exports rise — again: “a record”")
    assert slug == "2024-03-03-japans-exports-rise-again-a-record"
    assert unique_slug(library, day, "Japan's exports rise — again: “a record”") == slug
    library.slugs.add(slug)
    assert unique_slug(library, day, "Japan's exports rise, again: a record") == slug + "-2"
    long = unique_slug(library, day, "word " * 40)
    assert len(long) <= 71 and not long.endswith("-")


def test_a_different_article_with_the_same_title_and_date_gets_its_own_slug(
    site: NewsSite, tmp_path: Path
) -> None:
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "2024-03-03-senate-passes-stopgap-bill-averting-government-shutdown.md").write_text(
        "---\ntitle: Senate passes stopgap bill, averting government shutdown\ndate: 2024-03-03\n---\n"
        "A different story about the Senate, written by hand.\n",
        encoding="utf-8",
    )
    result = add(tmp_path, site.url(page("wire-senate.html")["path"]))
    assert result.exit_code == 0, result.output
    assert "averting-government-shutdown-2.md" in result.output


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://www.example.org/a/b/?utm_source=x&id=3#top", "http://example.org/a/b?id=3"),
        ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2&fbclid=zz"),
    ],
)
def test_urls_that_name_the_same_page(one: str, other: str) -> None:
    assert normalize_url(one) == normalize_url(other)


def test_urls_that_name_other_pages() -> None:
    assert normalize_url("https://example.org/a?id=3") != normalize_url("https://example.org/a?id=4")
    assert normalize_url("http://127.0.0.1:8000/a") != normalize_url("http://127.0.0.1:8001/a")


# --- the archive ----------------------------------------------------------------------------


def test_a_large_page_is_archived_gzip_compressed(site: NewsSite, tmp_path: Path) -> None:
    url = site.url("/health/nurses-strike-across-the-state")
    result = add(tmp_path, url)
    assert result.exit_code == 0, result.output
    [archive] = archives(tmp_path)
    article = read_article(written(tmp_path)[0])
    assert archive.name.endswith(".html.gz") and article.archived == f"sources/{archive.name}"
    original = gzip.decompress(archive.read_bytes())
    assert len(original) > 256 * 1024 and b"Nurses strike across the state" in original
    assert archive.stat().st_size < 64 * 1024


# --- feeds ----------------------------------------------------------------------------------


def test_a_feed_adds_its_new_items_and_skips_what_is_known(site: NewsSite, tmp_path: Path) -> None:
    rss = site.url("/rss/top")
    result = add(tmp_path, "--feed", rss)
    assert result.exit_code == 1  # one item's page is gone
    assert result.output.count("added ") == 3
    assert "error: " + site.url("/missing/story-that-was-taken-down") + ": HTTP 404" in result.output
    assert f"{rss}: 4 items; 3 added, 0 already in" in result.output
    before = len(site.requests)
    again = add(tmp_path, "--feed", rss)
    assert again.exit_code == 0, again.output  # the gone page was reported once, on the first run
    assert f"{rss}: 4 items; 0 added, 3 already in" in again.output
    assert "1 failed before (not tried again; --retry-failed tries them)" in again.output
    # known items are recognised from the feed (URL, or title and date), the gone page from the
    # failure log: only the feed is downloaded
    assert [path.split("?")[0] for path in site.requests[before:]] == ["/rss/top"]
    assert len(written(tmp_path)) == 3


def _feed_of(tmp_path: Path, *links: str) -> str:
    feed = tmp_path / "feed.xml"
    items = "".join(
        f"<item><title>Item {number}</title><link>{link}</link>"
        "<pubDate>Tue, 20 Feb 2024 09:00:00 GMT</pubDate></item>"
        for number, link in enumerate(links)
    )
    feed.write_text(
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}</channel></rss>"
    )
    return str(feed)


def _requested(site: NewsSite, since: int, path: str) -> int:
    return sum(request.split("?")[0] == path for request in site.requests[since:])


def test_a_feed_item_that_failed_is_logged_and_not_downloaded_again(site: NewsSite, tmp_path: Path) -> None:
    gone, pdf = site.url("/missing/council-vote"), site.url("/report.pdf")
    feed = _feed_of(tmp_path, gone, pdf)
    first = add(tmp_path, "--feed", feed)
    assert first.exit_code == 1 and first.output.count("error: ") == 2, first.output
    log = tmp_path / "content" / "feed-failures.yml"
    entries = read_yaml_values(log)
    assert sorted(entries) == [gone, pdf]
    assert entries[gone]["error"].startswith("HTTP 404 Not Found") and entries[gone]["may_pass"] is False
    assert entries[pdf]["error"].startswith("not a web page but a PDF") and entries[gone]["attempts"] == 1
    assert entries[gone]["feed"] == feed
    stamp = log.stat().st_mtime_ns
    before = len(site.requests)
    second = add(tmp_path, "--feed", feed)
    assert second.exit_code == 0, second.output
    assert "2 failed before (not tried again; --retry-failed tries them)" in second.output
    assert _requested(site, before, "/missing/council-vote") == _requested(site, before, "/report.pdf") == 0
    assert log.stat().st_mtime_ns == stamp  # a run that changes nothing writes nothing
    retried = add(tmp_path, "--feed", feed, "--retry-failed")
    assert retried.exit_code == 1 and _requested(site, before, "/missing/council-vote") == 1
    assert read_yaml_values(log)[gone]["attempts"] == 2


def test_a_failure_that_may_pass_is_tried_again_a_few_times_and_an_item_added_leaves_the_log(
    site: NewsSite, tmp_path: Path
) -> None:
    from generator.ingest.failures import RETRIES

    routes = site.server.routes  # type: ignore[attr-defined]
    flaky = "/business/port-strike-ends"
    routes[flaky] = routes["/error/503"]
    try:
        feed = _feed_of(tmp_path, site.url(flaky))
        log = tmp_path / "content" / "feed-failures.yml"
        before = len(site.requests)
        for attempt in range(1, RETRIES + 2):
            result = add(tmp_path, "--feed", feed)
            assert read_yaml_values(log)[site.url(flaky)]["attempts"] == min(attempt, RETRIES)
        assert read_yaml_values(log)[site.url(flaky)]["may_pass"] is True
        assert _requested(site, before, flaky) == RETRIES  # then left like a page that is gone
        assert "1 failed before" in result.output
        routes[flaky] = routes[page("wire-senate.html")["path"]]
        result = add(tmp_path, "--feed", feed, "--retry-failed")
        assert result.exit_code == 0 and "added " in result.output, result.output
        assert not log.exists()  # nothing left that failed
    finally:
        del routes[flaky]


def test_an_atom_feed_and_a_page_that_announces_a_feed(site: NewsSite, tmp_path: Path) -> None:
    result = add(tmp_path, "--feed", site.url("/uk-news/atom"))
    assert result.exit_code == 0, result.output
    titles = {read_article(path).title for path in written(tmp_path)}
    assert titles == {
        "Flood defences on the River Ouse to be raised after record winter",
        "Zürich café owners fight rent rises in the old town",
    }
    result = add(tmp_path, "--feed", site.url("/home-announces-feed"))
    assert result.output.count("added ") == 3, result.output


def test_a_feed_that_is_no_feed(site: NewsSite, tmp_path: Path) -> None:
    for path, message in (
        ("/not-a-feed", "not an RSS or Atom feed"),
        ("/report.pdf", "not an RSS or Atom feed but a PDF"),
    ):
        result = add(tmp_path, "--feed", site.url(path))
        assert result.exit_code == 1 and f"error: {site.url(path)}: {message}" in result.output, result.output


def test_a_feed_item_without_a_date_on_its_page_takes_the_feed_date(tmp_path: Path, site: NewsSite) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Notes</title><item><title>Libraries</title>"
        f"<link>{site.url(page('notes-opinion.html')['path'])}</link>"
        "<pubDate>Tue, 20 Feb 2024 09:00:00 GMT</pubDate>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    result = add(tmp_path, "--feed", str(feed))
    assert result.exit_code == 0, result.output
    article = read_article(written(tmp_path)[0])
    assert (article.published, article.date_from) == (dt.date(2024, 2, 20), "feed")


# --- failure is normal on the web -----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing/page", "HTTP 404 Not Found"),
        ("/error/500", "HTTP 500 Internal Server Error: the site's server failed; try again later"),
        ("/error/503", "HTTP 503 Service Unavailable"),
        ("/error/403", "HTTP 403 Forbidden: the site refuses the download"),
        ("/redirect/loop-a", "redirect loop ("),
        ("/redirect/chain/9", "more than 5 redirects"),
        ("/slow", "no answer within 0.5 s (timed out)"),
        ("/report.pdf", "not a web page but a PDF document"),
        ("/photo.jpg", "not a web page but an image (image/jpeg)"),
        ("/pdf-as-html", "not a web page but a PDF document"),
        ("/huge", "over the 10 MiB limit; stopped reading"),
        ("/huge-declared", "30 MiB, over the 10 MiB limit"),
        ("/health/nurses-strike-mixed-encoding", "broken text encoding"),
    ],
)
def test_each_failure_is_one_line_naming_the_url(
    site: NewsSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, message: str
) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    url = site.url(path)
    result = add(tmp_path, url)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()], result.output
    assert result.output.startswith(f"error: {url}: ") and message in result.output, result.output
    assert written(tmp_path) == [] and archives(tmp_path) == []
    assert not list((tmp_path / "content").rglob(".*.md")), "a temporary file was left behind"


def test_a_few_redirects_are_followed(site: NewsSite, tmp_path: Path) -> None:
    result = add(tmp_path, site.url("/redirect/chain/4"))
    assert result.exit_code == 0, result.output
    assert read_article(written(tmp_path)[0]).title == page("wire-senate.html")["title"]


def test_a_huge_page_is_not_read_to_the_end(site: NewsSite) -> None:
    with pytest.raises(fetch.FetchError, match="stopped reading"):
        fetch.fetch(site.url("/huge"), max_bytes=1024 * 1024)


def test_only_web_addresses_are_fetched() -> None:
    with pytest.raises(fetch.FetchError, match="only http:// and https://"):
        fetch.fetch("file:///etc/passwd")


def test_the_rest_of_a_batch_goes_on(site: NewsSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    urls = [
        site.url(page("wire-senate.html")["path"]),
        site.url("/error/500"),
        site.url("/slow"),
        site.url(page("gazette-bridge.html")["path"]),
        site.url(page("tagesblatt-german.html")["path"]),
    ]
    result = add(tmp_path, *urls)
    assert result.exit_code == 1
    assert result.output.count("error: ") == 3 and "2 added, 0 skipped, 3 failed" in result.output
    assert len(written(tmp_path)) == 2 and len(archives(tmp_path)) == 2


def test_text_read_as_cp1252_once_too_often_is_repaired(site: NewsSite, tmp_path: Path) -> None:
    result = add(tmp_path, site.url("/business/cafe-owners-munster-rents"))
    assert result.exit_code == 0, result.output
    article = read_article(written(tmp_path)[0])
    assert article.title == "Café owners in Münster protest ‘unfair’ rents"
    assert "the city’s new rents were ‘unfair’" in article.text


def test_extract_runs_the_extractor_on_the_content(
    site: NewsSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.extract.run as extraction

    calls: list[Content] = []

    class Report:
        articles, events, files_changed, failures = 1, 4, 2, []

    monkeypatch.setattr(extraction, "extract_content", lambda content: calls.append(content) or Report())
    result = add(tmp_path, site.url(page("wire-senate.html")["path"]), "--extract")
    assert result.exit_code == 0, result.output
    assert calls == [Content(tmp_path / "content")] and "1 articles, 4 events" in result.output


def test_add_needs_something_to_add(tmp_path: Path) -> None:
    result = add(tmp_path)
    assert result.exit_code == 2 and "give at least one URL" in result.output


# --- the parts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day", "utc_hour"),
    [
        ("2024-03-03T22:41:00Z", dt.date(2024, 3, 3), 22),
        ("2024-02-01T02:30:00+00:00", dt.date(2024, 2, 1), 2),
        ("2024-03-03T23:30:00-05:00", dt.date(2024, 3, 3), None),  # the day as the page writes it
        ("2023-11-14T06:00:00.000Z", dt.date(2023, 11, 14), 6),
        ("20240311", dt.date(2024, 3, 11), None),
        ("2024/03/11", dt.date(2024, 3, 11), None),
        ("Sun, 03 Mar 2024 22:41:00 GMT", dt.date(2024, 3, 3), 22),
        ("March 3, 2024", dt.date(2024, 3, 3), None),
        ("3rd of March 2024", dt.date(2024, 3, 3), None),
    ],
)
def test_dates_as_publishers_write_them(value: str, day: dt.date, utc_hour: int | None) -> None:
    assert parse_stamp(value) == Stamp(day, utc_hour)


@pytest.mark.parametrize("value", ["", "2024-02-30", "yesterday", "March 2024", "1234"])
def test_what_is_no_date(value: str) -> None:
    assert parse_stamp(value) is None


@pytest.mark.parametrize(
    ("url", "days", "month"),
    [
        ("https://x.example/2022/06/21/bridge/", [dt.date(2022, 6, 21)], (2022, 6)),
        ("https://x.example/uk-news/2023/nov/14/flood", [dt.date(2023, 11, 14)], (2023, 11)),
        ("https://x.example/world/senate-vote-2024-03-03/", [dt.date(2024, 3, 3)], None),
        ("https://x.example/news/20240311/portugal", [dt.date(2024, 3, 11)], None),
        ("https://x.example/world/2023/10/un-agencies", [], (2023, 10)),
        ("https://x.example/science/solar-eclipse-2024-live", [], None),
        ("https://x.example/news/jackpot-28410927", [], None),
        ("https://x.example/story/73512345007/", [], None),
        ("https://x.example/a?date=2024-03-03", [], None),
    ],
)
def test_dates_in_urls(url: str, days: list[dt.date], month: tuple[int, int] | None) -> None:
    assert url_dates(url) == (days, month)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("WASHINGTON, March 3 (Reuters) - The Senate passed", (None, 3, 3)),
        ("BRUSSELS, 12 February 2024 (AC) – European Union", (2024, 2, 12)),
        ("GENEVA, Oct 7 (Meridian) - United Nations agencies", (None, 10, 7)),
        ("SPRINGFIELD, Ill., May 2 — The city council", (None, 5, 2)),
        ("NEW YORK, March 3, 2024 /PRNewswire/ -- Acme Corp said", (2024, 3, 3)),
        ("March 3, 2024 — The Senate passed", (2024, 3, 3)),
        ("LONDON, Sept. 14 (AP) — Britain", (None, 9, 14)),
        ("COLUMBUS, Ohio—The giant chip factory", None),
        ("BOISE, Idaho (AP) — Visitors from outside", None),
        ("The council met on March 3 - and voted", None),
        ("Lisbon (CBN) Portugal's centre-right", None),
    ],
)
def test_datelines(text: str, found: tuple[int | None, int, int] | None) -> None:
    assert find_dateline(text) == found


def test_a_utc_stamp_after_midnight_is_the_evening_before_when_the_dateline_says_so() -> None:
    today = dt.date(2024, 7, 1)
    signals = Signals(json_ld=[Stamp(dt.date(2024, 2, 1), 2)], dateline=(None, 1, 31))
    assert decide(signals, today) == dates.PageDate(dt.date(2024, 1, 31), "dateline")
    # without the dateline's word, the stamp stands
    assert decide(Signals(json_ld=[Stamp(dt.date(2024, 2, 1), 2)]), today) == dates.PageDate(
        dt.date(2024, 2, 1), "json-ld"
    )
    # a stamp in the afternoon is not moved
    signals = Signals(json_ld=[Stamp(dt.date(2024, 2, 1), 15)], dateline=(None, 1, 31))
    assert decide(signals, today) == dates.PageDate(dt.date(2024, 2, 1), "json-ld")


def test_signals_vote_and_the_stronger_wins_a_tie() -> None:
    today = dt.date(2024, 7, 1)
    # a republished JSON-LD date against the meta tag and the URL
    signals = Signals(
        json_ld=[Stamp(dt.date(2024, 3, 9))], meta=[Stamp(dt.date(2024, 3, 3))], url=[dt.date(2024, 3, 3)]
    )
    assert decide(signals, today) == dates.PageDate(dt.date(2024, 3, 3), "meta")
    signals = Signals(json_ld=[Stamp(dt.date(2024, 3, 4))], meta=[Stamp(dt.date(2024, 3, 3))])
    assert decide(signals, today) == dates.PageDate(dt.date(2024, 3, 4), "json-ld")


def test_a_yearless_dateline_takes_the_year_of_the_other_dates() -> None:
    today = dt.date(2025, 7, 1)
    # a December dateline on a page modified in January: the year before
    signals = Signals(dateline=(None, 12, 30), modified=[dt.date(2024, 1, 2)])
    assert decide(signals, today) == dates.PageDate(dt.date(2023, 12, 30), "dateline")
    assert decide(Signals(dateline=(None, 10, 7), url_month=(2023, 10)), today) == dates.PageDate(
        dt.date(2023, 10, 7), "dateline"
    )
    assert decide(Signals(dateline=(None, 10, 7)), today) is None  # never the year of today


def test_modified_dates_never_date_a_page() -> None:
    today = dt.date(2024, 7, 1)
    modified = dt.date(2024, 6, 11)
    assert decide(Signals(modified=[modified], fallback=modified), today) is None
    assert decide(Signals(modified=[modified], text=[Stamp(modified)]), today) is None
    assert decide(Signals(json_ld=[Stamp(dt.date(2030, 1, 1))]), today) is None  # the future


def test_labelled_dates_on_the_page() -> None:
    published, modified = dates.labelled_dates(
        "By Alicia Grant Published 6:31 p.m. CT May 2, 2024 | Updated 4:02 p.m. CT May 6, 2024 Posted in News"
    )
    assert published == [Stamp(dt.date(2024, 5, 2))] and modified == [dt.date(2024, 5, 6)]


def test_a_latin1_page_labelled_utf8_is_read_as_latin1() -> None:
    data = (FIXTURES / "alpine-latin1.html").read_bytes()
    assert "Zürich café" in decode_html(data, "utf-8", "page")
    assert "Zürich" in decode_html("<p>Zürich</p>".encode(), "iso-8859-1", "page")  # UTF-8 labelled Latin-1


def test_page_furniture_is_left_out_and_news_sentences_kept() -> None:
    lines = [
        "A title",
        "Advertisement",
        "Share this article",
        "Share prices fell 5 percent on Monday after the company warned on profits.",
        "Updated June 11, 2024",
        "Updated figures released on Monday showed the economy grew 0.3 percent in 2024, the agency said.",
        "Follow-up talks are planned for next week in Geneva, officials said.",
        "Reporting by Dana Whitfield; Editing by Howard Lang",
        "More from Zürich: Tram line 4 to close for two weeks",
        "© 2024 The Outlet. All rights reserved.",
        "jmb/lth",
        '"People want to arrive rested"',
        '"People want to arrive rested," said an executive, who added that trains were full.',
    ]
    assert clean_paragraphs("\n".join(lines), "A title") == [
        "Share prices fell 5 percent on Monday after the company warned on profits.",
        "Updated figures released on Monday showed the economy grew 0.3 percent in 2024, the agency said.",
        "Follow-up talks are planned for next week in Geneva, officials said.",
        '"People want to arrive rested," said an executive, who added that trains were full.',
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Required fields are marked * and [optional] ones _are_ not",
        "AT&T paid 5 < 6 &amp; more, see `code` and C:\\path",
        "# 1 priority: cut costs",
        "- a dash starts this line",
        "1. The first thing",
        "> a quote sign",
    ],
)
def test_text_survives_as_markdown(text: str) -> None:
    assert plain_text(escape_markdown(text)) == text


def test_the_page_reader_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"^page\.html: not an HTML page"):
        read_page(b"just some words, no markup at all", "page.html")
    with pytest.raises(ArticleError, match=r"^page\.html: not a web page but a PNG image"):
        read_page(b"\x89PNG\r\n\x1a\n\x00\x00", "page.html")


def test_the_fixture_set_meets_the_quality_bar() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from ingest_quality import score

    report = score(FIXTURES / "pages.yml")
    assert report.date_right == report.dated  # every dated page
    assert report.title_right == report.dated
    assert report.leaked == [] and report.lost == []
    assert report.refused_right == report.refused
    assert HUGE_BYTES > fetch.MAX_BYTES


def test_json_ld_as_cms_templates_write_it() -> None:
    body = " ".join(["The minister said on Monday that the plan would go ahead as agreed."] * 12)
    html = (
        '<html lang="en"><head><title>Plan goes ahead</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Plan goes ahead",\n'
        ' "datePublished": "2024-01-09T10:00:00+01:00",'
        ' "description": "a line\nbreak",}</script></head>'
        f"<body><article><h1>Plan goes ahead</h1><p>{body}</p></article></body></html>"
    )
    found = read_page(html.encode(), "page.html", today=dt.date(2024, 7, 1)).published
    assert found == dates.PageDate(dt.date(2024, 1, 9), "json-ld")
