"""What the API and the pages read from a store, beyond `tidings.query`: overview counts, the
events-over-time series, the actor network, article lists, and one article's full document.

Filters are `tidings.query.Filters`, the same as the CLI's query commands.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from ..query import Filters, date_clauses, where_clause
from ..store import Store
from ..tone import article_tone

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _and(where: str, clause: str) -> str:
    return f"{where} AND {clause}" if where else f" WHERE {clause}"


def stats(store: Store) -> dict[str, Any]:
    """Counts per table, the span of publication dates, events per type and per quad class."""
    counts = store.counts()
    _, span = store.query("SELECT MIN(published), MAX(published) FROM articles")
    _, types = store.query("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")
    _, quads = store.query("SELECT quad_class, COUNT(*) FROM events WHERE quad_class IS NOT NULL "
                           "GROUP BY quad_class ORDER BY 1")
    _, kinds = store.query("SELECT kind, COUNT(*) FROM quotes GROUP BY kind ORDER BY 2 DESC, 1")
    first, last = span[0] if span else (None, None)
    return {
        "counts": counts,
        "published": {"first": _iso(first), "last": _iso(last)},
        "event_types": {t: n for t, n in types if t},
        "quad_classes": {str(q): n for q, n in quads},
        "quote_kinds": {k: n for k, n in kinds if k},
    }


def timeline(store: Store, filters: Filters) -> dict[str, Any]:
    """Events per day (or per month over long spans), split by quad class.

    The date is the event's own date where the text gave one, else its article's publication date.
    """
    where, params = where_clause(filters, table="events")
    sql = ("SELECT COALESCE(r.date, a.published) AS day, r.quad_class, COUNT(*) "
           f"FROM events r JOIN articles a ON a.id = r.article_id{_and(where, 'COALESCE(r.date, a.published) IS NOT NULL')} "
           "GROUP BY 1, 2 ORDER BY 1")
    _, rows = store.query(sql, params)
    days = [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)[:10]) for d, _, _ in rows]
    by_month = bool(days) and (max(days) - min(days)).days > 120
    buckets: dict[str, dict[str, int]] = defaultdict(lambda: {"1": 0, "2": 0, "3": 0, "4": 0, "0": 0})
    for day, (_, quad, count) in zip(days, rows):
        key = day.strftime("%Y-%m") if by_month else day.isoformat()
        buckets[key][str(quad or 0)] += count
    series = [{"date": key, "total": sum(v.values()), **v} for key, v in sorted(buckets.items())]
    return {"unit": "month" if by_month else "day", "series": series, "quad_names": QUAD_NAMES}


def network(store: Store, filters: Filters) -> dict[str, Any]:
    """Actors as nodes and who-did-what-to-whom as directed edges, with counts and mean Goldstein."""
    where, params = where_clause(filters, table="events")
    where = _and(where, "r.source_code IS NOT NULL AND r.target_code IS NOT NULL AND r.source_code <> r.target_code")
    _, rows = store.query(
        "SELECT r.source_code, MIN(r.source_name), r.target_code, MIN(r.target_name), r.type, COUNT(*), "
        f"AVG(r.goldstein) FROM events r JOIN articles a ON a.id = r.article_id{where} "
        "GROUP BY r.source_code, r.target_code, r.type", params)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for source, source_name, target, target_name, type_, count, goldstein in rows:
        for code, name in ((source, source_name), (target, target_name)):
            node = nodes.setdefault(code, {"id": code, "label": name or code, "events": 0})
            node["events"] += count
        edge = edges.setdefault((source, target), {"source": source, "target": target, "events": 0,
                                                   "types": {}, "_g": 0.0, "_gn": 0})
        edge["events"] += count
        edge["types"][type_] = edge["types"].get(type_, 0) + count
        if goldstein is not None:
            edge["_g"] += float(goldstein) * count
            edge["_gn"] += count
    ranked = sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"]))[:filters.limit]
    keep = {code for e in ranked for code in (e["source"], e["target"])}
    for edge in edges.values():
        total, weight = edge.pop("_g"), edge.pop("_gn")
        edge["goldstein"] = round(total / weight, 2) if weight else None
    return {"nodes": sorted((n for n in nodes.values() if n["id"] in keep), key=lambda n: -n["events"]),
            "edges": ranked}


def articles(store: Store, filters: Filters, *, offset: int = 0) -> list[dict[str, Any]]:
    """Articles, newest first, with how many mentions, quotes and events each holds.

    `filters.text` searches titles and text; `since`/`until` bound the publication date.
    """
    clauses, params = date_clauses(filters)
    if filters.text:
        clauses.append("(LOWER(a.title) LIKE ? OR LOWER(a.text) LIKE ?)")
        params += [f"%{filters.text.lower()}%"] * 2
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    names, rows = store.query(
        "SELECT a.id, a.title, a.origin, a.url, a.source, a.published, a.language, LENGTH(a.text) AS length, "
        "(SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) AS mentions, "
        "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
        "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events "
        f"FROM articles a{where} ORDER BY a.published DESC NULLS LAST, a.id "
        f"LIMIT {int(filters.limit)} OFFSET {int(offset)}", params)
    out = []
    for row in rows:
        item = dict(zip(names, row))
        item["published"] = _iso(item["published"])
        item["snippet"] = None
        out.append(item)
    return out


def document(store: Store, article_id: str) -> dict[str, Any] | None:
    """The CONTRACT JSON document of one stored article, rebuilt from its rows, text included."""
    _, rows = store.query("SELECT id, origin, title, url, source, published, language, text, boilerplate, "
                          "status, added_at FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    (id_, origin, title, url, source, published, language, text, boilerplate, status, added_at) = rows[0]
    _, mention_rows = store.query(
        'SELECT start, "end", text, name, kind, country, sector, code, how FROM mentions '
        "WHERE article_id = ? ORDER BY n", [article_id])
    _, quote_rows = store.query("SELECT record FROM quotes WHERE article_id = ? ORDER BY start, id", [article_id])
    _, event_rows = store.query("SELECT record FROM events WHERE article_id = ? ORDER BY trigger_start, length(id), id",
                                [article_id])
    spans = json.loads(boilerplate) if boilerplate else []
    mentions = []
    for start, end, mention_text, name, kind, country, sector, code, how in mention_rows:
        mention = {"start": start, "end": end, "text": mention_text,
                   "actor": {"name": name, "kind": kind, "country": country, "sector": sector, "code": code}}
        if how:
            mention["how"] = how
        mentions.append(mention)
    return {
        "article": {"id": id_, "origin": origin, "title": title, "url": url, "source": source,
                    "published": _iso(published), "language": language, "text": text,
                    "tone": article_tone(text or "", boilerplate=spans, language=language)},
        "boilerplate": spans,
        "mentions": mentions,
        "quotes": [json.loads(r[0]) for r in quote_rows],
        "events": [json.loads(r[0]) for r in event_rows],
        "stored": {"status": status, "added_at": _iso(added_at)},
    }


def rows_as_dicts(result: tuple[list[str], list[tuple]]) -> list[dict[str, Any]]:
    names, rows = result
    return [{n: (_iso(v) if isinstance(v, (dt.date, dt.datetime)) else v) for n, v in zip(names, row)}
            for row in rows]
