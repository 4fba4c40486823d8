"""The annotate stage: ``Article -> AnnotatedArticle``.

spaCy runs here and only here. Boilerplate spans are blanked (same length,
so offsets hold) before parsing, so nothing is ever found in them.
"""
from __future__ import annotations

import logging
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .. import settings
from ..errors import DocumentTimeout
from ..limits import time_limit
from ..models import AnnotatedArticle, Article, Sentence, Token
from . import nlp as nlp_mod

log = logging.getLogger(__name__)

OnTimeout = Callable[[Article, DocumentTimeout], None]


def masked_text(article: Article) -> str:
    """The article text with boilerplate blanked out, newlines kept."""
    if not article.boilerplate:
        return article.text
    chars = list(article.text)
    for start, end in article.boilerplate:
        for k in range(start, min(end, len(chars))):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def text_limit(nlp: Language) -> int:
    """Characters annotated: ``max_text_chars``; spaCy's own ``max_length`` is raised to it
    so that a long text is cut here, with a warning, instead of refused by spaCy (E088)."""
    limit = int(settings.get("max_text_chars"))
    if nlp.max_length < limit:
        nlp.max_length = limit
    return limit


def _make_doc(nlp: Language, article: Article) -> Doc:
    text = masked_text(article)
    doc = nlp.make_doc(text[:text_limit(nlp)])
    doc._.publication_date = article.publication_date
    doc._.boilerplate = list(article.boilerplate)
    return doc


def doc_tokens(doc: Doc) -> tuple[list[Token], list[Sentence]]:
    sents: list[Sentence] = []
    sent_of: dict[int, int] = {}
    for si, sent in enumerate(doc.sents):
        text_span = sent.text
        # Trim blanked boilerplate and whitespace from sentence edges.
        start, end = sent.start_char, sent.end_char
        lead = len(text_span) - len(text_span.lstrip())
        trail = len(text_span) - len(text_span.rstrip())
        sents.append(Sentence(start + lead, end - trail, sent.start, sent.end))
        for t in range(sent.start, sent.end):
            sent_of[t] = si
    tokens = [
        Token(
            i=t.i,
            text=t.text,
            start=t.idx,
            end=t.idx + len(t.text),
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            sent=sent_of.get(t.i, 0),
            ent_iob=t.ent_iob_,
            ent_type=t.ent_type_,
            morph=str(t.morph),
            ws=t.whitespace_,
        )
        for t in doc
    ]
    return tokens, sents


def to_annotated(article: Article, doc: Doc) -> AnnotatedArticle:
    tokens, sents = doc_tokens(doc)
    warnings = list(doc._.ew_warnings or [])
    if len(article.text) > settings.get("max_text_chars"):
        warnings.append(f"text longer than {settings.get('max_text_chars')} characters: only its start was annotated")
    return AnnotatedArticle(
        article=article,
        tokens=tokens,
        sentences=sents,
        entities=list(doc._.entities or []),
        quotes=list(doc._.quotes or []),
        dates=list(doc._.dates or []),
        places=list(doc._.places or []),
        warnings=warnings,
    )


def annotate_many(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int | None = None,
    n_process: int | None = None,
    on_timeout: OnTimeout | None = None,
) -> Iterator[AnnotatedArticle]:
    """Annotate articles in batches with ``nlp.pipe``; order is kept.

    With ``n_process`` 1, a document that takes longer than ``doc_timeout``
    seconds is handed to ``on_timeout(article, error)`` and left out (without
    ``on_timeout``, the ``DocumentTimeout`` is raised).
    """
    nlp = nlp or nlp_mod.load()
    batch_size = settings.get("batch_size", batch_size)
    n_process = settings.get("n_process", n_process)
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for art in articles:
            pending.append(art)
            yield _make_doc(nlp, art)

    seconds = float(settings.get("doc_timeout"))
    if n_process != 1 or seconds <= 0:
        # Worker processes cannot be interrupted from here: no time limit (README "Reliability").
        for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
            yield to_annotated(pending.pop(0), doc)
        return
    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= batch_size:
            yield from _timed_batch(nlp, batch, seconds, on_timeout)
            batch = []
    if batch:
        yield from _timed_batch(nlp, batch, seconds, on_timeout)


def _timed_batch(nlp: Language, batch: list[Article], seconds: float,
                 on_timeout: OnTimeout | None) -> Iterator[AnnotatedArticle]:
    """One batch under ``len(batch) * seconds``; when that runs out, each document alone under
    ``seconds``, so only the slow one fails (``DocumentTimeout``, naming it)."""
    def late(art: Article | None, limit: float) -> DocumentTimeout:
        if art is None:
            return DocumentTimeout(f"annotate batch took longer than {limit:g} s", stage="annotate")
        return DocumentTimeout(f"annotate stage took longer than {limit:g} s (setting doc_timeout)",
                               stage="annotate", source=art.source, doc_id=art.id)

    budget = seconds * len(batch)
    try:
        with time_limit(budget, lambda: late(None, budget)):
            docs = list(nlp.pipe((_make_doc(nlp, a) for a in batch), batch_size=len(batch)))
    except DocumentTimeout:
        log.info("a batch of %d documents ran past %g s: annotating them one by one", len(batch), budget)
    else:
        for art, doc in zip(batch, docs):
            yield to_annotated(art, doc)
        return
    for art in batch:
        try:
            with time_limit(seconds, lambda: late(art, seconds)):
                doc = nlp(_make_doc(nlp, art))
        except DocumentTimeout as exc:
            if on_timeout is None:
                raise
            on_timeout(art, exc)
            continue
        yield to_annotated(art, doc)


def annotate(article: Article, *, nlp: Language | None = None) -> AnnotatedArticle:
    return next(annotate_many([article], nlp=nlp))
