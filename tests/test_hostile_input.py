"""Hostile and broken input: property tests, a fuzz run of the article reader, killed and parallel runs."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.errors import ArticleError
from generator.ingest.articles import read_article, slugify
from generator.model import DateValue, Event
from generator.site.data import unique_slugs
from generator.site.pages import escape_text
from generator.store.content import Content, content_lock
from generator.store.events import load_events, save_article_events
from generator.store.yaml_io import _plain, dump_yaml, read_yaml

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ROOT = Path(__file__).resolve().parents[1]
SITE_EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]  # as in mkdocs.yml

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
names = st.lists(st.text(min_size=1, max_size=20), max_size=4)


# -- the YAML round trip ----------------------------------------------------------------------------

events_documents = st.fixed_dictionaries(
    {
        "article": st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True),
        "events": st.lists(
            st.fixed_dictionaries(
                {
                    "id": st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
                    "date": st.dates().map(lambda day: day.isoformat()),
                    "title": texts,
                    "actors": names,
                    "places": names,
                    "quote": texts,
                    "sentence": st.integers(0, 10_000),
                    "confidence": st.floats(0, 1, allow_nan=False),
                    "reviewed": st.booleans(),
                }
            ),
            max_size=4,
        ),
    }
)


@FAST
@given(document=events_documents)
@example(
    document={"article": "a", "events": [{"id": "a-1", "title": "x\x85y\u2028z", "quote": " lead\ttrail "}]}
)
def test_yaml_round_trip_is_lossless_and_stable(tmp_path: Path, document: dict[str, object]) -> None:
    text = dump_yaml(document)
    path = tmp_path / "events.yml"
    path.write_text(text, encoding="utf-8")
    loaded = read_yaml(path)
    assert _plain(loaded) == document
    assert dump_yaml(loaded) == text


@pytest.mark.parametrize("value", [2.2250738585072014e-308, 2.4354223014450288e-248, 5e-324])
def test_a_float_with_17_digits_keeps_its_text(tmp_path: Path, value: float) -> None:
    """Found by the property above: ruamel printed a loaded float's last digit differently."""
    path = tmp_path / "f.yml"
    text = dump_yaml({"confidence": value})
    path.write_text(text, encoding="utf-8")
    assert dump_yaml(read_yaml(path)) == text


def test_a_persons_float_layout_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_text("a: 1.50\nb: 0.850  # checked\nc: 1e-05\n", encoding="utf-8")
    assert dump_yaml(read_yaml(path)) == "a: 1.50\nb: 0.850  # checked\nc: 1e-05\n"


quotes = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).filter(str.strip)


@FAST
@given(
    quotes=st.lists(quotes, min_size=1, max_size=5, unique_by=lambda quote: " ".join(quote.split())),
    title=texts,
)
def test_merging_the_same_extraction_twice_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory, quotes: list[str], title: str
) -> None:
    content = Content(tmp_path_factory.mktemp("content"))
    events = [
        Event("", "s", DateValue("2025-07-12"), "text", title or "t", ("A",), (), quote, index)
        for index, quote in enumerate(quotes)
    ]
    save_article_events(content, "s", events)
    before = content.events_file("s").read_bytes()
    assert save_article_events(content, "s", list(reversed(events))) is False
    assert content.events_file("s").read_bytes() == before
    loaded = load_events(content.events_file("s"))
    assert [event.quote for event in loaded] == quotes
    assert len({event.id for event in loaded}) == len(quotes)


# -- slugs ---------------------------------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@FAST
@given(name=st.text())
@example(name="../../etc/passwd")
@example(name="Сергей Лавров")
@example(name="\u200b")
def test_a_slug_is_never_empty_never_a_path_and_stable(name: str) -> None:
    slug = slugify(name)
    assert _SLUG.match(slug), slug
    assert len(slug) <= 80
    assert slugify(name) == slug


@FAST
@given(names=st.lists(st.text(min_size=1), max_size=12, unique=True))
@example(names=["Лавров", "Лавров", "Lavrov"][1:])
@example(names=["Sergey Lavrov", "sergey-lavrov", "Sergey  Lavrov"])
def test_actor_slugs_never_collide_silently(names: list[str]) -> None:
    slugs = unique_slugs(names)
    assert set(slugs) == set(names)
    assert len(set(slugs.values())) == len(names)
    assert all(_SLUG.match(slug) for slug in slugs.values())


# -- escaping ------------------------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(markdown_text: str) -> tuple[str, set[str]]:
    """The visible text (whitespace collapsed) and the tags of Markdown rendered like the site does."""
    parser = _Text()
    parser.feed(markdown.markdown(markdown_text, extensions=SITE_EXTENSIONS))
    parser.close()
    return " ".join("".join(parser.text).split()), set(parser.tags)


