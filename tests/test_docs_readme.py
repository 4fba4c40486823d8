"""The README documents what exists: every setting, every CLI command."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from eventwatch.settings import SETTINGS

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_readme_lists_every_setting(name):
    assert re.search(rf"^\| {re.escape(name)} \|", README, re.M), f"README settings table lacks {name}"


def _commands():
    from typer.main import get_command

    from eventwatch.cli.main import app

    root = get_command(app)
    for name, cmd in root.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub in subs:
                yield f"{name} {sub}"
        else:
            yield name


@pytest.mark.parametrize("command", list(_commands()))
def test_readme_shows_every_command(command):
    assert f"eventwatch {command}" in README, f"README never shows `eventwatch {command}`"
