"""Rulings on the model's events: what a typed word restates, or is instead, and who a passive
acts on.

The model labels words one by one; rulings of the guideline (``eval/ARTICLES.md``) and the PLOVER
manual, and facts of grammar, are about how words relate, which a word-level label does not see:

- one event per predicate: an event in the own phrase of another event of its type restates it
  ("called the remarks an attack on democracy", "launched airstrikes"), and so does the means of
  an act ("retaliated by imposing tariffs");
- cooperation announced for later is AGREE ("will provide 25,000 tons of food aid": the manual's
  ruling on future CONSULT/SUPPORT/COOPERATE/AID, kept to SUPPORT, COOPERATE and AID because the
  guideline codes a meeting reported as scheduled as CONSULT with status ``future``);
- the patient of a passive is its recipient, never its actor ("the leader, who was detained by
  police", "farm workers, backed by two unions"): the model, reading words, gives a relative
  clause's antecedent the actor role it has in the active case;
- the object of an active verb is never its actor ("urged the rebels to stop and appealed for
  calm");
- the antecedent of an object relative is the one acted on and the clause's subject the actor
  ("the department, which Taipei accuses of spying");
- who faces, draws or receives an event is its recipient and the "from"/"by" party its actor
  ("Kenya faces sanctions from the EU"; word lists in ``codebook/rulings.yaml``);
- a two-sided event (a meeting, an agreement, a joint act, anything "between X and Y") has its
  second party as recipient, as PLOVER codes a dyad, where the model put both parties on the
  actor side;
- an ACCUSE on a word of what someone reports, not itself an accusing or judging word ("X said
  the junta 'is looking for a scapegoat'"), is the speaker's judgement: the speaker is its actor and
  the reported clause's subject its recipient, where the model gave that subject the actor role its
  own verb gives it;
- a threat is made when it is said: a THREATEN in what someone reports occurred, whatever the
  modal of the harm it announces.

Two more were measured and left out (issue 8 note): dropping tallies ("more than 1,500 students
have been kidnapped since 2014") and denials ("rejected the allegations"). Both are rulings of the
guideline, but the annotated articles code many of them as events, so either cost usable F1.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import islice, takewhile

from ..models import Entity, Event
from .lexicon import cameo_for
from .parse import REPORTING, ParseView
from .roles import actor_like, agrees, entities_of, pronoun_entity
from .wordsets import ruling_wordset, wordset

# Dependencies through which a word stays in its head's own phrase; a clause or phrase about
# something else ("a lawsuit accusing his company", acl) is not one. The means of an act is the
# act ("retaliated by imposing tariffs": pcomp).
RESTATING_DEPS = {"dobj", "oprd", "attr", "pobj", "pcomp", "prep", "nsubj", "nsubjpass", "compound", "amod", "appos"}
# Future cooperation of these types is a promise: AGREE (PLOVER manual, AGREE).
PROMISED_TYPES = {"SUPPORT", "COOPERATE", "AID"}
RELATIVES = {"who", "which", "that", "whom"}
OWN_FORCE_TYPES = {"MOBILIZE"}
# Prepositions whose object is what a verb acts on ("called on", "fired at", "rallied against").
TARGET_PREPS = {"on", "against", "at"}
# Events of two parties alike (PLOVER codes each with a source and a target).
SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
# How a second party hangs off the first: "X and Y", "X and his counterpart, Y".
CONJOINED_DEPS = {"conj", "appos"}
ASPECTUAL = wordset("aspectual")
FRAMES = wordset("future_frames")
UNDERGO = ruling_wordset("undergo_verbs")
UNDER = ruling_wordset("under_verbs")
ACCUSING = ruling_wordset("accusing_words")
# Pronouns that can stand for a speaker ("which", "this", "that" cannot).
PERSONAL = {"i", "we", "he", "she", "it", "they"}
# Dependencies by which a word stays inside the clause it is part of ("is looking for a scapegoat",
# "was a provocation", "breached trade rules"); a relative or adverbial clause is another clause.
IN_CLAUSE_DEPS = {"acomp", "attr", "xcomp", "dobj", "pobj", "prep", "oprd", "amod", "advmod", "npadvmod"}


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def _plus(side: list[Entity], extra: list[Entity]) -> list[Entity]:
    """``side`` with the ``extra`` entities that overlap none of it."""
    return list(side) + [x for x in extra if all(not _overlaps(x, y) for y in side)]


def _moved_to_recipient(e: Event, moved: list[Entity]) -> Event:
    return replace(e, actor=[a for a in e.actor if a not in moved], recipient=_plus(e.recipient, moved))


def restates(v: ParseView, upper, lower) -> bool:
    """True when ``lower`` is within three steps of ``upper`` inside its own phrase; a gerund with
    a subject of its own is another act ("clashed, with Clinton accusing her rival")."""
    if lower.pos == "VERB" and v.kids(lower, "nsubj", "nsubjpass"):
        return False
    return v.climbs_to(lower, upper, steps=3, through=RESTATING_DEPS.__contains__)


def drop_restated(v: ParseView, events: list[Event]) -> list[Event]:
    """One event per predicate: an event of the same type as another, in that event's own phrase,
    is that event told again ("called the remarks an attack"). The predicate stays, except an
    aspectual verb ("began a hunger strike", "launched airstrikes"): its noun names the act."""
    dropped = set()
    tokens = [v.token_at(e.trigger.start) for e in events]
    for e, t in zip(events, tokens):
        if t is None:
            continue
        for o, h in zip(events, tokens):
            if o is e or o.type != e.type or h is None or h.i == t.i or h.sent != t.sent:
                continue
            if restates(v, h, t):
                dropped.add(id(o) if h.lemma.lower() in ASPECTUAL and t.head == h.i else id(e))
    return [e for e in events if id(e) not in dropped]


def promised(e: Event) -> Event:
    """Cooperation announced for later is an agreement to cooperate: AGREE, which occurred when
    it was announced ("will send medical teams", "plans to fund the clinics")."""
    if e.type in PROMISED_TYPES and e.status == "future":
        return replace(e, type="AGREE", status="occurred", mode=None, cameo=cameo_for("AGREE", None))
    return e


def patients(v: ParseView, t) -> list:
    """The words a passive verb says were acted on: its passive subject ("was detained"), the
    antecedent of a passive relative ("the leader, who was detained") or of a past participle
    modifying it ("farm workers, backed by two unions")."""
    if t.pos not in ("VERB", "AUX") or t.lemma.lower() in FRAMES:
        return []  # "X is expected to meet Y": X is the one who meets
    out = []
    for k in v.kids(t, "nsubjpass"):
        relative = t.dep == "relcl" and k.lemma.lower() in RELATIVES
        out.append(v.head(t) if relative else k)
    if t.dep == "acl" and t.tag == "VBN" and t.head != t.i and v.kids(t, "agent"):
        # with its "by" phrase, or the parser's reduced relative may be a main verb ("Gunmen abducted")
        out.append(v.head(t))
    return out


def patient_is_recipient(v: ParseView, e: Event, t) -> Event:
    """The patient of a passive is never its actor: an actor the model gave it (trigger word ``t``)
    moves to the recipient ("Farm workers, backed by two unions": the unions back the workers)."""
    # troops "were deployed" are the mobilizing side's own forces: annotators give them as its actor
    pats = patients(v, t) if t is not None and e.type not in OWN_FORCE_TYPES else []
    moved = [a for a in e.actor if any(a.start <= p.start < a.end for p in pats)]
    if not moved:
        return e
    return _moved_to_recipient(e, moved)


def objects(v: ParseView, t) -> list:
    """The objects of an active verb ``t`` and of the verbs conjoined to it that share its subject
    ("urged the rebels to stop and appealed for calm"): direct and indirect objects, and what a
    verb acts "on", "against" or "at" ("called on the army", "fired at protesters")."""
    if t.pos not in ("VERB", "AUX") or v.kids(t, "nsubjpass", "auxpass"):
        return []
    verbs = [t] + [c for c in v.kids(t, "conj") if c.pos == "VERB" and not v.kids(c, "nsubj", "nsubjpass")]
    if t.dep == "conj" and t.head != t.i and not v.kids(t, "nsubj", "nsubjpass") and v.head(t).pos == "VERB":
        verbs.append(v.head(t))
    out = []
    for x in verbs:
        out += v.kids(x, "dobj", "dative")
        out += [o for p in v.kids(x, "prep") if p.lemma.lower() in TARGET_PREPS for o in v.kids(p, "pobj")]
    return out


def object_is_recipient(v: ParseView, e: Event, t) -> Event:
    """The object of an active verb is never its actor: a party the model put on the actor side
    that is the verb's object moves to the recipient ("the agency urged the rebels to stop": the
    agency -> the rebels), as long as someone stays the actor."""
    if t is None or e.type in OWN_FORCE_TYPES:
        return e
    objs = objects(v, t)
    moved = [a for a in e.actor if any(a.start <= o.start < a.end for o in objs)]
    if not moved or len(moved) == len(e.actor):
        return e
    return _moved_to_recipient(e, moved)


def relative_object(v: ParseView, t):
    """(antecedent, subject) when ``t`` is the verb of a relative clause whose relative pronoun is
    its object ("the army, which he accused of shelling", "Porras, whom Arévalo asked to resign"),
    else None. The parser may hang the pronoun on the verb's infinitive ("asked [whom] to resign")."""
    if t.dep != "relcl" or t.pos not in ("VERB", "AUX") or t.head == t.i:
        return None
    holders = [t] + v.kids(t, "xcomp")
    if not any(k.lemma.lower() in RELATIVES and k.i < t.i for h in holders for k in v.kids(h, "dobj")):
        return None
    subj = [k for k in v.kids(t, "nsubj") if k.lemma.lower() not in RELATIVES]
    return (v.head(t), subj[0]) if subj else None


