"""Analysts' reviews as training data: one annotated sentence per reviewed mention's sentence, in the
``articles`` format ``eventwatch train`` reads (``coding/examples.read_articles``, data/annotations/HOWTO.md).

A sentence's gold events are every stored mention in it, each as its event now reads (corrections
applied), except the mentions of rejected events: those words are then taught as no event, so a
rejection is a negative example. A participant keeps its offsets in the sentence when the article
names it there (the coder's entity span, else the analyst's name found in the sentence); one the
sentence does not name is kept without offsets, which training reads as no role word. ``meta.partial``
is false: every word of the sentence is labelled.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

import sqlalchemy as sa
from sqlalchemy import select

from ..resolve.actors import normalise
from . import schema as S
from .filters import EventFilters, where


def _find(sentence: str, name: str) -> Optional[tuple[int, int]]:
    i = sentence.lower().find(name.lower()) if name else -1
    return (i, i + len(name)) if i >= 0 else None


def _role(sentence: str, offset: int, people: list[dict], entities: list[dict]) -> list[dict[str, Any]]:
    """The event's participants with offsets relative to the sentence where the text names them."""
    out = []
    for p in people:
        keys = {normalise(p.get("name")), normalise(p.get("text")), p.get("actor_id")} - {"", None}
        span = None
        for ent in entities:
            if {normalise(ent.get("name")), normalise(ent.get("text"))} & keys and ent.get("start") is not None:
                s, e = ent["start"] - offset, ent["end"] - offset
                if 0 <= s < e <= len(sentence):
                    span = (s, e)
                    break
        span = span or _find(sentence, p.get("text") or "") or _find(sentence, p.get("name") or "")
        item = {"text": sentence[span[0]:span[1]] if span else p.get("text") or p.get("name"), "name": p.get("name"),
                "country": p.get("country"), "sector": p.get("sector")}
        if span:
            item.update(char_start=span[0], char_end=span[1])
        out.append(item)
    return out


class Labelled:
    """Mixin of ``Store``: needs ``engine``, ``dialect``, ``_errors`` and ``_keys``."""

    def labelled_examples(self, **filters) -> Iterator[dict[str, Any]]:
        """Annotated sentences (``articles`` format) from the reviewed events ``filters`` select."""
        flt = EventFilters.of({k: v for k, v in filters.items() if k not in ("sort", "limit")})
        a, m, em, e = S.articles, S.mentions, S.event_mentions, S.events
        reviewed = sa.and_(e.c.review.is_not(None), sa.cast(e.c.review, sa.Text) != "null")
        with self._errors("read"), self.engine.connect() as conn:
            conds = where(flt, self.dialect, self._keys(conn, flt))
            sentences = conn.execute(
                select(a.c.pk, m.c.evidence_start, m.c.evidence_end)
                .select_from(m.join(a, a.c.pk == m.c.article_pk).join(em, em.c.mention_id == m.c.id)
                             .join(e, e.c.pk == em.c.event_pk))
                .where(reviewed, *conds).distinct().order_by(a.c.pk, m.c.evidence_start, m.c.evidence_end)).all()
            for art_pk, start, end in sentences:
                yield self._labelled_sentence(conn, art_pk, start, end)

    def _labelled_sentence(self, conn, art_pk: int, start: int, end: int) -> dict[str, Any]:
        a, m, em, e = S.articles, S.mentions, S.event_mentions, S.events
        art = conn.execute(select(a.c.id, a.c.publication_date,
                                  sa.func.substr(a.c.text, start + 1, end - start).label("sentence"))
                           .where(a.c.pk == art_pk)).one()
        sentence = art.sentence
        rows = conn.execute(
            select(m, e.c.event_id, e.c.type.label("ev_type"), e.c.mode.label("ev_mode"),
                   e.c.status.label("ev_status"), e.c.date.label("ev_date"), e.c.place.label("ev_place"),
                   e.c.actor.label("ev_actor"), e.c.recipient.label("ev_recipient"), e.c.review)
            .select_from(m.join(em, em.c.mention_id == m.c.id).join(e, e.c.pk == em.c.event_pk))
            .where(m.c.article_pk == art_pk, m.c.trigger_start >= start, m.c.trigger_end <= end)
            .order_by(m.c.trigger_start)).all()
        events, rejected, reviews = [], [], []
        for r in rows:
            review = r.review or {}
            if review:
                reviews.append({"event_id": r.event_id, "mention_id": r.mention_key, "verdict": review.get("verdict"),
                                "corrected": sorted(review.get("corrected") or {}), "reviewer": review.get("reviewer")})
            if review.get("verdict") == "rejected":
                rejected.append(r.mention_key)
                continue
            corrected = review.get("corrected") or {}
            place = r.ev_place if "place" in corrected else r.location
            events.append({
                "type": r.ev_type, "mode": r.ev_mode, "status": r.ev_status, "sentence": sentence,
                "trigger": {"text": r.trigger_text, "char_start": r.trigger_start - start,
                            "char_end": r.trigger_end - start},
                "actor": _role(sentence, start, (r.ev_actor if "actor" in corrected else r.actor) or [],
                               r.actor or []),
                "recipient": _role(sentence, start, (r.ev_recipient if "recipient" in corrected else r.recipient)
                                   or [], r.recipient or []),
                "date": r.ev_date if "date" in corrected else r.date,
                "location": {"name": place.get("name"), "country": place.get("country")} if place else None,
                "char_start": 0, "char_end": len(sentence)})
        return {"id": f"review:{art.id}#{start}-{end}", "text": sentence, "publication_date": art.publication_date,
                "expected": {"events": events},
                "meta": {"source": "eventwatch-review", "article_id": art.id, "offset": start, "partial": False,
                         "rejected": rejected, "reviews": reviews}}
