"""The GDELT columns tidings fills beyond the event itself: document tone and the actors' places.

Tone and places are checked on hand-made texts (exact counts) and on the exported rows of the
bundled Wikinews examples run through the real pipeline.
"""

from __future__ import annotations

import json

import pytest

from tidings.export import EVENT_COLUMNS, MENTION_COLUMNS, export_store
from tidings.export.geo import actor_geo, country_by_code, fips, place
from tidings.tone import document_tone, tone_counts

# -- tone --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "positive", "negative", "words"), [
    ("The attack killed ten people.", 0, 2, 5),  # attack, killed
    ("Leaders welcomed the peaceful agreement.", 3, 0, 5),  # welcomed, peaceful, agreement
    ("The plan is not good.", 0, 1, 5),  # the phrase "not good" counts once, "good" not at all
    ("It is kind of a deal.", 0, 0, 6),  # "kind of" is neutral: "kind" alone would be positive
    ("The minister’s cover-up", 0, 1, 3),  # curly apostrophe and hyphenated entries are words
    ("", 0, 0, 0),
])
def test_tone_counts(text, positive, negative, words):
    counts = tone_counts(text)
    assert (counts.positive, counts.negative, counts.words) == (positive, negative, words)


def test_tone_score_is_gdelts_formula():
    assert document_tone("The attack killed ten people.") == -40.0  # (0 - 2) / 5 * 100
    assert document_tone("Leaders welcomed the peaceful agreement.") == 60.0
    assert document_tone("") == 0.0


def test_tone_leaves_out_boilerplate():
    text = "Peace talks succeeded.\nAlso Read | Deadly bomb kills dozens in terror attack"
    start = text.index("Also Read")
    assert document_tone(text) < 0 < document_tone(text, skip=[(start, len(text))])


# -- actors' places ------------------------------------------------------------------------------

SENTENCES = ("Rebels in Darfur attacked a convoy. Russian troops stationed in Kherson fired. "
             "The governor of Texas spoke. Kabul police arrested him. NATO met in Brussels. "
             "Ministers of Defence met. Protesters from Georgia marched. The Washington Post reported.")


def _side(needle: str, **actor) -> dict:
    start = SENTENCES.index(needle)
    return {"text": needle, "start": start, "end": start + len(needle), **actor}


@pytest.mark.parametrize(("needle", "actor", "expected"), [
    # a place named right after the mention wins over the actor's country
    ("Russian troops", {"kind": "group", "country": "RUS"}, (4, "Kherson, Ukraine", "UP")),
    ("The governor", {"kind": "person", "country": "USA"}, (2, "Texas, United States", "US")),
    # "Darfur" is not in the gazetteer (a region): the actor's country, type 1
    ("Rebels", {"kind": "group", "country": "SDN"}, (1, "Sudan", "SU")),
    # a place the mention of a group starts with
    ("Kabul police", {"kind": "group", "country": "AFG"}, (4, "Kabul, Afghanistan", "AF")),
    ("The Washington Post", {"kind": "organization", "country": "USA"},
     (3, "Washington, District of Columbia, United States", "US")),
    # the place of the action is not the actor's: "NATO met in Brussels" names no place for NATO
    ("NATO", {"kind": "organization", "country": None}, (0, "", "")),
    # "of Defence" is no place
    ("Ministers", {"kind": "person", "country": "GBR"}, (1, "United Kingdom", "UK")),
    # "Georgia" for American protesters is the state
    ("Protesters", {"kind": "group", "country": "USA"}, (2, "Georgia, United States", "US")),
    ("Protesters", {"kind": "group", "country": None}, (1, "Georgia", "GG")),
])
def test_actor_geo(needle, actor, expected):
    geo = actor_geo(_side(needle, **actor), SENTENCES)
    assert (geo.type, geo.full_name, geo.country_code) == expected
    columns = geo.columns()
    assert len(columns) == 8
    if geo.type == 1:  # country: ADM1 and FeatureID are the FIPS code, the point is the capital's
        assert columns[3] == columns[7] == geo.country_code
        assert geo.lat is not None and geo.lon is not None


def test_country_point_is_the_capital():
    geo = place("Ukraine")
    assert (geo.type, geo.country_code) == (1, "UP")
    assert abs(geo.lat - 50.45) < 0.1 and abs(geo.lon - 30.52) < 0.1  # Kyiv


@pytest.mark.parametrize("word", ["Police", "Union", "Liberty", "Monday", "March", "Defence"])
def test_common_words_are_no_places(word):
    assert place(word).type == 0


