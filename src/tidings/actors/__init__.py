"""The actors stage: who is who.

Other stages find the actor behind a stretch of text with `mention_for(doc, start, end)`.
"""

from __future__ import annotations

from .lookup import mention_for

__all__ = ["mention_for"]
