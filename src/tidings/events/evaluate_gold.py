"""Scoring the events stage against tidings' own gold set of real news (docs/events-gold.md).

`tidings evaluate events --format tidings-gold tests/golden/wikinews_events.jsonl [--json] [--limit N]` runs each
article through the whole pipeline (published = the article's date), assigns the events found to the gold
sentences by the offset of their trigger, and compares them sentence by sentence, as sets:

- P/R/F1 of (type, source key), of (type, source key, target key) and of type alone, where a key is what
  `actor_key` gives (a country, IGO/NGO/..., or None for an unnamed or stateless actor);
- on events matched by type and overlapping trigger: how often negation and modality agree;
- how many predicted events fell in sentences with no gold event at all (the precision cost of coding
  non-events), and how many fell outside every gold sentence (the dateline);
- `calibration`: the precision of the (type, source) pairs found, by band of their confidence.

Every sentence of every gold article is marked, so precision is fair. Counted events are those told as
happening (asserted or intended, not negated), as in the PLOVER GSR scorer; `all_modalities` scores every event.
Articles at even positions of the file are the dev half (may be inspected); odd positions are the held-out test
half: look only at its aggregate numbers.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import MODALITIES, Article, Event
from ..errors import Errors, InputError
from ..evaluate import evaluator, prf
from .evaluate import COUNTED, ConfidenceBands, _counted, actor_key
from .tables import PLOVER_TYPES

SPLIT_NOTE = ("dev = articles at even positions of the file (0, 2, ...; may be inspected); "
              "test = odd positions (1, 3, ...; held out: look only at these aggregate numbers)")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Malformed(ValueError):
    """What is wrong with one gold event (reported as T721)."""


@dataclass(slots=True)
class GoldEvent:
    type: str
    trigger: tuple[int, int]  # offsets in the article text
    source: str | None
    target: str | None
    negated: bool
    modality: str

    @property
    def counted(self) -> bool:
        return self.modality in COUNTED and not self.negated


@dataclass(slots=True)
class GoldSentence:
    start: int
    end: int
    events: list[GoldEvent] = field(default_factory=list)


@dataclass(slots=True)
class GoldArticle:
    line: int
    url: str
    date: str
    title: str
    text: str
    sentences: list[GoldSentence]


def _key(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "key" not in value:
        raise _Malformed(f'{where} must be null or an object with "key"')
    key = value["key"]
    if key is not None and not isinstance(key, str):
        raise _Malformed(f"{where} key must be a string or null")
    return key


def _event(raw: Any, sentence: str, offset: int) -> GoldEvent:
    if not isinstance(raw, dict):
        raise _Malformed("not an object")
    trigger, etype = raw.get("trigger"), raw.get("type")
    if etype not in PLOVER_TYPES:
        raise _Malformed(f"type {etype!r} is not a PLOVER type")
    if not isinstance(trigger, str) or not trigger or trigger not in sentence:
        raise _Malformed(f"trigger {trigger!r} is not in the sentence")
    negated, modality = raw.get("negated", False), raw.get("modality", "asserted")
    if not isinstance(negated, bool):
        raise _Malformed(f"negated {negated!r} is not true or false")
    if modality not in MODALITIES:
        raise _Malformed(f"modality {modality!r} is not one of {', '.join(MODALITIES)}")
    start = offset + sentence.index(trigger)
    return GoldEvent(type=etype, trigger=(start, start + len(trigger)), source=_key(raw.get("source"), "source"),
                     target=_key(raw.get("target"), "target"), negated=negated, modality=modality)


def _article(raw: Any, origin: str, line: int) -> GoldArticle:
    def bad(detail: str) -> InputError:
        return InputError(Errors.T720.format(origin=origin, line=line, detail=detail), origin=f"{origin}:{line}")

    if not isinstance(raw, dict):
        raise bad("not a JSON object")
    for name in ("url", "date", "title", "text"):
        if not isinstance(raw.get(name), str):
            raise bad(f'the field "{name}" is missing or not a string')
    if not _DATE.match(raw["date"]):
        raise bad(f"the date {raw['date']!r} is not YYYY-MM-DD")
    text, raw_sentences = raw["text"], raw.get("sentences")
    if not isinstance(raw_sentences, list) or not raw_sentences:
        raise bad('"sentences" is missing or empty')
    sentences, pos = [], 0
    for i, rs in enumerate(raw_sentences, 1):
        stext = rs.get("text") if isinstance(rs, dict) else None
        if not isinstance(stext, str) or not stext.strip():
            raise bad(f"sentence {i} has no text")
        start = text.find(stext, pos)
        if start < 0:
            raise bad(f"sentence {i} ({stext[:40]!r}) is not in the article text after sentence {i - 1}")
        if "start" in rs and rs["start"] != start:
            raise bad(f"sentence {i} starts at {start}, not at its \"start\" {rs['start']}")
        events = rs.get("events")
        if not isinstance(events, list):
            raise bad(f'sentence {i} has no "events" list (use [] for a sentence with no event)')
        sentence = GoldSentence(start=start, end=start + len(stext))
        for j, ev in enumerate(events, 1):
            try:
                sentence.events.append(_event(ev, stext, start))
            except _Malformed as e:
                raise InputError(Errors.T721.format(origin=origin, line=line, sentence=i, event=j, detail=e),
                                 origin=f"{origin}:{line}") from e
        sentences.append(sentence)
        pos = sentence.end
    return GoldArticle(line=line, url=raw["url"], date=raw["date"], title=raw["title"], text=text,
                       sentences=sentences)


def read_gold(path: str | Path) -> list[GoldArticle]:
    """The articles of a tidings-gold JSON Lines file; a malformed one raises InputError (T101, T110, T720, T721)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(Errors.T101.format(origin=path), origin=str(path))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(Errors.T110.format(origin=path, detail=e), origin=str(path)) from e
    articles = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as e:
            raise InputError(Errors.T720.format(origin=path, line=number, detail=f"broken JSON ({e})"),
                             origin=f"{path}:{number}") from e
        articles.append(_article(raw, str(path), number))
    if not articles:
        raise InputError(Errors.T102.format(origin=path), origin=str(path))
    return articles


