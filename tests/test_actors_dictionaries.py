"""User dictionaries and the PETRARCH/TABARI importer (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.actors.dictionaries import format_of, read_dictionary
from tidings.actors.gazetteer import load_builtin
from tidings.actors.petrarch import parse_date, parse_role, read_actors
from tidings.errors import UsageError


def _petrarch(shared: Path) -> Path:
    return shared / "events" / "petrarch"


def test_petrarch_dates_and_roles():
    assert parse_date("991231") == "1999-12-31"
    assert parse_date("080507") == "2008-05-07"
    assert parse_date("19950601") == "1995-06-01"
    role = parse_role("RUSGOV 991231-080507")
    assert (role.code, role.start, role.end) == ("RUSGOV", "1999-12-31", "2008-05-07")
    assert parse_role("HOBREB > 990816").start == "1999-08-16"
    assert parse_role("HOB < 950601").end == "1995-06-01"
    assert parse_role("---") is None


@pytest.mark.shared
def test_import_validate_actors(shared_data):
    entries = read_actors(_petrarch(shared_data) / "PETR.Validate.actors.txt")
    names = {e.name for e in entries}
    assert {"HAMAS", "GONDOR", "GOLLUM", "ISRAELI TROOPS"} <= names
    user = read_dictionary(_petrarch(shared_data) / "PETR.Validate.actors.txt")
    by_pattern = {e.pattern: e.actor for e in user.entries}
    assert by_pattern["Hamas"].kind == "group" and by_pattern["Hamas"].sector == "REB"
    assert by_pattern["Minas tirith"].name == "Gondor"  # a synonym names its entry
    assert by_pattern["Israeli troops"].sector == "MIL"
    gollum = user.people["gollum"]
    assert {"Smeagol", "Slinker", "Stinker"} <= set(gollum.aliases)
    assert gollum.actor_on("1994-01-01").sector is None
    assert gollum.actor_on("1997-01-01").code == "HOBGOV"
    assert gollum.actor_on("2005-01-01").code == "HOBREB"


@pytest.mark.shared
def test_import_validate_agents(shared_data):
    user = read_dictionary(_petrarch(shared_data) / "PETR.Validate.agents.txt")
    assert user.agents["foreign minister"] == "GOV"
    assert user.agents["parliamentary opposition"] == "OPP"
    assert user.agents["minister of silly walks"] == "GOV"  # !MINST! substitution set expanded


def test_csv_dictionary(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "# my actors\n"
        "pattern,name,kind,country,sector,code,start,end,role\n"
        "Azov Regiment,Azov Regiment,group,UKR,MIL,UKRMIL,,,\n"
        "Sybiha,Andrii Sybiha,person,UKR,GOV,,2024-09-05,,foreign minister\n"
        "border guard,,agent,,COP,,,,\n", encoding="utf-8")
    user = read_dictionary(path)
    assert user.entries[0].actor.code == "UKRMIL"
    person = user.people["andrii sybiha"]
    assert person.actor_on("2025-01-01").code == "UKRGOV"
    assert person.actor_on("2020-01-01").sector is None
    assert user.agents["border guard"] == "COP"


def test_yaml_dictionary(tmp_path):
    pytest.importorskip("yaml")
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - name: Azov Regiment\n    aliases: [Azov]\n    kind: group\n    country: UKR\n    sector: MIL\n"
        "people:\n  - name: Andrii Sybiha\n    aliases: [Sybiha]\n    roles:\n"
        "      - {country: UKR, sector: GOV, title: foreign minister, start: 2024-09-05}\n"
        "agents:\n  border guard: COP\n", encoding="utf-8")
    user = read_dictionary(path)
    assert {e.pattern for e in user.entries} >= {"Azov Regiment", "Azov", "Andrii Sybiha", "Sybiha"}
    assert user.people["andrii sybiha"].actor_on("2025-01-01").role == "foreign minister"


def test_bad_dictionaries(tmp_path):
    with pytest.raises(UsageError, match="T502"):
        read_dictionary(tmp_path / "missing.csv")
    odd = tmp_path / "x.json"
    odd.write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match="T501"):
        format_of(odd)
    bad = tmp_path / "bad.csv"
    bad.write_text("pattern,kind\nFoo,planet\n", encoding="utf-8")
    with pytest.raises(UsageError, match="T503"):
        read_dictionary(bad)


def test_builtin_dictionaries_hold_the_facts():
    d = load_builtin()
    putin = d.person_on("Vladimir Putin", "2022-03-02").actor_on("2022-03-02")
    assert putin.code == "RUSGOV"
    kuleba = d.person_on("Kuleba", "2022-03-02")
    assert kuleba.name == "Dmytro Kuleba"
    assert kuleba.actor_on("2025-01-01").sector is None  # no longer foreign minister
    patterns = {e.pattern: e.actor for e in d.entries}
    assert patterns["Chinese"].country == "CHN"
    assert patterns["the Kremlin"].code == "RUSGOV"
    assert patterns["the West"].code == "WST"
    assert patterns["NATO"].sector == "IGO"
    assert patterns["Beijing"].code == "CHNGOV"
    assert patterns["Hamas"].kind == "group"
    assert d.agents["foreign minister"] == "GOV"
    assert d.agents["police"] == "COP"


@pytest.mark.model
@pytest.mark.shared
def test_component_loads_user_dictionaries(shared_data, tmp_path, monkeypatch):
    from tidings.document import Article
    from tidings.pipeline import Pipeline

    csv_path = tmp_path / "mine.csv"
    csv_path.write_text("pattern,name,kind,country,sector\nMordor,Mordor,country,MOR,\n", encoding="utf-8")
    monkeypatch.setenv("TIDINGS_ACTOR_DICTIONARIES", str(csv_path))
    pipeline = Pipeline(stages=("tidings_actors",))
    pipeline.nlp.remove_pipe("tidings_actors")
    pipeline.nlp.add_pipe("tidings_actors", config={
        "dictionaries": [str(_petrarch(shared_data) / "PETR.Validate.actors.txt")]})
    text = "Gollum met envoys from Gondor. Mordor rejected the offer."
    doc = pipeline(Article(text=text, published="1997-05-01"))
    got = {m.text: m.actor for m in doc.mentions}
    assert got["Gollum"].code == "HOBGOV"
    assert got["envoys from Gondor"].country == "GON"  # the envoys, of the state the importer added
    assert got["Mordor"].name == "Mordor" and got["Mordor"].kind == "country"
    later = pipeline(Article(text=text, published="2003-05-01"))
    assert {m.text: m.actor for m in later.mentions}["Gollum"].code == "HOBREB"
