"""The actors stage's dictionaries, loaded once: gazetteer phrases, people with dated roles, role words.

The files under `data/` are built by `tools/build_gazetteer.py` from real sources (see data/PROVENANCE.md).
User dictionaries (see `dictionaries.py`) are merged on top: they extend and override.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Actor
from .names import PartialNames

DATA = Path(__file__).resolve().parent / "data"


@dataclass(slots=True, frozen=True)
class Entry:
    """One phrase of the gazetteer and the actor it names."""

    pattern: str  # tokens joined by single spaces, as spaCy splits them
    actor: Actor
    source: str


@dataclass(slots=True)
class RoleSpell:
    """A dated role: the person was `sector` of `country` from `start` to `end` (ISO dates; '' = open)."""

    country: str | None
    sector: str | None
    start: str = ""
    end: str = ""
    title: str = ""  # "foreign minister", when the source says

    def holds_on(self, date: str | None) -> bool:
        if date is None:
            return not self.end
        return (not self.start or self.start <= date) and (not self.end or date < self.end)

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)


@dataclass(slots=True, eq=False)
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    spells: list[RoleSpell] | None = None
    curated: bool = False  # from the recent-office-holders table (or a user's dictionary)
    keys: list[str] = field(default_factory=list)  # normalised names, precomputed by the builder
    raw_roles: str = ""  # COUNTRY:SECTOR:START:END:CODE|..., parsed on first use (keeps loading fast)

    @property
    def roles(self) -> list[RoleSpell]:
        if self.spells is None:
            titles = _recent_titles() if self.curated else {}
            spells = []
            for raw in self.raw_roles.split("|") if self.raw_roles else []:
                country, sector, start, end, _code = raw.split(":")
                spells.append(RoleSpell(country or None, sector or None, start, end,
                                        titles.get((self.name, start), "")))
            self.spells = spells
        return self.spells

    def role_on(self, date: str | None) -> RoleSpell | None:
        """The role the person held on `date`: a dated one that covers it, else the undated default,
        else (without a date) the latest one."""
        dated = [r for r in self.roles if r.dated and r.holds_on(date)]
        if dated:
            return max(dated, key=lambda r: r.start)
        default = [r for r in self.roles if not r.dated]
        if default:
            return default[0]
        if date is None and self.roles:
            return max(self.roles, key=lambda r: r.start)
        return None

    def actor_on(self, date: str | None) -> Actor:
        role = self.role_on(date)
        if role is None:
            # Known, but holding none of the roles we know on that date: the state, no sector.
            countries = {r.country for r in self.roles if r.country}
            country = countries.pop() if len(countries) == 1 else None
            return Actor(name=self.name, kind="person", country=country, sector=None,
                         code=country)
        code = (role.country or "") + (role.sector or "") or None
        if role.country is None and role.sector == "IGO":
            code = "IGO"
        return Actor(name=self.name, kind="person", country=role.country, sector=role.sector, code=code,
                     role=role.title or None)


def normalise(text: str) -> str:
    """A lookup key for a name: lower case, no accents, no dots, single spaces, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace(".", " ").replace("-", " ").lower()
    return " ".join(text.split())


# Titles that may stand before a name in a NER span or an alias ("President Putin").
TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "premier", "chancellor", "secretary", "general",
    "gen", "sen", "senator", "rep", "king", "queen", "prince", "princess", "sheikh", "emir", "ayatollah",
    "foreign", "defence", "defense", "spokesperson", "spokesman", "spokeswoman", "chairman", "leader", "pope",
    "judge", "justice", "governor", "mayor", "lt", "col", "colonel", "commander", "deputy", "vice", "sir",
    "lord", "lady", "dame", "mp", "ambassador", "envoy", "the", "crown", "former", "interim", "acting",
    "supreme",
}


@dataclass(slots=True)
class Dictionaries:
    entries: list[Entry]
    people: list[Person]
    by_alias: dict[str, list[Person]]
    agents: dict[str, str]  # role phrase (lower case, lemma of the last word) -> sector
    max_agent_words: int
    _partial: PartialNames | None = None  # built on first use (names.py)

    def people_named(self, text: str) -> list[Person]:
        key = normalise(text)
        found = self.by_alias.get(key)
        if found:
            return found
        words = key.split()
        while words and words[0] in TITLE_WORDS:
            words = words[1:]
        if words and len(words) < len(key.split()):
            return self.by_alias.get(" ".join(words), [])
        return []

    def person_on(self, text: str, date: str | None) -> Person | None:
        """The person a name stands for on `date`: among namesakes, one in office then, curated first."""
        return _likeliest(self.people_named(text), date)

    def person_partly_named(self, text: str, date: str | None) -> tuple[Person, str] | None:
        """The person a name written otherwise than in the tables stands for ("Omar Hassan al-Bashir" for
        "Omar Hassan Ahmad al Bashir"), with the known name it was matched to; None where that is not safe
        (see names.py)."""
        if self._partial is None:
            self._partial = PartialNames(self.people)
        found = self._partial.match(normalise(text), date)
        if found is None:
            return None
        person = _likeliest(found.people, date)
        return (person, found.key) if person is not None else None


