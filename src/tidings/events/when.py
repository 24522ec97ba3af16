"""When an event happened: date expressions resolved against the publication date.

A small resolver of our own (fast, no dateparser): weekdays, yesterday/today/tomorrow/last night,
"last/next week|month|year", "on March 2", "2 March 2022", "March 2022", "March, 2018", "on the 5th",
"in 2014", "a year ago", ISO dates. A month or a year stands for its first day.

`event_date` picks the date expression of an event's sentence that belongs to its trigger (a date in the
trigger's own phrase wins over one of the verb that reports it: "announced on Tuesday he had asked for the
resignation Monday night" dates the asking on Monday). Words of time relative to the speaker ("today", "last
night") inside a quotation are not read against the publication date. Where the sentence gives no date, the
day the article's lead names ("On Saturday, ... marched"; "Yesterday, ...") is taken, as the later sentences
of a news story mostly retell its lead's events; where the lead names no day, the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"))}
MONTHS.update({name[:3]: num for name, num in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+(\d{4}))?\b")
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\.?,?\s+(?:of\s+)?(\d{4})\b")
_RELATIVE = re.compile(r"\b(last|next|this|past|previous|coming)\s+(week|month|year|weekend)\b")
_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                  r"(day|week|month|year)s?\s+ago\b")
_ORDINAL_DAY = re.compile(r"^(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)$")
_YEAR = re.compile(r"(?<![\d,.$€£:])\b(1[6-9]\d\d|20\d\d)\b"
                   r"(?![\d,.%:]|\s*(?:years?|people|km|miles|utc|gmt|hrs|hours|local|bst|est|cet)\b)")
_VAGUE = re.compile(r"\b(?:years|decades|centuries|months|weeks)\b(?!\s+ago)")
# Words of time that are relative to when they were said: in a quotation, not the publication's
DEICTIC = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|now)\b")
_DAY_GRAINS = ("day",)
# How far before publication a lead's day may lie ("On Saturday" in a Thursday article: five days)
LEAD_WINDOW = timedelta(days=31)


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month_shift(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _guess_year(month: int, day: int, base: date, *, future: bool = False) -> date | None:
    try:
        guess = date(base.year, month, day)
    except ValueError:
        return None
    if future:
        # an announced act: a month already past is next year's ("to be sentenced in June", said in February)
        if base - guess > timedelta(days=31 if day == 1 else 3):
            guess = date(base.year + 1, month, day)
        return guess
    # News reports the past mostly: a date well after publication is last year's.
    if guess - base > timedelta(days=60):
        guess = date(base.year - 1, month, day)
    return guess


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def resolve_grain(expression: str, base: date, *, future: bool = False) -> tuple[date, str] | None:
    """(the day `expression` names relative to `base`, its grain: "day", "week", "month" or "year"), or None.
    A month or a year is given as its first day."""
    text = " ".join(expression.lower().split())
    m = _ISO.search(text)
    if m:
        day = _on(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (day, "day") if day else None
    if "yesterday" in text or "last night" in text:
        return base - timedelta(days=1), "day"
    if "tomorrow" in text:
        return base + timedelta(days=1), "day"
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", text):
        return base, "day"
    for name, weekday in WEEKDAYS.items():
        if name in text:
            delta = (base.weekday() - weekday) % 7
            if future or "next" in text or "coming" in text:
                return base + timedelta(days=(weekday - base.weekday()) % 7 or 7), "day"
            if "last" in text and delta == 0:
                delta = 7
            return base - timedelta(days=delta), "day"
    m = _DAY_MONTH.search(text)
    if m and m.group(2) in MONTHS:
        year = m.group(3)
        day = _on(int(year), MONTHS[m.group(2)], int(m.group(1))) if year else \
            _guess_year(MONTHS[m.group(2)], int(m.group(1)), base, future=future)
        return (day, "day") if day else None
    m = _MONTH_DAY.search(text)
    if m and m.group(1) in MONTHS and 1 <= int(m.group(2)) <= 31:
        year = m.group(3)
        day = _on(int(year), MONTHS[m.group(1)], int(m.group(2))) if year else \
            _guess_year(MONTHS[m.group(1)], int(m.group(2)), base, future=future)
        return (day, "day") if day else None
    m = _MONTH_YEAR.search(text)
    if m and m.group(1) in MONTHS:
        return date(int(m.group(2)), MONTHS[m.group(1)], 1), "month"
    m = _ORDINAL_DAY.match(text)
    if m and 1 <= int(m.group(1)) <= 31:
        # "on the 5th": this month's, or last month's where this month's is still to come
        month = base if int(m.group(1)) <= base.day or future else _month_shift(base, -1)
        day = _on(month.year, month.month, int(m.group(1)))
        return (day, "day") if day else None
    m = _AGO.search(text)
    if m:
        count = NUMBERS.get(m.group(1)) or int(m.group(1))
        unit = m.group(2)
        if unit == "day":
            return base - timedelta(days=count), "day"
        if unit == "week":
            return base - timedelta(days=7 * count), "week"
        if unit == "month":
            return _month_shift(base, -count), "month"
        return _on(base.year - count, base.month, min(base.day, 28)) or base, "year"
    m = _RELATIVE.search(text)
    if m:
        which, unit = m.groups()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}[which]
        if unit in ("week", "weekend"):
            return base + timedelta(days=7 * step), "week"
        if unit == "month":
            return _month_shift(base, step), "month"
        return date(base.year + step, 1, 1), "year"
    for name, num in MONTHS.items():
        if len(name) > 3 and re.search(rf"\b{name}\b", text):
            day = _guess_year(num, 1, base, future=future)
            return (day, "month") if day else None
    m = _YEAR.search(text)
    if m and not _VAGUE.search(text):
        return date(int(m.group(1)), 1, 1), "year"
    return None


def resolve(expression: str, base: date, *, future: bool = False) -> date | None:
    """The day `expression` names, relative to `base` (the publication date), or None."""
    found = resolve_grain(expression, base, future=future)
    return found[0] if found else None


def _quoted(doc: Doc, start: int, end: int) -> bool:
    """Whether a span is inside quotation marks (reported speech without them speaks in the reporter's time)."""
    return any(q.start <= start and end <= q.end and q.kind != "indirect" for q in doc._.tidings_quotes or [])


def _dateline(sentence: Span) -> bool:
    """A sentence that is only a date ("Monday, January 7, 2019"), a place and a date, or a credit line."""
    words = [t for t in sentence if t.is_alpha and t.ent_type_ not in ("DATE", "TIME", "GPE")]
    return len(words) < 3


def in_dateline(ent: Span) -> bool:
    """Whether a date is the article's dateline: on a short first line of its own ("Monday, January 7, 2019"),
    which the model often joins to the lead's first words."""
    doc = ent.doc
    first = doc.user_data.get("tidings_dateline_end")
    if first is None:
        text = "".join(t.text_with_ws for t in doc[:40])  # the text's start (Doc.text is slow)
        first = text.find("\n")
        if first > 60 or text[:max(first, 0)].rstrip().endswith((".", "!", "?")):
            first = -1
        doc.user_data["tidings_dateline_end"] = first
    return 0 <= ent.start_char < first


def _expression(ent: Span) -> str | None:
    """The words of a date entity to resolve: none for the dateline; the words after it where the model joined
    it to the lead's first ("Friday, October 11, 2019 \\n\\nYesterday")."""
    if not in_dateline(ent):
        return ent.text
    return ent.text.rsplit("\n", 1)[-1].strip() if "\n" in ent.text else None


def _clock(ent: Span) -> bool:
    """Whether a number is a time of day ("1800 UTC"), not a year."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.lower_ in ("utc", "gmt", "local", "hours", "hrs", "bst", "est", "cet")


# Arcs that open a clause of its own: a date under one belongs to that clause's event
_CLAUSES = frozenset({"conj", "relcl", "advcl", "ccomp", "parataxis", "acl"})
# Words before a trigger that make its act one still to come ("is to be sentenced", "will face")
_FUTURE = re.compile(r"\b(?:will|shall|to be|is to|are to|set to|due to|scheduled to|expected to|plans? to)\s+(?:\w+\s+)?$")


def _owned(token: Token, anchor: Token) -> bool:
    """Whether `token` is in `anchor`'s own clause: below it, through no arc that opens another clause."""
    while token.head != token:
        if token.head == anchor:
            return token.dep_ not in _CLAUSES
        if token.dep_ in _CLAUSES:
            return False
        token = token.head
    return False


def still_to_come(trigger: Token) -> bool:
    """Whether the words before a trigger put its act in the future ("is to be sentenced in June")."""
    before = trigger.doc[max(trigger.sent.start, trigger.i - 4):trigger.i].text.lower()
    return bool(_FUTURE.search(before + " "))


def lead_date(doc: Doc, published: date) -> tuple[date, str] | None:
    """The day the article's lead sentence names for its news (within a month before publication), with the
    words that name it; None where the lead names no day. Cached on the doc."""
    key = f"tidings_lead_date:{published.isoformat()}"
    if key in doc.user_data:
        return doc.user_data[key]
    found = None
    sentence = lead_sentence(doc)
    if sentence is not None:
        joined = _straddling(sentence)
        for ent in ([joined] if joined is not None else []) + list(sentence.ents):
            text = _expression(ent)
            if ent.label_ not in ("DATE", "TIME") or not text or \
                    DEICTIC.search(text.lower()) and _quoted(doc, ent.start_char, ent.end_char):
                continue
            day = resolve_grain(text, published)
            if day and day[1] in _DAY_GRAINS and published - LEAD_WINDOW <= day[0] <= published:
                found = (day[0], text)
                break
    doc.user_data[key] = found
    return found


def lead_sentence(doc: Doc) -> Span | None:
    """The article's lead: the first sentence of its body (not the dateline, not boilerplate). Cached on the doc;
    the dates and places of later sentences fall back on it."""
    key = "tidings_lead_sentence"
    if key not in doc.user_data:  # (token offsets: user_data stays plain data)
        boilerplate = doc._.tidings_boilerplate or []
        lead = next((s for s in doc.sents if not _dateline(s) and not any(
            start <= s.start_char < end for start, end in boilerplate)), None)
        doc.user_data[key] = (lead.start, lead.end) if lead is not None else None
    bounds = doc.user_data[key]
    return doc[bounds[0]:bounds[1]] if bounds is not None else None


def _straddling(sentence: Span) -> Span | None:
    """A date entity that begins before the sentence and runs into it (the dateline the model joined to the
    lead: "Friday, October 11, 2019 \\n\\nYesterday"), which the sentence's own entities leave out."""
    first = sentence[0]
    if first.ent_iob_ != "I" or first.ent_type_ not in ("DATE", "TIME"):
        return None
    doc, start, end = sentence.doc, first.i, first.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end + 1, label=first.ent_type_)


