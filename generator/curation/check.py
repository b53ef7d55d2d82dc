"""`timeline check`: every problem under content/, each as `path:line:column: message`.

Checks article front matter and text (via the article reader), YAML syntax, the events schema
(`generator.store.schema`: known fields, required ones, each field's type or value, dates ISO at
year, month or day precision and real calendar days), actors that events name but actors.yml
does not know, quotes and mentions that are not in their article (or not in the sentence their
number points at), and ids used twice. The MkDocs plugin runs the same checks and fails the
build with the same lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ArticleError, ContentError
from generator.extract.timex.dateline import dateline_disagreement
from generator.ingest.articles import find_articles, slugify
from generator.model import ACTOR_KINDS, Article
from generator.registry import ActorRegistry, name_key
from generator.store.content import Content, article_sentences, read_article_once
from generator.store.registry import load_registry
from generator.store.schema import EVENT_FIELDS, FIELDS, FILE_FIELDS, is_index, is_mentions
from generator.store.yaml_io import read_yaml_cached, read_yaml_values, yaml_key_position, yaml_position

ACTOR_KEYS = frozenset({"kind", "aliases", "note"})


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in content/, where a person finds it."""

    path: str
    line: int
    column: int
    message: str
    warning: bool = False  # worth a look, but the site builds: e.g. a dateline that disagrees

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass(slots=True)
class _Checker:
    """Problems found so far, and what later checks need (articles, actors, ids seen)."""

    problems: list[Problem] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    registry: ActorRegistry | None = None
    ids: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (file, event index)
    new_ids: list[str] = field(default_factory=list)  # ids the file being checked added
    unreadable: set[str] = field(default_factory=set)  # slugs of articles reported as broken
    sentences: dict[str, list[str]] = field(default_factory=dict)  # slug -> its sentences, one-spaced

    def add(
        self, path: Path | str, where: tuple[int | None, int | None], message: str, warning: bool = False
    ) -> None:
        line, column = where
        self.problems.append(Problem(str(path), line or 1, column or 1, message, warning))


