"""A URL source: a page, a feed, or plain text, decided by the response."""
from __future__ import annotations

import logging
from typing import Iterator, Optional
from urllib.parse import urlsplit

from ..errors import DocumentError, FetchError
from ..models import RawDoc, Skip
from .common import apply_published, decode_text, header_charset_to_utf8, skip
from .feeds import is_feed, iter_feed
from .fetch import fetch

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/x-rss+xml", "application/x-atom+xml", "application/rss", "text/rss+xml",
              "text/atom+xml", "application/xml", "text/xml")


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def fetch_page(url: str, *, allow_private: bool = False) -> RawDoc:
    """One HTML page as a RawDoc; ``FetchError`` for anything else."""
    got = fetch(url, allow_private=allow_private)
    if got.content_type in HTML_TYPES or (not got.content_type and b"<html" in got.content[:4096].lower()):
        return RawDoc(id=url, content=header_charset_to_utf8(got.content, got.charset), kind="html",
                      source=url, url=got.url)
    raise FetchError(f"unsupported content type {got.content_type or '(none)'!r}, not HTML", source=url)


def iter_url(url: str, *, published: Optional[str] = None, allow_private: bool = False) -> Iterator[RawDoc | Skip]:
    try:
        got = fetch(url, allow_private=allow_private)
    except DocumentError as exc:
        yield skip(url, exc.reason, url)
        return
    media = got.content_type
    # Servers label feeds loosely (text/html, text/plain, none): the bytes decide.
    if is_feed(got.content) and (media in FEED_TYPES or media in HTML_TYPES or media in ("", "text/plain")):
        yield from iter_feed(got.content, source=url, published=published,
                             fetch_link=lambda link: fetch_page(link, allow_private=allow_private))
        return
    if media in FEED_TYPES:
        yield skip(url, f"XML content ({media}) that is not an RSS or Atom feed", url)
        return
    if media in HTML_TYPES or (not media and b"<html" in got.content[:4096].lower()):
        yield apply_published(RawDoc(id=url, content=header_charset_to_utf8(got.content, got.charset), kind="html",
                                     source=url, url=got.url), published)
        return
    if media == "text/plain":
        try:
            text = decode_text(got.content, url)
        except DocumentError as exc:
            yield skip(url, exc.reason, url)
            return
        yield apply_published(RawDoc(id=url, content=text, kind="text", source=url, url=got.url), published)
        return
    yield skip(url, f"unsupported content type {media or '(none)'!r}, not HTML", url)
