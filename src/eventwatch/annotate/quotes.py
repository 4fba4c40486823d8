"""Quotations and their speakers: ``find_quotes(doc) -> list[Quote]``.

Rules, not a model: quote marks are paired by a scanner that tolerates odd
counts, mixed straight/curly marks and apostrophes; the speaker is the
subject of a speech verb outside the marks (dependency parse), or a frame
("according to X", "For X,", "— X"); mentions are resolved to full names
with an article-level memory of people, their titles and their gender.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..models import Quote, Speaker
from .actors import load_actor_dictionary

log = logging.getLogger(__name__)

# Speech and report verbs (lemmas). A lexicon, not a classifier: precision
# matters more than recall for who-said-what.
CUE_LEMMAS = {
    "say", "tell", "add", "ask", "quote", "state", "declare", "write", "tweet", "insist",
    "warn", "claim", "explain", "note", "argue", "announce", "continue", "reply",
    "respond", "comment", "remark", "recall", "suggest", "admit", "acknowledge",
    "stress", "emphasize", "emphasise", "urge", "report", "confirm", "deny",
    "maintain", "assert", "contend", "observe", "point", "describe", "call",
    "predict", "promise", "vow", "complain", "allege", "testify", "post",
    "conclude", "answer", "shout", "cry", "whisper", "joke", "quip", "concede",
    "caution", "charge", "accuse", "proclaim", "reiterate", "believe",
    "think", "pledge", "chant", "yell", "scream", "sing", "plead", "beg", "indicate", "counter", "retort", "demand", "threaten",
}
# Verbs that take a reported clause without quote marks (indirect speech);
# narrower than CUE_LEMMAS so "call", "describe" etc. don't make clauses.
INDIRECT_LEMMAS = {
    "say", "tell", "add", "state", "declare", "write", "tweet", "insist", "warn",
    "claim", "explain", "note", "argue", "announce", "admit", "acknowledge",
    "stress", "report", "confirm", "deny", "maintain", "assert", "contend",
    "allege", "testify", "concede", "reiterate", "predict", "promise", "vow",
    "complain", "emphasize", "emphasise", "suggest", "conclude",
}
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "g", "we": "g", "i": None,
            "his": "m", "their": "g"}
# A small first-name list for gender; pronoun use after a name fills the rest.
MALE = set("john james robert michael william david richard joseph thomas charles daniel "
           "matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george "
           "edward ronald timothy jason jeffrey ryan jacob gary eric stephen jonathan larry "
           "justin scott frank benjamin gregory samuel raymond patrick alexander jack dennis "
           "jerry tyler aaron jose adam henry nathan douglas peter zachary kyle walter harold "
           "carl arthur roger joe juan albert jonah lawrence willie ralph roy eugene wayne louis "
           "philip bobby johnny vladimir xi boris emmanuel joshua joe ali mohammed ahmed carrie "
           "recep narendra jair rodrigo viktor olaf angelo sergei sergey ivan hassan hans "
           "pierre jean luis carlos miguel antonio omar mike bill tom jim bob dave nick chris".split()) - {"carrie"}
FEMALE = set("mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa "
             "margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda "
             "melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela "
             "helen anna brenda pamela nicole samantha katherine emma ruth christine catherine "
             "debra rachel carolyn janet virginia maria heather diane julie joyce victoria kelly "
             "christina joan evelyn lauren judith olivia martha cheryl megan andrea hannah "
             "jacqueline ann jean alice kathryn gloria teresa sara janice doris julia marie "
             "carrie angela theresa hillary nancy ursula kamala sophie claire agnes aung "
             "tsai ingrid joanna jane lucy nadia grace fatima aisha leila sophia isabel ana elena irina natalia olga".split())
MEDIA_WORDS = re.compile(
    r"\b(news|times|post|journal|herald|tribune|press|agency|radio|tv|television|"
    r"breitbart|reuters|afp|xinhua|bbc|cnn|fox|guardian|telegraph|gazette|daily|weekly|"
    r"media|newspaper|outlet|broadcaster|network|magazine|associated press|ap)\b", re.I)
# Unnamed people who speak ("a witness said"): later he/she likely means them.
PERSON_NOUNS = {"witness", "resident", "protester", "man", "woman", "student", "activist",
                "official", "source", "diplomat", "lawyer", "doctor", "villager", "survivor",
                "victim", "relative", "worker", "officer", "soldier", "farmer", "mother", "father"}


@dataclass
class _Person:
    name: str
    start: int
    gender: Optional[str] = None
    titles: set = field(default_factory=set)
    is_org: bool = False


# ----------------------------------------------------------------- quote marks

QUOTE_TOKENS = {'"', "“", "”", "``", "''"}

_TWO_MARKS = re.compile(r"``|''")


def marks_as_curly(text: str) -> str:
    """The text with `` and '' quotation marks (newswire/Treebank style) written as
    curly marks, same length so offsets hold: ``A'' -> " “A” ". '' opens after
    a space or line start and closes elsewhere, like a straight double mark."""
    if "``" not in text and "''" not in text:
        return text

    def sub(m: re.Match) -> str:
        i = m.start()
        prev = text[i - 1] if i else " "
        if m.group() == "``" or prev.isspace() or prev in "([{—–-":
            return " “"
        return "” "

    return _TWO_MARKS.sub(sub, text)


def marked_text(doc: Doc) -> str:
    """``marks_as_curly`` of the doc's text, computed once per doc: every rule here
    reads quote marks from it, so `` '' quotes behave as “ ” ones."""
    cached = doc.user_data.get("ew_marked_text")
    if cached is None:
        cached = doc.user_data["ew_marked_text"] = marks_as_curly(doc.text)
    return cached


def _mark_spans(text: str) -> list[tuple[int, int, bool]]:
    """(inner_start, inner_end, closed) of top-level double-quoted stretches.

    Paragraph-aware: a quote left open at the end of a paragraph is closed
    there (wire style continues it in the next paragraph, which opens with a
    new mark). Straight marks are openers when they follow whitespace, start
    or an opening bracket, closers otherwise.
    """
    out: list[tuple[int, int, bool]] = []
    open_at: Optional[int] = None
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "\n" and open_at is not None and (i + 1 < n and text[i + 1] == "\n" or i + 1 >= n or _para_break(text, i)):
            out.append((open_at, _rstrip(text, open_at, i), False))
            open_at = None
            continue
        if ch in "“«„":
            if open_at is None:
                open_at = i + 1
            continue
        if ch in "”»":
            if open_at is not None:
                out.append((open_at, i, True))
                open_at = None
            continue
        if ch == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            opener = prev.isspace() or prev in "([{—–-/:" or i == 0
            if open_at is None and (opener or not nxt.isspace()):
                open_at = i + 1
            elif open_at is not None and text[open_at - 1] in "“«„" and _curly_close_ahead(text, i):
                continue  # a straight pair nested in a curly quote: “He said "go" now,”
            elif open_at is not None:
                out.append((open_at, i, True))
                open_at = None
    if open_at is not None:
        out.append((open_at, _rstrip(text, open_at, n), False))
    # a stretch without a letter or digit is stray punctuation, not speech
    return [s for s in out if s[1] > s[0] and any(c.isalnum() for c in text[s[0]:s[1]])]


def _curly_close_ahead(text: str, i: int) -> bool:
    """A closing curly mark before the paragraph ends (or the next curly opener)."""
    for ch in text[i + 1:i + 2000]:
        if ch == "”" or ch == "»":
            return True
        if ch in "“\n":
            return False
    return False


def _para_break(text: str, i: int) -> bool:
    """A single newline counts as a paragraph break when the next line opens a quote."""
    j = i + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    return j < len(text) and text[j] in '“"'


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- people memory

def _entities(doc: Doc) -> list[tuple[int, int, str, str]]:
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


PARTY_WORDS = {"labour", "conservative", "conservatives", "tory", "tories", "democrat", "democrats",
               "republican", "republicans", "liberal", "liberals", "green", "greens", "socialist",
               "gop", "snp", "ukip", "reform"}


class _Memory:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.ents = _entities(doc)
        self.people: list[_Person] = []
        self.last_speaker: Optional[_Person] = None
        self.last_group: Optional[str] = None
        self.spoke: list[tuple[int, _Person]] = []  # (char offset, person) of resolved speakers
        self.inside: list[bool] = []  # characters within quote marks, once known
        self._build()

    def _build(self) -> None:
        doc = self.doc
        by_name: dict[str, _Person] = {}
        for s, e, label, name in self.ents:
            if label != "PERSON":
                continue
            full = self._full(name)
            p = by_name.get(full)
            if p is None:
                p = _Person(full, s)
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

    def resolve(self, span: Span) -> tuple[Optional[str], Optional[_Person]]:
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
                name, p = self.resolve(_mention(self.doc, up))
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

    def speak(self, pos: int, p: Optional[_Person]) -> None:
        self.spoke.append((pos, p))
        if p is not None:
            self.last_speaker = p

    def _recent(self, pos: int, gender: Optional[str]) -> Optional[_Person]:
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
                subj = _cue_subject(t)
                if subj is not None and subj.pos_ == "PROPN" and subj.ent_type_ != "PERSON" and subj.idx > best_at:
                    best, best_at = _mention(self.doc, subj).text, subj.idx
        return best


# ---------------------------------------------------------------- speakers

def _mention(doc: Doc, tok: Token) -> Span:
    """The speaker mention around a subject token: entity, compound name or noun phrase."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                s, e = ent.start, ent.end
                if doc[s].lower_ == "the":
                    s += 1
                if e - 1 > s and doc[e - 1].text in ("'s", "’s"):
                    e -= 1
                return doc[s:e]
    if tok.pos_ == "PROPN":
        # a name the model did not tag: the run of proper nouns around it
        # ("Human Rights Watch", parsed as nested compounds)
        left, right = tok.i, tok.i + 1
        while left > tok.sent.start and doc[left - 1].pos_ == "PROPN" and doc[left - 1].dep_ in ("compound", "flat", "nmod", "amod"):
            left -= 1
        return doc[left:right]
    left = tok.i
    for ch in tok.lefts:
        if ch.dep_ in ("compound", "amod", "nmod") and ch.left_edge.i < left:
            left = ch.left_edge.i  # "White House spokesman", not "House spokesman"
    right = tok.i + 1
    # "the head of HRW": keep the prepositional part in the mention
    for ch in tok.rights:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            right = max(right, ch.right_edge.i + 1)
    return doc[left:right]


