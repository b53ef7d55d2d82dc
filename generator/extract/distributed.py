"""The NLP of a run on a Dask distributed cluster (`timeline extract --scheduler tcp://HOST:8786`).

Batches of articles go out to the cluster's workers; each worker process loads the model once (a
worker plugin loads it when the worker joins, and the task reuses it, `load_pipeline` being
cached) and sends back each article's `ArticleExtraction`. Results come back to the client in
the order the articles were given, so the client alone writes the cache and the YAML, and the
output is byte-identical to a local run; the cache stays on the client's disk, the workers need
no shared folder.

Dask is imported only when there is work to send: a run without `--scheduler`, or one with
nothing to extract, never imports it. Workers need the project, the same model (same version)
and `distributed` installed; `pip install 'news-timeline[distributed,model]'` on each.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from generator.errors import ModelNotFoundError, TimelineError
from generator.extract import EXTRACTOR_VERSION
from generator.extract.pipeline import resolve_model_name
from generator.model import Article, ArticleExtraction

if TYPE_CHECKING:
    from distributed import Client, Future

CONNECT_TIMEOUT = "30s"
WORKER_TIMEOUT = 120.0  # seconds to wait for a first worker to join the scheduler
TASKS_PER_THREAD = 2  # batches in flight per worker thread: enough to keep each busy, few held at once
# One `nlp` per worker process; a worker with several threads runs one batch at a time through it
# (spaCy's Language is not meant to be shared by threads; start workers with --nthreads 1).
_NLP_LOCK = threading.Lock()


class VersionMismatch(TimelineError):
    """A worker runs another version of the extractor than the client."""


def extract_on_cluster(
    articles: Sequence[Article], model: str | None, scheduler: str
) -> Iterator[ArticleExtraction | str]:
    """Each article's extraction (or a one-line failure), in the order given, computed on `scheduler`.

    The same shape as the local run: a failing article gives a message and the others go on.
    A model or extractor version the workers lack stops the run with a clear error. A few batches
    per worker thread are in flight at a time (more as workers join), so neither side holds the
    whole archive's results.
    """
    if not articles:
        return
    from generator.extract.run import BATCH

    model_name = resolve_model_name(model)  # the cache key names this model: the workers must use it
    batches = iter([list(articles[start : start + BATCH]) for start in range(0, len(articles), BATCH)])
    with _connect(scheduler) as client:
        _prepare_workers(client, scheduler, model_name)
        in_flight: deque[tuple[list[Article], Future]] = deque()
        while True:
            window = max(4, TASKS_PER_THREAD * sum(client.nthreads().values()))
            while len(in_flight) < window and (items := next(batches, None)) is not None:
                in_flight.append((items, _submit(client, items, model_name)))
            if not in_flight:
                return
            items, future = in_flight.popleft()
            yield from _results(client, items, future, model_name)


def _connect(scheduler: str) -> Client:
    try:
        from distributed import Client
    except ImportError as error:
        raise TimelineError(
            "--scheduler needs Dask: pip install 'news-timeline[distributed]' "
            f"(on the client and on every worker) ({error})"
        ) from error
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise TimelineError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error


def _prepare_workers(client: Client, scheduler: str, model_name: str) -> None:
    """Wait for a worker, and have every worker (those joining later too) load the model once."""
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except TimeoutError as error:
        raise TimelineError(
            f"no Dask worker joined the scheduler at {scheduler} within {WORKER_TIMEOUT:.0f} s; "
            f"start one with `dask worker {scheduler}`"
        ) from error
    try:
        client.register_plugin(_model_plugin(model_name, EXTRACTOR_VERSION), name=_plugin_name(model_name))
    except ModelNotFoundError as error:
        raise ModelNotFoundError(f"on a Dask worker: {error}") from error
    except VersionMismatch:
        raise
    except Exception as error:  # e.g. the project is not installed on a worker
        raise TimelineError(
            f"the Dask workers could not load the model {model_name!r}: {type(error).__name__}: {error}\n"
            "Install the project and the model on every worker."
        ) from error


def _plugin_name(model_name: str) -> str:
    return f"timeline-model-{model_name}-{EXTRACTOR_VERSION}"


def _model_plugin(model_name: str, version: str) -> Any:
    """A worker plugin that loads the model when it starts on a worker (built here: Dask is lazy)."""
    from distributed import WorkerPlugin

    class LoadModel(WorkerPlugin):
        idempotent = True  # registered again by the next run: the workers keep the loaded model

        def setup(self, worker: object) -> None:
            _check_version(version)
            from generator.extract.pipeline import load_pipeline

            load_pipeline(model_name)

    return LoadModel()


def _check_version(version: str) -> None:
    if version != EXTRACTOR_VERSION:
        raise VersionMismatch(
            f"a Dask worker runs extractor version {EXTRACTOR_VERSION}, the client {version}: "
            "install the same version of the project on every worker"
        )


def _submit(client: Client, articles: list[Article], model_name: str) -> Future:
    return client.submit(_extract_on_worker, articles, model_name, EXTRACTOR_VERSION, pure=False)


def _results(
    client: Client, articles: list[Article], future: Future, model_name: str
) -> Iterator[ArticleExtraction | str]:
    """A batch's results; a batch that fails as a whole is retried one article at a time."""
    try:
        results: list[ArticleExtraction | str] = future.result()
    except ModelNotFoundError as error:  # a worker that joined later lacks the model
        raise ModelNotFoundError(f"on a Dask worker: {error}") from error
    except VersionMismatch:
        raise
    except Exception as error:  # a worker died, or an error outside the per-article guard
        if len(articles) == 1:
            yield _failure(articles[0], error)
            return
        singles = [_submit(client, [article], model_name) for article in articles]
        for article, single in zip(articles, singles, strict=True):
            yield from _results(client, [article], single, model_name)
        return
    finally:
        future.release()
    yield from results


def _failure(article: Article, error: BaseException) -> str:
    return (
        f"{article.path or article.slug}: extraction failed on the cluster: {type(error).__name__}: {error}"
    )


def _extract_on_worker(
    articles: list[Article], model_name: str, version: str
) -> list[ArticleExtraction | str]:
    """The task a worker runs: one `nlp.pipe` pass over a batch, with the worker's model."""
    from generator.extract.pipeline import load_pipeline
    from generator.extract.run import extract_batch

    _check_version(version)
    with _NLP_LOCK:
        return extract_batch(articles, load_pipeline(model_name))
