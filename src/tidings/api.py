"""The Python API: `extract(text)` for one article, `extract_many` for many."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from .document import Article, Document
from .errors import Errors, InputError
from .pipeline import Pipeline

_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The pipeline `extract` uses, loaded on first use and kept."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def normalise_date(value: str | dt.date | None, *, origin: str = "-") -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, a datetime or a string that starts with one."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    import email.utils

    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError):
        raise InputError(Errors.T111.format(origin=origin, value=value), origin=origin) from None


def extract(text: str, published: str | dt.date | None = None, *, title: str | None = None,
            url: str | None = None, source: str | None = None, origin: str = "-") -> Document:
    """Run the whole pipeline on one article's text and return its `Document`."""
    article = Article(text=text, origin=origin, title=title, url=url, source=source,
                      published=normalise_date(published, origin=origin))
    return default_pipeline()(article)


def extract_many(articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Document]:
    """Run the pipeline over many `Article`s, in order."""
    yield from default_pipeline().pipe(articles, batch_size=batch_size)
