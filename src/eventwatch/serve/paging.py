"""Cursor pagination of the API's lists, shared by its routers.

Lists answer ``{"items": [...], "next_cursor": str | null, "limit": n}``. A cursor is the key of the
last row of a page (``store/pages.py``) as URL-safe base64 of JSON: opaque to clients, checked when
read back (a tampered cursor is a 400, never a server error).
"""
from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Optional

from fastapi import Query

from .. import settings
from ..errors import QueryError


def encode_cursor(after: Optional[list]) -> Optional[str]:
    if after is None:
        return None
    raw = json.dumps(after, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: Optional[str]) -> Optional[list]:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        after = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        after = None
    if not isinstance(after, list) or not after or \
            not all(x is None or isinstance(x, (str, int, float)) for x in after):
        raise QueryError("invalid cursor: pass the next_cursor of the previous page unchanged", name="cursor")
    return after


def page_size(limit: Optional[int]) -> int:
    top = int(settings.get("serve_max_page_size"))
    if limit is None:
        return min(int(settings.get("serve_page_size")), top)
    if limit < 1 or limit > top:
        raise QueryError(f"invalid limit {limit}: must be between 1 and {top} (setting serve_max_page_size)",
                         name="limit")
    return limit


def page(items: list[Any], after: Optional[list], size: int) -> dict[str, Any]:
    return {"items": items, "next_cursor": encode_cursor(after), "limit": size}


def cursor_param() -> Any:
    return Query(None, description="next_cursor of the previous page; omit for the first page.", max_length=2000)


def limit_param() -> Any:
    return Query(None, description="Rows per page (default: setting serve_page_size).")
