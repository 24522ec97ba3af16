"""Reading PETRARCH/TABARI dictionaries: `.actors` and `.agents` files.

The formats (see the PETRARCH-2 documentation and the files in ../shared/data/events/petrarch):

Actors::

    VLADIMIR_PUTIN_  # comment
    +PUTIN_                      synonyms, one per line, under the entry
    +PRESIDENT_PUTIN_
        [RUSGOV 991231-080507]    codes, optionally dated: 'A-B', '>A' (from A), '<B' (until B)
        [RUSELI]                  an undated code is the default
    KREMLIN_ [RUSGOV]            a code may also stand on the entry's own line

Agents::

    !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES      substitution sets
    FOREIGN_!MINIST! [~GOV]
    POLICE {} [~COP]                                         {PLURALS} list irregular plurals

Words are joined by `_` (or spaces); a trailing `_` marks a whole word. Dates are YYMMDD
(years 00-30 read as 20xx) or YYYYMMDD. `<!-- ... -->` and `#` start comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_SUBST = re.compile(r"^\s*!([A-Z0-9_]+)!\s*=\s*(.+)$")


@dataclass(slots=True)
class Role:
    """One code of an actor entry, with the dates it held (ISO strings, None = open)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class ActorEntry:
    """An entry of a `.actors` file: a name, its synonyms and its (dated) codes."""

    name: str
    synonyms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    comment: str = ""
    line: int = 0


@dataclass(slots=True)
class AgentEntry:
    """An entry of a `.agents` file: a phrase and the sector code it adds ("~GOV" gives "GOV")."""

    phrase: str
    code: str
    plurals: list[str] = field(default_factory=list)


def phrase_text(raw: str) -> str:
    """'PRESIDENT_VLADIMIR_V._PUTIN_' -> 'PRESIDENT VLADIMIR V. PUTIN'."""
    return " ".join(raw.replace("_", " ").split())


def parse_date(raw: str) -> str | None:
    """A PETRARCH date (YYMMDD or YYYYMMDD) as an ISO date, or None when it is not one."""
    raw = raw.strip()
    if not raw.isdigit():
        return None
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(raw[2:4]), int(raw[4:6])
    elif len(raw) == 8:
        year, month, day = int(raw[:4]), int(raw[4:6]), int(raw[6:8])
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_role(raw: str) -> Role | None:
    """'RUSGOV 991231-080507' -> Role('RUSGOV', '1999-12-31', '2008-05-07'); '---' -> None."""
    parts = raw.split()
    if not parts or set(parts[0]) <= {"-"}:
        return None
    code = parts[0].upper()
    start = end = None
    if len(parts) > 1:
        span = "".join(parts[1:])
        if span.startswith(">"):
            start = parse_date(span[1:])
        elif span.startswith("<"):
            end = parse_date(span[1:])
        elif "-" in span:
            a, b = span.split("-", 1)
            start, end = parse_date(a), parse_date(b)
            if start is None or end is None:  # a broken date range is not a role we can trust
                return None
    return Role(code=code, start=start, end=end)


def _strip(text: str) -> list[str]:
    text = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return text.splitlines()


def _split_comment(line: str) -> tuple[str, str]:
    if "#" in line:
        body, comment = line.split("#", 1)
        return body, comment.strip()
    return line, ""


def read_actors(path: str | Path) -> list[ActorEntry]:
    """Parse a PETRARCH/TABARI `.actors` file."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return list(iter_actors(text))


def iter_actors(text: str) -> Iterator[ActorEntry]:
    current: ActorEntry | None = None
    for number, raw in enumerate(_strip(text), start=1):
        body, comment = _split_comment(raw)
        if not body.strip():
            continue
        stripped = body.strip()
        if stripped.startswith("+"):
            if current is not None:
                head = _CODE.split(stripped[1:])[0]
                name = phrase_text(head)
                if name:
                    current.synonyms.append(name)
                for code in _CODE.findall(stripped):
                    role = parse_role(code)
                    if role:
                        current.roles.append(role)
            continue
        if stripped.startswith("[") or body[:1] in (" ", "\t") and stripped.startswith("["):
            if current is not None:
                for code in _CODE.findall(stripped):
                    role = parse_role(code)
                    if role:
                        current.roles.append(role)
            continue
        if current is not None:
            yield current
        head = stripped.split("[", 1)[0]
        current = ActorEntry(name=phrase_text(head), comment=comment, line=number)
        for code in _CODE.findall(stripped):
            role = parse_role(code)
            if role:
                current.roles.append(role)
    if current is not None:
        yield current


def read_agents(path: str | Path) -> list[AgentEntry]:
    """Parse a PETRARCH/TABARI `.agents` file, expanding `!SET!` substitutions."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return list(iter_agents(text))


def iter_agents(text: str) -> Iterator[AgentEntry]:
    sets: dict[str, list[str]] = {}
    for raw in _strip(text):
        body, _comment = _split_comment(raw)
        stripped = body.strip()
        if not stripped:
            continue
        subst = _SUBST.match(stripped)
        if subst:
            sets[subst.group(1)] = [w.strip() for w in subst.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(stripped)
        if not codes:
            continue
        code = codes[-1].strip().lstrip("~").upper()
        head = stripped.split("[", 1)[0]
        plurals: list[str] = []
        if "{" in head:
            head, rest = head.split("{", 1)
            plurals = [phrase_text(p) for p in rest.split("}", 1)[0].split(",") if p.strip()]
        for phrase in _expand(head.strip(), sets):
            text_ = phrase_text(phrase)
            if text_:
                yield AgentEntry(phrase=text_, code=code, plurals=plurals)


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!([A-Z0-9_]+)!", phrase)
    if not match or match.group(1) not in sets:
        return [phrase.replace("!", "")] if "!" in phrase else [phrase]
    out = []
    for word in sets[match.group(1)]:
        out.extend(_expand(phrase[: match.start()] + word + phrase[match.end():], sets))
    return out
