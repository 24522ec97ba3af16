"""RSS 2.0 and Atom feeds through `feedparser`.

An item whose content holds the article (at least `FULL_TEXT_CHARS` characters of text, more
than its summary) becomes an article of that text. An item with only a summary (or a
teaser as content) becomes an article of the summary, marked `extra["summary_only"] = True`
and stored with status `summary`. With `ReadOptions.fetch_linked`, the page an item links
to is fetched instead (over HTTP, never by default) and read as HTML; where that fails,
the summary is kept and the failure reported.
"""

from __future__ import annotations

import calendar
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

from ..api import normalise_date
from ..document import Article
from ..errors import Errors, InputError
from .html import article_from_html, fragment_text
from .read import Item, Problem, ReadOptions, reader

FULL_TEXT_CHARS = 500
SUMMARY_STATUS = "summary"
USER_AGENT = "tidings (news ingestion; +https://pypi.org/project/tidings/)"


@reader("feed")
def read_feed(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception") if parsed.get("bozo") else "the feed has no items"
        yield Problem(origin, Errors.T116.format(origin=origin, detail=why))
        return
    feed = parsed.get("feed", {})
    source = _text(feed.get("title"))
    for n, entry in enumerate(entries, 1):
        yield from _entry_items(entry, f"{origin}#item{n}", source, options)


def _entry_items(entry, where: str, source: str | None, options: ReadOptions) -> Iterator[Item]:
    published = _date(entry) or options.published
    content = max((fragment_text(c.get("value") or "") for c in entry.get("content") or []), key=len, default="")
    summary = fragment_text(entry.get("summary") or "")
    link = entry.get("link")
    title = _text(entry.get("title"))
    if len(content) >= FULL_TEXT_CHARS and len(content) > len(summary):
        yield _article(content, where, title, link, source, published, entry)
        return
    teaser = max(content, summary, key=len)
    if options.fetch_linked and link and link.startswith(("http://", "https://")):
        fetched = fetch_page(link, timeout=options.fetch_timeout)
        if isinstance(fetched, bytes):
            page = article_from_html(fetched, origin=where, url=link, published=published)
            if isinstance(page, Article):
                page.title = page.title or title
                page.source = page.source or source
                page.extra["feed_item"] = where
                options.counts["feed items: linked pages fetched"] += 1
                yield page
                return
            fetched = page.message
        yield Problem(where, Errors.T117.format(origin=where, url=link, detail=fetched))
    if not teaser.strip():
        yield Problem(where, Errors.T119.format(origin=where))
        return
    article = _article(teaser, where, title, link, source, published, entry)
    article.extra["summary_only"] = True
    article.extra["status"] = SUMMARY_STATUS
    options.counts["feed items with only a summary"] += 1
    yield article


def _article(text: str, where: str, title, link, source, published, entry) -> Article:
    article = Article(text=text, origin=where, title=title, url=link, source=source, published=published,
                      language=None)
    author = _text(entry.get("author"))
    if author:
        article.extra["byline"] = author
    return article


def fetch_page(url: str, *, timeout: float) -> bytes | str:
    """The body of the page at `url`, or a short reason it could not be had."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # http(s) only: checked by the caller
            return response.read()
    except urllib.error.HTTPError as e:
        return f"HTTP {e.code} {e.reason}"
    except (urllib.error.URLError, OSError, ValueError) as e:
        return str(getattr(e, "reason", e))


def _date(entry) -> str | None:
    """The item's date as the feed wrote it (its own time zone), else as feedparser parsed it (UTC)."""
    for key in ("published", "updated", "created"):
        if entry.get(key):
            try:
                return normalise_date(entry[key])
            except InputError:
                pass
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(value)))
    return None


def _text(value) -> str | None:
    if not value:
        return None
    text = fragment_text(str(value)) if "<" in str(value) else str(value).strip()
    return text or None