def errors_only(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build (not the warnings)."""
    return [problem for problem in problems if not problem.warning]


def check_content(content_dir: Path) -> list[Problem]:
    """Every problem under `content_dir`, sorted by file, line and column; warnings included."""
    content = Content(content_dir)
    checker = _Checker()
    _check_articles(checker, content)
    _check_actors(checker, content.actors)
    for path in sorted(content.events.glob("*.yml")) if content.events.is_dir() else []:
        _check_events_file(checker, path)
    return sorted(checker.problems, key=lambda p: (p.path, p.line, p.column, p.message))


def _check_articles(checker: _Checker, content: Content) -> None:
    for path in find_articles(content.articles):
        try:
            article = read_article_once(path)
        except ArticleError as error:
            checker.add(error.path, (error.line, None), error.message)
            checker.unreadable.add(slugify(path.stem))
            continue
        disagreement = dateline_disagreement(article)
        if disagreement is not None:
            checker.add(path, (1, 1), disagreement, warning=True)
        if article.slug in checker.articles:
            other = checker.articles[article.slug].path
            checker.add(path, (1, 1), f"has the same slug {article.slug!r} as {other}; rename one of them")
            continue
        checker.articles[article.slug] = article


def _read(checker: _Checker, path: Path, positions: bool = True) -> Any:
    try:
        return read_yaml_cached(path) if positions else read_yaml_values(path)
    except ContentError as error:
        checker.add(path, (error.line, error.column), error.message)
        return None


# -- actors.yml -------------------------------------------------------------------------------------


def _check_actors(checker: _Checker, path: Path) -> None:
    if not path.exists():
        checker.registry = ActorRegistry()
        return
    # As for events files: the values tell whether actors.yml is fine, positions only name lines.
    before = len(checker.problems)
    _check_actors_data(checker, path, _read(checker, path, positions=False))
    if len(checker.problems) > before:
        del checker.problems[before:]
        _check_actors_data(checker, path, _read(checker, path))


def _check_actors_data(checker: _Checker, path: Path, data: Any) -> None:
    if data is None:
        checker.registry = (
            None if checker.problems and checker.problems[-1].path == str(path) else ActorRegistry()
        )
        return
    if not isinstance(data, dict):
        checker.add(path, (1, 1), "actors.yml is a mapping from canonical name to {kind, aliases}")
        return
    before = len(checker.problems)
    owners: dict[str, str] = {}
    for name, entry in data.items():
        _check_actor(checker, path, data, name, entry, owners)
    if len(checker.problems) == before:
        checker.registry = load_registry(path)


def _check_actor(
    checker: _Checker, path: Path, data: Mapping[Any, Any], name: Any, entry: Any, owners: dict[str, str]
) -> None:
    where = yaml_position(data, name)
    if not isinstance(name, str) or not name.strip():
        checker.add(path, where, f"actor name {name!r} is not a name; quote it if it looks like a number")
        return
    _claim(checker, path, where, owners, name, name)
    if entry is None:
        return
    if not isinstance(entry, dict):
        checker.add(path, where, f"actor {name!r}: expected `kind:` and `aliases:`")
        return
    for key in entry:
        if key not in ACTOR_KEYS:
            checker.add(path, yaml_key_position(entry, key), f"actor {name!r}: unknown field {key!r}")
    kind = entry.get("kind", "other")
    if kind not in ACTOR_KINDS:
        message = f"actor {name!r}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}"
        checker.add(path, yaml_position(entry, "kind"), message)
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        checker.add(
            path, yaml_position(entry, "aliases"), f"actor {name!r}: `aliases:` is a list, e.g. [Lavrov]"
        )
        return
    for index, alias in enumerate(aliases):
        alias_where = yaml_position(aliases, index)
        if not isinstance(alias, str) or not alias.strip():
            checker.add(path, alias_where, f"actor {name!r}: alias {alias!r} is not a name")
        elif name_key(alias) != name_key(name):
            _claim(checker, path, alias_where, owners, alias, name)


def _claim(
    checker: _Checker,
    path: Path,
    where: tuple[int | None, int | None],
    owners: dict[str, str],
    text: str,
    name: str,
) -> None:
    """Record that `text` names actor `name`; a name that two actors claim is ambiguous."""
    key = name_key(text)
    owner = owners.setdefault(key, name)
    if owner != name:
        message = (
            f"{text!r} names both {owner!r} and {name!r}; merge them (`timeline actors merge`) or drop one"
        )
        checker.add(path, where, message)


# -- events files ------------------------------------------------------------------------------------


def _check_events_file(checker: _Checker, path: Path) -> None:
    # The values alone tell whether a file is fine; only a file with problems is parsed again,
    # with positions, so that each problem names its line.
    before = len(checker.problems)
    checker.new_ids = []
    _check_events_data(checker, path, _read(checker, path, positions=False))
    if len(checker.problems) > before:
        del checker.problems[before:]
        for event_id in checker.new_ids:
            del checker.ids[event_id]
        _check_events_data(checker, path, _read(checker, path))


def _check_events_data(checker: _Checker, path: Path, data: Any) -> None:
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get("events", []), list | None):
        checker.add(path, (1, 1), "an events file is a mapping with `article: <slug>` and an `events:` list")
        return
    for key in data:
        if key not in FILE_FIELDS:
            message = f"unknown field {key!r}; an events file has {' and '.join(FILE_FIELDS)}"
            checker.add(path, yaml_key_position(data, key), message)
    slug = str(data.get("article") or path.stem)
    if slug != path.stem:
        checker.add(
            path, yaml_position(data, "article"), f"article {slug!r} does not match the file name {path.name}"
        )
    article = checker.articles.get(slug)
    if article is None and checker.articles and slug not in checker.unreadable:
        checker.add(
            path, (1, 1), f"no article has the slug {slug!r}; restore it in articles/ or delete this file"
        )
    events = data.get("events") or []
    for index, item in enumerate(events):
        _check_event(checker, path, (yaml_position(events, index), index), item, article)


def _check_event(
    checker: _Checker,
    path: Path,
    at: tuple[tuple[int | None, int | None], int],
    item: Any,
    article: Article | None,
) -> None:
    where, index = at
    if not isinstance(item, dict):
        checker.add(path, where, "each event is a mapping (id, date, title, quote, sentence, ...)")
        return
    label = _check_id(checker, path, (where, index), item)
    for key in item:
        if key not in FIELDS:
            checker.add(path, yaml_key_position(item, key), f"{label}: unknown field {key!r} (a typo?)")
    for spec in EVENT_FIELDS:
        if spec.required and (item.get(spec.name) is None or item.get(spec.name) == ""):
            checker.add(path, where, f"{label}: `{spec.name}:` is required")
    for message, key in _field_problems(item):
        checker.add(path, yaml_position(item, key), f"{label}: {message}")
    if item.get("status") != "rejected":
        _check_references(checker, path, label, item, article)


def _check_id(
    checker: _Checker, path: Path, at: tuple[tuple[int | None, int | None], int], item: Mapping[str, Any]
) -> str:
    where, index = at
    event_id = item.get("id")
    if event_id is None or event_id == "":
        checker.add(path, where, "event has no `id:`; give it one that no other event has")
        return "event"
    text = str(event_id)
    id_where = yaml_position(item, "id")
    message = FIELDS["id"].problem(event_id)
    if message:
        checker.add(path, id_where, message)
    first = checker.ids.setdefault(text, (str(path), index))
    if first == (str(path), index):
        checker.new_ids.append(text)
    else:
        used_at = f"{first[0]}:{_id_line(Path(first[0]), first[1])}"
        checker.add(path, id_where, f"id {text!r} is already used at {used_at}; ids must be unique")
    return f"event {text}"


def _id_line(path: Path, index: int) -> int:
    """The line of the `id:` of the event at `index` in an events file (read with positions)."""
    try:
        return yaml_position(read_yaml_cached(path)["events"][index], "id")[0] or 1
    except (ContentError, KeyError, IndexError, TypeError):
        return 1


def _field_problems(item: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    """(message, key) for each field of the wrong type or value, as the schema has it."""
    for spec in EVENT_FIELDS:
        if spec.name != "id" and spec.name in item:  # the id is checked as the key (_check_id)
            message = spec.problem(item[spec.name])
            if message:
                yield message, spec.name


# -- references: actors and quotes -------------------------------------------------------------------


def _check_references(
    checker: _Checker, path: Path, label: str, item: Mapping[str, Any], article: Article | None
) -> None:
    _check_actor_names(checker, path, label, item.get("actors"))
    if article is None:
        return
    sentences = checker.sentences.get(article.slug)
    if sentences is None:  # split once per article, not once per event
        sentences = [" ".join(sentence.text.split()) for sentence in article_sentences(article.text)]
        checker.sentences[article.slug] = sentences
    mentions = item.get("mentions")
    for node in [item, *(mentions if is_mentions(mentions) and mentions else [])]:
        message = _quote_problem(node.get("quote"), node.get("sentence"), sentences, article)
        if message:
            checker.add(path, yaml_position(node, "quote"), f"{label}: {message}")


def _check_actor_names(checker: _Checker, path: Path, label: str, actors: Any) -> None:
    if checker.registry is None or not isinstance(actors, list):
        return  # actors.yml itself is broken: that is the problem to report
    for index, name in enumerate(actors):
        if isinstance(name, str) and checker.registry.lookup(name) is None:
            message = (
                f"{label}: actor {name!r} is not in actors.yml; add it (or an alias) there or fix the name"
            )
            checker.add(path, yaml_position(actors, index), message)


def _quote_problem(quote: Any, sentence: Any, sentences: list[str], article: Article) -> str | None:
    if not isinstance(quote, str) or not quote.strip():
        return None
    wanted = " ".join(quote.split())
    found = [index for index, text in enumerate(sentences) if wanted in text]
    if not found:
        if wanted in " ".join(article.text.split()):
            return None  # a quote over several sentences
        return f"the quote is not in article {article.slug!r} ({article.path}); copy it verbatim"
    if is_index(sentence) and sentence not in found:
        return f"the quote is sentence {found[0]} of the article, not {sentence}; set `sentence: {found[0]}`"
    return None
