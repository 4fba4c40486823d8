"""``eventwatch ingest`` and ``eventwatch extract``: documents in."""
from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from .common import db_option, open_store, stderr, stdout, terminal_safe

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: Optional[str]) -> Optional[str]:
    """``--published``: ISO 8601 ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``); anything else is a usage error."""
    if value is None:
        return None
    value = value.strip()
    ok = bool(_DATE.match(value))
    if ok:
        parts = [int(p) for p in value.split("-")]
        try:
            _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            ok = False
    if not ok:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return value


PUBLISHED_HELP = "Publication date (YYYY-MM-DD) for documents that carry none of their own."
CONFIDENCE_HELP = ("Keep only events whose calibrated confidence is at least this (0-1; default: setting "
                   "min_confidence). Higher: fewer, more precise events.")


def confidence_option():
    return typer.Option(None, "--min-confidence", min=0.0, max=1.0, metavar="P", help=CONFIDENCE_HELP)


PRIVATE_HELP = "Allow fetching URLs on private, loopback and link-local addresses (off: SSRF protection)."


def ingest(
    sources: list[str] = typer.Argument(..., metavar="SOURCE",
                                        help="Files, directories (recursive), '-' for JSON Lines on stdin, "
                                             "http(s) URLs, RSS/Atom feeds, WARC/ARC archives."),
    db: Optional[str] = db_option(),
    published: Optional[str] = typer.Option(None, "--published", metavar="DATE", help=PUBLISHED_HELP,
                                            callback=check_date),
    allow_private: bool = typer.Option(False, "--allow-private", help=PRIVATE_HELP),
    min_confidence: Optional[float] = confidence_option(),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary; skips still go to stderr."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object on stdout."),
) -> None:
    """Ingest documents into the store: extract, annotate, code, store each one once.

    Re-ingesting a stored article changes nothing; an interrupted ingest resumes
    when run again. Exit code 0 when every document succeeded, 1 when any was
    skipped (see `eventwatch articles --skipped`), 2 on a usage or setup error.

    Example: eventwatch ingest samples/articles samples/feeds --published 2024-05-06
    """
    from ..runner import ingest as run_ingest

    err = stderr()
    show_progress = not quiet and not as_json and sys.stderr.isatty()
    with open_store(db, write=True) as store:
        if show_progress:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            counts = {"added": 0, "unchanged": 0, "skipped": 0}
            with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"),
                          TextColumn("{task.completed} documents"),
                          TextColumn("added {task.fields[added]} · unchanged {task.fields[unchanged]} · "
                                     "skipped {task.fields[skipped]}"),
                          TimeElapsedColumn(), console=err, transient=True) as bar:
                task = bar.add_task("ingest", total=None, **counts)

                def progress(event: str, n_done: int) -> None:
                    if event in counts:
                        counts[event] += 1
                    bar.update(task, completed=n_done, **counts)

                summary = run_ingest(sources, store, published=published, allow_private=allow_private,
                                     min_confidence=min_confidence, progress=progress)
        else:
            summary = run_ingest(sources, store, published=published, allow_private=allow_private,
                                 min_confidence=min_confidence)
        db_url = store.display_url()

    if as_json:
        sys.stdout.write(json.dumps({**summary.to_dict(), "db": db_url}, ensure_ascii=False) + "\n")
    elif quiet:
        for sk in summary.skips:
            sys.stderr.write(f"skipped: {sk.source} [{sk.stage}] {sk.reason}\n")
    else:
        _print_summary(summary, db_url)
    if not summary.ok:
        raise typer.Exit(1)


def _print_summary(summary, db_url: str) -> None:
    out = stdout()
    out.print(
        Text.assemble(
            ("ingested ", "bold"), f"{summary.seen} document{'s' if summary.seen != 1 else ''} into {db_url}: ",
            (f"{summary.added} added", "green"), ", ", f"{summary.unchanged} unchanged", ", ",
            (f"{summary.skipped} skipped", "red" if summary.skipped else ""),
            f"; {summary.events} events, {summary.quotes} quotes ({summary.elapsed:.1f} s)",
        ),
        soft_wrap=True,
    )
    if not summary.skips:
        return
    if out.is_terminal:
        table = Table(title="skipped documents", header_style="bold", title_justify="left")
        table.add_column("source", overflow="fold")
        table.add_column("stage")
        table.add_column("reason", overflow="fold")
        for sk in summary.skips:
            table.add_row(*(Text(terminal_safe(v)) for v in (sk.source, sk.stage, sk.reason)))
        out.print(table)
    else:  # scripts and logs: one line per skip, never wrapped
        for sk in summary.skips:
            sys.stdout.write(f"skipped: {sk.source} [{sk.stage}] {sk.reason}\n")
    sys.stdout.flush()


def extract(
    paths: Optional[list[str]] = typer.Argument(None, metavar="PATH",
                                                help="Any source ingest accepts; none or '-' reads JSON Lines on stdin."),
    published: Optional[str] = typer.Option(None, "--published", metavar="DATE", help=PUBLISHED_HELP,
                                            callback=check_date),
    allow_private: bool = typer.Option(False, "--allow-private", help=PRIVATE_HELP),
    min_confidence: Optional[float] = confidence_option(),
) -> None:
    """Extract events, quotes, dates and places: one JSON object per document on stdout.

    Stateless: nothing is stored. Standard input carries JSON Lines records
    {"id", "text" or "html", "publication_date", "url"}. Skipped documents are
    reported on stderr, one line each, and make the exit code 1.

    Example: echo '{"id":"a","text":"Police in Dhaka arrested twelve activists on Monday.","publication_date":"2021-03-02"}' | eventwatch extract -
    """
    from ..ingest import iter_raw
    from ..models import Skip
    from ..pipeline import process

    if not paths and sys.stdin.isatty():
        raise typer.BadParameter("give PATH... or pipe JSON Lines to standard input", param_hint="PATH")
    sources = list(paths) if paths else ["-"]
    out = sys.stdout
    skipped = 0
    for res in process(iter_raw(sources, published=published, allow_private=allow_private),
                       min_confidence=min_confidence):
        if isinstance(res, Skip):
            skipped += 1
            sys.stderr.write(f"skipped: {res.source} [{res.stage}] {res.reason}\n")
            sys.stderr.flush()
            continue
        out.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    if skipped:
        raise typer.Exit(1)
