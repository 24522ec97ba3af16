"""The store at scale: duplicates looked up per batch (nothing loaded at start-up), `actors` kept up
to date batch by batch (equal to a full rebuild), and stores made by schema version 1 migrated."""

from __future__ import annotations

import datetime as dt
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest

from tidings.document import Actor, Article, Document, Mention
from tidings.ingest import dedup as dedup_module
from tidings.ingest.dedup import Deduplicator, lsh_scheme
from tidings.ingest.triage import Triage
from tidings.store import open_store, schema

VOCABULARY = ("minister talks ceasefire border troops sanctions embassy summit envoy agreement parliament vote "
         "election protest strike drone missile aid refugees grain export port harbour pipeline gas oil "
         "council resolution veto delegation treaty accord visit statement spokesman")
WORDS = VOCABULARY.split()


def story(n: int, length: int = 300) -> str:
    """A deterministic article of `length` words, different for each n."""
    import random

    rng = random.Random(n)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(length)) + "."


def near(text: str) -> str:
    return "CITY (Agency) - " + text.replace(text.split()[40], "changed", 1) + " Reporting by A. B."


def corpus() -> list[Article]:
    """Originals, exact copies and near copies, of articles earlier in the list and of each other."""
    out: list[Article] = []
    for n in range(120):
        if n % 10 == 3 and n > 10:
            text = "  " + out[n - 7].text.upper() + " "
        elif n % 10 == 7 and n > 10:
            text = near(out[n - 9].text)
        else:
            text = story(n)
        out.append(Article(text=text, origin=f"a{n}", language="en"))
    return out


def fresh_copies(articles: list[Article]) -> list[Article]:
    return [Article(text=a.text, origin=a.origin, language="en") for a in articles]


@contextmanager
def postgres_schema(postgres_url: str):
    """A PostgreSQL URL whose tables live in a schema of their own (dropped afterwards)."""
    import psycopg

    name = f"tidings_scale_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in postgres_url else "?"
    try:
        yield f"{postgres_url}{separator}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {name} CASCADE")


# -- duplicates --------------------------------------------------------------------------------------------
def statuses(store) -> dict[str, tuple[str, str | None]]:
    _, rows = store.query("SELECT origin, status, duplicate_of FROM articles")
    return {origin: (status, duplicate_of) for origin, status, duplicate_of in rows}


def in_memory_verdicts(articles: list[Article]) -> dict[str, tuple[str, str | None]]:
    """What one in-memory index (the earlier behaviour) says of each article."""
    dedup = Deduplicator(threshold=0.8)
    out = {}
    for article in fresh_copies(articles):
        match = dedup.check(article)
        out[article.origin] = ("processed", None) if match is None else ("duplicate", match.original)
    return out


def run_triage(store, articles: list[Article], *, batch: int = 32) -> None:
    """What `tidings process` does, in batches of `batch`, one run."""
    triage = Triage(store, near_threshold=0.8)
    pending = list(triage.to_process(articles))
    for i in range(0, len(pending), batch):
        store.add([Document(article=a) for a in pending[i:i + batch]] + triage.take_unprocessed())
    store.add(triage.take_unprocessed())


def check_runs_match_one_index(store) -> None:
    articles = corpus()
    expected = in_memory_verdicts(articles)
    assert sum(status == "duplicate" for status, _ in expected.values()) >= 18
    # three runs over the same store: each finds copies of what earlier runs stored
    run_triage(store, fresh_copies(articles[:50]))
    run_triage(store, fresh_copies(articles[:80]))  # the first 50 again: skipped, stored once
    run_triage(store, fresh_copies(articles))
    assert statuses(store) == expected
    assert store.counts()["articles"] == len(articles)
    _, rows = store.query("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM fingerprints")
    originals = sum(status == "processed" for status, _ in expected.values())
    assert rows == [(originals, originals)]
    bands, _ = lsh_scheme(0.8)
    _, rows = store.query("SELECT COUNT(*) FROM fingerprint_bands")
    assert rows == [(originals * bands,)]


