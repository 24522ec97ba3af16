"""Print a random sample of the events tidings finds in real articles, for judging precision by hand.

    python benchmarks/sample_events.py --start 3600 --articles 40 --sample 40 --seed 7
    python benchmarks/sample_events.py --start 4000 --articles 60 --all > before.txt   # every event, in order:
    # diff two such lists (before and after a change to the trigger table) to judge only what changed
    python benchmarks/sample_events.py --start 4600 --articles 40 --gaps   # recall: sentences where an actor of
    # a known state is the subject of a verb and no event was found, with those verbs counted

The --gaps output ends with the verbs counted (lemma and particle), most frequent first, each with one sentence:
the words a trigger row may be missing for.

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
from collections import Counter
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
    parser.add_argument("--gaps", action="store_true",
                        help="print sentences with an actor of a known state as a verb's subject and no event")
    args = parser.parse_args()
    shared = Path(os.environ.get("TIDINGS_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    path = shared / "corpora" / "text" / "allsides_abp" / "abp_international_politics.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line).get("content_original") or "" for line in
                 itertools.islice(fh, args.start, args.start + args.articles)]
    pipeline = Pipeline()
    if args.gaps:
        print_gaps(pipeline, texts, start=args.start)
        return
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


# verbs of saying and being, too common in sentences without events to point at a missing trigger
PLAIN_VERBS = frozenset(["say", "tell", "have", "be", "do", "make", "add", "think", "know", "believe", "want", "see", "get", "go", "write", "note", "come", "include"])


def print_gaps(pipeline: Pipeline, texts: list[str], *, start: int) -> None:
    """Sentences in which an actor of a known state is the subject of a verb and no event was found, and those
    verbs counted: where recall is lost to words the trigger table lacks."""
    verbs: Counter[str] = Counter()
    example: dict[str, str] = {}
    for number, text in enumerate(texts):
        if not text.strip():
            continue
        doc = pipeline.nlp(pipeline.make_doc(Article(text=text)))
        with_events = [e.sentence for e in doc._.tidings_events]
        placed = [m for m in doc._.tidings_mentions if m.actor.country]
        for sentence in doc.sents:
            if any(s < sentence.end_char and sentence.start_char < e for s, e in with_events):
                continue
            found = []
            for token in sentence:
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if token.pos_ != "VERB" or subject is None or token.lemma_.lower() in PLAIN_VERBS:
                    continue
                if not any(m.start <= subject.idx < m.end for m in placed):
                    continue
                particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), "")
                found.append(f"{token.lemma_.lower()} {particle}".strip())
            if not found:
                continue
            words = sentence.text.strip().replace("\n", " ")
            print(f"[{start + number}] {words[:240]}  || {' '.join(found)}")
            for verb in set(found):
                verbs[verb] += 1
                example.setdefault(verb, f"[{start + number}] {words[:160]}")
    print(f"\n{sum(verbs.values())} verbs with an actor as subject in sentences with no event:")
    for verb, count in verbs.most_common():
        print(f"{count:4d} {verb}  :: {example[verb]}")

if __name__ == "__main__":
    main()