def _assign(article: GoldArticle, events: list[Event]) -> tuple[list[list[Event]], int]:
    """The predicted events of each gold sentence (by trigger start), and how many fell outside them all."""
    starts = [s.start for s in article.sentences]
    per: list[list[Event]] = [[] for _ in article.sentences]
    outside = 0
    for event in events:
        i = bisect_right(starts, event.trigger.start) - 1
        if i >= 0 and event.trigger.start < article.sentences[i].end:
            per[i].append(event)
        else:
            outside += 1
    return per, outside


def _key_of(mention) -> str | None:
    return actor_key(mention.actor if mention else None)


def _sets(events: list[Event]) -> tuple[set, set, set]:
    pairs = {(e.type, _key_of(e.source)) for e in events}
    triples = {(e.type, _key_of(e.source), _key_of(e.target)) for e in events}
    return pairs, triples, {e.type for e in events}


def _gold_sets(events: list[GoldEvent]) -> tuple[set, set, set]:
    return ({(e.type, e.source) for e in events}, {(e.type, e.source, e.target) for e in events},
            {e.type for e in events})


class _Tally:
    NAMES = ("type_source", "type_source_target", "type")

    def __init__(self) -> None:
        self.counts = {n: [0, 0, 0] for n in self.NAMES}  # tp, predicted, gold

    def add(self, predicted: tuple[set, set, set], gold: tuple[set, set, set]) -> None:
        for name, p, g in zip(self.NAMES, predicted, gold, strict=True):
            c = self.counts[name]
            c[0] += len(p & g)
            c[1] += len(p)
            c[2] += len(g)

    def scores(self) -> dict[str, Any]:
        return {name: prf(*c) for name, c in self.counts.items()}


