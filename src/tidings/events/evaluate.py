"""Scoring the events stage against the PLOVER gold standard record (PLOVER_GSR_CAMEO.txt).

`tidings evaluate events --format plover-gsr PATH [--json] [--limit N]` runs each record's sentence as
a short article and compares the events found with the record's event:

- type accuracy: the most confident event of the sentence has the gold type;
- source / target country accuracy: where an event of the gold type was found, its source (target)
  country is one of the gold ones (a missing gold target must be matched by no target);
- precision, recall and F1 of (type, source country, target country) and of (type, source country),
  as sets per sentence. Joint actors marked SRC/TAR count both ways.
- An event whose doer the text leaves unnamed ("sanctions were levied against Russia") names no source
  country, so it is left out of those pairs and triples (it still counts for type accuracy); how many
  there were is `unnamed_source_events`, and `type_source_counting_unnamed` scores them as wrong pairs.

That file is PLOVER 0.5b1: FIGHT is ASSAULT now, DEMAND is REQUEST, DISAPPROVE and INVESTIGATE are
ACCUSE. Only events told as happening count (modality asserted or intended, not negated). Scores are
given for patterns and classifier together, and for each alone; `calibration` shows the precision of
(type, source country) by confidence band.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..document import Actor, Article, Event
from ..errors import Errors, InputError
from ..evaluate import evaluator, prf

OLD_TYPES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GER": "DEU", "UK": "GBR", "TMP": "TLS",
                "ZAR": "COD", "BUR": "MMR", "SER": "SRB", "KOS": "XKX"}
NON_STATE = ("IGO", "NGO", "IMG", "ISM", "MNC", "UAF")
COUNTED = ("asserted", "intended")
BANDS = ((0.0, 0.4), (0.4, 0.55), (0.55, 0.7), (0.7, 1.01))


class ConfidenceBands:
    """How many (type, source) pairs were found, and how many right, by band of their confidence."""

    def __init__(self) -> None:
        self.counts = {band: [0, 0] for band in BANDS}

    def add(self, confidence: float, right: bool) -> None:
        found = self.counts[next(band for band in BANDS if band[0] <= confidence < band[1])]
        found[0] += 1
        found[1] += right

    def table(self) -> dict[str, dict[str, Any]]:
        return {f"{lo:.2f}-{min(hi, 1.0):.2f}": {"n": c[0], "precision": round(c[1] / c[0], 3) if c[0] else None}
                for (lo, hi), c in self.counts.items()}


def gold_key(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return CAMEO_TO_ISO.get(code[:3], code[:3])


def actor_key(actor: Actor | None) -> str | None:
    """The country an actor counts for: its state, or IGO/NGO for international bodies."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    code = (actor.code or "").upper()
    for kind in NON_STATE:
        if actor.sector == kind or code.startswith(kind):
            return kind
    return None


def _actors(value: Any) -> list[dict[str, Any]]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def read_gsr(path: Path) -> list[dict[str, Any]]:
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(Errors.T110.format(origin=path, detail=e), origin=str(path)) from e
    out = []
    for rec in records:
        event = rec.get("event")
        if not event or event == "DOCUMENT" or not rec.get("text"):
            continue
        ptype = OLD_TYPES.get(event, event)
        sources = [gold_key(a.get("code")) for a in _actors(rec.get("source"))]
        targets = [gold_key(a.get("code")) for a in _actors(rec.get("target"))]
        sources = [s for s in sources if s]
        targets = [t for t in targets if t]
        info = rec.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        triples = set()
        if not targets and len(sources) > 1 and "SRC/TAR" in markup:
            triples = {(ptype, s, t) for s in sources for t in sources if s != t}
        else:
            triples = {(ptype, s, t) for s in sources for t in (targets or [None])}
        out.append({"id": rec.get("id"), "text": rec["text"].strip(), "type": ptype, "sources": set(sources),
                    "targets": set(targets), "triples": triples})
    return out


def _counted(events: list[Event]) -> list[Event]:
    return [e for e in events if e.modality in COUNTED and not e.negated]


