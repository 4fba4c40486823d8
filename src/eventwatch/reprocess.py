"""Re-processing: annotate and code stored articles again (``eventwatch reprocess``).

When the codebook or the event model changes (the coder version, see
``resolve/version.py``, differs from the one an article was coded with), or an
article got its publication date later (``ingest --published``), its stored
text is run through the annotate and code stages again and
``Store.recode`` swaps its annotation and mentions in one transaction, then
resolves them; the events it touches are recomputed, analysts' merges,
splits and reviews are kept (they are stored by stable ids and replayed).

Batches of ``batch_size`` articles in storage order; each article is its own
transaction, and a finished article carries the current coder version, so
an interrupted run resumes where it stopped by running it again.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from . import pipeline
from .models import Extraction, Skip

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)


@dataclass
class ReprocessSummary:
    seen: int = 0
    recoded: int = 0
    failed: int = 0
    events_touched: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    elapsed: float = 0.0

    def to_dict(self) -> dict:
        return {"seen": self.seen, "recoded": self.recoded, "failed": self.failed,
                "events_touched": self.events_touched, "elapsed": round(self.elapsed, 3),
                "failures": [{"article_id": a, "reason": r} for a, r in self.failures]}


def _recode(store: "Store", ids: list[str], summary: ReprocessSummary,
            min_confidence: Optional[float]) -> None:
    arts = []
    for aid in ids:
        ext = store.load(aid)
        if ext is not None:
            arts.append(ext.article)
    for res in pipeline.process_articles(arts, min_confidence=min_confidence):
        summary.seen += 1
        if isinstance(res, Skip):
            summary.failed += 1
            summary.failures.append((res.doc_id or res.source, res.reason))
            continue
        assert isinstance(res, Extraction)
        try:
            summary.events_touched += store.recode(res.article.id, res)
            summary.recoded += 1
        except Exception as exc:  # one article's failure must not stop the run
            log.debug("recode failed on %s", res.article.id, exc_info=True)
            summary.failed += 1
            summary.failures.append((res.article.id, f"{type(exc).__name__}: {exc}"))


def reprocess(store: "Store", *, where: Optional[dict[str, str]] = None, everything: bool = False,
              batch_size: int = 50, limit: Optional[int] = None, min_confidence: Optional[float] = None,
              progress: Optional[Callable[[int], None]] = None) -> ReprocessSummary:
    """Re-run annotate and code on the stored articles ``where`` selects: those coded by another coder
    version, or with ``everything`` all of them (``--all``)."""
    from .resolve.version import coder_version

    t0 = time.monotonic()
    summary = ReprocessSummary()
    version = None if everything else coder_version()
    after = 0
    while limit is None or summary.seen < limit:
        n = batch_size if limit is None else min(batch_size, limit - summary.seen)
        batch = store.reprocess_candidates(where=where, version=version, after=after, limit=n)
        if not batch:
            break
        after = batch[-1][0]
        _recode(store, [aid for _, aid in batch], summary, min_confidence)
        if progress is not None:
            progress(summary.seen)
    summary.elapsed = time.monotonic() - t0
    return summary


def reprocess_ids(store: "Store", ids: Iterable[str], *, min_confidence: Optional[float] = None) -> ReprocessSummary:
    """Re-process exactly these articles (e.g. those ``ingest --published`` gave a date)."""
    summary = ReprocessSummary()
    ids = list(ids)
    if ids:
        _recode(store, ids, summary, min_confidence)
    return summary
