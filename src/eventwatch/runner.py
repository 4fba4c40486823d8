"""The ingest runner: sources -> store, one transaction per document.

It drives ``pipeline.process_articles`` (the annotate and code stages) and
writes each result with ``Store.add``; the stages themselves know nothing of
the store.
"""
from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterator, Optional, Sequence

from . import pipeline
from .errors import DocumentError
from .models import Article, Extraction, Skip

if TYPE_CHECKING:  # the store is imported only by callers that have one
    from .store import Store

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """What one ``ingest`` did. ``ok`` is False when any document was skipped."""

    run_id: Optional[int] = None
    seen: int = 0
    added: int = 0
    unchanged: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    dated: int = 0  # stored articles given their missing publication date (and re-coded)
    skips: list[Skip] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return self.skipped == 0

    @property
    def done(self) -> int:
        return self.added + self.unchanged + self.skipped

    def counts(self) -> dict[str, int]:
        return {"seen": self.seen, "added": self.added, "unchanged": self.unchanged,
                "skipped": self.skipped, "events": self.events, "quotes": self.quotes}

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            **self.counts(),
            "dated": self.dated,
            "ok": self.ok,
            "elapsed": round(self.elapsed, 3),
            "skips": [asdict(s) for s in self.skips],
        }


ProgressCallback = Callable[[str, int], None]


def ingest(sources: Sequence[str], store: "Store", *, published: Optional[str] = None,
           allow_private: bool = False, stdin: Optional[BinaryIO] = None,
           progress: Optional[ProgressCallback] = None, min_confidence: Optional[float] = None) -> IngestSummary:
    """Every document of ``sources`` into ``store``; never raises for one document.

    A document already stored (same content hash) is counted ``unchanged``
    before it is annotated, so an interrupted ingest resumes cheaply; with
    ``published``, a stored article that has no publication date gets it and
    is annotated and coded again (``dated``). Each
    document is written in its own transaction (``store.add``). Every failure
    of one document, a store error on it included, becomes a recorded ``Skip``
    with its stage and reason. ``progress(event, n_done)`` is called after each
    document with event ``added``, ``unchanged`` or ``skipped``.
    """
    from .ingest import iter_raw
    from .text.extract import to_article

    sources = list(sources)
    t0 = time.monotonic()
    summary = IngestSummary(run_id=store.start_run(sources, command="ingest"))
    run_id = summary.run_id

    def note(event: str) -> None:
        if progress is not None:
            progress(event, summary.done)

    def record_skip(sk: Skip) -> None:
        summary.skipped += 1
        summary.skips.append(sk)
        try:
            store.add_skip(sk, run_id=run_id)
        except Exception:  # the skip is still counted and reported
            log.warning("could not record the skip of %s", sk.source, exc_info=True)
        note("skipped")

    dated: list[str] = []  # stored articles that --published gave their missing date

    def fill_date(art: Article) -> None:
        try:
            filled = store.fill_publication_date(art.content_hash, art.publication_date, url=art.url)
        except Exception:
            log.warning("could not fill the publication date of %s", art.source, exc_info=True)
            return
        if filled:
            dated.append(filled)

    # Articles handed to the annotator whose result has not come back yet.
    in_flight: dict[int, Article] = {}

    def articles() -> Iterator[Article]:
        for raw in iter_raw(sources, published=published, allow_private=allow_private, stdin=stdin):
            summary.seen += 1
            if isinstance(raw, Skip):
                record_skip(raw)
                continue
            try:
                art = to_article(raw)
            except DocumentError as exc:
                record_skip(Skip(source=raw.source, stage=exc.stage, reason=exc.reason, doc_id=raw.id))
                continue
            except Exception as exc:
                log.debug("text stage failed on %s", raw.source, exc_info=True)
                record_skip(Skip(source=raw.source, stage="text", reason=f"internal error: {exc!r}", doc_id=raw.id))
                continue
            try:
                known = store.has_article(art.content_hash, url=art.url)
            except Exception as exc:
                log.debug("has_article failed on %s", raw.source, exc_info=True)
                record_skip(Skip(source=art.source, stage="store", reason=_reason(exc), doc_id=art.id))
                continue
            if known:
                if published and art.publication_date:
                    fill_date(art)
                summary.unchanged += 1
                note("unchanged")
                continue
            in_flight[id(art)] = art
            yield art

    def store_one(res: Extraction | Skip) -> None:
        if isinstance(res, Skip):
            for key, art in list(in_flight.items()):
                if art.source == res.source and art.id == res.doc_id:
                    del in_flight[key]
                    break
            record_skip(res)
            return
        in_flight.pop(id(res.article), None)
        try:
            added = store.add(res, run_id=run_id)
        except Exception as exc:
            log.debug("store.add failed on %s", res.article.source, exc_info=True)
            record_skip(Skip(source=res.article.source, stage="store", reason=_reason(exc), doc_id=res.article.id))
            return
        if getattr(added, "status", "added") == "added":
            summary.added += 1
            summary.events += len(res.events)
            summary.quotes += len(res.quotes)
            note("added")
        else:
            summary.unchanged += 1
            note("unchanged")

    try:
        stream = articles()
        while True:
            try:
                for res in pipeline.process_articles(stream, min_confidence=min_confidence):
                    store_one(res)
                break  # the stream is exhausted
            except Exception as exc:
                # The annotator failed on a batch: retry its documents one by
                # one so that only the bad one is skipped, then go on.
                log.debug("annotation batch failed", exc_info=True)
                stuck = list(in_flight.values())
                in_flight.clear()
                for art in stuck:
                    try:
                        for res in pipeline.process_articles([art], min_confidence=min_confidence):
                            store_one(res)
                    except Exception as exc1:
                        record_skip(Skip(source=art.source, stage="annotate", reason=_reason(exc1), doc_id=art.id))
                if not stuck:
                    record_skip(Skip(source=",".join(sources), stage="annotate", reason=_reason(exc)))
                    break
        if dated:
            # Relative dates ("on Sunday") resolve against the publication date: code them again.
            from .reprocess import reprocess_ids

            redone = reprocess_ids(store, dated, min_confidence=min_confidence)
            summary.dated = redone.recoded
    finally:
        summary.elapsed = time.monotonic() - t0
        try:
            store.finish_run(run_id, summary.counts())
        except Exception:
            log.warning("could not record the end of run %s", run_id, exc_info=True)
    return summary


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DocumentError):
        return exc.reason
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
