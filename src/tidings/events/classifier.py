"""The event-type classifier for sentences the patterns miss.

A multinomial logistic regression over `wordllama` sentence embeddings (the model ships inside the
package, loaded offline), trained on the NGEC synthetic stories by `tools/train_event_classifier.py`;
its weights live in data/event_classifier.npz and are applied with numpy only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import Errors, ModelError
from .tables import DATA

WEIGHTS = DATA / "event_classifier.npz"
NONE = "NONE"


@lru_cache(maxsize=1)
def load_embedder(dim: int = 256):
    """The wordllama model shipped in the package (no download)."""
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as e:
        raise ModelError(Errors.T701) from e
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=dim)


def embed(texts: list[str], dim: int = 256) -> np.ndarray:
    """Unit-length sentence embeddings."""
    vectors = np.asarray(load_embedder(dim).embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-8)


class EventClassifier:
    """Predicts a PLOVER type (or NONE) with a probability for each sentence."""

    def __init__(self, path: Path = WEIGHTS) -> None:
        try:
            data = np.load(path, allow_pickle=False)
        except OSError as e:
            raise ModelError(Errors.T702.format(path=path)) from e
        self.coef = data["coef"].astype(np.float32)
        self.intercept = data["intercept"].astype(np.float32)
        self.labels = [str(label) for label in data["labels"]]
        self.temperature = float(data["temperature"]) if "temperature" in data else 1.0
        self.dim = int(data["dim"]) if "dim" in data else self.coef.shape[1]

    def probabilities(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        logits = (embed(texts, self.dim) @ self.coef.T + self.intercept) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        probs = self.probabilities(texts)
        best = probs.argmax(axis=1) if len(texts) else []
        return [(self.labels[i], float(probs[row, i])) for row, i in enumerate(best)]


@lru_cache(maxsize=1)
def default_classifier() -> EventClassifier | None:
    """The shipped classifier, or None where its weights or wordllama are missing."""
    try:
        classifier = EventClassifier()
        load_embedder(classifier.dim)
        return classifier
    except ModelError:
        return None
