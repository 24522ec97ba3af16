"""Reading records back out of a store, with the filters the query commands offer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .store import Store


@dataclass(slots=True)
class Filters:
    type: str | None = None  # PLOVER type (events)
    actor: str | None = None  # actor code, country or name, on either side
    country: str | None = None  # ISO alpha-3 of source or target (events) or speaker (quotes)
    since: str | None = None  # publication date, inclusive
    until: str | None = None
    text: str | None = None  # substring of the quote text
    limit: int = 100


def date_clauses(filters: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions (on the articles table, aliased `a`) for the publication-date bounds."""
    clauses, params = [], []
    if filters.since:
        clauses.append("a.published >= CAST(? AS DATE)")
        params.append(filters.since)
    if filters.until:
        clauses.append("a.published <= CAST(? AS DATE)")
        params.append(filters.until)
    return clauses, params


def where_clause(filters: Filters, *, table: str) -> tuple[str, list[Any]]:
    clauses, params = date_clauses(filters)
    sides: tuple[str, ...]
    if table == "events":
        if filters.type:
            clauses.append("r.type = ?")
            params.append(filters.type.upper())
        sides = ("source", "target")
    else:
        sides = ("speaker",)
        if filters.text:
            clauses.append("LOWER(r.text) LIKE ?")
            params.append(f"%{filters.text.lower()}%")
    if filters.actor:
        ors = []
        for side in sides:
            ors.append(f"r.{side}_code = ? OR r.{side}_country = ? OR LOWER(r.{side}_name) = ?")
            params += [filters.actor.upper(), filters.actor.upper(), filters.actor.lower()]
        clauses.append("(" + " OR ".join(ors) + ")")
    if filters.country:
        clauses.append("(" + " OR ".join(f"r.{side}_country = ?" for side in sides) + ")")
        params += [filters.country.upper()] * len(sides)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def records(store: Store, table: str, filters: Filters) -> list[dict[str, Any]]:
    """Quotes or events as their JSON records, with the article's id, date and origin added."""
    where, params = where_clause(filters, table=table)
    sql = (f"SELECT r.record, a.id, a.published, a.origin, a.url FROM {table} r "
           f"JOIN articles a ON a.id = r.article_id{where} "
           f"ORDER BY a.published NULLS LAST, a.id, r.id LIMIT {int(filters.limit)}")
    out = []
    for record, article_id, published, origin, url in store.query(sql, params)[1]:
        item = json.loads(record)
        item["article"] = {"id": article_id, "published": str(published) if published else None,
                           "origin": origin, "url": url}
        out.append(item)
    return out


def actors(store: Store, filters: Filters) -> tuple[list[str], list[tuple]]:
    clauses, params = [], []
    if filters.actor:
        clauses.append("(code = ? OR country = ? OR LOWER(name) = ?)")
        params += [filters.actor.upper(), filters.actor.upper(), filters.actor.lower()]
    if filters.country:
        clauses.append("country = ?")
        params.append(filters.country.upper())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return store.query(
        f"SELECT name, kind, country, sector, code, mentions, articles FROM actors{where} "
        f"ORDER BY mentions DESC, name LIMIT {int(filters.limit)}", params)


def dyads(store: Store, filters: Filters) -> tuple[list[str], list[tuple]]:
    where, params = where_clause(filters, table="events")
    return store.query(
        "SELECT r.source_code AS source, r.target_code AS target, r.type, COUNT(*) AS events, "
        "ROUND(AVG(r.goldstein), 2) AS mean_goldstein "
        f"FROM events r JOIN articles a ON a.id = r.article_id{where} "
        f"{'AND' if where else 'WHERE'} r.source_code IS NOT NULL AND r.target_code IS NOT NULL "
        "GROUP BY r.source_code, r.target_code, r.type ORDER BY events DESC, source, target, r.type "
        f"LIMIT {int(filters.limit)}", params)
