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
