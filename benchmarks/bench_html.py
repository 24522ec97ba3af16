"""HTML main-text extraction quality and speed on the scrapinghub article-extraction benchmark.

For each of the 181 pages in ../shared/data/corpora/html/scrapinghub_aeb, the text tidings
extracts (`tidings.ingest.html.article_from_html`) is compared with the benchmark's
`articleBody`: token-level precision, recall and F1 over bags of lower-cased word tokens
(the measure of the benchmark's own evaluation and of trafilatura's), micro- and macro-averaged.

With --vs-spacy it also times, on the same pages, what ingestion adds per article (HTML
extraction, language detection, duplicate fingerprinting) against plain spaCy's parse of the
extracted text (the model alone, no tidings components), and prints medians and ratios.

With --l3s it also scores the 621 pages of the L3S-GN1 news WARC (../shared/data/corpora/warc)
against their human annotation (the `conversion` record of each page: text marked
`x-nc-sel2`, "full text"; the headline, `x-nc-sel1`, is left out as tidings keeps it in `title`).

    /work/venv/bin/python benchmarks/bench_html.py [--data DIR] [--limit N] [--worst 5] [--json] [--vs-spacy]
                                                   [--l3s]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from tidings.ingest.html import article_from_html
from tidings.ingest.read import Problem

TOKEN = re.compile(r"\w+", re.UNICODE)


def default_data() -> Path:
    root = os.environ.get("TIDINGS_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "corpora" / "html" / "scrapinghub_aeb"


def tokens(text: str) -> Counter:
    return Counter(TOKEN.findall(text.lower()))


def prf(found: Counter, gold: Counter) -> tuple[float, float, float, int, int, int]:
    common = sum((found & gold).values())
    n_found, n_gold = sum(found.values()), sum(gold.values())
    p = common / n_found if n_found else (1.0 if not n_gold else 0.0)
    r = common / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, common, n_found, n_gold


def evaluate(data: Path, *, limit: int | None = None) -> tuple[dict, list[tuple[float, float, float, str]], dict]:
    """Scores over the benchmark's pages, the (F1, P, R, name) of each page, and the ground truth."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    names = sorted(truth)[:limit] if limit else sorted(truth)
    per_page, totals, seconds, failed, texts = [], [0, 0, 0], [], [], []
    for name in names:
        page = gzip.decompress((data / "html" / f"{name}.html.gz").read_bytes())
        t0 = time.perf_counter()
        item = article_from_html(page, origin=name, url=truth[name].get("url"))
        seconds.append(time.perf_counter() - t0)
        text = "" if isinstance(item, Problem) else item.text
        texts.append(text)
        if isinstance(item, Problem):
            failed.append(name)
        p, r, f, common, n_found, n_gold = prf(tokens(text), tokens(truth[name]["articleBody"]))
        totals[0] += common
        totals[1] += n_found
        totals[2] += n_gold
        per_page.append((f, p, r, name))
    micro_p = totals[0] / totals[1] if totals[1] else 0.0
    micro_r = totals[0] / totals[2] if totals[2] else 0.0
    micro_f = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    scores = {
        "pages": len(names),
        "no_text": len(failed),
        "micro": {"precision": round(micro_p, 4), "recall": round(micro_r, 4), "f1": round(micro_f, 4)},
        "macro": {"precision": round(statistics.mean(x[1] for x in per_page), 4),
                  "recall": round(statistics.mean(x[2] for x in per_page), 4),
                  "f1": round(statistics.mean(x[0] for x in per_page), 4)},
        "seconds_per_page": {"median": round(statistics.median(seconds), 5),
                             "mean": round(statistics.mean(seconds), 5)},
    }
    evaluate.texts, evaluate.seconds = texts, seconds  # for --vs-spacy
    return scores, per_page, truth


def versus_spacy(texts: list[str], extract_seconds: list[float]) -> dict:
    """Per-article seconds of extraction, language detection and fingerprinting vs plain spaCy's parse."""
    from tidings.ingest.dedup import Deduplicator
    from tidings.ingest.language import detect_language
    from tidings.nlp import load_model

    nlp = load_model()
    dedup = Deduplicator()
    detect_language("warm up the detector")
    nlp("Warm up the parser.")
    rows = []
    for text, extract in zip(texts, extract_seconds):
        if not text:
            continue
        t0 = time.perf_counter()
        detect_language(text)
        t1 = time.perf_counter()
        dedup.fingerprint(text)
        t2 = time.perf_counter()
        nlp(text)
        t3 = time.perf_counter()
        rows.append((extract, t1 - t0, t2 - t1, t3 - t2))
    med = [statistics.median(col) for col in zip(*rows)]
    added = [e + lang + fp for e, lang, fp, _ in rows]
    return {
        "articles": len(rows),
        "median_seconds": {"extract": round(med[0], 5), "language": round(med[1], 5),
                           "fingerprint": round(med[2], 5), "spacy_parse": round(med[3], 5)},
        "ratio_of_medians": round(statistics.median(added) / med[3], 3),
        "median_ratio": round(statistics.median(a / r[3] for a, r in zip(added, rows)), 3),
        "ratio_of_totals": round(sum(added) / sum(r[3] for r in rows), 3),
    }