def score(gold: list[dict[str, Any]], predicted: list[list[Event]]) -> dict[str, Any]:
    n = len(gold)
    type_hits = source_hits = target_hits = found_type = 0
    tp3 = np3 = ng3 = tp2 = np2 = ng2 = 0
    unnamed = np2_all = 0
    per_type: Counter[str] = Counter()
    per_type_hit: Counter[str] = Counter()
    bands = ConfidenceBands()
    for record, events in zip(gold, predicted):
        events = _counted(events)
        if events and max(events, key=lambda e: e.confidence).type == record["type"]:
            type_hits += 1
        named = [e for e in events if not (e.source and e.source.how == "unnamed")]
        unnamed += len(events) - len(named)
        np2_all += len({(e.type, None) for e in events if e not in named} -
                       {(e.type, actor_key(e.source.actor if e.source else None)) for e in named})
        events = named
        of_type = sorted((e for e in events if e.type == record["type"]), key=lambda e: -e.confidence)
        if of_type:
            found_type += 1
            best = of_type[0]
            source_hits += actor_key(best.source.actor if best.source else None) in record["sources"]
            target = actor_key(best.target.actor if best.target else None)
            target_hits += (target in record["targets"]) if record["targets"] else target is None
        triples = {(e.type, actor_key(e.source.actor if e.source else None),
                    actor_key(e.target.actor if e.target else None)) for e in events}
        pairs_conf: dict[tuple[str, str | None], float] = {}
        for e in events:
            key = (e.type, actor_key(e.source.actor if e.source else None))
            pairs_conf[key] = max(pairs_conf.get(key, 0.0), e.confidence)
        gold_pairs = {(t, s) for t, s, _ in record["triples"]}
        tp3 += len(triples & record["triples"])
        np3 += len(triples)
        ng3 += len(record["triples"])
        tp2 += len(set(pairs_conf) & gold_pairs)
        np2 += len(pairs_conf)
        ng2 += len(gold_pairs)
        per_type[record["type"]] += 1
        per_type_hit[record["type"]] += bool(set(pairs_conf) & gold_pairs)
        for pair, conf in pairs_conf.items():
            bands.add(conf, pair in gold_pairs)
    return {
        "records": n,
        "type_accuracy": round(type_hits / n, 4) if n else 0.0,
        "source_country_accuracy": round(source_hits / found_type, 4) if found_type else 0.0,
        "target_country_accuracy": round(target_hits / found_type, 4) if found_type else 0.0,
        "records_with_gold_type_found": found_type,
        "type_source_target": prf(tp3, np3, ng3),
        "type_source": prf(tp2, np2, ng2),
        "unnamed_source_events": unnamed,
        "type_source_counting_unnamed": prf(tp2, np2 + np2_all, ng2),
        "type_source_recall_by_type": {t: round(per_type_hit[t] / per_type[t], 3) for t in sorted(per_type)},
        "calibration": bands.table(),
    }


@evaluator("events", "plover-gsr")
def evaluate_plover_gsr(path: str | Path, *, pipeline=None, limit: int | None = None) -> dict[str, Any]:
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    gold = read_gsr(Path(path))
    if limit:
        gold = gold[:limit]
    docs = [pipeline.make_doc(Article(text=r["text"], published="2000-01-01")) for r in gold]
    docs = list(pipeline.nlp.pipe(docs, batch_size=32))
    component = pipeline.nlp.get_pipe("tidings_events")
    saved = (component.use_patterns, component.use_classifier)
    results = {}
    try:
        for name, settings in (("patterns_only", (True, False)), ("classifier_only", (False, True)),
                               ("both", (True, True))):
            component.use_patterns, component.use_classifier = settings
            predicted = [list(component(doc)._.tidings_events) for doc in docs]
            results[name] = score(gold, predicted)
            if name == "both":
                # records 1, 3, 5, ... were looked at while writing patterns; 2, 4, 6, ... were not
                keys = ("type_accuracy", "type_source", "type_source_target", "target_country_accuracy",
                        "calibration")
                results["halves"] = {
                    half: {k: score(gold[i::2], predicted[i::2])[k] for k in keys}
                    for i, half in ((0, "inspected (odd records)"), (1, "held out (even records)"))}
    finally:
        component.use_patterns, component.use_classifier = saved
    both = results.pop("both")
    return {"title": "events: PLOVER GSR (patterns + classifier)", **both, "halves": results["halves"],
            "patterns_only": {k: v for k, v in results["patterns_only"].items() if k != "calibration"},
            "classifier_only": {k: v for k, v in results["classifier_only"].items() if k != "calibration"}}


from . import evaluate_gold  # noqa: F401  (registers --format tidings-gold)
