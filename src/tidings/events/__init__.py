"""The events stage: PLOVER events with CAMEO codes, from patterns and a sentence classifier.

`component.py` is the `tidings_events` spaCy component; `coding.py` finds triggers and their
arguments, `modality.py` negation and modality, `when.py` dates, `where.py` places, `reporting.py`
who reported an event, `classifier.py` the fallback classifier, `evaluate.py` the PLOVER GSR scorer.
The dictionaries and code tables are in `data/` (see data/PROVENANCE.md).
"""

from __future__ import annotations

from .tables import PLOVER_TYPES, cameo_info, plover_for

__all__ = ["PLOVER_TYPES", "cameo_info", "plover_for"]
