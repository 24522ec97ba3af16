"""Event coding time against spaCy's own parse time on the same articles (target: at most +15%).

Each article of the AllSides international-politics corpus is run through the pipeline component by
component, timing spaCy's own components (tokenizer to NER) and the `tidings_events` component (the
actors and quotes stages run too, untimed, since events read their output). The whole run is repeated
(`--rounds`) and the median of each article's time is kept; the ratio of the summed medians is the
figure of merit. Articles are taken in file order, so runs are comparable.

    /work/venv/bin/python benchmarks/bench_events.py [--articles 60] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import time
from pathlib import Path

from tidings.document import Article
from tidings.pipeline import Pipeline

TIDINGS = ("tidings_actors", "tidings_quotes", "tidings_events")


def corpus() -> Path:
    root = os.environ.get("TIDINGS_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "corpora" / "text" / "allsides_abp" / "abp_international_politics.jsonl.gz"


def load_articles(n: int) -> list[Article]:
    out = []
    with gzip.open(corpus(), "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("content_original") or ""
            if len(text) > 500:
                out.append(Article(text=text, published=record.get("date")))
            if len(out) >= n:
                break
    return out


def time_article(pipeline: Pipeline, article: Article) -> tuple[float, float, float, int]:
    """(spaCy seconds, events seconds, other tidings seconds, events found) for one article."""
    doc = pipeline.make_doc(article)
    spacy_s = events_s = other_s = 0.0
    for name, proc in pipeline.nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        elapsed = time.perf_counter() - t0
        if name == "tidings_events":
            events_s += elapsed
        elif name in TIDINGS:
            other_s += elapsed
        else:
            spacy_s += elapsed
    # tokenizing is part of spaCy's own time
    t0 = time.perf_counter()
    pipeline.nlp.make_doc(article.text)
    spacy_s += time.perf_counter() - t0
    return spacy_s, events_s, other_s, len(doc._.tidings_events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    pipeline = Pipeline()
    articles = load_articles(args.articles)
    time_article(pipeline, articles[0])  # warm-up: loads dictionaries and the classifier
    runs: list[list[tuple[float, float, float, int]]] = [[] for _ in articles]
    for _ in range(args.rounds):
        for i, article in enumerate(articles):
            runs[i].append(time_article(pipeline, article))
    spacy_med = [statistics.median(r[0] for r in rs) for rs in runs]
    events_med = [statistics.median(r[1] for r in rs) for rs in runs]
    other_med = [statistics.median(r[2] for r in rs) for rs in runs]
    n_events = sum(rs[0][3] for rs in runs)
    words = sum(len(a.text.split()) for a in articles)
    result = {
        "articles": len(articles),
        "words": words,
        "events": n_events,
        "spacy_seconds": round(sum(spacy_med), 3),
        "events_seconds": round(sum(events_med), 3),
        "actors_quotes_seconds": round(sum(other_med), 3),
        "events_vs_spacy": round(sum(events_med) / sum(spacy_med), 4),
        "median_article_spacy_ms": round(statistics.median(spacy_med) * 1000, 2),
        "median_article_events_ms": round(statistics.median(events_med) * 1000, 2),
        "median_article_ratio": round(statistics.median(e / s for e, s in zip(events_med, spacy_med)), 4),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
