"""The whole pipeline: an `Article` in, a `Document` out.

    article ─► clean (boilerplate spans) ─► spaCy parse ─► tidings_actors ─► tidings_quotes ─► tidings_events

The three tidings stages are spaCy components (see each stage's `component.py`), so
spaCy users can add them to their own pipelines; this class only wires them up and
turns the `Doc._.` results into a `Document`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import extensions  # noqa: F401  (registers Doc extensions)
from .attribute_rules import speed_up_attribute_ruler
from .clean import find_boilerplate
from .document import Article, Document
from .errors import Errors
from .nlp import load_model

STAGES = ("tidings_actors", "tidings_quotes", "tidings_events")


class Pipeline:
    """A loaded spaCy model with tidings' components, reusable for many articles."""

    def __init__(self, *, model: str | None = None, stages: tuple[str, ...] = STAGES,
                 fast_attribute_ruler: bool = True) -> None:
        """`fast_attribute_ruler`: find the attribute ruler's matches array-wise (same output, see
        `attribute_rules`); False keeps spaCy's Matcher."""
        from .actors import component as _actors  # noqa: F401  (registers the factories)
        from .events import component as _events  # noqa: F401
        from .quotes import component as _quotes  # noqa: F401

        self.nlp = load_model(model)
        if fast_attribute_ruler:
            speed_up_attribute_ruler(self.nlp)
        for name in stages:
            if name not in self.nlp.pipe_names:
                self.nlp.add_pipe(name)

    def make_doc(self, article: Article):
        doc = self.nlp.make_doc(article.text)
        doc._.tidings_published = article.published
        doc._.tidings_boilerplate = find_boilerplate(article.text)
        return doc

    def __call__(self, article: Article) -> Document:
        if not is_english(article):
            return Document(article=article, boilerplate=find_boilerplate(article.text))
        doc = self.make_doc(article)
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        return to_document(article, doc)

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Document]:
        """Process many articles in order, batching the parser's work."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, batch_size)
                batch = []
        if batch:
            yield from self._run_batch(batch, batch_size)

    def _run_batch(self, batch: list[Article], batch_size: int) -> Iterator[Document]:
        english = [a for a in batch if is_english(a)]
        try:
            parsed = self.nlp.pipe([self.make_doc(a) for a in english], batch_size=batch_size)
            done = {id(a): to_document(a, doc) for a, doc in zip(english, parsed, strict=True)}
        except Exception:  # noqa: BLE001  one bad article must not cost the batch: redo them one by one
            done = {id(a): self.safely(a) for a in english}
        for article in batch:
            yield done.get(id(article)) or Document(article=article, boilerplate=find_boilerplate(article.text))

    def safely(self, article: Article) -> Document:
        """`self(article)`, or, where a stage fails on it, a bare Document whose `failure` says why."""
        try:
            return self(article)
        except Exception as e:  # noqa: BLE001  named to the user as T120, never silent
            detail = f"{type(e).__name__}: {e}"
            return Document(article=article, failure=Errors.T120.format(origin=article.origin, detail=detail))


def is_english(article: Article) -> bool:
    """Only English articles go through the (English) stages; others are kept with their language."""
    return article.language in (None, "", "en")


def to_document(article: Article, doc) -> Document:
    return Document(
        article=article,
        boilerplate=list(doc._.tidings_boilerplate or []),
        mentions=list(doc._.tidings_mentions or []),
        quotes=list(doc._.tidings_quotes or []),
        events=list(doc._.tidings_events or []),
    )
