"""`timeline extract --scheduler`: the NLP on a Dask cluster, the output byte-identical to a local run.

Against a `LocalCluster` of two worker processes and against a `dask scheduler` + `dask worker`
started as commands on 127.0.0.1, over the example articles; a failing article is reported and
the others go on; a run with nothing to extract neither imports Dask nor needs the cluster.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.errors import TimelineError
from generator.extract import run
from generator.store.content import Content

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")

EXAMPLES = Path(__file__).resolve().parents[1] / "content" / "articles"
DASK = Path(sys.executable).parent / "dask"
pytestmark = pytest.mark.slow
# The plugins below are defined in this module, which the workers cannot import: send them by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def snapshot(content: Content) -> dict[str, bytes]:
    """Every file extraction writes (the cache aside), by path."""
    files = [content.actors, *content.events.rglob("*")]
    return {str(path.relative_to(content.root)): path.read_bytes() for path in files if path.is_file()}


def new_content(root: Path) -> Content:
    content = Content(root / "content")
    shutil.copytree(EXAMPLES, content.articles)
    return content


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory, nlp) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """What a local run over the example articles writes."""
    assert nlp is not None
    content = new_content(tmp_path_factory.mktemp("local"))
    report = run.extract_content(content, jobs=1)
    assert not report.failures and report.extracted == len(list(EXAMPLES.iterdir()))
    return snapshot(content)


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def command_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`dask scheduler` and `dask worker` as a user starts them, on free ports of 127.0.0.1."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    host = ["--host", "127.0.0.1", "--no-dashboard"]
    scheduler = subprocess.Popen(
        [str(DASK), "scheduler", *host, "--port", "0", "--scheduler-file", str(scheduler_file)],
        stdout=subprocess.DEVNULL,
        stderr=(folder / "scheduler.log").open("wb"),
    )
    processes = [scheduler]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.is_file() or not scheduler_file.read_text(encoding="utf-8").strip():
            assert scheduler.poll() is None and time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
        assert address.startswith("tcp://127.0.0.1:")
        worker = [str(DASK), "worker", address, *host, "--nworkers", "1", "--nthreads", "1"]
        processes.append(
            subprocess.Popen(
                worker,
                stdout=subprocess.DEVNULL,
                stderr=(folder / "worker.log").open("wb"),
            )
        )
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two articles a task: the seven examples go out as four tasks over the workers."""
    monkeypatch.setattr(run, "BATCH", 2)


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("cluster", ["local_cluster", "command_cluster"])
def test_a_run_on_a_cluster_writes_what_a_local_run_writes(
    cluster: str, local: dict[str, bytes], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    address = request.getfixturevalue(cluster)
    content = new_content(tmp_path)
    report = run.extract_content(content, scheduler=address)
    assert not report.failures and report.extracted == len(list(EXAMPLES.iterdir()))
    assert snapshot(content) == local
    again = run.extract_content(content, scheduler=address)
    assert again.extracted == 0 and again.files_changed == 0


class FailOnThePort(distributed.WorkerPlugin):
    """Makes the workers fail on the article `2024-port`: in the extractor, or the whole batch."""

    def __init__(self, where: str) -> None:
        self.where = where

    def setup(self, worker: object) -> None:
        from generator.extract import article, run

        module, name = (article, "extract_events") if self.where == "extractor" else (run, "extract_batch")
        real = getattr(module, name)
        self.restore = (module, name, real)

        def failing(first, *rest):  # type: ignore[no-untyped-def]
            items = first if isinstance(first, list) else [first]
            if any(item.slug == "2024-port" for item in items):
                raise RuntimeError("boom")
            return real(first, *rest)

        setattr(module, name, failing)

    def teardown(self, worker: object) -> None:
        module, name, real = self.restore
        setattr(module, name, real)


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("where", ["extractor", "batch"])
def test_a_failing_article_is_reported_and_the_others_go_on(
    where: str, local_cluster: str, tmp_path: Path
) -> None:
    content = new_content(tmp_path)
    port = content.articles / "2024-port.md"
    port.write_text(
        "---\ntitle: Port\ndate: 2024-05-02\n---\nMaria Ortiz opened the new port in Lisbon on Tuesday.\n",
        encoding="utf-8",
    )
    with distributed.Client(local_cluster, set_as_default=False) as client:
        client.register_plugin(FailOnThePort(where), name="fail-on-the-port")
        try:
            report = run.extract_content(content, scheduler=local_cluster)
        finally:
            client.unregister_worker_plugin("fail-on-the-port")
    assert len(report.failures) == 1, report.failures
    assert str(port) in report.failures[0] and "boom" in report.failures[0]
    assert report.extracted == len(list(EXAMPLES.iterdir()))
    assert content.events_file("1957-sputnik").exists() and not content.events_file("2024-port").exists()


def test_a_model_the_workers_lack_is_one_clear_error(local_cluster: str, tmp_path: Path) -> None:
    from generator.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match=r"on a Dask worker: spaCy model 'no_such_model'"):
        run.extract_content(new_content(tmp_path), model="no_such_model", scheduler=local_cluster)


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.extract import distributed as on_cluster

    monkeypatch.setattr(on_cluster, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(TimelineError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9\b"):
        run.extract_content(new_content(tmp_path), scheduler="tcp://127.0.0.1:9")


def test_a_run_with_nothing_to_extract_imports_no_dask(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    content = new_content(tmp_path)
    run.extract_content(content, jobs=1)
    script = (
        "import sys\n"
        "from generator.extract.run import extract_content\n"
        "from pathlib import Path\nfrom generator.store.content import Content\n"
        f"content = Content(Path({str(content.root)!r}))\n"
        "local = extract_content(content, jobs=2)\n"
        "remote = extract_content(content, scheduler='tcp://127.0.0.1:9')  # nothing listens there\n"
        "assert local.extracted == remote.extracted == 0 and not remote.failures\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in {'dask', 'distributed'}))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
