"""Finding the resolved mention behind a stretch of text, for the quotes and events stages."""

from __future__ import annotations

from spacy.tokens import Doc

from ..document import Mention


def mention_for(doc: Doc, start: int, end: int) -> Mention | None:
    """The mention that best stands for the characters `start..end` of `doc`, or None.

    A mention inside the span is preferred to one that only overlaps it; among those,
    the longest (for "the Chinese foreign minister, Wang Yi" the whole apposition wins).
    """
    best: Mention | None = None
    best_key: tuple[int, int] | None = None
    for mention in doc._.tidings_mentions or []:
        if mention.end <= start or mention.start >= end:
            continue
        inside = start <= mention.start and mention.end <= end
        key = (1 if inside else 0, mention.end - mention.start)
        if best_key is None or key > best_key:
            best, best_key = mention, key
    return best
