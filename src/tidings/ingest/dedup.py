"""Finding articles already seen: exact copies (same normalised text) and near copies (MinHash LSH).

    dedup = Deduplicator(threshold=0.8, store=store)   # the store is asked per batch, never loaded
    matches = dedup.check_batch(articles)              # per article: None for an original, else a `Duplicate`
    match = dedup.check(article)                       # the same for one article

The normalised text is the article's words, NFKC-folded and lower-cased, without punctuation
or layout, so a copy that differs only in quotes, dashes, spacing or case is an exact duplicate.
A near duplicate shares enough word 5-shingles that the MinHash estimate of their Jaccard
similarity reaches `threshold` (a wire story with a changed headline, a dateline or a
trailing paragraph). An original's `Fingerprint` is put in `article.extra["fingerprint"]`
so the store can keep it (`fingerprints` table) and later runs find copies of it.

Candidates for near copies come from LSH banding: the MinHash values are cut into `bands`
slices of `rows` values (the `scheme`, chosen for the threshold as datasketch's MinHashLSH
does), and two articles are candidates when one slice is equal. Each slice is hashed to a
64-bit `band_keys` value; the store keeps (band key, article id) rows for each scheme in use,
so a batch is checked with a few indexed queries (exact hashes, band keys) and start-up costs
nothing however large the store. Originals of the current run that are not in the store yet
are kept in memory until the store has them.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..document import Article

NUM_PERM = 128
SHINGLE = 5
DEFAULT_THRESHOLD = 0.8
PENDING_LIMIT = 4096  # originals of this run kept in memory before asking the store which it now holds
_WORD = re.compile(r"\w+", re.UNICODE)

Scheme = tuple[int, int]  # (bands, rows per band)


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


@functools.lru_cache(maxsize=32)
def lsh_scheme(threshold: float, num_perm: int = NUM_PERM) -> Scheme:
    """The (bands, rows) datasketch's MinHashLSH picks for `threshold` (it needs at least two
    bands, so at most 0.9; candidates are then checked against the threshold itself)."""
    from datasketch.lsh import _optimal_param

    bands, rows = _optimal_param(min(threshold, 0.9), num_perm, 0.5, 0.5)
    return int(bands), int(rows)


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, in place: every input bit moves every output bit."""
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


def band_key_matrix(values: np.ndarray, scheme: Scheme) -> np.ndarray:
    """Signed 64-bit band keys, shape (articles, bands), for MinHash values of shape (articles, num_perm).
    Equal keys mean an equal slice of values (or a 2^-64 accident, which the similarity check
    that follows every candidate catches). Vectorised: 1.8 million keys in well under a second."""
    bands, rows = scheme
    n = values.shape[0]
    slices = np.ascontiguousarray(  # (rows, articles, bands): each step below reads contiguous memory
        np.asarray(values, dtype=np.uint64)[:, :bands * rows].reshape(n, bands, rows).transpose(2, 0, 1))
    seeds = _mix(np.arange(bands, dtype=np.uint64) + np.uint64(rows << 16))  # one per band and scheme
    h = np.broadcast_to(seeds, (n, bands)).copy()
    with np.errstate(over="ignore"):
        for j in range(rows):
            h ^= slices[j]
            h *= _GOLDEN
            h ^= h >> np.uint64(29)
        _mix(h)
    return h.view(np.int64)


def band_keys(values: np.ndarray, scheme: Scheme) -> list[int]:
    """The band keys of one article's MinHash values."""
    return band_key_matrix(np.asarray(values).reshape(1, -1), scheme)[0].tolist()


