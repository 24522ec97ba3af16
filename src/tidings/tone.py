"""The tone of a document, as GDELT scores it: (positive words - negative words) / words x 100.

Positive and negative words are those of the AFINN-165 English word list (Finn Årup Nielsen,
2009-2017), read from the `afinn` package's data file; only the sign of a word's valence counts,
as in GDELT's tone, which counts words rather than weighing them. The word list is made
available under the Open Database License (ODbL 1.0, its `data/LICENSE` in the package): tidings
reads it where pip installed it and neither copies nor ships it. Its few multi-word entries
("not good", "does not work", and the neutral "kind of") win over their single words.

    >>> round(document_tone("The attack killed ten people and wounded dozens."), 2)
    -25.0
    >>> document_tone("The summit was a great success.") > 0
    True

Scores run from -100 to +100; news is mostly between -10 and +10. A text without words has
tone 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from .errors import Errors, ModelError

LEXICON_FILE = "afinn/data/AFINN-en-165.txt"
LEXICON_NAME = "AFINN-165 (ODbL 1.0)"

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Tone:
    """Counts behind a tone score."""

    positive: int = 0
    negative: int = 0
    words: int = 0

    @property
    def score(self) -> float:
        """(positive - negative) / words x 100, rounded to 4 decimals; 0 for a text without words."""
        if not self.words:
            return 0.0
        return round((self.positive - self.negative) * 100 / self.words, 4)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, int], dict[str, dict[tuple[str, ...], int]]]:
    """(word -> valence, first word -> {phrase words -> valence}) from the AFINN-165 file (-5 .. +5)."""
    try:
        path = metadata.distribution("afinn").locate_file(LEXICON_FILE)
        with open(str(path), encoding="utf-8") as handle:
            text = handle.read()
    except (metadata.PackageNotFoundError, OSError) as e:
        raise ModelError(Errors.T806.format(path=LEXICON_FILE)) from e
    words: dict[str, int] = {}
    phrases: dict[str, dict[tuple[str, ...], int]] = {}
    for line in text.splitlines():
        entry, _, value = line.rpartition("\t")
        if not entry:
            continue
        parts = tuple(_normalise(w) for w in entry.split())
        if len(parts) == 1:
            words[parts[0]] = int(value)
        else:
            phrases.setdefault(parts[0], {})[parts[1:]] = int(value)
    return words, phrases


def _normalise(word: str) -> str:
    return word.lower().replace("’", "'")


def tone_counts(text: str, *, skip: Iterable[tuple[int, int]] = ()) -> Tone:
    """Positive, negative and all words of `text`, leaving out the character spans in `skip`
    (boilerplate)."""
    spans = sorted((int(s), int(e)) for s, e in skip)
    if spans:
        pieces, at = [], 0
        for start, end in spans:
            if start > at:
                pieces.append(text[at:start])
            at = max(at, end)
        pieces.append(text[at:])
        text = "\n".join(pieces)
    tokens = _WORD.findall(text.lower().replace("’", "'"))
    values = _values(tokens)
    positive, negative = sum(v > 0 for v in values), sum(v < 0 for v in values)
    return Tone(positive=positive, negative=negative, words=len(tokens))


def valence(text: str) -> int:
    """The sum of the AFINN valences (-5 .. +5 each) of the words of `text`: below 0 for words that
    condemn ("a cowardly act of terrorism"), above 0 for words that praise ("a brave leader")."""
    return sum(_values(_WORD.findall(text.lower().replace("’", "'"))))


def _values(tokens: list[str]) -> list[int]:
    """The valence of each token; a phrase's goes to its first word (its other words count 0)."""
    words, phrases = _lexicon()
    values = [words.get(token, 0) for token in tokens]
    if not phrases.keys().isdisjoint(tokens):
        covered = 0  # a phrase wins over its words, and over phrases starting inside it
        for i in [i for i, token in enumerate(tokens) if token in phrases]:
            if i < covered:
                continue
            best: tuple[tuple[str, ...], int] | None = None
            for rest, phrase_value in phrases[tokens[i]].items():
                if (best is None or len(rest) > len(best[0])) and tuple(tokens[i + 1:i + 1 + len(rest)]) == rest:
                    best = (rest, phrase_value)
            if best is not None:
                covered = i + 1 + len(best[0])
                values[i:covered] = [best[1]] + [0] * len(best[0])
    return values


def document_tone(text: str, *, skip: Iterable[tuple[int, int]] = ()) -> float:
    """GDELT-style tone of `text` (without the spans in `skip`): -100 .. +100."""
    return tone_counts(text, skip=skip).score


def article_tone(text: str, *, boilerplate: Iterable[Iterable[int]] = (), language: str | None = "en") -> float | None:
    """The tone of an article as tidings reports it (document JSON `article.tone`, the exports):
    its text without boilerplate; None for an article not in English (the word list is English)."""
    if language and not language.lower().startswith("en"):
        return None
    return document_tone(text, skip=[(int(s), int(e)) for s, e in boilerplate])
