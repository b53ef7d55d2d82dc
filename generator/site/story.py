"""The story view: the events as TimelineJS slides, for the whole timeline and for each actor.

Pages `story/index.md` and `story/<actor-slug>/index.md`, each beside its own `timeline.json` in
TimelineJS3's format, read by the vendored TimelineJS (theme_overrides/assets/vendor/timelinejs/)
through theme_overrides/assets/story.js. One data file per actor keeps an actor's page small on a
big site. Links inside the slides are relative to the story page (or absolute when the site URL is
known), so the view works on a site served from a sub-path; `index.md` pages sit in their own folder
with or without directory URLs, so the same links hold for both URL styles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring

from generator.model import Event
from generator.site.data import SiteData, event_anchor, format_date, oldest_first
from generator.site.links import Links
from generator.site.pages import escape_attribute, escape_text

VENDOR = "assets/vendor/timelinejs"
DATA_FILE = "timeline.json"
LISTED_ACTORS = 100  # the busiest actors listed on story/; every actor page links to its own story


def story_files(data: SiteData, links: Links, slides: Slides | None = None) -> dict[str, str]:
    """{path from the docs root: text}: the story pages and their TimelineJS3 JSON. `slides`: the
    slides of an earlier render, kept under `mkdocs serve` so that an edit builds only its own."""
    links = links.for_data(data)
    slides = Slides() if slides is None else slides
    by_actor: dict[str, list[Event]] = {name: [] for name in data.actor_slugs}
    for event in data.events:
        for name in event.actors:
            if name in by_actor:
                by_actor[name].append(event)
    actors = sorted(
        ((name, slug) for name, slug in data.actor_slugs.items() if by_actor[name]),
        key=lambda item: (-len(by_actor[item[0]]), item[0].casefold()),
    )
    files = {
        "story/index.md": _page(
            "The whole story",
            depth=1,
            back=[("the timeline", "../timeline/index.md")],
            actors=actors[:LISTED_ACTORS],
            unlisted=len(actors) - LISTED_ACTORS,
        ),
        f"story/{DATA_FILE}": story_json(
            data,
            data.events,
            "News Timeline",
            links,
            depth=1,
            home=("the timeline", "timeline/index.md"),
            slides=slides,
        ),
    }
    for name, slug in actors:
        files[f"story/{slug}/index.md"] = _actor_page(name, slug, links)
        files[f"story/{slug}/{DATA_FILE}"] = story_json(
            data,
            by_actor[name],
            name,
            links,
            depth=2,
            home=(f"{name}'s timeline", f"actors/{slug}.md"),
            slides=slides,
        )
    slides.forget_others()
    return files


def story_json(
    data: SiteData,
    events: Iterable[Event],
    headline: str,
    links: Links,
    *,
    depth: int,
    home: tuple[str, str],
    slides: Slides | None = None,
) -> str:
    """TimelineJS3 JSON for `events`, its links right from a story page `depth` folders below the root.

    Headline and text are HTML to TimelineJS (which also sanitises them), so every value is escaped.
    """
    ordered = oldest_first(events)
    span = f" {format_date(ordered[0].date)} to {format_date(ordered[-1].date)}." if ordered else ""
    label, path = home
    intro = (
        f"<p>{len(ordered)} event{'s' if len(ordered) != 1 else ''}{span and ','}{span or '.'}</p>"
        f"<p>Each slide quotes its source sentence. Also as {_link(links.page(path, '', depth), label)}.</p>"
    )
    title = {"text": {"headline": escape_attribute(headline), "text": intro}}
    if not ordered:
        return json.dumps({"title": title, "events": []}, ensure_ascii=False, indent=1) + "\n"
    slides = Slides() if slides is None else slides
    # The text json.dumps(indent=1) gives the whole document, a slide at a time: an event's slide
    # is the same on every story page as deep as this one, so it is encoded once for all of them.
    head = json.dumps({"title": title}, ensure_ascii=False, indent=1)[:-2]
    body = ",\n  ".join(slides.text(data, event, links, depth) for event in ordered)
    return f'{head},\n "events": [\n  {body}\n ]\n}}\n'


class Slides:
    """Each event's slide as JSON text, kept by what it shows, for the story pages at each depth."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, int], tuple[tuple[object, ...], str]] = {}
        self._used: set[tuple[str, int]] = set()
        self.made = 0  # slides made (not taken from an earlier render) since forget_others
        self.made_last = 0  # the same for the last render

    def text(self, data: SiteData, event: Event, links: Links, depth: int) -> str:
        """The slide of `event` on a story page `depth` folders below the root, as JSON at the
        indentation of an item of the document's `events`."""
        key = (event.id, depth)
        shown = _shown(data, event, links)
        self._used.add(key)
        cached = self._texts.get(key)
        if cached is not None and cached[0] == shown:
            return cached[1]
        text = indented_json(_slide(data, event, links, depth), "\n  ")
        self.made += 1
        self._texts[key] = (shown, text)
        return text

    def forget_others(self) -> None:
        """Drop the slides the last render did not use (events gone or edited away)."""
        self._texts = {key: value for key, value in self._texts.items() if key in self._used}
        self._used = set()
        self.made_last, self.made = self.made, 0


