"""The events stage's sentence classifier (issue 5): weights load without pickle, clear sentences get
their PLOVER type, background sentences NONE, and the lexical features come from the parse."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from tidings.events.classifier import NONE, WEIGHTS, EventClassifier, hashed, lexical_terms, main_verb


def test_weights_are_plain_arrays():
    data = np.load(WEIGHTS, allow_pickle=False)  # raises on any pickled object
    labels = [str(label) for label in data["labels"]]
    assert NONE in labels and len(labels) == 17
    assert data["coef"].shape[0] == len(labels) == data["intercept"].shape[0]
    assert data["lexical"].shape[0] == len(labels)
    assert 0.2 < float(data["temperature"]) < 5


def test_hashing_is_stable():
    # CRC-32 buckets: the same on every run and machine (Python's hash() is salted per process)
    assert hashed(["v:attack", "o:talks", "v:attack"], 2 ** 14).tolist() == [
        zlib.crc32(b"v:attack") % 2 ** 14, zlib.crc32(b"o:talks") % 2 ** 14]


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="module")
def classifier():
    return EventClassifier()


def _sentence(nlp, text):
    return next(iter(nlp(text).sents))


@pytest.mark.model
def test_lexical_terms_follow_the_parse(nlp):
    terms = lexical_terms(_sentence(nlp, "The rebels launched an attack on the army base near the border."))
    assert "v:launch" in terms and "vo:launch_attack" in terms
    said = _sentence(nlp, "The minister said the government would expel the ambassador.")
    assert main_verb(said).lemma_ == "expel"
    assert "r:say" in lexical_terms(said) and "md:would" in lexical_terms(said)


CLEAR = [
    ("Troops opened fire on demonstrators in the capital, killing twelve people.", "ASSAULT"),
    ("Thousands of workers marched through the city to protest against the new labour law.", "PROTEST"),
    ("Police arrested dozens of opposition activists overnight.", "COERCE"),
    ("The foreign minister urged Washington to lift the blockade.", "REQUEST"),
    ("The president threatened to cut off gas supplies if the debt was not paid.", "THREATEN"),
    ("Japan will send 50 million dollars in emergency relief to the flood victims.", "AID"),
    ("The army pulled its troops out of the disputed region.", "RETREAT"),
    ("The prime minister flew to Berlin for talks with the chancellor.", "CONSULT"),
    ("The opposition leader accused the ruling party of rigging the election.", "ACCUSE"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,expected", CLEAR)
def test_clear_sentences(nlp, classifier, text, expected):
    label, prob = classifier.predict([_sentence(nlp, text)])[0]
    assert label == expected, (label, prob)


BACKGROUND = [
    "The country has a population of about 40 million people, most of them farmers.",
    "The striker scored twice in the second half as the home side won the cup final.",
    "Inflation remains high and the currency is worth about half what it was last year.",
    "Doctors recommend at least seven hours of sleep a night for adults.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", BACKGROUND)
def test_background_sentences_are_none(nlp, classifier, text):
    label, prob = classifier.predict([_sentence(nlp, text)])[0]
    assert label == NONE or prob < 0.5, (label, prob)


@pytest.mark.model
def test_probabilities_are_distributions(nlp, classifier):
    sentences = [_sentence(nlp, text) for text, _ in CLEAR[:3]]
    probs = classifier.probabilities(sentences)
    assert probs.shape == (3, len(classifier.labels))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert classifier.probabilities([]).shape == (0, len(classifier.labels))


@pytest.mark.model
def test_evidence_names_the_words(nlp, classifier):
    sentence = _sentence(nlp, "Thousands of workers marched through the city to protest against the new labour law.")
    words = classifier.evidence(sentence, "PROTEST")
    assert words and all(":" not in w for w in words)
    assert any(w.split()[0] in ("march", "protest", "worker", "thousand") for w in words), words
