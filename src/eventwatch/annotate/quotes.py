"""Quotations and their speakers: ``find_quotes(doc) -> list[Quote]``.

Rules, not a model: quote marks are paired by a scanner that tolerates odd
counts, mixed straight/curly marks and apostrophes; the speaker is the
subject of a speech verb outside the marks (dependency parse), or a frame
("according to X", "For X,", "— X"); mentions are resolved to full names
with an article-level memory of people, their titles and their gender.

This module assembles quotes; its parts are quote_marks (pairing marks),
quote_people (the people memory), quote_speakers (who speaks) and
quote_words (the word lists and first-name data files).
"""
from __future__ import annotations

import bisect
import logging
import re
import threading
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..models import Quote, Speaker
from .extensions import doc_text
from .quote_marks import QUOTE_TOKENS, mark_spans, marked_text
from .quote_people import Memory
from .quote_speakers import (context_speaker, cue_subject, frame_speaker, is_media, is_outlet, not_said, not_speech,
                             person_like, quoted_as_saying, reporting_subject, speaker_mention, with_appos)
from .quote_words import CUE_LEMMAS, INDIRECT_LEMMAS, PERSON_NOUNS, PRONOUNS, SPEECH_NOUNS

log = logging.getLogger(__name__)


def find_quotes(doc: Doc) -> list[Quote]:
    text = marked_text(doc)
    if not text.strip():
        return []
    mem = Memory(doc)
    spans = mark_spans(text)
    quotes: list[Quote] = []
    inside = [False] * len(text)
    for s, e, _ in spans:
        # two characters either side: `` and '' are two-character marks
        for k in range(max(0, s - 2), min(len(text), e + 2)):
            inside[k] = True
    mem.inside = inside
    quoted = [False] * len(text)  # strictly within the marks: no speaker is ever there
    for s, e, _ in spans:
        quoted[s:e] = [True] * (e - s)
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
        q = _direct(doc, mem, s, e, closed, inside, quoted)
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
        if last is not None and last.speaker is not None and not q.attribution and _continues(text, last, q) and (
                q.speaker is None or q.kind == "partial" and not _person_mention(doc, q.speaker)):
            # a further fragment of the same sentence ('... said the district
            # had been "a tough hold" and predicted the seat would be "back"')
            q.speaker = Speaker(last.speaker.text, last.speaker.start, last.speaker.end, last.speaker.name)
            q.cue = last.cue
        elif q.speaker is None and q.kind == "direct" and not q.attribution:
            # (an outlet's report with no speaker named is left without one, not guessed from context)
            found = context_speaker(doc, mem, q)
            if found is not None and not (found[0].start is not None and quoted[found[0].start]):
                q.speaker, q.cue = found
        last = q
    # "Les Nuits de Clichy", "Nineteen Eighty-Four": a work's title, nobody speaking
    quotes = [q for q in quotes if q.speaker is not None or not _looks_like_title(q.text)]
    quotes = _merge_runs(text, quotes)
    quotes.extend(indirect)
    quotes.sort(key=lambda q: q.start)
    _speaker_codes(doc, quotes)
    original = doc_text(doc)
    for q in quotes:  # the contract: a quote's text is the record's text at its offsets
        q.text = original[q.start:q.end]
    return quotes


def _person_mention(doc: Doc, sp: Speaker) -> bool:
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand") if sp.start is not None else None
    return span is not None and (person_like(span.root) or span.root.ent_type_ in ("ORG", "NORP", "GPE"))


TITLE_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "&",
               "de", "la", "le", "les", "du", "des", "el", "los", "las", "di", "der", "die", "das", "und"}


def _looks_like_title(inner: str) -> bool:
    """Up to five words, every one capitalised but for small words: a title or name, not speech."""
    words = inner.strip().rstrip(",.;:!?").split()
    if words and words[0] in ("the", "The") and len(words) > 2:
        words = words[1:]  # 'a cell calling itself "the Lions of the Caliphate in the Maghreb"'
    if not words or len(words) > 9:
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