def score(gold: list[GoldArticle], predicted: list[list[Event]]) -> dict[str, Any]:
    counted, every = _Tally(), _Tally()
    matched = neg_agree = mod_agree = 0
    in_empty = in_empty_all = outside = n_pred = n_gold = sentences = 0
    by_type: dict[str, list[int]] = {}
    bands = ConfidenceBands()
    for article, events in zip(gold, predicted, strict=True):
        per, out = _assign(article, events)
        outside += out
        for sentence, found in zip(article.sentences, per, strict=True):
            sentences += 1
            kept = _counted(found)
            gold_kept = [e for e in sentence.events if e.counted]
            n_pred += len(kept)
            n_gold += len(gold_kept)
            p_sets, g_sets = _sets(kept), _gold_sets(gold_kept)
            counted.add(p_sets, g_sets)
            confidence: dict[tuple, float] = {}
            for e in kept:
                key = (e.type, _key_of(e.source))
                confidence[key] = max(confidence.get(key, 0.0), e.confidence)
            for key, value in confidence.items():
                bands.add(value, key in g_sets[0])
            every.add(_sets(found), _gold_sets(sentence.events))
            for etype in p_sets[0] | g_sets[0]:
                row = by_type.setdefault(etype[0], [0, 0, 0])
                row[0] += etype in p_sets[0] and etype in g_sets[0]
                row[1] += etype in p_sets[0]
                row[2] += etype in g_sets[0]
            if not sentence.events:
                in_empty += len(kept)
                in_empty_all += len(found)
            for g in sentence.events:
                hit = next((e for e in found if e.type == g.type and e.trigger.start < g.trigger[1]
                            and g.trigger[0] < e.trigger.end), None)
                if hit is not None:
                    matched += 1
                    neg_agree += hit.negated == g.negated
                    mod_agree += hit.modality == g.modality
    return {
        "articles": len(gold),
        "sentences": sentences,
        "sentences_without_gold_events": sum(not s.events for a in gold for s in a.sentences),
        "gold_events_counted": n_gold,
        "predicted_events_counted": n_pred,
        **counted.scores(),
        "predicted_in_sentences_without_gold_events": in_empty,
        "predicted_outside_gold_sentences": outside,
        "matched_events": matched,
        "negation_agreement": round(neg_agree / matched, 4) if matched else None,
        "modality_agreement": round(mod_agree / matched, 4) if matched else None,
        "all_modalities": {**every.scores(), "predicted_in_sentences_without_gold_events": in_empty_all},
        "type_source_by_type": {t: prf(*c) for t, c in sorted(by_type.items())},
        "calibration": bands.table(),
    }


@evaluator("events", "tidings-gold")
def evaluate_tidings_gold(path: str | Path, *, pipeline=None, limit: int | None = None) -> dict[str, Any]:
    from ..pipeline import Pipeline

    gold = read_gold(path)
    if limit:
        gold = gold[:limit]
    pipeline = pipeline or Pipeline()
    articles = [Article(text=a.text, origin=f"{path}:{a.line}", title=a.title, url=a.url, published=a.date)
                for a in gold]
    documents = list(pipeline.pipe(articles))
    predicted = [list(d.events) for d in documents]
    failed = sum(d.failure is not None for d in documents)
    halves = {"dev": score(gold[0::2], predicted[0::2]), "test": score(gold[1::2], predicted[1::2])}
    keys = ("type_source", "type_source_target", "type", "predicted_in_sentences_without_gold_events",
            "negation_agreement", "modality_agreement", "calibration")
    return {"title": "events: tidings gold (Wikinews, every event of every sentence)", "split": SPLIT_NOTE,
            "failed_articles": failed, **score(gold, predicted),
            "halves": {name: {k: s[k] for k in ("articles", "gold_events_counted", *keys)}
                       for name, s in halves.items()}}


def dev_differences(path: str | Path, *, pipeline=None) -> list[dict[str, Any]]:
    """Per sentence of the DEV half only: the counted (type, source, target) keys found and the gold ones, where
    they differ. The test half is held out, so it is never listed."""
    from ..pipeline import Pipeline

    gold = read_gold(path)[0::2]
    pipeline = pipeline or Pipeline()
    documents = pipeline.pipe([Article(text=a.text, published=a.date) for a in gold])
    out = []
    for article, document in zip(gold, documents, strict=True):
        per, _ = _assign(article, document.events)
        for sentence, found in zip(article.sentences, per, strict=True):
            predicted = _sets(_counted(found))[1]
            expected = _gold_sets([e for e in sentence.events if e.counted])[1]
            if predicted != expected:
                out.append({"url": article.url, "sentence": article.text[sentence.start:sentence.end],
                            "missed": sorted(expected - predicted, key=str),
                            "extra": sorted(predicted - expected, key=str)})
    return out


def type_counts(gold: list[GoldArticle]) -> Counter[str]:
    """How many gold events of each type (all modalities)."""
    return Counter(e.type for a in gold for s in a.sentences for e in s.events)
