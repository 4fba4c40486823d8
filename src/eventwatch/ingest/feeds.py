"""RSS and Atom feeds (feedparser): each entry becomes one document."""
from __future__ import annotations

import logging
import re
import time
from typing import Any, Callable, Iterator, Optional

import feedparser

from ..errors import DocumentError
from ..models import RawDoc, Skip
from .common import apply_published, skip

log = logging.getLogger(__name__)

# A summary with at least this much text is taken as the article; shorter ones
# are teasers, and the entry link is fetched instead.
LONG_SUMMARY_CHARS = 600

_TAG = re.compile(r"<[^>]+>")


def is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf")) or (
        head.startswith(b"<?xml") and any(t in head for t in (b"<rss", b"<feed", b"<rdf:rdf")))


def _iso(struct: Optional[time.struct_time]) -> Optional[str]:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%d", struct)
    except (TypeError, ValueError):
        return None


def _entry_html(entry: Any) -> Optional[str]:
    for c in entry.get("content") or []:
        value = c.get("value") if isinstance(c, dict) else None
        if value and value.strip():
            return value
    summary = entry.get("summary") or ""
    if len(_TAG.sub(" ", summary).strip()) >= LONG_SUMMARY_CHARS:
        return summary
    return None


def iter_feed(data: bytes, *, source: str, published: Optional[str] = None,
              fetch_link: Optional[Callable[[str], RawDoc]] = None) -> Iterator[RawDoc | Skip]:
    """Entries of a feed. ``fetch_link(url)`` fetches an entry whose feed text is only a teaser."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
        yield skip(source, f"feed has no entries{why}")
        return
    publisher = (parsed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, 1):
        src = f"{source}#entry-{n}"
        link = entry.get("link") or None
        doc_id = entry.get("id") or link or src
        date = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        title = entry.get("title") or None
        html = _entry_html(entry)
        if html is not None:
            doc = RawDoc(id=doc_id, content=html.encode("utf-8"), kind="html", source=src,
                         url=link, title=title, publication_date=date, publisher=publisher)
        elif link and fetch_link is not None:
            try:
                doc = fetch_link(link)
            except DocumentError as exc:
                yield skip(src, f"entry link {link}: {exc.reason}", doc_id)
                continue
            if not isinstance(doc, RawDoc):
                yield skip(src, f"entry link {link}: not an HTML page", doc_id)
                continue
            doc.id = doc_id
            doc.source = f"{src} ({link})"
            doc.title = doc.title or title
            doc.publication_date = date or doc.publication_date
            doc.publisher = doc.publisher or publisher
        else:
            yield skip(src, "entry has no content and no link to fetch", doc_id)
            continue
        yield apply_published(doc, published)
