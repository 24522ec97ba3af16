"""The `tidings_quotes` spaCy component: sets `doc._.tidings_quotes`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers Doc extensions)


class QuotesComponent:
    """Finds quotes in a parsed Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_quotes = []
        return doc


@Language.factory("tidings_quotes", assigns=["doc._.tidings_quotes"], requires=["doc._.tidings_mentions"])
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
