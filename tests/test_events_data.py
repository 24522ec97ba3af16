"""Events: the code tables, the trigger dictionary, dates and places (no spaCy model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.events.tables import PLOVER_TYPES, cameo_info, plover_for, triggers
from tidings.events.when import resolve
from tidings.events.where import _lookup


@pytest.mark.parametrize("code, goldstein, quad", [("041", 1.0, 1), ("111", -2.0, 3), ("190", -10.0, 4),
                                                   ("0841", 7.0, 2), ("163", -8.0, 4)])
def test_cameo_goldstein_and_quad_class(code, goldstein, quad):
    info = cameo_info(code)
    assert info is not None and info.goldstein == goldstein and info.quad_class == quad


@pytest.mark.parametrize("code, ptype, mode", [("041", "CONSULT", "phone"), ("1056", "REQUEST", "yield"),
                                               ("028", "REQUEST", "meet"), ("0841", "RETREAT", "release"),
                                               ("173", "COERCE", "arrest")])
def test_cameo_to_plover(code, ptype, mode):
    assert plover_for(code)[:2] == (ptype, mode)


def test_every_trigger_is_coded():
    rows = [row for group in triggers().values() for row in group if row.type != "NONE"]
    assert len(rows) > 250
    assert {row.type for row in rows} == set(PLOVER_TYPES)
    for row in rows:
        assert cameo_info(row.cameo) is not None, row
        assert row.pos in ("VERB", "NOUN", "ADJ") and 0 < row.confidence <= 1


def test_specific_rows_come_first():
    lift = triggers()[("lift", "VERB")]
    assert lift[0].cues and lift[0].type == "RETREAT" and not lift[-1].cues


def test_petrarch_verbs_are_optional():
    assert ("bombard", "VERB") in triggers()  # ours
    extra = set(triggers(True)) - set(triggers())
    assert extra and all(row.source.startswith("PETRARCH") for key in extra for row in triggers(True)[key])


BASE = date(2022, 3, 2)  # a Wednesday


@pytest.mark.parametrize("text, expected", [
    ("Wednesday", date(2022, 3, 2)), ("Monday", date(2022, 2, 28)), ("last Wednesday", date(2022, 2, 23)),
    ("yesterday", date(2022, 3, 1)), ("today", date(2022, 3, 2)), ("March 2", date(2022, 3, 2)),
    ("on 1 February", date(2022, 2, 1)), ("December 24", date(2021, 12, 24)), ("last month", date(2022, 2, 1)),
    ("March 5, 2020", date(2020, 3, 5)), ("2021-11-30", date(2021, 11, 30)), ("last year", date(2021, 1, 1)),
    ("the past few years", None),
])
def test_dates_resolved_against_publication(text, expected):
    assert resolve(text, BASE) == expected


def test_places():
    kyiv = _lookup("Kyiv")
    assert kyiv.country == "UKR" and 50 < kyiv.lat < 51
    assert _lookup("Kiev") == kyiv
    assert _lookup("the United States").country == "USA"
    assert _lookup("Narnia") is None
