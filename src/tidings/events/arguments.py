"""Who did it and to whom: source and target tokens from the dependency parse, resolved to mentions.

The parse gives head tokens (the subject, the object, a preposition's object, a possessor); the actors
stage's `mention_for` turns the stretch of text behind each into a resolved `Mention` (pronouns, "his
Chinese counterpart" and appositions included).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors.lookup import mention_for
from ..document import Actor, Mention

# Verbs whose object is the one who is to act in their infinitive ("asked Wang Yi to mediate").
OBJECT_CONTROL = frozenset({"ask", "urge", "invite", "order", "press", "encourage", "tell", "call", "persuade",
                            "force", "allow", "help", "implore", "request", "beg", "instruct", "appeal",
                            "pressure", "push", "warn", "advise", "direct", "authorize", "compel"})
# Prepositions whose object can be the target of an event.
TARGET_PREPS = frozenset({"against", "with", "to", "on", "into", "at", "toward", "towards", "upon", "from",
                          "for", "over", "of", "between", "among", "across", "inside"})
NOUN_TARGET_PREPS = frozenset({"against", "with", "to", "on", "into", "at", "toward", "towards", "upon", "for",
                               "of", "over", "from"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
FIRST_PERSON = frozenset({"we", "i", "us", "me"})


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def mention_of(doc: Doc, token: Token) -> Mention | None:
    """The resolved mention behind the noun phrase headed by `token`, or None.

    First the phrase without what follows on the right except appositions and names ("the Chinese
    foreign minister, Wang Yi"); then, failing that, the whole subtree ("leaders of Russia").
    """
    start = token.left_edge.idx
    end = _end(token)
    for child in token.rights:
        if child.dep_ in ("appos", "flat", "compound", "nummod", "npadvmod"):
            end = max(end, _end(child.right_edge))
    mention = mention_for(doc, start, end)
    if mention is None and token.lower_ in FIRST_PERSON:
        # "'We will not negotiate,' the prime minister said": the speaker of the quotation
        for quote in doc._.tidings_quotes or []:
            if quote.start <= token.idx < quote.end and quote.speaker is not None:
                return quote.speaker
    if mention is not None and mention.actor.kind == "person" and not mention.actor.country and \
            not mention.actor.sector:
        # "Arab League Secretary-General X": a person of unknown allegiance titled by a body or state
        for other in doc._.tidings_mentions or []:
            if start <= other.start and other.end <= mention.start and (other.actor.country or other.actor.sector):
                return other
    if mention is None and token.pos_ in ("NOUN", "PROPN"):
        # "a terror group based in Trinidad"
        for acl in token.children:
            if acl.dep_ == "acl" and acl.lemma_.lower() in ("base", "headquarter"):
                for pobj in prep_objects(acl, frozenset({"in"})):
                    group = _group_of_place(doc, token, pobj, start, link="based in")
                    if group is not None:
                        return group
    # a common noun opening the sentence is often tagged as a name ("Rebels in Chad ...")
    if mention is None and (token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_sent_start
                            and token.tag_ in ("NNPS", "NNP") and token.text.endswith("s")):
        # "the leaders of Russia", "the government of Ukraine"
        for pobj in prep_objects(token, frozenset({"of"})):
            if pobj.pos_ in ("PROPN", "NOUN"):
                return mention_for(doc, pobj.left_edge.idx, _end(pobj))
        # "opposition groups in Zimbabwe": a group of that country
        for pobj in prep_objects(token, frozenset({"in", "from"})):
            group = _group_of_place(doc, token, pobj, start, link=pobj.head.text)
            if group is not None:
                return group
    return mention


def _group_of_place(doc, token, pobj, start: int, *, link: str) -> Mention | None:
    """A group of the country `pobj` names ("opposition groups in Zimbabwe"), or None where it names none."""
    place = mention_for(doc, pobj.left_edge.idx, _end(pobj))
    if place is None or not place.actor.country or place.actor.kind not in ("country", "region"):
        return None
    text = doc[token.left_edge.i:pobj.i + 1].text
    actor = Actor(name=f"{place.actor.name} {token.lemma_.lower()}", kind="group", country=place.actor.country)
    return Mention(start, start + len(text), text, actor, how=f"events: '{token.text}' {link} '{place.text}'")


def with_conjuncts(token: Token) -> list[Token]:
    """`token` and the words coordinated with it ("Russia and Ukraine")."""
    conjuncts = [t for t in token.conjuncts if t.i > token.i and t.pos_ in ("NOUN", "PROPN", "PRON")]
    if not conjuncts and token.pos_ == "NOUN":
        # "French and Egyptian warships": one noun, coordinated nationalities
        for child in token.children:
            if child.dep_ == "amod" and child.ent_type_ in ("NORP", "GPE") and child.i < token.i:
                nations = [child, *[t for t in child.conjuncts if t.ent_type_ in ("NORP", "GPE")]]
                if len(nations) > 1:
                    return nations
    return [token, *conjuncts]


def clause_arguments(verb: Token, depth: int = 0) -> tuple[Token | None, list[Token], bool]:
    """(agent, patients, passive) of a verb; the agent is inherited through control, coordination and
    relative clauses where the verb has no subject of its own."""
    agent: Token | None = None
    patients: list[Token] = []
    passive = False
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and agent is None:
            agent = child
        elif child.dep_ in ("nsubjpass", "csubjpass"):
            passive = True
            patients.append(child)
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    agent = pobj
        elif child.dep_ in ("dobj", "dative") and not passive:
            patients.append(child)
    if agent is not None and agent.lower_ in RELATIVE and verb.dep_ == "relcl":
        agent = verb.head
    if agent is None and not passive and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and \
            verb.head.pos_ in ("NOUN", "PROPN"):
        # a sentence parsed with a noun for root: its "modifier" is the main verb ("Thousands ... protested")
        return verb.head, patients, False
    if agent is None and not passive and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
        # "Asked about the allegations, Obama said ...": Obama was asked, he did not ask
        return None, patients, True
    if agent is None and not passive and depth < 4:
        head = verb.head
        if verb.dep_ == "xcomp" and head is not verb:
            h_agent, h_patients, _ = clause_arguments(head, depth + 1)
            if head.lemma_.lower() in OBJECT_CONTROL and h_patients:
                agent = h_patients[0]
            elif head.lemma_.lower() in OBJECT_CONTROL and head.lemma_.lower() in ("appeal", "call"):
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "upon"):
                        agent = next((c for c in prep.children if c.dep_ == "pobj"), None)
            else:
                agent = h_agent
        elif verb.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acomp") and head is not verb:
            agent = clause_arguments(head, depth + 1)[0]
        elif verb.dep_ == "relcl":
            agent = head
        elif verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            agent = head  # a finite verb misparsed as a modifier of its subject
        elif verb.dep_ == "acl" and head.head is not head:
            agent = clause_arguments(head.head, depth + 1)[0] if head.head.pos_ in ("VERB", "AUX") else None
    return agent, patients, passive


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions in `preps` attached to `token` ("levied against Russia")."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def noun_sources(noun: Token) -> tuple[list[Token], bool]:
    """Source tokens of a nominal event: possessor, adjective or name modifier, "by X";
    (tokens, joint) with joint true for "talks between A and B"."""
    out: list[Token] = []
    for child in noun.children:
        named = child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or child.pos_ == "PROPN"
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and named):
            out.append(child)
    out.extend(prep_objects(noun, frozenset({"by"})))
    if out:
        return out, False
    between = prep_objects(noun, frozenset({"between", "among"}))
    if not between and noun.dep_ in ("compound", "nsubj"):
        # "a mediation effort between the Emirates and Saudi Arabia", "fighting broke out between ..."
        between = prep_objects(noun.head, frozenset({"between", "among"}))
    if between:
        return with_conjuncts(between[0]), True
    return [], False
