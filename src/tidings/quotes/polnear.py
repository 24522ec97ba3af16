"""Reading PolNeAR (brat standoff attribution relations) and scoring quotes against it.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) marks each attribution in political news
as Source, Cue and Content spans joined by an `E` relation. A folder holds `text/NAME.txt`
and `attributions/NAME_ANNOTATOR.ann`; where several annotators did an article, the first
annotator in sorted order is used.

The protocol (issue 4): gold attributions and predicted quotes are matched one to one
where the shared characters cover more than 30% of the gold content (also more than 80%,
and exact after trimming blanks, quotation marks and punctuation at both ends); a speaker
is correct where the predicted speaker mention overlaps the gold source span (for an
attribution without a source, where no speaker is predicted either).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Quote
from ..evaluate import prf
from .marks import ALL_MARKS

THRESHOLDS = {"30": 0.3, "80": 0.8, "exact": None}
_TRIM = ALL_MARKS + " \t\n.,;:!?'‘’()[]—–-"


@dataclass(slots=True)
class GoldAttribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""

    @property
    def quoted(self) -> bool:
        return any(mark in self.text for mark in "“”\"«»")

    @property
    def span(self) -> tuple[int, int]:
        return min(s for s, _ in self.content), max(e for _, e in self.content)


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]
    published: str | None = None


def _fragments(field_text: str) -> list[tuple[int, int]]:
    out = []
    for piece in field_text.split(";"):
        start, end = piece.split()
        out.append((int(start), int(end)))
    return out


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one brat `.ann` file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _fragments(offsets))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles = dict(item.split(":", 1) for item in parts[1].split() if ":" in item)
            relations.append(roles)
    found = []
    for roles in relations:
        content: list[tuple[int, int]] = []
        for role in ("Content", "Content2"):
            if role in roles and roles[role] in spans:
                content.extend(spans[roles[role]][1])
        if not content:
            continue
        source = spans[roles["Source"]][1] if roles.get("Source") in spans else []
        cue = spans[roles["Cue"]][1] if roles.get("Cue") in spans else []
        content.sort()
        found.append(GoldAttribution(content=content, source=source, cue=cue,
                                     text=" ".join(text[s:e] for s, e in content)))
    return found


def read_folder(path: str | Path, *, limit: int | None = None) -> Iterator[GoldArticle]:
    """The articles of a PolNeAR split folder (`.../data/dev`), or of `.../data` (its `dev` split)."""
    root = Path(path)
    if not (root / "text").is_dir() and (root / "data").is_dir():
        root = root / "data"
    if not (root / "text").is_dir() and (root / "dev").is_dir():
        root = root / "dev"
    texts = sorted((root / "text").glob("*.txt"))
    if limit is not None:
        texts = texts[:limit]
    for text_path in texts:
        anns = sorted((root / "attributions").glob(text_path.stem + "_*.ann"))
        anns = [a for a in anns if a.stem.rsplit("_", 1)[0] == text_path.stem]
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        published = text_path.stem.split("_")[1] if text_path.stem.count("_") >= 2 else None
        yield GoldArticle(name=text_path.stem, text=text, attributions=read_ann(anns[0], text),
                          published=published)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _covered(gold: GoldAttribution, start: int, end: int) -> float:
    total = sum(e - s for s, e in gold.content) or 1
    shared = sum(max(0, min(e, end) - max(s, start)) for s, e in gold.content)
    return shared / total


def _speaker_ok(gold: GoldAttribution, quote: Quote) -> bool:
    if not gold.source:
        return quote.speaker is None
    if quote.speaker is None:
        return False
    return any(quote.speaker.start < e and s < quote.speaker.end for s, e in gold.source)


def match(text: str, gold: list[GoldAttribution], predicted: list[Quote],
          threshold: float | None) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best overlap first."""
    pairs = []
    for g, attribution in enumerate(gold):
        g_span = _trimmed(text, *attribution.span)
        for p, quote in enumerate(predicted):
            if threshold is None:
                if _trimmed(text, quote.start, quote.end) == g_span:
                    pairs.append((1.0, g, p))
                continue
            covered = _covered(attribution, quote.start, quote.end)
            if covered > threshold:
                pairs.append((covered, g, p))
    pairs.sort(key=lambda item: -item[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        out.append((g, p))
    return out


class Tally:
    """Counts for one threshold, overall and for attributions holding quotation marks."""

    def __init__(self) -> None:
        self.counts = {scope: {"gold": 0, "pred": 0, "tp": 0, "speaker": 0} for scope in ("all", "quoted")}

    def add(self, text: str, gold: list[GoldAttribution], predicted: list[Quote],
            threshold: float | None) -> None:
        pairs = match(text, gold, predicted, threshold)
        matched_p = {p: g for g, p in pairs}
        for scope in ("all", "quoted"):
            in_gold = [g.quoted or scope == "all" for g in gold]
            counts = self.counts[scope]
            counts["gold"] += sum(in_gold)
            for p, quote in enumerate(predicted):
                if p in matched_p:
                    counts["pred"] += in_gold[matched_p[p]]
                elif scope == "all" or quote.kind != "indirect":
                    counts["pred"] += 1
            for g, p in pairs:
                if in_gold[g]:
                    counts["tp"] += 1
                    counts["speaker"] += _speaker_ok(gold[g], predicted[p])

    def scores(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for scope, c in self.counts.items():
            out[scope] = {
                "quote": prf(c["tp"], c["pred"], c["gold"]),
                "speaker_accuracy": round(c["speaker"] / c["tp"], 4) if c["tp"] else 0.0,
                "joint": prf(c["speaker"], c["pred"], c["gold"]),
                "gold": c["gold"],
                "predicted": c["pred"],
            }
        return out


def univocal(quotes: list[Quote]) -> list[Quote]:
    """The quotes PolNeAR's scheme can hold: each token in at most one attribution.

    PolNeAR annotates a nested report ("CNN reported that the ministry said X") as one
    attribution whose content holds the inner one, so a quote whose cue lies inside another
    quote's content is left out here; tidings itself keeps it, with the outer speaker in `via`.
    """
    return [q for q in quotes
            if not (q.cue and any(o is not q and o.start <= q.cue.start < o.end for o in quotes))]


def score(pairs: Iterable[tuple[GoldArticle, list[Quote]]]) -> dict[str, Any]:
    """Scores at every threshold for (gold article, predicted quotes) pairs."""
    tallies = {name: Tally() for name in THRESHOLDS}
    articles = 0
    for article, predicted in pairs:
        articles += 1
        for name, threshold in THRESHOLDS.items():
            tallies[name].add(article.text, article.attributions, predicted, threshold)
    out: dict[str, Any] = {"title": "quotes vs PolNeAR", "articles": articles}
    for name, tally in tallies.items():
        out[f"overlap_{name}"] = tally.scores()
    return out
