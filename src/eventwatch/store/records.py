"""Record reconstruction: a stored article back to its ``Extraction`` and JSON contract record."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import select

from ..models import Article, DateMention, Entity, Event, Evidence, Extraction, Place, Quote, Speaker, Trigger
from . import schema as S
from .values import entity_from, place_from


class Records:
    """Mixin of ``Store``: needs ``engine`` and ``_errors``."""

    def find_article(self, ref: str) -> Optional[str]:
        """The public id of the article ``ref`` names, or None: its id; its file path as typed
        (``./samples/x.txt``, absolute, or relative to the current directory, whichever way it was
        ingested); or its URL (a page, a feed item, a WARC record's target URI)."""
        import os

        a = S.articles
        ref = ref.strip()
        forms = [ref]
        if "://" not in ref:
            absolute = os.path.abspath(os.path.expanduser(ref))
            forms += [os.path.normpath(ref), absolute]
            try:
                forms.append(os.path.relpath(absolute))
            except ValueError:  # another drive (Windows)
                pass
        forms = list(dict.fromkeys(forms))
        with self._errors("read"), self.engine.connect() as conn:
            for col in (a.c.id, a.c.doc_id, a.c.source):
                row = conn.execute(select(a.c.id).where(col.in_(forms)).order_by(a.c.pk).limit(1)).first()
                if row is not None:
                    return row.id
            row = conn.execute(select(a.c.id).where(a.c.url == ref).order_by(a.c.pk).limit(1)).first()
            return row.id if row is not None else None

    def load(self, article_id: str) -> Optional[Extraction]:
        """The stored ``Extraction`` of the article with public id ``article_id``, or None.

        ``article.id`` is the public id; ``article.warnings`` is empty (the
        stored warnings are the extraction's, which include the article's).
        """
        a = S.articles
        with self._errors("read"), self.engine.connect() as conn:
            row = conn.execute(
                select(a, S.publishers.c.name.label("publisher_name"))
                .select_from(a.outerjoin(S.publishers, S.publishers.c.id == a.c.publisher_id))
                .where(a.c.id == article_id)
            ).first()
            if row is None:
                return None
            pk = row.pk

            def children(table):
                return list(conn.execute(select(table).where(table.c.article_pk == pk).order_by(table.c.seq)))

            entities = [Entity(text=r.text, start=r.start, end=r.end, label=r.label, name=r.name,
                               country=r.country, sector=r.sector, kind=r.kind) for r in children(S.entities)]
            places = [Place(text=r.text, start=r.start, end=r.end, name=r.name, country=r.country, lat=r.lat,
                            lon=r.lon, feature=r.feature) for r in children(S.places)]
            dates = [DateMention(text=r.text, start=r.start, end=r.end, value=r.value, precision=r.precision)
                     for r in children(S.dates)]
            quotes = []
            for r in children(S.quotes):
                speaker = None
                if r.speaker_text is not None:
                    speaker = Speaker(text=r.speaker_text, start=r.speaker_start, end=r.speaker_end,
                                      name=r.speaker_name, country=r.speaker_country, sector=r.speaker_sector)
                quotes.append(Quote(text=r.text, start=r.start, end=r.end, kind=r.kind, cue=r.cue,
                                    speaker=speaker, attribution=r.attribution,
                                    segments=[(int(s), int(e)) for s, e in (r.segments or [])]))
            events = []
            for r in children(S.mentions):
                events.append(Event(
                    type=r.type,
                    trigger=Trigger(text=r.trigger_text, start=r.trigger_start, end=r.trigger_end),
                    evidence=Evidence(start=r.evidence_start, end=r.evidence_end),
                    mode=r.mode,
                    context=list(r.context or []),
                    status=r.status,
                    actor=[entity_from(d) for d in (r.actor or [])],
                    recipient=[entity_from(d) for d in (r.recipient or [])],
                    date=r.date,
                    date_precision=r.date_precision,
                    location=place_from(r.location) if r.location else None,
                    attribution=r.attribution,
                    cameo=r.cameo,
                    confidence=r.confidence if r.confidence is not None else 0.0,
                    coder=r.coder,
                ))
        article = Article(
            id=row.id,
            text=row.text,
            source=row.source or "",
            url=row.url,
            title=row.title,
            author=row.author,
            publisher=row.publisher_name,
            publication_date=row.publication_date,
            language=row.language,
            content_hash=row.content_hash,
            boilerplate=[(int(s), int(e)) for s, e in (row.boilerplate or [])],
            minhash=list(row.minhash) if row.minhash else None,
            dup_group=row.dup_group,
        )
        return Extraction(article=article, events=events, quotes=quotes, dates=dates, places=places,
                          entities=entities, contexts=list(row.contexts or []), warnings=list(row.warnings or []))

    def extraction(self, article_id: str) -> Optional[dict]:
        """The JSON contract record (DESIGN.md) of a stored article, or None; ``id`` is the public id."""
        ext = self.load(article_id)
        return ext.to_dict() if ext is not None else None
