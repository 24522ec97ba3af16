"""Where documents are kept: DuckDB (the default, one file) or PostgreSQL, behind one interface."""

from __future__ import annotations

from .base import Store, open_store

__all__ = ["Store", "open_store"]
