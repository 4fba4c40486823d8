"""Whether an event happened: occurred, negated, hypothetical, future or historical.

A news sentence reports as many events that did not happen as ones that did ("will not meet",
"could impose", "nobody was detained", "declined to comment"); counting those as occurred is the
commonest false event, so the cues that deny or suspend an event live together here, where the
rules that decide it can be read side by side.
"""
from __future__ import annotations

from typing import Optional

from ..models import Token
from .parse import ParseView
from .wordsets import wordset

FUTURE_FRAMES = wordset("future_frames")
NEG_FRAMES = wordset("neg_frames")
PERMISSIVE = wordset("permissive")
HYPO_AUX = wordset("hypo_aux")
FUTURE_AUX = wordset("future_aux")
NEG_SUBJECTS = wordset("neg_subjects")
PROHIBIT = wordset("prohibit")
SPEECH = wordset("speech")
INFO = wordset("info")


def press_formula(v: ParseView, t: Token) -> bool:
    """A newsroom formula that is no event: "declined to comment", "refused to give details", "asked not
    to be named", "did not respond to a request for comment"."""
    for x in v.kids(t, "xcomp"):  # the trigger's own infinitive ("demanded that X provide information" is a demand)
        lem = x.lemma.lower()
        if lem in SPEECH:
            return True
        if lem in ("give", "provide", "offer", "release") and any(
                o.lemma.lower() in INFO for o in v.kids(x, "dobj")):
            return True
    if t.pos in ("NOUN", "PROPN"):
        return any(o.lemma.lower() in ("comment", "interview", "reaction", "response")
                   for p in v.kids(t, "prep") if p.lemma.lower() == "for" for o in v.kids(p, "pobj"))
    return False


def _denied(v: ParseView, t: Token) -> bool:
    """The event's own subject or determiner negates it, or a prohibition governs it."""
    def neg_np(n: Token) -> bool:
        if n.lemma.lower() in NEG_SUBJECTS or n.text.lower() in NEG_SUBJECTS:
            return True
        if n.text.lower() == "one" and n.i > 0 and v.toks[n.i - 1].text.lower() == "no":
            return True  # "No one was hurt"
        return any(k.dep == "det" and k.lemma.lower() == "no" for k in v.kids(n))
    if t.pos in ("NOUN", "PROPN") and any(k.dep == "det" and k.lemma.lower() == "no" for k in v.kids(t)):
        return True  # "no arrests were reported"
    if any(neg_np(k) for k in v.kids(t, "nsubj", "nsubjpass")):
        return True
    x = t
    for _ in range(5):
        if x.head == x.i:
            break
        h = v.head(x)
        if h.pos in ("VERB", "AUX", "ADJ") and any(neg_np(k) for k in v.kids(h, "nsubj", "nsubjpass")) and \
                x.dep in ("xcomp", "dobj", "pcomp"):
            return True  # "Nobody wants to block roads", "no one made arrests" (not "no one knows whether ...")
        if h.lemma.lower() in PROHIBIT and h.pos == "VERB" and (
                x.dep == "xcomp" or (x.dep == "prep" and x.lemma.lower() == "from")) and x is not t:
            return True
        x = h
    return False


def status_of(v: ParseView, t: Token, pub_year: Optional[int], years: list[int]) -> str:
    if _denied(v, t):
        return "negated"
    chain = [t]
    x = t
    # a governing verb is a future frame ("plans to", "is set to") only through its complement, not
    # through an adjunct ("set fire to the offices following the killing")
    not_frame: set[int] = set()
    if t.pos in ("NOUN", "PROPN") and t.head != t.i:  # "protests will be held", "if talks fail"
        x = v.head(t) if t.dep != "pobj" else v.head(v.head(t))
        if t.dep == "pobj" and v.head(t).lemma.lower() not in ("for", "to"):
            not_frame.add(x.i)
        chain.append(x)
    for _ in range(3):  # climb xcomp/conj frames: "plans to visit", "is expected to sign"
        if x.dep in ("xcomp", "conj") and x.head != x.i:
            if x.dep == "xcomp" and v.head(x).lemma.lower() in NEG_FRAMES:
                return "negated"
            if x.dep == "conj":
                not_frame.add(x.head)
            x = v.head(x)
            chain.append(x)
        else:
            break
    for c in chain:
        kids = v.kids(c)
        if any(k.dep == "neg" for k in kids) and c is t or (c is not t and any(k.dep == "neg" for k in kids)
                                                               and c.lemma.lower() in FUTURE_FRAMES | PERMISSIVE):
            return "negated"
    for c in chain:
        kids = v.kids(c)
        if any(k.dep == "mark" and k.lemma.lower() in ("if", "unless") for k in kids):
            return "hypothetical"
        aux = {k.lemma.lower() for k in kids if k.dep in ("aux", "auxpass")}
        if aux & HYPO_AUX and "will" not in aux:
            return "hypothetical"
        if aux & FUTURE_AUX:
            return "future"
        if c is not t and c.lemma.lower() in FUTURE_FRAMES and c.i not in not_frame:
            return "future"
    if any(k.dep == "mark" and k.lemma.lower() in ("if", "unless") for k in v.kids(v.head(t))) and t.dep == "advcl":
        return "hypothetical"
    if pub_year and years and max(years) < pub_year - 5:
        return "historical"
    return "occurred"


def modal_future(v: ParseView, t: Token) -> bool:
    return any(k.dep in ("aux", "auxpass") and k.lemma.lower() in FUTURE_AUX | {"would"} for k in v.kids(t))
