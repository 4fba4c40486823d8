"""The people memory of one article: who was named, their titles and gender, who
spoke last, so that a surname, a pronoun or a role resolves to a full name."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .quote_speakers import cue_subject, speaker_mention
from .quote_words import CUE_LEMMAS, FEMALE, MALE, MEDIA_WORDS, PARTY_WORDS, PRONOUNS, ROLE_NOUNS


@dataclass
class Person:
    name: str
    start: int
    gender: Optional[str] = None
    titles: set = field(default_factory=set)
    is_org: bool = False


def quote_entities(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, label, name) of people and organisations, from doc._.entities or doc.ents."""
    ents = getattr(doc._, "entities", None) or []
    out = []
    if ents:
        for e in ents:
            kind = (e.kind or "").lower()
            label = "PERSON" if (e.label == "PERSON" or kind == "person") else (
                "ORG" if e.label in ("ORG", "NORP", "GPE", "MEDIA") or kind in ("organization", "state", "group", "media") else "")
            if e.label == "ACTOR" and not e.name:
                # a generic actor ("the president", "officials"): its speaker
                # name comes from titles and earlier organisations, not its text
                continue
            if label:
                out.append((e.start, e.end, label, e.name or e.text))
    # doc.ents fill in what the entity component left out (it may list only
    # dictionary actors), never overriding its names.
    for e in doc.ents:
        if any(s < e.end_char and e.start_char < en for s, en, _, _ in out):
            continue
        if e.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            t = e.text.strip()
            t = re.sub(r"^(the|The)\s+", "", t)
            t = re.sub(r"['’]s$", "", t)
            out.append((e.start_char, e.end_char, "PERSON" if e.label_ == "PERSON" else "ORG", t))
    fixed = []
    for s, e, label, name in out:
        words = name.split()
        if label == "PERSON" and name.lower() in PARTY_WORDS:
            label = "ORG"  # "Labour", "Conservative" tagged as people
        elif label == "ORG" and 2 <= len(words) <= 3 and words[0].lower() in (MALE | FEMALE) \
                and all(w[:1].isupper() for w in words) and not MEDIA_WORDS.search(name):
            label = "PERSON"  # "Nadia Rahman" tagged as an organisation
        fixed.append((s, e, label, name))
    return sorted(fixed)


