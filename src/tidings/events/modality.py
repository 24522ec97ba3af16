"""Whether an event is said to have happened: negation and modality from the clause around the trigger."""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "can", "should", "must", "ca", "'d", "ought"})
# Nouns whose infinitive tells an act not (yet) done: asked for ("a deadline for Turkey to release the pastor"),
# meant ("a plan to withdraw its troops"), or only possible ("the right to strike").
NOUN_MOODS = {**dict.fromkeys(("deadline", "ultimatum", "demand", "call", "request", "appeal", "plea", "order",
                               "pressure", "invitation", "instruction", "mandate"), "requested"),
              **dict.fromkeys(("plan", "bid", "attempt", "effort", "proposal", "offer", "promise", "pledge",
                               "decision", "intention", "commitment", "move", "push", "drive", "campaign"),
                              "intended"),
              **dict.fromkeys(("threat", "right", "power", "authority", "need", "chance", "ability", "option",
                               "possibility", "freedom", "permission", "way"), "hypothetical")}
INTEND_HEADS = frozenset({"plan", "intend", "want", "hope", "seek", "prepare", "aim", "expect",
                          "vow", "pledge", "promise", "agree", "offer", "wish", "resolve",
                          "commit", "propose", "consider", "mean", "set", "schedule", "poise", "ready", "willing",
                          "prepared", "determined", "eager", "swear"})
REPORTING = frozenset({"say", "tell", "announce", "state", "report", "declare", "add", "claim", "confirm",
                       "insist", "indicate", "reiterate", "warn", "write", "believe", "promise", "signal"})
HYPOTHETICAL_HEADS = frozenset({"fear", "threaten", "warn", "risk", "worry", "could", "if", "ought"})
NEGATING_HEADS = frozenset({"fail", "refuse", "decline", "deny", "reject", "avoid", "stop", "cease", "halt",
                            "postpone", "cancel", "suspend"})
TIME_MARKS = frozenset({"before", "until", "till", "once", "when", "after", "as soon as"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})


# (not "threatened": "mounted its long-threatened invasion" did it)
NOUN_HEDGES = {**dict.fromkeys(("possible", "potential", "likely", "probable", "prospective", "hypothetical",
                                 "feared", "rumoured", "rumored"), "hypothetical"),
               **dict.fromkeys(("planned", "proposed", "intended", "upcoming", "forthcoming", "future"), "intended")}


def _infinitive_adjunct(token: Token) -> bool:
    """"have sworn to fight" parsed as an adverbial clause: an infinitive without a subject of its own."""
    return token.dep_ == "advcl" and token.i > token.head.i and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _chain(token: Token, limit: int = 3) -> list[tuple[Token, str]]:
    """The trigger and the verbs above it through complements and coordination, with the link to each."""
    chain = [(token, "")]
    current = token
    while len(chain) <= limit and current.head != current and (
            current.dep_ in ("xcomp", "ccomp", "conj", "pcomp") or _infinitive_adjunct(current)):
        chain.append((current.head, current.dep_))
        current = current.head
    return chain


def _reported(verb: Token) -> bool:
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head == verb:
            return False
        verb = verb.head
        if verb.lemma_.lower() in REPORTING:
            return True
    return False


# Verbs of saying, knowing and meaning: what a negated one governs is not told as having happened.
KNOWING = frozenset({"mean", "say", "think", "believe", "confirm", "know", "expect", "suggest", "indicate", "show",
                     "see", "claim", "report"})


def negated(token: Token) -> tuple[bool, str]:
    """(negated, the word that says so) for a trigger: "hadn't urged", "no talks", "failed to agree"."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True, child.text
    if token.dep_ in ("xcomp", "ccomp") and token.head != token:
        head = token.head
        if token.dep_ == "xcomp":
            for child in head.children:
                if child.dep_ == "neg":
                    return True, child.text
        if head.lemma_.lower() in NEGATING_HEADS and token.dep_ == "xcomp":
            return True, head.text
        if token.dep_ == "ccomp" and head.lemma_.lower() in KNOWING:
            # "that doesn't mean I agree", "officials did not confirm that troops had withdrawn": not told as so
            word = next((c for c in head.children if c.dep_ == "neg"), None)
            if word is not None:
                return True, f"{word.text} {head.text}"  # (a denial of knowing, not a refusal to act)
    if token.dep_ == "pobj" and token.head.lower_ == "without":
        return True, token.head.text
    if token.pos_ in ("VERB", "AUX"):
        # "No coalition troops were injured", "no one was arrested": a subject that denies the event
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                word = next((t for t in child.children if t.dep_ == "det" and t.lower_ == "no"), None)
                if word is not None:
                    return True, word.text
                if child.lower_ in ("nobody", "none") or (child.lower_ == "one" and any(
                        t.lower_ == "no" for t in child.children)):
                    return True, child.text
    return False, ""


def modality(token: Token) -> tuple[str, str]:
    """(modality, the word that says so): asserted, intended, hypothetical (requested is decided by the
    caller, which knows the request triggers)."""
    if token.lemma_.lower() not in ("ask", "wonder", "question") and any(
            t.text == "?" and t.i > token.i and (t.head == token or t.head.is_ancestor(token)) and
            t.head.lemma_.lower() not in ("ask", "wonder") for t in token.sent):
        # "Will the president sit down with Mueller?", '"Why are we having a meeting without Russia?" he asked';
        # the question's own clause only (not "Russia shelled the city, and residents asked: why?")
        return "hypothetical", "?"
    for i, (verb, link) in enumerate(_chain(token)):
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass"):
                word = child.lower_
                if word in FUTURE_AUX:
                    return "intended", child.text
                if word in ("would", "'d") and _reported(verb):
                    return "intended", child.text  # "said it would allow": the future of reported speech
                if word in HYPOTHETICAL_AUX:
                    return "hypothetical", child.text
                if word == "going" or (child.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children
                                                                   if c.dep_ == "aux" and c.i > child.i)):
                    return "intended", child.text
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return "hypothetical", child.text
        if i > 0 and link != "conj":
            lemma = verb.lemma_.lower()
            if lemma in INTEND_HEADS and not (lemma == "mean" and link == "ccomp"):  # "meant to", not "means that"
                return "intended", verb.text
            if lemma in HYPOTHETICAL_HEADS:
                return "hypothetical", verb.text
    top = _chain(token)[-1][0]
    if top.dep_ in ("acl", "relcl") and top.head.pos_ == "NOUN" and top.head.lemma_.lower() in NOUN_MOODS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
        # "a deadline for Turkey to release the pastor", "a plan to withdraw": not done, only asked for or meant
        return NOUN_MOODS[top.head.lemma_.lower()], top.head.text
    if token.dep_ == "advcl" and token.head != token and any(
            c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in token.children):
        # "must agree to changes before they demobilize", "will withdraw once a deal is signed": a time clause
        # of an event not yet real is not real either
        mood, word = modality(token.head)
        if mood != "asserted":
            return mood, word
    if token.pos_ == "NOUN":
        for child in token.children:
            # "possible sanctions", "a likely arrest", "the planned offensive": not (yet) done
            if child.dep_ == "amod" and child.lower_ in NOUN_HEDGES:
                return NOUN_HEDGES[child.lower_], child.text
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in (
                "fear", "threat", "risk", "possibility", "prospect", "plan", "danger"):
            return "hypothetical", head.head.text
    return "asserted", ""
