"""``eventwatch reprocess``: annotate and code stored articles again."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.text import Text

from .common import db_option, open_store, stderr, stdout
from .events import existing

WHERE_HELP = ("Only articles matching FIELD=VALUE (repeatable): article, publisher, language, dup_group, "
              "since, until (publication date), coder_version, undated=1 (no publication date).")


def _where(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{item!r} is not FIELD=VALUE", param_hint="--where")
        out[key.strip().replace("-", "_")] = value.strip()
    return out


def reprocess(
    where: list[str] = typer.Option([], "--where", "-w", metavar="FIELD=VALUE", help=WHERE_HELP),
    everything: bool = typer.Option(False, "--all", help="Also articles already coded by the current coder version."),
    batch_size: int = typer.Option(50, "--batch-size", min=1, help="Articles read and annotated per batch."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Stop after this many articles."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
    db: Optional[str] = db_option(),
) -> None:
    """Annotate and code stored articles again (after a codebook or model change, or a late publication
    date); updates their events, keeps analysts' merges, splits and reviews. Resumable: run it again.

    Example: eventwatch reprocess --where since=2020-01-01 --batch-size 100
    """
    from ..reprocess import reprocess as run
    from ..store import Store

    filters = _where(where)
    bad = sorted(set(filters) - set(Store.REPROCESS_WHERE))
    if bad:
        raise typer.BadParameter(f"invalid field {bad[0]!r}: valid fields are "
                                 f"{', '.join(Store.REPROCESS_WHERE)}", param_hint="--where")
    err = stderr()
    with open_store(existing(db)) as store:
        summary = run(store, where=filters, everything=everything, batch_size=batch_size, limit=limit,
                      progress=None if as_json or not sys.stderr.isatty() else
                      (lambda n: err.print(f"re-processed {n} articles", markup=False)))
    if as_json:
        sys.stdout.write(json.dumps(summary.to_dict()) + "\n")
    else:
        stdout().print(Text(f"re-processed {summary.recoded} articles ({summary.failed} failed), "
                            f"{summary.events_touched} events updated ({summary.elapsed:.1f} s)"))
        for aid, reason in summary.failures:
            sys.stderr.write(f"failed: {aid}: {reason}\n")
    if summary.failed:
        raise typer.Exit(1)
