"""Archived copies of articles (content/sources/): published beside the site, with nothing that runs."""

from __future__ import annotations

import gzip
from pathlib import Path

from click.testing import CliRunner
from site_helpers import build_site, write_actors, write_article, write_events
from test_site_build import ev

from generator.cli import main
from generator.site.sources import CSP, archived_files, sanitize

HOSTILE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="windows-1252"><meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/"><script>alert(1)</script><script src="https://cdn.example/x.js"></script>
<style>p { color: red }</style></head>
<body onload="alert(2)"><p onclick='alert(3)' class="lead">Caf\u00e9 &amp; more</p>
<a href=" java&#x09;script:alert(4)">x</a><a href="https://ok.example/">ok</a>
<svg><script>alert(5)</script></svg><img src="https://img.example/a.png" onerror="alert(6)">
<iframe srcdoc="<script>alert(7)</script>"></iframe><object data="x.swf"></object>
<!--[if IE]><script>alert(8)</script><![endif]--></body></html>
"""


def test_sanitize_removes_everything_that_runs_and_keeps_the_text() -> None:
    clean = sanitize(HOSTILE_PAGE)
    assert "alert" not in clean
    assert "<script" not in clean.lower()
    for gone in ("onload", "onclick", "onerror", "javascript", "srcdoc", "<base", "refresh", "<object"):
        assert gone not in clean.lower(), gone
    assert clean.startswith("<!DOCTYPE html>\n" + '<meta charset="utf-8">')
    assert f'content="{CSP}"' in clean
    assert "default-src 'none'; img-src * data:; style-src 'unsafe-inline' *" in CSP
    assert "Caf\u00e9 &amp; more" in clean
    assert '<p class="lead">' in clean
    assert '<a href="https://ok.example/">ok</a>' in clean
    assert '<img src="https://img.example/a.png">' in clean
    assert "<style>p { color: red }</style>" in clean


def _project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    write_article(
        content,
        "moon",
        "Moon landing",
        "1969-07-21",
        ["Apollo 11 landed.", "Neil Armstrong walked on the Moon."],
        url="https://news.example/moon",
        archived="sources/moon.html.gz",
        retrieved="2024-03-05T10:22:31Z",
        date_from="json-ld",
        author="A. Reporter",
    )
    write_article(
        content, "plain", "Plain", "1969-07-22", ["Nothing archived."], archived="sources/plain.html"
    )
    moon = ev(
        "moon-1",
        "1969-07-20",
        "Armstrong walks",
        ["Neil Armstrong"],
        sentence=1,
        quote="Neil Armstrong walked on the Moon.",
    )
    write_events(content, "moon", [moon])
    write_actors(content, {"Neil Armstrong": {"kind": "person", "aliases": []}})
    (content / "sources").mkdir()
    (content / "sources" / "moon.html.gz").write_bytes(gzip.compress(HOSTILE_PAGE.encode("cp1252")))
    (content / "sources" / "plain.html").write_bytes(b"<p>plain <script>x()</script></p>")
    return tmp_path


def test_archived_files_gunzips_and_sanitises(tmp_path: Path) -> None:
    files = archived_files(_project(tmp_path) / "content")
    assert sorted(files) == ["sources/moon.html", "sources/plain.html"]
    assert "Caf\u00e9" in files["sources/moon.html"]  # decoded with its declared charset
    assert "<script" not in files["sources/plain.html"]


def test_the_site_links_the_original_and_the_archived_copy(tmp_path: Path) -> None:
    site = build_site(_project(tmp_path))
    page = (site / "articles" / "moon" / "index.html").read_text(encoding="utf-8")
    assert '<a class="tl-original" href="https://news.example/moon"' in page
    assert 'href="../../sources/moon.html"' in page
    assert 'Archived copy (retrieved <time datetime="2024-03-05T10:22:31Z">2024-03-05</time>)' in page
    assert "Publication date from the page&#39;s structured data (JSON-LD)" in page
    assert "A. Reporter" in page
    archived = (site / "sources" / "moon.html").read_bytes().decode("utf-8")
    assert "alert" not in archived and CSP in archived
    assert not (site / "sources" / "moon.html.gz").exists()


def test_render_writes_the_archived_copies(tmp_path: Path) -> None:
    project = _project(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", "--content", str(project / "content"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "alert" not in (out / "sources" / "moon.html").read_text(encoding="utf-8")
