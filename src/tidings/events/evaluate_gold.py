"""Scoring the events stage against tidings' own gold set of real news (docs/events-gold.md).

`tidings evaluate events --format tidings-gold tests/golden/wikinews_events.jsonl [--json] [--limit N]` runs each
article through the whole pipeline (published = the article's date), assigns the events found to the gold
sentences by the offset of their trigger, and compares them sentence by sentence, as sets:

- P/R/F1 of (type, source key), of (type, source key, target key) and of type alone, where a key is what
  `actor_key` gives (a country, IGO/NGO/..., or None for an unnamed or stateless actor);
- on events matched by type and overlapping trigger: how often negation and modality agree;
- how many predicted events fell in sentences with no gold event at all (the precision cost of coding
  non-events), and how many fell outside every gold sentence (the dateline);
- `calibration`: the precision of the (type, source) pairs found, by band of their confidence;
- `when_where`: for gold events coded with `when` and `where` (docs/events-gold.md), paired with the event found
  whose trigger overlaps theirs (of the same type where there is one): how often the date is right (the day, or
  the month or year where that is all the text gives), how often a date is given where the text states none, and
  the recall, precision and country and place accuracy of the location.

Every sentence of every gold article is marked, so precision is fair. Counted events are those told as
happening (asserted or intended, not negated), as in the PLOVER GSR scorer; `all_modalities` scores every event.
Articles at even positions of the file are the dev half (may be inspected); odd positions are the held-out test
half: look only at its aggregate numbers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..document import MODALITIES, Article, Event, Location
from ..errors import Errors, InputError
from ..evaluate import evaluator, prf
from .evaluate import COUNTED, ConfidenceBands, _counted, actor_key
from .tables import PLOVER_TYPES

SPLIT_NOTE = ("dev = articles at even positions of the file (0, 2, ...; may be inspected); "
              "test = odd positions (1, 3, ...; held out: look only at these aggregate numbers)")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHEN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_UNSET = "unset"  # a gold event without `when`/`where` keys (not coded for them)


class _Malformed(ValueError):
    """What is wrong with one gold event (reported as T721)."""


@dataclass(slots=True, frozen=True)
class GoldPlace:
    text: str  # the words of the article that name the place
    country: str | None  # ISO 3166-1 alpha-3, or None for a place of no one state ("the Mediterranean")
    place: str  # its name: "Gdańsk", "Washington, D.C.", "United States"


@dataclass(slots=True)
class GoldEvent:
    type: str
    trigger: tuple[int, int]  # offsets in the article text
    source: str | None
    target: str | None
    negated: bool
    modality: str
    when: str | None = _UNSET  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None (the text gives no time) | _UNSET
    where: GoldPlace | None | str = _UNSET  # None: the text says nothing about where

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


def _when(raw: dict) -> str | None:
    if "when" not in raw:
        return _UNSET
    when = raw["when"]
    if when is not None and not (isinstance(when, str) and _WHEN.match(when)):
        raise _Malformed(f"when {when!r} is not null, YYYY-MM-DD, YYYY-MM or YYYY")
    return when


def _where(raw: dict) -> GoldPlace | None | str:
    if "where" not in raw:
        return _UNSET
    where = raw["where"]
    if where is None:
        return None
    if not isinstance(where, dict) or not isinstance(where.get("text"), str) or \
            not isinstance(where.get("place"), str) or not isinstance(where.get("country", None), (str, type(None))):
        raise _Malformed('where must be null or {"text": str, "country": str | null, "place": str}')
    return GoldPlace(text=where["text"], country=where.get("country"), place=where["place"])


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
                     target=_key(raw.get("target"), "target"), negated=negated, modality=modality,
                     when=_when(raw), where=_where(raw))


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


def _plain(name: str) -> str:
    """A place name for comparison: lower case, no diacritics, no "the", no punctuation."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split()).removeprefix("the ")


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from .where import _gazetteer

    return frozenset(_plain(row[0]) for rows in _gazetteer().values() for row in rows if row[4] == "country")


