"""Users' own trigger dictionaries (format of src/tidings/events/data/triggers.tsv), from the component
config or TIDINGS_EVENT_TRIGGERS: their rows win over ours, bad rows are named with the fix."""

from __future__ import annotations

import pytest

from tidings.errors import ModelError
from tidings.events.component import EventsComponent
from tidings.events.tables import read_trigger_file

ROWS = """# a researcher's additions
lemma\tpos\twith\ttype\tmode\tcameo\tconf
stonewall\tVERB\t-\tREJECT\t-\t120\t0.7
meet\tVERB\t-\tNONE\t-\t-\t1
"""


@pytest.fixture()
def user_file(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def _events(pipeline, component, text):
    from tidings.document import Article

    doc = pipeline.nlp(pipeline.make_doc(Article(text=text, published="2023-05-10")))
    return [(e.type, e.source.actor.country, e.target.actor.country if e.target else None, e.explanation)
            for e in component(doc)._.tidings_events]


@pytest.mark.model
def test_user_row_adds_a_trigger_and_says_so(pipeline, user_file):
    mine = EventsComponent(pipeline.nlp, "mine", triggers=[str(user_file)])
    events = _events(pipeline, mine, "France stonewalled Italy at the summit.")
    assert [e[:3] for e in events] == [("REJECT", "FRA", "ITA")]
    assert "user triggers mine.tsv" in events[0][3]
    plain = pipeline.nlp.get_pipe("tidings_events")
    assert not [e for e in _events(pipeline, plain, "France stonewalled Italy at the summit.") if e[0] == "REJECT"]


@pytest.mark.model
def test_user_none_row_switches_ours_off(pipeline, user_file):
    plain = pipeline.nlp.get_pipe("tidings_events")
    assert [e[0] for e in _events(pipeline, plain, "Biden met Xi in Bali.")] == ["CONSULT"]
    mine = EventsComponent(pipeline.nlp, "mine", triggers=[str(user_file)])
    assert _events(pipeline, mine, "Biden met Xi in Bali.") == []


@pytest.mark.model
def test_environment_variable(pipeline, user_file, monkeypatch):
    monkeypatch.setenv("TIDINGS_EVENT_TRIGGERS", str(user_file))
    from_env = EventsComponent(pipeline.nlp, "env")
    assert from_env.trigger_files == (str(user_file),)
    assert [e[0] for e in _events(pipeline, from_env, "France stonewalled Italy.")] == ["REJECT"]


@pytest.mark.parametrize("row,words", [
    ("snub\tVERB\t-\tSNUB\t-\t120\t0.7", "type 'SNUB'"),
    ("snub\tADV\t-\tREJECT\t-\t120\t0.7", "pos 'ADV'"),
    ("snub\tVERB\t-\tREJECT\t-\t999\t0.7", "cameo '999'"),
    ("snub\tVERB\t-\tREJECT\t-\t120\thigh", "conf 'high'"),
    ("snub\tVERB\tREJECT\t120\t0.7", "5 fields"),
])
def test_bad_row_named_with_its_line_and_the_fix(tmp_path, row, words):
    path = tmp_path / "bad.tsv"
    path.write_text("# comment\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        read_trigger_file(path)
    message = str(caught.value)
    assert message.startswith("T704") and f"{path}, line 2" in message and words in message
    assert "docs/events.md" in message


def test_missing_file(tmp_path):
    with pytest.raises(ModelError, match="T703"):
        read_trigger_file(tmp_path / "nowhere.tsv")


def test_shipped_table_has_no_unreachable_rows():
    """Two rows of one lemma, part of speech and cue set: only the first is ever used, so the second is a mistake."""
    from collections import Counter

    from tidings.events.tables import DATA

    rows = read_trigger_file(DATA / "triggers.tsv")
    twice = [key for key, n in Counter((t.lemma, t.pos, t.cues) for t in rows).items() if n > 1]
    assert not twice, twice
    # a NONE row without cues would switch a word off everywhere: the shipped table only switches off uses
    assert not [t.lemma for t in rows if t.type == "NONE" and not t.cues]


def test_none_rows_come_before_the_rows_they_switch_off():
    """A NONE row must be listed before another cue row of its word that shares a cue, or it never wins."""
    from tidings.events.tables import DATA

    rows = read_trigger_file(DATA / "triggers.tsv")
    for i, row in enumerate(rows):
        if row.type != "NONE":
            continue
        earlier = [r for r in rows[:i] if (r.lemma, r.pos) == (row.lemma, row.pos) and r.type != "NONE"
                   and r.cues & row.cues]
        assert not earlier, (row.lemma, row.pos, [sorted(r.cues & row.cues) for r in earlier])
