"""Who did it to whom: the actor and recipient entities of a trigger.

Roles come from the parse, not from word order: a passive subject is the recipient, "by X" the
actor, a subject that is a thing ("Heavy shelling killed") names no actor, and a pronoun takes
its antecedent from the reporting frame. Each role is then turned into an Entity with a country
and sector, which is what makes an event usable downstream.
"""
from __future__ import annotations

import logging
from typing import Optional

from ..models import AnnotatedArticle, Entity, Token
from .lexicon import Entry, load_lexicon
from .parse import REPORTING, ParseView, lemma_variants, to_complement
from .wordsets import wordset

log = logging.getLogger(__name__)

DOCUMENTS = wordset("documents")
PRONOUNS = wordset("pronouns")
QUANTITY_NOUNS = wordset("quantity_nouns")
INSTRUMENTS = wordset("instruments")
INANIMATE = wordset("inanimate")
MIL_MODIFIERS = wordset("mil_modifiers")
ADJUNCT_PREPS = wordset("adjunct_preps")
# Types whose nominal takes its actor from a "from"-phrase ("aid from China", "a complaint from Kiev").
FROM_ACTOR_TYPES = {"AID", "SUPPORT", "REQUEST", "ACCUSE", "THREATEN", "AGREE", "CONSULT", "REJECT"}


def _describe(ann: AnnotatedArticle, text: str, head: str):
    """The annotate stage's reading of a phrase (name, country, sector), or None."""
    # imported on first use: the actors module loads spaCy and the gazetteer
    from ..annotate.actors import describe_phrase
    try:
        return describe_phrase(text, head=head, date=ann.article.publication_date)
    except Exception:  # a helper bug must not lose the event
        log.debug("describe_phrase failed on %r", text, exc_info=True)
        return None


def actor_of(v: ParseView, head: Token, exclude: tuple[tuple[int, int], ...] = ()) -> Optional[Entity]:
    """An Entity for the noun phrase headed by ``head``: from an overlapping entity, else describe_phrase."""
    ann = v.ann
    if head.pos == "PRON" and head.lemma.lower() in PRONOUNS:
        return None
    head = _quantified(v, head)
    if head.ent_type == "CARDINAL" and head.pos == "NUM" and head.dep in ("dobj", "nsubjpass", "nsubj") \
            and v.head(head).pos == "VERB":
        # "the blast killed 34", "more than 50 were wounded": a bare count that is the verb's subject
        # or object counts people; the event has them on that side, with no country or sector known
        start, end = v.subtree_span(head)
        return Entity(text=ann.article.text[start:end], start=start, end=end, label="ACTOR")
    if head.ent_type in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
        return None
    lo, hi = v.np_span(head)
    for a, b in v.datelines():  # "BANGKOK — Thai officials": the dateline is not part of the phrase
        if a <= head.start < b:
            return None
        while lo < head.i and v.toks[lo].start < b and v.toks[lo].end > a:
            lo += 1
        while hi > head.i and v.toks[hi].end > a and v.toks[hi].start < b:
            hi -= 1
    # "the governments of [playing down ...]": a preposition whose object is not in the phrase
    while hi > head.i and (v.toks[hi].pos == "ADP" or v.toks[hi].dep == "punct") and v.toks[hi].text != ")":
        hi -= 1
    start, end = v.toks[lo].start, v.toks[hi].end
    text = ann.article.text[start:end]
    best = None
    for ent in ann.entities:
        if ent.start < end and start < ent.end and (ent.country or ent.sector):
            # prefer the entity containing the head, then the earliest
            score = (ent.start <= head.start < ent.end, -(ent.start))
            if best is None or score > best[0]:
                best = (score, ent)
    name = country = sector = None
    if best is not None:
        ent = best[1]
        name, country, sector = ent.name, ent.country, ent.sector
    d = _describe(ann, text, head.text)
    if best is not None and best[1].kind == "group" and head.pos == "NOUN" and (d is None or d.country is None):
        country = None  # the annotator's guess from the sentence ("residents ... the United Kingdom"): redo
    if d is not None:
        name = name or d.name
        country = country or d.country
        sector = sector or d.sector
    if name is None or best is None or not best[0][0]:
        # an unnamed title, or one whose only name is of a state or body in the phrase ("Kenya's
        # interior minister"): the apposition names the person
        name = appositive_name(v, head) or name
    if country is None and (sector or head.pos == "PROPN" or head.ent_type in ("PERSON", "ORG", "NORP")):
        # titled people and bare organs ("President X", "the ministry") with no country of their own
        # take the country the sentence (else the article) is about: news names the state once.
        if head.pos == "NOUN":
            # "residents" after "Hong Kong residents": the group named before, not whatever state
            # the sentence happens to name
            country = _earlier_mention_country(v, head)
        if country is None:
            country = v.context_country(head, exclude)
    return Entity(text=text, start=start, end=end, label="ACTOR", name=name, country=country, sector=sector)


