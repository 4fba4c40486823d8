"""Quality gate on the shared event-location dev set (measurement only: nothing here feeds the codebook).

Two numbers are pinned a little below the measured ones (pattern coder):

- the eval kit's own ``location_right_of_all`` (0.472 measured);
- the same metric on gold spans repaired for a conversion defect of the shared dev file (0.739
  measured): about 170 of its 494 records give a location as *token* indices in the character-offset
  fields (``{"text": "", "char_start": 8, "char_end": 8}`` for "Rome", the 9th token, or a one-letter
  "span" for a two-token name). The kit drops the empty ones, so there a correct location scores as
  wrong and "no location" as right. The repair reads a span that is not a non-empty, token-aligned
  character span as inclusive token indices of the sentence; aligned spans are kept as they are, so
  once the kit is fixed the repair does nothing and both numbers agree.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwatch.models import RawDoc
from eventwatch.pipeline import process

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "eval" / "dev" / "event_location.jsonl"
SCORE = SHARED / "eval" / "score.py"

# 2026-12-01, after the shared file was repaired and the issue-9 place classes: 0.759 (rule coder);
# after the second pass (captured ground, named sites, "on the X of Y"): 0.779
# 2026-12-02, actor spans no longer hide places, countries named only in another clause dropped,
# named sites' towns: 0.806 (the combined coder, acceptance 06: 0.765 -> 0.796)
# third pass (event nouns' ground, visited places, scene clauses, "the X city of Y", border pairs,
# capitals as ground): 0.832 (the combined coder 0.806 -> 0.824)
# fifth pass (possessive owners, place-prefix and reference names, motion ends, natural features,
# embassies, recalled events, off the coast): 0.852 (the combined coder 0.830 -> 0.850)
MIN_LOCATION = 0.84
MIN_LOCATION_REPAIRED = 0.84

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def _repaired(records):
    import spacy

    tok = spacy.blank("en")
    out = []
    for r in records:
        doc = tok(r["text"])
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t.text) for t in doc}
        locs = []
        for x in r["expected"]["locations"]:
            s, e = x["char_start"], x["char_end"]
            if e > s and s in starts and e in ends and e - s >= 2:
                locs.append(x)
            elif s <= e < len(doc):
                span = doc[s:e + 1]
                locs.append({"text": span.text, "char_start": span.start_char, "char_end": span.end_char})
        out.append({**r, "expected": {**r["expected"], "locations": locs}})
    return out


def _score(gold_path: Path, pred: Path) -> float:
    out = subprocess.run([sys.executable, str(SCORE), "location", str(gold_path), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["metrics"]["location_right_of_all"]


def test_quality_location_dev(tmp_path, monkeypatch):
    if not DEV.is_file() or not SCORE.is_file():
        pytest.skip("../shared/eval (event_location dev gold and scorer) not present")
    monkeypatch.setenv("EVENTWATCH_CODERS", "pattern")
    records = [json.loads(line) for line in DEV.open() if line.strip()]
    raws = [RawDoc(id=r["id"], content=r["text"], kind="text", source="test",
                   publication_date=r.get("publication_date")) for r in records]
    pred = tmp_path / "pred.jsonl"
    with pred.open("w") as fh:
        for res in process(raws):
            d = res.to_dict() if hasattr(res, "to_dict") else {"id": getattr(res, "doc_id", None), "events": []}
            fh.write(json.dumps(d) + "\n")
    official = _score(DEV, pred)
    fixed = tmp_path / "gold_repaired.jsonl"
    fixed.write_text("".join(json.dumps(r) + "\n" for r in _repaired(records)))
    repaired = _score(fixed, pred)
    assert official >= MIN_LOCATION, (official, repaired)
    assert repaired >= MIN_LOCATION_REPAIRED, (official, repaired)
