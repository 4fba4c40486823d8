"""Event coding: ``code(ann) -> list[Event]``.

The pattern coder (lexicon over the parse) decides. When the classifier is
importable and enabled (setting ``coders``), it adds recall on candidate
sentences the lexicon missed — sentences with a main verb and a subject, not
boilerplate, not pure opinion quotes — above ``classifier_min_confidence``;
where a pattern event's type is also the classifier's top choice the event
is marked ``both`` with a higher confidence.
"""
from __future__ import annotations

import logging
from typing import Optional

from .. import settings
from ..models import AnnotatedArticle, Event, Evidence, Trigger
from .lexicon import cameo_for, load_lexicon
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


def code(ann: AnnotatedArticle, *, coders: Optional[set[str]] = None,
         min_confidence: Optional[float] = None) -> list[Event]:
    coders = coders or _coders()
    lex = load_lexicon()
    events = code_patterns(ann, lex) if "pattern" in coders else []
    clf = _get_classifier() if "classifier" in coders else None
    text = ann.article.text
    if clf is not None:
        thr = float(min_confidence if min_confidence is not None else settings.get("classifier_min_confidence"))
        v = ParseView(ann)
        covered = {(e.evidence.start, e.evidence.end) for e in events}
        cands = []
        for sent in ann.sentences:
            if (sent.start, sent.end) in covered or ann.article.is_boilerplate(sent.start, sent.end):
                continue
            s_text = text[sent.start:sent.end]
            if _BOILER.search(s_text) or len(s_text) < 25 or s_text.lstrip().startswith(("\"", "“")):
                continue
            root = _candidate_root(v, sent)
            if root is not None:
                cands.append((sent, root))
        # re-rank: pattern events in sentences with several types get the classifier's opinion
        ambiguous = {}
        for e in events:
            ambiguous.setdefault((e.evidence.start, e.evidence.end), set()).add(e.type)
        texts = [text[s.start:s.end] for s, _ in cands]
        pat_keys = list(ambiguous)
        texts += [text[a:b] for a, b in pat_keys]
        try:
            probs = clf.predict_proba(texts) if texts else []
        except Exception:
            log.warning("classifier failed; pattern events only", exc_info=True)
            probs = []
        if probs:
            pub_year = _year(ann.article.publication_date)
            for (sent, root), p in zip(cands, probs[:len(cands)]):
                typ, conf = max(p.items(), key=lambda kv: kv[1])
                if conf < thr:
                    continue
                from .lexicon import Entry
                entry = Entry(lemma=root.lemma, type=typ, cameo=cameo_for(typ, None) or "")
                actor, recip = roles(v, root, entry)
                date, prec, _ = date_of(v, root, sent, paragraph_of(text, sent.start))
                events.append(Event(
                    type=typ, trigger=Trigger(text=root.text, start=root.start, end=root.end),
                    evidence=Evidence(start=sent.start, end=sent.end),
                    status=status_of(v, root, pub_year, []), actor=actor, recipient=recip,
                    date=date, date_precision=prec, location=place_of(v, root, sent, actor + recip),
                    attribution=attribution_of(v, root, sent), cameo=cameo_for(typ, None),
                    confidence=round(conf, 2), coder="classifier"))
            for key, p in zip(pat_keys, probs[len(cands):]):
                top = max(p.items(), key=lambda kv: kv[1])[0]
                for e in events:
                    if (e.evidence.start, e.evidence.end) == key and e.coder == "pattern" and e.type == top:
                        e.coder = "both"
                        e.confidence = round(min(0.99, e.confidence + 0.1), 2)
    for e in events:
        if not e.context:
            e.context = _contexts(text[e.evidence.start:e.evidence.end])
        if not e.cameo:
            e.cameo = cameo_for(e.type, e.mode)
    return events
