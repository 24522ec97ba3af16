"""The records tidings produces, and their JSON (see CONTRACT.md).

Every record points into `Article.text` with Python string offsets. Records are
plain dataclasses so that they cross process boundaries cheaply; they are built
from spaCy spans by the stages and flattened to rows only by the store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .tone import article_tone

ACTOR_KINDS = ("country", "person", "organization", "group", "region")
QUOTE_KINDS = ("direct", "partial", "indirect", "mixed")
MODALITIES = ("asserted", "intended", "requested", "hypothetical")


def article_id(text: str) -> str:
    """The id of an article: the SHA-1 of its text, as CONTRACT.md fixes."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    """One news article as it came in: its text is never changed."""

    text: str
    origin: str = "-"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = "en"
    id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }


@dataclass(slots=True, frozen=True)
class Actor:
    """Who someone or something is: a state, a person, an organisation, a group, a region."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "code": self.code if self.code is not None else make_code(self.country, self.sector),
        }
        if self.role:
            out["role"] = self.role
        return out


def make_code(country: str | None, sector: str | None) -> str | None:
    """A CAMEO-style actor code: country plus sector ("UKRGOV"), or whichever is known."""
    if country and sector:
        return country + sector
    return country or sector


@dataclass(slots=True)
class TextSpan:
    """A stretch of the article's text: a cue, a trigger, a sentence."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Mention:
    """A span of the text that refers to an actor, with the reason it was resolved so."""

    start: int
    end: int
    text: str
    actor: Actor
    how: str = ""
    antecedent: int | None = None  # index in the document's mentions of what this one refers back to

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                               "actor": self.actor.to_dict()}
        if self.how:
            out["how"] = self.how
        return out

    def flat(self) -> dict[str, Any]:
        """The span with its actor's fields merged in, as quotes and events carry it."""
        return {"text": self.text, "start": self.start, "end": self.end, **self.actor.to_dict()}


@dataclass(slots=True)
class Quote:
    """Who said what, to whom, according to whom."""

    id: str
    start: int
    end: int
    text: str
    kind: str
    cue: TextSpan | None = None
    speaker: Mention | None = None
    addressee: Mention | None = None
    via: list[Mention] = field(default_factory=list)
    confidence: float = 0.5
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.flat() if self.speaker else None,
            "addressee": self.addressee.flat() if self.addressee else None,
            "via": [m.flat() for m in self.via],
            "confidence": round(float(self.confidence), 3),
        }
        if self.explanation:
            out["explanation"] = self.explanation
        return out


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(slots=True)
class Event:
    """Who did what to whom: one PLOVER event with its CAMEO code."""

    id: str
    type: str
    trigger: TextSpan
    sentence: tuple[int, int]
    source: Mention | None = None
    target: Mention | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    negated: bool = False
    modality: str = "asserted"
    date: str | None = None
    location: Location | None = None
    via: list[Mention] = field(default_factory=list)
    confidence: float = 0.5
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source": self.source.flat() if self.source else None,
            "target": self.target.flat() if self.target else None,
            "trigger": self.trigger.to_dict(),
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "negated": self.negated,
            "modality": self.modality,
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "via": [m.flat() for m in self.via],
            "confidence": round(float(self.confidence), 3),
            "explanation": self.explanation,
        }


@dataclass(slots=True)
class Document:
    """Everything tidings found in one article."""

    article: Article
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failure: str | None = None  # why the pipeline could not process this article (T120), else None

    def to_dict(self) -> dict[str, Any]:
        article = self.article.to_dict()
        # added to CONTRACT's article fields: GDELT's document tone (tidings.tone), null if not English
        article["tone"] = article_tone(self.article.text, boilerplate=self.boilerplate,
                                       language=self.article.language)
        return {
            "article": article,
            "boilerplate": [[s, e] for s, e in self.boilerplate],
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
        }
