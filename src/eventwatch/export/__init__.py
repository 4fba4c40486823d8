"""Exports of resolved events: ``export_events(events, fmt, path)``.

``events`` is any iterable of event dicts (``Store.iter_events(**filters)``
streams them); every writer consumes it batch by batch, so memory stays
constant however many events there are. The file appears only when complete
(``output.atomic_path``).

Formats: ``jsonl`` (nested events), ``csv`` and ``parquet`` (flat rows,
``rows.COLUMNS``), ``plover`` (PLOVER JSON Lines), ``gdelt`` (GDELT-style TSV).
"""
from __future__ import annotations

import logging
import os
from typing import Callable, Iterable

from ..errors import ExportError
from .gdelt import write_gdelt
from .output import atomic_path
from .plover import write_plover
from .tabular import write_csv, write_jsonl, write_parquet

log = logging.getLogger(__name__)

WRITERS: dict[str, Callable[..., int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "plover": write_plover,
    "gdelt": write_gdelt,
}
FORMATS = tuple(WRITERS)


def export_events(events: Iterable[dict], fmt: str, path: str | os.PathLike, *, batch_size: int = 1000) -> int:
    """Write ``events`` to ``path`` in format ``fmt``; returns the number of rows (one per event)."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ExportError(f"{path}: unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    with atomic_path(path) as partial:
        n = writer(events, partial, batch_size=batch_size)
    log.info("exported %d events as %s to %s", n, fmt, path)
    return n
