"""A person's surname again where the tagger saw no name at all ("Trump" tagged a common noun)."""

from __future__ import annotations

import pytest

from tidings.document import Article

pytestmark = pytest.mark.model

TEXT = ("On Tuesday, United States President Donald Trump issued seven pardons. "
        "Trump granted Angela Stanton a full pardon.")


def test_untagged_surname_of_an_earlier_person(pipeline):
    doc = pipeline(Article(text=TEXT, published="2020-02-19"))
    second = TEXT.index("Trump granted")
    found = [m for m in doc.mentions if m.start == second]
    assert [(m.text, m.actor.name, m.actor.country) for m in found] == [("Trump", "Donald Trump", "USA")], \
        [(m.text, m.start, m.how) for m in doc.mentions]
    assert "not tagged a name" in found[0].how


def test_no_surname_without_an_earlier_person(pipeline):
    doc = pipeline(Article(text="Trump cards were played. The game ended.", published="2020-02-19"))
    assert not [m for m in doc.mentions if m.actor.kind == "person"]
