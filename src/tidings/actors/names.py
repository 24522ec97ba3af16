"""A person's name as news writes it, matched to the people tables when it is not written as they are.

News drops or adds middle names ("Omar Hassan al-Bashir", "Omar al-Bashir" for "Omar Hassan Ahmad al
Bashir"), varies particles ("al-", "El", "bin") and transliterations ("Mohammad", "Mohammed"). The exact
lookup (`Dictionaries.people_named`) misses these; `PartialNames` finds them by the first and last name
tokens, and only where that is safe:

- a surname of seven letters or more may be one letter off a known one ("Abdelaziz Bouteflicka"), the given
  name then being the same;
- both names are reduced the same way: lower case, no accents, hyphens and dots as spaces, no particles
  inside the name (al, el, bin, ibn, de, van ...), no titles before it, no "Jr." after it, a few common
  transliterations of Arabic given names made one ("Mohammed", "Muhammad", "Mohamed" -> "muhammad");
- the first and last tokens of the two must be equal, and every other token of the mention must be found,
  in order, among the known name's middle tokens ("Omar Hassan Bashir" fits "Omar Hassan Ahmad al Bashir";
  "Omar Khalid Bashir" does not); a single letter stands for a name it begins ("George W. Bush"), or for
  nothing where the known name has none ("John R. Bolton" for "John Bolton");
- all known people the key fits must agree on the state (namesakes of two states: no answer), and the known
  name must not begin after the article's date;
- two words only where the given name and surname are rare enough together in the tables ("Carlos Menem"
  is Carlos Saul Menem; "John Kennedy" need not be John F. Kennedy, nor "Ahmed Hassan" Ahmad al Hasan);
  "Jr." never matches a name without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Person

# Particles inside a name (never its first token): "Omar al-Bashir", "Mohammed bin Salman", "Ursula von der Leyen".
PARTICLES = frozenset({
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "ul", "bin", "ibn", "ben", "bint", "ould", "ag",
    "de", "da", "di", "del", "della", "dos", "das", "do", "du", "van", "von", "der", "den", "ter", "le", "la",
    "y", "e",
})
# Words after a name that are not part of it.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Titles and ranks that may open a recogniser's PERSON span ("Crown Prince Mohammad bin Salman").
LEADING = frozenset({
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "premier", "chancellor", "secretary", "general",
    "gen", "sen", "senator", "rep", "king", "queen", "prince", "princess", "crown", "sheikh", "sheik", "emir",
    "ayatollah", "grand", "supreme", "leader", "pope", "judge", "justice", "governor", "mayor", "lt", "col",
    "colonel", "commander", "deputy", "vice", "sir", "lord", "lady", "dame", "ambassador", "envoy", "the",
    "former", "interim", "acting", "foreign", "defence", "defense", "field", "marshal", "brigadier",
    "lieutenant", "captain", "capt", "sgt", "sergeant", "admiral", "adm", "maj", "imam", "mullah", "cardinal",
    "archbishop", "bishop", "rev", "reverend", "chairman", "spokesman", "spokeswoman", "spokesperson",
    "crown prince", "sultan", "maulana", "hojatoleslam",
})
# Transliterations of common given names of the Arab and Muslim world, made one.
VARIANTS = {
    **dict.fromkeys(("mohammed", "mohammad", "muhammed", "mohamed", "mohamad", "muhamad", "mohammud", "mehmet",
                     "mohamud", "mahomed"), "muhammad"),
    **dict.fromkeys(("ahmed", "ahmet", "ahmadi"), "ahmad"),
    **dict.fromkeys(("mahmoud", "mahmood", "mehmood"), "mahmud"),
    **dict.fromkeys(("hussein", "husain", "hussain", "hosein", "hossein", "husayn", "husein"), "husayn"),
    **dict.fromkeys(("hasan",), "hassan"),
    **dict.fromkeys(("umar",), "omar"),
    **dict.fromkeys(("usama",), "osama"),
    **dict.fromkeys(("abdallah", "abdulla", "abdellah"), "abdullah"),
    **dict.fromkeys(("youssef", "yousef", "yousuf", "yusef", "youssouf", "yussuf"), "yusuf"),
    **dict.fromkeys(("abdul", "abdel", "abd"), "abdul"),
    **dict.fromkeys(("mustapha", "moustafa", "mostafa", "mustafah"), "mustafa"),
    **dict.fromkeys(("khaled",), "khalid"),
    **dict.fromkeys(("saeed", "said", "sayed", "sayyid"), "saeed"),
}
# Words of a body's name, not a person's (the tables hold some companies and parties among people).
INSTITUTION_WORDS = frozenset({
    "inc", "corporation", "corp", "company", "co", "ltd", "limited", "group", "holdings", "bank", "party",
    "international", "foundation", "association", "institute", "fund", "trust", "ministry", "council",
    "committee", "army", "front", "movement", "union", "organization", "organisation", "agency", "force",
    "forces", "brigade", "brigades", "of", "and", "for", "the",
})
# A surname one letter off a known one ("Bouteflicka" for "Bouteflika") counts from this length on.
MIN_RESPELT = 7
# ... and only under a given name fewer people of the tables bear than this.
COMMON_GIVEN_RESPELT = 30
# Two words stand for a longer known name only where few people of the tables share them: the number of
# people with that given name times the number with that surname (the odds that someone else bears both)
# must stay under this ("Carlos Menem": 101 x 1; "John Kennedy": 143 x 2 is too common).
COMMON_NAME = 200


def tokens(key: str) -> list[str]:
    """The name tokens of a normalised name (see `gazetteer.normalise`): titles, particles and suffixes
    dropped, transliterations made one. 'president omar hassan al bashir' -> ['omar', 'hassan', 'bashir']."""
    words = [w.strip("'") for w in key.split()]
    words = [w for w in words if w]
    while len(words) > 2 and words[0] in LEADING:
        words = words[1:]
    while len(words) > 2 and words[-1] in SUFFIXES:
        words = words[:-1]
    if not words:
        return []
    out = [VARIANTS.get(words[0], words[0])]
    out += [VARIANTS.get(w, w) for w in words[1:] if w not in PARTICLES]
    return out


def _fits(middle: list[str], known: list[str]) -> bool:
    """Every middle token of the mention is found, in order, among the known name's middle tokens."""
    j = 0
    for word in middle:
        k = j
        while k < len(known) and not (known[k] == word or len(word) == 1 and known[k].startswith(word)):
            k += 1
        if k == len(known):
            if len(word) == 1:
                continue  # an initial the known name lacks ("John R. Bolton" for "John Bolton")
            return False
        j = k + 1
    return True


