"""Helpers for the site tests and bench/site_filter.py: write content, build it, serve it under a sub-path."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import random
import shutil
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.model import DateValue, Event

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOME = """# News Timeline

- [Timeline](timeline/index.md)
- [Actors](actors/index.md)
- [Articles](articles/index.md)
"""


def write_article(
    content: Path,
    slug: str,
    title: str,
    published: str,
    sentences: Sequence[str],
    suffix: str = ".md",
    **fields: object,
) -> None:
    """One article file, one paragraph of `sentences`; `fields` add to or override the front matter.

    A `.txt` article is taken as written, a `.md` one as Markdown (its markup dropped)."""
    path = content / "articles" / f"{slug}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {"title": title, "date": published, "source": "Test Wire", **fields}
    front = yaml.safe_dump(meta, allow_unicode=True)
    path.write_text(f"---\n{front}---\n{' '.join(sentences)}\n", encoding="utf-8")


def write_events(content: Path, slug: str, events: Sequence[dict[str, object]]) -> None:
    """content/events/<slug>.yml for one article."""
    path = content / "events" / f"{slug}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.safe_dump({"article": slug, "events": list(events)}, allow_unicode=True), encoding="utf-8"
    )


def write_actors(content: Path, actors: dict[str, dict[str, object]]) -> None:
    """content/actors.yml."""
    (content / "actors.yml").write_text(yaml.safe_dump(actors, allow_unicode=True), encoding="utf-8")


def build_site(project: Path, site_dir: Path | None = None, strict: bool = True, **options: Any) -> Path:
    """Build `project/content` with the repo's mkdocs.yml and theme_overrides (`mkdocs build --strict`);
    `options` override settings of mkdocs.yml (`use_directory_urls=False`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme_overrides", project / "theme_overrides", dirs_exist_ok=True)
    pages = project / "content" / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    if not (pages / "index.md").exists():
        (pages / "index.md").write_text(HOME, encoding="utf-8")
    site = site_dir or project / "site"
    config = load_config(
        config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict, **options
    )
    build(config)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _PrefixHandler(_QuietHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "does-not-exist" / "nowhere")
        return super().translate_path("/" + path[len(self.prefix) :])


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser cancels requests it no longer needs; that is no failure of the site


@contextlib.contextmanager
def serve(site: Path, prefix: str = "/repo/") -> Iterator[str]:
    """Serve `site` under `prefix` on a free local port, as GitHub Pages serves a project site."""
    handler = type("Handler", (_PrefixHandler,), {"prefix": prefix})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


ACTOR_KINDS = ("person", "organization", "country")
VERBS = ("met", "signed an accord with", "criticised", "visited", "called", "praised", "sanctioned", "hosted")


def synthetic_content(content: Path, events: int, per_article: int = 10, seed: int = 7) -> dict[str, int]:
    """A corpus of `events` events, `per_article` to an article, over 200 actors and 40 places."""
    rng = random.Random(seed)
    actors = {f"Actor {number:03d}": ACTOR_KINDS[number % 3] for number in range(200)}
    names = list(actors)
    places = [f"Place {number:02d}" for number in range(40)]
    for article in range(events // per_article):
        slug = f"a{article:04d}"
        # a publication date of its own per article: the same happening is not told twice by chance
        published = (dt.date(1990, 1, 1) + dt.timedelta(days=9 * article)).isoformat()
        sentences, items = [], []
        for index in range(per_article):
            who = rng.sample(names, 2)
            where = rng.choice(places)
            verb = rng.choice(VERBS)
            sentences.append(f"{who[0]} {verb} {who[1]} in {where} (item {article}-{index}).")
            items.append(_synthetic_event(slug, index, published, who, where, verb, sentences[-1], rng))
        write_article(content, slug, f"Report {article}", published, sentences)
        write_events(content, slug, items)
    write_actors(content, {name: {"kind": kind, "aliases": []} for name, kind in actors.items()})
    return {"events": events // per_article * per_article, "articles": events // per_article}


def _synthetic_event(
    slug: str,
    index: int,
    published: str,
    who: list[str],
    where: str,
    verb: str,
    quote: str,
    rng: random.Random,
) -> dict[str, object]:
    precision = rng.choice((10, 10, 10, 7, 4))
    return {
        "id": f"{slug}-{index + 1}",
        "date": published[:precision],
        "date_source": "text",
        "title": f"{who[0]} {verb} {who[1]}",
        "actors": who,
        "places": [where],
        "quote": quote,
        "sentence": index,
        "confidence": round(rng.uniform(0.4, 1.0), 2),
    }


MEASURE = """(name) => {
  const started = performance.now();
  const input = document.getElementById('tl-actor');
  input.value = name;
  input.dispatchEvent(new Event('change'));
  const applied = performance.now();
  document.body.offsetHeight;  // include the layout the filter causes
  const done = performance.now();
  return {script_ms: applied - started, with_layout_ms: done - started,
          visible: Number(document.getElementById('tl-filters').dataset.visible)};
}"""


CLEAR = """() => {
  const started = performance.now();
  document.querySelector('#tl-filters button[type=reset]').click();
  document.body.offsetHeight;
  return performance.now() - started;
}"""
TEXT = """(words) => {
  const started = performance.now();
  document.getElementById('tl-q').value = words;
  document.getElementById('tl-filters').requestSubmit();
  document.body.offsetHeight;
  return {with_layout_ms: performance.now() - started,
          visible: Number(document.getElementById('tl-filters').dataset.visible)};
}"""
DATES = """([from, to]) => {
  const started = performance.now();
  document.getElementById('tl-from').value = from;
  document.getElementById('tl-to').value = to;
  document.getElementById('tl-to').dispatchEvent(new Event('change'));
  document.body.offsetHeight;
  return {with_layout_ms: performance.now() - started,
          visible: Number(document.getElementById('tl-filters').dataset.visible)};
}"""


def measure_filter(browser: Any, url: str, screenshot: Path | None = None) -> dict[str, Any]:
    """Load the timeline, filter by one actor, then clear; the times as the page measures them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    navigation = page.evaluate("performance.getEntriesByType('navigation')[0].toJSON()")
    if page.evaluate("document.getElementById('tl-filters').hasAttribute('data-index')"):
        # a split timeline: the filters run over timeline/index.json once it has come
        page.wait_for_selector("#tl-filters[data-index-ready]", state="attached")
    total = page.evaluate("Number(document.getElementById('tl-filters').dataset.visible)")
    actor = measure_actor(page, "Actor 007")
    clear = page.evaluate(CLEAR)
    text = page.evaluate(TEXT, "visited place 07")
    page.evaluate(CLEAR)
    dates = page.evaluate(DATES, ["2001", "2003-06"])
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot))
    context.close()
    return {
        "total_events": total,
        "dom_content_loaded_ms": round(navigation["domContentLoadedEventEnd"]),
        "load_ms": round(navigation["loadEventEnd"]),
        "actor_filter": actor,
        "clear_ms": round(clear, 1),
        "text_filter": {key: round(value, 1) for key, value in text.items()},
        "date_filter": {key: round(value, 1) for key, value in dates.items()},
    }


def measure_actor(page: Any, name: str) -> dict[str, Any]:
    result = page.evaluate(MEASURE, name)
    return {key: round(value, 1) if isinstance(value, float) else value for key, value in result.items()}


def make_event(number: int, date: str, actors: tuple[str, ...] = ("Ann Lee",), **fields: object) -> Event:
    """An event of article a1 for unit tests: `fields` override any value."""
    values: dict[str, object] = {
        "id": f"a1-{number}",
        "article": "a1",
        "date": DateValue(date),
        "date_source": "text",
        "title": f"Event {number}",
        "actors": actors,
        "places": (),
        "quote": "One.",
        "sentence": 0,
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]
