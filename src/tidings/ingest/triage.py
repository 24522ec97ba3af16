"""Sorting the articles read into those the English pipeline should process and those stored as they are.

    triage = Triage(store, near_threshold=0.8)
    for article in triage.to_process(articles):   # originals in English
        ...                                       # run the pipeline, store the Document
    store.add(triage.take_unprocessed())          # duplicates and other languages, as bare Documents

An article already in the store (same id, that is the same text) is dropped. A copy of an
article seen before (in this run or in the store, see `dedup`) is stored with status
`duplicate` and `duplicate_of` set to its original's id, and not processed again. An article
not in English is stored with its language and status `not_english`, unprocessed: a
`Document` with no mentions, quotes or events. Counts go to `stats` for the summary.

With worker processes, `to_process` runs in the pool's feeder thread while the writer
stores results: both must hold `store_lock` when they use the store.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Iterable, Iterator

from ..document import Article, Document
from .dedup import DEFAULT_THRESHOLD, Deduplicator

DUPLICATE_STATUS = "duplicate"
NOT_ENGLISH_STATUS = "not_english"


class Triage:
    """Decides, article by article, what goes through the pipeline."""

    def __init__(self, store=None, *, near_threshold: float | None = DEFAULT_THRESHOLD,
                 find_duplicates: bool = True, stats: Counter | None = None) -> None:
        self.store = store
        self.stats = stats if stats is not None else Counter()
        self.store_lock = threading.Lock()
        self.dedup: Deduplicator | None = None
        if find_duplicates:
            # A threshold of 1 or above still finds exact copies; near ones need (almost) all MinHash values equal.
            # The store is asked per batch (under the lock), not loaded.
            self.dedup = Deduplicator(threshold=min(near_threshold or 1.0, 1.0), store=store, lock=self.store_lock)
        self._unprocessed: deque[Document] = deque()  # filled by the reading thread, emptied by the writer

    def to_process(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles the pipeline should run on; the others wait in `take_unprocessed()`."""
        seen: set[str] = set()
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= 256:
                yield from self._sort(batch, seen)
                batch = []
        if batch:
            yield from self._sort(batch, seen)

    def _sort(self, batch: list[Article], seen: set[str]) -> Iterator[Article]:
        known: set[str] = set()
        if self.store is not None:
            with self.store_lock:
                known = self.store.known_ids(a.id for a in batch)
        fresh: list[Article] = []
        for article in batch:
            if article.id in known or article.id in seen:
                self.stats["already stored"] += 1
                continue
            seen.add(article.id)
            fresh.append(article)
        matches = self.dedup.check_batch(fresh) if self.dedup is not None else [None] * len(fresh)
        for article, match in zip(fresh, matches, strict=True):
            if match is not None:
                article.extra["status"] = DUPLICATE_STATUS
                article.extra["duplicate_of"] = match.original
                article.extra["similarity"] = match.similarity
                self.stats[f"duplicates ({match.kind})"] += 1
                self._unprocessed.append(Document(article=article))
            elif article.language and article.language != "en":
                article.extra["status"] = NOT_ENGLISH_STATUS
                self.stats[f"language {article.language}"] += 1
                self._unprocessed.append(Document(article=article))
            else:
                yield article

    def take_unprocessed(self) -> list[Document]:
        """The documents to store without processing that have piled up since the last call."""
        out = []
        while self._unprocessed:
            out.append(self._unprocessed.popleft())
        return out
