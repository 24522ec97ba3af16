"""Reading events back out of a store, article by article, with what the exports need of each article.

Events come in a stable order (publication date, article id, trigger offset), a chunk of
articles at a time, so that memory stays bounded however large the store is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ..api import normalise_date
from ..store import Store
from ..tone import article_tone

CHUNK = 200

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n")
_PARAGRAPH = re.compile(r"[^\n]+")
_NOT_A_NAME = frozenset(
    ["i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this", "that", "these", "those", "who", "which", "one", "his", "its", "their", "our", "my", "your"]
)


@dataclass(slots=True)
class ArticleInfo:
    """An article's metadata, as the exports cite it."""

    id: str
    origin: str | None
    title: str | None
    url: str | None
    source: str | None
    published: str | None  # ISO date
    language: str | None
    added_at: dt.datetime | None
    length: int
    lead: tuple[int, int]  # the lead paragraph: GDELT's IsRootEvent
    text: str
    quotes: list[dict[str, Any]] = field(default_factory=list)  # filled on request
    breaks: list[int] | None = None  # where sentences end, computed on first use
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    _tone: float | None = None  # computed on first use

    @property
    def tone(self) -> float | None:
        """GDELT-style tone of the text without its boilerplate (see `tidings.tone`); None for an
        article not in English (the word list is English)."""
        if self._tone is None:
            self._tone = article_tone(self.text, boilerplate=self.boilerplate, language=self.language)
        return self._tone

    def quote_at(self, offset: int) -> dict[str, Any] | None:
        """The stored quote whose span holds `offset`, if any."""
        for quote in self.quotes:
            if quote.get("start", 0) <= offset < quote.get("end", 0):
                return quote
        return None

    @property
    def source_name(self) -> str:
        """The outlet: the article's `source`, else its URL's host, else its origin."""
        if self.source:
            return self.source
        if self.url:
            host = urlparse(self.url).netloc.lower()
            return host.removeprefix("www.")
        return self.origin or ""

    def sentence_number(self, offset: int) -> int:
        """1-based number of the sentence holding `offset` (an estimate from punctuation and paragraphs)."""
        if self.breaks is None:
            self.breaks = [m.end() for m in _SENTENCE_BREAK.finditer(self.text)]
        return 1 + bisect.bisect_right(self.breaks, max(0, offset))


@dataclass(slots=True)
class EventItem:
    """One stored event record with its article."""

    record: dict[str, Any]
    article: ArticleInfo


def lead_span(text: str, boilerplate: list[list[int]]) -> tuple[int, int]:
    """The lead: the first paragraph that is not boilerplate, cut after two sentences if it runs long."""
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        if not text[start:end].strip():
            continue
        if any(s <= start and end <= e for s, e in boilerplate):
            continue
        if _is_heading(text[start:end]):  # a dateline or headline, not the lead
            continue
        if end - start > 1000:  # no paragraph breaks: take the first two sentences
            breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, start, end)]
            if len(breaks) >= 2:
                end = breaks[1]
        return start, end
    return 0, 0


def _is_heading(paragraph: str) -> bool:
    """A short line without a sentence's end: "Wednesday, January 23, 2019", a headline."""
    words = paragraph.split()
    return len(words) < 8 and not paragraph.rstrip().endswith((".", "!", "?", "\"", "\u201d"))


def is_name_mention(mention: dict | None) -> bool:
    """True where the actor is named in the text (not a pronoun or a description needing resolution)."""
    if not mention:
        return True
    text = str(mention.get("text") or "")
    if not text.strip():
        return True
    first = text.split()[0].lower()
    if first in _NOT_A_NAME:
        return False
    if first in ("the", "a", "an"):  # "the United States" names it; "the country" does not
        name = str(mention.get("name") or "").lower()
        return bool(name) and name in text.lower()
    return True


def _article_ids(store: Store) -> list[str]:
    _, rows = store.query(
        "SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id) "
        "ORDER BY a.published NULLS LAST, a.id")
    return [r[0] for r in rows]


def _articles(store: Store, ids: list[str]) -> dict[str, ArticleInfo]:
    marks = ", ".join("?" * len(ids))
    _, rows = store.query(
        "SELECT id, origin, title, url, source, published, language, added_at, text, boilerplate "
        f"FROM articles WHERE id IN ({marks})", ids)
    out = {}
    for id_, origin, title, url, source, published, language, added_at, text, boilerplate in rows:
        text = text or ""
        try:
            spans = json.loads(boilerplate) if boilerplate else []
        except ValueError:
            spans = []
        out[id_] = ArticleInfo(id=id_, origin=origin, title=title, url=url, source=source,
                               published=normalise_date(published, origin="store"), language=language, added_at=added_at,
                               length=len(text), lead=lead_span(text, spans), text=text,
                               boilerplate=[(int(s), int(e)) for s, e in spans])
    return out


def event_items(store: Store, *, with_quotes: bool = False) -> Iterator[EventItem]:
    """Every stored event with its article, oldest articles first, in text order within an article."""
    ids = _article_ids(store)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        articles = _articles(store, chunk)
        marks = ", ".join("?" * len(chunk))
        _, rows = store.query(
            f"SELECT article_id, record FROM events WHERE article_id IN ({marks})", chunk)
        if with_quotes:
            _, quote_rows = store.query(
                'SELECT article_id, id, start, "end", text, kind, speaker_name FROM quotes '
                f"WHERE article_id IN ({marks}) ORDER BY start", chunk)
            for article_id, id_, start, end, text, kind, speaker in quote_rows:
                articles[article_id].quotes.append({"id": id_, "start": start, "end": end, "text": text,
                                                    "kind": kind, "speaker": {"name": speaker}})
        by_article: dict[str, list[dict]] = {}
        for article_id, record in rows:
            by_article.setdefault(article_id, []).append(json.loads(record))
        for article_id in chunk:
            records = by_article.get(article_id, [])
            records.sort(key=lambda r: ((r.get("trigger") or {}).get("start") or 0, str(r.get("id"))))
            for record in records:
                yield EventItem(record=record, article=articles[article_id])
