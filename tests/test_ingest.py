"""Reading articles: every bad input is a clear ArticleError naming the file, never a traceback."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from generator.errors import ArticleError
from generator.ingest.articles import MAX_ARTICLE_BYTES, find_articles, plain_text, read_article, slugify

ENGLISH = (
    "The Soviet Union launched the first artificial satellite into orbit on Friday, the agency said. "
    "The satellite, named Sputnik 1, lifted off from a launch site in Kazakhstan on a rocket. It weighs "
    "about 84 kilograms and carries two radio transmitters, and observers in the United States and "
    "Britain picked up its signal within hours of the launch."
)
GERMAN = (
    "Die Bundesregierung hat am Montag beschlossen, dass die neuen Regeln ab dem ersten Januar gelten "
    "sollen. Der Kanzler sagte in Berlin, man werde mit den Ländern und den Gemeinden über die Umsetzung "
    "sprechen, bevor das Parlament im Herbst darüber abstimmt. Die Opposition kritisierte den Plan scharf "
    "und sprach von einem schweren Fehler der Regierung."
)


def article(
    tmp_path: Path, body: str = ENGLISH, front: str = "title: Sputnik\ndate: 1957-10-05\n", name: str = "a.md"
) -> Path:
    path = tmp_path / name
    path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    return path


def raw(tmp_path: Path, data: bytes, name: str = "a.md") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_good_article(tmp_path: Path) -> None:
    read = read_article(article(tmp_path, front="title: Sputnik\ndate: 1957-10-05\nslug: ../../etc/passwd\n"))
    assert (read.title, read.published, read.slug) == ("Sputnik", dt.date(1957, 10, 5), "etc-passwd")
    assert read.text == ENGLISH


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "the file is empty", None),
        (b"  \n\n", "the file is empty", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", None),
        ("---\ntitle: Caf\xe9\ndate: 2025-01-01\n---\nText\n".encode("cp1252"), "not UTF-8", 2),
        (b"---\n- a list\n---\nText\n", "front matter must be a mapping", 2),
        (b"---\njust a string\n---\nText\n", "front matter must be a mapping", 2),
        (b"---\ntitle: [unclosed\ndate: 2025-01-01\n---\nText\n", "invalid YAML front matter", None),
        (b"---\ntitle: T\ndate: 2025-01-01\nText never closes\n", "never ends", 1),
        (b"---\ntitle: T\ndate: 2025-01-01\n---\n\n\n", "no text after its front matter", None),
        (b"---\ntitle: T\n---\nText\n", "no publication date", None),
        (b"---\ndate: 2025-01-01\n---\nText\n", "no title", None),
        (b"---\ntitle: {a: 1}\ndate: 2025-01-01\n---\nText\n", "title is not text", None),
        (b"---\ntitle: T\ndate: 2025-02-30\n---\nText\n", "day is out of range", 3),
        (b"---\ntitle: T\ndate: '2025-02-30'\n---\nText\n", "is not a valid date", 3),
        (b"---\ntitle: T\ndate: soon\n---\nText\n", "is not a valid date", 3),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_bad_input_names_the_file_and_the_problem(
    tmp_path: Path, data: bytes, message: str, line: int | None
) -> None:
    path = raw(tmp_path, data)
    with pytest.raises(ArticleError, match=message) as caught:
        read_article(path)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(str(path))
    if line is not None:
        assert caught.value.line == line


def test_a_yaml_bomb_in_front_matter_is_refused(tmp_path: Path) -> None:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    path = raw(tmp_path, ("---\ntitle: T\ndate: 2025-01-01\n" + "\n".join(levels) + "\n---\nText\n").encode())
    with pytest.raises(ArticleError, match="aliases"):
        read_article(path)


def test_a_recursive_alias_in_front_matter_is_refused(tmp_path: Path) -> None:
    path = raw(tmp_path, b"---\ntitle: T\ndate: 2025-01-01\nloop: &a [*a]\n---\nText\n")
    with pytest.raises(ArticleError, match="recursive"):
        read_article(path)


def test_an_article_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: fast to make
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    with pytest.raises(ArticleError, match="50 MiB"):
        read_article(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = f"---\ntitle: Gagarin in orbit\ndate: 1961-04-12\n---\n{ENGLISH}\n"
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path = raw(tmp_path, bom + text.encode(encoding))
    assert read_article(path).title == "Gagarin in orbit"


def test_windows_line_endings_are_normalized(tmp_path: Path) -> None:
    path = raw(tmp_path, f"---\r\ntitle: T\r\ndate: 2025-01-01\r\n---\r\n{ENGLISH}\r\n".encode())
    assert "\r" not in read_article(path).text


def test_an_article_in_another_language_is_refused_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="does not look English") as caught:
        read_article(article(tmp_path, body=GERMAN))
    assert "language: en" in str(caught.value)


def test_a_declared_language_decides(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="'de'"):
        read_article(article(tmp_path, front="title: T\ndate: 2025-01-01\nlanguage: de\n"))
    forced = article(tmp_path, body=GERMAN, front="title: T\ndate: 2025-01-01\nlanguage: en\n", name="b.md")
    assert read_article(forced).text == GERMAN


def test_a_short_article_is_not_judged_by_language(tmp_path: Path) -> None:
    assert read_article(article(tmp_path, body="Gagarin orbits Earth.")).text == "Gagarin orbits Earth."


def test_markdown_and_html_become_the_words_a_reader_sees(tmp_path: Path) -> None:
    body = (
        "# Sputnik\n\n"
        "The **Soviet Union** launched [Sputnik 1](https://example.org/s1) on *Friday*."
        "<script>alert(1)</script>\n"
        "An <img src=x onerror=alert(1)>image and `code` &amp; an ![photo](p.png) of snake_case_names.\n"
        "<!-- a\nnote -->\n[1]: https://example.org/ref\n"
    )
    text = read_article(article(tmp_path, body=body)).text
    assert text == (
        "# Sputnik\n\nThe Soviet Union launched Sputnik 1 on Friday.\n"
        "An image and code & an photo of snake_case_names.\n\n"
    ).rstrip("\n")


def test_plain_text_keeps_plain_text_as_it_is() -> None:
    text = "Apollo 11 landed at 20:17 UTC, 3 < 4 and 5 > 2; AT&T's 2*3 = 6 (roughly)."
    assert plain_text(text) == text


def test_txt_articles_are_not_treated_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Sputnik *launched*\n\nThe Soviet Union launched *Sputnik*.\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("date: 1957-10-05\n", encoding="utf-8")
    read = read_article(path)
    assert (read.title, read.text) == ("Sputnik *launched*", "The Soviet Union launched *Sputnik*.")


def test_an_article_read_once_is_read_again_when_its_sidecar_changes(tmp_path: Path) -> None:
    from generator.store.content import read_article_once

    path = tmp_path / "a.txt"
    path.write_text("Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("date: 1957-10-05\n", encoding="utf-8")
    assert read_article_once(path).published == dt.date(1957, 10, 5)
    assert read_article_once(path) is read_article_once(path)  # an unchanged file is read once
    (tmp_path / "a.yml").write_text("date: 1957-10-04\nsource: TASS\n", encoding="utf-8")
    assert read_article_once(path).published == dt.date(1957, 10, 4)


def test_a_sidecar_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "a.yml").write_bytes("source: Caf\xe9\n".encode("cp1252"))
    with pytest.raises(ArticleError, match="not UTF-8") as caught:
        read_article(path)
    assert caught.value.path == str(tmp_path / "a.yml")


def test_find_articles_skips_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", ".hidden.md", "notes.yml", "c.MARKDOWN"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [path.name for path in find_articles(tmp_path)] == ["a.txt", "b.md", "c.MARKDOWN"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Sergey Lavrov", "sergey-lavrov"),
        ("../../etc/passwd", "etc-passwd"),
        ("Zoë Ünal", "zoe-unal"),
        ("Сергей Лавров", "u421-435-440-433-435-439-20-41b-430-432-440-43e"),
        ("金正恩", "u91d1-6b63-6069"),
        ("", "untitled"),
        ("...", "u2e-2e-2e"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
