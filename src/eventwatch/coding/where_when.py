"""When, where and according to whom: the date, place and source of one event.

An article names many dates and places; an event's own are the ones its clause attaches to
("arrested in Goma on Tuesday"), not the nearest in the text, and the publication date or the
wire dateline only stand in when the sentence names none. Attribution is kept with them because
it answers the same question of provenance: who says this happened.
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from ..models import AnnotatedArticle, Place, Sentence, Token
from .parse import REPORTING, ParseView, clause_tokens
from .wordsets import wordset

log = logging.getLogger(__name__)

LOCATIVE = wordset("locative")
SETTLEMENT = wordset("settlement")
DIRECTION = wordset("direction")
FACILITY = wordset("facility")
PARTITIVE = wordset("partitive")
MOTION = wordset("motion")
LOCATIVE_ALL = LOCATIVE | wordset("locative_more")
APPOSED_PLACES = wordset("apposed_places")
ADMIN_AREAS = wordset("admin_areas")
GROUND_NOUNS = wordset("ground_nouns")
PLACE_OBJECTS = wordset("place_objects")
# Triggers whose direct object can be the place itself ("captured Ntorogo", "shelled Homs").
TERRITORY_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
# Physical events that happen where the reporter files from when the sentence names no place.
DATELINE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}
# Statement-like events: a place in what is said, asked or punished ("accused X of shelling Y", "sanctions
# over the landing in Z") is the content's, not where the statement was made (PLOVER gold leaves it empty).
VERBAL_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "AGREE", "SUPPORT"}
# Words that may stand between a place and the place that contains it or locates it: "X in nearby Y",
# "X, in Y's south", "X, capital of the state of Y", "X, some 50 km (31 miles) north of Y".
_BETWEEN_WORDS = {"in", "of", "on", "the", "nearby", "neighbouring", "neighboring", "just", "some", "about",
                  "around", "roughly", "nearly", "almost", "km", "kilometers", "kilometres", "miles", "mi", "mile",
                  "capital", "city", "town", "village", "state", "province", "region", "district", "county",
                  "governorate", "area", "part", "suburbs", "outskirts", "central", "western", "eastern", "northern",
                  "southern", "north-west", "north-east", "south-west", "south-east", "northeastern",
                  "northwestern", "southeastern", "southwestern", "former", "restive", "occupied", "disputed"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "north-east", "north-west", "south-east", "south-west"}
# A wire dateline at the article start: "KABUL, May 3 (Reuters) -", "BEIRUT \u2014".
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'\-]{1,40}?)(?:,[^\n\u2014\u2013]{0,40}?)?\s*(?:\([A-Za-z .]+\)\s*)?(?:-{1,2}|\u2014|\u2013)\s")


def year_of(value: Optional[str]) -> Optional[int]:
    """The year of an ISO date string ("2021-06-01" → 2021), else None."""
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def date_of(v: ParseView, t: Token, sent: Sentence):
    """(value, precision, mention): the nearest date in the clause, else in the sentence, else the
    publication date marked as such. A date elsewhere in the paragraph is another event's: the
    guideline leaves an event the article does not date undated (ARTICLES.md), and taking the
    paragraph's date was wrong on 103 of the 252 matched dev events."""
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
    pub = ann.article.publication_date
    if pub:
        return pub[:10], "publication", None
    return None, None, None


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
    "Kibali district", "the town of Bakwa"."""
    out = []
    text = v.ann.article.text
    for t in v.toks[sent.token_start + 3:sent.token_end]:
        # "the Turkish-Syrian border", "the Chad-Sudan frontier": one place, not two countries
        a, dash, b = v.toks[t.i - 3:t.i]
        if t.lemma.lower() in _BORDERS and t.pos == "NOUN" and dash.text in ("-", "\u2010", "\u2013") and (
                a.text[:1].isupper() and b.text[:1].isupper() and a.head in (b.i, t.i) and b.head == t.i):
            out.append(Place(text=text[a.start:t.end], start=a.start, end=t.end, feature="border"))
            known.append((a.start, t.end))
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
              (t.dep in ("pobj", "appos", "dobj", "nsubjpass") and t.lemma.lower() in _FEATURE_WORDS - _NOT_NAMES
               and v.toks[t.i - 1].pos == "PROPN" and v.toks[t.i - 1].head == t.i) or
              (t.dep == "dobj" and h.lemma.lower() in TERRITORY_VERBS | PLACE_OBJECTS and h.pos == "VERB"
               and t.ent_type not in ("PERSON", "NORP", "DATE") and t.text[:1].isupper() and not t.text.isupper()
               and not _person_particle(v, t, sent)) or
              (t.dep == "pobj" and h.lemma.lower() in ("in", "near", "outside", "inside", "at", "across")
               and t.ent_type in ("", "PRODUCT") and t.text[:1].isupper() and not t.text.isupper()
               and v.toks[t.i - 1].text not in ("-", "\u2010"))) or (
              t.dep in ("compound", "nmod", "amod") and h.lemma.lower() in SETTLEMENT | FACILITY and h.pos == "NOUN"
              and not _owner_not_place(v, t, h)) or (
              t.dep in ("dobj", "nsubjpass") and t.ent_type in ("GPE", "LOC", "FAC")) or (
              # "killed in Swat": a one-word name after "in" that the tagger calls an organisation
              # and the actor annotator does not know as one is a town the gazetteer lacks
              t.dep == "pobj" and h.lemma.lower() in ("in", "near", "outside", "inside", "across")
              and t.ent_type == "ORG" and t.ent_iob == "B" and t.text[:1].isupper() and not t.text.isupper()
              and (t.i + 1 >= len(v.toks) or v.toks[t.i + 1].ent_iob != "I")
              and not any(e.start <= t.start < e.end and e.kind for e in v.ann.entities))
        # "Mbeko, a rebel stronghold", "X, a small town east of the capital": the apposition says
        # it is a place, whatever entity type the tagger gave the name
        locality = any(k.dep == "appos" and k.pos == "NOUN" and k.lemma.lower() in SETTLEMENT | APPOSED_PLACES
                       for k in v.kids(t))
        if not (ok or locality):
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
        out.append(Place(text=text[s:e], start=s, end=e, feature="locality" if locality else None))
        known.append((s, e))
    return out


_BORDERS = {"border", "frontier", "boundary"}
# Premises an organisation has wherever it is: "the ICRC offices", "the army base" name no place.
_PREMISES = {"base", "office", "headquarters", "compound", "building", "facility", "installation", "camp"}
# Verbs whose proper-noun object is the ground taken or hit ("captured Ntorogo", "shelled Birao"): the
# tagger often calls such a town ORG or PERSON, and the gazetteer lacks most of them.
TERRITORY_VERBS = {"capture", "recapture", "seize", "overrun", "liberate", "shell", "bomb", "besiege", "occupy",
                   "retake", "storm", "bombard", "encircle", "raid", "patrol"}
# The last word of a named site or feature ("the Kasubi Museum", "Rift Valley", "Darulaman Palace"):
# the name is a place whatever entity type the tagger gave it.
_FEATURE_WORDS = SETTLEMENT | FACILITY | {
    "lake", "river", "sea", "gulf", "bay", "mountain", "mountains", "strait", "straits", "desert", "plain",
    "plateau", "ridge", "hill", "hills", "pass", "beach", "canal", "dam", "bridge", "gate", "park", "airbase",
    "outpost", "fortress", "castle", "mosque", "synagogue", "cathedral", "airfield", "harbour", "harbor"}
# ... except the words that end organisations' names as often ("Islamic State", "Carter Center").
_NOT_NAMES = {"state", "center", "centre", "capital", "quarter", "heart", "edge", "area", "territory", "school",
              "university", "office", "headquarters", "parliament", "station", "zone", "skies", "sky", "waters"}


# Heads of "the <area> town of <name>": the name is the town, the modifier the area around it ("the
# West Bank city of Hebron"); a district or area "of" a province is the reverse ("the X district of Y").
_TOWNS = {"city", "town", "village", "port", "capital", "hamlet", "township", "island", "settlement", "suburb"}
# Prepositions that set an event before or after another one: that other event's ground is not this one's.
_OTHER_TIME = {"before", "after", "following", "ahead", "prior"}
# Verbs of sending forces somewhere: their destination is where the mobilization takes place.
_DEPLOY = {"deploy", "redeploy", "send", "dispatch", "rush", "airlift", "station", "move"}
# Words that open a person's name, not a town's ("captured Abu Zubaydah", "seized Bin Laden's aide").
_NAME_PARTICLES = {"abu", "bin", "ibn", "ben", "umm", "mr", "mrs", "ms", "dr"}


def _gazetteer_place(name: str) -> Optional[Place]:
    """The annotate stage's gazetteer entry for a name, else None."""
    try:
        from ..annotate.places import resolve_place  # the annotate stage's gazetteer, loaded on first use
        return resolve_place(name)
    except Exception:  # a failing gazetteer costs a place, never the document's events
        log.debug("gazetteer lookup of %r failed", name, exc_info=True)
        return None


