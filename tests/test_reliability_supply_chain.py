"""Supply chain: every pin carries its hash, and every declared dependency is pinned at its version
in the lock that `make install` installs with --require-hashes."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
# a pin may name extras ("smart_open[http]==9.0.2"): pip under --require-hashes wants the extra a
# dependency asks for pinned with it
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[A-Za-z0-9_,.\-]+\])?==([^\s;]+)((?:\s+--hash=sha256:[0-9a-f]{64})+)\s*$")


def _pins(name: str) -> dict[str, str]:
    out = {}
    for line in (ROOT / name).read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = PIN.match(line.strip())
        assert m, f"{name}: not 'name==version --hash=sha256:...': {line!r}"
        out[canonicalize_name(m.group(1))] = m.group(2)
    return out


@pytest.mark.parametrize("name", ["requirements.lock", "requirements-models.txt"])
def test_reliability_supply_chain_every_pin_has_a_hash(name):
    assert _pins(name)


def _declared() -> list[str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return list(meta["dependencies"]) + [d for extra in meta.get("optional-dependencies", {}).values() for d in extra]


@pytest.mark.parametrize("dep", _declared())
def test_reliability_supply_chain_declared_dependency_is_locked(dep):
    req = Requirement(dep)
    pins = {**_pins("requirements.lock"), **_pins("requirements-models.txt")}
    name = canonicalize_name(req.name)
    assert name in pins, f"{req.name} is in pyproject.toml but not in requirements.lock"
    assert pins[name] in req.specifier, f"{req.name}: pyproject says {req.specifier}, the lock {pins[name]}"


def test_reliability_supply_chain_install_requires_hashes():
    assert re.search(r"pip install .*--require-hashes -r requirements\.lock", (ROOT / "Makefile").read_text())
