"""``eventwatch token``: the API's write tokens (create shows the token once; only its digest is kept)."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.text import Text

from .common import db_option, open_store, stdout

app = typer.Typer(
    help="Write tokens of the workbench API: reviews, corrections, merges and splits need one.\n\n"
         "Example: eventwatch token create --name research-desk",
    add_completion=False,
    no_args_is_help=True,
)


@app.command()
def create(
    name: str = typer.Option(..., "--name", help="Who writes with it (shown as the reviewer), e.g. research-desk."),
    db: Optional[str] = db_option(),
) -> None:
    """Create a write token and print it once (only its SHA-256 is stored: keep it safe).

    Example: eventwatch token create --name research-desk
    """
    from ..serve.auth import create_token
    from .events import existing

    with open_store(existing(db), write=True) as store:
        raw = create_token(store, name)
    sys.stdout.write(raw + "\n")
    sys.stderr.write(f"token {name!r} created; it is not shown again. Use: Authorization: Bearer <token>\n")


@app.command("list")
def list_(
    as_json: bool = typer.Option(False, "--json", help="One JSON object per token."),
    db: Optional[str] = db_option(),
) -> None:
    """List the tokens: name, created, revoked (never the token itself).

    Example: eventwatch token list --json
    """
    from ..serve.auth import list_tokens
    from .events import existing

    with open_store(existing(db)) as store:
        rows = list_tokens(store)
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r) + "\n")
        return
    out = stdout()
    if not rows:
        out.print(Text("no tokens"))
    for r in rows:
        out.print(Text(f"{r['name']}  created {r['created_at'][:19]}"
                       + (f"  revoked {r['revoked_at'][:19]}" if r["revoked_at"] else "")))


@app.command()
def revoke(
    name: str = typer.Argument(..., metavar="NAME", help="The token's name (see `eventwatch token list`)."),
    db: Optional[str] = db_option(),
) -> None:
    """Revoke a token: writes with it answer 401 from now on.

    Example: eventwatch token revoke research-desk
    """
    from ..serve.auth import revoke as run
    from .events import existing

    with open_store(existing(db), write=True) as store:
        run(store, name)
    stdout().print(Text(f"revoked {name}"))
