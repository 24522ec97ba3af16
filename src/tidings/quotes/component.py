"""The `tidings_quotes` spaCy component: sets `doc._.tidings_quotes`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers Doc extensions)
from .extract import find_quotes


class QuotesComponent:
    """Finds quotes in a parsed Doc: speaker, cue, addressee, content and the chain of reporters."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_quotes = find_quotes(doc)
        return doc

    def pipe(self, docs, *, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("tidings_quotes", assigns=["doc._.tidings_quotes"], requires=["doc._.tidings_mentions"])
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