def _likeliest(candidates: list[Person], date: str | None) -> Person | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]

    def rank(person: Person) -> tuple[int, int, int]:
        role = person.role_on(date)
        return (1 if role is not None and role.dated else 0, 1 if person.curated else 0, len(person.roles))

    return max(candidates, key=rank)


def _read_rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line and not line.startswith("#")]


def _actor(name: str, kind: str, country: str, sector: str, code: str) -> Actor:
    return Actor(name=name, kind=kind, country=country or None, sector=sector or None, code=code or None)


def load_builtin() -> Dictionaries:
    """Read the committed data files (about 0.1 s)."""
    entries = [Entry(pattern=r[0], actor=_actor(*r[1:6]), source=r[6]) for r in _read_rows(DATA / "gazetteer.tsv")]
    entries += _agencies()
    people: list[Person] = []
    titles = _recent_titles()
    for name, aliases, roles, keys in _read_rows(DATA / "people.tsv"):
        people.append(Person(name=name, aliases=aliases.split("|") if aliases else [], raw_roles=roles,
                             curated=(name, "") in titles, keys=keys.split("|")))
    agents: dict[str, str] = {}
    for phrase, sector, _code, _source in _read_rows(DATA / "agents.tsv"):
        agents.setdefault(phrase, sector)
    return assemble(entries, people, agents)


def _agencies() -> list[Entry]:
    """National bodies by their own names and acronyms ('the NCA', 'Mossad'): data/sources/agencies.tsv."""
    out = []
    for name, aliases, country, sector in _read_rows(DATA / "sources" / "agencies.tsv"):
        actor = _actor(name, "organization", country, sector, country + sector)
        for alias in aliases.split("|"):
            pattern = " ".join(re.sub(r"(?<=\w)-(?=\w)", " - ", alias).split())  # as spaCy splits "Inter-Services"
            out.append(Entry(pattern=pattern, actor=actor, source="agencies table"))
    return out


def assemble(entries: list[Entry], people: list[Person], agents: dict[str, str]) -> Dictionaries:
    by_alias: dict[str, list[Person]] = {}
    for person in people:
        for key in person.keys or [normalise(a) for a in (person.name, *person.aliases)]:
            if key:
                by_alias.setdefault(key, []).append(person)  # a person's keys are distinct
    max_words = max((len(p.split()) for p in agents), default=1)
    return Dictionaries(entries=entries, people=people, by_alias=by_alias, agents=agents,
                        max_agent_words=max_words)


@functools.lru_cache(maxsize=1)
def _recent_titles() -> dict[tuple[str, str], str]:
    """(name, start) -> title from the curated table of recent office holders; (name, '') marks the name."""
    out: dict[tuple[str, str], str] = {}
    path = DATA / "sources" / "people_recent.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 7:
            out[(parts[0], parts[5])] = parts[4]
            out[(parts[0], "")] = ""
    return out


@functools.lru_cache(maxsize=8)
def load(extra: tuple[str, ...] = ()) -> Dictionaries:
    """The built-in dictionaries with the user dictionaries `extra` (paths) merged on top; cached."""
    base = load_builtin()
    if not extra:
        return base
    from .dictionaries import merge_user_dictionaries

    return merge_user_dictionaries(base, [Path(p) for p in extra])


_ROLE_CLASS_PATTERNS = [
    ("foreign minister", r"foreign (?:minister|secretary)|secretary of state|top diplomat|chief diplomat"),
    ("defence minister", r"defen[cs]e (?:minister|secretary)|secretary of defen[cs]e"),
    ("head of government", r"prime minister|premier|chancellor"),
    ("head of state", r"^president$|^interim president$|supreme leader|^king$|^emir$"),
    ("spokesperson", r"spokes(?:person|man|woman)|press secretary"),
]


def role_class(title: str) -> str | None:
    """'foreign minister', 'top diplomat', 'Secretary of State' -> 'foreign minister'; unknown -> None."""
    low = " ".join(title.lower().split())
    for name, pattern in _ROLE_CLASS_PATTERNS:
        if re.search(pattern, low):
            return name
    return None
