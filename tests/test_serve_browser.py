"""The dashboard and the article page in a real browser: uvicorn in a subprocess, Debian's Chromium
driven by Playwright (its own browser download does not work here).

Screenshots go to pytest's tmp folder, or to $TIDINGS_SCREENSHOTS when set.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import need
from test_export import TEXT_A, handmade_store

from tidings.document import Article

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = handmade_store(tmp_path_factory.mktemp("browser") / "hand.duckdb")
    port = _free_port()
    code = ("from tidings.serve import run_server; "
            f"run_server(db={str(db)!r}, host='127.0.0.1', port={port}, log_level='warning')")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"the server did not start: {output}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def page():
    need(CHROMIUM.exists(), f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        opened = context.new_page()
        errors: list[str] = []
        opened.on("pageerror", lambda e: errors.append(str(e)))
        opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        opened.errors = errors
        yield opened
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("TIDINGS_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_dashboard_draws_its_charts(server, page, shots):
    page.goto(server + "/")
    page.wait_for_selector("html[data-ready='1']")
    assert page.locator("#counts .count").count() >= 5
    assert page.locator("#counts [data-table=events] .n").inner_text() == "5"
    page.wait_for_selector("#timeline svg rect")
    assert page.locator("#timeline svg g.day").count() == 2  # two days with events
    assert page.locator("#network svg .node").count() == 3
    assert page.locator("#network svg path.edge").count() == 2
    labels = page.locator("#network svg .node text").all_text_contents()
    assert any("China" in label for label in labels)
    page.hover("#network svg .node[data-id='UKR'] circle")
    assert "focus" in (page.locator("#network").get_attribute("class") or "")
    assert page.locator("#network svg path.edge.on").count() == 1  # UKR's one edge is lit
    assert page.locator("#top-actors li").count() >= 4
    assert page.locator("#event-table tbody tr").count() == 5
    page.mouse.move(0, 0)
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    assert page.errors == []


def test_dashboard_filter_form(server, page):
    page.goto(server + "/")
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("html[data-ready='1']")
    assert "type=ASSAULT" in page.url
    assert page.locator("#event-table tbody tr").count() == 1
    assert page.locator("#network svg .node").count() == 0  # the assault has no target


def test_article_page_highlights_and_explains(server, page, shots):
    page.goto(f"{server}/articles/{Article(text=TEXT_A).id}")
    page.wait_for_selector("html[data-ready='1']")
    text = page.locator("#article-text")
    assert text.locator(".hl.mention").count() >= 7
    assert text.locator(".hl.quote").count() >= 1 and text.locator(".hl.cue").count() == 1
    assert text.locator(".hl.trigger").count() == 4
    assert text.locator(".hl.boilerplate").count() == 1
    assert text.inner_text().replace("\n", "") == TEXT_A.replace("\n", "")
    trigger = text.locator(".hl.trigger[data-ref='e-e1']")
    trigger.hover()
    inspector = page.locator("#inspector-body")
    assert "REQUEST" in inspector.inner_text() and "urge" in inspector.inner_text()
    assert page.locator("#e-e1.lit").count() == 1  # its list item lights up
    page.hover("#event-list #e-e2")
    assert text.locator(".hl.trigger.lit").inner_text() == "attacked"
    assert text.locator(".hl.mention.lit").inner_text() == "Russian troops"  # its source lights up too
    page.click("#event-list #e-e3")
    assert "NEGATED" in inspector.inner_text()
    page.uncheck("#layer-toggles input[data-layer=mention]")
    assert "hide-mention" in (page.locator("body").get_attribute("class") or "")
    page.check("#layer-toggles input[data-layer=mention]")
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    assert page.errors == []


def test_offline_api_docs_render(server, page, shots):
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 9
    page.screenshot(path=str(shots / "docs.png"))
