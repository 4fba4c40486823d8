"""Pattern coder: lexicon triggers over the dependency parse (Token records only).

For every sentence (boilerplate skipped) each verb/noun whose lemma is in the
lexicon and whose constraints hold becomes an event; roles come from the
parse (subject/agent → actor, object/oblique/passive subject → recipient),
status from negation/modals/future frames, date and place from the article's
mentions nearest the trigger, attribution from the reporting frame.

This module is the combining step: the candidates (``triggers``), roles, status
and provenance (``where_when``) of one trigger only become a PLOVER event here,
where the manual's rewrites that need all of them at once are applied (an
announced coercive act is a THREATEN, a future offer an AGREE, a refusal a
REJECT, a demand framed by a reporting verb a REQUEST).
"""
from __future__ import annotations

import re

from ..models import AnnotatedArticle, Event, Evidence, Sentence, Token, Trigger
from .lexicon import Entry, Lexicon, cameo_for, load_lexicon
from .parse import REPORTING, ParseView, depth, lemma_variants, to_complement
from .place_names import dateline_end, dateline_place
from .roles import actor_like, entities_of, roles
from .status import modal_future, status_of
from .triggers import constraints_hold, find_triggers, not_an_event_noun
from .where_when import DATELINE_TYPES, PARTITIVE, SETTLEMENT, attribution_of, date_of, place_of, year_of
from .wordsets import wordset

POSITIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"}
NEGATIVE = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
# "X said/stressed (that) Y must Z": the verbs that frame a demand of Y.
DEMAND_FRAMES = REPORTING | wordset("demand_verbs")
# Verbs of commitment: a promise of force is a threat ("vowed to crush the rebels").
COMMISSIVE = wordset("commissive")
# Governing verbs of a physical preparation (not a statement): "prepared to", "plans to", "is poised to".
PREPARATION = wordset("preparation")
ASPECTUAL = wordset("aspectual")
# A sentence of site furniture, not of the report (``coder`` skips the same sentences).
BOILERPLATE_RE = re.compile(r"\b(subscribe|sign up|newsletter|by submitting|privacy policy|donate now)\b", re.I)


def event_at(ann: AnnotatedArticle, v: ParseView, t: Token, e: Entry, sent: Sentence, dateline, *,
             pub_year, years: list[int]) -> Event:
    """An event of entry ``e`` on word ``t``: roles, status, date, place and attribution read off
    the parse around it (the rule coder's and the event model's events alike)."""
    actor, recip = roles(v, t, e)
    date, prec, _ = date_of(v, t, sent)
    loc = place_of(v, t, sent, e.type)
    if loc is None and e.type in DATELINE_TYPES and dateline is not None and not any(
            sent.start <= pl.start < sent.end and pl.start >= max(dateline.end, dateline_end(ann.article.text))
            for pl in ann.places):
        loc = dateline  # "KABUL, May 3 (Reuters) - Police arrested ...": the dateline's city
    return Event(
        type=e.type, mode=e.mode, trigger=Trigger(text=t.text, start=t.start, end=t.end),
        evidence=Evidence(start=sent.start, end=sent.end), status=status_of(v, t, pub_year, years),
        actor=actor, recipient=recip, date=date, date_precision=prec, location=loc,
        attribution=attribution_of(v, t, sent), cameo=e.cameo, context=list(e.context),
        confidence=round(0.6 + 0.1 * min(e.specificity, 2) + (0.1 if actor else 0), 2), coder="pattern",
    )


