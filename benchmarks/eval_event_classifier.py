"""Score event-classifier weights on the Wikinews gold and the PLOVER GSR, patterns and classifier alone
and together, at several thresholds, parsing each text once.

    python benchmarks/eval_event_classifier.py [WEIGHTS.npz ...] [--thresholds 0.5 0.6 0.7] [--final]

Without --final only the Wikinews DEV half and the GSR INSPECTED half are scored (what may be looked at
while iterating); --final adds the aggregate Wikinews test and GSR held-out numbers (no per-record output
ever). --residual prints, for the dev/inspected halves only, the sentences the classifier was consulted on
with its label and the gold types (for error analysis).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
WIKINEWS = ROOT / "tests" / "golden" / "wikinews_events.jsonl"
GSR = SHARED / "events" / "plover" / "PLOVER_GSR_CAMEO.txt"


def main() -> None:
    from tidings.document import Article
    from tidings.events import component as comp
    from tidings.events import evaluate as gsr_eval
    from tidings.events import evaluate_gold as wn_eval
    from tidings.events.classifier import WEIGHTS, EventClassifier
    from tidings.pipeline import Pipeline

    parser = argparse.ArgumentParser()
    parser.add_argument("weights", nargs="*", type=Path, default=[WEIGHTS])
    parser.add_argument("--thresholds", nargs="*", type=float, default=[0.6])
    parser.add_argument("--final", action="store_true", help="also the held-out halves (aggregate only)")
    parser.add_argument("--residual", action="store_true", help="list dev/inspected sentences classified")
    args = parser.parse_args()

    pipeline = Pipeline()
    events = pipeline.nlp.get_pipe("tidings_events")
    gold = wn_eval.read_gold(WIKINEWS)
    wn_docs = list(pipeline.nlp.pipe([pipeline.make_doc(Article(text=a.text, published=a.date)) for a in gold],
                                     batch_size=8))
    records = gsr_eval.read_gsr(GSR)
    gsr_docs = list(pipeline.nlp.pipe(
        [pipeline.make_doc(Article(text=r["text"], published="2000-01-01")) for r in records], batch_size=32))

    def run(docs, patterns: bool, classifier: bool, threshold: float):
        events.use_patterns, events.use_classifier, events.classifier_threshold = patterns, classifier, threshold
        return [list(events(doc)._.tidings_events) for doc in docs]

    def wn(pred, half: int):
        s = wn_eval.score(gold[half::2], pred[half::2])
        return {k: s[k]["f1"] for k in ("type_source",)} | {
            "P": s["type_source"]["precision"], "R": s["type_source"]["recall"],
            "n": s["predicted_events_counted"]}

    def gs(pred, half: int):
        s = gsr_eval.score(records[half::2], pred[half::2])
        return {"type_source": s["type_source"]["f1"], "P": s["type_source"]["precision"],
                "R": s["type_source"]["recall"], "type_acc": s["type_accuracy"]}

    out = {}
    for path in args.weights:
        clf = EventClassifier(path)
        comp.default_classifier = lambda clf=clf: clf
        for threshold in args.thresholds:
            row = {}
            for mode, settings in (("patterns", (True, False)), ("classifier", (False, True)), ("both", (True, True))):
                if mode == "patterns" and (path != args.weights[0] or threshold != args.thresholds[0]):
                    row[mode] = out[next(iter(out))]["patterns"]
                    continue
                pw, pg = run(wn_docs, *settings, threshold), run(gsr_docs, *settings, threshold)
                row[mode] = {"wikinews_dev": wn(pw, 0), "gsr_inspected": gs(pg, 0)}
                if args.final:
                    row[mode] |= {"wikinews_test": wn(pw, 1), "gsr_heldout": gs(pg, 1),
                                  "wikinews_all": {"type_source": wn_eval.score(gold, pw)["type_source"]},
                                  "gsr_all": {"type_source": gsr_eval.score(records, pg)["type_source"]}}
                if args.residual and mode == "both":
                    _residual(gold, pw, records, pg)
            out[f"{path.name}@{threshold}"] = row
            print(json.dumps({f"{path.name}@{threshold}": row}), flush=True)


def _residual(gold, pw, records, pg) -> None:
    from tidings.events import evaluate_gold as wn_eval

    for article, events in zip(gold[0::2], pw[0::2]):
        per, _ = wn_eval._assign(article, events)
        for sentence, found in zip(article.sentences, per):
            for e in found:
                if e.explanation.startswith("classifier"):
                    golds = sorted({(g.type, g.source) for g in sentence.events if g.counted}, key=str)
                    print(f"WN\t{e.type}\t{e.confidence}\t{(e.type, wn_eval._key_of(e.source)) in golds}\t"
                          f"{golds}\t{article.text[sentence.start:sentence.end][:200]}", file=sys.stderr)
    for record, events in zip(records[0::2], pg[0::2]):
        for e in events:
            if e.explanation.startswith("classifier"):
                print(f"GSR\t{e.type}\t{e.confidence}\t{record['type']}\t{record['text'][:200]}", file=sys.stderr)


if __name__ == "__main__":
    main()
