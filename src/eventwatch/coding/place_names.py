"""Place names in a sentence: the annotator's places and the ones the syntax shows it missed.

The gazetteer finds the towns it knows; news names many it does not ("the village of Ashmi", "Kibali
district", "the Turkish-Syrian border") and the tagger calls some of them persons or organisations.
This module lists every place name a sentence gives, for ``where_when`` to choose the event's among
them, and reads the wire dateline.
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from ..models import AnnotatedArticle, Entity, Place, Sentence, Token
from .parse import ParseView
from .wordsets import place_wordset, wordset

log = logging.getLogger(__name__)

# settlements and natural features alike ("the town of X", "the shores of X")
SETTLEMENT = wordset("settlement") | place_wordset("geography")
FACILITY = place_wordset("facility")
LOCATIVE_ALL = wordset("locative") | place_wordset("locative_more")
APPOSED_PLACES = place_wordset("apposed_places")
PLACE_PREFIXES = place_wordset("place_prefixes")
PLACE_OBJECTS = place_wordset("place_objects")
MOTION = place_wordset("motion")
# A wire dateline at the article start: "KABUL, May 3 (Reuters) -", "BEIRUT \u2014".
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'\-]{1,40}?)(?:,[^\n\u2014\u2013]{0,40}?)?\s*(?:\([A-Za-z .]+\)\s*)?(?:-{1,2}|\u2014|\u2013)\s")


def sentence_places(v: ParseView, sent: Sentence) -> list[Place]:
    """Every place name of the sentence: the annotator's, capitals standing where a place does, and
    the names the syntax marks as places; a name inside a longer one is part of it."""
    ann = v.ann
    # a name the gazetteer does not know that opens with "Abu", "bin", "Mr" is a person's ("captured Abu
    # X in Y"); "Abu Dhabi" resolves
    places = [pl for pl in ann.places if sent.start <= pl.start < sent.end and not (
        pl.country is None and pl.text.split()[:1] and pl.text.split()[0].lower().rstrip(".") in _NAME_PARTICLES
        and not _said_place(v, place_tokens(v, sent, pl.start, pl.end)))]
    # names the annotator resolved to an organisation, a person or an outlet are not places; an
    # event's actor span is no such proof, as its country may come from the sentence around it
    # ("Uganda captured Ntorogo": Ntorogo, the recipient, took UGA from "Uganda")
    # a capital alone stands for its government ("Kyiv said"), but it is still a town where the
    # syntax makes it one ("missiles struck Kyiv", "visited Kyiv")
    # (only the sentence's entities matter: the spans are matched against its tokens)
    ents = [e for e in ann.entities if e.start < sent.end and sent.start < e.end]
    towns = {id(e): town for e in ents if (town := capital_town(e)) is not None}
    capitals = [(e, towns[id(e)]) for e in ents if id(e) in towns and sent.start <= e.start]
    known = [(pl.start, pl.end) for pl in places] + [
        (e.start, e.end) for e in ents
        if e.country and e.kind in ("organization", "person", "media") and id(e) not in towns]
    places = places + capital_places(v, sent, capitals, known) + extra_places(v, sent, known)
    # a name inside a longer place is part of it ("Chad" in "the Chad-Sudan border")
    places = [pl for pl in places if not any(o is not pl and o.start <= pl.start and pl.end <= o.end
                                             and (o.end - o.start) > (pl.end - pl.start) for o in places)]
    return places


def place_tokens(v: ParseView, sent: Sentence, start: int, end: int) -> Optional[Token]:
    """The syntactic head of the tokens in [start, end): the one whose head lies outside the span."""
    toks = [x for x in v.toks[sent.token_start:sent.token_end] if start <= x.start and x.end <= end]
    if not toks:
        return None
    ids = {x.i for x in toks}
    heads = [x for x in toks if x.head not in ids or x.head == x.i]
    return heads[-1] if heads else toks[-1]


def extra_places(v: ParseView, sent: Sentence, known: list[tuple[int, int]]) -> list[Place]:
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
        if t.pos != "PROPN" or any(a <= t.start < b for a, b in known) or t.text.endswith("-"):
            continue  # "the Sunni- dominated district": half of a hyphenated word, not a name
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
              t.dep == "pobj" and h.lemma.lower() in ("in", "near", "outside", "inside", "across", "off")
              and t.ent_type == "ORG" and t.ent_iob == "B" and _capitalised(t)
              and (t.i + 1 >= len(v.toks) or v.toks[t.i + 1].ent_iob != "I") and not _known(v, t))
        # "hijacked off Eyl": a coast, whatever the tagger says, unless the annotator knows who it is
        ok = ok or (t.dep == "pobj" and h.lemma.lower() == "off" and h.dep == "prep" and t.ent_type not in (
            "NORP", "DATE", "CARDINAL") and _capitalised(t) and not _known(v, t, but_persons=True))
        # "Marchers set off from X towards the ministry": where a march starts or ends, unless the
        # name is someone the actor annotator knows
        ok = ok or (t.dep == "pobj" and h.lemma.lower() in _MOTION_PREPS and v.head(h).lemma.lower() in MOTION
                    and t.ent_type in ("", "ORG", "PRODUCT") and _capitalised(t) and not _known(v, t))
        # "Mbeko, a rebel stronghold", "X, a small town east of the capital": the apposition says
        # it is a place, whatever entity type the tagger gave the name; so does "X, 40 km north of Y"
        first = _name_start(v, t, sent)
        locality = _apposed_place(v, t) or (
            t.ent_type not in ("NORP", "DATE") and _REFERENCE.match(text, t.end) is not None) or (
            # "Tel Tamr", "Kafr Zita", "Port Harcourt": a name whose first word says it is a place, after a
            # locative or motion preposition or as what is captured, whatever the tagger made of it
            v.toks[first].text.lower() in PLACE_PREFIXES and first < t.i
            and (t.dep in ("dobj", "nsubjpass", "appos", "conj") or (
                t.dep == "pobj" and h.lemma.lower() in LOCATIVE_ALL | _MOTION_PREPS | {"of"})))
        if not (ok or locality) or (_person_particle(v, t, sent) and not _said_place(v, t)):
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
_MOTION_PREPS = {"from", "to", "into", "toward", "towards"}
# ", just north of", ", some 40 km (25 miles) south-west of": what follows a name that locates it
_REFERENCE = re.compile(r",\s+(?:(?:just|some|about|around|roughly|nearly|almost|\d[\d,.]*|km|kilometers|kilometres"
                        r"|miles?|mi|\(|\))\s*)*(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?\s+of\s+[A-Z]")
# Verbs whose object a capital is hit as a town, not addressed as a government ("missiles hit Kyiv").
_HIT_VERBS = {"strike", "hit", "attack", "target"}
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


# Words that open a person's name, not a town's ("captured Abu Zubaydah", "seized Bin Laden's aide").
_NAME_PARTICLES = {"abu", "bin", "ibn", "ben", "umm", "mr", "mrs", "ms", "dr"}


def gazetteer_place(name: str) -> Optional[Place]:
    """The annotate stage's gazetteer entry for a name, else None."""
    try:
        from ..annotate.places import resolve_place  # the annotate stage's gazetteer, loaded on first use
        return resolve_place(name)
    except Exception:  # a failing gazetteer costs a place, never the document's events
        log.debug("gazetteer lookup of %r failed", name, exc_info=True)
        return None


