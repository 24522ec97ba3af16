"""Events: where an event happened (data/places.tsv, events/where.py).

Each family of place bugs fixed has rows here: territories and provinces the table lacked, towns under
50,000 people, news spellings of geonames cities, names of several places read by the article's states,
words and surnames that are also town names, and places after "the West Bank city of", "near the town
of". Sentences are written for these tests (no publisher's text).
"""

from __future__ import annotations

import pytest

from tidings.document import Article
from tidings.events.where import _gazetteer, place_named

# text as written -> (name, ISO3 country) of the place, or None where it is no place of ours
LOOKUPS = [
    # territories and regions news names constantly
    ("the Gaza Strip", "Gaza Strip", "PSE"),
    ("Gaza", "Gaza Strip", "PSE"),
    ("Gaza City", "Gaza City", "PSE"),
    ("the West Bank", "West Bank", "PSE"),
    ("the occupied West Bank", "West Bank", "PSE"),
    ("the Golan Heights", "Golan Heights", "SYR"),
    ("Crimea", "Crimea", "UKR"),
    ("Donbass", "Donbas", "UKR"),
    ("Darfur", "Darfur", "SDN"),
    ("Tigray", "Tigray", "ETH"),
    ("Xinjiang", "Xinjiang", "CHN"),
    ("Tibet", "Tibet", "CHN"),
    ("Nagorno-Karabakh", "Nagorno-Karabakh", "AZE"),
    ("Transnistria", "Transnistria", "MDA"),
    ("Kurdistan", "Kurdistan", "IRQ"),
    ("Kashmir", "Kashmir", "IND"),
    ("Pakistan-administered Kashmir", "Azad Kashmir", "PAK"),
    ("the Middle East", "Middle East", None),
    ("the South China Sea", "South China Sea", None),
    # provinces and states, with the words news puts around them
    ("Helmand province", "Helmand", "AFG"),
    ("Sindh", "Sindh", "PAK"),
    ("Anbar", "Anbar", "IRQ"),
    ("Anbar province", "Anbar", "IRQ"),
    ("Kandahar province", "Kandahār", "AFG"),
    ("Idlib province", "Idlib", "SYR"),
    ("the Donetsk region", "Donetsk", "UKR"),
    ("northern Syria", "Syria", "SYR"),
    ("southern Lebanon", "South Lebanon", "LBN"),
    ("Texas", "Texas", "USA"),
    ("Florida", "Florida", "USA"),  # not Florida, Cuba
    ("Georgia", "Georgia", "GEO"),  # the country before the state
    ("Washington", "Washington", "USA"),
    ("Scotland", "Scotland", "GBR"),
    # countries the table lacked (capital written without its accent) and their other names
    ("Brazil", "Brazil", "BRA"),
    ("Kazakhstan", "Kazakhstan", "KAZ"),
    ("the Netherlands", "The Netherlands", "NLD"),
    ("Netherlands", "The Netherlands", "NLD"),
    ("Palestine", "Palestinian Territory", "PSE"),  # not Palestine, Texas
    # towns under 50,000 people, and news spellings of geonames names
    ("Jericho", "Jericho", "PSE"),
    ("Jenin", "Jenin", "PSE"),
    ("Khan Younis", "Khan Younis", "PSE"),
    ("Debaltseve", "Debaltseve", "UKR"),
    ("Raqqa", "Raqqa", "SYR"),
    ("Fallujah", "Fallujah", "IRQ"),
    ("Kandahar", "Kandahār", "AFG"),
    ("Rafah", "Rafaḩ", "PSE"),  # GeoNames' name
    ("Odessa", "Odessa", "UKR"),
    ("Sana", "Sana", "YEM"),  # Yemen's capital, not Saña, Peru
    # the most populous of a name, without context
    ("Paris", "Paris", "FRA"),
    ("Tripoli", "Tripoli", "LBY"),
    # words that are also town names are no places
    ("To", None, None),
    ("Of", None, None),
    ("Police", None, None),
    ("March", None, None),
    ("the Old City", None, None),
    ("Narnia", None, None),
]


@pytest.mark.parametrize("text,name,country", LOOKUPS, ids=[row[0] for row in LOOKUPS])
def test_place_named(text, name, country):
    found = place_named(text)
    if name is None:
        assert found is None, found
    else:
        assert found is not None and (found.name, found.country) == (name, country), found


def test_coordinates_are_plausible():
    gaza = place_named("the Gaza Strip")
    assert 31 < gaza.lat < 32 and 34 < gaza.lon < 35
    assert 25 < place_named("Texas").lat < 36
    assert -20 < place_named("Brazil").lat < -10


def test_names_of_several_places_keep_each():
    assert [r[1] for r in _gazetteer()["tripoli"]] == ["LBY", "LBN"]
    assert {r[1] for r in _gazetteer()["hyderabad"]} == {"IND", "PAK"}
    assert all(r[1] != "USA" for r in _gazetteer()["paris"])  # Paris, Texas: too small beside Paris


