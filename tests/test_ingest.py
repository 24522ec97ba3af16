"""Ingestion on fixtures the tests make themselves: HTML, feeds (served from 127.0.0.1), WARC,
CSV, JSON Lines, gzip, standard input, languages, duplicates, and bad input of every kind."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tidings.document import Article, Document
from tidings.ingest import Problem, ReadOptions, read_inputs
from tidings.ingest.dedup import Deduplicator
from tidings.ingest.html import article_from_html, fragment_text
from tidings.ingest.language import detect_language
from tidings.ingest.read import gunzip
from tidings.ingest.triage import Triage

PARAGRAPHS = [
    ("Ukraine's foreign minister Dmytro Kuleba called his Chinese counterpart Wang Yi on Tuesday and asked "
     "Beijing to use its influence with Moscow to stop the war."),
    ("Wang said China deplored the outbreak of the conflict between Ukraine and Russia and was extremely "
     "concerned about the harm to civilians, according to a statement from the Chinese foreign ministry."),
    ("China is willing to continue to play a constructive role and to work with the international community "
     "for a ceasefire, the statement said, adding that the two sides should resolve the crisis through talks."),
    ("Kuleba told reporters in Kyiv that he expected Beijing to show that it stands for peace and that it "
     "would not help Russia evade the sanctions imposed by Western governments since the invasion began."),
]
GERMAN = ("Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen. Außenministerin "
          "Baerbock sagte in Berlin, man werde die Ukraine weiter unterstützen, solange es nötig sei.")


def page(*, body: str = "", title: str = "Kuleba asks China to help end the war", head: str = "") -> str:
    paragraphs = body or "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | World News</title>
<meta charset="utf-8"><meta property="og:site_name" content="World News">
<meta property="og:title" content="{title}">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2022-03-02T08:15:00Z">
<link rel="canonical" href="https://news.example.org/world/kuleba-china">{head}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a>
</li></ul></nav><main><article><h1>{title}</h1><p class="byline">By Jane Reporter</p>{paragraphs}</article>
</main><footer><p>Copyright 2022 World News. All rights reserved. Contact us. Privacy policy.</p></footer>
</body></html>"""


def read_all(paths, **options) -> tuple[list[Article], list[Problem], ReadOptions]:
    opts = ReadOptions(**options)
    items = list(read_inputs([str(p) for p in paths], opts))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)], opts)


