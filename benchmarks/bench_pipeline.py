"""End-to-end throughput: articles per second through the whole pipeline and into a DuckDB store.

Compares, on the same articles in one run: spaCy alone (the floor), the full tidings pipeline in one
process, and `engine.run` with 2 workers; reports medians over repeats and articles/day.

    python benchmarks/bench_pipeline.py [--articles 100] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from stage_timing import load_articles

from tidings.engine import run
from tidings.nlp import load_model
from tidings.pipeline import Pipeline
from tidings.store import open_store


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    articles = load_articles(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_model()
    pipeline = Pipeline()
    texts = [a.text for a in articles]
    rows = {"spacy alone (1 process)": [], "tidings pipeline (1 process)": [], "tidings + DuckDB store, 2 workers": []}
    for _ in range(args.repeats):
        rows["spacy alone (1 process)"].append(timed(lambda: list(nlp.pipe(texts, batch_size=16))))
        rows["tidings pipeline (1 process)"].append(timed(lambda: list(pipeline.pipe(articles))))

        def stored() -> None:
            with tempfile.TemporaryDirectory() as tmp:
                store = open_store(str(Path(tmp) / "b.duckdb"))
                for doc_batch in _batches(run(articles, workers=2, batch_size=16), 32):
                    store.add(doc_batch)
                store.refresh_actors()
                store.close()

        rows["tidings + DuckDB store, 2 workers"].append(timed(stored))
    base = statistics.median(rows["spacy alone (1 process)"])
    print(f"{len(articles)} articles, {words} words, median of {args.repeats} runs")
    for name, times in rows.items():
        t = statistics.median(times)
        rate = len(articles) / t
        print(f"{name:38s} {t:7.2f} s  {rate:6.1f} articles/s  {rate * 86400 / 1e6:5.2f} M/day  "
              f"x{t / base:.2f} of spaCy")

def _batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

if __name__ == "__main__":
    main()
