"""Pairing quotation marks by characters, paragraph by paragraph.

Straight (") and curly (“ ”) double quotes, low-9 („) and guillemets (« ») open and
close quotes. Single quotes are left alone: inside a double quote they mark a quote
inside the quote, and outside one they are far more often apostrophes.

The pairing never fails: an odd number of marks, or a quote that never closes, ends
the quote at the end of its paragraph (`closed=False`). A quote left open at the end
of a paragraph whose next paragraph starts with an opening mark runs on into it (the
convention for quotes across paragraphs); it is returned as one piece per paragraph,
the later pieces with `continued=True`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
ALL_MARKS = OPENING + CLOSING + STRAIGHT + "‟″"
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_WORDISH = re.compile(r"\w")


@dataclass(slots=True)
class QuoteMarks:
    """One quoted stretch: `start..end` is the content, `outer_start..outer_end` includes the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool = True
    continued: bool = False  # runs on from an open quote in the previous paragraph
    runs_on: bool = False  # left open at the paragraph's end, continued in the next one


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The `(start, end)` spans of the non-blank lines of `text`: news puts one paragraph per line."""
    spans = []
    for match in _PARAGRAPH_RE.finditer(text):
        chunk = match.group(0)
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((match.start() + lead, match.start() + len(chunk.rstrip())))
    return spans


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """Whether the straight quote at `i` looks like an opening one (space or start before, word after)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isspace() or before in "([{—–-/:;,":
        return not after.isspace()
    return False


def find_quote_marks(text: str, spans: list[tuple[int, int]] | None = None) -> list[QuoteMarks]:
    """All quoted stretches of `text`, in order, one piece per paragraph."""
    spans = paragraphs(text) if spans is None else spans
    found: list[QuoteMarks] = []
    carry = False  # the previous paragraph ended inside an open quote
    for p_index, (p_start, p_end) in enumerate(spans):
        open_at: int | None = None
        continued = False
        first = text[p_start] if p_end > p_start else ""
        if carry and first in OPENING + STRAIGHT:
            open_at, continued = p_start, True
            i = p_start + 1
        else:
            i = p_start
        carry = False
        while i < p_end:
            ch = text[i]
            if ch in OPENING or ch == "‟":
                if open_at is None:
                    open_at = i
                elif ch in "“‟" and (i + 1 >= p_end or not _WORDISH.match(text[i + 1])):
                    # a closing quote typed as an opening one: “like this“
                    found.append(QuoteMarks(open_at + 1, i, open_at, i + 1, True, continued))
                    open_at, continued = None, False
                else:
                    # a new quote opens inside an unclosed one: end the first before it
                    found.append(QuoteMarks(open_at + 1, _rstrip(text, open_at + 1, i), open_at,
                                            _rstrip(text, open_at + 1, i), False, continued))
                    open_at, continued = i, False
            elif ch in CLOSING or ch == "″":
                if open_at is not None:
                    found.append(QuoteMarks(open_at + 1, i, open_at, i + 1, True, continued))
                    open_at, continued = None, False
                elif ch == "”" and _opens(text, i, p_start, p_end):
                    open_at = i  # ”like this”: an opening quote typed as a closing one
            elif ch == STRAIGHT:
                if open_at is None:
                    if _opens(text, i, p_start, p_end):
                        open_at = i
                else:
                    found.append(QuoteMarks(open_at + 1, i, open_at, i + 1, True, continued))
                    open_at, continued = None, False
            i += 1
        if open_at is not None:
            nxt = spans[p_index + 1] if p_index + 1 < len(spans) else None
            runs_on = nxt is not None and text[nxt[0]] in OPENING + STRAIGHT
            end = _rstrip(text, open_at + 1, p_end)
            if end > open_at + 1:
                found.append(QuoteMarks(open_at + 1, end, open_at, p_end, False, continued, runs_on))
            carry = runs_on
    for quote in found:
        while quote.start < quote.end and text[quote.start].isspace():
            quote.start += 1
        quote.end = _rstrip(text, quote.start, quote.end)
    return [q for q in found if q.end > q.start]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
