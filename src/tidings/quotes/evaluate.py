"""`tidings evaluate quotes --format polnear DIR`: quotes scored against PolNeAR."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Any

from ..document import Article
from ..evaluate import evaluator

# Stages that quotes do not need: skipped while scoring, for speed.
NOT_NEEDED = ("tidings_events",)


@evaluator("quotes", "polnear")
def evaluate_polnear(path: str | Path, *, pipeline: Any, limit: int | None = None) -> dict[str, Any]:
    """Score the pipeline's quotes on a PolNeAR split folder (`data/dev`; develop on `data/train`).

    Prints quote precision/recall/F1 at >30%, >80% and exact overlap of the gold content,
    speaker accuracy on matched quotes and joint F1, overall and for attributions whose
    content holds a quotation mark.
    """
    from .polnear import read_folder, score, univocal  # here, not above: polnear imports tidings.evaluate

    gold = list(read_folder(path, limit=limit))
    articles = [Article(text=g.text, origin=g.name, published=g.published) for g in gold]
    nlp = getattr(pipeline, "nlp", None)
    skip = [name for name in NOT_NEEDED if nlp is not None and name in nlp.pipe_names]
    with nlp.select_pipes(disable=skip) if nlp is not None and skip else nullcontext():
        documents = list(pipeline.pipe(articles))
    result = score((g, univocal(d.quotes)) for g, d in zip(gold, documents))
    result["path"] = str(path)
    result["note"] = "nested quotes (cue inside another quote's content) left out, as PolNeAR is univocal"
    return result