def _capital_metonym(e) -> bool:
    """An entity the actor annotator made a government from a capital's name alone ("Beirut said"):
    a government organisation whose text the gazetteer knows as a town of the same country."""
    if e.kind != "organization" or e.sector != "GOV" or not e.country or not e.text[:1].isupper():
        return False
    pl = _gazetteer_place(e.text)
    return pl is not None and pl.country == e.country and pl.feature != "country"


def _capital_places(v: ParseView, sent: Sentence, capitals: list, known: list[tuple[int, int]]) -> list[Place]:
    """The capitals among ``capitals`` that the syntax makes the ground of an act or the object of a
    locative phrase ("struck Kyiv", "visited Kyiv", "talks in Kyiv"), as places of their country."""
    out = []
    text = v.ann.article.text
    for e in capitals:
        if any(a <= e.start < b for a, b in known):
            continue
        h = _place_tokens(v, sent, e.start, e.end)
        if h is None:
            continue
        hd = v.head(h)
        if (h.dep in ("dobj", "nsubjpass") and hd.pos == "VERB"
                and hd.lemma.lower() in TERRITORY_VERBS | PLACE_OBJECTS | {"strike", "hit", "attack", "target"}) or (
                h.dep == "pobj" and hd.lemma.lower() in LOCATIVE_ALL):
            g = _gazetteer_place(e.text)
            out.append(Place(text=text[e.start:e.end], start=e.start, end=e.end, name=g.name, country=g.country,
                             lat=g.lat, lon=g.lon, feature=g.feature))
            known.append((e.start, e.end))
    return out


