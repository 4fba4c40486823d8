"""The learned event model: examples, artefact, determinism, and the model's last word."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, FakeEventModel
from eventwatch.coding import combine as combine_mod
from eventwatch.coding.examples import (IGNORE, STATUSES, TYPE_INDEX, TYPES, TrainingDataError, data_sha256,
                                        head_token, label_units, read_articles, sentence_units)
from eventwatch.coding.artefact import MODEL_DIR, WEIGHTS_FILE, read_meta
from eventwatch.coding.patterns import code_patterns
from eventwatch.models import Article, Token

TRAIN_FILES = sorted((ROOT / "data" / "annotations").glob("train-*.jsonl"))
POOL = SHARED / "corpus" / "voa" / "pool-articles.jsonl"


def _tok(i, text, start, head, pos="NOUN", dep="dep", sent=0):
    return Token(i=i, text=text, start=start, end=start + len(text), lemma=text.lower(), pos=pos, tag="",
                 dep=dep, head=head, sent=sent)


@pytest.mark.parametrize("span,expect", [
    ((0, 6), "threats"),      # the head of "threats of Washington sanctions"
    ((11, 21), "Washington"),  # one word
    ((0, 32), "threats"),
])
def test_examples_head_token_is_the_span_head(span, expect):
    toks = [_tok(0, "threats", 0, 0, dep="ROOT"), _tok(1, "of", 8, 0, pos="ADP"),
            _tok(2, "Washington", 11, 3, pos="PROPN"), _tok(3, "sanctions", 22, 1)]
    assert head_token(toks, *span).text == expect


def test_examples_label_units_marks_trigger_type_status_and_roles(annotated):
    text = "Police arrested twelve protesters in Dhaka on Monday. The weather was warm."
    ann = annotated(text)
    units = list(sentence_units(ann, []))
    s = text.index("arrested")
    gold = [{"type": "COERCE", "status": "occurred", "trigger": {"char_start": s, "char_end": s + 8},
             "actor": [{"char_start": 0, "char_end": 6}],
             "recipient": [{"char_start": text.index("twelve"), "char_end": text.index(" in")}]}]
    label_units(units, gold)
    first = units[0]
    k = first.words.index("arrested")
    assert first.labels[k] == TYPE_INDEX["COERCE"]
    assert first.status[k] == STATUSES.index("occurred")
    assert [lab for j, lab in enumerate(first.labels) if j != k and lab != IGNORE] == \
        [0] * (sum(1 for lab in first.labels if lab != IGNORE) - 1)
    (trig, actors, recips), = first.roles
    assert trig == k and first.words[actors[0]] == "Police" and first.words[recips[0]] == "protesters"
    assert all(lab in (0, IGNORE) for lab in units[1].labels)  # an annotated article's other sentences are negatives



@pytest.mark.parametrize("partial", [False, True])
def test_examples_partial_records_teach_no_roles(annotated, partial):
    # a type-only record's empty actor list means "not annotated"; teaching it as "nobody" made
    # the role head shy of actors everywhere
    text = "Soldiers shelled a village near the border on Monday."
    ann = annotated(text)
    units = list(sentence_units(ann, []))
    s = text.index("shelled")
    gold = [{"type": "ASSAULT", "status": "occurred", "trigger": {"char_start": s, "char_end": s + 7},
             "actor": [], "recipient": []}]
    label_units(units, gold, partial=partial)
    k = units[0].words.index("shelled")
    assert units[0].labels[k] == TYPE_INDEX["ASSAULT"]
    assert len(units[0].roles) == (0 if partial else 1)


def test_examples_sentence_units_carry_the_rules_roles(annotated):
    text = "Troops detained three journalists in the capital on Friday."
    ann = annotated(text)
    rules = code_patterns(ann)
    (ev,) = [e for e in rules if e.trigger.text == "detained"]
    (u,) = list(sentence_units(ann, rules))
    actors, recips = u.rule_roles[u.words.index("detained")]
    assert [u.words[w] for w in actors] == ["Troops"] and [u.words[w] for w in recips] == ["journalists"]
    assert all(k == u.words.index("detained") or u.rule[k] for k in u.rule_roles)


@pytest.mark.slow
@pytest.mark.parametrize("rule_roles", [True, False])
def test_model_role_head_reads_the_rules_proposal_when_configured(rule_roles):
    import torch

    from eventwatch.coding.model import ModelConfig, build_network

    torch.manual_seed(0)
    net = build_network(ModelConfig(layers=1, rule_roles=rule_roles)).eval()
    g = torch.randn(1, 6, net.encoder.config.hidden_size)
    proposed = torch.tensor([[1, 0, 0, 2, 0, 0]])
    with torch.no_grad():
        plain = net.role_logits(g, torch.tensor([1]))
        told = net.role_logits(g, torch.tensor([1]), proposed)
    assert plain.shape == told.shape == (1, 6, 3)
    assert (not torch.allclose(plain, told)) == rule_roles  # an artefact without the feature ignores it


@pytest.mark.slow
@pytest.mark.parametrize("rule_roles,triggers", [(True, [1]), (True, [0, 3, 5]), (False, [2, 4])])
def test_model_sentence_role_logits_equal_the_pairwise_head(rule_roles, triggers):
    """The factorised inference path gives the training head's numbers, with and without proposals."""
    import torch

    from eventwatch.coding.model import ModelConfig, build_network

    torch.manual_seed(1)
    net = build_network(ModelConfig(layers=1, rule_roles=rule_roles)).eval()
    g = torch.randn(7, net.encoder.config.hidden_size)
    trig = torch.tensor(triggers)
    proposed = torch.randint(0, 3, (len(triggers), 7))
    with torch.no_grad():
        for prop in (None, proposed):
            pairwise = net.role_logits(g.unsqueeze(0).expand(len(triggers), -1, -1), trig, prop)
            assert torch.allclose(net.sentence_role_logits(g, trig, prop), pairwise, atol=1e-5)


