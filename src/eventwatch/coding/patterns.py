"""Pattern coder: lexicon triggers over the dependency parse (Token records only).

For every sentence (boilerplate skipped) each verb/noun whose lemma is in the
lexicon and whose constraints hold becomes an event; roles come from the
parse (subject/agent → actor, object/oblique/passive subject → recipient),
status from negation/modals/future frames, date and place from the article's
mentions nearest the trigger, attribution from the reporting frame.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from ..models import AnnotatedArticle, Entity, Event, Evidence, Place, Sentence, Token, Trigger
from .lexicon import Entry, Lexicon, load_lexicon

log = logging.getLogger(__name__)

REPORTING = {"say", "tell", "report", "claim", "state", "announce", "add", "write", "note", "insist",
             "argue", "explain", "confirm", "declare"}
# A content verb under these (xcomp/ccomp) is the REQUEST/THREATEN/REJECT/AGREE's content, not an event.
CONTENT_TYPES = {"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"}
FUTURE_FRAMES = {"plan", "intend", "expect", "schedule", "prepare", "aim", "hope", "want", "seek", "set",
                 "ready", "prepared", "willing", "determined", "poise", "poised", "decide"}
# Governing verbs that negate their complement ("failed to reach agreement").
NEG_FRAMES = {"fail"}
# Permission verbs: their complement is the content of the permission ("allowed X to visit").
PERMISSIVE = {"allow", "permit", "let"}
POSITIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"}
NEGATIVE = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
HYPO_AUX = {"could", "would", "might", "may", "should", "can", "must"}
FUTURE_AUX = {"will", "shall", "'ll"}
LOCATIVE = {"in", "near", "at", "outside", "inside", "across", "throughout", "around", "on"}
OBJ_DEPS = {"dobj", "obj", "attr", "oprd", "dative"}
NP_KEEP = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "npadvmod", "prep",
           "pobj", "punct", "appos", "advmod", "cc", "conj", "hmod", "hyph"}
_DATELINE_ANY = re.compile(r"(?:^|(?<=\s))([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*)(?:, ?[A-Z][\w.'\- ]{0,30}?)?"
                           r"(?: ?\([A-Za-z .]+\))? ?(?:--?|\u2014|\u2013)(?:\s|$)", re.M)
_BOILER = re.compile(r"\b(subscribe|sign up|newsletter|by submitting|privacy policy|donate now)\b", re.I)


@dataclass
class Match:
    token: Token
    entry: Entry
    status: str = "occurred"
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)


class ParseView:
    """Children/sentence lookups over the flat Token list."""

    def __init__(self, ann: AnnotatedArticle):
        self.ann = ann
        self.toks = ann.tokens
        self.children: dict[int, list[Token]] = {}
        self._doc_country: Optional[str] = None
        for t in self.toks:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t)

    def context_country(self, t: Token, exclude: tuple[tuple[int, int], ...] = ()) -> Optional[str]:
        """The one state the sentence names (not counting ``exclude`` spans, e.g. the recipient), else
        the article's most named state."""
        from collections import Counter
        ann = self.ann
        sent = next((s for s in ann.sentences if s.token_start <= t.i < s.token_end), None)
        def states(lo, hi, exclude=exclude):
            c = Counter()
            for p in ann.places:
                if lo <= p.start < hi and p.country and len(p.country) == 3 and not any(
                        a <= p.start < b for a, b in exclude):
                    c[p.country] += 1
            for e in ann.entities:
                if any(a <= e.start < b for a, b in exclude):
                    continue
                if lo <= e.start < hi and e.country and e.kind in ("state", "place") and len(e.country) == 3:
                    c[e.country] += 1
            for code in ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"):
                c.pop(code, None)
            return c
        if sent is not None:
            c = states(sent.start, sent.end)
            if len(c) == 1:
                return next(iter(c))
        if self._doc_country is None:
            c = states(0, len(ann.article.text), ())
            self._doc_country = c.most_common(1)[0][0] if c else ""
        return self._doc_country or None

    def datelines(self) -> list[tuple[int, int]]:
        """Character spans of wire datelines ("BANGKOK — ", "GOMA, Congo — ", "KABUL (Reuters) - "),
        wherever a headline glued before them put them: never part of an actor."""
        if getattr(self, "_datelines", None) is None:
            self._datelines = [(m.start(1), m.end()) for m in _DATELINE_ANY.finditer(self.ann.article.text)
                               if sum(c.isupper() for c in m.group(1)) >= 3]
        return self._datelines

    def kids(self, t: Token, *deps: str) -> list[Token]:
        ks = self.children.get(t.i, [])
        return [k for k in ks if not deps or k.dep in deps]

    def head(self, t: Token) -> Token:
        return self.toks[t.head]

    def subtree(self, t: Token) -> list[Token]:
        out, stack = [], [t]
        while stack:
            x = stack.pop()
            out.append(x)
            stack.extend(self.children.get(x.i, []))
        return sorted(out, key=lambda x: x.i)

    def np_span(self, t: Token) -> tuple[int, int]:
        """Token range of the noun phrase headed by t: modifiers and "of"-phrases, no coordination or clauses."""
        lo = hi = t.i
        cut_hi = None  # an excluded modifier ("in Amara", a relative clause) ends the span
        stack = [t]
        while stack:
            x = stack.pop()
            for k in self.children.get(x.i, []):
                if (k.dep in ("conj", "cc", "relcl", "acl", "advcl", "appos") and x is t) or (
                        k.dep == "prep" and k.lemma.lower() != "of"):
                    if x is t and k.i > t.i:
                        cut_hi = k.i if cut_hi is None else min(cut_hi, k.i)
                    continue
                if k.dep == "punct" and k.text not in "()":
                    continue
                if k.dep not in NP_KEEP:
                    continue
                lo, hi = min(lo, k.i), max(hi, k.i)
                stack.append(k)
        if cut_hi is not None and cut_hi <= hi:
            hi = max(t.i, cut_hi - 1)
        while hi > lo and self.toks[hi].dep == "punct" and self.toks[hi].text != ")":
            hi -= 1
        if self.toks[lo].text == "(":
            lo += 1
        return lo, hi


