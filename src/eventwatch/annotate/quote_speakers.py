"""Speakers: the subject of a speech verb, a frame ("according to X", "For X,"),
or the sentence around a quote that has no cue of its own; outlets are not speakers."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..models import Quote, Speaker
from .actors import load_actor_dictionary
from .quote_marks import marked_text
from .quote_words import INDIRECT_LEMMAS, MEDIA_WORDS, PRONOUNS, ROLE_NOUNS, SPEECH_NOUNS


def speaker_mention(doc: Doc, tok: Token) -> Span:
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
    r"Courier|Mirror|Bulletin|Examiner|Dispatch|"
    r"Reuters|AFP|Xinhua|BBC|CNN|Bloomberg|Interfax|Yonhap|Kyodo|Tass|TASS)$")


def is_outlet(span: Span) -> bool:
    """A news outlet's name (not a person, not "press secretary")."""
    if span.root.ent_type_ == "PERSON" or span.root.lower_ in PRONOUNS:
        return False
    entry = load_actor_dictionary().lookup(span.text)
    if entry is not None:
        return entry.kind == "media"
    return bool(OUTLET_END.search(span.text.strip())) and span.root.pos_ == "PROPN"


def quoted_as_saying(outlet: Token) -> Optional[Token]:
    """X in "<outlet> quoted X as saying", else None."""
    verb = outlet.head
    if verb.lemma_ != "quote":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and _good_subject(c)), None)


def is_media(text: str) -> bool:
    return bool(MEDIA_WORDS.search(text))


def _good_subject(tok: Token) -> bool:
    if tok.lower_ in PRONOUNS:
        # object forms never head a speech clause; "we"/"I" are resolved later
        return tok.lower_ not in ("him", "her")
    return tok.pos_ in ("PROPN", "NOUN") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def with_appos(tok: Token) -> Token:
    """"Amnesty's regional director, Joanna Park": the named apposition speaks."""
    for ch in tok.rights:
        if ch.dep_ == "appos" and ch.ent_type_ == "PERSON":
            return ch
    for ch in tok.rights:
        # "The mayor, Ana Ruiz,": a capitalised name the model did not tag names the role
        if ch.dep_ == "appos" and ch.pos_ == "PROPN" and tok.pos_ == "NOUN" and ch.ent_type_ in ("", "PERSON"):
            return ch
    if tok.pos_ == "NOUN":
        # "The senator from Ohio, Carla Whitfield": the parser hangs the
        # name on "Ohio"; any named apposition inside the phrase speaks
        for t in tok.subtree:
            if t.i > tok.i and t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.head.dep_ in ("pobj", "appos"):
                return t
    return tok


RELATIVE = {"who", "which", "that", "whom"}


def cue_subject(verb: Token) -> Optional[Token]:
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
        return with_appos(subj) if subj is not None else None
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
            return with_appos(head) if _good_subject(head) else None
        if ch.dep_ in ("nsubj", "nsubjpass") and _good_subject(ch):
            # "A media analyst at USC, Gatov also noted": two subjects for
            # one verb, the role and the name; the name speaks
            named = next((c for c in verb.children if c.i > ch.i and c.dep_ == "nsubj" and c.pos_ == "PROPN"
                          and ch.pos_ == "NOUN"), None)
            return with_appos(named or ch)
    # "..., said Roth" sometimes parses Roth as dobj/attr/npadvmod (an
    # organisation as the object of a verb that does not follow the quote is
    # its object: 'welcomed the deal but criticized Congress for "..."')
    inverted = verb.i > 0 and (verb.doc[verb.i - 1].is_punct or verb.doc[verb.i - 1].is_space)
    for ch in verb.rights:
        if ch.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd") and (
                ch.ent_type_ == "PERSON" or ch.ent_type_ == "ORG" and (inverted or ch.dep_ != "dobj")):
            return ch
        if ch.dep_ in ("dobj", "attr", "npadvmod", "oprd") and ch.pos_ == "NOUN":
            app = with_appos(ch)
            if app is not ch:
                return app
            if ch.lemma_.lower() in ROLE_NOUNS and verb.lemma_ not in ("tell", "ask", "quote") and ch.i > verb.i \
                    and inverted:
                # '"...," lamented a shopkeeper': the inverted subject, parsed as
                # object; only a verb right after the quote inverts ('urged
                # voters to "..."' addresses them)
                return ch
    # passive "was quoted by" / agent
    for ch in verb.children:
        if ch.dep_ == "agent":
            for g in ch.children:
                if g.dep_ == "pobj":
                    return g
    # conjoined verb: "Roth arrived and said"
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return cue_subject(verb.head) if verb.head is not verb else None
    # a participle or infinitive without a subject of its own takes its
    # clause's: "Danforth struck a measured tone, calling the outages ...",
    # "She campaigned on costs, telling voters: ..."
    if verb.dep_ in ("advcl", "xcomp", "acl") and verb.tag_ in ("VBG", "VB", "VBN") and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return cue_subject(verb.head)
    # "It issued a statement saying ...", "in a letter saying": the one who issued it
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in SPEECH_NOUNS | {"letter", "post", "email"}:
        up = verb.head
        while up.dep_ in ("dobj", "pobj", "prep") and up.head is not up:
            up = up.head
            if up.pos_ in ("VERB", "AUX"):
                return cue_subject(up) if up is not verb else None
    # a finite cue misparsed as a noun modifier: "The congresswoman, Rep. X, called ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN") and _good_subject(verb.head):
        return with_appos(verb.head)
    return None