def capital_town(e) -> Optional[Place]:
    """The town an entity names when the actor annotator made it a government from a capital's name
    alone ("Beirut said"): a government organisation whose text the gazetteer knows as a town of the
    same country. None for any other entity."""
    if e.kind != "organization" or e.sector not in ("GOV", "IGO") or not e.country or not e.text[:1].isupper():
        return None
    pl = gazetteer_place(e.text)
    # an organisation's seat ("Brussels" for the EU) is a town of another country than its own code
    return pl if pl is not None and pl.feature != "country" and (
        pl.country == e.country or (e.sector == "IGO" and not e.text.isupper())) else None


def capital_places(v: ParseView, sent: Sentence, capitals: list[tuple[Entity, Place]],
                   known: list[tuple[int, int]]) -> list[Place]:
    """The (entity, town) pairs of ``capitals`` that the syntax makes the ground of an act or the
    object of a locative phrase ("shelled Kyiv", "visited Kyiv", "talks in Kyiv"), as places."""
    out = []
    text = v.ann.article.text
    for e, g in capitals:
        if any(a <= e.start < b for a, b in known):
            continue
        h = place_tokens(v, sent, e.start, e.end)
        if h is None:
            continue
        hd = v.head(h)
        if (h.dep in ("dobj", "nsubjpass") and hd.pos == "VERB"
                and hd.lemma.lower() in TERRITORY_VERBS | PLACE_OBJECTS | _HIT_VERBS) or (
                h.dep == "pobj" and hd.lemma.lower() in LOCATIVE_ALL) or (
                # "at Dhaka University", "a Kabul hotel": the town of a named site
                h.dep == "compound" and hd.pos in ("NOUN", "PROPN") and hd.lemma.lower() in SETTLEMENT | FACILITY
                | {"university"}):
            out.append(Place(text=text[e.start:e.end], start=e.start, end=e.end, name=g.name, country=g.country,
                             lat=g.lat, lon=g.lon, feature=g.feature))
            known.append((e.start, e.end))
    return out