def _person_particle(v: ParseView, t: Token, sent: Sentence) -> bool:
    """True when the proper name ending at ``t`` opens with a personal-name particle."""
    i = t.i
    while i - 1 >= sent.token_start and v.toks[i - 1].pos == "PROPN" and v.toks[i - 1].head == t.i:
        i -= 1
    return v.toks[i].text.lower().rstrip(".") in _NAME_PARTICLES


def _owner_not_place(v: ParseView, t: Token, h: Token) -> bool:
    """The modifier of a facility noun that names its owner, not its place: an acronym ("the MFO base"),
    a people ("Chechen towns"), an organisation's premises ("the Armored Division base": a name of
    several words the tagger calls ORG; one word so tagged before "camp" is as often a place, "the
    Balata camp")."""
    if (t.text.isupper() and len(t.text) <= 6) or t.ent_type == "NORP":
        return True
    if t.ent_type != "ORG" or h.lemma.lower() not in _PREMISES:
        return False
    nxt = v.toks[t.i + 1] if t.i + 1 < len(v.toks) else None
    return t.ent_iob == "I" or (nxt is not None and nxt.ent_iob == "I" and nxt.ent_type == "ORG")


def _anchor(v: ParseView, h: Token) -> tuple[Token, float]:
    """Climb a place's own noun phrase ("Syria's Aleppo province", "the city of Fallujah") to the token
    that attaches it to the clause; the second value ranks the place within one phrase (0: the named
    head, an "of"/apposition name or the name of a settlement/site, "Kibali district"; 1: a possessive
    container; 2: the modifier of a thing that is not a place, "a U.S. airstrike")."""
    x, rank = h, 0.0
    for _ in range(8):
        hd = v.head(x)
        if hd.i == x.i:
            break
        if x.dep in ("compound", "amod", "nmod") and _ground_of(v, x):
            break  # "the Raqqa offensive": the name is the ground the event noun happens on
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
            if _ground_of(v, x):
                break  # "the siege of Sarajevo": not a name of the siege, its ground
            x = v.head(hd)
        else:
            break
    return x, rank


