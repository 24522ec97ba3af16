"""International organisations and armed or political groups, by name, abbreviation and variant spelling:
each a golden row (sentence written for the test -> the mention's CAMEO code)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ROWS = [
    ("The International Labor Office (ILO) urged Israel to ease restrictions.", "International Labor Office",
     "IGOUNOLABILO"),
    ("The ILO said wages fell.", "ILO", "IGOUNOLABILO"),
    ("The FAO warned of famine in Somalia.", "FAO", "IGOUNOAGRFAO"),
    ("OCHA sent staff to Gaza.", "OCHA", "IGOUNOHLH"),
    ("Europol arrested two suspects.", "Europol", "IGOEURCOP"),
    ("Mercosur leaders met in Brasilia.", "Mercosur", "IGOSAMBUS"),
    ("CARICOM condemned the coup in Haiti.", "CARICOM", "IGOCRBBUS"),
    ("The Kurdish Workers Party attacked a post in Hakkari.", "Kurdish Workers Party", "TURREB"),
    ("The ANC won the election.", "ANC", "ZAFPTY"),
    ("The Palestinian Liberation Organization (PLO) rejected the plan.", "Palestinian Liberation Organization",
     "PSEOPP"),
    ("Doctors Without Borders left the camp.", "Doctors Without Borders", "NGOHLHMSF"),
    ("The Arab League met in Cairo.", "Arab League", "IGOMEAARL"),
]


@pytest.mark.parametrize("text,words,code", ROWS, ids=[r[1] for r in ROWS])
def test_organisation_resolved(pipeline, text, words, code):
    from tidings.document import Article

    doc = pipeline(Article(text=text))
    found = {m.text: m.actor.code for m in doc.mentions}
    assert [c for text, c in found.items() if words in text][:1] == [code], found


BODIES = [
    ("The Third World Water Forum said the US must pay more.", "Third World Water Forum", ("organization", None, "NGO")),
    ("The Sudanese Communist Party rejected the deal.", "Sudanese Communist Party", ("organization", "SDN", "PTY")),
    ("Members of the Free Syrian Army fled.", "Free Syrian Army", ("group", "SYR", "REB")),
    ("Kosovar police arrested two men.", "Kosovar police", ("organization", "XKX", "COP")),
]


@pytest.mark.parametrize("text,words,expected", BODIES, ids=[r[1] for r in BODIES])
def test_named_body_not_in_dictionaries(pipeline, text, words, expected):
    """A named party, forum or armed group no dictionary lists is still an actor, of its head noun's sector."""
    from tidings.document import Article

    doc = pipeline(Article(text=text))
    found = [(m.actor.kind, m.actor.country, m.actor.sector) for m in doc.mentions if words in m.text]
    assert found[:1] == [expected], [(m.text, m.actor) for m in doc.mentions]


def test_the_states_own_army_is_not_a_named_group(pipeline):
    from tidings.document import Article

    doc = pipeline(Article(text="The Ukrainian army shelled the town."))
    assert [(m.actor.country, m.actor.sector) for m in doc.mentions] == [("UKR", "MIL")]
