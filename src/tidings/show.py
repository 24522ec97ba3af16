"""The readable, coloured view of a `Document` that `tidings extract` prints without --json."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .document import Document, Mention


def _who(m: Mention | None) -> str:
    if m is None:
        return "-"
    a = m.actor.to_dict()
    return f"{m.text} → {a['name']} ({a['code'] or '-'})"


def show_document(console: Console, doc: Document) -> None:
    a = doc.article
    console.rule(f"[bold]{a.title or a.origin}[/bold]  {a.published or ''}")
    mentions = Table(title="actors", show_lines=False)
    for col in ("text", "name", "kind", "code"):
        mentions.add_column(col)
    for m in doc.mentions:
        d = m.actor.to_dict()
        mentions.add_row(m.text, d["name"], d["kind"], d["code"] or "")
    console.print(mentions)
    if doc.quotes:
        quotes = Table(title="quotes")
        for col in ("kind", "speaker", "cue", "to", "via", "quote"):
            quotes.add_column(col, overflow="fold")
        for q in doc.quotes:
            quotes.add_row(q.kind, _who(q.speaker), q.cue.text if q.cue else "-", _who(q.addressee) if q.addressee else "",
                           " ← ".join(m.text for m in q.via), q.text[:160])
        console.print(quotes)
    if doc.events:
        events = Table(title="events")
        for col in ("type", "cameo", "source", "target", "trigger", "modality", "why"):
            events.add_column(col, overflow="fold")
        for e in doc.events:
            events.add_row(e.type + (" (negated)" if e.negated else ""), e.cameo or "", _who(e.source),
                           _who(e.target), e.trigger.text, e.modality, e.explanation)
        console.print(events)
    if doc.boilerplate:
        console.print(f"[dim]boilerplate: {len(doc.boilerplate)} span(s) skipped[/dim]")
