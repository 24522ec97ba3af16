"""Events: when an event happened (events/when.py).

Two tables: date expressions resolved against a publication date (no model), and sentences of Wikinews
articles of the gold set's dev half (tests/golden/wikinews_events.jsonl, even positions) with the day their
event happened, as the gold's `when` has it. Each family of date bugs fixed has rows here: bare years ("in
2014"), "March, 2018", "last night", "a year ago", "on the 5th", a month still to come for an announced act,
the dateline the model joins to the lead, the date of the reporting verb against the date in the event's own
clause, and the lead's day for later sentences that give none.
"""

from __future__ import annotations

from datetime import date

import pytest

from tidings.document import Article
from tidings.events.when import event_date, resolve, resolve_grain

BASE = date(2019, 9, 12)  # a Thursday

# expression -> (day, grain) against BASE, or None where it names no day we can tell
RESOLVED = [
    ("Thursday", (date(2019, 9, 12), "day")),
    ("Monday night", (date(2019, 9, 9), "day")),
    ("last Thursday", (date(2019, 9, 5), "day")),
    ("yesterday afternoon", (date(2019, 9, 11), "day")),
    ("last night", (date(2019, 9, 11), "day")),
    ("this morning", (date(2019, 9, 12), "day")),
    ("September 10", (date(2019, 9, 10), "day")),
    ("on 1 February", (date(2019, 2, 1), "day")),
    ("December 24", (date(2018, 12, 24), "day")),  # well after publication: last year's
    ("March 5, 2020", (date(2020, 3, 5), "day")),
    ("June 23, 2016", (date(2016, 6, 23), "day")),
    ("the 5th", (date(2019, 9, 5), "day")),
    ("the 20th", (date(2019, 8, 20), "day")),  # still to come this month: last month's
    ("March, 2018", (date(2018, 3, 1), "month")),
    ("May 2018", (date(2018, 5, 1), "month")),
    ("late July", (date(2019, 7, 1), "month")),
    ("last month", (date(2019, 8, 1), "month")),
    ("in 2014", (date(2014, 1, 1), "year")),
    ("1998", (date(1998, 1, 1), "year")),
    ("a year ago", (date(2018, 9, 12), "year")),
    ("two years ago", (date(2017, 9, 12), "year")),
    ("three days ago", (date(2019, 9, 9), "day")),
    ("last week", (date(2019, 9, 5), "week")),
    ("1800 UTC", None),
    ("18:00", None),
    ("the past few years", None),
    ("recent years", None),
    ("decades", None),
]


@pytest.mark.parametrize("text,expected", RESOLVED, ids=[row[0] for row in RESOLVED])
def test_resolved_against_publication(text, expected):
    assert resolve_grain(text, BASE) == expected


def test_an_announced_act_looks_forward():
    # "Avenatti is to be sentenced in June", published 2020-02-15: this June, not last June
    assert resolve("June", date(2020, 2, 15)) == date(2019, 6, 1)
    assert resolve("June", date(2020, 2, 15), future=True) == date(2020, 6, 1)
    assert resolve("Friday", BASE, future=True) == date(2019, 9, 13)


