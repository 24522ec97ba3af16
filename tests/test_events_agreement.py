"""Agreement between two hand annotations of the events gold (src/tidings/events/agreement.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.errors import InputError
from tidings.events.agreement import agreement, cohen_kappa, main

GOLDEN = Path(__file__).resolve().parent / "golden"
FIRST = GOLDEN / "wikinews_events.jsonl"
SECOND = GOLDEN / "wikinews_events_second.jsonl"

TEXT = ("Monday, May 4, 2020\n\nRussia accused Ukraine of shelling, and China praised Russia. Officials met in "
        "Geneva. Russian troops shelled Kharkiv. China thanked Russia.")
SENTENCES = ["Russia accused Ukraine of shelling, and China praised Russia.", "Officials met in Geneva.",
             "Russian troops shelled Kharkiv.", "China thanked Russia."]


def _actor(text: str | None, key: str | None) -> dict | None:
    return None if key is None and text is None else {"text": text, "key": key, "sector": None}


def _event(trigger: str, etype: str, source: str | None, target: str | None) -> dict:
    return {"trigger": trigger, "type": etype, "mode": None, "source": _actor(source, source and source[:3].upper()),
            "target": _actor(target, target and target[:3].upper()), "negated": False, "modality": "asserted"}


def _record(events: list[list[dict]], url: str = "https://en.wikinews.org/wiki/X") -> dict:
    return {"url": url, "date": "2020-05-04", "title": "X", "text": TEXT,
            "sentences": [{"text": s, "events": e} for s, e in zip(SENTENCES, events, strict=True)]}


# keys: Russia -> RUS, Ukraine -> UKR, China -> CHI (a made-up key is fine: keys are compared, not checked)
FIRST_EVENTS = [
    [_event("accused", "ACCUSE", "Russia", "Ukraine"), _event("praised", "SUPPORT", "China", "Russia")],
    [],
    [_event("shelled", "ASSAULT", "Russian troops", "Kharkiv")],
    [_event("thanked", "SUPPORT", "China", "Russia")],
]
SECOND_EVENTS = [
    [_event("accused", "ACCUSE", "Russia", "Ukraine"), _event("praised Russia", "SUPPORT", "China", None)],
    [_event("met", "CONSULT", None, None)],
    [_event("troops shelled", "COERCE", "Russian troops", "Kharkiv")],
    [],
]


def _write(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return (_write(tmp_path / "first.jsonl", [_record(FIRST_EVENTS)]),
            _write(tmp_path / "second.jsonl", [_record(SECOND_EVENTS)]))


@pytest.mark.parametrize("path", [FIRST, SECOND], ids=["first", "second"])
def test_a_file_agrees_with_itself(path: Path) -> None:
    result = agreement(path, path)
    for name in ("type", "type_source", "type_source_target"):
        assert result[name] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
        assert result["counted"][name]["f1"] == 1.0
    assert result["has_event_kappa"] == 1.0
    assert result["trigger_matched"]["type_agreement"] == 1.0
    assert result["trigger_matched"]["unmatched_first"] == result["trigger_matched"]["unmatched_second"] == 0
    assert result["type_confusion"] == []
    assert result["events_first"] == result["events_second"] > 0


def test_the_second_annotation_covers_ten_articles_of_the_first() -> None:
    result = agreement(FIRST, SECOND)
    assert result["articles"] == 10
    assert result["halves"]["dev"]["articles"] == result["halves"]["test"]["articles"] == 5
    assert 0.0 < result["type"]["f1"] <= 1.0


def test_a_crafted_pair_gives_the_scores_computed_by_hand(pair: tuple[Path, Path]) -> None:
    result = agreement(*pair)
    # types per sentence: {ACCUSE, SUPPORT} both; {} vs {CONSULT}; {ASSAULT} vs {COERCE}; {SUPPORT} vs {}
    # -> 2 shared of 4 and 4: P = R = F1 = 0.5; the same with source keys; with targets only ACCUSE is shared
    assert result["type"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert result["type_source"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert result["type_source_target"] == {"precision": 0.25, "recall": 0.25, "f1": 0.25}
    # has an event: first T F T T, second T T T F: observed 0.5, expected .75*.75 + .25*.25 = .625
    assert result["has_event_agreement"] == 0.5
    assert result["has_event_kappa"] == pytest.approx((0.5 - 0.625) / 0.375, abs=1e-4)
    matched = result["trigger_matched"]
    assert matched["pairs"] == 3
    assert matched["type_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    assert matched["source_agreement"] == 1.0
    assert matched["target_agreement"] == 0.5
    assert matched["unmatched_first"] == matched["unmatched_second"] == 1
    assert result["type_confusion"] == [{"first": "ASSAULT", "second": "COERCE", "count": 1}]
    assert result["unmatched_by_type"] == {"CONSULT": {"first": 0, "second": 1}, "SUPPORT": {"first": 1, "second": 0}}
    assert result["halves"]["dev"]["type"]["f1"] == 0.5
    assert result["halves"]["test"]["articles"] == 0


def test_f1_does_not_depend_on_which_file_is_first(pair: tuple[Path, Path]) -> None:
    forward, backward = agreement(*pair), agreement(*reversed(pair))
    for name in ("type", "type_source", "type_source_target"):
        assert forward[name]["f1"] == backward[name]["f1"]
        assert forward[name]["precision"] == backward[name]["recall"]
    assert forward["has_event_kappa"] == backward["has_event_kappa"]
    assert backward["type_confusion"] == [{"first": "COERCE", "second": "ASSAULT", "count": 1}]


def test_same_type_pairs_are_matched_before_others(tmp_path: Path) -> None:
    """Two events on one trigger in each file: the pairing must not make a spurious confusion."""
    first = [[_event("accused", "ACCUSE", "Russia", "Ukraine"), _event("accused", "SUPPORT", "China", None)],
             [], [], []]
    second = [[_event("accused", "SUPPORT", "China", None), _event("accused", "ACCUSE", "Russia", "Ukraine")],
              [], [], []]
    result = agreement(_write(tmp_path / "a.jsonl", [_record(first)]), _write(tmp_path / "b.jsonl", [_record(second)]))
    assert result["trigger_matched"]["type_agreement"] == 1.0
    assert result["type_confusion"] == []


@pytest.mark.parametrize(("a", "b", "expected"), [
    ([True, False, True, False], [True, False, True, False], 1.0),
    ([True, True, False, False], [False, False, True, True], -1.0),
    ([True, True, True], [True, True, True], 1.0),
    ([], [], None),
])
def test_cohen_kappa(a: list[bool], b: list[bool], expected: float | None) -> None:
    assert cohen_kappa(a, b) == expected


def _bad_second(tmp_path: Path, record) -> Path:
    return _write(tmp_path / "bad.jsonl", [record])


BAD = [
    ("broken_json", "{not json", "T720", "broken JSON"),
    ("no_sentences", {**_record(SECOND_EVENTS), "sentences": []}, "T720", '"sentences"'),
    ("old_type", _record([[_event("accused", "DISAPPROVE", "Russia", None)], [], [], []]), "T721",
     "not a PLOVER type"),
    ("trigger_elsewhere", _record([[_event("praised Ukraine", "SUPPORT", "China", None)], [], [], []]), "T721",
     "not in the sentence"),
    ("unknown_article", _record(SECOND_EVENTS, url="https://en.wikinews.org/wiki/Y"), "T722", "is not in"),
    ("other_sentences", {**_record(SECOND_EVENTS), "sentences": [
        {"text": SENTENCES[0] + " " + SENTENCES[1], "events": []},
        *({"text": s, "events": []} for s in SENTENCES[2:])]}, "T722", "sentence 1"),
]


@pytest.mark.parametrize(("record", "code", "detail"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_malformed_second_files_raise_catalogue_errors(pair: tuple[Path, Path], tmp_path: Path, record, code: str,
                                                       detail: str) -> None:
    with pytest.raises(InputError) as caught:
        agreement(pair[0], _bad_second(tmp_path, record))
    assert str(caught.value).startswith(code)
    assert detail in str(caught.value)


def test_an_article_coded_twice_is_an_error(pair: tuple[Path, Path], tmp_path: Path) -> None:
    twice = _write(tmp_path / "twice.jsonl", [_record(SECOND_EVENTS), _record(SECOND_EVENTS)])
    with pytest.raises(InputError, match="^T722.*coded twice"):
        agreement(pair[0], twice)


def test_the_command_prints_json_and_reports_errors(pair: tuple[Path, Path], tmp_path: Path, capsys) -> None:
    assert main([str(p) for p in pair]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["type"]["f1"] == 0.5
    assert main([str(pair[0]), str(tmp_path / "missing.jsonl")]) == 1
    assert capsys.readouterr().err.startswith("T101")
    assert main([str(pair[0])]) == 2
