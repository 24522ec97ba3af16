"""How many of the people news names does the actors stage give a state? Measured on real articles.

The sample: every Wikinews article of the van Atteveldt corpus (2019-2020) that is in no golden table
(neither half of tests/golden/wikinews_events.jsonl, nor the actors tables; the count shrinks as those
tables grow, so compare runs on the same count), and the fixed AllSides
international-politics articles 3000-3149 (other tools use 0-60 and 700-1500). For each span the
recogniser tags PERSON (outside boilerplate), the mention over it counts as "with a state" when its actor has a
country. The share is the figure of merit; the actors stage alone decides it (the events stage may still
place a person of no stated allegiance in the article's single state, which this does not count).

    python benchmarks/bench_person_states.py [--source wikinews|allsides|both] [--json]
        [--unresolved 40]        # list the most frequent names left without a state
        [--dump FILE]            # every PERSON span with its actor (JSON lines), to compare two runs

Parses are cached (spaCy DocBin, without the tidings stages) under $TMPDIR, so a second run only redoes the
actors stage. Nothing from these articles is written anywhere but that cache and the --dump file.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from corpus import allsides, shared

ALLSIDES_RANGE = (3000, 3150)


def _golden_urls_and_titles() -> tuple[set[str], set[str]]:
    """URLs of the Wikinews events gold (both halves) and slugs of the articles of the actors tables."""
    golden = Path(__file__).resolve().parents[1] / "tests" / "golden"
    urls = set()
    with open(golden / "wikinews_events.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                urls.add(json.loads(line)["url"])
    slugs = set()
    for table in ("actors.tsv", "actors_heldout.tsv"):
        with open(golden / table, encoding="utf-8") as fh:
            for line in fh.readlines()[1:]:
                name = Path(line.split("\t", 1)[0]).stem
                slugs.add(name[11:] if name[:4].isdigit() else name)  # drop the date
    return urls, slugs


def _slug(title: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in title)
    return "-".join(p for p in out.split("-") if p)[:70]


def wikinews_articles():
    from tidings.document import Article

    csv.field_size_limit(10**8)
    urls, slugs = _golden_urls_and_titles()
    out = []
    for year in ("2019", "2020"):
        path = shared() / "corpora" / "text" / "wikinews_vanatteveldt" / f"wikinews_{year}.csv"
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                slug = _slug(row["title"])
                if row["url"] in urls or any(slug.startswith(s[:60]) or s.startswith(slug[:60]) for s in slugs):
                    continue
                out.append(Article(text=row["text"], origin=row["url"], title=row["title"],
                                   published=row["date"][:10] or None))
    return out


def allsides_articles():
    return [a for a in allsides(*ALLSIDES_RANGE) if a.text.strip()]


def parsed(pipeline, articles, cache: Path):
    """spaCy's own parse of each article (cached), with the article's date and boilerplate set."""
    from spacy.tokens import DocBin

    if cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(pipeline.nlp.vocab))
        if len(docs) == len(articles):
            return docs
    own = [name for name, _ in pipeline.nlp.pipeline if not name.startswith("tidings_")]
    with pipeline.nlp.select_pipes(enable=own):
        docs = list(pipeline.nlp.pipe((pipeline.make_doc(a) for a in articles), batch_size=16))
    DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs


def measure(source: str, *, unresolved: int = 0, dump=None) -> dict:
    from tidings.clean.boilerplate import in_spans
    from tidings.pipeline import Pipeline

    pipeline = Pipeline(stages=("tidings_actors",))
    articles = wikinews_articles() if source == "wikinews" else allsides_articles()
    digest = hashlib.sha1("\n".join(a.origin for a in articles).encode()).hexdigest()[:10]
    cache = Path(tempfile.gettempdir()) / f"tidings_person_states_{source}_{digest}.spacy"
    docs = parsed(pipeline, articles, cache)
    actors = pipeline.nlp.get_pipe("tidings_actors")
    spans = with_state = with_mention = with_org = 0
    missing: Counter[str] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        doc._.tidings_published = article.published
        doc = actors(doc)
        mentions = doc._.tidings_mentions or []
        boiler = doc._.tidings_boilerplate or []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or in_spans(ent.start_char, ent.end_char, boiler):
                continue
            spans += 1
            over = [m for m in mentions if m.start < ent.end_char and ent.start_char < m.end]
            actor = over[0].actor if over else None
            with_mention += actor is not None
            has_state = actor is not None and bool(actor.country)
            with_state += has_state
            with_org += has_state or actor is not None and actor.sector in ("IGO", "NGO")
            if not has_state:
                missing[" ".join(ent.text.split())] += 1
            if dump is not None:
                dump.write(json.dumps({
                    "article": article.origin, "start": ent.start_char, "text": ent.text,
                    "mention": over[0].text if over else None,
                    "country": actor.country if actor else None, "sector": actor.sector if actor else None,
                    "name": actor.name if actor else None, "how": over[0].how if over else None,
                    "sentence": " ".join(ent.sent.text.split())[:300]}, ensure_ascii=False) + "\n")
    result = {"source": source, "articles": len(articles), "person_spans": spans,
              "with_mention": round(with_mention / spans, 4) if spans else None,
              "with_state": round(with_state / spans, 4) if spans else None,
              "with_state_or_igo": round(with_org / spans, 4) if spans else None}
    if unresolved:
        result["unresolved"] = missing.most_common(unresolved)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=("wikinews", "allsides", "both"), default="both")
    parser.add_argument("--unresolved", type=int, default=0)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sources = ("wikinews", "allsides") if args.source == "both" else (args.source,)
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    try:
        results = [measure(s, unresolved=args.unresolved, dump=dump) for s in sources]
    finally:
        if dump is not None:
            dump.close()
    if args.json:
        json.dump(results, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for r in results:
        sys.stdout.write(f"{r['source']}: {r['articles']} articles, {r['person_spans']} PERSON spans; "
                         f"with a mention {r['with_mention']:.1%}, with a state {r['with_state']:.1%} "
                         f"(or an international body {r['with_state_or_igo']:.1%})\n")
        for name, n in r.get("unresolved", []):
            sys.stdout.write(f"  {n:3d}  {name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