def indented_json(value: object, line: str = "\n") -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)`, its lines starting with `line`, for the
    strings, numbers, lists and dicts of a slide; a C encoder writes the strings (json's own
    writes the whole document in Python when it indents)."""
    if isinstance(value, str):
        return encode_basestring(value)
    inner = line + " "
    if isinstance(value, dict) and value:
        items = [f"{encode_basestring(key)}: {indented_json(item, inner)}" for key, item in value.items()]
        return "{" + inner + ("," + inner).join(items) + line + "}"
    if isinstance(value, list) and value:
        return "[" + inner + ("," + inner).join([indented_json(item, inner) for item in value]) + line + "]"
    return json.dumps(value)


def _shown(data: SiteData, event: Event, links: Links) -> tuple[object, ...]:
    """Everything a slide of `event` is made of, besides its depth."""
    article = data.articles.get(event.article)
    return (
        event,
        article and (article.source, article.title),
        tuple(data.actor_slugs.get(name) for name in event.actors),
        links.site_url,
        links.directory_urls,
        data.timeline_pages.get(event_anchor(event.id)),
    )


def _slide(data: SiteData, event: Event, links: Links, depth: int) -> dict[str, object]:
    date = event.date
    start: dict[str, object] = {"year": date.year, "display_date": format_date(date)}
    if date.precision != "year":
        start["month"] = date.month
    if date.precision == "day":
        start["day"] = int(date.iso[8:10])
    actors = ", ".join(
        _link(links.page(f"actors/{data.actor_slugs[name]}.md", "", depth), name)
        if name in data.actor_slugs
        else escape_attribute(name)
        for name in event.actors
    )
    article = data.articles.get(event.article)
    outlet = (article.source or article.title) if article else event.article
    text = f"<blockquote>{escape_attribute(event.quote)}</blockquote>"
    if actors:
        text += f"<p>{actors}</p>"
    if event.places:
        text += f"<p>{escape_attribute(', '.join(event.places))}</p>"
    text += (
        f"<p>Source: {_link(links.sentence(event, depth), outlet)}"
        f" · {_link(links.event(event, depth), 'on the timeline')}</p>"
    )
    return {
        "start_date": start,
        "text": {"headline": escape_attribute(event.title), "text": text},
        "unique_id": event_anchor(event.id),
    }


def _link(url: str, text: str) -> str:
    """A link in a slide; TimelineJS opens one without a target in a new tab, the site's open in place."""
    return f'<a target="_self" href="{escape_attribute(url)}">{escape_attribute(text)}</a>'


def _actor_page(name: str, slug: str, links: Links) -> str:
    """An actor's story page, its text as raw HTML: the page MkDocs converts to the same HTML
    without Python-Markdown (generator/site/direct_html.py)."""
    path = f"story/{slug}/index.md"
    targets = ((f"{name}'s timeline", f"actors/{slug}.md"), ("the whole story", "story/index.md"))
    back = ", ".join(_html_link(links.relative(path, target), label) for label, target in targets)
    up = "../" * 2
    lines = [
        *_front_matter(f"The story of {name}"),
        f"<p>{_INTRODUCTION} Back to {back}.</p>",
        # Python-Markdown wrapped the two stylesheet links in a paragraph: kept, so the page is unchanged
        f'<p><link rel="stylesheet" href="{up}{VENDOR}/css/timeline.css">',
        f'<link rel="stylesheet" href="{up}assets/story.css"></p>',
        *_viewer(up),
    ]
    return "\n".join(lines)  # no newline after the HTML: it would be kept in the page


def _html_link(url: str, label: str) -> str:
    """The link Python-Markdown made of `[label](url)` in a story page's text (escape_text's spaces)."""
    return f'<a href="{escape_attribute(url)}">{escape_attribute(" ".join(label.split()))}</a>'


_INTRODUCTION = "The same events as the timeline, one slide each with its source sentence."


def _front_matter(title: str) -> list[str]:
    return [
        "---",
        f"title: {json.dumps(escape_attribute(title))}",
        "hide:",
        "  - toc",
        "---",
        "",
        f"# {escape_text(title)}",
        "",
    ]


def _viewer(up: str) -> list[str]:
    """TimelineJS's container over `timeline.json`, and the scripts."""
    return [
        f'<div class="tl-story" id="tl-story" data-story="{DATA_FILE}" '
        f'data-script-path="{up}{VENDOR}/js/"></div>',
        "<noscript>The story view needs JavaScript; the timeline pages work without it.</noscript>",
        f'<script src="{up}{VENDOR}/js/timeline.js"></script>',
        f'<script src="{up}assets/story.js"></script>',
    ]


def _page(
    title: str,
    *,
    depth: int,
    back: Sequence[tuple[str, str]],
    actors: Sequence[tuple[str, str]] = (),
    unlisted: int = 0,
) -> str:
    """A story page: TimelineJS's stylesheet, its container over `timeline.json`, the scripts."""
    up = "../" * depth
    lines = [
        *_front_matter(title),
        f"{_INTRODUCTION} Back to "
        + ", ".join(f"[{escape_text(label)}]({url})" for label, url in back)
        + ".",
        "",
        f'<link rel="stylesheet" href="{up}{VENDOR}/css/timeline.css">',
        f'<link rel="stylesheet" href="{up}assets/story.css">',
        *_viewer(up),
        "",
    ]
    if actors:
        lines += ["## Each actor's story", ""]
        lines += [f"- [{escape_text(name)}]({slug}/index.md)" for name, slug in actors]
        lines.append("")
    if unlisted > 0:
        # A list of every actor would grow with the archive (585 KB at 10,000 articles).
        lines += [
            f"The {len(actors)} actors with the most events are listed; the stories of the other "
            f"{unlisted:,} are linked from their pages under [Actors]({up}actors/index.md).",
            "",
        ]
    return "\n".join(lines)
