"""Write tokens: ``create_token`` shows a random token once and stores its SHA-256; ``verify_token``
gives the writer's name. A token is 32 random bytes (``secrets.token_urlsafe``), so a plain SHA-256
is enough: there is no password to brute-force, and lookups stay one indexed equality.

``require_writer`` is the FastAPI dependency of every write route: ``Authorization: Bearer <token>``
or 401 (403 when the app was created read-only).
"""
from __future__ import annotations

import hashlib
import secrets
from typing import Optional

from fastapi import Depends, HTTPException, Request

from ..errors import QueryError
from ..store import Store
from .deps import get_store

PREFIX = "ew_"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _valid_name(name: str) -> str:
    n = (name or "").strip()
    if not n or len(n) > 100 or any(c.isspace() and c != " " for c in n):
        raise QueryError(f"invalid token name {name!r}: 1-100 characters, no tabs or newlines", name="name")
    return n


def create_token(store: Store, name: str) -> str:
    """A new write token named ``name`` (e.g. ``research-desk``); returns the token, which is not stored."""
    raw = PREFIX + secrets.token_urlsafe(32)
    store.add_token(_valid_name(name), _digest(raw))
    return raw


def verify_token(store: Store, raw: Optional[str]) -> Optional[str]:
    """The name of the live token ``raw``, or None (unknown, revoked or empty)."""
    if not raw or not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    return store.token_name(_digest(raw))


def list_tokens(store: Store) -> list[dict]:
    """Every token's name and dates (never the token)."""
    return store.tokens()


def revoke(store: Store, name: str) -> None:
    """Revoke the live token ``name``; a QueryError when there is none."""
    store.revoke_token(name)


def bearer(request: Request) -> Optional[str]:
    """The token of an ``Authorization: Bearer`` header, or None."""
    header = request.headers.get("authorization") or ""
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def require_writer(request: Request, store: Store = Depends(get_store)) -> str:
    """FastAPI dependency of the write routes: the writer's token name, else 401 (403 on a read-only app)."""
    if not getattr(request.app.state, "allow_writes", True):
        raise HTTPException(403, "this server is read-only (eventwatch serve --read-only)")
    raw = bearer(request)
    if raw is None:
        raise HTTPException(401, "writes need a token: Authorization: Bearer <token> (eventwatch token create)")
    name = verify_token(store, raw)
    if name is None:
        raise HTTPException(401, "unknown or revoked token")
    return name
