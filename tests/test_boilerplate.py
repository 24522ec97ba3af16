"""Boilerplate is marked, never cut: golden spans on the seed article and Wikinews text."""

from __future__ import annotations

import pytest

from tidings.clean import find_boilerplate, in_spans

SEED_BOILERPLATE = [
    "Also Read |\xa0Russia-Ukraine War: What to know as Ukraine resists advance",
    "Also Read |\xa0Cultural backlash intensifies against Russia over Ukraine invasion",
    "Also Read |\xa0Russian forces have captured Ukraine’s Kherson: Kremlin",
]


def test_seed_has_exactly_the_three_also_read_lines(seed_text):
    spans = find_boilerplate(seed_text)
    assert [seed_text[s:e] for s, e in spans] == SEED_BOILERPLATE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Para one.\n\nREAD MORE: Ten things to know\nPara two.", ["READ MORE: Ten things to know"]),
        ("Para.\n  Also read: other story  \n", ["Also read: other story"]),
        ("Click here to subscribe to our newsletter.\nThe minister said.", ["Click here to subscribe to our newsletter."]),
        # an embedded video's title, and a link to another story ending "Read more"
        ("The talks ended.\nPlay Video 1:02 Ministers leave the summit early – video\nThe minister said.",
         ["Play Video 1:02 Ministers leave the summit early – video"]),
        ("Para.\nSummit ends without a joint statement – live Read more\nPara two.",
         ["Summit ends without a joint statement – live Read more"]),
        # Real sentences that merely contain the words stay in the story.
        ("He said he would read more reports.\nMore than 100 people died.", []),
        ("She said she wanted to read more.\nHe agreed to play video games.", []),
        ("Officials also read the statement aloud.", []),
    ],
)
def test_boilerplate_lines(text, expected):
    assert [text[s:e] for s, e in find_boilerplate(text)] == expected


def test_in_spans():
    spans = [(10, 20), (30, 40)]
    assert in_spans(15, 16, spans)
    assert in_spans(5, 11, spans)
    assert in_spans(39, 45, spans)
    assert not in_spans(20, 30, spans)
    assert not in_spans(0, 10, spans)