def code_patterns(ann: AnnotatedArticle, lex: Lexicon | None = None, *, prune: bool = True) -> list[Event]:
    """The pattern coder's events for one article (``prune``: per sentence, only the main predications)."""
    lex = lex or load_lexicon()
    v = ParseView(ann)
    text = ann.article.text
    pub_year = year_of(ann.article.publication_date)
    dateline = dateline_place(ann)
    events: list[Event] = []
    for sent in ann.sentences:
        if ann.article.is_boilerplate(sent.start, sent.end) or BOILERPLATE_RE.search(text[sent.start:sent.end]):
            continue
        trigs = find_triggers(v, sent, lex)
        demands = _demand_frames(v, sent)
        if not trigs and not demands:
            continue
        years = [y for d in ann.dates if sent.start <= d.start < sent.end for y in [year_of(d.value)] if y]
        n0, depths = len(events), [0] * len(events)
        for t, e in trigs:
            # reporting verbs are not events (and are not in the lexicon); skip bare nouns in actor names
            if t.dep == "compound" and t.pos == "PROPN":
                continue
            if not_an_event_noun(v, t):
                continue
            ev = event_at(ann, v, t, e, sent, dateline, pub_year=pub_year, years=years)
            status, actor = ev.status, ev.actor
            if ev.type == "COERCE" and ev.mode in ("arrest", "seize") and _takes_territory(v, t):
                # "rebels captured Ntorogo / half of Chad": taking territory is force (CAMEO 192), not an arrest
                ev.type, ev.mode, ev.cameo = "ASSAULT", None, "192"
            if ev.type == "ASSAULT" and ev.mode is None:
                ev.mode = _instrument_mode(v, sent, lex)
                if ev.mode:
                    ev.cameo = cameo_for("ASSAULT", ev.mode) or ev.cameo
            if ev.type == "THREATEN" and ev.mode is None:
                ev.mode = _content_mode(v, t, lex)
            # the manual: future-tense offers of CONSULT/SUPPORT/COOPERATE/AID are AGREE
            # ... and an announced future coercive act is a THREATEN whose content is the act;
            # "would" counts when a reporting verb frames it ("said it would impose").
            announced = status == "future" or (status == "hypothetical" and attribution_frame(v, t))
            if e.type in ("ASSAULT", "MOBILIZE") and status == "future" and _material_preparation(v, t):
                # "the army prepared to resume shelling", "plans to deploy troops": military posture
                # (PLOVER MOBILIZE), not a verbal threat
                ev.type, ev.mode = "MOBILIZE", (e.mode if e.type == "MOBILIZE" else "troops")
                ev.cameo = e.cameo if e.type == "MOBILIZE" else "150"
            elif announced and actor and (e.type in POSITIVE or (e.type == "RETREAT" and e.mode == "release")):
                ev.type, ev.mode, ev.cameo, ev.status = "AGREE", None, "030", "occurred"
            elif announced and actor and (e.type in NEGATIVE or e.mode in ("boycott", "obstruct")):
                ev.type, ev.mode, ev.cameo, ev.status = "THREATEN", _threat_mode(e), "130", "occurred"
            elif e.type == "AGREE" and status != "negated" and _forceful_content(v, t, lex):
                # "vowed to crush the rebels", "swore to fight on": a promise of force is a threat
                ev.type, ev.mode, ev.cameo = "THREATEN", _content_mode(v, t, lex), "130"
            elif e.type in NEGATIVE and to_complement(v, t) and v.head(t).lemma.lower() in COMMISSIVE \
                    and status != "negated":
                ev.type, ev.mode, ev.cameo, ev.status = "THREATEN", _threat_mode(e), "130", "occurred"
            elif status == "negated" and e.type in POSITIVE and actor and modal_future(v, t):
                # "would never recognize", "will not meet": an announced refusal
                ev.type, ev.mode, ev.cameo, ev.status = "REJECT", None, "120", "occurred"
            elif status == "negated" and e.type == "AGREE":
                # "will not accept", "failed to reach agreement": a refusal
                ev.type, ev.mode, ev.cameo, ev.status = "REJECT", None, "120", "occurred"
            events.append(ev)
            depths.append(depth(v, t))
        for rep_verb, content in demands:
            # "X said Y must do Z": X demands it of Y (PLOVER REQUEST), whatever Z is
            mine = [ev for ev in events[n0:] if ev.trigger.start == content.start]
            if not mine:
                e0 = Entry(lemma=content.lemma, type="REQUEST", cameo="100")
                date, prec, _ = date_of(v, content, sent)
                mine = [Event(type="REQUEST", trigger=Trigger(text=content.text, start=content.start, end=content.end),
                              evidence=Evidence(start=sent.start, end=sent.end), date=date, date_precision=prec,
                              location=place_of(v, content, sent, "REQUEST"),
                              attribution=attribution_of(v, content, sent), cameo="100", confidence=0.6,
                              coder="pattern")]
                del e0
                events.extend(mine)
                depths.append(depth(v, content))
            subj = [k for k in v.kids(content) if k.dep in ("nsubj", "nsubjpass")]
            for ev in mine:
                ev.type, ev.mode, ev.cameo, ev.status = "REQUEST", None, "100", "occurred"
                ev.actor = entities_of(v, v.kids(rep_verb, "nsubj"))
                ev.recipient = entities_of(v, subj)
        if prune and len(events) - n0 > 1:
            events[n0:] = _main_events(v, events[n0:], depths[n0:])
    return events


def _demand_frames(v: ParseView, sent: Sentence) -> list[tuple[Token, Token]]:
    """(reporting verb, content verb) for "X said (that) Y must/should Z" with a named Y other than X."""
    out = []
    for tok in v.toks[sent.token_start:sent.token_end]:
        if tok.pos != "VERB" or tok.lemma.lower() not in DEMAND_FRAMES or not v.kids(tok, "nsubj"):
            continue
        for c in v.kids(tok, "ccomp"):
            aux = {k.lemma.lower() for k in v.kids(c) if k.dep in ("aux", "auxpass")}
            subj = [k for k in v.kids(c) if k.dep in ("nsubj", "nsubjpass")]
            if not aux & {"must", "should"} or not subj or subj[0].pos == "PRON":
                continue
            if any(k.dep == "neg" for k in v.kids(c)):
                continue
            if not any(actor_like(e) for e in entities_of(v, subj[:1])):
                continue  # "analysts said the economy should recover": an expectation, not a demand
            out.append((tok, c))
    return out