# Last words of outlet names: "Philippine Star", "GMA News", "The Times".
OUTLET_END = re.compile(
    r"(?:News|Times|Post|Star|Journal|Herald|Tribune|Gazette|Daily|Radio|TV|Television|Chronicle|"
    r"Inquirer|Telegraph|Guardian|Observer|Mail|Express|Standard|Magazine|Network|Agency|Wire|Today|Press|"
    r"Reuters|AFP|Xinhua|BBC|CNN|Bloomberg|Interfax|Yonhap|Kyodo|Tass|TASS)$")


def is_outlet(span: Span) -> bool:
    """A news outlet's name (not a person, not "press secretary")."""
    if span.root.ent_type_ == "PERSON" or span.root.lower_ in PRONOUNS:
        return False
    entry = load_actor_dictionary().lookup(span.text)
    if entry is not None:
        return entry.kind == "media"
    return bool(OUTLET_END.search(span.text.strip())) and span.root.pos_ == "PROPN"


def _quoted_as_saying(outlet: Token) -> Optional[Token]:
    """X in "<outlet> quoted X as saying", else None."""
    verb = outlet.head
    if verb.lemma_ != "quote":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and _good_subject(c)), None)


def _is_media(text: str) -> bool:
    return bool(MEDIA_WORDS.search(text))


