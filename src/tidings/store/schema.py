"""The tables of a store, and how a `Document` becomes rows in them.

The SQL is the common subset of DuckDB and PostgreSQL. Quotes and events keep
their full JSON record (column `record`) beside the flat columns meant for SQL.
"""

from __future__ import annotations

import json
from typing import Any

from ..document import Document, Mention

TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "TEXT PRIMARY KEY"), ("origin", "TEXT"), ("title", "TEXT"), ("url", "TEXT"),
        ("source", "TEXT"), ("published", "DATE"), ("language", "TEXT"), ("text", "TEXT"),
        ("boilerplate", "TEXT"), ("status", "TEXT"), ("duplicate_of", "TEXT"), ("added_at", "TIMESTAMP"),
    ],
    "mentions": [
        ("article_id", "TEXT"), ("n", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "TEXT"),
        ("name", "TEXT"), ("kind", "TEXT"), ("country", "TEXT"), ("sector", "TEXT"), ("code", "TEXT"),
        ("how", "TEXT"),
    ],
    "quotes": [
        ("article_id", "TEXT"), ("id", "TEXT"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "TEXT"),
        ("kind", "TEXT"), ("cue", "TEXT"),
        ("speaker_text", "TEXT"), ("speaker_name", "TEXT"), ("speaker_kind", "TEXT"),
        ("speaker_country", "TEXT"), ("speaker_sector", "TEXT"), ("speaker_code", "TEXT"),
        ("addressee_name", "TEXT"), ("addressee_code", "TEXT"), ("via", "TEXT"),
        ("confidence", "DOUBLE PRECISION"), ("record", "TEXT"),
    ],
    "events": [
        ("article_id", "TEXT"), ("id", "TEXT"), ("type", "TEXT"), ("mode", "TEXT"), ("context", "TEXT"),
        ("cameo", "TEXT"), ("goldstein", "DOUBLE PRECISION"), ("quad_class", "INTEGER"),
        ("source_text", "TEXT"), ("source_name", "TEXT"), ("source_kind", "TEXT"), ("source_country", "TEXT"),
        ("source_sector", "TEXT"), ("source_code", "TEXT"),
        ("target_text", "TEXT"), ("target_name", "TEXT"), ("target_kind", "TEXT"), ("target_country", "TEXT"),
        ("target_sector", "TEXT"), ("target_code", "TEXT"),
        ("trigger", "TEXT"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
        ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"), ("negated", "BOOLEAN"), ("modality", "TEXT"),
        ("date", "DATE"), ("location_name", "TEXT"), ("location_country", "TEXT"),
        ("lat", "DOUBLE PRECISION"), ("lon", "DOUBLE PRECISION"), ("via", "TEXT"),
        ("confidence", "DOUBLE PRECISION"), ("explanation", "TEXT"), ("record", "TEXT"),
    ],
    "actors": [
        ("name", "TEXT"), ("kind", "TEXT"), ("country", "TEXT"), ("sector", "TEXT"), ("code", "TEXT"),
        ("mentions", "INTEGER"), ("articles", "INTEGER"), ("first_seen", "DATE"), ("last_seen", "DATE"),
    ],
}

# Bookkeeping tables, not part of the exported data: what ingestion needs to find
# duplicates of stored articles in later runs (see tidings.ingest.dedup), and the store's
# own version. `fingerprint_bands` holds one row per LSH band of each original, for each
# banding scheme in use (listed in `tidings_meta` under `band_schemes`).
INTERNAL_TABLES: dict[str, list[tuple[str, str]]] = {
    "fingerprints": [("article_id", "TEXT PRIMARY KEY"), ("norm_hash", "TEXT"), ("minhash", "TEXT")],
    "fingerprint_bands": [("band_key", "BIGINT"), ("article_id", "TEXT")],
    "tidings_meta": [("key", "TEXT PRIMARY KEY"), ("value", "TEXT")],
}

# Per-connection scratch tables (emptied before each use).
TEMP_TABLES: dict[str, list[tuple[str, str]]] = {
    # a batch's mentions counted per actor and article, then per actor (see `Store._count_actors`)
    "tidings_actor_mentions": [*TABLES["actors"][:5], ("article_id", "TEXT"), ("mentions", "INTEGER"),
                               ("published", "DATE")],
    "tidings_actor_delta": TABLES["actors"],
}

INDEXES = [
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id)",
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id)",
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
]

# Indexes for the per-batch duplicate look-ups. PostgreSQL answers those from them; DuckDB
# hash-joins the batch's keys against a scan instead, which does not use an index, so there
# they would only cost memory and insert time.
LOOKUP_INDEXES = [
    "CREATE INDEX IF NOT EXISTS fingerprints_norm_hash ON fingerprints (norm_hash)",
    "CREATE INDEX IF NOT EXISTS fingerprint_bands_key ON fingerprint_bands (band_key)",
    # the key `actor_key_match` joins on, for the per-batch update of `actors`
    "CREATE INDEX IF NOT EXISTS actors_key ON actors (COALESCE(name, ''), COALESCE(code, ''))",
]

