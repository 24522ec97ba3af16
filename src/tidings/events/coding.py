"""Coding events with patterns: triggers from the dictionary, arguments from the parse.

For each sentence (boilerplate skipped): every verb or noun whose lemma is in the trigger dictionary
(with its cue word where the row asks for one) is a candidate. Verb candidates take their source and
target from the clause (active or passive, inherited through control and coordination); noun candidates
("the Russian invasion", "talks between Russia and Ukraine") from their own modifiers, or from the verb
they are the object of ("expressed disapproval"). A candidate inside the complement of a request,
threat, refusal or agreement is coded as requested / hypothetical / negated, or folded into the
agreement. Joint subjects ("Russia and Ukraine agreed") give one event per actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..document import Actor, Mention, make_code
from ..tone import valence
from .arguments import (
    NOUN_TARGET_PREPS,
    TARGET_PREPS,
    clause_arguments,
    mention_of,
    noun_sources,
    place_mention,
    prep_objects,
    same_actor,
    with_conjuncts,
)
from .modality import modality, negated
from .tables import Trigger, triggers, word_set
from .where import MISTAKEN_LABELS, PLACE_LABELS, PLACE_PREPS, place_named

OBJECT_TARGET_PREPS = frozenset({"against", "on", "upon", "toward", "towards", "with"})
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Cooperation reported in the future is an agreement (PLOVER: AGREE), with these CAMEO codes.
FUTURE_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "RETREAT": "035",
                "CONCEDE": "035"}
# Conflict announced for the future is a threat (PLOVER: THREATEN), with these CAMEO codes.
FUTURE_THREATEN = {"SANCTION": "131", "COERCE": "132", "ASSAULT": "138", "MOBILIZE": "138", "PROTEST": "133"}
# Conflict or refusal made conditional ("unless ...") is a threat, with these CAMEO codes.
CONDITIONAL_THREATEN = {**FUTURE_THREATEN, "REJECT": "1312", "SANCTION": "1312"}
PREPARING = frozenset({"prepare", "prepared", "prepares", "preparing", "poised", "ready", "readying", "gear",
                       "geared", "gearing"})
# Passives that describe their subject's stance: "Vietnam is committed to ...", "is opposed to".
STATIVE_PASSIVE = frozenset({"commit", "oppose", "determine", "dedicate", "resolve"})
# Acts of a state's authorities that news often tells in an agentless passive with the place
# ("was arrested in Iran"): the state of that place is the implicit source.
AUTHORITY_ACTS = frozenset({"COERCE", "SANCTION"})
AUTHORITY_MODES = frozenset({"investigate", "charge", "arrest", "expel", "deport"})
# "X said Y must ...": a demand of X on Y.
MUST = Trigger("must", "VERB", frozenset(), "REQUEST", None, "100", 0.6, source="'must' in reported speech")
# "Germany pressed Turkey to release ...", "Russia wants Ukraine to recognize ...": a request of the object.
PRESSING = frozenset({"press", "pressure", "push", "encourage", "implore", "beg", "want", "lobby", "exhort"})
PRESS = Trigger("press", "VERB", frozenset(), "REQUEST", None, "020", 0.6,
                source="verb of pressing + object + infinitive")
SAYING = frozenset({"say", "declare", "insist", "reiterate", "conclude", "announce", "state", "tell", "warn",
                    "stress", "add", "argue", "write", "demand", "repeat", "believe"})
REFUSING = frozenset({"fail", "failed", "fails", "failing", "refuse", "refused", "refuses", "refusing",
                      "decline", "declined", "declines", "declining"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# A request's CAMEO code by what is requested (CAMEO 02x, "appeal for ...").
REQUEST_FOR = {"CONSULT": "026", "AID": "023", "RETREAT": "0256", "CONCEDE": "025", "COOPERATE": "021",
               "SUPPORT": "022", "AGREE": "026"}
LIGHT_NOUN_DEPS = frozenset({"dobj", "nsubjpass", "attr", "dative"})
# Verbs that report an event named by their object ("held talks", "expressed disapproval").
LIGHT_VERBS = word_set("""
hold launch conduct carry stage impose level levy make issue express voice announce begin start continue resume
open deliver provide extend lodge file mount order reach sign give offer engage join take undertake step call
declare grant seek lead organize organise plan pursue complete finish end intensify escalate
pay host attend renew repeat reiterate press push support back endorse approve accept welcome stag institute
prepare bring set reimpose speed have
""")
# Nouns of taking part: those at or in them are their actors ("thousands gathered for a rally").
PARTICIPATION = {"PROTEST": ("for", "during", "at", "in"), "CONSULT": ("for", "at", "during"),
                 "COOPERATE": ("in", "during"), "MOBILIZE": ("on",)}
PHONE_WORDS = frozenset({"phone", "telephone", "call", "video"})


@dataclass(slots=True)
class Candidate:
    """A trigger found in a sentence, and what the parse says about it."""

    token: Token
    entry: Trigger
    cue: Token | None = None
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    joint: bool = False
    mutual: bool = False  # joint sources acting on each other ("were at odds")
    source_how: str = ""
    type: str = ""
    cameo: str = ""
    mode: str | None = None
    modality: str = "asserted"
    modality_word: str = ""
    negated: bool = False
    negation_word: str = ""
    notes: list[str] = field(default_factory=list)
    absorbed: bool = False


def _pos(token: Token) -> str | None:
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return "VERB"
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        return "ADJ"  # "Israel is opposed to ...": the copula's subject acts
    if token.pos_ == "NOUN":
        return "NOUN"
    return None


def _cue_words(token: Token) -> list[Token]:
    words: list[Token] = []
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        # "opened a hearing on Wednesday into ...": the preposition went to the verb
        words.extend(c for c in token.head.children if c.dep_ == "prep" and c.i > token.i)
    for child in token.children:
        if child.dep_ == "nsubj":
            continue  # "talks ended": the talks' own course, not someone ending them
        words.append(child)
        if child.dep_ in ("prep", "agent"):
            words.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ in ("prep", "prt", "advmod"):
            # "pulled out of the agreement", "walked away from the talks": a particle's own preposition
            words.extend(p for c in child.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")
        if child.dep_ == "xcomp":
            words.extend(c for c in child.children if c.dep_ == "dobj")
        if child.dep_ in ("xcomp", "ccomp") and child.lemma_ == "be":
            # "found the prorogation to be unlawful", "ruled the suspension was unlawful": what it was found
            words.extend(c for c in child.children if c.dep_ in ("acomp", "attr"))
        if child.dep_ == "advcl":
            # "called for NATO members to increase spending": a for-to clause, its "for" a marker
            words.extend(c for c in child.children if c.dep_ == "mark" and c.lower_ == "for")
        if child.dep_ in ("dobj", "nsubjpass"):
            # "providing aerial photographs and other military intelligence"
            words.extend(child.conjuncts)
            words.extend(c for c in child.children if c.dep_ in ("compound", "amod"))
            # "provide 25,000 tons of food aid", "targeted farm products with tariffs"
            ofs = [p for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "with")
                   for p in c.children if p.dep_ == "pobj"]
            words.extend(ofs)
            # "suspended part of a military aid program"
            words.extend(c for p in ofs for c in p.children if c.dep_ == "compound")
    return words


def _pressed(token: Token) -> Token | None:
    """Who is pressed to act in "pressed Turkey to release ...", "wants Ukraine to recognize ...", or None."""
    def infinitive(verb: Token) -> bool:
        return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)

    objects = [c for c in token.children if c.dep_ == "dobj"]
    for child in token.children:
        if child.dep_ == "xcomp" and objects and infinitive(child):
            return objects[0]
        if child.dep_ == "ccomp" and infinitive(child):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def _stems(word: str) -> list[str]:
    """Lemmas an inflected verb may have where the small model's lemmatizer slips ("cordoned" -> "cordone",
    "mediating", "raped" -> "rap"): the word less -ing, -ed, -d or -s, with or without a final e."""
    out = []
    for ending in ("ing", "ed", "d", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            out += [stem, stem + "e"] if ending in ("ing", "ed") else [stem]
    return out


# "called the attack a cowardly act of terrorism", "described the sanctions as illegal": a verdict on someone's
# act or on them, coded by the words of the label (AFINN-165 valence, see `tone.py`): condemning words make it
# a disapproval (ACCUSE), praising words an approval (SUPPORT), neutral ones no event.
LABELLING = frozenset({"call", "label", "brand", "describe", "dub", "term", "deem", "proclaim"})
LABEL_DEPS = frozenset({"oprd", "attr", "npadvmod", "acomp", "prep", "dobj"})
LABEL_ACCUSE = Trigger("call", "VERB", frozenset(), "ACCUSE", "disapprove", "111", 0.55, source="a label of condemning words")
LABEL_SUPPORT = Trigger("call", "VERB", frozenset(), "SUPPORT", None, "051", 0.5, source="a label of praising words")


def _labelled(verb: Token) -> Candidate | None:
    """A verdict told by labelling an object ("called it a breach of his responsibilities"), or None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    complements = [c for c in verb.children if c.dep_ == "oprd"]
    if obj is None and len(complements) > 1:
        obj = complements[0]  # "called Saudi Arabia's execution of the cleric a huge crime": two parsed as labels
    if obj is None:
        return None
    # the label: what the verb says the object is ("a cowardly act", "as illegal", a quoted "lousy" the parser
    # hung on the object), not a clause that follows ("to discuss the crisis", "..., saying ...")
    parts = [c for c in verb.children if c.i > obj.i and c.dep_ in LABEL_DEPS and not (
        c.dep_ == "prep" and c.lower_ != "as")]
    parts += [c for c in obj.children if c.i > obj.i and (c.dep_ in ("amod", "appos") or
                                                       c.dep_ == "prep" and c.lower_ == "as")]
    words = " ".join(t.text for part in parts for t in part.subtree if not t.is_punct)
    if not words:
        return None
    score = valence(words)
    slur = next((p for p in PEJORATIVES if p in f" {words.lower()} "), None)
    if slur is not None:
        score = min(score, 0) - 3  # "a politically motivated witch hunt": AFINN scores "motivated" +1
    if abs(score) < 2:
        return None  # one mild word ("the Thucydides Trap") is a name, not a verdict
    entry = LABEL_ACCUSE if score < 0 else LABEL_SUPPORT
    cand = Candidate(verb, replace(entry, lemma=verb.lemma_.lower()))
    cand.notes.append(f"label '{words}' (" + (f"'{slur.strip()}' condemns" if slur else f"AFINN valence {score:+d}")
                      + ")")
    return cand


