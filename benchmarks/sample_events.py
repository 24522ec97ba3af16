"""Print a random sample of the events tidings finds in real articles, for judging precision by hand.

    python benchmarks/sample_events.py --start 3600 --articles 40 --sample 40 --seed 7
    python benchmarks/sample_events.py --start 4000 --articles 60 --all > before.txt   # every event, in order:
    # diff two such lists (before and after a change to the trigger table) to judge only what changed

Reads the AllSides international-politics articles in ../shared/data (publishers' text: the output is for
reading, not for committing). Only events told as happening are sampled (asserted or intended, not
negated). Each line: type, source [code], target [code], trigger, confidence :: the sentence.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
from pathlib import Path

from tidings.document import Article
from tidings.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=3600, help="first article (line) of the file")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all", action="store_true", help="print every event in article order, not a sample")
    args = parser.parse_args()
    shared = Path(os.environ.get("TIDINGS_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    path = shared / "corpora" / "text" / "allsides_abp" / "abp_international_politics.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line).get("content_original") or "" for line in
                 itertools.islice(fh, args.start, args.start + args.articles)]
    pipeline = Pipeline()
    lines = []
    for number, doc in enumerate(pipeline.pipe(Article(text=t) for t in texts if t.strip())):
        for e in doc.events:
            if e.modality not in ("asserted", "intended") or e.negated:
                continue
            sentence = doc.article.text[e.sentence[0]:e.sentence[1]].strip().replace("\n", " ")
            target = f"{e.target.text} [{e.target.actor.code}]" if e.target else "-"
            where = f"[{number}] " if args.all else ""
            lines.append(f"{where}{e.type} {e.source.text or '(unnamed)'} [{e.source.actor.code}] -> {target} "
                         f"'{e.trigger.text}' {e.confidence} :: {sentence[:220]}")
    if args.all:
        print(f"{len(lines)} events in {args.articles} articles:")
        print("\n".join(lines))
        return
    random.seed(args.seed)
    print(f"{len(lines)} events in {args.articles} articles; a sample of {min(args.sample, len(lines))}:")
    for line in random.sample(lines, min(args.sample, len(lines))):
        print(line)


if __name__ == "__main__":
    main()