def _constraints_hold(v: ParseView, t: Token, e: Entry) -> bool:
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


# The small model's lemmatizer misses some past tenses ("forgave", "fined" → "fin"): try the
# irregular table and the regular inflection rules on the surface form too.
IRREGULAR = {"forgave": "forgive", "fought": "fight", "shot": "shoot", "froze": "freeze", "frozen": "freeze",
             "sought": "seek", "struck": "strike", "withdrew": "withdraw", "withdrawn": "withdraw",
             "held": "hold", "met": "meet", "sent": "send", "threw": "throw", "drove": "drive",
             "beaten": "beat", "stole": "steal", "spoke": "speak", "took": "take", "led": "lead",
             "laid": "lay", "shut": "shut", "cut": "cut", "bombed": "bomb", "shelled": "shell"}


def lemma_variants(t: Token) -> list[str]:
    low = t.text.lower()
    out = [t.lemma.lower(), low]
    if low in IRREGULAR:
        out.insert(0, IRREGULAR[low])
    if t.pos in ("VERB", "AUX"):
        for suf in ("ed", "ing"):
            if low.endswith(suf):
                stem = low[: -len(suf)]
                out += [stem, stem + "e"]
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])
        if low.endswith("ied"):
            out.append(low[:-3] + "y")
        if low.endswith("s"):
            out += [low[:-1], low[:-2]]
    elif low.endswith("s"):
        out.append(low[:-1])
    seen, uniq = set(), []
    for x in out:
        if x and x not in seen:
            seen.add(x)
            uniq.append(x)
    return uniq


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
            if _constraints_hold(v, t, e):
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
        if _press_formula(v, t) or _in_date(v, t):
            continue
        kept.append((t, e))
    if upgrade:
        kept = [(t, replace(e, mode=upgrade[t.i].mode, cameo=upgrade[t.i].cameo) if t.i in upgrade else e)
                for t, e in kept]
    return kept


# Newsroom formulas that are no event: "declined to comment", "refused to give details", "asked not to
# be named", "did not respond to a request for comment".
SPEECH = {"comment", "elaborate", "say", "discuss", "speak", "answer", "respond", "confirm", "identify",
          "disclose", "reveal", "name", "specify", "quote", "explain", "talk", "divulge"}
INFO = {"detail", "details", "information", "comment", "figure", "name", "specific", "specifics"}


def _press_formula(v: ParseView, t: Token) -> bool:
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


def _in_date(v: ParseView, t: Token) -> bool:
    """A capitalised word of a date ("on March 3", "in May") is no trigger ("march", "may")."""
    return t.text[:1].isupper() and t.i > 0 and any(d.start <= t.start < d.end for d in v.ann.dates)


# Subjects and determiners that deny the event: "Nobody was detained", "no arrests were reported".
NEG_SUBJECTS = {"nobody", "none", "noone", "no-one"}
# Verbs whose "from"/"to" complement is prevented: "forbidden from making funds available".
PROHIBIT = {"forbid", "prohibit", "ban", "bar", "prevent", "stop", "block", "preclude", "restrain", "refrain"}


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


def _describe(ann: AnnotatedArticle, text: str, head: str):
    try:
        from ..annotate.actors import describe_phrase
    except ImportError:  # the actors engineer's helper may be absent: entities only
        return None
    try:
        return describe_phrase(text, head=head, date=ann.article.publication_date)
    except Exception:  # a helper bug must not lose the event
        log.debug("describe_phrase failed on %r", text, exc_info=True)
        return None


# Nouns for what an actor issues: a participle on them is the issuer's act ("a statement condemning X").
DOCUMENTS = {"statement", "declaration", "communique", "resolution", "letter", "appeal", "petition", "report",
             "message", "decree", "order", "note", "memo"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that",
            "its", "their", "his", "our", "my", "your",  # "its deployment": a pronoun names nobody
            "nobody", "none", "noone", "anyone", "anybody", "someone", "somebody", "everyone", "everybody"}