class Deduplicator:
    """Originals seen in this run, plus (through `store`) those stored by earlier runs."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM,
                 store: Any = None, lock: contextlib.AbstractContextManager[Any] | None = None) -> None:
        from datasketch import MinHash

        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.scheme = lsh_scheme(threshold, num_perm)
        self.store = store
        self._lock: contextlib.AbstractContextManager[Any] = lock if lock is not None else contextlib.nullcontext()
        self._template = MinHash(num_perm=num_perm)
        # Originals held in memory (this run's, or given to `load`):
        self._exact: dict[str, str] = {}  # norm hash -> article id
        self._hash_of: dict[str, str] = {}  # article id -> norm hash
        self._values: dict[str, np.ndarray] = {}  # article id -> MinHash values
        self._bands: dict[int, list[str]] = {}  # band key -> article ids
        self._prune_at = PENDING_LIMIT
        if store is not None:
            with self._lock:
                store.use_band_scheme(self.scheme)  # indexes the stored originals once if the scheme is new

    def __len__(self) -> int:
        """Originals held in memory (those of a store are not counted)."""
        return len(self._values)

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
        return self.check_batch([article])[0]

    def check_batch(self, articles: Sequence[Article]) -> list[Duplicate | None]:
        """`check` for each article in turn (a later one may copy an earlier one), asking the store once."""
        prints = [self.fingerprint(a.text) for a in articles]
        values = [minhash.hashvalues.astype("<u4") for _, minhash in prints]
        keys = band_key_matrix(np.stack(values), self.scheme).tolist() if values else []
        stored_exact: dict[str, str] = {}
        stored_bands: dict[int, list[str]] = {}
        stored_values: dict[str, np.ndarray] = {}
        if self.store is not None and articles:
            with self._lock:
                stored_exact = self.store.originals_by_hash({h for h, _ in prints})
                matches = self.store.band_matches({k for ks in keys for k in ks})
            for key, article_id, encoded in matches:
                decoded = stored_values.get(article_id)
                if decoded is None:
                    decoded = stored_values[article_id] = decode(encoded)
                if decoded.shape[0] == self.num_perm:
                    stored_bands.setdefault(key, []).append(article_id)
        out: list[Duplicate | None] = []
        for article, (norm_hash, _), vals, ks in zip(articles, prints, values, keys, strict=True):
            original = stored_exact.get(norm_hash) or self._exact.get(norm_hash)
            if original is not None and original != article.id:
                out.append(Duplicate("exact", original, 1.0))
                continue
            if original is None:
                candidates: set[str] = set()
                for key in ks:
                    candidates.update(self._bands.get(key, ()))
                    candidates.update(stored_bands.get(key, ()))
                best: tuple[float, str] | None = None
                for candidate in sorted(candidates):
                    other = self._values.get(candidate)
                    if other is None:
                        other = stored_values[candidate]
                    similarity = float(np.mean(other == vals))
                    if similarity >= self.threshold and (best is None or similarity > best[0]):
                        best = (similarity, candidate)
                if best is not None:
                    out.append(Duplicate("near", best[1], round(best[0], 3)))
                    continue
            self._add(article.id, norm_hash, vals, ks)
            article.extra["fingerprint"] = Fingerprint(norm_hash, encode(vals))
            out.append(None)
        self._prune()
        return out

    def load(self, rows: Iterable[tuple[str, str, str]]) -> int:
        """Hold originals in memory: rows of (article id, normalised-text hash, encoded MinHash).
        Not needed with a store, which is asked per batch instead."""
        n = 0
        for article_id, norm_hash, encoded in rows:
            if article_id in self._values:
                continue
            decoded = decode(encoded)
            if decoded.shape[0] != self.num_perm:
                continue
            self._add(article_id, norm_hash, decoded, band_keys(decoded, self.scheme))
            n += 1
        return n

    def _add(self, article_id: str, norm_hash: str, values: np.ndarray, keys: list[int]) -> None:
        self._exact.setdefault(norm_hash, article_id)
        if article_id not in self._values:
            self._values[article_id] = values
            self._hash_of[article_id] = norm_hash
            for key in keys:
                self._bands.setdefault(key, []).append(article_id)

    def _forget(self, article_id: str) -> None:
        values = self._values.pop(article_id)
        norm_hash = self._hash_of.pop(article_id)
        if self._exact.get(norm_hash) == article_id:
            del self._exact[norm_hash]
        for key in band_keys(values, self.scheme):
            ids = self._bands[key]
            ids.remove(article_id)
            if not ids:
                del self._bands[key]

    def _prune(self) -> None:
        """Drop from memory the originals the store now holds (it answers for them from now on)."""
        if self.store is None or len(self._values) < self._prune_at:
            return
        with self._lock:
            stored = self.store.stored_fingerprints(list(self._values))
        for article_id in stored:
            self._forget(article_id)
        self._prune_at = max(PENDING_LIMIT, 2 * len(self._values))


def encode(values: np.ndarray) -> str:
    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def decode(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<u4")