def relative_object_is_recipient(v: ParseView, e: Event, t) -> Event:
    """The antecedent of an object relative is the one acted on, and the clause's subject the actor
    ("the department, which Taipei accuses of ...": Taipei -> the department); the model, reading
    words, puts the antecedent, or both, on the actor side."""
    frame = relative_object(v, t) if t is not None else None
    if frame is None:
        return e
    antecedent, subj = frame
    lo, hi = v.subtree_span(subj)
    actor = [a for a in e.actor if lo <= a.start and a.end <= hi]
    if not actor:
        actor = [pronoun_entity(v.ann, v, subj)] if subj.pos == "PRON" else entities_of(v, [subj])
    alo, ahi = v.np_span(antecedent)
    start, end = v.toks[alo].start, v.toks[ahi].end
    moved = [a for a in e.actor if a.start < end and start < a.end and a not in actor]
    recipient = [r for r in e.recipient if not any(_overlaps(r, a) for a in actor)]
    recipient = _plus(recipient, moved)
    if not recipient:
        recipient = [r for r in entities_of(v, [antecedent]) if r.end <= t.start]
    if not actor or (actor == e.actor and recipient == e.recipient):
        return e
    return replace(e, actor=actor, recipient=recipient)


def undergoer(v: ParseView, t):
    """The verb whose subject undergoes the event at ``t``, or None: the trigger itself ("Kenya
    faces sanctions"), the verb whose object the trigger is ("drew condemnation"), or the verb of
    "came under attack"."""
    if t.pos in ("VERB", "AUX") and t.lemma.lower() in UNDERGO and not v.kids(t, "prt"):
        return t
    if t.pos != "NOUN" or t.head == t.i:
        return None
    h = v.head(t)
    if t.dep == "dobj" and h.lemma.lower() in UNDERGO and not v.kids(h, "prt"):
        return h
    if t.dep == "pobj" and h.lemma.lower() == "under" and h.head != h.i and v.head(h).lemma.lower() in UNDER:
        return v.head(h)
    return None


