"""User dictionaries: extend or override the built-in actors, people and role words.

Three formats, chosen by the file's suffix (see docs/actors.md):

- CSV (`.csv`) or TSV (`.tsv`) with a header row; columns `pattern, name, kind, country, sector, code,
  start, end, role` (only `pattern` and `kind` are required). `kind` is one of country, person,
  organization, group, region, or `agent` for a role word (then `sector` is its sector).
- YAML (`.yaml`, `.yml`) with lists `actors`, `people` and a mapping `agents` (needs PyYAML).
- PETRARCH/TABARI dictionaries: `.actors` / `.agents` files, or any file whose name contains
  "actors" or "agents" with a `.txt` suffix.

Entries of a user dictionary win over the built-in ones with the same phrase or name.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..document import ACTOR_KINDS, Actor
from ..errors import Errors, UsageError
from .gazetteer import Dictionaries, Entry, Person, RoleSpell, assemble, normalise
from .petrarch import ActorEntry, read_actors, read_agents

SECTORS_NON_STATE = {"IGO", "NGO", "MNC", "IMG"}
_INSTITUTION_WORDS = {
    "MINISTRY", "COUNCIL", "DEPARTMENT", "ARMY", "FORCES", "FORCE", "PARTY", "COURT", "OFFICE", "HOUSE",
    "SERVICE", "COMMITTEE", "AGENCY", "GUARD", "FRONT", "MOVEMENT", "GOVERNMENT", "POLICE", "ASSEMBLY",
    "PARLIAMENT", "BANK", "COMMISSION", "UNION", "STATE", "NATIONAL", "REPUBLIC", "KINGDOM", "SENATE",
    "CONGRESS", "BRIGADE", "BRIGADES", "CORPS", "TROOPS", "MILITARY", "NAVY", "TELEVISION", "RADIO", "GROUP",
    "ORGANIZATION", "ORGANISATION", "FUND", "OF", "THE", "TANKS", "WING", "COMMAND", "GUNMEN", "CITY",
}


class DictionaryFormat:
    CSV = "csv"
    YAML = "yaml"
    PETRARCH_ACTORS = "petrarch-actors"
    PETRARCH_AGENTS = "petrarch-agents"


def format_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".yaml", ".yml")):
        return DictionaryFormat.YAML
    if name.endswith(".actors") or name.endswith(".txt") and "actors" in name:
        return DictionaryFormat.PETRARCH_ACTORS
    if name.endswith(".agents") or name.endswith(".txt") and "agents" in name:
        return DictionaryFormat.PETRARCH_AGENTS
    if name.endswith((".csv", ".tsv")):
        return DictionaryFormat.CSV
    raise UsageError(Errors.T501.format(path=path))


class UserDictionary:
    """What one user file adds: gazetteer entries, people, role words."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.people: dict[str, Person] = {}
        self.agents: dict[str, str] = {}

    def person(self, name: str) -> Person:
        key = normalise(name)
        if key not in self.people:
            self.people[key] = Person(name=name, spells=[], curated=True, keys=[key])
        return self.people[key]

    def add_person_role(self, name: str, alias: str | None, country: str | None, sector: str | None,
                        start: str = "", end: str = "", role: str = "") -> None:
        person = self.person(name)
        if alias and normalise(alias) not in person.keys:
            person.aliases.append(alias)
            person.keys.append(normalise(alias))
        if country or sector:
            spell = RoleSpell(country or None, sector or None, start or "", end or "", role or "")
            if spell not in person.roles:
                person.roles.append(spell)
        for phrase in {name, alias or name}:
            self.entries.append(Entry(pattern=phrase, actor=Actor(name=name, kind="person"), source="user person"))


def read_dictionary(path: Path) -> UserDictionary:
    """Read one user dictionary, in whichever format its name says."""
    if not path.is_file():
        raise UsageError(Errors.T502.format(path=path))
    fmt = format_of(path)
    out = UserDictionary()
    try:
        if fmt == DictionaryFormat.CSV:
            _read_csv(path, out)
        elif fmt == DictionaryFormat.YAML:
            _read_yaml(path, out)
        elif fmt == DictionaryFormat.PETRARCH_ACTORS:
            import_petrarch_actors(read_actors(path), out)
        else:
            for agent in read_agents(path):
                out.agents[agent.phrase.lower()] = agent.code[:3]
    except (ValueError, KeyError, TypeError) as e:
        raise UsageError(Errors.T503.format(path=path, detail=e)) from e
    return out


def _row_actor(row: dict[str, Any]) -> Actor:
    kind = (row.get("kind") or "").strip().lower()
    if kind not in ACTOR_KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(ACTOR_KINDS)} or agent")
    pattern = str(row["pattern"]).strip()
    return Actor(name=(row.get("name") or pattern).strip(), kind=kind, country=(row.get("country") or None),
                 sector=(row.get("sector") or None), code=(row.get("code") or None))


