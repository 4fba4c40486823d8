"""How code() combines the pattern coder with the classifier (a fake one here, no torch)."""
from __future__ import annotations

import pytest

from eventwatch import settings
from eventwatch.annotate.pipeline import annotate
from eventwatch.coding import coder
from eventwatch.models import Article

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "NONE")


class SpyClassifier:
    """Gives ``probs`` (a dict type -> p, the rest spread evenly) for every text; records the texts."""

    def __init__(self, probs):
        rest = (1 - sum(probs.values())) / (len(TYPES) - len(probs))
        self.p = {t: probs.get(t, rest) for t in TYPES}
        self.seen: list[str] = []

    def predict_proba(self, texts):
        self.seen.extend(texts)
        return [dict(self.p) for _ in texts]


@pytest.fixture(autouse=True)
def _default_settings(monkeypatch):
    for name in ("CODERS", "CLASSIFIER_MIN_CONFIDENCE", "CLASSIFIER_VETO_CONFIDENCE",
                 "CLASSIFIER_REQUIRE_ACTOR", "CLASSIFIER_CONFIRM"):
        monkeypatch.delenv(f"EVENTWATCH_{name}", raising=False)


@pytest.fixture
def spy(monkeypatch):
    def install(probs):
        c = SpyClassifier(probs)
        monkeypatch.setattr(coder, "_classifier", c)
        monkeypatch.setattr(coder, "_classifier_failed", False)
        return c
    return install


def _ann(text):
    return annotate(Article(id="cc", text=text, publication_date="2021-06-01"))


BOTH = "Police arrested the editor. The charity flew blankets to the mountain villages."


def test_classifier_combination_default_embeds_only_sentences_without_pattern_events(spy):
    # Default: both coders; the classifier reads only the sentence the patterns
    # found nothing in (confirm off keeps coding inside 30% of annotation time).
    c = spy({"AID": 0.95})
    assert settings.get("coders") == "pattern,classifier"
    assert not settings.get("classifier_confirm")
    evs = coder.code(_ann(BOTH))
    assert [(e.type, e.coder) for e in evs] == [("COERCE", "pattern"), ("AID", "classifier")]
    assert len(c.seen) == 1 and "blankets" in c.seen[0]


def test_classifier_combination_adds_recall_only_where_patterns_found_nothing(spy):
    spy({"AID": 0.9})
    evs = coder.code(_ann(BOTH), coders={"pattern", "classifier"}, min_confidence=0.6)
    got = sorted((e.type, e.coder, e.trigger.text) for e in evs)
    # the arrest sentence keeps its pattern type; the classifier's AID does not override it
    assert got == [("AID", "classifier", "flew"), ("COERCE", "pattern", "arrested")]
    aid = next(e for e in evs if e.type == "AID")
    assert aid.confidence == 0.9 and aid.cameo == "07" and [a.text for a in aid.actor] == ["The charity"]


def test_classifier_combination_never_codes_none(spy):
    spy({"NONE": 0.9, "AID": 0.05})
    assert coder.code(_ann("The charity flew blankets to the mountain villages."),
                      coders={"pattern", "classifier"}, min_confidence=0.01) == []


def test_classifier_combination_needs_best_type_above_none(spy):
    spy({"NONE": 0.45, "AID": 0.4})
    assert coder.code(_ann("The charity flew blankets to the mountain villages."),
                      coders={"pattern", "classifier"}, min_confidence=0.3) == []


@pytest.mark.parametrize("need_actor,expected", [("1", []), ("0", ["AID"])])
def test_classifier_combination_actor_requirement(spy, monkeypatch, need_actor, expected):
    c = spy({"AID": 0.9})
    monkeypatch.setenv("EVENTWATCH_CLASSIFIER_REQUIRE_ACTOR", need_actor)
    evs = coder.code(_ann("It rained heavily across the valley on Monday."),
                     coders={"pattern", "classifier"}, min_confidence=0.5)
    assert [e.type for e in evs] == expected
    # without an actor the sentence is not even embedded
    assert bool(c.seen) == (need_actor == "0")


@pytest.mark.parametrize("veto,expected", [("1.0", ["COERCE"]), ("0.8", [])])
def test_classifier_combination_none_veto(spy, monkeypatch, veto, expected):
    spy({"NONE": 0.85})
    monkeypatch.setenv("EVENTWATCH_CLASSIFIER_CONFIRM", "1")  # the veto reads sentences with pattern events
    monkeypatch.setenv("EVENTWATCH_CLASSIFIER_VETO_CONFIDENCE", veto)
    evs = coder.code(_ann("Police arrested the editor."), coders={"pattern", "classifier"})
    assert [e.type for e in evs] == expected


def test_classifier_combination_confirm_marks_both_or_lowers(spy, monkeypatch):
    spy({"COERCE": 0.8})
    monkeypatch.setenv("EVENTWATCH_CLASSIFIER_CONFIRM", "1")
    base = coder.code(_ann("Police arrested the editor."), coders={"pattern"})[0].confidence
    (e,) = coder.code(_ann("Police arrested the editor."), coders={"pattern", "classifier"})
    assert (e.coder, e.confidence) == ("both", round(min(0.99, base + 0.1), 2))
    spy({"ASSAULT": 0.9, "COERCE": 0.01})
    (e,) = coder.code(_ann("Police arrested the editor."), coders={"pattern", "classifier"})
    assert (e.type, e.coder, e.confidence) == ("COERCE", "pattern", round(base - 0.1, 2))


def test_classifier_combination_confirm_off_embeds_only_uncovered_sentences(spy, monkeypatch):
    c = spy({"COERCE": 0.8})
    monkeypatch.setenv("EVENTWATCH_CLASSIFIER_CONFIRM", "0")
    evs = coder.code(_ann(BOTH), coders={"pattern", "classifier"}, min_confidence=0.9)
    assert [(e.type, e.coder) for e in evs] == [("COERCE", "pattern")]
    assert c.seen == ["The charity flew blankets to the mountain villages."]


def test_classifier_combination_skips_quotes_short_and_boilerplate(spy):
    c = spy({"ACCUSE": 0.9})
    text = ('"The government has betrayed us all," the mayor said.\n\nHe left.\n\n'
            "Sign up for our newsletter to get the latest news by email.")
    assert coder.code(_ann(text), coders={"pattern", "classifier"}) == []
    assert c.seen == []


def test_classifier_combination_failure_keeps_pattern_events(monkeypatch):
    class Broken:
        def predict_proba(self, texts):
            raise RuntimeError("boom")
    monkeypatch.setattr(coder, "_classifier", Broken())
    monkeypatch.setattr(coder, "_classifier_failed", False)
    evs = coder.code(_ann(BOTH), coders={"pattern", "classifier"})
    assert [(e.type, e.coder) for e in evs] == [("COERCE", "pattern")]


def test_classifier_combination_classifier_alone(spy):
    spy({"AID": 0.9})
    evs = coder.code(_ann(BOTH), coders={"classifier"}, min_confidence=0.6)
    assert sorted((e.type, e.coder) for e in evs) == [("AID", "classifier"), ("AID", "classifier")]
