"""The model has the last word: rule proposals and model predictions -> the article's events.

The rule coder proposes events (trigger, type, roles, status) and its proposals are a feature
of the model. The model then labels every word of every codable sentence; a word it labels
with an event type at or above the threshold becomes an event. Where the rules proposed an
event on that word, the rules' roles, mode and place are kept (the type is the model's);
elsewhere the roles, date and place are read off the parse around the word. Rule proposals
on words the model calls NONE are dropped.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Optional, Sequence

import numpy as np

from ..codebook import PLOVER_MODES
from ..models import AnnotatedArticle, Entity, Event
from .examples import STATUSES, TYPES, SentenceExample, is_word, sentence_units
from .lexicon import Entry, cameo_for
from .parse import ParseView
from .patterns import event_at as rule_event_at
from .roles import entities_of, pronoun_entity
from .rulings import apply_rulings
from .place_names import dateline_place
from .where_when import year_of

log = logging.getLogger(__name__)

# Parts of speech that can carry an event (verbs, event nouns, participles tagged ADJ).
TRIGGER_POS = {"VERB", "NOUN", "ADJ", "PROPN", "AUX"}


ROLE_MIN = 0.5  # the role probability at which a word is the head of an actor or recipient


def model_side(ann: AnnotatedArticle, v: ParseView, tokens, probs: np.ndarray, side: int,
               proposed: Sequence[Entity] = (), proposal_min: float = 1.1,
               skip: tuple[tuple[int, int], ...] = ()) -> list[Entity]:
    """The entities whose head words the model gives role ``side`` (1 actor, 2 recipient), and the
    rules' ``proposed`` entities for that side whose head word the model gives at least
    ``proposal_min`` (the rules propose roles as they propose events; the model decides)."""
    out: list[Entity] = []
    index = {t.i: k for k, t in enumerate(tokens)}
    for e in proposed:
        head = v.phrase_head(e.start, e.end)
        if head is not None and head.i in index and probs[index[head.i]][side] >= proposal_min:
            out.append(e)
    for k, tok in enumerate(tokens):
        if probs[k][side] < ROLE_MIN or probs[k].argmax() != side:
            continue
        if any(o.start <= tok.start < o.end for o in out):
            continue
        found = [pronoun_entity(ann, v, tok, skip)] if tok.pos == "PRON" else entities_of(v, [tok])
        for e in found:
            if all(not (e.start < o.end and o.start < e.end) for o in out):
                out.append(e)
    return out


def event_at(ann: AnnotatedArticle, v: ParseView, tok, typ: str, dateline) -> Event:
    """An event of type ``typ`` on word ``tok`` that the rules did not propose, its fields read off
    the parse as the rule coder reads them."""
    sent = ann.sentences[tok.sent]
    years = [y for d in ann.dates if sent.start <= d.start < sent.end for y in [year_of(d.value)] if y]
    ev = rule_event_at(ann, v, tok, Entry(lemma=tok.lemma, type=typ, cameo=cameo_for(typ, None) or ""), sent,
                       dateline, pub_year=year_of(ann.article.publication_date), years=years)
    return replace(ev, cameo=cameo_for(typ, None), coder="model")


def retype(ev: Event, typ: str) -> Event:
    """A rule event under the model's type: the mode and CAMEO code follow the type."""
    if ev.type == typ:
        return replace(ev, coder="both")
    mode = ev.mode if ev.mode in PLOVER_MODES.get(typ, ()) else None
    return replace(ev, type=typ, mode=mode, cameo=cameo_for(typ, mode), coder="model")


def _side(ents: Sequence[Entity]) -> frozenset:
    return frozenset((e.start, e.end) for e in ents)


# The content of a demand, a threat, a refusal or a promise is part of that event, not another one
# ("urged the junta to release them", "threatened to impose sanctions": DESIGN.md).
CONTENT_TYPES = {"REQUEST", "THREATEN", "REJECT", "AGREE"}
# A clause these join to its head is an event of its own ("after troops shelled the town").
OWN_CLAUSE_DEPS = {"conj", "advcl", "relcl", "parataxis", "appos"}


def governs(v: ParseView, upper, lower) -> bool:
    """True when ``lower`` sits in the complement of ``upper`` (not in a clause of its own)."""
    return v.climbs_to(lower, upper, steps=40, through=lambda dep: dep not in OWN_CLAUSE_DEPS)


def drop_contents(v: ParseView, events: list[Event]) -> list[Event]:
    """Events inside the content of a REQUEST/THREATEN/REJECT/AGREE of the same sentence go."""
    heads = [(v.token_at(e.trigger.start), e) for e in events if e.type in CONTENT_TYPES]
    out = []
    for e in events:
        t = v.token_at(e.trigger.start)
        if t is not None and any(h is not None and h.i != t.i and governs(v, h, t) for h, _ in heads):
            continue
        out.append(e)
    return out


