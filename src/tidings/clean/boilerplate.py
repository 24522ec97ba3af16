"""Boilerplate lines: links to other stories, calls to subscribe, captions.

They are marked as spans, never cut, so that every offset still points into the
text the user gave. Later stages skip sentences that fall inside these spans.
"""

from __future__ import annotations

import bisect
import re

# One pattern per kind of line, anchored at the start of a line; each matches the whole line.
_LINE_PATTERNS = [
    r"(?:also|must|recommended)\s+read\s*[|:\-–—]",  # "Also Read | ...", "Must Read: ..."
    r"read\s+(?:more|also|next)\s*[|:\-–—]",
    r"(?:related|recommended|trending|watch|listen|more)\s*(?:stories|articles|news|video)?\s*[|:]",
    r"click\s+here\b",
    r"(?:subscribe|sign\s+up)\s+(?:to|for|now)\b",
    r"follow\s+(?:us|\w+)\s+on\s+(?:twitter|facebook|instagram|telegram|x)\b",
    r"advertisement\s*$",
    r"(?:image|photo|picture|video)\s*(?:caption|credit|source)?\s*[:|]",
    r"\((?:photo|image|picture)\s*:[^)]*\)\s*$",
    r"(?:copyright|©)\s",
    r"(?:share|tweet|email)\s+(?:this|on)\b",
    r"play\s+video\b",  # an embedded video's title: "Play Video 0:58 <title> – video"
    r"[^\n]*\bread\s+more[ \t]*$",  # a link to another story ending "... Read more"
]
_LINE_RE = re.compile(r"^[ \t]*(?:" + "|".join(_LINE_PATTERNS) + r").*$", re.IGNORECASE | re.MULTILINE)


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """Return the `(start, end)` spans of boilerplate lines in `text`, in order.

    A span covers the line's visible content (no leading blanks, no line break).
    """
    spans = []
    for match in _LINE_RE.finditer(text):
        line = match.group(0)
        start = match.start() + (len(line) - len(line.lstrip()))
        end = match.start() + len(line.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


def in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True where `start..end` overlaps one of the sorted, disjoint `spans`."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    for s, e in spans[max(i, 0): i + 2]:
        if s < end and start < e:
            return True
    return False
