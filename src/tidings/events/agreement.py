"""Agreement between two hand annotations of the same tidings-gold articles (docs/events-gold.md, Agreement).

    python -m tidings.events.agreement tests/golden/wikinews_events.jsonl tests/golden/wikinews_events_second.jsonl

The FIRST file is the reference: every article of the SECOND file must be in it (same url, same sentences); the
articles of FIRST that SECOND does not code are left out. Compared sentence by sentence, as sets, as the
tidings-gold evaluator compares tidings with the gold (`evaluate_gold._gold_sets`):

- precision, recall and F1 of the types, of (type, source key) and of (type, source key, target key), SECOND
  read as the prediction and FIRST as the reference (F1 is the same either way round); over every event
  (`all_modalities`, the headline) and over the counted ones only (asserted or intended, not negated: what the
  evaluator scores);
- Cohen's kappa of "the sentence has at least one event";
- events matched one to one by overlapping trigger (same type first): how often their types agree, a confusion
  list of the type disagreements, and, for matched events of the same type, how often source key, target key,
  negation and modality agree;
- the same per half: dev = articles at even positions of FIRST, test = odd positions.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError, TidingsError
from ..evaluate import prf
from .evaluate_gold import GoldArticle, GoldEvent, _gold_sets, _Tally, read_gold

__all__ = ["agreement", "cohen_kappa", "match_by_trigger", "paired_articles"]


def paired_articles(first: str | Path, second: str | Path) -> list[tuple[int, GoldArticle, GoldArticle]]:
    """(position in FIRST, FIRST's article, SECOND's article) for each article of SECOND, in FIRST's order.

    Raises InputError: T720/T721 for a malformed file (from `read_gold`), T722 when SECOND codes an article that
    is not in FIRST, codes one twice, or splits it into other sentences.
    """
    reference = read_gold(first)
    position = {article.url: i for i, article in enumerate(reference)}
    pairs, seen = [], set()
    for article in read_gold(second):
        def bad(detail: str, article: GoldArticle = article) -> InputError:
            return InputError(Errors.T722.format(origin=second, line=article.line, detail=detail),
                              origin=f"{second}:{article.line}")

        if article.url not in position:
            raise bad(f"the article {article.url!r} is not in {first}")
        if article.url in seen:
            raise bad(f"the article {article.url!r} is coded twice")
        seen.add(article.url)
        mate = reference[position[article.url]]
        if mate.text != article.text:
            raise bad(f"the text of {article.url!r} differs from the one in {first}")
        spans = [(s.start, s.end) for s in article.sentences]
        reference_spans = [(s.start, s.end) for s in mate.sentences]
        if spans != reference_spans:
            differing = [i for i, (a, b) in enumerate(zip(spans, reference_spans, strict=False), 1) if a != b]
            i = differing[0] if differing else min(len(spans), len(reference_spans)) + 1
            raise bad(f"sentence {i} of {article.url!r} is not sentence {i} of {first}")
        pairs.append((position[article.url], mate, article))
    pairs.sort(key=lambda pair: pair[0])
    return pairs


def cohen_kappa(first: list[bool], second: list[bool]) -> float | None:
    """Cohen's kappa of two parallel yes/no codings; None for no items, 1.0 when both always say the same one."""
    if len(first) != len(second):
        raise ValueError("the two codings differ in length")
    n = len(first)
    if not n:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    p1, p2 = sum(first) / n, sum(second) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return round((observed - expected) / (1 - expected), 4)


def _overlap(a: GoldEvent, b: GoldEvent) -> bool:
    return a.trigger[0] < b.trigger[1] and b.trigger[0] < a.trigger[1]


def match_by_trigger(first: list[GoldEvent], second: list[GoldEvent]) -> list[tuple[GoldEvent, GoldEvent]]:
    """Pairs of one sentence's events whose triggers overlap, one to one; pairs of the same type are made first."""
    pairs: list[tuple[GoldEvent, GoldEvent]] = []
    free = list(second)
    for same_type in (True, False):
        for a in first:
            if any(a is p for p, _ in pairs):
                continue
            b = next((b for b in free if _overlap(a, b) and (a.type == b.type) == same_type), None)
            if b is not None:
                pairs.append((a, b))
                free.remove(b)
    return pairs


