"""What is in the store: ``articles``, ``mentions``, ``quotes``, ``show`` (``events``: ``events.py``)."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from .common import Format, db_option, error, open_store, write_frame
from .events import existing
from .ingest import check_date

FORMAT_HELP = "Output: a table, JSON Lines or CSV (JSON Lines and CSV carry every column)."
LIMIT_HELP = "Show at most this many rows."


def _format_option() -> Format:
    return typer.Option(Format.table, "--format", "-f", help=FORMAT_HELP, case_sensitive=False)


def _limit_option() -> Optional[int]:
    return typer.Option(None, "--limit", "-n", min=1, help=LIMIT_HELP)


def articles(
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Only articles whose title or text contains this."),
    language: Optional[str] = typer.Option(None, "--language", help="Only articles in this language (ISO 639-1, e.g. en)."),
    dup_group: Optional[str] = typer.Option(None, "--dup-group", help="Only articles of this near-duplicate group."),
    skipped: bool = typer.Option(False, "--skipped", help="List the documents that were skipped, with stage and reason, instead."),
    limit: Optional[int] = _limit_option(),
    fmt: Format = _format_option(),
    db: Optional[str] = db_option(),
) -> None:
    """List or search the stored articles (or, with --skipped, every document that failed).

    Example: eventwatch articles --search Nairobi --format table
    """
    with open_store(existing(db)) as store:
        if skipped:
            df = store.skips(limit=limit)
            write_frame(df, fmt, title="skipped documents", columns=["seen_at", "source", "stage", "reason"],
                        empty="no skipped documents")
            return
        df = store.articles(search=search, language=language, dup_group=dup_group, limit=limit)
    if fmt == Format.table and len(df):
        df = df.copy()
        df["dup_of"] = [g if g != i else None for g, i in zip(df["dup_group"], df["id"])]
    write_frame(df, fmt, title="articles",
                columns=["id", "publication_date", "publisher", "title", "language", "n_events", "n_quotes", "dup_of"],
                widths={"id": 48, "title": 50, "publisher": 20, "dup_of": 30}, empty="no articles")


def mentions(
    type: Optional[str] = typer.Option(None, "--type", "-t", help="PLOVER event type, e.g. PROTEST."),
    country: Optional[str] = typer.Option(None, "--country", "-c", help="ISO-3 country code of an actor or recipient, e.g. HKG."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", callback=check_date, help="Events on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE", callback=check_date, help="Events on or before this date."),
    article: Optional[str] = typer.Option(None, "--article", "-a", help="Only the events of this article id."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0, metavar="P",
                                                   help="Only events whose confidence is at least this (0-1)."),
    limit: Optional[int] = _limit_option(),
    fmt: Format = _format_option(),
    db: Optional[str] = db_option(),
) -> None:
    """List the mentions: each event as one article states it, with its actors, date, place and evidence
    (`eventwatch events` lists the resolved events).

    Example: eventwatch mentions --type PROTEST --since 2024-01-01 --format csv
    """
    with open_store(existing(db)) as store:
        df = store.mentions(type=type.upper() if type else None, country=country.upper() if country else None,
                          since=since, until=until, article_id=article, min_confidence=min_confidence, limit=limit)
    write_frame(df, fmt, title="mentions",
                columns=["article_id", "date", "type", "mode", "status", "actor", "recipient", "location", "trigger"],
                widths={"article_id": 36, "actor": 30, "recipient": 30, "location": 18, "trigger": 20},
                empty="no mentions")


def quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only quotes whose speaker's name or text contains this."),
    article: Optional[str] = typer.Option(None, "--article", "-a", help="Only the quotes of this article id."),
    limit: Optional[int] = _limit_option(),
    fmt: Format = _format_option(),
    db: Optional[str] = db_option(),
) -> None:
    """List the quotes: who said what, in which article.

    Example: eventwatch quotes --speaker Roth --limit 20
    """
    with open_store(existing(db)) as store:
        df = store.quotes(speaker=speaker, article_id=article, limit=limit)
    if fmt == Format.table and len(df):  # the speaker's canonical name where known
        df = df.copy()
        df["speaker"] = [n if isinstance(n, str) and n else t for n, t in zip(df["speaker_name"], df["speaker"])]
    write_frame(df, fmt, title="quotes", columns=["article_id", "speaker", "cue", "kind", "text"],
                widths={"article_id": 36, "speaker": 24, "text": 80}, empty="no quotes")


def show(
    article_id: str = typer.Argument(..., metavar="ARTICLE",
                                     help="The article's id (see `eventwatch articles`), its path as typed, or its URL "
                                          "(a WARC record's URL too)."),
    db: Optional[str] = db_option(),
) -> None:
    """Print one stored article as its extraction record (the JSON contract of `extract`).

    Example: eventwatch show samples/articles/thailand-entry-ban.txt > thailand.json
    """
    with open_store(existing(db)) as store:
        found = store.find_article(article_id)
        record = store.extraction(found) if found is not None else None
    if record is None:
        error(f"no article with id {article_id!r}")
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2, default=str) + "\n")