def _ground_of(v: ParseView, x: Token) -> Optional[Token]:
    """The event noun whose ground ``x`` names ("an attack on Kidal", "the siege of Sarajevo", "the
    Raqqa offensive"), else None. A country as modifier is who acts, not where ("a U.S. airstrike")."""
    hd = v.head(x)
    if x.dep in ("compound", "amod", "nmod"):
        noun = hd
        if x.ent_type in ("NORP", "GPE") and (x.text.isupper() or x.ent_type == "NORP"):
            return None
    elif x.dep == "pobj" and hd.lemma.lower() in ("of", "on", "against") and hd.head != hd.i:
        noun = v.head(hd)
    else:
        return None
    if noun.pos != "NOUN" or noun.lemma.lower() not in GROUND_NOUNS or noun.i == x.i:
        return None
    # "hours before the Baghdad bombings, ... killed 43 in Khalis": an event before or after this one
    # happened elsewhere; one this happened during or in is its scene
    y = noun
    for _ in range(4):
        if y.head == y.i:
            break
        y = v.head(y)
        if y.pos == "VERB":
            break
        if y.dep == "prep" and y.lemma.lower() in _OTHER_TIME:
            return None
    return noun


def _participle_scene(v: ParseView, attach: Token, t: Token) -> bool:
    """``attach`` is a subjectless participle clause on the trigger, which shares its scene:
    "Speaking in Geneva, the minister rejected ...", "While visiting X, she signed ...", "detonated a
    bomb, killing ten". A clause with its own subject, or one set before or after ("after visiting
    X"), is another scene."""
    return (attach.pos == "VERB" and attach.dep == "advcl" and attach.head == t.i and attach.tag in ("VBG", "VBN")
            and not v.kids(attach, "nsubj", "nsubjpass")
            and all(k.lemma.lower() in ("while", "when") for k in v.kids(attach, "mark")))


def _scene_phrase(v: ParseView, attach: Token, t: Token) -> bool:
    """The phrase ``attach`` heads sets the trigger's scene rather than saying what it is about: a
    gathering the trigger is at ("At a rally in Lahore, the leader condemned ..."), a place its
    scene clause visits ("Visiting Odesa, the minister met ..."), up to the trigger or such a clause."""
    x = attach
    for _ in range(4):
        if x.i == t.i or _participle_scene(v, x, t):
            return True
        hd = v.head(x)
        if hd.i == x.i:
            return False
        if x.dep == "pobj" and hd.lemma.lower() in LOCATIVE_ALL and hd.head != hd.i:
            x = v.head(hd)
        elif x.dep == "dobj" and hd.lemma.lower() in PLACE_OBJECTS:
            x = hd
        else:
            return False
    return False


def _adverbial_clause_of(v: ParseView, x: Token, t: Token) -> bool:
    """``x`` sits in an adverbial clause ("while ...", "as ...", "when ...") on the trigger ``t``:
    the nearest verb above it (itself included) is an adverbial clause of ``t``, not a copula."""
    for _ in range(5):
        if x.pos == "AUX":
            return False
        if x.pos == "VERB":
            return x.dep == "advcl" and x.head == t.i
        if x.head == x.i:
            return False
        x = v.head(x)
    return False


