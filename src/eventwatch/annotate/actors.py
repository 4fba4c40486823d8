"""Actors: the actor dictionary (codebook/actors.yaml, leaders.yaml, pycountry countries and
user files; records and loader in ``actor_dictionary``) and the sector rules, applied to spaCy entities and noun phrases.

``describe_phrase`` is spaCy-free, for the event coder working on strings.
"""
from __future__ import annotations

import functools
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Span

from ..codebook import NON_STATE_CODES, builtin_path
from ..models import Entity
from . import corrections, gazetteer, residence
from .actor_dictionary import ActorDictionary, ActorEntry, load_file
from .extensions import doc_text, warn

log = logging.getLogger(__name__)

ENTITY_LABELS = corrections.ENTITY_LABELS


@dataclass(frozen=True)
class Description:
    """What a phrase denotes: any field may be None when the phrase does not say."""

    name: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    kind: Optional[str] = None

    def __iter__(self):  # so callers can unpack (name, country, sector)
        return iter((self.name, self.country, self.sector))


def _add_countries(d: ActorDictionary) -> None:
    """Every country as a state actor, from the gazetteer's names (pycountry + news aliases)."""
    for key, g in gazetteer.country_index().items():
        d.aliases.setdefault(key, ActorEntry(g.name, g.country, None, "state"))


def load_actor_dictionary(extra_paths: Sequence[str | Path] = ()) -> ActorDictionary:
    """The shipped dictionary plus ``extra_paths`` and files in EVENTWATCH_ACTORS (os.pathsep separated)."""
    env = os.environ.get("EVENTWATCH_ACTORS", "")
    paths = [*extra_paths, *(p for p in env.split(os.pathsep) if p)]
    return _load(tuple(str(p) for p in paths))


@functools.lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> ActorDictionary:
    d = ActorDictionary()
    _add_countries(d)
    # actors.yaml after leaders.yaml: its entries carry exact terms and win
    load_file(str(builtin_path("leaders.yaml")), d, True)
    load_file(str(builtin_path("actors.yaml")), d, True)
    for p in paths:
        load_file(p, d, False)
    log.debug("actor dictionary: %d aliases", len(d.aliases))
    return d


_DET = {"the", "a", "an", "some", "many", "several", "few", "two", "three", "four", "five", "six", "dozens",
        "of", "hundreds", "thousands", "all", "most", "its", "their", "his", "her", "this", "that", "these",
        "those", "other", "more", "young", "old", "local", "senior", "top", "former", "new", "unidentified",
        "unnamed", "pro-democracy", "pro-beijing", "communist", "armed", "masked", "plainclothes", "riot"}
_WORD = re.compile(r"[\w'’.&-]+")


def _words(text: str) -> list[str]:
    return [w.rstrip(".") if not re.fullmatch(r"(?:[A-Za-z]\.)+", w) else w for w in _WORD.findall(text)]


_DEMONYM_SUFFIX = re.compile(r"(?:ians?|ans?|eses?|is|i|ish|ic|ots?|s)$")


@functools.lru_cache(maxsize=4096)
def _demonym_guess(word: str) -> Optional[str]:
    """Country of an adjective/plural not in the demonym list ("Latvian", "Fijians",
    "Kyrgyz"): the one country whose name shares its stem (≥4 letters)."""
    w = word.lower()
    if len(w) < 4 or not word[:1].isupper():
        return None
    stem = _DEMONYM_SUFFIX.sub("", w) or w
    if len(stem) < 4:
        return None
    hits = _country_prefixes().get(stem[:max(4, len(stem) - 1)], set())
    return next(iter(hits)) if len(hits) == 1 else None


@functools.lru_cache(maxsize=1)
def _country_prefixes() -> dict[str, set[str]]:
    """Each prefix (4 letters or more) of a one-word country name -> the countries it begins."""
    out: dict[str, set[str]] = {}
    for k, g in gazetteer.country_index().items():
        if " " not in k:
            for n in range(4, len(k) + 1):
                out.setdefault(k[:n], set()).add(g.country)
    return out


@functools.lru_cache(maxsize=1)
def _countries_by_length() -> dict[int, list[tuple[str, str]]]:
    """One-word country names of five letters or more, by length: (name, country)."""
    out: dict[int, list[tuple[str, str]]] = {}
    for name, g in gazetteer.country_index().items():
        if len(name) >= 5 and " " not in name:
            out.setdefault(len(name), []).append((name, g.country))
    return out


_LED = re.compile(r"^(.+?)-(?:led|ruled|run|dominated|controlled)$", re.I)


