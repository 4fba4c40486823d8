"""Where a people or a population lives, as its country (the CAMEO/PLOVER convention).

"Albanians of southern Serbia", "Kurds in northern Iraq", "villagers in Darfur": a group
qualified by its home is coded by that home, not by its demonym. A demonym that modifies a
sector noun keeps its country ("Chinese students in Japan" are Chinese), and "ethnic X"
alone says nothing about the state ("ethnic Serbs" live in several), unless X is a people
of one country (``peoples`` in codebook/actors.yaml: "ethnic Igbo" are Nigerians).

The actor dictionary is passed in (``d``: actors.ActorDictionary), so this module does not
import the one that uses it.
"""
from __future__ import annotations

from typing import Optional, Sequence

from . import gazetteer

# Prepositions that name a group's home ("of", "in", "from"), and participles before them.
RESIDENCE_PREPS = ("of", "in", "from")
HOME_VERBS = ("living", "based", "residing", "settled", "live", "reside")
# Head nouns that name a population, not an organisation: their home gives their country.
POPULATION = {"minority", "minorities", "community", "communities", "population", "populations",
              "residents", "resident", "inhabitants", "villagers", "people", "civilians", "prisoners",
              "inmates", "detainees", "tribesmen", "tribes", "clans", "locals", "natives", "families"}
# Of those, the ones that with a demonym still name a people, not nationals abroad
# ("the Hungarian minority in Slovakia" lives in Slovakia; "American residents of Paris" are American).
ETHNIC_HEADS = {"minority", "minorities", "community", "communities", "population", "populations"}
# A city in a residence phrase counts from this size (smaller names are too often people's).
MIN_CITY = 100_000
_QUANT = {"thousands", "hundreds", "dozens", "millions", "some", "many", "most", "all", "members", "part",
          "majority", "number", "group", "groups", "one", "two", "three", "four", "five", "several"}


def people_country(word: str, d) -> Optional[str]:
    """The country of a people named by ``word`` ("Igbo", "Chechens"), listed in ``peoples``;
    None for a people of several states (listed with no country: "Kurds", "Tamils")."""
    key = gazetteer.norm(word)
    if key in d.peoples:
        return d.peoples[key]
    if key.endswith("s") and key[:-1] in d.peoples:
        return d.peoples[key[:-1]]
    return None


def is_people(word: str, d) -> bool:
    """``word`` names a people or nationals as a noun: a listed people or a plural/bare demonym."""
    if not word[:1].isupper():
        return False
    key = gazetteer.norm(word)
    return key in d.peoples or (key.endswith("s") and (key[:-1] in d.peoples or key[:-1] in d.demonyms)) or (
        key.endswith("i") and key in d.demonyms)


def place_country(words: Sequence[str], d) -> Optional[str]:
    """The country of the first place named in ``words`` (a residence phrase): a listed region,
    a country, a US state, or a city of some size. Only capitalised words count."""
    for i in range(len(words)):
        if not words[i][:1].isupper():
            continue
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            key = gazetteer.norm(" ".join(words[i:i + n]))
            key = key[:-2] if key.endswith("'s") else key
            if key in d.regions:
                return d.regions[key]
            g = gazetteer.country_index().get(key)
            if g is not None:
                return g.country
            if n >= 2 and key in gazetteer.region_index():
                return "USA"
            if n <= 2:
                e = gazetteer.lookup(key)
                if e is not None and e.feature == "city" and e.population >= MIN_CITY:
                    return e.country
    return None


def _head_qualifies(head: Sequence[str], d) -> bool:
    """The words before the preposition name a people or a population without a demonym."""
    if not head:
        return False
    last = head[-1]
    low = [w.lower() for w in head]
    if "ethnic" in low or is_people(last, d) or gazetteer.norm(last) in ETHNIC_HEADS:
        return True
    if gazetteer.norm(last) in POPULATION:
        # "Palestinian refugees in Lebanon", "American residents of Paris": the demonym says it
        return not any(gazetteer.norm(w) in d.demonyms or is_people(w, d) for w in head[:-1])
    return False


def phrase_residence(words: Sequence[str], d) -> Optional[str]:
    """The home country of a phrase "<people/population> of/in/from <place>", else None."""
    for i, w in enumerate(words):
        if i == 0 or w.lower() not in RESIDENCE_PREPS:
            continue
        head = [x for x in words[:i] if x.lower() not in HOME_VERBS]
        if head and head[-1].lower() in _QUANT:
            continue  # "thousands of Kurds in Iraq": the head is the next noun
        if not _head_qualifies(head, d):
            return None
        tail = words[i + 1:]
        stop = next((k for k, x in enumerate(tail) if x.lower() in ("who", "which", "that", "and", "but")), len(tail))
        return place_country(tail[:stop], d)
    return None


def drop_ethnic_demonyms(words: Sequence[str], d) -> list[str]:
    """``words`` without the demonym after "ethnic" ("ethnic Albanians" are no evidence of
    Albania), unless it names a people of one country."""
    out = []
    for k, w in enumerate(words):
        if k > 0 and words[k - 1].lower() == "ethnic" and people_country(w, d) is None:
            continue
        out.append(w)
    return out


def token_residence(root, d) -> Optional[str]:
    """spaCy side: the home country of the noun ``root`` from its own of/in/from phrase (or that
    of a participle "living in", "based in"), when ``root`` names a people or a population."""
    doc = root.doc
    words = [t.text for t in doc[max(0, root.i - 3):root.i + 1] if t.i >= root.left_edge.i]
    if not _head_qualifies(words, d) and not (root.i > 0 and doc[root.i - 1].lower_ == "ethnic"):
        return None
    preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in RESIDENCE_PREPS]
    for c in root.children:
        if c.dep_ in ("acl", "relcl", "amod") and c.lower_ in HOME_VERBS:
            preps += [p for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "from")]
    for p in preps:
        objs = [o for o in p.children if o.dep_ == "pobj"]
        if not objs:
            continue
        sub = list(objs[0].subtree)
        got = place_country([t.text for t in sub], d)
        if got:
            return got
    return None
