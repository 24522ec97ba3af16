"""When an event happened: date expressions resolved against the publication date.

A small resolver of our own (fast, no dateparser): weekdays, yesterday/today/tomorrow,
"last/next week|month|year", "on March 2", "2 March 2022", "March 2022", ISO dates.
Where nothing can be resolved the caller falls back to the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"))}
MONTHS.update({name[:3]: num for name, num in list(MONTHS.items())})
MONTHS["sept"] = 9

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+(\d{4}))?\b")
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\s+(\d{4})\b")
_RELATIVE = re.compile(r"\b(last|next|this|past|previous|coming)\s+(week|month|year|weekend)\b")


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


def _guess_year(month: int, day: int, base: date) -> date | None:
    try:
        guess = date(base.year, month, day)
    except ValueError:
        return None
    # News reports the past mostly: a date well after publication is last year's.
    if guess - base > timedelta(days=60):
        guess = date(base.year - 1, month, day)
    return guess


def resolve(expression: str, base: date, *, future: bool = False) -> date | None:
    """The day `expression` names, relative to `base` (the publication date), or None."""
    text = expression.lower().strip()
    m = _ISO.search(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if "yesterday" in text:
        return base - timedelta(days=1)
    if "tomorrow" in text:
        return base + timedelta(days=1)
    if "today" in text or "tonight" in text or "this morning" in text or "this evening" in text:
        return base
    for name, weekday in WEEKDAYS.items():
        if name in text:
            delta = (base.weekday() - weekday) % 7
            if future or "next" in text or "coming" in text:
                return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
            if "last" in text and delta == 0:
                delta = 7
            return base - timedelta(days=delta)
    m = _DAY_MONTH.search(text)
    if m and m.group(2) in MONTHS:
        year = m.group(3)
        if year:
            try:
                return date(int(year), MONTHS[m.group(2)], int(m.group(1)))
            except ValueError:
                return None
        return _guess_year(MONTHS[m.group(2)], int(m.group(1)), base)
    m = _MONTH_DAY.search(text)
    if m and m.group(1) in MONTHS and 1 <= int(m.group(2)) <= 31:
        year = m.group(3)
        if year:
            try:
                return date(int(year), MONTHS[m.group(1)], int(m.group(2)))
            except ValueError:
                return None
        return _guess_year(MONTHS[m.group(1)], int(m.group(2)), base)
    m = _MONTH_YEAR.search(text)
    if m and m.group(1) in MONTHS:
        return date(int(m.group(2)), MONTHS[m.group(1)], 1)
    m = _RELATIVE.search(text)
    if m:
        which, unit = m.groups()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}[which]
        if unit in ("week", "weekend"):
            return base + timedelta(days=7 * step)
        if unit == "month":
            return _month_shift(base, step)
        return date(base.year + step, 1, 1)
    for month, num in MONTHS.items():
        if len(month) > 3 and re.search(rf"\b{month}\b", text):
            return _guess_year(num, 1, base)
    return None
