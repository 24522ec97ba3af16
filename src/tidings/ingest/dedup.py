"""Finding articles already seen: exact copies (same normalised text) and near copies (MinHash LSH).

    dedup = Deduplicator(threshold=0.8)
    dedup.load(store.fingerprints())          # what the store already holds
    match = dedup.check(article)              # None for an original (now indexed), else a `Duplicate`

The normalised text is the article's words, NFKC-folded and lower-cased, without punctuation
or layout, so a copy that differs only in quotes, dashes, spacing or case is an exact duplicate.
A near duplicate shares enough word 5-shingles that the MinHash estimate of their Jaccard
similarity reaches `threshold` (a wire story with a changed headline, a dateline or a
trailing paragraph). An original's `Fingerprint` is put in `article.extra["fingerprint"]`
so the store can keep it (`fingerprints` table) and later runs find copies of it.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..document import Article

NUM_PERM = 128
SHINGLE = 5
DEFAULT_THRESHOLD = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True, frozen=True)
class Fingerprint:
    """What a later run needs to recognise copies of an article."""

    norm_hash: str  # SHA-1 of the normalised text
    minhash: str  # base64 of the MinHash values (uint32, little-endian)


@dataclass(slots=True, frozen=True)
class Duplicate:
    """An article found to copy `original` (an article id)."""

    kind: str  # "exact" or "near"
    original: str
    similarity: float


def normalised_words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(words: list[str], size: int = SHINGLE) -> list[bytes]:
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)]


class Deduplicator:
    """An index of originals seen in this run or loaded from a store."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        from datasketch import MinHash, MinHashLSH

        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self._template = MinHash(num_perm=num_perm)
        # The index only proposes candidates (it needs at least two bands, so at most 0.9);
        # each is then checked against `threshold` itself.
        self._lsh = MinHashLSH(threshold=min(threshold, 0.9), num_perm=num_perm)
        self._exact: dict[str, str] = {}  # norm hash -> article id
        self._values: dict[str, np.ndarray] = {}  # article id -> MinHash values

    def __len__(self) -> int:
        return len(self._exact)

    def fingerprint(self, text: str):
        """The normalised-text hash and the MinHash of a text."""
        words = normalised_words(text)
        norm_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
        minhash = self._template.copy()
        minhash.clear()
        minhash.update_batch(shingles(words))
        return norm_hash, minhash

    def check(self, article: Article) -> Duplicate | None:
        """The original `article` copies, or None: then it is indexed as an original itself."""
        norm_hash, minhash = self.fingerprint(article.text)
        original = self._exact.get(norm_hash)
        if original is not None and original != article.id:
            return Duplicate("exact", original, 1.0)
        if original is None:
            best: tuple[float, str] | None = None
            for candidate in self._lsh.query(minhash):
                similarity = float(np.mean(self._values[candidate] == minhash.hashvalues))
                if similarity >= self.threshold and (best is None or similarity > best[0]):
                    best = (similarity, candidate)
            if best is not None:
                return Duplicate("near", best[1], round(best[0], 3))
        self._add(article.id, norm_hash, minhash.hashvalues.astype("<u4"), minhash)
        article.extra["fingerprint"] = Fingerprint(norm_hash, encode(minhash.hashvalues))
        return None

    def load(self, rows: Iterable[tuple[str, str, str]]) -> int:
        """Index stored originals: rows of (article id, normalised-text hash, encoded MinHash)."""
        n = 0
        for article_id, norm_hash, values in rows:
            if article_id in self._values:
                continue
            decoded = decode(values)
            if decoded.shape[0] != self.num_perm:
                continue
            minhash = self._template.copy()
            minhash.hashvalues = decoded.astype(self._template.hashvalues.dtype)
            self._add(article_id, norm_hash, decoded, minhash)
            n += 1
        return n

    def _add(self, article_id: str, norm_hash: str, values: np.ndarray, minhash) -> None:
        self._exact.setdefault(norm_hash, article_id)
        if article_id not in self._values:
            self._values[article_id] = values
            self._lsh.insert(article_id, minhash)


def encode(values: np.ndarray) -> str:
    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def decode(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<u4")
