"""The actors component on spaCy's blank English pipeline: the gazetteer alone, no model needed."""

from __future__ import annotations

import pytest
import spacy

from tidings.actors import component  # noqa: F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("tidings_actors")
    return nlp


def _codes(nlp, text):
    return [(m.text, m.actor.to_dict()["code"]) for m in nlp(text)._.tidings_mentions]


def test_states_adjectives_seats_and_organisations(nlp):
    got = _codes(nlp, "China, the Kremlin, NATO, the West and CNN: Chinese, Ukrainians, Beijing, Hamas.")
    assert got == [("China", "CHN"), ("the Kremlin", "RUSGOV"), ("NATO", "IGOWSTNAT"), ("the West", "WST"),
                   ("CNN", "USAMED"), ("Chinese", "CHN"), ("Ukrainians", "UKR"), ("Beijing", "CHNGOV"),
                   ("Hamas", "PSEREB")]


@pytest.mark.parametrize("text, expected", [
    ("Let us talk.", []),  # "us" is not the US
    ("The US and the UK agreed.", [("US", "USA"), ("UK", "GBR")]),
    ("Who said so? The WHO did.", [("WHO", "IGOUNOHLHWHO")]),
    ("china plates and turkey dinners", []),  # lower case words are no states
    ("CHINA AND RUSSIA", [("CHINA", "CHN"), ("RUSSIA", "RUS")]),
])
def test_case_decides_between_names_and_words(nlp, text, expected):
    assert _codes(nlp, text) == expected


def test_boilerplate_is_skipped(nlp):
    text = "Russia spoke.\nAlso Read | China and Ukraine talk\nUkraine answered."
    doc = nlp.make_doc(text)
    doc._.tidings_boilerplate = [(text.index("Also"), text.index("talk") + 4)]
    doc = nlp.get_pipe("tidings_actors")(doc)
    assert [m.text for m in doc._.tidings_mentions] == ["Russia", "Ukraine"]