def _counted(events: list[GoldEvent]) -> list[GoldEvent]:
    return [e for e in events if e.counted]


def _score(pairs: list[tuple[int, GoldArticle, GoldArticle]]) -> dict[str, Any]:
    every, counted = _Tally(), _Tally()
    has_first: list[bool] = []
    has_second: list[bool] = []
    by_type: dict[str, list[int]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    unmatched_first: Counter[str] = Counter()
    unmatched_second: Counter[str] = Counter()
    matched = same_type = 0
    agree: Counter[str] = Counter()
    n_first = n_second = 0
    for _, a, b in pairs:
        for sa, sb in zip(a.sentences, b.sentences, strict=True):
            n_first += len(sa.events)
            n_second += len(sb.events)
            sets_a, sets_b = _gold_sets(sa.events), _gold_sets(sb.events)
            every.add(sets_b, sets_a)
            counted.add(_gold_sets(_counted(sb.events)), _gold_sets(_counted(sa.events)))
            has_first.append(bool(sa.events))
            has_second.append(bool(sb.events))
            for etype in sets_a[2] | sets_b[2]:
                row = by_type.setdefault(etype, [0, 0, 0])
                row[0] += etype in sets_a[2] and etype in sets_b[2]
                row[1] += etype in sets_b[2]
                row[2] += etype in sets_a[2]
            matches = match_by_trigger(sa.events, sb.events)
            matched += len(matches)
            for ea, eb in matches:
                if ea.type != eb.type:
                    confusion[(ea.type, eb.type)] += 1
                    continue
                same_type += 1
                agree["source"] += ea.source == eb.source
                agree["target"] += ea.target == eb.target
                agree["negated"] += ea.negated == eb.negated
                agree["modality"] += ea.modality == eb.modality
            unmatched_first.update(e.type for e in sa.events if not any(e is x for x, _ in matches))
            unmatched_second.update(e.type for e in sb.events if not any(e is y for _, y in matches))
    sentences = len(has_first)

    def share(count: int, total: int) -> float | None:
        return round(count / total, 4) if total else None

    return {
        "articles": len(pairs),
        "sentences": sentences,
        "events_first": n_first,
        "events_second": n_second,
        "sentences_with_events_first": sum(has_first),
        "sentences_with_events_second": sum(has_second),
        **every.scores(),
        "counted": counted.scores(),
        "has_event_agreement": share(sum(x == y for x, y in zip(has_first, has_second, strict=True)), sentences),
        "has_event_kappa": cohen_kappa(has_first, has_second),
        "trigger_matched": {
            "pairs": matched,
            "type_agreement": share(same_type, matched),
            "same_type_pairs": same_type,
            **{f"{name}_agreement": share(agree[name], same_type)
               for name in ("source", "target", "negated", "modality")},
            "unmatched_first": sum(unmatched_first.values()),
            "unmatched_second": sum(unmatched_second.values()),
        },
        "type_confusion": [{"first": f, "second": s, "count": n}
                           for (f, s), n in sorted(confusion.items(), key=lambda item: (-item[1], item[0]))],
        "unmatched_by_type": {t: {"first": unmatched_first[t], "second": unmatched_second[t]}
                              for t in sorted(unmatched_first | unmatched_second)},
        "type_by_type": {t: prf(*c) for t, c in sorted(by_type.items())},
    }


def agreement(first: str | Path, second: str | Path) -> dict[str, Any]:
    """Agreement of SECOND with FIRST on the articles SECOND codes (see the module docstring)."""
    pairs = paired_articles(first, second)
    return {
        "title": "events: agreement of two hand annotations (tidings-gold)",
        "first": str(first),
        "second": str(second),
        "reference": "first (precision = share of second's keys also in first)",
        **_score(pairs),
        "halves": {"dev": _score([p for p in pairs if p[0] % 2 == 0]),
                   "test": _score([p for p in pairs if p[0] % 2 == 1])},
    }


def main(argv: list[str] | None = None) -> int:
    """`python -m tidings.events.agreement FIRST SECOND`: print the agreement as JSON."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        sys.stderr.write("usage: python -m tidings.events.agreement FIRST.jsonl SECOND.jsonl\n")
        return 2
    try:
        result = agreement(args[0], args[1])
    except TidingsError as e:
        sys.stderr.write(f"{e}\n")
        return 1
    sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