def place_of(v: ParseView, t: Token, sent: Sentence, typ: Optional[str] = None) -> Optional[Place]:
    """Where the event happened: the place in a locative phrase ("in", "near", "outside", "at" ...)
    attached to the trigger, else to its objects/adjuncts, else to the clause that governs it; the
    place itself when it is the object of a territorial act ("captured Ntorogo"); a place that is part
    of an actor's name or sits in another clause is not the event's. None when the sentence names none
    for this event (the article's dateline only for physical events, see ``dateline_place``)."""
    ann = v.ann
    text = ann.article.text
    places = [pl for pl in ann.places if sent.start <= pl.start < sent.end]
    # names the annotator resolved to an organisation, a person or an outlet are not places; an
    # event's actor span is no such proof, as its country may come from the sentence around it
    # ("Uganda captured Ntorogo": Ntorogo, the recipient, took UGA from "Uganda")
    # a capital alone stands for its government ("Kyiv said"), but it is still a town where the
    # syntax makes it one ("missiles struck Kyiv", "visited Kyiv")
    capitals = [e for e in ann.entities if sent.start <= e.start < sent.end and _capital_metonym(e)]
    known = [(pl.start, pl.end) for pl in places] + [
        (e.start, e.end) for e in ann.entities
        if e.country and e.kind in ("organization", "person", "media") and not _capital_metonym(e)]
    places = places + _capital_places(v, sent, capitals, known) + _extra_places(v, sent, known)
    # a name inside a longer place is part of it ("Chad" in "the Chad-Sudan border")
    places = [pl for pl in places if not any(o is not pl and o.start <= pl.start and pl.end <= o.end
                                             and (o.end - o.start) > (pl.end - pl.start) for o in places)]
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
    said_by = _attribution_tokens(v, t, sent)
    cands = []
    for pl in places:
        if any(v.toks[i].start <= pl.start < v.toks[i].end for i in said_by):
            continue  # "diplomats in Addis Ababa said", "according to police in Goma": the source's place
        h = _place_tokens(v, sent, pl.start, pl.end)
        if h is None:
            continue
        np_head, rank = _anchor(v, h)
        if rank < 0:
            continue
        head_lemma = np_head.lemma.lower()
        if rank == 0 and h.dep in ("compound", "amod", "nmod") and h.head == np_head.i and (
                head_lemma in _TOWNS) and any(
                k.lemma.lower() == "of" and v.kids(k, "pobj") for k in v.kids(np_head, "prep")):
            rank = 1.0  # "the West Bank city of Hebron", "the Red Sea port of X": the "of" name is the town
        # "captured Kabul September 27": the parser hangs the name on the date after it
        named = np_head.i == h.i or (np_head.ent_type == "DATE" and h.dep == "compound" and h.head == np_head.i)
        obj_of_trigger = np_head.dep in ("dobj", "nsubjpass", "obj") and np_head.head == t.i and (
            typ in TERRITORY_TYPES or t.lemma.lower() in PLACE_OBJECTS) and t.pos in ("VERB", "AUX") and (
            (rank == 0 and ((named and (pl.feature or h.ent_type in ("LOC", "FAC") or pl.name is None)
                             # a name the gazetteer placed is a town though the tagger said PERSON ("captured Jaffna")
                             and (h.ent_type != "PERSON" or pl.country or pl.feature == "locality"))
                            or head_lemma in SETTLEMENT | PARTITIVE
                            # "the party's Mombasa offices were torched": the named site's town
                            or head_lemma in FACILITY)) or
            # "patrolled Venezuela's oil installations", "Grozny's streets were patrolled"
            (rank in (1, 2) and head_lemma in SETTLEMENT | FACILITY))
        if rank == 2 and pl.feature == "country":
            continue  # "a U.S. airstrike", "the SDF shelling": who, not where
        attach = None
        ref = 0.0
        if obj_of_trigger:
            # "captured Ntorogo": the object itself (ties with a locative phrase go to the nearer); a
            # name the tagger calls a person yields to a locative phrase ("captured Abu X in Y")
            score = 0.5 if h.ent_type == "PERSON" and np_head.i == h.i else 0.0
        else:
            y = np_head
            ground = _ground_of(v, y)
            motion = (t.lemma.lower() in MOTION and v.head(y).lemma.lower() in ("to", "from", "toward", "towards", "over")) or (
                # "deployed troops to X", "sent warships into the Gulf": a deployment happens where it goes
                t.lemma.lower() in _DEPLOY and v.head(y).lemma.lower() in ("to", "into"))
            if ground is not None:
                attach = ground  # "killed in an attack on Kidal": where the attack was
            elif y.dep == "pobj" and (v.head(y).lemma.lower() in LOCATIVE_ALL or motion):
                prep = v.head(y)
                if prep.lemma.lower() == "on" and pl.feature not in (None, "city", "region") and named:
                    continue  # "sanctions on Iran", but "on the battlefields of Afghanistan" is a place
                attach = v.head(prep)
            elif y.dep == "dobj" and v.head(y).lemma.lower() in PLACE_OBJECTS and _participle_scene(v, v.head(y), t):
                attach = v.head(y)  # "Visiting Odesa on Saturday, the minister met ..."
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
            elif attach in govern or _scene_phrase(v, attach, t):
                score = 2.0
            elif attach.i in conj_side:
                score = 2.5
            else:
                score = 3.0  # another clause's place ("as they drove a convoy through X"): a weak guess
                if pl.feature == "country" and not _adverbial_clause_of(v, attach, t):
                    # a town named in another clause is usually the scene; a country there is
                    # background ("traders who import cloth from China", "a law that is in force in Peru"),
                    # unless that clause says when or while the event happened ("was detained while
                    # filming a rally in X")
                    continue
            # "some 50 km south of Baghdad": a reference point, the place only when nothing nearer is named
            score += ref
            if typ in VERBAL_TYPES and score >= 1.0 and not (attach.i in sub and attach.i in subj_side) \
                    and attach not in govern and not _scene_phrase(v, attach, t):
                continue  # a place inside what is said or punished, not where it was said
        own = {x.i for x in v.toks[sent.token_start:sent.token_end] if pl.start <= x.start < pl.end}
        if rank == 0:
            own.add(np_head.i)  # "the town of X", "X district": the head noun is this place
        # on a tie the more specific place: a town or site before a province, a province before a
        # country ("in the region of X, militias burned the village of Y": Y)
        last = pl.text.lower().split()[-1:]  # empty for a blank span, which must not crash the document
        area = 2 if pl.feature == "country" else 1 if (head_lemma in ADMIN_AREAS or set(last) & ADMIN_AREAS) else 0
        cands.append([score, rank, area, abs(pl.start - t.start), pl, attach, own])
    # "Tahrir Square in nearby Cairo", "Kotido, north of Moroto", "Lubumbashi in Shaba province":
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
    _surface_containers(text, cands)
    if not cands:
        return None
    log.debug("places for %r: %s", t.text, [(round(c[0], 2), c[1], c[2], c[4].text, c[5] and c[5].i) for c in cands])
    return min(cands, key=lambda c: tuple(c[:4]))[4]


