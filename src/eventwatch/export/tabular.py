"""JSON Lines, CSV and Parquet exports, written batch by batch in constant memory.

``jsonl``: one event per line as the store gives it (nested actors, place and
mentions with their ids and offsets). ``csv`` and ``parquet``: one flat row per
event (``rows.COLUMNS``); in CSV a list cell is its items joined with ``"; "``,
in Parquet it is a list column. The CSV writer holds one batch; the Parquet
writer one row group (``ROW_GROUP_ROWS``) of Arrow batches.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Iterable

from .rows import COLUMN_NAMES, COLUMNS, batches, flatten

LIST_SEPARATOR = "; "
# Rows per Parquet row group: the writer holds at most this many flattened rows. Each row group
# adds to the footer the writer keeps until it closes, so tiny groups would grow memory with the file.
ROW_GROUP_ROWS = 10_000


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


def write_jsonl(events: Iterable[dict], path: Path, *, batch_size: int = 1000) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for batch in batches(events, batch_size):
            out.write("".join(json.dumps(e, ensure_ascii=False, default=_default) + "\n" for e in batch))
            n += len(batch)
    return n


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    return value


def write_delimited(rows: Iterable[dict], columns: tuple[str, ...], path: Path, *, delimiter: str = ",",
                    batch_size: int = 1000) -> int:
    """Rows (dicts keyed by ``columns``) as a CSV/TSV file with a header line."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(columns)
        for batch in batches(rows, batch_size):
            writer.writerows([csv_cell(r[c]) for c in columns] for r in batch)
            n += len(batch)
    return n


def write_csv(events: Iterable[dict], path: Path, *, batch_size: int = 1000) -> int:
    return write_delimited((flatten(e) for e in events), COLUMN_NAMES, path, batch_size=batch_size)


def parquet_schema():
    import pyarrow as pa

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(),
             "list_str": pa.list_(pa.string()), "list_int": pa.list_(pa.int64())}
    return pa.schema([(name, kinds[kind]) for name, kind in COLUMNS])


def write_parquet(events: Iterable[dict], path: Path, *, batch_size: int = 1000,
                  row_group_rows: int = ROW_GROUP_ROWS) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    pending: list = []
    pending_rows = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for batch in batches((flatten(e) for e in events), batch_size):
            pending.append(pa.RecordBatch.from_pylist(batch, schema=schema))
            pending_rows += len(batch)
            n += len(batch)
            if pending_rows >= row_group_rows:
                writer.write_table(pa.Table.from_batches(pending, schema=schema), row_group_size=pending_rows)
                pending, pending_rows = [], 0
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema=schema), row_group_size=pending_rows)
    return n
