"""The package type-checks: mypy on src/tidings with the settings in pyproject.toml ([tool.mypy]).

Skipped where mypy is not installed (it is in the `test` extra, which scripts/test installs);
in CI (TIDINGS_REQUIRE_ALL=1) a missing mypy fails instead.
"""

from __future__ import annotations

import importlib.util

from conftest import PROJECT, need


def test_package_type_checks() -> None:
    need(importlib.util.find_spec("mypy") is not None, "mypy is not installed (pip install -e '.[test]')")
    from mypy import api

    stdout, stderr, status = api.run([
        "--config-file", str(PROJECT / "pyproject.toml"),
        "--cache-dir", str(PROJECT / ".mypy_cache"),
        "--no-color-output",
        str(PROJECT / "src" / "tidings"),
    ])
    assert status == 0, f"mypy found errors (exit status {status}):\n{stdout}{stderr}"
    assert "Success" in stdout, stdout
