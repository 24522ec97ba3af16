"""`tidings process` over a mixed folder: every format, duplicates, another language and bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from test_ingest import GERMAN, PARAGRAPHS, page, rss, warc_records

pytestmark = pytest.mark.model

ORIGINAL = "\n\n".join(PARAGRAPHS)


def tidings(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tidings", *args], capture_output=True, timeout=600, check=False)


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_original.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "copy.txt").write_text(ORIGINAL.replace("\n\n", "\n").upper(), encoding="utf-8")
    (folder / "wire.txt").write_text("KYIV (Reuters) - " + ORIGINAL + "\n\nReporting by A. B.", encoding="utf-8")
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "story.html").write_text(page(body="<p>India abstained in the vote at the United Nations "
                                            "General Assembly on Wednesday, its envoy said in New York.</p>"),
                                       encoding="utf-8")
    (folder / "feed.rss").write_text(rss("https://x.org/1", "https://x.org/2", "https://x.org/3"), encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in warc_records()))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    lines = [json.dumps({"text": f"Turkey and Russia agreed on a ceasefire in Idlib, officials said ({n}).",
                         "date": "2020-03-05"}) for n in range(300)]
    data = gzip.compress("\n".join(lines).encode())
    (folder / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    return folder


def test_process_stores_everything_good_and_names_everything_bad(mixed, tmp_path):
    db = str(tmp_path / "t.duckdb")
    result = tidings("process", str(mixed), "--db", db, "--near-threshold", "0.7")
    stdout, stderr = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 1, stderr
    for code, name in (("T103", "binary.txt"), ("T114", "cut.jsonl.gz")):
        assert code in stderr and name in stderr  # on stderr ...
        assert any(code in line and name in line for line in stdout.splitlines()), stdout  # ... and the summary
    assert "not English (de), stored unprocessed" in stdout
    assert "duplicates (exact)" in stdout and "duplicates (near)" in stdout
    assert "WARC: request records skipped" in stdout and "feed items with only a summary" in stdout

    with duckdb.connect(db, read_only=True) as con:
        rows = {Path(o).name.split("#")[0].split(":")[0] + ("#" if "#" in o else ""): (s, d, lang)
                for o, s, d, lang in con.execute(
                    "SELECT origin, status, duplicate_of, language FROM articles").fetchall()}
        original_id = con.execute("SELECT id FROM articles WHERE origin LIKE '%a_original.txt'").fetchone()[0]
        assert rows["a_original.txt"] == ("processed", None, "en")
        assert rows["copy.txt"] == ("duplicate", original_id, "en")
        assert rows["wire.txt"] == ("duplicate", original_id, "en")
        assert rows["de.txt"] == ("not_english", None, "de")
        assert rows["story.html"][0] == "processed"
        statuses = dict(con.execute("SELECT status, COUNT(*) FROM articles GROUP BY status").fetchall())
        assert statuses["summary"] == 2
        # duplicates and other languages were not run through the pipeline
        unprocessed = con.execute("SELECT COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
                                  "WHERE a.status IN ('duplicate', 'not_english')").fetchone()[0]
        assert unprocessed == 0
        n_articles = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert n_articles >= 10  # the truncated JSON Lines gave what came before the cut

    again = tidings("process", str(mixed), "--db", db)
    assert "newly stored" in again.stdout.decode()
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n_articles

    later = tmp_path / "later.txt"
    later.write_text(ORIGINAL.replace("on Tuesday", "late on Tuesday") + "\n\n(Editing by C. D.)", encoding="utf-8")
    result = tidings("process", str(later), "--db", db, "--near-threshold", "0.7")
    assert result.returncode == 0, result.stderr.decode()
    with duckdb.connect(db, read_only=True) as con:
        status, duplicate_of = con.execute("SELECT status, duplicate_of FROM articles WHERE origin = ?",
                                           [str(later)]).fetchone()
    assert (status, duplicate_of) == ("duplicate", original_id)


def test_process_options_text_field_and_max_bytes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "export.jsonl").write_text(json.dumps({"story": PARAGRAPHS[0]}) + "\n", encoding="utf-8")
    (folder / "big.txt").write_text(ORIGINAL * 20, encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    result = tidings("process", str(folder), "--db", db, "--text-field", "story", "--max-bytes", "5000")
    assert result.returncode == 1
    assert "T109" in result.stderr.decode() and "big.txt" in result.stderr.decode()
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT text FROM articles").fetchall() == [(PARAGRAPHS[0],)]
