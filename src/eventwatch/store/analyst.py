"""Analysts' decisions on events: merge two, split a mention off, record a review.

Each is stored in ``reviews`` by stable ids (event ids, mention ids made of
the article id and the trigger's offsets), applied at once, and replayed by
resolution whenever the mentions it names are resolved again (after
``reprocess``), so no decision is lost when the coder changes.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import select

from ..errors import QueryError
from . import schema as S
from .engine import begin_write


class Analyst:
    """Mixin of ``Store``: needs ``engine``, ``_errors`` and the ``Resolution`` helpers."""

    def _event_pk(self, conn, event_id: str) -> int:
        row = conn.execute(select(S.events.c.pk).where(S.events.c.event_id == event_id)).first()
        if row is None:
            raise QueryError(f"no event with id {event_id!r}", name="event_id")
        return row.pk

    def merge_events(self, event_id: str, other_id: str, *, note: Optional[str] = None) -> str:
        """Merge event ``other_id`` into ``event_id``; returns the surviving event id."""
        if event_id == other_id:
            raise QueryError(f"cannot merge event {event_id!r} with itself", name="event_id")
        with self._errors("merge events in"), begin_write(self.engine) as conn:
            a, b = self._event_pk(conn, event_id), self._event_pk(conn, other_id)
            keys = sorted(set(self._keys_of(conn, a)) | set(self._keys_of(conn, b)))
            conn.execute(S.reviews.insert().values(
                kind="merge", event_id=event_id, other_event_id=other_id, payload={"keys": keys}, note=note,
                created_at=datetime.now(timezone.utc)))
            self._apply_merge(conn, keys, event_id)
        return event_id

    def split_event(self, event_id: str, mention_id: str, *, note: Optional[str] = None) -> str:
        """Take mention ``mention_id`` out of event ``event_id`` into an event of its own; returns its id."""
        with self._errors("split an event in"), begin_write(self.engine) as conn:
            pk = self._event_pk(conn, event_id)
            keys = self._keys_of(conn, pk)
            if mention_id not in keys:
                raise QueryError(f"event {event_id!r} has no mention {mention_id!r}: its mentions are "
                                 f"{', '.join(keys)}", name="mention", valid=keys)
            if len(keys) < 2:
                raise QueryError(f"event {event_id!r} has only one mention: nothing to split", name="mention")
            conn.execute(S.reviews.insert().values(
                kind="split", event_id=event_id, mention_key=mention_id, note=note,
                created_at=datetime.now(timezone.utc)))
            self._apply_split(conn, mention_id)
            new = self._pk_of_key(conn, mention_id)
            return conn.execute(select(S.events.c.event_id).where(S.events.c.pk == new)).scalar_one()

    def review_event(self, event_id: str, verdict: str, *, note: Optional[str] = None) -> None:
        """Record an analyst's verdict on an event (e.g. ``correct``, ``wrong``); kept through re-processing."""
        with self._errors("review an event in"), begin_write(self.engine) as conn:
            self._event_pk(conn, event_id)
            conn.execute(S.reviews.insert().values(kind="review", event_id=event_id, payload={"verdict": verdict},
                                                   note=note, created_at=datetime.now(timezone.utc)))

    def reviews(self, event_id: Optional[str] = None) -> list[dict]:
        q = select(S.reviews).order_by(S.reviews.c.id)
        if event_id:
            q = q.where(S.reviews.c.event_id == event_id)
        with self._errors("read"), self.engine.connect() as conn:
            return [{"id": r.id, "kind": r.kind, "event_id": r.event_id, "other_event_id": r.other_event_id,
                     "mention_id": r.mention_key, "payload": r.payload, "note": r.note,
                     "created_at": str(r.created_at)} for r in conn.execute(q)]
