"""Candidate events: which words of a sentence are triggers, and which entry of the lexicon each is.

The lexicon says which lemmas can name an event; this step decides which occurrences do. A
lemma's constraints (its object, its preposition), a trigger that is another trigger's content
("urged X to release") or object ("imposed sanctions"), and nouns that only name an agent or a
thing ("aid agencies", "a protest banner") are settled here, so every later step sees one
candidate per event.
"""
from __future__ import annotations

from dataclasses import replace

from ..models import Sentence, Token
from .lexicon import Entry, Lexicon
from .parse import ParseView, lemma_variants
from .status import PERMISSIVE, press_formula
from .wordsets import wordset

# A content verb under these (xcomp/ccomp) is the REQUEST/THREATEN/REJECT/AGREE's content, not an event.
CONTENT_TYPES = {"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"}
AGENT_HEADS = wordset("agent_heads")
THING_HEADS = wordset("thing_heads")
DOCUMENT_COMPOUNDS = frozenset(tuple(w.split()) for w in wordset("document_compounds"))
# Dependency labels of a verb's object (an entry's ``object`` constraint looks there).
OBJ_DEPS = {"dobj", "obj", "attr", "oprd", "dative"}


def constraints_hold(v: ParseView, t: Token, e: Entry) -> bool:
    kids = v.kids(t)
    if e.preps:
        words = {k.lemma.lower() for k in kids if k.dep in ("prep", "prt", "agent", "dative", "advmod", "xcomp")}
        words |= {k.text.lower() for k in kids if k.dep in ("prep", "prt")}
        # "committed to disarm" as "committed to disarmament": an infinitive's "to" counts as the prep
        if any(k.dep == "xcomp" and any(a.dep == "aux" and a.lemma.lower() == "to" for a in v.kids(k)) for k in kids):
            words.add("to")
        # "charged the opposition with ...": the prep often hangs off the object
        words |= {p.lemma.lower() for k in kids if k.dep in OBJ_DEPS for p in v.kids(k, "prep")}
        if not words & e.preps:
            return False
    if e.objects:
        lem = set()
        for k in kids:
            if k.dep in OBJ_DEPS | {"compound", "amod", "nsubjpass", "nmod", "npadvmod"}:
                lem.add(k.lemma.lower())
                lem |= {c.lemma.lower() for c in v.kids(k, "compound", "amod")}
                # "thousands of reservists", "a piece of legislation": the of-noun is the real object
                ofs = [p for o in v.kids(k, "prep") if o.lemma.lower() == "of" for p in v.kids(o, "pobj")]
                lem |= {p.lemma.lower() for p in ofs}
                lem |= {c.lemma.lower() for p in ofs for c in v.kids(p, "compound", "amod")}
            if k.dep in ("prep", "agent"):
                lem |= {p.lemma.lower() for p in v.kids(k, "pobj")}
            if k.dep in ("ccomp", "xcomp") and t.lemma.lower() in PERMISSIVE:
                # "allowed inspectors to visit" parsed with "inspectors" as the complement's subject
                lem |= {p.lemma.lower() for p in v.kids(k, "nsubj")}
                # "went on hunger strike": the prepositional object's compound names it too
                lem |= {c.lemma.lower() for p in v.kids(k, "pobj") for c in v.kids(p, "compound")}
        # a noun trigger's own head counts ("hunger strike": strike ← hunger when parsed the other way)
        if t.dep == "compound":
            lem.add(v.head(t).lemma.lower())
        lem |= {x.rstrip("s") for x in lem}
        if not lem & e.objects:
            return False
    return True


def find_triggers(v: ParseView, sent: Sentence, lex: Lexicon) -> list[tuple[Token, Entry]]:
    out = []
    for t in v.toks[sent.token_start:sent.token_end]:
        if t.pos not in ("VERB", "AUX", "NOUN", "PROPN"):
            continue
        cands = []
        for lemma in lemma_variants(t):
            cands = lex.candidates(lemma, t.pos)
            if cands:
                break
        best = None
        for e in sorted(cands, key=lambda e: -e.specificity):
            if constraints_hold(v, t, e):
                best = e
                break
        if best is not None:
            out.append((t, best))
    # A verb inside the xcomp/ccomp of a REQUEST/THREATEN/REJECT/AGREE trigger is its content
    # ("urged X to release", "threatened to impose"), not a separate event.
    trig = {t.i: e for t, e in out}
    upgrade: dict[int, Entry] = {}
    kept = []
    for t, e in out:
        h = v.head(t)
        if t.dep in ("xcomp", "ccomp", "pobj", "dobj", "advcl") and h.i in trig and trig[h.i].type in CONTENT_TYPES:
            continue
        # "imposed sanctions", "held talks": the noun is the verb entry's own object, one event not two
        gov = h if t.dep != "pobj" else v.head(h)
        if t.pos in ("NOUN", "PROPN") and t.dep in ("dobj", "pobj", "attr", "obj") and gov.i in trig and gov.i != t.i and (
                trig[gov.i].type == e.type or t.lemma.lower() in trig[gov.i].objects):
            if e.type == trig[gov.i].type and e.mode and e.mode != trig[gov.i].mode and e.specificity > max(
                    1, trig[gov.i].specificity - 2):
                # "went on hunger strike": one event, with the noun's more specific mode
                upgrade[gov.i] = e
            continue
        if t.dep == "pcomp" or (t.dep == "pobj" and v.head(h).i in trig and trig[v.head(h).i].type in CONTENT_TYPES):
            continue
        # "allowed inspectors to visit the site": what is permitted is the permission's content
        if t.dep in ("xcomp", "ccomp") and h.lemma.lower() in PERMISSIVE and (
                h.i in trig or e.type in ("CONSULT", "AID", "COOPERATE", "SUPPORT")):
            continue
        # "a jailed activist", "the wounded soldiers": a participle naming a state, not an event
        if t.pos in ("VERB", "AUX") and t.dep == "amod" and t.i < h.i:
            continue
        if press_formula(v, t) or _in_date(v, t):
            continue
        kept.append((t, e))
    if upgrade:
        kept = [(t, replace(e, mode=upgrade[t.i].mode, cameo=upgrade[t.i].cameo) if t.i in upgrade else e)
                for t, e in kept]
    return kept


def _in_date(v: ParseView, t: Token) -> bool:
    """A capitalised word of a date ("on March 3", "in May") is no trigger ("march", "may")."""
    return t.text[:1].isupper() and t.i > 0 and any(d.start <= t.start < d.end for d in v.ann.dates)


def not_an_event_noun(v: ParseView, t: Token) -> bool:
    """A noun trigger that only names a kind of agent, thing or document is no event: "aid agencies",
    "protest groups", "a press release", "the sanctions committee"."""
    if t.pos not in ("NOUN", "PROPN"):
        return False
    if t.dep == "compound" and v.head(t).lemma.lower() in AGENT_HEADS:
        return True
    if t.dep == "compound" and v.head(t).pos == "NOUN" and v.head(t).lemma.lower() in THING_HEADS:
        return True  # "the rescue boat", "a protest banner", "aid trucks": a thing, not an event
    if t.pos == "PROPN" and t.ent_type in ("LAW", "ORG", "WORK_OF_ART") and t.i > 0 and \
            v.toks[t.i - 1].ent_type == t.ent_type and v.toks[t.i - 1].text[:1].isupper():
        return True  # "the Central America Free Trade Agreement": a name, not an agreement being made
    return any((k.lemma.lower(), t.lemma.lower()) in DOCUMENT_COMPOUNDS for k in v.kids(t, "compound", "amod"))
