"""``eventwatch serve``: the workbench (JSON API and web pages) over a store, with uvicorn."""
from __future__ import annotations

from typing import Optional

import typer

from .common import db_option, stderr
from .events import existing


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="TCP port."),
    read_only: bool = typer.Option(False, "--read-only", help="Refuse every write, even with a token."),
    db: Optional[str] = db_option(),
) -> None:
    """Serve the workbench: the JSON API under /api (OpenAPI at /openapi.json) and the web pages. Reads are
    open; writes (reviews, corrections, merges, splits) need a token from `eventwatch token create`.

    Example: eventwatch serve --db sqlite:///eventwatch.db --host 127.0.0.1 --port 8000
    """
    import uvicorn

    from ..serve.app import create_app

    app = create_app(existing(db), allow_writes=not read_only)
    stderr().print(f"eventwatch workbench on http://{host}:{port}/ ({app.state.store.display_url()})", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
