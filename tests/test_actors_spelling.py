"""Country names one typing slip away ("Ethopia") are still read as the country; real words are not."""

from __future__ import annotations

import pytest

from tidings.actors.gazetteer import load_builtin
from tidings.actors.names import one_edit
from tidings.actors.resolve import _near, _near_index


@pytest.fixture(scope="module")
def index():
    return _near_index(load_builtin().entries)


@pytest.mark.parametrize("word,country", [("ethopia", "ETH"), ("afganistan", "AFG"), ("tanzaina", "TZA"),
                                          ("pakistn", "PAK"), ("bangladsh", "BGD")])
def test_slips_found(index, word, country):
    entry = _near(index, word)
    assert entry is not None and entry.actor.country == country


@pytest.mark.parametrize("word", ["ethiopia", "brazil", "ukrainian", "monday", "sweeden2", "canadas x"])
def test_names_and_other_words_left_alone(index, word):
    entry = _near(index, word)
    assert entry is None


def test_one_edit():
    assert one_edit("ethopia", "ethiopia") and one_edit("tanzaina", "tanzania")
    assert not one_edit("etiopa", "ethiopia") and not one_edit("austria", "australia")