def dedupe(events: list[Event], named: frozenset = frozenset()) -> list[Event]:
    """One event per (sentence, type, actor, recipient): the most confident, except that a noun
    that is the subject of another event's verb gives way to it ("the bombing killed nine": the
    predicate states the event, its subject names it; "began a strike" keeps the strike).
    ``named``: the trigger offsets of such subject nouns."""
    best: dict[tuple, Event] = {}

    def rank(e: Event) -> tuple:
        return (e.trigger.start not in named, e.confidence)
    for e in events:
        key = (e.evidence.start, e.type, _side(e.actor), _side(e.recipient), e.status)
        if key not in best or rank(e) > rank(best[key]):
            best[key] = e
    keep = set(map(id, best.values()))
    return [e for e in events if id(e) in keep]


def subject_nouns(v: ParseView, events: list[Event]) -> frozenset:
    """Trigger offsets of nouns that name another event's act rather than state it: the subject of
    its trigger ("the bombing killed nine") or the noun of a phrase on it ("nine were killed in the
    shelling", "destroyed by shelling", "killed due to an airstrike", "were killed and two hurt in
    twin blasts")."""
    starts = {e.trigger.start for e in events}
    out = set()
    for e in events:
        t = v.token_at(e.trigger.start)
        if t is None or t.pos not in ("NOUN", "PROPN") or t.head == t.i:
            continue
        if t.dep in ("nsubj", "nsubjpass") and v.toks[t.head].start in starts:
            out.add(t.start)
            continue
        x = t
        for _ in range(5):  # noun <- prep (<- "due"/"because", <- "a series of") <- verb
            if x.dep not in ("pobj", "pcomp", "prep", "agent", "amod", "advmod") or x.head == x.i:
                break
            x = v.head(x)
            if x.pos == "VERB" and x.dep == "conj" and x.start not in starts:
                x = v.head(x)  # "were killed and two hurt in twin blasts": the phrase is on both
            if x.pos == "VERB" and x.start in starts and x.i != t.i:
                out.add(t.start)
                break
    return frozenset(out)


def combine(ann: AnnotatedArticle, rule_events: list[Event], model, *, threshold: float,
            rule_threshold: Optional[float] = None, status_confidence: float = 0.5,
            role_mode: str = "model", contents: bool = False, actorless: float = 0.85,
            role_proposal_min: float = 0.1) -> list[Event]:
    """The article's events: words the model labels as events, with rule fields where they agree."""
    units: list[SentenceExample] = list(sentence_units(ann, rule_events))
    if not units:
        return []
    preds = model.predict(units)
    by_start = {}
    for e in rule_events:
        by_start.setdefault(e.trigger.start, e)
    v = ParseView(ann)
    dateline = dateline_place(ann)
    out: list[Event] = []
    for u, pred in zip(units, preds):
        tp, sp = pred.types, pred.status
        found = []  # (word, token, type index, confidence, rule proposal) of the words that are events
        for k, tok in enumerate(u.tokens):
            if not is_word(tok) or tok.pos not in TRIGGER_POS:
                continue
            j = int(np.argmax(tp[k][1:])) + 1
            conf = float(tp[k][j])
            rule = by_start.get(tok.start)
            if conf < threshold:
                # a rule proposal needs less of the model's belief in the rule's own type
                if rule is None or rule_threshold is None:
                    continue
                r = TYPES.index(rule.type)
                if float(tp[k][r]) >= rule_threshold:
                    j, conf = r, float(tp[k][r])
                elif 1.0 - float(tp[k][0]) < threshold:
                    continue
                # else the rules and the model agree that the word states an event and the model
                # splits its belief between types (bans of persons: COERCE, REJECT, SANCTION): the
                # event stands, with the model's best type and that type's probability
            found.append((k, tok, j, conf, rule))
        # one batched pass of the role head over all of the sentence's events
        roles = model.roles_many(pred, [k for k, *_ in found], u) if role_mode != "rules" else None
        for n, (k, tok, j, conf, rule) in enumerate(found):
            typ = TYPES[j]
            ev = retype(rule, typ) if rule is not None else event_at(ann, v, tok, typ, dateline)
            s = int(np.argmax(sp[k]))
            if float(sp[k][s]) >= status_confidence and STATUSES[s] != "occurred":
                ev = replace(ev, status=STATUSES[s])
            elif ev.status != "occurred" and STATUSES[s] == "occurred" and float(sp[k][s]) >= 0.9:
                ev = replace(ev, status="occurred")
            if roles is not None:
                rp = roles[n]
                actor = model_side(ann, v, u.tokens, rp, 1, ev.actor, role_proposal_min)
                recip = model_side(ann, v, u.tokens, rp, 2, ev.recipient, role_proposal_min,
                                   skip=tuple((e.start, e.end) for e in actor))
                if role_mode == "model" or not ev.actor:
                    ev = replace(ev, actor=actor if actor or role_mode == "model" else ev.actor)
                if role_mode == "model" or not ev.recipient:
                    ev = replace(ev, recipient=recip if recip or role_mode == "model" else ev.recipient)
            if not ev.actor and not ev.recipient and conf < actorless:
                continue  # nobody named on either side: a passing mention more often than an event
            out.append(replace(ev, confidence=round(conf, 2)))
    kept = out if contents else drop_contents(v, out)
    kept = apply_rulings(v, kept)
    return dedupe(kept, subject_nouns(v, kept))