def test_runs_against_a_duckdb_store_find_what_one_index_finds(tmp_path, monkeypatch):
    monkeypatch.setattr(dedup_module, "PENDING_LIMIT", 8)  # originals leave memory once stored
    with open_store(str(tmp_path / "t.duckdb")) as store:
        check_runs_match_one_index(store)


@pytest.mark.postgres
def test_runs_against_a_postgresql_store_find_what_one_index_finds(postgres_url, monkeypatch):
    monkeypatch.setattr(dedup_module, "PENDING_LIMIT", 8)
    with postgres_schema(postgres_url) as url, open_store(url) as store:
        check_runs_match_one_index(store)


def test_start_up_reads_no_fingerprints(tmp_path, monkeypatch):
    db = str(tmp_path / "t.duckdb")
    with open_store(db) as store:
        run_triage(store, corpus()[:30])
    with open_store(db) as store:
        monkeypatch.setattr(type(store), "fingerprints", lambda self, *a, **k: pytest.fail("fingerprints loaded"))
        triage = Triage(store, near_threshold=0.8)
        assert triage.dedup is not None and len(triage.dedup) == 0  # nothing held in memory
        copy = Article(text=near(corpus()[5].text), origin="copy", language="en")
        assert list(triage.to_process([copy])) == []
        assert copy.extra["duplicate_of"] == corpus()[5].id


def test_originals_leave_memory_once_stored(tmp_path, monkeypatch):
    monkeypatch.setattr(dedup_module, "PENDING_LIMIT", 10)
    with open_store(str(tmp_path / "t.duckdb")) as store:
        triage = Triage(store, near_threshold=0.8)
        originals = [Article(text=story(1000 + n), origin=f"o{n}", language="en") for n in range(12)]
        assert len(list(triage.to_process(originals[:6]))) == 6
        store.add([Document(article=a) for a in originals[:6]])
        assert len(list(triage.to_process(originals[6:]))) == 6  # 12 held: the 6 stored are dropped
        assert triage.dedup is not None and len(triage.dedup) == 6
        copies = [Article(text=near(a.text), origin=f"c{n}", language="en") for n, a in enumerate(originals)]
        assert list(triage.to_process(copies)) == []
        assert [c.extra["duplicate_of"] for c in copies] == [a.id for a in originals]


def test_a_new_threshold_indexes_the_stored_originals_once(tmp_path):
    db = str(tmp_path / "t.duckdb")
    with open_store(db) as store:
        run_triage(store, corpus()[:20])
        originals = sum(status == "processed" for status, _ in statuses(store).values())
        assert originals == 18  # two of the 20 are copies
        assert store.band_schemes() == [lsh_scheme(0.8)]
        assert store.use_band_scheme(lsh_scheme(0.7)) == originals  # the originals stored so far
        assert store.use_band_scheme(lsh_scheme(0.7)) == 0
        assert store.band_schemes() == [lsh_scheme(0.8), lsh_scheme(0.7)]
        store.add([Document(article=Article(text=story(500), origin="new", language="en"))])
    with open_store(db) as store:
        later = Triage(store, near_threshold=0.7)
        copy = Article(text=near(story(7)), origin="c", language="en")
        assert list(later.to_process([copy])) == [] and copy.extra["duplicate_of"] == corpus()[7].id
        _, rows = store.query("SELECT COUNT(*) FROM fingerprint_bands")
        assert rows == [(18 * sum(b for b, _ in store.band_schemes()),)]  # "new" had no fingerprint


# -- actors ------------------------------------------------------------------------------------------------
def actors_table(store) -> list[tuple]:
    _, rows = store.query("SELECT * FROM actors")
    return sorted(rows, key=repr)


def check_incremental_equals_rebuild(store, docs: list[Document], *, batch: int) -> list[tuple]:
    for i in range(0, len(docs), batch):
        store.add(docs[i:i + batch])
        store.refresh_actors()
    store.add(docs[:batch])  # already stored: changes nothing
    incremental = actors_table(store)
    store.rebuild_actors()
    rebuilt = actors_table(store)
    assert incremental == rebuilt
    _, rows = store.query("SELECT COUNT(*) FROM mentions")
    assert sum(r[5] for r in rebuilt) == rows[0][0]
    return rebuilt


