"""The REST API and the pages, through FastAPI's TestClient, over a hand-made store and a real one."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from conftest import need, shared_data_dir
from fastapi.testclient import TestClient
from test_export import TEXT_A, TEXT_B, handmade_store, postgres_store_url  # noqa: F401  (a fixture)

from tidings.document import Article
from tidings.serve import create_app
from tidings.serve.highlight import Mark, highlight

ID_A, ID_B = Article(text=TEXT_A).id, Article(text=TEXT_B).id
CHECK_CONTRACT = shared_data_dir().parent / "tools" / "check_contract.py"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = handmade_store(tmp_path_factory.mktemp("serve") / "hand.duckdb")
    with TestClient(create_app(str(db))) as test_client:
        yield test_client


# -- API -------------------------------------------------------------------------------------

def test_health_and_stats(client):
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["counts"]["articles"] == 2
    stats = client.get("/api/stats").json()
    assert stats["counts"]["events"] == 5 and stats["counts"]["quotes"] == 1
    assert stats["published"] == {"first": "2022-03-02", "last": "2022-03-03"}
    assert stats["event_types"]["REQUEST"] == 2


def test_events_with_the_query_filters(client):
    everything = client.get("/api/events").json()
    assert len(everything) == 5
    assert {e["article"]["id"] for e in everything} == {ID_A, ID_B}
    requests = client.get("/api/events", params={"type": "request"}).json()
    assert [e["type"] for e in requests] == ["REQUEST", "REQUEST"]
    assert requests[0]["source"]["code"] == "CHN" and requests[0]["trigger"]["text"] == "urged"
    russia = client.get("/api/events", params={"actor": "RUS"}).json()
    assert {e["type"] for e in russia} == {"REQUEST", "ASSAULT"}
    assert len(client.get("/api/events", params={"since": "2022-03-03"}).json()) == 1
    assert len(client.get("/api/events", params={"until": "2022-03-02", "limit": 2}).json()) == 2
    assert client.get("/api/events", params={"country": "UKR"}).json()[0]["type"] == "THREATEN"


def test_bad_filters_are_422_with_the_catalogue_message(client):
    response = client.get("/api/events", params={"since": "March 2022"})
    assert response.status_code == 422
    assert "T814" in response.json()["detail"]
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_quotes_actors_dyads(client):
    quotes = client.get("/api/quotes", params={"text": "keep talking"}).json()
    assert len(quotes) == 1 and quotes[0]["speaker"]["name"] == "Wang Yi"
    assert client.get("/api/quotes", params={"actor": "RUS"}).json() == []
    actors = client.get("/api/actors").json()
    china = next(a for a in actors if a["code"] == "CHN")
    assert china["mentions"] == 4 and china["articles"] == 2
    dyads = client.get("/api/dyads").json()
    assert {"source": "CHN", "target": "RUS", "type": "REQUEST", "events": 2, "mean_goldstein": None} in dyads


def test_articles_list_and_document(client):
    listed = client.get("/api/articles").json()
    assert [a["id"] for a in listed] == [ID_B, ID_A]  # newest first
    assert listed[1]["events"] == 4 and listed[1]["quotes"] == 1
    assert [a["id"] for a in client.get("/api/articles", params={"text": "beijing"}).json()] == [ID_B]
    document = client.get(f"/api/articles/{ID_A}").json()
    assert document["article"]["text"] == TEXT_A
    assert document["article"]["published"] == "2022-03-02"
    assert document["boilerplate"] == [[TEXT_A.index("Also Read"), TEXT_A.index("here") + 4]]
    assert [m["text"] for m in document["mentions"]][:2] == ["China", "Russia"]
    assert document["mentions"][0]["actor"] == {"name": "China", "kind": "country", "country": "CHN",
                                                "sector": None, "code": "CHN"}
    assert [e["id"] for e in document["events"]] == ["e1", "e2", "e3", "e4"]
    for item in document["mentions"] + document["quotes"] + [e["trigger"] for e in document["events"]]:
        assert TEXT_A[item["start"]:item["end"]] == item["text"]
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "T813" in missing.json()["detail"]


def test_article_document_passes_the_contract_checker(client):
    need(CHECK_CONTRACT.exists(), f"{CHECK_CONTRACT} not found")
    document = client.get(f"/api/articles/{ID_A}").json()
    document.pop("stored")
    result = subprocess.run([sys.executable, str(CHECK_CONTRACT)], input=json.dumps(document) + "\n",
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_timeline_and_network(client):
    timeline = client.get("/api/timeline").json()
    assert timeline["unit"] == "day"
    by_day = {d["date"]: d for d in timeline["series"]}
    assert by_day["2022-03-01"]["4"] == 1  # the assault, on its own date
    assert sum(d["total"] for d in timeline["series"]) == 5
    network = client.get("/api/network").json()
    assert {n["id"] for n in network["nodes"]} == {"CHN", "RUS", "UKR"}
    edge = next(e for e in network["edges"] if (e["source"], e["target"]) == ("CHN", "RUS"))
    assert edge["events"] == 2 and edge["types"] == {"REQUEST": 2}
    only = client.get("/api/network", params={"type": "THREATEN"}).json()
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("UKR", "CHN")]


def test_export_download(client):
    response = client.get("/api/export/gdelt")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    assert all(len(line.split("\t")) == 61 for line in response.text.splitlines())
    polecat = client.get("/api/export/polecat").text.splitlines()
    assert len(polecat) == 5 and json.loads(polecat[0])["event"]
    assert client.get("/api/export/acled").status_code == 422


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/quotes", "/api/actors", "/api/dyads", "/api/articles",
                 "/api/articles/{article_id}", "/api/timeline", "/api/network", "/api/stats"):
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert names == {"type", "actor", "country", "since", "until", "limit"}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "cdn.jsdelivr" not in docs.text  # the machine may be offline
    script = re.search(r'src="([^"]+swagger-ui-bundle\.js)"', docs.text)
    assert script and client.get(script.group(1)).status_code == 200


# -- pages -----------------------------------------------------------------------------------

def test_dashboard_page(client):
    html = client.get("/").text
    assert 'id="counts"' in html and 'id="timeline"' in html and 'id="network"' in html
    assert 'id="top-actors"' in html and 'id="event-table"' in html and 'id="quote-list"' in html
    data = json.loads(re.search(r'<script type="application/json" id="network-data">(.*?)</script>', html, re.DOTALL)
                      .group(1))
    assert {n["id"] for n in data["nodes"]} == {"CHN", "RUS", "UKR"}
    assert "cdn" not in html.lower() and "https://" not in re.sub(r'href="https://www\.example\.org/a"', "", html)
    filtered = client.get("/", params={"type": "ASSAULT"}).text
    assert "Russian military" in filtered


def test_list_pages(client):
    events = client.get("/events", params={"actor": "CHN"}).text
    assert events.count('<tr class="quad') == 3  # the two requests and the negated threat
    assert f'/articles/{ID_A}#e-e1' in events
    assert "Wang Yi" in client.get("/quotes").text
    assert "Russian military" in client.get("/actors").text
    assert "China urges Russia" in client.get("/articles").text


def test_article_page_highlights_with_explanations(client):
    html = client.get(f"/articles/{ID_A}").text
    assert 'id="article-text"' in html
    assert re.search(r'class="hl mention kind-country" data-ref="m0-5" data-layer="mention" title="China → China '
                     r'\(CHN\) \[country, CHN\]\nhow: gazetteer">China</span>', html)
    trigger = re.search(r'<span class="hl trigger [^"]*" data-ref="e-e1"[^>]*title="([^"]*)">urged</span>', html)
    assert trigger and "REQUEST" in trigger.group(1) and "urge" in trigger.group(1)
    assert 'data-ref="q-q1" data-layer="quote"' in html and 'data-layer="cue"' in html
    assert 'class="hl boilerplate' in html
    assert 'class="hl trigger negated"' in html
    assert 'id="e-e3"' in html and "negated" in html
    assert client.get("/articles/nope").status_code == 404


def test_store_missing_or_locked_is_a_clear_503(tmp_path):
    with TestClient(create_app(str(tmp_path / "gone.duckdb"))) as missing:
        response = missing.get("/api/events")
        assert response.status_code == 503 and "T812" in response.json()["detail"]
        page = missing.get("/")
        assert page.status_code == 503 and "T812" in page.text


@pytest.mark.parametrize(("text", "marks", "expected"), [
    ("a <b> c", [], "a &lt;b&gt; c"),
    ("China urged", [Mark(0, 5, "mention", "m", "t")],
     '<span class="hl mention " data-ref="m" data-layer="mention" title="t">China</span> urged'),
    # a trigger inside a quote is wrapped by the quote, piece by piece
    ("said: go now", [Mark(6, 12, "quote", "q", "Q"), Mark(6, 8, "trigger", "e", "E")],
     ('said: <span class="hl quote " data-ref="q" data-layer="quote" title="Q">'
      '<span class="hl trigger " data-ref="e" data-layer="trigger" title="E">go</span></span>'
      '<span class="hl quote " data-ref="q" data-layer="quote" title="Q"> now</span>')),
])
def test_highlight(text, marks, expected):
    assert highlight(text, marks) == expected


def test_highlight_keeps_every_character_when_spans_cross():
    text = "abcdefghij"
    marks = [Mark(1, 6, "quote", "q", "Q"), Mark(4, 9, "trigger", "e", "E"), Mark(0, 10, "boilerplate", "b", "B")]
    html = highlight(text, marks)
    assert re.sub(r"<[^>]+>", "", html) == text
    assert html.count("<span") == html.count("</span>")


# -- end to end on the real pipeline -----------------------------------------------------------

@pytest.mark.model
def test_real_store_pages_and_documents(pipeline, tmp_path):
    from conftest import SEED, SEED_PUBLISHED

    from tidings.store import open_store

    doc = pipeline(Article(text=SEED.read_text(encoding="utf-8"), origin=str(SEED), published=SEED_PUBLISHED))
    db = tmp_path / "seed.duckdb"
    with open_store(str(db)) as store:
        store.add([doc])
        store.refresh_actors()
    with TestClient(create_app(str(db))) as client:
        stored = client.get(f"/api/articles/{doc.article.id}").json()
        stored.pop("stored")
        expected = json.loads(json.dumps(doc.to_dict()))
        for mention in expected["mentions"]:
            mention["actor"].pop("role", None)
        assert stored["article"] == expected["article"]
        assert stored["mentions"] == expected["mentions"]
        assert stored["quotes"] == expected["quotes"]
        assert stored["events"] == expected["events"]
        page = client.get(f"/articles/{doc.article.id}")
        assert page.status_code == 200
        text = re.sub(r"<[^>]+>", "", re.search(r'id="article-text">(.*?)</article>', page.text, re.DOTALL).group(1))
        import html as html_module

        assert html_module.unescape(text) == doc.article.text  # highlighting never loses a character
        assert client.get("/").status_code == 200


def test_docs_cover_every_endpoint_and_column(client):
    """docs/api.md cannot drift: every API path and every GDELT column is described there."""
    from tidings.export import EVENT_COLUMNS, MENTION_COLUMNS

    docs = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    paths = [p for p in client.get("/openapi.json").json()["paths"] if p.startswith("/api/")]
    missing = [p for p in paths if f"`{p}`" not in docs]
    assert not missing, f"describe these endpoints in docs/api.md: {missing}"
    undocumented = [c for c in EVENT_COLUMNS + MENTION_COLUMNS if not re.search(rf"\b{c}\b", docs)]
    assert not undocumented, f"describe these columns in docs/api.md: {undocumented}"


@pytest.mark.postgres
def test_api_over_postgresql(postgres_store_url):  # noqa: F811  (the fixture imported above)
    with TestClient(create_app(postgres_store_url)) as client:
        assert client.get("/api/stats").json()["counts"]["events"] == 5
        assert len(client.get("/api/events", params={"type": "request", "since": "2022-03-01"}).json()) == 2
        assert client.get(f"/api/articles/{ID_A}").json()["article"]["text"] == TEXT_A
        assert client.get("/api/timeline").json()["series"]
        assert client.get("/api/network").json()["edges"]
        assert client.get("/").status_code == 200
        assert client.get(f"/articles/{ID_A}").status_code == 200


def test_page_errors_are_pages(client):
    bad = client.get("/events", params={"since": "yesterday"})
    assert bad.status_code == 422 and "T814" in bad.text and "<html" in bad.text
    lost = client.get("/no/such/page")
    assert lost.status_code == 404 and "<html" in lost.text
    assert client.get("/api/no/such").headers["content-type"].startswith("application/json")
