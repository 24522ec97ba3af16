"""Marking what is not part of the story, without changing the text."""

from __future__ import annotations

from .boilerplate import find_boilerplate, in_spans

__all__ = ["find_boilerplate", "in_spans"]
