"""How fast the exports and the API are on a store of realistic size.

Runs the real pipeline once over examples/, then stores COPIES copies of every document (each
with a different text, so a different article id) in a fresh DuckDB file, and times each export
format and the main API calls and pages (median of REPEAT runs).

    python benchmarks/bench_export_serve.py [--copies 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import time
from pathlib import Path

from tidings.document import Article, Document
from tidings.engine import run
from tidings.export import export_store
from tidings.ingest import Problem, read_inputs
from tidings.ingest.read import ReadOptions
from tidings.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def copies_of(docs: list[Document], copies: int):
    for n in range(copies):
        for doc in docs:
            text = doc.article.text + f"\n\n[copy {n}]"  # appended: every offset stays valid
            article = dataclasses.replace(doc.article, text=text, id="", origin=f"{doc.article.origin}#{n}")
            yield dataclasses.replace(doc, article=Article(**{f.name: getattr(article, f.name)
                                                              for f in dataclasses.fields(Article)}))


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = [a for a in read_inputs([str(EXAMPLES)], ReadOptions()) if not isinstance(a, Problem)]
    docs = list({d.article.id: d for d in run(articles)}.values())
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    db = folder / "bench.duckdb"
    start = time.perf_counter()
    with open_store(str(db)) as store:
        batch: list[Document] = []
        for doc in copies_of(docs, args.copies):
            batch.append(doc)
            if len(batch) >= 500:
                store.add(batch)
                batch = []
        store.add(batch)
        store.refresh_actors()
        counts = store.counts()
    print(f"store: {counts} (filled in {time.perf_counter() - start:.1f} s)")
    with open_store(str(db), read_only=True) as store:
        for fmt, out in (("gdelt", "g.tsv"), ("gdelt-mentions", "m.tsv"), ("polecat", "p.jsonl"),
                         ("parquet", "pq"), ("csv", "csv")):
            rows = export_store(store, fmt, folder / out)
            seconds = timed(lambda fmt=fmt, out=out: export_store(store, fmt, folder / out), args.repeat)
            print(f"export {fmt:15s} {rows:8d} rows  {seconds:6.2f} s  {rows / seconds:10.0f} rows/s")
    import logging

    from fastapi.testclient import TestClient

    for name in ("httpx", "httpx2"):
        logging.getLogger(name).setLevel(logging.WARNING)

    from tidings.serve import create_app

    with TestClient(create_app(str(db))) as client:
        article_id = client.get("/api/articles", params={"limit": 1}).json()[0]["id"]
        for url in ("/api/stats", "/api/events?limit=1000", "/api/events?type=REQUEST&actor=UKR",
                    "/api/quotes?text=said", "/api/actors", "/api/dyads", "/api/timeline", "/api/network",
                    f"/api/articles/{article_id}", "/", "/events", f"/articles/{article_id}"):
            assert client.get(url).status_code == 200, url
            seconds = timed(lambda url=url: client.get(url), args.repeat)
            print(f"GET {url:60.60s} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