def handmade_documents() -> list[Document]:
    """Keys with NULLs and empty strings, articles without a date, an actor in many articles."""
    docs = []
    for n in range(12):
        text = f"Article {n}: the minister and Ukraine, the envoy and the EU spoke."
        published = None if n % 4 == 0 else f"2022-0{1 + n % 9}-{10 + n}"
        mentions = [
            Mention(0, 5, "Ukraine", Actor("Ukraine", "country", "UKR", None)),
            Mention(6, 14, "minister", Actor("Minister", "person", "UKR" if n % 2 else None, "GOV")),
            Mention(15, 20, "envoy", Actor("Envoy", "person", "", "")),
            Mention(15, 20, "envoy", Actor("Envoy", "person", None, None)),
        ] + [Mention(21, 23, "EU", Actor("European Union", "organization", None, "IGO"))] * (n % 3)
        docs.append(Document(article=Article(text=text, origin=f"h{n}", published=published), mentions=mentions))
    return docs


def test_actors_incremental_equals_rebuild_on_handmade_keys(tmp_path):
    with open_store(str(tmp_path / "t.duckdb")) as store:
        rebuilt = check_incremental_equals_rebuild(store, handmade_documents(), batch=5)
    envoys = [r for r in rebuilt if r[0] == "Envoy"]
    assert len(envoys) == 2  # ("", "") and (NULL, NULL) are different actors, as GROUP BY has it
    days = sorted(dt.date.fromisoformat(d.article.published) for d in handmade_documents() if d.article.published)
    ukraine = next(r for r in rebuilt if r[0] == "Ukraine")
    assert ukraine[5:] == (12, 12, days[0], days[-1])


@pytest.mark.postgres
def test_actors_incremental_equals_rebuild_on_handmade_keys_in_postgresql(postgres_url):
    with postgres_schema(postgres_url) as url, open_store(url) as store:
        check_incremental_equals_rebuild(store, handmade_documents(), batch=5)


@pytest.fixture(scope="module")
def real_documents(pipeline) -> list[Document]:
    """The seed and 11 Wikinews articles through the real pipeline."""
    from conftest import EXAMPLES, SEED, SEED_PUBLISHED

    articles = [Article(text=SEED.read_text(encoding="utf-8"), origin=str(SEED), published=SEED_PUBLISHED)]
    for path in sorted((EXAMPLES / "wikinews").glob("*.txt"))[:11]:
        articles.append(Article(text=path.read_text(encoding="utf-8"), origin=str(path), published=path.name[:10]))
    docs = list(pipeline.pipe(articles))
    assert sum(len(d.mentions) for d in docs) > 300
    return docs


@pytest.mark.model
def test_actors_incremental_equals_rebuild_on_real_articles(real_documents, tmp_path):
    with open_store(str(tmp_path / "t.duckdb")) as store:
        rebuilt = check_incremental_equals_rebuild(store, real_documents, batch=3)
    assert len(rebuilt) > 50 and max(r[6] for r in rebuilt) > 1  # actors across several articles


@pytest.mark.model
@pytest.mark.postgres
def test_actors_incremental_equals_rebuild_on_real_articles_in_postgresql(real_documents, postgres_url):
    with postgres_schema(postgres_url) as url, open_store(url) as store:
        rebuilt = check_incremental_equals_rebuild(store, real_documents, batch=3)
    assert len(rebuilt) > 50


# -- migration from schema version 1 ------------------------------------------------------------------------
# The tables as version 1 made them (frozen here: the schema module moves on).
V1_TABLES = {**{t: cols for t, cols in schema.TABLES.items()},
             "fingerprints": [("article_id", "TEXT PRIMARY KEY"), ("norm_hash", "TEXT"), ("minhash", "TEXT")]}
V1_INDEXES = ["CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id)",
              "CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id)",
              "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)"]


