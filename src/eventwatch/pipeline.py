"""The stages run end to end: ``RawDoc -> Article -> AnnotatedArticle -> events``.

``process`` is what ``eventwatch extract`` runs (and ``runner.ingest`` for
``eventwatch ingest``); it never raises for one bad document: it yields a
``Skip`` and goes on.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator, Optional

from . import settings
from .coding.pool import ordered
from .errors import DocumentError
from .models import AnnotatedArticle, Article, Extraction, RawDoc, Skip

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

    timed_out: list[Skip] = []  # documents past doc_timeout in the annotate stage

    def on_timeout(art: Article, exc: DocumentError) -> None:
        timed_out.append(Skip(source=art.source, stage=exc.stage, reason=exc.reason, doc_id=art.id))

    # Non-English articles are kept (stored, marked) but not annotated; they are
    # yielded in input order relative to each other, before the next English one.
    def annotated() -> Iterator[AnnotatedArticle | Extraction | Skip]:
        for ann in annotate_many(english(), on_timeout=on_timeout, **annotate_kw):
            while skip_lang:
                yield _not_coded(skip_lang.pop(0))
            while timed_out:
                yield timed_out.pop(0)
            yield ann
        while skip_lang:
            yield _not_coded(skip_lang.pop(0))
        while timed_out:
            yield timed_out.pop(0)

    # Coding runs in a worker process beside the parser (setting code_workers; coding/pool.py).
    # Two parser batches in flight, so the parser fills the next batch while the worker codes this one.
    yield from ordered(annotated(), _coded, workers=int(settings.get("code_workers")),
                       args_of=lambda ann: (ann, min_confidence), ahead=2 * int(settings.get("batch_size")),
                       passthrough=lambda item: isinstance(item, (Extraction, Skip)))


def _coded(ann: AnnotatedArticle, min_confidence: Optional[float]) -> Extraction | Skip:
    try:
        return to_extraction(ann, min_confidence=min_confidence)
    except Exception as exc:  # a bug must not sink the batch: record and go on
        log.exception("coding failed on %s", ann.article.source)
        return Skip(source=ann.article.source, stage="code", reason=f"internal error: {exc!r}", doc_id=ann.article.id)


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
