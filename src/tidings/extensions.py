"""The `Doc._.` attributes tidings' spaCy components read and write."""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = {
    "tidings_published": None,  # ISO date of publication, set before the pipeline runs
    "tidings_boilerplate": None,  # list of (start, end) character spans not part of the story
    "tidings_mentions": None,  # list[Mention], set by tidings_actors
    "tidings_quotes": None,  # list[Quote], set by tidings_quotes
    "tidings_events": None,  # list[Event], set by tidings_events
}


def register_extensions() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
