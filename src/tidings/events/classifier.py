"""The event-type classifier for sentences the patterns miss.

A multinomial logistic regression over two kinds of features of a parsed sentence:

- `wordllama` embeddings (the model ships inside the package, loaded offline) of the sentence and of
  its predicate (see `predicate_text`);
- a hashed bag of words from the parse (see `lexical_terms`): the lemma of the main verb (the verb
  under "said" in reported speech), its objects, particles, open complements ("urged ... to withdraw"),
  prepositional objects, light verb + noun pairs ("launch attack", "hold talks"), negation and modals,
  and the sentence's content lemmas. They are hashed with CRC-32 into a fixed number of buckets, so
  no vocabulary is stored.

It is trained on the NGEC synthetic stories, definitions from the PLOVER codebook, real sentences
that report no event and real political sentences labelled by the stage's own patterns, by
`tools/train_event_classifier.py`; its weights live in data/event_classifier.npz (numpy arrays only,
read without pickle) and are applied with numpy. A model may be trained on its predicate alone (the
npz's `sentence` and `words` flags: no whole-sentence embedding, no content words of the sentence).
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import Errors, ModelError
from .reporting import REPORTING
from .tables import DATA

WEIGHTS = DATA / "event_classifier.npz"
NONE = "NONE"
ENTITY_TYPES = frozenset({"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"})


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


def main_verb(sentence):
    """The sentence's root, or in "X said (that) Y ..." the verb of what was said."""
    root = sentence.root
    if root.lemma_.lower() in REPORTING:
        said = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")),
                    None)
        if said is not None:
            return said
    return root


def _lemma(token) -> str:
    return token.lemma_.lower()


def _content(token) -> bool:
    return token.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and token.ent_type_ not in ENTITY_TYPES \
        and token.is_alpha and not token.is_stop


def lexical_terms(sentence, *, words: bool = True) -> list[str]:
    """Cheap words-and-relations features of a parsed sentence (strings to be hashed); `words`: also the
    sentence's content lemmas (w:...), not only those of its predicate."""
    verb = main_verb(sentence)
    v = _lemma(verb)
    terms = [f"v:{v}"]
    # the sentence's root, also where it is the main verb (the weights were trained with it always there)
    terms.append(f"r:{_lemma(sentence.root)}")
    for child in verb.children:
        dep = child.dep_
        c = _lemma(child)
        if dep in ("dobj", "attr", "oprd", "nsubjpass"):
            if child.ent_type_ not in ENTITY_TYPES:
                terms += [f"o:{c}", f"vo:{v}_{c}"]
        elif dep == "prt":
            terms.append(f"vp:{v}_{c}")
        elif dep in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            terms += [f"x:{c}", f"vx:{v}_{c}"]
            for grand in child.children:
                if grand.dep_ in ("dobj", "attr") and grand.ent_type_ not in ENTITY_TYPES:
                    terms.append(f"xo:{c}_{_lemma(grand)}")
                elif grand.dep_ == "prep":
                    terms.append(f"xp:{c}_{_lemma(grand)}")
        elif dep == "prep":
            terms.append(f"p:{v}_{c}")
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ENTITY_TYPES:
                    terms.append(f"po:{c}_{_lemma(pobj)}")
        elif dep == "neg":
            terms.append("neg")
        elif dep == "aux" and child.tag_ == "MD":
            terms.append(f"md:{c}")
        elif dep == "auxpass":
            terms.append("pass")
    if words:
        terms.extend(f"w:{_lemma(t)}" for t in sentence if _content(t))
    return terms


def hashed(terms: list[str], buckets: int) -> np.ndarray:
    """Bucket numbers of feature strings (CRC-32, stable across runs and platforms)."""
    return np.fromiter((zlib.crc32(t.encode("utf-8")) % buckets for t in dict.fromkeys(terms)), dtype=np.int64)


def features(sentences: list, dim: int = 256, *, sentence: bool = True) -> np.ndarray:
    """Sentence embedding beside the embedding of its predicate (see `predicate_text`); zeros in place of
    the sentence's where `sentence` is False (a model of the predicate alone)."""
    predicates = embed([predicate_text(s) for s in sentences], dim)
    whole = embed([s.text for s in sentences], dim) if sentence else np.zeros_like(predicates)
    return np.hstack([whole, predicates])


class EventClassifier:
    """Predicts a PLOVER type (or NONE) with a probability for each sentence."""

    def __init__(self, path: Path = WEIGHTS) -> None:
        try:
            data = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as e:
            raise ModelError(Errors.T702.format(path=path)) from e
        self.coef = data["coef"].astype(np.float32)
        self.intercept = data["intercept"].astype(np.float32)
        self.labels = [str(label) for label in data["labels"]]
        self.temperature = float(data["temperature"]) if "temperature" in data else 1.0
        self.dim = int(data["dim"]) if "dim" in data else self.coef.shape[1] // 2
        # weights of the hashed lexical features (classes x buckets), and their scale
        self.lexical = data["lexical"].astype(np.float32) if "lexical" in data else None
        self.lexical_scale = float(data["lexical_scale"]) if "lexical_scale" in data else 1.0
        # which features the model was trained with: the whole sentence's embedding and content words
        self.sentence = bool(data["sentence"]) if "sentence" in data else True
        self.words = bool(data["words"]) if "words" in data else True

    def logits(self, sentences: list) -> np.ndarray:
        out = features(sentences, self.dim, sentence=self.sentence) @ self.coef.T + self.intercept
        if self.lexical is not None:
            buckets = self.lexical.shape[1]
            for row, sentence in enumerate(sentences):
                terms = lexical_terms(sentence, words=self.words)
                out[row] += self.lexical[:, hashed(terms, buckets)].sum(axis=1) * self.lexical_scale
        return out

    def evidence(self, sentence, label: str, n: int = 3) -> list[str]:
        """The words of the sentence's lexical terms that weigh most for `label` (for explanations):
        "launch attack" for the term vo:launch_attack."""
        if self.lexical is None or label not in self.labels:
            return []
        row = self.lexical[self.labels.index(label)]
        terms = list(dict.fromkeys(lexical_terms(sentence, words=self.words)))
        weights = row[hashed(terms, self.lexical.shape[1])]
        ranked = sorted(zip(weights.tolist(), terms), key=lambda pair: -pair[0])
        return [term.split(":", 1)[-1].replace("_", " ") for weight, term in ranked[:n] if weight > 0]

    def probabilities(self, sentences: list) -> np.ndarray:
        """Class probabilities for parsed sentences (spaCy spans)."""
        if not sentences:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        logits = self.logits(sentences) / self.temperature
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
