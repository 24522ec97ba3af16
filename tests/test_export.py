"""Exports: GDELT 2.0 Events/Mentions, POLECAT/PLOVER JSON Lines, Parquet and CSV.

Most tests build their documents by hand (input records we control) and check the exact
output columns; one test runs the real pipeline on the examples and checks the shape.
`handmade_store` is also used by tests/test_serve*.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from tidings.document import Actor, Article, Document, Event, Location, Mention, Quote, TextSpan
from tidings.errors import ExportError, TidingsError
from tidings.export import EVENT_COLUMNS, MENTION_COLUMNS, cameo, export_store
from tidings.export.gdelt import fraction_date, global_event_id
from tidings.store import open_store

CHINA = Actor("China", "country", "CHN", None, "CHN")
RUSSIA = Actor("Russia", "country", "RUS", None, "RUS")
UKRAINE = Actor("Ukraine", "country", "UKR", None, "UKR")
RUSSIAN_TROOPS = Actor("Russian military", "group", "RUS", "MIL", "RUSMIL")
WANG_YI = Actor("Wang Yi", "person", "CHN", "GOV", "CHNGOV", role="foreign minister")
NATO = Actor("NATO", "organization", None, "IGO", "NATO")

TEXT_A = ("China urged Russia to stop the war in Ukraine. \u201cWe will keep talking,\u201d said Wang Yi.\n\n"
          "Also Read | Nothing to see here\n\n"
          "Russian troops attacked Kherson on Tuesday. Ukraine did not threaten China. NATO met.")
TEXT_B = "Beijing spoke again on Thursday.\n\nIt urged Russia to stop the war, the ministry said."


def _mention(text: str, needle: str, actor: Actor, *, nth: int = 0, how: str = "gazetteer") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), needle, actor, how)


def _span(text: str, needle: str) -> TextSpan:
    start = text.index(needle)
    return TextSpan(start, start + len(needle), needle)


def _sentence(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    stop = text.rfind(". ", 0, start)
    begin = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    return begin, text.index(".", start) + 1


def handmade_documents() -> list[Document]:
    """Two articles whose events and quotes are fixed by hand (not by the pipeline)."""
    a = Article(text=TEXT_A, origin="a.txt", title="China urges Russia", url="https://www.example.org/a",
                source=None, published="2022-03-02")
    china, russia = _mention(TEXT_A, "China", CHINA), _mention(TEXT_A, "Russia", RUSSIA)
    troops, ukraine = _mention(TEXT_A, "Russian troops", RUSSIAN_TROOPS), _mention(TEXT_A, "Ukraine", UKRAINE, nth=1)
    china2, wang = _mention(TEXT_A, "China", CHINA, nth=1), _mention(TEXT_A, "Wang Yi", WANG_YI)
    nato = _mention(TEXT_A, "NATO", NATO)
    quote_start = TEXT_A.index("We will")
    quote = Quote(id="q1", start=quote_start, end=quote_start + len("We will keep talking,"),
                  text="We will keep talking,", kind="direct", cue=_span(TEXT_A, "said"), speaker=wang,
                  confidence=0.9, explanation="quotation marks + 'said'")
    events_a = [
        Event(id="e1", type="REQUEST", trigger=_span(TEXT_A, "urged"), sentence=(0, TEXT_A.index(".") + 1),
              source=china, target=russia, mode=None, context=["military"], cameo="0256", quad_class=1, date="2022-03-02",
              confidence=0.8, explanation="verb 'urge' + object + to-infinitive"),
        Event(id="e2", type="ASSAULT", trigger=_span(TEXT_A, "attacked"), sentence=_sentence(TEXT_A, "Russian troops"),
              source=troops, target=None, mode="explosive", cameo="190", goldstein=-10.0, quad_class=4,
              date="2022-03-01", location=Location("Kherson", "UKR"), confidence=0.7,
              explanation="verb 'attack'"),
        Event(id="e3", type="THREATEN", trigger=_span(TEXT_A, "threaten"), sentence=_sentence(TEXT_A, "Ukraine did"),
              source=ukraine, target=china2, cameo="130", goldstein=-4.4, quad_class=3, negated=True, confidence=0.6,
              explanation="verb 'threaten', negated by 'did not'"),
        Event(id="e4", type="CONSULT", trigger=_span(TEXT_A, "met"), sentence=_sentence(TEXT_A, "NATO met"),
              source=nato, target=None, cameo=None, quad_class=1, confidence=0.5, explanation="verb 'meet'"),
    ]
    doc_a = Document(article=a, boilerplate=[(TEXT_A.index("Also Read"), TEXT_A.index("here") + 4)],
                     mentions=[china, russia, _mention(TEXT_A, "Ukraine", UKRAINE), wang, troops, ukraine,
                               china2, nato],
                     quotes=[quote], events=events_a)
    b = Article(text=TEXT_B, origin="b.txt", title="Beijing again", url=None, source="Example Wire",
                published="2022-03-03")
    beijing = _mention(TEXT_B, "Beijing", CHINA, how="capital as metonym")
    it = _mention(TEXT_B, "It", CHINA, how="pronoun -> Beijing")
    russia_b = _mention(TEXT_B, "Russia", RUSSIA)
    events_b = [
        Event(id="e1", type="REQUEST", trigger=_span(TEXT_B, "urged"), sentence=(TEXT_B.index("It"), len(TEXT_B)),
              source=it, target=russia_b, cameo="0256", quad_class=1, date="2022-03-02", confidence=0.75,
              explanation="verb 'urge'"),
    ]
    doc_b = Document(article=b, mentions=[beijing, it, russia_b], events=events_b)
    return [doc_a, doc_b]


def handmade_store(path: Path):
    """A DuckDB store at `path` holding the hand-made documents (closed; reopen it read-only)."""
    store = open_store(str(path))
    store.add(handmade_documents())
    store.refresh_actors()
    store.close()
    return path


@pytest.fixture()
def store(tmp_path):
    path = handmade_store(tmp_path / "hand.duckdb")
    with open_store(str(path), read_only=True) as opened:
        yield opened


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines]


def _by_code(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    return {row[EVENT_COLUMNS.index("EventCode")]: dict(zip(EVENT_COLUMNS, row)) for row in rows}


# -- GDELT events ----------------------------------------------------------------------------

def test_gdelt_rows_have_61_columns_and_no_header(store, tmp_path):
    out = tmp_path / "events.tsv"
    written = export_store(store, "gdelt", out)
    rows = _rows(out)
    assert written == len(rows) == 3  # e1 (reported twice, one event), e2, e4; e3 is negated
    assert all(len(row) == 61 for row in rows)
    assert all(row[0].isdigit() for row in rows)  # no header line
    for row in rows:
        record = dict(zip(EVENT_COLUMNS, row))
        assert record["EventRootCode"] == record["EventCode"][:2]
        assert record["EventBaseCode"] == record["EventCode"][:3]
        assert record["QuadClass"] in {"1", "2", "3", "4"}


def test_gdelt_request_event_columns(store, tmp_path):
    export_store(store, "gdelt", tmp_path / "events.tsv")
    row = _by_code(_rows(tmp_path / "events.tsv"))["0256"]
    assert row["SQLDATE"] == "20220302"
    assert row["MonthYear"] == "202203"
    assert row["Year"] == "2022"
    assert row["FractionDate"] == "2022.1699"  # ((3 - 1) * 30 + 2) / 365
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == ("CHN", "CHINA", "CHN")
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2CountryCode"]) == ("RUS", "RUSSIA", "RUS")
    assert row["Actor1Type1Code"] == "" and row["Actor1KnownGroupCode"] == ""
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("0256", "025", "02")
    assert row["QuadClass"] == "1"
    assert float(row["GoldsteinScale"]) == cameo.goldstein("0256")
    assert row["IsRootEvent"] == "1"  # in the lead paragraph of the first report
    # Reported by two articles from two outlets: one GDELT event with three counts.
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    # Mean of the two reports' tones: A has 4 negative words of 29 (boilerplate left out:
    # stop, war, attacked, threaten), B 2 of 15 (stop, war): (-13.7931 + -13.3333) / 2.
    assert row["AvgTone"] == "-13.5632"
    # Actors placed by their country (no place named with them), at the capital's coordinates.
    assert (row["Actor1Geo_Type"], row["Actor1Geo_FullName"], row["Actor1Geo_CountryCode"]) == ("1", "China", "CH")
    assert (row["Actor1Geo_ADM1Code"], row["Actor1Geo_FeatureID"]) == ("CH", "CH")
    assert abs(float(row["Actor1Geo_Lat"]) - 39.9) < 0.1 and abs(float(row["Actor1Geo_Long"]) - 116.4) < 0.1
    assert (row["Actor2Geo_Type"], row["Actor2Geo_FullName"], row["Actor2Geo_CountryCode"]) == ("1", "Russia", "RS")
    assert row["ActionGeo_Type"] == "0" and row["ActionGeo_FullName"] == ""
    assert row["SOURCEURL"] == "https://www.example.org/a"  # the earliest report
    assert len(row["DATEADDED"]) == 14 and row["DATEADDED"].startswith(str(dt.date.today().year)[:2])
    assert int(row["GLOBALEVENTID"]) == global_event_id("2022-03-02|CHN|RUS|0256||")


def test_gdelt_assault_event_columns(store, tmp_path):
    export_store(store, "gdelt", tmp_path / "events.tsv")
    row = _by_code(_rows(tmp_path / "events.tsv"))["190"]
    assert row["SQLDATE"] == "20220301"  # the event's own date, not the publication date
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    assert row["Actor1Name"] == "RUSSIAN MILITARY"
    assert row["Actor2Code"] == "" and row["Actor2Name"] == ""
    assert (row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("190", "19", "4")
    assert row["GoldsteinScale"] == "-10.0"
    assert row["IsRootEvent"] == "0"
    assert row["ActionGeo_Type"] == "4"  # a world city
    assert row["ActionGeo_FullName"] == "Kherson, Ukraine"
    assert row["ActionGeo_CountryCode"] == "UP"  # FIPS 10-4, not ISO
    assert row["ActionGeo_ADM1Code"].startswith("UP")
    assert abs(float(row["ActionGeo_Lat"]) - 46.6) < 0.2 and abs(float(row["ActionGeo_Long"]) - 32.6) < 0.2
    # "Russian troops attacked Kherson": Kherson is where they acted, not a place named with them.
    assert (row["Actor1Geo_Type"], row["Actor1Geo_FullName"], row["Actor1Geo_CountryCode"]) == ("1", "Russia", "RS")
    assert row["Actor2Geo_Type"] == "0" and row["Actor2Geo_FullName"] == ""  # no target
    assert row["AvgTone"] == "-13.7931"  # only article A reports it
    assert (row["NumMentions"], row["NumArticles"]) == ("1", "1")


def test_gdelt_fills_code_from_plover_type_and_known_group(store, tmp_path):
    export_store(store, "gdelt", tmp_path / "events.tsv")
    row = _by_code(_rows(tmp_path / "events.tsv"))["040"]  # CONSULT without a CAMEO code
    assert row["Actor1Code"] == "NATO"
    assert row["Actor1KnownGroupCode"] == "NAT"
    assert row["Actor1Type1Code"] == "IGO"
    assert row["Actor1Geo_Type"] == "0"  # an organisation without a country or a place in the text
    assert row["QuadClass"] == "1"
    assert row["SQLDATE"] == "20220302"  # no event date: the publication date


def test_gdelt_negated_events_only_on_request(store, tmp_path):
    export_store(store, "gdelt", tmp_path / "all.tsv", include_negated=True)
    assert "130" in _by_code(_rows(tmp_path / "all.tsv"))


def test_gdelt_one_row_per_record_when_not_grouped(store, tmp_path):
    written = export_store(store, "gdelt", tmp_path / "flat.tsv", group=False)
    rows = _rows(tmp_path / "flat.tsv")
    assert written == len(rows) == 4
    ids = [int(r[0]) for r in rows]
    assert len(set(ids)) == 4
    assert all(r[EVENT_COLUMNS.index("NumMentions")] == "1" for r in rows)


def test_gdelt_ids_are_stable_across_exports(store, tmp_path):
    export_store(store, "gdelt", tmp_path / "one.tsv")
    export_store(store, "gdelt", tmp_path / "two.tsv")
    assert (tmp_path / "one.tsv").read_text() == (tmp_path / "two.tsv").read_text()


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2022, 1, 1), "2022.0027"), (dt.date(2005, 2, 18), "2005.1315"), (dt.date(2020, 12, 31), "2020.9890"),
])
def test_fraction_date(day, expected):
    assert fraction_date(day) == expected


@pytest.mark.parametrize(("code", "country", "sector", "kind", "expected"), [
    ("UKRGOV", "UKR", "GOV", "person", ("UKR", "", ["GOV"])),
    ("CHN", "CHN", None, "country", ("CHN", "", [])),
    ("IGOWSTNAT", None, None, "organization", ("WST", "NAT", ["IGO"])),
    ("UNO", None, "IGO", "organization", ("", "UNO", ["IGO"])),
    ("RUSMILREB", None, None, None, ("RUS", "", ["MIL", "REB"])),
    ("MED", None, "MED", "group", ("", "", ["MED"])),
    ("IMGREB", None, "REB", "group", ("", "", ["IMG", "REB"])),  # IMG: international militarised group
    ("IGOG7", None, "IGO", "organization", ("", "", ["IGO"])),  # "G7" is no CAMEO known-group code
    ("IMGMUSALQ", None, None, "group", ("", "ALQ", ["IMG"])),
])
def test_split_actor_code(code, country, sector, kind, expected):
    parts = cameo.split_actor_code(code, country=country, sector=sector, kind=kind)
    assert (parts.country, parts.known_group, parts.types) == expected


# -- GDELT mentions --------------------------------------------------------------------------

def test_gdelt_mentions(store, tmp_path):
    export_store(store, "gdelt", tmp_path / "events.tsv")
    written = export_store(store, "gdelt-mentions", tmp_path / "mentions.tsv")
    rows = [dict(zip(MENTION_COLUMNS, r)) for r in _rows(tmp_path / "mentions.tsv")]
    assert written == len(rows) == 4  # every report of every exported event
    assert all(len(r) == 16 for r in _rows(tmp_path / "mentions.tsv"))
    event_ids = {r[0] for r in _rows(tmp_path / "events.tsv")}
    assert {r["GLOBALEVENTID"] for r in rows} == event_ids  # they join
    urged = [r for r in rows if r["GLOBALEVENTID"] == str(global_event_id("2022-03-02|CHN|RUS|0256||"))]
    assert len(urged) == 2
    web, wire = urged
    assert (web["MentionType"], web["MentionSourceName"], web["MentionIdentifier"]) == (
        "1", "example.org", "https://www.example.org/a")
    assert (wire["MentionType"], wire["MentionSourceName"], wire["MentionIdentifier"]) == ("2", "Example Wire", "b.txt")
    assert web["SentenceID"] == "1" and wire["SentenceID"] == "2"
    assert web["Actor1CharOffset"] == str(TEXT_A.index("China"))
    assert web["Actor2CharOffset"] == str(TEXT_A.index("Russia"))
    assert web["ActionCharOffset"] == str(TEXT_A.index("urged"))
    assert web["InRawText"] == "1" and wire["InRawText"] == "0"  # "It" needed resolving
    assert web["Confidence"] == "80"
    assert web["MentionDocLen"] == str(len(TEXT_A))
    assert (web["MentionDocTone"], wire["MentionDocTone"]) == ("-13.7931", "-13.3333")  # -4/29, -2/15
    assert web["MentionDocTranslationInfo"] == ""
    assert web["EventTimeDate"] == wire["EventTimeDate"] != ""
    assert web["Extras"] == f"<TIDINGS_ID>{Article(text=TEXT_A).id}:e1</TIDINGS_ID>"
    assault = next(r for r in rows if r["ActionCharOffset"] == str(TEXT_A.index("attacked")))
    assert assault["Actor2CharOffset"] == "-1"


# -- POLECAT ---------------------------------------------------------------------------------

def test_polecat_json_lines(store, tmp_path):
    written = export_store(store, "polecat", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert written == len(records) == 5  # every event, the negated one too
    by_id = {r["id"].split("-")[-1] + r["publicationDate"]: r for r in records}
    urged = by_id["e12022-03-02"]
    assert urged["event"] == "REQUEST" and urged["date"] == "2022-03-02" and urged["dateFrom"] == "text"
    assert urged["context"] == ["military"] and urged["mode"] == ""
    assert urged["source"][0]["actorText"] == "China" and urged["source"][0]["code"] == "CHN"
    assert urged["target"][0]["name"] == "Russia"
    assert urged["eventText"] == "urged"
    assert urged["text"] == "China urged Russia to stop the war in Ukraine."
    assert urged["url"] == "https://www.example.org/a" and urged["headline"] == "China urges Russia"
    assert urged["cameo"] == "0256" and urged["explanation"].startswith("verb")
    threat = by_id["e32022-03-02"]
    assert threat["negated"] is True
    assault = by_id["e22022-03-02"]
    assert assault["eventLoc"] == {"name": "Kherson", "country code": "UKR", "lat": None, "lon": None}
    assert assault["mode"] == "explosive"
    wire = by_id["e12022-03-03"]
    assert wire["source"][0]["actorText"] == "It" and wire["source"][0]["name"] == "China"
    assert wire["publication"] == "Example Wire"
    assert (urged["tone"], wire["tone"]) == (-13.7931, -13.3333)


def test_polecat_names_the_quote_an_event_was_reported_in(tmp_path):
    text = "Wang Yi said: \u201cChina urges Russia to talk.\u201d"
    start = text.index("China urges")
    wang = Mention(0, 7, "Wang Yi", WANG_YI)
    china = Mention(start, start + 5, "China", CHINA)
    russia = Mention(text.index("Russia"), text.index("Russia") + 6, "Russia", RUSSIA)
    quote = Quote(id="q1", start=start, end=text.index("\u201d"), text=text[start:text.index("\u201d")],
                  kind="direct", speaker=wang)
    event = Event(id="e1", type="REQUEST", trigger=_span(text, "urges"), sentence=(0, len(text)),
                  source=china, target=russia, cameo="020")
    path = tmp_path / "q.duckdb"
    with open_store(str(path)) as writable:
        writable.add([Document(Article(text=text, published="2022-03-02"), mentions=[wang, china, russia],
                               quotes=[quote], events=[event])])
    with open_store(str(path), read_only=True) as readable:
        export_store(readable, "polecat", tmp_path / "out.jsonl")
    record = json.loads((tmp_path / "out.jsonl").read_text())
    assert record["quote"] == {"id": "q1", "text": "China urges Russia to talk.", "kind": "direct",
                               "speaker": "Wang Yi"}


# -- Parquet and CSV -------------------------------------------------------------------------

def test_parquet_one_file_per_table(store, tmp_path):
    import duckdb

    out = tmp_path / "parquet"
    written = export_store(store, "parquet", out)
    files = sorted(p.name for p in out.iterdir())
    assert files == ["actors.parquet", "articles.parquet", "events.parquet", "mentions.parquet", "quotes.parquet"]
    counts = store.counts()
    assert written == sum(counts.values())
    for table, count in counts.items():
        found = duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{out / (table + '.parquet')}')").fetchall()[0][0]
        assert found == count
    described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out / 'events.parquet'}')").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["goldstein"] == "DOUBLE" and types["date"] == "DATE" and types["negated"] == "BOOLEAN"
    tones = duckdb.sql(f"SELECT tone FROM read_parquet('{out / 'articles.parquet'}') ORDER BY tone").fetchall()
    assert tones == [(-13.7931,), (-13.3333,)]


def test_csv_one_file_per_table(store, tmp_path):
    out = tmp_path / "csv"
    export_store(store, "csv", out)
    with (out / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    assert {r["type"] for r in rows} == {"REQUEST", "ASSAULT", "THREATEN", "CONSULT"}
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        articles = list(csv.DictReader(handle))
    assert {a["text"] for a in articles} == {TEXT_A, TEXT_B}  # newlines survive CSV quoting
    # One column beyond the table: the document tone, as in MentionDocTone (boilerplate left out).
    assert {a["text"]: float(a["tone"]) for a in articles} == {TEXT_A: -13.7931, TEXT_B: -13.3333}


# -- errors --------------------------------------------------------------------------------

def test_unknown_format(store, tmp_path):
    with pytest.raises(ExportError, match="T801"):
        export_store(store, "acled", tmp_path / "x")


def test_folder_format_into_a_file(store, tmp_path):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(ExportError, match="T803"):
        export_store(store, "parquet", tmp_path / "taken")


def test_missing_parent_folder(store, tmp_path):
    with pytest.raises(TidingsError, match="T804"):
        export_store(store, "gdelt", tmp_path / "no" / "such" / "events.tsv")
    assert not (tmp_path / "no").exists()


def test_gdelt_into_a_folder(store, tmp_path):
    with pytest.raises(ExportError, match="T802"):
        export_store(store, "gdelt", tmp_path)


def test_empty_store_writes_empty_files(tmp_path):
    path = tmp_path / "empty.duckdb"
    open_store(str(path)).close()
    with open_store(str(path), read_only=True) as empty:
        assert export_store(empty, "gdelt", tmp_path / "e.tsv") == 0
        assert export_store(empty, "polecat", tmp_path / "e.jsonl") == 0
        assert export_store(empty, "csv", tmp_path / "csv") == 0
    assert (tmp_path / "e.tsv").read_text() == ""
    assert (tmp_path / "csv" / "events.csv").exists()


# -- the CLI -------------------------------------------------------------------------------

def test_cli_export(tmp_path):
    from typer.testing import CliRunner

    from tidings.cli import app

    path = handmade_store(tmp_path / "cli.duckdb")
    result = CliRunner().invoke(app, ["export", "--format", "gdelt", "--db", str(path), str(tmp_path / "g.tsv")])
    assert result.exit_code == 0, result.output
    assert len(_rows(tmp_path / "g.tsv")) == 3
    result = CliRunner().invoke(app, ["export", "--format", "gdelt", "--db", str(tmp_path / "nothing.duckdb"),
                                      str(tmp_path / "g2.tsv")])
    assert result.exit_code == 1
    assert "T303" in result.output


# -- end to end on the real pipeline ---------------------------------------------------------

@pytest.mark.model
def test_real_pipeline_exports_have_the_right_shape(pipeline, tmp_path):
    from conftest import EXAMPLES, SEED, SEED_PUBLISHED

    from tidings.engine import run

    articles = [Article(text=SEED.read_text(encoding="utf-8"), origin=str(SEED), published=SEED_PUBLISHED)]
    for path in sorted((EXAMPLES / "wikinews").glob("*.txt"))[:4]:
        articles.append(Article(text=path.read_text(encoding="utf-8"), origin=str(path),
                                published=path.name[:10]))
    db = tmp_path / "real.duckdb"
    with open_store(str(db)) as writable:
        writable.add(run(articles, pipeline=pipeline))
        writable.refresh_actors()
    with open_store(str(db), read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == len(articles)
        events = export_store(store, "gdelt", tmp_path / "g.tsv")
        mentions = export_store(store, "gdelt-mentions", tmp_path / "m.tsv")
        polecat = export_store(store, "polecat", tmp_path / "p.jsonl")
        tables = export_store(store, "parquet", tmp_path / "parquet")
    rows = _rows(tmp_path / "g.tsv") if events else []
    assert len(rows) == events <= mentions <= polecat == counts["events"]
    assert tables == sum(counts.values())
    for row in rows:
        assert len(row) == 61
        record = dict(zip(EVENT_COLUMNS, row))
        assert record["EventCode"].isdigit() and record["EventRootCode"] == record["EventCode"][:2]
        day = dt.datetime.strptime(record["SQLDATE"], "%Y%m%d").date()  # a real date
        assert record["MonthYear"] == record["SQLDATE"][:6] and record["Year"] == record["SQLDATE"][:4]
        assert 1900 < day.year < 2100
    for row in _rows(tmp_path / "m.tsv") if mentions else []:
        assert len(row) == 16
    for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["event"] and record["articleId"]


@pytest.mark.parametrize(("text", "lead"), [
    ("China urged Russia.\n\nMore later.", "China urged Russia."),
    ("Wednesday, January 23, 2019\n\n\nGermany on Monday banned Iranian airline Mahan Air.\n\nMore.",
     "Germany on Monday banned Iranian airline Mahan Air."),
    ("Short.\nSecond paragraph.", "Short."),
    ("One. " * 300, "One. One. "),  # no paragraphs: the first two sentences
])
def test_lead_paragraph(text, lead):
    from tidings.export.source import lead_span

    start, end = lead_span(text, [])
    assert text[start:end] == lead


@pytest.fixture()
def postgres_store_url(postgres_url):
    """A fresh schema in the test PostgreSQL holding the hand-made documents; dropped afterwards."""
    import uuid
    from urllib.parse import quote

    import psycopg

    schema_name = f"tidings_export_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema_name}")
    separator = "&" if "?" in postgres_url else "?"
    url = f"{postgres_url}{separator}options={quote(f'-csearch_path={schema_name}')}"
    with open_store(url) as store:
        store.add(handmade_documents())
        store.refresh_actors()
    yield url
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema_name} CASCADE")


@pytest.mark.postgres
def test_exports_from_postgresql_match_duckdb(postgres_store_url, store, tmp_path):
    with open_store(postgres_store_url) as postgres:
        for fmt in ("gdelt", "gdelt-mentions", "polecat"):
            assert export_store(postgres, fmt, tmp_path / f"pg.{fmt}") == export_store(store, fmt, tmp_path / f"dd.{fmt}")
            pg_lines = (tmp_path / f"pg.{fmt}").read_text().splitlines()
            dd_lines = (tmp_path / f"dd.{fmt}").read_text().splitlines()
            if fmt == "polecat":  # the same records; only the storing day may differ
                assert [json.loads(line)["id"] for line in pg_lines] == [json.loads(line)["id"] for line in dd_lines]
            else:  # the same ids and columns, apart from the timestamps of storing
                stamp = {"gdelt": [59], "gdelt-mentions": [1, 2]}[fmt]
                strip = [[v for n, v in enumerate(line.split("\t")) if n not in stamp] for line in pg_lines]
                assert strip == [[v for n, v in enumerate(line.split("\t")) if n not in stamp] for line in dd_lines]
        assert export_store(postgres, "parquet", tmp_path / "pq") == sum(postgres.counts().values())
    import duckdb

    described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path / 'pq' / 'events.parquet'}')").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["goldstein"] == "DOUBLE" and types["date"] == "DATE"


def test_exports_one_after_another_on_one_store(store, tmp_path):
    """Parquet and CSV after other exports and queries on the same open store (the tone function is
    registered each time on a cursor of its own)."""
    store.query("SELECT id FROM articles")
    export_store(store, "polecat", tmp_path / "p.jsonl")
    total = sum(store.counts().values())
    for n in range(2):
        assert export_store(store, "parquet", tmp_path / f"parquet{n}") == total
        assert export_store(store, "csv", tmp_path / f"csv{n}") == total
    assert export_store(store, "gdelt", tmp_path / "g.tsv") == 3
