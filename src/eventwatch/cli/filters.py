"""The event filter options of ``export`` and ``report``: one definition each, validated by the store.

The values are checked by ``eventwatch.store.filters.EventFilters`` (the
store's own validation, shared with ``eventwatch events``), each as soon as
typer parses it: a bad value is a usage error (exit 2) whose message lists
the valid values, before any database is opened. ``event_filters(...)``
turns the parsed options into the keyword arguments of
``Store.iter_events``.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import typer

from ..codebook import PLOVER_TYPES
from ..errors import QueryError
from ..store.filters import SORTS, STATUSES, EventFilters


def check(name: str) -> Callable[[Any], Any]:
    """A typer callback validating one filter value as the store does; returns the normalised value."""
    def callback(value: Any) -> Any:
        if value is None:
            return None
        try:
            return getattr(EventFilters.of({name: value}), name)
        except QueryError as exc:
            raise typer.BadParameter(str(exc)) from None
    return callback


def _option(default: Any, *flags: str, name: str, help: str, **kw: Any) -> Any:
    return typer.Option(default, *flags, callback=check(name), help=help, **kw)


def type_option() -> Any:
    return _option(None, "--type", "-t", name="type", help=f"PLOVER event type: {', '.join(PLOVER_TYPES)}.")


def mode_option() -> Any:
    return _option(None, "--mode", name="mode", help="PLOVER mode of the type, e.g. arrest, demo.")


def status_option() -> Any:
    # "all" validates to None: every status.
    return _option("occurred", "--status", name="status", help=f"{', '.join(STATUSES)}, or all.")


def actor_option() -> Any:
    return typer.Option(None, "--actor", help="An actor's name, alias (e.g. Roth) or actor id.")


def recipient_option() -> Any:
    return typer.Option(None, "--recipient", help="A recipient's name, alias or actor id.")


def country_option(*, required: bool = False, help: str = "ISO alpha-3 code of an actor or recipient, e.g. HKG.") -> Any:
    return _option(... if required else None, "--country", "-c", name="country", help=help)


def sector_option() -> Any:
    return _option(None, "--sector", name="sector", help="PLOVER sector of an actor or recipient, e.g. COP.")


def context_option() -> Any:
    return _option(None, "--context", name="context", help="PLOVER context, e.g. human_rights.")


def since_option(*flags: str, help: str = "Events whose date's period ends on or after this (YYYY[-MM[-DD]]).") -> Any:
    return _option(None, *(flags or ("--since",)), name="since", metavar="DATE", help=help)


def until_option(*flags: str, help: str = "Events whose date's period starts on or before this (YYYY[-MM[-DD]]).") -> Any:
    return _option(None, *(flags or ("--until",)), name="until", metavar="DATE", help=help)


def place_option() -> Any:
    return typer.Option(None, "--place", help="Place name (any case) or the place's country code.")


def text_option() -> Any:
    return typer.Option(None, "--text", help="Only events whose evidence contains this.")


def min_sources_option() -> Any:
    return typer.Option(None, "--min-sources", min=0, metavar="N", help="At least this many independent sources.")


def min_confidence_option() -> Any:
    return typer.Option(None, "--min-confidence", min=0.0, max=1.0, metavar="P",
                        help="Only events whose confidence is at least this (0-1).")


def article_option() -> Any:
    return typer.Option(None, "--article", "-a", help="Only events this article mentions.")


def sort_option() -> Any:
    return _option(None, "--sort", name="sort", help=f"{', '.join(SORTS)} (- : descending).")


def limit_option() -> Any:
    return typer.Option(None, "--limit", "-n", min=1, help="At most this many events.")


def event_filters(*, article: Optional[str] = None, **given: Any) -> dict[str, Any]:
    """The store's filter keywords for the parsed options; unset ones (and status "all") are left out."""
    given["article_id"] = article
    return {k: v for k, v in given.items() if v is not None}
