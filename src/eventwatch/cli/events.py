"""``eventwatch events`` (list, show, merge, split) and ``eventwatch actors``: the resolved dataset."""
from __future__ import annotations

import json
import sys
from typing import Any, Optional

import typer
from rich.text import Text

from .common import Format, db_option, open_store, stdout, write_frame

FORMAT_HELP = "Output: a table, JSON Lines (one event record each, with its mentions) or CSV."


def _names(people: Any) -> str:
    return "; ".join(str(p.get("name") or p.get("text") or "") for p in (people or []) if isinstance(p, dict))


def existing(db: Optional[str]) -> Optional[str]:
    """``db``, after checking that the database exists: a read command never creates one (exit 2)."""
    from ..store import require_existing

    require_existing(db)
    return db


def _filters(**kw) -> dict[str, Any]:
    return {k: v for k, v in kw.items() if v is not None}


def _usage(exc) -> None:
    """A ``QueryError`` is a usage error: exit 2 with the valid values."""
    raise typer.BadParameter(str(exc), param_hint=f"--{exc.name.replace('_', '-')}" if exc.name else None)


app = typer.Typer(
    help="The resolved events: one record per real-world event, however many articles report it.\n\n"
         "Example: eventwatch events --type REJECT --country HKG --min-sources 2",
    add_completion=False,
    invoke_without_command=True,
)


