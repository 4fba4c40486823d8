"""Every command's --help works and ends with an ``Example:`` line."""
from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from eventwatch.cli.main import app


def _commands(cmd, path=()):
    yield path
    for name, sub in (getattr(cmd, "commands", None) or {}).items():
        yield from _commands(sub, path + (name,))


ALL = list(_commands(typer.main.get_command(app)))


def test_help_walks_every_command():
    names = {" ".join(p) for p in ALL}
    assert {"ingest", "extract", "articles", "events", "quotes", "show", "db", "db stats", "db migrate",
            "version", "settings"} <= names


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "eventwatch")
def test_help_has_example(path):
    r = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "Usage:" in r.output
    assert "Example: " in r.output and "eventwatch" in r.output.split("Example: ", 1)[1]