def appositive_name(v: ParseView, head: Token) -> Optional[str]:
    """The person a titled phrase names in apposition: "the city's mayor, Dana Orlov," is Dana
    Orlov (news names an official by role first, then by name)."""
    for k in v.kids(head, "appos"):
        if k.i <= head.i or k.ent_type != "PERSON":
            continue
        for ent in v.ann.entities:
            if ent.label == "PERSON" and ent.start <= k.start < ent.end:
                return ent.name or ent.text
        lo, hi = v.np_span(k)
        return v.ann.article.text[v.toks[lo].start:v.toks[hi].end]
    return None


def _quantified(v: ParseView, head: Token) -> Token:
    if head.lemma.lower() in QUANTITY_NOUNS or head.text.lower() in QUANTITY_NOUNS or (
            head.ent_type == "CARDINAL" and head.pos in ("NOUN", "NUM")):
        for p in v.kids(head, "prep"):
            if p.lemma.lower() == "of":
                objs = [o for o in v.kids(p, "pobj") if o.pos in ("NOUN", "PROPN")]
                if objs:
                    return objs[0]
    return head


def _earlier_mention_country(v: ParseView, head: Token) -> Optional[str]:
    """Same-noun coreference: a bare "residents"/"the protesters" with no country of its own takes the
    country of the nearest earlier mention with the same head noun ("Hong Kong residents")."""
    lemma = head.lemma.lower()
    for t in reversed(v.toks[:head.i]):
        if t.lemma.lower() != lemma or t.pos != "NOUN":
            continue
        lo, hi = v.np_span(t)
        text = v.ann.article.text[v.toks[lo].start:v.toks[hi].end]
        if text.lower() == head.text.lower():
            continue
        d = _describe(v.ann, text, t.text)
        if d is not None and d.country:
            return d.country
    return None


def _with_conj(v: ParseView, t: Token) -> list[Token]:
    out = [t]
    for c in v.kids(t, "conj"):
        if c.pos in ("NOUN", "PROPN"):
            out.extend(_with_conj(v, c))
    return out


def entities_of(v: ParseView, heads: list[Token], exclude: tuple[tuple[int, int], ...] = ()) -> list[Entity]:
    """One Entity per head and per noun conjoined to it ("X and Y"), past a dateline, no duplicates."""
    out = []
    in_dateline = lambda x: any(a <= x.start < b for a, b in v.datelines())  # noqa: E731
    # "JAKARTA, Indonesia — Australia and Indonesia signed": the parser heads the subject with the
    # dateline; the real subject hangs off it as an apposition
    def past_dateline(h: Token) -> list[Token]:
        out, stack = [], [h]
        while stack:
            for k in v.kids(stack.pop(), "appos", "conj"):
                (stack if in_dateline(k) else out).append(k)
        return out
    heads = [y for h in heads for y in (past_dateline(h) if in_dateline(h) else [h])]
    for h in heads:
        for x in _with_conj(v, h):
            e = actor_of(v, x, exclude)
            if e is not None and all(e.start != o.start for o in out):
                out.append(e)
    return out


def agrees(pron: Token, noun: Token) -> bool:
    """Number/person agreement for the light coreference: "Campaigners say it threatens" is not the
    campaigners, "said Kerem Aydin ... they can work together" is not the analyst."""
    p = pron.text.lower()
    plural = noun.tag in ("NNS", "NNPS")
    person = noun.ent_type == "PERSON"
    if p in ("it", "its"):
        return not plural and not person
    if p in ("they", "them", "their"):
        return not person
    if p in ("he", "she", "him", "her", "his"):
        return not plural and noun.ent_type not in ("GPE", "ORG", "NORP")
    return True


# Pronouns that may stand for a phrase earlier in their own sentence ("police fired tear gas to
# disperse them"), and the roles such a phrase holds there.
THIRD_PERSON = {"they", "them", "he", "him", "she", "her", "it"}
ANTECEDENT_DEPS = {"nsubj", "nsubjpass", "dobj"}