# Cues that are speech only without an object: '"...," he continued / added',
# not 'agreed to continue talks', 'the deal adds $9 billion'
INTRANSITIVE_CUES = {"continue", "add"}


def not_speech(verb: Token) -> bool:
    """A cue word used for something else than speaking: a transitive "continue"/"add", or a denied saying."""
    if verb.lemma_.lower() in INTRANSITIVE_CUES and any(
            c.dep_ == "xcomp" or c.dep_ == "dobj" and c.lemma_.lower() not in ROLE_NOUNS and c.ent_type_ != "PERSON"
            for c in verb.children):
        return True  # ('"...," added a poll worker': the inverted subject, parsed as object, speaks)
    return not_said(verb)


def not_said(verb: Token) -> bool:
    """'has not said whether ...', 'did not say when': nothing is attributed."""
    neg = any(c.dep_ == "neg" for c in verb.children)
    return neg and any(c.dep_ == "ccomp" and any(m.lower_ in ("whether", "if", "when", "how", "why", "what", "where")
                                                  for m in c.subtree if m.i < c.i) for c in verb.children) \
        or neg and not any(c.dep_ == "ccomp" for c in verb.children) and verb.lemma_.lower() in ("say", "comment")


def reporting_subject(verb: Token) -> Optional[Token]:
    """The subject of the speech verb whose reported clause holds ``verb``, when
    ``verb`` has no subject of its own: 'said that it was not involved but
    praised "..."', 'said that he respected the right ... and urged voters
    to "..."' are the reporter's words, not a subject found inside them."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    for a in verb.ancestors:
        if a.dep_ == "ccomp" and a.head.pos_ in ("VERB", "AUX") and a.head.lemma_.lower() in INDIRECT_LEMMAS:
            # only a clause the reporter opens with "that" (a clause after ";"
            # parsed as its complement is a sentence of its own)
            if not any(c.dep_ == "mark" and c.lower_ == "that" for c in a.children) \
                    or any(t.text == ";" for t in verb.doc[a.head.i:verb.i]):
                return None
            return cue_subject(a.head)
        if a.dep_ in ("ROOT", "relcl", "advcl"):
            return None
    return None


def frame_speaker(doc: Doc, toks: list[Token]) -> tuple[Optional[Token], Optional[str]]:
    """A 'For X,' / 'according to X' / 'X called it' / 'X described ... as' frame, or None."""
    for t in toks:
        if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to" and not _in_relative(t):
            for g in doc[t.i + 1].children:
                if g.dep_ == "pobj":
                    return g, "according to"
            return doc[t.i + 2], "according to"
    for t in toks:
        if t.lower_ == "for" and (t.i == t.sent.start or doc[t.i - 1].is_punct):
            for g in t.children:
                if g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or g.lower_ in PRONOUNS and g.lower_ != "it"):
                    return g, "for"
            # misparse fallback: next PERSON entity right after "For"
            nt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nt is not None and nt.ent_type_ == "PERSON":
                return nt, "for"
    for t in toks:
        if t.lemma_ in ("call", "describe", "label", "dub", "term", "brand") and t.pos_ == "VERB":
            s = cue_subject(t)
            if s is not None:
                return s, t.text
    for t in toks:
        # "In a letter to the mayor, the secretary gave the city 30 days ... or
        # see the money '...'": the words are the letter's, its writer the
        # subject of the clause it frames
        if t.lower_ == "in" and t.i == t.sent.start and t.head.pos_ in ("VERB", "AUX") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in FRAME_NOUNS for g in t.children):
            s = cue_subject(t.head)
            if s is not None and person_like(s):
                return s, "in a " + next(g.lower_ for g in t.children if g.dep_ == "pobj")
    return None, None


# What a sentence-opening "In a ..." names as the words' carrier
FRAME_NOUNS = {"letter", "statement", "speech", "interview", "post", "email", "address", "memo", "tweet", "message"}


def _in_relative(tok: Token) -> bool:
    """Inside a relative clause: 'The politician, who according to French media
    is considering a run, says ...' - the frame is about the run, not the quote."""
    return any(a.dep_ == "relcl" for a in tok.ancestors)


def person_like(tok: Token, known: frozenset = frozenset()) -> bool:
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
        if ch.dep_ == "poss" and person_like(ch, known):
            return with_appos(ch)
    for ch in list(tok.children) + (list(tok.head.children) if tok.dep_ in ("nsubj", "attr") else []):
        if ch.dep_ in ("prep", "agent") and ch.lower_ in ("of", "from", "by"):
            for g in ch.children:
                if g.dep_ == "pobj" and person_like(g, known):
                    return with_appos(g)
    return None


def context_speaker(doc: Doc, mem, q: Quote) -> Optional[tuple[Speaker, str]]:
    """``mem``: the article's quote_people.Memory (passed in: that module uses this one).

    A whole-sentence quote with no cue of its own: the speaker named in the
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
        subj = cue_subject(root)
        if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in SPEECH_NOUNS:
            subj = _said_by(subj, known)
        if subj is None and before[-1].text == ":":
            # "Speaking after the meeting, the chief negotiator, Maroš
            # Lindgren, was upbeat:" (a parse without a subject): the last
            # person named before the colon
            subj = next((t for t in reversed(before) if t.ent_type_ == "PERSON"), None)
        if subj is None or not person_like(subj, known):
            return None
        tok = subj
    span = speaker_mention(doc, tok)
    name, p = mem.resolve(span)
    if p is not None:
        mem.speak(span.start_char, p)
    return Speaker(span.text, span.start_char, span.end_char, name), None
