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


PREDICATE_DEPS = frozenset({"dobj", "prt", "xcomp", "ccomp", "acomp", "attr", "oprd", "prep", "pobj", "neg"})


def predicate_text(sentence) -> str:
    """The words that name what happens in a sentence: its main verb with particles, objects and
    complements, two levels deep ("urged ... to withdraw troops"); actors' names left out."""
    root = sentence.root
    words = [root.lemma_.lower()]
    frontier = [root]
    for _ in range(2):
        nxt = []
        for token in frontier:
            for child in token.children:
                if child.dep_ in PREDICATE_DEPS and child.ent_type_ not in ("GPE", "NORP", "PERSON", "ORG"):
                    words.append(child.lemma_.lower())
                    nxt.append(child)
        frontier = nxt
    return " ".join(words)


def features(sentences: list, dim: int = 256) -> np.ndarray:
    """Sentence embedding beside the embedding of its predicate (see `predicate_text`)."""
    texts = [s.text for s in sentences]
    predicates = [predicate_text(s) for s in sentences]
    return np.hstack([embed(texts, dim), embed(predicates, dim)])


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
        self.dim = int(data["dim"]) if "dim" in data else self.coef.shape[1] // 2

    def probabilities(self, sentences: list) -> np.ndarray:
        """Class probabilities for parsed sentences (spaCy spans)."""
        if not sentences:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        logits = (features(sentences, self.dim) @ self.coef.T + self.intercept) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, sentences: list) -> list[tuple[str, float]]:
        probs = self.probabilities(sentences)
        best = probs.argmax(axis=1) if len(sentences) else []
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
