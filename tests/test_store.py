"""The stores: DuckDB file and PostgreSQL server, same interface, nothing stored twice."""

from __future__ import annotations

import uuid

import pytest

from tidings.document import Actor, Article, Document, Event, Mention, Quote, TextSpan
from tidings.store import open_store

TEXT = "Kuleba asked Wang Yi to help mediate a ceasefire, the ministry said."


def make_document(text: str = TEXT, published: str = "2022-03-01") -> Document:
    kuleba = Mention(0, 6, "Kuleba", Actor("Dmytro Kuleba", "person", "UKR", "GOV"), how="test")
    wang = Mention(13, 20, "Wang Yi", Actor("Wang Yi", "person", "CHN", "GOV"), how="test")
    ministry = Mention(54, 66, "the ministry", Actor("Ministry", "organization", "UKR", "GOV"))
    quote = Quote(id="q1", start=0, end=48, text=text[:48], kind="indirect", cue=TextSpan(67, 71, "said"),
                  speaker=ministry, confidence=0.8)
    event = Event(id="e1", type="REQUEST", trigger=TextSpan(7, 12, "asked"), sentence=(0, len(text)),
                  source=kuleba, target=wang, cameo="046", goldstein=7.0, quad_class=1, date=published,
                  modality="asserted", confidence=0.9, explanation="test")
    article = Article(text=text, origin="test", published=published)
    return Document(article=article, mentions=[kuleba, wang, ministry], quotes=[quote], events=[event])


def exercise(store) -> None:
    doc = make_document(TEXT + " " + uuid.uuid4().hex)  # unique per run: a server may be shared
    before = store.counts()
    result = store.add([doc, doc])
    assert (result.added, result.skipped) == (1, 1)
    assert store.add([doc]).added == 0
    after = store.counts()
    assert after["articles"] - before["articles"] == 1
    assert after["mentions"] - before["mentions"] == 3
    assert after["quotes"] - before["quotes"] == 1
    assert after["events"] - before["events"] == 1
    store.refresh_actors()
    _, rows = store.query("SELECT code FROM actors WHERE name = ?", ["Dmytro Kuleba"])
    assert rows and rows[0][0] == "UKRGOV"
    _, rows = store.query("SELECT source_code, target_code, type FROM events WHERE article_id = ?", [doc.article.id])
    assert rows == [("UKRGOV", "CHNGOV", "REQUEST")]
    from tidings.query import Filters, records

    found = [r for r in records(store, "events", Filters(type="request", actor="UKR", limit=10_000))
             if r["article"]["id"] == doc.article.id]
    assert found and found[0]["target"]["name"] == "Wang Yi"


def test_duckdb_store(tmp_path):
    store = open_store(str(tmp_path / "t.duckdb"))
    exercise(store)
    store.close()
    reopened = open_store(str(tmp_path / "t.duckdb"), read_only=True)
    assert reopened.counts()["articles"] == 1
    reopened.close()


@pytest.mark.postgres
def test_postgres_store(postgres_url):
    store = open_store(postgres_url)
    exercise(store)
    store.close()


def test_a_failed_batch_is_rolled_back(tmp_path):
    store = open_store(str(tmp_path / "t.duckdb"))
    good = make_document()
    bad = make_document(TEXT + " bad")
    bad.events[0].goldstein = "not a number"  # type: ignore[assignment]
    from tidings.errors import StoreError

    with pytest.raises(StoreError):
        store.add([good, bad])
    assert store.counts()["articles"] == 0
    assert store.add([good]).added == 1
    store.close()
