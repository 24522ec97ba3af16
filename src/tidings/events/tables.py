"""The events stage's data tables: CAMEO codes, CAMEO -> PLOVER, and the trigger dictionary.

`cameo_codes.tsv`, `cameo_plover.tsv` and `petrarch_verbs.tsv` are derived from the shared data by
`tools/build_event_data.py`; `triggers.tsv` is our own hand-written dictionary (see data/PROVENANCE.md).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Errors, ModelError

DATA = Path(__file__).parent / "data"

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# The CAMEO code a PLOVER type gets when nothing more specific is known (classifier events).
DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "060", "AID": "070",
    "RETREAT": "087", "REQUEST": "020", "ACCUSE": "111", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "SANCTION": "160", "MOBILIZE": "154", "COERCE": "170", "ASSAULT": "190",
}


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of `text`."""
    return frozenset(text.split())


# Everyday verbs whose PETRARCH-2 code depends on phrase patterns we do not import.
PETRARCH_STOPLIST = word_set("""
take make help give get put set go come leave keep hold run see turn use bring open start begin end move stop
continue remain say tell find show play look work pay call stand lead follow carry meet receive return send
join hit push pull raise drop cut fall win lose reach pass face seek try want need plan expect hope believe
think know feel decide vote apply search spread declare speak talk touch act mark note point order press close
enter launch rise grow lift check head back charge fire strike draw drive build break fill sign host form hand
test evacuate prepare train issue control develop enhance promote improve institute allocate ensure forestall
prevent converge die remain
""")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the trigger dictionary."""

    lemma: str
    pos: str  # VERB or NOUN
    cues: frozenset[str]  # lemmas one of which must be a child of the trigger; empty: none needed
    type: str
    mode: str | None
    cameo: str
    confidence: float
    source: str = "triggers.tsv"


def _read_tsv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    out = {}
    for row in _read_tsv("cameo_codes.tsv"):
        gold = float(row["goldstein"]) if row["goldstein"] else None
        quad = int(row["quad_class"]) if row["quad_class"] else None
        out[row["code"]] = CameoCode(row["code"], row["name"], gold, quad)
    return out


def cameo_info(code: str) -> CameoCode | None:
    """The CAMEO code's facts; a 4-digit code missing from the table falls back to its 3-digit parent."""
    table = cameo_codes()
    while code and code not in table:
        code = code[:-1]
    return table.get(code) if code else None


@lru_cache(maxsize=1)
def cameo_plover() -> dict[str, tuple[str, str | None, list[str]]]:
    out = {}
    for row in _read_tsv("cameo_plover.tsv"):
        context = [c for c in (row["context"] or "").split(";") if c]
        out[row["code"]] = (row["type"], row["mode"] or None, context)
    return out


def plover_for(code: str) -> tuple[str, str | None, list[str]] | None:
    """PLOVER type, mode and contexts of a CAMEO code (or of its nearest parent in the table)."""
    table = cameo_plover()
    while code and code not in table:
        code = code[:-1]
    return table.get(code) if code else None


TRIGGER_FIELDS = ("lemma", "pos", "with", "type", "mode", "cameo", "conf")


def read_trigger_file(path: str | Path) -> list[Trigger]:
    """A user's trigger dictionary, in the format of data/triggers.tsv (a header line is optional; lines
    starting with # are comments). Every row is checked; the first bad one is named with the fix."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as e:
        raise ModelError(Errors.T703.format(path=path)) from e
    except (OSError, UnicodeDecodeError) as e:
        raise ModelError(Errors.T704.format(path=path, line=0, detail=f"cannot read it ({e})")) from e
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if fields[:2] == ["lemma", "pos"]:
            continue
        if len(fields) != len(TRIGGER_FIELDS):
            raise ModelError(Errors.T704.format(path=path, line=number, detail=f"{len(fields)} fields"))
        row = dict(zip(TRIGGER_FIELDS, fields))
        try:
            out.append(_trigger(row, source=f"user triggers {path.name}"))
        except ValueError as e:
            raise ModelError(Errors.T704.format(path=path, line=number, detail=str(e))) from e
    return out


def _trigger(row: dict[str, str], *, source: str = "triggers.tsv") -> Trigger:
    if row["pos"] not in ("VERB", "NOUN", "ADJ"):
        raise ValueError(f"pos {row['pos']!r} is not VERB, NOUN or ADJ")
    if row["type"] not in PLOVER_TYPES and row["type"] != "NONE":
        raise ValueError(f"type {row['type']!r} is not a PLOVER type or NONE")
    if row["type"] != "NONE" and cameo_info(row["cameo"]) is None:
        raise ValueError(f"cameo {row['cameo']!r} is not a CAMEO code")
    try:
        conf = float(row["conf"])
    except ValueError:
        conf = -1.0
    if not 0.0 <= conf <= 1.0:
        raise ValueError(f"conf {row['conf']!r} is not a number from 0 to 1")
    cues = frozenset() if row["with"] in ("", "-") else frozenset(row["with"].lower().split("|"))
    return Trigger(row["lemma"].lower(), row["pos"], cues, row["type"], row["mode"] if row["mode"] not in ("", "-")
                   else None, row["cameo"], conf, source=source)


@lru_cache(maxsize=8)
def triggers(petrarch: bool = False, extra: tuple[str, ...] = ()) -> dict[tuple[str, str], list[Trigger]]:
    """Trigger rows by (lemma, pos): rows with cues first, so that the most specific wins.

    `extra` are users' trigger files (format of data/triggers.tsv): their rows come before ours, so a user's
    row wins over a built-in row as specific as it (a NONE row switches a use off).
    With `petrarch`, PETRARCH-2's CAMEO verbs fill in lemmas our dictionary leaves out. That is off by
    default: on the PLOVER GSR those verbs were right for 10 of 49 (type, source) pairs they added.
    """
    out: dict[tuple[str, str], list[Trigger]] = {}
    for path in extra:
        for trig in read_trigger_file(path):
            out.setdefault((trig.lemma, trig.pos), []).append(trig)
    for row in _read_tsv("triggers.tsv"):
        trig = _trigger(row)
        out.setdefault((trig.lemma, trig.pos), []).append(trig)
    # PETRARCH-2's verbs, for lemmas our own dictionary leaves out (statements, CAMEO 01, are not events).
    for row in _read_tsv("petrarch_verbs.tsv") if petrarch else []:
        lemma, code = row["lemma"], row["cameo"]
        if " " in lemma or code.startswith("01") or (lemma, "VERB") in out or lemma in PETRARCH_STOPLIST:
            continue
        plover = plover_for(code)
        if plover is None:
            continue
        out[(lemma, "VERB")] = [Trigger(lemma, "VERB", frozenset(), plover[0], plover[1], code, 0.4,
                                        source="PETRARCH-2 CAMEO verbs")]
    for rows in out.values():
        rows.sort(key=lambda t: not t.cues)
    return out


def context_for(code: str) -> list[str]:
    plover = plover_for(code)
    return list(plover[2]) if plover else []