@dataclass(slots=True)
class PartialMatch:
    people: list[Person]  # those the name fits (one state among them)
    key: str  # the mention's name tokens, as matched


class PartialNames:
    """An index of the people tables by last name token, built on first use (cheaply: the candidates of a
    name are only tokenised when a mention asks for them)."""

    def __init__(self, people: list[Person]) -> None:
        self.by_last: dict[str, list[Person]] = {}
        self.first_count: dict[str, int] = {}
        for person in people:
            for last in {_last_word(key) for key in person.keys}:
                self.by_last.setdefault(last, []).append(person)
            for first in {key.split(" ", 1)[0] for key in person.keys}:
                first = VARIANTS.get(first, first)
                self.first_count[first] = self.first_count.get(first, 0) + 1

    def surname_count(self, last: str) -> int:
        """How many people of some state the tables know with this surname."""
        return sum(1 for p in self.by_last.get(last, ()) if _of_a_state(p))

    def match(self, key: str, date: str | None) -> PartialMatch | None:
        """The people a normalised name fits, where they agree on one state; None otherwise."""
        words = tokens(key)
        if len(words) < 2 or any(len(w) < 2 for w in (words[0], words[-1])) or key.rsplit(" ", 1)[-1] in SUFFIXES:
            return None  # ("Donald Trump Jr." is not Donald Trump)
        fitting: list[tuple[list[str], Person]] = []
        middle = words[1:-1]
        candidates = self.by_last.get(words[-1], ())
        if not candidates and len(words[-1]) >= MIN_RESPELT and \
                self.first_count.get(words[0], 0) < COMMON_GIVEN_RESPELT:
            # "Bouteflicka", "Habyariman": one letter off, under a given name few people of the tables bear
            # ("John McCormick" is not John McCormack)
            candidates = self._respelt(words[-1])
        for person in candidates:
            if not _of_a_state(person):
                continue  # companies, NGOs and officials of no state: no partial names
            for known in person.keys:
                known_words = tokens(known)
                if len(known_words) >= 2 and known_words[0] == words[0] and \
                        (known_words[-1] == words[-1] or _one_edit(known_words[-1], words[-1])) \
                        and INSTITUTION_WORDS.isdisjoint(known_words) and _fits(middle, known_words[1:-1]):
                    fitting.append((known_words[1:-1], person))
                    break
        if not middle and self.first_count.get(words[0], 0) * self.surname_count(words[-1]) >= COMMON_NAME:
            # "John Kennedy" for "John F. Kennedy", "Mohamed Soliman" for a "Mohamed Ibrahim Soliman", "Ahmed
            # Hassan" for "Ahmad al Hasan": too common a name to trust two words written otherwise
            return None
        if date:
            fitting = [(m, p) for m, p in fitting if not _begins_after(p, date)]
        if not fitting:
            return None
        people = list({id(p): p for _m, p in fitting}.values())
        states = {_state(p, date) for p in people}
        if len(states) != 1 or None in states:
            return None
        return PartialMatch(people=people, key=" ".join(words))


    def _respelt(self, word: str) -> list[Person]:
        """The people whose surname is one edit from `word` (a letter added, dropped, changed or two swapped),
        the first letter the same (the edits of the word are looked up: no index to build)."""
        letters = "abcdefghijklmnopqrstuvwxyz"
        edits = _deleted(word)
        edits.update(word[:i] + c + word[i:] for i in range(1, len(word) + 1) for c in letters)
        edits.update(word[:i] + c + word[i + 1:] for i in range(1, len(word)) for c in letters)
        edits.update(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1))
        found = sorted(e for e in edits if e != word and e[:1] == word[:1] and e in self.by_last)
        return [p for last in found for p in self.by_last[last]]