@app.callback(invoke_without_command=True)
def events(
    ctx: typer.Context,
    type: Optional[str] = typer.Option(None, "--type", "-t", help="PLOVER event type, e.g. PROTEST."),
    mode: Optional[str] = typer.Option(None, "--mode", help="PLOVER mode of the type, e.g. arrest."),
    status: str = typer.Option("occurred", "--status",
                               help="occurred (default), future, hypothetical, negated, historical, or all."),
    actor: Optional[str] = typer.Option(None, "--actor", help="An actor's name, alias (e.g. Roth) or actor id."),
    recipient: Optional[str] = typer.Option(None, "--recipient", help="A recipient's name, alias or actor id."),
    country: Optional[str] = typer.Option(None, "--country", "-c", help="ISO alpha-3 code of an actor or recipient, e.g. HKG."),
    sector: Optional[str] = typer.Option(None, "--sector", help="PLOVER sector of an actor or recipient, e.g. COP."),
    context: Optional[str] = typer.Option(None, "--context", help="PLOVER context, e.g. human_rights."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE",
                                        help="Events whose date's period ends on or after this (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE",
                                        help="Events whose date's period starts on or before this (YYYY[-MM[-DD]])."),
    place: Optional[str] = typer.Option(None, "--place", help="Place name (any case) or the place's country code."),
    text: Optional[str] = typer.Option(None, "--text", help="Only events whose evidence contains this."),
    min_sources: Optional[int] = typer.Option(None, "--min-sources", min=0, help="At least this many independent sources."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0, metavar="P",
                                                   help="Only events whose confidence is at least this (0-1)."),
    article: Optional[str] = typer.Option(None, "--article", "-a", help="Only events this article mentions."),
    sort: Optional[str] = typer.Option(None, "--sort", help="date, -date, sources, -sources, mentions, -mentions, "
                                                           "confidence, -confidence, first_seen, last_seen (- : descending)."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show at most this many events."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help=FORMAT_HELP, case_sensitive=False),
    db: Optional[str] = db_option(),
) -> None:
    """List the resolved events (default: those that occurred), with their counts of mentions and sources.

    Example: eventwatch events --type REJECT --since 2020-01 --until 2020-01 --format jsonl
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..errors import QueryError
    from ..store.filters import EventFilters

    flt = _filters(type=type, mode=mode, status=status, actor=actor, recipient=recipient, country=country,
                   sector=sector, context=context, since=since, until=until, place=place, text=text,
                   min_sources=min_sources, min_confidence=min_confidence, article_id=article, sort=sort,
                   limit=limit)
    try:
        EventFilters.of(dict(flt))
    except QueryError as exc:
        _usage(exc)
    with open_store(existing(db)) as store:
        if fmt == Format.jsonl:
            for ev in store.iter_events(**flt):
                sys.stdout.write(json.dumps(ev, ensure_ascii=False, default=str) + "\n")
            return
        df = store.events(**flt)
    if fmt == Format.table and len(df):
        df = df.copy()
        df["actor"] = [_names(v) for v in df["actor"]]
        df["recipient"] = [_names(v) for v in df["recipient"]]
        df["place"] = [(p or {}).get("name") if isinstance(p, dict) else None for p in df["place"]]
    write_frame(df, fmt, title="events",
                columns=["event_id", "date", "type", "mode", "status", "actor", "recipient", "place",
                         "num_mentions", "num_sources"],
                widths={"actor": 30, "recipient": 30, "place": 18}, empty="no events")


@app.command()
def show(
    event_id: str = typer.Argument(..., metavar="EVENT_ID", help="The event's id (see `eventwatch events`)."),
    as_json: bool = typer.Option(False, "--json", help="Print the event record as JSON."),
    db: Optional[str] = db_option(),
) -> None:
    """Show one event: its fields, every mention (article, publisher, evidence) and why each merged.

    Example: eventwatch events show ev-9f8299c61cf5
    """
    with open_store(existing(db)) as store:
        ev = store.event(event_id)
    if ev is None:
        from .common import error

        error(f"no event with id {event_id!r}")
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps(ev, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    out = stdout()
    place = (ev["place"] or {}).get("name") or "unknown"
    out.print(Text(f"{ev['event_id']}  {ev['type']}{'/' + ev['mode'] if ev['mode'] else ''} ({ev['status']})  "
                   f"date {ev['date'] or 'unknown'} ({ev['date_precision'] or '-'})  place {place}", style="bold"))
    out.print(Text(f"actor: {_names(ev['actor']) or 'unknown'}   recipient: {_names(ev['recipient']) or 'unknown'}"))
    copies = ev["num_articles"] - ev["num_dup_groups"]
    note = (f"; {ev['num_articles']} articles in {ev['num_dup_groups']} near-duplicate group(s): copies of one "
            "story count as one source") if copies > 0 else ""
    out.print(Text(f"{ev['num_mentions']} mentions, {ev['num_articles']} articles, {ev['num_sources']} sources{note}"))
    out.print(Text(f"first seen {ev['first_seen']}, last seen {ev['last_seen']}; coder {ev['coder_version']}",
                   style="dim"))
    for i, m in enumerate(ev["mentions"], 1):
        out.print(Text(f"\n[{i}] {m['mention_id']}  {m['publisher'] or '-'}  {m['url'] or ''}  "
                       f"(near-duplicate group {m['dup_group']})"))
        out.print(Text(f"    {m['evidence']}  (trigger: {m['trigger']})"))
        out.print(Text(f"    why: {m['reason']}", style="dim"))
    for r in ev.get("reviews") or []:
        who = f" by {r['reviewer']}" if r.get("reviewer") else ""
        out.print(Text(f"\nanalyst {r['kind']}{who} {r['created_at'][:19]}: {r.get('note') or ''}"))


@app.command()
def merge(
    event_id: str = typer.Argument(..., metavar="EVENT_ID", help="The event that stays."),
    other_id: str = typer.Argument(..., metavar="OTHER_ID", help="The event merged into it."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (kept with the decision)."),
    db: Optional[str] = db_option(),
) -> None:
    """Merge two events into one (an analyst's decision, kept through re-processing).

    Example: eventwatch events merge ev-9f8299c61cf5 ev-4db1c3d5f4c6 --note "same ban"
    """
    with open_store(existing(db)) as store:
        kept = store.merge_events(event_id, other_id, note=note)
    stdout().print(Text(f"merged {other_id} into {kept}"))


@app.command()
def split(
    event_id: str = typer.Argument(..., metavar="EVENT_ID", help="The event to split."),
    mention: str = typer.Option(..., "--mention", "-m", help="The mention id to take out (see `events show`)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (kept with the decision)."),
    db: Optional[str] = db_option(),
) -> None:
    """Take one mention out of an event into an event of its own (kept through re-processing).

    Example: eventwatch events split ev-9f8299c61cf5 --mention 'copy1#451-458/REJECT'
    """
    with open_store(existing(db)) as store:
        new = store.split_event(event_id, mention, note=note)
    stdout().print(Text(f"mention {mention} is now event {new}"))


def actors(
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Only actors whose name or an alias contains this."),
    country: Optional[str] = typer.Option(None, "--country", "-c", help="Only actors of this country code."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show at most this many actors."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help=FORMAT_HELP, case_sensitive=False),
    db: Optional[str] = db_option(),
) -> None:
    """List the canonical actors (people, organisations, states, country+sector groups) with their aliases and
    how many events name them.

    Example: eventwatch actors --search roth
    """
    with open_store(existing(db)) as store:
        df = store.actors(search=search, country=country, limit=limit)
    write_frame(df, fmt, title="actors",
                columns=["actor_id", "name", "country", "sector", "external_id", "aliases", "n_as_actor",
                         "n_as_recipient"],
                widths={"actor_id": 30, "aliases": 40}, empty="no actors")
