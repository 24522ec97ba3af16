"""CAMEO code tables the exports need: event code names, Goldstein scores, quad classes, actor codes.

The event table (`data/cameo_codes.tsv`) is derived from the GDELT CAMEO lookup files
(see its header). Actor codes are split the CAMEO way, in three-letter parts:
"UKRGOV" is country UKR plus type GOV; "IGOWSTNAT" is type IGO, region WST and known
group NAT (NATO).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# A PLOVER type's most generic CAMEO code, for events that carry a type but no CAMEO code
# (roots from the CAMEO-to-PLOVER table of PLOVER 2021).
PLOVER_DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "087", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
    "ASSAULT": "180",
}

# CAMEO actor "type" (role/sector) codes, as GDELT's Actor1Type1Code carries them.
TYPE_CODES = frozenset(
    ["COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "MNC", "NGM", "NGO", "IGO", "REF", "MOD", "RAD", "REL", "PPL", "SET", "AMN",
     "IMG", "INT", "UIS"]
)
# CAMEO religion codes (first level and a few second-level ones).
RELIGION_CODES = frozenset(
    ["ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "HIN", "ITR", "JAN", "JEW", "MOS", "MUS", "NRM", "PRO", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO"]
)
# Words by which a text gives an actor's religion, to GDELT's CAMEO religion codes (Religion1Code,
# Religion2Code): "Catholic" is Christianity then Catholicism, as GDELT codes it.
RELIGION_WORDS = {
    "christian": ("CHR",), "christians": ("CHR",), "catholic": ("CHR", "CTH"), "catholics": ("CHR", "CTH"),
    "protestant": ("CHR", "PRO"), "protestants": ("CHR", "PRO"), "evangelical": ("CHR", "PRO"),
    "evangelicals": ("CHR", "PRO"), "orthodox": ("CHR", "DOX"), "coptic": ("CHR", "CPT"), "copts": ("CHR", "CPT"),
    "muslim": ("MOS",), "muslims": ("MOS",), "moslem": ("MOS",), "moslems": ("MOS",),
    "shia": ("MOS", "SHI"), "shiite": ("MOS", "SHI"), "shiites": ("MOS", "SHI"), "shi'ite": ("MOS", "SHI"),
    "sunni": ("MOS", "SUN"), "sunnis": ("MOS", "SUN"), "jewish": ("JEW",), "jews": ("JEW",),
    "hindu": ("HIN",), "hindus": ("HIN",), "buddhist": ("BUD",), "buddhists": ("BUD",),
    "sikh": ("SIK",), "sikhs": ("SIK",), "bahai": ("BAH",), "baha'i": ("BAH",),
}
# CAMEO region codes that may stand where a country code stands.
REGION_CODES = frozenset(
    ["AFR", "ASA", "BLK", "CAS", "CAU", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WST"]
)
# Names some dictionaries use for known groups, to the CAMEO three-letter known-group code.
KNOWN_GROUP_ALIASES = {
    "NATO": "NAT", "UN": "UNO", "UNO": "UNO", "EU": "EEC", "AU": "AFU", "ASEAN": "ASN", "OPEC": "OPC",
    "IMF": "IMF", "WTO": "WTO", "WHO": "WHO", "ICRC": "IRC", "IAEA": "IAE", "OSCE": "OSC", "ICC": "ICC",
}


@dataclass(frozen=True, slots=True)
class CameoEvent:
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None


@lru_cache(maxsize=1)
def event_codes() -> dict[str, CameoEvent]:
    """CAMEO event codes by code ("0233")."""
    text = resources.files("tidings.export").joinpath("data/cameo_codes.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    out = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        out[row["code"]] = CameoEvent(
            code=row["code"], name=row["name"],
            goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            quad_class=int(row["quad_class"]) if row["quad_class"] else None,
        )
    return out


def normalise_event_code(code: str | None, *, plover_type: str | None = None) -> str | None:
    """A CAMEO event code as digits ("0233"), or the PLOVER type's generic code, or None."""
    if code:
        digits = "".join(ch for ch in str(code) if ch.isdigit())
        if len(digits) >= 2:
            return digits[:4]
        if len(digits) == 1:  # "4" from an integer column: CAMEO roots have two digits
            return "0" + digits
    if plover_type:
        return PLOVER_DEFAULT_CAMEO.get(plover_type.upper())
    return None


def base_code(code: str) -> str:
    """CAMEO level-two code: "0251" -> "025"; codes at level one or two stay as they are."""
    return code[:3] if len(code) > 3 else code


def root_code(code: str) -> str:
    """CAMEO root code: the first two digits ("0251" -> "02")."""
    return code[:2]


def quad_class(code: str) -> int:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    root = int(root_code(code))
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def goldstein(code: str) -> float | None:
    """The Goldstein score of a CAMEO code (falling back to its base and root code)."""
    table = event_codes()
    for candidate in (code, base_code(code), root_code(code)):
        if candidate in table and table[candidate].goldstein is not None:
            return table[candidate].goldstein
    return None


def event_name(code: str | None) -> str | None:
    if not code:
        return None
    found = event_codes().get(code)
    return found.name if found else None


@dataclass(slots=True)
class ActorCode:
    """A CAMEO actor code split into the parts GDELT keeps in separate columns."""

    raw: str = ""
    country: str = ""
    known_group: str = ""
    ethnic: str = ""
    religions: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)


def split_actor_code(code: str | None, *, country: str | None = None, sector: str | None = None,
                     kind: str | None = None) -> ActorCode:
    """Split a CAMEO-style actor code into country, known group, religion and type parts.

    `country` and `sector` (the actor's own fields) win over what the code suggests.
    """
    raw = (code or "").upper().strip()
    out = ActorCode(raw=raw)
    rest = raw
    if country:
        out.country = country.upper()
        rest = rest.removeprefix(out.country)
    if rest in KNOWN_GROUP_ALIASES:
        out.known_group = KNOWN_GROUP_ALIASES[rest]
        rest = ""
    if len(rest) % 3 == 0:
        parts = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    else:  # "IGOG7": the CAMEO parts in front; the rest is no three-letter CAMEO code
        parts = []
        while len(rest) >= 3 and rest[:3] in TYPE_CODES | RELIGION_CODES | REGION_CODES:
            parts.append(rest[:3])
            rest = rest[3:]
    for n, part in enumerate(parts):
        if not part:
            continue
        if part in TYPE_CODES:
            out.types.append(part)
        elif part in RELIGION_CODES:
            out.religions.append(part)
        elif part in REGION_CODES and not out.country or n == 0 and not out.country and len(part) == 3 and kind not in ("organization", "group"):
            out.country = part
        elif not out.known_group and (kind in ("organization", "group") or part in KNOWN_GROUP_ALIASES.values()):
            out.known_group = part
        elif not out.country and len(part) == 3:
            out.country = part
    if sector and sector.upper() not in out.types and sector.upper() in TYPE_CODES:
        out.types.insert(0, sector.upper())
    return out


def religions_in(text: str | None) -> list[str]:
    """CAMEO religion codes the words of an actor's mention give ("Shia militias" -> MOS, SHI);
    the first word that names a religion decides, "Orthodox" only when no other word does
    ("Orthodox Jews" -> JEW)."""
    found = [RELIGION_WORDS[w] for w in (word.strip(".,;:()\"'") for word in
                                          (text or "").replace("’", "'").lower().split())
             if w in RELIGION_WORDS]
    named = [codes for codes in found if codes != RELIGION_WORDS["orthodox"]] or found
    return list(named[0]) if named else []
