"""Event coding: ``code(ann) -> list[Event]``.

The pattern coder (lexicon over the parse) decides. When the classifier is
importable and enabled (setting ``coders``, default ``pattern`` only), it adds
recall on candidate sentences the lexicon missed — sentences with a main verb
and an actor, not boilerplate, not pure opinion quotes — above
``classifier_min_confidence``; where a pattern event's type is also the
classifier's top choice the event is marked ``both`` with a higher confidence
(``classifier_confirm``), and ``classifier_veto_confidence`` can drop pattern
events in sentences the classifier calls NONE. See ``_combine``.
"""
from __future__ import annotations

import logging
from typing import Optional

from .. import settings
from ..models import AnnotatedArticle, Event, Evidence, Trigger
from .lexicon import Entry, cameo_for, load_lexicon
from .patterns import _BOILER, ParseView, attribution_of, date_of, paragraph_of, place_of, roles, status_of
from .patterns import code_patterns, _year

log = logging.getLogger(__name__)

_classifier = None
_classifier_failed = False


def _get_classifier():
    """The classifier engineer's model, or None when absent/broken (pattern coding still works)."""
    global _classifier, _classifier_failed
    if _classifier is not None or _classifier_failed:
        return _classifier
    try:
        from .classifier import load_classifier
        _classifier = load_classifier()
        _classifier.warm()
    except Exception as exc:  # missing module, missing model file: run pattern-only
        log.info("classifier unavailable (%s); pattern coder only", exc)
        _classifier_failed = True
    return _classifier


def _contexts(text: str) -> list[str]:
    try:
        from .contexts import contexts_for
    except ImportError:
        return []
    try:
        return list(contexts_for(text))
    except Exception:
        log.debug("contexts_for failed", exc_info=True)
        return []


def _coders() -> set[str]:
    raw = settings.get("coders") or "pattern"
    return {c.strip() for c in str(raw).split(",") if c.strip()}


def _candidate_root(v: ParseView, sent):
    """The main verb of a sentence with a non-pronoun-only subject, or None (no event-like clause)."""
    for t in v.toks[sent.token_start:sent.token_end]:
        if t.dep == "ROOT" and t.pos in ("VERB", "AUX"):
            if t.lemma.lower() in ("say", "tell", "be", "have", "think", "believe", "hope", "feel"):
                return None
            if any(k.dep in ("nsubj", "nsubjpass") for k in v.kids(t)):
                return t
    return None


def _best_type(p: dict[str, float]) -> tuple[str, float]:
    """The classifier's most probable event type (never NONE) and its probability."""
    typ = max((t for t in p if t != "NONE"), key=lambda t: p[t])
    return typ, p[typ]


def _combine(ann: AnnotatedArticle, events: list[Event], clf, *, min_confidence: float,
             veto: float = 1.0, need_actor: bool = True, confirm: bool = True) -> list[Event]:
    """The classifier's part. Only candidate sentences are embedded (embedding costs more than
    parsing): sentences without a pattern event whose main verb has a subject (with
    ``need_actor``, one the role rules make an actor), not boilerplate, not an opening quote;
    and, with ``confirm``, the sentences of pattern events.

    - recall: a sentence without pattern events gets the classifier's best type when its
      probability is >= ``min_confidence`` and above NONE's (and, with ``need_actor``, the
      main verb has an actor the role rules find); coder ``classifier``.
    - confirmation: a pattern event whose type is the classifier's top choice becomes
      ``both`` with confidence + 0.1; one whose type the classifier gives < 5% loses 0.1.
    - veto: pattern events in a sentence the classifier calls NONE with probability >= ``veto``
      are dropped (``veto`` >= 1 never drops).
    """
    text = ann.article.text
    v = ParseView(ann)
    covered = sorted({(e.evidence.start, e.evidence.end) for e in events})
    covered_set = set(covered)
    cands = []
    for sent in ann.sentences:
        if (sent.start, sent.end) in covered_set or ann.article.is_boilerplate(sent.start, sent.end):
            continue
        s_text = text[sent.start:sent.end]
        if _BOILER.search(s_text) or len(s_text) < 25 or s_text.lstrip().startswith(("\"", "“")):
            continue
        root = _candidate_root(v, sent)
        if root is None:
            continue
        if need_actor and not any(a.country or a.sector for a in
                                  roles(v, root, Entry(lemma=root.lemma, type="CONSULT", cameo="04"))[0]):
            # a political event needs an actor the dictionary or sector rules know;
            # this also keeps embedding (dearer than parsing) to a few sentences
            continue
        cands.append((sent, root))
    if not confirm:
        covered = []
    texts = [text[s.start:s.end] for s, _ in cands] + [text[a:b] for a, b in covered]
    if not texts:
        return events
    try:
        probs = clf.predict_proba(texts)
    except Exception:
        log.warning("classifier failed; pattern events only", exc_info=True)
        return events
    pub_year = _year(ann.article.publication_date)
    added = []
    for (sent, root), p in zip(cands, probs[:len(cands)]):
        typ, conf = _best_type(p)
        if conf < min_confidence or p.get("NONE", 0.0) >= conf:
            continue
        entry = Entry(lemma=root.lemma, type=typ, cameo=cameo_for(typ, None) or "")
        actor, recip = roles(v, root, entry)
        if need_actor and not actor:
            continue
        date, prec, _ = date_of(v, root, sent, paragraph_of(text, sent.start))
        added.append(Event(
            type=typ, trigger=Trigger(text=root.text, start=root.start, end=root.end),
            evidence=Evidence(start=sent.start, end=sent.end),
            status=status_of(v, root, pub_year, []), actor=actor, recipient=recip,
            date=date, date_precision=prec, location=place_of(v, root, sent, actor + recip, typ),
            attribution=attribution_of(v, root, sent), cameo=cameo_for(typ, None),
            confidence=round(conf, 2), coder="classifier"))
    by_span = dict(zip(covered, probs[len(cands):]))
    kept = []
    for e in events:
        p = by_span.get((e.evidence.start, e.evidence.end))
        if p is not None and e.coder == "pattern":
            if p.get("NONE", 0.0) >= veto:
                continue
            if max(p, key=p.get) == e.type:
                e.coder = "both"
                e.confidence = round(min(0.99, e.confidence + 0.1), 2)
            elif p.get(e.type, 0.0) < 0.05:
                e.confidence = round(max(0.05, e.confidence - 0.1), 2)
        kept.append(e)
    return kept + added


def code(ann: AnnotatedArticle, *, coders: Optional[set[str]] = None,
         min_confidence: Optional[float] = None) -> list[Event]:
    coders = coders or _coders()
    lex = load_lexicon()
    events = code_patterns(ann, lex) if "pattern" in coders else []
    clf = _get_classifier() if "classifier" in coders else None
    text = ann.article.text
    if clf is not None:
        thr = float(min_confidence if min_confidence is not None else settings.get("classifier_min_confidence"))
        events = _combine(ann, events, clf, min_confidence=thr,
                          veto=float(settings.get("classifier_veto_confidence")),
                          need_actor=bool(settings.get("classifier_require_actor")),
                          confirm=bool(settings.get("classifier_confirm")))
    for e in events:
        if not e.context:
            e.context = _contexts(text[e.evidence.start:e.evidence.end])
        if not e.cameo:
            e.cameo = cameo_for(e.type, e.mode)
    return events
