"""Events: golden sentences (tests/golden/events_sentences.tsv) and the seed article (issue 5)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import need, shared_data_dir

from tidings.document import Article
from tidings.events.evaluate import actor_key

pytestmark = pytest.mark.model

GOLDEN = Path(__file__).parent / "golden" / "events_sentences.tsv"


def _golden_rows() -> list[dict[str, str]]:
    with open(GOLDEN, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    header = ["name", "published", "text", "type", "source", "target", "negated", "modality", "cameo", "mode",
              "date", "location"]
    return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in lines]


def _matches(event, row) -> bool:
    target = actor_key(event.target.actor) if event.target else None
    return (event.type == row["type"] and actor_key(event.source.actor) == (None if row["source"] == "-" else row["source"])
            and (row["target"] == "*" or target == (None if row["target"] == "-" else row["target"])))


@pytest.mark.parametrize("row", _golden_rows(), ids=lambda r: r["name"])
def test_golden_sentence(pipeline, row):
    doc = pipeline(Article(text=row["text"], published=row["published"]))
    if row["type"].startswith("!"):
        # a row whose type is "!TYPE": the sentence must give no such event by that source
        unwanted = [e for e in doc.events if _matches(e, {**row, "type": row["type"][1:]})]
        assert not unwanted, [e.explanation for e in unwanted]
        return
    found = [e for e in doc.events if _matches(e, row)]
    assert found, f"no {row['type']} {row['source']} -> {row['target']} in " + repr(
        [(e.type, actor_key(e.source.actor), actor_key(e.target.actor) if e.target else None, e.trigger.text)
         for e in doc.events])
    event = found[0]
    assert event.negated == (row["negated"] == "true")
    assert event.modality == row["modality"]
    for field in ("cameo", "mode", "date"):
        if row[field] != "-":
            assert getattr(event, field) == row[field], (field, event.explanation)
    if row["location"] != "-":
        assert event.location is not None and event.location.name == row["location"], event.explanation
    assert event.explanation and 0 < event.confidence <= 1
    assert event.goldstein is not None and event.quad_class in (1, 2, 3, 4)


@pytest.mark.parametrize("text", [
    "Farmers in France protested by blocking roads near Paris.",
    "Roughly one million people marched in London on Saturday, protesting the government's plans.",
])
def test_one_protest_told_twice_is_one_event(pipeline, text):
    doc = pipeline(Article(text=text, published="2023-05-10"))
    assert [e.type for e in doc.events] == ["PROTEST"], [e.explanation for e in doc.events]


# -- the seed article --------------------------------------------------------------------------------

def _find(doc, type_, source_name, target_name=None, trigger=None):
    out = [e for e in doc.events if e.type == type_ and e.source.actor.name == source_name
           and (target_name is None or (e.target is not None and e.target.actor.name == target_name))
           and (trigger is None or trigger in e.trigger.text)]
    assert out, f"no {type_} {source_name} -> {target_name} ({trigger}) in " + repr(
        [(e.type, e.source.actor.name, e.target.actor.name if e.target else None, e.trigger.text) for e in doc.events])
    return out[0]


def test_seed_kuleba_asks_wang_yi_to_mediate(seed_doc):
    event = _find(seed_doc, "REQUEST", "Dmytro Kuleba", "Wang Yi", "asked")
    assert event.source.actor.code == "UKRGOV" and event.target.actor.code == "CHNGOV"
    assert event.cameo == "028"  # appeal for mediation
    assert event.modality == "asserted" and not event.negated
    assert [m.text for m in event.via][:1] == ["CNN"]
    # "asked Wang Yi to help mediate" is a request, not a mediation; the mediation asked for is Wang Yi's
    assert not [e for e in seed_doc.events if e.type == "CONSULT" and e.trigger.text == "mediate"
                and e.modality == "asserted"]
    mediation = [e for e in seed_doc.events if e.trigger.text == "mediate"]
    assert [(e.modality, e.source.actor.name) for e in mediation] == [("requested", "Wang Yi")]
    # CNN reported the request; China's statement, which the sentence sets beside it ("even as"), did not
    assert [m.text for m in event.via] == ["CNN"]


def test_seed_phone_call_is_consult_by_phone(seed_doc):
    event = _find(seed_doc, "CONSULT", "Dmytro Kuleba", "Wang Yi", "spoke")
    assert event.mode == "phone" and event.cameo == "041"
    assert {m.text for m in event.via} >= {"CNN", "the Chinese foreign ministry"}


def test_seed_appeal_to_his_chinese_counterpart(seed_doc):
    event = _find(seed_doc, "REQUEST", "Dmytro Kuleba", "Wang Yi", "appealed")
    assert event.target.text == "his Chinese counterpart"


def test_seed_putin_sends_troops_into_ukraine(seed_doc):
    event = _find(seed_doc, "MOBILIZE", "Vladimir Putin", "Ukraine", "sent")
    assert event.source.actor.country == "RUS" and event.target.actor.country == "UKR"
    assert event.location is not None and event.location.country == "UKR"


def test_seed_china_supports_russia(seed_doc):
    event = _find(seed_doc, "SUPPORT", "China", "Russia", "supported")
    assert event.quad_class == 1 and event.goldstein > 0


def test_seed_china_decries_and_disapproves(seed_doc):
    decried = _find(seed_doc, "ACCUSE", "China", None, "decried")
    assert decried.source.text == "they"  # the pronoun, resolved by the actors stage
    disapproval = _find(seed_doc, "ACCUSE", "China", None, "disapproval")
    assert disapproval.quad_class == 3


def test_seed_sanctions_levied_against_russia(seed_doc):
    """The agentless passive keeps its target; its doer stays unnamed, with no words and no country."""
    found = [e for e in seed_doc.events if e.type == "SANCTION" and e.target is not None
             and e.target.actor.country == "RUS" and "levied" in e.trigger.text]
    assert found, [(e.type, e.trigger.text) for e in seed_doc.events]
    source = found[0].source
    assert source.text == "" and source.start == source.end and source.actor.country is None
    assert source.actor.code is None and "unnamed" in found[0].explanation
    assert found[0].to_dict()["source"]["text"] == ""


def test_seed_negated_and_intended(seed_doc):
    urged = _find(seed_doc, "REQUEST", "China", None, "urged")
    assert urged.negated  # "China hadn't urged its citizens to leave"
    role = [e for e in seed_doc.events if "role" in e.trigger.text]
    assert role and role[0].modality == "intended" and role[0].type == "AGREE"


def test_seed_dates_and_boilerplate(seed_doc):
    text = seed_doc.article.text
    for event in seed_doc.events:
        assert event.date is not None
        for start, end in seed_doc.boilerplate:
            assert not (start <= event.trigger.start < end), event.trigger.text
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
    wednesday = [e for e in seed_doc.events if e.type == "SUPPORT" and e.trigger.text == "supports"]
    assert wednesday and wednesday[0].date == "2022-03-02"


def test_seed_contract(seed_doc):
    checker = shared_data_dir().parent / "tools" / "check_contract.py"
    need(checker.exists(), f"{checker} not found")
    result = subprocess.run([sys.executable, str(checker)], input=json.dumps(seed_doc.to_dict()) + "\n",
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("text, absent", [
    # a purpose clause is part of its main event, not an event of its own
    ("The Kenyan interior minister resigned on Monday to allow an independent inquiry.", "CONCEDE"),
    # "insisted that ..." states a view; only "insisted on" demands
    ("Brazil insisted that its economy was growing.", "REQUEST"),
])
def test_not_coded(pipeline, text, absent):
    doc = pipeline(Article(text=text, published="2023-05-10"))
    assert absent not in {e.type for e in doc.events}, [(e.type, e.trigger.text) for e in doc.events]


def test_refusal_is_one_event(pipeline):
    """"refused to lift its veto": one REJECT, not a second one from the refused complement."""
    doc = pipeline(Article(text="Hungary refused to lift its veto on aid for Ukraine.", published="2023-05-10"))
    assert [e.type for e in doc.events] == ["REJECT"], [(e.type, e.trigger.text) for e in doc.events]


def test_reason_is_background(pipeline):
    """"sanctions on the Taliban for its support of al-Qaeda": the support is the reason, not an event told."""
    doc = pipeline(Article(text="Washington imposed sanctions on the Taliban for its support of al-Qaeda.",
                           published="2023-05-10"))
    assert [e.type for e in doc.events] == ["SANCTION"], [(e.type, e.trigger.text) for e in doc.events]
    assert "reason" in doc.events[0].explanation


def test_relative_clause_on_object_phrase_is_background(pipeline):
    """"tortured scores of refugees, whom officials blame ...": the blame describes the victims."""
    text = "Security forces in Guinea have tortured scores of Liberian refugees, whom officials blame for the unrest."
    doc = pipeline(Article(text=text, published="2023-05-10"))
    assert [e.type for e in doc.events] == ["ASSAULT"], [(e.type, e.trigger.text) for e in doc.events]


def test_press_release_is_not_an_event(pipeline):
    doc = pipeline(Article(text="The Tamil Tigers said so in a press release on Monday.", published="2023-05-10"))
    assert not [e for e in doc.events if e.trigger.text.lower().startswith("release")]


def test_permitted_event_is_part_of_the_permission(pipeline):
    """"allowed the opposition leader to hold a rally": a concession; the rally may not happen."""
    text = "The interior minister allowed opposition leader Imran Khan to hold a rally in Lahore."
    doc = pipeline(Article(text=text, published="2023-05-10"))
    assert [e.type for e in doc.events] == ["CONCEDE"], [(e.type, e.trigger.text) for e in doc.events]
