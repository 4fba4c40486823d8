"""The text stage: ``RawDoc`` in, ``Article`` (main text, metadata, boilerplate, hashes) out."""
from __future__ import annotations

import datetime as _dt
import logging
import re
from typing import Optional
from urllib.parse import urlsplit

from ..errors import SourceError, TextError
from ..ingest.common import decode_text, looks_binary
from ..models import Article, RawDoc
from .boilerplate import content_text, find_boilerplate
from .dedup import content_hash, minhash_signature
from .html import extract_html
from .language import detect_language

log = logging.getLogger(__name__)

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def normalise_date(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(ISO date, warning): ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` as given), else dateparser, else None."""
    if not value or not str(value).strip():
        return None, None
    value = str(value).strip()
    m = _ISO.match(value)
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
        return None, f"publication date {value!r} not understood: ignored"
    return parsed.date().isoformat(), None


def _host(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


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


def to_article(raw: RawDoc) -> Article:
    """Main text and metadata of one document. Raises ``TextError`` for empty, binary or textless input.

    Plain text is kept unchanged (callers' offsets must hold); HTML is reduced
    to its main text by trafilatura. In both, boilerplate is marked, not cut.
    """
    warnings: list[str] = []
    author = sitename = meta_date = None
    title, url = raw.title, raw.url
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
    else:
        text = _text_of(raw)
    if not text.strip():
        raise TextError("empty document", source=raw.source, doc_id=raw.id)

    boilerplate = find_boilerplate(text)
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
        title=title,
        author=author,
        publisher=sitename or raw.publisher or _host(url),
        publication_date=date,
        language=detect_language(content),
        content_hash=content_hash(content),
        boilerplate=boilerplate,
        minhash=minhash_signature(content),
        warnings=warnings,
    )
