"""What each tidings stage adds to spaCy's own time, measured on the same articles in one run.

Articles of the AllSides international-politics corpus go component by component through the
full pipeline; spaCy's own work (tokenizer to NER) and each tidings component are timed apart.
Each round runs every article once; the median over rounds of each article's time is kept, and
the ratio of the summed medians is the figure of merit (targets: actors +10%, quotes +10%,
events +15%). Timings on a shared machine are noisy: compare ratios, not seconds.

    python benchmarks/stage_timing.py [--articles 60] [--rounds 3] [--json]

`bench_actors.py`, `bench_quotes.py` and `bench_events.py` report one stage each from this.
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
from tidings.pipeline import STAGES, Pipeline

TARGETS = {"tidings_actors": 0.10, "tidings_quotes": 0.10, "tidings_events": 0.15}
FOUND = {"tidings_actors": "tidings_mentions", "tidings_quotes": "tidings_quotes", "tidings_events": "tidings_events"}


def corpus() -> Path:
    root = os.environ.get("TIDINGS_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "corpora" / "text" / "allsides_abp" / "abp_international_politics.jsonl.gz"


def load_articles(n: int, *, min_chars: int = 500) -> list[Article]:
    """The first `n` articles of at least `min_chars` characters, with their dates."""
    out = []
    with gzip.open(corpus(), "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("content_original") or ""
            if len(text) >= min_chars:
                out.append(Article(text=text, origin=record.get("ID", "-"),
                                   published=(record.get("date") or "")[:10] or None))
            if len(out) >= n:
                break
    return out


def time_components(pipeline: Pipeline, article: Article) -> tuple[dict[str, float], dict[str, int]]:
    """Seconds per component ("spacy" for all of spaCy's own, the tokenizer included) and records found."""
    t0 = time.perf_counter()
    doc = pipeline.make_doc(article)
    seconds = {"spacy": time.perf_counter() - t0}
    for name, proc in pipeline.nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        key = name if name.startswith("tidings_") else "spacy"
        seconds[key] = seconds.get(key, 0.0) + time.perf_counter() - t0
    found = {name: len(getattr(doc._, attr) or []) for name, attr in FOUND.items()}
    return seconds, found


def measure(articles: list[Article], *, rounds: int) -> dict:
    pipeline = Pipeline()
    time_components(pipeline, articles[0])  # warm-up: dictionaries, classifier
    runs: list[list[dict[str, float]]] = [[] for _ in articles]
    found: dict[str, int] = {}
    for _ in range(rounds):
        found = dict.fromkeys(FOUND, 0)
        for i, article in enumerate(articles):
            seconds, counts = time_components(pipeline, article)
            runs[i].append(seconds)
            for name, n in counts.items():
                found[name] += n
    medians = [{key: statistics.median(r[key] for r in rs) for key in rs[0]} for rs in runs]
    spacy_total = sum(m["spacy"] for m in medians)
    result: dict = {"articles": len(articles), "words": sum(len(a.text.split()) for a in articles),
                    "rounds": rounds, "spacy_seconds": round(spacy_total, 3), "stages": {}}
    for name in STAGES:
        total = sum(m.get(name, 0.0) for m in medians)
        result["stages"][name.removeprefix("tidings_")] = {
            "found": found.get(name, 0),
            "seconds": round(total, 3),
            "vs_spacy": round(total / spacy_total, 4),
            "median_article_ratio": round(statistics.median(m.get(name, 0.0) / m["spacy"] for m in medians), 4),
            "target": TARGETS[name],
        }
    all_stages = sum(s["seconds"] for s in result["stages"].values())
    result["all_stages_vs_spacy"] = round(all_stages / spacy_total, 4)
    return result


def main(stage: str | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(load_articles(args.articles), rounds=args.rounds)
    if stage:
        result["stages"] = {stage: result["stages"][stage]}
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['articles']} articles, {result['words']} words, median of {result['rounds']} rounds; "
          f"spaCy's own time {result['spacy_seconds']} s")
    for name, s in result["stages"].items():
        verdict = "within" if s["vs_spacy"] <= s["target"] else "OVER"
        print(f"  {name:8s} +{s['vs_spacy']:.1%} of spaCy ({s['seconds']} s, median article "
              f"+{s['median_article_ratio']:.1%}), {s['found']} found; target +{s['target']:.0%}: {verdict}")
    if not stage:
        print(f"  all three stages: +{result['all_stages_vs_spacy']:.1%} of spaCy")


if __name__ == "__main__":
    main()
