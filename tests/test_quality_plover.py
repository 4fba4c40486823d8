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

# Pinned a little below the measured dev scores (type F1 0.896, actor country 0.774 with the
# default coders, 2026-11-25; raised from 0.85) so a regression fails and noise does not.
MIN_TYPE_F1 = 0.88
MIN_ACTOR_COUNTRY = 0.76

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def _run(records, out: Path) -> None:
    raws = [RawDoc(id=r["id"], content=r["text"], kind="text", source="test",
                   publication_date=r.get("publication_date")) for r in records]
    with out.open("w") as fh:
        for res in process(raws):
            d = res.to_dict() if hasattr(res, "to_dict") else {"id": getattr(res, "doc_id", None), "events": []}
            fh.write(json.dumps(d) + "\n")


def test_quality_plover_dev_type_f1_and_actor_country(tmp_path):
    if not DEV.is_file() or not SCORE.is_file():
        pytest.skip("../shared/eval (dev gold and scorer) not present")
    records = [json.loads(line) for line in DEV.open()]
    pred = tmp_path / "pred.jsonl"
    _run(records, pred)
    out = subprocess.run([sys.executable, str(SCORE), "plover", str(DEV), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    m = json.loads(out)["metrics"]
    f1, acc = m["type_f1"], m["actor_country_acc"]
    assert f1 >= MIN_TYPE_F1, m
    assert acc >= MIN_ACTOR_COUNTRY, m


def test_quality_plover_seed_article_events(tmp_path):
    if not SEED.is_file() or not SEED_EXPECTED.is_file():
        pytest.skip("../shared/corpus seed article not present")
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
    assert found >= 5, f"{found}/6 seed events"
    # no event may rest on the sign-up/boilerplate lines
    low = text.lower()
    for p in rec["events"]:
        ev = low[p["evidence"]["start"]:p["evidence"]["end"]]
        assert "sign up" not in ev and "subscribe" not in ev and "by submitting" not in ev