def write_v1_store(execute, docs: list[Document]) -> None:
    """A store as version 1 left it, with its `actors` stale (as after a run cut short)."""
    for table, columns in V1_TABLES.items():
        cols = ", ".join(f'"{n}" {t}' for n, t in columns)
        execute(f"CREATE TABLE {table} ({cols})", [])
    for statement in V1_INDEXES:
        execute(statement, [])
    rows = {"articles": [schema.article_row(d, status=schema.article_status(d)[0],
                                            duplicate_of=schema.article_status(d)[1]) for d in docs],
            "mentions": [r for d in docs for r in schema.mention_rows(d)],
            "fingerprints": [r for d in docs for r in schema.fingerprint_rows(d)]}
    for table, table_rows in rows.items():
        marks = ", ".join("?" * len(schema.column_names(table)))
        for row in table_rows:
            execute(f"INSERT INTO {table} VALUES ({marks})", row)
    execute("INSERT INTO actors VALUES ('Stale', 'person', NULL, NULL, NULL, 99, 99, NULL, NULL)", [])


def v1_documents() -> list[Document]:
    dedup = Deduplicator(threshold=0.8)
    docs = handmade_documents()[:6]
    for n, doc in enumerate(docs):
        doc.article.text = story(2000 + n)
        doc.article.extra.clear()
        doc.article.id = Article(text=doc.article.text, origin="x").id
        assert dedup.check(doc.article) is None  # puts its fingerprint in extra, as version 1 did
    return docs


def check_migrated(store, docs: list[Document]) -> None:
    assert store.schema_version() == schema.SCHEMA_VERSION
    assert store.counts()["articles"] == len(docs)
    assert "Stale" not in {r[0] for r in actors_table(store)}  # rebuilt once, from the mentions
    before = actors_table(store)
    store.rebuild_actors()
    assert actors_table(store) == before
    assert store.band_schemes() == []  # bands come with the first run that needs them
    triage = Triage(store, near_threshold=0.8)
    exact = Article(text=docs[2].article.text.upper(), origin="exact", language="en")
    near_copy = Article(text=near(docs[4].article.text), origin="near", language="en")
    again = Article(text=docs[1].article.text, origin="again", language="en")
    new = Article(text=story(3000), origin="new", language="en")
    assert list(triage.to_process([exact, near_copy, again, new])) == [new]
    assert (exact.extra["duplicate_of"], near_copy.extra["duplicate_of"]) == (docs[2].article.id, docs[4].article.id)
    extra = Document(article=new, mentions=handmade_documents()[7].mentions)
    store.add([extra] + triage.take_unprocessed())
    assert statuses(store)["near"] == ("duplicate", docs[4].article.id)
    incremental = actors_table(store)
    store.rebuild_actors()
    assert actors_table(store) == incremental


def test_a_version_1_duckdb_store_is_migrated(tmp_path):
    db = str(tmp_path / "v1.duckdb")
    docs = v1_documents()
    with duckdb.connect(db) as con:
        write_v1_store(lambda sql, params: con.execute(sql, params), docs)
    with open_store(db, read_only=True) as old:  # reading needs no migration
        assert old.counts()["articles"] == len(docs)
    with open_store(db) as store:
        check_migrated(store, docs)
    with open_store(db) as store:  # opened again: nothing more to migrate
        assert store.schema_version() == schema.SCHEMA_VERSION and store.band_schemes() == [lsh_scheme(0.8)]


@pytest.mark.postgres
def test_a_version_1_postgresql_store_is_migrated(postgres_url):
    import psycopg

    docs = v1_documents()
    with postgres_schema(postgres_url) as url:
        with psycopg.connect(url, autocommit=True) as con:
            write_v1_store(lambda sql, params: con.execute(sql.replace("?", "%s"), params), docs)
        with open_store(url) as store:
            check_migrated(store, docs)


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    from tidings.errors import StoreError

    db = str(tmp_path / "t.duckdb")
    with open_store(db) as store:
        store.execute("UPDATE tidings_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer tidings"):
        open_store(db)
    assert Path(db).exists()
