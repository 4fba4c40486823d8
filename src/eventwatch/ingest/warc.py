"""WARC and ARC archives (warcio), gzipped or not: HTML responses become documents."""
from __future__ import annotations

import gzip
import logging
from typing import BinaryIO, Iterator, Optional

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .. import settings
from ..errors import DocumentError
from ..limits import LimitedReader
from ..models import RawDoc, Skip
from .common import apply_published, header_charset_to_utf8, max_bytes, skip, too_large_reason

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def open_archive(fh: BinaryIO, source: str) -> LimitedReader:
    """The decompressed bytes of an archive file, bounded (``max_archive_bytes``, line length).

    gzip (one member per record or the whole file) is undone here, not by
    warcio, so that every decompressed byte passes the bounds before warcio
    reads a line of it.
    """
    head = fh.read(2)
    fh.seek(0)
    plain: BinaryIO = gzip.GzipFile(fileobj=fh, mode="rb") if head == b"\x1f\x8b" else fh
    return LimitedReader(plain, source=source, max_bytes=int(settings.get("max_archive_bytes")),
                         max_line=max(max_bytes(), 1 << 16))


def _safe_detail(exc: BaseException) -> str:
    """What an archive error says, without the bytes it quotes (warcio puts the bad line in its message)."""
    if isinstance(exc, DocumentError):
        return exc.reason
    text = str(exc).strip().split(":", 1)[0][:120]
    text = "".join(c if c.isprintable() else "?" for c in text)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _cut(record) -> bool:
    """True when a record's block ended before its declared length."""
    return record is not None and getattr(record.raw_stream, "limit", 0) > 0


def iter_warc(stream: BinaryIO, *, source: str, published: Optional[str] = None,
              arc: bool = False) -> Iterator[RawDoc | Skip]:
    """HTML response records of an archive (a decompressed, bounded stream: ``open_archive``).

    An archive that is cut or corrupt anywhere, inside a record that is not
    a page included, ends with a Skip saying after how many records.
    ARC records have no record id (warcio invents a random one on conversion),
    so an ARC document's id is its URI and capture time.
    """
    limit = max_bytes()
    n = 0
    record = None
    try:
        # arc2warc makes ARC records look like WARC responses, one code path.
        for record in ArchiveIterator(stream, arc2warc=True):
            n += 1
            if record.rec_type != "response":
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
            if _cut(record):
                raise EOFError(f"record {n} is shorter than its declared length")
            # WARC-Date is the crawl time, not the publication date: not used.
            charset = None
            for param in ctype.split(";")[1:]:
                k, _, v = param.partition("=")
                if k.strip().lower() == "charset":
                    charset = v.strip().strip("\"'") or None
            doc = RawDoc(id=rid, content=header_charset_to_utf8(body, charset), kind="html", source=src, url=uri)
            yield apply_published(doc, published)
        failed = getattr(stream, "failed", None)
        if failed is not None:
            raise failed
        if _cut(record):
            # warcio ends quietly when the last record is cut; its pages are lost all the same.
            raise EOFError(f"record {n} is shorter than its declared length")
    except Exception as exc:  # warcio raises assorted errors on truncated or corrupt input
        log.info("%s: archive ends badly after %d records: %s", source, n, _safe_detail(exc))
        if isinstance(exc, (OSError, EOFError, ValueError, ArchiveLoadFailed, DocumentError)):
            detail = f": {_safe_detail(exc)}"
        else:  # warcio's own AttributeError/TypeError on a cut record says nothing to a user
            detail = " (a record header or body is cut short)"
        yield skip(source, f"truncated or corrupt archive after {n} records{detail}")
