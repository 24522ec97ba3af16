"""The `tidings_actors` spaCy component: sets `doc._.tidings_mentions`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers Doc extensions)


class ActorsComponent:
    """Finds actors in a parsed Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_mentions = []
        return doc


@Language.factory("tidings_actors", assigns=["doc._.tidings_mentions"], requires=[])
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
