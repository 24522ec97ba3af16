"""Running the pipeline over many articles: in this process, or in N worker processes.

Each worker loads one `Pipeline` and is fed batches of articles; results come back
in input order, and the caller (the store writer) is the single consumer.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from .document import Article, Document
from .pipeline import Pipeline

_worker_pipeline: Pipeline | None = None


def _init_worker(model: str | None) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(model=model)


def _run_batch(batch: list[Article]) -> list[Document]:
    assert _worker_pipeline is not None
    return list(_worker_pipeline.pipe(batch))


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run(articles: Iterable[Article], *, workers: int = 1, batch_size: int = 16,
        model: str | None = None, pipeline: Pipeline | None = None) -> Iterator[Document]:
    """Documents for `articles`, in order."""
    if workers <= 1:
        pipeline = pipeline or Pipeline(model=model)
        yield from pipeline.pipe(articles, batch_size=batch_size)
        return
    context = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "forkserver")
    with context.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        for docs in pool.imap(_run_batch, batched(articles, batch_size)):
            yield from docs
