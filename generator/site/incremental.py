"""Under `mkdocs serve`: the site rendered again in part, only the pages an edit can change.

`SiteRenderer` keeps the last render's data and pages by group (generator/site/pages.py). When
an edit leaves the site's layout as it was (the same articles, actors and their slugs, places,
names to review, and every event on the same page of the timeline), only the groups that show
a changed event are rendered again, with the indexes; anything else (a renamed actor, a new
article, an event moved to another period) renders everything. The exports and the extra pages
are made whole each time, the story's slides of unchanged events and the feeds of unchanged
actors taken from the last render. YAML and articles are read once per file version
(generator/store), so an edit re-reads only the files it touched.
"""

from __future__ import annotations

from pathlib import Path

from generator.model import Event
from generator.site.build import load_site_data, other_files
from generator.site.data import SiteData, event_anchor
from generator.site.links import Links
from generator.site.pages import INDEX_GROUPS, render_page_groups
from generator.site.story import Slides


def layout(data: SiteData) -> tuple[object, ...]:
    """What every page may depend on; while it stays the same, an edit changes only some pages."""
    return (
        data.articles,
        data.actors,
        data.actor_slugs,
        data.place_slugs,
        data.unresolved,
        data.timeline_pages,
        [period.key for period in data.periods],
    )


def affected_groups(old: SiteData, new: SiteData) -> set[str] | None:
    """The page groups of `new` that can differ from those of `old`; None when all of them can."""
    if layout(old) != layout(new):
        return None
    groups = set(INDEX_GROUPS)
    for data, event in _changed(_happenings(old), _happenings(new), old, new):
        groups.update(f"actor/{name}" for name in event.actors)
        page = data.timeline_pages.get(event_anchor(event.id))
        if page is not None:
            groups.add(page.removesuffix(".md"))
    for _, event in _changed(_reported(old), _reported(new), old, new):
        groups.add(f"article/{event.article}")
    return groups


Entries = dict[str, tuple[Event, object]]


def _happenings(data: SiteData) -> Entries:
    # what an entry shows: the happening, and the other articles' events that tell it too
    return {event.id: (event, tuple(data.also_told_by.get(event.id, ()))) for event in data.events}


def _reported(data: SiteData) -> Entries:
    return {event.id: (event, data.happening_of.get(event.id)) for event in data.reported}


def _changed(before: Entries, after: Entries, old: SiteData, new: SiteData) -> list[tuple[SiteData, Event]]:
    """(data, event) for each event whose entry differs: its old version and its new one."""
    changed = []
    for event_id in before.keys() | after.keys():
        was, now = before.get(event_id), after.get(event_id)
        if was != now:
            changed += [(data, entry[0]) for data, entry in ((old, was), (new, now)) if entry is not None]
    return changed


class SiteRenderer:
    """The pages of content/, rendered again in part after an edit."""

    def __init__(self, content_dir: Path, links: Links) -> None:
        self.content_dir = content_dir
        self.links = links
        self.data: SiteData | None = None
        self.groups: dict[str, dict[str, str]] = {}
        self.rendered: set[str] | None = None  # the groups the last render wrote (None: all)
        self.slides = Slides()  # the story's slides, made again only for the events an edit changed

    def render(self) -> dict[str, str | bytes]:
        """Every generated page and file; raises TimelineError naming a broken file."""
        data = load_site_data(self.content_dir)
        wanted = None if self.data is None else affected_groups(self.data, data)
        fresh = render_page_groups(data, self.links, only=wanted)
        self.groups = fresh if wanted is None else {**self.groups, **fresh}
        self.data, self.rendered = data, wanted
        pages: dict[str, str | bytes] = {
            path: text for group in self.groups.values() for path, text in group.items()
        }
        return {**pages, **other_files(data, self.links, self.content_dir, self.slides)}