@pytest.mark.parametrize("content,needle", [
    ("not json\n", "not an annotated article"),
    ('{"id": "x", "text": "t"}\n', "not an annotated article"),
])
def test_examples_read_articles_names_the_bad_line(tmp_path, content, needle):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "ok", "text": "t", "expected": {"events": []}}\n' + content)
    with pytest.raises(TrainingDataError, match=rf"bad.jsonl:2: {needle}"):
        read_articles([p])


def test_examples_data_hash_changes_with_the_bytes(tmp_path):
    a = tmp_path / "a.jsonl"
    a.write_text("1\n")
    h1 = data_sha256([a])
    a.write_text("2\n")
    assert data_sha256([a]) != h1


def test_model_artefact_is_small_and_records_its_data():
    meta = read_meta()
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert (MODEL_DIR / WEIGHTS_FILE).is_file() and size < 5_000_000
    assert meta["types"] == list(TYPES) and meta["statuses"] == list(STATUSES)
    assert len(meta["data_sha256"]) == 64 and meta["data_files"]


@pytest.mark.shared
def test_model_artefact_matches_its_training_data_hash(shared_dir):
    meta = read_meta()
    files = {p.name: p for p in TRAIN_FILES + [POOL]}
    assert sorted(files) == sorted(meta["data_files"]), "model trained on other files: run `make model`"
    assert data_sha256(files.values()) == meta["data_sha256"], "training data changed: run `make model`"


def test_combine_model_none_drops_the_rules_events(annotated):
    ann = annotated("Police arrested twelve protesters in Dhaka on Monday.")
    rules = code_patterns(ann)
    assert rules, "the rule coder proposes the arrest"
    assert combine_mod.combine(ann, rules, FakeEventModel({}), threshold=0.5) == []


@pytest.mark.parametrize("word,typ", [("arrested", "COERCE"), ("arrested", "ASSAULT")])
def test_combine_model_type_wins_and_keeps_rule_roles(annotated, word, typ):
    ann = annotated("Police arrested twelve protesters in Dhaka on Monday.")
    rules = code_patterns(ann)
    evs = combine_mod.combine(ann, rules, FakeEventModel({word: (typ, 0.9)}), threshold=0.5, role_mode="rules")
    assert [(e.type, e.trigger.text) for e in evs] == [(typ, word)]
    assert evs[0].actor == rules[0].actor and evs[0].confidence == 0.9
    assert evs[0].coder == ("both" if typ == rules[0].type else "model")


class _SplitModel(FakeEventModel):
    """The word ``arrested`` gets probability ``best`` for ASSAULT and ``none`` for NONE, the
    rest spread over the other types (the rules' COERCE among them)."""

    def __init__(self, best: float, none: float):
        super().__init__({})
        self.best, self.none = best, none

    def predict(self, units):
        from eventwatch.coding.examples import TYPES

        out = super().predict(units)
        for u, pred in zip(units, out):
            for k, w in enumerate(u.words):
                if w == "arrested":
                    pred.types[k] = (1 - self.best - self.none) / (len(TYPES) - 2)
                    pred.types[k, 0], pred.types[k, TYPES.index("ASSAULT")] = self.none, self.best
        return out


@pytest.mark.parametrize("best,none,kept", [
    (0.45, 0.05, [("ASSAULT", 0.45)]),  # an event for both, its type split: the model's best type
    (0.45, 0.40, []),                   # the model doubts there is an event at all: it goes
    (0.80, 0.05, [("ASSAULT", 0.8)]),   # above the threshold: as any model event
])
def test_combine_rule_event_the_model_types_uncertainly_keeps_its_best_type(annotated, best, none, kept):
    ann = annotated("Police arrested twelve protesters in Dhaka on Monday.")
    rules = code_patterns(ann)
    assert [e.type for e in rules] == ["COERCE"]
    evs = combine_mod.combine(ann, rules, _SplitModel(best, none), threshold=0.75, rule_threshold=0.3,
                              role_mode="rules")
    assert [(e.type, e.confidence) for e in evs] == kept


