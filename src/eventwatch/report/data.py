"""What a country report says, gathered in one pass over the store's events.

``gather(events, quotes_of, ...)`` reads the resolved events of a country and
period once (the store streams them) and keeps only what the report shows:
counts by type per period bucket, actor tallies, and the top ``key`` events
(most publishers, then most mentions, then confidence). Quotes come from the
articles of the key events; every article a key event or quote rests on gets
one numbered citation, in order of first use.
"""
from __future__ import annotations

import heapq
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from ..export.rows import entity_label, mentions, text

QUOTES_PER_EVENT = 3
# A quote this close to an event's evidence (characters) is taken to be about the event.
QUOTE_WINDOW = 300
MAX_MONTHS = 36


@dataclass
class Citation:
    number: int
    article_id: str
    title: Optional[str]
    publisher: Optional[str]
    publication_date: Optional[str]
    url: Optional[str]


@dataclass
class KeyEvent:
    event: dict
    citations: list[int]
    quotes: list[dict]  # {text, speaker, citation}


@dataclass
class ActorRow:
    name: str
    country: Optional[str]
    sector: Optional[str]
    as_actor: int = 0
    as_recipient: int = 0

    @property
    def total(self) -> int:
        return self.as_actor + self.as_recipient


@dataclass
class ReportData:
    country: str
    country_name: str
    since: Optional[str]
    until: Optional[str]
    total: int = 0
    by_type: Counter = field(default_factory=Counter)
    unit: str = "month"  # of the buckets: month, or year when the events span more than MAX_MONTHS
    by_bucket: dict[str, Counter] = field(default_factory=dict)  # bucket -> type -> count
    imprecise: int = 0  # dated less precisely than a bucket
    actors: list[ActorRow] = field(default_factory=list)
    key_events: list[KeyEvent] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def types(self) -> list[str]:
        return [t for t, _ in self.by_type.most_common()]


# Words for a country+sector group actor ("KEN COP" -> "police (Kenya)"): a report is read by people.
SECTOR_WORDS = {
    "COP": "police", "GOV": "government", "JUD": "judiciary", "LEG": "legislature", "MIL": "military",
    "PRM": "paramilitaries", "PTY": "political party", "REB": "rebels", "SPY": "intelligence services",
    "UAF": "armed groups", "UNK": "unidentified actors", "AGR": "farmers", "BUS": "business", "CRM": "criminals",
    "CVL": "civilians", "EDU": "education sector", "ELI": "elites", "JRN": "journalists", "LAB": "labour",
    "MED": "media", "REF": "refugees", "OPP": "opposition", "PRE": "partially recognised authorities",
    "REL": "religious groups", "SOC": "civil society", "NGO": "NGOs", "IGO": "intergovernmental bodies",
    "HLH": "health workers", "ENV": "environmental groups", "DEV": "development groups", "HRI": "rights groups",
}


def display_name(entity: dict) -> str:
    """An entity for a reader: its name, with a country+sector group spelled out in words."""
    name = entity_label(entity) or ""
    country, sector = entity.get("country"), entity.get("sector")
    if country and sector and name == f"{country} {sector}" and sector in SECTOR_WORDS:
        return f"{SECTOR_WORDS[sector]} ({country_name(country)})"
    return name


@lru_cache(maxsize=None)
def country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return getattr(found, "common_name", None) or getattr(found, "name", None) or code


def bucket_of(date: Optional[str], unit: str) -> Optional[str]:
    """The month (``YYYY-MM``) or year of an ISO date; None when the date is less precise than that."""
    if not date:
        return None
    need = 7 if unit == "month" else 4
    if unit == "month" and not date[5:7].isdigit():  # an ISO week (2024-W18) names no one month
        return None
    return date[:need] if len(date) >= need else None


def month_span(months) -> int:
    """Months from the first to the last ``YYYY-MM`` of ``months``, both included."""
    if not months:
        return 0
    first, last = min(months), max(months)
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1


def _rank(event: dict) -> tuple:
    return (event.get("num_sources") or 0, event.get("num_mentions") or 0, event.get("confidence") or 0.0,
            text(event.get("date")) or "", text(event.get("event_id")) or "")


def _actor_key(e: dict) -> str:
    return text(e.get("actor_id")) or (entity_label(e) or "").lower()


def _gap(q: dict, start: int, end: int) -> Optional[int]:
    """Characters between a quote and an evidence span (0 when they overlap); None without offsets."""
    qs, qe = q.get("start"), q.get("end")
    if qs is None or qe is None:
        return None
    return max(0, int(qs) - end, start - int(qe))


