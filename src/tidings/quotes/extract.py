"""Finding quotes in a parsed Doc: who said what, to whom, according to whom.

Three sources of evidence, combined in one pass over the Doc:

1. Reporting cues from the dependency parse: a reporting verb (the list is data, in
   `data/reporting_verbs.txt`) with its subject (the speaker) and its clausal complement
   (the content): "Kuleba said that China had promised ...". Inverted ("said Kuleba"),
   participles ("a statement saying ..."), "according to X" and verbs whose content is a
   request ("appealed to his counterpart to ...") are read the same way.
2. Quotation marks paired by characters (`marks.py`): a quoted stretch is given to the
   cue of its sentence, to a cue ending in a colon just before it, or, where a paragraph
   is one quote with no cue, to the speaker of the quote before it.
3. The attribution chain (`via`): a cue inside another cue's content is reported by that
   cue's speaker ("CNN reported that the ministry released a statement saying ...").
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..actors import mention_for
from ..clean.boilerplate import in_spans
from ..document import Actor, Mention, Quote, TextSpan
from .marks import ALL_MARKS, QuoteMarks, find_quote_marks, paragraphs

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "xcomp", "advcl")
SPEAKER_RIGHT_DEPS = ("appos", "compound", "flat", "nummod", "poss", "amod")
SPEAKER_PREPS = ("of", "for", "at", "from")
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "warn", "urge", "ask", "remind", "brief",
                             "promise", "advise", "instruct", "appeal", "plead", "caution"})
REQUEST_VERBS = frozenset({"urge", "ask", "appeal", "plead", "call", "demand", "warn", "advise",
                           "instruct", "remind", "tell", "promise", "pledge", "vow", "threaten",
                           "propose", "recommend", "agree", "refuse"})
SPEECH_NOUNS = frozenset({"statement", "interview", "briefing", "tweet", "letter", "post", "speech",
                          "release", "message", "remarks", "comment", "communique", "report",
                          "conference", "email", "video", "note", "op-ed", "editorial", "address"})
CONTINUATION_OPENERS = frozenset({"there", "then", "also", "further", "furthermore", "moreover",
                                  "in", "during", "it", "additionally"})
PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "you", "him", "her", "me", "us"})
MIN_UNCUED_WORDS = 4
SPEECH_VERBS = frozenset({"say", "tell", "add", "write", "explain", "note", "argue", "insist", "state", "declare",
                          "continue", "tweet", "recall", "reply", "respond", "ask", "warn", "claim", "comment"})
OBJECT_DEPS = ("dobj", "oprd", "xcomp", "ccomp", "attr", "acomp", "dative")
OBJECT_PREPS = ("as", "for", "of", "about", "on", "to", "over", "against")
NO_OBJECT_CONTENT = frozenset({"say", "tell", "ask", "add", "speak", "talk", "report", "read", "write", "tweet",
                               "post", "email", "quote", "cite", "answer", "reply", "respond", "continue"})
INVERTED_ONLY = frozenset({"read"})
RAISING_VERBS = frozenset({"seem", "appear"})
AUDIENCE_NOUNS = frozenset({"reporter", "journalist", "press", "audience", "crowd", "supporter", "voter", "official",
                            "lawmaker", "counterpart", "minister", "leader", "citizen", "national", "people", "member",
                            "delegate", "student", "worker", "viewer", "listener", "reader", "committee", "court",
                            "judge", "jury", "senator", "president", "host", "interviewer", "anchor", "diplomat",
                            "colleague", "ally", "donor", "follower", "fan", "congress", "parliament", "council",
                            "government", "ministry", "agency", "world", "nation", "public"})
CLAIM_NOUNS = frozenset({"statement", "claim", "assertion", "suggestion", "assumption", "belief", "hope", "promise",
                         "warning", "concern", "allegation", "accusation", "fear", "argument", "view", "notion",
                         "doubt", "criticism", "complaint", "speculation", "announcement", "insistence", "charge",
                         "contention", "prediction", "pledge", "vow", "threat", "assurance", "admission",
                         "acknowledgment", "suspicion", "expectation", "conclusion", "finding", "testimony",
                         "understanding", "sense", "idea", "theory", "rumor", "report", "reports", "call",
                         "demand", "plan", "message", "opinion", "confidence"})
QUOTE_ONLY = frozenset({"continue", "shoot", "fire", "snap", "laugh", "scream", "gush", "sniff", "put", "offer",
                        "begin", "go", "sigh", "shrug", "whisper", "chime", "cry", "smile", "groan", "muse"})  # reporting only before their subject


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """The lemmas of verbs that report speech, writing or thought (from `data/reporting_verbs.txt`)."""
    text = resources.files(__package__).joinpath("data/reporting_verbs.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(slots=True)
class Attribution:
    """A quote being built: token-level evidence before it becomes a `Quote`."""

    cue: tuple[int, int] | None  # char span of the cue
    speaker: tuple[int, int] | None  # char span of the speaker mention
    content: tuple[int, int] | None
    rule: str
    confidence: float
    addressee: tuple[int, int] | None = None
    addressee_head: Token | None = None
    cue_token: Token | None = None
    speaker_head: Token | None = None
    marks: list[QuoteMarks] = field(default_factory=list)
    sentence: tuple[int, int] = (0, 0)
    paragraph: int = 0
    via: list[Attribution] = field(default_factory=list)
    inherited: Attribution | None = None  # the quote whose speaker a cue-less quote continues

    def content_span(self) -> tuple[int, int] | None:
        spans = [(m.start, m.end) for m in self.marks]
        if self.content:
            spans.append(self.content)
        if not spans:
            return None
        return min(s for s, _ in spans), max(e for _, e in spans)


class QuoteFinder:
    """Finds the quotes of one Doc; `find()` returns them in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.verbs = reporting_verbs()
        self.boilerplate = sorted(doc._.tidings_boilerplate or [])
        self.paragraphs = paragraphs(self.text)
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.marks = [m for m in find_quote_marks(self.text, self.paragraphs)
                      if not in_spans(m.outer_start, m.outer_end, self.boilerplate)]
        self.mark_starts = [m.outer_start for m in self.marks]

    # ---- positions -----------------------------------------------------------------
    def paragraph_of(self, char: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, char) - 1, 0)

    def mark_at(self, char: int) -> QuoteMarks | None:
        i = bisect.bisect_right(self.mark_starts, char) - 1
        if i >= 0 and self.marks[i].outer_start <= char < self.marks[i].outer_end:
            return self.marks[i]
        return None

    def sentence_span(self, token: Token) -> tuple[int, int]:
        """The token's sentence, cut to its paragraph (the parser may run sentences across lines)."""
        sent = token.sent
        start, end = sent.start_char, sent.end_char
        p_start, p_end = self.paragraphs[self.paragraph_of(token.idx)] if self.paragraphs else (start, end)
        return max(start, p_start), min(end, p_end)

    # ---- spans from the parse ------------------------------------------------------
    def clip(self, start: int, end: int, para: int) -> tuple[int, int] | None:
        p_start, p_end = self.paragraphs[para]
        start, end = max(start, p_start), min(end, p_end)
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:—–-"):
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:—–-"):
            end -= 1
        return (start, end) if end > start else None

    def subtree_span(self, token: Token, *, without: Token | None = None) -> tuple[int, int]:
        """Char span of `token`'s subtree; where `without` is inside it, only the side of it holding `token`."""
        left, right = token.left_edge, token.right_edge
        start, end = left.idx, right.idx + len(right.text)
        if without is not None and left.i <= without.i <= right.i:
            cut_left, cut_right = without.left_edge, without.right_edge
            if without.i > token.i:
                end = cut_left.idx
            else:
                start = cut_right.idx + len(cut_right.text)
        return start, end

    def speaker_span(self, head: Token) -> tuple[int, int]:
        """The noun phrase of a speaker: its left part, appositions and "of"-phrases, no clauses."""
        tokens = [head]
        for child in head.children:
            if child.i < head.i or child.dep_ in SPEAKER_RIGHT_DEPS or (
                    child.dep_ == "prep" and child.lower_ in SPEAKER_PREPS):
                tokens.extend(child.subtree)
        if self.mark_at(head.idx) is None:
            # never reach into a quotation: '"What if ...?" the 43-year-old asked'
            tokens = [t for t in tokens if self.mark_at(t.idx) is None and t.text not in ALL_MARKS]
            lo = hi = head.i
            chosen = {t.i for t in tokens}
            while lo - 1 in chosen:
                lo -= 1
            while hi + 1 in chosen:
                hi += 1
            tokens = [t for t in tokens if lo <= t.i <= hi] or [head]
        start_tok = min(tokens, key=lambda t: t.i)
        end_tok = max(tokens, key=lambda t: t.i)
        span = self.doc[start_tok.i: end_tok.i + 1]
        while len(span) > 1 and (span[0].is_punct or span[0].is_space or span[0].dep_ == "cc"):
            span = span[1:]
        while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
            span = span[:-1]
        return span.start_char, span.end_char

    # ---- speakers ------------------------------------------------------------------
    def subject_of(self, verb: Token, depth: int = 0) -> tuple[Token | None, str]:
        """The speaker token of a reporting verb, and how it was found."""
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj, "agent of the passive"
        verb_quoted = self.mark_at(verb.idx) is not None
        for child in verb.children:
            if verb.lemma_ in RAISING_VERBS and child.dep_ in ("nsubj", "nsubjpass"):
                return None, ""  # "none of them seemed to fit": no one speaks
            if child.dep_ in ("nsubj", "csubj") or (
                    child.dep_ == "nsubjpass" and verb.lemma_ in ("quote", "cite")):
                if not verb_quoted and self.mark_at(child.idx) is not None:
                    continue  # a subject inside the quotation is the parser's mistake
                return child, "subject"
        if depth == 0:
            for child in verb.rights:  # '"...," declared Alyssa Van Wagenen': the inverted subject
                if child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "dative") \
                        and (child.pos_ == "PROPN" or child.ent_type_ in ("PERSON", "ORG")) \
                        and child.left_edge.i == verb.i + 1 and verb.i > 0 \
                        and (self.doc[verb.i - 1].text in ALL_MARKS or self.mark_at(verb.idx - 2) is not None):
                    return child, "subject after the verb"
                break
        if depth > 3:
            return None, ""
        head = verb.head
        if head == verb:
            return None, ""
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            found, _ = self.subject_of(head, depth + 1)
            return found, ("shared subject of " + head.text) if found is not None else ""
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            found, _ = self.subject_of(head.head, depth + 1)  # "began by saying ..."
            return found, ("shared subject of " + head.head.text) if found is not None else ""
        if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head, "noun the relative clause qualifies"
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if head.lemma_.lower() in SPEECH_NOUNS:
                for child in head.children:
                    if child.dep_ == "poss":
                        return child, "owner of the " + head.text
                if head.dep_ in ("dobj", "pobj", "nsubjpass"):
                    owner_verb = head.head if head.dep_ != "pobj" else head.head.head
                    if owner_verb.pos_ in ("VERB", "AUX"):
                        found, _ = self.subject_of(owner_verb, depth + 1)
                        if found is not None:
                            return found, f"who issued the {head.text}"
                return None, ""
            return head, "noun the participle qualifies"
        return None, ""

    @staticmethod
    def worth_keeping(attribution: Attribution) -> bool:
        """Rules that, measured on PolNeAR's train split, find more non-attributions than attributions."""
        if attribution.marks:
            return True
        if attribution.speaker is None and "its object as content" in attribution.rule:
            return False  # "the plan, which called X 'Y'": no one to have said it
        if "noun the participle qualifies" in attribution.rule and "its object as content" in attribution.rule:
            head = attribution.speaker_head
            return head is not None and head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        return "clause the inverted cue hangs off" not in attribution.rule

    def nearby_speaker(self, verb: Token, *, names_only: bool = False) -> Token | None:
        """Where the parse gives no subject: the name or pronoun right beside the cue, outside quotes.

        '"...," Huckabee said.' and '"...," said Huckabee' parsed with the quote's words as subject.
        """
        sent = verb.sent
        for step in (-1, 1):
            i = verb.i + step
            while sent.start <= i < sent.end and (self.doc[i].dep_ in ("advmod", "aux", "neg")
                                                  and self.doc[i].pos_ != "PUNCT"):
                i += step  # "Huckabee also said"
            if not (sent.start <= i < sent.end):
                continue
            token = self.doc[i]
            if self.mark_at(token.idx) is not None or token.is_punct:
                continue
            if names_only and step == 1:
                continue
            if token.pos_ == "PROPN" or (token.pos_ == "PRON" and token.lower_ in PERSON_PRONOUNS | {"they"}) \
                    or (token.pos_ == "NOUN" and step == -1 and not names_only) \
                    or (token.pos_ == "ADJ" and step == -1 and not names_only
                        and any(c.dep_ == "det" for c in token.children)) or (
                    token.like_num and step == -1 and names_only):
                while token.dep_ in ("compound", "flat", "pobj", "prep", "appos", "amod", "poss") \
                        and token.head != token and token.head.i != verb.i \
                        and token.head.pos_ in ("PROPN", "NOUN", "ADP"):
                    token = token.head
                if self.mark_at(token.idx) is None:
                    return token
            if step == 1 and not names_only:
                # '"...," said Oversight ranking Democrat Elijah Cummings': the last name before a comma
                last = None
                j = i
                while j < sent.end and not self.doc[j].is_punct and j - i < 8:
                    if self.doc[j].pos_ == "PROPN":
                        last = self.doc[j]
                    elif last is not None:
                        break
                    j += 1
                if last is not None:
                    return last
        return None

    def speech_noun_owner(self, noun: Token) -> Token | None:
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        return None

    # ---- contents ------------------------------------------------------------------
    def content_of(self, verb: Token) -> tuple[tuple[int, int] | None, str]:
        para = self.paragraph_of(verb.idx)
        pieces: list[tuple[int, int]] = []
        owners: list[Token] = []
        how = ""
        for child in verb.children:
            if child.dep_ == "ccomp":
                start, end = self.subtree_span(child, without=verb)
                for clause in child.children:
                    # "... will continue", even as X asked Y: the "as" clause is the writer's, not the speaker's
                    if clause.dep_ == "advcl" and clause.i > child.i and any(
                            c.dep_ == "mark" and c.lower_ in ("as", "while", "whereas") for c in clause.children) \
                            and any(c.dep_ in SUBJECTS for c in clause.children):
                        end = min(end, clause.left_edge.idx)
                pieces.append((start, end))
                owners.append(child)
                how = "clausal complement"
            elif child.dep_ in ("xcomp", "advcl") and verb.lemma_ in REQUEST_VERBS and child.i > verb.i \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                start, end = self.subtree_span(child)
                for obj in verb.children:
                    if obj.dep_ in ("dobj",) and obj.i < child.i:
                        start = min(start, obj.left_edge.idx)
                pieces.append((start, end))
                owners.append(child)
                how = "infinitive complement"
            elif child.dep_ == "dobj" and verb.lemma_ in ("say", "write", "tweet") and child.pos_ == "VERB":
                pieces.append(self.subtree_span(child))
                owners.append(child)
                how = "clausal object"
        if not pieces and verb.lemma_ not in NO_OBJECT_CONTENT:
            # "called the plan 'a disaster'", "praised Cruz for showing ...": the object and what follows it
            parts = [c for c in verb.rights if c.dep_ in OBJECT_DEPS or (
                c.dep_ == "prep" and c.lower_ in OBJECT_PREPS)]
            if parts and any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") or c.dep_ == "prep" for c in parts) \
                    and not (len(parts) == 1 and parts[0].pos_ == "PRON" and not list(parts[0].children)):
                pieces.append((parts[0].left_edge.idx, parts[-1].right_edge.idx + len(parts[-1].right_edge)))
                owners.append(parts[0])
                how = "object"
        if len(pieces) > 1:
            # "He said A; however, B, he added": a clause with a cue of its own is not this cue's content
            kept = [span for child, span in zip(owners, pieces)
                    if not (child.lemma_ in self.verbs and any(c.dep_ in SUBJECTS for c in child.children)
                            and self.mark_at(child.idx) is None)]
            pieces = kept or pieces
        if not pieces and (verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.head.i < verb.i)) \
                and any(c.dep_ in SUBJECTS for c in verb.children) \
                and verb.head.sent == verb.sent and verb.head.lemma_ not in self.verbs:
            # "The plan failed, he said." parsed with "said" hanging off the reported clause
            start, end = self.subtree_span(verb.head, without=verb)
            pieces.append((start, end))
            how = "clause the inverted cue hangs off"
        if not pieces:
            return None, ""
        start, end = min(s for s, _ in pieces), max(e for _, e in pieces)
        return self.clip(start, end, para), how

    def addressee_of(self, verb: Token) -> tuple[tuple[int, int], Token] | None:
        for child in verb.children:
            if child.dep_ in ("dative", "dobj") and verb.lemma_ in ADDRESSEE_VERBS and self.actorish(child):
                return self.speaker_span(child), child
            if child.dep_ == "prep" and child.lower_ in ("to", "with") and verb.lemma_ != "agree":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and self.actorish(pobj):
                        return self.speaker_span(pobj), pobj
        for child in verb.children:
            # "Speaking to CNN, Kuleba said"; "In an interview with CNN, ..."
            if child.dep_ == "advcl" and child.lemma_ in ("speak", "talk", "write") and child.i < verb.i:
                found = self.addressee_of(child)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_ in ("interview", "letter", "call"):
                        for prep in pobj.children:
                            if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                                for target in prep.children:
                                    if target.dep_ == "pobj" and self.actorish(target):
                                        return self.speaker_span(target), target
        return None

    def actorish(self, token: Token) -> bool:
        """Whether a word can be someone spoken to: a name, a pronoun, a known actor, "reporters"."""
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if token.pos_ == "PRON":
            return token.lower_ in PERSON_PRONOUNS or token.lower_ in ("them", "it", "they")
        if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            return False
        if token.pos_ == "PROPN" or token.lemma_.lower() in AUDIENCE_NOUNS:
            return True
        return mention_for(self.doc, token.idx, token.idx + len(token.text)) is not None

    # ---- the pass ------------------------------------------------------------------
    def from_verb(self, verb: Token) -> Attribution:
        content, content_how = self.content_of(verb)
        addressee = self.addressee_of(verb)
        speaker_tok, speaker_how = self.subject_of(verb)
        speaker = self.speaker_span(speaker_tok) if speaker_tok is not None else None
        cue_end = verb.idx + len(verb.text)
        cue_start = verb.idx
        for child in verb.children:  # particles: "pointed out", "called for"
            if child.dep_ == "prt" and child.i == verb.i + 1:
                cue_end = child.idx + len(child.text)
        confidence = 0.85 if speaker and content else 0.6
        if verb.lemma_ not in SPEECH_VERBS and content_how in ("object", "infinitive complement"):
            confidence -= 0.2  # a stance or wish ("supported Russia") more than something said
        rule = f"reporting verb '{verb.text}'"
        if speaker_how:
            rule += f" with its {speaker_how} as speaker"
        if content_how:
            rule += f" and its {content_how} as content"
        return Attribution(
            cue=(cue_start, cue_end), speaker=speaker, content=content, rule=rule, confidence=confidence,
            addressee=addressee[0] if addressee else None, addressee_head=addressee[1] if addressee else None,
            speaker_head=speaker_tok, cue_token=verb,
            sentence=self.sentence_span(verb), paragraph=self.paragraph_of(verb.idx))

    def from_noun(self, noun: Token) -> Attribution | None:
        """'his claim that ...', 'concerns were raised that ...', 'X made the promise to ...'."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and any(
                m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
                and noun.lemma_ in ("promise", "pledge", "vow", "threat", "call", "demand", "plan")), None)
        if clause is None:
            return None
        para = self.paragraph_of(noun.idx)
        content = self.clip(clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge), para)
        speaker_tok = next((c for c in noun.children if c.dep_ == "poss"), None)
        how = "owner"
        if speaker_tok is None and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
            speaker_tok, _ = self.subject_of(noun.head) if noun.dep_ == "dobj" else (None, "")
            how = "subject of " + noun.head.text
        return Attribution(
            cue=(noun.idx, noun.idx + len(noun.text)), speaker=self.speaker_span(speaker_tok) if speaker_tok else None,
            content=content, rule=f"claim noun '{noun.text}' with a that-clause; speaker: {how}",
            confidence=0.6 if speaker_tok is not None else 0.4, speaker_head=speaker_tok,
            sentence=self.sentence_span(noun), paragraph=para, cue_token=noun)

    def from_according(self, token: Token) -> Attribution | None:
        """ "according to X, CONTENT" and "CONTENT, according to X"."""
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
            to = self.doc[token.i + 1]
        if to is None:
            return None
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        sent_start, sent_end = self.sentence_span(token)
        phrase_start = token.idx
        phrase_end = max(source.right_edge.idx + len(source.right_edge.text), to.idx + len(to.text))
        para = self.paragraph_of(token.idx)
        before = self.clip(sent_start, phrase_start, para)
        after = self.clip(phrase_end, sent_end, para)
        content = max((s for s in (before, after) if s), key=lambda s: s[1] - s[0], default=None)
        if content and self.text[content[1] - 1] == ".":
            content = (content[0], content[1] - 1)
        return Attribution(
            cue=(token.idx, to.idx + len(to.text)), speaker=self.speaker_span(source), content=content,
            rule="'according to' names the speaker; the rest of the sentence is the content",
            confidence=0.8, speaker_head=source, sentence=(sent_start, sent_end), paragraph=para)

    def candidates(self) -> list[Attribution]:
        found: list[Attribution] = []
        for token in self.doc:
            if token.pos_ not in ("VERB", "NOUN") and token.lower_ != "according":
                continue
            if in_spans(token.idx, token.idx + len(token), self.boilerplate) or self.mark_at(token.idx):
                continue
            if token.lower_ == "according":
                attribution = self.from_according(token)
            elif token.pos_ == "VERB" and token.lemma_.lower() in self.verbs:
                attribution = self.from_verb(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS:
                attribution = self.from_noun(token)
            elif token.pos_ == "VERB" and token.lemma_.lower() in QUOTE_ONLY:
                attribution = self.from_verb(token)  # '"...," she continued.': a cue only beside a quotation
                attribution.content = None
            elif token.pos_ == "VERB" and token.lemma_.lower() in INVERTED_ONLY and any(
                    c.dep_ == "nsubj" and c.i > token.i for c in token.children):
                attribution = self.from_verb(token)  # '"...", reads the report'
            else:
                continue
            if attribution is not None:
                found.append(attribution)
        return found

    def claim_marks(self, found: list[Attribution]) -> list[QuoteMarks]:
        """Give each quoted stretch to a cue; return the ones no cue took."""
        by_paragraph: dict[int, list[Attribution]] = {}
        for attribution in found:
            by_paragraph.setdefault(attribution.paragraph, []).append(attribution)
        loose: list[QuoteMarks] = []
        for mark in self.marks:
            para = self.paragraph_of(mark.start)
            best: Attribution | None = None
            best_key: tuple[int, int] | None = None
            for attribution in by_paragraph.get(para, []):
                s_start, s_end = attribution.sentence
                content = attribution.content
                if content and content[0] <= mark.start and mark.end <= content[1]:
                    key = (0, 0)
                elif s_start < mark.outer_end and mark.outer_start < s_end:
                    cue_pos = attribution.cue[0] if attribution.cue else s_start
                    key = (1 if attribution.speaker else 2,
                           min(abs(cue_pos - mark.outer_end), abs(cue_pos - mark.outer_start)))
                elif 0 <= s_start - mark.outer_end <= 2 and attribution.cue and attribution.speaker \
                        and attribution.cue[0] - s_start < 60 and not attribution.content:
                    key = (3, 0)  # '"...." He said.' split into a sentence of its own
                else:
                    continue
                if best_key is None or key < best_key:
                    best, best_key = attribution, key
            if best is None:
                # a cue ending in a colon just before: 'Trump said:' then the quote
                best = self.colon_cue(found, mark)
            if best is not None:
                best.marks.append(mark)
            else:
                loose.append(mark)
        return loose

    def colon_cue(self, found: list[Attribution], mark: QuoteMarks) -> Attribution | None:
        before = self.text[max(mark.outer_start - 3, 0): mark.outer_start].strip()
        if not before.endswith(":"):
            # the quote opens a paragraph right after one that ends with a colon
            para = self.paragraph_of(mark.outer_start)
            if para == 0 or self.paragraphs[para][0] != mark.outer_start:
                return None
            prev_start, prev_end = self.paragraphs[para - 1]
            if not self.text[prev_start:prev_end].rstrip().endswith(":"):
                return None
            colon = prev_end
        else:
            colon = mark.outer_start
        for attribution in reversed(found):
            if attribution.cue and attribution.cue[0] < colon and attribution.sentence[1] >= colon - 3 \
                    and not attribution.marks:
                attribution.rule += "; the quote after its colon is the content"
                if attribution.content and attribution.content[0] > attribution.cue[0] \
                        and attribution.content[1] >= colon - 3:
                    attribution.content = None
                return attribution
        return None

    def loose_quotes(self, loose: list[QuoteMarks], found: list[Attribution]) -> list[Attribution]:
        """Quotes no cue took: continuations of the previous speaker, or left without one."""
        made: list[Attribution] = []
        owner = {id(m): a for a in found for m in a.marks}
        index = {id(m): i for i, m in enumerate(self.marks)}
        ordered = sorted(found, key=lambda a: (a.cue or (0, 0))[0])
        cue_starts = [(a.cue or (0, 0))[0] for a in ordered]
        for mark in loose:
            before = self.marks[index[id(mark)] - 1] if index[id(mark)] > 0 else None
            if mark.continued and before is not None and before.runs_on and id(before) in owner:
                # a quote across paragraphs: one quote, its speaker that of its first paragraph
                holder = owner[id(before)]
                holder.marks.append(mark)
                owner[id(mark)] = holder
                if "across paragraphs" not in holder.rule:
                    holder.rule += "; the quote runs on across paragraphs"
                continue
            words = len(self.text[mark.start:mark.end].split())
            para = self.paragraph_of(mark.start)
            previous = None
            i = bisect.bisect_left(cue_starts, mark.start) - 1
            while i >= 0:
                candidate = ordered[i]
                if candidate.speaker and (candidate.marks or (
                        candidate.content and candidate.cue_token is not None
                        and candidate.cue_token.lemma_ in SPEECH_VERBS)):
                    previous = candidate
                    break
                i -= 1
            if previous is not None and para - previous.paragraph > 2:
                previous = None
            starts_paragraph = self.paragraphs[para][0] == mark.outer_start
            gap = (previous.marks[-1].outer_end, mark.outer_start) if previous is not None and previous.marks \
                else (0, 0)
            if previous is not None and previous.paragraph == para and previous.marks and not starts_paragraph \
                    and gap[0] <= gap[1] and all(
                        other.speaker_head is None or other.speaker_head is previous.speaker_head
                        for other in ordered[i + 1:] if other.cue and gap[0] <= other.cue[0] < gap[1]):
                # '"A," he said. "B."': one quote interrupted by its cue
                previous.marks.append(mark)
                owner[id(mark)] = previous
                if "goes on after the cue" not in previous.rule:
                    previous.rule += "; the quote goes on after the cue"
                continue
            framed = self.frame_after(mark) or self.frame_before(mark)
            if framed is not None:
                made.append(framed)
                owner[id(mark)] = framed
                continue
            if mark.continued and made and made[-1].marks and made[-1].marks[-1].runs_on:
                source = made[-1].inherited or made[-1]
                rule = "quote runs on from the previous paragraph; same speaker"
                confidence = 0.75
            elif previous is not None and words >= MIN_UNCUED_WORDS and (
                    starts_paragraph or previous.paragraph == para):
                source = previous
                rule = "quote with no cue of its own continues the previous speaker"
                confidence = 0.6 if starts_paragraph else 0.65
            elif words >= 2 * MIN_UNCUED_WORDS and starts_paragraph:
                source = None
                rule = "quotation with no speaker found"
                confidence = 0.25
            else:
                continue
            if source is not None:
                source = source.inherited or source
            speaker = source.speaker if source else None
            speaker_head = source.speaker_head if source else None
            if source is not None and starts_paragraph and para > 0 and speaker_head is not None:
                latest = self.latest_mention_of(speaker_head, para - 1)
                if latest is not None and latest.i != speaker_head.i:
                    speaker, speaker_head = self.speaker_span(latest), latest
                    rule += f" (its latest mention, '{latest.text}')"
            made.append(Attribution(
                cue=None, speaker=speaker, content=None, rule=rule,
                confidence=confidence, speaker_head=speaker_head,
                marks=[mark], sentence=(mark.outer_start, mark.outer_end), paragraph=para, inherited=source))
            owner[id(mark)] = made[-1]
        # mark pieces that run on into the next paragraph, given to a cue: the next piece follows
        return made

    def latest_mention_of(self, head: Token, para: int) -> Token | None:
        """The last subject in paragraph `para`, outside quotes, that is the same speaker as `head`."""
        p_start, p_end = self.paragraphs[para]
        if not (head.pos_ in ("PROPN", "PRON") or head.ent_type_ == "PERSON"):
            return None
        first = self.token_at(p_start)
        if first is None or head.idx >= p_end:
            return None
        last_name = head.text.lower()
        pronouns = {"he", "she"} if head.pos_ != "PRON" else {head.lower_}
        for token in reversed(self.doc[first.i: first.i + 400]):
            if token.idx >= p_end or token.idx < p_start:
                continue
            if token.dep_ not in ("nsubj", "nsubjpass") or self.mark_at(token.idx) is not None:
                continue
            if token.lower_ == last_name or (token.lower_ in pronouns):
                return token
            if token.pos_ in ("PROPN", "PRON"):
                return None  # someone else is the last subject
        return None

    def token_at(self, char: int) -> Token | None:
        while 0 <= char < len(self.text) - 1 and self.text[char].isspace():
            char += 1
        span = self.doc.char_span(char, min(char + 1, len(self.text)), alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def frame_after(self, mark: QuoteMarks) -> Attribution | None:
        """'"...," Oliver barked.' / '"...," reads a message': a short clause right after the quote."""
        if mark.outer_end >= len(self.text):
            return None
        para = self.paragraph_of(mark.start)
        p_end = self.paragraphs[para][1]
        dashed = self.dash_attribution(mark, p_end)
        if dashed is not None:
            return dashed
        first = self.token_at(mark.outer_end)
        if first is None:
            return None
        i = first.i
        while i < len(self.doc) and (self.doc[i].is_punct or self.doc[i].is_space) and self.doc[i].idx < p_end \
                and self.doc[i].text in ",”\"»'’":
            i += 1
        window: list[Token] = []
        while i < len(self.doc) and len(window) < 10 and self.doc[i].idx < p_end:
            token = self.doc[i]
            if token.is_punct and token.text in ".,;:!?" or token.text in ALL_MARKS or token.is_space:
                break
            window.append(token)
            i += 1
        if not window or i >= len(self.doc) or self.doc[i].text not in ".,;:!?" or len(window) > 9:
            return None
        verbs = [t for t in window if t.pos_ == "VERB" and t.lemma_ not in ("be", "have", "do")]
        if not verbs:
            return None
        verb = verbs[0]
        speaker = next((t for t in window if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i
                        and t.i < verb.i), None)
        if speaker is None:
            after = [t for t in window if t.i > verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
            speaker = after[-1] if after and after[-1].pos_ != "PRON" else (after[0] if after else None)
            if speaker is not None:
                while speaker.dep_ in ("compound", "flat", "pobj", "prep", "appos", "amod", "poss") \
                        and speaker.head.i != verb.i and speaker.head.i in {t.i for t in window}:
                    speaker = speaker.head
        if speaker is None:
            return None
        return Attribution(
            cue=(verb.idx, verb.idx + len(verb.text)), speaker=self.speaker_span(speaker), content=None,
            rule=f"short clause '{' '.join(t.text for t in window)}' right after the quote; its verb is the cue",
            confidence=0.7, speaker_head=speaker, marks=[mark], sentence=(mark.outer_start, window[-1].idx),
            paragraph=para, cue_token=verb)

    def dash_attribution(self, mark: QuoteMarks, p_end: int) -> Attribution | None:
        """'"..." ― Sonya Herridge': a name after a dash closing the line credits the quote."""
        j = mark.outer_end
        while j < p_end and self.text[j] in " \t.,":
            j += 1
        if j >= p_end or self.text[j] not in "―—–-":
            return None
        dash = j
        while j < p_end and self.text[j] in "―—–- \t":
            j += 1
        line_end = self.text.find("\n", j)
        line_end = p_end if line_end == -1 else min(line_end, p_end)
        credit = self.doc.char_span(j, line_end, alignment_mode="expand")
        if credit is None or not 0 < len(credit) <= 8:
            return None
        names = [t for t in credit if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]
        if not names or not credit[0].text[:1].isupper():
            return None
        end_tok = names[-1]
        for t in credit[names[-1].i - credit.start + 1:]:
            if t.is_punct and t.text in ",(":
                break
            end_tok = t
        return Attribution(
            cue=(dash, dash + 1), speaker=(credit[0].idx, end_tok.idx + len(end_tok.text)), content=None,
            rule="a name after a dash at the end of the line credits the quote", confidence=0.7,
            speaker_head=names[-1], marks=[mark], sentence=(mark.outer_start, line_end),
            paragraph=self.paragraph_of(mark.start))

    def frame_before(self, mark: QuoteMarks) -> Attribution | None:
        """'Pew Research: "..."' / 'His final assessment: "..."': what stands before a colon."""
        before = self.text[max(mark.outer_start - 3, 0): mark.outer_start].rstrip()
        if not before.endswith(":"):
            return None
        colon = self.token_at(self.text.rfind(":", 0, mark.outer_start))
        if colon is None or colon.i == 0:
            return None
        sent = colon.sent
        tokens = [t for t in self.doc[sent.start:colon.i] if self.mark_at(t.idx) is None]
        if not tokens:
            return None
        verbs = [t for t in tokens if t.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in t.children)]
        if verbs:
            verb = verbs[-1]
            subject = next(c for c in verb.children if c.dep_ in SUBJECTS)
            if self.mark_at(subject.idx) is None:
                return Attribution(
                    cue=(colon.idx, colon.idx + 1), speaker=self.speaker_span(subject), content=None,
                    rule=f"quote after a colon; the subject of '{verb.text}' before it speaks", confidence=0.6,
                    speaker_head=subject, marks=[mark], sentence=(sent.start_char, mark.outer_end),
                    paragraph=self.paragraph_of(mark.start), cue_token=colon)
        last = tokens[-1]
        if last.pos_ in ("PROPN", "NOUN") or last.ent_type_ in ("PERSON", "ORG"):
            head = last
            while head.dep_ in ("compound", "flat", "amod") and head.head.i < colon.i:
                head = head.head
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            speaker = owner if owner is not None and head.lemma_ in SPEECH_NOUNS | {"response", "assessment",
                                                                                     "answer", "reply", "verdict"} \
                else head
            return Attribution(
                cue=(colon.idx, colon.idx + 1), speaker=self.speaker_span(speaker), content=None,
                rule=f"quote after a colon; '{speaker.text}' before it speaks", confidence=0.55,
                speaker_head=speaker, marks=[mark], sentence=(sent.start_char, mark.outer_end),
                paragraph=self.paragraph_of(mark.start), cue_token=colon)
        return None

    def self_report(self, attribution: Attribution) -> bool:
        """A nested cue of the same speaker ("Ukraine noted it ... expected"): part of the outer quote."""
        if not attribution.via or attribution.marks or attribution.speaker is None:
            return False
        inner = attribution.via[-1]
        if inner.speaker is None or inner.cue is None or attribution.cue is None:
            return False
        if inner.sentence != attribution.sentence:
            return False
        head, outer_head = attribution.speaker_head, inner.speaker_head
        if head is None or outer_head is None:
            return False
        if head.lower_ == outer_head.lower_:
            return True
        mine = mention_for(self.doc, head.idx, head.idx + len(head.text))
        theirs = mention_for(self.doc, outer_head.idx, outer_head.idx + len(outer_head.text))
        return mine is not None and theirs is not None and mine.actor.name == theirs.actor.name

    def chain(self, found: list[Attribution]) -> None:
        """Fill each attribution's `via`: the cues whose content holds its cue, outermost first."""
        with_content = [(a, a.content_span()) for a in found if a.speaker]
        for attribution in found:
            if not attribution.cue:
                continue
            outer = [(a, span) for a, span in with_content
                     if a is not attribution and span and span[0] <= attribution.cue[0] < span[1]]
            outer.sort(key=lambda pair: pair[1][0] - pair[1][1])
            attribution.via = [a for a, _ in outer]
        # a sentence that goes on with what a nested report said ("There, Ukraine noted ...")
        ordered = sorted((a for a in found if a.cue), key=lambda a: (a.cue or (0, 0))[0])
        for before, attribution in itertools.pairwise(ordered):
            if attribution.via or not before.via or before.paragraph != attribution.paragraph:
                continue
            span = before.content_span()
            if not span or before.sentence == attribution.sentence:
                continue
            first = self.doc.char_span(attribution.sentence[0], attribution.sentence[1], alignment_mode="expand")
            if first is None or not len(first) or first[0].lower_ not in CONTINUATION_OPENERS:
                continue
            attribution.via = [*before.via, before]
            attribution.rule += f"; goes on with what {self.text[slice(*before.speaker)]} said" \
                if before.speaker else ""

    def find(self) -> list[Quote]:
        found = [a for a in self.candidates()]
        loose = self.claim_marks(found)
        for attribution in found:
            if attribution.speaker is None and attribution.cue_token is not None \
                    and attribution.cue_token.pos_ == "VERB" and (attribution.marks or attribution.content):
                head = self.nearby_speaker(attribution.cue_token, names_only=not attribution.marks)
                if head is not None:
                    attribution.speaker_head, attribution.speaker = head, self.speaker_span(head)
                    attribution.rule += f"; speaker: the name beside the cue ({head.text})"
            if attribution.content and attribution.cue and \
                    attribution.content[0] <= attribution.cue[0] < attribution.content[1]:
                # a content holding its own cue is a misparse: keep the side after the cue
                start, end = attribution.content
                after = self.clip(attribution.cue[1], end, attribution.paragraph)
                before = self.clip(start, attribution.cue[0], attribution.paragraph)
                attribution.content = after if after and (not before or after[1] - after[0] >= before[1] - before[0]) \
                    else before
        found = [a for a in found if (a.content or a.marks) and self.worth_keeping(a)]
        found.extend(self.loose_quotes(loose, found))
        self.chain(found)
        quotes_kept = [a for a in found if not self.self_report(a)]
        found = quotes_kept
        quotes: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        for attribution in sorted(found, key=lambda a: (a.content_span() or (0, 0))):
            quote = self.to_quote(attribution)
            if quote is None or (quote.start, quote.end) in seen:
                continue
            seen.add((quote.start, quote.end))
            quotes.append(quote)
        for number, quote in enumerate(quotes):
            quote.id = f"q{number}"
        return quotes

    # ---- output --------------------------------------------------------------------
    def kind_of(self, start: int, end: int, skip: tuple[tuple[int, int], ...] = ()) -> str:
        """direct: all quoted (but for a connective); partial: reported speech holding quoted words;
        mixed: a quote that goes on as reported speech."""
        inside = [m for m in self.marks if m.outer_start < end and start < m.outer_end]
        if not inside:
            return "indirect"
        pieces, cursor = [], start
        bounds = [(m.outer_start, m.outer_end) for m in inside]
        for mark_start, mark_end in bounds + [(end, end)]:
            gap = (cursor, max(cursor, mark_start))
            # '"A," he said. "B."': the cue that interrupts a quote is not reported speech
            if not any(s0 < gap[1] and gap[0] < s1 for s0, s1 in skip) or mark_start == end:
                pieces.append(self.text[gap[0]:gap[1]])
            cursor = max(cursor, mark_end)
        loose_words = [w for w in " ".join(pieces).split() if any(ch.isalnum() for ch in w)]
        if len(loose_words) <= 1:
            return "direct"
        if inside[0].outer_start <= start + 1:
            return "mixed"
        return "partial"

    def mention(self, span: tuple[int, int] | None, head: Token | None) -> Mention | None:
        """The speaker (or addressee) as written in the sentence, with the actor it resolves to.

        The actor comes from the actors stage: the mention at the phrase's head word first
        ("spokesperson" in "a State Department spokesperson, Morgan Ortagus"), then one of its
        apposition, then whatever `mention_for` finds in the phrase; failing all, an actor named
        after the phrase, its kind guessed from the named entities in it.
        """
        if span is None:
            return None
        text = self.text[span[0]:span[1]]
        found = None
        if head is not None and head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
            head = head.head.head  # "Trump, who said ...": the actor is the noun the clause qualifies
            span = (min(span[0], head.idx), max(span[1], head.idx + len(head.text)))
            found = mention_for(self.doc, head.idx, head.idx + len(head.text))
            if found is not None:
                return Mention(start=span[0], end=span[1], text=self.text[span[0]:span[1]], actor=found.actor,
                               how=f"quotes: relative pronoun; actor from {found.text!r} ({found.how})")
            return Mention(start=span[0], end=span[1], text=self.text[span[0]:span[1]],
                           actor=Actor(name=head.text, kind=self.guess_kind((head.idx, head.idx + len(head.text)))),
                           how="quotes: relative pronoun; actor from the noun it stands for")
        if head is not None:
            anchors = [head] + [c for c in head.children if c.dep_ == "appos"]
            for anchor in anchors:
                found = mention_for(self.doc, anchor.idx, anchor.idx + len(anchor.text))
                if found is not None and found.start <= anchor.idx < found.end and span[0] <= found.start \
                        and found.end <= span[1]:
                    break
                found = None
        if found is None:
            found = mention_for(self.doc, span[0], span[1])
            if found is not None and head is not None and any(
                    child.dep_ == "poss" and child.left_edge.idx <= found.start
                    and found.end <= child.right_edge.idx + len(child.right_edge)
                    for child in head.children):
                found = None  # "Dunn's mother" is not Dunn
        if found is not None:
            return Mention(start=span[0], end=span[1], text=text, actor=found.actor,
                           how=f"quotes: speaker phrase; actor from the mention {found.text!r} ({found.how})",
                           antecedent=found.antecedent)
        return Mention(start=span[0], end=span[1], text=text,
                       actor=Actor(name=text, kind=self.guess_kind(span)), how="quotes: span of the speaker")

    def guess_kind(self, span: tuple[int, int]) -> str:
        chars = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        labels = {ent.label_ for ent in chars.ents} if chars is not None else set()
        if "PERSON" in labels:
            return "person"
        if "GPE" in labels and chars is not None and len(chars) <= 2:
            return "country"
        if labels & {"ORG", "NORP", "GPE"}:
            return "organization"
        return "person"

    def to_quote(self, attribution: Attribution) -> Quote | None:
        span = attribution.content_span()
        if span is None:
            return None
        start, end = span
        skip = tuple(span for span in (attribution.cue, attribution.speaker) if span)
        kind = self.kind_of(start, end, skip)
        if kind == "direct":
            inside = [m for m in self.marks if m.outer_start < end and start < m.outer_end]
            if inside:
                start, end = min(m.start for m in inside), max(m.end for m in inside)
        else:
            # a quotation mark left at an edge of the content whose partner lies outside it
            if self.text[start] in ALL_MARKS and not any(m.outer_start == start for m in self.marks):
                start += 1
            if self.text[end - 1] in ALL_MARKS and not any(m.outer_end == end for m in self.marks):
                end -= 1
            if end <= start:
                return None
        text = self.text[start:end]
        speaker = self.mention(attribution.speaker, attribution.speaker_head)
        via = [m for m in (self.mention(a.speaker, a.speaker_head) for a in attribution.via) if m is not None]
        cue = TextSpan(attribution.cue[0], attribution.cue[1], self.text[slice(*attribution.cue)]) \
            if attribution.cue else None
        confidence = attribution.confidence if speaker is not None else min(attribution.confidence, 0.3)
        return Quote(id="", start=start, end=end, text=text, kind=kind, cue=cue, speaker=speaker,
                     addressee=self.mention(attribution.addressee, attribution.addressee_head), via=via,
                     confidence=confidence, explanation=attribution.rule)


def find_quotes(doc: Doc) -> list[Quote]:
    """The quotes of a parsed Doc, in text order (never raises on odd quotation marks)."""
    return QuoteFinder(doc).find()


__all__ = ["QuoteFinder", "find_quotes", "reporting_verbs"]