def _said_place(v: ParseView, t: Optional[Token]) -> bool:
    """The phrase around the name ``t`` says it is a place: "the village of X", "X, a rebel stronghold"."""
    if t is None:
        return False
    h = v.head(t)
    return (t.dep == "pobj" and h.lemma.lower() == "of" and v.head(h).lemma.lower() in SETTLEMENT) or _apposed_place(
        v, t)


def _apposed_place(v: ParseView, t: Token) -> bool:
    """An apposition calls the name ``t`` a place: "Mbeko, a rebel stronghold", "X, a small town"."""
    return any(k.dep == "appos" and k.pos == "NOUN" and k.lemma.lower() in SETTLEMENT | APPOSED_PLACES
               for k in v.kids(t))


def _capitalised(t: Token) -> bool:
    """Written as a name, not an acronym: "Hobyo", not "HOBYO" or "UN"."""
    return t.text[:1].isupper() and not t.text.isupper()


def _known(v: ParseView, t: Token, but_persons: bool = False) -> bool:
    """The actor annotator knows the name at ``t`` as someone (a person too, unless ``but_persons``)."""
    return any(e.start <= t.start < e.end and e.kind and not (but_persons and e.kind == "person")
               for e in v.ann.entities)


def _name_start(v: ParseView, t: Token, sent: Sentence) -> int:
    """The index of the first word of the proper name ending at ``t``."""
    i = t.i
    while i - 1 >= sent.token_start and v.toks[i - 1].pos == "PROPN" and v.toks[i - 1].head == t.i:
        i -= 1
    return i


def _person_particle(v: ParseView, t: Token, sent: Sentence) -> bool:
    """True when the proper name ending at ``t`` opens with a personal-name particle."""
    return v.toks[_name_start(v, t, sent)].text.lower().rstrip(".") in _NAME_PARTICLES


def _owner_not_place(v: ParseView, t: Token, h: Token) -> bool:
    """The modifier of a facility noun that names its owner, not its place: an acronym ("the MFO base"),
    a people ("Chechen towns"), an organisation's premises ("the Armored Division base": a name of
    several words the tagger calls ORG; one word so tagged before "camp" is as often a place, "the
    Balata camp")."""
    if t.text.isupper() and len(t.text) <= 6:
        return True
    if t.ent_type == "NORP":
        # "Chechen towns", "Kurdish villages": a people; a proper name nobody knows as a people that the
        # tagger calls one anyway ("the Adhamiya district") is the place's name
        return t.pos != "PROPN" or h.lemma.lower() not in SETTLEMENT or _known(v, t)
    if t.ent_type != "ORG" or h.lemma.lower() not in _PREMISES:
        return False
    nxt = v.toks[t.i + 1] if t.i + 1 < len(v.toks) else None
    return t.ent_iob == "I" or (nxt is not None and nxt.ent_iob == "I" and nxt.ent_type == "ORG")


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
    r = gazetteer_place(word.title())
    if r is None:
        return pl
    return Place(text=text[s:s + len(word)], start=s, end=s + len(word), name=r.name, country=r.country,
                 lat=r.lat, lon=r.lon, feature=r.feature)
