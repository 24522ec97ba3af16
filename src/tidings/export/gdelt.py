"""GDELT 2.0 Events (61 columns) and Mentions (16 columns), tab-separated, no header.

GDELT's data model is followed: an *event* is who did what to whom, where and when, however
many articles report it, and each report of it is a *mention*. Event records that share the
date, both actor codes, the CAMEO code and the place are one GDELT event (`group=True`, the
default); its GLOBALEVENTID is a stable 60-bit integer from that key, so re-exporting a grown
store keeps old ids. `NumMentions`, `NumSources`, `NumArticles` count its reports.
With `group=False` every stored event record is its own row, its id taken from the
article id and the event id.

Events the text says did not happen (`negated`) and hypothetical ones are left out by
default: GDELT has no column to say so, and its users count rows as things that happened.
Tone (AvgTone, MentionDocTone) is GDELT's word-count tone of each reporting article, from the
AFINN-165 word list (`tidings.tone`); the actors' places (Actor1Geo_*, Actor2Geo_*) come from
the words around each actor's mention, else its country (`geo.actor_geo`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..store import Store
from . import cameo
from .geo import GdeltGeo, actor_geo, gdelt_geo
from .source import ArticleInfo, EventItem, event_items, is_name_mention

EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
assert len(EVENT_COLUMNS) == 61 and len(MENTION_COLUMNS) == 16

MENTION_WEB, MENTION_CITATION_ONLY = 1, 2


def global_event_id(key: str) -> int:
    """A stable positive integer (60 bits, fits BIGINT) from a string key."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)


def fraction_date(day: dt.date) -> str:
    """GDELT's YYYY.FFFF: ((month - 1) * 30 + day) / 365, as GDELT's own files compute it.

    (The codebook writes MONTH * 30, which would pass 1.0 in December; the data does not.)
    """
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def _timestamp(value: dt.datetime | None) -> str:
    return value.strftime("%Y%m%d%H%M%S") if value else ""


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def event_day(record: dict, article: ArticleInfo) -> dt.date | None:
    """When it happened: the event's date, else the article's publication date, else when it was stored."""
    return (_day(record.get("date")) or _day(article.published)
            or (article.added_at.date() if article.added_at else None))


def _added(article: ArticleInfo) -> dt.datetime | None:
    if article.added_at:
        return article.added_at
    day = _day(article.published)
    return dt.datetime(day.year, day.month, day.day) if day else None


def _actor_columns(side: dict | None) -> list[Any]:
    if not side:
        return [""] * 10
    parts = cameo.split_actor_code(side.get("code"), country=side.get("country"), sector=side.get("sector"),
                                   kind=side.get("kind"))
    religions = parts.religions
    if not religions and side.get("kind") not in ("country", "region"):
        religions = cameo.religions_in(side.get("text"))  # the text gives it: "Shia militias"
    religions = (religions + ["", ""])[:2]
    types = (parts.types + ["", "", ""])[:3]
    return [parts.raw, str(side.get("name") or side.get("text") or "").upper(), parts.country,
            parts.known_group, parts.ethnic, *religions, *types]


def _actor_key(side: dict | None) -> str:
    if not side:
        return ""
    return str(side.get("code") or side.get("name") or "").upper()


def wanted(record: dict, *, include_negated: bool, include_hypothetical: bool) -> bool:
    if record.get("negated") and not include_negated:
        return False
    if record.get("modality") == "hypothetical" and not include_hypothetical:
        return False
    return bool(cameo.normalise_event_code(record.get("cameo"), plover_type=record.get("type")))


@dataclass(slots=True)
class GdeltEvent:
    """One GDELT event: the first report's details and counts over all reports."""

    id: int
    first: EventItem
    code: str
    day: dt.date | None
    geo: GdeltGeo
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    root: bool = False
    added: dt.datetime | None = None
    tones: dict[str, float] = field(default_factory=dict)  # article id -> tone (English articles)

    def add(self, item: EventItem) -> None:
        self.mentions += 1
        self.articles.add(item.article.id)
        tone = item.article.tone
        if tone is not None:
            self.tones[item.article.id] = tone
        self.sources.add(item.article.source_name)
        self.root = self.root or is_root(item)
        added = _added(item.article)
        if added and (self.added is None or added < self.added):
            self.added = added

    def columns(self) -> list[Any]:
        record, article = self.first.record, self.first.article
        code = self.code
        event = cameo.event_codes().get(code)
        goldstein = record.get("goldstein")
        if goldstein is None:
            goldstein = cameo.goldstein(code)
        quad = record.get("quad_class") or (event.quad_class if event else None) or cameo.quad_class(code)
        day = self.day
        return [
            self.id,
            day.strftime("%Y%m%d") if day else "",
            day.strftime("%Y%m") if day else "",
            day.year if day else "",
            fraction_date(day) if day else "",
            *_actor_columns(record.get("source")),
            *_actor_columns(record.get("target")),
            int(self.root), code, cameo.base_code(code), cameo.root_code(code), quad,
            "" if goldstein is None else float(goldstein),
            self.mentions, len(self.sources), len(self.articles), self.avg_tone(),
            *_actor_geo(record, article, "source").columns(), *_actor_geo(record, article, "target").columns(),
            *self.geo.columns(),
            _timestamp(self.added), article.url or article.origin or "",
        ]


    def avg_tone(self) -> float | None:
        """The mean tone of the articles that report the event (GDELT: of those in the update
        that first saw it; a store is one update); None when no report is in English."""
        return round(sum(self.tones.values()) / len(self.tones), 4) if self.tones else None


