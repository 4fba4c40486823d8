"""Places: GPE/LOC/FAC mentions resolved against the offline gazetteer.

The article's country context (countries named or implied by resolved places
elsewhere in the text) ranks same-name cities; a name with two comparable
candidates and no context stays unresolved (country None) rather than wrong.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Optional, Sequence

from spacy.tokens import Doc, Span

from ..models import Place
from . import gazetteer
from .actors import demonym_country, load_actor_dictionary
from .extensions import doc_text

log = logging.getLogger(__name__)

PLACE_LABELS = ("GPE", "LOC", "FAC")


def resolve_place(name: str, *, context_countries: Sequence[str] = ()) -> Optional[Place]:
    """spaCy-free: a Place (offsets 0..len(name)) for a place name, or None if unknown/ambiguous."""
    entry = gazetteer.lookup(name, context_countries)
    if entry is None:
        return None
    return Place(text=name, start=0, end=len(name), name=entry.name, country=entry.country,
                 lat=entry.lat, lon=entry.lon, feature=entry.feature)


def _trim(span: Span, full: str) -> tuple[int, int, str]:
    """Char span without a leading 'the' and a trailing possessive."""
    toks = list(span)
    while toks and toks[0].lower_ == "the":
        toks = toks[1:]
    while toks and toks[-1].tag_ == "POS" or (toks and toks[-1].text in ("'s", "\u2019s")):
        toks = toks[:-1]
    if not toks:
        return span.start_char, span.end_char, span.text
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return start, end, full[start:end]


# A proper noun spaCy left untagged counts as a place only if it is a country
# or a city at least this populous (small towns share names with people).
MISSED_MIN_POPULATION = 100_000


def _missed(doc: Doc) -> list[tuple[int, int, str]]:
    out = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.pos_ != "PROPN" or t.ent_type_:
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < 3 and doc[j].pos_ == "PROPN" and not doc[j].ent_type_:
            j += 1
        span = doc[i:j]
        key = gazetteer.norm(span.text)
        cities = gazetteer.cities(span.text)
        # Any candidate counts here; ambiguity is settled with context below.
        if key in gazetteer.country_index() or (cities and cities[0].population >= MISSED_MIN_POPULATION):
            out.append((span.start_char, span.end_char, span.text))
        i = j
    return out


# The small model often tags a city as PERSON/ORG/NORP/PRODUCT ("Grozny",
# "Aleppo", "Manbij"). Such an entity is a place when the gazetteer knows it
# as a city and either it is big or a locative preposition precedes it.
_RELABEL = ("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT")
_LOCATIVE = {"in", "near", "at", "from", "to", "into", "outside", "around", "toward", "towards"}
RELABEL_MIN_POPULATION = 50_000
# "the vicinity of X", "the town of X": the noun before "of" that makes X a place.
_AREA_OF = {"vicinity", "outskirts", "city", "town", "village", "suburbs", "province", "district", "region",
            "area", "port", "countryside"}
# Words before a person's name that make a city reading of the name impossible.
_TITLES = {"president", "mr", "mrs", "ms", "dr", "minister", "premier", "king", "queen", "prince", "princess",
           "general", "gen", "senator", "sen", "rep", "governor", "gov", "chancellor", "pope", "sheikh", "emir",
           "secretary", "ambassador", "judge", "justice", "mayor", "colonel", "col", "captain", "capt",
           "lieutenant", "lt", "sergeant", "sgt", "commander", "chairman", "leader", "spokesman", "envoy",
           "bishop", "cardinal", "father", "rev", "sir", "lord", "lady", "professor", "prof"}


def _mislabelled(doc: Doc, full: str) -> list[tuple[int, int, str]]:
    d = load_actor_dictionary()
    out = []
    for ent in doc.ents:
        if ent.label_ not in _RELABEL or len(ent) > 3:
            continue
        start, end, text = _trim(ent, full)
        key = gazetteer.norm(text)
        if key in d.demonyms or (d.lookup(text) and d.lookup(text).kind != "state"):
            continue
        cities = gazetteer.cities(text)
        prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if not cities:
            if gazetteer.weak_alias(text) and (prev in _LOCATIVE or (
                    prev == "of" and ent.start > 1 and doc[ent.start - 2].lower_ in _AREA_OF)):
                out.append((start, end, text))  # "in Kobane": a place, though not one we can resolve
            continue
        if ent.label_ == "PERSON" and prev.rstrip(".") in _TITLES:
            continue  # "President Bush" is a person, not the Egyptian town of Bush
        if cities[0].population >= RELABEL_MIN_POPULATION or prev in _LOCATIVE:
            out.append((start, end, text))
    return out


# ", N.C.", ", Maine", ", British Columbia", ", Pakistan" right after a city name
_QUALIFIER = re.compile(r",\s*((?:[A-Z][\w.]*|[A-Z]\.)(?:\s+(?:and\s+)?[A-Z][\w.]*){0,2})")


def _qualified(full: str, start: int, end: int, text: str) -> Optional[tuple[gazetteer.GeoEntry, tuple[int, int]]]:
    """A city with its state, province or country after a comma: the city there, else
    the qualifier's own region or country; and the qualifier's span."""
    if "," in text:
        city, _, rest = text.partition(",")
        q_start = start + len(city) + 1 + (len(rest) - len(rest.lstrip()))
        q_text, city_text = rest.strip().rstrip("."), city.strip()
    else:
        m = _QUALIFIER.match(full, end)
        if not m:
            return None
        q_start, q_text, city_text = m.start(1), m.group(1), text
    words = q_text.split()
    for n in range(len(words), 0, -1):
        q = " ".join(words[:n])
        found = gazetteer.qualifier(q)
        if found is None:
            continue
        country, admin1 = found
        e = gazetteer.lookup_qualified(city_text, country, admin1)
        if e is None:
            # a town the gazetteer lacks ("Concord, N.C."): its state or country, never a namesake elsewhere
            e = gazetteer.region_of(country, admin1) or gazetteer.lookup(q)
            if e is None or e.country != country:
                e = next((c for c in gazetteer.country_index().values() if c.country == country), None)
        return (e, (q_start, q_start + len(q))) if e else None
    return None


# An administrative unit's noun after a name: "Borno state", "Sindh province", "Hama governorate".
_ADMIN_AFTER = re.compile(r"\s+(?:state|province|region|district|governorate|county|oblast|prefecture|"
                          r"department|municipality)\b")


def find_places(doc: Doc) -> list[Place]:
    spans = []
    full = doc_text(doc)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            spans.append(_trim(ent, full))
    # Demonym / metonym actors ("Chinese", "Beijing's") are not places; but a
    # GPE spaCy labelled ORG ("Hong Kong" sometimes) that is a known country is.
    for ent in doc.ents:
        if ent.label_ == "ORG" and gazetteer.norm(ent.text) in gazetteer.country_index():
            spans.append(_trim(ent, full))
    spans.extend(_missed(doc))
    spans.extend(_mislabelled(doc, full))
    # "Tajik", "Afghan": a people, not a place (the model sometimes tags them GPE)
    spans = [sp for sp in spans if not demonym_country(sp[2]) or gazetteer.lookup(sp[2])]
    if full != full.lower():
        # "the eastern coast", "the north": a description, no place name (unless the whole text is lower case)
        spans = [sp for sp in spans if sp[2] != sp[2].lower()]
    # A name qualified once ("TRIPOLI, Lebanon —", "Portland, Maine") is that place in the whole
    # article: its later bare mentions take the same sense, and its country is context.
    quals = {sp: _qualified(full, *sp) for sp in set(spans)}
    senses: dict[str, gazetteer.GeoEntry] = {}
    for (start, end, text), q in sorted(quals.items()):
        if q is not None and q[0] is not None and q[0].feature == "city":
            senses.setdefault(gazetteer.norm(text.partition(",")[0]), q[0])
    # First pass: unambiguous entries give the context countries.
    ctx: Counter[str] = Counter()
    for sp in spans:
        q = quals[sp]
        e = q[0] if q is not None else senses.get(gazetteer.norm(sp[2])) or gazetteer.lookup(sp[2])
        if e:
            ctx[e.country] += 1
    context = [c for c, _ in ctx.most_common()]
    out, seen = [], set()
    fixed: dict[tuple[int, int], gazetteer.GeoEntry] = {}
    for start, end, text in sorted(spans):
        if (start, end) in seen or not text.strip():
            continue
        seen.add((start, end))
        q = quals[(start, end, text)]
        if q is not None:
            e, (qs, qe) = q
            if "," in text:  # one span "Portland, Maine": the city part is the place
                end, text = start + text.index(","), text[:text.index(",")]
            region = gazetteer.qualifier(full[qs:qe])
            st = gazetteer.region_of(*region) if region else None
            if st:
                fixed[(qs, qe)] = st
        e = fixed.get((start, end)) or (q[0] if q is not None else
                                        senses.get(gazetteer.norm(text)) or gazetteer.lookup(text, context))
        if e is not None and e.feature == "city" and _ADMIN_AFTER.match(full, end) and \
                gazetteer.fold(e.name) != gazetteer.fold(text):
            e = None  # "Borno state" is no town that merely has "Borno" among its other names
        if e is None:
            out.append(Place(text=text, start=start, end=end))
        else:
            out.append(Place(text=text, start=start, end=end, name=e.name, country=e.country,
                             lat=e.lat, lon=e.lon, feature=e.feature))
    return out
