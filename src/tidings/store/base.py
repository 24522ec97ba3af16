"""One small interface over DuckDB and PostgreSQL.

    Store
    ├── DuckDBStore     a file (default `tidings.duckdb`) or ":memory:"
    └── PostgresStore   a `postgresql://` URL

Both speak DB-API; they differ only in how they connect and in their placeholder.
Adding a batch is one transaction: an article already stored (same id, that is the
same text) is skipped with all its records, so re-running never stores anything twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Self

from ..document import Document
from ..errors import Errors, StoreError
from . import schema


@dataclass(slots=True)
class AddResult:
    added: int = 0
    skipped: int = 0  # already stored


class Store:
    """A database holding articles, mentions, quotes, events and actors."""

    placeholder = "?"
    target = ""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.create()

    # -- plumbing -----------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()):
        return self.connection.execute(self._sql(sql), list(params))

    def executemany(self, sql: str, rows: list[list[Any]]) -> None:
        if rows:
            self.connection.cursor().executemany(self._sql(sql), rows)

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Run a read-only query; returns column names and rows."""
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description or []]
        return names, cursor.fetchall()

    def begin(self) -> None:
        self.execute("BEGIN")

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------
    def create(self) -> None:
        for statement in schema.create_statements():
            self.execute(statement)

    # -- writing ------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        marks = ", ".join("?" * len(ids))
        return {row[0] for row in self.execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids).fetchall()}

    def add(self, documents: Iterable[Document]) -> AddResult:
        """Store documents whose article is not stored yet, in one transaction."""
        docs = list(documents)
        result = AddResult()
        known = self.known_ids(d.article.id for d in docs)
        fresh, seen = [], set()
        for doc in docs:
            if doc.article.id in known or doc.article.id in seen:
                result.skipped += 1
            else:
                seen.add(doc.article.id)
                fresh.append(doc)
        if not fresh:
            return result
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        self.begin()
        try:
            rows = []
            for doc in fresh:
                status, duplicate_of = schema.article_status(doc)
                row = schema.article_row(doc, status=status, duplicate_of=duplicate_of)
                row[-1] = now
                rows.append(row)
            self.bulk_insert("articles", rows)
            self.bulk_insert("mentions", [r for d in fresh for r in schema.mention_rows(d)])
            self.bulk_insert("quotes", [r for d in fresh for r in schema.quote_rows(d)])
            self.bulk_insert("events", [r for d in fresh for r in schema.event_rows(d)])
            self.bulk_insert("fingerprints", [r for d in fresh for r in schema.fingerprint_rows(d)])
            self.commit()
        except Exception as e:
            self.rollback()
            raise StoreError(Errors.T301.format(target=self.target, detail=e)) from e
        result.added = len(fresh)
        return result

    def _insert(self, table: str, rows: list[list[Any]]) -> None:
        names = schema.column_names(table)
        cols = ", ".join(schema.quote_name(n) for n in names)
        marks = ", ".join("?" * len(names))
        self.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)

    def bulk_insert(self, table: str, rows: list[list[Any]]) -> None:
        """Insert many rows at once (the backends override this with their fast path)."""
        self._insert(table, rows)

    def refresh_actors(self) -> None:
        """Rebuild the `actors` table from the mentions (run once after a batch of adds)."""
        self.begin()
        self.execute("DELETE FROM actors")
        self.execute(
            "INSERT INTO actors SELECT m.name, m.kind, m.country, m.sector, m.code, COUNT(*), "
            "COUNT(DISTINCT m.article_id), MIN(a.published), MAX(a.published) "
            "FROM mentions m JOIN articles a ON a.id = m.article_id "
            "GROUP BY m.name, m.kind, m.country, m.sector, m.code"
        )
        self.commit()

    # -- reading ------------------------------------------------------------------
    def fingerprints(self, batch: int = 10_000) -> Iterable[tuple[str, str, str]]:
        """(article id, normalised-text hash, MinHash) of every stored original, for duplicate finding."""
        cursor = self.execute("SELECT article_id, norm_hash, minhash FROM fingerprints")
        while rows := cursor.fetchmany(batch):
            yield from rows

    def counts(self) -> dict[str, int]:
        return {t: self.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in schema.TABLES}


class DuckDBStore(Store):
    placeholder = "?"

    def executemany(self, sql: str, rows: list[list[Any]]) -> None:
        # A DuckDB cursor is a separate connection: stay on this one, inside the transaction.
        if rows:
            self.connection.executemany(sql, rows)

    def bulk_insert(self, table: str, rows: list[list[Any]]) -> None:
        """Hand DuckDB the rows as columns of NumPy object arrays: some 200 times faster than
        `executemany` (measured: 20,000 mention rows in 0.18 s against 2,000 in 4 s)."""
        if not rows:
            return
        import numpy as np

        names = schema.column_names(table)
        columns = {f"c{i}": np.empty(len(rows), dtype=object) for i in range(len(names))}
        for i, column in enumerate(zip(*rows)):
            columns[f"c{i}"][:] = column
        cols = ", ".join(schema.quote_name(n) for n in names)
        self.connection.register("tidings_rows", columns)
        try:
            self.connection.execute(f"INSERT INTO {table} ({cols}) SELECT * FROM tidings_rows")
        finally:
            self.connection.unregister("tidings_rows")

    def __init__(self, path: str = "tidings.duckdb", *, read_only: bool = False) -> None:
        import duckdb

        self.target = path
        try:
            connection = duckdb.connect(path, read_only=read_only)
        except (duckdb.Error, OSError) as e:
            raise StoreError(Errors.T301.format(target=path, detail=e)) from e
        if read_only:
            self.connection = connection
        else:
            super().__init__(connection)


class PostgresStore(Store):
    placeholder = "%s"

    def bulk_insert(self, table: str, rows: list[list[Any]]) -> None:
        """COPY the rows in: PostgreSQL's fast path."""
        if not rows:
            return
        cols = ", ".join(schema.quote_name(n) for n in schema.column_names(table))
        with self.connection.cursor() as cursor, cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as e:
            raise StoreError(Errors.T302) from e
        self.target = url
        try:
            connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(Errors.T301.format(target=url, detail=e)) from e
        super().__init__(connection)


def open_store(target: str | None = None, *, read_only: bool = False) -> Store:
    """Open (creating where needed) the store at `target`: a DuckDB path or a `postgresql://` URL."""
    target = target or "tidings.duckdb"
    if target.startswith(("postgresql://", "postgres://")):
        return PostgresStore(target)
    if read_only:
        from pathlib import Path

        if target != ":memory:" and not Path(target).exists():
            raise StoreError(Errors.T303.format(target=target))
    return DuckDBStore(target, read_only=read_only)
