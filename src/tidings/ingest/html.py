"""Web pages: main text and metadata through `trafilatura` (dates through `htmldate`).

`article_from_html(page, origin=..., url=...)` turns one page into an `Article` whose
`text` is the extracted main text (every offset points into it), with the title,
byline (in `extra["byline"]`), publication date, site name and the page's URL
(the canonical or og:url link where the page has one, else the URL it was fetched from).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..api import normalise_date
from ..document import Article
from ..errors import Errors, InputError
from .read import Item, Problem, ReadOptions, reader

_CANONICAL = re.compile(
    rb"""<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>|<meta\b[^>]*\bproperty\s*=\s*["']og:url["'][^>]*>""",
    re.IGNORECASE)
_HREF = re.compile(rb"""\b(?:href|content)\s*=\s*["']([^"'>\s]+)["']""", re.IGNORECASE)
_BLANK_RUNS = re.compile(r"\n{3,}")
MIN_WORDS = 10  # fewer extracted words is a page without an article (navigation, a cookie wall)


def page_url(page: bytes) -> str | None:
    """The page's own URL from `<link rel="canonical">` or `<meta property="og:url">`, if absolute."""
    for tag in _CANONICAL.finditer(page[:200_000]):
        href = _HREF.search(tag.group(0))
        if href and href.group(1).lower().startswith((b"http://", b"https://")):
            return href.group(1).decode("utf-8", "replace")
    return None


def extract_page(page: bytes | str, *, url: str | None = None):
    """trafilatura's result for a page (text plus metadata), or None where it finds no main text."""
    import trafilatura
    from trafilatura.settings import set_date_params

    # No extensive date search: it guesses from copyright lines and free text ("© 2022" gives 2022-01-01);
    # a page without a date in its markup or URL takes the date its container knows (a WARC record's).
    dates = set_date_params(extensive=False)
    try:
        # settings measured on the scrapinghub article-extraction benchmark (benchmarks/bench_html.py):
        # fast (no fallback extractors) with favor_recall scored best there and halves the time per page
        return trafilatura.bare_extraction(page, url=url, with_metadata=True, date_extraction_params=dates,
                                           include_comments=False, include_tables=True, fast=True,
                                           favor_recall=True, deduplicate=False)
    except (ValueError, TypeError, LookupError, AttributeError, RecursionError) as e:
        # trafilatura and lxml are robust, but not against every broken byte sequence
        raise InputError(Errors.T112.format(origin=url or "-", detail=f"{type(e).__name__}: {e}")) from e


def article_from_html(page: bytes | str, *, origin: str, url: str | None = None,
                      published: str | None = None, default_published: str | None = None) -> Item:
    """An `Article` from one HTML page, or a `Problem` saying why none could be made.

    Args:
        page: the page, as bytes (encoding sniffed from the page) or text.
        origin: where it came from, for messages and `Article.origin`.
        url: the URL it was fetched from (a WARC record's target, a feed item's link).
        published: a date known from outside the page (a WARC record's date is *not* one:
            pass it as `default_published`); wins over the page's own date.
        default_published: a date used only where the page shows none.
    """
    raw = page.encode("utf-8") if isinstance(page, str) else page
    try:
        result = extract_page(page, url=url)
    except InputError as e:
        return Problem(origin, str(e).replace(f" {url or '-'}:", f" {origin}:", 1))
    text = _clean_text(result.text) if result is not None and result.text else ""
    if len(text.split()) < MIN_WORDS:
        return Problem(origin, Errors.T113.format(origin=origin))
    own_url = page_url(raw) or url or (result.url if result.url and result.url.startswith("http") else None)
    date = published
    if date is None and result.date:
        try:
            date = normalise_date(result.date, origin=origin)
        except InputError:
            date = None
    article = Article(
        text=text,
        origin=origin,
        title=_none_if_blank(result.title),
        url=own_url,
        source=_none_if_blank(result.sitename) or _none_if_blank(result.hostname),
        published=date or default_published,
        language=None,
    )
    if result.author:
        article.extra["byline"] = result.author
    if result.description:
        article.extra["description"] = result.description
    return article


def _clean_text(text: str) -> str:
    return _BLANK_RUNS.sub("\n\n", text.replace("\r\n", "\n")).strip()


def _none_if_blank(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


@reader("html")
def read_html(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    yield article_from_html(data, origin=origin, published=None, default_published=options.published)


_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
           "table", "section", "article", "figure", "figcaption", "header", "footer", "hr", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "template", "iframe", "svg"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content): paragraphs kept apart, markup and scripts gone."""
    if "<" not in fragment and "&" not in fragment:
        return _clean_text(fragment)
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _clean_text(fragment)
    parts: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            if element.tail:
                parts.append(element.tail)
            return
        if tag in _BLOCKS:
            parts.append("\n\n" if tag != "br" else "\n")
        if element.text and tag not in _SKIP:
            parts.append(element.text)
        for child in element:
            walk(child)
        if tag in _BLOCKS and tag != "br":
            parts.append("\n\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return _clean_text("\n".join(lines))
