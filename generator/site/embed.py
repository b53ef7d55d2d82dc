"""The embed page: one static HTML file, `embed/index.html`, that another site puts in an iframe.

`embed/index.html?event=e-<id>` shows one event, `?actor=<slug>&from=&to=` an actor's events
(between two dates, each YYYY, YYYY-MM or YYYY-MM-DD), and no query the latest events; `scheme=dark`
or `scheme=light` overrides the reader's colour scheme. Its script (templates/embed.js) reads the
filters' index, timeline/index.json (generator/site/exports.py), and writes every text from it as
text, never HTML; every link opens the full site in the top window.

The page is self-contained (its style and script inline, no theme): it works the same in the
MkDocs build, in the pages `timeline render --out` writes for any other generator, and from any
static server, at one page for the whole site however many events it holds.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.site.links import Links
from generator.site.pages import TEMPLATES, environment

EMBED_PAGE = "embed/index.html"
_SLUG_SLOT = "__slug__"  # where the script puts an actor's slug in the URL of their page


def embed_files(links: Links) -> dict[str, str]:
    """{path from the docs root: text}: the embed page."""
    return {EMBED_PAGE: render_embed_page(links)}


def render_embed_page(links: Links) -> str:
    """The embed page's HTML, its links relative to itself in the site's URL style."""
    return (
        environment()
        .get_template("embed.html")
        .render(
            index=links.relative(EMBED_PAGE, "timeline/index.json"),
            timeline=links.relative(EMBED_PAGE, "timeline/index.md"),
            actor_page=links.relative(EMBED_PAGE, f"actors/{_SLUG_SLOT}.md"),
            slug_slot=_SLUG_SLOT,
            style=Markup((TEMPLATES / "embed.css").read_text(encoding="utf-8")),
            script=Markup((TEMPLATES / "embed.js").read_text(encoding="utf-8")),
        )
    )