def undergone(v: ParseView, e: Event, t) -> Event:
    """Who faces, draws or receives an event (trigger word ``t``) is its recipient, and the
    "from"/"by" party its actor ("Kenya faces sanctions from the EU": the EU sanctions Kenya); the
    model, reading the verb's subject as its doer, has them the other way round."""
    verb = undergoer(v, t) if t is not None else None
    if verb is None:
        return e
    subjects = v.kids(verb, "nsubj", "nsubjpass")
    named = [t] if t is not verb else v.kids(verb, "dobj")  # "sanctions from the EU"
    givers = [o for p in v.kids(verb, "prep", "agent") + [p for n in named for p in v.kids(n, "prep")]
              if p.lemma.lower() in ("from", "by") for o in v.kids(p, "pobj")]
    undergo = [a for a in e.actor if any(a.start <= s.start < a.end for s in subjects)]
    give = [r for r in e.recipient if any(r.start <= g.start < r.end for g in givers)]
    if not undergo and not give:
        return e
    actor = [a for a in e.actor if a not in undergo]
    actor = _plus(actor, give)
    recipient = [r for r in e.recipient if r not in give]
    recipient = _plus(recipient, undergo)
    return replace(e, actor=actor, recipient=recipient)


def two_sided(v: ParseView, e: Event) -> Event:
    """A meeting, agreement or joint act has two sides, and a pair "between X and Y" always does:
    when the model puts both on the actor side, the later party is the recipient ("Russia and
    China agreed": Russia, China; "clashes between police and ethnic Serbs"). A party on both sides
    stays only the recipient."""
    actor = [a for a in e.actor if not any(_overlaps(a, r) for r in e.recipient)] or e.actor
    if e.recipient or len(actor) < 2:
        return replace(e, actor=actor) if actor != e.actor else e
    actor = sorted(actor, key=lambda a: a.start)
    heads = [v.phrase_head(a.start, a.end) for a in actor]
    first = heads[0]
    if first is None:
        return e
    between = first.dep == "pobj" and v.head(first).lemma.lower() == "between"
    if not between and e.type not in SYMMETRIC_TYPES:
        return e
    others = [a for a, h in zip(actor[1:], heads[1:])
              if h is not None and v.climbs_to(h, first, steps=4, through=CONJOINED_DEPS.__contains__)]
    if not others:
        return e
    return replace(e, actor=[a for a in actor if a not in others], recipient=others)