def demonym_country(word: str) -> Optional[str]:
    """The country of a demonym ("Tajik", "Afghans", "Filipino"), listed or guessed, else None."""
    d = load_actor_dictionary()
    key = gazetteer.norm(word)
    if key in d.demonyms:
        return d.demonyms[key]
    if key.endswith("s") and key[:-1] in d.demonyms:
        return d.demonyms[key[:-1]]
    if key in gazetteer.country_index() or gazetteer.city_index().get(key):
        return None  # a place's own name ("Kuwait", "Djibouti") is not a demonym
    return _demonym_guess(word)


def _country_in(words: list[str], d: ActorDictionary, *, demonyms_only: bool = False) -> Optional[str]:
    """A country named by a demonym or a place in the phrase (longest match first).

    ``demonyms_only``: inside a person's name only a listed demonym counts; a name
    word that spells a country or city ("Cameron", "Jordan", "Christie") is no evidence.
    """
    # "Vietnamese-led forces", "U.S.-led coalition": the leader's country
    words = [m.group(1) if (m := _LED.match(w)) else w for w in words]
    low = [gazetteer.norm(w) for w in words]
    for n in (3, 2, 1):
        for i in range(len(low) - n + 1):
            k = " ".join(low[i:i + n])
            k2 = k[:-2] if k.endswith("'s") or k.endswith("’s") else k
            if n >= 2 and k2 in gazetteer.region_index() and words[i][:1].isupper():
                return "USA"  # "New Jersey", "New Mexico": a state, not Jersey or Mexico
            if k2 in d.demonyms:
                return d.demonyms[k2]
            if k2.endswith("s") and k2[:-1] in d.demonyms and words[i][:1].isupper():
                return d.demonyms[k2[:-1]]  # plural: "Palestinians", "Serbs"
            if demonyms_only:
                continue
            g = gazetteer.country_index().get(k2)
            if g and words[i][:1].isupper():
                return g.country
            if words[i][:1].isupper() and n <= 2:
                e = gazetteer.lookup(k2)
                if e and e.feature == "city" and e.population > 1_000_000:
                    return e.country
    for w in words if not demonyms_only else ():
        if w[:1].isupper() and w.lower() not in _DET:
            g = _demonym_guess(w) or _misspelt_country(w)
            if g:
                return g
    return None


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                   and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@functools.lru_cache(maxsize=4096)
def _misspelt_country(word: str) -> Optional[str]:
    """A wire typo of a one-word country name ("Ethopia", "Quatar's"): one edit from exactly one
    name (itself six letters or more), and no known place, demonym or dictionary name."""
    k = gazetteer.norm(word)
    k = k[:-2] if k.endswith("'s") else k
    if len(k) < 6 or not k.isalpha() or k in gazetteer.country_index() or gazetteer.city_index().get(k) \
            or k in load_actor_dictionary().aliases or k in load_actor_dictionary().demonyms:
        return None
    by_length = _countries_by_length()
    hits = {country for n in (len(k) - 1, len(k), len(k) + 1) for name, country in by_length.get(n, ())
            if _one_edit(k, name)}
    return hits.pop() if len(hits) == 1 else None


# Partitive heads take the sector of their "of" object ("members of the regime").
_PARTITIVE = {"members", "member", "group", "groups", "some", "many", "dozens", "hundreds", "thousands",
              "one", "two", "three", "four", "five", "part", "number", "majority", "most", "all", "several"}


def _sector_of(words: list[str], head: Optional[str], d: ActorDictionary) -> Optional[str]:
    low = [gazetteer.norm(w) for w in words]
    text = " ".join(low)
    h = gazetteer.norm(head) if head else None
    # Multi-word keys first ("men in uniform" before "men", "riot police").
    for key, pattern in d.sector_phrases():
        if key in text and pattern.search(text) and (h is None or h in key.split()):
            return d.sector_nouns[key]
    if h is not None and h not in _PARTITIVE:
        return d.sector_nouns.get(h)
    # The head of an English noun phrase is the last noun before a preposition
    # ("director of HRW"): words before the first 'of/in/...', rightmost first;
    # after it only for partitive heads ("members of the Chinese regime").
    cut = next((i for i, w in enumerate(low) if w in ("of", "in", "from", "at", "for", "with", "who", "that")), len(low))
    for w in reversed(low[:cut]):
        if w in d.sector_nouns:
            return d.sector_nouns[w]
    if cut < len(low) and (cut == 0 or low[cut - 1] in _PARTITIVE):
        for w in reversed(low[cut:]):
            if w in d.sector_nouns:
                return d.sector_nouns[w]
    return None


