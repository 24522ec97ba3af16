"""Walking the inputs and handing each one to the reader for its format.

Readers are functions `(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Problem]`
registered in `READERS` by format name. A reader yields a `Problem` for a bad record and goes on.
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..api import normalise_date
from ..document import Article
from ..errors import Errors, InputError
from .sniff import GZIP_MAGIC, is_binary, sniff_format

TEXT_FIELDS = ("text", "content", "body", "content_original", "articleBody", "maintext")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url_full")
DATE_FIELDS = ("published", "date", "date_publish", "publish_date", "pubdate", "seendate")
SOURCE_FIELDS = ("source", "outlet", "publisher", "site", "source_name")
# Suffixes a folder walk takes; anything else in a folder is skipped silently.
FOLDER_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml", ".rss",
                   ".atom", ".xml", ".warc", ".csv")


@dataclass(slots=True)
class Problem:
    """An input, or one record of it, that could not be read; the message says why and what to do."""

    origin: str
    message: str


@dataclass(slots=True)
class ReadOptions:
    published: str | None = None  # a publication date for inputs that carry none
    max_bytes: int = 200 * 1024 * 1024
    text_fields: tuple[str, ...] = TEXT_FIELDS
    extra: dict = field(default_factory=dict)


Item = Article | Problem
Reader = Callable[[bytes, str, ReadOptions], Iterator[Item]]
READERS: dict[str, Reader] = {}


def reader(fmt: str) -> Callable[[Reader], Reader]:
    """Register a reader for a format."""

    def register(fn: Reader) -> Reader:
        READERS[fmt] = fn
        return fn

    return register


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Every article in `paths` (files, folders walked recursively, `-` for standard input)."""
    options = options or ReadOptions()
    for raw in paths:
        if raw == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "-", options)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                name = child.name.lower().removesuffix(".gz")
                if name.endswith(FOLDER_SUFFIXES) and not child.name.startswith("."):
                    yield from read_path(child, options)
        elif path.exists():
            yield from read_path(path, options)
        else:
            matches = sorted(Path().glob(raw)) if any(c in raw for c in "*?[") else []
            if matches:
                yield from read_inputs([str(m) for m in matches], options)
            else:
                yield Problem(raw, Errors.T101.format(origin=raw))


def read_path(path: Path, options: ReadOptions) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Problem(origin, Errors.T109.format(origin=origin, limit=options.max_bytes))
            return
        data = path.read_bytes()
    except OSError as e:
        yield Problem(origin, Errors.T110.format(origin=origin, detail=e.strerror or e))
        return
    yield from read_bytes(data, origin, options)


def read_bytes(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Sniff `data` (decompressing gzip) and hand it to its format's reader."""
    if data.startswith(GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            yield Problem(origin, Errors.T108.format(
                origin=origin, detail=f"the gzip data is truncated or corrupt ({e}); re-download or recompress it"))
            return
    if not data.strip():
        yield Problem(origin, Errors.T102.format(origin=origin))
        return
    fmt = sniff_format(data[:4096], origin)
    if fmt != "warc":
        why = is_binary(data[:8192])
        if why:
            yield Problem(origin, Errors.T103.format(origin=origin, detail=why))
            return
    read = READERS.get(fmt)
    if read is None:
        yield Problem(origin, Errors.T108.format(
            origin=origin, detail=f"{fmt} input needs the ingest extras: pip install 'tidings[ingest]'"))
        return
    try:
        yield from read(data, origin, options)
    except InputError as e:
        yield Problem(e.origin, str(e))


def decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(Errors.T104.format(
            origin=origin, detail=f"byte {e.object[e.start]:#04x} at offset {e.start}"), origin=origin) from None


@reader("text")
def read_text(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    text = decode(data.removeprefix(b"\xef\xbb\xbf"), origin)
    if not text.strip():
        yield Problem(origin, Errors.T107.format(origin=origin))
        return
    yield Article(text=text, origin=origin, published=options.published)


def first(record: dict, names: Iterable[str]):
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def article_from_record(record: dict, origin: str, options: ReadOptions) -> Item:
    """An `Article` from a dict with text, title, url, date and source fields (JSON Lines, CSV)."""
    text = first(record, options.text_fields)
    if text is None or not isinstance(text, str):
        return Problem(origin, Errors.T106.format(origin=origin, fields=", ".join(options.text_fields)))
    if not text.strip():
        return Problem(origin, Errors.T107.format(origin=origin))
    published = first(record, DATE_FIELDS)
    try:
        published = normalise_date(published, origin=origin) if published else options.published
    except InputError as e:
        return Problem(origin, str(e))
    source = first(record, SOURCE_FIELDS)
    if isinstance(source, dict):
        source = source.get("name") or source.get("title")
    return Article(
        text=text,
        origin=origin,
        title=_str_or_none(first(record, TITLE_FIELDS)),
        url=_str_or_none(first(record, URL_FIELDS)),
        source=_str_or_none(source),
        published=published,
        language=_str_or_none(record.get("language")) or "en",
    )


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


@reader("jsonl")
def read_jsonl(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    text = decode(data.removeprefix(b"\xef\xbb\xbf"), origin)
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of records, as some exports write
        try:
            records = json.loads(text)
        except json.JSONDecodeError as e:
            yield Problem(origin, Errors.T105.format(origin=origin, detail=e.msg))
            return
        for n, record in enumerate(records, 1):
            yield _record(record, f"{origin}:{n}", options)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(where, Errors.T105.format(origin=where, detail=f"{e.msg} at column {e.colno}"))
            continue
        yield _record(record, where, options)


def _record(record, where: str, options: ReadOptions) -> Item:
    if not isinstance(record, dict):
        return Problem(where, Errors.T105.format(origin=where, detail="the line is not a JSON object"))
    return article_from_record(record, where, options)


@reader("csv")
def read_csv(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    import csv
    import io

    csv.field_size_limit(sys.maxsize)
    text = decode(data.removeprefix(b"\xef\xbb\xbf"), origin)
    rows = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for n, row in enumerate(rows, 2):  # line 1 is the header
            yield article_from_record(row, f"{origin}:{n}", options)
    except csv.Error as e:
        yield Problem(origin, Errors.T108.format(origin=origin, detail=f"broken CSV ({e})"))