# Markdown contexts for escape_text (the templates' `md` filter): (template, the tags it makes itself).
CONTEXTS = {
    "paragraph": ("{}", {"p"}),
    "blockquote": ("> {}", {"blockquote", "p"}),
    "heading": ("#### {} {{ #e-x .tl-event }}", {"h4"}),
    "link": ("[{}](x.md){{ .tl-actor }}", {"p", "a"}),
    "sentence": ('<span class="tl-sentence" id="s-1">{}</span>', {"p", "span"}),
}
hostile = st.text(
    st.sampled_from(list("ab 1.<>&\"'*_`#[](){}!|~^=+-:\\/;%@")) | st.characters(), min_size=1, max_size=30
)


@FAST
@given(text=hostile, context=st.sampled_from(sorted(CONTEXTS)))
@example(text="<script>alert(1)</script>", context="paragraph")
@example(text='<img src=x onerror="alert(1)">', context="sentence")
@example(text="[click](javascript:alert(1))", context="link")
@example(text="&lt;script&gt;", context="blockquote")
def test_escaped_text_never_becomes_markup(text: str, context: str) -> None:
    template, tags = CONTEXTS[context]
    # Line breaks and leading indentation are layout, not markup: see the next test.
    _visible, seen = rendered(template.format(escape_text(" ".join(text.split()))))
    assert seen <= tags


@FAST
@given(text=hostile, context=st.sampled_from(sorted(CONTEXTS)))
@example(text="E=mc2", context="paragraph")
@example(text="1957. The year Sputnik flew", context="blockquote")
@example(text="    indented", context="paragraph")
@example(text="Title\n    code", context="heading")
def test_escaped_text_renders_exactly_as_written(text: str, context: str) -> None:
    # An empty heading is no heading at all; the renderer gives untitled events a title of its own.
    assume(context != "heading" or escape_text(text))
    template, tags = CONTEXTS[context]
    visible, seen = rendered(template.format(escape_text(text)))
    printable = re.sub(r"[\x00-\x1f\x7f]", " ", text)  # control characters are dropped
    assert visible == " ".join(printable.split())
    assert seen <= tags


# -- hostile content through the built site ---------------------------------------------------------

PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    '"><script>alert(2)</script>',
    "{{ 7*7 }} {% if true %}jinja{% endif %}",
    "**bold** _em_ [link](javascript:alert(3))",
)
HOSTILE = " ".join(PAYLOADS)
HOSTILE_NAME = "Ann <img src=x onerror=alert(1)> **Lee** {{ 7*7 }}"
HOSTILE_SENTENCE = f"Ann met Bo at noon {HOSTILE}."


class _Page(HTMLParser):
    """The elements of a built page, and its text (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] in ("script", "style"):
            self.elements.append(("#" + self._open[-1], {"text": data}))
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose every field of content is hostile, built with `mkdocs build --strict`."""
    from site_helpers import build_site, write_actors, write_article, write_events

    project = tmp_path_factory.mktemp("hostile")
    content = project / "content"
    # .txt articles are taken as written (Markdown articles lose their markup when read)
    write_article(
        content,
        "bad",
        f"Report {HOSTILE}",
        "2025-07-12",
        [HOSTILE_SENTENCE, "Bo left."],
        suffix=".txt",
        source=f"Wire {HOSTILE}",
        url='https://example.com/"><script>alert(4)</script>',
        language="en",
    )
    write_article(content, "worse", f"Second {HOSTILE}", "2025-07-13", ["Bo came back."], suffix=".txt",
                  source=HOSTILE, url="javascript:alert(5)", language="en")  # fmt: skip
    event = {"date": "2025-07-12", "date_source": "text", "actors": [HOSTILE_NAME, "Bo"],
             "places": [f"Paris {HOSTILE}"], "confidence": 0.3}  # fmt: skip
    write_events(content, "bad", [
        {"id": "bad-1", **event, "title": HOSTILE, "quote": HOSTILE_SENTENCE, "sentence": 0},
        {"id": "bad-2", **event, "title": "Bo left", "quote": "Bo left.", "sentence": 1, "confidence": 0.9},
    ])  # fmt: skip
    write_events(content, "worse", [
        {"id": "worse-1", **event, "date": "2025-07", "title": f"1957. {HOSTILE}", "quote": "Bo came back.",
         "sentence": 0},
    ])  # fmt: skip
    note = f"needs review: Why: {HOSTILE}"  # the Needs-review page once wrote it as raw HTML
    write_actors(content, {
        HOSTILE_NAME: {"kind": "person", "aliases": [f"Lee {HOSTILE}"], "note": note},
        "Bo": {"kind": "person", "aliases": []},
    })  # fmt: skip
    return build_site(project)