def sentence_antecedent(v: ParseView, pron: Token, skip: tuple[tuple[int, int], ...] = ()) -> Optional[Entity]:
    """The nearest earlier subject or object of the pronoun's own sentence that agrees with it and
    is an actor (a name, a country or a sector), outside ``skip`` (the event's other side): what
    "them" stands for when the sentence has just named it."""
    if pron.text.lower() not in THIRD_PERSON:
        return None
    sent = v.ann.sentences[pron.sent]
    for t in reversed(v.toks[:pron.i]):
        if t.start < sent.start:
            break
        if t.pos not in ("NOUN", "PROPN") or t.dep not in ANTECEDENT_DEPS or not agrees(pron, t):
            continue
        if any(a <= t.start < b for a, b in skip):
            continue
        e = actor_of(v, t)
        if e is None or not (e.name or e.country or e.sector) or any(a < e.end and e.start < b for a, b in skip):
            continue
        if pron.text.lower() in ("he", "him", "she", "her") and not (
                "PERSON" in (t.ent_type, e.label) or (t.pos == "PROPN" and e.label not in ("ORG", "GPE", "NORP"))):
            continue  # "he" is a named person, not "the administration", "the judge" or a body
        return e
    return None


def pronoun_entity(ann: AnnotatedArticle, v: ParseView, tok, skip: tuple[tuple[int, int], ...] = ()) -> Entity:
    """A pronoun as the sentence says it, its name, country and sector from the nearest earlier
    agreeing named entity of this or the previous sentence (light coreference), else from the
    phrase it stands for earlier in its sentence (``sentence_antecedent``; its text as the name
    when it has none), else unknown."""
    first = ann.sentences[max(0, tok.sent - 1)].start
    for ent in sorted(ann.entities, key=lambda e: -e.start):
        if first <= ent.end <= tok.start and ent.label in ("PERSON", "ORG", "GPE", "NORP") and (
                ent.name or ent.country or ent.sector):
            head = next((t for t in reversed(ann.tokens[:tok.i]) if t.start < ent.end), None)
            if head is not None and agrees(tok, head):
                return Entity(text=tok.text, start=tok.start, end=tok.end, label=ent.label, name=ent.name,
                              country=ent.country, sector=ent.sector, kind=ent.kind)
    ante = sentence_antecedent(v, tok, skip)
    if ante is not None:
        return Entity(text=tok.text, start=tok.start, end=tok.end, label=ante.label, name=ante.name or ante.text,
                      country=ante.country, sector=ante.sector, kind=ante.kind)
    return Entity(text=tok.text, start=tok.start, end=tok.end)


def _instrument(p: Token) -> bool:
    return p.lemma.lower() in INSTRUMENTS or p.ent_type in ("DATE", "TIME")


def _agentive(v: ParseView, heads: list[Token]) -> list[Token]:
    """The actors behind subjects: an adjective or a thing is none ("Heavy shelling killed"), "the
    measures, adopted by X" is X, "a Myanmar military airstrike" stays (its modifiers say whose); an
    event nominal ("her detention appeared ...") is not an agent."""
    out = []
    for h in heads:
        if h.pos in ("ADJ", "ADV", "NUM", "DET"):
            continue
        lemma = h.lemma.lower()
        if h.pos == "VERB" and h.text.lower().endswith("ing") and h.dep in ("nsubj", "csubj"):
            continue  # "Fighting in September killed ...": a gerund subject is a happening
        if h.pos == "NOUN" and (lemma in INANIMATE or lemma.rstrip("s") in INANIMATE or _event_noun(lemma)):
            by = [p for a in v.kids(h, "acl") for g in v.kids(a, "agent") for p in v.kids(g, "pobj")
                  if not _instrument(p)]
            if by:
                # "adopted by EU foreign ministers meeting in Brussels" (parsed as a compound on "meeting"):
                # the participants, not their meeting
                out.extend(next((c for c in v.kids(p, "compound") if c.pos == "NOUN"), p)
                           if _event_noun(p.lemma.lower()) else p for p in by)
                continue
            mods = [k for k in v.kids(h) if k.dep in ("compound", "nmod", "poss", "amod") and k.i < h.i
                    and (k.ent_type in ("NORP", "ORG", "GPE", "PERSON") or k.lemma.lower() in MIL_MODIFIERS)]
            if mods:
                out.append(h)  # "A Myanmar military jet": the phrase names whose it is (not "military" alone)
            continue
        out.append(h)
    return out


