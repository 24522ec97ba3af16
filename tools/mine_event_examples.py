"""Mine distant-supervision examples for the event classifier from real news (texts stay in a local cache).

Runs the tidings pipeline with the classifier OFF over real articles and writes one JSON line per
sentence of 6-60 words with what the classifier's trainer needs:

- `label`: the type of the sentence's most confident pattern event that is asserted, not negated and of
  confidence >= 0.6 ("silver"); or None where the patterns made no event at all;
- `residual`: no pattern event and an actor in the sentence (the sentences the classifier is consulted
  on in the stage);
- `terms` (the classifier's lexical terms), `predicate` (its predicate text), `verb` (main verb lemma);
- `trigger`: lemmas of the pattern's trigger (and cue) words, and `masked_terms` / `masked_text` /
  `masked_predicate`: the same with those words taken out, so the trainer can teach the classifier to
  find the event from the rest of the sentence, as it must where the trigger table lacks the word.

Sources: AllSides international-politics articles (a seeded random sample) and the Wikinews 2019-2020
articles of ../shared/data/corpora/text/wikinews_vanatteveldt, LEAVING OUT every article of the Wikinews
gold set (tests/golden/wikinews_events.jsonl, dev and test halves alike, by URL and by title). No GSR
record and no CAMEO-manual example is read.

    python tools/mine_event_examples.py --articles 1500 --out /tmp/tidings-event-mining/mined.jsonl

Writes lines as it goes (a partial file is usable); texts are publishers' and must never be committed.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

GOLD = ROOT / "tests" / "golden" / "wikinews_events.jsonl"


def shared_dir() -> Path:
    env = os.environ.get("TIDINGS_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def _norm_url(url: str) -> str:
    return url.replace("//wiki/", "/wiki/").rstrip("/").lower()


def gold_keys() -> tuple[set[str], set[str]]:
    urls, titles = set(), set()
    with GOLD.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                raw = json.loads(line)
                urls.add(_norm_url(raw.get("url") or ""))
                titles.add((raw.get("title") or "").strip().lower())
    return urls, titles


def articles(shared: Path, n_politics: int, seed: int) -> list[dict]:
    """(id, text, date) of the sampled AllSides articles and the non-gold Wikinews ones."""
    out = []
    source = shared / "corpora" / "text" / "allsides_abp" / "abp_international_politics.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    for n, r in enumerate(random.Random(seed).sample(records, min(n_politics, len(records)))):
        out.append({"id": f"abp-{r.get('ID') or n}", "text": r.get("content_original") or "", "date": r.get("date")})
    urls, titles = gold_keys()
    csv.field_size_limit(10 ** 7)
    for path in sorted((shared / "corpora" / "text" / "wikinews_vanatteveldt").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if _norm_url(r["url"]) in urls or r["title"].strip().lower() in titles:
                    continue
                out.append({"id": f"wn-{r['url'].rsplit('/', 1)[-1][:60]}", "text": r["text"], "date": r["date"]})
    return out


def sentence_records(doc, article_id: str) -> list[dict]:
    from tidings.events.classifier import lexical_terms, main_verb, predicate_text
    from tidings.events.component import _has_actor

    by_sentence: dict[int, list] = {}
    for event in doc._.tidings_events:
        by_sentence.setdefault(event.sentence[0], []).append(event)
    out = []
    for sentence in doc.sents:
        text = sentence.text.strip().replace("\n", " ")
        if not 6 <= len(text.split()) <= 60:
            continue
        made = by_sentence.get(sentence.start_char, [])
        confident = [e for e in made if e.modality == "asserted" and not e.negated and e.confidence >= 0.6]
        best = max(confident, key=lambda e: e.confidence) if confident else None
        trigger_tokens = []
        if best is not None:
            trigger_tokens = [t for t in sentence if best.trigger.start <= t.idx < best.trigger.end]
        lemmas = {t.lemma_.lower() for t in trigger_tokens}
        terms = lexical_terms(sentence)
        masked_terms = [t for t in terms if not any(part in lemmas for part in t.split(":", 1)[-1].split("_"))]
        skip = {t.i for t in trigger_tokens}
        masked_text = "".join(t.text_with_ws for t in sentence if t.i not in skip).strip().replace("\n", " ")
        predicate = predicate_text(sentence)
        out.append({
            "article": article_id, "text": text, "label": best.type if best else None,
            "any_event": bool(made), "residual": not made and _has_actor(doc, sentence),
            "verb": main_verb(sentence).lemma_.lower(), "terms": terms, "predicate": predicate,
            "trigger": sorted(lemmas), "masked_terms": masked_terms, "masked_text": masked_text,
            "masked_predicate": " ".join(w for w in predicate.split() if w not in lemmas),
        })
    return out


def main() -> None:
    from tidings.document import Article
    from tidings.pipeline import Pipeline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--articles", type=int, default=1500, help="AllSides international-politics articles")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=Path("/tmp/tidings-event-mining/mined.jsonl"))
    args = parser.parse_args()

    todo = articles(args.shared, args.articles, args.seed)
    pipeline = Pipeline()
    pipeline.nlp.get_pipe("tidings_events").use_classifier = False
    args.out.parent.mkdir(parents=True, exist_ok=True)
    docs = (pipeline.make_doc(Article(text=a["text"], published=a["date"])) for a in todo)
    with args.out.open("w", encoding="utf-8") as fh:
        for a, doc in zip(todo, pipeline.nlp.pipe(docs, batch_size=16)):
            for record in sentence_records(doc, a["id"]):
                fh.write(json.dumps(record) + "\n")
            fh.flush()


if __name__ == "__main__":
    main()