# -- the bundled examples through the real pipeline ------------------------------------------------

NEGATIVE = "Germany says Alexei Navalny poisoned with Novichok"
POSITIVE = "Benin, Nigeria join African Union continental free trade bloc"
ALSO = ("Serbian protesters try to storm Parliament; fourth day of protests",
        "Coalition authorities report no casualties from missile strike on Iraqi air base")


@pytest.fixture(scope="module")
def example_exports(pipeline, tmp_path_factory):
    from conftest import EXAMPLES

    from tidings.document import Article
    from tidings.engine import run
    from tidings.store import open_store

    wanted = {NEGATIVE, POSITIVE, *ALSO}
    articles = []
    for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("title") in wanted:
            articles.append(Article(text=record["text"], origin="examples/articles.jsonl", title=record["title"],
                                    url=record["url"], source=record["source"], published=record["published"]))
    assert len(articles) == len(wanted)
    folder = tmp_path_factory.mktemp("examples")
    db = folder / "examples.duckdb"
    with open_store(str(db)) as writable:
        writable.add(run(articles, pipeline=pipeline))
    with open_store(str(db), read_only=True) as store:
        export_store(store, "gdelt", folder / "events.tsv")
        export_store(store, "gdelt-mentions", folder / "mentions.tsv")
    events = [line.split("\t") for line in (folder / "events.tsv").read_text(encoding="utf-8").splitlines()]
    mentions = [line.split("\t") for line in (folder / "mentions.tsv").read_text(encoding="utf-8").splitlines()]
    return {a.url: a for a in articles}, events, mentions


@pytest.mark.model
def test_examples_tone_sign(example_exports):
    articles, events, mentions = example_exports
    assert all(len(row) == 16 for row in mentions)
    tone = {}
    for row in mentions:
        record = dict(zip(MENTION_COLUMNS, row))
        tone.setdefault(articles[record["MentionIdentifier"]].title, set()).add(float(record["MentionDocTone"]))
    assert set(tone) == {NEGATIVE, POSITIVE, *ALSO}  # every article reports events
    assert all(len(values) == 1 for values in tone.values())  # one tone per article
    assert next(iter(tone[NEGATIVE])) < -3  # poisoning, coma, nerve agent
    assert next(iter(tone[POSITIVE])) > 3  # joining a free-trade agreement
    assert next(iter(tone[ALSO[0]])) < 0  # protesters storm parliament
    # AvgTone: the mean over the articles that report an event; here mostly one article each.
    by_article = {}
    for row in mentions:
        record = dict(zip(MENTION_COLUMNS, row))
        by_article.setdefault(record["GLOBALEVENTID"], set()).add(float(record["MentionDocTone"]))
    for row in events:
        record = dict(zip(EVENT_COLUMNS, row))
        tones = by_article[record["GLOBALEVENTID"]]
        assert float(record["AvgTone"]) == pytest.approx(sum(tones) / len(tones), abs=1e-3)


@pytest.mark.model
def test_examples_geo_columns_filled_and_consistent(example_exports):
    articles, events, _ = example_exports
    assert events and all(len(row) == 61 for row in events)
    placed = 0
    for row in events:
        record = dict(zip(EVENT_COLUMNS, row))
        text = articles[record["SOURCEURL"]].text
        for actor in ("Actor1", "Actor2"):
            country = record[f"{actor}CountryCode"]
            geo_type = record[f"{actor}Geo_Type"]
            if not record[f"{actor}Name"]:
                assert geo_type == "0" and record[f"{actor}Geo_FullName"] == ""
                continue
            if country_by_code(country):  # an actor of a known country is always placed
                assert geo_type in {"1", "2", "3", "4"}, record
            if geo_type == "0":
                continue
            placed += 1
            full_name = record[f"{actor}Geo_FullName"]
            geo_country = record[f"{actor}Geo_CountryCode"]
            assert full_name and len(geo_country) == 2
            assert record[f"{actor}Geo_ADM1Code"].startswith(geo_country)
            assert -90 <= float(record[f"{actor}Geo_Lat"]) <= 90 and -180 <= float(record[f"{actor}Geo_Long"]) <= 180
            if geo_type == "1":
                assert record[f"{actor}Geo_FeatureID"] == geo_country
            if geo_country != fips(country):  # a place other than its country must be named in the text
                assert full_name.split(",")[0] in text, (record[f"{actor}Name"], full_name)
    assert placed >= len(events) // 2  # most events have a placed actor (the events stage's output varies)
    for row in events:
        record = dict(zip(EVENT_COLUMNS, row))
        assert len(record["DATEADDED"]) == 14 and record["DATEADDED"].isdigit()
        # the day the event happened: mostly 2019-2020, the articles' years; events the text dates to earlier
        # years ("in 2011") keep those (events/when.py)
        assert record["SQLDATE"].isdigit() and len(record["SQLDATE"]) == 8 and "1900" <= record["SQLDATE"] <= "2021"


