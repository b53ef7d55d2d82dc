"""A run over content/: read articles, extract what changed, resolve names once, write what differs.

1. Every article file is hashed; an article whose bytes, extractor version and model are in the
   cache is not read again and loads no model.
2. The others go through the NLP, in this process or in `jobs` worker processes (each loads the
   model once); extracting one article depends on nothing but the article and the model.
3. One deterministic step merges every article's proposed actors into the registry, in slug order,
   and makes each article's names canonical.
4. Each article's events are merged with the person-edited YAML; an article whose fresh events,
   events file and extraction record are as the last run left them is skipped unread.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from generator.errors import ArticleError, ContentError
from generator.extract import EXTRACTOR_VERSION
from generator.extract.pipeline import resolve_model_name
from generator.ingest.articles import find_articles, read_article, sidecar_of
from generator.model import Article, ArticleExtraction
from generator.registry import ActorRegistry, renamed_events, resolve_names
from generator.store.cache import ExtractionCache, digest, file_digest
from generator.store.content import Content, content_lock
from generator.store.events import merged_article_texts, write_article_events
from generator.store.registry import load_registry, save_registry, saved_registry
from generator.store.yaml_io import batched_writes

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from spacy.language import Language

T = TypeVar("T")
Progress = Callable[[Iterable[T], int], Iterable[T]]  # (the results as they come, how many) -> the results
MAX_RESOLUTION_PASSES = 4
RUN_STATE = "_run"  # the state of the whole run, beside each article's (a slug never starts with "_")
BATCH = 8  # articles per task sent to a worker: large enough for spaCy's batching, small for balance


@dataclass(slots=True)
class ExtractionReport:
    """What a run over content/ did."""

    articles: int = 0
    events: int = 0
    files_changed: int = 0
    extracted: int = 0  # articles that went through the NLP (the others came from the cache)
    failures: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Pending:
    article: Article
    key: str


@dataclass(frozen=True, slots=True)
class _Found:
    """An extracted article as the run holds it: what it proposes for resolution, its cache key.

    Its events stay in the cache until they are saved, so the run's memory does not grow with
    the number of events (100,000 at 10,000 articles).
    """

    key: str
    proposal: ArticleExtraction  # the actors and definite names, with no events

    @property
    def slug(self) -> str:
        return self.proposal.slug


def _found(key: str, extraction: ArticleExtraction) -> _Found:
    return _Found(key, ArticleExtraction(extraction.slug, (), extraction.actors, extraction.definite))


def extract_content(
    content: Content,
    model: str | None = None,
    progress: Progress[ArticleExtraction | str] | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> ExtractionReport:
    """Extract every article under content/articles into content/events and content/actors.yml.

    A broken article is reported and skipped, and nothing is written for it; the others go on.
    With `scheduler` (a Dask address, tcp://HOST:8786) the NLP runs on that cluster instead.
    """
    report = ExtractionReport()
    with content_lock(content):
        cache = ExtractionCache.for_content(content.root)
        keyed = _article_keys(content, cache, resolve_model_name(model), report)
        if not report.failures and _nothing_changed(content, cache, keyed, report):
            return report
        uncached = 0 if scheduler is not None else sum(not cache.has(key) for _, key in keyed)
        with _started_pool(model, jobs, uncached) as pool:
            registry = cache.registry(content.actors, load_registry)
            found, pending = _cached_or_pending(cache, keyed, report)
            articles = [p.article for p in pending]
            results: Iterable[ArticleExtraction | str]
            if scheduler is None:
                results = _run_nlp(articles, model, pool)
            else:
                from generator.extract.distributed import extract_on_cluster

                results = extract_on_cluster(articles, model, scheduler)
            if progress is not None:
                results = progress(results, len(pending))
            for item, result in zip(pending, results, strict=True):
                if isinstance(result, str):
                    report.failures.append(result)
                    continue
                cache.put(item.key, result)
                found.append(_found(item.key, result))
                report.extracted += 1
            found = _without_slug_clashes(found, report)
            names = _resolve_names(content, cache, registry, [item.proposal for item in found], report)
            _save_events(content, cache, found, names, report, keyed, pool)
        cache.prune()
    return report


def _article_keys(
    content: Content, cache: ExtractionCache, model_name: str, report: ExtractionReport
) -> list[tuple[Path, str]]:
    """Each article file with the cache key of its extraction (a file that cannot be read is reported)."""
    keyed = []
    for path in find_articles(content.articles):
        try:
            keyed.append(
                (path, cache.entry_key(_article_digest(content, path), EXTRACTOR_VERSION, model_name))
            )
        except OSError as error:
            report.failures.append(f"{path}: cannot be read: {error.strerror or error}")
    return keyed


def _run_fingerprint(content: Content, keyed: list[tuple[Path, str]]) -> str:
    """What a whole run's output depends on: every article's key and actors.yml."""
    return digest(file_digest(content.actors) or "-", *sorted(key for _, key in keyed))


def _nothing_changed(
    content: Content, cache: ExtractionCache, keyed: list[tuple[Path, str]], report: ExtractionReport
) -> bool:
    """Whether the articles, actors.yml and every file the last run wrote are as it left them."""
    state = cache.load_state()
    last = state.get(RUN_STATE)
    if last is None or last.get("fingerprint") != _run_fingerprint(content, keyed):
        return False
    if not all(cache.has(key) for _, key in keyed):
        return False
    if any(
        _output_digests(content, slug) != item.get("output")
        for slug, item in state.items()
        if slug != RUN_STATE
    ):
        return False
    report.articles, report.events = int(last["articles"]), int(last["events"])
    return True


def _cached_or_pending(
    cache: ExtractionCache, keyed: list[tuple[Path, str]], report: ExtractionReport
) -> tuple[list[_Found], list[_Pending]]:
    found: list[_Found] = []
    pending: list[_Pending] = []
    for path, key in keyed:
        cached = cache.get(key)
        if cached is not None:
            found.append(_found(key, cached))
            continue
        try:
            pending.append(_Pending(read_article(path), key))
        except ArticleError as error:
            report.failures.append(str(error))
    return found, pending


def _article_digest(content: Content, path: Path) -> str:
    """What an article's extraction depends on: its place under articles/, its bytes and its sidecar."""
    sidecar = sidecar_of(path)
    extra = sidecar.read_bytes() if sidecar is not None and sidecar.is_file() else b""
    return digest(path.relative_to(content.articles).as_posix(), path.read_bytes(), extra)


@contextmanager
def _started_pool(model: str | None, jobs: int, articles: int) -> Iterator[ProcessPoolExecutor | None]:
    """The worker processes for `articles` articles, started at once: they load the model while
    this process reads the articles (None when the NLP runs in this process)."""
    batches = -(-articles // BATCH)
    if jobs <= 1 or batches <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, batches)
    with ProcessPoolExecutor(workers, initializer=_load_worker_model, initargs=(model,)) as pool:
        for _ in range(workers):
            pool.submit(int)  # a task launches its worker, which then loads the model
        yield pool


def _run_nlp(
    articles: Sequence[Article], model: str | None, pool: ProcessPoolExecutor | None
) -> Iterator[ArticleExtraction | str]:
    """Each article's extraction (or a one-line failure), in the order given: in `pool`'s workers,
    else in this process."""
    if not articles:
        return
    batches = [list(articles[start : start + BATCH]) for start in range(0, len(articles), BATCH)]
    if pool is None:
        from generator.extract.pipeline import load_pipeline

        nlp = load_pipeline(model)
        for batch in batches:
            yield from extract_batch(batch, nlp)
        return
    for results in pool.map(_extract_in_worker, batches):
        yield from results


def extract_batch(articles: Sequence[Article], nlp: Language) -> list[ArticleExtraction | str]:
    """Extract `articles` in one `nlp.pipe` pass; a failing article gives a message, not an exception."""
    from generator.extract.pipeline import article_docs

    results: list[ArticleExtraction | str] = []
    # Strings the batch adds to the vocabulary are freed after it (the results hold plain text):
    # without the zone, a process's memory grows with every new word of the archive.
    with nlp.memory_zone():
        for doc, article in nlp.pipe(article_docs(nlp, articles), as_tuples=True):
            if doc._.extraction is not None:
                results.append(doc._.extraction)
            else:
                results.append(f"{article.path or article.slug}: extraction failed: {doc._.error}")
    return results


_WORKER_MODEL: dict[str, Language] = {}


def _load_worker_model(model: str | None) -> None:
    from generator.extract.pipeline import load_pipeline

    _WORKER_MODEL["nlp"] = load_pipeline(model)


def _extract_in_worker(articles: list[Article]) -> list[ArticleExtraction | str]:
    return extract_batch(articles, _WORKER_MODEL["nlp"])


def _without_slug_clashes(found: list[_Found], report: ExtractionReport) -> list[_Found]:
    """Two articles with one slug would share an events file: both are reported, the others go on."""
    by_slug: dict[str, int] = {}
    for item in found:
        by_slug[item.slug] = by_slug.get(item.slug, 0) + 1
    clashes = sorted(slug for slug, count in by_slug.items() if count > 1)
    for slug in clashes:
        report.failures.append(
            f"{by_slug[slug]} articles have the slug {slug!r}; give each a `slug:` in its front matter "
            "or rename its file (none of them was written)"
        )
    return [item for item in found if by_slug[item.slug] == 1]


def _resolve_names(
    content: Content,
    cache: ExtractionCache,
    registry: ActorRegistry,
    proposals: list[ArticleExtraction],
    report: ExtractionReport,
) -> dict[str, dict[str, str]]:
    """Each article's names made canonical through the registry ({slug: {name: canonical}}), and
    actors.yml given the new actors and aliases.

    The next run resolves against actors.yml as this run leaves it, in which every name is known
    and the file's order decides between two actors claiming one alias. So resolution runs again
    on the registry as it will be written until it adds nothing: what it returns then is what the
    next run finds too, and a run with nothing new writes nothing. The passes run on the registry
    actors.yml will read as (`saved_registry`), and the file is written once; should the file read
    otherwise, resolution goes on from the file as it reads.
    """
    changed = False
    for _ in range(MAX_RESOLUTION_PASSES):
        merged, names, expected = _resolve_until_stable(registry, proposals)
        if expected is None:
            break
        changed = save_registry(content.actors, merged) or changed
        registry = cache.registry(content.actors, load_registry)  # the next run finds this copy
        if list(registry.actors.items()) == list(expected.actors.items()):
            break
    report.files_changed += changed
    return names


def _resolve_until_stable(
    registry: ActorRegistry, proposals: list[ArticleExtraction]
) -> tuple[ActorRegistry, dict[str, dict[str, str]], ActorRegistry | None]:
    """The last pass's merged registry and names, and the registry actors.yml reads as once that
    is saved (None when `registry` needs nothing saved)."""
    expected = None
    current = registry
    for _ in range(MAX_RESOLUTION_PASSES):
        merged, names = resolve_names(current, proposals)
        if merged.same_actors(current):
            break
        current = expected = saved_registry(current, merged)
    return merged, names, expected


def _save_events(
    content: Content,
    cache: ExtractionCache,
    found: list[_Found],
    names: dict[str, dict[str, str]],
    report: ExtractionReport,
    keyed: list[tuple[Path, str]],
    pool: ProcessPoolExecutor | None,
) -> None:
    state = cache.load_state()
    fresh_state: dict[str, dict[str, str]] = {}
    with batched_writes():
        _save_each(content, found, names, state, fresh_state, report, pool)
    if not report.failures:  # a run with failures is redone next time, not taken as the last word
        fresh_state[RUN_STATE] = {
            "fingerprint": _run_fingerprint(content, keyed),
            "articles": str(report.articles),
            "events": str(report.events),
        }
    cache.save_state(fresh_state)


def _save_each(
    content: Content,
    found: list[_Found],
    names: dict[str, dict[str, str]],
    state: dict[str, dict[str, str]],
    fresh_state: dict[str, dict[str, str]],
    report: ExtractionReport,
    pool: ProcessPoolExecutor | None,
) -> None:
    """Each article's canonical events merged into its events file, one article in memory at a time.

    An article's canonical events follow from its extraction (the cache key) and its names, so an
    article whose key, names, events file and record are as the last run left them is not read.
    The merges run in `pool`'s workers when there is one; this process writes their texts.
    """
    plans = []
    merges = []
    for item in sorted(found, key=lambda item: item.slug):
        inputs = digest(item.key, json.dumps(sorted(names[item.slug].items()), ensure_ascii=False))
        outputs = _output_digests(content, item.slug)
        last = state.get(item.slug)
        count = last.get("events") if last is not None else None
        stale = last is None or last.get("input") != inputs or last.get("output") != outputs or count is None
        plans.append((item.slug, inputs, outputs, None if stale else count))
        if stale:
            merges.append((content, item.key, item.slug, names[item.slug]))
    merged = pool.map(_merged_texts, merges, chunksize=4) if pool is not None else map(_merged_texts, merges)
    for slug, inputs, outputs, count in plans:
        if count is None:
            result = next(merged)
            if isinstance(result, str):
                report.failures.append(result)
                continue
            events_text, record_text, count = result
            report.files_changed += write_article_events(content, slug, events_text, record_text)
            outputs = _output_digests(content, slug)
        fresh_state[slug] = {"input": inputs, "output": outputs, "events": count}
        report.articles += 1
        report.events += int(count)


def _merged_texts(merge: tuple[Content, str, str, dict[str, str]]) -> tuple[str | None, str, str] | str:
    """An article's canonical events merged into its events file: the file's and the record's new
    texts and the number of events, or a one-line failure."""
    content, key, slug, names = merge
    extraction = ExtractionCache.for_content(content.root).get(key)
    if extraction is None:
        return f"{slug}: its extraction vanished from the cache during the run"
    events = renamed_events(extraction, names)
    try:
        return (*merged_article_texts(content, slug, events), str(len(events)))
    except ContentError as error:
        # A person's broken events file is left as it is; the other articles go on.
        return str(error)


def _output_digests(content: Content, slug: str) -> str:
    return digest(
        file_digest(content.events_file(slug)) or "-", file_digest(content.baseline_file(slug)) or "-"
    )


def default_jobs() -> int:
    """The number of worker processes when none is asked for: one per core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
