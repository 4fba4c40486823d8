"""Pattern coder rules on our own sentences: roles, status, date, place, attribution."""
from __future__ import annotations

import pytest

from eventwatch.annotate.pipeline import annotate
from eventwatch.coding.coder import code
from eventwatch.models import Article


def _events(text, published="2021-06-01"):
    ann = annotate(Article(id="t", text=text, publication_date=published))
    return code(ann, coders={"pattern"})


def _one(text, typ, published="2021-06-01"):
    evs = [e for e in _events(text, published) if e.type == typ]
    assert evs, f"no {typ} in {text!r}: {[e.type for e in _events(text, published)]}"
    return evs[0]


@pytest.mark.parametrize("text,typ,actor,recipient", [
    ("The activists were arrested by the police in Lagos.", "COERCE", "police", "activists"),
    ("Two reporters were detained on Friday.", "COERCE", None, "reporters"),
    ("Soldiers beat the farmers.", "ASSAULT", "Soldiers", "farmers"),
])
def test_coding_patterns_passive_and_active_roles(text, typ, actor, recipient):
    e = _one(text, typ)
    if actor is None:
        assert not e.actor
    else:
        assert any(actor in a.text for a in e.actor)
    assert any(recipient in r.text for r in e.recipient)


@pytest.mark.parametrize("text,typ,n_actors", [
    ("France and Germany condemned the coup.", "ACCUSE", 2),
    ("Egypt, Jordan and Qatar held talks on the crisis.", "CONSULT", 3),
])
def test_coding_patterns_coordinated_subjects_are_separate_actors(text, typ, n_actors):
    assert len(_one(text, typ).actor) == n_actors


def test_coding_patterns_apposition_stays_in_one_actor():
    e = _one("Maria Lopez, the mayor of the town, criticized the police chief.", "ACCUSE")
    assert e.actor and e.actor[0].text.startswith("Maria Lopez")


@pytest.mark.parametrize("text,typ,status", [
    ("The minister did not meet the strikers.", "CONSULT", "negated"),
    ("Nurses will protest outside the ministry next week.", "PROTEST", "future"),
    ("The students plan to rally in the capital.", "PROTEST", "future"),
    ("The army could deploy troops to the border.", "MOBILIZE", "hypothetical"),
    ("If talks fail, the union would strike.", "CONSULT", "hypothetical"),
    ("Police arrested the editor in 1988.", "COERCE", "historical"),
    ("Police arrested the editor on Tuesday.", "COERCE", "occurred"),
])
def test_coding_patterns_status(text, typ, status):
    assert _one(text, typ).status == status


def test_coding_patterns_refusal_is_reject_not_negation():
    evs = _events("The government refused to release the prisoners.")
    assert [e.type for e in evs] == ["REJECT"] and evs[0].status == "occurred"


def test_coding_patterns_threat_content_is_not_a_future_event():
    evs = _events("The rebels threatened to attack the capital.")
    assert [e.type for e in evs] == ["THREATEN"]


@pytest.mark.parametrize("text,typ,recipient", [
    ("The arrest of the blogger angered his readers.", "COERCE", "blogger"),
    ("Protests by farmers blocked the roads.", "PROTEST", None),
    ("Their refusal to let the monitors in was criticized.", "REJECT", None),
])
def test_coding_patterns_nominal_events(text, typ, recipient):
    e = _one(text, typ)
    if recipient:
        assert any(recipient in r.text for r in e.recipient)


def test_coding_patterns_nominal_by_phrase_is_actor():
    e = _one("Protests by farmers blocked the roads.", "PROTEST")
    assert any("farmers" in a.text for a in e.actor)


@pytest.mark.parametrize("text,attribution", [
    ("Police arrested five students, according to state television.", "state television"),
    ("Police arrested five students, the newspaper reported.", "the newspaper"),
    ("Police arrested five students on Monday.", None),
])
def test_coding_patterns_attribution(text, attribution):
    assert _one(text, "COERCE").attribution == attribution


def test_coding_patterns_date_in_clause_beats_publication():
    e = _one("Police detained the lawyer on March 3, 2021.", "COERCE")
    assert e.date == "2021-03-03" and e.date_precision == "day"


def test_coding_patterns_no_date_falls_back_to_publication():
    e = _one("Police detained the lawyer.", "COERCE", published="2021-06-01")
    assert e.date == "2021-06-01" and e.date_precision == "publication"


def test_coding_patterns_no_date_no_publication_is_null():
    e = _one("Police detained the lawyer.", "COERCE", published=None)
    assert e.date is None and e.date_precision is None


@pytest.mark.parametrize("text,place", [
    ("Police arrested ten protesters in Nairobi.", "Nairobi"),
    ("Kenyan police arrested ten protesters.", None),
])
def test_coding_patterns_place_is_locative_phrase_only(text, place):
    loc = _one(text, "COERCE").location
    assert (loc.text if loc else None) == place


def test_coding_patterns_reporting_verb_is_not_an_event():
    assert _events("The spokesman said the weather was fine.") == []


def test_coding_patterns_every_event_has_trigger_evidence_cameo():
    text = "Troops opened fire on the crowd. The EU imposed sanctions on the junta."
    for e in _events(text):
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.evidence.start <= e.trigger.start < e.evidence.end
        assert e.cameo and e.coder == "pattern" and 0 < e.confidence <= 1


def test_coding_patterns_boilerplate_sentences_skipped():
    assert _events("Sign up for our newsletter to get reports on arrests.") == []


@pytest.mark.parametrize("text,typ", [
    ("The president will visit Chile next week.", "AGREE"),
    ("Japan said it will provide emergency aid to the islands.", "AGREE"),
    ("The bloc will impose sanctions on the generals.", "THREATEN"),
    ("The government will not accept the proposal.", "REJECT"),
    ("The parties failed to reach an agreement.", "REJECT"),
])
def test_coding_patterns_announced_acts_follow_manual(text, typ):
    assert typ in {e.type for e in _events(text)}


@pytest.mark.parametrize("text,typ,mode", [
    ("Militants killed three soldiers with a roadside bomb.", "ASSAULT", "explosives"),
    ("Gunmen killed the mayor with a rifle.", "ASSAULT", "firearms"),
    ("The regime threatened to arrest the strike leaders.", "THREATEN", "arrest"),
    ("The rebels threatened to attack the capital.", "THREATEN", "violence"),
])
def test_coding_patterns_mode_from_instrument_or_threat_content(text, typ, mode):
    assert _one(text, typ).mode == mode


def test_coding_patterns_actor_span_stops_at_locative():
    e = _one("A guard in Tororo was killed by the raiders.", "ASSAULT")
    assert [r.text for r in e.recipient] == ["A guard"]
