"""The text stage: ``RawDoc`` in, ``Article`` (main text, metadata, boilerplate, hashes) out."""
from __future__ import annotations

import datetime as _dt
import logging
import re
from typing import Optional
from urllib.parse import urlsplit

from .. import settings
from ..errors import DocumentTimeout, SourceError, TextError
from ..ingest.common import decode_text, looks_binary
from ..limits import time_limit
from ..models import Article, RawDoc
from .boilerplate import content_text, find_boilerplate, merge_spans
from .dedup import content_hash, minhash_signature
from .html import extract_html
from .language import detect_language

log = logging.getLogger(__name__)

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# NUL and the bidi embedding/override/isolate controls (Trojan Source): each becomes one
# space, so the text keeps its length and every offset into the input still holds.
_UNSAFE = re.compile("[\x00\u202a-\u202e\u2066-\u2069]")
# Dates outside these years are no publication date, and would push date arithmetic
# ("yesterday" of 0001-01-01) off the calendar.
MIN_YEAR, MAX_YEAR = 1700, 2999


def normalise_date(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(ISO date, warning): ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` as given), else dateparser, else None."""
    if not value or not str(value).strip():
        return None, None
    value = str(value).strip()
    m = _ISO.match(value)
    if m and not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
        return None, f"publication date {value[:40]!r} outside {MIN_YEAR}-{MAX_YEAR}: ignored"
    if m:
        y, mo, d = m.groups()
        try:
            if d:
                return _dt.date(int(y), int(mo), int(d)).isoformat(), None
            if mo:
                if 1 <= int(mo) <= 12:
                    return f"{y}-{mo}", None
            else:
                return y, None
        except ValueError:
            pass
    import dateparser

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                               "PREFER_DATES_FROM": "past"})
    if parsed is None:
        return None, f"publication date {value[:40]!r} not understood: ignored"
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None, f"publication date {value[:40]!r} outside {MIN_YEAR}-{MAX_YEAR}: ignored"
    return parsed.date().isoformat(), None


def _host(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def headline(text: str) -> Optional[str]:
    """A plain text's first line when it reads as a headline: followed by a blank line, 4 to 30
    words, no sentence punctuation at its end, no section separator ("WORLD | Asia")."""
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    line = first.strip()
    if not sep or not rest.startswith(("\n", "\r\n")) or not line or len(line) > 200:
        return None
    if line[-1] in ".,;:!?" or "|" in line or not 4 <= len(line.split()) <= 30:
        return None
    return line


def _text_of(raw: RawDoc) -> str:
    content = raw.content
    if isinstance(content, (bytes, bytearray)):
        try:
            content = decode_text(bytes(content), raw.source)
        except SourceError as exc:
            raise TextError(exc.reason, source=raw.source, doc_id=raw.id) from exc
    if not isinstance(content, str):
        raise TextError(f"content is {type(content).__name__}, not text", source=raw.source, doc_id=raw.id)
    sample = content[:8192]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > 0.05 * max(len(sample), 1):
        raise TextError("binary content (NUL or control characters), not text", source=raw.source, doc_id=raw.id)
    return content


def lone_surrogate(text: str) -> Optional[int]:
    """Index of the first lone surrogate in ``text`` (JSON can carry one, UTF-8 cannot), else None."""
    try:
        text.encode("utf-8")
        return None
    except UnicodeEncodeError as exc:
        return exc.start


def safe_text(text: Optional[str]) -> Optional[str]:
    """``text`` with NUL and bidi controls replaced by spaces (same length)."""
    return _UNSAFE.sub(" ", text) if text else text


def to_article(raw: RawDoc) -> Article:
    """Main text and metadata of one document. Raises ``TextError`` for empty, binary or textless input,
    ``DocumentTimeout`` past ``doc_timeout`` seconds.

    Plain text is kept as given, but for NUL and bidi control characters, each
    replaced by a space (callers' offsets hold); HTML is reduced to its main
    text by trafilatura. In both, boilerplate is marked, not cut.
    """
    seconds = float(settings.get("doc_timeout"))
    with time_limit(seconds, lambda: DocumentTimeout(
            f"text stage took longer than {seconds:g} s (setting doc_timeout)",
            stage="text", source=raw.source, doc_id=raw.id)):
        return _to_article(raw)


def _to_article(raw: RawDoc) -> Article:
    warnings: list[str] = []
    author = sitename = meta_date = None
    title, url = raw.title, raw.url
    marked: list[tuple[int, int]] = []
    if raw.kind == "html":
        content = raw.content
        if isinstance(content, str):
            html_input: bytes | str = content
        elif isinstance(content, (bytes, bytearray)):
            if looks_binary(bytes(content)):
                raise TextError("binary content, not HTML", source=raw.source, doc_id=raw.id)
            html_input = bytes(content)
        else:
            raise TextError(f"content is {type(content).__name__}, not HTML", source=raw.source, doc_id=raw.id)
        try:
            page = extract_html(html_input, url=raw.url)
        except TextError as exc:
            raise TextError(exc.reason, source=raw.source, doc_id=raw.id) from exc
        text = page.text
        title = title or page.title
        author, sitename, meta_date = page.author, page.sitename, page.date
        url = url or page.url
        warnings.extend(page.warnings)
        marked = page.boilerplate
    else:
        text = _text_of(raw)
        title = title or headline(text)
    if not text.strip():
        raise TextError("empty document", source=raw.source, doc_id=raw.id)
    bad = lone_surrogate(text)
    if bad is not None:
        raise TextError(f"lone surrogate U+{ord(text[bad]):04X} at character {bad}: not valid Unicode",
                        source=raw.source, doc_id=raw.id)
    cleaned = safe_text(text)
    if cleaned != text:
        warnings.append("NUL or bidi control characters replaced by spaces")
        text = cleaned
        if not text.strip():
            raise TextError("empty document", source=raw.source, doc_id=raw.id)

    boilerplate = merge_spans(find_boilerplate(text) + marked)
    content = content_text(text, boilerplate)
    if not content.strip():
        warnings.append("document is all boilerplate")

    # The record's own date, then the page's metadata, then the caller's --published.
    date, warn = None, None
    for candidate in (raw.publication_date, meta_date, raw.published_default):
        date, warn = normalise_date(candidate)
        if warn:
            warnings.append(warn)
        if date:
            break

    return Article(
        id=raw.id,
        text=text,
        source=raw.source,
        url=url,
        title=safe_text(title),
        author=safe_text(author),
        publisher=safe_text(sitename or raw.publisher or _host(url)),
        publication_date=date,
        language=detect_language(content),
        content_hash=content_hash(content),
        boilerplate=boilerplate,
        minhash=minhash_signature(content),
        warnings=warnings,
    )