def actor_of(v: ParseView, head: Token, exclude: tuple[tuple[int, int], ...] = ()) -> Optional[Entity]:
    """An Entity for the noun phrase headed by ``head``: from an overlapping entity, else describe_phrase."""
    ann = v.ann
    if head.pos == "PRON" and head.lemma.lower() in PRONOUNS:
        return None
    head = _quantified(v, head)
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


# "Hundreds of residents", "dozens of activists": the people are the of-noun, not the number.
QUANTITY_NOUNS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores",
                  "million", "millions", "ten", "tens", "group", "crowd", "number", "handful", "lot", "lots"}
_PEOPLE_SECTORS = {"CVL", "OPP", "JRN", "LAB", "REF", "EDU", "REL", None}


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


def _ents(v: ParseView, heads: list[Token], exclude: tuple[tuple[int, int], ...] = ()) -> list[Entity]:
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


# What "by" can introduce besides an agent ("addressed the meeting by video link", "struck by a baton"),
# and subjects that are things or happenings rather than actors ("The measures bar ...", "Heavy shelling
# killed ...", "The war has killed ...").
INSTRUMENTS = {"link", "videolink", "video", "phone", "telephone", "videoconference", "email", "mail", "letter",
               "post", "radio", "satellite", "internet", "means", "way", "hand", "force", "car", "bus", "boat",
               "plane", "air", "sea", "land", "road", "baton", "bullet", "gas", "cannon", "stick", "truck", "vote",
               "decree", "order", "mistake", "accident", "chance", "default", "proxy", "courier", "ballot"}
INANIMATE = {"measure", "law", "bill", "decision", "decree", "order", "rule", "regulation", "policy", "sanction",
             "ban", "restriction", "plan", "proposal", "move", "step", "war", "fighting", "conflict", "violence",
             "shelling", "bombardment", "bombing", "airstrike", "strike", "attack", "explosion", "blast", "bomb",
             "shell", "missile", "rocket", "gunfire", "fire", "clash", "unrest", "footage", "video", "image",
             "photo", "evidence", "money", "part", "flood", "earthquake", "storm", "epidemic", "crisis", "link",
             "jet", "drone", "aircraft", "plane", "helicopter", "tank", "artillery", "weapon", "shot", "raid",
             "bulldozer", "vehicle", "car", "truck", "ship", "boat", "vessel", "convoy"}


def _agrees(pron: Token, noun: Token) -> bool:
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
                    and (k.ent_type in ("NORP", "ORG", "GPE", "PERSON") or k.lemma.lower() in _MIL_MODIFIERS)]
            if mods:
                out.append(h)  # "A Myanmar military jet": the phrase names whose it is (not "military" alone)
            continue
        out.append(h)
    return out


_MIL_MODIFIERS = {"military", "army", "police", "government", "rebel", "militia", "junta", "regime"}


def _event_noun(lemma: str) -> bool:
    """A noun the lexicon codes as an event ("detention", "arrest", "talks"): a happening, not an agent."""
    return bool(load_lexicon().candidates(lemma, "NOUN"))


FROM_ACTOR_TYPES = {"AID", "SUPPORT", "REQUEST", "ACCUSE", "THREATEN", "AGREE", "CONSULT", "REJECT"}


def roles(v: ParseView, t: Token, e: Entry) -> tuple[list[Entity], list[Entity]]:
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
                _to_complement(v, k) or (k.dep == "prep" and k.lemma.lower() == "to") for k in kids):
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
                    if _agrees(actors[0], ys[0]):
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
    rec = _same_side(v, t, _deepen(v, t, _ents(v, recips)))
    return _same_side(v, t, _ents(v, actors, tuple((r.start, r.end) for r in rec))), rec


def _same_side(v: ParseView, t: Token, ents: list[Entity]) -> list[Entity]:
    """A headline run into its dateline is another sentence: roles never reach across a dateline."""
    out = []
    for e in ents:
        if any((e.end <= a and t.start >= b) or (t.end <= a and e.start >= b) for a, b in v.datelines()):
            continue
        out.append(e)
    return out


def _actor_like(e: Entity) -> bool:
    return bool(e.country or e.sector or e.name)


def _deepen(v: ParseView, t: Token, recips: list[Entity]) -> list[Entity]:
    """Swap a non-actor recipient ("a piece of legislation", "international support") for the first
    actor-like noun phrase found under it or the trigger's other preps ("in support of the
    demonstrators", "including calling on the UK")."""
    if not recips or any(_actor_like(r) for r in recips):
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
        if e is not None and _actor_like(e):
            return [e]
    return recips


def _year(value: Optional[str]) -> Optional[int]:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def clause_tokens(v: ParseView, t: Token) -> set[int]:
    """The trigger's clause: the subtree of its nearest verb (or the trigger's verb head for nouns)."""
    x = t
    for _ in range(4):
        if x.pos in ("VERB", "AUX") or x.head == x.i:
            break
        x = v.head(x)
    return {y.i for y in v.subtree(x)}