def _actor_geo(record: dict, article: ArticleInfo, side: str) -> GdeltGeo:
    sentence = record.get("sentence") or {}
    return actor_geo(record.get(side), article.text, sentence_end=sentence.get("end"))


def is_root(item: EventItem) -> bool:
    """In the lead paragraph (GDELT's proxy for the article's main events)."""
    start, end = item.article.lead
    trigger = item.record.get("trigger") or {}
    offset = trigger.get("start")
    if offset is None:
        offset = (item.record.get("sentence") or {}).get("start", -1)
    return start <= offset < end


def _key(item: EventItem, code: str, day: dt.date | None, geo: GdeltGeo, *, group: bool) -> str:
    if not group:
        return f"{item.article.id}:{item.record.get('id')}"
    record = item.record
    return "|".join([day.isoformat() if day else "", _actor_key(record.get("source")),
                     _actor_key(record.get("target")), code, geo.full_name, geo.country_code])


def gdelt_events(store: Store, *, group: bool = True, include_negated: bool = False,
                 include_hypothetical: bool = False) -> tuple[list[GdeltEvent], list[list[Any]]]:
    """The GDELT events of a store and the rows of their mentions."""
    events: dict[str, GdeltEvent] = {}
    mention_rows: list[list[Any]] = []
    for item in event_items(store):
        record = item.record
        if not wanted(record, include_negated=include_negated, include_hypothetical=include_hypothetical):
            continue
        code = cameo.normalise_event_code(record.get("cameo"), plover_type=record.get("type"))
        assert code is not None
        day = event_day(record, item.article)
        geo = gdelt_geo(record.get("location"))
        key = _key(item, code, day, geo, group=group)
        event = events.get(key)
        if event is None:
            event = events[key] = GdeltEvent(id=global_event_id(key), first=item, code=code, day=day, geo=geo)
        event.add(item)
        mention_rows.append(_mention_columns(event, item))
    # EventTimeDate is the event's DATEADDED, known only once all its reports are in.
    ids = {e.id: e for e in events.values()}
    for row in mention_rows:
        row[1] = _timestamp(ids[row[0]].added)
    return list(events.values()), mention_rows


def _mention_columns(event: GdeltEvent, item: EventItem) -> list[Any]:
    record, article = item.record, item.article
    source, target = record.get("source"), record.get("target")
    trigger = record.get("trigger") or {}
    sentence = record.get("sentence") or {}
    confidence = record.get("confidence")
    language = (article.language or "en").lower()
    return [
        event.id, "", _timestamp(_added(article)),
        MENTION_WEB if article.url else MENTION_CITATION_ONLY,
        article.source_name, article.url or article.origin or article.id,
        article.sentence_number(sentence.get("start", trigger.get("start", 0)) or 0),
        source.get("start", -1) if source else -1,
        target.get("start", -1) if target else -1,
        trigger.get("start", -1),
        int(is_name_mention(source) and is_name_mention(target)),
        "" if confidence is None else round(float(confidence) * 100),
        article.length, article.tone,
        "" if language in ("en", "eng") else f"srclc:{_iso639_2(language)};",
        f"<TIDINGS_ID>{article.id}:{record.get('id')}</TIDINGS_ID>",
    ]


def _iso639_2(language: str) -> str:
    """GDELT's source language code: ISO 639-2 three letters ("fr" -> "fra")."""
    import pycountry

    found = pycountry.languages.get(alpha_2=language) if len(language) == 2 else None
    return found.alpha_3 if found else language


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        text = repr(round(value, 6))
        return text
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_rows(rows: Iterator[list[Any]] | list[list[Any]], stream: TextIO) -> int:
    count = 0
    for row in rows:
        stream.write("\t".join(_cell(v) for v in row) + "\n")
        count += 1
    return count


def write_events(store: Store, stream: TextIO, **options: Any) -> int:
    """Write GDELT 2.0 Events rows (61 columns, no header); returns the number of rows."""
    events, _ = gdelt_events(store, **options)
    return write_rows((e.columns() for e in events), stream)


def write_mentions(store: Store, stream: TextIO, **options: Any) -> int:
    """Write GDELT 2.0 Mentions rows (16 columns, no header); returns the number of rows."""
    _, mentions = gdelt_events(store, **options)
    return write_rows(mentions, stream)
