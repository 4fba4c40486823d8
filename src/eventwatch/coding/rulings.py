"""Rulings on the model's events: what a typed word restates, or is instead.

The model labels words one by one; two rulings of the guideline (``eval/ARTICLES.md``) and the
PLOVER manual are about how words relate, which a word-level label does not see:

- one event per predicate: an event in the own phrase of another event of its type restates it
  ("called the remarks an attack on democracy", "launched airstrikes");
- cooperation announced for later is AGREE ("will provide 25,000 tons of food aid": the manual's
  ruling on future CONSULT/SUPPORT/COOPERATE/AID, kept to SUPPORT, COOPERATE and AID because the
  guideline codes a meeting reported as scheduled as CONSULT with status ``future``).

Two more were measured and left out (issue 8 note): dropping tallies ("more than 1,500 students
have been kidnapped since 2014") and denials ("rejected the allegations"). Both are rulings of the
guideline, but the annotated articles code many of them as events, so either cost usable F1.
"""
from __future__ import annotations

from dataclasses import replace

from ..models import Event
from .lexicon import cameo_for
from .parse import ParseView
from .wordsets import wordset

# Dependencies through which a word stays in its head's own phrase; a clause or phrase about
# something else ("a lawsuit accusing his company", acl) is not one.
RESTATING_DEPS = {"dobj", "oprd", "attr", "pobj", "prep", "nsubj", "nsubjpass", "compound", "amod", "appos"}
# Future cooperation of these types is a promise: AGREE (PLOVER manual, AGREE).
PROMISED_TYPES = {"SUPPORT", "COOPERATE", "AID"}


def restates(v: ParseView, upper, lower) -> bool:
    """True when ``lower`` is within three steps of ``upper`` inside its own phrase."""
    return v.climbs_to(lower, upper, steps=3, through=RESTATING_DEPS.__contains__)


def drop_restated(v: ParseView, events: list[Event]) -> list[Event]:
    """One event per predicate: an event of the same type as another, in that event's own phrase,
    is that event told again ("called the remarks an attack"). The predicate stays, except an
    aspectual verb ("began a hunger strike", "launched airstrikes"): its noun names the act."""
    tok_at = {t.start: t for t in v.toks}
    aspectual = wordset("aspectual")
    dropped = set()
    for e in events:
        t = tok_at.get(e.trigger.start)
        if t is None:
            continue
        for o in events:
            h = tok_at.get(o.trigger.start)
            if o is e or o.type != e.type or h is None or h.i == t.i or h.sent != t.sent:
                continue
            if restates(v, h, t):
                dropped.add(id(o) if h.lemma.lower() in aspectual and t.head == h.i else id(e))
    return [e for e in events if id(e) not in dropped]


def promised(e: Event) -> Event:
    """Cooperation announced for later is an agreement to cooperate: AGREE, which occurred when
    it was announced ("will send medical teams", "plans to fund the clinics")."""
    if e.type in PROMISED_TYPES and e.status == "future":
        return replace(e, type="AGREE", status="occurred", mode=None, cameo=cameo_for("AGREE", None))
    return e


def apply_rulings(v: ParseView, events: list[Event]) -> list[Event]:
    """The events after the rulings: restatements go, promised cooperation becomes AGREE."""
    return [promised(e) for e in drop_restated(v, events)]