# Political labels that condemn whatever words stand beside them, which AFINN-165 scores mildly or not at all.
PEJORATIVES = tuple(f" {w} " for w in (
    "witch hunt", "hoax", "sham", "farce", "charade", "smear", "hit job", "fake news", "propaganda", "travesty",
    "coup attempt", "power grab", "show trial", "kangaroo court", "puppet", "stunt"))


# Words of judgement that condemn what they are said of. Quoted from a state's official or a body, they make the
# quotation a criticism by its speaker (ACCUSE disapprove, CAMEO 111): "'President Trump treats the rule of law
# with utter contempt,' said California Attorney General Xavier Becerra". Written by hand: words that judge (not
# words that tell of harm, "crisis", "victims", "death", which AFINN-165 also scores negative, nor words our
# dictionary codes as events, "attack").
JUDGING = word_set("""
unacceptable outrageous disgraceful shameful appalling deplorable reprehensible irresponsible reckless contempt
misguided disappointing disappointment regrettable unfair unjust hypocritical hypocrisy dishonest liar lies
incompetent inept cowardly despicable heinous barbaric abhorrent vile senseless outrage scandalous disgrace
betrayal insulting nonsense absurd ridiculous lawless baseless groundless bogus inexcusable unjustified
unwarranted indefensible intolerable unforgivable""")
QUOTED_ACCUSE = Trigger("judging", "ADJ", frozenset(), "ACCUSE", "disapprove", "111", 0.45,
                        source="words of condemnation in a quotation")
# Words of praise and sympathy that make a quotation support (SUPPORT, CAMEO 051: praise or endorse): "The bravery
# of the emergency services", "My thoughts are with the injured".
PRAISING = word_set("""
bravery heroic heroism courage courageous admirable exemplary grateful gratitude condolences sympathies awe
""")  # not "incredible", "outstanding", "brave": as often description ("an incredible flouting", "brave troops")
QUOTED_SUPPORT = Trigger("praising", "ADJ", frozenset(), "SUPPORT", None, "051", 0.4,
                         source="words of praise in a quotation")
# Speakers whose judgements are no state's or body's act: newsrooms reporting, private people.
NOT_ACTING = frozenset({"MED", "CVL"})
# Types of the sentence's pattern events after which its quoted words tell no stance of their own.
STANCES = frozenset({"ACCUSE", "REJECT", "SANCTION", "THREATEN", "SUPPORT"})


def _quoted_stances(doc: Doc, sentence: Span) -> list[Candidate]:
    """Criticism or praise told only by the words of a quotation, by the quotation's speaker (see JUDGING and
    PRAISING)."""
    out: list[Candidate] = []
    for quote in doc._.tidings_quotes or ():
        speaker = quote.speaker
        if speaker is None or not (quote.start < sentence.end_char and sentence.start_char < quote.end):
            continue
        actor = speaker.actor
        if speaker.how in ("crowd", "unnamed") or actor.sector in NOT_ACTING or not (
                actor.country or actor.sector in ("IGO", "NGO")):
            continue
        quoted = [t for t in sentence if quote.start <= t.idx < quote.end]
        condemning = [t for t in quoted if t.lower_ in JUDGING]
        praising = [t for t in quoted if t.lower_ in PRAISING or t.lower_ == "thoughts" and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in (*t.children, *t.head.children))]
        if bool(condemning) == bool(praising):
            continue  # no judgement, or a mixed one
        word = (condemning or praising)[0]
        entry = QUOTED_ACCUSE if condemning else QUOTED_SUPPORT
        cand = Candidate(word, replace(entry, lemma=word.lower_))
        cand.sources, cand.source_how = [speaker], f"the speaker of the quotation ('{speaker.text}')"
        # the target: an actor of known state the quoted words name, the subject of a clause first ("Iran is
        # acting as a bully ... telling lies")
        inside = [m for m in doc._.tidings_mentions or () if quote.start <= m.start and m.end <= quote.end and
                  sentence.start_char <= m.start < sentence.end_char and _different(m, [speaker]) and
                  (m.actor.country or m.actor.sector in ("IGO", "NGO"))]
        subjects = {t.idx for t in sentence if t.dep_ in ("nsubj", "nsubjpass")}
        inside.sort(key=lambda m: not any(m.start <= i < m.end for i in subjects))
        cand.targets = inside[:1]
        clause = word.head if word.pos_ == "ADJ" and word.dep_ in ("acomp", "amod", "attr") else word
        cand.negated, cand.negation_word = negated(clause)
        cand.modality, cand.modality_word = modality(clause)
        cand.type, cand.cameo, cand.mode = entry.type, entry.cameo, entry.mode
        cand.notes.append(f"'{word.text}' " + ("judges" if condemning else "praises") +
                          f", in words quoted from {speaker.text}")
        out.append(cand)
        break  # one stance per sentence
    return out


# Words naming a wrong. What an actor claims, argues or suspects in a clause holding one is an allegation (ACCUSE
# allege, CAMEO 112): "Trump and his supporters claimed Joe Biden only won the elections due to voter fraud", "the
# motion claims Trump's declaration is unconstitutional". Written by hand from the PLOVER definition of ACCUSE
# allege; "said" alone is left out (most of what is said about a wrong is reporting it).
WRONGS = word_set("""
fraud fraudulent stolen rigged illegal illegally unlawful unlawfully unconstitutional violate violated violates
violating violation violations corrupt corruption bribe bribes bribery lied lying cheated collusion colluded
interference meddled meddling obstruction genocide racist misconduct negligence negligent abuse abuses crimes
criminal""")
ALLEGING = frozenset({"claim", "allege", "argue", "contend", "assert", "insist", "maintain", "suspect", "accuse",
                      "charge"})
ALLEGED = Trigger("claim", "VERB", frozenset(), "ACCUSE", "allege", "112", 0.45,
                  source="a claim whose clause names a wrong")


def _allegation(verb: Token) -> Candidate | None:
    """An allegation told as a claim ("claimed the election was stolen"), or None."""
    if verb.lemma_.lower() not in ALLEGING or verb.pos_ != "VERB":
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None

    def own(token: Token) -> bool:  # in the claimed clause itself, not in a clause inside it
        while token != clause:
            if token.dep_ in ("relcl", "advcl", "ccomp", "acl", "xcomp") or token.head == token:
                return False
            token = token.head
        return True

    wrong = next((t for t in clause.subtree if t.lower_ in WRONGS and own(t)), None)
    if wrong is None:
        return None
    cand = Candidate(verb, replace(ALLEGED, lemma=verb.lemma_.lower()))
    cand.notes.append(f"what is claimed names a wrong ('{wrong.text}')")
    return cand


PHONED = Trigger("call", "VERB", frozenset(), "CONSULT", "phone", "041", 0.6, source="a call to a named actor")
# Standing disagreement told as a state, not an act ("Trump and Bolton have been at odds over Iran", "X, a
# fierce critic of the government"): ACCUSE disapprove (CAMEO 110, 111), by who is so, of whom "with" or "of"
# names.
AT_ODDS = Trigger("odds", "NOUN", frozenset(), "ACCUSE", "disapprove", "110", 0.5, source="'at odds (with)'")
CRITIC = Trigger("critic", "NOUN", frozenset(), "ACCUSE", "disapprove", "111", 0.45, source="'a critic of'")


def _phoned(verb: Token) -> Candidate | None:
    """"Putin called Xi on Tuesday": "call" with a named actor as its object and nothing more is a phone call."""
    if verb.lemma_.lower() != "call":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ in ("oprd", "ccomp", "attr", "prt") for c in verb.children):
        return None  # (not "called out China": a rebuke, not a call)
    mention = mention_of(verb.doc, objects[0])
    if mention is None or mention.actor.kind not in ("person", "country") or objects[0].pos_ != "PROPN":
        return None
    return Candidate(verb, PHONED)


