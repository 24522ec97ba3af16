"""Quote extraction time against spaCy's own parse time on the same articles (target: at most +10%).

Articles of the AllSides international-politics corpus go component by component through spaCy's
model plus `tidings_actors` and `tidings_quotes`; spaCy's own work (tokenizer to NER) and the quotes
component are timed apart (the actors stage runs first, untimed, since quotes read its mentions).
Each round runs every article once; the median over rounds of each article's time is kept, and the
ratio of the summed medians is the figure of merit. Timings on a shared machine are noisy: compare
ratios measured side by side in one run.

    /work/venv/bin/python benchmarks/bench_quotes.py [--articles 60] [--rounds 3] [--json]
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
    """(spaCy seconds, quotes seconds, quotes found) for one article."""
    t0 = time.perf_counter()
    doc = pipeline.make_doc(article)
    spacy_s = time.perf_counter() - t0
    quotes_s = 0.0
    for name, proc in pipeline.nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        elapsed = time.perf_counter() - t0
        if name == "tidings_quotes":
            quotes_s += elapsed
        elif not name.startswith("tidings_"):
            spacy_s += elapsed
    return spacy_s, quotes_s, len(doc._.tidings_quotes or [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    pipeline = Pipeline(stages=("tidings_actors", "tidings_quotes"))
    articles = load_articles(args.articles)
    time_article(pipeline, articles[0])  # warm up
    spacy_runs: list[list[float]] = [[] for _ in articles]
    quote_runs: list[list[float]] = [[] for _ in articles]
    found = 0
    for _ in range(args.rounds):
        found = 0
        for i, article in enumerate(articles):
            spacy_s, quotes_s, n = time_article(pipeline, article)
            spacy_runs[i].append(spacy_s)
            quote_runs[i].append(quotes_s)
            found += n
    spacy_total = sum(statistics.median(r) for r in spacy_runs)
    quotes_total = sum(statistics.median(r) for r in quote_runs)
    words = sum(len(a.text.split()) for a in articles)
    result = {
        "articles": len(articles),
        "words": words,
        "rounds": args.rounds,
        "quotes_found": found,
        "spacy_seconds": round(spacy_total, 3),
        "quotes_seconds": round(quotes_total, 4),
        "quotes_over_spacy": round(quotes_total / spacy_total, 4) if spacy_total else None,
        "target": 0.10,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