# -- religion from the mention's words --------------------------------------------------------------

@pytest.mark.parametrize(("text", "codes"), [
    ("Shia militias", ["MOS", "SHI"]),
    ("the Catholic bishop", ["CHR", "CTH"]),  # GDELT: Christianity, then Catholicism
    ("Orthodox Jews", ["JEW"]),
    ("the Orthodox Church", ["CHR", "DOX"]),
    ("Islamic State", []),  # a name, not a religious affiliation the text states
    ("protesters", []),
])
def test_religions_in(text, codes):
    from tidings.export.cameo import religions_in

    assert religions_in(text) == codes


def test_gdelt_religion_columns_from_the_mention(tmp_path):
    from tidings.document import Actor, Article, Document, Event, Mention, TextSpan
    from tidings.store import open_store

    text = "Sunni tribesmen attacked Iraq's army."
    tribesmen = Mention(0, 15, "Sunni tribesmen", Actor("tribesmen", "group", "IRQ", "CVL", "IRQCVL"), "agent")
    army = Mention(25, 36, "Iraq's army", Actor("Iraq", "organization", "IRQ", "MIL", "IRQMIL"), "agent")
    event = Event(id="e1", type="ASSAULT", trigger=TextSpan(16, 24, "attacked"), sentence=(0, len(text)),
                  source=tribesmen, target=army, cameo="190")
    path = tmp_path / "r.duckdb"
    with open_store(str(path)) as writable:
        writable.add([Document(Article(text=text, published="2020-01-01"), mentions=[tribesmen, army],
                               events=[event])])
    with open_store(str(path), read_only=True) as store:
        export_store(store, "gdelt", tmp_path / "g.tsv")
    record = dict(zip(EVENT_COLUMNS, (tmp_path / "g.tsv").read_text().rstrip("\n").split("\t")))
    assert (record["Actor1Religion1Code"], record["Actor1Religion2Code"]) == ("MOS", "SUN")
    assert (record["Actor2Religion1Code"], record["Actor2Religion2Code"]) == ("", "")
    assert record["Actor1EthnicCode"] == record["Actor2EthnicCode"] == ""  # never coded
    assert (record["Actor1Geo_FullName"], record["Actor2Geo_FullName"]) == ("Iraq", "Iraq")
    assert record["AvgTone"] == "-20.0"  # "attacked": 1 negative word of 5 ("Iraq's" is one)


def test_document_json_carries_the_tone():
    from tidings.document import Article, Document

    text = "Peace talks succeeded.\nAlso Read | Deadly bomb kills dozens in terror attack"
    boilerplate = [(text.index("Also Read"), len(text))]
    article = Document(Article(text=text), boilerplate=boilerplate).to_dict()["article"]
    assert article["tone"] == document_tone(text, skip=boilerplate) > 0  # boilerplate left out
    assert Document(Article(text="Paix et succès.", language="fr")).to_dict()["article"]["tone"] is None


@pytest.mark.parametrize(("sentence", "needle", "country", "expected"), [
    ("Police in Syria's northeast fired.", "Police", "SYR", "Syria"),  # up to the possessive
    ("Troops in Iraq and Syria left.", "Troops", "USA", "Iraq"),  # the first of two places
    ("Guards at the Lincoln Memorial waited.", "Guards", "USA", "United States"),  # not Lincoln, Nebraska
    ("Rebels in Idlib, Syria fought.", "Rebels", "SYR", "Idlib, Syria"),
    ("Officials in New York City spoke.", "Officials", "USA", "New York City, New York, United States"),
    ("Iran, in response, fired.", "Iran", "IRN", "Iran"),
    ("Turkey in March attacked.", "Turkey", "TUR", "Turkey"),
])
def test_actor_geo_place_names(sentence, needle, country, expected):
    start = sentence.index(needle)
    side = {"text": needle, "start": start, "end": start + len(needle), "kind": "group", "country": country}
    assert actor_geo(side, sentence).full_name == expected
