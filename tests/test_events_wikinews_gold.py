"""The Wikinews events gold set (tests/golden/wikinews_events.jsonl, docs/events-gold.md) and its evaluator."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

from tidings.document import Event, Location, TextSpan
from tidings.errors import InputError
from tidings.events.evaluate_gold import read_gold, type_counts
from tidings.events.tables import PLOVER_TYPES

GOLD = Path(__file__).resolve().parent / "golden" / "wikinews_events.jsonl"
DATELINE = re.compile(r"^\w+day, \w+ \d+, \d{4}")

TEXT = "Monday, May 4, 2020\n\nRussia accused Ukraine of shelling. Nothing else happened."
GOOD = {"url": "https://en.wikinews.org/wiki/X", "date": "2020-05-04", "title": "X", "text": TEXT,
        "sentences": [{"text": "Russia accused Ukraine of shelling.", "events": [
            {"trigger": "accused", "type": "ACCUSE", "mode": "allege",
             "source": {"text": "Russia", "key": "RUS", "sector": None},
             "target": {"text": "Ukraine", "key": "UKR", "sector": None}, "negated": False, "modality": "asserted"}]},
            {"text": "Nothing else happened.", "events": []}]}


def _records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _changed(path: str, value) -> dict:
    """GOOD with the value at a dotted path (list indices as numbers) replaced, or deleted where value is ..."""
    record = json.loads(json.dumps(GOOD))
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    obj = record
    for p in parents:
        obj = obj[p]
    if value is ...:
        del obj[last]
    else:
        obj[last] = value
    return record


BAD = [
    ("broken_json", None, "T720", "broken JSON"),
    ("not_an_object", [1, 2], "T720", "not a JSON object"),
    ("no_text", _changed("text", ...), "T720", '"text"'),
    ("bad_date", _changed("date", "May 4"), "T720", "YYYY-MM-DD"),
    ("no_sentences", _changed("sentences", []), "T720", '"sentences"'),
    ("sentence_not_in_text", _changed("sentences.0.text", "Russia praised Ukraine."), "T720", "sentence 1"),
    ("sentences_out_of_order", {**GOOD, "sentences": GOOD["sentences"][::-1]}, "T720", "sentence 2"),
    ("wrong_start", _changed("sentences.1.start", 3), "T720", '"start"'),
    ("no_events_list", _changed("sentences.1.events", ...), "T720", '"events"'),
    ("old_type", _changed("sentences.0.events.0.type", "DISAPPROVE"), "T721", "not a PLOVER type"),
    ("trigger_elsewhere", _changed("sentences.0.events.0.trigger", "praised"), "T721", "not in the sentence"),
    ("bad_modality", _changed("sentences.0.events.0.modality", "maybe"), "T721", "modality"),
    ("bad_negated", _changed("sentences.0.events.0.negated", "no"), "T721", "negated"),
    ("bad_source", _changed("sentences.0.events.0.source", "Russia"), "T721", "source"),
    ("bad_when", _changed("sentences.0.events.0.when", "May 2020"), "T721", "when"),
    ("bad_where", _changed("sentences.0.events.0.where", "Kyiv"), "T721", "where"),
    ("where_without_place", _changed("sentences.0.events.0.where", {"text": "Kyiv", "country": "UKR"}), "T721",
     "where"),
]


def test_the_small_good_file_reads(tmp_path):
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n", encoding="utf-8")
    [article] = read_gold(path)
    assert [(s.start, len(s.events)) for s in article.sentences] == [(21, 1), (57, 0)]
    event = article.sentences[0].events[0]
    assert (event.type, event.source, event.target, event.counted) == ("ACCUSE", "RUS", "UKR", True)
    assert TEXT[event.trigger[0]:event.trigger[1]] == "accused"


@pytest.mark.parametrize(("name", "record", "code", "words"), BAD, ids=[b[0] for b in BAD])
def test_the_reader_rejects_malformed_files(tmp_path, name, record, code, words):
    path = tmp_path / f"{name}.jsonl"
    line = '{"url": "x", "date": ' if record is None else json.dumps(record)
    path.write_text(json.dumps(GOOD) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(path)
    message = str(caught.value)
    assert message.startswith(code) and f"{path}, line 2" in message and words in message
    assert "docs/events-gold.md" in message  # the fix is named


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputError, match="^T101"):
        read_gold(tmp_path / "nothing.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="^T102"):
        read_gold(tmp_path / "empty.jsonl")


def test_when_and_where_read(tmp_path):
    record = _changed("sentences.0.events.0.when", "2020-05")
    record["sentences"][0]["events"][0]["where"] = {"text": "Russia", "country": "RUS", "place": "Russia"}
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    plain, coded = read_gold(path)
    event = coded.sentences[0].events[0]
    assert event.when == "2020-05" and (event.where.country, event.where.place) == ("RUS", "Russia")
    assert plain.sentences[0].events[0].when == "unset"  # not coded for dates and places


def _event(start: int, end: int, *, date: str | None, place: tuple[str, str] | None, why: str) -> Event:
    location = Location(name=place[0], country=place[1]) if place else None
    return Event(id="e", type="ACCUSE", trigger=TextSpan(start, end, TEXT[start:end]), sentence=(21, 56),
                 date=date, location=location, explanation=why)


def test_when_where_scores_dates_by_grain_and_places_by_country():
    from tidings.events.evaluate_gold import GoldPlace, WhenWhere, read_gold

    gold = read_gold(GOLD)[0]
    event = next(e for s in gold.sentences for e in s.events if e.counted)
    tally = WhenWhere()
    ukraine = GoldPlace(text="Ukraine", country="UKR", place="Kyiv")
    cases = [("2020-05-01", "2020-05-01", "date 'Friday'", ("Kyiv", "UKR")),  # right day, right place
             ("2020-05", "2020-05-04", "date: publication", ("Lviv", "UKR")),  # right month, right country
             ("2019", "2020-05-04", "date: the lead's 'Monday'", ("Moscow", "RUS")),  # wrong year, wrong country
             (None, "2020-05-04", "date: publication", None)]  # no date stated; no place found
    for when, day, why, place in cases:
        gold_event = type(event)(**{**{f: getattr(event, f) for f in event.__slots__}, "when": when,
                                    "where": ukraine})
        tally.add(gold_event, _event(*gold_event.trigger, date=day, place=place, why=why), gold.date, "")
    scores = tally.scores()
    assert scores["paired"] == 4 and scores["date"]["stated"] == 3 and scores["date"]["unstated"] == 1
    assert scores["date"]["accuracy"] == round(2 / 3, 4)
    assert (scores["date"]["day_accuracy"], scores["date"]["month_accuracy"], scores["date"]["year_accuracy"]) \
        == (1.0, 1.0, 0.0)
    assert (scores["date"]["from_sentence"], scores["date"]["from_lead"], scores["date"]["from_publication"]) \
        == (1, 1, 1)
    assert scores["location"]["recall"] == 0.75 and scores["location"]["precision"] == round(2 / 3, 4)
    assert scores["location"]["country_accuracy"] == round(2 / 3, 4)
    assert scores["location"]["place_accuracy"] == round(1 / 3, 4)


WHEN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_every_counted_event_has_its_date_and_place_coded():
    for record in _records():
        text, published = record["text"], record["date"]
        for sentence in record["sentences"]:
            for event in sentence["events"]:
                counted = event["modality"] in ("asserted", "intended") and not event["negated"]
                assert counted == ("when" in event) == ("where" in event), (record["url"], event["trigger"])
                if not counted:
                    continue
                when, where = event["when"], event["where"]
                assert when is None or WHEN.match(when), when
                if when is not None and event["modality"] == "asserted":
                    assert when <= published, (record["url"], event["trigger"], when)  # no past event after it
                if where is not None:
                    assert set(where) == {"text", "country", "place"} and where["text"] in text, where
                    assert where["country"] is None or re.fullmatch(r"[A-Z]{3}", where["country"]), where


def test_dates_and_places_are_coded_in_both_halves():
    for half in (_records()[0::2], _records()[1::2]):
        events = [e for r in half for s in r["sentences"] for e in s["events"] if "when" in e]
        assert len(events) > 200
        assert sum(e["when"] is not None for e in events) > 100 and sum(e["where"] is not None for e in events) > 150


ARTICLES = 55  # 31 first coded, then articles about states other than the US appended (docs/events-gold.md)


def test_the_gold_file_reads_and_is_sizeable():
    gold = read_gold(GOLD)
    assert len(gold) == ARTICLES
    assert sum(len(a.sentences) for a in gold) >= 950
    counts = type_counts(gold)
    assert sum(counts.values()) >= 650
    assert set(counts) == set(PLOVER_TYPES)  # every PLOVER type occurs
    # sentences with no event are marked as such: that is what makes precision fair
    assert sum(not s.events for a in gold for s in a.sentences) >= 450


def _main_source_key(record: dict) -> str | None:
    keys = Counter(e["source"]["key"] for s in record["sentences"] for e in s["events"]
                   if e["source"] and e["source"]["key"])
    return keys.most_common(1)[0][0] if keys else None


def test_no_one_state_dominates_the_set():
    """The set was widened beyond the US (docs/events-gold.md): no state is the main source of a third of the
    articles, of either half, and the sources' keys are many."""
    records = _records()
    for half in (records, records[0::2], records[1::2]):
        main = Counter(_main_source_key(r) for r in half)
        assert max(main.values()) < len(half) / 3, main.most_common(3)
    keys = {e["source"]["key"] for r in records for s in r["sentences"] for e in s["events"] if e["source"]}
    assert len(keys - {None}) >= 30


