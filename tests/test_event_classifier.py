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


@pytest.mark.model
def test_lexical_terms_of_the_predicate_alone(nlp):
    sentence = _sentence(nlp, "The rebels launched an attack on the army base near the border.")
    terms = lexical_terms(sentence, words=False)
    assert "vo:launch_attack" in terms and not any(t.startswith("w:") for t in terms)
    assert set(terms) < set(lexical_terms(sentence))


def _trainer():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "train_event_classifier.py"
    spec = importlib.util.spec_from_file_location("train_event_classifier", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mined_line(article, text, label, *, verb="attack", residual=False, trigger=("attack",)):
    import json

    terms = [f"v:{verb}", f"r:{verb}", "w:army"]
    return json.dumps({"article": article, "text": text, "label": label, "any_event": label is not None,
                       "residual": residual, "verb": verb, "terms": terms, "predicate": f"{verb} base",
                       "trigger": list(trigger), "masked_terms": [t for t in terms if verb not in t],
                       "masked_text": text.replace(verb, "").replace("  ", " "), "masked_predicate": "base"})


def test_mined_examples_are_deterministic_and_never_gold(tmp_path):
    import json
    import random
    from pathlib import Path

    trainer = _trainer()
    gold_url = json.loads((Path(__file__).resolve().parents[1] / "tests" / "golden" /
                           "wikinews_events.jsonl").read_text(encoding="utf-8").splitlines()[1])["url"]
    gold_id = "wn-" + gold_url.rsplit("/", 1)[-1][:60]
    assert gold_id in trainer.wikinews_gold_ids()
    lines = [_mined_line("abp-1", "The rebels attack the army base.", "ASSAULT"),
             _mined_line("abp-1", "The rebels are angry about the army.", None, verb="be", residual=True),
             _mined_line("abp-2", "The army has a base near the town.", None, verb="have", residual=True),
             _mined_line(gold_id, "The rebels attack the army base again.", "ASSAULT")]
    path = tmp_path / "mined.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def mine():
        return trainer.mined_examples(path, masked="add", none_per_article=3, residual_per_article=0,
                                      rng=random.Random(13))

    first = mine()
    assert first == mine()
    assert not any(ex["group"] == f"mined-{gold_id}" for ex in first)  # a gold article never trains
    kinds = sorted((ex["kind"], ex["label"]) for ex in first)
    assert kinds == [("silver", "ASSAULT"), ("silver-masked", "ASSAULT"), ("silver-none", NONE),
                     ("silver-none", NONE)]
    masked = next(ex for ex in first if ex["kind"] == "silver-masked")
    assert "attack" not in masked["text"] and "v:attack" not in masked["terms"]


def test_training_is_deterministic():
    pytest.importorskip("sklearn")
    trainer = _trainer()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 8))
    y = np.repeat([0, 1, 2], 20)
    x[y == 1, 0] += 2
    x[y == 2, 1] += 2
    a, b = trainer.fit(x, y, c=0.5), trainer.fit(x, y, c=0.5)
    assert np.array_equal(a.coef_, b.coef_) and np.array_equal(a.intercept_, b.intercept_)
    assert (a.predict(x) == y).mean() > 0.6
    assert trainer.fit_temperature(x @ a.coef_.T + a.intercept_, y) == trainer.fit_temperature(
        x @ b.coef_.T + b.intercept_, y)


@pytest.mark.model
def test_mining_labels_a_sentence_by_its_pattern_and_masks_the_trigger(pipeline):
    import importlib.util
    from pathlib import Path

    from tidings.document import Article

    path = Path(__file__).resolve().parents[1] / "tools" / "mine_event_examples.py"
    spec = importlib.util.spec_from_file_location("mine_event_examples", path)
    miner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(miner)
    component = pipeline.nlp.get_pipe("tidings_events")
    saved = component.use_classifier
    component.use_classifier = False
    try:
        text = ("Russian troops attacked the Ukrainian city of Kharkiv on Monday. "
                "The weather in Moscow was cold and wet all week long.")
        doc = pipeline.nlp(pipeline.make_doc(Article(text=text, published="2022-03-02")))
    finally:
        component.use_classifier = saved
    attack, weather = miner.sentence_records(doc, "a1")
    assert attack["label"] == "ASSAULT" and attack["trigger"] == ["attack"]
    assert "attacked" not in attack["masked_text"] and "Kharkiv" in attack["masked_text"]
    assert not any("attack" in t for t in attack["masked_terms"]) and "v:attack" in attack["terms"]
    assert weather["label"] is None and weather["verb"] == "be"