def find_candidates(sentence: Span, *, petrarch: bool = False, extra: tuple[str, ...] = (),
                    vetoed: set[int] | None = None) -> list[Candidate]:
    """The trigger words of a sentence; `vetoed` collects the tokens a NONE row or a question kept from being
    events ("released a statement", "asked how he was"), so that no model codes them either."""
    table = triggers(petrarch, extra)
    vetoed = set() if vetoed is None else vetoed
    out = []
    for token in sentence:
        pos = _pos(token)
        if pos is None:
            continue
        if pos == "VERB" and token.dep_ == "ccomp" and token.head.lemma_.lower() in SAYING and any(
                c.dep_ == "aux" and c.lower_ == "must" for c in token.children):
            out.append(Candidate(token, MUST))
        if pos == "VERB" and token.lemma_.lower() in LABELLING:
            labelled = _labelled(token) or _phoned(token)
            if labelled is not None:
                out.append(labelled)
                continue
        if pos == "VERB" and token.lemma_.lower() == "ask" and not any(
                c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep", "advcl") for c in token.children):
            continue  # '"Why not?" he asked.': a question, not a request
        if pos == "VERB" and token.lemma_.lower() in ("ask", "wonder", "question") and _asks_a_question(token):
            vetoed.add(token.i)
            continue  # "she asked how he was doing", "asked him if he was serious": a question, not a request
        if token.lower_ == "odds" and token.head.lower_ == "at" and token.dep_ == "pobj":
            out.append(Candidate(token, AT_ODDS))
            continue
        if token.lemma_.lower() == "critic" and pos == "NOUN" and token.dep_ in ("attr", "appos") and \
                prep_objects(token, frozenset({"of"})):
            out.append(Candidate(token, CRITIC))
            continue
        if pos == "VERB" and token.lemma_.lower() in PRESSING and _pressed(token) is not None:
            out.append(Candidate(token, replace(PRESS, lemma=token.lemma_.lower())))
            continue
        rows = table.get((token.lemma_.lower(), pos))
        if not rows and pos == "NOUN":
            rows = table.get((token.lower_, pos))
        if not rows and pos == "VERB":
            rows = next((table[(stem, pos)] for stem in _stems(token.lower_) if (stem, pos) in table), None)
        if not rows and pos == "VERB":
            alleged = _allegation(token)
            if alleged is not None:
                out.append(alleged)
        if not rows:
            continue
        for row in rows:
            if row.cues:
                cue = next((w for w in _cue_words(token) if w.lemma_.lower() in row.cues or w.lower_ in row.cues),
                           None)
                if cue is None:
                    continue
                if cue.dep_ == "prep" and any(c.dep_ == "dobj" for c in token.children) and row.type == "REQUEST":
                    continue  # "called Xi on Tuesday": a phrasal "call on" takes no direct object
                out.append(Candidate(token, row, cue))
            else:
                out.append(Candidate(token, row))
            break
        else:
            # every row of the word wants a cue the sentence lacks ("offered a more pointed suggestion"): the
            # dictionary knows the word and says this use is no event, so no model codes it either
            vetoed.add(token.i)
    vetoed.update(c.token.i for c in out if c.entry.type == "NONE")
    return [c for c in out if c.entry.type != "NONE"]


def _different(mention: Mention, others: list[Mention]) -> bool:
    return all(not same_actor(mention.actor, o.actor) and not (mention.start < o.end and o.start < mention.end)
               for o in others)


def _pick_targets(doc: Doc, tokens: list[Token], sources: list[Mention]) -> list[Mention]:
    """The first candidate object that is an actor other than the source; a foreign one first."""
    resolved: list[list[Mention]] = []
    for token in tokens:
        found = [mention_of(doc, t) for t in with_conjuncts(token)]
        group = [m for m in found if m is not None and _different(m, sources)]
        if group:
            resolved.append(group)
    countries = {s.actor.country for s in sources if s.actor.country}
    # a named foreign actor before one of unknown country ("sent troops into Ukraine": Ukraine, not the troops)
    for group in resolved:
        if countries and any(m.actor.country and m.actor.country not in countries for m in group):
            return group
    for group in resolved:
        if not countries or any(m.actor.country not in countries for m in group):
            return group
    return resolved[0] if resolved else []


def _convicted_of(token: Token) -> Token | None:
    """The one found guilty of the act a gerund names ("two officers were found guilty of raping a tourist",
    "was convicted of murdering ...", "pleaded guilty to attacking ..."): a court's finding that they did it."""
    if token.dep_ == "xcomp" and token.head.dep_ == "pcomp":
        token = token.head  # "pled guilty to conspiring to hack into ...": the hacking is theirs too
    prep = token.head
    if token.dep_ != "pcomp" or prep.lower_ not in ("of", "to"):
        return None
    owner = prep.head
    if owner.lemma_.lower() == "guilty":
        verb = owner.head if owner.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj") else None
    elif owner.lemma_.lower() == "convict" and owner.pos_ == "VERB" or owner.pos_ in ("VERB", "AUX") and any(
            c.lower_ == "guilty" for c in owner.children):
        verb = owner  # "were found guilty on Thursday of raping ...": "of" hung on "found"
    else:
        return None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    agent, patients, passive = clause_arguments(verb)
    return patients[0] if passive and patients else agent


GUILT = frozenset({"guilty", "guilt"})


def _guilty_of(noun: Token) -> Token | None:
    """Who pleaded or admitted guilt to or in what the noun names ("pled guilty to charges", "admitted his guilt in
    eight murders"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "in", "of", "for"):
        return None
    owner = prep.head
    if owner.lower_ in GUILT:
        owner = owner.head
    elif not (owner.pos_ == "VERB" and any(c.lower_ in GUILT for c in owner.children)):
        return None
    if owner.pos_ not in ("VERB", "AUX") or owner.lemma_.lower() not in ("plead", "pled", "admit", "plea", "enter"):
        return None
    agent, _, passive = clause_arguments(owner)
    return agent if agent is not None and not passive else None


def _person_mention(doc: Doc, token: Token, how: str = "person") -> Mention:
    """People the actors stage names no one, by their words up to the token ("Friedler", "the woman"), placed
    later like other persons of no stated state: as doers (`how` "person") or as those done to ("done-to")."""
    span = doc[token.left_edge.i:token.i + 1]
    return Mention(span.start_char, span.end_char, span.text, PEOPLE, how=how)


def _officials_of_the_others(doc: Doc, agent: Token, first: Mention) -> list[Mention]:
    """"Leaders of France, Germany and Ukraine met": the actors stage names the leaders of France; the leaders of
    the other states listed are doers too, of the same sector."""
    if agent.tag_ != "NNS" or not first.actor.sector:
        return []
    states = [p for c in agent.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
              for p in c.children if p.dep_ == "pobj"]
    out = []
    for state in (c for p in states for c in p.conjuncts):
        found = mention_of(doc, state)
        if found is None or not found.actor.country or found.actor.sector or found.actor.country == \
                first.actor.country:
            continue
        actor = replace(found.actor, sector=first.actor.sector,
                        code=make_code(found.actor.country, first.actor.sector))
        out.append(replace(found, actor=actor))
    return out


def _verb_arguments(doc: Doc, cand: Candidate) -> None:
    token = cand.token
    agent, patients, passive = clause_arguments(token)
    convicted = False
    if agent is None:
        agent = _convicted_of(token)
        if agent is not None:
            cand.notes.append(f"done by '{agent.text}', found guilty of it")
            convicted = True
    if agent is None and passive and patients and token.lemma_.lower() in STATIVE_PASSIVE and any(
            c.dep_ == "prep" and c.lower_ == "to" or c.dep_ == "xcomp" for c in token.children):
        agent, patients, passive = patients[0], patients[1:], False
    # "took credit for the bombing that killed 12 policemen": the bombers are who claimed it
    claim = _claimant(agent) if agent is not None and agent.lemma_.lower() in ATTACK_WORDS else None
    claimed = agent is not None and claim is not None and _subject_as_source(
        doc, cand, claim, f"claimed it ('{claim.text}')",
        f"responsibility claimed by its doer ('{claim.text} ... {agent.text}')")
    if agent is not None and not claimed:
        if cand.entry.type == "ASSAULT" and agent.lemma_.lower() in ATTACK_WORDS and mention_of(doc, agent) is None:
            _unidentified_attackers(doc, cand, agent)
        else:
            cand.sources = [m for m in (mention_of(doc, a) for a in with_conjuncts(agent)) if m is not None]
            if len(cand.sources) == 1:
                cand.sources += _officials_of_the_others(doc, agent, cand.sources[0])
            cand.joint = len(cand.sources) > 1
            cand.source_how = "passive agent" if passive else "subject"
    if not cand.sources and convicted and agent is not None and agent.pos_ in ("PROPN", "PRON", "NOUN"):
        cand.sources, cand.source_how = [_person_mention(doc, agent)], "who was found or pleaded guilty of it"
    if not cand.sources and agent is not None:
        _crowd_source(doc, cand, agent)  # "a million people marched in London"
    if not cand.sources and agent is not None and cand.entry.type == "ASSAULT" and not passive and \
            (agent.lemma_.lower() in PEOPLE_DONE_TO | LONE_PEOPLE or agent.lower_ in ("he", "she")) and \
            mention_of(doc, agent) is None:
        # "a man attacked a group of men with a knife": someone no actor names, placed later where he struck
        cand.sources = [_person_mention(doc, agent)]
        cand.source_how = f"a person of no stated allegiance ('{cand.sources[0].text}'), placed where the act was done"
    objects = [p for p in patients if p != cand.cue or cand.entry.type not in ("SANCTION", "ACCUSE", "AID",
                                                                                      "MOBILIZE")]
    objects += prep_objects(token, TARGET_PREPS | ({"in"} if cand.entry.mode == "visit" else set()))
    # "threatened further action against Russia": the object's own target
    objects += [o for p in patients if p.pos_ == "NOUN" for o in prep_objects(p, OBJECT_TARGET_PREPS)]
    if cand.cue is not None and cand.cue.pos_ == "NOUN":
        objects += prep_objects(cand.cue, NOUN_TARGET_PREPS)
    if cand.cue is not None and cand.cue.dep_ in ("acomp", "attr") and cand.cue.head.head == token:
        # "found Johnson's advice to be unlawful": what was found so, and whose it was
        for subject in (c for c in cand.cue.head.children if c.dep_ in ("nsubj", "nsubjpass")):
            objects += [subject, *(c for c in subject.children if c.dep_ == "poss")]
    for child in token.children:
        if child.dep_ in ("prt", "xcomp"):
            objects += prep_objects(child, TARGET_PREPS)
    pressed = _pressed(token) if cand.entry.source == PRESS.source else None
    if pressed is not None:
        objects.insert(0, pressed)
    cand.targets = _pick_targets(doc, objects, cand.sources)
    if not cand.targets and not passive and cand.sources and cand.entry.type in HARMS:
        # "police shot him dead", "detained the man", "killing four": people no actor names, placed later like
        # other persons of no stated state (not any proper name: "blocked Facebook")
        person = next((p for p in patients if p.dep_ == "dobj" and p.lemma_.lower() not in ACCIDENT_WORDS and (
            p.lemma_.lower() in PEOPLE_DONE_TO or p.lower_ in PERSONAL_PRONOUNS or p.ent_type_ == "PERSON" or
            p.pos_ == "NUM" or p.lower_ == "accused")), None)
        if person is not None and mention_of(doc, person) is None:
            cand.targets = [_person_mention(doc, person, how="done-to")]
    if not cand.targets and (cand.entry.type in COMPLEMENT_TARGETS or cand.entry.source == ALLEGED.source) and \
            any(s.actor.country or s.actor.sector in ("IGO", "NGO") for s in cand.sources):
        # (a source of unknown country is placed later from the states the sentence names, the target's aside)
        cand.targets = _pick_targets(doc, _complement_targets(token), cand.sources)
        if cand.targets:
            cand.notes.append(f"target from the complement of '{token.text}'")
    if agent is None and passive and (cand.entry.type in AUTHORITY_ACTS or cand.entry.mode in AUTHORITY_MODES):
        _implicit_authority(doc, cand)
    if agent is None and passive and not cand.sources and cand.entry.type == "ASSAULT":
        # "were killed in a suicide car bombing"
        words = next((p for p in prep_objects(token, frozenset({"in", "by"})) if p.lemma_.lower() in ATTACK_WORDS),
                     None)
        if words is not None:
            _unidentified_attackers(doc, cand, words)
    if agent is None and passive and not cand.sources:
        # "a memorandum was signed between Cyprus, Greece and Israel": the parties did it together
        parties = [m for m in (mention_of(doc, t) for p in prep_objects(token, frozenset({"between"}))
                               for t in with_conjuncts(p)) if m is not None]
        if len(parties) > 1:
            cand.sources, cand.targets, cand.joint = parties, [], True
            cand.source_how = "between (agentless passive)"
    done_to_people = (cand.entry.type in AUTHORITY_ACTS | {"ACCUSE", "ASSAULT"} and any(
        p.lemma_.lower() in PEOPLE_DONE_TO or p.ent_type_ == "PERSON" for p in patients) or
        any(_named_person(p) for p in patients)) and not (cand.entry.type == "ASSAULT" and _accident(token))
    # "a curfew was imposed in the city", "the lawsuit was filed": what makes it an event is what was done
    told_by_object = cand.cue is not None and cand.cue in patients
    if agent is None and passive and not cand.sources and (cand.targets or done_to_people or told_by_object) and \
            cand.entry.type in UNNAMED_TYPES:
        # "sanctions were levied against Russia": an act on a named target by someone the text leaves unnamed;
        # "two suspects were arrested": people of no named state, arrested or charged all the same
        cand.sources = [Mention(token.idx, token.idx, "", UNNAMED, how="unnamed")]
        cand.source_how = "unnamed (agentless passive): the text does not say who"
        cand.entry = replace(cand.entry, confidence=cand.entry.confidence * UNNAMED_WEIGHT)
        people = next((p for p in [*patients, *prep_objects(token, frozenset({"against", "on"}))]
                       if p.lemma_.lower() in PEOPLE_DONE_TO or _named_person(p)), None)
        if not cand.targets and people is not None:
            # "the woman was killed": people no actor names, placed later like other persons of no state
            cand.targets = [_person_mention(doc, people, how="done-to")]


PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "we", "me", "us"})


def _named_person(token: Token) -> bool:
    """A patient that can only be a person or a group of people: a personal pronoun, or a proper name the
    model took for no place, state or group ("Crystal Munoz was convicted", the model's 'LOC')."""
    if token.lower_ in PERSONAL_PRONOUNS:
        return True
    if token.pos_ != "PROPN" or token.ent_type_ not in ("", "PERSON", "LOC"):
        return False
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.is_title for t in words) * 2 < len(words)  # not a word of a headline in title case


# Acts done to people: their victims or suspects are the targets even where no actor names them.
HARMS = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE"})

# One person of no named group ("a man", "a teenager").
LONE_PEOPLE = word_set("teenager teenagers youth youths individual individuals assailant gunman")
# People an event was done to whom the actors stage names no one ("the woman was killed").
PEOPLE = Actor(name="people", kind="group")

# Words for a crowd that protests ("thousands of people marched", "students rallied"): civilians of the
# place where they protest (the actors stage resolves named groups; these it leaves as nobody in particular).
CROWD_WORDS = word_set("""
people thousands hundreds tens dozens millions crowd crowds residents citizens students workers women men youths
villagers farmers teachers doctors nurses supporters opponents voters families relatives locals inhabitants
marchers participants
""")
CROWD = Actor(name="protesters", kind="group", sector="CVL", code="CVL")


def _crowd(agent: Token) -> bool:
    """Whether a subject is a crowd: a crowd word, or one behind a number or "of" ("a million people",
    "thousands of people")."""
    if agent.lower_ in CROWD_WORDS:
        return True
    return any(p.lower_ in CROWD_WORDS for p in prep_objects(agent, frozenset({"of"})))


# The doer of an agentless passive ("sanctions were levied against Russia"): a source of no words, no
# country and no code, so that the event and its target are kept without inventing who acted.
UNNAMED = Actor(name="unnamed", kind="group")
# How much less sure an event with an unnamed doer is. Such events are as often right in type and (absent)
# source as those with a named one: 0.76 of 66 on the gold halves that may be read (Wikinews dev, GSR
# inspected), against 0.77 of 269 named. Their weakness is that they say less, not that they are wrong.
UNNAMED_WEIGHT = 0.9
# Acts news tells that way (arrests, attacks, sanctions, charges, aid, releases, requests); not the mutual
# ones, whose unnamed party is mostly the one the text is about.
UNNAMED_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "ACCUSE", "AID", "RETREAT", "REQUEST", "CONCEDE"})
# People an authority acts on whom the actors stage names no one ("suspects were arrested").
PEOPLE_DONE_TO = word_set("""
suspect suspects man men woman women people person persons protester protesters demonstrator demonstrators
activist activists journalist journalists student students member members leader leaders official officials
worker workers user users opponent opponents dissident dissidents migrant migrants refugee refugees
officer officers policeman policemen soldier soldiers civilian civilians victim victims child children girl girls
boy boys wife husband tourist tourists worshipper worshippers passenger passengers resident residents
""")
# "two people were killed in a car crash": deaths that no one inflicted.
ACCIDENT_WORDS = word_set("""
accident accidents crash crashes collision collisions fire fires flood floods flooding earthquake earthquakes
storm storms landslide landslides avalanche avalanches stampede stampedes derailment
""")


