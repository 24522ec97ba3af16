"""Every table of a store as Parquet or CSV files, one per table, through DuckDB's COPY.

A DuckDB store copies its tables directly. Any other store (PostgreSQL) is read through
DB-API into an in-memory DuckDB first, so the files have the same types whichever store
wrote them. The articles file has one column more than the table: `tone`, the document tone
GDELT's MentionDocTone gives (`tidings.tone`), computed from the text while copying.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..store import Store, schema
from ..store.base import DuckDBStore
from ..tone import article_tone

SUFFIX = {"parquet": "parquet", "csv": "csv"}
COPY_OPTIONS = {"parquet": "(FORMAT parquet, COMPRESSION zstd)", "csv": "(FORMAT csv, HEADER true)"}

_DUCKDB_TYPES = {"DOUBLE PRECISION": "DOUBLE", "TEXT PRIMARY KEY": "TEXT"}


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _stored_tone(text: str | None, boilerplate: str | None, language: str | None) -> float | None:
    """`tidings.tone.article_tone` of a stored article row (boilerplate as stored: JSON)."""
    if text is None:
        return None
    try:
        spans = json.loads(boilerplate) if boilerplate else []
    except ValueError:
        spans = []
    return article_tone(text, boilerplate=spans, language=language)


def _duckdb_copy(connection, table: str, path: Path, fmt: str) -> int:
    """COPY one table, through a cursor of its own: the store's connection may hold an unfinished
    result of an earlier query, and a Python function is registered for the articles' tone."""
    order = "id" if table == "articles" else ("name" if table == "actors" else "article_id")
    columns = "*"
    cursor = connection.cursor()
    try:
        if table == "articles":
            cursor.create_function("tidings_tone", _stored_tone, ["VARCHAR", "VARCHAR", "VARCHAR"], "DOUBLE",
                                   null_handling="special")
            columns = "*, tidings_tone(text, boilerplate, language) AS tone"
        try:
            cursor.execute(f"COPY (SELECT {columns} FROM {table} ORDER BY {order}) "
                           f"TO {_literal(path)} {COPY_OPTIONS[fmt]}")
        finally:
            if table == "articles":
                cursor.remove_function("tidings_tone")  # functions outlive the cursor that made them
        return cursor.execute(f"SELECT COUNT(*) FROM {table}").fetchall()[0][0]
    finally:
        cursor.close()


def _in_memory_copy(store: Store, table: str, path: Path, fmt: str) -> int:
    import duckdb

    names, rows = store.query(f"SELECT * FROM {table}")
    columns = dict(schema.TABLES[table])
    spec = ", ".join(f'"{n}" {_DUCKDB_TYPES.get(columns.get(n, "TEXT"), columns.get(n, "TEXT"))}' for n in names)
    with duckdb.connect(":memory:") as memory:
        memory.execute(f"CREATE TABLE {table} ({spec})")
        if rows:
            marks = ", ".join("?" * len(names))
            memory.executemany(f"INSERT INTO {table} VALUES ({marks})", [list(r) for r in rows])
        return _duckdb_copy(memory, table, path, fmt)


def write_tables(store: Store, folder: Path, fmt: str) -> int:
    """Write each table to `folder/<table>.<fmt>`; returns the number of rows written in all."""
    total = 0
    for table in schema.TABLES:
        path = folder / f"{table}.{SUFFIX[fmt]}"
        if isinstance(store, DuckDBStore):
            total += _duckdb_copy(store.connection, table, path, fmt)
        else:
            total += _in_memory_copy(store, table, path, fmt)
    return total
