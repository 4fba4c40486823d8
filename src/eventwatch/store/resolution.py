"""Resolution in the database: each stored mention linked to the event it states.

The rules (what is compatible, how counts are made) are ``eventwatch.resolve``;
this module applies them to the tables, inside the caller's transaction:

- ``_resolve_article(conn, pk)`` links every unlinked mention of one article:
  to the best compatible event found through the indexed facets (an actor or
  recipient in common, same type), else to a new event. A mention with no
  named participant joins only the event of the same sentence in a copy of
  its story (same near-duplicate group, type, status and trigger), so copies
  never create extra events.
- ``_refresh(conn, pks)`` recomputes the touched events (counts, date,
  participants, facets) and deletes those left without mentions.
- analysts' merges and splits (``reviews``) are replayed after every
  resolution that touches their mentions, so re-processing keeps them;
  their verdicts and corrections are applied by ``_refresh`` itself.

Only the events an article touches are read and written: adding one article
costs a few indexed lookups, not a pass over the dataset.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from datetime import datetime, timezone
from typing import Any, Iterable, Optional

import sqlalchemy as sa
from sqlalchemy import select

from ..resolve.actors import ActorRef, appositions, article_people, canonical, office
from ..resolve.match import (Side, aggregate, best_date, candidate_types, compare, copy_reason, most_common,
                             period)
from . import schema as S
from .corrections import coded_values

ROLE_FACETS = {"actor": "actor_id", "recipient": "recipient_id"}


def event_id_for(mention_key: str) -> str:
    """The stable public id of the event a mention founds."""
    return "ev-" + hashlib.sha1(mention_key.encode("utf-8")).hexdigest()[:12]


def mention_key(article_id: str, type_: str, start: int, end: int) -> str:
    return f"{article_id}#{start}-{end}/{type_}"


def _participant(ref: ActorRef, actor_pk: int) -> dict[str, Any]:
    return {"actor_id": ref.key, "name": ref.name, "text": ref.text, "country": ref.country,
            "sector": ref.sector, "actor_pk": actor_pk}


class Resolution:
    """Mixin of ``Store``: needs ``_upsert``."""

    # -- actors ------------------------------------------------------------

    def _surname_lookup(self, conn):
        """``word -> full normalised name`` when exactly one stored person has that surname."""
        al, ac = S.actor_aliases, S.actors

        def lookup(word: str) -> Optional[str]:
            rows = conn.execute(
                select(ac.c.key).select_from(al.join(ac, ac.c.id == al.c.actor_id))
                .where(al.c.alias == word, ac.c.key != word, ac.c.kind == "person").limit(2)
            ).all()
            return rows[0].key if len(rows) == 1 else None
        return lookup

    def _actor_pk(self, conn, ref: ActorRef) -> int:
        ac = S.actors
        row = conn.execute(select(ac.c.id, ac.c.country, ac.c.sector, ac.c.kind, ac.c.external_id)
                           .where(ac.c.key == ref.key)).first()
        if row is None:
            pk = conn.execute(ac.insert().values(
                key=ref.key, name=ref.name, kind=ref.kind, country=ref.country, sector=ref.sector,
                external_id=ref.external_id)).inserted_primary_key[0]
        else:
            pk = row.id
            fill = {k: v for k, v in (("country", ref.country), ("sector", ref.sector), ("kind", ref.kind),
                                      ("external_id", ref.external_id)) if v and not getattr(row, k)}
            if fill:
                conn.execute(ac.update().where(ac.c.id == pk).values(**fill))
        for alias in dict.fromkeys(ref.aliases):
            conn.execute(self._upsert(S.actor_aliases).values(alias=alias, actor_id=pk, text=ref.text)
                         .on_conflict_do_nothing(index_elements=["alias", "actor_id"]))
        return pk

    def _office_holder(self, conn, key: str, offices: dict[str, str]) -> Optional[str]:
        """Who holds office ``key``: the article's own apposition, else the one stored person with it."""
        if key in offices:
            return offices[key]
        al, ac = S.actor_aliases, S.actors
        rows = conn.execute(select(ac.c.name).select_from(al.join(ac, ac.c.id == al.c.actor_id))
                            .where(al.c.alias == key).limit(2)).all()
        return rows[0].name if len(rows) == 1 else None

    def _refs(self, conn, ents: list[dict], spans: dict, people: list[str], lookup,
              offices: dict[str, str]) -> list[dict[str, Any]]:
        out = []
        for ent in ents or []:
            ent = dict(ent)
            held = office(ent.get("text") or "")
            holder = self._office_holder(conn, held, offices) if held else None
            if holder:  # "the executive director of HRW" is a person: the one who holds that office
                ent.update(name=holder, label="PERSON", kind="person")
            info = spans.get((ent.get("start"), ent.get("end")))
            if info:  # the annotator's entity at the same span knows its label and often its name
                ent["label"] = info[0] or ent.get("label")
                ent["kind"] = ent.get("kind") or info[1]
                ent["name"] = ent.get("name") or info[2]
            ref = canonical(ent, people=people, lookup_surname=lookup)
            if ref is not None and ref.key not in {p["actor_id"] for p in out}:
                out.append(_participant(ref, self._actor_pk(conn, ref)))
        return out

    # -- linking -----------------------------------------------------------

    def _resolve_article(self, conn, article_pk: int) -> set[int]:
        """Link the article's unlinked mentions to events; returns the touched event pks."""
        a, m, em = S.articles, S.mentions, S.event_mentions
        art = conn.execute(select(a.c.id, a.c.dup_group, a.c.text).where(a.c.pk == article_pk)).one()
        spans = {(r.start, r.end): (r.label, r.kind, r.name) for r in conn.execute(
            select(S.entities.c.start, S.entities.c.end, S.entities.c.label, S.entities.c.kind, S.entities.c.name)
            .where(S.entities.c.article_pk == article_pk))}
        person_ents = [dict(r._mapping) for r in conn.execute(
            select(S.entities.c.text, S.entities.c.name, S.entities.c.start, S.entities.c.end)
            .where(S.entities.c.article_pk == article_pk, S.entities.c.label == "PERSON"))]
        people = [r["text"] for r in person_ents]
        rows = list(conn.execute(
            select(m).where(m.c.article_pk == article_pk, ~m.c.id.in_(select(em.c.mention_id))).order_by(m.c.seq)))
        people += article_people(e for r in rows for e in (r.actor or []) + (r.recipient or []) if e.get("name"))
        lookup = self._surname_lookup(conn)
        offices = appositions(art.text, person_ents + [e for r in rows for e in (r.actor or []) + (r.recipient or [])])
        for key, name in offices.items():  # "Kenneth Roth, the head of HRW": the office is an alias of him
            ref = canonical({"text": name, "label": "PERSON", "kind": "person"}, people=people,
                            lookup_surname=lookup)
            if ref is not None:
                ref.aliases.append(key)
                self._actor_pk(conn, ref)
        split_keys = {r.mention_key for r in conn.execute(
            select(S.reviews.c.mention_key).where(S.reviews.c.kind == "split"))}
        touched: set[int] = set()
        for r in rows:
            actors = self._refs(conn, r.actor, spans, people, lookup, offices)
            recips = self._refs(conn, r.recipient, spans, people, lookup, offices)
            side = Side(type=r.type, status=r.status or "occurred", mode=r.mode,
                        actors={p["actor_id"] for p in actors}, recipients={p["actor_id"] for p in recips},
                        period=period(r.date, r.date_precision), place=r.location,
                        names={p["actor_id"]: p["name"] for p in actors + recips},
                        actor_countries={p["country"] for p in actors if p.get("country")},
                        recipient_countries={p["country"] for p in recips if p.get("country")})
            home = None if r.mention_key in split_keys else self._reviewed_home(conn, r.mention_key)
            if home is not None:  # an analyst reviewed this mention with others: it stays with them
                target, reason = home, "in the event an analyst reviewed with this mention"
            else:
                target, reason = (None, "") if r.mention_key in split_keys else \
                    self._best_event(conn, side, r, art.dup_group, article_pk)
            if target is None:
                target = self._new_event(conn, r)
                reason = "first mention of this event" if r.mention_key not in split_keys else \
                    "split off by an analyst"
            conn.execute(em.insert().values(mention_id=r.id, event_pk=target, reason=reason,
                                            actors=actors, recipients=recips))
            touched.add(target)
            # Facets at once, so the article's next mention finds this event.
            self._refresh(conn, [target])
        touched |= self._replay_reviews(conn, touched)
        return touched

    def _event_side(self, conn, pk: int, *, coded: bool = False) -> Optional[Side]:
        """The event as a side to compare with; ``coded``: with the type, status and mode its mentions
        gave before an analyst corrected them (None when none was corrected)."""
        e, f = S.events, S.event_facets
        row = conn.execute(select(e).where(e.c.pk == pk)).first()
        if row is None:
            return None
        typ, status, mode = row.type, row.status, row.mode
        if coded:
            before = coded_values(row.review)
            if before is None:
                return None
            typ, status, mode = before.get("type", typ), before.get("status", status), before.get("mode", mode)
        roles: dict[str, set[str]] = {"actor_id": set(), "recipient_id": set(), "actor_country": set(),
                                      "recipient_country": set()}
        for fr in conn.execute(select(f.c.facet, f.c.value).where(
                f.c.event_pk == pk, f.c.facet.in_(list(roles)))):
            roles[fr.facet].add(fr.value)
        names = {p["actor_id"]: p["name"] for p in (row.actor or []) + (row.recipient or [])}
        return Side(type=typ, status=status, mode=mode, actors=roles["actor_id"],
                    recipients=roles["recipient_id"], period=(row.date_lo, row.date_hi), place=row.place,
                    names=names, actor_countries=roles["actor_country"],
                    recipient_countries=roles["recipient_country"])

    def _best_event(self, conn, side: Side, r, dup_group: str, article_pk: int) -> tuple[Optional[int], str]:
        e, f = S.events, S.event_facets
        keys = side.actors | side.recipients
        cands: list[int] = []
        if keys:
            types = candidate_types(side.type)
            # An event an analyst retyped is still found by the type its mentions were coded with.
            coded = select(S.event_facets.c.event_pk).where(
                S.event_facets.c.facet == "coded", S.event_facets.c.value.in_([f"{t}|{side.status}" for t in types]))
            q = (select(f.c.event_pk).join(e, e.c.pk == f.c.event_pk)
                 .where(f.c.facet.in_(list(ROLE_FACETS.values())), f.c.value.in_(sorted(keys)),
                        sa.or_(sa.and_(e.c.type.in_(types), e.c.status == side.status), e.c.pk.in_(coded)))
                 .group_by(f.c.event_pk).order_by(sa.func.count().desc(), f.c.event_pk).limit(50))
            cands = [x.event_pk for x in conn.execute(q)]
        best: tuple[int, int, str] | None = None
        for pk in cands:
            es = self._event_side(conn, pk)
            ok, why = compare(side, es) if es is not None else (False, "")
            if not ok:
                es = self._event_side(conn, pk, coded=True)
                ok, why = compare(side, es) if es is not None else (False, "")
            if ok:
                score = len(side.actors & es.actors) + len(side.recipients & es.recipients)
                if best is None or score > best[0]:
                    best = (score, pk, why)
        copy = self._copy_event(conn, r, dup_group, article_pk)
        if copy is not None and (best is None or copy == best[1]):
            why = copy_reason(dup_group) + (f"; {best[2]}" if best else "")
            return copy, why
        return (best[1], best[2]) if best else (None, "")

    def _copy_event(self, conn, r, dup_group: str, article_pk: int) -> Optional[int]:
        """The event of the same sentence in another copy of this story (same dup group), if any."""
        a, m, em = S.articles, S.mentions, S.event_mentions
        row = conn.execute(
            select(em.c.event_pk).select_from(em.join(m, m.c.id == em.c.mention_id).join(a, a.c.pk == m.c.article_pk))
            .where(a.c.dup_group == dup_group, a.c.pk != article_pk, m.c.type == r.type, m.c.status == r.status,
                   m.c.trigger_text == r.trigger_text, sa.func.coalesce(m.c.date, "") == (r.date or ""))
            .order_by(em.c.event_pk).limit(1)).first()
        return row.event_pk if row is not None else None

    def _new_event(self, conn, r) -> int:
        e = S.events
        base = event_id_for(r.mention_key or f"mention:{r.id}")
        eid, n = base, 1
        while conn.execute(select(e.c.pk).where(e.c.event_id == eid)).first() is not None:
            n += 1
            eid = f"{base}-{n}"
        return conn.execute(e.insert().values(
            event_id=eid, type=r.type, status=r.status or "occurred", num_mentions=0, num_articles=0,
            num_sources=0, num_dup_groups=0, updated_at=datetime.now(timezone.utc))).inserted_primary_key[0]

    # -- aggregates --------------------------------------------------------

    def _refresh(self, conn, pks: Iterable[int]) -> None:
        """Recompute the events ``pks`` from their mentions; delete those that have none."""
        a, m, em, e, f = S.articles, S.mentions, S.event_mentions, S.events, S.event_facets
        for pk in sorted(set(pks)):
            rows = list(conn.execute(
                select(m, em.c.actors.label("r_actors"), em.c.recipients.label("r_recipients"),
                       a.c.id.label("article_id"), a.c.url, a.c.dup_group, a.c.publication_date, a.c.ingested_at,
                       S.publishers.c.name.label("publisher"),
                       sa.func.substr(a.c.text, m.c.evidence_start + 1,
                                      m.c.evidence_end - m.c.evidence_start).label("evidence"))
                .select_from(em.join(m, m.c.id == em.c.mention_id).join(a, a.c.pk == m.c.article_pk)
                             .outerjoin(S.publishers, S.publishers.c.id == a.c.publisher_id))
                .where(em.c.event_pk == pk).order_by(a.c.pk, m.c.seq)))
            conn.execute(f.delete().where(f.c.event_pk == pk))
            if not rows:
                conn.execute(e.delete().where(e.c.pk == pk))
                continue
            agg = aggregate([{"article_id": r.article_id, "dup_group": r.dup_group, "url": r.url,
                              "publisher": r.publisher,
                              "seen": r.publication_date or (r.ingested_at.date().isoformat()
                                                             if r.ingested_at else None)} for r in rows])
            date, prec = best_date([(r.date, r.date_precision) for r in rows])
            lo, hi = period(date, prec)
            place = next((r.location for r in rows if r.location), None)
            actor = self._union([r.r_actors for r in rows])
            recipient = self._union([r.r_recipients for r in rows])
            contexts = sorted({c for r in rows for c in (r.context or [])})
            # related types (a ban, a refusal of entry): the event shows the one most mentions give
            typ = most_common(r.type for r in rows)
            same = [r for r in rows if r.type == typ]
            vals = dict(
                type=typ, mode=most_common(r.mode for r in same), context=contexts, date=date, date_precision=prec,
                date_lo=lo, date_hi=hi, place=place,
                place_name=(place.get("name") or place.get("text")) if place else None,
                place_country=place.get("country") if place else None,
                actor=actor, recipient=recipient, cameo=most_common(r.cameo for r in same),
                confidence=max((r.confidence or 0.0) for r in rows), evidence=rows[0].evidence,
                num_mentions=agg.num_mentions, num_articles=agg.num_articles, num_sources=agg.num_sources,
                num_dup_groups=agg.num_dup_groups, first_seen=agg.first_seen, last_seen=agg.last_seen,
                coder_version=most_common(r.coder_version for r in rows), updated_at=datetime.now(timezone.utc))
            # Analysts' verdicts and corrections go on top of what the mentions say (analyst.py).
            vals = self._reviewed(conn, pk, vals)
            conn.execute(e.update().where(e.c.pk == pk).values(**vals))
            actor, recipient, contexts = vals["actor"], vals["recipient"], vals["context"]
            facets = {("context", c) for c in contexts}
            before = coded_values(vals["review"])
            if before is not None:
                facets.add(("coded", f"{before.get('type', vals['type'])}|{before.get('status', vals['status'])}"))
            for role, people in (("actor", actor), ("recipient", recipient)):
                for p in people:
                    facets.add((f"{role}_id", p["actor_id"]))
                    if p.get("country"):
                        facets.add((f"{role}_country", p["country"]))
                    if p.get("sector"):
                        facets.add((f"{role}_sector", p["sector"]))
            if facets:
                conn.execute(f.insert(), [{"facet": k, "value": v, "event_pk": pk} for k, v in sorted(facets)])

    @staticmethod
    def _union(lists: list[Optional[list[dict]]]) -> list[dict[str, Any]]:
        """The participants of all mentions, most often named first; country/sector: the most stated."""
        seen: dict[str, list[dict]] = {}
        for lst in lists:
            for p in lst or []:
                seen.setdefault(p["actor_id"], []).append(p)
        order = sorted(seen, key=lambda k: (-len(seen[k]), list(seen).index(k)))
        out = []
        for k in order:
            ps = seen[k]
            out.append({"actor_id": k, "name": ps[0]["name"],
                        "text": Counter(p["text"] for p in ps).most_common(1)[0][0],
                        "country": most_common(p.get("country") for p in ps),
                        "sector": most_common(p.get("sector") for p in ps)})
        return out

    # -- analysts' decisions --------------------------------------------------

    def _keys_of(self, conn, pk: int) -> list[str]:
        m, em = S.mentions, S.event_mentions
        return [r.mention_key for r in conn.execute(
            select(m.c.mention_key).join(em, em.c.mention_id == m.c.id).where(em.c.event_pk == pk))]

    def _pk_of_key(self, conn, key: str) -> Optional[int]:
        m, em = S.mentions, S.event_mentions
        row = conn.execute(select(em.c.event_pk).join(m, m.c.id == em.c.mention_id)
                           .where(m.c.mention_key == key).limit(1)).first()
        return row.event_pk if row is not None else None

    def _replay_reviews(self, conn, touched: set[int]) -> set[int]:
        """Re-apply the merges and splits that name a mention of the touched events."""
        keys = {k for pk in touched for k in self._keys_of(conn, pk)}
        more: set[int] = set()
        for rv in conn.execute(select(S.reviews).where(S.reviews.c.kind.in_(["merge", "split"]))
                               .order_by(S.reviews.c.id)).all():
            if rv.kind == "split" and rv.mention_key in keys:
                more |= self._apply_split(conn, rv.mention_key)
            elif rv.kind == "merge":
                named = set((rv.payload or {}).get("keys") or [])
                if named & keys:
                    more |= self._apply_merge(conn, sorted(named), rv.event_id)
        return more

    def _apply_merge(self, conn, keys: list[str], into_id: str) -> set[int]:
        em, e = S.event_mentions, S.events
        pks = sorted({pk for pk in (self._pk_of_key(conn, k) for k in keys) if pk is not None})
        if len(pks) < 2:
            return set(pks)
        named = conn.execute(select(e.c.pk).where(e.c.event_id == into_id, e.c.pk.in_(pks))).first()
        target = named.pk if named is not None else pks[0]
        for pk in pks:
            if pk != target:
                conn.execute(em.update().where(em.c.event_pk == pk).values(
                    event_pk=target, reason=sa.func.coalesce(em.c.reason, "") + f" [merged by an analyst into {into_id}]"))
        self._refresh(conn, pks)
        return {target}

    def _apply_split(self, conn, key: str) -> set[int]:
        m, em = S.mentions, S.event_mentions
        pk = self._pk_of_key(conn, key)
        if pk is None or len(self._keys_of(conn, pk)) < 2:
            return {pk} if pk is not None else set()
        row = conn.execute(select(m).where(m.c.mention_key == key).limit(1)).one()
        new = self._new_event(conn, row)
        conn.execute(em.update().where(em.c.mention_id.in_(select(m.c.id).where(m.c.mention_key == key)))
                     .values(event_pk=new, reason="split off by an analyst"))
        self._refresh(conn, [pk, new])
        return {pk, new}