def _accident(verb: Token) -> bool:
    """Whether a passive verb of harm is told of an accident ("killed in a car crash")."""
    return any(p.lemma_.lower() in ACCIDENT_WORDS or any(c.lemma_.lower() in ACCIDENT_WORDS for c in p.children)
               for p in prep_objects(verb, frozenset({"in", "by", "during", "after"})))


# Words for an attack or its weapon that stand for attackers the text does not name ("a roadside bombing
# killed ...", "were killed in a suicide car bombing"). CAMEO codes such attackers UAF (unidentified armed
# forces), placed in the country where they struck.
ATTACK_WORDS = word_set("""
attack attacks bombing bombings bomb bombs explosion explosions blast blasts ambush ambushes shelling airstrike
airstrikes strike strikes mine mines landmine landmines minefield rocket rockets missile missiles mortar mortars
gunfire shooting shootings grenade grenades ied ieds device devices car-bomb raid raids assault barrage
attacker attackers assailant assailants bomber bombers shooter shooters sniper snipers
""")
UNIDENTIFIED = Actor(name="unidentified attackers", kind="group", sector="UAF", code="UAF")


def _crowd_source(doc: Doc, cand: Candidate, agent: Token) -> None:
    """A protest by a crowd of no named group ("a million people marched", "thousands joined the rally"): its
    source is that crowd, placed later where it protested."""
    if cand.entry.type == "PROTEST" and _crowd(agent):
        span = doc[agent.left_edge.i:agent.i + 1]
        cand.sources = [Mention(span.start_char, span.end_char, span.text, CROWD, how="crowd")]
        cand.source_how = f"a crowd ('{span.text}'), of the place where it protested"