def _add_row(row: dict[str, Any], out: UserDictionary) -> None:
    row = {k.strip().lower(): (str(v).strip() if v is not None else "") for k, v in row.items() if k}
    kind = row.get("kind", "").lower()
    pattern = row.get("pattern", "")
    if not pattern:
        raise ValueError("a row without a pattern")
    if kind == "agent":
        out.agents[pattern.lower()] = row.get("sector", "")
        return
    if kind == "person":
        out.add_person_role(row.get("name") or pattern, pattern, row.get("country"), row.get("sector"),
                            row.get("start", ""), row.get("end", ""), row.get("role", ""))
        return
    out.entries.append(Entry(pattern=pattern, actor=_row_actor(row), source="user dictionary"))


def _read_csv(path: Path, out: UserDictionary) -> None:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with open(path, encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter=delimiter):
            _add_row(row, out)


def _read_yaml(path: Path, out: UserDictionary) -> None:
    try:
        import yaml
    except ImportError as e:
        raise UsageError(Errors.T504.format(path=path)) from e
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for item in data.get("actors", []) or []:
        aliases = item.get("aliases", []) or []
        for pattern in [item["name"], *aliases]:
            _add_row({**item, "pattern": pattern, "name": item["name"]}, out)
    for item in data.get("people", []) or []:
        name = item["name"]
        roles = item.get("roles", []) or [{}]
        for alias in [name, *(item.get("aliases", []) or [])]:
            for role in roles:
                out.add_person_role(name, alias, role.get("country"), role.get("sector"),
                                    str(role.get("start", "") or ""), str(role.get("end", "") or ""),
                                    role.get("title", "") or role.get("role", "") or "")
    for phrase, sector in (data.get("agents", {}) or {}).items():
        out.agents[str(phrase).lower()] = str(sector)


def looks_like_person(entry: ActorEntry) -> bool:
    """PETRARCH files do not say what an entry is: dated roles or a short name of no institution."""
    if any(r.start or r.end for r in entry.roles):
        return True
    words = entry.name.upper().split()
    if set(words) & _INSTITUTION_WORDS:
        return False
    codes = [r.code for r in entry.roles]
    return 2 <= len(words) <= 4 and any(len(c) > 3 for c in codes)


def _split_code(code: str) -> tuple[str | None, str | None]:
    code = code.upper()
    head = code[:3]
    if head in SECTORS_NON_STATE:
        return None, "IGO" if head == "IGO" else "NGO" if head == "NGO" else "BUS" if head == "MNC" else "REB"
    return (head or None), (code[3:6] or None)


def import_petrarch_actors(entries: list[ActorEntry], out: UserDictionary) -> None:
    """Turn PETRARCH/TABARI actor entries into gazetteer phrases and people with dated roles."""
    for entry in entries:
        codes = [r for r in entry.roles if r.code and not set(r.code) <= {"-", "+", "#"}]
        if not codes:
            continue
        name = entry.name.title() if entry.name.isupper() else entry.name
        phrases = [entry.name, *entry.synonyms]
        if looks_like_person(entry):
            for phrase in phrases:
                for role in codes:
                    country, sector = _split_code(role.code)
                    out.add_person_role(name, phrase.title() if phrase.isupper() else phrase, country, sector,
                                        role.start or "", role.end or "")
            continue
        country, sector = _split_code(codes[0].code)
        if codes[0].code[:3] in SECTORS_NON_STATE:
            kind = "organization" if sector in ("IGO", "NGO", "BUS") else "group"
        elif sector in ("REB", "UAF", "INS"):
            kind = "group"
        elif sector:
            kind = "organization"
        else:
            kind = "country"
        for phrase in phrases:
            out.entries.append(Entry(pattern=_pattern(phrase), actor=Actor(name=name, kind=kind, country=country,
                                                                  sector=sector, code=codes[0].code),
                                     source="PETRARCH dictionary"))


def _pattern(phrase: str) -> str:
    """PETRARCH writes phrases in capitals: 'ISRAELI TROOPS' -> 'Israeli troops' (later words match any case),
    short single words stay as they are ('PLO', 'IMF')."""
    if not phrase.isupper() or " " not in phrase and len(phrase) <= 4:
        return phrase
    words = phrase.split()
    return " ".join([words[0].capitalize(), *(w.lower() for w in words[1:])])


def merge_user_dictionaries(base: Dictionaries, paths: list[Path]) -> Dictionaries:
    """The built-in dictionaries with the user files merged on top (later files win)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    entries = list(base.entries)
    people = list(base.people)
    agents = dict(base.agents)
    for path in paths:
        user = read_dictionary(path)
        for entry in user.entries:
            pattern = " ".join(t.text for t in tokenizer(entry.pattern) if not t.is_space)
            entries.append(Entry(pattern=pattern, actor=entry.actor, source=f"{entry.source} {path.name}"))
        overridden = {k for p in user.people.values() for k in p.keys}
        people = [p for p in people if not (set(p.keys) & overridden)] + list(user.people.values())
        agents.update(user.agents)
    return assemble(entries, people, agents)
