"""Train the events stage's sentence classifier and write src/tidings/events/data/event_classifier.npz.

Data: the lead sentence(s) of the NGEC synthetic stories (events/ngec/gpt_synthetic_events_*.csv.zip,
labelled with the 16 PLOVER types), and, as the NONE class, sentences of the AllSides "other topics"
sample (corpora/text/allsides_abp/abp_other_topics_sample5000.jsonl.gz: sport, health, culture, ...).
Features: wordllama embeddings (256 dimensions, the model shipped in the package) of the sentence and
of its predicate (main verb, particles, objects, complements; see `classifier.predicate_text`), from
the spaCy parse. Classes are weighted to balance them.
Model: scikit-learn multinomial logistic regression; a softmax temperature fitted on the held-out
fifth for calibration. Only the weights (numpy arrays) are shipped; inference needs numpy only.

Usage: python tools/train_event_classifier.py [--shared /work/shared/data] [--seed 13]
Prints held-out accuracy and macro F1.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import re
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.events.classifier import NONE, WEIGHTS, features
from tidings.nlp import load_model

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def shared_dir() -> Path:
    env = os.environ.get("TIDINGS_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def lead_sentences(text: str, n: int = 2) -> list[str]:
    text = re.sub(r"^\s*\(?[A-Z][A-Za-z .]+\)?\s*(--|—|-)\s*", "", text.strip())
    parts = [p.strip() for p in SENTENCE_END.split(text) if len(p.split()) >= 6]
    return parts[:n]


def ngec_examples(shared: Path) -> list[tuple[str, str]]:
    path = next((shared / "events" / "ngec").glob("gpt_synthetic_events_*.csv.zip"))
    out = []
    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[0]
        with archive.open(name) as fh:
            for row in csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")):
                for sentence in lead_sentences(row["text"], 1):
                    out.append((sentence, row["label"]))
    return out


def none_examples(shared: Path, n: int, rng: random.Random) -> list[tuple[str, str]]:
    path = shared / "corpora" / "text" / "allsides_abp" / "abp_other_topics_sample5000.jsonl.gz"
    sentences = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("content_original") or record.get("content") or ""
            parts = [p for p in SENTENCE_END.split(text) if 8 <= len(p.split()) <= 60]
            sentences.extend(rng.sample(parts, min(2, len(parts))))
    rng.shuffle(sentences)
    return [(s.replace("\n", " "), NONE) for s in sentences[:n]]


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    best, best_nll = 1.0, float("inf")
    for t in np.arange(0.3, 3.01, 0.05):
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        nll = -logp[np.arange(len(gold)), gold].mean()
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--none", type=int, default=1500, help="number of NONE sentences")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--c", type=float, default=2.0, help="inverse regularisation strength")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    examples = ngec_examples(args.shared) + none_examples(args.shared, args.none, rng)
    rng.shuffle(examples)
    labels = sorted({label for _, label in examples})
    index = {label: i for i, label in enumerate(labels)}
    nlp = load_model()
    sentences = [next(iter(doc.sents)) for doc in nlp.pipe((text for text, _ in examples), batch_size=64)]
    x = features(sentences)
    y = np.array([index[label] for _, label in examples])
    cut = int(len(examples) * 0.8)
    model = LogisticRegression(C=args.c, max_iter=3000, class_weight="balanced")
    model.fit(x[:cut], y[:cut])
    held_logits = x[cut:] @ model.coef_.T + model.intercept_
    temperature = fit_temperature(held_logits, y[cut:])
    pred = held_logits.argmax(axis=1)
    acc = accuracy_score(y[cut:], pred)
    macro = f1_score(y[cut:], pred, average="macro")
    # Refit on everything for the shipped weights.
    model.fit(x, y)
    np.savez_compressed(args.out, coef=model.coef_.astype(np.float32), intercept=model.intercept_.astype(np.float32),
                        labels=np.array(labels), temperature=np.float32(temperature), dim=np.int32(x.shape[1] // 2))
    print(f"examples {len(examples)} (held out {len(examples) - cut}); classes {len(labels)}")
    print(f"held-out accuracy {acc:.3f}, macro F1 {macro:.3f}, temperature {temperature:.2f}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