def _clause_head(token: Token) -> Token:
    """The head of the clause a token is in: up through arcs that open no clause of their own."""
    while token.head != token and token.dep_ not in _CLAUSES:
        token = token.head
    return token


def _governs(head: Token, trigger: Token) -> bool:
    """Whether a clause headed by `head` contains the trigger other than inside a relative clause ("a staffer
    who survived the attack told CNN in 2012": not the attack's date)."""
    token = trigger
    while token != head:
        if token.dep_ in ("relcl", "acl") or token.head == token:
            return False
        token = token.head
    return True


def _below(token: Token, head: Token) -> bool:
    """Whether `token` lies under `head` through no relative clause ("convicted of conspiracy to possess
    marijuana in 2008": yes; "relations, which were cut in 1961": no)."""
    while token != head:
        if token.dep_ == "relcl" or token.head == token:
            return False
        token = token.head
    return True


def trigger_anchor(trigger: Token) -> Token:
    """The token whose clause an event is in: a verb trigger itself, a noun trigger's head ("imposed a curfew")."""
    return trigger if trigger.pos_ in ("VERB", "AUX") or trigger.head == trigger else trigger.head


def event_date(ents: list[Span], trigger: Token, published: date | None, *,
               future: bool = False) -> tuple[date | None, str]:
    """(the day of the event triggered by `trigger`, why); `ents` are the entities of its sentence.

    The date expression nearest the trigger wins, one in the trigger's own phrase first; where the sentence
    has none, the day of the article's lead (not for announced acts), else the publication date.
    """
    if published is None:
        return None, ""
    doc = trigger.doc
    anchor = trigger_anchor(trigger)
    future = future or still_to_come(trigger)
    joined = _straddling(trigger.sent)
    best: tuple[int, date, str] | None = None
    for ent in ([joined] if joined is not None else []) + ents:
        text = _expression(ent)
        if ent.label_ not in ("DATE", "TIME") or not text:
            continue
        base = published
        if DEICTIC.search(text.lower()) and _quoted(doc, ent.start_char, ent.end_char):
            # "I offered to resign last night", in a quotation: the day it was said, which is the lead's day
            # more often than the publication's; where the lead names no day, the text does not say
            lead = lead_date(doc, published)
            if lead is None:
                continue
            base = lead[0]
        own = ent.root.head == trigger or _owned(ent.root, anchor) or _owned(ent.root, trigger)
        if future and not own:
            continue  # an act to come takes only a date of its own ("will urge ..., which have ... since 2011")
        found = resolve_grain(text, base, future=future)
        if found is None or found[1] == "year" and _clock(ent):
            continue
        # a date of the trigger's own clause first, then one of a clause that governs it ("issued On
        # Wednesday an opinion ..., finding it unlawful"), then any other ("the suspension, which went into
        # effect on Tuesday")
        tier = 0 if own else 1 if _governs(_clause_head(ent.root), trigger) else 2
        if tier == 2 and not (_below(ent.root, anchor) or _below(ent.root, trigger)):
            continue  # a date of another clause ("talks to re-establish relations, which were cut in 1961")
        distance = 100 * tier + abs(ent.root.i - trigger.i) - (5 if ent.root.head == trigger else 0)
        if best is None or distance < best[0]:
            best = (distance, found[0], text)
    if best is not None:
        return best[1], f"date '{best[2]}'"
    if not future:
        lead = lead_date(doc, published)
        if lead is not None:
            return lead[0], f"date: the lead's '{lead[1]}'"
    return published, "date: publication"