_PAREN = re.compile(r"\s*\([^)]*\)")


_HONORIFICS = {"mr", "mrs", "ms", "dr", "gen", "sheikh", "shaikh", "prince", "princess", "ayatollah", "sir", "lord",
               "lady", "madam", "marshal", "col", "colonel", "lt", "comrade", "sultan", "emir", "field", "acting",
               "interim", "then", "late", "former", "ex", "deputy", "vice"}


def _other_first_name(word: str, e: ActorEntry, d: ActorDictionary) -> bool:
    """``word`` before a surname alias is a given name that is not the dictionary person's."""
    if not word[:1].isupper():
        return False
    k = gazetteer.norm(word)
    return k not in d.sector_nouns and k.rstrip(".") not in _HONORIFICS and k not in gazetteer.norm(e.name).split() \
        and k not in d.demonyms and k not in gazetteer.country_index()


def _alias_in(words: list[str], d: ActorDictionary, person: bool) -> tuple[Optional[ActorEntry], int]:
    """The longest dictionary alias inside the phrase (n-grams, case kept for acronyms) and its index."""
    for n in range(min(len(words), 6), 0, -1):
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i:i + n])
            k = gazetteer.norm(gram)
            e = d.aliases.get(k) or (d.aliases.get(k[:-2]) if k.endswith("'s") else None)
            if e is None or (n == 1 and not words[i][:1].isupper()):
                continue
            if n == 1 and len(gram) <= 3 and not gram.isupper():
                continue  # "us", "who" as words, not the U.S. or the WHO
            if person and e.kind == "state":
                continue  # "Michael Jordan", "Israel Kamakawiwo'ole"
            if e.kind == "state" and _in_state_name(words, i, n):
                continue  # "Jersey" of "New Jersey"
            if n == 1 and e.kind == "person" and i > 0 and _other_first_name(words[i - 1], e, d):
                continue  # "Glenn Kagame" is not Paul Kagame: a surname alias needs a title or nothing before it
            return e, i
    return None, 0


def _in_state_name(words: list[str], i: int, n: int) -> bool:
    """words[i:i+n] is part of a longer US state name in the phrase ("New Jersey")."""
    regions = gazetteer.region_index()
    for a in range(max(0, i - 2), i + 1):
        for b in range(i + n, min(len(words), i + n + 2) + 1):
            if b - a > n and gazetteer.norm(" ".join(words[a:b])) in regions:
                return True
    return False


def describe_phrase(text: str, *, head: str | None = None, context_country: str | None = None,
                    date: str | None = None, extra_paths: Sequence[str] = (),
                    person: bool = False) -> Optional[Description]:
    """(name, country, sector, kind) of an actor noun phrase, or None when it names no actor.

    A dictionary name inside the phrase wins ("director of Human Rights Watch (HRW)");
    otherwise country comes from a demonym/place modifier or ``context_country``
    and sector from the head noun rules. ``person``: the phrase is a person's name, so
    only a dictionary person or organisation, or a listed demonym, gives a country.
    """
    d = load_actor_dictionary(extra_paths)
    text = text.strip()
    if not text:
        return None
    whole = d.lookup(text) or d.lookup(_PAREN.sub("", text))
    if whole is not None and text.islower() and len(text) <= 4:
        whole = None  # "who", "us": words, not the WHO or the U.S.
    if whole is not None and person and whole.kind == "state":
        whole = None
    words = _words(text)
    sector = _sector_of(words, head, d)
    at = 0
    if whole is None:
        whole, at = _alias_in(words, d, person)
    home = residence.phrase_residence(words, d)
    if home is not None and (whole is None or whole.kind == "state"):
        # "Albanians of southern Serbia", "villagers in Darfur": the home is the country
        return Description(None, home, sector or "CVL", "group")
    loc = next((k for k, w in enumerate(words) if k > 0 and w.lower() in ("in", "at", "of", "from")), len(words))
    if whole is not None and whole.kind in ("state", "organization") and whole.sector in (None, "GOV") and at > loc \
            and gazetteer.norm(words[loc - 1]) not in _PARTITIVE:
        own = _country_in(residence.drop_ethnic_demonyms(words[:loc], d), d)
        if own is not None and own != whole.country:
            # "the Chinese embassy in London", "American residents of Paris": the head's own
            # demonym names the state, the place after the preposition only where it is
            return Description(None, own, sector or "GOV", "group")
    if whole is not None and whole.kind == "person" and not person and sector and \
            gazetteer.norm(words[-1]) not in gazetteer.norm(whole.name).split() and d.lookup(words[-1]) is not whole:
        # "the Mugabe government", "Museveni's spokesman": the person's state, the phrase's sector
        return Description(None, whole.country, sector, "group")
    if whole is not None:
        if whole.kind == "person" and not whole.in_office(date):
            return Description(whole.name, whole.country, None, whole.kind)
        if whole.kind == "state":
            # "Chinese police" → CHN COP; "China" alone → the state (sector unknown → GOV as government).
            return Description(None if sector else whole.name, whole.country, sector or "GOV", "state" if not sector else "group")
        if whole.kind in ("organization", "media") and sector and whole.sector in ("GOV",) and sector != "GOV":
            # "Beijing police": metonym capital + sector noun → that country's sector.
            return Description(None, whole.country, sector, "group")
        return Description(whole.name, whole.country, whole.sector or sector, whole.kind)
    if sector == "GOV" and any(w.lower() in ("former", "ex", "exiled", "ousted") for w in words):
        sector = "ELI"  # manual: former officials are elites, not government
    bare = gazetteer.norm(_PAREN.sub("", text))
    cap = None if person else gazetteer.capitals().get(bare)
    if cap and sector is None and text[:1].isupper():
        # A national capital alone stands for its government ("Beirut said").
        return Description(None, cap, "GOV", "organization")
    country = _country_in(residence.drop_ethnic_demonyms(words, d), d, demonyms_only=person)
    if person and sector is None:
        # a demonym in a name span ("Philippine spokesman Harry Roque") marks its person
        return Description(None, country, None, "person") if country else None
    if country is None and sector is None:
        return None
    if sector is None:
        # A bare demonym ("Hungarian [and Romanian officials]") stands, like a
        # bare country name, for the state's government.
        return Description(None, country, "GOV", "state")
    return Description(None, country or context_country, sector, "group")


