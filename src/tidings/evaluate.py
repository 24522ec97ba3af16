"""Scoring against gold sets: a registry of evaluators by (task, format).

Each evaluator is `fn(path, *, pipeline, limit) -> dict` of scores; the stage that
owns the task registers it (see `quotes/evaluate.py`, `events/evaluate.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table

Evaluator = Callable[..., dict[str, Any]]
EVALUATORS: dict[tuple[str, str], Evaluator] = {}


def evaluator(task: str, fmt: str) -> Callable[[Evaluator], Evaluator]:
    def register(fn: Evaluator) -> Evaluator:
        EVALUATORS[(task, fmt)] = fn
        return fn

    return register


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from true positives and the sizes of both sides."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def show_scores(console: Console, scores: dict[str, Any], prefix: str = "") -> None:
    table = Table(title=scores.get("title", "scores"), show_header=False)
    table.add_column("measure")
    table.add_column("value", justify="right")

    def walk(obj: Any, path: str) -> None:
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key != "title":
                    walk(value, f"{path}.{key}" if path else key)
        else:
            table.add_row(path, str(obj))

    walk(scores, prefix)
    console.print(table)


def _load_evaluators() -> None:
    # Importing the stages' evaluate modules registers them.
    for module in ("tidings.actors.evaluate", "tidings.quotes.evaluate", "tidings.events.evaluate"):
        try:
            __import__(module)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise


_load_evaluators()
