"""code(): the rules propose, the event model (faked here) decides; without a model the rules stand."""
from __future__ import annotations

import pytest

from conftest import FakeEventModel
from eventwatch.annotate.pipeline import annotate
from eventwatch.coding import coder
from eventwatch.models import Article


@pytest.fixture
def fake(monkeypatch):
    def install(word, typ, p):
        monkeypatch.setattr(coder, "model_for", lambda ann: FakeEventModel({word: (typ, p)}))
    return install


def _ann(text):
    return annotate(Article(id="c", text=text, publication_date="2021-06-01"))


@pytest.mark.parametrize("p,expected", [(0.9, ["AID"]), (0.3, [])])
def test_coding_coder_model_adds_events_above_threshold(fake, p, expected):
    fake("flew", "AID", p)
    evs = coder.code(_ann("The charity flew blankets to the mountain villages."), min_confidence=0.55)
    assert [e.type for e in evs] == expected
    assert all(e.coder == "model" and e.cameo == "07" and e.confidence == p for e in evs)


def test_coding_coder_agreeing_model_marks_both(fake):
    fake("arrested", "COERCE", 0.9)
    evs = coder.code(_ann("Police arrested the editor."))
    assert [(e.type, e.coder) for e in evs] == [("COERCE", "both")]


def test_coding_coder_model_none_drops_a_rule_proposal(fake):
    fake("editor", "COERCE", 0.9)  # the model sees no event on "arrested"
    assert [e.trigger.text for e in coder.code(_ann("Police arrested the editor."))] == ["editor"]


def test_coding_coder_pattern_only_ignores_the_model(fake):
    fake("flew", "AID", 0.99)
    assert coder.code(_ann("The charity flew blankets to the mountain villages."), coders={"pattern"}) == []


def test_coding_coder_without_model_warns_and_keeps_rule_events(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTWATCH_MODEL_PATH", str(tmp_path / "no-model"))
    ann = _ann("Police arrested the editor.")
    evs = coder.code(ann)
    assert [e.type for e in evs] == ["COERCE"]
    assert any("event model unavailable" in w for w in ann.warnings)


@pytest.mark.parametrize("p,kept", [(0.8, False), (0.9, True)])
def test_coding_coder_event_with_nobody_needs_more_confidence(fake, p, kept):
    fake("scuffles", "ASSAULT", p)  # the fake names no actor or recipient
    evs = coder.code(_ann("There were scuffles near the station."))
    assert bool(evs) is kept
