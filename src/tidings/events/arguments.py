"""Who did it and to whom: source and target tokens from the dependency parse, resolved to mentions.

The parse gives head tokens (the subject, the object, a preposition's object, a possessor); the actors
stage's `mention_for` turns the stretch of text behind each into a resolved `Mention` (pronouns, "his
Chinese counterpart" and appositions included).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..actors.lookup import mention_for
from ..document import Actor, Location, Mention
from .tables import DATA
from .where import PLACE_LABELS, place_named

# Verbs whose object is the one who is to act in their infinitive ("asked Wang Yi to mediate").
OBJECT_CONTROL = frozenset({"ask", "urge", "invite", "order", "press", "encourage", "tell", "call", "persuade",
                            "force", "allow", "help", "implore", "request", "beg", "instruct", "appeal",
                            "pressure", "push", "warn", "advise", "direct", "authorize", "compel"})
# Prepositions whose object can be the target of an event.
TARGET_PREPS = frozenset({"against", "with", "to", "on", "into", "at", "toward", "towards", "upon", "from",
                          "for", "over", "of", "between", "among", "across", "inside"})
NOUN_TARGET_PREPS = frozenset({"against", "with", "to", "on", "into", "at", "toward", "towards", "upon", "for",
                               "of", "over", "from"})
# Prepositions followed from an object noun to a target further down ("a suspension of air links with
# Serbia", "calls by Belarus's rulers for aid", "reservists for a war against Iraq").
CHAIN_PREPS = NOUN_TARGET_PREPS | {"by", "between", "among"}
# Nouns naming someone by a relation to their possessor: "Israel's ally" is not Israel.
RELATIONAL = frozenset({"ally", "allies", "enemy", "enemies", "rival", "rivals", "neighbor", "neighbors",
                        "neighbour", "neighbours", "opponent", "opponents", "foe", "foes", "partner", "partners",
                        "adversary", "adversaries", "critic", "critics", "proxy", "proxies", "client", "clients"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
OBJECT_PRONOUNS = {"him": ("person",), "her": ("person",), "them": ("country", "group", "organization")}
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
    mention = _not_possessor(token, mention_for(doc, start, end))
    if mention is None and token.lower_ in OBJECT_PRONOUNS and token.dep_ in ("dobj", "dative", "pobj"):
        mention = _object_pronoun(doc, token)
    if mention is not None and not mention.actor.country and mention.actor.kind != "country" and \
            token.pos_ == "NOUN":
        # "leaders of Romania's new government": a role word that a state's phrase completes
        for pobj in prep_objects(token, frozenset({"of"})):
            whose = _not_possessor(pobj, mention_for(doc, pobj.left_edge.idx, _end(pobj)))
            if whose is not None and whose.actor.country and whose.start >= mention.end:
                return whose
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
                return _not_possessor(pobj, mention_for(doc, pobj.left_edge.idx, _end(pobj)))
        # "opposition groups in Zimbabwe": a group of that country
        for pobj in prep_objects(token, frozenset({"in", "from"})):
            group = _group_of_place(doc, token, pobj, start, link=pobj.head.text)
            if group is not None:
                return group
    return mention


def _object_pronoun(doc: Doc, token: Token) -> Mention | None:
    """The antecedent of an object pronoun the actors stage left unresolved ("Zelensky met Biden. He asked
    him for weapons"): the nearest actor of its kind before it, in its sentence or the two before, that is
    not its clause's subject (a pronoun object never is: that would be "himself")."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("xcomp", "conj", "advcl"):
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    excluded = set()
    if subject is not None:
        found = mention_for(doc, subject.left_edge.idx, _end(subject))
        if found is not None:
            excluded.add(found.actor.name)
    sentences = [token.sent]
    for _ in range(2):
        if sentences[0].start > 0:
            sentences.insert(0, doc[sentences[0].start - 1].sent)
    window = sentences[0].start_char
    kinds = OBJECT_PRONOUNS[token.lower_]
    for other in sorted(doc._.tidings_mentions or [], key=lambda m: -m.start):
        if window <= other.start and other.end <= token.idx and other.actor.kind in kinds and \
                other.actor.name not in excluded:
            actor = other.actor
            return Mention(token.idx, _end(token), token.text, actor,
                           how=f"events: '{token.text}' -> {actor.name} (nearest before it that is not the subject)")
    return None


def _not_possessor(token: Token, mention: Mention | None) -> Mention | None:
    """None where `mention` is only the possessor of a relational noun ("Israel's militia ally")."""
    if mention is None or token.lower_ not in RELATIONAL:
        return mention
    for child in token.children:
        if child.dep_ == "poss" and child.left_edge.idx <= mention.start and mention.end <= _end(child.right_edge):
            return None
    return mention


def further_targets(trigger: Token, *, away: bool = True) -> list[Token]:
    """Where a target stands further from the trigger than its own objects, nearest first.

    - Prepositional objects reached down through the trigger's objects: "announced a suspension of air
      links with Serbia", "mobilized reservists for a possible war against Iraq", "demanded an admission
      by Moscow", "rejected calls by Belarus's rulers".
    - The same inside an infinitive of purpose: "staged demonstrations to demand political reforms by
      President Suharto's government", "began a hunger strike to demand the resignation of X".
    - The object of the verb whose complement the trigger is, when the trigger has none of its own:
      "summoned Niger's ambassador to complain".

    Without `away`, "from X" is left out: help goes to someone ("rescue the girls from Boko Haram").
    """
    out: list[Token] = []
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass") else trigger
    frontier = [trigger] if verb == trigger else [trigger, verb]
    for purpose in verb.children:
        if purpose.dep_ in ("advcl", "xcomp") and purpose.i > trigger.i and _infinitive(purpose):
            frontier.append(purpose)
        elif purpose.dep_ == "prt":
            frontier.append(purpose)  # "pulled out of the summit with Kim Jong Un"
    if trigger.pos_ == "NOUN":
        # "Russia's threat to cut gas supplies to Moldova", "its offer to mediate between A and B"
        frontier.extend(c for c in trigger.children if c.dep_ == "acl" and _infinitive(c))
    seen = {t.i for t in frontier}
    for _ in range(3):
        following: list[Token] = []
        for node in frontier:
            for child in node.children:
                found: list[Token] = []
                if child.dep_ in ("dobj", "dative", "nsubjpass") and node.pos_ in ("VERB", "AUX"):
                    found = [child]
                elif child.dep_ in ("prep", "agent") and (away or child.lower_ != "from") and (
                        node.pos_ in ("NOUN", "PROPN") and child.lower_ in CHAIN_PREPS
                        or child.lower_ in TARGET_PREPS or node.dep_ in ("prt", "prep") and child.lower_ == "of"):
                    found = [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ == "prep" and node is trigger and not any(c.dep_ == "pobj" for c in child.children):
                    following.append(child)  # "pulled out of": "out" taken for a preposition
                elif child.dep_ == "ccomp" and node is trigger and _infinitive(child):
                    # "allowed the opposition leader to hold a rally": whom the act lets or makes do something
                    found = [c for c in child.children if c.dep_ == "nsubj"]
                elif child.dep_ in ("acl", "ccomp") and node is trigger and node.pos_ == "NOUN" and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                    # "its demand that Israel ease restrictions": whom the demand, call or offer is put to
                    found = [c for c in child.children if c.dep_ == "nsubj"]
                elif child.dep_ == "acl" and child.tag_ == "VBN" and node.pos_ in ("NOUN", "PROPN"):
                    # "an investigation into crimes committed by Croat forces": the doer of the deed
                    found = [c for a in child.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
                for token in found:
                    if token.lemma_ == trigger.lemma_:
                        continue  # "the Russia sanctions with other sanctions against Iran": another event
                    if token.i not in seen:
                        seen.add(token.i)
                        out.append(token)
                        following.append(token)
        frontier = following
    if trigger.dep_ == "xcomp" and _infinitive(trigger) and not any(
            c.dep_ in ("dobj", "dative") for c in trigger.children):
        out.extend(c for c in trigger.head.children if c.dep_ in ("dobj", "dative") and c.i not in seen)
    return out


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


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
    if agent is None and not passive and verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i > verb.head.i and \
            any(c.dep_ in ("dobj", "oprd") for c in verb.children) and depth < 4 and \
            not any(c.dep_ in ("advmod", "mark") and c.lower_ in PARTICIPLE_MARKS for c in verb.children):
        # "denied collusion and on Monday called the inquiry a witch hunt": a past tense the tagger took for a
        # participle (a passive participle has no object); the doer is the subject of the verb it follows
        return clause_arguments(verb.head, depth + 1)[0], patients, False
    if agent is None and not passive and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
        # "Asked about the allegations, Obama said ...": Obama was asked, he did not ask; "wept when
        # convicted": it was done to the subject of the clause it hangs on
        # ("appeared in court, charged with murder"; one with an object was taken for a past tense above)
        if not patients and verb.dep_ == "advcl" and depth < 4:
            h_agent, h_patients, h_passive = clause_arguments(verb.head, depth + 1)
            subject = h_patients[0] if h_passive and h_patients else h_agent
            patients = [subject] if subject is not None else []
        return None, patients, True
    if agent is None and not passive and verb.dep_ == "conj" and depth < 4 and \
            any(c.dep_ == "auxpass" for c in verb.children):
        # "pleaded guilty or were convicted": a passive sharing the first verb's subject, done to it
        h_agent, h_patients, h_passive = clause_arguments(verb.head, depth + 1)
        subject = h_patients[0] if h_passive and h_patients else h_agent
        return None, [subject] if subject is not None else [], True
    if agent is None and not passive and depth < 4:
        head = verb.head
        # "asked the minister, Wang Yi, to help mediate": an infinitive the parser hung as an adjunct of an
        # object-control verb is its complement all the same
        infinitive = verb.dep_ == "advcl" and head.lemma_.lower() in OBJECT_CONTROL and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ == "xcomp" and head != verb and any(c.dep_ == "auxpass" for c in verb.children):
            # "Rosenstein is to be commended", "wants to be consulted": done to the head's subject, by someone
            h_agent = clause_arguments(head, depth + 1)[0]
            return None, [h_agent] if h_agent is not None else [], True
        if (verb.dep_ == "xcomp" or infinitive) and head != verb:
            h_agent, h_patients, _ = clause_arguments(head, depth + 1)
            if head.lemma_.lower() in OBJECT_CONTROL and h_patients:
                agent = h_patients[0]
            elif head.lemma_.lower() in OBJECT_CONTROL and head.lemma_.lower() in ("appeal", "call"):
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "upon"):
                        agent = next((c for c in prep.children if c.dep_ == "pobj"), None)
            else:
                agent = h_agent
        elif verb.dep_ == "pcomp" and head.lower_ in MEANS_PREPS and head.head.pos_ in ("VERB", "AUX"):
            # "protested by blocking roads", "joined them in demanding a referendum", "after meeting Xi": the
            # doer of the clause the phrase hangs on, where that clause is active (not "were arrested for ...")
            h_agent, h_patients, h_passive = clause_arguments(head.head, depth + 1)
            passive_gerund = any(c.dep_ == "auxpass" for c in verb.children)  # "after being indicted"
            agent = None if h_passive or passive_gerund else h_agent
            if passive_gerund:
                # "died ... after being shot", "before being granted clemency": it was done to the subject of
                # the clause it hangs on (an object of the passive is what was given, not who got it)
                passive = True
                patients = [h_patients[0]] if h_passive and h_patients else [h_agent] if h_agent is not None else []
        elif (verb.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acomp") or verb.dep_ == "attr" and verb.tag_ == "VBG") \
                and head != verb:
            # ("Qatar is mediating between ...": a progressive the parser took for the attribute of "is")
            agent = clause_arguments(head, depth + 1)[0]
        elif verb.dep_ == "relcl":
            agent = head
        elif verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            agent = head  # a finite verb misparsed as a modifier of its subject
        elif verb.dep_ == "acl" and head.head != head:
            agent = clause_arguments(head.head, depth + 1)[0] if head.head.pos_ in ("VERB", "AUX") else None
    return agent, patients, passive


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions in `preps` attached to `token` ("levied against Russia")."""
    out: list[Token] = []
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


def first_actors(doc: Doc, tokens: list[Token], sources: list[Mention], *, same_state: bool = False,
                 places_at_home: bool = True) -> list[Mention]:
    """The first of `tokens` (with the words coordinated with it) that names an actor other than the
    sources, one of known country first ("summoned Niger's ambassador to complain"). With `same_state`
    another part of the sources' state will do ("Algerian landowners ... demand ... from Algerian
    government forces"). Without `places_at_home` a place in the sources' own state is no target
    ("ordered police to patrol the streets of Karachi")."""
    countries = {s.actor.country for s in sources if s.actor.country}
    groups = []
    for token in tokens:
        group = []
        for word in with_conjuncts(token):
            place = word.ent_type_ in PLACE_LABELS
            mention = mention_of(doc, word)
            if mention is None:
                # a place may be the source's own state ("French farmers would blockade Paris")
                mention = _place_actor(doc, word)
                if mention is not None and any(mention.start < s.end and s.start < mention.end for s in sources):
                    mention = None
            elif not _other(mention, sources, place=same_state or place):
                mention = None
            if mention is not None and place and not places_at_home and mention.actor.country in countries:
                mention = None
            if mention is not None:
                group.append(mention)
        if group:
            groups.append(group)
    for group in groups:
        if any(m.actor.country or m.actor.sector in ("IGO", "NGO") for m in group):
            return group
    return groups[0] if groups else []


# Prepositions whose gerund is done by the doer of the clause ("by blocking", "in demanding", "after meeting");
# not "of", "for", "with" ("accused of killing", "arrested for collaborating": what others say they did)
# nor "before", "without" (what has not happened).
PARTICIPLE_MARKS = frozenset({"when", "after", "before", "once", "until", "if", "unless", "while", "though",
                              "although", "as"})
MEANS_PREPS = frozenset({"by", "in", "through", "while", "upon", "on", "after", "since", "before"})


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor, or a state and a part of it ("Turkey" and "its troops"); two parts of one state are two
    actors ("Egyptian police" and "demonstrators" both carry Egypt's name, but not its sector)."""
    return a.name == b.name and (a.sector == b.sector or not a.sector or not b.sector)


def _other(mention: Mention, sources: list[Mention], *, place: bool = False) -> bool:
    """Not one of the sources: another actor, or, for a place, a state's seat or land even where the
    source is of that state ("French farmers would blockade Paris")."""
    return all((not same_actor(mention.actor, s.actor) or place and mention.actor.code != s.actor.code)
               and not (mention.start < s.end and s.start < mention.end) for s in sources)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO3 -> country name, from the places table of the events stage (data/places.tsv)."""
    names: dict[str, str] = {}
    with open(DATA / "places.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            _, name, country, _, _, kind = line.rstrip("\n").split("\t")
            if kind == "country" and country:
                names.setdefault(country, name)
    return names


def _place_actor(doc: Doc, token: Token) -> Mention | None:
    """A city or place named as an object ("would blockade Paris"): the state it lies in."""
    if token.ent_type_ not in PLACE_LABELS or token.ent_iob_ == "":
        return None
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    location = place_named(ent.text) if ent is not None else None
    if ent is None or location is None or not location.country:
        return None
    return place_mention(doc, [ent], location, ent.text)


def place_mention(doc: Doc, ents: list[Span], location: Location, words: str) -> Mention | None:
    """The place of an event as an actor: the state it lies in ("imposed a curfew in Cizre": Turkey)."""
    ent = next((e for e in ents if e.text == words), None)
    if ent is None or not location.country:
        return None
    named = mention_for(doc, ent.start_char, ent.end_char)
    if named is not None and named.actor.country == location.country and named.actor.kind == "country":
        return named
    name = _country_names().get(location.country, location.name)
    actor = Actor(name=name, kind="country", country=location.country, code=location.country)
    return Mention(ent.start_char, ent.end_char, ent.text, actor, how=f"events: the state of the place '{ent.text}'")
