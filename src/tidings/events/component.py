"""The `tidings_events` spaCy component: sets `doc._.tidings_events`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers Doc extensions)


class EventsComponent:
    """Finds events in a parsed Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_events = []
        return doc


@Language.factory("tidings_events", assigns=["doc._.tidings_events"], requires=["doc._.tidings_mentions", "doc._.tidings_quotes"])
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
