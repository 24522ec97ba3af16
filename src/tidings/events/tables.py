"""The events stage's data tables: CAMEO codes, CAMEO -> PLOVER, and the trigger dictionary.

`cameo_codes.tsv`, `cameo_plover.tsv` and `petrarch_verbs.tsv` are derived from the shared data by
`tools/build_event_data.py`; `triggers.tsv` is our own hand-written dictionary (see data/PROVENANCE.md).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=2)
def triggers(petrarch: bool = False) -> dict[tuple[str, str], list[Trigger]]:
    """Trigger rows by (lemma, pos): rows with cues first, so that the most specific wins.

    With `petrarch`, PETRARCH-2's CAMEO verbs fill in lemmas our dictionary leaves out. That is off by
    default: on the PLOVER GSR those verbs were right for 10 of 49 (type, source) pairs they added.
    """
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in _read_tsv("triggers.tsv"):
        cues = frozenset() if row["with"] in ("", "-") else frozenset(row["with"].split("|"))
        trig = Trigger(row["lemma"], row["pos"], cues, row["type"], row["mode"] if row["mode"] != "-" else None,
                       row["cameo"], float(row["conf"]))
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
