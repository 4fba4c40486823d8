"""Quality gate for quotes: 18 hand-marked political news articles
(tests/data/quotes_news.jsonl, PolNeAR-style gold: direct and mixed quotes
with their source mention; indirect attributions marked but not scored)
through the whole pipeline, scored by the shared eval kit's own scorer
(task ``quotes``), so a regression in quote finding, speaker attribution or
anything upstream of them shows up as a lower quote_speaker_f1.

The articles were written for this project (fictional people) to cover what
news does with quotes: wire-style runs over several paragraphs, colon
introductions, "said in a statement" / "wrote on X", mixed quotes inside
indirect speech, titles and scare quotes that are not quotes, speakers in a
following sentence or by description, pronouns across paragraphs, nested
single marks, curly and straight marks, and a stray unclosed mark.
Regenerate the gold with ``python tests/data/make_quotes_news.py``.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "data" / "quotes_news.jsonl"
# Measured when pinned: quote_speaker_f1 0.982, quote_f1 0.998,
# speaker_acc_on_matched 0.985 (196 gold quotes). A little slack for model drift.
MINIMUM = {"quote_speaker_f1": 0.96, "quote_f1": 0.98, "speaker_acc_on_matched": 0.96}


# 5 articles annotated before their first run (issue 9): quote+speaker F1 0.833 at that run, 0.889 now.
# One speaker changed with the editorial convention (README quotes): qb-02's "the Valley Times
# said in an editorial" is the outlet's own words, so it speaks (the gold had none; same score).
BLIND = GOLD.parent / "quotes_blind.jsonl"
BLIND_MINIMUM = {"quote_speaker_f1": 0.86, "quote_f1": 0.86}


# 29 VOA stories of ../shared/corpus/voa/pool.jsonl, annotated before their first run
# (tests/data/make_quotes_blind_voa.py): 0.799 at that run (0.828 on the gold
# as completed: indirect layer, one convention fix), 0.943 when pinned; its errors
# were read to find the classes fixed, so it is no longer blind.
VOA = GOLD.parent / "quotes_blind_voa.jsonl"
VOA_MINIMUM = {"quote_speaker_f1": 0.92, "quote_f1": 0.95, "speaker_acc_on_matched": 0.95}


# 25 of our own wire stories (data/annotations/texts/wire-090 ... wire-210, every 5th),
# annotated before their first run (tests/data/make_quotes_blind_wire.py): quote+speaker
# F1 0.867 at that run on the gold as annotated (P 0.895, R 0.841), 0.885 with one
# speaker's fragments of a sentence joined (the project's convention); pinned after
# the fixes its errors showed (0.937, quote F1 0.984, speaker 0.952), so it is no longer blind.
WIRE = GOLD.parent / "quotes_blind_wire.jsonl"
WIRE_TEXTS = GOLD.parent.parent.parent / "data" / "annotations" / "texts"
WIRE_MINIMUM = {"quote_speaker_f1": 0.93, "quote_f1": 0.98, "speaker_acc_on_matched": 0.94}
# 15 more (wire-400 ... wire-540, every 10th; 44 direct/mixed, 111 indirect), annotated by a helper
# who saw neither the output nor the code, before their first run, 2026-12-02: quote+speaker F1
# 0.955 (P = R), quote F1 1.000, speaker right on 95.5% of found quotes at that run.
WIRE2 = GOLD.parent / "quotes_blind_wire2.jsonl"
WIRE2_MINIMUM = {"quote_speaker_f1": 0.93, "quote_f1": 0.98, "speaker_acc_on_matched": 0.93}


@pytest.fixture(scope="module")
def metrics(shared_dir, tmp_path_factory) -> dict:
    return _metrics(GOLD, shared_dir, tmp_path_factory)


@pytest.fixture(scope="module")
def blind_metrics(shared_dir, tmp_path_factory) -> dict:
    return _metrics(BLIND, shared_dir, tmp_path_factory)


@pytest.fixture(scope="module")
def voa_gold(shared_dir, tmp_path_factory) -> Path:
    """The VOA gold with its stories' texts joined back from ../shared (the repo keeps no copy)."""
    pool_file = shared_dir / "corpus" / "voa" / "pool.jsonl"
    if not pool_file.exists():
        pytest.skip(f"shared VOA pool absent: {pool_file} not found")
    pool = {r["id"]: r for r in map(json.loads, pool_file.read_text(encoding="utf-8").splitlines())}
    out = []
    for line in VOA.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = pool[r["id"]]["text"]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == r["text_sha256"], f"{r['id']}: pool text changed"
        out.append(json.dumps(dict(r, text=text), ensure_ascii=False) + "\n")
    path = tmp_path_factory.mktemp("voa") / "quotes_blind_voa.jsonl"
    path.write_text("".join(out), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def voa_metrics(voa_gold, shared_dir, tmp_path_factory) -> dict:
    return _metrics(voa_gold, shared_dir, tmp_path_factory)


@pytest.fixture(scope="module")
def wire_metrics(shared_dir, tmp_path_factory) -> dict:
    return _metrics(WIRE, shared_dir, tmp_path_factory)


@pytest.fixture(scope="module")
def wire2_metrics(shared_dir, tmp_path_factory) -> dict:
    return _metrics(WIRE2, shared_dir, tmp_path_factory)


def _metrics(gold_file: Path, shared_dir, tmp_path_factory) -> dict:
    scorer = shared_dir / "eval" / "score.py"
    if not scorer.exists():
        pytest.skip(f"shared eval kit absent: {scorer} not found")
    from eventwatch.annotate.pipeline import annotate_many
    from eventwatch.models import RawDoc
    from eventwatch.text.extract import to_article

    lines = [line for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [json.loads(line) for line in lines]
    # only what the program may see: id, text, publication_date. The text and
    # annotate stages of the pipeline, in process; event coding adds nothing
    # to quotes and would double the run time.
    arts = [to_article(RawDoc(id=g["id"], content=g["text"], source="quotes_news",
                              publication_date=g.get("publication_date"))) for g in gold]
    preds = [{"id": a.article.id, "text": a.article.text, "quotes": [q.to_dict() for q in a.quotes]}
             for a in annotate_many(arts)]
    assert len(preds) == len(gold)
    assert all(p["text"] == g["text"] for p, g in zip(preds, gold)), "offsets must index the input text"
    tmp = tmp_path_factory.mktemp("quotes")
    pred_path = tmp / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), "quotes", str(gold_file), str(pred_path), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["metrics"]


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("metric", sorted(MINIMUM))
def test_quality_quotes_above_pinned(metrics, metric):
    assert metrics[metric] >= MINIMUM[metric], metrics


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("metric", sorted(BLIND_MINIMUM))
def test_quality_quotes_blind_above_pinned(blind_metrics, metric):
    assert blind_metrics[metric] >= BLIND_MINIMUM[metric], blind_metrics


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("metric", sorted(VOA_MINIMUM))
def test_quality_quotes_voa_above_pinned(voa_metrics, metric):
    assert voa_metrics[metric] >= VOA_MINIMUM[metric], voa_metrics


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("metric", sorted(WIRE_MINIMUM))
def test_quality_quotes_wire_above_pinned(wire_metrics, metric):
    assert wire_metrics[metric] >= WIRE_MINIMUM[metric], wire_metrics


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("metric", sorted(WIRE2_MINIMUM))
def test_quality_quotes_wire2_above_pinned(wire2_metrics, metric):
    assert wire2_metrics[metric] >= WIRE2_MINIMUM[metric], wire2_metrics


@pytest.mark.parametrize("gold_file,story", [
    (f, json.loads(line)["id"]) for f in (WIRE, WIRE2) for line in f.read_text(encoding="utf-8").splitlines()])
def test_quotes_wire_gold_text_is_the_story_file(gold_file, story):
    # the gold carries the story's text; it must still be the file's (offsets index it)
    rec = next(r for r in map(json.loads, gold_file.read_text(encoding="utf-8").splitlines()) if r["id"] == story)
    assert rec["text"] == (WIRE_TEXTS / f"{story}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["news", "blind", "voa", "wire", "wire2"])
def test_quotes_news_gold_offsets(which, request):
    # the gold itself: every content and speaker segment indexes its text
    gold_file = {"news": GOLD, "blind": BLIND, "wire": WIRE, "wire2": WIRE2}.get(which) or request.getfixturevalue(
        "voa_gold")
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for a in r["expected"]["attributions"]:
            for seg in a["content"]["segments"]:
                assert 0 <= seg["char_start"] < seg["char_end"] <= len(r["text"])
            sp = a["speaker"]
            if sp:
                seg = sp["segments"][0]
                assert r["text"][seg["char_start"]:seg["char_end"]] == sp["text"]
