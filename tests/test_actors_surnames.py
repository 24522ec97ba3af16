"""Names the tagger mislabels: a surname again where it saw no name ("Trump" as a common noun), a
nationality word used as a language ("in French and English")."""

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


@pytest.mark.parametrize("text", [
    'She told a guard at the door, in French and English, "they raped me".',
    "The statement was published in Arabic and English.",
])
def test_languages_are_not_peoples(pipeline, text):
    doc = pipeline(Article(text=text, published="2019-02-01"))
    assert not [m for m in doc.mentions if m.actor.country], [(m.text, m.how) for m in doc.mentions]


def test_peoples_stay_peoples(pipeline):
    doc = pipeline(Article(text="The French and English teams met in Germany.", published="2019-02-01"))
    assert {m.actor.country for m in doc.mentions} >= {"FRA", "GBR"}