# (id, published, text, trigger, the day of the trigger's event)
SENTENCES = [
    ("dateline_joined_to_lead", "2019-10-11",
     ("Friday, October 11, 2019 \n\n\nYesterday, Indonesia's security minister Wiranto was stabbed, according to "
     "government authorities."), "stabbed", date(2019, 10, 10)),
    ("date_of_own_clause", "2019-09-12",
     ("On Tuesday, United States President Donald Trump announced he had asked for national security advisor "
     "John R. Bolton's resignation Monday night, and that Bolton tendered it the next morning."), "asked",
     date(2019, 9, 9)),
    ("date_of_reporting_verb", "2019-09-12",
     ("On Tuesday, United States President Donald Trump announced he had asked for national security advisor "
     "John R. Bolton's resignation Monday night, and that Bolton tendered it the next morning."), "announced",
     date(2019, 9, 10)),
    ("year_of_the_crime", "2019-02-02",
     ("After a jury trial in Paris, two French police officers were found guilty on Thursday of raping a "
     "Canadian tourist in 2014."), "raping", date(2014, 1, 1)),
    ("day_of_the_verdict", "2019-02-02",
     ("After a jury trial in Paris, two French police officers were found guilty on Thursday of raping a "
     "Canadian tourist in 2014."), "guilty", date(2019, 1, 31)),
    ("month_comma_year", "2019-10-17",
     ("Jong was arrested in March, 2018, but South Korea's National Police Agency when announcing the arrest "
     "in May, 2018 identified him only as \"Mr. A\" as the international investigation continued."), "arrested",
     date(2018, 3, 1)),
    ("to_be_sentenced_in_june", "2020-02-15", "NBC News reported Avenatti is to be sentenced in June.",
     "sentenced", date(2020, 6, 1)),
    ("lead_day_for_later_sentences", "2019-10-05",
     ("Saturday, October 5, 2019  \n\nOn Thursday at the headquarters of the Paris Police Prefecture in Paris, "
     "France, an IT worker went on a stabbing spree, killing four. A fifth person was hospitalized in critical "
     "condition. The attacker was shot dead by police."), "shot", date(2019, 10, 3)),
    ("time_in_utc_is_no_year", "2020-06-23",
     ("On Saturday evening in Forbury Gardens in Reading, Berkshire, UK shortly before 19:00 local time "
     "(1800 UTC), a mass stabbing killed three people and injured three others."), "stabbing", date(2020, 6, 20)),
    ("date_of_the_governing_clause_before_a_relative_one", "2019-09-13",
     ("On Wednesday, the Court of Session in Scotland issued an opinion on the suspension — prorogation — of the "
      "Parliament of the United Kingdom which went into effect on Tuesday, finding it to be unlawful."), "finding",
     date(2019, 9, 11)),
    ("reported_speech_keeps_the_reporter's_time", "2019-03-28",
     ("Thursday, March 28, 2019 \n\n\nEstimates by event organizers indicate roughly one million people marched in "
      "London on Saturday during an anti-Brexit (\"British exit\") march, protesting the pending exit of the United "
      "Kingdom from the European Union (EU). Protesters, carrying placards asking the government to revoke Article "
      "50 — the EU treaty clause invoked by Brexit — and European Union flags, marched from Hyde Park Corner to "
      "Parliament."), "marched", date(2019, 3, 23)),
    ("last_night_in_a_quotation_is_the_lead's_eve", "2019-09-12",
     ("Thursday, September 12, 2019 \n\n\nOn Tuesday, United States President Donald Trump announced he had asked "
      "for national security advisor John R. Bolton's resignation Monday night, and that Bolton tendered it the "
      "next morning. Bolton gave a different account of events, also speaking via Twitter: \"I offered to resign "
      "last night and President Trump said, 'Let's talk about it tomorrow.' \""), "offered", date(2019, 9, 9)),
    ("date_of_a_relative_clause_is_not_the_event's", "2020-02-21",
     "The minister agreed to open talks with the rebels to restore the ceasefire, which collapsed in 2015.", "talks",
     date(2020, 2, 21)),
    ("year_deep_in_the_trigger's_phrase", "2020-02-21",
     ("Crystal Munoz was convicted of conspiracy to possess with intent to distribute 1,000 or more kilograms of "
      "marijuana in 2008 in the Western District of Texas, and was sentenced to serve 188 months (15 years, 8 "
      "months) in prison."), "convicted", date(2008, 1, 1)),
    ("no_lead_day_publication", "2020-02-21",
     "Trump granted Angela Ronae Stanton a full and unconditional pardon.", "pardon", date(2020, 2, 21)),
]


@pytest.mark.model
@pytest.mark.parametrize("name,published,text,trigger,expected", SENTENCES, ids=[row[0] for row in SENTENCES])
def test_event_date(pipeline, name, published, text, trigger, expected):
    doc = pipeline.nlp(pipeline.make_doc(Article(text=text, published=published)))
    token = next(t for t in reversed(doc) if t.text == trigger)
    sentence = token.sent
    ents = [e for e in doc.ents if sentence.start <= e.start < sentence.end]
    day, why = event_date(ents, token, date.fromisoformat(published))
    assert day == expected, why
