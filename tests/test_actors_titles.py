"""A name right after a title only people hold is a person, whatever the recogniser called it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ROWS = [
    # the small model tags "Moody Awori" as an organisation here
    ("Vice-President Moody Awori has declined to resign.", "2005-01-01", "Moody Awori", ("person", "KEN", "GOV")),
    ("President Joe Biden met Xi.", "2023-05-10", "Joe Biden", ("person", "USA", "GOV")),
]


@pytest.mark.parametrize("text,published,words,expected", ROWS, ids=[r[2] for r in ROWS])
def test_titled_name_is_a_person(pipeline, text, published, words, expected):
    from tidings.document import Article

    doc = pipeline(Article(text=text, published=published))
    found = [(m.actor.kind, m.actor.country, m.actor.sector) for m in doc.mentions if words in m.text]
    assert found[:1] == [expected], [(m.text, m.actor) for m in doc.mentions]


def test_a_company_named_like_a_title_is_not_a_person(pipeline):
    from tidings.document import Article

    doc = pipeline(Article(text="General Motors cut jobs."))
    assert not [m for m in doc.mentions if m.actor.kind == "person"]
