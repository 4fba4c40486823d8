"""``eventwatch db``: the store itself (stats, migrate)."""
from __future__ import annotations

import json
import sys
from typing import Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from .common import db_option, open_store, plain, stdout
from .events import existing

app = typer.Typer(
    help="The database: what it holds (stats) and its schema (migrate).\n\nExample: eventwatch db stats --json",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def stats(
    as_json: bool = typer.Option(False, "--json", help="Print the counts as one JSON object."),
    db: Optional[str] = db_option(),
) -> None:
    """Count what the store holds: articles, skips, events, quotes, dates, places, near-duplicate groups.

    Example: eventwatch db stats --json
    """
    with open_store(existing(db)) as store:
        data = plain(store.stats())
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
        return
    out = stdout()
    table = Table(title=f"eventwatch store {data.get('db', '')}", header_style="bold", title_justify="left")
    table.add_column("what")
    table.add_column("value", overflow="fold", max_width=100)
    for key, value in data.items():
        if key == "db":
            continue
        text = _run(value) if key == "last_run" and isinstance(value, dict) else _fmt(value)
        table.add_row(Text(str(key)), Text(text))
    out.print(table)


def _run(run: dict) -> str:
    counts = run.get("counts") or {}
    when = str(run.get("started_at") or "")[:19].replace("T", " ")
    what = ", ".join(f"{k} {v}" for k, v in counts.items() if k in ("added", "unchanged", "skipped"))
    state = what if run.get("finished_at") else "did not finish"
    return f"#{run.get('id')} {run.get('command', '')} at {when}: {state}"


def _fmt(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {_fmt(v)}" for k, v in value.items()) or "-"
    if isinstance(value, list):
        return ", ".join(_fmt(v) for v in value) or "-"
    if value is None:
        return "-"
    return str(value)


@app.command()
def migrate(db: Optional[str] = db_option()) -> None:
    """Create the database or bring its schema up to date (Alembic); safe to run again.

    Example: eventwatch db migrate --db postgresql+psycopg://ew:ew@localhost/ew
    """
    with open_store(db, migrate=False) as store:
        revision = store.migrate()
        url = store.display_url()
    stdout().print(Text(f"{url}: schema at revision {revision}"))
