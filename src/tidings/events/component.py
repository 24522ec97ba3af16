"""The `tidings_events` spaCy component: sets `doc._.tidings_events` (list[Event]).

Patterns first (see `coding.py`); then, for sentences with an actor but no pattern event, the sentence
classifier (see `classifier.py`). Each event gets its CAMEO code's Goldstein score and quad class, a date
resolved against `doc._.tidings_published`, a place from its sentence, who reported it (`via`), a
confidence and an explanation. Sentences in `doc._.tidings_boilerplate` are skipped.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401  (registers Doc extensions)
from ..actors.lookup import mention_for
from ..clean.boilerplate import in_spans
from ..document import Event, Location, Mention, TextSpan, make_code
from . import tables
from .arguments import (
    RELATIONAL,
    TARGET_PREPS,
    clause_arguments,
    first_actors,
    further_targets,
    mention_of,
    place_mention,
    prep_objects,
    same_actor,
)
from .classifier import NONE, default_classifier, main_verb
from .coding import SYMMETRIC, UNDERGOING, Candidate, code_sentence, retype
from .modality import modality, negated
from .reporting import REPORTING, reported_by
from .tables import DEFAULT_CAMEO, Trigger, cameo_info, context_for, plover_for
from .when import event_date, parse_published
from .where import event_place, locate

# Actor codes of bodies that belong to no one state ("Red Cross officials", al-Qaeda): never given the
# country of the place where they act.
TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")
REQUIRES_TARGET = frozenset({"COOPERATE", "AID", "SANCTION"})
# Events aimed at a state's own people or government when no target is named: "imposed a curfew in
# Cizre", "students demonstrated in Jakarta" (the place's state is the target, even the source's own).
DOMESTIC = frozenset({"PROTEST", "COERCE", "CONCEDE", "ASSAULT", "THREATEN", "AID"})
# Acts a state does at home, and its own bodies that act at home: their target of unknown country is
# taken as the source's own where the sentence names no other state.
AT_HOME = frozenset({"CONCEDE", "COERCE", "PROTEST"})
AT_HOME_SECTORS = frozenset({"COP", "JUD"})
# Acts done with another party, often abroad: their doer of unknown state is not taken as of the place.
MET_ABROAD = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID"})
# Clauses of their own: a place inside one is not where the trigger's event happened.
OTHER_CLAUSE = frozenset({"acl", "advcl", "relcl", "ccomp", "csubj", "conj", "parataxis"})
ENV_TRIGGERS = "TIDINGS_EVENT_TRIGGERS"


def trigger_paths(configured: list[str] | None = None) -> tuple[str, ...]:
    """Users' trigger files: the configured ones, then those in TIDINGS_EVENT_TRIGGERS (os.pathsep-separated)."""
    paths = list(configured or [])
    paths.extend(p for p in os.environ.get(ENV_TRIGGERS, "").split(os.pathsep) if p.strip())
    return tuple(paths)


CLASSIFIED = Trigger("", "VERB", frozenset(), "", None, "", 0.0, source="classifier")