def _quotes_for(event: dict, quotes_of: Callable[[str], list[dict]], shown: set[str]) -> list[tuple[dict, dict]]:
    """The event's quotes as (quote, mention) pairs: by one of its parties or within ``QUOTE_WINDOW``
    characters of its evidence, parties first, then the nearest; none already ``shown``."""
    names = {(entity_label(e) or "").lower() for role in ("actor", "recipient") for e in (event.get(role) or [])}
    names.discard("")
    picked: list[tuple[tuple, dict, dict]] = []
    seen = set(shown)
    for m in mentions(event):
        aid = text(m.get("article_id"))
        if not aid:
            continue
        start, end = m.get("evidence_start") or 0, m.get("evidence_end") or 0
        for q in quotes_of(aid):
            qtext = (q.get("text") or "").strip()
            if not qtext or qtext in seen:  # syndicated copies repeat the same quote
                continue
            speaker = str(q.get("speaker_name") or q.get("speaker") or "")
            gap = _gap(q, start, end)
            by_party = bool(speaker) and any(n in speaker.lower() or speaker.lower() in n for n in names)
            if not by_party and (gap is None or gap > QUOTE_WINDOW):
                continue
            seen.add(qtext)
            picked.append(((not by_party, gap if gap is not None else QUOTE_WINDOW), q, m))
    picked.sort(key=lambda p: p[0])
    out = [(q, m) for _, q, m in picked[:QUOTES_PER_EVENT]]
    shown.update((q.get("text") or "").strip() for q, _ in out)
    return out


def gather(events: Iterable[dict], quotes_of: Callable[[str], list[dict]], *, country: str,
           since: Optional[str] = None, until: Optional[str] = None, key: int = 10,
           top_actors: int = 10) -> ReportData:
    """The report's content from ``events`` (those of ``country`` in the period, streamed)."""
    data = ReportData(country=country, country_name=country_name(country), since=since, until=until)
    actors: dict[str, ActorRow] = {}
    by_unit: dict[str, dict[str, Counter]] = {"month": {}, "year": {}}
    undated = {"month": 0, "year": 0}

    def tally(stream: Iterable[dict]) -> Iterable[dict]:
        for ev in stream:
            data.total += 1
            typ = text(ev.get("type")) or "UNKNOWN"
            data.by_type[typ] += 1
            for unit, buckets in by_unit.items():
                bucket = bucket_of(text(ev.get("date")), unit)
                if bucket is None:
                    undated[unit] += 1
                else:
                    buckets.setdefault(bucket, Counter())[typ] += 1
            for role in ("actor", "recipient"):
                for e in ev.get(role) or []:
                    if not isinstance(e, dict) or not entity_label(e):
                        continue
                    row = actors.setdefault(_actor_key(e), ActorRow(name=display_name(e),
                                                                    country=e.get("country"), sector=e.get("sector")))
                    if role == "actor":
                        row.as_actor += 1
                    else:
                        row.as_recipient += 1
            yield ev

    top = heapq.nlargest(key, tally(events), key=_rank)
    data.actors = sorted(actors.values(), key=lambda a: (-a.total, a.name))[:top_actors]
    data.unit = "year" if month_span(list(by_unit["month"])) > MAX_MONTHS else "month"
    data.by_bucket = dict(sorted(by_unit[data.unit].items()))
    data.imprecise = undated[data.unit]

    numbers: dict[str, int] = {}

    def cite(m: dict) -> int:
        aid = text(m.get("article_id")) or ""
        if aid not in numbers:
            numbers[aid] = len(numbers) + 1
            data.citations.append(Citation(number=numbers[aid], article_id=aid, title=text(m.get("title")),
                                           publisher=text(m.get("publisher")),
                                           publication_date=text(m.get("publication_date")), url=text(m.get("url"))))
        return numbers[aid]

    quote_cache: dict[str, list[dict]] = {}
    shown: set[str] = set()  # a quote appears under one key event only

    def cached_quotes(aid: str) -> list[dict]:
        if aid not in quote_cache:
            quote_cache[aid] = quotes_of(aid)
        return quote_cache[aid]

    # Chronological, the undated last.
    for ev in sorted(top, key=lambda e: (not e.get("date"), text(e.get("date")) or "", text(e.get("event_id")) or "")):
        cites = sorted({cite(m) for m in mentions(ev) if text(m.get("article_id"))})
        quotes = [{"text": (q.get("text") or "").strip(), "speaker": q.get("speaker_name") or q.get("speaker"),
                   "citation": cite(m)} for q, m in _quotes_for(ev, cached_quotes, shown)]
        data.key_events.append(KeyEvent(event=ev, citations=cites, quotes=quotes))
    return data


def quotes_from_store(store: Any) -> Callable[[str], list[dict]]:
    """``quotes_of(article_id)`` over ``Store.quotes``: the article's quotes as dicts."""
    def quotes_of(article_id: str) -> list[dict]:
        df = store.quotes(article_id=article_id)
        return [{k: (None if _missing(v) else v) for k, v in row.items()} for row in df.to_dict("records")]
    return quotes_of


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)