def _event_noun(lemma: str) -> bool:
    """A noun the lexicon codes as an event ("detention", "arrest", "talks"): a happening, not an agent."""
    return bool(load_lexicon().candidates(lemma, "NOUN"))


def roles(v: ParseView, t: Token, e: Entry) -> tuple[list[Entity], list[Entity]]:
    """(actors, recipients) of the trigger ``t`` coded as entry ``e``."""
    actors: list[Token] = []
    recips: list[Token] = []
    kids = v.kids(t)
    if t.pos in ("VERB", "AUX"):
        subj = [k for k in kids if k.dep in ("nsubj", "csubj")]
        passive = [k for k in kids if k.dep == "nsubjpass"]
        agent = [p for a in v.kids(t, "agent") for p in v.kids(a, "pobj") if not _instrument(p)]
        actors = _agentive(v, subj) or agent
        recips = passive + [k for k in kids if k.dep in ("dobj", "obj", "dative")]
        # a passive clause names its own patient: its agent is "by X" or unnamed, never the subject of a
        # governing verb ("The group said that activists had been barred": the group only reports it)
        is_passive = bool(passive) or any(k.dep == "auxpass" for k in kids)
        if is_passive and not actors and e.type == "AGREE" and passive and any(
                to_complement(v, k) or (k.dep == "prep" and k.lemma.lower() == "to") for k in kids):
            # "Vietnam is committed to opening up", "he is prepared to talk": a stative commitment
            actors = passive
        x = t
        # a subject that names no actor ("A roadside bombing killed ..."): the verb has its subject, unnamed
        if subj and not actors:
            is_passive = True
        while not actors and not is_passive and x.dep in ("xcomp", "conj", "advcl", "ccomp") and x.head != x.i:
            # "agreed to visit", "arrested and beat": the subject of the governing verb
            x = v.head(x)
            xk = v.kids(x)
            if any(k.dep == "nsubj" for k in xk) and not _agentive(v, [k for k in xk if k.dep == "nsubj"]) and any(
                    load_lexicon().candidates(lem, x.pos) for lem in lemma_variants(x)):
                break  # "A bombing killed one soldier and wounded two": the unnamed agent of both events
            # "were not allowed to visit": the permitted party of a passive governing verb
            actors = _agentive(v, [k for k in xk if k.dep == "nsubj"] or (
                [k for k in xk if k.dep == "nsubjpass"] if t.dep == "xcomp" and x.i == t.head else []))
            if not actors and x.dep == "acomp" and x.head != x.i:
                # "X is ready/willing to meet": the subject of the copula
                actors = _agentive(v, v.kids(v.head(x), "nsubj"))
            if x.dep == "xcomp" or t.dep == "xcomp":
                dob = [k for k in xk if k.dep == "dobj"]
                if dob and v.head(t).lemma.lower() in ("urge", "ask", "call", "force", "order", "allow", "persuade",
                                                       "help", "enable", "instruct", "tell", "compel", "invite"):
                    actors = dob
        if t.dep == "relcl" and actors and all(a.lemma.lower() in ("who", "which", "that") for a in actors):
            actors = [v.head(t)]  # "Turkey and Egypt, which have backed ...": the relative's antecedent
        if actors and all(a.pos == "PRON" for a in actors):
            # "Japan said it will ...": the pronoun is the reporting verb's subject (light coreference)
            y = t
            for _ in range(4):
                if y.head == y.i:
                    break
                y = v.head(y)
                ys = [k for k in v.kids(y) if k.dep == "nsubj" and k.pos != "PRON"]
                if y.lemma.lower() in REPORTING and ys:
                    if agrees(actors[0], ys[0]):
                        actors = ys
                    break
        if t.dep == "relcl" and not actors and not is_passive:
            actors = [v.head(t)]
        if t.dep == "acl" and not actors and v.head(t).dep in ("dobj", "obj") and v.head(t).lemma.lower() in DOCUMENTS:
            # "issued a declaration demanding ...": the issuer speaks, to whom the demand is made
            actors = v.kids(v.head(v.head(t)), "nsubj")
            if not recips:
                recips = [k for c in v.kids(t, "ccomp") for k in v.kids(c, "nsubj")]
        if t.dep == "acl" and not recips and v.head(t).lemma.lower() not in DOCUMENTS:
            recips = [v.head(t)]
        # the object the entry requires ("sanctions" of "impose sanctions") is part of the trigger
        objs = [k for k in recips if k.lemma.lower() in e.objects or k.lemma.lower().rstrip("s") in e.objects]
        recips = [k for k in recips if k not in objs]
        if not recips:
            for p in v.kids(t, "prep") + [p for o in objs for p in v.kids(o, "prep")]:
                if p.lemma.lower() in ("on", "against", "to", "with", "at", "into", "upon", "for", "from"):
                    # "On Tuesday, ... called on Uganda": a date is not the recipient
                    recips = [o for o in v.kids(p, "pobj") if o.ent_type not in ("DATE", "TIME")]
                    if recips:
                        break
    else:  # nominal trigger: "X's arrest", "the arrest of Y by Z", "protests by residents"
        poss = [k for k in kids if k.dep == "poss"]
        by = [p for a in kids if a.dep == "prep" and a.lemma.lower() == "by" for p in v.kids(a, "pobj")
              if not _instrument(p)]
        if not by and e.type in FROM_ACTOR_TYPES:
            # "aid from China", "a complaint from Kiev": the giver/sender (not "withdrawal from Iraq")
            by = [p for a in kids if a.dep == "prep" and a.lemma.lower() == "from" for p in v.kids(a, "pobj")]
        of = [p for a in kids if a.dep == "prep" and a.lemma.lower() in ("of", "on", "against", "to", "with", "into")
              for p in v.kids(a, "pobj")]
        victim_poss = e.type in ("COERCE", "ASSAULT", "RETREAT", "SANCTION") and poss and not of
        actors = by or ([] if victim_poss else poss)
        recips = of or (poss if victim_poss else [])
        if actors and not by and all(a.pos == "PRON" for a in actors):
            actors = []  # "X completed its investigation": "its" is the clause's subject, found below
        if not actors and not by and t.dep in ("dobj", "pobj") and not (
                t.dep == "pobj" and v.head(t).lemma.lower() in ADJUNCT_PREPS):
            # ("gathered despite the ban", "fled after the attack": the clause's subject is not the agent)
            h = v.head(t)
            if t.dep == "pobj":
                h = v.head(h)
            actors = [k for k in v.kids(h) if k.dep == "nsubj"] or [
                # "Serb forces were engaged in ethnic cleansing"
                k for k in v.kids(h) if k.dep == "nsubjpass" and h.lemma.lower() in ("engage", "involve")]
    if not recips and t.pos in ("VERB", "AUX"):
        # "threatened to impose sanctions on X", "urged ... to free X": the content clause's target
        for x in v.kids(t, "xcomp", "ccomp"):
            recips = [k for k in v.kids(x) if k.dep in ("dobj", "dative")]
            objs = recips + [x]
            for o in objs:
                for p in v.kids(o, "prep"):
                    if p.lemma.lower() in ("on", "against", "to", "with", "at"):
                        recips = [k for k in recips if k.lemma.lower() not in ("sanction", "measure", "step")]
                        recips = recips or v.kids(p, "pobj")
            if recips:
                break
    rec = _same_side(v, t, _deepen(v, t, entities_of(v, recips)))
    return _same_side(v, t, entities_of(v, actors, tuple((r.start, r.end) for r in rec))), rec


