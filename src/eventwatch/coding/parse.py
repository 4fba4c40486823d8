"""Reading the dependency parse: the one view every coding rule asks its questions through.

After the annotate stage a parse is a flat list of Token records (no spaCy objects cross a stage
boundary), so children, subtrees, noun-phrase spans and clause depth have to be rebuilt from
``head`` indices; doing it once here keeps the triggers, roles, status and place rules agreeing
on what a phrase or a clause is.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..models import AnnotatedArticle, Entity, Token
from .lexicon import Entry
from .wordsets import wordmap, wordset

REPORTING = wordset("reporting")
LOCATIVE = wordset("locative")
# The small model's lemmatizer misses some past tenses ("forgave", "fined" → "fin"): ``lemma_variants``
# tries this table and the regular inflection rules on the surface form too.
IRREGULAR = wordmap("irregular")
# Dependency labels that stay inside a noun phrase (``ParseView.np_span``).
NP_KEEP = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "npadvmod", "prep",
           "pobj", "punct", "appos", "advmod", "cc", "conj", "hmod", "hyph"}
# Actor codes that are not states: an IGO or a movement names no country of its own.
NON_STATES = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
# Participles that tie a group to an organisation or a home ("affiliated with", "loyal to", "based in").
TIES = {"affiliate", "affiliated", "base", "based", "loyal", "belong", "belonging", "link", "linked", "tie", "tied"}
_DATELINE_ANY = re.compile(r"(?:^|(?<=\s))([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*)(?:, ?[A-Z][\w.'\- ]{0,30}?)?"
                           r"(?: ?\([A-Za-z .]+\))? ?(?:--?|\u2014|\u2013)(?:\s|$)", re.M)


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
        self._state_mentions: Optional[list[tuple[int, str]]] = None
        self._state_starts: list[int] = []
        self._tok_starts = [t.start for t in self.toks]  # tokens are in text order
        for t in self.toks:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t)

    def context_country(self, t: Token, exclude: tuple[tuple[int, int], ...] = ()) -> Optional[str]:
        """The state a word with no country of its own belongs to, read off the text around it.

        First the word's own "from/in/of" phrase; then the nearest sentence, its own or an earlier
        one, that names a state (not counting ``exclude`` spans, e.g. the recipient, nor datelines):
        the state it names, or where it names several, the one among them the article names most.
        Where nothing before it names a state, one of the next two sentences of its paragraph may.
        A sentence naming several states none of which leads the article leaves the word without a
        country, and so does a paragraph that names none: the article's main country alone is no
        evidence ("the president" in a paragraph about a visitor is the visitor's)."""
        own = self._own_phrase_country(t, exclude)
        if own:
            return own
        ann = self.ann
        idx = next((n for n, s in enumerate(ann.sentences) if s.token_start <= t.i < s.token_end), None)
        if idx is None:
            return None
        # a place the word is "in" stays evidence even where the coder took it for the other side
        # ("In Paris, riot police fired ...", "people marched in Kolkata")
        skip = tuple(x for x in exclude if not self._locative_place(*x)) + tuple(self.datelines())
        for sent in reversed(ann.sentences[:idx + 1]):
            named = self._states(sent.start, sent.end, skip)
            if len(named) == 1:
                return next(iter(named))
            if named:
                main = self.main_country()
                return main if main in named else None
        # nothing named before it: a lead that names its state a sentence later, in the same
        # paragraph ("The mayor imposed a curfew. Minneapolis officials said ...")
        para = paragraph_of(ann.article.text, ann.sentences[idx].start)
        for sent in ann.sentences[idx + 1:idx + 3]:
            if sent.start >= para[1]:
                break
            named = self._states(sent.start, sent.end, skip)
            if len(named) == 1:
                return next(iter(named))
            if named:
                break
        return None

    def _locative_place(self, start: int, end: int) -> bool:
        """The span is a place named as the object of a preposition of place ("in X", "near X")."""
        for p in self.ann.places:
            if start <= p.start and p.end <= end:
                inside = self.toks[bisect_left(self._tok_starts, p.start):bisect_left(self._tok_starts, p.end)]
                ids = {x.i for x in inside}
                heads = [x for x in inside if x.head not in ids]
                if heads and heads[0].dep == "pobj" and self.head(heads[0]).lemma.lower() in LOCATIVE:
                    return True
        return False

    def main_country(self) -> Optional[str]:
        """The state the article names most, never counting its datelines: a wire story filed from
        Addis Ababa about South Sudan is not about Ethiopia."""
        if self._doc_country is None:
            c = self._states(0, len(self.ann.article.text), tuple(self.datelines()))
            self._doc_country = c.most_common(1)[0][0] if c else ""
        return self._doc_country or None

    def _states(self, lo: int, hi: int, exclude: tuple[tuple[int, int], ...]) -> Counter:
        """How often each state is named in [lo, hi): places and state entities, no IGO/NGO codes."""
        if self._state_mentions is None:
            found = [(x.start, x.country) for x in list(self.ann.places) + [
                e for e in self.ann.entities if e.kind in ("state", "place")]
                if x.country and len(x.country) == 3 and x.country not in NON_STATES]
            self._state_mentions = sorted(found)
            self._state_starts = [a for a, _ in self._state_mentions]
        c: Counter = Counter()
        for start, country in self._state_mentions[bisect_left(self._state_starts, lo):
                                                   bisect_left(self._state_starts, hi)]:
            if not any(a <= start < b for a, b in exclude):
                c[country] += 1
        return c

    def _own_phrase_country(self, t: Token, exclude: tuple[tuple[int, int], ...]) -> Optional[str]:
        """The one state named in the word's own "from/in/of/at" phrase: "activists from the Fatah
        party", "police in Lima", "residents of Goma" belong there, whatever else the sentence names."""
        ann = self.ann
        spans = []
        # "workers affiliated with X", "forces loyal to X", "a group based in X": the phrase of a
        # participle that ties the group to its organisation or home
        owners = [t]
        if t.dep == "pobj" and self.head(t).lemma.lower() == "of":
            owners.append(self.head(self.head(t)))  # "hundreds of nurses affiliated with ..."
        ties = [k for o in owners for k in self.kids(o, "acl", "amod") if k.lemma.lower() in TIES and k.i > t.i]
        for p in self.kids(t, "prep") + [p for k in ties for p in self.kids(k, "prep")]:
            if (p.lemma.lower() in ("from", "in", "of", "at") or p.head != t.i) and p.i > t.i:
                spans.append(self.subtree_span(p))
        if not spans:
            return None
        c = Counter()
        inside = lambda x: any(a <= x.start < b for a, b in spans) and not any(  # noqa: E731
            a <= x.start < b for a, b in exclude + tuple(self.datelines()))
        for p in ann.places:
            if inside(p) and p.country and len(p.country) == 3:
                c[p.country] += 1
        for e in ann.entities:
            if inside(e) and e.country and len(e.country) == 3 and e.kind != "person":
                c[e.country] += 1
        for code in NON_STATES:
            c.pop(code, None)
        return next(iter(c)) if len(c) == 1 else None

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

    def phrase_head(self, start: int, end: int) -> Optional[Token]:
        """The token of the characters ``start:end`` (an entity) whose head lies outside them."""
        lo, hi = bisect_left(self._tok_starts, start), bisect_left(self._tok_starts, end)
        inside = self.toks[lo:hi]
        return next((t for t in inside if not lo <= t.head < hi or t.head == t.i), None)

    def token_at(self, start: int) -> Optional[Token]:
        """The token that starts at character ``start`` (an event's trigger), or None."""
        k = bisect_left(self._tok_starts, start)
        return self.toks[k] if k < len(self.toks) and self.toks[k].start == start else None

    def climbs_to(self, lower: Token, upper: Token, *, steps: int, through) -> bool:
        """True when ``upper`` is reached from ``lower`` in at most ``steps`` steps up its heads,
        each from a word whose dependency label ``through(dep)`` accepts."""
        t = lower
        for _ in range(steps):
            if not through(t.dep) or t.head == t.i:
                return False
            t = self.toks[t.head]
            if t.i == upper.i:
                return True
        return False

    def subtree(self, t: Token) -> list[Token]:
        out, stack = [], [t]
        while stack:
            x = stack.pop()
            out.append(x)
            stack.extend(self.children.get(x.i, []))
        return sorted(out, key=lambda x: x.i)

    def subtree_span(self, t: Token) -> tuple[int, int]:
        """Character offsets of the subtree of ``t``."""
        sub = self.subtree(t)
        return sub[0].start, sub[-1].end

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


def clause_tokens(v: ParseView, t: Token) -> set[int]:
    """The trigger's clause: the subtree of its nearest verb (or the trigger's verb head for nouns)."""
    x = t
    for _ in range(4):
        if x.pos in ("VERB", "AUX") or x.head == x.i:
            break
        x = v.head(x)
    return {y.i for y in v.subtree(x)}


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n\n", 0, pos)
    b = text.find("\n\n", pos)
    return (0 if a < 0 else a + 2, len(text) if b < 0 else b)


def to_complement(v: ParseView, x: Token) -> bool:
    """x is its head's "to"-complement (parsed xcomp, or advcl with "to")."""
    return x.dep == "xcomp" or (x.dep in ("advcl", "ccomp") and any(
        k.dep == "aux" and k.lemma.lower() == "to" for k in v.kids(x)))


def depth(v: ParseView, t: Token) -> int:
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
