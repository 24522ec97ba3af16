"""Reading news from files, folders and standard input into `Article`s.

`read_inputs(paths)` yields, in input order, each `Article` it could read and a
`Problem` for each input (or record) it could not; a problem never stops the run.
"""

from __future__ import annotations

from . import feed, html, warc  # noqa: F401  (register their readers)
from .read import Problem, ReadOptions, read_inputs, read_path
from .sniff import sniff_format

__all__ = ["Problem", "ReadOptions", "read_inputs", "read_path", "sniff_format"]