def _same_side(v: ParseView, t: Token, ents: list[Entity]) -> list[Entity]:
    """A headline run into its dateline is another sentence: roles never reach across a dateline."""
    out = []
    for e in ents:
        if any((e.end <= a and t.start >= b) or (t.end <= a and e.start >= b) for a, b in v.datelines()):
            continue
        out.append(e)
    return out


def actor_like(e: Entity) -> bool:
    """The entity names someone (a country, sector or name), not a thing."""
    return bool(e.country or e.sector or e.name)


def _deepen(v: ParseView, t: Token, recips: list[Entity]) -> list[Entity]:
    """Swap a non-actor recipient ("a piece of legislation", "international support") for the first
    actor-like noun phrase found under it or the trigger's other preps ("in support of the
    demonstrators", "including calling on the UK")."""
    if not recips or any(actor_like(r) for r in recips):
        return recips
    stack, seen = [t], set()
    order = []
    while stack:  # breadth-first over the trigger's subtree, skipping its subject
        x = stack.pop(0)
        for k in v.kids(x):
            if k.dep in ("nsubj", "nsubjpass", "agent", "punct") or k.i in seen:
                continue
            seen.add(k.i)
            if k.dep == "pobj" or (k.dep == "dobj" and x is not t):
                order.append(k)
            stack.append(k)
    for k in order:
        e = actor_of(v, k)
        if e is not None and actor_like(e):
            return [e]
    return recips
