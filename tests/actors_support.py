"""A pipeline with only the actors stage, shared by the actors tests (loaded once per session).

The actors tests do not need the quotes and events stages, and must not fail because of them.
"""

from __future__ import annotations

import functools

import pytest


@functools.lru_cache(maxsize=1)
def _load():
    from tidings.pipeline import Pipeline

    return Pipeline(stages=("tidings_actors",))


def actors_pipeline():
    from tidings.errors import ModelError

    try:
        return _load()
    except ModelError as e:
        from conftest import need

        need(False, str(e))
        pytest.skip(str(e))