def _takes_territory(v: ParseView, t: Token) -> bool:
    """The trigger's object is a place: a resolved city/region/country or a settlement noun."""
    if t.pos not in ("VERB", "AUX"):
        return False
    for k in v.kids(t, "dobj", "nsubjpass"):
        x = k
        if x.lemma.lower() in PARTITIVE:  # "half of Chad"
            x = next((p for o in v.kids(x, "prep") if o.lemma.lower() == "of" for p in v.kids(o, "pobj")), x)
        if x.lemma.lower() in SETTLEMENT:
            return True
        if any(pl.start <= x.start < pl.end and pl.feature in ("city", "region", "country")
               for pl in v.ann.places) and x.ent_type != "PERSON":
            return True
    return False


def _instrument_mode(v: ParseView, sent: Sentence, lex: Lexicon) -> str | None:
    lemmas = {x.lemma.lower() for x in v.toks[sent.token_start:sent.token_end]}
    lemmas |= {x.text.lower() for x in v.toks[sent.token_start:sent.token_end]}
    for mode, words in lex.instruments:
        if lemmas & words:
            return mode
    return None


def _material_preparation(v: ParseView, t: Token) -> bool:
    """t is the "to"-complement of a preparation verb that no reporting or threatening verb frames."""
    x = t
    for _ in range(2):  # "prepared to resume shelling": through an aspectual verb
        if x.dep in ("xcomp", "dobj", "pcomp") and x.head != x.i and v.head(x).lemma.lower() in ASPECTUAL:
            x = v.head(x)
    if not to_complement(v, x):
        return False
    h = v.head(x)
    if h.lemma.lower() not in PREPARATION or h.pos != "VERB":
        return False
    return not attribution_frame(v, h) and not any(
        v.head(x).lemma.lower() in REPORTING | COMMISSIVE for x in (h,) if x.head != x.i)


def _forceful_content(v: ParseView, t: Token, lex: Lexicon) -> bool:
    """The AGREE trigger's complement is itself an act of force ("vowed to crush", "pledged to attack")."""
    if t.lemma.lower() not in COMMISSIVE:
        return False
    for x in v.kids(t, "xcomp", "ccomp", "advcl"):
        if not to_complement(v, x):
            continue
        for lemma in lemma_variants(x):
            cands = [c for c in lex.candidates(lemma, x.pos) if constraints_hold(v, x, c)]
            if cands:
                return max(cands, key=lambda c: c.specificity).type in ("ASSAULT", "COERCE")
    return False


def _content_mode(v: ParseView, t: Token, lex: Lexicon) -> str | None:
    """The mode of a threat is its content: "threatened to arrest" → arrest, "to attack" → violence."""
    for x in v.kids(t, "xcomp", "ccomp", "dobj", "prep"):
        for y in [x] + v.kids(x, "pobj"):
            for lemma in lemma_variants(y):
                cands = lex.candidates(lemma, y.pos)
                if cands:
                    e = cands[0]
                    if e.type == "ASSAULT":
                        return "violence"
                    m = _threat_mode(e)
                    if m:
                        return m
                    if e.type == "SANCTION":
                        return "relations"
    return None


def attribution_frame(v: ParseView, t: Token) -> bool:
    x = t
    for _ in range(4):
        if x.head == x.i:
            return False
        h = v.head(x)
        if h.lemma.lower() in REPORTING | {"warn", "vow", "announce", "threaten"} and x.dep in ("ccomp", "xcomp"):
            return True
        x = h
    return False


_THREAT_MODES = {"COERCE": {"arrest": "arrest", "deport": "expel", "restrict": "restrict", "censor": "restrict",
                            "curfew": "restrict", "seize": "restrict"},
                 "SANCTION": {"expel": "expel", "withdraw": "relations", "discontinue": "relations"},
                 "ASSAULT": {}, "MOBILIZE": {}}


def _threat_mode(e: Entry) -> str | None:
    if e.type == "ASSAULT":
        return "violence"
    return _THREAT_MODES.get(e.type, {}).get(e.mode or "")


def _main_events(v: ParseView, evs: list[Event], depths: list[int]) -> list[Event]:
    """One sentence, several triggers: keep the ones highest in the parse (the sentence's main
    predication); embedded nominals and subordinate clauses are usually background."""
    best = min(depths)
    return [e for e, d in zip(evs, depths) if d <= best]
