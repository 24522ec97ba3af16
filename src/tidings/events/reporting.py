"""Who reported an event: the quotes stage's attribution, else reporting verbs above the trigger."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..document import Mention
from .arguments import clause_arguments, mention_of, prep_objects

REPORTING = frozenset({"say", "tell", "report", "add", "state", "announce", "claim", "note", "insist", "reveal",
                       "confirm", "write", "quote", "declare", "explain", "argue", "assert", "allege", "told",
                       "indicate", "stress", "acknowledge", "suggest", "maintain", "emphasize", "emphasise",
                       "contend", "predict", "recall", "admit", "disclose", "warn", "believe"})


def quote_around(doc: Doc, start: int, end: int):
    """The quote of the quotes stage whose span holds `start..end`, or None."""
    for quote in doc._.tidings_quotes or []:
        if quote.start <= start and end <= quote.end:
            return quote
    return None


def _same(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def reported_by(doc: Doc, trigger: Token) -> tuple[list[Mention], str]:
    """(via, how): who reported the event, outermost first."""
    via: list[Mention] = []
    how = ""
    quote = quote_around(doc, trigger.idx, trigger.idx + len(trigger.text))
    if quote is not None:
        via = [*quote.via, *([quote.speaker] if quote.speaker is not None else [])]
        how = "quote"
    found: list[Mention] = []
    token = trigger
    steps = 0
    while token.head != token and steps < 8:
        child, token = token, token.head
        steps += 1
        if _writers_clause(child):
            break  # "China said it will continue ..., even as Kuleba asked ...": China did not report the asking
        if token.lemma_.lower() in REPORTING and child.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj",
                                                                  "dobj", "acl"):
            found.extend(_reporters(doc, token))
    root = trigger.sent.root
    # "..., CNN reported." and "according to X" hang from the sentence's root.
    for child in root.children:
        if child.dep_ in ("parataxis", "ccomp", "advcl") and child.lemma_.lower() in REPORTING and \
                not (child.left_edge.i <= trigger.i <= child.right_edge.i):
            found.extend(_reporters(doc, child))
    for token in trigger.sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            for pobj in prep_objects(doc[token.i + 1].head if doc[token.i + 1].head != doc[token.i + 1] else token,
                                     frozenset({"to"})) or [t for t in doc[token.i + 1].children if t.dep_ == "pobj"]:
                mention = mention_of(doc, pobj)
                if mention is not None:
                    found.append(mention)
    for mention in reversed(found):
        if not any(_same(mention, m) for m in via):
            via.append(mention)
            how = how or "parse"
    return via, how


def _reporters(doc: Doc, verb: Token) -> list[Mention]:
    agent = clause_arguments(verb)[0]
    if agent is None:
        return []
    mention = mention_of(doc, agent)
    return [mention] if mention is not None else []


CONTRAST_MARKS = frozenset({"as", "while", "whereas"})


def _writers_clause(clause: Token) -> bool:
    """An "as"/"while" clause with its own subject under reported speech: the writer's framing, not the
    speaker's words (the quotes stage cuts the same clause from the quote)."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