def l3s_gold(annotated: bytes) -> str:
    """The text an L3S-GN1 annotator marked as the article's full text."""
    import lxml.html

    root = lxml.html.document_fromstring(annotated)
    return "\n".join(e.text_content() for e in root.xpath('//*[contains(@class, "x-nc-sel2")]'))


def evaluate_l3s(warc: Path, *, limit: int | None = None) -> dict:
    """Token P/R/F1 of the extracted text against the L3S-GN1 annotation, page by page."""
    from fastwarc.warc import ArchiveIterator

    pages, gold = {}, {}
    for record in ArchiveIterator(str(warc), quirks_mode=True):
        kind = str(record.record_type)
        if kind == "resource":
            pages[record.record_id] = (record.headers.get("WARC-Target-URI"), record.reader.read())
        elif kind == "conversion":
            gold[record.headers.get("WARC-Refers-To")] = record.reader.read()
    ids = [i for i in pages if i in gold][:limit]
    totals, per_page = [0, 0, 0], []
    for record_id in ids:
        url, page = pages[record_id]
        item = article_from_html(page, origin=record_id, url=url)
        text = "" if isinstance(item, Problem) else item.text
        p, r, f, common, n_found, n_gold = prf(tokens(text), tokens(l3s_gold(gold[record_id])))
        if not n_gold:
            continue
        totals = [totals[0] + common, totals[1] + n_found, totals[2] + n_gold]
        per_page.append((f, p, r))
    micro_p, micro_r = totals[0] / max(totals[1], 1), totals[0] / max(totals[2], 1)
    return {"pages": len(per_page),
            "micro": {"precision": round(micro_p, 4), "recall": round(micro_r, 4),
                      "f1": round(2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0, 4)},
            "macro": {"precision": round(statistics.mean(x[1] for x in per_page), 4),
                      "recall": round(statistics.mean(x[2] for x in per_page), 4),
                      "f1": round(statistics.mean(x[0] for x in per_page), 4)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--worst", type=int, default=5, help="list the N pages with the lowest F1")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--vs-spacy", action="store_true", help="also time ingestion against spaCy's parse")
    parser.add_argument("--l3s", action="store_true", help="also score the annotated L3S-GN1 news WARC")
    args = parser.parse_args(argv)
    scores, per_page, truth = evaluate(args.data, limit=args.limit)
    if args.l3s:
        warc = args.data.parents[1] / "warc" / "L3S-GN1-20100130203947-00001.reconstructed.warc.gz"
        scores["l3s"] = evaluate_l3s(warc, limit=args.limit)
    if args.vs_spacy:
        scores["vs_spacy"] = versus_spacy(evaluate.texts, evaluate.seconds)
    names, failed = [x[3] for x in per_page], [None] * scores["no_text"]
    if args.json:
        sys.stdout.write(json.dumps(scores) + "\n")
        return 0
    print(f"scrapinghub AEB: {len(names)} pages, {len(failed)} without extracted text")
    for kind in ("micro", "macro"):
        s = scores[kind]
        print(f"  {kind}: P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}")
    print(f"  time per page: median {scores['seconds_per_page']['median'] * 1000:.1f} ms, "
          f"mean {scores['seconds_per_page']['mean'] * 1000:.1f} ms")
    if args.l3s:
        print(f"L3S-GN1 (annotated full text): {scores['l3s']['pages']} pages")
        for kind in ("micro", "macro"):
            s = scores["l3s"][kind]
            print(f"  {kind}: P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}")
    if args.vs_spacy:
        v = scores["vs_spacy"]
        m = v["median_seconds"]
        print(f"  per article, median ms: extract {m['extract'] * 1000:.1f}, language {m['language'] * 1000:.1f}, "
              f"fingerprint {m['fingerprint'] * 1000:.1f}; plain spaCy parse {m['spacy_parse'] * 1000:.1f}")
        print(f"  ingestion / spaCy: ratio of medians {v['ratio_of_medians']:.2f}, median ratio "
              f"{v['median_ratio']:.2f}, ratio of totals {v['ratio_of_totals']:.2f}")
    if args.worst:
        print(f"  lowest F1 ({args.worst}):")
        for f, p, r, name in sorted(per_page)[: args.worst]:
            print(f"    {f:.3f} (P={p:.3f} R={r:.3f}) {name[:16]} {truth[name].get('url', '')[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
