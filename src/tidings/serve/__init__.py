"""The REST API and the web dashboard over a store (FastAPI + uvicorn; no build step, no CDN).

    tidings serve --db tidings.duckdb --port 8000     # then open http://127.0.0.1:8000/

Pages are rendered on the server (Jinja2 templates under `templates/`); one small script
(`static/tidings.js`) draws the charts and the actor network as SVG and links the article
page's highlights to their explanations. The API is documented at /docs (OpenAPI).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Errors, TidingsError

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "run_server"]


def create_app(db: str = "tidings.duckdb") -> FastAPI:
    """The FastAPI application over the store `db` (a DuckDB file or a postgresql:// URL)."""
    try:
        from .app import create_app as _create_app
    except ImportError as e:
        raise TidingsError(Errors.T811.format(detail=e.name or e)) from e
    return _create_app(db)


def run_server(*, db: str = "tidings.duckdb", host: str = "127.0.0.1", port: int = 8000,
               log_level: str = "info") -> None:
    """Serve `db` with uvicorn until interrupted; checks first that the store can be read."""
    from ..store import open_store

    try:
        import uvicorn
    except ImportError as e:
        raise TidingsError(Errors.T811.format(detail="uvicorn")) from e
    open_store(db, read_only=not db.startswith(("postgresql://", "postgres://"))).close()  # T303 / T301 early
    uvicorn.run(create_app(db), host=host, port=port, log_level=log_level)
