"""TEMPORARY scaffold of the CLI: `extract` only, until the CLI spine lands."""
from __future__ import annotations

import json
import sys

import typer

from ..models import RawDoc, Skip

app = typer.Typer(add_completion=False)


@app.command()
def extract(paths: list[str] = typer.Argument(None)) -> None:
    """Documents in, one JSON object per document out."""
    from ..pipeline import process

    def raws():
        for n, line in enumerate(sys.stdin, 1):
            if line.strip():
                r = json.loads(line)
                yield RawDoc(id=str(r.get("id", n)), content=r.get("text") or r.get("html"),
                             kind="text" if r.get("text") is not None else "html",
                             source=f"stdin:{n}", publication_date=r.get("publication_date"))

    for res in process(raws()):
        if isinstance(res, Skip):
            continue
        sys.stdout.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")


@app.command()
def version() -> None:
    """Print the version."""
    from .. import __version__
    print(__version__)


def main() -> None:
    app()