class EventsComponent:
    """Finds PLOVER events in a parsed Doc whose actors and quotes are already marked."""

    def __init__(self, nlp: Language, name: str, *, use_patterns: bool = True, use_classifier: bool = True,
                 classifier_threshold: float = 0.6, petrarch_verbs: bool = False,
                 triggers: list[str] | None = None) -> None:
        self.name = name
        self.petrarch_verbs = petrarch_verbs
        self.trigger_files = trigger_paths(triggers)
        tables.triggers(petrarch_verbs, self.trigger_files)  # read and check users' files now, not mid-batch
        self.use_patterns = use_patterns
        self.use_classifier = use_classifier
        self.classifier_threshold = classifier_threshold

    def __call__(self, doc: Doc) -> Doc:
        spans = sorted(doc._.tidings_boilerplate or [])
        published = parse_published(doc._.tidings_published)
        events: list[Event] = []
        pending: list[Span] = []
        self._ents = list(doc.ents)  # Doc.ents is rebuilt at each access: read it once
        self._home = _article_state(doc)
        for sentence in doc.sents:
            boiler = bool(spans) and in_spans(sentence.start_char, sentence.end_char, spans)
            if boiler:
                # spaCy may join an "Also Read | ..." line to the next sentence: keep the rest of it
                kept = _without_boilerplate(sentence, spans)
                if kept is None:
                    continue
                sentence = kept
            made: list[Event] = []
            vetoed: set[int] = set()
            if self.use_patterns:
                for cand in code_sentence(doc, sentence, petrarch=self.petrarch_verbs, extra=self.trigger_files,
                                          vetoed=vetoed):
                    made.extend(self._events(doc, sentence, cand, published))
            # not where the dictionary says the main verb is no event ("offered little clarity", "asked how")
            if not made and self.use_classifier and _has_actor(doc, sentence) and main_verb(sentence).i not in vetoed:
                pending.append(sentence)
            events.extend(made)
        if pending:
            events.extend(self._classify(doc, pending, published))
        events.sort(key=lambda e: (e.trigger.start, e.source.start if e.source else 0))
        for n, event in enumerate(events, 1):
            event.id = f"e{n}"
        doc._.tidings_events = events
        return doc

    # -- events from patterns ------------------------------------------------------------------

    def _events(self, doc: Doc, sentence: Span, cand: Candidate, published: date | None) -> list[Event]:
        if not cand.sources:
            return []
        pairs: list[tuple[Mention, Mention | None]] = []
        targets, target_how = cand.targets, ""
        if cand.joint and not cand.targets and (cand.type in SYMMETRIC | {"ASSAULT"} or cand.mutual):
            pairs = [(s, t) for s in cand.sources for t in cand.sources if s is not t]
        else:
            if not targets:
                targets, target_how = self._implicit_targets(doc, sentence, cand)
            choices: list[Mention | None] = [*targets] or [None]
            pairs.extend((source, target) for source in cand.sources for target in choices)
        trigger = _trigger_span(cand)
        words = f"'{trigger.text}'"
        cues = f" + '{cand.cue.text}'" if cand.cue is not None and cand.cue.i != cand.token.i else ""
        why = [(f"pattern ({cand.entry.source}) {cand.entry.lemma}/{cand.entry.pos} on {words}{cues}"
                f" -> {cand.type} {cand.cameo}")]
        why.append(f"source: {cand.source_how}" + (" (joint)" if cand.joint else ""))
        why.extend(cand.notes)
        if target_how:
            why.append(target_how)
        confidence = cand.entry.confidence
        if cand.type in REQUIRES_TARGET and not cand.targets:
            confidence *= 0.85
        return [self._make(doc, sentence, cand.token, trigger, cand.type, cand.cameo, cand.mode, source, target,
                           cand.negated, cand.negation_word, cand.modality, cand.modality_word, published,
                           confidence, list(why), avoid=[(m.start, m.end) for m in targets])
                for source, target in pairs]

    def _implicit_targets(self, doc: Doc, sentence: Span, cand: Candidate) -> tuple[list[Mention], str]:
        """Targets where the trigger's own objects name none: further down its phrases ("a suspension of
        air links with Serbia"), else the state of the event's place ("suspended aid deliveries in
        Baghdad"; for domestic acts even the source's own: "imposed a curfew in Cizre")."""
        found = first_actors(doc, further_targets(cand.token, away=cand.type not in ("AID", "SUPPORT")),
                             cand.sources, same_state=cand.type == "PROTEST",
                             places_at_home=cand.type in DOMESTIC)
        if found:
            return found, f"target further down the phrase: '{found[0].text}'"
        if cand.joint:
            return [], ""  # "Palestinians and Israelis failed to agree in Jerusalem": each other's
        # an act abroad is aimed at the place where it is done ("opened an embassy in Tehran"), not at the
        # place of what it is about ("condemned the attack on its embassy in Kabul")
        reach = 99 if cand.type in DOMESTIC else 3
        ents = [e for e in self._ents if sentence.start <= e.start < sentence.end and _in_clause(e.root, cand.token)
                and _arcs(e.root, cand.token) <= reach]
        location, words = locate(ents, cand.token, skip=tuple((m.start, m.end) for m in cand.sources))
        if location is None or not location.country:
            return [], ""
        # a source of unknown country will be placed there: a domestic act too
        countries = {m.actor.country for m in cand.sources if m.actor.country or not _stateless(m)}
        if (location.country in countries or None in countries) and cand.type not in DOMESTIC:
            return [], ""
        place = place_mention(doc, ents, location, words)
        if place is None or any(place.start < m.end and m.start < place.end for m in cand.sources):
            return [], ""
        return [place], f"target: the state of the place '{words}'"

    def _make(self, doc: Doc, sentence: Span, token: Token, trigger: TextSpan, type_: str, cameo: str,
              mode: str | None, source: Mention, target: Mention | None, negated_: bool, negation_word: str,
              modality_: str, modality_word: str, published: date | None, confidence: float,
              why: list[str], avoid: list[tuple[int, int]] | None = None) -> Event:
        info = cameo_info(cameo)
        if mode is None:
            plover = plover_for(cameo)
            mode = plover[1] if plover and plover[0] == type_ else None
        via, via_how = reported_by(doc, token)
        via = [m for m in via if not (m.start <= token.idx < m.end)]
        # "Britain said the army and the rebels must ...": not the rebels' state ("Nigerian state radio
        # reported": the nationality of a newsroom, though, tells where the news is from)
        reporters = {m.start for m in via if not _modifier(doc, m)}
        skip = ((source.start, source.end),) + (((target.start, target.end),) if target else ())
        ents = [e for e in self._ents if sentence.start <= e.start < sentence.end]
        location, place = locate(ents, token, skip=skip + tuple(avoid or ()))
        if source.actor.country is None and not _stateless(source):
            # protesters are mostly of the state they protest against: its country may be theirs
            # the place of a meeting or a deal is often abroad ("Khan met the Chinese president in Beijing")
            source, how = _localized(doc, source, location if type_ not in MET_ABROAD else None, sentence=sentence,
                                     target=target if type_ != "PROTEST" else None, reporters=reporters)
            if not how:
                source, how = _of_article_state(source, self._home, role="source")
                if how:
                    confidence *= 0.85
            if how:
                why.append(how)
                if "only state named" in how:
                    confidence *= 0.85  # a guess from the sentence, weaker than a place or "in X"
            elif source.how != "unnamed":
                # a doer of no known state: none of 13 such events on the gold halves that may be read had
                # the gold's source state, so they rank below every other kind (an unnamed doer is no
                # such doer: the event does not claim one)
                confidence *= 0.5
        elif location is not None and location.country and location.country != source.actor.country \
                and _people(doc, source):
            # "ethnic Albanians demonstrated in Serbia": a people is coded by where it lives (CAMEO)
            why.append(f"source country from the place '{location.name}' ({source.text} living there)")
            source = replace(source, actor=replace(source.actor, country=location.country,
                                                   code=make_code(location.country, source.actor.sector)))
        if target is not None and target.actor.country is None and not _stateless(target):
            # "the peacekeeping force in Lebanon", "rebels" fighting where the event happens
            target, how = _target_localized(doc, target, token, source, ents, sentence, reporters, type_)
            if not how:
                target, how = _of_article_state(target, self._home, role="target")
            if how:
                why.append(how)
        if negated_:
            why.append(f"negated by '{negation_word}'")
        if modality_ != "asserted":
            why.append(f"{modality_} ('{modality_word}')")
        location, place = event_place(location, place, ents, token, source=source, type_=type_)
        when, when_why = event_date(ents, token, published, future=modality_ == "intended")
        if when_why:
            why.append(when_why)
        if place:
            why.append(f"place '{place}'")
        if via:
            why.append(f"reported by {' > '.join(m.text for m in via)} ({via_how})")
        return Event(
            id="", type=type_, trigger=trigger, sentence=(sentence.start_char, sentence.end_char),
            source=source, target=target, mode=mode, context=context_for(cameo), cameo=cameo,
            goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
            negated=negated_, modality=modality_, date=when.isoformat() if when else None, location=location,
            via=via, confidence=round(max(0.05, min(0.97, confidence)), 3), explanation="; ".join(why),
        )

    # -- events from the classifier ------------------------------------------------------------

    def _classify(self, doc: Doc, sentences: list[Span], published: date | None) -> list[Event]:
        classifier = default_classifier()
        if classifier is None:
            return []
        out = []
        for sentence, (label, prob) in zip(sentences, classifier.predict(sentences)):
            if label == NONE or prob < self.classifier_threshold:
                continue
            root = sentence.root
            if root.lemma_.lower() in REPORTING:
                # "X said that Y ...": the event is in what was said
                said = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in (
                    "VERB", "AUX")), None)
                if said is None:
                    continue
                root = said
            if root.lemma_.lower() in UNDERGOING:
                continue  # "he survived a drone attack": the subject is who it was done to, the doer unnamed
            if not any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep", "advcl", "prt", "attr", "acomp")
                       for c in root.children):
                continue  # '"Why should Germany pay?" the chancellor asked.': a verb with nothing it acts on
            agent, patients, _ = clause_arguments(root)
            source = mention_of(doc, agent) if agent is not None else None
            if source is None:
                continue
            target = None
            for token in [*patients, *prep_objects(root, TARGET_PREPS)]:
                found = mention_of(doc, token)
                if found is not None and not same_actor(found.actor, source.actor):
                    target = found
                    break
            cameo = DEFAULT_CAMEO[label]
            trigger = TextSpan(root.idx, root.idx + len(root.text), root.text)
            cand = Candidate(root, CLASSIFIED, type=label, cameo=cameo)
            cand.negated, cand.negation_word = negated(root)
            cand.modality, cand.modality_word = modality(root)
            words = ", ".join(f"'{term}'" for term in classifier.evidence(sentence, label))
            why = [(f"classifier (wordllama embeddings + words of the parse, logistic regression) p={prob:.2f} "
                    f"for {label} on the sentence" + (f", mostly from {words}" if words else "")
                    + f"; trigger = main verb '{root.text}'"), "source: subject"]
            note = retype(cand)
            if note:
                why.append(note)
            out.append(self._make(doc, sentence, root, trigger, cand.type, cand.cameo, cand.mode, source, target,
                                  cand.negated, cand.negation_word, cand.modality, cand.modality_word, published,
                                  prob * 0.8, why))
        return out


