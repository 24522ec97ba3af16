"""Scoring actor mentions against a golden table.

    tidings evaluate actors --format golden tests/golden/actors.tsv

The table (tab-separated, header row) has the columns `file` (the article, relative to the table's
folder or its parents), `published`, `context` (a stretch of the article that holds the mention; its
first occurrence counts; runs of white space match any white space), `text` (the mention, its first
occurrence inside the context), and the expected `name`, `kind`, `country`, `sector` (empty = none).
A row counts as found when a mention overlaps the text; each field is then compared (names without
case, accents or hyphens). Rows with no mention score wrong on every field.

A held-out table (one never to be tuned on) never shows its wrong rows: `wrong` then holds only their
number, under the key `hidden`. A table is held out when its name ends in `heldout` or `held_out`
(`actors_heldout.tsv`), or when a line `# held-out` comes before its header (lines starting with `#`
are comments).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Article, Mention
from ..evaluate import evaluator
from .gazetteer import normalise

FIELDS = ("name", "kind", "country", "sector")


@dataclass(slots=True)
class GoldMention:
    file: str
    published: str | None
    context: str
    text: str
    expected: dict[str, str | None]


HELD_OUT_MARKER = "# held-out"
HELD_OUT_STEMS = ("heldout", "held_out", "held-out")


def _header_comments(path: str | Path) -> list[str]:
    """The lines starting with '#' before a table's header."""
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            if not line.startswith("#"):
                break
            out.append(line.strip())
    return out


def is_held_out(path: str | Path) -> bool:
    """Whether a golden table is held out: named so, or marked by a '# held-out' line before its header."""
    if Path(path).stem.lower().endswith(HELD_OUT_STEMS):
        return True
    return any(line.lower().startswith(HELD_OUT_MARKER) for line in _header_comments(path))


def read_golden(path: str | Path) -> list[GoldMention]:
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))  # comments
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append(GoldMention(
                file=row["file"], published=row.get("published") or None, context=row["context"],
                text=row["text"], expected={k: (row.get(k) or None) for k in FIELDS}))
    return rows


def locate(text: str, context: str, needle: str) -> tuple[int, int]:
    """Character span of `needle` inside the first occurrence of `context` in `text`."""
    def pattern(s: str) -> str:
        return r"\s+".join(re.escape(part) for part in s.split())

    found = re.search(pattern(context), text)
    if found is None:
        raise ValueError(f"context not found: {context!r}")
    inner = re.search(r"(?<!\w)" + pattern(needle) + r"(?!\w)", text[found.start():found.end()])  # "he", not "when"
    if inner is None:
        raise ValueError(f"{needle!r} not in context {context!r}")
    return found.start() + inner.start(), found.start() + inner.end()


def find_mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention that stands for start..end: the same span, else one inside it, else one around it."""
    best, best_key = None, None
    for m in mentions:
        if m.end <= start or m.start >= end:
            continue
        exact = m.start == start and m.end == end
        inside = start <= m.start and m.end <= end
        key = (exact, inside, -abs((m.end - m.start) - (end - start)))
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best


def _same(field: str, got: str | None, want: str | None) -> bool:
    if field == "name":
        return normalise(got or "") == normalise(want or "")
    return (got or None) == (want or None)


def _resolve(path: Path, name: str) -> Path:
    for folder in (path.parent, *path.parents, Path.cwd()):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(name)


@evaluator("actors", "golden")
def evaluate_golden(path: str | Path, *, pipeline: Any, limit: int | None = None) -> dict[str, Any]:
    """Accuracy of name, kind, country and sector (and all four) on a golden table of mentions."""
    path = Path(path)
    gold = read_golden(path)
    if limit:
        gold = gold[:limit]
    by_file: dict[tuple[str, str | None], list[GoldMention]] = {}
    for g in gold:
        by_file.setdefault((g.file, g.published), []).append(g)
    correct = dict.fromkeys((*FIELDS, "all"), 0)
    found = 0
    errors: list[str] = []
    for (file, published), rows in by_file.items():
        text = _resolve(path, file).read_text(encoding="utf-8")
        doc = pipeline(Article(text=text, origin=file, published=published))
        for g in rows:
            start, end = locate(text, g.context, g.text)
            m = find_mention(doc.mentions, start, end)
            got = m.actor.to_dict() if m is not None else {}
            if m is not None:
                found += 1
            ok_all = m is not None
            for field in FIELDS:
                ok = m is not None and _same(field, got.get(field), g.expected[field])
                correct[field] += ok
                ok_all = ok_all and ok
            correct["all"] += ok_all
            if not ok_all:
                errors.append(f"{Path(file).name}: {g.text!r} want {tuple(g.expected.values())} got "
                              f"{tuple(got.get(f) for f in FIELDS) if m else 'no mention'}")
    n = len(gold)
    scores: dict[str, Any] = {"title": f"actors golden ({n} mentions)", "mentions": n,
                              "found": round(found / n, 4) if n else 0.0}
    scores["accuracy"] = {k: round(v / n, 4) if n else 0.0 for k, v in correct.items()}
    if is_held_out(path):  # never show what a held-out table's wrong rows are
        scores["wrong"] = {"hidden": len(errors)}
    else:
        scores["wrong"] = {f"{i:03d}": e for i, e in enumerate(errors, start=1)}
    return scores