def _subject_as_source(doc: Doc, cand: Candidate, verb: Token, how: str, note: str = "") -> bool:
    """Make the subject of `verb` (with its conjuncts) the candidate's source; False where it has none."""
    agent = clause_arguments(verb)[0]
    if agent is None:
        return False
    cand.sources = [m for m in (mention_of(doc, a) for a in with_conjuncts(agent)) if m is not None]
    if not cand.sources:
        _crowd_source(doc, cand, agent)  # "thousands joined the rally", "crowds gathered for a protest"
        if cand.sources:
            return True
    cand.joint = len(cand.sources) > 1
    cand.source_how = how
    if note:
        cand.notes.append(note)
    return True


def _unidentified_attackers(doc: Doc, cand: Candidate, words: Token) -> None:
    """An attack whose doer is only its weapon or the attack itself ("a roadside bombing killed ...", "hit by
    gunfire"): the source is unidentified attackers, pointing at those words. Their country comes later
    from the place of the attack, and from nothing else."""
    span = doc[words.left_edge.i:words.i + 1]
    actor, placed = UNIDENTIFIED, ""
    # "a roadside bombing near the town of Samarra": the place told with the attack itself
    phrase = doc[words.left_edge.i:words.right_edge.i + 1]
    for ent in phrase.ents:
        location = place_named(ent.text) if ent.label_ in PLACE_LABELS + MISTAKEN_LABELS else None
        if location is not None and location.country and ent.root.head.lower_ in PLACE_PREPS | {"of"}:
            actor = replace(UNIDENTIFIED, country=location.country, code=location.country + "UAF")
            placed = f", placed by '{ent.text}'"
            break
    cand.sources = [Mention(span.start_char, span.end_char, span.text, actor, how="unidentified")]
    cand.source_how = f"unidentified attackers behind '{span.text}'{placed}"
    cand.entry = replace(cand.entry, confidence=cand.entry.confidence * 0.75)


# Acts aimed at whoever their complement names: "demanded that Hamas renounce ...", "threatened to break
# relations with Russia", "promised to continue aid to Mozambique", "threatened ... unless Baghdad accepted".
COMPLEMENT_TARGETS = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT"})
CONDITIONS = frozenset({"unless", "if"})


def _complement_targets(verb: Token) -> list[Token]:
    """Candidate targets inside a verb's complement clause, in order of preference: the subject of a
    that-clause, the object of an infinitive and its prepositions' objects, the subject of a condition."""
    subjects: list[Token] = []
    objects: list[Token] = []
    conditions: list[Token] = []
    for comp in verb.children:
        for_to = comp.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in comp.children)
        if (comp.dep_ == "ccomp" or for_to) and comp.i > verb.i:
            subjects += [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if comp.dep_ in ("xcomp", "ccomp") and comp.i > verb.i:
            for child in comp.children:
                if child.dep_ in ("dobj", "dative"):
                    objects.append(child)
                    objects += prep_objects(child, OBJECT_TARGET_PREPS | {"to", "for"})
            objects += prep_objects(comp, OBJECT_TARGET_PREPS | {"to", "for", "into", "from"})
    for clause in [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]:
        for advcl in clause.children:
            if advcl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in advcl.children):
                conditions += [c for c in advcl.children if c.dep_ == "nsubj"]
    return subjects + objects + conditions


def _implicit_authority(doc: Doc, cand: Candidate, verb: Token | None = None) -> None:
    """"A French journalist was arrested in Iran": the authorities of the country named as the place."""
    for pobj in prep_objects(verb if verb is not None else cand.token, frozenset({"in"})):
        place = mention_of(doc, pobj)
        if place is None or place.actor.kind != "country":
            # "were arrested in Jakarta": a town's state ("in" a named place the gazetteer knows)
            ent = next((e for e in doc.ents if e.start <= pobj.i < e.end and e.label_ in PLACE_LABELS), None)
            location = place_named(ent.text, near=ent) if ent is not None else None
            place = place_mention(doc, [ent], location, ent.text) if ent is not None and location else None
        if place is not None and place.actor.kind == "country" and place.actor.country and \
                _different(place, cand.targets):
            cand.sources = [place]
            cand.source_how = f"implicit: the authorities of '{place.text}' (agentless passive)"
            return


def _adjective_arguments(doc: Doc, cand: Candidate) -> None:
    copula = cand.token.head
    agent = clause_arguments(copula)[0]
    if agent is not None:
        cand.sources = [m for m in (mention_of(doc, a) for a in with_conjuncts(agent)) if m is not None]
        cand.joint = len(cand.sources) > 1
        cand.source_how = f"subject of '{copula.text} {cand.token.text}'"
    cand.targets = _pick_targets(doc, prep_objects(cand.token, TARGET_PREPS), cand.sources)


def _stance_arguments(doc: Doc, cand: Candidate) -> None:
    """"X is at odds with Y", "X, a critic of Y": X disapproves of Y. X is the subject of the verb "at" or the
    critic hangs on, or the name "critic" is in apposition to."""
    noun = cand.token
    holder = noun.head.head if cand.entry is AT_ODDS else noun.head
    if noun.dep_ == "appos":
        # the name itself, not whatever its phrase holds ("Warren, a critic of the administration")
        named = mention_of(doc, holder)
        cand.sources = [named] if named is not None and named.start <= holder.idx < named.end else []
        cand.source_how = f"'{holder.text}, a {noun.text} of'"
    else:
        _subject_as_source(doc, cand, holder, f"subject of '{holder.text}'")
    cand.joint = len(cand.sources) > 1
    objects = prep_objects(noun if cand.entry is CRITIC else noun.head, frozenset({"of", "with"}))
    objects += prep_objects(holder, frozenset({"with"}))
    cand.targets = _pick_targets(doc, objects, cand.sources)
    cand.mutual = cand.joint and not cand.targets  # "Trump and Bolton have been at odds": with each other
    cand.negated, cand.negation_word = negated(holder)
    cand.modality, cand.modality_word = modality(holder)


def _must_arguments(doc: Doc, cand: Candidate) -> None:
    """"X said that Y must do Z": X demands of Y."""
    saying = cand.token.head
    agent = clause_arguments(saying)[0]
    if agent is not None:
        cand.sources = [m for m in (mention_of(doc, a) for a in with_conjuncts(agent)) if m is not None]
        cand.source_how = f"subject of '{saying.text}'"
    subject = clause_arguments(cand.token)[0]
    if subject is not None:
        cand.targets = _pick_targets(doc, [subject], cand.sources)
    own = {m.actor.country for m in cand.sources if m.actor.country}
    named = mention_of(doc, subject) if subject is not None else None
    if named is not None and named.actor.kind == "country" and named.actor.country in own:
        # "Johnson said Britain must leave by that date": his own state's course, not a demand
        cand.sources, cand.targets = [], []
        return
    cand.notes.append(f"'{saying.text} ... must {cand.token.text}'")


