"""Quality gate on whole articles (measurement only: nothing here feeds the model or the codebook).

The dev articles (``../shared/eval/dev/articles.jsonl``, 30 VOA stories and the seed) and our own
blind-annotated held-out stories (``data/annotations/heldout-ngec.jsonl``, synthetic, and
``heldout-wire.jsonl``, ``heldout-wire3.jsonl``, ``heldout-wire4.jsonl`` and ``heldout-wire5.jsonl``, news stories we wrote; never trained on;
``heldout-wire6.jsonl``, annotated by a second annotator who never saw eventwatch's output) are scored by the evaluation
kit's ``articles`` task with the shipped model and default settings.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from eventwatch.models import RawDoc
from eventwatch.pipeline import process

SCORE = SHARED / "eval" / "score.py"
DEV = SHARED / "eval" / "dev" / "articles.jsonl"
HELDOUT = ROOT / "data" / "annotations" / "heldout-ngec.jsonl"
HELDOUT_WIRE = ROOT / "data" / "annotations" / "heldout-wire.jsonl"
HELDOUT_WIRE3 = ROOT / "data" / "annotations" / "heldout-wire3.jsonl"
HELDOUT_WIRE4 = ROOT / "data" / "annotations" / "heldout-wire4.jsonl"
HELDOUT_WIRE5 = ROOT / "data" / "annotations" / "heldout-wire5.jsonl"
HELDOUT_WIRE6 = ROOT / "data" / "annotations" / "heldout-wire6.jsonl"

# Pinned a little below the measured scores (README "Quality"); raise them when you improve a
# score, never lower them.
GATES = {
    # measured 2026-12-04 (thirteenth session) with the rulings on reported judgements, object
    # relatives, active objects, threats said and the means of an act: dev P 0.717, usable F1
    # 0.476; synthetic 0.778 / 0.596; wire 0.839 / 0.699; wire3 0.800 / 0.656; wire4 0.724 / 0.579;
    # wire5 0.795 / 0.652; wire6 0.811 / 0.680. Pins raised: wire3 usable 0.63 -> 0.65, wire4 0.56
    # -> 0.57, wire5 0.63 -> 0.64.
    # measured 2026-12-02 (tenth session) with pronouns named from their own sentence
    # (roles.sentence_antecedent): synthetic usable F1 0.594, wire 0.699, the others unchanged.
    # Pins raised: synthetic 0.58 -> 0.59, wire 0.68 -> 0.69.
    # measured 2026-12-02 with the rulings on the model's events (coding/rulings.py: restated events
    # dropped, promised cooperation AGREE, a passive's patient the recipient, who faces an event its
    # recipient, a two-sided event's second party the recipient) and apposition names
    # (roles.appositive_name): dev P 0.715, usable F1 0.476; held-out synthetic P 0.778 / 0.593; wire
    # P 0.837 / 0.697; wire3 P 0.799 / 0.647; wire4 P 0.721 / 0.579. Pins raised.
    # Measured 2026-12-01, night (the model trained with batches v1-v8 too, default min_confidence
    # 0.75 chosen on the dev articles for precision, uncertainly typed rule proposals kept): dev P
    # 0.702, usable F1 0.473; held-out synthetic P 0.774 / 0.579; wire P 0.820 / 0.688; wire3 P
    # 0.791 / 0.643; wire4 P 0.721 / 0.559.
    # Before (the same evening) (the model trained with batches z1-z9, default min_confidence 0.7
    # chosen on the dev articles for precision): dev P 0.695, usable F1 0.471; held-out synthetic
    # P 0.754, usable F1 0.569; wire P 0.837 / 0.691; wire3 P 0.776 / 0.617. Earlier pins: dev
    # (0.61, 0.42), held-out (0.70, 0.54) after a recorded re-pin from 0.72, wire (0.77, 0.62).
    "dev": (DEV, {"event_precision": 0.70, "usable_f1": 0.47}),
    "heldout": (HELDOUT, {"event_precision": 0.76, "usable_f1": 0.59}),
    # 26 wire stories of batches x and y (529 events), never trained on
    "heldout-wire": (HELDOUT_WIRE, {"event_precision": 0.82, "usable_f1": 0.69}),
    # 53 wire stories of batches z1-z9, never trained on
    "heldout-wire3": (HELDOUT_WIRE3, {"event_precision": 0.79, "usable_f1": 0.65}),
    # 40 stories of batches v1-v8 (VOA-like), never trained on; the model before them: P 0.694 / 0.535
    "heldout-wire4": (HELDOUT_WIRE4, {"event_precision": 0.71, "usable_f1": 0.57}),
    # 48 stories of batches u1-u4 (570 events: criticism without an accusing verb, sanctions,
    # refusals, agreements), never trained on (a model trained on 36 of them measured worse);
    # first measured 2026-12-02 (eleventh session): P 0.795 / 0.639
    "heldout-wire5": (HELDOUT_WIRE5, {"event_precision": 0.78, "usable_f1": 0.64}),
    # 12 stories (154 events) annotated blind by a second annotator (drafts/blind-u5.jsonl), not even
    # used to calibrate the model; first measured 2026-12-02 (eleventh session): P 0.811 / 0.680
    "heldout-wire6": (HELDOUT_WIRE6, {"event_precision": 0.80, "usable_f1": 0.67}),
}

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def _score(gold: Path, tmp_path: Path) -> dict:
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    raws = [RawDoc(id=r["id"], content=r["text"], kind="text", source="gate",
                   publication_date=r.get("publication_date")) for r in records]
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for res in process(raws):
            fh.write(json.dumps(res.to_dict() if hasattr(res, "to_dict") else {"id": res.doc_id, "events": []}) + "\n")
    out = subprocess.run([sys.executable, str(SCORE), "articles", str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["metrics"]


@pytest.mark.parametrize("name", sorted(GATES))
def test_quality_articles_precision_and_usable_f1(name, tmp_path, shared_dir):
    gold, mins = GATES[name]
    m = _score(gold, tmp_path)
    for metric, minimum in mins.items():
        assert m[metric] >= minimum, (name, metric, m[metric], {k: m[k] for k in mins})
