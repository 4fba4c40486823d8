"""WARC and ARC archives (warcio), gzipped or not: HTML responses become documents."""
from __future__ import annotations

import logging
from typing import BinaryIO, Callable, Iterator, Optional

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..models import RawDoc, Skip
from .common import apply_published, header_charset_to_utf8, max_bytes, skip, too_large_reason

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: BinaryIO, *, source: str, published: Optional[str] = None,
              arc: bool = False, reopen_gunzipped: Optional[Callable[[], BinaryIO]] = None,
              skip_records: int = 0) -> Iterator[RawDoc | Skip]:
    """HTML response records of an archive; a truncated archive ends with a Skip saying so.

    ARC records have no record id (warcio invents a random one on conversion),
    so an ARC document's id is its URI and capture time.

    warcio reads gzip one member per record; a file gzipped as a whole is read
    again through ``reopen_gunzipped()`` (a decompressed stream), skipping the
    records already yielded.
    """
    limit = max_bytes()
    n = 0
    try:
        # arc2warc makes ARC records look like WARC responses, one code path.
        for record in ArchiveIterator(stream, arc2warc=True):
            n += 1
            if n <= skip_records or record.rec_type != "response":
                continue
            src = f"{source}#warc-record-{n}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if arc:
                rid = f"{uri} {record.rec_headers.get_header('WARC-Date') or ''}".strip() if uri else src
            else:
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
            if getattr(record.raw_stream, "limit", 0) > 0:
                # The block ended before its declared length: the archive is cut here.
                raise EOFError(f"record {n} is shorter than its declared length")
            # WARC-Date is the crawl time, not the publication date: not used.
            charset = None
            for param in ctype.split(";")[1:]:
                k, _, v = param.partition("=")
                if k.strip().lower() == "charset":
                    charset = v.strip().strip("\"'") or None
            doc = RawDoc(id=rid, content=header_charset_to_utf8(body, charset), kind="html", source=src, url=uri)
            yield apply_published(doc, published)
    except ArchiveLoadFailed as exc:
        if "non-chunked gzip" in str(exc) and reopen_gunzipped is not None:
            log.debug("%s: whole-file gzip, reading it decompressed", source)
            with reopen_gunzipped() as plain:
                yield from iter_warc(plain, source=source, published=published, arc=arc, skip_records=n)
            return
        log.info("%s: archive ends badly after %d records: %r", source, n, exc)
        yield skip(source, f"truncated or corrupt archive after {n} records: {str(exc).strip()[:200]}")
    except Exception as exc:  # warcio raises assorted errors on truncated or corrupt input
        log.info("%s: archive ends badly after %d records: %r", source, n, exc)
        if isinstance(exc, (OSError, EOFError, ValueError)):
            detail = f": {str(exc).strip()[:200]}"
        else:  # warcio's own AttributeError/TypeError on a cut record says nothing to a user
            detail = " (a record header or body is cut short)"
        yield skip(source, f"truncated or corrupt archive after {n} records{detail}")