# --- spaCy side -------------------------------------------------------------

def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _phrase_spans(doc: Doc) -> list[Span]:
    try:
        chunks = list(doc.noun_chunks)
    except ValueError:  # no parser in this pipeline
        warn(doc, "actors: no dependency parse, so only named entities were read as actors")
        return []
    out = []
    for nc in chunks:
        # Extend over a following "in/of + noun" ("men in uniform", "police in Dhaka").
        end = nc.end
        prep = doc[end].lower_ if end < len(doc) else ""
        if end + 1 < len(doc) and doc[end].head.i == nc.root.i and (
                prep == "in" or (prep == "of" and (nc.root.lower_ in _PARTITIVE or nc.root.lower_ in residence.POPULATION))):
            obj = [t for t in doc[end].children if t.dep_ == "pobj"]
            if obj:
                end = max(t.i for t in obj[0].subtree) + 1
        out.append(doc[nc.start:end])
    return out


_STATE_SECTORS = ("GOV", "COP", "MIL", "JUD", "LEG", "SPY")


_DASH_AFTER = re.compile(r"(?:, ?[A-Z][\w.' -]{0,30}?)?(?: ?\([^)]*\))? ?(?:--?|\u2014|\u2013)(?:\s|$)")
_CAPS_BEFORE = re.compile(r"(?:^|\s)[A-Z][A-Z.' -]{2,}, ?$")


def _in_dateline(text: str, start: int, end: int) -> bool:
    """The entity is a wire dateline's place ("KAMPALA, Uganda \u2014 "): where the story was
    filed, never a government acting or the home of the people named after it."""
    if _DASH_AFTER.match(text, end) is None:
        return False
    word = text[start:end]
    return (word.isupper() and sum(c.isalpha() for c in word) >= 3) or bool(
        _CAPS_BEFORE.search(text[max(0, start - 40):start]))