def _good_subject(tok: Token) -> bool:
    if tok.lower_ in PRONOUNS:
        # object forms never head a speech clause; "we"/"I" are resolved later
        return tok.lower_ not in ("him", "her")
    return tok.pos_ in ("PROPN", "NOUN") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _with_appos(tok: Token) -> Token:
    """"Amnesty's regional director, Joanna Park": the named apposition speaks."""
    for ch in tok.rights:
        if ch.dep_ == "appos" and ch.ent_type_ == "PERSON":
            return ch
    if tok.pos_ == "NOUN":
        # "The senator from Ohio, Carla Whitfield": the parser hangs the
        # name on "Ohio"; any named apposition inside the phrase speaks
        for t in tok.subtree:
            if t.i > tok.i and t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.head.dep_ in ("pobj", "appos"):
                return t
    return tok


RELATIVE = {"who", "which", "that", "whom"}


def _cue_subject(verb: Token) -> Optional[Token]:
    subj = _cue_subject_raw(verb)
    if subj is not None and _is_dateline(subj):
        # "CANTON, Ohio — Republican nominee Gordon Whitaker on Monday said":
        # the parser takes the dateline for the subject; the noun phrase
        # between the dash and the verb is the speaker
        dash = next((t for t in subj.sent if t.text in ("—", "–", "--") and t.i < verb.i), None)
        if dash is None:
            return None
        ids = set(range(dash.i + 1, verb.i))
        heads = [t for t in subj.doc[dash.i + 1:verb.i] if t.head.i not in ids and not t.is_punct]
        subj = next((t for t in heads if _good_subject(t) and not _is_dateline(t) and t.ent_type_ not in ("DATE", "TIME")), None)
        return _with_appos(subj) if subj is not None else None
    return subj


def _is_dateline(tok: Token) -> bool:
    return len(tok.text) > 2 and tok.text.isupper() and tok.is_alpha and tok.i - tok.sent.start <= 3 and (
        tok.i == 0 or "\n" in tok.doc[tok.i - 1].text_with_ws or tok.i == tok.sent.start or tok.doc[tok.i - 1].text in ("/", "("))


