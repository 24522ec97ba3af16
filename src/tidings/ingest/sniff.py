"""Telling formats apart by their first bytes, then by their suffix."""

from __future__ import annotations

GZIP_MAGIC = b"\x1f\x8b"

FORMATS = ("text", "jsonl", "html", "feed", "warc", "csv")


def is_binary(head: bytes) -> str | None:
    """Why `head` looks binary (a NUL byte, many control bytes), or None where it looks like text."""
    if not head:
        return None
    if b"\x00" in head:
        return "it holds NUL bytes"
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if control / len(head) > 0.10:
        return f"{control} of its first {len(head)} bytes are control characters"
    return None


def sniff_format(head: bytes, name: str = "") -> str:
    """The format of a (decompressed) input from its first bytes and its name."""
    lower_name = name.lower()
    for suffix in (".gz", ".gzip"):
        lower_name = lower_name.removesuffix(suffix)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    low = start.lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if lower_name.endswith((".jsonl", ".ndjson", ".json")) or start.startswith(b"{"):
        return "jsonl"
    if low.startswith((b"<?xml", b"<rss", b"<feed")):
        if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
            return "feed"
        return "html" if b"<html" in low else "feed"
    if low.startswith((b"<!doctype html", b"<html", b"<!--", b"<head", b"<meta", b"<body")) or (
        lower_name.endswith((".html", ".htm", ".xhtml")) and low.startswith(b"<")
    ):
        return "html"
    if lower_name.endswith((".rss", ".atom", ".xml")):
        return "feed"
    if lower_name.endswith(".warc"):
        return "warc"
    if lower_name.endswith(".csv"):
        return "csv"
    return "text"