def _noun_arguments(doc: Doc, cand: Candidate, verb_triggers: set[int]) -> None:
    noun = cand.token
    tokens, joint = noun_sources(noun)
    if joint and cand.entry.cameo == "045":
        # "a mediation effort between A and B": A and B are mediated, not mediators
        cand.targets = [m for m in (mention_of(doc, t) for t in tokens) if m is not None]
        tokens, joint = [], False
    if tokens:
        cand.sources = [m for m in (mention_of(doc, t) for t in tokens) if m is not None]
        cand.joint = joint and len(cand.sources) > 1
        cand.source_how = ("between" if joint else "modifier") if cand.sources else ""
    if tokens and cand.entry.mode == "investigate":
        # "the Russia investigation", "the Benghazi probe": the place named before it is investigated; "the
        # Mueller probe", "an FBI investigation", "Britain's inquiry" name who investigates
        about = [t for t in tokens if t.dep_ == "compound" and t.ent_type_ in ("GPE", "LOC")]
        if about:
            cand.targets = [m for m in (mention_of(doc, t) for t in about) if m is not None]
            cand.sources = [m for m in cand.sources if not any(m.start <= t.idx < m.end for t in about)]
            if not cand.sources:
                cand.source_how = ""
            tokens = [t for t in tokens if t not in about]
    if not tokens and noun.lemma_.lower() in DONE_BY_OF:
        # "the resignation of Luis Rivera Marín", "the withdrawal of the United Kingdom from the EU": who did it
        doers = [m for m in (mention_of(doc, t) for t in prep_objects(noun, frozenset({"of"}))) if m is not None]
        if doers:
            cand.sources, cand.source_how = doers[:1], f"'{noun.text} of {doers[0].text}'"
    if noun.lemma_.lower() in DONE_TO and cand.sources and all(
            m.actor.kind == "person" for m in cand.sources) and any(t.dep_ in ("poss", "compound") for t in tokens):
        # "al-Nimr's execution", "Navalny's arrest", "the Cohen raids": a person's arrest is done to them
        cand.targets, cand.sources, cand.source_how = cand.sources, [], ""
        cand.notes.append(f"'{noun.text}' of a person: the possessor is its target")
        return
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "issued seven pardons and four commutations": where the first one stands
    head = noun.head
    measure = False
    if noun.dep_ == "compound" and head.pos_ == "NOUN":  # "launched a mediation effort": through "effort"
        noun, head = head, head.head
    elif noun.dep_ == "appos" and head.dep_ in ("dative", "dobj") and head.head.lemma_.lower() in LIGHT_VERBS:
        # "granted Angela Stanton a full pardon", parsed with the pardon in apposition to its receiver
        cand.targets = [m for m in [mention_of(doc, head)] if m is not None]
        noun, head = head, head.head
    elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
            head.head.dep_ in LIGHT_NOUN_DEPS:  # "launched ten days of war games": through "days"
        noun, head, measure = head.head, head.head.head, True
    preps = PARTICIPATION.get(cand.entry.type, ())
    taking_part = noun.dep_ == "pobj" and head.lower_ in preps and _pos(head.head) == "VERB"
    if not cand.sources and taking_part and head.head.i not in verb_triggers:
        _subject_as_source(doc, cand, head.head, f"subject of '{head.head.text} {head.text}'")
    pleader = _guilty_of(noun) if not cand.sources else None
    if pleader is not None:
        person = mention_of(doc, pleader) or _person_mention(doc, pleader)
        if cand.entry.type in ("ACCUSE", "SANCTION"):
            # "pled guilty to charges related to ...": the charges were brought against them, by someone unnamed
            cand.targets = [person]
            cand.sources = [Mention(noun.idx, noun.idx, "", UNNAMED, how="unnamed")]
            cand.source_how = f"unnamed: '{pleader.text}' admitted guilt to it; the text does not say who charged"
        else:
            # "admitted his guilt in eight murders": the acts are theirs
            cand.sources = [person]
            cand.source_how = f"'{pleader.text}' admitted guilt in it"
        return
    claim = _claimant(noun)
    if not cand.sources and claim is not None:
        _subject_as_source(doc, cand, claim, f"claimed it ('{claim.text}')",
                           f"responsibility claimed by its doer ('{claim.text} ... {noun.text}')")
    if not cand.sources and noun.dep_ == "dobj" and _pos(head) == "VERB" and head.i not in verb_triggers \
            and head.lemma_.lower() in RECEIVING:
        # "Ukraine received aid from the US", "Avenatti received a prison term", "faces charges": done to the
        # subject, by whoever "from" names, else by someone unnamed
        agent, _, passive = clause_arguments(head)
        receiver = mention_of(doc, agent) if agent is not None and not passive else None
        givers = [m for m in (mention_of(doc, t) for t in prep_objects(head, frozenset({"from"}))) if m is not None]
        if receiver is not None or givers:
            cand.targets = [receiver] if receiver is not None else []
            if givers:
                cand.sources, cand.source_how = givers[:1], f"'{head.text} ... from {givers[0].text}'"
            elif cand.entry.type in UNNAMED_TYPES:
                cand.sources = [Mention(head.idx, head.idx, "", UNNAMED, how="unnamed")]
                cand.source_how = f"unnamed: '{head.text} {noun.text}' says who it was done to, not who did it"
            cand.notes.append(f"the subject of '{head.text}' is who it was done to")
            return
    if not cand.sources and noun.dep_ in LIGHT_NOUN_DEPS and _pos(head) == "VERB" and head.i not in verb_triggers \
            and head.lemma_.lower() in LIGHT_VERBS:
        _subject_as_source(doc, cand, head, f"subject of '{head.text}'", f"'{head.text} ... {noun.text}'")
    if not cand.sources and noun.dep_ in LIGHT_NOUN_DEPS and _pos(head) == "VERB" and head.i not in verb_triggers \
            and head.lemma_.lower() in LIGHT_VERBS and cand.entry.type in UNNAMED_TYPES:
        agent, patients, passive = clause_arguments(head)
        targets = _pick_targets(doc, patients, [])
        given = next((p for p in patients if p.lemma_.lower() in PEOPLE_DONE_TO or _named_person(p)), None)
        if not targets and given is not None:
            targets = [_person_mention(doc, given, how="done-to")]
        if agent is None and passive and targets:
            # "she was granted clemency", "he was given a life sentence": done to them by someone unnamed
            cand.targets = targets
            cand.sources = [Mention(head.idx, head.idx, "", UNNAMED, how="unnamed")]
            cand.source_how = f"unnamed (agentless passive '{head.text}'): the text does not say who"
            cand.entry = replace(cand.entry, confidence=cand.entry.confidence * UNNAMED_WEIGHT)
            return
    if not cand.sources and noun.dep_ == "pobj" and head.lower_ == "under" and \
            (cand.entry.type in AUTHORITY_ACTS or cand.entry.mode in AUTHORITY_MODES):
        # "was placed under investigation in Italy": the passive verb's subject, the place's authorities
        verb = head.head
        agent, patients, passive = clause_arguments(verb)
        if passive and agent is None:
            cand.targets = _pick_targets(doc, patients, [])
            _implicit_authority(doc, cand, verb)
            if not cand.sources:
                _implicit_authority(doc, cand)
            if cand.sources:
                return
    objects = prep_objects(noun, NOUN_TARGET_PREPS - {"of"} if measure else NOUN_TARGET_PREPS)
    if cand.source_how.startswith("subject of"):
        objects += prep_objects(head, TARGET_PREPS)
    if not cand.targets:
        cand.targets = _pick_targets(doc, objects, cand.sources)


# Nominal acts of one party, whose "of" names who did them ("the resignation of the minister").
DONE_BY_OF = word_set("""
resignation withdrawal departure exit retreat pullout visit arrival return surrender abdication walkout defection
protest demonstration strike boycott
""")
# Nominal acts whose possessor, when a person, is the one they were done to ("Navalny's arrest").
DONE_TO = word_set("""
execution kidnapping abduction beheading lynching killing murder assassination arrest detention torture imprisonment
jailing deportation expulsion extradition release conviction sentencing indictment prosecution trial raid search
impeachment
""")
# "claimed responsibility for the bombing", "took credit for the attack", "claimed the attack": the doer
# says it did it. Told as a claim (not the text's own finding), so coded with the claimant as its source.
CLAIMING = frozenset({"claim", "take", "accept", "assume", "admit", "acknowledge"})
CLAIMED = frozenset({"responsibility", "credit"})