def _cue_subject_raw(verb: Token) -> Optional[Token]:
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in RELATIVE and verb.dep_ == "relcl":
            # "Colville, who has described the targets as ...": the antecedent speaks
            head = verb.head
            if head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
                head = head.head  # "Dame Harriet Colville, the MP for ..., who has described"
            return _with_appos(head) if _good_subject(head) else None
        if ch.dep_ in ("nsubj", "nsubjpass") and _good_subject(ch):
            return _with_appos(ch)
    # "..., said Roth" sometimes parses Roth as dobj/attr/npadvmod
    for ch in verb.rights:
        if ch.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd") and ch.ent_type_ in ("PERSON", "ORG"):
            return ch
        if ch.dep_ in ("dobj", "attr", "npadvmod", "oprd") and ch.pos_ == "NOUN":
            app = _with_appos(ch)
            if app is not ch:
                return app
    # passive "was quoted by" / agent
    for ch in verb.children:
        if ch.dep_ == "agent":
            for g in ch.children:
                if g.dep_ == "pobj":
                    return g
    # conjoined verb: "Roth arrived and said"
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _cue_subject(verb.head) if verb.head is not verb else None
    # a participle or infinitive without a subject of its own takes its
    # clause's: "Danforth struck a measured tone, calling the outages ...",
    # "She campaigned on costs, telling voters: ..."
    if verb.dep_ in ("advcl", "xcomp", "acl") and verb.tag_ in ("VBG", "VB", "VBN") and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return _cue_subject(verb.head)
    # a finite cue misparsed as a noun modifier: "The congresswoman, Rep. X, called ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN") and _good_subject(verb.head):
        return _with_appos(verb.head)
    return None


def _frame_speaker(doc: Doc, toks: list[Token]) -> tuple[Optional[Token], Optional[str]]:
    """A 'For X,' / 'according to X' / 'X called it' / 'X described ... as' frame, or None."""
    for t in toks:
        if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
            for g in doc[t.i + 1].children:
                if g.dep_ == "pobj":
                    return g, "according to"
            return doc[t.i + 2], "according to"
    for t in toks:
        if t.lower_ == "for" and (t.i == t.sent.start or doc[t.i - 1].is_punct):
            for g in t.children:
                if g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or g.lower_ in PRONOUNS):
                    return g, "for"
            # misparse fallback: next PERSON entity right after "For"
            nt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nt is not None and nt.ent_type_ == "PERSON":
                return nt, "for"
    for t in toks:
        if t.lemma_ in ("call", "describe", "label", "dub", "term", "brand") and t.pos_ == "VERB":
            s = _cue_subject(t)
            if s is not None:
                return s, t.text
    return None, None


# ---------------------------------------------------------------- main

def find_quotes(doc: Doc) -> list[Quote]:
    text = marked_text(doc)
    if not text.strip():
        return []
    mem = _Memory(doc)
    spans = _mark_spans(text)
    quotes: list[Quote] = []
    inside = [False] * len(text)
    for s, e, _ in spans:
        # two characters either side: `` and '' are two-character marks
        for k in range(max(0, s - 2), min(len(text), e + 2)):
            inside[k] = True
    mem.inside = inside
    # indirect speech first: its speakers join the memory pronouns draw on
    indirect = _indirect(doc, mem, inside)
    pending: list[Quote] = []  # quotes of an unclosed wire-style run waiting for a speaker
    for s, e, closed in spans:
        if not closed:
            # an attribution inside a stretch that never closes: the closing
            # mark is missing ('the slogan "Reject the bill, said the
            # organisers'); the quote ends where the attribution begins
            cut = re.search(r"[,;]\s+(?:said|says|told|tells|added|adds|wrote|writes|asked|insisted)\b", text[s:e])
            if cut:
                e = s + cut.start()
        q = _direct(doc, mem, s, e, closed, inside)
        if q is None:
            continue
        if q.speaker is None and q.kind == "direct" and not closed:
            pending.append(q)
            quotes.append(q)
            continue
        if q.speaker is not None and pending and q.kind == "direct":
            for p in pending:
                p.speaker = Speaker(q.speaker.text, q.speaker.start, q.speaker.end, q.speaker.name)
                p.cue = p.cue or q.cue
            pending = []
        elif q.speaker is None and q.kind == "direct" and pending:
            pass
        else:
            pending = []
        quotes.append(q)
    # a direct quote with no attribution of its own continues the last speaker
    # only when it stands alone as a paragraph following that speaker's quote.
    last = None
    for q in quotes:
        if last is not None and last.speaker is not None and _continues(text, last, q) and (
                q.speaker is None or q.kind == "partial" and not _person_mention(doc, q.speaker)):
            # a further fragment of the same sentence ('... said the district
            # had been "a tough hold" and predicted the seat would be "back"')
            q.speaker = Speaker(last.speaker.text, last.speaker.start, last.speaker.end, last.speaker.name)
            q.cue = last.cue
        elif q.speaker is None and q.kind == "direct":
            found = _context_speaker(doc, mem, q)
            if found is not None:
                q.speaker, q.cue = found
        last = q
    # "Les Nuits de Clichy", "Nineteen Eighty-Four": a work's title, nobody speaking
    quotes = [q for q in quotes if q.speaker is not None or not _looks_like_title(q.text)]
    quotes = _merge_runs(text, quotes)
    quotes.extend(indirect)
    quotes.sort(key=lambda q: q.start)
    _speaker_codes(doc, quotes)
    original = doc.text
    for q in quotes:  # the contract: a quote's text is the record's text at its offsets
        q.text = original[q.start:q.end]
    return quotes


def _person_mention(doc: Doc, sp: Speaker) -> bool:
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand") if sp.start is not None else None
    return span is not None and (_person_like(span.root) or span.root.ent_type_ in ("ORG", "NORP", "GPE"))


