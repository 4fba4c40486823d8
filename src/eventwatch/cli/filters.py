"""The event filters every event-reading command shares (``events``, ``export``, ``report``).

One definition of each option and of its validation, so that ``eventwatch
events --type X`` and ``eventwatch export --type X`` accept and reject the same
values. A bad value is a usage error (exit 2) whose message lists the valid
values. ``event_filters(...)`` turns the parsed options into the keyword
arguments of ``Store.events`` / ``Store.iter_events``.
"""
from __future__ import annotations

from typing import Any, Optional

import typer

from ..codebook import NON_STATE_CODES, PLOVER_CONTEXTS, PLOVER_MODES, PLOVER_TYPES, SECTORS
from .ingest import check_date

STATUSES = ("occurred", "future", "hypothetical", "negated", "historical", "all")
SORTS = ("date", "-date", "confidence", "-confidence", "num_sources", "-num_sources",
         "num_mentions", "-num_mentions", "first_seen", "-first_seen", "last_seen", "-last_seen")
ALL_MODES = tuple(sorted({m for modes in PLOVER_MODES.values() for m in modes}))


def _listing(values) -> str:
    return ", ".join(values)


def _choice(value: Optional[str], valid, what: str, *, upper: bool = False) -> Optional[str]:
    if value is None:
        return None
    norm = value.strip().upper() if upper else value.strip().lower()
    if norm not in valid:
        raise typer.BadParameter(f"unknown {what} {value!r}; valid: {_listing(valid)}")
    return norm


def check_type(value: Optional[str]) -> Optional[str]:
    return _choice(value, PLOVER_TYPES, "event type", upper=True)


def check_mode(value: Optional[str]) -> Optional[str]:
    return _choice(value, ALL_MODES, "mode")


def check_status(value: Optional[str]) -> Optional[str]:
    return _choice(value, STATUSES, "status")


def check_sector(value: Optional[str]) -> Optional[str]:
    return _choice(value, SECTORS, "sector", upper=True)


def check_context(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    return _choice(value.replace("-", "_"), PLOVER_CONTEXTS, "context")


def check_sort(value: Optional[str]) -> Optional[str]:
    return _choice(value, SORTS, "sort key")


def valid_countries() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes, plus the PLOVER codes for non-state actors (IGO, NGO, ...)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(NON_STATE_CODES)


def check_country(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    code = value.strip().upper()
    if code not in valid_countries():
        raise typer.BadParameter(f"{value!r} is not an ISO 3166-1 alpha-3 country code (e.g. HKG, KEN, USA) "
                                 f"nor one of {_listing(NON_STATE_CODES)}")
    return code


def type_option() -> Any:
    return typer.Option(None, "--type", "-t", callback=check_type, help=f"PLOVER event type: {_listing(PLOVER_TYPES)}.")


def mode_option() -> Any:
    return typer.Option(None, "--mode", callback=check_mode, help="PLOVER mode, e.g. arrest, demo.")


def status_option() -> Any:
    return typer.Option("occurred", "--status", callback=check_status,
                        help=f"Event status: {_listing(STATUSES)} ('all' keeps every status).")


def actor_option() -> Any:
    return typer.Option(None, "--actor", help="Actor whose name, alias or text contains this.")


def recipient_option() -> Any:
    return typer.Option(None, "--recipient", help="Recipient whose name, alias or text contains this.")


def country_option() -> Any:
    return typer.Option(None, "--country", "-c", callback=check_country,
                        help="ISO-3 country code of an actor or recipient, e.g. HKG.")


def sector_option() -> Any:
    return typer.Option(None, "--sector", callback=check_sector, help="Sector of an actor or recipient, e.g. GOV, JRN.")


def context_option() -> Any:
    return typer.Option(None, "--context", callback=check_context, help="PLOVER context, e.g. human_rights.")


def since_option() -> Any:
    return typer.Option(None, "--since", metavar="DATE", callback=check_date,
                        help="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")


def until_option() -> Any:
    return typer.Option(None, "--until", metavar="DATE", callback=check_date,
                        help="Events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")


def place_option() -> Any:
    return typer.Option(None, "--place", help="Events whose place name contains this.")


def text_option() -> Any:
    return typer.Option(None, "--text", help="Events whose evidence text contains this.")


def min_sources_option() -> Any:
    return typer.Option(None, "--min-sources", min=1, metavar="N", help="Events reported by at least N publishers.")


def min_confidence_option() -> Any:
    return typer.Option(None, "--min-confidence", min=0.0, max=1.0, metavar="P",
                        help="Events whose confidence is at least this (0-1).")


def article_option() -> Any:
    return typer.Option(None, "--article", "-a", help="Only the events with a mention in this article id.")


def sort_option() -> Any:
    return typer.Option(None, "--sort", callback=check_sort, help=f"Order: {_listing(SORTS)} ('-' descending).")


def limit_option() -> Any:
    return typer.Option(None, "--limit", "-n", min=1, help="At most this many events.")


def event_filters(*, type: Optional[str] = None, mode: Optional[str] = None, status: Optional[str] = "occurred",
                  actor: Optional[str] = None, recipient: Optional[str] = None, country: Optional[str] = None,
                  sector: Optional[str] = None, context: Optional[str] = None, since: Optional[str] = None,
                  until: Optional[str] = None, place: Optional[str] = None, text: Optional[str] = None,
                  min_sources: Optional[int] = None, min_confidence: Optional[float] = None,
                  article: Optional[str] = None, sort: Optional[str] = None,
                  limit: Optional[int] = None) -> dict[str, Any]:
    """The store's filter keywords for the parsed options; unset ones are left out ("all" status too)."""
    given = {"type": type, "mode": mode, "status": None if status == "all" else status, "actor": actor,
             "recipient": recipient, "country": country, "sector": sector, "context": context, "since": since,
             "until": until, "place": place, "text": text, "min_sources": min_sources,
             "min_confidence": min_confidence, "article_id": article, "sort": sort, "limit": limit}
    return {k: v for k, v in given.items() if v is not None}
