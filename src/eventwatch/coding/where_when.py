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

from ..models import Place, Sentence, Token
from .parse import REPORTING, ParseView, clause_tokens
from .place_names import place_tokens, sentence_places
from .wordsets import place_wordset, wordset

log = logging.getLogger(__name__)

LOCATIVE = wordset("locative")
SETTLEMENT = wordset("settlement")
DIRECTION = place_wordset("direction")
FACILITY = place_wordset("facility")
PARTITIVE = wordset("partitive")
MOTION = place_wordset("motion")
LOCATIVE_ALL = LOCATIVE | place_wordset("locative_more")
ADMIN_AREAS = place_wordset("admin_areas")
GROUND_NOUNS = place_wordset("ground_nouns")
PLACE_OBJECTS = place_wordset("place_objects")
SPEECH = wordset("speech")
# settlements and natural features alike name where something is ("the shores of Lake X")
PLACE_NOUNS = SETTLEMENT | place_wordset("geography")
CONFLICTS = place_wordset("conflict_nouns")
MISSIONS = place_wordset("missions")
DOCUMENTS = wordset("documents") | place_wordset("agreements")
DOCUMENT_VERBS = place_wordset("document_verbs")
# Triggers whose direct object can be the place itself ("captured Ntorogo", "shelled Homs").
TERRITORY_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
# Physical events that happen where the reporter files from when the sentence names no place.
DATELINE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}
# Statement-like events: a place in what is said, asked or punished ("accused X of shelling Y", "sanctions
# over the landing in Z") is the content's, not where the statement was made (PLOVER gold leaves it empty).
VERBAL_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "AGREE", "SUPPORT"}
# Heads of "the <area> town of <name>": the name is the town, the modifier the area around it ("the
# West Bank city of Hebron"); a district or area "of" a province is the reverse ("the X district of Y").
_TOWNS = {"city", "town", "village", "port", "capital", "hamlet", "township", "island", "settlement", "suburb"}
# Prepositions that set an event before or after another one: that other event's ground is not this one's.
_OTHER_TIME = {"before", "after", "following", "ahead", "prior"}
# Nouns that recall an earlier event: "marched on the anniversary of the storming of X" was not at X.
_RECALLED = {"anniversary", "commemoration", "remembrance", "memory", "memorial", "eve"}
# Verbs of sending forces somewhere: their destination is where the mobilization takes place.
_DEPLOY = {"deploy", "redeploy", "send", "dispatch", "rush", "airlift", "station", "move"}
# Words that may stand between a place and the place that contains it or locates it: "X in nearby Y",
# "X, in Y's south", "X, capital of the state of Y", "X, some 50 km (31 miles) north of Y".
_BETWEEN_WORDS = {"in", "of", "on", "the", "nearby", "neighbouring", "neighboring", "just", "some", "about",
                  "around", "roughly", "nearly", "almost", "km", "kilometers", "kilometres", "miles", "mi", "mile",
                  "capital", "city", "town", "village", "state", "province", "region", "district", "county",
                  "governorate", "area", "part", "suburbs", "outskirts", "central", "western", "eastern", "northern",
                  "southern", "north-west", "north-east", "south-west", "south-east", "northeastern",
                  "northwestern", "southeastern", "southwestern", "former", "restive", "occupied", "disputed",
                  "easternmost", "westernmost", "northernmost", "southernmost", "remote", "rural", "mountainous",
                  "coastal", "tribal", "autonomous", "semi-autonomous", "breakaway", "country", "main"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "north-east", "north-west", "south-east", "south-west"}


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


