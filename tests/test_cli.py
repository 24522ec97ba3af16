"""The commands of CONTRACT.md, run as a user runs them, on real files and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import EXAMPLES, PROJECT, SEED, SEED_PUBLISHED, need, shared_data_dir

pytestmark = pytest.mark.model


def tidings(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tidings", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=600, check=False)


def check_contract(stdout: bytes) -> None:
    checker = shared_data_dir().parent / "tools" / "check_contract.py"
    need(checker.exists(), f"{checker} not found")
    result = subprocess.run([sys.executable, str(checker)], input=stdout, capture_output=True, check=False)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()


def test_extract_json_follows_the_contract_on_all_examples():
    result = tidings("extract", str(SEED), str(EXAMPLES / "wikinews"), "--published", SEED_PUBLISHED, "--json")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1 + len(list((EXAMPLES / "wikinews").glob("*.txt")))
    first = json.loads(lines[0])
    assert first["article"]["origin"] == str(SEED)
    assert first["article"]["text"] == SEED.read_text(encoding="utf-8")
    assert first["article"]["published"] == SEED_PUBLISHED
    assert len(first["boilerplate"]) == 3
    check_contract(result.stdout)


def test_extract_reads_standard_input_and_jsonl_origins():
    text = SEED.read_bytes()
    result = tidings("extract", "-", "--json", stdin=text)
    assert result.returncode == 0
    assert json.loads(result.stdout)["article"]["origin"] == "-"
    result = tidings("extract", str(EXAMPLES / "articles.jsonl"), "--json")
    docs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert docs[0]["article"]["origin"] == f"{EXAMPLES / 'articles.jsonl'}:1"
    assert docs[1]["article"]["source"] == "Wikinews" and docs[1]["article"]["title"]
    assert all(d["article"]["published"] for d in docs)


def test_extract_readable_view():
    result = tidings("extract", str(SEED), "--published", SEED_PUBLISHED)
    assert result.returncode == 0
    assert "boilerplate" in result.stdout.decode()


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    binary = folder / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    latin1 = folder / "latin1.txt"
    latin1.write_bytes("Le ministre a déclaré que la France soutient l'Ukraine.".encode("latin-1"))
    jsonl = folder / "mixed.jsonl"
    jsonl.write_text(
        json.dumps({"text": "Germany urged Iran to release the detained journalists.", "date": "2020-01-05"})
        + "\n{broken json line\n"
        + json.dumps({"content": "Turkey and Russia agreed on a ceasefire in Idlib.", "published": "2020-03-05"})
        + "\n" + json.dumps({"title": "no text here"}) + "\n",
        encoding="utf-8",
    )
    return {"folder": folder, "good": good, "empty": empty, "binary": binary, "latin1": latin1, "jsonl": jsonl,
            "missing": tmp_path / "does-not-exist.txt"}


def test_process_bad_inputs_are_named_and_the_rest_is_stored(tmp_path, bad_inputs):
    db = tmp_path / "t.duckdb"
    result = tidings("process", str(bad_inputs["folder"]), str(bad_inputs["missing"]), "--db", str(db))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert f"{bad_inputs['empty']}: the file is empty" in err
    assert f"{bad_inputs['binary']}: looks like a binary file" in err
    assert f"{bad_inputs['latin1']}: not valid UTF-8" in err and "iconv" in err
    assert f"{bad_inputs['jsonl']}:2: broken JSON" in err
    assert f"{bad_inputs['jsonl']}:4: the record has no article text" in err
    assert f"{bad_inputs['missing']}: no such file or folder" in err
    con = duckdb.connect(str(db), read_only=True)
    origins = sorted(r[0] for r in con.execute("SELECT origin FROM articles").fetchall())
    assert origins == sorted([str(bad_inputs["good"]), f"{bad_inputs['jsonl']}:1", f"{bad_inputs['jsonl']}:3"])
    dates = dict(con.execute("SELECT origin, CAST(published AS VARCHAR) FROM articles").fetchall())
    assert dates[f"{bad_inputs['jsonl']}:1"] == "2020-01-05"
    con.close()


@pytest.mark.parametrize("kind", ["empty", "binary", "latin1", "missing"])
def test_extract_each_bad_input_alone_exits_1_with_its_name(bad_inputs, kind):
    result = tidings("extract", str(bad_inputs[kind]), "--json")
    assert result.returncode == 1
    assert str(bad_inputs[kind]) in result.stderr.decode()
    assert result.stdout == b""


def test_process_twice_stores_nothing_twice(tmp_path):
    db = tmp_path / "t.duckdb"
    first = tidings("process", str(EXAMPLES), "--db", str(db))
    assert first.returncode == 0, first.stderr.decode()
    con = duckdb.connect(str(db), read_only=True)
    counts = [con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "mentions", "quotes", "events")]
    con.close()
    # The examples hold every Wikinews article twice (text file and JSON Lines record): stored once.
    assert counts[0] == len(list((EXAMPLES / "wikinews").glob("*.txt"))) + 1
    second = tidings("process", str(EXAMPLES), "--db", str(db))
    assert second.returncode == 0
    assert "newly stored" in second.stdout.decode()
    con = duckdb.connect(str(db), read_only=True)
    again = [con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
             for t in ("articles", "mentions", "quotes", "events")]
    con.close()
    assert again == counts


def test_usage_errors_exit_2(tmp_path):
    assert tidings("extract").returncode == 2
    assert tidings("extract", str(SEED), "--published", "yesterday-ish").returncode == 2
    assert tidings("evaluate", "quotes", str(tmp_path), "--format", "nonsense").returncode == 2


def test_query_commands_on_a_missing_store_explain(tmp_path):
    result = tidings("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1
    assert "tidings process" in result.stderr.decode()


def test_readme_names_the_two_commands():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "scripts/run-examples" in readme and "scripts/test" in readme
    assert "scripts/test" in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")


def test_cli_reference_is_up_to_date_and_every_command_has_an_example():
    import typer

    from tidings.cli import app

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert "Example: tidings " + name in (command.help or ""), f"tidings {name} has no Example in its help"
    result = subprocess.run([sys.executable, str(PROJECT / "tools" / "make_cli_docs.py"), "--check"],
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