def reported_clause(v: ParseView, t):
    """(reporting verb, head of the reported clause) when the word ``t`` sits in what a reporting
    verb reports ("X said (that) Y is ...", "'...,' X said"), else None."""
    x = t
    for _ in range(6):
        if x.head == x.i:
            return None
        h = v.head(x)
        if x.dep in ("ccomp", "parataxis") and h.lemma.lower() in REPORTING:
            return h, x
        if x.dep not in IN_CLAUSE_DEPS:
            return None
        x = h
    return None


def _speaker(v: ParseView, subj, clause) -> list[Entity]:
    if subj.pos == "PRON":
        return [pronoun_entity(v.ann, v, subj)]
    lo, hi = v.subtree_span(clause)
    # a headline's parse may hang the reported clause's subject on the speaker ("X Says Y 'Is ...'")
    return [e for e in entities_of(v, [subj]) if e.end <= lo or e.start >= hi]


def _same_party(v: ParseView, word, speaker_head) -> bool:
    """The reported clause's subject is the speaker itself ("Japan said it was troubled", "'we
    agreed,' the ministers said"); a pronoun speaker is only the same pronoun ("'he lied,' she
    said" is not)."""
    if word.i == speaker_head.i:
        return True
    if word.pos != "PRON" or word.text.lower() not in PERSONAL:
        return False
    if speaker_head.pos == "PRON":
        return word.text.lower() == speaker_head.text.lower()
    return agrees(word, speaker_head)


