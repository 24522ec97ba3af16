"""Walking the inputs and handing each one to the reader for its format.

Readers are functions `(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Problem]`
registered in `READERS` by format name. A reader yields a `Problem` for a bad record and goes on.
Readers for HTML, feeds and WARC live in their own modules (`html`, `feed`, `warc`); a WARC
file is streamed record by record rather than read whole. Every article read gets its
language detected where its input did not say (see `language`).

Things that are neither articles nor problems (WARC records that hold no page, feed items
kept as summaries) are counted in `ReadOptions.counts` for the run's summary.
"""

from __future__ import annotations

import glob
import json
import sys
import zlib
from collections import Counter
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
    max_bytes: int = 200 * 1024 * 1024  # per file (decompressed); per record for streamed WARC files
    text_fields: tuple[str, ...] = TEXT_FIELDS
    extra: dict = field(default_factory=dict)
    fetch_linked: bool = False  # fetch the page behind a feed item that has only a summary
    fetch_timeout: float = 15.0
    detect_language: bool = True  # else an article whose input names no language is taken as English
    counts: Counter = field(default_factory=Counter)  # what was skipped without being a problem


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
    """Every article in `paths` (files, folders walked recursively, globs, `-` for standard input).

    Each article comes with its language: the one its input gave, else the one detected.
    """
    options = options or ReadOptions()
    for item in _read_all(paths, options):
        if isinstance(item, Article) and not item.language:
            item.language = _language_of(item.text) if options.detect_language else "en"
        yield item


def _language_of(text: str) -> str:
    from .language import detect_language

    return detect_language(text)


def _read_all(paths: Iterable[str], options: ReadOptions) -> Iterator[Item]:
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                yield Problem("-", Errors.T109.format(origin="-", limit=options.max_bytes))
            else:
                yield from read_bytes(data, "-", options)
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
            matches = sorted(glob.glob(raw, recursive=True)) if any(c in raw for c in "*?[") else []
            if matches:
                yield from _read_all(matches, options)
            else:
                yield Problem(raw, Errors.T101.format(origin=raw))


def read_path(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The articles in one file; a WARC file is streamed, anything else read whole (up to `max_bytes`)."""
    origin = str(path)
    try:
        if _is_warc_file(path):
            from .warc import read_warc_stream

            with path.open("rb") as stream:
                yield from read_warc_stream(stream, origin, options)
            return
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Problem(origin, Errors.T109.format(origin=origin, limit=options.max_bytes))
            return
        data = path.read_bytes()
    except OSError as e:
        yield Problem(origin, Errors.T110.format(origin=origin, detail=e.strerror or e))
        return
    yield from read_bytes(data, origin, options)


def _is_warc_file(path: Path) -> bool:
    """Whether the file starts with a WARC record (looking inside gzip)."""
    with path.open("rb") as stream:
        head = stream.read(4096)
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


# Formats read record by record: what a truncated gzip file still holds is worth reading.
RECORD_FORMATS = ("jsonl", "csv", "warc")


def gunzip(data: bytes, *, limit: int) -> tuple[bytes, str | None]:
    """The decompressed data (every gzip member), and why it stopped early, or None where it did not.

    Decompresses in chunks so that the data before a corrupt or missing part is kept.
    """
    out: list[bytes] = []
    total = 0
    rest = data
    step = 1 << 16
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        start = 0
        try:
            while start < len(rest) and not inflater.eof:
                chunk = inflater.decompress(rest[start:start + step])
                start += step
                total += len(chunk)
                if total > limit:
                    return b"".join(out), f"it decompresses to more than the limit of {limit} bytes"
                out.append(chunk)
            out.append(inflater.flush())
        except zlib.error as e:
            return b"".join(out), f"corrupt data: {e}"
        if not inflater.eof:
            return b"".join(out), "the file ends in the middle of the compressed data"
        rest = (inflater.unused_data + rest[start:]).lstrip(b"\x00")
        if rest and not rest.startswith(GZIP_MAGIC):
            return b"".join(out), f"{len(rest)} bytes of trailing data that is not gzip"
    return b"".join(out), None


def read_bytes(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Sniff `data` (decompressing gzip) and hand it to its format's reader."""
    if data.startswith(GZIP_MAGIC):
        data, broken = gunzip(data, limit=options.max_bytes)
        if broken:
            fmt = sniff_format(data[:4096], origin) if data.strip() else None
            if fmt in RECORD_FORMATS:
                if fmt != "warc":  # the last line is cut off: drop it
                    data = data[: data.rfind(b"\n") + 1]
                yield Problem(origin, Errors.T114.format(
                    origin=origin, detail=broken, kept="the complete records before the break were read"))
            else:
                yield Problem(origin, Errors.T114.format(origin=origin, detail=broken, kept="nothing was read"))
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
        yield Problem(origin, Errors.T108.format(origin=origin, detail=f"no reader for {fmt} input"))
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
    yield Article(text=text, origin=origin, published=options.published, language=None)


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
        language=_str_or_none(record.get("language") or record.get("lang")),
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
    first_line = stripped.split("\n", 1)[0]
    if stripped.startswith("{") and "\n" in stripped.strip() and not _is_json(first_line):
        try:  # one pretty-printed JSON object, not JSON Lines
            record = json.loads(text)
        except json.JSONDecodeError:
            pass
        else:
            yield _record(record, origin, options)
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


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


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