TITLE_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "&",
               "de", "la", "le", "les", "du", "des", "el", "los", "las", "di", "der", "die", "das", "und"}


def _looks_like_title(inner: str) -> bool:
    """Up to five words, every one capitalised but for small words: a title or name, not speech."""
    words = inner.strip().rstrip(",.;:!?").split()
    if not words or len(words) > 5:
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL for w in words)


def _continues(text: str, last: Quote, q: Quote) -> bool:
    """``q`` has no attribution of its own and goes on with ``last``'s speaker:
    the next paragraph of a wire-style run (``"A.\\n\\n"B."``), the next
    sentence after the attribution (``"A," Liu told reporters on Monday.
    "B."``), or a further fragment of one mixed sentence (``called it "a
    disgrace" and said it was "a blank check"``)."""
    if last.kind != q.kind:
        return False
    between = text[last.end:q.start]
    if q.kind == "partial":
        return "\n" not in between and not re.search(r"[.!?][\"”’]?\s", between) and len(between) < 250
    if len(between) < 6 and between.count("\n") >= 1:
        return True
    if "\n" in between or len(between) > 250:
        return False
    # one sentence end at most: the attribution's own
    inner = between.lstrip(" \t\"”’.,!?;:—–-").rstrip(" \t\"“‘«„")
    ends = [m for m in re.finditer(r"[.!?][\"”’]?\s", inner + " ")
            if not ABBREV.search(inner[:m.start() + 1])]
    return len(ends) <= 1


# "Sen.", "Rep.", "U.S.", "Jan.": a period that ends no sentence
ABBREV = re.compile(r"(?:\b(?:Sen|Rep|Reps|Gov|Lt|Gen|Col|Capt|Sgt|Cmdr|Adm|Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Rev|"
                    r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Nos|Pa|Va|Calif|Fla|Mass|Ill|Mich|Ariz|Colo|"
                    r"Conn|Ga|Md|Minn|Mo|Nev|Okla|Ore|Tenn|Tex|Wash|Wis|Ky|La|Ala|Miss|vs|etc|Inc|Corp|Co|Ltd)|"
                    r"\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])\.$")


# Nouns for what someone said: "His message was blunt.", "The remark came
# from X", "Ostrander's answer prompted laughter".
SPEECH_NOUNS = {"remark", "comment", "answer", "response", "reply", "retort", "message", "word",
                "statement", "reaction", "quip", "verdict", "tone", "assessment", "warning", "rejoinder"}
# Role nouns that name a person: "the comptroller replied", "The chairman was blunt".
ROLE_NOUNS = {"president", "minister", "senator", "congressman", "congresswoman", "representative",
              "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
              "chair", "secretary", "ambassador", "envoy", "negotiator", "comptroller", "director",
              "leader", "candidate", "judge", "justice", "prosecutor", "attorney", "lawmaker", "aide",
              "adviser", "advisor", "chancellor", "premier", "general", "commander", "chief", "head",
              "analyst", "economist", "expert", "professor", "researcher", "incumbent", "challenger",
              "nominee", "speaker", "inspector", "administrator", "mp", "campaigner", "organiser",
              "organizer", "member"} | PERSON_NOUNS


def _person_like(tok: Token, known: frozenset = frozenset()) -> bool:
    if tok.lower_ in ("he", "she", "they", "i", "we", "his", "her", "their"):
        return True
    if tok.text in known:  # a surname the tagger took for a common noun
        return True
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and tok.ent_type_ in ("", "ORG", "NORP"):
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in ROLE_NOUNS


def _said_by(tok: Token, known: frozenset = frozenset()) -> Optional[Token]:
    """The speaker of a speech noun: its possessor ("Ostrander's answer",
    "His message") or its "of"/"from" object ("the response of X")."""
    for ch in tok.children:
        if ch.dep_ == "poss" and _person_like(ch, known):
            return _with_appos(ch)
    for ch in list(tok.children) + (list(tok.head.children) if tok.dep_ in ("nsubj", "attr") else []):
        if ch.dep_ in ("prep", "agent") and ch.lower_ in ("of", "from", "by"):
            for g in ch.children:
                if g.dep_ == "pobj" and _person_like(g, known):
                    return _with_appos(g)
    return None


