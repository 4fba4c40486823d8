"""What every command shares: the --db option, opening the store, output formats."""
from __future__ import annotations

import csv
import datetime as _dt
import json
import math
import re
import sys
from contextlib import contextmanager
from enum import Enum
from typing import Any, Iterator, Optional, Sequence

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

DB_HELP = "Database URL (default: setting 'db', EVENTWATCH_DB, else sqlite:///eventwatch.db)."


def db_option() -> Any:
    return typer.Option(None, "--db", help=DB_HELP, metavar="URL", show_default=False)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """`eventwatch articles | head`: stop quietly, exit 0 (as the JSON Lines and CSV paths do)."""
        import os

        self.quiet = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise SystemExit(0)


def stdout() -> Console:
    """Standard output; tables piped to a file or pager get 160 columns (COLUMNS overrides) instead of 80."""
    import os

    console = _Console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = _Console(highlight=False, width=160)
    return console


def stderr() -> Console:
    return _Console(stderr=True, highlight=False)


def error(message: str) -> None:
    """One line on standard error, never markup-interpreted."""
    sys.stderr.write(f"error: {terminal_safe(message)}\n")
    sys.stderr.flush()


@contextmanager
def open_store(url: Optional[str], *, migrate: bool = True, write: bool = False) -> Iterator[Any]:
    """The store at ``url`` (the setting when None); StoreError and friends exit 2 via main().

    A read-only SQLite file is opened without migrating when its schema is
    already the newest, so read commands work on it; ``write`` commands and an
    older schema get a clear error instead.
    """
    from ..errors import StoreError
    from ..store import Store
    from ..store.engine import hide_password, is_read_only, normalise_url

    full = normalise_url(url)
    if migrate and is_read_only(full):
        shown = hide_password(full)
        if write:
            raise StoreError(f"{shown} is read-only: cannot write to it")
        store = Store(full, migrate=False)
        try:
            have, head = store.revision(), store.head_revision()
        except BaseException:
            store.close()
            raise
        if have != head:
            store.close()
            raise StoreError(f"{shown} is read-only and its schema is at revision {have or '(none)'}, "
                             f"not {head}: it needs `eventwatch db migrate` by someone who may write it")
    else:
        store = Store(url, migrate=migrate)
    try:
        yield store
    finally:
        store.close()


# -- values for JSON/CSV --------------------------------------------------------

def plain(value: Any) -> Any:
    """A DataFrame cell as a JSON value: NaN/NaT/None -> None, timestamps -> ISO strings, numpy -> Python."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy scalars and arrays
        return plain(value.tolist())
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, (str, bytes, bool, int)) and pd.isna(value)):
            return None
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
    except (TypeError, ValueError):
        pass
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def records(df: Any) -> list[dict[str, Any]]:
    cols = [str(c) for c in df.columns]
    return [{c: plain(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]


# Control characters (ESC starts terminal sequences) and the bidi controls that reorder
# what a terminal shows (Trojan Source: U+202A-U+202E, U+2066-U+2069, marks U+200E/F, U+061C).
_UNSAFE_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` for a terminal table: every control or bidi character shown as its escape (``\\u202e``)."""
    return _UNSAFE_TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _cell(value: Any, width: Optional[int] = None) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value if v is not None)
    elif isinstance(value, float):
        value = f"{value:.3g}"
    text = terminal_safe(str(value).replace("\n", " "))
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def write_frame(df: Any, fmt: Format, *, title: Optional[str] = None,
                columns: Optional[Sequence[str]] = None, widths: Optional[dict[str, int]] = None,
                empty: str = "nothing found") -> None:
    """A DataFrame on standard output: a rich table (``columns`` only), JSON Lines or CSV (every column)."""
    out = sys.stdout
    if fmt == Format.jsonl:
        for rec in records(df):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
        return
    if fmt == Format.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([str(c) for c in df.columns])
        for rec in records(df):
            writer.writerow(["" if v is None else (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                             for v in rec.values()])
        out.flush()
        return
    console = stdout()
    if len(df) == 0:
        console.print(empty, markup=False)
        return
    cols = [c for c in (columns or df.columns) if c in df.columns]
    widths = widths or {}
    table = Table(title=title, show_lines=False, header_style="bold")
    for c in cols:
        table.add_column(c, overflow="fold", max_width=widths.get(c),
                         justify="right" if c.startswith("n_") else "left")
    for row in df[cols].itertuples(index=False, name=None):
        table.add_row(*(Text(_cell(v, widths.get(c))) for c, v in zip(cols, row)))
    console.print(table)
    console.print(f"{len(df)} row{'s' if len(df) != 1 else ''}", style="dim", markup=False)
