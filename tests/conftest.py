"""Shared fixtures: the real spaCy pipeline (once per session), ../shared/data, stores.

In CI (TIDINGS_REQUIRE_ALL=1) a test that would skip because the model, ../shared/data,
PostgreSQL or Chromium is missing fails instead: CI installs all of them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLES = PROJECT / "examples"
SEED = EXAMPLES / "seed" / "china-ukraine-mediation.txt"
SEED_PUBLISHED = "2022-03-02"
REQUIRE_ALL = os.environ.get("TIDINGS_REQUIRE_ALL") == "1"


def shared_data_dir() -> Path:
    env = os.environ.get("TIDINGS_SHARED_DATA")
    return Path(env) if env else PROJECT.parent / "shared" / "data"


def need(condition: bool, reason: str) -> None:
    """Skip (or, in CI, fail) when a resource the test needs is missing."""
    if not condition:
        if REQUIRE_ALL:
            pytest.fail(f"required in CI: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    need(path.is_dir(), f"../shared/data not found at {path} (set TIDINGS_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from tidings.api import default_pipeline
    from tidings.errors import ModelError

    try:
        return default_pipeline()
    except ModelError as e:
        need(False, str(e))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(pipeline, seed_text):
    from tidings.document import Article

    return pipeline(Article(text=seed_text, origin=str(SEED), published=SEED_PUBLISHED))


@pytest.fixture()
def postgres_url() -> str:
    url = os.environ.get("TIDINGS_TEST_POSTGRES_URL")
    need(bool(url), "TIDINGS_TEST_POSTGRES_URL is not set (.ci/run starts a server and sets it)")
    return url
