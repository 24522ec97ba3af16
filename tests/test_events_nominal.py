"""Events: nominal events whose doer the sentence leaves unnamed, and nominal events whose "of" names the doer.

"The attack came two weeks before ..." tells of an attack without saying who made it. Such an event is kept
with an unnamed source (as GDELT keeps events with no first actor), where the noun is what its clause is about
(subject or object), not in a background phrase ("wounded in the attack"), and not where the sentence already
has an event of that type by a named doer.
"""

from __future__ import annotations

import pytest

from tidings.document import Article

pytestmark = pytest.mark.model

UNNAMED = [
    # (sentence, type, trigger, target text or None)
    ("The attack came two weeks before the presidential inauguration.", "ASSAULT", "attack", None),
    ("The minister survived the attack, which left six soldiers dead.", "ASSAULT", "attack", "The minister"),
    ("The rallies happened two days before the formal vote.", "PROTEST", "rallies", None),
    ("All of the pardons issued were full and unconditional.", "CONCEDE", "pardons", None),
    ("His announcement followed two weeks of protests in the capital.", "PROTEST", "protests", None),
    # the possessor of an execution is who it was done to, not who did it
    ("Hassan Nasrallah said al-Nimr's execution would plague the Saudi royal family.", "ASSAULT", "execution",
     "al-Nimr"),
]


@pytest.mark.parametrize(("text", "type_", "trigger", "target"), UNNAMED, ids=[r[2] + str(i) for i, r in
                                                                              enumerate(UNNAMED)])
def test_nominal_event_with_unnamed_doer(pipeline, text, type_, trigger, target):
    doc = pipeline(Article(text=text, published="2019-10-10"))
    found = [e for e in doc.events if e.type == type_ and e.trigger.text == trigger]
    assert found, [(e.type, e.trigger.text, e.source.text) for e in doc.events]
    event = found[0]
    assert event.source.how == "unnamed" and event.source.actor.country is None, event.explanation
    assert "without saying who" in event.explanation
    assert (event.target.text if event.target else None) == target, event.explanation


NOT_UNNAMED = [
    # background phrases: the attack is where the wounds were suffered, not what the sentence tells
    ("The minister suffered two deep wounds in the attack.", "ASSAULT"),
    ("Several speakers addressed the crowd at the rally, including the mayor.", "PROTEST"),
    # what has not happened, or is a danger rather than a threat made
    ("The government wants to avoid sanctions on its banks.", "SANCTION"),
    ("Leaders discussed the nuclear threat from North Korea.", "THREATEN"),
    # the same event with a named doer in the sentence: not told twice
    ("Russia launched missiles at Kyiv, and the attack killed three people.", "ASSAULT"),
    # a punishment served or a maximum a crime carries: no new sentencing (Wikinews dev half)
    ("Negron served eight years of a thirty-five year sentence.", "SANCTION"),
    ("Together, the crimes carry a prison term of up to 42 years.", "SANCTION"),
]


def test_a_clause_that_denies_the_noun_negates_it(pipeline):
    doc = pipeline(Article(text="Nobody is conducting a formal inquiry.", published="2019-10-10"))
    assert [(e.type, e.negated) for e in doc.events] == [("ACCUSE", True)], [e.explanation for e in doc.events]


@pytest.mark.parametrize(("text", "type_"), NOT_UNNAMED)
def test_no_unnamed_event_for_background_or_named(pipeline, text, type_):
    doc = pipeline(Article(text=text, published="2019-10-10"))
    unnamed = [e for e in doc.events if e.type == type_ and e.source.how == "unnamed"]
    assert not unnamed, [e.explanation for e in unnamed]


def test_crowd_taking_part_in_a_protest(pipeline):
    doc = pipeline(Article(text="Thousands of people joined the rally in Nairobi on Sunday.", published="2019-10-10"))
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert [(e.source.actor.country, e.source.actor.sector, e.source.how) for e in protests] == \
        [("KEN", "CVL", "crowd")], [e.explanation for e in protests]


@pytest.mark.parametrize(("text", "type_", "source"), [
    ("The withdrawal of the United States from Afghanistan was completed in August.", "RETREAT", "USA"),
    ("Parliament debated the resignation of the Turkish foreign minister.", "RETREAT", "TUR"),
])
def test_doer_named_by_of(pipeline, text, type_, source):
    doc = pipeline(Article(text=text, published="2019-10-10"))
    assert any(e.type == type_ and e.source.actor.country == source for e in doc.events), \
        [(e.type, e.source.text, e.explanation) for e in doc.events]


def test_conjoined_nouns_share_the_doer(pipeline):
    doc = pipeline(Article(text="President Trump issued seven pardons and four commutations.", published="2019-10-10"))
    pairs = {(e.trigger.text, e.source.actor.country) for e in doc.events if e.type == "CONCEDE"}
    assert pairs == {("pardons", "USA"), ("commutations", "USA")}, pairs


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("The woman was killed in a stairwell.", "ASSAULT", "The woman"),
    ("Officials said the three officers were stabbed with a kitchen knife.", "ASSAULT", "the three officers"),
    ("Three soldiers were wounded in the fighting.", "ASSAULT", "Three soldiers"),
    # a passive gerund is done to the subject of the clause it hangs on, not by it
    ("Nabil Hasan al-Quaety, a journalist from Yemen, died in Aden after being shot in his car.", "ASSAULT",
     "a journalist from Yemen"),
    ("The minister resigned after being accused of corruption.", "ACCUSE", "The minister"),
])
def test_harm_done_to_people_by_someone_unnamed(pipeline, text, type_, target):
    doc = pipeline(Article(text=text, published="2019-10-10"))
    found = [e for e in doc.events if e.type == type_]
    assert [(e.source.how, e.target.text if e.target else None) for e in found] == [("unnamed", target)], \
        [e.explanation for e in doc.events]


def test_accidents_are_no_attacks(pipeline):
    doc = pipeline(Article(text="Two people were killed in a car crash on the highway.", published="2019-10-10"))
    assert not [e for e in doc.events if e.type == "ASSAULT"], [e.explanation for e in doc.events]


def test_people_done_to_are_placed_like_persons(pipeline):
    doc = pipeline(Article(text="The woman was killed in a stairwell in Paris.", published="2019-10-03"))
    [event] = [e for e in doc.events if e.type == "ASSAULT"]
    assert (event.target.text, event.target.actor.country) == ("The woman", "FRA"), event.explanation


@pytest.mark.parametrize(("text", "not_source"), [
    # a passive infinitive is done to the head's subject: Rosenstein is commended, he does not commend
    ("Deputy Attorney General Rosenstein is to be commended for his memo.", "Deputy Attorney General Rosenstein"),
    # a person named before a nominal act done to people is its target ("the Cohen raids")
    ("In the week since the Cohen raids, Trump has lashed out at Mueller.", "Cohen"),
])
def test_done_to_not_by(pipeline, text, not_source):
    doc = pipeline(Article(text=text, published="2018-04-20"))
    assert not [e for e in doc.events if e.source.text == not_source], [e.explanation for e in doc.events]
