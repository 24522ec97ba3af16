"""The readable, coloured view of a `Document` that `tidings extract` prints without --json."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .document import Document, Mention


def _who(m: Mention | None) -> str:
    if m is None:
        return "[dim]-[/dim]"
    a = m.actor.to_dict()
    resolved = "" if m.text == a["name"] else f" → {escape(a['name'])}"
    return f"[bold]{escape(m.text)}[/bold]{resolved} [cyan]{a['code'] or '-'}[/cyan]"


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def show_document(console: Console, doc: Document) -> None:
    a = doc.article
    console.rule(f"[bold]{escape(a.title or a.origin)}[/bold]  {a.published or ''}")
    mentions = Table(title=f"actors ({len(doc.mentions)} mentions)")
    for col in ("text", "name", "kind", "code", "how"):
        mentions.add_column(col, overflow="fold")
    for m in doc.mentions:
        d = m.actor.to_dict()
        mentions.add_row(escape(m.text), escape(d["name"]), d["kind"], d["code"] or "", escape(m.how))
    console.print(mentions)
    console.print(f"\n[bold]quotes[/bold] ({len(doc.quotes)})")
    for q in doc.quotes:
        parts = [f"[magenta]{q.kind}[/magenta]", _who(q.speaker)]
        if q.cue:
            parts.append(f"[green]{escape(q.cue.text)}[/green]")
        if q.addressee:
            parts.append("to " + _who(q.addressee))
        if q.via:
            parts.append("via " + " ← ".join(_who(m) for m in q.via))
        console.print("• " + " ".join(parts))
        console.print(f"    “{_clip(q.text)}”")
    console.print(f"\n[bold]events[/bold] ({len(doc.events)})")
    for e in doc.events:
        flags = [f for f, on in (("negated", e.negated), (e.modality, e.modality != "asserted")) if on]
        head = f"[yellow]{e.type}[/yellow]{'/' + e.mode if e.mode else ''} CAMEO {e.cameo or '-'}"
        if flags:
            head += " [red](" + ", ".join(flags) + ")[/red]"
        console.print(f"• {head}: {_who(e.source)} → {_who(e.target)}  [green]{escape(e.trigger.text)}[/green]"
                      + (f"  {e.date}" if e.date else "") + (f"  @{escape(e.location.name)}" if e.location else ""))
        console.print(f"    [dim]{escape(e.explanation)}[/dim]")
    if doc.boilerplate:
        console.print(f"\n[dim]boilerplate: {len(doc.boilerplate)} line(s) marked, not coded[/dim]")
