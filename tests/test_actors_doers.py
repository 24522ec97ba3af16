"""Doers of events that news names by a body, a party or a pronoun (sentences written for the tests):
government departments and ministries, the opposition, the US parties and House, named parties with a
parenthesis, 'the group', pronouns in what someone said, and the DR Congo; and the look-alikes that must
stay nobody ("strong opposition", "a group of protesters", "the Social Democrats" in Sweden)."""

from __future__ import annotations

import pytest

from tidings.actors.places import country_of_place


@pytest.fixture(scope="module")
def pipeline():
    from actors_support import actors_pipeline

    return actors_pipeline()


def mentions(pipeline, text: str) -> dict[str, str | None]:
    from tidings.document import Article

    doc = pipeline(Article(text=text, published="2020-06-01"))
    return {m.text: m.actor.code for m in doc.mentions}


FOUND = [
    # (text, mention, code)
    ("Obama spoke on Monday. The Treasury Department said it would impose sanctions.", "The Treasury Department",
     "USAGOV"),
    ("The Kenyan government met. The Ministry of Foreign Affairs said it was concerned.",
     "The Ministry of Foreign Affairs", "KENGOV"),
    ("The Chicago Police Department arrested three men.", "The Chicago Police Department", "USACOP"),
    ("Venezuela's government cut power. The opposition called a strike.", "The opposition", "VENOPP"),
    ("Belarus held elections. The main opposition said the vote was rigged.", "The main opposition", "BLROPP"),
    ("Obama spoke to Congress. Senate Republicans blocked the bill.", "Senate Republicans", "USALEG"),
    ("Pakistan's army moved. Rebels said that they had seized the pass.", "they", "REB"),
    ("The Mahdi (Guidance) party said it would join the talks.", "it", "PTY"),
    ("Hamas fired rockets. The Islamist group said it would go on.", "The Islamist group", "PSEREB"),
    ("Fighting spread in the Congo.", "the Congo", "COD"),
    ("Congolese troops crossed the border.", "Congolese troops", "CODMIL"),
    ("The International Criminal Court issued a warrant. The court said the trial would begin.", "The court",
     "IGOJUDICC"),
    ("Brazzaville and the Republic of the Congo signed the deal.", "the Republic of the Congo", "COG"),
]




NOBODY = [
    # (text, words that must have no mention)
    ("The plan met strong opposition in the region.", "opposition"),
    ("Syria's army moved. The opposition to the strike grew.", "opposition"),
    ("Sweden voted on Sunday. The Social Democrats won.", "Democrats"),
    ("Japan voted on Sunday. The Democrats won.", "Democrats"),
    ("Hong Kong democrats marched in the rain.", "democrats"),
    ("Hamas fired rockets. A group of protesters gathered.", "group"),
    ("Hamas fired rockets. The group of seven ministers met.", "group"),
    ("The company said the sales department would close.", "department"),
    ("Britain's prime minister spoke in the House of Commons.", "House"),
    ("Fire destroyed the house in Kabul.", "house"),
    ("A council of elders met in Kandahar.", "council"),
    ("Kenya voted on Sunday. The party won the vote.", "party"),
    ("The World Bank lent money. The agency said it would help.", "agency"),
    ("A spokesperson told the Associated Press the organization was waiting.", "organization"),
]

TITLES = [
    # role words added for doers must not change the titles of people ("White House Press Secretary")
    ("Obama spoke. White House Press Secretary Josh Earnest said the strikes would go on.", "Josh Earnest", "USA"),
    ("Obama spoke. Sen. Saxby Chambliss, a Georgia Republican, said the report was wrong.", "Saxby Chambliss",
     "USALEG"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,name,code", TITLES, ids=[r[1] for r in TITLES])
def test_titles_unchanged(pipeline, text, name, code):
    found = mentions(pipeline, text)
    assert [c for m, c in found.items() if m.endswith(name)] == [code], found


@pytest.mark.model
@pytest.mark.parametrize("text,words", NOBODY, ids=[r[0][:30] for r in NOBODY])
def test_not_a_doer(pipeline, text, words):
    found = mentions(pipeline, text)
    assert not any(words in m and code and code.startswith(("USA", "OPP")) or m.endswith(words)
                   for m, code in found.items()), found


def test_reported_pronoun_is_the_speaker(pipeline):
    found = mentions(pipeline, "The rebels told reporters that they would withdraw.")
    from tidings.document import Article

    doc = pipeline(Article(text="The rebels told reporters that they would withdraw."))
    they = next(m for m in doc.mentions if m.text == "they")
    assert they.actor.name == "The rebels" and "said" in they.how, found


def test_places_inside_bodies():
    assert country_of_place("Boston") == "USA"
    assert country_of_place("Texas") == "USA"
    assert country_of_place("Karachi") == "PAK"
    assert country_of_place("Nowhereville") is None


PLACED = [
    # armed men of no named state, and locals, are of the one state named as where they act or are
    ("The militants attacked a police checkpoint in Pakistan's Swat valley.", "The militants", "PAKUAF"),
    ("Gunmen killed five villagers in Nigeria.", "Gunmen", "NGAUAF"),
    ("Opposition groups in Zimbabwe demanded new elections.", "Opposition groups", "ZWEOPP"),
    ("Protesters in Kyiv clashed with police.", "Protesters", "UKRCVL"),
    # not where two states are named, and not people who may be abroad
    ("Rebels attacked villages in Chad and Sudan.", "Rebels", "REB"),
    ("China told nationals in Ukraine to stay indoors.", "nationals", "CHNCVL"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,words,code", FOUND + PLACED, ids=[r[1] + "-" + r[2] for r in FOUND + PLACED])
def test_doer_resolved(pipeline, text, words, code):
    found = mentions(pipeline, text)
    assert found.get(words) == code, found
