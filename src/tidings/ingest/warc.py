"""WARC and WARC.gz files through `fastwarc` 2.x, streamed record by record.

`response` and `resource` records holding HTML become articles (text and metadata by
`html.article_from_html`) with the record's target URI as URL, the page's own date or else
the record's date, and origin `path#RECORD-ID`. Other records (requests, metadata,
warcinfo, revisits, conversions, non-HTML payloads, HTTP errors and redirects) are counted
in `ReadOptions.counts` and skipped. A broken record is named as a problem and reading
resumes at the next record that can be found (the next gzip member, or the next `WARC/1.`
line), so one bad record loses only itself.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import Errors
from .html import article_from_html
from .read import GZIP_MAGIC, Item, Problem, ReadOptions, reader

PAGE_TYPES = ("text/html", "application/xhtml+xml")
_SCAN_CHUNK = 1 << 20


@reader("warc")
def read_warc(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    """A WARC held in memory (standard input, or a file decompressed already)."""
    yield from read_warc_stream(io.BytesIO(data), origin, options)


def read_warc_stream(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Every page in a seekable WARC stream (plain or gzip, as fastwarc detects), in order."""
    from fastwarc.warc import ArchiveIterator

    head = stream.read(4)
    compressed = head.startswith(GZIP_MAGIC)
    stream.seek(0)
    base = 0  # where the current ArchiveIterator started in the stream
    last_start: int | None = None
    while True:
        stream.seek(base)
        records = ArchiveIterator(stream, quirks_mode=True, auto_decode="all", parse_http=True)
        try:
            for record in records:
                last_start = base + record.stream_pos
                yield from _record_items(record, origin, options)
        except (OSError, ValueError) as e:
            where = f"{origin}@{last_start if last_start is not None else base}"
            resume = _next_record(stream, (last_start if last_start is not None else base) + 1, compressed)
            kept = ("reading resumed at the next record" if resume is not None
                    else "no record could be found after it")
            yield Problem(where, Errors.T115.format(origin=origin, detail=e, kept=kept))
            if resume is None:
                return
            options.counts["WARC: broken records"] += 1
            base, last_start = resume, None
            continue
        break
    if last_start is not None:
        broken = _tail_problem(stream, last_start, compressed)
        if broken:
            yield Problem(origin, Errors.T115.format(origin=origin, detail=broken,
                                                     kept="the records before it were read"))


def _record_items(record, origin: str, options: ReadOptions) -> Iterator[Item]:
    kind = str(record.record_type)
    if kind not in ("response", "resource"):
        options.counts[f"WARC: {kind} records skipped"] += 1
        return
    record_id = (record.record_id or "").strip("<>") or f"offset-{record.stream_pos}"
    where = f"{origin}#{record_id}"
    if kind == "response":
        if not record.is_http:
            options.counts["WARC: non-HTTP response records skipped"] += 1
            return
        status = record.http_headers.status_code
        if status is not None and not 200 <= status < 300:
            options.counts[f"WARC: HTTP {status} responses skipped"] += 1
            return
        content_type = record.http_content_type or record.headers.get("WARC-Identified-Payload-Type")
    else:
        content_type = record.headers.get("Content-Type")
    if not content_type or not content_type.split(";")[0].strip().lower() in PAGE_TYPES:
        options.counts["WARC: records without an HTML page skipped"] += 1
        return
    if record.content_length > options.max_bytes:
        yield Problem(where, Errors.T118.format(origin=where, limit=options.max_bytes))
        return
    payload = record.reader.read()
    date = record.record_date
    item = article_from_html(payload, origin=where, url=record.headers.get("WARC-Target-URI"),
                             default_published=date.date().isoformat() if date else None)
    if isinstance(item, Problem) and not payload.strip():
        item = Problem(where, Errors.T115.format(origin=where, detail="the record holds no payload",
                                                 kept="it was skipped"))
    if not isinstance(item, Problem):
        item.extra["warc_record_id"] = record_id
    yield item


def _next_record(stream: BinaryIO, start: int, compressed: bool) -> int | None:
    """The offset of the next readable record at or after `start`, or None."""
    marker = GZIP_MAGIC + b"\x08" if compressed else b"WARC/1."
    position = start
    while True:
        stream.seek(position)
        chunk = stream.read(_SCAN_CHUNK + len(marker))
        if len(chunk) < len(marker):
            return None
        found = chunk.find(marker)
        while found != -1 and found < _SCAN_CHUNK + 1:
            offset = position + found
            if not compressed or _starts_warc_member(stream, offset):
                return offset
            found = chunk.find(marker, found + 1)
        position += _SCAN_CHUNK


def _starts_warc_member(stream: BinaryIO, offset: int) -> bool:
    stream.seek(offset)
    try:
        return zlib.decompressobj(wbits=31).decompress(stream.read(4096), 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _tail_problem(stream: BinaryIO, last_start: int, compressed: bool) -> str | None:
    """Why the last record is cut short, or None where the stream ends cleanly after it."""
    stream.seek(last_start)
    tail = stream.read()
    if compressed:
        rest = tail
        while rest:
            inflater = zlib.decompressobj(wbits=31)
            try:
                inflater.decompress(rest)
            except zlib.error as e:
                return f"corrupt gzip data at the end: {e}"
            if not inflater.eof:
                return "the file ends in the middle of a record (truncated)"
            rest = inflater.unused_data.lstrip(b"\x00\r\n")
        return None
    header_end = tail.find(b"\r\n\r\n")
    sep = 4
    if header_end == -1 or (0 <= tail.find(b"\n\n") < header_end):
        header_end, sep = tail.find(b"\n\n"), 2
    if header_end == -1:
        return "the file ends inside a record's header (truncated)"
    if sep == 2:
        # bare LF line ends: the file went through a line-ending conversion, so lengths no longer add up
        return None
    for line in tail[:header_end].splitlines():
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                return "a record's Content-Length is not a number"
            if header_end + sep + length > len(tail):
                return (f"the last record declares {length} bytes but only {len(tail) - header_end - sep} "
                        "follow (truncated)")
    return None
