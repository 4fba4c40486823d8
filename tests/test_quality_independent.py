"""Quality gates on our own PLOVER test set, independent of the kit's dev half.

``tests/data/plover_independent.jsonl`` holds the PLOVER manual's own example sentences
("PLOVER manual §...") and wire-style sentences written for eventwatch (>= 8 per type:
modes, passives, negation, nominal events, coordinated actors, "X said Y" frames), in the
eval kit's gold shape so ``score.py plover`` scores it. The ``IND-BLIND*`` records
(rounds 2-4) were written after a round of lexicon fixes and scored once before the next.
``plover_independent_none.jsonl`` holds non-events: the kit's scorer has no notion of an
expected null event (it would count them as misses), so they are checked here only.

Measurement only: nothing here feeds the lexicon, and no text may come from the dev set.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from eventwatch.codebook import PLOVER_MODES, PLOVER_TYPES
from eventwatch.models import RawDoc
from eventwatch.pipeline import process

DATA = Path(__file__).resolve().parent / "data"
IND = DATA / "plover_independent.jsonl"
NONE = DATA / "plover_independent_none.jsonl"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "eval" / "dev" / "plover.jsonl"
SCORE = SHARED / "eval" / "score.py"

# Pinned a little below the measured scores (type F1 0.967, actor country 0.964 over 324
# sentences, pattern + classifier coders as shipped) so a regression fails and noise does not.
# Before the CAMEO-coverage lexicon work the same set scored 0.85 (see the commit log); the
# blind rounds, scored once before their fixes, are the honest estimate of held-out quality.
# coders -> (min type F1, min actor country, most non-event sentences with an event, of 16).
# The rule coder keeps its pins; the default coders (the event model deciding) have their own,
# measured when the model replaced the classifier (README "Quality").
# Default coders measured 2026-12-01: type F1 0.910 (P 0.947, R 0.877), actor country 0.677; at
# night (the model trained with batches v1-v8 too, min_confidence 0.75, and the issue-9 actor
# classes): type F1 0.912 (P 0.913, R 0.911), actor country 0.983.
GATES = {"pattern": (0.95, 0.93, 2), "pattern,model": (0.90, 0.95, 2)}


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _run(records, out: Path) -> list[dict]:
    raws = [RawDoc(id=r["id"], content=r["text"], kind="text", source="test",
                   publication_date=r.get("publication_date")) for r in records]
    rows = []
    with out.open("w") as fh:
        for res in process(raws):
            d = res.to_dict() if hasattr(res, "to_dict") else {"id": getattr(res, "doc_id", None), "events": []}
            rows.append(d)
            fh.write(json.dumps(d) + "\n")
    return rows


def test_independent_set_shape():
    recs = _records(IND)
    assert len({r["id"] for r in recs}) == len(recs)
    per_type = Counter(r["expected"]["event"] for r in recs)
    assert set(per_type) == set(PLOVER_TYPES)
    assert min(per_type.values()) >= 8, per_type
    for r in recs:
        exp = r["expected"]
        assert r["publication_date"] is None and r["meta"]["origin"]
        assert exp["mode"] is None or exp["mode"] in PLOVER_MODES.get(exp["event"], ()), r["id"]
        codes = [a["code"] for a in exp["source_actors"]]
        assert exp["source_country"] == (codes[0] if codes else None), r["id"]
        assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes), r["id"]
    assert sum(r["meta"]["origin"].startswith("PLOVER manual") for r in recs) >= 10
    assert sum(r["meta"]["origin"].startswith("written") for r in recs) >= 150
    nones = _records(NONE)
    assert len(nones) >= 15 and all(r["expected"]["event"] is None for r in nones)


@pytest.mark.shared
def test_independent_set_shares_no_text_with_dev():
    if not DEV.is_file():
        pytest.skip("../shared/eval/dev not present")

    def grams(t, n=6):
        w = re.findall(r"\w+", t.lower())
        return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}

    dev = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8") if line.strip()]
    dev_texts, dev_grams = set(dev), set().union(*(grams(t) for t in dev))
    for r in _records(IND) + _records(NONE):
        assert r["text"] not in dev_texts, r["id"]
        assert not grams(r["text"]) & dev_grams, (r["id"], grams(r["text"]) & dev_grams)


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("coders", sorted(GATES))
def test_quality_independent_type_f1_and_actor_country(tmp_path, monkeypatch, coders):
    if not SCORE.is_file():
        pytest.skip("../shared/eval/score.py not present")
    monkeypatch.setenv("EVENTWATCH_CODERS", coders)
    min_f1, min_actor, _ = GATES[coders]
    pred = tmp_path / "pred.jsonl"
    _run(_records(IND), pred)
    out = subprocess.run([sys.executable, str(SCORE), "plover", str(IND), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    m = json.loads(out)["metrics"]
    assert m["type_f1"] >= min_f1, m
    assert m["actor_country_acc"] >= min_actor, m


@pytest.mark.slow
@pytest.mark.parametrize("coders", sorted(GATES))
def test_quality_independent_non_events_stay_quiet(tmp_path, monkeypatch, coders):
    monkeypatch.setenv("EVENTWATCH_CODERS", coders)
    rows = _run(_records(NONE), tmp_path / "none.jsonl")
    noisy = [(r["id"], [e["type"] for e in r["events"]]) for r in rows if r.get("events")]
    assert len(noisy) <= GATES[coders][2], noisy