def _deleted(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """A surname respelt: one edit apart, long enough, and with the same first letter."""
    if a == b or len(a) < MIN_RESPELT - 1 or len(b) < MIN_RESPELT - 1 or a[0] != b[0]:
        return False
    return one_edit(a, b)


def one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter added, dropped, changed or two neighbours swapped apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _last_word(key: str) -> str:
    """The last name token of a normalised name, as `tokens` gives it (cheaply)."""
    words = key.split()
    while len(words) > 2 and words[-1] in SUFFIXES:
        words = words[:-1]
    last = words[-1].strip("'") if words else ""
    return VARIANTS.get(last, last)


def _of_a_state(person: Person) -> bool:
    """The table gives the person a role of some state (read from the raw roles: parsing them is slow)."""
    if person.raw_roles:
        return any(raw[:1] != ":" for raw in person.raw_roles.split("|"))
    return any(r.country for r in person.roles)


def _begins_after(person: Person, date: str) -> bool:
    """Every role the table knows for the person begins after `date`: someone else of that name."""
    starts = [r.start for r in person.roles if r.start]
    return bool(starts) and len(starts) == len(person.roles) and min(starts) > date


def _state(person: Person, date: str | None) -> str | None:
    """The state of the person's role on `date`, else the one state of all their roles."""
    role = person.role_on(date)
    if role is not None and role.country:
        return role.country
    countries = {r.country for r in person.roles if r.country}
    return countries.pop() if len(countries) == 1 else None
