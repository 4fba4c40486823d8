"""The training export: analysts' reviews as annotated sentences ``eventwatch train`` reads.

``Store.labelled_examples(**filters)`` builds the records (``store/labelled.py``); this writes them
as JSON Lines, all or nothing. Train on them beside the shipped data:
``eventwatch train POOL data/annotations/train-*.jsonl corrections.jsonl --heldout ... -o DIR``.
"""
from __future__ import annotations

import json
import logging
import os
from typing import Any, Iterable

from .output import atomic_path
from .rows import batches

log = logging.getLogger(__name__)


def write_training(records: Iterable[dict[str, Any]], path: str | os.PathLike, *, batch_size: int = 1000) -> int:
    """Write annotated sentences to ``path`` (JSON Lines); returns how many."""
    n = 0
    with atomic_path(path) as partial, open(partial, "w", encoding="utf-8", newline="\n") as out:
        for batch in batches(records, batch_size):
            out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch))
            n += len(batch)
    log.info("exported %d reviewed sentences to %s", n, path)
    return n