def _modifier(doc: Doc, mention: Mention) -> bool:
    """Whether the mention is a newsroom or officials known by their nationality ("Nigerian state radio"),
    not a state or person by name ("Britain", "Boris Johnson")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ == "NOUN"


def _stateless(mention: Mention) -> bool:
    """An international body, NGO or group of no one state ("Red Cross officials", al-Qaeda)."""
    return mention.actor.sector in ("IGO", "NGO") or (mention.actor.code or "").upper().startswith(TRANSNATIONAL)


def _in_clause(token: Token, trigger: Token) -> bool:
    """Whether `token` hangs in the trigger's own clause (for a noun trigger, its verb's), not in another
    clause inside it ("rejected an invitation to attend a meeting ... from Israel": not the rejection's place)."""
    anchors = {trigger.i}
    if trigger.pos_ != "VERB" and trigger.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
        anchors.add(trigger.head.i)
    while token.i not in anchors:
        if token.dep_ in OTHER_CLAUSE or token.head.i == token.i:
            return False
        token = token.head
    return True


def _without_boilerplate(sentence: Span, spans: list[tuple[int, int]]) -> Span | None:
    """The longest run of the sentence's tokens outside boilerplate spans, or None."""
    best: tuple[int, int] | None = None
    run_start: int | None = None
    for token in [*sentence, None]:
        inside = token is None or in_spans(token.idx, token.idx + len(token.text), spans) or (
            token.is_space and run_start is None)
        if not inside and run_start is None:
            run_start = token.i
        elif inside and run_start is not None:
            end = token.i if token is not None else sentence.end
            if best is None or end - run_start > best[1] - best[0]:
                best = (run_start, end)
            run_start = None
    if best is None or best[1] - best[0] < 3:
        return None
    return sentence.doc[best[0]:best[1]]


LOCAL_PREPS = frozenset({"in", "from", "of", "throughout", "across", "inside"})


def _article_state(doc: Doc) -> tuple[str, str] | None:
    """(ISO code, how counted) of the state an article is about: the country of at least half of its
    mentions that have one, and of two or more; None where no state leads so."""
    counts = Counter(m.actor.country for m in doc._.tidings_mentions or [] if m.actor.country)
    if not counts:
        return None
    (country, n), total = counts.most_common(1)[0], sum(counts.values())
    if n < 2 or n * 2 < total:
        return None
    return country, f"{country}, {n} of {total} mentions with a state"


def _of_article_state(mention: Mention, home: tuple[str, str] | None, *, role: str) -> tuple[Mention, str]:
    """The mention with the state the article is about, where it is a person or group of no stated
    allegiance ("Avenatti was convicted ...; Avenatti said ...", "multiple assailants attacked ..."), as
    ICEWS codes unknown people; never unidentified attackers or doers the text leaves unnamed."""
    if home is None or mention.actor.kind not in ("person", "group") or mention.how in ("unidentified", "unnamed"):
        return mention, ""
    country, counted = home
    actor = replace(mention.actor, country=country, code=make_code(country, mention.actor.sector))
    return replace(mention, actor=actor), f"{role} country: the state the article is about ({counted})"


def _localized(doc: Doc, mention: Mention, location: Location | None, *, sentence: Span | None = None,
               target: Mention | None = None, role: str = "source",
               reporters: frozenset[int] | set[int] = frozenset()) -> tuple[Mention, str]:
    """The mention with a country where its actor has none: from "rebels in the Ivory Coast", else from
    the place of the event (an actor of unknown country acting there is taken as local)."""
    if mention.how == "unnamed":
        return mention, ""  # an agentless passive's doer: placed nowhere
    head = next((t for t in doc.char_span(mention.start, mention.end, alignment_mode="expand") or []
                 if not (mention.start <= t.head.idx < mention.end) or t.head == t), None)
    country, how = None, ""
    if head is not None:
        for pobj in prep_objects(head, LOCAL_PREPS):
            if pobj.lower_ in RELATIONAL:
                continue  # "a commander of Israel's allies"
            found = mention_for(doc, pobj.left_edge.idx, pobj.idx + len(pobj.text))
            if found is not None and found.actor.country:
                country, how = found.actor.country, f"{role} country from '{pobj.head.text} {found.text}'"
                break
    if country is None and location is not None and location.country:
        country, how = location.country, f"{role} country from the place '{location.name}'"
    if country is None and sentence is not None and mention.how not in ("unidentified", "unnamed"):
        # (unidentified attackers are placed where they struck, never by the states their victims belong to)
        # "President Omar El Bashir shortened the curfew imposed in Sudan": the one state the sentence names
        named = {m.actor.country: m for m in doc._.tidings_mentions or []
                 if sentence.start_char <= m.start < sentence.end_char and m.actor.country
                 and m.actor.kind in ("country", "person", "organization") and m.start != mention.start
                 and m.start not in reporters}
        if target is not None:
            named.pop(target.actor.country, None)
        if len(named) == 1:
            country, other = next(iter(named.items()))
            how = f"source country from the only state named in the sentence ('{other.text}')"
    if country is None:
        return mention, ""
    actor = replace(mention.actor, country=country,
                    code=make_code(country, mention.actor.sector) if mention.actor.code in (None, mention.actor.sector)
                    else mention.actor.code)
    return replace(mention, actor=actor), how


def _target_localized(doc: Doc, target: Mention, trigger: Token, source: Mention, ents: list[Span],
                      sentence: Span, reporters: set[int], type_: str) -> tuple[Mention, str]:
    """A target of unknown country placed: "the peacekeeping force in Lebanon", "killed three militants in
    Gaza" (a place close to the trigger); else the one state other than the source's that the sentence
    names ("the Sudanese government and the rebels in Darfur"); else, where it names no other, the
    source's own for acts done at home ("Egyptian police dispersed demonstrators", "the court allowed the
    opposition leader to run"; not "the US will supply the rebels")."""
    if target.actor.kind == "region":
        return target, ""  # "Europe", "the West": of no one state
    # people harmed or held whom no actor names ("shot him dead outside a store in London") are where it was done
    near = ents if target.how == "done-to" else [e for e in ents if _arcs(e.root, trigger) <= 3]
    location = locate(near, trigger)[0] if near else None
    target, how = _localized(doc, target, location, role="target")
    if how or not source.actor.country or target.actor.kind in ("country", "region"):
        return target, how
    others = {m.actor.country: m for m in doc._.tidings_mentions or []
              if sentence.start_char <= m.start < sentence.end_char and m.actor.country
              and m.actor.country != source.actor.country and m.start != target.start and m.start not in reporters
              and not _above(doc, m, trigger)}
    # "the government", "the police": the state's own, unless another is named
    generic = target.text.lower().startswith("the ") and target.actor.sector in AT_HOME_SECTORS | {"GOV", "MIL", "LEG"}
    if len(others) > 1 or not others and not (source.actor.sector in AT_HOME_SECTORS or type_ in AT_HOME or generic):
        return target, ""
    country, how = source.actor.country, f"target country that of the source ('{source.text}'): no other named"
    if others:
        country, other = next(iter(others.items()))
        how = f"target country from the only other state named in the sentence ('{other.text}')"
    actor = replace(target.actor, country=country,
                    code=make_code(country, target.actor.sector) if target.actor.code in (None, target.actor.sector)
                    else target.actor.code)
    return replace(target, actor=actor), how


def _above(doc: Doc, mention: Mention, trigger: Token) -> bool:
    """Whether the mention is the subject of a clause the trigger's clause hangs from ("the United States
    revealed that it has confidence that the regime used ...": not a party to the use)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = span.root.head
    return verb.i != trigger.i and any(a.i == verb.i for a in trigger.ancestors)


def _arcs(token: Token, trigger: Token) -> int:
    """How many dependency arcs up from `token` to the trigger (or its verb, for a noun); 99 if not under it."""
    anchors = {trigger.i, trigger.head.i} if trigger.pos_ != "VERB" else {trigger.i}
    for n in range(8):
        if token.i in anchors:
            return n
        if token.head.i == token.i:
            break
        token = token.head
    return 99


def _people(doc: Doc, mention: Mention) -> bool:
    """A nationality in the plural ("Albanians", "ethnic Serbs"): a people, not a state."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].tag_ in ("NNPS", "NNS") and \
        span[-1].ent_type_ == "NORP"


def _has_actor(doc: Doc, sentence: Span) -> bool:
    return mention_for(doc, sentence.start_char, sentence.end_char) is not None


def _trigger_span(cand: Candidate) -> TextSpan:
    token = cand.token
    first = last = token
    cue = cand.cue
    if cue is not None and cue.dep_ in ("prt", "dobj", "compound", "amod", "prep", "nsubjpass") and \
            abs(cue.i - token.i) <= 4:
        first, last = (cue, token) if cue.i < token.i else (token, cue)
    span = token.doc[first.i:last.i + 1]  # Span.text reads only its own tokens (Doc.text joins all)
    return TextSpan(span.start_char, span.end_char, span.text)


@Language.factory(
    "tidings_events",
    assigns=["doc._.tidings_events"],
    requires=["doc._.tidings_mentions", "doc._.tidings_quotes"],
    default_config={"use_patterns": True, "use_classifier": True, "classifier_threshold": 0.6,
                    "petrarch_verbs": False, "triggers": []},
)
def make_events(nlp: Language, name: str, use_patterns: bool, use_classifier: bool,
                classifier_threshold: float, petrarch_verbs: bool, triggers: list[str]) -> EventsComponent:
    return EventsComponent(nlp, name, use_patterns=use_patterns, use_classifier=use_classifier,
                           classifier_threshold=classifier_threshold, petrarch_verbs=petrarch_verbs,
                           triggers=triggers)
