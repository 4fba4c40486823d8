"""WARC and ARC archives (warcio), gzipped or not: HTML responses become documents."""
from __future__ import annotations

import logging
from typing import BinaryIO, Iterator, Optional

from warcio.archiveiterator import ArchiveIterator

from ..models import RawDoc, Skip
from .common import apply_published, max_bytes, skip, too_large_reason

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: BinaryIO, *, source: str, published: Optional[str] = None) -> Iterator[RawDoc | Skip]:
    """HTML response records of an archive; a truncated archive ends with a Skip saying so."""
    limit = max_bytes()
    n = 0
    try:
        # arc2warc makes ARC records look like WARC responses, one code path.
        for record in ArchiveIterator(stream, arc2warc=True):
            n += 1
            if record.rec_type != "response":
                continue
            src = f"{source}#warc-record-{n}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            rid = record.rec_headers.get_header("WARC-Record-ID") or uri or src
            ctype = ""
            if record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status and not str(status).startswith("2"):
                    log.debug("%s: HTTP %s record, not a page", src, status)
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
            media = ctype.split(";", 1)[0].strip().lower()
            if media not in HTML_TYPES:
                continue
            body = record.content_stream().read(limit + 1)
            if len(body) > limit:
                yield skip(src, too_large_reason(len(body), limit), rid)
                continue
            # WARC-Date is the crawl time, not the publication date: not used.
            doc = RawDoc(id=rid, content=body, kind="html", source=src, url=uri)
            yield apply_published(doc, published)
    except Exception as exc:  # warcio raises assorted errors on truncated or corrupt input
        log.info("%s: archive ends badly after %d records: %r", source, n, exc)
        yield skip(source, f"truncated or corrupt archive after {n} records: {exc.__class__.__name__}: {exc}")
