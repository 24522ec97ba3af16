"""People written otherwise than in the people tables: dropped or added middle names, particles, spellings."""

from __future__ import annotations

import pytest

from tidings.actors.gazetteer import load, normalise
from tidings.actors.names import tokens


@pytest.mark.parametrize("name,expected", [
    ("President Omar Hassan al-Bashir", ["omar", "hassan", "bashir"]),
    ("Omar El Bashir", ["omar", "bashir"]),
    ("Crown Prince Mohammad bin Salman", ["muhammad", "salman"]),
    ("Ursula von der Leyen", ["ursula", "leyen"]),
    ("Robert S. Mueller III", ["robert", "s", "mueller"]),
    ("Ben Carson", ["ben", "carson"]),  # a particle word is a name where it comes first
])
def test_tokens(name, expected):
    assert tokens(normalise(name)) == expected


# (name as written, publication date, the person of the tables it is, or None where no match is safe)
MATCHES = [
    ("Omar Hassan al-Bashir", "2003-05-01", "Omar Hassan Ahmad al Bashir"),  # a middle name dropped
    ("Omar El Bashir", None, "Omar al-Bashir"),  # another particle
    ("Carlos Menem", "1995-01-01", "Carlos Saul Menem"),
    ("Recep Erdogan", "2010-01-01", "Recep Tayyip Erdogan"),
    ("Bashar Assad", "2010-01-01", "Bashar al-Assad"),
    ("Omar Khalid al-Bashir", "2003-05-01", None),  # a middle name the known one lacks: someone else
    ("Mohammed bin Salman", "2005-01-01", None),  # known from 2017 only: not in 2005
    ("John Smith", None, None),  # no known person
    ("Ahmad Khan", None, None),  # a common surname, and namesakes of several states
    ("Ahmed Hassan", None, None),  # "Ahmad al Hasan" of the tables, but too common a name to trust
]


@pytest.mark.parametrize("name,date,expected", MATCHES, ids=[m[0] for m in MATCHES])
def test_partial_names(name, date, expected):
    found = load().person_partly_named(name, date)
    assert (found[0].name if found else None) == expected


SENTENCES = [
    # (sentence, date, words of the mention, expected (country, sector))
    ("President Omar Hassan al-Bashir has taken several steps to enhance political freedoms.", None,
     "Omar Hassan al-Bashir", ("SDN", "GOV")),
    ("President Omar El Bashir on Thursday shortened by one hour the nightly curfew imposed in Sudan.", None,
     "Omar El Bashir", ("SDN", "GOV")),
    ("An Argentine judge has ordered former president Carlos Menem to appear for questioning.", "2001-06-01",
     "Carlos Menem", ("ARG", "ELI")),
    # an unknown minister: the one state the sentence names, where no state came before
    ("Planning Minister Tran Van Minh said Vietnam will not be rushed into opening its economy.", None,
     "Tran Van Minh", ("VNM", "GOV")),
    # an initial the table lacks
    ("National security adviser John R. Bolton resigned on Tuesday.", "2019-09-10", "John R. Bolton",
     ("USA", "GOV")),
    # a person of a place named after the name (a congressman the table does not know) ...
    ("Committee chairman Eliot Engel of New York said the inquiry goes on.", "2019-09-10", "Eliot Engel",
     ("USA", None)),
    # ... and one it knows, with his office (people_recent.tsv)
    ("Committee chairman Jerrold Nadler of New York said the inquiry goes on.", "2019-09-10", "Jerrold Nadler",
     ("USA", "LEG")),
    # the body a role in apposition works for
    ("Dedi Prasetyo, a spokesperson for the Indonesian National Police, said two men were held.", "2019-10-10",
     "Dedi Prasetyo", ("IDN", "COP")),
    # a person who is a state's role
    ("Tran Van Minh is the Vietnamese planning minister.", "2019-10-10", "Tran Van Minh", ("VNM", "GOV")),
    # the demonym in apposition
    ("Jan Novak, a Czech, was arrested at the border on Friday.", "2019-10-10", "Jan Novak", ("CZE", None)),
    # an international organisation's official
    ("UN envoy Tran Van Minh met the rebels on Monday.", "2019-10-10", "Tran Van Minh", (None, "IGO")),
    # a US title in an article about the United States, never the salient state
    ("The attack shocked the United States. Gov. Andrew Cuomo said the suspect had been radicalised.",
     "2017-11-01", "Andrew Cuomo", ("USA", "GOV")),
]


@pytest.mark.model
@pytest.mark.parametrize("text,date,words,expected", SENTENCES, ids=[s[2] for s in SENTENCES])
def test_people_in_sentences(pipeline, text, date, words, expected):
    from tidings.document import Article

    doc = pipeline(Article(text=text, published=date))
    found = [(m.actor.country, m.actor.sector) for m in doc.mentions if words in m.text]
    assert found[:1] == [expected], [(m.text, m.actor, m.how) for m in doc.mentions]


@pytest.mark.model
def test_a_us_title_in_an_article_about_another_state_has_no_state(pipeline):
    from tidings.document import Article

    doc = pipeline(Article(text="Iraq said it would respond. Gov. Jay Inslee said the suspect had been "
                                "radicalised.", published="2017-11-01"))
    found = [m.actor.country for m in doc.mentions if "Jay Inslee" in m.text]
    assert found == [None], [(m.text, m.actor, m.how) for m in doc.mentions]


@pytest.mark.model
def test_the_president_not_his_wife(pipeline):
    from tidings.document import Article

    doc = pipeline(Article(text="First lady Melania Trump visited a school. Trump said the tax cut would pass.",
                           published="2017-11-01"))
    found = [(m.actor.name, m.actor.sector) for m in doc.mentions if m.text == "Trump"]
    assert found == [("Donald Trump", "GOV")], [(m.text, m.actor, m.how) for m in doc.mentions]


@pytest.mark.model
def test_a_titled_person_travelling_is_not_of_the_state_he_goes_to(pipeline):
    from tidings.document import Article

    doc = pipeline(Article(text="President Tran Van Minh flew to France on Monday."))
    found = [m.actor.country for m in doc.mentions if "Tran Van Minh" in m.text]
    assert found == [None], [(m.text, m.actor, m.how) for m in doc.mentions]
