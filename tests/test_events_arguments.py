"""Events: who demands of whom in "X said Y must ..." (see `coding._must_arguments`)."""

from __future__ import annotations

import pytest

from tidings.document import Article

pytestmark = pytest.mark.model


def test_must_of_another_state_is_a_demand(pipeline):
    doc = pipeline(Article(text="Japan said North Korea must stop its missile launches.", published="2023-05-10"))
    assert [(e.source.actor.country, e.target.actor.country) for e in doc.events if e.type == "REQUEST"] == \
        [("JPN", "PRK")]


@pytest.mark.parametrize("text", [
    "Johnson has repeatedly stated that Britain must leave by that date with or without a deal.",
    "The French president said France must defend its interests.",
])
def test_must_of_ones_own_state_is_no_demand(pipeline, text):
    doc = pipeline(Article(text=text, published="2019-09-10"))
    assert not [e for e in doc.events if e.type == "REQUEST"], [e.explanation for e in doc.events]