# per thread (the API codes requests in threads): the last document, its sentences, their starts
_SENTS = threading.local()


def _sent_of(doc: Doc, i: int) -> Span:
    """The sentence of token ``i``: ``Token.sent`` walks the document from its start on every
    call, and a long story with many quotes asked it hundreds of times."""
    if getattr(_SENTS, "doc", None) is not doc:
        _SENTS.doc, _SENTS.sents = doc, list(doc.sents)
        _SENTS.starts = [x.start for x in _SENTS.sents]
    return _SENTS.sents[bisect.bisect_right(_SENTS.starts, i) - 1]


def _sent_tokens_outside(doc: Doc, s: int, e: int) -> tuple[list[Token], list[Token]]:
    """Tokens of the sentences around [s, e) that lie outside the quote: before, after."""
    first = doc.char_span(s, s + 1, alignment_mode="expand")
    last = doc.char_span(max(s, e - 1), e, alignment_mode="expand")
    if first is None or last is None or not len(first) or not len(last):
        return [], []
    sb, se = _sent_of(doc, first[0].i), _sent_of(doc, last[-1].i)
    text = doc_text(doc)
    # `` and '' marks are two characters (and two tokens for spaCy)
    open_w = 2 if text[max(0, s - 2):s] in ("``", "''") else 1
    close_w = 2 if text[e:e + 2] == "''" else 1
    before = [t for t in sb if t.idx + len(t) <= s - open_w]
    # the attribution after a closing mark may be parsed as a sentence of its own
    after_tokens = [t for t in se if t.idx >= e + close_w]
    if not after_tokens and se.end < len(doc):
        nxt = _sent_of(doc, se.end)
        if "\n\n" not in doc_text(doc)[e:nxt.start_char] and nxt.start_char - e < 4:
            after_tokens = [t for t in nxt if t.idx >= e + close_w]
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