def test_combine_model_finds_events_the_rules_missed(annotated):
    ann = annotated("The envoy scolded the junta over the crackdown.")
    evs = combine_mod.combine(ann, [], FakeEventModel({"scolded": ("ACCUSE", 0.9)}), threshold=0.5)
    assert [(e.type, e.coder) for e in evs] == [("ACCUSE", "model")]
    assert evs[0].evidence.start == 0 and evs[0].date_precision == "publication"


@pytest.mark.slow
def test_model_shipped_codes_a_plain_arrest():
    from eventwatch import extract

    rec = extract("Police in Dhaka arrested twelve garment workers on Monday, a union leader said.",
                  published="2024-05-06")
    (ev,) = [e for e in rec["events"] if e["type"] == "COERCE"]
    assert ev["trigger"]["text"] == "arrested" and ev["status"] == "occurred"
    assert "Police" in ev["actor"][0]["text"] and "workers" in ev["recipient"][0]["text"]
    assert 0.5 <= ev["confidence"] <= 1.0


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,recipient", [
    ("Border officials barred a visiting Swedish lawmaker from entering the country on Tuesday, her office said.",
     "barred", "lawmaker"),
    ("Vietnam refused entry to a German journalist at Hanoi airport on Friday, the newspaper said.",
     "refused", "journalist"),
    ("The authorities banned the Dutch activist from entering the country for three years, a spokesman said.",
     "banned", "activist"),
])
def test_model_shipped_codes_a_refusal_of_entry(text, trigger, recipient):
    # the class behind a ban missed for its split belief in SANCTION/COERCE/REJECT (our sentences)
    from eventwatch import extract

    evs = [e for e in extract(text, published="2024-05-06")["events"] if e["trigger"]["text"] == trigger]
    assert [e["type"] for e in evs] in (["REJECT"], ["COERCE"])
    assert evs[0]["actor"] and recipient in evs[0]["recipient"][0]["text"]


@pytest.mark.slow
def test_training_is_deterministic(tmp_path):
    from eventwatch.coding.model import ModelConfig
    from eventwatch.coding.training import TrainConfig, train

    recs = [json.loads(line) for line in TRAIN_FILES[0].read_text().splitlines()[:3]]
    data = tmp_path / "train-tiny.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in recs))
    cfg, tc = ModelConfig(layers=1), TrainConfig(epochs=1)
    m1 = train([data], out=tmp_path / "m1", cfg=cfg, tc=tc)
    m2 = train([data], out=tmp_path / "m2", cfg=cfg, tc=tc)
    assert m1["data_sha256"] == m2["data_sha256"] == data_sha256([data])
    assert (tmp_path / "m1" / WEIGHTS_FILE).read_bytes() == (tmp_path / "m2" / WEIGHTS_FILE).read_bytes()


@pytest.mark.parametrize("verb_first", [True, False])
def test_combine_dedupe_keeps_the_predicate_before_its_noun(annotated, verb_first):
    # "The bombing killed nine people": one ASSAULT, on the verb that states it
    text = "The bombing killed nine people in the market."
    ann = annotated(text)
    model = FakeEventModel({"bombing": ("ASSAULT", 0.95 if verb_first else 0.7),
                            "killed": ("ASSAULT", 0.7 if verb_first else 0.95)})
    evs = combine_mod.combine(ann, [], model, threshold=0.5, actorless=0.0)
    assert [e.trigger.text for e in evs] == ["killed"]


@pytest.mark.parametrize("text,noun,verb", [
    ("Nine villagers were killed in the shelling on Monday.", "shelling", "killed"),
    ("The old bridge was destroyed by heavy shelling.", "shelling", "destroyed"),
    ("Four traders were killed due to an airstrike near the market.", "airstrike", "killed"),
    ("Six guards were killed and two hurt in twin blasts at the gate.", "blasts", "killed"),
])
def test_combine_dedupe_keeps_the_predicate_over_the_noun_of_its_phrase(annotated, text, noun, verb):
    # the noun in a phrase on the verb ("killed in the shelling") names the act the verb states: one
    # ASSAULT, on the verb, however much surer the model is of the noun
    ann = annotated(text)
    model = FakeEventModel({noun: ("ASSAULT", 0.95), verb: ("ASSAULT", 0.7)})
    evs = combine_mod.combine(ann, [], model, threshold=0.5, actorless=0.0)
    assert [e.trigger.text for e in evs] == [verb]