def _parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _markup_from_content(page: _Page) -> list[str]:
    """Every element or attribute that content made: none, when it all stays text."""
    found = []
    for tag, attrs in page.elements:
        if tag == "img" and attrs.get("src") == "x":
            found.append(f"<img src={attrs['src']}>")
        if tag == "#script" and "alert(" in attrs["text"]:
            found.append(f"<script>{attrs['text']}")
        found += [f"<{tag} {name}>" for name in attrs if name.startswith("on")]
        href = attrs.get("href", "").strip().lower() if tag == "a" else ""
        if href.startswith("javascript:") and "alert" in href:  # Material has javascript:void(0)
            found.append(f"<a href={href}>")
    return found


def test_hostile_content_stays_text_on_every_built_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    kinds = ["review/index.html", "timeline/index.html", "articles/bad/index.html", "actors/index.html"]
    assert all(hostile_site / kind in pages for kind in kinds)
    for path in pages:
        page = _parsed(path)
        assert _markup_from_content(page) == [], path
        html = path.read_text(encoding="utf-8")
        assert "<strong>bold</strong>" not in html and "<em>em</em>" not in html, path


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("review/index.html", f"Why: {HOSTILE}"),  # the note of actors.yml
        ("review/index.html", HOSTILE_NAME),
        ("timeline/index.html", HOSTILE),  # a title
        ("timeline/index.html", HOSTILE_SENTENCE),  # a quote
        ("timeline/index.html", f"Paris {HOSTILE}"),  # a place
        ("timeline/index.html", f"Wire {HOSTILE}"),  # an outlet
        ("actors/index.html", HOSTILE_NAME),
        ("articles/bad/index.html", f"Report {HOSTILE}"),
        ("articles/bad/index.html", HOSTILE_SENTENCE),
        ("articles/worse/index.html", f"1957. {HOSTILE}"),
        ("index.html", HOSTILE),  # the dashboard's latest events
        ("index.html", f"Report {HOSTILE}"),  # its latest articles
        ("index.html", HOSTILE_NAME),  # its most active actors
    ],
)
def test_hostile_content_is_shown_exactly_as_written(hostile_site: Path, page: str, shown: str) -> None:
    text = " ".join("".join(_parsed(hostile_site / page).text).split())
    assert shown in text


def test_hostile_names_keep_their_pages_and_links(hostile_site: Path) -> None:
    actor_pages = list((hostile_site / "actors").glob("*/index.html"))
    assert len(actor_pages) == 2
    actor = next(path for path in actor_pages if path.parent.name != "bo")
    page = _parsed(actor)
    text = " ".join("".join(page.text).split())
    assert f"Also named: Lee {HOSTILE}" in text
    # the original article's address is percent-encoded, a javascript: one is no link at all
    article = _parsed(hostile_site / "articles/bad/index.html")
    hrefs = [attrs.get("href", "") for tag, attrs in article.elements if tag == "a"]
    assert "https://example.com/%22%3E%3Cscript%3Ealert(4)%3C/script%3E" in hrefs
    worse = _parsed(hostile_site / "articles/worse/index.html")
    assert "Original article" not in "".join(worse.text)


@pytest.mark.browser
def test_the_dialog_and_the_embed_page_show_hostile_text_as_text(browser: Any, hostile_site: Path) -> None:
    from site_helpers import serve

    context = browser.new_context()
    page = context.new_page()
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    injected = "img[src=x], script:not([src])"  # what the payloads would make, run as markup
    with serve(hostile_site, "/repo/") as base:
        page.goto(base + "timeline/?event=e-bad-1#e-bad-1")
        page.wait_for_selector("dialog.tl-dialog[open]")
        text = " ".join(page.inner_text("dialog.tl-dialog").split())
        assert HOSTILE in text and HOSTILE_SENTENCE in text and f"Wire {HOSTILE}" in text
        page.wait_for_selector("dialog.tl-dialog .tl-details a.tl-original")  # read from the article's page
        assert f"Report {HOSTILE}" in page.inner_text("dialog.tl-dialog .tl-details")
        original = page.get_attribute("dialog.tl-dialog a.tl-original", "href")
        assert original == "https://example.com/%22%3E%3Cscript%3Ealert(4)%3C/script%3E"
        assert page.locator(f"dialog.tl-dialog :is({injected})").count() == 0
        code = page.input_value("dialog.tl-dialog textarea")
        assert code.count("<") == 2 and "&lt;script&gt;" in code  # the title, escaped in the iframe code
        slug = page.get_attribute("dialog.tl-dialog .tl-actor", "href").rstrip("/").rsplit("/", 1)[-1]
        for query in ("event=e-bad-1", f"actor={slug}"):  # one event shows its quote too
            page.goto(base + f"embed/index.html?{query}")
            page.wait_for_selector(".tl-embed-quote, .tl-embed-list")
            shown = " ".join(page.inner_text("main").split())
            assert HOSTILE in shown and (query.startswith("actor") or HOSTILE_SENTENCE in shown)
            assert page.locator(f"main :is({injected})").count() == 0
        assert HOSTILE_NAME in page.inner_text(".tl-embed-heading")
        page.goto(base + "timeline/?event=e-worse-1#e-worse-1")  # its article's address is javascript:
        page.wait_for_selector("dialog.tl-dialog .tl-details-article:not(:has(.tl-details-status))")
        assert page.locator("dialog.tl-dialog a.tl-original").count() == 0
    context.close()
    assert alerts == []