def _direct(doc, mem, s, e, closed, inside, quoted) -> Optional[Quote]:
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
    if after and _ends_sentence(inner) and after[0].text[:1].isupper() and not after[0].is_punct:
        # '"..., he said. "B." Douglas Paal, of the Carnegie Endowment, said ...':
        # a quote closed on a full stop ends its sentence; a capital after it
        # starts the next one, whose cue is someone else's
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
    if len(stripped_before) == 1 and stripped_before[0].lower_ in ("but", "and", "yet") \
            and stripped_before[0].is_sent_start and inner[:1].isupper() and _ends_sentence(inner):
        stripped_before = []  # 'But "President Trump is the dissenter."': a whole quoted sentence
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
    frame_tok, frame = frame_speaker(doc, [t for t in (before + after)])
    if frame_tok is not None and quoted[frame_tok.idx]:
        # 'They should consider it," she added, describing ... as "baseless."':
        # a word of another quote is no speaker
        frame_tok, frame = None, None
    for t in cands:
        if t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX") or t.lower_ in ("said", "says", "told", "added", "asked", "wrote", "tweeted"):
            if not_speech(t):
                continue
            if _subordinate(t) and not (t.left_edge.idx <= s and e <= t.right_edge.idx + len(t.right_edge)):
                # 'Alinejad said that while Mehdiyev was testifying, she was "...":
                # a speech verb of a while/when clause the quote is not in
                continue
            subj = reporting_subject(t) or cue_subject(t)
            if subj is not None and s <= subj.idx < e and t.idx >= e:
                # '"... at crash site," Taliban spokesman Zabihullah Mujahid
                # tweeted': the parser took words of the quote for the subject
                subj = _between_subject(doc, e, t)
            if subj is not None and not (s <= subj.idx < e) and not quoted[subj.idx]:
                cue, sp_tok = t.text, subj
                # "The campaign responded with a statement from spokesman
                # Brian Fallone:": the named author of the statement speaks
                for x in t.subtree:
                    if x.pos_ == "NOUN" and x.lemma_.lower() in SPEECH_NOUNS and not (s <= x.idx < e):
                        by = next((g for p in x.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                                   for g in p.children if g.dep_ == "pobj" and person_like(g)), None)
                        if by is not None and by.i != subj.i and not (s <= by.idx < e):
                            sp_tok = with_appos(by)
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
    # an outlet speaks only in its own words, an editorial ("the Star said in an editorial")
    editorial = any(t.lower_ in ("editorial", "editorials") for t in before + after)
    if frame == "according to" and sp_tok is not None and frame_tok is not sp_tok \
            and (person_like(sp_tok) or sp_tok.pos_ == "NOUN") and not is_outlet(speaker_mention(doc, sp_tok)):
        # '"...," the minister said, according to GMA News', 'According to
        # police, the suspect shouted "..."': the source carries the person's
        # words, it does not replace her
        attribution = speaker_mention(doc, frame_tok).text
        frame_tok, frame = None, None
    if frame_tok is not None and frame_tok is not sp_tok:
        if sp_tok is not None and (is_media(speaker_mention(doc, sp_tok).text) or frame in ("for", "according to")):
            attribution = speaker_mention(doc, sp_tok).text if is_media(speaker_mention(doc, sp_tok).text) else None
            sp_tok, cue = frame_tok, frame
        elif sp_tok is None:
            sp_tok, cue = frame_tok, frame
    if sp_tok is None and kind == "partial" and len(words) <= 3:
        return None  # scare quotes with nobody speaking ('the so-called "reform package"'): not a quote
    if sp_tok is not None and sp_tok.head.lemma_ == "quote":
        # "GMA News quoted the minister as saying": the one quoted speaks
        if is_outlet(speaker_mention(doc, sp_tok)):
            attribution = attribution or speaker_mention(doc, sp_tok).text
        sp_tok = quoted_as_saying(sp_tok)
    elif sp_tok is not None and is_outlet(speaker_mention(doc, sp_tok)) and not editorial:
        # "..., the Coastal Star reported": the outlet reports, it does not speak
        attribution = attribution or speaker_mention(doc, sp_tok).text
        sp_tok = None
    speaker = None
    if sp_tok is not None:
        span = speaker_mention(doc, sp_tok)
        name, p = mem.resolve(span)
        if is_media(span.text) and attribution is None and kind == "partial" and frame is None and not editorial:
            attribution = span.text
        speaker = Speaker(span.text, span.start_char, span.end_char, name)
        if p is not None:
            mem.speak(span.start_char, p)
        elif name is not None and span.root.lower_ not in PRONOUNS:
            mem.last_group = name
        elif name is None and span.root.pos_ == "NOUN" and span.root.lemma_.lower() in PERSON_NOUNS:
            mem.speak(span.start_char, None)
    if editorial and speaker is not None and attribution == speaker.text:
        attribution = None  # the outlet's own words: it speaks, nobody is reported
    return Quote(inner, s, e, kind, cue, speaker, attribution)


SUBORDINATORS = {"while", "when", "as", "after", "before", "because", "since", "although", "though",
                 "if", "until", "whereas", "once", "whenever"}


def _subordinate(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children)


def _between_subject(doc: Doc, e: int, verb: Token) -> Optional[Token]:
    """The noun phrase between a closing mark and its cue verb, by its last name-like word."""
    toks = []
    k = verb.i - 1
    while k >= 0 and doc[k].idx > e:  # back from the verb to the closing mark only
        if not (doc[k].is_punct or doc[k].is_space):
            toks.insert(0, doc[k])
        k -= 1
    names = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
    if names and all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART") or t.ent_type_ for t in toks):
        return names[-1]
    return None


def _ends_sentence(inner: str) -> bool:
    """A full stop closes the quoted words ("... the same thing."), not an
    ellipsis or an abbreviation ("U.S.", "Sen.")."""
    s = inner.rstrip(" \"'”’")
    return s.endswith(".") and not s.endswith("..") and not ABBREV.search(s)


def _indirect(doc: Doc, mem: Memory, inside: list[bool]) -> list[Quote]:
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
            subj = cue_subject(t)
            if not comp or subj is None or not_said(t):
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
            span = speaker_mention(doc, subj)
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
                    span = speaker_mention(doc, pobj)
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
