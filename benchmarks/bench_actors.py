"""Actor resolution time against spaCy's own time on the same articles (target: at most +10%).

Each article of the AllSides international-politics corpus is run component by component through a
pipeline of spaCy's model plus `tidings_actors` only, timing spaCy's own work (tokenizer to NER) and
the actors component separately. The run is repeated (`--rounds`) and the median of each article's
time is kept; the ratio of the summed medians is the figure of merit. The one-off cost of loading
the dictionaries and compiling the PhraseMatcher is reported apart (`load_seconds`).

    /work/venv/bin/python benchmarks/bench_actors.py [--articles 60] [--rounds 3] [--json]
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
                out.append(Article(text=text, published=(record.get("date") or "")[:10] or None))
            if len(out) >= n:
                break
    return out


def time_article(pipeline: Pipeline, article: Article) -> tuple[float, float, int]:
    """(spaCy seconds, actors seconds, mentions found) for one article."""
    t0 = time.perf_counter()
    doc = pipeline.make_doc(article)
    spacy_s = time.perf_counter() - t0
    actors_s = 0.0
    for name, proc in pipeline.nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        elapsed = time.perf_counter() - t0
        if name == "tidings_actors":
            actors_s += elapsed
        else:
            spacy_s += elapsed
    return spacy_s, actors_s, len(doc._.tidings_mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    pipeline = Pipeline(stages=())
    t0 = time.perf_counter()
    from tidings.actors import component  # noqa: F401  (registers the factory)

    pipeline.nlp.add_pipe("tidings_actors")
    load_s = time.perf_counter() - t0
    articles = load_articles(args.articles)
    time_article(pipeline, articles[0])  # warm-up
    runs: list[list[tuple[float, float, int]]] = [[] for _ in articles]
    for _ in range(args.rounds):
        for i, article in enumerate(articles):
            runs[i].append(time_article(pipeline, article))
    spacy_med = [statistics.median(r[0] for r in rs) for rs in runs]
    actors_med = [statistics.median(r[1] for r in rs) for rs in runs]
    mentions = sum(rs[0][2] for rs in runs)
    words = sum(len(a.text.split()) for a in articles)
    result = {
        "articles": len(articles),
        "words": words,
        "mentions": mentions,
        "load_seconds": round(load_s, 3),
        "spacy_seconds": round(sum(spacy_med), 3),
        "actors_seconds": round(sum(actors_med), 3),
        "actors_vs_spacy": round(sum(actors_med) / sum(spacy_med), 4),
        "median_article_spacy_ms": round(statistics.median(spacy_med) * 1000, 2),
        "median_article_actors_ms": round(statistics.median(actors_med) * 1000, 2),
        "median_article_ratio": round(statistics.median(a / s for a, s in zip(actors_med, spacy_med)), 4),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
