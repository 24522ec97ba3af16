"""Writing a store in standard formats: GDELT 2.0 Events and Mentions, POLECAT/PLOVER JSON Lines,
Parquet and CSV (one file per table).

    >>> from tidings.store import open_store
    >>> from tidings.export import export_store
    >>> export_store(open_store("tidings.duckdb", read_only=True), "gdelt", "events.tsv")  # doctest: +SKIP
    12

Each format is one function `(store, stream_or_folder, **options) -> rows` in `FORMATS`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..errors import Errors, ExportError, StoreError, TidingsError
from ..store import Store
from .gdelt import EVENT_COLUMNS, MENTION_COLUMNS, write_events, write_mentions
from .polecat import polecat_record, write_polecat
from .tables import write_tables

__all__ = ["EVENT_COLUMNS", "FILE_FORMATS", "FOLDER_FORMATS", "MENTION_COLUMNS", "export_store",
           "polecat_record", "write_stream"]

# Formats written to one file (or standard output with "-").
FILE_FORMATS: dict[str, Callable[..., int]] = {
    "gdelt": write_events,
    "gdelt-mentions": write_mentions,
    "polecat": lambda store, stream, **options: write_polecat(store, stream),
}
# Formats written as one file per table into a folder.
FOLDER_FORMATS = ("parquet", "csv")


def write_stream(store: Store, fmt: str, stream: TextIO, **options: Any) -> int:
    """Write a one-file format to an open text stream; returns the number of rows."""
    if fmt not in FILE_FORMATS:
        raise ExportError(Errors.T801.format(value=fmt, choices=", ".join(FILE_FORMATS)))
    return FILE_FORMATS[fmt](store, stream, **options)


def export_store(store: Store, fmt: str, out_path: str | os.PathLike, **options: Any) -> int:
    """Write the whole store in format `fmt` to `out_path`; returns the number of rows written.

    `gdelt`, `gdelt-mentions` and `polecat` write one file (`-` for standard output), through a
    temporary file renamed at the end so that a failed export never leaves half a file.
    `parquet` and `csv` write `articles`, `mentions`, `quotes`, `events` and `actors` files into
    the folder `out_path`, created if missing. Options (GDELT): `group=False` for one row per
    stored event record, `include_negated=True`, `include_hypothetical=True`.
    """
    fmt = str(fmt).lower()
    if fmt not in FILE_FORMATS and fmt not in FOLDER_FORMATS:
        raise ExportError(Errors.T801.format(value=fmt, choices=", ".join([*FILE_FORMATS, *FOLDER_FORMATS])))
    try:
        if fmt in FOLDER_FORMATS:
            return _export_folder(store, fmt, Path(out_path))
        if str(out_path) == "-":
            return write_stream(store, fmt, sys.stdout, **options)
        return _export_file(store, fmt, Path(out_path), **options)
    except TidingsError:
        raise
    except _database_errors() as e:
        raise StoreError(Errors.T805.format(target=getattr(store, "target", "?"), detail=e)) from e


def _database_errors() -> tuple[type[BaseException], ...]:
    import duckdb

    errors: list[type[BaseException]] = [duckdb.Error]
    try:
        import psycopg

        errors.append(psycopg.Error)
    except ImportError:
        pass
    return tuple(errors)


def _export_file(store: Store, fmt: str, path: Path, **options: Any) -> int:
    if path.is_dir():
        raise ExportError(Errors.T802.format(path=path, detail="it is a folder; give a file name"))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(Errors.T804.format(path=path, parent=parent))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    except OSError as e:
        raise ExportError(Errors.T802.format(path=path, detail=e)) from e
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            rows = write_stream(store, fmt, stream, **options)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; an export is an ordinary file
        os.replace(temporary, path)
    except OSError as e:
        raise ExportError(Errors.T802.format(path=path, detail=e)) from e
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return rows


def _export_folder(store: Store, fmt: str, folder: Path) -> int:
    if folder.exists() and not folder.is_dir():
        raise ExportError(Errors.T803.format(path=folder, fmt=fmt))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(Errors.T802.format(path=folder, detail=e)) from e
    return write_tables(store, folder, fmt)
