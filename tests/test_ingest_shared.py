"""Ingestion on the real files in ../shared/data/corpora: feeds, Common Crawl and L3S-GN1 WARCs,
web pages with known text and metadata, Wikinews CSV and the AllSides JSON Lines."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

import pytest
from conftest import PROJECT

from tidings.document import Article
from tidings.ingest import Problem, ReadOptions, read_inputs
from tidings.ingest.html import article_from_html

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def corpora(shared_data) -> Path:
    return shared_data / "corpora"


def read(paths, limit: int | None = None, **options):
    opts = ReadOptions(**options)
    items = list(islice(read_inputs([str(p) for p in paths], opts), limit))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)], opts)


def test_real_feeds(corpora):
    articles, problems, options = read([corpora / "feeds"])
    assert problems == []
    assert len(articles) == 55 + 15 + 31 + 10
    assert options.counts["feed items with only a summary"] == len(articles)  # none carries a full article
    by_feed = {}
    for a in articles:
        by_feed.setdefault(Path(a.origin.split("#")[0]).name, []).append(a)
    assert {a.language for a in by_feed["heise_developer_2016-02-01.atom"]} == {"de"}
    assert {a.language for a in by_feed["guardian_us_2018-01-31.rss"]} == {"en"}
    first = by_feed["guardian_us_2018-01-31.rss"][0]
    assert first.url == ("https://www.theguardian.com/us-news/2018/jan/31/"
                         "donald-trump-state-of-the-union-address-unity-discord")
    assert first.published == "2018-01-31" and first.source == "The Guardian"
    assert first.text.startswith("The president\u2019s \u2018new American moment\u2019 speech")
    assert "<p>" not in first.text and first.extra["byline"] == "David Smith in Washington"
    reuters = by_feed["reuters_worldnews_2018-01-30.rss"][0]
    assert reuters.text.startswith("WASHINGTON (Reuters) - North Korea's nuclear program")
    assert reuters.published == "2018-01-30"


def test_common_crawl_records(corpora):
    paths = sorted((corpora / "warc").glob("commoncrawl_*.warc"))
    articles, problems, _ = read(paths)
    assert problems == []
    assert [a.url for a in articles] == ["https://www.bbc.co.uk/news"] * 2
    assert articles[0].origin == f"{paths[0]}#urn:uuid:5d1cf731-9919-4a31-bfaa-b2fbcaf44503"
    # a front page: the date is whatever htmldate finds in it, never later than the crawl
    assert articles[0].published <= "2021-11-28" and articles[1].published <= "2022-01-16"
    assert all(a.language == "en" and len(a.text.split()) > 50 for a in articles)


def test_l3s_news_warc_first_records(corpora):
    path = corpora / "warc" / "L3S-GN1-20100130203947-00001.reconstructed.warc.gz"
    articles, problems, options = read([path], limit=120)
    assert len(articles) + len(problems) == 120
    assert len(articles) >= 110
    assert all(p.message.startswith("T113") for p in problems)  # pages with no article text, named
    assert options.counts["WARC: warcinfo records skipped"] == 1
    assert options.counts["WARC: conversion records skipped"] >= 100  # the annotated copies are not pages
    first = articles[0]
    assert first.origin == f"{path}#urn:uuid:907e52d9-4df4-46d0-86ff-911dacc1e94b"
    assert first.url.startswith("http://icbirmingham.icnetwork.co.uk/")
    assert "Jewell close to striker move" in first.text
    assert all(a.published for a in articles)


def test_html_extraction_quality_on_the_scrapinghub_benchmark(corpora):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_html", PROJECT / "benchmarks" / "bench_html.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    scores, _, _ = bench.evaluate(corpora / "html" / "scrapinghub_aeb")
    assert scores["no_text"] == 0
    assert scores["micro"]["f1"] >= 0.90 and scores["macro"]["f1"] >= 0.90


def test_readability_pages_title_date_and_language(corpora):
    titles = dates = n_titles = n_dates = 0
    for folder in sorted((corpora / "html" / "readability_news").iterdir()):
        if not folder.is_dir():
            continue
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        item = article_from_html((folder / "source.html").read_bytes(), origin=str(folder))
        assert isinstance(item, Article), item
        if meta.get("title"):
            n_titles += 1
            titles += (item.title or "").strip() == meta["title"].strip()
        if meta.get("publishedTime"):
            n_dates += 1
            dates += item.published == meta["publishedTime"][:10]
    assert titles >= 0.85 * n_titles and dates == n_dates


def test_wikinews_csv(corpora):
    path = corpora / "text" / "wikinews_vanatteveldt" / "wikinews_2019.csv"
    articles, problems, _ = read([path])
    assert problems == [] and len(articles) > 100
    assert all(a.url.startswith("https://en.wikinews.org/") and a.published.startswith("2019") and a.title
               for a in articles)
    assert articles[0].title == "Magnitogorsk apartment building collapses after explosion, dozens dead"
    assert {a.language for a in articles} == {"en"}


def test_allsides_jsonl_gz(corpora):
    path = corpora / "text" / "allsides_abp" / "abp_international_politics.jsonl.gz"
    articles, problems, _ = read([path], limit=40)
    assert problems == [] and len(articles) == 40
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        first = json.loads(lines.readline())
    assert articles[0].text == first["content_original"] and articles[0].origin == f"{path}:1"
    assert {a.language for a in articles} == {"en"}