class Memory:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.ents = quote_entities(doc)
        self.people: list[Person] = []
        self.last_speaker: Optional[Person] = None
        self.last_group: Optional[str] = None
        self.spoke: list[tuple[int, Person]] = []  # (char offset, person) of resolved speakers
        self.inside: list[bool] = []  # characters within quote marks, once known
        self._build()

    def _build(self) -> None:
        doc = self.doc
        by_name: dict[str, Person] = {}
        for s, e, label, name in self.ents:
            if label != "PERSON":
                continue
            full = self._full(name)
            p = by_name.get(full)
            if p is None:
                p = Person(full, s)
                first = full.split()[0].lower()
                p.gender = "m" if first in MALE else "f" if first in FEMALE else None
                by_name[full] = p
                self.people.append(p)
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            # Titles: "President Donald Trump", "Kenneth Roth, the head of ...".
            if span.start > 0:
                prev = doc[span.start - 1]
                if prev.is_title and prev.pos_ in ("PROPN", "NOUN") and prev.ent_type_ != "PERSON":
                    p.titles.add(prev.lower_)
                elif prev.pos_ == "NOUN" and prev.lemma_.lower() in ROLE_NOUNS:
                    p.titles.add(prev.lemma_.lower())  # "former Iowa governor Richard Stenberg"
            # "The Pentagon's comptroller, Michael Ostrander": the name is the
            # apposition of its title
            if span.root.dep_ == "appos" and span.root.head.pos_ == "NOUN":
                p.titles.add(span.root.head.lemma_.lower())
            for tok in span:
                for ch in tok.children:
                    if ch.dep_ == "appos" and ch.i >= span.end:
                        p.titles.add(ch.lemma_.lower())
            if span.end + 2 < len(doc) and doc[span.end].text == ",":
                for t in doc[span.end + 1: min(len(doc), span.end + 6)]:
                    if t.pos_ == "NOUN":
                        p.titles.add(t.lemma_.lower())
                        break
                    if t.text in ",.;":
                        break
            # Gender from the first he/she after the name in the same or next
            # sentence, when the name is its subject ("..., challenger Curtis
            # Pruitt, of backing cuts that she says ..." tells nothing of him)
            r = span.root
            is_subj = r.dep_ in ("nsubj", "nsubjpass") or r.dep_ in ("appos", "compound") and r.head.dep_ in ("nsubj", "nsubjpass")
            if p.gender is None and is_subj:
                sent = span.sent
                nxt = doc[sent.end:sent.end + 40] if sent.end < len(doc) else doc[0:0]
                for t in list(doc[span.end:sent.end]) + list(nxt):
                    if t.lower_ in ("he", "his", "him"):
                        p.gender = "m"
                        break
                    if t.lower_ in ("she", "her", "hers"):
                        p.gender = "f"
                        break

    def _full(self, name: str) -> str:
        """A surname or short form mapped to the longest known name that ends or starts with it."""
        best = name
        for _, _, label, other in self.ents:
            if label != "PERSON" or len(other) <= len(best):
                continue
            ow = other.split()
            nw = name.split()
            # "Roth" -> "Kenneth Roth"; "Liu" -> "Liu Wen" (family name first)
            if nw and (len(nw) == 1 and nw[0] in (ow[-1], ow[0]) or other.endswith(" " + name)):
                best = other
        return best

    def resolve(self, span: Span) -> tuple[Optional[str], Optional[Person]]:
        """The full name of a speaker mention at ``span``."""
        text = span.text
        low = text.lower()
        root = span.root
        if low in PRONOUNS:
            g = PRONOUNS[low]
            if g == "g":
                # "they said": the group that spoke last, else the last organisation named
                org = self._last_org(span.start_char)
                return org, None
            if low == "i":
                if self.last_speaker:
                    return self.last_speaker.name, self.last_speaker
                return None, None
            up = self._clause_subject(root)
            if up is not None:
                # "Okonkwo said he intended ... and described it as ...": the
                # named subject of the clause that governs the pronoun
                name, p = self.resolve(speaker_mention(self.doc, up))
                if p is not None and (g is None or p.gender in (None, g)):
                    return name, p
            cand = self._recent(span.start_char, g)
            return (cand.name, cand) if cand else (None, None)
        # entity overlapping the span
        for s, e, label, name in self.ents:
            # the entity must hold the head word: "U.N. human rights office" is not "U.N."
            if s <= root.idx < e:
                if label == "PERSON":
                    full = self._full(name)
                    p = next((x for x in self.people if x.name == full), None)
                    return full, p
                # the tagger's "Rossi" (GPE) is the surname of a person named earlier
                full = self._full(name)
                p = next((x for x in self.people if x.name == full and x.start < s), None)
                if p is not None and full != name:
                    return full, p
                return name, None
        # a surname the tagger took for a common noun ("Byers was unimpressed")
        if root.text[:1].isupper() and root.pos_ in ("NOUN", "PROPN"):
            for p in sorted(self.people, key=lambda x: -x.start):
                if p.start < span.start_char and root.text in p.name.split()[1:]:
                    return p.name, p
        # a title: "the president", "the spokesman", "the head of HRW"
        lemma = root.lemma_.lower()
        for p in sorted(self.people, key=lambda x: -x.start):
            if p.start < span.start_char and lemma in p.titles:
                return p.name, p
        if root.pos_ == "PROPN":
            return text, None
        if root.pos_ == "NOUN":
            # "the ministry said": the last organisation named with that word
            # ("the Foreign Ministry"); otherwise unresolved, never guessed.
            word = root.text.lower()
            best = None
            for s, e, label, name in self.ents:
                if label == "ORG" and s < span.start_char and re.search(rf"\b{re.escape(word)}\b", name.lower()):
                    best = name
            return best, None
        return None, None

    def _clause_subject(self, pron: Token) -> Optional[Token]:
        tok = pron.head
        seen = 0
        while seen < 8:
            for ch in tok.children:
                if ch.dep_ == "nsubj" and ch.i < pron.i and ch.pos_ == "PROPN" and ch.ent_type_ in ("PERSON", "ORG", "") \
                        and not (self.inside and self.inside[ch.idx]):
                    return ch
            if tok.head.i == tok.i:
                return None
            tok, seen = tok.head, seen + 1
        return None

    def speak(self, pos: int, p: Optional[Person]) -> None:
        self.spoke.append((pos, p))
        if p is not None:
            self.last_speaker = p

    def _recent(self, pos: int, gender: Optional[str]) -> Optional[Person]:
        """The latest compatible speaker or sentence subject before ``pos``;
        a person only mentioned as an object is the last resort."""
        ok = lambda p: p is not None and (gender is None or p.gender in (None, gender))  # noqa: E731
        best, best_at, any_p = None, -1, None
        blocker = -1  # an unnamed speaker ("a witness told Reuters") more recent than any name
        for at, p in self.spoke:
            if at < pos and p is None:
                blocker = max(blocker, at)
            elif at < pos and at > best_at and ok(p):
                best, best_at = p, at
        for s, e, label, name in self.ents:
            if label != "PERSON" or s >= pos or self.inside and self.inside[s]:
                # a name inside someone's quote is not who "he" refers to
                continue
            p = next((x for x in self.people if x.name == self._full(name)), None)
            if not ok(p):
                continue
            any_p = p
            span = self.doc.char_span(s, e, alignment_mode="expand")
            root = span.root if span is not None else None
            subj = root is not None and (root.dep_ in ("nsubj", "nsubjpass") or (
                root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")))
            if subj and s > best_at:
                best, best_at = p, s
        if blocker > best_at:
            return None  # "he" is likelier the unnamed speaker: don't guess a name
        return best or any_p

    def _last_org(self, pos: int) -> Optional[str]:
        best, best_at = None, -1
        for s, e, label, name in self.ents:
            if label == "ORG" and s < pos:
                best, best_at = name, s
        # a group the tagger missed but that spoke ("Human Rights Watch said")
        for t in self.doc:
            if t.idx >= pos:
                break
            if t.lemma_.lower() in CUE_LEMMAS and t.pos_ == "VERB":
                subj = cue_subject(t)
                if subj is not None and subj.pos_ == "PROPN" and subj.ent_type_ != "PERSON" and subj.idx > best_at:
                    best, best_at = speaker_mention(self.doc, subj).text, subj.idx
        return best
