"""Events against the PLOVER gold standard record: a floor under the scores (issue 5)."""

from __future__ import annotations

import pytest

from tidings.events.evaluate import OLD_TYPES, read_gsr

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def gsr_path(shared_data):
    return shared_data / "events" / "plover" / "PLOVER_GSR_CAMEO.txt"


def test_read_gsr_maps_old_types(gsr_path):
    gold = read_gsr(gsr_path)
    assert len(gold) == 322
    assert not {r["type"] for r in gold} & set(OLD_TYPES)
    joint = next(r for r in gold if r["id"] == "PLOVER-GSR01-AGREE-0001")
    assert joint["triples"] == {("AGREE", "HUN", "ROU"), ("AGREE", "ROU", "HUN")}


def test_plover_gsr_scores(pipeline, gsr_path):
    from tidings.events.evaluate import evaluate_plover_gsr

    scores = evaluate_plover_gsr(gsr_path, pipeline=pipeline)
    assert scores["records"] == 322
    assert scores["type_source"]["f1"] >= 0.72
    assert scores["type_accuracy"] >= 0.73
    assert scores["source_country_accuracy"] >= 0.9
    assert scores["patterns_only"]["type_source"]["f1"] >= 0.72
    assert set(scores["classifier_only"]) >= {"type_source", "type_source_target"}
