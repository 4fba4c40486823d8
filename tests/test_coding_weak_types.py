"""Rules for the weak PLOVER types (our own sentences): threats vs future acts, SANCTION withdraw/expel,
MOBILIZE posture, non-event nouns, future frames only through their complement."""
from __future__ import annotations

import pytest

from eventwatch.annotate.pipeline import annotate
from eventwatch.coding.coder import code
from eventwatch.models import Article


def _events(text):
    return code(annotate(Article(id="wt", text=text, publication_date="2021-06-01")), coders={"pattern"})


def _types(text):
    return {e.type for e in _events(text)}


@pytest.mark.parametrize("text", [
    # an announced withdrawal of one's own monitors/peacekeepers is a threatened sanction, not a retreat
    "Nigeria announced that it will withdraw its peacekeepers from the region.",
    "The agency said it would withdraw its monitors unless the fighting stopped.",
    # a promise of force is a threat
    "The rebel commander vowed to attack the army.",
    "Separatist commanders swore to fight on until the province is free.",
])
def test_coding_weak_threats_not_future_acts(text):
    assert _types(text) == {"THREATEN"}


def test_coding_weak_withdrawing_troops_is_still_retreat():
    assert "RETREAT" in _types("Russia withdrew its troops from the border.")


def test_coding_weak_promises_stay_agree():
    assert _types("The president vowed to protect journalists.") == {"AGREE"}


@pytest.mark.parametrize("text,typ", [
    ("The European Union suspended part of its budget support to Mozambique.", "SANCTION"),
    ("Kenya ordered a suspension of cargo flights to the breakaway region.", "SANCTION"),
    ("The government expelled two United Nations inspectors.", "SANCTION"),
    ("Police in the capital stayed on alert ahead of the verdict.", "MOBILIZE"),
    ("The government bolstered its garrison in the mountain province.", "MOBILIZE"),
    ("Police prevented a rally by opposition students outside the court.", "COERCE"),
    ("Rebel fighters captured the provincial capital after a week of fighting.", "ASSAULT"),
])
def test_coding_weak_types_lexicon(text, typ):
    assert typ in _types(text)


@pytest.mark.parametrize("text,absent", [
    ("The minister mobilized pressure groups abroad to lobby for the treaty.", "MOBILIZE"),
    ("Aid agencies warned of famine in the north.", "AID"),
    ("The ministry said in a press release that the talks had ended.", "RETREAT"),
])
def test_coding_weak_not_events(text, absent):
    assert absent not in _types(text)


def test_coding_weak_adjunct_is_not_a_future_frame():
    # "set" frames the future only as "is set to"; here the killing already happened
    evs = [e for e in _events("Settlers set the shop alight following the killing of a farmer.") if e.type == "ASSAULT"]
    assert evs and evs[0].status == "occurred"
    # "set fire to" property is itself the event (CAMEO 171 damage property: COERCE), not a future frame
    evs = _events("Settlers set fire to a shop following the killing of a farmer.")
    assert [e.type for e in evs] == ["COERCE"] and evs[0].status == "occurred"


@pytest.mark.parametrize("text", [
    "The army plans to deploy more troops to the border.",
    "Government troops prepared to resume bombing the insurgent strongholds.",
])
def test_coding_weak_material_preparation_is_mobilize_not_threat(text):
    evs = _events(text)
    assert {e.type for e in evs} == {"MOBILIZE"}
    assert evs[0].status == "future"


def test_coding_weak_announced_sanction_is_still_a_threat():
    assert _types("The EU warned it will impose sanctions on Belarus.") == {"THREATEN"}
    assert _types("Japan said it would withdraw its ambassador from Seoul.") == {"THREATEN"}


def test_coding_weak_suspended_deliveries_is_sanction():
    assert "SANCTION" in _types("The UN suspended food deliveries to the region after the attack.")


def test_coding_weak_withdrawal_happens_where_it_leaves_from():
    e = [e for e in _events("Israel will withdraw its troops from the West Bank town next week.") if e.type == "RETREAT"][0]
    assert e.location is not None and e.location.text == "West Bank"


@pytest.mark.parametrize("text,actor,recipient", [
    ("Oxfam said the port authorities must release the impounded grain shipments.", "Oxfam",
     "the port authorities"),
    ("The minister said the police should release the detained students.", "The minister", "the police"),
])
def test_coding_weak_reported_must_is_a_demand(text, actor, recipient):
    evs = _events(text)
    assert [e.type for e in evs] == ["REQUEST"]
    assert [a.text for a in evs[0].actor] == [actor] and [r.text for r in evs[0].recipient] == [recipient]


@pytest.mark.parametrize("text", ["He said he must leave early.", "Analysts said the economy should recover next year."])
def test_coding_weak_must_without_an_addressee_is_no_demand(text):
    assert "REQUEST" not in _types(text)


@pytest.mark.parametrize("text,typ", [
    ("Separatist militias have captured most of Somalia since the spring.", "ASSAULT"),  # territory: force
    ("Troops captured the rebel commander.", "COERCE"),  # a person: arrest
])
def test_coding_weak_capture_of_territory_vs_person(text, typ):
    assert _types(text) == {typ}