# The version of the tables above, kept in `tidings_meta` (`schema_version`). A store without
# that row was made by version 1 (no `fingerprint_bands`, `actors` rebuilt after each run);
# `Store.create` migrates it (see `Store._migrate`).
SCHEMA_VERSION = 2


def quote_name(name: str) -> str:
    return f'"{name}"'


def create_statements(*, lookup_indexes: bool = True) -> list[str]:
    out = []
    for table, columns in {**TABLES, **INTERNAL_TABLES}.items():
        cols = ", ".join(f"{quote_name(n)} {t}" for n, t in columns)
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
    return out + INDEXES + (LOOKUP_INDEXES if lookup_indexes else [])


def temp_statements() -> list[str]:
    out = []
    for table, columns in TEMP_TABLES.items():
        cols = ", ".join(f"{quote_name(n)} {t.replace(' PRIMARY KEY', '')}" for n, t in columns)
        out.append(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({cols})")
    return out


def column_names(table: str) -> list[str]:
    return [n for n, _ in (TABLES.get(table) or INTERNAL_TABLES.get(table) or TEMP_TABLES[table])]


ACTOR_KEY = ["name", "kind", "country", "sector", "code"]


def actor_key_match(left: str, right: str) -> str:
    """SQL true when two `actors`-shaped rows have the same key, NULLs equal to NULLs (as GROUP BY
    sees them), written so that both databases can hash-join on it."""
    return " AND ".join(f"COALESCE({left}.{quote_name(c)}, '') = COALESCE({right}.{quote_name(c)}, '') AND "
                        f"({left}.{quote_name(c)} IS NULL) = ({right}.{quote_name(c)} IS NULL)" for c in ACTOR_KEY)


def _actor_cols(m: Mention | None) -> list[Any]:
    if m is None:
        return [None] * 6
    a = m.actor.to_dict()
    return [m.text, a["name"], a["kind"], a["country"], a["sector"], a["code"]]


def article_row(doc: Document, *, status: str = "processed", duplicate_of: str | None = None) -> list[Any]:
    a = doc.article
    return [a.id, a.origin, a.title, a.url, a.source, a.published, a.language, a.text,
            json.dumps(doc.boilerplate), status, duplicate_of, None]


def article_status(doc: Document) -> tuple[str, str | None]:
    """How an article is stored: `processed`, or what ingestion marked it as (`duplicate` of an id,
    `summary` for a feed item without its article, `not_english` for one stored unprocessed)."""
    extra = doc.article.extra
    return extra.get("status") or "processed", extra.get("duplicate_of")


def fingerprint_rows(doc: Document) -> list[list[Any]]:
    fingerprint = doc.article.extra.get("fingerprint")
    if fingerprint is None:
        return []
    return [[doc.article.id, fingerprint.norm_hash, fingerprint.minhash]]


def mention_rows(doc: Document) -> list[list[Any]]:
    rows = []
    for n, m in enumerate(doc.mentions):
        a = m.actor.to_dict()
        rows.append([doc.article.id, n, m.start, m.end, m.text, a["name"], a["kind"], a["country"],
                     a["sector"], a["code"], m.how])
    return rows


def quote_rows(doc: Document) -> list[list[Any]]:
    rows = []
    for q in doc.quotes:
        record = q.to_dict()
        speaker = _actor_cols(q.speaker)
        addressee = q.addressee.actor.to_dict() if q.addressee else {}
        rows.append([doc.article.id, q.id, q.start, q.end, q.text, q.kind, q.cue.text if q.cue else None,
                     *speaker, addressee.get("name"), addressee.get("code"),
                     json.dumps(record["via"]), record["confidence"], json.dumps(record)])
    return rows


def event_rows(doc: Document) -> list[list[Any]]:
    rows = []
    for e in doc.events:
        record = e.to_dict()
        loc = e.location
        rows.append([doc.article.id, e.id, e.type, e.mode, json.dumps(e.context), e.cameo, e.goldstein,
                     e.quad_class, *_actor_cols(e.source), *_actor_cols(e.target), e.trigger.text,
                     e.trigger.start, e.trigger.end, e.sentence[0], e.sentence[1], e.negated, e.modality,
                     e.date, loc.name if loc else None, loc.country if loc else None,
                     loc.lat if loc else None, loc.lon if loc else None, json.dumps(record["via"]),
                     record["confidence"], e.explanation, json.dumps(record)])
    return rows
