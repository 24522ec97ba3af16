"""What a large store costs `tidings process`: start-up, duplicate finding per batch, `actors` upkeep.

    python benchmarks/bench_store.py --articles 200000 --repeats 3

Fills a DuckDB store with N synthetic articles (deterministic: seeded random words, no publisher
text), each with a fingerprint and 8 mentions of actors drawn from a Zipf-like list of 5,000, in
bulk. The last 2,000 have real text and real MinHash fingerprints, so the measured batches (256
fresh articles, among them exact and near copies of stored articles and of each other) find real
duplicates. Then, medians of `--repeats`:

- start-up: `open_store` + `Triage(store)`, what `tidings process` does before reading input;
- duplicate finding for a batch of 256 articles: `Triage.to_process` (MinHash included), and
  apart the MinHash computation alone (the same in every version) and the difference (the index);
- storing a batch of 32 processed documents (60 mentions each) and bringing `actors` up to date:
  `store.add` + `store.refresh_actors()`, as `process` does per batch and once at the end.

The one-time costs (filling; and, for a store without `fingerprint_bands`, indexing its
fingerprints on the first start) are reported apart. To compare with an earlier version, run the
same command with that version's sources first on `PYTHONPATH`, e.g.

    git archive <commit> src | tar -x -C /tmp/tidings-old
    PYTHONPATH=/tmp/tidings-old/src python benchmarks/bench_store.py --articles 200000

`--db postgresql://...` fills and measures a PostgreSQL database instead (give it an empty one).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

REAL_TEXT = 2_000  # stored articles with real text and fingerprints (the others have random MinHash values)
MENTIONS_PER_ARTICLE = 8
ACTORS = 5_000
KINDS = ["person", "country", "organization", "media"]
COUNTRIES = ["USA", "RUS", "UKR", "CHN", "FRA", "DEU", "GBR", "IND", "IRN", "ISR", "TUR", "BRA", None]
SECTORS = ["GOV", "MIL", "", None, "BUS", "MED"]


def vocabulary(size: int = 30_000) -> list[str]:
    rng = np.random.default_rng(7)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "do", "ge", "hu", "ri", "an", "el"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables, size=int(rng.integers(1, 5)))))
    return sorted(words)


WORDS = vocabulary()
_WEIGHTS = 1.0 / np.arange(1, len(WORDS) + 1)
_WEIGHTS /= _WEIGHTS.sum()


def article_text(n: int, length: int = 400) -> str:
    rng = np.random.default_rng(100_000 + n)
    words = rng.choice(len(WORDS), size=length, p=_WEIGHTS)
    sentences, start = [], 0
    while start < length:
        end = min(length, start + int(rng.integers(12, 30)))
        sentence = " ".join(WORDS[i] for i in words[start:end])
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        start = end
    return " ".join(sentences)


def near_copy(text: str, n: int) -> str:
    """A wire copy: a dateline, a changed word or two, a credit line."""
    words = text.split(" ")
    words[len(words) // 3] = "changed"
    return f"CITY (Agency {n}) - " + " ".join(words) + " Reporting by A. B."


def actor(i: int) -> tuple[str, str, str | None, str | None]:
    return (f"Actor {i}", KINDS[i % len(KINDS)], COUNTRIES[i % len(COUNTRIES)], SECTORS[i % len(SECTORS)])


def actor_code(country: str | None, sector: str | None) -> str | None:
    return (country or "") + (sector or "") or None


def fill(path: str, n: int) -> float:
    """Bulk-fill a store at `path` with n articles (as `add` would store them); returns seconds."""
    from tidings.ingest.dedup import Deduplicator, encode
    from tidings.store import open_store, schema

    t0 = time.perf_counter()
    dedup = Deduplicator()
    rng = np.random.default_rng(1)
    zipf = 1.0 / np.arange(1, ACTORS + 1) ** 0.9
    zipf /= zipf.sum()
    base = dt_base()
    store = open_store(path)
    chunk = 20_000
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        articles, mentions, fingerprints = [], [], []
        actor_ids = rng.choice(ACTORS, size=(hi - lo, MENTIONS_PER_ARTICLE), p=zipf)
        for i in range(lo, hi):
            real = i >= n - REAL_TEXT
            text = article_text(i) if real else f"Stored article number {i}."
            article_id = hashlib.sha1(text.encode("utf-8")).hexdigest()
            published = (base + np.timedelta64(i % 3650, "D")).item() if i % 50 else None
            articles.append([article_id, f"fill:{i}", None, None, "bench", published, "en", text, "[]",
                             "processed", None, None])
            for m, a in enumerate(actor_ids[i - lo]):
                name, kind, country, sector = actor(int(a))
                mentions.append([article_id, m, 0, 5, name, name, kind, country, sector,
                                 actor_code(country, sector), "bench"])
            if real:
                norm_hash, minhash = dedup.fingerprint(text)
                fingerprints.append([article_id, norm_hash, encode(minhash.hashvalues)])
            else:
                values = rng.integers(0, 2**32, size=128, dtype=np.uint64)
                fingerprints.append([article_id, hashlib.sha1(article_id.encode()).hexdigest(), encode(values)])
        store.begin()
        store.bulk_insert("articles", articles)
        store.bulk_insert("mentions", mentions)
        store.bulk_insert("fingerprints", fingerprints)
        store.commit()
    rebuild = getattr(store, "rebuild_actors", store.refresh_actors)  # the earlier store rebuilt in refresh
    rebuild()
    if path.startswith("postgres"):  # statistics, as a database filled over time would have
        for table in ("articles", "mentions", "fingerprints", "actors"):
            store.execute(f"ANALYZE {table}")
    assert schema  # imported so that a missing module fails here, not later
    store.close()
    return time.perf_counter() - t0


def dt_base():
    return np.datetime64("2015-01-01", "D")


def batch_articles(n_store: int, batch: int, k: int):
    """The k-th batch of 256 fresh articles: mostly new, with copies of stored articles and of each other."""
    from tidings.document import Article

    out = []
    for j in range(batch):
        i = n_store + 10_000 * (k + 1) + j
        if j % 16 == 3:  # exact copy of a stored article with real text (case and spacing changed)
            text = "  " + article_text(n_store - 1 - (k * 97 + j) % REAL_TEXT).upper()
        elif j % 16 == 7:  # near copy of a stored article
            text = near_copy(article_text(n_store - 1 - (k * 89 + j) % REAL_TEXT), j)
        elif j % 16 == 11 and j > 16:  # near copy of an earlier article of this batch
            text = near_copy(out[j - 16].text, j)
        else:
            text = article_text(i)
        out.append(Article(text=text, origin=f"batch{k}:{j}", language="en", published="2025-06-01"))
    return out


def documents(k: int, count: int = 32, mentions: int = 60):
    from tidings.document import Actor, Article, Document, Mention

    rng = np.random.default_rng(500 + k)
    docs = []
    for d in range(count):
        text = f"Processed article {k}-{d} " + os.urandom(8).hex()
        doc = Document(article=Article(text=text, origin=f"docs{k}:{d}", published=f"2025-0{1 + d % 9}-1{d % 10}"))
        for a in rng.integers(0, ACTORS, size=mentions):
            name, kind, country, sector = actor(int(a) if a % 3 else int(a) % 300)
            doc.mentions.append(Mention(0, 5, name, Actor(name, kind, country, sector), how="bench"))
        docs.append(doc)
    return docs


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    import tidings
    from tidings.ingest.triage import Triage
    from tidings.store import open_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--keep", help="Keep the filled store at this path (reused if it exists).")
    parser.add_argument("--db", help="A postgresql:// URL of an empty database (or schema) to fill instead.")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="tidings-bench-store-")
    path = args.db or args.keep or str(Path(folder) / "bench.duckdb")
    result: dict = {"tidings": str(Path(tidings.__file__).parent), "store": "postgresql" if args.db else "duckdb",
                    "articles": args.articles}
    if args.db or not Path(path).exists():
        result["fill_s"] = round(fill(path, args.articles), 2)

    # First start: a store without fingerprint_bands gets them here, once.
    t0 = time.perf_counter()
    store = open_store(path)
    Triage(store, near_threshold=0.8)
    store.close()
    result["first_start_s"] = round(time.perf_counter() - t0, 3)

    starts, memory = [], []
    for _ in range(args.repeats):
        before = rss_mb()
        t0 = time.perf_counter()
        store = open_store(path)
        triage = Triage(store, near_threshold=0.8)
        starts.append(time.perf_counter() - t0)
        memory.append(rss_mb() - before)
        store.close()
        del triage
    result["start_s"] = round(statistics.median(starts), 3)
    result["start_rss_mb"] = round(statistics.median(memory), 1)

    store = open_store(path)
    triage = Triage(store, near_threshold=0.8)
    batches = [batch_articles(args.articles, args.batch, k) for k in range(args.repeats)]
    times, found = [], []
    for batch in batches:
        before = dict(triage.stats)
        t0 = time.perf_counter()
        fresh = list(triage.to_process(batch))
        times.append(time.perf_counter() - t0)
        found.append({k: v - before.get(k, 0) for k, v in triage.stats.items() if v - before.get(k, 0)}
                     | {"to process": len(fresh)})
        triage.take_unprocessed()
    result["dedup_batch_s"] = round(statistics.median(times), 3)
    hashing = []  # the MinHash part alone (the same code in every version): the rest is the index
    for batch in batches:
        t0 = time.perf_counter()
        for article in batch:
            triage.dedup.fingerprint(article.text)
        hashing.append(time.perf_counter() - t0)
    result["minhash_batch_s"] = round(statistics.median(hashing), 3)
    result["dedup_index_s"] = round(statistics.median(t - h for t, h in zip(times, hashing, strict=True)), 3)
    result["dedup_found"] = found

    adds = []
    for k in range(args.repeats):
        docs = documents(k)
        t0 = time.perf_counter()
        store.add(docs)
        store.refresh_actors()
        adds.append(time.perf_counter() - t0)
    result["add_and_actors_s"] = round(statistics.median(adds), 3)
    _, rows = store.query("SELECT COUNT(*), SUM(mentions), SUM(articles) FROM actors")
    result["actors"] = list(rows[0])
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, indent=1, default=str))


if __name__ == "__main__":
    main()