def date_of(v: ParseView, t: Token, sent: Sentence, para: tuple[int, int]):
    """(value, precision, mention) — nearest date in the clause, else the sentence, else the paragraph."""
    ann = v.ann
    in_sent = [d for d in ann.dates if sent.start <= d.start < sent.end and d.value]
    if in_sent:
        clause = clause_tokens(v, t)
        tok_at = {tok.start: tok.i for tok in v.toks[sent.token_start:sent.token_end]}
        def key(d):
            first = tok_at.get(d.start)
            return (0 if first is not None and first in clause else 1, abs(d.start - t.start))
        d = min(in_sent, key=key)
        return d.value, d.precision, d
    in_para = [d for d in ann.dates if para[0] <= d.start < para[1] and d.value and d.precision in ("day", "month")]
    if in_para:
        d = min(in_para, key=lambda d: abs(d.start - t.start))
        return d.value, d.precision, d
    pub = ann.article.publication_date
    if pub:
        return pub[:10], "publication", None
    return None, None, None


# Nouns that name a settlement or area: "the town of X", "X district", "the outskirts of X".
SETTLEMENT = {"city", "town", "village", "district", "province", "region", "area", "neighbourhood",
              "neighborhood", "suburb", "suburbs", "camp", "county", "state", "island", "port", "capital",
              "governorate", "countryside", "municipality", "quarter", "valley", "peninsula", "border",
              "enclave", "territory", "township", "hamlet", "prefecture", "commune", "settlement",
              "outskirts", "edge", "vicinity", "heart", "centre", "center", "streets", "street", "square",
              "airport", "base", "crossing", "checkpoint", "junction", "road", "highway", "market"}
# "north of Karbala", "outskirts of X": a direction word carries the place to what it modifies.
DIRECTION = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
             "northeastern", "northwestern", "southeastern", "southwestern", "outside", "near"}
# Named buildings and sites count as places ("al-Zahawi school", "the Bardo Museum").
FACILITY = {"school", "hospital", "mosque", "church", "hotel", "museum", "stadium", "university", "palace",
            "prison", "embassy", "station", "building", "cathedral", "temple", "shrine", "plant", "factory",
            "refinery", "mall", "courthouse", "compound", "headquarters", "bazaar", "consulate", "parliament",
            "installation", "terminal", "office", "facility", "skies", "sky", "waters", "coast", "zone"}
# Partitive heads: "captured half of Zaire", "much of Liberia", "a string of villages in Swat".
PARTITIVE = {"half", "much", "part", "most", "rest", "string", "swathe", "swath", "parts", "control", "third",
             "quarter", "majority", "stretch", "section", "portion"}
# Motion triggers whose destination or origin is where the event happened ("marched to the ministry").
MOTION = {"march", "walk", "parade", "drive", "move", "patrol", "rally", "withdraw", "retreat", "pull",
          "evacuate", "flee"}
LOCATIVE_ALL = LOCATIVE | {"off", "through", "within", "along", "inside", "outside", "across", "near"}
# Triggers whose direct object can be the place itself ("captured Badme", "shelled Homs").
TERRITORY_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
# Physical events that happen where the reporter files from when the sentence names no place.
DATELINE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'\-]{1,40}?)(?:,[^\n\u2014\u2013]{0,40}?)?\s*(?:\([A-Za-z .]+\)\s*)?(?:-{1,2}|\u2014|\u2013)\s")


def _place_tokens(v: ParseView, sent: Sentence, start: int, end: int) -> Optional[Token]:
    """The syntactic head of the tokens in [start, end): the one whose head lies outside the span."""
    toks = [x for x in v.toks[sent.token_start:sent.token_end] if start <= x.start and x.end <= end]
    if not toks:
        return None
    ids = {x.i for x in toks}
    heads = [x for x in toks if x.head not in ids or x.head == x.i]
    return heads[-1] if heads else toks[-1]


