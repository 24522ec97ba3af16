"""A faster matcher for spaCy's `attribute_ruler`, giving the same matches.

In `en_core_web_sm` the attribute ruler (tags to parts of speech, and a few exceptions such as
'not' as a particle) costs about as much as the dependency parser: about a tenth of the time of
a whole `tidings process` run. Its 179 patterns are single tokens or pairs of tokens tested on
their lower case, tag, dependency label or whitespace; spaCy's general `Matcher` evaluates the
`IN`/`NOT_IN` tests token by token in Python. `VectorMatcher` evaluates each pattern over the
whole `Doc` at once from `Doc.to_array` and returns the same `(match_id, start, end)` matches,
so that the ruler's own `match` (which sorts them) and `set_annotations` run unchanged.

It replaces the ruler's matcher only where every pattern is of a kind it reads exactly (no
operators, the attributes in `ATTRS`, exact values or `IN`, `NOT_IN`, `REGEX`); otherwise the
ruler keeps spaCy's `Matcher`. Patterns added later make it rebuild itself from the original.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

# Attributes read as `Doc.to_array` gives them (hashes of strings, or 0/1 for IS_SPACE), exactly
# as spaCy's Matcher reads them (both call `Token.get_struct_attr`).
ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "IS_SPACE")


class Unsupported(ValueError):
    """A pattern this matcher does not read exactly (the ruler then keeps spaCy's Matcher)."""


def _test(attr: str, value: Any, strings) -> tuple[str, Any]:
    """One token test: (kind, operand) with kind in eq / in / not_in / regex."""
    if attr not in ATTRS:
        raise Unsupported(attr)
    if isinstance(value, dict):
        if len(value) != 1:
            raise Unsupported(str(value))
        (op, operand), = value.items()
        if op == "REGEX" and isinstance(operand, str):
            return "regex", re.compile(operand)
        if op in ("IN", "NOT_IN") and isinstance(operand, list | tuple) and all(isinstance(v, str) for v in operand):
            ids = np.array(sorted({strings.add(v) if v else 0 for v in operand}), dtype=np.uint64)
            return op.lower(), ids
        raise Unsupported(op)
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(str(value))
        return "eq", int(value)
    if isinstance(value, str):
        return "eq", strings.add(value) if value else 0
    raise Unsupported(str(value))


class VectorMatcher:
    """Matches of the token patterns of `matcher` (a spaCy `Matcher`), found array-wise."""

    def __init__(self, matcher, vocab) -> None:
        self.original = matcher
        self.vocab = vocab
        self._compile()

    def _compile(self) -> None:
        strings = self.vocab.strings
        self._size = len(self.original)
        self.patterns: list[tuple[int, list[list[tuple[str, str, Any]]]]] = []
        for key in self.original._patterns:  # the keys (the ruler sorts the matches itself)
            on_match, alternatives = self.original.get(key)
            if on_match is not None:
                raise Unsupported("on_match")
            for tokens in alternatives:
                specs = []
                for token in tokens:
                    if not token or "OP" in token:
                        raise Unsupported("operator or empty token")
                    specs.append([(attr, *_test(attr, value, strings)) for attr, value in token.items()])
                self.patterns.append((key, specs))
        self.columns = sorted({attr for _, specs in self.patterns for spec in specs for attr, _, _ in spec})

    def __len__(self) -> int:
        return len(self.original)

    def __getattr__(self, name: str):
        return getattr(self.original, name)

    def __call__(self, doc, *, allow_missing: bool = False, as_spans: bool = False, **kwargs) -> list:
        if as_spans or kwargs:
            return self.original(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        if len(self.original) != self._size:
            self._compile()
        n = len(doc)
        if n == 0 or not self.patterns:
            return []
        array = doc.to_array(self.columns)
        if array.ndim == 1:
            array = array.reshape(n, 1)
        columns = {attr: array[:, i].astype(np.uint64, copy=False) for i, attr in enumerate(self.columns)}
        cache: dict[tuple, np.ndarray] = {}
        matches: list[tuple[int, int, int]] = []
        for key, specs in self.patterns:
            length = len(specs)
            if length > n:
                continue
            found = np.ones(n - length + 1, dtype=bool)
            for offset, spec in enumerate(specs):
                for attr, kind, operand in spec:
                    mask = self._mask(columns[attr], attr, kind, operand, cache)
                    found &= mask[offset:offset + n - length + 1]
            matches.extend((key, int(start), int(start) + length) for start in np.flatnonzero(found))
        return matches

    def _mask(self, column: np.ndarray, attr: str, kind: str, operand: Any, cache: dict) -> np.ndarray:
        cache_key = (attr, kind, operand.tobytes() if isinstance(operand, np.ndarray) else operand)
        mask = cache.get(cache_key)
        if mask is None:
            if kind == "eq":
                mask = column == np.uint64(operand)
            elif kind == "in":
                mask = np.isin(column, operand)
            elif kind == "not_in":
                mask = ~np.isin(column, operand)
            else:
                strings = self.vocab.strings
                hits = [h for h in np.unique(column) if operand.search(strings[int(h)])]
                mask = np.isin(column, np.array(hits, dtype=np.uint64))
            cache[cache_key] = mask
        return mask


def speed_up_attribute_ruler(nlp) -> bool:
    """Give `nlp`'s attribute ruler the `VectorMatcher` where its patterns allow; True if done."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    matcher = getattr(ruler, "matcher", None)
    if matcher is None or isinstance(matcher, VectorMatcher):
        return isinstance(matcher, VectorMatcher)
    try:
        ruler.matcher = VectorMatcher(matcher, nlp.vocab)
    except Unsupported:
        return False
    return True