# sentence -> the place of its event (name, country); "-" where no event may be placed at `name`
SENTENCES = [
    ("gaza_strip", "Israeli aircraft struck targets in the Gaza Strip overnight.", "Gaza Strip", "PSE"),
    ("west_bank_city_of", "Israeli troops raided a refugee camp in the West Bank city of Jenin on Tuesday.",
     "Jenin", "PSE"),
    ("near_the_town_of", "Russian forces shelled villages near the town of Debaltseve.", "Debaltseve", "UKR"),
    ("small_town", "Palestinian police arrested two men in Jericho.", "Jericho", "PSE"),
    ("province", "Taliban fighters attacked a police checkpoint in Helmand province.", "Helmand", "AFG"),
    ("province_bare", "Pakistani police arrested 12 protesters in Sindh.", "Sindh", "PAK"),
    ("region_of_a_state", "Ethiopian troops attacked rebel positions in Tigray on Monday.", "Tigray", "ETH"),
    ("crimea", "Ukrainian drones struck a Russian airfield in Crimea.", "Crimea", "UKR"),
    ("tripoli_lebanon", ("Lebanese soldiers clashed with gunmen in Tripoli, the army said. Lebanon's prime "
                         "minister condemned the violence."), "Tripoli", "LBN"),
    ("tripoli_libya", "Libyan militias clashed in Tripoli on Monday.", "Tripoli", "LBY"),
    ("us_state", "American police arrested 40 protesters in Florida on Saturday.", "Florida", "USA"),
    ("surname_town", "Iran rejected a proposal from Obama on Friday.", "Obama", "-"),
    ("group_named_after_land", "Yemen investigated a possible al Qaeda in the Arabian Peninsula link to the attack.",
     "Arabian Peninsula", "-"),
    ("group_named_after_land_apart", "Yemeni police arrested a spokesperson for al Qaeda in the Arabian Peninsula.",
     "Arabian Peninsula", "-"),
    ("magazine_named_like_a_sea", "Biden attacked Trump over the comments reported in The Atlantic.", "Atlantic", "-"),
    ("person_after_to", "The guitarist mailed his songs to Garcia in California.", "García", "-"),
    ("person_after_to_known", "The Mexican president paid two visits to Bush.", "Būsh", "-"),
]


@pytest.mark.model
@pytest.mark.parametrize("name,text,place,country", SENTENCES, ids=[row[0] for row in SENTENCES])
def test_event_location(pipeline, name, text, place, country):
    doc = pipeline(Article(text=text, published="2024-01-10"))
    located = [(e.location.name, e.location.country) for e in doc.events if e.location is not None]
    if country == "-":
        assert all(found != place for found, _ in located), located
    else:
        assert (place, country) in located, (located, [(e.type, e.trigger.text) for e in doc.events])


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str]):
    """A hand-parsed sentence (no model): the parses the small model gives on real news."""
    import spacy
    from spacy.tokens import Doc

    import tidings.extensions  # noqa: F401  (the Doc._.tidings_* attributes)

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_building_named_after_a_town_is_not_the_town():
    from tidings.events.where import locate

    # "... stole the toilet from Blenheim Palace": the model's place is "Blenheim" alone, "Palace" left out
    doc = _parsed(["Thieves", "stole", "the", "toilet", "from", "Blenheim", "Palace", "."],
                  [1, 1, 3, 1, 1, 4, 5, 1], ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "appos", "punct"],
                  ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT"],
                  ["O", "O", "O", "O", "O", "B-GPE", "O", "O"])
    assert locate(list(doc.ents), doc[1]) == (None, "")
    # the same parse with the town itself: found
    doc = _parsed(["Thieves", "stole", "the", "toilet", "from", "Blenheim", "on", "Saturday", "."],
                  [1, 1, 3, 1, 1, 4, 1, 6, 1], ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
                  ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
                  ["O", "O", "O", "O", "O", "B-GPE", "O", "O", "O"])
    location, words = locate(list(doc.ents), doc[1])
    assert words == "Blenheim" and location is not None and location.country == "NZL"


@pytest.mark.model
@pytest.mark.parametrize("text,country", [
    (("President Trump and the US Supreme Court rejected the lawsuit. Supporters rallied in Washington to "
      "overturn the results in Georgia, Michigan and Wisconsin."), "USA"),
    ("Russian troops entered Georgia in 2008 and Tbilisi protested.", "GEO"),
])
def test_georgia_read_by_the_article(pipeline, text, country):
    doc = pipeline.nlp(pipeline.make_doc(Article(text=text)))
    ent = next(e for e in doc.ents if e.text == "Georgia")
    assert place_named("Georgia", near=ent).country == country


def test_dc_is_washington():
    assert place_named("D.C.").country == "USA" and place_named("Washington, D.C.").country == "USA"


