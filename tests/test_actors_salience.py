"""Actors: whose police, court or government a bare role word is, and whose a titled person of no known state is."""

from __future__ import annotations

import pytest

from tidings.document import Article

pytestmark = pytest.mark.model

LONDON = ("Usman Khan attacked people at Fishmongers' Hall in London on Friday. London was shocked. "
          "Khan had been released from prison in 2018. A Polish chef, Lukasz, fought him with a narwhal tusk. Police arrived and shot him dead, "
          "according to NPR. The police said the attack was terrorism.")
PARIS = ("After a jury trial in Paris, two French police officers were found guilty of raping a Canadian tourist. "
         "She met the officers at an Irish pub. CCTV captured their arrival at the building. She told the court "
         "she was forced to drink whiskey. The court sentenced both officers to seven years in prison in France.")


@pytest.mark.parametrize(("text", "role", "state"), [
    # not the state of the last nationality word ("a Polish chef"), nor of the newsroom ("NPR")
    (LONDON, "Police", "GBR"),
    # not "an Irish pub", nor CCTV (read as China's broadcaster)
    (PARIS, "the court", "FRA"),
])
def test_a_bare_role_is_of_the_state_the_article_names_most(pipeline, text, role, state):
    doc = pipeline(Article(text=text, published="2019-11-30"))
    found = [m.actor.country for m in doc.mentions if m.text == role]
    assert found and found[0] == state, [(m.text, m.actor.code, m.how) for m in doc.mentions]


def test_a_titled_person_is_not_of_the_state_he_criticises(pipeline):
    doc = pipeline(Article(text="Senator Warren is a vocal critic of Israel.", published="2019-11-30"))
    found = [m.actor.country for m in doc.mentions if m.text == "Senator Warren"]
    assert found and found[0] != "ISR", [(m.text, m.actor.code, m.how) for m in doc.mentions]


def test_civilians_are_not_of_the_troops_that_harm_them(pipeline):
    from tidings.events.evaluate import actor_key

    doc = pipeline(Article(text="Russian troops injured three civilians in Kharkiv.", published="2022-05-01"))
    assert [(actor_key(e.source.actor), actor_key(e.target.actor) if e.target else None)
            for e in doc.events if e.type == "ASSAULT"] == [("RUS", "UKR")], [e.explanation for e in doc.events]


def test_a_month_is_not_a_prime_minister(pipeline):
    doc = pipeline(Article(text="Britain pulled out of the agreement in May.", published="2019-06-01"))
    assert [m.text for m in doc.mentions] == ["Britain"], [(m.text, m.actor.code, m.how) for m in doc.mentions]


@pytest.mark.parametrize(("text", "words", "not_state"), [
    # Wikinews, 2019-11-30 (London Bridge): a nationality word of someone is no salient state for the victims
    (("Members of the public confronted him; one man sprayed Khan with a fire extinguisher, others struck him "
     "with their fists and took his knife, and another, a Polish chef named Łukasz, harried him with a "
     "five-foot narwhal tusk. Khan reportedly started attacking people there, and one of them died inside of "
     "the hall, according to The Times."), "people", "POL"),
    # Wikinews, 2019-03-17 (Christchurch): "An Australian" is the suspect, not the state of the police or judge
    (("An Australian, Brenton Tarrant, aged 28, appeared in Christchurch District Court, New Zealand yesterday, "
     "charged with one count of murder pertaining to a mass shooting in Christchurch on Friday. Judge Paul "
     "Kellar ordered the accused remain in custody until his next court appearance on April 5. Police alleged "
     "the accused performed two attacks."), "Police", "AUS"),
])
def test_a_nationality_word_of_someone_is_no_salient_state(pipeline, text, words, not_state):
    doc = pipeline(Article(text=text, published="2019-11-30"))
    found = [m.actor.country for m in doc.mentions if m.text == words]
    assert not_state not in found, [(m.text, m.actor.code, m.how) for m in doc.mentions]


def test_protesters_are_of_where_they_act(pipeline):
    doc = pipeline(Article(text="Yellow vest protesters clashed with police in Paris on Saturday.", published="2019-01-12"))
    found = [m.actor.country for m in doc.mentions if m.text == "Yellow vest protesters"]
    assert found == ["FRA"], [(m.text, m.actor.code, m.how) for m in doc.mentions]


BRENNAN = ("President Donald Trump revoked the security clearance of former CIA director John Brennan on Wednesday. "
           "Brennan has accused Russia of meddling, and Trump has called the Russia inquiry a witch hunt. Moscow "
           "denies any interference, and Russian officials mocked the move. Republican lawmakers were mixed. "
           "Democratic lawmakers blasted the president's move as dangerous.")


@pytest.mark.parametrize(("text", "role", "state"), [
    # an American party's name makes American lawmakers, however often the story names Russia (AllSides hand check)
    (BRENNAN, "Republican lawmakers", "USA"),
    (BRENNAN, "Democratic lawmakers", "USA"),
    # not without the US named: Ireland's republicans
    ("Irish police arrested two men in Belfast. Republican lawmakers condemned the attack.", "Republican lawmakers",
     None),
])
def test_american_parties(pipeline, text, role, state):
    doc = pipeline(Article(text=text, published="2018-08-16"))
    found = [m.actor.country for m in doc.mentions if m.text == role]
    assert found and (found[0] == state if state else found[0] != "USA"), \
        [(m.text, m.actor.code, m.how) for m in doc.mentions]
