"""tidings: news articles in, explainable data about world affairs out.

    >>> import tidings
    >>> doc = tidings.extract("China urged Russia to stop the war.", published="2022-03-02")
    >>> doc.to_dict()["mentions"][0]["actor"]["code"]
    'CHN'
"""

from __future__ import annotations

from .api import extract, extract_many
from .document import Actor, Article, Document, Event, Location, Mention, Quote, TextSpan
from .errors import InputError, ModelError, StoreError, TidingsError, UsageError
from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Document",
    "Event",
    "InputError",
    "Location",
    "Mention",
    "ModelError",
    "Pipeline",
    "Quote",
    "StoreError",
    "TextSpan",
    "TidingsError",
    "UsageError",
    "__version__",
    "extract",
    "extract_many",
]
