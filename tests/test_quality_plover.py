"""Quality gates on the shared dev sets (measurement only: nothing here feeds the lexicon)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwatch.models import RawDoc
from eventwatch.pipeline import process

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "eval" / "dev" / "plover.jsonl"
SCORE = SHARED / "eval" / "score.py"
SEED = SHARED / "corpus" / "seed-hrw-hong-kong.txt"
SEED_EXPECTED = SHARED / "corpus" / "seed-hrw-hong-kong.expected.json"

# Pinned a little below the measured dev scores so a regression fails and noise does not:
# coders -> (min type F1, min actor country). The rule coder alone: 0.896 / 0.774 on 2026-11-25,
# when it was fitted to this set (0.68 on the held-out half); 0.870 / 0.771 on 2026-12-01 after
# the 11 lexicon entries that fired on one dev sentence and nothing else were removed (issue
# "Event coding that holds on real news", item 6): a deliberate, recorded re-pin, 0.88 -> 0.86.
# The default coders (rules propose, the event model decides; never trained on this set):
# README "Quality".
# Default coders measured 2026-12-01: type F1 0.735, actor country 0.823 (the model that reads the
# rules' proposed roles; the one before: 0.718 / 0.765). Seed article: the rule coder alone finds
# all 6 events, the default coders 5.
# Actor country 0.847 on 2026-12-01 after the issue-9 actor classes (README "Annotation on unseen text").
# The model trained with batches z1-z9 at min_confidence 0.7: type F1 0.722, actor country 0.868 (at
# the old 0.6 it gave 0.707: denser training annotation finds more second events in a sentence,
# which this one-event-per-sentence set counts as false types).
# The model trained with batches v1-v8 too, at min_confidence 0.75, with rule proposals the model
# calls an event but types uncertainly kept at its best type: type F1 0.722, actor country 0.884;
# seed 6/6 (without that rescue 5/6: the opening ban, whose belief splits between COERCE, REJECT
# and SANCTION).
# 2026-12-02: the same data retrained on the current rule coder, whose role proposals (bare counts as
# a side) had changed since that training: type F1 0.716, actor country 0.866 (0.876 with the old
# model on this code): a deliberate, recorded re-pin, 0.72 / 0.87 -> 0.71 / 0.86 (README "The event
# model"), so that the shipped artefact is the one `make model` rebuilds from this tree.
# 2026-12-02, the rulings on the model's events (coding/rulings.py): type F1 0.734 (promised aid and
# support are AGREE, as this set codes them), actor country 0.861: type pin raised 0.71 -> 0.73.
GATES = {"pattern": (0.86, 0.76), "pattern,model": (0.73, 0.86)}
SEED_GATES = {"pattern": 6, "pattern,model": 6}

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def _run(records, out: Path) -> None:
    raws = [RawDoc(id=r["id"], content=r["text"], kind="text", source="test",
                   publication_date=r.get("publication_date")) for r in records]
    with out.open("w") as fh:
        for res in process(raws):
            d = res.to_dict() if hasattr(res, "to_dict") else {"id": getattr(res, "doc_id", None), "events": []}
            fh.write(json.dumps(d) + "\n")


@pytest.mark.parametrize("coders", sorted(GATES))
def test_quality_plover_dev_type_f1_and_actor_country(tmp_path, monkeypatch, coders):
    if not DEV.is_file() or not SCORE.is_file():
        pytest.skip("../shared/eval (dev gold and scorer) not present")
    monkeypatch.setenv("EVENTWATCH_CODERS", coders)
    min_f1, min_actor = GATES[coders]
    records = [json.loads(line) for line in DEV.open()]
    pred = tmp_path / "pred.jsonl"
    _run(records, pred)
    out = subprocess.run([sys.executable, str(SCORE), "plover", str(DEV), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    m = json.loads(out)["metrics"]
    f1, acc = m["type_f1"], m["actor_country_acc"]
    assert f1 >= min_f1, m
    assert acc >= min_actor, m


@pytest.mark.parametrize("coders", sorted(SEED_GATES))
def test_quality_plover_seed_article_events(tmp_path, monkeypatch, coders):
    if not SEED.is_file() or not SEED_EXPECTED.is_file():
        pytest.skip("../shared/corpus seed article not present")
    monkeypatch.setenv("EVENTWATCH_CODERS", coders)
    text = SEED.read_text()
    pred = tmp_path / "seed.jsonl"
    _run([{"id": "seed", "text": text, "publication_date": "2020-01-13"}], pred)
    rec = json.loads(pred.read_text().splitlines()[0])
    expected = json.loads(SEED_EXPECTED.read_text())["events"]
    found = 0
    for exp in expected:
        for p in rec["events"]:
            if p["type"] not in exp["type"] or exp["trigger_contains"] not in p["trigger"]["text"] + text[
                    p["evidence"]["start"]:p["evidence"]["end"]]:
                continue
            if exp["actor_country"] not in [a.get("country") for a in p["actor"]]:
                continue
            rc = exp.get("recipient_contains")
            rtext = " ".join((r.get("text") or "") + " " + (r.get("name") or "") for r in p["recipient"]).lower()
            if rc and not any(r.lower() in rtext for r in rc):
                continue
            if exp.get("date") and not str(p.get("date") or "").startswith(exp["date"]):
                continue
            found += 1
            break
    assert found >= SEED_GATES[coders], f"{found}/6 seed events"
    # no event may rest on the sign-up/boilerplate lines
    low = text.lower()
    for p in rec["events"]:
        ev = low[p["evidence"]["start"]:p["evidence"]["end"]]
        assert "sign up" not in ev and "subscribe" not in ev and "by submitting" not in ev