def _context_speaker(doc: Doc, mem: "_Memory", q: Quote) -> Optional[tuple[Speaker, str]]:
    """A whole-sentence quote with no cue of its own: the speaker named in the
    sentence right after it in the paragraph ("... ." The remark came from
    Rep. Byers), else the subject of the sentence that introduces it, in the
    paragraph or closing the one before ("Byers was unimpressed. "...",
    "Lindgren was upbeat: "...", "Asked about it, she laughed.\\n\\n"...")."""
    text = marked_text(doc)
    tok = None
    known = frozenset(w for p in mem.people for w in p.name.split())
    # after: the next sentence in the same paragraph
    j = q.end
    while j < len(text) and text[j] in "\"”’»":
        j += 1
    rest = text[j:j + 4]
    if text[q.end - 1:q.end] in ".!?" or rest[:1] in ".!?" or text[q.end:q.end + 1] in "\"”" and text[q.end - 1:q.end] in ".!?":
        k = j
        while k < len(text) and text[k] in " .!?":
            k += 1
        if k < len(text) and text[k] not in "\n\"“":
            nxt = doc.char_span(k, min(len(text), k + 1), alignment_mode="expand")
            if nxt is not None and len(nxt):
                sent = nxt[0].sent
                for t in sent[:16]:
                    if t.lemma_.lower() in SPEECH_NOUNS and t.pos_ == "NOUN":
                        tok = _said_by(t, known)
                        if tok is not None:
                            break
    # before: the sentence that introduces the quote
    if tok is None:
        i = q.start - 1
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if i > 0 and text[i - 1] == "\n":
            # the quote opens a paragraph: the last sentence of the one before
            # (never a paragraph that is itself a quote)
            while i > 0 and text[i - 1].isspace():
                i -= 1
        if i <= 0:
            return None
        last_tok = doc.char_span(i - 1, i, alignment_mode="expand")
        if last_tok is None or not len(last_tok):
            return None
        lt = last_tok[-1]
        if lt.text in ("\"", "”") or lt.is_space:
            return None
        sent = lt.sent
        before = [t for t in sent if t.idx < q.start - 1 and not t.is_space]
        if not before:
            return None
        ids = {t.i for t in before}
        roots = [t for t in before if t.head.i not in ids or t.head.i == t.i]
        root = next((t for t in roots if t.pos_ in ("VERB", "AUX")), None)
        if root is None:
            return None
        subj = _cue_subject(root)
        if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in SPEECH_NOUNS:
            subj = _said_by(subj, known)
        if subj is None and before[-1].text == ":":
            # "Speaking after the meeting, the chief negotiator, Maroš
            # Lindgren, was upbeat:" (a parse without a subject): the last
            # person named before the colon
            subj = next((t for t in reversed(before) if t.ent_type_ == "PERSON"), None)
        if subj is None or not _person_like(subj, known):
            return None
        tok = subj
    span = _mention(doc, tok)
    name, p = mem.resolve(span)
    if p is not None:
        mem.speak(span.start_char, p)
    return Speaker(span.text, span.start_char, span.end_char, name), None


