"""``export`` (events to a file in a standard format) and ``report`` (a country report)."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import filters as f
from .common import db_option, open_store
from .events import existing


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"
    training = "training"


def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", case_sensitive=False,
                                     help="jsonl (nested events), csv or parquet (flat rows), plover (PLOVER JSON "
                                          "Lines), gdelt (GDELT-style TSV), or training (analysts' reviews as "
                                          "annotated sentences for `eventwatch train`)."),
    out: Path = typer.Option(..., "--out", "-o", metavar="PATH", help="The file to write (replaced when complete)."),
    type: Optional[str] = f.type_option(),
    mode: Optional[str] = f.mode_option(),
    status: Optional[str] = f.status_option(),
    actor: Optional[str] = f.actor_option(),
    recipient: Optional[str] = f.recipient_option(),
    country: Optional[str] = f.country_option(),
    sector: Optional[str] = f.sector_option(),
    context: Optional[str] = f.context_option(),
    since: Optional[str] = f.since_option(),
    until: Optional[str] = f.until_option(),
    place: Optional[str] = f.place_option(),
    text: Optional[str] = f.text_option(),
    min_sources: Optional[int] = f.min_sources_option(),
    min_confidence: Optional[float] = f.min_confidence_option(),
    article: Optional[str] = f.article_option(),
    sort: Optional[str] = f.sort_option(),
    limit: Optional[int] = f.limit_option(),
    batch_size: int = typer.Option(1000, "--batch-size", min=1, help="Events read and written per batch."),
    db: Optional[str] = db_option(),
) -> None:
    """Export the resolved events (the same filters as `events`), streamed in batches: every row carries
    its event id, mention ids, article ids and evidence offsets. `--format training` writes the
    reviewed events' sentences as training data instead.

    Example: eventwatch export --format parquet --out events.parquet --country HKG --since 2019-06
    """
    from ..export import export_events

    filters = f.event_filters(type=type, mode=mode, status=status, actor=actor, recipient=recipient,
                              country=country, sector=sector, context=context, since=since, until=until,
                              place=place, text=text, min_sources=min_sources, min_confidence=min_confidence,
                              article=article, sort=sort, limit=limit)
    if fmt == ExportFormat.training:
        from ..export.training import write_training

        with open_store(existing(db)) as store:
            n = write_training(store.labelled_examples(**filters), out, batch_size=batch_size)
        sys.stdout.write(f"exported {n} reviewed sentence{'s' if n != 1 else ''} to {out} (training)\n")
        return
    with open_store(existing(db)) as store:
        n = export_events(store.iter_events(batch_size=batch_size, **filters), fmt.value, out,
                          batch_size=batch_size)
    sys.stdout.write(f"exported {n} event{'s' if n != 1 else ''} to {out} ({fmt.value})\n")


def report(
    country: str = f.country_option(required=True, help="ISO alpha-3 code of the country the report is about, e.g. HKG."),
    since: Optional[str] = f.since_option("--from", "--since", help="First day of the period (YYYY[-MM[-DD]])."),
    until: Optional[str] = f.until_option("--to", "--until", help="Last day of the period (YYYY[-MM[-DD]])."),
    out: Path = typer.Option(..., "--out", "-o", metavar="PATH",
                             help="report.html (one self-contained page) or report.md (with report.svg beside it)."),
    type: Optional[str] = f.type_option(),
    status: Optional[str] = f.status_option(),
    min_sources: Optional[int] = f.min_sources_option(),
    min_confidence: Optional[float] = f.min_confidence_option(),
    key: int = typer.Option(10, "--key-events", min=1, help="How many key events to describe."),
    db: Optional[str] = db_option(),
) -> None:
    """Write a country report: events by type over time (an offline chart), the main actors, and the
    key events with their quotes and numbered citations to the stored articles.

    Example: eventwatch report --country HKG --from 2019-06-01 --to 2020-01-31 --out report.html
    """
    from ..report import report_format, write_report

    report_format(out)  # a wrong suffix fails before the store is read
    filters = f.event_filters(type=type, status=status, min_sources=min_sources, min_confidence=min_confidence)
    with open_store(existing(db)) as store:
        data = write_report(store, country=country, since=since, until=until, out=out, key=key, **filters)
    sys.stdout.write(f"report of {data.country} ({data.total} events, {len(data.key_events)} key events, "
                     f"{len(data.citations)} source{'s' if len(data.citations) != 1 else ''}) written to {out}\n")
