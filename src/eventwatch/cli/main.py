"""The ``eventwatch`` command: typer + rich, thin over the library.

Exit codes scripts can trust: 0 every document succeeded, 1 at least one was
skipped (or nothing was found where something was asked for), 2 usage or setup
error. No traceback reaches the user: an unexpected exception is one line
``error: ...`` on stderr and exit 2 (``--verbose`` logs the details).
"""
from __future__ import annotations

import logging
import sys
from typing import Optional

import typer
from typer.core import TyperGroup
from typer.exceptions import Abort, Exit, TyperException

from . import db as db_cmd
from .common import error
from .export import export, report
from .ingest import extract, ingest
from . import events as events_cmd
from .query import articles, mentions, quotes, show
from .reprocess import reprocess
from .serve import serve
from . import token as token_cmd
from .train import train

log = logging.getLogger("eventwatch.cli")


class _Group(TyperGroup):
    """Commands run inside a guard: any error becomes ``error: ...`` and exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (TyperException, Exit, Abort):  # usage errors, --help, typer.Exit: typer handles them
            raise
        except KeyboardInterrupt:
            error("interrupted")
            raise typer.Exit(130)
        except BrokenPipeError:  # `eventwatch events --format jsonl | head`
            _silence_stdout()
            raise typer.Exit(0)
        except Exception as exc:
            from ..errors import EventwatchError

            log.debug("command failed", exc_info=True)
            if isinstance(exc, EventwatchError):
                error(str(exc) or type(exc).__name__)
            else:
                msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                error(f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__)
            raise typer.Exit(2)


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    name="eventwatch",
    cls=_Group,
    help="News articles to PLOVER political events, with an evidence span for every field.\n\n"
         "Example: eventwatch ingest samples/articles --published 2024-05-06 && eventwatch events --limit 20",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def configure_logging(verbose: bool) -> None:
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_eventwatch", False):
            root.removeHandler(h)
    if verbose:
        handler: logging.Handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.setLevel(logging.WARNING)
        logging.getLogger("eventwatch").setLevel(logging.DEBUG)
    else:
        # Without --verbose nothing is logged: no library warning, and no
        # traceback from a logged exception, reaches the user.
        handler = logging.NullHandler()
    handler._eventwatch = True  # type: ignore[attr-defined]
    root.addHandler(handler)


@app.callback()
def _main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log details (debug) to stderr.")) -> None:
    configure_logging(verbose)


app.command()(ingest)
app.command()(extract)
app.command()(articles)
app.add_typer(events_cmd.app, name="events")
app.command()(mentions)
app.command()(events_cmd.actors)
app.command()(reprocess)
app.command()(quotes)
app.command()(show)
app.command()(train)
app.command()(export)
app.command()(report)
app.command()(serve)
app.add_typer(db_cmd.app, name="db")
app.add_typer(token_cmd.app, name="token")


@app.command()
def version() -> None:
    """Print the eventwatch version and the event model's training data hash.

    Example: eventwatch version
    """
    from .. import __version__, settings as settings_mod
    from ..coding.artefact import ModelMissingError, read_meta

    sys.stdout.write(f"eventwatch {__version__}\n")
    try:
        meta = read_meta(settings_mod.get("model_path") or None)
        sys.stdout.write(f"event model: data sha256 {meta['data_sha256'][:16]}, {meta['sentences']} sentences, "
                         f"{meta['config']['layers']} layers\n")
    except ModelMissingError as exc:
        sys.stdout.write(f"event model: none ({exc})\n")


@app.command()
def settings(as_json: bool = typer.Option(False, "--json", help="One JSON object per setting, on stdout.")) -> None:
    """Print every setting: name, current value, default and what it does (EVENTWATCH_<NAME> sets one).

    Example: EVENTWATCH_BATCH_SIZE=8 eventwatch settings
    """
    import json

    from rich.table import Table
    from rich.text import Text

    from .. import settings as st
    from .common import stdout

    rows = []
    for s in st.SETTINGS:
        try:
            value = st.get(s.name)
        except ValueError as exc:
            value = f"invalid: {exc}"
        rows.append({"name": s.name, "value": value, "default": s.default,
                     "env": f"EVENTWATCH_{s.name.upper()}", "help": s.help})
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    table = Table(title="settings", header_style="bold", title_justify="left")
    for col in ("name", "value", "default", "help"):
        table.add_column(col, overflow="fold")
    for r in rows:
        changed = r["value"] != r["default"]
        table.add_row(Text(r["name"]), Text(str(r["value"]), style="bold" if changed else ""),
                      Text(str(r["default"])), Text(r["help"]))
    stdout().print(table)


def main(argv: Optional[list[str]] = None) -> None:
    """The console script. Anything that escapes the command guard still ends in one line and exit 2."""
    import os

    # Model loading (sentence encoder) draws progress bars on stderr; a CLI
    # user's stderr is for skips and errors.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        app(args=argv, prog_name="eventwatch")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        error("interrupted")
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - the guard in _Group catches command errors
        log.debug("eventwatch failed", exc_info=True)
        error(f"{type(exc).__name__}: {exc}")
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
