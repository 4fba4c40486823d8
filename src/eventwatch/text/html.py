"""HTML bytes to main text and metadata (trafilatura)."""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

import trafilatura

from .. import settings
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
    # Spans of ``text`` known not to be the report (the reader comments), for the boilerplate marks.
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


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
    html = strip_marked_off(html)
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=bool(settings.get("html_favor_precision")),
            include_comments=bool(settings.get("html_include_comments")),
            include_tables=bool(settings.get("html_include_tables")),
            with_metadata=True,
            # Publication date only from the page's own markup, never guessed from text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml fail in many ways on broken markup: fall back
        log.debug("trafilatura failed on %s: %r", url, exc)
        warnings.append(f"main-text extraction failed ({exc.__class__.__name__}); used fallback")
    body, comments = _parts(doc)
    if not body:
        # The main extraction can drop short or oddly built pages; recall mode,
        # then the plain text of the whole page, are the fallbacks.
        try:
            body = (trafilatura.extract(html, url=url, favor_recall=True, include_comments=False,
                                        include_tables=bool(settings.get("html_include_tables"))) or "").strip()
        except Exception as exc:
            log.debug("trafilatura recall extraction failed on %s: %r", url, exc)
        if not body and not comments:  # the whole page's text would hold the comments twice
            try:
                body = (trafilatura.html2txt(html) or "").strip()
            except Exception as exc:
                log.debug("html2txt failed on %s: %r", url, exc)
        if body:
            warnings.append("main text from fallback extraction (main extraction found none)")
        body = unicodedata.normalize("NFC", body)
    if not body and not comments:
        raise TextError("no main text found in HTML")
    # Laid out as trafilatura.extract lays them out: the report, then the comments.
    text = "\n".join(p for p in (body, comments) if p)
    comment_span = (len(text) - len(comments), len(text)) if comments else None
    meta = doc if doc is not None else None
    return HtmlText(
        text=text,
        title=_clean(getattr(meta, "title", None)),
        author=_clean_author(getattr(meta, "author", None)),
        date=_clean(getattr(meta, "date", None)),
        sitename=_clean(getattr(meta, "sitename", None)),
        url=_clean(getattr(meta, "url", None)),
        warnings=warnings,
        boilerplate=[comment_span] if comment_span else [],
    )


# Sites mark what is not their content for search engines (related stories,
# sign-up boxes): <!--googleoff: all--> ... <!--googleon: all-->. Only closed
# pairs count, and "index"/"all" (what is kept out of the index); "snippet"
# and "anchor" only hide text from result snippets, which is often the article.
_MARKED_OFF = re.compile(
    r"<!--\s*googleoff:\s*(?:all|index)\s*-->.*?<!--\s*googleon:\s*(?:all|index)\s*-->",
    re.IGNORECASE | re.DOTALL)
_GOOGLEOFF = re.compile(r"googleoff", re.IGNORECASE)


def strip_marked_off(html: str) -> str:
    """``html`` without the regions the page marks off with googleoff/googleon comments."""
    return _MARKED_OFF.sub(" ", html) if _GOOGLEOFF.search(html) else html


def _parts(doc: object) -> tuple[str, str]:
    """The report and the reader comments (empty when not kept) of a trafilatura result, stripped, NFC."""
    def part(name: str) -> str:
        return unicodedata.normalize("NFC", (getattr(doc, name, None) or "").strip())

    return (part("text"), part("comments")) if doc is not None else ("", "")


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
