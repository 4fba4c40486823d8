"""Helpers every source module shares: skips, size limits, decoding, sniffing."""
from __future__ import annotations

import codecs
import logging
from typing import Optional

from .. import settings
from ..errors import SourceError
from ..models import RawDoc, Skip

log = logging.getLogger(__name__)

TEXT_EXTS = (".txt", ".text", ".md")
HTML_EXTS = (".html", ".htm", ".xhtml")
RECORD_EXTS = (".json", ".jsonl", ".ndjson")
FEED_EXTS = (".rss", ".atom", ".xml")
WARC_EXTS = (".warc", ".warc.gz", ".arc", ".arc.gz")

# Bytes that never occur in real text files: NUL and C0 controls other than
# tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def skip(source: str, reason: str, doc_id: Optional[str] = None, stage: str = "ingest") -> Skip:
    log.info("skip %s: %s", source, reason)
    return Skip(source=source, stage=stage, reason=reason, doc_id=doc_id)


def max_bytes() -> int:
    return int(settings.get("max_document_bytes"))


def too_large_reason(n: int, limit: int | None = None) -> str:
    return f"too large: {n} bytes > limit {limit if limit is not None else max_bytes()}"


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """True for bytes no text file contains: any NUL, or many C0 control bytes.

    UTF-16 text also has NULs; a BOM says so, and that case is decoded, not
    refused.
    """
    head = data[:sample]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > 0.05


def decode_text(data: bytes, source: str = "") -> str:
    """Plain-text bytes to str: strict UTF-8 (BOM dropped), then charset-normalizer, then cp1252.

    Raises ``SourceError`` for binary content.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise SourceError("binary content (NUL or control bytes), not text", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text, encoding = guess_decode(data)
    log.debug("%s decoded as %s", source, encoding)
    return text


def apply_published(doc: RawDoc, published: Optional[str]) -> RawDoc:
    """``--published`` is the last resort: it never overrides a document's own date.

    An HTML page may still carry a date in its metadata, which the text stage
    prefers, so there it is only recorded as ``published_default``.
    """
    if published and not doc.publication_date:
        if doc.kind == "html":
            doc.published_default = published
        else:
            doc.publication_date = published
    return doc


def has_ext(name: str, exts: tuple[str, ...]) -> bool:
    low = name.lower()
    return any(low.endswith(e) for e in exts)


def sniff(data: bytes) -> Optional[str]:
    """Guess a source kind from the first bytes: warc, arc, gzip, feed, html, records, text."""
    head = data[:4096]
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"filedesc://"):
        return "arc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<rss") or stripped.startswith(b"<feed"):
        if b"<rss" in stripped or b"<feed" in stripped or b"<rdf:rdf" in stripped:
            return "feed"
        if b"<html" in stripped:
            return "html"
        return None
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if stripped.startswith((b"{", b"[")):
        return "records"
    if looks_binary(data):
        return None
    return "text"


def header_charset_to_utf8(content: bytes, charset: Optional[str]) -> bytes:
    """Page bytes the text stage can decode without the HTTP header it never sees.

    The text stage tries UTF-8, then the charset the page itself declares; a
    charset given only in the Content-Type header is applied here instead, by
    re-encoding to UTF-8.
    """
    if not charset:
        return content
    try:
        content.decode("utf-8")
        return content
    except UnicodeDecodeError:
        pass
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return content
    # WHATWG: a latin-1 label means windows-1252.
    name = "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name
    try:
        return content.decode(name).encode("utf-8")
    except UnicodeDecodeError:
        return content


# charset-normalizer is trusted to tell scripts apart (Cyrillic, Greek, CJK...),
# not to pick among Latin single-byte code pages on short texts (it reads
# latin-1 "São" as cp1250 "Săo" or hp_roman8 "SÐo"); there the WHATWG default,
# cp1252, is right far more often for news pages.
_OTHER_SCRIPTS = (
    "utf", "gb", "big5", "shift_jis", "euc", "cp932", "cp949", "cp950", "iso2022", "johab", "hz",
    "koi8", "cp1251", "iso8859_5", "mac_cyrillic", "cp866", "cp855", "kz1048", "ptcp154",
    "cp1253", "iso8859_7", "mac_greek", "cp1255", "iso8859_8", "cp1256", "iso8859_6",
    "cp874", "tis_620", "iso8859_11", "cp1258",
)


_HIGH = bytes(range(0x80, 0x100))
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))


def guess_decode(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8 to str, and the encoding used.

    charset-normalizer decides between scripts (Cyrillic, Greek, CJK...);
    otherwise cp1252 wins when the bytes are valid cp1252.
    Never raises: undecodable bytes become U+FFFD under cp1252.
    """
    best_name = None
    # byte counts in C (translate), not a Python loop: pages run to max_document_bytes
    high = len(data) - len(data.translate(None, _HIGH))
    letters = high + len(data) - len(data.translate(None, _ASCII_LETTERS))
    if letters and high / letters < 0.3:
        # Mostly ASCII letters with sparse accents: a Latin-script text, whatever
        # the detector says (it reads short latin-1 texts as Big5).
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            best_name = codecs.lookup(best.encoding).name.replace("-", "_")
            if best_name.startswith(_OTHER_SCRIPTS):
                return str(best), best.encoding
    except Exception:  # a detector failure must not lose the document: cp1252 below
        log.debug("charset-normalizer failed", exc_info=True)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    if best_name:
        return data.decode(best_name, errors="replace"), best_name
    # cp1252 leaves five bytes undefined; "replace" keeps the rest readable.
    return data.decode("cp1252", errors="replace"), "cp1252"
