"""The quotes stage: who said what, to whom, according to whom."""

from __future__ import annotations

from .extract import find_quotes
from .marks import find_quote_marks

__all__ = ["find_quote_marks", "find_quotes"]
