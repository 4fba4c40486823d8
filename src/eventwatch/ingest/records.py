"""JSON Lines / JSON records: ``{id, text|html, url, title, publication_date}``."""
from __future__ import annotations

import json
import logging
from typing import Any, BinaryIO, Iterable, Iterator, Optional

from ..models import RawDoc, Skip
from .common import apply_published, max_bytes, skip, too_large_reason

log = logging.getLogger(__name__)


def record_to_raw(rec: Any, *, default_id: str, source: str,
                  published: Optional[str] = None) -> RawDoc | Skip:
    """One JSON object to a RawDoc, or a Skip saying what is wrong with it."""
    if not isinstance(rec, dict):
        return skip(source, f"record is a JSON {type(rec).__name__}, not an object", default_id)
    for key, value in rec.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                # json.loads accepts "\ud800"; nothing downstream can store or encode it.
                return skip(source, f"field {str(key)[:40]!r} has a lone surrogate U+{ord(value[exc.start]):04X} "
                                    f"at character {exc.start}: not valid Unicode", default_id)
    rid = rec.get("id")
    doc_id = str(rid) if rid is not None and str(rid) != "" else default_id
    text, html = rec.get("text"), rec.get("html")
    # An empty "text" next to a real "html" means the producer filled both fields.
    if isinstance(text, str) and (text.strip() or not isinstance(html, str)):
        content: str | bytes = text
        kind = "text"
    elif isinstance(html, str):
        # The text stage decodes HTML bytes; a JSON string is already Unicode,
        # so UTF-8 is exact and the strict UTF-8 attempt there succeeds.
        content = html.encode("utf-8")
        kind = "html"
    else:
        return skip(source, "record has no string 'text' or 'html' field", doc_id)
    date = rec.get("publication_date") or rec.get("published") or rec.get("date")
    doc = RawDoc(
        id=doc_id,
        content=content,
        kind=kind,
        source=source,
        url=_str_or_none(rec.get("url")),
        title=_str_or_none(rec.get("title")),
        publication_date=_str_or_none(date),
        publisher=_str_or_none(rec.get("publisher")),
    )
    return apply_published(doc, published)


def _str_or_none(v: Any) -> Optional[str]:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def iter_jsonl(lines: Iterable[bytes | str], *, source_prefix: str, id_prefix: str,
               published: Optional[str] = None) -> Iterator[RawDoc | Skip]:
    """One record per non-blank line; a broken or oversized line is one Skip and the rest go on."""
    limit = max_bytes()
    if hasattr(lines, "readline"):
        lines = _bounded_lines(lines, limit)
    for n, line in enumerate(lines, 1):
        src = f"{source_prefix}:{n}"
        default_id = f"{id_prefix}:{n}"
        if isinstance(line, int):
            size = line
        else:
            size = len(line) if isinstance(line, bytes) else len(line.encode("utf-8", "surrogatepass"))
        if size > limit:
            yield skip(src, too_large_reason(size, limit), default_id)
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield skip(src, f"line is not UTF-8: {exc}", default_id)
                continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield skip(src, f"invalid JSON: {exc}", default_id)
            continue
        yield record_to_raw(rec, default_id=default_id, source=src, published=published)


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """Lines of a binary stream, none held longer than ``limit`` bytes: an overlong one is
    read through in pieces and given as its length (an int) instead of its bytes."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while True:
            more = stream.readline(1 << 16)
            size += len(more)
            if not more or more.endswith(b"\n"):
                break
        yield size


def iter_json_document(text: str, *, source: str, id_prefix: str,
                       published: Optional[str] = None) -> Iterator[RawDoc | Skip]:
    """A .json file: one object, an array of objects, or (leniently) JSON Lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        yield from iter_jsonl(text.splitlines(), source_prefix=source, id_prefix=id_prefix,
                              published=published)
        return
    if isinstance(data, list):
        for n, rec in enumerate(data, 1):
            yield record_to_raw(rec, default_id=f"{id_prefix}:{n}", source=f"{source}#{n}",
                                published=published)
    else:
        yield record_to_raw(data, default_id=id_prefix, source=source, published=published)
