"""Event coding: ``code(ann) -> list[Event]``.

The rule coder (lexicon over the parse, ``patterns``) proposes; the learned event model
(``model``, setting ``coders`` contains ``model``, the default) has the last word: it labels
every word of every codable sentence and keeps, retypes or drops each proposal and adds the
events the lexicon missed (``combine``). Events below ``min_confidence`` are not returned.
When the model cannot be loaded the rule coder's events stand and the article carries a warning.
"""
from __future__ import annotations

import logging
from typing import Optional

from .. import settings
from ..models import AnnotatedArticle, Event
from .lexicon import cameo_for, load_lexicon
from .patterns import code_patterns

log = logging.getLogger(__name__)

_model_failed: dict[str, str] = {}


def model_for(ann: AnnotatedArticle):
    """The event model, or None with a warning on the article when it cannot be loaded."""
    path = settings.get("model_path") or None
    key = path or "<shipped>"
    if key not in _model_failed:
        try:
            import os

            from .model import load_model

            import multiprocessing

            # The parser is idle while the model reads a document's sentences in one process; with
            # worker processes (spaCy's, n_process > 1, or the coding worker beside the parser) each
            # keeps to one thread: oversubscribed torch threads spin against each other.
            alone = int(settings.get("n_process")) <= 1 and multiprocessing.parent_process() is None
            threads = min(2, os.cpu_count() or 1) if alone else 1
            return load_model(path, threads=threads, quantize=bool(settings.get("model_int8")))
        except Exception as exc:  # a missing artefact or package: the rules still code
            log.warning("event model unavailable (%s); rule coder only", exc)
            _model_failed[key] = str(exc)
    ann.warnings.append(f"event model unavailable ({_model_failed[key]}): rule coder events only")
    return None


def coders_setting() -> set[str]:
    raw = settings.get("coders") or "pattern,model"
    return {c.strip() for c in str(raw).split(",") if c.strip()}


def code(ann: AnnotatedArticle, *, coders: Optional[set[str]] = None,
         min_confidence: Optional[float] = None) -> list[Event]:
    """The article's events. ``coders``: {"pattern"} for the rules alone, {"pattern", "model"}
    (default) for rule proposals decided by the model; ``min_confidence`` overrides the setting."""
    from .contexts import contexts_for

    coders = coders or coders_setting()
    thr = float(settings.get("min_confidence", min_confidence))
    events = code_patterns(ann, load_lexicon())
    model = model_for(ann) if "model" in coders else None
    if model is not None:
        from .combine import combine

        events = combine(ann, events, model, threshold=thr,
                         rule_threshold=float(settings.get("rule_min_confidence")))
    else:
        # the rules' confidences are not the model's calibrated probabilities: their own floor,
        # unless the caller asks for a threshold
        floor = float(min_confidence if min_confidence is not None else settings.get("rule_coder_min_confidence"))
        events = [e for e in events if e.confidence >= floor]
    text = ann.article.text
    for e in events:
        if not e.context:
            e.context = list(contexts_for(text[e.evidence.start:e.evidence.end]))
        if not e.cameo:
            e.cameo = cameo_for(e.type, e.mode)
    return events