def _claimant(noun: Token) -> Token | None:
    """The verb by which someone claims the event `noun` names ("claimed responsibility for the attack")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for":
        owner = head.head  # "responsibility for", or the verb itself where the parser hung "for" there
        if owner.lemma_.lower() in CLAIMED and owner.dep_ == "dobj" and owner.head.lemma_.lower() in CLAIMING:
            return owner.head
        if owner.lemma_.lower() in CLAIMING and owner.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED for c in owner.children):
            return owner
    if noun.dep_ == "dobj" and head.lemma_.lower() == "claim" and head.pos_ == "VERB":
        return head
    return None


PERMITTING = frozenset({"allow", "permit", "let", "authorize", "authorise"})
DECISIVE = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT"})


def _governor(cand: Candidate, by_token: dict[int, Candidate]) -> Candidate | None:
    """The trigger whose complement holds this one ("asked Wang Yi to help mediate"): the nearest
    request, threat, refusal or agreement above it, else the nearest trigger of the same type."""
    token = cand.token
    nearest: Candidate | None = None
    for _ in range(5):
        link = token.dep_
        if token.head == token:
            break
        infinitive = link == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        # "appealed to him to take advantage ... and urge Putin": a coordinated complement
        shared = link == "conj" and token.head.dep_ in ("xcomp", "ccomp")
        if not (link in ("xcomp", "ccomp", "pobj", "pcomp", "dobj", "prep") or infinitive or shared):
            break
        token = token.head
        found = by_token.get(token.i)
        if found is not None and found is not cand:
            if found.type in DECISIVE:
                return found
            nearest = nearest or found
    return nearest


ARMED_WORDS = ("troop", "soldier", "force", "army", "peacekeep", "marine", "warship", "militia", "battalion")


COMMANDING = frozenset({"order", "instruct", "direct", "command"})


def _commands(governor: Candidate, cand: Candidate) -> bool:
    """An order from an authority to its own armed forces or police."""
    if governor.token.lemma_.lower() not in COMMANDING or not governor.sources or not cand.sources:
        return False
    countries = {m.actor.country for m in governor.sources}
    return all((_armed(m) or m.actor.sector == "COP") and m.actor.country in countries | {None}
               for m in cand.sources)


def _armed(mention: Mention) -> bool:
    text = mention.text.lower()
    return mention.actor.sector == "MIL" or any(word in text for word in ARMED_WORDS)


def _purpose_of(cand: Candidate, tokens: dict[int, Candidate]) -> Candidate | None:
    """The event whose purpose this one states ("resigned to allow elections", "will visit X to
    mediate"): an infinitive adjunct without its own subject, under another trigger of the same actors."""
    token = cand.token
    if cand.entry.pos != "VERB" or token.dep_ != "advcl" or token.i < token.head.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return None
    other = tokens.get(token.head.i)
    if other is None or other is cand or not other.sources or other.type in ("REQUEST", "THREATEN"):
        return None
    return other


REASON_PREPS = frozenset({"for", "over"})


def _reason_of(cand: Candidate, tokens: dict[int, Candidate]) -> Candidate | None:
    """The event for which this nominal one is given as the reason ("sanctions on the Taliban for its
    support of ...", "a hunger strike in protest of the government's refusal ...")."""
    token = cand.token
    if cand.entry.pos != "NOUN" or token.dep_ not in ("pobj", "pcomp"):
        return None
    prep = token.head
    if prep.lower_ in REASON_PREPS:
        owner = prep.head
    elif prep.lower_ == "of" and prep.head.lemma_.lower() == "protest" and prep.head.head.lower_ == "in":
        owner = prep.head.head.head  # "in protest of"
    else:
        return None
    other = tokens.get(owner.i)
    while other is None and owner.dep_ in ("dobj", "pobj", "prep") and owner.head is not owner:
        owner = owner.head  # "imposed sanctions on the Taliban for ...": up to the verb's event
        other = tokens.get(owner.i)
    return other if other is not None and other is not cand else None


def _hung_on(token: Token) -> Token | None:
    """The verb whose clause a clause hangs on: "protesting" in "marched, protesting ...", "blocking" in
    "protested by blocking roads"."""
    if token.dep_ in ("advcl", "xcomp", "conj"):
        return token.head
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        return token.head.head
    return None


# Nominal events told as what a clause is about ("the attack came days before ...", "survived the attack",
# "arrests were made in Spain") whose doer the sentence does not name. Kept with an unnamed source, as
# GDELT keeps events with no first actor: their type, target, place and date are still news. Not in a
# background phrase ("in the attack", "the rally's speakers") and not where the sentence already has an event
# of the type with a named doer (the same event, told again).
# Not THREATEN: "the threat from North Korea" is mostly a danger, not a threat made.
NOMINAL_UNNAMED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "PROTEST", "CONCEDE", "RETREAT"})
# Verbs that undo what their object names.
UNDOING = word_set("""
lift ease end scrap remove relax suspend cancel revoke rescind drop overturn repeal halt withdraw
""")
# Verbs whose object has not happened, is only talked about ("to avoid sanctions", "discussed sanctions") or
# is being undone ("lifted the curfew": the lifting is the event).
NOT_HAPPENED = word_set("""
avoid prevent deter discuss debate fear risk consider weigh study review need want escape evade dodge
avert oppose resist urge demand seek propose threaten warn mention cite
serve carry
""") | UNDOING  # "served half his sentence", "the crimes carry a prison term of up to 42 years": no new event
NOMINAL_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _argument_noun(noun: Token) -> bool:
    """Whether a noun is a subject or object of its clause: itself, through the first of a list ("arrests and
    charges"), or through a measure ("two weeks of protests")."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        amount = noun.head.head  # "two weeks of protests", "all of the pardons", "some of the arrests"
        if amount.pos_ == "NOUN" and amount.lemma_.lower() in MEASURE_WORDS or amount.pos_ in ("DET", "PRON", "NUM"):
            noun = amount
    return noun.dep_ in NOMINAL_ARGUMENT_DEPS and noun.head.pos_ in ("VERB", "AUX") and \
        noun.head.lemma_.lower() not in NOT_HAPPENED


MEASURE_WORDS = word_set("""
day days week weeks month months year years night nights series wave waves string spate round rounds phase
""")


# Verbs whose subject is who the act their object names was done to ("received aid", "faces charges").
RECEIVING = word_set("""
receive get face obtain accept win earn draw incur
""")
# Verbs whose subject undergoes what their object names ("he survived a drone attack").
UNDERGOING = frozenset({"survive", "suffer", "escape", "endure", "face", "witness", "undergo", "sustain", "fear"})


def _unnamed_nominal(doc: Doc, candidates: list[Candidate]) -> None:
    named = {c.type for c in candidates if c.sources and not c.absorbed}
    for cand in candidates:
        if cand.absorbed or cand.sources or cand.entry.pos != "NOUN" or cand.type in named or \
                cand.type not in NOMINAL_UNNAMED_TYPES or not _argument_noun(cand.token):
            continue
        token = cand.token
        cand.sources = [Mention(token.idx, token.idx, "", UNNAMED, how="unnamed")]
        cand.source_how = (f"unnamed: the sentence tells of '{token.text}' as the {token.dep_} of "
                           f"'{token.head.text}' without saying who")
        cand.entry = replace(cand.entry, confidence=cand.entry.confidence * UNNAMED_WEIGHT)
        if not cand.negated and _pos(token.head) == "VERB":
            # "nobody is conducting a formal inquiry": the clause that tells of it denies it
            cand.negated, cand.negation_word = negated(token.head)
        if not cand.targets and token.dep_ == "dobj" and token.head.lemma_.lower() in UNDERGOING:
            subject = clause_arguments(token.head)[0]
            victim = mention_of(doc, subject) if subject is not None else None
            if victim is not None:
                cand.targets = [victim]  # "Wiranto survived the attack": done to Wiranto
        named.add(cand.type)  # one such event per type and sentence ("arrests and charges" stay two types)


def _fold_background(candidates: list[Candidate]) -> None:
    """Fold in what only elaborates another event of the sentence.

    - A protest's demands ("staged demonstrations to demand reforms") are part of the protest
      (PLOVER: protests making requests are PROTEST).
    - Damage done by rioters ("rioted, setting fire to their mattresses") is part of the riot (PLOVER:
      a riot is PROTEST, mode riot).
    - An event told in a clause that describes an argument of another event ("rejected a US offer to
      host a summit", "return a helicopter that was captured") is background to it.
    """
    live = [c for c in candidates if not c.absorbed]
    protests = [c for c in live if c.type == "PROTEST" and c.sources]

    def by_protesters(cand: Candidate, *, riot: bool = False) -> bool:
        names = {m.actor.name for m in cand.sources}
        return any(names & {m.actor.name for m in p.sources} for p in protests if not riot or p.mode == "riot")

    for cand in live:
        if cand.type == "REQUEST" and cand.sources and by_protesters(cand) or \
                cand.type == "ASSAULT" and cand.mode == "destroy" and cand.sources and by_protesters(cand, riot=True):
            cand.absorbed = True
        elif cand.type == "PROTEST" and any(
                p is not cand and p.token == _hung_on(cand.token) and not p.absorbed and p.sources == cand.sources
                for p in protests):
            # "marched in London, protesting ...", "protested by blocking roads": one protest told twice
            cand.absorbed = True
    for owner_of, role in ((_purpose_of, "purpose"), (_reason_of, "reason")):
        tokens = {c.token.i: c for c in live if not c.absorbed}
        for cand in live:
            host = owner_of(cand, tokens)
            if host is not None:
                cand.absorbed = True
                host.notes.append(f"with '{cand.token.text}' as its {role}")
    everyone = {c.token.i: c for c in live}
    for cand in live:
        if cand.absorbed:
            continue
        token = cand.token
        for _ in range(4):
            if token.head == token:
                break
            if token.dep_ in ("relcl", "acl") and token.head.dep_ in ("dobj", "pobj", "nsubjpass", "dative"):
                owner = token.head.head
                other = everyone.get(owner.i)
                # "tortured scores of refugees, whom authorities blame ...": up through the phrase to its event
                while other is None and owner.dep_ in ("prep", "pobj", "dobj") and owner.head is not owner:
                    owner = owner.head
                    other = everyone.get(owner.i)
                if other is not None and other is not cand:
                    cand.absorbed = True
                    other.notes.append(f"with '{cand.token.text}' as background")
                break
            token = token.head


def _unless(token: Token) -> str:
    """The word of an "unless" condition on the trigger's clause ("will withdraw ... unless ..."), or ""."""
    clause = token.head if token.pos_ == "NOUN" and token.dep_ in LIGHT_NOUN_DEPS else token
    for child in clause.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "unless" for c in child.children):
            return "unless"
    return ""


