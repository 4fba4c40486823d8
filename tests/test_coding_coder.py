"""code(): pattern events decide; a classifier (faked here) adds recall and confirms."""
from __future__ import annotations

import pytest

from eventwatch.annotate.pipeline import annotate
from eventwatch.coding import coder
from eventwatch.models import Article


class FakeClassifier:
    def __init__(self, typ, p):
        self.typ, self.p = typ, p

    def predict_proba(self, texts):
        return [{self.typ: self.p, "AGREE": (1 - self.p) / 2, "CONSULT": (1 - self.p) / 2} for _ in texts]


@pytest.fixture
def fake(monkeypatch):
    def install(typ, p):
        monkeypatch.setattr(coder, "_classifier", FakeClassifier(typ, p))
        monkeypatch.setattr(coder, "_classifier_failed", False)
    return install


def _ann(text):
    return annotate(Article(id="c", text=text, publication_date="2021-06-01"))


@pytest.mark.parametrize("p,expected", [(0.9, ["AID"]), (0.3, [])])
def test_coding_coder_classifier_adds_recall_above_threshold(fake, p, expected):
    fake("AID", p)
    evs = coder.code(_ann("The charity flew blankets to the mountain villages."),
                             coders={"pattern", "classifier"}, min_confidence=0.55)
    assert [e.type for e in evs] == expected
    assert all(e.coder == "classifier" and e.cameo == "07" for e in evs)


def test_coding_coder_agreeing_classifier_marks_both(fake, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_CLASSIFIER_CONFIRM", "1")
    fake("COERCE", 0.8)
    evs = coder.code(_ann("Police arrested the editor."), coders={"pattern", "classifier"})
    assert [(e.type, e.coder) for e in evs] == [("COERCE", "both")]


def test_coding_coder_pattern_only_ignores_classifier(fake):
    fake("AID", 0.99)
    assert coder.code(_ann("The charity flew blankets to the mountain villages."), coders={"pattern"}) == []


def test_coding_coder_works_without_classifier(monkeypatch):
    monkeypatch.setattr(coder, "_classifier", None)
    monkeypatch.setattr(coder, "_classifier_failed", True)
    evs = coder.code(_ann("Police arrested the editor."), coders={"pattern", "classifier"})
    assert [e.type for e in evs] == ["COERCE"]


def test_coding_coder_skips_opinion_quotes(fake):
    fake("ACCUSE", 0.9)
    assert coder.code(_ann('"This is a sad day for all of us," the mayor said.'),
                      coders={"pattern", "classifier"}) == []
