"""HTML bytes to main text and metadata (trafilatura)."""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field
from typing import Optional

import trafilatura

from ..errors import TextError

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do pages.
_DOCUMENT = re.compile(r"<(html|body)[\s>]", re.IGNORECASE)
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254"}


@dataclass
class HtmlText:
    text: str
    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None
    sitename: Optional[str] = None
    url: Optional[str] = None
    warnings: list[str] = field(default_factory=list)


def declared_charset(data: bytes) -> Optional[str]:
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _WHATWG_ALIASES.get(name, name)


def decode_html(data: bytes, charset: Optional[str] = None) -> tuple[str, list[str]]:
    """Decode a page: strict UTF-8 first (pages that mislabel UTF-8 as latin-1), then the declared charset, then a guess (``guess_decode``)."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    declared = charset or declared_charset(data)
    if declared:
        try:
            declared = _WHATWG_ALIASES.get(codecs.lookup(declared).name, codecs.lookup(declared).name)
            return data.decode(declared), warnings
        except (LookupError, UnicodeDecodeError):
            warnings.append(f"page declares charset {declared!r} but does not decode with it")
    from ..ingest.common import guess_decode

    text, encoding = guess_decode(data)
    warnings.append(f"page charset guessed as {encoding}")
    return text, warnings


def extract_html(data: bytes | str, url: Optional[str] = None) -> HtmlText:
    """Main text and metadata of a page; ``TextError`` when nothing readable is there."""
    if isinstance(data, bytes):
        if b"\x00" in data[:8192]:
            raise TextError("binary content, not HTML")
        html, warnings = decode_html(data)
    else:
        html, warnings = data, []
    if not html.strip():
        raise TextError("empty page")
    if not _DOCUMENT.search(html[:4096]):
        # A fragment (feed entry content, a JSONL "html" snippet): trafilatura
        # only reads whole documents.
        html = f"<html><body>{html}</body></html>"
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            # Publication date only from the page's own markup, never guessed from text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml fail in many ways on broken markup: fall back
        log.debug("trafilatura failed on %s: %r", url, exc)
        warnings.append(f"main-text extraction failed ({exc.__class__.__name__}); used fallback")
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        # Precision mode drops short or oddly built pages; recall mode, then
        # the plain text of the whole page, are the fallbacks.
        try:
            text = (trafilatura.extract(html, url=url, favor_recall=True, include_comments=False,
                                        include_tables=False) or "").strip()
        except Exception as exc:
            log.debug("trafilatura recall extraction failed on %s: %r", url, exc)
        if not text:
            try:
                text = (trafilatura.html2txt(html) or "").strip()
            except Exception as exc:
                log.debug("html2txt failed on %s: %r", url, exc)
        if text:
            warnings.append("main text from fallback extraction (precision extraction found none)")
    if not text:
        raise TextError("no main text found in HTML")
    meta = doc if doc is not None else None
    return HtmlText(
        text=text,
        title=_clean(getattr(meta, "title", None)),
        author=_clean_author(getattr(meta, "author", None)),
        date=_clean(getattr(meta, "date", None)),
        sitename=_clean(getattr(meta, "sitename", None)),
        url=_clean(getattr(meta, "url", None)),
        warnings=warnings,
    )


_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d", re.IGNORECASE)


def _clean_author(v: object) -> Optional[str]:
    """trafilatura joins byline pieces with "; " and sometimes takes the byline's date along: drop those."""
    v = _clean(v)
    if v is None:
        return None
    parts = [p.strip() for p in v.split(";") if p.strip() and not _MONTH.search(p)]
    return "; ".join(parts) or None


def _clean(v: object) -> Optional[str]:
    if not isinstance(v, str):
        return None
    v = v.strip()
    return v or None