def _surface_containers(text: str, cands: list) -> None:
    """Read off the words between two candidate places, whatever the parse made of them: "X, Maine"
    and "X in nearby Y" make Y X's container, "X, 50 km north of Y" makes Y its reference point; the
    named place the event is in is the more specific one ("Kotido", not "Moroto")."""
    by_start = sorted(cands, key=lambda c: c[4].start)
    for n, a in enumerate(by_start):
        for m, b in enumerate(by_start[n + 1:n + 3], n + 1):
            _contain(text, a, b, by_start[n + 1:m])


def _contain(text: str, a: list, b: list, middle: list) -> None:
    """Raise ``b``'s score above ``a``'s when the words between them make ``b`` the container or
    reference point of ``a``; a place named between them is left out of the words ("X, in Pakistan's
    province of Y": Y contains X, as Pakistan contains Y)."""
    if b[4].start <= a[4].end:
        return
    between = text[a[4].end:b[4].start]
    for c in sorted(middle, key=lambda c: -c[4].start):  # from the right, so offsets stay valid
        lo, hi = c[4].start - a[4].end, c[4].end - a[4].end
        if lo < 0 or hi > len(between):
            return
        between = between[:lo] + between[hi:]
    if len(between) > 60:
        return
    words = re.findall(r"[A-Za-z][A-Za-z\-]*|\d[\d,.]*|[()]", between.replace("'s", ""))
    if re.fullmatch(r"\s*,\s*", between):
        delta = 0.3  # "Portland, Maine": the qualifier
    elif words and all(w.lower() in _BETWEEN_WORDS | _DIRECTIONS or w[0].isdigit() or w in "()" for w in words) \
            and re.search(r"\b(?:in|of)\b", between) and between.strip()[:1] in (",", "i", "o", "n", "j"):
        delta = 1.5 if any(w.lower() in _DIRECTIONS for w in words) else 0.3
    else:
        return
    if b[0] <= a[0] + delta:
        b[0] = max(b[0], a[0]) + delta


def _attribution_tokens(v: ParseView, t: Token, sent: Sentence) -> set[int]:
    """Token ids of the event's source: the subject of the reporting verb that frames the trigger
    ("X said", above it or hanging off it as a parenthetical) and the object of "according to"."""
    out: set[int] = set()
    for tok in v.toks[sent.token_start:sent.token_end - 1]:
        if tok.text.lower() == "according" and v.toks[tok.i + 1].text.lower() == "to":
            out |= {y.i for y in v.subtree(v.toks[tok.i + 1])} | {tok.i}
    frames = [k for k in v.kids(t) if k.lemma.lower() in REPORTING and k.dep in ("parataxis", "ccomp", "advcl")]
    x = t
    for _ in range(6):
        if x.head == x.i:
            break
        h = v.head(x)
        if h.lemma.lower() in REPORTING and x.dep in ("ccomp", "parataxis", "conj", "xcomp", "advcl"):
            frames.append(h)
            break
        x = h
    for f in frames:
        for subj in v.kids(f, "nsubj", "nsubjpass"):
            out |= {y.i for y in v.subtree(subj)}
    return out


def dateline_end(text: str) -> int:
    """Where the wire dateline at the article start ends ("MOGADISHU, Somalia — "), else 0: a
    place named inside it ("Somalia") is the dateline's, not one the story's sentence names."""
    m = _DATELINE.match(text[:120])
    return m.end() if m else 0


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
    r = _gazetteer_place(word.title())
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