def _wikinews_page(url: str) -> str:
    return unquote(url).rstrip("/").rsplit("/wiki/", 1)[-1].strip("'").lower()


def test_articles_are_distinct_and_none_is_an_example():
    records = _records()
    pages = [_wikinews_page(r["url"]) for r in records]
    assert len(set(pages)) == len(pages)
    examples = Path(__file__).resolve().parents[1] / "examples"
    shown = set(re.findall(r"https://en\.wikinews\.org/+wiki/[^\s|]+", (examples / "ATTRIBUTION.md").read_text("utf-8")))
    shown |= {json.loads(line).get("url") or "" for line in
              (examples / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()}
    assert len(shown) > 20
    assert not set(pages) & {_wikinews_page(u) for u in shown if u}


@pytest.mark.parametrize("record", _records(), ids=lambda r: r["date"] + "-" + r["url"].rsplit("/", 1)[-1][:40])
def test_sentences_are_found_in_order_and_cover_the_body(record):
    text, pos = record["text"], 0
    covered = [False] * len(text)
    for sentence in record["sentences"]:
        start = text.find(sentence["text"], pos)
        assert start >= 0, sentence["text"]
        assert sentence.get("start", start) == start
        assert sentence["text"] == sentence["text"].strip()
        for i in range(start, start + len(sentence["text"])):
            covered[i] = True
        pos = start + len(sentence["text"])
    body = text.index("\n") + 1 if DATELINE.match(text) else 0
    missed = "".join(c for i, c in enumerate(text) if i >= body and not covered[i] and not c.isspace())
    assert missed == ""


@pytest.mark.parametrize("record", _records(), ids=lambda r: r["date"] + "-" + r["url"].rsplit("/", 1)[-1][:40])
def test_events_use_plover_types_and_words_of_their_sentence(record):
    for sentence in record["sentences"]:
        for event in sentence["events"]:
            assert event["type"] in PLOVER_TYPES
            assert event["trigger"] in sentence["text"]
            assert event["modality"] in ("asserted", "intended", "requested", "hypothetical")
            for role in ("source", "target"):
                actor = event[role]
                assert actor is None or (actor["key"] is None or re.fullmatch(r"[A-Z]{3}", actor["key"]))


@pytest.mark.model
def test_the_evaluator_scores_the_gold_set(pipeline):
    from tidings.evaluate import EVALUATORS

    scores = EVALUATORS[("events", "tidings-gold")](GOLD, pipeline=pipeline)
    assert scores["articles"] == ARTICLES and scores["failed_articles"] == 0
    assert set(scores["halves"]) == {"dev", "test"} and "held out" in scores["split"]
    assert scores["halves"]["dev"]["articles"] == (ARTICLES + 1) // 2
    assert scores["halves"]["test"]["articles"] == ARTICLES // 2
    assert scores["gold_events_counted"] > 350
    # A regression guard, not a target: (type, source) F1 on the whole set was 0.29 when this was written
    # (2026-11-29); the floor sits about 0.1 below it. Raise it when the events stage gets better.
    assert scores["type_source"]["f1"] >= 0.19
    assert scores["type"]["precision"] >= 0.55
    assert 0.0 <= scores["modality_agreement"] <= 1.0
    # dates and places (`when_where`): guards, not targets; the first measure (2026-11-30, before the fixes
    # of that day) gave date accuracy 0.33 and location recall 0.09, after them 0.79 and 0.70
    for part in (scores, scores["halves"]["dev"], scores["halves"]["test"]):
        when_where = part["when_where"]
        assert when_where["paired"] > 80
        assert when_where["date"]["accuracy"] >= 0.6 and when_where["location"]["recall"] >= 0.5
        assert when_where["location"]["country_accuracy"] >= 0.8


@pytest.mark.model
def test_dev_differences_list_only_dev_articles(pipeline):
    from tidings.events.evaluate_gold import dev_differences

    dev_urls = {r["url"] for r in _records()[0::2]}
    rows = dev_differences(GOLD, pipeline=pipeline)
    assert rows and {r["url"] for r in rows} <= dev_urls
    assert all(r["missed"] or r["extra"] for r in rows)


@pytest.mark.model
def test_dev_when_where_lists_only_dev_articles(pipeline):
    from tidings.events.evaluate_gold import dev_when_where

    dev_urls = {r["url"] for r in _records()[0::2]}
    rows = dev_when_where(GOLD, pipeline=pipeline)
    assert len(rows) > 300 and {r["url"] for r in rows} <= dev_urls
    assert sum(r["found"] for r in rows) > 150
