"""The site is not tied to MkDocs: Zensical builds the pages `timeline render --out` writes.

Renders the example content, writes a minimal Zensical config (its mkdocs.yml form) pointing at
the rendered pages, builds with `python -m zensical build` into tmp_path and checks the timeline,
an actor and an article page with their events. Skipped when Zensical is not installed
(it is in the `dev` extra).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_helpers import REPO

from generator.cli.main import main

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None, reason="zensical is not installed (pip install -e '.[dev]')"
)

CONFIG = """\
site_name: News Timeline
docs_dir: pages
site_dir: site
theme:
  font: false
nav:
  - Home: index.md
  - Timeline: timeline/index.md
  - Actors: actors/index.md
  - Articles: articles/index.md
  - Needs review: review/index.md
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: false
      toc_depth: 3
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("zensical")
    result = CliRunner().invoke(
        main, ["render", "--content", str(REPO / "content"), "--out", str(project / "pages")]
    )
    assert result.exit_code == 0, result.output
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return project / "site"


def read(site: Path, path: str) -> str:
    page = site / path / "index.html"
    assert page.is_file(), f"{page} was not built"
    return page.read_text(encoding="utf-8")


def content(site: Path, path: str) -> str:
    """The page's own content, without the navigation."""
    html = read(site, path)
    start = html.index('<article class="md-content__inner')
    return html[start : html.rindex("</article>")]  # event cards are <article>s inside it


def test_the_timeline_page_has_every_event(site: Path) -> None:
    html = content(site, "timeline")
    assert 'id="e-1957-sputnik-1"' in html
    assert "Soviet Union launches first artificial satellite" in html
    assert 'id="e-1998-zarya-1"' in html or "Zarya" in html
    assert 'href="../articles/1957-sputnik/#s-' in html  # each event links its source sentence


def test_an_actor_page_has_their_events(site: Path) -> None:
    html = content(site, "actors/neil-armstrong")
    assert "Neil Armstrong" in html
    assert "land on Moon in lunar module Eagle" in html
    assert "Soviet Union launches first artificial satellite" not in html


def test_an_article_page_has_its_sentences_marked(site: Path) -> None:
    html = content(site, "articles/1957-sputnik")
    assert 'id="s-0"' in html
    assert "Soviet Union launches first artificial satellite" in html


def test_the_exports_and_the_story_view_are_there_too(site: Path) -> None:
    assert (site / "events.json").is_file()
    assert (site / "story" / "neil-armstrong" / "timeline.json").is_file()
    assert "fonts.googleapis.com" not in read(site, "timeline")  # the config's `font: false` holds


def test_the_home_page_has_the_hand_written_text_above_the_dashboard(site: Path) -> None:
    html = content(site, "")
    assert "At a glance" in html and "Most active actors" in html
    hand = html.index("space race")  # from content/pages/index.md
    assert hand < html.index("At a glance")