def _merge_runs(text: str, quotes: list[Quote]) -> list[Quote]:
    """One quote per attribution: pieces that share one speaker mention are
    one discontinuous quotation, as annotated corpora (PARC, PolNeAR) count
    it. ``"A," Roth said, "B."``, ``"A," Roth said. "B."``, a wire-style
    quote running over several paragraphs, and the quoted fragments of one
    mixed sentence (``called it "a disgrace" and said it was "a blank
    check"``) become one quote spanning the first piece to the last; its
    text is ``text[start:end]``, attribution clause included, and
    ``segments`` lists the quoted pieces alone. A piece with its own cue
    ("..., he added") stays separate."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == q.kind and q.kind in ("direct", "partial") \
                and _same_mention(prev.speaker, q.speaker) and _joinable(text, prev, q):
            prev.segments = prev.pieces() + q.pieces()
            prev.end = q.end
            prev.text = text[prev.start:prev.end]
            prev.cue = prev.cue or q.cue
            prev.attribution = prev.attribution or q.attribution
            continue
        out.append(q)
    return out


def _same_mention(a: Optional[Speaker], b: Optional[Speaker]) -> bool:
    return a is not None and b is not None and a.start is not None and (a.start, a.end) == (b.start, b.end)


def _joinable(text: str, a: Quote, b: Quote) -> bool:
    between = text[a.end:b.start]
    if not _para_gap(between):
        return True
    # across paragraphs only an unclosed wire-style run, or a paragraph that
    # is nothing but the next part of the quote
    return not between.strip(" \t\n\r\"“”«»„,.;:—–-")


def _para_gap(between: str) -> bool:
    return "\n\n" in between or bool(re.search(r"\n\s*[“\"«„]\s*$", between))


def _speaker_codes(doc: Doc, quotes: list[Quote]) -> None:
    """Country and sector of each speaker from doc._.entities: the entity at
    the mention, else the one whose name the mention resolved to."""
    ents = [e for e in (getattr(doc._, "entities", None) or []) if e.country or e.sector]
    if not ents:
        return
    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        hit = next((e for e in ents if sp.start is not None and e.start < sp.end and sp.start < e.end), None)
        if hit is None and sp.name:
            hit = next((e for e in ents if e.name == sp.name), None)
        if hit is not None:
            sp.country, sp.sector = hit.country, hit.sector


def _sent_tokens_outside(doc: Doc, s: int, e: int) -> tuple[list[Token], list[Token]]:
    """Tokens of the sentences around [s, e) that lie outside the quote: before, after."""
    first = doc.char_span(s, s + 1, alignment_mode="expand")
    last = doc.char_span(max(s, e - 1), e, alignment_mode="expand")
    if first is None or last is None or not len(first) or not len(last):
        return [], []
    sb, se = first[0].sent, last[-1].sent
    before = [t for t in sb if t.idx + len(t) <= s - 1]
    # the attribution after a closing mark may be parsed as a sentence of its own
    after_tokens = [t for t in se if t.idx >= e + 1]
    if not after_tokens and se.end < len(doc):
        nxt = doc[se.end].sent
        if "\n\n" not in doc.text[e:nxt.start_char] and nxt.start_char - e < 4:
            after_tokens = [t for t in nxt if t.idx >= e + 1]
    return before, after_tokens


def _until_para(toks: list[Token]) -> list[Token]:
    out = []
    for t in toks:
        if t.is_space and "\n" in t.text or "\n\n" in t.whitespace_:
            if not t.is_space:
                out.append(t)
            break
        out.append(t)
    return out


def _direct(doc, mem, s, e, closed, inside) -> Optional[Quote]:
    text = marked_text(doc)
    inner = text[s:e]
    words = inner.split()
    before, after = _sent_tokens_outside(doc, s, e)
    # trim "after" at the next quote mark (split quotes: "A," Roth said, "B.")
    # never look across a paragraph break for the attribution
    after = _until_para(after)
    before = list(reversed(_until_para(list(reversed(before)))))
    cut = []
    for t in after:
        if t.text in QUOTE_TOKENS or t.idx < len(inside) and inside[t.idx] and t.idx > e + 2:
            break
        cut.append(t)
    after = cut
    if after and re.search(r"[.!?]$", inner.rstrip()) and after[-1].text == ":":
        # '"Totally over." Clinton, asked about it, said: "We'll see."': the
        # clause after a finished sentence introduces the next quote
        after = []
    bcut = []
    for t in reversed(before):
        if t.text in QUOTE_TOKENS or inside[t.idx]:
            break
        bcut.insert(0, t)
    before = bcut
    prev_text = text[:s - 1].rstrip()
    prev_ch = prev_text[-1:] if prev_text else ""
    stripped_before = [t for t in before if not t.is_space]
    # Titles of works / outlets: told "Fox & Friends", watch "X", in "Y" magazine
    if closed and len(words) <= 5 and inner[:1].isupper() and not re.search(r"[.!?]$", inner.strip()):
        prev_word = stripped_before[-1].lemma_.lower() if stripped_before else ""
        titled = sum(1 for w in words if w[:1].isupper() or w in ("&", "of", "and", "the"))
        if prev_word in ("'s", "’s", "tell", "on", "in", "watch", "read", "title", "titled", "entitle", "entitled", "call", "to", "with", "host", "show", "newspaper", "program", "programme") and titled == len(words):
            return None
    direct = (not stripped_before or prev_ch in (":", ",", "—", "–", "") or prev_ch == "\n"
              or text[max(0, s - 3):s - 1].strip() == "" and (prev_ch in ".!?\n" or not prev_ch)
              or prev_ch in ".!?")
    ends_punct = bool(re.search(r"[.,!?…]\W?$", inner.strip()))
    if not direct and len(words) >= 6 and ends_punct:
        direct = prev_ch in (":", ",")
    kind = "direct" if direct else "partial"
    cue = None
    sp_tok = None
    attribution = None
    # 1) a cue verb outside the marks, its subject the speaker
    if kind == "partial" and re.search(r"[.!?]$", inner.strip()):
        after = []  # the sentence ends inside the marks: what follows is another sentence
    # the nearest cue first: 'Brandt had said that half belonged in what she called a "basket"' is hers via "she"
    cands = after + list(reversed(before)) if kind == "direct" else list(reversed(before)) + list(after)
    frame_tok, frame = _frame_speaker(doc, [t for t in (before + after)])
    for t in cands:
        if t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX") or t.lower_ in ("said", "says", "told", "added", "asked", "wrote", "tweeted"):
            subj = _cue_subject(t)
            if subj is not None and not (s <= subj.idx < e):
                cue, sp_tok = t.text, subj
                # "The campaign responded with a statement from spokesman
                # Brian Fallone:": the named author of the statement speaks
                for x in t.subtree:
                    if x.pos_ == "NOUN" and x.lemma_.lower() in SPEECH_NOUNS and not (s <= x.idx < e):
                        by = next((g for p in x.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                                   for g in p.children if g.dep_ == "pobj" and _person_like(g)), None)
                        if by is not None and by.i != subj.i and not (s <= by.idx < e):
                            sp_tok = _with_appos(by)
                            break
                break
    # 2) "— Roth" after the quote
    dash = re.match(r"\s*[—–-]{1,2}\s*((?:[A-Z][\w.'’-]+\s?){1,4})", text[e + 1:e + 60]) if closed else None
    if sp_tok is None and dash:
        ds = e + 1 + dash.start(1)
        span = doc.char_span(ds, ds + len(dash.group(1).rstrip()), alignment_mode="expand")
        if span is not None:
            name, p = mem.resolve(span)
            if p:
                mem.speak(ds, p)
            return Quote(inner, s, e, kind, "—", Speaker(span.text, span.start_char, span.end_char, name or span.text))
    if frame_tok is not None and frame_tok is not sp_tok:
        if sp_tok is not None and (_is_media(_mention(doc, sp_tok).text) or frame in ("for", "according to")):
            attribution = _mention(doc, sp_tok).text if _is_media(_mention(doc, sp_tok).text) else None
            sp_tok, cue = frame_tok, frame
        elif sp_tok is None:
            sp_tok, cue = frame_tok, frame
    if sp_tok is None and kind == "partial" and len(words) <= 3:
        return None  # scare quotes with nobody speaking ('the so-called "reform package"'): not a quote
    if sp_tok is not None and sp_tok.head.lemma_ == "quote":
        # "GMA News quoted the minister as saying": the one quoted speaks
        if is_outlet(_mention(doc, sp_tok)):
            attribution = attribution or _mention(doc, sp_tok).text
        sp_tok = _quoted_as_saying(sp_tok)
    elif sp_tok is not None and is_outlet(_mention(doc, sp_tok)):
        # "..., the Coastal Star reported": the outlet reports, it does not speak
        attribution = attribution or _mention(doc, sp_tok).text
        sp_tok = None
    speaker = None
    if sp_tok is not None:
        span = _mention(doc, sp_tok)
        name, p = mem.resolve(span)
        if _is_media(span.text) and attribution is None and kind == "partial" and frame is None:
            attribution = span.text
        speaker = Speaker(span.text, span.start_char, span.end_char, name)
        if p is not None:
            mem.speak(span.start_char, p)
        elif name is not None and span.root.lower_ not in PRONOUNS:
            mem.last_group = name
        elif name is None and span.root.pos_ == "NOUN" and span.root.lemma_.lower() in PERSON_NOUNS:
            mem.speak(span.start_char, None)
    return Quote(inner, s, e, kind, cue, speaker, attribution)


def _indirect(doc: Doc, mem: _Memory, inside: list[bool]) -> list[Quote]:
    """`X said (that) CLAUSE`, `according to X, CLAUSE`, `CLAUSE, X said.` without marks."""
    out = []
    text = marked_text(doc)
    for sent in doc.sents:
        if any(inside[t.idx] for t in sent if t.idx < len(inside)):
            continue
        for t in sent:
            if t.lemma_.lower() not in INDIRECT_LEMMAS or t.pos_ != "VERB":
                continue
            comp = [c for c in t.children if c.dep_ == "ccomp"]
            subj = _cue_subject(t)
            if not comp or subj is None:
                continue
            if subj.pos_ == "NOUN" and subj.ent_type_ == "" and not any(c.dep_ == "det" for c in subj.children):
                continue
            c = comp[0]
            toks = list(c.subtree)
            if toks and toks[0].lower_ == "that" and toks[0].dep_ == "mark":
                toks = toks[1:]
            while toks and (toks[-1].is_punct or toks[-1].is_space):
                toks = toks[:-1]
            while toks and (toks[0].is_punct or toks[0].is_space):
                toks = toks[1:]
            if len(toks) < 3 or not any(x.pos_ in ("VERB", "AUX") for x in toks):
                continue
            if subj.i in range(toks[0].i, toks[-1].i + 1):
                continue
            qs, qe = toks[0].idx, toks[-1].idx + len(toks[-1])
            span = _mention(doc, subj)
            name, p = mem.resolve(span)
            if name is None and span.root.pos_ != "PROPN":
                continue  # "it said", "the report said": keep precision high
            if p is not None:
                mem.speak(span.start_char, p)
            out.append(Quote(text[qs:qe], qs, qe, "indirect", t.text,
                             Speaker(span.text, span.start_char, span.end_char, name)))
            break
        else:
            for t in sent:
                if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                    head_clause = t.head
                    while head_clause.dep_ not in ("ROOT",) and head_clause.head is not head_clause:
                        head_clause = head_clause.head
                    pobj = next((g for g in doc[t.i + 1].children if g.dep_ == "pobj"), None)
                    if pobj is None:
                        continue
                    span = _mention(doc, pobj)
                    name, _p = mem.resolve(span)
                    if name is None:
                        break
                    acc_end = doc[t.i + 1].right_edge.i
                    toks = [x for x in sent if not (t.i <= x.i <= acc_end) and not x.is_space]
                    while toks and toks[-1].is_punct:
                        toks.pop()
                    while toks and toks[0].is_punct:
                        toks.pop(0)
                    if len(toks) < 3:
                        break
                    qs, qe = toks[0].idx, toks[-1].idx + len(toks[-1])
                    out.append(Quote(text[qs:qe], qs, qe, "indirect", "according to",
                                     Speaker(span.text, span.start_char, span.end_char, name)))
                    break
    return out