def _extra_places(v: ParseView, sent: Sentence, known: list[tuple[int, int]]) -> list[Place]:
    """Proper names the place annotator missed but the syntax marks as places: "the village of Ashmi",
    "Aziziyah district", "the town of Bakwa"."""
    out = []
    text = v.ann.article.text
    for t in v.toks[sent.token_start:sent.token_end]:
        if t.pos != "PROPN" or any(a <= t.start < b for a, b in known):
            continue
        if t.dep == "compound" and v.head(t).pos == "PROPN":
            continue  # part of a longer name: its head is checked
        nxt = v.toks[t.i + 1] if t.i + 1 < sent.token_end else None
        if nxt is not None and nxt.head == t.head and nxt.dep == t.dep == "compound" and (
                nxt.pos == "PROPN" or nxt.text == "-"):
            continue  # "al-Nour school": the name's last word is checked, with the words before it
        h = v.head(t)
        ok = (t.dep == "pobj" and h.lemma.lower() == "of" and v.head(h).lemma.lower() in SETTLEMENT
              and v.head(h).lemma.lower() not in ("edge", "heart", "vicinity", "outskirts") or
              (t.dep in ("pobj", "appos") and t.ent_type in ("GPE", "LOC", "FAC")) or
              (t.dep == "pobj" and h.lemma.lower() in ("in", "near", "outside", "inside", "at", "across")
               and t.ent_type in ("", "PRODUCT") and t.text[:1].isupper() and not t.text.isupper()
               and v.toks[t.i - 1].text not in ("-", "\u2010"))) or (
              t.dep in ("compound", "nmod", "amod") and h.lemma.lower() in SETTLEMENT | FACILITY and h.pos == "NOUN") or (
              t.dep in ("dobj", "nsubjpass") and t.ent_type in ("GPE", "LOC", "FAC"))
        if not ok:
            continue
        lo = t.i
        span = {t.i}
        # "al-Nour", "Tel Abyad": name tokens (and hyphens) to the left that hang inside the name
        while lo - 1 >= sent.token_start:
            p = v.toks[lo - 1]
            if (p.pos == "PROPN" or p.text in ("-", "\u2010")) and (p.head in span or p.head == t.head) and p.dep in (
                    "compound", "punct", "nmod", "amod", "hmod", "hyph"):
                lo -= 1
                span.add(p.i)
            else:
                break
        while lo < t.i and not v.toks[lo].text[:1].isalnum():
            lo += 1
        s, e = v.toks[lo].start, t.end
        out.append(Place(text=text[s:e], start=s, end=e))
        known.append((s, e))
    return out


def _anchor(v: ParseView, h: Token) -> tuple[Token, float]:
    """Climb a place's own noun phrase ("Syria's Aleppo province", "the city of Fallujah") to the token
    that attaches it to the clause; the second value ranks the place within one phrase (0: the named
    head, an "of"/apposition name or the name of a settlement/site, "Aziziyah district"; 1: a possessive
    container; 2: the modifier of a thing that is not a place, "a U.S. airstrike")."""
    x, rank = h, 0.0
    for _ in range(8):
        hd = v.head(x)
        if hd.i == x.i:
            break
        if x.dep in ("compound", "amod", "nmod", "det", "nummod"):
            if hd.pos == "NOUN" and hd.lemma.lower() not in SETTLEMENT | FACILITY and rank == 0:
                rank = 2
            x = hd
        elif x.dep == "poss":
            rank = max(rank, 1) if rank != 2 else 2
            x = hd
        elif x.dep == "appos" and hd.pos in ("NOUN", "PROPN"):
            x = hd
        elif x.dep == "pobj" and hd.lemma.lower() == "of" and v.head(hd).pos in ("NOUN", "PROPN", "ADV", "ADJ"):
            x = v.head(hd)
        else:
            break
    return x, rank


