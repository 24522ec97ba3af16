"""Which doers of events does the actors stage miss? Subjects of event triggers that resolve to no mention.

Runs the whole pipeline on AllSides international-politics articles (indices 700-1500 by default: other
ranges are used by others), codes each sentence's pattern triggers again (`code_sentence`) and, for the
candidates left with no source (and not absorbed into another event), takes the subject the parse gives
(`clause_arguments`). Subjects with no mention are counted by their head word and phrase, most frequent
first, with a few sentences each.

    python tools/mine_unresolved_subjects.py [--start 700] [--end 1500] [--top 60] [--examples 2] [--json]

Parses are cached (spaCy DocBin, without the tidings stages) under $TMPDIR, so later runs only redo
the tidings stages. The counts at the end (candidates without a source, events) are the before/after
figures of actors work on event sources.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path


def corpus() -> Path:
    root = os.environ.get("TIDINGS_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "corpora" / "text" / "allsides_abp" / "abp_international_politics.jsonl.gz"


def read_articles(start: int, end: int):
    from tidings.document import Article

    out = []
    with gzip.open(corpus(), "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < start:
                continue
            if i >= end:
                break
            record = json.loads(line)
            text = record.get("content_original") or ""
            if text.strip():
                out.append(Article(text=text, origin=record.get("ID", str(i)),
                                   published=(record.get("date") or "")[:10] or None))
    return out


def parsed_docs(pipeline, articles, cache: Path):
    """spaCy's own parse of each article, cached; the tidings stages are not run here."""
    from spacy.tokens import DocBin

    from tidings.pipeline import is_english

    articles = [a for a in articles if is_english(a)]
    if cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(pipeline.nlp.vocab))
        if len(docs) == len(articles):
            return articles, docs
    own = [name for name, _ in pipeline.nlp.pipeline if not name.startswith("tidings_")]
    with pipeline.nlp.select_pipes(enable=own):
        docs = list(pipeline.nlp.pipe((pipeline.make_doc(a) for a in articles), batch_size=16))
    DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return articles, docs


def phrase(token) -> str:
    """The subject's noun phrase, up to its head (and a parenthesis or name right after it)."""
    doc = token.doc
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("appos", "compound", "flat"):
            end = max(end, child.right_edge.i + 1)
    return " ".join(doc[token.left_edge.i:end].text.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=700)
    parser.add_argument("--end", type=int, default=1500)
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--examples", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from tidings.events.arguments import clause_arguments, mention_of
    from tidings.events.coding import code_sentence
    from tidings.pipeline import Pipeline

    pipeline = Pipeline()
    cache = Path(tempfile.gettempdir()) / f"tidings_mine_{args.start}_{args.end}.spacy"
    _articles, docs = parsed_docs(pipeline, read_articles(args.start, args.end), cache)
    tidings = [(name, proc) for name, proc in pipeline.nlp.pipeline if name.startswith("tidings_")]
    heads: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    n_candidates = n_sourceless = n_no_subject = n_unresolved = n_events = 0
    for doc in docs:
        for _name, proc in tidings:
            doc = proc(doc)
        n_events += len(doc._.tidings_events or [])
        for sentence in doc.sents:
            for cand in code_sentence(doc, sentence):
                if cand.absorbed:
                    continue
                n_candidates += 1
                if cand.sources:
                    continue
                n_sourceless += 1
                agent = clause_arguments(cand.token)[0] if cand.entry.pos == "VERB" else None
                if agent is None:
                    n_no_subject += 1
                    continue
                if mention_of(doc, agent) is not None:
                    continue  # a mention, but no source for another reason (the events stage's business)
                n_unresolved += 1
                head = agent.text if agent.pos_ == "PROPN" else agent.lemma_.lower()
                heads[head] += 1
                text = phrase(agent)
                phrases[text] += 1
                if len(examples[head]) < args.examples:
                    examples[head].append(" ".join(sentence.text.split())[:220])
    totals = {"articles": len(docs), "events": n_events, "candidates": n_candidates,
              "candidates_without_source": n_sourceless, "without_subject": n_no_subject,
              "subject_without_mention": n_unresolved}
    if args.json:
        json.dump({"totals": totals, "heads": heads.most_common(args.top),
                   "phrases": phrases.most_common(args.top)}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write("subject heads with no mention (count, head, examples):\n")
    for head, n in heads.most_common(args.top):
        out.write(f"{n:5d}  {head}\n")
        for ex in examples.get(head, []):
            out.write(f"         | {ex}\n")
    out.write("\nsubject phrases with no mention:\n")
    for text, n in phrases.most_common(args.top):
        out.write(f"{n:5d}  {text}\n")
    out.write("\n" + json.dumps(totals) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
