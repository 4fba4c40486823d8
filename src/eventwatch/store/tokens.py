"""API write tokens in the store: only a digest is kept (``eventwatch.serve.auth`` makes and checks them)."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import select

from ..errors import QueryError
from . import schema as S
from .engine import begin_write


class Tokens:
    """Mixin of ``Store``: needs ``engine`` and ``_errors``."""

    def add_token(self, name: str, digest: str) -> None:
        t = S.api_tokens
        with self._errors("create a token in"), begin_write(self.engine) as conn:
            if conn.execute(select(t.c.id).where(t.c.name == name)).first() is not None:
                raise QueryError(f"a token named {name!r} exists: revoke it first or choose another name",
                                 name="name")
            conn.execute(t.insert().values(name=name, token_hash=digest, created_at=datetime.now(timezone.utc)))

    def token_name(self, digest: str) -> Optional[str]:
        """The name of the live token with this digest, or None."""
        t = S.api_tokens
        with self._errors("check a token in"), self.engine.connect() as conn:
            return conn.execute(select(t.c.name).where(t.c.token_hash == digest, t.c.revoked_at.is_(None))).scalar()

    def tokens(self) -> list[dict[str, Any]]:
        t = S.api_tokens
        with self._errors("read"), self.engine.connect() as conn:
            return [{"name": r.name, "created_at": str(r.created_at),
                     "revoked_at": str(r.revoked_at) if r.revoked_at else None}
                    for r in conn.execute(select(t).order_by(t.c.id))]

    def revoke_token(self, name: str) -> None:
        """Revoke the live token ``name``; the record stays (renamed with the time), so the name is free again."""
        t = S.api_tokens
        with self._errors("revoke a token in"), begin_write(self.engine) as conn:
            row = conn.execute(select(t.c.id).where(t.c.name == name, t.c.revoked_at.is_(None))).first()
            if row is None:
                raise QueryError(f"no live token named {name!r} (`eventwatch token list` shows them)", name="name")
            now = datetime.now(timezone.utc)
            conn.execute(t.update().where(t.c.id == row.id).values(
                revoked_at=now, name=f"{name} (revoked {now.isoformat(timespec='seconds')})"))