# Where the trigger's own clause names no place (events/where.py event_place): a place elsewhere in the sentence
# before the trigger, a place hanging on a place preposition's object, the town of an institution, the lead's
# place for later sentences of the story, and none for background or for a place of another clause after the
# trigger. Sentences of the Wikinews gold set's dev half (tests/golden/wikinews_events.jsonl, even positions),
# the last one written for the test. (id, text, trigger, (name, country) or None)
EVENT_PLACES = [
    ("scene_before_the_clause",
     ("On Sunday in London, England, according to witness accounts and authorities, a man wearing a fake suicide "
     "vest entered a store, grabbed a large knife, ran outside with it and began to stab people."), "stab",
     ("London", "GBR")),
    ("place_modifying_the_object",
     ("54-year-old Metropolitan Police sergeant Matiu \"Matt\" Ratana was shot at the Croydon, South London custody "
     "centre, at roughly 2am local time (0100 UTC) on Friday by a prisoner, suspected to be 23-year-old Louis De "
     "Zoysa."), "shot", ("Croydon", "GBR")),
    ("town_of_a_court",
     ("An Australian, Brenton Tarrant, aged 28, appeared in Christchurch District Court, New Zealand yesterday, "
     "charged with one count of murder pertaining to a mass shooting in Christchurch on Friday, which caused the "
     "death of at least 50 people."), "appeared", ("Christchurch", "NZL")),
    ("the_lead_place",
     ("Saturday, October 5, 2019  \n\nOn Thursday at the headquarters of the Paris Police Prefecture in Paris, "
     "France, an IT worker went on a stabbing spree, killing four. A fifth person was hospitalized in critical "
     "condition. The attacker was shot dead by police."), "shot", ("Paris", "FRA")),
    ("background_is_not_the_lead_place",
     ("Monday, December 2, 2019\n\nOn Friday, 28-year-old Usman Khan stabbed reportedly several people at "
     "Fishmongers' Hall in London with a large knife, then fled up London Bridge. Khan was convicted of terrorism "
     "years ago for his participation in a London Stock Exchange bomb plan and served eight years of a "
     "sixteen-year sentence."), "convicted", None),
    ("english_county_not_virginia",
     ("54-year-old Metropolitan Police sergeant Matiu \"Matt\" Ratana was shot at the Croydon, South London custody "
     "centre on Friday. A man suspected to have supplied the gun to De Zoysa was arrested in Norfolk at 2am local "
     "time (0100 UTC) on Sunday."), "arrested", ("Norfolk", "GBR")),
    ("place_of_a_later_clause",
     ("French Foreign Minister Laurent Fabius met Israeli Prime Minister Benjamin Netanyahu earlier in the day, and "
     "an Israeli official later flew to Cairo."), "met", None),
]


@pytest.mark.model
@pytest.mark.parametrize("name,text,trigger,expected", EVENT_PLACES, ids=[row[0] for row in EVENT_PLACES])
def test_event_place_beyond_the_clause(pipeline, name, text, trigger, expected):
    from tidings.events.where import event_place, locate

    doc = pipeline.nlp(pipeline.make_doc(Article(text=text, published="2020-01-01")))
    token = next(t for t in reversed(doc) if t.text == trigger)
    ents = [e for e in doc.ents if token.sent.start <= e.start < token.sent.end]
    location, words = event_place(*locate(ents, token), ents, token)
    assert ((location.name, location.country) if location else None) == expected, words


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,country", [
    (("Turkey sentenced two people smugglers to four years of prison each for their roles in the events "
     "surrounding Kurdi and his fellow migrants' September 2015 deaths."), "sentenced", "TUR"),
    ("On Tuesday, United States President Donald Trump issued a series of seven pardons and four commutations.",
     "pardons", "USA"),
])
def test_a_state_acting_at_home_is_placed_there(pipeline, text, trigger, country):
    doc = pipeline(Article(text=text, published="2020-02-21"))
    event = next(e for e in doc.events if e.trigger.text.endswith(trigger))
    assert event.location is not None and event.location.country == country, event.explanation
    assert "own state" in event.explanation


def test_home_state_only_for_a_state_and_its_institutions():
    from tidings.document import Actor, Mention
    from tidings.events.where import home_state

    court = Mention(0, 5, "court", Actor(name="court", kind="organization", country="PAK", sector="JUD"), how="t")
    army = Mention(0, 4, "army", Actor(name="army", kind="organization", country="ISR", sector="MIL"), how="t")
    rebels = Mention(0, 6, "rebels", Actor(name="rebels", kind="group", country="SYR", sector="REB"), how="t")
    assert home_state(court, "SANCTION").country == "PAK"
    assert home_state(court, "CONSULT") is None  # meetings are abroad as often as not
    assert home_state(army, "ASSAULT") is None and home_state(rebels, "ASSAULT") is None