def _official(doc: Doc, mention: Mention) -> bool:
    """A state by name, or its government ("China", "the foreign ministry"), not its people ("Hungarians")."""
    if mention.how in ("crowd", "unnamed"):
        return False
    if mention.actor.sector == "GOV":
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ == "GPE" and span.root.pos_ == "PROPN" \
        and mention.actor.kind == "country"


def retype(cand: Candidate) -> str:
    """PLOVER's reading of modality and negation, applied in place; returns a note or "".

    Refused or failed cooperation is a rejection; cooperation announced for the future is an
    agreement; conflict announced for the future is a threat.
    """
    refused = cand.negated and (cand.modality == "intended" or cand.negation_word.lower() in REFUSING)
    if refused and cand.type in COOPERATIVE:
        note = f"refused {cand.type} ('{cand.negation_word}') coded REJECT"
        cand.type, cand.cameo, cand.mode = "REJECT", "120", None
        cand.negated, cand.modality = False, "asserted"
        return note
    condition = _unless(cand.token)
    if condition and cand.type not in COOPERATIVE | {"THREATEN", "REQUEST"} and not cand.negated and \
            cand.modality in ("intended", "asserted"):
        # "will boycott the elections unless ...": an action made conditional on the target's is a threat
        note = f"{cand.type} on condition ('{condition}') coded THREATEN"
        cand.type, cand.cameo, cand.mode = "THREATEN", CONDITIONAL_THREATEN.get(cand.type, "130"), None
        cand.modality = "asserted"
        return note
    if cand.modality == "intended" and cand.type == "ASSAULT" and \
            cand.modality_word.lower() in PREPARING:
        # "prepared to resume shelling", "is preparing an offensive": force posture (CAMEO 15), not yet force
        note = f"force prepared ('{cand.modality_word}') coded MOBILIZE"
        cand.type, cand.cameo, cand.mode = "MOBILIZE", "150", None
        cand.modality = "asserted"
        return note
    if cand.modality == "intended" and cand.type in FUTURE_AGREE:
        note = f"future {cand.type} coded AGREE"
        cand.type, cand.cameo, cand.mode = "AGREE", FUTURE_AGREE[cand.type], None
        return note
    if cand.modality == "intended" and cand.type in FUTURE_THREATEN:
        note = f"announced {cand.type} coded THREATEN"
        cand.type, cand.cameo, cand.mode = "THREATEN", FUTURE_THREATEN[cand.type], None
        return note
    return ""


QUESTION_WORDS = frozenset({"how", "why", "what", "whether", "if", "when", "where", "who", "which", "whom"})


def _asks_a_question(verb: Token) -> bool:
    """Whether "ask" has a question for its complement ("asked how ...", "asked him whether ...") and no
    "to"-complement or "for" (a request: "asked him to leave", "asked for help")."""
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl")):
        if clause.i > verb.i and any(t.lower_ in QUESTION_WORDS and t.i <= clause.i for t in clause.subtree):
            return True  # (the question word may be the whole clause: "residents asked: why?")
    return False


def code_sentence(doc: Doc, sentence: Span, *, petrarch: bool = False, extra: tuple[str, ...] = (),
                  vetoed: set[int] | None = None) -> list[Candidate]:
    """All pattern events of one sentence, with arguments, negation and modality decided (`extra`: users'
    trigger files, see `tables.triggers`; `vetoed`: see `find_candidates`)."""
    candidates = find_candidates(sentence, petrarch=petrarch, extra=extra, vetoed=vetoed)
    if not candidates:
        return _quoted_stances(doc, sentence)
    by_token = {c.token.i: c for c in candidates}
    cue_tokens = {c.cue.i for c in candidates if c.cue is not None}
    verb_triggers = {c.token.i for c in candidates if c.entry.pos == "VERB"}
    for cand in candidates:
        cand.type, cand.cameo, cand.mode = cand.entry.type, cand.entry.cameo, cand.entry.mode
        if cand.entry.pos == "NOUN" and cand.token.i in cue_tokens:
            cand.absorbed = True  # "imposed sanctions": the verb's event
            continue
        if cand.entry.pos == "NOUN" and cand.token.dep_ == "dobj" and cand.token.head.lemma_.lower() in UNDOING \
                and cand.token.head.i not in by_token:
            cand.absorbed = True  # "ended its blockade": what is undone is no event of its own now
            continue
        if cand.entry is MUST:
            _must_arguments(doc, cand)
            continue
        if cand.entry is AT_ODDS or cand.entry is CRITIC:
            _stance_arguments(doc, cand)
            continue
        if cand.entry.pos == "VERB":
            _verb_arguments(doc, cand)
        elif cand.entry.pos == "ADJ":
            _adjective_arguments(doc, cand)
        else:
            _noun_arguments(doc, cand, verb_triggers)
        # a nominal event told through its verb ("will extend the curfew") takes the verb's modality
        clause = cand.token.head if cand.source_how.startswith("subject of") or cand.entry.pos == "ADJ" \
            else cand.token
        cand.negated, cand.negation_word = negated(clause)
        cand.modality, cand.modality_word = modality(clause)
        if clause != cand.token and cand.modality == "asserted" and clause.lemma_.lower() in ("prepare", "plan"):
            cand.modality, cand.modality_word = "intended", clause.text  # "is preparing an offensive"
    for cand in candidates:
        if cand.absorbed:
            continue
        governor = _governor(cand, by_token)
        if governor is None or governor.absorbed:
            continue
        if cand.entry.pos == "NOUN" and cand.token.head == governor.token and \
                governor.token.lemma_.lower() in UNDOING:
            # "lifted its curfew", "ended the blockade": the undoing is the event, not what is undone
            cand.absorbed = True
            governor.notes.append(f"undoing '{cand.token.text}'")
        elif governor.token.lemma_.lower() in PERMITTING and governor.type in ("CONCEDE", "AGREE"):
            # "allowed the opposition to hold a rally": the permission is the event; what it permits may not happen
            cand.absorbed = True
            governor.notes.append(f"allowing '{cand.token.text}'")
        elif governor.type == "AGREE":
            cand.absorbed = True
            governor.notes.append(f"to '{cand.token.text}'")
        elif governor.type == "REQUEST" and _commands(governor, cand):
            # "the government ordered police patrols", "Putin ordered troops into Ukraine": an order to one's
            # own forces is the act itself, by whoever gave it
            cand.notes.append(f"ordered by {governor.sources[0].text} ('{governor.token.text}')")
            cand.sources, cand.joint, cand.source_how = governor.sources, governor.joint, governor.source_how
            governor.absorbed = True
        elif governor.type == "REQUEST":
            cand.modality, cand.modality_word = "requested", governor.token.text
            code = "028" if cand.token.lemma_ in ("mediate", "mediation") else REQUEST_FOR.get(cand.type)
            if code and governor.cameo in ("020", "100"):
                governor.cameo = code if governor.cameo == "020" else "10" + code[2:]
                governor.notes.append(f"for '{cand.token.text}'")
        elif governor.type == "THREATEN":
            cand.modality, cand.modality_word = "hypothetical", governor.token.text
        elif governor.type == "REJECT" and governor.entry.pos == "VERB" and governor.entry.type == "REJECT":
            # "refused to lift its veto": one rejection, of what the complement names
            cand.absorbed = True
            governor.notes.append(f"refused '{cand.token.text}'")
            if not governor.targets:
                governor.targets = [t for t in cand.targets if _different(t, governor.sources)]
        elif governor.type == "REJECT":
            cand.negated, cand.negation_word = True, governor.token.text
        elif governor.type == cand.type and cand.entry.pos == "NOUN":
            cand.absorbed = True
    _fold_background(candidates)
    _unnamed_nominal(doc, candidates)
    for cand in candidates:
        if cand.absorbed:
            continue
        if cand.type == "CONSULT" and cand.mode == "visit" and cand.sources and _armed(cand.sources[0]):
            # troops "arriving in" a country are deployed, not visiting
            peacekeepers = "peacekeep" in cand.sources[0].text.lower()
            cand.type, cand.cameo, cand.mode = ("AID", "074", None) if peacekeepers else ("MOBILIZE", "154", "troops")
            cand.notes.append("armed forces arriving: " + ("peacekeeping" if peacekeepers else "deployment"))
        if cand.type == "PROTEST" and cand.token.lemma_.lower() == "protest" and cand.sources and \
                all(_official(doc, m) for m in cand.sources):
            # "China protested the visit": a state's protest is an official complaint (CAMEO 114), not a
            # demonstration
            cand.type, cand.cameo, cand.mode = "ACCUSE", "114", "disapprove"
            cand.notes.append("a protest by a state or government: an official complaint")
        if cand.type == "CONSULT" and any(t.lemma_.lower() in PHONE_WORDS and t.i != cand.token.i
                                          for t in cand.token.subtree) and cand.cameo != "041":
            cand.cameo, cand.mode = "041", "phone"
            cand.notes.append("by phone")
        note = retype(cand)
        if note:
            cand.notes.append(note)
    live = [c for c in candidates if not c.absorbed]
    if not any(c.type in STANCES and c.sources for c in live):
        live += _quoted_stances(doc, sentence)  # a stance the patterns told no other way
    return live
