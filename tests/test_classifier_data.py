import collections

import numpy as np
import pytest

from eventwatch.coding.classifier import WEIGHTS, data_sha256, load_classifier
from eventwatch.coding.train import CLASSES, load_training
from eventwatch.errors import CodebookError

# Current floor of the hand-written data; the target is 40 per type.
MIN_PER_TYPE = 16


def test_training_data_every_type_has_min_examples():
    counts = collections.Counter(r["type"] for r in load_training())
    assert {c: counts[c] for c in CLASSES if counts[c] < MIN_PER_TYPE} == {}


@pytest.mark.parametrize("entry,msg", [
    ('{type: ASSALT, text: "Troops shelled the town on Monday."}', "unknown type"),
    ('{type: ASSAULT, mode: hug, text: "Troops shelled the town on Monday."}', "unknown mode"),
    ('{type: ASSAULT, text: "x"}', "'text' must be a sentence"),
])
def test_training_loader_rejects_bad_entry_naming_line(entry, msg):
    text = "version: 1\nsentences:\n- {type: AID, text: \"The UN sent food aid.\"}\n- " + entry + "\n"
    with pytest.raises(CodebookError, match=r"t\.yaml:4: " + msg):
        load_training("t.yaml", text)


def test_classifier_weights_match_training_data_hash():
    z = np.load(WEIGHTS, allow_pickle=False)
    assert str(z["data_sha256"]) == data_sha256()
    assert sorted(str(c) for c in z["classes"]) == sorted(CLASSES)


@pytest.mark.slow
def test_classifier_predict_proba_is_normalised():
    probs = load_classifier().predict_proba(["Police arrested 40 protesters in the capital on Sunday.", "x y z"])
    assert len(probs) == 2
    for p in probs:
        assert set(p) == set(CLASSES)
        assert abs(sum(p.values()) - 1) < 1e-5