def test_the_search_index_holds_hostile_text_as_text(hostile_site: Path) -> None:
    index = (hostile_site / "search/search_index.json").read_text(encoding="utf-8")
    assert "<img src=x" not in index and "<script>alert" not in index
    assert "&lt;img src=x onerror=alert(1)&gt;" in index


# -- fuzzing the article reader ------------------------------------------------------------------------

front_matter = st.text(st.sampled_from(list("abtidel: -[]{}&*!|>'\"#\n0123456789")), max_size=80)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=400), st.builds(lambda f, b: f"---\n{f}\n---\n{b}".encode(), front_matter, texts)
    )
)
@example(data=b"---\ntitle: " + b"[" * 90 + b"\n---\nx\n")
@example(data=b"---\n!!python/object:os.system ls\n---\nx\n")
@example(data=b"---\ntitle: T\ndate: 2025-13-45\n---\nx\n")
@example(data=b"\xff\xfe\x00\xd8")
def test_the_article_reader_only_ever_raises_article_errors(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.md"
    path.write_bytes(data)
    try:
        article = read_article(path)
    except ArticleError as error:
        assert str(error).startswith(str(path))
    else:
        assert article.title and article.text.strip()


def test_deep_nesting_in_front_matter_is_an_article_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("---\ntitle: " + "[" * 1000 + "\n---\nText\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="nested too deeply"):
        read_article(path)


# -- killed and parallel runs --------------------------------------------------------------------------


def _python(code: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, stderr=subprocess.PIPE)


def test_a_killed_writer_leaves_each_file_old_or_new_never_torn(tmp_path: Path) -> None:
    target = tmp_path / "events.yml"
    versions = [("a: " + "x" * 4_000_000 + "\n"), ("b: " + "y" * 4_000_000 + "\n")]
    target.write_text(versions[0], encoding="utf-8")
    writer = f"""
        from pathlib import Path
        from generator.store.yaml_io import write_atomic
        versions = ["a: " + "x" * 4_000_000 + "\\n", "b: " + "y" * 4_000_000 + "\\n"]
        n = 0
        while True:
            n += 1
            write_atomic(Path({str(target)!r}), versions[n % 2])
    """
    for delay in (0.15, 0.2, 0.25, 0.3, 0.35):
        process = _python(writer)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else b""
        assert target.read_text(encoding="utf-8") in versions
    assert sorted(path.name for path in tmp_path.glob("*.yml")) == ["events.yml"]


def test_two_runs_at_once_take_turns(tmp_path: Path) -> None:
    counter = tmp_path / "content" / "counter"
    counter.parent.mkdir()
    counter.write_text("0", encoding="utf-8")
    worker = f"""
        import time
        from pathlib import Path
        from generator.store.content import Content, content_lock
        from generator.store.yaml_io import write_atomic
        content, counter = Content(Path({str(counter.parent)!r})), Path({str(counter)!r})
        for _ in range(40):
            with content_lock(content):
                value = int(counter.read_text(encoding="utf-8"))
                time.sleep(0.001)  # read-modify-write: without the lock, updates would be lost
                write_atomic(counter, str(value + 1))
    """
    processes = [_python(worker) for _ in range(2)]
    for process in processes:
        assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else b""
    assert counter.read_text(encoding="utf-8") == "80"


def test_a_curation_waits_for_a_running_extraction(tmp_path: Path) -> None:
    content = Content(tmp_path / "content")
    content.root.mkdir()
    content.actors.write_text(
        "A:\n  kind: person\n  aliases: []\nB:\n  kind: person\n  aliases: []\n", encoding="utf-8"
    )
    merge = f"""
        from pathlib import Path
        from generator.curation.actors import merge_actors
        from generator.store.content import Content
        merge_actors(Content(Path({str(content.root)!r})), "A", "B")
    """
    with content_lock(content):
        process = _python(merge)
        time.sleep(1.0)
        assert process.poll() is None  # blocked on the lock
        assert "A:" in content.actors.read_text(encoding="utf-8")
    assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else b""
    assert content.actors.read_text(encoding="utf-8") == "B:\n  kind: person\n  aliases: [A]\n"