def place_of(v: ParseView, t: Token, sent: Sentence, actors: list[Entity], typ: Optional[str] = None
             ) -> Optional[Place]:
    """Where the event happened: the place in a locative phrase ("in", "near", "outside", "at" ...)
    attached to the trigger, else to its objects/adjuncts, else to the clause that governs it; the
    place itself when it is the object of a territorial act ("captured Badme"); a place that is part
    of an actor's name or sits in another clause is not the event's. None when the sentence names none
    for this event (the article's dateline only for physical events, see ``dateline_place``)."""
    ann = v.ann
    text = ann.article.text
    places = [pl for pl in ann.places if sent.start <= pl.start < sent.end]
    known = [(pl.start, pl.end) for pl in places] + [(a.start, a.end) for a in actors if a.country]
    places = places + _extra_places(v, sent, known)
    # the trigger's own phrase: its subtree without embedded clauses (relative clauses, other verbs)
    sub, conj_side, stack = {}, set(), [(t, 0)]
    while stack:
        y, d = stack.pop()
        sub[y.i] = d
        for k in v.kids(y):
            if k.pos in ("VERB", "AUX") and k.dep in ("relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj"):
                if k.dep == "conj" and y is t:
                    conj_side.add(k.i)  # "was shot and killed in X": a conjoined verb's own place
                continue
            stack.append((k, d + 1))
    subj_side = set()
    for k in v.kids(t, "nsubj", "nsubjpass", "csubj", "agent"):
        subj_side |= {y.i for y in v.subtree(k)}
    # the trigger's governing clauses: "X shot and killed", "In Gaza, ... marched to protest"
    govern, x = [], t
    for _ in range(4):
        if x.head == x.i or x.dep not in ("conj", "xcomp", "advcl", "ccomp", "acl", "relcl", "pobj", "prep",
                                          "dobj", "nsubj", "nsubjpass", "dep", "parataxis"):
            break
        x = v.head(x)
        if x.pos in ("VERB", "AUX"):
            govern.append(x)
            if x.dep not in ("conj", "xcomp", "dep"):
                break
    cands = []
    for pl in places:
        h = _place_tokens(v, sent, pl.start, pl.end)
        if h is None:
            continue
        np_head, rank = _anchor(v, h)
        if rank < 0:
            continue
        head_lemma = np_head.lemma.lower()
        obj_of_trigger = np_head.dep in ("dobj", "nsubjpass", "obj") and np_head.head == t.i and (
            typ in TERRITORY_TYPES) and t.pos in ("VERB", "AUX") and (
            (rank == 0 and ((np_head.i == h.i and (pl.feature or h.ent_type in ("LOC", "FAC"))
                             and h.ent_type != "PERSON") or head_lemma in SETTLEMENT | PARTITIVE)) or
            # "patrolled Venezuela's oil installations", "Grozny's streets were patrolled"
            (rank in (1, 2) and head_lemma in SETTLEMENT | FACILITY))
        if rank == 2 and pl.feature == "country":
            continue  # "a U.S. airstrike", "the SDF shelling": who, not where
        attach = None
        ref = 0.0
        if obj_of_trigger:
            score = 0.0  # "captured Badme": the object itself (ties with a locative phrase go to the nearer)
        else:
            y = np_head
            motion = t.lemma.lower() in MOTION and v.head(y).lemma.lower() in ("to", "from", "toward", "towards", "over")
            if y.dep == "pobj" and (v.head(y).lemma.lower() in LOCATIVE_ALL or motion):
                prep = v.head(y)
                if prep.lemma.lower() == "on" and pl.feature not in (None, "city", "region"):
                    continue
                attach = v.head(prep)
            elif y.dep in ("advmod", "npadvmod") and y.lemma.lower() in DIRECTION:
                attach = v.head(y)  # "an ambush north of Karbala"
                ref = 1.5 if y.lemma.lower() not in ("near", "outside") else 0.0
            elif y.lemma.lower() in DIRECTION and y.dep == "pobj" and v.head(y).lemma.lower() in LOCATIVE_ALL:
                attach = v.head(v.head(y))
                ref = 1.5 if y.lemma.lower() not in ("near", "outside") else 0.0
            else:
                continue
            # a direction word between ("north of X") or a settlement noun may itself hang off a prep
            while attach.lemma.lower() in DIRECTION | SETTLEMENT and attach.dep in ("advmod", "npadvmod") \
                    and attach.head != attach.i:
                attach = v.head(attach)
            if attach.i == t.i:
                score = 0.0
            elif attach.i in sub:
                score = (1.5 if attach.i in subj_side else 1.0) + 0.01 * sub[attach.i]
            elif attach in govern:
                score = 2.0
            elif attach.i in conj_side:
                score = 2.5
            else:
                score = 3.0  # another clause's place ("while carrying out an attack in X"): a weak guess
            # "some 50 km south of Baghdad": a reference point, the place only when nothing nearer is named
            score += ref
        own = {x.i for x in v.toks[sent.token_start:sent.token_end] if pl.start <= x.start < pl.end}
        if rank == 0:
            own.add(np_head.i)  # "the town of X", "X district": the head noun is this place
        cands.append([score, rank, 1 if pl.feature == "country" else 0, abs(pl.start - t.start), pl, attach, own])
    # "Manger Square in nearby Bethlehem", "Taji, just north of Baghdad", "Lubumbashi in Shaba province":
    # a place whose phrase hangs off another candidate is its container or reference point
    for c in cands:
        x = c[5]
        for _ in range(3):
            if x is None:
                break
            host = next((o for o in cands if o is not c and x.i in o[6]), None)
            if host is not None:
                c[0] = max(c[0], host[0]) + 0.3
                break
            x = v.head(x) if x.lemma.lower() in DIRECTION and x.head != x.i else None
    if not cands:
        return None
    return min(cands, key=lambda c: tuple(c[:4]))[4]


def dateline_place(ann: AnnotatedArticle) -> Optional[Place]:
    """The place of a wire dateline ("KABUL, May 3 (Reuters) -", "BEIRUT \u2014") at the article start."""
    text = ann.article.text
    m = _DATELINE.match(text[:120])
    if not m:
        return None
    s, e = m.start(1), m.end(1)
    word = text[s:e].strip()
    if not word or not word.replace(" ", "").replace(".", "").isupper() and "," not in text[e:m.end()]:
        return None
    pl = next((pl for pl in ann.places if pl.start < e and s <= pl.start), None)
    if pl is not None and pl.name:
        return pl
    try:
        from ..annotate.places import resolve_place
        r = resolve_place(word.title())
    except Exception:  # the gazetteer is the annotate stage's: no dateline rather than no events
        log.debug("dateline lookup failed", exc_info=True)
        return pl
    if r is None:
        return pl
    return Place(text=text[s:s + len(word)], start=s, end=s + len(word), name=r.name, country=r.country,
                 lat=r.lat, lon=r.lon, feature=r.feature)