def same_place(found: Location, gold: GoldPlace) -> bool:
    """Whether a location found names the gold place: by name, or by what the gazetteer reads the gold name as."""
    from .where import place_named

    name = _plain(found.name)
    if name in (_plain(gold.place), _plain(gold.text)):
        return True
    known = place_named(gold.place)
    if known is None:
        return False
    if _plain(known.name) == name:
        return True
    # the same place under another name ("D.C." and "Washington, D.C."): the same coordinates (not for a
    # country, which the gazetteer puts at its capital)
    countries = _country_names()
    if name in countries or _plain(known.name) in countries:
        return False
    if known.lat is None or known.lon is None or found.lat is None or found.lon is None:
        return False
    return abs(known.lat - found.lat) < 0.05 and abs(known.lon - found.lon) < 0.05


def pair_for(gold: GoldEvent, found: list[Event]) -> Event | None:
    """The event found whose trigger overlaps the gold one's, of the same type where there is one."""
    overlapping = [e for e in found if e.trigger.start < gold.trigger[1] and gold.trigger[0] < e.trigger.end]
    return next((e for e in overlapping if e.type == gold.type), overlapping[0] if overlapping else None)


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


class WhenWhere:
    """Dates and places of the counted gold events coded with `when`/`where`, against the events paired with them."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()

    def add(self, gold: GoldEvent, found: Event | None, published: str, sentence: str) -> None:
        c = self.c
        coded = gold.when != _UNSET or gold.where != _UNSET
        if not coded:
            return
        c["gold_coded"] += 1
        if found is None:
            return
        c["paired"] += 1
        c["paired_same_type"] += found.type == gold.type
        if gold.when != _UNSET:
            self._when(gold.when, found, published)
        if not isinstance(gold.where, str):  # a str is only the mark of "not coded"
            self._where(gold.where, found, sentence)

    def _when(self, when: str | None, found: Event, published: str) -> None:
        c = self.c
        date = found.date
        # where the date came from, by the explanation: its own sentence, the article's lead, or publication
        why = found.explanation or ""
        origin = "sentence" if "date '" in why else "lead" if "date: the lead's" in why else "publication"
        if when is None:
            c["when_unstated"] += 1
            c[f"when_unstated_{origin}"] += 1
            return
        grain = {10: "day", 7: "month", 4: "year"}[len(when)]
        right = date is not None and date[:len(when)] == when
        c["when_stated"] += 1
        c[f"when_{grain}"] += 1
        c[f"when_{grain}_right"] += right
        c["when_right"] += right
        c["when_publication_right"] += published[:len(when)] == when
        c[f"when_from_{origin}"] += 1
        c[f"when_from_{origin}_right"] += right

    def _where(self, where: GoldPlace | None, found: Event, sentence: str) -> None:
        c = self.c
        loc = found.location
        if loc is not None:
            c["where_found"] += 1
            c["where_found_right_country"] += where is not None and loc.country is not None and \
                loc.country == where.country
        if where is None:
            c["where_unstated"] += 1
            c["where_found_where_unstated"] += loc is not None
            return
        c["where_stated"] += 1
        c["where_stated_with_country"] += where.country is not None
        in_sentence = where.text in sentence
        c["where_in_sentence"] += in_sentence
        if loc is None:
            return
        c["where_stated_found"] += 1
        c["where_in_sentence_found"] += in_sentence
        if where.country is not None:
            c["where_country_scored"] += 1
            c["where_country_right"] += loc.country == where.country
        c["where_place_right"] += same_place(loc, where)

    def scores(self) -> dict[str, Any]:
        c = self.c
        return {
            "gold_events_coded": c["gold_coded"],
            "paired": c["paired"],
            "paired_same_type": c["paired_same_type"],
            "date": {
                "stated": c["when_stated"],
                "accuracy": _ratio(c["when_right"], c["when_stated"]),
                "day_accuracy": _ratio(c["when_day_right"], c["when_day"]),
                "month_accuracy": _ratio(c["when_month_right"], c["when_month"]),
                "year_accuracy": _ratio(c["when_year_right"], c["when_year"]),
                "stated_by_grain": {"day": c["when_day"], "month": c["when_month"], "year": c["when_year"]},
                "publication_date_baseline": _ratio(c["when_publication_right"], c["when_stated"]),
                "from_sentence": c["when_from_sentence"],
                "from_sentence_accuracy": _ratio(c["when_from_sentence_right"], c["when_from_sentence"]),
                "from_lead": c["when_from_lead"],
                "from_lead_accuracy": _ratio(c["when_from_lead_right"], c["when_from_lead"]),
                "from_publication": c["when_from_publication"],
                "from_publication_accuracy": _ratio(c["when_from_publication_right"], c["when_from_publication"]),
                "unstated": c["when_unstated"],
                "unstated_given_date_from_sentence": _ratio(c["when_unstated_sentence"], c["when_unstated"]),
                "unstated_given_date_from_lead": _ratio(c["when_unstated_lead"], c["when_unstated"]),
            },
            "location": {
                "stated": c["where_stated"],
                "recall": _ratio(c["where_stated_found"], c["where_stated"]),
                "named_in_sentence": c["where_in_sentence"],
                "recall_named_in_sentence": _ratio(c["where_in_sentence_found"], c["where_in_sentence"]),
                "precision": _ratio(c["where_found_right_country"], c["where_found"]),
                "country_accuracy": _ratio(c["where_country_right"], c["where_country_scored"]),
                "country_right_of_stated": _ratio(c["where_country_right"], c["where_stated_with_country"]),
                "place_accuracy": _ratio(c["where_place_right"], c["where_stated_found"]),
                "unstated": c["where_unstated"],
                "found_where_unstated": c["where_found_where_unstated"],
            },
        }


def score(gold: list[GoldArticle], predicted: list[list[Event]]) -> dict[str, Any]:
    counted, every = _Tally(), _Tally()
    matched = neg_agree = mod_agree = 0
    in_empty = in_empty_all = outside = n_pred = n_gold = sentences = 0
    by_type: dict[str, list[int]] = {}
    bands = ConfidenceBands()
    when_where = WhenWhere()
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
            text = article.text[sentence.start:sentence.end]
            for g in gold_kept:
                when_where.add(g, pair_for(g, found), article.date, text)
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
        "when_where": when_where.scores(),
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
            "negation_agreement", "modality_agreement", "calibration", "when_where")
    return {"title": "events: tidings gold (Wikinews, every event of every sentence)", "split": SPLIT_NOTE,
            "failed_articles": failed, **score(gold, predicted),
            "halves": {name: {k: s[k] for k in ("articles", "gold_events_counted", *keys)}
                       for name, s in halves.items()}}


def dev_differences(path: str | Path, *, pipeline=None) -> list[dict[str, Any]]:
    """Per sentence of the DEV half only: the counted (type, source, target) keys found and the gold ones, where
    they differ. The test half is held out, so it is never listed."""
    out = []
    for article, sentence, found in _dev_sentences(path, pipeline):
        predicted = _sets(_counted(found))[1]
        expected = _gold_sets([e for e in sentence.events if e.counted])[1]
        if predicted != expected:
            out.append({"url": article.url, "sentence": article.text[sentence.start:sentence.end],
                        "missed": sorted(expected - predicted, key=str),
                        "extra": sorted(predicted - expected, key=str)})
    return out


def _dev_sentences(path: str | Path, pipeline=None) -> Iterator[tuple[GoldArticle, GoldSentence, list[Event]]]:
    """(article, gold sentence, the events found in it) for every sentence of the DEV half, never the test half."""
    from ..pipeline import Pipeline

    gold = read_gold(path)[0::2]
    pipeline = pipeline or Pipeline()
    documents = pipeline.pipe([Article(text=a.text, published=a.date) for a in gold])
    for article, document in zip(gold, documents, strict=True):
        per, _ = _assign(article, document.events)
        for sentence, found in zip(article.sentences, per, strict=True):
            yield article, sentence, found


def type_counts(gold: list[GoldArticle]) -> Counter[str]:
    """How many gold events of each type (all modalities)."""
    return Counter(e.type for a in gold for s in a.sentences for e in s.events)


def dev_when_where(path: str | Path, *, pipeline=None) -> list[dict[str, Any]]:
    """Per coded counted gold event of the DEV half only: its gold `when`/`where` and the date, place and
    explanation of the event paired with it (None where none was found). The test half is never listed."""
    out = []
    for article, sentence, found in _dev_sentences(path, pipeline):
        for g in sentence.events:
            if not g.counted or (g.when == _UNSET and g.where == _UNSET):
                continue
            hit = pair_for(g, found)
            out.append({
                "url": article.url, "published": article.date,
                "sentence": article.text[sentence.start:sentence.end],
                "trigger": article.text[g.trigger[0]:g.trigger[1]], "type": g.type,
                "gold_when": g.when, "gold_where": g.where,
                "found": hit is not None,
                "date": hit.date if hit else None,
                "location": hit.location.to_dict() if hit and hit.location else None,
                "explanation": hit.explanation if hit else None,
            })
    return out