def _anchor(v: ParseView, h: Token) -> tuple[Token, float]:
    """Climb a place's own noun phrase ("Syria's Aleppo province", "the city of Fallujah") to the token
    that attaches it to the clause; the second value ranks the place within one phrase (0: the named
    head, an "of"/apposition name or the name of a settlement/site, "Kibali district"; 1: a possessive
    container; 2: the modifier of a thing that is not a place, "a U.S. airstrike"; -1: the place of an
    earlier event the phrase recalls, "the anniversary of the fall of X")."""
    x, rank = h, 0.0
    for _ in range(8):
        hd = v.head(x)
        if hd.i == x.i:
            break
        if x.dep in ("compound", "amod", "nmod") and _ground_of(v, x):
            break  # "the Raqqa offensive": the name is the ground the event noun happens on
        if x.dep in ("compound", "amod", "nmod", "det", "nummod"):
            if hd.pos == "NOUN" and (hd.lemma.lower() not in PLACE_NOUNS | FACILITY or hd.lemma.lower() in MISSIONS) \
                    and rank == 0:
                rank = 2  # "the U.S. embassy": whose it is, as "a U.S. airstrike", not where
            x = hd
        elif x.dep == "poss":
            # "Syria's Idlib province", "Somalia's coast", "X's civil war": a container or scene; "in Turkey's
            # bid to ...", "Russia's invasion of X": the owner of a thing that is not a place, so who, not where
            owned = hd.pos == "NOUN" and hd.lemma.lower() not in (
                PLACE_NOUNS | FACILITY | DIRECTION | PARTITIVE | CONFLICTS)
            rank = 2 if owned and rank == 0 else max(rank, 1) if rank != 2 else 2
            x = hd
        elif x.dep == "appos" and hd.pos in ("NOUN", "PROPN"):
            x = hd
        elif x.dep == "pobj" and hd.lemma.lower() == "of" and v.head(hd).pos in ("NOUN", "PROPN", "ADV", "ADJ"):
            if v.head(hd).lemma.lower() in _RECALLED:
                return x, -1.0  # "on the anniversary of the fall of X": an earlier event's place
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
    # "days after the Kabul bombing, gunmen killed two guards in Herat": an event before or after this one
    # happened elsewhere; one this happened during or in is its scene
    y = noun
    for _ in range(4):
        if y.head == y.i:
            break
        y = v.head(y)
        if y.pos == "VERB":
            break
        if (y.dep == "prep" and y.lemma.lower() in _OTHER_TIME) or (y.pos == "NOUN" and y.lemma.lower() in _RECALLED):
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
        if x.dep == "pobj" and hd.head != hd.i and (hd.lemma.lower() in LOCATIVE_ALL or (
                # "Speaking to reporters in Brussels, ...": whom the scene clause speaks to
                hd.lemma.lower() in ("to", "with") and v.head(hd).lemma.lower() in SPEECH)):
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
    places = sentence_places(v, sent)
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
        h = place_tokens(v, sent, pl.start, pl.end)
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
                            or head_lemma in PLACE_NOUNS | PARTITIVE
                            # "the party's Mombasa offices were torched": the named site's town
                            or head_lemma in FACILITY)) or
            # "patrolled Venezuela's oil installations", "Grozny's streets were patrolled"
            (rank in (1, 2) and head_lemma in PLACE_NOUNS | FACILITY))
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
            # "Speaking from Caracas, the minister accused ...": where a scene clause's speaker is
            from_scene = v.head(y).lemma.lower() == "from" and v.head(y).head != v.head(y).i and _participle_scene(
                v, v.head(v.head(y)), t) and v.head(v.head(y)).lemma.lower() in SPEECH
            motion = (t.lemma.lower() in MOTION and v.head(y).lemma.lower() in ("to", "from", "toward", "towards", "over")) or (
                # "deployed troops to X", "sent warships into the Gulf": a deployment happens where it goes
                t.lemma.lower() in _DEPLOY and v.head(y).lemma.lower() in ("to", "into"))
            if ground is not None:
                attach = ground  # "killed in an attack on Kidal": where the attack was
            elif y.dep == "pobj" and (v.head(y).lemma.lower() in LOCATIVE_ALL or motion or from_scene):
                prep = v.head(y)
                if prep.lemma.lower() == "on" and pl.feature not in (None, "city", "region") and named:
                    continue  # "sanctions on Iran", but "on the battlefields of Afghanistan" is a place
                attach = v.head(prep)
            elif y.dep == "dobj" and v.head(y).lemma.lower() in PLACE_OBJECTS and _participle_scene(v, v.head(y), t):
                attach = v.head(y)  # "Visiting Odesa on Saturday, the minister met ..."
            elif y.dep in ("npadvmod", "dobj") and y.i > 0 and v.toks[y.i - 1].dep == "prt" and (
                    v.toks[y.i - 1].lemma.lower() in LOCATIVE_ALL and v.toks[y.i - 1].head == y.head):
                attach = v.head(y)  # "seized off Mogadishu": the parser read the preposition as a particle
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
            # "signed an agreement in Havana", "issued a statement in Geneva": the parser hangs the
            # place on the document, but it says where the document was signed or issued
            on_document = attach.dep == "dobj" and attach.head == t.i and attach.lemma.lower() in DOCUMENTS and (
                t.lemma.lower() in DOCUMENT_VERBS)  # not "demanded a ceasefire in X": what is demanded
            if typ in VERBAL_TYPES and score >= 1.0 and not (attach.i in sub and attach.i in subj_side) \
                    and attach not in govern and not _scene_phrase(v, attach, t) and not on_document:
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
            and re.search(r"\b(?:in|of)\b", between) and (between.strip()[:1] in (",", "i", "o", "n", "j") or (
                # "X district, some 50 km northwest of Y": the first place's own head noun comes first
                words[0].lower() in _TOWNS | ADMIN_AREAS | {"district", "area"} and "," in between)):
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
