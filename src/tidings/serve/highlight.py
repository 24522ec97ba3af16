"""An article's text as HTML with its mentions, quotes, cues, event triggers and boilerplate marked.

Spans may nest (a mention inside a quote) or cross (a trigger that starts inside a quote and
ends after it). The text is cut at every span boundary and each piece is wrapped in the spans
covering it, outermost layer first, so the HTML is always well formed; pieces of one span
share its `data-ref`, which the page's script uses to light them up together. Each span's
`title` holds its explanation, so the page explains itself without JavaScript too.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Any

LAYERS = ("boilerplate", "quote", "cue", "mention", "trigger")


@dataclass(slots=True, frozen=True)
class Mark:
    start: int
    end: int
    layer: str
    ref: str
    title: str
    extra_class: str = ""


def _actor_label(side: dict[str, Any] | None) -> str:
    if not side:
        return "?"
    code = side.get("code")
    return f"{side.get('name') or side.get('text')}" + (f" ({code})" if code else "")


def marks_for(document: dict[str, Any]) -> list[Mark]:
    """The marks of a CONTRACT document, one per span to highlight."""
    text_length = len(document["article"]["text"] or "")
    marks: list[Mark] = []
    for n, (start, end) in enumerate(document.get("boilerplate") or []):
        marks.append(Mark(start, end, "boilerplate", f"b{n}", "boilerplate: not part of the story, skipped"))
    for n, mention in enumerate(document.get("mentions") or []):
        actor = mention.get("actor") or {}
        details = ", ".join(str(v) for v in (actor.get("kind"), actor.get("country"), actor.get("sector")) if v)
        title = f"{mention['text']} \u2192 {_actor_label(actor)}" + (f" [{details}]" if details else "")
        if mention.get("how"):
            title += f"\nhow: {mention['how']}"
        marks.append(Mark(mention["start"], mention["end"], "mention", f"m{mention['start']}-{mention['end']}",
                          title, f"kind-{actor.get('kind') or 'unknown'}"))
    for quote in document.get("quotes") or []:
        speaker = quote.get("speaker")
        title = f"{quote.get('kind', '')} quote by {_actor_label(speaker) if speaker else 'unknown speaker'}"
        if quote.get("addressee"):
            title += f" to {_actor_label(quote['addressee'])}"
        if quote.get("via"):
            title += " (via " + ", ".join(_actor_label(v) for v in quote["via"]) + ")"
        title += f"\nconfidence {quote.get('confidence')}"
        if quote.get("explanation"):
            title += f"\n{quote['explanation']}"
        ref = f"q-{quote.get('id')}"
        marks.append(Mark(quote["start"], quote["end"], "quote", ref, title, f"quote-{quote.get('kind')}"))
        cue = quote.get("cue")
        if cue and cue.get("start") is not None:
            marks.append(Mark(cue["start"], cue["end"], "cue", ref, f"reporting cue of: {title}"))
    for event in document.get("events") or []:
        trigger = event.get("trigger") or {}
        if trigger.get("start") is None:
            continue
        arrow = f"{_actor_label(event.get('source'))} \u2192 {_actor_label(event.get('target'))}"
        flags = []
        if event.get("negated"):
            flags.append("NEGATED")
        if event.get("modality") and event["modality"] != "asserted":
            flags.append(event["modality"])
        title = (f"{event.get('type')}{' / ' + event['mode'] if event.get('mode') else ''} "
                 f"(CAMEO {event.get('cameo') or '-'}, Goldstein {event.get('goldstein')}): {arrow}"
                 + (f" [{', '.join(flags)}]" if flags else "")
                 + (f"\ndate {event['date']}" if event.get("date") else "")
                 + (f"\n{event['explanation']}" if event.get("explanation") else ""))
        extra = "negated" if event.get("negated") else f"quad-{event.get('quad_class') or 0}"
        marks.append(Mark(trigger["start"], trigger["end"], "trigger", f"e-{event.get('id')}", title, extra))
    return [m for m in marks if 0 <= m.start < m.end <= text_length]


def highlight(text: str, marks: list[Mark]) -> str:
    """`text` as escaped HTML with every mark wrapped in `<span class="hl LAYER">`."""
    if not text:
        return ""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    order = {layer: n for n, layer in enumerate(LAYERS)}
    ranked = sorted(marks, key=lambda m: (order[m.layer], m.start, -m.end))
    out: list[str] = []
    for left, right in pairwise(cuts):
        piece = escape(text[left:right])
        covering = [m for m in ranked if m.start <= left and right <= m.end]
        if not covering:
            out.append(piece)
            continue
        opening = "".join(
            f'<span class="hl {m.layer} {m.extra_class}" data-ref="{escape(m.ref)}" '
            f'data-layer="{m.layer}" title="{escape(m.title)}">' for m in covering)
        out.append(opening + piece + "</span>" * len(covering))
    return "".join(out)
