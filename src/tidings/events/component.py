"""The `tidings_events` spaCy component: sets `doc._.tidings_events` (list[Event]).

Patterns first (see `coding.py`); then, for sentences with an actor but no pattern event, the sentence
classifier (see `classifier.py`). Each event gets its CAMEO code's Goldstein score and quad class, a date
resolved against `doc._.tidings_published`, a place from its sentence, who reported it (`via`), a
confidence and an explanation. Sentences in `doc._.tidings_boilerplate` are skipped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401  (registers Doc extensions)
from ..actors.lookup import mention_for
from ..clean.boilerplate import in_spans
from ..document import Event, Location, Mention, TextSpan, make_code
from .arguments import TARGET_PREPS, clause_arguments, mention_of, prep_objects
from .classifier import NONE, default_classifier
from .coding import SYMMETRIC, Candidate, code_sentence, retype
from .modality import modality, negated
from .reporting import REPORTING, reported_by
from .tables import DEFAULT_CAMEO, Trigger, cameo_info, context_for, plover_for
from .when import parse_published, resolve
from .where import locate

# Actor codes of bodies that belong to no one state ("Red Cross officials", al-Qaeda): never given the
# country of the place where they act.
TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")
REQUIRES_TARGET = frozenset({"COOPERATE", "AID", "SANCTION"})
CLASSIFIED = Trigger("", "VERB", frozenset(), "", None, "", 0.0, source="classifier")


class EventsComponent:
    """Finds PLOVER events in a parsed Doc whose actors and quotes are already marked."""

    def __init__(self, nlp: Language, name: str, *, use_patterns: bool = True, use_classifier: bool = True,
                 classifier_threshold: float = 0.7, petrarch_verbs: bool = False) -> None:
        self.name = name
        self.petrarch_verbs = petrarch_verbs
        self.use_patterns = use_patterns
        self.use_classifier = use_classifier
        self.classifier_threshold = classifier_threshold

    def __call__(self, doc: Doc) -> Doc:
        spans = sorted(doc._.tidings_boilerplate or [])
        published = parse_published(doc._.tidings_published)
        events: list[Event] = []
        pending: list[Span] = []
        self._ents = list(doc.ents)  # Doc.ents is rebuilt at each access: read it once
        for sentence in doc.sents:
            boiler = bool(spans) and in_spans(sentence.start_char, sentence.end_char, spans)
            if boiler:
                # spaCy may join an "Also Read | ..." line to the next sentence: keep the rest of it
                sentence = _without_boilerplate(sentence, spans)
                if sentence is None:
                    continue
            made: list[Event] = []
            if self.use_patterns:
                for cand in code_sentence(doc, sentence, petrarch=self.petrarch_verbs):
                    made.extend(self._events(doc, sentence, cand, published))
            if not made and self.use_classifier and _has_actor(doc, sentence):
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
        if cand.joint and not cand.targets and cand.type in SYMMETRIC | {"ASSAULT"}:
            pairs = [(s, t) for s in cand.sources for t in cand.sources if s is not t]
        else:
            for source in cand.sources:
                for target in cand.targets or [None]:
                    pairs.append((source, target))
        trigger = _trigger_span(cand)
        words = f"'{trigger.text}'"
        cues = f" + '{cand.cue.text}'" if cand.cue is not None and cand.cue.i != cand.token.i else ""
        why = [(f"pattern ({cand.entry.source}) {cand.entry.lemma}/{cand.entry.pos} on {words}{cues}"
                f" -> {cand.type} {cand.cameo}")]
        why.append(f"source: {cand.source_how}" + (" (joint)" if cand.joint else ""))
        why.extend(cand.notes)
        confidence = cand.entry.confidence
        if cand.type in REQUIRES_TARGET and not cand.targets:
            confidence *= 0.85
        return [self._make(doc, sentence, cand.token, trigger, cand.type, cand.cameo, cand.mode, source, target,
                           cand.negated, cand.negation_word, cand.modality, cand.modality_word, published,
                           confidence, list(why), avoid=[(m.start, m.end) for m in cand.targets])
                for source, target in pairs]

    def _make(self, doc: Doc, sentence: Span, token: Token, trigger: TextSpan, type_: str, cameo: str,
              mode: str | None, source: Mention, target: Mention | None, negated_: bool, negation_word: str,
              modality_: str, modality_word: str, published: date | None, confidence: float,
              why: list[str], avoid: list[tuple[int, int]] | None = None) -> Event:
        info = cameo_info(cameo)
        if mode is None:
            plover = plover_for(cameo)
            mode = plover[1] if plover and plover[0] == type_ else None
        skip = ((source.start, source.end),) + (((target.start, target.end),) if target else ())
        ents = [e for e in self._ents if sentence.start <= e.start < sentence.end]
        location, place = locate(ents, token, skip=skip + tuple(avoid or ()))
        transnational = (source.actor.code or "").upper().startswith(TRANSNATIONAL)
        if source.actor.country is None and source.actor.sector not in ("IGO", "NGO") and not transnational:
            source, how = _localized(doc, source, location, sentence=sentence, target=target)
            if how:
                why.append(how)
                if "only state named" in how:
                    confidence *= 0.85  # a guess from the sentence, weaker than a place or "in X"
            else:
                confidence *= 0.8
        elif location is not None and location.country and location.country != source.actor.country \
                and _people(doc, source):
            # "ethnic Albanians demonstrated in Serbia": a people is coded by where it lives (CAMEO)
            why.append(f"source country from the place '{location.name}' ({source.text} living there)")
            source = replace(source, actor=replace(source.actor, country=location.country,
                                                   code=make_code(location.country, source.actor.sector)))
        if negated_:
            why.append(f"negated by '{negation_word}'")
        if modality_ != "asserted":
            why.append(f"{modality_} ('{modality_word}')")
        when, when_why = _date(ents, token, published)
        if when_why:
            why.append(when_why)
        if place:
            why.append(f"place '{place}'")
        via, via_how = reported_by(doc, token)
        via = [m for m in via if not (m.start <= token.idx < m.end)]
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
            agent, patients, _ = clause_arguments(root)
            source = mention_of(doc, agent) if agent is not None else None
            if source is None:
                continue
            target = None
            for token in [*patients, *prep_objects(root, TARGET_PREPS)]:
                found = mention_of(doc, token)
                if found is not None and found.actor.name != source.actor.name:
                    target = found
                    break
            cameo = DEFAULT_CAMEO[label]
            trigger = TextSpan(root.idx, root.idx + len(root.text), root.text)
            cand = Candidate(root, CLASSIFIED, type=label, cameo=cameo)
            cand.negated, cand.negation_word = negated(root)
            cand.modality, cand.modality_word = modality(root)
            why = [(f"classifier (wordllama + logistic regression) p={prob:.2f} for {label} on the sentence; "
                    f"trigger = main verb '{root.text}'"), "source: subject"]
            note = retype(cand)
            if note:
                why.append(note)
            out.append(self._make(doc, sentence, root, trigger, cand.type, cand.cameo, cand.mode, source, target,
                                  cand.negated, cand.negation_word, cand.modality, cand.modality_word, published,
                                  prob * 0.8, why))
        return out


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


def _localized(doc: Doc, mention: Mention, location: Location | None, *, sentence: Span | None = None,
               target: Mention | None = None) -> tuple[Mention, str]:
    """The mention with a country where its actor has none: from "rebels in the Ivory Coast", else from
    the place of the event (an actor of unknown country acting there is taken as local)."""
    head = next((t for t in doc.char_span(mention.start, mention.end, alignment_mode="expand") or []
                 if not (mention.start <= t.head.idx < mention.end) or t.head is t), None)
    country, how = None, ""
    if head is not None:
        for pobj in prep_objects(head, LOCAL_PREPS):
            found = mention_for(doc, pobj.left_edge.idx, pobj.idx + len(pobj.text))
            if found is not None and found.actor.country:
                country, how = found.actor.country, f"source country from '{pobj.head.text} {found.text}'"
                break
    if country is None and location is not None and location.country:
        country, how = location.country, f"source country from the place '{location.name}'"
    if country is None and sentence is not None:
        # "President Omar El Bashir shortened the curfew imposed in Sudan": the one state the sentence names
        named = {m.actor.country: m for m in doc._.tidings_mentions or []
                 if sentence.start_char <= m.start < sentence.end_char and m.actor.country
                 and m.actor.kind in ("country", "person", "organization") and m.start != mention.start}
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


def _date(ents: list[Span], trigger: Token, published: date | None) -> tuple[date | None, str]:
    if published is None:
        return None, ""
    best: tuple[int, date, str] | None = None
    for ent in ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        day = resolve(ent.text, published)
        if day is None:
            continue
        distance = abs(ent.root.i - trigger.i) - (5 if ent.root.head == trigger else 0)
        if best is None or distance < best[0]:
            best = (distance, day, ent.text)
    if best is None:
        return published, "date: publication"
    return best[1], f"date '{best[2]}'"


@Language.factory(
    "tidings_events",
    assigns=["doc._.tidings_events"],
    requires=["doc._.tidings_mentions", "doc._.tidings_quotes"],
    default_config={"use_patterns": True, "use_classifier": True, "classifier_threshold": 0.7,
                    "petrarch_verbs": False},
)
def make_events(nlp: Language, name: str, use_patterns: bool, use_classifier: bool,
                classifier_threshold: float, petrarch_verbs: bool) -> EventsComponent:
    return EventsComponent(nlp, name, use_patterns=use_patterns, use_classifier=use_classifier,
                           classifier_threshold=classifier_threshold, petrarch_verbs=petrarch_verbs)
