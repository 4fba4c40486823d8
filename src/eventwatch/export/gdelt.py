"""A GDELT-events-style TSV: one row per event, GDELT 1.0/2.0 column names where one applies.

GDELT is dyadic (one actor, one target per row); an eventwatch event has
lists of actors and recipients, so Actor1 is the first actor and Actor2 the
first recipient (the full lists are in the CSV/Parquet exports). Unlike a
GDELT file this one has a header line, so ``pandas.read_csv(path, sep="\\t")``
reads it. Every column is documented in docs/export-gdelt.md.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

from ..coding.lexicon import cameo_for
from .rows import entity_label, flatten
from .scales import goldstein, quad_class
from .tabular import write_delimited

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "DatePrecision",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor1Id",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "Actor2Id",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
    "PloverType", "PloverMode", "Status", "Confidence", "Context",
    "MentionIds", "MentionArticleIds", "EvidenceStarts", "EvidenceEnds", "ArticleIds", "CoderVersion",
)


def _date_parts(date: Optional[str]) -> dict[str, Any]:
    """SQLDATE YYYYMMDD (00 for an unknown month or day), MonthYear YYYYMM, Year, FractionDate."""
    if not date or not date[:4].isdigit():
        return {"SQLDATE": None, "MonthYear": None, "Year": None, "FractionDate": None}
    parts = date[:10].split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
    return {
        "SQLDATE": f"{year:04d}{month:02d}{day:02d}",
        "MonthYear": f"{year:04d}{month:02d}",
        "Year": year,
        # GDELT's approximation: year + (month * 30 + day) / 365, four decimals.
        "FractionDate": round(year + (month * 30 + day) / 365, 4),
    }


def _actor(prefix: str, entities: list) -> dict[str, Any]:
    e = next((x for x in entities if isinstance(x, dict)), None) or {}
    country, sector = e.get("country") or "", e.get("sector") or ""
    return {
        f"{prefix}Code": (country + sector) or None,
        f"{prefix}Name": (entity_label(e) or "").upper() or None,
        f"{prefix}CountryCode": country or None,
        f"{prefix}Type1Code": sector or None,
        f"{prefix}Id": e.get("actor_id"),
    }


def _geo_type(place: dict) -> Optional[int]:
    """GDELT ActionGeo_Type: 1 a country, 4 a place within one (city or landmark); None without a place."""
    if not place or not (place.get("name") or place.get("country")):
        return None
    if place.get("name") and place.get("lat") is not None:
        return 4
    return 1


def _timestamp(value: Any) -> Optional[str]:
    """DATEADDED: YYYYMMDDHHMMSS from an ISO timestamp."""
    if not value:
        return None
    digits = "".join(ch for ch in str(value)[:19] if ch.isdigit())
    return digits.ljust(14, "0")[:14] if len(digits) >= 8 else None


def to_gdelt(event: dict) -> dict[str, Any]:
    flat = flatten(event)
    place = event.get("place") or {}
    cameo = flat["cameo"] or (cameo_for(flat["type"], flat["mode"]) if flat["type"] else None)
    row: dict[str, Any] = {
        "GLOBALEVENTID": flat["event_id"],
        **_date_parts(flat["date"]),
        "DatePrecision": flat["date_precision"],
        **_actor("Actor1", event.get("actor") or []),
        **_actor("Actor2", event.get("recipient") or []),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": cameo[:2] if cameo else None,
        "QuadClass": quad_class(cameo),
        "GoldsteinScale": goldstein(cameo),
        "NumMentions": flat["num_mentions"],
        "NumSources": flat["num_sources"],
        "NumArticles": flat["num_articles"],
        "ActionGeo_Type": _geo_type(place),
        "ActionGeo_FullName": flat["place"],
        "ActionGeo_CountryCode": flat["place_country"],
        "ActionGeo_Lat": flat["lat"],
        "ActionGeo_Long": flat["lon"],
        "DATEADDED": _timestamp(flat["first_seen"]),
        "SOURCEURL": flat["urls"][0] if flat["urls"] else None,
        "PloverType": flat["type"],
        "PloverMode": flat["mode"],
        "Status": flat["status"],
        "Confidence": flat["confidence"],
        "Context": flat["context"],
        "MentionIds": flat["mention_ids"],
        "MentionArticleIds": flat["mention_article_ids"],
        "EvidenceStarts": flat["evidence_starts"],
        "EvidenceEnds": flat["evidence_ends"],
        "ArticleIds": flat["article_ids"],
        "CoderVersion": flat["coder_version"],
    }
    return row


def write_gdelt(events: Iterable[dict], path: Path, *, batch_size: int = 1000) -> int:
    return write_delimited((to_gdelt(e) for e in events), GDELT_COLUMNS, path, delimiter="\t",
                           batch_size=batch_size)