def attribution_of(v: ParseView, t: Token, sent: Sentence) -> Optional[str]:
    """Who reports the event: "according to X", or the subject of a reporting verb governing the trigger."""
    ann = v.ann
    for tok in v.toks[sent.token_start:sent.token_end - 1]:
        if tok.text.lower() == "according" and v.toks[tok.i + 1].text.lower() == "to":
            objs = v.kids(v.toks[tok.i + 1], "pobj")
            if objs:
                lo, hi = v.np_span(objs[0])
                return ann.article.text[v.toks[lo].start:v.toks[hi].end]
    x = t
    for _ in range(6):
        if x.head == x.i:
            break
        h = v.head(x)
        if h.lemma.lower() in REPORTING and x.dep in ("ccomp", "parataxis", "conj", "xcomp", "advcl") and h.i != t.i:
            subj = v.kids(h, "nsubj")
            if subj:
                lo, hi = v.np_span(subj[0])
                text = ann.article.text[v.toks[lo].start:v.toks[hi].end]
                if subj[0].pos != "PRON":
                    return text
            return None
        x = h
    return None


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n\n", 0, pos)
    b = text.find("\n\n", pos)
    return (0 if a < 0 else a + 2, len(text) if b < 0 else b)


def code_patterns(ann: AnnotatedArticle, lex: Lexicon | None = None, *, prune: bool = True) -> list[Event]:
    lex = lex or load_lexicon()
    v = ParseView(ann)
    text = ann.article.text
    pub_year = _year(ann.article.publication_date)
    dateline = dateline_place(ann)
    events: list[Event] = []
    for sent in ann.sentences:
        if ann.article.is_boilerplate(sent.start, sent.end) or _BOILER.search(text[sent.start:sent.end]):
            continue
        trigs = find_triggers(v, sent, lex)
        demands = _demand_frames(v, sent)
        if not trigs and not demands:
            continue
        years = [y for d in ann.dates if sent.start <= d.start < sent.end for y in [_year(d.value)] if y]
        para = paragraph_of(text, sent.start)
        n0, depths = len(events), [0] * len(events)
        for t, e in trigs:
            # reporting verbs are not events (and are not in the lexicon); skip bare nouns in actor names
            if t.dep == "compound" and t.pos == "PROPN":
                continue
            if _not_an_event_noun(v, t):
                continue
            actor, recip = roles(v, t, e)
            status = status_of(v, t, pub_year, years)
            date, prec, _ = date_of(v, t, sent, para)
            loc = place_of(v, t, sent, actor + recip, e.type)
            if loc is None and e.type in DATELINE_TYPES and dateline is not None and not any(
                    sent.start <= pl.start < sent.end and pl.start >= dateline.end for pl in ann.places):
                loc = dateline  # "KABUL, May 3 (Reuters) - Police arrested ...": the dateline's city
            ev = Event(
                type=e.type, mode=e.mode, trigger=Trigger(text=t.text, start=t.start, end=t.end),
                evidence=Evidence(start=sent.start, end=sent.end), status=status,
                actor=actor, recipient=recip, date=date, date_precision=prec, location=loc,
                attribution=attribution_of(v, t, sent), cameo=e.cameo, context=list(e.context),
                confidence=round(0.6 + 0.1 * min(e.specificity, 2) + (0.1 if actor else 0), 2), coder="pattern",
            )
            if ev.type == "COERCE" and ev.mode in ("arrest", "seize") and _takes_territory(v, t):
                # "rebels captured Badme / half of Chad": taking territory is force (CAMEO 192), not an arrest
                ev.type, ev.mode, ev.cameo = "ASSAULT", None, "192"
            if ev.type == "ASSAULT" and ev.mode is None:
                ev.mode = _instrument_mode(v, sent, lex)
                if ev.mode:
                    from .lexicon import cameo_for
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
            elif e.type in NEGATIVE and _to_complement(v, t) and v.head(t).lemma.lower() in COMMISSIVE \
                    and status != "negated":
                ev.type, ev.mode, ev.cameo, ev.status = "THREATEN", _threat_mode(e), "130", "occurred"
            elif status == "negated" and e.type in POSITIVE and actor and _modal_future(v, t):
                # "would never recognize", "will not meet": an announced refusal
                ev.type, ev.mode, ev.cameo, ev.status = "REJECT", None, "120", "occurred"
            elif status == "negated" and e.type == "AGREE":
                # "will not accept", "failed to reach agreement": a refusal
                ev.type, ev.mode, ev.cameo, ev.status = "REJECT", None, "120", "occurred"
            events.append(ev)
            depths.append(_depth(v, t))
        for rep_verb, content in demands:
            # "X said Y must do Z": X demands it of Y (PLOVER REQUEST), whatever Z is
            mine = [ev for ev in events[n0:] if ev.trigger.start == content.start]
            if not mine:
                e0 = Entry(lemma=content.lemma, type="REQUEST", cameo="100")
                date, prec, _ = date_of(v, content, sent, para)
                mine = [Event(type="REQUEST", trigger=Trigger(text=content.text, start=content.start, end=content.end),
                              evidence=Evidence(start=sent.start, end=sent.end), date=date, date_precision=prec,
                              location=place_of(v, content, sent, [], "REQUEST"),
                              attribution=attribution_of(v, content, sent), cameo="100", confidence=0.6,
                              coder="pattern")]
                del e0
                events.extend(mine)
                depths.append(_depth(v, content))
            subj = [k for k in v.kids(content) if k.dep in ("nsubj", "nsubjpass")]
            for ev in mine:
                ev.type, ev.mode, ev.cameo, ev.status = "REQUEST", None, "100", "occurred"
                ev.actor = _ents(v, v.kids(rep_verb, "nsubj"))
                ev.recipient = _ents(v, subj)
        if prune and len(events) - n0 > 1:
            events[n0:] = _main_events(v, events[n0:], depths[n0:])
    return events


