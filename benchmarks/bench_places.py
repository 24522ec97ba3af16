"""How many events get a place, and which: the event `location` on real news.

Runs the full pipeline on 200 AllSides international-politics articles (lines 1500-1699 of
abp_international_politics.jsonl.gz) and on the 295 Wikinews articles of 2019-2020, and counts the
events, the events with a location, and their places by kind (city, country, region) and by where they came
from (the trigger's clause or sentence, the article's lead, the doer's own state), and the events' dates by
where they came from (their sentence, the lead's day, the publication date). It also lists
the names after a place preposition ("in the West Bank") that the gazetteer does not know, the most
frequent first, to show what is still missing.

With `--sample FILE` it writes, for hand judging, one line per located event (corpus, article,
place words, resolved name, country, lat/lon, the sentence); that file holds publishers' text:
keep it out of the repository (the default goes to /tmp).

    python benchmarks/bench_places.py [--allsides 1500:1700] [--wikinews 295] [--sample /tmp/places_sample.tsv] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

from corpus import allsides, shared

from tidings.document import Article
from tidings.events.where import PLACE_PREPS, _gazetteer, place_named
from tidings.pipeline import Pipeline

PLACE_RE = re.compile(r"(?:^|; )place '(.*?)'(?=;|$)")
PLACE_ORIGINS = {", the lead's place": "lead", ", the doer's own state": "own state"}


def place_origin(explanation: str) -> tuple[str, str]:
    """(the place's words, where they came from: "sentence", "lead" or "own state") from an explanation."""
    found = PLACE_RE.findall(explanation)
    words = found[-1] if found else ""
    for suffix, origin in PLACE_ORIGINS.items():
        if words.endswith(suffix):
            return words.removesuffix(suffix), origin
    return words, "sentence"


def date_origin(explanation: str) -> str:
    return "lead" if "date: the lead's" in explanation else "publication" if "date: publication" in explanation \
        else "sentence" if "date '" in explanation else "none"


def wikinews(limit: int) -> list[Article]:
    out = []
    csv.field_size_limit(sys.maxsize)
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(shared() / "corpora" / "text" / "wikinews_vanatteveldt" / name, encoding="utf-8") as fh:
            for i, rec in enumerate(csv.DictReader(fh)):
                out.append(Article(text=rec["text"], origin=f"wikinews:{name[9:13]}:{i}", published=rec["date"]))
    return out[:limit]


def _kind(table: dict, words: str) -> str:
    """The kind of the place `words` name (city, town, region, country), "?" where the table has none."""
    try:
        from tidings.events.where import _rows
        rows = _rows(words)[1]
        return rows[0][4] if rows else "?"
    except ImportError:  # the single-row table of before (one place per name)
        found = table.get(words.lower().removeprefix("the ").strip())
        return found[4] if found else "?"


def run(pipeline: Pipeline, articles: list[Article], corpus: str, sample: list[list[str]]) -> dict:
    events = located = 0
    kinds: Counter[str] = Counter()
    places: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    towns: list[list[str]] = []  # places of under 50,000 people named after a place preposition
    table = _gazetteer()
    origins: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    for article in articles:
        if not article.text.strip():
            continue
        doc = pipeline.make_doc(article)
        for _, proc in pipeline.nlp.pipeline:
            doc = proc(doc)
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") and ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS:
                if place_named(ent.text) is None:
                    unknown[ent.text.removeprefix("the ")] += 1
                elif _kind(table, ent.text) == "town":
                    sentence = " ".join(ent.sent.text.split())
                    towns.append([corpus, article.origin, ent.text, str(place_named(ent.text, near=ent)), sentence])
        for event in doc._.tidings_events or []:
            events += 1
            dates[date_origin(event.explanation)] += 1
            if event.location is None:
                continue
            located += 1
            word, origin = place_origin(event.explanation)
            origins[origin] += 1
            word = word or event.location.name
            kinds[_kind(table, word)] += 1
            places[f"{event.location.name} ({event.location.country})"] += 1
            start, end = event.sentence
            sentence = " ".join(article.text[start:end].split())
            loc = event.location
            sample.append([corpus, article.origin, word, loc.name, loc.country or "", f"{loc.lat},{loc.lon}",
                           sentence])
    return {"articles": len(articles), "events": events, "located": located,
            "located_share": round(located / events, 4) if events else 0.0, "kinds": dict(kinds),
            "place_origins": dict(origins), "date_origins": dict(dates),
            "distinct_places": len(places), "top_places": places.most_common(25),
            "towns_after_place_preposition": len(towns), "towns": [t[2:4] for t in towns],
            "unknown_after_place_preposition": unknown.most_common(40)}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--allsides", default="1500:1700", help="line range START:STOP of the AllSides file")
    parser.add_argument("--wikinews", type=int, default=295)
    parser.add_argument("--sample", type=Path, default=Path("/tmp/places_sample.tsv"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    start, stop = (int(x) for x in args.allsides.split(":"))
    pipeline = Pipeline()
    sample: list[list[str]] = []
    result = {"allsides": run(pipeline, allsides(start, stop), "allsides", sample),
              "wikinews": run(pipeline, wikinews(args.wikinews), "wikinews", sample)}
    with open(args.sample, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(sample)
    if args.json:
        print(json.dumps(result))
        return
    for corpus, r in result.items():
        print(f"{corpus}: {r['articles']} articles, {r['events']} events, {r['located']} located "
              f"({r['located_share']:.1%}); kinds {r['kinds']}; {r['distinct_places']} distinct places")
        print(f"  places from {r['place_origins']}; dates from {r['date_origins']}")
        print("  top places: " + ", ".join(f"{p} {n}" for p, n in r["top_places"]))
        print(f"  towns (under 50,000 people) after a place preposition: {r['towns_after_place_preposition']}: "
              + ", ".join(f"{t} = {loc}" for t, loc in r["towns"]))
        print("  not in the gazetteer after a place preposition: "
              + ", ".join(f"{p} {n}" for p, n in r["unknown_after_place_preposition"]))
    print(f"sample of {len(sample)} located events written to {args.sample}")


if __name__ == "__main__":
    main()
