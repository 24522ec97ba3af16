"""Where the benchmarks find the shared corpora, and the AllSides articles they read.

`python benchmarks/<script>.py` puts this folder first on the import path, so the scripts `import corpus`.
The data lie in ../shared/data beside the project, or where TIDINGS_SHARED_DATA says.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from tidings.document import Article


def shared() -> Path:
    root = os.environ.get("TIDINGS_SHARED_DATA")
    return Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"


def allsides(start: int, stop: int) -> list[Article]:
    """AllSides international-politics articles at lines `start` to `stop` (0-based, `stop` excluded), with their
    dates; origin "allsides:<line>"."""
    out = []
    path = shared() / "corpora" / "text" / "allsides_abp" / "abp_international_politics.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= stop:
                break
            if i >= start:
                record = json.loads(line)
                out.append(Article(text=record.get("content_original") or "", origin=f"allsides:{i}",
                                   published=(record.get("date") or "")[:10] or None))
    return out
