"""POLECAT/PLOVER JSON Lines: one object per event.

The keys follow PLOVER's JSON event records (as in `PLOVER_GSR_CAMEO.txt`: `id`, `date`,
`source`/`target` lists of `{actorText, code, sector}`, `event`, `mode`, `context`,
`eventText`, `text`, `eventLoc`, `publication`, `language`, `version`, `dateCoded`), with
what tidings knows beyond them: offsets, the actor's name and kind, negation and
modality, the quotation an event was reported in, CAMEO/Goldstein, confidence and the
explanation of the decision, and the reporting article's `tone` (GDELT's AvgTone, see
`tidings.tone`). Unlike the GDELT export, every event is written, negated and
hypothetical ones included: the fields say which they are.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..store import Store
from .gdelt import event_day
from .source import EventItem, event_items

PLOVER_VERSION = "2.0"


def _actor(side: dict | None) -> list[dict[str, Any]]:
    if not side:
        return []
    return [{
        "actorText": side.get("text"), "name": side.get("name"), "code": side.get("code"),
        "country": side.get("country"), "sector": side.get("sector"), "kind": side.get("kind"),
        "start": side.get("start"), "end": side.get("end"),
    }]


def polecat_record(item: EventItem) -> dict[str, Any]:
    """The PLOVER JSON object of one stored event."""
    record, article = item.record, item.article
    trigger = record.get("trigger") or {}
    sentence = record.get("sentence") or {}
    day = event_day(record, article)
    location = record.get("location")
    quote = article.quote_at(trigger.get("start", -1)) if trigger else None
    start, end = sentence.get("start"), sentence.get("end")
    return {
        "id": f"{article.id}-{record.get('id')}",
        "date": day.isoformat() if day else None,
        "dateFrom": "text" if record.get("date") else ("published" if article.published else "stored"),
        "event": record.get("type"),
        "mode": record.get("mode") or "",
        "context": list(record.get("context") or []),
        "source": _actor(record.get("source")),
        "target": _actor(record.get("target")),
        "eventText": trigger.get("text"),
        "eventTextSpan": [trigger.get("start"), trigger.get("end")] if trigger else None,
        "text": article.text[start:end] if start is not None and end is not None else None,
        "textSpan": [start, end] if start is not None else None,
        "quote": {
            "id": quote.get("id"), "text": quote.get("text"), "kind": quote.get("kind"),
            "speaker": (quote.get("speaker") or {}).get("name"),
        } if quote else None,
        "negated": bool(record.get("negated")),
        "modality": record.get("modality"),
        "via": [v.get("name") or v.get("text") for v in record.get("via") or []],
        "eventLoc": {
            "name": location.get("name"), "country code": location.get("country"),
            "lat": location.get("lat"), "lon": location.get("lon"),
        } if location else None,
        "cameo": record.get("cameo"),
        "goldstein": record.get("goldstein"),
        "quadClass": record.get("quad_class"),
        "confidence": record.get("confidence"),
        "explanation": record.get("explanation"),
        "tone": article.tone,
        "articleId": article.id,
        "headline": article.title,
        "publication": article.source_name,
        "url": article.url,
        "origin": article.origin,
        "publicationDate": article.published,
        "language": article.language,
        "coder": f"tidings {__version__}",
        "version": PLOVER_VERSION,
        "dateCoded": article.added_at.date().isoformat() if article.added_at else None,
    }


def write_polecat(store: Store, stream: TextIO) -> int:
    """Write one PLOVER JSON object per stored event; returns the number written."""
    count = 0
    for item in event_items(store, with_quotes=True):
        stream.write(json.dumps(polecat_record(item), ensure_ascii=False) + "\n")
        count += 1
    return count
