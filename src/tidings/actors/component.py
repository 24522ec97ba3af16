"""The `tidings_actors` spaCy component: sets `doc._.tidings_mentions`.

    nlp.add_pipe("tidings_actors", config={"dictionaries": ["my_actors.yaml"]})

Needs a tagger, parser and NER before it (it reads POS, dependencies, lemmas and PERSON spans).
User dictionaries come from the `dictionaries` setting and the environment variable
TIDINGS_ACTOR_DICTIONARIES (paths separated by the OS path separator, ':' on Linux); see docs/actors.md.
"""

from __future__ import annotations

import os

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers Doc extensions)
from .gazetteer import load
from .resolve import Resolver

ENV_DICTIONARIES = "TIDINGS_ACTOR_DICTIONARIES"


def dictionary_paths(configured: list[str] | None = None) -> tuple[str, ...]:
    """The user dictionaries to load: the configured ones, then those named in the environment."""
    paths = list(configured or [])
    env = os.environ.get(ENV_DICTIONARIES, "")
    paths.extend(p for p in env.split(os.pathsep) if p.strip())
    return tuple(paths)


class ActorsComponent:
    """Finds and resolves actor mentions in a parsed Doc."""

    def __init__(self, nlp: Language, name: str, *, dictionaries: list[str] | None = None) -> None:
        self.name = name
        self.paths = dictionary_paths(dictionaries)
        self.resolver = Resolver(nlp.vocab, load(self.paths))

    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_mentions = self.resolver(doc)
        return doc


@Language.factory(
    "tidings_actors",
    assigns=["doc._.tidings_mentions"],
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents"],
    default_config={"dictionaries": []},
)
def make_actors(nlp: Language, name: str, dictionaries: list[str]) -> ActorsComponent:
    return ActorsComponent(nlp, name, dictionaries=dictionaries)