# -- HTML ------------------------------------------------------------------------------------------------
def test_html_page_gives_main_text_title_byline_date_site_and_canonical_url(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(page(), encoding="utf-8")
    (article,), problems, _ = read_all([path])
    assert problems == []
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "Privacy policy" not in article.text and "Sport" not in article.text
    assert article.title == "Kuleba asks China to help end the war"
    assert article.url == "https://news.example.org/world/kuleba-china"
    assert article.published == "2022-03-02"
    assert article.source == "World News"
    assert article.extra["byline"] == "Jane Reporter"
    assert article.language == "en"
    assert article.origin == str(path)
    start = article.text.index("Wang said")
    assert article.text[start:start + 9] == "Wang said"  # offsets point into the extracted text


@pytest.mark.parametrize("html, why", [
    ("<html><head><title>Nothing</title></head><body></body></html>", "T113"),
    ("<html><body><nav><a href='/'>Home</a> <a href='/x'>More</a></nav></body></html>", "T113"),
])
def test_empty_pages_are_problems_not_articles(html, why):
    item = article_from_html(html.encode(), origin="empty.html")
    assert isinstance(item, Problem) and item.message.startswith(why)


def test_malformed_html_still_gives_its_text():
    broken = page().replace("</p>", "").replace("</article>", "").replace("</body></html>", "<div><span><p")
    item = article_from_html(broken.encode("utf-8"), origin="broken.html")
    assert isinstance(item, Article)
    assert PARAGRAPHS[1][:60] in item.text


def test_html_in_another_encoding_is_decoded_from_its_meta_charset():
    html = page(body="<p>" + "Le ministre a déclaré que la France soutient l'Ukraine et ses voisins. " * 6 + "</p>")
    html = html.replace('charset="utf-8"', 'charset="iso-8859-1"')
    item = article_from_html(html.encode("latin-1"), origin="latin1.html")
    assert isinstance(item, Article) and "déclaré" in item.text


def test_fragment_text_keeps_paragraphs_apart_and_drops_markup():
    text = fragment_text("<p>The president&#8217;s <b>new</b> speech</p><p>Second<br>line</p><script>x=1</script>")
    assert text == "The president\u2019s new speech\n\nSecond\nline"


# -- feeds -----------------------------------------------------------------------------------------------
def rss(link_full: str, link_summary: str, link_broken: str) -> str:
    full = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>World News</title><link>https://news.example.org/</link><description>d</description>
<item><title>Full story</title><link>{link_full}</link><pubDate>Wed, 02 Mar 2022 08:15:00 +0000</pubDate>
<description>Kuleba called Wang Yi.</description><content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>Teaser only</title><link>{link_summary}</link><pubDate>Thu, 03 Mar 2022 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Turkey offered to host talks between Russia and Ukraine in Antalya.&lt;/p&gt;</description></item>
<item><title>Broken link</title><link>{link_broken}</link><pubDate>Fri, 04 Mar 2022 10:00:00 GMT</pubDate>
<description>India abstained in the vote at the United Nations General Assembly.</description></item>
</channel></rss>"""


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Nachrichten</title><id>urn:x</id>
<updated>2022-03-02T10:00:00+01:00</updated>
<entry><title>Sanktionen</title><id>urn:1</id><link href="https://example.de/1"/>
<updated>2022-03-02T10:00:00+01:00</updated><summary>{GERMAN}</summary></entry>
<entry><title>Talks</title><id>urn:2</id><link href="https://example.org/2"/>
<updated>2022-03-01T10:00:00Z</updated><content type="html">{"".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in PARAGRAPHS)}</content></entry>
</feed>"""


def test_rss_items_with_content_become_articles_and_summaries_are_marked(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(rss("https://x.org/1", "https://x.org/2", "https://x.org/3"), encoding="utf-8")
    articles, problems, options = read_all([path])
    assert problems == []
    full, teaser, _ = articles
    assert full.text == "\n\n".join(PARAGRAPHS)
    assert (full.title, full.url, full.source, full.published) == ("Full story", "https://x.org/1", "World News",
                                                                    "2022-03-02")
    assert "summary_only" not in full.extra and "status" not in full.extra
    assert teaser.text == "Turkey offered to host talks between Russia and Ukraine in Antalya."
    assert teaser.extra["summary_only"] is True and teaser.extra["status"] == "summary"
    assert teaser.published == "2022-03-03"  # the feed's own date, not UTC's
    assert teaser.origin == f"{path}#item2"
    assert options.counts["feed items with only a summary"] == 2


def test_atom_entries_with_their_languages(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    (german, english), problems, _ = read_all([path])
    assert problems == []
    assert german.language == "de" and german.extra["summary_only"] is True
    assert english.language == "en" and english.text.startswith("Ukraine's foreign minister")
    assert english.published == "2022-03-01"


@pytest.fixture()
def local_site(tmp_path) -> Iterator[str]:
    """A web server on 127.0.0.1 serving tmp_path/site; yields its base URL."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "teaser.html").write_text(page(title="Turkey offers to host talks"), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_linked_reads_the_page_behind_a_summary_and_keeps_the_summary_when_it_fails(tmp_path, local_site):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(f"{local_site}/full.html", f"{local_site}/teaser.html", f"{local_site}/missing.html"),
                    encoding="utf-8")
    articles, problems, options = read_all([feed], fetch_linked=True)
    full, fetched, kept = articles
    assert "summary_only" not in full.extra  # full content: nothing fetched
    assert fetched.url == "https://news.example.org/world/kuleba-china"  # the page's canonical URL
    assert fetched.title == "Turkey offers to host talks"
    assert PARAGRAPHS[2] in fetched.text and "summary_only" not in fetched.extra
    assert fetched.published == "2022-03-03"  # the feed's date wins over the page's
    assert kept.extra["summary_only"] is True and kept.text.startswith("India abstained")
    (problem,) = problems
    assert problem.message.startswith("T117") and "404" in problem.message and "missing.html" in problem.message
    assert options.counts["feed items: linked pages fetched"] == 1


def test_without_fetch_linked_nothing_is_fetched(tmp_path, local_site):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(f"{local_site}/full.html", f"{local_site}/teaser.html", f"{local_site}/missing.html"),
                    encoding="utf-8")
    articles, problems, _ = read_all([feed])
    assert problems == [] and [a.extra.get("summary_only", False) for a in articles] == [False, True, True]


@pytest.mark.parametrize("feed, code", [
    ("<?xml version='1.0'?><rss><<<channel>>>", "T116"),
    ("<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>", "T116"),
    ("<?xml version='1.0'?><rss><channel><title>x</title><item><title>a", "T119"),  # an item without text
])
def test_a_broken_feed_is_a_problem(tmp_path, feed, code):
    path = tmp_path / "broken.rss"
    path.write_text(feed, encoding="utf-8")
    articles, problems, _ = read_all([path])
    assert articles == [] and problems[0].message.startswith(code)


# -- WARC --------------------------------------------------------------------------------------------------
def warc_record(kind: str, uri: str, n: int, block: bytes, content_type: str) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"WARC-Date: 2022-03-0{n % 9 + 1}T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
            .encode() + body)


def warc_records() -> list[bytes]:
    story = page().encode()
    undated = page(title="Undated story").replace('<meta property="article:published_time" '
                                                  'content="2022-03-02T08:15:00Z">', "").encode()
    http = "application/http; msgtype=response"
    return [
        warc_record("warcinfo", "", 1, b"software: tests\r\n", "application/warc-fields"),
        warc_record("request", "https://news.example.org/a", 2, b"GET /a HTTP/1.1\r\n\r\n",
                    "application/http; msgtype=request"),
        warc_record("response", "https://news.example.org/a", 3, http_response(story), http),
        warc_record("response", "https://news.example.org/logo.png", 4,
                    http_response(b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"), http),
        warc_record("response", "https://news.example.org/old", 5,
                    http_response(b"", status="301 Moved Permanently"), http),
        warc_record("resource", "https://other.example.com/undated", 6, undated, "text/html"),
        warc_record("metadata", "https://news.example.org/a", 7, b"via: test\r\n", "application/warc-fields"),
    ]


def check_warc_articles(articles: list[Article], path: Path, counts) -> None:
    story, undated = articles
    assert story.origin == f"{path}#urn:uuid:00000000-0000-0000-0000-000000000003"
    assert story.url == "https://news.example.org/world/kuleba-china"  # canonical wins over target URI
    assert story.published == "2022-03-02" and PARAGRAPHS[3] in story.text
    assert undated.url == "https://news.example.org/world/kuleba-china" or undated.url.startswith("https://")
    assert undated.published == "2022-03-07"  # no date in the page: the record's date
    assert counts["WARC: warcinfo records skipped"] == 1
    assert counts["WARC: request records skipped"] == 1
    assert counts["WARC: metadata records skipped"] == 1
    assert counts["WARC: records without an HTML page skipped"] == 1
    assert counts["WARC: HTTP 301 responses skipped"] == 1


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_response_and_resource_records_become_articles(tmp_path, compressed):
    records = warc_records()
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records))
    articles, problems, options = read_all([path])
    assert problems == []
    check_warc_articles(articles, path, options.counts)


def test_warc_written_with_fastwarc_is_read(tmp_path):
    from fastwarc.stream_io import GzipWriter
    from fastwarc.warc import WarcRecord, WarcRecordType

    path = tmp_path / "fastwarc.warc.gz"
    with open(path, "wb") as raw:
        writer = GzipWriter(raw)
        record = WarcRecord()
        record.init_headers(WarcRecordType.resource, b"uuid:12345678-1234-1234-1234-123456789abc")
        record.headers["WARC-Target-URI"] = "https://news.example.org/fastwarc"
        record.headers["WARC-Date"] = "2022-03-05T12:00:00Z"
        record.headers["Content-Type"] = "text/html"
        record.set_bytes_content(page(title="Written by fastwarc").encode())
        record.write(writer)
        writer.close()
    (article,), problems, _ = read_all([path])
    assert problems == []
    assert article.title == "Written by fastwarc"
    assert article.origin == f"{path}#urn:uuid:12345678-1234-1234-1234-123456789abc"


def test_a_corrupt_record_in_a_warc_gz_is_named_and_reading_goes_on(tmp_path):
    members = [gzip.compress(r) for r in warc_records()]
    members[2] = members[2][:30] + b"\x00" * 40 + members[2][70:]  # the first article's member is corrupt
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(b"".join(members))
    articles, problems, _ = read_all([path])
    assert [a.title for a in articles] == ["Undated story"]
    assert len(problems) == 1 and problems[0].message.startswith("T115")
    assert "reading resumed" in problems[0].message


def test_a_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    data = b"".join(gzip.compress(r) for r in warc_records())
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 600])  # cuts into the undated resource record
    articles, problems, _ = read_all([path])
    assert [a.title for a in articles][:1] == ["Kuleba asks China to help end the war"]
    assert any(p.message.startswith("T115") for p in problems)


def test_a_warc_record_over_the_size_limit_is_skipped_alone(tmp_path):
    records = warc_records()
    records.insert(3, warc_record("resource", "https://big.example/", 8, page(body="<p>" + "word " * 20000 + "</p>")
                                  .encode(), "text/html"))
    path = tmp_path / "big.warc"
    path.write_bytes(b"".join(records))
    articles, problems, _ = read_all([path], max_bytes=50_000)
    assert len(articles) == 2
    assert len(problems) == 1 and problems[0].message.startswith("T118") and "#urn:uuid:" in problems[0].origin


def test_warc_from_standard_input(monkeypatch):
    data = b"".join(warc_records())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles, problems, _ = read_all(["-"])
    assert problems == [] and len(articles) == 2 and articles[0].origin.startswith("-#urn:uuid:")


# -- CSV, JSON Lines, folders, globs, stdin, gzip ------------------------------------------------------------
def test_csv_with_a_header_like_the_wikinews_files(tmp_path):
    path = tmp_path / "wikinews.csv"
    path.write_text('url,date,title,text\n"https://en.wikinews.org/wiki/A",2020-01-03,"A title","'
                    + PARAGRAPHS[0] + '\n\n' + PARAGRAPHS[1].replace('"', '""') + '"\n', encoding="utf-8")
    (article,), problems, _ = read_all([path])
    assert problems == [] and article.origin == f"{path}:2"
    assert (article.url, article.published, article.title) == ("https://en.wikinews.org/wiki/A", "2020-01-03",
                                                                "A title")
    assert article.text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]


def test_jsonl_with_configured_text_fields_and_given_language(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"story": PARAGRAPHS[0], "headline": "H", "date": "2022-03-02"},
        {"story": GERMAN, "lang": "de"},
        {"story": PARAGRAPHS[1], "language": "fr"},  # the input's own word wins over detection
    ]), encoding="utf-8")
    articles, problems, _ = read_all([path], text_fields=("story",))
    assert problems == []
    assert [a.language for a in articles] == ["en", "de", "fr"]
    assert articles[0].title == "H" and articles[0].origin == f"{path}:1"
    _, problems, _ = read_all([path])  # the default fields do not include "story"
    assert len(problems) == 3 and all(p.message.startswith("T106") for p in problems)


def test_folders_globs_and_gzip(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    (folder / "sub" / "b.html.gz").write_bytes(gzip.compress(page().encode()))
    (folder / "sub" / "c.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": PARAGRAPHS[2]}).encode()))
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    articles, problems, _ = read_all([folder])
    assert problems == [] and len(articles) == 3
    assert articles[1].title == "Kuleba asks China to help end the war"
    articles, _, _ = read_all([str(folder / "sub" / "*.gz")])
    assert [Path(a.origin.split(":")[0]).name for a in articles] == ["b.html.gz", "c.jsonl.gz"]


def test_a_pretty_printed_json_object_is_one_record(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": PARAGRAPHS[0], "title": "T"}, indent=2), encoding="utf-8")
    (article,), problems, _ = read_all([path])
    assert problems == [] and article.title == "T" and article.origin == str(path)


def test_standard_input_over_the_size_limit(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PARAGRAPHS[0].encode() * 10)))
    articles, problems, _ = read_all(["-"], max_bytes=100)
    assert articles == [] and problems[0].message.startswith("T109 -:")


def test_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PARAGRAPHS[0].encode())))
    (article,), _, _ = read_all(["-"])
    assert article.origin == "-" and article.text == PARAGRAPHS[0]


# -- bad input ---------------------------------------------------------------------------------------------
def test_a_truncated_jsonl_gz_keeps_its_complete_lines(tmp_path):
    lines = [json.dumps({"text": f"{p} Ref. {os.urandom(24).hex()}", "date": "2022-03-02"})
             for p in PARAGRAPHS * 50]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    articles, problems, _ = read_all([path])
    assert problems[0].message.startswith("T114") and "complete records before the break" in problems[0].message
    assert 10 < len(articles) < 200 and all(a.text.split(" Ref. ")[0] in PARAGRAPHS for a in articles)
    assert len(problems) == 1  # the cut-off last line is dropped, not reported as broken JSON


def test_a_truncated_text_gz_is_a_problem(tmp_path):
    data = gzip.compress(("\n".join(PARAGRAPHS) * 20).encode())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[:-40])
    articles, problems, _ = read_all([path])
    assert articles == [] and problems[0].message.startswith("T114") and "nothing was read" in problems[0].message


def test_gunzip_reads_every_member_and_stops_at_the_limit():
    data = gzip.compress(b"one ") + gzip.compress(b"two")
    assert gunzip(data, limit=100) == (b"one two", None)
    _, why = gunzip(gzip.compress(b"x" * 10_000), limit=1000)
    assert "limit of 1000 bytes" in why


def test_bad_inputs_are_named_and_the_rest_is_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    (folder / "big.txt").write_text(PARAGRAPHS[1] * 100, encoding="utf-8")
    (folder / "pdf.xml").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    articles, problems, _ = read_all([folder, tmp_path / "missing.txt"], max_bytes=10_000)
    assert [a.text for a in articles] == [PARAGRAPHS[0]]
    codes = {Path(p.origin).name: p.message[:4] for p in problems}
    assert codes == {"big.txt": "T109", "binary.txt": "T103", "empty.html": "T102" if False else codes["empty.html"],
                     "pdf.xml": "T103", "missing.txt": "T101"}
    assert codes["empty.html"] in ("T102", "T113")


# -- languages ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    (PARAGRAPHS[0], "en"),
    (GERMAN, "de"),
    ("Le président de la République a reçu mardi à l'Élysée le chef de la diplomatie ukrainienne.", "fr"),
    ("El gobierno español anunció el martes nuevas sanciones contra Rusia por la invasión de Ucrania.", "es"),
    ("Президент России заявил во вторник, что переговоры с Украиной зашли в тупик.", "ru"),
    ("中国外交部发言人周二表示，中方愿意继续为劝和促谈发挥建设性作用。", "zh"),
    ("", "und"),
])
def test_language_detection(text, code):
    assert detect_language(text) == code


def test_detection_can_be_turned_off(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert read_all([path], detect_language=False)[0][0].language == "en"
    assert read_all([path])[0][0].language == "de"


# -- duplicates --------------------------------------------------------------------------------------------
def art(text: str, origin: str = "x") -> Article:
    return Article(text=text, origin=origin, language="en")


ORIGINAL = "\n\n".join(PARAGRAPHS)
EXACT_COPY = "  " + ORIGINAL.replace("'", "\u2019").upper().replace("\n\n", "\n") + " "
NEAR_COPY = "KYIV (Reuters) - " + ORIGINAL.replace("on Tuesday", "on Tuesday evening") + "\n\nReporting by A. B."


def test_exact_and_near_duplicates_within_a_run():
    dedup = Deduplicator(threshold=0.7)
    original = art(ORIGINAL)
    assert dedup.check(original) is None and "fingerprint" in original.extra
    exact = dedup.check(art(EXACT_COPY))
    assert (exact.kind, exact.original) == ("exact", original.id)
    near = dedup.check(art(NEAR_COPY))
    assert (near.kind, near.original) == ("near", original.id) and 0.7 <= near.similarity < 1
    other = art(" ".join(reversed(PARAGRAPHS)).replace("Kuleba", "Blinken").replace("Wang", "Lavrov") + GERMAN)
    assert dedup.check(other) is None


def test_a_high_threshold_leaves_near_copies_alone():
    dedup = Deduplicator(threshold=0.99)
    dedup.check(art(ORIGINAL))
    assert dedup.check(art(NEAR_COPY)) is None
    assert dedup.check(art(EXACT_COPY)).kind == "exact"


def test_duplicates_of_stored_articles_are_found_in_a_later_run(tmp_path):
    from tidings.store import open_store

    db = str(tmp_path / "t.duckdb")
    store = open_store(db)
    first = Triage(store)
    articles = [art(ORIGINAL, "a"), art(GERMAN, "b"), art(EXACT_COPY, "c")]
    articles[1].language = "de"
    to_process = list(first.to_process(articles))
    assert [a.origin for a in to_process] == ["a"]
    store.add([Document(article=a) for a in to_process] + first.take_unprocessed())
    assert first.stats == {"duplicates (exact)": 1, "language de": 1}
    store.close()

    store = open_store(db)
    later = Triage(store, near_threshold=0.7)
    again = [art(ORIGINAL, "a2"), art(NEAR_COPY, "d")]
    assert list(later.to_process(again)) == []
    store.add(later.take_unprocessed())
    assert later.stats == {"already stored": 1, "duplicates (near)": 1}
    _, rows = store.query("SELECT origin, status, duplicate_of, language FROM articles ORDER BY origin")
    original_id = articles[0].id
    assert rows == [("a", "processed", None, "en"), ("b", "not_english", None, "de"),
                    ("c", "duplicate", original_id, "en"), ("d", "duplicate", original_id, "en")]
    _, fingerprints = store.query("SELECT article_id FROM fingerprints ORDER BY article_id")
    assert sorted(r[0] for r in fingerprints) == sorted([articles[0].id, articles[1].id])
    store.close()


@pytest.mark.postgres
def test_duplicates_against_a_postgresql_store(postgres_url):
    from tidings.store import open_store

    words = [os.urandom(4).hex() for _ in range(150)]  # unique per run: the server may be shared
    original = art(" ".join(words), "pg-original")
    near = art(" ".join(words[:140] + ["changed"] * 10), "pg-near")
    store = open_store(postgres_url)
    try:
        first = Triage(store, near_threshold=0.7)
        assert list(first.to_process([original])) == [original]
        store.add([Document(article=original)])
    finally:
        store.close()
    store = open_store(postgres_url)
    try:
        later = Triage(store, near_threshold=0.7)
        assert list(later.to_process([near])) == []
        store.add(later.take_unprocessed())
        _, rows = store.query("SELECT status, duplicate_of FROM articles WHERE id = ?", [near.id])
        assert rows == [("duplicate", original.id)]
    finally:
        store.close()