def _norp_home(doc: Doc, c, desc: Optional[Description], d: ActorDictionary) -> Optional[Description]:
    """A people named with its home ("Albanians of southern Serbia", "Kurds living in Iraq") takes
    the home's country; "ethnic Serbs" alone name no state (unless a people of one country)."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return desc
    home = residence.token_residence(span.root, d)
    if home is not None:
        return Description(None, home, "CVL", "group")
    if span.start > 0 and doc[span.start - 1].lower_ == "ethnic" and residence.people_country(c.text, d) is None:
        return None
    return desc


def find_entities(doc: Doc) -> list[Entity]:
    d = load_actor_dictionary()
    date = doc._.publication_date
    boiler = doc._.boilerplate or []
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []
    persons: dict[str, Entity] = {}  # surname -> the earlier full mention
    full = doc_text(doc)
    # No country comes from the sentence's or the article's main state, nor from a
    # dateline: a country needs evidence in the phrase itself (a title with a
    # demonym, an organisation, a known person) or an earlier full mention.
    for c in corrections.correct(doc, d):
        if _overlaps((c.start, c.end), boiler):
            continue
        desc = describe_phrase(c.text, date=date, person=c.label == "PERSON")
        if c.label == "NORP" and not c.country:
            desc = _norp_home(doc, c, desc, d)
        if c.label == "NORP" and not c.country and (desc is None or desc.country is None):
            continue  # "communist", "democratic": adjectives, not actors
        ent = Entity(text=c.text, start=c.start, end=c.end, label=c.label)
        if c.label in ("GPE", "ORG", "FAC") and _in_dateline(full, c.start, c.end):
            ent.country, ent.kind = (desc.country if desc is not None else None), "place"
            out.append(ent)  # a place; no organ, so no "the ministry" after it takes its state
            taken.append((c.start, c.end))
            continue
        if c.label == "MEDIA":
            e = d.lookup(c.text)
            ent.name, ent.country, ent.sector, ent.kind = (e.name, e.country, "JRN", "media") if e else (c.text, None, "JRN", "media")
        elif c.country:
            ent.country, ent.sector, ent.kind = c.country, c.sector, "group"
            ent.name = desc.name if desc and desc.country == c.country and desc.name else None
        elif desc is not None:
            ent.name, ent.country, ent.sector, ent.kind = desc.name, desc.country, desc.sector, desc.kind
        if c.label == "PERSON":
            ent.kind = ent.kind or "person"
            parts = c.text.split()
            if ent.name is None and len(parts) >= 2:
                ent.name = c.text
            if len(parts) == 1 and parts[0] in persons:
                # "Smith" after "Foreign Minister Jane Smith": the earlier full mention's person
                first = persons[parts[0]]
                ent.name = first.name or ent.name
                ent.country = ent.country or first.country
                ent.sector = ent.sector or first.sector
            elif ent.name:
                persons.setdefault(ent.name.split()[-1], ent)
        elif c.label == "GPE" and ent.kind in ("state", None) and ent.sector is None and ent.country:
            ent.kind = "state"
        elif c.label == "ORG" and c.text in persons and ent.country is None:
            ent.kind, ent.name = "person", persons[c.text].name  # a surname the model calls ORG
        out.append(ent)
        taken.append((c.start, c.end))
    for span in _phrase_spans(doc):
        s, e = span.start_char, span.end_char
        if _overlaps((s, e), boiler):
            continue
        toks = [t for t in span if t.pos_ != "DET"] or list(span)
        desc = describe_phrase(span.text, head=span.root.text, date=date)
        if desc is None or desc.sector is None:
            continue
        if desc.sector in _STATE_SECTORS and desc.name is None and _country_in(_words(span.text), d) is None:
            # "the regime", "the ministry": the state whose organs were named last.
            prior = [x for x in out if x.end <= s and x.sector in _STATE_SECTORS
                     and x.country and x.country not in NON_STATE_CODES and x.kind != "state"]
            if prior:
                desc = Description(None, max(prior, key=lambda x: x.start).country, desc.sector, desc.kind)
        if _overlaps((s, e), taken):
            # An entity inside the phrase already; keep the phrase only when it adds
            # a sector the entity lacks ("Hong Kong residents", "Hungarian officials").
            inner = [x for x in out if s <= x.start and x.end <= e]
            for x in inner:
                if x.kind == "person" and x.country is None and x.start > s:
                    # "Philippine spokesman Harry Roque": a demonym before the name is its evidence
                    # (a country word there may be the first name: "Senator Chad Wilson")
                    before = _country_in(_words(doc_text(doc)[s:x.start]), d, demonyms_only=True)
                    if before:
                        x.country, x.sector = before, x.sector or desc.sector
            if not inner or any(x.sector == desc.sector for x in inner) or inner[0].kind in ("person", "media"):
                continue
            if span.root.ent_type_:
                continue
        if _overlaps((s, e), [(x.start, x.end) for x in out if x.label == "ACTOR"]):
            continue  # nested noun chunk of a phrase already taken
        ent = Entity(text=span.text, start=s, end=e, label="ACTOR", name=desc.name, country=desc.country,
                     sector=desc.sector, kind=desc.kind or "group")
        out.append(ent)
    # a later surname takes what its first full mention learnt from its title
    for x in out:
        first = persons.get(x.text)
        if x.kind == "person" and x.country is None and first is not None and first is not x and first.country:
            x.country, x.sector = first.country, x.sector or first.sector
    out.sort(key=lambda x: (x.start, -x.end))
    return out
