"""The stages run end to end: ``RawDoc -> Article -> AnnotatedArticle -> events``.

``process`` is what ``eventwatch extract`` and ``eventwatch ingest`` run; it
never raises for one bad document: it yields a ``Skip`` and goes on.
"""
from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Iterator, Optional, Sequence

from .errors import DocumentError
from .models import AnnotatedArticle, Article, Extraction, RawDoc, Skip

if TYPE_CHECKING:  # the store is imported only by callers that have one
    from .store import Store

log = logging.getLogger(__name__)


def to_extraction(ann: AnnotatedArticle, *, min_confidence: Optional[float] = None) -> Extraction:
    from .coding.coder import code

    events = code(ann, min_confidence=min_confidence)
    warnings = list(ann.article.warnings) + list(ann.warnings)
    return Extraction(
        article=ann.article,
        events=events,
        quotes=ann.quotes,
        dates=ann.dates,
        places=ann.places,
        entities=ann.entities,
        contexts=ann.contexts,
        warnings=warnings,
    )


def _articles(raws: Iterable[RawDoc | Skip], skips: list[Skip]) -> Iterator[Article]:
    from .text.extract import to_article

    for raw in raws:
        if isinstance(raw, Skip):
            skips.append(raw)
            continue
        try:
            yield to_article(raw)
        except DocumentError as exc:
            skips.append(Skip(source=raw.source, stage=exc.stage, reason=exc.reason, doc_id=raw.id))
        except Exception as exc:  # a bug must not sink the batch: record and go on
            log.exception("text stage failed on %s", raw.source)
            skips.append(Skip(source=raw.source, stage="text", reason=f"internal error: {exc!r}", doc_id=raw.id))


def process_articles(articles: Iterable[Article], *, min_confidence: Optional[float] = None,
                     **annotate_kw) -> Iterator[Extraction | Skip]:
    """Annotate and code articles that already went through the text stage; events below
    ``min_confidence`` (default: the setting) are left out."""
    from .annotate.pipeline import annotate_many

    coded: list[Article] = []
    skip_lang: list[Article] = []

    def english() -> Iterator[Article]:
        for art in articles:
            if art.language not in (None, "en"):
                skip_lang.append(art)
                continue
            coded.append(art)
            yield art

    # Non-English articles are kept (stored, marked) but not annotated; they are
    # yielded in input order relative to each other, before the next English one.
    for ann in annotate_many(english(), **annotate_kw):
        while skip_lang:
            yield _not_coded(skip_lang.pop(0))
        try:
            yield to_extraction(ann, min_confidence=min_confidence)
        except Exception as exc:
            log.exception("coding failed on %s", ann.article.source)
            yield Skip(source=ann.article.source, stage="code", reason=f"internal error: {exc!r}", doc_id=ann.article.id)
    while skip_lang:
        yield _not_coded(skip_lang.pop(0))


def _not_coded(article: Article) -> Extraction:
    return Extraction(
        article=article,
        warnings=list(article.warnings) + [f"language {article.language!r} is not English: stored, not coded"],
    )


def process(raws: Iterable[RawDoc | Skip], *, min_confidence: Optional[float] = None,
            **annotate_kw) -> Iterator[Extraction | Skip]:
    """Every document in, one ``Extraction`` or ``Skip`` out, in order of completion."""
    skips: list[Skip] = []

    def arts() -> Iterator[Article]:
        yield from _articles(raws, skips)

    for result in process_articles(arts(), min_confidence=min_confidence, **annotate_kw):
        while skips:
            yield skips.pop(0)
        yield result
    while skips:
        yield skips.pop(0)


def extract(text: str, *, published: str | None = None, id: str = "doc", url: str | None = None,
            html: bool = False) -> dict:
    """One text in, the contract record (DESIGN.md) out. ``eventwatch.extract``."""
    raw = RawDoc(id=id, content=text, kind="html" if html else "text", source="<api>", url=url,
                 publication_date=published)
    for result in process([raw]):
        if isinstance(result, Skip):
            raise DocumentError(result.reason, source=result.source, doc_id=result.doc_id)
        return result.to_dict()
    raise DocumentError("no result", source="<api>")


# --------------------------------------------------------------------------
# The ingest runner: sources -> store, one transaction per document.
# --------------------------------------------------------------------------

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
    before it is annotated, so an interrupted ingest resumes cheaply. Each
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
                known = store.has_article(art.content_hash)
            except Exception as exc:
                log.debug("has_article failed on %s", raw.source, exc_info=True)
                record_skip(Skip(source=art.source, stage="store", reason=_reason(exc), doc_id=art.id))
                continue
            if known:
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
                for res in process_articles(stream, min_confidence=min_confidence):
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
                        for res in process_articles([art], min_confidence=min_confidence):
                            store_one(res)
                    except Exception as exc1:
                        record_skip(Skip(source=art.source, stage="annotate", reason=_reason(exc1), doc_id=art.id))
                if not stuck:
                    record_skip(Skip(source=",".join(sources), stage="annotate", reason=_reason(exc)))
                    break
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