def _judged(v: ParseView, w) -> list[Entity]:
    """The reported clause's subject as a recipient: a pronoun only when it names someone ("it is
    blackmail" names nobody)."""
    if w.pos == "PRON":
        p = pronoun_entity(v.ann, v, w)
        return [p] if actor_like(p) else []
    return entities_of(v, [w])


def judged_by_speaker(v: ParseView, e: Event, t) -> Event:
    """An ACCUSE on a word of what someone reports, other than a word that itself accuses or
    judges, is the speaker's judgement of the reported clause's subject: the speaker is its actor,
    that subject its recipient ("Côte d'Ivoire said the junta 'is looking for a scapegoat'"). The
    model, reading words, gives the clause's subject the actor role its verb gives it."""
    if e.type != "ACCUSE" or t is None:
        return e
    frame = reported_clause(v, t)
    if frame is None:
        return e
    sent = v.ann.sentences[t.sent]
    words = list(takewhile(lambda x: x.start < min(e.trigger.end, sent.end), islice(v.toks, t.i, None)))
    words += v.kids(t, "dobj")  # "opened an inquiry", "filed a complaint": the act is the noun's
    if any(x.lemma.lower() in ACCUSING or x.text.lower() in ACCUSING for x in words):
        return e
    verb, clause = frame
    subj = v.kids(verb, "nsubj")
    if not subj:
        return e
    lo, hi = v.subtree_span(subj[0])
    actor = [a for a in e.actor if lo <= a.start and a.end <= hi]  # the speaker in the model's words
    if not actor:
        actor = _speaker(v, subj[0], clause)
        if not actor:
            return e
    # a passive clause judges its "by" party ("X said the country was being ripped off by Y")
    agents = [o for a in v.kids(clause, "agent") for o in v.kids(a, "pobj")]
    judged = [w for w in agents or v.kids(clause, "nsubj", "nsubjpass") if not _same_party(v, w, subj[0])]
    recipient = [r for r in e.recipient if not any(_overlaps(r, a) for a in actor)]
    moved = [a for a in e.actor if a not in actor and any(a.start <= w.start < a.end for w in judged)]
    recipient = _plus(recipient, moved)
    if not recipient and judged:
        recipient = _judged(v, judged[0])
    if actor == e.actor and recipient == e.recipient:
        return e
    return replace(e, actor=actor, recipient=recipient)


def threat_made(v: ParseView, e: Event, t) -> Event:
    """A threat is made when it is said: a THREATEN in what someone reports, whose harm lies ahead
    ("said Moscow would respond", "'we might have to shoot him,' he told them"), occurred. The
    model reads the modal of the harm as the status of the threat."""
    if e.type != "THREATEN" or e.status not in ("future", "hypothetical") or t is None:
        return e
    return replace(e, status="occurred") if reported_clause(v, t) is not None else e


def apply_rulings(v: ParseView, events: list[Event]) -> list[Event]:
    """The events after the rulings: restatements go, promised cooperation becomes AGREE, a
    passive's patient is its recipient, so are an active verb's object, an object relative's
    antecedent and who faces or receives an event, a two-sided event has its second party as
    recipient, a judgement reported in someone's words is theirs, and a threat said is made."""
    out = []
    for e in drop_restated(v, events):
        t = v.token_at(e.trigger.start)
        e = relative_object_is_recipient(v, patient_is_recipient(v, promised(e), t), t)
        e = object_is_recipient(v, e, t)
        e = two_sided(v, undergone(v, e, t))
        out.append(threat_made(v, judged_by_speaker(v, e, t), t))
    return out
