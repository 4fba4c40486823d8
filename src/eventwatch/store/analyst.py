"""Analysts' decisions on events: merge two, split a mention off, confirm or reject, correct fields.

Each is stored in ``reviews`` by stable ids (event ids, mention ids made of
the article id and the trigger's offsets), with who (``reviewer``) and when,
applied at once, and replayed by resolution whenever the mentions it names
are resolved again (after ``reprocess``), so no decision is lost when the
coder changes. Verdicts and corrections are found through ``review_keys``
(the mention spans they name, without the type, so a re-coding that retypes
a mention keeps them) and applied by ``_reviewed`` each time an event is
recomputed: the event record shows the corrected values, its ``review`` the
coded ones they replaced (``corrections.py``).
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import select

from ..errors import QueryError
from ..resolve.actors import ActorRef
from . import corrections as C
from . import schema as S
from .engine import begin_write
from .filters import actor_keys


class Analyst:
    """Mixin of ``Store``: needs ``engine``, ``_errors`` and the ``Resolution`` helpers."""

    def _event_pk(self, conn, event_id: str) -> int:
        row = conn.execute(select(S.events.c.pk).where(S.events.c.event_id == event_id)).first()
        if row is None:
            raise QueryError(f"no event with id {event_id!r}", name="event_id")
        return row.pk

    def merge_events(self, event_id: str, other_id: str, *, note: Optional[str] = None,
                     reviewer: Optional[str] = None) -> str:
        """Merge event ``other_id`` into ``event_id``; returns the surviving event id."""
        if event_id == other_id:
            raise QueryError(f"cannot merge event {event_id!r} with itself", name="event_id")
        with self._errors("merge events in"), begin_write(self.engine) as conn:
            a, b = self._event_pk(conn, event_id), self._event_pk(conn, other_id)
            keys = sorted(set(self._keys_of(conn, a)) | set(self._keys_of(conn, b)))
            conn.execute(S.reviews.insert().values(
                kind="merge", event_id=event_id, other_event_id=other_id, payload={"keys": keys}, note=note,
                reviewer=reviewer, created_at=datetime.now(timezone.utc)))
            self._apply_merge(conn, keys, event_id)
        return event_id

    def split_event(self, event_id: str, mention_id: str, *, note: Optional[str] = None,
                    reviewer: Optional[str] = None) -> str:
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
                reviewer=reviewer, created_at=datetime.now(timezone.utc)))
            self._apply_split(conn, mention_id)
            new = self._pk_of_key(conn, mention_id)
            return conn.execute(select(S.events.c.event_id).where(S.events.c.pk == new)).scalar_one()

    def _keyed_review(self, conn, pk: int, event_id: str, kind: str, payload: dict[str, Any],
                      note: Optional[str], reviewer: Optional[str]) -> int:
        keys = self._keys_of(conn, pk)
        rid = conn.execute(S.reviews.insert().values(
            kind=kind, event_id=event_id, payload={**payload, "keys": keys}, note=note, reviewer=reviewer,
            created_at=datetime.now(timezone.utc))).inserted_primary_key[0]
        spans = sorted({C.span_key(k) for k in keys})
        if spans:
            conn.execute(S.review_keys.insert(), [{"key": k, "review_id": rid} for k in spans])
        self._refresh(conn, [pk])
        return rid

    def review_event(self, event_id: str, verdict: str, *, note: Optional[str] = None,
                     reviewer: Optional[str] = None) -> None:
        """Record an analyst's verdict on an event (``confirm`` or ``reject``; ``correct``/``wrong`` are
        the same); kept through re-processing and shown as the event's ``review``."""
        v = C.verdict_of(verdict)
        with self._errors("review an event in"), begin_write(self.engine) as conn:
            pk = self._event_pk(conn, event_id)
            self._keyed_review(conn, pk, event_id, "review", {"verdict": v}, note, reviewer)

    def correct_event(self, event_id: str, fields: dict[str, Any], *, reviewer: Optional[str] = None,
                      note: Optional[str] = None) -> dict[str, Any]:
        """Correct fields of an event (``corrections.CORRECTABLE``: type, mode, status, actor, recipient,
        date, place); returns the event as it reads now. Kept through re-ingest and re-processing."""
        with self._errors("correct an event in"), begin_write(self.engine) as conn:
            pk = self._event_pk(conn, event_id)
            current = conn.execute(select(S.events.c.type).where(S.events.c.pk == pk)).scalar_one()
            valid = C.validate(fields, current_type=current)
            for role in ("actor", "recipient"):
                for p in valid.get(role) or []:
                    if not p.get("actor_id"):  # a stored actor of that name or alias, else a new one
                        found = list(conn.execute(actor_keys(p["name"])).scalars())
                        p["actor_id"] = found[0] if len(found) == 1 else C.actor_key(p)
            self._keyed_review(conn, pk, event_id, "correct", {"fields": valid}, note, reviewer)
        return self.event(event_id) or {}

    def _review_owner(self, conn, spans: list[str]) -> Optional[int]:
        """The event holding most of these mention spans now (ties: the one holding the first)."""
        a, m, em = S.articles, S.mentions, S.event_mentions
        counts: Counter = Counter()
        first: Optional[int] = None
        for span in spans:
            art, _, pos = span.rpartition("#")
            start, _, end = pos.partition("-")
            if not art or not start.isdigit() or not end.isdigit():
                continue
            row = conn.execute(select(em.c.event_pk).select_from(em.join(m, m.c.id == em.c.mention_id)
                                                                  .join(a, a.c.pk == m.c.article_pk))
                               .where(a.c.id == art, m.c.trigger_start == int(start), m.c.trigger_end == int(end))
                               .limit(1)).first()
            if row is not None:
                counts[row.event_pk] += 1
                first = row.event_pk if first is None else first
        if not counts:
            return None
        top = max(counts.values())
        return first if counts[first] == top else min(pk for pk, n in counts.items() if n == top)

    def _reviewed_home(self, conn, key: str) -> Optional[int]:
        """The event holding the other mentions a verdict or correction of this mention named, if any."""
        rk = S.review_keys
        span = C.span_key(key)
        rids = select(rk.c.review_id).where(rk.c.key == span).scalar_subquery()
        others = sorted(set(conn.execute(select(rk.c.key).where(rk.c.review_id.in_(rids), rk.c.key != span))
                            .scalars()))
        return self._review_owner(conn, others) if others else None

    def _reviewed(self, conn, pk: int, vals: dict[str, Any]) -> dict[str, Any]:
        """``vals`` (an event row resolution is writing) with the verdicts and corrections that name its
        mentions applied, and ``review`` saying what they changed."""
        e, rk, rv = S.events, S.review_keys, S.reviews
        row = conn.execute(select(e.c.event_id, e.c.type, e.c.status, e.c.review).where(e.c.pk == pk)).one()
        vals.setdefault("type", row.type)  # resolution gives the type its mentions say (related types)
        vals.setdefault("status", row.status)
        C.restore(vals, row.review)
        spans = sorted({C.span_key(k) for k in self._keys_of(conn, pk)})
        ids = set(conn.execute(select(rk.c.review_id).where(rk.c.key.in_(spans))).scalars()) if spans else set()
        # Verdicts stored before review_keys existed name the event id only.
        ids |= set(conn.execute(select(rv.c.id).where(rv.c.event_id == row.event_id, rv.c.kind == "review"))
                   .scalars())
        verdicts, original, last, n = [], {}, None, 0
        for r in conn.execute(select(rv).where(rv.c.id.in_(sorted(ids))).order_by(rv.c.id)) if ids else []:
            named = sorted({C.span_key(k) for k in (r.payload or {}).get("keys") or []})
            if named and not set(named) <= set(spans) and self._review_owner(conn, named) != pk:
                continue  # its mentions are mostly in another event now (a split): that one has it
            n += 1
            last = {"reviewer": r.reviewer, "at": str(r.created_at)}
            if r.kind == "review":
                verdict = C.VERDICTS.get(str((r.payload or {}).get("verdict") or "").lower(), "confirmed")
                verdicts.append({"verdict": verdict})
            elif r.kind == "correct":
                fields = (r.payload or {}).get("fields") or {}
                people = {role: [C.participant(p, self._analyst_actor(conn, p)) for p in fields.get(role) or []]
                          for role in ("actor", "recipient") if role in fields}
                C.apply(vals, fields, people, original)
        corrected = {k: {"from": v, "to": C.shown(vals, k)} for k, v in original.items()}
        vals["review"] = C.summary(verdicts, corrected, last, n)
        return vals

    def _analyst_actor(self, conn, p: dict[str, Any]) -> str:
        """The actor key of a corrected participant, its actor row made if new (so --actor finds it)."""
        key = p.get("actor_id") or C.actor_key(p)
        self._actor_pk(conn, ActorRef(key=key, name=p["name"], kind=None, country=p.get("country"),
                                      sector=p.get("sector"), text=p["name"], aliases=[C.actor_key(p)]))
        return key

    def reviews(self, event_id: Optional[str] = None) -> list[dict]:
        q = select(S.reviews).order_by(S.reviews.c.id)
        if event_id:
            q = q.where(S.reviews.c.event_id == event_id)
        with self._errors("read"), self.engine.connect() as conn:
            return [{"id": r.id, "kind": r.kind, "event_id": r.event_id, "other_event_id": r.other_event_id,
                     "mention_id": r.mention_key, "payload": r.payload, "note": r.note,
                     "reviewer": r.reviewer, "created_at": str(r.created_at)} for r in conn.execute(q)]