# A noun trigger that only names a kind of agent or document is no event: "aid agencies",
# "protest groups", "a press release", "the sanctions committee".
AGENT_HEADS = {"agency", "group", "worker", "organization", "organisation", "official", "charity", "body",
               "committee", "spokesman", "spokeswoman", "leader", "movement", "organizer", "organiser",
               "convoy", "camp", "site", "expert", "activist", "minister", "ministry", "office", "regime",
               "case", "suspect", "package", "victim"}
THING_HEADS = {"boat", "ship", "vessel", "truck", "lorry", "vehicle", "plane", "aircraft", "helicopter", "banner",
               "sign", "placard", "poster", "flag", "uniform", "gear", "equipment", "tent", "shelter", "kit",
               "money", "fund", "budget", "law", "bill", "legislation", "rule", "policy", "record", "history",
               "route", "corridor", "zone", "area", "centre", "center", "facility", "camp", "team", "unit"}
DOCUMENT_COMPOUNDS = {("press", "release"), ("news", "release"), ("press", "conference")}


def _modal_future(v: ParseView, t: Token) -> bool:
    return any(k.dep in ("aux", "auxpass") and k.lemma.lower() in FUTURE_AUX | {"would"} for k in v.kids(t))


ADJUNCT_PREPS = {"despite", "after", "before", "following", "since", "amid", "during", "until", "over",
                 "against", "without", "about", "like", "because", "of"}


def _not_an_event_noun(v: ParseView, t: Token) -> bool:
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


DEMAND_FRAMES = REPORTING | {"conclude", "stress", "demand"}


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
            if not any(_actor_like(e) for e in _ents(v, subj[:1])):
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


COMMISSIVE = {"vow", "swear", "pledge", "promise", "threaten", "warn"}


# Governing verbs of a physical preparation (not a statement): "prepared to", "plans to", "is poised to".
PREPARATION = {"prepare", "plan", "poise", "mass", "gear", "ready"}
ASPECTUAL = {"resume", "begin", "start", "continue", "launch", "renew"}


def _material_preparation(v: ParseView, t: Token) -> bool:
    """t is the "to"-complement of a preparation verb that no reporting or threatening verb frames."""
    x = t
    for _ in range(2):  # "prepared to resume shelling": through an aspectual verb
        if x.dep in ("xcomp", "dobj", "pcomp") and x.head != x.i and v.head(x).lemma.lower() in ASPECTUAL:
            x = v.head(x)
    if not _to_complement(v, x):
        return False
    h = v.head(x)
    if h.lemma.lower() not in PREPARATION or h.pos != "VERB":
        return False
    return not attribution_frame(v, h) and not any(
        v.head(x).lemma.lower() in REPORTING | COMMISSIVE for x in (h,) if x.head != x.i)


def _to_complement(v: ParseView, x: Token) -> bool:
    """x is its head's "to"-complement (parsed xcomp, or advcl with "to")."""
    return x.dep == "xcomp" or (x.dep in ("advcl", "ccomp") and any(
        k.dep == "aux" and k.lemma.lower() == "to" for k in v.kids(x)))


def _forceful_content(v: ParseView, t: Token, lex: Lexicon) -> bool:
    """The AGREE trigger's complement is itself an act of force ("vowed to crush", "pledged to attack")."""
    if t.lemma.lower() not in COMMISSIVE:
        return False
    for x in v.kids(t, "xcomp", "ccomp", "advcl"):
        if not _to_complement(v, x):
            continue
        for lemma in lemma_variants(x):
            cands = [c for c in lex.candidates(lemma, x.pos) if _constraints_hold(v, x, c)]
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


def _depth(v: ParseView, t: Token) -> int:
    """Hops from the sentence root, not counting reporting verbs ("X said Y arrested Z": arrested is 0)."""
    d, x = 0, t
    for _ in range(30):
        if x.head == x.i:
            break
        h = v.head(x)
        if not (h.lemma.lower() in REPORTING and x.dep in ("ccomp", "parataxis")):
            # a nominal event as subject ("the arrest of X was condemned") is as central as its verb
            d += 1 if x.dep not in ("conj", "nsubj", "nsubjpass") else 0
        x = h
    return d


def _main_events(v: ParseView, evs: list[Event], depths: list[int]) -> list[Event]:
    """One sentence, several triggers: keep the ones highest in the parse (the sentence's main
    predication); embedded nominals and subordinate clauses are usually background."""
    best = min(depths)
    return [e for e, d in zip(evs, depths) if d <= best]
