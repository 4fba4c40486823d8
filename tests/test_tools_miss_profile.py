"""tools/miss_profile.py: the bands a missed gold event falls in, and a whole run on an own article."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventwatch.coding.examples import TYPES

TOOL = Path(__file__).resolve().parents[1] / "tools" / "miss_profile.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("miss_profile", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def row(**probs):
    """One word's type probabilities; NONE takes what the named types leave."""
    p = [0.0] * len(TYPES)
    for name, v in probs.items():
        p[TYPES.index(name)] = v
    p[0] = 1.0 - sum(probs.values())
    return p


@pytest.mark.parametrize("rows, band", [
    ([row(ACCUSE=0.9)], "lost after the decision"),
    ([row(ACCUSE=0.6)], "p 0.5-threshold"),
    ([row(ACCUSE=0.1), row(ACCUSE=0.3)], "p 0.25-0.5"),
    ([row(ACCUSE=0.1)], "never typed: NONE"),
    ([row(ACCUSE=0.1, ASSAULT=0.7)], "never typed: other type"),
    ([], "no trigger word"),
])
def test_miss_profile_classify_bands(tool, rows, band):
    assert tool.classify("ACCUSE", rows, list(TYPES), 0.75) == band


@pytest.mark.parametrize("typ, status, start, hit", [
    ("COERCE", "occurred", 5, True),
    ("COERCE", "historical", 5, True),
    ("COERCE", "future", 5, False),  # not asserted: the scorer does not count it
    ("ASSAULT", "occurred", 5, False),  # another type
    ("COERCE", "occurred", 60, False),  # another sentence
])
def test_miss_profile_found_needs_type_status_and_sentence(tool, typ, status, start, hit):
    gold = {"type": "COERCE", "char_start": 0, "char_end": 40}
    ev = SimpleNamespace(type=typ, status=status, evidence=SimpleNamespace(start=start, end=start + 30))
    assert tool.found(gold, [ev]) is hit


@pytest.mark.slow
def test_miss_profile_counts_every_asserted_gold_event(tool, tmp_path):
    text = ("Police in Lagos arrested forty protesters on Tuesday. "
            "The governor will visit the port next year.")
    gold = {"id": "own-1", "text": text, "publication_date": "2024-03-05", "expected": {"events": [
        {"type": "COERCE", "status": "occurred", "trigger": {"char_start": 16, "char_end": 24},
         "char_start": 0, "char_end": 53},
        {"type": "CONSULT", "status": "future", "trigger": {"char_start": 72, "char_end": 77},
         "char_start": 54, "char_end": len(text)},
    ]}}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    total, per_type = tool.profile(path)
    assert sum(total.values()) == 1  # the future visit is not asserted
    assert per_type["COERCE"]["found"] == 1
