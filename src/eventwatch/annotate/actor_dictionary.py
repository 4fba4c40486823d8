"""The actor dictionary's records and its YAML loader (codebook/actors.yaml, leaders.yaml and a
user's files): every entry checked, a bad one named by file and line.

Kept apart from ``actors`` (which applies the dictionary to phrases) so that modules the
dictionary is passed to need not import the phrase rules.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

import pycountry

from ..codebook import NON_STATE_CODES, SECTORS, iter_entries, line_of, line_of_key, load_yaml
from ..errors import CodebookError
from . import gazetteer

KINDS = ("person", "organization", "state", "group", "media")


@dataclass(frozen=True)
class ActorEntry:
    name: str
    country: str
    sector: Optional[str]
    kind: str
    terms: tuple[tuple[Optional[str], Optional[str]], ...] = ()

    def in_office(self, date: Optional[str]) -> bool:
        if not self.terms or not date:
            return True
        return any((f is None or f <= date) and (t is None or date < t) for f, t in self.terms)


@dataclass
class ActorDictionary:
    aliases: dict[str, ActorEntry] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    peoples: dict[str, Optional[str]] = field(default_factory=dict)  # None: a people of several states
    regions: dict[str, str] = field(default_factory=dict)
    versions: dict[str, object] = field(default_factory=dict)

    # (number of sector nouns when built, the multi-word ones as (key, pattern), longest first)
    _phrases: tuple = field(default=(-1, ()), init=False, repr=False, compare=False)

    def lookup(self, text: str) -> Optional[ActorEntry]:
        return self.aliases.get(gazetteer.norm(text))

    def sector_phrases(self) -> tuple[tuple[str, re.Pattern], ...]:
        """The multi-word sector nouns ("riot police", "men in uniform"), longest first, each with
        its whole-word pattern, compiled once (rebuilt when a file added nouns since)."""
        if self._phrases[0] != len(self.sector_nouns):
            keys = sorted((k for k in self.sector_nouns if " " in k), key=len, reverse=True)
            self._phrases = (len(self.sector_nouns),
                             tuple((k, re.compile(rf"(?<![\w-]){re.escape(k)}(?![\w-])")) for k in keys))
        return self._phrases[1]


def valid_country(code: str) -> bool:
    return code in NON_STATE_CODES or pycountry.countries.get(alpha_3=code) is not None or code in ("HKG", "XKX", "TWN", "PSE", "MAC")


def _date(value, path: str, line) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise CodebookError(f"bad date {value!r} (want YYYY-MM-DD)", path=path, line=line)


def _years(value, path: str, line) -> tuple[Optional[str], Optional[str]]:
    """``years: [first, last]`` (inclusive, last null = still in office) as a term of ISO bounds."""
    if not (isinstance(value, list) and len(value) == 2 and all(v is None or isinstance(v, int) for v in value)
            and value[0] is not None and (value[1] is None or value[0] <= value[1])):
        raise CodebookError(f"bad years {value!r} (want [first, last], last may be null)", path=path, line=line)
    return f"{value[0]:04d}-01-01", None if value[1] is None else f"{value[1] + 1:04d}-01-01"


def _spellings(alias: str) -> list[str]:
    """The alias and its accent-free form: wires drop diacritics ("Lech Walesa")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(c))
    plain = plain.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
    return [alias] if plain == alias else [alias, plain]


def load_file(path: str, d: ActorDictionary, builtin: bool) -> None:
    data = load_yaml(path)
    entries = list(iter_entries(data, "actors", path))
    d.versions[path] = data["version"]
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict) or set(defaults) - {"kind", "sector"}:
        raise CodebookError("'defaults' may set only kind and sector", path=path, line=line_of(data, 1))
    for dem, code in (data.get("demonyms") or {}).items():
        if not valid_country(str(code)):
            raise CodebookError(f"demonym {dem!r}: unknown country code {code!r}", path=path,
                                line=line_of(data.get("demonyms"), 1))
        d.demonyms[gazetteer.norm(dem)] = code
    for table, allow_null in (("peoples", True), ("regions", False)):
        rows = data.get(table) or {}
        for word, code in rows.items():
            if not ((code is None and allow_null) or (code is not None and valid_country(str(code)))):
                raise CodebookError(f"{table} {word!r}: unknown country code {code!r}", path=path,
                                    line=line_of_key(rows, word, line_of(rows, 1)))
            getattr(d, table)[gazetteer.norm(str(word))] = code
            if table == "peoples" and code is not None:
                d.demonyms[gazetteer.norm(str(word))] = code  # "Igbo elders" like "Nigerian elders"
    nouns = data.get("sector_nouns") or {}
    for sector, words in nouns.items():
        if sector not in SECTORS:
            raise CodebookError(f"sector_nouns: unknown sector {sector!r}", path=path, line=line_of(nouns, 1))
        for w in words:
            d.sector_nouns[gazetteer.norm(str(w))] = sector
    seen_here: dict[str, tuple[int, str]] = {}
    for e in entries:
        line = line_of(e)
        name = e.get("name")
        if not name or not isinstance(name, str):
            raise CodebookError("entry without 'name'", path=path, line=line)
        country = e.get("country")
        if not country or not valid_country(str(country)):
            raise CodebookError(f"{name}: unknown country code {country!r} (ISO-3 or one of {', '.join(NON_STATE_CODES)})",
                                path=path, line=line)
        sector = e.get("sector", defaults.get("sector"))
        if sector is not None and sector not in SECTORS:
            raise CodebookError(f"{name}: unknown sector {sector!r}", path=path, line=line)
        kind = e.get("kind", defaults.get("kind", "organization"))
        if kind not in KINDS:
            raise CodebookError(f"{name}: unknown kind {kind!r}", path=path, line=line)
        terms = []
        for t in e.get("terms") or []:
            terms.append((_date(t.get("from"), path, line), _date(t.get("to"), path, line)))
        if "from" in e or "to" in e:
            terms.append((_date(e.get("from"), path, line), _date(e.get("to"), path, line)))
        if "years" in e:
            terms.append(_years(e["years"], path, line))
        entry = ActorEntry(name, country, sector, kind, tuple(terms))
        for alias in [name, *(e.get("aliases") or [])]:
            for spelling in _spellings(str(alias)):
                key = gazetteer.norm(spelling)
                if key in seen_here and seen_here[key][1] != name:
                    raise CodebookError(f"{name}: duplicate alias {alias!r} (first at line {seen_here[key][0]})",
                                        path=path, line=line)
                seen_here[key] = (line, name)
                # A user's file overrides the shipped one on purpose.
                d.aliases[key] = entry
