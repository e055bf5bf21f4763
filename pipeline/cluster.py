"""Per-article extraction on a Dask cluster (``--scheduler ADDRESS``, or ``$DIPLO_SCHEDULER``).

The driver (the machine running ``python -m pipeline build``) reads each article's bytes,
as it does anyway for the extraction cache's keys, and sends them to the workers with the
article's path: a worker needs no access to the files, only the same ``diplo-timeline``
installed. ``extract_article`` is a pure function of the path and the bytes, so a worker
returns the very ``Extraction`` a local process would; results come back in the order of
the paths, and the cache, the merge and the content are the driver's, unchanged
(``pipeline.run``). Articles go in small batches, so that the scheduler handles a
sixteenth as many tasks, and a bounded number of batches is in flight at a time. Needs
the ``dask`` extra (``pip install 'diplo-timeline[dask]'``); see docs/scaling-out.md.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

from . import settings
from .errors import PipelineError
from .progress import Progress
from .read import MAX_FILE_BYTES
from .records import Dct, Extraction

BATCH = 16  # articles per task: tens of milliseconds of work against ~1 ms of scheduling
IN_FLIGHT = 256  # batches submitted ahead: 4,096 articles, a few megabytes of text
CONNECT_TIMEOUT = "20s"


class ClusterError(PipelineError):
    """The cluster cannot be used (no scheduler there, Dask not installed)."""


def default_scheduler() -> str | None:
    return settings.scheduler()


def _extract_batch(batch: list[tuple[str, bytes | None]],
                   dct: Dct | None) -> list[Extraction | PipelineError]:
    """On a worker: each (path, bytes) extracted as ``run.safe_extract`` does locally."""
    from .run import safe_extract

    return [safe_extract(path, dct, data) for path, data in batch]


def _worker_version() -> str:
    """On a worker: the version of the pipeline it has installed."""
    from .cache import pipeline_version

    return pipeline_version()


def _read(path: str) -> bytes | None:
    # None: the worker reads the file itself and reports why it cannot (as a local run would)
    try:
        with open(path, "rb") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None


def connect(scheduler):
    """A ``distributed.Client`` for an address (or the Client given); ClusterError when the
    scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError as err:
        raise ClusterError(str(scheduler), "Dask is not installed",
                           "pip install 'diplo-timeline[dask]'") from err
    if isinstance(scheduler, Client):
        return scheduler
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(str(scheduler), f"no Dask scheduler answers there ({err})",
                           "start one with `dask scheduler` and workers with `dask worker "
                           "ADDRESS`, or build without --scheduler") from err
    try:
        check_workers(client)
    except BaseException:
        client.close()
        raise
    return client


def check_workers(client) -> None:
    """ClusterError unless at least one worker has joined and every worker runs this very
    pipeline (code and data): another version would extract differently."""
    from .cache import pipeline_version

    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError as err:
        raise ClusterError(client.scheduler.address, "no worker has joined this scheduler",
                           "start workers with `dask worker ADDRESS`") from err
    mine = pipeline_version()
    for worker, version in sorted(client.run(_worker_version).items()):
        if version != mine:
            raise ClusterError(worker, f"runs pipeline version {version}, not {mine}",
                               "install the same diplo-timeline (code and data) on every "
                               "worker and restart it")


def extract_many(scheduler, paths: Sequence[str], dct: Dct | None,
                 bar: Progress) -> Iterator[Extraction | PipelineError]:
    """``paths`` extracted on the cluster at ``scheduler`` (an address or a Client), in the
    order of ``paths``."""
    if not paths:
        return
    client = connect(scheduler)
    try:
        starts = iter(range(0, len(paths), BATCH))
        pending: deque = deque()

        def submit() -> None:
            start = next(starts, None)
            if start is not None:
                batch = [(p, _read(p)) for p in paths[start:start + BATCH]]
                # pure=False: each batch is a task of its own, never taken for another run's
                pending.append(client.submit(_extract_batch, batch, dct, pure=False))

        # a bounded window of batches in flight: the driver never holds every article's
        # bytes at once, and the workers are never short of work
        for _ in range(IN_FLIGHT):
            submit()
        while pending:
            results = pending.popleft().result()
            submit()
            for result in results:
                yield result
                bar.advance()
    finally:
        if client is not scheduler:
            client.close()
